package store_test

import (
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/content"
)

// TestClaimTakesAPlanOnce: of two instances that found a plan due, the
// first to claim it gets it; a plan moved to another time since it was
// read is not taken.
func TestClaimTakesAPlanOnce(t *testing.T) {
	st, _ := seededStore(t)
	ctx := t.Context()
	pages, err := st.Pages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Now().Add(-time.Minute).Truncate(time.Second)
	x := content.Scheduled{GroupID: pages[0].ID, Lang: "ru", Action: "unpublish", At: at}
	if err := st.Schedule(ctx, x); err != nil {
		t.Fatal(err)
	}
	due, err := st.Due(ctx, time.Now(), 10)
	if err != nil || len(due) != 1 {
		t.Fatalf("due: %v, %v", due, err)
	}
	if ok, err := st.Claim(ctx, due[0]); err != nil || !ok {
		t.Fatalf("first claim: %v, %v; want it taken", ok, err)
	}
	if ok, err := st.Claim(ctx, due[0]); err != nil || ok {
		t.Fatalf("second claim: %v, %v; want it refused", ok, err)
	}

	if err := st.Schedule(ctx, x); err != nil {
		t.Fatal(err)
	}
	due, err = st.Due(ctx, time.Now(), 10)
	if err != nil || len(due) != 1 {
		t.Fatalf("due: %v, %v", due, err)
	}
	x.At = at.Add(time.Hour) // an editor moves the plan meanwhile
	if err := st.Schedule(ctx, x); err != nil {
		t.Fatal(err)
	}
	if ok, err := st.Claim(ctx, due[0]); err != nil || ok {
		t.Errorf("claim of a plan moved since: %v, %v; want it refused", ok, err)
	}
}
