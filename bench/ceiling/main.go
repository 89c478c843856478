// Command ceiling is the benchmark's reference server: the least a Go HTTP
// server can do to answer with a page of datka's size. It loads one page
// and its response headers from files once, and answers every GET with
// them from memory: the same bytes, the same headers (Content-Type, ETag,
// Cache-Control, the security headers), no compression, a 304 when the
// ETag matches. What datka does beyond this (routing, the database,
// templates, Markdown, middleware) is what the benchmark compares.
//
// It is started by the benchmark (go run ./bench), not by hand:
//
//	ceiling -addr 127.0.0.1:PORT -body page.html -headers page.headers
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "ceiling:", err)
		os.Exit(1)
	}
}

func run() error {
	addr := flag.String("addr", "127.0.0.1:8089", "listen on `host:port`")
	bodyFile := flag.String("body", "", "the page to serve")
	headerFile := flag.String("headers", "", "response headers to send, one \"Name: value\" a line")
	flag.Parse()
	body, err := os.ReadFile(*bodyFile)
	if err != nil {
		return err
	}
	header, err := readHeaders(*headerFile)
	if err != nil {
		return err
	}
	header.Set("Content-Length", strconv.Itoa(len(body)))
	etag := header.Get("ETag")

	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		dst := w.Header()
		for k, v := range header {
			dst[k] = v
		}
		if etag != "" && r.Header.Get("If-None-Match") == etag {
			dst.Del("Content-Length")
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.WriteHeader(http.StatusOK)
		if r.Method == http.MethodGet {
			w.Write(body)
		}
	})
	// The same limits as datka's server, so that both pay for them.
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	fmt.Printf("ceiling: serving %d bytes at http://%s/\n", len(body), ln.Addr())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// readHeaders reads "Name: value" lines; Content-Length and Date are left
// to net/http.
func readHeaders(path string) (http.Header, error) {
	h := http.Header{}
	if path == "" {
		h.Set("Content-Type", "text/html; charset=utf-8")
		return h, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, value, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		switch http.CanonicalHeaderKey(name) {
		case "Content-Length", "Date":
			continue
		}
		h.Add(name, strings.TrimSpace(value))
	}
	return h, sc.Err()
}
