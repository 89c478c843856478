package store_test

import (
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/store"
)

func TestLeaseHasOneHolderAtATime(t *testing.T) {
	ctx := t.Context()
	a, dbURL := openStore(t)
	b, err := store.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if a.Instance() == b.Instance() {
		t.Fatalf("two stores share the instance name %q", a.Instance())
	}
	try := func(st *store.Store, ttl time.Duration, want bool, what string) {
		t.Helper()
		got, err := st.TryLease(ctx, "jobs", ttl)
		if err != nil || got != want {
			t.Errorf("%s: TryLease = %v, %v; want %v", what, got, err, want)
		}
	}
	try(a, time.Minute, true, "the first taker")
	try(b, time.Minute, false, "another while it is held")
	try(a, 10*time.Millisecond, true, "the holder renewing")
	time.Sleep(30 * time.Millisecond)
	try(b, time.Minute, true, "another once it ran out")
	try(a, time.Minute, false, "the former holder")
	if ok, _ := a.TryLease(ctx, "other job", time.Minute); !ok {
		t.Error("a lease on another name was refused")
	}
	if err := a.ReleaseLease(ctx, "jobs"); err != nil {
		t.Fatal(err)
	}
	try(a, time.Minute, false, "releasing what one does not hold changes nothing")
	if err := b.ReleaseLease(ctx, "jobs"); err != nil {
		t.Fatal(err)
	}
	try(a, time.Minute, true, "after the holder released it")
}
