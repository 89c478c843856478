package wxr

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Converting WordPress HTML to Markdown. WordPress stores what its
// editors write: blocks between <!-- wp:… --> comments, the classic
// editor's text whose blank lines are paragraphs, shortcodes, and any
// HTML an author or a plugin typed. The converter parses it as a browser
// would (golang.org/x/net/html, so broken HTML is mended the same way),
// keeps the structure Markdown has (paragraphs, headings, emphasis,
// links, images, lists, quotes, code, tables) and drops everything else:
// comments, scripts, styles, frames, forms, attributes. The Markdown is
// then rendered by the site like any other text, without raw HTML and
// through the sanitiser.

// Images maps the address of an image or a link in a body to its new one;
// ok false keeps it. Attachments ids map a [gallery ids="…"] to images.
type rewriter struct {
	url         func(string) string
	attachments func(id string) (url, alt string, ok bool)
}

// shortcodeRE matches an opening or closing shortcode tag; [[x]] is
// WordPress's escape for a literal [x].
var shortcodeRE = regexp.MustCompile(`\[(\[?)(/?)([a-zA-Z][a-zA-Z0-9_-]*)((?:\s+[^\]]*)?)\](\]?)`)

var attrRE = regexp.MustCompile(`([a-zA-Z_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))`)

// knownShortcodes are those of WordPress itself; others are recognised
// by attributes or a closing tag.
var knownShortcodes = map[string]bool{"caption": true, "wp_caption": true, "gallery": true, "embed": true,
	"audio": true, "video": true, "playlist": true}

// shortcodes turns [caption] into a figure, [gallery ids] into images,
// and removes other shortcodes' tags, keeping what they enclose.
func shortcodes(s string, rw rewriter) string {
	closing := map[string]bool{}
	for _, m := range shortcodeRE.FindAllStringSubmatch(s, -1) {
		if m[2] == "/" {
			closing[strings.ToLower(m[3])] = true
		}
	}
	return shortcodeRE.ReplaceAllStringFunc(s, func(tag string) string {
		m := shortcodeRE.FindStringSubmatch(tag)
		if m[1] == "[" && m[5] == "]" {
			return tag[1 : len(tag)-1]
		}
		name := strings.ToLower(m[3])
		if !knownShortcodes[name] && !closing[name] && !strings.Contains(m[4], "=") {
			return tag // brackets in text
		}
		switch {
		case (name == "caption" || name == "wp_caption") && m[2] == "":
			return "<figure>"
		case name == "caption" || name == "wp_caption":
			return "</figure>"
		case name == "gallery" && m[2] == "":
			var b strings.Builder
			for _, a := range attrRE.FindAllStringSubmatch(m[4], -1) {
				if a[1] != "ids" && a[1] != "include" {
					continue
				}
				for _, id := range strings.Split(a[2]+a[3]+a[4], ",") {
					if url, alt, ok := rw.attachments(strings.TrimSpace(id)); ok {
						b.WriteString(`<p><img src="` + html.EscapeString(url) + `" alt="` + html.EscapeString(alt) + `"></p>`)
					}
				}
			}
			return b.String()
		}
		return ""
	})
}

var blockStartRE = regexp.MustCompile(`^\s*<(?i:p|div|h[1-6]|ul|ol|li|table|blockquote|pre|figure|hr|form|section|article|aside|header|footer|address|dl|fieldset|!--)`)

// autop does what WordPress's wpautop does when it shows a classic post:
// text separated by a blank line is a paragraph, a single newline a
// line break. Blocks already in HTML are left alone.
func autop(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, chunk := range regexp.MustCompile(`\n\s*\n`).Split(s, -1) {
		if strings.TrimSpace(chunk) == "" {
			continue
		}
		if blockStartRE.MatchString(chunk) {
			b.WriteString(chunk + "\n")
			continue
		}
		b.WriteString("<p>" + strings.ReplaceAll(strings.TrimSpace(chunk), "\n", "<br>\n") + "</p>\n")
	}
	return b.String()
}

// isBlockEditor reports whether a body was written in the block editor,
// whose HTML is complete and whose newlines mean nothing.
func isBlockEditor(s string) bool { return strings.Contains(s, "<!-- wp:") }

// Markdown converts a WordPress body to Markdown.
func toMarkdown(src string, rw rewriter) string {
	src = strings.ReplaceAll(src, "<!--more-->", "")
	src = shortcodes(src, rw)
	if !isBlockEditor(src) {
		src = autop(src)
	}
	nodes, err := html.ParseFragment(strings.NewReader(src), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return ""
	}
	c := converter{rw: rw}
	c.blocks(nodes)
	return strings.TrimSpace(regexp.MustCompile(`\n{3,}`).ReplaceAllString(c.out.String(), "\n\n")) + "\n"
}

// plainText returns the text of an HTML fragment (a title), entities
// decoded and tags removed.
func plainText(s string) string {
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return s
	}
	var b strings.Builder
	for _, n := range nodes {
		textOf(&b, n)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func textOf(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
	case html.ElementNode:
		if dropped(n) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			textOf(b, c)
		}
		if isBlock(n) {
			b.WriteString(" ")
		}
	}
}

type converter struct {
	out strings.Builder
	rw  rewriter
}

func dropped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Iframe, atom.Object, atom.Embed, atom.Noscript, atom.Form,
		atom.Input, atom.Button, atom.Select, atom.Textarea, atom.Template, atom.Svg, atom.Math,
		atom.Head, atom.Title, atom.Meta, atom.Link, atom.Audio, atom.Video, atom.Canvas:
		return true
	}
	return false
}

func isBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Ul, atom.Ol, atom.Li,
		atom.Blockquote, atom.Pre, atom.Table, atom.Figure, atom.Figcaption, atom.Hr, atom.Section, atom.Article,
		atom.Aside, atom.Header, atom.Footer, atom.Main, atom.Nav, atom.Address, atom.Dl, atom.Dt, atom.Dd,
		atom.Details, atom.Summary, atom.Center, atom.Fieldset:
		return true
	}
	return false
}

// block writes n as Markdown blocks, separated by blank lines.
func (c *converter) block(n *html.Node) {
	switch n.Type {
	case html.ElementNode:
	default:
		c.para(c.inlineNode(n))
		return
	}
	if dropped(n) {
		return
	}
	switch n.DataAtom {
	case atom.P, atom.Figcaption, atom.Dt, atom.Dd, atom.Summary, atom.Address:
		c.para(c.inline(n))
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		level := max(int(n.Data[1]-'0'), 2)
		if t := strings.TrimSpace(c.inline(n)); t != "" {
			c.para(strings.Repeat("#", level) + " " + strings.ReplaceAll(t, "\n", " "))
		}
	case atom.Hr:
		c.para("---")
	case atom.Ul, atom.Ol:
		c.list(n, "")
	case atom.Blockquote:
		inner := converter{rw: c.rw}
		inner.children(n)
		if t := strings.TrimSpace(inner.out.String()); t != "" {
			c.para("> " + strings.ReplaceAll(t, "\n", "\n> "))
		}
	case atom.Pre:
		code := strings.Trim(textContent(n), "\n")
		fence := "```"
		for strings.Contains(code, fence) {
			fence += "`"
		}
		c.para(fence + "\n" + code + "\n" + fence)
	case atom.Table:
		c.table(n)
	default:
		c.children(n)
	}
}

func (c *converter) children(n *html.Node) {
	var nodes []*html.Node
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		nodes = append(nodes, ch)
	}
	c.blocks(nodes)
}

// blocks writes nodes as blocks; a run of inline nodes between them is
// one paragraph.
func (c *converter) blocks(nodes []*html.Node) {
	var run strings.Builder
	for _, n := range nodes {
		if n.Type == html.ElementNode && (isBlock(n) || dropped(n)) {
			c.para(run.String())
			run.Reset()
			c.block(n)
			continue
		}
		run.WriteString(c.inlineNode(n))
	}
	c.para(run.String())
}

var breakSpaceRE = regexp.MustCompile(`  \n[ \t]+`)

func (c *converter) para(s string) {
	s = strings.TrimSpace(breakSpaceRE.ReplaceAllString(s, "  \n"))
	if s == "" {
		return
	}
	c.out.WriteString(s + "\n\n")
}

func (c *converter) list(n *html.Node, indent string) {
	i := 1
	var b strings.Builder
	for li := n.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode || li.DataAtom != atom.Li {
			continue
		}
		marker := "- "
		if n.DataAtom == atom.Ol {
			marker = itoa(i) + ". "
			i++
		}
		var text strings.Builder
		var nested []*html.Node
		for ch := li.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type == html.ElementNode && (ch.DataAtom == atom.Ul || ch.DataAtom == atom.Ol) {
				nested = append(nested, ch)
				continue
			}
			text.WriteString(c.inlineNode(ch))
		}
		b.WriteString(indent + marker + strings.TrimSpace(strings.ReplaceAll(text.String(), "\n", " ")) + "\n")
		for _, ns := range nested {
			sub := converter{rw: c.rw}
			sub.list(ns, indent+strings.Repeat(" ", len(marker)))
			b.WriteString(strings.TrimRight(sub.out.String(), "\n") + "\n")
		}
	}
	if indent != "" {
		c.out.WriteString(b.String())
		return
	}
	c.para(b.String())
}

func (c *converter) table(n *html.Node) {
	var rows [][]string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type != html.ElementNode {
				continue
			}
			if ch.DataAtom == atom.Tr {
				var row []string
				for cell := ch.FirstChild; cell != nil; cell = cell.NextSibling {
					if cell.Type == html.ElementNode && (cell.DataAtom == atom.Td || cell.DataAtom == atom.Th) {
						t := strings.TrimSpace(strings.ReplaceAll(c.inline(cell), "\n", " "))
						row = append(row, t) // | is escaped as text
					}
				}
				rows = append(rows, row)
				continue
			}
			walk(ch)
		}
	}
	walk(n)
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	if width == 0 {
		return
	}
	var b strings.Builder
	for i, r := range rows {
		for len(r) < width {
			r = append(r, "")
		}
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat(" --- |", width) + "\n")
		}
	}
	c.para(b.String())
}

// inline returns the Markdown of n's children as inline text.
func (c *converter) inline(n *html.Node) string {
	var b strings.Builder
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		b.WriteString(c.inlineNode(ch))
	}
	return strings.TrimSpace(b.String())
}

func (c *converter) inlineNode(n *html.Node) string {
	switch n.Type {
	case html.TextNode:
		return c.inlineText(n.Data)
	case html.ElementNode:
	default:
		return ""
	}
	if dropped(n) {
		return ""
	}
	switch n.DataAtom {
	case atom.Br:
		return "  \n"
	case atom.Strong, atom.B:
		return wrap("**", c.inline(n))
	case atom.Em, atom.I, atom.Cite:
		return wrap("*", c.inline(n))
	case atom.S, atom.Del, atom.Strike:
		return wrap("~~", c.inline(n))
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		t := textContent(n)
		if t == "" {
			return ""
		}
		fence := "`"
		for strings.Contains(t, fence) {
			fence += "`"
		}
		return fence + t + fence
	case atom.A:
		text := c.inline(n)
		href := c.rewrite(attr(n, "href"))
		if href == "" || !safeURL(href) {
			return text
		}
		if text == "" {
			text = escapeText(href)
		}
		return "[" + text + "](" + linkDest(href) + ")"
	case atom.Img:
		src := c.rewrite(attr(n, "src"))
		if src == "" || !safeURL(src) {
			return ""
		}
		return "![" + escapeText(strings.Join(strings.Fields(attr(n, "alt")), " ")) + "](" + linkDest(src) + ")"
	}
	if isBlock(n) {
		// A block inside inline content (a div in a link, a list in a
		// table cell): its text, on its own line.
		return " " + c.inline(n) + " "
	}
	return c.inline(n)
}

func (c *converter) rewrite(u string) string {
	u = strings.TrimSpace(u)
	if u == "" || c.rw.url == nil {
		return u
	}
	return c.rw.url(u)
}

var spaceRE = regexp.MustCompile(`[ \t\r\n\f]+`)

func (c *converter) inlineText(s string) string {
	return escapeText(spaceRE.ReplaceAllString(s, " "))
}

var listMarkerRE = regexp.MustCompile(`^(\s*)([-+]|\d{1,9}\.)(\s|$)`)

// escapeText escapes what Markdown would read as syntax in text.
func escapeText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~':
			b.WriteByte('\\')
		case '\u00a0':
			r = ' '
		}
		b.WriteRune(r)
	}
	t := b.String()
	// A text starting like a list item or a numbered one.
	if m := listMarkerRE.FindStringSubmatchIndex(t); m != nil {
		if t[m[5]-1] == '.' {
			t = t[:m[5]-1] + `\.` + t[m[5]:]
		} else {
			t = t[:m[4]] + `\` + t[m[4]:]
		}
	}
	return t
}

func wrap(mark, s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	return mark + s + mark
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textContent(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// safeURL accepts http(s), mailto and relative addresses; the sanitiser
// checks again when the page is rendered.
func safeURL(u string) bool {
	l := strings.ToLower(u)
	if i := strings.IndexAny(l, ":/?#"); i >= 0 && l[i] == ':' {
		return strings.HasPrefix(l, "http:") || strings.HasPrefix(l, "https:") || strings.HasPrefix(l, "mailto:")
	}
	return true
}

// linkDest writes a link's destination so that spaces and parentheses in
// it do not end it.
func linkDest(u string) string {
	if strings.ContainsAny(u, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(u) + ">"
	}
	return u
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
