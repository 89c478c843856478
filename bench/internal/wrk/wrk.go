// Package wrk runs the wrk HTTP benchmarking tool and reads its report.
// wrk is a C program with an event loop per thread; it loads a server
// harder than a Go client on the same machine would, for less CPU, which
// matters when client and server share two cores.
package wrk

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ErrNotInstalled is returned by Find when wrk is not on the PATH.
var ErrNotInstalled = errors.New("wrk is not installed; install it with: apt-get install wrk")

// Find returns the path of the wrk binary.
func Find() (string, error) {
	p, err := exec.LookPath("wrk")
	if err != nil {
		return "", ErrNotInstalled
	}
	return p, nil
}

// Options are one wrk run.
type Options struct {
	Bin         string // path of wrk
	URL         string
	Threads     int
	Connections int
	Duration    time.Duration
}

// Result is what wrk reported.
type Result struct {
	Requests    int64
	Elapsed     time.Duration
	RPS         float64 // requests per second
	LatencyAvg  time.Duration
	LatencyMax  time.Duration
	Percentiles map[int]time.Duration // 50, 75, 90, 99
	Non2xx3xx   int64
	Socket      SocketErrors
	CPU         time.Duration // CPU time wrk itself used
}

// SocketErrors are the connection-level failures wrk counted.
type SocketErrors struct{ Connect, Read, Write, Timeout int64 }

// Total is the number of socket errors of every kind.
func (s SocketErrors) Total() int64 { return s.Connect + s.Read + s.Write + s.Timeout }

// Run runs wrk once with --latency and parses its report. The run is
// bounded: wrk stops itself after o.Duration, and is killed if it has not
// finished 30 seconds later or when ctx ends.
func Run(ctx context.Context, o Options) (Result, string, error) {
	secs := max(1, int(o.Duration.Round(time.Second)/time.Second))
	ctx, cancel := context.WithTimeout(ctx, time.Duration(secs)*time.Second+30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, o.Bin,
		"-t", strconv.Itoa(o.Threads), "-c", strconv.Itoa(o.Connections),
		"-d", strconv.Itoa(secs)+"s", "--latency", o.URL)
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
	cmd.WaitDelay = 3 * time.Second
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return Result{}, out.String(), fmt.Errorf("wrk: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	r, err := Parse(out.String())
	r.CPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return r, out.String(), err
}

// Parse reads the report wrk prints with --latency.
func Parse(report string) (Result, error) {
	r := Result{Percentiles: map[int]time.Duration{}}
	inDist := false
	sawRPS := false
	sc := bufio.NewScanner(strings.NewReader(report))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
		case line == "Latency Distribution":
			inDist = true
		case inDist && strings.HasSuffix(f[0], "%") && len(f) == 2:
			p, err := strconv.ParseFloat(strings.TrimSuffix(f[0], "%"), 64)
			if err != nil {
				return r, fmt.Errorf("wrk: percentile %q: %w", line, err)
			}
			d, err := ParseDuration(f[1])
			if err != nil {
				return r, err
			}
			r.Percentiles[int(p)] = d
		case f[0] == "Latency" && len(f) >= 4:
			inDist = false
			var err error
			if r.LatencyAvg, err = ParseDuration(f[1]); err != nil {
				return r, err
			}
			if r.LatencyMax, err = ParseDuration(f[3]); err != nil {
				return r, err
			}
		case len(f) >= 4 && f[1] == "requests" && f[2] == "in":
			inDist = false
			n, err := strconv.ParseInt(f[0], 10, 64)
			if err != nil {
				return r, fmt.Errorf("wrk: request count %q: %w", line, err)
			}
			r.Requests = n
			if r.Elapsed, err = ParseDuration(strings.TrimSuffix(f[3], ",")); err != nil {
				return r, err
			}
		case strings.HasPrefix(line, "Non-2xx or 3xx responses:"):
			n, err := strconv.ParseInt(strings.TrimSpace(strings.TrimPrefix(line, "Non-2xx or 3xx responses:")), 10, 64)
			if err != nil {
				return r, fmt.Errorf("wrk: %q: %w", line, err)
			}
			r.Non2xx3xx = n
		case strings.HasPrefix(line, "Socket errors:"):
			_, err := fmt.Sscanf(line, "Socket errors: connect %d, read %d, write %d, timeout %d",
				&r.Socket.Connect, &r.Socket.Read, &r.Socket.Write, &r.Socket.Timeout)
			if err != nil {
				return r, fmt.Errorf("wrk: %q: %w", line, err)
			}
		case f[0] == "Requests/sec:" && len(f) == 2:
			v, err := strconv.ParseFloat(f[1], 64)
			if err != nil {
				return r, fmt.Errorf("wrk: %q: %w", line, err)
			}
			r.RPS, sawRPS = v, true
		}
	}
	if !sawRPS {
		return r, errors.New("wrk: the report has no Requests/sec line")
	}
	for _, p := range []int{50, 99} {
		if _, ok := r.Percentiles[p]; !ok {
			return r, fmt.Errorf("wrk: the report has no %d%% latency (was --latency given?)", p)
		}
	}
	return r, nil
}

// ParseDuration reads a time as wrk prints it: "850.00us", "1.09ms",
// "3.01s", "1.00m", "2.00h".
func ParseDuration(s string) (time.Duration, error) {
	units := []struct {
		suffix string
		unit   time.Duration
	}{{"us", time.Microsecond}, {"ms", time.Millisecond}, {"s", time.Second}, {"m", time.Minute}, {"h", time.Hour}}
	for _, u := range units {
		if num, ok := strings.CutSuffix(s, u.suffix); ok {
			v, err := strconv.ParseFloat(num, 64)
			if err != nil || v < 0 {
				break
			}
			return time.Duration(v * float64(u.unit)), nil
		}
	}
	return 0, fmt.Errorf("wrk: cannot read the time %q", s)
}
