-- +goose NO TRANSACTION
-- +goose Up
-- News posts, events and the materials of the library are a kind of
-- translation group each. SQLite cannot change a CHECK constraint in
-- place, so translation_groups is rebuilt the way SQLite documents:
-- foreign keys off, copy, swap, check, foreign keys on, in one
-- transaction so that a crash leaves the old table or the new one.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
CREATE TABLE translation_groups_new (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('page', 'organisation', 'news', 'event', 'material')),
    key         TEXT NOT NULL,
    source_lang TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (kind, key)
);
INSERT INTO translation_groups_new SELECT id, kind, key, source_lang, created_at, updated_at FROM translation_groups;
DROP TABLE translation_groups;
ALTER TABLE translation_groups_new RENAME TO translation_groups;

-- What is the same in every language. Times are RFC 3339 text in UTC;
-- day is the local calendar day lists group and archive by (YYYY-MM-DD).
CREATE TABLE entries (
    group_id         INTEGER PRIMARY KEY REFERENCES translation_groups (id) ON DELETE CASCADE,
    type             TEXT NOT NULL CHECK (type IN ('news', 'event', 'material')),
    date             TEXT NOT NULL,
    year             INTEGER NOT NULL,
    cover            TEXT NOT NULL DEFAULT '',
    starts_at        TEXT NOT NULL DEFAULT '',
    ends_at          TEXT NOT NULL DEFAULT '',
    online_url       TEXT NOT NULL DEFAULT '',
    registration_url TEXT NOT NULL DEFAULT '',
    file             TEXT NOT NULL DEFAULT '',
    video_url        TEXT NOT NULL DEFAULT '',
    topic            TEXT NOT NULL DEFAULT '',
    groups           TEXT NOT NULL DEFAULT '', -- target groups, space-separated keys
    doc_langs        TEXT NOT NULL DEFAULT ''  -- languages of the document, space-separated
);
CREATE INDEX entries_by_date ON entries (type, date DESC, group_id);
CREATE INDEX entries_by_year ON entries (type, year);

CREATE TABLE entry_texts (
    group_id            INTEGER NOT NULL REFERENCES entries (group_id) ON DELETE CASCADE,
    lang                TEXT NOT NULL,
    slug                TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('draft', 'review', 'published')),
    needs_native_review INTEGER NOT NULL DEFAULT 0,
    title               TEXT NOT NULL,
    summary             TEXT NOT NULL DEFAULT '',
    body                TEXT NOT NULL DEFAULT '',
    place               TEXT NOT NULL DEFAULT '',
    tags                TEXT NOT NULL DEFAULT '', -- as written, one per line
    updated_at          TEXT NOT NULL,
    rev                 INTEGER NOT NULL DEFAULT 1,
    source_rev          INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (group_id, lang),
    UNIQUE (lang, slug)
);
CREATE INDEX entry_texts_by_slug ON entry_texts (slug);

-- Tags by their slug, for the tag pages of each language.
CREATE TABLE entry_tags (
    group_id INTEGER NOT NULL,
    lang     TEXT NOT NULL,
    slug     TEXT NOT NULL,
    name     TEXT NOT NULL,
    PRIMARY KEY (group_id, lang, slug),
    FOREIGN KEY (group_id, lang) REFERENCES entry_texts (group_id, lang) ON DELETE CASCADE
);
CREATE INDEX entry_tags_by_slug ON entry_tags (lang, slug);
COMMIT;
PRAGMA foreign_keys = ON;

-- +goose Down
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
DROP TABLE entry_tags;
DROP TABLE entry_texts;
DROP TABLE entries;
DELETE FROM translation_groups WHERE kind NOT IN ('page', 'organisation');
CREATE TABLE translation_groups_old (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('page', 'organisation')),
    key         TEXT NOT NULL,
    source_lang TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (kind, key)
);
INSERT INTO translation_groups_old SELECT id, kind, key, source_lang, created_at, updated_at FROM translation_groups;
DROP TABLE translation_groups;
ALTER TABLE translation_groups_old RENAME TO translation_groups;
COMMIT;
PRAGMA foreign_keys = ON;
