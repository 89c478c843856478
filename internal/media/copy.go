package media

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
)

// CopyReport is what CopyFiles did.
type CopyReport struct {
	Copied  int   // files written to the destination
	Present int   // files the destination held already, whole
	Bytes   int64 // the size of all the files named
}

// CopyFiles copies the files named from src to dst, and checks that each
// is at dst with the size it has at src. A file dst holds already with
// that size is left as it is: a storage name is never given to other
// content, so a copy that stopped half-way can simply run again. src and
// dst may be the same storage; then it only checks that every file is
// there. A file src lacks stops the copy.
func CopyFiles(ctx context.Context, dst, src Storage, names []string) (CopyReport, error) {
	return CopyFilesStep(ctx, dst, src, names, nil)
}

// CopyFilesStep is CopyFiles telling step the size of each file done, for
// a progress report.
func CopyFilesStep(ctx context.Context, dst, src Storage, names []string, step func(size int64)) (CopyReport, error) {
	var r CopyReport
	var buf bytes.Buffer
	for _, name := range names {
		copied, size, err := copyFile(ctx, dst, src, name, &buf)
		if err != nil {
			return r, err
		}
		if step != nil {
			step(size)
		}
		r.Bytes += size
		if copied {
			r.Copied++
		} else {
			r.Present++
		}
	}
	return r, nil
}

// copyFile copies one file through buf, unless dst has it whole. Files
// are read whole before they are written (they are at most a few times
// MaxFileBytes), so that S3 takes each in one PUT of known length.
func copyFile(ctx context.Context, dst, src Storage, name string, buf *bytes.Buffer) (copied bool, size int64, err error) {
	f, err := src.Open(ctx, name)
	if errors.Is(err, ErrNotExist) {
		return false, 0, fmt.Errorf("media: %s is in the library but missing from the source storage", name)
	}
	if err != nil {
		return false, 0, err
	}
	defer f.Close()
	if size, err = sizeOf(f); err != nil {
		return false, 0, fmt.Errorf("media: copy %s: %w", name, err)
	}
	if have, err := storedSize(ctx, dst, name); err != nil {
		return false, size, err
	} else if have == size {
		return false, size, nil
	}
	buf.Reset()
	if _, err := io.Copy(buf, f); err != nil {
		return false, size, fmt.Errorf("media: copy %s: read: %w", name, err)
	}
	if int64(buf.Len()) != size {
		return false, size, fmt.Errorf("media: copy %s: read %d bytes of %d", name, buf.Len(), size)
	}
	if err := dst.Put(ctx, name, bytes.NewReader(buf.Bytes())); err != nil {
		return false, size, err
	}
	have, err := storedSize(ctx, dst, name)
	if err != nil {
		return false, size, err
	}
	if have != size {
		return false, size, fmt.Errorf("media: copy %s: the destination holds %d bytes of %d", name, max(have, 0), size)
	}
	return true, size, nil
}

// storedSize is the size of a stored file, or -1 when there is none.
func storedSize(ctx context.Context, s Storage, name string) (int64, error) {
	f, err := s.Open(ctx, name)
	if errors.Is(err, ErrNotExist) {
		return -1, nil
	}
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n, err := sizeOf(f)
	if err != nil {
		return 0, fmt.Errorf("media: size of %s: %w", name, err)
	}
	return n, nil
}

// sizeOf measures f by seeking to its end, and rewinds it.
func sizeOf(f File) (int64, error) {
	n, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		return 0, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return 0, err
	}
	return n, nil
}
