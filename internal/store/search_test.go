package store_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/search"
	"github.com/datka-cms/datka/internal/seed"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/testenv"
)

// found lists the groups a search finds, best first.
func found(t *testing.T, st *store.Store, lang, kind, q string) []int64 {
	t.Helper()
	hits, total, err := st.Search(t.Context(), store.SearchQuery{Lang: lang, Kind: kind, Terms: search.Query(lang, q), Limit: 1000})
	if err != nil {
		t.Fatalf("Search(%s, %q): %v", lang, q, err)
	}
	if total != len(hits) {
		t.Fatalf("Search(%s, %q): total %d, %d hits", lang, q, total, len(hits))
	}
	var ids []int64
	for _, h := range hits {
		if h.Lang != lang || (kind != "" && h.Kind != kind) {
			t.Errorf("Search(%s, %s, %q) found %+v", lang, kind, q, h)
		}
		ids = append(ids, h.GroupID)
	}
	return ids
}

func TestSearchIndexFollowsPublication(t *testing.T) {
	st, _ := seededStore(t)
	ctx := t.Context()
	queries := []struct{ lang, kind, q string }{
		{"ru", "", "равенству"}, {"ky", "", "теңчиликтин"}, {"en", "", "trainings"},
		{"en", store.KindNews, "project"}, {"en", store.KindOrganisation, "ministry"}, {"ru", "", "министерство"},
	}
	before := map[int][]int64{}
	for i, q := range queries {
		before[i] = found(t, st, q.lang, q.kind, q.q)
		if len(before[i]) == 0 {
			t.Errorf("Search(%s, %s, %q) found nothing", q.lang, q.kind, q.q)
		}
	}
	// A rebuilt index finds the same, in the same order.
	if err := st.Reindex(ctx); err != nil {
		t.Fatal(err)
	}
	for i, q := range queries {
		if got := found(t, st, q.lang, q.kind, q.q); !slices.Equal(got, before[i]) {
			t.Errorf("after Reindex, %q finds %v, before %v", q.q, got, before[i])
		}
	}
	// Unpublishing takes a text out; publishing puts it back.
	id := before[2][0]
	if err := st.Unpublish(ctx, id, "en", content.User{Email: "t@example.org"}); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(found(t, st, "en", "", "trainings"), id) {
		t.Error("an unpublished text is still found")
	}
	kind, err := st.GroupKind(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	revs, err := st.Revisions(ctx, id, "en", 10)
	if err != nil {
		t.Fatal(err)
	}
	var fields content.Fields
	for _, r := range revs {
		if r.Action == "publish" {
			fields = r.Fields
			break
		}
	}
	fields.Set("title", "Zebra crossing workshop")
	d := content.Draft{Kind: kind, GroupID: id, Lang: "en", Status: content.StatusDraft, Fields: fields}
	if _, err := st.SaveAndPublish(ctx, d, content.User{Email: "t@example.org"}); err != nil {
		t.Fatal(err)
	}
	if got := found(t, st, "en", "", "zebras"); !slices.Equal(got, []int64{id}) {
		t.Errorf("a republished title: found %v, want [%d]", got, id)
	}
	if got := found(t, st, "en", "", "zebras trainings"); !slices.Equal(got, []int64{id}) {
		t.Errorf("all words must match: found %v", got)
	}
	if got := found(t, st, "ky", "", "zebras"); len(got) != 0 {
		t.Errorf("an English text was found in Kyrgyz: %v", got)
	}
}

func TestBroadSearchListsTitlesFirstAndPagesCleanly(t *testing.T) {
	st, _ := openStore(t)
	ctx := t.Context()
	n := store.SearchCountMax + 200
	var es []content.Entry
	for i := range n {
		title, body := fmt.Sprintf("Report %d", i), "A text about quokkas."
		if i%100 == 0 {
			title = fmt.Sprintf("Quokka report %d", i)
		}
		es = append(es, content.Entry{Key: fmt.Sprintf("e%d", i), Type: content.EntryNews, Date: time.Now(),
			Texts: map[string]content.EntryText{"en": {Meta: content.Meta{Lang: "en", Slug: fmt.Sprintf("e%d", i),
				Status: content.StatusPublished}, Title: title, Body: body}}})
	}
	if err := st.Install(ctx, "en", nil, nil, es, nil); err != nil {
		t.Fatal(err)
	}
	terms := search.Query("en", "quokka")
	seen := map[int64]bool{}
	titled := 0
	for page := 0; page*10 < store.SearchCountMax; page++ {
		hits, total, err := st.Search(ctx, store.SearchQuery{Lang: "en", Terms: terms, Limit: 10, Offset: page * 10})
		if err != nil {
			t.Fatal(err)
		}
		if total != store.SearchCountMax+1 {
			t.Fatalf("total %d, want the cap %d", total, store.SearchCountMax+1)
		}
		if len(hits) != 10 {
			t.Fatalf("page %d: %d hits", page, len(hits))
		}
		for _, h := range hits {
			if seen[h.GroupID] {
				t.Fatalf("page %d lists %d again", page, h.GroupID)
			}
			seen[h.GroupID] = true
			if strings.HasPrefix(h.Title, "Quokka") {
				if titled != len(seen)-1 {
					t.Errorf("a title match (%s) comes after texts that match only in the body", h.Title)
				}
				titled++
			}
		}
	}
	if want := (n + 99) / 100; titled != want {
		t.Errorf("%d title matches listed, want %d", titled, want)
	}
}

func TestEntryCountsFollowChanges(t *testing.T) {
	st, _ := openStore(t) // a fresh store: generation 0
	ctx := t.Context()
	q := store.EntryQuery{Type: content.EntryNews, Langs: []string{"en"}}
	count := func() int {
		t.Helper()
		_, n, err := st.Entries(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		years, err := st.EntryYears(ctx, content.EntryNews, []string{"en"})
		if err != nil {
			t.Fatal(err)
		}
		total := 0
		for _, y := range years {
			total += y.Count
		}
		if total != n {
			t.Fatalf("years count %d entries, the list %d", total, n)
		}
		return n
	}
	if n := count(); n != 0 {
		t.Fatalf("%d entries in an empty store", n)
	}
	for i := range 3 {
		e := content.Entry{Key: fmt.Sprint("n", i), Type: content.EntryNews, Date: time.Now(),
			Texts: map[string]content.EntryText{"en": {Meta: content.Meta{Lang: "en", Slug: fmt.Sprint("n", i), Status: content.StatusPublished}, Title: "N"}}}
		if err := st.Install(ctx, "en", nil, nil, []content.Entry{e}, nil); err != nil {
			t.Fatal(err)
		}
		if n := count(); n != i+1 {
			t.Fatalf("after %d posts the list counts %d", i+1, n)
		}
	}
}

// TestBothDatabasesFindTheSameTexts installs the default site into SQLite
// and into PostgreSQL and asks both the same questions: every third word
// of every title and news summary, in its own language, alone and with
// the next word, for every kind and for pages and news alone. The two must find the same texts (they may rank
// them differently).
func TestBothDatabasesFindTheSameTexts(t *testing.T) {
	ctx := t.Context()
	lite, err := store.Open(ctx, "sqlite:"+t.TempDir()+"/datka.db")
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	pg, err := store.Open(ctx, testenv.PostgresSchema(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	for _, st := range []*store.Store{lite, pg} {
		if err := seed.Install(ctx, st, "en"); err != nil {
			t.Fatal(err)
		}
	}
	pages, err := lite.Pages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	entries, _, err := lite.Entries(ctx, store.EntryQuery{Type: content.EntryNews, Langs: []string{"ru", "ky", "en"}})
	if err != nil {
		t.Fatal(err)
	}
	queries := map[string][]string{}
	for _, p := range pages {
		for code, tx := range p.Texts {
			queries[code] = append(queries[code], tx.Title)
		}
	}
	for _, e := range entries {
		for code, tx := range e.Texts {
			queries[code] = append(queries[code], tx.Title, tx.Summary)
		}
	}
	asked, matched := 0, 0
	for code, texts := range queries {
		for _, text := range texts {
			words := strings.Fields(text)
			for i, w := range words {
				if i%3 != 0 {
					continue
				}
				qs := []string{w}
				if i+1 < len(words) {
					qs = append(qs, w+" "+words[i+1])
				}
				for _, q := range qs {
					for _, kind := range []string{"", store.KindPage, store.KindNews} {
						a, b := found(t, lite, code, kind, q), found(t, pg, code, kind, q)
						slices.Sort(a)
						slices.Sort(b)
						asked++
						if len(a) > 0 {
							matched++
						}
						if !slices.Equal(a, b) {
							t.Errorf("%s %q (kind %q): SQLite finds %v, PostgreSQL %v", code, q, kind, a, b)
						}
					}
				}
			}
		}
	}
	if matched < asked/3 {
		t.Errorf("only %d of %d questions found anything: the comparison says little", matched, asked)
	}
	t.Logf("%d questions, %d with results, the same on both databases", asked, matched)
}
