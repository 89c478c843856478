package store

import (
	"context"
	"fmt"
	"time"
)

// A lease lets one of several instances sharing a database run a job:
// whoever holds the lease on the job's name runs it, and renews it on
// every run; when the holder stops renewing (it was stopped, or died),
// the lease runs out and another instance takes it. The statements are
// the same on both databases.

// TryLease takes the lease on name for ttl, or renews it if this Store
// holds it already, and reports whether this Store holds it now.
func (s *Store) TryLease(ctx context.Context, name string, ttl time.Duration) (bool, error) {
	now := time.Now()
	res, err := s.write.ExecContext(ctx, `
		INSERT INTO leases (name, holder, until) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
		WHERE leases.holder = excluded.holder OR leases.until <= $4`,
		name, s.instance, formatTime(now.Add(ttl)), formatTime(now))
	if err != nil {
		return false, fmt.Errorf("store: lease %s: %w", name, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store: lease %s: %w", name, err)
	}
	return n == 1, nil
}

// ReleaseLease gives up the lease on name if this Store holds it, so that
// another instance may take it at once.
func (s *Store) ReleaseLease(ctx context.Context, name string) error {
	if _, err := s.write.ExecContext(ctx, `DELETE FROM leases WHERE name = $1 AND holder = $2`, name, s.instance); err != nil {
		return fmt.Errorf("store: release lease %s: %w", name, err)
	}
	return nil
}

// Instance names this Store among the processes that share its database:
// the holder of its leases and, on PostgreSQL, its application_name.
func (s *Store) Instance() string { return s.instance }
