package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/store"
)

func TestPageBySlugPrefersTheRequestedLanguage(t *testing.T) {
	ctx := context.Background()
	st, _ := openStore(t)
	text := func(slug, title string) content.PageText {
		return content.PageText{Meta: content.Meta{Slug: slug, Status: content.StatusPublished}, Title: title}
	}
	pages := []content.Page{
		{Key: "a", Layout: content.LayoutPlain, Texts: map[string]content.PageText{"ru": text("shared", "A ru"), "en": text("a-en", "A en")}},
		{Key: "b", Layout: content.LayoutPlain, Texts: map[string]content.PageText{"en": text("shared", "B en"), "ru": text("b-ru", "B ru")}},
	}
	if err := st.Install(ctx, "ru", pages, nil, nil, nil); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ lang, slug, wantKey string }{
		{"ru", "shared", "a"}, {"en", "shared", "b"}, {"ky", "a-en", "a"}, {"en", "b-ru", "b"},
	} {
		p, err := st.PageBySlug(ctx, tt.lang, tt.slug)
		if err != nil {
			t.Fatalf("%s/%s: %v", tt.lang, tt.slug, err)
		}
		if p.Key != tt.wantKey || len(p.Texts) != 2 || p.SourceLang != "ru" || p.Texts["en"].Rev != 1 {
			t.Errorf("%s/%s: got %s with %d texts", tt.lang, tt.slug, p.Key, len(p.Texts))
		}
	}
	if _, err := st.PageBySlug(ctx, "ru", "none"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown slug: %v", err)
	}
}
