// Package markup turns the stored content format, Markdown, into HTML that
// is safe to put in a page. Goldmark renders without raw HTML, and every
// result then passes an allowlist sanitiser, so that neither a mistake in
// the renderer nor hostile input can bring scripts, styles or unsafe links
// into a page.
package markup

import (
	"bytes"
	"html/template"
	"regexp"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Renderer renders Markdown. It is safe for concurrent use.
type Renderer struct {
	md     goldmark.Markdown
	policy *bluemonday.Policy
}

// New returns a Renderer with datka's allowlist: structural elements,
// links to http(s), mailto and relative addresses, images, tables; no
// style, class or event attributes.
func New() *Renderer {
	p := bluemonday.NewPolicy()
	p.AllowElements("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
		"ul", "ol", "li", "strong", "em", "b", "i", "s", "del", "sub", "sup", "abbr",
		"table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption")
	p.AllowAttrs("href", "title").OnElements("a")
	p.AllowAttrs("src", "alt", "title", "width", "height").OnElements("img")
	p.AllowAttrs("title").OnElements("abbr")
	p.AllowAttrs("start").Matching(regexp.MustCompile(`^[0-9]{1,6}$`)).OnElements("ol")
	p.AllowAttrs("align").Matching(regexp.MustCompile(`^(left|right|center)$`)).OnElements("th", "td")
	p.AllowAttrs("lang").Matching(regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)).Globally()
	p.AllowURLSchemes("http", "https", "mailto")
	p.AllowRelativeURLs(true)
	p.RequireParseableURLs(true)
	p.AllowImages()
	p.AllowElements("a")
	// AllowImages turns nofollow on for every link; the site's own links
	// and its partners' must stay followable.
	p.RequireNoFollowOnLinks(false)
	p.AddTargetBlankToFullyQualifiedLinks(false)
	p.RequireNoReferrerOnFullyQualifiedLinks(false)
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(headingShift{}, 100))),
	)
	return &Renderer{md: md, policy: p}
}

// HTML renders Markdown source to sanitised HTML.
func (r *Renderer) HTML(src string) template.HTML {
	var buf bytes.Buffer
	if err := r.md.Convert([]byte(src), &buf); err != nil {
		// Goldmark only fails when the writer does; a bytes.Buffer does not.
		// Show the text escaped rather than nothing.
		return template.HTML("<p>" + template.HTMLEscapeString(src) + "</p>")
	}
	return template.HTML(r.policy.SanitizeBytes(buf.Bytes()))
}

// Sanitise passes already rendered HTML through the allowlist.
func (r *Renderer) Sanitise(html string) template.HTML {
	return template.HTML(r.policy.Sanitize(html))
}

// headingShift turns "# Title" into a second-level heading: the page's own
// title is its only h1, so content headings start at h2.
type headingShift struct{}

func (headingShift) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering && h.Level < 2 {
			h.Level = 2
		}
		return ast.WalkContinue, nil
	})
}
