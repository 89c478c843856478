package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestQuery(t *testing.T) {
	tests := []struct {
		name, lang, q string
		want          []string
	}{
		{"plain words", "ru", "гендерное равенство", []string{"гендерн", "равенств"}},
		{"duplicates once, in typed order", "ru", "равенство тренинги равенства", []string{"равенств", "тренинг"}},
		{"quotes and FTS operators", "ru", `"гендер" AND равенство OR NEAR(тренинг, 5)*`, []string{"гендер", "равенств", "тренинг", "5"}},
		{"operators in lower case are words", "en", "not near", []string{"not", "near"}},
		{"column filter and prefix syntax", "en", "title:women* ^rights -violence +training", []string{"titl", "women", "right", "violenc", "train"}},
		{"SQL", "en", "'; DROP TABLE pages; --", []string{"drop", "tabl", "page"}},
		{"control characters and invalid UTF-8", "ru", "\x00равенство\x01\xff\xfeтренинг\x7f", []string{"равенств", "тренинг"}},
		{"stop words dropped", "en", "the rights of women", []string{"right", "women"}},
		{"only stop words kept", "en", "the of", []string{"the", "of"}},
		{"only Russian stop words kept", "ru", "и в и", []string{"и", "в"}},
		{"only Kyrgyz stop words kept", "ky", "жана менен", []string{"жана", "менен"}},
		{"Kyrgyz", "ky", "аялдардын укуктары", []string{"аял", "укук"}},
		{"mixed-script word folded", "en", "sociеty", []string{"societi"}},
		{"empty", "ru", "", nil},
		{"spaces and punctuation only", "ru", "  ?! «» — ", nil},
		{"only operators", "en", "AND OR NOT", nil},
		{"over-long word", "ru", strings.Repeat("я", 100), nil},
		{"the cut falls inside a word, which is dropped", "ru", strings.Repeat(" ", 1020) + "равенство", nil},
		{"the cut falls after a word", "ru", strings.Repeat(" ", 1000) + "мир" + strings.Repeat(" ", 100), []string{"мир"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Query(tt.lang, tt.q); !slices.Equal(got, tt.want) {
				t.Errorf("Query(%q, %.60q) = %q, want %q", tt.lang, tt.q, got, tt.want)
			}
		})
	}
}

// TestQueryHostile checks only the bounds: whatever comes in, a short list
// of distinct terms of letters and digits comes out.
func TestQueryHostile(t *testing.T) {
	var many strings.Builder
	for i := range 100 {
		fmt.Fprintf(&many, "word%d ", i)
	}
	hostile := map[string]string{
		"10 kB of one word":          strings.Repeat("равенство ", 1000),
		"10 kB of letters":           strings.Repeat("a", 10000),
		"100 distinct words":         many.String(),
		"nested parentheses":         strings.Repeat("(", 5000) + "x" + strings.Repeat(")", 5000),
		"quotes everywhere":          strings.Repeat(`"a" 'b' `, 500),
		"control characters":         strings.Repeat("\x00\x01\x02\x1b[31m", 300),
		"invalid UTF-8":              strings.Repeat("\xff\xfe\xc0\x80", 1000),
		"truncated multi-byte runes": strings.Repeat("я", 600)[:1023],
		"NUL inside words":           "рав\x00енство тре\x00нинг",
		"FTS5 syntax":                `NEAR("a b" c, 10) AND {title body}: ^d* OR NOT e + f - g`,
		"combining marks only":       strings.Repeat("\u0301", 2000),
		"right-to-left override":     "\u202eгендер\u202c",
	}
	for name, q := range hostile {
		t.Run(name, func(t *testing.T) {
			for _, lang := range []string{"ru", "ky", "en", ""} {
				checkQuery(t, lang, q, Query(lang, q))
			}
		})
	}
}

func checkQuery(t *testing.T, lang, q string, terms []string) {
	t.Helper()
	if len(terms) > maxQueryTerms {
		t.Errorf("Query(%q, %.40q) gave %d terms, want at most %d", lang, q, len(terms), maxQueryTerms)
	}
	for i, term := range terms {
		if !onlyLettersAndDigits(term) {
			t.Errorf("Query(%q, %.40q) gave the term %q", lang, q, term)
		}
		if slices.Contains(terms[:i], term) {
			t.Errorf("Query(%q, %.40q) gave %q twice", lang, q, term)
		}
	}
}

func TestQueryCapsTerms(t *testing.T) {
	var b strings.Builder
	for i := range 40 {
		fmt.Fprintf(&b, "w%d ", i)
	}
	got := Query("en", b.String())
	if len(got) != maxQueryTerms || got[0] != "w0" || got[maxQueryTerms-1] != "w15" {
		t.Errorf("Query(40 words) = %q, want the first 16", got)
	}
}
