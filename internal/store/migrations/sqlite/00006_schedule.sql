-- +goose Up
-- Publication and unpublication at a given time. A row is claimed and
-- deleted in the same transaction that carries it out, so that it runs
-- once even when several processes look at the same time.
CREATE TABLE schedule (
    group_id   INTEGER NOT NULL REFERENCES translation_groups (id) ON DELETE CASCADE,
    lang       TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('publish', 'unpublish')),
    at         TEXT NOT NULL,
    created_by INTEGER,
    created_at TEXT NOT NULL,
    PRIMARY KEY (group_id, lang, action)
);
CREATE INDEX schedule_at ON schedule (at);

-- +goose Down
DROP TABLE schedule;
