package backup_test

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/backup"
	"github.com/datka-cms/datka/internal/media"
	"github.com/datka-cms/datka/internal/seed"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/testenv"
)

// TestSchedule runs the server's backups on a clock of its own: a backup
// when none is there, none while the newest is younger than the interval,
// the oldest deleted beyond the number kept (and nothing else in the
// folder but what a backup cut off a day ago left), each archive sound; and of two instances on one database only
// the one holding the lease backs up.
func TestSchedule(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	dbURL := testenv.DatabaseURL(t, dir)
	open := func() *store.Store {
		st, err := store.Open(ctx, dbURL)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	st := open()
	if err := seed.Install(ctx, st, "ru"); err != nil {
		t.Fatal(err)
	}
	files, err := media.NewDisk(filepath.Join(dir, "media"))
	if err != nil {
		t.Fatal(err)
	}
	backups := filepath.Join(dir, "backups")
	if err := os.MkdirAll(backups, 0o700); err != nil {
		t.Fatal(err)
	}
	// Someone else's file, with a name like the schedule's.
	other := filepath.Join(backups, "datka-backup-manual.tar.gz")
	if err := os.WriteFile(other, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	// What backups killed in the middle left: a day old, and one that may
	// still be being written.
	stale, fresh := filepath.Join(backups, ".datka-backup-123.tar.gz"), filepath.Join(backups, ".datka-backup-456")
	for _, f := range []string{stale, fresh} {
		if err := os.WriteFile(f, []byte("part"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chtimes(stale, time.Now().Add(-25*time.Hour), time.Now().Add(-25*time.Hour)); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 28, 3, 0, 0, 0, time.UTC)
	var done []time.Time
	s := &backup.Schedule{Store: st, Files: files, Dir: backups, Every: 24 * time.Hour, Keep: 2,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return now },
		Done: func(at time.Time, err error) {
			if err != nil {
				t.Errorf("backup at %v: %v", at, err)
			}
			done = append(done, at)
		}}
	step := func(advance time.Duration, wantNew bool) string {
		t.Helper()
		now = now.Add(advance)
		out, err := s.RunOnce(ctx)
		if err != nil {
			t.Fatalf("at %v: %v", now, err)
		}
		if (out != "") != wantNew {
			t.Fatalf("at %v: wrote %q, want a backup: %v", now, out, wantNew)
		}
		return out
	}
	first := step(0, true)
	if filepath.Base(first) != "datka-backup-20261128-030000.tar.gz" {
		t.Errorf("first backup %s", first)
	}
	if _, _, err := backup.Check(ctx, first, io.Discard); err != nil {
		t.Errorf("the first backup is not sound: %v", err)
	}
	step(23*time.Hour, false)
	step(time.Hour, true)
	third := step(30*time.Hour, true)
	var names []string
	entries, _ := os.ReadDir(backups)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{".datka-backup-456", "datka-backup-20261129-030000.tar.gz", "datka-backup-20261130-090000.tar.gz", "datka-backup-manual.tar.gz"}
	if !slices.Equal(names, want) {
		t.Errorf("the folder holds %q, want %q", names, want)
	}
	if len(done) != 3 || filepath.Base(third) != want[2] {
		t.Errorf("done %v, third %s", done, third)
	}

	// A second instance of the site: the first holds the lease.
	s2 := *s
	s2.Store = open()
	s2.Dir = filepath.Join(dir, "backups-2")
	now = now.Add(48 * time.Hour)
	if out, err := s2.RunOnce(ctx); err != nil || out != "" {
		t.Errorf("the second instance backed up (%q, %v) while the first holds the lease", out, err)
	}
	if err := st.ReleaseLease(ctx, "backup"); err != nil {
		t.Fatal(err)
	}
	if out, err := s2.RunOnce(ctx); err != nil || out == "" {
		t.Errorf("the second instance did not take over once the lease was free: %q, %v", out, err)
	}
}
