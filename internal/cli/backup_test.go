package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/media"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/testenv"
)

// backedUpSite makes a site in the data folder dir on the database of
// this run: the default content, an account, and a document in the
// library. It returns the database's URL and the document's name and
// content.
func backedUpSite(t *testing.T, dir string) (dbURL, name string, body []byte) {
	t.Helper()
	dbURL = testenv.DatabaseURL(t, dir)
	if code, _, stderr := run(t, "migrate", "--data", dir, "--db", dbURL); code != 0 {
		t.Fatalf("migrate: exit %d\n%s", code, stderr)
	}
	st, err := store.Open(t.Context(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.CreateUser(t.Context(), content.User{Email: "admin@example.org", Role: content.RoleAdmin}, "$argon2id$a-hash"); err != nil {
		t.Fatal(err)
	}
	files, err := media.NewDisk(filepath.Join(dir, "media"))
	if err != nil {
		t.Fatal(err)
	}
	name, body = media.NewName(".pdf"), bytes.Repeat([]byte("%PDF-1.4 report "), 1000)
	if err := files.Put(t.Context(), name, bytes.NewReader(body)); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateMedia(t.Context(), content.Media{Kind: content.MediaDocument, Name: name, ContentType: "application/pdf",
		Size: int64(len(body)), OriginalName: "report.pdf"}); err != nil {
		t.Fatal(err)
	}
	return dbURL, name, body
}

// TestBackupRestore runs the two commands as an administrator would:
// back the site up, restore it into a new data folder (and on the
// PostgreSQL run into a new database too), be refused the second time,
// and replace it with --force.
func TestBackupRestore(t *testing.T) {
	quietEnv(t)
	dir := t.TempDir()
	dbURL, name, body := backedUpSite(t, dir)
	archive := filepath.Join(t.TempDir(), "site.tar.gz")

	code, stdout, stderr := run(t, "backup", "--data", dir, "--db", dbURL, "--out", archive)
	if code != 0 {
		t.Fatalf("backup: exit %d\n%s", code, stderr)
	}
	st, err := store.Open(t.Context(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	c, err := st.Contents(t.Context())
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	tables := fmt.Sprintf("rows of %d tables, 1 media files (16.0 kB)", len(c.Tables))
	for _, want := range []string{"Backed up", tables, "datka restore " + archive} {
		if !strings.Contains(stdout, want) {
			t.Errorf("backup's output does not say %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "backup: 2 done") {
		t.Errorf("backup's progress does not end with its summary:\n%s", stderr)
	}
	if fi, err := os.Stat(archive); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the archive: %v, %v; want it readable by its owner only (it holds password hashes)", fi, err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(archive), ".datka-backup-*")); len(left) > 0 {
		t.Errorf("the backup left %q behind", left)
	}

	code, stdout, stderr = run(t, "restore", "--check", archive)
	if code != 0 {
		t.Fatalf("restore --check: exit %d\n%s", code, stderr)
	}
	for _, want := range []string{archive + " is a sound datka backup", "integrity check", "Backed up at ", "from a site on " + map[bool]string{false: "sqlite", true: "postgres"}[testenv.OnPostgres()],
		tables, "Rows: translation_groups ", "users ", "media 1"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("restore --check's output does not say %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "every checksum matches") {
		t.Errorf("restore --check's progress does not say that the checksums match:\n%s", stderr)
	}

	targets := []struct{ name, db string }{{"into a new data folder", ""}}
	if testenv.OnPostgres() {
		targets = append(targets, struct{ name, db string }{"into a new PostgreSQL database", testenv.PostgresSchema(t)})
	}
	for _, tg := range targets {
		t.Run(tg.name, func(t *testing.T) {
			to := filepath.Join(t.TempDir(), "restored")
			args := []string{"restore", "--data", to}
			db := "sqlite:" + filepath.Join(to, "datka.db")
			if tg.db != "" {
				args, db = append(args, "--db", tg.db), tg.db
			}
			code, stdout, stderr := run(t, append(args, archive)...)
			if code != 0 {
				t.Fatalf("restore: exit %d\n%s", code, stderr)
			}
			for _, want := range []string{"Restored " + archive, "1 media files", "the counts match the manifest"} {
				if !strings.Contains(stdout, want) {
					t.Errorf("restore's output does not say %q:\n%s", want, stdout)
				}
			}
			for _, want := range []string{"check: ", "every checksum matches", "restore: "} {
				if !strings.Contains(stderr, want) {
					t.Errorf("restore's progress does not say %q:\n%s", want, stderr)
				}
			}
			if _, hash, found := account(t, db, "admin@example.org"); !found || hash != "$argon2id$a-hash" {
				t.Errorf("the account after the restore: found %v, hash %q", found, hash)
			}
			if got, err := os.ReadFile(filepath.Join(to, "media", name)); err != nil || !bytes.Equal(got, body) {
				t.Errorf("the document after the restore: %d bytes, %v", len(got), err)
			}

			code, stdout, stderr = run(t, append(args, archive)...)
			if code != 1 || stdout != "" {
				t.Errorf("a second restore: exit %d, stdout %q; want 1 and nothing", code, stdout)
			}
			for _, want := range []string{"not empty", "Nothing was restored"} {
				if !strings.Contains(stderr, want) {
					t.Errorf("a second restore: stderr does not say %q:\n%s", want, stderr)
				}
			}
			if tg.db != "" {
				return
			}
			code, stdout, stderr = run(t, append(append(args, "--force"), archive)...)
			if code != 0 || !strings.Contains(stdout, "The database that was there is kept as "+filepath.Join(to, "datka.db.before-restore-")) {
				t.Errorf("restore --force: exit %d\n%s\n%s", code, stdout, stderr)
			}
		})
	}
}

// TestBackupRestoreRefuse gives both commands bad input: each is refused
// with a message that says why, and nothing is made or changed.
func TestBackupRestoreRefuse(t *testing.T) {
	quietEnv(t)
	dir := t.TempDir()
	dbURL, _, _ := backedUpSite(t, dir)
	archive := filepath.Join(t.TempDir(), "site.tar.gz")
	if code, _, stderr := run(t, "backup", "--data", dir, "--db", dbURL, "--out", archive); code != 0 {
		t.Fatalf("backup: exit %d\n%s", code, stderr)
	}
	good, err := os.ReadFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	other := t.TempDir()
	damaged := filepath.Join(other, "damaged.tar.gz")
	bad := bytes.Clone(good)
	bad[len(bad)/2] ^= 0x10
	if err := os.WriteFile(damaged, bad, 0o600); err != nil {
		t.Fatal(err)
	}
	truncated := filepath.Join(other, "truncated.tar.gz")
	if err := os.WriteFile(truncated, good[:len(good)*2/3], 0o600); err != nil {
		t.Fatal(err)
	}
	nowhere := filepath.Join(other, "new-site")

	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStderr []string
	}{
		{name: "backup over an archive there already", args: []string{"backup", "--data", dir, "--db", dbURL, "--out", archive},
			wantCode: 1, wantStderr: []string{"exists already", "No archive was written"}},
		{name: "backup of a data folder without a site", args: []string{"backup", "--data", nowhere, "--out", filepath.Join(other, "x.tar.gz")},
			wantCode: 1, wantStderr: []string{"no database at"}},
		{name: "backup with arguments", args: []string{"backup", "--data", dir, "--db", dbURL, "extra"},
			wantCode: 1, wantStderr: []string{"takes no arguments", "--out"}},
		{name: "backup to a folder that is not there", args: []string{"backup", "--data", dir, "--db", dbURL, "--out", filepath.Join(nowhere, "x.tar.gz")},
			wantCode: 1, wantStderr: []string{"No archive was written"}},
		{name: "backup from media storage of no known kind", args: []string{"backup", "--data", dir, "--db", dbURL, "--media", "ftp://x", "--out", filepath.Join(other, "x.tar.gz")},
			wantCode: 1, wantStderr: []string{"--media", "not supported"}},
		{name: "restore without an archive", args: []string{"restore", "--data", nowhere},
			wantCode: 1, wantStderr: []string{"takes one argument"}},
		{name: "restore of an archive that is not there", args: []string{"restore", "--data", nowhere, filepath.Join(other, "none.tar.gz")},
			wantCode: 1, wantStderr: []string{"none.tar.gz", "no such file"}},
		{name: "restore of a damaged archive", args: []string{"restore", "--data", nowhere, damaged},
			wantCode: 1, wantStderr: []string{"damaged or incomplete", "Nothing was restored"}},
		{name: "restore of a truncated archive", args: []string{"restore", "--data", nowhere, truncated},
			wantCode: 1, wantStderr: []string{"damaged or incomplete", "unexpected EOF", "Nothing was restored"}},
		{name: "restore of a damaged archive over a site, with --force", args: []string{"restore", "--data", dir, "--db", dbURL, "--force", damaged},
			wantCode: 1, wantStderr: []string{"Nothing was restored"}},
		{name: "check of a damaged archive", args: []string{"restore", "--check", damaged},
			wantCode: 1, wantStderr: []string{"damaged or incomplete", "would not restore"}},
		{name: "check of a truncated archive", args: []string{"restore", "--data", nowhere, "--check", truncated},
			wantCode: 1, wantStderr: []string{"unexpected EOF", "would not restore"}},
		{name: "check with --force", args: []string{"restore", "--check", "--force", archive},
			wantCode: 1, wantStderr: []string{"only reads the archive"}},
		{name: "restore of a media folder of no known kind", args: []string{"restore", "--data", nowhere, "--media", "ftp://x", archive},
			wantCode: 1, wantStderr: []string{"--media", "not supported"}},
	}
	siteBefore := folder(t, dir)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d; stderr %q", code, tt.wantCode, stderr)
			}
			for _, w := range tt.wantStderr {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr does not say %q:\n%s", w, stderr)
				}
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing on failure", stdout)
			}
			if _, err := os.Stat(nowhere); err == nil {
				t.Fatal("a refused command made the data folder")
			}
			if after, err := os.ReadFile(archive); err != nil || !bytes.Equal(after, good) {
				t.Fatal("a refused command changed the archive")
			}
			if left, _ := filepath.Glob(filepath.Join(other, "*.tar.gz")); len(left) != 2 {
				t.Errorf("files beside the archives: %q", left)
			}
			if !testenv.OnPostgres() {
				if after := folder(t, dir); !equalFolders(siteBefore, after) {
					t.Errorf("the site's data folder changed:\nbefore %v\nafter  %v", siteBefore, after)
				}
			}
		})
	}
}

// folder maps the files under dir, but SQLite's write-ahead log and its
// index and datka's lock file, to their content.
func folder(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, "-wal") || strings.HasSuffix(p, "-shm") || strings.HasSuffix(p, ".db.lock") {
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

func equalFolders(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestBackupRestoreHelp(t *testing.T) {
	quietEnv(t)
	for _, tt := range []struct {
		cmd  string
		want []string
	}{{"backup", []string{"-data", "-db", "-out", "-media"}}, {"restore", []string{"-data", "-db", "-force", "-check", "-media"}}} {
		code, _, stderr := run(t, tt.cmd, "-h")
		if code != 0 {
			t.Errorf("%s -h: exit %d", tt.cmd, code)
		}
		for _, w := range tt.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("%s -h does not list %s:\n%s", tt.cmd, w, stderr)
			}
		}
	}
}
