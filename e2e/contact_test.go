package e2e

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/datka-cms/datka/internal/testenv"
)

// scripts turns JavaScript on or off in the tab.
func scripts(on bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on})
		return err
	})
}

// TestContactFormInBrowser fills in the contact form in Chromium with
// JavaScript off, in both display modes: the keyboard passes the
// honeypot by, a refused form and the confirmation pass axe-core and
// the Nu Html Checker, and the message reaches the database.
func TestContactFormInBrowser(t *testing.T) {
	axePath := filepath.Join(testenv.RepoRoot(), "node_modules", "axe-core", "axe.min.js")
	src, err := os.ReadFile(axePath)
	testenv.Require(t, err == nil, "axe-core ("+axePath+"; run npm ci)")
	s := startSite(t)
	tab := newTab(t)
	do(t, tab, "turn off JavaScript", disableScripts(), viewport(1280, 900))
	inject := chromedp.Evaluate[chromedp.Void](string(src) + "\n;void 0")
	axe := func(what string) {
		t.Helper()
		// axe is a script: it runs with scripts on, on the page as the
		// reader without them got it.
		do(t, tab, "turn JavaScript on for axe", scripts(true), inject)
		res := run(t, tab, "run axe on "+what, chromedp.Evaluate[axeResult](axeRunJS, chromedp.EvalAwaitPromise))
		do(t, tab, "turn JavaScript off again", scripts(false))
		if res.Passes == 0 {
			t.Fatalf("%s: axe passed no rule; it did not run", what)
		}
		for _, v := range res.Violations {
			t.Errorf("%s: axe rule %s (%s): %s\n\t%s", what, v.ID, v.Impact, v.Help, firstLine(v.Nodes[0].Summary))
		}
	}
	var pages []adminPage // for the Nu Html Checker
	sent := 0
	for _, c := range []struct {
		path string
		vi   bool
		want string // the confirmation's first words
	}{
		{path: "/ru/kontakty", want: "Спасибо, ваше сообщение отправлено."},
		{path: "/ky/baylanysh", vi: true, want: "Рахмат, билдирүүңүз жөнөтүлдү."},
	} {
		t.Run(where(c.path, c.vi), func(t *testing.T) {
			do(t, tab, "set the mode", setVI(s.URL, c.vi))
			do(t, tab, "open "+c.path, chromedp.Navigate(s.URL+c.path))
			opened := time.Now()

			// The honeypot is out of sight but not display:none, and the
			// keyboard goes from the message straight to the button.
			hp := eval[map[string]any](t, tab, `(() => { const e = document.getElementById('contact-website'), r = e.getBoundingClientRect();
				return {display: getComputedStyle(e.parentElement).display, right: r.right, tabIndex: e.tabIndex}; })()`)
			if hp["display"] == "none" || hp["right"].(float64) > 0 || hp["tabIndex"].(float64) != -1 {
				t.Errorf("the honeypot: %v, want displayed off-screen with tabindex -1", hp)
			}
			do(t, tab, "focus the message", chromedp.Focus(chromedp.ID("contact-message")))
			press(t, tab, kb.Tab)
			if f := focus(t, tab); f.Tag != "button" {
				t.Errorf("Tab from the message went to %s#%s, want the send button", f.Tag, f.ID)
			}

			do(t, tab, "fill in the form wrongly",
				chromedp.SendKeys(chromedp.ID("contact-email"), "not an address"),
				chromedp.SendKeys(chromedp.ID("contact-message"), "Коротко"))
			if resp := submit(t, tab, "send the wrong form", `form.contact button[type=submit]`); resp.Status != http.StatusUnprocessableEntity {
				t.Fatalf("the wrong form: status %d, want 422", resp.Status)
			}
			if n := eval[int](t, tab, `document.querySelectorAll('.error-summary li a').length`); n != 3 {
				t.Errorf("the error summary links to %d fields, want 3", n)
			}
			if got := eval[string](t, tab, `document.getElementById('contact-message').value`); got != "Коротко" {
				t.Errorf("the message typed is not kept: %q", got)
			}
			axe(where(c.path+", refused", c.vi))
			html := eval[string](t, tab, `'<!doctype html>\n' + document.documentElement.outerHTML`)
			pages = append(pages, adminPage{name: "contact form, refused", path: c.path, html: html})

			do(t, tab, "correct the form",
				chromedp.SetValue(chromedp.ID("contact-name"), "Айгүл"),
				chromedp.SetValue(chromedp.ID("contact-email"), "aigul@example.kg"),
				chromedp.SetValue(chromedp.ID("contact-message"), "Саламатсызбы! Тренинг качан болот?"))
			// A person takes a few seconds; the form refuses a faster answer.
			time.Sleep(time.Until(opened.Add(3500 * time.Millisecond)))
			if resp := submit(t, tab, "send the form", `form.contact button[type=submit]`); resp.Status != http.StatusOK {
				t.Fatalf("the corrected form: status %d, want 200 after the redirect", resp.Status)
			}
			sent++
			if loc := location(t, tab, s); loc != c.path+"?sent=1#write" {
				t.Errorf("after sending the reader is at %s", loc)
			}
			if got := eval[string](t, tab, `(document.querySelector('[role=status]') || {}).innerText || ''`); !strings.Contains(got, c.want) {
				t.Errorf("the confirmation says %q, want %q", got, c.want)
			}
			axe(where(c.path+", sent", c.vi))
			pages = append(pages, adminPage{name: "contact form, sent", path: c.path + "?sent=1",
				html: eval[string](t, tab, `'<!doctype html>\n' + document.documentElement.outerHTML`)})
		})
	}
	list, err := s.app.Store.Messages(t.Context(), 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	if list.Total != sent {
		t.Errorf("%d messages stored, want %d", list.Total, sent)
	}
	_, errJava := exec.LookPath("java")
	_, errVNU := os.Stat(filepath.Join(testenv.RepoRoot(), "node_modules", "vnu-jar", "build", "dist", "vnu.jar"))
	testenv.Require(t, errJava == nil && errVNU == nil, "java and the Nu Html Checker")
	validateAdminHTML(t, pages)
}
