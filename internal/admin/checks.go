package admin

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/lang"
	"github.com/datka-cms/datka/internal/store"
)

// warning is an editor's helper: something that is probably a mistake,
// shown while editing, never blocking a save.
type warning struct {
	Field   string // label of the field
	Message string
}

var (
	imageRE = regexp.MustCompile(`!\[([^\]]*)\]\(([^)\s]*)`)
	linkRE  = regexp.MustCompile(`\]\((/[^)\s]*)`)
)

// checkFields looks over a text being edited.
func (h *handler) checkFields(ctx context.Context, c *chrome, f, source content.Fields, isTranslation bool) []warning {
	var out []warning
	for _, x := range f {
		label := fieldLabel(c, x.Key)
		if w := lang.MixedScriptWords(x.Value); len(w) > 0 && x.Key != "slug" {
			out = append(out, warning{label, c.T("check_mixed_script", "Words", strings.Join(w, ", "))})
		}
		for _, m := range imageRE.FindAllStringSubmatch(x.Value, -1) {
			if strings.TrimSpace(m[1]) == "" {
				out = append(out, warning{label, c.T("check_image_alt", "Image", m[2])})
			}
		}
		for _, m := range linkRE.FindAllStringSubmatch(x.Value, -1) {
			if !h.internalLinkResolves(ctx, m[1]) {
				out = append(out, warning{label, c.T("check_broken_link", "Link", m[1])})
			}
		}
		if isTranslation && content.Shape(x.Key).Multiline {
			src := utf8.RuneCountInString(source.Get(x.Key))
			if src >= 200 && utf8.RuneCountInString(x.Value) > 0 && utf8.RuneCountInString(x.Value)*2 < src {
				out = append(out, warning{label, c.T("check_short_translation")})
			}
		}
	}
	return out
}

// internalLinkResolves reports whether a site path leads somewhere:
// /{lang}/, /{lang}/{page}, an organisation under the partners or the
// government bodies (/{lang}/{page}/{organisation}), a news post, an
// event or a material under the page that lists them
// (/{lang}/{page}/{entry}), a year or a tag of news and events
// (/{lang}/{page}/2020, /{lang}/{page}/tag/{tag}), a file of the media
// library or a static asset.
func (h *handler) internalLinkResolves(ctx context.Context, path string) bool {
	path, _, _ = strings.Cut(path, "#")
	path, _, _ = strings.Cut(path, "?")
	segs := strings.Split(strings.Trim(path, "/"), "/")
	l, ok := h.langs.Get(segs[0])
	if !ok {
		if name, ok := strings.CutPrefix(path, content.MediaURLPrefix); ok {
			_, err := h.st.MediaByName(ctx, name)
			return !errors.Is(err, store.ErrNotFound)
		}
		return strings.HasPrefix(path, "/static/")
	}
	exists := func(refs []store.SlugRef, err error) bool { return err == nil && len(refs) > 0 }
	if len(segs) == 1 || (len(segs) == 2 && segs[1] == "") {
		return true
	}
	if len(segs) > 4 || !lang.ValidSlug(segs[1]) {
		return false
	}
	if len(segs) == 2 {
		return exists(h.st.PageSlug(ctx, segs[1]))
	}
	// Below a page: what is there depends on the page's layout.
	p, err := h.st.PageBySlug(ctx, l.Code, segs[1])
	if err != nil {
		return false
	}
	var typ content.EntryType
	switch p.Layout {
	case content.LayoutPartners, content.LayoutGovernment:
		return len(segs) == 3 && exists(h.st.OrganisationSlug(ctx, segs[2]))
	case content.LayoutNews:
		typ = content.EntryNews
	case content.LayoutEvents:
		typ = content.EntryEvent
	case content.LayoutLibrary:
		typ = content.EntryMaterial
	default:
		return false
	}
	if typ != content.EntryMaterial {
		if len(segs) == 4 && segs[2] == "tag" {
			tags, err := h.st.EntryTags(ctx, typ, l.Code)
			return err == nil && slices.ContainsFunc(tags, func(t store.Tag) bool { return t.Slug == segs[3] })
		}
		if y, err := strconv.Atoi(segs[2]); len(segs) == 3 && err == nil && len(segs[2]) == 4 {
			years, err := h.st.EntryYears(ctx, typ, append([]string{l.Code}, l.Fallbacks...))
			return err == nil && slices.ContainsFunc(years, func(c store.YearCount) bool { return c.Year == y })
		}
	}
	if len(segs) != 3 {
		return false
	}
	// Of the type the page lists: a news page does not show an event.
	_, err = h.st.EntryBySlug(ctx, typ, l.Code, segs[2])
	return err == nil
}

// makeSlug fills an empty slug from the title (or name) and cleans one
// that was typed.
func makeSlug(code string, f *content.Fields) {
	slug := strings.TrimSpace(f.Get("slug"))
	if slug == "" {
		slug = f.Get("title") + f.Get("name")
	}
	f.Set("slug", lang.Slugify(code, slug))
}
