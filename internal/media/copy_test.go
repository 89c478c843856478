package media_test

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/datka-cms/datka/internal/media"
)

// TestCopyFiles copies files from a folder to each kind of storage, runs
// the copy again over what it copied, and checks what the destination
// holds byte for byte.
func TestCopyFiles(t *testing.T) {
	ctx := context.Background()
	src, err := media.NewDisk(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		media.NewName(".pdf"): bytes.Repeat([]byte("%PDF-1.7 "), 100_000),
		media.NewName(".jpg"): {0xff, 0xd8, 0xff, 0xe0},
		media.NewName(".png"): {}, // empty: present is not the same as sized
	}
	var names []string
	var total int64
	for name, b := range files {
		if err := src.Put(ctx, name, bytes.NewReader(b)); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
		total += int64(len(b))
	}
	for kind, open := range storages(t) {
		t.Run("to "+kind, func(t *testing.T) {
			dst := open(t)
			// One file is there already, half-written by an earlier
			// attempt that was cut off: it must be written again.
			for name, b := range files {
				if len(b) > 100 {
					if err := dst.Put(ctx, name, bytes.NewReader(b[:100])); err != nil {
						t.Fatal(err)
					}
				}
			}
			r, err := media.CopyFiles(ctx, dst, src, names)
			if err != nil {
				t.Fatal(err)
			}
			if r.Copied != len(files) || r.Present != 0 || r.Bytes != total {
				t.Errorf("first copy: %+v, want %d copied of %d bytes", r, len(files), total)
			}
			for name, want := range files {
				f, err := dst.Open(ctx, name)
				if err != nil {
					t.Fatalf("%s at the destination: %v", name, err)
				}
				got, err := io.ReadAll(f)
				f.Close()
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("%s at the destination: %d bytes, %v; want %d", name, len(got), err, len(want))
				}
			}
			r, err = media.CopyFiles(ctx, dst, src, names)
			if err != nil || r.Copied != 0 || r.Present != len(files) || r.Bytes != total {
				t.Errorf("second copy: %+v, %v; want every file found present", r, err)
			}
		})
	}
	t.Run("onto itself it checks", func(t *testing.T) {
		r, err := media.CopyFiles(ctx, src, src, names)
		if err != nil || r.Copied != 0 || r.Present != len(files) {
			t.Errorf("CopyFiles(src, src): %+v, %v", r, err)
		}
	})
	t.Run("a file missing at the source", func(t *testing.T) {
		dst, err := media.NewDisk(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		missing := media.NewName(".docx")
		_, err = media.CopyFiles(ctx, dst, src, append([]string{missing}, names...))
		if err == nil || !strings.Contains(err.Error(), missing) || !strings.Contains(err.Error(), "missing") {
			t.Errorf("CopyFiles with a missing file: %v, want it named as missing", err)
		}
	})
}
