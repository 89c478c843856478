package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/datka-cms/datka/internal/testenv"
)

// axeViolation is what axe-core reports of one broken rule on a page.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// axeResult is the part of axe.run's result the test reads.
type axeResult struct {
	Version    string         `json:"version"`
	Passes     int            `json:"passes"`
	Violations []axeViolation `json:"violations"`
}

// axeRunJS runs axe on the whole document for WCAG 2.0 and 2.1, levels A
// and AA.
const axeRunJS = `axe.run(document, {
	runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
	resultTypes: ['violations'],
}).then(r => ({
	version: r.testEngine.version,
	passes: r.passes.length,
	violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
		nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary}))})),
}))`

// TestAccessibilityAxe runs axe-core on every page of every language, in
// both display modes, and allows no violation of WCAG 2.1 A or AA.
//
// The site's CSP forbids inline and injected scripts, so axe is put in the
// page with Runtime.evaluate, which the CSP does not govern.
func TestAccessibilityAxe(t *testing.T) {
	axePath := filepath.Join(testenv.RepoRoot(), "node_modules", "axe-core", "axe.min.js")
	src, err := os.ReadFile(axePath)
	testenv.Require(t, err == nil, "axe-core ("+axePath+"; run npm ci)")

	s := startSite(t)
	pages := s.pages(t)
	tab := newTab(t)
	do(t, tab, "set a desktop viewport", viewport(1280, 800))
	inject := chromedp.Evaluate[chromedp.Void](string(src) + "\n;void 0")

	// axe must be able to fail: a page without lang and with an unlabelled
	// field breaks two rules.
	do(t, tab, "open a broken page", chromedp.Navigate(`data:text/html,<!doctype html><title>x</title><input>`), inject)
	res := run(t, tab, "run axe on a broken page", chromedp.Evaluate[axeResult](axeRunJS, chromedp.EvalAwaitPromise))
	if len(res.Violations) < 2 {
		t.Fatalf("axe %s found %d violations on a broken page, want 2 (html-has-lang, label): %+v", res.Version, len(res.Violations), res.Violations)
	}

	checked := 0
	for _, vi := range []bool{false, true} {
		do(t, tab, "set the mode", setVI(s.URL, vi))
		for _, p := range pages {
			do(t, tab, "open "+p.Path, chromedp.Navigate(s.URL+p.Path))
			if got := eval[bool](t, tab, `document.documentElement.classList.contains('vi')`); got != vi {
				t.Fatalf("%s: html.vi is %v, want %v", where(p.Path, vi), got, vi)
			}
			do(t, tab, "inject axe into "+p.Path, inject)
			res := run(t, tab, "run axe on "+p.Path, chromedp.Evaluate[axeResult](axeRunJS, chromedp.EvalAwaitPromise))
			if res.Passes == 0 {
				t.Fatalf("%s: axe %s passed no rule at all; it did not really run", where(p.Path, vi), res.Version)
			}
			for _, v := range res.Violations {
				var targets []string
				for _, n := range v.Nodes {
					targets = append(targets, fmt.Sprint(n.Target...))
				}
				t.Errorf("%s: axe rule %s (%s): %s\n\ton %s\n\t%s", where(p.Path, vi), v.ID, v.Impact, v.Help,
					strings.Join(targets, ", "), firstLine(v.Nodes[0].Summary))
			}
			checked++
		}
	}
	t.Logf("axe checked %d pages (%d distinct, each in two modes)", checked, len(pages))
}

// firstLine returns the first two lines of axe's failure summary.
func firstLine(s string) string {
	lines := strings.SplitN(s, "\n", 3)
	if len(lines) > 2 {
		lines = lines[:2]
	}
	return strings.Join(lines, " ")
}
