package store_test

import (
	"testing"

	"github.com/datka-cms/datka/internal/content"
)

// TestSaveDraftsIsAllOrNothing saves drafts in one transaction, one of
// them for an item that does not exist: none may remain, nor revisions.
func TestSaveDraftsIsAllOrNothing(t *testing.T) {
	st, path := seededStore(t)
	ctx := t.Context()
	pages, err := st.Pages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	about := findPage(t, pages, "about")
	by := content.User{Email: "translator@example.org"}
	good := content.Draft{GroupID: about.ID, Lang: "ky", Status: content.StatusReview, SourceRev: 1,
		Fields: content.Fields{{Key: "title", Value: "Долбоор жөнүндө"}}}
	revisions := countRows(t, path, `SELECT count(*) FROM revisions`)
	tests := []struct {
		name   string
		drafts []content.Draft
	}{
		{"an item that does not exist", []content.Draft{good, {GroupID: 999999, Lang: "ky", Status: content.StatusReview}}},
		{"a status a draft cannot have", []content.Draft{good, {GroupID: about.ID, Lang: "en", Status: content.StatusPublished}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := st.SaveDrafts(ctx, tt.drafts, by, "xliff"); err == nil {
				t.Fatal("SaveDrafts succeeded")
			}
			if n := countRows(t, path, `SELECT count(*) FROM drafts`); n != 0 {
				t.Errorf("%d drafts remain", n)
			}
			if n := countRows(t, path, `SELECT count(*) FROM revisions`); n != revisions {
				t.Errorf("%d revisions, want %d", n, revisions)
			}
		})
	}
	t.Run("all valid", func(t *testing.T) {
		second := good
		second.Lang = "en"
		if err := st.SaveDrafts(ctx, []content.Draft{good, second}, by, "xliff"); err != nil {
			t.Fatal(err)
		}
		for _, code := range []string{"ky", "en"} {
			d, err := st.Draft(ctx, about.ID, code)
			if err != nil || d.Status != content.StatusReview || d.SourceRev != 1 || d.Fields.Get("title") != "Долбоор жөнүндө" {
				t.Errorf("%s: %+v, %v", code, d, err)
			}
		}
		if n := countRows(t, path, `SELECT count(*) FROM revisions WHERE action = 'xliff'`); n != 2 {
			t.Errorf("%d revisions of the import, want 2", n)
		}
	})
}
