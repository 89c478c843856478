package admin

import (
	"context"
	"errors"
	"regexp"
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

// internalLinkResolves reports whether a site path leads to a page or an
// organisation: /{lang}/, /{lang}/{page}, /{lang}/{page}/{organisation}.
func (h *handler) internalLinkResolves(ctx context.Context, path string) bool {
	path, _, _ = strings.Cut(path, "#")
	path, _, _ = strings.Cut(path, "?")
	segs := strings.Split(strings.Trim(path, "/"), "/")
	if _, ok := h.langs.Get(segs[0]); !ok {
		if name, ok := strings.CutPrefix(path, content.MediaURLPrefix); ok {
			_, err := h.st.MediaByName(ctx, name)
			return !errors.Is(err, store.ErrNotFound)
		}
		return strings.HasPrefix(path, "/static/")
	}
	exists := func(refs []store.SlugRef, err error) bool { return err == nil && len(refs) > 0 }
	switch len(segs) {
	case 1:
		return true
	case 2:
		return segs[1] == "" || exists(h.st.PageSlug(ctx, segs[1]))
	case 3:
		return exists(h.st.PageSlug(ctx, segs[1])) && exists(h.st.OrganisationSlug(ctx, segs[2]))
	}
	return false
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
