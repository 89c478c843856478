package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestLanguageSwitchKeepsPlace opens a government body's page in Russian
// and follows the language switcher: the reader must land on the same body
// in Kyrgyz and in English, not on a home page.
func TestLanguageSwitchKeepsPlace(t *testing.T) {
	s := startSite(t)
	body, path := s.governmentBody(t)

	tab := newTab(t)
	for _, to := range []string{"ky", "en"} {
		t.Run("ru to "+to, func(t *testing.T) {
			do(t, tab, "open the Russian page", chromedp.Navigate(s.URL+path("ru")))
			if got := eval[string](t, tab, `document.documentElement.lang`); got != "ru" {
				t.Fatalf("%s: html lang = %q, want ru", path("ru"), got)
			}
			link := chromedp.CSS(`nav.langs a[hreflang="` + to + `"]`)
			_, err := chromedp.Run(tab, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(link)))
			if err != nil {
				t.Fatalf("click the %s switcher link: %v", to, err)
			}
			loc := run(t, tab, "location", chromedp.Location())
			if want := s.URL + path(to); loc != want {
				t.Errorf("after the switch: URL %s, want %s", loc, want)
			}
			if got := eval[string](t, tab, `document.documentElement.lang`); got != to {
				t.Errorf("after the switch to %s: html lang = %q", to, got)
			}
			h1 := strings.Join(strings.Fields(eval[string](t, tab, `document.querySelector('h1').textContent`)), " ")
			if want := body.Texts[to].Name; h1 != want {
				t.Errorf("after the switch to %s: h1 %q, want %q", to, h1, want)
			}
		})
	}
}
