// Package lang knows the site's configured content languages: their URL
// prefixes, names, order and fallbacks, how a reader's Accept-Language
// header is matched against them, and how titles become Latin slugs.
//
// The list of languages is configuration. Any BCP 47 tag may appear in it;
// the first entry of Set is the default language, and every other language
// falls back to its own configured chain and then to the default.
package lang

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/language"
)

// Language is one configured content language.
type Language struct {
	Code      string // URL prefix and lang attribute: a canonical BCP 47 tag in lower case ("ru", "ky", "pt-br")
	Tag       language.Tag
	Name      string   // the language's name in itself ("Кыргызча")
	Direction string   // "ltr" or "rtl"
	Fallbacks []string // codes tried, in order, when an item lacks this language
}

// Set is the ordered list of configured languages; the first is the default.
type Set struct {
	langs   []Language
	byCode  map[string]int
	matcher language.Matcher
}

// Spec describes a language in configuration.
type Spec struct {
	Code      string   `json:"code"`
	Name      string   `json:"name"`
	Direction string   `json:"direction,omitempty"`
	Fallbacks []string `json:"fallbacks,omitempty"`
}

// DefaultSpecs are ru, ky and en, with Russian as the default language:
// most of the project's readers read Russian, and translators work from it.
func DefaultSpecs() []Spec {
	return []Spec{
		{Code: "ru", Name: "Русский", Fallbacks: []string{"en"}},
		{Code: "ky", Name: "Кыргызча", Fallbacks: []string{"ru", "en"}},
		{Code: "en", Name: "English", Fallbacks: []string{"ru"}},
	}
}

// rtlScripts are the scripts written right to left, for a language whose
// direction is not configured.
var rtlScripts = map[string]bool{"Arab": true, "Hebr": true, "Thaa": true, "Syrc": true, "Nkoo": true, "Adlm": true}

// NewSet validates specs and builds a Set. The first spec is the default.
func NewSet(specs []Spec) (*Set, error) {
	if len(specs) == 0 {
		return nil, errors.New("lang: no languages configured")
	}
	s := &Set{byCode: make(map[string]int)}
	tags := make([]language.Tag, 0, len(specs))
	for _, sp := range specs {
		tag, err := language.Parse(sp.Code)
		if err != nil {
			return nil, fmt.Errorf("lang: %q is not a BCP 47 language tag: %w", sp.Code, err)
		}
		code := strings.ToLower(tag.String())
		if _, dup := s.byCode[code]; dup {
			return nil, fmt.Errorf("lang: language %q configured twice", code)
		}
		dir := sp.Direction
		switch dir {
		case "ltr", "rtl":
		case "":
			dir = "ltr"
			if script, _ := tag.Script(); rtlScripts[script.String()] {
				dir = "rtl"
			}
		default:
			return nil, fmt.Errorf("lang: direction of %q must be ltr or rtl, not %q", code, dir)
		}
		name := sp.Name
		if name == "" {
			name = code
		}
		s.byCode[code] = len(s.langs)
		s.langs = append(s.langs, Language{Code: code, Tag: tag, Name: name, Direction: dir, Fallbacks: sp.Fallbacks})
		tags = append(tags, tag)
	}
	// Fallback chains: the configured ones that exist, then the default,
	// each language once, never the language itself.
	def := s.langs[0].Code
	for i := range s.langs {
		l := &s.langs[i]
		var chain []string
		seen := map[string]bool{l.Code: true}
		for _, f := range append(append([]string(nil), l.Fallbacks...), def) {
			f = strings.ToLower(f)
			if _, ok := s.byCode[f]; !ok {
				if f != def {
					return nil, fmt.Errorf("lang: fallback %q of %q is not a configured language", f, l.Code)
				}
			}
			if !seen[f] {
				seen[f] = true
				chain = append(chain, f)
			}
		}
		l.Fallbacks = chain
	}
	s.matcher = language.NewMatcher(tags)
	return s, nil
}

// MustDefault returns the Set of DefaultSpecs.
func MustDefault() *Set {
	s, err := NewSet(DefaultSpecs())
	if err != nil {
		panic(err)
	}
	return s
}

// All returns the languages in configured order. The slice must not be changed.
func (s *Set) All() []Language { return s.langs }

// Codes returns the language codes in configured order.
func (s *Set) Codes() []string {
	out := make([]string, len(s.langs))
	for i, l := range s.langs {
		out[i] = l.Code
	}
	return out
}

// Default is the default language.
func (s *Set) Default() Language { return s.langs[0] }

// Get returns the language with the given code.
func (s *Set) Get(code string) (Language, bool) {
	i, ok := s.byCode[code]
	if !ok {
		return Language{}, false
	}
	return s.langs[i], true
}

// Negotiate picks the language for a reader who asked for "/": an explicit
// earlier choice (the cookie) wins, then the Accept-Language header, then
// the default language.
func (s *Set) Negotiate(cookie, acceptLanguage string) Language {
	if l, ok := s.Get(strings.ToLower(strings.TrimSpace(cookie))); ok {
		return l
	}
	return s.Match(acceptLanguage)
}

// maxAcceptLanguage bounds the work spent on a hostile header.
const maxAcceptLanguage = 512

// Match matches an Accept-Language header against the configured
// languages. A header that names none of them, or cannot be parsed, gives
// the default language.
func (s *Set) Match(acceptLanguage string) Language {
	if acceptLanguage == "" || len(acceptLanguage) > maxAcceptLanguage {
		return s.Default()
	}
	prefs, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(prefs) == 0 {
		return s.Default()
	}
	_, idx, conf := s.matcher.Match(prefs...)
	if conf == language.No || idx < 0 || idx >= len(s.langs) {
		return s.Default()
	}
	return s.langs[idx]
}
