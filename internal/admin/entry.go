package admin

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/datka-cms/datka/internal/content"
	"github.com/datka-cms/datka/internal/media"
	"github.com/datka-cms/datka/internal/store"
)

// What is language-neutral about a news post, an event or a material of
// the library is edited in the structure card of the editor: dates, the
// cover, links, the file and the classification. Editors type dates and
// times in their own time zone (h.loc); the store keeps them in UTC.

const (
	dateLayout = "2006-01-02"
	timeLayout = "15:04"
	// maxLinkLen bounds a link typed into the structure card.
	maxLinkLen = 500
	// maxLibraryChoices is how many files of the library the cover and
	// file lists offer; an older one can still be pasted by name.
	maxLibraryChoices = 1000
)

// mediaChoice is a file of the library offered in a list.
type mediaChoice struct {
	Name, Label string
	Selected    bool
}

// entryForm is the structure card of an entry, as shown and as typed.
type entryForm struct {
	Type content.EntryType
	// News: when it was published.
	Date, Time string
	// Events: when it starts and ends.
	StartDate, StartTime, EndDate, EndTime string
	// News and events.
	Cover      string // the storage name chosen in the list
	CoverPaste string // a /media/ address or name typed instead
	CoverThumb string // the address of the chosen image's smallest copy
	Images     []mediaChoice
	// Events.
	OnlineURL, RegistrationURL string
	// Materials.
	File      string
	Documents []mediaChoice
	VideoURL  string
	Year      string
	Topic     string
	Topics    []filterOption
	Groups    []filterOption // Selected: checked
	DocLangs  []filterOption
	// Errors are translated messages by field name.
	Errors map[string]string
}

// HasCover reports whether the type has a cover image.
func (f *entryForm) HasCover() bool { return f.Type != content.EntryMaterial }

// entryFormOf shows e's structure in the editors' time zone.
func (h *handler) entryFormOf(e content.Entry) entryForm {
	f := entryForm{Type: e.Type, Cover: e.Cover, OnlineURL: e.OnlineURL, RegistrationURL: e.RegistrationURL,
		File: e.File, VideoURL: e.VideoURL, Topic: e.Topic}
	split := func(t time.Time) (string, string) {
		if t.IsZero() {
			return "", ""
		}
		t = t.In(h.loc)
		return t.Format(dateLayout), t.Format(timeLayout)
	}
	f.Date, f.Time = split(e.Date)
	f.StartDate, f.StartTime = split(e.Start)
	f.EndDate, f.EndTime = split(e.End)
	if e.Year != 0 {
		f.Year = strconv.Itoa(e.Year)
	}
	f.setChecked(e.Groups, e.DocLangs)
	return f
}

// setChecked records the checked boxes until the options are filled in.
func (f *entryForm) setChecked(groups, langs []string) {
	f.Groups, f.DocLangs = nil, nil
	for _, g := range groups {
		f.Groups = append(f.Groups, filterOption{Value: g, Selected: true})
	}
	for _, l := range langs {
		f.DocLangs = append(f.DocLangs, filterOption{Value: l, Selected: true})
	}
}

func checked(opts []filterOption, value string) bool {
	return slices.ContainsFunc(opts, func(o filterOption) bool { return o.Value == value && o.Selected })
}

// fillEntryChoices adds what the card's lists offer: the library's images
// and documents, the topics, the target groups and the languages.
func (h *handler) fillEntryChoices(ctx context.Context, c *chrome, f *entryForm) error {
	list, _, err := h.st.MediaList(ctx, maxLibraryChoices, 0)
	if err != nil {
		return err
	}
	for _, m := range list {
		choice := mediaChoice{Name: m.Name, Label: m.OriginalName + " (" + m.CreatedAt.In(h.loc).Format(dateLayout) + ")"}
		switch {
		case m.Kind == content.MediaImage && f.HasCover():
			if choice.Selected = m.Name == f.Cover; choice.Selected {
				f.CoverThumb = m.Thumbnail()
			}
			f.Images = append(f.Images, choice)
		case m.Kind == content.MediaDocument && f.Type == content.EntryMaterial:
			choice.Selected = m.Name == f.File
			f.Documents = append(f.Documents, choice)
		}
	}
	// A file older than the lists reach is still offered.
	keep := func(choices []mediaChoice, name string) []mediaChoice {
		if name == "" || slices.ContainsFunc(choices, func(m mediaChoice) bool { return m.Name == name }) {
			return choices
		}
		return append([]mediaChoice{{Name: name, Label: name, Selected: true}}, choices...)
	}
	if f.HasCover() {
		f.Images = keep(f.Images, f.Cover)
	}
	if f.Type != content.EntryMaterial {
		return nil
	}
	f.Documents = keep(f.Documents, f.File)
	f.Topics = []filterOption{{Value: "", Label: c.T("admin_entry_no_topic"), Selected: f.Topic == ""}}
	for _, t := range content.Topics() {
		f.Topics = append(f.Topics, filterOption{Value: t, Label: c.T("topic_" + t), Selected: t == f.Topic})
	}
	var groups, langs []filterOption
	for _, g := range content.TargetGroups() {
		groups = append(groups, filterOption{Value: g, Label: c.T("group_" + g), Selected: checked(f.Groups, g)})
	}
	for _, l := range h.langs.All() {
		langs = append(langs, filterOption{Value: l.Code, Label: l.Name, Selected: checked(f.DocLangs, l.Code)})
	}
	f.Groups, f.DocLangs = groups, langs
	return nil
}

// readEntryForm reads the structure card into a copy of e. problems maps
// the form's field names to the ids of what is wrong with them; when
// there are any, the entry is not to be saved. A material that is
// published (or planned to be) must keep a file or a video.
func (h *handler) readEntryForm(ctx context.Context, r *http.Request, e content.Entry, published bool) (content.Entry, entryForm, map[string]string, error) {
	in := r.PostForm
	get := func(name string) string { return strings.TrimSpace(in.Get(name)) }
	f := entryForm{Type: e.Type, Date: get("date"), Time: get("time"), StartDate: get("start_date"), StartTime: get("start_time"),
		EndDate: get("end_date"), EndTime: get("end_time"), Cover: get("cover"), CoverPaste: get("cover_paste"),
		OnlineURL: get("online_url"), RegistrationURL: get("registration_url"), File: get("file"),
		VideoURL: get("video_url"), Year: get("year"), Topic: get("topic")}
	f.setChecked(in["groups"], in["doc_langs"])
	problems := map[string]string{}
	link := func(name, value string) string {
		if value == "" {
			return ""
		}
		if !validLink(value) {
			problems[name] = "admin_link_invalid"
		}
		return value
	}
	switch e.Type {
	case content.EntryNews:
		t, problem := h.readDateTime(f.Date, f.Time, true)
		if problem != "" {
			problems["date"] = problem
		}
		e.Date, e.Year = t, t.Year()
	case content.EntryEvent:
		start, end := h.readEventTimes(f, problems)
		e.Start, e.End, e.Date, e.Year = start, end, start, start.In(h.loc).Year()
		e.OnlineURL = link("online_url", f.OnlineURL)
		e.RegistrationURL = link("registration_url", f.RegistrationURL)
	case content.EntryMaterial:
		if f.File != "" {
			m, err := h.libraryFile(ctx, f.File)
			switch {
			case errors.Is(err, store.ErrNotFound):
				problems["file"] = "admin_file_unknown"
			case err != nil:
				return e, f, nil, err
			case m.Kind != content.MediaDocument:
				problems["file"] = "admin_file_not_document"
			default:
				f.File = m.Name
			}
		}
		e.File = f.File
		e.VideoURL = link("video_url", f.VideoURL)
		year, err := strconv.Atoi(f.Year)
		if err != nil || year < 1900 || year > 2100 {
			problems["year"] = "admin_year_invalid"
		}
		e.Year = year
		if f.Topic != "" && !slices.Contains(content.Topics(), f.Topic) {
			problems["topic"] = "admin_bad_form"
		}
		e.Topic = f.Topic
		e.Groups, e.DocLangs = nil, nil
		for _, g := range content.TargetGroups() {
			if slices.Contains(in["groups"], g) {
				e.Groups = append(e.Groups, g)
			}
		}
		for _, l := range h.langs.All() {
			if slices.Contains(in["doc_langs"], l.Code) {
				e.DocLangs = append(e.DocLangs, l.Code)
			}
		}
		if len(e.Groups) != len(compact(in["groups"])) {
			problems["groups"] = "admin_bad_form"
		}
		if len(e.DocLangs) != len(compact(in["doc_langs"])) {
			problems["doc_langs"] = "admin_bad_form"
		}
		if published && e.File == "" && e.VideoURL == "" && problems["file"] == "" && problems["video_url"] == "" {
			problems["file"] = "admin_material_needs_file"
		}
	}
	if f.HasCover() {
		name := f.Cover
		if f.CoverPaste != "" {
			name = f.CoverPaste
		}
		e.Cover = ""
		if name != "" {
			m, err := h.libraryFile(ctx, name)
			switch {
			case errors.Is(err, store.ErrNotFound):
				problems["cover"] = "admin_cover_unknown"
			case err != nil:
				return e, f, nil, err
			case m.Kind != content.MediaImage:
				problems["cover"] = "admin_cover_not_image"
			default:
				e.Cover = m.Name
			}
		}
		if problems["cover"] == "" {
			f.Cover, f.CoverPaste = e.Cover, ""
		}
	}
	return e, f, problems, nil
}

// readEventTimes reads an event's start (a date and a time, both
// required) and end (optional; a date without a time is the end of that
// day), adding to problems under "start" and "end".
func (h *handler) readEventTimes(f entryForm, problems map[string]string) (start, end time.Time) {
	start, problem := h.readDateTime(f.StartDate, f.StartTime, true)
	if problem == "" && f.StartTime == "" {
		problem = "admin_time_required"
	}
	if problem != "" {
		problems["start"] = problem
	}
	switch {
	case f.EndDate == "" && f.EndTime != "":
		problems["end"] = "admin_date_required"
	case f.EndDate != "":
		clock := f.EndTime
		if clock == "" {
			clock = "23:59"
		}
		if end, problem = h.readDateTime(f.EndDate, clock, true); problem != "" {
			problems["end"] = problem
		} else if problems["start"] == "" && end.Before(start) {
			problems["end"] = "admin_end_before_start"
		}
	}
	return start, end
}

// compact is values without duplicates.
func compact(values []string) []string {
	s := slices.Clone(values)
	slices.Sort(s)
	return slices.Compact(s)
}

// readDateTime reads a date ("2026-03-08") and a time ("10:30", or ""
// for midnight) typed in the editors' time zone.
func (h *handler) readDateTime(date, clock string, required bool) (time.Time, string) {
	if date == "" {
		if required {
			return time.Time{}, "admin_date_required"
		}
		return time.Time{}, ""
	}
	if clock == "" {
		clock = "00:00"
	}
	if len(clock) == len("15:04:05") {
		clock = clock[:len(timeLayout)] // a browser may send seconds
	}
	t, err := time.ParseInLocation(dateLayout+" "+timeLayout, date+" "+clock, h.loc)
	if err != nil || t.Year() < 1900 || t.Year() > 2100 {
		return time.Time{}, "admin_date_invalid"
	}
	return t, ""
}

// libraryFile finds a file of the media library by its storage name, its
// /media/ address, or the name of one of its copies.
func (h *handler) libraryFile(ctx context.Context, name string) (content.Media, error) {
	if i := strings.LastIndex(name, content.MediaURLPrefix); i >= 0 {
		name = name[i+len(content.MediaURLPrefix):]
	}
	name, _, _ = strings.Cut(name, "?")
	name, _, _ = strings.Cut(name, "#")
	if !media.ValidName(name) {
		return content.Media{}, store.ErrNotFound
	}
	return h.st.MediaByName(ctx, name)
}

// validLink reports whether s is an absolute http(s) address a reader's
// browser may follow.
func validLink(s string) bool {
	if len(s) > maxLinkLen || strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && u.Opaque == ""
}

// entrySave changes the structure of an entry; a refused form shows the
// editor again with what was typed and why, and nothing is saved.
func (h *handler) entrySave(w http.ResponseWriter, r *http.Request, id int64, back string) {
	ctx := r.Context()
	it, err := h.loadItem(r, id)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	// A material published, or planned to be, keeps a file or a video.
	published := false
	for _, st := range it.Status {
		published = published || st == content.StatusPublished
	}
	plans, err := h.st.ScheduledItems(ctx, id)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	for _, p := range plans {
		published = published || p.Action == "publish"
	}
	e, form, problems, err := h.readEntryForm(ctx, r, it.Entry, published)
	if err != nil {
		h.serverError(w, r, err)
		return
	}
	if len(problems) > 0 {
		l, ok := h.langs.Get(r.PostForm.Get("lang"))
		if !ok {
			l = h.langs.Default()
		}
		v, err := h.editView(w, r, it, l, nil)
		if err != nil {
			h.serverError(w, r, err)
			return
		}
		form.Errors = translateAll(&v.chrome, problems)
		if err := h.fillEntryChoices(ctx, &v.chrome, &form); err != nil {
			h.serverError(w, r, err)
			return
		}
		v.Entry = &form
		v.Error = v.T("admin_form_has_errors")
		h.render(w, r, http.StatusUnprocessableEntity, "edit", &v)
		return
	}
	if err := h.st.UpdateEntryStructure(ctx, e); err != nil {
		h.serverError(w, r, err)
		return
	}
	h.record(r, content.AuditEntry{Action: "item_update", Kind: it.Kind, ItemID: id, Detail: entryDetail(e)})
	h.flash(r, "admin_saved")
	http.Redirect(w, r, back, http.StatusSeeOther)
}

// entryDetail is an entry's new structure for the audit log.
func entryDetail(e content.Entry) string {
	at := func(t time.Time) string {
		if t.IsZero() {
			return "-"
		}
		return t.UTC().Format(time.RFC3339)
	}
	switch e.Type {
	case content.EntryEvent:
		return fmt.Sprintf("start=%s end=%s cover=%s online=%s registration=%s", at(e.Start), at(e.End), e.Cover, e.OnlineURL, e.RegistrationURL)
	case content.EntryMaterial:
		return fmt.Sprintf("file=%s video=%s year=%d topic=%s groups=%s doc_langs=%s", e.File, e.VideoURL, e.Year, e.Topic,
			strings.Join(e.Groups, ","), strings.Join(e.DocLangs, ","))
	}
	return fmt.Sprintf("date=%s cover=%s", at(e.Date), e.Cover)
}

// materialReady reports whether a material has what a reader opens: a
// file or a video. Other items are always ready.
func (it item) materialReady() bool {
	return it.Kind != store.KindMaterial || it.Entry.File != "" || it.Entry.VideoURL != ""
}
