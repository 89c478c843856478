package export

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/datka-cms/datka/internal/i18n"
	"github.com/datka-cms/datka/internal/search"
	"github.com/datka-cms/datka/internal/store"
)

// buildIndexReference is buildIndex as it was before it was made fast:
// plain and slow, kept so that tests can check that the fast one makes
// the same index, byte for byte.
func buildIndexReference(lang string, docs []store.SearchDoc, urlOf func(store.SearchHit) string, tr *i18n.Translator, loc *time.Location) *searchIndex {
	ix := &searchIndex{Lang: lang, Terms: map[string][]int{}, Forms: map[string]string{}, Ending: endings[lang],
		None: tr.T("search_none"), NoWords: tr.T("search_no_words"), Kinds: map[string]string{}}
	docs = slices.Clone(docs)
	slices.SortStableFunc(docs, func(a, b store.SearchDoc) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c // newest first; undated (zero) last
		}
		return cmp.Compare(a.Title, b.Title)
	})
	a := search.For(lang)
	for _, d := range docs {
		u := urlOf(d.SearchHit)
		if u == "" {
			continue
		}
		n := len(ix.Docs)
		var iso, shown string
		if !d.Date.IsZero() && d.Kind != store.KindPage && d.Kind != store.KindOrganisation {
			local := d.Date.In(loc)
			iso, shown = local.Format("2006-01-02"), tr.Date(local)
		}
		ix.Docs = append(ix.Docs, [6]string{u, d.Title, d.Kind, iso, shown, plainSnippetReference(lang, d.Text)})
		ix.Kinds[d.Kind] = tr.T("kind_" + d.Kind)
		inTitle := map[string]bool{}
		for _, t := range a.Terms(d.TitleText) {
			inTitle[t] = true
		}
		seen := map[string]bool{}
		for _, text := range []string{d.TitleText, d.BodyText} {
			for _, t := range a.Terms(text) {
				if seen[t] {
					continue
				}
				seen[t] = true
				p := n * 2
				if inTitle[t] {
					p++
				}
				ix.Terms[t] = append(ix.Terms[t], p)
			}
			for _, w := range queryWords(text) {
				f := normWord(w)
				if _, ok := ix.Forms[f]; ok {
					continue
				}
				ts := strings.Join(dedupeReference(a.Terms(w)), " ")
				if ts != f {
					ix.Forms[f] = ts
				}
			}
		}
	}
	for n := 1; n <= len(ix.Docs); n++ {
		ix.Count = append(ix.Count, tr.N("results_count", n))
	}
	return ix
}

func dedupeReference(terms []string) []string {
	var out []string
	for _, t := range terms {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func plainSnippetReference(lang, text string) string {
	var b strings.Builder
	for _, f := range search.Snippet(lang, text, nil, 800) {
		b.WriteString(f.Text)
	}
	return b.String()
}
