package content

import "time"

// Message is what a reader sent through the contact form. It is personal
// data: only administrators and editors may read it (see CanReadMessages).
type Message struct {
	ID    int64
	Lang  string // the language of the page the reader wrote from
	Name  string
	Email string
	Body  string
	// Sender is a keyed hash of the reader's network (not their address),
	// enough to see that several messages came from the same place.
	Sender    string
	CreatedAt time.Time
	ReadAt    time.Time // zero while unread
	// Notice is the state of the notification mail about the message, if
	// one was queued.
	Notice MailState
}

// Unread reports whether nobody has opened the message yet.
func (m Message) Unread() bool { return m.ReadAt.IsZero() }

// MailState is where a notification mail stands.
type MailState struct {
	Status    MailStatus
	Attempts  int
	LastError string
	SentAt    time.Time
}

// MailStatus is one of the states of a queued mail.
type MailStatus string

const (
	MailNone   MailStatus = ""       // no mail was queued (mail is not configured)
	MailQueued MailStatus = "queued" // waiting for its first or next attempt
	MailSent   MailStatus = "sent"
	MailFailed MailStatus = "failed" // given up after retrying for days
)

// OutboxMail is a notification mail waiting in the database to be sent.
// Its recipient is the team's configured address, never a reader's; a
// reader's address may only be its ReplyTo.
type OutboxMail struct {
	ID            int64
	MessageID     int64
	Recipient     string
	ReplyTo       string
	Subject       string
	Body          string
	Attempts      int
	CreatedAt     time.Time
	NextAttemptAt time.Time
	LastError     string
}

// CanReadMessages reports whether u may read the contact form's messages,
// which hold readers' names and addresses.
func (u User) CanReadMessages() bool { return u.CanPublish() }
