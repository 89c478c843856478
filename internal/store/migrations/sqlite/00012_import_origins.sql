-- +goose Up
-- Where imported content came from: one row per item of another system
-- (a WordPress post, page, attachment or author), naming what datka made
-- of it, so that running the same import again finds the row and changes
-- nothing. target_id is a translation group, a media row or a user,
-- as kind says; a row outlives what it names, so that content deleted
-- after an import is not brought back by the next one.
CREATE TABLE import_origins (
    source     TEXT NOT NULL,
    origin     TEXT NOT NULL,
    kind       TEXT NOT NULL,
    target_id  INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (source, origin)
);

-- +goose Down
DROP TABLE import_origins;
