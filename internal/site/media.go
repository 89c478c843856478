package site

import (
	"context"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"strings"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/markup"
	"github.com/datka-cms/datka/internal/media"
	"github.com/datka-cms/datka/internal/store"
)

// imageSizes is the sizes attribute of images in a text: the text column
// is at most 60rem wide less its padding.
const imageSizes = "(min-width: 60rem) 58rem, 100vw"

// markdown renders a text written in language code, giving the library's
// images their size, their smaller copies and, where the text has none,
// their alternative text in that language.
func (h *handler) markdown(ctx context.Context, code, src string) template.HTML {
	return h.renderedMarkdown(ctx, code, src, func() template.HTML { return h.renderMarkdown(ctx, code, src) })
}

func (h *handler) renderMarkdown(ctx context.Context, code, src string) template.HTML {
	if !strings.Contains(src, content.MediaURLPrefix) {
		return h.md.HTML(src)
	}
	return h.md.HTMLWithImages(src, func(url string) (markup.Image, bool) {
		url = strings.TrimPrefix(url, h.baseURL)
		name, ok := strings.CutPrefix(url, content.MediaURLPrefix)
		if !ok || !media.ValidName(name) {
			return markup.Image{}, false
		}
		m, err := h.st.MediaByName(ctx, name)
		if err != nil {
			if !errors.Is(err, store.ErrNotFound) {
				h.log.Warn("media lookup", "name", name, "err", err)
			}
			return markup.Image{}, false
		}
		if m.Kind != content.MediaImage {
			return markup.Image{}, false
		}
		img := markup.Image{Width: m.Width, Height: m.Height, Srcset: m.Srcset(), Alt: m.Alt[code]}
		if img.Srcset != "" {
			img.Sizes = imageSizes
		}
		return img, true
	})
}

// mediaHandler serves the library's files. It is mounted beside the site,
// not behind its page cache: the files are served from storage as they
// are, with ranges and conditional requests.
type mediaHandler struct {
	st    *store.Store
	files media.Storage
	log   *slog.Logger
}

// NewMediaHandler serves GET /media/{name}. Names never change, so images
// are cached for a year; documents are always downloads, never shown in
// the site's origin, and every file is sandboxed should a browser try to
// render it anyway.
func NewMediaHandler(st *store.Store, files media.Storage, log *slog.Logger) http.Handler {
	return &mediaHandler{st: st, files: files, log: log}
}

func (h *mediaHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if name == "" {
		name = strings.TrimPrefix(r.URL.Path, content.MediaURLPrefix)
	}
	notFound := func() {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte("Not found\n"))
	}
	if !media.ValidName(name) {
		notFound()
		return
	}
	ctx := r.Context()
	m, err := h.st.MediaByName(ctx, name)
	if errors.Is(err, store.ErrNotFound) {
		notFound()
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	f, err := h.files.Open(ctx, name)
	if errors.Is(err, media.ErrNotExist) {
		h.log.Warn("media file missing", "name", name)
		notFound()
		return
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	defer f.Close()
	hd := w.Header()
	hd.Set("Content-Type", m.ContentType)
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("ETag", `"`+name+`"`)
	if m.Kind == content.MediaImage {
		hd.Set("Content-Security-Policy", "default-src 'none'; img-src 'self'; sandbox")
		hd.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		hd.Set("Content-Security-Policy", "default-src 'none'; sandbox")
		hd.Set("Content-Disposition", media.ContentDisposition(m.OriginalName))
		hd.Set("Cache-Control", "public, max-age=86400")
	}
	http.ServeContent(w, r, "", m.CreatedAt, f)
}

func (h *mediaHandler) fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	h.log.Error("media request failed", "path", r.URL.Path, "err", err)
	http.Error(w, "The server could not send this file. Please try again in a minute.", http.StatusInternalServerError)
}
