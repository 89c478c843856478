package site_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzRouting sends arbitrary paths and methods to the whole site: the
// answer is never a server error and never echoes markup from the path.
func FuzzRouting(f *testing.F) {
	for _, seed := range []string{"/", "/ru/", "/ky/onoktoshtor", "/en/partners/european-union", "/ru/../../etc/passwd",
		"/ru/%00", "/ky/%D0%B0/%D0%B1/%D0%B2", "/static/../go.mod", "//evil.example/", "/en/<script>alert(1)</script>",
		"/ru/partnery/", "/metrics", "/healthz", "/RU/", "/ru//", "/ru/a/b/c/d", "/en/government-bodies/x",
		"/" + strings.Repeat("a", 3000), "/ky/\u04e9\u04af\u04a3", "/prefs/vision"} {
		f.Add("GET", seed)
		f.Add("POST", seed)
	}
	a := newSite(f, nil)
	f.Fuzz(func(t *testing.T, method, path string) {
		if !strings.HasPrefix(path, "/") {
			path = "/" + path
		}
		req, err := http.NewRequest(method, "http://example.org/", nil)
		if err != nil {
			return // not a method net/http would ever hand us
		}
		req.URL.Path = path
		req.RequestURI = req.URL.RequestURI()
		rec := httptest.NewRecorder()
		a.Handler.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %q: status %d: %.200s", method, path, rec.Code, rec.Body.String())
		}
		// Structured data is the one script element a page may carry; it
		// is a data block, never run.
		body := rec.Body.String()
		if strings.Count(body, "<script") != strings.Count(body, `<script type="application/ld+json">`) {
			t.Fatalf("%s %q: the answer contains a script element", method, path)
		}
	})
}
