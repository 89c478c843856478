package admin

import (
	"net/http"
	"strconv"

	"github.com/datka-cms/datka/internal/content"
)

const auditPageSize = 100

type auditView struct {
	chrome
	Entries []content.AuditEntry
	Page    int
	PrevURL string
	NextURL string
	Actions map[string]string
}

func (h *handler) auditPage(w http.ResponseWriter, r *http.Request) {
	if !currentUser(r).CanManageUsers() {
		h.forbidden(w, r)
		return
	}
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	page = max(page, 1)
	entries, err := h.st.AuditLog(r.Context(), auditPageSize+1, (page-1)*auditPageSize)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	v := auditView{chrome: h.newChrome(w, r, "admin_audit"), Page: page}
	if len(entries) > auditPageSize {
		entries = entries[:auditPageSize]
		v.NextURL = "/admin/audit?page=" + strconv.Itoa(page+1)
	}
	if page > 1 {
		v.PrevURL = "/admin/audit?page=" + strconv.Itoa(page-1)
	}
	v.Entries = entries
	h.render(w, r, http.StatusOK, "audit", &v)
}
