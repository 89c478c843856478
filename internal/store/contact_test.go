package store_test

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/testenv"
)

func TestMessagesRoundTrip(t *testing.T) {
	st, path := openStore(t)
	ctx := t.Context()
	base := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	gen := st.Generation()
	var ids []int64
	for i := range 7 {
		id, err := st.AddMessage(ctx, content.Message{Lang: "ky", Name: fmt.Sprintf("Айгүл %d", i), Email: "aigul@example.org",
			Body: "Саламатсызбы!\n<script>alert(1)</script>", Sender: "0123456789abcdef", CreatedAt: base.Add(time.Duration(i) * time.Hour)}, nil)
		if err != nil {
			t.Fatalf("AddMessage: %v", err)
		}
		ids = append(ids, id)
	}
	if st.Generation() != gen {
		t.Error("storing messages changed the content generation: it would empty the page cache")
	}
	t.Run("a page, newest first, with counts", func(t *testing.T) {
		list, err := st.Messages(ctx, 3, 0)
		if err != nil {
			t.Fatal(err)
		}
		if list.Total != 7 || list.Unread != 7 {
			t.Errorf("Total %d, Unread %d, want 7 and 7", list.Total, list.Unread)
		}
		var got []int64
		for _, m := range list.Messages {
			got = append(got, m.ID)
		}
		if want := []int64{ids[6], ids[5], ids[4]}; !slices.Equal(got, want) {
			t.Errorf("IDs %v, want %v", got, want)
		}
		list, err = st.Messages(ctx, 3, 6)
		if err != nil || len(list.Messages) != 1 || list.Messages[0].ID != ids[0] {
			t.Errorf("last page: %+v, %v", list.Messages, err)
		}
	})
	t.Run("read, unread again, and counted", func(t *testing.T) {
		at := base.Add(48 * time.Hour)
		if err := st.MarkRead(ctx, ids[2], at); err != nil {
			t.Fatal(err)
		}
		// A second opening keeps the first time.
		if err := st.MarkRead(ctx, ids[2], at.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		m, err := st.Message(ctx, ids[2])
		if err != nil {
			t.Fatal(err)
		}
		if m.Unread() || !m.ReadAt.Equal(at) {
			t.Errorf("ReadAt %v, want %v", m.ReadAt, at)
		}
		if n, err := st.UnreadCount(ctx); err != nil || n != 6 {
			t.Errorf("UnreadCount = %d, %v; want 6", n, err)
		}
		if err := st.MarkRead(ctx, ids[2], time.Time{}); err != nil {
			t.Fatal(err)
		}
		if n, _ := st.UnreadCount(ctx); n != 7 {
			t.Errorf("UnreadCount after marking unread = %d, want 7", n)
		}
	})
	outer := t
	t.Run("fields survive reopening the database", func(t *testing.T) {
		st.Close()
		again, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		outer.Cleanup(func() { again.Close() })
		m, err := again.Message(ctx, ids[3])
		if err != nil {
			t.Fatal(err)
		}
		want := content.Message{ID: ids[3], Lang: "ky", Name: "Айгүл 3", Email: "aigul@example.org",
			Body: "Саламатсызбы!\n<script>alert(1)</script>", Sender: "0123456789abcdef", CreatedAt: base.Add(3 * time.Hour)}
		if m.ID != want.ID || m.Lang != want.Lang || m.Name != want.Name || m.Email != want.Email || m.Body != want.Body ||
			m.Sender != want.Sender || !m.CreatedAt.Equal(want.CreatedAt) || !m.Unread() || m.Notice.Status != content.MailNone {
			t.Errorf("Message = %+v, want %+v", m, want)
		}
		st = again
	})
	t.Run("delete, and not found after", func(t *testing.T) {
		if err := st.DeleteMessage(ctx, ids[0]); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Message(ctx, ids[0]); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Message after delete: %v, want ErrNotFound", err)
		}
		if err := st.DeleteMessage(ctx, ids[0]); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("second delete: %v, want ErrNotFound", err)
		}
		if err := st.MarkRead(ctx, 999999, base); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("MarkRead of a missing message: %v, want ErrNotFound", err)
		}
	})
}

func TestMailOutbox(t *testing.T) {
	st, _ := openStore(t)
	ctx := t.Context()
	t0 := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	notice := &content.OutboxMail{Recipient: "team@example.org", ReplyTo: "reader@example.org", Subject: "Тема", Body: "Текст"}
	id, err := st.AddMessage(ctx, content.Message{Lang: "ru", Name: "Читатель", Email: "reader@example.org", Body: "Здравствуйте!", CreatedAt: t0}, notice)
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := st.Message(ctx, id); m.Notice.Status != content.MailQueued {
		t.Errorf("notice %q, want queued", m.Notice.Status)
	}

	due, err := st.DueMail(ctx, t0, time.Minute, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(due) != 1 {
		t.Fatalf("%d mails due, want 1", len(due))
	}
	got := due[0]
	if got.MessageID != id || got.Recipient != "team@example.org" || got.ReplyTo != "reader@example.org" ||
		got.Subject != "Тема" || got.Body != "Текст" || got.Attempts != 0 || !got.CreatedAt.Equal(t0) {
		t.Errorf("due mail %+v", got)
	}
	t.Run("a leased mail is not handed out twice", func(t *testing.T) {
		if again, _ := st.DueMail(ctx, t0.Add(30*time.Second), time.Minute, 10); len(again) != 0 {
			t.Errorf("%d mails handed out again during the lease", len(again))
		}
	})
	if err := st.MarkMailFailed(ctx, got.ID, t0.Add(time.Second), "dial tcp: connection refused", t0.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}
	m, _ := st.Message(ctx, id)
	if m.Notice.Status != content.MailQueued || m.Notice.Attempts != 1 || m.Notice.LastError != "dial tcp: connection refused" {
		t.Errorf("after a failure: %+v", m.Notice)
	}
	if d, _ := st.DueMail(ctx, t0.Add(90*time.Second), time.Minute, 10); len(d) != 0 {
		t.Error("a mail was handed out before its retry time")
	}
	due, _ = st.DueMail(ctx, t0.Add(2*time.Minute), time.Minute, 10)
	if len(due) != 1 || due[0].Attempts != 1 {
		t.Fatalf("at the retry time: %+v", due)
	}
	if err := st.MarkMailSent(ctx, due[0].ID, t0.Add(3*time.Minute)); err != nil {
		t.Fatal(err)
	}
	m, _ = st.Message(ctx, id)
	if m.Notice.Status != content.MailSent || !m.Notice.SentAt.Equal(t0.Add(3*time.Minute)) || m.Notice.Attempts != 2 {
		t.Errorf("after sending: %+v", m.Notice)
	}
	if d, _ := st.DueMail(ctx, t0.Add(24*time.Hour), time.Minute, 10); len(d) != 0 {
		t.Error("a sent mail is handed out again")
	}

	t.Run("given up, the mail stays and so does the message", func(t *testing.T) {
		id2, err := st.AddMessage(ctx, content.Message{Lang: "en", Name: "R", Email: "r@example.org", Body: "Hello there!", CreatedAt: t0}, notice)
		if err != nil {
			t.Fatal(err)
		}
		due, _ := st.DueMail(ctx, t0, time.Minute, 10)
		if len(due) != 1 {
			t.Fatalf("%d due", len(due))
		}
		if err := st.MarkMailFailed(ctx, due[0].ID, t0.Add(72*time.Hour), "550 no such user", time.Time{}); err != nil {
			t.Fatal(err)
		}
		m, err := st.Message(ctx, id2)
		if err != nil || m.Notice.Status != content.MailFailed || m.Notice.LastError != "550 no such user" {
			t.Errorf("after giving up: %+v, %v", m.Notice, err)
		}
		if d, _ := st.DueMail(ctx, t0.Add(100*time.Hour), time.Minute, 10); len(d) != 0 {
			t.Error("a mail given up is handed out again")
		}
	})
	t.Run("deleting the message deletes its mail", func(t *testing.T) {
		id3, _ := st.AddMessage(ctx, content.Message{Lang: "en", Name: "R", Email: "r@example.org", Body: "Hello there!", CreatedAt: t0}, notice)
		if err := st.DeleteMessage(ctx, id3); err != nil {
			t.Fatal(err)
		}
		if d, _ := st.DueMail(ctx, t0.Add(time.Hour), time.Minute, 10); len(d) != 0 {
			t.Errorf("the mail of a deleted message is still queued: %+v", d)
		}
	})
	if err := st.MarkMailSent(ctx, 999999, t0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("MarkMailSent of a missing mail: %v", err)
	}
}

func TestAddMessageIsAllOrNothing(t *testing.T) {
	st, path := openStore(t)
	ctx := t.Context()
	// A trigger makes queueing the mail fail, after the message's insert
	// in the same transaction: the message must not stay without its mail.
	refuse := []string{`CREATE TRIGGER refuse_mail BEFORE INSERT ON mail_outbox
		BEGIN SELECT RAISE(ABORT, 'the outbox refuses'); END`}
	if testenv.OnPostgres() {
		refuse = []string{`CREATE FUNCTION refuse_mail() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN RAISE EXCEPTION 'the outbox refuses'; END $$`,
			`CREATE TRIGGER refuse_mail BEFORE INSERT ON mail_outbox FOR EACH ROW EXECUTE FUNCTION refuse_mail()`}
	}
	raw := writableDB(t, path)
	for _, q := range refuse {
		if _, err := raw.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	_, err := st.AddMessage(ctx, content.Message{Lang: "en", Name: "R", Email: "r@example.org", Body: "Hello there!"},
		&content.OutboxMail{Recipient: "team@example.org", Subject: "s", Body: "b"})
	if err == nil {
		t.Fatal("AddMessage succeeded though its mail could not be queued")
	}
	if list, _ := st.Messages(ctx, 10, 0); list.Total != 0 {
		t.Errorf("%d messages kept from a failed AddMessage", list.Total)
	}
	// Without a mail to queue, the same message is stored.
	if _, err := st.AddMessage(ctx, content.Message{Lang: "en", Name: "R", Email: "r@example.org", Body: "Hello there!"}, nil); err != nil {
		t.Fatal(err)
	}
	if list, _ := st.Messages(ctx, 10, 0); list.Total != 1 {
		t.Errorf("%d messages, want 1", list.Total)
	}
}

func TestSecretIsMadeOnceAndShared(t *testing.T) {
	st, path := openStore(t)
	other, err := store.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	keys := make([][]byte, 8)
	var wg sync.WaitGroup
	for i := range keys {
		wg.Go(func() {
			s := st
			if i%2 == 1 {
				s = other
			}
			k, err := s.Secret(t.Context(), "contact", 32)
			if err != nil {
				t.Error(err)
			}
			keys[i] = k
		})
	}
	wg.Wait()
	for i, k := range keys {
		if len(k) != 32 || !bytes.Equal(k, keys[0]) {
			t.Errorf("key %d = %x, want the same 32 bytes as key 0 (%x)", i, k, keys[0])
		}
	}
	if bytes.Equal(keys[0], make([]byte, 32)) {
		t.Error("the key is all zeros")
	}
	k2, err := st.Secret(t.Context(), "another", 32)
	if err != nil || bytes.Equal(k2, keys[0]) {
		t.Errorf("a second secret equals the first (%v)", err)
	}
}
