package search

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzLangs = []string{"ru", "ky", "en", ""}

var fuzzSeeds = []string{
	"",
	"Гендерное равенство",
	"Equal rights for a just sociеty",
	"Долбоордун алкагында аялдардын укуктары боюнча тренингдер өттү.",
	"women's don't O'Brien ’s 's",
	"Кыргыз-Түрк 2019-жылы COVID19",
	"раве\u0301нство и\u0306од \ufb01nance ２０１９ равен\u00adство",
	"abc\xffdef\xe2\x82 \x00\x01",
	`"a" AND b OR NEAR(c d, 5)* ^e: (f)`,
	strings.Repeat("я", 70) + " мир",
	"ﷺ Ǆ ß İ 😀 ʼʼ a\u200db",
}

func FuzzTokens(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(uint8(i), s)
	}
	f.Fuzz(func(t *testing.T, lang uint8, text string) {
		a := For(fuzzLangs[int(lang)%len(fuzzLangs)])
		toks := a.Tokens(text)
		prevEnd := 0
		var terms []string
		for _, tok := range toks {
			if tok.Start < prevEnd || tok.Start >= tok.End || tok.End > len(text) {
				t.Fatalf("token %+v out of order or bounds (len %d)", tok, len(text))
			}
			// A span starts on a rune and holds only whole, valid runes,
			// so it cannot end inside one either (the byte after it may
			// be a stray continuation byte of invalid input).
			if !utf8.RuneStart(text[tok.Start]) {
				t.Fatalf("token %+v does not start on a rune of %q", tok, text)
			}
			if !utf8.ValidString(text[tok.Start:tok.End]) {
				t.Fatalf("token %+v spans invalid UTF-8 in %q", tok, text)
			}
			if !onlyLettersAndDigits(tok.Term) || utf8.RuneCountInString(tok.Term) > maxWordRunes {
				t.Fatalf("token %+v has a bad term", tok)
			}
			prevEnd = tok.End
			terms = append(terms, tok.Term)
		}
		if got := a.Terms(text); !slices.Equal(got, terms) {
			t.Fatalf("Terms = %q, terms of Tokens = %q", got, terms)
		}
		checkQuery(t, a.Lang(), text, Query(a.Lang(), text))
	})
}

func FuzzSnippet(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, fuzzSeeds[(i+1)%len(fuzzSeeds)], 40)
		f.Add(s, s, 0)
	}
	f.Fuzz(func(t *testing.T, text, q string, maxRunes int) {
		for _, lang := range fuzzLangs {
			frags := Snippet(lang, text, Query(lang, q), maxRunes)
			var all strings.Builder
			for i, fr := range frags {
				if fr.Text == "" {
					t.Fatalf("fragment %d is empty", i)
				}
				if fr.Mark && !strings.Contains(text, fr.Text) {
					t.Fatalf("marked %q is not in the text", fr.Text)
				}
				all.WriteString(fr.Text)
			}
			if !utf8.ValidString(all.String()) {
				t.Fatalf("snippet %q is not valid UTF-8", all.String())
			}
		}
	})
}
