package admin

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/lang"
	"github.com/datka-cms/datka/internal/store"
)

// maxFieldLen bounds one field, in characters.
const maxFieldLen = 200_000

// item is a translation group opened for editing: the published fields
// and the state of each language.
type item struct {
	Kind       string
	ID         int64
	Key        string
	SourceLang string
	Position   int
	InMenu     bool
	Website    string
	Role       content.OrgRole
	Published  map[string]content.Fields // published (or taken-off) texts
	Status     map[string]content.Status
	Rev        map[string]int
	SourceRev  map[string]int
	// Entry is what is language-neutral about a news post, an event or a
	// material (its texts are in Published); zero for other kinds.
	Entry content.Entry
}

func (h *handler) loadItem(r *http.Request, id int64) (item, error) {
	ctx := r.Context()
	kind, err := h.st.GroupKind(ctx, id)
	if err != nil {
		return item{}, err
	}
	it := item{Kind: kind, ID: id, Published: map[string]content.Fields{}, Status: map[string]content.Status{},
		Rev: map[string]int{}, SourceRev: map[string]int{}}
	switch kind {
	case store.KindPage:
		p, err := h.st.Page(ctx, id)
		if err != nil {
			return it, err
		}
		it.Key, it.SourceLang, it.Position, it.InMenu = p.Key, p.SourceLang, p.Position, p.InMenu
		for code, t := range p.Texts {
			it.Published[code] = content.PageFields(t)
			it.Status[code], it.Rev[code], it.SourceRev[code] = t.Status, t.Rev, t.SourceRev
		}
	case store.KindOrganisation:
		o, err := h.st.Organisation(ctx, id)
		if err != nil {
			return it, err
		}
		it.Key, it.SourceLang, it.Position, it.Website, it.Role = o.Key, o.SourceLang, o.Position, o.Website, o.Role
		for code, t := range o.Texts {
			it.Published[code] = content.OrgFields(t)
			it.Status[code], it.Rev[code], it.SourceRev[code] = t.Status, t.Rev, t.SourceRev
		}
	case store.KindNews, store.KindEvent, store.KindMaterial:
		e, err := h.st.Entry(ctx, id)
		if err != nil {
			return it, err
		}
		it.Key, it.SourceLang = e.Key, e.SourceLang
		for code, t := range e.Texts {
			it.Published[code] = content.EntryFields(e.Type, t)
			it.Status[code], it.Rev[code], it.SourceRev[code] = t.Status, t.Rev, t.SourceRev
		}
		e.Texts = nil
		it.Entry = e
	default:
		return it, store.ErrNotFound
	}
	return it, nil
}

// isHome reports whether the item is the home page, which has no slug.
// Only a page: a news post titled "Home" gets the key "home" too.
func (it item) isHome() bool { return it.Kind == store.KindPage && it.Key == "home" }

// structure is the list of field keys a text of the item has: the source's
// (so that a translation mirrors its sections), else the language's own.
func (it item) structure(code string, draft *content.Draft) []string {
	var base content.Fields
	switch {
	case code == it.SourceLang && draft != nil:
		base = draft.Fields // the source's own draft may have added sections
	case it.Published[it.SourceLang] != nil:
		base = it.Published[it.SourceLang]
	case it.Published[code] != nil:
		base = it.Published[code]
	case draft != nil:
		base = draft.Fields
	default:
		switch {
		case it.Kind == store.KindPage:
			base = content.PageFields(content.PageText{})
		case store.IsEntryKind(it.Kind):
			base = content.EntryFields(it.Entry.Type, content.EntryText{})
		default:
			base = content.OrgFields(content.OrgText{})
		}
	}
	keys := make([]string, 0, len(base))
	for _, f := range base {
		keys = append(keys, f.Key)
	}
	return keys
}

type editField struct {
	Key, Name, Label string
	Value            string
	Source           string
	Shape            content.FieldShape
	Rows             int
	SourceHTML       template.HTML
}

type langTab struct {
	Code, Name string
	State      content.CellState
	StateLabel string
	Current    bool
}

type editView struct {
	chrome
	Item          item
	Code          string
	LangName      string
	SourceName    string
	IsTranslation bool
	Tabs          []langTab
	Fields        []editField
	State         content.CellState
	StateLabel    string
	Warnings      []warning
	SourceChanges []fieldDiff // the source's changes since this translation was made
	BaseRev       int         // the source revision the text was made from
	Revisions     []content.Revision
	CanEdit       bool
	CanPublish    bool
	CanStructure  bool
	Roles         []filterOption
	IsPublished   bool
	HasDraft      bool
	Plans         []planView
	TimeZone      string
	// Entry is the structure card of a news post, an event or a
	// material, for those who may change it.
	Entry *entryForm
}

type planView struct {
	Action, Label, When string
}

func (h *handler) itemFromPath(w http.ResponseWriter, r *http.Request) (item, lang.Language, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	l, ok := h.langs.Get(r.PathValue("lang"))
	if err != nil || !ok {
		h.notFound(w, r)
		return item{}, l, false
	}
	it, err := h.loadItem(r, id)
	if errors.Is(err, store.ErrNotFound) {
		h.notFound(w, r)
		return it, l, false
	}
	if err != nil {
		h.serverError(w, r, err)
		return it, l, false
	}
	return it, l, true
}

func (h *handler) edit(w http.ResponseWriter, r *http.Request) {
	it, l, ok := h.itemFromPath(w, r)
	if !ok {
		return
	}
	v, err := h.editView(w, r, it, l, nil)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "edit", &v)
}

// editView builds the editor. typed, when set, is what the person typed
// and is shown instead of the stored text (after a refused save).
func (h *handler) editView(w http.ResponseWriter, r *http.Request, it item, l lang.Language, typed content.Fields) (editView, error) {
	ctx := r.Context()
	u := currentUser(r)
	v := editView{chrome: h.newChrome(w, r, "admin_edit"), Item: it, Code: l.Code, LangName: l.Name,
		IsTranslation: l.Code != it.SourceLang, CanEdit: u.CanEditLang(l.Code), CanPublish: u.CanPublish(),
		CanStructure: u.CanEditStructure()}
	for _, role := range []content.OrgRole{content.RoleFunder, content.RoleImplementer, content.RoleGovernment} {
		v.Roles = append(v.Roles, filterOption{Value: string(role), Label: v.T("role_" + string(role)), Selected: role == it.Role})
	}
	if src, ok := h.langs.Get(it.SourceLang); ok {
		v.SourceName = src.Name
	}
	draft, err := h.st.Draft(ctx, it.ID, l.Code)
	var d *content.Draft
	if err == nil {
		d, v.HasDraft = &draft, true
	} else if !errors.Is(err, store.ErrNotFound) {
		return v, err
	}
	board, err := h.boardItem(r, it)
	if err != nil {
		return v, err
	}
	for _, x := range h.langs.All() {
		st := board.State(x.Code)
		v.Tabs = append(v.Tabs, langTab{Code: x.Code, Name: x.Name, State: st, StateLabel: v.T("state_" + string(st)), Current: x.Code == l.Code})
	}
	v.State = board.State(l.Code)
	v.StateLabel = v.T("state_" + string(v.State))
	v.IsPublished = it.Status[l.Code] == content.StatusPublished
	current := it.Published[l.Code]
	if d != nil {
		current = d.Fields
	}
	if typed != nil {
		current = typed
	}
	source := it.Published[it.SourceLang]
	name := current.Get("title") + current.Get("name")
	if name == "" {
		name = source.Get("title") + source.Get("name")
	}
	v.Title = v.T("admin_edit_title", "Name", name, "Language", l.Name)
	for _, key := range it.structure(l.Code, d) {
		shape := content.Shape(key)
		f := editField{Key: key, Name: "f." + key, Label: fieldLabel(&v.chrome, key), Value: current.Get(key), Shape: shape, Rows: 2}
		if shape.Multiline {
			f.Rows = min(30, max(4, strings.Count(f.Value, "\n")+strings.Count(source.Get(key), "\n")+3, utf8.RuneCountInString(f.Value)/70+2))
		}
		if v.IsTranslation {
			f.Source = source.Get(key)
		}
		v.Fields = append(v.Fields, f)
	}
	v.Warnings = h.checkFields(ctx, &v.chrome, current, source, v.IsTranslation)
	// The text was made from this revision of the source: a draft's own
	// (an imported translation records the file's), else the published
	// text's.
	v.BaseRev = it.Rev[it.SourceLang]
	if v.IsTranslation {
		if d != nil && d.SourceRev > 0 {
			v.BaseRev = d.SourceRev
		} else if it.SourceRev[l.Code] > 0 {
			v.BaseRev = it.SourceRev[l.Code]
		}
	}
	if v.IsTranslation && it.Rev[it.SourceLang] > v.BaseRev && (v.BaseRev > 0 || v.State == content.CellOutdated) {
		// A translation made before its source was first published has no
		// source revision to compare with: all of the source is new to it.
		var old content.Fields
		if v.BaseRev > 0 {
			rev, err := h.st.PublishedRevision(ctx, it.ID, it.SourceLang, v.BaseRev)
			if err != nil && !errors.Is(err, store.ErrNotFound) {
				return v, err
			}
			old = rev.Fields
		}
		v.SourceChanges = diffFields(&v.chrome, old, source)
	}
	if v.Revisions, err = h.st.Revisions(ctx, it.ID, l.Code, 20); err != nil {
		return v, err
	}
	plans, err := h.st.ScheduledItems(ctx, it.ID)
	if err != nil {
		return v, err
	}
	for _, p := range plans {
		if p.Lang == l.Code {
			v.Plans = append(v.Plans, planView{Action: p.Action, Label: v.T("plan_" + p.Action), When: p.At.In(h.loc).Format("2006-01-02 15:04")})
		}
	}
	v.TimeZone = h.loc.String()
	if store.IsEntryKind(it.Kind) && v.CanStructure {
		f := h.entryFormOf(it.Entry)
		if err := h.fillEntryChoices(ctx, &v.chrome, &f); err != nil {
			return v, err
		}
		v.Entry = &f
	}
	if !it.materialReady() {
		v.Warnings = append(v.Warnings, warning{Field: v.T("kind_material"), Message: v.T("admin_material_needs_file")})
	}
	return v, nil
}

// boardItem is the item's row of the translation board, built from what
// is already loaded plus its drafts, without reading the whole board.
func (h *handler) boardItem(r *http.Request, it item) (store.BoardItem, error) {
	b := store.BoardItem{Kind: it.Kind, ID: it.ID, Key: it.Key, SourceLang: it.SourceLang,
		Titles: map[string]string{}, Texts: map[string]store.BoardText{}}
	for code, st := range it.Status {
		b.Texts[code] = store.BoardText{Status: st, Rev: it.Rev[code], SourceRev: it.SourceRev[code]}
	}
	for _, l := range h.langs.All() {
		d, err := h.st.Draft(r.Context(), it.ID, l.Code)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return b, err
		}
		t := b.Texts[l.Code]
		t.DraftStatus = d.Status
		b.Texts[l.Code] = t
	}
	return b, nil
}

// save handles the editor's buttons: save a draft, send to review,
// publish, unpublish, discard the draft.
func (h *handler) save(w http.ResponseWriter, r *http.Request) {
	it, l, ok := h.itemFromPath(w, r)
	if !ok {
		return
	}
	u := currentUser(r)
	if !u.CanEditLang(l.Code) {
		h.forbidden(w, r)
		return
	}
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, http.StatusBadRequest, "admin_bad_form")
		return
	}
	ctx := r.Context()
	action := r.PostForm.Get("action")
	if (action == "publish" || action == "unpublish" || strings.Contains(action, "schedule")) && !u.CanPublish() {
		h.forbidden(w, r)
		return
	}
	audit := content.AuditEntry{Kind: it.Kind, ItemID: it.ID, Lang: l.Code, Detail: it.Key}
	done := func(flash string) {
		audit.Action = action
		h.record(r, audit)
		h.flash(r, flash)
		http.Redirect(w, r, fmt.Sprintf("/admin/edit/%d/%s", it.ID, l.Code), http.StatusSeeOther)
	}
	switch action {
	case "unpublish":
		if err := h.st.Unpublish(ctx, it.ID, l.Code, u); err != nil && !errors.Is(err, store.ErrNotFound) {
			h.serverError(w, r, err)
			return
		}
		done("admin_unpublished")
		return
	case "schedule_unpublish", "unschedule_publish", "unschedule_unpublish":
		plan := strings.TrimPrefix(strings.TrimPrefix(action, "un"), "schedule_")
		if strings.HasPrefix(action, "unschedule_") {
			if err := h.st.Unschedule(ctx, it.ID, l.Code, plan); err != nil {
				h.serverError(w, r, err)
				return
			}
			done("admin_unscheduled")
			return
		}
		at, ok := h.parseLocalTime(r.PostForm.Get("unpublish_at"))
		if !ok {
			h.fail(w, r, http.StatusUnprocessableEntity, "admin_bad_time")
			return
		}
		if err := h.st.Schedule(ctx, content.Scheduled{GroupID: it.ID, Lang: l.Code, Action: "unpublish", At: at, CreatedBy: u.ID}); err != nil {
			h.serverError(w, r, err)
			return
		}
		audit.Detail = it.Key + " at " + at.UTC().Format(time.RFC3339)
		done("admin_scheduled")
		return
	case "discard":
		if err := h.st.DeleteDraft(ctx, it.ID, l.Code); err != nil {
			h.serverError(w, r, err)
			return
		}
		done("admin_draft_discarded")
		return
	case "draft", "review", "publish", "schedule_publish", "add_section":
	default:
		h.fail(w, r, http.StatusBadRequest, "admin_bad_form")
		return
	}
	var draft *content.Draft
	if d, err := h.st.Draft(ctx, it.ID, l.Code); err == nil {
		draft = &d
	} else if !errors.Is(err, store.ErrNotFound) {
		h.serverError(w, r, err)
		return
	}
	var fields content.Fields
	keys := it.structure(l.Code, draft)
	if action == "add_section" {
		if it.Kind != store.KindOrganisation || l.Code != it.SourceLang {
			h.fail(w, r, http.StatusBadRequest, "admin_bad_form")
			return
		}
		n := 0
		for _, k := range keys {
			if s := content.Shape(k); s.Section > n {
				n = s.Section
			}
		}
		p := "section." + strconv.Itoa(n) + "."
		keys = append(keys, p+"heading", p+"intro", p+"items", p+"outro")
		action = "draft"
	}
	for _, key := range keys {
		value := strings.ReplaceAll(strings.ReplaceAll(r.PostForm.Get("f."+key), "\r\n", "\n"), "\x00", "")
		if !content.Shape(key).Multiline {
			value = strings.Join(strings.Fields(value), " ") // one-line fields stay one line
		}
		fields = append(fields, content.Field{Key: key, Value: value})
	}
	makeSlug(l.Code, &fields)
	problem := ""
	for _, f := range fields {
		if utf8.RuneCountInString(f.Value) > maxFieldLen || !utf8.ValidString(f.Value) {
			problem = "admin_field_too_long"
		}
	}
	if fields.Get("title")+fields.Get("name") == "" {
		problem = "admin_title_required"
	}
	if it.isHome() {
		fields.Set("slug", "")
	} else if fields.Get("slug") == "" || !lang.ValidSlug(fields.Get("slug")) {
		problem = "admin_slug_invalid"
	}
	if problem != "" {
		h.refuse(w, r, it, l, fields, problem)
		return
	}
	status := content.StatusDraft
	if action != "draft" {
		status = content.StatusReview
	}
	d := content.Draft{Kind: it.Kind, GroupID: it.ID, Lang: l.Code, Status: status, Fields: fields,
		SourceRev: it.Rev[it.SourceLang]}
	// A translation stays based on the source revision it was made from
	// until the person says it has caught up with the original.
	if base, err := strconv.Atoi(r.PostForm.Get("source_rev")); err == nil && base > 0 && base < d.SourceRev &&
		l.Code != it.SourceLang && r.PostForm.Get("caught_up") != "1" {
		d.SourceRev = base
	}
	if (action == "publish" || action == "schedule_publish") && !it.materialReady() {
		// Refused, but what was typed is kept as a draft, so that nothing
		// is lost.
		d.Status = content.StatusDraft
		if err := h.st.SaveDraft(ctx, d, u, "draft"); err != nil {
			h.serverError(w, r, err)
			return
		}
		h.refuse(w, r, it, l, fields, "admin_material_not_ready")
		return
	}
	if action == "schedule_publish" {
		at, ok := h.parseLocalTime(r.PostForm.Get("publish_at"))
		if !ok {
			h.refuse(w, r, it, l, fields, "admin_bad_time")
			return
		}
		if err := h.st.SaveDraft(ctx, d, u, "review"); err != nil {
			h.serverError(w, r, err)
			return
		}
		if err := h.st.Schedule(ctx, content.Scheduled{GroupID: it.ID, Lang: l.Code, Action: "publish", At: at, CreatedBy: u.ID}); err != nil {
			h.serverError(w, r, err)
			return
		}
		audit.Detail = it.Key + " at " + at.UTC().Format(time.RFC3339)
		done("admin_scheduled")
		return
	}
	if action != "publish" {
		if err := h.st.SaveDraft(ctx, d, u, action); err != nil {
			h.serverError(w, r, err)
			return
		}
		done(map[string]string{"draft": "admin_draft_saved", "review": "admin_sent_to_review"}[action])
		return
	}
	rev, err := h.st.SaveAndPublish(ctx, d, u)
	switch {
	case errors.Is(err, store.ErrDuplicate):
		// Keep what was typed as the draft, so that nothing is lost.
		if err := h.st.SaveDraft(ctx, d, u, "draft"); err != nil {
			h.serverError(w, r, err)
			return
		}
		h.refuse(w, r, it, l, fields, "admin_slug_taken")
		return
	case err != nil:
		h.serverError(w, r, err)
		return
	}
	audit.Detail = fmt.Sprintf("%s rev %d", it.Key, rev)
	done("admin_published")
}

// refuse shows the editor again with what was typed and a message;
// nothing was saved.
func (h *handler) refuse(w http.ResponseWriter, r *http.Request, it item, l lang.Language, typed content.Fields, message string) {
	v, err := h.editView(w, r, it, l, typed)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	v.Error = v.T(message)
	h.render(w, r, http.StatusUnprocessableEntity, "edit", &v)
}

// parseLocalTime reads a datetime-local value ("2026-12-01T09:30") in the
// editors' time zone. Times in the past are accepted: the job runs them at
// once.
func (h *handler) parseLocalTime(v string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, strings.TrimSpace(v), h.loc); err == nil {
			if t.Year() < 2000 || t.Year() > 2200 {
				return time.Time{}, false
			}
			return t, true
		}
	}
	return time.Time{}, false
}
