-- +goose Up
-- When an entry is over, kept as a column so that lists of upcoming and
-- past events compare one indexed value, the same way on SQLite and on
-- PostgreSQL: an event's end or, with none, a day after its start; for
-- other entries their date.
ALTER TABLE entries ADD COLUMN over_at TEXT NOT NULL DEFAULT '';
UPDATE entries SET over_at = CASE
    WHEN ends_at <> '' THEN ends_at
    WHEN starts_at <> '' THEN strftime('%Y-%m-%dT%H:%M:%f000000Z', starts_at, '+1 day')
    ELSE date END;
CREATE INDEX entries_by_over ON entries (type, over_at);

-- The leases that let one instance of several run a scheduled job.
CREATE TABLE leases (
    name   TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    until  TEXT NOT NULL
);

-- +goose Down
DROP TABLE leases;
DROP INDEX entries_by_over;
ALTER TABLE entries DROP COLUMN over_at;
