package store_test

import (
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/content"
)

// TestEntriesCountInCoverageAndSchedule: a published news post counts as
// published in the dashboard's coverage (which counts it among the
// items), and a plan to publish an event names it.
func TestEntriesCountInCoverageAndSchedule(t *testing.T) {
	st, _ := seededStore(t)
	ctx := t.Context()
	by := content.User{Email: "editor@example.org"}
	_, before, err := st.Coverage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	news, err := st.CreateEntry(ctx, content.Entry{Key: "post", Type: content.EntryNews, SourceLang: "ru", Date: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	d := content.Draft{GroupID: news, Lang: "ru", Status: content.StatusDraft,
		Fields: content.EntryFields(content.EntryNews, content.EntryText{Title: "Новость", Meta: content.Meta{Slug: "novost"}})}
	if _, err := st.SaveAndPublish(ctx, d, by); err != nil {
		t.Fatal(err)
	}
	total, after, err := st.Coverage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after["ru"] != before["ru"]+1 || after["ru"] > total {
		t.Errorf("published in ru: %d before, %d after, of %d items; want one more", before["ru"], after["ru"], total)
	}

	event, err := st.CreateEntry(ctx, content.Entry{Key: "forum", Type: content.EntryEvent, SourceLang: "ru",
		Start: time.Now().Add(48 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	d = content.Draft{GroupID: event, Lang: "ru", Status: content.StatusDraft,
		Fields: content.EntryFields(content.EntryEvent, content.EntryText{Title: "Форум", Meta: content.Meta{Slug: "forum"}})}
	if _, err := st.SaveAndPublish(ctx, d, by); err != nil {
		t.Fatal(err)
	}
	if err := st.Schedule(ctx, content.Scheduled{GroupID: event, Lang: "ru", Action: "unpublish", At: time.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	plans, err := st.ScheduledItems(ctx, event)
	if err != nil {
		t.Fatal(err)
	}
	if len(plans) != 1 || plans[0].Title != "Форум" || plans[0].Kind != "event" {
		t.Errorf("plans: %+v, want one titled Форум", plans)
	}
}
