package report

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func comparison() *Comparison {
	row := func(name string, rps float64, p50 time.Duration, server, helper float64) Row {
		return Row{Name: name, RPS: rps, P50: p50, P99: 4 * p50, PeakRSS: 70e6, ServerCPU: server, HelperCPU: helper}
	}
	return &Comparison{
		Date: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC), Command: "go run ./bench/db", Machine: "test cpu, 2 cores",
		GoVersion: "go1.26", Commit: "abc", GOMAXPROCS: "not set, so 2", Threads: 2, Connections: 64,
		Duration: 10 * time.Second, Warmup: 2 * time.Second, Items: 5000, Langs: 3,
		SQLite:   Backend{Name: "SQLite", DBBytes: 400e6, SeedSeconds: 40},
		Postgres: Backend{Name: "PostgreSQL", DBBytes: 300e6, SeedSeconds: 60},
		Scenarios: []Scenario{
			{Name: "cached pages", Pages: []Pair{
				{SQLite: row("home page", 30000, time.Millisecond, 1, 0), Postgres: row("home page", 30000, time.Millisecond, 1, 0)},
			}},
			{Name: "uncached pages", About: "From the database.", Pages: []Pair{
				{SQLite: row("news item", 2000, 10*time.Millisecond, 1.5, 0), Postgres: row("news item", 1000, 20*time.Millisecond, 1, 0.5)},
				{SQLite: row("search", 0, 0, -1, -1), Postgres: row("search", 500, 30*time.Millisecond, 1, 0.25)},
			}},
		},
		Setup: []string{"PostgreSQL 15 on 127.0.0.1."},
	}
}

func TestComparisonMarkdown(t *testing.T) {
	tests := []struct {
		name          string
		edit          func(c *Comparison)
		want, notWant []string
	}{
		{
			name: "side by side",
			edit: func(c *Comparison) {},
			want: []string{
				"# datka on SQLite and on PostgreSQL, 2026-11-27",
				"5,000 news items in each of 3 languages (15,000 texts)",
				"SQLite (400.0 MB, in 40 s) and into a new PostgreSQL database (300.0 MB, in 60 s)",
				"GOMAXPROCS not set, so 2",
				"PostgreSQL 15 on 127.0.0.1.",
				"## Cached pages\n\n| page | req/s SQLite | req/s PostgreSQL | PostgreSQL ÷ SQLite |",
				"## Uncached pages\n\nFrom the database.\n\n",
				"| home page | 30,000 | 30,000 | 1.00× | 1.00 ms | 1.00 ms | 4.00 ms | 4.00 ms | 70.0 MB | 70.0 MB |",
				"| news item | 2,000 | 1,000 | 0.50× | 10.00 ms | 20.00 ms |",
				// req per core-second: 2000/1.5 on SQLite, 1000/(1+0.5) on PostgreSQL.
				"| news item (uncached pages) | 1.50 | 1.00 | 0.50 | 1,333 | 667 |",
				"| search | 0 | 500 | – |",
				"| search (uncached pages) | – | 1.00 | 0.25 | – | 400 |",
			},
			notWant: []string{" * |", "errors"},
		},
		{
			name: "disturbed and failing runs are marked",
			edit: func(c *Comparison) {
				c.Scenarios[1].Pages[0].Postgres.OtherCPU = 0.5
				c.Scenarios[1].Pages[0].SQLite.Errors = 3
			},
			want: []string{"| news item | 2,000 (3 errors) | 1,000 * | 0.50× |", "| 0.00 | 0.50 |"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := comparison()
			tc.edit(c)
			md := c.Markdown()
			for _, w := range tc.want {
				if !strings.Contains(md, w) {
					t.Errorf("missing %q in\n%s", w, md)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(md, w) {
					t.Errorf("unexpected %q in\n%s", w, md)
				}
			}
		})
	}
}

// TestComparisonTablesAreWhole checks that every row of every Markdown
// table has as many cells as its header.
func TestComparisonTablesAreWhole(t *testing.T) {
	want := 0
	for _, line := range strings.Split(comparison().Markdown(), "\n") {
		if !strings.HasPrefix(line, "|") {
			want = 0
			continue
		}
		cells := strings.Count(line, "|") - 1
		if want == 0 {
			want = cells
			continue
		}
		if cells != want {
			t.Errorf("%d cells, header has %d: %s", cells, want, line)
		}
	}
}

func TestComparisonText(t *testing.T) {
	c := comparison()
	c.Scenarios[0].Pages[0].SQLite.OtherCPU = 0.3
	var b bytes.Buffer
	if err := c.Text(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, w := range []string{"cached pages\n", "uncached pages\n", "30,000 *", "0.50×", "* other processes used more than 0.10 cores"} {
		if !strings.Contains(out, w) {
			t.Errorf("missing %q in\n%s", w, out)
		}
	}
}
