// Package mail sends datka's notification mails over SMTP, with nothing
// but the standard library.
//
// It is built so that a reader of the site cannot make it write to anyone:
// a Client has one recipient, fixed by configuration (DATKA_CONTACT_TO),
// and a Message has no recipient field at all. A reader's address may
// appear only as Reply-To, and only when it is a plain, single, ASCII
// address. Every header is refused if it holds a line break or another
// control character; non-ASCII subjects are RFC 2047 encoded words; the
// UTF-8 body is quoted-printable.
//
// Sending uses STARTTLS whenever the server offers it (or TLS from the
// first byte on port 465), and never sends a password over an unencrypted
// connection to anything but the loopback interface.
package mail

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/netip"
	"net/smtp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Config is where and as whom to send.
type Config struct {
	Addr     string // the SMTP server, host:port
	User     string // empty: no authentication
	Password string
	From     string // the sender, "Name <address>" or a bare address
	To       string // the only recipient, a bare address
	// HelloName is the name datka gives itself in EHLO; "localhost" when
	// empty.
	HelloName string
	// Timeout bounds one delivery, from dialling to QUIT; 30 s when zero.
	Timeout time.Duration

	// tlsConfig replaces the TLS settings, for tests with their own CA.
	tlsConfig *tls.Config
}

// Client sends mail to its one recipient.
type Client struct {
	cfg  Config
	from *mail.Address
	to   string
}

// ErrInsecureAuth is returned rather than sending a password in clear
// text over the network.
var ErrInsecureAuth = errors.New("mail: the SMTP server offers no encryption (STARTTLS); the password is not sent in clear text to a host other than this one")

// New checks cfg and returns a client.
func New(cfg Config) (*Client, error) {
	if _, _, err := net.SplitHostPort(cfg.Addr); err != nil {
		return nil, fmt.Errorf("mail: SMTP address %q: %w", cfg.Addr, err)
	}
	from, err := mail.ParseAddress(cfg.From)
	if err != nil || !clean(cfg.From) {
		return nil, fmt.Errorf("mail: sender %q is not an address", cfg.From)
	}
	to, ok := BareAddress(cfg.To)
	if !ok {
		return nil, fmt.Errorf("mail: recipient %q must be one plain address, such as team@example.org", cfg.To)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	if cfg.HelloName == "" || !clean(cfg.HelloName) || strings.ContainsAny(cfg.HelloName, " \t") {
		cfg.HelloName = "localhost"
	}
	return &Client{cfg: cfg, from: from, to: to}, nil
}

// Recipient is the address every mail goes to.
func (c *Client) Recipient() string { return c.to }

// BareAddress returns s if it is one plain address ("name@example.org":
// no display name, no comment, no list, no line break, at most 254
// bytes), and whether it is.
func BareAddress(s string) (string, bool) {
	if s == "" || len(s) > 254 || !clean(s) {
		return "", false
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s {
		return "", false
	}
	return s, true
}

// clean reports whether s is valid UTF-8 without control characters, so
// that it cannot end a header line or start another.
func clean(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return false
		}
	}
	return true
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Message is one mail, without its recipient: the Client adds that.
type Message struct {
	// ReplyTo is where answers go (the reader who wrote); it is left out
	// unless it is one plain ASCII address.
	ReplyTo string
	Subject string
	Body    string // plain text
	Date    time.Time
}

// Bytes renders m as the Client sends it: headers in CRLF lines, then the
// quoted-printable body.
func (c *Client) Bytes(m Message) ([]byte, error) {
	if !clean(m.Subject) {
		return nil, errors.New("mail: the subject holds a line break or a control character")
	}
	if !utf8.ValidString(m.Body) {
		return nil, errors.New("mail: the body is not UTF-8")
	}
	date := m.Date
	if date.IsZero() {
		date = time.Now()
	}
	var b bytes.Buffer
	header := func(name, value string) {
		b.WriteString(fold(name + ": " + value))
		b.WriteString("\r\n")
	}
	header("From", c.from.String())
	header("To", (&mail.Address{Address: c.to}).String())
	if r, ok := BareAddress(m.ReplyTo); ok && ascii(r) {
		header("Reply-To", (&mail.Address{Address: r}).String())
	}
	header("Subject", mime.QEncoding.Encode("utf-8", m.Subject))
	header("Date", date.Format(time.RFC1123Z))
	header("Message-ID", messageID(c.from.Address))
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=utf-8")
	header("Content-Transfer-Encoding", "quoted-printable")
	// Tell vacation responders and the like not to answer.
	header("Auto-Submitted", "auto-generated")
	b.WriteString("\r\n")
	qp := quotedprintable.NewWriter(&b)
	body := strings.ReplaceAll(m.Body, "\r\n", "\n")
	if _, err := qp.Write([]byte(body)); err != nil {
		return nil, fmt.Errorf("mail: body: %w", err)
	}
	if err := qp.Close(); err != nil {
		return nil, fmt.Errorf("mail: body: %w", err)
	}
	b.WriteString("\r\n")
	// Last line of defence: whatever went into them, no header may have
	// made a line of its own.
	head, _, _ := bytes.Cut(b.Bytes(), []byte("\r\n\r\n"))
	for _, line := range strings.Split(string(head), "\r\n") {
		if strings.ContainsAny(line, "\r\n") || !headerLine(line) {
			return nil, fmt.Errorf("mail: a header line came out malformed: %q", line)
		}
	}
	return b.Bytes(), nil
}

// headerLine reports whether line starts a header field ("Name:") or
// continues one (a space first).
func headerLine(line string) bool {
	if strings.HasPrefix(line, " ") {
		return true
	}
	name, _, ok := strings.Cut(line, ":")
	if !ok || name == "" {
		return false
	}
	for _, r := range name {
		if !(r == '-' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
			return false
		}
	}
	return true
}

// fold breaks a header line longer than 78 characters at spaces, as RFC
// 5322 recommends; encoded words are separated by spaces, so long
// subjects fold between them.
func fold(line string) string {
	if len(line) <= 78 {
		return line
	}
	var out strings.Builder
	col := 0
	for i, word := range strings.Split(line, " ") {
		if i > 0 {
			if col+1+len(word) > 78 {
				out.WriteString("\r\n")
				col = 0
			}
			out.WriteByte(' ')
			col++
		}
		out.WriteString(word)
		col += len(word)
	}
	return out.String()
}

func messageID(from string) string {
	domain := "localhost"
	if _, d, ok := strings.Cut(from, "@"); ok && d != "" && ascii(d) {
		domain = d
	}
	var r [12]byte
	rand.Read(r[:])
	return "<" + hex.EncodeToString(r[:]) + "." + time.Now().UTC().Format("20060102150405") + "@" + domain + ">"
}

// Send delivers m to the configured recipient, or returns why it could
// not.
func (c *Client) Send(ctx context.Context, m Message) error {
	data, err := c.Bytes(m)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	host, port, _ := net.SplitHostPort(c.cfg.Addr)
	tlsConfig := &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	if c.cfg.tlsConfig != nil {
		tlsConfig = c.cfg.tlsConfig.Clone()
		tlsConfig.ServerName = host
	}
	dialer := &net.Dialer{}
	var conn net.Conn
	implicitTLS := port == "465"
	if implicitTLS {
		conn, err = (&tls.Dialer{NetDialer: dialer, Config: tlsConfig}).DialContext(ctx, "tcp", c.cfg.Addr)
	} else {
		conn, err = dialer.DialContext(ctx, "tcp", c.cfg.Addr)
	}
	if err != nil {
		return fmt.Errorf("mail: connect to %s: %w", c.cfg.Addr, err)
	}
	defer conn.Close()
	if d, ok := ctx.Deadline(); ok {
		conn.SetDeadline(d)
	}
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	sc, err := smtp.NewClient(conn, host)
	if err != nil {
		return fmt.Errorf("mail: %s: %w", c.cfg.Addr, err)
	}
	defer sc.Close()
	if err := sc.Hello(c.cfg.HelloName); err != nil {
		return fmt.Errorf("mail: EHLO: %w", err)
	}
	encrypted := implicitTLS
	if !implicitTLS {
		if ok, _ := sc.Extension("STARTTLS"); ok {
			// Once offered, encryption is required: falling back to
			// clear text would let anyone on the path strip the offer.
			if err := sc.StartTLS(tlsConfig); err != nil {
				return fmt.Errorf("mail: STARTTLS: %w", err)
			}
			encrypted = true
		}
	}
	if c.cfg.User != "" {
		if !encrypted && !loopback(host) {
			return ErrInsecureAuth
		}
		if ok, _ := sc.Extension("AUTH"); !ok {
			return errors.New("mail: the SMTP server does not offer authentication (AUTH), but a user is configured")
		}
		if err := sc.Auth(plainAuth{user: c.cfg.User, password: c.cfg.Password, encrypted: encrypted, host: host}); err != nil {
			return fmt.Errorf("mail: AUTH: %w", err)
		}
	}
	if err := sc.Mail(c.from.Address); err != nil {
		return fmt.Errorf("mail: MAIL FROM: %w", err)
	}
	if err := sc.Rcpt(c.to); err != nil {
		return fmt.Errorf("mail: RCPT TO: %w", err)
	}
	w, err := sc.Data()
	if err != nil {
		return fmt.Errorf("mail: DATA: %w", err)
	}
	if _, err := w.Write(data); err != nil {
		return fmt.Errorf("mail: DATA: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("mail: DATA: %w", err)
	}
	// The mail is accepted once DATA is: a failed QUIT does not undo it.
	_ = sc.Quit()
	return nil
}

// loopback reports whether host is this machine, where no one can
// listen on the wire.
func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	a, err := netip.ParseAddr(host)
	return err == nil && a.Unmap().IsLoopback()
}

// plainAuth is AUTH PLAIN. net/smtp's PlainAuth recognises only the names
// "localhost", "127.0.0.1" and "::1" as local; this one asks the same
// question loopback does, so that the rule is one rule.
type plainAuth struct {
	user, password, host string
	encrypted            bool
}

func (a plainAuth) Start(server *smtp.ServerInfo) (string, []byte, error) {
	if !server.TLS && !a.encrypted && !loopback(a.host) {
		return "", nil, ErrInsecureAuth
	}
	if server.Name != a.host {
		return "", nil, errors.New("mail: wrong host name")
	}
	return "PLAIN", []byte("\x00" + a.user + "\x00" + a.password), nil
}

func (a plainAuth) Next(fromServer []byte, more bool) ([]byte, error) {
	if more {
		return nil, errors.New("mail: unexpected challenge from the server")
	}
	return nil, nil
}
