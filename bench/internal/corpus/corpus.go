// Package corpus makes the benchmark's site: datka's default seeded site
// plus thousands of news-like items in Russian, Kyrgyz and English, written
// into a fresh data folder through datka's own store.
//
// Each item is a news post whose three texts are translations of one
// another, made from parallel phrase tables by a random source seeded with
// the item's number: the same options always give the same corpus. A manifest beside the
// database records what was made, so that a later run can reuse it.
package corpus

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/lang"
	"github.com/datka-cms/datka/internal/seed"
	"github.com/datka-cms/datka/internal/store"
)

// Version changes whenever the generator would write a different corpus
// for the same options; a manifest of another version is not reused.
const Version = 2

// ManifestName is the manifest's file name in the data folder.
const ManifestName = "bench-corpus.json"

// DBName is the database's file name, datka's default in a data folder.
const DBName = "datka.db"

// Options say what to generate.
type Options struct {
	Dir   string // the data folder; must hold no database yet (Generate only)
	Items int    // news items per language
	Seed  uint64
	Batch int // items per transaction
	// Progress, when set, is called after each batch.
	Progress func(done, total int)
}

// Manifest describes a generated corpus.
type Manifest struct {
	Version int    `json:"version"`
	Seed    uint64 `json:"seed"`
	Items   int    `json:"items_per_language"`
	// NewsPaths are the paths of the middle news item in each language.
	NewsPaths map[string]string `json:"news_paths"`
	// ListPaths and SearchPaths are the paths of the news list and of
	// the search page in each language.
	ListPaths   map[string]string `json:"list_paths,omitempty"`
	SearchPaths map[string]string `json:"search_paths,omitempty"`
	Created     time.Time         `json:"created"`
	Seconds     float64           `json:"seconds"` // time it took to generate
}

// Load reads the manifest in dir; ok is false when there is none.
func Load(dir string) (m Manifest, ok bool, err error) {
	data, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if errors.Is(err, os.ErrNotExist) {
		return m, false, nil
	}
	if err != nil {
		return m, false, fmt.Errorf("corpus: %w", err)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return m, false, fmt.Errorf("corpus: %s: %w", ManifestName, err)
	}
	return m, true, nil
}

// Generate writes the corpus described by opt into a new SQLite database
// in opt.Dir, and its manifest beside it.
func Generate(ctx context.Context, opt Options) (Manifest, error) {
	start := time.Now()
	path := filepath.Join(opt.Dir, DBName)
	if _, err := os.Stat(path); err == nil {
		return Manifest{}, fmt.Errorf("corpus: %s already exists; use an empty folder", path)
	}
	st, err := store.OpenSQLite(ctx, path)
	if err != nil {
		return Manifest{}, err
	}
	defer st.Close()
	m, err := Fill(ctx, st, opt)
	if err != nil {
		return Manifest{}, err
	}
	if err := st.Close(); err != nil {
		return Manifest{}, err
	}
	m.Seconds = time.Since(start).Seconds()
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return Manifest{}, err
	}
	if err := os.WriteFile(filepath.Join(opt.Dir, ManifestName), append(data, '\n'), 0o644); err != nil {
		return Manifest{}, fmt.Errorf("corpus: %w", err)
	}
	return m, nil
}

// Fill writes the corpus described by opt (all but Dir) into st, which
// must be an empty database of either kind, and returns its manifest
// without writing it anywhere. Given the same options it writes the same
// content into SQLite and into PostgreSQL, so that the two compare.
func Fill(ctx context.Context, st *store.Store, opt Options) (Manifest, error) {
	start := time.Now()
	if opt.Batch <= 0 {
		opt.Batch = 1000
	}
	if err := seed.Install(ctx, st, Langs[ru]); err != nil {
		return Manifest{}, err
	}
	links, used, err := siteLinks(ctx, st)
	if err != nil {
		return Manifest{}, err
	}
	m := Manifest{Version: Version, Seed: opt.Seed, Items: opt.Items,
		NewsPaths: map[string]string{}, ListPaths: map[string]string{}, SearchPaths: map[string]string{}}
	for layout, paths := range map[content.Layout]map[string]string{content.LayoutNews: m.ListPaths, content.LayoutSearch: m.SearchPaths} {
		slugs, err := pageSlugs(ctx, st, layout)
		if err != nil {
			return Manifest{}, err
		}
		for code, slug := range slugs {
			paths[code] = "/" + code + "/" + slug
		}
	}
	middle := opt.Items/2 + 1
	base := time.Date(2020, 1, 6, 9, 0, 0, 0, time.UTC)
	for from := 1; from <= opt.Items; from += opt.Batch {
		if err := ctx.Err(); err != nil {
			return Manifest{}, err
		}
		to := min(from+opt.Batch, opt.Items+1)
		batch := make([]content.Entry, 0, to-from)
		for n := from; n < to; n++ {
			texts := Item(opt.Seed, n, links)
			updated := base.Add(time.Duration(n) * 150 * time.Minute)
			e := content.Entry{
				Key:   "bench-news-" + strconv.Itoa(n),
				Type:  content.EntryNews,
				Date:  updated,
				Texts: make(map[string]content.EntryText, len(Langs)),
			}
			for i, code := range Langs {
				t := texts[i]
				slug := used.unique(code, lang.Slugify(code, t.Title))
				e.Texts[code] = content.EntryText{
					Meta:    content.Meta{Lang: code, Slug: slug, Status: content.StatusPublished, UpdatedAt: updated},
					Title:   t.Title,
					Summary: t.Summary,
					Body:    t.Body,
				}
				if n == middle {
					m.NewsPaths[code] = m.ListPaths[code] + "/" + slug
				}
			}
			batch = append(batch, e)
		}
		if err := st.Install(ctx, Langs[ru], nil, nil, batch, nil); err != nil {
			return Manifest{}, err
		}
		if opt.Progress != nil {
			opt.Progress(to-1, opt.Items)
		}
	}
	m.Created = time.Now().UTC().Truncate(time.Second)
	m.Seconds = time.Since(start).Seconds()
	return m, nil
}

// slugs are the page slugs taken in each language.
type slugs map[string]map[string]bool

// unique returns slug, or slug-N when it is taken, never longer than
// datka's longest slug.
func (u slugs) unique(code, slug string) string {
	if slug == "" {
		slug = "news"
	}
	if u[code] == nil {
		u[code] = map[string]bool{}
	}
	s := slug
	for n := 2; u[code][s]; n++ {
		suffix := "-" + strconv.Itoa(n)
		b := slug
		if len(b)+len(suffix) > maxSlug {
			b = strings.TrimRight(b[:maxSlug-len(suffix)], "-")
		}
		s = b + suffix
	}
	u[code][s] = true
	return s
}

// pageSlugs returns the slug in each language of the default site's page
// of the given layout.
func pageSlugs(ctx context.Context, st *store.Store, layout content.Layout) (map[string]string, error) {
	pages, err := st.Pages(ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range pages {
		if p.Layout != layout {
			continue
		}
		out := map[string]string{}
		for _, code := range Langs {
			t, ok := p.Texts[code]
			if !ok {
				return nil, fmt.Errorf("corpus: the %s page has no %s text", layout, code)
			}
			out[code] = t.Slug
		}
		return out, nil
	}
	return nil, fmt.Errorf("corpus: the default site has no %s page", layout)
}

// maxSlug is the longest slug lang.Slugify makes.
const maxSlug = 80

// siteLinks finds the seeded pages and government bodies news items link
// to, and the page slugs already taken.
func siteLinks(ctx context.Context, st *store.Store) (*Links, slugs, error) {
	pages, err := st.Pages(ctx)
	if err != nil {
		return nil, nil, err
	}
	used := slugs{}
	links := &Links{}
	var govSlug [3]string
	for _, p := range pages {
		for i, code := range Langs {
			t, ok := p.Texts[code]
			if !ok {
				continue
			}
			if t.Slug != "" {
				used.unique(code, t.Slug)
			}
			var l *Link
			switch {
			case p.Key == "about":
				l = &links.About
			case p.Layout == content.LayoutGovernment:
				l = &links.Government
				govSlug[i] = t.Slug
			default:
				continue
			}
			l.Title[i], l.URL[i] = t.Title, "/"+code+"/"+t.Slug
		}
	}
	orgs, err := st.Organisations(ctx, content.RoleGovernment)
	if err != nil {
		return nil, nil, err
	}
	for _, o := range orgs {
		ol := OrgLink{Website: o.Website}
		complete := govSlug[ru] != ""
		for i, code := range Langs {
			t, ok := o.Texts[code]
			if !ok || govSlug[i] == "" {
				complete = false
				continue
			}
			ol.Title[i] = t.Name
			ol.URL[i] = "/" + code + "/" + govSlug[i] + "/" + t.Slug
			ol.Label[i] = t.WebsiteLabel
			if ol.Label[i] == "" {
				ol.Label[i] = t.Name
			}
		}
		if complete {
			links.Orgs = append(links.Orgs, ol)
		}
	}
	return links, used, nil
}
