package admin

import (
	"net/http"
	"net/mail"
	"strings"
	"unicode/utf8"

	"github.com/datka-cms/datka/internal/content"
)

// settingsField is one field of the per-language site settings.
type settingsField struct {
	Key, Label, Value, Source string
	Multiline                 bool
	Error                     string
}

type settingsView struct {
	chrome
	Code, LangName string
	Tabs           []langTab
	Fields         []settingsField
	NeedsReview    bool
	CanEdit        bool
	SourceLang     string
}

// settingKeys lists the settings in the form's order, with whether each
// takes several lines.
var settingKeys = []struct {
	key       string
	multiline bool
}{
	{"site_name", false}, {"short_name", false}, {"slogan", false}, {"organisation", false},
	{"address", false}, {"phone", false}, {"email", false}, {"footer", true}, {"funded_by", false}, {"disclaimer", true},
}

func settingValues(s content.Settings) map[string]string {
	return map[string]string{"site_name": s.SiteName, "short_name": s.ShortName, "slogan": s.Slogan,
		"organisation": s.Organisation, "address": s.Address, "phone": s.Phone, "email": s.Email,
		"footer": s.Footer, "funded_by": s.FundedBy, "disclaimer": s.Disclaimer}
}

func canEditSettings(u content.User, lang string) bool {
	return u.CanEditLang(lang) && u.Role != content.RoleAuthor
}

func (h *handler) settingsPage(w http.ResponseWriter, r *http.Request, values map[string]string, review bool, problems map[string]string, status int) {
	l, ok := h.langs.Get(r.PathValue("lang"))
	if !ok {
		h.notFound(w, r)
		return
	}
	all, err := h.st.Settings(r.Context())
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	def := h.langs.Default()
	if values == nil {
		values = settingValues(all[l.Code])
		review = all[l.Code].NeedsNativeReview
	}
	v := settingsView{chrome: h.newChrome(w, r, "admin_settings"), Code: l.Code, LangName: l.Name, NeedsReview: review,
		CanEdit: canEditSettings(currentUser(r), l.Code), SourceLang: def.Code}
	v.Title = v.T("admin_settings") + " — " + l.Name
	for _, x := range h.langs.All() {
		v.Tabs = append(v.Tabs, langTab{Code: x.Code, Name: x.Name, Current: x.Code == l.Code})
	}
	source := settingValues(all[def.Code])
	for _, k := range settingKeys {
		f := settingsField{Key: k.key, Label: v.T("setting_" + k.key), Value: values[k.key], Multiline: k.multiline}
		if l.Code != def.Code {
			f.Source = source[k.key]
		}
		if p := problems[k.key]; p != "" {
			f.Error = v.T(p)
		}
		v.Fields = append(v.Fields, f)
	}
	if len(problems) > 0 {
		v.Error = v.T("admin_form_has_errors")
	}
	h.render(w, r, status, "settings", &v)
}

func (h *handler) settings(w http.ResponseWriter, r *http.Request) {
	h.settingsPage(w, r, nil, false, nil, http.StatusOK)
}

func (h *handler) settingsSave(w http.ResponseWriter, r *http.Request) {
	l, ok := h.langs.Get(r.PathValue("lang"))
	if !ok {
		h.notFound(w, r)
		return
	}
	if !canEditSettings(currentUser(r), l.Code) {
		h.forbidden(w, r)
		return
	}
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, http.StatusBadRequest, "admin_bad_form")
		return
	}
	values := map[string]string{}
	problems := map[string]string{}
	for _, k := range settingKeys {
		v := strings.TrimSpace(strings.ReplaceAll(r.PostForm.Get(k.key), "\r\n", "\n"))
		limit := 300
		if k.multiline {
			limit = 5000
		}
		if utf8.RuneCountInString(v) > limit || !utf8.ValidString(v) {
			problems[k.key] = "admin_field_too_long"
		}
		if !k.multiline && strings.ContainsAny(v, "\n\r") {
			v = strings.Join(strings.Fields(v), " ")
		}
		values[k.key] = v
	}
	if values["site_name"] == "" {
		problems["site_name"] = "admin_title_required"
	}
	if e := values["email"]; e != "" {
		if a, err := mail.ParseAddress(e); err != nil || a.Address != e {
			problems["email"] = "admin_email_invalid"
		}
	}
	review := r.PostForm.Get("needs_native_review") == "1"
	if len(problems) > 0 {
		h.settingsPage(w, r, values, review, problems, http.StatusUnprocessableEntity)
		return
	}
	s := content.Settings{Lang: l.Code, SiteName: values["site_name"], ShortName: values["short_name"], Slogan: values["slogan"],
		Organisation: values["organisation"], Address: values["address"], Phone: values["phone"], Email: values["email"],
		Footer: values["footer"], FundedBy: values["funded_by"], Disclaimer: values["disclaimer"], NeedsNativeReview: review}
	if err := h.st.SaveSettings(r.Context(), s); err != nil {
		h.serverError(w, r, err)
		return
	}
	h.record(r, content.AuditEntry{Action: "settings_save", Kind: "settings", Lang: l.Code})
	h.flash(r, "admin_saved")
	http.Redirect(w, r, "/admin/settings/"+l.Code, http.StatusSeeOther)
}
