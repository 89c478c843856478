package export

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/datka-cms/datka/internal/i18n"
	"github.com/datka-cms/datka/internal/search"
	"github.com/datka-cms/datka/internal/store"
)

// searchIndex is the client-side index of one language, as search.js reads
// it. It is made by the live search's analysers; the script cannot stem,
// so Forms maps every word form of the indexed texts (as the script
// normalises it) to the terms the live search makes of it. A query word
// the texts never use is looked up as a term itself, then as the longest
// indexed term it begins with, leaving at most Ending more runes (a guess
// at an inflected form); failing that it matches nothing, as in the live
// search.
type searchIndex struct {
	Lang string `json:"lang"`
	// Docs are [URL relative to the search page, title, kind, ISO date,
	// date as shown, the start of the text], newest first, undated last.
	Docs [][6]string `json:"docs"`
	// Terms maps a term to its postings: doc*2, plus 1 when the term is in
	// the doc's title.
	Terms map[string][]int `json:"terms"`
	// Forms maps a normalised word to its terms, space-separated; "" for a
	// word the live search ignores (a stop word).
	Forms  map[string]string `json:"forms"`
	Ending int               `json:"ending"`
	// Labels: Count[n-1] says n results were found; None, NoWords and
	// Kinds as the live search page says them.
	Count   []string          `json:"count"`
	None    string            `json:"none"`
	NoWords string            `json:"noWords"`
	Kinds   map[string]string `json:"kinds"`
}

// endings is how many runes a query word may have past the indexed term it
// begins with to be taken for a form of it: Kyrgyz stacks suffixes.
var endings = map[string]int{"ru": 4, "en": 4, "ky": 7}

// maxQueryTerms bounds the terms of a query, as the live search does.
const maxQueryTerms = 16

// buildIndex makes the index of docs (all of one language, lang); urlOf
// gives a doc's URL relative to the search page, "" to leave it out.
func buildIndex(lang string, docs []store.SearchDoc, urlOf func(store.SearchHit) string, tr *i18n.Translator, loc *time.Location) *searchIndex {
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
		ix.Docs = append(ix.Docs, [6]string{u, d.Title, d.Kind, iso, shown, plainSnippet(lang, d.Text)})
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
				ts := strings.Join(dedupe(a.Terms(w)), " ")
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

func dedupe(terms []string) []string {
	var out []string
	for _, t := range terms {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// plainSnippet is the start of a text, cleaned as the live search cleans
// its snippets, long enough for search.js to cut one around the first
// word found.
func plainSnippet(lang, text string) string {
	var b strings.Builder
	for _, f := range search.Snippet(lang, text, nil, 800) {
		b.WriteString(f.Text)
	}
	return b.String()
}

// find returns the docs that match q (and kind, unless ""), in the order
// search.js lists them; searched is false when q has no words. It is the
// script's logic in Go, for the tests: keep the two in step.
func (ix *searchIndex) find(q, kind string) (docs []int, searched bool) {
	words := queryWords(q)
	if len(words) == 0 {
		return nil, false
	}
	var terms []string
	for _, w := range words {
		ts, ok := ix.termsOf(w)
		if !ok {
			return nil, true // a word no text has: nothing matches all
		}
		for _, t := range ts {
			if !slices.Contains(terms, t) && len(terms) < maxQueryTerms {
				terms = append(terms, t)
			}
		}
	}
	if len(terms) == 0 {
		return nil, true // stop words only
	}
	count := map[int]int{}
	titled := map[int]int{}
	for _, t := range terms {
		for _, p := range ix.Terms[t] {
			count[p/2]++
			titled[p/2] += p % 2
		}
	}
	var first, rest []int
	for d := range ix.Docs {
		if count[d] != len(terms) || kind != "" && ix.Docs[d][2] != kind {
			continue
		}
		if titled[d] == len(terms) {
			first = append(first, d)
		} else {
			rest = append(rest, d)
		}
	}
	return append(first, rest...), true
}

// termsOf is what one query word stands for; ok is false when it matches
// nothing at all.
func (ix *searchIndex) termsOf(w string) ([]string, bool) {
	if w == "AND" || w == "OR" || w == "NOT" || w == "NEAR" {
		return nil, true
	}
	f := normWord(w)
	if ts, ok := ix.Forms[f]; ok {
		return strings.Fields(ts), true
	}
	if _, ok := ix.Terms[f]; ok {
		return []string{f}, true
	}
	best := ""
	n := utf8.RuneCountInString(f)
	for t := range ix.Terms {
		m := utf8.RuneCountInString(t)
		if m >= 3 && n-m <= ix.Ending && len(t) > len(best) && strings.HasPrefix(f, t) {
			best = t
		}
	}
	if best == "" {
		return nil, false
	}
	return []string{best}, true
}

// queryWords splits text into words as search.js does: runs of letters,
// digits and marks, an apostrophe between two of them kept inside.
func queryWords(text string) []string {
	var words []string
	isWord := func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) || unicode.Is(unicode.M, r)
	}
	isApos := func(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }
	start := -1
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWord(r):
			if start < 0 {
				start = i
			}
		case start >= 0 && isApos(r):
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			if i+size < len(text) && isWord(next) {
				break
			}
			words = append(words, text[start:i])
			start = -1
		case start >= 0:
			words = append(words, text[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		words = append(words, text[start:])
	}
	return words
}

// normWord is search.js's normalisation of a word: NFKC, lower case, ё as
// е, the old-font Kyrgyz letters as today's, combining marks dropped.
func normWord(w string) string {
	w = strings.ToLower(norm.NFKC.String(w))
	return strings.Map(func(r rune) rune {
		switch r {
		case 'ё':
			return 'е'
		case 'ӊ', 'ӈ', 'ҥ':
			return 'ң'
		case 'ѳ':
			return 'ө'
		}
		if unicode.Is(unicode.M, r) {
			return -1
		}
		return r
	}, w)
}
