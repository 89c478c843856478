// Package export freezes a datka site into static files that any web
// host, or a browser opening them from disk, serves for ever.
//
// The pages are made by the same handlers that serve the live site: Run
// crawls the whole site's http.Handler in process, from each language's
// home page, feed and the sitemap, following every same-site link, and
// writes each answer to a file: a page at /ru/news as ru/news/index.html,
// the second page of a list (/ru/news?page=2) as ru/news/page/2/index.html,
// an asset, a feed or a media file under its own name. Links are rewritten
// to be relative to the page that holds them and to name index.html, so
// that the archive works from any folder of any host and from file://.
// Forms that post (the contact form, the display-mode switch) cannot work
// without a server and are left out; canonical and hreflang links stay
// absolute, on the base URL.
//
// Search keeps working with a small script: the export builds, with the
// live search's analysers, an index per language (index.go) that the
// search page loads beside search.js. The library's filters work alike
// (library.go): the cards of a library list, with the filter values of
// each, go into a script that library.js filters. Both show ten to a
// page with pager.js, the live pager. Pages need no JavaScript; only the
// search and the filters do.
//
// What a static archive cannot do: the contact form and the display-mode
// switch. When a query finds nothing, the search names the other languages
// where it finds something, as the live one does (elsewhere.go). A query
// word that no indexed text uses is matched by the longest indexed term it
// begins with (index.go), which may find a little more than the live
// search would.
//
// The crawl runs as many workers as there are processors, and each page
// is rewritten and written out as soon as it is rendered, so that memory
// holds the site's addresses rather than its pages. Links are made
// relative before the pages they lead to are fetched: where an address
// is written is known from its shape (links.go, isPage). An address that
// turns out to redirect gets a small page that leads on; the search
// indexes are built alongside the crawl, and the search pages are written
// last, once the indexes are.
//
// A run is incremental: a manifest in the output folder records each
// file's SHA-256, so that a second run rewrites only the files whose
// content changed and deletes those the site no longer has. Files the
// export did not write are never touched. A run that fails leaves the
// files it finished (each written whole, under a temporary name first)
// and the earlier run's manifest, so the next run checks them again.
package export

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	_ "embed"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/i18n"
	"github.com/datka-cms/datka/internal/lang"
	"github.com/datka-cms/datka/internal/store"
)

//go:embed search.js
var searchScript []byte

//go:embed pager.js
var pagerScript []byte

// perPage is how many results or materials a page of the archive's search
// and filtered library shows, as the live lists do.
const perPage = 10

// pagerLabels are the live pager's words, for pager.js.
type pagerLabels struct {
	Label string `json:"label"`
	Prev  string `json:"prev"`
	Next  string `json:"next"`
}

func pagerFor(tr *i18n.Translator) *pagerLabels {
	return &pagerLabels{Label: tr.T("pager"), Prev: tr.T("pager_prev"), Next: tr.T("pager_next")}
}

// pager writes pager.js, once, and returns its site URL.
func (e *exporter) pager() (string, error) {
	if e.pagerURL == "" {
		u, err := e.addFile("/static/pager", ".js", pagerScript)
		if err != nil {
			return "", err
		}
		e.pagerURL = u
	}
	return e.pagerURL, nil
}

// ManifestName is the file in the output folder that lists what the
// export wrote, with checksums.
const ManifestName = ".datka-export.json"

// Options is what an export needs.
type Options struct {
	// Handler is the whole site, as app.Open builds it.
	Handler   http.Handler
	Store     *store.Store
	Languages *lang.Set
	Catalog   *i18n.Catalog
	Location  *time.Location
	// BaseURL is the site's public address, with which its canonical
	// links, feeds and sitemap are written.
	BaseURL string
	// Out is the output folder; it is created if needed.
	Out string
	// Progress, if set, receives the progress and the summary.
	Progress io.Writer
}

// Summary says what a run did.
type Summary struct {
	Files     int // files in the export
	Pages     int // HTML pages among them
	Written   int // files written, new or changed
	Unchanged int
	Deleted   int // files of an earlier run the site no longer has
	Bytes     int64
	Elapsed   time.Duration
	// Unresolved lists the links left as they were, because they lead to
	// what has no static form (a search with its query, a filtered list).
	Unresolved []string
	// Report is the progress reporter's summary line.
	Report string
}

// exporter holds one run's state. The crawl's coordinator alone changes
// the maps; the workers read only o, baseHost, spoolDir and searchPage.
type exporter struct {
	o          Options
	w          *writer
	baseHost   string
	basePath   string // the base URL's folder, without a trailing slash
	spoolDir   string
	searchPage map[string]bool     // the search pages' URLs
	files      map[string]string   // file written → the URL it holds
	held       map[string][]byte   // search pages, by URL, until addSearch
	libraries  map[string]*library // library lists, by path, until addLibraries
	alias      map[string]string   // redirecting URL → where it leads
	unresolved map[string]bool
	pages      int
	pagerURL   string // pager.js, once written
}

// Run exports the site.
func Run(ctx context.Context, o Options) (Summary, error) {
	start := time.Now()
	if o.Location == nil {
		o.Location = time.UTC
	}
	w, err := newWriter(o.Out, o.Progress)
	if err != nil {
		return Summary{}, err
	}
	e := &exporter{o: o, w: w, searchPage: map[string]bool{}, files: map[string]string{}, held: map[string][]byte{},
		libraries: map[string]*library{}, alias: map[string]string{}, unresolved: map[string]bool{}}
	if u, err := url.Parse(o.BaseURL); err == nil {
		e.baseHost, e.basePath = u.Host, strings.TrimSuffix(u.Path, "/")
	}
	spoolDir, err := os.MkdirTemp(o.Out, ".spool-")
	if err != nil {
		return Summary{}, fmt.Errorf("export: %w", err)
	}
	defer os.RemoveAll(spoolDir)
	e.spoolDir = spoolDir
	searchPages, err := e.searchPages(ctx)
	if err != nil {
		return Summary{}, err
	}
	starts := []string{"/sitemap.xml", "/robots.txt"}
	for _, l := range o.Languages.All() {
		starts = append(starts, "/"+l.Code+"/", "/"+l.Code+"/feed.atom")
		if p := searchPages[l.Code]; p != "" {
			starts = append(starts, p)
			e.searchPage[p] = true
		}
	}
	// The search indexes are built while the pages are rendered: where
	// each page will be written is known from its address.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	indexes := make(chan indexResult, 1)
	go func() { indexes <- e.buildIndexes(ctx, searchPages) }()
	crawlErr := e.crawl(ctx, starts)
	if crawlErr != nil {
		cancel()
	}
	ix := <-indexes
	if crawlErr != nil {
		return Summary{}, crawlErr
	}
	if ix.err != nil {
		return Summary{}, ix.err
	}
	if err := e.addSearch(ctx, ix, searchPages); err != nil {
		return Summary{}, err
	}
	if err := e.addLibraries(); err != nil {
		return Summary{}, err
	}
	if err := e.writeRedirects(); err != nil {
		return Summary{}, err
	}
	if err := e.addNotFound(ctx); err != nil {
		return Summary{}, err
	}
	if !e.w.has("index.html") {
		if err := e.w.put("index.html", memFile(rootPage(o.Languages))); err != nil {
			return Summary{}, err
		}
	}
	s, err := e.w.finish()
	if err != nil {
		return s, err
	}
	s.Pages = e.pages
	for u := range e.unresolved {
		s.Unresolved = append(s.Unresolved, u)
	}
	slices.Sort(s.Unresolved)
	s.Elapsed = time.Since(start)
	return s, nil
}

// notFoundProbe is an address no site has, asked for the not-found page.
const notFoundProbe = "datka-export-no-such-page"

// addNotFound writes 404.html, the page that static hosts (GitHub Pages,
// Netlify, nginx's error_page) send for an address the archive lacks, in
// the default language. It is sent at any depth, so its links are
// absolute, on the base URL; it works where the archive is served at the
// base URL.
func (e *exporter) addNotFound(ctx context.Context) error {
	target := "/" + e.o.Languages.Default().Code + "/" + notFoundProbe
	req := httptest.NewRequestWithContext(ctx, http.MethodGet, "http://export.invalid"+target, nil)
	sp := newSpooler(e.spoolDir)
	e.o.Handler.ServeHTTP(sp, req)
	out, err := sp.finish()
	if out.spool != "" {
		os.Remove(out.spool)
	}
	if err != nil {
		return err
	}
	if sp.status != http.StatusNotFound || !strings.HasPrefix(sp.header.Get("Content-Type"), "text/html") || out.spool != "" {
		return nil
	}
	base := strings.TrimSuffix(e.o.BaseURL, "/") + "/"
	var r fetched
	body := e.rewritePage(stripPostForms(out.data), map[string]link{}, &r, func(file string) string {
		return base + relPath(".", file)
	})
	e.files["404.html"] = target
	return e.w.put("404.html", memFile(body))
}

// writeRedirects writes, for each address of the site that redirects and
// whose file the archive does not already hold, a page that leads on to
// where the site sends it: links to such an address are written before
// the crawl learns that it redirects.
func (e *exporter) writeRedirects() error {
	for from := range e.alias {
		to, hops := from, 0
		for {
			next, ok := e.alias[to]
			if !ok || hops > 10 {
				break
			}
			to, hops = next, hops+1
		}
		_, ok := e.files[fileOf(to)]
		if !ok || !isPage(from) || fileOf(from) == fileOf(to) || e.w.has(fileOf(from)) || from == "/" {
			continue
		}
		file := fileOf(from)
		rel := html.EscapeString(relPath(path.Dir(file), fileOf(to)))
		page := `<!doctype html>
<html><head><meta charset="utf-8"><meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=` + rel + `">
<link rel="canonical" href="` + html.EscapeString(strings.TrimSuffix(e.o.BaseURL, "/")+to) + `">
<title>` + rel + `</title></head>
<body><p><a href="` + rel + `">` + rel + `</a></p></body></html>
`
		if err := e.w.put(file, memFile([]byte(page))); err != nil {
			return err
		}
		e.files[file] = from
	}
	return nil
}

// searchPages finds the path of the search page in each language.
func (e *exporter) searchPages(ctx context.Context) (map[string]string, error) {
	pages, err := e.o.Store.Pages(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, p := range pages {
		if p.Layout != content.LayoutSearch {
			continue
		}
		for _, l := range e.o.Languages.All() {
			if path := pagePath(p, l); path != "" {
				out[l.Code] = path
			}
		}
	}
	return out, nil
}

// pagePath is the path of a page in language l, as the site links it: the
// slug of its own text, or of the first published one along l's fallback
// chain.
func pagePath(p content.Page, l lang.Language) string {
	for _, code := range append([]string{l.Code}, l.Fallbacks...) {
		if t, ok := p.Texts[code]; ok && t.Published() {
			if p.Layout == content.LayoutHome {
				return "/" + l.Code + "/"
			}
			return "/" + l.Code + "/" + t.Slug
		}
	}
	return ""
}

// rootPage is the archive's index.html: the live site picks the reader's
// language at /, a static host cannot, so it leads to the default one and
// lists the others.
func rootPage(langs *lang.Set) []byte {
	def := langs.Default().Code
	var b strings.Builder
	b.WriteString(`<!doctype html>
<html lang="` + def + `"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0; url=` + def + `/index.html">
<title>` + html.EscapeString(langs.Default().Name) + `</title></head>
<body><ul>
`)
	for _, l := range langs.All() {
		b.WriteString(`<li><a href="` + l.Code + `/index.html" hreflang="` + l.Code + `" lang="` + l.Code + `">` + html.EscapeString(l.Name) + "</a></li>\n")
	}
	b.WriteString("</ul></body></html>\n")
	return []byte(b.String())
}

// langIndex is the search index of one language and the site URLs of
// its docs.
type langIndex struct {
	ix   *searchIndex
	urls []string
}

type indexResult struct {
	byLang map[string]langIndex
	err    error
}

// buildIndexes builds each language's search index, a language to a
// goroutine, with the files the pages will be written to.
func (e *exporter) buildIndexes(ctx context.Context, searchPages map[string]string) indexResult {
	var r indexResult
	docs, pages, err := e.searchDocs(ctx)
	if err != nil {
		r.err = err
		return r
	}
	r.byLang = map[string]langIndex{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, l := range e.o.Languages.All() {
		if searchPages[l.Code] == "" {
			continue
		}
		mine := docs[l.Code]
		delete(docs, l.Code) // the texts go once this language's index is built
		wg.Go(func() {
			li := e.buildIndex(l, searchPages[l.Code], mine, pages, nil)
			mu.Lock()
			r.byLang[l.Code] = li
			mu.Unlock()
		})
	}
	wg.Wait()
	return r
}

// searchDocs reads what the search indexes are made of: the docs, by
// language, and the pages (their paths lead to nested docs).
func (e *exporter) searchDocs(ctx context.Context) (map[string][]store.SearchDoc, []content.Page, error) {
	all, err := e.o.Store.SearchDocs(ctx)
	if err != nil {
		return nil, nil, err
	}
	pages, err := e.o.Store.Pages(ctx)
	if err != nil {
		return nil, nil, err
	}
	docs := map[string][]store.SearchDoc{}
	for _, d := range all {
		docs[d.Lang] = append(docs[d.Lang], d)
	}
	return docs, pages, nil
}

// buildIndex builds l's index, from its docs, for the search page at
// searchPage; when have is set, only docs whose file it holds are indexed.
func (e *exporter) buildIndex(l lang.Language, searchPage string, docs []store.SearchDoc, pages []content.Page, have map[string]string) langIndex {
	var li langIndex
	dir := path.Dir(fileOf(searchPage))
	urlOf := func(h store.SearchHit) string {
		u := ""
		switch {
		case h.Kind == store.KindPage && h.Slug == "":
			u = "/" + l.Code + "/"
		case h.Parent == "":
			u = "/" + l.Code + "/" + h.Slug
		default:
			for _, p := range pages {
				if string(p.Layout) == h.Parent {
					if base := pagePath(p, l); base != "" {
						u = base + "/" + h.Slug
					}
				}
			}
		}
		if u == "" {
			return ""
		}
		if _, ok := have[fileOf(u)]; have != nil && !ok {
			return ""
		}
		li.urls = append(li.urls, u)
		return relPath(dir, fileOf(u))
	}
	li.ix = buildIndex(l.Code, docs, urlOf, e.o.Catalog.For(l.Code), e.o.Location)
	return li
}

// addSearch writes the search indexes and the script, and the search
// pages, which load them.
func (e *exporter) addSearch(ctx context.Context, r indexResult, searchPages map[string]string) error {
	script, err := e.addFile("/search/search", ".js", searchScript)
	if err != nil {
		return err
	}
	pager, err := e.pager()
	if err != nil {
		return err
	}
	// First every language's index, so that each search page can name
	// the others' (elsewhere.go).
	indexes := map[string]string{}
	for _, l := range e.o.Languages.All() {
		u := searchPages[l.Code]
		if _, ok := e.held[u]; !ok {
			continue
		}
		li := r.byLang[l.Code]
		// A doc whose page the crawl did not find (which the site does not
		// link) is left out, as the live search's link would lead nowhere.
		for _, d := range li.urls {
			if _, ok := e.files[fileOf(d)]; !ok {
				docs, pages, err := e.searchDocs(ctx)
				if err != nil {
					return err
				}
				li = e.buildIndex(l, u, docs[l.Code], pages, e.files)
				break
			}
		}
		li.ix.Per, li.ix.Pager = perPage, pagerFor(e.o.Catalog.For(l.Code))
		js, err := json.Marshal(li.ix)
		if err != nil {
			return err
		}
		data := append([]byte("window.datkaSearch="), js...)
		data = append(data, ";\n"...)
		if indexes[l.Code], err = e.addFile("/search/"+l.Code, ".js", data); err != nil {
			return err
		}
	}
	for _, l := range e.o.Languages.All() {
		u, index := searchPages[l.Code], indexes[l.Code]
		if index == "" {
			continue
		}
		body, err := e.elsewhere(e.held[u], l, searchPages, indexes)
		if err != nil {
			return err
		}
		// Without the script the form leads back to this page: say why.
		body = withScripts(body, path.Dir(fileOf(u)), []string{index, pager, script},
			[]byte(`<form class="search-form"`), e.o.Catalog.For(l.Code).T("search_needs_script"))
		if err := e.w.put(fileOf(u), memFile(body)); err != nil {
			return err
		}
	}
	return nil
}

// withScripts makes a page held back from the crawl (in dir) load the
// scripts (site URLs) that make its form work, and puts after the form
// that opens with form a note, for readers without JavaScript, of why it
// does nothing for them.
func withScripts(body []byte, dir string, scripts []string, form []byte, note string) []byte {
	var tags strings.Builder
	for _, s := range scripts {
		tags.WriteString(`<script src="` + html.EscapeString(relPath(dir, fileOf(s))) + `" defer></script>`)
	}
	tags.WriteString("</head>")
	body = bytes.Replace(body, []byte("</head>"), []byte(tags.String()), 1)
	if i := bytes.Index(body, form); i >= 0 {
		if j := bytes.Index(body[i:], []byte("</form>")); j >= 0 {
			tail := `</form><noscript><p class="notice" role="note">` + html.EscapeString(note) + `</p></noscript>`
			body = slices.Concat(body[:i+j], []byte(tail), body[i+j+len("</form>"):])
		}
	}
	return body
}

// addFile writes a file named by its content, as the site names its
// assets, and returns its site URL.
func (e *exporter) addFile(name, ext string, data []byte) (string, error) {
	sum := sha256.Sum256(data)
	u := name + "." + hex.EncodeToString(sum[:5]) + ext
	e.files[fileOf(u)] = u
	return u, e.w.put(fileOf(u), memFile(data))
}
