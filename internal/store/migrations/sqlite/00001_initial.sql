-- +goose Up
-- A translation group links the versions of one item in every language.
CREATE TABLE translation_groups (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('page', 'organisation')),
    key         TEXT NOT NULL,
    source_lang TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (kind, key)
);

CREATE TABLE pages (
    group_id INTEGER PRIMARY KEY REFERENCES translation_groups (id) ON DELETE CASCADE,
    layout   TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    in_menu  INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE page_texts (
    group_id            INTEGER NOT NULL REFERENCES pages (group_id) ON DELETE CASCADE,
    lang                TEXT NOT NULL,
    slug                TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('draft', 'review', 'published')),
    needs_native_review INTEGER NOT NULL DEFAULT 0,
    title               TEXT NOT NULL,
    summary             TEXT NOT NULL DEFAULT '',
    body                TEXT NOT NULL DEFAULT '',
    updated_at          TEXT NOT NULL,
    PRIMARY KEY (group_id, lang),
    UNIQUE (lang, slug)
);

CREATE TABLE organisations (
    group_id INTEGER PRIMARY KEY REFERENCES translation_groups (id) ON DELETE CASCADE,
    kind     TEXT NOT NULL,
    role     TEXT NOT NULL,
    website  TEXT NOT NULL DEFAULT '',
    logo     TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE organisation_texts (
    group_id            INTEGER NOT NULL REFERENCES organisations (group_id) ON DELETE CASCADE,
    lang                TEXT NOT NULL,
    slug                TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('draft', 'review', 'published')),
    needs_native_review INTEGER NOT NULL DEFAULT 0,
    name                TEXT NOT NULL,
    short_name          TEXT NOT NULL DEFAULT '',
    summary             TEXT NOT NULL DEFAULT '',
    description         TEXT NOT NULL DEFAULT '',
    sections            TEXT NOT NULL DEFAULT '[]', -- JSON array of sections
    website_label       TEXT NOT NULL DEFAULT '',
    updated_at          TEXT NOT NULL,
    PRIMARY KEY (group_id, lang),
    UNIQUE (lang, slug)
);

-- Former names, kept so that a search for a body's old name still finds it.
CREATE TABLE organisation_former_names (
    group_id INTEGER NOT NULL,
    lang     TEXT NOT NULL,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    PRIMARY KEY (group_id, lang, position),
    FOREIGN KEY (group_id, lang) REFERENCES organisation_texts (group_id, lang) ON DELETE CASCADE
);

CREATE TABLE site_settings (
    lang                TEXT PRIMARY KEY,
    site_name           TEXT NOT NULL,
    short_name          TEXT NOT NULL DEFAULT '',
    slogan              TEXT NOT NULL DEFAULT '',
    organisation        TEXT NOT NULL DEFAULT '',
    address             TEXT NOT NULL DEFAULT '',
    phone               TEXT NOT NULL DEFAULT '',
    email               TEXT NOT NULL DEFAULT '',
    footer              TEXT NOT NULL DEFAULT '',
    funded_by           TEXT NOT NULL DEFAULT '',
    disclaimer          TEXT NOT NULL DEFAULT '',
    needs_native_review INTEGER NOT NULL DEFAULT 0,
    updated_at          TEXT NOT NULL
);

-- +goose Down
DROP TABLE site_settings;
DROP TABLE organisation_former_names;
DROP TABLE organisation_texts;
DROP TABLE organisations;
DROP TABLE page_texts;
DROP TABLE pages;
DROP TABLE translation_groups;
