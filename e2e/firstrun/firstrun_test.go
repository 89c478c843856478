// Package firstrun_test runs datka as the README's first command does on
// a fresh checkout: the binary with no arguments, in a folder holding
// nothing, with no settings but the port. It must make its data folder,
// fill the default site in every language and serve it.
package firstrun_test

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/datka-cms/datka/e2e/proc"
)

func TestNoArgumentsInAnEmptyFolder(t *testing.T) {
	bin := proc.Build(t)
	dir := t.TempDir()
	// Settings the test process may carry are cleared: empty means unset.
	in := proc.StartIn(t, bin, "datka", dir, nil,
		"DATKA_DATA=", "DATKA_DB=", "DATKA_MEDIA=", "DATKA_CONFIG=")
	if _, err := os.Stat(filepath.Join(dir, "data", "datka.db")); err != nil {
		t.Fatalf("no database in ./data: %v", err)
	}
	c := &http.Client{Timeout: 10 * time.Second}
	// Each language's home page, with the project's name in that language.
	names := map[string]string{"ru": "ДаткАйым", "ky": "ДаткАйым", "en": "HERo"}
	for lang, name := range names {
		res, err := c.Get(in.Base + "/" + lang + "/")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.Contains(string(b), `<html lang="`+lang+`"`) || !strings.Contains(string(b), name) {
			t.Errorf("/%s/: status %d, %d bytes, not in its language or without %q", lang, res.StatusCode, len(b), name)
		}
	}
	// The first start tells how to sign in, with a password made for it.
	if log := in.Log(); !strings.Contains(log, "admin") || !strings.Contains(log, "/admin/") {
		t.Errorf("the first start says nothing of the first administrator:\n%s", log)
	}
}
