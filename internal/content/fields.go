package content

import (
	"strconv"
	"strings"
	"time"
)

// Field is one editable, translatable piece of a text. Every kind of text
// is edited, compared, stored as a draft and exported for translators as
// an ordered list of fields, so that the editor, the diff of revisions,
// the translation board and XLIFF work the same for every kind.
type Field struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Fields is a text's fields in their order.
type Fields []Field

// Get returns the value of key, or "".
func (f Fields) Get(key string) string {
	for _, x := range f {
		if x.Key == key {
			return x.Value
		}
	}
	return ""
}

// Set changes or appends key.
func (f *Fields) Set(key, value string) {
	for i, x := range *f {
		if x.Key == key {
			(*f)[i].Value = value
			return
		}
	}
	*f = append(*f, Field{Key: key, Value: value})
}

// FieldShape says how a field is edited and shown.
type FieldShape struct {
	Label     string // message id of its label, without a section number
	Multiline bool
	Markdown  bool // rendered as Markdown on the site
	Lines     bool // one entry per line (lists, former names)
	Section   int  // 1-based section number, 0 outside sections
}

// Shape describes the field with the given key.
func Shape(key string) FieldShape {
	if rest, ok := strings.CutPrefix(key, "section."); ok {
		n, part, _ := strings.Cut(rest, ".")
		i, _ := strconv.Atoi(n)
		s := FieldShape{Label: "field_section_" + part, Section: i + 1}
		switch part {
		case "intro", "outro":
			s.Multiline, s.Markdown = true, true
		case "items":
			s.Multiline, s.Lines = true, true
		}
		return s
	}
	switch key {
	case "body", "description":
		return FieldShape{Label: "field_" + key, Multiline: true, Markdown: true}
	case "summary":
		return FieldShape{Label: "field_summary", Multiline: true}
	case "former_names", "tags":
		return FieldShape{Label: "field_" + key, Multiline: true, Lines: true}
	}
	return FieldShape{Label: "field_" + key}
}

// PageFields returns the fields of a page text.
func PageFields(t PageText) Fields {
	return Fields{{"title", t.Title}, {"slug", t.Slug}, {"summary", t.Summary}, {"body", t.Body}}
}

// ApplyPageFields writes fields into t.
func ApplyPageFields(t *PageText, f Fields) {
	t.Title, t.Slug, t.Summary, t.Body = f.Get("title"), f.Get("slug"), f.Get("summary"), f.Get("body")
}

// OrgFields returns the fields of an organisation text; sections are
// numbered from 0.
func OrgFields(t OrgText) Fields {
	f := Fields{{"name", t.Name}, {"slug", t.Slug}, {"short_name", t.ShortName},
		{"former_names", strings.Join(t.FormerNames, "\n")}, {"summary", t.Summary},
		{"description", t.Description}, {"website_label", t.WebsiteLabel}}
	for i, s := range t.Sections {
		p := "section." + strconv.Itoa(i) + "."
		f = append(f, Field{p + "heading", s.Heading}, Field{p + "intro", s.Intro},
			Field{p + "items", strings.Join(s.Items, "\n")}, Field{p + "outro", s.Outro})
	}
	return f
}

// ApplyOrgFields writes fields into t. Sections with no text at all are
// dropped.
func ApplyOrgFields(t *OrgText, f Fields) {
	t.Name, t.Slug, t.ShortName = f.Get("name"), f.Get("slug"), f.Get("short_name")
	t.FormerNames = Lines(f.Get("former_names"))
	t.Summary, t.Description, t.WebsiteLabel = f.Get("summary"), f.Get("description"), f.Get("website_label")
	t.Sections = nil
	for i := 0; ; i++ {
		p := "section." + strconv.Itoa(i) + "."
		found := false
		for _, x := range f {
			if strings.HasPrefix(x.Key, p) {
				found = true
				break
			}
		}
		if !found {
			break
		}
		s := Section{Heading: f.Get(p + "heading"), Intro: f.Get(p + "intro"), Items: Lines(f.Get(p + "items")), Outro: f.Get(p + "outro")}
		if s.Heading != "" || s.Intro != "" || len(s.Items) > 0 || s.Outro != "" {
			t.Sections = append(t.Sections, s)
		}
	}
}

// Lines splits text into its non-empty, trimmed lines.
func Lines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// Draft is a translation being worked on: it lives beside the published
// text (if any) until it is published.
type Draft struct {
	Kind      string // "page", "organisation", "news", "event" or "material"
	GroupID   int64
	Lang      string
	Status    Status // StatusDraft or StatusReview
	Fields    Fields
	SourceRev int // the source text's revision the translator worked from
	UpdatedAt time.Time
	UpdatedBy int64
}

// Revision is one saved state of a text.
type Revision struct {
	ID        int64
	GroupID   int64
	Lang      string
	At        time.Time
	UserID    int64
	UserEmail string
	Action    string // "draft", "review", "publish", "unpublish", "restore", "xliff"
	Rev       int    // the published revision number, for "publish"
	Fields    Fields
}

// CellState is where one item stands in one language, on the translation
// board.
type CellState string

const (
	CellMissing   CellState = "missing"
	CellOutdated  CellState = "outdated"
	CellDraft     CellState = "draft"
	CellReview    CellState = "review"
	CellPublished CellState = "published"
)

// CellStates lists the states in the board's order.
func CellStates() []CellState {
	return []CellState{CellMissing, CellOutdated, CellDraft, CellReview, CellPublished}
}

// Scheduled is a publication or unpublication planned for a given time.
type Scheduled struct {
	GroupID   int64
	Kind      string
	Lang      string
	Action    string // "publish" or "unpublish"
	At        time.Time
	CreatedBy int64
	Title     string // of the text, for lists
}
