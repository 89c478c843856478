package backup

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/datka-cms/datka/internal/media"
	"github.com/datka-cms/datka/internal/store"
)

// Schedule is the server's own backups: every Every it writes an archive
// into Dir, as `datka backup` does, and deletes the oldest of its own
// archives there beyond the newest Keep. It knows its archives by their
// names, datka-backup-YYYYMMDD-HHMMSS.tar.gz (UTC), and touches no other
// file. Several instances of one site share the work through a lease:
// one of them backs up, and another takes over if it stops.
type Schedule struct {
	Store *store.Store
	Files media.Storage
	Dir   string
	Every time.Duration
	Keep  int
	Log   *slog.Logger
	// Done, if set, is told of each backup taken: when, or the error.
	Done func(at time.Time, err error)
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

const (
	schedulePrefix = "datka-backup-"
	scheduleSuffix = ".tar.gz"
	scheduleStamp  = "20060102-150405"
	scheduleLease  = "backup"
)

func (s *Schedule) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// checkEvery is how often Run asks whether a backup is due.
func (s *Schedule) checkEvery() time.Duration { return min(s.Every, 5*time.Minute) }

// archives returns the schedule's archives in Dir, oldest first, with the
// time each was taken.
func (s *Schedule) archives() ([]string, []time.Time, error) {
	entries, err := os.ReadDir(s.Dir)
	if err != nil {
		return nil, nil, err
	}
	var names []string
	var times []time.Time
	for _, e := range entries {
		stamp, ok := strings.CutPrefix(e.Name(), schedulePrefix)
		if stamp, ok = strings.CutSuffix(stamp, scheduleSuffix); !ok || !e.Type().IsRegular() {
			continue
		}
		at, err := time.ParseInLocation(scheduleStamp, stamp, time.UTC)
		if err != nil {
			continue
		}
		names, times = append(names, e.Name()), append(times, at)
	}
	// ReadDir sorts by name, and the names sort by time.
	return names, times, nil
}

// RunOnce takes a backup if this instance holds the lease and the newest
// archive in Dir is Every old or more, then deletes the oldest beyond
// Keep. It returns the archive it wrote, or "".
func (s *Schedule) RunOnce(ctx context.Context) (string, error) {
	held, err := s.Store.TryLease(ctx, scheduleLease, 3*s.checkEvery())
	if err != nil || !held {
		return "", err
	}
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return "", fmt.Errorf("backup: the backup folder: %w", err)
	}
	names, times, err := s.archives()
	if err != nil {
		return "", fmt.Errorf("backup: the backup folder: %w", err)
	}
	now := s.now().UTC()
	if n := len(times); n > 0 && now.Sub(times[n-1]) < s.Every {
		return "", nil
	}
	s.sweep()
	name := schedulePrefix + now.Format(scheduleStamp) + scheduleSuffix
	out := filepath.Join(s.Dir, name)
	m, err := Write(ctx, s.Store, s.Files, out, io.Discard)
	if s.Done != nil && ctx.Err() == nil { // a backup cut off by the shutdown did not fail
		s.Done(now, err)
	}
	if err != nil {
		return "", err
	}
	if s.Log != nil {
		s.Log.Info("backup written", "file", out, "rows", m.Rows(), "files", len(m.Files), "media_bytes", m.MediaBytes())
	}
	names = append(names, name)
	for _, old := range names[:max(0, len(names)-s.Keep)] {
		err := os.Remove(filepath.Join(s.Dir, old))
		switch {
		case err == nil && s.Log != nil:
			s.Log.Info("old backup deleted", "file", filepath.Join(s.Dir, old), "keep", s.Keep)
		case err != nil && !errors.Is(err, os.ErrNotExist):
			return out, fmt.Errorf("backup: delete an old backup: %w", err)
		}
	}
	return out, nil
}

// sweep deletes what backups cut off a day or more ago (the server was
// killed while writing one) left in Dir: Write's temporary file and
// folder. A younger one may belong to a backup in progress.
func (s *Schedule) sweep() {
	entries, err := os.ReadDir(s.Dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".datka-backup-") {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) >= 24*time.Hour {
			if err := os.RemoveAll(filepath.Join(s.Dir, e.Name())); err == nil && s.Log != nil {
				s.Log.Info("deleted what a cut-off backup left", "file", filepath.Join(s.Dir, e.Name()))
			}
		}
	}
}

// Run takes backups until ctx ends: the first at once if one is due, then
// whenever one falls due. A failed backup is logged and tried again at
// the next check.
func (s *Schedule) Run(ctx context.Context) {
	tick := time.NewTicker(s.checkEvery())
	defer tick.Stop()
	for {
		if _, err := s.RunOnce(ctx); err != nil && ctx.Err() == nil && s.Log != nil {
			s.Log.Error("backup failed; trying again later", "folder", s.Dir, "err", err)
		}
		select {
		case <-ctx.Done():
			_ = s.Store.ReleaseLease(context.WithoutCancel(ctx), scheduleLease)
			return
		case <-tick.C:
		}
	}
}
