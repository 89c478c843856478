package store

import (
	"context"
	"fmt"
	"strings"
)

// sqliteTables lists the tables of the main database: not SQLite's own,
// nor the full-text index, which is a virtual table with shadow tables.
func sqliteTables(ctx context.Context, q querier) ([]string, error) {
	return queryStrings(ctx, q, `SELECT name FROM pragma_table_list
		WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name`)
}

// sqliteColumns describes a table's columns by their declared types:
// SQLite keeps times as TEXT and flags as INTEGER.
func sqliteColumns(ctx context.Context, q querier, table string) ([]column, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, type, "notnull" FROM pragma_table_info($1) ORDER BY cid`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []column
	for rows.Next() {
		var c column
		var typ string
		var notNull bool
		if err := rows.Scan(&c.name, &typ, &notNull); err != nil {
			return nil, err
		}
		c.nullable = !notNull
		switch strings.ToUpper(typ) {
		case "TEXT":
			c.kind = kindText
		case "INTEGER":
			c.kind = kindInteger
		case "BLOB":
			c.kind = kindBytes
		default:
			return nil, fmt.Errorf("column %s.%s has type %s, which the copy does not know", table, c.name, typ)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no table %s", table)
	}
	return out, nil
}
