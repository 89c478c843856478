package wxr

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"syscall"
	"time"

	"github.com/datka-cms/datka/internal/media"
)

// Fetching attachments from the old site, when no copy of its uploads is
// at hand. An export names its files by address, and an export is
// untrusted: an address may lead to this machine or its private network
// (a cloud's metadata service, a database's HTTP port). The client
// therefore connects only to public addresses, checked on the address
// it actually connects to, after DNS, on every connection and every
// redirect, so that a name that resolves to a public address once and a
// private one next (DNS rebinding) gains nothing. Proxies from the
// environment are not used, since they would connect on the client's
// behalf.

// errNotPublic is returned for a connection to an address that is not
// public.
var errNotPublic = errors.New("not a public address")

// PublicClient returns an HTTP client for fetching attachments that
// connects only to public addresses.
func PublicClient() *http.Client { return fetchClient(publicAddr) }

func fetchClient(allowed func(netip.Addr) bool) *http.Client {
	dialer := &net.Dialer{
		Timeout: 10 * time.Second,
		Control: func(_, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil || !allowed(ap.Addr()) {
				return fmt.Errorf("%s: %w", address, errNotPublic)
			}
			return nil
		},
	}
	return &http.Client{
		Timeout: 2 * time.Minute,
		Transport: &http.Transport{
			Proxy:                  nil,
			DialContext:            dialer.DialContext,
			TLSHandshakeTimeout:    10 * time.Second,
			ResponseHeaderTimeout:  30 * time.Second,
			MaxResponseHeaderBytes: 64 << 10,
		},
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("too many redirects")
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("a redirect to %s", req.URL.Scheme)
			}
			return nil
		},
	}
}

// reserved are ranges that are not public but that netip's predicates
// do not name.
var reserved = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"), // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("192.0.2.0/24"),  // documentation
	netip.MustParsePrefix("198.18.0.0/15"), // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b::/96"), // NAT64: an IPv4 address inside
	netip.MustParsePrefix("64:ff9b:1::/48"),
	netip.MustParsePrefix("2001:db8::/32"),
	netip.MustParsePrefix("2002::/16"), // 6to4: an IPv4 address inside
}

// publicAddr reports whether a is an address of the public internet.
func publicAddr(a netip.Addr) bool {
	a = a.Unmap()
	if !a.IsGlobalUnicast() || a.IsPrivate() || a.IsLoopback() || a.IsLinkLocalUnicast() {
		return false
	}
	for _, p := range reserved {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

// fetch downloads an attachment's file, at most media.MaxFileBytes.
func fetch(ctx context.Context, c *http.Client, u *url.URL) ([]byte, error) {
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("its address %s is not http(s)", u.Redacted())
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "datka-import")
	resp, err := c.Do(req)
	if err != nil {
		if errors.Is(err, errNotPublic) {
			return nil, fmt.Errorf("not fetched: %s does not lead to a public address", u.Host)
		}
		return nil, fmt.Errorf("not fetched: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("not fetched: %s answered %s", u.Host, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, media.MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("not fetched: %v", err)
	}
	return data, nil
}
