-- +goose Up
-- The media library. name is the storage name the server made (random hex
-- and the extension of the type found in the content); original_name is
-- what the uploader's file was called, cleaned, kept for the download name.
CREATE TABLE media (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('image', 'document')),
    name          TEXT NOT NULL UNIQUE,
    content_type  TEXT NOT NULL,
    size          INTEGER NOT NULL,
    width         INTEGER NOT NULL DEFAULT 0,
    height        INTEGER NOT NULL DEFAULT 0,
    original_name TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    created_by    INTEGER REFERENCES users (id) ON DELETE SET NULL
);

-- Smaller copies of an image, for srcset.
CREATE TABLE media_variants (
    media_id INTEGER NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    width    INTEGER NOT NULL,
    height   INTEGER NOT NULL,
    name     TEXT NOT NULL UNIQUE,
    PRIMARY KEY (media_id, width)
);

-- An image's alternative text in each language.
CREATE TABLE media_alt (
    media_id INTEGER NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    lang     TEXT NOT NULL,
    alt      TEXT NOT NULL,
    PRIMARY KEY (media_id, lang)
);

-- +goose Down
DROP TABLE media_alt;
DROP TABLE media_variants;
DROP TABLE media;
