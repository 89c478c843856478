package media

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// tempPrefix starts the names of files being written; ValidName never
// accepts it, so a half-written file is never served.
const tempPrefix = ".tmp-"

// Disk is Storage in a folder of the local file system.
type Disk struct {
	dir string
}

// NewDisk returns the storage in dir, creating the folder, and removes
// what uploads interrupted by a crash left there more than an hour ago.
func NewDisk(dir string) (*Disk, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("media: create %s: %w", dir, err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("media: read %s: %w", dir, err)
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), tempPrefix) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Hour {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
	return &Disk{dir: dir}, nil
}

func (d *Disk) path(name string) (string, error) {
	if !ValidName(name) {
		return "", fmt.Errorf("media: %q is not a storage name", name)
	}
	return filepath.Join(d.dir, name), nil
}

// Put writes to a temporary file in the same folder, flushes it to the
// disk and renames it into place, so that the name appears only with the
// whole content behind it.
func (d *Disk) Put(ctx context.Context, name string, r io.Reader) (err error) {
	path, err := d.path(name)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	f, err := os.CreateTemp(d.dir, tempPrefix+"*")
	if err != nil {
		return fmt.Errorf("media: put %s: %w", name, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = io.Copy(f, r); err != nil {
		return fmt.Errorf("media: put %s: %w", name, err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("media: put %s: %w", name, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("media: put %s: %w", name, err)
	}
	if err = os.Chmod(f.Name(), 0o640); err != nil {
		return fmt.Errorf("media: put %s: %w", name, err)
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("media: put %s: %w", name, err)
	}
	// The rename itself is durable once the folder is flushed; not every
	// system can, and the file is complete either way.
	if dir, err := os.Open(d.dir); err == nil {
		dir.Sync()
		dir.Close()
	}
	return nil
}

// Open opens a stored file.
func (d *Disk) Open(_ context.Context, name string) (File, error) {
	path, err := d.path(name)
	if err != nil {
		return nil, ErrNotExist
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNotExist
	}
	if err != nil {
		return nil, fmt.Errorf("media: open %s: %w", name, err)
	}
	return f, nil
}

// Delete removes a stored file.
func (d *Disk) Delete(_ context.Context, name string) error {
	path, err := d.path(name)
	if err != nil {
		return err
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("media: delete %s: %w", name, err)
	}
	return nil
}
