package cli

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/datka-cms/datka/internal/testenv"
)

// TestRestoreWhileServing runs the real serve on a site's data folder and
// then restore --force over it: the restore is refused and the folder
// left as it was, while a backup of the running site still works. Once
// the server has stopped, the same restore succeeds.
func TestRestoreWhileServing(t *testing.T) {
	if testenv.OnPostgres() || runtime.GOOS == "windows" {
		t.Skip("the lock is on a SQLite data folder, where flock is")
	}
	quietEnv(t)
	dir := t.TempDir()
	dbURL, _, _ := backedUpSite(t, dir)
	archive := filepath.Join(t.TempDir(), "site.tar.gz")
	if code, _, stderr := run(t, "backup", "--data", dir, "--db", dbURL, "--out", archive); code != 0 {
		t.Fatalf("backup: exit %d\n%s", code, stderr)
	}

	srv := startServe(t, dir)
	stderr, done := srv.stderr, srv.done
	stopped := false
	defer func() {
		if !stopped {
			stopServe(t, done)
		}
	}()

	before := folder(t, dir)
	code, out, errOut := run(t, "restore", "--data", dir, "--force", archive)
	if code != 1 || out != "" {
		t.Errorf("restore --force while serving: exit %d, stdout %q; want 1 and nothing", code, out)
	}
	for _, want := range []string{"a datka server is using " + dir, "stop it before restoring", "Nothing was restored"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("restore --force while serving does not say %q:\n%s", want, errOut)
		}
	}
	if after := folder(t, dir); !equalFolders(before, after) {
		t.Errorf("the refused restore changed the data folder:\nbefore %v\nafter  %v", before, after)
	}
	if code, _, stderr := run(t, "backup", "--data", dir, "--out", filepath.Join(t.TempDir(), "live.tar.gz")); code != 0 {
		t.Errorf("backup of the running site: exit %d\n%s", code, stderr)
	}

	stopped = true
	if c := stopServe(t, done); c != 0 {
		t.Fatalf("serve exited with %d, want 0; stderr:\n%s", c, stderr.String())
	}
	if code, out, errOut := run(t, "restore", "--data", dir, "--force", archive); code != 0 || !strings.Contains(out, "Restored") {
		t.Errorf("restore --force once the server stopped: exit %d\n%s\n%s", code, out, errOut)
	}
}

// TestServeDuringRestore holds the lock as a restore does: serve refuses
// to start on that data folder, and starts on another.
func TestServeDuringRestore(t *testing.T) {
	if testenv.OnPostgres() || runtime.GOOS == "windows" {
		t.Skip("the lock is on a SQLite data folder, where flock is")
	}
	quietEnv(t)
	dir := t.TempDir()
	release, err := lockDatabase(filepath.Join(dir, "datka.db"), true)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	code, _, stderr := run(t, "serve", "--data", dir, "--addr", freeAddr(t))
	if code != 1 || !strings.Contains(stderr, "a datka restore is replacing the database") {
		t.Errorf("serve during a restore: exit %d, want 1 saying a restore runs:\n%s", code, stderr)
	}
	if _, err := lockDatabase(filepath.Join(dir, "datka.db"), false); err != errLocked {
		t.Errorf("a shared lock beside the exclusive one: %v, want errLocked", err)
	}
	other, err := lockDatabase(filepath.Join(t.TempDir(), "datka.db"), false)
	if err != nil {
		t.Fatalf("the lock of another data folder: %v", err)
	}
	other()
}
