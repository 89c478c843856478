package config

import (
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/datka-cms/datka/internal/media"
)

// envNames are every variable Load or Flags reads; each test starts with
// all of them empty so that the developer's environment does not leak in.
var envNames = []string{
	"DATKA_CONFIG", "DATKA_ADDR", "DATKA_DATA", "DATKA_DB", "DATKA_BASE_URL", "DATKA_THEME",
	"DATKA_LANGUAGES", "DATKA_LOG_FORMAT", "DATKA_LOG_LEVEL", "DATKA_PAGE_CACHE_MB",
	"DATKA_SMTP_ADDR", "DATKA_SMTP_USER", "DATKA_SMTP_PASSWORD", "DATKA_SMTP_FROM", "DATKA_CONTACT_TO",
	"DATKA_MEDIA", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
}

func clearEnv(t *testing.T) {
	t.Helper()
	for _, n := range envNames {
		t.Setenv(n, "")
	}
}

// load does what the CLI does: defaults, flags parsed from args, then
// Load with the file and the flags that were given.
func load(t *testing.T, args []string, env map[string]string, fileJSON string) (Config, error) {
	t.Helper()
	clearEnv(t)
	for k, v := range env {
		t.Setenv(k, v)
	}
	if fileJSON != "" {
		p := filepath.Join(t.TempDir(), "datka.json")
		if err := os.WriteFile(p, []byte(fileJSON), 0o600); err != nil {
			t.Fatal(err)
		}
		args = append([]string{"--config", p}, args...)
	}
	cfg := Default()
	fs := flag.NewFlagSet("datka serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	file := cfg.Flags(fs, true)
	if err := fs.Parse(args); err != nil {
		t.Fatalf("parse %q: %v", args, err)
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	err := cfg.Load(*file, set)
	return cfg, err
}

func codes(c Config) []string {
	var out []string
	for _, l := range c.Languages {
		out = append(out, l.Code)
	}
	return out
}

func TestDefaults(t *testing.T) {
	c, err := load(t, nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "localhost:8080" {
		t.Errorf("Addr = %q, want localhost:8080", c.Addr)
	}
	if c.DataDir != "data" {
		t.Errorf("DataDir = %q, want data", c.DataDir)
	}
	if got := codes(c); !reflect.DeepEqual(got, []string{"ru", "ky", "en"}) {
		t.Errorf("languages = %q, want ru, ky, en", got)
	}
	if c.BaseURL != "http://localhost:8080" {
		t.Errorf("BaseURL = %q, want http://localhost:8080", c.BaseURL)
	}
	if c.LogFormat != "text" || c.LogLevel != "info" {
		t.Errorf("log = %s/%s, want text/info", c.LogFormat, c.LogLevel)
	}
	if c.DB != "" {
		t.Errorf("DB = %q, want empty", c.DB)
	}
}

func TestPrecedence(t *testing.T) {
	const file = `{"addr": "127.0.0.1:7000", "data": "/from/file", "db": "sqlite:/file.db",
		"base_url": "https://file.example", "log_format": "json", "page_cache_mb": 8}`
	tests := []struct {
		name  string
		args  []string
		env   map[string]string
		file  string
		check func(t *testing.T, c Config)
	}{
		{
			name: "file over defaults",
			file: file,
			check: func(t *testing.T, c Config) {
				want := Config{Addr: "127.0.0.1:7000", DataDir: "/from/file", DB: "sqlite:/file.db",
					BaseURL: "https://file.example", LogFormat: "json", PageCacheMB: 8}
				got := Config{Addr: c.Addr, DataDir: c.DataDir, DB: c.DB, BaseURL: c.BaseURL, LogFormat: c.LogFormat, PageCacheMB: c.PageCacheMB}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("got %+v, want %+v", got, want)
				}
				if c.LogLevel != "info" {
					t.Errorf("LogLevel = %q, a field the file lacks must keep its default", c.LogLevel)
				}
			},
		},
		{
			name: "environment over file",
			file: file,
			env: map[string]string{
				"DATKA_ADDR": "0.0.0.0:9000", "DATKA_DATA": "/from/env", "DATKA_DB": "sqlite:/env.db",
				"DATKA_BASE_URL": "https://env.example/", "DATKA_LANGUAGES": "en,ru", "DATKA_LOG_FORMAT": "text",
			},
			check: func(t *testing.T, c Config) {
				want := Config{Addr: "0.0.0.0:9000", DataDir: "/from/env", DB: "sqlite:/env.db",
					BaseURL: "https://env.example", LogFormat: "text"}
				got := Config{Addr: c.Addr, DataDir: c.DataDir, DB: c.DB, BaseURL: c.BaseURL, LogFormat: c.LogFormat}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("got %+v, want %+v", got, want)
				}
				if got := codes(c); !reflect.DeepEqual(got, []string{"en", "ru"}) {
					t.Errorf("languages = %q, want en, ru", got)
				}
			},
		},
		{
			name: "flags over environment and file",
			file: file,
			env:  map[string]string{"DATKA_ADDR": "0.0.0.0:9000", "DATKA_DATA": "/from/env", "DATKA_DB": "sqlite:/env.db", "DATKA_BASE_URL": "https://env.example"},
			args: []string{"--addr", "127.0.0.1:1234", "--data", "/from/flag", "--db", "sqlite:/flag.db", "--base-url", "https://flag.example"},
			check: func(t *testing.T, c Config) {
				want := Config{Addr: "127.0.0.1:1234", DataDir: "/from/flag", DB: "sqlite:/flag.db", BaseURL: "https://flag.example"}
				got := Config{Addr: c.Addr, DataDir: c.DataDir, DB: c.DB, BaseURL: c.BaseURL}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("got %+v, want %+v", got, want)
				}
			},
		},
		{
			name: "a flag given with the default value still wins",
			env:  map[string]string{"DATKA_ADDR": "0.0.0.0:9000"},
			args: []string{"--addr", "localhost:8080"},
			check: func(t *testing.T, c Config) {
				if c.Addr != "localhost:8080" {
					t.Errorf("Addr = %q, want the flag's localhost:8080", c.Addr)
				}
			},
		},
		{
			name: "flags not given leave the environment alone",
			env:  map[string]string{"DATKA_ADDR": "0.0.0.0:9000"},
			args: []string{"--data", "/d"},
			check: func(t *testing.T, c Config) {
				if c.Addr != "0.0.0.0:9000" || c.DataDir != "/d" {
					t.Errorf("Addr, DataDir = %q, %q; want 0.0.0.0:9000, /d", c.Addr, c.DataDir)
				}
			},
		},
		{
			name: "base URL derived from the address",
			args: []string{"--addr", "example.kg:8443"},
			check: func(t *testing.T, c Config) {
				if c.BaseURL != "http://example.kg:8443" {
					t.Errorf("BaseURL = %q, want http://example.kg:8443", c.BaseURL)
				}
			},
		},
		{
			name: "base URL derived from a port-only address",
			env:  map[string]string{"DATKA_ADDR": ":9090"},
			check: func(t *testing.T, c Config) {
				if c.BaseURL != "http://localhost:9090" {
					t.Errorf("BaseURL = %q, want http://localhost:9090", c.BaseURL)
				}
			},
		},
		{
			name: "trailing slash of the base URL dropped",
			args: []string{"--base-url", "https://datka.example/"},
			check: func(t *testing.T, c Config) {
				if c.BaseURL != "https://datka.example" {
					t.Errorf("BaseURL = %q, want https://datka.example", c.BaseURL)
				}
			},
		},
		{
			name: "languages with names from the environment",
			env:  map[string]string{"DATKA_LANGUAGES": "ky=Кыргыз тили, ru ,en"},
			check: func(t *testing.T, c Config) {
				if got := codes(c); !reflect.DeepEqual(got, []string{"ky", "ru", "en"}) {
					t.Fatalf("languages = %q, want ky, ru, en", got)
				}
				if c.Languages[0].Name != "Кыргыз тили" || c.Languages[1].Name != "Русский" {
					t.Errorf("names = %q, %q; want the given one and the known one", c.Languages[0].Name, c.Languages[1].Name)
				}
			},
		},
		{
			name: "languages from the file replace the defaults",
			file: `{"languages": [{"code": "en", "name": "English"}, {"code": "de", "name": "Deutsch"}]}`,
			check: func(t *testing.T, c Config) {
				want := []string{"en", "de"}
				if got := codes(c); !reflect.DeepEqual(got, want) {
					t.Fatalf("languages = %q, want %q", got, want)
				}
				// Nothing of the default entries may show through.
				for _, l := range c.Languages {
					if len(l.Fallbacks) != 0 {
						t.Errorf("language %s has fallbacks %q the file did not give", l.Code, l.Fallbacks)
					}
				}
				if c.Languages[0].Name != "English" {
					t.Errorf("first language named %q, want English", c.Languages[0].Name)
				}
			},
		},
		{
			name: "a file entry without a name keeps none of the default's",
			file: `{"languages": [{"code": "en"}]}`,
			check: func(t *testing.T, c Config) {
				if len(c.Languages) != 1 || c.Languages[0].Code != "en" {
					t.Fatalf("languages = %+v, want en alone", c.Languages)
				}
				if c.Languages[0].Name == "Русский" || len(c.Languages[0].Fallbacks) != 0 {
					t.Errorf("en took over Russian's name or fallbacks: %+v", c.Languages[0])
				}
			},
		},
		{
			name: "page cache size from the environment",
			env:  map[string]string{"DATKA_PAGE_CACHE_MB": "0"},
			check: func(t *testing.T, c Config) {
				if c.PageCacheMB != 0 {
					t.Errorf("PageCacheMB = %d, want 0", c.PageCacheMB)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := load(t, tt.args, tt.env, tt.file)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			tt.check(t, c)
		})
	}
}

func TestConfigFileFromEnvironment(t *testing.T) {
	p := filepath.Join(t.TempDir(), "c.json")
	if err := os.WriteFile(p, []byte(`{"addr": "127.0.0.1:7777"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := load(t, nil, map[string]string{"DATKA_CONFIG": p}, "")
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != "127.0.0.1:7777" {
		t.Errorf("Addr = %q, want the one from DATKA_CONFIG's file", c.Addr)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
		file string
		want []string // substrings of the error
	}{
		{name: "unknown JSON field", file: `{"adress": "localhost:1"}`, want: []string{"unknown field", "adress"}},
		{name: "malformed JSON", file: `{"addr": `, want: []string{"config:"}},
		{name: "JSON of the wrong type", file: `{"page_cache_mb": "lots"}`, want: []string{"page_cache_mb"}},
		{name: "missing config file", args: []string{"--config", "/nonexistent/datka.json"}, want: []string{"config:", "/nonexistent/datka.json"}},
		{name: "address without port", args: []string{"--addr", "localhost"}, want: []string{"address", `"localhost"`}},
		{name: "address from the environment", env: map[string]string{"DATKA_ADDR": "a:b:c"}, want: []string{"address", `"a:b:c"`}},
		{name: "base URL without scheme", args: []string{"--base-url", "datka.example"}, want: []string{"base URL", "datka.example", "http"}},
		{name: "base URL with another scheme", env: map[string]string{"DATKA_BASE_URL": "ftp://datka.example"}, want: []string{"base URL"}},
		{name: "log format xml", env: map[string]string{"DATKA_LOG_FORMAT": "xml"}, want: []string{"log format", `"xml"`}},
		{name: "log level", env: map[string]string{"DATKA_LOG_LEVEL": "loud"}, want: []string{"log level", `"loud"`}},
		{name: "empty language entry", env: map[string]string{"DATKA_LANGUAGES": "ru,,en"}, want: []string{"DATKA_LANGUAGES", "empty"}},
		{name: "invalid language tag", env: map[string]string{"DATKA_LANGUAGES": "ru,not a tag"}, want: []string{`"not a tag"`, "BCP 47"}},
		{name: "duplicate language", env: map[string]string{"DATKA_LANGUAGES": "ru,en,ru"}, want: []string{`"ru"`, "twice"}},
		{name: "duplicate language in another case", env: map[string]string{"DATKA_LANGUAGES": "en,EN"}, want: []string{"twice"}},
		{name: "no languages in the file", file: `{"languages": []}`, want: []string{"no languages"}},
		{name: "empty data folder", args: []string{"--data", ""}, want: []string{"data folder"}},
		{name: "page cache not a number", env: map[string]string{"DATKA_PAGE_CACHE_MB": "lots"}, want: []string{"DATKA_PAGE_CACHE_MB", `"lots"`}},
		{name: "negative page cache", args: []string{"--page-cache-mb", "-1"}, want: []string{"page cache"}},
		{name: "backups every day, without a unit", args: []string{"--backup-every", "1"}, want: []string{"backup interval", `"1"`}},
		{name: "backups every second", env: map[string]string{"DATKA_BACKUP_EVERY": "1s"}, want: []string{"backup interval", "a minute"}},
		{name: "no backups kept", args: []string{"--backup-keep", "0"}, want: []string{"backups", "0"}},
		{name: "backups kept, not a number", env: map[string]string{"DATKA_BACKUP_KEEP": "all"}, want: []string{"DATKA_BACKUP_KEEP", `"all"`}},
		{name: "a recipient without a mail server", env: map[string]string{"DATKA_CONTACT_TO": "team@example.org"},
			want: []string{"DATKA_CONTACT_TO", "DATKA_SMTP_ADDR"}},
		{name: "a mail server without a port", env: map[string]string{"DATKA_SMTP_ADDR": "smtp.example.org",
			"DATKA_SMTP_FROM": "site@example.org", "DATKA_CONTACT_TO": "team@example.org"}, want: []string{"DATKA_SMTP_ADDR", "host:port"}},
		{name: "a mail server without a recipient", env: map[string]string{"DATKA_SMTP_ADDR": "smtp.example.org:587",
			"DATKA_SMTP_FROM": "site@example.org"}, want: []string{"DATKA_CONTACT_TO"}},
		{name: "two recipients", env: map[string]string{"DATKA_SMTP_ADDR": "smtp.example.org:587",
			"DATKA_SMTP_FROM": "site@example.org", "DATKA_CONTACT_TO": "team@example.org, other@example.org"}, want: []string{"DATKA_CONTACT_TO", "one plain address"}},
		{name: "a mail server without a sender", env: map[string]string{"DATKA_SMTP_ADDR": "smtp.example.org:587",
			"DATKA_CONTACT_TO": "team@example.org"}, want: []string{"DATKA_SMTP_FROM"}},
		{name: "a password without a user", env: map[string]string{"DATKA_SMTP_ADDR": "smtp.example.org:587",
			"DATKA_SMTP_FROM": "site@example.org", "DATKA_CONTACT_TO": "team@example.org", "DATKA_SMTP_PASSWORD": "x"}, want: []string{"DATKA_SMTP_USER"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, tt.args, tt.env, tt.file)
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
			if !strings.HasPrefix(err.Error(), "config: ") {
				t.Errorf("error %q does not start with the package name", err)
			}
		})
	}
}

// TestMedia checks where media files go, and that a wrong s3 URL stops
// the start with a message that names the problem and never a key.
func TestMedia(t *testing.T) {
	const secret = "wJalrXUtnFEMI-K7MDENG"
	s3 := "s3://site-media/prod?endpoint=s3.example.org:443&region=eu-central-1&access_key=AKIA1&secret_key=" + secret
	tests := []struct {
		name   string
		args   []string
		env    map[string]string
		file   string
		want   *media.S3Config // nil: the data folder
		errors []string        // substrings of the error
	}{
		{name: "the default is the data folder"},
		{name: "disk", args: []string{"--media", "disk"}},
		{name: "s3 from the flag", args: []string{"--media", s3},
			want: &media.S3Config{Bucket: "site-media", Prefix: "prod", Endpoint: "s3.example.org:443", Region: "eu-central-1", Secure: true, AccessKey: "AKIA1", SecretKey: secret}},
		{name: "s3 from the environment, keys from AWS_*", env: map[string]string{"DATKA_MEDIA": "s3://m?endpoint=127.0.0.1:7070&secure=false",
			"AWS_ACCESS_KEY_ID": "AKIA2", "AWS_SECRET_ACCESS_KEY": secret},
			want: &media.S3Config{Bucket: "m", Endpoint: "127.0.0.1:7070", AccessKey: "AKIA2", SecretKey: secret}},
		{name: "s3 from the file", file: `{"media": "s3://f?endpoint=h:1&access_key=a&secret_key=b"}`,
			want: &media.S3Config{Bucket: "f", Endpoint: "h:1", Secure: true, AccessKey: "a", SecretKey: "b"}},
		{name: "the flag wins over the environment", args: []string{"--media", "disk"}, env: map[string]string{"DATKA_MEDIA": "s3://broken"}},
		{name: "an unknown kind", args: []string{"--media", "gs://bucket?secret_key=" + secret}, errors: []string{"media storage", "gs://bucket", "expected disk or s3://"}},
		{name: "no endpoint", args: []string{"--media", "s3://b?access_key=a&secret_key=" + secret}, errors: []string{"endpoint", "host:port"}},
		{name: "no secret", env: map[string]string{"DATKA_MEDIA": "s3://b?endpoint=h:1&access_key=a"}, errors: []string{"secret_key", "AWS_SECRET_ACCESS_KEY"}},
		{name: "a misspelt parameter", args: []string{"--media", strings.Replace(s3, "region", "regoin", 1)}, errors: []string{`"regoin"`}},
		{name: "a bad secure", args: []string{"--media", s3 + "&secure=no-thanks"}, errors: []string{"secure"}},
		{name: "keys before the bucket", args: []string{"--media", "s3://AKIA1:" + secret + "@b?endpoint=h:1"}, errors: []string{"access_key and secret_key"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := load(t, tt.args, tt.env, tt.file)
			if tt.errors != nil {
				if err == nil {
					t.Fatal("Load succeeded, want an error")
				}
				for _, w := range tt.errors {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q does not mention %q", err, w)
					}
				}
				if strings.Contains(err.Error(), secret) || strings.Contains(err.Error(), "AKIA1") {
					t.Errorf("error %q shows a key", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got, err := cfg.MediaStorage()
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("MediaStorage = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

func TestDatabase(t *testing.T) {
	tests := []struct {
		name     string
		db       string
		want     Database
		wantErr  []string
		wantNone string // a word the error must not use
	}{
		{name: "default is sqlite in the data folder", db: "", want: Database{Driver: "sqlite", Path: filepath.Join("/srv/datka", "datka.db"), URL: "sqlite:" + filepath.Join("/srv/datka", "datka.db")}},
		{name: "sqlite with an absolute path", db: "sqlite:/x/y.db", want: Database{Driver: "sqlite", Path: "/x/y.db", URL: "sqlite:/x/y.db"}},
		{name: "sqlite URL form", db: "sqlite:///x/y.db", want: Database{Driver: "sqlite", Path: "/x/y.db", URL: "sqlite:/x/y.db"}},
		{name: "sqlite with a relative path", db: "sqlite:site.db", want: Database{Driver: "sqlite", Path: "site.db", URL: "sqlite:site.db"}},
		{name: "sqlite without a path", db: "sqlite:", wantErr: []string{"sqlite", "path"}},
		{name: "postgres", db: "postgres://datka@localhost/datka", want: Database{Driver: "postgres", URL: "postgres://datka@localhost/datka"}},
		{name: "postgresql scheme", db: "postgresql://localhost/datka", want: Database{Driver: "postgres", URL: "postgresql://localhost/datka"}},
		{name: "postgres without a host", db: "postgres:///datka", wantErr: []string{"PostgreSQL", "postgres://user:password@host"}},
		{name: "mysql", db: "mysql://localhost/datka", wantErr: []string{"database URL", "sqlite:"}},
		{name: "bare path", db: "/x/y.db", wantErr: []string{"sqlite:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Default()
			c.DataDir = "/srv/datka"
			c.DB = tt.db
			got, err := c.Database()
			if tt.wantErr != nil {
				if err == nil {
					t.Fatalf("Database() = %+v, want an error", got)
				}
				for _, w := range tt.wantErr {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error %q does not mention %q", err, w)
					}
				}
				if tt.wantNone != "" && strings.Contains(err.Error(), tt.wantNone) {
					t.Errorf("error %q repeats the URL, which may hold a password", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Database(): %v", err)
			}
			if got != tt.want {
				t.Errorf("Database() = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestDatabaseString names a database for messages without its password,
// wherever the URL gives it.
func TestDatabaseString(t *testing.T) {
	tests := []struct{ name, url, want string }{
		{"before the host", "postgres://datka:sekrit@db:5432/datka", "postgres://datka:xxxxx@db:5432/datka"},
		{"in the query", "postgres://datka@db/datka?password=sekrit&sslmode=require", "postgres://datka@db/datka?password=xxxxx&sslmode=require"},
		{"none", "postgres://db/datka?sslmode=disable", "postgres://db/datka?sslmode=disable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (Database{Driver: "postgres", URL: tt.url}).String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFlagsOnlyForServe(t *testing.T) {
	c := Default()
	fs := flag.NewFlagSet("datka migrate", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.Flags(fs, false)
	for _, name := range []string{"data", "db", "config"} {
		if fs.Lookup(name) == nil {
			t.Errorf("migrate lacks --%s", name)
		}
	}
	for _, name := range []string{"addr", "base-url", "theme"} {
		if fs.Lookup(name) != nil {
			t.Errorf("migrate has the serve option --%s", name)
		}
	}
}

func TestMailSettings(t *testing.T) {
	c, err := load(t, nil, map[string]string{"DATKA_SMTP_ADDR": "smtp.example.org:587", "DATKA_SMTP_USER": "site",
		"DATKA_SMTP_PASSWORD": "env secret", "DATKA_CONTACT_TO": "team@example.org"},
		`{"smtp_addr": "file.example.org:25", "smtp_from": "HERo <site@example.org>", "contact_to": "file@example.org"}`)
	if err != nil {
		t.Fatal(err)
	}
	want := [5]string{"smtp.example.org:587", "site", "env secret", "HERo <site@example.org>", "team@example.org"}
	if got := [5]string{c.SMTPAddr, c.SMTPUser, c.SMTPPassword, c.SMTPFrom, c.ContactTo}; got != want {
		t.Errorf("mail settings %q, want %q (the environment over the file)", got, want)
	}
	c, err = load(t, nil, nil, "")
	if err != nil || c.SMTPAddr != "" || c.ContactTo != "" {
		t.Errorf("mail is on by default: %+v, %v", c, err)
	}
}
