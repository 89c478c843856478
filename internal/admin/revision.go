package admin

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/store"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

type revisionView struct {
	chrome
	Rev      content.Revision
	Previous *content.Revision
	Changes  []fieldDiff
	EditURL  string
	CanEdit  bool
}

// revisionFromPath loads the revision named in the path, if the user may
// see the text it belongs to.
func (h *handler) revisionFromPath(w http.ResponseWriter, r *http.Request) (content.Revision, bool) {
	id, err := strconv.ParseInt(r.PathValue("rid"), 10, 64)
	if err != nil {
		h.notFound(w, r)
		return content.Revision{}, false
	}
	rev, err := h.st.Revision(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		h.notFound(w, r)
		return rev, false
	}
	if err != nil {
		h.serverError(w, r, err)
		return rev, false
	}
	return rev, true
}

// revision shows one saved state and what it changed from the one before.
func (h *handler) revision(w http.ResponseWriter, r *http.Request) {
	rev, ok := h.revisionFromPath(w, r)
	if !ok {
		return
	}
	v := revisionView{chrome: h.newChrome(w, r, "admin_revision"), Rev: rev,
		EditURL: fmt.Sprintf("/admin/edit/%d/%s", rev.GroupID, rev.Lang), CanEdit: currentUser(r).CanEditLang(rev.Lang)}
	list, err := h.st.Revisions(r.Context(), rev.GroupID, rev.Lang, 1000)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	var before content.Fields
	for i, x := range list {
		if x.ID == rev.ID {
			for _, older := range list[i+1:] {
				if older.Action != "unpublish" {
					v.Previous = &older
					before = older.Fields
					break
				}
			}
			break
		}
	}
	v.Changes = diffFields(&v.chrome, before, rev.Fields)
	v.Title = v.T("admin_revision_title", "Date", rev.At.UTC().Format("2006-01-02 15:04"), "Who", rev.UserEmail)
	h.render(w, r, http.StatusOK, "revision", &v)
}

// restore makes an old revision the current draft; publishing it is a
// separate step, like any draft.
func (h *handler) restore(w http.ResponseWriter, r *http.Request) {
	rev, ok := h.revisionFromPath(w, r)
	if !ok {
		return
	}
	u := currentUser(r)
	if !u.CanEditLang(rev.Lang) {
		h.forbidden(w, r)
		return
	}
	if rev.Action == "unpublish" || len(rev.Fields) == 0 {
		h.fail(w, r, http.StatusUnprocessableEntity, "admin_nothing_to_restore")
		return
	}
	kind, err := h.st.GroupKind(r.Context(), rev.GroupID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	d := content.Draft{Kind: kind, GroupID: rev.GroupID, Lang: rev.Lang, Status: content.StatusDraft, Fields: rev.Fields}
	if err := h.st.SaveDraft(r.Context(), d, u, "restore"); err != nil {
		h.serverError(w, r, err)
		return
	}
	h.record(r, content.AuditEntry{Action: "restore", Kind: kind, ItemID: rev.GroupID, Lang: rev.Lang, Detail: "revision " + itoa(rev.ID)})
	h.flash(r, "admin_restored")
	http.Redirect(w, r, fmt.Sprintf("/admin/edit/%d/%s", rev.GroupID, rev.Lang), http.StatusSeeOther)
}

// preview renders Markdown the way the site will, for the editor's live
// preview. It answers a fragment of sanitised HTML.
func (h *handler) preview(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte(h.md.HTML(r.PostForm.Get("text"))))
}
