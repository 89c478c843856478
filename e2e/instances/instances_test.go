// Package instances_test runs datka as several processes on one
// PostgreSQL database, as it runs behind a load balancer: what one
// instance writes, the others show within a second, and stopping one in
// the middle of the load loses no write it accepted.
package instances_test

import (
	"bufio"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"github.com/datka-cms/datka/internal/testenv"
)

const (
	adminEmail    = "admin@example.org"
	adminPassword = "a long quiet river in spring"
)

// build compiles datka once for the test.
func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "datka")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/datka")
	cmd.Dir = testenv.RepoRoot()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// instance is one running `datka serve`.
type instance struct {
	name string
	base string
	cmd  *exec.Cmd
	log  *strings.Builder
	mu   *sync.Mutex
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// start runs `datka serve` on dbURL and waits until it is ready.
func start(t *testing.T, bin, name, dbURL string) *instance {
	t.Helper()
	addr := freeAddr(t)
	cmd := exec.Command(bin, "serve")
	cmd.Env = append(os.Environ(), "DATKA_DB="+dbURL, "DATKA_ADDR="+addr, "DATKA_DATA="+t.TempDir(),
		"DATKA_BASE_URL=http://"+addr, "DATKA_ADMIN_EMAIL="+adminEmail, "DATKA_ADMIN_PASSWORD="+adminPassword)
	in := &instance{name: name, base: "http://" + addr, cmd: cmd, log: &strings.Builder{}, mu: &sync.Mutex{}}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			in.mu.Lock()
			in.log.WriteString(sc.Text() + "\n")
			in.mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		if t.Failed() {
			in.mu.Lock()
			t.Logf("log of %s:\n%s", name, in.log.String())
			in.mu.Unlock()
		}
	})
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if res, err := http.Get(in.base + "/readyz"); err == nil {
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return in
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s did not become ready in 30 s", name)
	return nil
}

// client is a signed-in editor's browser.
func signIn(t *testing.T, in *instance) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.PostForm(in.base+"/admin/signin", url.Values{"email": {adminEmail}, "password": {adminPassword}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in at %s: status %d", in.name, res.StatusCode)
	}
	return c
}

func get(t *testing.T, c *http.Client, u string) string {
	t.Helper()
	res, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", u, res.StatusCode)
	}
	return string(b)
}

func token() string {
	b := make([]byte, 4)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func TestTwoInstancesOnePostgres(t *testing.T) {
	dbURL := testenv.PostgresSchema(t)
	bin := build(t)
	a := start(t, bin, "instance A", dbURL) // creates the site
	b := start(t, bin, "instance B", dbURL)
	editor := signIn(t, a)
	reader := &http.Client{Timeout: 5 * time.Second}

	t.Run("a change made through one is shown by the other within a second", func(t *testing.T) {
		for range 3 { // B renders and caches the page
			if body := get(t, reader, b.base+"/en/"); !strings.Contains(body, "<html") {
				t.Fatal("B's home page is not a page")
			}
		}
		for round := range 3 {
			slogan := "Together for equality " + token()
			res, err := editor.PostForm(a.base+"/admin/settings/en", url.Values{"site_name": {"HERo"}, "slogan": {slogan}})
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("save settings through A: status %d", res.StatusCode)
			}
			saved := time.Now()
			for !strings.Contains(get(t, reader, b.base+"/en/"), slogan) {
				if time.Since(saved) > time.Second {
					t.Fatalf("round %d: B still shows the old slogan a second after A saved it", round)
				}
				time.Sleep(10 * time.Millisecond)
			}
			t.Logf("round %d: B showed A's change %v after it was saved", round, time.Since(saved).Round(time.Millisecond))
		}
	})

	t.Run("stopping one instance under load loses no accepted write", func(t *testing.T) {
		editors := map[*instance]*http.Client{a: editor, b: signIn(t, b)}
		var accepted sync.Map // title → instance name
		var nAccepted, nFailed atomic.Int64
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for w := range 8 {
			wg.Go(func() {
				for i := 0; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					in := a
					if (w+i)%2 == 1 {
						in = b
					}
					title := fmt.Sprintf("Load %d %d %s", w, i, token())
					res, err := editors[in].PostForm(in.base+"/admin/new", url.Values{"kind": {"news"}, "title": {title}, "lang": {"en"}})
					if err != nil {
						nFailed.Add(1) // the instance is gone: nothing was accepted
						continue
					}
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if res.StatusCode == http.StatusSeeOther {
						accepted.Store(title, in.name)
						nAccepted.Add(1)
					} else {
						nFailed.Add(1)
					}
				}
			})
		}
		time.Sleep(time.Second)
		if err := a.cmd.Process.Kill(); err != nil { // no shutdown: as a crash
			t.Fatal(err)
		}
		killedAt := nAccepted.Load()
		time.Sleep(time.Second)
		close(stop)
		wg.Wait()
		if killedAt == 0 || nAccepted.Load() == killedAt {
			t.Fatalf("%d writes accepted before the kill and %d after: the load did not run on both sides of it",
				killedAt, nAccepted.Load()-killedAt)
		}
		db, err := sql.Open("pgx", dbURL)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		stored := map[string]bool{}
		rows, err := db.Query(`SELECT fields FROM drafts`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var f string
			if err := rows.Scan(&f); err != nil {
				t.Fatal(err)
			}
			stored[f] = true
		}
		rows.Close()
		lost := 0
		accepted.Range(func(k, v any) bool {
			found := false
			for f := range stored {
				if strings.Contains(f, k.(string)) {
					found = true
					break
				}
			}
			if !found {
				lost++
				t.Errorf("%q, accepted by %s, is not in the database", k, v)
			}
			return true
		})
		t.Logf("%d writes accepted (%d before A was killed), %d refused or cut off; %d lost",
			nAccepted.Load(), killedAt, nFailed.Load(), lost)
		// B goes on serving.
		if body := get(t, reader, b.base+"/en/"); !strings.Contains(body, "<html") {
			t.Error("B stopped serving after A was killed")
		}
	})
}
