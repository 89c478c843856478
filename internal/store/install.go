package store

import (
	"context"
	"fmt"
	"time"

	"github.com/datka-cms/datka/internal/content"
)

// Install writes a whole site (the default content, or an import) in one
// transaction: either all of it is stored or none of it is.
func (s *Store) Install(ctx context.Context, sourceLang string, pages []content.Page, orgs []content.Organisation, entries []content.Entry, settings []content.Settings) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: install: %w", err)
	}
	defer tx.Rollback()
	now := time.Now()
	for _, p := range pages {
		if _, err := s.insertPage(ctx, tx, p, sourceLang, now); err != nil {
			return err
		}
	}
	for _, o := range orgs {
		if _, err := s.insertOrganisation(ctx, tx, o, sourceLang, now); err != nil {
			return err
		}
	}
	for _, e := range entries {
		if _, err := s.insertEntry(ctx, tx, e, sourceLang, now); err != nil {
			return err
		}
	}
	for _, c := range settings {
		if err := upsertSettings(ctx, tx, c, now); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: install: %w", err)
	}
	s.changed()
	return nil
}
