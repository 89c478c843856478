package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/datka-cms/datka/internal/content"
)

// ErrInUse is returned when deleting a file that a text still uses.
var ErrInUse = errors.New("store: still in use")

const mediaColumns = `m.id, m.kind, m.name, m.content_type, m.size, m.width, m.height, m.original_name,
	m.created_at, coalesce(m.created_by, 0), coalesce(nullif(u.name, ''), u.email, '')`

const mediaFrom = ` FROM media m LEFT JOIN users u ON u.id = m.created_by`

func scanMedia(r scanner) (content.Media, error) {
	var m content.Media
	var created string
	err := r.Scan(&m.ID, &m.Kind, &m.Name, &m.ContentType, &m.Size, &m.Width, &m.Height, &m.OriginalName,
		&created, &m.CreatedBy, &m.CreatedByName)
	if errors.Is(err, sql.ErrNoRows) {
		return m, ErrNotFound
	}
	if err != nil {
		return m, fmt.Errorf("store: media: %w", err)
	}
	m.CreatedAt = parseTime(created)
	return m, nil
}

// CreateMedia records an uploaded file, its smaller copies and its
// alternative texts; its ID is returned. The files are stored already.
func (s *Store) CreateMedia(ctx context.Context, m content.Media) (int64, error) {
	return s.createMedia(ctx, m, nil)
}

// createMedia records m and, in the same transaction, what more is
// given (an import's origin).
func (s *Store) createMedia(ctx context.Context, m content.Media, more func(tx *sql.Tx, id int64) error) (int64, error) {
	if m.CreatedAt.IsZero() {
		m.CreatedAt = time.Now()
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("store: create media: %w", err)
	}
	defer tx.Rollback()
	var id int64
	err = tx.QueryRowContext(ctx, `
		INSERT INTO media (kind, name, content_type, size, width, height, original_name, created_at, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
		m.Kind, m.Name, m.ContentType, m.Size, m.Width, m.Height, m.OriginalName, formatTime(m.CreatedAt), nullID(m.CreatedBy)).Scan(&id)
	if isUnique(err) {
		return 0, ErrDuplicate
	}
	if err != nil {
		return 0, fmt.Errorf("store: create media: %w", err)
	}
	for _, v := range m.Variants {
		if _, err := tx.ExecContext(ctx, `INSERT INTO media_variants (media_id, width, height, name) VALUES ($1, $2, $3, $4)`,
			id, v.Width, v.Height, v.Name); err != nil {
			return 0, fmt.Errorf("store: create media: %w", err)
		}
	}
	for lang, alt := range m.Alt {
		if alt = strings.TrimSpace(alt); alt == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO media_alt (media_id, lang, alt) VALUES ($1, $2, $3)`, id, lang, alt); err != nil {
			return 0, fmt.Errorf("store: create media: %w", err)
		}
	}
	if more != nil {
		if err := more(tx, id); err != nil {
			return 0, err
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("store: create media: %w", err)
	}
	s.changed()
	return id, nil
}

// Media returns a file of the library with its copies and alternative
// texts.
func (s *Store) Media(ctx context.Context, id int64) (content.Media, error) {
	m, err := scanMedia(s.read.QueryRowContext(ctx, `SELECT `+mediaColumns+mediaFrom+` WHERE m.id = $1`, id))
	if err != nil {
		return m, err
	}
	return m, s.mediaDetails(ctx, &m)
}

// MediaByName returns the file stored under name, which may also be the
// name of one of its copies.
func (s *Store) MediaByName(ctx context.Context, name string) (content.Media, error) {
	m, err := scanMedia(s.read.QueryRowContext(ctx, `SELECT `+mediaColumns+mediaFrom+`
		WHERE m.name = $1 OR m.id = (SELECT media_id FROM media_variants WHERE name = $1)`, name))
	if err != nil {
		return m, err
	}
	return m, s.mediaDetails(ctx, &m)
}

func (s *Store) mediaDetails(ctx context.Context, m *content.Media) error {
	rows, err := s.read.QueryContext(ctx, `SELECT width, height, name FROM media_variants WHERE media_id = $1 ORDER BY width`, m.ID)
	if err != nil {
		return fmt.Errorf("store: media variants: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var v content.MediaVariant
		if err := rows.Scan(&v.Width, &v.Height, &v.Name); err != nil {
			return fmt.Errorf("store: media variants: %w", err)
		}
		m.Variants = append(m.Variants, v)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: media variants: %w", err)
	}
	rows.Close()
	m.Alt = map[string]string{}
	rows, err = s.read.QueryContext(ctx, `SELECT lang, alt FROM media_alt WHERE media_id = $1`, m.ID)
	if err != nil {
		return fmt.Errorf("store: media alt: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var lang, alt string
		if err := rows.Scan(&lang, &alt); err != nil {
			return fmt.Errorf("store: media alt: %w", err)
		}
		m.Alt[lang] = alt
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: media alt: %w", err)
	}
	return nil
}

// MediaList returns a page of the library, newest first, with each
// image's copies (for thumbnails) but without alternative texts; and the
// number of files in all.
func (s *Store) MediaList(ctx context.Context, limit, offset int) ([]content.Media, int, error) {
	var total int
	if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM media`).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: media list: %w", err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT `+mediaColumns+mediaFrom+` ORDER BY m.id DESC LIMIT $1 OFFSET $2`, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("store: media list: %w", err)
	}
	defer rows.Close()
	var out []content.Media
	index := map[int64]int{}
	for rows.Next() {
		m, err := scanMedia(rows)
		if err != nil {
			return nil, 0, err
		}
		index[m.ID] = len(out)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("store: media list: %w", err)
	}
	rows.Close()
	vrows, err := s.read.QueryContext(ctx, `
		SELECT media_id, width, height, name FROM media_variants
		WHERE media_id IN (SELECT id FROM media ORDER BY id DESC LIMIT $1 OFFSET $2)
		ORDER BY media_id, width`, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("store: media list: %w", err)
	}
	defer vrows.Close()
	for vrows.Next() {
		var id int64
		var v content.MediaVariant
		if err := vrows.Scan(&id, &v.Width, &v.Height, &v.Name); err != nil {
			return nil, 0, fmt.Errorf("store: media list: %w", err)
		}
		if i, ok := index[id]; ok {
			out[i].Variants = append(out[i].Variants, v)
		}
	}
	if err := vrows.Err(); err != nil {
		return nil, 0, fmt.Errorf("store: media list: %w", err)
	}
	return out, total, nil
}

// SetMediaAlt sets an image's alternative text in one language; an empty
// text removes it.
func (s *Store) SetMediaAlt(ctx context.Context, id int64, lang, alt string) error {
	var err error
	if alt = strings.TrimSpace(alt); alt == "" {
		_, err = s.write.ExecContext(ctx, `DELETE FROM media_alt WHERE media_id = $1 AND lang = $2`, id, lang)
	} else {
		_, err = s.write.ExecContext(ctx, `
			INSERT INTO media_alt (media_id, lang, alt) VALUES ($1, $2, $3)
			ON CONFLICT (media_id, lang) DO UPDATE SET alt = excluded.alt`, id, lang, alt)
	}
	if err != nil {
		return fmt.Errorf("store: media alt: %w", err)
	}
	s.changed()
	return nil
}

// mediaUsesQuery finds the texts, published or in progress, that contain
// the random part of a storage name, which every URL of the file and of
// its copies contains; $1 is that part wrapped in % for LIKE.
const mediaUsesQuery = `
	SELECT 'page', t.group_id, t.lang, t.title, FALSE FROM page_texts t
	WHERE t.body LIKE $1 OR t.summary LIKE $1
	UNION
	SELECT 'organisation', t.group_id, t.lang, t.name, FALSE FROM organisation_texts t
	WHERE t.description LIKE $1 OR t.sections LIKE $1 OR t.summary LIKE $1
	UNION
	SELECT 'organisation', o.group_id, '', g.key, FALSE FROM organisations o JOIN translation_groups g ON g.id = o.group_id
	WHERE o.logo LIKE $1
	UNION
	SELECT g.kind, t.group_id, t.lang, t.title, FALSE FROM entry_texts t JOIN translation_groups g ON g.id = t.group_id
	WHERE t.body LIKE $1 OR t.summary LIKE $1
	UNION
	SELECT e.type, e.group_id, '', g.key, FALSE FROM entries e JOIN translation_groups g ON g.id = e.group_id
	WHERE e.cover LIKE $1 OR e.file LIKE $1
	UNION
	SELECT g.kind, d.group_id, d.lang, coalesce(pt.title, ot.name, et.title, g.key), TRUE
	FROM drafts d JOIN translation_groups g ON g.id = d.group_id
	LEFT JOIN page_texts pt ON pt.group_id = d.group_id AND pt.lang = d.lang
	LEFT JOIN organisation_texts ot ON ot.group_id = d.group_id AND ot.lang = d.lang
	LEFT JOIN entry_texts et ON et.group_id = d.group_id AND et.lang = d.lang
	WHERE d.fields LIKE $1
	UNION
	SELECT 'settings', 0, s.lang, s.site_name, FALSE FROM site_settings s WHERE s.footer LIKE $1
	ORDER BY 1, 2, 3, 5`

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func mediaUses(ctx context.Context, q querier, m content.Media) ([]content.MediaUse, error) {
	key := m.Key()
	if key == "" || strings.ContainsAny(key, `%_\`) {
		return nil, fmt.Errorf("store: media uses: bad storage name %q", m.Name)
	}
	rows, err := q.QueryContext(ctx, mediaUsesQuery, "%"+key+"%")
	if err != nil {
		return nil, fmt.Errorf("store: media uses: %w", err)
	}
	defer rows.Close()
	var out []content.MediaUse
	for rows.Next() {
		var u content.MediaUse
		var draft bool
		if err := rows.Scan(&u.Kind, &u.GroupID, &u.Lang, &u.Title, &draft); err != nil {
			return nil, fmt.Errorf("store: media uses: %w", err)
		}
		u.Draft = draft
		out = append(out, u)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: media uses: %w", err)
	}
	return out, nil
}

// MediaUses lists the texts that show or link to a file of the library.
func (s *Store) MediaUses(ctx context.Context, m content.Media) ([]content.MediaUse, error) {
	return mediaUses(ctx, s.read, m)
}

// DeleteMedia removes a file of the library from the database, unless a
// text uses it (ErrInUse, with the uses). The check and the deletion are
// one transaction, so that no text can start using the file in between.
// The caller removes the stored files, named in the returned Media.
func (s *Store) DeleteMedia(ctx context.Context, id int64) (content.Media, []content.MediaUse, error) {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return content.Media{}, nil, fmt.Errorf("store: delete media: %w", err)
	}
	defer tx.Rollback()
	m, err := scanMedia(tx.QueryRowContext(ctx, `SELECT `+mediaColumns+mediaFrom+` WHERE m.id = $1`, id))
	if err != nil {
		return m, nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT width, height, name FROM media_variants WHERE media_id = $1 ORDER BY width`, id)
	if err != nil {
		return m, nil, fmt.Errorf("store: delete media: %w", err)
	}
	for rows.Next() {
		var v content.MediaVariant
		if err := rows.Scan(&v.Width, &v.Height, &v.Name); err != nil {
			rows.Close()
			return m, nil, fmt.Errorf("store: delete media: %w", err)
		}
		m.Variants = append(m.Variants, v)
	}
	rows.Close()
	uses, err := mediaUses(ctx, tx, m)
	if err != nil {
		return m, nil, err
	}
	if len(uses) > 0 {
		return m, uses, ErrInUse
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM media WHERE id = $1`, id); err != nil {
		return m, nil, fmt.Errorf("store: delete media: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return m, nil, fmt.Errorf("store: delete media: %w", err)
	}
	s.changed()
	return m, nil, nil
}
