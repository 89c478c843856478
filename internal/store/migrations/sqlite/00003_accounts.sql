-- +goose Up
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL,
    name          TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL DEFAULT '', -- '' for accounts that cannot sign in
    role          TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'translator', 'author')),
    languages     TEXT NOT NULL DEFAULT '', -- translators: the codes they may edit, comma-separated
    ui_lang       TEXT NOT NULL DEFAULT '',
    disabled      INTEGER NOT NULL DEFAULT 0,
    -- session_epoch is stored in every session at sign-in; raising it ends
    -- all of the user's sessions on every instance at once.
    session_epoch INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (lower(email));

-- Sessions live in the database so that every instance shares them.
CREATE TABLE sessions (
    token  TEXT PRIMARY KEY,
    data   BLOB NOT NULL,
    expiry TEXT NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expiry);

-- Failed sign-ins, by account and by address, for throttling.
CREATE TABLE auth_failures (
    key TEXT NOT NULL,
    at  TEXT NOT NULL
);
CREATE INDEX auth_failures_key_at ON auth_failures (key, at);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    user_id    INTEGER,
    user_email TEXT NOT NULL DEFAULT '',
    action     TEXT NOT NULL,
    kind       TEXT NOT NULL DEFAULT '',
    item_id    INTEGER,
    lang       TEXT NOT NULL DEFAULT '',
    detail     TEXT NOT NULL DEFAULT '',
    address    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);

-- +goose Down
DROP TABLE audit_log;
DROP TABLE auth_failures;
DROP TABLE sessions;
DROP TABLE users;
