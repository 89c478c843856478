package site_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"github.com/datka-cms/datka/internal/testenv"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datka-cms/datka/internal/app"
	"github.com/datka-cms/datka/internal/config"
	"github.com/datka-cms/datka/internal/lang"
)

// newSite opens a freshly seeded site in a temporary data folder.
func newSite(t testing.TB, edit func(*config.Config)) *app.App {
	t.Helper()
	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	cfg.DB = testenv.DatabaseURL(t, cfg.DataDir)
	cfg.Addr = "127.0.0.1:0"
	cfg.BaseURL = "https://example.org"
	if edit != nil {
		edit(&cfg)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	a, err := app.Open(context.Background(), cfg, log)
	if err != nil {
		t.Fatalf("open site: %v", err)
	}
	t.Cleanup(func() { a.Close() })
	if _, err := filepath.Abs(cfg.DataDir); err != nil {
		t.Fatal(err)
	}
	return a
}

type scenario struct {
	name       string
	method     string
	path       string
	header     http.Header
	form       url.Values
	body       io.Reader
	wantStatus int
	wantHeader map[string]string // header → substring it must contain
	contains   []string
	excludes   []string
}

func run(t *testing.T, h http.Handler, sc scenario) *httptest.ResponseRecorder {
	t.Helper()
	method := sc.method
	if method == "" {
		method = http.MethodGet
	}
	body := sc.body
	if sc.form != nil {
		body = strings.NewReader(sc.form.Encode())
	}
	req := httptest.NewRequest(method, sc.path, body)
	if sc.form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, vs := range sc.header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != sc.wantStatus {
		t.Fatalf("%s %s: status %d, want %d; body: %.300s", method, sc.path, rec.Code, sc.wantStatus, rec.Body.String())
	}
	for k, want := range sc.wantHeader {
		if got := rec.Header().Get(k); !strings.Contains(got, want) {
			t.Errorf("%s %s: header %s = %q, want it to contain %q", method, sc.path, k, got, want)
		}
	}
	text := rec.Body.String()
	if rec.Header().Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(bytes.NewReader(rec.Body.Bytes()))
		if err != nil {
			t.Fatalf("gzip: %v", err)
		}
		b, _ := io.ReadAll(zr)
		text = string(b)
	}
	for _, s := range sc.contains {
		if !strings.Contains(text, s) {
			t.Errorf("%s %s: body lacks %q", method, sc.path, s)
		}
	}
	for _, s := range sc.excludes {
		if strings.Contains(text, s) {
			t.Errorf("%s %s: body must not contain %q", method, sc.path, s)
		}
	}
	return rec
}

func hdr(kv ...string) http.Header {
	h := http.Header{}
	for i := 0; i+1 < len(kv); i += 2 {
		h.Add(kv[i], kv[i+1])
	}
	return h
}

func TestScenarios(t *testing.T) {
	a := newSite(t, nil)
	scenarios := []scenario{
		{name: "root picks Kyrgyz for a Kyrgyz browser", path: "/", header: hdr("Accept-Language", "ky, ru;q=0.8"),
			wantStatus: http.StatusFound, wantHeader: map[string]string{"Location": "/ky/", "Vary": "Accept-Language"}},
		{name: "root picks English for en-GB", path: "/", header: hdr("Accept-Language", "en-GB,en;q=0.9"),
			wantStatus: http.StatusFound, wantHeader: map[string]string{"Location": "/en/"}},
		{name: "root sends an unsupported language to the default", path: "/", header: hdr("Accept-Language", "de-DE,de;q=0.9"),
			wantStatus: http.StatusFound, wantHeader: map[string]string{"Location": "/ru/"}},
		{name: "root prefers the remembered choice", path: "/", header: hdr("Accept-Language", "ky", "Cookie", "datka_lang=en"),
			wantStatus: http.StatusFound, wantHeader: map[string]string{"Location": "/en/", "Vary": "Cookie"}},
		{name: "root ignores a forged cookie", path: "/", header: hdr("Accept-Language", "ky", "Cookie", "datka_lang=<script>"),
			wantStatus: http.StatusFound, wantHeader: map[string]string{"Location": "/ky/"}},
		{name: "Russian home", path: "/ru/", wantStatus: http.StatusOK,
			wantHeader: map[string]string{"Content-Type": "text/html", "Set-Cookie": "datka_lang=ru"},
			contains: []string{`<html lang="ru"`, `<p lang="ky">Гендердик теңчиликке жаңыча жетишүү!</p>`,
				`<p lang="en">New narratives towards a gender equal society!</p>`, `<p lang="ru">Продвигаем гендерное равенство по-новому!</p>`,
				`hreflang="x-default" href="https://example.org/"`, `hreflang="ky" href="https://example.org/ky/"`,
				`<link rel="canonical" href="https://example.org/ru/">`, "Европейский союз", "Финансируется Европейским союзом"}},
		{name: "Kyrgyz partners page", path: "/ky/onoktoshtor", wantStatus: http.StatusOK,
			contains: []string{`<html lang="ky"`, "Европа Биримдиги", "«Данило Дольчи» чыгармачылык өнүгүү борбору", `aria-current="page"`}},
		{name: "English EU page lists the EIDHR objectives and the three sectors", path: "/en/partners/european-union", wantStatus: http.StatusOK,
			contains: []string{"<h1>", "European Union", "democratic institutions", "Rule of law", "Integrated rural development", "https://www.eeas.europa.eu/"},
			excludes: []string{"sociеty" /* Cyrillic е */}},
		{name: "a body is found by its former name", path: "/en/government-bodies/ministry-of-culture-information-sports-and-youth-policy", wantStatus: http.StatusOK,
			contains: []string{"Ministry of Culture, Information and Tourism", "Former names"}},
		{name: "English government list counts with English plurals", path: "/en/government-bodies", wantStatus: http.StatusOK,
			contains: []string{"5 government bodies", "8 tasks", "3 tasks"}},
		{name: "government list counts with Russian plurals", path: "/ru/gosudarstvennye-organy", wantStatus: http.StatusOK,
			contains: []string{"5 государственных органов", "8 задач", "3 задачи", "7 задач", "9 задач"}},
		{name: "the English slug under the Russian prefix redirects", path: "/ru/partners", wantStatus: http.StatusMovedPermanently,
			wantHeader: map[string]string{"Location": "/ru/partnery"}},
		{name: "a trailing slash redirects", path: "/en/partners/", wantStatus: http.StatusMovedPermanently,
			wantHeader: map[string]string{"Location": "/en/partners"}},
		{name: "a bare language prefix redirects", path: "/en", wantStatus: http.StatusMovedPermanently,
			wantHeader: map[string]string{"Location": "/en/"}},
		{name: "Russian 404", path: "/ru/net-takoy-stranitsy", wantStatus: http.StatusNotFound,
			contains: []string{`<html lang="ru"`, "Страница не найдена"}, excludes: []string{"canonical"}},
		{name: "Kyrgyz 404", path: "/ky/jok/jok/jok", wantStatus: http.StatusNotFound, contains: []string{`<html lang="ky"`, "Барак табылган жок"}},
		{name: "404 outside the languages speaks the reader's language", path: "/wp-login.php", header: hdr("Accept-Language", "en"),
			wantStatus: http.StatusNotFound, contains: []string{`<html lang="en"`, "Page not found"}},
		{name: "organisation under the wrong section redirects", path: "/en/partners/ministry-of-education-and-science",
			wantStatus: http.StatusMovedPermanently, wantHeader: map[string]string{"Location": "/en/government-bodies/ministry-of-education-and-science"}},
		{name: "hostile path never errors", path: "/ru/%3Cscript%3E/%00", wantStatus: http.StatusNotFound, excludes: []string{"<script>"}},
		{name: "visually impaired mode on", method: http.MethodPost, path: "/prefs/vision", form: url.Values{"vi": {"1"}, "back": {"/en/partners"}},
			wantStatus: http.StatusSeeOther, wantHeader: map[string]string{"Location": "/en/partners", "Set-Cookie": "datka_vi=1"}},
		{name: "visually impaired mode off", method: http.MethodPost, path: "/prefs/vision", form: url.Values{"vi": {"0"}, "back": {"/en/"}},
			wantStatus: http.StatusSeeOther, wantHeader: map[string]string{"Set-Cookie": "Max-Age=0"}},
		{name: "the preference form is no open redirect", method: http.MethodPost, path: "/prefs/vision", form: url.Values{"vi": {"1"}, "back": {"//evil.example/x"}},
			wantStatus: http.StatusSeeOther, wantHeader: map[string]string{"Location": "/"}},
		{name: "a cross-site form post is refused", method: http.MethodPost, path: "/prefs/vision", form: url.Values{"vi": {"1"}},
			header: hdr("Sec-Fetch-Site", "cross-site"), wantStatus: http.StatusForbidden},
		{name: "visually impaired pages carry the class", path: "/en/", header: hdr("Cookie", "datka_vi=1"), wantStatus: http.StatusOK,
			contains: []string{`<html lang="en" dir="ltr" class="vi">`, "Standard version"}},
		{name: "security headers", path: "/en/", wantStatus: http.StatusOK, wantHeader: map[string]string{
			"Content-Security-Policy": "default-src 'none'", "X-Content-Type-Options": "nosniff",
			"Referrer-Policy": "strict-origin-when-cross-origin", "Cache-Control": "no-cache", "Vary": "Cookie"}},
		{name: "compressed for gzip clients", path: "/en/about-the-project", header: hdr("Accept-Encoding", "gzip, br"), wantStatus: http.StatusOK,
			wantHeader: map[string]string{"Content-Encoding": "gzip", "ETag": `W/"`}, contains: []string{"kick-off", "Bishkek"}},
		{name: "contacts page", path: "/en/contacts", wantStatus: http.StatusOK, contains: []string{"https://sta.kg", "Bishkek, Kyrgyz Republic"}},
		{name: "healthz", path: "/healthz", wantStatus: http.StatusOK, contains: []string{"ok"}},
		{name: "readyz", path: "/readyz", wantStatus: http.StatusOK, contains: []string{"ok"}},
		{name: "an oversized body is refused", method: http.MethodPost, path: "/prefs/vision",
			header: hdr("Content-Type", "application/x-www-form-urlencoded"),
			body:   strings.NewReader("vi=1&back=" + strings.Repeat("a", app.MaxBodyBytes+10)), wantStatus: http.StatusRequestEntityTooLarge},
		{name: "unknown static file", path: "/static/css/nope.css", wantStatus: http.StatusNotFound},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) { run(t, a.Handler, sc) })
	}
}

func TestConditionalRequests(t *testing.T) {
	a := newSite(t, nil)
	first := run(t, a.Handler, scenario{path: "/ky/", wantStatus: http.StatusOK})
	etag := first.Header().Get("ETag")
	if etag == "" {
		t.Fatal("no ETag on a page")
	}
	run(t, a.Handler, scenario{path: "/ky/", header: hdr("If-None-Match", etag), wantStatus: http.StatusNotModified})
	run(t, a.Handler, scenario{path: "/ky/", header: hdr("If-None-Match", `"other"`), wantStatus: http.StatusOK})
	// The gzip variant's weak tag validates too.
	gz := run(t, a.Handler, scenario{path: "/ky/", header: hdr("Accept-Encoding", "gzip"), wantStatus: http.StatusOK})
	run(t, a.Handler, scenario{path: "/ky/", header: hdr("Accept-Encoding", "gzip", "If-None-Match", gz.Header().Get("ETag")), wantStatus: http.StatusNotModified})
}

func TestStaticAssetsAreFingerprintedAndCachedForAYear(t *testing.T) {
	a := newSite(t, nil)
	page := run(t, a.Handler, scenario{path: "/en/", wantStatus: http.StatusOK})
	i := strings.Index(page.Body.String(), `href="/static/css/site.`)
	if i < 0 {
		t.Fatal("no fingerprinted stylesheet link")
	}
	href := strings.SplitN(page.Body.String()[i+6:], `"`, 2)[0]
	rec := run(t, a.Handler, scenario{path: href, header: hdr("Accept-Encoding", "gzip"), wantStatus: http.StatusOK,
		wantHeader: map[string]string{"Cache-Control": "max-age=31536000", "Content-Type": "text/css", "Content-Encoding": "gzip"}})
	run(t, a.Handler, scenario{path: href, header: hdr("If-None-Match", rec.Header().Get("ETag")), wantStatus: http.StatusNotModified})
}

// TestMissingTranslationFallsBack removes the Kyrgyz text of the European
// Union and checks what a Kyrgyz reader sees.
func TestMissingTranslationFallsBack(t *testing.T) {
	a := newSite(t, nil)
	ctx := context.Background()
	orgs, err := a.Store.Organisations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var euID int64
	for _, o := range orgs {
		if o.Key == "european-union" {
			euID = o.ID
		}
	}
	if err := a.Store.DeleteOrganisationText(ctx, euID, "ky"); err != nil {
		t.Fatal(err)
	}
	// The Russian page's switcher leads to the Kyrgyz address, which keeps
	// the Russian slug; hreflang lists only the real translations.
	run(t, a.Handler, scenario{path: "/ru/partnery/evropeyskiy-soyuz", wantStatus: http.StatusOK,
		contains: []string{`href="/ky/onoktoshtor/evropeyskiy-soyuz"`, `hreflang="en"`},
		excludes: []string{`rel="alternate" hreflang="ky"`}})
	run(t, a.Handler, scenario{path: "/ky/onoktoshtor/evropeyskiy-soyuz", wantStatus: http.StatusOK,
		contains: []string{`<html lang="ky"`, `role="note"`, "кыргыз тилине которула элек", "орус тили",
			`<article class="org" lang="ru">`, "Европейский союз",
			`<link rel="canonical" href="https://example.org/ru/partnery/evropeyskiy-soyuz">`},
		excludes: []string{`rel="alternate" hreflang="ky"`}})
	// The Kyrgyz partners page shows the borrowed section marked Russian.
	run(t, a.Handler, scenario{path: "/ky/onoktoshtor", wantStatus: http.StatusOK,
		contains: []string{`<section class="org" aria-labelledby="org-european-union" lang="ru">`}})
	// The old Kyrgyz slug no longer leads anywhere.
	run(t, a.Handler, scenario{path: "/ky/onoktoshtor/evropa-birimdigi", wantStatus: http.StatusNotFound})
}

// TestConfiguredLanguages runs a site with a fourth language that has no
// content and no interface catalog: its pages show the default language's
// text, and the list of languages follows the configuration.
func TestConfiguredLanguages(t *testing.T) {
	a := newSite(t, func(c *config.Config) {
		c.Languages = append(lang.DefaultSpecs(), lang.Spec{Code: "de", Name: "Deutsch"})
	})
	run(t, a.Handler, scenario{path: "/", header: hdr("Accept-Language", "de"), wantStatus: http.StatusFound,
		wantHeader: map[string]string{"Location": "/de/"}})
	run(t, a.Handler, scenario{path: "/de/", wantStatus: http.StatusOK,
		contains: []string{`<html lang="de"`, `lang="de" hreflang="de"`, "Deutsch", `<article lang="ru">`},
		excludes: []string{`rel="alternate" hreflang="de"`}})
	run(t, a.Handler, scenario{path: "/de/partnery", wantStatus: http.StatusOK, contains: []string{"Европейский союз"}})

	b := newSite(t, func(c *config.Config) {
		c.Languages = []lang.Spec{{Code: "en", Name: "English"}, {Code: "ky", Name: "Кыргызча"}}
	})
	run(t, b.Handler, scenario{path: "/", header: hdr("Accept-Language", "fr"), wantStatus: http.StatusFound,
		wantHeader: map[string]string{"Location": "/en/"}})
	run(t, b.Handler, scenario{path: "/ru/", wantStatus: http.StatusNotFound})
	run(t, b.Handler, scenario{path: "/en/", wantStatus: http.StatusOK, excludes: []string{`hreflang="ru"`},
		contains: []string{`hreflang="x-default"`}})
}

func TestPageCacheServesAndInvalidates(t *testing.T) {
	a := newSite(t, nil)
	ctx := context.Background()
	first := run(t, a.Handler, scenario{path: "/en/partners", wantStatus: http.StatusOK, contains: []string{"Funded by the European Union"}})
	second := run(t, a.Handler, scenario{path: "/en/partners", wantStatus: http.StatusOK})
	if first.Body.String() != second.Body.String() || first.Header().Get("ETag") != second.Header().Get("ETag") {
		t.Fatal("a cached page differs from the rendered one")
	}
	// The cached page still remembers the reader's language.
	run(t, a.Handler, scenario{path: "/en/partners", wantStatus: http.StatusOK, wantHeader: map[string]string{"Set-Cookie": "datka_lang=en"}})
	// The display mode is part of the key.
	run(t, a.Handler, scenario{path: "/en/partners", header: hdr("Cookie", "datka_vi=1"), wantStatus: http.StatusOK, contains: []string{`class="vi"`}})
	run(t, a.Handler, scenario{path: "/en/partners", wantStatus: http.StatusOK, excludes: []string{`class="vi"`}})

	settings, err := a.Store.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	en := settings["en"]
	en.FundedBy = "Co-funded by the European Union"
	if err := a.Store.SaveSettings(ctx, en); err != nil {
		t.Fatal(err)
	}
	run(t, a.Handler, scenario{path: "/en/partners", wantStatus: http.StatusOK, contains: []string{"Co-funded by the European Union"}})

	m := run(t, a.Handler, scenario{path: "/metrics", wantStatus: http.StatusOK,
		contains: []string{`datka_http_requests_total{code="200",method="GET",route="GET /en/{path...}"}`,
			"datka_page_cache_hits_total", "datka_page_cache_misses_total", "go_sql_open_connections", "datka_http_request_duration_seconds_bucket"}})
	if strings.Contains(m.Body.String(), "datka_page_cache_hits_total 0\n") {
		t.Error("no page-cache hit counted")
	}
}

func TestPageCacheOff(t *testing.T) {
	a := newSite(t, func(c *config.Config) { c.PageCacheMB = 0 })
	run(t, a.Handler, scenario{path: "/ky/", wantStatus: http.StatusOK})
	m := run(t, a.Handler, scenario{path: "/metrics", wantStatus: http.StatusOK})
	if !strings.Contains(m.Body.String(), "datka_page_cache_misses_total 0\n") {
		t.Error("a disabled cache counted misses")
	}
}
