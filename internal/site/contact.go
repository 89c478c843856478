package site

// The contact form. A reader writes to the project team from the contacts
// page; the message is stored in the database (and, when mail is
// configured, a notification to the team is queued in the same
// transaction), and shown in the admin's inbox. Once a reader has seen
// "sent", the message is in the database.
//
// Spam is kept out by three means, none of which needs JavaScript or
// makes the reader solve a puzzle:
//
//   - a honeypot: a field hidden from sight (but labelled "leave empty"
//     for screen readers), which robots fill in. A filled honeypot gets
//     the same "sent" answer as a real message, and nothing is stored.
//   - a signed timestamp: the form carries the time it was served, signed
//     with a key the site makes for itself; a form sent back within 3
//     seconds (faster than a person types) or after a day, or with a
//     forged time, is refused politely and shown again with the text
//     kept. A form shown again keeps its first timestamp while it is
//     valid, so that correcting a typo does not restart the clock.
//   - a rate limit per client address (5 messages at once, then one every
//     12 minutes), and one for the whole site (100 an hour), in memory.
//
// The timestamp and the page cache: a cached page would carry the time
// it was rendered, perhaps weeks ago, so the contacts page is never kept
// in the page cache: it is rendered for each request (as pages with a
// query string already are, so an attacker gains nothing from this), and
// its timestamp is fresh. The timestamp says when the form was served,
// nothing about who asked: the page holds nothing personal.
//
// The form never makes the site write to a reader: mail goes only to the
// configured team address, and the reader's address may only become the
// notification's Reply-To.

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/lang"
	"github.com/datka-cms/datka/internal/mail"
	"github.com/datka-cms/datka/internal/store"
)

// Limits of the contact form's fields, in characters (runes), except the
// address, whose limit is the SMTP one in bytes.
const (
	contactNameMax    = 200
	contactEmailMax   = 254
	contactMessageMin = 10
	contactMessageMax = 5000
)

// Time limits of the form's signed timestamp.
const (
	formMinAge = 3 * time.Second
	formMaxAge = 24 * time.Hour
	// formClockSkew is how far in the future a timestamp may be, for
	// instances whose clocks differ a little.
	formClockSkew = time.Minute
)

// contactForms holds what the contact form needs between requests.
type contactForms struct {
	st *store.Store
	// to is the team's address for notification mail; "" when mail is
	// off. queued is called after a mail was queued.
	to     string
	queued func()
	now    func() time.Time

	perClient *rateLimiter
	perSite   *rateLimiter

	mu        sync.Mutex
	formKey   []byte // signs the timestamps
	senderKey []byte // hashes the senders' networks
}

func newContactForms(st *store.Store, to string, queued func()) *contactForms {
	return &contactForms{
		st: st, to: to, queued: queued, now: time.Now,
		perClient: newRateLimiter(5, 12*time.Minute, 10000),
		perSite:   newRateLimiter(100, 36*time.Second, 1),
	}
}

// keys returns the form's keys, derived from one site secret made on
// first use.
func (c *contactForms) keys(ctx context.Context) ([]byte, []byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.formKey == nil {
		secret, err := c.st.Secret(ctx, "contact_form", 32)
		if err != nil {
			return nil, nil, err
		}
		c.formKey, c.senderKey = derive(secret, "form timestamp"), derive(secret, "sender network")
	}
	return c.formKey, c.senderKey, nil
}

func derive(secret []byte, label string) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(label))
	return m.Sum(nil)
}

// token is the signed timestamp "unix-seconds.signature".
func (c *contactForms) token(ctx context.Context) (string, error) {
	key, _, err := c.keys(ctx)
	if err != nil {
		return "", err
	}
	ts := strconv.FormatInt(c.now().Unix(), 10)
	return ts + "." + sign(key, ts), nil
}

func sign(key []byte, ts string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("contact form served at " + ts))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// checkToken returns the id of the problem with a form's token, or "".
func (c *contactForms) checkToken(ctx context.Context, tok string) (string, error) {
	key, _, err := c.keys(ctx)
	if err != nil {
		return "", err
	}
	ts, sig, ok := strings.Cut(tok, ".")
	secs, err := strconv.ParseInt(ts, 10, 64)
	if !ok || err != nil || !hmac.Equal([]byte(sig), []byte(sign(key, ts))) {
		return "contact_expired", nil
	}
	age := c.now().Sub(time.Unix(secs, 0))
	switch {
	case age < -formClockSkew || age > formMaxAge:
		return "contact_expired", nil
	case age < formMinAge:
		return "contact_too_fast", nil
	}
	return "", nil
}

// sender is a keyed hash of the reader's network (see the messages table).
func (c *contactForms) sender(ctx context.Context, remoteAddr string) (string, error) {
	_, key, err := c.keys(ctx)
	if err != nil {
		return "", err
	}
	network := clientNetwork(remoteAddr)
	if network == "" {
		return "", nil
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte(network))
	return hex.EncodeToString(m.Sum(nil))[:16], nil
}

// contactForm is what the reader typed, as typed (only made valid UTF-8
// for showing it again).
type contactForm struct {
	Name, Email, Message string
}

// formProblem is one entry of the error summary; Field is the id of the
// input it links to, "" for a problem of the whole form.
type formProblem struct {
	Field, Text string
}

type contactView struct {
	pageView
	Action string
	Token  string
	Form   contactForm
	// Errors are the problems by field name (name, email, message).
	Errors  map[string]string
	Summary []formProblem
	Sent    bool
	// Limits, for the fields' attributes and hints.
	NameMax, EmailMax, MessageMin, MessageMax int
	// Privacy says what happens to a message, and for how long it is kept.
	Privacy string
}

// contactView fills the contacts page's view, with a fresh form.
func (h *handler) contactView(r *http.Request, pv pageView, action string) (contactView, error) {
	tok, err := h.contact.token(r.Context())
	if err != nil {
		return contactView{}, err
	}
	return contactView{pageView: pv, Action: action, Token: tok, Errors: map[string]string{},
		NameMax: contactNameMax, EmailMax: contactEmailMax, MessageMin: contactMessageMin, MessageMax: contactMessageMax,
		Privacy: pv.tr.N("contact_form_privacy", h.keepMessagesDays)}, nil
}

// contacts shows the contacts page with the form, and the confirmation
// after a message was sent (?sent=1).
func (h *handler) contacts(w http.ResponseWriter, r *http.Request, pv pageView, action string) {
	// Never cached: every form carries the time it was served.
	r = r.WithContext(context.WithValue(r.Context(), cacheKeyCtx{}, nil))
	v, err := h.contactView(r, pv, action)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if r.URL.Query().Get("sent") == "1" {
		v.Sent = true
		v.Title = v.T("contact_title_sent", "Title", v.Title)
	}
	h.render(w, r, http.StatusOK, "contacts", &v)
}

// contactPost receives the contact form. It answers POSTs under every
// language prefix, and takes only those to a contacts page's own address.
func (h *handler) contactPost(w http.ResponseWriter, r *http.Request) {
	l, ok := h.pathLang(r)
	if !ok {
		h.notFound(w, r)
		return
	}
	d, err := h.loadSite(r)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	rest := r.PathValue("path")
	first, deeper, _ := strings.Cut(rest, "/")
	if first == "" {
		h.postNotAllowed(w, r, d, l, rest == "") // the home page takes no form
		return
	}
	p, ok, err := h.findPage(r, d, l, first)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	t, picked := pick(p.Texts, l)
	if !ok || !picked || deeper != "" {
		// Below a page are its organisations, which take no form either.
		h.postNotAllowed(w, r, d, l, ok && picked && !strings.Contains(deeper, "/"))
		return
	}
	action := h.pagePath(p, l)
	if p.Layout != content.LayoutContacts || action != r.URL.Path {
		h.postNotAllowed(w, r, d, l, true)
		return
	}
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "The form is too large.", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "The form could not be read.", http.StatusBadRequest)
		return
	}
	v, err := h.contactView(r, h.listView(r, d, l, p, t), action)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	raw := contactForm{Name: r.PostForm.Get("name"), Email: r.PostForm.Get("email"), Message: r.PostForm.Get("message")}
	v.Form = contactForm{Name: strings.ToValidUTF8(raw.Name, "\uFFFD"), Email: strings.ToValidUTF8(raw.Email, "\uFFFD"),
		Message: strings.ToValidUTF8(raw.Message, "\uFFFD")}
	refuse := func(status int) {
		v.Title = v.T("contact_title_error", "Title", v.Title)
		h.render(w, r, status, "contacts", &v)
	}

	// A form shown again keeps the time it was first served, while that
	// is valid: correcting a typo does not restart the clock.
	tokenProblem, err := h.contact.checkToken(r.Context(), r.PostForm.Get("token"))
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if tokenProblem == "" || tokenProblem == "contact_too_fast" {
		v.Token = r.PostForm.Get("token")
	}
	now := h.contact.now()
	client := clientKey(r.RemoteAddr)
	if wait := max(h.contact.perClient.wait(client, now), h.contact.perSite.wait("", now)); wait > 0 {
		h.tooMany(w, &v, wait, refuse)
		return
	}
	// A robot fills in every field: it gets what a person gets, and
	// nothing is stored. It still spends its rate.
	if r.PostForm.Get("website") != "" {
		h.contact.perClient.take(client, now)
		h.log.Info("contact form: the honeypot was filled in; nothing stored")
		http.Redirect(w, r, action+"?sent=1#write", http.StatusSeeOther)
		return
	}
	msg, problems := readContactForm(raw)
	for _, f := range []string{"name", "email", "message"} {
		if p, ok := problems[f]; ok {
			text := v.T(p.id)
			if p.plural {
				text = v.tr.N(p.id, p.count)
			}
			v.Errors[f] = text
			v.Summary = append(v.Summary, formProblem{Field: "contact-" + f, Text: text})
		}
	}
	if len(v.Summary) > 0 {
		refuse(http.StatusUnprocessableEntity)
		return
	}
	if tokenProblem != "" {
		v.Summary = append(v.Summary, formProblem{Text: v.T(tokenProblem)})
		refuse(http.StatusUnprocessableEntity)
		return
	}
	if !h.contact.perClient.take(client, now) || !h.contact.perSite.take("", now) {
		h.tooMany(w, &v, max(h.contact.perClient.wait(client, now), h.contact.perSite.wait("", now), time.Minute), refuse)
		return
	}
	msg.Lang, msg.CreatedAt = l.Code, now
	if msg.Sender, err = h.contact.sender(r.Context(), r.RemoteAddr); err != nil {
		h.log.Error("contact form: sender", "err", err)
	}
	var notice *content.OutboxMail
	if h.contact.to != "" {
		notice = h.notice(d, msg)
	}
	// The message must be stored even if the reader goes away now.
	id, err := h.st.AddMessage(context.WithoutCancel(r.Context()), msg, notice)
	if err != nil {
		// The reader keeps their text and is told to try again; the
		// failure is logged once, here.
		h.log.Error("contact form: message not stored", "err", err)
		v.Summary = append(v.Summary, formProblem{Text: v.T("contact_save_failed")})
		w.Header().Set("Retry-After", "60")
		refuse(http.StatusServiceUnavailable)
		return
	}
	h.log.Info("contact form: message stored", "message", id, "lang", l.Code, "mail_queued", notice != nil)
	if notice != nil && h.contact.queued != nil {
		h.contact.queued()
	}
	http.Redirect(w, r, action+"?sent=1#write", http.StatusSeeOther)
}

// tooMany answers 429 with the form, the reader's text kept.
func (h *handler) tooMany(w http.ResponseWriter, v *contactView, wait time.Duration, refuse func(int)) {
	minutes := int((wait + time.Minute - 1) / time.Minute)
	w.Header().Set("Retry-After", strconv.Itoa(int(wait/time.Second)+1))
	v.Summary = append(v.Summary, formProblem{Text: v.tr.N("contact_rate_limited", minutes)})
	refuse(http.StatusTooManyRequests)
}

// postNotAllowed answers a POST to a page that takes none (405), or to
// no page at all (404).
func (h *handler) postNotAllowed(w http.ResponseWriter, r *http.Request, d siteData, l lang.Language, exists bool) {
	if !exists {
		h.notFoundIn(w, r, d, l)
		return
	}
	w.Header().Set("Allow", "GET, HEAD")
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusMethodNotAllowed)
	fmt.Fprintln(w, "This page cannot receive forms.")
}

// notice is the mail to the team about m, in the site's default language.
func (h *handler) notice(d siteData, m content.Message) *content.OutboxMail {
	def := h.langs.Default()
	tr := h.cat.For(def.Code)
	site := d.settingsFor(def).ShortName
	language := tr.T("lang_" + m.Lang)
	if l, ok := h.langs.Get(m.Lang); ok && language == "lang_"+m.Lang {
		language = l.Name
	}
	body := tr.T("inbox_mail_intro", "Name", m.Name, "Email", m.Email, "Language", language, "Site", site) +
		"\n\n" + m.Body + "\n\n-- \n" + tr.T("inbox_mail_footer", "URL", h.absolute("/admin/inbox"))
	return &content.OutboxMail{Recipient: h.contact.to, ReplyTo: m.Email, Body: body,
		Subject: tr.T("inbox_mail_subject", "Name", m.Name, "Site", site)}
}

// fieldProblem is why a field was refused: a catalog id, plural with a
// count where the count is part of the message.
type fieldProblem struct {
	id     string
	plural bool
	count  int
}

// readContactForm checks the form; problems are by field.
func readContactForm(f contactForm) (content.Message, map[string]fieldProblem) {
	problems := map[string]fieldProblem{}
	name := strings.TrimSpace(f.Name)
	email := strings.TrimSpace(f.Email)
	body := strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(f.Message, "\r\n", "\n"), "\r", "\n"))
	switch n := utf8.RuneCountInString(name); {
	case !singleLine(name):
		problems["name"] = fieldProblem{id: "contact_invalid_characters"}
	case n == 0:
		problems["name"] = fieldProblem{id: "contact_name_missing"}
	case n > contactNameMax:
		problems["name"] = fieldProblem{id: "contact_name_too_long", plural: true, count: contactNameMax}
	}
	switch {
	case email == "":
		problems["email"] = fieldProblem{id: "contact_email_missing"}
	case !singleLine(email):
		problems["email"] = fieldProblem{id: "contact_invalid_characters"}
	case !validEmail(email):
		problems["email"] = fieldProblem{id: "contact_email_invalid"}
	}
	switch n := utf8.RuneCountInString(body); {
	case !multiLine(body):
		problems["message"] = fieldProblem{id: "contact_invalid_characters"}
	case n < contactMessageMin:
		problems["message"] = fieldProblem{id: "contact_message_too_short", plural: true, count: contactMessageMin}
	case n > contactMessageMax:
		problems["message"] = fieldProblem{id: "contact_message_too_long", plural: true, count: n}
	}
	return content.Message{Name: name, Email: email, Body: body}, problems
}

// validEmail accepts one plain address (no display name, no list, no
// comment) whose domain is a host name with a dot: an address the team
// can answer.
func validEmail(s string) bool {
	if len(s) > contactEmailMax {
		return false
	}
	if _, ok := mail.BareAddress(s); !ok {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	if !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") || strings.Contains(domain, "..") {
		return false
	}
	for _, r := range domain {
		if !(r == '.' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

// singleLine reports whether s is valid UTF-8 without control characters,
// line breaks or the invisible marks that reorder text.
func singleLine(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) || reorders(r) {
			return false
		}
	}
	return true
}

// multiLine is singleLine allowing line breaks and tabs, and the marks
// that right-to-left writing may need.
func multiLine(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return false
		}
	}
	return true
}

// reorders reports whether r is a bidirectional embedding, override or
// isolate, or a line or paragraph separator.
func reorders(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') || r == '\u2028' || r == '\u2029'
}
