package corpus

import (
	"context"
	"maps"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/testenv"
)

func TestItemIsReproducible(t *testing.T) {
	for _, n := range []int{1, 2, 9999} {
		if a, b := Item(7, n, nil), Item(7, n, nil); a != b {
			t.Errorf("item %d differs between two calls", n)
		}
	}
	if Item(7, 1, nil) == Item(8, 1, nil) {
		t.Error("seeds 7 and 8 give the same item")
	}
}

// linkTarget is the target of a Markdown link, which readers do not see.
var linkTarget = regexp.MustCompile(`\]\([^)]*\)`)

func TestItemShape(t *testing.T) {
	links := &Links{
		About: Link{Title: [3]string{"О проекте", "Долбоор жөнүндө", "About the project"}, URL: [3]string{"/ru/o-proekte", "/ky/dolboor-jonundo", "/en/about-the-project"}},
		Orgs: []OrgLink{{
			Link:    Link{Title: [3]string{"Министерство", "Министрлик", "Ministry"}, URL: [3]string{"/ru/g/m", "/ky/g/m", "/en/g/m"}},
			Website: "https://edu.gov.kg", Label: [3]string{"Сайт", "Сайты", "Website"},
		}},
	}
	kyrgyzLetters := 0
	for n := 1; n <= 500; n++ {
		item := Item(1, n, links)
		for i, tx := range item {
			code := Langs[i]
			if w := wordCount(tx.Title); w < 6 || w > 12 {
				t.Errorf("item %d %s: title has %d words: %q", n, code, w, tx.Title)
			}
			if s := strings.Count(tx.Summary, ". ") + 1; s > 2 {
				t.Errorf("item %d %s: summary has %d sentences", n, code, s)
			}
			if w := wordCount(tx.Body); w < 250 || w > 850 {
				t.Errorf("item %d %s: body has %d words", n, code, w)
			}
			if p := len(strings.Split(tx.Body, "\n\n")); p < 4 || p > 11 {
				t.Errorf("item %d %s: body has %d blocks", n, code, p)
			}
			visible := linkTarget.ReplaceAllString(tx.Title+"\n"+tx.Summary+"\n"+tx.Body, "]")
			for _, w := range strings.FieldsFunc(visible, func(r rune) bool { return !unicode.IsLetter(r) }) {
				latin, cyrillic := false, false
				for _, r := range w {
					latin = latin || unicode.Is(unicode.Latin, r)
					cyrillic = cyrillic || unicode.Is(unicode.Cyrillic, r)
				}
				switch {
				case latin && cyrillic:
					t.Errorf("item %d %s: %q mixes Latin and Cyrillic letters", n, code, w)
				case latin && code != "en":
					t.Errorf("item %d %s: Latin word %q", n, code, w)
				case cyrillic && code == "en":
					t.Errorf("item %d %s: Cyrillic word %q", n, code, w)
				}
			}
			if code == "ky" && strings.ContainsAny(tx.Body, "өүң") {
				kyrgyzLetters++
			}
		}
	}
	if kyrgyzLetters != 500 {
		t.Errorf("only %d of 500 Kyrgyz bodies use ө, ү or ң", kyrgyzLetters)
	}
}

func TestGenerate(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	calls := 0
	m, err := Generate(ctx, Options{Dir: dir, Items: 25, Seed: 1, Batch: 10, Progress: func(done, total int) { calls++ }})
	if err != nil {
		t.Fatal(err)
	}
	if calls != 3 {
		t.Errorf("progress called %d times for 3 batches", calls)
	}
	got, ok, err := Load(dir)
	if err != nil || !ok || got.Items != 25 || len(got.NewsPaths) != 3 {
		t.Fatalf("Load = %+v, %v, %v", got, ok, err)
	}
	if _, err := Generate(ctx, Options{Dir: dir, Items: 1}); err == nil {
		t.Error("Generate wrote into a folder that already holds a database")
	}
	st, err := store.OpenSQLite(ctx, filepath.Join(dir, DBName))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for code, path := range m.NewsPaths {
		slug := path[strings.LastIndexByte(path, '/')+1:]
		refs, err := st.EntrySlug(ctx, slug)
		if err != nil || len(refs) != 1 || refs[0].Lang != code {
			t.Errorf("news item %s: slug refs %v, %v", path, refs, err)
		}
	}
	entries, total, err := st.Entries(ctx, store.EntryQuery{Type: content.EntryNews, Langs: []string{"ru"}})
	if err != nil {
		t.Fatal(err)
	}
	news := 0
	for _, e := range entries {
		if strings.HasPrefix(e.Key, "bench-news-") {
			news++
			if len(e.Texts) != 3 {
				t.Errorf("%s has %d texts", e.Key, len(e.Texts))
			}
		}
	}
	if total < news {
		t.Errorf("total %d < %d", total, news)
	}
	if news != 25 {
		t.Errorf("%d news items stored, want 25", news)
	}
}

// TestFillIsTheSameOnBothDatabases fills SQLite and PostgreSQL with one
// corpus and compares what the servers will be asked for: the manifest's
// paths and the news in list order.
func TestFillIsTheSameOnBothDatabases(t *testing.T) {
	ctx := context.Background()
	opt := Options{Items: 12, Seed: 1, Batch: 5}
	fill := func(dbURL string) (Manifest, []string) {
		t.Helper()
		st, err := store.Open(ctx, dbURL)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		m, err := Fill(ctx, st, opt)
		if err != nil {
			t.Fatalf("%s: %v", st.Driver(), err)
		}
		entries, _, err := st.Entries(ctx, store.EntryQuery{Type: content.EntryNews, Langs: []string{"ru"}, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		var slugs []string
		for _, e := range entries {
			slugs = append(slugs, e.Key+" "+e.Texts["ru"].Slug)
		}
		return m, slugs
	}
	lite, liteNews := fill("sqlite:" + filepath.Join(t.TempDir(), DBName))
	if len(lite.SearchPaths) != 3 || len(lite.ListPaths) != 3 || !strings.HasPrefix(lite.NewsPaths["ru"], lite.ListPaths["ru"]+"/") {
		t.Fatalf("SQLite manifest: %+v", lite)
	}
	pg, pgNews := fill(testenv.PostgresSchema(t))
	for _, c := range []struct {
		name       string
		lite, post map[string]string
	}{
		{"news item", lite.NewsPaths, pg.NewsPaths},
		{"news list", lite.ListPaths, pg.ListPaths},
		{"search page", lite.SearchPaths, pg.SearchPaths},
	} {
		if !maps.Equal(c.lite, c.post) {
			t.Errorf("%s paths: SQLite %v, PostgreSQL %v", c.name, c.lite, c.post)
		}
	}
	if strings.Join(liteNews, "\n") != strings.Join(pgNews, "\n") {
		t.Errorf("news differ:\nSQLite:\n%s\nPostgreSQL:\n%s", strings.Join(liteNews, "\n"), strings.Join(pgNews, "\n"))
	}
	if len(pgNews) < opt.Items {
		t.Errorf("%d news listed, want at least %d", len(pgNews), opt.Items)
	}
}

func TestUniqueSlugs(t *testing.T) {
	u := slugs{}
	long := strings.Repeat("a", 80)
	for _, tc := range []struct{ in, want string }{
		{"news", "news"},
		{"news", "news-2"},
		{"news", "news-3"},
		{long, long},
		{long, strings.Repeat("a", 78) + "-2"},
		{"", "news-4"},
	} {
		if got := u.unique("ru", tc.in); got != tc.want {
			t.Errorf("unique(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
