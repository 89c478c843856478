package admin

import (
	"errors"
	"net/http"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/store"
)

// coverageBar is one language's bar in the coverage chart.
type coverageBar struct {
	Code, Name string
	Published  int
	Percent    int
	Y          int // the bar's top in the chart, in SVG units
	Width      int // the bar's length, 0–400
}

type dashboardView struct {
	chrome
	Total       int
	Bars        []coverageBar
	ChartHeight int
	Recent      []content.AuditEntry
	Review      []dashItem
	Scheduled   []dashItem
	// Inbox is set for those who may read messages: the count of new ones
	// in words, or "" when there are none.
	Inbox       bool
	NewMessages string
}

type dashItem struct {
	Kind, Title, Lang, URL, Note string
}

// dashboard shows at a glance what needs attention.
func (h *handler) dashboard(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	total, published, err := h.st.Coverage(ctx)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	v := dashboardView{chrome: h.newChrome(w, r, "admin_dashboard"), Total: total}
	for i, l := range h.langs.All() {
		b := coverageBar{Code: l.Code, Name: l.Name, Published: published[l.Code], Y: 10 + i*36}
		if total > 0 {
			b.Percent = b.Published * 100 / total
			b.Width = b.Published * 400 / total
		}
		v.Bars = append(v.Bars, b)
	}
	v.ChartHeight = 20 + 36*len(v.Bars)
	review, err := h.st.DraftsInReview(ctx)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	for _, d := range review {
		v.Review = append(v.Review, dashItem{Kind: v.T("kind_" + d.Kind), Title: d.Fields.Get("title") + d.Fields.Get("name"), Lang: d.Lang,
			URL: "/admin/edit/" + itoa(d.GroupID) + "/" + d.Lang, Note: d.UpdatedAt.In(h.loc).Format("2006-01-02 15:04")})
	}
	plans, err := h.st.ScheduledItems(ctx, 0)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	for _, p := range plans {
		title := p.Title
		if title == "" {
			// Not published yet in its source language: the text waiting
			// to be published names it.
			d, err := h.st.Draft(ctx, p.GroupID, p.Lang)
			if err != nil && !errors.Is(err, store.ErrNotFound) {
				h.serverError(w, r, err)
				return
			}
			title = d.Fields.Get("title") + d.Fields.Get("name")
		}
		v.Scheduled = append(v.Scheduled, dashItem{Kind: v.T("kind_" + p.Kind), Title: title, Lang: p.Lang,
			URL:  "/admin/edit/" + itoa(p.GroupID) + "/" + p.Lang,
			Note: v.T("plan_"+p.Action) + " " + p.At.In(h.loc).Format("2006-01-02 15:04")})
	}
	if currentUser(r).CanReadMessages() {
		n, err := h.st.UnreadCount(ctx)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		v.Inbox = true
		if n > 0 {
			v.NewMessages = v.tr.N("inbox_unread_count", n)
		}
	}
	if currentUser(r).CanManageUsers() {
		if v.Recent, err = h.st.AuditLog(ctx, 10, 0); err != nil {
			h.serverError(w, r, err)
			return
		}
	}
	h.render(w, r, http.StatusOK, "dashboard", &v)
}
