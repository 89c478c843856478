package admin_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/media/mediatest"
	"github.com/datka-cms/datka/internal/xliff"
)

// sectionSlugs are the slugs of the pages that list entries and of the
// search page, per layout and language.
var sectionSlugs = map[content.Layout]map[string]string{
	content.LayoutNews:    {"ru": "novosti", "ky": "jangylyktar", "en": "news"},
	content.LayoutEvents:  {"ru": "sobytiya", "ky": "ish-charalar", "en": "events"},
	content.LayoutLibrary: {"ru": "biblioteka", "ky": "kitepkana", "en": "library"},
	content.LayoutSearch:  {"ru": "poisk", "ky": "izdoo", "en": "search"},
}

// addSectionPages checks that the default site has the pages that list
// news, events and materials and the search page in every language, and
// records their slugs for the tests' addresses.
func addSectionPages(t *testing.T, s *wfSite) {
	t.Helper()
	pages, err := s.app.Store.Pages(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for layout := range sectionSlugs {
		found := false
		for _, p := range pages {
			if p.Layout != layout {
				continue
			}
			found = true
			for _, code := range []string{"ru", "ky", "en"} {
				if p.Texts[code].Slug == "" {
					t.Fatalf("the %s page has no %s text", layout, code)
				}
				sectionSlugs[layout][code] = p.Texts[code].Slug
			}
		}
		if !found {
			t.Fatalf("the default site has no %s page", layout)
		}
	}
}

var editPathRE = regexp.MustCompile(`^/admin/edit/(\d+)/([a-z]+)$`)

// newEntry creates an item through the new-item form and returns the
// address of its editor and its ID.
func (c *wfClient) newEntry(form url.Values) (string, int64) {
	c.s.t.Helper()
	code, body, loc := c.post("/admin/new", form)
	m := editPathRE.FindStringSubmatch(loc)
	if code != http.StatusSeeOther || m == nil {
		c.s.t.Fatalf("create %s: %d → %q %.600s", form.Get("kind"), code, loc, body)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return loc, id
}

func entryOf(t *testing.T, s *wfSite, id int64) content.Entry {
	t.Helper()
	e, err := s.app.Store.Entry(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// publish posts the editor's form with action publish; it must succeed.
func (c *wfClient) publish(path string, form url.Values) {
	c.s.t.Helper()
	form.Set("action", "publish")
	if code, body, _ := c.post(path, form); code != http.StatusSeeOther {
		c.s.t.Fatalf("publish %s: %d %s", path, code, pageErrors(body))
	}
}

var adminErrorRE = regexp.MustCompile(`(?s)class="(?:error|field-error)"[^>]*>(.*?)<`)

// pageErrors is the messages of an admin page, for failures.
func pageErrors(body string) string {
	var out []string
	for _, m := range adminErrorRE.FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	if len(out) == 0 {
		return strings.TrimSpace(body[:min(len(body), 300)])
	}
	return strings.Join(out, " | ")
}

func mustContain(t *testing.T, what, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}

// TestNewsPostLifecycle is the life of a news post: created through the
// new-item form, drafted, published in Russian and found on the site (its
// address, the news list, a tag, the search page); its date and cover
// changed; translated into Kyrgyz by a translator and published by an
// editor; then the source changes, a revision is restored and a
// translation is scheduled.
func TestNewsPostLifecycle(t *testing.T) {
	s := newWFSite(t)
	addSectionPages(t, s)
	s.addUser("aigul@example.org", content.RoleTranslator, "ky")
	ed := s.signIn("admin@example.org")

	_, form := ed.get("/admin/new")
	for _, kind := range []string{"page", "organisation", "news", "event", "material"} {
		if !strings.Contains(form, `name="kind" value="`+kind+`"`) {
			t.Errorf("the new-item form does not offer %s", kind)
		}
	}
	before := time.Now()
	path, id := ed.newEntry(url.Values{"kind": {"news"}, "title": {"Форум гендерного равенства в Оше"}, "lang": {"ru"}})
	e := entryOf(t, s, id)
	if e.Type != content.EntryNews || e.SourceLang != "ru" || e.Date.Before(before.Add(-time.Second)) || e.Date.After(time.Now()) {
		t.Errorf("the new post: type %s, source %s, date %v", e.Type, e.SourceLang, e.Date)
	}
	f := ed.editorForm(path)
	for _, key := range []string{"f.title", "f.slug", "f.summary", "f.body", "f.tags"} {
		if _, ok := f[key]; !ok {
			t.Errorf("the editor of a news post has no %s: %v", key, f)
		}
	}
	if _, ok := f["f.place"]; ok {
		t.Error("a news post has a place")
	}
	const slug = "forum-gendernogo-ravenstva-v-oshe"
	if f.Get("f.slug") != slug {
		t.Errorf("slug %q", f.Get("f.slug"))
	}
	f.Set("f.summary", "Участники обсудили гендерно чувствительное образование.")
	f.Set("f.body", "В Оше прошёл **форум**.")
	f.Set("f.tags", "Ош\nФорум\nош")
	f.Set("action", "draft")
	if code, body, _ := ed.post(path, f); code != http.StatusSeeOther {
		t.Fatalf("save a draft: %d %s", code, pageErrors(body))
	}
	if got := boardState(t, ed, id, "ru"); got != "draft" {
		t.Errorf("after the draft ru is %q", got)
	}
	public := "/ru/novosti/" + slug
	if code, _ := ed.get(public); code != http.StatusNotFound {
		t.Errorf("a draft answers %d at its public address", code)
	}
	ed.publish(path, ed.editorForm(path))
	if got := boardState(t, ed, id, "ru"); got != "published" {
		t.Errorf("after publishing ru is %q", got)
	}
	code, page := ed.get(public)
	if code != http.StatusOK {
		t.Fatalf("the published post: %d", code)
	}
	mustContain(t, "the post's page", page, "Форум гендерного равенства в Оше", "<strong>форум</strong>", `href="/ru/novosti/tag/osh"`)
	if strings.Count(page, `rel="tag"`) != 2 {
		t.Errorf("the post shows %d tags, want 2 (Ош once)", strings.Count(page, `rel="tag"`))
	}
	_, list := ed.get("/ru/novosti")
	mustContain(t, "the news list", list, `href="`+public+`"`)
	_, tag := ed.get("/ru/novosti/tag/osh")
	mustContain(t, "the tag's list", tag, `href="`+public+`"`)
	_, found := ed.get("/ru/poisk?q=" + url.QueryEscape("равенства"))
	mustContain(t, "the search page", found, `href="`+public+`"`)

	// The structure: a date typed in Bishkek time is stored in UTC and
	// shown back in Bishkek time; the post moves to that year's archive.
	pic := s.uploaded(ed.upload("forum.png", mediatest.PNG(600, 400), map[string]string{"alt.ru": "Участники форума"}))
	code, body, loc := ed.post("/admin/item/"+itoa(id), url.Values{"back": {path}, "lang": {"ru"},
		"date": {"2024-03-08"}, "time": {"10:30"}, "cover": {pic.Name}})
	if code != http.StatusSeeOther || loc != path {
		t.Fatalf("save the structure: %d → %q %s", code, loc, pageErrors(body))
	}
	e = entryOf(t, s, id)
	if want := time.Date(2024, 3, 8, 4, 30, 0, 0, time.UTC); !e.Date.Equal(want) || e.Year != 2024 || e.Cover != pic.Name {
		t.Errorf("stored date %v year %d cover %q; want %v, 2024, %s", e.Date, e.Year, e.Cover, want, pic.Name)
	}
	_, editor := ed.get(path)
	mustContain(t, "the editor", editor, `name="date" type="date" required value="2024-03-08"`, `name="time" type="time" value="10:30"`,
		`<option value="`+pic.Name+`" selected>forum.png (`)
	_, archive := ed.get("/ru/novosti/2024")
	mustContain(t, "the archive of 2024", archive, `href="`+public+`"`)
	_, page = ed.get(public)
	mustContain(t, "the post's page", page, `datetime="2024-03-08"`, `src="/media/`+pic.Key(), `alt="Участники форума"`)
	if _, ok := findAuditWF(t, s, "item_update", "date=2024-03-08T04:30:00Z cover="+pic.Name); !ok {
		t.Error("the audit log lacks the change of the structure")
	}
	// The cover can be pasted as its address too; a variant's name means
	// its original.
	code, body, _ = ed.post("/admin/item/"+itoa(id), url.Values{"back": {path}, "lang": {"ru"},
		"date": {"2024-03-08"}, "time": {"10:30"}, "cover": {""}, "cover_paste": {"http://127.0.0.1/media/" + pic.Variants[0].Name}})
	if code != http.StatusSeeOther || entryOf(t, s, id).Cover != pic.Name {
		t.Errorf("a pasted cover: %d %s, stored %q", code, pageErrors(body), entryOf(t, s, id).Cover)
	}

	// A translator translates into Kyrgyz, beside the Russian original,
	// and may not change the structure; an editor publishes.
	tr := s.signIn("aigul@example.org")
	kyPath := "/admin/edit/" + itoa(id) + "/ky"
	_, kyEditor := tr.get(kyPath)
	mustContain(t, "the Kyrgyz editor", kyEditor, `class="editor side-by-side"`, "Участники обсудили гендерно чувствительное образование.")
	if strings.Contains(kyEditor, `action="/admin/item/`) {
		t.Error("a translator is offered the structure card")
	}
	if code, _, _ := tr.post("/admin/item/"+itoa(id), url.Values{"back": {kyPath}, "date": {"2020-01-01"}}); code != http.StatusForbidden {
		t.Errorf("a translator changing the structure: %d, want 403", code)
	}
	if !entryOf(t, s, id).Date.Equal(time.Date(2024, 3, 8, 4, 30, 0, 0, time.UTC)) {
		t.Error("a translator's refused change was saved")
	}
	ky := tr.editorForm(kyPath)
	ky.Set("f.title", "Ош шаарындагы гендердик теңчилик форуму")
	ky.Set("f.summary", "Катышуучулар гендердик сезимтал билим берүүнү талкуулашты.")
	ky.Set("f.body", "Ошто **форум** өттү.")
	ky.Set("f.tags", "Ош")
	ky.Set("action", "review")
	if code, body, _ := tr.post(kyPath, ky); code != http.StatusSeeOther {
		t.Fatalf("send to review: %d %s", code, pageErrors(body))
	}
	if got := boardState(t, ed, id, "ky"); got != "review" {
		t.Errorf("after review ky is %q", got)
	}
	ky.Set("action", "publish")
	if code, _, _ := tr.post(kyPath, ky); code != http.StatusForbidden {
		t.Errorf("a translator publishing: %d, want 403", code)
	}
	_, dash := ed.get("/admin/")
	mustContain(t, "the dashboard", dash, `Новость: <a href="`+kyPath+`">Ош шаарындагы гендердик теңчилик форуму</a>`)
	ed.publish(kyPath, ed.editorForm(kyPath))
	if got := boardState(t, ed, id, "ky"); got != "published" {
		t.Errorf("after publishing ky is %q", got)
	}
	kyPublic := "/ky/jangylyktar/osh-shaaryndagy-genderdik-tengchilik-forumu"
	if code, body := ed.get(kyPublic); code != http.StatusOK || !strings.Contains(body, "Ошто <strong>форум</strong> өттү.") {
		t.Errorf("the Kyrgyz post: %d", code)
	}
	_, board := ed.get("/admin/board?kind=news")
	mustContain(t, "the board filtered to news", board, `<option value="news" selected>Новость</option>`, "Форум гендерного равенства в Оше", "<td>Новость</td>")
	if strings.Contains(board, "<td>Страница</td>") {
		t.Error("the board filtered to news lists pages")
	}

	// The source changes: the translation is outdated, and its editor
	// shows what changed.
	ru := ed.editorForm(path)
	ru.Set("f.body", "В Оше прошёл **форум** о равенстве.")
	ed.publish(path, ru)
	if got := boardState(t, ed, id, "ky"); got != "outdated" {
		t.Errorf("after the source changed ky is %q", got)
	}
	_, kyEditor = ed.get(kyPath)
	mustContain(t, "the outdated Kyrgyz editor", kyEditor, `id="changes-h"`, "о равенстве.")

	// Revisions: the diff of the newest, and a restore of the first.
	_, editor = ed.get(path)
	revs := regexp.MustCompile(`/admin/revisions/(\d+)`).FindAllStringSubmatch(editor, -1)
	if len(revs) < 3 {
		t.Fatalf("%d revisions listed", len(revs))
	}
	_, diff := ed.get("/admin/revisions/" + revs[0][1])
	mustContain(t, "the newest revision", diff, `<span class="dadd">&#43; В Оше прошёл **форум** о равенстве.</span>`)
	if code, _, _ := ed.post("/admin/revisions/"+revs[len(revs)-1][1]+"/restore", url.Values{}); code != http.StatusSeeOther {
		t.Fatalf("restore: %d", code)
	}
	if got := ed.editorForm(path).Get("f.body"); got != "" {
		t.Errorf("the restored first draft's body is %q, want empty", got)
	}

	// A translation scheduled for publication is on the dashboard, named
	// and linked.
	enPath := "/admin/edit/" + itoa(id) + "/en"
	en := ed.editorForm(enPath)
	en.Set("f.title", "Gender equality forum in Osh")
	en.Set("action", "schedule_publish")
	en.Set("publish_at", "2099-01-01T09:00")
	if code, body, _ := ed.post(enPath, en); code != http.StatusSeeOther {
		t.Fatalf("schedule: %d %s", code, pageErrors(body))
	}
	_, dash = ed.get("/admin/")
	mustContain(t, "the dashboard", dash, `Новость: <a href="`+enPath+`">Форум гендерного равенства в Оше</a>`)
	if n := runJobs(t, s.app, time.Date(2099, 1, 1, 3, 0, 0, 0, time.UTC)); n != 1 {
		t.Fatalf("%d plans ran, want 1", n)
	}
	if code, _ := ed.get("/en/news/gender-equality-forum-in-osh"); code != http.StatusOK {
		t.Errorf("the English post published by the schedule: %d", code)
	}

	// Taken off the site in Russian: its Russian address no longer
	// shows it.
	ed.post(path, url.Values{"action": {"unpublish"}})
	if code, _ := ed.get(public); code == http.StatusOK {
		t.Error("the unpublished post still answers 200")
	}
}

func findAuditWF(t *testing.T, s *wfSite, action, detail string) (content.AuditEntry, bool) {
	t.Helper()
	es, err := s.app.Store.AuditLog(context.Background(), 1000, 0)
	if err != nil {
		t.Fatal(err)
	}
	return findAudit(es, action, detail)
}

// TestEventStructure creates an event with its times, shows it as
// upcoming, and refuses structure that makes no sense without saving any
// of it.
func TestEventStructure(t *testing.T) {
	s := newWFSite(t)
	addSectionPages(t, s)
	ed := s.signIn("admin@example.org")
	bishkek, _ := time.LoadLocation("Asia/Bishkek")
	day := time.Now().In(bishkek).AddDate(0, 1, 0).Format("2006-01-02")
	next := time.Now().In(bishkek).AddDate(0, 1, 1).Format("2006-01-02")

	refused := []struct {
		name    string
		form    url.Values
		message string
	}{
		{"no start", url.Values{}, "Укажите дату."},
		{"no start time", url.Values{"start_date": {day}}, "Укажите время начала."},
		{"end before start", url.Values{"start_date": {next}, "start_time": {"10:00"}, "end_date": {day}}, "Окончание не может быть раньше начала."},
		{"a date that is none", url.Values{"start_date": {"2026-02-30"}, "start_time": {"10:00"}}, "Укажите дату в виде 2026-03-08"},
	}
	for _, tt := range refused {
		t.Run("new, "+tt.name, func(t *testing.T) {
			tt.form.Set("kind", "event")
			tt.form.Set("title", "Круглый стол")
			tt.form.Set("lang", "ru")
			code, body, _ := ed.post("/admin/new", tt.form)
			if code != http.StatusUnprocessableEntity || !strings.Contains(body, tt.message) {
				t.Errorf("%d %s", code, pageErrors(body))
			}
			if !strings.Contains(body, `value="Круглый стол"`) {
				t.Error("the title typed is lost")
			}
		})
	}
	if items, _ := s.app.Store.Board(context.Background()); len(items) > 0 {
		for _, it := range items {
			if it.Kind == "event" && it.Titles["ru"] == "Круглый стол" {
				t.Fatalf("a refused event was created: %+v", it)
			}
		}
	}

	path, id := ed.newEntry(url.Values{"kind": {"event"}, "title": {"Круглый стол о гендерном образовании"}, "lang": {"ru"},
		"start_date": {day}, "start_time": {"10:00"}, "end_date": {next}, "end_time": {"17:30"}})
	e := entryOf(t, s, id)
	start, _ := time.ParseInLocation("2006-01-02 15:04", day+" 10:00", bishkek)
	end, _ := time.ParseInLocation("2006-01-02 15:04", next+" 17:30", bishkek)
	if !e.Start.Equal(start) || !e.End.Equal(end) || e.Start.Location() != time.UTC {
		t.Errorf("stored %v – %v, want %v – %v in UTC", e.Start, e.End, start.UTC(), end.UTC())
	}
	f := ed.editorForm(path)
	if _, ok := f["f.place"]; !ok {
		t.Fatalf("the editor of an event has no place: %v", f)
	}
	f.Set("f.place", "Бишкек, Дом дружбы")
	f.Set("f.body", "Приглашаем экспертов в сфере образования.")
	ed.publish(path, f)
	_, list := ed.get("/ru/sobytiya")
	upcoming, _, _ := strings.Cut(list, `id="list-h"`)
	mustContain(t, "the upcoming events", upcoming, `id="upcoming-h"`, "Круглый стол о гендерном образовании", "Бишкек, Дом дружбы")
	_, editor := ed.get(path)
	mustContain(t, "the editor", editor, `name="start_date" type="date" required value="`+day+`"`, `name="start_time" type="time" required value="10:00"`,
		`name="end_time" type="time" value="17:30"`)

	doc := s.uploaded(ed.upload("programme.pdf", mediatest.PDF(), nil))
	valid := func() url.Values {
		return url.Values{"back": {path}, "lang": {"ru"}, "start_date": {day}, "start_time": {"10:00"},
			"end_date": {next}, "end_time": {"17:30"}, "online_url": {"https://meet.example.org/round-table"}}
	}
	bad := []struct {
		name, field, value, message string
	}{
		{"end before start", "end_date", time.Now().In(bishkek).AddDate(0, 0, 2).Format("2006-01-02"), "Окончание не может быть раньше начала."},
		{"a javascript: link", "online_url", "javascript:alert(1)", "https:// или http://"},
		{"a registration link without a host", "registration_url", "https:///register", "https:// или http://"},
		{"a link too long", "registration_url", "https://example.org/" + strings.Repeat("a", 490), "не длиннее 500 знаков"},
		{"an unknown cover", "cover", "0123456789abcdef0123456789abcdef.jpg", "В медиатеке нет такого изображения."},
		{"a pasted cover that is no library file", "cover_paste", "/static/logo.png", "В медиатеке нет такого изображения."},
		{"a cover that is a document", "cover", doc.Name, "обложкой может быть только изображение"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			form := valid()
			form.Set(tt.field, tt.value)
			code, body, _ := ed.post("/admin/item/"+itoa(id), form)
			if code != http.StatusUnprocessableEntity {
				t.Fatalf("%d, want 422", code)
			}
			mustContain(t, "the refusal", body, tt.message, "Исправьте отмеченные поля", `aria-invalid="true"`)
			if tt.field != "cover" && !strings.Contains(body, `value="`+html.EscapeString(tt.value)+`"`) {
				t.Errorf("the value typed is not shown back")
			}
			if got := entryOf(t, s, id); !got.Start.Equal(e.Start) || !got.End.Equal(e.End) || got.OnlineURL != "" || got.Cover != "" {
				t.Errorf("a refused form changed the event: %+v", got)
			}
		})
	}
	if code, body, _ := ed.post("/admin/item/"+itoa(id), valid()); code != http.StatusSeeOther {
		t.Fatalf("a valid form: %d %s", code, pageErrors(body))
	}
	if got := entryOf(t, s, id); got.OnlineURL != "https://meet.example.org/round-table" {
		t.Errorf("online link %q", got.OnlineURL)
	}
	_, page := ed.get("/ru/sobytiya/kruglyy-stol-o-gendernom-obrazovanii")
	mustContain(t, "the event's page", page, `href="https://meet.example.org/round-table"`)

	s.addUser("aigul@example.org", content.RoleTranslator, "ky")
	tr := s.signIn("aigul@example.org")
	if code, _, _ := tr.post("/admin/item/"+itoa(id), valid()); code != http.StatusForbidden {
		t.Errorf("a translator changing an event: %d, want 403", code)
	}
	if code, _ := tr.get("/admin/new?kind=event"); code != http.StatusForbidden {
		t.Errorf("a translator opening the new-item form: %d, want 403", code)
	}
}

// TestMaterialInLibrary makes a material of a document uploaded to the
// media library: it is not published without its file, then shows its
// type and size in the library and answers the library's filters.
func TestMaterialInLibrary(t *testing.T) {
	s := newWFSite(t)
	addSectionPages(t, s)
	ed := s.signIn("admin@example.org")
	doc := s.uploaded(ed.upload("Руководство для учителей.pdf", mediatest.PDF(), nil))
	pic := s.uploaded(ed.upload("photo.png", mediatest.PNG(40, 30), map[string]string{"alt.ru": "Фото"}))

	path, id := ed.newEntry(url.Values{"kind": {"material"}, "title": {"Руководство по гендерно чувствительному обучению"}, "lang": {"ru"}})
	f := ed.editorForm(path)
	for _, key := range []string{"f.place", "f.tags"} {
		if _, ok := f[key]; ok {
			t.Errorf("a material has %s", key)
		}
	}
	f.Set("f.summary", "Пособие для школ.")
	f.Set("action", "publish")
	code, body, _ := ed.post(path, f)
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, "Материал не опубликован: у него нет ни файла, ни ссылки на видео.") {
		t.Fatalf("publishing a material with no file: %d %s", code, pageErrors(body))
	}
	if got := boardState(t, ed, id, "ru"); got != "draft" {
		t.Errorf("the refused text is %q, want kept as a draft", got)
	}
	f.Set("action", "schedule_publish")
	f.Set("publish_at", "2099-01-01T09:00")
	if code, body, _ := ed.post(path, f); code != http.StatusUnprocessableEntity || !strings.Contains(body, "Материал не опубликован") {
		t.Errorf("scheduling a material with no file: %d %s", code, pageErrors(body))
	}
	if plans, _ := s.app.Store.ScheduledItems(context.Background(), id); len(plans) > 0 {
		t.Errorf("a material with no file was scheduled: %+v", plans)
	}
	if got := ed.editorForm(path).Get("f.summary"); got != "Пособие для школ." {
		t.Errorf("the refused text lost what was typed: %q", got)
	}
	_, editor := ed.get(path)
	mustContain(t, "the material's editor", editor, `<option value="`+doc.Name+`">Руководство для учителей.pdf (`)
	if strings.Contains(editor, `<option value="`+pic.Name+`"`) {
		t.Error("images are offered as a material's file")
	}

	valid := func() url.Values {
		return url.Values{"back": {path}, "lang": {"ru"}, "file": {doc.Name}, "year": {"2023"}, "topic": {"education"},
			"groups": {"media", "religious"}, "doc_langs": {"ru", "ky"}}
	}
	bad := []struct {
		name, field string
		values      []string
		message     string
	}{
		{"an image as the file", "file", []string{pic.Name}, "выберите документ"},
		{"an unknown file", "file", []string{"0123456789abcdef0123456789abcdef.pdf"}, "В медиатеке нет такого документа."},
		{"a year too early", "year", []string{"1800"}, "от 1900 до 2100"},
		{"no year", "year", []string{""}, "от 1900 до 2100"},
		{"an unknown topic", "topic", []string{"cooking"}, "Форму не удалось прочитать"},
		{"an unknown group", "groups", []string{"media", "everyone"}, "Форму не удалось прочитать"},
		{"an unknown language", "doc_langs", []string{"de"}, "Форму не удалось прочитать"},
		{"a video link that is no web address", "video_url", []string{"ftp://example.org/film.mp4"}, "https:// или http://"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			form := valid()
			form[tt.field] = tt.values
			code, body, _ := ed.post("/admin/item/"+itoa(id), form)
			if code != http.StatusUnprocessableEntity || !strings.Contains(body, tt.message) {
				t.Fatalf("%d %s", code, pageErrors(body))
			}
			if got := entryOf(t, s, id); got.File != "" || got.Topic != "" || len(got.Groups) > 0 {
				t.Errorf("a refused form changed the material: %+v", got)
			}
		})
	}
	if code, body, _ := ed.post("/admin/item/"+itoa(id), valid()); code != http.StatusSeeOther {
		t.Fatalf("a valid form: %d %s", code, pageErrors(body))
	}
	e := entryOf(t, s, id)
	if e.File != doc.Name || e.Year != 2023 || e.Topic != "education" || strings.Join(e.Groups, " ") != "religious media" ||
		strings.Join(e.DocLangs, " ") != "ru ky" {
		t.Errorf("stored %+v", e)
	}
	_, editor = ed.get(path)
	mustContain(t, "the material's editor", editor, `<option value="education" selected>Гендерно чувствительное образование</option>`,
		`name="groups" value="religious" checked> Религиозные организации и духовенство`, `name="doc_langs" value="ky" checked>`,
		`name="year" type="number" min="1900" max="2100" required value="2023"`)
	ed.publish(path, ed.editorForm(path))

	_, library := ed.get("/ru/biblioteka")
	mustContain(t, "the library", library, "Руководство по гендерно чувствительному обучению", " · PDF, ")
	size := regexp.MustCompile(`PDF, (\d+(?:,\d)? (?:Б|КБ|МБ))`).FindStringSubmatch(library)
	if size == nil {
		t.Errorf("the library shows no size of the PDF")
	}
	filters := []struct {
		query string
		shown bool
	}{
		{"topic=education", true},
		{"topic=media", false},
		{"group=religious", true},
		{"group=state-bodies", false},
		{"topic=education&group=media&lang=ky", true},
		{"lang=en", false},
		{"format=document&year=2023", true},
		{"format=video", false},
	}
	for _, tt := range filters {
		_, body := ed.get("/ru/biblioteka?" + tt.query)
		if got := strings.Contains(body, "Руководство по гендерно чувствительному обучению"); got != tt.shown {
			t.Errorf("?%s: shown %t, want %t", tt.query, got, tt.shown)
		}
	}
	_, page := ed.get("/ru/biblioteka/rukovodstvo-po-genderno-chuvstvitelnomu-obucheniyu")
	mustContain(t, "the material's page", page, `href="/media/`+doc.Name+`"`, "Религиозные организации и духовенство")

	// Once published, it cannot lose both its file and its video.
	form := valid()
	form.Set("file", "")
	if code, body, _ := ed.post("/admin/item/"+itoa(id), form); code != http.StatusUnprocessableEntity ||
		!strings.Contains(body, "нет ни файла, ни ссылки на видео") {
		t.Errorf("removing the file of a published material: %d %s", code, pageErrors(body))
	}
	form.Set("video_url", "https://video.example.org/watch?v=42")
	if code, body, _ := ed.post("/admin/item/"+itoa(id), form); code != http.StatusSeeOther {
		t.Errorf("a video instead of the file: %d %s", code, pageErrors(body))
	}
	// The media library says where the document was used.
	ed.post("/admin/item/"+itoa(id), valid())
	_, item := ed.get("/admin/media/" + itoa(doc.ID))
	mustContain(t, "the document's page", item, `href="/admin/edit/`+itoa(id)+`/ru"`, "Материал")
}

// TestEntryXLIFFRoundTrip exports a news post and an event for Kyrgyz,
// translates every field (tags and place included) and imports them.
func TestEntryXLIFFRoundTrip(t *testing.T) {
	s := newWFSite(t)
	addSectionPages(t, s)
	s.addUser("aigul@example.org", content.RoleTranslator, "ky")
	ed := s.signIn("admin@example.org")
	newsPath, newsID := ed.newEntry(url.Values{"kind": {"news"}, "title": {"Тренинг для журналистов"}, "lang": {"ru"}})
	f := ed.editorForm(newsPath)
	f.Set("f.summary", "Журналисты учились писать без стереотипов.")
	f.Set("f.tags", "СМИ\nТренинг")
	ed.publish(newsPath, f)
	eventPath, eventID := ed.newEntry(url.Values{"kind": {"event"}, "title": {"Встреча с духовенством"}, "lang": {"ru"},
		"start_date": {"2030-05-14"}, "start_time": {"11:00"}})
	f = ed.editorForm(eventPath)
	f.Set("f.place", "Каракол")
	ed.publish(eventPath, f)

	tr := s.signIn("aigul@example.org")
	doc := tr.xliffExport("lang=ky&state=missing")
	news := xliffFile(t, doc, "news-"+itoa(newsID))
	event := xliffFile(t, doc, "event-"+itoa(eventID))
	if xliffUnit(t, news, "tags").Source != "СМИ\nТренинг" || xliffUnit(t, event, "place").Source != "Каракол" {
		t.Error("the export lacks the tags or the place")
	}
	for _, u := range event.Units {
		if u.ID == "tags" {
			t.Error("the event's empty tags were exported")
		}
	}
	targets := map[string]string{"summary": "Журналисттер стереотипсиз жазууну үйрөнүштү.", "tags": "ЖМК\nТренинг", "place": "Каракол шаары"}
	for _, f := range []*xliff.File{news, event} {
		for i := range f.Units {
			if v, ok := targets[f.Units[i].ID]; ok {
				f.Units[i].Target, f.Units[i].HasTarget = v, true
			}
		}
	}
	title := xliffUnit(t, news, "title")
	title.Target, title.HasTarget = "Журналисттер үчүн тренинг", true
	title = xliffUnit(t, event, "title")
	title.Target, title.HasTarget = "Дин кызматкерлери менен жолугушуу", true
	code, report := tr.xliffUpload("/admin/xliff/import", "ky.xlf", xliffEncode(t, doc))
	if code != http.StatusOK {
		t.Fatalf("import: %d %s", code, pageErrors(report))
	}
	for _, id := range []int64{newsID, eventID} {
		if got := boardState(t, ed, id, "ky"); got != "review" {
			t.Errorf("item %d in ky is %q, want review", id, got)
		}
	}
	ed.publish("/admin/edit/"+itoa(newsID)+"/ky", ed.editorForm("/admin/edit/"+itoa(newsID)+"/ky"))
	ed.publish("/admin/edit/"+itoa(eventID)+"/ky", ed.editorForm("/admin/edit/"+itoa(eventID)+"/ky"))
	n := entryOf(t, s, newsID).Texts["ky"]
	if n.Title != "Журналисттер үчүн тренинг" || strings.Join(n.Tags, "|") != "ЖМК|Тренинг" || n.Slug != "jurnalistter-uchun-trening" {
		t.Errorf("the Kyrgyz news text: %+v", n)
	}
	ev := entryOf(t, s, eventID).Texts["ky"]
	if ev.Place != "Каракол шаары" || ev.Title != "Дин кызматкерлери менен жолугушуу" {
		t.Errorf("the Kyrgyz event text: %+v", ev)
	}
	if code, body := ed.get("/ky/jangylyktar/jurnalistter-uchun-trening"); code != http.StatusOK || !strings.Contains(body, ">ЖМК</a>") {
		t.Errorf("the Kyrgyz post: %d", code)
	}
}

// TestLinksToEntries: the editor's helpers take a link to an entry under
// the page that lists its type as sound, and any other as broken.
func TestLinksToEntries(t *testing.T) {
	s := newWFSite(t)
	addSectionPages(t, s)
	ed := s.signIn("admin@example.org")
	newsPath, _ := ed.newEntry(url.Values{"kind": {"news"}, "title": {"Итоги года"}, "lang": {"ru"}})
	f := ed.editorForm(newsPath)
	f.Set("f.tags", "Итоги")
	ed.publish(newsPath, f)
	year := strconv.Itoa(time.Now().In(time.FixedZone("", 6*3600)).Year())

	pagePath, _ := ed.newEntry(url.Values{"kind": {"page"}, "title": {"Ссылки"}, "lang": {"ru"}})
	links := []struct {
		link   string
		broken bool
	}{
		{"/ru/novosti/itogi-goda", false},
		{"/ru/novosti/itogi-goda?x=1#top", false},
		{"/ky/jangylyktar/itogi-goda", false}, // another language's address: redirected
		{"/ru/novosti/" + year, false},
		{"/ru/novosti/tag/itogi", false},
		{"/ru/novosti/net-takoy-novosti", true},
		{"/ru/sobytiya/itogi-goda", true}, // a news post is not an event
		{"/ru/biblioteka/itogi-goda", true},
		{"/ru/novosti/tag/net-takogo-tega", true},
		{"/ru/novosti/1999", true},
		{"/ru/novosti/itogi-goda/lishnee", true},
		{"/ru/o-proekte/itogi-goda", true},
	}
	var body strings.Builder
	for i, l := range links {
		body.WriteString("[ссылка " + strconv.Itoa(i) + "](" + l.link + ")\n\n")
	}
	f = ed.editorForm(pagePath)
	f.Set("f.body", body.String())
	f.Set("action", "draft")
	ed.post(pagePath, f)
	_, editor := ed.get(pagePath)
	for _, l := range links {
		warned := strings.Contains(editor, "ссылка "+l.link+" ведёт на несуществующую страницу")
		if warned != l.broken {
			t.Errorf("%s: warned %t, want %t", l.link, warned, l.broken)
		}
	}
}
