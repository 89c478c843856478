package jobs_test

import (
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/jobs"
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
