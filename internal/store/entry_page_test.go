package store_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/testenv"
)

// newsStore opens a store holding n news posts, each with a published
// text in ru, ky and en of about 2 KB, dated a day apart, with every
// seventh sharing its date with the one before (so that the order falls
// back to the ID), and every fifth carrying the tag "sport" in ru.
func newsStore(tb testing.TB, n int) *store.Store {
	tb.Helper()
	st, err := store.Open(tb.Context(), testenv.DatabaseURL(tb, tb.TempDir()))
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { st.Close() })
	body := strings.Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", 36)
	start := time.Date(2001, 1, 1, 9, 0, 0, 0, time.UTC)
	const batch = 500
	for from := 0; from < n; from += batch {
		var es []content.Entry
		for i := from; i < min(from+batch, n); i++ {
			day := i - i/7
			e := content.Entry{Key: fmt.Sprint("news-", i), Type: content.EntryNews, SourceLang: "ru",
				Date: start.AddDate(0, 0, day), Texts: map[string]content.EntryText{}}
			for _, code := range []string{"ru", "ky", "en"} {
				t := content.EntryText{Meta: content.Meta{Lang: code, Slug: fmt.Sprint("news-", i), Status: content.StatusPublished},
					Title: fmt.Sprint("News ", i, " ", code), Summary: "A summary.", Body: body}
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
// every page of every list.
func BenchmarkEntriesDeepPage(b *testing.B) {
	const n, perPage = 3000, 10
	st := newsStore(b, n)
	for _, page := range []int{1, n / perPage / 2, n / perPage} {
		b.Run(fmt.Sprint("page=", page), func(b *testing.B) {
			q := store.EntryQuery{Type: content.EntryNews, Langs: []string{"ky", "ru"}, Limit: perPage, Offset: (page - 1) * perPage}
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
