package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/minio/minio-go/v7"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/media"
	"github.com/datka-cms/datka/internal/seed"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/testenv"
)

// sourceSite makes a site on SQLite in the data folder dir, as serve
// leaves it: the default content, an account, and a document in the
// library, its file in the data folder. It returns the file's name and
// content.
func sourceSite(t *testing.T, dir string) (string, []byte) {
	t.Helper()
	ctx := t.Context()
	st, err := store.OpenSQLite(ctx, filepath.Join(dir, "datka.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := seed.Install(ctx, st, "ru"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateUser(ctx, content.User{Email: "admin@example.org", Role: content.RoleAdmin}, "a hash"); err != nil {
		t.Fatal(err)
	}
	files, err := media.NewDisk(filepath.Join(dir, "media"))
	if err != nil {
		t.Fatal(err)
	}
	name, body := media.NewName(".pdf"), bytes.Repeat([]byte("%PDF-1.4 report "), 1000)
	if err := files.Put(ctx, name, bytes.NewReader(body)); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateMedia(ctx, content.Media{Kind: content.MediaDocument, Name: name, ContentType: "application/pdf",
		Size: int64(len(body)), OriginalName: "report.pdf"}); err != nil {
		t.Fatal(err)
	}
	return name, body
}

// TestMigrateData runs the command from a site on SQLite to each kind of
// destination, checks what arrived, and runs it again, to be refused.
func TestMigrateData(t *testing.T) {
	quietEnv(t)
	tests := []struct {
		name string
		// to makes the destination: the command's options for it, and a
		// check that the file arrived.
		to func(t *testing.T, dir string) (args []string, hasFile func(t *testing.T, name string) int64)
	}{
		{"SQLite to PostgreSQL, media from disk to S3", func(t *testing.T, dir string) ([]string, func(*testing.T, string) int64) {
			pg := testenv.PostgresSchema(t)
			srv := testenv.StartS3(t)
			bucket := srv.Bucket(t, "media")
			return []string{"--to", pg, "--media-to", bucket}, func(t *testing.T, name string) int64 {
				info, err := srv.Client(t).StatObject(context.Background(), "media", name, minio.StatObjectOptions{})
				if err != nil {
					t.Fatalf("%s in the bucket: %v", name, err)
				}
				return info.Size
			}
		}},
		{"SQLite to SQLite, media staying on disk", func(t *testing.T, dir string) ([]string, func(*testing.T, string) int64) {
			return []string{"--to", "sqlite:" + filepath.Join(t.TempDir(), "new.db")}, func(t *testing.T, name string) int64 {
				fi, err := os.Stat(filepath.Join(dir, "media", name))
				if err != nil {
					t.Fatal(err)
				}
				return fi.Size()
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			name, body := sourceSite(t, dir)
			to, hasFile := tt.to(t, dir)
			args := append([]string{"migrate-data", "--data", dir}, to...)
			code, stdout, stderr := run(t, args...)
			if code != 0 {
				t.Fatalf("exit %d; stderr:\n%s", code, stderr)
			}
			for _, want := range []string{"translation_groups ", "users ", "media ", "search index ", "media files ",
				"1 (", "the counts match"} {
				if !strings.Contains(stdout, want) {
					t.Errorf("stdout does not say %q:\n%s", want, stdout)
				}
			}
			if n := hasFile(t, name); n != int64(len(body)) {
				t.Errorf("the file at the destination holds %d bytes, want %d", n, len(body))
			}

			src, err := store.OpenSQLite(t.Context(), filepath.Join(dir, "datka.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			dst, err := store.Open(t.Context(), to[1])
			if err != nil {
				t.Fatal(err)
			}
			defer dst.Close()
			for _, st := range []*store.Store{src, dst} {
				if _, err := st.MediaByName(t.Context(), name); err != nil {
					t.Errorf("%s: the document: %v", st.Driver(), err)
				}
			}
			srcPages, _ := src.Pages(t.Context())
			dstPages, err := dst.Pages(t.Context())
			if err != nil || len(dstPages) != len(srcPages) || len(srcPages) == 0 {
				t.Errorf("%d pages at the destination, %d at the source (%v)", len(dstPages), len(srcPages), err)
			}
			if _, hash, err := dst.UserByEmail(t.Context(), "admin@example.org"); err != nil || hash != "a hash" {
				t.Errorf("the account at the destination: %q, %v", hash, err)
			}

			code, stdout, stderr = run(t, args...)
			if code != 1 || stdout != "" {
				t.Errorf("a second copy: exit %d, stdout %q; want 1 and nothing", code, stdout)
			}
			for _, want := range []string{"not empty", "translation_groups", "Nothing was written"} {
				if !strings.Contains(stderr, want) {
					t.Errorf("a second copy: stderr does not say %q:\n%s", want, stderr)
				}
			}
		})
	}
}

// TestMigrateDataRefuses gives the command bad input: each is refused
// with a message that says why, and nothing is made.
func TestMigrateDataRefuses(t *testing.T) {
	quietEnv(t)
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	st, err := store.OpenSQLite(t.Context(), empty) // migrated, no content
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	nowhere := filepath.Join(dir, "nowhere.db")
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStderr []string
		noStderr   []string
	}{
		{name: "no destination", args: []string{"--from", "sqlite:" + empty}, wantCode: 1, wantStderr: []string{"needs --to"}},
		{name: "no source", args: []string{"--data", filepath.Join(dir, "no-site"), "--to", "sqlite:" + nowhere},
			wantCode: 1, wantStderr: []string{"no database at", filepath.Join(dir, "no-site", "datka.db")}},
		{name: "the same database", args: []string{"--from", "sqlite:" + empty, "--to", "sqlite:" + empty},
			wantCode: 1, wantStderr: []string{"same database"}},
		{name: "a database of no known kind", args: []string{"--from", "sqlite:" + empty, "--to", "mysql://x"},
			wantCode: 1, wantStderr: []string{`"mysql" is not supported`}},
		{name: "a password is never shown",
			args:       []string{"--from", "sqlite:" + empty, "--to", "postgres://datka:sekrit1@127.0.0.1:1/datka?sslmode=disable&password=sekrit2&connect_timeout=5"},
			wantCode:   1,
			wantStderr: []string{"connect to PostgreSQL", "xxxxx"}, noStderr: []string{"sekrit"}},
		{name: "media storage of no known kind", args: []string{"--from", "sqlite:" + empty, "--to", "sqlite:" + nowhere, "--media-to", "ftp://x"},
			wantCode: 1, wantStderr: []string{"--media-to", "not supported"}},
		{name: "arguments", args: []string{"--from", "sqlite:" + empty, "--to", "sqlite:" + nowhere, "extra"},
			wantCode: 1, wantStderr: []string{"takes no arguments"}},
		{name: "an unknown option", args: []string{"--too", "sqlite:" + nowhere}, wantCode: 2, wantStderr: []string{"too"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, append([]string{"migrate-data"}, tt.args...)...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d; stderr %q", code, tt.wantCode, stderr)
			}
			for _, w := range tt.wantStderr {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr does not say %q:\n%s", w, stderr)
				}
			}
			for _, w := range tt.noStderr {
				if strings.Contains(stderr, w) {
					t.Errorf("stderr says %q:\n%s", w, stderr)
				}
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing on failure", stdout)
			}
			if _, err := os.Stat(nowhere); err == nil {
				t.Fatal("a refused copy made the destination database")
			}
			if _, err := os.Stat(filepath.Join(dir, "no-site", "datka.db")); err == nil {
				t.Fatal("a refused copy made the source database")
			}
		})
	}
}
