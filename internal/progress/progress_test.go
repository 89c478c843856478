package progress

import (
	"strings"
	"testing"
	"time"
)

func TestLinesWhenNotATerminal(t *testing.T) {
	var b strings.Builder
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	r := New(&b, "export", 10)
	r.now = func() time.Time { return clock }
	r.start, r.last = clock, clock
	r.Add(3, 3000)
	if b.Len() != 0 {
		t.Errorf("a line before its interval: %q", b.String())
	}
	clock = clock.Add(6 * time.Second)
	r.Add(2, 2000)
	if got := b.String(); got != "export: 5 of 10 (50%), 5.0 kB, 6s\n" {
		t.Errorf("progress line %q", got)
	}
	b.Reset()
	clock = clock.Add(1500 * time.Millisecond)
	r.Add(5, 0)
	sum := r.Done("3 skipped")
	if sum != "export: 10 done, 5.0 kB, in 7.5s; 3 skipped" || b.String() != sum+"\n" {
		t.Errorf("summary %q, written %q", sum, b.String())
	}
	if strings.Contains(b.String(), "\r") {
		t.Error("carriage return written to something not a terminal")
	}
}

func TestBytes(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 999: "999 B", 1500: "1.5 kB", 12_000_000: "12.0 MB", 3_400_000_000: "3.4 GB"} {
		if got := Bytes(n); got != want {
			t.Errorf("Bytes(%d) = %q, want %q", n, got, want)
		}
	}
}
