-- +goose Up
-- rev counts the publications of a text; source_rev is the revision of the
-- source-language text a translation was made from. A translation whose
-- source_rev is behind its source's rev is outdated.
ALTER TABLE page_texts ADD COLUMN rev INTEGER NOT NULL DEFAULT 1;
ALTER TABLE page_texts ADD COLUMN source_rev INTEGER NOT NULL DEFAULT 1;
ALTER TABLE organisation_texts ADD COLUMN rev INTEGER NOT NULL DEFAULT 1;
ALTER TABLE organisation_texts ADD COLUMN source_rev INTEGER NOT NULL DEFAULT 1;

-- Work in progress, beside the published text until it is published.
CREATE TABLE drafts (
    group_id   INTEGER NOT NULL REFERENCES translation_groups (id) ON DELETE CASCADE,
    lang       TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('draft', 'review')),
    fields     TEXT NOT NULL, -- JSON array of {key, value}
    source_rev INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by INTEGER,
    PRIMARY KEY (group_id, lang)
);

-- Every save of every text, for diffs and restore.
CREATE TABLE revisions (
    id         INTEGER PRIMARY KEY,
    group_id   INTEGER NOT NULL REFERENCES translation_groups (id) ON DELETE CASCADE,
    lang       TEXT NOT NULL,
    at         TEXT NOT NULL,
    user_id    INTEGER,
    user_email TEXT NOT NULL DEFAULT '',
    action     TEXT NOT NULL,
    rev        INTEGER NOT NULL DEFAULT 0,
    fields     TEXT NOT NULL
);
CREATE INDEX revisions_item ON revisions (group_id, lang, id);

-- +goose Down
DROP TABLE revisions;
DROP TABLE drafts;
ALTER TABLE organisation_texts DROP COLUMN source_rev;
ALTER TABLE organisation_texts DROP COLUMN rev;
ALTER TABLE page_texts DROP COLUMN source_rev;
ALTER TABLE page_texts DROP COLUMN rev;
