// Package progress reports how far long work has come: import, export,
// backup and restore. On a terminal it redraws one bar in place; written
// anywhere else (a log file, a pipe, a service's journal) it writes a
// line now and then, so that logs stay readable. Either way it ends with
// a summary of counts, bytes and time.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// Reporter counts the steps of one piece of work.
type Reporter struct {
	mu       sync.Mutex
	w        io.Writer
	what     string
	total    int64 // 0 when unknown
	done     int64
	bytes    int64
	start    time.Time
	last     time.Time
	terminal bool
	every    time.Duration // between lines when not on a terminal
	now      func() time.Time
}

// New starts reporting on work called what, of total steps (0 when not
// known), to w. w is taken for a terminal when it is a character device.
func New(w io.Writer, what string, total int64) *Reporter {
	r := &Reporter{w: w, what: what, total: total, every: 5 * time.Second, now: time.Now}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			r.terminal = true
		}
	}
	r.start = r.now()
	r.last = r.start
	return r
}

// SetTotal sets the number of steps once it is known.
func (r *Reporter) SetTotal(total int64) {
	r.mu.Lock()
	r.total = total
	r.mu.Unlock()
}

// Add counts n more steps done and b more bytes handled.
func (r *Reporter) Add(n, b int64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.done += n
	r.bytes += b
	now := r.now()
	switch {
	case r.terminal && now.Sub(r.last) >= 100*time.Millisecond:
		r.last = now
		fmt.Fprintf(r.w, "\r%s", r.bar(now))
	case !r.terminal && now.Sub(r.last) >= r.every:
		r.last = now
		fmt.Fprintln(r.w, r.line(now))
	}
}

// Done ends the report with a summary line, and returns it.
func (r *Reporter) Done(extra string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	elapsed := r.now().Sub(r.start)
	s := fmt.Sprintf("%s: %d done, %s, in %s", r.what, r.done, Bytes(r.bytes), elapsed.Round(time.Millisecond))
	if extra != "" {
		s += "; " + extra
	}
	if r.terminal {
		fmt.Fprint(r.w, "\r\033[K")
	}
	fmt.Fprintln(r.w, s)
	return s
}

func (r *Reporter) line(now time.Time) string {
	s := fmt.Sprintf("%s: %d", r.what, r.done)
	if r.total > 0 {
		s += fmt.Sprintf(" of %d (%d%%)", r.total, 100*r.done/r.total)
	}
	return s + fmt.Sprintf(", %s, %s", Bytes(r.bytes), now.Sub(r.start).Round(time.Second))
}

func (r *Reporter) bar(now time.Time) string {
	const width = 30
	if r.total <= 0 {
		return r.line(now)
	}
	filled := int(min(width, width*r.done/r.total))
	return fmt.Sprintf("%s [%s%s] %d/%d %s", r.what, strings.Repeat("#", filled), strings.Repeat(".", width-filled),
		r.done, r.total, Bytes(r.bytes))
}

// Bytes writes a size as people read it: 512 B, 3.4 kB, 12.0 MB.
func Bytes(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f kB", float64(n)/1000)
	case n < 1000*1000*1000:
		return fmt.Sprintf("%.1f MB", float64(n)/1000/1000)
	}
	return fmt.Sprintf("%.1f GB", float64(n)/1000/1000/1000)
}
