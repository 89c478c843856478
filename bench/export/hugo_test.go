package main

import (
	"strings"
	"testing"
	"time"
)

func TestTOMLString(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain Cyrillic", "Новости района", `"Новости района"`},
		{"quotes and a colon", `Семинар "Равенство": итоги`, `"Семинар \"Равенство\": итоги"`},
		{"backslash", `a\b`, `"a\\b"`},
		{"newline and tab", "a\nb\tc", `"a\nb\tc"`},
		{"control character", "a\x01b", `"a\u0001b"`},
		{"hash is no comment inside a string", "#1 news", `"#1 news"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tomlString(tt.in)
			if got != tt.want {
				t.Fatalf("tomlString(%q) = %s, want %s", tt.in, got, tt.want)
			}
			back, err := unquoteTOML(got)
			if err != nil || back != tt.in {
				t.Errorf("unquoteTOML(%s) = %q, %v; want %q", got, back, err, tt.in)
			}
		})
	}
}

func TestFrontMatter(t *testing.T) {
	p := hugoPage{Title: `"Quoted": title`, Slug: "quoted-title", Key: "entry-7", Summary: "One: two",
		Date: time.Date(2021, 3, 4, 9, 30, 0, 0, time.UTC), Tags: []string{"gender", `a "b"`}, Body: "Body *text*"}
	got := p.markdown()
	want := `+++
title = "\"Quoted\": title"
date = 2021-03-04T09:30:00Z
slug = "quoted-title"
translationKey = "entry-7"
summary = "One: two"
tags = ["gender", "a \"b\""]
+++
Body *text*
`
	if got != want {
		t.Errorf("markdown():\n%s\nwant:\n%s", got, want)
	}
	if p.Menu = true; !strings.Contains(p.markdown(), "menu = \"main\"\n") {
		t.Error("a page in the menu has no menu entry")
	}
}

func TestChangedTitle(t *testing.T) {
	first := changedTitle("News", 0)
	if first != "News (changed 1)" {
		t.Errorf("changedTitle = %q", first)
	}
	if again := changedTitle(first, 1); again != "News (changed 2)" {
		t.Errorf("changedTitle of a changed title = %q, want one mark", again)
	}
}
