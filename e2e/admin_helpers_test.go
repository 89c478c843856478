package e2e

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	xhtml "golang.org/x/net/html"

	"github.com/datka-cms/datka/internal/auth"
	"github.com/datka-cms/datka/internal/content"
)

// addUser creates an account directly in the store. Its password hash is
// cheap: the sign-in verifies a hash with the parameters stored in it.
func (s *site) addUser(t *testing.T, email, password string, role content.Role, langs ...string) int64 {
	t.Helper()
	hash, err := auth.Hash(password, auth.Params{Memory: 8 * 1024, Time: 1, Threads: 1})
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.app.Store.CreateUser(context.Background(), content.User{Email: email, Role: role, Languages: langs}, hash)
	if err != nil {
		t.Fatalf("create %s: %v", email, err)
	}
	return id
}

// firstAdmin is the administrator app.Open made for the fresh site, with
// the password it generated.
func (s *site) firstAdmin(t *testing.T) (email, password string) {
	t.Helper()
	fa := s.app.FirstAdmin
	if fa == nil || fa.Password == "" {
		t.Fatal("app.Open made no first administrator with a generated password")
	}
	return fa.Email, fa.Password
}

// adminClient is one person signed in to the admin over plain HTTP, for
// the steps where a browser adds nothing: cookies kept, redirects not
// followed, forms posted as a same-origin browser posts them.
type adminClient struct {
	t *testing.T
	s *site
	c *http.Client
}

// signInHTTP signs email in through the sign-in form's POST.
func (s *site) signInHTTP(t *testing.T, email, password string) *adminClient {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	c := &adminClient{t: t, s: s, c: &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	code, body, loc := c.post("/admin/signin", url.Values{"email": {email}, "password": {password}})
	if code != http.StatusSeeOther || loc != "/admin/" {
		t.Fatalf("sign-in of %s over HTTP: %d → %q %.300s", email, code, loc, body)
	}
	return c
}

func (c *adminClient) get(path string) (int, string) {
	c.t.Helper()
	resp, err := c.c.Get(c.s.URL + path)
	if err != nil {
		c.t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatalf("GET %s: %v", path, err)
	}
	return resp.StatusCode, string(b)
}

// post sends a form; it returns the status, the body and the Location.
func (c *adminClient) post(path string, form url.Values) (int, string, string) {
	c.t.Helper()
	return c.send(path, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
}

// send posts body from the site's own origin, as the browser would.
func (c *adminClient) send(path, contentType string, body io.Reader) (int, string, string) {
	c.t.Helper()
	req, err := http.NewRequest(http.MethodPost, c.s.URL+path, body)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Origin", c.s.URL)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	resp, err := c.c.Do(req)
	if err != nil {
		c.t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatalf("POST %s: %v", path, err)
	}
	return resp.StatusCode, string(b), resp.Header.Get("Location")
}

// upload posts a multipart form with one file, as the media library's
// form does; it returns the status, the body and the Location.
func (c *adminClient) upload(path string, fields url.Values, field, fileName string, data []byte) (int, string, string) {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range fields {
		for _, v := range vs {
			if err := mw.WriteField(k, v); err != nil {
				c.t.Fatal(err)
			}
		}
	}
	fw, err := mw.CreateFormFile(field, fileName)
	if err != nil {
		c.t.Fatal(err)
	}
	fw.Write(data)
	if err := mw.Close(); err != nil {
		c.t.Fatal(err)
	}
	return c.send(path, mw.FormDataContentType(), &buf)
}

// mustPost posts a form that the admin must accept with a redirect.
func (c *adminClient) mustPost(path string, form url.Values) {
	c.t.Helper()
	if code, body, _ := c.post(path, form); code != http.StatusSeeOther {
		c.t.Fatalf("POST %s: %d, want 303; %s", path, code, pageError(body))
	}
}

// pageError picks the admin's error message out of a page, for messages.
func pageError(body string) string {
	for _, marker := range []string{`role="alert">`, `class="field-error"`} {
		if i := strings.Index(body, marker); i >= 0 {
			return fmt.Sprintf("%.200s", body[i:])
		}
	}
	return fmt.Sprintf("%.300s", body)
}

// editorFields reads the editor at path: the names of its text fields
// (f.*) in the form's order, and its hidden fields with their values,
// which a browser would send along.
func (c *adminClient) editorFields(path string) ([]string, url.Values) {
	c.t.Helper()
	code, body := c.get(path)
	if code != http.StatusOK {
		c.t.Fatalf("GET %s: %d", path, code)
	}
	doc, err := xhtml.Parse(strings.NewReader(body))
	if err != nil {
		c.t.Fatalf("%s: parse: %v", path, err)
	}
	var names []string
	hidden := url.Values{}
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && (n.Data == "input" || n.Data == "textarea") {
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[a.Key] = a.Val
			}
			switch name := attr["name"]; {
			case strings.HasPrefix(name, "f."):
				names = append(names, name)
			case name != "" && attr["type"] == "hidden":
				hidden.Add(name, attr["value"])
			}
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(doc)
	if len(names) == 0 {
		c.t.Fatalf("%s: the editor has no fields", path)
	}
	return names, hidden
}

// sessionCookie returns the admin's session cookie of c.
func (c *adminClient) sessionCookie() *http.Cookie {
	c.t.Helper()
	u, _ := url.Parse(c.s.URL + "/admin/")
	for _, ck := range c.c.Jar.Cookies(u) {
		if strings.HasSuffix(ck.Name, "datka_session") {
			return ck
		}
	}
	c.t.Fatal("the HTTP client has no session cookie")
	return nil
}

// shareSession gives the browser tab the session of c, as if the same
// person had signed in there.
func shareSession(t *testing.T, tab context.Context, c *adminClient) {
	t.Helper()
	ck := c.sessionCookie()
	do(t, tab, "share the session with the browser", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, network.SetCookie, network.SetCookieParams{Name: ck.Name, Value: ck.Value,
			URL: c.s.URL + "/", Path: "/", HTTPOnly: new(true), SameSite: network.CookieSameSiteLax})
		return err
	}))
}

// submit clicks sel (a submit button or link) and waits for the page it
// loads; it returns that page's response.
func submit(t *testing.T, tab context.Context, what, sel string) *network.Response {
	t.Helper()
	resp, err := chromedp.RunResponse(tab, chromedp.Click(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("%s: click %s: %v", what, sel, err)
	}
	return resp
}

// location is the path and query of the tab's page.
func location(t *testing.T, tab context.Context, s *site) string {
	t.Helper()
	return strings.TrimPrefix(run(t, tab, "location", chromedp.Location()), s.URL)
}

// signInBrowser opens an admin page, is sent to the sign-in form, types
// the address and password into it and submits it, and checks that it
// lands on the dashboard.
func signInBrowser(t *testing.T, tab context.Context, s *site, email, password string) {
	t.Helper()
	do(t, tab, "open the admin", chromedp.Navigate(s.URL+"/admin/"))
	if loc := location(t, tab, s); !strings.HasPrefix(loc, "/admin/signin") {
		t.Fatalf("before signing in, /admin/ led to %s, want the sign-in form", loc)
	}
	do(t, tab, "type the address and password",
		chromedp.SendKeys(chromedp.ID("email"), email),
		chromedp.SendKeys(chromedp.ID("password"), password))
	if resp := submit(t, tab, "sign in as "+email, `main form button[type=submit]`); resp.Status != http.StatusOK {
		t.Fatalf("sign-in of %s: status %d", email, resp.Status)
	}
	if loc := location(t, tab, s); loc != "/admin/" {
		t.Fatalf("after the sign-in of %s the browser is at %s, want /admin/", email, loc)
	}
}

// signOutBrowser clicks the sign-out button of the admin's header.
func signOutBrowser(t *testing.T, tab context.Context, s *site) {
	t.Helper()
	submit(t, tab, "sign out", `form.signout button`)
	if loc := location(t, tab, s); loc != "/admin/signin" {
		t.Fatalf("after signing out the browser is at %s, want /admin/signin", loc)
	}
}
