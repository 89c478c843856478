package site

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestRateLimiter(t *testing.T) {
	t0 := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	l := newRateLimiter(5, 12*time.Minute, 100)
	for i := range 5 {
		if !l.take("a", t0) {
			t.Fatalf("message %d refused, want a burst of 5", i+1)
		}
	}
	if l.take("a", t0) {
		t.Fatal("a sixth message at once was allowed")
	}
	if w := l.wait("a", t0); w != 12*time.Minute {
		t.Errorf("wait %v, want 12m", w)
	}
	if w := l.wait("a", t0.Add(5*time.Minute)); w != 7*time.Minute {
		t.Errorf("wait after 5 minutes %v, want 7m", w)
	}
	if !l.take("b", t0) {
		t.Error("another key is limited by the first")
	}
	if l.take("a", t0.Add(11*time.Minute)) {
		t.Error("a message allowed before a token came back")
	}
	if !l.take("a", t0.Add(12*time.Minute)) || l.take("a", t0.Add(12*time.Minute)) {
		t.Error("after 12 minutes, want exactly one more message")
	}
	if !l.take("a", t0.Add(100*time.Hour)) {
		t.Error("after a long pause the key is still limited")
	}
	if got := l.buckets["a"].tokens; got != 4 {
		t.Errorf("after a long pause and one message, %v tokens, want 4 (the burst is the cap)", got)
	}
}

func TestRateLimiterStaysBounded(t *testing.T) {
	t0 := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	l := newRateLimiter(5, 12*time.Minute, 1000)
	for i := range 100000 {
		l.take(fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255), t0.Add(time.Duration(i)*time.Millisecond))
	}
	if n := len(l.buckets); n > 1000 {
		t.Errorf("%d keys kept, want at most 1000", n)
	}
	// A key that is spent is not forgotten while forgettable ones remain.
	l = newRateLimiter(1, time.Hour, 10)
	l.take("spent", t0)
	for i := range 50 {
		l.take(fmt.Sprint(i), t0.Add(2*time.Hour+time.Duration(i)*time.Hour))
	}
	if len(l.buckets) > 10 {
		t.Errorf("%d keys kept, want at most 10", len(l.buckets))
	}
}

func TestClientKeys(t *testing.T) {
	tests := []struct {
		remote, key, network string
	}{
		{"203.0.113.7:51234", "203.0.113.7", "203.0.113.0/24"},
		{"[2001:db8:1:2:3:4:5:6]:443", "2001:db8:1:2::/64", "2001:db8:1::/48"},
		{"[::ffff:203.0.113.7]:80", "203.0.113.7", "203.0.113.0/24"},
		{"[fe80::1%eth0]:80", "fe80::/64", "fe80::/48"},
		{"203.0.113.7", "203.0.113.7", "203.0.113.0/24"},
		{"not an address", "not an address", ""},
	}
	for _, tt := range tests {
		if got := clientKey(tt.remote); got != tt.key {
			t.Errorf("clientKey(%q) = %q, want %q", tt.remote, got, tt.key)
		}
		if got := clientNetwork(tt.remote); got != tt.network {
			t.Errorf("clientNetwork(%q) = %q, want %q", tt.remote, got, tt.network)
		}
	}
}

func TestReadContactForm(t *testing.T) {
	ok := contactForm{Name: "Айгүл", Email: "aigul@example.kg", Message: "Саламатсызбы, достор!"}
	tests := []struct {
		name  string
		edit  func(f *contactForm)
		field string // "" when the form is accepted
	}{
		{name: "valid", edit: func(*contactForm) {}},
		{name: "an internationalised domain", edit: func(f *contactForm) { f.Email = "info@пример.рф" }},
		{name: "a tab and line breaks in the message", edit: func(f *contactForm) { f.Message = "Line\tone\r\nline two\rthree" }},
		{name: "a name of 200 characters", edit: func(f *contactForm) { f.Name = strings.Repeat("ө", 200) }},
		{name: "a name of 201 characters", edit: func(f *contactForm) { f.Name = strings.Repeat("ө", 201) }, field: "name"},
		{name: "a message of 10 characters", edit: func(f *contactForm) { f.Message = strings.Repeat("ң", 10) }},
		{name: "a message of 10 characters and spaces", edit: func(f *contactForm) { f.Message = "   " + strings.Repeat("ң", 9) + "   " }, field: "message"},
		{name: "a message of 5000 characters", edit: func(f *contactForm) { f.Message = strings.Repeat("ү", 5000) }},
		{name: "a domain literal", edit: func(f *contactForm) { f.Email = "root@[127.0.0.1]" }, field: "email"},
		{name: "a domain ending in a dot", edit: func(f *contactForm) { f.Email = "a@example.org." }, field: "email"},
		{name: "a quoted local part", edit: func(f *contactForm) { f.Email = `"a b"@example.org` }, field: "email"},
		{name: "a comment", edit: func(f *contactForm) { f.Email = "a@example.org (me)" }, field: "email"},
		{name: "a paragraph separator in the name", edit: func(f *contactForm) { f.Name = "A\u2029B" }, field: "name"},
		{name: "a DEL in the message", edit: func(f *contactForm) { f.Message = "Hello there\x7f friends" }, field: "message"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := ok
			tt.edit(&f)
			m, problems := readContactForm(f)
			if tt.field == "" && len(problems) > 0 {
				t.Fatalf("refused: %v", problems)
			}
			if tt.field != "" {
				if _, ok := problems[tt.field]; !ok || len(problems) != 1 {
					t.Fatalf("problems %v, want one with %s", problems, tt.field)
				}
				return
			}
			if strings.ContainsRune(m.Body, '\r') {
				t.Errorf("the body keeps a CR: %q", m.Body)
			}
		})
	}
}
