package admin_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"image"
	"image/jpeg"
	_ "image/png"
	"io"
	"io/fs"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/datka-cms/datka/internal/admin"
	"github.com/datka-cms/datka/internal/config"
	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/i18n"
	"github.com/datka-cms/datka/internal/media"
	"github.com/datka-cms/datka/internal/media/mediatest"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/testenv"
	"github.com/minio/minio-go/v7"
)

// uploadRaw posts the upload form with a file part whose
// Content-Disposition is given as is, and the other fields.
func (c *wfClient) uploadRaw(disposition string, data []byte, fields map[string]string) (int, string, string) {
	c.s.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", disposition)
	h.Set("Content-Type", "application/octet-stream")
	w, _ := mw.CreatePart(h)
	w.Write(data)
	mw.Close()
	resp, b := c.send(http.MethodPost, admin.UploadPath, mw.FormDataContentType(), &body)
	return resp.StatusCode, string(b), resp.Header.Get("Location")
}

// upload posts a file as a browser's file input would.
func (c *wfClient) upload(filename string, data []byte, fields map[string]string) (int, string, string) {
	c.s.t.Helper()
	quoted := strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(filename)
	return c.uploadRaw(`form-data; name="file"; filename="`+quoted+`"`, data, fields)
}

// uploaded checks that an upload was accepted and returns what was stored.
func (s *wfSite) uploaded(code int, body, loc string) content.Media {
	s.t.Helper()
	m := regexp.MustCompile(`^/admin/media/(\d+)$`).FindStringSubmatch(loc)
	if code != http.StatusSeeOther || m == nil {
		s.t.Fatalf("upload: %d → %q\n%.600s", code, loc, body)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	item, err := s.app.Store.Media(context.Background(), id)
	if err != nil {
		s.t.Fatal(err)
	}
	return item
}

func (s *wfSite) mediaDir() string { return s.app.MediaDir }

// storedFiles lists the files in DATA/media.
func (s *wfSite) storedFiles() []string {
	s.t.Helper()
	entries, err := os.ReadDir(s.mediaDir())
	if err != nil {
		s.t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func russian(t *testing.T, id string, pairs ...any) string {
	t.Helper()
	cat, err := i18n.Load("ru")
	if err != nil {
		t.Fatal(err)
	}
	return html.EscapeString(cat.For("ru").T(id, pairs...))
}

func readWebP(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../media/testdata/blue-purple-pink.lossy.webp")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestMediaUploadAccepts uploads one file of every accepted type and
// fetches it back from the public address.
func TestMediaUploadAccepts(t *testing.T) {
	s := newWFSite(t)
	ed := s.signIn("admin@example.org")
	tests := []struct {
		name, file   string
		data         []byte
		contentType  string
		ext          string
		downloadName string
		widths       []int
	}{
		{name: "JPEG photo with GPS", file: "IMG_0042.JPG", data: mediatest.JPEGWithGPS(1200, 800, 1),
			contentType: "image/jpeg", ext: ".jpg", widths: []int{480, 960}},
		{name: "PNG", file: "diagram.png", data: mediatest.PNG(300, 200), contentType: "image/png", ext: ".png"},
		{name: "animated GIF", file: "anim.gif", data: mediatest.GIF(20, 20, 3), contentType: "image/gif", ext: ".gif"},
		{name: "WebP (stored as JPEG)", file: "photo.webp", data: readWebP(t), contentType: "image/jpeg", ext: ".jpg"},
		{name: "PDF", file: "Отчёт 2024.pdf", data: mediatest.PDF(), contentType: "application/pdf", ext: ".pdf", downloadName: "Отчёт 2024.pdf"},
		{name: "DOCX", file: "report.docx", data: mediatest.OOXML("word"), contentType: media.TypeDOCX.ContentType, ext: ".docx", downloadName: "report.docx"},
		{name: "XLSX", file: "budget.xlsx", data: mediatest.OOXML("xl"), contentType: media.TypeXLSX.ContentType, ext: ".xlsx", downloadName: "budget.xlsx"},
		{name: "PPTX", file: "slides.pptx", data: mediatest.OOXML("ppt"), contentType: media.TypePPTX.ContentType, ext: ".pptx", downloadName: "slides.pptx"},
		{name: "ODT", file: "text.odt", data: mediatest.ODT(), contentType: media.TypeODT.ContentType, ext: ".odt", downloadName: "text.odt"},
		{name: "a PNG named .pdf is stored as the PNG it is", file: "scan.pdf", data: mediatest.PNG(40, 30), contentType: "image/png", ext: ".png"},
		{name: "a path in the name is dropped", file: "../../etc/passwd", data: mediatest.PDF(), contentType: "application/pdf", ext: ".pdf", downloadName: "passwd.pdf"},
	}
	nameRE := regexp.MustCompile(`^[0-9a-f]{32}\.[a-z]+$`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := s.uploaded(ed.upload(tt.file, tt.data, nil))
			if !nameRE.MatchString(m.Name) || filepath.Ext(m.Name) != tt.ext {
				t.Errorf("stored as %q, want a server name ending in %s", m.Name, tt.ext)
			}
			if m.ContentType != tt.contentType {
				t.Errorf("content type %q, want %q", m.ContentType, tt.contentType)
			}
			if tt.downloadName != "" && m.OriginalName != tt.downloadName {
				t.Errorf("download name %q, want %q", m.OriginalName, tt.downloadName)
			}
			var widths []int
			for _, v := range m.Variants {
				widths = append(widths, v.Width)
			}
			if !slices.Equal(widths, tt.widths) {
				t.Errorf("variants %v, want %v", widths, tt.widths)
			}
			resp, body := ed.fetch(m.URL())
			if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != tt.contentType {
				t.Fatalf("GET %s: %d %s", m.URL(), resp.StatusCode, resp.Header.Get("Content-Type"))
			}
			if resp.Header.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "sandbox") {
				t.Errorf("GET %s lacks nosniff or a sandboxing CSP: %v", m.URL(), resp.Header)
			}
			if int64(len(body)) != m.Size {
				t.Errorf("served %d bytes, recorded %d", len(body), m.Size)
			}
			cd := resp.Header.Get("Content-Disposition")
			if m.Kind == content.MediaDocument {
				if !bytes.Equal(body, tt.data) {
					t.Error("a document was not served as uploaded")
				}
				if want := "filename*=UTF-8''" + url.PathEscape(tt.downloadName); !strings.HasPrefix(cd, "attachment;") || !strings.Contains(cd, want) {
					t.Errorf("Content-Disposition %q, want an attachment with %s", cd, want)
				}
			} else {
				if cd != "" {
					t.Errorf("an image is served with Content-Disposition %q", cd)
				}
				if !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") {
					t.Errorf("an image is served with Cache-Control %q", resp.Header.Get("Cache-Control"))
				}
				if _, _, err := image.DecodeConfig(bytes.NewReader(body)); err != nil && tt.contentType != "image/gif" {
					t.Errorf("the served image does not decode: %v", err)
				}
			}
			for _, leak := range [][]byte{[]byte("Exif"), mediatest.GPSLatitude(), []byte(mediatest.Secret)} {
				if bytes.Contains(body, leak) {
					t.Errorf("the served file holds %q", leak)
				}
			}
			for _, v := range m.Variants {
				resp, body := ed.fetch(v.URL())
				cfg, _, err := image.DecodeConfig(bytes.NewReader(body))
				if resp.StatusCode != http.StatusOK || err != nil || cfg.Width != v.Width || cfg.Height != v.Height {
					t.Errorf("GET %s: %d, %d×%d (%v), want %d×%d", v.URL(), resp.StatusCode, cfg.Width, cfg.Height, err, v.Width, v.Height)
				}
				if bytes.Contains(body, []byte("Exif")) || bytes.Contains(body, []byte(mediatest.Secret)) {
					t.Errorf("variant %s holds metadata", v.Name)
				}
			}
		})
	}
	// Only server-made names are on disk.
	for _, f := range s.storedFiles() {
		if !media.ValidName(f) {
			t.Errorf("DATA/media holds %q", f)
		}
	}
	_, list := ed.get("/admin/media")
	if !strings.Contains(list, "Отчёт 2024.pdf") || !strings.Contains(list, `class="thumb"`) {
		t.Error("the library's list lacks an upload or its thumbnails")
	}
	_, audit := ed.get("/admin/audit")
	if strings.Count(audit, ">media_upload · media<") != len(tests) {
		t.Errorf("the audit log lists %d uploads, want %d", strings.Count(audit, ">media_upload · media<"), len(tests))
	}
}

// TestMediaUploadRefuses uploads what must be refused and checks the
// message, and that nothing is left in storage or in the database.
func TestMediaUploadRefuses(t *testing.T) {
	s := newWFSite(t)
	ed := s.signIn("admin@example.org")
	limit := "20 МБ"
	tests := []struct {
		name, file string
		data       []byte
		status     int
		message    string
	}{
		{"HTML with script named .jpg", "photo.jpg", mediatest.HTMLPage(), 422, russian(t, "media_refused_markup")},
		{"SVG with script", "logo.svg", mediatest.SVGWithScript(), 422, russian(t, "media_refused_markup")},
		{"SVG with script named .png", "logo.png", mediatest.SVGWithScript(), 422, russian(t, "media_refused_markup")},
		{"PNG claiming 100000×100000", "bomb.png", mediatest.PNGBomb(100_000, 100_000), 422,
			russian(t, "media_refused_pixels", "Pixels", "40", "Side", "12000")},
		{"zip bomb DOCX", "report.docx", mediatest.ZipBomb(16 << 20), 422, russian(t, "media_refused_archive")},
		{"DOCX with a path out of its folder", "report.docx", mediatest.OOXML("word", mediatest.Entry{Name: "../../../etc/passwd", Data: []byte("x")}), 422,
			russian(t, "media_refused_archive")},
		{"a file over the size limit", "big.pdf", append(mediatest.PDF(), make([]byte, media.MaxFileBytes)...), 413,
			russian(t, "media_refused_too_large", "Size", limit)},
		{"plain text named .pdf", "notes.pdf", []byte("Протокол встречи"), 422, russian(t, "media_refused_type")},
		{"an empty file", "empty.pdf", nil, 422, russian(t, "media_refused_empty")},
		{"a damaged JPEG", "cut.jpg", mediatest.JPEG(64, 64)[:300], 422, russian(t, "media_refused_corrupt")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body, _ := ed.upload(tt.file, tt.data, map[string]string{"alt.ru": "Подпись, которую нельзя терять"})
			if code != tt.status {
				t.Errorf("status %d, want %d", code, tt.status)
			}
			if !strings.Contains(body, tt.message) {
				t.Errorf("the page lacks the message %q:\n%.2000s", tt.message, body)
			}
			if !strings.Contains(body, `value="Подпись, которую нельзя терять"`) {
				t.Error("the refused form lost the alternative text that was typed")
			}
		})
	}
	// A header that no multipart reader accepts is refused as a bad form.
	code, _, _ := ed.uploadRaw("form-data; name=\"file\"; filename=\"a\x00b.pdf\"", mediatest.PDF(), nil)
	if code != http.StatusBadRequest {
		t.Errorf("a NUL in the raw file name: %d, want 400", code)
	}
	if files := s.storedFiles(); len(files) != 0 {
		t.Errorf("refused uploads left files behind: %v", files)
	}
	if _, total, err := s.app.Store.MediaList(context.Background(), 10, 0); err != nil || total != 0 {
		t.Errorf("refused uploads left %d records (%v)", total, err)
	}
	// A request larger than the upload route takes is cut off before the
	// handler, and the upload route's larger limit is its own.
	req, _ := http.NewRequest(http.MethodPost, s.srv.URL+admin.UploadPath, bytes.NewReader(make([]byte, admin.UploadBodyBytes+1)))
	req.Header.Set("Content-Type", "multipart/form-data; boundary=x")
	req.Header.Set("Origin", s.srv.URL)
	if resp, err := ed.c.Do(req); err != nil || resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("an oversized request: %v %v, want 413", resp.StatusCode, err)
	}
	if code, _, _ := ed.post("/admin/preview", url.Values{"text": {strings.Repeat("x", 2<<20)}}); code != http.StatusRequestEntityTooLarge {
		t.Errorf("a 2 MB form to another route: %d, want 413", code)
	}
}

func TestMediaFileNames(t *testing.T) {
	s := newWFSite(t)
	ed := s.signIn("admin@example.org")
	// RFC 2231 encoding carries a NUL that a plain header cannot.
	m := s.uploaded(ed.uploadRaw(`form-data; name="file"; filename*=UTF-8''a%00b.pdf`, mediatest.PDF(), nil))
	if m.OriginalName != "ab.pdf" {
		t.Errorf("download name %q, want ab.pdf", m.OriginalName)
	}
	m = s.uploaded(ed.upload(`..\..\windows\system32\отчёт "итог".pdf`, mediatest.PDF(), nil))
	if m.OriginalName != "отчёт итог.pdf" {
		t.Errorf("download name %q, want «отчёт итог.pdf»", m.OriginalName)
	}
	resp, _ := ed.fetch(m.URL())
	if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, `filename="_____ ____.pdf"`) ||
		!strings.Contains(cd, "filename*=UTF-8''%D0%BE%D1%82%D1%87%D1%91%D1%82%20%D0%B8%D1%82%D0%BE%D0%B3.pdf") {
		t.Errorf("Content-Disposition %q", cd)
	}
	for _, f := range s.storedFiles() {
		if !media.ValidName(f) {
			t.Errorf("DATA/media holds %q", f)
		}
	}
	if resp, _ := ed.fetch("/media/../datka.db"); resp.StatusCode == http.StatusOK || strings.HasPrefix(resp.Header.Get("Location"), "/media/") {
		t.Errorf("GET /media/../datka.db: %d → %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	for _, bad := range []string{"/media/%2e%2e%2fdatka.db", "/media/..%2fdatka.db", "/media/.tmp-1", "/media/" + strings.Repeat("0", 32) + ".jpg", "/media/x.svg"} {
		if resp, _ := ed.fetch(bad); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", bad, resp.StatusCode)
		}
	}
}

// TestMediaSrcsetAndWhereUsed follows an image from upload to the public
// page and back out: its copies in srcset, the texts that use it, and a
// deletion refused until no text (published or draft) does.
func TestMediaSrcsetAndWhereUsed(t *testing.T) {
	s := newWFSite(t)
	ed := s.signIn("admin@example.org")
	m := s.uploaded(ed.upload("training.jpg", mediatest.JPEGWithGPS(2000, 1000, 1),
		map[string]string{"alt.en": "Participants of a training in Osh", "alt.ru": "Участники тренинга в Оше"}))
	want := map[int]int{480: 240, 960: 480, 1600: 800}
	if len(m.Variants) != len(want) {
		t.Fatalf("variants %v, want widths 480, 960, 1600", m.Variants)
	}
	for _, v := range m.Variants {
		f, err := os.Open(filepath.Join(s.mediaDir(), v.Name))
		if err != nil {
			t.Fatalf("variant %d: %v", v.Width, err)
		}
		cfg, _, err := image.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != v.Width || cfg.Height != want[v.Width] {
			t.Errorf("variant file %s is %d×%d (%v), want %d×%d", v.Name, cfg.Width, cfg.Height, err, v.Width, want[v.Width])
		}
	}
	item := fmt.Sprintf("/admin/media/%d", m.ID)
	_, page := ed.get(item)
	srcset := m.Variants[0].URL() + " 480w, " + m.Variants[1].URL() + " 960w, " + m.Variants[2].URL() + " 1600w"
	for _, w := range []string{srcset, "![Participants of a training in Osh](" + m.URL() + ")", russian(t, "media_unused")} {
		if !strings.Contains(page, html.EscapeString(w)) {
			t.Errorf("the item page lacks %q", w)
		}
	}

	// Use it in a published English text.
	id := orgID(t, s.app, "danilo-dolci")
	edit := "/admin/edit/" + itoa(id) + "/en"
	form := ed.editorForm(edit)
	original := form.Get("f.description")
	form.Set("f.description", original+"\n\n![]("+m.URL()+")")
	form.Set("action", "publish")
	if code, body, _ := ed.post(edit, form); code != http.StatusSeeOther {
		t.Fatalf("publish: %d %.300s", code, body)
	}
	_, public := ed.get("/en/partners/centre-for-creative-development-danilo-dolci")
	img := regexp.MustCompile(`<img src="` + regexp.QuoteMeta(m.URL()) + `"[^>]*>`).FindString(public)
	for _, attr := range []string{`alt="Participants of a training in Osh"`, `width="2000"`, `height="1000"`,
		`srcset="` + srcset + `"`, `sizes="`} {
		if !strings.Contains(img, attr) {
			t.Errorf("the public image lacks %s: %s", attr, img)
		}
	}

	// Deletion is refused while the text uses the image.
	code, body, _ := ed.post(item+"/delete", nil)
	if code != http.StatusConflict || !strings.Contains(body, russian(t, "media_in_use")) {
		t.Errorf("delete of a used image: %d", code)
	}
	if !strings.Contains(body, `href="`+edit+`"`) {
		t.Error("the where-used list lacks a link to the text")
	}
	if len(s.storedFiles()) != 4 {
		t.Errorf("after a refused deletion %d files remain, want 4", len(s.storedFiles()))
	}

	// Take it out of the published text; a Kyrgyz draft still uses a copy.
	form = ed.editorForm(edit)
	form.Set("f.description", original)
	form.Set("action", "publish")
	ed.post(edit, form)
	kyEdit := "/admin/edit/" + itoa(id) + "/ky"
	ky := ed.editorForm(kyEdit)
	missing := "/media/" + strings.Repeat("0", 32) + ".pdf"
	ky.Set("f.description", ky.Get("f.description")+"\n\n![Тренинг]("+m.Variants[0].URL()+") [отчёт]("+missing+")")
	ky.Set("action", "draft")
	if code, _, _ := ed.post(kyEdit, ky); code != http.StatusSeeOther {
		t.Fatalf("save the Kyrgyz draft: %d", code)
	}
	// The editor warns about a link to a file the library does not have,
	// and not about one it has.
	_, editor := ed.get(kyEdit)
	if !strings.Contains(editor, russian(t, "check_broken_link", "Link", missing)) {
		t.Error("no warning about a link to a missing file")
	}
	if strings.Contains(editor, russian(t, "check_broken_link", "Link", m.Variants[0].URL())) {
		t.Error("a warning about a link to a file the library has")
	}
	code, body, _ = ed.post(item+"/delete", nil)
	if code != http.StatusConflict || !strings.Contains(body, `href="`+kyEdit+`"`) || !strings.Contains(body, russian(t, "media_use_draft")) {
		t.Errorf("delete of an image a draft uses: %d", code)
	}
	ky.Set("action", "discard")
	ed.post(kyEdit, ky)

	if code, _, loc := ed.post(item+"/delete", nil); code != http.StatusSeeOther || loc != "/admin/media" {
		t.Fatalf("delete of an unused image: %d → %q", code, loc)
	}
	if files := s.storedFiles(); len(files) != 0 {
		t.Errorf("files left after deletion: %v", files)
	}
	if _, err := s.app.Store.Media(context.Background(), m.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the record is still there: %v", err)
	}
	if resp, _ := ed.fetch(m.URL()); resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET a deleted file: %d", resp.StatusCode)
	}
	_, audit := ed.get("/admin/audit")
	if !strings.Contains(audit, ">media_delete · media<") {
		t.Error("the audit log lacks the deletion")
	}
}

func TestMediaPermissions(t *testing.T) {
	s := newWFSite(t)
	s.addUser("aigul@example.org", content.RoleTranslator, "ky")
	s.addUser("editor@example.org", content.RoleEditor)
	ed := s.signIn("editor@example.org")
	m := s.uploaded(ed.upload("photo.png", mediatest.PNG(600, 400), map[string]string{"alt.ru": "Фото", "alt.ky": "Сүрөт"}))
	item := fmt.Sprintf("/admin/media/%d", m.ID)

	tr := s.signIn("aigul@example.org")
	code, list := tr.get("/admin/media")
	if code != http.StatusOK || strings.Contains(list, `enctype="multipart/form-data"`) {
		t.Errorf("translator's library: %d, upload form shown: %v", code, strings.Contains(list, "multipart"))
	}
	if code, _, _ := tr.upload("x.png", mediatest.PNG(10, 10), nil); code != http.StatusForbidden {
		t.Errorf("translator uploading: %d, want 403", code)
	}
	if code, _, _ := tr.post(item, url.Values{"alt.ky": {"Тренингдин катышуучулары"}, "alt.ru": {"Фото"}}); code != http.StatusSeeOther {
		t.Errorf("translator changing Kyrgyz alt text: %d, want 303", code)
	}
	if code, _, _ := tr.post(item, url.Values{"alt.ru": {"Другое"}}); code != http.StatusForbidden {
		t.Errorf("translator changing Russian alt text: %d, want 403", code)
	}
	if code, _, _ := tr.post(item+"/delete", nil); code != http.StatusForbidden {
		t.Errorf("translator deleting: %d, want 403", code)
	}
	got, err := s.app.Store.Media(context.Background(), m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Alt["ky"] != "Тренингдин катышуучулары" || got.Alt["ru"] != "Фото" {
		t.Errorf("alt texts after the translator: %v", got.Alt)
	}
	_, page := tr.get(item)
	if !strings.Contains(page, `id="alt-ru" lang="ru" value="Фото" readonly`) || strings.Contains(page, `name="alt.ru"`) {
		t.Error("the translator's item page lets them edit Russian")
	}
	if strings.Contains(page, "/delete") {
		t.Error("the translator sees a delete button")
	}
	if len(s.storedFiles()) != 1+len(m.Variants) {
		t.Errorf("%d files stored, want %d", len(s.storedFiles()), 1+len(m.Variants))
	}
	if code, _, _ := ed.post(item+"/delete", nil); code != http.StatusSeeOther {
		t.Errorf("editor deleting an unused file: %d, want 303", code)
	}
}

// TestMediaOnS3 runs the site with DATKA_MEDIA naming a bucket of a real
// S3-compatible server: an upload lands in the bucket, nothing in the
// data folder, and the public URL serves it, ranges included.
func TestMediaOnS3(t *testing.T) {
	srv := testenv.StartS3(t)
	t.Setenv("DATKA_MEDIA", srv.Bucket(t, "library"))
	s := newWFSiteWith(t, func(cfg *config.Config) {
		if err := cfg.Load("", nil); err != nil {
			t.Fatal(err)
		}
	})
	if s.app.MediaDir != "" {
		t.Errorf("MediaDir = %q on S3", s.app.MediaDir)
	}
	ed := s.signIn("admin@example.org")
	m := s.uploaded(ed.upload("photo.jpg", mediatest.JPEGWithGPS(1200, 800, 1), map[string]string{"alt.ru": "Фото"}))

	var keys []string
	for o := range srv.Client(t).ListObjects(context.Background(), "library", minio.ListObjectsOptions{Recursive: true}) {
		if o.Err != nil {
			t.Fatal(o.Err)
		}
		keys = append(keys, o.Key)
	}
	want := []string{m.Name, media.VariantName(m.Name, 480), media.VariantName(m.Name, 960)}
	slices.Sort(want)
	if !slices.Equal(keys, want) {
		t.Errorf("the bucket holds %v, want %v", keys, want)
	}
	if _, err := os.Stat(filepath.Join(s.dataDir, "media")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a media folder was made in the data folder: %v", err)
	}

	get := func(rangeHeader string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, s.srv.URL+content.MediaURLPrefix+m.Name, nil)
		if rangeHeader != "" {
			req.Header.Set("Range", rangeHeader)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp, b
	}
	resp, whole := get("")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "image/jpeg" {
		t.Fatalf("GET: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if _, err := jpeg.Decode(bytes.NewReader(whole)); err != nil {
		t.Errorf("the served file is no JPEG: %v", err)
	}
	resp, part := get("bytes=100-199")
	if resp.StatusCode != http.StatusPartialContent {
		t.Fatalf("GET with Range: %d, want 206", resp.StatusCode)
	}
	if cr := resp.Header.Get("Content-Range"); cr != "bytes 100-199/"+strconv.Itoa(len(whole)) {
		t.Errorf("Content-Range = %q", cr)
	}
	if !bytes.Equal(part, whole[100:200]) {
		t.Error("the range served other bytes than the whole file holds there")
	}
	resp, tail := get("bytes=-10")
	if resp.StatusCode != http.StatusPartialContent || !bytes.Equal(tail, whole[len(whole)-10:]) {
		t.Errorf("GET the last 10 bytes: %d, %d bytes", resp.StatusCode, len(tail))
	}
}
