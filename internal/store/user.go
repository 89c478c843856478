package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"github.com/jackc/pgx/v5/pgconn"
	"strings"
	"time"

	"github.com/datka-cms/datka/internal/content"
)

// ErrDuplicate is returned when a unique value (an e-mail address, a slug)
// is taken already.
var ErrDuplicate = errors.New("store: already taken")

const userColumns = `id, email, name, role, languages, ui_lang, disabled, session_epoch, password_hash <> '', created_at`

func scanUser(r scanner) (content.User, error) {
	var u content.User
	var langs, created string
	var disabled, hasPw bool
	err := r.Scan(&u.ID, &u.Email, &u.Name, &u.Role, &langs, &u.UILang, &disabled, &u.SessionEpoch, &hasPw, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNotFound
	}
	if err != nil {
		return u, fmt.Errorf("store: user: %w", err)
	}
	if langs != "" {
		u.Languages = strings.Split(langs, ",")
	}
	u.Disabled = disabled
	u.HasPassword = hasPw
	u.CreatedAt = parseTime(created)
	return u, nil
}

// isUnique reports whether err is a unique constraint's refusal, on
// either database.
func isUnique(err error) bool {
	if pe, ok := errors.AsType[*pgconn.PgError](err); ok {
		return pe.Code == "23505" // unique_violation
	}
	return err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed")
}

// CreateUser adds an account; its ID is returned. passwordHash may be ""
// for an account that cannot sign in yet.
func (s *Store) CreateUser(ctx context.Context, u content.User, passwordHash string) (int64, error) {
	now := formatTime(time.Now())
	var id int64
	err := s.write.QueryRowContext(ctx, `
		INSERT INTO users (email, name, password_hash, role, languages, ui_lang, disabled, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
		strings.TrimSpace(u.Email), u.Name, passwordHash, u.Role, strings.Join(u.Languages, ","), u.UILang,
		u.Disabled, now, now).Scan(&id)
	if isUnique(err) {
		return 0, ErrDuplicate
	}
	if err != nil {
		return 0, fmt.Errorf("store: create user: %w", err)
	}
	return id, nil
}

// User returns the account with the given ID.
func (s *Store) User(ctx context.Context, id int64) (content.User, error) {
	return scanUser(s.read.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id))
}

// UserByEmail returns the account with the given address (case ignored)
// and its password hash.
func (s *Store) UserByEmail(ctx context.Context, email string) (content.User, string, error) {
	row := s.read.QueryRowContext(ctx, `SELECT `+userColumns+`, password_hash FROM users WHERE lower(email) = lower($1)`,
		strings.TrimSpace(email))
	var hash string
	u, err := scanUser(scannerFunc(func(dest ...any) error { return row.Scan(append(dest, &hash)...) }))
	return u, hash, err
}

type scannerFunc func(dest ...any) error

func (f scannerFunc) Scan(dest ...any) error { return f(dest...) }

// Users lists every account, administrators first.
func (s *Store) Users(ctx context.Context) ([]content.User, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+userColumns+` FROM users
		ORDER BY CASE role WHEN 'admin' THEN 0 WHEN 'editor' THEN 1 WHEN 'translator' THEN 2 ELSE 3 END, lower(email)`)
	if err != nil {
		return nil, fmt.Errorf("store: users: %w", err)
	}
	defer rows.Close()
	var out []content.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// CountActiveAdmins counts administrators who are not disabled.
func (s *Store) CountActiveAdmins(ctx context.Context) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM users WHERE role = 'admin' AND NOT disabled`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: count admins: %w", err)
	}
	return n, nil
}

// UpdateUser saves name, role, languages, interface language and the
// disabled flag. Disabling an account ends all of its sessions.
func (s *Store) UpdateUser(ctx context.Context, u content.User) error {
	res, err := s.write.ExecContext(ctx, `
		UPDATE users SET name = $1, role = $2, languages = $3, ui_lang = $4, disabled = $5,
			session_epoch = session_epoch + CASE WHEN $6 AND NOT disabled THEN 1 ELSE 0 END,
			updated_at = $7
		WHERE id = $8`,
		u.Name, u.Role, strings.Join(u.Languages, ","), u.UILang, u.Disabled, u.Disabled,
		formatTime(time.Now()), u.ID)
	if err != nil {
		return fmt.Errorf("store: update user %d: %w", u.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// SetPassword stores a new password hash and ends the user's other
// sessions: the new epoch is returned for the session that stays.
func (s *Store) SetPassword(ctx context.Context, id int64, hash string) (int64, error) {
	var epoch int64
	err := s.write.QueryRowContext(ctx, `
		UPDATE users SET password_hash = $1, session_epoch = session_epoch + 1, updated_at = $2
		WHERE id = $3 RETURNING session_epoch`, hash, formatTime(time.Now()), id).Scan(&epoch)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	if err != nil {
		return 0, fmt.Errorf("store: set password of %d: %w", id, err)
	}
	return epoch, nil
}

// RecordAuthFailure notes a failed sign-in under each key (an account, an
// address) and forgets failures older than a day.
func (s *Store) RecordAuthFailure(ctx context.Context, at time.Time, keys ...string) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: auth failure: %w", err)
	}
	defer tx.Rollback()
	for _, k := range keys {
		if _, err := tx.ExecContext(ctx, `INSERT INTO auth_failures (key, at) VALUES ($1, $2)`, k, formatTime(at)); err != nil {
			return fmt.Errorf("store: auth failure: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM auth_failures WHERE at < $1`, formatTime(at.Add(-24*time.Hour))); err != nil {
		return fmt.Errorf("store: auth failure: %w", err)
	}
	return tx.Commit()
}

// AuthFailures counts the failures under key since the given time.
func (s *Store) AuthFailures(ctx context.Context, key string, since time.Time) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM auth_failures WHERE key = $1 AND at >= $2`,
		key, formatTime(since)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: auth failures: %w", err)
	}
	return n, nil
}

// ClearAuthFailures forgets the failures under key (after a success).
func (s *Store) ClearAuthFailures(ctx context.Context, key string) error {
	if _, err := s.write.ExecContext(ctx, `DELETE FROM auth_failures WHERE key = $1`, key); err != nil {
		return fmt.Errorf("store: clear auth failures: %w", err)
	}
	return nil
}
