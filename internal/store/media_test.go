package store_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/store"
)

func testMedia() content.Media {
	key := strings.Repeat("ab", 16)
	return content.Media{
		Kind: content.MediaImage, Name: key + ".jpg", ContentType: "image/jpeg", Size: 1234, Width: 2000, Height: 1000,
		OriginalName: "photo.jpg",
		Variants: []content.MediaVariant{
			{Width: 960, Height: 480, Name: key + "-960.jpg"},
			{Width: 480, Height: 240, Name: key + "-480.jpg"},
		},
		Alt: map[string]string{"ru": "Фото", "en": " A photo ", "ky": "  "},
	}
}

func TestMediaRoundTrip(t *testing.T) {
	st, _ := openStore(t)
	ctx := t.Context()
	gen := st.Generation()
	id, err := st.CreateMedia(ctx, testMedia())
	if err != nil {
		t.Fatal(err)
	}
	if st.Generation() == gen {
		t.Error("CreateMedia did not mark the content changed")
	}
	if _, err := st.CreateMedia(ctx, testMedia()); !errors.Is(err, store.ErrDuplicate) {
		t.Errorf("a second file under the same name: %v, want ErrDuplicate", err)
	}
	for _, name := range []string{testMedia().Name, testMedia().Variants[1].Name} {
		m, err := st.MediaByName(ctx, name)
		if err != nil || m.ID != id {
			t.Fatalf("MediaByName(%s) = %d, %v", name, m.ID, err)
		}
		if len(m.Variants) != 2 || m.Variants[0].Width != 480 || m.Variants[1].Width != 960 {
			t.Errorf("variants %v, want 480 then 960", m.Variants)
		}
		if len(m.Alt) != 2 || m.Alt["ru"] != "Фото" || m.Alt["en"] != "A photo" {
			t.Errorf("alt %v", m.Alt)
		}
	}
	if _, err := st.MediaByName(ctx, strings.Repeat("cd", 16)+".jpg"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("an unknown name: %v", err)
	}
	if err := st.SetMediaAlt(ctx, id, "ky", "Сүрөт"); err != nil {
		t.Fatal(err)
	}
	if err := st.SetMediaAlt(ctx, id, "ru", ""); err != nil {
		t.Fatal(err)
	}
	m, _ := st.Media(ctx, id)
	if m.Alt["ky"] != "Сүрөт" || m.Alt["ru"] != "" {
		t.Errorf("alt after changes: %v", m.Alt)
	}
	list, total, err := st.MediaList(ctx, 10, 0)
	if err != nil || total != 1 || len(list) != 1 || len(list[0].Variants) != 2 {
		t.Errorf("MediaList: %d of %d, %v", len(list), total, err)
	}
}

func TestMediaUsesBlockDeletion(t *testing.T) {
	st, _ := seededStore(t)
	ctx := t.Context()
	id, err := st.CreateMedia(ctx, testMedia())
	if err != nil {
		t.Fatal(err)
	}
	m, _ := st.Media(ctx, id)
	pages, err := st.Pages(ctx)
	if err != nil || len(pages) == 0 {
		t.Fatal(err)
	}
	p := pages[0]
	d := content.Draft{Kind: store.KindPage, GroupID: p.ID, Lang: "ky", Status: content.StatusDraft,
		Fields: content.Fields{{Key: "title", Value: "Барак"}, {Key: "body", Value: "![](/media/" + m.Variants[0].Name + ")"}}}
	if err := st.SaveDraft(ctx, d, content.User{}, "draft"); err != nil {
		t.Fatal(err)
	}
	uses, err := st.MediaUses(ctx, m)
	if err != nil || len(uses) != 1 || uses[0].GroupID != p.ID || uses[0].Lang != "ky" || !uses[0].Draft || uses[0].Kind != store.KindPage {
		t.Fatalf("uses = %+v, %v; want the Kyrgyz draft of page %d", uses, err, p.ID)
	}
	if _, uses, err := st.DeleteMedia(ctx, id); !errors.Is(err, store.ErrInUse) || len(uses) != 1 {
		t.Fatalf("DeleteMedia of a used file: %v, %d uses", err, len(uses))
	}
	if _, err := st.Media(ctx, id); err != nil {
		t.Fatalf("the refused deletion removed the file: %v", err)
	}
	if err := st.DeleteDraft(ctx, p.ID, "ky"); err != nil {
		t.Fatal(err)
	}
	deleted, _, err := st.DeleteMedia(ctx, id)
	if err != nil || len(deleted.Variants) != 2 {
		t.Fatalf("DeleteMedia: %v, %d variants returned", err, len(deleted.Variants))
	}
	if _, err := st.MediaByName(ctx, m.Variants[0].Name); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a variant outlived its file: %v", err)
	}
}
