package wxr

import (
	"errors"
	"strings"
	"testing"

	"github.com/datka-cms/datka/internal/markup"
)

// FuzzToMarkdown: whatever a body holds, the page the site renders from
// its Markdown runs no script.
func FuzzToMarkdown(f *testing.F) {
	for _, s := range []string{
		`<p>a<script>x</script></p>`, `[caption]<img src=x onerror=y>[/caption]`, "a\n\nb\nc",
		`<a href="javascript:x">t</a>`, `<table><tr><td><ul><li>x</li></ul></td></tr></table>`,
		"<pre>```</pre>", `<img src="a b(c)">`, "1. x\n\n- y", `<p>&lt;script&gt;</p>`, `[gallery ids="7"]`,
	} {
		f.Add(s)
	}
	r := markup.New()
	f.Fuzz(func(t *testing.T, body string) {
		md := toMarkdown(body, testRewriter())
		if out := string(r.HTML(md)); unsafeHTML.MatchString(strings.ToLower(out)) {
			t.Errorf("%q became %q, rendered %q", body, md, out)
		}
	})
}

// FuzzParse: no file makes Parse fail other than with an error, or read
// past its limits.
func FuzzParse(f *testing.F) {
	f.Add(`<rss><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>a</title></item></channel></rss>`)
	f.Add(`<rss><channel><item><content:encoded><p>x<br>y</content:encoded></item></channel></rss>`)
	f.Add(`<!DOCTYPE r [<!ENTITY a "b">]><rss>&a;</rss>`)
	lim := Limits{MaxBytes: 1 << 16, MaxDepth: 16, MaxElements: 500}
	f.Fuzz(func(t *testing.T, src string) {
		_, err := Parse(strings.NewReader(src), lim)
		if err == nil && len(src) > int(lim.MaxBytes) {
			t.Errorf("a file of %d bytes was read whole", len(src))
		}
		if errors.Is(err, ErrLimit) && len(src) <= int(lim.MaxBytes) && strings.Count(src, "<") <= lim.MaxElements/2 && strings.Count(src, "<") < lim.MaxDepth {
			t.Errorf("refused as beyond the limits: %v", err)
		}
	})
}
