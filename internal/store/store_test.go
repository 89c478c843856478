package store_test

import (
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/lang"
	"github.com/datka-cms/datka/internal/seed"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/testenv"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// TestMain runs every test of the store on SQLite, then again on
// PostgreSQL: one contract suite for both databases.
func TestMain(m *testing.M) { testenv.MainOnBothDatabases(m) }

// openStore opens a new, empty store (a SQLite file in a temporary
// folder, or a new PostgreSQL schema) and closes it when the test ends.
// It returns the store's database URL.
func openStore(t *testing.T) (*store.Store, string) {
	t.Helper()
	dbURL := testenv.DatabaseURL(t, t.TempDir())
	st, err := store.Open(t.Context(), dbURL)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st, dbURL
}

// rawDB opens the database at dbURL past the store, to see what its
// methods would not show (orphans, rows of a failed install).
func rawDB(t *testing.T, dbURL string) *sql.DB {
	t.Helper()
	return openRaw(t, dbURL, "?mode=ro")
}

// writableDB is rawDB for tests that change the database underneath.
func writableDB(t *testing.T, dbURL string) *sql.DB {
	t.Helper()
	return openRaw(t, dbURL, "")
}

func openRaw(t *testing.T, dbURL, sqliteMode string) *sql.DB {
	t.Helper()
	driver, dsn := "pgx", dbURL
	if p, ok := strings.CutPrefix(dbURL, "sqlite:"); ok {
		driver, dsn = "sqlite", "file:"+filepath.ToSlash(p)+sqliteMode
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// seededStore is openStore with the default content installed.
func seededStore(t *testing.T) (*store.Store, string) {
	t.Helper()
	st, path := openStore(t)
	if err := seed.Install(t.Context(), st, "en"); err != nil {
		t.Fatalf("seed.Install: %v", err)
	}
	return st, path
}

// expectedSlug is the slug seed.Install gives a text: the title's, or for
// an organisation the name's without the words "of the Kyrgyz Republic",
// which every government body carries.
func expectedSlug(code, title string) string {
	title = strings.TrimSuffix(title, " of the Kyrgyz Republic")
	title = strings.TrimSuffix(title, " Кыргызской Республики")
	title = strings.TrimPrefix(title, "Кыргыз Республикасынын ")
	return lang.Slugify(code, title)
}

// expectedSite is seed.Default() as seed.Install stores it: with languages
// and slugs filled in.
func expectedSite() seed.Site {
	s := seed.Default()
	for i := range s.Pages {
		p := &s.Pages[i]
		p.SourceLang = "en"
		for code, t := range p.Texts {
			t.Lang, t.Rev, t.SourceRev = code, 1, 1
			if p.Layout != content.LayoutHome {
				t.Slug = expectedSlug(code, t.Title)
			}
			p.Texts[code] = t
		}
	}
	for i := range s.Organisations {
		o := &s.Organisations[i]
		o.SourceLang = "en"
		for code, t := range o.Texts {
			t.Lang, t.Rev, t.SourceRev = code, 1, 1
			t.Slug = expectedSlug(code, t.Name)
			o.Texts[code] = t
		}
	}
	return s
}

// normalise checks and then clears what the store assigns itself (IDs and
// update times), so that what was read can be compared with what was
// written.
func normalise(t *testing.T, pages []content.Page, orgs []content.Organisation, since time.Time) {
	t.Helper()
	ids := map[int64]string{}
	checkID := func(id int64, key string) {
		if id <= 0 {
			t.Errorf("%s has ID %d", key, id)
		}
		if prev, dup := ids[id]; dup {
			t.Errorf("%s and %s share ID %d", key, prev, id)
		}
		ids[id] = key
	}
	checkTime := func(at time.Time, where string) {
		if at.Before(since.Add(-time.Second)) || at.After(time.Now().Add(time.Second)) {
			t.Errorf("%s: UpdatedAt %v is not the time of the install (%v)", where, at, since)
		}
	}
	for i := range pages {
		checkID(pages[i].ID, "page "+pages[i].Key)
		pages[i].ID = 0
		for code, tx := range pages[i].Texts {
			checkTime(tx.UpdatedAt, "page "+pages[i].Key+"/"+code)
			tx.UpdatedAt = time.Time{}
			pages[i].Texts[code] = tx
		}
	}
	for i := range orgs {
		checkID(orgs[i].ID, "organisation "+orgs[i].Key)
		orgs[i].ID = 0
		for code, tx := range orgs[i].Texts {
			checkTime(tx.UpdatedAt, "organisation "+orgs[i].Key+"/"+code)
			tx.UpdatedAt = time.Time{}
			orgs[i].Texts[code] = tx
		}
	}
}

// compareTexts reports every text of got that differs from want, by item
// and language, rather than one unreadable dump of the whole site.
func compareTexts[T any](t *testing.T, kind, key string, got, want map[string]T) {
	t.Helper()
	for code, w := range want {
		g, ok := got[code]
		if !ok {
			t.Errorf("%s %s: no %s text", kind, key, code)
			continue
		}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s %s/%s:\ngot  %+v\nwant %+v", kind, key, code, g, w)
		}
	}
	for code := range got {
		if _, ok := want[code]; !ok {
			t.Errorf("%s %s: unexpected %s text", kind, key, code)
		}
	}
}

func comparePages(t *testing.T, got, want []content.Page) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d pages, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Key != w.Key || g.Layout != w.Layout || g.Position != w.Position || g.InMenu != w.InMenu {
			t.Errorf("page %d: got %s/%s/%d/%v, want %s/%s/%d/%v",
				i, g.Key, g.Layout, g.Position, g.InMenu, w.Key, w.Layout, w.Position, w.InMenu)
		}
		compareTexts(t, "page", w.Key, g.Texts, w.Texts)
	}
}

func compareOrgs(t *testing.T, got, want []content.Organisation) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d organisations, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		g.Texts, w.Texts = nil, nil
		if !reflect.DeepEqual(g, w) {
			t.Errorf("organisation %d:\ngot  %+v\nwant %+v", i, g, w)
		}
		compareTexts(t, "organisation", want[i].Key, got[i].Texts, want[i].Texts)
	}
}

func compareSettings(t *testing.T, got map[string]content.Settings, want []content.Settings) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("settings for %d languages, want %d", len(got), len(want))
	}
	for _, w := range want {
		if g := got[w.Lang]; !reflect.DeepEqual(g, w) {
			t.Errorf("settings %s:\ngot  %+v\nwant %+v", w.Lang, g, w)
		}
	}
}

// appliedMigrations reads goose's version table past the store.
func appliedMigrations(t *testing.T, dbURL string) []int64 {
	t.Helper()
	db := rawDB(t, dbURL)
	rows, err := db.QueryContext(t.Context(), `SELECT version_id FROM goose_db_version WHERE is_applied ORDER BY id`)
	if err != nil {
		t.Fatalf("read goose_db_version: %v", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var v int64
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// countRows counts rows straight from the file, to see what the store's
// methods would not show (orphans, rows of a failed install).
func countRows(t *testing.T, dbURL, query string, args ...any) int {
	t.Helper()
	db := rawDB(t, dbURL)
	var n int
	if err := db.QueryRowContext(t.Context(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func findPage(t *testing.T, pages []content.Page, key string) content.Page {
	t.Helper()
	for _, p := range pages {
		if p.Key == key {
			return p
		}
	}
	t.Fatalf("no page %q", key)
	return content.Page{}
}

func findOrg(t *testing.T, orgs []content.Organisation, key string) content.Organisation {
	t.Helper()
	for _, o := range orgs {
		if o.Key == key {
			return o
		}
	}
	t.Fatalf("no organisation %q", key)
	return content.Organisation{}
}

func TestReopenKeepsEverything(t *testing.T) {
	ctx := t.Context()
	path := testenv.DatabaseURL(t, filepath.Join(t.TempDir(), "data"))
	installed := time.Now()

	// First run: install the default site and close.
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatalf("OpenSQLite: %v", err)
	}
	if err := seed.Install(ctx, st, "en"); err != nil {
		t.Fatalf("seed.Install: %v", err)
	}
	if err := st.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	migrations := appliedMigrations(t, path)
	dialect := "sqlite"
	if testenv.OnPostgres() {
		dialect = "postgres"
	}
	files, err := filepath.Glob(filepath.Join("migrations", dialect, "*.sql"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no migration files found (%v)", err)
	}
	// goose records version 0 for its own table, then one row per file.
	if len(migrations) != len(files)+1 {
		t.Errorf("applied migrations %v after the first open, want %d", migrations, len(files)+1)
	}

	// Second run: everything is there, then a few changes.
	st, err = store.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	if got := appliedMigrations(t, path); !slices.Equal(got, migrations) {
		t.Errorf("migrations after reopening %v, want %v unchanged", got, migrations)
	}
	want := expectedSite()
	pages, err := st.Pages(ctx)
	if err != nil {
		t.Fatalf("Pages: %v", err)
	}
	orgs, err := st.Organisations(ctx)
	if err != nil {
		t.Fatalf("Organisations: %v", err)
	}
	settings, err := st.Settings(ctx)
	if err != nil {
		t.Fatalf("Settings: %v", err)
	}
	t.Run("9 pages, 8 organisations and 3 settings come back as written", func(t *testing.T) {
		if len(pages) != 9 || len(orgs) != 8 || len(settings) != 3 {
			t.Errorf("got %d pages, %d organisations, %d settings; want 9, 8, 3", len(pages), len(orgs), len(settings))
		}
		got := slices.Clone(pages)
		gotOrgs := slices.Clone(orgs)
		normalise(t, got, gotOrgs, installed)
		comparePages(t, got, want.Pages)
		compareOrgs(t, gotOrgs, want.Organisations)
		compareSettings(t, settings, want.Settings)
	})
	t.Run("the store is not empty and passes the integrity check", func(t *testing.T) {
		empty, err := st.Empty(ctx)
		if err != nil || empty {
			t.Errorf("Empty() = %v, %v; want false, nil", empty, err)
		}
		if err := st.IntegrityCheck(ctx); err != nil {
			t.Errorf("IntegrityCheck: %v", err)
		}
	})

	about := findPage(t, pages, "about")
	labour := findOrg(t, orgs, "ministry-of-labour")
	if err := st.DeletePageText(ctx, about.ID, "ky"); err != nil {
		t.Fatalf("DeletePageText: %v", err)
	}
	if err := st.DeleteOrganisationText(ctx, labour.ID, "ky"); err != nil {
		t.Fatalf("DeleteOrganisationText: %v", err)
	}
	newEN := settings["en"]
	newEN.Slogan = "A changed slogan"
	newEN.Phone = "+996 312 000 000"
	if err := st.SaveSettings(ctx, newEN); err != nil {
		t.Fatalf("SaveSettings: %v", err)
	}
	if err := st.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	// Third run: the changes were kept, and nothing else moved.
	st, err = store.Open(ctx, path)
	if err != nil {
		t.Fatalf("second reopen: %v", err)
	}
	defer st.Close()
	t.Run("a deleted page text stays deleted", func(t *testing.T) {
		p, err := st.Page(ctx, about.ID)
		if err != nil {
			t.Fatalf("Page: %v", err)
		}
		if _, ok := p.Texts["ky"]; ok {
			t.Error("the deleted ky text of about is back")
		}
		if got := slices.Sorted(maps.Keys(p.Texts)); !slices.Equal(got, []string{"en", "ru"}) {
			t.Errorf("about has texts %v, want [en ru]", got)
		}
		refs, err := st.PageSlug(ctx, about.Texts["ky"].Slug)
		if err != nil || len(refs) != 0 {
			t.Errorf("PageSlug(%q) = %v, %v; want nothing", about.Texts["ky"].Slug, refs, err)
		}
	})
	t.Run("a deleted organisation text stays deleted with its former names", func(t *testing.T) {
		o, err := st.Organisation(ctx, labour.ID)
		if err != nil {
			t.Fatalf("Organisation: %v", err)
		}
		if _, ok := o.Texts["ky"]; ok {
			t.Error("the deleted ky text of the ministry of labour is back")
		}
		if !reflect.DeepEqual(o.Texts["ru"].FormerNames, labour.Texts["ru"].FormerNames) {
			t.Errorf("ru former names %q, want %q", o.Texts["ru"].FormerNames, labour.Texts["ru"].FormerNames)
		}
		if n := countRows(t, path, `SELECT count(*) FROM organisation_former_names WHERE group_id = $1 AND lang = 'ky'`, labour.ID); n != 0 {
			t.Errorf("%d ky former names of the deleted text remain", n)
		}
	})
	t.Run("saved settings are kept, the other languages unchanged", func(t *testing.T) {
		got, err := st.Settings(ctx)
		if err != nil {
			t.Fatalf("Settings: %v", err)
		}
		wantSettings := slices.Clone(want.Settings)
		for i := range wantSettings {
			if wantSettings[i].Lang == "en" {
				wantSettings[i] = newEN
			}
		}
		compareSettings(t, got, wantSettings)
	})
	t.Run("the rest of the site is unchanged", func(t *testing.T) {
		pages, err := st.Pages(ctx)
		if err != nil {
			t.Fatalf("Pages: %v", err)
		}
		orgs, err := st.Organisations(ctx)
		if err != nil {
			t.Fatalf("Organisations: %v", err)
		}
		normalise(t, pages, orgs, installed)
		want := expectedSite()
		delete(want.Pages[1].Texts, "ky")
		delete(want.Organisations[3].Texts, "ky")
		if want.Pages[1].Key != "about" || want.Organisations[3].Key != "ministry-of-labour" {
			t.Fatal("the default site's order changed; update this test")
		}
		comparePages(t, pages, want.Pages)
		compareOrgs(t, orgs, want.Organisations)
	})
	t.Run("the integrity check passes after the changes", func(t *testing.T) {
		if err := st.IntegrityCheck(ctx); err != nil {
			t.Errorf("IntegrityCheck: %v", err)
		}
		if got := appliedMigrations(t, path); !slices.Equal(got, migrations) {
			t.Errorf("migrations after the second reopen %v, want %v", got, migrations)
		}
	})
}

func TestInstallIsAllOrNothing(t *testing.T) {
	page := func(key, enSlug, ruSlug string) content.Page {
		meta := func(code, slug string) content.Meta {
			return content.Meta{Lang: code, Slug: slug, Status: content.StatusPublished}
		}
		return content.Page{Key: key, Layout: content.LayoutPlain, Position: 1, InMenu: true, Texts: map[string]content.PageText{
			"en": {Meta: meta("en", enSlug), Title: key, Body: "Body of " + key},
			"ru": {Meta: meta("ru", ruSlug), Title: key, Body: "Текст " + key},
		}}
	}
	org := func(key string, status content.Status) content.Organisation {
		return content.Organisation{Key: key, Kind: content.KindNGO, Role: content.RoleImplementer, Texts: map[string]content.OrgText{
			"en": {
				Meta:        content.Meta{Lang: "en", Slug: key, Status: status},
				Name:        key,
				FormerNames: []string{"Old " + key},
				Sections:    []content.Section{{Heading: "Aims", Items: []string{"one"}}},
			},
		}}
	}
	settings := []content.Settings{{Lang: "en", SiteName: "Site", Slogan: "Slogan"}}

	tests := []struct {
		name     string
		pages    []content.Page
		orgs     []content.Organisation
		settings []content.Settings
	}{
		{
			name:     "two pages share a slug in one language",
			pages:    []content.Page{page("first", "first", "pervaya"), page("second", "first", "vtoraya"), page("third", "third", "tretya")},
			orgs:     []content.Organisation{org("ngo", content.StatusPublished)},
			settings: settings,
		},
		{
			name:     "two organisations share a key, after all pages",
			pages:    []content.Page{page("first", "first", "pervaya"), page("second", "second", "vtoraya")},
			orgs:     []content.Organisation{org("ngo", content.StatusPublished), org("ngo", content.StatusPublished)},
			settings: settings,
		},
		{
			name:     "the last organisation has an unknown status",
			pages:    []content.Page{page("first", "first", "pervaya")},
			orgs:     []content.Organisation{org("ngo", content.StatusPublished), org("other", "archived")},
			settings: settings,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := t.Context()
			st, path := openStore(t)
			gen := st.Generation()
			if err := st.Install(ctx, "en", tt.pages, tt.orgs, nil, tt.settings); err == nil {
				t.Fatal("Install succeeded, want an error")
			}
			empty, err := st.Empty(ctx)
			if err != nil || !empty {
				t.Errorf("Empty() = %v, %v after a failed install; want true, nil", empty, err)
			}
			if pages, err := st.Pages(ctx); err != nil || len(pages) != 0 {
				t.Errorf("Pages() = %d pages, %v; want none", len(pages), err)
			}
			if refs, err := st.PageSlug(ctx, "pervaya"); err != nil || len(refs) != 0 {
				t.Errorf("PageSlug(first page's slug) = %v, %v; want nothing", refs, err)
			}
			if orgs, err := st.Organisations(ctx); err != nil || len(orgs) != 0 {
				t.Errorf("Organisations() = %d, %v; want none", len(orgs), err)
			}
			if s, err := st.Settings(ctx); err != nil || len(s) != 0 {
				t.Errorf("Settings() = %v, %v; want none", s, err)
			}
			if got := st.Generation(); got != gen {
				t.Errorf("Generation moved from %d to %d on a failed install", gen, got)
			}
			for _, table := range []string{"translation_groups", "pages", "page_texts", "organisations",
				"organisation_texts", "organisation_former_names", "site_settings"} {
				if n := countRows(t, path, `SELECT count(*) FROM `+table); n != 0 {
					t.Errorf("%d rows left in %s", n, table)
				}
			}
			// The store is still usable: the same content without the fault installs.
			if err := seed.Install(ctx, st, "en"); err != nil {
				t.Errorf("seed.Install after a failed install: %v", err)
			}
		})
	}
}

func TestInstallTwiceFailsAndKeepsTheFirst(t *testing.T) {
	ctx := t.Context()
	st, _ := seededStore(t)
	before, err := st.Pages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := seed.Install(ctx, st, "en"); err == nil {
		t.Fatal("a second seed.Install succeeded, want an error")
	}
	after, err := st.Pages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Error("the pages changed after a failed second install")
	}
	orgs, err := st.Organisations(ctx)
	if err != nil || len(orgs) != 8 {
		t.Errorf("Organisations() = %d, %v; want 8", len(orgs), err)
	}
}

func TestNotFound(t *testing.T) {
	ctx := t.Context()
	st, _ := seededStore(t)
	pages, err := st.Pages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	orgs, err := st.Organisations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	pageID, orgID := pages[0].ID, orgs[0].ID
	tests := []struct {
		name string
		call func() error
	}{
		{"Page of a missing ID", func() error { _, err := st.Page(ctx, 9999); return err }},
		{"Organisation of a missing ID", func() error { _, err := st.Organisation(ctx, 9999); return err }},
		{"Page with an organisation's ID", func() error { _, err := st.Page(ctx, orgID); return err }},
		{"Organisation with a page's ID", func() error { _, err := st.Organisation(ctx, pageID); return err }},
		{"DeletePageText of a missing page", func() error { return st.DeletePageText(ctx, 9999, "en") }},
		{"DeletePageText of a missing language", func() error { return st.DeletePageText(ctx, pageID, "de") }},
		{"DeleteOrganisationText of a missing organisation", func() error { return st.DeleteOrganisationText(ctx, 9999, "en") }},
		{"DeleteOrganisationText of a missing language", func() error { return st.DeleteOrganisationText(ctx, orgID, "de") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.call(); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("err = %v, want store.ErrNotFound", err)
			}
		})
	}
	t.Run("deleting a text twice: the second is not found", func(t *testing.T) {
		if err := st.DeletePageText(ctx, pageID, "ky"); err != nil {
			t.Fatalf("first delete: %v", err)
		}
		if err := st.DeletePageText(ctx, pageID, "ky"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("second delete: err = %v, want store.ErrNotFound", err)
		}
	})
}

func TestSlugLookups(t *testing.T) {
	ctx := t.Context()
	st, _ := seededStore(t)
	pages, err := st.Pages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	orgs, err := st.Organisations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	pageID := func(key string) int64 { return findPage(t, pages, key).ID }
	orgID := func(key string) int64 { return findOrg(t, orgs, key).ID }

	tests := []struct {
		name string
		org  bool
		slug string
		want []store.SlugRef
	}{
		{"English page slug", false, "partners", []store.SlugRef{{ID: pageID("partners"), Lang: "en"}}},
		{"Russian page slug", false, "partnery", []store.SlugRef{{ID: pageID("partners"), Lang: "ru"}}},
		{"Kyrgyz page slug", false, "onoktoshtor", []store.SlugRef{{ID: pageID("partners"), Lang: "ky"}}},
		{"Kyrgyz slug of another page", false, "baylanysh", []store.SlugRef{{ID: pageID("contacts"), Lang: "ky"}}},
		{"the home page's empty slug in every language", false, "", []store.SlugRef{
			{ID: pageID("home"), Lang: "en"}, {ID: pageID("home"), Lang: "ky"}, {ID: pageID("home"), Lang: "ru"}}},
		{"unknown page slug", false, "no-such-page", nil},
		{"an organisation's slug is not a page's", false, "european-union", nil},
		{"English organisation slug", true, "european-union", []store.SlugRef{{ID: orgID("european-union"), Lang: "en"}}},
		{"Russian organisation slug", true, "ministerstvo-obrazovaniya-i-nauki", []store.SlugRef{{ID: orgID("ministry-of-education"), Lang: "ru"}}},
		{"Kyrgyz organisation slug", true, "bilim-beruu-jana-ilim-ministrligi", []store.SlugRef{{ID: orgID("ministry-of-education"), Lang: "ky"}}},
		{"unknown organisation slug", true, "no-such-body", nil},
		{"a page's slug is not an organisation's", true, "partners", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lookup := st.PageSlug
			if tt.org {
				lookup = st.OrganisationSlug
			}
			got, err := lookup(ctx, tt.slug)
			if err != nil {
				t.Fatalf("lookup(%q): %v", tt.slug, err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("lookup(%q) = %v, want %v", tt.slug, got, tt.want)
			}
		})
	}
	t.Run("every stored slug finds its own text", func(t *testing.T) {
		for _, p := range pages {
			for code, tx := range p.Texts {
				refs, err := st.PageSlug(ctx, tx.Slug)
				if err != nil || !slices.Contains(refs, store.SlugRef{ID: p.ID, Lang: code}) {
					t.Errorf("PageSlug(%q) = %v, %v; want it to contain page %s/%s", tx.Slug, refs, err, p.Key, code)
				}
			}
		}
		for _, o := range orgs {
			for code, tx := range o.Texts {
				refs, err := st.OrganisationSlug(ctx, tx.Slug)
				if err != nil || !slices.Contains(refs, store.SlugRef{ID: o.ID, Lang: code}) {
					t.Errorf("OrganisationSlug(%q) = %v, %v; want it to contain %s/%s", tx.Slug, refs, err, o.Key, code)
				}
			}
		}
	})
}

func TestOrganisationsByRole(t *testing.T) {
	ctx := t.Context()
	st, _ := seededStore(t)
	government := []string{"ministry-of-labour", "ministry-of-education", "ministry-of-culture",
		"civil-service-agency", "religious-affairs-commission"}
	tests := []struct {
		name  string
		roles []content.OrgRole
		want  []string
	}{
		{"government partners: the five bodies in position order", []content.OrgRole{content.RoleGovernment}, government},
		{"no role: all eight", nil, append([]string{"european-union", "danilo-dolci", "social-technologies-agency"}, government...)},
		{"funder only", []content.OrgRole{content.RoleFunder}, []string{"european-union"}},
		{"funder and implementers", []content.OrgRole{content.RoleImplementer, content.RoleFunder},
			[]string{"european-union", "danilo-dolci", "social-technologies-agency"}},
		{"a role nobody has", []content.OrgRole{"observer"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orgs, err := st.Organisations(ctx, tt.roles...)
			if err != nil {
				t.Fatalf("Organisations: %v", err)
			}
			var got []string
			for _, o := range orgs {
				got = append(got, o.Key)
				if len(o.Texts) != 3 {
					t.Errorf("%s has %d texts, want 3", o.Key, len(o.Texts))
				}
				if len(tt.roles) > 0 && !slices.Contains(tt.roles, o.Role) {
					t.Errorf("%s has role %q, not one of %v", o.Key, o.Role, tt.roles)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	t.Run("former names reach filtered lists too", func(t *testing.T) {
		orgs, err := st.Organisations(ctx, content.RoleGovernment)
		if err != nil {
			t.Fatal(err)
		}
		if fn := findOrg(t, orgs, "ministry-of-culture").Texts["en"].FormerNames; len(fn) == 0 {
			t.Error("the ministry of culture lost its former names in the filtered list")
		}
	})
}

func TestConcurrentReadsDuringWrites(t *testing.T) {
	ctx := t.Context()
	st, _ := seededStore(t)
	const readers, writes = 8, 50
	base, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}

	var (
		mu     sync.Mutex
		errs   []error
		reads  atomic.Int64
		done   atomic.Bool
		ready  sync.WaitGroup
		wg     sync.WaitGroup
		report = func(err error) {
			mu.Lock()
			errs = append(errs, err)
			mu.Unlock()
		}
	)
	ready.Add(readers)
	for i := range readers {
		wg.Go(func() {
			first := true
			for first || !done.Load() {
				pages, err := st.Pages(ctx)
				if err != nil {
					report(fmt.Errorf("reader %d: Pages: %w", i, err))
				} else if want := len(seed.Default().Pages); len(pages) != want {
					report(fmt.Errorf("reader %d: %d pages, want %d", i, len(pages), want))
				}
				orgs, err := st.Organisations(ctx)
				if err != nil {
					report(fmt.Errorf("reader %d: Organisations: %w", i, err))
				} else if len(orgs) != 8 {
					report(fmt.Errorf("reader %d: %d organisations", i, len(orgs)))
				}
				s, err := st.Settings(ctx)
				if err != nil {
					report(fmt.Errorf("reader %d: Settings: %w", i, err))
				} else if sl := s["en"].Slogan; sl != base["en"].Slogan && !strings.HasPrefix(sl, "slogan ") {
					report(fmt.Errorf("reader %d: slogan %q was never written", i, sl))
				}
				reads.Add(1)
				if first {
					first = false
					ready.Done()
				}
			}
		})
	}
	wg.Go(func() {
		defer done.Store(true)
		ready.Wait()
		c := base["en"]
		for i := range writes {
			c.Slogan = fmt.Sprintf("slogan %d", i)
			if err := st.SaveSettings(ctx, c); err != nil {
				report(fmt.Errorf("write %d: %w", i, err))
			}
		}
	})
	wg.Wait()

	for _, err := range errs {
		t.Error(err)
	}
	if n := reads.Load(); n < readers {
		t.Errorf("only %d reads ran", n)
	}
	got, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("slogan %d", writes-1); got["en"].Slogan != want {
		t.Errorf("slogan after the writes %q, want %q", got["en"].Slogan, want)
	}
	if err := st.IntegrityCheck(ctx); err != nil {
		t.Errorf("IntegrityCheck: %v", err)
	}
}

func TestSectionsRoundTrip(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"double and typographic quotes", `He said "stop" and «нет» and “no”`},
		{"backslashes", `C:\path\to\file and \n literally and \\ double`},
		{"newlines and tabs", "line one\nline two\r\n\tindented\n\n"},
		{"emoji", "Equality 👩‍👩‍👧 ⚖️ 🇰🇬"},
		{"Russian and Kyrgyz letters", "«ёңөү» Ёлка, Өнөктөштөр, Үй-бүлө, теңчилик"},
		{"JSON and HTML look-alikes", `{"heading": "x"}, ], <b>&amp;</b> \u0041`},
		{"empty string", ""},
	}
	ctx := t.Context()
	st, _ := openStore(t)
	var sections []content.Section
	for _, tt := range tests {
		sections = append(sections, content.Section{
			Heading: tt.text, Intro: tt.text, Items: []string{tt.text, "second " + tt.text}, Outro: tt.text,
		})
	}
	org := content.Organisation{
		Key: "tricky", Kind: content.KindNGO, Role: content.RoleImplementer, Website: "https://example.org",
		Texts: map[string]content.OrgText{
			"ky": {
				Meta:        content.Meta{Lang: "ky", Slug: "tricky", Status: content.StatusDraft},
				Name:        "«Ёңөү» \"уюм\"",
				FormerNames: []string{"Биринчи\n«аты»", `Экинчи \ аты`},
				Description: "Markdown\n\n- with «ёңөү»\n- and 🙂",
				Sections:    sections,
			},
		},
	}
	if err := st.Install(ctx, "ky", nil, []content.Organisation{org}, nil, nil); err != nil {
		t.Fatalf("Install: %v", err)
	}
	orgs, err := st.Organisations(ctx)
	if err != nil || len(orgs) != 1 {
		t.Fatalf("Organisations() = %d, %v; want 1", len(orgs), err)
	}
	got, err := st.Organisation(ctx, orgs[0].ID)
	if err != nil {
		t.Fatalf("Organisation: %v", err)
	}
	gotText := got.Texts["ky"]
	if len(gotText.Sections) != len(tests) {
		t.Fatalf("%d sections came back, want %d", len(gotText.Sections), len(tests))
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if g := gotText.Sections[i]; !reflect.DeepEqual(g, sections[i]) {
				t.Errorf("section:\ngot  %#v\nwant %#v", g, sections[i])
			}
		})
	}
	t.Run("name, former names and description", func(t *testing.T) {
		want := org.Texts["ky"]
		if gotText.Name != want.Name || gotText.Description != want.Description ||
			!slices.Equal(gotText.FormerNames, want.FormerNames) {
			t.Errorf("got %q / %q / %q, want %q / %q / %q", gotText.Name, gotText.FormerNames, gotText.Description,
				want.Name, want.FormerNames, want.Description)
		}
	})
	t.Run("a text without sections comes back without sections", func(t *testing.T) {
		plain := content.Organisation{Key: "plain", Kind: content.KindNGO, Role: content.RoleImplementer,
			Texts: map[string]content.OrgText{"en": {Meta: content.Meta{Lang: "en", Slug: "plain", Status: content.StatusPublished}, Name: "Plain"}}}
		if err := st.Install(ctx, "en", nil, []content.Organisation{plain}, nil, nil); err != nil {
			t.Fatalf("Install: %v", err)
		}
		orgs, err := st.Organisations(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if s := findOrg(t, orgs, "plain").Texts["en"].Sections; s != nil {
			t.Errorf("sections %#v, want nil", s)
		}
	})
}

func TestOpenSQLiteCreatesTheFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b", "datka.db")
	st, err := store.OpenSQLite(t.Context(), path)
	if err != nil {
		t.Fatalf("OpenSQLite: %v", err)
	}
	defer st.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database file: %v", err)
	}
	empty, err := st.Empty(t.Context())
	if err != nil || !empty {
		t.Errorf("Empty() = %v, %v on a new store; want true, nil", empty, err)
	}
	if err := st.Ping(t.Context()); err != nil {
		t.Errorf("Ping: %v", err)
	}
}
