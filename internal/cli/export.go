package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"time"

	"github.com/datka-cms/datka/internal/app"
	"github.com/datka-cms/datka/internal/config"
	"github.com/datka-cms/datka/internal/export"
	"github.com/datka-cms/datka/internal/i18n"
)

// exportCmd freezes the public site into static files:
//
//	datka export --out /srv/archive --base-url https://hero.kg
//
// The work is internal/export's; this reads the options and reports.
type exportCmd struct {
	out string
}

func exportCommand() command {
	o := &exportCmd{}
	return command{name: "export", summary: "write the public site as static files, search included: export --out FOLDER [--base-url URL]",
		serve: true, flags: o.flags, run: o.run}
}

func (o *exportCmd) flags(fs *flag.FlagSet) {
	fs.StringVar(&o.out, "out", "", "write the static site into `folder` (required); a second run rewrites only what changed")
}

func (o *exportCmd) run(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		return fmt.Errorf("export takes no arguments, got %q", args)
	}
	if o.out == "" {
		return errors.New("export needs --out, the folder to write the static site into")
	}
	// Every page is a request: the request log would drown the progress.
	log := slog.New(quietHandler{cfg.Logger().Handler()})
	// Each page is rendered once: a page cache would only hold (and
	// compress) what is written out and never asked for again.
	cfg.PageCacheMB = 0
	a, err := app.Open(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.Close()
	if a.Seeded {
		fmt.Fprintf(stderr, "datka: there was no site in %s; exporting the default content.\n", cfg.DataDir)
	}
	if u, err := url.Parse(cfg.BaseURL); err == nil && (u.Hostname() == "localhost" || net.ParseIP(u.Hostname()) != nil) {
		fmt.Fprintf(stderr, "datka: canonical links, feeds and the sitemap will name %s; give --base-url, the address the archive will be served at.\n", cfg.BaseURL)
	}
	cat, err := i18n.Load(a.Languages.Default().Code)
	if err != nil {
		return err
	}
	loc, err := time.LoadLocation(cfg.TimeZone)
	if err != nil {
		return fmt.Errorf("time zone: %w", err)
	}
	s, err := export.Run(ctx, export.Options{Handler: a.Handler, Store: a.Store, Languages: a.Languages,
		Catalog: cat, Location: loc, BaseURL: cfg.BaseURL, Out: o.out, Progress: stderr})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Exported %d files (%d pages) to %s: %d written, %d unchanged, %d deleted.\n",
		s.Files, s.Pages, o.out, s.Written, s.Unchanged, s.Deleted)
	if len(s.Unresolved) > 0 {
		fmt.Fprintf(stdout, "%d links have no static form and were left as they are (a query the archive cannot answer), such as %s\n",
			len(s.Unresolved), s.Unresolved[0])
	}
	return nil
}

// quietHandler passes on warnings and errors only.
type quietHandler struct{ slog.Handler }

func (h quietHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= slog.LevelWarn && h.Handler.Enabled(ctx, l)
}

func (h quietHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return quietHandler{h.Handler.WithAttrs(as)}
}

func (h quietHandler) WithGroup(name string) slog.Handler {
	return quietHandler{h.Handler.WithGroup(name)}
}
