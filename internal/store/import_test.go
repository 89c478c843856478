package store_test

import (
	"errors"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/store"
)

// TestImportOrigins: an imported group and its origins are written
// together or not at all, and ImportedFrom finds them by source.
func TestImportOrigins(t *testing.T) {
	st, _ := openStore(t)
	ctx := t.Context()
	const site = "https://old.example"
	entry := func(slug string) content.Entry {
		return content.Entry{Key: slug, Type: content.EntryNews, SourceLang: "ru", Date: time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC),
			Texts: map[string]content.EntryText{"ru": {Meta: content.Meta{Lang: "ru", Slug: slug, Status: content.StatusPublished}, Title: slug}}}
	}
	id, err := st.ImportEntry(ctx, entry("imported-one"), []store.Origin{{Source: site, ID: "post:1"}, {Source: site, ID: "post:2"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// post:2 again: refused, and nothing of the second entry is kept.
	_, err = st.ImportEntry(ctx, entry("imported-two"), []store.Origin{{Source: site, ID: "post:3"}, {Source: site, ID: "post:2"}}, nil)
	if !errors.Is(err, store.ErrDuplicate) {
		t.Fatalf("a second import of post:2: %v, want ErrDuplicate", err)
	}
	if refs, err := st.EntrySlug(ctx, "imported-two"); err != nil || len(refs) != 0 {
		t.Errorf("the refused entry is there: %v %v", refs, err)
	}
	got, err := st.ImportedFrom(ctx, site)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got["post:1"] != (store.Imported{Kind: "news", TargetID: id}) || got["post:2"].TargetID != id {
		t.Errorf("origins %v, want post:1 and post:2 → %d", got, id)
	}
	if other, err := st.ImportedFrom(ctx, "https://other.example"); err != nil || len(other) != 0 {
		t.Errorf("another source: %v %v", other, err)
	}
	taken, err := st.SlugTaken(ctx, "entry", "ru", "imported-one")
	if err != nil || !taken {
		t.Errorf("SlugTaken(imported-one) = %v, %v", taken, err)
	}
	if taken, _ := st.SlugTaken(ctx, store.KindPage, "ru", "imported-one"); taken {
		t.Error("the entry's slug is taken among pages")
	}
}
