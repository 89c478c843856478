package site_test

import (
	"context"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/lang"
	"github.com/datka-cms/datka/internal/store"
)

// crawledPage is what the crawler keeps of one HTML page.
type crawledPage struct {
	path      string
	htmlLang  string
	raw       string
	text      string            // visible text
	links     []string          // same-site hrefs and srcs
	hreflang  map[string]string // alternate links by hreflang
	canonical string
	slogans   map[string]string // lang → slogan text in the header
}

// crawl follows every same-site link from the start pages and returns the
// HTML pages by path. Any non-200 answer fails the test.
func crawl(t *testing.T, srv *httptest.Server, start ...string) (map[string]*crawledPage, map[string]int) {
	t.Helper()
	client := srv.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	pages := map[string]*crawledPage{}
	sizes := map[string]int{}
	queue := slices.Clone(start)
	seen := map[string]bool{}
	for _, s := range start {
		seen[s] = true
	}
	for len(queue) > 0 {
		path := queue[0]
		queue = queue[1:]
		resp, err := client.Get(srv.URL + path)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d (broken internal link)", path, resp.StatusCode)
			continue
		}
		sizes[path] = len(body)
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			continue
		}
		p := parsePage(t, path, string(body))
		pages[path] = p
		for _, l := range p.links {
			if !seen[l] {
				seen[l] = true
				queue = append(queue, l)
			}
		}
	}
	return pages, sizes
}

func attr(n *xhtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func parsePage(t *testing.T, path, raw string) *crawledPage {
	t.Helper()
	doc, err := xhtml.Parse(strings.NewReader(raw))
	if err != nil {
		t.Fatalf("%s: parse: %v", path, err)
	}
	p := &crawledPage{path: path, raw: raw, hreflang: map[string]string{}, slogans: map[string]string{}}
	var text strings.Builder
	var walk func(n *xhtml.Node, inSlogans bool)
	walk = func(n *xhtml.Node, inSlogans bool) {
		if n.Type == xhtml.ElementNode {
			switch n.Data {
			case "html":
				p.htmlLang, _ = attr(n, "lang")
			case "script", "style", "head":
				if n.Data == "head" {
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						walk(c, false)
					}
				}
				return
			case "a", "link", "img", "form":
				for _, key := range []string{"href", "src", "action"} {
					v, ok := attr(n, key)
					if !ok {
						continue
					}
					if n.Data == "link" {
						rel, _ := attr(n, "rel")
						switch rel {
						case "alternate":
							hl, _ := attr(n, "hreflang")
							p.hreflang[hl] = v
							continue
						case "canonical":
							p.canonical = v
							continue
						}
					}
					if m, _ := attr(n, "method"); n.Data == "form" && m == "post" {
						continue // forms that change something are not crawled
					}
					u, err := url.Parse(v)
					if err != nil {
						t.Errorf("%s: bad URL %q", path, v)
						continue
					}
					if u.Host == "" && u.Scheme == "" && strings.HasPrefix(u.Path, "/") {
						p.links = append(p.links, u.Path)
					}
				}
			case "div":
				if cls, _ := attr(n, "class"); strings.Contains(cls, "slogans") {
					inSlogans = true
				}
			case "p":
				if inSlogans {
					l, _ := attr(n, "lang")
					var b strings.Builder
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						if c.Type == xhtml.TextNode {
							b.WriteString(c.Data)
						}
					}
					p.slogans[l] = b.String()
				}
			}
			if alt, ok := attr(n, "alt"); ok {
				text.WriteString(" " + alt + " ")
			}
		}
		if n.Type == xhtml.TextNode {
			text.WriteString(n.Data)
			text.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inSlogans)
		}
	}
	walk(doc, false)
	p.text = text.String()
	return p
}

// TestCrawlWholeSite walks the site from each language's home page and
// checks every page it reaches.
func TestCrawlWholeSite(t *testing.T) {
	a := newSite(t, nil)
	srv := httptest.NewServer(a.Handler)
	defer srv.Close()
	pages, sizes := crawl(t, srv, "/ru/", "/ky/", "/en/")

	ctx := context.Background()
	orgs, err := a.Store.Organisations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	settings, err := a.Store.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sitePages, err := a.Store.Pages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var entries int
	for _, typ := range content.EntryTypes() {
		_, n, err := a.Store.Entries(ctx, store.EntryQuery{Type: typ, Langs: []string{"en"}})
		if err != nil {
			t.Fatal(err)
		}
		entries += n
	}
	langs := a.Languages.Codes()
	want := len(langs) * (len(sitePages) + len(orgs) + entries)
	items := 0
	archive := regexp.MustCompile(`/(tag/[^/]+|[0-9]{4})$`)
	for path := range pages {
		if !archive.MatchString(path) && !strings.Contains(path, "?") {
			items++
		}
	}
	if items != want {
		t.Errorf("crawled %d item pages (and %d archives), want %d (every page, organisation and entry in every language)", items, len(pages)-items, want)
	}

	for path, p := range pages {
		code := strings.SplitN(strings.TrimPrefix(path, "/"), "/", 2)[0]
		t.Run(path, func(t *testing.T) {
			if p.htmlLang != code {
				t.Errorf("html lang = %q, want %q", p.htmlLang, code)
			}
			for _, l := range langs {
				if got := p.slogans[l]; got != settings[l].Slogan || got == "" {
					t.Errorf("slogan in %s = %q, want %q", l, got, settings[l].Slogan)
				}
				// A tag is a word of one language: its page exists in that
				// language only and lists itself alone.
				if _, ok := p.hreflang[l]; !ok && (l == code || !strings.Contains(path, "/tag/")) {
					t.Errorf("no hreflang alternate for %s", l)
				}
			}
			if _, ok := p.hreflang["x-default"]; !ok {
				t.Error("no x-default alternate")
			}
			if !strings.HasPrefix(p.canonical, "https://example.org/"+code+"/") {
				t.Errorf("canonical = %q", p.canonical)
			}
			if self := p.hreflang[code]; self != p.canonical {
				t.Errorf("hreflang %s = %q, canonical %q: a page must list itself", code, self, p.canonical)
			}
			if strings.Contains(p.raw, "no value&gt;") || strings.Contains(p.raw, "<no value>") {
				t.Error("an interface string is missing from the catalog")
			}
			if w := lang.MixedScriptWords(p.text); len(w) > 0 {
				t.Errorf("words mixing Latin and Cyrillic letters: %q", w)
			}
			if !strings.Contains(p.raw, settings[code].Disclaimer) && !strings.Contains(p.raw, html.EscapeString(settings[code].Disclaimer)) {
				t.Error("the funding disclaimer is missing from the footer")
			}
			if !strings.Contains(p.raw, `img/eu-emblem.`) {
				t.Error("the EU emblem is missing")
			}
		})
	}

	// Every organisation is there in full, in every language.
	for _, o := range orgs {
		for _, code := range langs {
			text := o.Texts[code]
			var page *crawledPage
			for path, p := range pages {
				// /{lang}/{section}/{slug}: a tag page may share the slug.
				if strings.HasPrefix(path, "/"+code+"/") && strings.HasSuffix(path, "/"+text.Slug) && strings.Count(path, "/") == 3 {
					page = p
				}
			}
			t.Run(fmt.Sprintf("%s in %s", o.Key, code), func(t *testing.T) {
				if page == nil {
					t.Fatalf("no page for %s in %s", o.Key, code)
				}
				must := []string{text.Name, text.WebsiteLabel}
				must = append(must, text.FormerNames...)
				for _, s := range text.Sections {
					must = append(must, s.Heading)
					must = append(must, s.Items...)
				}
				for _, s := range must {
					if !strings.Contains(page.raw, html.EscapeString(s)) {
						t.Errorf("%s lacks %q", page.path, s)
					}
				}
				if o.Website != "" && !strings.Contains(page.raw, `href="`+o.Website+`"`) {
					t.Errorf("%s lacks the link to %s", page.path, o.Website)
				}
			})
		}
	}
	govCount := 0
	for _, o := range orgs {
		if o.Role == content.RoleGovernment {
			govCount++
		}
	}
	if govCount != 5 {
		t.Errorf("%d government bodies, want 5", govCount)
	}

	// The home page's HTML, CSS and JavaScript weigh under 60 kB before
	// compression.
	for _, code := range langs {
		home := pages["/"+code+"/"]
		total := len(home.raw)
		for _, l := range home.links {
			if strings.HasSuffix(l, ".css") || strings.HasSuffix(l, ".js") {
				total += sizes[l]
			}
		}
		if total >= 60_000 {
			t.Errorf("home page in %s weighs %d bytes with its CSS and JS, want under 60 kB", code, total)
		}
		t.Logf("home page in %s: %d bytes of HTML, %d with CSS and JS", code, len(home.raw), total)
	}
}

// TestSwitcherLeadsToTheSameItem follows each language link of deep pages.
func TestSwitcherLeadsToTheSameItem(t *testing.T) {
	a := newSite(t, nil)
	srv := httptest.NewServer(a.Handler)
	defer srv.Close()
	pages, _ := crawl(t, srv, "/ru/gosudarstvennye-organy/ministerstvo-obrazovaniya-i-nauki")
	p := pages["/ru/gosudarstvennye-organy/ministerstvo-obrazovaniya-i-nauki"]
	if p == nil {
		t.Fatal("the Russian page of the Ministry of Education is missing")
	}
	for code, wantName := range map[string]string{
		"ky": "Кыргыз Республикасынын Билим берүү жана илим министрлиги",
		"en": "Ministry of Education and Science of the Kyrgyz Republic",
	} {
		u, _ := url.Parse(p.hreflang[code])
		q := pages[u.Path]
		if q == nil {
			t.Errorf("switcher to %s: %s not reached", code, u.Path)
			continue
		}
		if !strings.Contains(q.raw, "<h1>"+html.EscapeString(wantName)) {
			t.Errorf("switcher to %s leads to %s, which is not the same ministry", code, u.Path)
		}
	}
}
