package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/markup"
	"github.com/datka-cms/datka/internal/search"
)

// searchDoc is what the index keeps of one published text.
type searchDoc struct {
	groupID    int64
	lang, kind string
	parent     string // the layout of the page the item is listed under
	slug       string
	title      string
	titleExtra string // more words that name the item: short and former names
	text       string // plain text
	date       time.Time
	bodyExtra  string // more words to find it by: tags, place
}

func pageDoc(id int64, t content.PageText) searchDoc {
	return searchDoc{groupID: id, lang: t.Lang, kind: KindPage, slug: t.Slug, title: t.Title,
		text: joinText(t.Summary, markup.Plain(t.Body))}
}

func orgDoc(id int64, role content.OrgRole, t content.OrgText) searchDoc {
	parent := string(content.LayoutPartners)
	if role == content.RoleGovernment {
		parent = string(content.LayoutGovernment)
	}
	parts := []string{t.Summary, markup.Plain(t.Description)}
	for _, s := range t.Sections {
		parts = append(parts, s.Heading, markup.Plain(s.Intro), strings.Join(s.Items, "\n"), markup.Plain(s.Outro))
	}
	return searchDoc{groupID: id, lang: t.Lang, kind: KindOrganisation, parent: parent, slug: t.Slug, title: t.Name,
		titleExtra: strings.Join(append([]string{t.ShortName}, t.FormerNames...), "\n"),
		text:       joinText(parts...), bodyExtra: t.WebsiteLabel}
}

func entryDoc(id int64, typ content.EntryType, date time.Time, t content.EntryText) searchDoc {
	parent := string(content.LayoutNews)
	switch typ {
	case content.EntryEvent:
		parent = string(content.LayoutEvents)
	case content.EntryMaterial:
		parent = string(content.LayoutLibrary)
	}
	return searchDoc{groupID: id, lang: t.Lang, kind: string(typ), parent: parent, slug: t.Slug, title: t.Title,
		text: joinText(t.Summary, markup.Plain(t.Body)), date: date,
		bodyExtra: joinText(t.Place, strings.Join(t.Tags, "\n"))}
}

func joinText(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			if b.Len() > 0 {
				b.WriteString("\n")
			}
			b.WriteString(p)
		}
	}
	return b.String()
}

// execer is a transaction or a pool.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// indexDoc puts a published text into the index, replacing what was there.
func (s *Store) indexDoc(ctx context.Context, tx execer, d searchDoc) error {
	if err := s.unindex(ctx, tx, d.groupID, d.lang); err != nil {
		return err
	}
	a := search.For(d.lang)
	title, body := a.Terms(joinText(d.title, d.titleExtra)), a.Terms(joinText(d.text, d.bodyExtra))
	var err error
	if s.pg != nil {
		err = postgresIndex(ctx, tx, d, s.optionalTime(d.date), title, body)
	} else {
		err = sqliteIndex(ctx, tx, d, s.optionalTime(d.date), title, body)
	}
	if err != nil {
		return fmt.Errorf("store: index %d/%s: %w", d.groupID, d.lang, err)
	}
	return nil
}

// unindex takes a text out of the index.
func (s *Store) unindex(ctx context.Context, tx execer, groupID int64, lang string) error {
	var err error
	if s.pg != nil {
		_, err = tx.ExecContext(ctx, `DELETE FROM search_docs WHERE group_id = $1 AND lang = $2`, groupID, lang)
	} else {
		err = sqliteUnindex(ctx, tx, groupID, lang)
	}
	if err != nil {
		return fmt.Errorf("store: unindex %d/%s: %w", groupID, lang, err)
	}
	return nil
}

// Reindex rebuilds the search index from the published texts, in one
// transaction. Open calls it when the index was made by other analysers
// than this program's.
func (s *Store) Reindex(ctx context.Context) error {
	docs, err := s.publishedDocs(ctx)
	if err != nil {
		return err
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: reindex: %w", err)
	}
	defer tx.Rollback()
	clear := sqliteClearIndex
	if s.pg != nil {
		clear = postgresClearIndex
	}
	if err := clear(ctx, tx); err != nil {
		return fmt.Errorf("store: reindex: %w", err)
	}
	for _, d := range docs {
		if err := s.indexDoc(ctx, tx, d); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO search_state (analyser) VALUES ($1)`, search.Version); err != nil {
		return fmt.Errorf("store: reindex: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: reindex: %w", err)
	}
	if s.pg != nil {
		return postgresAfterReindex(ctx, s.write)
	}
	return nil
}

// reindexIfStale rebuilds the index when its analysers are not this
// program's.
func (s *Store) reindexIfStale(ctx context.Context) error {
	var v int
	err := s.read.QueryRowContext(ctx, `SELECT analyser FROM search_state`).Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("store: search state: %w", err)
	}
	if err == nil && v == search.Version {
		return nil
	}
	return s.Reindex(ctx)
}

func (s *Store) allEntries(ctx context.Context) ([]content.Entry, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+entryColumns+`
		FROM entries e JOIN translation_groups g ON g.id = e.group_id ORDER BY e.group_id`)
	if err != nil {
		return nil, fmt.Errorf("store: entries: %w", err)
	}
	var out []content.Entry
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: entries: %w", err)
	}
	return out, s.entryTexts(ctx, out, false)
}

// SearchQuery is a search in one language for items that contain all of
// Terms (made by that language's analyser).
type SearchQuery struct {
	Lang   string
	Terms  []string
	Kind   string // "" for every kind
	Limit  int
	Offset int
}

// SearchHit is one text found.
type SearchHit struct {
	GroupID int64
	Lang    string
	Kind    string
	Parent  string
	Slug    string
	Title   string
	Text    string
	Date    time.Time
}

// SearchCountMax is the most matches a search counts and lists: a query
// that matches more reports SearchCountMax+1 and lists the first
// SearchCountMax. Counting stops there, so a one-word query that every
// text contains costs no more than a narrow one.
const SearchCountMax = rankedMax

// rankedMax is the most matches a search ranks by relevance (BM25, a
// title's words weighing four times the text's). Ranking costs time in
// proportion to the matches, and past a few thousand it tells a reader
// little: a broader query lists the texts whose titles match first, then
// the rest, each group in the index's order (the texts indexed last
// first: the latest published, until a rebuild of the index).
const rankedMax = 1500

// Search returns one page of the texts that match q, best first, and how
// many match in all, up to SearchCountMax+1. Both databases match the
// same texts, from the same terms; they rank them by their own measures
// (BM25 on SQLite, ts_rank on PostgreSQL), titles weighing four times the
// text.
func (s *Store) Search(ctx context.Context, q SearchQuery) ([]SearchHit, int, error) {
	if len(q.Terms) == 0 {
		return nil, 0, nil
	}
	if q.Limit <= 0 {
		q.Limit = 10
	}
	q.Offset = max(q.Offset, 0)
	if s.pg != nil {
		return s.postgresSearch(ctx, q)
	}
	return s.sqliteSearch(ctx, q)
}

// SearchCount counts the texts in lang, of kind unless it is "", that
// match terms, up to SearchCountMax+1.
func (s *Store) SearchCount(ctx context.Context, lang, kind string, terms []string) (int, error) {
	if len(terms) == 0 {
		return 0, nil
	}
	if s.pg != nil {
		return s.postgresCount(ctx, pgCount, newPostgresMatch(lang, kind, terms), SearchCountMax+1)
	}
	return s.countMatches(ctx, matchExpr(lang, kind, terms, "{title body}"), SearchCountMax+1)
}

// scanHits reads the rows of a page of results.
func scanHits(rows *sql.Rows) ([]SearchHit, error) {
	defer rows.Close()
	var out []SearchHit
	for rows.Next() {
		var h SearchHit
		var date sql.NullString // NULL on PostgreSQL for undated texts
		if err := rows.Scan(&h.GroupID, &h.Lang, &h.Kind, &h.Parent, &h.Slug, &h.Title, &h.Text, &date); err != nil {
			return nil, fmt.Errorf("store: search: %w", err)
		}
		h.Date = parseTime(date.String)
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	return out, nil
}
