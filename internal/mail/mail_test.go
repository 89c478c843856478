package mail

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"math/big"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/smtp"
	"strings"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/mail/mailtest"
)

func newClient(t *testing.T, cfg Config) *Client {
	t.Helper()
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:25"
	}
	if cfg.From == "" {
		cfg.From = "Сайт HERo <site@hero.example>"
	}
	if cfg.To == "" {
		cfg.To = "team@hero.example"
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

func TestNewRefusesBadConfig(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
	}{
		{"no port", Config{Addr: "mail.example.org", From: "a@example.org", To: "b@example.org"}},
		{"no sender", Config{Addr: "mail.example.org:587", To: "b@example.org"}},
		{"a list of recipients", Config{Addr: "mail.example.org:587", From: "a@example.org", To: "b@example.org, c@example.org"}},
		{"a recipient with a name", Config{Addr: "mail.example.org:587", From: "a@example.org", To: "Team <b@example.org>"}},
		{"a recipient with a line break", Config{Addr: "mail.example.org:587", From: "a@example.org", To: "b@example.org\r\nBcc: c@example.org"}},
		{"a sender with a line break", Config{Addr: "mail.example.org:587", From: "a@example.org\nBcc: c@example.org", To: "b@example.org"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := New(tt.cfg); err == nil {
				t.Errorf("New(%+v) succeeded", tt.cfg)
			}
		})
	}
}

func TestBareAddress(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"reader@example.org", true},
		{"first.last+tag@sub.example.kg", true},
		{"Reader <reader@example.org>", false},
		{"reader@example.org (comment)", false},
		{"a@example.org, b@example.org", false},
		{"reader@example.org\r\nBcc: x@example.org", false},
		{"reader@example.org\n", false},
		{" reader@example.org", false},
		{"no-at-sign", false},
		{"", false},
		{strings.Repeat("a", 250) + "@example.org", false},
		{"reader@example.org\x00", false},
	}
	for _, tt := range tests {
		if _, ok := BareAddress(tt.in); ok != tt.ok {
			t.Errorf("BareAddress(%q) = %v, want %v", tt.in, ok, tt.ok)
		}
	}
}

func TestBytes(t *testing.T) {
	c := newClient(t, Config{})
	body := "Здравствуйте!\nМы хотели бы узнать о тренингах в Нарыне: когда и где?\n\nСаламатсызбы! Өнүгүү, үй-бүлө, көңүл.\n" +
		strings.Repeat("длинная строка без переносов ", 10) + "\n.\nLine with a lone dot above.\n"
	subject := "Сообщение с сайта: Айгүл Асанова — " + strings.Repeat("очень длинная тема ", 6)
	data, err := c.Bytes(Message{ReplyTo: "aigul@example.kg", Subject: subject, Body: body, Date: time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	r := mailtest.Received{Data: string(data)}
	head, _, _ := strings.Cut(string(data), "\r\n\r\n")
	for _, line := range strings.Split(head, "\r\n") {
		if len(line) > 78 {
			t.Errorf("header line of %d characters: %q", len(line), line)
		}
	}
	if strings.Contains(strings.ReplaceAll(string(data), "\r\n", ""), "\n") {
		t.Error("a bare LF in the message")
	}
	dec := new(mime.WordDecoder)
	if got, err := dec.DecodeHeader(r.Header("Subject")); err != nil || got != subject {
		t.Errorf("Subject decodes to %q (%v), want %q", got, err, subject)
	}
	checks := map[string]string{
		"To":                        "<team@hero.example>",
		"Reply-To":                  "<aigul@example.kg>",
		"Content-Type":              "text/plain; charset=utf-8",
		"Content-Transfer-Encoding": "quoted-printable",
		"MIME-Version":              "1.0",
		"Auto-Submitted":            "auto-generated",
		"Date":                      "Fri, 01 May 2026 09:00:00 +0000",
	}
	for k, want := range checks {
		if got := r.Header(k); got != want {
			t.Errorf("%s: %q, want %q", k, got, want)
		}
	}
	if from, err := dec.DecodeHeader(r.Header("From")); err != nil || !strings.Contains(from, "Сайт HERo") || !strings.Contains(from, "<site@hero.example>") {
		t.Errorf("From %q decodes to %q (%v)", r.Header("From"), from, err)
	}
	if id := r.Header("Message-ID"); !strings.HasPrefix(id, "<") || !strings.HasSuffix(id, "@hero.example>") {
		t.Errorf("Message-ID %q", id)
	}
	plain, err := io.ReadAll(quotedprintable.NewReader(strings.NewReader(r.Body())))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.ReplaceAll(string(plain), "\r\n", "\n"); strings.TrimRight(got, "\n") != strings.TrimRight(body, "\n") {
		t.Errorf("body decodes to\n%q\nwant\n%q", got, body)
	}
}

func TestBytesRefusesInjection(t *testing.T) {
	c := newClient(t, Config{})
	for _, subject := range []string{"Hello\r\nBcc: victim@example.org", "Hello\nBcc: victim@example.org", "Hello\rX: y", "Tab\tand NUL\x00"} {
		if _, err := c.Bytes(Message{Subject: subject, Body: "b"}); err == nil {
			t.Errorf("subject %q accepted", subject)
		}
	}
	tests := []struct {
		name, replyTo string
	}{
		{"a second header", "reader@example.org\r\nBcc: victim@example.org"},
		{"a list", "reader@example.org, victim@example.org"},
		{"a display name", "Victim <victim@example.org>"},
		{"non-ASCII", "айгүл@пример.кг"},
	}
	for _, tt := range tests {
		t.Run("Reply-To with "+tt.name+" is left out", func(t *testing.T) {
			data, err := c.Bytes(Message{ReplyTo: tt.replyTo, Subject: "s", Body: "b"})
			if err != nil {
				t.Fatal(err)
			}
			r := mailtest.Received{Data: string(data)}
			if got := r.Header("Reply-To"); got != "" {
				t.Errorf("Reply-To %q", got)
			}
			if strings.Contains(string(data), "victim") || r.Header("Bcc") != "" {
				t.Errorf("the message names the victim:\n%s", data)
			}
		})
	}
}

func TestSend(t *testing.T) {
	certPEM, tlsServer := selfSigned(t)
	tests := []struct {
		name     string
		opts     mailtest.Options
		user     string
		wantTLS  bool
		wantAuth string
	}{
		{name: "plain, without a password", opts: mailtest.Options{}},
		{name: "STARTTLS when offered", opts: mailtest.Options{TLS: tlsServer}, wantTLS: true},
		{name: "STARTTLS and a password", opts: mailtest.Options{TLS: tlsServer, Auth: true}, user: "site", wantTLS: true, wantAuth: "site:secret"},
		{name: "a password in clear only to the loopback interface", opts: mailtest.Options{Auth: true}, user: "site", wantAuth: "site:secret"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := mailtest.Start(t, tt.opts)
			c := newClient(t, Config{Addr: srv.Addr, User: tt.user, Password: "secret", HelloName: "hero.example",
				tlsConfig: &tls.Config{RootCAs: certPEM}})
			if err := c.Send(t.Context(), Message{ReplyTo: "reader@example.org", Subject: "Тема", Body: "Текст"}); err != nil {
				t.Fatalf("Send: %v", err)
			}
			got := srv.Received()
			if len(got) != 1 {
				t.Fatalf("%d mails received, want 1", len(got))
			}
			m := got[0]
			if m.From != "site@hero.example" || len(m.To) != 1 || m.To[0] != "team@hero.example" {
				t.Errorf("envelope from %q to %q, want site@hero.example to [team@hero.example]", m.From, m.To)
			}
			if m.TLS != tt.wantTLS || m.Auth != tt.wantAuth {
				t.Errorf("TLS %v, auth %q; want %v, %q", m.TLS, m.Auth, tt.wantTLS, tt.wantAuth)
			}
			if m.Header("Reply-To") != "<reader@example.org>" {
				t.Errorf("Reply-To %q", m.Header("Reply-To"))
			}
		})
	}
	t.Run("a certificate that does not verify stops the mail", func(t *testing.T) {
		srv := mailtest.Start(t, mailtest.Options{TLS: tlsServer})
		c := newClient(t, Config{Addr: srv.Addr})
		if err := c.Send(t.Context(), Message{Subject: "s", Body: "b"}); err == nil || !strings.Contains(err.Error(), "STARTTLS") {
			t.Errorf("Send with an unknown certificate authority: %v, want a STARTTLS error", err)
		}
		if n := len(srv.Received()); n != 0 {
			t.Errorf("%d mails went out in clear after STARTTLS failed", n)
		}
	})
	t.Run("a refused recipient is an error", func(t *testing.T) {
		srv := mailtest.Start(t, mailtest.Options{RejectRcpt: true})
		c := newClient(t, Config{Addr: srv.Addr})
		if err := c.Send(t.Context(), Message{Subject: "s", Body: "b"}); err == nil || !strings.Contains(err.Error(), "550") {
			t.Errorf("Send: %v, want the server's 550", err)
		}
	})
	t.Run("a server that is down is an error, soon", func(t *testing.T) {
		c := newClient(t, Config{Addr: mailtest.FreeAddr(t), Timeout: 5 * time.Second})
		start := time.Now()
		if err := c.Send(t.Context(), Message{Subject: "s", Body: "b"}); err == nil {
			t.Error("Send to nowhere succeeded")
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("Send took %v", d)
		}
	})
	t.Run("a server that never answers is given up at the timeout", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		go func() {
			for {
				c, err := ln.Accept()
				if err != nil {
					return
				}
				defer c.Close()
			}
		}()
		c := newClient(t, Config{Addr: ln.Addr().String(), Timeout: 300 * time.Millisecond})
		start := time.Now()
		if err := c.Send(t.Context(), Message{Subject: "s", Body: "b"}); err == nil {
			t.Error("Send to a silent server succeeded")
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("Send took %v with a timeout of 300 ms", d)
		}
	})
}

func TestPasswordNeverInClearOverTheNetwork(t *testing.T) {
	tests := []struct {
		host      string
		encrypted bool
		want      error
	}{
		{host: "mail.example.org", encrypted: false, want: ErrInsecureAuth},
		{host: "192.0.2.10", encrypted: false, want: ErrInsecureAuth},
		{host: "mail.example.org", encrypted: true},
		{host: "127.0.0.1", encrypted: false},
		{host: "::1", encrypted: false},
		{host: "localhost", encrypted: false},
	}
	for _, tt := range tests {
		a := plainAuth{user: "u", password: "p", host: tt.host, encrypted: tt.encrypted}
		_, resp, err := a.Start(&smtp.ServerInfo{Name: tt.host, TLS: tt.encrypted})
		if !errors.Is(err, tt.want) {
			t.Errorf("%s (encrypted %v): %v, want %v", tt.host, tt.encrypted, err, tt.want)
		}
		if tt.want != nil && resp != nil {
			t.Errorf("%s: credentials %q produced though refused", tt.host, resp)
		}
	}
}

// selfSigned makes a certificate for 127.0.0.1 and returns the pool that
// trusts it and the server's TLS config.
func selfSigned(t *testing.T) (*x509.CertPool, *tls.Config) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "mailtest"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA:                  true,
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return pool, &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}, MinVersion: tls.VersionTLS12}
}
