package export

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/datka-cms/datka/internal/app"
	"github.com/datka-cms/datka/internal/config"
	"github.com/datka-cms/datka/internal/i18n"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/testenv"
)

// Word stock of the synthetic docs: stems with endings, so that the
// analysers meet many forms of few words, as in real news.
var (
	russianStems   = []string{"равенств", "журналист", "тренинг", "семинар", "участник", "женщин", "образован", "совет", "бишкек", "прав", "работ", "регион", "обществ", "организац", "встреч", "проект", "молодёж", "депутат", "закон", "суд"}
	russianEndings = []string{"", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах", "ого", "ому", "ой", "ие", "ия", "ию", "ием", "ях"}
	kyrgyzStems    = []string{"аял", "укук", "тренинг", "жаш", "окуучу", "мамлекет", "тил", "маалымат", "уюм", "өкүл", "теңчилик", "маселе", "долбоор", "шаар", "айыл", "мектеп", "кыз", "эмгек", "үй", "бала"}
	kyrgyzEndings  = []string{"", "дар", "дын", "га", "да", "дан", "ды", "лар", "лардын", "ларга", "тык", "чы", "ыбыз", "ынын", "ларыбыздын", "дагы", "ны", "ң"}
	englishStems   = []string{"equal", "journal", "train", "semin", "particip", "women", "educat", "council", "right", "work", "region", "societ", "organis", "meet", "project", "youth", "deput", "law", "court", "report"}
	englishEndings = []string{"", "s", "ing", "ed", "ity", "ist", "ists", "ation", "ations", "er", "ers", "ly", "'s", "’s", "ness"}
	stopWords      = []string{"и", "в", "на", "не", "жана", "менен", "бул", "the", "and", "of", "a", "to", "AND", "OR"}
	// Odd words the analysers and search.js treat with care: ё, stress
	// marks, old Kyrgyz letters, soft hyphens and joiners, apostrophes,
	// ligatures and full-width letters (NFKC), mixed scripts, digits and
	// over-long runs of letters.
	oddWords = []string{"ёлка", "Ёжик", "ра́венство", "жаӊы", "ѳнүгүү", "ҥ", "равен\u00adство", "тре\u200dнинг", "don't", "O’Brien", "кызʼмат", "ﬁnance",
		"ＡＢＣ", "sociеty", "copoк", "Бишкек2024", "2024", "1'a", "ab'", "'quote'", "x\u0301y", "\u0301mark", strings.Repeat("длинноеслово", 7), "COVID-19", "Е-mail", "İstanbul", "ǅemal", "中文", "Ωmega", "ΣΊΣΥΦΟΣ"}
	punctuation = []string{" ", " ", " ", " ", ", ", ". ", " — ", "; ", ": ", "! ", "? ", " (", ") ", " «", "» ", "\n", "\t", "  ", "-", "/", "…",
		"\u00a0", "–", "—", "“", "”", "„", "«", "»"}
	// oddPunctuation joins words rather than parts them, or parts them
	// only for one of the analyser and search.js.
	oddPunctuation = []string{"‘", "’", "ʼ", "'", "\u2009", "\u00ad", "\u200d", "\u0301", "·", "\u3000", "＿"}
)

// syntheticDocs makes n docs of lang, each with a body of about words
// words, the same for the same seed; with odd set, one word in ten is
// joined to the next by oddPunctuation.
func syntheticDocs(lang string, n, words int, seed uint64, odd bool) []store.SearchDoc {
	r := rand.New(rand.NewPCG(seed, 1))
	stems, endings := russianStems, russianEndings
	switch lang {
	case "ky":
		stems, endings = kyrgyzStems, kyrgyzEndings
	case "en":
		stems, endings = englishStems, englishEndings
	}
	word := func() string {
		switch x := r.IntN(100); {
		case x < 8:
			return stopWords[r.IntN(len(stopWords))]
		case x < 11:
			return oddWords[r.IntN(len(oddWords))]
		case x < 14:
			// A word of another language of the site.
			all := [][]string{russianStems, kyrgyzStems, englishStems}
			s := all[r.IntN(3)]
			return s[r.IntN(len(s))]
		case x < 17:
			return fmt.Sprint(r.IntN(3000))
		}
		w := stems[r.IntN(len(stems))] + endings[r.IntN(len(endings))]
		switch r.IntN(10) {
		case 0:
			w = strings.ToUpper(w[:2]) + w[2:] // may cut a rune: invalid UTF-8 too
		case 1:
			w = strings.ToUpper(w)
		}
		return w
	}
	text := func(k int) string {
		var b strings.Builder
		for i := range k {
			if i > 0 {
				if odd && r.IntN(10) == 0 {
					b.WriteString(oddPunctuation[r.IntN(len(oddPunctuation))])
				} else {
					b.WriteString(punctuation[r.IntN(len(punctuation))])
				}
			}
			b.WriteString(word())
		}
		return b.String()
	}
	kinds := []string{store.KindNews, store.KindNews, store.KindNews, store.KindEvent, store.KindMaterial, store.KindPage, store.KindOrganisation}
	docs := make([]store.SearchDoc, n)
	for i := range docs {
		var date time.Time
		if r.IntN(10) > 0 {
			// Few distinct days: equal dates sort by title.
			date = time.Date(2020, 1, 1, 21, 30, 0, 0, time.UTC).AddDate(0, 0, r.IntN(n/4+1))
		}
		title := text(3 + r.IntN(8))
		body := text(words/2 + r.IntN(words+1))
		docs[i] = store.SearchDoc{
			SearchHit: store.SearchHit{GroupID: int64(i + 1), Lang: lang, Kind: kinds[r.IntN(len(kinds))],
				Slug: fmt.Sprintf("item-%d", i+1), Title: title, Text: body, Date: date},
			TitleText: title + " " + text(r.IntN(3)),
			BodyText:  body + " " + text(r.IntN(5)),
		}
	}
	return docs
}

// testURLOf leaves out some docs, as the export does those it has no page for.
func testURLOf(h store.SearchHit) string {
	if h.GroupID%13 == 5 {
		return ""
	}
	return "../" + h.Lang + "/" + h.Slug
}

func mustJSON(t testing.TB, ix *searchIndex) []byte {
	t.Helper()
	js, err := json.Marshal(ix)
	if err != nil {
		t.Fatal(err)
	}
	return js
}

// sameIndex fails t unless buildIndex and buildIndexReference make the
// same JSON of docs.
func sameIndex(t *testing.T, lang string, docs []store.SearchDoc, cat *i18n.Catalog) {
	t.Helper()
	loc, err := time.LoadLocation("Asia/Bishkek")
	if err != nil {
		t.Fatal(err)
	}
	want := mustJSON(t, buildIndexReference(lang, docs, testURLOf, cat.For(lang), loc))
	got := mustJSON(t, buildIndex(lang, docs, testURLOf, cat.For(lang), loc))
	if !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		from := max(i-200, 0)
		t.Fatalf("%s: index differs at byte %d of %d (want %d):\ngot  …%s…\nwant …%s…", lang, i, len(got), len(want),
			got[from:min(i+200, len(got))], want[from:min(i+200, len(want))])
	}
	if len(want) < 1000 {
		t.Fatalf("%s: index of %d bytes: the docs made nearly nothing", lang, len(want))
	}
}

func TestBuildIndexMatchesReferenceOnSyntheticDocs(t *testing.T) {
	cat, err := i18n.Load("ru")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"ru", "ky", "en", "de"} {
		t.Run(lang, func(t *testing.T) {
			sameIndex(t, lang, syntheticDocs(lang, 300, 120, 7, true), cat)
		})
	}
}

// A doc of the seeded site in another language's index, and many docs in
// one, as export.go never does but may one day.
func TestBuildIndexMatchesReferenceOnMixedDocs(t *testing.T) {
	cat, err := i18n.Load("ru")
	if err != nil {
		t.Fatal(err)
	}
	var docs []store.SearchDoc
	for i, lang := range []string{"ru", "ky", "en"} {
		docs = append(docs, syntheticDocs(lang, 80, 60, uint64(i), true)...)
	}
	sameIndex(t, "ky", docs, cat)
}

func TestBuildIndexMatchesReferenceOnSeededSite(t *testing.T) {
	ctx := context.Background()
	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	cfg.DB = testenv.DatabaseURL(t, cfg.DataDir)
	cfg.Addr = "127.0.0.1:0"
	cfg.BaseURL = "https://example.org"
	a, err := app.Open(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatalf("open site: %v", err)
	}
	defer a.Close()
	docs, err := a.Store.SearchDocs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := i18n.Load(a.Languages.Default().Code)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range a.Languages.All() {
		t.Run(l.Code, func(t *testing.T) {
			var mine []store.SearchDoc
			for _, d := range docs {
				if d.Lang == l.Code {
					mine = append(mine, d)
				}
			}
			if len(mine) == 0 {
				t.Fatalf("the seeded site has no %s texts", l.Code)
			}
			sameIndex(t, l.Code, mine, cat)
		})
	}
}

// plainSnippet cuts long texts short before search.Snippet sees them:
// texts about as long as a snippet, made of words and everything that
// joins or parts them, must come out as the whole text does.
func TestPlainSnippetMatchesReferenceAroundItsLength(t *testing.T) {
	pieces := []string{"a", "Z", "7", "я", "Ё", "ң", "中", "ǅ", "\u0301", "\u00ad", "\u200d", "'", "’", "ʼ", "\xd0", "\xff",
		" ", " ", " ", "  ", ",", ".", "-", "\n", "\t", "\u00a0", "\u2028", "\x01", "…", "word", "слово", "сөз"}
	r := rand.New(rand.NewPCG(3, 4))
	long := 0
	for i := range 4000 {
		var b strings.Builder
		target := plainSnippetRunes - 40 + r.IntN(300)
		if i%10 == 0 {
			target = r.IntN(3 * plainSnippetRunes)
		}
		for n := 0; n < target; {
			// Runs of one piece make long words and long gaps.
			p, k := pieces[r.IntN(len(pieces))], 1
			switch x := r.IntN(40); {
			case x == 0:
				k = r.IntN(900)
			case x < 8:
				k = r.IntN(12)
			}
			for range k {
				b.WriteString(p)
			}
			n += k * utf8.RuneCountInString(p)
		}
		text := b.String()
		if len(snippetPrefix(text)) < len(text) {
			long++
		}
		for _, lang := range []string{"ru", "en"} {
			if got, want := plainSnippet(lang, text), plainSnippetReference(lang, text); got != want {
				t.Fatalf("%s: plainSnippet(%q)\n= %q\nwant %q", lang, text, got, want)
			}
		}
	}
	if long < 1000 {
		t.Errorf("only %d texts of 4000 were cut short: the test tests little", long)
	}
}

// The export builds the indexes of its languages at the same time.
func TestBuildIndexConcurrently(t *testing.T) {
	cat, err := i18n.Load("ru")
	if err != nil {
		t.Fatal(err)
	}
	langs := []string{"ru", "ky", "en", "ru", "ky", "en"}
	docs := make([][]store.SearchDoc, len(langs))
	want := make([][]byte, len(langs))
	for i, lang := range langs {
		docs[i] = syntheticDocs(lang, 60, 80, uint64(i%3), true)
		want[i] = mustJSON(t, buildIndexReference(lang, docs[i], testURLOf, cat.For(lang), time.UTC))
	}
	got := make([]*searchIndex, len(langs))
	var wg sync.WaitGroup
	for i, lang := range langs {
		wg.Go(func() { got[i] = buildIndex(lang, docs[i], testURLOf, cat.For(lang), time.UTC) })
	}
	wg.Wait()
	for i := range langs {
		if !bytes.Equal(mustJSON(t, got[i]), want[i]) {
			t.Errorf("index %d (%s) differs from the reference's", i, langs[i])
		}
	}
}
