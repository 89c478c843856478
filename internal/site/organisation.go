package site

import (
	"context"
	"html/template"
	"net/http"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/lang"
)

// parentKey is the page under which organisations of a role are listed.
func parentKey(role content.OrgRole) string {
	if role == content.RoleGovernment {
		return "government"
	}
	return "partners"
}

// parents maps each role to the path of its listing page in language l.
func (h *handler) parents(d siteData, l lang.Language) map[content.OrgRole]string {
	out := map[content.OrgRole]string{}
	for _, role := range []content.OrgRole{content.RoleFunder, content.RoleImplementer, content.RoleGovernment} {
		if p, ok := d.pageByKey(parentKey(role)); ok {
			out[role] = h.pagePath(p, l)
		}
	}
	return out
}

// orgPath is the path of organisation o in language l, or "".
func orgPath(o content.Organisation, l lang.Language, parents map[content.OrgRole]string) string {
	t, ok := pick(o.Texts, l)
	parent := parents[o.Role]
	if !ok || parent == "" {
		return ""
	}
	return parent + "/" + t.Slug
}

type orgCard struct {
	Key, Name, URL, Role, Tasks, Summary, Logo string
	Lang                                       string // the text's language, when borrowed
}

type orgBlock struct {
	Key          string
	Name         string
	URL          string
	Role         string
	Logo         string
	Lang         string
	Description  template.HTML
	Sections     []sectionView
	FormerNames  []string
	FormerLabel  string
	Website      string
	WebsiteLabel string
	Nested       bool // shown inside a page, so its headings start at h3
}

type sectionView struct {
	Heading      string
	Intro, Outro template.HTML
	Items        []string
}

func (h *handler) logoURL(name string) string {
	if name == "" {
		return ""
	}
	u, err := h.assets.URL("img/" + name)
	if err != nil {
		return ""
	}
	return u
}

func (h *handler) card(o content.Organisation, l lang.Language, parents map[content.OrgRole]string) (orgCard, bool) {
	t, ok := pick(o.Texts, l)
	if !ok {
		return orgCard{}, false
	}
	tr := h.cat.For(l.Code)
	c := orgCard{Key: o.Key, Name: t.Name, URL: orgPath(o, l, parents), Role: tr.T("role_" + string(o.Role)),
		Summary: t.Summary, Logo: h.logoURL(o.Logo)}
	if t.Lang != l.Code {
		c.Lang = t.Lang
	}
	n := 0
	for _, s := range t.Sections {
		n += len(s.Items)
	}
	if o.Role == content.RoleGovernment && n > 0 {
		c.Tasks = tr.N("tasks_count", n)
	}
	return c, true
}

func (h *handler) block(ctx context.Context, o content.Organisation, l lang.Language, parents map[content.OrgRole]string, nested bool) (orgBlock, bool) {
	t, ok := pick(o.Texts, l)
	if !ok {
		return orgBlock{}, false
	}
	tr := h.cat.For(l.Code)
	b := orgBlock{
		Key: o.Key, Name: t.Name, URL: orgPath(o, l, parents), Role: tr.T("role_" + string(o.Role)),
		Logo: h.logoURL(o.Logo), Description: h.markdown(ctx, t.Lang, t.Description), FormerNames: t.FormerNames,
		FormerLabel: tr.T("former_names"), Website: safeWebsite(o.Website), WebsiteLabel: t.WebsiteLabel, Nested: nested,
	}
	if b.WebsiteLabel == "" {
		b.WebsiteLabel = tr.T("official_website")
	}
	if t.Lang != l.Code {
		b.Lang = t.Lang
	}
	for _, s := range t.Sections {
		b.Sections = append(b.Sections, sectionView{Heading: s.Heading, Intro: h.markdown(ctx, t.Lang, s.Intro), Outro: h.markdown(ctx, t.Lang, s.Outro), Items: s.Items})
	}
	return b, true
}

// safeWebsite keeps only http(s) addresses; html/template would neutralise
// others anyway, but a link to nowhere is worse than no link.
func safeWebsite(u string) string {
	if len(u) > 8 && (u[:7] == "http://" || u[:8] == "https://") {
		return u
	}
	return ""
}

type orgView struct {
	chrome
	Org orgBlock
}

func (h *handler) organisation(w http.ResponseWriter, r *http.Request, d siteData, l lang.Language, section, slug string) {
	refs, err := h.st.OrganisationSlug(r.Context(), slug)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if len(refs) == 0 {
		h.notFoundIn(w, r, d, l)
		return
	}
	ref := refs[0]
	for _, x := range refs {
		if x.Lang == l.Code {
			ref = x
			break
		}
	}
	o, err := h.st.Organisation(r.Context(), ref.ID)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if t, ok := o.Texts[ref.Lang]; !ok || !t.Published() {
		h.notFoundIn(w, r, d, l)
		return
	}
	parents := h.parents(d, l)
	t, ok := pick(o.Texts, l)
	want := orgPath(o, l, parents)
	if !ok || want == "" {
		h.notFoundIn(w, r, d, l)
		return
	}
	if _, ok, err := h.findPage(r, d, l, section); err != nil || !ok {
		h.notFoundIn(w, r, d, l)
		return
	}
	if canonicalOr(w, r, want) {
		return
	}
	self := func(x lang.Language) string { return orgPath(o, x, h.parents(d, x)) }
	v := orgView{chrome: h.newChrome(r, d, l, self, func(code string) bool { return has(o.Texts, code) })}
	v.Org, _ = h.block(r.Context(), o, l, parents, false)
	v.Title = t.Name
	v.Description = t.Summary
	v.Canonical = h.absolute(self(mustLang(h.langs, t.Lang, l)))
	v.borrowed(t.Meta, h.langs)
	v.Outdated = v.ContentLang == "" && content.Outdated(o.Texts, o.SourceLang, t.Lang)
	if p, ok := d.pageByKey(parentKey(o.Role)); ok {
		if pt, ok := pick(p.Texts, l); ok {
			c := crumb{Title: pt.Title, URL: h.pagePath(p, l)}
			if pt.Lang != l.Code {
				c.Lang = pt.Lang
			}
			v.Breadcrumbs = h.crumbs(d, l, c, crumb{Title: t.Name, Lang: v.ContentLang})
		}
	}
	rememberLanguage(w, r, l.Code)
	h.render(w, r, http.StatusOK, "organisation", &v)
}
