package admin

import (
	"errors"
	"fmt"
	"net/http"
	"net/mail"
	"slices"
	"strconv"
	"strings"

	"github.com/datka-cms/datka/internal/auth"
	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/store"
)

type usersView struct {
	chrome
	Users []content.User
}

func (h *handler) users(w http.ResponseWriter, r *http.Request) {
	if !currentUser(r).CanManageUsers() {
		h.forbidden(w, r)
		return
	}
	list, err := h.st.Users(r.Context())
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	v := usersView{chrome: h.newChrome(w, r, "admin_users"), Users: list}
	h.render(w, r, http.StatusOK, "users", &v)
}

// userForm is the account form, as typed.
type userForm struct {
	Email     string
	Name      string
	Role      content.Role
	Languages []string
	UILang    string
	Disabled  bool
	Password  string
}

type langChoice struct {
	Code, Name string
	Checked    bool
}

type roleChoice struct {
	Role     content.Role
	Label    string
	Selected bool
}

type userView struct {
	chrome
	New       bool
	ID        int64
	Form      userForm
	Roles     []roleChoice
	Langs     []langChoice
	UILangs   []langChoice
	Errors    map[string]string
	Generated string // a password made for the account, shown once
}

func (h *handler) userView(w http.ResponseWriter, r *http.Request, isNew bool, id int64, f userForm) userView {
	title := "admin_user_edit"
	if isNew {
		title = "admin_user_new"
	}
	v := userView{chrome: h.newChrome(w, r, title), New: isNew, ID: id, Form: f, Errors: map[string]string{}}
	for _, role := range content.Roles() {
		v.Roles = append(v.Roles, roleChoice{Role: role, Label: v.T("role_" + string(role)), Selected: role == f.Role})
	}
	for _, l := range h.langs.All() {
		v.Langs = append(v.Langs, langChoice{Code: l.Code, Name: l.Name, Checked: slices.Contains(f.Languages, l.Code)})
		v.UILangs = append(v.UILangs, langChoice{Code: l.Code, Name: l.Name, Checked: l.Code == f.UILang})
	}
	return v
}

func (h *handler) userNew(w http.ResponseWriter, r *http.Request) {
	if !currentUser(r).CanManageUsers() {
		h.forbidden(w, r)
		return
	}
	v := h.userView(w, r, true, 0, userForm{Role: content.RoleEditor, UILang: h.langs.Default().Code})
	h.render(w, r, http.StatusOK, "user", &v)
}

// readUserForm reads and checks the form; problems are message ids by field.
func (h *handler) readUserForm(r *http.Request, isNew bool) (userForm, map[string]string) {
	f := userForm{
		Email:    strings.TrimSpace(r.PostForm.Get("email")),
		Name:     strings.TrimSpace(r.PostForm.Get("name")),
		Role:     content.Role(r.PostForm.Get("role")),
		UILang:   r.PostForm.Get("ui_lang"),
		Disabled: r.PostForm.Get("disabled") == "1",
		Password: r.PostForm.Get("password"),
	}
	problems := map[string]string{}
	for _, code := range r.PostForm["languages"] {
		if _, ok := h.langs.Get(code); ok && !slices.Contains(f.Languages, code) {
			f.Languages = append(f.Languages, code)
		}
	}
	if isNew {
		if a, err := mail.ParseAddress(f.Email); err != nil || a.Address != f.Email || len(f.Email) > 254 {
			problems["email"] = "admin_email_invalid"
		}
	}
	if len([]rune(f.Name)) > 120 {
		problems["name"] = "admin_name_too_long"
	}
	if !f.Role.Valid() {
		problems["role"] = "admin_role_invalid"
	}
	if f.Role == content.RoleTranslator && len(f.Languages) == 0 {
		problems["languages"] = "admin_translator_needs_language"
	}
	if f.Role != content.RoleTranslator {
		f.Languages = nil
	}
	if _, ok := h.langs.Get(f.UILang); !ok {
		f.UILang = h.langs.Default().Code
	}
	if f.Password != "" {
		if p := h.policy.Check(f.Password, f.Email); p != "" {
			problems["password"] = string(p)
		}
	}
	return f, problems
}

func (h *handler) userCreate(w http.ResponseWriter, r *http.Request) {
	if !currentUser(r).CanManageUsers() {
		h.forbidden(w, r)
		return
	}
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, http.StatusBadRequest, "admin_bad_form")
		return
	}
	f, problems := h.readUserForm(r, true)
	generated := ""
	if len(problems) == 0 && f.Password == "" {
		p, err := auth.GeneratePassword()
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		f.Password, generated = p, p
	}
	var id int64
	if len(problems) == 0 {
		hash, err := auth.Hash(f.Password, h.hash)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		id, err = h.st.CreateUser(r.Context(), content.User{Email: f.Email, Name: f.Name, Role: f.Role,
			Languages: f.Languages, UILang: f.UILang}, hash)
		if errors.Is(err, store.ErrDuplicate) {
			problems["email"] = "admin_email_taken"
		} else if err != nil {
			h.serverError(w, r, err)
			return
		}
	}
	f.Password = ""
	if len(problems) > 0 {
		v := h.userView(w, r, true, 0, f)
		v.Errors = translateAll(&v.chrome, problems)
		v.Error = v.T("admin_form_has_errors")
		h.render(w, r, http.StatusUnprocessableEntity, "user", &v)
		return
	}
	h.record(r, content.AuditEntry{Action: "user_create", Kind: "user", ItemID: id,
		Detail: fmt.Sprintf("%s role=%s languages=%s", f.Email, f.Role, strings.Join(f.Languages, ","))})
	if generated != "" {
		// Shown once, on this answer only; never stored in clear.
		v := h.userView(w, r, false, id, f)
		v.Generated = generated
		v.Flash = v.T("admin_user_created")
		h.render(w, r, http.StatusOK, "user", &v)
		return
	}
	h.flash(r, "admin_user_created")
	http.Redirect(w, r, "/admin/users/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
}

func translateAll(c *chrome, problems map[string]string) map[string]string {
	out := make(map[string]string, len(problems))
	for k, id := range problems {
		out[k] = c.T(id)
	}
	return out
}

func (h *handler) userByPath(w http.ResponseWriter, r *http.Request) (content.User, bool) {
	if !currentUser(r).CanManageUsers() {
		h.forbidden(w, r)
		return content.User{}, false
	}
	return byPathID(h, w, r, h.st.User)
}

func (h *handler) userEdit(w http.ResponseWriter, r *http.Request) {
	u, ok := h.userByPath(w, r)
	if !ok {
		return
	}
	v := h.userView(w, r, false, u.ID, userForm{Email: u.Email, Name: u.Name, Role: u.Role, Languages: u.Languages,
		UILang: u.UILang, Disabled: u.Disabled})
	h.render(w, r, http.StatusOK, "user", &v)
}

func (h *handler) userSave(w http.ResponseWriter, r *http.Request) {
	u, ok := h.userByPath(w, r)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, http.StatusBadRequest, "admin_bad_form")
		return
	}
	f, problems := h.readUserForm(r, false)
	f.Email = u.Email
	// The form carries no address for an existing account, so readUserForm
	// could not compare a new password with it.
	if f.Password != "" && problems["password"] == "" {
		if p := h.policy.Check(f.Password, u.Email); p != "" {
			problems["password"] = string(p)
		}
	}
	ctx := r.Context()
	// The site must keep at least one administrator who can sign in.
	if u.Role == content.RoleAdmin && !u.Disabled && (f.Role != content.RoleAdmin || f.Disabled) {
		n, err := h.st.CountActiveAdmins(ctx)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		if n <= 1 {
			problems["role"] = "admin_last_admin"
		}
	}
	if len(problems) > 0 {
		f.Password = ""
		v := h.userView(w, r, false, u.ID, f)
		v.Errors = translateAll(&v.chrome, problems)
		v.Error = v.T("admin_form_has_errors")
		h.render(w, r, http.StatusUnprocessableEntity, "user", &v)
		return
	}
	next := u
	next.Name, next.Role, next.Languages, next.UILang, next.Disabled = f.Name, f.Role, f.Languages, f.UILang, f.Disabled
	if err := h.st.UpdateUser(ctx, next); err != nil {
		h.serverError(w, r, err)
		return
	}
	var changes []string
	if u.Role != next.Role {
		changes = append(changes, fmt.Sprintf("role %s→%s", u.Role, next.Role))
	}
	if strings.Join(u.Languages, ",") != strings.Join(next.Languages, ",") {
		changes = append(changes, fmt.Sprintf("languages %s→%s", strings.Join(u.Languages, ","), strings.Join(next.Languages, ",")))
	}
	if u.Disabled != next.Disabled {
		changes = append(changes, fmt.Sprintf("disabled %t→%t", u.Disabled, next.Disabled))
	}
	if f.Password != "" {
		hash, err := auth.Hash(f.Password, h.hash)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		if _, err := h.st.SetPassword(ctx, u.ID, hash); err != nil {
			h.serverError(w, r, err)
			return
		}
		changes = append(changes, "password reset")
	}
	h.record(r, content.AuditEntry{Action: "user_update", Kind: "user", ItemID: u.ID,
		Detail: u.Email + ": " + strings.Join(changes, "; ")})
	h.flash(r, "admin_saved")
	http.Redirect(w, r, "/admin/users/"+strconv.FormatInt(u.ID, 10), http.StatusSeeOther)
}
