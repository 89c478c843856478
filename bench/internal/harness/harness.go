// Package harness holds the steps the benchmark commands share: finding
// and building datka's checkout, describing the machine a run was on,
// fetching a page as wrk will, and measuring one URL under wrk while
// sampling the server's memory and the machine's CPU (measure.go).
package harness

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// modulePath is datka's module; the benchmarks build it from its own
// checkout.
const modulePath = "github.com/datka-cms/datka"

// ModuleRoot is the folder of datka's go.mod, which the benchmarks build
// from.
func ModuleRoot(ctx context.Context) (string, error) {
	out, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	data, err := os.ReadFile(gomod)
	if gomod == "" || gomod == os.DevNull || err != nil || !bytes.HasPrefix(data, []byte("module "+modulePath+"\n")) {
		return "", fmt.Errorf("run the benchmark from datka's checkout (go run ./bench); found module file %q", gomod)
	}
	return filepath.Dir(gomod), nil
}

// Build builds the package pkg of the checkout at root into the binary out.
func Build(ctx context.Context, root, out, pkg string) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, pkg)
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s: %w\n%s", pkg, err, b)
	}
	return nil
}

// Machine names the CPU and the number of cores.
func Machine() string {
	cpu := runtime.GOARCH
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		if m := regexp.MustCompile(`(?m)^model name\s*:\s*(.+)$`).FindSubmatch(data); m != nil {
			cpu = strings.Join(strings.Fields(string(m[1])), " ")
		}
	}
	return fmt.Sprintf("%s, %d cores", cpu, runtime.NumCPU())
}

// Commit is datka's revision, marked when the tree has changes.
func Commit(ctx context.Context, root string) string {
	out, err := exec.CommandContext(ctx, "git", "-C", root, "describe", "--always", "--dirty=+changes").Output()
	if err != nil {
		return "(not a git checkout)"
	}
	return strings.TrimSpace(string(out))
}

// LoadAverage is the machine's 1-minute load average, or "" off Linux.
func LoadAverage() string {
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

// ServerEnv is the environment of the servers measured: the benchmark's
// own, without any DATKA_ setting that would change what is measured,
// and quiet logs.
func ServerEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DATKA_") {
			env = append(env, kv)
		}
	}
	return append(env, "DATKA_LOG_LEVEL=warn")
}

// Get fetches url as wrk will: no compression, no cookies, no redirects
// followed; anything but 200 is an error.
func Get(ctx context.Context, url string) ([]byte, http.Header, error) {
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

// FileSize is the size of the file at path, 0 when there is none.
func FileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// Step prints the heading of a stage of the run.
func Step(w io.Writer, s string) { fmt.Fprintln(w, "==", s) }

// MS formats a latency in milliseconds, for the terminal.
func MS(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond)) }

// Group writes n with thousands separators.
func Group(n int) string {
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

// Progress shows how far a long step is: a bar redrawn in place on a
// terminal, a line every 10 % elsewhere.
type Progress struct {
	w       io.Writer
	label   string
	inPlace bool
	start   time.Time
	last    int // percent last printed
}

// NewProgress shows progress on w, redrawn in place when inPlace (see
// IsTerminal) and as lines otherwise.
func NewProgress(w io.Writer, label string, inPlace bool) *Progress {
	return &Progress{w: w, label: label, inPlace: inPlace, start: time.Now(), last: -1}
}

// IsTerminal reports whether w is a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// Update shows that done of total are done.
func (p *Progress) Update(done, total int) {
	pct := done * 100 / total
	elapsed := time.Since(p.start).Round(100 * time.Millisecond)
	if p.inPlace {
		const width = 30
		fill := done * width / total
		fmt.Fprintf(p.w, "\r  %s [%s%s] %s/%s %3d%% %s ", p.label,
			strings.Repeat("#", fill), strings.Repeat(".", width-fill), Group(done), Group(total), pct, elapsed)
		if done == total {
			fmt.Fprintln(p.w)
		}
		return
	}
	if pct/10 > p.last/10 || done == total {
		p.last = pct
		fmt.Fprintf(p.w, "  %s: %s/%s (%d%%) after %s\n", p.label, Group(done), Group(total), pct, elapsed)
	}
}

// Abort ends a bar drawn in place that will not reach 100 %.
func (p *Progress) Abort() {
	if p.inPlace {
		fmt.Fprintln(p.w)
	}
}
