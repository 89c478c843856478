// Package store holds every SQL statement datka runs. Handlers and the CLI
// call its methods with domain values from package content; nothing outside
// this package knows which database is underneath.
//
// A Store runs on SQLite or on PostgreSQL. Most statements are standard
// SQL that both accept as written (with $1-style parameters, which SQLite
// reads as numbered ones); where the two differ, each is written in full
// in a *_sqlite.go and a *_postgres.go file, never spliced together. Both
// databases keep the same tables with the same values: times as UTC
// instants (RFC 3339 text on SQLite, timestamptz on PostgreSQL, both read
// back through database/sql as text), flags as booleans.
//
// On SQLite a Store keeps two pools over one file: a single writer
// connection, so that writers queue in Go instead of failing with
// SQLITE_BUSY, and a pool of query-only readers that WAL mode lets run
// beside the writer. On PostgreSQL both are one pgxpool, and a listener
// connection hears the other instances' changes (see notify_postgres.go).
// Schema changes are goose migrations embedded per database, applied in
// order at Open, each in its own transaction.
package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pressly/goose/v3"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ErrNotFound is returned when the requested item does not exist.
var ErrNotFound = errors.New("store: not found")

//go:embed migrations
var migrations embed.FS

// Store is datka's database.
type Store struct {
	write *sql.DB
	read  *sql.DB
	path  string // SQLite's file; "" on PostgreSQL
	pg    *postgres
	// instance names this process among those sharing the database.
	instance string
	gen      atomic.Uint64
	// stmts are the prepared forms of the public site's hottest reads:
	// SQLite's planner costs more than running them.
	stmtMu sync.Mutex
	stmts  map[string]*sql.Stmt
	// memo keeps answers that scan many rows (the order of the entries
	// a list holds, its years and tags) for one generation of the
	// content.
	memoMu  sync.Mutex
	memoGen uint64
	memo    map[string]any
	// listMax, when set, replaces entryListMax, for tests.
	listMax int
}

// memoMax bounds the answers kept; past it the memo starts afresh.
const memoMax = 1000

// remember returns the answer kept under key for the current generation,
// or computes and keeps it.
func remember[T any](s *Store, key string, compute func() (T, error)) (T, error) {
	gen := s.Generation()
	s.memoMu.Lock()
	if s.memo == nil || s.memoGen != gen || len(s.memo) >= memoMax {
		s.memoGen, s.memo = gen, map[string]any{}
	}
	v, ok := s.memo[key]
	s.memoMu.Unlock()
	if ok {
		return v.(T), nil
	}
	out, err := compute()
	if err != nil {
		return out, err
	}
	s.memoMu.Lock()
	if s.memoGen == gen && s.memo != nil { // not kept when the content changed meanwhile
		s.memo[key] = out
	}
	s.memoMu.Unlock()
	return out, nil
}

// query runs a read through a statement prepared once per connection.
// pgx keeps such statements itself, per connection, on PostgreSQL.
func (s *Store) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if s.pg != nil {
		return s.read.QueryContext(ctx, query, args...)
	}
	s.stmtMu.Lock()
	st, ok := s.stmts[query]
	if !ok {
		var err error
		if st, err = s.read.PrepareContext(ctx, query); err != nil {
			s.stmtMu.Unlock()
			return nil, err
		}
		if s.stmts == nil {
			s.stmts = map[string]*sql.Stmt{}
		}
		s.stmts[query] = st
	}
	s.stmtMu.Unlock()
	return st.QueryContext(ctx, args...)
}

// Generation counts the changes to the content: those this Store wrote
// and, on PostgreSQL, those other instances wrote. Caches of anything
// derived from the content compare it to know they are stale. While a
// Store on PostgreSQL cannot hear the other instances, it changes on
// every call, so that nothing is cached.
func (s *Store) Generation() uint64 {
	if s.pg != nil && !s.pg.hearing.Load() {
		return s.gen.Add(1)
	}
	return s.gen.Load()
}

// changed records a committed change. On PostgreSQL the database's
// triggers tell the other instances.
func (s *Store) changed() { s.gen.Add(1) }

// Driver names the database underneath: "sqlite" or "postgres".
func (s *Store) Driver() string {
	if s.pg != nil {
		return "postgres"
	}
	return "sqlite"
}

// Pools returns the database pools by name, for metrics.
func (s *Store) Pools() map[string]*sql.DB {
	if s.pg != nil {
		return map[string]*sql.DB{"postgres": s.write}
	}
	return map[string]*sql.DB{"sqlite_write": s.write, "sqlite_read": s.read}
}

// Open opens the database a URL names: sqlite:PATH or postgres://….
func Open(ctx context.Context, dbURL string) (*Store, error) {
	switch {
	case strings.HasPrefix(dbURL, "sqlite:"):
		return OpenSQLite(ctx, strings.TrimPrefix(strings.TrimPrefix(dbURL, "sqlite:"), "//"))
	case strings.HasPrefix(dbURL, "postgres://"), strings.HasPrefix(dbURL, "postgresql://"):
		return OpenPostgres(ctx, dbURL)
	}
	return nil, fmt.Errorf("store: unknown database URL %q: expected sqlite:PATH or postgres://…", redactURL(dbURL))
}

// OpenSQLite opens (creating if needed) the SQLite database at path and
// brings its schema up to date.
func OpenSQLite(ctx context.Context, path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("store: create database folder: %w", err)
	}
	dsn := func(extra ...string) string {
		q := url.Values{}
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "busy_timeout(10000)")
		q.Add("_pragma", "foreign_keys(1)")
		q.Add("_pragma", "synchronous(NORMAL)")
		for _, p := range extra {
			q.Add("_pragma", p)
		}
		q.Set("_txlock", "immediate")
		return "file:" + filepath.ToSlash(path) + "?" + q.Encode()
	}
	write, err := sql.Open("sqlite", dsn())
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	write.SetConnMaxLifetime(0)
	write.SetConnMaxIdleTime(0)
	if err := write.PingContext(ctx); err != nil {
		write.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	if err := migrate(ctx, write); err != nil {
		write.Close()
		return nil, err
	}
	// Readers map the file: a list read in full after a change touches
	// most pages of entry_texts, and a page in the OS's cache costs a
	// copy instead of a pread. Mapped pages are shared by every reader,
	// unlike a larger cache_size, which each connection fills itself.
	read, err := sql.Open("sqlite", dsn("query_only(1)", "mmap_size(268435456)"))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	readers := max(4, 2*runtime.GOMAXPROCS(0))
	read.SetMaxOpenConns(readers)
	read.SetMaxIdleConns(readers)
	s := &Store{write: write, read: read, path: path, instance: newInstanceName()}
	if err := s.reindexIfStale(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func migrate(ctx context.Context, db *sql.DB) error {
	return migrateDialect(ctx, db, goose.DialectSQLite3, "migrations/sqlite")
}

func migrateDialect(ctx context.Context, db *sql.DB, dialect goose.Dialect, dir string, opts ...goose.ProviderOption) error {
	fsys, err := fs.Sub(migrations, dir)
	if err != nil {
		return fmt.Errorf("store: migrations: %w", err)
	}
	p, err := goose.NewProvider(dialect, db, fsys, opts...)
	if err != nil {
		return fmt.Errorf("store: migrations: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("store: apply migrations: %w", err)
	}
	return nil
}

// Close closes the pools, and on PostgreSQL stops listening.
func (s *Store) Close() error {
	s.stmtMu.Lock()
	var errs []error
	for _, st := range s.stmts {
		errs = append(errs, st.Close())
	}
	s.stmts = nil
	s.stmtMu.Unlock()
	if s.pg != nil {
		return errors.Join(append(errs, s.pg.close(s.write))...)
	}
	return errors.Join(append(errs, s.read.Close(), s.write.Close())...)
}

// Ping checks that the database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.read.QueryRowContext(ctx, `SELECT 1`).Scan(&one); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}

// IntegrityCheck runs SQLite's own consistency check. PostgreSQL checks
// its pages itself; there it only pings.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	if s.pg != nil {
		return s.Ping(ctx)
	}
	var res string
	if err := s.read.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
		return fmt.Errorf("store: integrity check: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("store: integrity check: %s", res)
	}
	return nil
}

// Empty reports whether the database holds no content yet.
func (s *Store) Empty(ctx context.Context) (bool, error) {
	var n int
	if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM translation_groups`).Scan(&n); err != nil {
		return false, fmt.Errorf("store: count items: %w", err)
	}
	return n == 0, nil
}

// Times are stored as RFC 3339 text in UTC, which sorts as it reads.
const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// newInstanceName makes a name for a Store unlike any other's.
func newInstanceName() string {
	b := make([]byte, 6)
	rand.Read(b)
	return "datka-" + hex.EncodeToString(b)
}

// optionalTime is a time that may be unset. SQLite keeps an unset time
// as ” in a NOT NULL column, PostgreSQL as NULL.
func (s *Store) optionalTime(t time.Time) any {
	switch {
	case !t.IsZero():
		return formatTime(t)
	case s.pg != nil:
		return nil
	}
	return ""
}

// params numbers the parameters of a statement built from parts: add
// keeps v and returns its placeholder, $1 first.
type params []any

func (p *params) add(v any) string {
	*p = append(*p, v)
	return "$" + strconv.Itoa(len(*p))
}

// list adds vs and returns their placeholders separated by commas.
func (p *params) list(vs ...any) string {
	var b strings.Builder
	for i, v := range vs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(p.add(v))
	}
	return b.String()
}
