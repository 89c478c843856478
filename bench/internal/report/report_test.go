package report

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

func sample() *Report {
	return &Report{
		Date: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC), Command: "go run ./bench", Machine: "test <cpu> & co",
		GoVersion: "go1.26", Commit: "abc", Threads: 2, Connections: 64, Duration: 10 * time.Second, Warmup: 2 * time.Second,
		Corpus: Corpus{Items: 10000, Langs: 3, DBBytes: 200e6, NewsPath: "/ru/x"},
		Rows: []Row{
			{Name: "home page", Kind: Cached, RPS: 45000, P50: time.Millisecond, P99: 5 * time.Millisecond, PeakRSS: 60e6},
			{Name: "news item", Kind: Cached, RPS: 30000, P50: time.Millisecond, P99: 5 * time.Millisecond, PeakRSS: 70e6},
			{Name: "news item", Kind: Uncached, RPS: 4000, P50: 10 * time.Millisecond, P99: 20 * time.Millisecond, PeakRSS: 160e6},
			{Name: "ceiling", Kind: Ceiling, RPS: 50000, P50: time.Millisecond, P99: 3 * time.Millisecond, PeakRSS: 10e6},
		},
	}
}

func TestChecks(t *testing.T) {
	tests := []struct {
		name string
		edit func(r *Report)
		want []bool // home ≥ 80 %, news ≥ 80 %, uncached, memory
	}{
		{"as measured", func(r *Report) {}, []bool{true, false, false, false}},
		{"exactly 80 percent", func(r *Report) { r.Rows[1].RPS = 40000 }, []bool{true, true, false, false}},
		{"uncached fast enough", func(r *Report) { r.Rows[2].RPS = 5000; r.Rows[2].PeakRSS = 100e6 }, []bool{true, false, true, true}},
		{"uncached fast but p99 too high", func(r *Report) { r.Rows[2].RPS = 9000; r.Rows[2].P99 = 25 * time.Millisecond }, []bool{true, false, false, false}},
		{"ceiling's memory does not count", func(r *Report) { r.Rows[2].PeakRSS = 1e6; r.Rows[3].PeakRSS = 900e6 }, []bool{true, false, false, true}},
		{"small corpus cannot meet the memory target", func(r *Report) { r.Rows[2].PeakRSS = 1e6; r.Corpus.Items = 100 }, []bool{true, false, false, false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := sample()
			tc.edit(r)
			checks := r.Checks()
			if len(checks) != len(tc.want) {
				t.Fatalf("%d checks, want %d", len(checks), len(tc.want))
			}
			for i, c := range checks {
				if c.Met != tc.want[i] {
					t.Errorf("%s: met = %v, want %v (%s)", c.Target, c.Met, tc.want[i], c.Measured)
				}
			}
		})
	}
}

func TestSVGIsWellFormed(t *testing.T) {
	svg := sample().SVG()
	dec := xml.NewDecoder(strings.NewReader(svg))
	rects := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "rect" {
			rects++
		}
	}
	if rects != 1+4 {
		t.Errorf("%d rects, want a background and 4 bars", rects)
	}
	if !strings.Contains(svg, "test &lt;cpu&gt; &amp; co") {
		t.Error("the machine name is not escaped")
	}
}

func TestMarkdownAndText(t *testing.T) {
	r := sample()
	md := r.Markdown("RESULT.svg")
	for _, want := range []string{"| news item (page cache off) | 4,000 |", "![req/s per target](RESULT.svg)", "| **no** |", "90%"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	var buf bytes.Buffer
	if err := r.Text(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "MISSED") || !strings.Contains(buf.String(), "45,000") {
		t.Errorf("text table:\n%s", buf.String())
	}
}

func TestThousands(t *testing.T) {
	for in, want := range map[float64]string{0: "0", 999: "999", 1000: "1,000", 1234567.4: "1,234,567", -12345: "-12,345"} {
		if got := thousands(in); got != want {
			t.Errorf("thousands(%v) = %q, want %q", in, got, want)
		}
	}
}
