package backup

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/datka-cms/datka/internal/media"
	"github.com/datka-cms/datka/internal/progress"
	"github.com/datka-cms/datka/internal/store"
)

// ErrDamaged is returned for an archive that is not a whole datka backup:
// truncated, changed, or something else altogether.
var ErrDamaged = errors.New("backup: the archive is damaged or incomplete")

// ErrNotEmpty is returned when the target holds a site already.
var ErrNotEmpty = errors.New("backup: the target is not empty")

// maxManifest bounds the manifest read into memory: some hundred bytes a
// file, for hundreds of thousands of files.
const maxManifest = 64 << 20

// Target is where a restore puts the site.
type Target struct {
	// DatabaseURL is the database: sqlite:PATH or postgres://….
	DatabaseURL string
	// SQLitePath is the database's file when it is SQLite, "" otherwise.
	SQLitePath string
	// MediaDir is the folder of the media files when they are kept on
	// disk; it is made if need be. Otherwise Files is the storage.
	// The archive is unpacked beside SQLitePath, or for PostgreSQL in
	// the system's temporary folder (TMPDIR), which needs room for it.
	MediaDir string
	Files    media.Storage
	// Force lets a restore onto SQLite replace a database that is there;
	// that one is renamed, not deleted. It never empties PostgreSQL.
	Force bool
}

// Report is what Restore did.
type Report struct {
	Manifest Manifest
	// Replaced is where the database that was at the target went (SQLite
	// with Force), "" when there was none.
	Replaced string
	// Contents is what the target holds afterwards, counted there.
	Contents store.Contents
	// Elapsed is how long the restore took.
	Elapsed time.Duration
}

// Restore checks the archive at path whole, and then puts the site it
// holds into t. Progress goes to w. An error before the database is in
// place leaves t as it was; on PostgreSQL, a schema that held nothing
// before is emptied again of the tables the restore made.
func Restore(ctx context.Context, path string, t Target, w io.Writer) (r Report, err error) {
	start := time.Now()
	if err := isFile(path); err != nil {
		return r, err
	}
	var dst *store.Store // PostgreSQL: written, and checked empty
	fresh := false       // PostgreSQL whose schema held nothing: opened only once the archive is sound
	stageIn := ""
	if t.SQLitePath != "" {
		if _, err := os.Lstat(t.SQLitePath); err == nil && !t.Force {
			return r, fmt.Errorf("%w: there is a database at %s already. Restore into a new data folder, or give --force to put the backup in its place (the database there is kept, renamed)", ErrNotEmpty, t.SQLitePath)
		}
		stageIn = filepath.Dir(t.SQLitePath)
	} else {
		if fresh, err = schemaEmpty(ctx, t.DatabaseURL); err != nil {
			return r, err
		}
		if !fresh {
			// Opening migrates it; a schema with tables had them already.
			if dst, err = store.Open(ctx, t.DatabaseURL); err != nil {
				return r, fmt.Errorf("backup: restore: %w", err)
			}
			defer dst.Close()
			c, err := dst.Contents(ctx)
			if err != nil {
				return r, fmt.Errorf("backup: restore: %w", err)
			}
			if c.Rows() > 0 {
				return r, fmt.Errorf("%w: the PostgreSQL database holds %d rows. A restore goes only into an empty one, --force or not: drop the database and create it again, or use a new one", ErrNotEmpty, c.Rows())
			}
		}
	}
	// Made folders are removed again should the restore fail; folders
	// that were there, and what they hold, are left alone.
	var made []string
	committed := false // the database is in place
	defer func() {
		if !committed {
			for _, d := range made {
				os.Remove(d)
			}
		}
	}()
	if stageIn != "" {
		m, err := makeDir(stageIn)
		made = append(made, m...)
		if err != nil {
			return r, err
		}
	}
	stage, err := os.MkdirTemp(stageIn, ".datka-restore-*")
	if err != nil {
		return r, fmt.Errorf("backup: restore: %w", err)
	}
	defer os.RemoveAll(stage)

	m, _, staged, err := verify(ctx, path, stage, w)
	if err != nil {
		return r, err
	}
	defer staged.Close()
	r.Manifest = m

	if fresh {
		// From here a failure drops what the migrations make, so that
		// the schema is as empty as it was for the next attempt. The
		// deferred calls run last first: this one after the files'.
		dst, err = store.Open(ctx, t.DatabaseURL)
		defer func() {
			if dst != nil {
				dst.Close()
			}
			if committed {
				return
			}
			if derr := dropAll(context.WithoutCancel(ctx), t.DatabaseURL); derr != nil {
				err = errors.Join(err, derr)
			}
		}()
		if err != nil {
			dst = nil
			return r, fmt.Errorf("backup: restore: %w", err)
		}
	}

	files := t.Files
	if t.MediaDir != "" {
		m, err := makeDir(t.MediaDir)
		made = append(m, made...) // the deepest first
		if err != nil {
			return r, err
		}
		if files, err = media.NewDisk(t.MediaDir); err != nil {
			return r, fmt.Errorf("backup: restore: %w", err)
		}
	}
	rep := progress.New(w, "restore", int64(len(m.Files)))
	var put []string // files this restore added, to remove should it fail
	defer func() {
		if committed {
			return
		}
		for _, name := range put {
			files.Delete(context.WithoutCancel(ctx), name)
		}
	}()
	putFiles := func(ctx context.Context) error {
		for _, f := range m.Files[1:] {
			name := strings.TrimPrefix(f.Name, mediaDir)
			had, err := has(ctx, files, name)
			if err != nil {
				return err
			}
			sf, err := os.Open(filepath.Join(stage, "media", name))
			if err != nil {
				return fmt.Errorf("backup: restore: %w", err)
			}
			err = files.Put(ctx, name, sized{sf, f.Size})
			sf.Close()
			if err != nil {
				return fmt.Errorf("backup: restore %s: %w", name, err)
			}
			if !had {
				put = append(put, name)
			}
			rep.Add(1, f.Size)
		}
		return nil
	}

	if dst != nil {
		report, err := staged.CopyTo(ctx, dst, func(ctx context.Context, _ []string) error { return putFiles(ctx) })
		committed = report.Committed
		if err != nil {
			return r, fmt.Errorf("backup: restore: %w", err)
		}
		rep.Add(1, m.Files[0].Size)
	} else {
		if err := putFiles(ctx); err != nil {
			return r, err
		}
		if err := staged.Close(); err != nil {
			return r, fmt.Errorf("backup: restore: %w", err)
		}
		if r.Replaced, err = placeSQLite(filepath.Join(stage, databaseName), t.SQLitePath); err != nil {
			return r, err
		}
		committed = true
		rep.Add(1, m.Files[0].Size)
		var err error
		if dst, err = store.OpenSQLite(ctx, t.SQLitePath); err != nil {
			return r, fmt.Errorf("backup: restore: the restored database does not open: %w", err)
		}
		defer dst.Close()
	}
	if r.Contents, err = dst.Contents(ctx); err != nil {
		return r, fmt.Errorf("backup: restore: %w", err)
	}
	if err := m.matches(r.Contents); err != nil {
		return r, fmt.Errorf("backup: restore: the restored database differs from the manifest: %w", err)
	}
	r.Elapsed = time.Since(start)
	summary := fmt.Sprintf("%d rows of %d tables, %d media files (%s)", r.Contents.Rows(), len(r.Contents.Tables),
		len(m.Files)-1, progress.Bytes(m.MediaBytes()))
	rep.Done(summary)
	return r, nil
}

// Check reads the archive at path whole and checks it exactly as Restore
// does before it writes anything, unpacking it into the system's
// temporary folder (TMPDIR), which needs room for it. It touches no
// database and no media storage. Progress goes to w.
func Check(ctx context.Context, path string, w io.Writer) (Manifest, store.Contents, error) {
	if err := isFile(path); err != nil {
		return Manifest{}, store.Contents{}, err
	}
	stage, err := os.MkdirTemp("", ".datka-check-*")
	if err != nil {
		return Manifest{}, store.Contents{}, fmt.Errorf("backup: check: %w", err)
	}
	defer os.RemoveAll(stage)
	m, c, staged, err := verify(ctx, path, stage, w)
	if err != nil {
		return m, c, err
	}
	return m, c, staged.Close()
}

// isFile refuses a path that is not a regular file.
func isFile(path string) error {
	if fi, err := os.Stat(path); err != nil {
		return fmt.Errorf("backup: %w", err)
	} else if !fi.Mode().IsRegular() {
		return fmt.Errorf("backup: %s is not a file", path)
	}
	return nil
}

// verify is the check that both Restore and Check make: it unpacks the
// archive at path into stage, checking every entry against the manifest,
// then opens the database it holds, runs SQLite's integrity check on it,
// and compares its rows and media names with the manifest's. It returns
// the manifest, what the database holds, and the staged database, open.
func verify(ctx context.Context, path, stage string, w io.Writer) (Manifest, store.Contents, *store.Store, error) {
	var c store.Contents
	check := progress.New(w, "check", 0)
	m, err := unpack(ctx, path, stage, check)
	if err != nil {
		return m, c, nil, err
	}
	staged, err := store.OpenSQLite(ctx, filepath.Join(stage, databaseName))
	if err != nil {
		return m, c, nil, fmt.Errorf("%w: %s: its database does not open: %v", ErrDamaged, path, err)
	}
	fail := func(err error) (Manifest, store.Contents, *store.Store, error) {
		staged.Close()
		return m, c, nil, fmt.Errorf("%w: %s: %v", ErrDamaged, path, err)
	}
	if err := staged.IntegrityCheck(ctx); err != nil {
		return fail(err)
	}
	if c, err = staged.Contents(ctx); err != nil {
		return fail(err)
	}
	if err := m.matches(c); err != nil {
		return fail(err)
	}
	check.Done(fmt.Sprintf("every checksum matches the manifest of %s; the database is sound and holds what it records", m.Created.Format(time.RFC3339)))
	return m, c, staged, nil
}

// schemaEmpty reports whether the PostgreSQL database at dbURL holds
// nothing at all in its current schema (the first of its search_path):
// no table, sequence, view, function or type. Only then may a failed
// restore drop everything there again.
func schemaEmpty(ctx context.Context, dbURL string) (bool, error) {
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return false, fmt.Errorf("backup: restore: connect to PostgreSQL: %w", err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var n int64
	err = conn.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM pg_class WHERE relnamespace = n.oid) +
		(SELECT count(*) FROM pg_proc WHERE pronamespace = n.oid) +
		(SELECT count(*) FROM pg_type WHERE typnamespace = n.oid)
		FROM pg_namespace n WHERE n.nspname = current_schema()`).Scan(&n)
	if errors.Is(err, pgx.ErrNoRows) { // no schema to create tables in; Open says so
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("backup: restore: look into the PostgreSQL database: %w", err)
	}
	return n == 0, nil
}

// dropAll drops everything in the current schema of the PostgreSQL
// database at dbURL, in one transaction: what a restore into a schema
// that schemaEmpty found empty made there before it failed.
func dropAll(ctx context.Context, dbURL string) error {
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return fmt.Errorf("backup: restore failed, and the tables it made are left (drop them before the next attempt): %w", err)
	}
	defer conn.Close(ctx)
	err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		// Tables take their indexes, triggers and sequences along;
		// functions and types (a table's row type went with it) follow.
		for _, q := range []string{
			`SELECT format('DROP TABLE IF EXISTS %I.%I CASCADE', schemaname, tablename) FROM pg_tables WHERE schemaname = current_schema()`,
			`SELECT format('DROP VIEW IF EXISTS %I.%I CASCADE', schemaname, viewname) FROM pg_views WHERE schemaname = current_schema()`,
			`SELECT format('DROP SEQUENCE IF EXISTS %I.%I CASCADE', sequence_schema, sequence_name) FROM information_schema.sequences WHERE sequence_schema = current_schema()`,
			`SELECT format('DROP ROUTINE IF EXISTS %s CASCADE', p.oid::regprocedure) FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace`,
			`SELECT format('DROP TYPE IF EXISTS %s CASCADE', t.oid::regtype) FROM pg_type t WHERE t.typnamespace = current_schema()::regnamespace`,
		} {
			rows, err := tx.Query(ctx, q)
			if err != nil {
				return err
			}
			drops, err := pgx.CollectRows(rows, pgx.RowTo[string])
			if err != nil {
				return err
			}
			for _, d := range drops {
				if _, err := tx.Exec(ctx, d); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("backup: restore failed, and dropping the tables it made failed too (drop them before the next attempt): %w", err)
	}
	return nil
}

// unpack reads the archive at path into the folder stage, checking every
// entry against the manifest, and returns the manifest.
func unpack(ctx context.Context, path, stage string, rep *progress.Reporter) (Manifest, error) {
	var m Manifest
	damaged := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s: %s", ErrDamaged, path, fmt.Sprintf(format, args...))
	}
	f, err := os.Open(path)
	if err != nil {
		return m, fmt.Errorf("backup: %w", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return m, damaged("not a gzip-compressed archive (%v)", err)
	}
	if err := os.Mkdir(filepath.Join(stage, "media"), 0o750); err != nil {
		return m, fmt.Errorf("backup: restore: %w", err)
	}
	tr := tar.NewReader(gz)
	seen := map[string]File{}
	var manifest []byte
	for {
		if err := ctx.Err(); err != nil {
			return m, err
		}
		hdr, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return m, damaged("%v", err)
		}
		if manifest != nil {
			return m, damaged("%s follows the manifest", hdr.Name)
		}
		if hdr.Typeflag != tar.TypeReg {
			return m, damaged("%s is not a file", hdr.Name)
		}
		if _, ok := seen[hdr.Name]; ok {
			return m, damaged("%s is in it twice", hdr.Name)
		}
		var to string
		switch name, isMedia := strings.CutPrefix(hdr.Name, mediaDir); {
		case hdr.Name == manifestName:
			if hdr.Size > maxManifest {
				return m, damaged("its manifest is %d bytes", hdr.Size)
			}
			if manifest, err = io.ReadAll(tr); err != nil {
				return m, damaged("%v", err)
			}
			continue
		case hdr.Name == databaseName:
			to = filepath.Join(stage, databaseName)
		case isMedia && media.ValidName(name):
			to = filepath.Join(stage, "media", name)
		default:
			return m, damaged("%q is no part of a datka backup", hdr.Name)
		}
		out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return m, fmt.Errorf("backup: restore: %w", err)
		}
		h := sha256.New()
		n, err := io.Copy(io.MultiWriter(out, h), tr)
		if cerr := out.Close(); err == nil && cerr != nil {
			return m, fmt.Errorf("backup: restore: %w", cerr)
		}
		if err != nil {
			return m, damaged("%s: %v", hdr.Name, err)
		}
		seen[hdr.Name] = File{Name: hdr.Name, Size: n, SHA256: sum(h)}
		rep.Add(1, n)
	}
	// The gzip stream's own checksum is checked at its end.
	if _, err := io.Copy(io.Discard, gz); err != nil {
		return m, damaged("%v", err)
	}
	if manifest == nil {
		return m, damaged("it has no manifest; it ends early, or it is not a datka backup")
	}
	if err := json.Unmarshal(manifest, &m); err != nil {
		return m, damaged("its manifest does not read: %v", err)
	}
	if m.Format != formatName {
		return m, damaged("its manifest is not of a datka backup")
	}
	if m.Version > formatVersion {
		return m, fmt.Errorf("backup: %s is of format %d, made by a newer datka (%s); this one reads format %d", path, m.Version, m.Datka, formatVersion)
	}
	if len(m.Files) == 0 || m.Files[0].Name != databaseName {
		return m, damaged("its manifest names no database")
	}
	for _, want := range m.Files {
		got, ok := seen[want.Name]
		switch {
		case !ok:
			return m, damaged("%s is in the manifest but not in the archive", want.Name)
		case got.Size != want.Size:
			return m, damaged("%s holds %d bytes; the manifest says %d", want.Name, got.Size, want.Size)
		case got.SHA256 != want.SHA256:
			return m, damaged("%s does not match its checksum in the manifest", want.Name)
		}
		delete(seen, want.Name)
	}
	for name := range seen {
		return m, damaged("%s is in the archive but not in the manifest", name)
	}
	return m, nil
}

// matches checks that a database holds the rows and names the media
// files that the manifest records.
func (m Manifest) matches(c store.Contents) error {
	rows := map[string]int64{}
	for _, t := range c.Tables {
		rows[t.Table] = t.Rows
	}
	for _, t := range m.Tables {
		if got, ok := rows[t.Name]; !ok || got != t.Rows {
			return fmt.Errorf("table %s holds %d rows; the manifest says %d", t.Name, got, t.Rows)
		}
	}
	var want []string
	for _, f := range m.Files[1:] {
		want = append(want, strings.TrimPrefix(f.Name, mediaDir))
	}
	want = append(want, m.Missing...)
	slices.Sort(want)
	got := slices.Clone(c.Media)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		return fmt.Errorf("the database names %d media files; the manifest %d", len(got), len(want))
	}
	return nil
}

// has reports whether storage holds a file.
func has(ctx context.Context, s media.Storage, name string) (bool, error) {
	f, err := s.Open(ctx, name)
	if errors.Is(err, media.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("backup: restore: %w", err)
	}
	f.Close()
	return true, nil
}

// placeSQLite moves the database file from into place at to. A database
// there already, with its write-ahead log, is renamed beside it first;
// its new name is returned.
func placeSQLite(from, to string) (string, error) {
	var replaced string
	if _, err := os.Lstat(to); err == nil {
		replaced = to + ".before-restore-" + time.Now().UTC().Format("20060102-150405")
		for i := 2; ; i++ { // never over an earlier one
			if _, err := os.Lstat(replaced); errors.Is(err, fs.ErrNotExist) {
				break
			}
			replaced = fmt.Sprintf("%s.before-restore-%s-%d", to, time.Now().UTC().Format("20060102-150405"), i)
		}
		for _, side := range []string{"", "-wal", "-shm"} {
			if err := os.Rename(to+side, replaced+side); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return "", fmt.Errorf("backup: restore: move the database that is there aside: %w", err)
			}
		}
	}
	for _, side := range []string{"-wal", "-shm"} {
		// A log left without its database must not meet the new one.
		os.Remove(to + side)
		if err := os.Rename(from+side, to+side); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("backup: restore: %w", err)
		}
	}
	if err := os.Rename(from, to); err != nil {
		if replaced != "" {
			os.Rename(replaced, to)
		}
		return "", fmt.Errorf("backup: restore: %w", err)
	}
	syncDir(filepath.Dir(to))
	return replaced, nil
}

// makeDir makes a folder and the folders above it that are missing, and
// returns those it made, the deepest first.
func makeDir(dir string) ([]string, error) {
	var made []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil {
			break
		}
		made = append(made, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("backup: restore: %w", err)
	}
	return made, nil
}

// sized is a file of known size: S3 takes it in one PUT of that length
// rather than in parts of unknown total.
type sized struct {
	*os.File
	size int64
}

func (s sized) Len() int { return int(s.size) }
