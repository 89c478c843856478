package seed

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/lang"
	"github.com/datka-cms/datka/internal/store"
)

// Install fills an empty store with the default content, in one
// transaction. Slugs left empty are made from titles and names by the
// language's transliteration, unique within their kind and language.
func Install(ctx context.Context, st *store.Store, sourceLang string) error {
	s := Default()
	prepare(&s)
	if err := st.Install(ctx, sourceLang, s.Pages, s.Organisations, s.Entries, s.Settings); err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	return nil
}

// prepare fills in each text's language, slug and first revision. Slugs already set are
// kept and reserved first, so that a made one never takes them.
func prepare(s *Site) {
	used := map[string]bool{} // kind/lang/slug
	for _, p := range s.Pages {
		for code, t := range p.Texts {
			if t.Slug != "" {
				used["page/"+code+"/"+t.Slug] = true
			}
		}
	}
	for _, o := range s.Organisations {
		for code, t := range o.Texts {
			if t.Slug != "" {
				used["org/"+code+"/"+t.Slug] = true
			}
		}
	}
	for _, e := range s.Entries {
		for code, t := range e.Texts {
			if t.Slug != "" {
				used["entry/"+code+"/"+t.Slug] = true
			}
		}
	}
	unique := func(kind, code, slug, key string) string {
		if slug == "" {
			slug = lang.Slugify("en", key) // a title of symbols only
		}
		if slug == "" {
			slug = kind
		}
		base := slug
		for i := 2; used[kind+"/"+code+"/"+slug]; i++ {
			slug = base + "-" + strconv.Itoa(i)
		}
		used[kind+"/"+code+"/"+slug] = true
		return slug
	}
	for i := range s.Pages {
		p := &s.Pages[i]
		for _, code := range sortedKeys(p.Texts) {
			t := p.Texts[code]
			t.Lang, t.Rev, t.SourceRev = code, 1, 1
			if p.Layout == content.LayoutHome {
				t.Slug = ""
			} else if t.Slug == "" {
				t.Slug = unique("page", code, lang.Slugify(code, t.Title), p.Key)
			}
			p.Texts[code] = t
		}
	}
	for i := range s.Organisations {
		o := &s.Organisations[i]
		for _, code := range sortedKeys(o.Texts) {
			t := o.Texts[code]
			t.Lang, t.Rev, t.SourceRev = code, 1, 1
			if t.Slug == "" {
				t.Slug = unique("org", code, lang.Slugify(code, orgSlugSource(t)), o.Key)
			}
			o.Texts[code] = t
		}
	}
	for i := range s.Entries {
		e := &s.Entries[i]
		for _, code := range sortedKeys(e.Texts) {
			t := e.Texts[code]
			t.Lang, t.Rev, t.SourceRev = code, 1, 1
			if t.Slug == "" {
				t.Slug = unique("entry", code, lang.Slugify(code, t.Title), e.Key)
			}
			e.Texts[code] = t
		}
	}
}

// orgSlugSource is the part of an organisation's name its slug is made
// from: the name without "of the Kyrgyz Republic", which every government
// body carries and which would only make the URL longer.
func orgSlugSource(t content.OrgText) string {
	name := t.Name
	for _, suffix := range []string{" of the Kyrgyz Republic", " Кыргызской Республики"} {
		if len(name) > len(suffix) && name[len(name)-len(suffix):] == suffix {
			return name[:len(name)-len(suffix)]
		}
	}
	for _, prefix := range []string{"Кыргыз Республикасынын "} {
		if len(name) > len(prefix) && name[:len(prefix)] == prefix {
			return name[len(prefix):]
		}
	}
	return name
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// Upgrade adds to a site made by an earlier release the pages it lacks:
// the lists of news, events and materials and the search page, whose
// layouts the admin cannot make. A site that has a page of a layout keeps
// it as it is. Slugs taken by other pages get a number. It returns how
// many pages it added.
func Upgrade(ctx context.Context, st *store.Store, sourceLang string) (int, error) {
	pages, err := st.Pages(ctx)
	if err != nil {
		return 0, err
	}
	have := map[content.Layout]bool{}
	for _, p := range pages {
		have[p.Layout] = true
	}
	var add []content.Page
	for _, p := range sectionPages() {
		if have[p.Layout] {
			continue
		}
		for _, code := range sortedKeys(p.Texts) {
			t := p.Texts[code]
			t.Lang, t.Rev, t.SourceRev = code, 1, 1
			base := lang.Slugify(code, t.Title)
			t.Slug = base
			for i := 2; ; i++ {
				refs, err := st.PageSlug(ctx, t.Slug)
				if err != nil {
					return 0, err
				}
				taken := false
				for _, r := range refs {
					taken = taken || r.Lang == code
				}
				if !taken {
					break
				}
				t.Slug = base + "-" + strconv.Itoa(i)
			}
			p.Texts[code] = t
		}
		add = append(add, p)
	}
	if len(add) == 0 {
		return 0, nil
	}
	if err := st.Install(ctx, sourceLang, add, nil, nil, nil); err != nil {
		return 0, fmt.Errorf("seed: upgrade: %w", err)
	}
	return len(add), nil
}
