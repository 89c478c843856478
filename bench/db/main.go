// Command db measures datka's page throughput on SQLite against
// PostgreSQL with one command:
//
//	go run ./bench/db
//
// It writes the benchmark corpus (the default site plus news items in
// Russian, Kyrgyz and English, the generator of go run ./bench) into a new
// SQLite file and into a new database on a PostgreSQL server, both at
// once; builds datka; then starts one `datka serve` on each database in
// turn, with the same binary, flags and environment, and loads the same
// pages on each with wrk: pages the rendered-page cache answers, and pages
// with a query string, which datka renders from the database every time.
// It prints req/s, latency percentiles, peak memory and CPU per page,
// SQLite beside PostgreSQL, and writes them as Markdown to
// bench/results/DB-<date>.md.
//
// The PostgreSQL database is made for the run and dropped at its end;
// nothing else on the server is touched. The CPU of PostgreSQL's backends
// serving that database is counted apart from other work on the machine,
// since on one machine it competes with datka and wrk for the same cores.
package main

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/datka-cms/datka/bench/internal/corpus"
	"github.com/datka-cms/datka/bench/internal/harness"
	"github.com/datka-cms/datka/bench/internal/proc"
	"github.com/datka-cms/datka/bench/internal/report"
	"github.com/datka-cms/datka/bench/internal/wrk"
	"github.com/datka-cms/datka/internal/store"
)

// corpusSeed is go run ./bench's, so that the corpora are the same.
const corpusSeed = 3

// defaultPostgres is the server used without --postgres or
// DATKA_BENCH_POSTGRES.
const defaultPostgres = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// perPage is how many entries a list page of datka's shows.
const perPage = 10

type options struct {
	items       int
	postgres    string
	duration    time.Duration
	warmup      time.Duration
	connections int
	threads     int
	retries     int
	gomaxprocs  int
	out         string
	keep        bool
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := flag.NewFlagSet("bench/db", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&o.items, "items", 10000, "news items per language (ru, ky, en)")
	fs.StringVar(&o.postgres, "postgres", cmp.Or(os.Getenv("DATKA_BENCH_POSTGRES"), defaultPostgres),
		"`URL` of a PostgreSQL server and a database to connect to; the benchmark makes its own database there and drops it at the end (env DATKA_BENCH_POSTGRES)")
	fs.DurationVar(&o.duration, "duration", 10*time.Second, "how long wrk loads each page")
	fs.DurationVar(&o.warmup, "warmup", 2*time.Second, "unmeasured load before each page's run")
	fs.IntVar(&o.connections, "connections", 64, "wrk's open connections")
	fs.IntVar(&o.threads, "threads", 2, "wrk's threads")
	fs.IntVar(&o.retries, "retries", 2, "measure a page again, up to this many times, when other processes used more than 0.1 core during its run; the least disturbed run counts")
	fs.IntVar(&o.gomaxprocs, "gomaxprocs", 0, "GOMAXPROCS of both servers (default: not set, Go uses every core)")
	fs.StringVar(&o.out, "out", "", "`file` for the Markdown report (default: bench/results/DB-<date>.md in the checkout)")
	fs.BoolVar(&o.keep, "keep", false, "keep the temporary folder (SQLite corpus, binary, server logs) and the PostgreSQL database")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: go run ./bench/db [options]\n\nWrites one corpus into SQLite and PostgreSQL, serves each with datka in turn, loads both alike with wrk and reports them side by side.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "bench/db: unexpected arguments %q\n", fs.Args())
		return 2
	case o.items < 1 || o.connections < 1 || o.threads < 1 || o.threads > o.connections || o.retries < 0 || o.retries > 5 || o.gomaxprocs < 0:
		fmt.Fprintln(stderr, "bench/db: --items, --connections and --threads must be positive, with no more threads than connections; --retries 0 to 5; --gomaxprocs not negative")
		return 2
	case o.duration < time.Second || o.duration > 10*time.Minute || o.warmup < 0 || o.warmup > time.Minute:
		fmt.Fprintln(stderr, "bench/db: --duration must be between 1s and 10m, --warmup at most 1m")
		return 2
	}
	if u, err := url.Parse(o.postgres); err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.Host == "" {
		fmt.Fprintln(stderr, "bench/db: --postgres must be a postgres://host/database URL")
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := bench(ctx, o, args, stdout, stderr); err != nil {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "bench/db: interrupted; servers stopped")
			return 130
		}
		fmt.Fprintln(stderr, "bench/db:", err)
		return 1
	}
	return 0
}

// backend is one database the servers run on.
type backend struct {
	name  string // "SQLite"
	dbURL string // datka's --db
	data  string // datka's --data: media, and SQLite's file
	// helpers lists PostgreSQL's backends serving the database; nil on
	// SQLite, which runs in datka's process.
	helpers func(context.Context) ([]int, error)
	rep     report.Backend
}

// page is one URL measured on both databases.
type page struct {
	name, path string
	// results, when set, must appear in the page: a search that finds
	// nothing would measure another code path.
	results string
}

func bench(ctx context.Context, o options, args []string, stdout, stderr io.Writer) error {
	wrkBin, err := wrk.Find()
	if err != nil {
		return err
	}
	root, err := harness.ModuleRoot(ctx)
	if err != nil {
		return err
	}
	date := time.Now()
	if o.out == "" {
		o.out = filepath.Join(root, "bench", "results", "DB-"+date.Format("2006-01-02")+".md")
	}
	tmp, err := os.MkdirTemp("", "datka-bench-db-")
	if err != nil {
		return err
	}
	defer func() {
		if o.keep {
			fmt.Fprintln(stdout, "kept", tmp)
			return
		}
		os.RemoveAll(tmp)
	}()

	admin, err := pgx.Connect(ctx, o.postgres)
	if err != nil {
		return fmt.Errorf("connect to PostgreSQL at %s: %w", redact(o.postgres), err)
	}
	defer admin.Close(context.Background())
	pgSetup, err := postgresSetup(ctx, admin)
	if err != nil {
		return err
	}
	server, _ := url.Parse(o.postgres) // checked in run
	pgURL, dbName, dropDB, err := createDatabase(ctx, admin, *server)
	if err != nil {
		return err
	}
	defer func() {
		if o.keep {
			fmt.Fprintf(stdout, "kept the PostgreSQL database %s\n", redact(pgURL))
			return
		}
		if err := dropDB(); err != nil {
			fmt.Fprintln(stderr, "bench/db:", err)
		}
	}()

	harness.Step(stdout, "building datka")
	datkaBin := filepath.Join(tmp, "datka")
	if err := harness.Build(ctx, root, datkaBin, "./cmd/datka"); err != nil {
		return err
	}

	lite := &backend{name: "SQLite", data: filepath.Join(tmp, "sqlite")}
	lite.dbURL = "sqlite:" + filepath.Join(lite.data, corpus.DBName)
	pg := &backend{name: "PostgreSQL", data: filepath.Join(tmp, "postgres"), dbURL: pgURL,
		helpers: func(ctx context.Context) ([]int, error) { return backendPIDs(ctx, admin, dbName) }}
	m, err := seed(ctx, o.items, lite, pg, admin, dbName, stdout, stderr)
	if err != nil {
		return err
	}

	deep := max(2, o.items/perPage/2)
	scenarios := []struct {
		name, about string
		kind        report.Kind
		pages       []page
	}{
		{"cached pages", "Pages datka answers from its rendered-page cache after the first request: the database is not read, " +
			"so both columns should be alike; they check that the rest of the setup is.", report.Cached, []page{
			{name: "home page", path: "/ru/"},
			{name: "news list", path: m.ListPaths["ru"]},
			{name: "news item", path: m.NewsPaths["ru"]},
		}},
		{"uncached pages", "Pages with a query string, which datka renders from the database on every request: " +
			"an item reached through a tracking link, list pages, searches.", report.Uncached, []page{
			{name: "news item ?utm_source", path: m.NewsPaths["ru"] + "?utm_source=bench"},
			{name: "news list, page 2", path: m.ListPaths["ru"] + "?page=2"},
			{name: "news list, page " + strconv.Itoa(deep), path: m.ListPaths["ru"] + "?page=" + strconv.Itoa(deep)},
			{name: "search, 2 Russian words", path: m.SearchPaths["ru"] + "?q=" + url.QueryEscape("гендерное равенство"), results: `<ol class="results">`},
			{name: "search, 2 English words", path: m.SearchPaths["en"] + "?q=" + url.QueryEscape("women training"), results: `<ol class="results">`},
		}},
	}

	env := harness.ServerEnv()
	gomaxprocs := fmt.Sprintf("not set, so %d", runtime.NumCPU())
	if o.gomaxprocs > 0 {
		env = append(env, "GOMAXPROCS="+strconv.Itoa(o.gomaxprocs))
		gomaxprocs = strconv.Itoa(o.gomaxprocs)
	}
	load := harness.Load{Bin: wrkBin, Threads: o.threads, Connections: o.connections,
		Warmup: o.warmup, Duration: o.duration, Retries: o.retries}
	rep := &report.Comparison{
		Date:        date,
		Command:     strings.TrimSpace("go run ./bench/db " + strings.Join(redactArgs(args), " ")),
		Machine:     harness.Machine(),
		GoVersion:   runtime.Version(),
		Commit:      harness.Commit(ctx, root),
		GOMAXPROCS:  gomaxprocs,
		Threads:     o.threads,
		Connections: o.connections,
		Duration:    o.duration,
		Warmup:      o.warmup,
		Items:       m.Items,
		Langs:       len(corpus.Langs),
		Setup:       pgSetup,
		LoadBefore:  harness.LoadAverage(),
	}
	for _, s := range scenarios {
		rep.Scenarios = append(rep.Scenarios, report.Scenario{Name: s.name, About: s.about, Pages: make([]report.Pair, len(s.pages))})
	}
	for _, b := range []*backend{lite, pg} {
		harness.Step(stdout, fmt.Sprintf("datka on %s: wrk -t%d -c%d, %s warm-up + %s per page",
			b.name, o.threads, o.connections, o.warmup, o.duration))
		srv, err := startServer(ctx, datkaBin, b, env, tmp)
		if err != nil {
			return err
		}
		if mem, err := proc.ReadMemory(srv.PID()); err == nil {
			b.rep.Server.StartRSS = mem.RSS
		}
		for i, s := range scenarios {
			for j, p := range s.pages {
				if err := check(ctx, srv, p); err != nil {
					srv.Stop()
					return err
				}
				t := harness.Target{Name: p.name, Kind: s.kind, Srv: srv, Path: p.path, Helpers: b.helpers}
				row, err := harness.Measure(ctx, t, load, stdout)
				if err != nil {
					srv.Stop()
					return err
				}
				fmt.Fprintf(stdout, "  %-28s %8s req/s  p50 %8s  p99 %8s  peak RSS %6.1f MB  datka %s cores, database %s, others %s\n",
					p.name, fmt.Sprintf("%.0f", row.RPS), harness.MS(row.P50), harness.MS(row.P99), float64(row.PeakRSS)/1e6,
					cores(row.ServerCPU), cores(row.HelperCPU), cores(row.OtherCPU))
				if b == lite {
					rep.Scenarios[i].Pages[j].SQLite = row
				} else {
					rep.Scenarios[i].Pages[j].Postgres = row
				}
			}
		}
		if mem, err := proc.ReadMemory(srv.PID()); err == nil {
			b.rep.Server.EndRSS, b.rep.Server.HWM = mem.RSS, mem.HWM
		}
		srv.Stop()
	}
	rep.SQLite, rep.Postgres = lite.rep, pg.rep
	rep.LoadAfter = harness.LoadAverage()

	fmt.Fprintln(stdout)
	if err := rep.Text(stdout); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(o.out), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(o.out, []byte(rep.Markdown()), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\nwrote %s\n", o.out)
	return nil
}

// seed writes the corpus into both databases at once: SQLite's writer and
// PostgreSQL's round trips leave each other room on two cores. It checks
// that both came out alike, and leaves PostgreSQL vacuumed, analysed and
// checkpointed, as autovacuum would within minutes, so that neither runs
// during the measurements.
func seed(ctx context.Context, items int, lite, pg *backend, admin *pgx.Conn, dbName string, stdout, stderr io.Writer) (corpus.Manifest, error) {
	harness.Step(stdout, fmt.Sprintf("writing the default site + %s news items × ru, ky, en into SQLite and PostgreSQL", harness.Group(items)))
	if err := os.MkdirAll(lite.data, 0o755); err != nil {
		return corpus.Manifest{}, err
	}
	if err := os.MkdirAll(pg.data, 0o755); err != nil {
		return corpus.Manifest{}, err
	}
	out := &lockedWriter{w: stderr}
	var wg sync.WaitGroup
	var liteM, pgM corpus.Manifest
	var liteErr, pgErr error
	wg.Go(func() {
		bar := harness.NewProgress(out, "SQLite", false)
		liteM, liteErr = corpus.Generate(ctx, corpus.Options{Dir: lite.data, Items: items, Seed: corpusSeed, Batch: 1000, Progress: bar.Update})
	})
	wg.Go(func() {
		bar := harness.NewProgress(out, "PostgreSQL", false)
		st, err := store.Open(ctx, pg.dbURL)
		if err != nil {
			pgErr = err
			return
		}
		defer st.Close()
		pgM, pgErr = corpus.Fill(ctx, st, corpus.Options{Items: items, Seed: corpusSeed, Batch: 1000, Progress: bar.Update})
	})
	wg.Wait()
	if err := errors.Join(liteErr, pgErr); err != nil {
		return corpus.Manifest{}, err
	}
	for _, c := range [][2]map[string]string{{liteM.NewsPaths, pgM.NewsPaths}, {liteM.ListPaths, pgM.ListPaths}, {liteM.SearchPaths, pgM.SearchPaths}} {
		if !maps.Equal(c[0], c[1]) {
			return corpus.Manifest{}, fmt.Errorf("the corpora differ: %v on SQLite, %v on PostgreSQL", c[0], c[1])
		}
	}
	start := time.Now()
	for _, q := range []string{`VACUUM (ANALYZE)`, `CHECKPOINT`} {
		if err := execOn(ctx, pg.dbURL, q); err != nil {
			return corpus.Manifest{}, err
		}
	}
	vacuum := time.Since(start).Seconds()
	lite.rep = report.Backend{Name: lite.name, SeedSeconds: liteM.Seconds,
		DBBytes: harness.FileSize(filepath.Join(lite.data, corpus.DBName)) + harness.FileSize(filepath.Join(lite.data, corpus.DBName+"-wal"))}
	pg.rep = report.Backend{Name: pg.name, SeedSeconds: pgM.Seconds}
	if err := admin.QueryRow(ctx, `SELECT pg_database_size($1)`, dbName).Scan(&pg.rep.DBBytes); err != nil {
		return corpus.Manifest{}, fmt.Errorf("PostgreSQL database size: %w", err)
	}
	fmt.Fprintf(stdout, "  SQLite: %.1f MB in %.1f s; PostgreSQL: %.1f MB in %.1f s, then VACUUM (ANALYZE) and CHECKPOINT in %.1f s\n",
		float64(lite.rep.DBBytes)/1e6, liteM.Seconds, float64(pg.rep.DBBytes)/1e6, pgM.Seconds, vacuum)
	return liteM, nil
}

// startServer starts datka on b's database and waits until it is ready.
func startServer(ctx context.Context, bin string, b *backend, env []string, tmp string) (*proc.Process, error) {
	port, err := proc.FreePort()
	if err != nil {
		return nil, err
	}
	addr := "127.0.0.1:" + strconv.Itoa(port)
	srv, err := proc.Start(ctx, proc.Spec{
		Name: "datka on " + b.name, Bin: bin, Env: env, Addr: addr,
		Args: []string{"serve", "--data", b.data, "--db", b.dbURL, "--addr", addr},
		Log:  filepath.Join(tmp, strings.ToLower(b.name)+".log"),
	})
	if err != nil {
		return nil, err
	}
	if err := srv.WaitReady(ctx, "/readyz", time.Minute); err != nil {
		srv.Stop()
		return nil, err
	}
	return srv, nil
}

// check makes sure p answers as it should before it is measured.
func check(ctx context.Context, srv *proc.Process, p page) error {
	body, _, err := harness.Get(ctx, srv.URL(p.path))
	if err != nil {
		return fmt.Errorf("%s on %s: %w", p.name, srv.Name, err)
	}
	if p.results != "" && !strings.Contains(string(body), p.results) {
		return fmt.Errorf("%s on %s: %s finds nothing", p.name, srv.Name, p.path)
	}
	return nil
}

// postgresSetup describes the PostgreSQL server for the report.
func postgresSetup(ctx context.Context, admin *pgx.Conn) ([]string, error) {
	var version string
	if err := admin.QueryRow(ctx, `SHOW server_version`).Scan(&version); err != nil {
		return nil, fmt.Errorf("PostgreSQL version: %w", err)
	}
	var settings []string
	for _, name := range []string{"shared_buffers", "work_mem", "effective_cache_size", "synchronous_commit", "jit"} {
		var v string
		if err := admin.QueryRow(ctx, `SELECT current_setting($1)`, name).Scan(&v); err != nil {
			return nil, fmt.Errorf("PostgreSQL setting %s: %w", name, err)
		}
		settings = append(settings, name+" "+v)
	}
	cfg := admin.Config()
	return []string{
		fmt.Sprintf("PostgreSQL %s at %s:%d, reached over TCP, with its settings as found (%s); datka's own pool size (no pool_max_conns).",
			strings.Fields(version)[0], cfg.Host, cfg.Port, strings.Join(settings, ", ")),
		"After seeding, PostgreSQL's database was vacuumed, analysed and checkpointed, as autovacuum would have done within minutes; " +
			"SQLite's was left as datka leaves it (no ANALYZE).",
	}, nil
}

// createDatabase makes a new database on the server admin is connected
// to, at server, and returns its URL, its name and a function that drops
// it.
func createDatabase(ctx context.Context, admin *pgx.Conn, server url.URL) (string, string, func() error, error) {
	b := make([]byte, 4)
	rand.Read(b)
	name := "datka_bench_" + hex.EncodeToString(b)
	if _, err := admin.Exec(ctx, `CREATE DATABASE `+name); err != nil {
		return "", "", nil, fmt.Errorf("create the PostgreSQL database %s: %w", name, err)
	}
	u := server
	u.Path, u.RawPath = "/"+name, ""
	drop := func() error {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := admin.Exec(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
			return fmt.Errorf("drop the PostgreSQL database %s: %w", name, err)
		}
		return nil
	}
	return u.String(), name, drop, nil
}

// backendPIDs lists the server processes connected to the database name.
func backendPIDs(ctx context.Context, admin *pgx.Conn, name string) ([]int, error) {
	rows, err := admin.Query(ctx, `SELECT pid FROM pg_stat_activity WHERE datname = $1`, name)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int])
}

// execOn runs one statement on the database at dbURL, on a connection
// of its own (VACUUM cannot run in the admin connection's database).
func execOn(ctx context.Context, dbURL, query string) error {
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, query); err != nil {
		return fmt.Errorf("%s: %w", query, err)
	}
	return nil
}

// lockedWriter lets the two seeding goroutines write progress lines
// without mixing them.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func cores(v float64) string {
	if v < 0 {
		return "?"
	}
	return fmt.Sprintf("%.2f", v)
}

// redact hides the password in a database URL.
func redact(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(a URL that cannot be read)"
	}
	return u.Redacted()
}

// redactArgs is args with the password of --postgres hidden, for the
// report.
func redactArgs(args []string) []string {
	out := slices.Clone(args)
	for i, a := range out {
		switch {
		case strings.HasPrefix(a, "--postgres=") || strings.HasPrefix(a, "-postgres="):
			k, v, _ := strings.Cut(a, "=")
			out[i] = k + "=" + redact(v)
		case (a == "--postgres" || a == "-postgres") && i+1 < len(out):
			out[i+1] = redact(out[i+1])
		}
	}
	return out
}
