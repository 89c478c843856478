package e2e

import (
	"context"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/datka-cms/datka/internal/content"
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
	out := exportSite(t, s)
	searchPage := map[string]string{"ru": "ru/poisk/index.html", "ky": "ky/izdoo/index.html", "en": "en/search/index.html"}
	tab := newTab(t)
	for _, tc := range []struct{ lang, q, kind string }{
		{"ru", "равенству", ""},
		{"ru", "гендерное равенство", "news"},
		{"ky", "теңчиликтин", ""},
		{"en", "trainings", ""},
		{"en", "ministry of education", ""},
		{"en", "xyzzy", ""},
		{"en", "равенству", ""}, // found only in Russian: the page says so
		{"ru", "trainings", ""},
		{"ky", "гендерное равенство", "news"},
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
			got, hrefs := archivePages(t, tab, u, "ol.results h2 a")
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
			// The other languages where the words find something, as the
			// live page names them; the archive loads their indexes after
			// the page, so it is given a moment.
			live := httpGet(t, s.URL+"/"+strings.TrimSuffix(searchPage[tc.lang], "/index.html")+"?"+url.Values{"q": {tc.q}, "kind": {tc.kind}}.Encode())
			wantElsewhere := []string{}
			if i := strings.Index(live, `<ul class="elsewhere">`); i >= 0 {
				list, _, _ := strings.Cut(live[i:], "</ul>")
				for _, m := range regexp.MustCompile(`<a [^>]*>([^<]*)</a>`).FindAllStringSubmatch(list, -1) {
					wantElsewhere = append(wantElsewhere, html.UnescapeString(m[1]))
				}
			}
			wait := 3 * time.Second
			if len(wantElsewhere) == 0 {
				wait = 500 * time.Millisecond // for a list that should not come
			}
			var elsewhere []string
			for deadline := time.Now().Add(wait); ; time.Sleep(50 * time.Millisecond) {
				elsewhere = eval[[]string](t, tab, `Array.from(document.querySelectorAll('ul.elsewhere a')).map(a => a.textContent)`)
				if len(elsewhere) > 0 && len(wantElsewhere) > 0 || time.Now().After(deadline) {
					break
				}
			}
			if !slices.Equal(elsewhere, wantElsewhere) {
				t.Errorf("the archive points elsewhere to %q, the live search to %q", elsewhere, wantElsewhere)
			}
			elsewhereHrefs := eval[[]string](t, tab, `Array.from(document.querySelectorAll('ul.elsewhere a')).map(a => a.href)`)
			for _, h := range elsewhereHrefs {
				if p, err := url.Parse(h); err != nil || p.Scheme != "file" || p.Query().Get("q") != tc.q {
					t.Errorf("elsewhere link %q does not ask the archive the same question", h)
				} else if _, err := os.Stat(p.Path); err != nil {
					t.Errorf("elsewhere link %q: %v", h, err)
				}
			}
			t.Logf("%s %q: %d results, status %q, elsewhere %q", tc.lang, tc.q, len(got), strings.TrimSpace(status), elsewhere)
		})
	}
}

// TestStaticLibraryFiltersInTheBrowser exports a library of two pages and
// opens the archive's list from disk with filters in the address: the
// real library.js must list what the live library lists, say how many,
// and ignore a value the form does not offer, as the live site does.
func TestStaticLibraryFiltersInTheBrowser(t *testing.T) {
	s := startSite(t)
	ctx := context.Background()
	var ms []content.Entry
	for i := range 14 {
		key := fmt.Sprintf("m%02d", i)
		ms = append(ms, content.Entry{Key: key, Type: content.EntryMaterial, Year: 2020 + i%3,
			Topic: []string{"media", "education"}[i%2], Groups: []string{"religious"}, DocLangs: []string{"ky"},
			VideoURL: "https://video.example.org/" + key, Date: time.Date(2020+i%3, 3, 1+i, 0, 0, 0, 0, time.UTC),
			Texts: map[string]content.EntryText{"en": {Meta: content.Meta{Lang: "en", Slug: key, Status: content.StatusPublished},
				Title: "Handbook " + key}}})
	}
	if err := s.app.Store.Install(ctx, "en", nil, nil, ms, nil); err != nil {
		t.Fatal(err)
	}
	out := exportSite(t, s)
	titleRe := regexp.MustCompile(`<h3><a href="[^"]*"[^>]*>([^<]*)</a></h3>`)
	countRe := regexp.MustCompile(`<p class="count" role="status">([^<]*)</p>`)
	tab := newTab(t)
	for _, q := range []string{"topic=media", "topic=education&year=2021", "lang=ky&group=religious", "topic=gender-equality", "topic=nonsense&year=1999"} {
		t.Run(q, func(t *testing.T) {
			// The live list, all its pages.
			var want []string
			var count string
			for page := 1; page < 10; page++ {
				body := httpGet(t, s.URL+"/en/library?"+q+fmt.Sprintf("&page=%d", page))
				if page == 1 {
					count = html.UnescapeString(countRe.FindStringSubmatch(body)[1])
				}
				for _, m := range titleRe.FindAllStringSubmatch(body, -1) {
					want = append(want, m[1])
				}
				if !strings.Contains(body, `rel="next"`) {
					break
				}
			}
			u := "file://" + filepath.Join(out, "en", "library", "index.html") + "?" + q
			got, hrefs := archivePages(t, tab, u, "ul.entries h3 a")
			do(t, tab, "open the archive's library", chromedp.Navigate(u))
			filtered := !strings.Contains(q, "nonsense")
			if !slices.Equal(got, want) {
				t.Errorf("the archive lists %q, the live library %q", got, want)
			}
			if c := eval[string](t, tab, `document.querySelector('p.count').textContent`); c != count {
				t.Errorf("the archive says %q, the live library %q", c, count)
			}
			if len(want) == 0 && eval[string](t, tab, `(document.querySelector('p.empty') || {}).textContent || ""`) == "" {
				t.Error("nothing matches and nothing says so")
			}
			if pager := eval[bool](t, tab, `!!document.querySelector('nav.pager')`); pager != (len(want) > 10) {
				t.Errorf("pager shown: %v, for %d materials", pager, len(want))
			}
			if filtered == strings.Contains(eval[string](t, tab, `document.querySelector('nav.pager a[rel=next]') ? document.querySelector('nav.pager a[rel=next]').href : ""`), "/page/2/") {
				t.Errorf("filters that apply: %v, yet the pager leads to the next page of the whole list: %v", filtered, !filtered)
			}
			for _, h := range hrefs {
				p, err := url.Parse(h)
				if err != nil || p.Scheme != "file" {
					t.Errorf("card link %q is not a file of the archive", h)
				} else if _, err := os.Stat(p.Path); err != nil {
					t.Errorf("card link %q: %v", h, err)
				}
			}
		})
	}
}

func httpGet(t *testing.T, u string) string {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %v", u, res.StatusCode, err)
	}
	return string(b)
}

// exportSite exports the site into a temporary folder and returns it.
func exportSite(t *testing.T, s *site) string {
	t.Helper()
	cat, err := i18n.Load(s.app.Languages.Default().Code)
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if _, err := export.Run(context.Background(), export.Options{Handler: s.app.Handler, Store: s.app.Store,
		Languages: s.app.Languages, Catalog: cat, BaseURL: s.URL, Out: out}); err != nil {
		t.Fatal(err)
	}
	return out
}

// archivePages opens u in the archive and follows its pager's "next"
// links to the end, and returns the text and the address of the links sel
// selects on all the pages, each of which must hold ten at most.
func archivePages(t *testing.T, tab context.Context, u, sel string) (texts, hrefs []string) {
	t.Helper()
	texts, hrefs = []string{}, []string{}
	for range 50 {
		do(t, tab, "open "+u, chromedp.Navigate(u))
		page := eval[[]string](t, tab, `Array.from(document.querySelectorAll('`+sel+`')).map(a => a.textContent)`)
		if len(page) > 10 {
			t.Errorf("%s shows %d items, more than a page of the live site", u, len(page))
		}
		texts = append(texts, page...)
		hrefs = append(hrefs, eval[[]string](t, tab, `Array.from(document.querySelectorAll('`+sel+`')).map(a => a.href)`)...)
		next := eval[string](t, tab, `(document.querySelector('nav.pager a[rel=next]') || {}).href || ""`)
		if next == "" {
			return texts, hrefs
		}
		u = next
	}
	t.Fatalf("more than 50 pages from %s", u)
	return nil, nil
}
