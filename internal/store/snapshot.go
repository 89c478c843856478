package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
)

// A backup keeps the database as one SQLite file whichever database the
// site runs on, so that a backup restores onto either. Snapshot makes
// that file from one moment of a running site: on SQLite with VACUUM
// INTO, which reads in one transaction beside the writer; on PostgreSQL
// with CopyTo, which reads in one REPEATABLE READ snapshot. What the
// file holds is then counted from the file itself, so the counts and the
// media names describe exactly the rows it holds.

// Contents is what a database holds, as a backup's manifest records it.
type Contents struct {
	Tables     []TableRows // every table CopyTo copies, in its order
	SearchDocs int64       // texts in the search index
	Media      []string    // storage names of every media file the rows name
}

// Rows counts every row.
func (c Contents) Rows() int64 { return CopyReport{Tables: c.Tables}.Rows() }

// Snapshot writes a consistent copy of the whole database to path, a new
// SQLite file that must not exist yet, and returns what it holds. The
// file is left in rollback-journal mode, whole in itself, to be archived.
func (s *Store) Snapshot(ctx context.Context, path string) (Contents, error) {
	if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
		return Contents{}, fmt.Errorf("store: snapshot: %s exists already", path)
	}
	if s.pg != nil {
		dst, err := OpenSQLite(ctx, path)
		if err != nil {
			return Contents{}, fmt.Errorf("store: snapshot: %w", err)
		}
		_, err = s.CopyTo(ctx, dst, nil)
		if cerr := dst.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return Contents{}, fmt.Errorf("store: snapshot: %w", err)
		}
	} else {
		// A connection of its own: the readers are query-only, and the
		// writer must stay free for the site.
		db, err := sql.Open("sqlite", sqliteDSN(s.path, "busy_timeout(10000)"))
		if err != nil {
			return Contents{}, fmt.Errorf("store: snapshot: %w", err)
		}
		_, err = db.ExecContext(ctx, `VACUUM INTO $1`, path)
		db.Close()
		if err != nil {
			return Contents{}, fmt.Errorf("store: snapshot: VACUUM INTO %s: %w", path, err)
		}
	}
	db, err := sql.Open("sqlite", sqliteDSN(path, "journal_mode(DELETE)"))
	if err != nil {
		return Contents{}, fmt.Errorf("store: snapshot: %w", err)
	}
	defer db.Close()
	c, err := contents(ctx, db)
	if err != nil {
		return c, fmt.Errorf("store: snapshot: %w", err)
	}
	return c, db.Close()
}

// Contents counts what the database holds, in one snapshot of it.
func (s *Store) Contents(ctx context.Context) (Contents, error) {
	c, err := contents(ctx, s.read)
	if err != nil {
		return c, fmt.Errorf("store: contents: %w", err)
	}
	return c, nil
}

func contents(ctx context.Context, db *sql.DB) (Contents, error) {
	var c Contents
	tx, err := db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return c, err
	}
	defer tx.Rollback()
	for _, table := range copyTables() {
		n, err := countRows(ctx, tx, table)
		if err != nil {
			return c, fmt.Errorf("count %s: %w", table, err)
		}
		c.Tables = append(c.Tables, TableRows{Table: table, Rows: n})
	}
	if c.SearchDocs, err = countRows(ctx, tx, "search_docs"); err != nil {
		return c, fmt.Errorf("count the search index: %w", err)
	}
	if c.Media, err = mediaNames(ctx, tx); err != nil {
		return c, err
	}
	return c, nil
}

// sqliteDSN is the address of a SQLite file with pragmas.
func sqliteDSN(path string, pragmas ...string) string {
	q := url.Values{}
	for _, p := range pragmas {
		q.Add("_pragma", p)
	}
	return "file:" + filepath.ToSlash(path) + "?" + q.Encode()
}
