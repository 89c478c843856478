// Package media owns what happens to an uploaded file before the site
// keeps it, and where it is kept.
//
// An upload is judged by its bytes, never by its name or by the type the
// browser claims: the first bytes say what it is (JPEG, PNG, GIF, WebP,
// PDF, or a ZIP that is a DOCX, XLSX, PPTX or ODT), and anything else,
// SVG and HTML first of all, is refused. Images are measured from their
// header before a pixel is decoded, so that a small file claiming to be
// 100,000 pixels square is refused without the memory it asks for; then
// they are decoded, turned upright, and encoded again by this package. A
// stored image is therefore always one the server wrote: no EXIF, no GPS
// position, no comment, no script hidden in a chunk. Smaller copies are
// made for srcset. Documents are stored as they came, after their ZIP
// directory has been checked for path tricks and compression bombs; the
// site only ever serves them as downloads.
//
// Storage names are made by the server (random hex and the extension of
// the type found), so nothing a user types reaches a file path. Storage
// is a small interface: Disk keeps files under the data folder, S3 in a
// bucket of an S3-compatible object store that several instances share.
// Put writes a file completely or not at all.
//
// The package imports nothing of datka's; the admin records what it
// stores, and the site serves it.
package media

import (
	"context"
	"errors"
	"fmt"
	"io"
)

// Limits of an upload.
const (
	// MaxFileBytes is the largest file accepted.
	MaxFileBytes = 20 << 20
	// MaxPixels and MaxSide bound an image's size, checked from its
	// header before it is decoded.
	MaxPixels = 40_000_000
	MaxSide   = 12_000
	// MaxZipEntries, MaxZipBytes and MaxZipRatio bound what an office
	// document may unpack to.
	MaxZipEntries = 10_000
	MaxZipBytes   = 512 << 20
	MaxZipRatio   = 200
)

// VariantWidths are the widths of the copies made of every image wider
// than them; images are never enlarged.
func VariantWidths() []int { return []int{480, 960, 1600} }

// Reason says why an upload was refused; the admin shows a message for
// each.
type Reason string

const (
	ReasonEmpty    Reason = "empty"
	ReasonTooLarge Reason = "too_large"
	ReasonType     Reason = "type"    // not one of the accepted types
	ReasonMarkup   Reason = "markup"  // SVG, HTML or XML: can carry script
	ReasonPixels   Reason = "pixels"  // an image too large to decode safely
	ReasonCorrupt  Reason = "corrupt" // the file does not decode as what it starts as
	ReasonArchive  Reason = "archive" // a document whose ZIP is unsafe
)

// RefusedError is returned for an upload that is not accepted.
type RefusedError struct {
	Reason Reason
	Detail string // for the log, not for the uploader
}

func (e *RefusedError) Error() string {
	if e.Detail == "" {
		return fmt.Sprintf("media: refused (%s)", e.Reason)
	}
	return fmt.Sprintf("media: refused (%s): %s", e.Reason, e.Detail)
}

func refuse(r Reason, format string, args ...any) error {
	return &RefusedError{Reason: r, Detail: fmt.Sprintf(format, args...)}
}

// Refusal returns the reason err refuses an upload, if it does.
func Refusal(err error) (Reason, bool) {
	var re *RefusedError
	if errors.As(err, &re) {
		return re.Reason, true
	}
	return "", false
}

// ErrNotExist is returned by Storage.Open for a file it does not hold.
var ErrNotExist = errors.New("media: no such file")

// Storage keeps the library's files under names made by NewName.
type Storage interface {
	// Put stores what r yields under name, completely or not at all: a
	// reader that fails half-way leaves nothing behind.
	Put(ctx context.Context, name string, r io.Reader) error
	// Open opens a stored file; ErrNotExist when there is none.
	Open(ctx context.Context, name string) (File, error)
	// Delete removes a file; deleting what is not there is not an error.
	Delete(ctx context.Context, name string) error
}

// File is a stored file being read.
type File interface {
	io.ReadSeekCloser
}
