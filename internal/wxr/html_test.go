package wxr

import (
	"regexp"
	"strings"
	"testing"

	"github.com/datka-cms/datka/internal/markup"
)

func testRewriter() rewriter {
	return rewriter{
		url: func(u string) string {
			if rel := uploadsRel(u); rel == "2024/05/a.jpg" {
				return "/media/abc.jpg"
			}
			return u
		},
		attachments: func(id string) (string, string, bool) {
			if id == "7" {
				return "/media/abc.jpg", "A photo", true
			}
			return "", "", false
		},
	}
}

func TestToMarkdown(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"gutenberg blocks",
			"<!-- wp:paragraph -->\n<p>One &mdash; <strong>two</strong></p>\n<!-- /wp:paragraph -->\n\n<!-- wp:list -->\n<ul><li>a</li><li>b</li></ul>\n<!-- /wp:list -->",
			"One — **two**\n\n- a\n- b\n"},
		{"classic paragraphs and line breaks",
			"First line\nsecond line\n\nNext&nbsp;paragraph",
			"First line  \nsecond line\n\nNext paragraph\n"},
		{"caption shortcode",
			`[caption id="attachment_7" width="640"]<img src="http://old.example/wp-content/uploads/2024/05/a.jpg" alt="Hills" /> Hills at dawn[/caption]`,
			"![Hills](/media/abc.jpg) Hills at dawn\n"},
		{"gallery shortcode",
			`[gallery ids="7,99"]`,
			"![A photo](/media/abc.jpg)\n"},
		{"other shortcodes keep what they enclose",
			`<p>[su_note color="red"]Note[/su_note] and [1] and [[literal]]</p>`,
			"Note and \\[1\\] and \\[literal\\]\n"},
		{"scripts, frames and handlers go",
			`<p>Hi<script>alert(1)</script><iframe src="https://evil.example/"></iframe><img src=x onerror=alert(1)></p><style>p{}</style>`,
			"Hi![](x)\n"},
		{"unsafe links lose their address",
			`<p><a href="javascript:alert(1)">click</a> <a href="https://ok.example/a b">ok</a></p>`,
			"click [ok](<https://ok.example/a b>)\n"},
		{"markdown in text is escaped",
			`<p>2 * 3 = 6 and _x_ [y] # z</p><p>1. not a list</p>`,
			"2 \\* 3 = 6 and \\_x\\_ \\[y\\] \\# z\n\n1\\. not a list\n"},
		{"headings start at the second level",
			`<h1>Top</h1><h3>Sub</h3>`,
			"## Top\n\n### Sub\n"},
		{"tables",
			`<table><tr><th>A</th><th>B|C</th></tr><tr><td>1</td></tr></table>`,
			"| A | B\\|C |\n| --- | --- |\n| 1 |  |\n"},
		{"nested lists",
			`<ol><li>one<ul><li>inner</li></ul></li><li>two</li></ol>`,
			"1. one\n   - inner\n2. two\n"},
		{"broken html is mended as a browser would",
			`<p>Open <b>bold <i>both</p><p>after`,
			"Open **bold *both***\n\n***after***\n"},
		{"pre keeps its text",
			"<pre>a  *b*\n  c</pre>",
			"```\na  *b*\n  c\n```\n"},
		{"the more tag goes",
			"<p>Before</p><!--more--><p>After</p>",
			"Before\n\nAfter\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := toMarkdown(tt.html, testRewriter()); got != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// unsafeHTML finds elements and attributes that run script; escaped
// text that only shows them is harmless.
var unsafeHTML = regexp.MustCompile(`<(script|svg|math|form|input|iframe|object|embed|style)|<[^>]*\s(on[a-z]+|style)\s*=|<[^>]*(href|src)\s*=\s*"?\s*(javascript|data|vbscript):`)

// TestHostileBodiesRenderSafe renders converted bodies as the site does
// and looks for what must never reach a page.
func TestHostileBodiesRenderSafe(t *testing.T) {
	for _, bad := range []string{`<img src=x onerror=alert(1)>`, `<a href="javascript:x">`, `<script>`} {
		if !unsafeHTML.MatchString(bad) {
			t.Fatalf("the check misses %s", bad)
		}
	}
	r := markup.New()
	for _, src := range []string{
		`<p onclick="x()">a<script>alert(1)</script></p>`,
		`<img src="javascript:alert(1)"><a href="data:text/html,<script>alert(1)</script>">x</a>`,
		`<svg><script>alert(1)</script></svg><math><mi>x</mi></math>`,
		`<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>`,
		`[caption]<img src="x" onerror="alert(1)">[/caption]<form action="/x"><input name="a"></form>`,
		"<p>[a](javascript:alert(1)) <a href=\"jav&#x09;ascript:alert(1)\">t</a></p>",
	} {
		md := toMarkdown(src, testRewriter())
		out := strings.ToLower(string(r.HTML(md)))
		if unsafeHTML.MatchString(out) {
			t.Errorf("%q\nbecame %q\nwhich renders as %q", src, md, out)
		}
	}
}

func TestPlainText(t *testing.T) {
	for in, want := range map[string]string{
		"News 4 &amp; «кавычки» <em>emphasis</em>": "News 4 & «кавычки» emphasis",
		"  a\n b ":            "a b",
		"x<script>y</script>": "x",
	} {
		if got := plainText(in); got != want {
			t.Errorf("plainText(%q) = %q, want %q", in, got, want)
		}
	}
}
