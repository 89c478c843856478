package search

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// render writes fragments the way a test reads them best: marked words in
// brackets.
func render(frags []Fragment) string {
	var b strings.Builder
	for _, f := range frags {
		if f.Mark {
			b.WriteString("[" + f.Text + "]")
		} else {
			b.WriteString(f.Text)
		}
	}
	return b.String()
}

func TestSnippet(t *testing.T) {
	long := "В Бишкеке прошёл круглый стол о правах женщин. Участники обсудили доступ к образованию и работе. " +
		"Отдельная сессия была посвящена гендерному равенству в местных советах, где равенство пока не достигнуто. " +
		"В конце встречи организаторы пообещали продолжить тренинги для журналистов в регионах страны."
	tests := []struct {
		name, lang, text, query string
		maxRunes                int
		want                    string
	}{
		{"whole short text, original case marked", "ru",
			"Гендерное равенство — основа. Равенству учат.", "равенство", 100,
			"Гендерное [равенство] — основа. [Равенству] учат."},
		{"cut on both sides around the matches", "ru", long, "равенство", 80,
			"… гендерному [равенству] в местных советах, где [равенство] пока не достигнуто. В …"},
		{"the window with both terms wins over a repeated one", "ru", long, "равенство тренинги", 160,
			"… гендерному [равенству] в местных советах, где [равенство] пока не достигнуто. В конце встречи организаторы пообещали продолжить [тренинги] для журналистов в …"},
		{"no match gives the start of the text", "ru", long, "выборы", 40,
			"В Бишкеке прошёл круглый стол о правах …"},
		{"no query gives the start of the text", "ru", long, "", 40,
			"В Бишкеке прошёл круглый стол о правах …"},
		{"the match at the very end", "ru", long, "страны", 40,
			"… для журналистов в регионах [страны]."},
		{"a mixed-script word is marked as written", "en",
			"Equal rights for a just sociеty.", "society", 100,
			"Equal rights for a just [sociеty]."},
		{"Kyrgyz forms marked", "ky",
			"Долбоордун алкагында аялдардын укуктары боюнча тренингдер өттү.", "аял укук тренинг", 100,
			"Долбоордун алкагында [аялдардын] [укуктары] боюнча [тренингдер] өттү."},
		{"hyphenated parts marked on their own", "ky", "Кыргыз-Түрк университети", "түрк", 100,
			"Кыргыз-[Түрк] университети"},
		{"white space collapsed", "en", "Women\n\n\tand   men\r\n", "men", 100,
			"Women and [men]"},
		{"query of stop words only marks them", "en", "The rights of the women", "the", 100,
			"[The] rights of [the] women"},
		{"text without words", "ru", "!!! ???", "x", 100, "!!! ???"},
		{"empty text", "ru", "", "x", 100, ""},
		{"leading quote kept", "ru", "«Равенство» — цель", "равенство", 100, "«[Равенство]» — цель"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			frags := Snippet(tt.lang, tt.text, Query(tt.lang, tt.query), tt.maxRunes)
			if got := render(frags); got != tt.want {
				t.Errorf("Snippet = %q\nwant      %q", got, tt.want)
			}
			if n := utf8.RuneCountInString(render(frags)) - 2*strings.Count(render(frags), "["); n > tt.maxRunes {
				t.Errorf("snippet has %d runes, want at most %d", n, tt.maxRunes)
			}
		})
	}
}

func TestSnippetFragments(t *testing.T) {
	frags := Snippet("ru", "Права женщин и права мужчин", Query("ru", "права"), 100)
	want := []Fragment{{"Права", true}, {" женщин и ", false}, {"права", true}, {" мужчин", false}}
	if !slices.Equal(frags, want) {
		t.Errorf("Snippet = %#v, want %#v", frags, want)
	}
}

func TestSnippetEarliestOfEqualWindows(t *testing.T) {
	text := "мир " + strings.Repeat("слово ", 30) + "мир " + strings.Repeat("слово ", 30)
	got := render(Snippet("ru", text, Query("ru", "мир"), 20))
	if !strings.HasPrefix(got, "[мир]") {
		t.Errorf("Snippet = %q, want the first match", got)
	}
}

func TestSnippetMostMatches(t *testing.T) {
	text := "мир " + strings.Repeat("слово ", 30) + "мир и мир и мир " + strings.Repeat("слово ", 30)
	got := render(Snippet("ru", text, Query("ru", "мир"), 30))
	if strings.Count(got, "[мир]") != 3 {
		t.Errorf("Snippet = %q, want the window with three matches", got)
	}
}

func TestSnippetDefaultLength(t *testing.T) {
	text := strings.Repeat("слово ", 200)
	got := render(Snippet("ru", text, nil, 0))
	if n := utf8.RuneCountInString(got); n < 150 || n > defaultSnippetRunes {
		t.Errorf("Snippet with maxRunes 0 has %d runes, want about %d", n, defaultSnippetRunes)
	}
}

func TestSnippetLongFirstWord(t *testing.T) {
	text := strings.Repeat("я", 500) + " конец"
	got := render(Snippet("ru", text, nil, 50))
	if !strings.HasSuffix(got, " …") || utf8.RuneCountInString(got) > 50 || !utf8.ValidString(got) {
		t.Errorf("Snippet = %q, want a cut of at most 50 runes", got)
	}
}

func TestSnippetInvalidUTF8(t *testing.T) {
	text := "равенство \xff\xfe мир \xe2\x82"
	frags := Snippet("ru", text, Query("ru", "мир"), 100)
	got := render(frags)
	if !utf8.ValidString(got) || !strings.Contains(got, "[мир]") {
		t.Errorf("Snippet = %q, want valid UTF-8 with мир marked", got)
	}
}
