package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/media/mediatest"
	"github.com/datka-cms/datka/internal/testenv"
)

// adminOverflowJS measures the page like overflowJS, but what sticks out
// inside a .table-wrap (a table that scrolls in its wrapper) is allowed.
const adminOverflowJS = `(() => {
	const de = document.documentElement, w = de.clientWidth, out = [];
	const inWrap = e => !!(e.parentElement && e.parentElement.closest('.table-wrap'));
	const past = e => e.getBoundingClientRect().right > w + 0.5 && !inWrap(e);
	const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\s+/g, '.') : '');
	for (const e of document.body.querySelectorAll('*')) {
		if (past(e) && ![...e.children].some(past)) {
			out.push(name(e) + ' right=' + Math.round(e.getBoundingClientRect().right) + ' "' + (e.textContent || '').trim().slice(0, 40) + '"');
		}
		// Text that does not wrap sticks out of its element's box.
		if (!inWrap(e)) {
			for (const n of e.childNodes) {
				if (n.nodeType !== 3 || !n.textContent.trim()) continue;
				const r = document.createRange();
				r.selectNodeContents(n);
				const right = r.getBoundingClientRect().right;
				if (right > w + 0.5) out.push('text in ' + name(e) + ' right=' + Math.round(right) + ' "' + n.textContent.trim().slice(0, 40) + '"');
			}
		}
		if (out.length >= 5) break;
	}
	return {scrollWidth: Math.max(de.scrollWidth, document.body.scrollWidth), clientWidth: w, culprits: out};
})()`

// adminPage is one admin page the test checks: the browser opens path
// (or, for a page that answers a POST, reaches it with open), and the
// Nu Html Checker reads html, fetched with the same session.
type adminPage struct {
	name string
	path string
	open func(tab context.Context) // reaches the page, when it is no GET
	html string
	must string // a JavaScript condition that shows the page is the one meant
}

// TestAdminAccessibility signs in as the first administrator and checks
// every kind of admin page: axe-core finds no violation of WCAG 2.0 and
// 2.1 A and AA, the Nu Html Checker no error, and 360 CSS pixels wide
// nothing scrolls sideways but tables inside their .table-wrap.
func TestAdminAccessibility(t *testing.T) {
	axePath := filepath.Join(testenv.RepoRoot(), "node_modules", "axe-core", "axe.min.js")
	axeSrc, err := os.ReadFile(axePath)
	testenv.Require(t, err == nil, "axe-core ("+axePath+"; run npm ci)")
	_, err = exec.LookPath("java")
	testenv.Require(t, err == nil, "java (apt-get install default-jre-headless)")
	jar := filepath.Join(testenv.RepoRoot(), "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	_, err = os.Stat(jar)
	testenv.Require(t, err == nil, "the Nu Html Checker ("+jar+"; run npm ci)")

	start := time.Now()
	s := startSite(t)
	ctx := context.Background()
	email, password := s.firstAdmin(t)
	tab := newTab(t)
	inject := chromedp.Evaluate[chromedp.Void](string(axeSrc) + "\n;void 0")

	var pages []adminPage
	fetch := func(c *adminClient, name, path, must string) {
		t.Helper()
		code, body := c.get(path)
		if code != http.StatusOK {
			t.Fatalf("GET %s: %d %s", path, code, pageError(body))
		}
		pages = append(pages, adminPage{name: name, path: path, html: body, must: must})
	}

	// The sign-in page, signed out.
	resp, err := http.Get(s.URL + "/admin/signin")
	if err != nil {
		t.Fatal(err)
	}
	signin, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	pages = append(pages, adminPage{name: "sign-in", path: "/admin/signin", html: string(signin), must: `!!document.getElementById('password')`})
	anon := &adminClient{t: t, s: s, c: &http.Client{Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	pages = append(pages, formError(t, s, anon, "sign-in, refused", "/admin/signin", "/admin/signin",
		url.Values{"email": {email}, "password": {"not the password"}}, `main form button[type=submit]`, `!!document.querySelector('main .error')`))
	checkAdminPages(t, s, tab, inject, pages)
	checked := len(pages)
	pages = nil

	c := s.signInHTTP(t, email, password)
	shareSession(t, tab, c)

	// A change published to a Russian government body: its translations
	// show the source's diff.
	body, _ := s.governmentBody(t)
	if body.SourceLang != "ru" {
		t.Fatalf("the government body's source is %s, want ru", body.SourceLang)
	}
	// The Kyrgyz translation is published again first, so that it records
	// the source revision it was made from.
	kyOrg := fmt.Sprintf("/admin/edit/%d/ky", body.ID)
	_, kform := c.editorFields(kyOrg)
	for _, f := range content.OrgFields(body.Texts["ky"]) {
		kform.Set("f."+f.Key, f.Value)
	}
	kform.Set("action", "publish")
	c.mustPost(kyOrg, kform)
	ruPath := fmt.Sprintf("/admin/edit/%d/ru", body.ID)
	_, form := c.editorFields(ruPath)
	orgRU, err := s.app.Store.Organisation(ctx, body.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range content.OrgFields(orgRU.Texts["ru"]) {
		form.Set("f."+f.Key, f.Value)
	}
	form.Set("f.summary", "Новое краткое описание органа, изменённое для проверки доступности.")
	form.Set("action", "publish")
	c.mustPost(ruPath, form)

	// A page whose Kyrgyz draft has a word of mixed scripts and a broken
	// link: its editor shows warnings.
	allPages, err := s.app.Store.Pages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var page content.Page
	for _, p := range allPages {
		if p.Layout != content.LayoutHome && p.SourceLang == "ru" {
			page = p
			break
		}
	}
	if page.ID == 0 {
		t.Fatal("the default site has no Russian page but the home page")
	}
	kyPage := fmt.Sprintf("/admin/edit/%d/ky", page.ID)
	pnames, pform := c.editorFields(kyPage)
	pageKy, err := s.app.Store.Page(ctx, page.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range content.PageFields(pageKy.Texts["ky"]) {
		pform.Set("f."+f.Key, f.Value)
	}
	for _, n := range pnames {
		if content.Shape(strings.TrimPrefix(n, "f.")).Markdown {
			pform.Set(n, pform.Get(n)+"\n\nБишкekте [шилтеме](/ky/no-such-page).")
			break
		}
	}
	pform.Set("action", "draft")
	c.mustPost(kyPage, pform)

	// An account other than the administrator's, and an image.
	userID := s.addUser(t, "aigul@example.org", "a slow train to Naryn in May", content.RoleTranslator, "ky")
	var pic bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, 16, 12))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 5)
	}
	if err := png.Encode(&pic, img); err != nil {
		t.Fatal(err)
	}
	code, ubody, loc := c.upload("/admin/media", url.Values{"alt.ru": {"Квадрат"}, "alt.ky": {"Төрт бурчтук"}, "alt.en": {"A square"}},
		"file", "square.png", pic.Bytes())
	if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/admin/media/") {
		t.Fatalf("upload an image: %d → %q %s", code, loc, pageError(ubody))
	}

	// A news post with a cover, an event with its times and a material
	// with its document: their editors carry the structure card.
	picID, _ := strconv.ParseInt(strings.TrimPrefix(loc, "/admin/media/"), 10, 64)
	picture, err := s.app.Store.Media(ctx, picID)
	if err != nil {
		t.Fatal(err)
	}
	code, dbody, dloc := c.upload("/admin/media", nil, "file", "Руководство.pdf", mediatest.PDF())
	if code != http.StatusSeeOther {
		t.Fatalf("upload a document: %d %s", code, pageError(dbody))
	}
	docID, _ := strconv.ParseInt(strings.TrimPrefix(dloc, "/admin/media/"), 10, 64)
	document, err := s.app.Store.Media(ctx, docID)
	if err != nil {
		t.Fatal(err)
	}
	newItem := func(form url.Values) (string, string) {
		t.Helper()
		code, body, loc := c.post("/admin/new", form)
		if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/admin/edit/") {
			t.Fatalf("create a %s: %d → %q %s", form.Get("kind"), code, loc, pageError(body))
		}
		return loc, "/admin/item/" + strings.Split(loc, "/")[3]
	}
	newsPath, newsItem := newItem(url.Values{"kind": {"news"}, "title": {"Форум в Оше"}, "lang": {"ru"}})
	c.mustPost(newsItem, url.Values{"back": {newsPath}, "lang": {"ru"}, "date": {"2026-03-08"}, "time": {"10:30"}, "cover": {picture.Name}})
	eventPath, eventItem := newItem(url.Values{"kind": {"event"}, "title": {"Круглый стол"}, "lang": {"ru"},
		"start_date": {"2030-05-14"}, "start_time": {"10:00"}, "end_date": {"2030-05-15"}, "end_time": {"17:00"}})
	materialPath, materialItem := newItem(url.Values{"kind": {"material"}, "title": {"Руководство для учителей"}, "lang": {"ru"}})
	c.mustPost(materialItem, url.Values{"back": {materialPath}, "lang": {"ru"}, "file": {document.Name}, "year": {"2025"},
		"topic": {"education"}, "groups": {"media"}, "doc_langs": {"ru", "ky"}})

	revs, err := s.app.Store.Revisions(ctx, body.ID, "ru", 1)
	if err != nil || len(revs) == 0 {
		t.Fatalf("no revision of the government body: %v", err)
	}

	// A message from the contact form, for the inbox.
	msgID, err := s.app.Store.AddMessage(ctx, content.Message{Lang: "ky", Name: "Айгүл Асанова", Email: "aigul@example.kg",
		Body: "Саламатсызбы!\nТренинг качан болот?", Sender: "0123456789abcdef", CreatedAt: time.Now()}, nil)
	if err != nil {
		t.Fatal(err)
	}

	fetch(c, "dashboard", "/admin/", `!!document.querySelector('main h1')`)
	fetch(c, "inbox", "/admin/inbox", `!!document.querySelector('table.inbox tbody tr')`)
	fetch(c, "inbox message", fmt.Sprintf("/admin/inbox/%d", msgID), `!!document.querySelector('.message-body')`)
	fetch(c, "board", "/admin/board", `!!document.querySelector('table.board tbody tr')`)
	fetch(c, "board, filtered", "/admin/board?lang=ky&kind=organisation&state=outdated", `location.search.includes('state=outdated')`)
	fetch(c, "board, filtered to nothing", "/admin/board?lang=en&kind=page&state=review", `!!document.querySelector('table.board td[colspan]')`)
	fetch(c, "organisation editor, source", ruPath, `!!document.querySelector('form.editor')`)
	fetch(c, "organisation editor, source changed", fmt.Sprintf("/admin/edit/%d/ky", body.ID), `!!document.getElementById('changes-h')`)
	fetch(c, "organisation editor, translation", fmt.Sprintf("/admin/edit/%d/en", body.ID), `!!document.querySelector('form.editor.side-by-side')`)
	fetch(c, "page editor, source", fmt.Sprintf("/admin/edit/%d/ru", page.ID), `!!document.querySelector('form.editor')`)
	fetch(c, "page editor, warnings", kyPage, `!!document.getElementById('warn-h')`)
	fetch(c, "page editor, translation", fmt.Sprintf("/admin/edit/%d/en", page.ID), `!!document.querySelector('form.editor.side-by-side')`)
	fetch(c, "revision", fmt.Sprintf("/admin/revisions/%d", revs[0].ID), `!!document.querySelector('pre.diff')`)
	fetch(c, "settings", "/admin/settings/ky", `!!document.getElementById('s-site_name')`)
	fetch(c, "users", "/admin/users", `document.querySelectorAll('main tbody tr').length >= 2`)
	fetch(c, "user", fmt.Sprintf("/admin/users/%d", userID), `!!document.getElementById('email') || !!document.getElementById('name')`)
	fetch(c, "new user", "/admin/users/new", `!!document.getElementById('email')`)
	fetch(c, "account", "/admin/account", `!!document.getElementById('name')`)
	fetch(c, "audit log", "/admin/audit", `!!document.querySelector('main tbody tr')`)
	fetch(c, "new item", "/admin/new?kind=organisation", `!!document.getElementById('title')`)
	fetch(c, "new item, event", "/admin/new?kind=event", `document.querySelector('input[name=kind]:checked').value === 'event'`)
	fetch(c, "news post editor", newsPath, `!!document.getElementById('e-date') && !!document.querySelector('#e-cover option[selected]')`)
	fetch(c, "event editor", eventPath, `!!document.getElementById('e-start-date') && !!document.getElementById('f.place')`)
	fetch(c, "material editor", materialPath, `!!document.getElementById('e-file') && !!document.querySelector('input[name=groups]:checked')`)
	fetch(c, "media", "/admin/media", `!!document.querySelector('main img')`)
	fetch(c, "media item", loc, `!!document.getElementById('alt-ru')`)
	pages = append(pages,
		formError(t, s, c, "new user, with errors", "/admin/users/new", "/admin/users/new",
			url.Values{"email": {"not an address"}, "name": {"X"}, "role": {"editor"}, "ui_lang": {"ru"}, "password": {"short"}},
			`main form button[type=submit]`, `!!document.querySelector('main .field-error')`),
		formError(t, s, c, "settings, with errors", "/admin/settings/ky", "/admin/settings/ky",
			url.Values{"site_name": {""}, "email": {"not an address"}}, `main form.editor button[type=submit]`, `!!document.querySelector('main .field-error')`),
		formError(t, s, c, "new item, with errors", "/admin/new?kind=page", "/admin/new",
			url.Values{"kind": {"page"}, "title": {" "}, "lang": {"ru"}}, `main form button[type=submit]`, `!!document.querySelector('main .error')`),
		formError(t, s, c, "new event, with errors", "/admin/new?kind=event", "/admin/new",
			url.Values{"kind": {"event"}, "title": {"Круглый стол"}, "lang": {"ru"}, "start_date": {"2030-05-14"}, "start_time": {""}},
			`main form button[type=submit]`, `!!document.querySelector('main .field-error')`),
		formError(t, s, c, "event structure, with errors", eventPath, eventItem,
			url.Values{"back": {eventPath}, "lang": {"ru"}, "start_date": {"2030-05-14"}, "start_time": {"10:00"},
				"end_date": {"2030-05-01"}, "end_time": {"17:00"}, "online_url": {"javascript:alert(1)"}},
			`form[action="`+eventItem+`"] button[type=submit]`, `document.querySelectorAll('main .field-error').length === 2`),
		formError(t, s, c, "account, with errors", "/admin/account", "/admin/account",
			url.Values{"name": {"Admin"}, "ui_lang": {"en"}, "current_password": {"wrong"}, "new_password": {"short"}}, `main form button[type=submit]`, `!!document.querySelector('main .error')`),
	)

	checkAdminPages(t, s, tab, inject, pages)
	checked += len(pages)

	// The report of an XLIFF import: the English texts to update, exported
	// and brought back untranslated. It comes last, since the import sends
	// texts to review.
	if code, xlf := c.get("/admin/xliff/export?lang=en&from=ru&state=all-needing"); code != http.StatusOK {
		t.Logf("no XLIFF report checked: the export answered %d", code)
	} else {
		code, report, _ := c.upload("/admin/xliff/import", nil, "file", "datka-en.xlf", []byte(xlf))
		file := filepath.Join(t.TempDir(), "datka-en.xlf")
		if err := os.WriteFile(file, []byte(xlf), 0o644); err != nil {
			t.Fatal(err)
		}
		if code != http.StatusOK {
			t.Logf("no XLIFF report checked: the import answered %d %s", code, pageError(report))
		} else {
			checkAdminPages(t, s, tab, inject, []adminPage{{name: "XLIFF report", path: "/admin/xliff/import", html: report,
				must: `location.pathname === '/admin/xliff/import'`,
				open: func(tab context.Context) {
					do(t, tab, "open the board", chromedp.Navigate(s.URL+"/admin/board"),
						chromedp.SetUploadFiles(chromedp.ID("x-file"), []string{file}))
					submit(t, tab, "import the XLIFF file", `form[action="/admin/xliff/import"] button[type=submit]`)
				}}})
			checked++
		}
	}
	// A file that is no XLIFF: the report of the refusal.
	junk := filepath.Join(t.TempDir(), "junk.xlf")
	if err := os.WriteFile(junk, []byte("this is no XLIFF"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, report, _ := c.upload("/admin/xliff/import", nil, "file", "junk.xlf", []byte("this is no XLIFF")); code == http.StatusOK || code == http.StatusSeeOther {
		t.Fatalf("a file that is no XLIFF was accepted: %d", code)
	} else {
		checkAdminPages(t, s, tab, inject, []adminPage{{name: "XLIFF report, refused", path: "/admin/xliff/import", html: report,
			must: `!!document.getElementById('xliff-problems-h')`,
			open: func(tab context.Context) {
				do(t, tab, "open the board", chromedp.Navigate(s.URL+"/admin/board"),
					chromedp.SetUploadFiles(chromedp.ID("x-file"), []string{junk}))
				submit(t, tab, "import junk", `form[action="/admin/xliff/import"] button[type=submit]`)
			}}})
		checked++
	}
	t.Logf("checked %d admin pages in %v", checked, time.Since(start).Round(time.Millisecond))
}

// checkAdminPages opens each page in the tab: axe at 1280 px, then the
// overflow at 360 px; then the Nu Html Checker reads them all.
func checkAdminPages(t *testing.T, s *site, tab context.Context, inject chromedp.Action[chromedp.Void], pages []adminPage) {
	t.Helper()
	for _, p := range pages {
		do(t, tab, "set a desktop viewport", viewport(1280, 800))
		if p.open != nil {
			p.open(tab)
		} else {
			do(t, tab, "open "+p.path, chromedp.Navigate(s.URL+p.path))
		}
		if p.must != "" && !eval[bool](t, tab, p.must) {
			t.Fatalf("%s (%s): the page is not the one meant (%s); it is at %s: %.500s", p.name, p.path, p.must, location(t, tab, s), eval[string](t, tab, `document.querySelector("main").innerText`))
		}
		// The editor's script adds toolbars and live previews: wait until
		// they are there.
		waitTrue(t, tab, "the editor's previews", `[...document.querySelectorAll('textarea[data-markdown]:not([readonly])')].every(ta =>
			ta.nextElementSibling && ta.nextElementSibling.classList.contains('preview') && (ta.value.trim() === '' || ta.nextElementSibling.innerHTML !== ''))`)
		do(t, tab, "inject axe into "+p.path, inject)
		res := run(t, tab, "run axe on "+p.path, chromedp.Evaluate[axeResult](axeRunJS, chromedp.EvalAwaitPromise))
		if res.Passes == 0 {
			t.Fatalf("%s: axe %s passed no rule at all; it did not really run", p.name, res.Version)
		}
		for _, v := range res.Violations {
			var targets []string
			for _, n := range v.Nodes {
				targets = append(targets, fmt.Sprint(n.Target...))
			}
			t.Errorf("%s (%s): axe rule %s (%s): %s\n\ton %s\n\t%s", p.name, p.path, v.ID, v.Impact, v.Help,
				strings.Join(targets, ", "), firstLine(v.Nodes[0].Summary))
		}
		do(t, tab, "set a phone's viewport", viewport(360, 740))
		o := eval[overflow](t, tab, adminOverflowJS)
		if o.ScrollWidth > o.ClientWidth || len(o.Culprits) > 0 {
			t.Errorf("%s (%s): %.0fpx wide in a %.0fpx viewport; sticking out: %s",
				p.name, p.path, o.ScrollWidth, o.ClientWidth, strings.Join(o.Culprits, "; "))
		}
	}
	validateAdminHTML(t, pages)
}

// validateAdminHTML has the Nu Html Checker read the pages' HTML in one
// run: no error is allowed.
func validateAdminHTML(t *testing.T, pages []adminPage) {
	t.Helper()
	java, _ := exec.LookPath("java")
	jar := filepath.Join(testenv.RepoRoot(), "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	dir := t.TempDir()
	names := map[string]string{}
	var files []string
	for i, p := range pages {
		name := fmt.Sprintf("%03d.html", i)
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, []byte(p.html), 0o644); err != nil {
			t.Fatal(err)
		}
		names[name] = p.name + " (" + p.path + ")"
		files = append(files, file)
	}
	cmd := exec.Command(java, append([]string{"-jar", jar, "--errors-only", "--format", "json"}, files...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var report struct {
		Messages []vnuMessage `json:"messages"`
	}
	if jerr := json.Unmarshal(stderr.Bytes(), &report); jerr != nil {
		t.Fatalf("vnu: %v; its report is not JSON (%v): %.2000s%.2000s", err, jerr, stderr.String(), stdout.String())
	}
	for _, m := range report.Messages {
		page := m.URL
		if u, err := url.Parse(m.URL); err == nil {
			page = names[filepath.Base(u.Path)]
		}
		t.Errorf("%s:%d:%d: %s %s: %s\n\t%s", page, m.LastLine, m.LastCol, m.Type, m.SubType, m.Message, strings.TrimSpace(m.Extract))
	}
	if err != nil && len(report.Messages) == 0 {
		t.Fatalf("vnu failed with no message: %v\n%s", err, stdout.String())
	}
}

// formError posts form to action over HTTP, which must refuse it (no
// redirect), and returns the page of the refusal; the browser reaches the
// same page by filling in the form at path, its own checks off, and
// clicking button.
func formError(t *testing.T, s *site, c *adminClient, name, path, action string, form url.Values, button, must string) adminPage {
	t.Helper()
	code, body, loc := c.post(action, form)
	if code == http.StatusSeeOther || code >= 500 {
		t.Fatalf("%s: POST %s was not refused: %d → %q", name, action, code, loc)
	}
	fill := map[string]string{}
	for k := range form {
		fill[k] = form.Get(k)
	}
	js, _ := json.Marshal(fill)
	return adminPage{name: name, path: action, html: body, must: must, open: func(tab context.Context) {
		do(t, tab, "open "+path, chromedp.Navigate(s.URL+path))
		do(t, tab, "fill in "+path, chromedp.Evaluate[chromedp.Void](`(() => {
			const f = document.querySelector('`+button+`').form, v = `+string(js)+`;
			f.noValidate = true;
			for (const [k, x] of Object.entries(v)) {
				const e = f.elements[k];
				if (!e) continue;
				if (e instanceof RadioNodeList) { for (const r of e) r.checked = r.value === x; } else e.value = x;
			}
		})()`))
		submit(t, tab, name, button)
	}}
}
