package admin_test

import (
	"context"
	"errors"
	"github.com/datka-cms/datka/internal/testenv"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/app"
	"github.com/datka-cms/datka/internal/auth"
	"github.com/datka-cms/datka/internal/config"
	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/store"
)

const (
	adminEmail    = "admin@example.org"
	adminPassword = "correct horse battery staple"
	userPassword  = "plum violet harbour 42"
)

// cheap are argon2id parameters low enough to sign in often. Verify reads
// the parameters from each hash, so accounts hashed with them sign in
// through exactly the code production runs; only hashes the admin makes
// itself (new passwords, the dummy for unknown accounts) cost 64 MiB.
var cheap = auth.Params{Memory: 1024, Time: 1, Threads: 1}

// site is a whole datka (app.Open) behind a real HTTP server.
type site struct {
	app   *app.App
	srv   *httptest.Server
	admin content.User
}

// newSite opens a fresh site in a temporary data folder whose first
// administrator comes from the configuration, as DATKA_ADMIN_EMAIL and
// DATKA_ADMIN_PASSWORD would give it. A BaseURL of https:// serves TLS.
func newSite(t *testing.T, edit func(*config.Config)) *site {
	t.Helper()
	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	cfg.DB = testenv.DatabaseURL(t, cfg.DataDir)
	cfg.Addr = "127.0.0.1:0"
	cfg.BaseURL = "http://example.org"
	cfg.AdminEmail, cfg.AdminPassword = adminEmail, adminPassword
	if edit != nil {
		edit(&cfg)
	}
	a, err := app.Open(t.Context(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatalf("app.Open: %v", err)
	}
	t.Cleanup(func() { a.Close() })
	s := &site{app: a}
	if strings.HasPrefix(cfg.BaseURL, "https://") {
		s.srv = httptest.NewTLSServer(a.Handler)
	} else {
		s.srv = httptest.NewServer(a.Handler)
	}
	t.Cleanup(s.srv.Close)
	admin, hash, err := a.Store.UserByEmail(t.Context(), adminEmail)
	if err != nil {
		t.Fatalf("the first administrator %s was not created: %v", adminEmail, err)
	}
	if ok, _ := auth.Verify(adminPassword, hash); !ok {
		t.Fatal("the first administrator's password is not DATKA_ADMIN_PASSWORD")
	}
	// Rehash cheaply: the tests sign the administrator in many times.
	s.setHash(t, admin.ID, adminPassword)
	s.admin = s.user(t, adminEmail)
	return s
}

func (s *site) setHash(t *testing.T, id int64, password string) {
	t.Helper()
	hash, err := auth.Hash(password, cheap)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.app.Store.SetPassword(t.Context(), id, hash); err != nil {
		t.Fatal(err)
	}
}

// addUser creates an account with userPassword straight in the store.
func (s *site) addUser(t *testing.T, email string, role content.Role, langs ...string) content.User {
	t.Helper()
	hash, err := auth.Hash(userPassword, cheap)
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.app.Store.CreateUser(t.Context(), content.User{Email: email, Role: role, Languages: langs}, hash)
	if err != nil {
		t.Fatalf("CreateUser(%s): %v", email, err)
	}
	u, err := s.app.Store.User(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// user reads an account from the store; it fails the test if it is absent.
func (s *site) user(t *testing.T, email string) content.User {
	t.Helper()
	u, _, err := s.app.Store.UserByEmail(t.Context(), email)
	if err != nil {
		t.Fatalf("UserByEmail(%s): %v", email, err)
	}
	return u
}

func (s *site) userCount(t *testing.T) int {
	t.Helper()
	users, err := s.app.Store.Users(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return len(users)
}

func (s *site) audit(t *testing.T) []content.AuditEntry {
	t.Helper()
	es, err := s.app.Store.AuditLog(t.Context(), 1000, 0)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// findAudit returns the newest entry with action whose detail contains
// detail, and whether there is one.
func findAudit(es []content.AuditEntry, action, detail string) (content.AuditEntry, bool) {
	for _, e := range es {
		if e.Action == action && strings.Contains(e.Detail, detail) {
			return e, true
		}
	}
	return content.AuditEntry{}, false
}

// browser is an HTTP client with its own cookie jar that does not follow
// redirects, so that each answer can be checked. Its form posts carry the
// headers a browser sends for a same-origin form.
type browser struct {
	site   *site
	client *http.Client
	jar    *cookiejar.Jar
	lang   string // Accept-Language
}

func (s *site) browser(t *testing.T, acceptLanguage string) *browser {
	t.Helper()
	return s.browserWith(t, acceptLanguage, s.srv.Client().Transport)
}

// browserFrom connects from the loopback address ip, another client
// address than 127.0.0.1 for the server.
func (s *site) browserFrom(t *testing.T, acceptLanguage, ip string) *browser {
	t.Helper()
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: 5 * time.Second}
	return s.browserWith(t, acceptLanguage, &http.Transport{DialContext: d.DialContext})
}

func (s *site) browserWith(t *testing.T, acceptLanguage string, rt http.RoundTripper) *browser {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &browser{site: s, jar: jar, lang: acceptLanguage, client: &http.Client{
		Transport:     rt,
		Jar:           jar,
		Timeout:       20 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

type response struct {
	code    int
	header  http.Header
	body    string
	cookies []*http.Cookie
}

// do sends a request; header values replace the browser's defaults, and
// an empty value removes the header.
func (b *browser) do(t *testing.T, method, path string, form url.Values, header http.Header) response {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequestWithContext(t.Context(), method, b.site.srv.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if b.lang != "" {
		req.Header.Set("Accept-Language", b.lang)
	}
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", b.site.srv.URL)
		req.Header.Set("Sec-Fetch-Site", "same-origin")
	}
	for k, vs := range header {
		req.Header.Del(k)
		for _, v := range vs {
			if v != "" {
				req.Header.Add(k, v)
			}
		}
	}
	res, err := b.client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	return response{code: res.StatusCode, header: res.Header, body: string(data), cookies: res.Cookies()}
}

func (b *browser) post(t *testing.T, path string, form url.Values) response {
	t.Helper()
	return b.do(t, http.MethodPost, path, form, nil)
}

// signin posts the sign-in form and returns the answer, whatever it is.
func (b *browser) signin(t *testing.T, email, password string) response {
	t.Helper()
	return b.post(t, "/admin/signin", url.Values{"email": {email}, "password": {password}, "next": {"/admin/"}})
}

// mustSignin signs in and fails the test unless it succeeds.
func (b *browser) mustSignin(t *testing.T, email, password string) {
	t.Helper()
	res := b.signin(t, email, password)
	if res.code != http.StatusSeeOther || res.header.Get("Location") != "/admin/" {
		t.Fatalf("sign-in as %s: status %d, Location %q, want 303 to /admin/; body: %.400s",
			email, res.code, res.header.Get("Location"), errorText(res.body))
	}
}

// sessionCookie is the session cookie the browser holds, or nil.
func (b *browser) sessionCookie() *http.Cookie {
	u, _ := url.Parse(b.site.srv.URL)
	for _, c := range b.jar.Cookies(u) {
		if strings.HasSuffix(c.Name, "datka_session") {
			return c
		}
	}
	return nil
}

// setSessionCookie plants a session cookie, as a stolen or forged one.
func (b *browser) setSessionCookie(name, value string) {
	u, _ := url.Parse(b.site.srv.URL)
	b.jar.SetCookies(u, []*http.Cookie{{Name: name, Value: value, Path: "/"}})
}

var (
	errorRE     = regexp.MustCompile(`<p class="error" role="alert">([^<]*)</p>`)
	generatedRE = regexp.MustCompile(`<code class="secret">([^<]+)</code>`)
)

// errorText is the page's error paragraph, or the body when there is none.
func errorText(body string) string {
	if m := errorRE.FindStringSubmatch(body); m != nil {
		return m[1]
	}
	return body
}

// scenario is one request and what its answer must be.
type scenario struct {
	name       string
	method     string
	path       string
	form       url.Values
	header     http.Header
	wantStatus int
	wantHeader map[string]string // header → substring its value must contain
	contains   []string
	excludes   []string
}

func (b *browser) check(t *testing.T, sc scenario) response {
	t.Helper()
	method := sc.method
	if method == "" {
		method = http.MethodGet
	}
	res := b.do(t, method, sc.path, sc.form, sc.header)
	if res.code != sc.wantStatus {
		t.Fatalf("%s %s: status %d, want %d; Location %q; body: %.400s", method, sc.path, res.code, sc.wantStatus,
			res.header.Get("Location"), res.body)
	}
	for k, want := range sc.wantHeader {
		if got := strings.Join(res.header.Values(k), ", "); !strings.Contains(got, want) {
			t.Errorf("%s %s: header %s = %q, want it to contain %q", method, sc.path, k, got, want)
		}
	}
	for _, s := range sc.contains {
		if !strings.Contains(res.body, s) {
			t.Errorf("%s %s: body lacks %q", method, sc.path, s)
		}
	}
	for _, s := range sc.excludes {
		if strings.Contains(res.body, s) {
			t.Errorf("%s %s: body must not contain %q", method, sc.path, s)
		}
	}
	return res
}

func hdr(kv ...string) http.Header {
	h := http.Header{}
	for i := 0; i+1 < len(kv); i += 2 {
		h.Add(kv[i], kv[i+1])
	}
	return h
}

func TestAnonymousScenarios(t *testing.T) {
	t.Parallel()
	s := newSite(t, nil)
	b := s.browser(t, "en")
	private := map[string]string{"Cache-Control": "no-store", "X-Robots-Tag": "noindex"}
	scenarios := []scenario{
		{name: "the dashboard sends to sign-in and back", path: "/admin/", wantStatus: http.StatusSeeOther,
			wantHeader: map[string]string{"Location": "/admin/signin?next=%2Fadmin%2F", "Cache-Control": "no-store", "X-Robots-Tag": "noindex"}},
		{name: "a deep page keeps its query in next", path: "/admin/users?x=1", wantStatus: http.StatusSeeOther,
			wantHeader: map[string]string{"Location": "/admin/signin?next=%2Fadmin%2Fusers%3Fx%3D1"}},
		{name: "the audit log needs a session", path: "/admin/audit", wantStatus: http.StatusSeeOther,
			wantHeader: map[string]string{"Location": "/admin/signin?next=%2Fadmin%2Faudit"}},
		{name: "a form post needs a session", method: http.MethodPost, path: "/admin/users/new",
			form: url.Values{"email": {"x@example.org"}, "role": {"editor"}}, wantStatus: http.StatusSeeOther,
			wantHeader: map[string]string{"Location": "/admin/signin"}},
		{name: "/admin without the slash", path: "/admin", wantStatus: http.StatusMovedPermanently,
			wantHeader: map[string]string{"Location": "/admin/"}},
		{name: "the sign-in page speaks Kyrgyz to a Kyrgyz browser", path: "/admin/signin", header: hdr("Accept-Language", "ky, ru;q=0.8"),
			wantStatus: http.StatusOK, wantHeader: private,
			contains: []string{`<html lang="ky">`, "<title>Кирүү — datka</title>", "Электрондук почта", "Сырсөз", `name="next" value="/admin/"`},
			excludes: []string{"Sign in", "Вход"}},
		{name: "the sign-in page speaks English to an English browser", path: "/admin/signin", wantStatus: http.StatusOK,
			contains: []string{`<html lang="en">`, "Sign in", `autocomplete="current-password"`}, excludes: []string{"Кирүү", `action="/admin/signout"`}},
		{name: "the sign-in page keeps a local next", path: "/admin/signin?next=%2Fadmin%2Fusers", wantStatus: http.StatusOK,
			contains: []string{`name="next" value="/admin/users"`}},
		{name: "the sign-in page drops a foreign next", path: "/admin/signin?next=%2F%2Fevil.example%2F", wantStatus: http.StatusOK,
			contains: []string{`name="next" value="/admin/"`}, excludes: []string{"evil.example"}},
		{name: "an unknown admin page", path: "/admin/nope", wantStatus: http.StatusNotFound, wantHeader: private},
		{name: "sign-out by GET is not allowed", path: "/admin/signout", wantStatus: http.StatusMethodNotAllowed,
			wantHeader: map[string]string{"Allow": "POST"}},
		{name: "a cross-site sign-in post", method: http.MethodPost, path: "/admin/signin",
			form: url.Values{"email": {adminEmail}, "password": {adminPassword}}, header: hdr("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"),
			wantStatus: http.StatusForbidden},
		{name: "a sign-in post from another origin, old browser without Sec-Fetch-Site", method: http.MethodPost, path: "/admin/signin",
			form: url.Values{"email": {adminEmail}, "password": {adminPassword}}, header: hdr("Sec-Fetch-Site", "", "Origin", "https://evil.example"),
			wantStatus: http.StatusForbidden},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) { b.check(t, sc) })
	}
	t.Run("the refused cross-origin sign-ins left no session and no trace", func(t *testing.T) {
		if c := b.sessionCookie(); c != nil {
			t.Errorf("the browser holds a session cookie %s after refused posts", c.Name)
		}
		for _, e := range s.audit(t) {
			if strings.HasPrefix(e.Action, "signin") {
				t.Errorf("a refused cross-origin post reached the sign-in handler: %+v", e)
			}
		}
	})
}

func TestSigninFailuresLookAlike(t *testing.T) {
	t.Parallel()
	s := newSite(t, nil)
	s.addUser(t, "editor@example.org", content.RoleEditor)
	b := s.browser(t, "en")

	wrong := b.signin(t, "editor@example.org", "not the password")
	unknown := b.signin(t, "nobody@example.org", "not the password")
	empty := b.signin(t, "", "")
	for name, res := range map[string]response{"wrong password": wrong, "unknown account": unknown, "empty form": empty} {
		if res.code != http.StatusUnauthorized {
			t.Errorf("%s: status %d, want 401", name, res.code)
		}
		if got := errorText(res.body); got != "Wrong email address or password." {
			t.Errorf("%s: message %q, want the one message for every failure", name, got)
		}
		if c := res.cookies; len(c) != 0 {
			t.Errorf("%s: a failed sign-in set cookies %v", name, c)
		}
	}
	// Apart from the address typed in, the two pages are the same.
	if strings.ReplaceAll(wrong.body, "editor@example.org", "X") != strings.ReplaceAll(unknown.body, "nobody@example.org", "X") {
		t.Error("the page for a wrong password differs from the page for an unknown account")
	}
	if !strings.Contains(wrong.body, `value="editor@example.org"`) {
		t.Error("the address typed is not kept in the form")
	}
	if strings.Contains(wrong.body, "not the password") {
		t.Error("the password typed is sent back in the page")
	}

	t.Run("the address is matched in any case and without spaces", func(t *testing.T) {
		b2 := s.browser(t, "en")
		b2.mustSignin(t, "  EDITOR@Example.org ", userPassword)
	})

	t.Run("the failures are in the audit log with the address typed", func(t *testing.T) {
		es := s.audit(t)
		for _, email := range []string{"editor@example.org", "nobody@example.org"} {
			e, ok := findAudit(es, "signin_failed", email)
			if !ok {
				t.Errorf("no signin_failed entry for %s", email)
				continue
			}
			if e.Address != "127.0.0.1" {
				t.Errorf("signin_failed for %s: address %q, want 127.0.0.1", email, e.Address)
			}
		}
	})
}

func TestSigninThrottledPerAccount(t *testing.T) {
	t.Parallel()
	s := newSite(t, nil)
	s.addUser(t, "editor@example.org", content.RoleEditor)
	b := s.browser(t, "en")

	// Each account is tried five times with a wrong password, in changing
	// letter case (one account all the same); the sixth attempt is refused
	// without a look at the password, then so is the right password.
	var throttledPages []string
	for _, account := range []struct {
		name, email, password string
	}{
		{name: "an existing account", email: "editor@example.org", password: userPassword},
		{name: "an account that does not exist", email: "ghost@example.org", password: userPassword},
	} {
		t.Run(account.name, func(t *testing.T) {
			for i := 1; i <= 5; i++ {
				email := account.email
				if i%2 == 0 {
					email = strings.ToUpper(email)
				}
				if res := b.signin(t, email, "wrong password "+strconv.Itoa(i)); res.code != http.StatusUnauthorized {
					t.Fatalf("failure %d: status %d, want 401", i, res.code)
				}
			}
			sixth := b.signin(t, account.email, "wrong password 6")
			if sixth.code != http.StatusTooManyRequests {
				t.Fatalf("sixth failure: status %d, want 429", sixth.code)
			}
			if ra, err := strconv.Atoi(sixth.header.Get("Retry-After")); err != nil || ra <= 0 {
				t.Errorf("Retry-After = %q, want a positive number of seconds", sixth.header.Get("Retry-After"))
			}
			if got := errorText(sixth.body); !strings.Contains(got, "Too many failed attempts") {
				t.Errorf("throttled message = %q", got)
			}
			throttledPages = append(throttledPages, strings.ReplaceAll(sixth.body, account.email, "X"))
			right := b.signin(t, account.email, account.password)
			if right.code != http.StatusTooManyRequests {
				t.Errorf("the right password while throttled: status %d, want 429", right.code)
			}
			if b.sessionCookie() != nil {
				t.Error("a throttled sign-in gave a session")
			}
		})
	}
	if len(throttledPages) == 2 && throttledPages[0] != throttledPages[1] {
		t.Error("the throttled page of an existing account differs from that of an unknown one")
	}

	t.Run("another account from the same address still signs in", func(t *testing.T) {
		s.browser(t, "en").mustSignin(t, adminEmail, adminPassword)
	})
	t.Run("the throttled attempts are in the audit log", func(t *testing.T) {
		es := s.audit(t)
		for _, email := range []string{"editor@example.org", "ghost@example.org"} {
			if _, ok := findAudit(es, "signin_throttled", email); !ok {
				t.Errorf("no signin_throttled entry for %s", email)
			}
		}
	})
	t.Run("a refused right password is not a sign-in", func(t *testing.T) {
		for _, e := range s.audit(t) {
			if e.Action == "signin" && e.UserEmail != adminEmail {
				t.Errorf("a throttled account has a signin entry: %+v", e)
			}
		}
	})
}

func TestSigninThrottledPerAddress(t *testing.T) {
	t.Parallel()
	s := newSite(t, nil)
	s.addUser(t, "editor@example.org", content.RoleEditor)
	b := s.browser(t, "en")
	// Twenty accounts fail once each: none reaches its own limit, but the
	// address does.
	for i := 1; i <= 20; i++ {
		res := b.signin(t, "guess"+strconv.Itoa(i)+"@example.org", "wrong password")
		if res.code != http.StatusUnauthorized {
			t.Fatalf("failure %d: status %d, want 401", i, res.code)
		}
	}
	res := b.signin(t, "editor@example.org", userPassword)
	if res.code != http.StatusTooManyRequests {
		t.Fatalf("a right password after 20 failures from the address: status %d, want 429", res.code)
	}
	if res.header.Get("Retry-After") == "" {
		t.Error("no Retry-After")
	}
	t.Run("another address is not throttled", func(t *testing.T) {
		// Linux routes all of 127.0.0.0/8 to the loopback; other systems
		// may not.
		d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP("127.0.0.2")}, Timeout: time.Second}
		c, err := d.DialContext(t.Context(), "tcp", s.srv.Listener.Addr().String())
		if err != nil {
			t.Skipf("cannot connect from 127.0.0.2 here: %v", err)
		}
		c.Close()
		res := s.browserFrom(t, "en", "127.0.0.2").signin(t, "editor@example.org", userPassword)
		if res.code != http.StatusSeeOther {
			t.Errorf("sign-in from 127.0.0.2: status %d, want 303", res.code)
		}
	})
}

func TestSigninRedirectsOnlyToAdminPages(t *testing.T) {
	t.Parallel()
	s := newSite(t, nil)
	s.addUser(t, "editor@example.org", content.RoleEditor)
	tests := []struct {
		name string
		next string
		want string
	}{
		{name: "an admin page", next: "/admin/users?x=1", want: "/admin/users?x=1"},
		{name: "nothing", next: "", want: "/admin/"},
		{name: "a protocol-relative address", next: "//evil.example/admin/", want: "/admin/"},
		{name: "an absolute address", next: "https://evil.example/admin/", want: "/admin/"},
		{name: "a backslash trick", next: "/\\evil.example", want: "/admin/"},
		{name: "a backslash after the admin prefix", next: "/admin/\\evil.example", want: "/admin/"},
		{name: "a public page", next: "/ru/", want: "/admin/"},
		{name: "a header injection", next: "/admin/\r\nSet-Cookie: x=1", want: "/admin/"},
		{name: "a javascript URL", next: "javascript:alert(1)", want: "/admin/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := s.browser(t, "en")
			res := b.post(t, "/admin/signin", url.Values{"email": {"editor@example.org"}, "password": {userPassword}, "next": {tt.next}})
			if res.code != http.StatusSeeOther {
				t.Fatalf("status %d, want 303; %s", res.code, errorText(res.body))
			}
			if got := res.header.Get("Location"); got != tt.want {
				t.Errorf("next %q: Location %q, want %q", tt.next, got, tt.want)
			}
		})
	}
}

func TestSessionCookie(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		baseURL    string
		cookieName string
		secure     bool
	}{
		{name: "plain HTTP", baseURL: "http://example.org", cookieName: "datka_session"},
		{name: "behind TLS", baseURL: "https://example.org", cookieName: "__Host-datka_session", secure: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := newSite(t, func(c *config.Config) { c.BaseURL = tt.baseURL })
			s.addUser(t, "editor@example.org", content.RoleEditor)
			b := s.browser(t, "en")
			// A session cookie planted before sign-in (fixation) must be
			// replaced, not adopted.
			b.setSessionCookie(tt.cookieName, "planted-by-an-attacker")
			res := b.signin(t, "editor@example.org", userPassword)
			if res.code != http.StatusSeeOther {
				t.Fatalf("sign-in: status %d", res.code)
			}
			setCookie := strings.Join(res.header.Values("Set-Cookie"), "\n")
			for _, want := range []string{tt.cookieName + "=", "HttpOnly", "SameSite=Lax", "Path=/"} {
				if !strings.Contains(setCookie, want) {
					t.Errorf("Set-Cookie %q lacks %q", setCookie, want)
				}
			}
			if got := strings.Contains(setCookie, "Secure"); got != tt.secure {
				t.Errorf("Set-Cookie %q: Secure is %t, want %t", setCookie, got, tt.secure)
			}
			for _, bad := range []string{"Domain=", "Max-Age", "Expires"} {
				if strings.Contains(setCookie, bad) {
					t.Errorf("Set-Cookie %q has %s: a session cookie should be host-only and end with the browser", setCookie, bad)
				}
			}
			first := b.sessionCookie()
			if first == nil {
				t.Fatal("the browser holds no session cookie after sign-in")
			}
			if first.Name != tt.cookieName {
				t.Errorf("cookie name %q, want %q", first.Name, tt.cookieName)
			}
			if first.Value == "planted-by-an-attacker" || len(first.Value) < 32 {
				t.Errorf("the session token %q was not freshly made at sign-in", first.Value)
			}
			if _, found, err := s.app.Store.Sessions().FindCtx(t.Context(), first.Value); err != nil || !found {
				t.Errorf("the session is not in the database: %t, %v", found, err)
			}
			b.check(t, scenario{path: "/admin/", wantStatus: http.StatusOK, contains: []string{"editor@example.org"}})

			// Signing in again gives yet another token and ends the old one.
			b.mustSignin(t, "editor@example.org", userPassword)
			second := b.sessionCookie()
			if second == nil || second.Value == first.Value {
				t.Fatal("the session token did not change at the second sign-in")
			}
			if _, found, _ := s.app.Store.Sessions().FindCtx(t.Context(), first.Value); found {
				t.Error("the token replaced at sign-in is still in the database")
			}
			replay := s.browser(t, "en")
			replay.setSessionCookie(tt.cookieName, first.Value)
			replay.check(t, scenario{path: "/admin/", wantStatus: http.StatusSeeOther, wantHeader: map[string]string{"Location": "/admin/signin"}})
		})
	}
}

func TestSignout(t *testing.T) {
	t.Parallel()
	s := newSite(t, nil)
	s.addUser(t, "editor@example.org", content.RoleEditor)
	b := s.browser(t, "en")
	b.mustSignin(t, "editor@example.org", userPassword)
	token := b.sessionCookie().Value

	b.check(t, scenario{name: "GET does not sign out", path: "/admin/signout", wantStatus: http.StatusMethodNotAllowed})
	b.check(t, scenario{name: "a cross-site post does not sign out", method: http.MethodPost, path: "/admin/signout",
		header: hdr("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"), wantStatus: http.StatusForbidden})
	b.check(t, scenario{name: "still signed in", path: "/admin/", wantStatus: http.StatusOK, contains: []string{`action="/admin/signout"`}})

	res := b.check(t, scenario{name: "sign out", method: http.MethodPost, path: "/admin/signout", form: url.Values{},
		wantStatus: http.StatusSeeOther, wantHeader: map[string]string{"Location": "/admin/signin"}})
	if sc := strings.Join(res.header.Values("Set-Cookie"), "\n"); !strings.Contains(sc, "datka_session=;") || !strings.Contains(sc, "Max-Age=0") {
		t.Errorf("sign-out does not expire the cookie: Set-Cookie %q", sc)
	}
	b.check(t, scenario{name: "signed out", path: "/admin/", wantStatus: http.StatusSeeOther,
		wantHeader: map[string]string{"Location": "/admin/signin"}})

	// The server forgot the session: a copy of the cookie kept elsewhere
	// opens nothing.
	if _, found, _ := s.app.Store.Sessions().FindCtx(t.Context(), token); found {
		t.Error("the session is still in the database after sign-out")
	}
	thief := s.browser(t, "en")
	thief.setSessionCookie("datka_session", token)
	thief.check(t, scenario{name: "the old cookie", path: "/admin/", wantStatus: http.StatusSeeOther,
		wantHeader: map[string]string{"Location": "/admin/signin"}})

	if _, ok := findAudit(s.audit(t), "signout", ""); !ok {
		t.Error("no signout entry in the audit log")
	}
}

func TestCrossOriginPostsAreRefused(t *testing.T) {
	t.Parallel()
	s := newSite(t, nil)
	b := s.browser(t, "en")
	b.mustSignin(t, adminEmail, adminPassword)
	newUser := url.Values{"email": {"mallory@example.org"}, "role": {"admin"}, "ui_lang": {"en"}, "password": {"kettle orbit 19 gale"}}
	tests := []struct {
		name   string
		path   string
		form   url.Values
		header http.Header
	}{
		{name: "cross-site account creation", path: "/admin/users/new", form: newUser,
			header: hdr("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example")},
		{name: "account creation from a sibling site", path: "/admin/users/new", form: newUser,
			header: hdr("Sec-Fetch-Site", "same-site", "Origin", "https://blog.example.org")},
		{name: "account creation from another origin, old browser", path: "/admin/users/new", form: newUser,
			header: hdr("Sec-Fetch-Site", "", "Origin", "https://evil.example")},
		{name: "cross-site change of an account", path: "/admin/users/" + strconv.FormatInt(s.admin.ID, 10),
			form: url.Values{"role": {"author"}, "ui_lang": {"en"}}, header: hdr("Sec-Fetch-Site", "cross-site")},
		{name: "cross-site change of one's own account", path: "/admin/account",
			form: url.Values{"name": {"pwned"}, "ui_lang": {"ky"}}, header: hdr("Sec-Fetch-Site", "cross-site")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b.check(t, scenario{method: http.MethodPost, path: tt.path, form: tt.form, header: tt.header, wantStatus: http.StatusForbidden})
		})
	}
	t.Run("nothing changed", func(t *testing.T) {
		if n := s.userCount(t); n != 1 {
			t.Errorf("%d accounts, want only the administrator", n)
		}
		if u := s.user(t, adminEmail); u.Role != content.RoleAdmin || u.Name == "pwned" || u.UILang == "ky" {
			t.Errorf("the administrator was changed by a cross-site post: %+v", u)
		}
		b.check(t, scenario{path: "/admin/users", wantStatus: http.StatusOK})
	})
	t.Run("a same-origin post goes through", func(t *testing.T) {
		b.check(t, scenario{method: http.MethodPost, path: "/admin/users/new", form: newUser, wantStatus: http.StatusSeeOther})
	})
}

func TestRolesWithoutAccountManagement(t *testing.T) {
	t.Parallel()
	s := newSite(t, nil)
	adminPath := "/admin/users/" + strconv.FormatInt(s.admin.ID, 10)
	for _, u := range []struct {
		email string
		role  content.Role
		langs []string
	}{
		{email: "editor@example.org", role: content.RoleEditor},
		{email: "translator@example.org", role: content.RoleTranslator, langs: []string{"ky"}},
		{email: "author@example.org", role: content.RoleAuthor},
	} {
		t.Run(string(u.role), func(t *testing.T) {
			s.addUser(t, u.email, u.role, u.langs...)
			b := s.browser(t, "en")
			b.mustSignin(t, u.email, userPassword)
			forbidden := []string{"Your account is not allowed to do this."}
			scenarios := []scenario{
				{name: "dashboard", path: "/admin/", wantStatus: http.StatusOK,
					contains: []string{u.email, `href="/admin/account"`}, excludes: []string{`href="/admin/users"`, `href="/admin/audit"`}},
				{name: "own account", path: "/admin/account", wantStatus: http.StatusOK},
				{name: "account list", path: "/admin/users", wantStatus: http.StatusForbidden, contains: forbidden, excludes: []string{adminEmail}},
				{name: "audit log", path: "/admin/audit", wantStatus: http.StatusForbidden, contains: forbidden},
				{name: "new account form", path: "/admin/users/new", wantStatus: http.StatusForbidden},
				{name: "another account's form", path: adminPath, wantStatus: http.StatusForbidden, excludes: []string{adminEmail}},
				{name: "creating an account", method: http.MethodPost, path: "/admin/users/new",
					form:       url.Values{"email": {"sock@example.org"}, "role": {"admin"}, "ui_lang": {"en"}, "password": {"kettle orbit 19 gale"}},
					wantStatus: http.StatusForbidden},
				{name: "making oneself admin", method: http.MethodPost, path: "/admin/users/" + strconv.FormatInt(s.user(t, u.email).ID, 10),
					form: url.Values{"role": {"admin"}, "ui_lang": {"en"}}, wantStatus: http.StatusForbidden},
				{name: "demoting the admin", method: http.MethodPost, path: adminPath,
					form: url.Values{"role": {"author"}, "ui_lang": {"en"}, "disabled": {"1"}}, wantStatus: http.StatusForbidden},
			}
			for _, sc := range scenarios {
				t.Run(sc.name, func(t *testing.T) { b.check(t, sc) })
			}
			if got := s.user(t, u.email).Role; got != u.role {
				t.Errorf("role is %s after the refused posts, want %s", got, u.role)
			}
			if a := s.user(t, adminEmail); a.Role != content.RoleAdmin || a.Disabled {
				t.Errorf("the administrator was changed: %+v", a)
			}
			if _, _, err := s.app.Store.UserByEmail(t.Context(), "sock@example.org"); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("a refused creation made an account (err %v)", err)
			}
		})
	}
}

func TestAdministratorManagesAccounts(t *testing.T) {
	t.Parallel()
	s := newSite(t, nil)
	b := s.browser(t, "ky")
	b.mustSignin(t, adminEmail, adminPassword)
	private := map[string]string{"Cache-Control": "no-store", "X-Robots-Tag": "noindex"}

	t.Run("admin pages are private", func(t *testing.T) {
		for _, p := range []string{"/admin/", "/admin/users", "/admin/users/new", "/admin/audit", "/admin/account"} {
			b.check(t, scenario{path: p, wantStatus: http.StatusOK, wantHeader: private, contains: []string{`<html lang="ky">`}})
		}
	})

	t.Run("a translator for Kyrgyz", func(t *testing.T) {
		res := b.check(t, scenario{method: http.MethodPost, path: "/admin/users/new", wantStatus: http.StatusSeeOther,
			form: url.Values{"email": {"aibek@example.org"}, "name": {"Айбек"}, "role": {"translator"},
				"languages": {"ky", "xx"}, "ui_lang": {"ky"}, "password": {"kettle orbit 19 gale"}}})
		u := s.user(t, "aibek@example.org")
		if u.Role != content.RoleTranslator || !slices.Equal(u.Languages, []string{"ky"}) || u.UILang != "ky" || u.Name != "Айбек" {
			t.Errorf("stored %+v, want a translator for ky only, speaking ky", u)
		}
		if want := "/admin/users/" + strconv.FormatInt(u.ID, 10); res.header.Get("Location") != want {
			t.Errorf("Location %q, want %q", res.header.Get("Location"), want)
		}
		b.check(t, scenario{path: res.header.Get("Location"), wantStatus: http.StatusOK,
			contains: []string{"Каттоо эсеби түзүлдү.", `value="aibek@example.org" readonly`}})
		if e, ok := findAudit(s.audit(t), "user_create", "aibek@example.org"); !ok {
			t.Error("no user_create entry")
		} else if !strings.Contains(e.Detail, "role=translator") || !strings.Contains(e.Detail, "languages=ky") || e.UserEmail != adminEmail {
			t.Errorf("user_create entry %+v lacks the role, the languages or who did it", e)
		}
		s.browser(t, "en").mustSignin(t, "aibek@example.org", "kettle orbit 19 gale")
	})

	refused := []struct {
		name    string
		form    url.Values
		message string
	}{
		{name: "a translator without a language", message: "Котормочуга жок дегенде бир тил керек.",
			form: url.Values{"email": {"nolang@example.org"}, "role": {"translator"}, "ui_lang": {"ky"}, "password": {"kettle orbit 19 gale"}}},
		{name: "a common password", message: "Бул сырсөз өтө кеңири таралган же оңой табылат. Башкасын тандаңыз.",
			form: url.Values{"email": {"weak@example.org"}, "role": {"editor"}, "ui_lang": {"ky"}, "password": {"Password1"}}},
		{name: "a short password", message: "Сырсөз өтө кыска: кеминде 8 белги керек.",
			form: url.Values{"email": {"short@example.org"}, "role": {"editor"}, "ui_lang": {"ky"}, "password": {"жөлбүрс"}}},
		{name: "an address taken in another case", message: "Мындай дарек менен каттоо эсеби мурунтан эле бар.",
			form: url.Values{"email": {"AIBEK@example.org"}, "role": {"editor"}, "ui_lang": {"ky"}, "password": {"kettle orbit 19 gale"}}},
		{name: "not an address", message: "Электрондук почтанын дарегин name@example.org түрүндө жазыңыз.",
			form: url.Values{"email": {"Aibek <aibek2@example.org>"}, "role": {"editor"}, "ui_lang": {"ky"}}},
		{name: "an unknown role", message: "Тизмеден ролду тандаңыз.",
			form: url.Values{"email": {"root@example.org"}, "role": {"root"}, "ui_lang": {"ky"}}},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			before := s.userCount(t)
			res := b.check(t, scenario{method: http.MethodPost, path: "/admin/users/new", form: tt.form,
				wantStatus: http.StatusUnprocessableEntity,
				contains:   []string{tt.message, "Белгиленген талааларды оңдоңуз: эч нерсе сакталган жок."}})
			if pw := tt.form.Get("password"); pw != "" && strings.Contains(res.body, pw) {
				t.Error("the refused password is sent back in the form")
			}
			if n := s.userCount(t); n != before {
				t.Errorf("%d accounts after a refused form, want %d", n, before)
			}
		})
	}

	t.Run("a generated password is shown once and works", func(t *testing.T) {
		res := b.check(t, scenario{method: http.MethodPost, path: "/admin/users/new", wantStatus: http.StatusOK,
			form: url.Values{"email": {"gen@example.org"}, "role": {"author"}, "ui_lang": {"en"}}})
		m := generatedRE.FindStringSubmatch(res.body)
		if m == nil {
			t.Fatalf("no generated password shown: %.600s", res.body)
		}
		pw := m[1]
		if len(pw) != 20 {
			t.Errorf("generated password %q has %d characters, want 20", pw, len(pw))
		}
		u := s.user(t, "gen@example.org")
		if !u.HasPassword || u.Role != content.RoleAuthor {
			t.Errorf("stored %+v", u)
		}
		for _, e := range s.audit(t) {
			if strings.Contains(e.Detail, pw) {
				t.Errorf("the generated password is in the audit log: %+v", e)
			}
		}
		again := b.check(t, scenario{path: "/admin/users/" + strconv.FormatInt(u.ID, 10), wantStatus: http.StatusOK})
		if strings.Contains(again.body, pw) || strings.Contains(again.body, `class="secret"`) {
			t.Error("the generated password is shown a second time")
		}
		s.browser(t, "en").mustSignin(t, "gen@example.org", pw)
	})

	t.Run("changing a role is logged with the change", func(t *testing.T) {
		ed := s.addUser(t, "editor@example.org", content.RoleEditor)
		b.check(t, scenario{method: http.MethodPost, path: "/admin/users/" + strconv.FormatInt(ed.ID, 10), wantStatus: http.StatusSeeOther,
			form: url.Values{"name": {"Эрмек"}, "role": {"translator"}, "languages": {"ky", "ru"}, "ui_lang": {"ru"}}})
		u := s.user(t, "editor@example.org")
		if u.Role != content.RoleTranslator || !slices.Equal(u.Languages, []string{"ky", "ru"}) || u.Name != "Эрмек" || u.UILang != "ru" {
			t.Errorf("stored %+v", u)
		}
		if u.SessionEpoch != ed.SessionEpoch {
			t.Errorf("a role change moved the session epoch %d → %d", ed.SessionEpoch, u.SessionEpoch)
		}
		e, ok := findAudit(s.audit(t), "user_update", "editor@example.org")
		if !ok {
			t.Fatal("no user_update entry")
		}
		for _, want := range []string{"role editor→translator", "languages →ky,ru"} {
			if !strings.Contains(e.Detail, want) {
				t.Errorf("user_update detail %q lacks %q", e.Detail, want)
			}
		}
		if e.UserEmail != adminEmail || e.ItemID != u.ID {
			t.Errorf("user_update entry %+v: want it by the administrator about account %d", e, u.ID)
		}
	})

	t.Run("a translator cannot lose all languages", func(t *testing.T) {
		u := s.user(t, "editor@example.org")
		b.check(t, scenario{method: http.MethodPost, path: "/admin/users/" + strconv.FormatInt(u.ID, 10), wantStatus: http.StatusUnprocessableEntity,
			form: url.Values{"role": {"translator"}, "ui_lang": {"ru"}}, contains: []string{"Котормочуга жок дегенде бир тил керек."}})
		if got := s.user(t, "editor@example.org").Languages; !slices.Equal(got, []string{"ky", "ru"}) {
			t.Errorf("languages %q after a refused change", got)
		}
	})

	t.Run("a password reset is checked against the account's address", func(t *testing.T) {
		u := s.user(t, "editor@example.org")
		b.check(t, scenario{method: http.MethodPost, path: "/admin/users/" + strconv.FormatInt(u.ID, 10), wantStatus: http.StatusUnprocessableEntity,
			form:     url.Values{"role": {"translator"}, "languages": {"ky"}, "ui_lang": {"ru"}, "password": {"editor@example.org"}},
			contains: []string{"Сырсөз электрондук почтанын дарегин кайталабашы керек."}})
		if got := s.user(t, "editor@example.org"); got.SessionEpoch != u.SessionEpoch {
			t.Error("a refused password reset changed the password")
		}
	})

	t.Run("an unknown account", func(t *testing.T) {
		b.check(t, scenario{path: "/admin/users/999999", wantStatus: http.StatusNotFound})
		b.check(t, scenario{path: "/admin/users/abc", wantStatus: http.StatusNotFound})
	})
}

func TestDisablingEndsSessions(t *testing.T) {
	t.Parallel()
	s := newSite(t, nil)
	ed := s.addUser(t, "editor@example.org", content.RoleEditor)
	path := "/admin/users/" + strconv.FormatInt(ed.ID, 10)
	admin := s.browser(t, "en")
	admin.mustSignin(t, adminEmail, adminPassword)
	editor := s.browser(t, "en")
	editor.mustSignin(t, "editor@example.org", userPassword)
	editor.check(t, scenario{path: "/admin/", wantStatus: http.StatusOK})

	admin.check(t, scenario{name: "disable", method: http.MethodPost, path: path, wantStatus: http.StatusSeeOther,
		form: url.Values{"role": {"editor"}, "ui_lang": {"en"}, "disabled": {"1"}}})
	if u := s.user(t, "editor@example.org"); !u.Disabled {
		t.Fatal("the account is not disabled")
	}
	editor.check(t, scenario{name: "the live session has ended", path: "/admin/", wantStatus: http.StatusSeeOther,
		wantHeader: map[string]string{"Location": "/admin/signin"}})
	res := editor.signin(t, "editor@example.org", userPassword)
	if res.code != http.StatusUnauthorized || errorText(res.body) != "Wrong email address or password." {
		t.Errorf("a disabled account signing in: status %d, %q; want 401 and the usual message", res.code, errorText(res.body))
	}
	if e, ok := findAudit(s.audit(t), "user_update", "editor@example.org"); !ok || !strings.Contains(e.Detail, "disabled false→true") {
		t.Errorf("user_update entry for disabling: %+v, %t", e, ok)
	}
	admin.check(t, scenario{name: "the list shows it disabled", path: "/admin/users", wantStatus: http.StatusOK, contains: []string{"Disabled"}})

	admin.check(t, scenario{name: "enable", method: http.MethodPost, path: path, wantStatus: http.StatusSeeOther,
		form: url.Values{"role": {"editor"}, "ui_lang": {"en"}}})
	editor.mustSignin(t, "editor@example.org", userPassword)
	editor.check(t, scenario{path: "/admin/", wantStatus: http.StatusOK})
}

func TestPasswordChangeEndsOtherSessions(t *testing.T) {
	t.Parallel()
	s := newSite(t, nil)
	s.addUser(t, "editor@example.org", content.RoleEditor)
	here := s.browser(t, "en")
	here.mustSignin(t, "editor@example.org", userPassword)
	elsewhere := s.browser(t, "en")
	elsewhere.mustSignin(t, "editor@example.org", userPassword)
	const newPassword = "a lantern over Issyk-Kul"

	refused := []struct {
		name    string
		form    url.Values
		message string
	}{
		{name: "a wrong current password", message: "The current password is not correct.",
			form: url.Values{"name": {""}, "ui_lang": {"en"}, "current_password": {"guess"}, "new_password": {newPassword}}},
		{name: "a common new password", message: "This password is too common",
			form: url.Values{"name": {""}, "ui_lang": {"en"}, "current_password": {userPassword}, "new_password": {"qwerty123"}}},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			here.check(t, scenario{method: http.MethodPost, path: "/admin/account", form: tt.form,
				wantStatus: http.StatusUnprocessableEntity, contains: []string{tt.message}})
			elsewhere.check(t, scenario{path: "/admin/", wantStatus: http.StatusOK})
		})
	}

	here.check(t, scenario{name: "change", method: http.MethodPost, path: "/admin/account", wantStatus: http.StatusSeeOther,
		form:       url.Values{"name": {""}, "ui_lang": {"en"}, "current_password": {userPassword}, "new_password": {newPassword}},
		wantHeader: map[string]string{"Location": "/admin/account"}})
	here.check(t, scenario{name: "this session goes on", path: "/admin/account", wantStatus: http.StatusOK, contains: []string{"Saved."}})
	elsewhere.check(t, scenario{name: "the other session has ended", path: "/admin/", wantStatus: http.StatusSeeOther,
		wantHeader: map[string]string{"Location": "/admin/signin"}})

	if res := s.browser(t, "en").signin(t, "editor@example.org", userPassword); res.code != http.StatusUnauthorized {
		t.Errorf("the old password: status %d, want 401", res.code)
	}
	s.browser(t, "en").mustSignin(t, "editor@example.org", newPassword)
	if e, ok := findAudit(s.audit(t), "password_change", ""); !ok || e.UserEmail != "editor@example.org" {
		t.Errorf("password_change entry %+v, %t; want one by the editor", e, ok)
	}
}

func TestLastAdministratorStays(t *testing.T) {
	t.Parallel()
	s := newSite(t, nil)
	b := s.browser(t, "en")
	b.mustSignin(t, adminEmail, adminPassword)
	path := "/admin/users/" + strconv.FormatInt(s.admin.ID, 10)
	for _, tt := range []struct {
		name string
		form url.Values
	}{
		{name: "demoting", form: url.Values{"role": {"editor"}, "ui_lang": {"en"}}},
		{name: "disabling", form: url.Values{"role": {"admin"}, "ui_lang": {"en"}, "disabled": {"1"}}},
		{name: "demoting and disabling", form: url.Values{"role": {"author"}, "ui_lang": {"en"}, "disabled": {"1"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b.check(t, scenario{method: http.MethodPost, path: path, form: tt.form, wantStatus: http.StatusUnprocessableEntity,
				contains: []string{"This is the last administrator: appoint another one first."}})
			if u := s.user(t, adminEmail); u.Role != content.RoleAdmin || u.Disabled || u.SessionEpoch != s.admin.SessionEpoch {
				t.Errorf("the last administrator was changed: %+v", u)
			}
			b.check(t, scenario{path: "/admin/users", wantStatus: http.StatusOK})
		})
	}
	t.Run("with a second administrator, the first can step down", func(t *testing.T) {
		s.addUser(t, "second@example.org", content.RoleAdmin)
		b.check(t, scenario{method: http.MethodPost, path: path, form: url.Values{"role": {"editor"}, "ui_lang": {"en"}},
			wantStatus: http.StatusSeeOther})
		if u := s.user(t, adminEmail); u.Role != content.RoleEditor {
			t.Errorf("role %s, want editor", u.Role)
		}
		// The session continues, with the new role's rights.
		b.check(t, scenario{path: "/admin/users", wantStatus: http.StatusForbidden})
		b.check(t, scenario{path: "/admin/", wantStatus: http.StatusOK})
	})
}

func TestAuditLogRecordsAccountEvents(t *testing.T) {
	t.Parallel()
	s := newSite(t, nil)
	s.addUser(t, "editor@example.org", content.RoleEditor)
	anon := s.browser(t, "en")
	for range 5 {
		anon.signin(t, "editor@example.org", "wrong")
	}
	anon.signin(t, "editor@example.org", "wrong") // throttled
	b := s.browser(t, "en")
	b.mustSignin(t, adminEmail, adminPassword)
	b.check(t, scenario{method: http.MethodPost, path: "/admin/users/new", wantStatus: http.StatusSeeOther,
		form: url.Values{"email": {"author@example.org"}, "role": {"author"}, "ui_lang": {"en"}, "password": {"kettle orbit 19 gale"}}})
	au := s.user(t, "author@example.org")
	b.check(t, scenario{method: http.MethodPost, path: "/admin/users/" + strconv.FormatInt(au.ID, 10), wantStatus: http.StatusSeeOther,
		form: url.Values{"role": {"editor"}, "ui_lang": {"en"}}})
	b.check(t, scenario{method: http.MethodPost, path: "/admin/account", wantStatus: http.StatusSeeOther,
		form: url.Values{"name": {"Admin"}, "ui_lang": {"en"}, "current_password": {adminPassword}, "new_password": {"a lantern over Issyk-Kul"}}})

	es := s.audit(t)
	tests := []struct {
		action, detail, who string
	}{
		{action: "user_create", detail: adminEmail + " role=admin (first start)"},
		{action: "signin_failed", detail: "editor@example.org"},
		{action: "signin_throttled", detail: "editor@example.org"},
		{action: "signin", who: adminEmail},
		{action: "user_create", detail: "author@example.org role=author", who: adminEmail},
		{action: "user_update", detail: "role author→editor", who: adminEmail},
		{action: "password_change", who: adminEmail},
	}
	for _, tt := range tests {
		t.Run(tt.action+" "+tt.detail, func(t *testing.T) {
			e, ok := findAudit(es, tt.action, tt.detail)
			if !ok {
				t.Fatalf("no %s entry with %q", tt.action, tt.detail)
			}
			if tt.who != "" && e.UserEmail != tt.who {
				t.Errorf("%s by %q, want %q", tt.action, e.UserEmail, tt.who)
			}
			if e.At.IsZero() || time.Since(e.At) > time.Minute {
				t.Errorf("%s at %v, want just now", tt.action, e.At)
			}
			if tt.action != "user_create" || tt.who != "" {
				if e.Address != "127.0.0.1" {
					t.Errorf("%s from %q, want 127.0.0.1", tt.action, e.Address)
				}
			}
		})
	}
	t.Run("five failures, then one throttled", func(t *testing.T) {
		var failed, throttled int
		for _, e := range es {
			switch {
			case e.Action == "signin_failed" && e.Detail == "editor@example.org":
				failed++
			case e.Action == "signin_throttled":
				throttled++
			}
		}
		if failed != 5 || throttled != 1 {
			t.Errorf("%d signin_failed and %d signin_throttled, want 5 and 1", failed, throttled)
		}
	})
	t.Run("the audit page shows them, newest first", func(t *testing.T) {
		res := b.check(t, scenario{path: "/admin/audit", wantStatus: http.StatusOK,
			contains: []string{"signin_failed", "signin_throttled", "user_create", "role author→editor", "password_change", "127.0.0.1"}})
		if i, j := strings.Index(res.body, "password_change"), strings.Index(res.body, "signin_failed"); i > j {
			t.Error("the audit page does not list the newest entry first")
		}
	})
}

func TestUILanguageFollowsTheAccount(t *testing.T) {
	t.Parallel()
	s := newSite(t, nil)
	b := s.browser(t, "en")
	b.mustSignin(t, adminEmail, adminPassword)
	b.check(t, scenario{name: "the browser's language first", path: "/admin/", wantStatus: http.StatusOK,
		contains: []string{`<html lang="en">`, "Overview", "Sign out"}, excludes: []string{"Жалпы көрүнүш"}})
	b.check(t, scenario{name: "choose Kyrgyz", method: http.MethodPost, path: "/admin/account", wantStatus: http.StatusSeeOther,
		form: url.Values{"name": {"Администратор"}, "ui_lang": {"ky"}}})
	if u := s.user(t, adminEmail); u.UILang != "ky" || u.Name != "Администратор" {
		t.Errorf("stored UILang %q, name %q", u.UILang, u.Name)
	}
	b.check(t, scenario{name: "the account page after saving", path: "/admin/account", wantStatus: http.StatusOK,
		contains: []string{`<html lang="ky">`, "Сакталды.", "Менин каттоо эсебим", `<option value="ky" lang="ky" selected>`}})
	b.check(t, scenario{name: "the dashboard in Kyrgyz for an English browser", path: "/admin/", wantStatus: http.StatusOK,
		contains: []string{`<html lang="ky">`, "Жалпы көрүнүш", "Чыгуу", "Колдонуучулар", "Администратор"},
		excludes: []string{"Overview", "Sign out"}})
	b.check(t, scenario{name: "an unknown language keeps the choice", method: http.MethodPost, path: "/admin/account", wantStatus: http.StatusSeeOther,
		form: url.Values{"name": {"Администратор"}, "ui_lang": {"xx"}}})
	if u := s.user(t, adminEmail); u.UILang != "ky" {
		t.Errorf("UILang %q after an unknown choice, want ky kept", u.UILang)
	}
}

func TestFirstAdministrator(t *testing.T) {
	t.Parallel()
	open := func(t *testing.T, dir, email, password string) (*app.App, error) {
		t.Helper()
		cfg := config.Default()
		cfg.DataDir = dir
		cfg.BaseURL = "http://example.org"
		cfg.AdminEmail, cfg.AdminPassword = email, password
		return app.Open(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	}

	t.Run("from DATKA_ADMIN_EMAIL and DATKA_ADMIN_PASSWORD", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		a, err := open(t, dir, "director@example.org", "a lantern over Issyk-Kul")
		if err != nil {
			t.Fatal(err)
		}
		if a.FirstAdmin == nil || a.FirstAdmin.Email != "director@example.org" || a.FirstAdmin.Password != "" {
			t.Errorf("FirstAdmin = %+v, want the configured address and no generated password", a.FirstAdmin)
		}
		users, err := a.Store.Users(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if len(users) != 1 || users[0].Email != "director@example.org" || users[0].Role != content.RoleAdmin {
			t.Fatalf("accounts = %+v, want one administrator director@example.org", users)
		}
		_, hash, _ := a.Store.UserByEmail(t.Context(), "director@example.org")
		if ok, err := auth.Verify("a lantern over Issyk-Kul", hash); !ok || err != nil {
			t.Errorf("the configured password does not verify: %t, %v", ok, err)
		}
		if !strings.HasPrefix(hash, "$argon2id$v=19$m=65536,t=1,p=2$") {
			t.Errorf("hash %q not made with the default parameters", hash)
		}
		a.Close()

		again, err := open(t, dir, "someone-else@example.org", "another fine passphrase")
		if err != nil {
			t.Fatal(err)
		}
		defer again.Close()
		if again.FirstAdmin != nil {
			t.Errorf("a second start reports a first administrator: %+v", again.FirstAdmin)
		}
		users, _ = again.Store.Users(t.Context())
		if len(users) != 1 || users[0].Email != "director@example.org" {
			t.Errorf("after a second start: %+v, want only the first administrator", users)
		}
	})

	t.Run("generated when nothing is configured", func(t *testing.T) {
		t.Parallel()
		a, err := open(t, t.TempDir(), "", "")
		if err != nil {
			t.Fatal(err)
		}
		defer a.Close()
		fa := a.FirstAdmin
		if fa == nil || fa.Email != "admin@localhost" || len(fa.Password) != 20 {
			t.Fatalf("FirstAdmin = %+v, want admin@localhost with a 20-character password", fa)
		}
		s := &site{app: a, srv: httptest.NewServer(a.Handler)}
		defer s.srv.Close()
		b := s.browser(t, "en")
		if res := b.signin(t, "admin@localhost", fa.Password+"x"); res.code != http.StatusUnauthorized {
			t.Errorf("a wrong password: status %d, want 401", res.code)
		}
		b.mustSignin(t, "admin@localhost", fa.Password)
		b.check(t, scenario{path: "/admin/users", wantStatus: http.StatusOK, contains: []string{"admin@localhost"}})
	})

	t.Run("a weak DATKA_ADMIN_PASSWORD stops the start", func(t *testing.T) {
		t.Parallel()
		for _, pw := range []string{"password", "short", "director@example.org"} {
			a, err := open(t, t.TempDir(), "director@example.org", pw)
			if err == nil {
				a.Close()
				t.Errorf("app.Open with DATKA_ADMIN_PASSWORD=%q succeeded", pw)
				continue
			}
			if !strings.Contains(err.Error(), "DATKA_ADMIN_PASSWORD") {
				t.Errorf("error %q does not name DATKA_ADMIN_PASSWORD", err)
			}
		}
	})
}
