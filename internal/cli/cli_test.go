package cli

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// quietEnv empties every DATKA_ variable the configuration reads, so that
// the developer's environment does not change what a test runs, and keeps
// the logs of commands to errors.
func quietEnv(t *testing.T) {
	t.Helper()
	for _, n := range []string{"DATKA_CONFIG", "DATKA_ADDR", "DATKA_DATA", "DATKA_DB", "DATKA_BASE_URL",
		"DATKA_THEME", "DATKA_LANGUAGES", "DATKA_LOG_FORMAT", "DATKA_PAGE_CACHE_MB"} {
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
	t.Run("postgres is refused with a clear message", func(t *testing.T) {
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
	dir := t.TempDir()
	addr := freeAddr(t)
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() { done <- Main([]string{"serve", "--data", dir, "--addr", addr}, &stdout, &stderr) }()

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

	deadline := time.Now().Add(10 * time.Second)
	for {
		code, _, err := get("/readyz")
		if err == nil && code == http.StatusOK {
			break
		}
		select {
		case c := <-done:
			t.Fatalf("serve exited with %d before it was ready; stderr:\n%s", c, stderr.String())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			// Leave the server to the signal below, so that it does not
			// outlive the test.
			stopServe(t, done)
			t.Fatalf("not ready after 10 s (last: %d, %v); stderr:\n%s", code, err, stderr.String())
		}
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
