package wxr

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Limits bound what Parse reads.
type Limits struct {
	MaxBytes    int64 // size of the file
	MaxDepth    int   // nesting of elements
	MaxElements int   // elements in all
}

// DefaultLimits are generous for a real site's export (the largest are a
// few hundred megabytes) and small enough to refuse a decompression or
// nesting bomb.
func DefaultLimits() Limits {
	return Limits{MaxBytes: 1 << 30, MaxDepth: 64, MaxElements: 20_000_000}
}

// ErrLimit is returned, wrapped, for a file beyond a Limit.
var ErrLimit = errors.New("wxr: file too large or too deeply nested")

// Export is what Parse keeps of an export.
type Export struct {
	Title      string
	Link       string
	BaseURL    string // wp:base_site_url, or Link
	Language   string // the site's language, as WordPress gives it ("en-US")
	WXRVersion string
	Authors    []Author
	Terms      []Term
	Items      []Item
}

// Author is a wp:author.
type Author struct {
	ID                                     int64
	Login, Email, DisplayName, First, Last string
}

// Term is a wp:category, wp:tag or wp:term.
type Term struct {
	ID          int64
	Taxonomy    string // "category", "post_tag", "language", "post_translations", …
	Slug        string
	Parent      string // the parent's slug
	Name        string
	Description string
}

// Item is a post, a page, an attachment or anything else WordPress
// stores as a post (menu items, blocks, revisions).
type Item struct {
	ID            int64
	Type          string // post_type
	Status        string
	Title         string
	Link          string
	GUID          string
	Creator       string // the author's login
	Content       string // HTML
	Excerpt       string
	Name          string // post_name: the slug, percent-encoded
	Date          time.Time
	Parent        int64
	MenuOrder     int
	AttachmentURL string
	Comments      int // how many wp:comment it has
	Terms         []ItemTerm
	Meta          map[string]string
}

// ItemTerm is an item's <category domain="…" nicename="…">.
type ItemTerm struct {
	Taxonomy, Slug, Name string
}

// TermsOf returns the names of the item's terms of a taxonomy.
func (it Item) TermsOf(taxonomy string) []ItemTerm {
	var out []ItemTerm
	for _, t := range it.Terms {
		if t.Taxonomy == taxonomy {
			out = append(out, t)
		}
	}
	return out
}

// Parse reads an export from r.
func Parse(r io.Reader, lim Limits) (*Export, error) {
	lr := &limitedReader{r: r, left: lim.MaxBytes}
	d := xml.NewDecoder(lr)
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(charset string, input io.Reader) (io.Reader, error) {
		if strings.EqualFold(charset, "utf-8") || strings.EqualFold(charset, "us-ascii") {
			return input, nil
		}
		return nil, fmt.Errorf("wxr: the file is in %s; WordPress exports are UTF-8", charset)
	}
	p := parser{ex: &Export{}}
	elements := 0
	for {
		tok, err := d.Token()
		if lr.over {
			return nil, fmt.Errorf("%w: more than %d bytes", ErrLimit, lim.MaxBytes)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("wxr: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			elements++
			if elements > lim.MaxElements {
				return nil, fmt.Errorf("%w: more than %d elements", ErrLimit, lim.MaxElements)
			}
			if len(p.stack)+p.raw >= lim.MaxDepth {
				return nil, fmt.Errorf("%w: deeper than %d elements", ErrLimit, lim.MaxDepth)
			}
			p.start(t)
		case xml.EndElement:
			p.end(t)
		case xml.CharData:
			p.text.Write(t)
		}
	}
	if p.ex.BaseURL == "" {
		p.ex.BaseURL = p.ex.Link
	}
	p.ex.BaseURL = strings.TrimRight(strings.TrimSpace(p.ex.BaseURL), "/")
	if p.ex.WXRVersion == "" && len(p.ex.Items) == 0 {
		return nil, errors.New("wxr: this is not a WordPress export (no wp:wxr_version, no items)")
	}
	return p.ex, nil
}

type limitedReader struct {
	r    io.Reader
	left int64
	over bool
}

func (l *limitedReader) Read(b []byte) (int, error) {
	if l.left <= 0 {
		l.over = true
		return 0, io.EOF
	}
	if int64(len(b)) > l.left {
		b = b[:l.left]
	}
	n, err := l.r.Read(b)
	l.left -= int64(n)
	return n, err
}

type parser struct {
	ex     *Export
	stack  []string
	text   strings.Builder
	raw    int // depth of markup inside content:encoded or excerpt:encoded
	item   *Item
	author *Author
	term   *Term
	iterm  *ItemTerm
	key    string // of the wp:postmeta being read
	value  string
}

// qname names an element by the prefix WordPress gives its namespace,
// whatever the version of the format.
func qname(n xml.Name) string {
	switch s := n.Space; {
	case s == "":
		return n.Local
	case strings.Contains(s, "wordpress.org/export/") && strings.Contains(s, "/excerpt"):
		return "excerpt:" + n.Local
	case strings.Contains(s, "wordpress.org/export/"):
		return "wp:" + n.Local
	case strings.Contains(s, "purl.org/rss/1.0/modules/content"):
		return "content:" + n.Local
	case strings.Contains(s, "purl.org/dc/elements"):
		return "dc:" + n.Local
	default:
		return s + ":" + n.Local
	}
}

func (p *parser) top() string {
	if len(p.stack) == 0 {
		return ""
	}
	return p.stack[len(p.stack)-1]
}

func (p *parser) start(t xml.StartElement) {
	if top := p.top(); p.raw > 0 || top == "content:encoded" || top == "excerpt:encoded" {
		// Markup written without CDATA: keep it as text.
		p.raw++
		p.text.WriteString("<" + t.Name.Local)
		for _, a := range t.Attr {
			p.text.WriteString(" " + a.Name.Local + `="` + xmlEscape(a.Value) + `"`)
		}
		p.text.WriteString(">")
		return
	}
	name := qname(t.Name)
	p.stack = append(p.stack, name)
	p.text.Reset()
	switch {
	case name == "item":
		p.item = &Item{Meta: map[string]string{}}
	case name == "wp:author" && p.item == nil:
		p.author = &Author{}
	case (name == "wp:category" || name == "wp:tag" || name == "wp:term") && p.item == nil:
		p.term = &Term{Taxonomy: map[string]string{"wp:category": "category", "wp:tag": "post_tag"}[name]}
	case name == "category" && p.item != nil:
		p.iterm = &ItemTerm{}
		for _, a := range t.Attr {
			switch a.Name.Local {
			case "domain":
				p.iterm.Taxonomy = a.Value
			case "nicename":
				p.iterm.Slug = a.Value
			}
		}
	case name == "wp:postmeta":
		p.key, p.value = "", ""
	case name == "wp:comment" && p.item != nil:
		p.item.Comments++
	}
}

func xmlEscape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func (p *parser) end(t xml.EndElement) {
	if p.raw > 0 {
		p.raw--
		p.text.WriteString("</" + t.Name.Local + ">")
		return
	}
	if len(p.stack) == 0 {
		return
	}
	name := p.top()
	if qname(t.Name) != name {
		// The lenient decoder closes what a broken file leaves open; an
		// end that does not match is dropped.
		if !contains(p.stack, qname(t.Name)) {
			return
		}
	}
	v := p.text.String()
	p.text.Reset()
	p.stack = p.stack[:len(p.stack)-1]
	parent := p.top()
	switch {
	case p.item != nil:
		p.itemField(name, parent, v)
	case p.author != nil:
		p.authorField(name, v)
	case p.term != nil:
		p.termField(name, v)
	case parent == "channel":
		switch name {
		case "title":
			p.ex.Title = strings.TrimSpace(v)
		case "link":
			p.ex.Link = strings.TrimSpace(v)
		case "wp:base_site_url":
			p.ex.BaseURL = strings.TrimSpace(v)
		case "language":
			p.ex.Language = strings.TrimSpace(v)
		case "wp:wxr_version":
			p.ex.WXRVersion = strings.TrimSpace(v)
		}
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func (p *parser) itemField(name, parent, v string) {
	it := p.item
	tv := strings.TrimSpace(v)
	switch name {
	case "item":
		p.ex.Items = append(p.ex.Items, *it)
		p.item = nil
	case "title":
		if parent == "item" {
			it.Title = tv
		}
	case "link":
		it.Link = tv
	case "guid":
		it.GUID = tv
	case "dc:creator":
		it.Creator = tv
	case "content:encoded":
		it.Content = v
	case "excerpt:encoded":
		it.Excerpt = v
	case "wp:post_id":
		it.ID, _ = strconv.ParseInt(tv, 10, 64)
	case "wp:post_type":
		it.Type = tv
	case "wp:status":
		it.Status = tv
	case "wp:post_name":
		it.Name = tv
	case "wp:post_parent":
		it.Parent, _ = strconv.ParseInt(tv, 10, 64)
	case "wp:menu_order":
		it.MenuOrder, _ = strconv.Atoi(tv)
	case "wp:attachment_url":
		it.AttachmentURL = tv
	case "wp:post_date_gmt":
		if d, ok := parseDate(tv); ok {
			it.Date = d
		}
	case "wp:post_date":
		if d, ok := parseDate(tv); ok && it.Date.IsZero() {
			// The site's local time: the export does not say its zone.
			it.Date = d
		}
	case "category":
		if p.iterm != nil {
			p.iterm.Name = tv
			p.item.Terms = append(p.item.Terms, *p.iterm)
			p.iterm = nil
		}
	case "wp:meta_key":
		p.key = tv
	case "wp:meta_value":
		p.value = v
	case "wp:postmeta":
		if p.key != "" {
			it.Meta[p.key] = p.value
		}
	}
}

// parseDate reads WordPress's "2006-01-02 15:04:05"; the zero date of
// a draft is not a date.
func parseDate(s string) (time.Time, bool) {
	d, err := time.Parse(time.DateTime, s)
	if err != nil || d.Year() < 1970 {
		return time.Time{}, false
	}
	return d, true
}

func (p *parser) authorField(name, v string) {
	a, tv := p.author, strings.TrimSpace(v)
	switch name {
	case "wp:author":
		p.ex.Authors = append(p.ex.Authors, *a)
		p.author = nil
	case "wp:author_id":
		a.ID, _ = strconv.ParseInt(tv, 10, 64)
	case "wp:author_login":
		a.Login = tv
	case "wp:author_email":
		a.Email = tv
	case "wp:author_display_name":
		a.DisplayName = tv
	case "wp:author_first_name":
		a.First = tv
	case "wp:author_last_name":
		a.Last = tv
	}
}

func (p *parser) termField(name, v string) {
	t, tv := p.term, strings.TrimSpace(v)
	switch name {
	case "wp:category", "wp:tag", "wp:term":
		p.ex.Terms = append(p.ex.Terms, *t)
		p.term = nil
	case "wp:term_id":
		t.ID, _ = strconv.ParseInt(tv, 10, 64)
	case "wp:term_taxonomy":
		t.Taxonomy = tv
	case "wp:category_nicename", "wp:tag_slug", "wp:term_slug":
		t.Slug = tv
	case "wp:category_parent", "wp:term_parent":
		t.Parent = tv
	case "wp:cat_name", "wp:tag_name", "wp:term_name":
		t.Name = tv
	case "wp:category_description", "wp:tag_description", "wp:term_description":
		t.Description = v
	}
}

// phpPairRE matches one "key => integer" pair of a PHP-serialised array
// of Polylang's: s:2:"ru";i:7; (or the ID as a string).
var phpPairRE = regexp.MustCompile(`s:\d+:"([A-Za-z_-]{1,20})";(?:i:(\d+)|s:\d+:"(\d+)");`)

// parseTranslations reads a post_translations term's description, a
// PHP-serialised array language → post ID. Only that shape is read; the
// string is never unserialised as PHP would.
func parseTranslations(s string) map[string]int64 {
	out := map[string]int64{}
	for _, m := range phpPairRE.FindAllStringSubmatch(s, -1) {
		id, _ := strconv.ParseInt(m[2]+m[3], 10, 64)
		if id > 0 {
			out[m[1]] = id
		}
	}
	return out
}
