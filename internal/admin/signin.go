package admin

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/datka-cms/datka/internal/auth"
	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/store"
)

// Throttling of sign-in: failures counted over a window, per account
// (whether it exists or not, so that the answer tells nothing) and per
// address.
const (
	throttleWindow     = 15 * time.Minute
	maxAccountFailures = 5
	maxAddressFailures = 20
)

type signinView struct {
	chrome
	Email string
	Next  string
}

func (h *handler) signinForm(w http.ResponseWriter, r *http.Request) {
	if h.sessions.GetInt64(r.Context(), keyUserID) != 0 {
		http.Redirect(w, r, "/admin/", http.StatusSeeOther)
		return
	}
	v := signinView{chrome: h.newChrome(w, r, "admin_signin"), Next: localNext(r.URL.Query().Get("next"))}
	h.render(w, r, http.StatusOK, "signin", &v)
}

func urlEscape(s string) string { return url.QueryEscape(s) }

func (h *handler) signin(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, http.StatusBadRequest, "admin_bad_form")
		return
	}
	ctx := r.Context()
	email := strings.TrimSpace(r.PostForm.Get("email"))
	password := r.PostForm.Get("password")
	next := localNext(r.PostForm.Get("next"))
	acctKey := "account:" + strings.ToLower(email)
	addrKey := "address:" + clientAddress(r)
	since := h.now().Add(-throttleWindow)

	refuse := func(status int, message string) {
		v := signinView{chrome: h.newChrome(w, r, "admin_signin"), Email: email, Next: next}
		v.Error = v.T(message)
		h.render(w, r, status, "signin", &v)
	}
	nAcct, err := h.st.AuthFailures(ctx, acctKey, since)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	nAddr, err := h.st.AuthFailures(ctx, addrKey, since)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if nAcct >= maxAccountFailures || nAddr >= maxAddressFailures {
		h.record(r, content.AuditEntry{Action: "signin_throttled", Detail: email})
		w.Header().Set("Retry-After", "900")
		refuse(http.StatusTooManyRequests, "admin_signin_throttled")
		return
	}

	u, hash, err := h.st.UserByEmail(ctx, email)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		h.serverError(w, r, err)
		return
	}
	ok := false
	if err == nil && hash != "" && !u.Disabled && len(password) <= 4*auth.MaxPasswordLen {
		ok, err = auth.Verify(password, hash)
		if err != nil {
			h.log.Error("password hash", "user", u.ID, "err", err)
		}
	} else {
		// Spend the same time as for a real account.
		auth.Verify(password, h.dummyHash())
	}
	if !ok {
		if err := h.st.RecordAuthFailure(ctx, h.now(), acctKey, addrKey); err != nil {
			h.log.Error("record sign-in failure", "err", err)
		}
		h.record(r, content.AuditEntry{Action: "signin_failed", Kind: "user", Detail: email})
		refuse(http.StatusUnauthorized, "admin_signin_failed")
		return
	}
	if err := h.sessions.RenewToken(ctx); err != nil {
		h.serverError(w, r, err)
		return
	}
	h.sessions.Put(ctx, keyUserID, u.ID)
	h.sessions.Put(ctx, keyEpoch, u.SessionEpoch)
	if err := h.st.ClearAuthFailures(ctx, acctKey); err != nil {
		h.log.Error("clear sign-in failures", "err", err)
	}
	h.record(r, content.AuditEntry{UserID: u.ID, UserEmail: u.Email, Action: "signin", Kind: "user", ItemID: u.ID})
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (h *handler) signout(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if id := h.sessions.GetInt64(ctx, keyUserID); id != 0 {
		if u, err := h.st.User(ctx, id); err == nil {
			h.record(r, content.AuditEntry{UserID: u.ID, UserEmail: u.Email, Action: "signout", Kind: "user", ItemID: u.ID})
		}
	}
	if err := h.sessions.Destroy(ctx); err != nil {
		h.serverError(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/signin", http.StatusSeeOther)
}
