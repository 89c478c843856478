package main

import (
	"net/http"
	"strings"
	"testing"
)

func TestGovernmentBody(t *testing.T) {
	home := `<h2 id="partners-h"><a href="/ru/partnery">Партнёры</a></h2>
<a href="/ru/partnery/evropeyskiy-soyuz">ЕС</a>
<h2 id="gov-h"><a href="/ru/gosudarstvennye-organy">Государственные органы</a></h2>
<a href="/ru/gosudarstvennye-organy/ministerstvo-truda">Минтруд</a>
<a href="/ru/gosudarstvennye-organy/ministerstvo-obrazovaniya-i-nauki">Минобрнауки</a>`
	for _, tc := range []struct {
		name, html, want string
		fails            bool
	}{
		{name: "prefers the education ministry", html: home, want: "/ru/gosudarstvennye-organy/ministerstvo-obrazovaniya-i-nauki"},
		{name: "else the first body", html: strings.ReplaceAll(home, "obrazovaniya", "kultury"), want: "/ru/gosudarstvennye-organy/ministerstvo-truda"},
		{name: "no section", html: `<a href="/ru/partnery/x">x</a>`, fails: true},
		{name: "no bodies", html: `<h2 id="gov-h"><a href="/ru/g">G</a></h2><a href="/ru/partnery/x">x</a>`, fails: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := governmentBody([]byte(tc.html))
			if tc.fails {
				if err == nil {
					t.Errorf("found %q", got)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestHeaderLines(t *testing.T) {
	h := http.Header{"Content-Type": {"text/html"}, "Date": {"now"}, "Content-Length": {"5"}, "Vary": {"Cookie", "Accept-Encoding"}}
	want := "Content-Type: text/html\nVary: Cookie\nVary: Accept-Encoding\n"
	if got := string(headerLines(h)); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
