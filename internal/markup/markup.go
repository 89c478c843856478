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
	"strconv"

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
	// srcset and sizes come only from an Images lookup: relative URLs with
	// width descriptors, and media conditions.
	p.AllowAttrs("srcset").Matching(srcsetRE).OnElements("img")
	p.AllowAttrs("sizes").Matching(regexp.MustCompile(`^[a-z0-9 ().,:-]{1,200}$`)).OnElements("img")
	p.AllowAttrs("loading").Matching(regexp.MustCompile(`^lazy$`)).OnElements("img")
	p.AllowAttrs("decoding").Matching(regexp.MustCompile(`^async$`)).OnElements("img")
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
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(headingShift{}, 100),
			util.Prioritized(imageSizes{}, 200))),
	)
	return &Renderer{md: md, policy: p}
}

// srcsetRE accepts a list of site-relative URLs with width descriptors.
var srcsetRE = regexp.MustCompile(`^/[A-Za-z0-9._/-]+ [0-9]{1,5}w(, /[A-Za-z0-9._/-]+ [0-9]{1,5}w)*$`)

// Image is what the site knows of an image a text shows.
type Image struct {
	Width, Height int    // intrinsic size, so that the page does not jump as it loads
	Srcset        string // "/media/a-480.jpg 480w, /media/a-960.jpg 960w"
	Sizes         string // the sizes attribute that goes with Srcset
	Alt           string // used when the text gives the image none
}

// Images finds what the site knows of the image at src; ok is false for
// an image it does not know, which is rendered as written.
type Images func(src string) (img Image, ok bool)

// HTML renders Markdown source to sanitised HTML.
func (r *Renderer) HTML(src string) template.HTML { return r.HTMLWithImages(src, nil) }

// HTMLWithImages renders like HTML, and gives the images that images
// knows their size, smaller copies and, where the text has none,
// alternative text.
func (r *Renderer) HTMLWithImages(src string, images Images) template.HTML {
	var buf bytes.Buffer
	pc := parser.NewContext()
	if images != nil {
		pc.Set(imagesKey, images)
	}
	if err := r.md.Convert([]byte(src), &buf, parser.WithContext(pc)); err != nil {
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

var imagesKey = parser.NewContextKey()

// imageSizes sets the attributes of the images an Images lookup knows.
type imageSizes struct{}

func (imageSizes) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	images, _ := pc.Get(imagesKey).(Images)
	if images == nil {
		return
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		info, ok := images(string(img.Destination))
		if !ok {
			return ast.WalkSkipChildren, nil
		}
		if info.Width > 0 && info.Height > 0 {
			img.SetAttributeString("width", strconv.Itoa(info.Width))
			img.SetAttributeString("height", strconv.Itoa(info.Height))
		}
		if info.Srcset != "" {
			img.SetAttributeString("srcset", info.Srcset)
			if info.Sizes != "" {
				img.SetAttributeString("sizes", info.Sizes)
			}
		}
		img.SetAttributeString("loading", "lazy")
		img.SetAttributeString("decoding", "async")
		if info.Alt != "" && !hasText(img, reader.Source()) {
			img.AppendChild(img, ast.NewString([]byte(info.Alt)))
		}
		return ast.WalkSkipChildren, nil
	})
}

// hasText reports whether an image's alternative text is not blank.
func hasText(n ast.Node, source []byte) bool {
	found := false
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		switch t := c.(type) {
		case *ast.Text:
			found = found || len(bytes.TrimSpace(t.Value(source))) > 0
		case *ast.String:
			found = found || len(bytes.TrimSpace(t.Value)) > 0
		}
		return ast.WalkContinue, nil
	})
	return found
}
