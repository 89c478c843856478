package export

import (
	"cmp"
	"iter"
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
	// Per and Pager are how pager.js pages the results; addSearch sets
	// them.
	Per   int          `json:"per,omitempty"`
	Pager *pagerLabels `json:"pager,omitempty"`
}

// endings is how many runes a query word may have past the indexed term it
// begins with to be taken for a form of it: Kyrgyz stacks suffixes.
var endings = map[string]int{"ru": 4, "en": 4, "ky": 7}

// maxQueryTerms bounds the terms of a query, as the live search does.
const maxQueryTerms = 16

// buildIndex makes the index of docs (all of one language, lang); urlOf
// gives a doc's URL relative to the search page, "" to leave it out.
//
// News repeats its words, so the analyser sees each run of text between
// two separators (see chunks) once per call, and search.js's form of each
// word once: an export of thousands of items spends its time on the
// site's vocabulary, not on its length. The caches live in an indexer of
// one call, so calls for different languages share nothing.
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
	x := &indexer{a: search.For(lang), forms: ix.Forms, chunks: map[string]span{}, ids: map[string]int32{}, words: map[string]struct{}{}}
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
		if _, ok := ix.Kinds[d.Kind]; !ok {
			ix.Kinds[d.Kind] = tr.T("kind_" + d.Kind)
		}
		// A term of the title is posted from the title, so it is marked
		// as in the title; a term of the body only from the body.
		x.post(d.TitleText, n, n*2+1)
		x.post(d.BodyText, n, n*2)
	}
	for id, t := range x.terms {
		ix.Terms[t] = x.postings[id]
	}
	for n := 1; n <= len(ix.Docs); n++ {
		ix.Count = append(ix.Count, tr.N("results_count", n))
	}
	return ix
}

// indexer holds what one buildIndex call has learnt of the texts so far.
type indexer struct {
	a     search.Analyzer
	forms map[string]string // the index's Forms
	// chunks maps each chunk met to its terms, as IDs in arena.
	chunks map[string]span
	arena  []int32
	// ids numbers the terms; terms and postings are indexed by ID, and
	// posted holds the doc number plus one each term was last posted for.
	ids      map[string]int32
	terms    []string
	postings [][]int
	posted   []int
	// words holds the query words whose form is made.
	words map[string]struct{}
}

type span struct{ off, len int32 }

// post adds doc n, as posting p, to the postings of every term of text
// not yet posted for it.
func (x *indexer) post(text string, n, p int) {
	for c := range chunks(text) {
		s, ok := x.chunks[c]
		if !ok {
			s = x.learn(c)
		}
		for _, id := range x.arena[s.off : s.off+s.len] {
			if x.posted[id] != n+1 {
				x.posted[id] = n + 1
				x.postings[id] = append(x.postings[id], p)
			}
		}
	}
}

// learn analyses a chunk met for the first time: its terms, and the forms
// of its words.
func (x *indexer) learn(c string) span {
	s := span{off: int32(len(x.arena))}
	for _, t := range x.a.Terms(c) {
		id, ok := x.ids[t]
		if !ok {
			id = int32(len(x.terms))
			x.ids[t] = id
			x.terms = append(x.terms, t)
			x.postings = append(x.postings, nil)
			x.posted = append(x.posted, 0)
		}
		x.arena = append(x.arena, id)
	}
	s.len = int32(len(x.arena)) - s.off
	x.chunks[c] = s
	for _, w := range queryWords(c) {
		// A word met before changes nothing: its form is in Forms, or
		// it is its own only term and stays out.
		if _, ok := x.words[w]; ok {
			continue
		}
		x.words[w] = struct{}{}
		f := normWord(w)
		if _, ok := x.forms[f]; ok {
			continue
		}
		if ts := strings.Join(dedupe(x.a.Terms(w)), " "); ts != f {
			x.forms[f] = ts
		}
	}
	return s
}

// chunks yields the runs of text between separators: ASCII bytes other
// than letters, digits and the apostrophe, and the white space, dashes,
// quotes and ellipsis of typeset text (see separatorAt). A separator ends
// every word of the analyser and of search.js and joins none, and neither
// looks further back than the word it is in nor further on than the next
// rune: the terms and the query words of a text are those of its chunks,
// one after the other.
func chunks(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := 0
		for i := 0; i < len(text); {
			size := 1
			if c := text[i]; c < utf8.RuneSelf && isChunkByte(c) || c >= utf8.RuneSelf && !separatorAt(text, i, &size) {
				i++
				continue
			}
			if i > start && !yield(text[start:i]) {
				return
			}
			i += size
			start = i
		}
		if start < len(text) {
			yield(text[start:])
		}
	}
}

func isChunkByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '\''
}

// separatorAt reports whether one of the common separators beyond ASCII
// starts at byte i, and sets size to its length. None is a letter, a
// digit, a mark, an apostrophe (’ and ‘ are, to the analyser) or a joiner.
func separatorAt(text string, i int, size *int) bool {
	if c := text[i]; c != 0xC2 && c != 0xE2 {
		return false // the lead byte of none of them
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	switch r {
	case '\u00A0', '«', '»', '–', '—', '…', '“', '”', '„':
		*size = n
		return true
	}
	return false
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
	for _, f := range search.Snippet(lang, snippetPrefix(text), nil, plainSnippetRunes) {
		b.WriteString(f.Text)
	}
	return b.String()
}

// plainSnippetRunes is the length of a plain snippet, ellipses included.
const plainSnippetRunes = 800

// snippetPrefix is the start of text that search.Snippet needs to make the
// same plain snippet of it as of the whole text, which it would otherwise
// scan to the end: up to the first letter of a word that begins after a
// word and past the snippet's length. Snippet stops at the last word that
// fits in plainSnippetRunes-2 runes, adds " …" when something follows and
// never looks at the words after the first one that does not fit.
//
// Only the plainest word starts are looked for (after an ASCII separator,
// an ASCII letter or digit or a basic Cyrillic letter), so that no rule of
// the analyser's word splitting is needed; a text without one is whole.
func snippetPrefix(text string) string {
	runes, sawWord, afterSeparator := 0, false, false
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		wordStart := r < utf8.RuneSelf && isChunkByte(byte(r)) && r != '\'' || 'А' <= r && r <= 'я'
		if wordStart && afterSeparator && sawWord && runes >= plainSnippetRunes-1 {
			return text[:i+size]
		}
		sawWord = sawWord || wordStart
		afterSeparator = r < utf8.RuneSelf && !isChunkByte(byte(r))
		runes++
		i += size
	}
	return text
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
