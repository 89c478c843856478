package export

import (
	"bytes"
	"encoding/json"
	"path"
	"strconv"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/datka-cms/datka/internal/lang"
)

// When a query finds nothing in the page's language, the live search
// names the other languages where the same words find something, each
// analysed by its own language's rules. The archive's search does the
// same: the search page carries, as a JSON block search.js reads, where
// each other language's index and search page are and how to say "Kyrgyz:
// 5 results" in the page's language; the script loads those indexes only
// when it needs them.

// otherIndex is what one search page knows of another language's search.
type otherIndex struct {
	Lang  string `json:"lang"`
	Index string `json:"index"` // its index, relative to this page
	Page  string `json:"page"`  // its search page, relative to this page
	// Forms is the link's label by CLDR plural form of the count ("one",
	// "few", "many", "other"), with {n} for the count, which search.js
	// picks with Intl.PluralRules.
	Forms map[string]string `json:"forms"`
}

// elsewhere puts into body, l's search page, the other languages' search
// pages and indexes (site URLs by language, as addSearch made them).
func (e *exporter) elsewhere(body []byte, l lang.Language, pages, indexes map[string]string) ([]byte, error) {
	dir := path.Dir(fileOf(pages[l.Code]))
	tr := e.o.Catalog.For(l.Code)
	var others []otherIndex
	for _, o := range e.o.Languages.All() {
		if o.Code == l.Code || indexes[o.Code] == "" {
			continue
		}
		name := tr.T("lang_" + o.Code)
		others = append(others, otherIndex{Lang: o.Code, Index: relPath(dir, fileOf(indexes[o.Code])),
			Page:  relPath(dir, fileOf(pages[o.Code])),
			Forms: pluralForms(l.Code, func(n int) string { return tr.N("results_in", n, "Language", name) })})
	}
	if len(others) == 0 {
		return body, nil
	}
	js, err := json.Marshal(struct {
		Others []otherIndex `json:"others"`
		Intro  string       `json:"intro"`
	}{others, tr.T("search_elsewhere")})
	if err != nil {
		return nil, err
	}
	// json.Marshal escapes <, > and &, so the block cannot end early.
	block := `<script type="application/json" id="datka-elsewhere">` + string(js) + `</script></head>`
	return bytes.Replace(body, []byte("</head>"), []byte(block), 1), nil
}

// pluralForms returns the text say gives a count in each plural form of
// integers in the language code, with {n} in place of the count.
func pluralForms(code string, say func(n int) string) map[string]string {
	tag := language.Make(code)
	names := map[plural.Form]string{plural.Zero: "zero", plural.One: "one", plural.Two: "two",
		plural.Few: "few", plural.Many: "many", plural.Other: "other"}
	forms := map[string]string{}
	for n := 0; n <= 1000 && len(forms) < len(names); n++ {
		name := names[plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)]
		if _, ok := forms[name]; ok {
			continue
		}
		forms[name] = strings.Replace(say(n), strconv.Itoa(n), "{n}", 1)
	}
	return forms
}
