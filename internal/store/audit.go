package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/datka-cms/datka/internal/content"
)

// Audit appends an entry to the audit log.
func (s *Store) Audit(ctx context.Context, e content.AuditEntry) error {
	if e.At.IsZero() {
		e.At = time.Now()
	}
	_, err := s.write.ExecContext(ctx, `
		INSERT INTO audit_log (at, user_id, user_email, action, kind, item_id, lang, detail, address)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		formatTime(e.At), nullID(e.UserID), e.UserEmail, e.Action, e.Kind, nullID(e.ItemID), e.Lang, e.Detail, e.Address)
	if err != nil {
		return fmt.Errorf("store: audit: %w", err)
	}
	return nil
}

// AuditLog returns entries, newest first.
func (s *Store) AuditLog(ctx context.Context, limit, offset int) ([]content.AuditEntry, error) {
	rows, err := s.read.QueryContext(ctx, `
		SELECT id, at, user_id, user_email, action, kind, item_id, lang, detail, address
		FROM audit_log ORDER BY id DESC LIMIT $1 OFFSET $2`, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("store: audit log: %w", err)
	}
	defer rows.Close()
	var out []content.AuditEntry
	for rows.Next() {
		var e content.AuditEntry
		var at string
		var uid, item sql.NullInt64
		if err := rows.Scan(&e.ID, &at, &uid, &e.UserEmail, &e.Action, &e.Kind, &item, &e.Lang, &e.Detail, &e.Address); err != nil {
			return nil, fmt.Errorf("store: audit log: %w", err)
		}
		e.At, e.UserID, e.ItemID = parseTime(at), uid.Int64, item.Int64
		out = append(out, e)
	}
	return out, rows.Err()
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
