package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/testenv"
)

// vnuMessage is one message of the Nu Html Checker's JSON output.
type vnuMessage struct {
	Type      string `json:"type"`
	SubType   string `json:"subType"`
	URL       string `json:"url"`
	LastLine  int    `json:"lastLine"`
	LastCol   int    `json:"lastColumn"`
	Message   string `json:"message"`
	Extract   string `json:"extract"`
	FirstLine int    `json:"firstLine"`
}

// TestValidHTML fetches every page of every language, in both display
// modes, and has the Nu Html Checker validate them all in one run: no
// error is allowed.
func TestValidHTML(t *testing.T) {
	java, err := exec.LookPath("java")
	testenv.Require(t, err == nil, "java (apt-get install default-jre-headless)")
	jar := filepath.Join(testenv.RepoRoot(), "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	_, err = os.Stat(jar)
	testenv.Require(t, err == nil, "the Nu Html Checker ("+jar+"; run npm ci)")

	s := startSite(t)
	dir := t.TempDir()
	names := map[string]string{} // file → page and mode
	var files []string
	for _, p := range s.pages(t) {
		for _, vi := range []bool{false, true} {
			status, body := s.get(t, p.Path, vi)
			if status != p.Status {
				t.Fatalf("GET %s: status %d, want %d", where(p.Path, vi), status, p.Status)
			}
			if vi && !strings.Contains(body, `class="vi"`) {
				t.Fatalf("%s: the page is not in that mode", where(p.Path, vi))
			}
			name := fmt.Sprintf("%03d.html", len(files))
			file := filepath.Join(dir, name)
			if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			names[name] = where(p.Path, vi)
			files = append(files, file)
		}
	}

	start := time.Now()
	cmd := exec.Command(java, append([]string{"-jar", jar, "--errors-only", "--format", "json"}, files...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	// vnu writes its JSON report to stderr, and exits 1 when it found errors.
	var report struct {
		Messages []vnuMessage `json:"messages"`
	}
	if jerr := json.Unmarshal(stderr.Bytes(), &report); jerr != nil {
		t.Fatalf("vnu: %v; its report is not JSON (%v): %.2000s%.2000s", err, jerr, stderr.String(), stdout.String())
	}
	t.Logf("the Nu Html Checker read %d pages in %v", len(files), time.Since(start).Round(time.Millisecond))
	for _, m := range report.Messages {
		page := m.URL
		if u, err := url.Parse(m.URL); err == nil {
			page = names[filepath.Base(u.Path)]
		}
		t.Errorf("%s:%d:%d: %s %s: %s\n\t%s", page, m.LastLine, m.LastCol, m.Type, m.SubType, m.Message, strings.TrimSpace(m.Extract))
	}
	if err != nil && len(report.Messages) == 0 {
		t.Fatalf("vnu failed with no message: %v\n%s", err, stdout.String())
	}
}
