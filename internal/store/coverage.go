package store

import (
	"context"
	"fmt"
)

// Coverage counts the items that exist in any language and, per language,
// how many of them have a published text there.
func (s *Store) Coverage(ctx context.Context) (total int, published map[string]int, err error) {
	if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM translation_groups`).Scan(&total); err != nil {
		return 0, nil, fmt.Errorf("store: coverage: %w", err)
	}
	rows, err := s.read.QueryContext(ctx, `
		SELECT lang, count(*) FROM (
			SELECT lang FROM page_texts WHERE status = 'published'
			UNION ALL
			SELECT lang FROM organisation_texts WHERE status = 'published'
			UNION ALL
			SELECT lang FROM entry_texts WHERE status = 'published'
		) t GROUP BY lang`)
	if err != nil {
		return 0, nil, fmt.Errorf("store: coverage: %w", err)
	}
	defer rows.Close()
	published = map[string]int{}
	for rows.Next() {
		var lang string
		var n int
		if err := rows.Scan(&lang, &n); err != nil {
			return 0, nil, fmt.Errorf("store: coverage: %w", err)
		}
		published[lang] = n
	}
	return total, published, rows.Err()
}
