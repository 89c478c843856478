package admin_test

import (
	"context"
	"github.com/datka-cms/datka/internal/testenv"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/datka-cms/datka/internal/app"
	"github.com/datka-cms/datka/internal/auth"
	"github.com/datka-cms/datka/internal/config"
	"github.com/datka-cms/datka/internal/content"
)

// wfSite is a seeded site served over real HTTP, with an administrator.
type wfSite struct {
	t       *testing.T
	app     *app.App
	srv     *httptest.Server
	dataDir string
	dbURL   string
}

func newWFSite(t *testing.T) *wfSite {
	t.Helper()
	return newWFSiteWith(t, func(*config.Config) {})
}

// newWFSiteWith is newWFSite with the configuration changed by set
// before the site opens.
func newWFSiteWith(t *testing.T, set func(*config.Config)) *wfSite {
	t.Helper()
	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	cfg.DB = testenv.DatabaseURL(t, cfg.DataDir)
	cfg.Addr = "127.0.0.1:0"
	cfg.BaseURL = "http://127.0.0.1"
	cfg.AdminEmail, cfg.AdminPassword = "admin@example.org", "a long quiet river"
	set(&cfg)
	a, err := app.Open(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.Handler)
	t.Cleanup(func() { srv.Close(); a.Close() })
	return &wfSite{t: t, app: a, srv: srv, dataDir: cfg.DataDir, dbURL: cfg.DB}
}

// addUser creates an account directly in the store.
func (s *wfSite) addUser(email string, role content.Role, langs ...string) {
	s.t.Helper()
	hash, err := auth.Hash("a long quiet river", auth.Params{Memory: 8 * 1024, Time: 1, Threads: 1})
	if err != nil {
		s.t.Fatal(err)
	}
	if _, err := s.app.Store.CreateUser(context.Background(), content.User{Email: email, Role: role, Languages: langs}, hash); err != nil {
		s.t.Fatal(err)
	}
}

// wfClient is one person's browser: cookies kept, redirects not followed.
type wfClient struct {
	s *wfSite
	c *http.Client
}

func (s *wfSite) signIn(email string) *wfClient {
	s.t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &wfClient{s: s, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	code, _, loc := c.post("/admin/signin", url.Values{"email": {email}, "password": {"a long quiet river"}})
	if code != http.StatusSeeOther || loc != "/admin/" {
		s.t.Fatalf("sign-in of %s: %d → %q", email, code, loc)
	}
	return c
}

// send makes a request as a same-origin browser would and returns the
// answer with its body read.
func (c *wfClient) send(method, path, contentType string, body io.Reader) (*http.Response, []byte) {
	c.s.t.Helper()
	req, err := http.NewRequest(method, c.s.srv.URL+path, body)
	if err != nil {
		c.s.t.Fatal(err)
	}
	if method != http.MethodGet {
		req.Header.Set("Content-Type", contentType)
		req.Header.Set("Origin", c.s.srv.URL)
		req.Header.Set("Sec-Fetch-Site", "same-origin")
	}
	resp, err := c.c.Do(req)
	if err != nil {
		c.s.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// fetch gets path with its headers.
func (c *wfClient) fetch(path string) (*http.Response, []byte) {
	c.s.t.Helper()
	return c.send(http.MethodGet, path, "", nil)
}

func (c *wfClient) get(path string) (int, string) {
	c.s.t.Helper()
	resp, b := c.fetch(path)
	return resp.StatusCode, string(b)
}

// post sends a form.
func (c *wfClient) post(path string, form url.Values) (int, string, string) {
	c.s.t.Helper()
	resp, b := c.send(http.MethodPost, path, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	return resp.StatusCode, string(b), resp.Header.Get("Location")
}

var fieldRE = regexp.MustCompile(`(?s)<textarea id="(f\.[^"]+)"[^>]*>(.*?)</textarea>|<input id="(f\.[^"]+)" name="[^"]+" value="([^"]*)"`)

// editorForm reads the editor's fields as the browser would submit them.
func (c *wfClient) editorForm(path string) url.Values {
	c.s.t.Helper()
	code, body := c.get(path)
	if code != http.StatusOK {
		c.s.t.Fatalf("GET %s: %d", path, code)
	}
	form := url.Values{}
	for _, m := range fieldRE.FindAllStringSubmatch(body, -1) {
		if m[1] != "" {
			form.Set(m[1], html.UnescapeString(strings.TrimPrefix(m[2], "\n")))
		} else {
			form.Set(m[3], html.UnescapeString(m[4]))
		}
	}
	return form
}

func orgID(t *testing.T, a *app.App, key string) int64 {
	t.Helper()
	orgs, err := a.Store.Organisations(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range orgs {
		if o.Key == key {
			return o.ID
		}
	}
	t.Fatalf("no organisation %q", key)
	return 0
}

func boardState(t *testing.T, c *wfClient, id int64, lang string) string {
	t.Helper()
	_, body := c.get("/admin/board?lang=" + lang)
	re := regexp.MustCompile(`class="state state-([a-z]+)" href="/admin/edit/` + itoa(id) + `/` + lang + `"`)
	m := re.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("item %d has no %s cell on the board", id, lang)
	}
	return m[1]
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestTranslationWorkflow is the scenario: a Kyrgyz translator
// edits a government body, saves a draft, sends it to review; an editor
// publishes it; the public page shows it; the board follows every step;
// the translator can neither touch Russian nor publish.
func TestTranslationWorkflow(t *testing.T) {
	s := newWFSite(t)
	s.addUser("aigul@example.org", content.RoleTranslator, "ky")
	s.addUser("editor@example.org", content.RoleEditor)
	id := orgID(t, s.app, "ministry-of-education")
	edit := "/admin/edit/" + itoa(id) + "/ky"

	tr := s.signIn("aigul@example.org")
	if got := boardState(t, tr, id, "ky"); got != "published" {
		t.Fatalf("before: ky is %q, want published", got)
	}
	form := tr.editorForm(edit)
	if form.Get("f.name") == "" || form.Get("f.section.0.items") == "" {
		t.Fatalf("the editor lacks fields: %v", form)
	}
	const newSummary = "Билим берүү жана илим тармагындагы мамлекеттик саясатты ишке ашырган борбордук аткаруу органы (жаңыртылган)."
	form.Set("f.summary", newSummary)
	form.Set("action", "draft")
	if code, body, _ := tr.post(edit, form); code != http.StatusSeeOther {
		t.Fatalf("save draft: %d %.300s", code, body)
	}
	if got := boardState(t, tr, id, "ky"); got != "draft" {
		t.Errorf("after the draft: ky is %q, want draft", got)
	}
	// The public page still shows the published text.
	_, public := tr.get("/ky/mamlekettik-organdar/bilim-beruu-jana-ilim-ministrligi")
	if strings.Contains(public, "(жаңыртылган)") {
		t.Error("a draft is visible on the public site")
	}
	form.Set("action", "review")
	tr.post(edit, form)
	if got := boardState(t, tr, id, "ky"); got != "review" {
		t.Errorf("after sending to review: ky is %q, want review", got)
	}
	// The translator may not publish, nor edit Russian.
	form.Set("action", "publish")
	if code, _, _ := tr.post(edit, form); code != http.StatusForbidden {
		t.Errorf("translator publishing: %d, want 403", code)
	}
	ru := tr.editorForm("/admin/edit/" + itoa(id) + "/ru")
	ru.Set("action", "draft")
	if code, _, _ := tr.post("/admin/edit/"+itoa(id)+"/ru", ru); code != http.StatusForbidden {
		t.Errorf("translator saving Russian: %d, want 403", code)
	}

	ed := s.signIn("editor@example.org")
	review := ed.editorForm(edit)
	if review.Get("f.summary") != newSummary {
		t.Fatalf("the editor does not see the text under review: %q", review.Get("f.summary"))
	}
	review.Set("action", "publish")
	if code, body, _ := ed.post(edit, review); code != http.StatusSeeOther {
		t.Fatalf("publish: %d %.300s", code, body)
	}
	if got := boardState(t, ed, id, "ky"); got != "published" {
		t.Errorf("after publishing: ky is %q, want published", got)
	}
	_, public = ed.get("/ky/mamlekettik-organdar")
	if !strings.Contains(public, "(жаңыртылган)") {
		t.Error("the published text is not on the public site")
	}
	_, audit := s.signIn("admin@example.org").get("/admin/audit")
	for _, action := range []string{"draft", "review", "publish"} {
		if !strings.Contains(audit, ">"+action+" · organisation · ky<") {
			t.Errorf("the audit log lacks %q", action)
		}
	}
}

// TestSourceChangeMakesTranslationsOutdated publishes a change to the
// Russian source and checks the board, the editor's diff and the notice
// readers see.
func TestSourceChangeMakesTranslationsOutdated(t *testing.T) {
	s := newWFSite(t)
	ed := s.signIn("admin@example.org")
	id := orgID(t, s.app, "social-technologies-agency")
	src := "/admin/edit/" + itoa(id) + "/ru"
	form := ed.editorForm(src)
	form.Set("f.description", form.Get("f.description")+"\n\nНовый абзац о работе агентства в регионах.")
	form.Set("action", "publish")
	if code, body, _ := ed.post(src, form); code != http.StatusSeeOther {
		t.Fatalf("publish the source: %d %.300s", code, body)
	}
	for _, lang := range []string{"ky", "en"} {
		if got := boardState(t, ed, id, lang); got != "outdated" {
			t.Errorf("%s is %q, want outdated", lang, got)
		}
	}
	_, editor := ed.get("/admin/edit/" + itoa(id) + "/ky")
	if !strings.Contains(editor, `<span class="dadd">&#43; Новый абзац о работе агентства в регионах.</span>`) {
		t.Error("the Kyrgyz editor does not show the source's change")
	}
	_, public := ed.get("/ky/onoktoshtor/sotsialdyk-tehnologiyalar-agenttigi-koomduk-birikmesi")
	if !strings.Contains(public, "notice outdated") {
		t.Error("readers of the outdated translation see no notice")
	}
	// Publishing the translation as it was keeps it outdated; saying it
	// has caught up with the original brings it up to date.
	ky := ed.editorForm("/admin/edit/" + itoa(id) + "/ky")
	base := regexp.MustCompile(`name="source_rev" value="(\d+)"`).FindStringSubmatch(editor)
	if base == nil || base[1] != "1" {
		t.Fatalf("the editor does not carry the source revision the text was made from: %v", base)
	}
	ky.Set("source_rev", base[1])
	ky.Set("action", "publish")
	ed.post("/admin/edit/"+itoa(id)+"/ky", ky)
	if got := boardState(t, ed, id, "ky"); got != "outdated" {
		t.Errorf("after re-publishing unchanged: ky is %q, want outdated", got)
	}
	ky.Set("caught_up", "1")
	ed.post("/admin/edit/"+itoa(id)+"/ky", ky)
	if got := boardState(t, ed, id, "ky"); got != "published" {
		t.Errorf("after catching up: ky is %q, want published", got)
	}
}

func TestRevisionsRestoreAndUnpublish(t *testing.T) {
	s := newWFSite(t)
	ed := s.signIn("admin@example.org")
	id := orgID(t, s.app, "danilo-dolci")
	path := "/admin/edit/" + itoa(id) + "/en"
	form := ed.editorForm(path)
	old := form.Get("f.summary")
	form.Set("f.summary", "A changed summary.")
	form.Set("action", "publish")
	ed.post(path, form)
	_, body := ed.get(path)
	revs := regexp.MustCompile(`/admin/revisions/(\d+)`).FindAllStringSubmatch(body, -1)
	if len(revs) < 2 { // installed, published
		t.Fatalf("%d revisions listed, want at least 2", len(revs))
	}
	first := revs[len(revs)-1][1]
	_, diff := ed.get("/admin/revisions/" + revs[0][1])
	if !strings.Contains(diff, `<span class="dadd">&#43; A changed summary.</span>`) {
		t.Errorf("the newest revision's diff lacks the change: %.500s", diff)
	}
	if code, _, _ := ed.post("/admin/revisions/"+first+"/restore", url.Values{}); code != http.StatusSeeOther {
		t.Fatalf("restore: %d", code)
	}
	restored := ed.editorForm(path)
	if restored.Get("f.summary") != old {
		t.Errorf("after restore the draft's summary is %q, want the original", restored.Get("f.summary"))
	}
	if got := boardState(t, ed, id, "en"); got != "draft" {
		t.Errorf("after restore en is %q, want draft", got)
	}
	restored.Set("action", "unpublish")
	ed.post(path, restored)
	if code, _ := ed.get("/en/partners/centre-for-creative-development-danilo-dolci"); code == http.StatusOK {
		// An unpublished English text falls back to Russian under its own slug.
		t.Errorf("the unpublished English page still answers 200 at its English address")
	}
	// GET never changes anything.
	if code, _ := ed.get("/admin/revisions/" + first + "/restore"); code == http.StatusSeeOther || code == http.StatusOK {
		t.Errorf("GET restore answered %d", code)
	}
}

func TestEditorRefusesBadInputAndKeepsIt(t *testing.T) {
	s := newWFSite(t)
	ed := s.signIn("admin@example.org")
	id := orgID(t, s.app, "european-union")
	path := "/admin/edit/" + itoa(id) + "/en"
	form := ed.editorForm(path)
	form.Set("f.slug", "Not a slug!")
	form.Set("f.summary", "Typed text that must not be lost <script>alert(1)</script>")
	form.Set("action", "draft")
	code, body, _ := ed.post(path, form)
	// A typed slug is cleaned by transliteration, so this one is accepted.
	if code != http.StatusSeeOther {
		t.Fatalf("save: %d %.300s", code, body)
	}
	form = ed.editorForm(path)
	if form.Get("f.slug") != "not-a-slug" {
		t.Errorf("slug = %q, want it cleaned to not-a-slug", form.Get("f.slug"))
	}
	_, page := ed.get(path)
	if strings.Contains(page, "<script>alert(1)</script>") {
		t.Error("typed markup is echoed unescaped in the editor")
	}
	// A slug already used by another organisation in English is refused
	// at publication, and the draft keeps what was typed.
	form.Set("f.slug", "ministry-of-education-and-science")
	form.Set("action", "publish")
	code, body, _ = ed.post(path, form)
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "Этот адрес уже занят") {
		t.Errorf("duplicate slug: %d", code)
	}
	if !strings.Contains(body, "Typed text that must not be lost") {
		t.Error("the refused form lost what was typed")
	}
	form.Set("f.name", "")
	form.Set("action", "draft")
	if code, _, _ := ed.post(path, form); code != http.StatusUnprocessableEntity {
		t.Errorf("empty name: %d, want 422", code)
	}
}

func TestEditorHelpers(t *testing.T) {
	s := newWFSite(t)
	ed := s.signIn("admin@example.org")
	id := orgID(t, s.app, "european-union")
	path := "/admin/edit/" + itoa(id) + "/ky"
	form := ed.editorForm(path)
	form.Set("f.description", "Кыргызстаn жана ![](/static/x.png) [шилтеме](/ky/jok-barak)")
	form.Set("action", "draft")
	ed.post(path, form)
	_, body := ed.get(path)
	for _, want := range []string{"Кыргызстаn", "/static/x.png", "/ky/jok-barak"} {
		if !strings.Contains(body, want) || !strings.Contains(body, `class="card warnings"`) {
			t.Errorf("no warning mentioning %q", want)
		}
	}
	if !strings.Contains(body, "перевод намного короче оригинала") {
		t.Error("no warning that the translation is much shorter than its source")
	}
	// The live preview renders and sanitises.
	code, preview, _ := ed.post("/admin/preview", url.Values{"text": {"**b** <script>x</script>"}})
	if code != http.StatusOK || !strings.Contains(preview, "<strong>b</strong>") || strings.Contains(preview, "<script") {
		t.Errorf("preview: %d %q", code, preview)
	}
}
