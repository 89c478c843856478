// Package web holds what every HTTP response of datka shares: security
// headers, request limits, recovery from panics, one log line per request,
// conditional requests and compression of rendered bodies, and the
// fingerprinted static assets. It knows nothing of content.
package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ContentSecurityPolicy allows nothing from other hosts and no inline
// script or style.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// SecurityHeaders sets the headers every response carries. The values
// are built once and shared as one-element slices of capacity 1: a handler
// that changes a header replaces the slice or appends (which copies), and
// never writes into it.
func SecurityHeaders(next http.Handler) http.Handler {
	values := map[string][]string{}
	for k, v := range map[string]string{
		"Content-Security-Policy":    ContentSecurityPolicy,
		"X-Content-Type-Options":     "nosniff",
		"Referrer-Policy":            "strict-origin-when-cross-origin",
		"X-Frame-Options":            "DENY",
		"Cross-Origin-Opener-Policy": "same-origin",
		"Permissions-Policy":         "camera=(), microphone=(), geolocation=(), interest-cohort=()",
	} {
		values[http.CanonicalHeaderKey(k)] = []string{v}
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for k, v := range values {
			h[k] = v[:1:1]
		}
		next.ServeHTTP(w, r)
	})
}

// LimitBody caps the size of request bodies; reading past it fails, and
// handlers answer 413.
func LimitBody(n int64, next http.Handler) http.Handler {
	return LimitBodyFunc(func(*http.Request) int64 { return n }, next)
}

// LimitBodyFunc is LimitBody with the cap chosen per request, so that one
// route (an upload) may take more than the rest.
func LimitBodyFunc(limit func(*http.Request) int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := limit(r)
		if r.ContentLength > n {
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return
		}
		if r.Body != http.NoBody && r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, n)
		}
		next.ServeHTTP(w, r)
	})
}

// CleanForms reads a posted form (not an upload) before the handler does
// and replaces NUL characters in its names and values with U+FFFD, as an
// HTML parser does with one in a page. No field of datka's means to hold
// one, and PostgreSQL cannot store one in text: one cleaning at the door
// keeps the editing handlers and both databases alike. (The public
// contact form refuses such input instead.) A form that cannot be read
// gets its answer here, 413 when it is too large.
func CleanForms(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ct, _, _ := strings.Cut(r.Header.Get("Content-Type"), ";")
		if r.Method != http.MethodPost || !strings.EqualFold(strings.TrimSpace(ct), "application/x-www-form-urlencoded") {
			next.ServeHTTP(w, r)
			return
		}
		if err := r.ParseForm(); err != nil {
			if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
				http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
				return
			}
			http.Error(w, "the form could not be read", http.StatusBadRequest)
			return
		}
		for _, form := range []url.Values{r.PostForm, r.Form} {
			for k, vs := range form {
				for i, v := range vs {
					vs[i] = strings.ReplaceAll(v, "\x00", "\uFFFD")
				}
				if clean := strings.ReplaceAll(k, "\x00", "\uFFFD"); clean != k {
					delete(form, k)
					form[clean] = append(form[clean], vs...)
				}
			}
		}
		next.ServeHTTP(w, r)
	})
}

// statusWriter records what a handler wrote, for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(p)
	w.bytes += n
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Logged writes one structured line per request and turns a panic into a
// plain 500 answer: the stack goes to the log, never to the reader.
func Logged(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				if sw.status == 0 {
					http.Error(sw, "Internal server error", http.StatusInternalServerError)
				}
			}
			log.Info("request", "method", r.Method, "path", r.URL.Path, "status", sw.status,
				"bytes", sw.bytes, "duration", time.Since(start))
		}()
		next.ServeHTTP(sw, r)
	})
}

// ETag returns a strong entity tag for body.
func ETag(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

// NotModified reports whether the request's If-None-Match names etag,
// comparing weakly as RFC 9110 requires for GET.
func NotModified(r *http.Request, etag string) bool {
	inm := r.Header.Get("If-None-Match")
	if inm == "" {
		return false
	}
	opaque := strings.TrimPrefix(etag, "W/")
	for _, part := range strings.Split(inm, ",") {
		part = strings.TrimSpace(part)
		if part == "*" || strings.TrimPrefix(part, "W/") == opaque {
			return true
		}
	}
	return false
}

// AcceptsGzip reports whether the client takes gzip (and did not refuse
// it with q=0).
func AcceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		fields := strings.Split(part, ";")
		if !strings.EqualFold(strings.TrimSpace(fields[0]), "gzip") {
			continue
		}
		for _, param := range fields[1:] {
			k, v, _ := strings.Cut(strings.TrimSpace(param), "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && f == 0 {
					return false
				}
			}
		}
		return true
	}
	return false
}

// minGzip is the size below which compression does not pay for itself.
const minGzip = 1024

var gzipPool = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(nil, gzip.DefaultCompression)
	return zw
}}

// Gzip compresses body.
func Gzip(body []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(body) / 3)
	zw := gzipPool.Get().(*gzip.Writer)
	zw.Reset(&buf)
	zw.Write(body)
	zw.Close()
	gzipPool.Put(zw)
	return buf.Bytes()
}

// Body is a response rendered in full before a byte is sent.
type Body struct {
	Status       int
	ContentType  string
	CacheControl string
	Data         []byte
	gz           []byte
	etag         string
}

// Prepare computes the entity tag and the compressed form once, so that
// the Body can be kept in a cache and written by many requests at once.
func (b *Body) Prepare() {
	b.etag = ETag(b.Data)
	if len(b.Data) >= minGzip {
		b.gz = Gzip(b.Data)
	}
}

// Size is the memory the body holds.
func (b *Body) Size() int { return len(b.Data) + len(b.gz) }

// Write sends b with an ETag, answering 304 when the client has it, and
// compressed when the client takes gzip. HEAD requests get the headers.
func (b *Body) Write(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	status := b.Status
	if status == 0 {
		status = http.StatusOK
	}
	h.Set("Content-Type", b.ContentType)
	if b.CacheControl != "" {
		h.Set("Cache-Control", b.CacheControl)
	}
	h.Add("Vary", "Accept-Encoding")
	etag := b.etag
	if etag == "" {
		etag = ETag(b.Data)
	}
	data := b.Data
	if len(data) >= minGzip && AcceptsGzip(r) {
		if b.gz == nil {
			b.gz = Gzip(b.Data)
		}
		data = b.gz
		h.Set("Content-Encoding", "gzip")
		etag = "W/" + etag
	}
	if status == http.StatusOK {
		h.Set("ETag", etag)
		if NotModified(r, etag) {
			h.Del("Content-Type")
			h.Del("Content-Encoding")
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}
