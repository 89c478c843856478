package i18n

import (
	"encoding/json"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
)

func load(t *testing.T) *Catalog {
	t.Helper()
	c, err := Load("ru")
	if err != nil {
		t.Fatalf("Load(ru): %v", err)
	}
	return c
}

func TestLoad(t *testing.T) {
	c := load(t)
	langs := c.Languages()
	sort.Strings(langs)
	if want := []string{"en", "ky", "ru"}; !slices.Equal(langs, want) {
		t.Errorf("Languages() = %q, want %q", langs, want)
	}
	tests := []struct {
		name string
		lang string
	}{
		{"default without a catalog", "de"},
		{"default that is not a tag", "not a tag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Load(tt.lang); err == nil || !strings.HasPrefix(err.Error(), "i18n: ") {
				t.Errorf("Load(%q) error = %v, want an error starting with \"i18n: \"", tt.lang, err)
			}
		})
	}
}

// TestCatalogsDefineTheSameIDs compares every catalog's own ids with the
// default language's, so that no language silently shows Russian.
func TestCatalogsDefineTheSameIDs(t *testing.T) {
	c := load(t)
	ref := set(c.IDs("ru"))
	if len(ref) == 0 {
		t.Fatal("the ru catalog defines no ids")
	}
	for _, lang := range []string{"ru", "ky", "en"} {
		t.Run(lang, func(t *testing.T) {
			own := set(c.IDs(lang))
			var missing, extra []string
			for id := range ref {
				if !own[id] {
					missing = append(missing, id)
				}
			}
			for id := range own {
				if !ref[id] {
					extra = append(extra, id)
				}
			}
			sort.Strings(missing)
			sort.Strings(extra)
			if len(missing) > 0 {
				t.Errorf("%s lacks ids that ru defines: %q", lang, missing)
			}
			if len(extra) > 0 {
				t.Errorf("%s defines ids that ru lacks: %q", lang, extra)
			}
		})
	}
}

// TestPluralFormsComplete checks that each plural message has exactly the
// CLDR categories its language needs for integers.
func TestPluralFormsComplete(t *testing.T) {
	need := map[string][]string{
		"ru": {"few", "many", "one", "other"},
		"ky": {"one", "other"},
		"en": {"one", "other"},
	}
	for lang, forms := range need {
		// Every plural message of the public and the admin catalogs.
		m := readCatalog(t, lang)
		maps.Copy(m, readAdminCatalog(t, lang))
		var ids []string
		for id, raw := range m {
			if len(raw) > 0 && raw[0] == '{' {
				ids = append(ids, id)
			}
		}
		for _, id := range []string{"tasks_count", "bodies_count", "contact_rate_limited", "inbox_unread_count"} {
			if !slices.Contains(ids, id) {
				t.Errorf("%s: %s is not a plural message", lang, id)
			}
		}
		for _, id := range ids {
			t.Run(lang+"/"+id, func(t *testing.T) {
				var plural map[string]string
				if err := json.Unmarshal(m[id], &plural); err != nil {
					t.Fatalf("%s %s is not a plural message: %v", lang, id, err)
				}
				var got []string
				for k, v := range plural {
					got = append(got, k)
					if !strings.Contains(v, "{{.Count}}") {
						t.Errorf("%s %s form %q = %q has no {{.Count}}", lang, id, k, v)
					}
				}
				sort.Strings(got)
				if !slices.Equal(got, forms) {
					t.Errorf("%s %s has forms %q, want %q", lang, id, got, forms)
				}
			})
		}
	}
}

func TestN(t *testing.T) {
	c := load(t)
	tests := []struct {
		lang  string
		id    string
		count int
		want  string
	}{
		{"ru", "tasks_count", 1, "1 задача"},
		{"ru", "tasks_count", 2, "2 задачи"},
		{"ru", "tasks_count", 4, "4 задачи"},
		{"ru", "tasks_count", 5, "5 задач"},
		{"ru", "tasks_count", 0, "0 задач"},
		{"ru", "tasks_count", 11, "11 задач"},
		{"ru", "tasks_count", 12, "12 задач"},
		{"ru", "tasks_count", 14, "14 задач"},
		{"ru", "tasks_count", 21, "21 задача"},
		{"ru", "tasks_count", 22, "22 задачи"},
		{"ru", "tasks_count", 25, "25 задач"},
		{"ru", "tasks_count", 101, "101 задача"},
		{"ru", "tasks_count", 111, "111 задач"},
		{"ru", "tasks_count", 112, "112 задач"},
		{"ru", "tasks_count", 122, "122 задачи"},
		{"ru", "bodies_count", 1, "1 государственный орган"},
		{"ru", "bodies_count", 3, "3 государственных органа"},
		{"ru", "bodies_count", 5, "5 государственных органов"},
		{"ru", "bodies_count", 21, "21 государственный орган"},
		{"en", "tasks_count", 1, "1 task"},
		{"en", "tasks_count", 2, "2 tasks"},
		{"en", "tasks_count", 0, "0 tasks"},
		{"en", "tasks_count", 21, "21 tasks"},
		{"en", "bodies_count", 1, "1 government body"},
		{"en", "bodies_count", 5, "5 government bodies"},
		{"ky", "tasks_count", 1, "1 милдет"},
		{"ky", "tasks_count", 7, "7 милдет"},
		{"ky", "bodies_count", 5, "5 мамлекеттик орган"},
		{"de", "tasks_count", 5, "5 задач"},
		{"de", "tasks_count", 21, "21 задача"},
		{"ru", "no_such_plural", 3, "no_such_plural"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.id+"/"+strconv.Itoa(tt.count), func(t *testing.T) {
			if got := c.For(tt.lang).N(tt.id, tt.count); got != tt.want {
				t.Errorf("For(%q).N(%q, %d) = %q, want %q", tt.lang, tt.id, tt.count, got, tt.want)
			}
		})
	}
}

func TestDate(t *testing.T) {
	c := load(t)
	nov := time.Date(2019, time.November, 26, 15, 4, 5, 0, time.UTC)
	mar := time.Date(2024, time.March, 8, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		lang string
		day  time.Time
		want string
	}{
		{"Russian November", "ru", nov, "26 ноября 2019 г."},
		{"Kyrgyz November", "ky", nov, "2019-жылдын 26-ноябры"},
		{"English November", "en", nov, "26 November 2019"},
		{"Russian March", "ru", mar, "8 марта 2024 г."},
		{"Kyrgyz March", "ky", mar, "2024-жылдын 8-марты"},
		{"English March", "en", mar, "8 March 2024"},
		{"language without a catalog speaks Russian", "de", mar, "8 марта 2024 г."},
		{"zero time is empty", "en", time.Time{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.For(tt.lang).Date(tt.day); got != tt.want {
				t.Errorf("For(%q).Date(%s) = %q, want %q", tt.lang, tt.day.Format(time.DateOnly), got, tt.want)
			}
		})
	}
	t.Run("every month has a name in every language", func(t *testing.T) {
		for _, lang := range []string{"ru", "ky", "en"} {
			tr := c.For(lang)
			seen := map[string]time.Month{}
			for m := time.January; m <= time.December; m++ {
				got := tr.Date(time.Date(2020, m, 1, 0, 0, 0, 0, time.UTC))
				if strings.Contains(got, "month_") || strings.Contains(got, "{{") {
					t.Errorf("%s: %s is %q", lang, m, got)
				}
				if prev, dup := seen[got]; dup {
					t.Errorf("%s: %s and %s are both %q", lang, prev, m, got)
				}
				seen[got] = m
			}
		}
	})
}

func TestT(t *testing.T) {
	c := load(t)
	tests := []struct {
		name  string
		lang  string
		id    string
		pairs []any
		want  string
	}{
		{"plain Russian", "ru", "home", nil, "Главная"},
		{"plain Kyrgyz", "ky", "home", nil, "Башкы бет"},
		{"plain English", "en", "home", nil, "Home"},
		{"placeholder in Russian", "ru", "updated", []any{"Date", "26 ноября 2019 г."}, "Обновлено: 26 ноября 2019 г."},
		{"placeholder in Kyrgyz", "ky", "updated", []any{"Date", "2019-жылдын 26-ноябры"}, "Жаңыртылды: 2019-жылдын 26-ноябры"},
		{"placeholder in English", "en", "updated", []any{"Date", "26 November 2019"}, "Updated: 26 November 2019"},
		{"placeholder with a non-string value", "en", "fallback_notice", []any{"Language", 42}, "This page has not been translated into English yet. It is shown in another language: 42."},
		{"placeholder without values stays visible", "en", "updated", nil, "Updated: {{.Date}}"},
		{"unrelated pair leaves the placeholder", "en", "updated", []any{"Day", "1"}, "Updated: {{.Date}}"},
		{"a value is inserted literally, not filled again", "en", "updated", []any{"Date", "{{.Other}}", "Other", "x"}, "Updated: {{.Other}}"},
		{"unknown id comes back as itself", "ru", "no_such_id", nil, "no_such_id"},
		{"unknown id with pairs comes back as itself", "en", "no_such_id", []any{"Date", "x"}, "no_such_id"},
		{"language without a catalog speaks Russian", "de", "home", nil, "Главная"},
		{"language without a catalog fills placeholders", "de", "updated", []any{"Date", "x"}, "Обновлено: x"},
		{"empty language speaks Russian", "", "main_menu", nil, "Основное меню"},
		{"plural id through T comes back as itself", "ru", "tasks_count", nil, "tasks_count"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.For(tt.lang).T(tt.id, tt.pairs...); got != tt.want {
				t.Errorf("For(%q).T(%q, %v) = %q, want %q", tt.lang, tt.id, tt.pairs, got, tt.want)
			}
		})
	}
	if got := c.For("de").Lang(); got != "de" {
		t.Errorf(`For("de").Lang() = %q, want the language asked for`, got)
	}
}

// TestNoMixedScriptWords looks for words that mix Latin and Cyrillic
// letters, the typo a bilingual keyboard makes ("Cайт" with a Latin C).
func TestNoMixedScriptWords(t *testing.T) {
	for _, lang := range catalogFiles(t) {
		t.Run(lang, func(t *testing.T) {
			words := 0
			for id, raw := range readCatalog(t, lang) {
				for _, s := range stringsIn(t, raw) {
					for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) }) {
						words++
						if mixedScript(w) {
							t.Errorf("%s %s: word %q mixes Latin and Cyrillic letters (in %q)", lang, id, w, s)
						}
					}
				}
			}
			if words < 100 {
				t.Errorf("%s: only %d words checked", lang, words)
			}
		})
	}
}

func TestMixedScript(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"Сайт", false},
		{"Site", false},
		{"C\u0430йт", true}, // Latin C, then Cyrillic
		{"Cайт", true},      // Latin C
		{"pоль", true},      // Latin p
		{"жаңы", false},
		{"өнөктөш", false},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := mixedScript(tt.word); got != tt.want {
				t.Errorf("mixedScript(%q) = %v, want %v", tt.word, got, tt.want)
			}
		})
	}
}

func mixedScript(w string) bool {
	var latin, cyrillic bool
	for _, r := range w {
		latin = latin || unicode.Is(unicode.Latin, r)
		cyrillic = cyrillic || unicode.Is(unicode.Cyrillic, r)
	}
	return latin && cyrillic
}

func catalogFiles(t *testing.T) []string {
	t.Helper()
	files, err := fs.Glob(locales, "locales/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no catalogs: %v", err)
	}
	var langs []string
	for _, f := range files {
		langs = append(langs, strings.TrimSuffix(path.Base(f), ".json"))
	}
	return langs
}

func readCatalog(t *testing.T, lang string) map[string]json.RawMessage {
	t.Helper()
	data, err := locales.ReadFile("locales/" + lang + ".json")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]json.RawMessage{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s.json: %v", lang, err)
	}
	return m
}

func readAdminCatalog(t *testing.T, lang string) map[string]json.RawMessage {
	t.Helper()
	data, err := locales.ReadFile("locales/admin/" + lang + ".json")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]json.RawMessage{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("admin/%s.json: %v", lang, err)
	}
	return m
}

// stringsIn returns a message's text: the string itself, or every plural form.
func stringsIn(t *testing.T, raw json.RawMessage) []string {
	t.Helper()
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return []string{s}
	}
	var forms map[string]string
	if err := json.Unmarshal(raw, &forms); err != nil {
		t.Fatalf("message %s is neither a string nor plural forms: %v", raw, err)
	}
	var out []string
	for _, f := range forms {
		out = append(out, f)
	}
	return out
}

func set(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}
