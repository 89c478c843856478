package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/datka-cms/datka/internal/content"
)

// sectionJSON is the stored shape of content.Section.
type sectionJSON struct {
	Heading string   `json:"heading,omitempty"`
	Intro   string   `json:"intro,omitempty"`
	Items   []string `json:"items,omitempty"`
	Outro   string   `json:"outro,omitempty"`
}

const orgColumns = `o.group_id, g.key, o.kind, o.role, o.website, o.logo, o.position, g.source_lang`

const orgTextColumns = `group_id, lang, slug, status, needs_native_review, name, short_name, summary,
	description, sections, website_label, updated_at, rev, source_rev`

// Organisations returns the organisations with the given roles (all when
// none are given), with all their translations, in their configured order.
func (s *Store) Organisations(ctx context.Context, roles ...content.OrgRole) ([]content.Organisation, error) {
	rows, err := s.read.QueryContext(ctx, `
		SELECT `+orgColumns+`
		FROM organisations o JOIN translation_groups g ON g.id = o.group_id
		ORDER BY o.position, o.group_id`)
	if err != nil {
		return nil, fmt.Errorf("store: list organisations: %w", err)
	}
	defer rows.Close()
	want := map[content.OrgRole]bool{}
	for _, r := range roles {
		want[r] = true
	}
	var orgs []content.Organisation
	index := map[int64]int{}
	for rows.Next() {
		o, err := scanOrg(rows)
		if err != nil {
			return nil, err
		}
		if len(want) > 0 && !want[o.Role] {
			continue
		}
		index[o.ID] = len(orgs)
		orgs = append(orgs, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list organisations: %w", err)
	}
	texts, err := s.orgTexts(ctx, `SELECT `+orgTextColumns+` FROM organisation_texts`)
	if err != nil {
		return nil, err
	}
	for _, t := range texts {
		if i, ok := index[t.id]; ok {
			orgs[i].Texts[t.Lang] = t.OrgText
		}
	}
	if err := s.attachFormerNames(ctx, orgs, index); err != nil {
		return nil, err
	}
	return orgs, nil
}

// Organisation returns one organisation with all its translations.
func (s *Store) Organisation(ctx context.Context, id int64) (content.Organisation, error) {
	row := s.read.QueryRowContext(ctx, `
		SELECT `+orgColumns+`
		FROM organisations o JOIN translation_groups g ON g.id = o.group_id
		WHERE o.group_id = $1`, id)
	o, err := scanOrg(row)
	if errors.Is(err, sql.ErrNoRows) {
		return o, ErrNotFound
	}
	if err != nil {
		return o, err
	}
	texts, err := s.orgTexts(ctx, `SELECT `+orgTextColumns+` FROM organisation_texts WHERE group_id = $1`, id)
	if err != nil {
		return o, err
	}
	for _, t := range texts {
		o.Texts[t.Lang] = t.OrgText
	}
	orgs := []content.Organisation{o}
	if err := s.attachFormerNames(ctx, orgs, map[int64]int{id: 0}); err != nil {
		return o, err
	}
	return orgs[0], nil
}

// OrganisationSlug finds the organisations that use slug, in any language.
func (s *Store) OrganisationSlug(ctx context.Context, slug string) ([]SlugRef, error) {
	return s.slugRefs(ctx, `SELECT group_id, lang FROM organisation_texts WHERE slug = $1 ORDER BY group_id, lang`, slug)
}

// DeleteOrganisationText removes one language's version of an organisation.
func (s *Store) DeleteOrganisationText(ctx context.Context, id int64, lang string) error {
	res, err := s.write.ExecContext(ctx, `DELETE FROM organisation_texts WHERE group_id = $1 AND lang = $2`, id, lang)
	if err != nil {
		return fmt.Errorf("store: delete organisation %d text %s: %w", id, lang, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	s.changed()
	return nil
}

type scanner interface{ Scan(dest ...any) error }

func scanOrg(r scanner) (content.Organisation, error) {
	var o content.Organisation
	if err := r.Scan(&o.ID, &o.Key, &o.Kind, &o.Role, &o.Website, &o.Logo, &o.Position, &o.SourceLang); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return o, err
		}
		return o, fmt.Errorf("store: organisation: %w", err)
	}
	o.Texts = map[string]content.OrgText{}
	return o, nil
}

type orgTextRow struct {
	id int64
	content.OrgText
}

func (s *Store) orgTexts(ctx context.Context, query string, args ...any) ([]orgTextRow, error) {
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: organisation texts: %w", err)
	}
	defer rows.Close()
	var out []orgTextRow
	for rows.Next() {
		var t orgTextRow
		var review bool
		var sections, updated string
		if err := rows.Scan(&t.id, &t.Lang, &t.Slug, &t.Status, &review, &t.Name, &t.ShortName, &t.Summary,
			&t.Description, &sections, &t.WebsiteLabel, &updated, &t.Rev, &t.SourceRev); err != nil {
			return nil, fmt.Errorf("store: organisation texts: %w", err)
		}
		t.NeedsNativeReview = review
		t.UpdatedAt = parseTime(updated)
		var secs []sectionJSON
		if err := json.Unmarshal([]byte(sections), &secs); err != nil {
			return nil, fmt.Errorf("store: organisation %d text %s: sections: %w", t.id, t.Lang, err)
		}
		for _, sc := range secs {
			t.Sections = append(t.Sections, content.Section(sc))
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: organisation texts: %w", err)
	}
	return out, nil
}

func (s *Store) attachFormerNames(ctx context.Context, orgs []content.Organisation, index map[int64]int) error {
	rows, err := s.read.QueryContext(ctx, `
		SELECT group_id, lang, name FROM organisation_former_names ORDER BY group_id, lang, position`)
	if err != nil {
		return fmt.Errorf("store: former names: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var lang, name string
		if err := rows.Scan(&id, &lang, &name); err != nil {
			return fmt.Errorf("store: former names: %w", err)
		}
		i, ok := index[id]
		if !ok {
			continue
		}
		if t, ok := orgs[i].Texts[lang]; ok {
			t.FormerNames = append(t.FormerNames, name)
			orgs[i].Texts[lang] = t
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: former names: %w", err)
	}
	return nil
}

func (s *Store) insertOrganisation(ctx context.Context, tx *sql.Tx, o content.Organisation, sourceLang string, now time.Time) (int64, error) {
	id, err := insertGroup(ctx, tx, "organisation", o.Key, sourceLang, now)
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO organisations (group_id, kind, role, website, logo, position) VALUES ($1, $2, $3, $4, $5, $6)`,
		id, o.Kind, o.Role, o.Website, o.Logo, o.Position); err != nil {
		return 0, fmt.Errorf("store: insert organisation %q: %w", o.Key, err)
	}
	for lang, t := range o.Texts {
		secs := make([]sectionJSON, 0, len(t.Sections))
		for _, sc := range t.Sections {
			secs = append(secs, sectionJSON(sc))
		}
		sections, err := json.Marshal(secs)
		if err != nil {
			return 0, fmt.Errorf("store: organisation %q sections: %w", o.Key, err)
		}
		updated := t.UpdatedAt
		if updated.IsZero() {
			updated = now
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO organisation_texts (`+orgTextColumns+`)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
			id, lang, t.Slug, t.Status, t.NeedsNativeReview, t.Name, t.ShortName, t.Summary,
			t.Description, string(sections), t.WebsiteLabel, formatTime(updated), max(t.Rev, 1), max(t.SourceRev, 1)); err != nil {
			return 0, fmt.Errorf("store: insert organisation %q in %s: %w", o.Key, lang, err)
		}
		if err := installedRevision(ctx, tx, id, lang, max(t.Rev, 1), content.OrgFields(t), updated); err != nil {
			return 0, err
		}
		for i, name := range t.FormerNames {
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO organisation_former_names (group_id, lang, position, name) VALUES ($1, $2, $3, $4)`,
				id, lang, i, name); err != nil {
				return 0, fmt.Errorf("store: insert former name of %q: %w", o.Key, err)
			}
		}
		if t.Published() {
			t.Lang = lang
			if err := s.indexDoc(ctx, tx, orgDoc(id, o.Role, t)); err != nil {
				return 0, err
			}
		}
	}
	return id, nil
}
