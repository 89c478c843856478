// Package cli is datka's command line: it parses the subcommand and its
// options into a config.Config and runs it. Every subcommand that works on
// a site takes the same --data and --db options before its arguments.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/datka-cms/datka/internal/config"
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	serve   bool // takes the serving options (--addr, --base-url, --theme)
	// flags, if set, registers the command's own options beside the
	// shared ones, bound to what its run reads.
	flags func(fs *flag.FlagSet)
	run   func(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	md := &migrateData{}
	return []command{
		{name: "serve", summary: "serve the site (the default command)", serve: true, run: serve},
		{name: "migrate", summary: "create or upgrade the database, seed default content, and exit", run: migrateCmd},
		{name: "user", summary: "manage accounts: user list | add [--role R] [--lang L] EMAIL | passwd EMAIL | disable EMAIL | enable EMAIL", run: userCmd},
		{name: "migrate-data", summary: "copy the site and its media into a new, empty database (SQLite to PostgreSQL) and check the counts", flags: md.flags, run: md.run},
		backupCommand(),
		restoreCommand(),
		exportCommand(),
		importCommand(),
	}
}

// Main runs datka with args (without the program name) and returns the
// process's exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
		usage(stdout)
		return 0
	}
	name := "serve"
	if len(args) > 0 && (len(args[0]) == 0 || args[0][0] != '-') {
		name, args = args[0], args[1:]
	}
	if name == "help" {
		usage(stdout)
		return 0
	}
	for _, c := range commands() {
		if c.name != name {
			continue
		}
		cfg := config.Default()
		fs := flag.NewFlagSet("datka "+c.name, flag.ContinueOnError)
		fs.SetOutput(stderr)
		file := cfg.Flags(fs, c.serve)
		if c.flags != nil {
			c.flags(fs)
		}
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
		}
		set := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
		if err := cfg.Load(*file, set); err != nil {
			fmt.Fprintln(stderr, "datka:", err)
			return 2
		}
		if err := c.run(ctx, cfg, fs.Args(), stdout, stderr); err != nil {
			fmt.Fprintln(stderr, "datka:", err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(stderr, "datka: unknown command %q\n\n", name)
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprint(w, `datka is a multilingual website engine and CMS in one binary.

Usage:
  datka [command] [options] [arguments]

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-13s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "  %-13s %s\n", "help", "show this help")
	fmt.Fprint(w, `
Options every command takes (before its arguments):
  --data DIR      the data folder: database and media (default ./data, env DATKA_DATA)
  --db URL        the database: sqlite:PATH (default DIR/datka.db) or postgres://USER:PASSWORD@HOST/DB (env DATKA_DB)
  --config FILE   read settings from a JSON file (env DATKA_CONFIG)

Options of serve:
  --addr HOST:PORT  listen address (default localhost:8080, env DATKA_ADDR)
  --base-url URL    the site's public address, for canonical links (env DATKA_BASE_URL)
  --theme DIR       templates and static files from a folder (env DATKA_THEME)
  --media URL       media files: disk (the data folder) or s3://BUCKET?endpoint=HOST:PORT (env DATKA_MEDIA)
  --page-cache-mb N memory for rendered pages, 0 for none (default 64, env DATKA_PAGE_CACHE_MB)
  --backup-dir DIR  back the site up into a folder on its own (env DATKA_BACKUP_DIR), every
                    --backup-every (default 24h), keeping the newest --backup-keep (default 7)

Options of migrate-data:
  --to URL          the new, empty database: postgres://USER:PASSWORD@HOST/DB or sqlite:PATH
  --from URL        the database to copy (default: the site's, as --db names it)
  --media-from URL  where the media files are: disk or s3://… (default: the site's, DATKA_MEDIA)
  --media-to URL    where they go: disk or s3://BUCKET?endpoint=HOST:PORT (default: where they are)

Environment only:
  DATKA_LANGUAGES   content languages, the default first (default "ru,ky,en")
  DATKA_LOG_FORMAT  text or json; DATKA_LOG_LEVEL  debug, info, warn or error

Run "datka COMMAND -h" for a command's options.
`)
}
