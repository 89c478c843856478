package store_test

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/testenv"
)

// newsStore opens a store holding n news posts, each with a text in ru,
// ky and en of about 2 KB, all published but every third's ky. Their
// dates are shuffled, two posts to a day (so that the order falls back to
// the ID), over n/2 days from 1 October 2000; every fifth carries the tag
// "sport" in ru.
func newsStore(tb testing.TB, n int) *store.Store {
	tb.Helper()
	st, err := store.Open(tb.Context(), testenv.DatabaseURL(tb, tb.TempDir()))
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { st.Close() })
	body := strings.Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", 36)
	start := time.Date(2000, 10, 1, 9, 0, 0, 0, time.UTC)
	const batch = 500
	for from := 0; from < n; from += batch {
		var es []content.Entry
		for i := from; i < min(from+batch, n); i++ {
			day := i * 7919 % max(n/2, 1)
			e := content.Entry{Key: fmt.Sprint("news-", i), Type: content.EntryNews, SourceLang: "ru",
				Date: start.AddDate(0, 0, day), Texts: map[string]content.EntryText{}}
			for _, code := range []string{"ru", "ky", "en"} {
				t := content.EntryText{Meta: content.Meta{Lang: code, Slug: fmt.Sprint("news-", i), Status: content.StatusPublished},
					Title: fmt.Sprint("News ", i, " ", code), Summary: "A summary.", Body: body}
				if code == "ky" && i%3 == 1 {
					t.Status = content.StatusDraft
				}
				if code == "ru" && i%5 == 0 {
					t.Tags = []string{"sport"}
				}
				e.Texts[code] = t
			}
			es = append(es, e)
		}
		if err := st.Install(tb.Context(), "ru", nil, nil, es, nil); err != nil {
			tb.Fatalf("Install: %v", err)
		}
	}
	return st
}

// BenchmarkEntriesDeepPage asks for pages of ten of a news list of 3,000
// posts: the first, one in the middle and the last, as an export does for
// every page of every list. The "past" list selects the same posts but
// depends on the clock, so that each call reads the list afresh, as the
// first call after a change does.
func BenchmarkEntriesDeepPage(b *testing.B) {
	const n, perPage = 3000, 10
	st := newsStore(b, n)
	for _, when := range []string{"", "past"} {
		for _, page := range []int{1, n / perPage / 2, n / perPage} {
			name := fmt.Sprint("page=", page)
			if when != "" {
				name = when + "/" + name
			}
			b.Run(name, func(b *testing.B) {
				q := store.EntryQuery{Type: content.EntryNews, Langs: []string{"ky", "ru"}, When: when, Now: time.Now(),
					Limit: perPage, Offset: (page - 1) * perPage}
				for b.Loop() {
					es, total, err := st.Entries(b.Context(), q)
					if err != nil {
						b.Fatal(err)
					}
					if total != n || len(es) != perPage {
						b.Fatalf("%d entries of %d, want %d of %d", len(es), total, perPage, n)
					}
				}
			})
		}
	}
}

// TestEntriesPagesMatchTheWholeList walks every page of lists of news
// and compares them with the whole list asked for at once, which must hold
// exactly the posts the query selects, newest first (the later created
// first on the same day). Lists are kept in full or only in part, to
// reach the pages read past the IDs a list keeps.
func TestEntriesPagesMatchTheWholeList(t *testing.T) {
	const n = 237
	st := newsStore(t, n)
	ctx := t.Context()
	selects := func(q store.EntryQuery, i int) bool {
		if q.Tag == "sport" && i%5 != 0 {
			return false
		}
		if day := i * 7919 % (n / 2); q.Year == 2001 && (day < 92 || day >= 92+365) {
			return false
		}
		return slices.Contains(q.Langs, "ru") || slices.Contains(q.Langs, "en") || i%3 != 1
	}
	queries := []struct {
		name string
		q    store.EntryQuery
	}{
		{"fallback", store.EntryQuery{Type: content.EntryNews, Langs: []string{"ky", "ru"}}},
		{"without the drafts", store.EntryQuery{Type: content.EntryNews, Langs: []string{"ky"}}},
		{"by year", store.EntryQuery{Type: content.EntryNews, Langs: []string{"ky"}, Year: 2001}},
		{"by tag", store.EntryQuery{Type: content.EntryNews, Langs: []string{"ru"}, Tag: "sport"}},
		{"none", store.EntryQuery{Type: content.EntryEvent, Langs: []string{"ru"}}},
	}
	for _, keep := range []int{0, 25} {
		store.SetEntryListMax(st, keep)
		for _, tc := range queries {
			t.Run(fmt.Sprintf("%s keeping %d", tc.name, keep), func(t *testing.T) {
				all, total, err := st.Entries(ctx, tc.q)
				if err != nil {
					t.Fatal(err)
				}
				var want []string
				for i := range n {
					if tc.q.Type == content.EntryNews && selects(tc.q, i) {
						want = append(want, fmt.Sprint("news-", i))
					}
				}
				if total != len(want) || len(all) != len(want) {
					t.Fatalf("%d entries of %d, want %d", len(all), total, len(want))
				}
				var got []string
				for _, e := range all {
					got = append(got, e.Key)
					if len(e.Texts) != 3 {
						t.Errorf("%s has %d texts, want 3", e.Key, len(e.Texts))
					}
				}
				slices.Sort(want)
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Fatalf("listed %v, want %v", got, want)
				}
				if !slices.IsSortedFunc(all, func(a, b content.Entry) int {
					return cmp.Or(b.Date.Compare(a.Date), cmp.Compare(b.ID, a.ID))
				}) {
					t.Errorf("not newest first")
				}
				for _, perPage := range []int{1, 7, 10} {
					var paged []content.Entry
					for offset := 0; offset < total+perPage; offset += perPage {
						q := tc.q
						q.Limit, q.Offset = perPage, offset
						page, n, err := st.Entries(ctx, q)
						if err != nil {
							t.Fatal(err)
						}
						if n != total {
							t.Fatalf("page at %d of %d: total %d, want %d", offset, perPage, n, total)
						}
						if want := min(perPage, max(total-offset, 0)); len(page) != want {
							t.Fatalf("page at %d of %d: %d entries, want %d", offset, perPage, len(page), want)
						}
						paged = append(paged, page...)
					}
					if !slices.EqualFunc(paged, all, func(a, b content.Entry) bool { return a.ID == b.ID }) {
						t.Errorf("pages of %d differ from the whole list", perPage)
					}
				}
			})
		}
	}
}

// TestEntriesFollowChanges: the order of a list is kept until the content
// changes, and not a call longer.
func TestEntriesFollowChanges(t *testing.T) {
	st := newsStore(t, 30)
	ctx := t.Context()
	q := store.EntryQuery{Type: content.EntryNews, Langs: []string{"ky", "ru"}, Limit: 10, Offset: 20}
	last, total, err := st.Entries(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if total != 30 || len(last) != 10 {
		t.Fatalf("%d entries of %d, want 10 of 30", len(last), total)
	}
	oldest := last[9]
	oldest.Date = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := st.UpdateEntryStructure(ctx, oldest); err != nil {
		t.Fatal(err)
	}
	e := content.Entry{Key: "latest", Type: content.EntryNews, SourceLang: "ru", Date: time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC),
		Texts: map[string]content.EntryText{"ru": {Meta: content.Meta{Lang: "ru", Slug: "latest", Status: content.StatusPublished}, Title: "Latest"}}}
	if err := st.Install(ctx, "ru", nil, nil, []content.Entry{e}, nil); err != nil {
		t.Fatal(err)
	}
	q.Offset = 0
	first, total, err := st.Entries(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if total != 31 || len(first) != 10 || first[0].Key != "latest" || first[1].ID != oldest.ID {
		var keys []string
		for _, e := range first {
			keys = append(keys, e.Key)
		}
		t.Fatalf("after the changes, %v of %d; want latest and %s first, of 31", keys, total, oldest.Key)
	}
	q.Offset = 30
	tail, _, err := st.Entries(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if len(tail) != 1 || tail[0].ID != last[8].ID {
		t.Errorf("the last page holds %d entries, want one: %s", len(tail), last[8].Key)
	}
}

// TestEntriesWithoutBodies: a list asked for without bodies has the same
// entries and texts, their bodies empty.
func TestEntriesWithoutBodies(t *testing.T) {
	st := newsStore(t, 12)
	q := store.EntryQuery{Type: content.EntryNews, Langs: []string{"ky", "ru"}, Limit: 5, Offset: 5}
	full, n, err := st.Entries(t.Context(), q)
	if err != nil {
		t.Fatal(err)
	}
	q.NoBody = true
	bare, m, err := st.Entries(t.Context(), q)
	if err != nil {
		t.Fatal(err)
	}
	if n != m || len(full) != len(bare) || len(full) != 5 {
		t.Fatalf("%d of %d with bodies, %d of %d without", len(full), n, len(bare), m)
	}
	for i := range full {
		if len(full[i].Texts) != 3 || len(bare[i].Texts) != 3 {
			t.Fatalf("entry %d: %d and %d texts, want 3", full[i].ID, len(full[i].Texts), len(bare[i].Texts))
		}
		for code, ft := range full[i].Texts {
			bt := bare[i].Texts[code]
			if ft.Body == "" || bt.Body != "" {
				t.Errorf("entry %d %s: body %d bytes with, %d without", full[i].ID, code, len(ft.Body), len(bt.Body))
			}
			ft.Body = ""
			if !reflect.DeepEqual(ft, bt) {
				t.Errorf("entry %d %s differs beyond its body:\n%+v\n%+v", full[i].ID, code, ft, bt)
			}
		}
	}
}
