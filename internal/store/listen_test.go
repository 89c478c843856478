package store_test

import (
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/testenv"
)

// TestChangesReachEveryInstance opens two stores on one database. On
// PostgreSQL a change through one moves the other's generation, and a
// store that lost its listening connection caches nothing until it is
// back, then drops what it had. SQLite has no other instances: a store
// there always hears everything.
func TestChangesReachEveryInstance(t *testing.T) {
	ctx := t.Context()
	a, dbURL := openStore(t)
	if ok, err := a.Listening(); !ok {
		t.Fatalf("a store just opened does not listen: %v", err)
	}
	if !testenv.OnPostgres() {
		return
	}
	b, err := store.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for !cond() {
			if time.Now().After(deadline) {
				t.Fatalf("waited 5 s for %s", what)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	// Another site, in another schema of the same database.
	other, err := store.Open(ctx, testenv.PostgresSchema(t))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	before, otherBefore := b.Generation(), other.Generation()
	if b.Generation() != before {
		t.Fatal("a listening store's generation moves without a change")
	}
	if _, err := a.CreatePage(ctx, content.Page{Key: "notified", Layout: content.LayoutPlain, SourceLang: "en"}); err != nil {
		t.Fatal(err)
	}
	waitFor("the other store to hear the change", func() bool { return b.Generation() != before })
	time.Sleep(100 * time.Millisecond) // the other site heard it as well by now, if it listens to it
	if other.Generation() != otherBefore {
		t.Error("a change to one site's schema emptied the caches of a site in another schema")
	}

	// Cut b's connections, the listening one among them.
	raw := writableDB(t, dbURL)
	if _, err := raw.ExecContext(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`,
		b.Instance()); err != nil {
		t.Fatal(err)
	}
	waitFor("the store to notice it lost its connection", func() bool { ok, _ := b.Listening(); return !ok })
	if g := b.Generation(); b.Generation() == g {
		t.Error("a store that cannot hear the others keeps its generation: its caches would go stale")
	}
	waitFor("the store to listen again", func() bool { ok, _ := b.Listening(); return ok })
	settled := b.Generation()
	if _, err := a.CreatePage(ctx, content.Page{Key: "notified-again", Layout: content.LayoutPlain, SourceLang: "en"}); err != nil {
		t.Fatal(err)
	}
	waitFor("the store to hear a change after reconnecting", func() bool { return b.Generation() != settled })
}
