package export_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/app"
	"github.com/datka-cms/datka/internal/content"
)

// addMaterials puts n materials in the library, in Russian and English,
// with topics, target groups, languages and years that vary, so that each
// filter selects some of them and the list has several pages.
func addMaterials(t *testing.T, a *app.App, n int) {
	t.Helper()
	topics, groups := content.Topics(), content.TargetGroups()
	var ms []content.Entry
	for i := range n {
		key := fmt.Sprintf("material-%02d", i)
		text := func(code, title string) content.EntryText {
			return content.EntryText{Meta: content.Meta{Lang: code, Slug: key, Status: content.StatusPublished},
				Title: fmt.Sprintf("%s %02d", title, i), Summary: "Summary " + key}
		}
		m := content.Entry{Key: key, Type: content.EntryMaterial, Year: 2019 + i%4, Topic: topics[i%len(topics)],
			Groups: []string{groups[i%len(groups)], groups[(i/2)%len(groups)]}, DocLangs: []string{[]string{"ru", "ky", "en"}[i%3]},
			Date:  time.Date(2019+i%4, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC),
			Texts: map[string]content.EntryText{"ru": text("ru", "Пособие"), "en": text("en", "Handbook")}}
		if i%5 != 0 {
			m.VideoURL = "https://video.example.org/" + key
		}
		ms = append(ms, m)
	}
	if err := a.Store.Install(context.Background(), "ru", nil, nil, ms, nil); err != nil {
		t.Fatal(err)
	}
}

func libraryPath(t *testing.T, a *app.App, code string) string {
	t.Helper()
	pages, err := a.Store.Pages(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		if p.Layout == content.LayoutLibrary {
			return "/" + code + "/" + p.Texts[code].Slug
		}
	}
	t.Fatal("no library page")
	return ""
}

var cardTitleRe = regexp.MustCompile(`<h3><a href="[^"]*"[^>]*>([^<]*)</a></h3>`)

// liveLibrary returns the titles the live library lists for query, all
// its pages in order.
func liveLibrary(t *testing.T, h http.Handler, lib string, query url.Values) []string {
	t.Helper()
	titles := []string{}
	for page := 1; ; page++ {
		q := url.Values{}
		for k, v := range query {
			q[k] = v
		}
		if page > 1 {
			q.Set("page", fmt.Sprint(page))
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, lib+"?"+q.Encode(), nil))
		if rec.Code == http.StatusNotFound && page > 1 {
			return titles
		}
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s?%s: %d", lib, q.Encode(), rec.Code)
		}
		body, _ := io.ReadAll(rec.Body)
		n := len(titles)
		for _, m := range cardTitleRe.FindAllSubmatch(body, -1) {
			titles = append(titles, string(m[1]))
		}
		if len(titles) == n || !strings.Contains(string(body), `rel="next"`) {
			return titles
		}
	}
}

// archiveLibrary reads the data of the archive's library list at file
// (its first page): the cards' facets and HTML, and the counts.
func archiveLibrary(t *testing.T, out, file string) (cards [][2]string, count []string) {
	t.Helper()
	page, err := os.ReadFile(filepath.Join(out, file))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<script src="([^"]*library/[a-z0-9-]+\.[0-9a-f]+\.js)" defer>`).FindSubmatch(page)
	if m == nil {
		t.Fatalf("%s loads no library data", file)
	}
	js, err := os.ReadFile(filepath.Join(out, filepath.Dir(file), string(m[1])))
	if err != nil {
		t.Fatal(err)
	}
	raw, ok := strings.CutPrefix(strings.TrimSuffix(string(js), ";\n"), "window.datkaLibrary=")
	if !ok {
		t.Fatalf("library data: %.60s", js)
	}
	var d struct {
		Cards [][2]string `json:"cards"`
		Count []string    `json:"count"`
	}
	if err := json.Unmarshal([]byte(raw), &d); err != nil {
		t.Fatal(err)
	}
	return d.Cards, d.Count
}

// TestArchiveLibraryFiltersMatchTheLive exports a library of three pages
// and checks that the archive's data, filtered as library.js filters it,
// lists for each set of filters the same materials in the same order as
// the live library, whose cards link to files of the archive.
func TestArchiveLibraryFiltersMatchTheLive(t *testing.T) {
	a := newSite(t)
	addMaterials(t, a, 27)
	addDocument(t, a)
	out := t.TempDir()
	runExport(t, a, out)
	for _, code := range []string{"ru", "en"} {
		lib := libraryPath(t, a, code)
		file := fileOf(lib)
		cards, count := archiveLibrary(t, out, file)
		all := liveLibrary(t, a.Handler, lib, nil)
		if len(all) < 21 || len(cards) != len(all) {
			t.Fatalf("%s: the archive holds %d cards, the live library lists %d", code, len(cards), len(all))
		}
		if len(count) != len(cards)+1 || !strings.Contains(count[len(cards)], fmt.Sprint(len(cards))) {
			t.Errorf("%s: counts %q", code, count)
		}
		page, _ := os.ReadFile(filepath.Join(out, file))
		if !strings.Contains(string(page), `<noscript><p class="notice" role="note">`) {
			t.Errorf("%s: the first page does not say that its filters need JavaScript", code)
		}
		for _, c := range cards {
			href := regexp.MustCompile(`<a href="([^"]*)"`).FindStringSubmatch(c[1])
			if href == nil || strings.HasPrefix(href[1], "/") || strings.Contains(href[1], "://") {
				t.Fatalf("%s: card links %v, not a file of the archive", code, href)
			}
			if _, err := os.Stat(filepath.Join(out, filepath.Dir(file), filepath.FromSlash(href[1]))); err != nil {
				t.Errorf("%s: card link %s: %v", code, href[1], err)
			}
		}
		for _, q := range []url.Values{
			{"topic": {content.Topics()[1]}},
			{"group": {content.TargetGroups()[2]}},
			{"lang": {"ky"}},
			{"year": {"2021"}},
			{"format": {"document"}},
			{"format": {"video"}, "year": {"2020"}},
			{"topic": {content.Topics()[0]}, "group": {content.TargetGroups()[0]}, "lang": {"ru"}},
			{"topic": {content.Topics()[0]}, "year": {"2020"}}, // none
		} {
			want := liveLibrary(t, a.Handler, lib, q)
			got := []string{}
			for _, c := range cards {
				f := " " + c[0] + " "
				match := true
				for k, v := range q {
					match = match && strings.Contains(f, " "+k+":"+v[0]+" ")
				}
				if match {
					got = append(got, cardTitleRe.FindStringSubmatch(c[1])[1])
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s ?%s: the archive lists %q, the live library %q", code, q.Encode(), got, want)
			}
		}
	}
}
