package site_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/seed"
)

var resultRE = regexp.MustCompile(`(?s)<li>\s*<h2><a href="([^"]+)">(.*?)</a></h2>`)

// results returns the addresses a search page lists.
func results(page string) []string {
	var out []string
	for _, m := range resultRE.FindAllStringSubmatch(page, -1) {
		out = append(out, m[1])
	}
	return out
}

// seedContains reports whether any default text in code contains the word
// exactly as written (case-insensitive), so that a test can show it
// searches for a form that is not there.
func seedContains(code, word string) bool {
	s := seed.Default()
	var texts []string
	for _, p := range s.Pages {
		t := p.Texts[code]
		texts = append(texts, t.Title, t.Summary, t.Body)
	}
	for _, o := range s.Organisations {
		t := o.Texts[code]
		texts = append(texts, t.Name, t.Summary, t.Description, strings.Join(t.FormerNames, " "))
		for _, sec := range t.Sections {
			texts = append(texts, sec.Heading, sec.Intro, strings.Join(sec.Items, " "), sec.Outro)
		}
	}
	for _, e := range s.Entries {
		t := e.Texts[code]
		texts = append(texts, t.Title, t.Summary, t.Body, t.Place, strings.Join(t.Tags, " "))
	}
	re := regexp.MustCompile(`(?i)(^|[^\p{L}])` + regexp.QuoteMeta(word) + `($|[^\p{L}])`)
	return re.MatchString(strings.Join(texts, "\n"))
}

func TestSearchFindsOtherFormsOfTheWord(t *testing.T) {
	a := newSite(t, nil)
	for _, tt := range []struct{ code, query, wantIn string }{
		{"ru", "равенству", "равенств"},
		{"ky", "теңчиликтин", "теңчилик"},
		{"en", "trainings", "training"},
	} {
		if seedContains(tt.code, tt.query) {
			t.Fatalf("the default %s content contains %q itself; the test would prove nothing", tt.code, tt.query)
		}
		path := "/" + tt.code + "/" + sectionSlug(t, a, content.LayoutSearch, tt.code) + "?q=" + url.QueryEscape(tt.query)
		code, page := get(t, a.Handler, path)
		found := results(page)
		if code != http.StatusOK || len(found) == 0 {
			t.Fatalf("GET %s: %d, %d results", path, code, len(found))
		}
		for _, u := range found {
			if !strings.HasPrefix(u, "/"+tt.code+"/") {
				t.Errorf("%s: result %s is not in %s", tt.query, u, tt.code)
			}
		}
		if !strings.Contains(strings.ToLower(page), "<mark>"+tt.wantIn) {
			t.Errorf("%s: no highlighted form of %q in the snippets", tt.query, tt.wantIn)
		}
		t.Logf("%s %q: %d results", tt.code, tt.query, len(found))
	}
}

func TestSearchDetails(t *testing.T) {
	a := newSite(t, nil)
	ctx := context.Background()
	orgs, err := a.Store.Organisations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	search := func(code, q string) string {
		t.Helper()
		path := "/" + code + "/" + sectionSlug(t, a, content.LayoutSearch, code) + "?" + q
		status, page := get(t, a.Handler, path)
		if status != http.StatusOK {
			t.Fatalf("GET %s: %d", path, status)
		}
		return page
	}
	// A ministry is found by a name it no longer carries.
	for _, o := range orgs {
		en := o.Texts["en"]
		if len(en.FormerNames) == 0 {
			continue
		}
		page := search("en", "q="+url.QueryEscape(en.FormerNames[0]))
		hit := false
		for _, u := range results(page) {
			hit = hit || strings.HasSuffix(u, "/"+en.Slug)
		}
		if !hit {
			t.Errorf("searching %q does not find %s", en.FormerNames[0], en.Name)
		}
	}
	// Look-alike letters: a Cyrillic е inside an English word.
	if got := results(search("en", "q=soci%D0%B5ty")); len(got) == 0 {
		t.Error("a query with a Cyrillic е in \"society\" found nothing")
	}
	// The kind filter.
	all := results(search("en", "q=gender"))
	news := results(search("en", "q=gender&kind=news"))
	if len(news) == 0 || len(news) >= len(all) {
		t.Errorf("kind=news narrows %d results to %d", len(all), len(news))
	}
	newsPath := "/en/" + sectionSlug(t, a, content.LayoutNews, "en") + "/"
	for _, u := range news {
		if !strings.HasPrefix(u, newsPath) {
			t.Errorf("kind=news listed %s", u)
		}
	}
	// Every result answers.
	for _, u := range all {
		if code, _ := get(t, a.Handler, u); code != http.StatusOK {
			t.Errorf("result %s: %d", u, code)
		}
	}
	// A word only the Russian texts have: the English page points there.
	page := search("en", "q="+url.QueryEscape("равенство"))
	if len(results(page)) != 0 || !strings.Contains(page, `hreflang="ru"`) || !strings.Contains(page, "Russian: ") {
		t.Error("no pointer to the Russian results when English has none")
	}
}

func TestHostileQueriesNeverFail(t *testing.T) {
	a := newSite(t, nil)
	base := "/ru/" + sectionSlug(t, a, content.LayoutSearch, "ru")
	for _, q := range []string{
		`"`, `""""`, `'`, `*`, `NEAR(a b)`, `a OR b AND NOT c`, `^равенство`, `title:x`, `(((`, `-`, `+`,
		`'; DROP TABLE search_docs; --`, `" OR 1=1 --`, `%`, `_`, `\`, "\x00", "a\x00b", "\xff\xfe",
		strings.Repeat("равенство ", 1000), strings.Repeat("a", 10240), strings.Repeat(`"*(`, 3000),
		"<script>alert(1)</script>", "{{.}}", "ж" + strings.Repeat("\u0301", 500),
	} {
		path := base + "?q=" + url.QueryEscape(q) + "&kind=" + url.QueryEscape(q) + "&page=1"
		code, page := get(t, a.Handler, path)
		if code != http.StatusOK {
			t.Errorf("q=%.40q: status %d", q, code)
		}
		if strings.Contains(page, "<script>alert") {
			t.Errorf("q=%.40q came back unescaped", q)
		}
		if !utf8.ValidString(page) {
			t.Errorf("q=%.40q: the page is not valid UTF-8", q)
		}
	}
}
