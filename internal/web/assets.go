package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

// Assets serves static files under URLs that carry a hash of their
// content ("/static/css/site.1a2b3c4d5e.css"), so that browsers and CDNs
// may keep them for a year: a changed file gets a new URL.
type Assets struct {
	prefix string
	urls   map[string]string // name → fingerprinted URL
	files  map[string]*asset // fingerprinted URL → file
}

type asset struct {
	body        []byte
	gz          []byte
	contentType string
	etag        string
}

// LoadAssets reads every file of fsys into memory and fingerprints it.
func LoadAssets(fsys fs.FS, prefix string) (*Assets, error) {
	a := &Assets{prefix: strings.TrimSuffix(prefix, "/"), urls: map[string]string{}, files: map[string]*asset{}}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		hash := hex.EncodeToString(sum[:5])
		ext := path.Ext(name)
		url := a.prefix + "/" + strings.TrimSuffix(name, ext) + "." + hash + ext
		ct := mime.TypeByExtension(ext)
		if ct == "" {
			ct = "application/octet-stream"
		}
		f := &asset{body: body, contentType: ct, etag: `"` + hash + `"`}
		if compressible(ct) && len(body) >= minGzip {
			f.gz = Gzip(body)
		}
		a.urls[name] = url
		a.files[url] = f
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("web: load assets: %w", err)
	}
	return a, nil
}

func compressible(ct string) bool {
	return strings.HasPrefix(ct, "text/") || strings.Contains(ct, "javascript") ||
		strings.Contains(ct, "json") || strings.Contains(ct, "svg") || strings.Contains(ct, "xml")
}

// URL returns the fingerprinted URL of the named asset. Asking for an
// asset that does not exist is a bug in a template, caught at start-up
// when templates are executed in tests.
func (a *Assets) URL(name string) (string, error) {
	u, ok := a.urls[name]
	if !ok {
		return "", fmt.Errorf("web: no asset %q", name)
	}
	return u, nil
}

// Body returns the bytes of the named asset, for inlining.
func (a *Assets) Body(name string) []byte {
	if f, ok := a.files[a.urls[name]]; ok {
		return f.body
	}
	return nil
}

// ServeHTTP serves a fingerprinted asset with a year-long cache lifetime.
func (a *Assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f, ok := a.files[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("Content-Type", f.contentType)
	h.Set("Vary", "Accept-Encoding")
	if strings.Contains(f.contentType, "svg") {
		// An SVG opened directly must not run script even if one slipped in.
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
	}
	body, etag := f.body, f.etag
	if f.gz != nil && AcceptsGzip(r) {
		body, etag = f.gz, "W/"+f.etag
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("ETag", etag)
	if NotModified(r, etag) {
		h.Del("Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", fmt.Sprint(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}
