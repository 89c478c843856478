package export

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/datka-cms/datka/internal/progress"
)

// manifest is what a run wrote: file → SHA-256.
type manifest map[string]string

// writer writes the files of one run into the output folder, as they come
// and from several goroutines, skipping those an earlier run wrote with
// the same content; finish deletes those of the earlier run that are gone.
type writer struct {
	out  string
	old  manifest
	rep  *progress.Reporter
	dirs sync.Map // folders known to exist
	tmp  atomic.Int64

	mu  sync.Mutex
	now manifest

	written, unchanged, bytes atomic.Int64
}

// newWriter reads the manifest of an earlier run in out, if any.
func newWriter(out string, w io.Writer) (*writer, error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	old := manifest{}
	if b, err := os.ReadFile(filepath.Join(out, ManifestName)); err == nil {
		if err := json.Unmarshal(b, &old); err != nil {
			return nil, fmt.Errorf("export: %s: %w", ManifestName, err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("export: %w", err)
	}
	if w == nil {
		w = io.Discard
	}
	return &writer{out: out, old: old, now: manifest{}, rep: progress.New(w, "export", 0)}, nil
}

// has says whether this run has written name already.
func (w *writer) has(name string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	_, ok := w.now[name]
	return ok
}

// put writes the file name (slash-separated, relative to the output
// folder) unless the earlier run wrote it with the same content and it is
// still there at its size. A spooled file is moved into place or removed.
func (w *writer) put(name string, f outFile) error {
	w.mu.Lock()
	if sum, ok := w.now[name]; ok {
		w.mu.Unlock()
		if f.spool != "" {
			os.Remove(f.spool)
		}
		if sum == f.sum {
			return nil
		}
		return fmt.Errorf("export: two addresses of the site would be written to %s", name)
	}
	w.now[name] = f.sum
	w.mu.Unlock()
	w.bytes.Add(f.size)
	dst := filepath.Join(w.out, filepath.FromSlash(name))
	if w.old[name] == f.sum {
		if fi, err := os.Stat(dst); err == nil && fi.Size() == f.size {
			if f.spool != "" {
				os.Remove(f.spool)
			}
			w.unchanged.Add(1)
			w.rep.Add(1, f.size)
			return nil
		}
	}
	if err := w.mkdir(filepath.Dir(dst)); err != nil {
		return err
	}
	var err error
	if f.spool != "" {
		err = moveFile(f.spool, dst)
	} else {
		err = w.writeFile(dst, f.data)
	}
	if err != nil {
		return err
	}
	w.written.Add(1)
	w.rep.Add(1, f.size)
	return nil
}

func (w *writer) mkdir(dir string) error {
	if _, ok := w.dirs.Load(dir); ok {
		return nil
	}
	// Most folders are new and their parent is known: one mkdir each,
	// where MkdirAll would stat the folder and its parent first.
	err := os.Mkdir(dir, 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		if err = w.mkdir(filepath.Dir(dir)); err == nil {
			err = os.Mkdir(dir, 0o755)
		}
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("export: %w", err)
	}
	// A file in the folder's place makes the write into it fail, clearly.
	w.dirs.Store(dir, true)
	return nil
}

// writeFile writes data to a temporary file beside name and renames it,
// so that a reader of the archive never sees half a file.
func (w *writer) writeFile(name string, data []byte) error {
	tmp := filepath.Join(filepath.Dir(name), ".tmp-"+strconv.FormatInt(w.tmp.Add(1), 36)+"-"+strconv.Itoa(os.Getpid()))
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// moveFile moves a spooled answer into place.
func moveFile(spool, name string) error {
	if err := os.Chmod(spool, 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := os.Rename(spool, name); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// finish deletes the files the earlier run wrote that this one did not,
// writes the manifest, and sums up.
func (w *writer) finish() (Summary, error) {
	var s Summary
	for name := range w.old {
		if _, ok := w.now[name]; ok {
			continue
		}
		dst := filepath.Join(w.out, filepath.FromSlash(name))
		if err := os.Remove(dst); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return s, fmt.Errorf("export: %w", err)
		}
		s.Deleted++
		// Empty folders left behind go too; a folder with other files stays.
		for d := filepath.Dir(dst); d != filepath.Clean(w.out) && os.Remove(d) == nil; d = filepath.Dir(d) {
		}
	}
	b, err := json.MarshalIndent(w.now, "", " ")
	if err != nil {
		return s, err
	}
	if err := w.writeFile(filepath.Join(w.out, ManifestName), b); err != nil {
		return s, err
	}
	s.Files = len(w.now)
	s.Written, s.Unchanged = int(w.written.Load()), int(w.unchanged.Load())
	s.Bytes = w.bytes.Load()
	s.Report = w.rep.Done(strconv.Itoa(s.Written) + " written, " + strconv.Itoa(s.Unchanged) + " unchanged, " + strconv.Itoa(s.Deleted) + " deleted")
	return s, nil
}
