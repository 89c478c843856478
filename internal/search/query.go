package search

import (
	"unicode/utf8"
)

const (
	// maxQueryBytes is where a query is cut before it is read: a reader
	// types a few words, not a page.
	maxQueryBytes = 1024
	// maxQueryTerms bounds the terms a query gives.
	maxQueryTerms = 16
)

// Query turns what a reader typed into the distinct terms to look for, in
// the order they were typed, analysed as text of lang. Whatever q holds
// (FTS operators, quotes, SQL, control characters, invalid UTF-8, megabytes)
// the result is at most 16 terms of letters and digits: the search
// operators AND, OR, NOT and NEAR, written in capitals as search syntax
// wants them, are dropped, and all that is not a letter or a digit only
// separates words. Stop
// words are dropped, unless the query has nothing else: then its stop words
// are the terms, so a reader who typed words is never told they typed
// nothing (the index holds no stop words, so such a query finds nothing).
// Query returns nil when q has no words at all.
func Query(lang, q string) []string {
	a := analyzerFor(lang)
	q = cutQuery(q)
	var w scratch
	var terms, stops []string
	for i := 0; len(terms) < maxQueryTerms; {
		start, end, ok := nextWord(q, i)
		if !ok {
			break
		}
		i = end
		if isOperator(q[start:end]) {
			continue
		}
		term, stop, ok := a.term(&w, q[start:end])
		switch {
		case !ok:
		case stop:
			if len(stops) < maxQueryTerms && !contains(stops, term) {
				stops = append(stops, term)
			}
		case !contains(terms, term):
			terms = append(terms, term)
		}
	}
	if len(terms) == 0 {
		return stops
	}
	return terms
}

// cutQuery cuts q to at most maxQueryBytes, and then back to the start of
// the word the cut fell in, so that no half word is searched for.
func cutQuery(q string) string {
	if len(q) <= maxQueryBytes {
		return q
	}
	cut := maxQueryBytes
	for cut > 0 && !utf8.RuneStart(q[cut]) {
		cut--
	}
	if r, _ := utf8.DecodeRuneInString(q[cut:]); !isWordStart(r) {
		return q[:cut] // the cut fell between words
	}
	for i := cut; i > 0; {
		r, size := utf8.DecodeLastRuneInString(q[:i])
		if !isWordStart(r) && !isApostrophe(r) && !isJoiner(r) && !isMark(r) {
			return q[:i]
		}
		i -= size
	}
	return q[:cut] // one long word: it is longer than any term anyway
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// isOperator reports the words that search engines' query syntax reserves,
// written in capitals: a reader who types them means an operator, not a
// word to find, and this package offers no operators.
func isOperator(word string) bool {
	switch word {
	case "AND", "OR", "NOT", "NEAR":
		return true
	}
	return false
}
