package lang

import (
	"strings"
	"unicode"
)

// MixedScriptWords returns the words of s that mix Latin and Cyrillic
// letters: "Кыргызстаn" typed on a bilingual keyboard looks right and
// breaks search and screen readers. A word is a run of letters.
func MixedScriptWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		latin, cyr := false, false
		for _, r := range w {
			latin = latin || unicode.Is(unicode.Latin, r)
			cyr = cyr || unicode.Is(unicode.Cyrillic, r)
		}
		if latin && cyr {
			out = append(out, w)
		}
	}
	return out
}
