-- +goose Up
-- Messages from the public contact form. They are personal data, so they
-- keep no more than the reader typed: the reader's IP address is never
-- stored. sender is a keyed hash (HMAC-SHA256 with a site secret, cut to
-- 16 hex digits) of the reader's network, IPv4 /24 or IPv6 /48: enough to
-- see that several messages came from the same place, not enough to name a
-- machine even with the key in hand.
CREATE TABLE messages (
    id         INTEGER PRIMARY KEY,
    lang       TEXT NOT NULL,
    name       TEXT NOT NULL,
    email      TEXT NOT NULL,
    body       TEXT NOT NULL,
    sender     TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    read_at    TEXT -- NULL while unread
);
CREATE INDEX messages_unread ON messages (id) WHERE read_at IS NULL;

-- Notification mails, queued in the transaction that stores their message
-- so that none is lost when the mail server is down. recipient is the
-- team's configured address, never a reader's; reply_to may be the
-- reader's. A row is leased by moving next_attempt_at forward when a
-- process takes it, so that two processes do not send it twice.
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    message_id      INTEGER REFERENCES messages (id) ON DELETE CASCADE,
    recipient       TEXT NOT NULL,
    reply_to        TEXT NOT NULL DEFAULT '',
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT NOT NULL DEFAULT '',
    sent_at         TEXT,
    failed_at       TEXT -- set when delivery was given up
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX mail_outbox_message ON mail_outbox (message_id);

-- Keys the server makes for itself on first use, shared by every instance
-- through the database.
CREATE TABLE site_secrets (
    name       TEXT PRIMARY KEY,
    value      BLOB NOT NULL,
    created_at TEXT NOT NULL
);

-- +goose Down
DROP TABLE site_secrets;
DROP TABLE mail_outbox;
DROP TABLE messages;
