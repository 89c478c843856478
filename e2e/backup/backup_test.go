// Package backup_test backs up a running `datka serve` in the middle of a
// load of editors and readers, with the real binary in separate
// processes, restores the archive into a new data folder, and serves it:
// every write accepted before the backup began is in it, none begun
// after it ended, every media file is whole, and the restored site shows
// the same pages.
package backup_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/datka-cms/datka/e2e/proc"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/testenv"
)

// serve runs `datka serve` on a data folder and database, and waits until
// it is ready; it returns the running instance.
func serve(t *testing.T, bin, dataDir, dbURL string) *proc.Instance {
	t.Helper()
	return proc.Start(t, bin, "serve on "+dataDir, "DATKA_DB="+dbURL, "DATKA_DATA="+dataDir, "DATKA_MEDIA=disk", "DATKA_LOG_LEVEL=warn")
}

// upload posts an image to the media library, as the admin's form does,
// and reports whether it was accepted.
func upload(c *http.Client, base string, seed int) (bool, error) {
	img := image.NewRGBA(image.Rect(0, 0, 640, 400))
	for x := range 640 {
		for y := range 400 {
			img.Set(x, y, color.RGBA{uint8(x + seed), uint8(y * seed), uint8(seed), 255})
		}
	}
	var pic bytes.Buffer
	if err := png.Encode(&pic, img); err != nil {
		return false, err
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", fmt.Sprintf("photo-%d.png", seed))
	if err != nil {
		return false, err
	}
	fw.Write(pic.Bytes())
	mw.Close()
	res, err := c.Post(base+"/admin/media", mw.FormDataContentType(), &body)
	if err != nil {
		return false, err
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode == http.StatusSeeOther, nil
}

func token() string {
	b := make([]byte, 4)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// write is one item an editor created, and when.
type write struct {
	title          string
	sent, accepted time.Time
}

// TestBackupUnderLoad backs up a site on SQLite and one on PostgreSQL
// while editors create items and upload images and readers read pages.
func TestBackupUnderLoad(t *testing.T) {
	bin := proc.Build(t)
	for _, db := range []string{"sqlite", "postgres"} {
		t.Run("on "+db, func(t *testing.T) {
			dir := t.TempDir()
			dbURL := "sqlite:" + filepath.Join(dir, "datka.db")
			if db == "postgres" {
				dbURL = testenv.PostgresSchema(t)
			}
			site := serve(t, bin, dir, dbURL)
			base, editor := site.Base, proc.SignIn(t, site)
			for i := range 3 {
				if ok, err := upload(editor, base, i+1); !ok || err != nil {
					t.Fatalf("upload before the load: %v, %v", ok, err)
				}
			}

			var (
				mu      sync.Mutex
				writes  []write
				uploads atomic.Int64
				reads   atomic.Int64
				failed  atomic.Int64
			)
			ctx, stop := context.WithCancel(t.Context())
			var wg sync.WaitGroup
			for w := range 3 {
				wg.Go(func() {
					for i := 0; ctx.Err() == nil; i++ {
						title := fmt.Sprintf("Backup load %d %d %s", w, i, token())
						sent := time.Now()
						res, err := editor.PostForm(base+"/admin/new", url.Values{"kind": {"news"}, "title": {title}, "lang": {"en"}})
						if err != nil {
							failed.Add(1)
							continue
						}
						io.Copy(io.Discard, res.Body)
						res.Body.Close()
						if res.StatusCode != http.StatusSeeOther {
							failed.Add(1)
							continue
						}
						mu.Lock()
						writes = append(writes, write{title: title, sent: sent, accepted: time.Now()})
						mu.Unlock()
					}
				})
			}
			wg.Go(func() {
				for i := 10; ctx.Err() == nil; i++ {
					if ok, err := upload(editor, base, i); ok && err == nil {
						uploads.Add(1)
					} else if ctx.Err() == nil {
						failed.Add(1)
					}
				}
			})
			for range 2 {
				wg.Go(func() {
					reader := &http.Client{Timeout: 20 * time.Second}
					for i := 0; ctx.Err() == nil; i++ {
						path := []string{"/ru/", "/en/news/", "/ky/", "/ru/search/?q=министерство"}[i%4]
						res, err := reader.Get(base + path)
						if err != nil {
							continue
						}
						io.Copy(io.Discard, res.Body)
						res.Body.Close()
						if res.StatusCode == http.StatusOK {
							reads.Add(1)
						}
					}
				})
			}

			time.Sleep(time.Second)
			archive := filepath.Join(t.TempDir(), "site.tar.gz")
			backupStart := time.Now()
			cmd := exec.Command(bin, "backup", "--data", dir, "--db", dbURL, "--out", archive)
			cmd.Env = append(os.Environ(), "DATKA_MEDIA=disk", "DATKA_LOG_LEVEL=warn")
			out, err := cmd.CombinedOutput()
			backupEnd := time.Now()
			if err != nil {
				stop()
				wg.Wait()
				t.Fatalf("backup: %v\n%s", err, out)
			}
			mu.Lock()
			before := len(writes)
			mu.Unlock()
			time.Sleep(500 * time.Millisecond)
			stop()
			wg.Wait()
			t.Logf("backup took %v under %d items, %d uploads, %d page reads (%d failed requests):\n%s",
				backupEnd.Sub(backupStart).Round(time.Millisecond), len(writes), uploads.Load(), reads.Load(), failed.Load(), out)
			if before == 0 || len(writes) == before || reads.Load() == 0 {
				t.Fatalf("%d writes before the backup ended, %d after, %d reads: the load did not run around it", before, len(writes)-before, reads.Load())
			}

			restored := filepath.Join(t.TempDir(), "restored")
			cmd = exec.Command(bin, "restore", "--data", restored, archive)
			cmd.Env = append(os.Environ(), "DATKA_MEDIA=disk", "DATKA_DB=", "DATKA_LOG_LEVEL=warn")
			out, err = cmd.CombinedOutput()
			if err != nil || !strings.Contains(string(out), "the counts match the manifest") {
				t.Fatalf("restore: %v\n%s", err, out)
			}

			st, err := store.Open(t.Context(), "sqlite:"+filepath.Join(restored, "datka.db"))
			if err != nil {
				t.Fatal(err)
			}
			titles := draftTitles(t, filepath.Join(restored, "datka.db"))
			in, early, late := 0, 0, 0
			for _, w := range writes {
				switch {
				case w.accepted.Before(backupStart):
					early++
					if !titles[w.title] {
						t.Errorf("%q was accepted before the backup began and is not in it", w.title)
					}
				case w.sent.After(backupEnd):
					late++
					if titles[w.title] {
						t.Errorf("%q was sent after the backup ended and is in it", w.title)
					}
				}
				if titles[w.title] {
					in++
				}
			}
			t.Logf("the backup holds %d of %d items: all %d accepted before it began, none of %d sent after it ended", in, len(writes), early, late)
			list, n, err := st.MediaList(t.Context(), 1000, 0)
			if err != nil || n < 3 {
				t.Fatalf("the restored library holds %d items (%v)", n, err)
			}
			for _, m := range list {
				checkFile(t, filepath.Join(restored, "media", m.Name), m.Size)
				for _, v := range m.Variants {
					checkFile(t, filepath.Join(restored, "media", v.Name), -1)
				}
			}
			st.Close()

			// The restored site shows what the site shows: the load wrote
			// drafts and the library only, which no public page lists.
			restoredSite := serve(t, bin, restored, "sqlite:"+filepath.Join(restored, "datka.db"))
			restoredBase := restoredSite.Base
			reader := &http.Client{Timeout: 20 * time.Second}
			for _, path := range []string{"/ru/", "/ky/", "/en/", "/ru/partners/", "/en/news/", "/ky/search/?q=министрлиги"} {
				a, b := page(t, reader, base+path), page(t, reader, restoredBase+path)
				a = strings.ReplaceAll(a, base, "BASE")
				b = strings.ReplaceAll(b, restoredBase, "BASE")
				if a != b {
					t.Errorf("GET %s: the restored site's page differs from the site's (%d and %d bytes)", path, len(b), len(a))
				}
			}
			restoredEditor := proc.SignIn(t, restoredSite)
			if body := page(t, restoredEditor, restoredBase+"/admin/media"); !strings.Contains(body, list[0].Name[:8]) && !strings.Contains(body, "photo") {
				t.Error("the restored media library does not list the uploads")
			}
		})
	}
}

// draftTitles collects the load's titles from every draft of the
// restored database, read past the store as the instances test does.
func draftTitles(t *testing.T, dbPath string) map[string]bool {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+dbPath+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT fields FROM drafts`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var f string
		if err := rows.Scan(&f); err != nil {
			t.Fatal(err)
		}
		for _, title := range titleRe.FindAllString(f, -1) {
			out[title] = true
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

var titleRe = regexp.MustCompile(`Backup load \d+ \d+ [0-9a-f]{8}`)

func checkFile(t *testing.T, path string, size int64) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Errorf("a media file of the restored site: %v", err)
		return
	}
	if size >= 0 && fi.Size() != size {
		t.Errorf("%s holds %d bytes; its row says %d", path, fi.Size(), size)
	}
}

func page(t *testing.T, c *http.Client, u string) string {
	t.Helper()
	res, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", u, res.StatusCode)
	}
	return string(b)
}
