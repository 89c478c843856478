package lang

import (
	"slices"
	"strings"
	"testing"
)

func TestMatch(t *testing.T) {
	set := MustDefault()
	tests := []struct {
		name   string
		header string
		want   string
	}{
		{"Kyrgyz first with Russian as second choice", "ky, ru;q=0.8", "ky"},
		{"Russian browser in Russia", "ru-RU,ru;q=0.9,en-US;q=0.8", "ru"},
		{"British English browser", "en-GB,en;q=0.9", "en"},
		{"American English only", "en-US", "en"},
		{"German only gives the default", "de-DE,de;q=0.9", "ru"},
		{"empty header gives the default", "", "ru"},
		{"unparseable header gives the default", ";;;q=x", "ru"},
		{"bare wildcard gives the default", "*", "ru"},
		{"Kyrgyz with region", "ky-KG", "ky"},
		{"upper-case Kyrgyz with region", "KY-KG", "ky"},
		{"unsupported first, English second", "fr, en;q=0.5", "en"},
		{"Kazakh reader who also reads Kyrgyz", "kk, ky;q=0.9", "ky"},
		{"weights decide, not order", "en;q=0.3, ky;q=0.9", "ky"},
		{"q=0 excludes Kyrgyz", "ky;q=0, en", "en"},
		{"q=0 on the only language gives the default", "ky;q=0", "ru"},
		{"q=0 excludes Russian too", "ru;q=0, ky;q=0.5", "ky"},
		{"English after an unsupported language with spaces", "  fr-CA , fr;q=0.9 , en;q=0.1 ", "en"},
		{"over-long header naming Kyrgyz gives the default", "ky," + strings.Repeat("x-yz,", 110), "ru"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := set.Match(tt.header).Code; got != tt.want {
				t.Errorf("Match(%q) = %q, want %q", tt.header, got, tt.want)
			}
		})
	}
}

func TestMatchLengthLimit(t *testing.T) {
	set := MustDefault()
	// A header of exactly maxAcceptLanguage bytes is still read; one byte
	// more is not.
	pad := func(n int) string {
		h := "ky, ru;q=0.8"
		return h + strings.Repeat(" ", n-len(h))
	}
	if h := pad(maxAcceptLanguage); set.Match(h).Code != "ky" {
		t.Errorf("header of %d bytes: got %q, want ky", len(h), set.Match(h).Code)
	}
	if h := pad(maxAcceptLanguage + 1); set.Match(h).Code != "ru" {
		t.Errorf("header of %d bytes: got %q, want the default ru", len(h), set.Match(h).Code)
	}
}

func TestNegotiate(t *testing.T) {
	set := MustDefault()
	tests := []struct {
		name   string
		cookie string
		header string
		want   string
	}{
		{"cookie wins over header", "en", "ky, ru;q=0.8", "en"},
		{"cookie picks the default against the header", "ru", "en-GB,en;q=0.9", "ru"},
		{"no cookie uses the header", "", "ky, ru;q=0.8", "ky"},
		{"no cookie and no header gives the default", "", "", "ru"},
		{"unknown language in cookie is ignored", "de", "en", "en"},
		{"garbage cookie is ignored", "<script>", "ky", "ky"},
		{"region tag in cookie is not a configured code", "ky-KG", "en", "en"},
		{"cookie is case-insensitive", "KY", "en", "ky"},
		{"cookie in mixed case", "En", "ky", "en"},
		{"cookie with surrounding spaces", " ky ", "en", "ky"},
		{"invalid cookie and unsupported header give the default", "xx", "de", "ru"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := set.Negotiate(tt.cookie, tt.header).Code; got != tt.want {
				t.Errorf("Negotiate(%q, %q) = %q, want %q", tt.cookie, tt.header, got, tt.want)
			}
		})
	}
}

func TestDefaultSet(t *testing.T) {
	set := MustDefault()
	if got, want := set.Codes(), []string{"ru", "ky", "en"}; !slices.Equal(got, want) {
		t.Errorf("Codes() = %q, want %q", got, want)
	}
	if got := set.Default().Code; got != "ru" {
		t.Errorf("Default() = %q, want ru", got)
	}
	tests := []struct {
		code      string
		name      string
		fallbacks []string
	}{
		{"ru", "Русский", []string{"en"}},
		{"ky", "Кыргызча", []string{"ru", "en"}},
		{"en", "English", []string{"ru"}},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			l, ok := set.Get(tt.code)
			if !ok {
				t.Fatalf("Get(%q) found nothing", tt.code)
			}
			if l.Code != tt.code || l.Name != tt.name || l.Direction != "ltr" {
				t.Errorf("Get(%q) = code %q, name %q, direction %q; want %q, %q, ltr", tt.code, l.Code, l.Name, l.Direction, tt.code, tt.name)
			}
			if !slices.Equal(l.Fallbacks, tt.fallbacks) {
				t.Errorf("fallbacks of %q = %q, want %q", tt.code, l.Fallbacks, tt.fallbacks)
			}
		})
	}
	if _, ok := set.Get("de"); ok {
		t.Error(`Get("de") found a language that is not configured`)
	}
}

func TestNewSetErrors(t *testing.T) {
	tests := []struct {
		name  string
		specs []Spec
		want  string // part of the error message
	}{
		{"no languages", nil, "no languages"},
		{"empty list", []Spec{}, "no languages"},
		{"duplicate code", []Spec{{Code: "ru"}, {Code: "en"}, {Code: "ru"}}, "twice"},
		{"duplicate code in another case", []Spec{{Code: "ru"}, {Code: "RU"}}, "twice"},
		{"invalid tag", []Spec{{Code: "ru"}, {Code: "not a tag"}}, "BCP 47"},
		{"empty code", []Spec{{Code: ""}}, "BCP 47"},
		{"bad direction", []Spec{{Code: "ru", Direction: "up"}}, "direction"},
		{"direction in capitals", []Spec{{Code: "ar", Direction: "RTL"}}, "direction"},
		{"unknown fallback", []Spec{{Code: "ru"}, {Code: "ky", Fallbacks: []string{"kk"}}}, "fallback"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := NewSet(tt.specs)
			if err == nil {
				t.Fatalf("NewSet(%+v) = %q, want an error", tt.specs, set.Codes())
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "lang: ") {
				t.Errorf("NewSet(%+v) error %q, want one starting with \"lang: \" and containing %q", tt.specs, err, tt.want)
			}
		})
	}
}

func TestNewSetCustom(t *testing.T) {
	t.Run("English as the default", func(t *testing.T) {
		set, err := NewSet([]Spec{
			{Code: "en", Name: "English"},
			{Code: "ru", Name: "Русский"},
			{Code: "ky", Name: "Кыргызча", Fallbacks: []string{"ru"}},
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := set.Default().Code; got != "en" {
			t.Errorf("Default() = %q, want en", got)
		}
		for header, want := range map[string]string{"de": "en", "": "en", "ru-RU": "ru", "ky": "ky"} {
			if got := set.Match(header).Code; got != want {
				t.Errorf("Match(%q) = %q, want %q", header, got, want)
			}
		}
		ky, _ := set.Get("ky")
		if want := []string{"ru", "en"}; !slices.Equal(ky.Fallbacks, want) {
			t.Errorf("fallbacks of ky = %q, want %q", ky.Fallbacks, want)
		}
		ru, _ := set.Get("ru")
		if want := []string{"en"}; !slices.Equal(ru.Fallbacks, want) {
			t.Errorf("fallbacks of ru = %q, want %q", ru.Fallbacks, want)
		}
		en, _ := set.Get("en")
		if len(en.Fallbacks) != 0 {
			t.Errorf("the default language falls back to %q, want nothing", en.Fallbacks)
		}
	})
	t.Run("codes are canonical lower case", func(t *testing.T) {
		set, err := NewSet([]Spec{{Code: "pt-BR"}, {Code: "EN", Fallbacks: []string{"PT-br"}}})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := set.Codes(), []string{"pt-br", "en"}; !slices.Equal(got, want) {
			t.Errorf("Codes() = %q, want %q", got, want)
		}
		if got := set.Default().Name; got != "pt-br" {
			t.Errorf("a language without a name is named %q, want its code", got)
		}
		if got := set.Match("pt-BR, en;q=0.5").Code; got != "pt-br" {
			t.Errorf(`Match("pt-BR, en;q=0.5") = %q, want pt-br`, got)
		}
	})
	t.Run("a language is never its own fallback and each appears once", func(t *testing.T) {
		set, err := NewSet([]Spec{{Code: "ru"}, {Code: "ky", Fallbacks: []string{"ky", "ru", "en", "ru"}}, {Code: "en"}})
		if err != nil {
			t.Fatal(err)
		}
		ky, _ := set.Get("ky")
		if want := []string{"ru", "en"}; !slices.Equal(ky.Fallbacks, want) {
			t.Errorf("fallbacks of ky = %q, want %q", ky.Fallbacks, want)
		}
	})
}

func TestDirection(t *testing.T) {
	tests := []struct {
		name string
		spec Spec
		want string
	}{
		{"Arabic is right to left", Spec{Code: "ar"}, "rtl"},
		{"Hebrew is right to left", Spec{Code: "he"}, "rtl"},
		{"Persian is right to left", Spec{Code: "fa"}, "rtl"},
		{"Azerbaijani in Arabic script is right to left", Spec{Code: "az-Arab"}, "rtl"},
		{"Azerbaijani in Latin script is left to right", Spec{Code: "az"}, "ltr"},
		{"Kyrgyz is left to right", Spec{Code: "ky"}, "ltr"},
		{"configured direction wins", Spec{Code: "ar", Direction: "ltr"}, "ltr"},
		{"configured rtl on a Latin language", Spec{Code: "en", Direction: "rtl"}, "rtl"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := NewSet([]Spec{{Code: "ru"}, tt.spec})
			if err != nil {
				t.Fatal(err)
			}
			l := set.All()[1]
			if l.Direction != tt.want {
				t.Errorf("direction of %+v = %q, want %q", tt.spec, l.Direction, tt.want)
			}
		})
	}
}

func FuzzMatch(f *testing.F) {
	for _, s := range []string{
		"", "ky, ru;q=0.8", "ru-RU,ru;q=0.9,en-US;q=0.8", "en-GB,en;q=0.9", "de-DE,de;q=0.9",
		";;;q=x", "ky-KG", "fr, en;q=0.5", "kk, ky;q=0.9", "ky;q=0, en", "*", "*;q=0",
		"en;q=1.0000001", "x-private", "zh-Hant-TW-u-co-pinyin", "ky;q=0.5;q=0.7",
		strings.Repeat("a,", 300), "\xff\xfe", "ru;q=NaN", "en;q=-1",
	} {
		f.Add(s)
	}
	set := MustDefault()
	codes := set.Codes()
	f.Fuzz(func(t *testing.T, header string) {
		got := set.Match(header)
		if !slices.Contains(codes, got.Code) {
			t.Fatalf("Match(%q) = %q, not a configured language", header, got.Code)
		}
		if l, _ := set.Get(got.Code); l.Name != got.Name {
			t.Fatalf("Match(%q) returned a language unlike the configured %q", header, got.Code)
		}
		if len(header) > maxAcceptLanguage && got.Code != "ru" {
			t.Fatalf("Match of a %d-byte header = %q, want the default", len(header), got.Code)
		}
		if n := set.Negotiate(header, header); !slices.Contains(codes, n.Code) {
			t.Fatalf("Negotiate(%q, %q) = %q, not a configured language", header, header, n.Code)
		}
	})
}
