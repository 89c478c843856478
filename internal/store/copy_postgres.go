package store

import (
	"context"
	"fmt"
)

// postgresTables lists the tables of the schema the connection works in
// (the first of its search_path).
func postgresTables(ctx context.Context, q querier) ([]string, error) {
	return queryStrings(ctx, q, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`)
}

// postgresColumns describes a table's columns by their types.
func postgresColumns(ctx context.Context, q querier, table string) ([]column, error) {
	rows, err := q.QueryContext(ctx, `SELECT column_name, data_type, is_nullable = 'YES', is_identity = 'YES'
		FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1
		ORDER BY ordinal_position`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []column
	for rows.Next() {
		var c column
		var typ string
		if err := rows.Scan(&c.name, &typ, &c.nullable, &c.identity); err != nil {
			return nil, err
		}
		switch typ {
		case "text":
			c.kind, c.noNUL = kindText, true
		case "bigint", "integer", "smallint":
			c.kind = kindInteger
		case "boolean":
			c.kind = kindBool
		case "timestamp with time zone":
			c.kind = kindTime
		case "bytea":
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

// postgresFollowIdentity moves the sequence of a table's generated key
// past the highest key copied, so that the next row inserted without one
// does not take a copied row's.
func postgresFollowIdentity(ctx context.Context, tx execer, table, col string) error {
	_, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence($1, $2),
		coalesce((SELECT max(`+quoteName(col)+`) FROM `+quoteName(table)+`), 0) + 1, false)`, quoteName(table), col)
	return err
}
