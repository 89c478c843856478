package admin

import (
	"net/http"
	"strings"

	"github.com/datka-cms/datka/internal/auth"
	"github.com/datka-cms/datka/internal/content"
)

type accountView struct {
	chrome
	Name    string
	UILangs []langChoice
	Errors  map[string]string
}

func (h *handler) accountView(w http.ResponseWriter, r *http.Request, name, uiLang string) accountView {
	v := accountView{chrome: h.newChrome(w, r, "admin_account"), Name: name, Errors: map[string]string{}}
	for _, l := range h.langs.All() {
		v.UILangs = append(v.UILangs, langChoice{Code: l.Code, Name: l.Name, Checked: l.Code == uiLang})
	}
	return v
}

func (h *handler) account(w http.ResponseWriter, r *http.Request) {
	u := currentUser(r)
	v := h.accountView(w, r, u.Name, h.uiLang(r, u))
	h.render(w, r, http.StatusOK, "account", &v)
}

// accountSave changes one's own name, interface language and password.
func (h *handler) accountSave(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, http.StatusBadRequest, "admin_bad_form")
		return
	}
	ctx := r.Context()
	u := currentUser(r)
	name := r.PostForm.Get("name")
	uiLang := r.PostForm.Get("ui_lang")
	if _, ok := h.langs.Get(uiLang); !ok {
		uiLang = u.UILang
	}
	current, next := r.PostForm.Get("current_password"), r.PostForm.Get("new_password")
	problems := map[string]string{}
	if len([]rune(name)) > 120 {
		problems["name"] = "admin_name_too_long"
	}
	if next != "" {
		_, hash, err := h.st.UserByEmail(ctx, u.Email)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		// The current password is checked under the same throttle as
		// sign-in, so that a stolen session cannot be used to guess it.
		acctKey := "account:" + strings.ToLower(u.Email)
		n, err := h.st.AuthFailures(ctx, acctKey, h.now().Add(-throttleWindow))
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		if n >= maxAccountFailures {
			problems["current_password"] = "admin_signin_throttled"
		} else if ok, _ := auth.Verify(current, hash); !ok {
			problems["current_password"] = "admin_current_password_wrong"
			if err := h.st.RecordAuthFailure(ctx, h.now(), acctKey, "address:"+clientAddress(r)); err != nil {
				h.log.Error("record password failure", "err", err)
			}
			h.record(r, content.AuditEntry{Action: "password_change_failed", Kind: "user", ItemID: u.ID})
		} else if p := h.policy.Check(next, u.Email); p != "" {
			problems["new_password"] = string(p)
		}
	}
	if len(problems) > 0 {
		v := h.accountView(w, r, name, uiLang)
		v.Errors = translateAll(&v.chrome, problems)
		v.Error = v.T("admin_form_has_errors")
		h.render(w, r, http.StatusUnprocessableEntity, "account", &v)
		return
	}
	u.Name, u.UILang = name, uiLang
	if err := h.st.UpdateUser(ctx, u); err != nil {
		h.serverError(w, r, err)
		return
	}
	if next != "" {
		hash, err := auth.Hash(next, h.hash)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		epoch, err := h.st.SetPassword(ctx, u.ID, hash)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		// Other sessions end; this one continues under a new token.
		if err := h.sessions.RenewToken(ctx); err != nil {
			h.serverError(w, r, err)
			return
		}
		h.sessions.Put(ctx, keyEpoch, epoch)
		h.record(r, content.AuditEntry{Action: "password_change", Kind: "user", ItemID: u.ID})
	}
	h.flash(r, "admin_saved")
	http.Redirect(w, r, "/admin/account", http.StatusSeeOther)
}
