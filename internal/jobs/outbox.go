package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/datka-cms/datka/internal/mail"
	"github.com/datka-cms/datka/internal/store"
)

// Retry policy of notification mails: the first retry a minute after a
// failure, each next one twice as late, never more than an hour apart;
// after three days the mail is given up (it stays in the outbox, marked
// failed, and its message stays in the inbox).
const (
	firstRetry  = time.Minute
	maxRetry    = time.Hour
	GiveUpAfter = 72 * time.Hour
	// mailLease is how long a mail taken for sending is hidden from other
	// processes: well over a delivery's timeout.
	mailLease = 5 * time.Minute
)

// Backoff is the wait after the given number of failed attempts (1 for
// the first failure).
func Backoff(failures int) time.Duration {
	d := firstRetry
	for i := 1; i < failures && d < maxRetry; i++ {
		d *= 2
	}
	return min(d, maxRetry)
}

// Mailer sends one mail to the team.
type Mailer interface {
	Send(ctx context.Context, m mail.Message) error
}

// Outbox delivers the notification mails queued in the database. Mails
// wait there until the server takes them, so none is lost while it is
// down or while datka restarts.
type Outbox struct {
	Store  *store.Store
	Mailer Mailer
	Log    *slog.Logger
	// Every is the interval between looks at the outbox; 30 s when zero.
	Every time.Duration
	// Wake, when it receives, makes Run look at once (a mail was queued).
	Wake <-chan struct{}
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

func (o *Outbox) now() time.Time {
	if o.Now != nil {
		return o.Now()
	}
	return time.Now()
}

// DeliverOnce sends the mails that are due, one at a time, and reports
// how many went out. It stops at the first failure: a server that refused
// one mail would most likely refuse the next, and each waits its turn.
func (o *Outbox) DeliverOnce(ctx context.Context) (int, error) {
	sent := 0
	for ctx.Err() == nil {
		due, err := o.Store.DueMail(ctx, o.now(), mailLease, 1)
		if err != nil || len(due) == 0 {
			return sent, err
		}
		m := due[0]
		sendErr := o.Mailer.Send(ctx, mail.Message{ReplyTo: m.ReplyTo, Subject: m.Subject, Body: m.Body, Date: m.CreatedAt})
		now := o.now()
		if sendErr == nil {
			if err := o.Store.MarkMailSent(context.WithoutCancel(ctx), m.ID, now); err != nil {
				return sent, err
			}
			sent++
			continue
		}
		if ctx.Err() != nil {
			// Shutting down: the lease ends and the mail is tried again
			// after the restart; the attempt does not count.
			return sent, nil
		}
		retry := now.Add(Backoff(m.Attempts + 1))
		if now.Sub(m.CreatedAt) >= GiveUpAfter {
			retry = time.Time{}
			o.Log.Error("notification mail given up", "mail", m.ID, "message", m.MessageID, "attempts", m.Attempts+1, "err", sendErr)
		} else {
			o.Log.Warn("notification mail not sent; will retry", "mail", m.ID, "message", m.MessageID,
				"attempts", m.Attempts+1, "retry", retry.Format(time.RFC3339), "err", sendErr)
		}
		if err := o.Store.MarkMailFailed(ctx, m.ID, now, sendErr.Error(), retry); err != nil {
			return sent, err
		}
		return sent, nil
	}
	return sent, nil
}

// Run delivers due mail every o.Every, and at once when woken, until ctx
// ends.
func (o *Outbox) Run(ctx context.Context) {
	every := o.Every
	if every <= 0 {
		every = 30 * time.Second
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		if n, err := o.DeliverOnce(ctx); err != nil && ctx.Err() == nil {
			o.Log.Error("notification mail", "err", err)
		} else if n > 0 {
			o.Log.Info("notification mail sent", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		case <-o.Wake:
		}
	}
}
