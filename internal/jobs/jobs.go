// Package jobs runs datka's background work: scheduled publication and
// unpublication, the sweeping of expired sessions (Runner), and the
// delivery of notification mails (Outbox). Plans and mails live in the
// database, so they survive restarts: a process that starts after the
// planned time carries them out at once, and a mail queued while the mail
// server was down goes out when it is back.
package jobs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/store"
)

// Runner carries out due plans.
type Runner struct {
	Store *store.Store
	Log   *slog.Logger
	// Every is the interval between looks at the schedule.
	Every time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// KeepMessages is how long messages from the contact form are kept;
	// 0 keeps them until someone deletes them.
	KeepMessages time.Duration
}

// Sweep deletes what has outlived its time: expired sessions, and
// messages older than KeepMessages.
func (r *Runner) Sweep(ctx context.Context) error {
	if _, err := r.Store.Sessions().DeleteExpired(ctx); err != nil {
		return err
	}
	if r.KeepMessages > 0 {
		now := time.Now
		if r.Now != nil {
			now = r.Now
		}
		n, err := r.Store.DeleteMessagesBefore(ctx, now().Add(-r.KeepMessages))
		if err != nil {
			return err
		}
		if n > 0 {
			r.Log.Info("deleted old messages", "count", n)
		}
	}
	return nil
}

// system is who the audit log names for scheduled work.
var system = content.User{Email: "schedule"}

// RunOnce carries out every plan that is due and returns how many.
func (r *Runner) RunOnce(ctx context.Context) (int, error) {
	now := time.Now
	if r.Now != nil {
		now = r.Now
	}
	done := 0
	for {
		due, err := r.Store.Due(ctx, now(), 50)
		if err != nil || len(due) == 0 {
			return done, err
		}
		for _, x := range due {
			// Another instance whose lease overlapped this one's (a
			// process paused past its lease) may have found the plan too:
			// the one that takes it off the schedule carries it out.
			claimed, err := r.Store.Claim(ctx, x)
			if err != nil {
				return done, err
			}
			if !claimed {
				continue
			}
			detail := fmt.Sprintf("planned for %s", x.At.UTC().Format(time.RFC3339))
			action := "scheduled_" + x.Action
			switch x.Action {
			case "publish":
				_, err = r.Store.Publish(ctx, x.GroupID, x.Lang, system)
				if errors.Is(err, store.ErrNoDraft) {
					err, detail = nil, detail+"; nothing to publish"
				}
			case "unpublish":
				err = r.Store.Unpublish(ctx, x.GroupID, x.Lang, system)
				if errors.Is(err, store.ErrNotFound) {
					err, detail = nil, detail+"; not published"
				}
			}
			if err != nil {
				// The plan cannot be carried out (a slug taken meanwhile,
				// say): drop it and say so in the audit log, where editors
				// look, rather than retrying for ever.
				action += "_failed"
				detail += "; " + err.Error()
				r.Log.Warn("scheduled work failed", "item", x.GroupID, "lang", x.Lang, "action", x.Action, "err", err)
			}
			if err := r.Store.Audit(ctx, content.AuditEntry{UserEmail: system.Email, Action: action, ItemID: x.GroupID,
				Lang: x.Lang, Detail: detail}); err != nil {
				return done, err
			}
			done++
		}
	}
}

// lease is the name of the lease whose holder, of all the instances
// sharing a database, runs the schedule and the sweep.
const lease = "jobs"

// Run looks at the schedule every r.Every until ctx ends, and sweeps
// expired sessions once an hour. Of several instances sharing one
// database only the one holding the lease does either, so that a plan is
// carried out once; if that instance stops, another takes over within
// three intervals.
func (r *Runner) Run(ctx context.Context) {
	every := r.Every
	if every <= 0 {
		every = 30 * time.Second
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	defer func() {
		if err := r.Store.ReleaseLease(context.WithoutCancel(ctx), lease); err != nil {
			r.Log.Warn("release the jobs lease", "err", err)
		}
	}()
	lastSweep := time.Time{}
	for {
		held, err := r.Store.TryLease(ctx, lease, 3*every)
		if err != nil && ctx.Err() == nil {
			r.Log.Error("scheduled work: lease", "err", err)
		}
		if held {
			if n, err := r.RunOnce(ctx); err != nil && ctx.Err() == nil {
				r.Log.Error("scheduled work", "err", err)
			} else if n > 0 {
				r.Log.Info("scheduled work done", "count", n)
			}
			if time.Since(lastSweep) > time.Hour {
				if err := r.Sweep(ctx); err != nil && ctx.Err() == nil {
					r.Log.Error("sweep", "err", err)
				}
				lastSweep = time.Now()
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
