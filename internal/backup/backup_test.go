package backup_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/datka-cms/datka/internal/backup"
	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/media"
	"github.com/datka-cms/datka/internal/search"
	"github.com/datka-cms/datka/internal/seed"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/testenv"
)

// TestMain runs the tests with the site on SQLite, then on PostgreSQL.
func TestMain(m *testing.M) { testenv.MainOnBothDatabases(m) }

// site is a site in use: the default content, an editor, a message with
// its notification mail, and an image with its smaller copies on disk.
type site struct {
	st      *store.Store
	files   media.Storage
	imageID int64
}

func newSite(t *testing.T) site {
	t.Helper()
	ctx := t.Context()
	dir := t.TempDir()
	st, err := store.Open(ctx, testenv.DatabaseURL(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := seed.Install(ctx, st, "ru"); err != nil {
		t.Fatal(err)
	}
	files, err := media.NewDisk(filepath.Join(dir, "media"))
	if err != nil {
		t.Fatal(err)
	}
	s := site{st: st, files: files}
	editor, err := st.CreateUser(ctx, content.User{Email: "aigul@example.org", Name: "Айгүл", Role: content.RoleTranslator, Languages: []string{"ky"}}, "$argon2id$hash-of-aigul")
	if err != nil {
		t.Fatal(err)
	}
	guide, err := st.CreateEntry(ctx, content.Entry{Key: "guide", Type: content.EntryMaterial, SourceLang: "en",
		Date: time.Date(2025, 3, 8, 0, 0, 0, 0, time.UTC), Year: 2025, Topic: "gender", Groups: []string{"media"}, DocLangs: []string{"ru", "ky"}})
	if err != nil {
		t.Fatal(err)
	}
	d := content.Draft{GroupID: guide, Lang: "en", Status: content.StatusDraft, Fields: content.EntryFields(content.EntryMaterial,
		content.EntryText{Title: "A guide for journalists on gender equality", Meta: content.Meta{Slug: "guide"}})}
	if _, err := st.SaveAndPublish(ctx, d, content.User{ID: editor, Role: content.RoleAdmin}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddMessage(ctx, content.Message{Lang: "ru", Name: "Читатель", Email: "reader@example.org", Body: "Здравствуйте!"},
		&content.OutboxMail{Recipient: "team@example.org", Subject: "Тема", Body: "Текст"}); err != nil {
		t.Fatal(err)
	}

	img := image.NewRGBA(image.Rect(0, 0, 1200, 800))
	for x := range 1200 {
		for y := range 800 {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), uint8(x ^ y), 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	p, err := media.NewProcessor(1).Process(ctx, buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	m := content.Media{Kind: content.MediaImage, Name: media.NewName(p.Type.Ext), ContentType: p.Type.ContentType,
		Size: int64(len(p.Data)), Width: p.Width, Height: p.Height, OriginalName: "поле.png", CreatedBy: editor,
		Alt: map[string]string{"ru": "Поле", "ky": "Талаа"}}
	if err := files.Put(ctx, m.Name, bytes.NewReader(p.Data)); err != nil {
		t.Fatal(err)
	}
	for _, v := range p.Variants {
		name := media.VariantName(m.Name, v.Width)
		if err := files.Put(ctx, name, bytes.NewReader(v.Data)); err != nil {
			t.Fatal(err)
		}
		m.Variants = append(m.Variants, content.MediaVariant{Width: v.Width, Height: v.Height, Name: name})
	}
	if len(m.Variants) == 0 {
		t.Fatal("the image has no smaller copies; the test needs some")
	}
	if s.imageID, err = st.CreateMedia(ctx, m); err != nil {
		t.Fatal(err)
	}
	return s
}

// emptyTarget is a target of each kind: a new data folder on SQLite with
// its media on disk, or an empty PostgreSQL schema with media in S3.
func emptyTarget(t *testing.T, kind string) (backup.Target, func(*testing.T) media.Storage) {
	t.Helper()
	switch kind {
	case "sqlite":
		dir := filepath.Join(t.TempDir(), "restored")
		tg := backup.Target{SQLitePath: filepath.Join(dir, "datka.db"), MediaDir: filepath.Join(dir, "media")}
		tg.DatabaseURL = "sqlite:" + tg.SQLitePath
		return tg, func(t *testing.T) media.Storage {
			d, err := media.NewDisk(tg.MediaDir)
			if err != nil {
				t.Fatal(err)
			}
			return d
		}
	default:
		srv := testenv.StartS3(t)
		s3, err := media.NewS3(t.Context(), srv.Bucket(t, "restored"))
		if err != nil {
			t.Fatal(err)
		}
		return backup.Target{DatabaseURL: testenv.PostgresSchema(t), Files: s3}, func(*testing.T) media.Storage { return s3 }
	}
}

func writeBackup(t *testing.T, s site) (string, backup.Manifest) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "site.tar.gz")
	m, err := backup.Write(t.Context(), s.st, s.files, out, io.Discard)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	return out, m
}

// TestRoundTrip backs a site up and restores it into each kind of
// target: every page, organisation, entry, setting, account, message,
// media item, file and search result must be the same there.
func TestRoundTrip(t *testing.T) {
	for _, kind := range []string{"sqlite", "postgres"} {
		t.Run("into "+kind, func(t *testing.T) {
			s := newSite(t)
			ctx := t.Context()
			archive, m := writeBackup(t, s)
			if m.Driver != s.st.Driver() || len(m.Files) != 4 || m.Files[0].Name != "datka.db" || len(m.Missing) != 0 {
				t.Errorf("manifest: driver %s, files %+v, missing %q; want the database and three media files", m.Driver, m.Files, m.Missing)
			}
			entries := tarNames(t, archive)
			if entries[0] != "datka.db" || entries[len(entries)-1] != "manifest.json" || len(entries) != 5 {
				t.Errorf("archive entries %q: want datka.db, three media files, manifest.json", entries)
			}

			tg, storage := emptyTarget(t, kind)
			r, err := backup.Restore(ctx, archive, tg, io.Discard)
			if err != nil {
				t.Fatalf("Restore: %v", err)
			}
			dst, err := store.Open(ctx, tg.DatabaseURL)
			if err != nil {
				t.Fatal(err)
			}
			defer dst.Close()
			src := s.st
			want, err := src.Contents(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(r.Contents, want) {
				t.Errorf("restored contents\n%+v\nthe site's\n%+v", r.Contents, want)
			}

			testenv.SameRead(t, "pages", src.Pages, dst.Pages)
			testenv.SameRead(t, "organisations", func(ctx context.Context) ([]content.Organisation, error) { return src.Organisations(ctx) },
				func(ctx context.Context) ([]content.Organisation, error) { return dst.Organisations(ctx) })
			testenv.SameRead(t, "settings", src.Settings, dst.Settings)
			testenv.SameRead(t, "users", src.Users, dst.Users)
			testenv.SameRead(t, "messages", func(ctx context.Context) (store.MessageList, error) { return src.Messages(ctx, 100, 0) },
				func(ctx context.Context) (store.MessageList, error) { return dst.Messages(ctx, 100, 0) })
			testenv.SameRead(t, "the image", func(ctx context.Context) (content.Media, error) { return src.Media(ctx, s.imageID) },
				func(ctx context.Context) (content.Media, error) { return dst.Media(ctx, s.imageID) })
			for _, typ := range []content.EntryType{content.EntryNews, content.EntryEvent, content.EntryMaterial} {
				q := store.EntryQuery{Type: typ, Langs: []string{"ru", "ky", "en"}, Limit: 1000}
				list := func(st *store.Store) func(context.Context) ([]content.Entry, error) {
					return func(ctx context.Context) ([]content.Entry, error) {
						es, _, err := st.Entries(ctx, q)
						return es, err
					}
				}
				testenv.SameRead(t, "entries of type "+string(typ), list(src), list(dst))
			}
			if _, hash, err := dst.UserByEmail(ctx, "aigul@example.org"); err != nil || hash != "$argon2id$hash-of-aigul" {
				t.Errorf("the account's password hash after the restore: %q, %v", hash, err)
			}
			found := 0
			for _, q := range []struct{ lang, words string }{{"ru", "министерства"}, {"en", "ministry"}, {"ky", "министрлиги"},
				{"ru", "гендерное равенство"}, {"en", "journalist"}} {
				a, b := hits(t, src, q.lang, q.words), hits(t, dst, q.lang, q.words)
				found += len(a)
				if !slices.Equal(a, b) {
					t.Errorf("search %v: the site finds %q, the restored one %q", q, a, b)
				}
				if testing.Verbose() {
					t.Logf("search %v: %d found", q, len(a))
				}
			}
			if found == 0 {
				t.Error("no search found anything: the test compares nothing")
			}
			to := storage(t)
			for _, name := range want.Media {
				if a, b := readFile(t, s.files, name), readFile(t, to, name); !bytes.Equal(a, b) || len(a) == 0 {
					t.Errorf("%s: %d bytes restored, %d at the site", name, len(b), len(a))
				}
			}

			// A second restore into the same target is refused, and
			// changes nothing.
			_, err = backup.Restore(ctx, archive, tg, io.Discard)
			if !errors.Is(err, backup.ErrNotEmpty) {
				t.Errorf("a second restore: %v, want ErrNotEmpty", err)
			}
			if c, err := dst.Contents(ctx); err != nil || !reflect.DeepEqual(c, want) {
				t.Errorf("after a refused restore the target holds %+v (%v)", c, err)
			}
		})
	}
}

// TestRestoreForce puts a backup in place of a SQLite database with
// --force, keeping the one that was there; on PostgreSQL --force does not
// empty a database.
func TestRestoreForce(t *testing.T) {
	s := newSite(t)
	archive, _ := writeBackup(t, s)
	tg, _ := emptyTarget(t, "sqlite")
	if _, err := backup.Restore(t.Context(), archive, tg, io.Discard); err != nil {
		t.Fatal(err)
	}
	before := readAll(t, tg.SQLitePath)
	tg.Force = true
	r, err := backup.Restore(t.Context(), archive, tg, io.Discard)
	if err != nil {
		t.Fatalf("Restore with Force: %v", err)
	}
	if r.Replaced == "" || !bytes.Equal(readAll(t, r.Replaced), before) {
		t.Errorf("the database that was there is not kept whole (at %q)", r.Replaced)
	}
	r2, err := backup.Restore(t.Context(), archive, tg, io.Discard)
	if err != nil || r2.Replaced == r.Replaced {
		t.Errorf("a second forced restore: kept the old database at %q (the first at %q), %v", r2.Replaced, r.Replaced, err)
	}

	files, err := media.NewDisk(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	pg := backup.Target{DatabaseURL: testenv.PostgresSchema(t), Files: files}
	if _, err := backup.Restore(t.Context(), archive, pg, io.Discard); err != nil {
		t.Fatal(err)
	}
	pg.Force = true
	_, err = backup.Restore(t.Context(), archive, pg, io.Discard)
	if !errors.Is(err, backup.ErrNotEmpty) || !strings.Contains(err.Error(), "drop the database") {
		t.Errorf("a forced restore into a PostgreSQL database in use: %v, want it refused", err)
	}
}

// TestRestoreRefusesDamaged gives Restore archives that are not whole:
// each is refused with a message that says so, and the target, a new
// data folder or a database there already (with Force), is left exactly
// as it was.
func TestRestoreRefusesDamaged(t *testing.T) {
	s := newSite(t)
	archive, _ := writeBackup(t, s)
	good := readAll(t, archive)
	tests := []struct {
		name   string
		damage func([]byte) []byte
		want   string
	}{
		{"a byte flipped in the middle", func(b []byte) []byte { b[len(b)/2] ^= 0x40; return b }, "damaged"},
		{"a byte flipped near the end", func(b []byte) []byte { b[len(b)-20] ^= 0x01; return b }, "damaged"},
		{"cut in half", func(b []byte) []byte { return b[:len(b)/2] }, "unexpected EOF"},
		{"without its last bytes", func(b []byte) []byte { return b[:len(b)-10] }, "damaged"},
		{"an empty file", func([]byte) []byte { return nil }, "not a gzip-compressed archive"},
		{"a media file changed and the archive packed again", repack(t, func(name string, body []byte) (string, []byte) {
			if strings.HasPrefix(name, "media/") {
				body[len(body)/2] ^= 1
			}
			return name, body
		}), "does not match its checksum"},
		{"the database left out", repack(t, func(name string, body []byte) (string, []byte) {
			if name == "datka.db" {
				return "", nil
			}
			return name, body
		}), "datka.db is in the manifest but not in the archive"},
		{"no manifest", repack(t, func(name string, body []byte) (string, []byte) {
			if name == "manifest.json" {
				return "", nil
			}
			return name, body
		}), "no manifest"},
		{"a file outside the data folder", repack(t, func(name string, body []byte) (string, []byte) {
			if strings.HasPrefix(name, "media/") {
				return "media/../../evil", body
			}
			return name, body
		}), "no part of a datka backup"},
		{"not an archive", func([]byte) []byte { return []byte("hello, this is not a backup\n") }, "not a gzip-compressed archive"},
		{"the database corrupt, and the manifest made to match", repack(t, corruptDatabase(t)), "integrity check"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := filepath.Join(t.TempDir(), "bad.tar.gz")
			if err := os.WriteFile(bad, tt.damage(slices.Clone(good)), 0o600); err != nil {
				t.Fatal(err)
			}
			t.Run("checked only", func(t *testing.T) {
				_, _, err := backup.Check(t.Context(), bad, io.Discard)
				if !errors.Is(err, backup.ErrDamaged) || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("Check: %v, want ErrDamaged saying %q", err, tt.want)
				}
			})
			t.Run("into a new data folder", func(t *testing.T) {
				tg, _ := emptyTarget(t, "sqlite")
				_, err := backup.Restore(t.Context(), bad, tg, io.Discard)
				if !errors.Is(err, backup.ErrDamaged) || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("Restore: %v, want ErrDamaged saying %q", err, tt.want)
				}
				if _, err := os.Stat(filepath.Dir(tg.SQLitePath)); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("a refused restore left the data folder behind (%v)", err)
				}
			})
			t.Run("over a database, with Force", func(t *testing.T) {
				tg, _ := emptyTarget(t, "sqlite")
				if _, err := backup.Restore(t.Context(), archive, tg, io.Discard); err != nil {
					t.Fatal(err)
				}
				before := listFolder(t, filepath.Dir(tg.SQLitePath))
				tg.Force = true
				if _, err := backup.Restore(t.Context(), bad, tg, io.Discard); !errors.Is(err, backup.ErrDamaged) {
					t.Errorf("Restore: %v, want ErrDamaged", err)
				}
				if after := listFolder(t, filepath.Dir(tg.SQLitePath)); !reflect.DeepEqual(after, before) {
					t.Errorf("the data folder changed:\nbefore %v\nafter  %v", before, after)
				}
			})
		})
	}
}

// TestBackupUnderWrites backs a site up while writers keep adding to it:
// messages with their notification mails, each pair in one transaction,
// and drafts with their revisions. The restored site holds whole pairs
// only, and the counts its manifest records.
func TestBackupUnderWrites(t *testing.T) {
	s := newSite(t)
	ctx, cancel := context.WithCancel(t.Context())
	editor, _, err := s.st.UserByEmail(ctx, "aigul@example.org")
	if err != nil {
		t.Fatal(err)
	}
	pages, err := s.st.Pages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan int, 2)
	go func() {
		n := 0
		for ctx.Err() == nil {
			_, err := s.st.AddMessage(ctx, content.Message{Lang: "ky", Name: "Окурман", Email: "okurman@example.org", Body: "Салам!"},
				&content.OutboxMail{Recipient: "team@example.org", Subject: "Кат", Body: "Салам!"})
			if err == nil {
				n++
			}
		}
		done <- n
	}()
	go func() {
		n := 0
		for ctx.Err() == nil {
			p := pages[n%len(pages)]
			d := content.Draft{GroupID: p.ID, Lang: "ky", Status: content.StatusDraft, SourceRev: 1,
				Fields: content.Fields{{Key: "title", Value: "Долбоор " + time.Now().String()}}}
			if err := s.st.SaveDraft(ctx, d, editor, "save"); err == nil {
				n++
			}
		}
		done <- n
	}()
	time.Sleep(200 * time.Millisecond) // let the writers start
	archive, m := writeBackup(t, s)
	cancel()
	writes := <-done + <-done
	if writes == 0 {
		t.Fatal("the writers wrote nothing")
	}

	tg, _ := emptyTarget(t, "sqlite")
	r, err := backup.Restore(t.Context(), archive, tg, io.Discard)
	if err != nil {
		t.Fatalf("Restore: %v", err)
	}
	rows := map[string]int64{}
	for _, tb := range r.Contents.Tables {
		rows[tb.Table] = tb.Rows
	}
	if rows["messages"] != rows["mail_outbox"] {
		t.Errorf("the restored site holds %d messages and %d mails about them: not one moment of the site", rows["messages"], rows["mail_outbox"])
	}
	if rows["messages"] < 2 {
		t.Errorf("the backup holds %d messages; the writers had started before it", rows["messages"])
	}
	after, err := s.st.Contents(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if after.Rows() <= m.Rows() {
		t.Errorf("the site holds %d rows after the writes, the backup %d: the writers did not write during the backup", after.Rows(), m.Rows())
	}
	t.Logf("%d writes; the backup holds %d messages, the site %d rows after", writes, rows["messages"], after.Rows())
}

// hits lists what a search finds, as group, language and kind.
func hits(t *testing.T, st *store.Store, lang, words string) []string {
	t.Helper()
	list, _, err := st.Search(t.Context(), store.SearchQuery{Lang: lang, Terms: search.Query(lang, words), Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range list {
		out = append(out, h.Lang+"/"+h.Kind+"/"+h.Slug)
	}
	slices.Sort(out)
	return out
}

func readFile(t *testing.T, s media.Storage, name string) []byte {
	t.Helper()
	f, err := s.Open(t.Context(), name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func readAll(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// listFolder maps every file under dir to its content.
func listFolder(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		out[p] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// tarNames lists an archive's entries in order.
func tarNames(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	var out []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, h.Name)
	}
}

// repack returns a damage that unpacks an archive, changes its entries
// with change (an empty name drops one), and packs it again: an archive
// whose gzip and tar are sound but whose content is not what was backed
// up.
func repack(t *testing.T, change func(name string, body []byte) (string, []byte)) func([]byte) []byte {
	return func(archive []byte) []byte {
		gz, err := gzip.NewReader(bytes.NewReader(archive))
		if err != nil {
			t.Fatal(err)
		}
		tr := tar.NewReader(gz)
		var out bytes.Buffer
		zw := gzip.NewWriter(&out)
		tw := tar.NewWriter(zw)
		for {
			h, err := tr.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(tr)
			if err != nil {
				t.Fatal(err)
			}
			name, body := change(h.Name, body)
			if name == "" {
				continue
			}
			if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o600, Size: int64(len(body)), Typeflag: tar.TypeReg}); err != nil {
				t.Fatal(err)
			}
			if _, err := tw.Write(body); err != nil {
				t.Fatal(err)
			}
		}
		if err := tw.Close(); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
}

// TestMissingFile backs up a site whose storage lost a file its rows
// name: the backup records it as missing rather than fail, and the
// restore brings back everything else and says the same.
func TestMissingFile(t *testing.T) {
	s := newSite(t)
	img, err := s.st.Media(t.Context(), s.imageID)
	if err != nil {
		t.Fatal(err)
	}
	lost := img.Variants[0].Name
	if err := s.files.Delete(t.Context(), lost); err != nil {
		t.Fatal(err)
	}
	archive, m := writeBackup(t, s)
	if !slices.Equal(m.Missing, []string{lost}) || len(m.Files) != 3 {
		t.Errorf("manifest: missing %q, %d entries; want %s missing and the database and two files", m.Missing, len(m.Files), lost)
	}
	tg, storage := emptyTarget(t, "sqlite")
	r, err := backup.Restore(t.Context(), archive, tg, io.Discard)
	if err != nil {
		t.Fatalf("Restore: %v", err)
	}
	if !slices.Equal(r.Manifest.Missing, []string{lost}) || !slices.Contains(r.Contents.Media, lost) {
		t.Errorf("restored: manifest says %q missing; the rows name %q", r.Manifest.Missing, r.Contents.Media)
	}
	if _, err := storage(t).Open(t.Context(), lost); !errors.Is(err, media.ErrNotExist) {
		t.Errorf("the lost file at the target: %v", err)
	}
	if b := readFile(t, storage(t), img.Name); len(b) == 0 {
		t.Error("the image itself was not restored")
	}
}

// TestCheck checks a sound archive: it reports what the manifest records
// and what the database in it holds, and leaves the folder of the archive
// as it was.
func TestCheck(t *testing.T) {
	s := newSite(t)
	archive, want := writeBackup(t, s)
	before := listFolder(t, filepath.Dir(archive))
	m, c, err := backup.Check(t.Context(), archive, io.Discard)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("manifest:\n got %+v\nwant %+v", m, want)
	}
	if c.Rows() != want.Rows() || len(c.Media) != len(want.Files)-1 {
		t.Errorf("contents: %d rows, %d media files; the manifest says %d and %d", c.Rows(), len(c.Media), want.Rows(), len(want.Files)-1)
	}
	if after := listFolder(t, filepath.Dir(archive)); !reflect.DeepEqual(after, before) {
		t.Errorf("the archive's folder changed:\nbefore %v\nafter  %v", before, after)
	}
}

// failingStorage refuses every file after the first few, as a full disk
// or a bucket gone away would.
type failingStorage struct {
	media.Storage
	left int
}

func (f *failingStorage) Put(ctx context.Context, name string, r io.Reader) error {
	if f.left == 0 {
		return errors.New("the storage is full")
	}
	f.left--
	return f.Storage.Put(ctx, name, r)
}

// TestRestoreFailsIntoPostgres makes a restore into an empty PostgreSQL
// schema fail after its migrations have made the tables: the schema is
// left as empty as it was, and the next attempt succeeds.
func TestRestoreFailsIntoPostgres(t *testing.T) {
	s := newSite(t)
	archive, _ := writeBackup(t, s)
	dir := t.TempDir()
	disk, err := media.NewDisk(dir)
	if err != nil {
		t.Fatal(err)
	}
	tg := backup.Target{DatabaseURL: testenv.PostgresSchema(t), Files: &failingStorage{Storage: disk, left: 1}}
	if _, err := backup.Restore(t.Context(), archive, tg, io.Discard); err == nil || !strings.Contains(err.Error(), "the storage is full") {
		t.Fatalf("Restore into a failing storage: %v, want it to fail", err)
	}
	conn, err := pgx.Connect(t.Context(), tg.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	rows, err := conn.Query(t.Context(), `SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace
		UNION ALL SELECT proname FROM pg_proc WHERE pronamespace = current_schema()::regnamespace`)
	if err != nil {
		t.Fatal(err)
	}
	left, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	if len(left) > 0 {
		t.Errorf("the failed restore left %d things in the schema: %q", len(left), left)
	}
	if names := listFolder(t, dir); len(names) > 0 {
		t.Errorf("the failed restore left media files: %v", names)
	}
	tg.Files = disk
	if _, err := backup.Restore(t.Context(), archive, tg, io.Discard); err != nil {
		t.Fatalf("the next attempt: %v", err)
	}
}

// corruptDatabase returns a change for repack that makes an index of the
// archived database disagree with its table, which only SQLite's
// integrity check finds, and rewrites the manifest's checksum and size of
// the database to match: an archive sound in every other way.
func corruptDatabase(t *testing.T) func(name string, body []byte) (string, []byte) {
	var db backup.File
	return func(name string, body []byte) (string, []byte) {
		switch name {
		case "datka.db":
			path := filepath.Join(t.TempDir(), "datka.db")
			if err := os.WriteFile(path, body, 0o600); err != nil {
				t.Fatal(err)
			}
			conn, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range []string{`PRAGMA writable_schema=ON`,
				`UPDATE sqlite_schema SET sql = 'CREATE INDEX page_texts_slug ON page_texts (lang)' WHERE name = 'page_texts_slug'`} {
				if _, err := conn.Exec(q); err != nil {
					t.Fatal(err)
				}
			}
			conn.Close()
			body = readAll(t, path)
			h := sha256.Sum256(body)
			db = backup.File{Name: name, Size: int64(len(body)), SHA256: hex.EncodeToString(h[:])}
		case "manifest.json":
			var m backup.Manifest
			if err := json.Unmarshal(body, &m); err != nil {
				t.Fatal(err)
			}
			m.Files[0] = db
			var err error
			if body, err = json.Marshal(m); err != nil {
				t.Fatal(err)
			}
		}
		return name, body
	}
}
