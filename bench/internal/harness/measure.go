package harness

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/datka-cms/datka/bench/internal/proc"
	"github.com/datka-cms/datka/bench/internal/report"
	"github.com/datka-cms/datka/bench/internal/wrk"
)

// Target is one URL measured on one server.
type Target struct {
	Name string
	Kind report.Kind
	Srv  *proc.Process
	Path string
	// Helpers, when set, lists the processes that do the server's work
	// outside it: PostgreSQL's backends. Their CPU is counted apart
	// (report.Row.HelperCPU), not as other work on the machine.
	Helpers func(context.Context) ([]int, error)
}

// Label names the target with its server.
func (t Target) Label() string { return t.Name + " (" + t.Srv.Name + ")" }

// Load is how wrk loads every target.
type Load struct {
	Bin         string // wrk
	Threads     int
	Connections int
	Warmup      time.Duration // unmeasured load before each run
	Duration    time.Duration
	// Retries is how many times a target is measured again when other
	// processes used more than report.Disturbed cores during its run.
	Retries int
}

// Measure checks that t answers 200, then loads it with wrk: a warm-up,
// then the measured run, sampling the server's memory throughout. A run
// that other processes disturbed is measured again, up to l.Retries
// times, saying so on log; the least disturbed run counts, and peak
// memory is the highest of all.
func Measure(ctx context.Context, t Target, l Load, log io.Writer) (report.Row, error) {
	var row report.Row
	var peak int64
	for try := 0; ; try++ {
		r, err := measureOnce(ctx, t, l)
		if err != nil {
			return report.Row{}, err
		}
		peak = max(peak, r.PeakRSS)
		if try == 0 || r.OtherCPU < row.OtherCPU {
			row = r
		}
		if r.OtherCPU <= report.Disturbed || try == l.Retries {
			break
		}
		fmt.Fprintf(log, "  %-34s other processes used %.2f cores; measuring again\n", t.Label(), r.OtherCPU)
	}
	row.PeakRSS = peak
	return row, nil
}

func measureOnce(ctx context.Context, t Target, l Load) (report.Row, error) {
	url := t.Srv.URL(t.Path)
	body, _, err := Get(ctx, url)
	if err != nil {
		return report.Row{}, fmt.Errorf("%s: %w", t.Name, err)
	}
	sampler := proc.Sample(t.Srv.PID(), 100*time.Millisecond)
	w := wrk.Options{Bin: l.Bin, URL: url, Threads: l.Threads, Connections: l.Connections}
	if l.Warmup > 0 {
		w.Duration = l.Warmup
		if _, out, err := wrk.Run(ctx, w); err != nil {
			sampler.Stop()
			return report.Row{}, fmt.Errorf("%s: warm-up: %w\n%s", t.Name, err, out)
		}
	}
	w.Duration = l.Duration
	cpu0 := cpuTimes(ctx, t)
	start := time.Now()
	res, out, err := wrk.Run(ctx, w)
	elapsed := time.Since(start)
	cpu1 := cpuTimes(ctx, t)
	mem, memErr := sampler.Stop()
	if err != nil {
		return report.Row{}, fmt.Errorf("%s: %w\n%s", t.Name, err, out)
	}
	if t.Srv.Exited() {
		return report.Row{}, fmt.Errorf("%s: the server died during the run:\n%s", t.Name, t.Srv.LogTail(20))
	}
	if memErr != nil && mem.RSS == 0 {
		return report.Row{}, fmt.Errorf("%s: %w", t.Name, memErr)
	}
	server, helpers, other := cpuShares(cpu0, cpu1, res.CPU, elapsed)
	return report.Row{
		Name: t.Name, Kind: t.Kind, Path: t.Path,
		RPS: res.RPS, P50: res.Percentiles[50], P99: res.Percentiles[99],
		Bytes: len(body), PeakRSS: mem.RSS, HWM: mem.HWM,
		Errors:    res.Non2xx3xx + res.Socket.Total(),
		ServerCPU: server, HelperCPU: helpers, OtherCPU: other,
	}, nil
}

// cpuSnapshot is the CPU time used so far by the whole machine, by a
// server, by its helpers and by the benchmark itself.
type cpuSnapshot struct {
	busy, server, self time.Duration
	helpers            map[int]time.Duration // by process id; nil without helpers
	ok                 bool
}

func cpuTimes(ctx context.Context, t Target) cpuSnapshot {
	var s cpuSnapshot
	var err1, err2, err3, err4 error
	if t.Helpers != nil {
		var pids []int
		if pids, err4 = t.Helpers(ctx); err4 == nil {
			s.helpers = map[int]time.Duration{}
			for _, pid := range pids {
				// A helper that ended meanwhile used too little to matter.
				if d, err := proc.CPUTime(pid); err == nil {
					s.helpers[pid] = d
				}
			}
		}
	}
	s.busy, err1 = proc.BusyTime()
	s.server, err2 = proc.CPUTime(t.Srv.PID())
	s.self, err3 = proc.CPUTime(os.Getpid())
	s.ok = err1 == nil && err2 == nil && err3 == nil && err4 == nil
	return s
}

// cpuShares is how many cores the server, its helpers and other
// processes kept busy between a and b, beside wrk (which used wrkCPU)
// and the benchmark; -1 each when not known. A helper seen only at b
// started during the run, and counts from nothing.
func cpuShares(a, b cpuSnapshot, wrkCPU, elapsed time.Duration) (server, helpers, other float64) {
	if !a.ok || !b.ok || elapsed <= 0 {
		return -1, -1, -1
	}
	var helperTime time.Duration
	for pid, end := range b.helpers {
		helperTime += max(0, end-a.helpers[pid])
	}
	serverTime := b.server - a.server
	otherTime := (b.busy - a.busy) - serverTime - helperTime - (b.self - a.self) - wrkCPU
	secs := elapsed.Seconds()
	server = serverTime.Seconds() / secs
	helpers = helperTime.Seconds() / secs
	if b.helpers == nil {
		helpers = 0
	}
	return server, helpers, max(0, otherTime.Seconds()/secs)
}
