package export_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/app"
	"github.com/datka-cms/datka/internal/config"
	"github.com/datka-cms/datka/internal/export"
	"github.com/datka-cms/datka/internal/i18n"
	"github.com/datka-cms/datka/internal/testenv"
)

// withExtraLink serves the site, with a link to link added to the Russian
// home page and the answers of extra served before the site's.
func withExtraLink(site http.Handler, link string, extra map[string]http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h, ok := extra[r.URL.RequestURI()]; ok {
			h(w, r)
			return
		}
		if r.URL.Path != "/ru/" {
			site.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		site.ServeHTTP(rec, r)
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.Header().Del("Content-Length")
		w.WriteHeader(rec.Code)
		w.Write(bytes.Replace(rec.Body.Bytes(), []byte("</main>"), []byte(`<a href="`+link+`">old</a></main>`), 1))
	})
}

// exportWith exports a new default site served through wrap.
func exportWith(t *testing.T, wrap func(site http.Handler) http.Handler, out string) (export.Summary, error) {
	t.Helper()
	a := newSite(t)
	cat, err := i18n.Load(a.Languages.Default().Code)
	if err != nil {
		t.Fatal(err)
	}
	return export.Run(context.Background(), export.Options{Handler: wrap(a.Handler), Store: a.Store,
		Languages: a.Languages, Catalog: cat, Location: time.UTC, BaseURL: baseURL, Out: out})
}

// TestExportWritesRedirects links a page to an old address that the site
// redirects: links are written before the crawl learns where an address
// leads, so the archive holds a page there that leads on.
func TestExportWritesRedirects(t *testing.T) {
	out := t.TempDir()
	h := func(site http.Handler) http.Handler {
		return withExtraLink(site, "/ru/old-address#top", map[string]http.HandlerFunc{
			"/ru/old-address": func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, "/ru/novosti", http.StatusMovedPermanently)
			},
		})
	}
	if _, err := exportWith(t, h, out); err != nil {
		t.Fatal(err)
	}
	home, err := os.ReadFile(filepath.Join(out, "ru", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(home), `href="old-address/index.html#top"`) {
		t.Errorf("the home page's link to the old address was not made relative")
	}
	stub, err := os.ReadFile(filepath.Join(out, "ru", "old-address", "index.html"))
	if err != nil {
		t.Fatalf("no page at the old address: %v", err)
	}
	if !strings.Contains(string(stub), `url=../novosti/index.html"`) || !strings.Contains(string(stub), `href="../novosti/index.html"`) {
		t.Errorf("the page at the old address does not lead to the news: %s", stub)
	}
	if _, err := os.Stat(filepath.Join(out, "ru", "novosti", "index.html")); err != nil {
		t.Errorf("the news page is missing: %v", err)
	}
}

// TestExportRefusesBrokenLinks: a link that leads nowhere fails the
// export with its address, and leaves no temporary files behind.
func TestExportRefusesBrokenLinks(t *testing.T) {
	out := t.TempDir()
	h := func(site http.Handler) http.Handler { return withExtraLink(site, "/ru/nowhere", nil) }
	_, err := exportWith(t, h, out)
	if err == nil || !strings.Contains(err.Error(), "/ru/nowhere (404)") {
		t.Fatalf("export with a broken link: %v", err)
	}
	if m, _ := filepath.Glob(filepath.Join(out, ".spool-*")); len(m) > 0 {
		t.Errorf("temporary files left behind: %q", m)
	}
	if _, err := os.Stat(filepath.Join(out, export.ManifestName)); err == nil {
		t.Errorf("a failed first export wrote a manifest")
	}
}

// TestExportRefusesAPageWithAFileName: an address shaped like a file's
// that answers a page cannot be written where a static host would serve
// it as a page.
func TestExportRefusesAPageWithAFileName(t *testing.T) {
	out := t.TempDir()
	h := func(site http.Handler) http.Handler {
		return withExtraLink(site, "/ru/report.pdf", map[string]http.HandlerFunc{
			"/ru/report.pdf": func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				w.Write([]byte("<!doctype html><title>x</title>"))
			},
		})
	}
	_, err := exportWith(t, h, out)
	if err == nil || !strings.Contains(err.Error(), "/ru/report.pdf") {
		t.Fatalf("export of a page at a file's address: %v", err)
	}
}

// TestExportUnderAFolder exports a site whose public address is a folder
// of its host: the absolute links (canonical, alternates, feeds) are the
// site's own, and 404.html, which a host sends at any depth, links on the
// base URL.
func TestExportUnderAFolder(t *testing.T) {
	const base = "https://example.org/archive"
	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	cfg.DB = testenv.DatabaseURL(t, cfg.DataDir)
	cfg.BaseURL = base
	a, err := app.Open(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	cat, err := i18n.Load(a.Languages.Default().Code)
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	s, err := export.Run(context.Background(), export.Options{Handler: a.Handler, Store: a.Store,
		Languages: a.Languages, Catalog: cat, Location: time.UTC, BaseURL: base, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	if s.Pages < 50 {
		t.Errorf("only %d pages", s.Pages)
	}
	home, err := os.ReadFile(filepath.Join(out, "ru", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(home), `<link rel="canonical" href="`+base+`/ru/">`) {
		t.Errorf("the canonical link does not name the base URL")
	}
	nf, err := os.ReadFile(filepath.Join(out, "404.html"))
	if err != nil {
		t.Fatalf("no 404.html: %v", err)
	}
	page := string(nf)
	for _, want := range []string{`href="` + base + `/ru/index.html"`, `href="` + base + `/en/index.html"`, `href="#main"`} {
		if !strings.Contains(page, want) {
			t.Errorf("404.html has no %s", want)
		}
	}
	for _, m := range regexp.MustCompile(`\s(?:href|src)="([^"#][^"]*)"`).FindAllStringSubmatch(page, -1) {
		if !strings.HasPrefix(m[1], base+"/") && !strings.HasPrefix(m[1], "https://") && !strings.HasPrefix(m[1], "mailto:") {
			t.Errorf("404.html links %s, which depends on where it is sent", m[1])
		}
	}
}
