// Package backup writes a whole site, its database and its media files,
// to one archive while the site serves, and restores such an archive
// into an empty database and storage.
//
// An archive is a gzip-compressed tar of three kinds of entries, in this
// order: datka.db, the database as one SQLite file whichever database the
// site runs on (store.Snapshot: a consistent copy of one moment); then
// media/NAME for every file the rows of that copy name, read from the
// site's storage after the copy was made (files are written before the
// rows that name them and never changed, so each is there unless it was
// deleted since); and last manifest.json, which records the format, the
// rows of every table, and the size and SHA-256 of every other entry. The
// manifest comes last so that each file is read once and its checksum is
// of the very bytes archived; a restore reads the whole archive before it
// changes anything anyway.
//
// A backup is written to a temporary file beside the one asked for and
// renamed into place once complete, so an archive under the asked-for
// name is always whole. A restore first unpacks into a staging folder,
// checking every entry against the manifest and the database's rows
// against its counts; only then does it write the media files and, last,
// put the database in place (on SQLite, a rename) or copy its rows in one
// transaction (on PostgreSQL). A failure before that last step removes
// the files it wrote, so the target is left as it was; on PostgreSQL the
// schema is opened, and so migrated, only once the archive is found
// sound, and if it held nothing before, a failure drops the tables the
// migrations made. Check makes the same checks, Restore's own, and stops
// there.
package backup

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/datka-cms/datka/internal/media"
	"github.com/datka-cms/datka/internal/progress"
	"github.com/datka-cms/datka/internal/store"
)

// The archive's format.
const (
	formatName    = "datka-backup"
	formatVersion = 1
	manifestName  = "manifest.json"
	databaseName  = "datka.db"
	mediaDir      = "media/"
)

// Manifest describes an archive; it is its last entry.
type Manifest struct {
	Format     string    `json:"format"`  // "datka-backup"
	Version    int       `json:"version"` // of the format
	Datka      string    `json:"datka,omitempty"`
	Created    time.Time `json:"created"`
	Driver     string    `json:"driver"` // the database the site ran on
	Tables     []Table   `json:"tables"`
	SearchDocs int64     `json:"search_docs"`
	// Files are every other entry: the database first, then the media.
	Files []File `json:"files"`
	// Missing are media files the rows name that the storage did not
	// hold when the backup read it.
	Missing []string `json:"missing,omitempty"`
}

// Table is how many rows a table held.
type Table struct {
	Name string `json:"name"`
	Rows int64  `json:"rows"`
}

// File is one entry of the archive.
type File struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Rows counts every row.
func (m Manifest) Rows() int64 {
	var n int64
	for _, t := range m.Tables {
		n += t.Rows
	}
	return n
}

// MediaBytes is the size of the media files.
func (m Manifest) MediaBytes() int64 {
	var n int64
	for _, f := range m.Files[1:] {
		n += f.Size
	}
	return n
}

// Write makes an archive of the site whose database is st and whose
// media files are in files, at out, which must not exist. Progress goes
// to w.
func Write(ctx context.Context, st *store.Store, files media.Storage, out string, w io.Writer) (Manifest, error) {
	m := Manifest{Format: formatName, Version: formatVersion, Datka: datkaVersion(), Driver: st.Driver()}
	if _, err := os.Lstat(out); !errors.Is(err, fs.ErrNotExist) {
		return m, fmt.Errorf("backup: %s exists already; choose another name, or move it away first", out)
	}
	dir := filepath.Dir(out)
	work, err := os.MkdirTemp(dir, ".datka-backup-*")
	if err != nil {
		return m, fmt.Errorf("backup: the folder for %s: %w", out, err)
	}
	defer os.RemoveAll(work)

	snap := filepath.Join(work, databaseName)
	m.Created = time.Now().UTC().Truncate(time.Second)
	c, err := st.Snapshot(ctx, snap)
	if err != nil {
		return m, fmt.Errorf("backup: %w", err)
	}
	for _, t := range c.Tables {
		m.Tables = append(m.Tables, Table{Name: t.Table, Rows: t.Rows})
	}
	m.SearchDocs = c.SearchDocs

	f, err := os.CreateTemp(dir, ".datka-backup-*.tar.gz")
	if err != nil {
		return m, fmt.Errorf("backup: %w", err)
	}
	tmp := f.Name()
	defer func() {
		if f != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	gz := gzip.NewWriter(f)
	tw := tar.NewWriter(gz)
	rep := progress.New(w, "backup", int64(1+len(c.Media)))

	db, err := os.Open(snap)
	if err != nil {
		return m, fmt.Errorf("backup: %w", err)
	}
	entry, err := addFile(tw, databaseName, db, m.Created)
	db.Close()
	if err != nil {
		return m, err
	}
	m.Files = append(m.Files, entry)
	rep.Add(1, entry.Size)
	os.Remove(snap)

	for _, name := range c.Media {
		if err := ctx.Err(); err != nil {
			return m, err
		}
		mf, err := files.Open(ctx, name)
		if errors.Is(err, media.ErrNotExist) {
			m.Missing = append(m.Missing, name)
			rep.Add(1, 0)
			continue
		}
		if err != nil {
			return m, fmt.Errorf("backup: %w", err)
		}
		entry, err := addFile(tw, mediaDir+name, mf, m.Created)
		mf.Close()
		if err != nil {
			return m, err
		}
		m.Files = append(m.Files, entry)
		rep.Add(1, entry.Size)
	}

	body, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return m, fmt.Errorf("backup: %w", err)
	}
	hdr := &tar.Header{Name: manifestName, Mode: 0o600, Size: int64(len(body)), ModTime: m.Created, Typeflag: tar.TypeReg}
	if err := tw.WriteHeader(hdr); err != nil {
		return m, fmt.Errorf("backup: write %s: %w", out, err)
	}
	if _, err := tw.Write(body); err != nil {
		return m, fmt.Errorf("backup: write %s: %w", out, err)
	}
	if err := tw.Close(); err != nil {
		return m, fmt.Errorf("backup: write %s: %w", out, err)
	}
	if err := gz.Close(); err != nil {
		return m, fmt.Errorf("backup: write %s: %w", out, err)
	}
	if err := f.Sync(); err != nil {
		return m, fmt.Errorf("backup: write %s: %w", out, err)
	}
	size, _ := f.Seek(0, io.SeekCurrent)
	if err := f.Close(); err != nil {
		return m, fmt.Errorf("backup: write %s: %w", out, err)
	}
	// A link fails where a rename would replace: an archive that appeared
	// under the name meanwhile is kept.
	f = nil
	if err := os.Link(tmp, out); errors.Is(err, fs.ErrExist) {
		os.Remove(tmp)
		return m, fmt.Errorf("backup: %s appeared while the backup was written; it is left as it is, and this backup is not kept", out)
	} else if err != nil { // a file system without links
		if err := os.Rename(tmp, out); err != nil {
			os.Remove(tmp)
			return m, fmt.Errorf("backup: %w", err)
		}
	}
	os.Remove(tmp)
	syncDir(dir)
	summary := fmt.Sprintf("%d rows of %d tables, %d media files (%s), archive %s", m.Rows(), len(m.Tables),
		len(m.Files)-1, progress.Bytes(m.MediaBytes()), progress.Bytes(size))
	if len(m.Missing) > 0 {
		summary += fmt.Sprintf(", %d media files missing from storage", len(m.Missing))
	}
	rep.Done(summary)
	return m, nil
}

// addFile writes one entry of known size from r, and returns its record.
func addFile(tw *tar.Writer, name string, r io.ReadSeeker, modTime time.Time) (File, error) {
	size, err := r.Seek(0, io.SeekEnd)
	if err == nil {
		_, err = r.Seek(0, io.SeekStart)
	}
	if err != nil {
		return File{}, fmt.Errorf("backup: size of %s: %w", name, err)
	}
	hdr := &tar.Header{Name: name, Mode: 0o600, Size: size, ModTime: modTime, Typeflag: tar.TypeReg}
	if err := tw.WriteHeader(hdr); err != nil {
		return File{}, fmt.Errorf("backup: write %s: %w", name, err)
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tw, h), r)
	if err != nil {
		return File{}, fmt.Errorf("backup: write %s: %w", name, err)
	}
	if n != size {
		return File{}, fmt.Errorf("backup: %s changed while it was read (%d bytes of %d)", name, n, size)
	}
	return File{Name: name, Size: size, SHA256: sum(h)}, nil
}

func sum(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)) }

// syncDir flushes a folder's entries, so that a rename survives a crash.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// datkaVersion names the build: its module version and commit.
func datkaVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	v := bi.Main.Version
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return v
}
