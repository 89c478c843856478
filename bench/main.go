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
	"os/exec"
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
	"github.com/datka-cms/datka/bench/internal/proc"
	"github.com/datka-cms/datka/bench/internal/report"
	"github.com/datka-cms/datka/bench/internal/wrk"
)

// corpusSeed fixes the generated text, so that runs compare.
const corpusSeed = 3

// modulePath is datka's module; bench builds it from its own checkout.
const modulePath = "github.com/datka-cms/datka"

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

// target is one URL measured on one server.
type target struct {
	name string
	kind report.Kind
	srv  *proc.Process
	path string
}

func bench(ctx context.Context, o options, args []string, stdout, stderr io.Writer) (err error) {
	wrkBin, err := wrk.Find()
	if err != nil {
		return err
	}
	root, err := moduleRoot(ctx)
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

	step(stdout, "building datka and the ceiling server")
	datkaBin, ceilingBin := filepath.Join(tmp, "datka"), filepath.Join(tmp, "ceiling")
	if err := goBuild(ctx, root, datkaBin, "./cmd/datka"); err != nil {
		return err
	}
	if err := goBuild(ctx, root, ceilingBin, "./bench/ceiling"); err != nil {
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
	dbBytes := fileSize(filepath.Join(data, corpus.DBName)) + fileSize(filepath.Join(data, corpus.DBName+"-wal"))

	step(stdout, "starting the servers on 127.0.0.1")
	env := datkaEnv()
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
	homeBody, _, err := get(ctx, cached.URL("/ru/"))
	if err != nil {
		return fmt.Errorf("home page: %w", err)
	}
	govPath, err := governmentBody(homeBody)
	if err != nil {
		return err
	}
	page, header, err := get(ctx, cached.URL(newsPath))
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

	targets := []target{
		{"home page", report.Cached, cached, "/ru/"},
		{"news item", report.Cached, cached, newsPath},
		{"government body", report.Cached, cached, govPath},
		{"news item", report.Uncached, uncached, newsPath},
		{"ceiling", report.Ceiling, ceiling, "/"},
	}
	step(stdout, fmt.Sprintf("measuring %d targets: wrk -t%d -c%d, %s warm-up + %s each",
		len(targets), o.threads, o.connections, o.warmup, o.duration))
	rep := &report.Report{
		Date:        time.Now(),
		Command:     strings.TrimSpace("go run ./bench " + strings.Join(args, " ")),
		Machine:     machine(),
		GoVersion:   runtime.Version(),
		Commit:      commit(ctx, root),
		Threads:     o.threads,
		Connections: o.connections,
		Duration:    o.duration,
		Warmup:      o.warmup,
		LoadBefore:  loadAverage(),
		Corpus: report.Corpus{Items: m.Items, Langs: len(corpus.Langs), DBBytes: dbBytes,
			Seconds: m.Seconds, Reused: reused, NewsPath: newsPath},
	}
	for _, t := range targets {
		var row report.Row
		var peak int64 // memory counts from every attempt
		for try := 0; ; try++ {
			r, err := measure(ctx, t, o, wrkBin)
			if err != nil {
				return err
			}
			peak = max(peak, r.PeakRSS)
			if try == 0 || r.OtherCPU < row.OtherCPU {
				row = r
			}
			if r.OtherCPU <= report.Disturbed || try == o.retries {
				break
			}
			fmt.Fprintf(stdout, "  %-34s other processes used %.2f cores; measuring again\n", t.name+" ("+t.srv.Name+")", r.OtherCPU)
		}
		row.PeakRSS = peak
		fmt.Fprintf(stdout, "  %-34s %9s req/s  p50 %8s  p99 %8s  %7d bytes  peak RSS %6.1f MB\n",
			t.name+" ("+t.srv.Name+")", fmt.Sprintf("%.0f", row.RPS), ms(row.P50), ms(row.P99), row.Bytes, float64(row.PeakRSS)/1e6)
		rep.Rows = append(rep.Rows, row)
	}
	rep.LoadAfter = loadAverage()
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

// measure checks that t answers 200, then loads it with wrk: a warm-up,
// then the measured run, sampling the server's memory throughout.
func measure(ctx context.Context, t target, o options, wrkBin string) (report.Row, error) {
	url := t.srv.URL(t.path)
	body, _, err := get(ctx, url)
	if err != nil {
		return report.Row{}, fmt.Errorf("%s: %w", t.name, err)
	}
	sampler := proc.Sample(t.srv.PID(), 100*time.Millisecond)
	w := wrk.Options{Bin: wrkBin, URL: url, Threads: o.threads, Connections: o.connections}
	if o.warmup > 0 {
		w.Duration = o.warmup
		if _, out, err := wrk.Run(ctx, w); err != nil {
			sampler.Stop()
			return report.Row{}, fmt.Errorf("%s: warm-up: %w\n%s", t.name, err, out)
		}
	}
	w.Duration = o.duration
	cpu0 := cpuTimes(t.srv.PID())
	start := time.Now()
	res, out, err := wrk.Run(ctx, w)
	elapsed := time.Since(start)
	cpu1 := cpuTimes(t.srv.PID())
	mem, memErr := sampler.Stop()
	if err != nil {
		return report.Row{}, fmt.Errorf("%s: %w\n%s", t.name, err, out)
	}
	if t.srv.Exited() {
		return report.Row{}, fmt.Errorf("%s: the server died during the run:\n%s", t.name, t.srv.LogTail(20))
	}
	if memErr != nil && mem.RSS == 0 {
		return report.Row{}, fmt.Errorf("%s: %w", t.name, memErr)
	}
	return report.Row{
		Name: t.name, Kind: t.kind, Path: t.path,
		RPS: res.RPS, P50: res.Percentiles[50], P99: res.Percentiles[99],
		Bytes: len(body), PeakRSS: mem.RSS, HWM: mem.HWM,
		Errors:   res.Non2xx3xx + res.Socket.Total(),
		OtherCPU: otherCPU(cpu0, cpu1, res.CPU, elapsed),
	}, nil
}

// cpuSnapshot is the CPU time used so far by the whole machine, by a
// server and by the benchmark itself.
type cpuSnapshot struct {
	busy, server, self time.Duration
	ok                 bool
}

func cpuTimes(pid int) cpuSnapshot {
	var s cpuSnapshot
	var err1, err2, err3 error
	s.busy, err1 = proc.BusyTime()
	s.server, err2 = proc.CPUTime(pid)
	s.self, err3 = proc.CPUTime(os.Getpid())
	s.ok = err1 == nil && err2 == nil && err3 == nil
	return s
}

// otherCPU is how many cores other processes kept busy between a and b,
// beside the server, wrk (which used wrkCPU) and the benchmark; -1 when
// not known.
func otherCPU(a, b cpuSnapshot, wrkCPU, elapsed time.Duration) float64 {
	if !a.ok || !b.ok || elapsed <= 0 {
		return -1
	}
	other := (b.busy - a.busy) - (b.server - a.server) - (b.self - a.self) - wrkCPU
	return max(0, other.Seconds()/elapsed.Seconds())
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
		step(stdout, fmt.Sprintf("reusing the corpus in %s (%s news items per language)", dir, group(items)))
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
	step(stdout, fmt.Sprintf("generating the corpus in %s: the default site + %s news items × ru, ky, en",
		dir, group(items)))
	bar := newProgress(stderr, "news items")
	m, err = corpus.Generate(ctx, corpus.Options{Dir: dir, Items: items, Seed: corpusSeed, Batch: 1000, Progress: bar.update})
	if err != nil {
		bar.abort()
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(db + suffix) // a half-made corpus must not be reused
		}
		return m, false, err
	}
	size := fileSize(db) + fileSize(db+"-wal")
	fmt.Fprintf(stdout, "  %s news items (%s texts) + the default site, %.1f MB of database, in %.1f s\n",
		group(items), group(items*len(corpus.Langs)), float64(size)/1e6, m.Seconds)
	return m, false, nil
}

// progress shows how far generation is: a bar redrawn in place on a
// terminal, a line every 10 % elsewhere.
type progress struct {
	w     io.Writer
	label string
	tty   bool
	start time.Time
	last  int // percent last printed
}

func newProgress(w io.Writer, label string) *progress {
	tty := false
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			tty = true
		}
	}
	return &progress{w: w, label: label, tty: tty, start: time.Now(), last: -1}
}

func (p *progress) update(done, total int) {
	pct := done * 100 / total
	elapsed := time.Since(p.start).Round(100 * time.Millisecond)
	if p.tty {
		const width = 30
		fill := done * width / total
		fmt.Fprintf(p.w, "\r  %s [%s%s] %s/%s %3d%% %s ", p.label,
			strings.Repeat("#", fill), strings.Repeat(".", width-fill), group(done), group(total), pct, elapsed)
		if done == total {
			fmt.Fprintln(p.w)
		}
		return
	}
	if pct/10 > p.last/10 || done == total {
		p.last = pct
		fmt.Fprintf(p.w, "  %s: %s/%s (%d%%) after %s\n", p.label, group(done), group(total), pct, elapsed)
	}
}

func (p *progress) abort() {
	if p.tty {
		fmt.Fprintln(p.w)
	}
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

// get fetches url as wrk will: no compression, no cookies, no redirects
// followed; anything but 200 is an error.
func get(ctx context.Context, url string) ([]byte, http.Header, error) {
	client := &http.Client{
		Timeout:       10 * time.Second,
		Transport:     &http.Transport{DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return body, resp.Header, nil
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

// datkaEnv is the servers' environment: the benchmark's own, without any
// DATKA_ setting that would change what is measured, and quiet logs.
func datkaEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DATKA_") {
			env = append(env, kv)
		}
	}
	return append(env, "DATKA_LOG_LEVEL=warn")
}

// moduleRoot is the folder of datka's go.mod, which bench builds from.
func moduleRoot(ctx context.Context) (string, error) {
	out, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	data, err := os.ReadFile(gomod)
	if gomod == "" || gomod == os.DevNull || err != nil || !bytes.HasPrefix(data, []byte("module "+modulePath+"\n")) {
		return "", fmt.Errorf("run bench from datka's checkout (go run ./bench); found module file %q", gomod)
	}
	return filepath.Dir(gomod), nil
}

func goBuild(ctx context.Context, root, out, pkg string) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, pkg)
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s: %w\n%s", pkg, err, b)
	}
	return nil
}

// machine names the CPU and the number of cores.
func machine() string {
	cpu := runtime.GOARCH
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		if m := regexp.MustCompile(`(?m)^model name\s*:\s*(.+)$`).FindSubmatch(data); m != nil {
			cpu = strings.Join(strings.Fields(string(m[1])), " ")
		}
	}
	return fmt.Sprintf("%s, %d cores", cpu, runtime.NumCPU())
}

// commit is datka's revision, marked when the tree has changes.
func commit(ctx context.Context, root string) string {
	out, err := exec.CommandContext(ctx, "git", "-C", root, "describe", "--always", "--dirty=+changes").Output()
	if err != nil {
		return "(not a git checkout)"
	}
	return strings.TrimSpace(string(out))
}

// loadAverage is the machine's 1-minute load average, or "" off Linux.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

func step(w io.Writer, s string) { fmt.Fprintln(w, "==", s) }

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond)) }

// group writes n with thousands separators.
func group(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
