// Package i18n holds the interface strings of the public site in every
// language, with CLDR plural rules (Russian has one, few and many; Kyrgyz
// and English one and other) and per-language date formats.
//
// Catalogs are JSON files embedded from locales/, one per language, read by
// go-i18n at start-up. A string missing from a language falls back to the
// default language; a language with no catalog at all speaks the default
// language. Plain strings are resolved once, at start-up, into a map per
// language, so that a page pays a map look-up per string; only plurals go
// through go-i18n at request time.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"path"
	"strconv"
	"strings"
	"time"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed locales/*.json locales/admin/*.json
var locales embed.FS

// Catalog is every language's interface strings.
type Catalog struct {
	bundle  *goi18n.Bundle
	def     string
	plain   map[string]map[string]string // lang → id → text, fallbacks applied
	plurals map[string]bool              // ids of plural messages
	ids     map[string][]string          // lang → ids defined in that language's own file
}

// Load reads the embedded catalogs. defaultLang must have one.
func Load(defaultLang string) (*Catalog, error) {
	defTag, err := language.Parse(defaultLang)
	if err != nil {
		return nil, fmt.Errorf("i18n: default language: %w", err)
	}
	c := &Catalog{
		bundle:  goi18n.NewBundle(defTag),
		def:     defaultLang,
		plain:   map[string]map[string]string{},
		plurals: map[string]bool{},
		ids:     map[string][]string{},
	}
	c.bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	// The public site's strings and the admin's live in separate files of
	// one catalog per language; an id may be defined only once.
	files, err := fs.Glob(locales, "locales/*.json")
	if err != nil {
		return nil, fmt.Errorf("i18n: %w", err)
	}
	adminFiles, err := fs.Glob(locales, "locales/admin/*.json")
	if err != nil {
		return nil, fmt.Errorf("i18n: %w", err)
	}
	files = append(files, adminFiles...)
	raw := map[string]map[string]json.RawMessage{}
	for _, f := range files {
		data, err := locales.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("i18n: %w", err)
		}
		lang := strings.TrimSuffix(path.Base(f), ".json")
		if _, err := c.bundle.ParseMessageFileBytes(data, path.Base(f)); err != nil {
			return nil, fmt.Errorf("i18n: %s: %w", f, err)
		}
		m := map[string]json.RawMessage{}
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("i18n: %s: %w", f, err)
		}
		if raw[lang] == nil {
			raw[lang] = map[string]json.RawMessage{}
		}
		for id, v := range m {
			if _, dup := raw[lang][id]; dup {
				return nil, fmt.Errorf("i18n: %s: message %q is defined twice", f, id)
			}
			raw[lang][id] = v
		}
	}
	if _, ok := raw[defaultLang]; !ok {
		return nil, fmt.Errorf("i18n: no catalog for the default language %q", defaultLang)
	}
	for lang, m := range raw {
		plain := map[string]string{}
		for id, v := range m {
			c.ids[lang] = append(c.ids[lang], id)
			var s string
			if json.Unmarshal(v, &s) == nil {
				plain[id] = s
			} else {
				c.plurals[id] = true
			}
		}
		c.plain[lang] = plain
	}
	for lang, plain := range c.plain {
		if lang == defaultLang {
			continue
		}
		for id, s := range c.plain[defaultLang] {
			if _, ok := plain[id]; !ok {
				plain[id] = s
			}
		}
	}
	return c, nil
}

// Languages lists the languages that have a catalog of their own.
func (c *Catalog) Languages() []string {
	out := make([]string, 0, len(c.ids))
	for l := range c.ids {
		out = append(out, l)
	}
	return out
}

// IDs lists the message ids a language's own catalog defines.
func (c *Catalog) IDs(lang string) []string { return c.ids[lang] }

// Translator speaks one language. The zero value is not usable.
type Translator struct {
	lang  string
	cat   *Catalog
	plain map[string]string
	loc   *goi18n.Localizer
}

// For returns the translator for lang, or for the default language when
// lang has no catalog.
func (c *Catalog) For(lang string) *Translator {
	plain, ok := c.plain[lang]
	if !ok {
		plain = c.plain[c.def]
	}
	return &Translator{lang: lang, cat: c, plain: plain, loc: goi18n.NewLocalizer(c.bundle, lang, c.def)}
}

// Lang is the language this translator was asked for.
func (t *Translator) Lang() string { return t.lang }

// Strings is the language's strings by id, for templates that show them
// as they are ({{.L.skip_to_content}}): a map lookup costs a template far
// less than a method call. Callers must not change the map.
func (t *Translator) Strings() map[string]string { return t.plain }

// T returns the string id, with {{.Name}} placeholders filled from
// name/value pairs. An unknown id comes back as itself, so that a missing
// string shows up in a page rather than as a blank.
func (t *Translator) T(id string, pairs ...any) string {
	s, ok := t.plain[id]
	if !ok {
		return id
	}
	if len(pairs) == 0 || !strings.Contains(s, "{{") {
		return s
	}
	return fill(s, pairs)
}

// N returns the plural form of id for count, with {{.Count}} filled in.
func (t *Translator) N(id string, count int, pairs ...any) string {
	data := map[string]any{"Count": count}
	for i := 0; i+1 < len(pairs); i += 2 {
		if k, ok := pairs[i].(string); ok {
			data[k] = pairs[i+1]
		}
	}
	s, err := t.loc.Localize(&goi18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: data})
	if err != nil && s == "" {
		return id
	}
	return s
}

// fill replaces {{.Key}} with the value given for Key, in one pass, so
// that a value which itself looks like a placeholder is left as it is. It
// is deliberately not a template engine: catalogs are data, not code.
func fill(s string, pairs []any) string {
	values := make(map[string]string, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		k, _ := pairs[i].(string)
		switch x := pairs[i+1].(type) {
		case string:
			values[k] = x
		case int:
			values[k] = strconv.Itoa(x)
		default:
			values[k] = fmt.Sprint(x)
		}
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "{{.")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "}}")
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		if v, ok := values[s[i+3:i+j]]; ok {
			b.WriteString(v)
		} else {
			b.WriteString(s[i : i+j+2])
		}
		s = s[i+j+2:]
	}
	b.WriteString(s)
	return b.String()
}

// Size says how big a file is, in the units readers know and with the
// language's decimal mark: "830 B", "12 KB", "1,5 МБ".
func (t *Translator) Size(n int64) string {
	var s, id string
	switch {
	case n < 1000:
		return t.T("media_size_bytes", "Size", strconv.FormatInt(n, 10))
	case n < 1000*1000:
		s, id = strconv.FormatFloat(float64(n)/1024, 'f', 0, 64), "media_size_kb"
	default:
		s, id = strconv.FormatFloat(math.Round(float64(n)/(1024*1024)*10)/10, 'f', -1, 64), "media_size_mb"
	}
	if t.lang != "en" {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return t.T(id, "Size", s)
}

// Date formats a day the way the language writes dates: "27 ноября 2026 г.",
// "2026-жылдын 27-ноябры", "27 November 2026". The catalog supplies the
// pattern (date_format) and the month forms it needs (month_1 … month_12).
func (t *Translator) Date(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	month := t.T("month_" + strconv.Itoa(int(d.Month())))
	return fill(t.T("date_format"), []any{"Day", d.Day(), "Month", month, "Year", d.Year()})
}
