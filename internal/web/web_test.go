package web

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

func TestAcceptsGzip(t *testing.T) {
	tests := []struct {
		name   string
		header string
		want   bool
	}{
		{name: "gzip alone", header: "gzip", want: true},
		{name: "gzip among others", header: "deflate, gzip, br", want: true},
		{name: "refused with q=0", header: "gzip;q=0", want: false},
		{name: "refused with q=0.0 and spaces", header: "gzip; q=0.0", want: false},
		{name: "upper case", header: "GZIP", want: true},
		{name: "lower preference is still accepted", header: "br, gzip;q=0.5", want: true},
		{name: "identity only", header: "identity", want: false},
		{name: "empty header", header: "", want: false},
		{name: "br only", header: "br", want: false},
		{name: "name that merely contains gzip", header: "x-gzipped", want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			if tt.header != "" {
				r.Header.Set("Accept-Encoding", tt.header)
			}
			if got := AcceptsGzip(r); got != tt.want {
				t.Errorf("AcceptsGzip(%q) = %v, want %v", tt.header, got, tt.want)
			}
		})
	}
}

func TestNotModified(t *testing.T) {
	const etag = `"abc123"`
	tests := []struct {
		name        string
		ifNoneMatch string
		etag        string
		want        bool
	}{
		{name: "no header", ifNoneMatch: "", etag: etag, want: false},
		{name: "exact", ifNoneMatch: `"abc123"`, etag: etag, want: true},
		{name: "weak request, strong tag", ifNoneMatch: `W/"abc123"`, etag: etag, want: true},
		{name: "strong request, weak tag", ifNoneMatch: `"abc123"`, etag: `W/"abc123"`, want: true},
		{name: "weak both", ifNoneMatch: `W/"abc123"`, etag: `W/"abc123"`, want: true},
		{name: "in a list", ifNoneMatch: `"zzz", "abc123" ,"yyy"`, etag: etag, want: true},
		{name: "star", ifNoneMatch: "*", etag: etag, want: true},
		{name: "mismatch", ifNoneMatch: `"abc124"`, etag: etag, want: false},
		{name: "list without it", ifNoneMatch: `"a", W/"b"`, etag: etag, want: false},
		{name: "unquoted value is not the tag", ifNoneMatch: `abc123`, etag: etag, want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			if tt.ifNoneMatch != "" {
				r.Header.Set("If-None-Match", tt.ifNoneMatch)
			}
			if got := NotModified(r, tt.etag); got != tt.want {
				t.Errorf("NotModified(If-None-Match %q, %s) = %v, want %v", tt.ifNoneMatch, tt.etag, got, tt.want)
			}
		})
	}
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("gzip.NewReader: %v", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("reading gzip: %v", err)
	}
	return out
}

func TestBodyWrite(t *testing.T) {
	small := []byte("<!doctype html><p>Салам</p>")
	large := []byte(strings.Repeat("<p>Кыргызстан — Kyrgyzstan</p>\n", 100))
	if len(large) < minGzip || len(small) >= minGzip {
		t.Fatalf("test bodies of %d and %d bytes do not straddle %d", len(small), len(large), minGzip)
	}
	tests := []struct {
		name           string
		body           Body
		method         string
		header         map[string]string
		wantStatus     int
		wantBody       []byte // after decompression; nil: empty
		wantGzip       bool
		wantETag       string // "" for none; "strong" or "weak" for its form
		wantCacheCtrl  string
		wantNoCTHeader bool
	}{
		{
			name:       "small body is sent as is with a strong ETag",
			body:       Body{ContentType: "text/html; charset=utf-8", Data: small},
			header:     map[string]string{"Accept-Encoding": "gzip"},
			wantStatus: http.StatusOK, wantBody: small, wantETag: "strong",
		},
		{
			name:       "large body is gzipped when accepted, with a weak ETag",
			body:       Body{ContentType: "text/html; charset=utf-8", Data: large, CacheControl: "no-cache"},
			header:     map[string]string{"Accept-Encoding": "br, gzip"},
			wantStatus: http.StatusOK, wantBody: large, wantGzip: true, wantETag: "weak", wantCacheCtrl: "no-cache",
		},
		{
			name:       "large body is not gzipped when not accepted",
			body:       Body{ContentType: "text/html; charset=utf-8", Data: large},
			wantStatus: http.StatusOK, wantBody: large, wantETag: "strong",
		},
		{
			name:       "large body is not gzipped when refused",
			body:       Body{ContentType: "text/html; charset=utf-8", Data: large},
			header:     map[string]string{"Accept-Encoding": "gzip;q=0"},
			wantStatus: http.StatusOK, wantBody: large, wantETag: "strong",
		},
		{
			name:       "matching If-None-Match gets 304 without a body",
			body:       Body{ContentType: "text/html; charset=utf-8", Data: small},
			header:     map[string]string{"If-None-Match": ETag(small)},
			wantStatus: http.StatusNotModified, wantETag: "strong", wantNoCTHeader: true,
		},
		{
			name:       "gzipped body matches its weak ETag",
			body:       Body{ContentType: "text/html; charset=utf-8", Data: large},
			header:     map[string]string{"Accept-Encoding": "gzip", "If-None-Match": "W/" + ETag(large)},
			wantStatus: http.StatusNotModified, wantETag: "weak", wantNoCTHeader: true,
		},
		{
			name:       "stale If-None-Match gets the body",
			body:       Body{ContentType: "text/html; charset=utf-8", Data: small},
			header:     map[string]string{"If-None-Match": `"0000"`},
			wantStatus: http.StatusOK, wantBody: small, wantETag: "strong",
		},
		{
			name:       "HEAD gets the headers and no body",
			body:       Body{ContentType: "text/html; charset=utf-8", Data: small},
			method:     http.MethodHead,
			wantStatus: http.StatusOK, wantETag: "strong",
		},
		{
			name:       "an error status has no ETag",
			body:       Body{Status: http.StatusNotFound, ContentType: "text/html; charset=utf-8", Data: small},
			header:     map[string]string{"If-None-Match": ETag(small)},
			wantStatus: http.StatusNotFound, wantBody: small,
		},
	}
	for _, tt := range tests {
		for _, prepared := range []bool{false, true} {
			name := tt.name
			if prepared {
				name += " (prepared)"
			}
			t.Run(name, func(t *testing.T) {
				b := tt.body
				if prepared {
					b.Prepare()
				}
				method := tt.method
				if method == "" {
					method = http.MethodGet
				}
				r := httptest.NewRequest(method, "/ru/", nil)
				for k, v := range tt.header {
					r.Header.Set(k, v)
				}
				w := httptest.NewRecorder()
				b.Write(w, r)
				res := w.Result()
				raw := w.Body.Bytes()

				if res.StatusCode != tt.wantStatus {
					t.Fatalf("status = %d, want %d", res.StatusCode, tt.wantStatus)
				}
				gotGzip := res.Header.Get("Content-Encoding") == "gzip"
				if gotGzip != tt.wantGzip {
					t.Errorf("Content-Encoding = %q, want gzip: %v", res.Header.Get("Content-Encoding"), tt.wantGzip)
				}
				etag := res.Header.Get("ETag")
				switch tt.wantETag {
				case "":
					if etag != "" {
						t.Errorf("ETag = %q, want none", etag)
					}
				case "strong":
					if etag != ETag(b.Data) {
						t.Errorf("ETag = %q, want %q", etag, ETag(b.Data))
					}
				case "weak":
					if etag != "W/"+ETag(b.Data) {
						t.Errorf("ETag = %q, want %q", etag, "W/"+ETag(b.Data))
					}
				}
				if tt.wantCacheCtrl != "" && res.Header.Get("Cache-Control") != tt.wantCacheCtrl {
					t.Errorf("Cache-Control = %q, want %q", res.Header.Get("Cache-Control"), tt.wantCacheCtrl)
				}
				if tt.wantNoCTHeader && res.Header.Get("Content-Type") != "" {
					t.Errorf("304 carries Content-Type %q", res.Header.Get("Content-Type"))
				}
				if !strings.Contains(strings.Join(res.Header.Values("Vary"), ","), "Accept-Encoding") {
					t.Errorf("Vary = %q, want Accept-Encoding", res.Header.Values("Vary"))
				}

				if tt.wantStatus == http.StatusNotModified || method == http.MethodHead {
					if len(raw) != 0 {
						t.Errorf("body of %d bytes, want none", len(raw))
					}
				}
				if method == http.MethodHead {
					if cl := res.Header.Get("Content-Length"); cl != strconv.Itoa(len(b.Data)) {
						t.Errorf("HEAD Content-Length = %q, want %d", cl, len(b.Data))
					}
					if res.Header.Get("Content-Type") == "" {
						t.Error("HEAD has no Content-Type")
					}
				}
				if tt.wantBody == nil {
					return
				}
				if cl := res.Header.Get("Content-Length"); cl != strconv.Itoa(len(raw)) {
					t.Errorf("Content-Length = %q, but %d bytes were sent", cl, len(raw))
				}
				got := raw
				if gotGzip {
					if len(raw) >= len(tt.wantBody) {
						t.Errorf("gzipped body of %d bytes is not smaller than %d", len(raw), len(tt.wantBody))
					}
					got = gunzip(t, raw)
				}
				if !bytes.Equal(got, tt.wantBody) {
					t.Errorf("body = %.80q…, want %.80q…", got, tt.wantBody)
				}
			})
		}
	}
}

// TestBodyWriteConcurrent writes one prepared body from many goroutines,
// as the page cache does; run with -race to make it mean something.
func TestBodyWriteConcurrent(t *testing.T) {
	data := []byte(strings.Repeat("a cached page ", 200))
	b := &Body{ContentType: "text/html", Data: data}
	b.Prepare()
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			if i%2 == 0 {
				r.Header.Set("Accept-Encoding", "gzip")
			}
			w := httptest.NewRecorder()
			b.Write(w, r)
			got := w.Body.Bytes()
			if i%2 == 0 {
				got = gunzip(t, got)
			}
			if !bytes.Equal(got, data) {
				t.Errorf("writer %d got a different body", i)
			}
		}()
	}
	wg.Wait()
}

func TestSecurityHeaders(t *testing.T) {
	h := SecurityHeaders(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "ok")
	}))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/", nil))
	res := w.Result()

	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "base-uri 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
		}
	}
	for _, bad := range []string{"'unsafe-inline'", "'unsafe-eval'", "*"} {
		if strings.Contains(csp, bad) {
			t.Errorf("Content-Security-Policy %q contains %s", csp, bad)
		}
	}
	for name, want := range map[string]string{
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "strict-origin-when-cross-origin",
		"X-Frame-Options":        "DENY",
	} {
		if got := res.Header.Get(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if w.Body.String() != "ok" {
		t.Errorf("body = %q, the wrapped handler did not run", w.Body.String())
	}
}

func TestLimitBody(t *testing.T) {
	const limit = 1024
	t.Run("declared length over the limit is refused before the handler", func(t *testing.T) {
		called := false
		h := LimitBody(limit, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { called = true }))
		r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(strings.Repeat("x", limit+1)))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("status = %d, want 413", w.Code)
		}
		if called {
			t.Error("the handler was called")
		}
	})
	tests := []struct {
		name    string
		size    int
		wantErr bool
	}{
		{name: "chunked body over the limit fails to read", size: limit + 1, wantErr: true},
		{name: "chunked body at the limit reads", size: limit},
		{name: "small chunked body reads", size: 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var readErr error
			var n int
			h := LimitBody(limit, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				b, err := io.ReadAll(r.Body)
				n, readErr = len(b), err
			}))
			r := httptest.NewRequest(http.MethodPost, "/", io.MultiReader(strings.NewReader(strings.Repeat("x", tt.size))))
			r.ContentLength = -1 // unknown, as with Transfer-Encoding: chunked
			h.ServeHTTP(httptest.NewRecorder(), r)
			if tt.wantErr {
				var mbe *http.MaxBytesError
				if !errors.As(readErr, &mbe) {
					t.Fatalf("reading %d bytes: err = %v, want *http.MaxBytesError", tt.size, readErr)
				}
				if n > limit {
					t.Errorf("read %d bytes past a limit of %d", n, limit)
				}
				return
			}
			if readErr != nil || n != tt.size {
				t.Errorf("read %d bytes, err %v; want %d, nil", n, readErr, tt.size)
			}
		})
	}
}

func TestLoggedPanic(t *testing.T) {
	var logBuf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logBuf, nil))
	h := Logged(log, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic("secret database password xyzzy")
	}))
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/ru/boom", nil))

	if w.Code != http.StatusInternalServerError {
		t.Errorf("status = %d, want 500", w.Code)
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("Content-Type = %q, want text/plain", ct)
	}
	body := w.Body.String()
	for _, leak := range []string{"xyzzy", "goroutine", "panic", ".go:"} {
		if strings.Contains(body, leak) {
			t.Errorf("body %q contains %q", body, leak)
		}
	}

	var requests, panics []string
	sc := bufio.NewScanner(&logBuf)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.Contains(line, "msg=request "):
			requests = append(requests, line)
		case strings.Contains(line, "msg=panic "):
			panics = append(panics, line)
		}
	}
	if len(requests) != 1 {
		t.Fatalf("%d request lines in log, want 1:\n%s", len(requests), logBuf.String())
	}
	for _, want := range []string{"status=500", "path=/ru/boom", "method=GET"} {
		if !strings.Contains(requests[0], want) {
			t.Errorf("request line %q lacks %q", requests[0], want)
		}
	}
	if !regexp.MustCompile(`duration=[0-9.]+[µnm]?s`).MatchString(requests[0]) {
		t.Errorf("request line %q has no duration", requests[0])
	}
	if len(panics) != 1 {
		t.Fatalf("%d panic lines in log, want 1", len(panics))
	}
	if !strings.Contains(panics[0], "xyzzy") || !strings.Contains(panics[0], "goroutine") {
		t.Errorf("panic line lacks the value or the stack: %.200q", panics[0])
	}
}

func TestLogged(t *testing.T) {
	tests := []struct {
		name       string
		handler    http.HandlerFunc
		wantStatus string
		wantBytes  string
	}{
		{
			name:       "implicit 200",
			handler:    func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "hello") },
			wantStatus: "status=200", wantBytes: "bytes=5",
		},
		{
			name: "explicit 404",
			handler: func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(http.StatusNotFound)
				io.WriteString(w, "nope")
			},
			wantStatus: "status=404", wantBytes: "bytes=4",
		},
		{
			name: "panic after the header keeps the sent status",
			handler: func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(http.StatusAccepted)
				panic("late")
			},
			wantStatus: "status=202", wantBytes: "bytes=0",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logBuf bytes.Buffer
			h := Logged(slog.New(slog.NewTextHandler(&logBuf, nil)), tt.handler)
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/x", nil))
			var line string
			for _, l := range strings.Split(logBuf.String(), "\n") {
				if strings.Contains(l, "msg=request ") {
					line = l
				}
			}
			if !strings.Contains(line, tt.wantStatus) || !strings.Contains(line, tt.wantBytes) {
				t.Errorf("request line %q, want %s and %s", line, tt.wantStatus, tt.wantBytes)
			}
		})
	}
}

// TestLoggedAbortHandler: http.ErrAbortHandler must reach net/http, which
// uses it to drop the connection quietly.
func TestLoggedAbortHandler(t *testing.T) {
	h := Logged(slog.New(slog.NewTextHandler(io.Discard, nil)), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic(http.ErrAbortHandler)
	}))
	defer func() {
		if v := recover(); v != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler", v)
		}
	}()
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil))
}

func assetHash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:5])
}

func TestAssetsURL(t *testing.T) {
	css := []byte("body { color: black }")
	a, err := LoadAssets(fstest.MapFS{
		"css/site.css": {Data: css},
		"js/app.js":    {Data: []byte("console.log(1)")},
	}, "/static/")
	if err != nil {
		t.Fatal(err)
	}
	u, err := a.URL("css/site.css")
	if err != nil {
		t.Fatal(err)
	}
	if want := "/static/css/site." + assetHash(css) + ".css"; u != want {
		t.Errorf("URL = %q, want %q", u, want)
	}
	if _, err := a.URL("css/missing.css"); err == nil {
		t.Error("URL of a missing asset: no error")
	}
	if got := a.Body("css/site.css"); !bytes.Equal(got, css) {
		t.Errorf("Body = %q, want %q", got, css)
	}
	if got := a.Body("nope"); got != nil {
		t.Errorf("Body(nope) = %q, want nil", got)
	}

	changed, err := LoadAssets(fstest.MapFS{"css/site.css": {Data: []byte("body { color: navy }")}}, "/static")
	if err != nil {
		t.Fatal(err)
	}
	u2, _ := changed.URL("css/site.css")
	if u2 == u {
		t.Errorf("URL stayed %q after the content changed", u)
	}
	if !strings.HasPrefix(u2, "/static/css/site.") {
		t.Errorf("URL = %q, want it under /static/css/", u2)
	}
}

func TestAssetsServeHTTP(t *testing.T) {
	bigCSS := []byte(strings.Repeat(".nav a { color: #036; text-decoration: none }\n", 60))
	smallJS := []byte("document.documentElement.classList.add('js')")
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>`)
	font := []byte{0x77, 0x4f, 0x46, 0x32, 0, 1, 0, 0}
	a, err := LoadAssets(fstest.MapFS{
		"css/site.css":   {Data: bigCSS},
		"js/app.js":      {Data: smallJS},
		"img/logo.svg":   {Data: svg},
		"fonts/pt.woff2": {Data: font},
	}, "/static")
	if err != nil {
		t.Fatal(err)
	}
	url := func(name string) string {
		u, err := a.URL(name)
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	tests := []struct {
		name       string
		method     string
		path       string
		header     map[string]string
		wantStatus int
		wantType   string // prefix
		wantBody   []byte // decompressed
		wantGzip   bool
		wantCSP    bool
	}{
		{name: "css", path: url("css/site.css"), wantStatus: 200, wantType: "text/css", wantBody: bigCSS},
		{name: "large css gzipped", path: url("css/site.css"), header: map[string]string{"Accept-Encoding": "gzip"}, wantStatus: 200, wantType: "text/css", wantBody: bigCSS, wantGzip: true},
		{name: "small js not gzipped", path: url("js/app.js"), header: map[string]string{"Accept-Encoding": "gzip"}, wantStatus: 200, wantType: "text/javascript", wantBody: smallJS},
		{name: "svg is sandboxed", path: url("img/logo.svg"), wantStatus: 200, wantType: "image/svg+xml", wantBody: svg, wantCSP: true},
		{name: "font", path: url("fonts/pt.woff2"), wantStatus: 200, wantType: "font/woff2", wantBody: font},
		{name: "matching ETag gets 304", path: url("css/site.css"), header: map[string]string{"If-None-Match": `"` + assetHash(bigCSS) + `"`}, wantStatus: 304},
		{name: "HEAD gets no body", method: http.MethodHead, path: url("css/site.css"), wantStatus: 200, wantType: "text/css"},
		{name: "unfingerprinted path is not found", path: "/static/css/site.css", wantStatus: 404},
		{name: "unknown hash is not found", path: "/static/css/site.0123456789.css", wantStatus: 404},
		{name: "unknown name is not found", path: "/static/css/other." + assetHash(bigCSS) + ".css", wantStatus: 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := tt.method
			if method == "" {
				method = http.MethodGet
			}
			r := httptest.NewRequest(method, tt.path, nil)
			for k, v := range tt.header {
				r.Header.Set(k, v)
			}
			w := httptest.NewRecorder()
			a.ServeHTTP(w, r)
			res := w.Result()
			if res.StatusCode != tt.wantStatus {
				t.Fatalf("GET %s: status = %d, want %d", tt.path, res.StatusCode, tt.wantStatus)
			}
			if tt.wantStatus == 404 {
				if cc := res.Header.Get("Cache-Control"); strings.Contains(cc, "immutable") {
					t.Errorf("404 is cached: Cache-Control %q", cc)
				}
				return
			}
			if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "max-age=31536000") || !strings.Contains(cc, "immutable") {
				t.Errorf("Cache-Control = %q, want max-age=31536000, immutable", cc)
			}
			if res.Header.Get("ETag") == "" {
				t.Error("no ETag")
			}
			if tt.wantStatus == 304 || method == http.MethodHead {
				if w.Body.Len() != 0 {
					t.Errorf("body of %d bytes, want none", w.Body.Len())
				}
				return
			}
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, tt.wantType) {
				t.Errorf("Content-Type = %q, want %s", ct, tt.wantType)
			}
			csp := res.Header.Get("Content-Security-Policy")
			if tt.wantCSP != (strings.Contains(csp, "sandbox") && strings.Contains(csp, "default-src 'none'")) {
				t.Errorf("Content-Security-Policy = %q, want a sandbox: %v", csp, tt.wantCSP)
			}
			gotGzip := res.Header.Get("Content-Encoding") == "gzip"
			if gotGzip != tt.wantGzip {
				t.Errorf("Content-Encoding = %q, want gzip: %v", res.Header.Get("Content-Encoding"), tt.wantGzip)
			}
			raw := w.Body.Bytes()
			if cl := res.Header.Get("Content-Length"); cl != strconv.Itoa(len(raw)) {
				t.Errorf("Content-Length = %q, sent %d bytes", cl, len(raw))
			}
			got := raw
			if gotGzip {
				got = gunzip(t, raw)
			}
			if !bytes.Equal(got, tt.wantBody) {
				t.Errorf("body = %.60q, want %.60q", got, tt.wantBody)
			}
		})
	}
}

func TestLimitBodyFuncPerRoute(t *testing.T) {
	h := LimitBodyFunc(func(r *http.Request) int64 {
		if r.URL.Path == "/upload" {
			return 4096
		}
		return 1024
	}, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := io.ReadAll(r.Body); err != nil {
			w.WriteHeader(http.StatusRequestEntityTooLarge)
		}
	}))
	for _, tt := range []struct {
		path string
		size int
		want int
	}{
		{"/upload", 3000, http.StatusOK},
		{"/upload", 5000, http.StatusRequestEntityTooLarge},
		{"/form", 3000, http.StatusRequestEntityTooLarge},
		{"/form", 1000, http.StatusOK},
	} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, tt.path, strings.NewReader(strings.Repeat("x", tt.size))))
		if w.Code != tt.want {
			t.Errorf("POST %s with %d bytes: %d, want %d", tt.path, tt.size, w.Code, tt.want)
		}
	}
}

func TestRealIP(t *testing.T) {
	trusted := []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("10.0.0.0/8")}
	for _, tt := range []struct {
		name, peer, xff, want string
		trusted               []netip.Prefix
	}{
		{"no trusted proxies: the header is ignored", "127.0.0.1:5000", "203.0.113.7", "127.0.0.1", nil},
		{"from a trusted proxy: the client", "127.0.0.1:5000", "203.0.113.7", "203.0.113.7", trusted},
		{"a forged hop before the client is skipped", "127.0.0.1:5000", "1.2.3.4, 203.0.113.7, 10.1.1.1", "203.0.113.7", trusted},
		{"from an untrusted peer: unchanged", "198.51.100.9:5000", "203.0.113.7", "198.51.100.9", trusted},
		{"garbage stops the walk", "127.0.0.1:5000", "junk", "127.0.0.1", trusted},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got string
			h := RealIP(tt.trusted, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				got, _, _ = net.SplitHostPort(r.RemoteAddr)
			}))
			req := httptest.NewRequest("GET", "/", nil)
			req.RemoteAddr = tt.peer
			req.Header.Set("X-Forwarded-For", tt.xff)
			h.ServeHTTP(httptest.NewRecorder(), req)
			if got != tt.want {
				t.Errorf("address %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCleanFormsReplacesNUL(t *testing.T) {
	var got url.Values
	h := CleanForms(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			t.Errorf("ParseForm after CleanForms: %v", err)
		}
		got = r.PostForm
	}))
	tests := []struct {
		name, body string
		want       url.Values
	}{
		{"a NUL inside a value", "title=%3Cscr%00ipt%3E", url.Values{"title": {"<scr\uFFFDipt>"}}},
		{"a NUL in a name", "ti%00tle=x", url.Values{"ti\uFFFDtle": {"x"}}},
		{"nothing to clean", "a=%D2%AF%D3%A9", url.Values{"a": {"үө"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/", strings.NewReader(tt.body))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			h.ServeHTTP(httptest.NewRecorder(), r)
			for k, vs := range tt.want {
				if !slices.Equal(got[k], vs) {
					t.Errorf("%s = %q, want %q", k, got[k], vs)
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("form %v, want %v", got, tt.want)
			}
		})
	}
	t.Run("a form past the body limit is refused with 413", func(t *testing.T) {
		r := httptest.NewRequest("POST", "/", strings.NewReader("a="+strings.Repeat("x", 100)))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.ContentLength = -1
		w := httptest.NewRecorder()
		LimitBody(10, h).ServeHTTP(w, r)
		if w.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("status %d, want 413", w.Code)
		}
	})
}
