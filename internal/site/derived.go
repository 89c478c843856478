package site

import (
	"context"
	"crypto/sha256"
	"html/template"
	"sync"
)

// derived keeps what the site computes from the content and needs on
// every request: the structural pages and settings, and rendered
// Markdown. It is valid for one store generation: any write makes it
// stale, and it is rebuilt on demand. This is what makes pages fast when
// the rendered-page cache is off or misses.
type derived struct {
	mu        sync.Mutex
	gen       uint64
	site      *siteData
	html      map[[32]byte]template.HTML
	htmlBytes int
}

// maxRenderedBytes bounds the rendered Markdown kept; past it the memo
// starts afresh.
const maxRenderedBytes = 32 << 20

// reset empties the memo when the content has changed since its values
// were made. The caller holds d.mu.
func (d *derived) reset(gen uint64) {
	if gen > d.gen {
		d.gen, d.site, d.html, d.htmlBytes = gen, nil, nil, 0
	}
}

func (d *derived) siteData(gen uint64) (siteData, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.reset(gen)
	if d.gen != gen || d.site == nil {
		return siteData{}, false
	}
	return *d.site, true
}

func (d *derived) putSiteData(gen uint64, s siteData) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.reset(gen)
	if d.gen == gen {
		d.site = &s
	}
}

func htmlKey(code, src string) [32]byte {
	return sha256.Sum256([]byte(code + "\x00" + src))
}

func (d *derived) rendered(gen uint64, key [32]byte) (template.HTML, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.reset(gen)
	if d.gen != gen {
		return "", false
	}
	h, ok := d.html[key]
	return h, ok
}

func (d *derived) putRendered(gen uint64, key [32]byte, h template.HTML) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.reset(gen)
	if d.gen != gen {
		return // rendered from content older than the memo's
	}
	if d.htmlBytes+len(h) > maxRenderedBytes {
		d.html, d.htmlBytes = nil, 0
	}
	if d.html == nil {
		d.html = map[[32]byte]template.HTML{}
	}
	d.html[key] = h
	d.htmlBytes += len(h) + len(key)
}

// renderedMarkdown renders src through the memo.
func (h *handler) renderedMarkdown(ctx context.Context, code, src string, render func() template.HTML) template.HTML {
	if src == "" {
		return ""
	}
	gen := h.st.Generation()
	key := htmlKey(code, src)
	if out, ok := h.memo.rendered(gen, key); ok {
		return out
	}
	out := render()
	h.memo.putRendered(gen, key, out)
	return out
}
