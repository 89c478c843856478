package wxr

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"github.com/datka-cms/datka/internal/content"
)

// Links between posts. A post links to another by its permalink
// (http://old.example/2023/05/title/), by its short form (?p=12,
// ?page_id=7) or by the address its export gives as link or guid. Such
// links are pointed at the imported version, in the language of the text
// that links when the target has it; links to what was not imported keep
// the old address.

// linkKey returns the WordPress ID a link names directly (?p=, ?page_id=)
// or the key of its address on the old site; ok is false for a link
// elsewhere.
func (r *run) linkKey(raw string) (id int64, key string, ok bool) {
	u, ok := r.oldSite(raw)
	if !ok {
		return 0, "", false
	}
	q := u.Query()
	for _, k := range []string{"p", "page_id"} {
		if v := q.Get(k); v != "" {
			n, err := strconv.ParseInt(v, 10, 64)
			return n, "", err == nil
		}
	}
	p := u.Path
	if un, err := url.PathUnescape(p); err == nil {
		p = un
	}
	return 0, strings.ToLower(strings.Trim(p, "/")), true
}

// oldSite parses raw, a link of the export, when it leads to the old site.
func (r *run) oldSite(raw string) (*url.URL, bool) {
	if r.base == nil {
		return nil, false
	}
	u, err := r.base.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !sameHost(u.Host, r.base.Host) {
		return nil, false
	}
	return u, true
}

func sameHost(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	return strings.TrimPrefix(a, "www.") == strings.TrimPrefix(b, "www.")
}

// indexLinks learns the addresses of the export's posts and pages, and
// of its attachments' pages.
func (r *run) indexLinks() {
	r.base, _ = url.Parse(r.ex.BaseURL + "/")
	for _, it := range r.ex.Items {
		switch it.Type {
		case "post", "page":
			for _, a := range []string{it.Link, it.GUID} {
				if _, key, ok := r.linkKey(a); ok && key != "" {
					r.byLink[key] = it.ID
				}
			}
		case "attachment":
			// Its GUID is usually its file, which uploadsRel finds.
			if _, key, ok := r.linkKey(it.Link); ok && key != "" {
				r.attachmentPages[key] = it.ID
			}
		}
	}
}

// attachmentLink returns the ID of the attachment whose page on the old
// site raw names: its permalink, or ?attachment_id=, which image blocks
// set to "link to attachment page" write. The site has no such pages, so
// such a link leads to the file itself.
func (r *run) attachmentLink(raw string) (int64, bool) {
	u, ok := r.oldSite(raw)
	if !ok {
		return 0, false
	}
	if v := u.Query().Get("attachment_id"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		return n, err == nil
	}
	_, key, ok := r.linkKey(raw)
	if !ok || key == "" {
		return 0, false
	}
	id, ok := r.attachmentPages[key]
	return id, ok
}

// internalLink returns the new address of a link to a post or page of
// the old site, or "" when it does not lead to one that was imported.
func (r *run) internalLink(ctx context.Context, raw, code string) string {
	id, key, ok := r.linkKey(raw)
	if !ok {
		return ""
	}
	if id == 0 {
		if id, ok = r.byLink[key]; !ok {
			return ""
		}
	}
	kind, slugs, own := r.target(ctx, id)
	if slugs == nil {
		return ""
	}
	if _, ok := slugs[code]; !ok {
		code = own
	}
	frag := ""
	if u, err := url.Parse(raw); err == nil && u.Fragment != "" {
		frag = "#" + u.EscapedFragment()
	}
	if kind == "page" {
		return "/" + code + "/" + slugs[code] + frag
	}
	list := r.listPath(ctx, code)
	if list == "" {
		return ""
	}
	return list + "/" + slugs[code] + frag
}

// target returns the kind and the slugs by language of what post id
// became, and the language of that post's own version.
func (r *run) target(ctx context.Context, id int64) (kind string, slugs map[string]string, own string) {
	if p, ok := r.planned[id]; ok {
		slugs = map[string]string{}
		for code, t := range p.texts {
			slugs[code] = t.meta.Slug
		}
		for _, m := range p.members {
			if m.it.ID == id {
				own = m.lang
			}
		}
		return p.kind, slugs, own
	}
	prev, ok := r.before["post:"+strconv.FormatInt(id, 10)]
	if !ok {
		return "", nil, ""
	}
	slugs = map[string]string{}
	switch prev.Kind {
	case "page":
		pg, err := r.im.Store.Page(ctx, prev.TargetID)
		if err != nil {
			return "", nil, ""
		}
		for code, t := range pg.Texts {
			slugs[code] = t.Slug
		}
		return "page", slugs, pg.SourceLang
	default:
		e, err := r.im.Store.Entry(ctx, prev.TargetID)
		if err != nil {
			return "", nil, ""
		}
		for code, t := range e.Texts {
			slugs[code] = t.Slug
		}
		return "entry", slugs, e.SourceLang
	}
}

// listPath is the address of the site's list of news in a language, the
// prefix of every news entry's address.
func (r *run) listPath(ctx context.Context, code string) string {
	if r.lists == nil {
		r.lists = map[string]string{}
		pages, err := r.im.Store.Pages(ctx)
		if err != nil {
			return ""
		}
		for _, p := range pages {
			if p.Layout != content.LayoutNews {
				continue
			}
			for c, t := range p.Texts {
				r.lists[c] = "/" + c + "/" + t.Slug
			}
		}
	}
	return r.lists[code]
}
