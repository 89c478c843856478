package e2e

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/store"
)

// TestAdminScenarioInBrowser is the translation workflow of the admin as
// people do it, in Chromium with JavaScript on: the administrator signs in
// and creates a Kyrgyz translator through the form; the translator finds a
// government body on the board, types a new summary, saves a draft and
// sends it to review, and can neither edit Russian nor publish; an editor
// publishes it; the public Kyrgyz pages show it. On the way it checks the
// editor's script: the live preview and the Bold button.
func TestAdminScenarioInBrowser(t *testing.T) {
	s := startSite(t)
	adminEmail, adminPassword := s.firstAdmin(t)
	body, publicPath := s.governmentBody(t)
	editPath := func(code string) string { return fmt.Sprintf("/admin/edit/%d/%s", body.ID, code) }
	tl := &tabLog{}
	tab := newTab(t, chromedp.WithListener(tl.listen))
	ctx := context.Background()

	// The administrator creates the translator through the form.
	signInBrowser(t, tab, s, adminEmail, adminPassword)
	const trEmail, trPassword = "aigul@example.org", "a slow train to Naryn in May"
	do(t, tab, "open the new-user form", chromedp.Navigate(s.URL+"/admin/users/new"))
	do(t, tab, "fill in the new user",
		chromedp.SendKeys(chromedp.ID("email"), trEmail),
		chromedp.SendKeys(chromedp.ID("name"), "Айгүл Асанова"),
		chromedp.SetValue(chromedp.ID("role"), string(content.RoleTranslator)),
		chromedp.Click(chromedp.CSS(`input[name=languages][value=ky]`)),
		chromedp.SendKeys(chromedp.ID("password"), trPassword))
	if resp := submit(t, tab, "save the new user", `main form button[type=submit]`); resp.Status != http.StatusOK {
		t.Fatalf("creating the translator: status %d", resp.Status)
	}
	if loc := location(t, tab, s); !regexp.MustCompile(`^/admin/users/\d+$`).MatchString(loc) {
		t.Fatalf("after creating the translator the browser is at %s (%s), want the account's page", loc,
			eval[string](t, tab, `(document.querySelector('main .error, main .field-error') || {}).textContent || ''`))
	}
	if eval[bool](t, tab, `!!document.querySelector('.secret')`) {
		t.Error("a password was generated although one was typed")
	}
	u, _, err := s.app.Store.UserByEmail(ctx, trEmail)
	if err != nil {
		t.Fatalf("the translator is not in the store: %v", err)
	}
	if u.Role != content.RoleTranslator || strings.Join(u.Languages, ",") != "ky" || u.Name != "Айгүл Асанова" {
		t.Fatalf("the translator was stored as %+v, want a translator for ky named Айгүл Асанова", u)
	}
	signOutBrowser(t, tab, s)
	do(t, tab, "open the admin signed out", chromedp.Navigate(s.URL+"/admin/board"))
	if loc := location(t, tab, s); !strings.HasPrefix(loc, "/admin/signin") {
		t.Fatalf("after signing out /admin/board led to %s, want the sign-in form", loc)
	}

	// The translator signs in with the typed password, filters the board
	// by Kyrgyz and opens the body's Kyrgyz editor from it.
	signInBrowser(t, tab, s, trEmail, trPassword)
	submit(t, tab, "open the board", `header nav a[href="/admin/board"]`)
	do(t, tab, "choose Kyrgyz", chromedp.SetValue(chromedp.ID("f-lang"), "ky"))
	submit(t, tab, "filter the board", `form.filters button[type=submit]`)
	if loc := location(t, tab, s); !strings.Contains(loc, "lang=ky") {
		t.Fatalf("the filtered board is at %s, want lang=ky", loc)
	}
	if cols := eval[[]string](t, tab, `[...document.querySelectorAll('table.board thead th')].slice(2).map(th => th.textContent.trim())`); len(cols) != 1 {
		t.Errorf("the board filtered by Kyrgyz shows the language columns %q, want Kyrgyz alone", cols)
	}
	if got := boardCellState(t, tab, editPath("ky")); got != "published" {
		t.Fatalf("before any change the Kyrgyz cell is %q, want published", got)
	}
	submit(t, tab, "open the Kyrgyz editor from the board", `table.board a[href="`+editPath("ky")+`"]`)
	if loc := location(t, tab, s); loc != editPath("ky") {
		t.Fatalf("the board's cell led to %s, want %s", loc, editPath("ky"))
	}

	// The editor's script: a toolbar and a live preview above and below
	// each Markdown field. Typing renders; Bold wraps the selection.
	const md = `textarea[data-markdown]:not([readonly])`
	if n := eval[int](t, tab, `document.querySelectorAll('`+md+`').length`); n == 0 {
		t.Fatal("the Kyrgyz editor has no Markdown field")
	}
	waitTrue(t, tab, "the first preview is rendered", `(() => { const p = document.querySelector('`+md+`').nextElementSibling;
		return !!p && p.classList.contains('preview') && p.querySelector('p, ul, h2, h3') !== null; })()`)
	do(t, tab, "empty the first Markdown field", chromedp.Evaluate[chromedp.Void](`document.querySelector('`+md+`').value = ''`))
	do(t, tab, "type into the first Markdown field", chromedp.SendKeys(chromedp.CSS(md), "Салам, дүйнө"))
	waitTrue(t, tab, "the preview shows what was typed",
		`document.querySelector('`+md+`').nextElementSibling.innerHTML.trim() === '<p>Салам, дүйнө</p>'`)
	do(t, tab, "select a word", chromedp.Evaluate[chromedp.Void](`(() => { const ta = document.querySelector('`+md+`');
		ta.setSelectionRange(ta.value.indexOf('дүйнө'), ta.value.length); })()`))
	do(t, tab, "click Bold", chromedp.Click(chromedp.CSS(`.toolbar[role=toolbar] button:first-child`)))
	if v := eval[string](t, tab, `document.querySelector('`+md+`').value`); v != "Салам, **дүйнө**" {
		t.Errorf("after Bold the field holds %q, want %q", v, "Салам, **дүйнө**")
	}
	waitTrue(t, tab, "the preview shows the bold word",
		`document.querySelector('`+md+`').nextElementSibling.innerHTML.includes('<strong>дүйнө</strong>')`)
	// Leave without saving: nothing of this may reach the draft.
	do(t, tab, "reopen the editor", chromedp.Navigate(s.URL+editPath("ky")))

	// The translator types a new summary, saves a draft, then sends it to
	// review; the board follows.
	const newSummary = "Билим берүү жана илим тармагында мамлекеттик саясатты иштеп чыгуучу жана ишке ашыруучу борбордук орган (браузерде жаңыртылды)."
	summary := `textarea[name="f.summary"]`
	do(t, tab, "empty the summary", chromedp.Evaluate[chromedp.Void](`document.querySelector('`+summary+`').value = ''`))
	do(t, tab, "type the new summary", chromedp.SendKeys(chromedp.CSS(summary), newSummary))
	if resp := submit(t, tab, "save the draft", `button[name=action][value=draft]`); resp.Status != http.StatusOK {
		t.Fatalf("save the draft: status %d", resp.Status)
	}
	if loc := location(t, tab, s); loc != editPath("ky") {
		t.Fatalf("after saving the draft the browser is at %s", loc)
	}
	if !eval[bool](t, tab, `!!document.querySelector('main .flash')`) {
		t.Error("saving the draft showed no message")
	}
	if got := eval[string](t, tab, `document.querySelector('`+summary+`').value`); got != newSummary {
		t.Errorf("after saving, the summary field holds %q, want the typed text", got)
	}
	draft, err := s.app.Store.Draft(ctx, body.ID, "ky")
	if err != nil {
		t.Fatalf("no Kyrgyz draft in the store: %v", err)
	}
	published := content.OrgFields(body.Texts["ky"])
	for _, f := range published {
		want := f.Value
		if f.Key == "summary" {
			want = newSummary
		}
		if got := draft.Fields.Get(f.Key); got != want {
			t.Errorf("the draft's %s is %.80q, want %.80q", f.Key, got, want)
		}
	}
	if st := boardStateAt(t, tab, s, body.ID, "ky"); st != "draft" {
		t.Errorf("after the draft the Kyrgyz cell is %q, want draft", st)
	}
	if _, list := s.get(t, path.Dir(publicPath("ky")), false); strings.Contains(list, "браузерде жаңыртылды") {
		t.Error("the draft is visible on the public site")
	}
	do(t, tab, "reopen the editor", chromedp.Navigate(s.URL+editPath("ky")))
	submit(t, tab, "send to review", `button[name=action][value=review]`)
	if st := boardStateAt(t, tab, s, body.ID, "ky"); st != "review" {
		t.Errorf("after sending to review the Kyrgyz cell is %q, want review", st)
	}

	// Russian is read-only for the translator, and a forced post of its
	// form is refused; so is publishing Kyrgyz.
	do(t, tab, "open the Russian editor", chromedp.Navigate(s.URL+editPath("ru")))
	if n := eval[int](t, tab, `document.querySelectorAll('button[name=action]').length`); n != 0 {
		t.Errorf("the translator's Russian editor has %d action buttons, want none", n)
	}
	if n := eval[int](t, tab, `[...document.querySelectorAll('form.editor input[name^="f."], form.editor textarea')].filter(e => !e.readOnly).length`); n != 0 {
		t.Errorf("the translator's Russian editor has %d writable fields, want none", n)
	}
	if n := eval[int](t, tab, `document.querySelectorAll('.toolbar').length`); n != 0 {
		t.Errorf("the read-only editor shows %d formatting toolbars", n)
	}
	for _, force := range []struct{ lang, action string }{{"ru", "draft"}, {"ru", "publish"}, {"ky", "publish"}} {
		do(t, tab, "open the editor", chromedp.Navigate(s.URL+editPath(force.lang)))
		do(t, tab, "add a "+force.action+" button", chromedp.Evaluate[chromedp.Void](`(() => {
			const b = Object.assign(document.createElement('button'), {type: 'submit', name: 'action', value: '`+force.action+`', id: 'forced'});
			document.querySelector('form.editor').appendChild(b); })()`))
		if resp := submit(t, tab, "force "+force.action+" of "+force.lang, `#forced`); resp.Status != http.StatusForbidden {
			t.Errorf("the translator's forced %s of %s: status %d, want 403", force.action, force.lang, resp.Status)
		}
	}
	if _, err := s.app.Store.Draft(ctx, body.ID, "ru"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("after the refused post there is a Russian draft (err %v)", err)
	}
	signOutBrowser(t, tab, s)

	// An editor finds the text on the dashboard and publishes it.
	const edEmail, edPassword = "editor@example.org", "an editor's long passphrase"
	s.addUser(t, edEmail, edPassword, content.RoleEditor)
	signInBrowser(t, tab, s, edEmail, edPassword)
	submit(t, tab, "open the text waiting for review", `section[aria-labelledby=review-h] a[href="`+editPath("ky")+`"]`)
	if got := eval[string](t, tab, `document.querySelector('`+summary+`').value`); got != newSummary {
		t.Fatalf("the editor sees the summary %q, want the translator's", got)
	}
	if resp := submit(t, tab, "publish", `button[name=action][value=publish]`); resp.Status != http.StatusOK {
		t.Fatalf("publish: status %d", resp.Status)
	}
	if st := boardStateAt(t, tab, s, body.ID, "ky"); st != "published" {
		t.Errorf("after publishing the Kyrgyz cell is %q, want published", st)
	}

	// Readers of Kyrgyz see the new summary: in the list of government
	// bodies and as the body's page description.
	do(t, tab, "open the public list", chromedp.Navigate(s.URL+path.Dir(publicPath("ky"))))
	if !eval[bool](t, tab, `document.querySelector('main').innerText.includes(`+jsString(newSummary)+`)`) {
		t.Errorf("%s does not show the published summary", path.Dir(publicPath("ky")))
	}
	do(t, tab, "open the public page", chromedp.Navigate(s.URL+publicPath("ky")))
	if got := eval[string](t, tab, `document.querySelector('meta[name=description]').content`); got != newSummary {
		t.Errorf("%s: description %q, want the published summary", publicPath("ky"), got)
	}
	if got := eval[string](t, tab, `document.documentElement.lang`); got != "ky" {
		t.Errorf("%s: html lang %q", publicPath("ky"), got)
	}

	// No page of the scenario logged an error, but the refused posts, and
	// the browser's own request of /favicon.ico: the admin's layout names
	// no icon (the public layout does), so Chromium asks for the default
	// one, which is a 404.
	errs, _ := tl.take()
	for _, e := range errs {
		if !strings.Contains(e, "status of 403") && !strings.Contains(e, s.URL+"/favicon.ico: ") {
			t.Errorf("console: %s", e)
		}
	}
}

// boardCellState reads the state of the board cell that links to
// editPath on the board the tab shows.
func boardCellState(t *testing.T, tab context.Context, editPath string) string {
	t.Helper()
	class := eval[string](t, tab, `(document.querySelector('table.board a[href="`+editPath+`"]') || {className: ''}).className`)
	for _, c := range strings.Fields(class) {
		if st, ok := strings.CutPrefix(c, "state-"); ok {
			return st
		}
	}
	t.Fatalf("the board has no cell linking to %s", editPath)
	return ""
}

// boardStateAt opens the board filtered by lang and reads the state of
// item id.
func boardStateAt(t *testing.T, tab context.Context, s *site, id int64, lang string) string {
	t.Helper()
	do(t, tab, "open the board", chromedp.Navigate(s.URL+"/admin/board?lang="+lang))
	return boardCellState(t, tab, fmt.Sprintf("/admin/edit/%d/%s", id, lang))
}

// waitTrue polls a JavaScript condition for up to five seconds.
func waitTrue(t *testing.T, tab context.Context, what, cond string) {
	t.Helper()
	_, err := chromedp.Run(tab, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(5*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
	if err != nil {
		t.Fatalf("waiting until %s: %v", what, err)
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x2028 || r == 0x2029 || r == '<' || r == '>':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
