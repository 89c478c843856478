package admin

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/lang"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/xliff"
)

// How datka's items map onto XLIFF 2.0: one <file> per item, its id the
// item's kind and group id ("organisation-12", "event-31"); one <unit> per field, its
// id the field's key ("section.0.items"). The slug is left out: it is an
// address made from the title by transliteration, which a translator can
// neither translate nor check, so the import makes it from the translated
// title when the language has none yet and keeps it otherwise (stable
// URLs). Fields whose source is empty are left out too.
//
// Notes on each <file> carry what the import needs back: the revision of
// the source text the export was made from, so that a translation records
// what it was made from and the board can tell when the source moves on.
const (
	noteSourceRev = "datka:source-rev"
	noteState     = "datka:state"
	noteFormat    = "datka:format"
)

// Export selections (the state parameter).
const (
	exportNeeding  = "all-needing" // missing and outdated
	exportMissing  = "missing"
	exportOutdated = "outdated"
)

// XLIFFImportPath is where translated files are posted, and MaxImportBody
// the largest request it takes: the largest XLIFF file and room for the
// form around it. The application lets this route take more than its
// general limit; the handler enforces this one itself, so that a file
// just too large is explained rather than cut off.
const (
	XLIFFImportPath = "/admin/xliff/import"
	MaxImportBody   = xliff.MaxBytes + 1<<20
)

func fileID(kind string, id int64) string { return kind + "-" + itoa(id) }

// parseFileID reads "organisation-12", "news-7".
func parseFileID(s string) (kind string, id int64, ok bool) {
	kind, n, ok := strings.Cut(s, "-")
	if !ok || (kind != store.KindPage && kind != store.KindOrganisation && !store.IsEntryKind(kind)) {
		return "", 0, false
	}
	id, err := strconv.ParseInt(n, 10, 64)
	if err != nil || id <= 0 || strconv.FormatInt(id, 10) != n {
		return "", 0, false
	}
	return kind, id, true
}

// XLIFFTargets lists, for the board's export and import forms, the
// languages the signed-in person may translate into.
func (v *boardView) XLIFFTargets() []filterOption {
	var out []filterOption
	for _, o := range v.Langs {
		if o.Value != "" && v.User.CanEditLang(o.Value) {
			out = append(out, o)
		}
	}
	return out
}

// XLIFFSources lists the languages to translate from, the site's default
// language first and chosen.
func (v *boardView) XLIFFSources() []filterOption {
	var out []filterOption
	for _, o := range v.Langs {
		if o.Value != "" {
			out = append(out, filterOption{Value: o.Value, Label: o.Label, Selected: len(out) == 0})
		}
	}
	return out
}

// xliffExport sends, as an XLIFF 2.0 file, every item whose text in the
// chosen language is missing or outdated (and, when asked, in draft or
// review), with the source's published text and the current translation
// as target where there is one.
func (h *handler) xliffExport(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u := currentUser(r)
	q := r.URL.Query()
	target, ok := h.langs.Get(q.Get("lang"))
	source := h.langs.Default()
	if code := q.Get("from"); code != "" {
		var known bool
		source, known = h.langs.Get(code)
		ok = ok && known
	}
	selection := q.Get("state")
	if selection == "" {
		selection = exportNeeding
	}
	if !ok || source.Code == target.Code || (selection != exportNeeding && selection != exportMissing && selection != exportOutdated) {
		h.fail(w, r, http.StatusBadRequest, "xliff_bad_request")
		return
	}
	if !u.CanEditLang(target.Code) {
		h.forbidden(w, r)
		return
	}
	drafts := q.Get("drafts") == "1"
	board, err := h.st.Board(ctx)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	labels := &chrome{tr: h.cat.For(h.uiLang(r, u))}
	doc := &xliff.Document{SrcLang: source.Code, TrgLang: target.Code}
	for _, b := range board {
		if b.SourceLang != source.Code {
			continue
		}
		state := b.State(target.Code)
		switch {
		case state == content.CellMissing && selection != exportOutdated,
			state == content.CellOutdated && selection != exportMissing,
			(state == content.CellDraft || state == content.CellReview) && drafts:
		default:
			continue
		}
		it, err := h.loadItem(r, b.ID)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		src := it.Published[source.Code]
		if src == nil || it.Status[source.Code] != content.StatusPublished {
			continue // nothing to translate yet
		}
		var current content.Fields
		switch state {
		case content.CellOutdated:
			current = it.Published[target.Code]
		case content.CellDraft, content.CellReview:
			d, err := h.st.Draft(ctx, it.ID, target.Code)
			switch {
			case err == nil:
				current = d.Fields
			case errors.Is(err, store.ErrNotFound):
				current = it.Published[target.Code] // taken off the site
			default:
				h.serverError(w, r, err)
				return
			}
		}
		f := xliff.File{ID: fileID(it.Kind, it.ID), Original: it.Kind + "/" + it.Key, Notes: []xliff.Note{
			{Category: noteSourceRev, Text: strconv.Itoa(it.Rev[source.Code])},
			{Category: noteState, Text: string(state)},
			{Text: src.Get("title") + src.Get("name")},
		}}
		for _, key := range it.structure(target.Code, nil) {
			value := src.Get(key)
			if key == "slug" || value == "" {
				continue
			}
			unit := xliff.Unit{ID: key, Name: fieldLabel(labels, key), Source: value,
				Notes: []xliff.Note{{Category: noteFormat, Text: fieldFormat(key)}}}
			if t := current.Get(key); t != "" {
				unit.Target, unit.HasTarget = t, true
			}
			f.Units = append(f.Units, unit)
		}
		if len(f.Units) > 0 {
			doc.Files = append(doc.Files, f)
		}
	}
	if len(doc.Files) == 0 {
		h.flash(r, "xliff_nothing")
		http.Redirect(w, r, "/admin/board?lang="+target.Code, http.StatusSeeOther)
		return
	}
	var buf bytes.Buffer
	if err := xliff.Encode(&buf, doc); err != nil {
		h.serverError(w, r, fmt.Errorf("admin: xliff export: %w", err))
		return
	}
	name := fmt.Sprintf("datka-%s-%s.xlf", lang.Slugify("en", target.Code), h.now().In(h.loc).Format("2006-01-02"))
	w.Header().Set("Content-Type", "application/xliff+xml; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.Write(buf.Bytes())
}

// fieldFormat tells a translator how a field is written.
func fieldFormat(key string) string {
	switch s := content.Shape(key); {
	case s.Markdown:
		return "markdown"
	case s.Lines:
		return "one entry per line"
	case s.Multiline:
		return "plain text"
	}
	return "plain text, one line"
}
