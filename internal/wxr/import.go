package wxr

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/lang"
	"github.com/datka-cms/datka/internal/media"
	"github.com/datka-cms/datka/internal/progress"
	"github.com/datka-cms/datka/internal/store"
)

// Importer imports a parsed export into a site.
type Importer struct {
	Store *store.Store
	Files media.Storage
	Proc  *media.Processor
	// Uploads is a local copy of the site's wp-content/uploads, or "".
	Uploads string
	// Fetch, when there is no Uploads, downloads attachments from their
	// addresses; PublicClient connects only to public addresses. Nil
	// skips attachments.
	Fetch *http.Client
	// Langs are the site's content languages, the default first.
	Langs []string
	// Lang is the language of posts that say none (no Polylang or WPML
	// data); "" takes the export's language when the site has it, else
	// the site's default.
	Lang string
	// Progress receives the progress report, or nil.
	Progress io.Writer
}

// Report says what an import did.
type Report struct {
	Source string
	// Lang is the language given to posts that say none.
	Lang string
	// Created counts what was made, by kind: "account", "file", "news",
	// "page", and "text" for the languages of news and pages.
	Created map[string]int
	// Before counts what an earlier run imported, by kind.
	Before  map[string]int
	Skipped []Skip
	Notes   []Skip // imported, with something left behind
	// Comments counts the comments of imported posts, which are not
	// imported: the site has none.
	Comments int
}

// Skip is an item not imported (or imported only in part), and why.
type Skip struct {
	Kind   string // WordPress's post type, "author"
	ID     string // the ID or login in WordPress
	Title  string
	Reason string
}

func (r *Report) skip(kind, id, title, reason string) {
	r.Skipped = append(r.Skipped, Skip{kind, id, title, reason})
}

func (r *Report) note(kind, id, title, reason string) {
	r.Notes = append(r.Notes, Skip{kind, id, title, reason})
}

// WriteTo writes the report for people.
func (r *Report) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "Imported from %s; posts that name no language are in %s\n", r.Source, r.Lang)
	counts := func(m map[string]int) string {
		var parts []string
		for _, k := range []string{"account", "file", "news", "page", "text", "scheduled"} {
			if m[k] > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", m[k], plural(k, m[k])))
			}
		}
		if len(parts) == 0 {
			return "nothing"
		}
		return strings.Join(parts, ", ")
	}
	fmt.Fprintf(&b, "  created: %s\n", counts(r.Created))
	if len(r.Before) > 0 {
		fmt.Fprintf(&b, "  imported by an earlier run, left as they are: %s\n", counts(r.Before))
	}
	list := func(head string, ss []Skip) {
		if len(ss) == 0 {
			return
		}
		fmt.Fprintf(&b, "  %s (%d):\n", head, len(ss))
		// Many items skipped for one reason (menu items, revisions) are
		// counted on one line.
		byReason := map[string][]Skip{}
		var order []string
		for _, s := range ss {
			k := s.Kind + "\x00" + s.Reason
			if byReason[k] == nil {
				order = append(order, k)
			}
			byReason[k] = append(byReason[k], s)
		}
		for _, k := range order {
			group := byReason[k]
			if len(group) > 5 {
				var ids []string
				for _, s := range group[:min(len(group), 8)] {
					ids = append(ids, s.ID)
				}
				if len(group) > 8 {
					ids = append(ids, "…")
				}
				fmt.Fprintf(&b, "    %d × %s (%s): %s\n", len(group), group[0].Kind, strings.Join(ids, ", "), group[0].Reason)
				continue
			}
			for _, s := range group {
				title := ""
				if s.Title != "" {
					title = fmt.Sprintf(" %q", s.Title)
				}
				fmt.Fprintf(&b, "    %s %s%s: %s\n", s.Kind, s.ID, title, s.Reason)
			}
		}
	}
	list("skipped", r.Skipped)
	list("imported in part", r.Notes)
	if r.Comments > 0 {
		fmt.Fprintf(&b, "  not imported: %d %s (the site has none)\n", r.Comments, plural("comment", r.Comments))
	}
	n, err := w.Write(b.Bytes())
	return int64(n), err
}

func plural(kind string, n int) string {
	switch {
	case kind == "news":
		return "news entries"
	case kind == "scheduled" && n == 1:
		return "text scheduled for publication"
	case kind == "scheduled":
		return "texts scheduled for publication"
	case n == 1:
		return kind
	default:
		return kind + "s"
	}
}

// imported is what the run knows of an attachment in the library.
type imported struct {
	name string // storage name
	alt  string
}

type run struct {
	im      *Importer
	ex      *Export
	rep     *Report
	before  map[string]store.Imported
	files   map[int64]imported  // attachment ID → file
	byPath  map[string]imported // path under uploads → file
	users   map[string]int64    // login → account
	uploads *os.Root
	slugs   map[string]bool // lang/kind/slug taken in this run
	planned map[int64]*plan // WordPress ID → its group, to be written
	base    *url.URL
	byLink  map[string]int64 // old address (host-less path) → WordPress ID
	// attachmentPages: an attachment's page's address (host-less path) →
	// its ID.
	attachmentPages map[string]int64
	lists           map[string]string // language → address of the news list
	lang            string            // of posts that name none
}

// Import imports ex. It returns an error only for what stops the whole
// import (the database is gone); an item that cannot be imported is
// skipped and reported. Run again, it creates nothing twice: what an
// earlier run imported is found by its WordPress ID.
func (im *Importer) Import(ctx context.Context, ex *Export) (*Report, error) {
	if ex.BaseURL == "" {
		return nil, errors.New("wxr: the export names no site (wp:base_site_url), so a second run could not tell what it imported")
	}
	if len(im.Langs) == 0 {
		return nil, errors.New("wxr: the site has no languages")
	}
	r := &run{im: im, ex: ex, rep: &Report{Source: ex.BaseURL, Created: map[string]int{}, Before: map[string]int{}},
		files: map[int64]imported{}, byPath: map[string]imported{}, users: map[string]int64{}, slugs: map[string]bool{},
		planned: map[int64]*plan{}, byLink: map[string]int64{}, attachmentPages: map[string]int64{}}
	r.indexLinks()
	var err error
	r.lang = im.Lang
	if r.lang == "" {
		r.lang = cmp.Or(r.siteLang(ex.Language), im.Langs[0])
	}
	if !slices.Contains(im.Langs, r.lang) {
		return nil, fmt.Errorf("wxr: %s is not one of the site's languages (%s)", r.lang, strings.Join(im.Langs, ", "))
	}
	r.rep.Lang = r.lang
	if r.before, err = im.Store.ImportedFrom(ctx, ex.BaseURL); err != nil {
		return nil, err
	}
	if im.Uploads != "" {
		if r.uploads, err = os.OpenRoot(im.Uploads); err != nil {
			return nil, fmt.Errorf("wxr: uploads folder: %w", err)
		}
		defer r.uploads.Close()
	}
	bar := progress.New(cmp.Or[io.Writer](im.Progress, io.Discard), "importing", int64(len(ex.Authors)+len(ex.Items)))
	if err := r.authors(ctx, bar); err != nil {
		return nil, err
	}
	if err := r.attachments(ctx, bar); err != nil {
		return nil, err
	}
	if err := r.posts(ctx, bar); err != nil {
		return nil, err
	}
	bar.Done("")
	return r.rep, nil
}

func origin(source, id string) store.Origin { return store.Origin{Source: source, ID: id} }

func (r *run) authors(ctx context.Context, bar *progress.Reporter) error {
	for _, a := range r.ex.Authors {
		bar.Add(1, 0)
		id := "author:" + a.Login
		if prev, ok := r.before[id]; ok {
			r.users[a.Login] = prev.TargetID
			r.rep.Before["account"]++
			continue
		}
		email := strings.TrimSpace(a.Email)
		if a.Login == "" || !strings.Contains(email, "@") {
			r.rep.skip("author", a.Login, a.DisplayName, "no e-mail address, which an account needs")
			continue
		}
		name := cmp.Or(plainText(a.DisplayName), strings.TrimSpace(plainText(a.First)+" "+plainText(a.Last)), a.Login)
		uid, err := r.im.Store.CreateUser(ctx, content.User{Email: email, Name: name, Role: content.RoleAuthor,
			UILang: r.im.Langs[0]}, "")
		if errors.Is(err, store.ErrDuplicate) {
			u, _, err := r.im.Store.UserByEmail(ctx, email)
			if err != nil {
				return err
			}
			uid = u.ID
			r.rep.note("author", a.Login, name, "an account with this e-mail address exists; it is kept as it is")
		} else if err != nil {
			return err
		} else {
			r.rep.Created["account"]++
		}
		r.users[a.Login] = uid
		if err := r.im.Store.RecordOrigin(ctx, origin(r.ex.BaseURL, id), store.Imported{Kind: "user", TargetID: uid}); err != nil {
			return err
		}
	}
	return nil
}

// uploadPath is where an attachment's file lies under wp-content/uploads.
func uploadPath(it Item) string {
	if p := strings.TrimSpace(it.Meta["_wp_attached_file"]); p != "" && !strings.Contains(p, "://") {
		return strings.TrimPrefix(p, "/")
	}
	return uploadsRel(cmp.Or(it.AttachmentURL, it.GUID))
}

// uploadsRel returns the part of an address after /uploads/, or "".
func uploadsRel(u string) string {
	pu, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return ""
	}
	_, rel, ok := strings.Cut(pu.Path, "/uploads/")
	if !ok {
		return ""
	}
	if un, err := url.PathUnescape(rel); err == nil {
		rel = un
	}
	return rel
}

// sizeSuffixRE is the size WordPress adds to the name of a smaller copy
// of an image: photo-300x200.jpg; -scaled is the copy of a large one.
var sizeSuffixRE = regexp.MustCompile(`(-\d+x\d+|-scaled)(\.[A-Za-z0-9]+)$`)

func (r *run) attachments(ctx context.Context, bar *progress.Reporter) error {
	for _, it := range r.ex.Items {
		if it.Type != "attachment" {
			continue
		}
		bar.Add(1, 0)
		id := "post:" + strconv.FormatInt(it.ID, 10)
		title := plainText(it.Title)
		rel := uploadPath(it)
		if prev, ok := r.before[id]; ok {
			m, err := r.im.Store.Media(ctx, prev.TargetID)
			if errors.Is(err, store.ErrNotFound) {
				continue // deleted on this site since
			}
			if err != nil {
				return err
			}
			r.remember(it.ID, rel, imported{name: m.Name})
			r.rep.Before["file"]++
			continue
		}
		data, err := r.attachmentData(ctx, it, rel)
		if err != nil {
			r.rep.skip("attachment", strconv.FormatInt(it.ID, 10), title, err.Error())
			continue
		}
		bar.Add(0, int64(len(data)))
		p, err := r.im.Proc.Process(ctx, data)
		if reason, ok := media.Refusal(err); ok {
			r.rep.skip("attachment", strconv.FormatInt(it.ID, 10), title, "refused like an upload would be: "+string(reason))
			continue
		}
		if err != nil {
			return err
		}
		m := content.Media{
			Kind: content.MediaDocument, Name: media.NewName(p.Type.Ext), ContentType: p.Type.ContentType,
			Size: int64(len(p.Data)), Width: p.Width, Height: p.Height,
			OriginalName: media.CleanName(path.Base(rel), p.Type.Ext), CreatedAt: it.Date,
			CreatedBy: r.users[it.Creator],
		}
		alt := plainText(it.Meta["_wp_attachment_image_alt"])
		if p.Type.Image {
			m.Kind = content.MediaImage
			if alt != "" {
				code, ok := r.language(it)
				if !ok {
					code = r.lang
				}
				m.Alt = map[string]string{code: alt}
			}
		}
		files := map[string][]byte{m.Name: p.Data}
		for _, v := range p.Variants {
			name := media.VariantName(m.Name, v.Width)
			m.Variants = append(m.Variants, content.MediaVariant{Width: v.Width, Height: v.Height, Name: name})
			files[name] = v.Data
		}
		var stored []string
		undo := func() {
			for _, name := range stored {
				_ = r.im.Files.Delete(context.WithoutCancel(ctx), name)
			}
		}
		for name, data := range files {
			if err := r.im.Files.Put(ctx, name, bytes.NewReader(data)); err != nil {
				undo()
				return err
			}
			stored = append(stored, name)
		}
		if _, err := r.im.Store.ImportMedia(ctx, m, origin(r.ex.BaseURL, id)); err != nil {
			undo()
			return err
		}
		r.rep.Created["file"]++
		r.remember(it.ID, rel, imported{name: m.Name, alt: alt})
	}
	return nil
}

// attachmentData reads an attachment's file from the uploads folder or,
// without one, from the old site.
func (r *run) attachmentData(ctx context.Context, it Item, rel string) ([]byte, error) {
	switch {
	case r.uploads != nil:
		if rel == "" || !fs.ValidPath(rel) {
			return nil, errors.New("its file is not under wp-content/uploads")
		}
		return r.readUpload(rel)
	case r.im.Fetch != nil:
		base, err := url.Parse(r.ex.BaseURL + "/")
		if err != nil {
			return nil, fmt.Errorf("the site's address %q: %v", r.ex.BaseURL, err)
		}
		u, err := base.Parse(strings.TrimSpace(cmp.Or(it.AttachmentURL, it.GUID)))
		if err != nil {
			return nil, fmt.Errorf("its address: %v", err)
		}
		return fetch(ctx, r.im.Fetch, u)
	}
	return nil, errors.New("no --uploads folder given, and fetching is off")
}

func (r *run) remember(id int64, rel string, f imported) {
	r.files[id] = f
	if rel != "" {
		r.byPath[rel] = f
	}
}

// readUpload reads a file of the uploads folder; os.Root keeps the path
// inside it, symbolic links included.
func (r *run) readUpload(rel string) ([]byte, error) {
	f, err := r.uploads.Open(rel)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("its file %s is not in the uploads folder", rel)
	}
	if err != nil {
		return nil, fmt.Errorf("its file %s cannot be read: %v", rel, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, media.MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("its file %s cannot be read: %v", rel, err)
	}
	return data, nil
}

// language returns the site language of an item: Polylang's language
// term, WPML's post meta, or the default language. ok is false for a
// language the site does not have.
func (r *run) language(it Item) (code string, ok bool) {
	var given string
	if ts := it.TermsOf("language"); len(ts) > 0 {
		given = ts[0].Slug
	} else if v := strings.TrimSpace(it.Meta["_wpml_import_language_code"]); v != "" {
		given = v
	} else {
		return r.lang, true
	}
	if c := r.siteLang(given); c != "" {
		return c, true
	}
	return given, false
}

// siteLang returns the site's language for a WordPress language code or
// locale ("ru", "ru_RU", "en-US"), or "".
func (r *run) siteLang(given string) string {
	given = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(given), "_", "-"))
	for _, c := range []string{given, strings.SplitN(given, "-", 2)[0]} {
		if c != "" && slices.Contains(r.im.Langs, c) {
			return c
		}
	}
	return ""
}

// member is one language's version of a post or a page.
type member struct {
	it   Item
	lang string
}

// groups returns the posts and pages to import, the versions of one
// post in several languages together, in the order of the export.
func (r *run) groups() [][]member {
	pll := map[int64]string{} // post ID → Polylang group
	for _, t := range r.ex.Terms {
		if t.Taxonomy != "post_translations" {
			continue
		}
		for _, id := range parseTranslations(t.Description) {
			pll[id] = t.Slug
		}
	}
	byKey := map[string]int{}
	var out [][]member
	for _, it := range r.ex.Items {
		if it.Type != "post" && it.Type != "page" {
			continue
		}
		sid := strconv.FormatInt(it.ID, 10)
		switch it.Status {
		case "trash", "auto-draft", "inherit":
			r.rep.skip(it.Type, sid, plainText(it.Title), "status "+it.Status+" in WordPress")
			continue
		}
		code, ok := r.language(it)
		if !ok {
			r.rep.skip(it.Type, sid, plainText(it.Title), "in "+code+", not one of the site's languages")
			continue
		}
		key := it.Type + ":post:" + sid
		if g, ok := pll[it.ID]; ok {
			key = it.Type + ":pll:" + g
		} else if ts := it.TermsOf("post_translations"); len(ts) > 0 {
			key = it.Type + ":pll:" + ts[0].Slug
		} else if g := strings.TrimSpace(it.Meta["_wpml_import_translation_group"]); g != "" {
			key = it.Type + ":wpml:" + g
		}
		i, seen := byKey[key]
		if !seen {
			i = len(out)
			byKey[key] = i
			out = append(out, nil)
		}
		if slices.ContainsFunc(out[i], func(m member) bool { return m.lang == code }) {
			r.rep.skip(it.Type, sid, plainText(it.Title), "a second version in "+code+" of the same post")
			continue
		}
		out[i] = append(out[i], member{it: it, lang: code})
	}
	return out
}

func (r *run) posts(ctx context.Context, bar *progress.Reporter) error {
	for _, it := range r.ex.Items {
		switch it.Type {
		case "post", "page", "attachment":
		default:
			bar.Add(1, 0)
			r.rep.skip(it.Type, strconv.FormatInt(it.ID, 10), "", "not content datka imports")
		}
	}
	var plans []*plan
	for _, g := range r.groups() {
		p, err := r.plan(ctx, g)
		if err != nil {
			return err
		}
		if p == nil {
			bar.Add(int64(len(g)), 0)
			continue
		}
		plans = append(plans, p)
		for _, m := range p.members {
			r.planned[m.it.ID] = p
		}
	}
	for _, p := range plans {
		bar.Add(int64(len(p.members)), 0)
		if err := r.write(ctx, p); err != nil {
			return err
		}
	}
	return nil
}

// source picks the version the others translate: WPML's original, the
// site's default language, or the oldest post.
func (r *run) source(g []member) member {
	for _, m := range g {
		if _, ok := m.it.Meta["_wpml_import_language_code"]; ok && strings.TrimSpace(m.it.Meta["_wpml_import_source_language_code"]) == "" {
			return m
		}
	}
	for _, m := range g {
		if m.lang == r.im.Langs[0] {
			return m
		}
	}
	return slices.MinFunc(g, func(a, b member) int { return cmp.Compare(a.it.ID, b.it.ID) })
}

// plan is a group about to be written: its texts have their addresses,
// so that links between imported posts can point at them before any is
// written.
type plan struct {
	kind    string // "entry" or "page"
	src     member
	members []member
	origins []store.Origin
	date    time.Time
	cover   string
	texts   map[string]*text
	// publishAt holds when texts scheduled in WordPress are to be published.
	publishAt map[string]time.Time
}

type text struct {
	meta                 content.Meta
	title, summary, body string
	tags                 []string
}

// plan prepares a group, or returns nil for one an earlier run imported.
func (r *run) plan(ctx context.Context, g []member) (*plan, error) {
	var origins []store.Origin
	for _, m := range g {
		id := "post:" + strconv.FormatInt(m.it.ID, 10)
		if _, ok := r.before[id]; ok {
			kind := "news"
			if m.it.Type == "page" {
				kind = "page"
			}
			r.rep.Before[kind]++
			return nil, nil
		}
		origins = append(origins, origin(r.ex.BaseURL, id))
	}
	src := r.source(g)
	p := &plan{kind: "entry", src: src, members: g, origins: origins, date: src.it.Date, texts: map[string]*text{},
		publishAt: map[string]time.Time{}}
	if src.it.Type == "page" {
		p.kind = "page"
	}
	if p.date.IsZero() {
		p.date = time.Now().UTC()
	}
	for _, m := range append([]member{src}, g...) {
		tid, err := strconv.ParseInt(strings.TrimSpace(m.it.Meta["_thumbnail_id"]), 10, 64)
		if err != nil || tid == 0 {
			continue
		}
		if f, ok := r.files[tid]; ok {
			p.cover = f.name
			break
		}
		r.rep.note(m.it.Type, strconv.FormatInt(m.it.ID, 10), plainText(m.it.Title),
			fmt.Sprintf("its featured image (attachment %d) was not imported", tid))
		break
	}
	for _, m := range g {
		it := m.it
		sid := strconv.FormatInt(it.ID, 10)
		title := plainText(it.Title)
		if title == "" {
			title = "#" + sid
		}
		status := content.StatusDraft
		switch it.Status {
		case "publish":
			status = content.StatusPublished
		case "pending":
			status = content.StatusReview
		case "future":
			if it.Date.After(time.Now()) {
				p.publishAt[m.lang] = it.Date
			} else {
				r.rep.note(it.Type, sid, title, "scheduled in WordPress for a time now past; imported as a draft")
			}
		case "private":
			r.rep.note(it.Type, sid, title, "private in WordPress; imported as a draft")
		}
		if it.Type == "page" && it.Parent != 0 {
			r.rep.note(it.Type, sid, title, fmt.Sprintf("a child of page %d in WordPress; the site's pages are not nested", it.Parent))
		}
		slug, err := r.slug(ctx, p.kind, m.lang, it, title)
		if err != nil {
			return nil, err
		}
		var tags []string
		seen := map[string]bool{}
		for _, t := range it.Terms {
			if t.Taxonomy != "category" && t.Taxonomy != "post_tag" {
				continue
			}
			name := plainText(t.Name)
			if k := strings.ToLower(name); name != "" && !seen[k] && !(t.Taxonomy == "category" && t.Slug == "uncategorized") {
				seen[k] = true
				tags = append(tags, name)
			}
		}
		p.texts[m.lang] = &text{
			meta:  content.Meta{Lang: m.lang, Slug: slug, Status: status, UpdatedAt: it.Date},
			title: title, summary: plainText(it.Excerpt), tags: tags,
		}
	}
	return p, nil
}

// write converts the bodies of a planned group and writes it.
func (r *run) write(ctx context.Context, p *plan) error {
	for _, m := range p.members {
		p.texts[m.lang].body = toMarkdown(m.it.Content, r.rewriter(ctx, m.lang))
	}
	src := p.texts[p.src.lang]
	sid := strconv.FormatInt(p.src.it.ID, 10)
	var err error
	if p.kind == "page" {
		pg := content.Page{Key: src.meta.Slug, Layout: content.LayoutPlain, Position: p.src.it.MenuOrder,
			SourceLang: p.src.lang, Texts: map[string]content.PageText{}}
		for code, t := range p.texts {
			pg.Texts[code] = content.PageText{Meta: t.meta, Title: t.title, Summary: t.summary, Body: t.body}
		}
		if p.cover != "" {
			r.rep.note("page", sid, src.title, "pages have no featured image on this site; the image is in the media library")
		}
		_, err = r.im.Store.ImportPage(ctx, pg, p.origins, p.publishAt)
	} else {
		e := content.Entry{Key: src.meta.Slug, Type: content.EntryNews, SourceLang: p.src.lang, Date: p.date,
			Cover: p.cover, Texts: map[string]content.EntryText{}}
		for code, t := range p.texts {
			e.Texts[code] = content.EntryText{Meta: t.meta, Title: t.title, Summary: t.summary, Body: t.body, Tags: t.tags}
		}
		_, err = r.im.Store.ImportEntry(ctx, e, p.origins, p.publishAt)
	}
	if errors.Is(err, store.ErrDuplicate) {
		r.rep.skip(p.src.it.Type, sid, src.title, "its address is taken on this site")
		return nil
	}
	if err != nil {
		return err
	}
	if p.kind == "page" {
		r.rep.Created["page"]++
	} else {
		r.rep.Created["news"]++
	}
	r.rep.Created["text"] += len(p.texts)
	if len(p.publishAt) > 0 {
		r.rep.Created["scheduled"] += len(p.publishAt)
	}
	for _, m := range p.members {
		r.rep.Comments += m.it.Comments
	}
	return nil
}

// slug makes the address of a text from WordPress's (percent-encoded,
// often Cyrillic) or from the title, transliterated the site's way, and
// unique among the site's texts of that kind and language.
func (r *run) slug(ctx context.Context, kind, code string, it Item, title string) (string, error) {
	name := it.Name
	if un, err := url.PathUnescape(name); err == nil {
		name = un
	}
	base := lang.Slugify(code, name)
	if base == "" {
		base = lang.Slugify(code, title)
	}
	if base == "" {
		base = it.Type + "-" + strconv.FormatInt(it.ID, 10)
	}
	slug := base
	for i := 2; ; i++ {
		k := code + "/" + kind + "/" + slug
		if !r.slugs[k] {
			taken, err := r.im.Store.SlugTaken(ctx, kind, code, slug)
			if err != nil {
				return "", err
			}
			if !taken {
				r.slugs[k] = true
				return slug, nil
			}
		}
		slug = base + "-" + strconv.Itoa(i)
	}
}

// rewriter points the images and links of a text in language code at
// what was imported: files of the old site's uploads, and the pages
// WordPress makes for attachments, at the library's files, posts and
// pages at their new addresses.
func (r *run) rewriter(ctx context.Context, code string) rewriter {
	return rewriter{
		url: func(u string) string {
			if rel := uploadsRel(u); rel != "" {
				if f, ok := r.byPath[rel]; ok {
					return content.MediaURLPrefix + f.name
				}
				if m := sizeSuffixRE.FindStringSubmatchIndex(rel); m != nil {
					if f, ok := r.byPath[rel[:m[2]]+rel[m[4]:m[5]]]; ok {
						return content.MediaURLPrefix + f.name
					}
				}
				return u
			}
			if id, ok := r.attachmentLink(u); ok {
				if f, ok := r.files[id]; ok {
					return content.MediaURLPrefix + f.name
				}
				return u
			}
			if to := r.internalLink(ctx, u, code); to != "" {
				return to
			}
			return u
		},
		attachments: func(id string) (string, string, bool) {
			n, err := strconv.ParseInt(id, 10, 64)
			if err != nil {
				return "", "", false
			}
			f, ok := r.files[n]
			return content.MediaURLPrefix + f.name, f.alt, ok
		},
	}
}
