package search

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
)

func TestFor(t *testing.T) {
	tests := []struct {
		code, want string
	}{
		{"ru", "ru"},
		{"ky", "ky"},
		{"en", "en"},
		{"RU", "ru"},
		{"ru-RU", "ru"},
		{"ky_KG", "ky"},
		{"en-GB", "en"},
		{"de", ""},
		{"", ""},
		{"kyr", ""},
		{"r", ""},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			if got := For(tt.code).Lang(); got != tt.want {
				t.Errorf("For(%q).Lang() = %q, want %q", tt.code, got, tt.want)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []Token
	}{
		{"Russian words and their spans", "ru", "Гендерное равенство",
			[]Token{{"гендерн", 0, 18}, {"равенств", 19, 37}}},
		{"English apostrophe inside a word", "en", "don't stop",
			[]Token{{"dont", 0, 5}, {"stop", 6, 10}}},
		{"English possessive dropped from the term, kept in the span", "en", "women's rights",
			[]Token{{"women", 0, 7}, {"right", 8, 14}}},
		{"typographic apostrophe", "en", "women’s",
			[]Token{{"women", 0, 9}}},
		{"apostrophe at a word's edge is not part of it", "en", "'quoted' rights'",
			[]Token{{"quot", 1, 7}, {"right", 9, 15}}},
		{"hyphenated word split into parts", "ky", "Кыргыз-Түрк",
			[]Token{{"кыргыз", 0, 12}, {"түрк", 13, 21}}},
		{"number kept, hyphen splits", "ky", "2019-жылы",
			[]Token{{"2019", 0, 4}, {"жыл", 5, 13}}},
		{"stop words left out", "ru", "и в на равенство",
			[]Token{{"равенств", 11, 29}}},
		{"punctuation only", "en", "—!?… «» ...", nil},
		{"invalid UTF-8 separates words", "en", "abc\xffdef",
			[]Token{{"abc", 0, 3}, {"def", 4, 7}}},
		{"soft hyphen inside a word", "ru", "равен\u00adство",
			[]Token{{"равенств", 0, 20}}},
		{"letters and digits together", "en", "COVID19 G7",
			[]Token{{"covid19", 0, 7}, {"g7", 8, 10}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := For(tt.lang).Tokens(tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Tokens(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// TestSameTerms checks folding: each pair of texts must give the same terms.
func TestSameTerms(t *testing.T) {
	tests := []struct {
		name, lang, a, b string
	}{
		{"Cyrillic е in an English word", "en", "sociеty", "society"},
		{"the site's slogan", "en", "Equal rights for a just sociеty", "equal rights for a just society"},
		{"Latin letters in a Russian word", "ru", "Mир и paвенство", "мир и равенство"},
		{"all look-alikes, Russian analyser reads Cyrillic", "ru", "copoк", "сорок"},
		{"Latin K in a Kyrgyz word", "ky", "Kыргыз", "кыргыз"},
		{"Latin ɵ in a Kyrgyz word", "ky", "ɵкмɵт", "өкмөт"},
		{"ё is е", "ru", "Ёлка, ещё", "елка, еще"},
		{"upper case", "ru", "РАВЕНСТВО", "равенство"},
		{"Kyrgyz upper case", "ky", "ӨКМӨТҮ ҮЧҮН ТЕҢЧИЛИК", "өкмөтү үчүн теңчилик"},
		{"Russian stress accent", "ru", "раве\u0301нство", "равенство"},
		{"decomposed й", "ru", "и\u0306од", "йод"},
		{"NFKC ligature", "en", "\ufb01nance", "finance"},
		{"NFKC full-width digits", "ru", "２０１９", "2019"},
		{"Kyrgyz ң written with an old-font letter", "ky", "теӊчилик", "теңчилик"},
		{"Russian equality", "ru", "равенству", "равенство"},
		{"Russian equality, genitive", "ru", "равенства", "равенство"},
		{"Russian women", "ru", "женщинам", "женщины"},
		{"Russian education", "ru", "образования", "образование"},
		{"Russian trainings", "ru", "тренингов", "тренинги"},
		{"Russian projects", "ru", "проектах", "проект"},
		{"English trainings", "en", "trainings", "training"},
		{"English trained", "en", "trained", "training"},
		{"English rights", "en", "rights", "right"},
		{"English societies", "en", "societies", "society"},
		{"English inside Russian text", "ru", "trainings", "training"},
		{"English inside Kyrgyz text", "ky", "Women", "women"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := For(tt.lang).Terms(tt.a), For(tt.lang).Terms(tt.b)
			if len(a) == 0 || !slices.Equal(a, b) {
				t.Errorf("Terms(%q) = %q, Terms(%q) = %q: want equal and not empty", tt.a, a, tt.b, b)
			}
		})
	}
}

func TestDifferentTerms(t *testing.T) {
	tests := []struct {
		name, lang, a, b string
	}{
		{"Kyrgyz ө is not о", "ky", "өз", "оз"},
		{"Kyrgyz ү is not у", "ky", "үй", "уй"},
		{"Kyrgyz ң is not н", "ky", "миң", "мин"},
		{"Russian й is not и", "ru", "йод", "иод"},
		{"a pure Latin word is left Latin", "ru", "moped", "мопед"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := For(tt.lang).Terms(tt.a), For(tt.lang).Terms(tt.b)
			if slices.Equal(a, b) {
				t.Errorf("Terms(%q) = Terms(%q) = %q, want different", tt.a, tt.b, a)
			}
		})
	}
}

func TestTerms(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"the brief's example", "ru", "Гендерное равенство", []string{"гендерн", "равенств"}},
		{"English stemming", "en", "The trainings of women's organisations", []string{"train", "women", "organis"}},
		{"Kyrgyz", "ky", "Гендердик теңчилик жана аялдардын укуктары", []string{"гендердик", "теңчилик", "аял", "укук"}},
		{"generic analyser folds only", "de", "Die Gleichberechtigung", []string{"die", "gleichberechtigung"}},
		{"generic analyser leaves a word of twins evenly mixed alone", "", "aа", []string{"aа"}},
		{"generic analyser still folds a clearly Cyrillic word", "", "aб", []string{"аб"}},
		{"numbers", "ru", "в 2019 году", []string{"2019", "год"}},
		{"empty", "ru", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := For(tt.lang).Terms(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("Terms(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestLongWords(t *testing.T) {
	a := For("en")
	long64 := strings.Repeat("b", 64)
	if got := a.Terms(long64); len(got) != 1 || got[0] != long64 {
		t.Errorf("a 64-letter word gave %q, want it kept", got)
	}
	if got := a.Terms(strings.Repeat("b", 65) + " ok"); !slices.Equal(got, []string{"ok"}) {
		t.Errorf("a 65-letter word gave %q, want it skipped", got)
	}
	if got := For("ru").Terms(strings.Repeat("я", 65)); got != nil {
		t.Errorf("a 65-letter Cyrillic word gave %q, want it skipped", got)
	}
}

func TestTermsAreLettersAndDigits(t *testing.T) {
	text := "Ǆemal’s  ½ ① ²³ ﷺ 𝐁𝐨𝐥𝐝 Ⅻ ∞ a\u0301\u0302 n\u0303 ي\u064Eا Ꙁ ʼʼ ß İstanbul 😀 Straße"
	for _, lang := range []string{"ru", "ky", "en", ""} {
		for _, tok := range For(lang).Tokens(text) {
			if !onlyLettersAndDigits(tok.Term) {
				t.Errorf("%s: term %q of %q has a character that is neither letter nor digit", lang, tok.Term, text[tok.Start:tok.End])
			}
		}
	}
}

func TestTermsMatchTokens(t *testing.T) {
	text := "Гендерное равенство и права женщин в Кыргызстане: 2019–2024 годы."
	for _, lang := range []string{"ru", "ky", "en", ""} {
		a := For(lang)
		var fromTokens []string
		for _, tok := range a.Tokens(text) {
			fromTokens = append(fromTokens, tok.Term)
		}
		if terms := a.Terms(text); !slices.Equal(terms, fromTokens) {
			t.Errorf("%s: Terms = %q, terms of Tokens = %q", lang, terms, fromTokens)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	a := For("ru")
	text := strings.Repeat("Гендерное равенство и тренинги для журналистов. ", 20)
	want := a.Terms(text)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				if got := a.Terms(text); !slices.Equal(got, want) {
					t.Error("concurrent Terms gave a different result")
					return
				}
			}
		})
	}
	wg.Wait()
}

func onlyLettersAndDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
