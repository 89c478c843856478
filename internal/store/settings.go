package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/datka-cms/datka/internal/content"
)

const settingsColumns = `lang, site_name, short_name, slogan, organisation, address, phone, email,
	footer, funded_by, disclaimer, needs_native_review`

// Settings returns the site settings of every language that has them.
func (s *Store) Settings(ctx context.Context) (map[string]content.Settings, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+settingsColumns+` FROM site_settings`)
	if err != nil {
		return nil, fmt.Errorf("store: settings: %w", err)
	}
	defer rows.Close()
	out := map[string]content.Settings{}
	for rows.Next() {
		var c content.Settings
		var review bool
		if err := rows.Scan(&c.Lang, &c.SiteName, &c.ShortName, &c.Slogan, &c.Organisation, &c.Address, &c.Phone,
			&c.Email, &c.Footer, &c.FundedBy, &c.Disclaimer, &review); err != nil {
			return nil, fmt.Errorf("store: settings: %w", err)
		}
		c.NeedsNativeReview = review
		out[c.Lang] = c
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: settings: %w", err)
	}
	return out, nil
}

func upsertSettings(ctx context.Context, tx *sql.Tx, c content.Settings, now time.Time) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO site_settings (`+settingsColumns+`, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
		ON CONFLICT (lang) DO UPDATE SET
			site_name = excluded.site_name, short_name = excluded.short_name, slogan = excluded.slogan,
			organisation = excluded.organisation, address = excluded.address, phone = excluded.phone,
			email = excluded.email, footer = excluded.footer, funded_by = excluded.funded_by,
			disclaimer = excluded.disclaimer, needs_native_review = excluded.needs_native_review,
			updated_at = excluded.updated_at`,
		c.Lang, c.SiteName, c.ShortName, c.Slogan, c.Organisation, c.Address, c.Phone, c.Email,
		c.Footer, c.FundedBy, c.Disclaimer, c.NeedsNativeReview, formatTime(now))
	if err != nil {
		return fmt.Errorf("store: save settings %s: %w", c.Lang, err)
	}
	return nil
}

// SaveSettings stores one language's settings.
func (s *Store) SaveSettings(ctx context.Context, c content.Settings) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: save settings: %w", err)
	}
	defer tx.Rollback()
	if err := upsertSettings(ctx, tx, c, time.Now()); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: save settings: %w", err)
	}
	s.changed()
	return nil
}
