package app_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/app"
	"github.com/datka-cms/datka/internal/config"
	"github.com/datka-cms/datka/internal/testenv"
)

// serve starts the site as datka serve would, on a loopback port.
func serve(t *testing.T) string {
	t.Helper()
	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	cfg.DB = testenv.DatabaseURL(t, cfg.DataDir)
	cfg.Addr = "127.0.0.1:0"
	cfg.BaseURL = "http://127.0.0.1"
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	a, err := app.Open(context.Background(), cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := app.NewServer(a.Handler, log)
	go srv.Serve(ln)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
		srv.Close()
		a.Close()
	})
	return ln.Addr().String()
}

func get(t *testing.T, client *http.Client, url string) int {
	t.Helper()
	resp, err := client.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// TestSlowlorisDoesNotStopService holds 1,000 connections that send half a
// request and then nothing, and checks that other readers are still served.
func TestSlowlorisDoesNotStopService(t *testing.T) {
	addr := serve(t)
	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for i := range 1000 {
		c, err := net.DialTimeout("tcp", addr, 5*time.Second)
		if err != nil {
			t.Fatalf("connection %d: %v", i, err)
		}
		if _, err := fmt.Fprintf(c, "GET /ru/ HTTP/1.1\r\nHost: %s\r\nX-Slow-%d: ", addr, i); err != nil {
			t.Fatalf("connection %d: %v", i, err)
		}
		conns = append(conns, c)
	}
	client := &http.Client{Timeout: 10 * time.Second}
	for _, path := range []string{"/ru/", "/ky/", "/en/partners", "/healthz"} {
		if code := get(t, client, "http://"+addr+path); code != http.StatusOK {
			t.Errorf("GET %s with 1,000 idle half-open connections: status %d", path, code)
		}
	}
}

// TestOversizedBodyIsRefusedUnread declares a body far over the limit and
// sends none of it: the answer must come without the server waiting for it.
func TestOversizedBodyIsRefusedUnread(t *testing.T) {
	addr := serve(t)
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "POST /prefs/vision HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n", addr, 1<<30)
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("no answer to a 1 GiB body that was never sent: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("status %d, want 413", resp.StatusCode)
	}

	// A chunked body has no length up front: reading stops at the limit.
	body := io.MultiReader(strings.NewReader("vi=1&back="), strings.NewReader(strings.Repeat("x", 2*app.MaxBodyBytes)))
	req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/prefs/vision", io.NopCloser(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.ContentLength = -1
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("chunked oversized body: status %d, want 413", resp.StatusCode)
	}
}

// TestConcurrentReaders has 64 readers walk the site for 30 seconds (3 with
// -short) and counts every failure.
func TestConcurrentReaders(t *testing.T) {
	addr := serve(t)
	d := 30 * time.Second
	if testing.Short() {
		d = 3 * time.Second
	}
	paths := []string{"/ru/", "/ky/", "/en/", "/ru/partnery", "/ky/mamlekettik-organdar",
		"/en/government-bodies/ministry-of-education-and-science", "/ru/o-proekte", "/en/contacts", "/ru/net-takoy"}
	transport := &http.Transport{MaxIdleConnsPerHost: 64}
	defer transport.CloseIdleConnections()
	client := &http.Client{Timeout: 10 * time.Second, Transport: transport}
	deadline := time.Now().Add(d)
	var requests, failures atomic.Int64
	var firstErr sync.Once
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := i; time.Now().Before(deadline); n++ {
				path := paths[n%len(paths)]
				resp, err := client.Get("http://" + addr + path)
				requests.Add(1)
				want := http.StatusOK
				if strings.HasSuffix(path, "net-takoy") {
					want = http.StatusNotFound
				}
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != want {
						err = fmt.Errorf("GET %s: status %d", path, resp.StatusCode)
					}
				}
				if err != nil {
					failures.Add(1)
					firstErr.Do(func() { t.Errorf("first failure: %v", err) })
				}
			}
		}()
	}
	wg.Wait()
	t.Logf("%d requests by 64 readers in %s, %d failed", requests.Load(), d, failures.Load())
	if failures.Load() > 0 {
		t.Errorf("%d of %d requests failed", failures.Load(), requests.Load())
	}
}

// TestOpenChecksMediaBucket checks that a site told to keep its media in
// a bucket that does not exist refuses to start, saying so.
func TestOpenChecksMediaBucket(t *testing.T) {
	srv := testenv.StartS3(t)
	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	cfg.DB = testenv.DatabaseURL(t, cfg.DataDir)
	cfg.Media = srv.URL("no-such-bucket")
	_, err := app.Open(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err == nil || !strings.Contains(err.Error(), "no-such-bucket") || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("Open = %v, want an error saying the bucket does not exist", err)
	}
	if strings.Contains(err.Error(), srv.SecretKey) {
		t.Errorf("the error shows the secret: %v", err)
	}
}
