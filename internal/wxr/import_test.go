package wxr

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/jobs"
	"github.com/datka-cms/datka/internal/media"
	"github.com/datka-cms/datka/internal/seed"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/testenv"
)

func TestMain(m *testing.M) { testenv.MainOnBothDatabases(m) }

var update = flag.Bool("update", false, "write the golden files")

// golden compares got with the file, or writes it with -update.
func golden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("the report differs from %s (go test -update writes it):\n%s", file, got)
	}
}

// site opens a new site with its default content, as serve makes it.
func site(t *testing.T) (*store.Store, *media.Disk) {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(t.Context(), testenv.DatabaseURL(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := seed.Install(t.Context(), st, "ru"); err != nil {
		t.Fatal(err)
	}
	files, err := media.NewDisk(filepath.Join(dir, "media"))
	if err != nil {
		t.Fatal(err)
	}
	return st, files
}

func TestImportRealExport(t *testing.T) {
	st, files := site(t)
	ctx := t.Context()
	ex := realExport(t)
	im := &Importer{Store: st, Files: files, Proc: media.NewProcessor(1), Uploads: "testdata/uploads", Langs: []string{"ru", "ky", "en"}}
	rep, err := im.Import(ctx, ex)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	rep.WriteTo(&out)
	golden(t, "testdata/report.golden", out.String())

	// 120 groups of make-export.php and WordPress's "Hello world!"; 5
	// pages: the translated About, its child, a draft, and WordPress's
	// sample and privacy pages.
	want := map[string]int{"account": 4, "file": 2, "news": 121, "page": 5, "scheduled": 40}
	for k, n := range want {
		if rep.Created[k] != n {
			t.Errorf("created %d %s, want %d (report: %v)", rep.Created[k], k, n, rep.Created)
		}
	}
	for _, reason := range []string{
		`attachment 6 "Пропавшее фото": its file 2024/05/missing-photo.jpg is not in the uploads folder`,
		`post 332 "Удалённая": status trash in WordPress`,
		`nav_menu_item 334: not content datka imports`,
		`× post (`,
		`not imported: 1 comment (the site has none)`,
	} {
		if !strings.Contains(out.String(), reason) {
			t.Errorf("the report does not say %q", reason)
		}
	}

	// Polylang's groups: one entry in three languages, the image of its
	// body and its cover in the library.
	// (make-export.php: group 40 is published, in three languages, with
	// the image as its cover and in its Gutenberg body.)
	e, err := st.EntryBySlug(ctx, content.EntryNews, "ru", "novost-nomer-40")
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Texts) != 3 || e.Texts["ky"].Title != "Жаңылык № 40" || e.Texts["en"].Title != "News item 40" || e.SourceLang != "ru" {
		t.Errorf("entry 40: source %s, texts %+v", e.SourceLang, e.Texts)
	}
	if e.Cover == "" {
		t.Error("entry 40 has no cover")
	}
	if !e.Texts["ru"].Published() || !strings.Contains(e.Texts["ru"].Body, "](/media/"+e.Cover+")") {
		t.Errorf("entry 40 in ru: %+v", e.Texts["ru"])
	}
	if got := strings.Join(e.Texts["ru"].Tags, ","); got != "гендер,События,школа" {
		t.Errorf("entry 40 tags %q", got)
	}
	if f, err := files.Open(ctx, e.Cover); err != nil {
		t.Errorf("the cover's file: %v", err)
	} else {
		f.Close()
	}
	// WPML's groups (every tenth).
	e, err = st.EntryBySlug(ctx, content.EntryNews, "en", "news-item-9")
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Texts) != 3 || e.Texts["ru"].Title != "Новость номер 9" {
		t.Errorf("entry 9 (WPML): %+v", e.Texts)
	}
	// Links between posts lead to the imported posts, in the language of
	// the text that links. (Group 104 links to group 103.)
	e, err = st.EntryBySlug(ctx, content.EntryNews, "ky", "jangylyk-no-104")
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]string{
		"ru": "[previous](/ru/novosti/novost-nomer-103) and [its short link](/ru/novosti/novost-nomer-103#top)",
		"ky": "[previous](/ky/jangylyktar/jangylyk-no-103) and [its short link](/ky/jangylyktar/jangylyk-no-103#top)",
	} {
		if !strings.Contains(e.Texts[code].Body, want) {
			t.Errorf("entry 104 in %s: %q, want it to contain %q", code, e.Texts[code].Body, want)
		}
	}
	// Posts scheduled in WordPress (for 2031) are drafts planned for
	// publication then. (Group 15 is one.)
	refs, err := st.EntrySlug(ctx, "novost-nomer-15")
	if err != nil || len(refs) != 1 {
		t.Fatalf("novost-nomer-15: %v %v", refs, err)
	}
	if e, err = st.Entry(ctx, refs[0].ID); err != nil || e.Texts["ru"].Status != content.StatusDraft || e.Date.Year() != 2031 {
		t.Errorf("scheduled entry 15: %v, %+v", err, e)
	}
	plans, err := st.ScheduledItems(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(plans) != 40 || plans[0].Action != "publish" || plans[0].At.Year() != 2031 {
		t.Errorf("%d plans, the first %+v", len(plans), plans[0])
	}
	if d, err := st.Draft(ctx, plans[0].GroupID, plans[0].Lang); err != nil || d.Fields.Get("title") == "" {
		t.Errorf("the draft of a scheduled text: %+v, %v", d, err)
	}
	// Duplicate slugs stay apart.
	refs, err = st.EntrySlug(ctx, "same-slug")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range refs {
		if r.Lang == "ru" && len(refs) > 3 {
			t.Errorf("same-slug in ru used %d times", len(refs))
		}
	}
	// Pages: the About group, next to the site's own About.
	p, err := st.PageBySlug(ctx, "ky", "dolboor-jonundo-2")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Texts) != 3 || p.Texts["en"].Title != "About the project" || p.Layout != content.LayoutPlain {
		t.Errorf("about page: %+v", p)
	}
	// Authors are accounts that cannot sign in.
	u, hash, err := st.UserByEmail(ctx, "aigul@wxr.example")
	if err != nil {
		t.Fatal(err)
	}
	if hash != "" || u.Role != content.RoleAuthor || u.Name != "Айгүл Токтогулова" {
		t.Errorf("aigul: %+v, hash %q", u, hash)
	}

	// Idempotent: a second run creates nothing and changes nothing.
	before := counts(t, st)
	rep, err = im.Import(ctx, realExport(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Created) != 0 {
		t.Errorf("the second run created %v", rep.Created)
	}
	if rep.Before["news"] != 121 || rep.Before["file"] != 2 {
		t.Errorf("the second run found %v imported before", rep.Before)
	}
	if after := counts(t, st); after != before {
		t.Errorf("the second run changed the site: %v, then %v", before, after)
	}

	// In 2031 the schedule publishes what WordPress had scheduled.
	run := jobs.Runner{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Now: func() time.Time { return time.Date(2031, 6, 1, 0, 0, 0, 0, time.UTC) }}
	if n, err := run.RunOnce(ctx); err != nil || n != 40 {
		t.Errorf("the schedule did %d, %v; want 40", n, err)
	}
	if e, err := st.EntryBySlug(ctx, content.EntryNews, "ru", "novost-nomer-15"); err != nil || !e.Texts["ru"].Published() {
		t.Errorf("scheduled entry 15 in 2031: %v, %+v", err, e.Texts["ru"].Meta)
	}
}

type siteCounts struct{ entries, texts, pages, media, users int }

func counts(t *testing.T, st *store.Store) siteCounts {
	t.Helper()
	ctx := context.Background()
	var c siteCounts
	list, total, err := st.Entries(ctx, store.EntryQuery{Type: content.EntryNews, Langs: []string{"ru", "ky", "en"}, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	c.entries = total
	for _, e := range list {
		c.texts += len(e.Texts)
	}
	pages, err := st.Pages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c.pages = len(pages)
	_, c.media, err = st.MediaList(ctx, 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	users, err := st.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c.users = len(users)
	return c
}

// TestImportWithoutUploads skips attachments and says why.
func TestImportWithoutUploads(t *testing.T) {
	st, files := site(t)
	im := &Importer{Store: st, Files: files, Proc: media.NewProcessor(1), Langs: []string{"ru", "en"}}
	rep, err := im.Import(t.Context(), realExport(t))
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	rep.WriteTo(&out)
	if rep.Created["file"] != 0 || !strings.Contains(out.String(), "no --uploads folder given, and fetching is off") {
		t.Errorf("report:\n%s", out.String())
	}
	// Kyrgyz is not one of this site's languages.
	if !strings.Contains(out.String(), "in ky, not one of the site's languages") {
		t.Errorf("report:\n%s", out.String())
	}
}

// TestImportLanguage: posts that name no language (WordPress's own
// "Hello world!") are in the export's language, or in the one given.
func TestImportLanguage(t *testing.T) {
	tests := []struct {
		name, lang, want string
		langs            []string
	}{
		{"the export's language", "", "en", []string{"ru", "ky", "en"}},
		{"the site's default when it lacks the export's", "", "ru", []string{"ru", "ky"}},
		{"the one given", "ky", "ky", []string{"ru", "ky", "en"}},
		{"one the site lacks", "de", "", []string{"ru", "ky", "en"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, files := site(t)
			im := &Importer{Store: st, Files: files, Proc: media.NewProcessor(1), Langs: tt.langs, Lang: tt.lang}
			rep, err := im.Import(t.Context(), realExport(t))
			if tt.want == "" {
				if err == nil {
					t.Fatal("imported")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if rep.Lang != tt.want {
				t.Errorf("posts without a language are in %s, want %s", rep.Lang, tt.want)
			}
			refs, err := st.EntrySlug(t.Context(), "hello-world")
			if err != nil || len(refs) != 1 || refs[0].Lang != tt.want {
				t.Errorf("Hello world: %v %v, want it in %s", refs, err, tt.want)
			}
		})
	}
}

// TestImportLinksToAttachmentPages: an image linked to its attachment
// page (by permalink or ?attachment_id=), as WordPress's image block
// offers, leads to the imported file; a link to the page of an
// attachment that was not imported keeps its old address.
func TestImportLinksToAttachmentPages(t *testing.T) {
	st, files := site(t)
	ex := realExport(t)
	var logo, missing Item
	post := -1
	for i, it := range ex.Items {
		switch {
		case it.Type == "attachment" && it.Name == "logo":
			logo = it
		case it.Type == "attachment" && strings.Contains(it.AttachmentURL, "missing-photo"):
			missing = it
		case post < 0 && it.Type == "post" && it.Status == "publish" && it.Title == "Новость номер 40":
			post = i
		}
	}
	if logo.ID == 0 || missing.ID == 0 || post < 0 {
		t.Fatalf("the export lacks the logo (%d), the missing photo (%d) or post 40 (%d)", logo.ID, missing.ID, post)
	}
	ex.Items[post].Content += fmt.Sprintf(`<p><a href="%s">the logo's page</a>, <a href="%s/?attachment_id=%d">by its ID</a>, <a href="%s">a photo that is missing</a>.</p>`,
		logo.Link, ex.BaseURL, logo.ID, missing.Link)
	im := &Importer{Store: st, Files: files, Proc: media.NewProcessor(1), Uploads: "testdata/uploads", Langs: []string{"ru", "ky", "en"}}
	if _, err := im.Import(t.Context(), ex); err != nil {
		t.Fatal(err)
	}
	e, err := st.EntryBySlug(t.Context(), content.EntryNews, "ru", "novost-nomer-40")
	if err != nil {
		t.Fatal(err)
	}
	list, _, err := st.MediaList(t.Context(), 100, 0)
	if err != nil {
		t.Fatal(err)
	}
	var name string
	for _, m := range list {
		if m.OriginalName == path.Base(logo.AttachmentURL) {
			name = m.Name
		}
	}
	body := e.Texts["ru"].Body
	for _, want := range []string{"[the logo's page](/media/" + name + ")", "[by its ID](/media/" + name + ")", "[a photo that is missing](" + missing.Link + ")"} {
		if name == "" || !strings.Contains(body, want) {
			t.Errorf("the body lacks %q:\n%s", want, body)
		}
	}
}
