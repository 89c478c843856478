package admin_test

import (
	"context"
	"html"
	"io"
	"mime"
	"mime/quotedprintable"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/config"
	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/mail/mailtest"
)

// The contacts page of the default site in each language.
const (
	contactsEN = "/en/contacts"
	contactsRU = "/ru/kontakty"
	contactsKY = "/ky/baylanysh"
)

var tokenRE = regexp.MustCompile(`<input type="hidden" name="token" value="([^"]+)">`)

// formToken opens the contacts page at path and returns its form's signed
// timestamp.
func (b *browser) formToken(t *testing.T, path string) string {
	t.Helper()
	res := b.check(t, scenario{path: path, wantStatus: http.StatusOK})
	m := tokenRE.FindStringSubmatch(res.body)
	if m == nil {
		t.Fatalf("GET %s: no form token in the page", path)
	}
	return m[1]
}

// humanPause waits as long as a person takes to fill in the form at the
// least: the form refuses what comes back faster.
func humanPause() { time.Sleep(3100 * time.Millisecond) }

func contactForm(token, name, email, message string) url.Values {
	return url.Values{"token": {token}, "name": {name}, "email": {email}, "message": {message}, "website": {""}}
}

func (s *site) messages(t *testing.T) []content.Message {
	t.Helper()
	list, err := s.app.Store.Messages(t.Context(), 1000, 0)
	if err != nil {
		t.Fatal(err)
	}
	if list.Total != len(list.Messages) {
		t.Fatalf("Total %d, but %d messages listed", list.Total, len(list.Messages))
	}
	return list.Messages
}

func TestContactFormToInbox(t *testing.T) {
	t.Parallel()
	s := newSite(t, nil)
	reader := s.browser(t, "ky")
	token := reader.formToken(t, contactsKY)
	humanPause()

	t.Run("the contacts page is rendered afresh, never from the cache", func(t *testing.T) {
		if again := reader.formToken(t, contactsKY); again == token {
			t.Error("two visits seconds apart got the same form timestamp: the page came from the cache")
		}
	})
	reader.check(t, scenario{name: "a valid message", method: http.MethodPost, path: contactsKY,
		form:       contactForm(token, "  Айгүл Асанова ", " aigul@example.kg ", "  Саламатсызбы!\r\nТренинг качан болот?\r\n  "),
		wantStatus: http.StatusSeeOther, wantHeader: map[string]string{"Location": contactsKY + "?sent=1#write"}})
	reader.check(t, scenario{name: "the confirmation", path: contactsKY + "?sent=1", wantStatus: http.StatusOK,
		contains: []string{`<div class="form-sent" role="status">`, "Рахмат, билдирүүңүз жөнөтүлдү.", "<title>Билдирүү жөнөтүлдү — "},
		excludes: []string{"error-summary", "Айгүл"}})
	reader.check(t, scenario{name: "no confirmation without ?sent=1", path: contactsKY, wantStatus: http.StatusOK,
		excludes: []string{"form-sent"}})

	msgs := s.messages(t)
	if len(msgs) != 1 {
		t.Fatalf("%d messages stored, want 1", len(msgs))
	}
	m := msgs[0]
	if m.Lang != "ky" || m.Name != "Айгүл Асанова" || m.Email != "aigul@example.kg" || m.Body != "Саламатсызбы!\nТренинг качан болот?" {
		t.Errorf("stored %+v", m)
	}
	if !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(m.Sender) || strings.Contains(m.Sender, "127.0.0") {
		t.Errorf("sender %q, want a 16-digit keyed hash", m.Sender)
	}
	if time.Since(m.CreatedAt) > time.Minute || !m.Unread() {
		t.Errorf("created %v, read %v", m.CreatedAt, m.ReadAt)
	}
	msgPath := "/admin/inbox/" + strconv.FormatInt(m.ID, 10)

	admin := s.browser(t, "en")
	admin.mustSignin(t, adminEmail, adminPassword)
	admin.check(t, scenario{name: "the dashboard counts the new message", path: "/admin/", wantStatus: http.StatusOK,
		contains: []string{`href="/admin/inbox"`, "New messages", "1 new message"}})
	admin.check(t, scenario{name: "the inbox lists it as new", path: "/admin/inbox", wantStatus: http.StatusOK,
		contains: []string{`<tr class="unread"><td><strong>New</strong>`, "Айгүл Асанова", "aigul@example.kg", "Саламатсызбы! Тренинг качан болот?",
			`href="` + msgPath + `"`, "1 message in all · 1 new message", "Kyrgyz", `aria-current="page">Messages</a>`}})
	admin.check(t, scenario{name: "the message, opened", path: msgPath, wantStatus: http.StatusOK,
		contains: []string{`<html lang="en">`, "<dd>Kyrgyz</dd>", "Саламатсызбы!\nТренинг качан болот?", "aigul@example.kg", m.Sender,
			`href="mailto:aigul@example.kg?subject=Re%3A%20`, "None: notification mail was not configured"}})
	if got, _ := s.app.Store.Message(t.Context(), m.ID); got.Unread() {
		t.Error("opening the message did not mark it read")
	}
	admin.check(t, scenario{name: "read now", path: "/admin/inbox", wantStatus: http.StatusOK,
		contains: []string{"<td>Read</td>", "1 message in all"}, excludes: []string{"1 new message", `class="unread"`}})
	admin.check(t, scenario{name: "no new message on the dashboard", path: "/admin/", wantStatus: http.StatusOK,
		contains: []string{"No new messages."}})
	admin.check(t, scenario{name: "marked unread again", method: http.MethodPost, path: msgPath + "/unread",
		wantStatus: http.StatusSeeOther, wantHeader: map[string]string{"Location": "/admin/inbox"}})
	admin.check(t, scenario{name: "new again", path: "/admin/inbox", wantStatus: http.StatusOK,
		contains: []string{"The message is marked as unread.", "1 new message"}})
	admin.check(t, scenario{name: "the reply link speaks the reader's language", path: msgPath, wantStatus: http.StatusOK,
		contains: []string{"?subject=Re%3A%20" + url.PathEscape("ДаткАйым") + "%20"}})
	admin.check(t, scenario{name: "deleted", method: http.MethodPost, path: msgPath + "/delete",
		wantStatus: http.StatusSeeOther, wantHeader: map[string]string{"Location": "/admin/inbox"}})
	admin.check(t, scenario{name: "the inbox after deleting", path: "/admin/inbox", wantStatus: http.StatusOK,
		contains: []string{"The message was deleted.", "No messages yet."}, excludes: []string{"Айгүл"}})
	admin.check(t, scenario{name: "the deleted message", path: msgPath, wantStatus: http.StatusNotFound})
	if n := len(s.messages(t)); n != 0 {
		t.Errorf("%d messages after deleting, want 0", n)
	}
	e, ok := findAudit(s.audit(t), "message_delete", "received ")
	if !ok || e.UserEmail != adminEmail || e.ItemID != m.ID || e.Kind != "message" {
		t.Errorf("the deletion is not in the audit log as it should be: %+v (found %v)", e, ok)
	}
	if strings.Contains(e.Detail, "aigul") || strings.Contains(e.Detail, "Айгүл") {
		t.Errorf("the audit log keeps the reader's data: %q", e.Detail)
	}
}

func TestContactFormRefusesBadInput(t *testing.T) {
	t.Parallel()
	s := newSite(t, nil)
	b := s.browser(t, "en")
	token := b.formToken(t, contactsEN)
	humanPause()
	const (
		name    = "Reader"
		email   = "reader@example.org"
		message = "A question about the trainings."
	)
	tests := []struct {
		name  string
		form  url.Values
		field string // the field marked invalid
		want  string // its message
		kept  []string
	}{
		{name: "no name", form: contactForm(token, "   ", email, message), field: "name", want: "Enter your name.",
			kept: []string{`value="reader@example.org"`, message}},
		{name: "a name of 201 characters", form: contactForm(token, strings.Repeat("ж", 201), email, message), field: "name",
			want: "The name is too long: at most 200 characters.", kept: []string{strings.Repeat("ж", 201)}},
		{name: "a name with a line break", form: contactForm(token, "Reader\r\nBcc: victim@example.org", email, message), field: "name",
			want: "invisible control characters"},
		{name: "a name with a NUL", form: contactForm(token, "Read\x00er", email, message), field: "name", want: "invisible control characters"},
		{name: "a name that reverses text", form: contactForm(token, "Reader\u202Egro.elpmaxe", email, message), field: "name",
			want: "invisible control characters"},
		{name: "no address", form: contactForm(token, name, "", message), field: "email", want: "Enter your email address, so that we can reply."},
		{name: "not an address", form: contactForm(token, name, "reader at example.org", message), field: "email",
			want: "Enter one email address in the form name@example.org.", kept: []string{`value="reader at example.org"`}},
		{name: "an address of 10 kB", form: contactForm(token, name, strings.Repeat("a", 10000)+"@example.org", message), field: "email",
			want: "Enter one email address"},
		{name: "an address with a second header", form: contactForm(token, name, "reader@example.org\r\nBcc: victim@example.org", message),
			field: "email", want: "invisible control characters"},
		{name: "an address with a display name", form: contactForm(token, name, "Victim <victim@example.org>", message), field: "email",
			want: "Enter one email address", kept: []string{`value="Victim &lt;victim@example.org&gt;"`}},
		{name: "two addresses", form: contactForm(token, name, "reader@example.org, victim@example.org", message), field: "email",
			want: "Enter one email address"},
		{name: "an address without a dotted domain", form: contactForm(token, name, "reader@localhost", message), field: "email",
			want: "Enter one email address"},
		{name: "a message of 9 characters", form: contactForm(token, name, email, "  Too shor  "), field: "message",
			want: "The message is too short: write at least 10 characters.", kept: []string{"Too shor"}},
		{name: "a message of 5001 characters", form: contactForm(token, name, email, strings.Repeat("ё", 5001)), field: "message",
			want: "The message is too long: it has 5001 characters, and at most 5000 fit."},
		{name: "a message that is not UTF-8", form: contactForm(token, name, email, "Hello \xff\xfe there, friends"), field: "message",
			want: "could not be read", kept: []string{"Hello \uFFFD there, friends"}},
		{name: "a message with an escape character", form: contactForm(token, name, email, "Hello \x1b[31m there, friends"), field: "message",
			want: "invisible control characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := b.check(t, scenario{method: http.MethodPost, path: contactsEN, form: tt.form, wantStatus: http.StatusUnprocessableEntity,
				contains: append([]string{`<div class="error-summary" role="alert"`, `<a href="#contact-` + tt.field + `">`,
					`id="contact-` + tt.field + `-error"`, "<title>Error — Contacts"}, tt.kept...)})
			input := regexp.MustCompile(`<(input|textarea) id="contact-` + tt.field + `"[^>]*>`).FindString(res.body)
			if !strings.Contains(input, `aria-invalid="true"`) || !regexp.MustCompile(`aria-describedby="[^"]*contact-`+tt.field+`-error"`).MatchString(input) {
				t.Errorf("the field is not marked invalid and described by its error: %s", input)
			}
			if !strings.Contains(html.UnescapeString(res.body), tt.want) {
				t.Errorf("the page does not say %q", tt.want)
			}
			if strings.Count(res.body, `aria-invalid="true"`) != 1 {
				t.Errorf("%d fields marked invalid, want 1", strings.Count(res.body, `aria-invalid="true"`))
			}
		})
	}
	t.Run("a form with every field wrong lists each problem, in order", func(t *testing.T) {
		res := b.check(t, scenario{method: http.MethodPost, path: contactsEN, form: contactForm(token, "", "x", "y"),
			wantStatus: http.StatusUnprocessableEntity})
		i, j, k := strings.Index(res.body, `href="#contact-name"`), strings.Index(res.body, `href="#contact-email"`), strings.Index(res.body, `href="#contact-message"`)
		if i < 0 || j < i || k < j {
			t.Errorf("the summary links at %d, %d, %d, want name, email, message in order", i, j, k)
		}
	})
	t.Run("a script in the message is kept as text", func(t *testing.T) {
		res := b.check(t, scenario{method: http.MethodPost, path: contactsEN,
			form: contactForm(token, `"><script>alert(1)</script>`, "x", "</textarea><script>alert(2)</script>"), wantStatus: http.StatusUnprocessableEntity,
			contains: []string{`value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"`, "&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;</textarea>"}})
		if strings.Contains(res.body, "<script>alert") {
			t.Error("the page echoes a script element")
		}
	})
	if n := len(s.messages(t)); n != 0 {
		t.Errorf("%d messages stored from refused forms, want 0", n)
	}
}

func TestContactFormSpamDefences(t *testing.T) {
	t.Parallel()
	s := newSite(t, nil)
	b := s.browser(t, "en")
	fresh := b.formToken(t, contactsEN)
	ts, sig, _ := strings.Cut(fresh, ".")
	n, _ := strconv.ParseInt(ts, 10, 64)
	valid := func(token string) url.Values {
		return contactForm(token, "Reader", "reader@example.org", "A question about the trainings.")
	}
	t.Run("sent back at once", func(t *testing.T) {
		b.check(t, scenario{method: http.MethodPost, path: contactsEN, form: valid(fresh), wantStatus: http.StatusUnprocessableEntity,
			contains: []string{"very quickly after the page opened", `value="reader@example.org"`, "A question about the trainings.",
				// The form shown again keeps the time it was first served.
				`<input type="hidden" name="token" value="` + fresh + `">`}})
	})
	humanPause()
	for _, tt := range []struct{ name, token string }{
		{"no timestamp", ""},
		{"a timestamp without a signature", ts},
		{"a timestamp moved back a day, with the old signature", strconv.FormatInt(n-86400, 10) + "." + sig},
		{"a forged signature", ts + ".AAAA"},
		{"garbage", "<script>"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := b.check(t, scenario{method: http.MethodPost, path: contactsEN, form: valid(tt.token), wantStatus: http.StatusUnprocessableEntity,
				contains: []string{"The form was open for more than a day, or could not be checked.", "A question about the trainings."}})
			if m := tokenRE.FindStringSubmatch(res.body); m == nil || m[1] == tt.token || m[1] == fresh {
				t.Errorf("the form shown again carries %q, want a new timestamp", m)
			}
		})
	}
	t.Run("a filled honeypot looks like success and stores nothing", func(t *testing.T) {
		form := valid(fresh)
		form.Set("website", "https://spam.example")
		b.check(t, scenario{method: http.MethodPost, path: contactsEN, form: form, wantStatus: http.StatusSeeOther,
			wantHeader: map[string]string{"Location": contactsEN + "?sent=1#write"}})
	})
	t.Run("even with every other field wrong", func(t *testing.T) {
		b.check(t, scenario{method: http.MethodPost, path: contactsEN,
			form:       url.Values{"website": {"x"}, "email": {"not an address"}},
			wantStatus: http.StatusSeeOther, wantHeader: map[string]string{"Location": contactsEN + "?sent=1#write"}})
	})
	t.Run("a cross-origin post is refused", func(t *testing.T) {
		b.check(t, scenario{method: http.MethodPost, path: contactsEN, form: valid(fresh),
			header: hdr("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"), wantStatus: http.StatusForbidden})
		b.check(t, scenario{method: http.MethodPost, path: contactsEN, form: valid(fresh),
			header: hdr("Sec-Fetch-Site", "", "Origin", "https://evil.example"), wantStatus: http.StatusForbidden})
	})
	if n := len(s.messages(t)); n != 0 {
		t.Errorf("%d messages stored, want none", n)
	}
	t.Run("the valid form goes through", func(t *testing.T) {
		b.check(t, scenario{method: http.MethodPost, path: contactsEN, form: valid(fresh), wantStatus: http.StatusSeeOther})
		if n := len(s.messages(t)); n != 1 {
			t.Errorf("%d messages stored, want 1", n)
		}
	})
}

func TestContactFormRateLimit(t *testing.T) {
	t.Parallel()
	s := newSite(t, nil)
	b := s.browserFrom(t, "ru", "127.0.0.3")
	token := b.formToken(t, contactsRU)
	humanPause()
	for i := range 5 {
		b.check(t, scenario{method: http.MethodPost, path: contactsRU, wantStatus: http.StatusSeeOther,
			form: contactForm(token, "Читатель", "reader@example.org", "Сообщение номер "+strconv.Itoa(i+1)+".")})
	}
	res := b.check(t, scenario{name: "the sixth message", method: http.MethodPost, path: contactsRU, wantStatus: http.StatusTooManyRequests,
		form:     contactForm(token, "Читатель", "reader@example.org", "Сообщение номер 6, которое не должно пропасть."),
		contains: []string{"С вашего подключения отправлено слишком много сообщений.", "ваш текст сохранён ниже", "Сообщение номер 6, которое не должно пропасть.", `<html lang="ru"`}})
	if ra, err := strconv.Atoi(res.header.Get("Retry-After")); err != nil || ra < 60 || ra > 13*60 {
		t.Errorf("Retry-After %q, want the seconds until the next message is allowed (about 12 minutes)", res.header.Get("Retry-After"))
	}
	if !regexp.MustCompile(`через 1[0-2] минут`).MatchString(res.body) {
		t.Error("the page does not say in how many minutes to try again, in words for the number")
	}
	t.Run("a honeypot does not get past the limit either", func(t *testing.T) {
		form := contactForm(token, "Bot", "bot@example.org", "Buy now, buy now.")
		form.Set("website", "x")
		b.check(t, scenario{method: http.MethodPost, path: contactsRU, form: form, wantStatus: http.StatusTooManyRequests})
	})
	t.Run("another address is not limited", func(t *testing.T) {
		other := s.browserFrom(t, "ru", "127.0.0.4")
		other.check(t, scenario{method: http.MethodPost, path: contactsRU, wantStatus: http.StatusSeeOther,
			form: contactForm(token, "Другой", "other@example.org", "Сообщение с другого адреса.")})
	})
	if n := len(s.messages(t)); n != 6 {
		t.Errorf("%d messages stored, want 6", n)
	}
}

func TestContactFormOnlyOnTheContactsPage(t *testing.T) {
	t.Parallel()
	s := newSite(t, nil)
	b := s.browser(t, "en")
	token := b.formToken(t, contactsEN)
	form := contactForm(token, "Reader", "reader@example.org", "A question about the trainings.")
	for _, sc := range []scenario{
		{name: "another page", path: "/en/partners", wantStatus: http.StatusMethodNotAllowed, wantHeader: map[string]string{"Allow": "GET, HEAD"}},
		{name: "the home page", path: "/en/", wantStatus: http.StatusMethodNotAllowed},
		{name: "an organisation", path: "/en/partners/european-union", wantStatus: http.StatusMethodNotAllowed},
		{name: "the contacts page by another language's address", path: "/en/kontakty", wantStatus: http.StatusMethodNotAllowed},
		{name: "no page", path: "/en/no-such-page", wantStatus: http.StatusNotFound},
		{name: "below the contacts page", path: "/en/contacts/x/y", wantStatus: http.StatusNotFound},
		{name: "no language", path: "/xx/contacts", wantStatus: http.StatusNotFound},
	} {
		sc.method, sc.form = http.MethodPost, form
		t.Run(sc.name, func(t *testing.T) { b.check(t, sc) })
	}
	if n := len(s.messages(t)); n != 0 {
		t.Errorf("%d messages stored, want 0", n)
	}
}

func TestInboxIsForAdministratorsAndEditors(t *testing.T) {
	t.Parallel()
	s := newSite(t, nil)
	id, err := s.app.Store.AddMessage(t.Context(), content.Message{Lang: "ru", Name: "Читатель", Email: "reader@example.org",
		Body: "Личное сообщение.", CreatedAt: time.Now()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	msgPath := "/admin/inbox/" + strconv.FormatInt(id, 10)
	anon := s.browser(t, "en")
	anon.check(t, scenario{name: "signed out", path: "/admin/inbox", wantStatus: http.StatusSeeOther,
		wantHeader: map[string]string{"Location": "/admin/signin?next=%2Fadmin%2Finbox"}})
	for _, u := range []struct {
		email string
		role  content.Role
		langs []string
		may   bool
	}{
		{email: "editor@example.org", role: content.RoleEditor, may: true},
		{email: "translator@example.org", role: content.RoleTranslator, langs: []string{"ru"}},
		{email: "author@example.org", role: content.RoleAuthor},
	} {
		t.Run(string(u.role), func(t *testing.T) {
			s.addUser(t, u.email, u.role, u.langs...)
			b := s.browser(t, "en")
			b.mustSignin(t, u.email, userPassword)
			if u.may {
				b.check(t, scenario{path: "/admin/", wantStatus: http.StatusOK, contains: []string{`href="/admin/inbox"`, "1 new message"}})
				b.check(t, scenario{path: "/admin/inbox", wantStatus: http.StatusOK, contains: []string{"Читатель"}})
				b.check(t, scenario{path: msgPath, wantStatus: http.StatusOK, contains: []string{"Личное сообщение."}})
				return
			}
			forbidden := []string{"Your account is not allowed to do this."}
			b.check(t, scenario{path: "/admin/", wantStatus: http.StatusOK, excludes: []string{`href="/admin/inbox"`, "New messages"}})
			b.check(t, scenario{path: "/admin/inbox", wantStatus: http.StatusForbidden, contains: forbidden, excludes: []string{"Читатель"}})
			b.check(t, scenario{path: msgPath, wantStatus: http.StatusForbidden, excludes: []string{"Личное сообщение.", "reader@example.org"}})
			b.check(t, scenario{method: http.MethodPost, path: msgPath + "/delete", wantStatus: http.StatusForbidden})
			b.check(t, scenario{method: http.MethodPost, path: msgPath + "/unread", wantStatus: http.StatusForbidden})
			if _, err := s.app.Store.Message(t.Context(), id); err != nil {
				t.Errorf("the message is gone after a refused delete: %v", err)
			}
		})
	}
	b := s.browser(t, "en")
	b.mustSignin(t, adminEmail, adminPassword)
	for _, sc := range []scenario{
		{name: "an unknown message", path: "/admin/inbox/999999", wantStatus: http.StatusNotFound},
		{name: "not a number", path: "/admin/inbox/x", wantStatus: http.StatusNotFound},
		{name: "deleting by GET", path: msgPath + "/delete", wantStatus: http.StatusMethodNotAllowed},
		{name: "deleting an unknown message", method: http.MethodPost, path: "/admin/inbox/999999/delete", wantStatus: http.StatusNotFound},
	} {
		t.Run(sc.name, func(t *testing.T) { b.check(t, sc) })
	}
}

// TestHostileMessagesAreShownAsText stores what a reader may type (and
// what only a broken or hostile client sends) and checks that the admin
// shows it as text, never as markup.
func TestHostileMessagesAreShownAsText(t *testing.T) {
	t.Parallel()
	s := newSite(t, nil)
	b := s.browser(t, "en")
	token := b.formToken(t, contactsEN)
	humanPause()
	name := `<img src=x onerror=alert(1)>"'`
	body := "Line one\r\n</div><script>alert(2)</script>\n<a href=\"javascript:alert(3)\">click</a>\r\n\u202Eevil\u202C and ‮ -> text"
	b.check(t, scenario{method: http.MethodPost, path: contactsEN, form: contactForm(token, name, "o'brien+x@example.org", body),
		wantStatus: http.StatusSeeOther})
	msgs := s.messages(t)
	if len(msgs) != 1 {
		t.Fatalf("%d messages stored, want 1", len(msgs))
	}
	m := msgs[0]
	if m.Name != name || m.Body != strings.ReplaceAll(body, "\r\n", "\n") {
		t.Errorf("stored %q / %q, want it as typed (line ends made \\n)", m.Name, m.Body)
	}
	admin := s.browser(t, "en")
	admin.mustSignin(t, adminEmail, adminPassword)
	bad := []string{"<script>alert", "<img src=x", `<a href="javascript:`, "onerror=alert(1)>"}
	admin.check(t, scenario{name: "the list", path: "/admin/inbox", wantStatus: http.StatusOK,
		contains: []string{"&lt;img src=x onerror=alert(1)&gt;&#34;&#39;", "&lt;/div&gt;&lt;script&gt;alert(2)&lt;/script&gt;"}, excludes: bad})
	res := admin.check(t, scenario{name: "the message", path: "/admin/inbox/" + strconv.FormatInt(m.ID, 10), wantStatus: http.StatusOK,
		contains: []string{"Line one\n&lt;/div&gt;&lt;script&gt;alert(2)&lt;/script&gt;\n&lt;a href=&#34;javascript:alert(3)&#34;&gt;click&lt;/a&gt;",
			`<div class="message-body" dir="auto">`, `href="mailto:o%27brien&#43;x@example.org?subject=`}, excludes: bad})
	if strings.Contains(res.body, `href="mailto:o'brien`) {
		t.Error("the reply link is not escaped")
	}
}

// TestContactNotificationMail runs the site with notification mail to a
// real SMTP server on 127.0.0.1 that is down at first: the reader sees
// "sent" at once, the mail waits, and goes out when the server is back,
// to the team only, answerable to the reader.
func TestContactNotificationMail(t *testing.T) {
	t.Parallel()
	addr := mailtest.FreeAddr(t)
	s := newSite(t, func(c *config.Config) {
		c.SMTPAddr, c.SMTPFrom, c.ContactTo = addr, "HERo <site@hero.example>", "team@hero.example"
	})
	if s.app.Outbox == nil {
		t.Fatal("mail is configured but the app has no outbox")
	}
	var mu sync.Mutex
	skew := time.Duration(0)
	s.app.Outbox.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); return time.Now().Add(skew) }
	s.app.Outbox.Every = 50 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); s.app.Outbox.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })

	b := s.browser(t, "ru")
	token := b.formToken(t, contactsRU)
	humanPause()
	// The address a visitor types can only ever be the Reply-To.
	b.check(t, scenario{method: http.MethodPost, path: contactsRU, wantStatus: http.StatusSeeOther,
		form: contactForm(token, "Читатель Ридеров", "reader@example.org", "Здравствуйте!\nКогда следующий тренинг?")})
	msgs := s.messages(t)
	if len(msgs) != 1 {
		t.Fatalf("%d messages, want 1", len(msgs))
	}
	msgPath := "/admin/inbox/" + strconv.FormatInt(msgs[0].ID, 10)
	admin := s.browser(t, "en")
	admin.mustSignin(t, adminEmail, adminPassword)
	deadline := time.Now().Add(10 * time.Second)
	for {
		m, _ := s.app.Store.Message(t.Context(), msgs[0].ID)
		if m.Notice.Attempts > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the outbox did not try the mail within 10 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	admin.check(t, scenario{name: "waiting while the server is down", path: msgPath, wantStatus: http.StatusOK,
		contains: []string{"Waiting to be sent.", "failed attempt", "Last error: mail: connect to " + addr}})

	srv := mailtest.StartAt(t, addr, mailtest.Options{})
	mu.Lock()
	skew = 2 * time.Minute // the minute of backoff has passed
	mu.Unlock()
	got := srv.Wait(1, 10*time.Second)
	if len(got) != 1 {
		t.Fatalf("%d mails received once the server was back, want 1", len(got))
	}
	m := got[0]
	if len(m.To) != 1 || m.To[0] != "team@hero.example" || m.Header("To") != "<team@hero.example>" {
		t.Errorf("recipients %q (To: %q), want only the team", m.To, m.Header("To"))
	}
	if m.From != "site@hero.example" || m.Header("Reply-To") != "<reader@example.org>" {
		t.Errorf("from %q, Reply-To %q", m.From, m.Header("Reply-To"))
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(m.Header("Subject"))
	if err != nil || subject != "ДаткАйым: сообщение от Читатель Ридеров" {
		t.Errorf("Subject %q (%v)", subject, err)
	}
	text, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(m.Body())))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Читатель Ридеров <reader@example.org> написал(а)", "(язык страницы: русский)",
		"Здравствуйте!\r\nКогда следующий тренинг?", "http://example.org/admin/inbox"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the mail lacks %q:\n%s", want, text)
		}
	}
	deadline = time.Now().Add(10 * time.Second)
	for {
		res := admin.check(t, scenario{path: msgPath, wantStatus: http.StatusOK})
		if strings.Contains(res.body, "Sent to the team:") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the message page does not say the mail was sent: %.300s", res.body)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
