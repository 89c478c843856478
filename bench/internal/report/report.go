// Package report turns the benchmarks' measurements into tables for the
// terminal and Markdown files. A Report is a run of go run ./bench, with an
// SVG bar chart and a check against the performance targets of issue 3; a
// Comparison (compare.go) is a run of go run ./bench/db, the same pages on
// SQLite and PostgreSQL side by side. It does no measuring itself.
package report

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// Kind says which server a row measured.
type Kind int

const (
	Cached   Kind = iota // datka with its rendered-page cache
	Uncached             // datka with --page-cache-mb 0
	Ceiling              // the minimal Go server
)

// Row is one measured target.
type Row struct {
	Name    string // "news item"
	Kind    Kind
	Path    string
	RPS     float64
	P50     time.Duration
	P99     time.Duration
	Bytes   int   // body of one GET
	PeakRSS int64 // highest VmRSS sampled during the run, bytes
	HWM     int64 // the process's VmHWM after the run, bytes
	Errors  int64 // non-2xx/3xx answers and socket errors
	// ServerCPU is the CPU, in cores, the server used during the run;
	// HelperCPU is what the processes that work for it used (PostgreSQL's
	// backends), 0 when it has none; -1 each when not known.
	ServerCPU, HelperCPU float64
	// OtherCPU is the CPU, in cores, that processes other than the server,
	// its helpers, wrk and the benchmark used during the run: other work
	// on the machine, which skews the figures; -1 when not known.
	OtherCPU float64
}

// Disturbed is the OtherCPU above which a run is reported as disturbed.
const Disturbed = 0.10

// Corpus describes the data the servers ran on.
type Corpus struct {
	Items    int     // news items per language
	Langs    int     // languages per item
	DBBytes  int64   // database size
	Seconds  float64 // time it took to generate
	Reused   bool    // an existing corpus was used
	NewsPath string
}

// Server is one measured process.
type Server struct {
	Name     string
	StartRSS int64 // VmRSS when it was first ready, bytes
	EndRSS   int64 // VmRSS after the last run, bytes
	HWM      int64 // VmHWM at the end: the most it ever held, bytes
}

// Report is one benchmark run.
type Report struct {
	Date        time.Time
	Command     string
	Machine     string // CPU and cores
	GoVersion   string
	Commit      string
	Corpus      Corpus
	Threads     int
	Connections int
	Duration    time.Duration
	Warmup      time.Duration
	Rows        []Row
	Servers     []Server
	// LoadBefore and LoadAfter are the machine's 1-minute load average
	// before and after the runs: other work on the machine skews the
	// figures, and this shows whether there was any.
	LoadBefore, LoadAfter string
}

// The targets of issue 3.
const (
	CachedShare      = 0.80                  // cached pages, of the ceiling's req/s
	UncachedRPS      = 5000                  // news item with the page cache off
	UncachedP99      = 25 * time.Millisecond // at 64 connections
	MaxRSS           = 150_000_000           // bytes, under load, 30,000-item corpus
	TargetCorpusSize = 30000                 // news texts the memory target is stated for
)

// Check is one target and whether this run met it.
type Check struct {
	Target   string
	Measured string
	Met      bool
}

// ceiling returns the ceiling's req/s, or 0 without one.
func (r *Report) ceiling() float64 {
	for _, row := range r.Rows {
		if row.Kind == Ceiling {
			return row.RPS
		}
	}
	return 0
}

// Checks compares the rows with the targets.
func (r *Report) Checks() []Check {
	var out []Check
	ceil := r.ceiling()
	var peak int64
	for _, row := range r.Rows {
		switch row.Kind {
		case Cached:
			if ceil > 0 {
				share := row.RPS / ceil
				out = append(out, Check{
					Target:   fmt.Sprintf("%s (cached) ≥ %.0f%% of the ceiling's req/s", row.Name, CachedShare*100),
					Measured: fmt.Sprintf("%.0f%% (%s of %s req/s)", share*100, thousands(row.RPS), thousands(ceil)),
					Met:      share >= CachedShare,
				})
			}
		case Uncached:
			out = append(out, Check{
				Target: fmt.Sprintf("%s, page cache off: ≥ %s req/s with p99 < %s at %d connections",
					row.Name, thousands(UncachedRPS), ms(UncachedP99), r.Connections),
				Measured: fmt.Sprintf("%s req/s, p99 %s", thousands(row.RPS), ms(row.P99)),
				Met:      row.RPS >= UncachedRPS && row.P99 < UncachedP99,
			})
		}
		if row.Kind != Ceiling {
			peak = max(peak, row.PeakRSS)
		}
	}
	texts := r.Corpus.Items * r.Corpus.Langs
	note := ""
	if texts < TargetCorpusSize {
		note = fmt.Sprintf(" (corpus of %s texts, smaller than the target's %s)", thousands(float64(texts)), thousands(TargetCorpusSize))
	}
	out = append(out, Check{
		Target:   fmt.Sprintf("datka's memory under load < %s RSS with %s news texts", mb(MaxRSS), thousands(TargetCorpusSize)),
		Measured: "peak " + mb(peak) + note,
		Met:      peak > 0 && peak < MaxRSS && texts >= TargetCorpusSize,
	})
	return out
}

// vsCeiling is a row's req/s as a share of the ceiling's.
func (r *Report) vsCeiling(row Row) string {
	ceil := r.ceiling()
	if ceil == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", row.RPS/ceil*100)
}

func (r *Report) cells(row Row) []string {
	errs := ""
	if row.Errors > 0 {
		errs = fmt.Sprintf(" (%d errors)", row.Errors)
	}
	return []string{row.label(), thousands(row.RPS) + errs, ms(row.P50), ms(row.P99),
		thousands(float64(row.Bytes)), mb(row.PeakRSS), r.vsCeiling(row)}
}

var header = []string{"target", "req/s", "p50", "p99", "bytes", "peak RSS", "vs ceiling"}

// label names the row with its server.
func (row Row) label() string {
	switch row.Kind {
	case Uncached:
		return row.Name + " (page cache off)"
	case Ceiling:
		return row.Name
	}
	return row.Name + " (cached)"
}

// Text writes the table for a terminal.
func (r *Report) Text(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, strings.Join(header, "\t")+"\t")
	for _, row := range r.Rows {
		fmt.Fprintln(tw, strings.Join(r.cells(row), "\t")+"\t")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	for _, row := range r.Rows {
		if row.OtherCPU > Disturbed {
			fmt.Fprintf(w, "note: other processes used %.2f cores during the run of %s; run again on a quiet machine\n",
				row.OtherCPU, row.label())
		}
	}
	for _, c := range r.Checks() {
		fmt.Fprintf(w, "%s  %s: %s\n", mark(c.Met), c.Target, c.Measured)
	}
	return nil
}

// Table is the Markdown table of the rows.
func (r *Report) Table() string {
	var b strings.Builder
	b.WriteString("| " + strings.Join(header, " | ") + " |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|\n")
	for _, row := range r.Rows {
		b.WriteString("| " + strings.Join(r.cells(row), " | ") + " |\n")
	}
	return b.String()
}

// Markdown is the whole report; svgName is the chart's file name beside it.
func (r *Report) Markdown(svgName string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# datka benchmark, %s\n\n", r.Date.Format("2006-01-02"))
	fmt.Fprintf(&b, "`%s` on %s, %s, datka %s.\n\n", r.Command, r.Machine, r.GoVersion, r.Commit)
	c := r.Corpus
	how := fmt.Sprintf("generated in %.0f s", c.Seconds)
	if c.Reused {
		how = "reused from an earlier run"
	}
	fmt.Fprintf(&b, "Corpus: the default site plus %s news items in each of %d languages (%s texts), "+
		"a %s SQLite database, %s. ", thousands(float64(c.Items)), c.Langs, thousands(float64(c.Items*c.Langs)), mb(c.DBBytes), how)
	fmt.Fprintf(&b, "Load: wrk, %d threads, %d connections, %s per target after a %s warm-up, "+
		"on the same machine as the servers (127.0.0.1); no compression (wrk sends no Accept-Encoding).\n\n",
		r.Threads, r.Connections, r.Duration, r.Warmup)
	b.WriteString(r.Table())
	b.WriteString("\n")
	if len(r.Servers) > 0 {
		b.WriteString("Servers: ")
		for i, s := range r.Servers {
			if i > 0 {
				b.WriteString("; ")
			}
			fmt.Fprintf(&b, "`%s` %s resident when ready, %s after its runs, high-water mark %s",
				s.Name, mb(s.StartRSS), mb(s.EndRSS), mb(s.HWM))
		}
		b.WriteString(".")
	}
	var others []string
	for _, row := range r.Rows {
		if row.OtherCPU >= 0 {
			others = append(others, fmt.Sprintf("%s %.2f", row.label(), row.OtherCPU))
		}
	}
	if len(others) > 0 {
		fmt.Fprintf(&b, " CPU used by other processes during each run, in cores: %s.", strings.Join(others, ", "))
	}
	if r.LoadBefore != "" {
		fmt.Fprintf(&b, " Load average (1 min) of the machine before the runs %s, after %s.", r.LoadBefore, r.LoadAfter)
	}
	b.WriteString("\n\n")
	fmt.Fprintf(&b, "![req/s per target](%s)\n\n", svgName)
	b.WriteString("## Targets (issue 3)\n\n| target | measured | met |\n|---|---|---|\n")
	for _, ch := range r.Checks() {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", ch.Target, ch.Measured, yesNo(ch.Met))
	}
	b.WriteString("\n## How to read it\n\n")
	b.WriteString("- **cached**: datka as it runs by default, with its rendered-page cache (`--page-cache-mb 64`).\n")
	b.WriteString("- **page cache off**: a second datka on the same data with `--page-cache-mb 0`: every request reads the database, renders Markdown and templates.\n")
	b.WriteString("- **ceiling**: `bench/ceiling`, a minimal `net/http` server that answers every request with the news item's page " +
		"and datka's response headers from memory: the practical ceiling for a Go HTTP server on this machine.\n")
	fmt.Fprintf(&b, "- **news item**: `%s`, the middle item of the corpus.\n", c.NewsPath)
	b.WriteString("- **bytes**: the body of one GET; **peak RSS**: the highest VmRSS of the server process, sampled every 100 ms " +
		"during the target's warm-up and run (MB = 10⁶ bytes); **vs ceiling**: req/s as a share of the ceiling's.\n")
	b.WriteString("- wrk and the servers share the machine's cores, so absolute figures depend on the machine; the ratios to the ceiling travel better. " +
		"A run during which other processes used more than 0.1 core is measured again (`--retries`, default 2): the least disturbed run is shown, " +
		"and peak RSS is the highest of all attempts.\n")
	return b.String()
}

func mark(ok bool) string {
	if ok {
		return "MET   "
	}
	return "MISSED"
}

func yesNo(ok bool) string {
	if ok {
		return "yes"
	}
	return "**no**"
}

// ms formats a latency in milliseconds.
func ms(d time.Duration) string {
	return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
}

// mb formats bytes in megabytes (10⁶).
func mb(n int64) string {
	if n <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}

// thousands formats a whole number with thin separators: 12,345.
func thousands(v float64) string {
	s := fmt.Sprintf("%.0f", v)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
