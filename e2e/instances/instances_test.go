// Package instances_test runs datka as several processes on one
// PostgreSQL database, as it runs behind a load balancer: what one
// instance writes, the others show within a second, and stopping one in
// the middle of the load loses no write it accepted.
package instances_test

import (
	"bytes"
	"database/sql"
	"image"
	imagepng "image/png"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"github.com/datka-cms/datka/e2e/proc"
	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/testenv"
)

func TestTwoInstancesOnePostgres(t *testing.T) {
	dbURL := testenv.PostgresSchema(t)
	mediaURL := testenv.StartS3(t).Bucket(t, "hero-media")
	bin := proc.Build(t)
	// Each instance has a data folder of its own, and nothing in it.
	a := proc.Start(t, bin, "instance A", "DATKA_DB="+dbURL, "DATKA_MEDIA="+mediaURL, "DATKA_DATA="+t.TempDir()) // creates the site
	b := proc.Start(t, bin, "instance B", "DATKA_DB="+dbURL, "DATKA_MEDIA="+mediaURL, "DATKA_DATA="+t.TempDir())
	editor := proc.SignIn(t, a)
	reader := &http.Client{Timeout: 5 * time.Second}

	t.Run("a session started on one instance is good on the other", func(t *testing.T) {
		// The cookie jar sends A's session cookie to B: the same host.
		res, err := editor.Get(b.Base + "/admin/")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("GET B's /admin/ with A's session: status %d (location %q), want 200", res.StatusCode, res.Header.Get("Location"))
		}
	})

	t.Run("an image uploaded through one is served by the other", func(t *testing.T) {
		var png bytes.Buffer
		img := image.NewRGBA(image.Rect(0, 0, 64, 48))
		for i := range img.Pix {
			img.Pix[i] = byte(i * 7)
		}
		if err := imagepng.Encode(&png, img); err != nil {
			t.Fatal(err)
		}
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		mw.WriteField("alt.en", "A test pattern")
		part, _ := mw.CreateFormFile("file", "pattern.png")
		part.Write(png.Bytes())
		mw.Close()
		res, err := editor.Post(a.Base+"/admin/media", mw.FormDataContentType(), &body)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		id := strings.TrimPrefix(res.Header.Get("Location"), "/admin/media/")
		if res.StatusCode != http.StatusSeeOther || id == "" {
			t.Fatalf("upload through A: status %d, location %q", res.StatusCode, res.Header.Get("Location"))
		}
		db, err := sql.Open("pgx", dbURL)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var name string
		if err := db.QueryRow(`SELECT name FROM media WHERE id = $1`, id).Scan(&name); err != nil {
			t.Fatal(err)
		}
		fromA := proc.Get(t, reader, a.Base+content.MediaURLPrefix+name)
		fromB := proc.Get(t, reader, b.Base+content.MediaURLPrefix+name)
		if fromB != fromA || len(fromB) == 0 {
			t.Errorf("B serves %d bytes of the upload, A %d: not the same file", len(fromB), len(fromA))
		}
	})

	t.Run("a change made through one is shown by the other within a second", func(t *testing.T) {
		for range 3 { // B renders and caches the page
			if body := proc.Get(t, reader, b.Base+"/en/"); !strings.Contains(body, "<html") {
				t.Fatal("B's home page is not a page")
			}
		}
		for round := range 3 {
			slogan := "Together for equality " + proc.Token()
			res, err := editor.PostForm(a.Base+"/admin/settings/en", url.Values{"site_name": {"HERo"}, "slogan": {slogan}})
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("save settings through A: status %d", res.StatusCode)
			}
			saved := time.Now()
			for !strings.Contains(proc.Get(t, reader, b.Base+"/en/"), slogan) {
				if time.Since(saved) > time.Second {
					t.Fatalf("round %d: B still shows the old slogan a second after A saved it", round)
				}
				time.Sleep(10 * time.Millisecond)
			}
			t.Logf("round %d: B showed A's change %v after it was saved", round, time.Since(saved).Round(time.Millisecond))
		}
	})

	t.Run("stopping one instance under load loses no accepted write", func(t *testing.T) {
		stop := make(chan struct{})
		writes, wait := proc.Write(map[*proc.Instance]*http.Client{a: editor, b: proc.SignIn(t, b)}, 8, stop)
		time.Sleep(time.Second)
		a.Kill() // no shutdown: as a crash
		before, _ := writes.Accepted()
		time.Sleep(time.Second)
		close(stop)
		wait()
		accepted, failed := writes.Accepted()
		if len(before) == 0 || len(accepted) == len(before) {
			t.Fatalf("%d writes accepted before the kill and %d after: the load did not run on both sides of it",
				len(before), len(accepted)-len(before))
		}
		missing := proc.Missing(accepted, drafts(t, "pgx", dbURL))
		for _, title := range missing {
			t.Errorf("%q, accepted by %s, is not in the database", title, accepted[title])
		}
		t.Logf("%d writes accepted (%d before A was killed), %d refused or cut off; %d lost",
			len(accepted), len(before), failed, len(missing))
		if body := proc.Get(t, reader, b.Base+"/en/"); !strings.Contains(body, "<html") {
			t.Error("B stopped serving after A was killed")
		}
	})
}

// drafts reads the fields of every draft past datka.
func drafts(t *testing.T, driver, dsn string) []string {
	t.Helper()
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT fields FROM drafts`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var f string
		if err := rows.Scan(&f); err != nil {
			t.Fatal(err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
