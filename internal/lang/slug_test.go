package lang

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSlugify(t *testing.T) {
	tests := []struct {
		name  string
		code  string
		title string
		want  string
	}{
		// Russian: passport-style romanisation.
		{"Russian ministry name", "ru", "Министерство образования и науки Кыргызской Республики", "ministerstvo-obrazovaniya-i-nauki-kyrgyzskoy-respubliki"},
		{"Russian about page", "ru", "О проекте", "o-proekte"},
		{"Russian ё in partners", "ru", "Партнёры", "partnery"},
		{"Russian щ", "ru", "Общественные организации", "obshchestvennye-organizatsii"},
		{"Russian ж and щ", "ru", "Женщины и защита прав", "zhenshchiny-i-zashchita-prav"},
		{"Russian х and ц", "ru", "Художественная литература и цифровые технологии", "khudozhestvennaya-literatura-i-tsifrovye-tekhnologii"},
		{"Russian ю and я", "ru", "Юридическая помощь для населения", "yuridicheskaya-pomoshch-dlya-naseleniya"},
		{"Russian ъ is dropped", "ru", "Объявления и подъезды", "obyavleniya-i-podezdy"},
		{"Russian ь is dropped", "ru", "Семья и жизнь", "semya-i-zhizn"},
		{"Russian й", "ru", "Гендерный анализ районной политики", "gendernyy-analiz-rayonnoy-politiki"},
		{"Russian э and ы", "ru", "Этические вопросы молодых", "eticheskie-voprosy-molodykh"},
		{"Russian government bodies heading", "ru", "Государственные органы — партнёры проекта", "gosudarstvennye-organy-partnery-proekta"},
		{"Russian news with guillemets", "ru", "Семинар «Гендерное равенство в образовании»", "seminar-gendernoe-ravenstvo-v-obrazovanii"},
		{"Russian Social Technologies Agency", "ru", "Агентство социальных технологий", "agentstvo-sotsialnykh-tekhnologiy"},
		{"Russian with capitals only", "ru", "ЕВРОПЕЙСКИЙ СОЮЗ", "evropeyskiy-soyuz"},
		{"Russian decomposed й is recomposed", "ru", "Кыргызско\u0438\u0306 Республики", "kyrgyzskoy-respubliki"},
		{"Russian ё as the first letter", "ru", "Ёлка в школе", "elka-v-shkole"},

		// Kyrgyz: ж → j, ң → ng, ө → o, ү → u.
		{"Kyrgyz gender equality title", "ky", "Гендердик теңчиликке жаңыча жетишүү", "genderdik-tengchilikke-jangycha-jetishuu"},
		{"Kyrgyz about page", "ky", "Долбоор жөнүндө", "dolboor-jonundo"},
		{"Kyrgyz partners", "ky", "Өнөктөштөр", "onoktoshtor"},
		{"Kyrgyz ministry of education", "ky", "Билим берүү жана илим министрлиги", "bilim-beruu-jana-ilim-ministrligi"},
		{"Kyrgyz Jalal-Abad", "ky", "Жалал-Абад облусу", "jalal-abad-oblusu"},
		{"Kyrgyz capitals with Ң Ө Ү", "ky", "ҮЙ-БҮЛӨ ЖАНА ТЕҢДИК", "uy-bulo-jana-tengdik"},
		{"Kyrgyz European Union", "ky", "Европа Биримдиги", "evropa-birimdigi"},
		{"Kyrgyz region tag uses Kyrgyz rules", "ky-KG", "Жаңылыктар", "jangylyktar"},
		{"Kyrgyz х is h", "ky", "Маалымат жана хабарлар", "maalymat-jana-habarlar"},
		{"Kyrgyz letters in a Russian title use common rules", "ru", "Жаңы", "zhangy"},

		// English and other Latin text.
		{"English about page", "en", "About the project", "about-the-project"},
		{"English apostrophe joins", "en", "Women's rights", "womens-rights"},
		{"English typographic apostrophe joins", "en", "Women’s rights", "womens-rights"},
		{"accents lose their marks", "en", "Café Déjà vu", "cafe-deja-vu"},
		{"decomposed accents lose their marks", "en", "Cafe\u0301 De\u0301ja\u0300 vu", "cafe-deja-vu"},
		{"ligatures pasted from a PDF keep their letters", "en", "Annual ﬁnancial report on ﬂoods", "annual-financial-report-on-floods"},
		{"German sharp s and umlauts", "en", "Straße über Köln", "strasse-uber-koln"},
		{"Danish and Polish letters", "en", "Ærø and Łódź", "aero-and-lodz"},
		{"Centre Danilo Dolci", "en", `Centre for Creative Development "Danilo Dolci"`, "centre-for-creative-development-danilo-dolci"},
		{"EIDHR with digits", "en", "EIDHR objectives 2019", "eidhr-objectives-2019"},

		// Punctuation, spacing and digits.
		{"curly quotes", "en", "“Equal rights” — for all", "equal-rights-for-all"},
		{"em dash between words", "ru", "Бишкек—Ош", "bishkek-osh"},
		{"multiple spaces and tabs", "en", "many    spaces\tand\ttabs", "many-spaces-and-tabs"},
		{"leading and trailing junk", "en", "  --!!Hello, world!!--  ", "hello-world"},
		{"year range with en dash", "en", "2019–2022", "2019-2022"},
		{"project years in Russian", "ru", "Проект 2019–2022 гг.", "proekt-2019-2022-gg"},
		{"digits only", "ru", "2024", "2024"},
		{"slashes and dots", "en", "Q&A / F.A.Q.", "q-a-f-a-q"},

		// Nothing to make a slug of.
		{"empty title", "ru", "", ""},
		{"emoji only", "en", "🎉🎉 🚀", ""},
		{"symbols only", "ru", "«» — … % $ §", ""},
		{"numero sign folds to No", "ru", "Постановление № 109", "postanovlenie-no-109"},
		{"ligatures from PDFs fold", "en", "Annual ﬁnancial report on ﬂoods", "annual-financial-report-on-floods"},
		{"full-width letters fold", "en", "Ｆｕｌｌｗｉｄｔｈ", "fullwidth"},
		{"Serbian Cyrillic", "ru", "Љубљана", "ljubljana"},
		{"emoji around words", "en", "🎉 Launch 🚀", "launch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Slugify(tt.code, tt.title)
			if got != tt.want {
				t.Errorf("Slugify(%q, %q) = %q, want %q", tt.code, tt.title, got, tt.want)
			}
			if got != "" && !ValidSlug(got) {
				t.Errorf("Slugify(%q, %q) = %q, which ValidSlug rejects", tt.code, tt.title, got)
			}
		})
	}
}

func TestSlugifyLength(t *testing.T) {
	tests := []struct {
		name  string
		code  string
		title string
		want  string
	}{
		{
			"long Russian title cut after the last whole word",
			"ru",
			"Министерство образования и науки Кыргызской Республики объявляет конкурс проектов организаций",
			"ministerstvo-obrazovaniya-i-nauki-kyrgyzskoy-respubliki-obyavlyaet-konkurs",
		},
		{
			"a shortened Russian slug does not end on a preposition",
			"ru",
			"Министерство образования и науки Кыргызской Республики совместно с организациями проекта объявляет конкурс",
			"ministerstvo-obrazovaniya-i-nauki-kyrgyzskoy-respubliki-sovmestno",
		},
		{
			"a shortened English slug does not end on a conjunction",
			"en",
			"Ministry of Education and Science of the Kyrgyz Republic together with the partners of the project",
			"ministry-of-education-and-science-of-the-kyrgyz-republic-together",
		},
		{
			"a word ending exactly at the limit is kept",
			"en",
			strings.Repeat("abcdefghi ", 8) + "more words",           // words of 9 letters: the 8th ends at byte 79
			strings.TrimSuffix(strings.Repeat("abcdefghi-", 8), "-"), // 79 bytes
		},
		{
			"a slug of exactly the limit is not cut",
			"en",
			strings.Repeat("abcdefghi ", 7) + "abcdefghij" + " tail", // the 8th word ends at byte 80
			strings.Repeat("abcdefghi-", 7) + "abcdefghij",
		},
		{
			"one very long word is cut at the limit",
			"en",
			strings.Repeat("a", 200),
			strings.Repeat("a", maxSlugLength),
		},
		{
			"a long last word is dropped, not cut",
			"en",
			strings.Repeat("abc ", 15) + strings.Repeat("z", 50),
			strings.TrimSuffix(strings.Repeat("abc-", 15), "-"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Slugify(tt.code, tt.title)
			if got != tt.want {
				t.Errorf("Slugify(%q, %q) =\n  %q (%d bytes), want\n  %q (%d bytes)", tt.code, tt.title, got, len(got), tt.want, len(tt.want))
			}
			if len(got) > maxSlugLength || !ValidSlug(got) {
				t.Errorf("Slugify gave %q (%d bytes), not a valid slug of at most %d bytes", got, len(got), maxSlugLength)
			}
		})
	}
}

// TestTrimSlugKeepsWholeWords checks the cut on every length around the
// limit: the result is the longest prefix of whole words that fits.
func TestTrimSlugKeepsWholeWords(t *testing.T) {
	for extra := range 12 {
		// Words of five letters shifted by extra leading letters, so the
		// limit falls at every position inside a word and on a hyphen.
		full := strings.Repeat("x", extra+1) + strings.Repeat("-abcde", 20)
		got := trimSlug(full)
		want := ""
		for i := 0; i <= len(full) && i <= maxSlugLength; i++ {
			if i == len(full) || full[i] == '-' {
				want = full[:i]
			}
		}
		if got != want {
			t.Errorf("trimSlug(%q) =\n  %q (%d bytes), want\n  %q (%d bytes)", full, got, len(got), want, len(want))
		}
	}
}

func TestValidSlug(t *testing.T) {
	tests := []struct {
		name string
		slug string
		want bool
	}{
		{"word", "about", true},
		{"words", "about-the-project", true},
		{"digits", "2019-2022", true},
		{"single letter", "a", true},
		{"exactly the limit", strings.Repeat("a", maxSlugLength), true},
		{"empty", "", false},
		{"over the limit", strings.Repeat("a", maxSlugLength+1), false},
		{"leading hyphen", "-about", false},
		{"trailing hyphen", "about-", false},
		{"only a hyphen", "-", false},
		{"double hyphen", "about--project", false},
		{"upper case", "About", false},
		{"space", "about project", false},
		{"underscore", "about_project", false},
		{"dot", "index.html", false},
		{"slash", "a/b", false},
		{"Cyrillic", "проект", false},
		{"accented Latin", "café", false},
		{"percent escape", "caf%C3%A9", false},
		{"NUL byte", "a\x00b", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ValidSlug(tt.slug); got != tt.want {
				t.Errorf("ValidSlug(%q) = %v, want %v", tt.slug, got, tt.want)
			}
		})
	}
}

func FuzzSlugify(f *testing.F) {
	seeds := []struct{ code, title string }{
		{"ru", "Министерство образования и науки Кыргызской Республики"},
		{"ru", "Партнёры"},
		{"ky", "Гендердик теңчиликке жаңыча жетишүү"},
		{"ky", "Өнөктөштөр"},
		{"en", "Women's rights"},
		{"en", "Café Déjà vu"},
		{"en", "2019–2022"},
		{"en", "🎉"},
		{"ru", ""},
		{"ru", "«»—“”"},
		{"en", "Cafe\u0301"},
		{"ky", strings.Repeat("жаңы ", 40)},
		{"en", strings.Repeat("a", 100)},
		{"en", "\xff\xfe invalid UTF-8"},
		{"en", "ǅemal İstanbul ﬁnance ²"},
		{"en", "'''---'''"},
	}
	for _, s := range seeds {
		f.Add(s.code, s.title)
	}
	f.Fuzz(func(t *testing.T, code, title string) {
		switch code {
		case "ru", "ky", "en":
		default:
			code = []string{"ru", "ky", "en"}[len(code)%3]
		}
		got := Slugify(code, title)
		if got != "" && !ValidSlug(got) {
			t.Fatalf("Slugify(%q, %q) = %q, not a valid slug", code, title, got)
		}
		if len(got) > maxSlugLength {
			t.Fatalf("Slugify(%q, %q) = %q, %d bytes long", code, title, got, len(got))
		}
		if again := Slugify(code, title); again != got {
			t.Fatalf("Slugify(%q, %q) gave %q, then %q", code, title, got, again)
		}
		// A title of ASCII letters and digits alone is its own slug.
		if utf8.ValidString(title) && isLowerASCIIWord(title) && len(title) <= maxSlugLength && got != title {
			t.Fatalf("Slugify(%q, %q) = %q, want the title itself", code, title, got)
		}
	})
}

func isLowerASCIIWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func TestMixedScriptWords(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{
		{"Кыргызстан Kyrgyzstan", 0},
		{"Кыргызстаn", 1},
		{"sociеty and Cоюз", 2},
		{"ДаткАйым — HERo, 2019–2022", 0},
	} {
		if got := MixedScriptWords(tt.in); len(got) != tt.want {
			t.Errorf("MixedScriptWords(%q) = %q, want %d words", tt.in, got, tt.want)
		}
	}
}
