package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/datka-cms/datka/internal/content"
)

// Origin names an item of another system that an import brought in:
// Source is that system (a WordPress site's address), ID the item there
// ("post:12", "attachment:7", "author:aigul").
type Origin struct {
	Source, ID string
}

// Imported says what an earlier import made of an item: its kind ("news",
// "page", "media", "user") and the ID of the group, media row or user.
type Imported struct {
	Kind     string
	TargetID int64
}

// ImportedFrom returns what an earlier import made of the items of source,
// by their IDs there.
func (s *Store) ImportedFrom(ctx context.Context, source string) (map[string]Imported, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT origin, kind, target_id FROM import_origins WHERE source = $1`, source)
	if err != nil {
		return nil, fmt.Errorf("store: import origins: %w", err)
	}
	defer rows.Close()
	out := map[string]Imported{}
	for rows.Next() {
		var id string
		var im Imported
		if err := rows.Scan(&id, &im.Kind, &im.TargetID); err != nil {
			return nil, fmt.Errorf("store: import origins: %w", err)
		}
		out[id] = im
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: import origins: %w", err)
	}
	return out, nil
}

// RecordOrigin remembers that the item origin became target (an account,
// made or found by its e-mail address).
func (s *Store) RecordOrigin(ctx context.Context, o Origin, target Imported) error {
	return recordOrigins(ctx, s.write, []Origin{o}, target)
}

func recordOrigins(ctx context.Context, q execer, origins []Origin, target Imported) error {
	now := formatTime(time.Now())
	for _, o := range origins {
		if _, err := q.ExecContext(ctx, `
			INSERT INTO import_origins (source, origin, kind, target_id, created_at) VALUES ($1, $2, $3, $4, $5)`,
			o.Source, o.ID, target.Kind, target.TargetID, now); err != nil {
			if isUnique(err) {
				return fmt.Errorf("store: %s %s was imported before: %w", o.Source, o.ID, ErrDuplicate)
			}
			return fmt.Errorf("store: import origin: %w", err)
		}
	}
	return nil
}

// ImportMedia records an imported file like CreateMedia, and the item
// it came from, in one transaction.
func (s *Store) ImportMedia(ctx context.Context, m content.Media, o Origin) (int64, error) {
	return s.createMedia(ctx, m, func(tx *sql.Tx, id int64) error {
		return recordOrigins(ctx, tx, []Origin{o}, Imported{Kind: "media", TargetID: id})
	})
}

// ImportEntry writes an imported entry with all its texts, and the items
// it came from, in one transaction: after an error nothing of it is kept,
// so that the next run of the import tries it again. Texts keep their
// status; only published ones are indexed for search. The texts of
// languages in publishAt (posts scheduled in WordPress) become drafts
// planned for publication then.
func (s *Store) ImportEntry(ctx context.Context, e content.Entry, origins []Origin, publishAt map[string]time.Time) (int64, error) {
	key, err := s.uniqueKey(ctx, string(e.Type), e.Key)
	if err != nil {
		return 0, err
	}
	e.Key = key
	return s.importGroup(ctx, string(e.Type), origins, func(tx *sql.Tx, now time.Time) (int64, error) {
		id, err := s.insertEntry(ctx, tx, e, e.SourceLang, now)
		if err != nil {
			return 0, err
		}
		for code, at := range publishAt {
			if err := scheduleImported(ctx, tx, id, code, content.EntryFields(e.Type, e.Texts[code]), at, now); err != nil {
				return 0, err
			}
		}
		return id, nil
	})
}

// ImportPage writes an imported page like ImportEntry an entry.
func (s *Store) ImportPage(ctx context.Context, p content.Page, origins []Origin, publishAt map[string]time.Time) (int64, error) {
	key, err := s.uniqueKey(ctx, KindPage, p.Key)
	if err != nil {
		return 0, err
	}
	p.Key = key
	return s.importGroup(ctx, KindPage, origins, func(tx *sql.Tx, now time.Time) (int64, error) {
		id, err := s.insertPage(ctx, tx, p, p.SourceLang, now)
		if err != nil {
			return 0, err
		}
		for code, at := range publishAt {
			if err := scheduleImported(ctx, tx, id, code, content.PageFields(p.Texts[code]), at, now); err != nil {
				return 0, err
			}
		}
		return id, nil
	})
}

// scheduleImported keeps a text as a draft and plans its publication,
// which publishes the draft.
func scheduleImported(ctx context.Context, tx *sql.Tx, id int64, code string, f content.Fields, at, now time.Time) error {
	fields, err := encodeFields(f)
	if err != nil {
		return fmt.Errorf("store: import: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO drafts (group_id, lang, status, fields, source_rev, updated_at, updated_by)
		VALUES ($1, $2, 'draft', $3, 1, $4, NULL)`, id, code, fields, formatTime(now)); err != nil {
		return fmt.Errorf("store: import: draft: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO schedule (group_id, lang, action, at, created_by, created_at) VALUES ($1, $2, 'publish', $3, NULL, $4)`,
		id, code, formatTime(at), formatTime(now)); err != nil {
		return fmt.Errorf("store: import: schedule: %w", err)
	}
	return nil
}

func (s *Store) importGroup(ctx context.Context, kind string, origins []Origin, insert func(*sql.Tx, time.Time) (int64, error)) (int64, error) {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("store: import %s: %w", kind, err)
	}
	defer tx.Rollback()
	id, err := insert(tx, time.Now())
	if isUnique(err) {
		return 0, ErrDuplicate
	}
	if err != nil {
		return 0, err
	}
	if err := recordOrigins(ctx, tx, origins, Imported{Kind: kind, TargetID: id}); err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("store: import %s: %w", kind, err)
	}
	s.changed()
	return id, nil
}

// SlugTaken reports whether a text of kind ("page" or "entry") uses slug
// in language code.
func (s *Store) SlugTaken(ctx context.Context, kind, code, slug string) (bool, error) {
	query := `SELECT count(*) FROM entry_texts WHERE lang = $1 AND slug = $2`
	if kind == KindPage {
		query = `SELECT count(*) FROM page_texts WHERE lang = $1 AND slug = $2`
	}
	var n int
	err := s.read.QueryRowContext(ctx, query, code, slug).Scan(&n)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("store: slug: %w", err)
	}
	return n > 0, nil
}
