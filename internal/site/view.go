package site

import (
	"html/template"
	"net/http"
	"strings"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/i18n"
	"github.com/datka-cms/datka/internal/lang"
)

// chrome is what every page's layout shows around its content.
type chrome struct {
	tr          *i18n.Translator
	L           map[string]string // the interface strings of Lang
	Lang        lang.Language
	Settings    content.Settings
	Slogans     []slogan
	Switcher    []langLink
	Menu        []menuLink
	Alternates  []alternate
	Canonical   string
	XDefault    string
	Title       string
	Description string
	HomeURL     string
	IsHome      bool
	VI          bool
	Path        string
	Breadcrumbs []crumb
	Fallback    string // the notice shown when the content is borrowed
	ContentLang string // the content's language, when it is not Lang
	NeedsReview bool
	Updated     string
	FooterHTML  template.HTML
	Tagline     string // the site name without the short name it starts with
	Outdated    bool   // the text is a translation its source has moved past
	// Open Graph and JSON-LD: the kind of page ("website" when empty), an
	// image's absolute address, and structured data for search engines.
	SearchURL string // the search page in this language, "" when none
	OGType    string
	OGLocale  string
	OGImage   string
	JSONLD    any
}

// T translates an interface string into the page's language.
func (c *chrome) T(id string, pairs ...any) string { return c.tr.T(id, pairs...) }

type slogan struct{ Lang, Text string }

type langLink struct {
	Lang, Name, URL string
	Current         bool
}

type menuLink struct {
	Title, URL string
	Lang       string // set when the title is borrowed from another language
	Current    bool
}

type alternate struct{ Lang, URL string }

type crumb struct{ Title, URL, Lang string }

// siteData is the part of the database every page needs: the settings and
// the structural pages (menu, home, lists).
type siteData struct {
	settings map[string]content.Settings
	pages    []content.Page
}

func (h *handler) loadSite(r *http.Request) (siteData, error) {
	gen := h.st.Generation()
	if d, ok := h.memo.siteData(gen); ok {
		return d, nil
	}
	d, err := h.readSite(r)
	if err == nil {
		h.memo.putSiteData(gen, d)
	}
	return d, err
}

func (h *handler) readSite(r *http.Request) (siteData, error) {
	settings, err := h.st.Settings(r.Context())
	if err != nil {
		return siteData{}, err
	}
	pages, err := h.st.StructuralPages(r.Context())
	if err != nil {
		return siteData{}, err
	}
	return siteData{settings: settings, pages: pages}, nil
}

func (d siteData) pageByKey(key string) (content.Page, bool) {
	for _, p := range d.pages {
		if p.Key == key {
			return p, true
		}
	}
	return content.Page{}, false
}

// settingsFor returns the settings of l, or of its fallbacks.
func (d siteData) settingsFor(l lang.Language) content.Settings {
	if s, ok := d.settings[l.Code]; ok {
		return s
	}
	for _, f := range l.Fallbacks {
		if s, ok := d.settings[f]; ok {
			return s
		}
	}
	return content.Settings{}
}

// pagePath is the path of page p in language code, or "" if p has no
// text to show there.
func (h *handler) pagePath(p content.Page, l lang.Language) string {
	t, ok := pick(p.Texts, l)
	if !ok {
		return ""
	}
	if p.Layout == content.LayoutHome {
		return "/" + l.Code + "/"
	}
	return "/" + l.Code + "/" + t.Slug
}

// pathFunc gives an item's path in a language, or "" where it has none.
type pathFunc func(l lang.Language) string

// newChrome fills what every page shows. self gives the item's path in a
// language (or "" where it does not exist); own reports whether the item
// has its own text in a language.
func (h *handler) newChrome(r *http.Request, d siteData, l lang.Language, self pathFunc, own func(code string) bool) chrome {
	tr := h.cat.For(l.Code)
	c := chrome{
		tr:       tr,
		L:        tr.Strings(),
		Lang:     l,
		Settings: d.settingsFor(l),
		HomeURL:  "/" + l.Code + "/",
		Path:     r.URL.Path,
		OGLocale: ogLocale(l.Code),
	}
	if ck, err := r.Cookie(viCookie); err == nil && ck.Value == "1" {
		c.VI = true
	}
	for _, other := range h.langs.All() {
		if s, ok := d.settings[other.Code]; ok && s.Slogan != "" {
			c.Slogans = append(c.Slogans, slogan{Lang: other.Code, Text: s.Slogan})
		}
	}
	for _, other := range h.langs.All() {
		target := ""
		if self != nil {
			target = self(other)
		}
		if target == "" {
			target = "/" + other.Code + "/"
		}
		c.Switcher = append(c.Switcher, langLink{Lang: other.Code, Name: other.Name, URL: target, Current: other.Code == l.Code})
		if self != nil && own != nil && own(other.Code) {
			c.Alternates = append(c.Alternates, alternate{Lang: other.Code, URL: h.absolute(self(other))})
		}
	}
	if self != nil {
		def := h.langs.Default()
		if own != nil && own(def.Code) {
			c.XDefault = h.absolute(self(def))
		} else if len(c.Alternates) > 0 {
			c.XDefault = c.Alternates[0].URL
		}
	}
	for _, p := range d.pages {
		if !p.InMenu {
			continue
		}
		t, ok := pick(p.Texts, l)
		if !ok {
			continue
		}
		m := menuLink{Title: t.Title, URL: h.pagePath(p, l)}
		if t.Lang != l.Code {
			m.Lang = t.Lang
		}
		m.Current = m.URL == r.URL.Path || (p.Layout != content.LayoutHome && strings.HasPrefix(r.URL.Path, m.URL+"/"))
		c.Menu = append(c.Menu, m)
	}
	if p, ok := d.pageByLayout(content.LayoutSearch); ok {
		c.SearchURL = h.pagePath(p, l)
	}
	c.FooterHTML = h.markdown(r.Context(), c.Settings.Lang, c.Settings.Footer)
	c.Tagline = strings.TrimPrefix(c.Settings.SiteName, c.Settings.ShortName+" — ")
	return c
}

// borrowed marks c as showing text written in another language.
func (c *chrome) borrowed(meta content.Meta, langs *lang.Set) {
	if meta.Lang == c.Lang.Code {
		c.NeedsReview = meta.NeedsNativeReview
		c.Updated = c.tr.Date(meta.UpdatedAt)
		return
	}
	c.ContentLang = meta.Lang
	name := c.tr.T("lang_" + meta.Lang)
	if name == "lang_"+meta.Lang {
		if l, ok := langs.Get(meta.Lang); ok {
			name = l.Name
		}
	}
	c.Fallback = c.tr.T("fallback_notice", "Language", name)
}
