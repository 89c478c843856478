package admin

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/lang"
	"github.com/datka-cms/datka/internal/store"
	"github.com/datka-cms/datka/internal/xliff"
)

// maxLineFieldLen bounds a one-line field (a title, a heading), in
// characters; multi-line fields have maxFieldLen.
const maxLineFieldLen = 1000

// maxReportedProblems keeps the report of a hopeless file readable.
const maxReportedProblems = 50

// htmlTagRE finds HTML tags and comments. Markdown autolinks
// (<https://…>, <name@example.org>) do not match.
var htmlTagRE = regexp.MustCompile(`<(/?[A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>|<!--`)

type xliffProblem struct {
	Line    int
	Message string
}

type xliffFieldReport struct {
	Label   string
	Outcome string // applied, unchanged, empty, partial
	Text    string
}

type xliffItemReport struct {
	FileID  string
	Title   string
	EditURL string
	Applied bool
	Reason  string
	Notes   []string
	Fields  []xliffFieldReport
}

type xliffReportView struct {
	chrome
	FileName string
	Source   string // language names, once known
	Target   string
	// TargetCode is the language of the translations shown.
	TargetCode string
	Refused    bool
	Problems   []xliffProblem
	Items      []xliffItemReport
	Applied    int
	Skipped    int
	BoardURL   string
}

// xliffImport reads a translated XLIFF file, checks all of it, and only
// then saves every translated item as a draft waiting for review, in one
// transaction. Nothing is published: an editor does that. The answer is a
// report of what was saved, what was skipped and why, or of why the whole
// file was refused.
func (h *handler) xliffImport(w http.ResponseWriter, r *http.Request) {
	v := &xliffReportView{chrome: h.newChrome(w, r, "xliff_report"), BoardURL: "/admin/board"}
	refuse := func(status int, problems ...xliffProblem) {
		v.Refused = true
		v.Problems = append(v.Problems, problems...)
		v.Error = v.T("xliff_refused")
		h.render(w, r, status, "xliff_report", v)
	}
	message := func(id string, pairs ...any) xliffProblem { return xliffProblem{Message: v.T(id, pairs...)} }

	data, name, status, problem := h.readUpload(w, r)
	v.FileName = name
	if problem != "" {
		refuse(status, message(problem))
		return
	}
	doc, err := xliff.Decode(bytes.NewReader(data))
	if err != nil {
		var e *xliff.Error
		if !errors.As(err, &e) {
			h.serverError(w, r, err)
			return
		}
		status := http.StatusUnprocessableEntity
		if e.Kind == xliff.TooLarge {
			status = http.StatusRequestEntityTooLarge
		}
		refuse(status, xliffProblem{Line: e.Line, Message: v.T("xliff_err_"+string(e.Kind), "Detail", e.Detail)})
		return
	}
	target, ok := h.matchLang(doc.TrgLang)
	if !ok {
		refuse(http.StatusUnprocessableEntity, message("xliff_err_language", "Lang", doc.TrgLang))
		return
	}
	v.Target, v.TargetCode, v.BoardURL = target.Name, target.Code, "/admin/board?lang="+target.Code
	if !currentUser(r).CanEditLang(target.Code) {
		refuse(http.StatusForbidden, message("xliff_err_forbidden_language", "Lang", target.Name))
		return
	}
	source, ok := h.matchLang(doc.SrcLang)
	if !ok || source.Code == target.Code {
		refuse(http.StatusUnprocessableEntity, message("xliff_err_source_language", "Lang", doc.SrcLang))
		return
	}
	v.Source = source.Name
	plan, problems, err := h.planImport(r, &v.chrome, doc, source.Code, target.Code)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if len(problems) > 0 {
		if len(problems) > maxReportedProblems {
			more := len(problems) - maxReportedProblems
			problems = append(problems[:maxReportedProblems], message("xliff_err_too_many", "N", more))
		}
		refuse(http.StatusUnprocessableEntity, problems...)
		return
	}
	var drafts []content.Draft
	var applied []string
	for _, p := range plan {
		v.Items = append(v.Items, p.report)
		if p.report.Applied {
			drafts = append(drafts, p.draft)
			applied = append(applied, p.report.FileID)
		}
	}
	v.Applied, v.Skipped = len(drafts), len(plan)-len(drafts)
	if len(drafts) > 0 {
		if err := h.st.SaveDrafts(r.Context(), drafts, currentUser(r), "xliff"); err != nil {
			h.serverError(w, r, err)
			return
		}
		if len(applied) > 20 {
			applied = append(applied[:20], "…")
		}
		h.record(r, content.AuditEntry{Action: "xliff_import", Kind: "xliff", Lang: target.Code,
			Detail: fmt.Sprintf("%s, %s→%s: %d saved for review (%s), %d skipped", name, source.Code, target.Code,
				v.Applied, strings.Join(applied, " "), v.Skipped)})
	}
	h.render(w, r, http.StatusOK, "xliff_report", v)
}

// readUpload returns the uploaded file, or the id of a message and the
// status to answer with.
func (h *handler) readUpload(w http.ResponseWriter, r *http.Request) (data []byte, name string, status int, problem string) {
	if r.ContentLength > MaxImportBody {
		return nil, "", http.StatusRequestEntityTooLarge, "xliff_err_too_large"
	}
	r.Body = http.MaxBytesReader(w, r.Body, MaxImportBody)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, "", http.StatusBadRequest, "xliff_err_no_file"
	}
	for {
		part, err := mr.NextPart()
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			return nil, "", http.StatusRequestEntityTooLarge, "xliff_err_too_large"
		case errors.Is(err, io.EOF):
			return nil, "", http.StatusBadRequest, "xliff_err_no_file"
		case err != nil:
			return nil, "", http.StatusBadRequest, "admin_bad_form"
		}
		if part.FormName() != "file" {
			part.Close()
			continue
		}
		name = part.FileName()
		if utf8.RuneCountInString(name) > 200 || !utf8.ValidString(name) {
			name = ""
		}
		data, err = io.ReadAll(io.LimitReader(part, xliff.MaxBytes+1))
		switch {
		case errors.As(err, &tooBig), len(data) > xliff.MaxBytes:
			return nil, name, http.StatusRequestEntityTooLarge, "xliff_err_too_large"
		case err != nil:
			return nil, name, http.StatusBadRequest, "admin_bad_form"
		case len(data) == 0:
			return nil, name, http.StatusBadRequest, "xliff_err_no_file"
		}
		return data, name, 0, ""
	}
}

// matchLang finds the configured language a file names: its code exactly,
// in another case, or the language of a regional tag ("ky-KG") that
// translation tools like to write.
func (h *handler) matchLang(tag string) (lang.Language, bool) {
	if l, ok := h.langs.Get(tag); ok {
		return l, true
	}
	for _, l := range h.langs.All() {
		if strings.EqualFold(l.Code, tag) {
			return l, true
		}
	}
	if base, _, ok := strings.Cut(tag, "-"); ok {
		return h.langs.Get(strings.ToLower(base))
	}
	return lang.Language{}, false
}

// importPlan is what the import will do with one <file>.
type importPlan struct {
	report xliffItemReport
	draft  content.Draft
}

// planImport checks every file and unit of doc and works out the draft
// each item gets. problems lists every reason to refuse the file; when
// there are any, the plan is not to be applied.
func (h *handler) planImport(r *http.Request, c *chrome, doc *xliff.Document, src, trg string) ([]importPlan, []xliffProblem, error) {
	var plan []importPlan
	var problems []xliffProblem
	seen := map[string]bool{}
	for _, f := range doc.Files {
		problem := func(line int, id string, pairs ...any) {
			problems = append(problems, xliffProblem{Line: line, Message: c.T(id, append([]any{"ID", f.ID}, pairs...)...)})
		}
		if seen[f.ID] {
			problem(f.Line, "xliff_err_duplicate_file")
			continue
		}
		seen[f.ID] = true
		kind, id, ok := parseFileID(f.ID)
		if !ok {
			problem(f.Line, "xliff_err_file_id")
			continue
		}
		it, err := h.loadItem(r, id)
		if errors.Is(err, store.ErrNotFound) || (err == nil && it.Kind != kind) {
			problem(f.Line, "xliff_err_file_id")
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		if it.SourceLang != src {
			problem(f.Line, "xliff_err_item_source", "Lang", it.SourceLang)
			continue
		}
		note, _ := f.Note(noteSourceRev)
		sourceRev, err := strconv.Atoi(strings.TrimSpace(note))
		if err != nil || sourceRev < 1 || sourceRev > it.Rev[src] {
			problem(f.Line, "xliff_err_source_rev")
			continue
		}
		keys := it.structure(trg, nil)
		known := map[string]bool{}
		for _, k := range keys {
			known[k] = true
		}
		units := map[string]xliff.Unit{}
		for _, u := range f.Units {
			switch {
			case !known[u.ID]:
				problem(u.Line, "xliff_err_unit", "Unit", u.ID)
				continue
			case units[u.ID].ID != "":
				problem(u.Line, "xliff_err_duplicate_unit", "Unit", u.ID)
				continue
			}
			if u.HasTarget {
				u.Target = strings.ReplaceAll(strings.ReplaceAll(u.Target, "\r\n", "\n"), "\r", "\n")
				if !content.Shape(u.ID).Multiline {
					u.Target = strings.TrimSpace(u.Target)
				}
				if msg, pairs := checkTarget(u.ID, u.Target, it.Published[src].Get(u.ID)); msg != "" {
					problem(u.Line, msg, append([]any{"Field", fieldLabel(c, u.ID)}, pairs...)...)
				}
			}
			units[u.ID] = u
		}
		p, err := h.planItem(r, c, it, trg, sourceRev, keys, units)
		if err != nil {
			return nil, nil, err
		}
		p.report.FileID = f.ID
		plan = append(plan, p)
	}
	return plan, problems, nil
}

// checkTarget returns the id of the message that refuses a translated
// field, and its arguments, or "".
func checkTarget(key, text, source string) (string, []any) {
	shape := content.Shape(key)
	limit := maxLineFieldLen
	if shape.Multiline {
		limit = maxFieldLen
	}
	if utf8.RuneCountInString(text) > limit {
		return "xliff_err_too_long", []any{"N", limit}
	}
	for _, r := range text {
		switch {
		case r == '\n' && !shape.Multiline:
			return "xliff_err_newline", nil
		case r == '\n' || r == '\t':
		case r < 0x20, r >= 0x7f && r <= 0x9f, r == 0xfffe, r == 0xffff, r == utf8.RuneError:
			return "xliff_err_control", nil
		}
	}
	// Raw HTML is never rendered (the site renders Markdown without it
	// and sanitises the result), so a tag in a translation is either lost
	// on the way or an attempt to inject markup. A tag the original has
	// itself is the original's business.
	for _, m := range htmlTagRE.FindAllStringSubmatch(text, -1) {
		tag := strings.ToLower(strings.TrimPrefix(m[1], "/"))
		if m[1] == "" || !hasTag(source, tag) {
			return "xliff_err_html", []any{"Tag", m[0]}
		}
	}
	return "", nil
}

func hasTag(s, tag string) bool {
	for _, m := range htmlTagRE.FindAllStringSubmatch(s, -1) {
		if m[1] != "" && strings.ToLower(strings.TrimPrefix(m[1], "/")) == tag {
			return true
		}
	}
	return false
}

// planItem merges the translated units into the item's current text in
// trg: its draft, else its published text, else nothing. A unit without a
// translation keeps what is there.
func (h *handler) planItem(r *http.Request, c *chrome, it item, trg string, sourceRev int, keys []string, units map[string]xliff.Unit) (importPlan, error) {
	p := importPlan{report: xliffItemReport{EditURL: fmt.Sprintf("/admin/edit/%d/%s", it.ID, trg)}}
	src := it.Published[it.SourceLang]
	p.report.Title = src.Get("title") + src.Get("name")
	base, baseRev, reviewed := it.Published[trg], it.SourceRev[trg], false
	hasDraft := false
	if d, err := h.st.Draft(r.Context(), it.ID, trg); err == nil {
		base, baseRev, reviewed, hasDraft = d.Fields, d.SourceRev, d.Status == content.StatusReview, true
	} else if !errors.Is(err, store.ErrNotFound) {
		return p, err
	}
	translated, changed := 0, false
	var fields content.Fields
	for _, key := range keys {
		value := base.Get(key)
		if u, ok := units[key]; ok {
			fr := xliffFieldReport{Label: fieldLabel(c, key)}
			switch {
			case key == "slug":
				fr.Outcome = "slug"
			case u.Partial:
				fr.Outcome = "partial"
			case !u.HasTarget || strings.TrimSpace(u.Target) == "":
				fr.Outcome = "empty"
			case u.Target == value:
				fr.Outcome = "unchanged"
				translated++
			default:
				fr.Outcome, fr.Text = "applied", excerpt(u.Target, 300)
				value, changed = u.Target, true
				translated++
			}
			p.report.Fields = append(p.report.Fields, fr)
		}
		fields = append(fields, content.Field{Key: key, Value: value})
	}
	skip := func(reason string) (importPlan, error) {
		p.report.Reason = c.T(reason)
		return p, nil
	}
	if translated == 0 {
		return skip("xliff_skip_no_targets")
	}
	if fields.Get("title")+fields.Get("name") == "" {
		return skip("xliff_skip_no_title")
	}
	slug := fields.Get("slug")
	switch {
	case it.isHome():
		slug = ""
	case slug == "":
		slug = lang.Slugify(trg, fields.Get("title")+fields.Get("name"))
		if !lang.ValidSlug(slug) {
			return skip("xliff_skip_no_slug")
		}
		p.report.Notes = append(p.report.Notes, c.T("xliff_note_slug", "Slug", slug))
	}
	fields.Set("slug", slug)
	// Nothing new: the same text, made from the same source, already there
	// (as a published text or waiting for review).
	if !changed && baseRev >= sourceRev && (!hasDraft || reviewed) {
		return skip("xliff_skip_unchanged")
	}
	if sourceRev < it.Rev[it.SourceLang] {
		p.report.Notes = append(p.report.Notes, c.T("xliff_note_source_moved", "From", sourceRev, "To", it.Rev[it.SourceLang]))
	}
	if hasDraft {
		p.report.Notes = append(p.report.Notes, c.T("xliff_note_draft_replaced"))
	}
	p.report.Applied = true
	p.draft = content.Draft{Kind: it.Kind, GroupID: it.ID, Lang: trg, Status: content.StatusReview,
		Fields: fields, SourceRev: sourceRev}
	return p, nil
}

// excerpt cuts s to at most n characters.
func excerpt(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
