// Command bench measures datka under load with one command:
//
//	go run ./bench
//
// It generates a realistic corpus (the default site plus 10,000 news-like
// items in each of Russian, Kyrgyz and English) into a fresh data folder,
// builds datka, starts it twice on that folder (with its rendered-page
// cache, and with --page-cache-mb 0) together with bench/ceiling, a
// minimal Go server that answers with the same page from memory, and
// loads each with wrk from 127.0.0.1. It prints a table of requests per
// second, latency percentiles, page sizes and peak memory, checks them
// against the targets of issue 3, and writes the table as Markdown with an
// SVG chart to bench/results/.
//
// Every server is a child process stopped at the end, on error and on
// Ctrl+C; every load run is bounded in time; nothing but 127.0.0.1 is
// ever a target.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/datka-cms/datka/bench/internal/corpus"
	"github.com/datka-cms/datka/bench/internal/harness"
	"github.com/datka-cms/datka/bench/internal/proc"
	"github.com/datka-cms/datka/bench/internal/report"
	"github.com/datka-cms/datka/bench/internal/wrk"
)

// corpusSeed fixes the generated text, so that runs compare.
const corpusSeed = 3

type options struct {
	items       int
	duration    time.Duration
	warmup      time.Duration
	connections int
	threads     int
	data        string
	out         string
	keep        bool
	retries     int
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&o.items, "items", 10000, "news items per language (ru, ky, en)")
	fs.DurationVar(&o.duration, "duration", 10*time.Second, "how long wrk loads each target")
	fs.DurationVar(&o.warmup, "warmup", 2*time.Second, "unmeasured load before each target's run")
	fs.IntVar(&o.connections, "connections", 64, "wrk's open connections")
	fs.IntVar(&o.threads, "threads", 2, "wrk's threads")
	fs.StringVar(&o.data, "data", "", "data `folder` for the corpus: reused if it holds one made with the same --items, else generated (default: a temporary folder)")
	fs.StringVar(&o.out, "out", "", "`folder` for RESULT-<date>.md and .svg (default: bench/results in the checkout)")
	fs.BoolVar(&o.keep, "keep", false, "keep the temporary folder (corpus, binaries, server logs)")
	fs.IntVar(&o.retries, "retries", 2, "measure a target again, up to this many times, when other processes used more than 0.1 core during its run; the least disturbed run counts")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: go run ./bench [options]\n\nGenerates a corpus, serves it with datka and a minimal Go server, loads both with wrk and reports.\n\n")
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
		fmt.Fprintf(stderr, "bench: unexpected arguments %q\n", fs.Args())
		return 2
	case o.items < 1 || o.connections < 1 || o.threads < 1 || o.threads > o.connections || o.retries < 0 || o.retries > 5:
		fmt.Fprintln(stderr, "bench: --items, --connections and --threads must be positive, with no more threads than connections; --retries 0 to 5")
		return 2
	case o.duration < time.Second || o.duration > 10*time.Minute || o.warmup < 0 || o.warmup > time.Minute:
		fmt.Fprintln(stderr, "bench: --duration must be between 1s and 10m, --warmup at most 1m")
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := bench(ctx, o, args, stdout, stderr); err != nil {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "bench: interrupted; servers stopped")
			return 130
		}
		fmt.Fprintln(stderr, "bench:", err)
		return 1
	}
	return 0
}

func bench(ctx context.Context, o options, args []string, stdout, stderr io.Writer) (err error) {
	wrkBin, err := wrk.Find()
	if err != nil {
		return err
	}
	root, err := harness.ModuleRoot(ctx)
	if err != nil {
		return err
	}
	if o.out == "" {
		o.out = filepath.Join(root, "bench", "results")
	}
	tmp, err := os.MkdirTemp("", "datka-bench-")
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

	harness.Step(stdout, "building datka and the ceiling server")
	datkaBin, ceilingBin := filepath.Join(tmp, "datka"), filepath.Join(tmp, "ceiling")
	if err := harness.Build(ctx, root, datkaBin, "./cmd/datka"); err != nil {
		return err
	}
	if err := harness.Build(ctx, root, ceilingBin, "./bench/ceiling"); err != nil {
		return err
	}

	data := o.data
	if data == "" {
		data = filepath.Join(tmp, "data")
	}
	m, reused, err := prepareCorpus(ctx, data, o.items, stdout, stderr)
	if err != nil {
		return err
	}
	dbBytes := harness.FileSize(filepath.Join(data, corpus.DBName)) + harness.FileSize(filepath.Join(data, corpus.DBName+"-wal"))

	harness.Step(stdout, "starting the servers on 127.0.0.1")
	env := harness.ServerEnv()
	start := func(name, bin, log string, args func(addr string) []string) (*proc.Process, error) {
		port, err := proc.FreePort()
		if err != nil {
			return nil, err
		}
		addr := "127.0.0.1:" + strconv.Itoa(port)
		return proc.Start(ctx, proc.Spec{Name: name, Bin: bin, Args: args(addr), Env: env, Log: filepath.Join(tmp, log), Addr: addr})
	}
	cached, err := start("datka", datkaBin, "datka.log", func(addr string) []string {
		return []string{"serve", "--data", data, "--addr", addr}
	})
	if err != nil {
		return err
	}
	defer cached.Stop()
	if err := cached.WaitReady(ctx, "/readyz", time.Minute); err != nil {
		return err
	}
	// Started after the first is ready, so that the two never run
	// migrations on the database at once.
	uncached, err := start("datka --page-cache-mb 0", datkaBin, "datka-nocache.log", func(addr string) []string {
		return []string{"serve", "--data", data, "--addr", addr, "--page-cache-mb", "0"}
	})
	if err != nil {
		return err
	}
	defer uncached.Stop()
	if err := uncached.WaitReady(ctx, "/readyz", time.Minute); err != nil {
		return err
	}

	var servers []report.Server
	for _, p := range []*proc.Process{cached, uncached} {
		mem, err := proc.ReadMemory(p.PID())
		if err != nil {
			return err
		}
		servers = append(servers, report.Server{Name: p.Name, StartRSS: mem.RSS})
	}

	newsPath := m.NewsPaths["ru"]
	homeBody, _, err := harness.Get(ctx, cached.URL("/ru/"))
	if err != nil {
		return fmt.Errorf("home page: %w", err)
	}
	govPath, err := governmentBody(homeBody)
	if err != nil {
		return err
	}
	page, header, err := harness.Get(ctx, cached.URL(newsPath))
	if err != nil {
		return fmt.Errorf("news item: %w", err)
	}
	bodyFile, headerFile := filepath.Join(tmp, "page.html"), filepath.Join(tmp, "page.headers")
	if err := os.WriteFile(bodyFile, page, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(headerFile, headerLines(header), 0o644); err != nil {
		return err
	}
	ceiling, err := start("ceiling", ceilingBin, "ceiling.log", func(addr string) []string {
		return []string{"-addr", addr, "-body", bodyFile, "-headers", headerFile}
	})
	if err != nil {
		return err
	}
	defer ceiling.Stop()
	if err := ceiling.WaitReady(ctx, "/", 30*time.Second); err != nil {
		return err
	}
	if mem, err := proc.ReadMemory(ceiling.PID()); err == nil {
		servers = append(servers, report.Server{Name: ceiling.Name, StartRSS: mem.RSS})
	}

	targets := []harness.Target{
		{Name: "home page", Kind: report.Cached, Srv: cached, Path: "/ru/"},
		{Name: "news item", Kind: report.Cached, Srv: cached, Path: newsPath},
		{Name: "government body", Kind: report.Cached, Srv: cached, Path: govPath},
		{Name: "news item", Kind: report.Uncached, Srv: uncached, Path: newsPath},
		{Name: "ceiling", Kind: report.Ceiling, Srv: ceiling, Path: "/"},
	}
	harness.Step(stdout, fmt.Sprintf("measuring %d targets: wrk -t%d -c%d, %s warm-up + %s each",
		len(targets), o.threads, o.connections, o.warmup, o.duration))
	rep := &report.Report{
		Date:        time.Now(),
		Command:     strings.TrimSpace("go run ./bench " + strings.Join(args, " ")),
		Machine:     harness.Machine(),
		GoVersion:   runtime.Version(),
		Commit:      harness.Commit(ctx, root),
		Threads:     o.threads,
		Connections: o.connections,
		Duration:    o.duration,
		Warmup:      o.warmup,
		LoadBefore:  harness.LoadAverage(),
		Corpus: report.Corpus{Items: m.Items, Langs: len(corpus.Langs), DBBytes: dbBytes,
			Seconds: m.Seconds, Reused: reused, NewsPath: newsPath},
	}
	load := harness.Load{Bin: wrkBin, Threads: o.threads, Connections: o.connections,
		Warmup: o.warmup, Duration: o.duration, Retries: o.retries}
	for _, t := range targets {
		row, err := harness.Measure(ctx, t, load, stdout)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "  %-34s %9s req/s  p50 %8s  p99 %8s  %7d bytes  peak RSS %6.1f MB\n",
			t.Label(), fmt.Sprintf("%.0f", row.RPS), harness.MS(row.P50), harness.MS(row.P99), row.Bytes, float64(row.PeakRSS)/1e6)
		rep.Rows = append(rep.Rows, row)
	}
	rep.LoadAfter = harness.LoadAverage()
	for i, p := range []*proc.Process{cached, uncached, ceiling} {
		if mem, err := proc.ReadMemory(p.PID()); err == nil && i < len(servers) {
			servers[i].EndRSS, servers[i].HWM = mem.RSS, mem.HWM
		}
	}
	rep.Servers = servers
	ceiling.Stop()
	uncached.Stop()
	cached.Stop()

	fmt.Fprintln(stdout)
	if err := rep.Text(stdout); err != nil {
		return err
	}
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return err
	}
	name := "RESULT-" + rep.Date.Format("2006-01-02")
	mdPath, svgPath := filepath.Join(o.out, name+".md"), filepath.Join(o.out, name+".svg")
	if err := os.WriteFile(svgPath, []byte(rep.SVG()), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(mdPath, []byte(rep.Markdown(name+".svg")), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\nwrote %s\n  and %s\n", mdPath, svgPath)
	return nil
}

// prepareCorpus reuses the corpus in dir when it was made with the same
// options, and generates one when dir holds no database.
func prepareCorpus(ctx context.Context, dir string, items int, stdout, stderr io.Writer) (corpus.Manifest, bool, error) {
	m, ok, err := corpus.Load(dir)
	if err != nil {
		return m, false, err
	}
	db := filepath.Join(dir, corpus.DBName)
	_, statErr := os.Stat(db)
	exists := statErr == nil
	switch {
	case ok && exists && m.Version == corpus.Version && m.Items == items && m.Seed == corpusSeed:
		harness.Step(stdout, fmt.Sprintf("reusing the corpus in %s (%s news items per language)", dir, harness.Group(items)))
		return m, true, nil
	case ok && exists:
		return m, false, fmt.Errorf("%s holds a corpus of %d items per language (generator %d); use --items %d, or another --data folder",
			dir, m.Items, m.Version, m.Items)
	case exists:
		return m, false, fmt.Errorf("%s holds a datka database that bench did not make; give --data an empty or new folder", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return m, false, err
	}
	harness.Step(stdout, fmt.Sprintf("generating the corpus in %s: the default site + %s news items × ru, ky, en",
		dir, harness.Group(items)))
	bar := harness.NewProgress(stderr, "news items", harness.IsTerminal(stderr))
	m, err = corpus.Generate(ctx, corpus.Options{Dir: dir, Items: items, Seed: corpusSeed, Batch: 1000, Progress: bar.Update})
	if err != nil {
		bar.Abort()
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(db + suffix) // a half-made corpus must not be reused
		}
		return m, false, err
	}
	size := harness.FileSize(db) + harness.FileSize(db+"-wal")
	fmt.Fprintf(stdout, "  %s news items (%s texts) + the default site, %.1f MB of database, in %.1f s\n",
		harness.Group(items), harness.Group(items*len(corpus.Langs)), float64(size)/1e6, m.Seconds)
	return m, false, nil
}

// governmentBody finds, among the home page's links, the page of a
// government body: the links under the government section's own link,
// preferring the Ministry of Education and Science.
func governmentBody(home []byte) (string, error) {
	list := regexp.MustCompile(`id="gov-h"><a href="(/[^"]+)"`).FindSubmatch(home)
	if list == nil {
		return "", errors.New("the home page has no government section (id=\"gov-h\")")
	}
	prefix := string(list[1]) + "/"
	var found []string
	for _, m := range regexp.MustCompile(`href="(/[^"]+)"`).FindAllSubmatch(home, -1) {
		if href := string(m[1]); strings.HasPrefix(href, prefix) && !slices.Contains(found, href) {
			found = append(found, href)
		}
	}
	if len(found) == 0 {
		return "", fmt.Errorf("the home page links to no government body under %s", prefix)
	}
	for _, f := range found {
		if strings.Contains(f, "obrazovaniya") {
			return f, nil
		}
	}
	return found[0], nil
}

// headerLines writes a response's headers for the ceiling server, less
// those net/http sets itself.
func headerLines(h http.Header) []byte {
	var b bytes.Buffer
	for _, k := range slices.Sorted(maps.Keys(h)) {
		if k == "Date" || k == "Content-Length" {
			continue
		}
		for _, v := range h[k] {
			fmt.Fprintf(&b, "%s: %s\n", k, v)
		}
	}
	return b.Bytes()
}
