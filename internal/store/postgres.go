package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// changesChannel is the channel PostgreSQL's triggers (migration 00002)
// notify in the transaction of every change to the content, with the
// schema written to and the writer's application_name as payload, "SCHEMA
// NAME". Notifications go out when the transaction commits, and only
// then. The channel is the database's: sites in other schemas of it hear
// each other's, and pass them by.
const changesChannel = "datka_changes"

// postgres is what a Store on PostgreSQL keeps beside its pool: its
// name among the instances and the listener that hears the others.
type postgres struct {
	pool *pgxpool.Pool
	// name is this instance's application_name: its own notifications
	// carry it, and it holds the leases of the jobs it runs.
	name    string
	hearing atomic.Bool // the listener is connected and listening
	stop    context.CancelFunc
	done    chan struct{}
	lastErr atomic.Value // the error that last cut the listener off
	ready   chan error   // the first attempt's outcome
}

// OpenPostgres connects to the PostgreSQL database at dbURL through a
// pgxpool, brings its schema up to date and starts listening for the
// changes other instances make. The pool's size can be set in the URL
// (pool_max_conns=N); it defaults to four connections per CPU, at least
// eight.
func OpenPostgres(ctx context.Context, dbURL string) (*Store, error) {
	where := redactURL(dbURL)
	cfg, err := pgxpool.ParseConfig(dbURL)
	if err != nil {
		return nil, fmt.Errorf("store: PostgreSQL address %s: %w", where, err)
	}
	if u, err := url.Parse(dbURL); err == nil && !u.Query().Has("pool_max_conns") {
		cfg.MaxConns = int32(max(8, 4*runtime.GOMAXPROCS(0)))
	}
	if cfg.ConnConfig.ConnectTimeout == 0 { // connect_timeout in the URL
		cfg.ConnConfig.ConnectTimeout = 10 * time.Second
	}
	p := &postgres{name: newInstanceName(), done: make(chan struct{}), ready: make(chan error, 1)}
	cfg.ConnConfig.RuntimeParams["application_name"] = p.name
	if p.pool, err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
		return nil, fmt.Errorf("store: connect to PostgreSQL at %s: %w", where, err)
	}
	if err := p.pool.Ping(ctx); err != nil {
		p.pool.Close()
		return nil, fmt.Errorf("store: connect to PostgreSQL at %s: %w", where, err)
	}
	db := stdlib.OpenDBFromPool(p.pool)
	// database/sql keeps two idle connections unless told otherwise:
	// every other one would go back to the pool after each query, and
	// with it the statements pgx prepared on it for database/sql.
	db.SetMaxOpenConns(int(cfg.MaxConns))
	db.SetMaxIdleConns(int(cfg.MaxConns))
	if err := migratePostgres(ctx, db); err != nil {
		db.Close()
		p.pool.Close()
		return nil, err
	}
	s := &Store{write: db, read: db, pg: p, instance: p.name}
	lctx, stop := context.WithCancel(context.Background())
	p.stop = stop
	go p.listen(lctx, func() { s.gen.Add(1) })
	// An instance serves once it hears the others: until then it could
	// not cache a page.
	select {
	case err = <-p.ready:
	case <-ctx.Done():
		err = ctx.Err()
	}
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("store: listen for changes on PostgreSQL at %s: %w", where, err)
	}
	if err := s.reindexIfStale(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// migratePostgres brings a PostgreSQL database's schema up to date. An
// advisory lock makes instances that start together take turns.
func migratePostgres(ctx context.Context, db *sql.DB) error {
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return fmt.Errorf("store: migrations: %w", err)
	}
	return migrateDialect(ctx, db, goose.DialectPostgres, "migrations/postgres", goose.WithSessionLocker(locker))
}

// listen hears the changes other instances commit and counts each as a
// change of this Store's content, so that every cache derived from it
// is dropped. While it is not connected no notification can reach it, so
// Generation changes on every call and nothing is cached; when it
// connects again it counts one more change for whatever it missed.
func (p *postgres) listen(ctx context.Context, changed func()) {
	defer close(p.done)
	wait := 100 * time.Millisecond
	first := true
	for ctx.Err() == nil {
		err := p.listenOnce(ctx, changed, func() {
			wait = 100 * time.Millisecond
			if first {
				first = false
				p.ready <- nil
			}
		})
		if first {
			first = false
			p.ready <- err
		}
		p.hearing.Store(false)
		changed()
		if ctx.Err() != nil {
			return
		}
		p.lastErr.Store(err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		wait = min(2*wait, 5*time.Second)
	}
}

func (p *postgres) listenOnce(ctx context.Context, changed, connected func()) error {
	conn, err := pgx.ConnectConfig(ctx, p.pool.Config().ConnConfig.Copy())
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	var schema string
	if err := conn.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
		return err
	}
	if _, err := conn.Exec(ctx, `LISTEN `+changesChannel); err != nil {
		return err
	}
	p.hearing.Store(true)
	changed() // whatever changed while no one listened
	connected()
	ours, own := schema+" ", schema+" "+p.name
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		if strings.HasPrefix(n.Payload, ours) && n.Payload != own {
			changed()
		}
	}
}

// close stops the listener and closes the pool.
func (p *postgres) close(db *sql.DB) error {
	p.stop()
	<-p.done
	err := db.Close()
	p.pool.Close()
	return err
}

// Listening reports whether this Store hears the changes other instances
// make, and if not, why not. On SQLite it always does: there are none.
func (s *Store) Listening() (bool, error) {
	if s.pg == nil {
		return true, nil
	}
	if s.pg.hearing.Load() {
		return true, nil
	}
	err, _ := s.pg.lastErr.Load().(error)
	if err == nil {
		err = errors.New("store: not yet listening for changes")
	}
	return false, err
}

// redactURL hides the password in a database URL, for messages: before
// the host or, as pgx also reads it, in the query.
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(an address that cannot be read)"
	}
	if q := u.Query(); q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}
