package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/datka-cms/datka/internal/content"
)

// SlugRef names the item and language that own a slug.
type SlugRef struct {
	ID   int64
	Lang string
}

// Pages returns every page with all its translations, in menu order.
func (s *Store) Pages(ctx context.Context) ([]content.Page, error) {
	return s.pages(ctx, `
		SELECT p.group_id, g.key, p.layout, p.position, p.in_menu, g.source_lang
		FROM pages p JOIN translation_groups g ON g.id = p.group_id
		ORDER BY p.position, p.group_id`,
		`SELECT `+pageTextColumns+` FROM page_texts`)
}

// StructuralPages returns the pages every page of the site needs to know:
// those in the menu and those with a layout of their own (the home page,
// the lists of partners and government bodies), not the plain pages.
func (s *Store) StructuralPages(ctx context.Context) ([]content.Page, error) {
	return s.pages(ctx, `
		SELECT p.group_id, g.key, p.layout, p.position, p.in_menu, g.source_lang
		FROM pages p JOIN translation_groups g ON g.id = p.group_id
		WHERE p.in_menu OR p.layout <> 'plain'
		ORDER BY p.position, p.group_id`,
		`SELECT `+pageTextColumns+` FROM page_texts
		WHERE group_id IN (SELECT group_id FROM pages WHERE in_menu OR layout <> 'plain')`)
}

func (s *Store) pages(ctx context.Context, pagesQuery, textsQuery string) ([]content.Page, error) {
	rows, err := s.read.QueryContext(ctx, pagesQuery)
	if err != nil {
		return nil, fmt.Errorf("store: list pages: %w", err)
	}
	defer rows.Close()
	var pages []content.Page
	index := map[int64]int{}
	for rows.Next() {
		var p content.Page
		var inMenu bool
		if err := rows.Scan(&p.ID, &p.Key, &p.Layout, &p.Position, &inMenu, &p.SourceLang); err != nil {
			return nil, fmt.Errorf("store: list pages: %w", err)
		}
		p.InMenu = inMenu
		p.Texts = map[string]content.PageText{}
		index[p.ID] = len(pages)
		pages = append(pages, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list pages: %w", err)
	}
	texts, err := s.pageTexts(ctx, textsQuery)
	if err != nil {
		return nil, err
	}
	for _, t := range texts {
		if i, ok := index[t.id]; ok {
			pages[i].Texts[t.Lang] = t.PageText
		}
	}
	return pages, nil
}

// Page returns one page with all its translations.
func (s *Store) Page(ctx context.Context, id int64) (content.Page, error) {
	var p content.Page
	var inMenu bool
	err := s.read.QueryRowContext(ctx, `
		SELECT p.group_id, g.key, p.layout, p.position, p.in_menu, g.source_lang
		FROM pages p JOIN translation_groups g ON g.id = p.group_id
		WHERE p.group_id = $1`, id).Scan(&p.ID, &p.Key, &p.Layout, &p.Position, &inMenu, &p.SourceLang)
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	if err != nil {
		return p, fmt.Errorf("store: page %d: %w", id, err)
	}
	p.InMenu = inMenu
	texts, err := s.pageTexts(ctx, `SELECT `+pageTextColumns+` FROM page_texts WHERE group_id = $1`, id)
	if err != nil {
		return p, err
	}
	p.Texts = make(map[string]content.PageText, len(texts))
	for _, t := range texts {
		p.Texts[t.Lang] = t.PageText
	}
	return p, nil
}

// PageSlug finds the pages that use slug, in any language.
func (s *Store) PageSlug(ctx context.Context, slug string) ([]SlugRef, error) {
	return s.slugRefs(ctx, `SELECT group_id, lang FROM page_texts WHERE slug = $1 ORDER BY group_id, lang`, slug)
}

// DeletePageText removes one language's version of a page.
func (s *Store) DeletePageText(ctx context.Context, id int64, lang string) error {
	res, err := s.write.ExecContext(ctx, `DELETE FROM page_texts WHERE group_id = $1 AND lang = $2`, id, lang)
	if err != nil {
		return fmt.Errorf("store: delete page %d text %s: %w", id, lang, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	if err := s.unindex(ctx, s.write, id, lang); err != nil {
		return err
	}
	s.changed()
	return nil
}

const pageTextColumns = `group_id, lang, slug, status, needs_native_review, title, summary, body, updated_at, rev, source_rev`

type pageTextRow struct {
	id int64
	content.PageText
}

func (s *Store) pageTexts(ctx context.Context, query string, args ...any) ([]pageTextRow, error) {
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: page texts: %w", err)
	}
	defer rows.Close()
	var out []pageTextRow
	for rows.Next() {
		var t pageTextRow
		var review bool
		var updated string
		if err := rows.Scan(&t.id, &t.Lang, &t.Slug, &t.Status, &review, &t.Title, &t.Summary, &t.Body, &updated, &t.Rev, &t.SourceRev); err != nil {
			return nil, fmt.Errorf("store: page texts: %w", err)
		}
		t.NeedsNativeReview = review
		t.UpdatedAt = parseTime(updated)
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: page texts: %w", err)
	}
	return out, nil
}

func (s *Store) slugRefs(ctx context.Context, query, slug string) ([]SlugRef, error) {
	rows, err := s.read.QueryContext(ctx, query, slug)
	if err != nil {
		return nil, fmt.Errorf("store: find slug: %w", err)
	}
	defer rows.Close()
	var out []SlugRef
	for rows.Next() {
		var r SlugRef
		if err := rows.Scan(&r.ID, &r.Lang); err != nil {
			return nil, fmt.Errorf("store: find slug: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: find slug: %w", err)
	}
	return out, nil
}

func insertGroup(ctx context.Context, tx *sql.Tx, kind, key, sourceLang string, now time.Time) (int64, error) {
	var id int64
	if err := tx.QueryRowContext(ctx, `
		INSERT INTO translation_groups (kind, key, source_lang, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`, kind, key, sourceLang, formatTime(now), formatTime(now)).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: insert %s %q: %w", kind, key, err)
	}
	return id, nil
}

func (s *Store) insertPage(ctx context.Context, tx *sql.Tx, p content.Page, sourceLang string, now time.Time) (int64, error) {
	id, err := insertGroup(ctx, tx, "page", p.Key, sourceLang, now)
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO pages (group_id, layout, position, in_menu) VALUES ($1, $2, $3, $4)`,
		id, p.Layout, p.Position, p.InMenu); err != nil {
		return 0, fmt.Errorf("store: insert page %q: %w", p.Key, err)
	}
	for lang, t := range p.Texts {
		updated := t.UpdatedAt
		if updated.IsZero() {
			updated = now
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO page_texts (`+pageTextColumns+`)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			id, lang, t.Slug, t.Status, t.NeedsNativeReview, t.Title, t.Summary, t.Body, formatTime(updated),
			max(t.Rev, 1), max(t.SourceRev, 1)); err != nil {
			return 0, fmt.Errorf("store: insert page %q in %s: %w", p.Key, lang, err)
		}
		if err := installedRevision(ctx, tx, id, lang, max(t.Rev, 1), content.PageFields(t), updated); err != nil {
			return 0, err
		}
		if t.Published() {
			t.Lang = lang
			if err := s.indexDoc(ctx, tx, pageDoc(id, t)); err != nil {
				return 0, err
			}
		}
	}
	return id, nil
}

// PageBySlug finds the page that uses slug, preferring the one whose text
// in lang has it, and returns it with all its translations in one query:
// the public site's hottest look-up.
func (s *Store) PageBySlug(ctx context.Context, lang, slug string) (content.Page, error) {
	rows, err := s.query(ctx, `
		SELECT s.lang, p.group_id, g.key, p.layout, p.position, p.in_menu, g.source_lang,
			t.group_id, t.lang, t.slug, t.status, t.needs_native_review, t.title, t.summary, t.body, t.updated_at, t.rev, t.source_rev
		FROM page_texts s
		JOIN pages p ON p.group_id = s.group_id
		JOIN translation_groups g ON g.id = p.group_id
		JOIN page_texts t ON t.group_id = p.group_id
		WHERE s.slug = $1
		ORDER BY s.lang = $2 DESC, p.group_id`, slug, lang)
	if err != nil {
		return content.Page{}, fmt.Errorf("store: page by slug: %w", err)
	}
	defer rows.Close()
	var page content.Page
	for rows.Next() {
		var p content.Page
		var matched string
		var inMenu, review bool
		var t pageTextRow
		var updated string
		if err := rows.Scan(&matched, &p.ID, &p.Key, &p.Layout, &p.Position, &inMenu, &p.SourceLang,
			&t.id, &t.Lang, &t.Slug, &t.Status, &review, &t.Title, &t.Summary, &t.Body, &updated, &t.Rev, &t.SourceRev); err != nil {
			return content.Page{}, fmt.Errorf("store: page by slug: %w", err)
		}
		if page.ID == 0 {
			p.InMenu = inMenu
			p.Texts = map[string]content.PageText{}
			page = p
		}
		if p.ID != page.ID {
			continue // another page with the slug in another language
		}
		t.NeedsNativeReview = review
		t.UpdatedAt = parseTime(updated)
		page.Texts[t.Lang] = t.PageText
	}
	if err := rows.Err(); err != nil {
		return content.Page{}, fmt.Errorf("store: page by slug: %w", err)
	}
	if page.ID == 0 {
		return page, ErrNotFound
	}
	return page, nil
}
