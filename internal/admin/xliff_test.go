package admin_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/xliff"
)

// xliffUpload posts data as the file of the import form, as a same-origin
// browser would.
func (c *wfClient) xliffUpload(path, name string, data []byte) (int, string) {
	c.s.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		c.s.t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	resp, b := c.send(http.MethodPost, path, mw.FormDataContentType(), &buf)
	return resp.StatusCode, string(b)
}

// xliffExport downloads an export and decodes it.
func (c *wfClient) xliffExport(query string) *xliff.Document {
	c.s.t.Helper()
	resp, body := c.fetch("/admin/xliff/export?" + query)
	if resp.StatusCode != http.StatusOK {
		c.s.t.Fatalf("export %s: %d %.300s", query, resp.StatusCode, body)
	}
	doc, err := xliff.Decode(bytes.NewReader(body))
	if err != nil {
		c.s.t.Fatalf("the export does not decode: %v\n%.2000s", err, body)
	}
	return doc
}

func xliffEncode(t *testing.T, d *xliff.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := xliff.Encode(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func xliffPageID(t *testing.T, s *wfSite, key string) int64 {
	t.Helper()
	pages, err := s.app.Store.Pages(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		if p.Key == key {
			return p.ID
		}
	}
	t.Fatalf("no page %q", key)
	return 0
}

func xliffFile(t *testing.T, d *xliff.Document, id string) *xliff.File {
	t.Helper()
	for i := range d.Files {
		if d.Files[i].ID == id {
			return &d.Files[i]
		}
	}
	t.Fatalf("the document has no file %q (it has %d)", id, len(d.Files))
	return nil
}

func xliffUnit(t *testing.T, f *xliff.File, id string) *xliff.Unit {
	t.Helper()
	for i := range f.Units {
		if f.Units[i].ID == id {
			return &f.Units[i]
		}
	}
	t.Fatalf("file %s has no unit %q", f.ID, id)
	return nil
}

func xliffDraftCount(t *testing.T, s *wfSite) int {
	t.Helper()
	var n int
	for _, db := range s.app.Store.Pools() { // any of them reads
		if err := db.QueryRow(`SELECT count(*) FROM drafts`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		break
	}
	return n
}

// TestXLIFFRoundTrip is the scenario: two Kyrgyz texts are gone,
// a Kyrgyz translator exports what is missing, translates it in a tool,
// imports it; the board shows both waiting for review, and once an editor
// publishes them the site shows them.
func TestXLIFFRoundTrip(t *testing.T) {
	s := newWFSite(t)
	s.addUser("aigul@example.org", content.RoleTranslator, "ky")
	s.addUser("editor@example.org", content.RoleEditor)
	ctx := context.Background()
	org := orgID(t, s.app, "danilo-dolci")
	about := xliffPageID(t, s, "about")
	if err := s.app.Store.DeleteOrganisationText(ctx, org, "ky"); err != nil {
		t.Fatal(err)
	}
	if err := s.app.Store.DeletePageText(ctx, about, "ky"); err != nil {
		t.Fatal(err)
	}

	tr := s.signIn("aigul@example.org")
	if _, board := tr.get("/admin/board"); !strings.Contains(board, `action="/admin/xliff/export"`) || !strings.Contains(board, `enctype="multipart/form-data"`) {
		t.Fatal("the board offers no export and import forms")
	}
	resp, body := tr.fetch("/admin/xliff/export?lang=ky&state=missing")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("export: %d %.300s", resp.StatusCode, body)
	}
	wantName := `attachment; filename="datka-ky-` + time.Now().In(time.UTC).Format("2006-01") // the day depends on the zone
	if cd := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, wantName) || !strings.HasSuffix(cd, `.xlf"`) {
		t.Errorf("Content-Disposition %q", cd)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/xliff+xml") {
		t.Errorf("Content-Type %q", ct)
	}
	doc, err := xliff.Decode(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("the export does not decode: %v", err)
	}
	if doc.SrcLang != "ru" || doc.TrgLang != "ky" || doc.Version != "2.0" {
		t.Errorf("languages %s → %s, version %s", doc.SrcLang, doc.TrgLang, doc.Version)
	}
	for _, f := range doc.Files {
		if st, _ := f.Note("datka:state"); st != "missing" {
			t.Errorf("file %s is %q, only missing texts were asked for", f.ID, st)
		}
	}
	ru, err := s.app.Store.Organisation(ctx, org)
	if err != nil {
		t.Fatal(err)
	}
	of := xliffFile(t, doc, "organisation-"+itoa(org))
	pf := xliffFile(t, doc, "page-"+itoa(about))
	if rev, _ := of.Note("datka:source-rev"); rev != "1" {
		t.Errorf("source-rev %q, want 1", rev)
	}
	name := xliffUnit(t, of, "name")
	if name.Source != ru.Texts["ru"].Name || name.HasTarget {
		t.Errorf("name unit: %+v, want the Russian name and no target", name)
	}
	for _, u := range append(of.Units, pf.Units...) {
		if u.ID == "slug" {
			t.Error("the slug is offered for translation")
		}
		if u.Source == "" {
			t.Errorf("unit %s has an empty source", u.ID)
		}
	}
	if body := xliffUnit(t, pf, "body"); !strings.Contains(body.Source, "\n\n## ") {
		t.Errorf("the body lost its line breaks: %.200q", body.Source)
	}

	// The translator's tool fills the targets; the summary is left
	// untranslated.
	for _, f := range []*xliff.File{of, pf} {
		for i := range f.Units {
			u := &f.Units[i]
			switch u.ID {
			case "name":
				u.Target = "Данило Дольчи атындагы чыгармачыл өнүгүү борбору"
			case "title":
				u.Target = "Долбоор жөнүндө"
			case "summary":
				if f == of {
					continue
				}
				u.Target = "Долбоор тууралуу кыскача маалымат (XLIFF)."
			case "body":
				u.Target = "## Долбоорду ким ишке ашырат\n\nXLIFF аркылуу которулган текст.\n"
			default:
				u.Target = u.Source + " (кырг.)"
			}
			u.HasTarget = true
		}
	}
	code, report := tr.xliffUpload("/admin/xliff/import", "datka-ky.xlf", xliffEncode(t, doc))
	if code != http.StatusOK {
		t.Fatalf("import: %d %.2000s", code, report)
	}
	if !strings.Contains(report, "Сохранено на проверку: 2.") {
		t.Errorf("the report does not count what was saved: %.3000s", report)
	}
	if !strings.Contains(report, "в файле нет перевода: оставлено как было") || !strings.Contains(report, "dolboor-jonundo") {
		t.Errorf("the report does not explain the fields: %.3000s", report)
	}
	for _, id := range []int64{org, about} {
		if got := boardState(t, tr, id, "ky"); got != "review" {
			t.Errorf("item %d: ky is %q after the import, want review", id, got)
		}
		d, err := s.app.Store.Draft(ctx, id, "ky")
		if err != nil || d.Status != content.StatusReview || d.SourceRev != 1 {
			t.Errorf("item %d: draft %+v, %v; want in review, made from source revision 1", id, d, err)
		}
	}
	d, _ := s.app.Store.Draft(ctx, about, "ky")
	if d.Fields.Get("slug") != "dolboor-jonundo" {
		t.Errorf("slug %q, want it made from the Kyrgyz title", d.Fields.Get("slug"))
	}
	if _, public := tr.get("/ky/dolboor-jonundo"); strings.Contains(public, "XLIFF аркылуу") {
		t.Error("an imported translation is on the site before anyone published it")
	}
	revs, err := s.app.Store.Revisions(ctx, about, "ky", 1)
	if err != nil || len(revs) != 1 || revs[0].Action != "xliff" {
		t.Errorf("the newest revision is %+v, %v; want the import", revs, err)
	}
	log, err := s.app.Store.AuditLog(ctx, 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) == 0 || log[0].Action != "xliff_import" || log[0].Lang != "ky" || !strings.Contains(log[0].Detail, "organisation-"+itoa(org)) {
		t.Errorf("the audit log lacks the import: %+v", log[:min(1, len(log))])
	}

	// The translator may not publish; an editor does.
	ed := s.signIn("editor@example.org")
	for _, id := range []int64{org, about} {
		path := "/admin/edit/" + itoa(id) + "/ky"
		form := ed.editorForm(path)
		form.Set("action", "publish")
		if code, body, _ := ed.post(path, form); code != http.StatusSeeOther {
			t.Fatalf("publish %d: %d %.300s", id, code, body)
		}
		if got := boardState(t, ed, id, "ky"); got != "published" {
			t.Errorf("item %d: ky is %q after publication, want published", id, got)
		}
	}
	if code, public := ed.get("/ky/dolboor-jonundo"); code != http.StatusOK || !strings.Contains(public, "XLIFF аркылуу которулган текст.") {
		t.Errorf("the published translation: %d", code)
	}
	if _, partners := ed.get("/ky/onoktoshtor"); !strings.Contains(partners, "Данило Дольчи атындагы чыгармачыл өнүгүү борбору") {
		t.Error("the partners page lacks the imported name")
	}
	// Nothing is missing any more.
	if resp, _ := tr.fetch("/admin/xliff/export?lang=ky&state=missing"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("an export with nothing to translate: %d, want a redirect to the board", resp.StatusCode)
	}
}

// TestXLIFFOutdated changes a Russian source: the export carries the old
// Kyrgyz text as target and the new source revision, and the import
// records the revision the file was made from, not the newest one.
func TestXLIFFOutdated(t *testing.T) {
	s := newWFSite(t)
	ctx := context.Background()
	ed := s.signIn("admin@example.org")
	id := orgID(t, s.app, "social-technologies-agency")
	src := "/admin/edit/" + itoa(id) + "/ru"
	publishRU := func(extra string) {
		t.Helper()
		form := ed.editorForm(src)
		form.Set("f.description", form.Get("f.description")+"\n\n"+extra)
		form.Set("action", "publish")
		if code, body, _ := ed.post(src, form); code != http.StatusSeeOther {
			t.Fatalf("publish the source: %d %.300s", code, body)
		}
	}
	publishRU("Новый абзац о работе агентства в регионах.")
	old, err := s.app.Store.Organisation(ctx, id)
	if err != nil {
		t.Fatal(err)
	}

	doc := ed.xliffExport("lang=ky&state=outdated")
	for _, f := range doc.Files {
		if st, _ := f.Note("datka:state"); st != "outdated" {
			t.Errorf("file %s is %q in an export of outdated texts", f.ID, st)
		}
	}
	f := xliffFile(t, doc, "organisation-"+itoa(id))
	if rev, _ := f.Note("datka:source-rev"); rev != "2" {
		t.Errorf("source-rev %q, want 2", rev)
	}
	desc := xliffUnit(t, f, "description")
	if !desc.HasTarget || desc.Target != old.Texts["ky"].Description {
		t.Errorf("the description's target is not the current Kyrgyz text: %.200q", desc.Target)
	}
	if !strings.Contains(desc.Source, "Новый абзац") {
		t.Error("the source is not the new Russian text")
	}
	desc.Target += "\n\nАгенттиктин региондордогу иши тууралуу жаңы абзац."

	// The source moves on again before the translation comes back.
	publishRU("Ещё один абзац.")
	code, report := ed.xliffUpload("/admin/xliff/import", "ky.xlf", xliffEncode(t, doc))
	if code != http.StatusOK {
		t.Fatalf("import: %d %.2000s", code, report)
	}
	if !strings.Contains(report, "версия 2 → 3") {
		t.Errorf("the report does not say the source moved on: %.3000s", report)
	}
	d, err := s.app.Store.Draft(ctx, id, "ky")
	if err != nil || d.SourceRev != 2 || !strings.HasSuffix(d.Fields.Get("description"), "жаңы абзац.") {
		t.Fatalf("draft %+v, %v; want the new description, made from source revision 2", d, err)
	}
	if d.Fields.Get("name") != old.Texts["ky"].Name || d.Fields.Get("slug") != old.Texts["ky"].Slug {
		t.Errorf("untouched fields changed: name %q slug %q", d.Fields.Get("name"), d.Fields.Get("slug"))
	}
	// Waiting for review, the text is no longer "outdated"; drafts are
	// exported on request, with the draft as target.
	if resp, _ := ed.fetch("/admin/xliff/export?lang=ky&state=outdated"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("export of outdated texts when none is: %d, want a redirect", resp.StatusCode)
	}
	withDrafts := xliffFile(t, ed.xliffExport("lang=ky&state=outdated&drafts=1"), "organisation-"+itoa(id))
	if st, _ := withDrafts.Note("datka:state"); st != "review" || xliffUnit(t, withDrafts, "description").Target != d.Fields.Get("description") {
		t.Errorf("the export with drafts: state %q, description %.100q", st, xliffUnit(t, withDrafts, "description").Target)
	}
	// Importing the same file again changes nothing.
	if _, again := ed.xliffUpload("/admin/xliff/import", "ky.xlf", xliffEncode(t, doc)); !strings.Contains(again, "ничего не изменилось") {
		t.Errorf("a second import of the same file: %.2000s", again)
	}
	// Published as it is (as a scheduled publication does), the text
	// keeps the revision it was made from. (Publishing from the editor's
	// form records the source the editor saw, the newest.)
	if _, err := s.app.Store.Publish(ctx, id, "ky", content.User{Email: "editor@example.org"}); err != nil {
		t.Fatal(err)
	}
	if got := boardState(t, ed, id, "ky"); got != "outdated" {
		t.Errorf("published from revision 2 of a source at 3: ky is %q, want outdated", got)
	}
}

// TestXLIFFImportRefuses sends files that must be refused as a whole:
// each answer explains why, and no draft is created.
func TestXLIFFImportRefuses(t *testing.T) {
	s := newWFSite(t)
	s.addUser("aigul@example.org", content.RoleTranslator, "ky")
	ctx := context.Background()
	org := orgID(t, s.app, "european-union")
	about := xliffPageID(t, s, "about")
	for _, err := range []error{s.app.Store.DeleteOrganisationText(ctx, org, "ky"), s.app.Store.DeletePageText(ctx, about, "ky")} {
		if err != nil {
			t.Fatal(err)
		}
	}
	ad := s.signIn("admin@example.org")
	tr := s.signIn("aigul@example.org")
	base := ad.xliffExport("lang=ky")
	fill := func(d *xliff.Document) {
		for i := range d.Files {
			for j := range d.Files[i].Units {
				u := &d.Files[i].Units[j]
				u.Target, u.HasTarget = "Кыргызча котормо", true
			}
		}
	}
	// valid returns a fresh, fully translated copy of the export whose
	// last file is the organisation, for a case to spoil.
	valid := func() *xliff.Document {
		d := *base
		d.Files = nil
		d.Files = append(d.Files, *xliffFile(t, base, "page-"+itoa(about)), *xliffFile(t, base, "organisation-"+itoa(org)))
		for i := range d.Files {
			d.Files[i].Units = append([]xliff.Unit(nil), d.Files[i].Units...)
			d.Files[i].Notes = append([]xliff.Note(nil), d.Files[i].Notes...)
		}
		fill(&d)
		return &d
	}
	spoil := func(change func(d *xliff.Document)) []byte {
		d := valid()
		change(d)
		return xliffEncode(t, d)
	}
	last := func(d *xliff.Document) *xliff.File { return &d.Files[len(d.Files)-1] }
	huge := spoil(func(d *xliff.Document) {
		last(d).Units[0].Target = strings.Repeat("ы", xliff.MaxBytes/2)
	})
	tests := []struct {
		name   string
		client *wfClient
		data   []byte
		status int
		want   string
	}{
		{"malformed XML", ad, []byte(`<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="ky"><file id="x">`),
			http.StatusUnprocessableEntity, "не является правильным XML"},
		{"a DOCTYPE with an entity bomb", ad, []byte(`<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="ky"><file id="page-1"><unit id="title"><segment><source>x</source><target>&c;</target></segment></unit></file></xliff>`),
			http.StatusUnprocessableEntity, "DOCTYPE"},
		{"XLIFF 1.2", ad, []byte(`<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file/></xliff>`),
			http.StatusUnprocessableEntity, "версия XLIFF не поддерживается"},
		{"a language the site does not have", ad, spoil(func(d *xliff.Document) { d.TrgLang = "de" }),
			http.StatusUnprocessableEntity, "на язык «de», которого нет на этом сайте"},
		{"the source language as target", ad, spoil(func(d *xliff.Document) { d.TrgLang = "ru" }),
			http.StatusUnprocessableEntity, "совпадает с языком перевода"},
		{"a language the translator does not hold", tr, spoil(func(d *xliff.Document) { d.TrgLang = "en" }),
			http.StatusForbidden, "не может редактировать тексты на языке «English»"},
		{"an unknown unit", ad, spoil(func(d *xliff.Document) {
			last(d).Units = append(last(d).Units, xliff.Unit{ID: "colour", Source: "красный", Target: "кызыл", HasTarget: true})
		}), http.StatusUnprocessableEntity, "Неизвестное поле «colour»"},
		{"an unknown item", ad, spoil(func(d *xliff.Document) { last(d).ID = "organisation-99999" }),
			http.StatusUnprocessableEntity, "Неизвестная запись «organisation-99999»"},
		{"an item of another kind", ad, spoil(func(d *xliff.Document) { last(d).ID = "page-" + itoa(org) }),
			http.StatusUnprocessableEntity, "Неизвестная запись «page-"},
		{"an item twice", ad, spoil(func(d *xliff.Document) { d.Files = append(d.Files, *last(d)) }),
			http.StatusUnprocessableEntity, "встречается в файле дважды"},
		{"no source revision", ad, spoil(func(d *xliff.Document) { last(d).Notes = nil }),
			http.StatusUnprocessableEntity, "datka:source-rev"},
		{"a source revision from the future", ad, spoil(func(d *xliff.Document) { last(d).Notes[0].Text = "9" }),
			http.StatusUnprocessableEntity, "datka:source-rev"},
		{"HTML in a translation", ad, spoil(func(d *xliff.Document) {
			last(d).Units[0].Target = `Евробиримдик <img src=x onerror="alert(1)">`
		}), http.StatusUnprocessableEntity, "содержит HTML (&lt;img"},
		{"a line break in a name", ad, spoil(func(d *xliff.Document) { last(d).Units[0].Target = "Европа\nБиримдиги" }),
			http.StatusUnprocessableEntity, "должен быть в одну строку"},
		{"a control character", ad, spoil(func(d *xliff.Document) { last(d).Units[0].Target = "Европа\u0085Биримдиги" }),
			http.StatusUnprocessableEntity, "управляющие символы"},
		{"inline codes", ad, []byte(strings.Replace(string(spoil(func(*xliff.Document) {})), "Кыргызча котормо</target>", `Кыргызча <pc id="1">котормо</pc></target>`, 1)),
			http.StatusUnprocessableEntity, "встроенные коды"},
		{"a file over 10 MB", ad, huge, http.StatusRequestEntityTooLarge, "Файл больше 10 МБ"},
		{"an empty upload", ad, nil, http.StatusBadRequest, "Выберите файл XLIFF"},
	}
	if len(huge) <= xliff.MaxBytes || len(huge) > xliff.MaxBytes+1<<20 {
		t.Fatalf("the large file has %d bytes: not just over the limit", len(huge))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := tt.client.xliffUpload("/admin/xliff/import", "ky.xlf", tt.data)
			if code != tt.status {
				t.Errorf("status %d, want %d", code, tt.status)
			}
			if !strings.Contains(body, tt.want) {
				t.Errorf("the answer does not say %q: %.3000s", tt.want, body)
			}
			if !strings.Contains(body, "Файл не принят, ничего не сохранено") {
				t.Error("the answer does not say that nothing was saved")
			}
			if n := xliffDraftCount(t, s); n != 0 {
				t.Errorf("%d drafts after a refused import", n)
			}
		})
	}
	t.Run("problems carry line numbers", func(t *testing.T) {
		_, body := ad.xliffUpload("/admin/xliff/import", "ky.xlf", spoil(func(d *xliff.Document) {
			last(d).Units = append(last(d).Units, xliff.Unit{ID: "colour", Source: "x", Target: "y", HasTarget: true})
		}))
		if !regexp.MustCompile(`строка \d+: Неизвестное поле «colour»`).MatchString(body) {
			t.Errorf("no line number: %.2000s", body)
		}
	})
	t.Run("a translator may not export another language", func(t *testing.T) {
		if resp, _ := tr.fetch("/admin/xliff/export?lang=en"); resp.StatusCode != http.StatusForbidden {
			t.Errorf("status %d, want 403", resp.StatusCode)
		}
	})
	t.Run("the import is not a GET", func(t *testing.T) {
		if code, _ := ad.get("/admin/xliff/import"); code != http.StatusMethodNotAllowed {
			t.Errorf("GET: %d, want 405", code)
		}
	})
	t.Run("the same file, valid, is imported in full", func(t *testing.T) {
		code, body := tr.xliffUpload("/admin/xliff/import", "ky.xlf", spoil(func(*xliff.Document) {}))
		if code != http.StatusOK || xliffDraftCount(t, s) != 2 {
			t.Errorf("import: %d, %d drafts: %.2000s", code, xliffDraftCount(t, s), body)
		}
	})
}
