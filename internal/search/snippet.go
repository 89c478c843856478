package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fragment is one piece of a snippet: a matched word as written (Mark set)
// or the plain text between matched words. Fragments are plain text, not
// HTML; the template escapes them.
type Fragment struct {
	Text string
	Mark bool
}

const (
	// defaultSnippetRunes is the snippet length when the caller asks for none.
	defaultSnippetRunes = 200
	// shortEdge is how long what precedes the first word or follows the
	// last may be to be shown whole rather than cut.
	shortEdge = 8
)

// Snippet picks the part of text that best shows why it matched terms (as
// returned by Query with the same lang) and returns it as fragments, the
// words whose term is one of terms marked.
//
// The part chosen is the window of at most about maxRunes runes holding the
// most distinct terms, then the most matched words, the earliest of equals;
// a third of the room left is given to what comes before the first match.
// The window is cut at word boundaries and an ellipsis "…" stands where text
// was cut. Runs of white space and control characters become one space and
// invalid UTF-8 becomes U+FFFD, so the fragments are always valid UTF-8.
// With no match the snippet is the start of the text. A maxRunes of zero or
// less means 200.
func Snippet(lang, text string, terms []string, maxRunes int) []Fragment {
	if maxRunes <= 0 {
		maxRunes = defaultSnippetRunes
	}
	budget := max(maxRunes-2, 1) // room for the ellipses
	words, total := snippetWords(analyzerFor(lang), text, terms)
	if len(words) == 0 {
		return hardCut(text, maxRunes)
	}
	budget = min(budget, total) // no overflow below for a huge maxRunes

	first, last := bestCluster(words, len(terms), budget)
	matched := first >= 0
	if !matched {
		first, last = 0, 0
	}
	cs, ce := words[first].rs, words[last].re
	lead := 0
	if matched {
		lead = max(budget-(ce-cs), 0) / 3
	}
	winStart := max(cs-lead, 0)
	if !matched {
		winStart = 0
	}
	winEnd := winStart + budget
	if winEnd > total {
		winStart = max(winStart-(winEnd-total), 0)
		winEnd = total
	}
	winEnd = max(winEnd, ce)
	for first > 0 && words[first-1].rs >= winStart {
		first--
	}
	for last+1 < len(words) && words[last+1].re <= winEnd {
		last++
	}

	// What stands before the first word or after the last (a quote, a
	// dash, a full stop) is kept when it is short or fits.
	startByte, endByte := words[first].start, words[last].end
	if first == 0 && (winStart == 0 || words[0].rs <= shortEdge) {
		startByte = 0
	}
	if last == len(words)-1 && (total <= winEnd || total-words[last].re <= shortEdge) {
		endByte = len(text)
	}
	if !matched && words[last].re-words[first].rs > budget {
		return hardCut(text[startByte:], maxRunes) // one over-long first word
	}

	var b fragments
	if hasContent(text[:startByte]) {
		b.plain("… ")
	}
	pos := startByte
	for _, w := range words[first : last+1] {
		if w.term < 0 {
			continue
		}
		b.plain(text[pos:w.start])
		b.list = append(b.list, Fragment{Text: text[w.start:w.end], Mark: true})
		pos = w.end
	}
	b.plain(text[pos:endByte])
	if hasContent(text[endByte:]) {
		b.plain(" …")
	}
	return b.trimmed()
}

// snippetWord is a word of the text: its bytes, its runes, and the index in
// terms of its term, or -1.
type snippetWord struct {
	start, end int
	rs, re     int
	term       int
}

func snippetWords(a *analyzer, text string, terms []string) ([]snippetWord, int) {
	var index map[string]int
	if len(terms) > 0 {
		index = make(map[string]int, len(terms))
		for i, t := range terms {
			if _, dup := index[t]; !dup {
				index[t] = i
			}
		}
	}
	// Stemming every word of a text costs more than the rest of a search,
	// so a word is stemmed only when, folded, it starts with the first
	// letter of a term (every stemmer here only changes a word's end), and
	// each distinct word only once.
	firsts := map[rune]bool{}
	for t := range index {
		r, _ := utf8.DecodeRuneInString(t)
		firsts[r] = true
	}
	seen := map[string]int{}
	var w scratch
	var words []snippetWord
	runes, prev := 0, 0
	for i := 0; ; {
		start, end, ok := nextWord(text, i)
		if !ok {
			break
		}
		i = end
		runes += utf8.RuneCountInString(text[prev:start])
		rs := runes
		runes += utf8.RuneCountInString(text[start:end])
		prev = end
		idx := -1
		if index != nil {
			word := text[start:end]
			if j, ok := seen[word]; ok {
				idx = j
			} else {
				if folded, _, ok := w.f.fold(word, a.prefer); ok {
					if r, _ := utf8.DecodeRune(folded); firsts[r] {
						if term, _, ok := a.term(&w, word); ok {
							if j, found := index[term]; found {
								idx = j
							}
						}
					}
				}
				seen[word] = idx
			}
		}
		words = append(words, snippetWord{start: start, end: end, rs: rs, re: runes, term: idx})
	}
	return words, runes + utf8.RuneCountInString(text[prev:])
}

// bestCluster returns the first and last word of the run of matched words
// that fits in budget runes and holds the most distinct terms, then the
// most matches, the earliest first; -1, -1 when nothing matched.
func bestCluster(words []snippetWord, nterms, budget int) (first, last int) {
	var matched []int
	for i, w := range words {
		if w.term >= 0 {
			matched = append(matched, i)
		}
	}
	if len(matched) == 0 {
		return -1, -1
	}
	counts := make([]int, nterms)
	distinct, bestDistinct, bestCount := 0, -1, -1
	j := 0
	for i := range matched {
		for j < len(matched) && (j == i || words[matched[j]].re-words[matched[i]].rs <= budget) {
			if counts[words[matched[j]].term] == 0 {
				distinct++
			}
			counts[words[matched[j]].term]++
			j++
		}
		if distinct > bestDistinct || distinct == bestDistinct && j-i > bestCount {
			bestDistinct, bestCount = distinct, j-i
			first, last = matched[i], matched[j-1]
		}
		t := words[matched[i]].term
		counts[t]--
		if counts[t] == 0 {
			distinct--
		}
	}
	return first, last
}

// hardCut is the snippet of a text whose start holds no word that fits:
// its first maxRunes runes.
func hardCut(text string, maxRunes int) []Fragment {
	var b fragments
	cut := truncateRunes(text, max(maxRunes-2, 1))
	b.plain(cut)
	if len(cut) < len(text) && hasContent(text[len(cut):]) {
		b.plain(" …")
	}
	return b.trimmed()
}

// fragments collects the pieces of a snippet, merging plain neighbours.
type fragments struct {
	list []Fragment
}

func (b *fragments) plain(s string) {
	s = cleanText(s)
	if s == "" {
		return
	}
	if n := len(b.list); n > 0 && !b.list[n-1].Mark {
		b.list[n-1].Text += s
		return
	}
	b.list = append(b.list, Fragment{Text: s})
}

// trimmed drops white space at both ends of the snippet.
func (b *fragments) trimmed() []Fragment {
	list := b.list
	if len(list) > 0 && !list[0].Mark {
		list[0].Text = strings.TrimLeft(list[0].Text, " ")
		if list[0].Text == "" {
			list = list[1:]
		}
	}
	if n := len(list); n > 0 && !list[n-1].Mark {
		list[n-1].Text = strings.TrimRight(list[n-1].Text, " ")
		if list[n-1].Text == "" {
			list = list[:n-1]
		}
	}
	if len(list) == 0 {
		return nil
	}
	return list
}

// cleanText turns each run of white space and control characters into one
// space and each invalid byte into U+FFFD.
func cleanText(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || r != ' ' && (unicode.IsSpace(r) || unicode.IsControl(r)) {
			clean = false
			break
		}
	}
	if clean && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r) // an invalid byte decodes as, and is written as, U+FFFD
	}
	return b.String()
}

// hasContent reports whether s holds anything but white space.
func hasContent(s string) bool {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) != ""
}
