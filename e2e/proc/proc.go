// Package proc runs datka as a separate process for tests that need the
// real thing: several instances on one database, or a server killed with
// SIGKILL in the middle of its work. It builds the binary once per test,
// starts `datka serve` with settings in its environment, and signs in as
// the first administrator.
package proc

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
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
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/testenv"
)

// The first administrator every instance is started with.
const (
	AdminEmail    = "admin@example.org"
	AdminPassword = "a long quiet river in spring"
)

// Build compiles datka into the test's temporary folder.
func Build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "datka")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/datka")
	cmd.Dir = testenv.RepoRoot()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// Instance is one running `datka serve`.
type Instance struct {
	Name string
	Base string // http://127.0.0.1:PORT
	cmd  *exec.Cmd
	mu   sync.Mutex
	log  strings.Builder
	done chan struct{}
}

// Start runs `datka serve` with the given DATKA_ settings (besides the
// address and the first administrator) and waits until /readyz answers.
// Its output is shown if the test fails. It is killed when the test ends.
func Start(t *testing.T, bin, name string, env ...string) *Instance {
	t.Helper()
	return StartIn(t, bin, name, "", []string{"serve"}, env...)
}

// StartIn is Start with the working folder (the test's own when empty)
// and the arguments of the command given.
func StartIn(t *testing.T, bin, name, dir string, args []string, env ...string) *Instance {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "DATKA_ADDR="+addr, "DATKA_BASE_URL=http://"+addr,
		"DATKA_ADMIN_EMAIL="+AdminEmail, "DATKA_ADMIN_PASSWORD="+AdminPassword)
	cmd.Env = append(cmd.Env, env...)
	in := &Instance{Name: name, Base: "http://" + addr, cmd: cmd, done: make(chan struct{})}
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
		cmd.Wait()
		close(in.done)
	}()
	t.Cleanup(func() {
		in.Kill()
		if t.Failed() {
			in.mu.Lock()
			t.Logf("log of %s:\n%s", name, in.log.String())
			in.mu.Unlock()
		}
	})
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-in.done:
			t.Fatalf("%s exited before it was ready:\n%s", name, in.Log())
		default:
		}
		if res, err := http.Get(in.Base + "/readyz"); err == nil {
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

// Kill stops the instance with SIGKILL, as a crash would, and waits
// until it is gone.
func (in *Instance) Kill() {
	in.cmd.Process.Kill()
	<-in.done
}

// Log returns what the instance wrote so far.
func (in *Instance) Log() string {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.log.String()
}

// SignIn returns a client signed in as the first administrator, which
// does not follow redirects.
func SignIn(t *testing.T, in *Instance) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 20 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.PostForm(in.Base+"/admin/signin", url.Values{"email": {AdminEmail}, "password": {AdminPassword}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in at %s: status %d", in.Name, res.StatusCode)
	}
	return c
}

// Get fetches u and fails the test unless it answers 200.
func Get(t *testing.T, c *http.Client, u string) string {
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

// Token is a short random word that makes a title unique.
func Token() string {
	b := make([]byte, 4)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Writes records what a load of editors wrote: the titles of the items
// an instance accepted (answered 303), by instance name.
type Writes struct {
	mu       sync.Mutex
	accepted map[string]string
	failed   int
}

// Accepted returns the accepted titles and the instance that accepted
// each, and how many writes failed or were cut off.
func (w *Writes) Accepted() (map[string]string, int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make(map[string]string, len(w.accepted))
	for k, v := range w.accepted {
		out[k] = v
	}
	return out, w.failed
}

// Write runs n editors that create news items through the instances in
// turn, each with a title of its own, until stop is closed; it returns
// at once. wait blocks until they have stopped.
func Write(clients map[*Instance]*http.Client, n int, stop <-chan struct{}) (w *Writes, wait func()) {
	w = &Writes{accepted: map[string]string{}}
	var ins []*Instance
	for in := range clients {
		ins = append(ins, in)
	}
	var wg sync.WaitGroup
	for e := range n {
		wg.Go(func() {
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				in := ins[(e+i)%len(ins)]
				title := "Load " + Token() + " " + Token()
				res, err := clients[in].PostForm(in.Base+"/admin/new", url.Values{"kind": {"news"}, "title": {title}, "lang": {"en"}})
				ok := err == nil && res.StatusCode == http.StatusSeeOther
				if err == nil {
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
				}
				w.mu.Lock()
				if ok {
					w.accepted[title] = in.Name
				} else {
					w.failed++ // refused, or the instance is gone: nothing was accepted
				}
				w.mu.Unlock()
				if err != nil {
					time.Sleep(10 * time.Millisecond)
				}
			}
		})
	}
	return w, wg.Wait
}

// Missing returns the accepted titles that no draft in drafts (the JSON
// fields of every draft, as the database holds them) contains.
func Missing(accepted map[string]string, drafts []string) []string {
	all := strings.Join(drafts, "\n")
	var out []string
	for title := range accepted {
		if !strings.Contains(all, title) {
			out = append(out, title)
		}
	}
	return out
}
