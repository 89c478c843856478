package admin

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/media"
	"github.com/datka-cms/datka/internal/store"
)

// UploadPath is where the media library's uploads are posted, and
// UploadBodyBytes the request size it takes: a file at the limit and the
// rest of the form. Every other request keeps the site's small limit.
const (
	UploadPath      = "/admin/media"
	UploadBodyBytes = media.MaxFileBytes + 1<<20
)

const (
	mediaPerPage   = 40
	maxAltRunes    = 500
	uploadReadTime = 10 * time.Minute
)

// uploadAccept is the file input's accept list: a hint for the browser's
// file picker; the server decides from the content.
const uploadAccept = ".jpg,.jpeg,.png,.gif,.webp,.pdf,.docx,.xlsx,.pptx,.odt," +
	"image/jpeg,image/png,image/gif,image/webp,application/pdf"

// canUpload reports whether u may add files to the library.
func canUpload(u content.User) bool { return u.CanPublish() }

// canDeleteMedia reports whether u may remove files from the library.
func canDeleteMedia(u content.User) bool { return u.CanPublish() }

type mediaRow struct {
	content.Media
	TypeLabel string
	SizeLabel string
}

type altField struct {
	Code, Name, Value string
	CanEdit           bool
}

type mediaListView struct {
	chrome
	Items     []mediaRow
	Total     int
	CanUpload bool
	Accept    string
	MaxSize   string
	Alts      []altField
	PrevURL   string
	NextURL   string
}

type snippet struct {
	Lang, Name, Text string
}

type mediaUseView struct {
	Kind, Title, Lang, URL string
	Draft                  bool
}

type mediaItemView struct {
	chrome
	Item       mediaRow
	Alts       []altField
	CanEditAlt bool
	Snippets   []snippet
	Uses       []mediaUseView
	CanDelete  bool
}

func (h *handler) mediaRow(c *chrome, m content.Media) mediaRow {
	return mediaRow{Media: m, SizeLabel: c.tr.Size(m.Size), TypeLabel: m.Format()}
}

func (h *handler) altFields(u content.User, values map[string]string) []altField {
	var out []altField
	for _, l := range h.langs.All() {
		out = append(out, altField{Code: l.Code, Name: l.Name, Value: values[l.Code], CanEdit: u.CanEditLang(l.Code)})
	}
	return out
}

func (h *handler) mediaListView(w http.ResponseWriter, r *http.Request, alts map[string]string) (mediaListView, error) {
	u := currentUser(r)
	v := mediaListView{chrome: h.newChrome(w, r, "media_library"), CanUpload: canUpload(u) && h.files != nil,
		Accept: uploadAccept}
	v.MaxSize = v.tr.Size(media.MaxFileBytes)
	v.Alts = h.altFields(u, alts)
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	page = max(page, 1)
	list, total, err := h.st.MediaList(r.Context(), mediaPerPage, (page-1)*mediaPerPage)
	if err != nil {
		return v, err
	}
	v.Total = total
	for _, m := range list {
		v.Items = append(v.Items, h.mediaRow(&v.chrome, m))
	}
	if page > 1 {
		v.PrevURL = fmt.Sprintf("/admin/media?page=%d", page-1)
	}
	if page*mediaPerPage < total {
		v.NextURL = fmt.Sprintf("/admin/media?page=%d", page+1)
	}
	return v, nil
}

func (h *handler) mediaList(w http.ResponseWriter, r *http.Request) {
	v, err := h.mediaListView(w, r, nil)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "media", &v)
}

// uploadForm is the upload form as read from the request.
type uploadForm struct {
	FileName string
	Data     []byte
	HasFile  bool
	TooLarge bool
	Alt      map[string]string
}

// readUpload reads the multipart form as it streams in, holding at most
// one file of the largest accepted size in memory.
func readUpload(r *http.Request) (uploadForm, error) {
	f := uploadForm{Alt: map[string]string{}}
	mr, err := r.MultipartReader()
	if err != nil {
		return f, err
	}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return f, nil
		}
		if err != nil {
			return f, err
		}
		name := part.FormName()
		switch {
		case name == "file" && !f.HasFile:
			f.HasFile = true
			f.FileName = part.FileName()
			if f.Data, err = io.ReadAll(io.LimitReader(part, media.MaxFileBytes+1)); err != nil {
				return f, err
			}
			if len(f.Data) > media.MaxFileBytes {
				f.TooLarge, f.Data = true, nil
			}
		case strings.HasPrefix(name, "alt.") && len(f.Alt) < 64:
			b, err := io.ReadAll(io.LimitReader(part, 4*maxAltRunes+1))
			if err != nil {
				return f, err
			}
			f.Alt[strings.TrimPrefix(name, "alt.")] = string(b)
		}
		// The rest of the part (of a file too large, or a field not
		// asked for) is read and dropped.
		if _, err := io.Copy(io.Discard, part); err != nil {
			return f, err
		}
	}
}

// cleanAlt normalises an alternative text; ok is false for one that is
// too long or not text.
func cleanAlt(s string) (string, bool) {
	s = strings.Join(strings.Fields(s), " ")
	return s, utf8.ValidString(s) && utf8.RuneCountInString(s) <= maxAltRunes
}

// mediaUpload takes one file: checked from its content, images encoded
// again without their metadata, smaller copies made, everything stored
// under server-made names, then recorded. A refusal leaves nothing in
// storage or in the database.
func (h *handler) mediaUpload(w http.ResponseWriter, r *http.Request) {
	u := currentUser(r)
	if !canUpload(u) || h.files == nil {
		h.forbidden(w, r)
		return
	}
	ctx := r.Context()
	// The server's read timeout suits forms, not 20 MB over a rural
	// mobile connection; where the writer cannot say, the timeout stays.
	if err := http.NewResponseController(w).SetReadDeadline(time.Now().Add(uploadReadTime)); err != nil {
		h.log.Warn("media upload: cannot extend the read deadline", "err", err)
	}
	r.Body = http.MaxBytesReader(w, r.Body, UploadBodyBytes)
	form, err := readUpload(r)
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		h.refuseUpload(w, r, form.Alt, http.StatusRequestEntityTooLarge, media.ReasonTooLarge)
		return
	case err != nil:
		h.log.Info("media upload: unreadable form", "err", err)
		h.refuseUpload(w, r, form.Alt, http.StatusBadRequest, "")
		return
	case form.TooLarge:
		h.refuseUpload(w, r, form.Alt, http.StatusRequestEntityTooLarge, media.ReasonTooLarge)
		return
	case !form.HasFile || len(form.Data) == 0:
		h.refuseUpload(w, r, form.Alt, http.StatusUnprocessableEntity, media.ReasonEmpty)
		return
	}
	alts := map[string]string{}
	for _, l := range h.langs.All() {
		alt, ok := cleanAlt(form.Alt[l.Code])
		if !ok {
			h.refuseUpload(w, r, form.Alt, http.StatusUnprocessableEntity, "alt")
			return
		}
		if alt != "" && u.CanEditLang(l.Code) {
			alts[l.Code] = alt
		}
	}
	p, err := h.proc.Process(ctx, form.Data)
	if reason, ok := media.Refusal(err); ok {
		h.log.Info("media upload refused", "reason", reason, "err", err, "file", form.FileName)
		h.refuseUpload(w, r, form.Alt, http.StatusUnprocessableEntity, reason)
		return
	}
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	m := content.Media{
		Kind: content.MediaDocument, Name: media.NewName(p.Type.Ext), ContentType: p.Type.ContentType,
		Size: int64(len(p.Data)), Width: p.Width, Height: p.Height,
		OriginalName: media.CleanName(form.FileName, p.Type.Ext), CreatedBy: u.ID, CreatedAt: h.now(),
	}
	if p.Type.Image {
		m.Kind, m.Alt = content.MediaImage, alts
	}
	files := map[string][]byte{m.Name: p.Data}
	for _, v := range p.Variants {
		name := media.VariantName(m.Name, v.Width)
		m.Variants = append(m.Variants, content.MediaVariant{Width: v.Width, Height: v.Height, Name: name})
		files[name] = v.Data
	}
	var stored []string
	undo := func() {
		for _, name := range stored {
			if err := h.files.Delete(context.WithoutCancel(ctx), name); err != nil {
				h.log.Error("media upload: undo", "name", name, "err", err)
			}
		}
	}
	for name, data := range files {
		if err := h.files.Put(ctx, name, bytes.NewReader(data)); err != nil {
			undo()
			h.serverError(w, r, err)
			return
		}
		stored = append(stored, name)
	}
	id, err := h.st.CreateMedia(ctx, m)
	if err != nil {
		undo()
		h.serverError(w, r, err)
		return
	}
	h.record(r, content.AuditEntry{Action: "media_upload", Kind: "media", ItemID: id,
		Detail: fmt.Sprintf("%s %q %s %d bytes", m.Name, m.OriginalName, m.ContentType, m.Size)})
	h.flash(r, "media_uploaded")
	http.Redirect(w, r, fmt.Sprintf("/admin/media/%d", id), http.StatusSeeOther)
}

// refuseUpload shows the library again with the reason and what was
// typed; reason "" is a form that could not be read.
func (h *handler) refuseUpload(w http.ResponseWriter, r *http.Request, alts map[string]string, status int, reason media.Reason) {
	v, err := h.mediaListView(w, r, alts)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if reason == "" {
		v.Error = v.T("admin_bad_form")
	} else {
		v.Error = v.T("media_refused_"+string(reason), "Size", v.MaxSize,
			"Pixels", strconv.Itoa(media.MaxPixels/1_000_000), "Side", strconv.Itoa(media.MaxSide))
	}
	h.render(w, r, status, "media", &v)
}

func (h *handler) mediaFromPath(w http.ResponseWriter, r *http.Request) (content.Media, bool) {
	return byPathID(h, w, r, h.st.Media)
}

// byPathID loads what the path's {id} names, answering 404 (or 500)
// itself when there is none to show.
func byPathID[T any](h *handler, w http.ResponseWriter, r *http.Request, load func(context.Context, int64) (T, error)) (T, bool) {
	var zero T
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		h.notFound(w, r)
		return zero, false
	}
	v, err := load(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		h.notFound(w, r)
		return zero, false
	}
	if err != nil {
		h.serverError(w, r, err)
		return zero, false
	}
	return v, true
}

func (h *handler) mediaItemView(w http.ResponseWriter, r *http.Request, m content.Media) (mediaItemView, error) {
	u := currentUser(r)
	v := mediaItemView{chrome: h.newChrome(w, r, "media_item"), CanDelete: canDeleteMedia(u)}
	v.Item = h.mediaRow(&v.chrome, m)
	v.Title = m.OriginalName
	v.Alts = h.altFields(u, m.Alt)
	for _, a := range v.Alts {
		v.CanEditAlt = v.CanEditAlt || a.CanEdit
		text := "[" + escapeMarkdownText(m.OriginalName) + "](" + m.URL() + ")"
		if m.Kind == content.MediaImage {
			text = "![" + escapeMarkdownText(m.Alt[a.Code]) + "](" + m.URL() + ")"
		}
		v.Snippets = append(v.Snippets, snippet{Lang: a.Code, Name: a.Name, Text: text})
	}
	uses, err := h.st.MediaUses(r.Context(), m)
	if err != nil {
		return v, err
	}
	for _, use := range uses {
		uv := mediaUseView{Kind: v.T("kind_" + use.Kind), Title: use.Title, Lang: use.Lang, Draft: use.Draft}
		switch {
		case use.Kind == store.KindPage || use.Kind == store.KindOrganisation || store.IsEntryKind(use.Kind):
			code := use.Lang
			if code == "" {
				code = h.langs.Default().Code
			}
			uv.URL = fmt.Sprintf("/admin/edit/%d/%s", use.GroupID, code)
		default:
			uv.Kind = v.T("media_use_settings")
		}
		v.Uses = append(v.Uses, uv)
	}
	return v, nil
}

// escapeMarkdownText keeps brackets in a name from ending a link's text.
func escapeMarkdownText(s string) string {
	return strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`).Replace(s)
}

func (h *handler) mediaItem(w http.ResponseWriter, r *http.Request) {
	m, ok := h.mediaFromPath(w, r)
	if !ok {
		return
	}
	v, err := h.mediaItemView(w, r, m)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "media_item", &v)
}

// mediaSave changes an image's alternative texts. A translator may change
// only their languages; a form that changes another is refused whole.
func (h *handler) mediaSave(w http.ResponseWriter, r *http.Request) {
	m, ok := h.mediaFromPath(w, r)
	if !ok {
		return
	}
	if m.Kind != content.MediaImage {
		h.fail(w, r, http.StatusBadRequest, "admin_bad_form")
		return
	}
	if err := r.ParseForm(); err != nil {
		h.fail(w, r, http.StatusBadRequest, "admin_bad_form")
		return
	}
	u := currentUser(r)
	changed := map[string]string{}
	for _, l := range h.langs.All() {
		values, sent := r.PostForm["alt."+l.Code]
		if !sent {
			continue
		}
		alt, ok := cleanAlt(values[0])
		if !ok {
			v, err := h.mediaItemView(w, r, m)
			if err != nil {
				h.serverError(w, r, err)
				return
			}
			v.Error = v.T("media_refused_alt")
			h.render(w, r, http.StatusUnprocessableEntity, "media_item", &v)
			return
		}
		if alt == m.Alt[l.Code] {
			continue
		}
		if !u.CanEditLang(l.Code) {
			h.forbidden(w, r)
			return
		}
		changed[l.Code] = alt
	}
	for _, l := range h.langs.All() {
		alt, ok := changed[l.Code]
		if !ok {
			continue
		}
		if err := h.st.SetMediaAlt(r.Context(), m.ID, l.Code, alt); err != nil {
			h.serverError(w, r, err)
			return
		}
		h.record(r, content.AuditEntry{Action: "media_alt", Kind: "media", ItemID: m.ID, Lang: l.Code, Detail: m.Name})
	}
	h.flash(r, "media_saved")
	http.Redirect(w, r, fmt.Sprintf("/admin/media/%d", m.ID), http.StatusSeeOther)
}

// mediaDelete removes a file nothing uses any more: from the database
// first, so that the site stops offering it, then from storage.
func (h *handler) mediaDelete(w http.ResponseWriter, r *http.Request) {
	if !canDeleteMedia(currentUser(r)) || h.files == nil {
		h.forbidden(w, r)
		return
	}
	m, ok := h.mediaFromPath(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	deleted, _, err := h.st.DeleteMedia(ctx, m.ID)
	switch {
	case errors.Is(err, store.ErrInUse):
		v, err := h.mediaItemView(w, r, m)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		v.Error = v.T("media_in_use")
		h.render(w, r, http.StatusConflict, "media_item", &v)
		return
	case errors.Is(err, store.ErrNotFound):
		h.notFound(w, r)
		return
	case err != nil:
		h.serverError(w, r, err)
		return
	}
	names := []string{deleted.Name}
	for _, v := range deleted.Variants {
		names = append(names, v.Name)
	}
	for _, name := range names {
		if err := h.files.Delete(context.WithoutCancel(ctx), name); err != nil {
			h.log.Error("media delete: file left behind", "name", name, "err", err)
		}
	}
	h.record(r, content.AuditEntry{Action: "media_delete", Kind: "media", ItemID: m.ID,
		Detail: fmt.Sprintf("%s %q", m.Name, m.OriginalName)})
	h.flash(r, "media_deleted")
	http.Redirect(w, r, "/admin/media", http.StatusSeeOther)
}
