package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/seed"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/testenv"
)

// The copy goes from the database of this run to the other one: SQLite
// to PostgreSQL on the first run, PostgreSQL back to SQLite on the
// second (DATKA_TEST_DB=postgres).

// otherDatabase opens a new, empty store on the database this run does
// not use, and returns it with its URL.
func otherDatabase(t *testing.T) (*store.Store, string) {
	t.Helper()
	dbURL := "sqlite:" + filepath.Join(t.TempDir(), "other.db")
	if !testenv.OnPostgres() {
		dbURL = testenv.PostgresSchema(t)
	}
	st, err := store.Open(t.Context(), dbURL)
	if err != nil {
		t.Fatalf("Open(%s): %v", dbURL, err)
	}
	t.Cleanup(func() { st.Close() })
	return st, dbURL
}

// copiedTables are the tables a copy carries, in its order.
var copiedTables = []string{"translation_groups", "pages", "page_texts", "organisations", "organisation_texts",
	"organisation_former_names", "site_settings", "users", "sessions", "auth_failures", "audit_log", "drafts",
	"revisions", "schedule", "media", "media_variants", "media_alt", "entries", "entry_texts", "entry_tags",
	"messages", "mail_outbox", "site_secrets", "import_origins"}

// siteInUse is the default site after some use: every table holds rows,
// with flags both ways and times both set and unset.
type siteInUse struct {
	editor  content.User
	about   content.Page
	mediaID int64
	event   int64
}

func useSite(t *testing.T, st *store.Store) siteInUse {
	t.Helper()
	ctx := t.Context()
	var u siteInUse
	u.editor = createUser(t, st, content.User{Email: "Aigul@example.org", Name: "Айгүл", Role: content.RoleTranslator, Languages: []string{"ky"}}, "hash-of-aigul")
	gone := createUser(t, st, content.User{Email: "gone@example.org", Role: content.RoleEditor}, "")
	gone.Disabled = true
	if err := st.UpdateUser(ctx, gone); err != nil {
		t.Fatal(err)
	}
	pages, err := st.Pages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	u.about = findPage(t, pages, "about")
	if err := st.UpdatePageStructure(ctx, u.about.ID, u.about.Position, false); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveDraft(ctx, content.Draft{GroupID: u.about.ID, Lang: "ky", Status: content.StatusReview, SourceRev: 1,
		Fields: content.Fields{{Key: "title", Value: "Долбоор жөнүндө"}}}, u.editor, "review"); err != nil {
		t.Fatal(err)
	}
	m := testMedia()
	m.CreatedBy = u.editor.ID
	if u.mediaID, err = st.CreateMedia(ctx, m); err != nil {
		t.Fatal(err)
	}
	u.event, err = st.CreateEntry(ctx, content.Entry{Key: "forum", Type: content.EntryEvent, SourceLang: "ru",
		Start: time.Date(2026, 9, 1, 10, 0, 0, 123456789, time.UTC), Cover: m.Name})
	if err != nil {
		t.Fatal(err)
	}
	d := content.Draft{GroupID: u.event, Lang: "ru", Status: content.StatusDraft,
		Fields: content.EntryFields(content.EntryEvent, content.EntryText{Title: "Форум о гендерном равенстве",
			Place: "Бишкек", Tags: []string{"Форум", "Равенство"}, Meta: content.Meta{Slug: "forum"}})}
	if _, err := st.SaveAndPublish(ctx, d, u.editor); err != nil {
		t.Fatal(err)
	}
	material, err := st.CreateEntry(ctx, content.Entry{Key: "guide", Type: content.EntryMaterial, SourceLang: "en",
		Date: time.Date(2025, 3, 8, 0, 0, 0, 0, time.UTC), Year: 2025, Topic: "gender", Groups: []string{"media", "teachers"},
		DocLangs: []string{"ru", "ky"}, File: strings.Repeat("ef", 16) + ".pdf"})
	if err != nil {
		t.Fatal(err)
	}
	d = content.Draft{GroupID: material, Lang: "en", Status: content.StatusDraft,
		Fields: content.EntryFields(content.EntryMaterial, content.EntryText{Title: "A guide for journalists", Meta: content.Meta{Slug: "guide"}})}
	if _, err := st.SaveAndPublish(ctx, d, u.editor); err != nil {
		t.Fatal(err)
	}
	if err := st.Schedule(ctx, content.Scheduled{GroupID: u.event, Lang: "ru", Action: "unpublish",
		At: time.Date(2026, 9, 2, 0, 0, 0, 0, time.UTC), CreatedBy: u.editor.ID}); err != nil {
		t.Fatal(err)
	}
	notice := &content.OutboxMail{Recipient: "team@example.org", ReplyTo: "reader@example.org", Subject: "Тема", Body: "Текст"}
	read, err := st.AddMessage(ctx, content.Message{Lang: "ru", Name: "Читатель", Email: "reader@example.org", Body: "Здравствуйте!",
		Sender: "0123456789abcdef", CreatedAt: time.Now().Add(-time.Hour)}, notice)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.MarkRead(ctx, read, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddMessage(ctx, content.Message{Lang: "ky", Name: "Окурман", Email: "okurman@example.org", Body: "Салам!", CreatedAt: time.Now()}, nil); err != nil {
		t.Fatal(err)
	}
	if err := st.Sessions().CommitCtx(ctx, "session-token", []byte{0, 1, 2, 0xfe, 0xff}, time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Secret(ctx, "contact", 32); err != nil {
		t.Fatal(err)
	}
	if err := st.RecordOrigin(ctx, store.Origin{Source: "https://old.example", ID: "post:1"}, store.Imported{Kind: "media", TargetID: 1}); err != nil {
		t.Fatal(err)
	}
	if err := st.RecordAuthFailure(ctx, time.Now(), "account:aigul@example.org", "net:192.0.2.0"); err != nil {
		t.Fatal(err)
	}
	if err := st.Audit(ctx, content.AuditEntry{Action: "publish", Kind: "event", ItemID: u.event, Lang: "ru", UserID: u.editor.ID, UserEmail: u.editor.Email}); err != nil {
		t.Fatal(err)
	}
	return u
}

// TestCopyTo copies a site in use to an empty database of the other kind
// and reads both through the store: they must give back the same site.
func TestCopyTo(t *testing.T) {
	src, srcURL := seededStore(t)
	u := useSite(t, src)
	dst, dstURL := otherDatabase(t)
	ctx := t.Context()

	var names []string
	report, err := src.CopyTo(ctx, dst, func(_ context.Context, n []string) error {
		names = n
		return nil
	})
	if err != nil {
		t.Fatalf("CopyTo: %v", err)
	}

	m := testMedia()
	wantNames := []string{m.Name, m.Variants[0].Name, m.Variants[1].Name}
	slices.Sort(wantNames)
	if !slices.Equal(names, wantNames) {
		t.Errorf("media files to copy: %q, want %q", names, wantNames)
	}
	var tables []string
	for _, tr := range report.Tables {
		tables = append(tables, tr.Table)
		if src := countRows(t, srcURL, `SELECT count(*) FROM `+tr.Table); int64(src) != tr.Rows {
			t.Errorf("report: %s has %d rows, the source %d", tr.Table, tr.Rows, src)
		}
		if tr.Rows == 0 {
			t.Errorf("%s holds no rows: the test copies nothing of it", tr.Table)
		}
		if dst := countRows(t, dstURL, `SELECT count(*) FROM `+tr.Table); int64(dst) != tr.Rows {
			t.Errorf("%s: %d rows at the destination, %d at the source", tr.Table, dst, tr.Rows)
		}
	}
	if !slices.Equal(tables, copiedTables) {
		t.Errorf("tables copied: %q, want %q", tables, copiedTables)
	}
	if docs := countRows(t, srcURL, `SELECT count(*) FROM search_docs`); report.SearchDocs != docs || docs == 0 {
		t.Errorf("search index: %d texts at the destination, %d at the source", report.SearchDocs, docs)
	}

	testenv.SameRead(t, "pages", src.Pages, dst.Pages)
	testenv.SameRead(t, "organisations", func(ctx context.Context) ([]content.Organisation, error) { return src.Organisations(ctx) },
		func(ctx context.Context) ([]content.Organisation, error) { return dst.Organisations(ctx) })
	testenv.SameRead(t, "settings", src.Settings, dst.Settings)
	testenv.SameRead(t, "users", src.Users, dst.Users)
	for _, typ := range []content.EntryType{content.EntryNews, content.EntryEvent, content.EntryMaterial} {
		q := store.EntryQuery{Type: typ, Langs: []string{"ru", "ky", "en"}, Limit: 1000}
		entries := func(st *store.Store) func(ctx context.Context) ([]content.Entry, error) {
			return func(ctx context.Context) ([]content.Entry, error) {
				list, _, err := st.Entries(ctx, q)
				var out []content.Entry
				for _, e := range list {
					full, err := st.Entry(ctx, e.ID)
					if err != nil {
						return nil, err
					}
					out = append(out, full)
				}
				return out, err
			}
		}
		testenv.SameRead(t, "entries of type "+string(typ), entries(src), entries(dst))
	}
	testenv.SameRead(t, "media", func(ctx context.Context) (content.Media, error) { return src.Media(ctx, u.mediaID) },
		func(ctx context.Context) (content.Media, error) { return dst.Media(ctx, u.mediaID) })
	testenv.SameRead(t, "messages", func(ctx context.Context) (store.MessageList, error) { return src.Messages(ctx, 10, 0) },
		func(ctx context.Context) (store.MessageList, error) { return dst.Messages(ctx, 10, 0) })
	testenv.SameRead(t, "a draft", func(ctx context.Context) (content.Draft, error) { return src.Draft(ctx, u.about.ID, "ky") },
		func(ctx context.Context) (content.Draft, error) { return dst.Draft(ctx, u.about.ID, "ky") })
	testenv.SameRead(t, "revisions", func(ctx context.Context) ([]content.Revision, error) { return src.Revisions(ctx, u.about.ID, "ky", 10) },
		func(ctx context.Context) ([]content.Revision, error) { return dst.Revisions(ctx, u.about.ID, "ky", 10) })
	testenv.SameRead(t, "schedule", func(ctx context.Context) ([]content.Scheduled, error) { return src.ScheduledItems(ctx, 0) },
		func(ctx context.Context) ([]content.Scheduled, error) { return dst.ScheduledItems(ctx, 0) })
	testenv.SameRead(t, "audit log", func(ctx context.Context) ([]content.AuditEntry, error) { return src.AuditLog(ctx, 100, 0) },
		func(ctx context.Context) ([]content.AuditEntry, error) { return dst.AuditLog(ctx, 100, 0) })
	testenv.SameRead(t, "a secret", func(ctx context.Context) ([]byte, error) { return src.Secret(ctx, "contact", 32) },
		func(ctx context.Context) ([]byte, error) { return dst.Secret(ctx, "contact", 32) })
	testenv.SameRead(t, "a session", func(ctx context.Context) ([]byte, error) {
		b, _, err := src.Sessions().FindCtx(ctx, "session-token")
		return b, err
	}, func(ctx context.Context) ([]byte, error) {
		b, _, err := dst.Sessions().FindCtx(ctx, "session-token")
		return b, err
	})
	testenv.SameRead(t, "sign-in failures", func(ctx context.Context) (int, error) {
		return src.AuthFailures(ctx, "account:aigul@example.org", time.Now().Add(-time.Hour))
	}, func(ctx context.Context) (int, error) {
		return dst.AuthFailures(ctx, "account:aigul@example.org", time.Now().Add(-time.Hour))
	})
	if _, hash, err := dst.UserByEmail(ctx, "aigul@example.org"); err != nil || hash != "hash-of-aigul" {
		t.Errorf("the translator at the destination: hash %q, %v", hash, err)
	}
	for _, q := range []struct{ lang, kind, q string }{
		{"ru", "", "равенству"}, {"ky", "", "теңчиликтин"}, {"en", "", "ministry"}, {"ru", store.KindEvent, "форум"},
	} {
		want, got := found(t, src, q.lang, q.kind, q.q), found(t, dst, q.lang, q.kind, q.q)
		slices.Sort(want)
		slices.Sort(got)
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("search %s %q: the destination finds %v, the source %v", q.lang, q.q, got, want)
		}
	}

	// The destination goes on from the copied keys, not over them.
	users, _ := src.Users(ctx)
	var last int64
	for _, u := range users {
		last = max(last, u.ID)
	}
	id, err := dst.CreateUser(ctx, content.User{Email: "new@example.org", Role: content.RoleAuthor}, "")
	if err != nil || id <= last {
		t.Errorf("a new account at the destination: id %d (the copied ones reach %d), %v", id, last, err)
	}
	nm := testMedia()
	nm.Name, nm.Variants = strings.Repeat("cd", 16)+".jpg", nil
	if id, err := dst.CreateMedia(ctx, nm); err != nil || id <= u.mediaID {
		t.Errorf("a new file at the destination: id %d, %v", id, err)
	}
	if _, err := dst.AddMessage(ctx, content.Message{Lang: "en", Name: "R", Email: "r@example.org", Body: "Hi", CreatedAt: time.Now()},
		&content.OutboxMail{Recipient: "team@example.org", Subject: "s", Body: "b"}); err != nil {
		t.Errorf("a new message at the destination: %v", err)
	}
	if err := dst.Audit(ctx, content.AuditEntry{Action: "test"}); err != nil {
		t.Errorf("a new audit entry at the destination: %v", err)
	}
	if _, err := dst.CreatePage(ctx, content.Page{Key: "new-page", Layout: content.LayoutPlain, SourceLang: "ru"}); err != nil {
		t.Errorf("a new page at the destination: %v", err)
	}
}

// TestCopyToRefusesADatabaseInUse refuses to copy into a database that
// holds anything, and leaves it as it was.
func TestCopyToRefusesADatabaseInUse(t *testing.T) {
	tests := []struct {
		name  string
		fill  func(t *testing.T, st *store.Store)
		table string
	}{
		{"a site", func(t *testing.T, st *store.Store) {
			if err := seed.Install(t.Context(), st, "ru"); err != nil {
				t.Fatal(err)
			}
		}, "translation_groups"},
		{"an account only", func(t *testing.T, st *store.Store) {
			createUser(t, st, content.User{Email: "admin@example.org", Role: content.RoleAdmin}, "")
		}, "users"},
		{"a message only", func(t *testing.T, st *store.Store) {
			if _, err := st.AddMessage(t.Context(), content.Message{Lang: "ru", Name: "R", Email: "r@example.org", Body: "Hi", CreatedAt: time.Now()}, nil); err != nil {
				t.Fatal(err)
			}
		}, "messages"},
	}
	src, _ := seededStore(t)
	useSite(t, src)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dst, dstURL := otherDatabase(t)
			tt.fill(t, dst)
			before := tableCounts(t, dstURL)
			called := false
			_, err := src.CopyTo(t.Context(), dst, func(context.Context, []string) error {
				called = true
				return nil
			})
			if !errors.Is(err, store.ErrNotEmpty) || !strings.Contains(err.Error(), tt.table) {
				t.Errorf("CopyTo into a database with %s: %v, want ErrNotEmpty naming %s", tt.name, err, tt.table)
			}
			if called {
				t.Error("the media files were copied for a copy that was refused")
			}
			if after := tableCounts(t, dstURL); !reflect.DeepEqual(after, before) {
				t.Errorf("the destination changed: %v, was %v", after, before)
			}
		})
	}
}

// tableCounts counts the rows of every table a copy carries.
func tableCounts(t *testing.T, dbURL string) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range copiedTables {
		out[table] = countRows(t, dbURL, `SELECT count(*) FROM `+table)
	}
	return out
}

// TestCopyToLeavesNothingBehind fails copies part-way in every way one
// can fail: the destination must hold nothing afterwards, and the same
// copy must succeed once the cause is gone.
func TestCopyToLeavesNothingBehind(t *testing.T) {
	lite := testenv.OnPostgres() // the destination is SQLite
	refuse := map[bool][]string{
		false: {`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`,
			`CREATE TRIGGER refuse BEFORE INSERT ON site_secrets FOR EACH ROW EXECUTE FUNCTION refuse()`},
		true: {`CREATE TRIGGER refuse BEFORE INSERT ON site_secrets BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`},
	}
	drop := map[bool][]string{
		false: {`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`,
			`CREATE TRIGGER refuse BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION refuse()`},
		true: {`CREATE TRIGGER refuse BEFORE INSERT ON messages BEGIN SELECT RAISE(IGNORE); END`},
	}
	undo := map[bool][]string{
		false: {`DROP FUNCTION refuse() CASCADE`},
		true:  {`DROP TRIGGER refuse`},
	}
	failFiles := errors.New("the media storage is full")
	tests := []struct {
		name      string
		onSQLite  bool // the source must be SQLite: PostgreSQL takes no such value
		srcBreak  []string
		srcMend   []string
		dstBreak  []string
		dstMend   []string
		files     error
		wantErr   []string
		wantErrIs error
	}{
		{name: "the destination refuses a row", dstBreak: refuse[lite], dstMend: undo[lite],
			wantErr: []string{"copy site_secrets", "refused by the test"}},
		{name: "the destination loses rows without a word", dstBreak: drop[lite], dstMend: undo[lite],
			wantErr: []string{"copy messages", "2 rows at the source", "0 at the destination"}},
		{name: "the media files cannot be copied", files: failFiles, wantErrIs: failFiles},
		{name: "a time PostgreSQL cannot read", onSQLite: true,
			srcBreak: []string{`UPDATE mail_outbox SET next_attempt_at = 'soon'`},
			srcMend:  []string{`UPDATE mail_outbox SET next_attempt_at = created_at`},
			wantErr:  []string{"copy mail_outbox", "soon"}},
		{name: "a text PostgreSQL cannot keep", onSQLite: true,
			srcBreak: []string{`UPDATE messages SET body = 'a' || char(0) || 'b' WHERE lang = 'ky'`},
			srcMend:  []string{`UPDATE messages SET body = 'Салам!' WHERE lang = 'ky'`},
			wantErr:  []string{"copy messages", "column body", "NUL"}},
		{name: "a flag that is neither 0 nor 1", onSQLite: true,
			srcBreak: []string{`UPDATE users SET disabled = 2 WHERE email = 'gone@example.org'`},
			srcMend:  []string{`UPDATE users SET disabled = 1 WHERE email = 'gone@example.org'`},
			wantErr:  []string{"copy users", "column disabled", "2 is not a flag"}},
	}
	src, srcURL := seededStore(t) // each case mends what it breaks
	useSite(t, src)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.onSQLite && testenv.OnPostgres() {
				t.Skip("the source is PostgreSQL, which takes no such value")
			}
			dst, dstURL := otherDatabase(t)
			exec(t, srcURL, tt.srcBreak...)
			exec(t, dstURL, tt.dstBreak...)
			_, err := src.CopyTo(t.Context(), dst, func(context.Context, []string) error { return tt.files })
			if err == nil {
				t.Fatal("CopyTo succeeded")
			}
			if tt.wantErrIs != nil && !errors.Is(err, tt.wantErrIs) {
				t.Errorf("CopyTo: %v, want %v", err, tt.wantErrIs)
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("CopyTo: %v, want it to say %q", err, w)
				}
			}
			for table, n := range tableCounts(t, dstURL) {
				if n != 0 {
					t.Errorf("%s holds %d rows after the failed copy", table, n)
				}
			}
			exec(t, srcURL, tt.srcMend...)
			exec(t, dstURL, tt.dstMend...)
			report, err := src.CopyTo(t.Context(), dst, nil)
			if err != nil {
				t.Fatalf("CopyTo once the cause is gone: %v", err)
			}
			if want := countRows(t, srcURL, `SELECT count(*) FROM translation_groups`); report.Tables[0].Rows != int64(want) {
				t.Errorf("the second copy: %+v", report.Tables[0])
			}
		})
	}
}

// exec runs statements on the database at dbURL past the store.
func exec(t *testing.T, dbURL string, stmts ...string) {
	t.Helper()
	if len(stmts) == 0 {
		return
	}
	db := writableDB(t, dbURL)
	for _, s := range stmts {
		if _, err := db.ExecContext(t.Context(), s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// TestCopyToItself refuses to copy a database onto itself.
func TestCopyToItself(t *testing.T) {
	st, _ := seededStore(t)
	if _, err := st.CopyTo(t.Context(), st, nil); err == nil || !strings.Contains(err.Error(), "same database") {
		t.Errorf("CopyTo itself: %v", err)
	}
}

// TestCopyToIsOneMoment writes to the source while it is being copied, as
// a running site does: the copy holds the site as it stood when the copy
// began, whole, and none of what came after.
func TestCopyToIsOneMoment(t *testing.T) {
	src, srcURL := seededStore(t)
	useSite(t, src)
	dst, dstURL := otherDatabase(t)
	before := tableCounts(t, srcURL)
	report, err := src.CopyTo(t.Context(), dst, func(ctx context.Context, _ []string) error {
		// Between the snapshot and the writes to the destination.
		if _, err := src.AddMessage(ctx, content.Message{Lang: "en", Name: "Late", Email: "late@example.org", Body: "Hi", CreatedAt: time.Now()},
			&content.OutboxMail{Recipient: "team@example.org", Subject: "s", Body: "b"}); err != nil {
			return err
		}
		_, err := src.CreateUser(ctx, content.User{Email: "late@example.org", Role: content.RoleEditor}, "")
		return err
	})
	if err != nil {
		t.Fatalf("CopyTo: %v", err)
	}
	if got := tableCounts(t, dstURL); !reflect.DeepEqual(got, before) {
		t.Errorf("the destination holds %v, the source held %v when the copy began", got, before)
	}
	for _, tr := range report.Tables {
		if int64(before[tr.Table]) != tr.Rows {
			t.Errorf("report: %s has %d rows, the source had %d", tr.Table, tr.Rows, before[tr.Table])
		}
	}
	if n := countRows(t, srcURL, `SELECT count(*) FROM messages`); n != before["messages"]+1 {
		t.Errorf("the source holds %d messages, want the late one too", n)
	}
}
