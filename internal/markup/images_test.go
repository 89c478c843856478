package markup

import (
	"strings"
	"testing"
)

func TestHTMLWithImages(t *testing.T) {
	r := New()
	known := Image{Width: 2000, Height: 1000, Sizes: "(min-width: 60rem) 58rem, 100vw", Alt: "Участники тренинга",
		Srcset: "/media/ab-480.jpg 480w, /media/ab-960.jpg 960w, /media/ab-1600.jpg 1600w"}
	images := func(src string) (Image, bool) {
		switch src {
		case "/media/ab.jpg":
			return known, true
		case "/media/evil.jpg":
			return Image{Srcset: `javascript:alert(1) 480w`, Sizes: `"><script>`}, true
		}
		return Image{}, false
	}
	tests := []struct {
		name    string
		src     string
		want    []string
		wantNot []string
	}{
		{
			name: "a known image gets its size, its copies and lazy loading",
			src:  "![Тренинг в Оше](/media/ab.jpg)",
			want: []string{`src="/media/ab.jpg"`, `alt="Тренинг в Оше"`, `width="2000"`, `height="1000"`,
				`srcset="/media/ab-480.jpg 480w, /media/ab-960.jpg 960w, /media/ab-1600.jpg 1600w"`,
				`sizes="(min-width: 60rem) 58rem, 100vw"`, `loading="lazy"`},
		},
		{
			name: "an image without alternative text gets the library's",
			src:  "![](/media/ab.jpg)",
			want: []string{`alt="Участники тренинга"`},
		},
		{
			name:    "an unknown image is rendered as written",
			src:     "![x](/static/img/logo.png)",
			want:    []string{`<img src="/static/img/logo.png" alt="x"`},
			wantNot: []string{"srcset", "width="},
		},
		{
			name:    "a hostile lookup cannot bring script through srcset or sizes",
			src:     "![x](/media/evil.jpg)",
			wantNot: []string{"javascript", "<script", "srcset", "sizes"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(r.HTMLWithImages(tt.src, images))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %s in\n%s", w, got)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(got, w) {
					t.Errorf("unexpected %s in\n%s", w, got)
				}
			}
		})
	}
	if got := string(r.HTML("![](/media/ab.jpg)")); strings.Contains(got, "srcset") {
		t.Errorf("HTML without a lookup added srcset: %s", got)
	}
}
