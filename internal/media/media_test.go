package media_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/datka-cms/datka/internal/media"
	"github.com/datka-cms/datka/internal/media/mediatest"
	"github.com/datka-cms/datka/internal/testenv"
	"github.com/minio/minio-go/v7"
)

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name   string
		data   []byte
		want   media.Type
		reason media.Reason
	}{
		{name: "JPEG", data: mediatest.JPEG(4, 4), want: media.TypeJPEG},
		{name: "PNG", data: mediatest.PNG(4, 4), want: media.TypePNG},
		{name: "GIF", data: mediatest.GIF(4, 4, 1), want: media.TypeGIF},
		{name: "WebP", data: readTestdata(t, "blue-purple-pink.lossy.webp"), want: media.TypeWebP},
		{name: "PDF", data: mediatest.PDF(), want: media.TypePDF},
		{name: "DOCX", data: mediatest.OOXML("word"), want: media.TypeDOCX},
		{name: "XLSX", data: mediatest.OOXML("xl"), want: media.TypeXLSX},
		{name: "PPTX", data: mediatest.OOXML("ppt"), want: media.TypePPTX},
		{name: "ODT", data: mediatest.ODT(), want: media.TypeODT},
		{name: "empty", data: nil, reason: media.ReasonEmpty},
		{name: "SVG with script", data: mediatest.SVGWithScript(), reason: media.ReasonMarkup},
		{name: "SVG without declaration", data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>`), reason: media.ReasonMarkup},
		{name: "SVG after blank lines and a BOM", data: []byte("\xef\xbb\xbf\n\n  <svg onload=alert(1)>"), reason: media.ReasonMarkup},
		{name: "SVG in UTF-16", data: []byte("\xff\xfe<\x00s\x00v\x00g\x00>\x00"), reason: media.ReasonMarkup},
		{name: "HTML", data: mediatest.HTMLPage(), reason: media.ReasonMarkup},
		{name: "XML", data: []byte(`<?xml version="1.0"?><a/>`), reason: media.ReasonMarkup},
		{name: "plain text", data: []byte("just some words"), reason: media.ReasonType},
		{name: "PDF signature later in the file", data: append([]byte("hello "), mediatest.PDF()...), reason: media.ReasonType},
		{name: "an executable", data: append([]byte("MZ\x90\x00"), make([]byte, 64)...), reason: media.ReasonType},
		{name: "a ZIP that is no office document", data: mediatest.Zip(mediatest.Entry{Name: "a.txt", Data: []byte("a")}), reason: media.ReasonType},
		{name: "OOXML without content types", data: mediatest.Zip(mediatest.Entry{Name: "word/document.xml", Data: []byte("<a/>")}), reason: media.ReasonType},
		{name: "ODT whose mimetype is compressed", data: mediatest.Zip(mediatest.Entry{Name: "mimetype", Data: []byte("application/vnd.oasis.opendocument.text")}), reason: media.ReasonType},
		{name: "a DOCX with a path out of its folder", data: mediatest.OOXML("word", mediatest.Entry{Name: "../../etc/cron.d/x", Data: []byte("x")}), reason: media.ReasonArchive},
		{name: "a DOCX with an absolute path", data: mediatest.OOXML("word", mediatest.Entry{Name: "/etc/passwd", Data: []byte("x")}), reason: media.ReasonArchive},
		{name: "a DOCX with a backslash path", data: mediatest.OOXML("word", mediatest.Entry{Name: `word\..\..\x`, Data: []byte("x")}), reason: media.ReasonArchive},
		{name: "a zip bomb", data: mediatest.ZipBomb(8 << 20), reason: media.ReasonArchive},
		{name: "a zip that declares gigabytes", data: declaredBomb(t), reason: media.ReasonArchive},
		{name: "a truncated zip", data: mediatest.OOXML("word")[:60], reason: media.ReasonCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := media.Detect(tt.data)
			if tt.reason != "" {
				reason, ok := media.Refusal(err)
				if !ok || reason != tt.reason {
					t.Fatalf("Detect = %v, %v; want refusal %q", got, err, tt.reason)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Detect = %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}

// declaredBomb is a DOCX whose entry claims to unpack to 4 GiB.
func declaredBomb(t *testing.T) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range []struct{ name, data string }{{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<document/>"}} {
		w, _ := zw.Create(e.name)
		io.WriteString(w, e.data)
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/huge.bin", Method: zip.Store, CRC32: crc32.ChecksumIEEE([]byte("x")),
		CompressedSize64: 1, UncompressedSize64: 4 << 30})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("x"))
	zw.Close()
	return buf.Bytes()
}

func TestZipEntryCount(t *testing.T) {
	var entries []mediatest.Entry
	for i := range media.MaxZipEntries {
		entries = append(entries, mediatest.Entry{Name: "word/part" + strconv.Itoa(i) + ".xml", Store: true})
	}
	_, err := media.Detect(mediatest.OOXML("word", entries...))
	if reason, _ := media.Refusal(err); reason != media.ReasonArchive {
		t.Errorf("a DOCX of more than %d entries: %v, want an archive refusal", media.MaxZipEntries, err)
	}
}

func process(t *testing.T, data []byte) *media.Processed {
	t.Helper()
	p, err := media.NewProcessor(1).Process(context.Background(), data)
	if err != nil {
		t.Fatalf("Process: %v", err)
	}
	return p
}

func TestProcessStripsMetadata(t *testing.T) {
	in := mediatest.JPEGWithGPS(64, 32, 1)
	if !bytes.Contains(in, []byte("Exif")) || !bytes.Contains(in, mediatest.GPSLatitude()) || !bytes.Contains(in, []byte(mediatest.Secret)) {
		t.Fatal("the test JPEG lacks its EXIF block")
	}
	if _, err := jpeg.Decode(bytes.NewReader(in)); err != nil {
		t.Fatalf("the test JPEG does not decode: %v", err)
	}
	p := process(t, in)
	if p.Type != media.TypeJPEG {
		t.Fatalf("stored as %v", p.Type)
	}
	for _, leak := range [][]byte{[]byte("Exif"), mediatest.GPSLatitude(), []byte(mediatest.Secret)} {
		if bytes.Contains(p.Data, leak) {
			t.Errorf("the stored JPEG still holds %q", leak)
		}
	}
	if _, err := jpeg.Decode(bytes.NewReader(p.Data)); err != nil {
		t.Errorf("the stored JPEG does not decode: %v", err)
	}

	g := process(t, mediatest.GIFWithComment(8, 8))
	if bytes.Contains(g.Data, []byte(mediatest.Secret)) {
		t.Error("the stored GIF still holds its comment")
	}
	if g.Type != media.TypeGIF || g.Width != 8 || len(g.Variants) != 0 {
		t.Errorf("GIF: %v %d×%d, %d variants", g.Type, g.Width, g.Height, len(g.Variants))
	}
}

func TestProcessTurnsPhotosUpright(t *testing.T) {
	// Orientation 6: the camera was turned; the picture is shown rotated
	// by 90°, so a 64×32 sensor image is a 32×64 photo.
	p := process(t, mediatest.JPEGWithGPS(64, 32, 6))
	if p.Width != 32 || p.Height != 64 {
		t.Errorf("orientation 6: %d×%d, want 32×64", p.Width, p.Height)
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(p.Data))
	if err != nil || cfg.Width != 32 || cfg.Height != 64 {
		t.Errorf("stored JPEG is %d×%d (%v), want 32×64", cfg.Width, cfg.Height, err)
	}
}

func TestProcessVariants(t *testing.T) {
	tests := []struct {
		name   string
		data   []byte
		widths []int
		height map[int]int
	}{
		{name: "wide JPEG gets every width", data: mediatest.JPEG(2000, 1000), widths: []int{480, 960, 1600},
			height: map[int]int{480: 240, 960: 480, 1600: 800}},
		{name: "mid-size PNG is not enlarged", data: mediatest.PNG(1000, 500), widths: []int{480, 960}},
		{name: "an image exactly 960 wide gets only the smaller copy", data: mediatest.JPEG(960, 100), widths: []int{480}},
		{name: "small image gets none", data: mediatest.PNG(300, 200), widths: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := process(t, tt.data)
			var got []int
			for _, v := range p.Variants {
				got = append(got, v.Width)
				cfg, _, err := image.DecodeConfig(bytes.NewReader(v.Data))
				if err != nil || cfg.Width != v.Width || cfg.Height != v.Height {
					t.Errorf("variant %d: stored %d×%d (%v), recorded %d×%d", v.Width, cfg.Width, cfg.Height, err, v.Width, v.Height)
				}
				if h, ok := tt.height[v.Width]; ok && v.Height != h {
					t.Errorf("variant %d is %d high, want %d", v.Width, v.Height, h)
				}
			}
			if !equalInts(got, tt.widths) {
				t.Errorf("widths %v, want %v", got, tt.widths)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestProcessWebP(t *testing.T) {
	opaque := process(t, readTestdata(t, "blue-purple-pink.lossy.webp"))
	if opaque.Type != media.TypeJPEG || opaque.Width != 150 || opaque.Height != 100 {
		t.Errorf("lossy WebP: %v %d×%d, want a 150×100 JPEG", opaque.Type, opaque.Width, opaque.Height)
	}
	alpha := process(t, readTestdata(t, "gopher-doc.with-alpha.lossless.webp"))
	if alpha.Type != media.TypePNG {
		t.Errorf("WebP with transparency: stored as %v, want PNG", alpha.Type)
	}
	if _, err := png.Decode(bytes.NewReader(alpha.Data)); err != nil {
		t.Errorf("stored PNG: %v", err)
	}
}

func TestProcessRefuses(t *testing.T) {
	bigGIF := mediatest.GIF(1000, 1000, 41) // 41 megapixels in frames of one
	tests := []struct {
		name   string
		data   []byte
		reason media.Reason
	}{
		{name: "a PNG claiming 100000×100000", data: mediatest.PNGBomb(100_000, 100_000), reason: media.ReasonPixels},
		{name: "a PNG claiming a side over the limit", data: mediatest.PNGBomb(media.MaxSide+1, 10), reason: media.ReasonPixels},
		{name: "a PNG claiming over the pixel limit", data: mediatest.PNGBomb(8000, 6000), reason: media.ReasonPixels},
		{name: "a GIF of too many frames", data: bigGIF, reason: media.ReasonPixels},
		{name: "a JPEG cut short", data: mediatest.JPEG(64, 64)[:300], reason: media.ReasonCorrupt},
		{name: "a file over the size limit", data: append(mediatest.PDF(), make([]byte, media.MaxFileBytes)...), reason: media.ReasonTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := media.NewProcessor(1).Process(context.Background(), tt.data)
			if reason, ok := media.Refusal(err); !ok || reason != tt.reason {
				t.Errorf("Process: %v, want refusal %q", err, tt.reason)
			}
		})
	}
}

func TestCleanName(t *testing.T) {
	tests := []struct{ in, ext, want string }{
		{"report.pdf", ".pdf", "report.pdf"},
		{"../../etc/passwd", ".pdf", "passwd.pdf"},
		{`C:\Users\aigul\Desktop\отчёт 2024.docx`, ".docx", "отчёт 2024.docx"},
		{"a\x00b.pdf", ".pdf", "ab.pdf"},
		{"photo.JPEG", ".jpg", "photo.jpg"},
		{"invoice\u202Efdp.exe", ".pdf", "invoicefdp.pdf"},
		{"picture.pdf", ".png", "picture.png"},
		{"..", ".pdf", "file.pdf"},
		{"  .hidden  ", ".odt", "hidden.odt"},
		{`what"is<this>?.pdf`, ".pdf", "whatisthis.pdf"},
		{"line\r\nbreak.pdf", ".pdf", "linebreak.pdf"},
		{strings.Repeat("я", 300) + ".pdf", ".pdf", strings.Repeat("я", 96) + ".pdf"},
	}
	for _, tt := range tests {
		if got := media.CleanName(tt.in, tt.ext); got != tt.want {
			t.Errorf("CleanName(%q, %q) = %q, want %q", tt.in, tt.ext, got, tt.want)
		}
	}
}

func TestContentDisposition(t *testing.T) {
	got := media.ContentDisposition(`отчёт "2024".pdf`)
	want := `attachment; filename="_____ _2024_.pdf"; filename*=UTF-8''%D0%BE%D1%82%D1%87%D1%91%D1%82%20%222024%22.pdf`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestNames(t *testing.T) {
	n := media.NewName(".jpg")
	if !media.ValidName(n) || n == media.NewName(".jpg") {
		t.Fatalf("NewName = %q", n)
	}
	if v := media.VariantName(n, 480); !media.ValidName(v) || !strings.HasSuffix(v, "-480.jpg") {
		t.Errorf("VariantName = %q", v)
	}
	for _, bad := range []string{"", "../" + n, n + "/x", ".tmp-123", strings.ToUpper(n), "0123.jpg", strings.TrimSuffix(n, ".jpg") + ".svg",
		strings.TrimSuffix(n, ".jpg") + ".html", n + "\x00"} {
		if media.ValidName(bad) {
			t.Errorf("ValidName(%q) = true", bad)
		}
	}
}

type failingReader struct{ n int }

func (r *failingReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, errors.New("connection lost")
	}
	n := min(len(p), r.n)
	r.n -= n
	return n, nil
}

// sizedFailingReader fails like failingReader, having claimed a length as
// a bytes.Reader does.
type sizedFailingReader struct {
	failingReader
	size int
}

func (r *sizedFailingReader) Len() int { return r.size }

// storage is one implementation of media.Storage under test, with a way
// to list everything it holds, finished or not.
type storage struct {
	media.Storage
	leftovers func(t *testing.T) []string
}

// storages are the implementations every Storage test runs against.
func storages(t *testing.T) map[string]func(t *testing.T) storage {
	return map[string]func(t *testing.T) storage{
		"disk": func(t *testing.T) storage {
			dir := t.TempDir()
			d, err := media.NewDisk(dir)
			if err != nil {
				t.Fatal(err)
			}
			return storage{d, func(t *testing.T) []string {
				entries, err := os.ReadDir(dir)
				if err != nil {
					t.Fatal(err)
				}
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				return names
			}}
		},
		"s3": func(t *testing.T) storage {
			srv := testenv.StartS3(t)
			s3, err := media.NewS3(context.Background(), srv.Bucket(t, "media")+"&region=us-east-1")
			if err != nil {
				t.Fatal(err)
			}
			client := srv.Client(t)
			return storage{s3, func(t *testing.T) []string {
				var names []string
				for o := range client.ListObjects(context.Background(), "media", minio.ListObjectsOptions{Recursive: true}) {
					if o.Err != nil {
						t.Fatal(o.Err)
					}
					names = append(names, o.Key)
				}
				for u := range client.ListIncompleteUploads(context.Background(), "media", "", true) {
					if u.Err != nil {
						t.Fatal(u.Err)
					}
					names = append(names, "incomplete upload of "+u.Key)
				}
				return names
			}}
		},
	}
}

// TestStorage is the contract every Storage keeps, run against each.
func TestStorage(t *testing.T) {
	for kind, open := range storages(t) {
		t.Run(kind, func(t *testing.T) {
			s := open(t)
			ctx := context.Background()
			t.Run("a reader failing half-way leaves nothing", func(t *testing.T) {
				name := media.NewName(".pdf")
				// Past the first part of an S3 multipart upload, so that
				// one part is on the server when the reader fails.
				if err := s.Put(ctx, name, &failingReader{n: 17 << 20}); err == nil {
					t.Fatal("Put of a failing reader succeeded")
				}
				if left := s.leftovers(t); len(left) != 0 {
					t.Fatalf("a failed Put left %v behind", left)
				}
				if _, err := s.Open(ctx, name); !errors.Is(err, media.ErrNotExist) {
					t.Errorf("Open after a failed Put: %v", err)
				}
			})
			t.Run("a reader that tells its length and fails half-way leaves nothing", func(t *testing.T) {
				if err := s.Put(ctx, media.NewName(".pdf"), &sizedFailingReader{failingReader{n: 100_000}, 200_000}); err == nil {
					t.Fatal("Put of a failing reader succeeded")
				}
				if left := s.leftovers(t); len(left) != 0 {
					t.Fatalf("a failed Put left %v behind", left)
				}
			})
			t.Run("a reader failing at once leaves nothing", func(t *testing.T) {
				if err := s.Put(ctx, media.NewName(".pdf"), &failingReader{n: 0}); err == nil {
					t.Fatal("Put of a failing reader succeeded")
				}
				if left := s.leftovers(t); len(left) != 0 {
					t.Fatalf("a failed Put left %v behind", left)
				}
			})
			t.Run("open of a missing file", func(t *testing.T) {
				if _, err := s.Open(ctx, media.NewName(".jpg")); !errors.Is(err, media.ErrNotExist) {
					t.Errorf("Open = %v, want ErrNotExist", err)
				}
				if _, err := s.Open(ctx, "../etc/passwd"); !errors.Is(err, media.ErrNotExist) {
					t.Errorf("Open of a bad name = %v, want ErrNotExist", err)
				}
			})
			t.Run("bad names are refused", func(t *testing.T) {
				for _, bad := range []string{"../escape.pdf", "/etc/passwd", ".tmp-x", "", "a/" + media.NewName(".pdf")} {
					if err := s.Put(ctx, bad, strings.NewReader("x")); err == nil {
						t.Errorf("Put(%q) succeeded", bad)
					}
					if err := s.Delete(ctx, bad); err == nil {
						t.Errorf("Delete(%q) succeeded", bad)
					}
				}
				if left := s.leftovers(t); len(left) != 0 {
					t.Fatalf("refused names left %v behind", left)
				}
			})
			t.Run("put, read back, seek, delete", func(t *testing.T) {
				name := media.NewName(".pdf")
				want := bytes.Repeat(mediatest.PDF(), 50)
				if err := s.Put(ctx, name, bytes.NewReader(want)); err != nil {
					t.Fatal(err)
				}
				if left := s.leftovers(t); len(left) != 1 || !strings.HasSuffix(left[0], name) {
					t.Errorf("after one Put the storage holds %v", left)
				}
				f, err := s.Open(ctx, name)
				if err != nil {
					t.Fatal(err)
				}
				got, err := io.ReadAll(f)
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("read back %d bytes (%v), want the %d stored", len(got), err, len(want))
				}
				if size, err := f.Seek(0, io.SeekEnd); err != nil || size != int64(len(want)) {
					t.Errorf("Seek to the end = %d, %v; want %d", size, err, len(want))
				}
				if _, err := f.Seek(100, io.SeekStart); err != nil {
					t.Fatal(err)
				}
				part := make([]byte, 50)
				if _, err := io.ReadFull(f, part); err != nil || !bytes.Equal(part, want[100:150]) {
					t.Errorf("bytes 100 to 150 after Seek: %q, %v", part, err)
				}
				if err := f.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
				if err := s.Delete(ctx, name); err != nil {
					t.Fatal(err)
				}
				if _, err := s.Open(ctx, name); !errors.Is(err, media.ErrNotExist) {
					t.Errorf("Open after Delete: %v", err)
				}
				if err := s.Delete(ctx, name); err != nil {
					t.Errorf("deleting twice: %v", err)
				}
				if left := s.leftovers(t); len(left) != 0 {
					t.Errorf("%v left after Delete", left)
				}
			})
			t.Run("put replaces", func(t *testing.T) {
				name := media.NewName(".png")
				for _, data := range [][]byte{mediatest.PNG(4, 4), mediatest.PNG(8, 8)} {
					if err := s.Put(ctx, name, bytes.NewReader(data)); err != nil {
						t.Fatal(err)
					}
				}
				f, err := s.Open(ctx, name)
				if err != nil {
					t.Fatal(err)
				}
				got, _ := io.ReadAll(f)
				f.Close()
				if !bytes.Equal(got, mediatest.PNG(8, 8)) {
					t.Error("a second Put did not replace the first")
				}
				s.Delete(ctx, name)
			})
		})
	}
}

// TestS3ContentType checks that objects carry their type, for anyone
// who serves the bucket directly.
func TestS3ContentType(t *testing.T) {
	srv := testenv.StartS3(t)
	s3, err := media.NewS3(context.Background(), strings.Replace(srv.Bucket(t, "typed"), "typed?", "typed/site-a?", 1))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	name := media.NewName(".webp")
	if err := s3.Put(ctx, name, bytes.NewReader([]byte("RIFF....WEBP"))); err != nil {
		t.Fatal(err)
	}
	info, err := srv.Client(t).StatObject(ctx, "typed", "site-a/"+name, minio.StatObjectOptions{})
	if err != nil {
		t.Fatalf("the object is not under its prefix: %v", err)
	}
	if info.ContentType != "image/webp" {
		t.Errorf("Content-Type = %q, want image/webp", info.ContentType)
	}
}

// TestNewS3Refuses checks that what would fail every upload stops the
// start-up, with a message that names the problem and no secret.
func TestNewS3Refuses(t *testing.T) {
	srv := testenv.StartS3(t)
	srv.Bucket(t, "present")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	wrongKey := strings.Replace(srv.URL("present"), "secret_key="+srv.SecretKey, "secret_key=not-the-secret", 1)
	tests := []struct {
		name, url, want string
	}{
		{"a missing bucket", srv.URL("absent"), "does not exist"},
		{"a server that does not answer", strings.Replace(srv.URL("present"), srv.Endpoint, closed, 1), "cannot be reached"},
		{"a wrong secret", wrongKey, "refused access"},
		{"no endpoint", "s3://present?access_key=a&secret_key=" + srv.SecretKey, "endpoint"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			_, err := media.NewS3(ctx, tt.url)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("NewS3 = %v, want an error saying %q", err, tt.want)
			}
			if strings.Contains(err.Error(), srv.SecretKey) || strings.Contains(err.Error(), "not-the-secret") {
				t.Errorf("the error shows the secret: %v", err)
			}
		})
	}
}

func TestParseS3URL(t *testing.T) {
	t.Setenv("AWS_ACCESS_KEY_ID", "")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "")
	tests := []struct {
		name string
		url  string
		env  [2]string
		want media.S3Config
		err  string
	}{
		{name: "everything in the URL", url: "s3://site/media/2026?endpoint=s3.example.org:443&region=eu-1&access_key=AK&secret_key=SK",
			want: media.S3Config{Bucket: "site", Prefix: "media/2026", Endpoint: "s3.example.org:443", Region: "eu-1", Secure: true, AccessKey: "AK", SecretKey: "SK"}},
		{name: "plain HTTP and keys from the environment", url: "s3://site?endpoint=127.0.0.1:9000&secure=false", env: [2]string{"EAK", "ESK"},
			want: media.S3Config{Bucket: "site", Endpoint: "127.0.0.1:9000", AccessKey: "EAK", SecretKey: "ESK"}},
		{name: "keys in the URL win", url: "s3://site?endpoint=h:1&access_key=AK&secret_key=SK", env: [2]string{"EAK", "ESK"},
			want: media.S3Config{Bucket: "site", Endpoint: "h:1", Secure: true, AccessKey: "AK", SecretKey: "SK"}},
		{name: "no keys", url: "s3://site?endpoint=h:1", err: "access_key"},
		{name: "half the keys", url: "s3://site?endpoint=h:1&access_key=AK", err: "both"},
		{name: "no bucket", url: "s3:///x?endpoint=h:1&access_key=AK&secret_key=SK", err: "bucket"},
		{name: "no port", url: "s3://site?endpoint=h&access_key=AK&secret_key=SK", err: "host:port"},
		{name: "another scheme", url: "https://site?endpoint=h:1&access_key=AK&secret_key=SK", err: "s3://"},
		{name: "a misspelt parameter", url: "s3://site?endpoint=h:1&acces_key=AK&secret_key=SK", err: "acces_key"},
		{name: "secure not a boolean", url: "s3://site?endpoint=h:1&secure=maybe&access_key=AK&secret_key=SK", err: "secure"},
		{name: "keys before the bucket", url: "s3://AK:SK@site?endpoint=h:1", err: "access_key"},
		{name: "a prefix that climbs", url: "s3://site/a/../b?endpoint=h:1&access_key=AK&secret_key=SK", err: "prefix"},
		{name: "not a URL", url: "s3://site?endpoint=h:1&secret_key=SK%zz", err: "URL-encoded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("AWS_ACCESS_KEY_ID", tt.env[0])
			t.Setenv("AWS_SECRET_ACCESS_KEY", tt.env[1])
			got, err := media.ParseS3URL(tt.url)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("ParseS3URL = %+v, %v; want an error saying %q", got, err, tt.err)
				}
				for _, secret := range []string{"SK", "ESK"} {
					if strings.Contains(err.Error(), "="+secret) || strings.Contains(err.Error(), ":"+secret) {
						t.Errorf("the error shows the secret: %v", err)
					}
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseS3URL = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}
