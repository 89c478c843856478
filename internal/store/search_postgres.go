package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
)

// On PostgreSQL each row of search_docs carries its terms as tsvectors
// built here from the analysers' terms, not by PostgreSQL's own parser:
// terms holds them all, the title's weighing A and the text's D, with
// their positions, for matching and ranking; title_terms holds the
// title's alone, so that "in the title" is answered by its GIN index
// without reading every match's terms. A query is a tsquery of the same
// terms, so that both databases match the same texts for the same words.
//
// Searches run as unnamed statements (pgx's QueryExecModeExec), which
// PostgreSQL plans for the query at hand: a plan cached for any tsquery
// cannot know that one word is in a handful of texts and another in
// thousands, and picks badly for one of them.

// postgresIndex adds one text, whose terms the analysers made.
func postgresIndex(ctx context.Context, tx execer, d searchDoc, date any, title, body []string) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO search_docs (group_id, lang, kind, parent, slug, title, text, date, terms, title_terms)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::tsvector, $10::tsvector)`,
		d.groupID, d.lang, d.kind, d.parent, d.slug, d.title, d.text, date,
		tsvector(title, body, "A", scopeLexemes(d.lang, d.kind)), tsvector(title, nil, "", scopeLexemes(d.lang, d.kind)))
	return err
}

// postgresClearIndex empties the index before a rebuild. The lock keeps
// two instances that start together from rebuilding it at once.
func postgresClearIndex(ctx context.Context, tx execer) error {
	for _, q := range []string{`SELECT pg_advisory_xact_lock(7364021)`, `DELETE FROM search_docs`, `DELETE FROM search_state`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// postgresAfterReindex gathers the planner's statistics of the rebuilt
// index at once, rather than when autovacuum comes by: a plan made on the
// statistics of an empty table reads every row.
func postgresAfterReindex(ctx context.Context, db execer) error {
	if _, err := db.ExecContext(ctx, `ANALYZE search_docs`); err != nil {
		return fmt.Errorf("store: reindex: %w", err)
	}
	return nil
}

// Limits of PostgreSQL's tsvector: a lexeme's length in bytes, its
// positions, and the highest position.
const (
	maxLexeme    = 2046
	maxPositions = 256
	maxPosition  = 16383
)

// tsvector writes terms in tsvector's input form: each term quoted once
// with its positions, the title's marked with titleWeight, then the scope
// lexemes, which have no position.
func tsvector(title, body []string, titleWeight string, scope []string) string {
	type lexeme struct{ positions []string }
	var order []string
	seen := map[string]*lexeme{}
	pos := 0
	add := func(terms []string, weight string) {
		for _, t := range terms {
			pos = min(pos+1, maxPosition)
			if t == "" || len(t) > maxLexeme {
				continue
			}
			l := seen[t]
			if l == nil {
				l = &lexeme{}
				seen[t] = l
				order = append(order, t)
			}
			if len(l.positions) < maxPositions {
				l.positions = append(l.positions, strconv.Itoa(pos)+weight)
			}
		}
	}
	add(title, titleWeight)
	add(body, "")
	var b strings.Builder
	for _, t := range order {
		b.WriteString(quoteLexeme(t))
		b.WriteByte(':')
		b.WriteString(strings.Join(seen[t].positions, ","))
		b.WriteByte(' ')
	}
	for _, t := range scope {
		b.WriteString(quoteLexeme(t))
		b.WriteByte(' ')
	}
	return strings.TrimSuffix(b.String(), " ")
}

// quoteLexeme quotes a term for tsvector and tsquery input, doubling
// quotes and backslashes, so that nothing in it is read as syntax.
func quoteLexeme(t string) string {
	return "'" + strings.NewReplacer(`'`, `''`, `\`, `\\`).Replace(t) + "'"
}

// scopeLexemes name a text's language and kind inside its tsvectors, as
// the scope column does on SQLite: a query asks for them as it asks for
// words, so that the GIN index alone finds a language's matches. The
// analysers' terms never hold a colon.
func scopeLexemes(lang, kind string) []string {
	return []string{"lang:" + lang, "kind:" + kind}
}

// tsquery is all of terms.
func tsquery(terms []string) string {
	parts := make([]string, len(terms))
	for i, t := range terms {
		parts[i] = quoteLexeme(t)
	}
	return strings.Join(parts, " & ")
}

// The statements of a search on PostgreSQL. $1 is the words and the scope
// (its language, and its kind when one is asked for) as a tsquery; where
// a statement ranks, or leaves out matches in the title, $2 is the words
// alone; the page's limit and offset follow, a count's limit.
const (
	// Matches anywhere, ranked: titles weigh four times the text.
	pgRanked = `SELECT group_id, lang, kind, parent, slug, title, text, date FROM search_docs
		WHERE terms @@ $1::tsquery
		ORDER BY ts_rank('{0.25, 0.25, 0.25, 1}', terms, $2::tsquery) DESC, id LIMIT $3 OFFSET $4`
	// Matches in the title, newest in the index first.
	pgInTitle = `SELECT group_id, lang, kind, parent, slug, title, text, date FROM search_docs
		WHERE title_terms @@ $1::tsquery
		ORDER BY id DESC LIMIT $2 OFFSET $3`
	// Matches in the text but not the title, newest in the index first.
	pgNotInTitle = `SELECT group_id, lang, kind, parent, slug, title, text, date FROM search_docs
		WHERE terms @@ $1::tsquery AND NOT title_terms @@ $2::tsquery
		ORDER BY id DESC LIMIT $3 OFFSET $4`
	pgCount        = `SELECT count(*) FROM (SELECT 1 FROM search_docs WHERE terms @@ $1::tsquery LIMIT $2) m`
	pgCountInTitle = `SELECT count(*) FROM (SELECT 1 FROM search_docs WHERE title_terms @@ $1::tsquery LIMIT $2) m`
)

// postgresMatch is a search's condition: the words with the scope, and
// the words alone.
type postgresMatch struct{ scoped, words string }

func newPostgresMatch(lang, kind string, terms []string) postgresMatch {
	scope := scopeLexemes(lang, kind)
	if kind == "" {
		scope = scope[:1]
	}
	return postgresMatch{scoped: tsquery(append(scope, terms...)), words: tsquery(terms)}
}

// postgresCount counts the matches of the statement q, up to limit.
func (s *Store) postgresCount(ctx context.Context, q string, m postgresMatch, limit int) (int, error) {
	var n int
	if err := s.read.QueryRowContext(ctx, q, pgx.QueryExecModeExec, m.scoped, limit).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: search: %w", err)
	}
	return n, nil
}

// postgresPage reads one page of the matches of the statement q, which
// takes the words alone when withWords.
func (s *Store) postgresPage(ctx context.Context, q string, m postgresMatch, withWords bool, limit, offset int) ([]SearchHit, error) {
	args := []any{pgx.QueryExecModeExec, m.scoped}
	if withWords {
		args = append(args, m.words)
	}
	rows, err := s.read.QueryContext(ctx, q, append(args, limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	return scanHits(rows)
}

// postgresSearch ranks up to rankedMax matches by ts_rank, the title's
// weight (A) four times the text's (D); a broader query lists the title
// matches first, then the rest, newest in the index first, as on SQLite.
func (s *Store) postgresSearch(ctx context.Context, q SearchQuery) ([]SearchHit, int, error) {
	m := newPostgresMatch(q.Lang, q.Kind, q.Terms)
	total, err := s.postgresCount(ctx, pgCount, m, SearchCountMax+1)
	if err != nil || total == 0 {
		return nil, 0, err
	}
	if total <= rankedMax {
		hits, err := s.postgresPage(ctx, pgRanked, m, true, q.Limit, q.Offset)
		return hits, total, err
	}
	titled := 0
	if q.Offset > 0 {
		if titled, err = s.postgresCount(ctx, pgCountInTitle, m, SearchCountMax); err != nil {
			return nil, 0, err
		}
	}
	var hits []SearchHit
	if q.Offset == 0 || q.Offset < titled {
		if hits, err = s.postgresPage(ctx, pgInTitle, m, false, q.Limit, q.Offset); err != nil {
			return nil, 0, err
		}
		if q.Offset == 0 {
			titled = len(hits)
		}
	}
	if n := q.Limit - len(hits); n > 0 {
		more, err := s.postgresPage(ctx, pgNotInTitle, m, true, n, max(q.Offset-titled, 0))
		if err != nil {
			return nil, 0, err
		}
		hits = append(hits, more...)
	}
	return hits, total, nil
}
