package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Copying a site from one database to another (datka migrate-data) reads
// the source in one read-only transaction, a snapshot that a server
// running on it keeps writing beside, and writes the destination in one
// transaction, so that a failure anywhere leaves the destination as it
// was. Rows go table by table, each after the tables its rows refer to,
// with their ids; every value is converted to the type the destination's
// catalog gives its column (SQLite's 0/1 to a boolean, its '' for an
// unset time to NULL, and back). The search index is not copied: the
// destination rebuilds it from the copied texts with its own analysers.

// ErrNotEmpty is returned by CopyTo when the destination holds rows
// already: a copy only ever goes into an empty database.
var ErrNotEmpty = errors.New("store: the destination database is not empty")

// copyTables are the tables CopyTo copies, each after those its rows
// refer to.
func copyTables() []string {
	return []string{
		"translation_groups",
		"pages", "page_texts",
		"organisations", "organisation_texts", "organisation_former_names",
		"site_settings",
		"users", "sessions", "auth_failures", "audit_log",
		"drafts", "revisions", "schedule",
		"media", "media_variants", "media_alt",
		"entries", "entry_texts", "entry_tags",
		"messages", "mail_outbox",
		"site_secrets",
		"import_origins",
	}
}

// copySkips reports whether CopyTo leaves a table out on purpose.
func copySkips(table string) bool {
	switch table {
	case "goose_db_version": // the destination's migrations made its schema
		return true
	case "search_docs", "search_state": // rebuilt from the texts at the destination
		return true
	case "leases": // held by the source's processes, which stay behind
		return true
	}
	return false
}

// CopyReport is what CopyTo moved.
type CopyReport struct {
	Tables     []TableRows // in the order they were copied
	SearchDocs int         // texts in the destination's rebuilt search index
	// Committed is set once the rows are in the destination: an error
	// without it left the destination as it was.
	Committed bool
}

// TableRows is how many rows a table holds, the same at the source and
// at the destination.
type TableRows struct {
	Table string
	Rows  int64
}

// Rows counts every row copied.
func (r CopyReport) Rows() int64 {
	var n int64
	for _, t := range r.Tables {
		n += t.Rows
	}
	return n
}

// columnKind is what a column holds, as far as the copy converts values.
type columnKind string

const (
	kindText    columnKind = "text"
	kindInteger columnKind = "integer"
	kindBool    columnKind = "boolean"
	kindTime    columnKind = "timestamptz"
	kindBytes   columnKind = "bytes"
)

// column is a column as a database's catalog describes it.
type column struct {
	name     string
	kind     columnKind
	nullable bool
	identity bool // PostgreSQL's generated key, whose sequence must pass the copied ids
	noNUL    bool // PostgreSQL's text, which cannot hold the character 0
}

// maxCopyParams bounds the parameters of one INSERT of many rows, well
// inside what either database accepts.
const maxCopyParams = 999

// CopyTo copies every row of s into dst, which must be empty (freshly
// migrated), and rebuilds dst's search index. files, when not nil, is
// given the storage names of every media file the copied rows name,
// after the source's snapshot is taken and before dst is written, so that
// the files can be copied first; its error stops the copy with dst
// untouched. Each table's rows are counted at the source and at the
// destination before the commit; a difference rolls it all back.
func (s *Store) CopyTo(ctx context.Context, dst *Store, files func(ctx context.Context, names []string) error) (CopyReport, error) {
	var report CopyReport
	if s == dst || (s.path != "" && s.path == dst.path) {
		return report, errors.New("store: copy: the source and the destination are the same database")
	}
	// REPEATABLE READ makes one snapshot on PostgreSQL; on SQLite every
	// read transaction is one, which WAL keeps beside the writer.
	src, err := s.read.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return report, fmt.Errorf("store: copy: read the source: %w", err)
	}
	defer src.Rollback()
	columns, err := s.copyPlan(ctx, src, dst)
	if err != nil {
		return report, err
	}
	// Refused before any file is copied, and checked again in the
	// transaction that writes.
	if err := checkEmpty(ctx, dst.read); err != nil {
		return report, err
	}
	for _, table := range copyTables() {
		n, err := countRows(ctx, src, table)
		if err != nil {
			return report, fmt.Errorf("store: copy: count %s at the source: %w", table, err)
		}
		report.Tables = append(report.Tables, TableRows{Table: table, Rows: n})
	}
	srcDocs, err := countRows(ctx, src, "search_docs")
	if err != nil {
		return report, fmt.Errorf("store: copy: count the source's search index: %w", err)
	}
	if files != nil {
		names, err := mediaNames(ctx, src)
		if err != nil {
			return report, err
		}
		if err := files(ctx, names); err != nil {
			return report, err
		}
	}

	tx, err := dst.write.BeginTx(ctx, nil)
	if err != nil {
		return report, fmt.Errorf("store: copy: write the destination: %w", err)
	}
	defer tx.Rollback()
	if err := checkEmpty(ctx, tx); err != nil {
		return report, err
	}
	// The index is rebuilt after the commit. Until then it must not claim
	// to be up to date: should the rebuild fail, the next Open makes it.
	clearIndex := sqliteClearIndex
	if dst.pg != nil {
		clearIndex = postgresClearIndex
	}
	if err := clearIndex(ctx, tx); err != nil {
		return report, fmt.Errorf("store: copy: clear the destination's search index: %w", err)
	}
	for i, table := range copyTables() {
		want := report.Tables[i].Rows
		n, err := copyRows(ctx, src, tx, table, columns[table])
		if err != nil {
			return report, fmt.Errorf("store: copy %s: %w", table, err)
		}
		got, err := countRows(ctx, tx, table)
		if err != nil {
			return report, fmt.Errorf("store: copy: count %s at the destination: %w", table, err)
		}
		if n != want || got != want {
			return report, fmt.Errorf("store: copy %s: %d rows at the source, %d read, %d at the destination; nothing was copied", table, want, n, got)
		}
		for _, c := range columns[table] {
			if c.identity {
				if err := postgresFollowIdentity(ctx, tx, table, c.name); err != nil {
					return report, fmt.Errorf("store: copy %s: advance the sequence of %s: %w", table, c.name, err)
				}
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return report, fmt.Errorf("store: copy: commit: %w", err)
	}
	report.Committed = true
	src.Rollback()
	dst.changed()

	if err := dst.Reindex(ctx); err != nil {
		return report, fmt.Errorf("store: copy: the rows are copied, but the search index was not rebuilt (it will be when the site starts): %w", err)
	}
	docs, err := countRows(ctx, dst.read, "search_docs")
	if err != nil {
		return report, fmt.Errorf("store: copy: count the destination's search index: %w", err)
	}
	report.SearchDocs = int(docs)
	if docs != srcDocs {
		return report, fmt.Errorf("store: copy: the rows are copied, but the destination's search index holds %d texts where the source's holds %d", docs, srcDocs)
	}
	return report, nil
}

// copyPlan reads the columns of every table to copy from dst's catalog
// and checks that the source's tables and columns are the same: a table
// or a column the copy would leave behind stops it.
func (s *Store) copyPlan(ctx context.Context, src *sql.Tx, dst *Store) (map[string][]column, error) {
	srcTables, err := s.catalogTables(ctx, src)
	if err != nil {
		return nil, fmt.Errorf("store: copy: the source's tables: %w", err)
	}
	dstTables, err := dst.catalogTables(ctx, dst.read)
	if err != nil {
		return nil, fmt.Errorf("store: copy: the destination's tables: %w", err)
	}
	for _, t := range slices.Concat(srcTables, dstTables) {
		if !copySkips(t) && !slices.Contains(copyTables(), t) {
			return nil, fmt.Errorf("store: copy: table %s is unknown to this copy; is the source or the destination from a newer release?", t)
		}
	}
	out := map[string][]column{}
	for _, t := range copyTables() {
		if !slices.Contains(srcTables, t) || !slices.Contains(dstTables, t) {
			return nil, fmt.Errorf("store: copy: table %s is missing at the source or at the destination", t)
		}
		dcols, err := dst.catalogColumns(ctx, dst.read, t)
		if err != nil {
			return nil, fmt.Errorf("store: copy: the destination's columns of %s: %w", t, err)
		}
		scols, err := s.catalogColumns(ctx, src, t)
		if err != nil {
			return nil, fmt.Errorf("store: copy: the source's columns of %s: %w", t, err)
		}
		if a, b := columnNames(scols), columnNames(dcols); !slices.Equal(a, b) {
			return nil, fmt.Errorf("store: copy: table %s has columns %s at the source, %s at the destination",
				t, strings.Join(a, ", "), strings.Join(b, ", "))
		}
		out[t] = dcols
	}
	return out, nil
}

func (s *Store) catalogTables(ctx context.Context, q querier) ([]string, error) {
	if s.pg != nil {
		return postgresTables(ctx, q)
	}
	return sqliteTables(ctx, q)
}

func (s *Store) catalogColumns(ctx context.Context, q querier, table string) ([]column, error) {
	if s.pg != nil {
		return postgresColumns(ctx, q, table)
	}
	return sqliteColumns(ctx, q, table)
}

// columnNames lists the names of cols in order of name.
func columnNames(cols []column) []string {
	var out []string
	for _, c := range cols {
		out = append(out, c.name)
	}
	slices.Sort(out)
	return out
}

// rowQuerier is a transaction or a pool.
type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// countRows counts a table's rows; table is one of this file's names.
func countRows(ctx context.Context, q rowQuerier, table string) (int64, error) {
	var n int64
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM `+quoteName(table)).Scan(&n)
	return n, err
}

// checkEmpty refuses a destination that holds any row to copy.
func checkEmpty(ctx context.Context, q rowQuerier) error {
	for _, t := range copyTables() {
		n, err := countRows(ctx, q, t)
		if err != nil {
			return fmt.Errorf("store: copy: count %s at the destination: %w", t, err)
		}
		if n > 0 {
			return fmt.Errorf("%w: its table %s holds %d rows. Copy into a new, empty database, one that no datka has served or migrated yet", ErrNotEmpty, t, n)
		}
	}
	return nil
}

// mediaNames lists the storage names of every media file: the uploads
// and their smaller copies.
func mediaNames(ctx context.Context, q querier) ([]string, error) {
	out, err := queryStrings(ctx, q, `SELECT name FROM media UNION SELECT name FROM media_variants ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("store: copy: media names: %w", err)
	}
	return out, nil
}

// queryStrings runs a query of one text column and returns its values.
func queryStrings(ctx context.Context, q querier, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// copyRows copies a table's rows from src to dst in INSERTs of many rows
// each, and returns how many it read.
func copyRows(ctx context.Context, src, dst *sql.Tx, table string, cols []column) (int64, error) {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = quoteName(c.name)
	}
	list := strings.Join(names, ", ")
	rows, err := src.QueryContext(ctx, `SELECT `+list+` FROM `+quoteName(table))
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	perInsert := max(1, maxCopyParams/len(cols))
	full := insertRows(table, list, len(cols), perInsert)
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	args := make([]any, 0, perInsert*len(cols))
	var n int64
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return n, err
		}
		n++
		for i, c := range cols {
			v, err := c.convert(vals[i])
			if err != nil {
				return n, fmt.Errorf("row %d, column %s: %w", n, c.name, err)
			}
			args = append(args, v)
		}
		if len(args) == cap(args) {
			if _, err := dst.ExecContext(ctx, full, args...); err != nil {
				return n, err
			}
			args = args[:0]
		}
	}
	if err := rows.Err(); err != nil {
		return n, err
	}
	if len(args) > 0 {
		if _, err := dst.ExecContext(ctx, insertRows(table, list, len(cols), len(args)/len(cols)), args...); err != nil {
			return n, err
		}
	}
	return n, nil
}

// insertRows writes an INSERT of n rows of width values each.
func insertRows(table, columns string, width, n int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO " + quoteName(table) + " (" + columns + ") VALUES ")
	p := 0
	for r := range n {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for c := range width {
			if c > 0 {
				b.WriteString(", ")
			}
			p++
			b.WriteString("$" + strconv.Itoa(p))
		}
		b.WriteByte(')')
	}
	return b.String()
}

// quoteName quotes a table's or a column's name the standard way, which
// both databases read, so that names such as groups or key stay names.
func quoteName(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// convert turns a value as the source's driver gave it into what c's
// database keeps: SQLite's integer flags become booleans and back, its
// empty text for an unset time becomes NULL and back, PostgreSQL's
// times become SQLite's RFC 3339 text. Text times go to PostgreSQL as
// they are: it reads RFC 3339.
func (c column) convert(v any) (any, error) {
	switch c.kind {
	case kindBool:
		switch v := v.(type) {
		case nil, bool:
			return v, nil
		case int64:
			if v == 0 || v == 1 {
				return v == 1, nil
			}
			return nil, fmt.Errorf("%d is not a flag (0 or 1)", v)
		}
	case kindInteger:
		switch v := v.(type) {
		case nil, int64:
			return v, nil
		case bool:
			if v {
				return int64(1), nil
			}
			return int64(0), nil
		}
	case kindTime:
		switch v := v.(type) {
		case nil, time.Time:
			return v, nil
		case string:
			if v != "" {
				return v, nil
			}
			if c.nullable {
				return nil, nil
			}
			return nil, errors.New("an empty time where one is required")
		}
	case kindText:
		switch v := v.(type) {
		case string:
			if c.noNUL && strings.ContainsRune(v, 0) {
				return nil, errors.New("the text holds the character NUL (0x00), which PostgreSQL cannot keep; remove it at the source and copy again")
			}
			return v, nil
		case time.Time:
			return formatTime(v), nil
		case nil:
			if c.nullable {
				return nil, nil
			}
			return "", nil // SQLite's unset time
		}
	case kindBytes:
		switch v := v.(type) {
		case nil, []byte:
			return v, nil
		case string:
			return []byte(v), nil
		}
	}
	return nil, fmt.Errorf("a value of type %T does not go into a column of type %s", v, c.kind)
}
