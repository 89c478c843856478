package jobs_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/jobs"
	"github.com/datka-cms/datka/internal/seed"
	"github.com/datka-cms/datka/internal/store"
)

func TestSweepDeletesMessagesPastTheirTime(t *testing.T) {
	st := openStore(t)
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	old := queue(t, st, now.Add(-400*24*time.Hour), "old@example.org", "An old message, long answered.")
	recent := queue(t, st, now.Add(-10*24*time.Hour), "new@example.org", "A recent message, still open.")
	r := &jobs.Runner{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return now },
		KeepMessages: 365 * 24 * time.Hour}
	if err := r.Sweep(t.Context()); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Message(t.Context(), old); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a message 400 days old is still kept (%v)", err)
	}
	if _, err := st.Message(t.Context(), recent); err != nil {
		t.Errorf("a message 10 days old is gone: %v", err)
	}
	// Kept for ever when no period is set.
	r.KeepMessages = 0
	r.Now = func() time.Time { return now.Add(10 * 365 * 24 * time.Hour) }
	if err := r.Sweep(t.Context()); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Message(t.Context(), recent); err != nil {
		t.Errorf("with no period a message was deleted: %v", err)
	}
}

// TestScheduleRunsOnceAcrossInstances runs the jobs of two instances on
// one database, with a plan that is due: it is carried out once, by the
// instance that holds the lease, and the other takes over when the first
// stops.
func TestScheduleRunsOnceAcrossInstances(t *testing.T) {
	ctx := t.Context()
	a, dbURL := openStoreURL(t)
	if err := seed.Install(ctx, a, "en"); err != nil {
		t.Fatal(err)
	}
	b, err := store.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	pages, err := a.Pages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	page := pages[len(pages)-1]
	if page.Texts["en"].Status != content.StatusPublished {
		t.Fatalf("page %s is not published in English", page.Key)
	}
	if err := a.Schedule(ctx, content.Scheduled{GroupID: page.ID, Lang: "en", Action: "unpublish",
		At: time.Now().Add(-time.Minute)}); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	runCtx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for _, st := range []*store.Store{a, b} {
		wg.Go(func() { (&jobs.Runner{Store: st, Log: log, Every: 20 * time.Millisecond}).Run(runCtx) })
	}
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if due, _ := a.Due(ctx, time.Now(), 10); len(due) == 0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // ten more rounds for a second run to show
	stop()
	wg.Wait()
	audit, err := a.AuditLog(ctx, 100, 0)
	if err != nil {
		t.Fatal(err)
	}
	runs := 0
	for _, e := range audit {
		if strings.HasPrefix(e.Action, "scheduled_unpublish") {
			runs++
		}
	}
	if runs != 1 {
		t.Errorf("the plan was carried out %d times by two instances, want once", runs)
	}
	got, err := b.Page(ctx, page.ID)
	if err != nil {
		t.Fatal(err)
	}
	if tx, ok := got.Texts["en"]; ok && tx.Status == content.StatusPublished {
		t.Errorf("after the plan the page is still published in English")
	}
	// Both stopped and released the lease: either may take it at once.
	if ok, err := b.TryLease(ctx, "jobs", time.Minute); err != nil || !ok {
		t.Errorf("TryLease after both stopped = %v, %v; want true", ok, err)
	}
}
