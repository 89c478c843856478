// Package config builds datka's typed configuration from, in rising order
// of precedence: built-in defaults, an optional JSON file, environment
// variables (DATKA_*), and command-line flags. The result is validated
// once and passed explicitly to whatever needs it; there is no global
// configuration.
package config

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/mail"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // time zones on hosts without them

	"github.com/datka-cms/datka/internal/lang"
	sendmail "github.com/datka-cms/datka/internal/mail"
	"github.com/datka-cms/datka/internal/media"
)

// Config is everything a datka command may need.
type Config struct {
	Addr      string      `json:"addr"`      // serve: listen address
	DataDir   string      `json:"data"`      // the data folder: database and media
	DB        string      `json:"db"`        // database URL; default sqlite in DataDir
	BaseURL   string      `json:"base_url"`  // public address of the site
	ThemeDir  string      `json:"theme"`     // a folder replacing the embedded theme
	Media     string      `json:"media"`     // media files: "disk" (or empty) or an s3:// URL
	Languages []lang.Spec `json:"languages"` // content languages, the default first
	LogFormat string      `json:"log_format"`
	LogLevel  string      `json:"log_level"`
	// PageCacheMB bounds the cache of rendered pages; 0 turns it off.
	PageCacheMB int `json:"page_cache_mb"`
	// KeepMessagesDays is how long messages from the contact form are
	// kept before they are deleted on their own.
	KeepMessagesDays int `json:"keep_messages_days"`
	// TrustedProxies are the addresses (CIDR prefixes) of reverse proxies
	// whose X-Forwarded-For is believed.
	TrustedProxies []string `json:"trusted_proxies"`
	// TimeZone is where the editors are: times they type (scheduled
	// publication) are read in it. An IANA name.
	TimeZone string `json:"time_zone"`
	// SMTPAddr (host:port) turns on notification mail about messages from
	// the contact form; it then needs SMTPFrom and ContactTo, the team's
	// address and the only recipient the site ever writes to.
	SMTPAddr     string `json:"smtp_addr"`
	SMTPUser     string `json:"smtp_user"`
	SMTPPassword string `json:"smtp_password"`
	SMTPFrom     string `json:"smtp_from"`
	ContactTo    string `json:"contact_to"`
	// BackupDir turns on backups taken by the server itself: every
	// BackupEvery (a Go duration, "24h" by default) it writes one there,
	// as `datka backup` would, and keeps the newest BackupKeep.
	BackupDir   string `json:"backup_dir"`
	BackupEvery string `json:"backup_every"`
	BackupKeep  int    `json:"backup_keep"`
	// AdminEmail and AdminPassword create the first administrator of an
	// empty site; they are read from the environment only.
	AdminEmail    string `json:"-"`
	AdminPassword string `json:"-"`
}

// Default returns the built-in configuration.
func Default() Config {
	return Config{
		Addr:             "localhost:8080",
		DataDir:          "data",
		Languages:        lang.DefaultSpecs(),
		LogFormat:        "text",
		LogLevel:         "info",
		PageCacheMB:      64,
		KeepMessagesDays: 365,
		TimeZone:         "Asia/Bishkek",
		BackupEvery:      "24h",
		BackupKeep:       7,
	}
}

// Flags registers the options every site command shares on fs, bound to
// c. Call Finish after fs.Parse.
func (c *Config) Flags(fs *flag.FlagSet, serve bool) *string {
	file := fs.String("config", os.Getenv("DATKA_CONFIG"), "read settings from this JSON `file` (env DATKA_CONFIG)")
	fs.StringVar(&c.DataDir, "data", c.DataDir, "the data `folder`: database and media (env DATKA_DATA)")
	fs.StringVar(&c.DB, "db", c.DB, "database `URL`: sqlite:PATH (default: datka.db in the data folder) or postgres://user:password@host/database (env DATKA_DB)")
	if serve {
		fs.StringVar(&c.Addr, "addr", c.Addr, "listen on `host:port` (env DATKA_ADDR)")
		fs.StringVar(&c.BaseURL, "base-url", c.BaseURL, "public `URL` of the site, for canonical links (default http://ADDR) (env DATKA_BASE_URL)")
		fs.StringVar(&c.ThemeDir, "theme", c.ThemeDir, "serve templates and static files from this `folder` instead of the built-in theme (env DATKA_THEME)")
		fs.StringVar(&c.Media, "media", c.Media, "keep media files in `URL`: disk (the data folder) or s3://BUCKET[/PREFIX]?endpoint=HOST:PORT (env DATKA_MEDIA)")
		fs.IntVar(&c.PageCacheMB, "page-cache-mb", c.PageCacheMB, "keep up to this many `megabytes` of rendered pages in memory; 0 turns the cache off (env DATKA_PAGE_CACHE_MB)")
		fs.StringVar(&c.BackupDir, "backup-dir", c.BackupDir, "back the site up into this `folder` while serving, every --backup-every (env DATKA_BACKUP_DIR)")
		fs.StringVar(&c.BackupEvery, "backup-every", c.BackupEvery, "take a backup this often, as a `duration` such as 24h or 6h (env DATKA_BACKUP_EVERY)")
		fs.IntVar(&c.BackupKeep, "backup-keep", c.BackupKeep, "keep this `many` of the newest backups in --backup-dir, deleting older ones (env DATKA_BACKUP_KEEP)")
	}
	return file
}

// Load applies the file (if any) and the environment under the values
// flags have set. flagsSet names the flags given on the command line,
// which win over both.
func (c *Config) Load(file string, flagsSet map[string]bool) error {
	fromFlags := *c
	if file != "" {
		data, err := os.ReadFile(file)
		if err != nil {
			return fmt.Errorf("config: %w", err)
		}
		dec := json.NewDecoder(strings.NewReader(string(data)))
		dec.DisallowUnknownFields()
		// A language list in the file replaces the default one whole:
		// encoding/json decodes array elements into the slice's existing
		// elements, which would give each entry the name and fallbacks of
		// the default language at its position.
		langs := c.Languages
		c.Languages = nil
		if err := dec.Decode(c); err != nil {
			return fmt.Errorf("config: %s: %w", file, err)
		}
		if c.Languages == nil {
			c.Languages = langs
		}
	}
	env := func(name string, dst *string) {
		if v, ok := os.LookupEnv(name); ok && v != "" {
			*dst = v
		}
	}
	env("DATKA_ADDR", &c.Addr)
	env("DATKA_DATA", &c.DataDir)
	env("DATKA_DB", &c.DB)
	env("DATKA_BASE_URL", &c.BaseURL)
	env("DATKA_THEME", &c.ThemeDir)
	env("DATKA_MEDIA", &c.Media)
	env("DATKA_LOG_FORMAT", &c.LogFormat)
	env("DATKA_LOG_LEVEL", &c.LogLevel)
	env("DATKA_TIME_ZONE", &c.TimeZone)
	if v := os.Getenv("DATKA_TRUSTED_PROXIES"); v != "" {
		c.TrustedProxies = strings.Split(v, ",")
	}
	env("DATKA_SMTP_ADDR", &c.SMTPAddr)
	env("DATKA_SMTP_USER", &c.SMTPUser)
	env("DATKA_SMTP_PASSWORD", &c.SMTPPassword)
	env("DATKA_SMTP_FROM", &c.SMTPFrom)
	env("DATKA_CONTACT_TO", &c.ContactTo)
	env("DATKA_ADMIN_EMAIL", &c.AdminEmail)
	env("DATKA_ADMIN_PASSWORD", &c.AdminPassword)
	if err := envInt("DATKA_PAGE_CACHE_MB", &c.PageCacheMB); err != nil {
		return err
	}
	if err := envInt("DATKA_KEEP_MESSAGES_DAYS", &c.KeepMessagesDays); err != nil {
		return err
	}
	env("DATKA_BACKUP_DIR", &c.BackupDir)
	env("DATKA_BACKUP_EVERY", &c.BackupEvery)
	if err := envInt("DATKA_BACKUP_KEEP", &c.BackupKeep); err != nil {
		return err
	}
	if v := os.Getenv("DATKA_LANGUAGES"); v != "" {
		specs, err := parseLanguages(v)
		if err != nil {
			return err
		}
		c.Languages = specs
	}
	for name := range flagsSet {
		switch name {
		case "addr":
			c.Addr = fromFlags.Addr
		case "data":
			c.DataDir = fromFlags.DataDir
		case "db":
			c.DB = fromFlags.DB
		case "base-url":
			c.BaseURL = fromFlags.BaseURL
		case "theme":
			c.ThemeDir = fromFlags.ThemeDir
		case "media":
			c.Media = fromFlags.Media
		case "page-cache-mb":
			c.PageCacheMB = fromFlags.PageCacheMB
		case "backup-dir":
			c.BackupDir = fromFlags.BackupDir
		case "backup-every":
			c.BackupEvery = fromFlags.BackupEvery
		case "backup-keep":
			c.BackupKeep = fromFlags.BackupKeep
		}
	}
	return c.validate()
}

// envInt sets *dst from the environment variable name, a whole number,
// when it is set.
func envInt(name string, dst *int) error {
	v := os.Getenv(name)
	if v == "" {
		return nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return fmt.Errorf("config: %s %q is not a whole number", name, v)
	}
	*dst = n
	return nil
}

// parseLanguages reads DATKA_LANGUAGES: codes separated by commas, the
// default first, each optionally with its name after "=":
// "ru=Русский,ky=Кыргызча,en=English".
func parseLanguages(v string) ([]lang.Spec, error) {
	known := map[string]lang.Spec{}
	for _, s := range lang.DefaultSpecs() {
		known[s.Code] = s
	}
	var out []lang.Spec
	for _, part := range strings.Split(v, ",") {
		code, name, _ := strings.Cut(strings.TrimSpace(part), "=")
		if code == "" {
			return nil, fmt.Errorf("config: DATKA_LANGUAGES %q has an empty entry", v)
		}
		spec := lang.Spec{Code: code, Name: name}
		if k, ok := known[code]; ok {
			if spec.Name == "" {
				spec.Name = k.Name
			}
		}
		out = append(out, spec)
	}
	return out, nil
}

func (c *Config) validate() error {
	if c.DataDir == "" {
		return errors.New("config: the data folder must not be empty")
	}
	if _, err := lang.NewSet(c.Languages); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	if c.Addr != "" {
		if _, _, err := net.SplitHostPort(c.Addr); err != nil {
			return fmt.Errorf("config: address %q: %w", c.Addr, err)
		}
	}
	if c.BaseURL == "" && c.Addr != "" {
		host := c.Addr
		if strings.HasPrefix(host, ":") {
			host = "localhost" + host
		}
		c.BaseURL = "http://" + host
	}
	if c.BaseURL != "" {
		u, err := url.Parse(c.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("config: base URL %q must be an absolute http(s) URL", c.BaseURL)
		}
		c.BaseURL = strings.TrimSuffix(c.BaseURL, "/")
	}
	if c.PageCacheMB < 0 || c.PageCacheMB > 1<<16 {
		return fmt.Errorf("config: page cache size %d MB is out of range (0 to 65536)", c.PageCacheMB)
	}
	if c.KeepMessagesDays < 1 || c.KeepMessagesDays > 3650 {
		return fmt.Errorf("config: messages must be kept between 1 and 3650 days, not %d", c.KeepMessagesDays)
	}
	if _, err := c.BackupInterval(); err != nil {
		return err
	}
	if c.BackupKeep < 1 || c.BackupKeep > 1000 {
		return fmt.Errorf("config: keep between 1 and 1000 backups, not %d", c.BackupKeep)
	}
	if _, err := c.Proxies(); err != nil {
		return err
	}
	if _, err := time.LoadLocation(c.TimeZone); err != nil || c.TimeZone == "" {
		return fmt.Errorf("config: time zone %q is not an IANA time zone name such as Asia/Bishkek", c.TimeZone)
	}
	if _, err := c.MediaStorage(); err != nil {
		return err
	}
	if err := c.validateMail(); err != nil {
		return err
	}
	switch c.LogFormat {
	case "text", "json":
	default:
		return fmt.Errorf("config: log format must be text or json, not %q", c.LogFormat)
	}
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return fmt.Errorf("config: log level %q: %w", c.LogLevel, err)
	}
	return nil
}

// BackupInterval is how often the server takes a backup into BackupDir:
// at least a minute.
func (c *Config) BackupInterval() (time.Duration, error) {
	d, err := time.ParseDuration(c.BackupEvery)
	if err != nil || d < time.Minute {
		return 0, fmt.Errorf("config: backup interval %q must be a duration of a minute or more, such as 24h or 6h", c.BackupEvery)
	}
	return d, nil
}

// validateMail checks the notification mail settings: all or nothing.
func (c *Config) validateMail() error {
	if c.SMTPAddr == "" {
		for name, v := range map[string]string{"DATKA_SMTP_USER": c.SMTPUser, "DATKA_SMTP_PASSWORD": c.SMTPPassword,
			"DATKA_SMTP_FROM": c.SMTPFrom, "DATKA_CONTACT_TO": c.ContactTo} {
			if v != "" {
				return fmt.Errorf("config: %s is set but DATKA_SMTP_ADDR is not: set the mail server too, or leave all mail settings empty", name)
			}
		}
		return nil
	}
	if _, _, err := net.SplitHostPort(c.SMTPAddr); err != nil {
		return fmt.Errorf("config: DATKA_SMTP_ADDR %q must be host:port, such as smtp.example.org:587", c.SMTPAddr)
	}
	if a, err := mail.ParseAddress(c.SMTPFrom); err != nil || strings.ContainsAny(c.SMTPFrom, "\r\n") || a.Address == "" {
		return fmt.Errorf("config: DATKA_SMTP_FROM %q must be the sender's address, such as \"HERo <site@example.org>\"", c.SMTPFrom)
	}
	if _, ok := sendmail.BareAddress(c.ContactTo); !ok {
		return fmt.Errorf("config: DATKA_CONTACT_TO %q must be one plain address, such as team@example.org", c.ContactTo)
	}
	if c.SMTPPassword != "" && c.SMTPUser == "" {
		return errors.New("config: DATKA_SMTP_PASSWORD is set without DATKA_SMTP_USER")
	}
	return nil
}

// Database describes where the database is.
type Database struct {
	Driver string // "sqlite" or "postgres"
	Path   string // sqlite: the file
	URL    string // what store.Open takes: sqlite:PATH or the postgres:// URL
}

// String names the database for messages, without a password.
func (d Database) String() string {
	if d.Driver == "sqlite" {
		return d.Path
	}
	u, err := url.Parse(d.URL)
	if err != nil {
		return "PostgreSQL"
	}
	if q := u.Query(); q.Has("password") { // pgx reads it there too
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}

// Database resolves the --db option.
func (c *Config) Database() (Database, error) {
	switch {
	case c.DB == "":
		p := filepath.Join(c.DataDir, "datka.db")
		return Database{Driver: "sqlite", Path: p, URL: "sqlite:" + p}, nil
	case strings.HasPrefix(c.DB, "sqlite:"):
		p := strings.TrimPrefix(strings.TrimPrefix(c.DB, "sqlite:"), "//")
		if p == "" {
			return Database{}, errors.New("config: sqlite: needs a path, as in sqlite:/var/lib/datka/datka.db")
		}
		return Database{Driver: "sqlite", Path: p, URL: "sqlite:" + p}, nil
	case strings.HasPrefix(c.DB, "postgres://"), strings.HasPrefix(c.DB, "postgresql://"):
		u, err := url.Parse(c.DB)
		if err != nil || u.Host == "" {
			return Database{}, errors.New("config: a PostgreSQL URL reads postgres://user:password@host:5432/database?sslmode=disable")
		}
		return Database{Driver: "postgres", URL: c.DB}, nil
	default:
		scheme, _, _ := strings.Cut(c.DB, ":")
		return Database{}, fmt.Errorf("config: database URL of kind %q is not supported: expected sqlite:PATH or postgres://…", scheme)
	}
}

// MediaStorage resolves the --media option: the S3 storage it names, or
// nil for the data folder. It checks the URL's form only; media.NewS3
// checks that the bucket answers.
func (c *Config) MediaStorage() (*media.S3Config, error) {
	switch {
	case c.Media == "" || c.Media == "disk":
		return nil, nil
	case strings.HasPrefix(c.Media, "s3://"):
		s3, err := media.ParseS3URL(c.Media)
		if err != nil {
			return nil, fmt.Errorf("config: %w", err)
		}
		return &s3, nil
	default:
		return nil, fmt.Errorf("config: media storage %s is not supported: expected disk or s3://BUCKET?endpoint=HOST:PORT", media.RedactS3URL(c.Media))
	}
}

// Logger builds the process's logger.
func (c *Config) Logger() *slog.Logger {
	var lvl slog.Level
	_ = lvl.UnmarshalText([]byte(c.LogLevel))
	opts := &slog.HandlerOptions{Level: lvl}
	if c.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(os.Stderr, opts))
	}
	return slog.New(slog.NewTextHandler(os.Stderr, opts))
}

// Proxies parses TrustedProxies; a bare address means just that address.
func (c *Config) Proxies() ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, v := range c.TrustedProxies {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if !strings.Contains(v, "/") {
			a, err := netip.ParseAddr(v)
			if err != nil {
				return nil, fmt.Errorf("config: trusted proxy %q is not an address or CIDR prefix", v)
			}
			out = append(out, netip.PrefixFrom(a, a.BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(v)
		if err != nil {
			return nil, fmt.Errorf("config: trusted proxy %q is not an address or CIDR prefix", v)
		}
		out = append(out, p.Masked())
	}
	return out, nil
}
