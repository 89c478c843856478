package e2e

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/datka-cms/datka/internal/export"
	"github.com/datka-cms/datka/internal/i18n"
	"github.com/datka-cms/datka/internal/search"
	"github.com/datka-cms/datka/internal/store"
)

// TestStaticSearchInTheBrowser exports the site and opens the archive's
// search pages from disk (file://, no server at all) with a query in the
// address: the real search.js must list what the live search finds, with
// links to files that exist.
func TestStaticSearchInTheBrowser(t *testing.T) {
	s := startSite(t)
	ctx := context.Background()
	cat, err := i18n.Load(s.app.Languages.Default().Code)
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if _, err := export.Run(ctx, export.Options{Handler: s.app.Handler, Store: s.app.Store, Languages: s.app.Languages,
		Catalog: cat, BaseURL: s.URL, Out: out}); err != nil {
		t.Fatal(err)
	}
	searchPage := map[string]string{"ru": "ru/poisk/index.html", "ky": "ky/izdoo/index.html", "en": "en/search/index.html"}
	tab := newTab(t)
	for _, tc := range []struct{ lang, q, kind string }{
		{"ru", "равенству", ""},
		{"ru", "гендерное равенство", "news"},
		{"ky", "теңчиликтин", ""},
		{"en", "trainings", ""},
		{"en", "ministry of education", ""},
		{"en", "xyzzy", ""},
	} {
		t.Run(tc.lang+"/"+tc.q+"/"+tc.kind, func(t *testing.T) {
			hits, _, err := s.app.Store.Search(ctx, store.SearchQuery{Lang: tc.lang, Terms: search.Query(tc.lang, tc.q), Kind: tc.kind, Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, h := range hits {
				want = append(want, h.Title)
			}
			file := filepath.Join(out, filepath.FromSlash(searchPage[tc.lang]))
			u := "file://" + file + "?" + url.Values{"q": {tc.q}, "kind": {tc.kind}}.Encode()
			do(t, tab, "open the static search page", chromedp.Navigate(u))
			got := eval[[]string](t, tab, `Array.from(document.querySelectorAll('ol.results h2 a')).map(a => a.textContent)`)
			hrefs := eval[[]string](t, tab, `Array.from(document.querySelectorAll('ol.results h2 a')).map(a => a.href)`)
			if q := eval[string](t, tab, `document.getElementById('q').value`); q != tc.q {
				t.Errorf("the form shows %q, want %q", q, tc.q)
			}
			status := eval[string](t, tab, `(document.querySelector('.static-search [role=status]') || {}).textContent || ""`)
			if status == "" {
				t.Error("no status line says how many results were found")
			}
			if marks := eval[int](t, tab, `document.querySelectorAll('ol.results mark').length`); len(got) > 0 && marks == 0 {
				t.Error("no word of the query is marked in the results")
			}
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("the archive's search lists %q, the live search %q", got, want)
			}
			for _, h := range hrefs {
				p, err := url.Parse(h)
				if err != nil || p.Scheme != "file" {
					t.Errorf("result link %q is not a file of the archive", h)
					continue
				}
				if _, err := os.Stat(p.Path); err != nil {
					t.Errorf("result link %q: %v", h, err)
				}
			}
			t.Logf("%s %q: %d results, status %q", tc.lang, tc.q, len(got), strings.TrimSpace(status))
		})
	}
}
