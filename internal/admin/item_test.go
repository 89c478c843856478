package admin_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/datka-cms/datka/internal/content"
)

func TestCreatePageAndOrganisation(t *testing.T) {
	s := newWFSite(t)
	s.addUser("aigul@example.org", content.RoleTranslator, "ky")
	ed := s.signIn("admin@example.org")

	code, _, loc := ed.post("/admin/new", url.Values{"kind": {"page"}, "title": {"Гендерная политика на местах"}, "lang": {"ru"}})
	if code != http.StatusSeeOther || !strings.HasSuffix(loc, "/ru") {
		t.Fatalf("create page: %d %q", code, loc)
	}
	form := ed.editorForm(loc)
	if form.Get("f.slug") != "gendernaya-politika-na-mestakh" {
		t.Errorf("slug %q", form.Get("f.slug"))
	}
	form.Set("f.body", "Текст новой страницы.")
	form.Set("action", "publish")
	if code, body, _ := ed.post(loc, form); code != http.StatusSeeOther {
		t.Fatalf("publish: %d %.300s", code, body)
	}
	if code, body := ed.get("/ru/gendernaya-politika-na-mestakh"); code != http.StatusOK || !strings.Contains(body, "Текст новой страницы.") {
		t.Errorf("the new page: %d", code)
	}
	// Put it in the menu.
	id := regexp.MustCompile(`/admin/edit/(\d+)/`).FindStringSubmatch(loc)[1]
	if code, _, _ := ed.post("/admin/item/"+id, url.Values{"position": {"5"}, "in_menu": {"1"}, "back": {loc}}); code != http.StatusSeeOther {
		t.Fatalf("item settings: %d", code)
	}
	if _, home := ed.get("/ru/"); !strings.Contains(home, `href="/ru/gendernaya-politika-na-mestakh"`) {
		t.Error("the page is not in the menu")
	}
	// The Kyrgyz reader sees the Russian text with a notice until it is translated.
	if code, body := ed.get("/ky/gendernaya-politika-na-mestakh"); code != http.StatusOK || !strings.Contains(body, `<article lang="ru">`) {
		t.Errorf("Kyrgyz fallback: %d", code)
	}

	code, _, loc = ed.post("/admin/new", url.Values{"kind": {"organisation"}, "title": {"Ministry of Health"}, "lang": {"en"}, "role": {"government_partner"}})
	if code != http.StatusSeeOther {
		t.Fatalf("create organisation: %d", code)
	}
	code, _, _ = ed.post(loc, url.Values{"f.name": {"Ministry of Health"}, "f.slug": {""}, "action": {"add_section"}})
	if code != http.StatusSeeOther {
		t.Fatalf("add section: %d", code)
	}
	form = ed.editorForm(loc)
	if _, ok := form["f.section.1.heading"]; !ok {
		t.Fatalf("no second section after adding one: %v", form)
	}
	form.Set("f.section.0.heading", "Tasks")
	form.Set("f.section.0.items", "Health policy\nPublic health")
	form.Set("action", "publish")
	if code, body, _ := ed.post(loc, form); code != http.StatusSeeOther {
		t.Fatalf("publish organisation: %d %.300s", code, body)
	}
	orgIDs := regexp.MustCompile(`/admin/edit/(\d+)/`).FindStringSubmatch(loc)[1]
	if code, _, _ := ed.post("/admin/item/"+orgIDs, url.Values{"position": {"15"}, "website": {"javascript:alert(1)"}}); code != http.StatusUnprocessableEntity {
		t.Errorf("a javascript: website: %d, want 422", code)
	}
	ed.post("/admin/item/"+orgIDs, url.Values{"position": {"15"}, "website": {"https://health.gov.kg"}, "role": {"government_partner"}})
	if code, body := ed.get("/en/government-bodies/ministry-of-health"); code != http.StatusOK ||
		!strings.Contains(body, "Public health") || !strings.Contains(body, `href="https://health.gov.kg"`) {
		t.Errorf("the new body's page: %d", code)
	}
	if _, list := ed.get("/en/government-bodies"); !strings.Contains(list, "6 government bodies") {
		t.Error("the list does not count the new body")
	}
	// Translators create nothing.
	if code, _, _ := s.signIn("aigul@example.org").post("/admin/new", url.Values{"kind": {"page"}, "title": {"Жаңы"}, "lang": {"ky"}}); code != http.StatusForbidden {
		t.Errorf("a translator creating a page: %d, want 403", code)
	}
}
