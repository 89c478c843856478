package e2e

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestVisionModeWithoutJavaScript switches the version for the visually
// impaired on and off with JavaScript turned off, as its readers may have
// it, and checks that the choice holds from page to page and changes what
// the page looks like. Every look at the page goes through the DOM and CSS
// domains of the DevTools protocol, which work without page scripts.
func TestVisionModeWithoutJavaScript(t *testing.T) {
	s := startSite(t)
	tab := newTab(t)
	do(t, tab, "turn off JavaScript", disableScripts())

	// The switch must really be off: an inline script would set the title.
	do(t, tab, "open a page with a script", chromedp.Navigate(`data:text/html,<title>off</title><script>document.title="on"</script>`))
	if title := run(t, tab, "title", chromedp.Title()); title != "off" {
		t.Fatalf("JavaScript still runs: the title is %q", title)
	}

	home, about := "/ru/", ""
	for _, p := range s.pages(t) {
		if strings.HasPrefix(p.Path, "/ru/") && strings.Count(p.Path, "/") == 2 && p.Path != home && p.Status == 200 {
			about = p.Path
			break
		}
	}
	do(t, tab, "open the home page", chromedp.Navigate(s.URL+home))
	if isVI(t, tab) {
		t.Fatal("a new reader gets the version for the visually impaired")
	}
	normalSize := fontSize(t, tab, "body")
	imgs := run(t, tab, "images in main", chromedp.Nodes(chromedp.CSSAll("main img"), chromedp.AtLeast(0)))
	if len(imgs) == 0 {
		t.Fatal("the home page has no image in main to hide; the test needs one")
	}
	for _, n := range imgs {
		if d := style(t, tab, chromedp.NodeIDs{n.NodeID}, "display"); d == "none" {
			t.Errorf("normal mode: an image in main is hidden (%s)", n.AttributeValue("src"))
		}
	}

	toggle := func(what string) {
		t.Helper()
		_, err := chromedp.Run(tab, chromedp.WaitEvent(page.LoadEventFired, nil,
			chromedp.Click(chromedp.CSS(".vi-toggle button"))))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}

	toggle("switch the mode on")
	if loc := run(t, tab, "location", chromedp.Location()); loc != s.URL+home {
		t.Errorf("after switching on the reader is at %s, want back at %s", loc, s.URL+home)
	}
	if !isVI(t, tab) {
		t.Fatal("after switching on: html has no class vi")
	}
	viSize := fontSize(t, tab, "body")
	t.Logf("body font size: %.1fpx normally, %.1fpx in vi mode; %d image(s) in main", normalSize, viSize, len(imgs))
	if viSize < normalSize*1.25 {
		t.Errorf("body font size %.1fpx in vi mode, %.1fpx normally: want at least 25%% larger", viSize, normalSize)
	}
	imgs = run(t, tab, "images in main", chromedp.Nodes(chromedp.CSSAll("main img"), chromedp.AtLeast(0)))
	for _, n := range imgs {
		if d := style(t, tab, chromedp.NodeIDs{n.NodeID}, "display"); d != "none" {
			t.Errorf("vi mode: an image in main is shown (display %s): %s", d, n.AttributeValue("src"))
		}
	}
	if d := style(t, tab, chromedp.CSS("footer img.emblem"), "display"); d == "none" {
		t.Error("vi mode hides the EU emblem in the footer; the donor's rules require it")
	}

	t.Logf("following the reader to %s", about)
	do(t, tab, "open another page", chromedp.Navigate(s.URL+about))
	if !isVI(t, tab) {
		t.Fatalf("%s: the mode did not persist: html has no class vi", about)
	}

	toggle("switch the mode off")
	if loc := run(t, tab, "location", chromedp.Location()); loc != s.URL+about {
		t.Errorf("after switching off the reader is at %s, want back at %s", loc, s.URL+about)
	}
	if isVI(t, tab) {
		t.Fatal("after switching off: html still has class vi")
	}
	do(t, tab, "open the home page again", chromedp.Navigate(s.URL+home))
	if isVI(t, tab) {
		t.Fatal("the mode came back on the next page after switching off")
	}
	if got := fontSize(t, tab, "body"); got != normalSize {
		t.Errorf("font size %.1fpx after switching off, want %.1fpx", got, normalSize)
	}
}

// isVI reports whether the page's html element has the class vi.
func isVI(t *testing.T, tab context.Context) bool {
	t.Helper()
	attrs := run(t, tab, "html attributes", chromedp.Attributes(chromedp.CSS("html")))
	return strings.Contains(" "+attrs["class"]+" ", " vi ")
}

// style returns the computed value of a CSS property of the first element
// sel finds, through the CSS domain.
func style[S chromedp.Selectable](t *testing.T, tab context.Context, sel S, prop string) string {
	t.Helper()
	props := run(t, tab, "computed style", chromedp.ComputedStyle(sel))
	for _, p := range props {
		if p.Name == prop {
			return p.Value
		}
	}
	t.Fatalf("no computed %s", prop)
	return ""
}

// fontSize returns the computed font size in pixels of what css finds.
func fontSize(t *testing.T, tab context.Context, css string) float64 {
	t.Helper()
	v := style(t, tab, chromedp.CSS(css), "font-size")
	f, err := strconv.ParseFloat(strings.TrimSuffix(v, "px"), 64)
	if err != nil {
		t.Fatalf("font-size %q: %v", v, err)
	}
	return f
}
