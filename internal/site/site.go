// Package site serves the public website: one handler per kind of page,
// all reached through the route table in Routes. Every page is rendered
// from typed view structs into a buffer before a byte is sent, so that an
// error never leaves half a page, and so that the ETag can be computed.
//
// Languages: every page lives under its language prefix. When an item has
// no published text in the requested language, the site shows the text of
// the first language in that language's fallback chain, with a notice in
// the reader's language and the right lang attribute on the borrowed text;
// its URL keeps the fallback text's slug, and it has no hreflang alternate
// of its own.
package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/i18n"
	"github.com/datka-cms/datka/internal/lang"
	"github.com/datka-cms/datka/internal/markup"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/web"
)

// Cookie names. Both are preferences, not secrets.
const (
	langCookie = "datka_lang"
	viCookie   = "datka_vi"
)

// Config is what the site needs from the outside.
type Config struct {
	Store     *store.Store
	Languages *lang.Set
	Catalog   *i18n.Catalog
	Theme     fs.FS
	Log       *slog.Logger
	// BaseURL is the public address of the site, without a trailing slash
	// ("https://hero.kg"); canonical and hreflang links are absolute.
	BaseURL string
	// PageCacheBytes bounds the rendered-page cache; 0 turns it off.
	PageCacheBytes int
	// Metrics, when set, counts page-cache hits and misses.
	Metrics *web.Metrics
	// Location is the site's time zone, in which dates are shown and
	// archives are cut into years; nil means UTC.
	Location *time.Location
	// ContactTo, when set, is the team's address: every message from the
	// contact form queues a notification mail to it. MailQueued is
	// called after one was queued.
	ContactTo  string
	MailQueued func()
	// KeepMessagesDays is how long messages are kept, as the form tells
	// its readers; 0 means 365.
	KeepMessagesDays int
}

// handler holds the dependencies of every public handler.
type handler struct {
	st      *store.Store
	langs   *lang.Set
	cat     *i18n.Catalog
	md      *markup.Renderer
	assets  *web.Assets
	tpl     map[string]*template.Template
	log     *slog.Logger
	baseURL string
	cache   *pageCache
	memo    derived
	// renderSlots bounds the pages rendered at once.
	renderSlots chan struct{}
	metrics     *web.Metrics
	loc         *time.Location
	// now is the clock, for upcoming and past events.
	now     func() time.Time
	contact *contactForms
	// keepMessagesDays is what the contact form promises about deletion.
	keepMessagesDays int
}

// templates are the page templates; each is parsed with layout.html.
var templateNames = []string{"home", "page", "partners", "government", "contacts", "organisation", "notfound",
	"entries", "entry", "library", "search"}

// New parses the theme's templates and loads its assets. It fails on any
// template error, so that a broken theme stops the server at start-up.
func New(cfg Config) (http.Handler, error) {
	static, err := fs.Sub(cfg.Theme, "static")
	if err != nil {
		return nil, fmt.Errorf("site: theme: %w", err)
	}
	assets, err := web.LoadAssets(static, "/static")
	if err != nil {
		return nil, err
	}
	h := &handler{
		st:          cfg.Store,
		langs:       cfg.Languages,
		cat:         cfg.Catalog,
		md:          markup.New(),
		assets:      assets,
		tpl:         map[string]*template.Template{},
		log:         cfg.Log,
		baseURL:     strings.TrimSuffix(cfg.BaseURL, "/"),
		metrics:     cfg.Metrics,
		renderSlots: make(chan struct{}, max(2, runtime.GOMAXPROCS(0))),
		loc:         cfg.Location,
		now:         time.Now,
		contact:     newContactForms(cfg.Store, cfg.ContactTo, cfg.MailQueued),
	}
	if h.loc == nil {
		h.loc = time.UTC
	}
	h.keepMessagesDays = cfg.KeepMessagesDays
	if h.keepMessagesDays <= 0 {
		h.keepMessagesDays = 365
	}
	if cfg.PageCacheBytes > 0 {
		h.cache = newPageCache(cfg.PageCacheBytes)
	}
	funcs := template.FuncMap{"asset": assets.URL}
	layout, err := template.New("layout.html").Funcs(funcs).ParseFS(cfg.Theme, "templates/layout.html")
	if err != nil {
		return nil, fmt.Errorf("site: templates: %w", err)
	}
	for _, name := range templateNames {
		t, err := template.Must(layout.Clone()).ParseFS(cfg.Theme, "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("site: templates: %w", err)
		}
		h.tpl[name] = t
	}
	return h.routes(), nil
}

// routes is the route table of the public site.
func (h *handler) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", h.root)
	for _, l := range h.langs.All() {
		mux.HandleFunc("GET /"+l.Code+"/{path...}", h.localised)
		mux.HandleFunc("POST /"+l.Code+"/{path...}", h.contactPost) // the contact form (contact.go)
		mux.HandleFunc("GET /"+l.Code, h.addSlash)
		mux.HandleFunc("GET /"+l.Code+"/feed.atom", h.feed)
	}
	mux.HandleFunc("GET /sitemap.xml", h.sitemap)
	mux.Handle("GET /static/", h.assets)
	mux.HandleFunc("POST /prefs/vision", h.vision)
	mux.HandleFunc("GET /healthz", h.healthz)
	mux.HandleFunc("GET /readyz", h.readyz)
	mux.HandleFunc("GET /robots.txt", h.robots)
	mux.HandleFunc("/", h.notFound)
	return mux
}

// pageBufferBytes is room for a typical page (the theme's pages weigh
// 15 to 20 kB), so that rendering one does not grow its buffer six times.
const pageBufferBytes = 20 << 10

// render executes the named template into a buffer and sends it.
func (h *handler) render(w http.ResponseWriter, r *http.Request, status int, name string, view any) {
	var buf bytes.Buffer
	buf.Grow(pageBufferBytes)
	if err := h.tpl[name].ExecuteTemplate(&buf, "layout", view); err != nil {
		h.serverError(w, r, fmt.Errorf("site: render %s: %w", name, err))
		return
	}
	b := &web.Body{Status: status, ContentType: "text/html; charset=utf-8", CacheControl: "no-cache", Data: buf.Bytes()}
	if e, ok := r.Context().Value(cacheKeyCtx{}).(cacheEntry); ok && status == http.StatusOK && h.cache != nil {
		b.Prepare()
		h.cache.put(e.key, e.gen, b)
	}
	h.send(w, r, b)
}

// send writes a rendered page. Pages differ by the display-mode cookie.
func (h *handler) send(w http.ResponseWriter, r *http.Request, b *web.Body) {
	w.Header().Add("Vary", "Cookie")
	b.Write(w, r)
}

// serverError logs err once and answers with a plain message: no stack,
// no internals.
func (h *handler) serverError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	h.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusInternalServerError)
	fmt.Fprintln(w, "The server could not show this page. Please try again in a minute.")
}

func (h *handler) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprintln(w, "ok")
}

func (h *handler) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err := h.st.Ping(ctx); err != nil {
		h.log.Warn("not ready", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, "database unavailable")
		return
	}
	// An instance that cannot hear the others' changes serves correct
	// pages, but uncached: a load balancer should prefer the others.
	if ok, err := h.st.Listening(); !ok {
		h.log.Warn("not ready", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, "not hearing the other instances' changes")
		return
	}
	fmt.Fprintln(w, "ok")
}

func (h *handler) robots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintln(w, "User-agent: *\nDisallow: /prefs/\nDisallow: /admin/")
	if h.baseURL != "" {
		fmt.Fprintln(w, "\nSitemap: "+h.absolute("/sitemap.xml"))
	}
}

// absolute makes a site path absolute.
func (h *handler) absolute(path string) string { return h.baseURL + path }

// published is implemented by every kind of translation.
type published interface {
	Metadata() content.Meta
}

// pick returns the text to show in language l: its own when published,
// else the first published one along l's fallback chain.
func pick[T published](texts map[string]T, l lang.Language) (T, bool) {
	if t, ok := texts[l.Code]; ok && t.Metadata().Published() {
		return t, true
	}
	for _, f := range l.Fallbacks {
		if t, ok := texts[f]; ok && t.Metadata().Published() {
			return t, true
		}
	}
	var zero T
	return zero, false
}

// has reports whether the item has a published text of its own in code.
func has[T published](texts map[string]T, code string) bool {
	t, ok := texts[code]
	return ok && t.Metadata().Published()
}
