package admin

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/mail"
	"github.com/datka-cms/datka/internal/store"
)

// The inbox holds what readers sent through the contact form: personal
// data, so only administrators and editors see it, and deleting a message
// deletes it for good (its notification mail too).

const inboxPageSize = 50

type inboxRow struct {
	URL, Name, Email, Excerpt, LangName string
	At                                  time.Time
	Unread                              bool
}

type inboxView struct {
	chrome
	Rows    []inboxRow
	Counts  string
	PrevURL string
	NextURL string
}

// canReadMessages lets administrators and editors through and answers
// 403 to everyone else.
func (h *handler) canReadMessages(w http.ResponseWriter, r *http.Request) bool {
	if !currentUser(r).CanReadMessages() {
		h.forbidden(w, r)
		return false
	}
	return true
}

func (h *handler) inbox(w http.ResponseWriter, r *http.Request) {
	if !h.canReadMessages(w, r) {
		return
	}
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	page = max(page, 1)
	list, err := h.st.Messages(r.Context(), inboxPageSize, (page-1)*inboxPageSize)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	v := inboxView{chrome: h.newChrome(w, r, "inbox_title")}
	v.Counts = v.tr.N("inbox_total_count", list.Total)
	if list.Unread > 0 {
		v.Counts += " · " + v.tr.N("inbox_unread_count", list.Unread)
	}
	for _, m := range list.Messages {
		v.Rows = append(v.Rows, inboxRow{URL: "/admin/inbox/" + itoa(m.ID), Name: m.Name, Email: m.Email,
			Excerpt: excerpt(oneLine(m.Body), 140), LangName: h.langName(&v.chrome, m.Lang), At: m.CreatedAt, Unread: m.Unread()})
	}
	if page*inboxPageSize < list.Total {
		v.NextURL = "/admin/inbox?page=" + strconv.Itoa(page+1)
	}
	if page > 1 {
		v.PrevURL = "/admin/inbox?page=" + strconv.Itoa(page-1)
	}
	h.render(w, r, http.StatusOK, "inbox", &v)
}

// oneLine is s with every run of spaces and line breaks made one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// langName names a content language in the editor's language.
func (h *handler) langName(c *chrome, code string) string {
	if name := c.T("lang_" + code); name != "lang_"+code {
		return name
	}
	if l, ok := h.langs.Get(code); ok {
		return l.Name
	}
	return code
}

type inboxMessageView struct {
	chrome
	Message     content.Message
	LangName    string
	ReplyURL    string
	Notice      string
	NoticeError string
}

// messageByPath reads the message the path names, answering 403 or 404
// itself when there is none to show.
func (h *handler) messageByPath(w http.ResponseWriter, r *http.Request) (content.Message, bool) {
	if !h.canReadMessages(w, r) {
		return content.Message{}, false
	}
	return byPathID(h, w, r, h.st.Message)
}

// inboxMessage shows a message and marks it read: the one GET of the
// admin that changes something, as opening a letter does.
func (h *handler) inboxMessage(w http.ResponseWriter, r *http.Request) {
	m, ok := h.messageByPath(w, r)
	if !ok {
		return
	}
	if m.Unread() {
		if err := h.st.MarkRead(r.Context(), m.ID, h.now()); err != nil {
			h.log.Error("mark message read", "message", m.ID, "err", err)
		}
	}
	v := inboxMessageView{chrome: h.newChrome(w, r, "inbox_message_title"), Message: m}
	v.LangName = h.langName(&v.chrome, m.Lang)
	v.ReplyURL = h.replyURL(r, m)
	switch m.Notice.Status {
	case content.MailNone:
		v.Notice = v.T("inbox_notice_off")
	case content.MailQueued:
		v.Notice = v.T("inbox_notice_queued")
		if m.Notice.Attempts > 0 {
			v.Notice += " " + v.tr.N("inbox_notice_attempts", m.Notice.Attempts)
			v.NoticeError = v.T("inbox_last_error", "Error", m.Notice.LastError)
		}
	case content.MailSent:
		v.Notice = v.T("inbox_notice_sent", "Date", m.Notice.SentAt.In(h.loc).Format("2006-01-02 15:04"))
	case content.MailFailed:
		v.Notice = v.tr.N("inbox_notice_failed", m.Notice.Attempts)
		v.NoticeError = v.T("inbox_last_error", "Error", m.Notice.LastError)
	}
	h.render(w, r, http.StatusOK, "inbox_message", &v)
}

// replyURL is a mailto: link to the reader, with a subject in the
// reader's language; "" when the stored address is not one plain address.
func (h *handler) replyURL(r *http.Request, m content.Message) string {
	if _, ok := mail.BareAddress(m.Email); !ok {
		return ""
	}
	site := ""
	if settings, err := h.st.Settings(r.Context()); err == nil {
		if s, ok := settings[m.Lang]; ok {
			site = s.ShortName
		} else {
			site = settings[h.langs.Default().Code].ShortName
		}
	}
	subject := h.cat.For(m.Lang).T("inbox_reply_subject", "Site", site)
	// PathEscape keeps "@" and escapes what mailto gives a meaning to
	// ("?", "#", "%", ","); the subject is a query value with spaces as %20.
	return "mailto:" + url.PathEscape(m.Email) + "?subject=" + strings.ReplaceAll(url.QueryEscape(subject), "+", "%20")
}

// inboxUnread marks a message unread again, for someone else to handle.
func (h *handler) inboxUnread(w http.ResponseWriter, r *http.Request) {
	m, ok := h.messageByPath(w, r)
	if !ok {
		return
	}
	if err := h.st.MarkRead(r.Context(), m.ID, time.Time{}); err != nil && !errors.Is(err, store.ErrNotFound) {
		h.serverError(w, r, err)
		return
	}
	h.flash(r, "inbox_marked_unread")
	http.Redirect(w, r, "/admin/inbox", http.StatusSeeOther)
}

// inboxDelete deletes a message and its notification mail. The audit log
// records that it happened, not what the message said or who wrote it.
func (h *handler) inboxDelete(w http.ResponseWriter, r *http.Request) {
	m, ok := h.messageByPath(w, r)
	if !ok {
		return
	}
	if err := h.st.DeleteMessage(r.Context(), m.ID); err != nil && !errors.Is(err, store.ErrNotFound) {
		h.serverError(w, r, err)
		return
	}
	h.record(r, content.AuditEntry{Action: "message_delete", Kind: "message", ItemID: m.ID, Lang: m.Lang,
		Detail: "received " + m.CreatedAt.UTC().Format(time.RFC3339)})
	h.flash(r, "inbox_deleted")
	http.Redirect(w, r, "/admin/inbox", http.StatusSeeOther)
}
