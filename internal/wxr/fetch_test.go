package wxr

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/datka-cms/datka/internal/media"
)

func TestPublicAddr(t *testing.T) {
	for addr, want := range map[string]bool{
		"93.184.215.14":         true,
		"2606:2800:21f:cb07::1": true,
		"127.0.0.1":             false,
		"::1":                   false,
		"10.1.2.3":              false,
		"172.16.0.1":            false,
		"192.168.1.1":           false,
		"169.254.169.254":       false, // cloud metadata
		"100.64.0.1":            false,
		"0.0.0.0":               false,
		"::":                    false,
		"::ffff:127.0.0.1":      false,
		"::ffff:10.0.0.1":       false,
		"fc00::1":               false,
		"fe80::1":               false,
		"64:ff9b::7f00:1":       false,
		"2002:7f00:1::":         false,
		"224.0.0.1":             false,
		"255.255.255.255":       false,
		"198.18.0.1":            false,
		"2001:db8::1":           false,
		"ff02::1":               false,
		"192.0.2.1":             false,
		"203.0.113.9":           false,
		"8.8.8.8":               true,
		"::ffff:8.8.8.8":        true,
		"2a00:1450:4001:80b::1": true,
	} {
		if got := publicAddr(netip.MustParseAddr(addr)); got != want {
			t.Errorf("publicAddr(%s) = %v, want %v", addr, got, want)
		}
	}
}

// uploadsServer serves testdata/uploads as the old site would.
func uploadsServer(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.StripPrefix("/wp-content/uploads/", http.FileServer(http.Dir("testdata/uploads"))))
	t.Cleanup(srv.Close)
	return srv
}

func TestImportFetches(t *testing.T) {
	tests := []struct {
		name   string
		client *http.Client
		// relative writes the attachments' addresses as older exports
		// do, relative to the site's.
		relative bool
		files    int
		report   []string
	}{
		{"from a public address", fetchClient(func(netip.Addr) bool { return true }), false, 2,
			[]string{`attachment 6 "Пропавшее фото": not fetched: 127.0.0.1:`, `answered 404 Not Found`}},
		{"relative addresses", fetchClient(func(netip.Addr) bool { return true }), true, 2,
			[]string{`attachment 6 "Пропавшее фото": not fetched: 127.0.0.1:`, `answered 404 Not Found`}},
		{"never from this machine", PublicClient(), false, 0,
			[]string{`attachment 4 "Горы": not fetched: 127.0.0.1:`, `does not lead to a public address`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, files := site(t)
			ex := realExport(t)
			srv := uploadsServer(t)
			for i, it := range ex.Items {
				if tt.relative {
					ex.BaseURL = srv.URL
					ex.Items[i].AttachmentURL = strings.TrimPrefix(it.AttachmentURL, "http://wxr.example")
				} else {
					ex.Items[i].AttachmentURL = strings.Replace(it.AttachmentURL, "http://wxr.example", srv.URL, 1)
				}
			}
			im := &Importer{Store: st, Files: files, Proc: media.NewProcessor(1), Fetch: tt.client, Langs: []string{"ru", "ky", "en"}}
			rep, err := im.Import(t.Context(), ex)
			if err != nil {
				t.Fatal(err)
			}
			var out strings.Builder
			rep.WriteTo(&out)
			if rep.Created["file"] != tt.files {
				t.Errorf("created %d files, want %d:\n%s", rep.Created["file"], tt.files, out.String())
			}
			for _, want := range tt.report {
				if !strings.Contains(out.String(), want) {
					t.Errorf("the report does not say %q:\n%s", want, out.String())
				}
			}
		})
	}
}
