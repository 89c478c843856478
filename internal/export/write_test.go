package export

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRelPath(t *testing.T) {
	tests := []struct{ dir, file, want string }{
		{".", "ru/index.html", "ru/index.html"},
		{"ru", "ru/index.html", "index.html"},
		{"ru/news", "ru/index.html", "../index.html"},
		{"ru/news/page/2", "ru/news/index.html", "../../index.html"},
		{"ru/news", "static/css/site.1.css", "../../static/css/site.1.css"},
		{"ru/news", "ru/news/x/index.html", "x/index.html"},
		{"ru/news", "ru/newsletter/index.html", "../newsletter/index.html"},
		{"ru", "ru/новости/index.html", "%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/index.html"},
	}
	for _, tt := range tests {
		if got := relPath(tt.dir, tt.file); got != tt.want {
			t.Errorf("relPath(%q, %q) = %q, want %q", tt.dir, tt.file, got, tt.want)
		}
	}
}

// write is one run of the writer over files.
func write(out string, files map[string]outFile) (Summary, error) {
	w, err := newWriter(out, nil)
	if err != nil {
		return Summary{}, err
	}
	for name, f := range files {
		if err := w.put(name, f); err != nil {
			return Summary{}, err
		}
	}
	return w.finish()
}

// TestWriteIsIncremental writes, rewrites with one file changed and one
// gone, and checks that only those were touched and that a file the
// export did not write stays.
func TestWriteIsIncremental(t *testing.T) {
	out := t.TempDir()
	files := map[string]outFile{"index.html": memFile([]byte("home")), "ru/a/index.html": memFile([]byte("a")), "ru/b/index.html": memFile([]byte("b"))}
	s, err := write(out, files)
	if err != nil {
		t.Fatal(err)
	}
	if s.Written != 3 || s.Files != 3 {
		t.Fatalf("first run: %+v", s)
	}
	foreign := filepath.Join(out, "ru", "notes.txt")
	if err := os.WriteFile(foreign, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = write(out, map[string]outFile{"index.html": memFile([]byte("home")), "ru/a/index.html": memFile([]byte("A"))})
	if err != nil {
		t.Fatal(err)
	}
	if s.Written != 1 || s.Unchanged != 1 || s.Deleted != 1 {
		t.Errorf("second run: %d written, %d unchanged, %d deleted; want 1, 1, 1", s.Written, s.Unchanged, s.Deleted)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "ru", "a", "index.html")); string(b) != "A" {
		t.Errorf("the changed file holds %q", b)
	}
	if _, err := os.Stat(filepath.Join(out, "ru", "b")); !os.IsNotExist(err) {
		t.Errorf("the folder of the removed page is still there: %v", err)
	}
	if _, err := os.Stat(foreign); err != nil {
		t.Errorf("a file the export did not write was removed: %v", err)
	}
	// A file changed by hand since is written again.
	if err := os.WriteFile(filepath.Join(out, "index.html"), []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	if s, err = write(out, map[string]outFile{"index.html": memFile([]byte("home")), "ru/a/index.html": memFile([]byte("A"))}); err != nil {
		t.Fatal(err)
	}
	if s.Written != 1 {
		t.Errorf("a file edited by hand to another size: %d written, want 1", s.Written)
	}
}
