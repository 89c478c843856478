// Package search turns text into the terms the site search stores and
// matches, one analyser per content language, and picks the snippet shown
// under a search result.
//
// The database only stores and compares terms; all language knowledge lives
// here, so SQLite FTS5 and PostgreSQL give the same answers. Indexing and
// querying must go through the same analyser: Terms (or Tokens) on what is
// stored, Query on what a reader typed, both with the language of the page.
//
// An analyser splits text into words (runs of Unicode letters and digits;
// an apostrophe between letters stays inside a word and a final English
// possessive 's is dropped; hyphens, punctuation and spaces separate
// words), folds each word and stems it:
//
//   - folding applies NFKC, Unicode lower-casing, ё→е, the old-font
//     stand-ins ӊ ӈ ҥ→ң and ѳ→ө, drops combining marks left over (Russian
//     stress accents) and, inside a word that mixes Latin and Cyrillic
//     letters, turns the look-alikes of the minority script into the
//     majority's ("sociеty" with a Cyrillic е becomes "society"). The
//     Kyrgyz letters ө ү ң are letters of their own, never folded into о у н;
//   - Russian words are stemmed with the Snowball Russian stemmer, English
//     words with the Snowball English stemmer, Kyrgyz words with the
//     light suffix stripper of kyrgyz.go. Latin words inside Russian or
//     Kyrgyz text get the English stemmer; other scripts are folded only;
//   - a short list of stop words per language is left out of the index
//     (and of queries that have other words).
//
// Terms are guaranteed to be non-empty and to consist of Unicode letters
// and digits only (unicode.IsLetter or unicode.IsDigit), at most 64 runes:
// never a space, an ASCII punctuation character, a quote or a control
// character. The SQLite side relies on this: it stores terms separated by
// spaces in an FTS5 table with the ascii tokenizer and quotes each query
// term. Words longer than 64 runes after folding are not indexed.
//
// Analysers hold no state: they are safe for concurrent use and cost
// nothing to get. The package uses no regular expressions and keeps its
// lookup tables read-only.
package search

import (
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/russian"
)

// Version names the analysers' rules. Change it whenever a change to this
// package would make other terms for the same text: a store whose index
// was made by another version rebuilds it when it opens.
const Version = 1

// Analyzer turns the text of one language into index terms.
type Analyzer interface {
	// Lang is the language code the analyser was made for: "ru", "ky",
	// "en", or "" for the generic analyser.
	Lang() string
	// Tokens splits text into words and returns for each indexed word its
	// term (folded and stemmed) and its byte span in text. Stop words and
	// over-long words are left out, so the terms of Tokens are exactly
	// Terms(text).
	Tokens(text string) []Token
	// Terms returns the terms of text in order, as they are stored in the
	// index, e.g. "Гендерное равенство" → ["гендерн", "равенств"].
	Terms(text string) []string
}

// Token is one indexed word: its term and where the word stands in the
// analysed text, as byte offsets (text[Start:End] is the word as written).
type Token struct {
	Term       string
	Start, End int
}

// For returns the analyser of a language code: "ru", "ky" or "en", in any
// case and with or without a region ("ru-RU", "ky_KG"). Any other code
// gets the generic analyser, which folds words but neither stems them nor
// drops stop words.
func For(lang string) Analyzer {
	return analyzerFor(lang)
}

// stemmer names the stemming applied to the words of one script.
type stemmer uint8

const (
	stemNone stemmer = iota
	stemRussian
	stemEnglish
	stemKyrgyz
)

// analyzer is the one implementation of Analyzer. Its fields are set once
// and only read, so one analyser serves every goroutine.
type analyzer struct {
	lang     string
	prefer   script // the script that wins in a word that is evenly mixed
	cyrillic stemmer
	latin    stemmer
	stop     map[string]struct{}
}

// The analysers, never written after initialisation.
var (
	russianAnalyzer = &analyzer{lang: "ru", prefer: scriptCyrillic, cyrillic: stemRussian, latin: stemEnglish, stop: stopRussian}
	kyrgyzAnalyzer  = &analyzer{lang: "ky", prefer: scriptCyrillic, cyrillic: stemKyrgyz, latin: stemEnglish, stop: stopKyrgyz}
	englishAnalyzer = &analyzer{lang: "en", prefer: scriptLatin, cyrillic: stemNone, latin: stemEnglish, stop: stopEnglish}
	genericAnalyzer = &analyzer{}
)

func analyzerFor(lang string) *analyzer {
	switch primaryTag(lang) {
	case "ru":
		return russianAnalyzer
	case "ky":
		return kyrgyzAnalyzer
	case "en":
		return englishAnalyzer
	}
	return genericAnalyzer
}

// primaryTag returns the lower-cased language subtag of a BCP 47-ish code,
// without allocating for the common, already lower-case codes.
func primaryTag(lang string) string {
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	if len(lang) != 2 {
		return ""
	}
	return strings.ToLower(lang)
}

func (a *analyzer) Lang() string { return a.lang }

func (a *analyzer) Tokens(text string) []Token {
	var w scratch
	var toks []Token
	for i := 0; ; {
		start, end, ok := nextWord(text, i)
		if !ok {
			return toks
		}
		i = end
		term, stop, ok := a.term(&w, text[start:end])
		if !ok || stop {
			continue
		}
		if toks == nil {
			toks = make([]Token, 0, len(text)/8+1)
		}
		toks = append(toks, Token{Term: term, Start: start, End: end})
	}
}

func (a *analyzer) Terms(text string) []string {
	var w scratch
	var terms []string
	for i := 0; ; {
		start, end, ok := nextWord(text, i)
		if !ok {
			return terms
		}
		i = end
		term, stop, ok := a.term(&w, text[start:end])
		if !ok || stop {
			continue
		}
		if terms == nil {
			terms = make([]string, 0, len(text)/8+1)
		}
		terms = append(terms, term)
	}
}

// scratch holds the buffers one call reuses from word to word, so that an
// analyser itself stays free of state.
type scratch struct {
	f   folder
	env *snowballstem.Env
}

// term folds and stems one word as found by nextWord. stop reports a stop
// word (its term is still returned, for queries made only of stop words);
// ok is false when the word gives no term (too long, or nothing left).
func (a *analyzer) term(w *scratch, word string) (term string, stop, ok bool) {
	folded, sc, ok := w.f.fold(word, a.prefer)
	if !ok {
		return "", false, false
	}
	_, stop = a.stop[string(folded)] // no allocation: the compiler sees the lookup
	st := stemNone
	switch sc {
	case scriptCyrillic:
		st = a.cyrillic
	case scriptLatin:
		st = a.latin
	}
	switch st {
	case stemRussian, stemEnglish:
		if w.env == nil {
			w.env = snowballstem.NewEnv("")
		}
		w.env.SetCurrent(string(folded))
		if st == stemRussian {
			russian.Stem(w.env)
		} else {
			english.Stem(w.env)
		}
		term = w.env.Current()
	case stemKyrgyz:
		term = stemKyrgyzWord(string(folded))
	default:
		term = string(folded)
	}
	if term == "" {
		// The stemmers never empty a word, but a term must not be empty.
		term = string(folded)
	}
	if utf8.RuneCountInString(term) > maxWordRunes {
		// The English stemmer may add an "e"; keep the bound exact.
		term = truncateRunes(term, maxWordRunes)
	}
	return term, stop, true
}

func truncateRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
