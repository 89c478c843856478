package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/datka-cms/datka/bench/internal/corpus"
	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/store"
)

// hugoPage is one Markdown file of the Hugo site: its front matter and
// body.
type hugoPage struct {
	Title, Slug, Summary, Key string
	Date                      time.Time
	Tags                      []string
	Menu                      bool // in the main menu
	Weight                    int
	Body                      string
}

// markdown is p's TOML front matter and body. Strings are TOML
// basic strings: quotes, backslashes and control characters escaped, so
// that a title with a colon or a quote stays one string.
func (p hugoPage) markdown() string {
	var b strings.Builder
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "title = %s\n", tomlString(p.Title))
	if !p.Date.IsZero() {
		fmt.Fprintf(&b, "date = %s\n", p.Date.UTC().Format(time.RFC3339))
	}
	if p.Slug != "" {
		fmt.Fprintf(&b, "slug = %s\n", tomlString(p.Slug))
	}
	if p.Key != "" {
		fmt.Fprintf(&b, "translationKey = %s\n", tomlString(p.Key))
	}
	if p.Summary != "" {
		fmt.Fprintf(&b, "summary = %s\n", tomlString(p.Summary))
	}
	tags := make([]string, len(p.Tags))
	for i, t := range p.Tags {
		tags[i] = tomlString(t)
	}
	fmt.Fprintf(&b, "tags = [%s]\n", strings.Join(tags, ", "))
	if p.Menu {
		fmt.Fprintf(&b, "menu = \"main\"\nweight = %d\n", p.Weight)
	}
	b.WriteString("+++\n")
	b.WriteString(p.Body)
	if !strings.HasSuffix(p.Body, "\n") {
		b.WriteByte('\n')
	}
	return b.String()
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == utf8.RuneError:
			b.WriteString(`\uFFFD`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// hugoSite is what writeHugoSite wrote.
type hugoSite struct {
	Items, Pages int // Markdown files of news items and of other pages
}

// writeHugoSite writes the content of the datka site in st as a Hugo
// project in dir: a config with ru, ky and en, each with its own content
// folder; every published news item in each language as
// content/LANG/NEWS/SLUG.md (NEWS being datka's news page slug in that
// language, so that the paths match datka's), every other page of the
// site as content/LANG/SLUG.md in the main menu; and the templates.
func writeHugoSite(ctx context.Context, st *store.Store, dir, baseURL string, listPaths map[string]string) (hugoSite, error) {
	var s hugoSite
	if err := writeFiles(dir, hugoTheme); err != nil {
		return s, err
	}
	var cfg strings.Builder
	fmt.Fprintf(&cfg, hugoConfig, tomlString(baseURL))
	for i, code := range corpus.Langs {
		fmt.Fprintf(&cfg, "\n[languages.%s]\nlanguageName = %s\nweight = %d\ncontentDir = \"content/%s\"\ntitle = %s\n",
			code, tomlString(languageNames[code]), i+1, code, tomlString(siteTitles[code]))
	}
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(cfg.String()), 0o644); err != nil {
		return s, err
	}
	newsDir := map[string]string{}
	for _, code := range corpus.Langs {
		p := listPaths[code]
		newsDir[code] = p[strings.LastIndexByte(p, '/')+1:]
	}
	pages, err := st.Pages(ctx)
	if err != nil {
		return s, err
	}
	for _, p := range pages {
		for _, code := range corpus.Langs {
			t, ok := p.Texts[code]
			if !ok || t.Status != content.StatusPublished || t.Slug == "" {
				continue
			}
			hp := hugoPage{Title: t.Title, Summary: t.Summary, Key: "page-" + strconv.FormatInt(p.ID, 10), Body: t.Body,
				Menu: p.InMenu, Weight: p.Position + 1}
			name := filepath.Join("content", code, t.Slug+".md")
			if p.Layout == content.LayoutNews {
				// The news list is the news section's own page.
				name = filepath.Join("content", code, newsDir[code], "_index.md")
			}
			if err := writeFile(filepath.Join(dir, name), hp.markdown()); err != nil {
				return s, err
			}
			s.Pages++
		}
	}
	for _, code := range corpus.Langs {
		for offset := 0; ; offset += 1000 {
			entries, total, err := st.Entries(ctx, store.EntryQuery{Type: content.EntryNews, Langs: []string{code}, Limit: 1000, Offset: offset, Now: time.Now()})
			if err != nil {
				return s, err
			}
			for _, e := range entries {
				t, ok := e.Texts[code]
				if !ok {
					continue
				}
				hp := hugoPage{Title: t.Title, Date: e.Date, Slug: t.Slug, Summary: t.Summary, Tags: t.Tags,
					Key: "entry-" + strconv.FormatInt(e.ID, 10), Body: t.Body}
				if err := writeFile(filepath.Join(dir, "content", code, newsDir[code], t.Slug+".md"), hp.markdown()); err != nil {
					return s, err
				}
				s.Items++
			}
			if offset+1000 >= total {
				break
			}
		}
	}
	return s, nil
}

func writeFile(name, text string) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, []byte(text), 0o644)
}

func writeFiles(dir string, files map[string]string) error {
	for name, text := range files {
		if err := writeFile(filepath.Join(dir, name), text); err != nil {
			return err
		}
	}
	return nil
}

var languageNames = map[string]string{"ru": "Русский", "ky": "Кыргызча", "en": "English"}

var siteTitles = map[string]string{"ru": "Datka", "ky": "Datka", "en": "Datka"}

// hugoConfig is the site's configuration but its languages. Lists show
// ten items a page, as datka's do; links are relative, as in datka's
// export; feeds are made for the home page and the news section, pages
// and a sitemap for the tags.
const hugoConfig = `baseURL = %s
defaultContentLanguage = "ru"
defaultContentLanguageInSubdir = true
paginate = 10
relativeURLs = true
disableKinds = []
enableRobotsTXT = false

[taxonomies]
tag = "tags"

[outputs]
home = ["HTML", "RSS"]
section = ["HTML", "RSS"]
taxonomy = ["HTML"]
term = ["HTML"]
page = ["HTML"]

[markup.goldmark.renderer]
unsafe = false
`

// hugoTheme is the site's layouts: a base with the header (site name,
// menu, language links) and footer, and the home, list, single and
// taxonomy pages. Feeds and the sitemap are Hugo's built-in templates.
var hugoTheme = map[string]string{
	"layouts/_default/baseof.html": `<!doctype html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} — {{ end }}{{ .Site.Title }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}{{ with .Site.Home.OutputFormats.Get "RSS" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
<link rel="stylesheet" href="{{ "site.css" | relURL }}">
</head>
<body>
<header>
<a class="brand" href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav><ul>{{ range .Site.Menus.main }}<li><a href="{{ .URL }}">{{ .Name }}</a></li>{{ end }}</ul></nav>
<ul class="langs">{{ range .AllTranslations }}<li><a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}" lang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a></li>{{ end }}</ul>
</header>
<main>{{ block "main" . }}{{ end }}</main>
<footer><p>© {{ now.Year }} {{ .Site.Title }}</p></footer>
</body>
</html>
`,
	"layouts/index.html": `{{ define "main" }}<h1>{{ .Site.Title }}</h1>
{{ .Content }}
<section><h2>News</h2><ul class="entries">
{{ range first 10 (where .Site.RegularPages "Section" "!=" "") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 Jan 2006" }}</time><p>{{ .Summary }}</p></li>
{{ end }}</ul></section>
{{ end }}`,
	"layouts/_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul class="entries">
{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 Jan 2006" }}</time><p>{{ .Summary }}</p></li>
{{ end }}</ul>
{{ template "_internal/pagination.html" . }}
{{ end }}`,
	"layouts/_default/single.html": `{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
{{ if not .Date.IsZero }}<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>{{ end }}
{{ .Content }}
{{ with .GetTerms "tags" }}<ul class="tags">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
</article>
{{ end }}`,
	"layouts/_default/terms.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}`,
	"static/site.css": "body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:1rem}nav ul,.langs{list-style:none;display:flex;gap:1rem;padding:0}\n",
}
