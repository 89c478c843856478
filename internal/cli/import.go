package cli

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/datka-cms/datka/internal/app"
	"github.com/datka-cms/datka/internal/config"
	"github.com/datka-cms/datka/internal/media"
	"github.com/datka-cms/datka/internal/wxr"
)

// importCmd imports another system's content into the site:
//
//	datka import wordpress EXPORT.xml [--uploads wp-content/uploads]
//
// The site is opened as serve opens it (migrated, and seeded when new).
// What cannot be imported is skipped and listed in the report; running
// the import again creates nothing twice.
type importCmd struct {
	uploads string
	offline bool
	lang    string
}

func importCommand() command {
	o := &importCmd{}
	return command{name: "import", summary: "import a WordPress export: import wordpress EXPORT.xml [--uploads DIR]", flags: o.flags, run: o.run}
}

func (o *importCmd) flags(fs *flag.FlagSet) {
	fs.StringVar(&o.uploads, "uploads", "", "import attachments from `DIR`, a copy of the site's wp-content/uploads (default: download them from the old site's public address)")
	fs.StringVar(&o.lang, "lang", "", "posts that name no language (no Polylang or WPML data) are in `CODE` (default: the export's language if the site has it, else the site's default)")
	fs.BoolVar(&o.offline, "offline", false, "without --uploads, skip attachments rather than download them")
}

func (o *importCmd) run(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) error {
	// Flags may follow the file: datka import wordpress x.xml --uploads u.
	var pos []string
	for len(args) > 0 {
		if strings.HasPrefix(args[0], "-") && args[0] != "-" {
			fs := flag.NewFlagSet("datka import", flag.ContinueOnError)
			fs.SetOutput(stderr)
			o.flags(fs)
			if err := fs.Parse(args); err != nil {
				return err
			}
			args = fs.Args()
			continue
		}
		pos, args = append(pos, args[0]), args[1:]
	}
	if len(pos) != 2 || pos[0] != "wordpress" {
		return errors.New("usage: datka import wordpress EXPORT.xml [--uploads DIR]")
	}
	f, err := os.Open(pos[1])
	if err != nil {
		return err
	}
	defer f.Close()
	in, err := maybeGunzip(f)
	if err != nil {
		return fmt.Errorf("%s: %w", pos[1], err)
	}
	ex, err := wxr.Parse(in, wxr.DefaultLimits())
	if err != nil {
		return fmt.Errorf("%s: %w", pos[1], err)
	}
	if o.uploads != "" {
		if fi, err := os.Stat(o.uploads); err != nil || !fi.IsDir() {
			return fmt.Errorf("--uploads %s is not a folder", o.uploads)
		}
	}
	a, err := app.Open(ctx, cfg, cfg.Logger())
	if err != nil {
		return err
	}
	defer a.Close()
	if a.FirstAdmin != nil && a.FirstAdmin.Password != "" {
		fmt.Fprintf(stdout, "Created the administrator %s with the password %s (shown once).\n", a.FirstAdmin.Email, a.FirstAdmin.Password)
	}
	files, _, err := openStorage(ctx, cfg, cmp.Or(cfg.Media, "disk"))
	if err != nil {
		return err
	}
	im := &wxr.Importer{Store: a.Store, Files: files, Proc: media.NewProcessor(1), Uploads: o.uploads, Lang: o.lang,
		Langs: a.Languages.Codes(), Progress: stderr}
	if o.uploads == "" && !o.offline {
		im.Fetch = wxr.PublicClient()
	}
	rep, err := im.Import(ctx, ex)
	if err != nil {
		return err
	}
	_, err = rep.WriteTo(stdout)
	return err
}

// maybeGunzip reads an export compressed with gzip (export.xml.gz, as
// large exports are often kept and mailed) as the XML it holds; anything
// else is read as it is. The parser's size limit counts the XML, so a
// small file that unpacks to gigabytes still stops at the limit.
func maybeGunzip(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	magic, _ := br.Peek(2)
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("not a readable gzip file: %w", err)
		}
		return zr, nil
	}
	return br, nil
}
