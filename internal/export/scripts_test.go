package export

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestLibraryPage(t *testing.T) {
	form := []byte(`<main><form class="filters" method="get" action="/en/library">`)
	for _, tc := range []struct {
		target string
		body   []byte
		list   string
		page   int
		ok     bool
	}{
		{"/en/library", form, "/en/library", 1, true},
		{"/en/library?page=3", form, "/en/library", 3, true},
		{"/en/library?page=1", form, "", 0, false}, // a copy of the first page
		{"/en/library?topic=media", form, "", 0, false},
		{"/en/news", []byte(`<form class="search-form" method="get">`), "", 0, false},
	} {
		list, page, ok := libraryPage(tc.target, tc.body)
		if list != tc.list || page != tc.page || ok != tc.ok {
			t.Errorf("libraryPage(%s) = %q, %d, %v; want %q, %d, %v", tc.target, list, page, ok, tc.list, tc.page, tc.ok)
		}
	}
}

func TestLibraryCards(t *testing.T) {
	body := []byte(`<ul class="entries">
<li class="entry-card" data-facets="topic:media year:2021"><div><h3><a href="/en/library/a">A &amp; B</a></h3></div>
</li>
<li class="entry-card"><h3><a href="/en/news/x">not a material</a></h3></li>
<li class="entry-card" data-facets="group:religious format:video"><h3><a href="/en/library/b">B</a></h3></li>
<li class="entry-card" data-facets="topic:media`)
	cards := libraryCards(body, func(b []byte) []byte { return []byte(strings.ToUpper(string(b))) })
	var facets []string
	for _, c := range cards {
		facets = append(facets, c.facets)
		if !strings.HasPrefix(string(c.html), `<LI CLASS="ENTRY-CARD" DATA-FACETS=`) || !strings.HasSuffix(string(c.html), "</LI>") {
			t.Errorf("card %q is not one whole <li>, rewritten", c.html)
		}
	}
	if want := []string{"topic:media year:2021", "group:religious format:video"}; !slices.Equal(facets, want) {
		t.Errorf("facets %q, want %q (a card cut off at the end is left out)", facets, want)
	}
}

func TestPluralForms(t *testing.T) {
	say := func(n int) string {
		switch {
		case n%10 == 1 && n%100 != 11:
			return "орус тили: " + strconv.Itoa(n) + " результат"
		case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
			return "орус тили: " + strconv.Itoa(n) + " результата"
		}
		return "орус тили: " + strconv.Itoa(n) + " результатов"
	}
	got := pluralForms("ru", say)
	want := map[string]string{"one": "орус тили: {n} результат", "few": "орус тили: {n} результата", "many": "орус тили: {n} результатов"}
	if !maps.Equal(got, want) {
		t.Errorf("ru: %q, want %q", got, want)
	}
	if got := pluralForms("ky", func(n int) string { return strconv.Itoa(n) + " натыйжа" }); len(got) != 2 || got["one"] != "{n} натыйжа" || got["other"] != "{n} натыйжа" {
		t.Errorf("ky: %q, want one and other", got)
	}
}
