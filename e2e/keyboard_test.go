package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// focused describes the element that has the keyboard focus.
type focused struct {
	Tag          string  `json:"tag"`
	ID           string  `json:"id"`
	Class        string  `json:"class"`
	Href         string  `json:"href"`
	HrefLang     string  `json:"hreflang"`
	InLangs      bool    `json:"inLangs"`
	InMain       bool    `json:"inMain"`
	OutlineStyle string  `json:"outlineStyle"`
	OutlineWidth string  `json:"outlineWidth"`
	Top          float64 `json:"top"`
	Left         float64 `json:"left"`
	Bottom       float64 `json:"bottom"`
	Right        float64 `json:"right"`
	ViewWidth    float64 `json:"viewWidth"`
	ViewHeight   float64 `json:"viewHeight"`
}

const focusedJS = `(() => {
	const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
	return {tag: e.tagName.toLowerCase(), id: e.id, class: e.className, href: e.getAttribute('href') || '',
		hreflang: e.getAttribute('hreflang') || '', inLangs: !!e.closest('nav.langs'), inMain: !!e.closest('main'),
		outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth,
		top: r.top, left: r.left, bottom: r.bottom, right: r.right,
		viewWidth: document.documentElement.clientWidth, viewHeight: window.innerHeight};
})()`

func focus(t *testing.T, tab context.Context) focused {
	t.Helper()
	return eval[focused](t, tab, focusedJS)
}

func press(t *testing.T, tab context.Context, key string) {
	t.Helper()
	do(t, tab, "press a key", chromedp.KeyEvent(key))
}

// TestKeyboardOnly walks a page with the keyboard alone: the first Tab
// shows the skip link, Enter on it moves the focus to the content, and
// Tab reaches the language switcher with a visible focus ring.
func TestKeyboardOnly(t *testing.T) {
	s := startSite(t)
	tab := newTab(t)
	for _, width := range []int64{360, 1280} {
		for _, vi := range []bool{false, true} {
			t.Run(where(sizeName(width), vi), func(t *testing.T) {
				do(t, tab, "set up", viewport(width, 800), setVI(s.URL, vi))
				open := func() {
					t.Helper()
					do(t, tab, "open the page", chromedp.Navigate(s.URL+"/ru/"))
				}

				open()
				if got := eval[bool](t, tab, `document.documentElement.classList.contains('vi')`); got != vi {
					t.Fatalf("html.vi is %v, want %v", got, vi)
				}
				if b := eval[float64](t, tab, `document.querySelector('a.skip').getBoundingClientRect().bottom`); b > 0 {
					t.Errorf("the skip link shows %.0fpx of itself before it has the focus", b)
				}
				press(t, tab, kb.Tab)
				f := focus(t, tab)
				if f.Tag != "a" || f.Class != "skip" {
					t.Fatalf("the first Tab focused <%s class=%q href=%q>, want the skip link", f.Tag, f.Class, f.Href)
				}
				if f.Top < 0 || f.Left < 0 || f.Bottom > f.ViewHeight || f.Right > f.ViewWidth || f.Bottom-f.Top < 10 {
					t.Errorf("the focused skip link is not inside the viewport: %+v", f)
				}
				if f.OutlineStyle == "none" || f.OutlineWidth == "0px" {
					t.Errorf("the focused skip link has no visible outline: %s %s", f.OutlineStyle, f.OutlineWidth)
				}
				press(t, tab, kb.Enter)
				if f := focus(t, tab); f.ID != "main" {
					t.Fatalf("Enter on the skip link focused <%s id=%q>, want #main", f.Tag, f.ID)
				}
				press(t, tab, kb.Tab)
				if f := focus(t, tab); !f.InMain {
					t.Errorf("Tab after the skip link focused <%s href=%q> outside main", f.Tag, f.Href)
				}

				open()
				reached := map[string]bool{}
				for i := 0; i < 12 && len(reached) < len(languages); i++ {
					press(t, tab, kb.Tab)
					f := focus(t, tab)
					if !f.InLangs {
						continue
					}
					reached[f.HrefLang] = true
					if f.OutlineStyle == "none" || f.OutlineWidth == "0px" {
						t.Errorf("the focused %s switcher link has no visible outline: %s %s", f.HrefLang, f.OutlineStyle, f.OutlineWidth)
					}
				}
				for _, l := range languages {
					if !reached[l] {
						t.Errorf("12 presses of Tab did not reach the %s link of the language switcher", l)
					}
				}
			})
		}
	}
}

func sizeName(width int64) string {
	if width < 800 {
		return "phone"
	}
	return "desktop"
}
