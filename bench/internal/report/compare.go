package report

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// Comparison is one run of bench/db: the same pages of the same content
// served by one datka on SQLite and one on PostgreSQL, loaded alike, set
// side by side.
type Comparison struct {
	Date        time.Time
	Command     string
	Machine     string // CPU and cores
	GoVersion   string
	Commit      string
	GOMAXPROCS  string // as the servers had it
	Threads     int
	Connections int
	Duration    time.Duration
	Warmup      time.Duration
	Items       int // news items per language
	Langs       int
	SQLite      Backend
	Postgres    Backend
	Scenarios   []Scenario
	// Setup holds sentences on what the figures depend on: where the
	// database server ran, its version and settings.
	Setup []string
	// LoadBefore and LoadAfter are the machine's 1-minute load average
	// before and after the runs.
	LoadBefore, LoadAfter string
}

// Backend is one database and the server that ran on it.
type Backend struct {
	Name        string  // "SQLite"
	DBBytes     int64   // the database's size after seeding
	SeedSeconds float64 // time it took to write the corpus
	Server      Server
}

// Scenario is a set of pages measured on both databases.
type Scenario struct {
	Name  string // "cached pages"
	About string // what the scenario exercises, for the report
	Pages []Pair
}

// Pair is one page measured on both databases; each Row's Name and Path
// say which.
type Pair struct{ SQLite, Postgres Row }

// ratio is PostgreSQL's req/s as a multiple of SQLite's.
func (p Pair) ratio() string {
	if p.SQLite.RPS <= 0 || p.Postgres.RPS <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", p.Postgres.RPS/p.SQLite.RPS)
}

// rps is a row's req/s, marked when the run saw errors or was disturbed
// by other work on the machine.
func rps(r Row) string {
	s := thousands(r.RPS)
	if r.Errors > 0 {
		s += fmt.Sprintf(" (%d errors)", r.Errors)
	}
	if r.OtherCPU > Disturbed {
		s += " *"
	}
	return s
}

// cores formats a CPU share; negative means not known.
func cores(v float64) string {
	if v < 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f", v)
}

// table is a header and rows of cells.
type table struct {
	header []string
	rows   [][]string
}

// scenarioTable is a scenario's pages, SQLite beside PostgreSQL.
func (c *Comparison) scenarioTable(s Scenario) table {
	lite, pg := c.SQLite.Name, c.Postgres.Name
	header := []string{"page", "req/s " + lite, "req/s " + pg, pg + " ÷ " + lite,
		"p50 " + lite, "p50 " + pg, "p99 " + lite, "p99 " + pg, "peak RSS " + lite, "peak RSS " + pg}
	var rows [][]string
	for _, p := range s.Pages {
		rows = append(rows, []string{p.SQLite.Name, rps(p.SQLite), rps(p.Postgres), p.ratio(),
			ms(p.SQLite.P50), ms(p.Postgres.P50), ms(p.SQLite.P99), ms(p.Postgres.P99),
			mb(p.SQLite.PeakRSS), mb(p.Postgres.PeakRSS)})
	}
	return table{header, rows}
}

// cpuTable is the CPU used during every run.
func (c *Comparison) cpuTable() table {
	lite, pg := c.SQLite.Name, c.Postgres.Name
	header := []string{"page", "datka on " + lite, "datka on " + pg, pg + " backends",
		"req per core-second " + lite, "req per core-second " + pg,
		"other processes, " + lite + " run", "other processes, " + pg + " run"}
	var rows [][]string
	for _, s := range c.Scenarios {
		for _, p := range s.Pages {
			rows = append(rows, []string{p.SQLite.Name + " (" + s.Name + ")", cores(p.SQLite.ServerCPU), cores(p.Postgres.ServerCPU),
				cores(p.Postgres.HelperCPU), perCore(p.SQLite), perCore(p.Postgres), cores(p.SQLite.OtherCPU), cores(p.Postgres.OtherCPU)})
		}
	}
	return table{header, rows}
}

// perCore is how many requests a row's run served per second of CPU that
// datka and its database spent: a figure that other work on the machine
// skews less than req/s.
func perCore(r Row) string {
	used := r.ServerCPU + r.HelperCPU
	if r.ServerCPU < 0 || r.HelperCPU < 0 || used <= 0 {
		return "–"
	}
	return thousands(r.RPS / used)
}

// disturbed reports whether any run was.
func (c *Comparison) disturbed() bool {
	for _, s := range c.Scenarios {
		for _, p := range s.Pages {
			if p.SQLite.OtherCPU > Disturbed || p.Postgres.OtherCPU > Disturbed {
				return true
			}
		}
	}
	return false
}

// Text writes the tables for a terminal.
func (c *Comparison) Text(w io.Writer) error {
	for _, s := range c.Scenarios {
		fmt.Fprintf(w, "%s\n", s.Name)
		if err := textTable(w, c.scenarioTable(s)); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "CPU used during each run, in cores")
	if err := textTable(w, c.cpuTable()); err != nil {
		return err
	}
	if c.disturbed() {
		fmt.Fprintf(w, "\n* other processes used more than %.2f cores during the run; run again on a quiet machine\n", Disturbed)
	}
	return nil
}

func textTable(w io.Writer, t table) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, strings.Join(t.header, "\t")+"\t")
	for _, r := range t.rows {
		fmt.Fprintln(tw, strings.Join(r, "\t")+"\t")
	}
	return tw.Flush()
}

func markdownTable(b *strings.Builder, t table) {
	b.WriteString("| " + strings.Join(t.header, " | ") + " |\n|---|")
	b.WriteString(strings.Repeat("---:|", len(t.header)-1) + "\n")
	for _, r := range t.rows {
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
	}
}

// Markdown is the whole report.
func (c *Comparison) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# datka on SQLite and on PostgreSQL, %s\n\n", c.Date.Format("2006-01-02"))
	fmt.Fprintf(&b, "`%s` on %s, %s, datka %s.\n\n", c.Command, c.Machine, c.GoVersion, c.Commit)
	fmt.Fprintf(&b, "Corpus: the default site plus %s news items in each of %d languages (%s texts), written by the same generator "+
		"into %s (%s, in %.0f s) and into a new %s database (%s, in %.0f s). ",
		thousands(float64(c.Items)), c.Langs, thousands(float64(c.Items*c.Langs)),
		c.SQLite.Name, mb(c.SQLite.DBBytes), c.SQLite.SeedSeconds, c.Postgres.Name, mb(c.Postgres.DBBytes), c.Postgres.SeedSeconds)
	fmt.Fprintf(&b, "One `datka serve` on each database in turn, the same binary with the same flags (page cache on, as by default; GOMAXPROCS %s). ", c.GOMAXPROCS)
	fmt.Fprintf(&b, "Load: wrk, %d threads, %d connections, %s per page after a %s warm-up, "+
		"on the same machine as the servers (127.0.0.1); no compression.", c.Threads, c.Connections, c.Duration, c.Warmup)
	for _, s := range c.Setup {
		b.WriteString(" " + s)
	}
	b.WriteString("\n\n")
	for _, s := range c.Scenarios {
		fmt.Fprintf(&b, "## %s\n\n", capital(s.Name))
		if s.About != "" {
			b.WriteString(s.About + "\n\n")
		}
		markdownTable(&b, c.scenarioTable(s))
		b.WriteString("\n")
	}
	b.WriteString("## CPU during each run, in cores\n\n")
	b.WriteString("Of the machine's cores, how many each process kept busy during the measured run: datka, PostgreSQL's backends " +
		"serving datka's database (SQLite has none: it runs inside datka), and everything else on the machine " +
		"(less wrk and the benchmark itself). **req per core-second** is req/s divided by the cores datka and its database used: " +
		"what a request costs, which other work on the machine skews less than req/s.\n\n")
	markdownTable(&b, c.cpuTable())
	b.WriteString("\n")
	b.WriteString("Servers: ")
	for i, be := range []Backend{c.SQLite, c.Postgres} {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "datka on %s %s resident when ready, %s after its runs, high-water mark %s",
			be.Name, mb(be.Server.StartRSS), mb(be.Server.EndRSS), mb(be.Server.HWM))
	}
	b.WriteString(".")
	if c.LoadBefore != "" {
		fmt.Fprintf(&b, " Load average (1 min) of the machine before the runs %s, after %s.", c.LoadBefore, c.LoadAfter)
	}
	b.WriteString("\n\n## How to read it\n\n")
	b.WriteString("- **req/s**, **p50**, **p99**: as wrk reports them; **" + c.Postgres.Name + " ÷ " + c.SQLite.Name + "**: " +
		c.Postgres.Name + "'s req/s as a multiple of " + c.SQLite.Name + "'s.\n")
	b.WriteString("- **peak RSS**: the highest VmRSS of the datka process, sampled every 100 ms during the page's warm-up and run " +
		"(MB = 10⁶ bytes). PostgreSQL's own memory is not in it.\n")
	fmt.Fprintf(&b, "- A run during which other processes used more than %.2f cores is measured again (`--retries`): "+
		"the least disturbed run is shown, marked * if even that one was disturbed.\n", Disturbed)
	b.WriteString("- Server, PostgreSQL and wrk share the machine's cores: on SQLite datka has them to itself and wrk, " +
		"on PostgreSQL it shares them with the database too. That is the single-machine deployment; " +
		"a database on its own machine would give other figures.\n")
	return b.String()
}

// capital makes the first letter of s upper case.
func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
