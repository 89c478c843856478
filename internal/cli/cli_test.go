package cli

import (
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/testenv"

	"github.com/datka-cms/datka/internal/auth"
	"github.com/datka-cms/datka/internal/backup"
	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/store"
)

// quietEnv empties every DATKA_ variable the configuration reads, so that
// the developer's environment does not change what a test runs, and keeps
// the logs of commands to errors.
func quietEnv(t *testing.T) {
	t.Helper()
	for _, n := range []string{"DATKA_CONFIG", "DATKA_ADDR", "DATKA_DATA", "DATKA_DB", "DATKA_BASE_URL",
		"DATKA_THEME", "DATKA_LANGUAGES", "DATKA_LOG_FORMAT", "DATKA_PAGE_CACHE_MB", "DATKA_ADMIN_EMAIL", "DATKA_ADMIN_PASSWORD",
		"DATKA_BACKUP_DIR", "DATKA_BACKUP_EVERY", "DATKA_BACKUP_KEEP"} {
		t.Setenv(n, "")
	}
	t.Setenv("DATKA_LOG_LEVEL", "error")
}

// syncBuffer is a bytes.Buffer that a running command and the test may
// use at once.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestHelp(t *testing.T) {
	for _, arg := range []string{"help", "-h", "--help"} {
		t.Run(arg, func(t *testing.T) { testHelp(t, arg) })
	}
}

func testHelp(t *testing.T, arg string) {
	quietEnv(t)
	code, stdout, stderr := run(t, arg)
	if code != 0 {
		t.Fatalf("exit %d, want 0; stderr %q", code, stderr)
	}
	for _, want := range []string{"Usage:", "--data DIR", "--db URL"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("help does not mention %q:\n%s", want, stdout)
		}
	}
	for _, c := range commands() {
		if !strings.Contains(stdout, "  "+c.name+" ") {
			t.Errorf("help does not list the command %q:\n%s", c.name, stdout)
		}
	}
	for _, want := range []string{"serve", "migrate"} {
		if !strings.Contains(stdout, "  "+want+" ") {
			t.Errorf("help does not list %q", want)
		}
	}
}

func TestCommandHelp(t *testing.T) {
	quietEnv(t)
	tests := []struct {
		name    string
		args    []string
		want    []string
		wantNot []string
	}{
		{name: "serve", args: []string{"serve", "-h"}, want: []string{"-data", "-db", "-addr", "-base-url"}},
		{name: "migrate", args: []string{"migrate", "-h"}, want: []string{"-data", "-db"}, wantNot: []string{"-addr"}},
		{name: "migrate-data", args: []string{"migrate-data", "-h"}, want: []string{"-data", "-to", "-from", "-media-from", "-media-to"}, wantNot: []string{"-addr"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, tt.args...)
			if code != 0 {
				t.Errorf("exit %d, want 0", code)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("%q does not list %s:\n%s", tt.args, w, stderr)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(stderr, w) {
					t.Errorf("%q lists %s", tt.args, w)
				}
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	quietEnv(t)
	dir := t.TempDir()
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStderr []string
	}{
		{name: "unknown command", args: []string{"frobnicate"}, wantCode: 2, wantStderr: []string{`unknown command "frobnicate"`, "Usage:", "migrate"}},
		{name: "unknown option", args: []string{"migrate", "--nope"}, wantCode: 2, wantStderr: []string{"nope"}},
		{name: "serve option given to migrate", args: []string{"migrate", "--addr", "127.0.0.1:0"}, wantCode: 2, wantStderr: []string{"addr"}},
		{name: "invalid configuration", args: []string{"migrate", "--data", ""}, wantCode: 2, wantStderr: []string{"datka: config:", "data folder"}},
		{name: "serve with arguments", args: []string{"serve", "--data", dir, "--addr", "127.0.0.1:0", "extra"}, wantCode: 1, wantStderr: []string{"serve takes no arguments", "extra"}},
		{name: "migrate with arguments", args: []string{"migrate", "--data", dir, "extra"}, wantCode: 1, wantStderr: []string{"migrate takes no arguments"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d; stderr %q", code, tt.wantCode, stderr)
			}
			for _, w := range tt.wantStderr {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr does not mention %q:\n%s", w, stderr)
				}
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing on failure", stdout)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "datka.db")); err == nil {
		t.Error("a command refused for its arguments created the database")
	}
}

func TestMigrate(t *testing.T) {
	quietEnv(t)
	dir := t.TempDir()
	for _, attempt := range []string{"first run creates the database", "second run finds it up to date"} {
		t.Run(attempt, func(t *testing.T) {
			code, stdout, stderr := run(t, "migrate", "--data", dir)
			if code != 0 {
				t.Fatalf("exit %d, want 0; stderr:\n%s", code, stderr)
			}
			if !strings.Contains(stdout, "up to date") {
				t.Errorf("stdout = %q, want it to say the database is up to date", stdout)
			}
			fi, err := os.Stat(filepath.Join(dir, "datka.db"))
			if err != nil {
				t.Fatalf("database not created: %v", err)
			}
			if fi.Size() == 0 {
				t.Error("database file is empty")
			}
		})
	}
}

func TestMigrateDatabaseOption(t *testing.T) {
	quietEnv(t)
	dir := t.TempDir()
	t.Run("sqlite path", func(t *testing.T) {
		p := filepath.Join(dir, "elsewhere.db")
		code, _, stderr := run(t, "migrate", "--data", filepath.Join(dir, "data"), "--db", "sqlite:"+p)
		if code != 0 {
			t.Fatalf("exit %d; stderr:\n%s", code, stderr)
		}
		if _, err := os.Stat(p); err != nil {
			t.Errorf("database not at the --db path: %v", err)
		}
	})
	t.Run("a PostgreSQL server that cannot be reached is named in the message", func(t *testing.T) {
		code, _, stderr := run(t, "migrate", "--data", dir, "--db", "postgres://x")
		if code != 1 && code != 2 {
			t.Errorf("exit %d, want 1 or 2", code)
		}
		if !strings.Contains(stderr, "PostgreSQL") {
			t.Errorf("stderr %q does not mention PostgreSQL", stderr)
		}
	})
}

// freeAddr finds a port nobody listens on. Another process could take it
// before serve does; that is rare enough for a test.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// TestServe runs the real command on a real port, waits until it is
// ready, fetches a page, and stops it with SIGTERM as a service manager
// would. Main catches the signal through signal.NotifyContext, so the
// test process is not killed.
func TestServe(t *testing.T) {
	quietEnv(t)
	// A data folder that is not there yet, as on a fresh checkout.
	dir := filepath.Join(t.TempDir(), "data")
	srv := startServe(t, dir)
	addr, stdout, stderr, done := srv.addr, srv.stdout, srv.stderr, srv.done
	client := &http.Client{Timeout: 5 * time.Second}
	base := "http://" + addr
	get := func(path string) (int, string, error) {
		res, err := client.Get(base + path)
		if err != nil {
			return 0, "", err
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		return res.StatusCode, string(b), err
	}

	code, body, err := get("/ru/")
	if err != nil {
		t.Errorf("GET /ru/: %v", err)
	} else {
		if code != http.StatusOK {
			t.Errorf("GET /ru/: status %d, want 200", code)
		}
		if !strings.Contains(body, `<html lang="ru"`) {
			t.Errorf("GET /ru/: no <html lang=\"ru\" in %.300q", body)
		}
	}
	if !strings.Contains(stdout.String(), addr) {
		t.Errorf("stdout %q does not say where it serves", stdout.String())
	}

	if c := stopServe(t, done); c != 0 {
		t.Errorf("serve exited with %d after SIGTERM, want 0; stderr:\n%s", c, stderr.String())
	}
	if _, _, err := get("/readyz"); err == nil {
		t.Error("the server still answers after serve returned")
	}
}

// TestServeBacksUpOnItsOwn: with a backup folder, the server takes a
// backup at its start (none is there yet), a sound one, says so, and
// reports it in its metrics.
func TestServeBacksUpOnItsOwn(t *testing.T) {
	quietEnv(t)
	backups := filepath.Join(t.TempDir(), "backups")
	t.Setenv("DATKA_BACKUP_DIR", backups)
	t.Setenv("DATKA_BACKUP_KEEP", "3")
	srv := startServe(t, t.TempDir())
	var archive []string
	for deadline := time.Now().Add(30 * time.Second); len(archive) == 0 && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		archive, _ = filepath.Glob(filepath.Join(backups, "datka-backup-*.tar.gz"))
	}
	if len(archive) != 1 {
		t.Fatalf("backups after the start: %q", archive)
	}
	if _, _, err := backup.Check(t.Context(), archive[0], io.Discard); err != nil {
		t.Errorf("the backup is not sound: %v", err)
	}
	if out := srv.stdout.String(); !strings.Contains(out, backups) || !strings.Contains(out, "24h0m0s") || !strings.Contains(out, "3 are kept") {
		t.Errorf("serve does not say where and how often it backs up:\n%s", out)
	}
	res, err := http.Get("http://" + srv.addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !regexp.MustCompile(`(?m)^datka_backup_last_success_timestamp_seconds [1-9]`).Match(body) {
		t.Error("the metrics do not say when the last backup was taken")
	}
	if c := stopServe(t, srv.done); c != 0 {
		t.Errorf("serve exited with %d; stderr:\n%s", c, srv.stderr.String())
	}
}

// servedSite is a real serve command that a test started.
type servedSite struct {
	addr           string
	stdout, stderr *syncBuffer
	done           chan int // Main's exit code
}

// startServe runs serve on the data folder dir on a free port and waits
// until it answers /readyz; the test fails if it exits first or is not
// ready within 10 s. Stop it with stopServe.
func startServe(t *testing.T, dir string) *servedSite {
	t.Helper()
	s := &servedSite{addr: freeAddr(t), stdout: &syncBuffer{}, stderr: &syncBuffer{}, done: make(chan int, 1)}
	go func() { s.done <- Main([]string{"serve", "--data", dir, "--addr", s.addr}, s.stdout, s.stderr) }()
	client := &http.Client{Timeout: 5 * time.Second}
	for deadline := time.Now().Add(10 * time.Second); ; {
		res, err := client.Get("http://" + s.addr + "/readyz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return s
			}
		}
		select {
		case c := <-s.done:
			t.Fatalf("serve exited with %d before it was ready; stderr:\n%s", c, s.stderr.String())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			// Stop the server, so that it does not outlive the test.
			stopServe(t, s.done)
			t.Fatalf("not ready after 10 s (last: %v); stderr:\n%s", err, s.stderr.String())
		}
	}
}

// stopServe sends SIGTERM to this process and waits for Main to return.
func stopServe(t *testing.T, done <-chan int) int {
	t.Helper()
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatalf("kill: %v", err)
	}
	select {
	case c := <-done:
		return c
	case <-time.After(25 * time.Second):
		t.Fatal("serve did not stop within 25 s of SIGTERM")
		return -1
	}
}

// withStdin makes os.Stdin a pipe that holds input and then ends, as
// `echo PASSWORD | datka user add …` would, until the test ends. An empty
// input is a pipe with nothing in it, so the command generates a password
// whatever the test runner's own standard input is.
func withStdin(t *testing.T, input string) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.WriteString(input); err != nil {
		t.Fatal(err)
	}
	w.Close()
	old := os.Stdin
	os.Stdin = r
	t.Cleanup(func() {
		os.Stdin = old
		r.Close()
	})
}

// account reads an account and its hash from the database the command
// wrote; found is false when there is none.
func account(t *testing.T, dbURL, email string) (u content.User, hash string, found bool) {
	t.Helper()
	st, err := store.Open(t.Context(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	u, hash, err = st.UserByEmail(t.Context(), email)
	if errors.Is(err, store.ErrNotFound) {
		return u, "", false
	}
	if err != nil {
		t.Fatal(err)
	}
	return u, hash, true
}

func verifies(t *testing.T, password, hash string) bool {
	t.Helper()
	ok, err := auth.Verify(password, hash)
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	return ok
}

// TestMain runs the package's tests on SQLite, then on PostgreSQL.
func TestMain(m *testing.M) { testenv.MainOnBothDatabases(m) }

var printedPassword = regexp.MustCompile(`(?m)^Password: (\S+)$`)

// TestUserCommand runs `datka user` as an administrator would, step by
// step on one data folder: each step's check sees what the steps before it
// did.
func TestUserCommand(t *testing.T) {
	quietEnv(t)
	dir := t.TempDir()
	db := testenv.DatabaseURL(t, dir)
	user := func(args ...string) []string { return append([]string{"user", "--data", dir, "--db", db}, args...) }
	const (
		firstPassword  = "kettle orbit 19 gale"
		secondPassword = "a lantern over Issyk-Kul"
	)
	var generated string // the last password the command printed
	absent := func(email string) func(t *testing.T) {
		return func(t *testing.T) {
			if _, _, found := account(t, db, email); found {
				t.Errorf("%s was created by a refused command", email)
			}
		}
	}
	steps := []struct {
		name       string
		stdin      string
		args       []string
		wantCode   int
		wantStdout []string
		wantStderr []string
		noStdout   []string
		check      func(t *testing.T)
	}{
		{name: "add a translator for Kyrgyz with a piped password", stdin: firstPassword + "\n",
			args:     user("add", "--role", "translator", "--lang", "ky", "--name", "Айпери", "x@example.org"),
			wantCode: 0, wantStdout: []string{"Created x@example.org (translator)."}, noStdout: []string{"Password:", firstPassword},
			check: func(t *testing.T) {
				u, hash, _ := account(t, db, "x@example.org")
				if u.Role != content.RoleTranslator || !slices.Equal(u.Languages, []string{"ky"}) || u.Name != "Айпери" || u.Disabled {
					t.Errorf("stored %+v", u)
				}
				if !verifies(t, firstPassword, hash) {
					t.Error("the piped password does not verify")
				}
			}},
		{name: "list shows it", args: user("list"), wantCode: 0, wantStdout: []string{"x@example.org", "translator", "Айпери"}},
		{name: "a translator without --lang", args: user("add", "--role", "translator", "y@example.org"),
			wantCode: 1, wantStderr: []string{"translator needs --lang"}, check: absent("y@example.org")},
		{name: "languages are trimmed and checked", stdin: firstPassword + "\n",
			args: user("add", "--role", "translator", "--lang", "ky, en,ky", "t2@example.org"), wantCode: 0,
			check: func(t *testing.T) {
				if u, _, _ := account(t, db, "t2@example.org"); !slices.Equal(u.Languages, []string{"ky", "en"}) {
					t.Errorf("languages %q, want [ky en]", u.Languages)
				}
			}},
		{name: "a language the site does not have", args: user("add", "--role", "translator", "--lang", "ky,zz", "t3@example.org"),
			wantCode: 1, wantStderr: []string{`unknown language "zz"`, "ru, ky, en"}, check: absent("t3@example.org")},
		{name: "not an address", args: user("add", "--role", "editor", "not-an-address"),
			wantCode: 1, wantStderr: []string{"not an e-mail address"}, check: absent("not-an-address")},
		{name: "an address taken in another case", stdin: firstPassword + "\n", args: user("add", "X@Example.org"),
			wantCode: 1, wantStderr: []string{"exists already"}},
		{name: "an unknown role", args: user("add", "--role", "root", "r@example.org"),
			wantCode: 1, wantStderr: []string{`unknown role "root"`}, check: absent("r@example.org")},
		{name: "a common password from standard input", stdin: "password\n", args: user("add", "weak@example.org"),
			wantCode: 1, wantStderr: []string{"password is refused: password too common"}, check: absent("weak@example.org")},
		{name: "an administrator with a generated password", stdin: "", args: user("add", "--role", "admin", "a@example.org"),
			wantCode: 0, wantStdout: []string{"Created a@example.org (admin).", "Password: ", "shown only this once"},
			check: func(t *testing.T) {
				u, hash, _ := account(t, db, "a@example.org")
				if u.Role != content.RoleAdmin || len(generated) != 20 || !verifies(t, generated, hash) {
					t.Errorf("stored %+v; printed password %q does not verify", u, generated)
				}
			}},
		{name: "passwd with a piped password", stdin: secondPassword + "\n", args: user("passwd", "X@EXAMPLE.ORG"),
			wantCode: 0, wantStdout: []string{"New password set for x@example.org"}, noStdout: []string{"Password:"},
			check: func(t *testing.T) {
				u, hash, _ := account(t, db, "x@example.org")
				if !verifies(t, secondPassword, hash) || verifies(t, firstPassword, hash) {
					t.Error("the new password does not verify, or the old one still does")
				}
				if u.SessionEpoch != 2 {
					t.Errorf("session epoch %d, want 2: a new password ends the sessions", u.SessionEpoch)
				}
			}},
		{name: "passwd with a generated password", stdin: "", args: user("passwd", "x@example.org"),
			wantCode: 0, wantStdout: []string{"Password: "},
			check: func(t *testing.T) {
				if _, hash, _ := account(t, db, "x@example.org"); !verifies(t, generated, hash) {
					t.Errorf("the printed password %q does not verify", generated)
				}
			}},
		{name: "passwd refuses a weak password", stdin: "qwerty123\n", args: user("passwd", "x@example.org"),
			wantCode: 1, wantStderr: []string{"refused"},
			check: func(t *testing.T) {
				if _, hash, _ := account(t, db, "x@example.org"); verifies(t, "qwerty123", hash) {
					t.Error("the refused password was set")
				}
			}},
		{name: "passwd of an unknown account", args: user("passwd", "nobody@example.org"),
			wantCode: 1, wantStderr: []string{"no account has the address nobody@example.org"}},
		{name: "disable", args: user("disable", "x@example.org"), wantCode: 0, wantStdout: []string{"x@example.org is now disabled"},
			check: func(t *testing.T) {
				if u, _, _ := account(t, db, "x@example.org"); !u.Disabled || u.SessionEpoch != 4 {
					t.Errorf("disabled %t, epoch %d; want true, 4", u.Disabled, u.SessionEpoch)
				}
			}},
		{name: "list shows it disabled", args: user("list"), wantCode: 0, wantStdout: []string{"disabled"}},
		{name: "enable", args: user("enable", "x@example.org"), wantCode: 0, wantStdout: []string{"x@example.org is now enabled"},
			check: func(t *testing.T) {
				if u, _, _ := account(t, db, "x@example.org"); u.Disabled || u.SessionEpoch != 4 {
					t.Errorf("disabled %t, epoch %d; want false, 4 (enabling starts no session)", u.Disabled, u.SessionEpoch)
				}
			}},
		{name: "the last administrator cannot be disabled", args: user("disable", "a@example.org"),
			wantCode: 1, wantStderr: []string{"last active administrator"},
			check: func(t *testing.T) {
				if u, _, _ := account(t, db, "a@example.org"); u.Disabled {
					t.Error("the last administrator was disabled")
				}
			}},
		{name: "a second administrator", stdin: "", args: user("add", "--role", "admin", "b@example.org"), wantCode: 0},
		{name: "now the first can be disabled", args: user("disable", "a@example.org"), wantCode: 0},
		{name: "and the second is the last", args: user("disable", "b@example.org"), wantCode: 1, wantStderr: []string{"last active administrator"}},
		{name: "no subcommand", args: user(), wantCode: 1, wantStderr: []string{"user needs a subcommand"}},
		{name: "an unknown subcommand", args: user("frobnicate"), wantCode: 1, wantStderr: []string{`unknown user subcommand "frobnicate"`}},
		{name: "add without an address", args: user("add", "--role", "editor"), wantCode: 1, wantStderr: []string{"one e-mail address"}},
		{name: "disable without an address", args: user("disable"), wantCode: 1, wantStderr: []string{"one e-mail address"}},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			withStdin(t, s.stdin)
			code, stdout, stderr := run(t, s.args...)
			if code != s.wantCode {
				t.Fatalf("%q: exit %d, want %d; stdout %q; stderr %q", s.args, code, s.wantCode, stdout, stderr)
			}
			for _, w := range s.wantStdout {
				if !strings.Contains(stdout, w) {
					t.Errorf("stdout %q lacks %q", stdout, w)
				}
			}
			for _, w := range s.noStdout {
				if strings.Contains(stdout, w) {
					t.Errorf("stdout %q must not contain %q", stdout, w)
				}
			}
			for _, w := range s.wantStderr {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr %q lacks %q", stderr, w)
				}
			}
			if m := printedPassword.FindStringSubmatch(stdout); m != nil {
				generated = m[1]
			}
			if s.check != nil {
				s.check(t)
			}
		})
	}

	t.Run("list", func(t *testing.T) {
		withStdin(t, "")
		code, stdout, stderr := run(t, user("list")...)
		if code != 0 {
			t.Fatalf("exit %d; stderr %q", code, stderr)
		}
		lines := map[string]string{}
		for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
			lines[strings.Fields(l)[0]] = l
		}
		want := map[string][]string{
			"x@example.org":  {"translator", "ky", "active", "Айпери"},
			"t2@example.org": {"translator", "ky,en", "active"},
			"a@example.org":  {"admin", "disabled"},
			"b@example.org":  {"admin", "active"},
		}
		if len(lines) != len(want) {
			t.Errorf("list has %d accounts, want %d:\n%s", len(lines), len(want), stdout)
		}
		for email, fields := range want {
			l, ok := lines[email]
			if !ok {
				t.Errorf("list lacks %s:\n%s", email, stdout)
				continue
			}
			for _, f := range fields {
				if !slices.Contains(strings.Fields(l), f) {
					t.Errorf("list line %q lacks %q", l, f)
				}
			}
		}
		if strings.Index(stdout, "a@example.org") > strings.Index(stdout, "x@example.org") {
			t.Error("administrators are not listed first")
		}
	})

	t.Run("every change is in the audit log", func(t *testing.T) {
		st, err := store.Open(t.Context(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		es, err := st.AuditLog(t.Context(), 100, 0)
		if err != nil {
			t.Fatal(err)
		}
		count := map[string]int{}
		for _, e := range es {
			if e.UserEmail != "command line" {
				t.Errorf("entry %+v is not marked as from the command line", e)
			}
			count[e.Action]++
			if strings.Contains(e.Detail, firstPassword) || strings.Contains(e.Detail, secondPassword) {
				t.Errorf("a password is in the audit log: %+v", e)
			}
		}
		// Four accounts made, two passwords set, disable, enable, disable.
		want := map[string]int{"user_create": 4, "password_reset": 2, "user_update": 3}
		for action, n := range want {
			if count[action] != n {
				t.Errorf("%d %s entries, want %d (all: %v)", count[action], action, n, count)
			}
		}
	})
}
