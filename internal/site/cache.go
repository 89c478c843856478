package site

import (
	"context"
	"net/http"
	"sync"

	"github.com/datka-cms/datka/internal/web"
)

// pageCache keeps rendered pages, ready to send, keyed by path and display
// mode. It holds only successful pages of the language trees, so that
// requests for random paths cannot fill it. Any write to the store makes
// the whole cache stale: content is small, and a correct cache that is
// rebuilt in milliseconds beats a clever one that is sometimes wrong.
type pageCache struct {
	maxBytes int
	mu       sync.RWMutex
	gen      uint64
	entries  map[string]*web.Body
	order    []string // insertion order, for eviction
	bytes    int
}

func newPageCache(maxBytes int) *pageCache {
	return &pageCache{maxBytes: maxBytes, entries: map[string]*web.Body{}}
}

// get returns the page for key if it was rendered at store generation gen.
func (c *pageCache) get(key string, gen uint64) *web.Body {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.gen != gen {
		return nil
	}
	return c.entries[key]
}

// put keeps b, rendered at generation gen, under key.
func (c *pageCache) put(key string, gen uint64, b *web.Body) {
	size := b.Size() + len(key)
	if size > c.maxBytes/8 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen < c.gen {
		return // rendered from older content than the cache already holds
	}
	if gen > c.gen {
		c.gen = gen
		clear(c.entries)
		c.order = c.order[:0]
		c.bytes = 0
	}
	if _, ok := c.entries[key]; ok {
		return
	}
	for c.bytes+size > c.maxBytes && len(c.order) > 0 {
		old := c.order[0]
		c.order = c.order[1:]
		if e, ok := c.entries[old]; ok {
			c.bytes -= e.Size() + len(old)
			delete(c.entries, old)
		}
	}
	c.entries[key] = b
	c.order = append(c.order, key)
	c.bytes += size
}

type cacheKeyCtx struct{}

// cacheKey is the key of the page r asks for. Pages with a query string
// are never cached (see fromCache), nor is the contacts page, whose form
// carries the time it was served (see contact.go).
func cacheKey(r *http.Request) string {
	if c, err := r.Cookie(viCookie); err == nil && c.Value == "1" {
		return r.URL.Path + "|vi"
	}
	return r.URL.Path
}

// fromCache answers r from the cache when it can. Otherwise it returns a
// request that carries the key under which render will keep the page.
func (h *handler) fromCache(w http.ResponseWriter, r *http.Request, code string) (*http.Request, bool) {
	// Pages with a query (a list's later page, filters, a search) are
	// rendered each time: their number is unbounded and they are rarely
	// asked for twice.
	if h.cache == nil || r.URL.RawQuery != "" {
		return r, false
	}
	key := cacheKey(r)
	gen := h.st.Generation()
	if b := h.cache.get(key, gen); b != nil {
		if h.metrics != nil {
			h.metrics.CacheHits.Inc()
		}
		rememberLanguage(w, r, code)
		h.send(w, r, b)
		return r, true
	}
	if h.metrics != nil {
		h.metrics.CacheMisses.Inc()
	}
	return r.WithContext(context.WithValue(r.Context(), cacheKeyCtx{}, cacheEntry{key: key, gen: gen})), false
}

type cacheEntry struct {
	key string
	gen uint64
}
