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

// Kinds of translation group.
const (
	KindPage         = "page"
	KindOrganisation = "organisation"
)

// ErrNoDraft is returned when publishing what has no draft.
var ErrNoDraft = errors.New("store: no draft to publish")

// GroupKind returns the kind of a translation group.
func (s *Store) GroupKind(ctx context.Context, id int64) (string, error) {
	var kind string
	err := s.read.QueryRowContext(ctx, `SELECT kind FROM translation_groups WHERE id = $1`, id).Scan(&kind)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	if err != nil {
		return "", fmt.Errorf("store: group %d: %w", id, err)
	}
	return kind, nil
}

func encodeFields(f content.Fields) (string, error) {
	if f == nil {
		f = content.Fields{}
	}
	b, err := json.Marshal(f)
	return string(b), err
}

func decodeFields(s string) (content.Fields, error) {
	var f content.Fields
	err := json.Unmarshal([]byte(s), &f)
	return f, err
}

// Draft returns the work in progress on a text.
func (s *Store) Draft(ctx context.Context, groupID int64, lang string) (content.Draft, error) {
	d := content.Draft{GroupID: groupID, Lang: lang}
	var fields, updated string
	var by sql.NullInt64
	err := s.read.QueryRowContext(ctx, `
		SELECT g.kind, d.status, d.fields, d.source_rev, d.updated_at, d.updated_by
		FROM drafts d JOIN translation_groups g ON g.id = d.group_id
		WHERE d.group_id = $1 AND d.lang = $2`, groupID, lang).Scan(&d.Kind, &d.Status, &fields, &d.SourceRev, &updated, &by)
	if errors.Is(err, sql.ErrNoRows) {
		return d, ErrNotFound
	}
	if err != nil {
		return d, fmt.Errorf("store: draft: %w", err)
	}
	d.UpdatedAt, d.UpdatedBy = parseTime(updated), by.Int64
	if d.Fields, err = decodeFields(fields); err != nil {
		return d, fmt.Errorf("store: draft %d/%s: %w", groupID, lang, err)
	}
	return d, nil
}

// SaveDraft stores a draft (or a text sent to review) and a revision of it.
// action names the revision: "draft", "review", "restore" or "xliff".
func (s *Store) SaveDraft(ctx context.Context, d content.Draft, by content.User, action string) error {
	return s.SaveDrafts(ctx, []content.Draft{d}, by, action)
}

// SaveDrafts stores several drafts and their revisions in one transaction:
// all of them or, on any error, none (an XLIFF import).
func (s *Store) SaveDrafts(ctx context.Context, ds []content.Draft, by content.User, action string) error {
	now := formatTime(time.Now())
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: save draft: %w", err)
	}
	defer tx.Rollback()
	for _, d := range ds {
		if d.Status != content.StatusDraft && d.Status != content.StatusReview {
			return fmt.Errorf("store: a draft's status must be draft or review, not %q", d.Status)
		}
		fields, err := encodeFields(d.Fields)
		if err != nil {
			return fmt.Errorf("store: save draft: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO drafts (group_id, lang, status, fields, source_rev, updated_at, updated_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7)
			ON CONFLICT (group_id, lang) DO UPDATE SET status = excluded.status, fields = excluded.fields,
				source_rev = excluded.source_rev, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
			d.GroupID, d.Lang, d.Status, fields, d.SourceRev, now, nullID(by.ID)); err != nil {
			return fmt.Errorf("store: save draft %d/%s: %w", d.GroupID, d.Lang, err)
		}
		if err := addRevision(ctx, tx, d.GroupID, d.Lang, by, action, 0, fields, now); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: save draft: %w", err)
	}
	return nil
}

// DeleteDraft throws away the work in progress on a text.
func (s *Store) DeleteDraft(ctx context.Context, groupID int64, lang string) error {
	if _, err := s.write.ExecContext(ctx, `DELETE FROM drafts WHERE group_id = $1 AND lang = $2`, groupID, lang); err != nil {
		return fmt.Errorf("store: delete draft: %w", err)
	}
	return nil
}

func addRevision(ctx context.Context, tx *sql.Tx, groupID int64, lang string, by content.User, action string, rev int, fields, at string) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO revisions (group_id, lang, at, user_id, user_email, action, rev, fields)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, groupID, lang, at, nullID(by.ID), by.Email, action, rev, fields)
	if err != nil {
		return fmt.Errorf("store: revision: %w", err)
	}
	return nil
}

// installedRevision records a text written by Install (default content,
// an import) as its first published revision, so that later diffs have a
// starting point.
func installedRevision(ctx context.Context, tx *sql.Tx, groupID int64, lang string, rev int, f content.Fields, at time.Time) error {
	fields, err := encodeFields(f)
	if err != nil {
		return fmt.Errorf("store: revision: %w", err)
	}
	return addRevision(ctx, tx, groupID, lang, content.User{Email: "datka"}, "publish", rev, fields, formatTime(at))
}

// Publish makes the draft of a text its published version: the text's
// revision number goes up, the draft is gone, and a revision records it.
// For a translation, the source revision it was made from is kept, so that
// the board can tell when the source moves on.
func (s *Store) Publish(ctx context.Context, groupID int64, lang string, by content.User) (int, error) {
	d, err := s.Draft(ctx, groupID, lang)
	if errors.Is(err, ErrNotFound) {
		return 0, ErrNoDraft
	}
	if err != nil {
		return 0, err
	}
	return s.publish(ctx, d, by, false)
}

// SaveAndPublish publishes d as it is given, in one transaction, without
// keeping it as a draft first.
func (s *Store) SaveAndPublish(ctx context.Context, d content.Draft, by content.User) (int, error) {
	return s.publish(ctx, d, by, true)
}

func (s *Store) publish(ctx context.Context, d content.Draft, by content.User, given bool) (int, error) {
	now := time.Now()
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("store: publish: %w", err)
	}
	defer tx.Rollback()
	var sourceLang string
	if err := tx.QueryRowContext(ctx, `SELECT kind, source_lang FROM translation_groups WHERE id = $1`, d.GroupID).Scan(&d.Kind, &sourceLang); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return 0, ErrNotFound
		}
		return 0, fmt.Errorf("store: publish: %w", err)
	}
	var rev int
	switch d.Kind {
	case KindPage:
		rev, err = s.publishPage(ctx, tx, d, sourceLang, now)
	case KindOrganisation:
		rev, err = s.publishOrganisation(ctx, tx, d, sourceLang, now)
	case KindNews, KindEvent, KindMaterial:
		rev, err = s.publishEntry(ctx, tx, d, sourceLang, now)
	default:
		err = fmt.Errorf("store: publish: unknown kind %q", d.Kind)
	}
	if isUnique(err) {
		return 0, ErrDuplicate
	}
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM drafts WHERE group_id = $1 AND lang = $2`, d.GroupID, d.Lang); err != nil {
		return 0, fmt.Errorf("store: publish: %w", err)
	}
	fields, _ := encodeFields(d.Fields)
	if err := addRevision(ctx, tx, d.GroupID, d.Lang, by, "publish", rev, fields, formatTime(now)); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE translation_groups SET updated_at = $1 WHERE id = $2`, formatTime(now), d.GroupID); err != nil {
		return 0, fmt.Errorf("store: publish: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("store: publish: %w", err)
	}
	s.changed()
	return rev, nil
}

// nextRevs returns the new revision of a text and the source revision to
// record with it: the source text is its own source.
func nextRevs(ctx context.Context, tx *sql.Tx, query string, d content.Draft, sourceLang string) (rev, sourceRev int, exists bool, err error) {
	err = tx.QueryRowContext(ctx, query, d.GroupID, d.Lang).Scan(&rev)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		rev, err = 1, nil
	case err != nil:
		return 0, 0, false, fmt.Errorf("store: publish: %w", err)
	default:
		rev, exists = rev+1, true
	}
	sourceRev = d.SourceRev
	if d.Lang == sourceLang {
		sourceRev = rev
	}
	return rev, sourceRev, exists, nil
}

func (s *Store) publishPage(ctx context.Context, tx *sql.Tx, d content.Draft, sourceLang string, now time.Time) (int, error) {
	rev, sourceRev, exists, err := nextRevs(ctx, tx, `SELECT rev FROM page_texts WHERE group_id = $1 AND lang = $2`, d, sourceLang)
	if err != nil {
		return 0, err
	}
	var t content.PageText
	content.ApplyPageFields(&t, d.Fields)
	t.Lang = d.Lang
	if exists {
		_, err = tx.ExecContext(ctx, `
			UPDATE page_texts SET slug = $1, title = $2, summary = $3, body = $4, status = 'published',
				rev = $5, source_rev = $6, updated_at = $7
			WHERE group_id = $8 AND lang = $9`,
			t.Slug, t.Title, t.Summary, t.Body, rev, sourceRev, formatTime(now), d.GroupID, d.Lang)
	} else {
		_, err = tx.ExecContext(ctx, `
			INSERT INTO page_texts (`+pageTextColumns+`)
			VALUES ($1, $2, $3, 'published', FALSE, $4, $5, $6, $7, $8, $9)`,
			d.GroupID, d.Lang, t.Slug, t.Title, t.Summary, t.Body, formatTime(now), rev, sourceRev)
	}
	if err != nil {
		if isUnique(err) {
			return 0, err
		}
		return 0, fmt.Errorf("store: publish page: %w", err)
	}
	if err := s.indexDoc(ctx, tx, pageDoc(d.GroupID, t)); err != nil {
		return 0, err
	}
	return rev, nil
}

func (s *Store) publishOrganisation(ctx context.Context, tx *sql.Tx, d content.Draft, sourceLang string, now time.Time) (int, error) {
	rev, sourceRev, exists, err := nextRevs(ctx, tx, `SELECT rev FROM organisation_texts WHERE group_id = $1 AND lang = $2`, d, sourceLang)
	if err != nil {
		return 0, err
	}
	var t content.OrgText
	content.ApplyOrgFields(&t, d.Fields)
	t.Lang = d.Lang
	secs := make([]sectionJSON, 0, len(t.Sections))
	for _, sc := range t.Sections {
		secs = append(secs, sectionJSON(sc))
	}
	sections, err := json.Marshal(secs)
	if err != nil {
		return 0, fmt.Errorf("store: publish organisation: %w", err)
	}
	if exists {
		_, err = tx.ExecContext(ctx, `
			UPDATE organisation_texts SET slug = $1, name = $2, short_name = $3, summary = $4, description = $5,
				sections = $6, website_label = $7, status = 'published', rev = $8, source_rev = $9, updated_at = $10
			WHERE group_id = $11 AND lang = $12`,
			t.Slug, t.Name, t.ShortName, t.Summary, t.Description, string(sections), t.WebsiteLabel,
			rev, sourceRev, formatTime(now), d.GroupID, d.Lang)
	} else {
		_, err = tx.ExecContext(ctx, `
			INSERT INTO organisation_texts (`+orgTextColumns+`)
			VALUES ($1, $2, $3, 'published', FALSE, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
			d.GroupID, d.Lang, t.Slug, t.Name, t.ShortName, t.Summary, t.Description, string(sections),
			t.WebsiteLabel, formatTime(now), rev, sourceRev)
	}
	if err != nil {
		if isUnique(err) {
			return 0, err
		}
		return 0, fmt.Errorf("store: publish organisation: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM organisation_former_names WHERE group_id = $1 AND lang = $2`, d.GroupID, d.Lang); err != nil {
		return 0, fmt.Errorf("store: publish organisation: %w", err)
	}
	for i, name := range t.FormerNames {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO organisation_former_names (group_id, lang, position, name) VALUES ($1, $2, $3, $4)`,
			d.GroupID, d.Lang, i, name); err != nil {
			return 0, fmt.Errorf("store: publish organisation: %w", err)
		}
	}
	var role content.OrgRole
	if err := tx.QueryRowContext(ctx, `SELECT role FROM organisations WHERE group_id = $1`, d.GroupID).Scan(&role); err != nil {
		return 0, fmt.Errorf("store: publish organisation: %w", err)
	}
	if err := s.indexDoc(ctx, tx, orgDoc(d.GroupID, role, t)); err != nil {
		return 0, err
	}
	return rev, nil
}

// Unpublish takes a text off the site; it stays in the database.
func (s *Store) Unpublish(ctx context.Context, groupID int64, lang string, by content.User) error {
	kind, err := s.GroupKind(ctx, groupID)
	if err != nil {
		return err
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: unpublish: %w", err)
	}
	defer tx.Rollback()
	var res sql.Result
	switch kind {
	case KindPage:
		res, err = tx.ExecContext(ctx, `UPDATE page_texts SET status = 'draft' WHERE group_id = $1 AND lang = $2 AND status = 'published'`, groupID, lang)
	case KindOrganisation:
		res, err = tx.ExecContext(ctx, `UPDATE organisation_texts SET status = 'draft' WHERE group_id = $1 AND lang = $2 AND status = 'published'`, groupID, lang)
	default:
		res, err = tx.ExecContext(ctx, `UPDATE entry_texts SET status = 'draft' WHERE group_id = $1 AND lang = $2 AND status = 'published'`, groupID, lang)
	}
	if err != nil {
		return fmt.Errorf("store: unpublish: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	if err := s.unindex(ctx, tx, groupID, lang); err != nil {
		return err
	}
	if err := addRevision(ctx, tx, groupID, lang, by, "unpublish", 0, "[]", formatTime(time.Now())); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: unpublish: %w", err)
	}
	s.changed()
	return nil
}

const revisionColumns = `id, group_id, lang, at, user_id, user_email, action, rev, fields`

func scanRevision(r scanner) (content.Revision, error) {
	var v content.Revision
	var at, fields string
	var uid sql.NullInt64
	if err := r.Scan(&v.ID, &v.GroupID, &v.Lang, &at, &uid, &v.UserEmail, &v.Action, &v.Rev, &fields); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return v, ErrNotFound
		}
		return v, fmt.Errorf("store: revision: %w", err)
	}
	v.At, v.UserID = parseTime(at), uid.Int64
	var err error
	if v.Fields, err = decodeFields(fields); err != nil {
		return v, fmt.Errorf("store: revision %d: %w", v.ID, err)
	}
	return v, nil
}

// Revisions lists the saved states of a text, newest first.
func (s *Store) Revisions(ctx context.Context, groupID int64, lang string, limit int) ([]content.Revision, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+revisionColumns+` FROM revisions
		WHERE group_id = $1 AND lang = $2 ORDER BY id DESC LIMIT $3`, groupID, lang, limit)
	if err != nil {
		return nil, fmt.Errorf("store: revisions: %w", err)
	}
	defer rows.Close()
	var out []content.Revision
	for rows.Next() {
		v, err := scanRevision(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Revision returns one revision.
func (s *Store) Revision(ctx context.Context, id int64) (content.Revision, error) {
	return scanRevision(s.read.QueryRowContext(ctx, `SELECT `+revisionColumns+` FROM revisions WHERE id = $1`, id))
}

// PublishedRevision returns the revision that published rev of a text, for
// the diff of a source since a translation was made.
func (s *Store) PublishedRevision(ctx context.Context, groupID int64, lang string, rev int) (content.Revision, error) {
	return scanRevision(s.read.QueryRowContext(ctx, `SELECT `+revisionColumns+` FROM revisions
		WHERE group_id = $1 AND lang = $2 AND action = 'publish' AND rev = $3 ORDER BY id DESC LIMIT 1`, groupID, lang, rev))
}

// BoardText is where one text stands, for the translation board.
type BoardText struct {
	Status      content.Status // of the text in the database: published, or draft when taken off
	Rev         int
	SourceRev   int
	DraftStatus content.Status // of the work in progress, "" when none
}

// BoardItem is one row of the translation board.
type BoardItem struct {
	Kind       string
	ID         int64
	Key        string
	SourceLang string
	Titles     map[string]string
	Texts      map[string]BoardText
}

// Board returns every item with the state of each of its texts.
func (s *Store) Board(ctx context.Context) ([]BoardItem, error) {
	rows, err := s.read.QueryContext(ctx, `
		SELECT g.id, g.kind, g.key, g.source_lang FROM translation_groups g
		LEFT JOIN pages p ON p.group_id = g.id
		LEFT JOIN organisations o ON o.group_id = g.id
		LEFT JOIN entries e ON e.group_id = g.id
		ORDER BY CASE g.kind WHEN 'page' THEN 0 WHEN 'organisation' THEN 1 WHEN 'news' THEN 2 WHEN 'event' THEN 3 ELSE 4 END,
			coalesce(p.position, o.position, 0), e.date DESC, g.id`)
	if err != nil {
		return nil, fmt.Errorf("store: board: %w", err)
	}
	var items []BoardItem
	index := map[int64]int{}
	for rows.Next() {
		var it BoardItem
		if err := rows.Scan(&it.ID, &it.Kind, &it.Key, &it.SourceLang); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: board: %w", err)
		}
		it.Titles, it.Texts = map[string]string{}, map[string]BoardText{}
		index[it.ID] = len(items)
		items = append(items, it)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: board: %w", err)
	}
	texts := func(query string) error {
		rows, err := s.read.QueryContext(ctx, query)
		if err != nil {
			return fmt.Errorf("store: board: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var lang, title string
			var t BoardText
			if err := rows.Scan(&id, &lang, &title, &t.Status, &t.Rev, &t.SourceRev); err != nil {
				return fmt.Errorf("store: board: %w", err)
			}
			if i, ok := index[id]; ok {
				items[i].Titles[lang] = title
				items[i].Texts[lang] = t
			}
		}
		return rows.Err()
	}
	if err := texts(`SELECT group_id, lang, title, status, rev, source_rev FROM page_texts`); err != nil {
		return nil, err
	}
	if err := texts(`SELECT group_id, lang, name, status, rev, source_rev FROM organisation_texts`); err != nil {
		return nil, err
	}
	if err := texts(`SELECT group_id, lang, title, status, rev, source_rev FROM entry_texts`); err != nil {
		return nil, err
	}
	drows, err := s.read.QueryContext(ctx, `SELECT group_id, lang, status, fields FROM drafts`)
	if err != nil {
		return nil, fmt.Errorf("store: board: %w", err)
	}
	defer drows.Close()
	for drows.Next() {
		var id int64
		var lang, fields string
		var status content.Status
		if err := drows.Scan(&id, &lang, &status, &fields); err != nil {
			return nil, fmt.Errorf("store: board: %w", err)
		}
		i, ok := index[id]
		if !ok {
			continue
		}
		t := items[i].Texts[lang]
		t.DraftStatus = status
		items[i].Texts[lang] = t
		if items[i].Titles[lang] == "" {
			if f, err := decodeFields(fields); err == nil {
				items[i].Titles[lang] = f.Get("title") + f.Get("name")
			}
		}
	}
	return items, drows.Err()
}

// State is where the item stands in lang.
func (it BoardItem) State(lang string) content.CellState {
	t, ok := it.Texts[lang]
	switch {
	case t.DraftStatus == content.StatusReview:
		return content.CellReview
	case t.DraftStatus == content.StatusDraft:
		return content.CellDraft
	case !ok:
		return content.CellMissing
	case t.Status != content.StatusPublished:
		return content.CellDraft
	case lang != it.SourceLang && it.Texts[it.SourceLang].Rev > t.SourceRev:
		return content.CellOutdated
	}
	return content.CellPublished
}
