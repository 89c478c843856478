-- +goose Up
-- A list shows each entry's title, summary and the like, never its body
-- (EntryQuery.NoBody). In a row, SQLite keeps the columns in order, and
-- those after the body (place, tags, updated_at, rev, source_rev) are
-- read by walking the body's overflow pages. This index holds everything
-- a card reads, so that a list reads no body at all; it begins as
-- entry_texts_status did, which it replaces, for the published check.
DROP INDEX entry_texts_status;
CREATE INDEX entry_texts_card ON entry_texts (group_id, lang, status, slug, needs_native_review, title, summary,
	place, tags, updated_at, rev, source_rev);

-- +goose Down
DROP INDEX entry_texts_card;
CREATE INDEX entry_texts_status ON entry_texts (group_id, lang, status);
