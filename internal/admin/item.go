package admin

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/lang"
	"github.com/datka-cms/datka/internal/store"
)

type newItemView struct {
	chrome
	Kind     string
	Kinds    []filterOption
	Title    string
	Lang     string
	Langs    []langChoice
	Roles    []filterOption
	Event    entryForm // an event's start and end, as typed
	TimeZone string
	Errors   map[string]string
}

// itemKinds are the kinds of item the admin creates and lists, in its
// order.
func itemKinds() []string {
	return []string{store.KindPage, store.KindOrganisation, store.KindNews, store.KindEvent, store.KindMaterial}
}

// newItemForm offers to create a page, an organisation, a news post, an
// event or a material.
func (h *handler) newItemForm(w http.ResponseWriter, r *http.Request) {
	h.newItemPage(w, r, r.URL.Query().Get("kind"), "", "", entryForm{}, nil, http.StatusOK)
}

func (h *handler) newItemPage(w http.ResponseWriter, r *http.Request, kind, title, code string, event entryForm, problems map[string]string, status int) {
	u := currentUser(r)
	if !u.CanEditStructure() {
		h.forbidden(w, r)
		return
	}
	if code == "" {
		code = h.uiLang(r, u)
	}
	if !slices.Contains(itemKinds(), kind) {
		kind = store.KindPage
	}
	v := newItemView{chrome: h.newChrome(w, r, "admin_new_item"), Kind: kind, Title: title, Lang: code, Event: event,
		TimeZone: h.loc.String()}
	for _, k := range itemKinds() {
		v.Kinds = append(v.Kinds, filterOption{Value: k, Label: v.T("kind_" + k), Selected: k == kind})
	}
	for _, l := range h.langs.All() {
		v.Langs = append(v.Langs, langChoice{Code: l.Code, Name: l.Name, Checked: l.Code == code})
	}
	for _, role := range []content.OrgRole{content.RoleGovernment, content.RoleImplementer, content.RoleFunder} {
		v.Roles = append(v.Roles, filterOption{Value: string(role), Label: v.T("role_" + string(role))})
	}
	v.Errors = translateAll(&v.chrome, problems)
	if len(problems) > 0 {
		v.Error = v.T("admin_form_has_errors")
	}
	h.render(w, r, status, "new", &v)
}

// newItem creates the item and its first text as a draft, in the language
// the editor writes in; that language becomes the item's source.
func (h *handler) newItem(w http.ResponseWriter, r *http.Request) {
	u := currentUser(r)
	if !u.CanEditStructure() {
		h.forbidden(w, r)
		return
	}
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, http.StatusBadRequest, "admin_bad_form")
		return
	}
	kind := r.PostForm.Get("kind")
	title := strings.TrimSpace(r.PostForm.Get("title"))
	code := r.PostForm.Get("lang")
	problems := map[string]string{}
	l, ok := h.langs.Get(code)
	if !ok {
		problems["lang"] = "admin_bad_form"
	}
	if title == "" || utf8.RuneCountInString(title) > 300 {
		problems["title"] = "admin_title_required"
	}
	if !slices.Contains(itemKinds(), kind) {
		kind = store.KindPage
	}
	slug := lang.Slugify(code, title)
	if slug == "" {
		slug = lang.Slugify("en", kind)
	}
	// An event needs its start; its end is optional.
	event := entryForm{Type: content.EntryEvent, StartDate: strings.TrimSpace(r.PostForm.Get("start_date")),
		StartTime: strings.TrimSpace(r.PostForm.Get("start_time")), EndDate: strings.TrimSpace(r.PostForm.Get("end_date")),
		EndTime: strings.TrimSpace(r.PostForm.Get("end_time"))}
	var start, end time.Time
	if kind == store.KindEvent {
		start, end = h.readEventTimes(event, problems)
	}
	if len(problems) > 0 {
		h.newItemPage(w, r, kind, title, code, event, problems, http.StatusUnprocessableEntity)
		return
	}
	ctx := r.Context()
	var id int64
	var err error
	var fields content.Fields
	switch kind {
	case store.KindOrganisation:
		role := content.OrgRole(r.PostForm.Get("role"))
		orgKind := content.KindGovernment
		switch role {
		case content.RoleFunder:
			orgKind = content.KindInternational
		case content.RoleImplementer:
			orgKind = content.KindNGO
		default:
			role = content.RoleGovernment
		}
		id, err = h.st.CreateOrganisation(ctx, content.Organisation{Key: slug, Kind: orgKind, Role: role, Position: 100, SourceLang: l.Code})
		fields = content.OrgFields(content.OrgText{Name: title, Meta: content.Meta{Slug: slug},
			Sections: []content.Section{{}}})
	case store.KindNews, store.KindEvent, store.KindMaterial:
		now := h.now().In(h.loc)
		e := content.Entry{Key: slug, Type: content.EntryType(kind), SourceLang: l.Code, Date: now, Year: now.Year()}
		if kind == store.KindEvent {
			e.Start, e.End, e.Date, e.Year = start, end, start, start.Year()
		}
		id, err = h.st.CreateEntry(ctx, e)
		fields = content.EntryFields(e.Type, content.EntryText{Title: title, Meta: content.Meta{Slug: slug}})
	default:
		kind = store.KindPage
		id, err = h.st.CreatePage(ctx, content.Page{Key: slug, Layout: content.LayoutPlain, Position: 100, SourceLang: l.Code})
		fields = content.PageFields(content.PageText{Title: title, Meta: content.Meta{Slug: slug}})
	}
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	d := content.Draft{Kind: kind, GroupID: id, Lang: l.Code, Status: content.StatusDraft, Fields: fields}
	if err := h.st.SaveDraft(ctx, d, u, "draft"); err != nil {
		h.serverError(w, r, err)
		return
	}
	h.record(r, content.AuditEntry{Action: "item_create", Kind: kind, ItemID: id, Lang: l.Code, Detail: title})
	h.flash(r, "admin_item_created")
	http.Redirect(w, r, fmt.Sprintf("/admin/edit/%d/%s", id, l.Code), http.StatusSeeOther)
}

// itemSave changes what is language-neutral: an organisation's website,
// role and order, a page's order and place in the menu, an entry's dates,
// links, files and classification (entry.go).
func (h *handler) itemSave(w http.ResponseWriter, r *http.Request) {
	u := currentUser(r)
	if !u.CanEditStructure() {
		h.forbidden(w, r)
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		h.notFound(w, r)
		return
	}
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, http.StatusBadRequest, "admin_bad_form")
		return
	}
	ctx := r.Context()
	back := localNext(r.PostForm.Get("back"))
	kind, err := h.st.GroupKind(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		h.notFound(w, r)
		return
	}
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if store.IsEntryKind(kind) {
		h.entrySave(w, r, id, back)
		return
	}
	position, err := strconv.Atoi(strings.TrimSpace(r.PostForm.Get("position")))
	if err != nil || position < 0 || position > 100000 {
		h.fail(w, r, http.StatusUnprocessableEntity, "admin_position_invalid")
		return
	}
	detail := ""
	switch kind {
	case store.KindPage:
		inMenu := r.PostForm.Get("in_menu") == "1"
		err = h.st.UpdatePageStructure(ctx, id, position, inMenu)
		detail = fmt.Sprintf("position=%d in_menu=%t", position, inMenu)
	default:
		o, e := h.st.Organisation(ctx, id)
		if e != nil {
			h.serverError(w, r, e)
			return
		}
		website := strings.TrimSpace(r.PostForm.Get("website"))
		if website != "" {
			u, e := url.Parse(website)
			if e != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(website) > 500 {
				h.fail(w, r, http.StatusUnprocessableEntity, "admin_website_invalid")
				return
			}
		}
		role := content.OrgRole(r.PostForm.Get("role"))
		switch role {
		case content.RoleFunder, content.RoleImplementer, content.RoleGovernment:
			o.Role = role
		}
		o.Website, o.Position = website, position
		err = h.st.UpdateOrganisationStructure(ctx, o)
		detail = fmt.Sprintf("position=%d role=%s website=%s", position, o.Role, website)
	}
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	h.record(r, content.AuditEntry{Action: "item_update", Kind: kind, ItemID: id, Detail: detail})
	h.flash(r, "admin_saved")
	http.Redirect(w, r, back, http.StatusSeeOther)
}
