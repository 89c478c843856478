package store_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/datka-cms/datka/internal/seed"
	"github.com/datka-cms/datka/internal/store"
)

// TestSnapshot copies a site in use to a SQLite file, on each database,
// and checks that the file holds what the site does, that it is whole in
// itself (no write-ahead log beside it), and that it opens as a site.
func TestSnapshot(t *testing.T) {
	st, _ := openStore(t)
	ctx := t.Context()
	if err := seed.Install(ctx, st, "ru"); err != nil {
		t.Fatal(err)
	}
	u := useSite(t, st)
	want, err := st.Contents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(want.Media) == 0 || want.SearchDocs == 0 {
		t.Fatalf("the site holds %d media files and %d search texts; the test needs some", len(want.Media), want.SearchDocs)
	}
	path := filepath.Join(t.TempDir(), "snap.db")
	got, err := st.Snapshot(ctx, path)
	if err != nil {
		t.Fatalf("Snapshot: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the snapshot holds\n%+v\nthe site\n%+v", got, want)
	}
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + side); err == nil {
			t.Errorf("%s is left beside the snapshot", path+side)
		}
	}
	if _, err := st.Snapshot(ctx, path); err == nil || !strings.Contains(err.Error(), "exists already") {
		t.Errorf("a second snapshot to the same file: %v, want it refused", err)
	}

	snap, err := store.OpenSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close()
	again, err := snap.Contents(ctx)
	if err != nil || !reflect.DeepEqual(again, want) {
		t.Errorf("opened as a site, the snapshot holds %+v (%v)", again, err)
	}
	if m, err := snap.Media(ctx, u.mediaID); err != nil || m.Name == "" {
		t.Errorf("the media item in the snapshot: %+v, %v", m, err)
	}
}
