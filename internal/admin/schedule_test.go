package admin_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/app"
	"github.com/datka-cms/datka/internal/config"
	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/jobs"
)

func runJobs(t *testing.T, a *app.App, now time.Time) int {
	t.Helper()
	n, err := (&jobs.Runner{Store: a.Store, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return now }}).RunOnce(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestScheduledPublicationSurvivesRestart plans a publication, closes the
// site, opens it again from the same data folder, and lets the job run.
func TestScheduledPublicationSurvivesRestart(t *testing.T) {
	s := newWFSite(t)
	ed := s.signIn("admin@example.org")
	id := orgID(t, s.app, "european-union")
	path := "/admin/edit/" + itoa(id) + "/en"
	form := ed.editorForm(path)
	form.Set("f.summary", "Summary published by the schedule.")
	form.Set("action", "schedule_publish")
	form.Set("publish_at", "2030-01-15T09:30") // Asia/Bishkek: 03:30 UTC
	if code, body, _ := ed.post(path, form); code != http.StatusSeeOther {
		t.Fatalf("schedule: %d %.300s", code, body)
	}
	_, editor := ed.get(path)
	if !strings.Contains(editor, "2030-01-15 09:30") {
		t.Error("the editor does not list the plan in the editors' time zone")
	}
	_, dash := ed.get("/admin/")
	if !strings.Contains(dash, "2030-01-15 09:30") {
		t.Error("the overview does not list the plan")
	}
	if n := runJobs(t, s.app, time.Date(2030, 1, 15, 3, 29, 0, 0, time.UTC)); n != 0 {
		t.Fatalf("%d plans ran a minute early", n)
	}

	// Restart: the plan is in the database, not in memory.
	cfg := config.Default()
	cfg.DataDir, cfg.DB = s.dataDir, s.dbURL
	cfg.Addr, cfg.BaseURL = "127.0.0.1:0", "http://127.0.0.1"
	s.srv.Close()
	s.app.Close()
	b, err := app.Open(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if n := runJobs(t, b, time.Date(2030, 1, 15, 3, 31, 0, 0, time.UTC)); n != 1 {
		t.Fatalf("%d plans ran after their time, want 1", n)
	}
	o, err := b.Store.Organisation(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if got := o.Texts["en"].Summary; got != "Summary published by the schedule." {
		t.Errorf("after the job the summary is %q", got)
	}
	if n := runJobs(t, b, time.Date(2030, 1, 16, 0, 0, 0, 0, time.UTC)); n != 0 {
		t.Errorf("a plan ran twice")
	}
	log, err := b.Store.AuditLog(context.Background(), 5, 0)
	if err != nil || len(log) == 0 || log[0].Action != "scheduled_publish" {
		t.Errorf("the audit log does not record the scheduled publication: %+v %v", log, err)
	}
}

func TestScheduledUnpublicationAndPermissions(t *testing.T) {
	s := newWFSite(t)
	s.addUser("aigul@example.org", content.RoleTranslator, "ky")
	ed := s.signIn("admin@example.org")
	id := orgID(t, s.app, "danilo-dolci")
	path := "/admin/edit/" + itoa(id) + "/ky"
	form := ed.editorForm(path)
	form.Set("action", "schedule_unpublish")
	form.Set("unpublish_at", "not a time")
	if code, _, _ := ed.post(path, form); code != http.StatusUnprocessableEntity {
		t.Errorf("a bad time: %d, want 422", code)
	}
	form.Set("unpublish_at", "2020-01-01T00:00")
	if code, _, _ := ed.post(path, form); code != http.StatusSeeOther {
		t.Fatalf("schedule unpublication: %d", code)
	}
	if n := runJobs(t, s.app, time.Now()); n != 1 {
		t.Fatalf("%d plans ran, want 1", n)
	}
	if got := boardState(t, ed, id, "ky"); got != "draft" {
		t.Errorf("after the unpublication ky is %q, want draft (taken off)", got)
	}
	tr := s.signIn("aigul@example.org")
	f := tr.editorForm(path)
	f.Set("action", "schedule_publish")
	f.Set("publish_at", "2030-01-01T00:00")
	if code, _, _ := tr.post(path, f); code != http.StatusForbidden {
		t.Errorf("a translator scheduling: %d, want 403", code)
	}
}

func TestSettingsPerLanguage(t *testing.T) {
	s := newWFSite(t)
	s.addUser("en-translator@example.org", content.RoleTranslator, "en")
	s.addUser("author@example.org", content.RoleAuthor)
	ed := s.signIn("admin@example.org")
	form := url.Values{}
	settings, err := s.app.Store.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ky := settings["ky"]
	for k, v := range map[string]string{"site_name": ky.SiteName, "short_name": ky.ShortName, "slogan": "Жаңы ураан!",
		"organisation": ky.Organisation, "address": ky.Address, "phone": "+996 312 000000", "email": "not an email",
		"footer": ky.Footer, "funded_by": ky.FundedBy, "disclaimer": ky.Disclaimer} {
		form.Set(k, v)
	}
	if code, body, _ := ed.post("/admin/settings/ky", form); code != http.StatusUnprocessableEntity || !strings.Contains(body, "Жаңы ураан!") {
		t.Errorf("a bad e-mail address: %d, or the typed values were lost", code)
	}
	form.Set("email", "info@example.org")
	if code, _, _ := ed.post("/admin/settings/ky", form); code != http.StatusSeeOther {
		t.Fatalf("save: %d", code)
	}
	_, public := ed.get("/ru/")
	if !strings.Contains(public, `<p lang="ky">Жаңы ураан!</p>`) {
		t.Error("the new Kyrgyz slogan is not in the header")
	}
	_, contacts := ed.get("/ky/baylanysh")
	if !strings.Contains(contacts, "mailto:info@example.org") {
		t.Error("the contacts page does not show the new address")
	}
	if code, _, _ := s.signIn("en-translator@example.org").post("/admin/settings/ky", form); code != http.StatusForbidden {
		t.Errorf("an English translator saving Kyrgyz settings: %d, want 403", code)
	}
	if code, _, _ := s.signIn("author@example.org").post("/admin/settings/en", form); code != http.StatusForbidden {
		t.Errorf("an author saving settings: %d, want 403", code)
	}
}
