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
	"path"
	"path/filepath"
	"time"

	"github.com/datka-cms/datka/internal/config"
	"github.com/datka-cms/datka/internal/media"
	"github.com/datka-cms/datka/internal/progress"
	"github.com/datka-cms/datka/internal/store"
)

// migrateData moves a site from the database it runs on into a new,
// empty one, the way a site grows from the embedded setup to the scaled
// one:
//
//	datka migrate-data --to postgres://datka:PASSWORD@db:5432/datka --media-to s3://media?endpoint=…
//
// It copies the media files first (files the destination has whole are
// left as they are), then every row in one transaction of the
// destination, and checks that each table holds as many rows there as at
// the source; any failure leaves the destination database as it was.
// The source may be in use: the copy is of one moment of it.
type migrateData struct {
	from, to           string
	mediaFrom, mediaTo string
}

func (o *migrateData) flags(fs *flag.FlagSet) {
	fs.StringVar(&o.to, "to", "", "copy into the new, empty database at `URL`: postgres://USER:PASSWORD@HOST:5432/DB or sqlite:PATH (required)")
	fs.StringVar(&o.from, "from", "", "copy the database at `URL` (default: the site's, as --db names it)")
	fs.StringVar(&o.mediaFrom, "media-from", "", "the media files are at `URL`: disk (the data folder) or s3://BUCKET?endpoint=HOST:PORT (default: the site's, DATKA_MEDIA)")
	fs.StringVar(&o.mediaTo, "media-to", "", "copy the media files to `URL`: disk or s3://BUCKET?endpoint=HOST:PORT (default: they stay where they are)")
}

func (o *migrateData) run(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		return fmt.Errorf("migrate-data takes no arguments, got %q", args)
	}
	if o.to == "" {
		return errors.New("migrate-data needs --to, the new database, such as --to postgres://datka:PASSWORD@db.example.org:5432/datka")
	}
	from, err := databaseAt(cfg, cmp.Or(o.from, cfg.DB))
	if err != nil {
		return err
	}
	to, err := databaseAt(cfg, o.to)
	if err != nil {
		return err
	}
	if sameDatabase(from, to) {
		return fmt.Errorf("--from and --to are the same database, %s", to)
	}
	if from.Driver == "sqlite" {
		// Opening would make an empty one and copy nothing.
		if _, err := os.Stat(from.Path); errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("there is no database at %s to copy from: give --data or --from", from)
		}
	}
	mediaFrom := cmp.Or(o.mediaFrom, cfg.Media, "disk")
	mediaTo := cmp.Or(o.mediaTo, mediaFrom)
	filesFrom, whereFrom, err := openStorage(ctx, cfg, mediaFrom)
	if err != nil {
		return fmt.Errorf("--media-from: %w", err)
	}
	filesTo, whereTo, err := openStorage(ctx, cfg, mediaTo)
	if err != nil {
		return fmt.Errorf("--media-to: %w", err)
	}
	if whereFrom == whereTo {
		filesTo = filesFrom // checked, not copied
	}

	src, err := store.Open(ctx, from.URL)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := store.Open(ctx, to.URL)
	if err != nil {
		return err
	}
	defer dst.Close()
	at := time.Now()
	var files media.CopyReport
	report, err := src.CopyTo(ctx, dst, func(ctx context.Context, names []string) error {
		bar := progress.New(stderr, "media files", int64(len(names)))
		var err error
		files, err = media.CopyFilesStep(ctx, filesTo, filesFrom, names, func(size int64) { bar.Add(1, size) })
		if err == nil {
			bar.Done(fmt.Sprintf("%d copied, %d there already", files.Copied, files.Present))
		}
		return err
	})
	if err != nil {
		if !report.Committed {
			return fmt.Errorf("%w\nNothing was written to %s.", err, to)
		}
		return err
	}

	for _, t := range report.Tables {
		fmt.Fprintf(stdout, "%-26s %8d\n", t.Table, t.Rows)
	}
	fmt.Fprintf(stdout, "%-26s %8d texts, rebuilt\n", "search index", report.SearchDocs)
	fmt.Fprintf(stdout, "%-26s %8d (%d copied, %d there already; %s)\n", "media files", files.Copied+files.Present,
		files.Copied, files.Present, progress.Bytes(files.Bytes))
	fmt.Fprintf(stdout, "Copied %d rows of %d tables from %s to %s, as the site stood at %s; the counts match.\n",
		report.Rows(), len(report.Tables), from, to, at.Format("15:04:05 MST"))
	if whereFrom == whereTo {
		fmt.Fprintf(stdout, "The media files stay in %s; every one is there.\n", whereTo)
	} else {
		fmt.Fprintf(stdout, "The media files are in %s as well as in %s.\n", whereTo, whereFrom)
	}
	fmt.Fprintln(stdout, "Changes made on the old site after that moment are not in the copy: stop it before you switch.")
	return nil
}

// databaseAt resolves a database URL the way --db is resolved.
func databaseAt(cfg config.Config, dbURL string) (config.Database, error) {
	cfg.DB = dbURL
	return cfg.Database()
}

func sameDatabase(a, b config.Database) bool {
	if a.Driver == "sqlite" && b.Driver == "sqlite" {
		pa, errA := filepath.Abs(a.Path)
		pb, errB := filepath.Abs(b.Path)
		return errA == nil && errB == nil && pa == pb
	}
	return a.URL == b.URL
}

// s3Where names a bucket for messages, without its keys.
func s3Where(s3 *media.S3Config) string {
	return "s3://" + path.Join(s3.Bucket, s3.Prefix) + " at " + s3.Endpoint
}

// openStorage opens the media storage a --media URL names, as serve
// does, and says where it is without its keys: two equal descriptions
// are the same storage.
func openStorage(ctx context.Context, cfg config.Config, where string) (media.Storage, string, error) {
	cfg.Media = where
	s3, err := cfg.MediaStorage()
	if err != nil {
		return nil, "", err
	}
	if s3 != nil {
		st, err := media.NewS3(ctx, where)
		if err != nil {
			return nil, "", err
		}
		return st, s3Where(s3), nil
	}
	dir := filepath.Join(cfg.DataDir, "media")
	st, err := media.NewDisk(dir)
	if err != nil {
		return nil, "", err
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return st, dir, nil
}
