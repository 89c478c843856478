package store

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/datka-cms/datka/internal/content"
)

// uniqueKey returns key, or key-2, key-3 … when the kind has it already.
func (s *Store) uniqueKey(ctx context.Context, kind, key string) (string, error) {
	base := key
	for i := 2; ; i++ {
		var n int
		if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM translation_groups WHERE kind = $1 AND key = $2`, kind, key).Scan(&n); err != nil {
			return "", fmt.Errorf("store: key: %w", err)
		}
		if n == 0 {
			return key, nil
		}
		key = base + "-" + strconv.Itoa(i)
	}
}

// CreatePage adds a page with no text yet; its first text arrives as a
// draft. It returns the new page's ID.
func (s *Store) CreatePage(ctx context.Context, p content.Page) (int64, error) {
	key, err := s.uniqueKey(ctx, KindPage, p.Key)
	if err != nil {
		return 0, err
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("store: create page: %w", err)
	}
	defer tx.Rollback()
	p.Key, p.Texts = key, nil
	id, err := s.insertPage(ctx, tx, p, p.SourceLang, time.Now())
	if err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("store: create page: %w", err)
	}
	s.changed()
	return id, nil
}

// CreateOrganisation adds an organisation with no text yet.
func (s *Store) CreateOrganisation(ctx context.Context, o content.Organisation) (int64, error) {
	key, err := s.uniqueKey(ctx, KindOrganisation, o.Key)
	if err != nil {
		return 0, err
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("store: create organisation: %w", err)
	}
	defer tx.Rollback()
	o.Key, o.Texts = key, nil
	id, err := s.insertOrganisation(ctx, tx, o, o.SourceLang, time.Now())
	if err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("store: create organisation: %w", err)
	}
	s.changed()
	return id, nil
}

// UpdatePageStructure changes what is language-neutral about a page.
func (s *Store) UpdatePageStructure(ctx context.Context, id int64, position int, inMenu bool) error {
	res, err := s.write.ExecContext(ctx, `UPDATE pages SET position = $1, in_menu = $2 WHERE group_id = $3`, position, inMenu, id)
	if err != nil {
		return fmt.Errorf("store: update page %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	s.changed()
	return nil
}

// UpdateOrganisationStructure changes what is language-neutral about an
// organisation.
func (s *Store) UpdateOrganisationStructure(ctx context.Context, o content.Organisation) error {
	res, err := s.write.ExecContext(ctx, `UPDATE organisations SET kind = $1, role = $2, website = $3, position = $4 WHERE group_id = $5`,
		o.Kind, o.Role, o.Website, o.Position, o.ID)
	if err != nil {
		return fmt.Errorf("store: update organisation %d: %w", o.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	parent := orgDoc(o.ID, o.Role, content.OrgText{}).parent
	if _, err := s.write.ExecContext(ctx, `UPDATE search_docs SET parent = $1 WHERE group_id = $2`, parent, o.ID); err != nil {
		return fmt.Errorf("store: update organisation %d: %w", o.ID, err)
	}
	s.changed()
	return nil
}
