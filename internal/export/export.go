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
// search page loads beside search.js. Pages need no JavaScript; only the
// search does.
//
// What a static archive cannot do: the library's filters (the form leads
// to the unfiltered list), the contact form, the display-mode switch, and,
// in the search, pointing to other languages that have results. A query
// word that no indexed text uses is matched by the longest indexed term it
// begins with (index.go), which may find a little more than the live
// search would.
//
// A run is incremental: a manifest in the output folder records each
// file's SHA-256, so that a second run rewrites only the files whose
// content changed and deletes those the site no longer has. Files the
// export did not write are never touched.
package export

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	_ "embed"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/i18n"
	"github.com/datka-cms/datka/internal/lang"
	"github.com/datka-cms/datka/internal/progress"
	"github.com/datka-cms/datka/internal/store"
)

//go:embed search.js
var searchScript []byte

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

// resource is one answer of the site.
type resource struct {
	file string // where it is written, slash-separated, relative to Out
	html bool
	body []byte
	big  outFile // a large answer that is not a page, spooled to disk
}

// exporter holds one run's state.
type exporter struct {
	o          Options
	res        map[string]*resource // by site URL (path, or path?page=N)
	order      []string
	alias      map[string]string // redirecting URL → where it leads
	unresolved map[string]bool
	baseHost   string
	spoolDir   string
}

// Run exports the site.
func Run(ctx context.Context, o Options) (Summary, error) {
	start := time.Now()
	if o.Location == nil {
		o.Location = time.UTC
	}
	e := &exporter{o: o, res: map[string]*resource{}, alias: map[string]string{}, unresolved: map[string]bool{}}
	if u, err := url.Parse(o.BaseURL); err == nil {
		e.baseHost = u.Host
	}
	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return Summary{}, fmt.Errorf("export: %w", err)
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
		}
	}
	if err := e.crawl(ctx, starts); err != nil {
		return Summary{}, err
	}
	if err := e.addSearch(ctx, searchPages); err != nil {
		return Summary{}, err
	}
	files := map[string]outFile{}
	for _, key := range e.order {
		r := e.res[key]
		switch {
		case r.html:
			files[r.file] = memFile(e.rewrite(r.file, r.body))
		case r.big.spool != "":
			files[r.file] = r.big
		default:
			files[r.file] = memFile(r.body)
		}
	}
	files["index.html"] = memFile(rootPage(o.Languages))
	s, err := write(o.Out, files, o.Progress)
	if err != nil {
		return s, err
	}
	for _, r := range e.res {
		if r.html {
			s.Pages++
		}
	}
	for u := range e.unresolved {
		s.Unresolved = append(s.Unresolved, u)
	}
	slices.Sort(s.Unresolved)
	s.Elapsed = time.Since(start)
	return s, nil
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

// get asks the site for one URL.
func (e *exporter) get(ctx context.Context, target string) (*spooler, outFile, error) {
	req := httptest.NewRequestWithContext(ctx, http.MethodGet, "http://export.invalid"+target, nil)
	sp := newSpooler(e.spoolDir)
	e.o.Handler.ServeHTTP(sp, req)
	body, err := sp.finish()
	return sp, body, err
}

// crawl fetches every URL reachable from starts.
func (e *exporter) crawl(ctx context.Context, starts []string) error {
	queue := slices.Clone(starts)
	seen := map[string]bool{}
	for _, s := range starts {
		seen[s] = true
	}
	var broken []string
	w := e.o.Progress
	if w == nil {
		w = io.Discard
	}
	rep := progress.New(w, "crawl", 0)
	defer rep.Done("")
	for len(queue) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		target := queue[0]
		queue = queue[1:]
		resp, out, err := e.get(ctx, target)
		if err != nil {
			return err
		}
		if out.spool != "" && strings.HasPrefix(resp.header.Get("Content-Type"), "text/html") {
			if out.data, err = os.ReadFile(out.spool); err != nil {
				return fmt.Errorf("export: %w", err)
			}
		}
		body := out.data
		rep.Add(1, out.size)
		var next []string
		switch {
		case resp.status >= 300 && resp.status < 400:
			loc, ok := e.local(resp.header.Get("Location"))
			if !ok {
				broken = append(broken, target+" (redirects away)")
				continue
			}
			e.alias[target] = loc
			next = []string{loc}
		case resp.status != http.StatusOK:
			broken = append(broken, fmt.Sprintf("%s (%d)", target, resp.status))
			continue
		default:
			r := &resource{body: body}
			ct := resp.header.Get("Content-Type")
			switch {
			case strings.HasPrefix(ct, "text/html"):
				r.html = true
				r.body = stripPostForms(body)
				next = e.links(r.body)
			case strings.HasSuffix(target, ".xml") || strings.HasSuffix(target, ".atom"):
				next = e.locs(body)
			}
			if !r.html && out.spool != "" {
				r.big = out
			}
			r.file = fileOf(target, r.html)
			e.res[target] = r
			e.order = append(e.order, target)
		}
		for _, n := range next {
			if !seen[n] {
				seen[n] = true
				queue = append(queue, n)
			}
		}
	}
	if len(broken) > 0 {
		return fmt.Errorf("export: %d links lead nowhere: %s", len(broken), strings.Join(broken, ", "))
	}
	return nil
}

// attrRe finds the attributes that hold URLs in the site's HTML, which
// html/template always writes double-quoted.
var attrRe = regexp.MustCompile(`(\s(?:href|src|action|poster|srcset)=")([^"]*)(")`)

// postFormRe finds a form that posts, to its end.
var postFormRe = regexp.MustCompile(`(?s)<form[^>]*\smethod="post"[^>]*>.*?</form>`)

// locRe finds the addresses of a sitemap.
var locRe = regexp.MustCompile(`<loc>([^<]+)</loc>`)

func stripPostForms(b []byte) []byte { return postFormRe.ReplaceAll(b, nil) }

// links returns the same-site URLs a page links to that have a static
// form; the others are noted as unresolved.
func (e *exporter) links(body []byte) []string {
	var out []string
	for _, m := range attrRe.FindAllSubmatch(body, -1) {
		for _, raw := range urlsOf(string(m[1]), html.UnescapeString(string(m[2]))) {
			if u, ok := e.local(raw); ok {
				if exportable(u) {
					out = append(out, u)
				} else {
					e.unresolved[u] = true
				}
			}
		}
	}
	return out
}

// locs returns the same-site URLs of a sitemap or a feed.
func (e *exporter) locs(body []byte) []string {
	var out []string
	for _, m := range locRe.FindAllSubmatch(body, -1) {
		if u, ok := e.local(html.UnescapeString(string(m[1]))); ok && exportable(u) {
			out = append(out, u)
		}
	}
	return out
}

// urlsOf splits an attribute's value into its URLs: one, or a srcset's.
func urlsOf(attr, v string) []string {
	if !strings.Contains(attr, "srcset") {
		return []string{v}
	}
	var out []string
	for _, part := range strings.Split(v, ",") {
		if f := strings.Fields(part); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

// local returns the site URL (path and query, no fragment) of a link that
// stays on the site: root-relative, or absolute on the base URL's host.
func (e *exporter) local(raw string) (string, bool) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", false
	}
	switch {
	case u.Scheme == "" && u.Host == "" && strings.HasPrefix(u.Path, "/"):
	case (u.Scheme == "http" || u.Scheme == "https") && u.Host == e.baseHost && e.baseHost != "":
		if u.Path == "" {
			u.Path = "/"
		}
	default:
		return "", false
	}
	u.RawPath = "" // one spelling per path, however a link escaped it
	s := u.EscapedPath()
	if u.RawQuery != "" {
		s += "?" + u.RawQuery
	}
	return s, true
}

// pageQuery matches the one query a static page can stand for.
var pageQuery = regexp.MustCompile(`^page=[1-9][0-9]*$`)

func exportable(u string) bool {
	_, q, ok := strings.Cut(u, "?")
	return !ok || pageQuery.MatchString(q)
}

// fileOf is the file a site URL is written to.
func fileOf(u string, isHTML bool) string {
	p, q, _ := strings.Cut(u, "?")
	if s, err := url.PathUnescape(p); err == nil {
		p = s
	}
	p = strings.TrimPrefix(path.Clean(p), "/")
	if !isHTML {
		return p
	}
	if q != "" {
		p = path.Join(p, "page", strings.TrimPrefix(q, "page="))
	}
	return strings.TrimPrefix(p+"/index.html", "/")
}

// rewrite makes the links of the page written to file relative to it.
func (e *exporter) rewrite(file string, body []byte) []byte {
	dir := path.Dir(file)
	return attrRe.ReplaceAllFunc(body, func(m []byte) []byte {
		sm := attrRe.FindSubmatch(m)
		attr, v := string(sm[1]), html.UnescapeString(string(sm[2]))
		var parts []string
		if strings.Contains(attr, "srcset") {
			for _, part := range strings.Split(v, ",") {
				f := strings.Fields(part)
				if len(f) > 0 {
					f[0] = e.relative(dir, f[0])
				}
				parts = append(parts, strings.Join(f, " "))
			}
			v = strings.Join(parts, ", ")
		} else {
			v = e.relative(dir, v)
		}
		return []byte(attr + html.EscapeString(v) + `"`)
	})
}

// relative turns a link into one relative to dir, when it leads to a
// file of the export; other links are returned as they are.
func (e *exporter) relative(dir, raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(u.Path, "/") {
		return raw
	}
	key, _ := e.local(raw)
	if to, ok := e.alias[key]; ok {
		key = to
	}
	r, ok := e.res[key]
	if !ok {
		// A link with a query that has no static form (a form's action
		// keeps its path: the form sends its own query).
		p, _, _ := strings.Cut(key, "?")
		if r, ok = e.res[p]; !ok {
			if to, ok2 := e.alias[p]; ok2 {
				r, ok = e.res[to]
			}
		}
		if !ok {
			return raw
		}
	}
	rel := relPath(dir, r.file)
	if u.Fragment != "" {
		rel += "#" + u.EscapedFragment()
	}
	return rel
}

// relPath is the relative URL of file seen from dir (both slash-separated,
// relative to the export's root; dir "." is the root).
func relPath(dir, file string) string {
	var from []string
	if dir != "." && dir != "" {
		from = strings.Split(dir, "/")
	}
	to := strings.Split(file, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	var b strings.Builder
	for range from[i:] {
		b.WriteString("../")
	}
	for j, seg := range to[i:] {
		if j > 0 {
			b.WriteByte('/')
		}
		b.WriteString(url.PathEscape(seg))
	}
	return b.String()
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

// addSearch adds the search indexes and the script, and loads them into
// each language's search page.
func (e *exporter) addSearch(ctx context.Context, searchPages map[string]string) error {
	docs, err := e.o.Store.SearchDocs(ctx)
	if err != nil {
		return err
	}
	pages, err := e.o.Store.Pages(ctx)
	if err != nil {
		return err
	}
	script := e.addFile("/search/search", ".js", searchScript)
	for _, l := range e.o.Languages.All() {
		sp := e.res[searchPages[l.Code]]
		if sp == nil {
			continue
		}
		dir := path.Dir(sp.file)
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
			r := e.res[u]
			if r == nil {
				return ""
			}
			return relPath(dir, r.file)
		}
		var mine []store.SearchDoc
		for _, d := range docs {
			if d.Lang == l.Code {
				mine = append(mine, d)
			}
		}
		ix := buildIndex(l.Code, mine, urlOf, e.o.Catalog.For(l.Code), e.o.Location)
		js, err := json.Marshal(ix)
		if err != nil {
			return err
		}
		data := append([]byte("window.datkaSearch="), js...)
		data = append(data, ";\n"...)
		index := e.addFile("/search/"+l.Code, ".js", data)
		tags := `<script src="` + index + `" defer></script><script src="` + script + `" defer></script></head>`
		sp.body = bytes.Replace(sp.body, []byte("</head>"), []byte(tags), 1)
		// Without the script the form leads back to this page: say why.
		note := `</form><noscript><p class="notice" role="note">` + html.EscapeString(e.o.Catalog.For(l.Code).T("search_needs_script")) + `</p></noscript>`
		if i := bytes.Index(sp.body, []byte(`<form class="search-form"`)); i >= 0 {
			if j := bytes.Index(sp.body[i:], []byte("</form>")); j >= 0 {
				sp.body = slices.Concat(sp.body[:i+j], []byte(note), sp.body[i+j+len("</form>"):])
			}
		}
	}
	return nil
}

// addFile adds a file named by its content, as the site names its
// assets, and returns its site URL.
func (e *exporter) addFile(name, ext string, data []byte) string {
	sum := sha256.Sum256(data)
	u := name + "." + hex.EncodeToString(sum[:5]) + ext
	e.res[u] = &resource{file: strings.TrimPrefix(u, "/"), body: data}
	e.order = append(e.order, u)
	return u
}

// manifest is what an earlier run wrote: file → SHA-256.
type manifest map[string]string

// write writes files into out, skipping those an earlier run wrote with
// the same content, and deletes those it wrote that are gone.
func write(out string, files map[string]outFile, w io.Writer) (Summary, error) {
	var s Summary
	if err := os.MkdirAll(out, 0o755); err != nil {
		return s, fmt.Errorf("export: %w", err)
	}
	old := manifest{}
	if b, err := os.ReadFile(filepath.Join(out, ManifestName)); err == nil {
		if err := json.Unmarshal(b, &old); err != nil {
			return s, fmt.Errorf("export: %s: %w", ManifestName, err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return s, fmt.Errorf("export: %w", err)
	}
	if w == nil {
		w = io.Discard
	}
	rep := progress.New(w, "export", int64(len(files)))
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	now := manifest{}
	for _, name := range names {
		f := files[name]
		now[name] = f.sum
		dst := filepath.Join(out, filepath.FromSlash(name))
		if old[name] == f.sum {
			if fi, err := os.Stat(dst); err == nil && fi.Size() == f.size {
				s.Unchanged++
				rep.Add(1, f.size)
				continue
			}
		}
		var err error
		if f.spool != "" {
			err = moveFile(f.spool, dst)
		} else {
			err = writeFile(dst, f.data)
		}
		if err != nil {
			return s, err
		}
		s.Written++
		rep.Add(1, f.size)
	}
	for name := range old {
		if _, ok := now[name]; ok {
			continue
		}
		dst := filepath.Join(out, filepath.FromSlash(name))
		if err := os.Remove(dst); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return s, fmt.Errorf("export: %w", err)
		}
		s.Deleted++
		// Empty folders left behind go too; a folder with other files stays.
		for d := filepath.Dir(dst); d != filepath.Clean(out) && os.Remove(d) == nil; d = filepath.Dir(d) {
		}
	}
	b, err := json.MarshalIndent(now, "", " ")
	if err != nil {
		return s, err
	}
	if err := writeFile(filepath.Join(out, ManifestName), b); err != nil {
		return s, err
	}
	s.Files = len(files)
	for _, f := range files {
		s.Bytes += f.size
	}
	s.Report = rep.Done(strconv.Itoa(s.Written) + " written, " + strconv.Itoa(s.Unchanged) + " unchanged, " + strconv.Itoa(s.Deleted) + " deleted")
	return s, nil
}

// moveFile moves a spooled answer into place.
func moveFile(spool, name string) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := os.Chmod(spool, 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := os.Rename(spool, name); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// writeFile writes data to a temporary file beside name and renames it,
// so that a reader of the archive never sees half a file.
func writeFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return fmt.Errorf("export: %w", err)
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("export: %w", err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("export: %w", err)
	}
	if err := os.Rename(f.Name(), name); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("export: %w", err)
	}
	return nil
}
