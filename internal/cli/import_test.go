package cli

import (
	"bytes"
	"compress/gzip"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/datka-cms/datka/internal/app"
	"github.com/datka-cms/datka/internal/config"
	"github.com/datka-cms/datka/internal/testenv"
)

// TestImportWordPress runs the command on the real export of the wxr
// package's tests, flags after the file as people type them, twice: once
// unpacked and once gzipped, which must change nothing.
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
	// The second run reads the same export as it came, gzipped.
	stdout.Reset()
	args[len(args)-3] = filepath.Join(testenv.RepoRoot(), "internal/wxr/testdata/wordpress-export.xml.gz")
	if code := Main(args, &stdout, &stderr); code != 0 {
		t.Fatalf("second run: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stdout.String(), "created: nothing") {
		t.Errorf("second run:\n%s", stdout.String())
	}

	sitePages(t, filepath.Join(dir, "data"), db)

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

// sitePages opens the imported site as serve would and checks that it
// shows the posts, pages, images and categories of the export.
func sitePages(t *testing.T, dataDir, db string) {
	t.Helper()
	cfg := config.Default()
	cfg.DataDir, cfg.DB, cfg.BaseURL = dataDir, db, "http://example.org"
	a, err := app.Open(t.Context(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	srv := httptest.NewServer(a.Handler)
	defer srv.Close()
	get := func(path string) (int, string) {
		resp, err := srv.Client().Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	coverRE := regexp.MustCompile(`<img class="cover" src="(/media/[0-9a-f]+\.jpg)"`)
	tests := []struct {
		path       string
		code       int
		has, hasNo []string
	}{
		{"/ru/novosti/novost-nomer-40", 200, []string{"<h1>Новость номер 40</h1>", `<img class="cover" src="/media/`,
			`<li>one</li>`, `href="/ru/novosti/tag/sobytiya"`}, nil},
		{"/en/news/news-item-40", 200, []string{"News item 40", `<strong>bold</strong>`, `href="https://example.org/?a=1&amp;b=2"`}, nil},
		{"/ky/jangylyktar/jangylyk-no-104", 200, []string{`href="/ky/jangylyktar/jangylyk-no-103"`}, nil},
		{"/ru/novosti/novost-nomer-2", 200, []string{"Unclosed <strong>bold"}, []string{"alert(", "evil.example", "onerror"}},
		{"/ru/novosti/tag/sobytiya", 200, []string{"Новость номер"}, nil},
		{"/en/about-the-project-2", 200, []string{"Text of the page (en)."}, nil},
		{"/ru/komanda", 200, []string{"Наша команда."}, nil},
		{"/ru/novosti/novost-nomer-4-kavychki-emphasis", 404, nil, nil}, // a draft in WordPress
		{"/ru/chernovik-stranitsy", 404, nil, nil},
	}
	for _, tt := range tests {
		code, body := get(tt.path)
		if code != tt.code {
			t.Errorf("GET %s: %d, want %d", tt.path, code, tt.code)
			continue
		}
		for _, s := range tt.has {
			if !strings.Contains(body, s) {
				t.Errorf("GET %s does not show %q", tt.path, s)
			}
		}
		for _, s := range tt.hasNo {
			if strings.Contains(body, s) {
				t.Errorf("GET %s shows %q", tt.path, s)
			}
		}
		if m := coverRE.FindStringSubmatch(body); m != nil {
			if code, _ := get(m[1]); code != 200 {
				t.Errorf("GET %s (the cover of %s): %d", m[1], tt.path, code)
			}
		}
	}
}
