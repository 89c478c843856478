package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"github.com/datka-cms/datka/internal/testenv"
)

// freshPostgres makes an empty database on the test server and drops it
// when the test ends.
func freshPostgres(t *testing.T) *sql.DB {
	t.Helper()
	base := testenv.PostgresURL(t)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	ctx := context.Background()
	if err := admin.PingContext(ctx); err != nil {
		testenv.Require(t, false, "a PostgreSQL server that answers at DATKA_TEST_POSTGRES ("+err.Error()+")")
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "datka_test_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	db, err := sql.Open("pgx", u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		db.Close()
		admin, err := sql.Open("pgx", base)
		if err != nil {
			t.Error(err)
			return
		}
		defer admin.Close()
		if _, err := admin.ExecContext(context.Background(), `DROP DATABASE `+name+` WITH (FORCE)`); err != nil {
			t.Errorf("drop %s: %v", name, err)
		}
	})
	return db
}

// TestPostgresSchemaMatchesSQLite applies the PostgreSQL migrations to a
// real server and checks that they make the same tables with the same
// columns as the SQLite migrations, so that the two databases cannot
// drift apart as the schema grows. The search index is the one place
// they differ by design: FTS5's table on SQLite, a tsvector column on
// PostgreSQL.
func TestPostgresSchemaMatchesSQLite(t *testing.T) {
	ctx := context.Background()
	pg := freshPostgres(t)
	if err := migratePostgres(ctx, pg); err != nil {
		t.Fatalf("PostgreSQL migrations: %v", err)
	}
	if err := migratePostgres(ctx, pg); err != nil {
		t.Fatalf("PostgreSQL migrations run twice: %v", err)
	}
	lite, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "datka.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()

	pgColumns := map[string][]string{}
	rows, err := pg.QueryContext(ctx, `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = 'public' AND table_name <> 'goose_db_version' ORDER BY table_name, column_name`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var table, column string
		if err := rows.Scan(&table, &column); err != nil {
			t.Fatal(err)
		}
		pgColumns[table] = append(pgColumns[table], column)
	}
	rows.Close()

	liteColumns := map[string][]string{}
	tables, err := lite.read.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_terms%' AND name <> 'goose_db_version'`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for tables.Next() {
		var n string
		if err := tables.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	tables.Close()
	for _, n := range names {
		cols, err := lite.read.QueryContext(ctx, `SELECT name FROM pragma_table_info($1) ORDER BY name`, n)
		if err != nil {
			t.Fatal(err)
		}
		for cols.Next() {
			var c string
			if err := cols.Scan(&c); err != nil {
				t.Fatal(err)
			}
			liteColumns[n] = append(liteColumns[n], c)
		}
		cols.Close()
	}
	// By design: PostgreSQL keeps a text's terms beside it.
	pgColumns["search_docs"] = slices.DeleteFunc(pgColumns["search_docs"], func(c string) bool { return c == "terms" || c == "title_terms" })

	for table, cols := range liteColumns {
		if !slices.Equal(cols, pgColumns[table]) {
			t.Errorf("table %s: SQLite has columns %s, PostgreSQL %s", table, strings.Join(cols, ", "), strings.Join(pgColumns[table], ", "))
		}
	}
	for table := range pgColumns {
		if _, ok := liteColumns[table]; !ok {
			t.Errorf("table %s exists on PostgreSQL only", table)
		}
	}
	if len(liteColumns) < 20 {
		t.Fatalf("only %d tables compared", len(liteColumns))
	}
}
