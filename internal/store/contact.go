package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/datka-cms/datka/internal/content"
)

// Messages and mails change nothing a page shows, so none of the writes
// below calls s.changed(): a stream of messages must not empty the page
// cache.

// AddMessage stores a message from the contact form and, when notice is
// not nil, queues its notification mail in the same transaction: either
// both are kept or neither. It returns the message's ID.
func (s *Store) AddMessage(ctx context.Context, m content.Message, notice *content.OutboxMail) (int64, error) {
	if m.CreatedAt.IsZero() {
		m.CreatedAt = time.Now()
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("store: add message: %w", err)
	}
	defer tx.Rollback()
	var id int64
	err = tx.QueryRowContext(ctx, `
		INSERT INTO messages (lang, name, email, body, sender, created_at) VALUES ($1, $2, $3, $4, $5, $6)
		RETURNING id`, m.Lang, m.Name, m.Email, m.Body, m.Sender, formatTime(m.CreatedAt)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: add message: %w", err)
	}
	if notice != nil {
		created := formatTime(m.CreatedAt)
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO mail_outbox (message_id, recipient, reply_to, subject, body, created_at, next_attempt_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			id, notice.Recipient, notice.ReplyTo, notice.Subject, notice.Body, created, created); err != nil {
			return 0, fmt.Errorf("store: queue mail: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("store: add message: %w", err)
	}
	return id, nil
}

// MessageList is one page of the inbox.
type MessageList struct {
	Messages []content.Message // newest first
	Total    int
	Unread   int
}

const messageColumns = `m.id, m.lang, m.name, m.email, m.body, m.sender, m.created_at, m.read_at`

func scanMessage(r scanner, extra ...any) (content.Message, error) {
	var m content.Message
	var created string
	var read sql.NullString
	err := r.Scan(append([]any{&m.ID, &m.Lang, &m.Name, &m.Email, &m.Body, &m.Sender, &created, &read}, extra...)...)
	if errors.Is(err, sql.ErrNoRows) {
		return m, ErrNotFound
	}
	if err != nil {
		return m, fmt.Errorf("store: message: %w", err)
	}
	m.CreatedAt = parseTime(created)
	if read.Valid {
		m.ReadAt = parseTime(read.String)
	}
	return m, nil
}

// Messages returns a page of the inbox, newest first, with the counts of
// all messages and of unread ones.
func (s *Store) Messages(ctx context.Context, limit, offset int) (MessageList, error) {
	var out MessageList
	err := s.read.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE read_at IS NULL) FROM messages`).
		Scan(&out.Total, &out.Unread)
	if err != nil {
		return out, fmt.Errorf("store: messages: %w", err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT `+messageColumns+` FROM messages m ORDER BY m.id DESC LIMIT $1 OFFSET $2`,
		limit, offset)
	if err != nil {
		return out, fmt.Errorf("store: messages: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return out, err
		}
		out.Messages = append(out.Messages, m)
	}
	return out, rows.Err()
}

// Message returns one message with the state of its notification mail.
func (s *Store) Message(ctx context.Context, id int64) (content.Message, error) {
	var status string
	var sent sql.NullString
	var attempts sql.NullInt64
	var lastErr sql.NullString
	m, err := scanMessage(s.read.QueryRowContext(ctx, `
		SELECT `+messageColumns+`,
			CASE WHEN o.id IS NULL THEN '' WHEN o.sent_at IS NOT NULL THEN 'sent'
				WHEN o.failed_at IS NOT NULL THEN 'failed' ELSE 'queued' END,
			o.attempts, o.last_error, o.sent_at
		FROM messages m LEFT JOIN mail_outbox o ON o.message_id = m.id
		WHERE m.id = $1 ORDER BY o.id DESC LIMIT 1`, id), &status, &attempts, &lastErr, &sent)
	if err != nil {
		return m, err
	}
	m.Notice = content.MailState{Status: content.MailStatus(status), Attempts: int(attempts.Int64), LastError: lastErr.String}
	if sent.Valid {
		m.Notice.SentAt = parseTime(sent.String)
	}
	return m, nil
}

// MarkRead marks a message read at the given time, unless it was read
// before; with a zero time it marks the message unread again.
func (s *Store) MarkRead(ctx context.Context, id int64, at time.Time) error {
	var res sql.Result
	var err error
	if at.IsZero() {
		res, err = s.write.ExecContext(ctx, `UPDATE messages SET read_at = NULL WHERE id = $1`, id)
	} else {
		res, err = s.write.ExecContext(ctx, `UPDATE messages SET read_at = coalesce(read_at, $1) WHERE id = $2`, formatTime(at), id)
	}
	if err != nil {
		return fmt.Errorf("store: mark message %d read: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// DeleteMessage deletes a message and, with it, its notification mail,
// sent or not: the reader's data goes entirely.
func (s *Store) DeleteMessage(ctx context.Context, id int64) error {
	res, err := s.write.ExecContext(ctx, `DELETE FROM messages WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("store: delete message %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// DeleteMessagesBefore deletes the messages received before t, with
// their mail, and returns how many.
func (s *Store) DeleteMessagesBefore(ctx context.Context, t time.Time) (int, error) {
	res, err := s.write.ExecContext(ctx, `DELETE FROM messages WHERE created_at < $1`, formatTime(t))
	if err != nil {
		return 0, fmt.Errorf("store: delete old messages: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// UnreadCount counts the messages nobody has opened.
func (s *Store) UnreadCount(ctx context.Context) (int, error) {
	var n int
	if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM messages WHERE read_at IS NULL`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: unread messages: %w", err)
	}
	return n, nil
}

// DueMail takes up to limit mails whose next attempt is due at now and
// leases them until now+lease: their next attempt moves there in the same
// statement, so that another process looking at once does not take them
// too, and a process that dies while sending leaves them to be tried
// again when the lease ends. Call MarkMailSent or MarkMailFailed for each.
func (s *Store) DueMail(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]content.OutboxMail, error) {
	rows, err := s.write.QueryContext(ctx, `
		UPDATE mail_outbox SET next_attempt_at = $1
		WHERE id IN (SELECT id FROM mail_outbox
			WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $2
			ORDER BY next_attempt_at, id LIMIT $3)
		-- checked again on the row itself: on PostgreSQL an instance that
		-- waited for another's claim of the same mail sees it taken
		AND sent_at IS NULL AND next_attempt_at <= $2
		RETURNING id, coalesce(message_id, 0), recipient, reply_to, subject, body, attempts, created_at, last_error`,
		formatTime(now.Add(lease)), formatTime(now), limit)
	if err != nil {
		return nil, fmt.Errorf("store: due mail: %w", err)
	}
	defer rows.Close()
	var out []content.OutboxMail
	for rows.Next() {
		var m content.OutboxMail
		var created string
		if err := rows.Scan(&m.ID, &m.MessageID, &m.Recipient, &m.ReplyTo, &m.Subject, &m.Body, &m.Attempts, &created, &m.LastError); err != nil {
			return nil, fmt.Errorf("store: due mail: %w", err)
		}
		m.CreatedAt = parseTime(created)
		m.NextAttemptAt = now.Add(lease)
		out = append(out, m)
	}
	return out, rows.Err()
}

// MarkMailSent records that a mail went out.
func (s *Store) MarkMailSent(ctx context.Context, id int64, at time.Time) error {
	res, err := s.write.ExecContext(ctx, `UPDATE mail_outbox SET sent_at = $1, attempts = attempts + 1, last_error = '' WHERE id = $2`,
		formatTime(at), id)
	if err != nil {
		return fmt.Errorf("store: mail %d sent: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// MarkMailFailed records a failed attempt at time at, and when to try
// again: retry is the next attempt's time, or zero to give up. A mail
// given up stays in the outbox, and its message in the inbox.
func (s *Store) MarkMailFailed(ctx context.Context, id int64, at time.Time, reason string, retry time.Time) error {
	if len(reason) > 1000 {
		reason = reason[:1000]
	}
	var res sql.Result
	var err error
	if retry.IsZero() {
		res, err = s.write.ExecContext(ctx, `
			UPDATE mail_outbox SET attempts = attempts + 1, last_error = $1, failed_at = $2 WHERE id = $3`,
			reason, formatTime(at), id)
	} else {
		res, err = s.write.ExecContext(ctx, `
			UPDATE mail_outbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2 WHERE id = $3`,
			reason, formatTime(retry), id)
	}
	if err != nil {
		return fmt.Errorf("store: mail %d failed: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Secret returns the secret key called name, making a random one of size
// bytes the first time it is asked for. Every instance sharing the
// database gets the same key.
func (s *Store) Secret(ctx context.Context, name string, size int) ([]byte, error) {
	var key []byte
	err := s.read.QueryRowContext(ctx, `SELECT value FROM site_secrets WHERE name = $1`, name).Scan(&key)
	if err == nil {
		return key, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: secret %s: %w", name, err)
	}
	fresh := make([]byte, size)
	rand.Read(fresh)
	// Two instances may make a key at once: the first insert wins and
	// both read it back from the writer.
	if _, err := s.write.ExecContext(ctx, `INSERT INTO site_secrets (name, value, created_at) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO NOTHING`, name, fresh, formatTime(time.Now())); err != nil {
		return nil, fmt.Errorf("store: secret %s: %w", name, err)
	}
	if err := s.write.QueryRowContext(ctx, `SELECT value FROM site_secrets WHERE name = $1`, name).Scan(&key); err != nil {
		return nil, fmt.Errorf("store: secret %s: %w", name, err)
	}
	return key, nil
}
