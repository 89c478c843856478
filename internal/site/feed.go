package site

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/lang"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/web"
)

// feedLength is how many entries a feed carries.
const feedLength = 20

type atomLink struct {
	Rel      string `xml:"rel,attr,omitempty"`
	Type     string `xml:"type,attr,omitempty"`
	Href     string `xml:"href,attr"`
	HrefLang string `xml:"hreflang,attr,omitempty"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Body string `xml:",chardata"`
}

type atomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomEntry struct {
	Title     atomText   `xml:"title"`
	ID        string     `xml:"id"`
	Link      []atomLink `xml:"link"`
	Published string     `xml:"published,omitempty"`
	Updated   string     `xml:"updated"`
	Category  []atomCat  `xml:"category"`
	Summary   *atomText  `xml:"summary,omitempty"`
	Content   *atomText  `xml:"content,omitempty"`
}

type atomCat struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string      `xml:"xml:lang,attr"`
	Title    atomText    `xml:"title"`
	Subtitle *atomText   `xml:"subtitle,omitempty"`
	ID       string      `xml:"id"`
	Updated  string      `xml:"updated"`
	Link     []atomLink  `xml:"link"`
	Author   atomPerson  `xml:"author"`
	Rights   *atomText   `xml:"rights,omitempty"`
	Entries  []atomEntry `xml:"entry"`
}

// feed answers /{lang}/feed.atom: the latest news and events written in
// that language.
func (h *handler) feed(w http.ResponseWriter, r *http.Request) {
	l, ok := h.pathLang(r)
	if !ok {
		h.notFound(w, r)
		return
	}
	d, err := h.loadSite(r)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	ctx := r.Context()
	var items []content.Entry
	for _, typ := range []content.EntryType{content.EntryNews, content.EntryEvent} {
		es, _, err := h.st.Entries(ctx, store.EntryQuery{Type: typ, Langs: []string{l.Code}, Limit: feedLength})
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		items = append(items, es...)
	}
	slices.SortFunc(items, func(a, b content.Entry) int { return b.Date.Compare(a.Date) })
	items = items[:min(len(items), feedLength)]
	s := d.settingsFor(l)
	self := h.absolute("/" + l.Code + "/feed.atom")
	f := atomFeed{
		Lang:   l.Code,
		Title:  atomText{Body: s.SiteName},
		ID:     self,
		Link:   []atomLink{{Rel: "self", Type: "application/atom+xml", Href: self}, {Rel: "alternate", Type: "text/html", Href: h.absolute("/" + l.Code + "/")}},
		Author: atomPerson{Name: cmp.Or(s.Organisation, s.SiteName), URI: h.absolute("/" + l.Code + "/")},
	}
	if s.Disclaimer != "" {
		f.Rights = &atomText{Body: s.Disclaimer}
	}
	var updated time.Time
	tr := h.cat.For(l.Code)
	for _, e := range items {
		t := e.Texts[l.Code]
		link := h.absolute(h.entryPath(d, e, l))
		ae := atomEntry{
			Title:     atomText{Body: t.Title},
			ID:        link,
			Link:      []atomLink{{Rel: "alternate", Type: "text/html", Href: link}},
			Published: e.Date.UTC().Format(time.RFC3339),
			Updated:   t.UpdatedAt.UTC().Format(time.RFC3339),
			Content:   &atomText{Type: "html", Body: string(h.markdown(ctx, l.Code, absoluteLinks(t.Body, h.baseURL)))},
		}
		if t.Summary != "" {
			ae.Summary = &atomText{Body: t.Summary}
		}
		ae.Category = append(ae.Category, atomCat{Term: string(e.Type), Label: tr.T("kind_" + string(e.Type))})
		for _, tag := range t.Tags {
			ae.Category = append(ae.Category, atomCat{Term: tag})
		}
		f.Entries = append(f.Entries, ae)
		if t.UpdatedAt.After(updated) {
			updated = t.UpdatedAt
		}
	}
	if updated.IsZero() {
		updated = time.Unix(0, 0)
	}
	f.Updated = updated.UTC().Format(time.RFC3339)
	h.sendXML(w, r, "application/atom+xml; charset=utf-8", f)
}

// absoluteLinks makes the site's own links and images in a Markdown text
// absolute, so that a feed reader elsewhere can follow them.
func absoluteLinks(md, base string) string {
	if base == "" {
		return md
	}
	return strings.ReplaceAll(strings.ReplaceAll(md, "](/", "]("+base+"/"), "](<"+"/", "](<"+base+"/")
}

// sendXML writes v as an XML document, through the same conditional,
// compressed sending as pages.
func (h *handler) sendXML(w http.ResponseWriter, r *http.Request, contentType string, v any) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		h.serverError(w, r, err)
		return
	}
	buf.WriteString("\n")
	b := &web.Body{ContentType: contentType, CacheControl: "public, max-age=300", Data: buf.Bytes()}
	b.Write(w, r)
}

type sitemapLink struct {
	Rel      string `xml:"rel,attr"`
	HrefLang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

type sitemapURL struct {
	Loc     string        `xml:"loc"`
	LastMod string        `xml:"lastmod,omitempty"`
	Links   []sitemapLink `xml:"xhtml:link"`
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	XHTML   string       `xml:"xmlns:xhtml,attr"`
	URLs    []sitemapURL `xml:"url"`
}

// sitemap answers /sitemap.xml: every real translation of every page,
// organisation and entry, each with its alternates in the other
// languages. Borrowed texts are left out: their address belongs to the
// language they are written in.
func (h *handler) sitemap(w http.ResponseWriter, r *http.Request) {
	d, err := h.loadSite(r)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	ctx := r.Context()
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml"}
	add := func(path func(lang.Language) string, own func(string) bool, updated func(string) time.Time) {
		var links []sitemapLink
		var locs []sitemapURL
		for _, l := range h.langs.All() {
			if !own(l.Code) {
				continue
			}
			p := path(l)
			if p == "" {
				continue
			}
			u := h.absolute(p)
			links = append(links, sitemapLink{Rel: "alternate", HrefLang: l.Code, Href: u})
			loc := sitemapURL{Loc: u}
			if t := updated(l.Code); !t.IsZero() {
				loc.LastMod = t.UTC().Format("2006-01-02")
			}
			locs = append(locs, loc)
		}
		if len(links) > 1 {
			for i := range locs {
				locs[i].Links = links
			}
		}
		set.URLs = append(set.URLs, locs...)
	}
	pages, err := h.st.Pages(ctx)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	for _, p := range pages {
		if p.Layout == content.LayoutSearch {
			continue
		}
		add(func(l lang.Language) string { return h.pagePath(p, l) },
			func(code string) bool { return has(p.Texts, code) },
			func(code string) time.Time { return p.Texts[code].UpdatedAt })
	}
	orgs, err := h.st.Organisations(ctx)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	for _, o := range orgs {
		add(func(l lang.Language) string { return orgPath(o, l, h.parents(d, l)) },
			func(code string) bool { return has(o.Texts, code) },
			func(code string) time.Time { return o.Texts[code].UpdatedAt })
	}
	for _, typ := range content.EntryTypes() {
		es, _, err := h.st.Entries(ctx, store.EntryQuery{Type: typ, Langs: h.langs.Codes(), NoBody: true})
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		for _, e := range es {
			add(func(l lang.Language) string { return h.entryPath(d, e, l) },
				func(code string) bool { return has(e.Texts, code) },
				func(code string) time.Time { return e.Texts[code].UpdatedAt })
		}
	}
	h.sendXML(w, r, "application/xml; charset=utf-8", set)
}
