package site

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/lang"
	"github.com/datka-cms/datka/internal/store"
)

// localised dispatches everything under a language prefix:
// "/ru/" the home page, "/ru/{page}" a page, "/ru/{page}/{organisation}"
// an organisation under the partners or government-bodies page.
func (h *handler) localised(w http.ResponseWriter, r *http.Request) {
	l, ok := h.pathLang(r)
	if !ok {
		h.notFound(w, r)
		return
	}
	rest := r.PathValue("path")
	if strings.HasSuffix(rest, "/") {
		http.Redirect(w, r, "/"+l.Code+"/"+strings.TrimRight(rest, "/"), http.StatusMovedPermanently)
		return
	}
	r, done := h.fromCache(w, r, l.Code)
	if done {
		return
	}
	// Rendering is CPU work: let as many run as there are cores, and let
	// the rest wait in arrival order (a channel is FIFO), so that a burst
	// lengthens the queue evenly instead of starving a few requests.
	select {
	case h.renderSlots <- struct{}{}:
		defer func() { <-h.renderSlots }()
	case <-r.Context().Done():
		return
	}
	d, err := h.loadSite(r)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	var segs []string
	if rest != "" {
		segs = strings.Split(rest, "/")
	}
	switch len(segs) {
	case 0:
		h.home(w, r, d, l)
	case 1:
		h.page(w, r, d, l, segs[0])
	default:
		h.nested(w, r, d, l, segs)
	}
}

// pathLang is the configured language whose prefix r's path starts with.
func (h *handler) pathLang(r *http.Request) (lang.Language, bool) {
	code, _, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	return h.langs.Get(code)
}

// nested answers the addresses below a page: an organisation under the
// partners or government-bodies page; a post, a year or a tag under the
// news or events page; a material under the library.
func (h *handler) nested(w http.ResponseWriter, r *http.Request, d siteData, l lang.Language, segs []string) {
	p, ok, err := h.findPage(r, d, l, segs[0])
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if !ok || len(segs) > 3 {
		h.notFoundIn(w, r, d, l)
		return
	}
	t, ok := pick(p.Texts, l)
	if !ok {
		h.notFoundIn(w, r, d, l)
		return
	}
	switch p.Layout {
	case content.LayoutPartners, content.LayoutGovernment:
		if len(segs) == 2 {
			h.organisation(w, r, d, l, segs[0], segs[1])
			return
		}
	case content.LayoutNews, content.LayoutEvents:
		if len(segs) == 3 && segs[1] == "tag" && lang.ValidSlug(segs[2]) {
			if !canonicalOr(w, r, h.pagePath(p, l)+"/tag/"+segs[2]) {
				h.entryList(w, r, d, l, p, t, h.listView(r, d, l, p, t), 0, segs[2])
			}
			return
		}
		if len(segs) == 2 {
			if y, err := strconv.Atoi(segs[1]); err == nil && len(segs[1]) == 4 && y >= 1000 {
				if !canonicalOr(w, r, h.pagePath(p, l)+"/"+segs[1]) {
					h.entryList(w, r, d, l, p, t, h.listView(r, d, l, p, t), y, "")
				}
				return
			}
			h.entryPage(w, r, d, l, p, t, segs[1])
			return
		}
	case content.LayoutLibrary:
		if len(segs) == 2 {
			h.entryPage(w, r, d, l, p, t, segs[1])
			return
		}
	}
	h.notFoundIn(w, r, d, l)
}

// listView is the view every page starts from: its chrome, heading,
// body and breadcrumbs.
func (h *handler) listView(r *http.Request, d siteData, l lang.Language, p content.Page, t content.PageText) pageView {
	pv := pageView{chrome: h.pageChrome(r, d, l, p, t), Heading: t.Title, Body: h.markdown(r.Context(), t.Lang, t.Body)}
	pv.Breadcrumbs = h.crumbs(d, l, crumb{Title: t.Title, Lang: pv.ContentLang})
	return pv
}

// findPage finds the page that uses slug, preferring the one whose text
// in l has it; the home page is not found by slug.
//
// The structural pages (those in the menu and the lists) are in d
// already: most addresses are found without a query.
func (h *handler) findPage(r *http.Request, d siteData, l lang.Language, slug string) (content.Page, bool, error) {
	var other *content.Page
	for i, p := range d.pages {
		if p.Layout == content.LayoutHome {
			continue
		}
		if t, ok := p.Texts[l.Code]; ok && t.Slug == slug {
			return p, true, nil
		}
		if other == nil {
			for _, t := range p.Texts {
				if t.Slug == slug {
					other = &d.pages[i]
					break
				}
			}
		}
	}
	if other != nil {
		// Another page may still use the slug in l: only the database
		// knows every page.
		if p, err := h.st.PageBySlug(r.Context(), l.Code, slug); err == nil && p.Texts[l.Code].Slug == slug {
			return p, p.Layout != content.LayoutHome, nil
		}
		return *other, true, nil
	}
	p, err := h.st.PageBySlug(r.Context(), l.Code, slug)
	if errors.Is(err, store.ErrNotFound) {
		return p, false, nil
	}
	return p, err == nil && p.Layout != content.LayoutHome, err
}

// canonicalOr redirects to want when the request came by another path
// (an old slug, the slug of another language) and reports whether it did.
func canonicalOr(w http.ResponseWriter, r *http.Request, want string) bool {
	if want == r.URL.Path {
		return false
	}
	http.Redirect(w, r, want, http.StatusMovedPermanently)
	return true
}

// pageChrome is the chrome of a page item.
func (h *handler) pageChrome(r *http.Request, d siteData, l lang.Language, p content.Page, t content.PageText) chrome {
	c := h.newChrome(r, d, l,
		func(o lang.Language) string { return h.pagePath(p, o) },
		func(code string) bool { return has(p.Texts, code) })
	c.Canonical = h.absolute(h.pagePath(p, mustLang(h.langs, t.Lang, l)))
	c.Title = t.Title
	c.Description = t.Summary
	c.borrowed(t.Meta, h.langs)
	c.Outdated = c.ContentLang == "" && content.Outdated(p.Texts, p.SourceLang, t.Lang)
	return c
}

// mustLang returns the configured language code, or l when code is not
// configured (a text left behind by a removed language).
func mustLang(s *lang.Set, code string, l lang.Language) lang.Language {
	if x, ok := s.Get(code); ok {
		return x
	}
	return l
}

type homeView struct {
	chrome
	Body          any
	Latest        []entryCard // the newest news posts
	Upcoming      []entryCard // the events to come
	NewsURL       string
	EventsURL     string
	Partners      []orgCard
	Government    []orgCard
	PartnersURL   string
	GovernmentURL string
}

func (h *handler) home(w http.ResponseWriter, r *http.Request, d siteData, l lang.Language) {
	p, ok := d.pageByKey("home")
	if !ok {
		h.notFoundIn(w, r, d, l)
		return
	}
	t, ok := pick(p.Texts, l)
	if !ok {
		h.notFoundIn(w, r, d, l)
		return
	}
	orgs, err := h.st.Organisations(r.Context())
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	v := homeView{chrome: h.pageChrome(r, d, l, p, t), Body: h.markdown(r.Context(), t.Lang, t.Body)}
	v.Title = v.Settings.SiteName
	v.IsHome = true
	v.Canonical = h.absolute("/" + l.Code + "/")
	if v.ContentLang != "" {
		v.Canonical = h.absolute("/" + t.Lang + "/")
	}
	v.XDefault = h.absolute("/")
	// The site name in the h1 comes from the settings, which exist per
	// language even where the home page's text is borrowed.
	parents := h.parents(d, l)
	for _, o := range orgs {
		card, ok := h.card(o, l, parents)
		if !ok {
			continue
		}
		if o.Role == content.RoleGovernment {
			v.Government = append(v.Government, card)
		} else {
			v.Partners = append(v.Partners, card)
		}
	}
	var funders []string
	for _, o := range orgs {
		if t, ok := pick(o.Texts, l); ok && o.Role == content.RoleFunder {
			funders = append(funders, t.Name)
		}
	}
	v.JSONLD = h.homeJSONLD(v.Settings, l, funders)
	langs := append([]string{l.Code}, l.Fallbacks...)
	for _, list := range []struct {
		q    store.EntryQuery
		into *[]entryCard
		url  *string
		page content.Layout
	}{
		{store.EntryQuery{Type: content.EntryNews, Langs: langs, Limit: 3}, &v.Latest, &v.NewsURL, content.LayoutNews},
		{store.EntryQuery{Type: content.EntryEvent, Langs: langs, When: "upcoming", Now: h.now(), Limit: 3}, &v.Upcoming, &v.EventsURL, content.LayoutEvents},
	} {
		cards, _, err := h.cards(r.Context(), d, l, list.q, false)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		*list.into = cards
		if p, ok := d.pageByLayout(list.page); ok {
			*list.url = h.pagePath(p, l)
		}
	}
	v.PartnersURL = parents[content.RoleFunder]
	v.GovernmentURL = parents[content.RoleGovernment]
	rememberLanguage(w, r, l.Code)
	h.render(w, r, http.StatusOK, "home", &v)
}

type pageView struct {
	chrome
	Heading string
	Body    any
}

type partnersView struct {
	pageView
	Orgs []orgBlock
}

type governmentView struct {
	pageView
	Orgs  []orgCard
	Count string
}

func (h *handler) page(w http.ResponseWriter, r *http.Request, d siteData, l lang.Language, slug string) {
	p, ok, err := h.findPage(r, d, l, slug)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if !ok {
		h.notFoundIn(w, r, d, l)
		return
	}
	t, ok := pick(p.Texts, l)
	if !ok {
		h.notFoundIn(w, r, d, l)
		return
	}
	if canonicalOr(w, r, h.pagePath(p, l)) {
		return
	}
	pv := h.listView(r, d, l, p, t)
	switch p.Layout {
	case content.LayoutNews, content.LayoutEvents:
		h.entryList(w, r, d, l, p, t, pv, 0, "")
		return
	case content.LayoutLibrary:
		h.library(w, r, d, l, p, pv)
		return
	case content.LayoutSearch:
		h.search(w, r, d, l, p, pv)
		return
	}
	rememberLanguage(w, r, l.Code)
	switch p.Layout {
	case content.LayoutPartners, content.LayoutGovernment:
		orgs, err := h.st.Organisations(r.Context())
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		parents := h.parents(d, l)
		if p.Layout == content.LayoutPartners {
			v := partnersView{pageView: pv}
			for _, o := range orgs {
				if o.Role == content.RoleGovernment {
					continue
				}
				if b, ok := h.block(r.Context(), o, l, parents, true); ok {
					v.Orgs = append(v.Orgs, b)
				}
			}
			h.render(w, r, http.StatusOK, "partners", &v)
			return
		}
		v := governmentView{pageView: pv}
		for _, o := range orgs {
			if o.Role != content.RoleGovernment {
				continue
			}
			if c, ok := h.card(o, l, parents); ok {
				v.Orgs = append(v.Orgs, c)
			}
		}
		v.Count = pv.tr.N("bodies_count", len(v.Orgs))
		h.render(w, r, http.StatusOK, "government", &v)
	case content.LayoutContacts:
		h.contacts(w, r, pv, h.pagePath(p, l))
	default:
		h.render(w, r, http.StatusOK, "page", &pv)
	}
}

// crumbs is the trail from the home page to last.
func (h *handler) crumbs(d siteData, l lang.Language, trail ...crumb) []crumb {
	out := []crumb{{Title: h.cat.For(l.Code).T("home"), URL: "/" + l.Code + "/"}}
	return append(out, trail...)
}

type notFoundView struct{ chrome }

// notFound answers paths outside every language prefix, in the language
// the reader would get at "/".
func (h *handler) notFound(w http.ResponseWriter, r *http.Request) {
	cookie := ""
	if c, err := r.Cookie(langCookie); err == nil {
		cookie = c.Value
	}
	l := h.langs.Negotiate(cookie, r.Header.Get("Accept-Language"))
	d, err := h.loadSite(r)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	h.notFoundIn(w, r, d, l)
}

func (h *handler) notFoundIn(w http.ResponseWriter, r *http.Request, d siteData, l lang.Language) {
	v := notFoundView{chrome: h.newChrome(r, d, l, nil, nil)}
	v.Title = v.T("not_found_title")
	h.render(w, r, http.StatusNotFound, "notfound", &v)
}
