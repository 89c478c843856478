package export

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"runtime"
	"slices"
	"strings"
)

// fetched is what a worker made of one URL.
type fetched struct {
	target   string
	status   int
	location string // where a redirect leads, as a site URL
	file     string
	page     bool
	links    []string // site URLs to fetch next
	soft     []string // paths that links with a query lead to in the archive
	unstatic []string // links whose query has no static form
	held     []byte   // a search page's body, finished after the crawl
	// A library list's page: the list's path, the page's number and
	// cards; the first page is held, as a search page is.
	library string
	libPage int
	cards   []libCard
	err     error
}

// crawlJob is one URL to fetch; soft when a failure there is not an error
// (the path of a link whose query has no static form).
type crawlJob struct {
	target string
	soft   bool
}

// crawl fetches every URL reachable from starts with as many workers as
// there are processors. Each page is rewritten and written out as soon as
// it is rendered, so that memory holds the addresses, not the pages; the
// search pages and the first pages of library lists are kept back for
// addSearch and addLibraries.
func (e *exporter) crawl(ctx context.Context, starts []string) error {
	workers := runtime.GOMAXPROCS(0) + 1
	jobs := make(chan crawlJob)
	results := make(chan fetched)
	for range workers {
		go func() {
			cache := map[string]link{}
			for j := range jobs {
				if len(cache) > 100_000 {
					clear(cache)
				}
				results <- e.fetch(ctx, j.target, cache)
			}
		}()
	}
	var queue []crawlJob
	seen := map[string]bool{}
	soft := map[string]bool{}
	push := func(u string, isSoft bool) {
		if isSoft {
			soft[u] = soft[u] || !seen[u]
		}
		if !seen[u] {
			seen[u] = true
			queue = append(queue, crawlJob{target: u, soft: isSoft})
		}
	}
	for _, s := range starts {
		push(s, false)
	}
	var broken []string
	var firstErr error
	inflight := 0
	for len(queue) > 0 || inflight > 0 {
		var send chan crawlJob
		var next crawlJob
		if len(queue) > 0 && firstErr == nil {
			send, next = jobs, queue[0]
		}
		if send == nil && inflight == 0 {
			break
		}
		select {
		case send <- next:
			queue = queue[1:]
			inflight++
		case r := <-results:
			inflight--
			if r.err != nil {
				if firstErr == nil {
					firstErr = r.err
				}
				continue
			}
			switch {
			case r.status >= 300 && r.status < 400:
				if r.location == "" {
					broken = append(broken, r.target+" (redirects away)")
					continue
				}
				e.alias[r.target] = r.location
				push(r.location, soft[r.target])
			case r.status != http.StatusOK:
				if soft[r.target] {
					e.unresolved[r.target] = true
					continue
				}
				broken = append(broken, fmt.Sprintf("%s (%d)", r.target, r.status))
			default:
				e.files[r.file] = r.target
				if r.page {
					e.pages++
				}
				switch {
				case r.library != "":
					lib := e.libraries[r.library]
					if lib == nil {
						lib = &library{pages: map[int][]libCard{}}
						e.libraries[r.library] = lib
					}
					lib.pages[r.libPage] = r.cards
					if r.libPage == 1 {
						lib.first = r.held
					}
				case r.held != nil:
					e.held[r.target] = r.held
				}
				for _, u := range r.unstatic {
					e.unresolved[u] = true
				}
				for _, u := range r.links {
					push(u, false)
				}
				for _, u := range r.soft {
					push(u, true)
				}
			}
		}
		if firstErr == nil && ctx.Err() != nil {
			firstErr = ctx.Err()
		}
	}
	close(jobs)
	if firstErr != nil {
		return firstErr
	}
	if len(broken) > 0 {
		slices.Sort(broken)
		n, more := len(broken), ""
		if n > 10 {
			more = fmt.Sprintf(" and %d more", len(broken)-10)
			broken = broken[:10]
		}
		return fmt.Errorf("export: %d links lead nowhere: %s%s", n, strings.Join(broken, ", "), more)
	}
	return nil
}

// fetch asks the site for target and, when the answer is a page or a
// file, writes it out. cache keeps, per worker, what links stand for.
func (e *exporter) fetch(ctx context.Context, target string, cache map[string]link) fetched {
	r := fetched{target: target}
	if err := ctx.Err(); err != nil {
		r.err = err
		return r
	}
	req := httptest.NewRequestWithContext(ctx, http.MethodGet, "http://export.invalid"+target, nil)
	sp := newSpooler(e.spoolDir)
	e.o.Handler.ServeHTTP(sp, req)
	out, err := sp.finish()
	if err != nil {
		r.err = err
		return r
	}
	r.status = sp.status
	if r.status >= 300 && r.status < 400 {
		if loc, ok := e.local(sp.header.Get("Location")); ok {
			r.location = loc
		}
	}
	if r.status != http.StatusOK {
		if out.spool != "" {
			os.Remove(out.spool)
		}
		return r
	}
	r.file = fileOf(target)
	ct := sp.header.Get("Content-Type")
	r.page = strings.HasPrefix(ct, "text/html")
	if r.page != isPage(target) {
		// Slugs hold no dot and files' names have one (see isPage): an
		// answer that breaks the rule would be written under a name a
		// static host serves as the wrong type.
		if out.spool != "" {
			os.Remove(out.spool)
		}
		r.err = fmt.Errorf("export: %s answers %s, which its address does not suggest; it has no static form", target, ct)
		return r
	}
	if !r.page {
		if strings.HasSuffix(target, ".xml") || strings.HasSuffix(target, ".atom") {
			body := out.data
			if out.spool != "" {
				if body, err = os.ReadFile(out.spool); err != nil {
					r.err = fmt.Errorf("export: %w", err)
					return r
				}
			}
			r.links = e.locs(body)
		}
		r.err = e.w.put(r.file, out)
		return r
	}
	body := out.data
	if out.spool != "" {
		if body, err = os.ReadFile(out.spool); err != nil {
			r.err = fmt.Errorf("export: %w", err)
			return r
		}
		os.Remove(out.spool)
	}
	if list, page, ok := libraryPage(target, body); ok {
		// The cards' links, relative to the list's first page.
		listDir := path.Dir(fileOf(list))
		var ignored fetched
		r.library, r.libPage = list, page
		r.cards = libraryCards(body, func(card []byte) []byte {
			return e.rewritePage(card, cache, &ignored, func(file string) string { return relPath(listDir, file) })
		})
	}
	dir := path.Dir(r.file)
	body = e.rewritePage(stripPostForms(body), cache, &r, func(file string) string { return relPath(dir, file) })
	if e.searchPage[target] || r.library != "" && r.libPage == 1 {
		r.held = body
		return r
	}
	r.err = e.w.put(r.file, memFile(body))
	return r
}

// rewritePage makes the root-relative links of a page lead to the files of
// the archive, written by to (as relative links, usually), and notes in r
// the URLs they lead to.
func (e *exporter) rewritePage(body []byte, cache map[string]link, r *fetched, to func(file string) string) []byte {
	mine := map[string]bool{}
	one := func(raw string) string {
		l, ok := cache[raw]
		if !ok {
			l = e.resolve(raw)
			cache[raw] = l
		}
		if l.crawl == "" {
			return raw
		}
		if !mine[l.crawl] {
			mine[l.crawl] = true
			switch {
			case l.static:
				r.links = append(r.links, l.crawl)
			default:
				r.unstatic = append(r.unstatic, l.key)
				r.soft = append(r.soft, l.crawl)
			}
		}
		if l.file == "" {
			return raw
		}
		return to(l.file) + l.frag
	}
	return rewriteLinks(body, func(attr, v string) string {
		if attr == "srcset" {
			return splitSrcset(v, one)
		}
		return one(v)
	})
}
