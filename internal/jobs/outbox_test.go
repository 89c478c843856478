package jobs_test

import (
	"context"
	"io"
	"log/slog"
	"mime/quotedprintable"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/testenv"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/jobs"
	"github.com/datka-cms/datka/internal/mail"
	"github.com/datka-cms/datka/internal/mail/mailtest"
	"github.com/datka-cms/datka/internal/store"
)

func TestBackoff(t *testing.T) {
	tests := []struct {
		failures int
		want     time.Duration
	}{
		{1, time.Minute},
		{2, 2 * time.Minute},
		{3, 4 * time.Minute},
		{6, 32 * time.Minute},
		{7, time.Hour},
		{8, time.Hour},
		{500, time.Hour},
	}
	for _, tt := range tests {
		if got := jobs.Backoff(tt.failures); got != tt.want {
			t.Errorf("Backoff(%d) = %v, want %v", tt.failures, got, tt.want)
		}
	}
}

// clock is a settable time.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }

// TestMain runs the package's tests on SQLite, then on PostgreSQL.
func TestMain(m *testing.M) { testenv.MainOnBothDatabases(m) }

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, _ := openStoreURL(t)
	return st
}

// openStoreURL opens a new store and returns its URL, for a second
// instance on the same database.
func openStoreURL(t *testing.T) (*store.Store, string) {
	t.Helper()
	dbURL := testenv.DatabaseURL(t, t.TempDir())
	st, err := store.Open(t.Context(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, dbURL
}

func queue(t *testing.T, st *store.Store, at time.Time, email, body string) int64 {
	t.Helper()
	m := content.Message{Lang: "ky", Name: "Айгүл", Email: email, Body: body, CreatedAt: at}
	id, err := st.AddMessage(t.Context(), m, &content.OutboxMail{Recipient: "team@hero.example", ReplyTo: email,
		Subject: "Сайттан кат: Айгүл", Body: "Айгүл <" + email + "> жазды:\n\n" + body})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func notice(t *testing.T, st *store.Store, id int64) content.MailState {
	t.Helper()
	m, err := st.Message(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return m.Notice
}

// TestOutboxSurvivesAMailServerThatIsDown queues a mail while the SMTP
// server is down, retries on the backoff's schedule, and delivers it
// once the server is back: to the team only, answerable to the reader.
func TestOutboxSurvivesAMailServerThatIsDown(t *testing.T) {
	st := openStore(t)
	addr := mailtest.FreeAddr(t)
	client, err := mail.New(mail.Config{Addr: addr, From: "HERo <site@hero.example>", To: "team@hero.example", Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	clk := &clock{t: t0}
	o := &jobs.Outbox{Store: st, Mailer: client, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: clk.now}
	ctx := t.Context()
	id := queue(t, st, t0, "aigul@example.kg", "Тренинг качан болот?\n<script>alert(1)</script>")

	if n, err := o.DeliverOnce(ctx); err != nil || n != 0 {
		t.Fatalf("with the server down: sent %d, %v", n, err)
	}
	s := notice(t, st, id)
	if s.Status != content.MailQueued || s.Attempts != 1 || !strings.Contains(s.LastError, "connect") {
		t.Fatalf("after the first failure: %+v", s)
	}
	clk.set(t0.Add(50 * time.Second))
	if n, _ := o.DeliverOnce(ctx); n != 0 || notice(t, st, id).Attempts != 1 {
		t.Fatal("the mail was tried again before its minute of backoff")
	}

	srv := mailtest.StartAt(t, addr, mailtest.Options{})
	clk.set(t0.Add(61 * time.Second))
	if n, err := o.DeliverOnce(ctx); err != nil || n != 1 {
		t.Fatalf("with the server back: sent %d, %v", n, err)
	}
	got := srv.Received()
	if len(got) != 1 {
		t.Fatalf("the server received %d mails, want 1", len(got))
	}
	m := got[0]
	if len(m.To) != 1 || m.To[0] != "team@hero.example" {
		t.Errorf("recipients %q, want only team@hero.example", m.To)
	}
	if h := m.Header("To"); h != "<team@hero.example>" {
		t.Errorf("To: %q", h)
	}
	if h := m.Header("Reply-To"); h != "<aigul@example.kg>" {
		t.Errorf("Reply-To: %q, want the reader", h)
	}
	if h := m.Header("Cc") + m.Header("Bcc"); h != "" {
		t.Errorf("copies to %q", h)
	}
	body, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(m.Body())))
	if err != nil || !strings.Contains(string(body), "Тренинг качан болот?\r\n<script>alert(1)</script>") {
		t.Errorf("the body decodes to %q (%v)", body, err)
	}
	if s := notice(t, st, id); s.Status != content.MailSent || s.Attempts != 2 || !s.SentAt.Equal(clk.now()) {
		t.Errorf("after delivery: %+v", s)
	}
	if n, _ := o.DeliverOnce(ctx); n != 0 || len(srv.Received()) != 1 {
		t.Error("a sent mail went out again")
	}
}

func TestOutboxGivesUpAfterThreeDaysAndKeepsTheMessage(t *testing.T) {
	st := openStore(t)
	client, err := mail.New(mail.Config{Addr: mailtest.FreeAddr(t), From: "site@hero.example", To: "team@hero.example"})
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	clk := &clock{t: t0}
	o := &jobs.Outbox{Store: st, Mailer: client, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: clk.now}
	id := queue(t, st, t0, "reader@example.org", "Hello, is anyone there?")
	attempts := 0
	for clk.now().Before(t0.Add(80 * time.Hour)) {
		if n, err := o.DeliverOnce(t.Context()); err != nil || n != 0 {
			t.Fatalf("sent %d, %v", n, err)
		}
		if s := notice(t, st, id); s.Attempts > attempts {
			attempts = s.Attempts
		}
		clk.set(clk.now().Add(10 * time.Minute))
	}
	s := notice(t, st, id)
	if s.Status != content.MailFailed {
		t.Fatalf("after 80 hours down: %+v, want failed", s)
	}
	// A minute, 2, 4 … 32, then hourly for the rest of 72 hours: some 75
	// attempts, not one every ten minutes (480).
	if attempts < 60 || attempts > 90 {
		t.Errorf("%d attempts in 72 hours", attempts)
	}
	if _, err := st.Message(t.Context(), id); err != nil {
		t.Errorf("the message went with its mail: %v", err)
	}
}

func TestOutboxRunWakesForANewMail(t *testing.T) {
	st := openStore(t)
	srv := mailtest.Start(t, mailtest.Options{})
	client, err := mail.New(mail.Config{Addr: srv.Addr, From: "site@hero.example", To: "team@hero.example"})
	if err != nil {
		t.Fatal(err)
	}
	wake := make(chan struct{}, 1)
	o := &jobs.Outbox{Store: st, Mailer: client, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Every: time.Hour, Wake: wake}
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { defer close(done); o.Run(ctx) }()
	defer func() { cancel(); <-done }()
	time.Sleep(50 * time.Millisecond) // Run's first look finds nothing
	queue(t, st, time.Now(), "reader@example.org", "Hello, is anyone there?")
	wake <- struct{}{}
	if got := srv.Wait(1, 10*time.Second); len(got) != 1 {
		t.Fatalf("%d mails a moment after waking the outbox (its interval is an hour), want 1", len(got))
	}
}
