package cli

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/datka-cms/datka/internal/backup"
	"github.com/datka-cms/datka/internal/config"
	"github.com/datka-cms/datka/internal/progress"
	"github.com/datka-cms/datka/internal/store"
)

// backupCommand is the command's line in commands().
func backupCommand() command {
	o := &backupCmd{}
	return command{name: "backup", summary: "write the database and the media files to one archive while the site serves: backup [--out FILE]",
		flags: o.flags, run: o.run}
}

// backupCmd writes the site, database and media, to one archive while it
// serves:
//
//	datka backup --out /backups/datka-2026-11-28.tar.gz
type backupCmd struct {
	out   string
	media string
}

func (o *backupCmd) flags(fs *flag.FlagSet) {
	fs.StringVar(&o.out, "out", "", "write the archive to `FILE`, which must not exist (default datka-backup-DATE-TIME.tar.gz here)")
	fs.StringVar(&o.media, "media", "", "the media files are at `URL`: disk (the data folder) or s3://BUCKET?endpoint=HOST:PORT (default: the site's, DATKA_MEDIA)")
}

func (o *backupCmd) run(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		return fmt.Errorf("backup takes no arguments, got %q; name the archive with --out", args)
	}
	db, err := cfg.Database()
	if err != nil {
		return err
	}
	if db.Driver == "sqlite" {
		// Opening would make an empty one and back that up.
		if _, err := os.Stat(db.Path); errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("there is no database at %s to back up: give --data or --db", db)
		}
	}
	out := cmp.Or(o.out, "datka-backup-"+time.Now().Format("20060102-150405")+".tar.gz")
	files, where, err := openStorage(ctx, cfg, cmp.Or(o.media, cfg.Media, "disk"))
	if err != nil {
		return fmt.Errorf("--media: %w", err)
	}
	st, err := store.Open(ctx, db.URL)
	if err != nil {
		return err
	}
	defer st.Close()
	m, err := backup.Write(ctx, st, files, out, stderr)
	if err != nil {
		return fmt.Errorf("%w\nNo archive was written.", err)
	}
	fmt.Fprintf(stdout, "Backed up %s and the media files in %s to %s, as the site stood at %s:\n",
		db, where, out, m.Created.Local().Format("2006-01-02 15:04:05 MST"))
	fmt.Fprintf(stdout, "%d rows of %d tables, %d media files (%s).\n", m.Rows(), len(m.Tables), len(m.Files)-1, progress.Bytes(m.MediaBytes()))
	if len(m.Missing) > 0 {
		fmt.Fprintf(stdout, "Warning: %d media files the database names were not in the storage, and are not in the archive (deleted meanwhile, or lost before): %s\n",
			len(m.Missing), m.Missing)
	}
	fmt.Fprintf(stdout, "Restore it with: datka restore %s\n", out)
	return nil
}
