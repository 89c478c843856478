package cli

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datka-cms/datka/internal/testenv"
)

// TestImportWordPress runs the command on the real export of the wxr
// package's tests, flags after the file as people type them, twice.
func TestImportWordPress(t *testing.T) {
	quietEnv(t)
	dir := t.TempDir()
	export := filepath.Join(dir, "export.xml")
	gz, err := os.ReadFile(filepath.Join(testenv.RepoRoot(), "internal/wxr/testdata/wordpress-export.xml.gz"))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(export)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.ReadFrom(zr); err != nil {
		t.Fatal(err)
	}
	f.Close()
	uploads := filepath.Join(testenv.RepoRoot(), "internal/wxr/testdata/uploads")
	db := testenv.DatabaseURL(t, dir)
	args := []string{"import", "--data", filepath.Join(dir, "data"), "--db", db, "wordpress", export, "--uploads", uploads}

	var stdout, stderr bytes.Buffer
	if code := Main(args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	for _, want := range []string{"created: 4 accounts, 2 files, 121 news entries, 5 pages", "missing-photo.jpg is not in the uploads folder"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("the report does not say %q:\n%s", want, stdout.String())
		}
	}
	stdout.Reset()
	if code := Main(args, &stdout, &stderr); code != 0 {
		t.Fatalf("second run: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stdout.String(), "created: nothing") {
		t.Errorf("second run:\n%s", stdout.String())
	}

	for _, bad := range [][]string{
		{"import", "--data", dir, "--db", db, "wordpress"},
		{"import", "--data", dir, "--db", db, "drupal", export},
		{"import", "--data", dir, "--db", db, "wordpress", export, "--uploads", filepath.Join(dir, "nowhere")},
	} {
		if code := Main(bad, &stdout, &stderr); code == 0 {
			t.Errorf("%q succeeded", bad)
		}
	}
}
