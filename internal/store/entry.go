package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/lang"
)

// Kinds of translation group for dated entries; each is also the entry's
// type.
const (
	KindNews     = string(content.EntryNews)
	KindEvent    = string(content.EntryEvent)
	KindMaterial = string(content.EntryMaterial)
)

// IsEntryKind reports whether kind is one of the entry kinds.
func IsEntryKind(kind string) bool { return content.EntryType(kind).Valid() }

const entryColumns = `e.group_id, g.key, e.type, g.source_lang, e.date, e.cover, e.starts_at, e.ends_at,
	e.online_url, e.registration_url, e.file, e.video_url, e.year, e.topic, e.groups, e.doc_langs`

const entryTextColumns = `group_id, lang, slug, status, needs_native_review, title, summary, body, place, tags, updated_at, rev, source_rev`

func scanEntry(r scanner) (content.Entry, error) {
	var e content.Entry
	var date, groups, docLangs string
	var starts, ends sql.NullString // NULL on PostgreSQL when unset
	if err := r.Scan(&e.ID, &e.Key, &e.Type, &e.SourceLang, &date, &e.Cover, &starts, &ends,
		&e.OnlineURL, &e.RegistrationURL, &e.File, &e.VideoURL, &e.Year, &e.Topic, &groups, &docLangs); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return e, ErrNotFound
		}
		return e, fmt.Errorf("store: entry: %w", err)
	}
	e.Date, e.Start, e.End = parseTime(date), parseTime(starts.String), parseTime(ends.String)
	e.Groups, e.DocLangs = strings.Fields(groups), strings.Fields(docLangs)
	e.Texts = map[string]content.EntryText{}
	return e, nil
}

type entryTextRow struct {
	id int64
	content.EntryText
}

func scanEntryText(r scanner) (entryTextRow, error) {
	var t entryTextRow
	var review bool
	var tags, updated string
	if err := r.Scan(&t.id, &t.Lang, &t.Slug, &t.Status, &review, &t.Title, &t.Summary, &t.Body, &t.Place,
		&tags, &updated, &t.Rev, &t.SourceRev); err != nil {
		return t, fmt.Errorf("store: entry text: %w", err)
	}
	t.NeedsNativeReview = review
	t.Tags = content.Lines(tags)
	t.UpdatedAt = parseTime(updated)
	return t, nil
}

// entryTexts loads the texts of the given entries into them; without
// their bodies when noBody is set.
func (s *Store) entryTexts(ctx context.Context, entries []content.Entry, noBody bool) error {
	if len(entries) == 0 {
		return nil
	}
	index := make(map[int64]int, len(entries))
	ids := make([]any, len(entries))
	for i, e := range entries {
		index[e.ID] = i
		ids[i] = e.ID
	}
	var args params
	columns := entryTextColumns
	if noBody {
		columns = strings.Replace(columns, " body,", " '' AS body,", 1)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT `+columns+` FROM entry_texts
		WHERE group_id IN (`+args.list(ids...)+`)`, args...)
	if err != nil {
		return fmt.Errorf("store: entry texts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		t, err := scanEntryText(rows)
		if err != nil {
			return err
		}
		if i, ok := index[t.id]; ok {
			entries[i].Texts[t.Lang] = t.EntryText
		}
	}
	return rows.Err()
}

// anys converts a slice for params.list.
func anys[T any](vs []T) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

// Entry returns one entry with all its translations.
func (s *Store) Entry(ctx context.Context, id int64) (content.Entry, error) {
	e, err := scanEntry(s.read.QueryRowContext(ctx, `SELECT `+entryColumns+`
		FROM entries e JOIN translation_groups g ON g.id = e.group_id WHERE e.group_id = $1`, id))
	if err != nil {
		return e, err
	}
	list := []content.Entry{e}
	if err := s.entryTexts(ctx, list, false); err != nil {
		return e, err
	}
	return list[0], nil
}

// EntryBySlug finds the entry of type typ that uses slug, preferring the
// one whose text in lang has it, and returns it with all its translations
// in one query: the public site's look-up of every post.
func (s *Store) EntryBySlug(ctx context.Context, typ content.EntryType, lang, slug string) (content.Entry, error) {
	rows, err := s.query(ctx, `
		SELECT `+entryColumns+`, t.group_id, t.lang, t.slug, t.status, t.needs_native_review, t.title, t.summary,
			t.body, t.place, t.tags, t.updated_at, t.rev, t.source_rev
		FROM entry_texts x
		JOIN entries e ON e.group_id = x.group_id
		JOIN translation_groups g ON g.id = e.group_id
		JOIN entry_texts t ON t.group_id = e.group_id
		WHERE x.slug = $1 AND e.type = $2
		ORDER BY x.lang = $3 DESC, e.group_id`, slug, typ, lang)
	if err != nil {
		return content.Entry{}, fmt.Errorf("store: entry by slug: %w", err)
	}
	defer rows.Close()
	var entry content.Entry
	for rows.Next() {
		var e content.Entry
		var date, groups, docLangs, tags, updated string
		var starts, ends sql.NullString
		var t entryTextRow
		var review bool
		if err := rows.Scan(&e.ID, &e.Key, &e.Type, &e.SourceLang, &date, &e.Cover, &starts, &ends,
			&e.OnlineURL, &e.RegistrationURL, &e.File, &e.VideoURL, &e.Year, &e.Topic, &groups, &docLangs,
			&t.id, &t.Lang, &t.Slug, &t.Status, &review, &t.Title, &t.Summary, &t.Body, &t.Place,
			&tags, &updated, &t.Rev, &t.SourceRev); err != nil {
			return content.Entry{}, fmt.Errorf("store: entry by slug: %w", err)
		}
		if entry.ID == 0 {
			e.Date, e.Start, e.End = parseTime(date), parseTime(starts.String), parseTime(ends.String)
			e.Groups, e.DocLangs = strings.Fields(groups), strings.Fields(docLangs)
			e.Texts = map[string]content.EntryText{}
			entry = e
		}
		if e.ID != entry.ID {
			continue // another entry with the slug in another language
		}
		t.NeedsNativeReview = review
		t.Tags = content.Lines(tags)
		t.UpdatedAt = parseTime(updated)
		entry.Texts[t.Lang] = t.EntryText
	}
	if err := rows.Err(); err != nil {
		return content.Entry{}, fmt.Errorf("store: entry by slug: %w", err)
	}
	if entry.ID == 0 {
		return entry, ErrNotFound
	}
	return entry, nil
}

// EntrySlug finds the entries that use slug, in any language.
func (s *Store) EntrySlug(ctx context.Context, slug string) ([]SlugRef, error) {
	return s.slugRefs(ctx, `SELECT group_id, lang FROM entry_texts WHERE slug = $1 ORDER BY group_id, lang`, slug)
}

// EntryQuery selects entries for a list. Only entries with a published
// text in one of Langs are listed.
type EntryQuery struct {
	Type  content.EntryType
	Langs []string // the reader's language first, then its fallbacks
	Year  int
	Tag   string // a tag's slug in Langs[0]
	// Events: "upcoming" lists those not ended at Now, soonest first;
	// "past" those ended, latest first.
	When string
	Now  time.Time
	// Materials.
	Topic   string
	Group   string
	DocLang string
	Format  string // "document" or "video"
	Limit   int
	Offset  int
	// NoBody leaves the texts' bodies out (Body is ""): a list shows
	// titles and summaries, and a body may be many times their size.
	NoBody bool
}

// Entries returns one page of the entries q selects, and how many it
// selects in all.
func (s *Store) Entries(ctx context.Context, q EntryQuery) ([]content.Entry, int, error) {
	if len(q.Langs) == 0 {
		return nil, 0, errors.New("store: entries: no language")
	}
	var args params
	where := []string{"e.type = " + args.add(q.Type), `EXISTS (SELECT 1 FROM entry_texts t WHERE t.group_id = e.group_id
		AND t.status = 'published' AND t.lang IN (` + args.list(anys(q.Langs)...) + `))`}
	if q.Year != 0 {
		where = append(where, "e.year = "+args.add(q.Year))
	}
	if q.Tag != "" {
		where = append(where, "EXISTS (SELECT 1 FROM entry_tags x WHERE x.group_id = e.group_id AND x.lang = "+
			args.add(q.Langs[0])+" AND x.slug = "+args.add(q.Tag)+")")
	}
	if q.Topic != "" {
		where = append(where, "e.topic = "+args.add(q.Topic))
	}
	// Groups and languages are space-separated keys: pad both sides so
	// that a key matches only whole.
	if q.Group != "" {
		where = append(where, `(' ' || e.groups || ' ') LIKE `+args.add("% "+likeEscape(q.Group)+" %")+` ESCAPE '\'`)
	}
	if q.DocLang != "" {
		where = append(where, `(' ' || e.doc_langs || ' ') LIKE `+args.add("% "+likeEscape(q.DocLang)+" %")+` ESCAPE '\'`)
	}
	switch q.Format {
	case "document":
		where = append(where, "e.file <> ''")
	case "video":
		where = append(where, "e.video_url <> ''")
	}
	order := "e.date DESC, e.group_id DESC"
	// over_at is when an event is over: its end or, with none, a day
	// after its start.
	switch q.When {
	case "upcoming":
		where = append(where, "e.over_at > "+args.add(formatTime(q.Now)))
		order = "e.date, e.group_id"
	case "past":
		where = append(where, "e.over_at <= "+args.add(formatTime(q.Now)))
	}
	cond := strings.Join(where, " AND ")
	// The order of a list is kept until the content changes, so that a
	// deep page costs as little as the first: no database can skip rows
	// for an OFFSET without stepping through them. Upcoming and past
	// depend on the clock as well, and are ordered each time.
	list := func() (entryList, error) { return s.entryList(ctx, cond, order, args) }
	var l entryList
	var err error
	if q.When == "" {
		l, err = remember(s, fmt.Sprintf("entries %s ORDER BY %s %#v", cond, order, []any(args)), list)
	} else {
		l, err = list()
	}
	if err != nil {
		return nil, 0, err
	}
	offset := max(q.Offset, 0)
	end := l.total
	if q.Limit > 0 && offset < l.total {
		end = min(offset+q.Limit, l.total)
	}
	var out []content.Entry
	switch {
	case offset >= l.total:
	case end <= len(l.ids):
		out, err = s.entriesByID(ctx, l.ids[offset:end])
	default: // past the IDs a list keeps
		out, err = s.entriesPage(ctx, cond, order, args, end-offset, offset)
	}
	if err != nil {
		return nil, 0, err
	}
	if err := s.entryTexts(ctx, out, q.NoBody); err != nil {
		return nil, 0, err
	}
	return out, l.total, nil
}

// entryListMax bounds the IDs an entryList keeps, and so what one answer
// holds in the memo (400 KB). Pages past them are read with an OFFSET.
const entryListMax = 50_000

// entryList is the order of the entries a query selects: the IDs of the
// first entryListMax (or Store.listMax), and how many it selects in all.
type entryList struct {
	ids   []int64
	total int
}

func (s *Store) entryList(ctx context.Context, cond, order string, args params) (entryList, error) {
	var l entryList
	keep := entryListMax
	if s.listMax > 0 {
		keep = s.listMax
	}
	rows, err := s.read.QueryContext(ctx, `SELECT e.group_id FROM entries e WHERE `+cond+` ORDER BY `+order, args...)
	if err != nil {
		return l, fmt.Errorf("store: entries: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		l.total++
		if len(l.ids) == keep {
			continue
		}
		var id int64
		if err := rows.Scan(&id); err != nil {
			return l, fmt.Errorf("store: entries: %w", err)
		}
		l.ids = append(l.ids, id)
	}
	if err := rows.Err(); err != nil {
		return l, fmt.Errorf("store: entries: %w", err)
	}
	return l, nil
}

// entriesByID reads the entries with the given IDs, in their order,
// without their texts. An entry deleted since its ID was listed is left
// out.
func (s *Store) entriesByID(ctx context.Context, ids []int64) ([]content.Entry, error) {
	byID := make(map[int64]content.Entry, len(ids))
	const chunk = 500 // well under either database's limit of parameters
	for from := 0; from < len(ids); from += chunk {
		part := ids[from:min(from+chunk, len(ids))]
		var args params
		query := `SELECT ` + entryColumns + ` FROM entries e JOIN translation_groups g ON g.id = e.group_id
			WHERE e.group_id IN (` + args.list(anys(part)...) + `)`
		var rows *sql.Rows
		var err error
		if len(part) <= 50 { // a page: few shapes, each worth preparing
			rows, err = s.query(ctx, query, args...)
		} else {
			rows, err = s.read.QueryContext(ctx, query, args...)
		}
		if err != nil {
			return nil, fmt.Errorf("store: entries: %w", err)
		}
		for rows.Next() {
			e, err := scanEntry(rows)
			if err != nil {
				rows.Close()
				return nil, err
			}
			byID[e.ID] = e
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("store: entries: %w", err)
		}
	}
	out := make([]content.Entry, 0, len(ids))
	for _, id := range ids {
		if e, ok := byID[id]; ok {
			out = append(out, e)
		}
	}
	return out, nil
}

// entriesPage reads a page of the entries cond selects with an OFFSET,
// without their texts.
func (s *Store) entriesPage(ctx context.Context, cond, order string, args params, limit, offset int) ([]content.Entry, error) {
	args = append(params(nil), args...)
	rows, err := s.read.QueryContext(ctx, `SELECT `+entryColumns+`
		FROM entries e JOIN translation_groups g ON g.id = e.group_id
		WHERE `+cond+` ORDER BY `+order+` LIMIT `+args.add(limit)+` OFFSET `+args.add(offset), args...)
	if err != nil {
		return nil, fmt.Errorf("store: entries: %w", err)
	}
	defer rows.Close()
	var out []content.Entry
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: entries: %w", err)
	}
	return out, nil
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// YearCount is a year of an archive and how many entries it holds.
type YearCount struct {
	Year  int
	Count int
}

// EntryYears lists the years that have published entries of typ in one
// of langs, newest first.
func (s *Store) EntryYears(ctx context.Context, typ content.EntryType, langs []string) ([]YearCount, error) {
	return remember(s, fmt.Sprint("entry-years", typ, langs), func() ([]YearCount, error) { return s.entryYears(ctx, typ, langs) })
}

func (s *Store) entryYears(ctx context.Context, typ content.EntryType, langs []string) ([]YearCount, error) {
	var args params
	rows, err := s.read.QueryContext(ctx, `SELECT e.year, count(*) FROM entries e
		WHERE e.type = `+args.add(typ)+` AND EXISTS (SELECT 1 FROM entry_texts t WHERE t.group_id = e.group_id
			AND t.status = 'published' AND t.lang IN (`+args.list(anys(langs)...)+`))
		GROUP BY e.year ORDER BY e.year DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: entry years: %w", err)
	}
	defer rows.Close()
	var out []YearCount
	for rows.Next() {
		var y YearCount
		if err := rows.Scan(&y.Year, &y.Count); err != nil {
			return nil, fmt.Errorf("store: entry years: %w", err)
		}
		out = append(out, y)
	}
	return out, rows.Err()
}

// Tag is a tag as written in one language, with its slug and how many
// published entries carry it.
type Tag struct {
	Slug  string
	Name  string
	Count int
}

// EntryTags lists the tags of published entries of typ in lang, most used
// first.
func (s *Store) EntryTags(ctx context.Context, typ content.EntryType, lang string) ([]Tag, error) {
	return remember(s, fmt.Sprint("entry-tags", typ, lang), func() ([]Tag, error) { return s.entryTags(ctx, typ, lang) })
}

func (s *Store) entryTags(ctx context.Context, typ content.EntryType, lang string) ([]Tag, error) {
	rows, err := s.read.QueryContext(ctx, `
		SELECT x.slug, min(x.name), count(*) FROM entry_tags x
		JOIN entry_texts t ON t.group_id = x.group_id AND t.lang = x.lang AND t.status = 'published'
		JOIN entries e ON e.group_id = x.group_id AND e.type = $1
		WHERE x.lang = $2
		GROUP BY x.slug ORDER BY count(*) DESC, x.slug`, typ, lang)
	if err != nil {
		return nil, fmt.Errorf("store: tags: %w", err)
	}
	defer rows.Close()
	var out []Tag
	for rows.Next() {
		var t Tag
		if err := rows.Scan(&t.Slug, &t.Name, &t.Count); err != nil {
			return nil, fmt.Errorf("store: tags: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// insertEntry writes a new entry and its texts (the default content, an
// import, or a new entry with no text yet).
func (s *Store) insertEntry(ctx context.Context, tx *sql.Tx, e content.Entry, sourceLang string, now time.Time) (int64, error) {
	if !e.Type.Valid() {
		return 0, fmt.Errorf("store: insert entry %q: unknown type %q", e.Key, e.Type)
	}
	id, err := insertGroup(ctx, tx, string(e.Type), e.Key, sourceLang, now)
	if err != nil {
		return 0, err
	}
	e.ID = id
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO entries (group_id, type, date, year, cover, starts_at, ends_at, online_url, registration_url,
			file, video_url, topic, groups, doc_langs, over_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`, s.entryValues(e)...); err != nil {
		return 0, fmt.Errorf("store: insert entry %q: %w", e.Key, err)
	}
	for code, t := range e.Texts {
		updated := t.UpdatedAt
		if updated.IsZero() {
			updated = now
		}
		t.Lang = code
		t.Rev, t.SourceRev = max(t.Rev, 1), max(t.SourceRev, 1)
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO entry_texts (`+entryTextColumns+`)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
			id, code, t.Slug, t.Status, t.NeedsNativeReview, t.Title, t.Summary, t.Body, t.Place,
			strings.Join(t.Tags, "\n"), formatTime(updated), t.Rev, t.SourceRev); err != nil {
			if isUnique(err) {
				return 0, err
			}
			return 0, fmt.Errorf("store: insert entry %q in %s: %w", e.Key, code, err)
		}
		if err := writeTags(ctx, tx, id, code, t.Tags); err != nil {
			return 0, err
		}
		if err := installedRevision(ctx, tx, id, code, t.Rev, content.EntryFields(e.Type, t), updated); err != nil {
			return 0, err
		}
		if t.Published() {
			if err := s.indexDoc(ctx, tx, entryDoc(id, e.Type, entryDate(e), t)); err != nil {
				return 0, err
			}
		}
	}
	return id, nil
}

// entryValues are the language-neutral columns of e in the order of
// entries' INSERT, the group ID first.
// over_at, last, is when an event is over: its end or, with none, a day
// after its start; for other entries, their date.
func (s *Store) entryValues(e content.Entry) []any {
	date := entryDate(e)
	year := e.Year
	if year == 0 && !date.IsZero() {
		year = date.Year()
	}
	over := date
	switch {
	case !e.End.IsZero():
		over = e.End
	case !e.Start.IsZero():
		over = e.Start.Add(24 * time.Hour)
	}
	return []any{e.ID, e.Type, formatTime(date), year, e.Cover, s.optionalTime(e.Start), s.optionalTime(e.End),
		e.OnlineURL, e.RegistrationURL, e.File, e.VideoURL, e.Topic, strings.Join(e.Groups, " "), strings.Join(e.DocLangs, " "),
		formatTime(over)}
}

// entryDate is the date an entry is listed by: an event's start.
func entryDate(e content.Entry) time.Time {
	if e.Type == content.EntryEvent && !e.Start.IsZero() {
		return e.Start
	}
	return e.Date
}

// writeTags replaces the tag index of one text.
func writeTags(ctx context.Context, tx *sql.Tx, id int64, code string, tags []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM entry_tags WHERE group_id = $1 AND lang = $2`, id, code); err != nil {
		return fmt.Errorf("store: tags: %w", err)
	}
	for _, tag := range tags {
		slug := lang.Slugify(code, tag)
		if slug == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO entry_tags (group_id, lang, slug, name) VALUES ($1, $2, $3, $4)
			ON CONFLICT DO NOTHING`, id, code, slug, tag); err != nil {
			return fmt.Errorf("store: tags: %w", err)
		}
	}
	return nil
}

// CreateEntry adds an entry with no text yet; its first text arrives as
// a draft. It returns the new entry's ID.
func (s *Store) CreateEntry(ctx context.Context, e content.Entry) (int64, error) {
	key, err := s.uniqueKey(ctx, string(e.Type), e.Key)
	if err != nil {
		return 0, err
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("store: create entry: %w", err)
	}
	defer tx.Rollback()
	e.Key, e.Texts = key, nil
	id, err := s.insertEntry(ctx, tx, e, e.SourceLang, time.Now())
	if err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("store: create entry: %w", err)
	}
	s.changed()
	return id, nil
}

// UpdateEntryStructure changes what is language-neutral about an entry:
// its dates, cover, links, file and classification.
func (s *Store) UpdateEntryStructure(ctx context.Context, e content.Entry) error {
	v := s.entryValues(e)
	res, err := s.write.ExecContext(ctx, `
		UPDATE entries SET date = $1, year = $2, cover = $3, starts_at = $4, ends_at = $5, online_url = $6,
			registration_url = $7, file = $8, video_url = $9, topic = $10, groups = $11, doc_langs = $12, over_at = $13
		WHERE group_id = $14`, append(v[2:], e.ID)...)
	if err != nil {
		return fmt.Errorf("store: update entry %d: %w", e.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	if _, err := s.write.ExecContext(ctx, `UPDATE search_docs SET date = $1 WHERE group_id = $2`, v[2], e.ID); err != nil {
		return fmt.Errorf("store: update entry %d: %w", e.ID, err)
	}
	s.changed()
	return nil
}

func (s *Store) publishEntry(ctx context.Context, tx *sql.Tx, d content.Draft, sourceLang string, now time.Time) (int, error) {
	rev, sourceRev, exists, err := nextRevs(ctx, tx, `SELECT rev FROM entry_texts WHERE group_id = $1 AND lang = $2`, d, sourceLang)
	if err != nil {
		return 0, err
	}
	var t content.EntryText
	content.ApplyEntryFields(&t, d.Fields)
	t.Lang = d.Lang
	tags := strings.Join(t.Tags, "\n")
	if exists {
		_, err = tx.ExecContext(ctx, `
			UPDATE entry_texts SET slug = $1, title = $2, summary = $3, body = $4, place = $5, tags = $6,
				status = 'published', rev = $7, source_rev = $8, updated_at = $9
			WHERE group_id = $10 AND lang = $11`,
			t.Slug, t.Title, t.Summary, t.Body, t.Place, tags, rev, sourceRev, formatTime(now), d.GroupID, d.Lang)
	} else {
		_, err = tx.ExecContext(ctx, `
			INSERT INTO entry_texts (`+entryTextColumns+`)
			VALUES ($1, $2, $3, 'published', FALSE, $4, $5, $6, $7, $8, $9, $10, $11)`,
			d.GroupID, d.Lang, t.Slug, t.Title, t.Summary, t.Body, t.Place, tags, formatTime(now), rev, sourceRev)
	}
	if err != nil {
		if isUnique(err) {
			return 0, err
		}
		return 0, fmt.Errorf("store: publish entry: %w", err)
	}
	if err := writeTags(ctx, tx, d.GroupID, d.Lang, t.Tags); err != nil {
		return 0, err
	}
	var typ content.EntryType
	var date string
	if err := tx.QueryRowContext(ctx, `SELECT type, date FROM entries WHERE group_id = $1`, d.GroupID).Scan(&typ, &date); err != nil {
		return 0, fmt.Errorf("store: publish entry: %w", err)
	}
	if err := s.indexDoc(ctx, tx, entryDoc(d.GroupID, typ, parseTime(date), t)); err != nil {
		return 0, err
	}
	return rev, nil
}
