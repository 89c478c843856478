package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/datka-cms/datka/internal/content"
)

// Schedule plans a publication or unpublication; a later plan for the
// same text and action replaces the earlier one.
func (s *Store) Schedule(ctx context.Context, x content.Scheduled) error {
	if x.Action != "publish" && x.Action != "unpublish" {
		return fmt.Errorf("store: schedule: unknown action %q", x.Action)
	}
	_, err := s.write.ExecContext(ctx, `
		INSERT INTO schedule (group_id, lang, action, at, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (group_id, lang, action) DO UPDATE SET at = excluded.at, created_by = excluded.created_by,
			created_at = excluded.created_at`,
		x.GroupID, x.Lang, x.Action, formatTime(x.At), nullID(x.CreatedBy), formatTime(time.Now()))
	if err != nil {
		return fmt.Errorf("store: schedule: %w", err)
	}
	return nil
}

// Unschedule cancels a plan.
func (s *Store) Unschedule(ctx context.Context, groupID int64, lang, action string) error {
	if _, err := s.write.ExecContext(ctx, `DELETE FROM schedule WHERE group_id = $1 AND lang = $2 AND action = $3`,
		groupID, lang, action); err != nil {
		return fmt.Errorf("store: unschedule: %w", err)
	}
	return nil
}

// Claim takes the plan x off the schedule for the caller to carry out,
// and reports whether it did: of several instances that found the plan
// due at once, one gets it. A plan changed since it was read (another
// time) is not taken.
func (s *Store) Claim(ctx context.Context, x content.Scheduled) (bool, error) {
	res, err := s.write.ExecContext(ctx, `DELETE FROM schedule WHERE group_id = $1 AND lang = $2 AND action = $3 AND at = $4`,
		x.GroupID, x.Lang, x.Action, formatTime(x.At))
	if err != nil {
		return false, fmt.Errorf("store: claim plan: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store: claim plan: %w", err)
	}
	return n == 1, nil
}

// ScheduledItems lists the plans, soonest first; with groupID > 0, those
// of one item.
func (s *Store) ScheduledItems(ctx context.Context, groupID int64) ([]content.Scheduled, error) {
	rows, err := s.read.QueryContext(ctx, `
		SELECT x.group_id, g.kind, x.lang, x.action, x.at, x.created_by,
			coalesce(pt.title, ot.name, et.title, '')
		FROM schedule x JOIN translation_groups g ON g.id = x.group_id
		LEFT JOIN page_texts pt ON pt.group_id = x.group_id AND pt.lang = g.source_lang
		LEFT JOIN organisation_texts ot ON ot.group_id = x.group_id AND ot.lang = g.source_lang
		LEFT JOIN entry_texts et ON et.group_id = x.group_id AND et.lang = g.source_lang
		WHERE $1 = 0 OR x.group_id = $2
		ORDER BY x.at`, groupID, groupID)
	if err != nil {
		return nil, fmt.Errorf("store: scheduled: %w", err)
	}
	defer rows.Close()
	var out []content.Scheduled
	for rows.Next() {
		var x content.Scheduled
		var at string
		var by sql.NullInt64
		if err := rows.Scan(&x.GroupID, &x.Kind, &x.Lang, &x.Action, &at, &by, &x.Title); err != nil {
			return nil, fmt.Errorf("store: scheduled: %w", err)
		}
		x.At, x.CreatedBy = parseTime(at), by.Int64
		out = append(out, x)
	}
	return out, rows.Err()
}

// Due returns the plans whose time has come, oldest first. The caller
// carries each out and then removes it with Unschedule, so that a crash in
// between repeats the plan rather than losing it; carrying one out twice
// is harmless (publishing what has no draft left is a no-op).
func (s *Store) Due(ctx context.Context, now time.Time, limit int) ([]content.Scheduled, error) {
	rows, err := s.read.QueryContext(ctx, `
		SELECT group_id, lang, action, at, created_by FROM schedule WHERE at <= $1 ORDER BY at LIMIT $2`,
		formatTime(now), limit)
	if err != nil {
		return nil, fmt.Errorf("store: due: %w", err)
	}
	defer rows.Close()
	var out []content.Scheduled
	for rows.Next() {
		var x content.Scheduled
		var at string
		var by sql.NullInt64
		if err := rows.Scan(&x.GroupID, &x.Lang, &x.Action, &at, &by); err != nil {
			return nil, fmt.Errorf("store: due: %w", err)
		}
		x.At, x.CreatedBy = parseTime(at), by.Int64
		out = append(out, x)
	}
	return out, rows.Err()
}

// DraftsInReview lists drafts waiting for an editor, oldest first.
func (s *Store) DraftsInReview(ctx context.Context) ([]content.Draft, error) {
	rows, err := s.read.QueryContext(ctx, `
		SELECT d.group_id, g.kind, d.lang, d.status, d.fields, d.updated_at, d.updated_by
		FROM drafts d JOIN translation_groups g ON g.id = d.group_id
		WHERE d.status = 'review' ORDER BY d.updated_at`)
	if err != nil {
		return nil, fmt.Errorf("store: drafts in review: %w", err)
	}
	defer rows.Close()
	var out []content.Draft
	for rows.Next() {
		var d content.Draft
		var fields, updated string
		var by sql.NullInt64
		if err := rows.Scan(&d.GroupID, &d.Kind, &d.Lang, &d.Status, &fields, &updated, &by); err != nil {
			return nil, fmt.Errorf("store: drafts in review: %w", err)
		}
		d.UpdatedAt, d.UpdatedBy = parseTime(updated), by.Int64
		if d.Fields, err = decodeFields(fields); err != nil {
			return nil, fmt.Errorf("store: drafts in review: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
