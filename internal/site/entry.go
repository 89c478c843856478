package site

import (
	"context"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/i18n"
	"github.com/datka-cms/datka/internal/lang"
	"github.com/datka-cms/datka/internal/media"
	"github.com/datka-cms/datka/internal/store"
)

// perPage is the length of a page of a list of entries.
const perPage = 10

// listLayout is the layout of the page that lists entries of typ; its
// slug is the first segment of their addresses.
func listLayout(typ content.EntryType) content.Layout {
	switch typ {
	case content.EntryEvent:
		return content.LayoutEvents
	case content.EntryMaterial:
		return content.LayoutLibrary
	}
	return content.LayoutNews
}

func (d siteData) pageByLayout(layout content.Layout) (content.Page, bool) {
	for _, p := range d.pages {
		if p.Layout == layout {
			return p, true
		}
	}
	return content.Page{}, false
}

// entryPath is the address of e in l, or "" when it has no text to show
// there or the site has no page listing its type.
func (h *handler) entryPath(d siteData, e content.Entry, l lang.Language) string {
	t, ok := pick(e.Texts, l)
	if !ok {
		return ""
	}
	p, ok := d.pageByLayout(listLayout(e.Type))
	if !ok {
		return ""
	}
	base := h.pagePath(p, l)
	if base == "" {
		return ""
	}
	return base + "/" + t.Slug
}

// image is an image of the media library as a template shows it.
type image struct {
	URL, Srcset, Sizes, Alt string
	Width, Height           int
}

// coverImage looks up a cover in the media library; ok is false when
// there is none or the file is gone.
func (h *handler) coverImage(ctx context.Context, name, code string) (image, bool) {
	if name == "" || !media.ValidName(name) {
		return image{}, false
	}
	m, err := h.st.MediaByName(ctx, name)
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) {
			h.log.Warn("cover lookup", "name", name, "err", err)
		}
		return image{}, false
	}
	if m.Kind != content.MediaImage {
		return image{}, false
	}
	img := image{URL: m.URL(), Srcset: m.Srcset(), Alt: m.Alt[code], Width: m.Width, Height: m.Height}
	if img.Srcset != "" {
		img.Sizes = "(min-width: 40rem) 12rem, 100vw"
	}
	return img, true
}

// entryCard is an entry in a list.
type entryCard struct {
	Title    string
	URL      string
	Lang     string // set when the text is borrowed from another language
	Summary  string
	Date     string
	DateISO  string
	Cover    *image
	Place    string
	When     string // an event's dates, "26 November 2019 – 28 November 2019"
	Upcoming bool
	// Materials.
	Format   string // "PDF, 1.2 MB" or "video"
	Topic    string
	Groups   []string
	DocLangs []string
	Year     int
	// Facets are the library filter values a material matches, as
	// "topic:media group:media lang:ru year:2021 format:video": the
	// archive's library filters (internal/export) read them.
	Facets string
}

func (h *handler) entryCardOf(ctx context.Context, d siteData, e content.Entry, l lang.Language, withCover bool) (entryCard, bool) {
	t, ok := pick(e.Texts, l)
	if !ok {
		return entryCard{}, false
	}
	tr := h.cat.For(l.Code)
	c := entryCard{Title: t.Title, URL: h.entryPath(d, e, l), Summary: t.Summary, Place: t.Place}
	if t.Lang != l.Code {
		c.Lang = t.Lang
	}
	if !e.Date.IsZero() {
		local := e.Date.In(h.loc)
		c.Date, c.DateISO = tr.Date(local), local.Format("2006-01-02")
	}
	if e.Type == content.EntryEvent {
		c.When = h.eventDates(l.Code, e)
		c.Upcoming = e.Upcoming(h.now())
	}
	if e.Type == content.EntryMaterial {
		c.Year = e.Year
		if e.Topic != "" {
			c.Topic = tr.T("topic_" + e.Topic)
		}
		for _, g := range e.Groups {
			c.Groups = append(c.Groups, tr.T("group_"+g))
		}
		for _, code := range e.DocLangs {
			c.DocLangs = append(c.DocLangs, tr.T("lang_"+code))
		}
		c.Format = h.fileFormat(ctx, l.Code, e)
		c.Facets = materialFacets(e)
	}
	if withCover {
		if img, ok := h.coverImage(ctx, e.Cover, t.Lang); ok {
			c.Cover = &img
		}
	}
	return c, true
}

// materialFacets lists the values of the library's filters that select
// e, as the store's EntryQuery selects them.
func materialFacets(e content.Entry) string {
	var f []string
	if e.Topic != "" {
		f = append(f, "topic:"+e.Topic)
	}
	for _, g := range e.Groups {
		f = append(f, "group:"+g)
	}
	for _, code := range e.DocLangs {
		f = append(f, "lang:"+code)
	}
	if e.Year != 0 {
		f = append(f, "year:"+strconv.Itoa(e.Year))
	}
	if e.File != "" {
		f = append(f, "format:document")
	}
	if e.VideoURL != "" {
		f = append(f, "format:video")
	}
	return strings.Join(f, " ")
}

// cards returns the entries q selects as cards for l, and how many it
// selects in all.
func (h *handler) cards(ctx context.Context, d siteData, l lang.Language, q store.EntryQuery, withCover bool) ([]entryCard, int, error) {
	q.NoBody = true // a card shows no body
	items, total, err := h.st.Entries(ctx, q)
	if err != nil {
		return nil, 0, err
	}
	var out []entryCard
	for _, e := range items {
		if c, ok := h.entryCardOf(ctx, d, e, l, withCover); ok {
			out = append(out, c)
		}
	}
	return out, total, nil
}

// eventDates writes an event's start and end days.
func (h *handler) eventDates(code string, e content.Entry) string {
	tr := h.cat.For(code)
	start := e.Start.In(h.loc)
	s := tr.Date(start)
	if e.End.IsZero() {
		return s
	}
	end := e.End.In(h.loc)
	if end.Format("2006-01-02") == start.Format("2006-01-02") {
		return s
	}
	return s + " – " + tr.Date(end)
}

// download is a material's file as a reader sees it before downloading.
type download struct {
	URL      string
	Type     string // "PDF"
	Size     string // "1.2 MB"
	Filename string
}

func (h *handler) materialFile(ctx context.Context, code string, e content.Entry) (download, bool) {
	if e.File == "" || !media.ValidName(e.File) {
		return download{}, false
	}
	m, err := h.st.MediaByName(ctx, e.File)
	if err != nil {
		return download{}, false
	}
	return download{URL: m.URL(), Type: m.Format(), Size: h.cat.For(code).Size(m.Size), Filename: m.OriginalName}, true
}

// fileFormat says what a material is before the reader opens it.
func (h *handler) fileFormat(ctx context.Context, code string, e content.Entry) string {
	if f, ok := h.materialFile(ctx, code, e); ok {
		return f.Type + ", " + f.Size
	}
	if e.VideoURL != "" {
		return h.cat.For(code).T("format_video")
	}
	return ""
}

type pagerLink struct {
	Number  int
	URL     string
	Current bool
}

type pager struct {
	Prev, Next string
	Pages      []pagerLink
	// What a screen reader says for the navigation and its arrows.
	Label, PrevLabel, NextLabel string
}

// newPager links the pages of a list at base with query q; page 1 has
// no page parameter.
func newPager(tr *i18n.Translator, base string, q url.Values, page, total int) *pager {
	n := (total + perPage - 1) / perPage
	if n <= 1 {
		return nil
	}
	link := func(i int) string {
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		v.Del("page")
		if i > 1 {
			v.Set("page", strconv.Itoa(i))
		}
		if len(v) == 0 {
			return base
		}
		return base + "?" + v.Encode()
	}
	p := &pager{Label: tr.T("pager"), PrevLabel: tr.T("pager_prev"), NextLabel: tr.T("pager_next")}
	if page > 1 {
		p.Prev = link(page - 1)
	}
	if page < n {
		p.Next = link(page + 1)
	}
	for i := 1; i <= n; i++ {
		if i == 1 || i == n || (i >= page-2 && i <= page+2) {
			p.Pages = append(p.Pages, pagerLink{Number: i, URL: link(i), Current: i == page})
		} else if len(p.Pages) > 0 && p.Pages[len(p.Pages)-1].Number != 0 {
			p.Pages = append(p.Pages, pagerLink{}) // a gap
		}
	}
	return p
}

// pageNumber reads ?page=; ok is false when it is not a page number.
func pageNumber(r *http.Request) (int, bool) {
	s := r.URL.Query().Get("page")
	if s == "" {
		return 1, true
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 100000 || strconv.Itoa(n) != s {
		return 0, false
	}
	return n, true
}

type yearLink struct {
	Year    int
	Count   int
	URL     string
	Current bool
}

type tagLink struct {
	Name, URL string
	Count     int
	Current   bool
}

type entriesView struct {
	pageView
	Type     content.EntryType
	Upcoming []entryCard
	Items    []entryCard
	Pager    *pager
	Years    []yearLink
	Tags     []tagLink
	Filter   string // "2020" or a tag, what the list is narrowed to
	FeedURL  string
	Empty    string
	ListHead string
}

// entryList answers the list page p of news or events, and its archives
// by year and by tag.
func (h *handler) entryList(w http.ResponseWriter, r *http.Request, d siteData, l lang.Language, p content.Page, t content.PageText, pv pageView, year int, tag string) {
	typ := content.EntryNews
	if p.Layout == content.LayoutEvents {
		typ = content.EntryEvent
	}
	page, ok := pageNumber(r)
	if !ok {
		h.notFoundIn(w, r, d, l)
		return
	}
	base := h.pagePath(p, l)
	langs := append([]string{l.Code}, l.Fallbacks...)
	q := store.EntryQuery{Type: typ, Langs: langs, Year: year, Tag: tag, Limit: perPage, Offset: (page - 1) * perPage, Now: h.now()}
	v := entriesView{pageView: pv, Type: typ, FeedURL: "/" + l.Code + "/feed.atom"}
	tr := v.tr
	ctx := r.Context()
	if typ == content.EntryEvent && year == 0 && tag == "" {
		if page == 1 {
			up, _, err := h.cards(ctx, d, l, store.EntryQuery{Type: typ, Langs: langs, When: "upcoming", Now: q.Now, Limit: 50}, true)
			if err != nil {
				h.serverError(w, r, err)
				return
			}
			v.Upcoming = up
		}
		q.When = "past"
		v.ListHead = tr.T("events_past")
	}
	items, total, err := h.cards(ctx, d, l, q, true)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if page > 1 && len(items) == 0 {
		h.notFoundIn(w, r, d, l)
		return
	}
	v.Items = items
	self := base
	switch {
	case year != 0:
		self = base + "/" + strconv.Itoa(year)
		v.Filter = strconv.Itoa(year)
	case tag != "":
		self = base + "/tag/" + tag
	}
	v.Pager = newPager(tr, self, url.Values{}, page, total)
	years, err := h.st.EntryYears(ctx, typ, langs)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	for _, y := range years {
		v.Years = append(v.Years, yearLink{Year: y.Year, Count: y.Count, URL: base + "/" + strconv.Itoa(y.Year), Current: y.Year == year})
	}
	tags, err := h.st.EntryTags(ctx, typ, l.Code)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	for _, x := range tags {
		v.Tags = append(v.Tags, tagLink{Name: x.Name, Count: x.Count, URL: base + "/tag/" + x.Slug, Current: x.Slug == tag})
		if x.Slug == tag {
			v.Filter = x.Name
		}
	}
	if tag != "" && v.Filter == "" || year != 0 && total == 0 {
		h.notFoundIn(w, r, d, l)
		return
	}
	if v.Filter != "" {
		v.Heading = t.Title + ": " + v.Filter
		v.Title = v.Heading
		v.Body = nil
		v.Breadcrumbs = h.crumbs(d, l, crumb{Title: t.Title, URL: base, Lang: pv.ContentLang}, crumb{Title: v.Filter})
		// An archive has the same address in every language only for a
		// year; a tag is a word of one language.
		if tag != "" {
			v.Switcher = h.homeSwitcher()
			v.Alternates = []alternate{{Lang: l.Code, URL: h.absolute(self)}}
			v.XDefault = v.Alternates[0].URL
		} else {
			h.relink(&v.chrome, p, func(x lang.Language) string {
				if b := h.pagePath(p, x); b != "" {
					return b + "/" + strconv.Itoa(year)
				}
				return ""
			})
		}
	}
	if page > 1 {
		v.Title += " — " + tr.T("page_n", "Number", strconv.Itoa(page))
		v.Canonical = h.absolute(self + "?page=" + strconv.Itoa(page))
	} else if v.Filter != "" {
		v.Canonical = h.absolute(self)
	}
	if len(v.Items) == 0 && len(v.Upcoming) == 0 {
		v.Empty = tr.T("list_empty")
	}
	rememberLanguage(w, r, l.Code)
	h.render(w, r, http.StatusOK, "entries", &v)
}

// homeSwitcher links every language to its home page, for a page that
// exists in one language only.
func (h *handler) homeSwitcher() []langLink {
	var out []langLink
	for _, o := range h.langs.All() {
		out = append(out, langLink{Lang: o.Code, Name: o.Name, URL: "/" + o.Code + "/"})
	}
	return out
}

// relink points the switcher and the alternates of c at self.
func (h *handler) relink(c *chrome, p content.Page, self pathFunc) {
	c.Alternates, c.XDefault = nil, ""
	for i, s := range c.Switcher {
		o, _ := h.langs.Get(s.Lang)
		if u := self(o); u != "" {
			c.Switcher[i].URL = u
			if has(p.Texts, o.Code) {
				c.Alternates = append(c.Alternates, alternate{Lang: o.Code, URL: h.absolute(u)})
			}
		}
	}
	if len(c.Alternates) > 0 {
		c.XDefault = c.Alternates[0].URL
		def := h.langs.Default().Code
		for _, a := range c.Alternates {
			if a.Lang == def {
				c.XDefault = a.URL
			}
		}
	}
}

type entryView struct {
	chrome
	Entry    content.Entry
	Card     entryCard
	Body     template.HTML
	Tags     []tagLink
	ListURL  string
	File     *download
	VideoURL string
	Online   string
	Register string
	Start    string // machine-readable, for <time>
	End      string
}

// entryPage answers one news post, event or material.
func (h *handler) entryPage(w http.ResponseWriter, r *http.Request, d siteData, l lang.Language, p content.Page, pt content.PageText, slug string) {
	typ := content.EntryNews
	switch p.Layout {
	case content.LayoutEvents:
		typ = content.EntryEvent
	case content.LayoutLibrary:
		typ = content.EntryMaterial
	}
	ctx := r.Context()
	e, err := h.st.EntryBySlug(ctx, typ, l.Code, slug)
	if errors.Is(err, store.ErrNotFound) {
		h.notFoundIn(w, r, d, l)
		return
	}
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	t, ok := pick(e.Texts, l)
	want := h.entryPath(d, e, l)
	if !ok || want == "" {
		h.notFoundIn(w, r, d, l)
		return
	}
	if canonicalOr(w, r, want) {
		return
	}
	self := func(x lang.Language) string { return h.entryPath(d, e, x) }
	v := entryView{chrome: h.newChrome(r, d, l, self, func(code string) bool { return has(e.Texts, code) }), Entry: e}
	v.Card, _ = h.entryCardOf(ctx, d, e, l, true)
	v.Body = h.markdown(ctx, t.Lang, t.Body)
	v.Title, v.Description = t.Title, t.Summary
	v.Canonical = h.absolute(self(mustLang(h.langs, t.Lang, l)))
	v.borrowed(t.Meta, h.langs)
	v.Outdated = v.ContentLang == "" && content.Outdated(e.Texts, e.SourceLang, t.Lang)
	v.ListURL = h.pagePath(p, l)
	v.OGType = "article"
	image := ""
	if v.Card.Cover != nil {
		image = h.absolute(v.Card.Cover.URL)
		v.OGImage = image
	}
	v.JSONLD = h.entryJSONLD(v.Settings, l, e, t, v.Canonical, image)
	c := crumb{Title: pt.Title, URL: v.ListURL}
	if pt.Lang != l.Code {
		c.Lang = pt.Lang
	}
	v.Breadcrumbs = h.crumbs(d, l, c, crumb{Title: t.Title, Lang: v.ContentLang})
	if typ != content.EntryMaterial {
		for _, tag := range t.Tags {
			if s := lang.Slugify(t.Lang, tag); s != "" {
				v.Tags = append(v.Tags, tagLink{Name: tag, URL: h.pagePath(p, mustLang(h.langs, t.Lang, l)) + "/tag/" + s})
			}
		}
	}
	if f, ok := h.materialFile(ctx, l.Code, e); ok {
		v.File = &f
	}
	v.VideoURL = safeURL(e.VideoURL)
	v.Online = safeURL(e.OnlineURL)
	v.Register = safeURL(e.RegistrationURL)
	if !e.Start.IsZero() {
		v.Start = e.Start.In(h.loc).Format(time.RFC3339)
	}
	if !e.End.IsZero() {
		v.End = e.End.In(h.loc).Format(time.RFC3339)
	}
	rememberLanguage(w, r, l.Code)
	h.render(w, r, http.StatusOK, "entry", &v)
}

// safeURL returns u when it is an absolute http(s) address, else "".
// Links typed by editors are checked when saved; this keeps an address
// that slipped past from ever becoming a javascript: link.
func safeURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
		return ""
	}
	return u
}

type option struct {
	Value, Label string
	Selected     bool
}

type libraryView struct {
	pageView
	Items   []entryCard
	Pager   *pager
	Topics  []option
	Groups  []option
	Langs   []option
	Years   []option
	Formats []option
	Count   string
	Reset   string
	Active  bool
	Empty   string
}

// library answers the library with the filters of the query: every
// filter narrows the list, and all of them live in the address, so a
// filtered list can be bookmarked and shared.
func (h *handler) library(w http.ResponseWriter, r *http.Request, d siteData, l lang.Language, p content.Page, pv pageView) {
	page, ok := pageNumber(r)
	if !ok {
		h.notFoundIn(w, r, d, l)
		return
	}
	ctx := r.Context()
	tr := pv.tr
	in := r.URL.Query()
	langs := append([]string{l.Code}, l.Fallbacks...)
	q := store.EntryQuery{Type: content.EntryMaterial, Langs: langs, Limit: perPage, Offset: (page - 1) * perPage}
	kept := url.Values{}
	v := libraryView{pageView: pv, Reset: h.pagePath(p, l)}
	choose := func(name string, values []string, label func(string) string) ([]option, string) {
		want := in.Get(name)
		if !slices.Contains(values, want) {
			want = ""
		}
		if want != "" {
			kept.Set(name, want)
		}
		opts := []option{{Value: "", Label: tr.T("filter_any"), Selected: want == ""}}
		for _, x := range values {
			opts = append(opts, option{Value: x, Label: label(x), Selected: x == want})
		}
		return opts, want
	}
	v.Topics, q.Topic = choose("topic", content.Topics(), func(k string) string { return tr.T("topic_" + k) })
	v.Groups, q.Group = choose("group", content.TargetGroups(), func(k string) string { return tr.T("group_" + k) })
	v.Langs, q.DocLang = choose("lang", h.langs.Codes(), func(k string) string { return tr.T("lang_" + k) })
	v.Formats, q.Format = choose("format", []string{"document", "video"}, func(k string) string { return tr.T("format_" + k) })
	years, err := h.st.EntryYears(ctx, content.EntryMaterial, langs)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	var ys []string
	for _, y := range years {
		ys = append(ys, strconv.Itoa(y.Year))
	}
	var year string
	v.Years, year = choose("year", ys, func(k string) string { return k })
	q.Year, _ = strconv.Atoi(year)
	v.Active = len(kept) > 0
	items, total, err := h.cards(ctx, d, l, q, false)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if page > 1 && len(items) == 0 {
		h.notFoundIn(w, r, d, l)
		return
	}
	v.Items = items
	v.Count = tr.N("materials_count", total)
	v.Pager = newPager(tr, h.pagePath(p, l), kept, page, total)
	switch {
	case total == 0 && v.Active:
		v.Empty = tr.T("library_empty")
	case total == 0:
		v.Empty = tr.T("list_empty")
	}
	if v.Active || page > 1 {
		// Filtered views are for readers, not for search engines.
		v.Canonical = h.absolute(h.pagePath(p, l))
	}
	rememberLanguage(w, r, l.Code)
	h.render(w, r, http.StatusOK, "library", &v)
}
