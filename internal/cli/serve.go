package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/datka-cms/datka/internal/app"
	"github.com/datka-cms/datka/internal/backup"
	"github.com/datka-cms/datka/internal/config"
	"github.com/datka-cms/datka/internal/jobs"
)

// shutdownGrace is how long requests in progress may take to finish.
const shutdownGrace = 20 * time.Second

func migrateCmd(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		return fmt.Errorf("migrate takes no arguments, got %q", args)
	}
	a, err := app.Open(ctx, cfg, cfg.Logger())
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.Store.IntegrityCheck(ctx); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "The database is up to date.")
	return nil
}

func serve(ctx context.Context, cfg config.Config, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		return fmt.Errorf("serve takes no arguments, got %q", args)
	}
	log := cfg.Logger()
	db, err := cfg.Database()
	if err != nil {
		return err
	}
	if db.Driver == "sqlite" {
		// The first start makes the data folder; the lock file lives there.
		if err := os.MkdirAll(filepath.Dir(db.Path), 0o750); err != nil {
			return fmt.Errorf("make the data folder: %w", err)
		}
		// Held until the server stops, so that a restore refuses meanwhile.
		release, err := lockDatabase(db.Path, false)
		if errors.Is(err, errLocked) {
			return fmt.Errorf("a datka restore is replacing the database at %s; start the site when it has finished", db.Path)
		}
		if err != nil {
			return err
		}
		defer release()
	}
	a, err := app.Open(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.Close()
	// Opening may have hashed the first administrator's password (64 MiB
	// of argon2id); give that memory back before serving.
	debug.FreeOSMemory()
	tuneGC()
	// Requests do not inherit ctx: on SIGTERM, those in progress finish
	// while Shutdown waits for them.
	srv := app.NewServer(a.Handler, log)
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "datka is serving the site at http://%s/ (data in %s). Press Ctrl+C to stop.\n", ln.Addr(), cfg.DataDir)
	if fa := a.FirstAdmin; fa != nil {
		fmt.Fprintf(stdout, "\nSign in at http://%s/admin/ as %s", ln.Addr(), fa.Email)
		if fa.Password != "" {
			fmt.Fprintf(stdout, " with the password %s\n(shown only this once: change it under My account after signing in)\n\n", fa.Password)
		} else {
			fmt.Fprint(stdout, " with the password from DATKA_ADMIN_PASSWORD.\n\n")
		}
	}
	// Scheduled publication and the mail outbox run beside the server and
	// stop before the database closes.
	jobsCtx, stopJobs := context.WithCancel(context.Background())
	jobsDone := make(chan struct{})
	go func() {
		defer close(jobsDone)
		(&jobs.Runner{Store: a.Store, Log: log, KeepMessages: time.Duration(cfg.KeepMessagesDays) * 24 * time.Hour}).Run(jobsCtx)
	}()
	defer func() { stopJobs(); <-jobsDone }()
	if a.Outbox != nil {
		mailDone := make(chan struct{})
		go func() {
			defer close(mailDone)
			a.Outbox.Run(jobsCtx)
		}()
		defer func() { stopJobs(); <-mailDone }()
		fmt.Fprintf(stdout, "Messages from the contact form are mailed to %s through %s.\n", cfg.ContactTo, cfg.SMTPAddr)
	}
	if cfg.BackupDir != "" {
		every, err := cfg.BackupInterval()
		if err != nil {
			return err
		}
		sched := &backup.Schedule{Store: a.Store, Files: a.Files, Dir: cfg.BackupDir, Every: every, Keep: cfg.BackupKeep,
			Log: log, Done: a.Metrics.BackupDone}
		backupsDone := make(chan struct{})
		go func() {
			defer close(backupsDone)
			sched.Run(jobsCtx)
		}()
		defer func() { stopJobs(); <-backupsDone }()
		fmt.Fprintf(stdout, "A backup goes to %s every %s; the newest %d are kept.\n", cfg.BackupDir, every, cfg.BackupKeep)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in progress")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}

// tuneGC trades memory the server does not use for fewer collections:
// collect when the heap has grown fivefold rather than doubled, but never
// let it pass a soft limit well inside the 150 MB datka promises. GOGC and
// GOMEMLIMIT in the environment win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(100 << 20)
	}
}
