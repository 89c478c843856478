// Package proc starts the servers the benchmark measures as child
// processes, waits until they answer, samples their memory, and stops
// them: on request, when the benchmark's context ends (Ctrl+C), and, on
// Linux, when the benchmark itself dies.
package proc

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Spec is a server to start.
type Spec struct {
	Name string
	Bin  string
	Args []string
	Env  []string // the whole environment of the child
	Log  string   // file that receives its stdout and stderr
	Addr string   // host:port it will listen on
}

// Process is a running server.
type Process struct {
	Spec
	cmd  *exec.Cmd
	done chan struct{}
	err  error // set before done is closed
	once sync.Once
}

// Start starts the server described by s. It is stopped when ctx ends.
func Start(ctx context.Context, s Spec) (*Process, error) {
	log, err := os.Create(s.Log)
	if err != nil {
		return nil, fmt.Errorf("proc: %w", err)
	}
	cmd := exec.CommandContext(ctx, s.Bin, s.Args...)
	cmd.Env = s.Env
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = sysProcAttr()
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
	cmd.WaitDelay = 10 * time.Second
	if err := cmd.Start(); err != nil {
		log.Close()
		return nil, fmt.Errorf("proc: start %s: %w", s.Name, err)
	}
	p := &Process{Spec: s, cmd: cmd, done: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		log.Close()
		close(p.done)
	}()
	return p, nil
}

// PID is the server's process id.
func (p *Process) PID() int { return p.cmd.Process.Pid }

// URL is the server's address for path.
func (p *Process) URL(path string) string { return "http://" + p.Addr + path }

// WaitReady polls path until it answers 200, the server exits, or the
// timeout passes.
func (p *Process) WaitReady(ctx context.Context, path string, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	client := &http.Client{Timeout: time.Second}
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, p.URL(path), nil)
		if resp, err := client.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-p.done:
			return fmt.Errorf("proc: %s exited before it was ready (%v):\n%s", p.Name, p.err, p.LogTail(20))
		case <-ctx.Done():
			return fmt.Errorf("proc: %s not ready after %v:\n%s", p.Name, timeout, p.LogTail(20))
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// Exited reports whether the server has stopped.
func (p *Process) Exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// Stop asks the server to finish (SIGTERM) and kills it if it has not
// within ten seconds. It is safe to call more than once.
func (p *Process) Stop() {
	p.once.Do(func() {
		if p.Exited() {
			return
		}
		p.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.done:
		case <-time.After(10 * time.Second):
			p.cmd.Process.Kill()
			<-p.done
		}
	})
}

// LogTail returns the last n lines the server wrote.
func (p *Process) LogTail(n int) string {
	data, err := os.ReadFile(p.Log)
	if err != nil {
		return ""
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// Memory is what the kernel reports of a process's resident memory, in
// bytes.
type Memory struct {
	RSS int64 // VmRSS: resident now
	HWM int64 // VmHWM: the most ever resident
}

// ReadMemory reads /proc/PID/status (Linux only).
func ReadMemory(pid int) (Memory, error) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return Memory{}, fmt.Errorf("proc: %w", err)
	}
	return parseStatus(data)
}

func parseStatus(data []byte) (Memory, error) {
	var m Memory
	found := 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		key, val, ok := strings.Cut(sc.Text(), ":")
		if !ok || (key != "VmRSS" && key != "VmHWM") {
			continue
		}
		f := strings.Fields(val)
		if len(f) != 2 || f[1] != "kB" {
			return m, fmt.Errorf("proc: %s: unexpected %q", key, val)
		}
		kb, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return m, fmt.Errorf("proc: %s: %w", key, err)
		}
		if key == "VmRSS" {
			m.RSS = kb << 10
		} else {
			m.HWM = kb << 10
		}
		found++
	}
	if found != 2 {
		return m, errors.New("proc: no VmRSS and VmHWM in status")
	}
	return m, nil
}

// Sampler records the highest resident memory of a process while it runs.
type Sampler struct {
	stop chan struct{}
	done chan struct{}
	peak Memory
	err  error
}

// Sample reads pid's memory every interval until Stop.
func Sample(pid int, interval time.Duration) *Sampler {
	s := &Sampler{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			m, err := ReadMemory(pid)
			if err != nil {
				s.err = err
			}
			s.peak.RSS = max(s.peak.RSS, m.RSS)
			s.peak.HWM = max(s.peak.HWM, m.HWM)
			select {
			case <-s.stop:
				return
			case <-t.C:
			}
		}
	}()
	return s
}

// Stop ends the sampling and returns the peak resident memory seen, and
// the kernel's high-water mark at the end.
func (s *Sampler) Stop() (Memory, error) {
	close(s.stop)
	<-s.done
	return s.peak, s.err
}

// ticks is the kernel's USER_HZ, the unit of CPU times in /proc; it is
// 100 on every Linux architecture Go supports.
const ticks = 100

// CPUTime is the CPU time pid has used, from /proc/PID/stat.
func CPUTime(pid int) (time.Duration, error) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, fmt.Errorf("proc: %w", err)
	}
	// The command name in parentheses may hold spaces; fields after it
	// start with the state (field 3); utime and stime are fields 14, 15.
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return 0, errors.New("proc: unexpected stat format")
	}
	f := strings.Fields(string(data[i+1:]))
	if len(f) < 13 {
		return 0, errors.New("proc: unexpected stat format")
	}
	var sum int64
	for _, s := range f[11:13] {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("proc: stat: %w", err)
		}
		sum += n
	}
	return time.Duration(sum) * time.Second / ticks, nil
}

// BusyTime is the CPU time all processes of the machine have spent in
// user and kernel mode since boot, from /proc/stat. Interrupt time is left
// out: loopback traffic makes plenty of it, and it is the benchmark's own.
func BusyTime() (time.Duration, error) {
	data, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0, fmt.Errorf("proc: %w", err)
	}
	line, _, _ := strings.Cut(string(data), "\n")
	f := strings.Fields(line)
	if len(f) < 4 || f[0] != "cpu" {
		return 0, errors.New("proc: unexpected /proc/stat format")
	}
	var sum int64
	for _, s := range f[1:4] { // user, nice, system
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("proc: /proc/stat: %w", err)
		}
		sum += n
	}
	return time.Duration(sum) * time.Second / ticks, nil
}

// FreePort returns a TCP port on 127.0.0.1 that nothing listens on now.
func FreePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("proc: find a free port: %w", err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}
