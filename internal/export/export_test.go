package export_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/app"
	"github.com/datka-cms/datka/internal/config"
	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/export"
	"github.com/datka-cms/datka/internal/i18n"
	"github.com/datka-cms/datka/internal/media"
	"github.com/datka-cms/datka/internal/search"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/testenv"
)

// TestMain runs the package's tests on SQLite, then on PostgreSQL.
func TestMain(m *testing.M) { testenv.MainOnBothDatabases(m) }

const baseURL = "https://example.org"

func newSite(t *testing.T) *app.App {
	t.Helper()
	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	cfg.DB = testenv.DatabaseURL(t, cfg.DataDir)
	cfg.Addr = "127.0.0.1:0"
	cfg.BaseURL = baseURL
	a, err := app.Open(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatalf("open site: %v", err)
	}
	t.Cleanup(func() { a.Close() })
	return a
}

// addNews publishes n Russian news items, enough for a second page.
func addNews(t *testing.T, a *app.App, n int, title, slug string) {
	t.Helper()
	ctx := context.Background()
	users, err := a.Store.Users(ctx)
	if err != nil || len(users) == 0 {
		t.Fatalf("users: %v", err)
	}
	for i := range n {
		id, err := a.Store.CreateEntry(ctx, content.Entry{Type: content.EntryNews, SourceLang: "ru",
			Date: time.Date(2022, 3, 1+i, 10, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		d := content.Draft{GroupID: id, Lang: "ru", Status: content.StatusDraft,
			Fields: content.EntryFields(content.EntryNews, content.EntryText{
				Title: fmt.Sprintf("%s %d", title, i+1), Summary: "Семинар о равноправии для журналистов",
				Body: "Участники обсудили равноправие и тренинги.", Meta: content.Meta{Slug: fmt.Sprintf("%s-%d", slug, i+1)}})}
		if _, err := a.Store.SaveAndPublish(ctx, d, users[0]); err != nil {
			t.Fatal(err)
		}
	}
}

// addDocument puts a PDF of 2 MB in the library, in Russian (more than
// the export keeps in memory), and returns the name of its file.
func addDocument(t *testing.T, a *app.App) string {
	t.Helper()
	ctx := context.Background()
	files, err := media.NewDisk(a.MediaDir)
	if err != nil {
		t.Fatal(err)
	}
	name, body := media.NewName(".pdf"), bytes.Repeat([]byte("%PDF-1.4 report "), 1<<17)
	if err := files.Put(ctx, name, bytes.NewReader(body)); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Store.CreateMedia(ctx, content.Media{Kind: content.MediaDocument, Name: name, ContentType: "application/pdf",
		Size: int64(len(body)), OriginalName: "report.pdf"}); err != nil {
		t.Fatal(err)
	}
	users, err := a.Store.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	id, err := a.Store.CreateEntry(ctx, content.Entry{Type: content.EntryMaterial, SourceLang: "ru",
		Date: time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC), Year: 2023, Topic: "gender", DocLangs: []string{"ru"}, File: name})
	if err != nil {
		t.Fatal(err)
	}
	d := content.Draft{GroupID: id, Lang: "ru", Status: content.StatusDraft,
		Fields: content.EntryFields(content.EntryMaterial, content.EntryText{Title: "Пособие для журналистов", Meta: content.Meta{Slug: "posobie"}})}
	if _, err := a.Store.SaveAndPublish(ctx, d, users[0]); err != nil {
		t.Fatal(err)
	}
	return name
}

func runExport(t *testing.T, a *app.App, out string) export.Summary {
	t.Helper()
	cat, err := i18n.Load(a.Languages.Default().Code)
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := time.LoadLocation("Asia/Bishkek")
	s, err := export.Run(context.Background(), export.Options{Handler: a.Handler, Store: a.Store, Languages: a.Languages,
		Catalog: cat, Location: loc, BaseURL: baseURL, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var linkRe = regexp.MustCompile(`\s(?:href|src|action)="([^"]*)"`)

// links returns the href, src and action values of a page, but those of
// the alternates and the canonical link, which name the public site.
func links(body string) []string {
	var out []string
	for _, m := range linkRe.FindAllStringSubmatch(body, -1) {
		out = append(out, strings.ReplaceAll(m[1], "&amp;", "&"))
	}
	return out
}

// liveCrawl walks the live site from each language's home, keeping the
// ?page= links, and returns the HTML pages it reached.
func liveCrawl(t *testing.T, h http.Handler, codes []string) map[string]bool {
	t.Helper()
	pages := map[string]bool{}
	var queue []string
	seen := map[string]bool{}
	for _, c := range codes {
		queue = append(queue, "/"+c+"/")
		seen["/"+c+"/"] = true
	}
	pageQ := regexp.MustCompile(`^page=[0-9]+$`)
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusOK {
			t.Errorf("live GET %s: %d", p, rec.Code)
			continue
		}
		if !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
			continue
		}
		pages[p] = true
		body := regexp.MustCompile(`(?s)<form[^>]*method="post".*?</form>`).ReplaceAllString(rec.Body.String(), "")
		for _, l := range links(body) {
			u, err := url.Parse(l)
			if err != nil || u.Host != "" || !strings.HasPrefix(u.Path, "/") {
				continue
			}
			if u.RawQuery != "" && !pageQ.MatchString(u.RawQuery) {
				continue
			}
			k := u.Path
			if u.RawQuery != "" {
				k += "?" + u.RawQuery
			}
			if !seen[k] {
				seen[k] = true
				queue = append(queue, k)
			}
		}
	}
	return pages
}

// staticCrawl serves dir under a deep folder of a plain file server and
// follows every relative link from its index.html; it returns the HTML
// files reached, relative to dir.
func staticCrawl(t *testing.T, dir string) map[string]bool {
	t.Helper()
	const prefix = "/some/deep/folder/"
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(prefix, http.FileServer(http.Dir(dir))))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	files := map[string]bool{}
	start := srv.URL + prefix + "index.html"
	queue := []string{start}
	seen := map[string]bool{start: true}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		resp, err := srv.Client().Get(u)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("static GET %s: %d (broken link)", u, resp.StatusCode)
			continue
		}
		rel := strings.TrimPrefix(resp.Request.URL.Path, prefix)
		if rel == "" || strings.HasSuffix(rel, "/") {
			rel += "index.html"
		}
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			continue
		}
		files[rel] = true
		for _, l := range links(string(body)) {
			if strings.HasPrefix(l, "#") {
				continue
			}
			if strings.HasPrefix(l, "/") {
				t.Errorf("%s: root-relative link %q would break in a folder", rel, l)
				continue
			}
			ref, err := url.Parse(l)
			if err != nil {
				t.Errorf("%s: bad link %q", rel, l)
				continue
			}
			if ref.Scheme != "" || ref.Host != "" {
				continue // the public site or elsewhere
			}
			abs := resp.Request.URL.ResolveReference(ref)
			abs.Fragment, abs.RawQuery = "", ""
			if !strings.HasPrefix(abs.Path, prefix) {
				t.Errorf("%s: link %q leaves the archive's folder", rel, l)
				continue
			}
			if !seen[abs.String()] {
				seen[abs.String()] = true
				queue = append(queue, abs.String())
			}
		}
	}
	return files
}

// fileOf is where the export should have written a live page.
func fileOf(p string) string {
	path, q, _ := strings.Cut(p, "?")
	f := strings.Trim(path, "/")
	if q != "" {
		f += "/page/" + strings.TrimPrefix(q, "page=")
	}
	return f + "/index.html"
}

// TestExportPassesTheCrawl exports a site with a list long enough to have a
// second page, crawls the archive from a folder of a plain file server,
// and checks that it holds every page the live site has, in every language,
// with no broken link; then that a second run writes nothing.
func TestExportPassesTheCrawl(t *testing.T) {
	a := newSite(t)
	addNews(t, a, 11, "Семинар для журналистов", "семинар")
	doc := addDocument(t, a)
	out := t.TempDir()
	s := runExport(t, a, out)
	t.Logf("first run: %+v", s)

	live := liveCrawl(t, a.Handler, a.Languages.Codes())
	static := staticCrawl(t, out)
	paged := 0
	for p := range live {
		if !static[fileOf(p)] {
			t.Errorf("live page %s is not in the archive as %s", p, fileOf(p))
		}
		if strings.Contains(p, "?page=") {
			paged++
		}
	}
	if paged == 0 {
		t.Error("no list had a second page: the test does not check pagination")
	}
	for f := range static {
		if f == "index.html" {
			continue
		}
		found := false
		for p := range live {
			found = found || fileOf(p) == f
		}
		if !found {
			t.Errorf("the archive has %s, which the live site does not", f)
		}
	}
	// Every page, organisation and entry, in every language.
	ctx := context.Background()
	orgs, err := a.Store.Organisations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sitePages, err := a.Store.Pages(ctx)
	if err != nil {
		t.Fatal(err)
	}
	entries := 0 // entry pages: in each language, its own and its fallbacks'
	for _, l := range a.Languages.All() {
		for _, typ := range content.EntryTypes() {
			_, n, err := a.Store.Entries(ctx, store.EntryQuery{Type: typ, Langs: append([]string{l.Code}, l.Fallbacks...)})
			if err != nil {
				t.Fatal(err)
			}
			entries += n
		}
	}
	archive := regexp.MustCompile(`/(tag/[^/]+|[0-9]{4}|page/[0-9]+)/index\.html$`)
	items := 0
	for f := range static {
		if f != "index.html" && !archive.MatchString(f) {
			items++
		}
	}
	if want := len(a.Languages.Codes())*(len(sitePages)+len(orgs)) + entries; items != want {
		t.Errorf("the archive has %d item pages, want %d: every page, organisation and entry in every language", items, want)
	}
	if s.Pages != len(live) {
		var extra []string
		filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			rel, _ := filepath.Rel(out, p)
			if strings.HasSuffix(p, ".html") && !static[filepath.ToSlash(rel)] {
				extra = append(extra, rel)
			}
			return nil
		})
		t.Errorf("exported %d pages, the live site has %d; not reached: %q", s.Pages, len(live), extra)
	}
	for _, f := range []string{"sitemap.xml", "robots.txt", "ru/feed.atom", "ky/feed.atom", "en/feed.atom"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("%s is missing: %v", f, err)
		}
	}
	if fi, err := os.Stat(filepath.Join(out, strings.TrimPrefix(content.MediaURLPrefix, "/"), doc)); err != nil || fi.Size() != 16<<17 {
		t.Errorf("the library's document is missing or cut: %v", err)
	}
	if m, _ := filepath.Glob(filepath.Join(out, ".spool-*")); len(m) > 0 {
		t.Errorf("temporary files left behind: %q", m)
	}
	for f := range static {
		b, _ := os.ReadFile(filepath.Join(out, f))
		if strings.Contains(string(b), `method="post"`) {
			t.Errorf("%s has a form that posts, which a static host cannot answer", f)
		}
	}

	again := runExport(t, a, out)
	if again.Written != 0 || again.Deleted != 0 || again.Unchanged != s.Files {
		t.Errorf("second run: %d written, %d deleted, %d unchanged of %d; want all unchanged", again.Written, again.Deleted, again.Unchanged, s.Files)
	}

	addNews(t, a, 1, "Форум редакторов", "forum")
	third := runExport(t, a, out)
	if third.Written == 0 || third.Written > third.Files/2 {
		t.Errorf("after one more news item, %d of %d files were written", third.Written, third.Files)
	}
	if _, err := os.Stat(filepath.Join(out, "ru/novosti/forum-1/index.html")); err != nil {
		t.Errorf("the new item is not in the archive: %v", err)
	}
}

// staticIndex reads a language's search index from the archive.
func staticIndex(t *testing.T, out, code string) []byte {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(out, "search", code+".*.js"))
	if len(m) != 1 {
		t.Fatalf("search index of %s: %v", code, m)
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	js, ok := strings.CutPrefix(string(b), "window.datkaSearch=")
	if !ok {
		t.Fatalf("%s does not set window.datkaSearch", m[0])
	}
	return []byte(strings.TrimSuffix(js, ";\n"))
}

// TestStaticSearchFindsWhatTheLiveSearchFinds asks the archive's index
// (through export.Find, the script's logic in Go) and the live search the
// same questions, in every language.
func TestStaticSearchFindsWhatTheLiveSearchFinds(t *testing.T) {
	a := newSite(t)
	out := t.TempDir()
	runExport(t, a, out)
	queries := map[string][]string{
		"ru": {"равенству", "гендерное равенство", "министерство образования", "тренинги", "Европейский союз",
			"Бишкек", "консультативный совет", "Данило Дольчи", "религии", "и", "несуществующееслово", "ЕВРОПЕЙСКОГО"},
		"ky": {"теңчиликтин", "Европа Биримдиги", "министрлиги", "тренингдер", "гендердик теңчилик", "Бишкек",
			"жарандык коом", "жок-сөз"},
		"en": {"trainings", "gender equality", "ministry of education", "European Union", "consultations", "the",
			"xyzzy", "religious affairs", "Danilo Dolci", "civil servants"},
	}
	ctx := context.Background()
	for code, qs := range queries {
		ix := staticIndex(t, out, code)
		for _, q := range qs {
			for _, kind := range []string{"", store.KindNews} {
				t.Run(code+"/"+q+"/"+kind, func(t *testing.T) {
					hits, total, err := a.Store.Search(ctx, store.SearchQuery{Lang: code, Terms: search.Query(code, q), Kind: kind, Limit: 1000})
					if err != nil {
						t.Fatal(err)
					}
					var want []string
					for _, h := range hits {
						want = append(want, h.Kind+" "+h.Title)
					}
					var got []string
					docs, err := export.Find(ix, q, kind)
					if err != nil {
						t.Fatal(err)
					}
					for _, d := range docs {
						got = append(got, d[2]+" "+d[1])
					}
					slices.Sort(want)
					slices.Sort(got)
					if !slices.Equal(got, want) {
						t.Errorf("static search finds %d %q, live search %d %q", len(got), got, total, want)
					}
				})
			}
		}
	}
}
