package cli

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/datka-cms/datka/internal/backup"
	"github.com/datka-cms/datka/internal/config"
	"github.com/datka-cms/datka/internal/media"
	"github.com/datka-cms/datka/internal/progress"
)

// restoreCommand is the command's line in commands().
func restoreCommand() command {
	o := &restoreCmd{}
	return command{name: "restore", summary: "check a backup whole, then put it into an empty data folder or database: restore [--force] FILE, or only check it: restore --check FILE",
		flags: o.flags, run: o.run}
}

// restoreCmd puts a site from an archive of datka backup into an empty
// data folder or database:
//
//	datka restore --data /srv/datka/data /backups/datka-2026-11-28.tar.gz
//
// It reads the whole archive and checks it against its manifest before
// it writes anything.
type restoreCmd struct {
	force bool
	check bool
	media string
}

func (o *restoreCmd) flags(fs *flag.FlagSet) {
	fs.BoolVar(&o.force, "force", false, "on SQLite, put the backup in place of a database that is there (which is kept, renamed); PostgreSQL must be empty regardless")
	fs.BoolVar(&o.check, "check", false, "only check the archive, as a restore would before it writes, and say what it holds; it is unpacked into TMPDIR, and nothing else is touched")
	fs.StringVar(&o.media, "media", "", "put the media files in `URL`: disk (the data folder) or s3://BUCKET?endpoint=HOST:PORT (default: the site's, DATKA_MEDIA)")
}

func (o *restoreCmd) run(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) error {
	if len(args) != 1 {
		return fmt.Errorf("restore takes one argument, the archive, as in: datka restore --data DIR backup.tar.gz (got %q)", args)
	}
	if o.check {
		if o.force || o.media != "" {
			return errors.New("restore --check only reads the archive; it takes neither --force nor --media")
		}
		return checkArchive(ctx, args[0], stdout, stderr)
	}
	db, err := cfg.Database()
	if err != nil {
		return err
	}
	t := backup.Target{DatabaseURL: db.URL, Force: o.force}
	if db.Driver == "sqlite" {
		t.SQLitePath = db.Path
		// A folder that is not there serves no site yet.
		if _, err := os.Stat(filepath.Dir(db.Path)); err == nil {
			release, err := lockDatabase(db.Path, true)
			if errors.Is(err, errLocked) {
				return fmt.Errorf("a datka server is using %s; stop it before restoring.\nNothing was restored, and nothing there was changed.", filepath.Dir(db.Path))
			}
			if err != nil {
				return err
			}
			defer release()
		}
	}
	cfg.Media = cmp.Or(o.media, cfg.Media, "disk")
	s3, err := cfg.MediaStorage()
	if err != nil {
		return fmt.Errorf("--media: %w", err)
	}
	where := filepath.Join(cfg.DataDir, "media")
	if s3 != nil {
		if t.Files, err = media.NewS3(ctx, cfg.Media); err != nil {
			return fmt.Errorf("--media: %w", err)
		}
		where = s3Where(s3)
	} else {
		t.MediaDir = where
	}
	r, err := backup.Restore(ctx, args[0], t, stderr)
	if err != nil {
		if errors.Is(err, backup.ErrDamaged) || errors.Is(err, backup.ErrNotEmpty) {
			return fmt.Errorf("%w\nNothing was restored, and nothing at %s was changed.", err, db)
		}
		return err
	}
	m := r.Manifest
	fmt.Fprintf(stdout, "Restored %s (a site on %s, backed up at %s) into %s and %s:\n", args[0], m.Driver,
		m.Created.Local().Format("2006-01-02 15:04:05 MST"), db, where)
	fmt.Fprintf(stdout, "%d rows of %d tables, %d media files (%s), in %s; the counts match the manifest.\n",
		r.Contents.Rows(), len(r.Contents.Tables), len(m.Files)-1, progress.Bytes(m.MediaBytes()), r.Elapsed.Round(time.Millisecond))
	if r.Replaced != "" {
		fmt.Fprintf(stdout, "The database that was there is kept as %s.\n", r.Replaced)
	}
	if len(m.Missing) > 0 {
		fmt.Fprintf(stdout, "Warning: %d media files were missing when the backup was made, and are missing here: %s\n", len(m.Missing), m.Missing)
	}
	return nil
}

// checkArchive is restore --check: Restore's own checks of the archive,
// and a summary of what it holds.
func checkArchive(ctx context.Context, path string, stdout, stderr io.Writer) error {
	m, c, err := backup.Check(ctx, path, stderr)
	if err != nil {
		return fmt.Errorf("%w\nThe archive would not restore.", err)
	}
	by := cmp.Or(m.Datka, "a datka that did not record its version")
	fmt.Fprintf(stdout, "%s is a sound datka backup: every checksum matches its manifest, and its database passes SQLite's integrity check and holds the rows the manifest records.\n", path)
	fmt.Fprintf(stdout, "Backed up at %s from a site on %s, by %s.\n", m.Created.Local().Format("2006-01-02 15:04:05 MST"), m.Driver, by)
	fmt.Fprintf(stdout, "%d rows of %d tables, %d media files (%s), %d texts in the search index.\n",
		c.Rows(), len(c.Tables), len(m.Files)-1, progress.Bytes(m.MediaBytes()), c.SearchDocs)
	var rows []string
	for _, t := range c.Tables {
		if t.Rows > 0 {
			rows = append(rows, fmt.Sprintf("%s %d", t.Table, t.Rows))
		}
	}
	fmt.Fprintf(stdout, "Rows: %s.\n", strings.Join(rows, ", "))
	if len(m.Missing) > 0 {
		fmt.Fprintf(stdout, "Warning: %d media files were missing when the backup was made: %s\n", len(m.Missing), m.Missing)
	}
	return nil
}
