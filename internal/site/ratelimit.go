package site

import (
	"math"
	"net"
	"net/netip"
	"sync"
	"time"
)

// rateLimiter is a token bucket per key, in memory: each key may spend
// burst tokens at once and gets one back every interval. It keeps at
// most maxKeys keys; when full, it forgets first the keys whose buckets
// have filled up again (forgetting them changes nothing), then any.
type rateLimiter struct {
	burst    float64
	interval time.Duration
	maxKeys  int

	mu      sync.Mutex
	buckets map[string]bucket
}

type bucket struct {
	tokens float64
	at     time.Time
}

func newRateLimiter(burst int, interval time.Duration, maxKeys int) *rateLimiter {
	return &rateLimiter{burst: float64(burst), interval: interval, maxKeys: maxKeys, buckets: map[string]bucket{}}
}

// level is the bucket's tokens at now.
func (l *rateLimiter) level(b bucket, now time.Time) float64 {
	return min(l.burst, b.tokens+float64(now.Sub(b.at))/float64(l.interval))
}

// wait is how long key must wait for a token: zero when it has one.
func (l *rateLimiter) wait(key string, now time.Time) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	if !ok {
		return 0
	}
	lvl := l.level(b, now)
	if lvl >= 1 {
		return 0
	}
	return time.Duration(math.Ceil((1 - lvl) * float64(l.interval)))
}

// take spends one of key's tokens and reports whether it had one.
func (l *rateLimiter) take(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	lvl := l.burst
	if ok {
		lvl = l.level(b, now)
	}
	if lvl < 1 {
		return false
	}
	if !ok && len(l.buckets) >= l.maxKeys {
		l.evict(now)
	}
	l.buckets[key] = bucket{tokens: lvl - 1, at: now}
	return true
}

// evict makes room for a tenth of maxKeys.
func (l *rateLimiter) evict(now time.Time) {
	for k, b := range l.buckets {
		if l.level(b, now) >= l.burst {
			delete(l.buckets, k)
		}
	}
	for k := range l.buckets {
		if len(l.buckets) < l.maxKeys-l.maxKeys/10 {
			break
		}
		delete(l.buckets, k)
	}
}

// clientKey is the key of the reader at remoteAddr for rate limits: the
// IPv4 address, or the IPv6 /64 network (one machine usually holds a
// whole /64, and could otherwise change address at will).
func clientKey(remoteAddr string) string {
	a, ok := clientAddr(remoteAddr)
	if !ok {
		return remoteAddr
	}
	if a.Is6() {
		p, _ := a.Prefix(64)
		return p.String()
	}
	return a.String()
}

// clientNetwork is the reader's network, coarser than their address:
// IPv4 /24 or IPv6 /48.
func clientNetwork(remoteAddr string) string {
	a, ok := clientAddr(remoteAddr)
	if !ok {
		return ""
	}
	bits := 24
	if a.Is6() {
		bits = 48
	}
	p, _ := a.Prefix(bits)
	return p.String()
}

func clientAddr(remoteAddr string) (netip.Addr, bool) {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		host = remoteAddr
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}, false
	}
	return a.Unmap().WithZone(""), true
}
