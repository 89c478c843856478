package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// On SQLite the index is a contentless FTS5 table, search_terms, whose
// rowid is search_docs' id: its columns hold the analysers' terms as
// space-separated words for the ascii tokenizer, and scope holds the
// language and the kind as two more tokens, so that the index alone
// finds, counts and ranks (bm25 with the title weighing 4, the text 1).

// sqliteIndex adds one text, whose terms the analysers made.
func sqliteIndex(ctx context.Context, tx execer, d searchDoc, date any, title, body []string) error {
	var id int64
	if err := tx.QueryRowContext(ctx, `
		INSERT INTO search_docs (group_id, lang, kind, parent, slug, title, text, date)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		d.groupID, d.lang, d.kind, d.parent, d.slug, d.title, d.text, date).Scan(&id); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO search_terms (rowid, scope, title, body) VALUES ($1, $2, $3, $4)`,
		id, scopeTokens(d.lang, d.kind), strings.Join(title, " "), strings.Join(body, " "))
	return err
}

// sqliteUnindex takes one text out: a contentless table deletes by rowid.
func sqliteUnindex(ctx context.Context, tx execer, groupID int64, lang string) error {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM search_docs WHERE group_id = $1 AND lang = $2`, groupID, lang).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err == nil {
		_, err = tx.ExecContext(ctx, `DELETE FROM search_terms WHERE rowid = $1`, id)
	}
	if err == nil {
		_, err = tx.ExecContext(ctx, `DELETE FROM search_docs WHERE id = $1`, id)
	}
	return err
}

// sqliteClearIndex empties the index before a rebuild.
func sqliteClearIndex(ctx context.Context, tx execer) error {
	for _, q := range []string{`INSERT INTO search_terms (search_terms) VALUES ('delete-all')`, `DELETE FROM search_docs`, `DELETE FROM search_state`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// scopeToken makes a language code or a kind one token of the ascii
// tokenizer: lower-case letters and digits only.
func scopeToken(prefix, v string) string {
	var b strings.Builder
	b.WriteString(prefix)
	for _, r := range strings.ToLower(v) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func scopeTokens(lang, kind string) string {
	return scopeToken("lang", lang) + " " + scopeToken("kind", kind)
}

// matchExpr is the FTS5 query for terms in one language and, unless kind
// is "", one kind, in the columns cols ("{title body}", "{title}"). Every
// term is quoted, so that nothing a reader typed is read as FTS5 syntax;
// terms hold letters and digits only, but a quote inside would be doubled
// all the same.
func matchExpr(lang, kind string, terms []string, cols string) string {
	var b strings.Builder
	b.WriteString(`scope : ("` + scopeToken("lang", lang) + `"`)
	if kind != "" {
		b.WriteString(` AND "` + scopeToken("kind", kind) + `"`)
	}
	b.WriteString(`) AND ` + termsExpr(terms, cols))
	return b.String()
}

func termsExpr(terms []string, cols string) string {
	var b strings.Builder
	b.WriteString(cols + ` : (`)
	for i, t := range terms {
		if i > 0 {
			b.WriteString(" AND ")
		}
		b.WriteString(`"` + strings.ReplaceAll(t, `"`, `""`) + `"`)
	}
	b.WriteString(")")
	return b.String()
}

// sqliteSearch finds, counts and ranks the matches in the FTS5 index
// alone; search_docs is read for the page shown only.
func (s *Store) sqliteSearch(ctx context.Context, q SearchQuery) ([]SearchHit, int, error) {
	all := matchExpr(q.Lang, q.Kind, q.Terms, "{title body}")
	total, err := s.countMatches(ctx, all, SearchCountMax+1)
	if err != nil || total == 0 {
		return nil, 0, err
	}
	limit, offset := q.Limit, q.Offset
	const page = `SELECT d.group_id, d.lang, d.kind, d.parent, d.slug, d.title, d.text, d.date
		FROM (SELECT rowid AS id, %s AS o FROM search_terms WHERE search_terms MATCH $1 ORDER BY %s LIMIT $2 OFFSET $3) m
		JOIN search_docs d ON d.id = m.id ORDER BY m.o%s`
	if total <= rankedMax {
		hits, err := s.searchPage(ctx, fmt.Sprintf(page, "rank", "rank", ", d.id"), all, limit, offset)
		return hits, total, err
	}
	inTitle := matchExpr(q.Lang, q.Kind, q.Terms, "{title}")
	newest := fmt.Sprintf(page, "-rowid", "rowid DESC", "")
	// The first page needs no count of the title matches: it takes what
	// there are, then the rest.
	titled := 0
	if offset > 0 {
		if titled, err = s.countMatches(ctx, inTitle, SearchCountMax); err != nil {
			return nil, 0, err
		}
	}
	var hits []SearchHit
	if offset == 0 || offset < titled {
		if hits, err = s.searchPage(ctx, newest, inTitle, limit, offset); err != nil {
			return nil, 0, err
		}
		if offset == 0 {
			titled = len(hits)
		}
	}
	if rest := limit - len(hits); rest > 0 {
		more, err := s.searchPage(ctx, newest, all+" NOT "+termsExpr(q.Terms, "{title}"), rest, max(offset-titled, 0))
		if err != nil {
			return nil, 0, err
		}
		hits = append(hits, more...)
	}
	return hits, total, nil
}

// countMatches counts the matches of match, up to limit.
func (s *Store) countMatches(ctx context.Context, match string, limit int) (int, error) {
	var n int
	rows, err := s.query(ctx, `SELECT count(*) FROM (SELECT rowid FROM search_terms WHERE search_terms MATCH $1 LIMIT $2)`, match, limit)
	if err != nil {
		return 0, fmt.Errorf("store: search: %w", err)
	}
	defer rows.Close()
	if rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, fmt.Errorf("store: search: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("store: search: %w", err)
	}
	return n, nil
}

func (s *Store) searchPage(ctx context.Context, query, match string, limit, offset int) ([]SearchHit, error) {
	rows, err := s.query(ctx, query, match, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	return scanHits(rows)
}
