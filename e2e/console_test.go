package e2e

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// tabLog collects, from every event of a tab, the console errors, the
// uncaught exceptions, the browser's log errors (CSP violations among
// them) and the URLs of all requests.
type tabLog struct {
	mu       sync.Mutex
	errors   []string
	requests []string
}

func (l *tabLog) listen(ev any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				if a.Value != nil {
					args = append(args, string(a.Value))
				} else {
					args = append(args, a.Description)
				}
			}
			l.errors = append(l.errors, "console."+string(ev.Type)+": "+strings.Join(args, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil {
			text += " " + d.Exception.Description
		}
		l.errors = append(l.errors, fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber+1, text))
	case *log.EventEntryAdded:
		e := ev.Entry
		if e.Level == log.EntryLevelError {
			l.errors = append(l.errors, fmt.Sprintf("log (%s) %s: %s", e.Source, e.URL, e.Text))
		}
	case *network.EventRequestWillBeSent:
		l.requests = append(l.requests, ev.Request.URL)
	}
}

// take returns what was collected since the last call, and forgets it.
func (l *tabLog) take() (errors, requests []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	errors, requests = l.errors, l.requests
	l.errors, l.requests = nil, nil
	return errors, requests
}

// TestNoConsoleErrorsNorForeignRequests loads every page of every
// language, in both modes, with JavaScript on, and allows no console
// error, no exception, no CSP violation, and no request to any host but
// the site itself.
func TestNoConsoleErrorsNorForeignRequests(t *testing.T) {
	s := startSite(t)
	pages := s.pages(t)
	tl := &tabLog{}
	tab := newTab(t, chromedp.WithListener(tl.listen))

	// The listener must see a CSP violation: the site forbids inline
	// script, so a script element added to the page is refused.
	do(t, tab, "open the home page", chromedp.Navigate(s.URL+"/ru/"))
	tl.take()
	do(t, tab, "add an inline script",
		chromedp.Evaluate[chromedp.Void](`document.body.appendChild(Object.assign(document.createElement('script'), {textContent: 'window.x = 1'})); void 0`))
	if !waitFor(tab, tl, func(errs []string) bool { return len(errs) > 0 }) {
		t.Fatal("an inline script broke the CSP and the listener saw no error: the test would miss one")
	}
	errs, _ := tl.take()
	t.Logf("as it should, the listener saw the CSP violation of an inline script: %s", errs[0])

	for _, vi := range []bool{false, true} {
		do(t, tab, "set the mode", setVI(s.URL, vi))
		for _, p := range pages {
			do(t, tab, "open "+p.Path, chromedp.Navigate(s.URL+p.Path))
			// A round trip to the page makes sure the events of the load
			// have arrived.
			eval[bool](t, tab, `document.readyState === 'complete'`)
			errs, reqs := tl.take()
			for _, e := range errs {
				if p.Status == 404 && strings.Contains(e, "status of 404") && strings.Contains(e, s.URL+p.Path) {
					continue // the browser logs the 404 of the page itself
				}
				t.Errorf("%s: %s", where(p.Path, vi), e)
			}
			if len(reqs) == 0 {
				t.Fatalf("%s: saw no request at all; the listener does not work", where(p.Path, vi))
			}
			for _, r := range reqs {
				if !strings.HasPrefix(r, s.URL+"/") && !strings.HasPrefix(r, "data:") {
					t.Errorf("%s: a request to another host: %s", where(p.Path, vi), r)
				}
			}
		}
	}
}

// waitFor polls the page until cond holds for the errors collected so far,
// or a few round trips have passed.
func waitFor(tab context.Context, tl *tabLog, cond func([]string) bool) bool {
	for range 50 {
		if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`true`)); err != nil {
			return false
		}
		tl.mu.Lock()
		ok := cond(tl.errors)
		tl.mu.Unlock()
		if ok {
			return true
		}
		chromedp.Do(tab, chromedp.Sleep(20*time.Millisecond))
	}
	return false
}
