// Package app wires a datka site together: it opens the database (creating
// and seeding it on first start), loads the interface catalogs and the
// theme, and puts the middleware in front of the handlers. The CLI and the
// tests both build their sites here, so that tests exercise exactly what
// runs in production.
package app

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/datka-cms/datka/internal/admin"
	"github.com/datka-cms/datka/internal/auth"
	"github.com/datka-cms/datka/internal/config"
	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/i18n"
	"github.com/datka-cms/datka/internal/jobs"
	"github.com/datka-cms/datka/internal/lang"
	"github.com/datka-cms/datka/internal/mail"
	"github.com/datka-cms/datka/internal/media"
	"github.com/datka-cms/datka/internal/seed"
	"github.com/datka-cms/datka/internal/site"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/web"
	"github.com/datka-cms/datka/theme"
)

// MaxBodyBytes bounds request bodies of the public site.
const MaxBodyBytes = 1 << 20

// App is an open site.
type App struct {
	Store     *store.Store
	Languages *lang.Set
	Handler   http.Handler
	// Seeded is true when this start created the default content.
	Seeded bool
	// FirstAdmin is set when this start created the first administrator.
	FirstAdmin *FirstAdmin
	// MediaDir is the folder of the media library's files; empty when
	// they are kept in object storage.
	MediaDir string
	// Outbox delivers the contact form's notification mails; nil when mail
	// is not configured. The caller runs it (serve does).
	Outbox *jobs.Outbox
	// Files is where the media library's files are kept.
	Files media.Storage
	// Metrics are the process's, served at /metrics.
	Metrics *web.Metrics
}

// FirstAdmin is the account made for a site that had none.
type FirstAdmin struct {
	Email    string
	Password string // set only when it was generated: shown once
}

// defaultAdminEmail is the first administrator's address when
// DATKA_ADMIN_EMAIL is not given.
const defaultAdminEmail = "admin@localhost"

// ensureAdmin creates the first administrator when there is no account.
func ensureAdmin(ctx context.Context, st *store.Store, cfg config.Config, params auth.Params) (*FirstAdmin, error) {
	users, err := st.Users(ctx)
	if err != nil || len(users) > 0 {
		return nil, err
	}
	fa := &FirstAdmin{Email: cfg.AdminEmail}
	if fa.Email == "" {
		fa.Email = defaultAdminEmail
	}
	password := cfg.AdminPassword
	if password == "" {
		if password, err = auth.GeneratePassword(); err != nil {
			return nil, err
		}
		fa.Password = password
	} else if p := auth.NewPolicy().Check(password, fa.Email); p != "" {
		return nil, fmt.Errorf("app: DATKA_ADMIN_PASSWORD is refused (%s); choose a longer, less common one", p)
	}
	hash, err := auth.Hash(password, params)
	if err != nil {
		return nil, err
	}
	if _, err := st.CreateUser(ctx, content.User{Email: fa.Email, Name: "Administrator", Role: content.RoleAdmin}, hash); err != nil {
		return nil, err
	}
	if err := st.Audit(ctx, content.AuditEntry{Action: "user_create", Kind: "user", Detail: fa.Email + " role=admin (first start)"}); err != nil {
		return nil, err
	}
	return fa, nil
}

// Open opens the site described by cfg.
func Open(ctx context.Context, cfg config.Config, log *slog.Logger) (*App, error) {
	langs, err := lang.NewSet(cfg.Languages)
	if err != nil {
		return nil, err
	}
	db, err := cfg.Database()
	if err != nil {
		return nil, err
	}
	st, err := store.Open(ctx, db.URL)
	if err != nil {
		return nil, err
	}
	a := &App{Store: st, Languages: langs}
	empty, err := st.Empty(ctx)
	if err != nil {
		st.Close()
		return nil, err
	}
	if empty {
		if err := seed.Install(ctx, st, langs.Default().Code); err != nil {
			st.Close()
			return nil, err
		}
		a.Seeded = true
		log.Info("created the site with its default content", "database", db.String())
	} else if n, err := seed.Upgrade(ctx, st, langs.Default().Code); err != nil {
		st.Close()
		return nil, err
	} else if n > 0 {
		log.Info("added the pages this release needs", "pages", n)
	}
	if a.FirstAdmin, err = ensureAdmin(ctx, st, cfg, auth.DefaultParams); err != nil {
		st.Close()
		return nil, err
	}
	cat, err := i18n.Load(langs.Default().Code)
	if err != nil {
		st.Close()
		return nil, err
	}
	metrics := web.NewMetrics()
	a.Metrics = metrics
	for name, db := range st.Pools() {
		metrics.WatchDB(name, db)
	}
	loc, err := time.LoadLocation(cfg.TimeZone)
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("app: time zone: %w", err)
	}
	siteCfg := site.Config{
		Store: st, Languages: langs, Catalog: cat, Theme: theme.FS(cfg.ThemeDir), Log: log, BaseURL: cfg.BaseURL,
		PageCacheBytes: cfg.PageCacheMB << 20, Metrics: metrics, Location: loc,
		KeepMessagesDays: cfg.KeepMessagesDays,
	}
	if cfg.SMTPAddr != "" {
		client, err := mail.New(mail.Config{Addr: cfg.SMTPAddr, User: cfg.SMTPUser, Password: cfg.SMTPPassword,
			From: cfg.SMTPFrom, To: cfg.ContactTo, HelloName: hostOf(cfg.BaseURL)})
		if err != nil {
			st.Close()
			return nil, err
		}
		wake := make(chan struct{}, 1)
		a.Outbox = &jobs.Outbox{Store: st, Mailer: client, Log: log, Wake: wake}
		siteCfg.ContactTo = client.Recipient()
		siteCfg.MailQueued = func() {
			select {
			case wake <- struct{}{}:
			default: // a wake-up is pending already
			}
		}
	}
	pub, err := site.New(siteCfg)
	if err != nil {
		st.Close()
		return nil, err
	}
	files, err := openMedia(ctx, cfg, a)
	if err != nil {
		st.Close()
		return nil, err
	}
	a.Files = files
	adm, err := admin.New(admin.Config{
		Store: st, Languages: langs, Catalog: cat, Log: log, Secure: strings.HasPrefix(cfg.BaseURL, "https://"),
		Location: loc, Media: files,
	})
	if err != nil {
		st.Close()
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/admin/", web.CleanForms(adm))
	mux.Handle("/admin", web.CleanForms(adm))
	mux.Handle("GET /metrics", metrics.Handler())
	mux.Handle("GET "+content.MediaURLPrefix+"{name}", site.NewMediaHandler(st, files, log))
	mux.Handle("/", pub)
	var h http.Handler = mux
	h = metrics.Instrument(h)
	h = web.LimitBodyFunc(bodyLimit, h)
	h = http.NewCrossOriginProtection().Handler(h)
	h = web.SecurityHeaders(h)
	h = web.Logged(log, h)
	proxies, err := cfg.Proxies()
	if err != nil {
		st.Close()
		return nil, err
	}
	h = web.RealIP(proxies, h)
	a.Handler = h
	return a, nil
}

// hostOf is the host name of a URL, for the mail server's greeting.
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Hostname()
}

// bodyLimit is the request size allowed: MaxBodyBytes, except for the
// media library's uploads and the import of translated XLIFF files.
func bodyLimit(r *http.Request) int64 {
	if r.Method == http.MethodPost && r.URL.Path == admin.UploadPath {
		return admin.UploadBodyBytes
	}
	if r.Method == http.MethodPost && r.URL.Path == admin.XLIFFImportPath {
		return admin.MaxImportBody
	}
	return MaxBodyBytes
}

// NewServer returns the HTTP server datka runs h with: timeouts that keep
// slow or idle clients from holding connections for ever, and a bound on
// header size.
func NewServer(h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// Close closes the database.
func (a *App) Close() error { return a.Store.Close() }

// openMedia opens the storage of the media library that cfg.Media names:
// the data folder's media folder, or an S3 bucket, which must answer.
func openMedia(ctx context.Context, cfg config.Config, a *App) (media.Storage, error) {
	s3, err := cfg.MediaStorage()
	if err != nil {
		return nil, err
	}
	if s3 != nil {
		return media.NewS3(ctx, cfg.Media)
	}
	a.MediaDir = filepath.Join(cfg.DataDir, "media")
	return media.NewDisk(a.MediaDir)
}
