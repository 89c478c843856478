// Package search is a placeholder until the analysers land: it folds case
// and splits words, without stemming.
package search

import (
	"strings"
	"unicode"
)

const Version = 0

type Token struct {
	Term       string
	Start, End int
}

type Analyzer interface {
	Lang() string
	Tokens(text string) []Token
	Terms(text string) []string
}

type plain struct{ lang string }

func For(lang string) Analyzer { return plain{lang} }
func (p plain) Lang() string   { return p.lang }
func (p plain) Terms(s string) []string {
	var out []string
	for _, t := range p.Tokens(s) {
		out = append(out, t.Term)
	}
	return out
}
func (p plain) Tokens(s string) []Token {
	var out []Token
	start := -1
	for i, r := range s + " " {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			out = append(out, Token{strings.ToLower(s[start:i]), start, i})
			start = -1
		}
	}
	return out
}

func Query(lang, q string) []string {
	t := For(lang).Terms(q)
	if len(t) > 16 {
		t = t[:16]
	}
	return t
}

type Fragment struct {
	Text string
	Mark bool
}

func Snippet(lang, text string, terms []string, maxRunes int) []Fragment {
	return []Fragment{{Text: text}}
}
