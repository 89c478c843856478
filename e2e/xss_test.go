package e2e

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"image"
	"image/png"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/datka-cms/datka/internal/content"
)

// xssPayload is one hostile input. Its script, were it ever to run, sets
// window.__xss (of the top page) to its id, or opens an alert with its id
// where the top page is out of reach (data: documents).
type xssPayload struct {
	ID   int
	Name string
	Text string
}

// xssPayloads builds the payloads, ids from 1.
func xssPayloads() []xssPayload {
	// The templates are the stored-XSS inputs of the OWASP XSS filter evasion
	// cheat sheet, and a few for Markdown. CODE stands for the payload's
	// script; ALERT for the alert of its id; JSENT, JSHEX and JSPAD for
	// "javascript:" and CODE written as HTML character references; B64 for
	// the base64 of a document that alerts.
	templates := []struct{ name, text string }{
		{"script element", `<script>CODE</script>`},
		{"script with a data: source", `<script src="data:text/javascript,CODE"></script>`},
		{"img onerror", `<img src=x onerror=CODE>`},
		{"img onerror, quoted", `<img src="/nowhere.png" onerror="CODE">`},
		{"svg onload", `<svg/onload=CODE>`},
		{"script in svg", `<svg><script>CODE</script></svg>`},
		{"out of a double-quoted attribute", `"><script>CODE</script>`},
		{"out of a single-quoted attribute", `'><img src=x onerror=CODE>`},
		{"out of a single-quoted JS string", `'-CODE-'`},
		{"out of a double-quoted JS string", `";CODE;//`},
		{"out of a textarea", `</textarea><script>CODE</script>`},
		{"out of the title", `</title><svg onload=CODE>`},
		{"iframe srcdoc", `<iframe srcdoc="<script>CODE</script>"></iframe>`},
		{"iframe javascript:", `<iframe src="javascript:CODE"></iframe>`},
		{"iframe data:", `<iframe src="data:text/html,<script>ALERT</script>"></iframe>`},
		{"math mutation", `<math><mtext><table><mglyph><style><img src=x onerror=CODE></style></mglyph></table></mtext></math>`},
		{"svg style mutation", `<svg><style><img src=x onerror=CODE></style></svg>`},
		{"noscript mutation", `<noscript><p title="</noscript><img src=x onerror=CODE>">`},
		{"comment breakout", `<!--<img src="--><img src=x onerror=CODE//">`},
		{"details ontoggle", `<details open ontoggle=CODE>`},
		{"body onload", `<body onload=CODE>`},
		{"input autofocus onfocus", `<input autofocus onfocus=CODE>`},
		{"marquee onstart", `<marquee onstart=CODE>x</marquee>`},
		{"video source onerror", `<video><source onerror=CODE></video>`},
		{"audio onerror", `<audio src=x onerror=CODE>`},
		{"svg animate onbegin", `<svg><animate onbegin=CODE attributeName=x dur=1s>`},
		{"svg xlink:href javascript:", `<svg><a xlink:href="javascript:CODE"><text x=20 y=20>x</text></a></svg>`},
		{"a href javascript:", `<a href="javascript:CODE">x</a>`},
		{"a href entity-encoded javascript:", `<a href="JSENTCODE">x</a>`},
		{"a href hex-encoded javascript:", `<a href="JSHEXCODE">x</a>`},
		{"a href javascript: with an encoded tab", `<a href="jav&#x09;ascript:CODE">x</a>`},
		{"a href javascript: with a tab", "<a href=\"jav\tascript:CODE\">x</a>"},
		{"a href javascript: with a newline", "<a href=\"java\nscript:CODE\">x</a>"},
		{"a href with a leading control character", `<a href=" &#14;  javascript:CODE">x</a>`},
		{"a href data: HTML", `<a href="data:text/html,<script>ALERT</script>">x</a>`},
		{"img with backticks", "<img src=`x` onerror=`${CODE}`>"},
		{"img onerror as padded references", `<IMG SRC=x onerror=JSPAD>`},
		{"malformed quotes", `<IMG """><SCRIPT>CODE</SCRIPT>">`},
		{"extra open bracket", `<<SCRIPT>CODE//<</SCRIPT>`},
		{"script with a non-alpha separator", `<SCRIPT/XSS SRC="data:,CODE"></SCRIPT>`},
		{"split script tag", `<scr<script>ipt>CODE</scr</script>ipt>`},
		{"unclosed img", `<img src=x onerror=CODE `},
		{"style @import", `<style>@import 'javascript:CODE';</style>`},
		{"css expression()", `<div style="width: expression(CODE);">x</div>`},
		{"css url(javascript:)", `<div style="background:url('javascript:CODE')">x</div>`},
		{"object data", `<object data="javascript:CODE"></object>`},
		{"embed data: base64", `<embed src="data:text/html;base64,B64">`},
		{"meta refresh", `<meta http-equiv="refresh" content="0;url=javascript:CODE">`},
		{"base href", `<base href="javascript:CODE//">`},
		{"button formaction", `<form><button formaction=javascript:CODE>x</button></form>`},
		{"link stylesheet", `<link rel=stylesheet href="javascript:CODE">`},
		{"null byte in a tag", "<scr\x00ipt>CODE</scr\x00ipt>"},
		{"JSON escapes", `\u003cscript\u003eCODE\u003c/script\u003e`},
		{"URL encoding", `%3Cscript%3ECODE%3C%2Fscript%3E`},
		{"template syntax", `{{CODE}} ${CODE} #{CODE} {{template "layout"}}`},
		{"Markdown link javascript:", `[click me](javascript:CODE)`},
		{"Markdown link in mixed case", `[click me](JaVaScRiPt:CODE)`},
		{"Markdown link with references", `[click me](JSENTCODE)`},
		{"Markdown link with an encoded tab", `[click me](jav&#x09;ascript:CODE)`},
		{"Markdown link with an encoded newline", `[click me](java&#10;script:CODE)`},
		{"Markdown link in angle brackets", `[click me](<javascript:CODE>)`},
		{"Markdown link vbscript:", `[click me](vbscript:CODE)`},
		{"Markdown link data: base64", `[click me](data:text/html;base64,B64)`},
		{"Markdown image javascript:", `![picture](javascript:CODE)`},
		{"Markdown image out of src", `![picture](/x.png"onerror="CODE)`},
		{"Markdown link title", `[click me](/nowhere "\" onmouseover=CODE x=\"")`},
		{"Markdown autolink", `<javascript:CODE>`},
		{"Markdown reference link", "[click me][r]\n\n[r]: javascript:CODE"},
		{"Markdown HTML block", "<div>\n<script>CODE</script>\n</div>"},
		{"Markdown code span", "`<script>CODE</script>`"},
	}
	var out []xssPayload
	for i, tpl := range templates {
		id := i + 1
		code := fmt.Sprintf("top.__xss=%d", id)
		alert := fmt.Sprintf("alert(%d)", id)
		text := tpl.text
		text = strings.ReplaceAll(text, "JSENT", references("javascript:", "&#%d;"))
		text = strings.ReplaceAll(text, "JSHEX", references("javascript:", "&#x%x;"))
		text = strings.ReplaceAll(text, "JSPAD", references(code, "&#%07d"))
		text = strings.ReplaceAll(text, "B64", base64.StdEncoding.EncodeToString([]byte("<script>"+alert+"</script>")))
		text = strings.ReplaceAll(text, "ALERT", alert)
		text = strings.ReplaceAll(text, "CODE", code)
		out = append(out, xssPayload{ID: id, Name: tpl.name, Text: text})
	}
	return out
}

// references writes s as HTML character references in format.
func references(s, format string) string {
	var b strings.Builder
	for _, r := range s {
		fmt.Fprintf(&b, format, r)
	}
	return b.String()
}

// xssEmailPayload is an address that mail.ParseAddress accepts as it is
// and that breaks out of a JavaScript string: ' ` { } $ = are allowed in
// the local part. Its marker is 1000 + i.
func xssEmailPayload(i int) string {
	if i%2 == 0 {
		return fmt.Sprintf("u%d'-top.__xss=%d-'@example.org", i, 1000+i)
	}
	return fmt.Sprintf("u%d`${top.__xss=%d}`@example.org", i, 1000+i)
}

// TestStoredXSSNeverExecutes types the payloads into every text field the
// admin has, publishes them, and loads every page that shows them in
// Chromium with JavaScript on: first as served (with the site's CSP), then
// with the CSP bypassed, so that the escaping alone is put to the test. On
// no page may a payload's script run (no marker, no dialog), nor may any
// of them reach the DOM as a script, an event handler, a javascript: URL
// or an embedding element; and no CSP violation may be logged.
func TestStoredXSSNeverExecutes(t *testing.T) {
	start := time.Now()
	s := startSite(t)
	payloads := xssPayloads()
	if len(payloads) < 40 {
		t.Fatalf("only %d payloads", len(payloads))
	}
	adminEmail, adminPassword := s.firstAdmin(t)
	admin := s.signInHTTP(t, adminEmail, adminPassword)
	planted := plantPayloads(t, s, admin, payloads)
	t.Logf("planted %d payloads in %d texts, the settings of each language, %d account names, an image and %d websites in %v",
		len(payloads), len(planted.texts), len(planted.users), len(planted.websites), time.Since(start).Round(time.Millisecond))

	x := newXSSTab(t, payloads)

	// First the instruments: with the CSP and without, a script put into
	// a page must be seen.
	do(t, x.tab, "open the sign-in form", chromedp.Navigate(s.URL+"/admin/signin"))
	x.selfTest(true)
	x.bypassCSP(true)
	do(t, x.tab, "open the sign-in form", chromedp.Navigate(s.URL+"/admin/signin"))
	x.selfTest(false)

	// The sign-in form: each payload typed as the address (the browser's
	// own validation turned off, as an attacker would), submitted, and the
	// answer, which shows it again, checked. The failures land in the
	// audit log, which is checked below. The administrator's HTTP session
	// was opened before, so the throttling that follows does not matter.
	do(t, x.tab, "open the sign-in form", chromedp.Navigate(s.URL+"/admin/signin"))
	for _, p := range payloads {
		// Set as typing would leave it; an e-mail field drops line breaks.
		do(t, x.tab, "type a payload into the sign-in form", chromedp.Evaluate[chromedp.Void](`(() => {
			document.getElementById('email').value = `+jsString(p.Text)+`;
			document.getElementById('password').value = 'not the password';
			document.querySelector('main form').noValidate = true; })()`))
		resp := submit(t, x.tab, "sign in with payload "+strconv.Itoa(p.ID), `main form button[type=submit]`)
		if resp.Status != http.StatusUnauthorized && resp.Status != http.StatusTooManyRequests {
			t.Fatalf("sign-in with payload %d: status %d, want 401 or 429", p.ID, resp.Status)
		}
		where := fmt.Sprintf("/admin/signin after payload %d (%s)", p.ID, p.Name)
		x.check(where, 0)
		if eval[string](t, x.tab, `document.getElementById('email').value`) == "" {
			t.Errorf("%s: the form does not show the address again", where)
		}
	}

	shareSession(t, x.tab, admin)
	paths := planted.pagesToVisit(t, s, admin)
	for _, bypass := range []bool{false, true} {
		x.bypassCSP(bypass)
		mode := "as served"
		if bypass {
			mode = "CSP bypassed"
		}
		n := 0
		for _, p := range paths {
			if p.bypassedOnly && !bypass {
				continue
			}
			n++
			do(t, x.tab, "open "+p.path, chromedp.Navigate(s.URL+p.path))
			where := p.path + " (" + mode + ")"
			if loc := location(t, x.tab, s); loc != p.path {
				t.Errorf("%s: the browser ended at %s", where, loc)
			}
			settle := time.Duration(0)
			if p.editor {
				x.waitPreviews(where)
				settle = 30 * time.Millisecond
			}
			x.check(where, settle)
			if p.heading != "" && !bypass {
				h1 := strings.Join(strings.Fields(eval[string](t, x.tab, `document.querySelector('h1').textContent`)), " ")
				// HTML turns NUL into U+FFFD.
				want := strings.Join(strings.Fields(strings.ReplaceAll(p.heading, "\x00", "\uFFFD")), " ")
				if h1 != want {
					t.Errorf("%s: the heading is %q, want the planted %q", where, h1, want)
				}
			}
			if p.must != "" && !eval[bool](t, x.tab, p.must) {
				t.Errorf("%s: the page does not show what was planted: %s", where, p.must)
			}
			if p.sourceDiff && !eval[bool](t, x.tab, `!!document.querySelector('section.notice pre.diff')`) {
				t.Errorf("%s: the outdated translation's editor shows no diff of its source", where)
			}
		}
		t.Logf("%s: %d pages checked", mode, n)
	}
	t.Logf("checked %d payloads on %d pages in %v", len(payloads), len(paths), time.Since(start).Round(time.Millisecond))
}

// planted is what plantPayloads wrote, for the checks.
type planted struct {
	texts    []plantedText
	users    []int64
	media    int64
	websites map[int64]bool // the organisations that took a website
	messages []int64        // messages in the inbox
}

type plantedText struct {
	id       int64
	lang     string
	title    string // the published title (name)
	isOrg    bool
	isSource bool
	isHome   bool
	role     content.OrgRole
	outdated bool // a translation made from an older source text
}

// plantPayloads fills, through the admin's forms over HTTP, every text
// field the admin has: the title of a new page and a new organisation; the
// alternative texts and file name of an image; the websites; every field
// of every page and organisation in every language, published, and newer
// drafts in review or scheduled; the site settings of each language; the
// administrator's name and a new account per payload. Fields of several
// lines take every payload at once, each in a paragraph or line of its
// own; one-line fields take the payloads in turn.
func plantPayloads(t *testing.T, s *site, c *adminClient, payloads []xssPayload) planted {
	t.Helper()
	ctx := context.Background()
	var texts []string
	for _, p := range payloads {
		texts = append(texts, p.Text)
	}
	var out planted

	// A new page and a new organisation, made from the one field of the
	// form that creates them; the loop below fills them like the others.
	c.mustPost("/admin/new", url.Values{"kind": {"page"}, "title": {payloads[1].Text}, "lang": {"ru"}})
	c.mustPost("/admin/new", url.Values{"kind": {"organisation"}, "title": {payloads[7].Text}, "lang": {"ky"},
		"role": {string(content.RoleFunder)}})

	// An image in the media library, with hostile alternative texts and
	// file name; every Markdown field shows it, with the library's text.
	var pic bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	if err := png.Encode(&pic, img); err != nil {
		t.Fatal(err)
	}
	code, body, loc := c.upload("/admin/media", url.Values{"alt.ru": {payloads[6].Text}, "alt.ky": {payloads[2].Text},
		"alt.en": {payloads[8].Text}}, "file", `"><svg onload=top.__xss=3000>.png`, pic.Bytes())
	if code != http.StatusSeeOther {
		t.Fatalf("upload an image: %d %s", code, pageError(body))
	}
	mediaID, err := strconv.ParseInt(strings.TrimPrefix(loc, "/admin/media/"), 10, 64)
	if err != nil {
		t.Fatalf("the upload led to %q", loc)
	}
	m, err := s.app.Store.Media(ctx, mediaID)
	if err != nil {
		t.Fatal(err)
	}
	out.media = mediaID

	paragraphs := strings.Join(texts, "\n\n") + "\n\n![](" + m.URL() + ")"
	lines := strings.Join(texts, "\n")
	next := 0
	oneLine := func() string {
		v := payloads[next%len(payloads)].Text
		next++
		return v
	}
	editorForm := func(path string, n int) url.Values {
		names, form := c.editorFields(path)
		for _, name := range names {
			key := strings.TrimPrefix(name, "f.")
			shape := content.Shape(key)
			switch {
			case key == "slug":
				form.Set(name, fmt.Sprintf("%s t%d", oneLine(), n))
			case shape.Lines:
				form.Set(name, lines)
			case shape.Multiline:
				form.Set(name, paragraphs)
			default:
				form.Set(name, oneLine())
			}
		}
		return form
	}

	type item struct {
		id     int64
		source string
		isOrg  bool
		isHome bool
		role   content.OrgRole
		isNew  bool // made above: its source had no text when translated
	}
	var items []item
	pages, err := s.app.Store.Pages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		_, old := p.Texts[p.SourceLang]
		items = append(items, item{id: p.ID, source: p.SourceLang, isHome: p.Layout == content.LayoutHome, isNew: !old})
	}
	orgs, err := s.app.Store.Organisations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range orgs {
		_, old := o.Texts[o.SourceLang]
		items = append(items, item{id: o.ID, source: o.SourceLang, isOrg: true, role: o.Role, isNew: !old})
	}

	// Websites, common to all languages: html/template must keep each in
	// its href.
	websites := []string{
		`https://example.org/"><script>top.__xss=2001</script>`,
		`https://example.org/?q='-top.__xss=2002-'`,
		`https://example.org/#"onmouseover="top.__xss=2003"`,
		`http://example.org/<img src=x onerror=top.__xss=2004>`,
		`https://javascript:top.__xss=2005@example.org/`,
	}
	out.websites = map[int64]bool{}
	for i, o := range orgs {
		code, body, _ := c.post(fmt.Sprintf("/admin/item/%d", o.ID), url.Values{"website": {websites[i%len(websites)]},
			"position": {strconv.Itoa(o.Position)}, "role": {string(o.Role)}, "back": {"/admin/"}})
		switch code {
		case http.StatusSeeOther:
			out.websites[o.ID] = true
		case http.StatusUnprocessableEntity:
			t.Logf("the website %q was refused", websites[i%len(websites)])
		default:
			t.Fatalf("set a website: %d %s", code, pageError(body))
		}
	}

	n := 0
	for _, it := range items {
		// Translations first and the source last, so that the translations
		// end up outdated and their editors show the source's diff.
		order := slices.DeleteFunc(slices.Clone(languages), func(l string) bool { return l == it.source })
		order = append(order, it.source)
		for _, l := range order {
			n++
			path := fmt.Sprintf("/admin/edit/%d/%s", it.id, l)
			form := editorForm(path, n)
			form.Set("action", "publish")
			c.mustPost(path, form)
			out.texts = append(out.texts, plantedText{id: it.id, lang: l, title: form.Get("f.title") + form.Get("f.name"),
				isOrg: it.isOrg, isSource: l == it.source, isHome: it.isHome, role: it.role,
				outdated: l != it.source && !it.isNew})
		}
	}
	// Newer drafts: some in review (the dashboard lists them), some
	// scheduled (the dashboard lists those too).
	for i := range out.texts {
		pt := &out.texts[i]
		if pt.isSource {
			continue
		}
		path := fmt.Sprintf("/admin/edit/%d/%s", pt.id, pt.lang)
		form := editorForm(path, 1000+i)
		if pt.isOrg {
			form.Set("action", "review")
		} else {
			form.Set("action", "schedule_publish")
			form.Set("publish_at", "2199-12-31T09:00")
		}
		c.mustPost(path, form)
	}

	// Site settings, each language; the two long fields take a third of
	// the payloads each, to stay under their limit.
	for li, l := range languages {
		form := url.Values{}
		for _, key := range []string{"site_name", "short_name", "slogan", "organisation", "address", "phone", "funded_by"} {
			form.Set(key, oneLine())
		}
		form.Set("email", xssEmailPayload(li))
		var part []string
		for i, p := range texts {
			if i%len(languages) == li {
				part = append(part, p)
			}
		}
		form.Set("footer", strings.Join(part, "\n\n"))
		form.Set("disclaimer", strings.Join(part, "\n"))
		form.Set("needs_native_review", "1")
		c.mustPost("/admin/settings/"+l, form)
	}

	// The administrator's own name, shown in the header of every admin
	// page, and an account per payload, named with it.
	c.mustPost("/admin/account", url.Values{"name": {payloads[6].Text}, "ui_lang": {"en"}})
	for i, p := range payloads {
		if utf8.RuneCountInString(strings.TrimSpace(p.Text)) > 120 {
			continue // longer than a name may be
		}
		email := fmt.Sprintf("xss%d@example.org", p.ID)
		if i%4 == 0 {
			email = xssEmailPayload(len(languages) + i)
		}
		code, body, loc := c.post("/admin/users/new", url.Values{"email": {email}, "name": {p.Text}, "role": {"editor"},
			"ui_lang": {"ru"}, "password": {"a fine long passphrase of words"}})
		if code != http.StatusSeeOther {
			t.Fatalf("create the account named with payload %d: %d %s", p.ID, code, pageError(body))
		}
		id, err := strconv.ParseInt(strings.TrimPrefix(loc, "/admin/users/"), 10, 64)
		if err != nil {
			t.Fatalf("creating an account led to %q", loc)
		}
		out.users = append(out.users, id)
	}

	// Messages of the contact form's inbox, each from a payload with an
	// address that breaks out of JavaScript strings, written with every
	// payload. They are stored directly: the form itself refuses many of
	// these (see internal/admin's tests), and its rate limit would stop
	// the rest; what is tested here is how the inbox shows them. A NUL,
	// which the form refuses, becomes U+FFFD as in the admin's forms:
	// PostgreSQL cannot store one.
	for i, p := range payloads {
		noNUL := strings.NewReplacer("\x00", "\uFFFD").Replace
		id, err := s.app.Store.AddMessage(ctx, content.Message{Lang: languages[i%len(languages)], Name: noNUL(p.Text),
			Email: noNUL(xssEmailPayload(100 + i)), Body: noNUL(p.Text + "\n\n" + lines), Sender: fmt.Sprintf("%016x", i),
			CreatedAt: time.Now()}, nil)
		if err != nil {
			t.Fatal(err)
		}
		out.messages = append(out.messages, id)
	}
	return out
}

// visit is a page the test loads.
type visit struct {
	path       string
	heading    string // the planted text the page's h1 must show, if set
	editor     bool   // an editor, whose previews must be rendered first
	sourceDiff bool   // an outdated translation's editor
	// bypassedOnly pages are loaded in the pass with the CSP bypassed
	// only: one template shown once per payload, where that pass (in which
	// an injection would run) is enough.
	bypassedOnly bool
	// must is a JavaScript condition that shows the page holds what was
	// planted, so that the check is not vacuous.
	must string
}

// pagesToVisit lists every page that shows planted text: each text's
// public page (the home pages and the lists of partners and government
// bodies among them), editor and newest revision; a missing page in each
// language; the dashboard, the board, the users and their forms, the
// account, the settings, the media library and its image, and the whole
// audit log.
func (p planted) pagesToVisit(t *testing.T, s *site, c *adminClient) []visit {
	t.Helper()
	ctx := context.Background()
	pages, err := s.app.Store.Pages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	orgs, err := s.app.Store.Organisations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	parent := map[string]map[content.OrgRole]string{}
	for _, l := range languages {
		parent[l] = map[content.OrgRole]string{}
		for _, pg := range pages {
			switch pg.Key {
			case "partners":
				parent[l][content.RoleFunder] = "/" + l + "/" + pg.Texts[l].Slug
				parent[l][content.RoleImplementer] = "/" + l + "/" + pg.Texts[l].Slug
			case "government":
				parent[l][content.RoleGovernment] = "/" + l + "/" + pg.Texts[l].Slug
			}
		}
	}
	slug := map[int64]map[string]string{}
	for _, pg := range pages {
		slug[pg.ID] = map[string]string{}
		for l, tx := range pg.Texts {
			slug[pg.ID][l] = tx.Slug
		}
	}
	for _, o := range orgs {
		slug[o.ID] = map[string]string{}
		for l, tx := range o.Texts {
			slug[o.ID][l] = tx.Slug
		}
	}

	// Every text shows the library's image, with the library's
	// alternative text for its language.
	const showsImage = `[...document.querySelectorAll('main img')].some(i => (i.getAttribute('src') || '').startsWith('/media/') && i.alt.length > 10)`
	var out []visit
	for _, tx := range p.texts {
		v := visit{heading: tx.title, must: showsImage}
		switch {
		case tx.isHome:
			v = visit{path: "/" + tx.lang + "/", must: showsImage}
		case tx.isOrg:
			v.path = parent[tx.lang][tx.role] + "/" + slug[tx.id][tx.lang]
			if p.websites[tx.id] {
				v.must += ` && document.querySelector('p.website a[rel=external]') !== null`
			}
		default:
			v.path = "/" + tx.lang + "/" + slug[tx.id][tx.lang]
		}
		out = append(out, v, visit{path: fmt.Sprintf("/admin/edit/%d/%s", tx.id, tx.lang), editor: true,
			sourceDiff: tx.outdated, must: `[...document.querySelectorAll('form.editor textarea')].some(ta => ta.value.includes('<script>top.__xss=1</script>'))`})
		revs, err := s.app.Store.Revisions(ctx, tx.id, tx.lang, 1)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range revs {
			out = append(out, visit{path: fmt.Sprintf("/admin/revisions/%d", r.ID), must: `document.querySelectorAll('pre.diff span').length > 0`})
		}
	}
	for _, l := range languages {
		out = append(out, visit{path: "/" + l + "/no-such-page"},
			visit{path: "/admin/settings/" + l, must: `document.getElementById('s-site_name').value !== '' && document.getElementById('s-footer').value.includes('<')`},
			visit{path: "/admin/board?lang=" + l})
	}
	out = append(out,
		visit{path: "/admin/", must: `document.querySelectorAll('section[aria-labelledby=review-h] li').length > 0 &&
			document.querySelectorAll('section[aria-labelledby=sched-h] li').length > 0 &&
			document.querySelectorAll('section[aria-labelledby=recent-h] li').length > 0`},
		visit{path: "/admin/board"},
		visit{path: "/admin/board?state=review", must: `document.querySelectorAll('table.board a.state-review').length > 0`},
		visit{path: "/admin/users", must: fmt.Sprintf(`document.querySelectorAll('main tbody tr').length > %d`, len(p.users))},
		visit{path: "/admin/account", must: `document.getElementById('name').value.includes('<script>')`},
		visit{path: "/admin/media"},
		visit{path: fmt.Sprintf("/admin/media/%d", p.media), must: `document.getElementById('alt-ru').value.includes('<script>')`})
	for _, id := range p.users {
		out = append(out, visit{path: fmt.Sprintf("/admin/users/%d", id), bypassedOnly: true,
			must: `document.getElementById('name').value !== ''`})
	}
	out = append(out, visit{path: "/admin/inbox", must: `document.querySelectorAll('table.inbox tbody tr').length >= 50 &&
			document.querySelector('table.inbox tbody').textContent.includes('<script>')`},
		visit{path: "/admin/inbox?page=2", must: `document.querySelectorAll('table.inbox tbody tr').length > 0`})
	for i, id := range p.messages {
		out = append(out, visit{path: fmt.Sprintf("/admin/inbox/%d", id), bypassedOnly: i >= 3,
			must: `document.querySelector('.message-body').textContent.includes('<script>top.__xss=1</script>') &&
				document.querySelector('a.button[href^="mailto:"]') !== null`})
	}
	for page := 1; ; page++ {
		path := "/admin/audit"
		if page > 1 {
			path += "?page=" + strconv.Itoa(page)
		}
		v := visit{path: path}
		if page == 1 {
			v.must = `document.querySelector('main tbody').textContent.includes('signin_failed')`
		}
		out = append(out, v)
		_, body := c.get(path)
		if !strings.Contains(body, `rel="next"`) {
			break
		}
	}
	return out
}

// xssTab is the browser tab of the test with what it watches: the
// dialogs that open and the errors the console logs.
type xssTab struct {
	t        *testing.T
	tab      context.Context
	log      *tabLog
	payloads map[int]xssPayload
	mu       sync.Mutex
	dialogs  []string
}

func newXSSTab(t *testing.T, payloads []xssPayload) *xssTab {
	t.Helper()
	x := &xssTab{t: t, log: &tabLog{}, payloads: map[int]xssPayload{}}
	for _, p := range payloads {
		x.payloads[p.ID] = p
	}
	x.tab = newTab(t, chromedp.WithListener(x.log.listen))
	// An alert blocks the page until it is answered: answer each at once,
	// and remember it.
	dialogs := chromedp.Events(x.tab, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			x.mu.Lock()
			x.dialogs = append(x.dialogs, fmt.Sprintf("%s %q on %s (%s)", ev.Type, ev.Message, ev.URL, x.describe(ev.Message)))
			x.mu.Unlock()
			chromedp.Call(x.tab, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	return x
}

// bypassCSP turns the page's Content-Security-Policy off or on for the
// pages loaded from now on.
func (x *xssTab) bypassCSP(on bool) {
	x.t.Helper()
	if _, err := chromedp.Call(x.tab, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: on}); err != nil {
		x.t.Fatalf("set bypass CSP %v: %v", on, err)
	}
}

// waitPreviews waits until the editor's script has rendered the live
// preview of every Markdown field that has text: the preview puts the
// server's sanitised HTML into the page with innerHTML.
func (x *xssTab) waitPreviews(where string) {
	x.t.Helper()
	const cond = `[...document.querySelectorAll('textarea[data-markdown]:not([readonly])')].every(ta =>
		ta.value.trim() === '' || (ta.nextElementSibling && ta.nextElementSibling.classList.contains('preview') && ta.nextElementSibling.innerHTML !== ''))`
	_, err := chromedp.Run(x.tab, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(5*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
	if err != nil {
		x.t.Fatalf("%s: the live previews were not rendered: %v", where, err)
	}
	if n := eval[int](x.t, x.tab, `document.querySelectorAll('.preview').length`); n == 0 {
		x.t.Fatalf("%s: the editor has no live preview", where)
	}
}

// xssScanJS, given a time to wait in milliseconds (for what runs late:
// images the live preview adds, autofocus), looks through the page for what a payload would have brought
// into the DOM had it escaped its escaping: script elements but the
// admin's own script, event-handler attributes, inline styles, URLs with a
// script or data scheme, and elements that embed or redirect. It returns
// the marker, if set, and what it found.
const xssScanJS = `(async (settle) => {
	await new Promise(r => { requestAnimationFrame(() => setTimeout(r, settle)); setTimeout(r, 50 + settle); });
	const out = [];
	const short = e => e.outerHTML.replace(/\s+/g, ' ').slice(0, 160);
	const urlAttrs = new Set(['href', 'src', 'action', 'formaction', 'data', 'background', 'poster', 'codebase',
		'cite', 'srcset', 'ping', 'lowsrc', 'dynsrc', 'longdesc', 'manifest', 'icon', 'xlink:href']);
	for (const e of document.querySelectorAll('*')) {
		const tag = e.localName;
		// Structured data is a data block the browser never runs: allowed
		// when it holds nothing but JSON, as the site writes it.
		const dataBlock = tag === 'script' && e.getAttribute('type') === 'application/ld+json' && !e.hasAttribute('src') &&
			e.closest('head') !== null && (() => { try { JSON.parse(e.textContent); return true; } catch { return false; } })();
		if (tag === 'script' && !dataBlock) {
			const src = e.getAttribute('src');
			if (e.textContent.trim() !== '' || src === null || !src.startsWith('/admin/static/')) out.push('script element: ' + short(e));
			if (/__xss|alert\(/.test(e.textContent + ' ' + src)) out.push('script element with the marker: ' + short(e));
		}
		if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'style', 'portal', 'math', 'template'].includes(tag) ||
			(tag === 'svg' && !e.matches('svg.chart')) || (tag === 'meta' && e.hasAttribute('http-equiv')) ||
			(tag === 'link' && !e.closest('head'))) {
			out.push('<' + tag + '> element: ' + short(e));
		}
		for (const a of e.attributes) {
			const n = a.name.toLowerCase();
			if (n.startsWith('on') || n === 'style' || n === 'srcdoc' || n === 'formaction') out.push('attribute ' + n + ': ' + short(e));
			if (urlAttrs.has(n) || n.endsWith(':href')) {
				const v = a.value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '').toLowerCase();
				if (/^(javascript|vbscript|livescript|data):/.test(v)) out.push('URL ' + n + ': ' + short(e));
			}
		}
	}
	return {marker: typeof window.__xss === 'undefined' ? '' : String(window.__xss), found: out};
})`

type xssScan struct {
	Marker string   `json:"marker"`
	Found  []string `json:"found"`
}

// check fails the test for every problem inspect finds.
func (x *xssTab) check(where string, settle time.Duration) {
	x.t.Helper()
	for _, p := range x.inspect(where, settle) {
		x.t.Errorf("%s: %s", where, p)
	}
}

// inspect looks at the page the tab shows, after waiting settle for
// what runs late: no marker, no dialog, nothing injected in the DOM, no CSP
// violation nor exception in the console.
func (x *xssTab) inspect(where string, settle time.Duration) []string {
	x.t.Helper()
	var problems []string
	scan := run(x.t, x.tab, "scan "+where, chromedp.Evaluate[xssScan](fmt.Sprintf("%s(%d)", xssScanJS, settle.Milliseconds()), chromedp.EvalAwaitPromise))
	if scan.Marker != "" {
		problems = append(problems, fmt.Sprintf("a payload RAN: window.__xss = %s (%s)", scan.Marker, x.describe(scan.Marker)))
	}
	for _, f := range scan.Found {
		problems = append(problems, "injected into the DOM: "+f)
	}
	x.mu.Lock()
	dialogs := x.dialogs
	x.dialogs = nil
	x.mu.Unlock()
	for _, d := range dialogs {
		problems = append(problems, "a payload RAN and opened a dialog: "+d)
	}
	errs, _ := x.log.take()
	for _, e := range errs {
		switch {
		case strings.Contains(e, "Content Security Policy") || strings.Contains(e, "Refused to"):
			problems = append(problems, "a CSP violation, so something was injected: "+e)
		case strings.Contains(e, "Failed to load resource"):
			// the 401 of a refused sign-in, a missing page's 404, the
			// admin's missing favicon
		default:
			problems = append(problems, e)
		}
	}
	return problems
}

// selfTest proves on the page the tab shows that inspect sees what it
// looks for: a script that runs, a dialog, an injected element and, with
// the CSP on, the violation of an inline script.
func (x *xssTab) selfTest(csp bool) {
	x.t.Helper()
	inject := `document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="top.__xss=1;alert(1)">'); void 0`
	wants := []string{"window.__xss = 1", "dialog", "attribute onerror"}
	if csp {
		inject = `document.body.appendChild(Object.assign(document.createElement('script'), {textContent: 'top.__xss = 1'})); void 0`
		wants = []string{"CSP violation", "script element with the marker"}
	}
	do(x.t, x.tab, "inject a script", chromedp.Evaluate[chromedp.Void](inject))
	// The dialog and the console arrive as events: give them a moment.
	var got []string
	for range 50 {
		got = append(got, x.inspect("self-test", 10*time.Millisecond)...)
		all := strings.Join(got, "\n")
		if !slices.ContainsFunc(wants, func(w string) bool { return !strings.Contains(all, w) }) {
			return
		}
	}
	x.t.Fatalf("an injected script (CSP %v) was not seen as it should: want %q, got %q", csp, wants, got)
}

// describe names the payload with id.
func (x *xssTab) describe(id string) string {
	n, err := strconv.Atoi(id)
	if err != nil {
		return "unknown"
	}
	if p, ok := x.payloads[n]; ok {
		return fmt.Sprintf("payload %d, %s: %q", n, p.Name, p.Text)
	}
	switch {
	case n >= 3000:
		return "the media file name payload"
	case n >= 2000:
		return "a website payload"
	case n >= 1000:
		return "an e-mail address payload"
	}
	return "unknown"
}
