package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/datka-cms/datka/internal/testenv"
)

// TestExportCommand exports the default site twice: the first run writes
// every file, with the canonical links on --base-url, and the second
// writes none.
func TestExportCommand(t *testing.T) {
	quietEnv(t)
	dir, out := t.TempDir(), t.TempDir()
	args := []string{"export", "--data", dir, "--db", testenv.DatabaseURL(t, dir), "--out", out, "--base-url", "https://archive.example.org"}
	var stdout, stderr bytes.Buffer
	if code := Main(args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "Exported") || !strings.Contains(stderr.String(), "export: ") {
		t.Errorf("no summary: stdout %q, stderr %q", stdout.String(), stderr.String())
	}
	home, err := os.ReadFile(filepath.Join(out, "ru", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(home), `rel="canonical" href="https://archive.example.org/ru/"`) {
		t.Error("the canonical link is not on --base-url")
	}
	stdout.Reset()
	stderr.Reset()
	if code := Main(args, &stdout, &stderr); code != 0 {
		t.Fatalf("second run: exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), ": 0 written,") {
		t.Errorf("second run: %q, want nothing written", stdout.String())
	}

	stderr.Reset()
	if code := Main([]string{"export", "--data", dir}, &stdout, &stderr); code == 0 || !strings.Contains(stderr.String(), "--out") {
		t.Errorf("without --out: exit %d, %q", code, stderr.String())
	}
}
