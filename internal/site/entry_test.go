package site_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/app"
	"github.com/datka-cms/datka/internal/config"
	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/lang"
)

// sectionSlug is the slug in code of the default page with the layout.
func sectionSlug(t *testing.T, a *app.App, layout content.Layout, code string) string {
	t.Helper()
	pages, err := a.Store.Pages(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		if p.Layout == layout {
			return p.Texts[code].Slug
		}
	}
	t.Fatalf("no page with layout %s", layout)
	return ""
}

func get(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec.Code, rec.Body.String()
}

func published(code, slug, title, summary, body string, tags ...string) content.EntryText {
	return content.EntryText{Meta: content.Meta{Lang: code, Slug: slug, Status: content.StatusPublished},
		Title: title, Summary: summary, Body: body, Tags: tags}
}

func TestNewsListsArchivesAndTags(t *testing.T) {
	a := newSite(t, nil)
	ctx := context.Background()
	var extra []content.Entry
	for i := range 25 {
		extra = append(extra, content.Entry{Key: fmt.Sprintf("extra-%d", i), Type: content.EntryNews,
			Date: time.Date(2024, 3, 1+i, 10, 0, 0, 0, time.UTC),
			Texts: map[string]content.EntryText{"ru": published("ru", fmt.Sprintf("extra-%d", i),
				fmt.Sprintf("Дополнительная новость %d", i), "Кратко.", "Текст.", "Тестовый тег")}})
	}
	if err := a.Store.Install(ctx, "ru", nil, nil, extra, nil); err != nil {
		t.Fatal(err)
	}
	news := "/ru/" + sectionSlug(t, a, content.LayoutNews, "ru")
	tagPath := news + "/tag/" + lang.Slugify("ru", "Тестовый тег")
	code, body := get(t, a.Handler, news)
	if code != http.StatusOK || !strings.Contains(body, "Дополнительная новость 24") || strings.Contains(body, "Дополнительная новость 14<") {
		t.Fatalf("GET %s: %d; want the ten newest first", news, code)
	}
	if _, home := get(t, a.Handler, "/ru/"); !strings.Contains(home, "Дополнительная новость 24") || strings.Contains(home, "Дополнительная новость 21<") {
		t.Error("the home page does not show the three latest posts")
	}
	if !strings.Contains(body, `rel="next"`) || !strings.Contains(body, news+"/2024") {
		t.Error("the list links neither its next page nor its years")
	}
	for path, want := range map[string]int{news + "?page=2": 200, news + "?page=3": 200, news + "?page=5": 404, news + "?page=x": 404,
		news + "/2024": 200, news + "/1999": 404, tagPath: 200, news + "/tag/no-such-tag": 404,
		news + "/no-such-post": 404, news + "/a/b/c": 404} {
		if code, _ := get(t, a.Handler, path); code != want {
			t.Errorf("GET %s: %d, want %d", path, code, want)
		}
	}
	_, page3 := get(t, a.Handler, news+"?page=3")
	if !strings.Contains(page3, `rel="prev"`) {
		t.Error("page 3 has no link back")
	}
	_, tag := get(t, a.Handler, tagPath)
	if strings.Count(tag, `class="entry-card"`) != 10 || !strings.Contains(tag, "Тестовый тег") {
		t.Error("the tag page does not list the tagged posts")
	}
	// A post exists in ru only: in ky it is shown from ru with a notice.
	code, body = get(t, a.Handler, news+"/extra-3")
	if code != http.StatusOK || !strings.Contains(body, "Дополнительная новость 3") {
		t.Fatalf("GET post: %d", code)
	}
	kyNews := "/ky/" + sectionSlug(t, a, content.LayoutNews, "ky")
	if code, _ := get(t, a.Handler, kyNews+"/extra-3"); code != http.StatusOK {
		t.Errorf("borrowed post in ky: %d", code)
	}
	_, kyList := get(t, a.Handler, kyNews)
	if !strings.Contains(kyList, `lang="ru"`) {
		t.Error("a borrowed post in the ky list is not marked as Russian")
	}
}

func TestEventsUpcomingAndPast(t *testing.T) {
	a := newSite(t, nil)
	ctx := context.Background()
	soon := time.Now().Add(72 * time.Hour).UTC().Truncate(time.Hour)
	ev := content.Entry{Key: "soon", Type: content.EntryEvent, Start: soon, End: soon.Add(3 * time.Hour),
		OnlineURL: "javascript:alert(1)", RegistrationURL: "https://example.org/register",
		Texts: map[string]content.EntryText{"en": published("en", "soon", "A workshop next week", "Soon.", "Details.")}}
	ev.Texts["en"] = func(t content.EntryText) content.EntryText { t.Place = "Osh"; return t }(ev.Texts["en"])
	if err := a.Store.Install(ctx, "en", nil, nil, []content.Entry{ev}, nil); err != nil {
		t.Fatal(err)
	}
	events := "/en/" + sectionSlug(t, a, content.LayoutEvents, "en")
	_, body := get(t, a.Handler, events)
	up := strings.Index(body, "A workshop next week")
	past := strings.Index(body, `id="list-h"`)
	if up < 0 || past < 0 || up > past {
		t.Fatalf("the coming event is not listed before the past ones (%d, %d)", up, past)
	}
	if _, home := get(t, a.Handler, "/en/"); !strings.Contains(home, "A workshop next week") {
		t.Error("the home page does not show the coming event")
	}
	code, page := get(t, a.Handler, events+"/soon")
	if code != 200 || !strings.Contains(page, "https://example.org/register") || strings.Contains(page, "javascript:") {
		t.Errorf("event page: %d; registration link shown, javascript: link dropped", code)
	}
	ld := jsonLD(t, page)
	if ld["@type"] != "Event" || ld["startDate"] == nil || ld["eventAttendanceMode"] != "https://schema.org/OfflineEventAttendanceMode" {
		t.Errorf("event JSON-LD: %v", ld)
	}
}

var ldRE = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// jsonLD parses a page's structured data.
func jsonLD(t *testing.T, page string) map[string]any {
	t.Helper()
	m := ldRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the page has no JSON-LD")
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(m[1]), &v); err != nil {
		t.Fatalf("JSON-LD does not parse: %v\n%s", err, m[1])
	}
	return v
}

func TestHostileTitleInMetadata(t *testing.T) {
	a := newSite(t, nil)
	title := `</script><script>alert(1)</script>"'&`
	e := content.Entry{Key: "x", Type: content.EntryNews, Date: time.Now(),
		Texts: map[string]content.EntryText{"en": published("en", "x", title, title, "body")}}
	if err := a.Store.Install(context.Background(), "en", nil, nil, []content.Entry{e}, nil); err != nil {
		t.Fatal(err)
	}
	_, page := get(t, a.Handler, "/en/"+sectionSlug(t, a, content.LayoutNews, "en")+"/x")
	if strings.Contains(page, "<script>alert") {
		t.Fatal("a title broke out of the structured data")
	}
	if ld := jsonLD(t, page); ld["headline"] != title || ld["@type"] != "NewsArticle" {
		t.Errorf("headline = %q, type %v", ld["headline"], ld["@type"])
	}
}

func TestLibraryFiltersCombineInTheURL(t *testing.T) {
	a := newSite(t, nil)
	mk := func(key, topic string, year int, groups ...string) content.Entry {
		return content.Entry{Key: key, Type: content.EntryMaterial, Year: year, Topic: topic, Groups: groups,
			DocLangs: []string{"ru"}, VideoURL: "https://video.example.org/" + key,
			Texts: map[string]content.EntryText{"en": published("en", key, "Material "+key, "About "+key, "")}}
	}
	ms := []content.Entry{mk("a", "media", 2020, "media"), mk("b", "media", 2021, "religious", "media"),
		mk("c", "education", 2021, "education-experts")}
	if err := a.Store.Install(context.Background(), "en", nil, nil, ms, nil); err != nil {
		t.Fatal(err)
	}
	lib := "/en/" + sectionSlug(t, a, content.LayoutLibrary, "en")
	for q, want := range map[string][]string{
		"":                                 {"a", "b", "c"},
		"?topic=media":                     {"a", "b"},
		"?topic=media&year=2021":           {"b"},
		"?group=media":                     {"a", "b"},
		"?group=religious&topic=media":     {"b"},
		"?topic=education&group=religious": {},
		"?topic=%3Cscript%3E":              {"a", "b", "c"}, // unknown values are ignored
		"?format=video":                    {"a", "b", "c"},
		"?format=document":                 {},
	} {
		code, body := get(t, a.Handler, lib+q)
		if code != 200 {
			t.Fatalf("GET %s: %d", lib+q, code)
		}
		for _, key := range []string{"a", "b", "c"} {
			listed := strings.Contains(body, `href="`+lib+"/"+key+`"`)
			if listed != slices.Contains(want, key) {
				t.Errorf("GET %s: material %s listed = %v", lib+q, key, listed)
			}
		}
		if strings.Contains(body, "<script>") {
			t.Errorf("GET %s: a filter value came back unescaped", lib+q)
		}
	}
	_, body := get(t, a.Handler, lib+"?topic=media&year=2021")
	if !strings.Contains(body, `<option value="media" selected>`) || !strings.Contains(body, `<option value="2021" selected>`) {
		t.Error("the form does not show the filters in use")
	}
}

type atomDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Links   []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Content struct {
			Type string `xml:"type,attr"`
			Body string `xml:",chardata"`
		} `xml:"content"`
		Links []struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

type sitemapDoc struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc   string `xml:"loc"`
		Links []struct {
			Rel      string `xml:"rel,attr"`
			HrefLang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
	} `xml:"url"`
}

// local turns one of the site's absolute addresses into a path.
func local(t *testing.T, u string) string {
	t.Helper()
	p, err := url.Parse(u)
	if err != nil || p.Scheme != "https" || p.Host != "example.org" {
		t.Fatalf("%q is not an absolute address of the site", u)
	}
	return p.RequestURI()
}

func TestFeedsAndSitemapAreValidAndEveryURLAnswers(t *testing.T) {
	a := newSite(t, nil)
	checked := map[string]bool{}
	answers := func(u string) {
		p := local(t, u)
		if checked[p] {
			return
		}
		checked[p] = true
		if code, _ := get(t, a.Handler, p); code != http.StatusOK {
			t.Errorf("GET %s: %d", p, code)
		}
	}
	for _, code := range []string{"ru", "ky", "en"} {
		rec := httptest.NewRecorder()
		a.Handler.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/"+code+"/feed.atom", nil))
		if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/atom+xml") {
			t.Fatalf("feed %s: %d %s", code, rec.Code, rec.Header().Get("Content-Type"))
		}
		var f atomDoc
		if err := xml.Unmarshal(rec.Body.Bytes(), &f); err != nil {
			t.Fatalf("feed %s does not parse: %v", code, err)
		}
		if f.ID == "" || f.Title == "" || f.Updated == "" || len(f.Entries) < 3 {
			t.Fatalf("feed %s: id %q title %q updated %q, %d entries", code, f.ID, f.Title, f.Updated, len(f.Entries))
		}
		if _, err := time.Parse(time.RFC3339, f.Updated); err != nil {
			t.Errorf("feed %s: updated %q: %v", code, f.Updated, err)
		}
		for _, e := range f.Entries {
			if e.ID == "" || e.Title == "" || e.Content.Type != "html" {
				t.Errorf("feed %s: entry %+v lacks what Atom requires", code, e.ID)
			}
			if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
				t.Errorf("feed %s: entry updated %q: %v", code, e.Updated, err)
			}
			for _, l := range e.Links {
				answers(l.Href)
			}
		}
	}
	rec := httptest.NewRecorder()
	a.Handler.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/sitemap.xml", nil))
	var sm sitemapDoc
	if err := xml.Unmarshal(rec.Body.Bytes(), &sm); err != nil {
		t.Fatalf("sitemap does not parse: %v", err)
	}
	listed := map[string]bool{}
	for _, u := range sm.URLs {
		listed[u.Loc] = true
	}
	if len(sm.URLs) < 30 {
		t.Fatalf("sitemap lists %d URLs", len(sm.URLs))
	}
	withAlternates := 0
	for _, u := range sm.URLs {
		answers(u.Loc)
		if len(u.Links) > 0 {
			withAlternates++
		}
		self := false
		for _, l := range u.Links {
			if !listed[l.Href] {
				t.Errorf("%s: alternate %s is not in the sitemap", u.Loc, l.Href)
			}
			if l.Rel != "alternate" || (l.HrefLang != "ru" && l.HrefLang != "ky" && l.HrefLang != "en") {
				t.Errorf("%s: bad alternate %+v", u.Loc, l)
			}
			self = self || l.Href == u.Loc
		}
		if len(u.Links) > 0 && !self {
			t.Errorf("%s: its alternates do not include itself", u.Loc)
		}
	}
	if withAlternates*2 < len(sm.URLs) {
		t.Errorf("only %d of %d URLs have hreflang alternates", withAlternates, len(sm.URLs))
	}
	_, robots := get(t, a.Handler, "/robots.txt")
	if !strings.Contains(robots, "Sitemap: https://example.org/sitemap.xml") {
		t.Errorf("robots.txt does not name the sitemap:\n%s", robots)
	}
}

func TestContactFormSaysHowLongMessagesAreKept(t *testing.T) {
	a := newSite(t, func(c *config.Config) { c.KeepMessagesDays = 90 })
	_, page := get(t, a.Handler, "/ru/"+sectionSlug(t, a, content.LayoutContacts, "ru"))
	if !strings.Contains(page, "не позже чем через 90 дней") {
		t.Error("the contact form does not say messages are deleted after 90 days")
	}
}
