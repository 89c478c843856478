package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// overflow is what sticks out of the page to the right.
type overflow struct {
	ScrollWidth float64  `json:"scrollWidth"`
	ClientWidth float64  `json:"clientWidth"`
	Culprits    []string `json:"culprits"`
}

// overflowJS measures the page and names the innermost elements that reach
// past the right edge of the viewport.
const overflowJS = `(() => {
	const de = document.documentElement, w = de.clientWidth, out = [];
	for (const e of document.body.querySelectorAll('*')) {
		const r = e.getBoundingClientRect();
		if (r.right > w + 0.5 && ![...e.children].some(c => c.getBoundingClientRect().right > w + 0.5)) {
			out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).trim().replace(/\s+/g, '.') : '') +
				' right=' + Math.round(r.right) + ' "' + (e.textContent || '').trim().slice(0, 40) + '"');
		}
		if (out.length >= 5) break;
	}
	return {scrollWidth: de.scrollWidth, clientWidth: w, culprits: out};
})()`

// TestNoHorizontalScrollOnPhones opens every page of every language, in
// both display modes, 360 CSS pixels wide: nothing may make the reader
// scroll sideways.
func TestNoHorizontalScrollOnPhones(t *testing.T) {
	s := startSite(t)
	pages := s.pages(t)
	tab := newTab(t)
	do(t, tab, "set a phone's viewport", viewport(360, 740))
	for _, vi := range []bool{false, true} {
		do(t, tab, "set the mode", setVI(s.URL, vi))
		for _, p := range pages {
			do(t, tab, "open "+p.Path, chromedp.Navigate(s.URL+p.Path))
			o := eval[overflow](t, tab, overflowJS)
			if o.ScrollWidth > o.ClientWidth {
				t.Errorf("%s: %.0fpx wide in a %.0fpx viewport; sticking out: %s",
					where(p.Path, vi), o.ScrollWidth, o.ClientWidth, strings.Join(o.Culprits, "; "))
			}
		}
	}
}

// TestScreenshots takes full-page pictures of the home page and of a
// government body's page on a phone and on a desktop, in both modes, for a
// person to look at. They go to $DATKA_ARTIFACTS when it is set.
func TestScreenshots(t *testing.T) {
	s := startSite(t)
	_, bodyPath := s.governmentBody(t)
	body := bodyPath("ru")
	dir := artifactDir(t)
	tab := newTab(t)
	shots := []struct{ name, path string }{{"home", "/ru/"}, {"government-body", body}}
	for _, vi := range []bool{false, true} {
		do(t, tab, "set the mode", setVI(s.URL, vi))
		for _, width := range []int64{360, 1280} {
			for _, shot := range shots {
				do(t, tab, "open "+shot.path, viewport(width, 800), chromedp.Navigate(s.URL+shot.path))
				png := run(t, tab, "screenshot", chromedp.FullScreenshot(100))
				if len(png) < 1000 || string(png[1:4]) != "PNG" {
					t.Fatalf("%s: the screenshot is not a PNG (%d bytes)", shot.path, len(png))
				}
				mode := "normal"
				if vi {
					mode = "vi"
				}
				file := filepath.Join(dir, fmt.Sprintf("%s-%dpx-%s.png", shot.name, width, mode))
				if err := os.WriteFile(file, png, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("%s (%s, %dpx): %s", shot.path, modeName(vi), width, file)
			}
		}
	}
}
