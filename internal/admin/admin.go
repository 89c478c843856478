// Package admin is where the NGO's staff run the site: sign-in, accounts,
// and (growing) the editing of content. It is server-rendered like the
// public site, speaks the editor's language, and needs no JavaScript; its
// small script only enhances.
//
// Every admin route passes through the session middleware; all but
// sign-in also through requireUser, which reloads the account on every
// request, so that disabling a user or changing a password ends their
// sessions on every instance at once. Cross-origin form posts are refused
// before they reach this package (net/http.CrossOriginProtection), and no
// GET request changes anything, but one: opening a message of the inbox
// marks it read.
package admin

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/alexedwards/scs/v2"

	"github.com/datka-cms/datka/internal/auth"
	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/i18n"
	"github.com/datka-cms/datka/internal/lang"
	"github.com/datka-cms/datka/internal/markup"
	"github.com/datka-cms/datka/internal/media"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/web"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Config is what the admin needs.
type Config struct {
	Store     *store.Store
	Languages *lang.Set
	Catalog   *i18n.Catalog
	Log       *slog.Logger
	// Secure marks the session cookie Secure and gives it the __Host-
	// prefix; set it when the site is served over TLS.
	Secure bool
	// Hash are the argon2id parameters for new passwords.
	Hash auth.Params
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Location is the editors' time zone; nil means UTC.
	Location *time.Location
	// Media is where the media library keeps its files; nil turns
	// uploads off.
	Media media.Storage
}

type handler struct {
	st       *store.Store
	langs    *lang.Set
	cat      *i18n.Catalog
	log      *slog.Logger
	sessions *scs.SessionManager
	policy   *auth.Policy
	hash     auth.Params
	tpl      map[string]*template.Template
	assets   *web.Assets
	now      func() time.Time
	md       *markup.Renderer
	loc      *time.Location
	files    media.Storage
	proc     *media.Processor
	// dummy is a hash to verify against when the account does not exist,
	// made on first need: hashing takes 64 MiB, which a server that is
	// only read should not hold from its start.
	dummy     string
	dummyOnce sync.Once
}

// Session keys.
const (
	keyUserID = "uid"
	keyEpoch  = "epoch"
	keyFlash  = "flash"
)

var pageNames = []string{"signin", "dashboard", "users", "user", "account", "audit", "error", "board", "edit", "revision", "settings", "new", "media", "media_item", "xliff_report",
	"inbox", "inbox_message"}

// New builds the admin's handler, mounted at /admin/.
func New(cfg Config) (http.Handler, error) {
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, err
	}
	assets, err := web.LoadAssets(static, "/admin/static")
	if err != nil {
		return nil, err
	}
	h := &handler{
		st: cfg.Store, langs: cfg.Languages, cat: cfg.Catalog, log: cfg.Log,
		policy: auth.NewPolicy(), hash: cfg.Hash, assets: assets, now: cfg.Now, md: markup.New(),
		tpl: map[string]*template.Template{}, files: cfg.Media, proc: media.NewProcessor(2),
	}
	if h.now == nil {
		h.now = time.Now
	}
	h.loc = cfg.Location
	if h.loc == nil {
		h.loc = time.UTC
	}
	if h.hash.Memory == 0 {
		h.hash = auth.DefaultParams
	}
	sm := scs.New()
	sm.Store = cfg.Store.Sessions()
	sm.Lifetime = 12 * time.Hour
	sm.IdleTimeout = 2 * time.Hour
	sm.Cookie.Name = "datka_session"
	if cfg.Secure {
		sm.Cookie.Name = "__Host-datka_session"
	}
	sm.Cookie.Secure = cfg.Secure
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Path = "/"
	sm.Cookie.Persist = false
	sm.ErrorFunc = func(w http.ResponseWriter, r *http.Request, err error) {
		h.log.Error("session", "path", r.URL.Path, "err", err)
		http.Error(w, "The server could not read your session. Please sign in again.", http.StatusInternalServerError)
	}
	h.sessions = sm
	funcs := template.FuncMap{
		"asset": assets.URL,
		"date": func(t time.Time) string {
			if h.loc == nil {
				return t.UTC().Format("2006-01-02 15:04 MST")
			}
			return t.In(h.loc).Format("2006-01-02 15:04")
		},
	}
	layout, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html")
	if err != nil {
		return nil, fmt.Errorf("admin: templates: %w", err)
	}
	for _, name := range pageNames {
		t, err := template.Must(layout.Clone()).ParseFS(templateFS, "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("admin: templates: %w", err)
		}
		h.tpl[name] = t
	}
	return h.routes(), nil
}

// routes is the admin's route table.
func (h *handler) routes() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /admin/static/", h.assets)
	mux.HandleFunc("GET /admin/signin", h.signinForm)
	mux.HandleFunc("POST /admin/signin", h.signin)
	mux.HandleFunc("POST /admin/signout", h.signout)
	mux.Handle("GET /admin/{$}", h.requireUser(h.dashboard))
	mux.Handle("GET /admin/users", h.requireUser(h.users))
	mux.Handle("GET /admin/users/new", h.requireUser(h.userNew))
	mux.Handle("POST /admin/users/new", h.requireUser(h.userCreate))
	mux.Handle("GET /admin/users/{id}", h.requireUser(h.userEdit))
	mux.Handle("POST /admin/users/{id}", h.requireUser(h.userSave))
	mux.Handle("GET /admin/account", h.requireUser(h.account))
	mux.Handle("POST /admin/account", h.requireUser(h.accountSave))
	mux.Handle("GET /admin/audit", h.requireUser(h.auditPage))
	mux.Handle("GET /admin/board", h.requireUser(h.board))
	mux.Handle("GET /admin/edit/{id}/{lang}", h.requireUser(h.edit))
	mux.Handle("POST /admin/edit/{id}/{lang}", h.requireUser(h.save))
	mux.Handle("GET /admin/revisions/{rid}", h.requireUser(h.revision))
	mux.Handle("POST /admin/revisions/{rid}/restore", h.requireUser(h.restore))
	mux.Handle("POST /admin/preview", h.requireUser(h.preview))
	// media library (media.go)
	mux.Handle("GET /admin/media", h.requireUser(h.mediaList))
	mux.Handle("POST "+UploadPath, h.requireUser(h.mediaUpload))
	mux.Handle("GET /admin/media/{id}", h.requireUser(h.mediaItem))
	mux.Handle("POST /admin/media/{id}", h.requireUser(h.mediaSave))
	mux.Handle("POST /admin/media/{id}/delete", h.requireUser(h.mediaDelete))
	// messages from the contact form (inbox.go)
	mux.Handle("GET /admin/inbox", h.requireUser(h.inbox))
	mux.Handle("GET /admin/inbox/{id}", h.requireUser(h.inboxMessage))
	mux.Handle("POST /admin/inbox/{id}/unread", h.requireUser(h.inboxUnread))
	mux.Handle("POST /admin/inbox/{id}/delete", h.requireUser(h.inboxDelete))
	// XLIFF export and import (xliff.go)
	mux.Handle("GET /admin/xliff/export", h.requireUser(h.xliffExport))
	mux.Handle("POST "+XLIFFImportPath, h.requireUser(h.xliffImport))
	// schedule and settings (schedule.go, settings.go)
	mux.Handle("GET /admin/settings/{lang}", h.requireUser(h.settings))
	mux.Handle("POST /admin/settings/{lang}", h.requireUser(h.settingsSave))
	mux.Handle("GET /admin/new", h.requireUser(h.newItemForm))
	mux.Handle("POST /admin/new", h.requireUser(h.newItem))
	mux.Handle("POST /admin/item/{id}", h.requireUser(h.itemSave))
	mux.Handle("/admin/", h.unrouted(mux))
	mux.HandleFunc("GET /admin", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/admin/", http.StatusMovedPermanently)
	})
	return noStore(h.sessions.LoadAndSave(mux))
}

// noStore keeps admin pages out of every cache and every search engine.
func noStore(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/admin/static/") {
			w.Header().Set("Cache-Control", "no-store")
		}
		w.Header().Set("X-Robots-Tag", "noindex, nofollow")
		next.ServeHTTP(w, r)
	})
}

type userKey struct{}

// currentUser is the signed-in account; requireUser guarantees one.
func currentUser(r *http.Request) content.User {
	u, _ := r.Context().Value(userKey{}).(content.User)
	return u
}

// requireUser lets signed-in, enabled accounts through and sends everyone
// else to the sign-in page.
func (h *handler) requireUser(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		id := h.sessions.GetInt64(ctx, keyUserID)
		if id == 0 {
			http.Redirect(w, r, "/admin/signin?next="+urlEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		u, err := h.st.User(ctx, id)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			h.serverError(w, r, err)
			return
		}
		if err != nil || u.Disabled || u.SessionEpoch != h.sessions.GetInt64(ctx, keyEpoch) {
			h.sessions.Destroy(ctx)
			http.Redirect(w, r, "/admin/signin", http.StatusSeeOther)
			return
		}
		next(w, r.WithContext(context.WithValue(ctx, userKey{}, u)))
	})
}

// chrome is what every admin page shows around its content.
type chrome struct {
	tr    *i18n.Translator
	Lang  string
	User  content.User
	Title string
	Nav   []navLink
	Flash string
	Error string
}

type navLink struct {
	Title, URL string
	Current    bool
}

// T translates an admin string.
func (c *chrome) T(id string, pairs ...any) string { return c.tr.T(id, pairs...) }

// uiLang is the admin's language for r: the account's choice, else the
// browser's.
func (h *handler) uiLang(r *http.Request, u content.User) string {
	if _, ok := h.langs.Get(u.UILang); ok && u.UILang != "" {
		return u.UILang
	}
	return h.langs.Match(r.Header.Get("Accept-Language")).Code
}

func (h *handler) newChrome(w http.ResponseWriter, r *http.Request, title string) chrome {
	u := currentUser(r)
	code := h.uiLang(r, u)
	c := chrome{tr: h.cat.For(code), Lang: code, User: u}
	c.Title = c.T(title)
	if u.ID != 0 {
		items := []struct{ title, url string }{{"admin_dashboard", "/admin/"}, {"admin_board", "/admin/board"}, {"media_library", "/admin/media"}}
		if u.CanReadMessages() {
			items = append(items, struct{ title, url string }{"inbox_title", "/admin/inbox"})
		}
		if u.CanManageUsers() {
			items = append(items, struct{ title, url string }{"admin_users", "/admin/users"}, struct{ title, url string }{"admin_audit", "/admin/audit"})
		}
		if u.Role != content.RoleAuthor {
			items = append(items, struct{ title, url string }{"admin_settings", "/admin/settings/" + code})
		}
		items = append(items, struct{ title, url string }{"admin_account", "/admin/account"})
		for _, it := range items {
			c.Nav = append(c.Nav, navLink{Title: c.T(it.title), URL: it.url,
				Current: r.URL.Path == it.url || (it.url != "/admin/" && strings.HasPrefix(r.URL.Path, it.url+"/"))})
		}
		c.Flash = c.T(h.sessions.PopString(r.Context(), keyFlash))
	}
	return c
}

// flash leaves a message (an id of the catalog) for the next page.
func (h *handler) flash(r *http.Request, id string) { h.sessions.Put(r.Context(), keyFlash, id) }

func (h *handler) render(w http.ResponseWriter, r *http.Request, status int, name string, view any) {
	var buf bytes.Buffer
	if err := h.tpl[name].ExecuteTemplate(&buf, "layout", view); err != nil {
		h.serverError(w, r, fmt.Errorf("admin: render %s: %w", name, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (h *handler) serverError(w http.ResponseWriter, r *http.Request, err error) {
	h.log.Error("admin request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	http.Error(w, "The server could not complete this request. Nothing was changed that was not saved before; please try again.", http.StatusInternalServerError)
}

type errorView struct {
	chrome
	Message string
}

// fail shows a page with a message in the editor's language.
func (h *handler) fail(w http.ResponseWriter, r *http.Request, status int, message string) {
	v := errorView{chrome: h.newChrome(w, r, "admin_error")}
	v.Message = v.T(message)
	h.render(w, r, status, "error", &v)
}

// unrouted answers what no route took. The catch-all pattern matches every
// method, so without this a path served for other methods only (GET
// /admin/signout) would be a 404 rather than a 405 with Allow.
func (h *handler) unrouted(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var allow []string
		for _, m := range []string{http.MethodGet, http.MethodPost} {
			probe := *r
			probe.Method = m
			if _, pattern := mux.Handler(&probe); m != r.Method && pattern != "" && pattern != "/admin/" {
				allow = append(allow, m)
			}
		}
		if len(allow) == 0 {
			h.notFound(w, r)
			return
		}
		w.Header().Set("Allow", strings.Join(allow, ", "))
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
	})
}

func (h *handler) notFound(w http.ResponseWriter, r *http.Request) {
	h.fail(w, r, http.StatusNotFound, "admin_not_found")
}

func (h *handler) forbidden(w http.ResponseWriter, r *http.Request) {
	h.fail(w, r, http.StatusForbidden, "admin_forbidden")
}

// record writes an action of the current user to the audit log; a failure
// to write the log is logged but does not undo the action.
func (h *handler) record(r *http.Request, e content.AuditEntry) {
	u := currentUser(r)
	if e.UserID == 0 {
		e.UserID, e.UserEmail = u.ID, u.Email
	}
	e.Address = clientAddress(r)
	e.At = h.now()
	if err := h.st.Audit(r.Context(), e); err != nil {
		h.log.Error("audit", "err", err, "action", e.Action)
	}
}

// clientAddress is the peer's IP address. Behind a proxy it is the
// proxy's; trusting forwarded headers needs configuration (not yet).
func clientAddress(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// localNext returns next if it is an admin path, else "/admin/".
func localNext(next string) string {
	if strings.HasPrefix(next, "/admin/") && !strings.HasPrefix(next, "//") && !strings.ContainsAny(next, "\\\r\n") {
		return next
	}
	return "/admin/"
}

// dummyHash returns the hash verified for unknown accounts, so that they
// cost as much time as real ones.
func (h *handler) dummyHash() string {
	h.dummyOnce.Do(func() {
		var err error
		if h.dummy, err = auth.Hash("not a password of anyone", h.hash); err != nil {
			h.log.Error("dummy hash", "err", err)
		}
	})
	return h.dummy
}
