// Command export times datka's static export against Hugo building the
// same content, on the same machine, in the same run:
//
//	go run ./bench/export
//
// It generates the benchmark corpus (go run ./bench's: the default site
// plus --items news items in Russian, Kyrgyz and English), or reuses one
// with --data; writes the same pages and news items as a multilingual
// Hugo project with a small theme (hugo.go); builds datka; and then runs,
// as external commands, --runs times each, taking turns: `datka export`
// and `hugo` into an empty folder; both again with nothing changed; both
// again after one item (datka) or Markdown file (Hugo) changed. For each
// it records wall time, user+system CPU and peak resident memory from the
// process's own accounting (wait4), and reports the median, with the files and bytes each output holds, in
// bench/results/EXPORT-<date>.md.
//
// Writing the Hugo project is not timed, as datka's database is not:
// each tool starts from its own source of the same content.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/datka-cms/datka/bench/internal/corpus"
	"github.com/datka-cms/datka/bench/internal/harness"
	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/store"
)

// corpusSeed is go run ./bench's, so that the corpora are the same.
const corpusSeed = 3

// baseURL is the address both sites are built for.
const baseURL = "https://example.org/"

type options struct {
	items int
	runs  int
	data  string
	hugo  string
	out   string
	keep  bool
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := flag.NewFlagSet("bench/export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&o.items, "items", 10000, "news items per language (ru, ky, en)")
	fs.IntVar(&o.runs, "runs", 3, "times each build is measured; the median counts")
	fs.StringVar(&o.data, "data", "", "reuse the corpus in this data `folder` (made by an earlier run with --keep, or by go run ./bench); it is copied, not changed")
	fs.StringVar(&o.hugo, "hugo", "hugo", "the Hugo `binary`")
	fs.StringVar(&o.out, "out", "", "`file` for the Markdown report (default: bench/results/EXPORT-<date>.md in the checkout)")
	fs.BoolVar(&o.keep, "keep", false, "keep the temporary folder (corpus, Hugo project, both outputs, logs)")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: go run ./bench/export [options]\n\nTimes datka export against Hugo building the same content.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 || o.items < 1 || o.runs < 1 || o.runs > 20 {
		fmt.Fprintln(stderr, "bench/export: no arguments; --items positive; --runs 1 to 20")
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := bench(ctx, o, args, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, "bench/export:", err)
		return 1
	}
	return 0
}

func bench(ctx context.Context, o options, args []string, stdout, stderr io.Writer) error {
	root, err := harness.ModuleRoot(ctx)
	if err != nil {
		return err
	}
	hugoBin, err := exec.LookPath(o.hugo)
	if err != nil {
		return fmt.Errorf("no Hugo (apt-get install hugo): %w", err)
	}
	hugoVersion, err := exec.CommandContext(ctx, hugoBin, "version").Output()
	if err != nil {
		return fmt.Errorf("hugo version: %w", err)
	}
	tmp, err := os.MkdirTemp("", "datka-bench-export-")
	if err != nil {
		return err
	}
	if o.keep {
		fmt.Fprintln(stderr, "keeping", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	r := result{Date: time.Now().UTC(), Command: strings.Join(append([]string{"go run ./bench/export"}, args...), " "),
		Machine: harness.Machine(), GoVersion: runtime.Version(), Commit: harness.Commit(ctx, root),
		Hugo: strings.TrimSpace(string(hugoVersion)), Items: o.items, Runs: o.runs, Load: harness.LoadAverage()}

	harness.Step(stderr, "corpus")
	data := filepath.Join(tmp, "data")
	if err := os.Mkdir(data, 0o755); err != nil {
		return err
	}
	var m corpus.Manifest
	if o.data != "" {
		var ok bool
		m, ok, err = corpus.Load(o.data)
		switch {
		case err != nil:
			return err
		case !ok || m.Version != corpus.Version || m.Items != o.items || m.Seed != corpusSeed:
			return fmt.Errorf("%s holds no corpus of version %d with %d items and seed %d", o.data, corpus.Version, o.items, corpusSeed)
		}
		for _, name := range []string{corpus.DBName, corpus.DBName + "-wal"} {
			if err := copyFile(filepath.Join(o.data, name), filepath.Join(data, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
		r.CorpusReused = true
	} else {
		p := harness.NewProgress(stderr, "items", harness.IsTerminal(stderr))
		m, err = corpus.Generate(ctx, corpus.Options{Dir: data, Items: o.items, Seed: corpusSeed, Progress: p.Update})
		if err != nil {
			return err
		}
	}
	r.CorpusSeconds = m.Seconds

	harness.Step(stderr, "the Hugo project")
	site := filepath.Join(tmp, "hugo")
	st, err := store.OpenSQLite(ctx, filepath.Join(data, corpus.DBName))
	if err != nil {
		return err
	}
	defer st.Close()
	r.HugoSite, err = writeHugoSite(ctx, st, site, baseURL, m.ListPaths)
	if err != nil {
		return err
	}
	if err := st.Close(); err != nil {
		return err
	}

	harness.Step(stderr, "building datka")
	bin := filepath.Join(tmp, "datka")
	if err := harness.Build(ctx, root, bin, "./cmd/datka"); err != nil {
		return err
	}

	datkaOut, hugoOut := filepath.Join(tmp, "out-datka"), filepath.Join(tmp, "out-hugo")
	datka := func(ctx context.Context) (sample, error) {
		return measure(ctx, filepath.Join(tmp, "datka.log"), bin, "export", "--data", data, "--out", datkaOut, "--base-url", strings.TrimSuffix(baseURL, "/"))
	}
	hugo := func(ctx context.Context) (sample, error) {
		return measure(ctx, filepath.Join(tmp, "hugo.log"), hugoBin, "--source", site, "--destination", hugoOut, "--cleanDestinationDir", "--quiet")
	}
	empty := func(dir string) func(context.Context, int) error {
		return func(context.Context, int) error { return os.RemoveAll(dir) }
	}
	nothing := func(context.Context, int) error { return nil }
	changeDatka := func(ctx context.Context, n int) error { return changeItem(ctx, data, m.NewsPaths["ru"], n) }
	changeHugo := func(ctx context.Context, n int) error { return changeMarkdown(site, m.NewsPaths["ru"], n) }
	type tool struct {
		name    string
		prepare func(context.Context, int) error
		build   func(context.Context) (sample, error)
	}
	scenarios := []struct {
		name        string
		datka, hugo tool
	}{
		{"into an empty folder", tool{"datka", empty(datkaOut), datka}, tool{"hugo", empty(hugoOut), hugo}},
		{"again, nothing changed", tool{"datka", nothing, datka}, tool{"hugo", nothing, hugo}},
		{"again, one item changed", tool{"datka", changeDatka, datka}, tool{"hugo", changeHugo, hugo}},
	}
	// The two tools take turns, run by run, and the disk is synced before
	// each build: this machine's file system is not equally fast from one
	// minute to the next, and neither tool should pay for the other's (or
	// its own previous) writes.
	rows := map[string]*row{}
	for _, sc := range scenarios {
		for i := range o.runs {
			for _, t := range []tool{sc.datka, sc.hugo} {
				harness.Step(stderr, fmt.Sprintf("%s %s (run %d)", t.name, sc.name, i+1))
				if err := t.prepare(ctx, i); err != nil {
					return err
				}
				syscall.Sync()
				sm, err := t.build(ctx)
				if err != nil {
					return err
				}
				fmt.Fprintf(stderr, "  %.2fs wall, %.2fs CPU, %s peak\n", sm.Wall.Seconds(), sm.CPU.Seconds(), mb(sm.RSS))
				key := t.name + "\x00" + sc.name
				if rows[key] == nil {
					rows[key] = &row{Tool: t.name, Scenario: sc.name}
				}
				rows[key].Samples = append(rows[key].Samples, sm)
			}
		}
	}
	for _, name := range []string{"datka", "hugo"} {
		for _, sc := range scenarios {
			r.Rows = append(r.Rows, *rows[name+"\x00"+sc.name])
		}
	}
	if r.Datka, err = countFiles(datkaOut); err != nil {
		return err
	}
	if r.HugoOut, err = countFiles(hugoOut); err != nil {
		return err
	}
	r.LoadAfter = harness.LoadAverage()

	md := r.markdown()
	fmt.Fprint(stdout, md)
	out := o.out
	if out == "" {
		out = filepath.Join(root, "bench", "results", "EXPORT-"+r.Date.Format("2006-01-02")+".md")
	}
	if err := os.WriteFile(out, []byte(md), 0o644); err != nil {
		return err
	}
	fmt.Fprintln(stderr, "wrote", out)
	return nil
}

// sample is one measured build.
type sample struct {
	Wall, CPU time.Duration // CPU: user + system
	RSS       int64         // peak resident memory, bytes
}

// measure runs bin with args, its output into the file log, and returns
// what it cost by the kernel's account of the child.
func measure(ctx context.Context, log, bin string, args ...string) (sample, error) {
	f, err := os.OpenFile(log, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return sample{}, err
	}
	defer f.Close()
	fmt.Fprintf(f, "\n$ %s %s\n", filepath.Base(bin), strings.Join(args, " "))
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = harness.ServerEnv()
	cmd.Stdout, cmd.Stderr = f, f
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, fmt.Errorf("%s %s: %w (see %s)", filepath.Base(bin), args[0], err, log)
	}
	ps := cmd.ProcessState
	s := sample{Wall: wall, CPU: ps.UserTime() + ps.SystemTime()}
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		s.RSS = ru.Maxrss << 10 // kilobytes on Linux
	}
	return s, nil
}

// changeItem changes the Russian title of the news item at path (its
// site path, /ru/novosti/SLUG), so that an export has one item, and the
// lists and feeds that show it, to write again.
func changeItem(ctx context.Context, data, path string, n int) error {
	st, err := store.OpenSQLite(ctx, filepath.Join(data, corpus.DBName))
	if err != nil {
		return err
	}
	defer st.Close()
	e, err := st.EntryBySlug(ctx, content.EntryNews, "ru", path[strings.LastIndexByte(path, '/')+1:])
	if err != nil {
		return fmt.Errorf("the item to change, %s: %w", path, err)
	}
	users, err := st.Users(ctx)
	if err != nil || len(users) == 0 {
		return fmt.Errorf("no user to change an item as: %v", err)
	}
	t := e.Texts["ru"]
	t.Title = changedTitle(t.Title, n)
	d := content.Draft{GroupID: e.ID, Lang: "ru", Status: content.StatusDraft, Fields: content.EntryFields(content.EntryNews, t)}
	if _, err := st.SaveAndPublish(ctx, d, users[0]); err != nil {
		return err
	}
	return st.Close()
}

// changeMarkdown makes the same change to the Hugo project's file of the
// item.
func changeMarkdown(site, path string, n int) error {
	name := filepath.Join(site, "content", filepath.FromSlash(strings.TrimPrefix(path, "/"))+".md")
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	head, rest, ok := strings.Cut(string(data), "\ntitle = ")
	line, rest, ok2 := strings.Cut(rest, "\n")
	if !ok || !ok2 {
		return fmt.Errorf("%s: no title", name)
	}
	title, err := unquoteTOML(line)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	text := head + "\ntitle = " + tomlString(changedTitle(title, n)) + "\n" + rest
	return os.WriteFile(name, []byte(text), 0o644)
}

// changedTitle is title marked with the run's number, replacing an earlier
// mark.
func changedTitle(title string, n int) string {
	title, _, _ = strings.Cut(title, " (changed ")
	return fmt.Sprintf("%s (changed %d)", title, n+1)
}

// unquoteTOML reverses tomlString for the strings it writes.
func unquoteTOML(s string) (string, error) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", fmt.Errorf("not a basic string: %q", s)
	}
	var b strings.Builder
	for i := 1; i < len(s)-1; i++ {
		c := s[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'u':
			var r rune
			if _, err := fmt.Sscanf(s[i+1:i+5], "%04X", &r); err != nil {
				return "", err
			}
			b.WriteRune(r)
			i += 4
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String(), nil
}

// files counts an output folder.
type files struct {
	Files, HTML int
	Bytes       int64
	ByKind      map[string]int // files by extension
}

func countFiles(dir string) (files, error) {
	f := files{ByKind: map[string]int{}}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		f.Files++
		f.Bytes += info.Size()
		ext := strings.ToLower(filepath.Ext(path))
		if ext == "" {
			ext = "(none)"
		}
		f.ByKind[ext]++
		if ext == ".html" {
			f.HTML++
		}
		return nil
	})
	return f, err
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func mb(b int64) string { return fmt.Sprintf("%.0f MB", float64(b)/(1<<20)) }
