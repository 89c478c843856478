// Package mailtest is a small real SMTP server for tests: it listens on
// 127.0.0.1, speaks enough ESMTP for net/smtp (EHLO, STARTTLS, AUTH PLAIN,
// MAIL, RCPT, DATA, RSET, NOOP, QUIT) and keeps what it receives.
package mailtest

import (
	"bufio"
	"crypto/tls"
	"encoding/base64"
	"io"
	"net"
	"net/textproto"
	"strings"
	"sync"
	"testing"
	"time"
)

// Received is one mail the server accepted.
type Received struct {
	From string   // MAIL FROM
	To   []string // RCPT TO, in order
	Data string   // the message, dot-unstuffed, CRLF line ends
	TLS  bool     // the session was encrypted
	Auth string   // "user:password" from AUTH PLAIN, or ""
}

// Options choose what the server offers.
type Options struct {
	// TLS, when set, makes the server offer STARTTLS with this config.
	TLS *tls.Config
	// Auth makes the server offer AUTH PLAIN (and accept any password).
	Auth bool
	// RejectRcpt answers every RCPT with a permanent failure.
	RejectRcpt bool
}

// Server is a running SMTP server.
type Server struct {
	Addr string
	opts Options
	ln   net.Listener
	wg   sync.WaitGroup
	mu   sync.Mutex
	got  []Received
	// notify receives a value for each mail accepted.
	notify chan struct{}
}

// Start serves on a free port of 127.0.0.1 until the test ends.
func Start(t testing.TB, opts Options) *Server {
	t.Helper()
	return StartAt(t, "127.0.0.1:0", opts)
}

// FreeAddr returns an address of 127.0.0.1 where nothing listens (for
// now): a mail server that is down.
func FreeAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// StartAt serves at addr until the test ends or Close.
func StartAt(t testing.TB, addr string, opts Options) *Server {
	t.Helper()
	var ln net.Listener
	var err error
	// A port just closed may take a moment to be free again.
	for range 50 {
		if ln, err = net.Listen("tcp", addr); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("mailtest: listen on %s: %v", addr, err)
	}
	s := &Server{Addr: ln.Addr().String(), opts: opts, ln: ln, notify: make(chan struct{}, 1000)}
	s.wg.Add(1)
	go s.serve()
	t.Cleanup(s.Close)
	return s
}

// Close stops the server and waits for its sessions to end.
func (s *Server) Close() {
	s.ln.Close()
	s.wg.Wait()
}

// Received returns the mails accepted so far.
func (s *Server) Received() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.got...)
}

// Wait waits until n mails in all have been accepted, or d has passed,
// and returns what was received.
func (s *Server) Wait(n int, d time.Duration) []Received {
	deadline := time.After(d)
	for {
		if got := s.Received(); len(got) >= n {
			return got
		}
		select {
		case <-s.notify:
		case <-deadline:
			return s.Received()
		}
	}
}

func (s *Server) serve() {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer c.Close()
			c.SetDeadline(time.Now().Add(30 * time.Second))
			s.session(c)
		}()
	}
}

func (s *Server) session(c net.Conn) {
	tp := textproto.NewConn(c)
	reply := func(lines ...string) { tp.PrintfLine("%s", strings.Join(lines, "\r\n")) }
	reply("220 mailtest ESMTP")
	var cur Received
	for {
		line, err := tp.ReadLine()
		if err != nil {
			return
		}
		verb, arg, _ := strings.Cut(line, " ")
		switch strings.ToUpper(verb) {
		case "EHLO":
			lines := []string{"250-mailtest", "250-8BITMIME"}
			if s.opts.TLS != nil && !cur.TLS {
				lines = append(lines, "250-STARTTLS")
			}
			if s.opts.Auth {
				lines = append(lines, "250-AUTH PLAIN")
			}
			reply(append(lines, "250 SIZE 1048576")...)
		case "HELO":
			reply("250 mailtest")
		case "STARTTLS":
			if s.opts.TLS == nil || cur.TLS {
				reply("502 not offered")
				continue
			}
			reply("220 go ahead")
			tc := tls.Server(c, s.opts.TLS)
			if err := tc.Handshake(); err != nil {
				return
			}
			c = tc
			tp = textproto.NewConn(tc)
			cur = Received{TLS: true}
		case "AUTH":
			mech, initial, _ := strings.Cut(arg, " ")
			if !s.opts.Auth || !strings.EqualFold(mech, "PLAIN") {
				reply("504 not offered")
				continue
			}
			if initial == "" {
				reply("334 ")
				if initial, err = tp.ReadLine(); err != nil {
					return
				}
			}
			raw, err := base64.StdEncoding.DecodeString(initial)
			parts := strings.Split(string(raw), "\x00")
			if err != nil || len(parts) != 3 {
				reply("501 bad credentials")
				continue
			}
			cur.Auth = parts[1] + ":" + parts[2]
			reply("235 accepted")
		case "MAIL":
			cur.From = address(arg)
			cur.To = nil
			reply("250 ok")
		case "RCPT":
			if s.opts.RejectRcpt {
				reply("550 no such mailbox")
				continue
			}
			cur.To = append(cur.To, address(arg))
			reply("250 ok")
		case "DATA":
			if cur.From == "" || len(cur.To) == 0 {
				reply("503 need MAIL and RCPT first")
				continue
			}
			reply("354 end with a dot")
			data, err := io.ReadAll(tp.DotReader())
			if err != nil {
				return
			}
			cur.Data = strings.ReplaceAll(string(data), "\n", "\r\n")
			s.mu.Lock()
			s.got = append(s.got, cur)
			s.mu.Unlock()
			s.notify <- struct{}{}
			cur = Received{TLS: cur.TLS, Auth: cur.Auth}
			reply("250 queued")
		case "RSET":
			cur = Received{TLS: cur.TLS, Auth: cur.Auth}
			reply("250 ok")
		case "NOOP":
			reply("250 ok")
		case "QUIT":
			reply("221 bye")
			return
		default:
			reply("502 unknown command")
		}
	}
}

// address takes the address out of "FROM:<a@b> SIZE=…" or "TO:<a@b>".
func address(arg string) string {
	_, rest, _ := strings.Cut(arg, ":")
	rest = strings.TrimSpace(rest)
	if i := strings.IndexByte(rest, '>'); strings.HasPrefix(rest, "<") && i > 0 {
		return rest[1:i]
	}
	return rest
}

// Header returns the value of header name in a received message, with
// folded lines joined.
func (r Received) Header(name string) string {
	tp := textproto.NewReader(bufio.NewReader(strings.NewReader(r.Data)))
	h, err := tp.ReadMIMEHeader()
	if err != nil && len(h) == 0 {
		return ""
	}
	return h.Get(name)
}

// Body returns the part of a received message after its headers.
func (r Received) Body() string {
	_, body, _ := strings.Cut(r.Data, "\r\n\r\n")
	return body
}
