package e2e

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	xhtml "golang.org/x/net/html"

	"github.com/datka-cms/datka/internal/app"
	"github.com/datka-cms/datka/internal/config"
	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/testenv"
)

// chromiumPath is Debian's Chromium (package chromium).
const chromiumPath = "/usr/bin/chromium"

// viCookie is the cookie of the version for the visually impaired.
const viCookie = "datka_vi"

// languages are the default site's languages.
var languages = []string{"ru", "ky", "en"}

// browser is the one Chromium that the tests of this binary share. Each
// test opens its own browser context in it, with its own cookies.
var browser struct {
	once   sync.Once
	ctx    context.Context
	cancel func()
	dir    string
	err    error
}

// The tests run on SQLite, then those that store what they then look at
// in the browser run again on PostgreSQL. The others check what the
// templates, styles and scripts make of the same default content
// (accessibility, valid HTML, layout, keyboard, console), which the
// database does not change; their second run took two and a half minutes.
const onPostgres = "^(TestAdminScenarioInBrowser|TestContactFormInBrowser|TestStatic.*|TestStoredXSSNeverExecutes)$"

func TestMain(m *testing.M) {
	testenv.MainOnBothDatabasesRunning(runTests{m}, onPostgres)
}

// runTests stops the browser when the tests are done.
type runTests struct{ m *testing.M }

func (r runTests) Run() int {
	code := r.m.Run()
	if browser.cancel != nil {
		browser.cancel()
	}
	if browser.dir != "" {
		os.RemoveAll(browser.dir)
	}
	return code
}

// startBrowser starts Chromium headless with the flags this machine needs:
// no sandbox (CI runs as root), and no connection anywhere but to the
// pages the tests open.
func startBrowser() {
	dir, err := os.MkdirTemp("", "datka-e2e-chromium-")
	if err != nil {
		browser.err = err
		return
	}
	browser.dir = dir
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(dir),
	)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	browser.ctx = ctx
	browser.cancel = func() { cancelCtx(); cancelAlloc() }
	if err := chromedp.Do(ctx); err != nil {
		browser.err = err
	}
}

// newTab opens a tab in a fresh browser context (no cookies) of the shared
// Chromium. It skips the test, or fails it in CI, when there is no
// Chromium. opts may add listeners that see every event of the tab.
func newTab(t *testing.T, opts ...chromedp.ContextOption) context.Context {
	t.Helper()
	_, err := os.Stat(chromiumPath)
	testenv.Require(t, err == nil, "Chromium ("+chromiumPath+")")
	browser.once.Do(startBrowser)
	if browser.err != nil {
		t.Fatalf("start Chromium: %v", browser.err)
	}
	ctx, cancel := context.WithTimeout(browser.ctx, 3*time.Minute)
	opts = append([]chromedp.ContextOption{chromedp.WithNewBrowserContext()}, opts...)
	tab, cancelTab := chromedp.NewContext(ctx, opts...)
	t.Cleanup(func() { cancelTab(); cancel() })
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	return tab
}

// do runs browser actions and fails the test on an error.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// run runs one browser action that returns a value.
func run[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// eval evaluates a JavaScript expression in the page. The DevTools
// protocol's Runtime.evaluate is not subject to the page's CSP.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	return run(t, ctx, expr, chromedp.Evaluate[T](expr))
}

// viewport sets the size of the tab's window; narrow ones are phones.
func viewport(width, height int64) chromedp.Action[chromedp.Void] {
	if width < 800 {
		return chromedp.EmulateViewport(width, height, chromedp.EmulateMobile)
	}
	return chromedp.EmulateViewport(width, height)
}

// disableScripts turns JavaScript off in the tab, for the pages it loads
// from now on, as a reader who switched it off has it.
func disableScripts() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
}

// setVI sets or removes the cookie of the version for the visually
// impaired, as the site's own form would.
func setVI(siteURL string, on bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if !on {
			_, err := cdp.Call(ctx, tg, network.DeleteCookies, network.DeleteCookiesParams{Name: viCookie, URL: siteURL})
			return err
		}
		_, err := cdp.Call(ctx, tg, network.SetCookie, network.SetCookieParams{Name: viCookie, Value: "1", URL: siteURL, HTTPOnly: new(true)})
		return err
	})
}

// site is the real datka site served on 127.0.0.1.
type site struct {
	*httptest.Server
	app *app.App
}

// startSite opens a freshly seeded site in a temporary data folder and
// serves it on 127.0.0.1, with its base URL set to the server's address
// so that no page names another host.
func startSite(t *testing.T) *site {
	t.Helper()
	srv := httptest.NewUnstartedServer(http.NotFoundHandler())
	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	cfg.DB = testenv.DatabaseURL(t, cfg.DataDir)
	cfg.Addr = srv.Listener.Addr().String()
	cfg.BaseURL = "http://" + cfg.Addr
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	a, err := app.Open(context.Background(), cfg, log)
	if err != nil {
		srv.Close()
		t.Fatalf("open site: %v", err)
	}
	srv.Config.Handler = a.Handler
	srv.Start()
	t.Cleanup(func() {
		srv.Close()
		a.Close()
	})
	return &site{Server: srv, app: a}
}

// governmentBody returns one of the default site's government bodies and
// a func that gives the path of its page in a language, from the store.
func (s *site) governmentBody(t *testing.T) (content.Organisation, func(code string) string) {
	t.Helper()
	ctx := context.Background()
	orgs, err := s.app.Store.Organisations(ctx, content.RoleGovernment)
	if err != nil {
		t.Fatal(err)
	}
	if len(orgs) == 0 {
		t.Fatal("the default site has no government bodies")
	}
	pages, err := s.app.Store.StructuralPages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var list content.Page
	for _, p := range pages {
		if p.Layout == content.LayoutGovernment {
			list = p
		}
	}
	if list.ID == 0 {
		t.Fatal("the default site has no page of government bodies")
	}
	body := orgs[len(orgs)/2]
	return body, func(code string) string {
		return "/" + code + "/" + list.Texts[code].Slug + "/" + body.Texts[code].Slug
	}
}

// get fetches path with or without the version for the visually impaired.
func (s *site) get(t *testing.T, path string, vi bool) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if vi {
		req.AddCookie(&http.Cookie{Name: viCookie, Value: "1"})
	}
	client := s.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	return resp.StatusCode, string(body)
}

// page is one distinct page of the site.
type sitePage struct {
	Path   string
	Status int
}

// pages lists every distinct page of the site: what a crawl from each
// language's home page reaches by links, and a missing page (404) in each
// language and outside them. It fails the test on a broken link.
func (s *site) pages(t *testing.T) []sitePage {
	t.Helper()
	var out []sitePage
	seen := map[string]bool{}
	var queue []string
	for _, l := range languages {
		queue = append(queue, "/"+l+"/")
		seen["/"+l+"/"] = true
	}
	for len(queue) > 0 {
		path := queue[0]
		queue = queue[1:]
		status, body := s.get(t, path, false)
		if status != http.StatusOK {
			t.Fatalf("GET %s: status %d, want 200 (a broken link)", path, status)
		}
		out = append(out, sitePage{Path: path, Status: status})
		for _, l := range links(t, path, body) {
			if !seen[l] {
				seen[l] = true
				queue = append(queue, l)
			}
		}
	}
	if len(out) < 3*8 {
		t.Fatalf("the crawl found only %d pages: %v", len(out), out)
	}
	// Pages that only a form leads to: search results (with matches, with
	// none here but some in another language) and a filtered library.
	structural, err := s.app.Store.StructuralPages(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	queries := map[content.Layout][]string{
		content.LayoutSearch:  {"?q=" + url.QueryEscape("гендер gender"), "?q=" + url.QueryEscape("равенство") + "&kind=news"},
		content.LayoutLibrary: {"?topic=media&group=media&lang=ru&format=document"},
	}
	for _, p := range structural {
		for _, q := range queries[p.Layout] {
			for _, l := range languages {
				path := "/" + l + "/" + p.Texts[l].Slug + q
				if status, _ := s.get(t, path, false); status != http.StatusOK {
					t.Fatalf("GET %s: status %d", path, status)
				}
				out = append(out, sitePage{Path: path, Status: http.StatusOK})
			}
		}
	}
	for _, p := range append(slices.Clone(languages), "") {
		path := "/no-such-page"
		if p != "" {
			path = "/" + p + "/no-such-page"
		}
		status, _ := s.get(t, path, false)
		if status != http.StatusNotFound {
			t.Fatalf("GET %s: status %d, want 404", path, status)
		}
		out = append(out, sitePage{Path: path, Status: status})
	}
	slices.SortFunc(out, func(a, b sitePage) int { return strings.Compare(a.Path, b.Path) })
	return out
}

// links returns the site's own page paths that the page at path links to
// with <a href>, without fragments and queries, and without static files.
func links(t *testing.T, path, body string) []string {
	t.Helper()
	doc, err := xhtml.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatalf("%s: parse: %v", path, err)
	}
	var out []string
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.Data == "a" {
			for _, a := range n.Attr {
				if a.Key != "href" {
					continue
				}
				u, err := url.Parse(a.Val)
				if err != nil {
					t.Errorf("%s: bad href %q", path, a.Val)
					continue
				}
				feed := strings.HasSuffix(u.Path, ".atom") || strings.HasSuffix(u.Path, ".xml")
				if u.Scheme == "" && u.Host == "" && strings.HasPrefix(u.Path, "/") && !strings.HasPrefix(u.Path, "/static/") && !feed {
					out = append(out, u.Path)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// artifactDir is where screenshots go: $DATKA_ARTIFACTS, else a
// temporary folder of the test.
func artifactDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("DATKA_ARTIFACTS")
	if dir == "" {
		return t.TempDir()
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// modeName names the display mode in messages.
func modeName(vi bool) string {
	if vi {
		return "visually-impaired mode"
	}
	return "normal mode"
}

// where names a page and mode in messages.
func where(p string, vi bool) string { return fmt.Sprintf("%s (%s)", p, modeName(vi)) }
