package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// On PostgreSQL each row of search_docs carries its terms as a tsvector
// built here from the analysers' terms, not by PostgreSQL's own parser:
// the title's terms weigh A and the text's D, with their positions. A
// query is a tsquery of the same terms, so that both databases match the
// same texts for the same words.

// postgresIndex adds one text, whose terms the analysers made.
func postgresIndex(ctx context.Context, tx execer, d searchDoc, date any, title, body []string) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO search_docs (group_id, lang, kind, parent, slug, title, text, date, terms)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::tsvector)`,
		d.groupID, d.lang, d.kind, d.parent, d.slug, d.title, d.text, date, tsvector(title, body))
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

// Limits of PostgreSQL's tsvector: a lexeme's length in bytes, its
// positions, and the highest position.
const (
	maxLexeme    = 2046
	maxPositions = 256
	maxPosition  = 16383
)

// tsvector writes terms in tsvector's input form: each term quoted once
// with its positions, the title's marked A.
func tsvector(title, body []string) string {
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
	add(title, "A")
	add(body, "")
	var b strings.Builder
	for i, t := range order {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(quoteLexeme(t))
		b.WriteByte(':')
		b.WriteString(strings.Join(seen[t].positions, ","))
	}
	return b.String()
}

// quoteLexeme quotes a term for tsvector and tsquery input, doubling
// quotes and backslashes, so that nothing in it is read as syntax.
func quoteLexeme(t string) string {
	return "'" + strings.NewReplacer(`'`, `''`, `\`, `\\`).Replace(t) + "'"
}

// tsquery is all of terms, in the title only when inTitle.
func tsquery(terms []string, inTitle bool) string {
	parts := make([]string, len(terms))
	for i, t := range terms {
		parts[i] = quoteLexeme(t)
		if inTitle {
			parts[i] += ":A"
		}
	}
	return strings.Join(parts, " & ")
}

// postgresMatch is a search's condition: its language, kind and query.
type postgresMatch struct {
	lang, kind, query string
}

func newPostgresMatch(lang, kind string, terms []string, inTitle bool) postgresMatch {
	return postgresMatch{lang: lang, kind: kind, query: tsquery(terms, inTitle)}
}

// postgresCount counts the matches of m, up to limit.
func (s *Store) postgresCount(ctx context.Context, m postgresMatch, limit int) (int, error) {
	var n int
	if err := s.read.QueryRowContext(ctx, `
		SELECT count(*) FROM (SELECT 1 FROM search_docs
			WHERE lang = $1 AND ($2 = '' OR kind = $2) AND terms @@ $3::tsquery LIMIT $4) m`,
		m.lang, m.kind, m.query, limit).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: search: %w", err)
	}
	return n, nil
}

// postgresSearch ranks up to rankedMax matches by ts_rank, the title's
// weight (A) four times the text's (D); a broader query lists the title
// matches first, then the rest, newest in the index first, as on SQLite.
func (s *Store) postgresSearch(ctx context.Context, q SearchQuery) ([]SearchHit, int, error) {
	all := newPostgresMatch(q.Lang, q.Kind, q.Terms, false)
	total, err := s.postgresCount(ctx, all, SearchCountMax+1)
	if err != nil || total == 0 {
		return nil, 0, err
	}
	if total <= rankedMax {
		rows, err := s.read.QueryContext(ctx, `
			SELECT group_id, lang, kind, parent, slug, title, text, date FROM search_docs
			WHERE lang = $1 AND ($2 = '' OR kind = $2) AND terms @@ $3::tsquery
			ORDER BY ts_rank('{0.25, 0.25, 0.25, 1}', terms, $3::tsquery) DESC, id
			LIMIT $4 OFFSET $5`, all.lang, all.kind, all.query, q.Limit, q.Offset)
		if err != nil {
			return nil, 0, fmt.Errorf("store: search: %w", err)
		}
		hits, err := scanHits(rows)
		return hits, total, err
	}
	inTitle := newPostgresMatch(q.Lang, q.Kind, q.Terms, true)
	rest := all
	rest.query = "(" + all.query + ") & !(" + inTitle.query + ")"
	newest := func(m postgresMatch, limit, offset int) ([]SearchHit, error) {
		rows, err := s.read.QueryContext(ctx, `
			SELECT group_id, lang, kind, parent, slug, title, text, date FROM search_docs
			WHERE lang = $1 AND ($2 = '' OR kind = $2) AND terms @@ $3::tsquery
			ORDER BY id DESC LIMIT $4 OFFSET $5`, m.lang, m.kind, m.query, limit, offset)
		if err != nil {
			return nil, fmt.Errorf("store: search: %w", err)
		}
		return scanHits(rows)
	}
	titled := 0
	if q.Offset > 0 {
		if titled, err = s.postgresCount(ctx, inTitle, SearchCountMax); err != nil {
			return nil, 0, err
		}
	}
	var hits []SearchHit
	if q.Offset == 0 || q.Offset < titled {
		if hits, err = newest(inTitle, q.Limit, q.Offset); err != nil {
			return nil, 0, err
		}
		if q.Offset == 0 {
			titled = len(hits)
		}
	}
	if n := q.Limit - len(hits); n > 0 {
		more, err := newest(rest, n, max(q.Offset-titled, 0))
		if err != nil {
			return nil, 0, err
		}
		hits = append(hits, more...)
	}
	return hits, total, nil
}
