package wxr

import (
	"compress/gzip"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

func realExport(t *testing.T) *Export {
	t.Helper()
	f, err := os.Open("testdata/wordpress-export.xml.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := Parse(zr, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

func TestParseRealExport(t *testing.T) {
	ex := realExport(t)
	if ex.BaseURL != "http://wxr.example" || ex.WXRVersion != "1.2" {
		t.Errorf("site %q, version %q", ex.BaseURL, ex.WXRVersion)
	}
	if len(ex.Authors) != 4 {
		t.Errorf("%d authors, want 4", len(ex.Authors))
	}
	types := map[string]int{}
	for _, it := range ex.Items {
		types[it.Type]++
	}
	// 320 posts of make-export.php, WordPress's "Hello world!" and the
	// trashed one.
	if types["post"] != 322 || types["attachment"] != 3 || types["nav_menu_item"] != 1 || types["page"] < 5 {
		t.Errorf("items by type: %v", types)
	}
	taxonomies := map[string]int{}
	for _, term := range ex.Terms {
		taxonomies[term.Taxonomy]++
	}
	if taxonomies["language"] != 3 || taxonomies["post_translations"] < 100 || taxonomies["category"] < 9 || taxonomies["post_tag"] < 10 {
		t.Errorf("terms by taxonomy: %v", taxonomies)
	}
	var mary Author
	for _, a := range ex.Authors {
		if a.Login == "mary" {
			mary = a
		}
	}
	if mary.Last != "O'Neil &amp; Sons" || mary.Email != "mary@wxr.example" {
		t.Errorf("mary: %+v", mary)
	}
	var post, att *Item
	for i, it := range ex.Items {
		switch {
		case it.Type == "post" && strings.HasPrefix(it.Title, "Новость номер 4 "):
			post = &ex.Items[i]
		case it.Type == "attachment" && it.Title == "Горы":
			att = &ex.Items[i]
		}
	}
	if post == nil || att == nil {
		t.Fatal("post 4 or the attachment Горы is missing")
	}
	if !strings.Contains(post.Title, "&amp; «кавычки» <em>emphasis</em>") {
		t.Errorf("title %q", post.Title)
	}
	if want := time.Date(2023, 5, 5, 12, 4, 0, 0, time.UTC); !post.Date.Equal(want) {
		t.Errorf("date %v, want %v", post.Date, want)
	}
	if len(post.TermsOf("language")) != 1 || post.TermsOf("language")[0].Slug != "ru" || len(post.TermsOf("post_translations")) != 1 {
		t.Errorf("terms %+v", post.Terms)
	}
	if att.Meta["_wp_attached_file"] != "2024/05/mountains.jpg" || att.Meta["_wp_attachment_image_alt"] != "Горы — alt" {
		t.Errorf("attachment meta %v", att.Meta)
	}
}

func TestParseMessy(t *testing.T) {
	// Not from WordPress: what older exporters and plugins write.
	const src = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.1/" xmlns:excerpt="http://wordpress.org/export/1.1/excerpt/">
<channel><title>Caf&eacute; &amp; co</title><link>http://old.example/</link><wp:wxr_version>1.1</wp:wxr_version>
<item><title>Tom &nbsp;&mdash; Jerry</title><wp:post_id>5</wp:post_id><wp:post_type>post</wp:post_type>
<content:encoded><p class="x">Raw <b>markup</b> &hellip;</p></content:encoded>
<excerpt:encoded>short</excerpt:encoded>
<wp:post_date>2020-01-02 03:04:05</wp:post_date><wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>9</wp:meta_value></wp:postmeta>
</item>
<item><title>Unclosed</title><wp:post_id>6</wp:post_id><wp:post_type>post</wp:post_type>
<content:encoded><p>One<br>two &amp; three & four</p></content:encoded>
<wp:postmeta><wp:meta_key>k</wp:meta_key><wp:meta_value>v</wp:meta_value></wp:postmeta>
</item></channel></rss>`
	ex, err := Parse(strings.NewReader(src), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if ex.Title != "Café & co" || ex.BaseURL != "http://old.example" {
		t.Errorf("channel %q %q", ex.Title, ex.BaseURL)
	}
	if len(ex.Items) != 2 {
		t.Fatalf("%d items", len(ex.Items))
	}
	// An unclosed <br> and a bare & in markup without CDATA.
	if got := toMarkdown(ex.Items[1].Content, rewriter{}); got != "One  \ntwo & three & four\n" || ex.Items[1].Meta["k"] != "v" {
		t.Errorf("item 6: content %q became %q; meta %v", ex.Items[1].Content, got, ex.Items[1].Meta)
	}
	it := ex.Items[0]
	if it.Title != "Tom \u00a0— Jerry" {
		t.Errorf("title %q", it.Title)
	}
	if it.Content != `<p class="x">Raw <b>markup</b> …</p>` {
		t.Errorf("content %q", it.Content)
	}
	if it.Excerpt != "short" || it.Meta["_thumbnail_id"] != "9" {
		t.Errorf("excerpt %q, meta %v", it.Excerpt, it.Meta)
	}
	if want := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC); !it.Date.Equal(want) {
		t.Errorf("date %v, want the local date %v", it.Date, want)
	}
}

func TestParseRefuses(t *testing.T) {
	deep := `<rss><channel><wp:wxr_version>1.2</wp:wxr_version>` + strings.Repeat("<x>", 100) + strings.Repeat("</x>", 100) + `</channel></rss>`
	many := `<rss><channel><wp:wxr_version>1.2</wp:wxr_version>` + strings.Repeat("<x/>", 2000) + `</channel></rss>`
	small := Limits{MaxBytes: 1 << 20, MaxDepth: 64, MaxElements: 1000}
	tests := []struct {
		name  string
		src   string
		lim   Limits
		limit bool // refused with ErrLimit
	}{
		{"too deep", deep, small, true},
		{"too many elements", many, small, true},
		{"too large", many, Limits{MaxBytes: 100, MaxDepth: 64, MaxElements: 1 << 20}, true},
		{"not an export", `<html><body>hi</body></html>`, small, false},
		{"another charset", `<?xml version="1.0" encoding="windows-1251"?><rss/>`, small, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.src), tt.lim)
			if err == nil {
				t.Fatal("accepted")
			}
			if errors.Is(err, ErrLimit) != tt.limit {
				t.Errorf("error %v; ErrLimit %v, want %v", err, errors.Is(err, ErrLimit), tt.limit)
			}
		})
	}
}

func TestParseTranslations(t *testing.T) {
	got := parseTranslations(`a:3:{s:2:"ru";i:7;s:2:"ky";s:1:"8";s:5:"pt-br";i:9;}`)
	if len(got) != 3 || got["ru"] != 7 || got["ky"] != 8 || got["pt-br"] != 9 {
		t.Errorf("got %v", got)
	}
	if got := parseTranslations(`O:8:"stdClass":0:{}`); len(got) != 0 {
		t.Errorf("an object: %v", got)
	}
}

// TestParseNoEntityExpansion: entities a file declares are not expanded,
// so that a few bytes cannot grow into gigabytes.
func TestParseNoEntityExpansion(t *testing.T) {
	src := `<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<rss><channel><title>&b;&b;</title><wp:wxr_version>1.2</wp:wxr_version></channel></rss>`
	ex, err := Parse(strings.NewReader(src), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(ex.Title, "aaaa") {
		t.Errorf("title %q: the entity was expanded", ex.Title)
	}
}
