// Package content is datka's domain: languages, translation groups, pages,
// organisations and per-language site settings.
//
// Every item that exists in several languages is a translation group: the
// language-neutral facts (a stable key, kind, position, website) live on the
// item, and everything a translator writes lives in one Text per language.
// A missing language is simply a missing entry in Texts; the site decides
// how to fall back. The package imports nothing of datka's own, and holds no
// SQL and no HTTP.
package content

import "time"

// Status is where one translation stands in the editorial workflow.
type Status string

const (
	StatusDraft     Status = "draft"
	StatusReview    Status = "review"
	StatusPublished Status = "published"
)

// Valid reports whether s is one of the known workflow states.
func (s Status) Valid() bool {
	switch s {
	case StatusDraft, StatusReview, StatusPublished:
		return true
	}
	return false
}

// Meta is what every translation of every kind carries besides its text.
type Meta struct {
	Lang   string
	Slug   string
	Status Status
	// NeedsNativeReview marks text that was written or translated by someone
	// who is not a native speaker of Lang and awaits a native speaker's review.
	NeedsNativeReview bool
	UpdatedAt         time.Time
	// Rev counts this text's publications; SourceRev is the revision of
	// the source-language text it was translated from.
	Rev       int
	SourceRev int
}

// Layout selects how the site presents a page; the site's templates know them.
type Layout string

const (
	LayoutHome       Layout = "home"
	LayoutAbout      Layout = "about"
	LayoutPartners   Layout = "partners"
	LayoutGovernment Layout = "government"
	LayoutContacts   Layout = "contacts"
	LayoutPlain      Layout = "plain"
	// The lists of entries and the search: each page's slug is the prefix
	// of the addresses of what it lists.
	LayoutNews    Layout = "news"
	LayoutEvents  Layout = "events"
	LayoutLibrary Layout = "library"
	LayoutSearch  Layout = "search"
)

// Page is a translation group of free-standing pages.
type Page struct {
	ID       int64
	Key      string // stable, language-neutral identifier ("about")
	Layout   Layout
	Position int // order in the main menu
	InMenu   bool
	// SourceLang is the language the item is written in first; the others
	// are translations of it.
	SourceLang string
	Texts      map[string]PageText
}

// PageText is one language's version of a page. Body is Markdown.
type PageText struct {
	Meta
	Title   string
	Summary string
	Body    string
}

// OrgKind says what sort of body an organisation is.
type OrgKind string

const (
	KindInternational OrgKind = "international" // the European Union
	KindNGO           OrgKind = "ngo"
	KindGovernment    OrgKind = "government"
)

// OrgRole is an organisation's role in the project.
type OrgRole string

const (
	RoleFunder      OrgRole = "funder"
	RoleImplementer OrgRole = "implementing_partner"
	RoleGovernment  OrgRole = "government_partner"
)

// Organisation is a translation group describing one body: the funder, an
// implementing partner or a government partner. Ministries are renamed
// often, so each language keeps the former names too.
type Organisation struct {
	ID         int64
	Key        string
	Kind       OrgKind
	Role       OrgRole
	Website    string // absolute http(s) URL, or "" when not known yet
	Logo       string // name of a static asset, or ""
	Position   int
	SourceLang string
	Texts      map[string]OrgText
}

// OrgText is one language's description of an organisation.
type OrgText struct {
	Meta
	Name        string   // the current official name
	ShortName   string   // an abbreviation such as "EU" or "STA", optional
	FormerNames []string // names the body carried before, newest first
	Summary     string   // one or two plain sentences for lists
	Description string   // Markdown
	Sections    []Section
	// WebsiteLabel is the text of the link to Website ("Website of the
	// European Union Delegation to the Kyrgyz Republic").
	WebsiteLabel string
}

// Section is a headed part of an organisation's description: some text, an
// optional list (aims, tasks, objectives) and some text after the list.
// Intro and Outro are Markdown; Items are plain sentences.
type Section struct {
	Heading string
	Intro   string
	Items   []string
	Outro   string
}

// Settings are the per-language site settings.
type Settings struct {
	Lang      string
	SiteName  string // "HERo — New narratives towards a gender equal society"
	ShortName string // "HERo"
	Slogan    string // this language's slogan, shown in the trilingual header
	// Contacts, shown on the contacts page and in the footer.
	Organisation      string
	Address           string
	Phone             string
	Email             string
	Footer            string // Markdown
	FundedBy          string // "Funded by the European Union", beside the emblem
	Disclaimer        string // the donor's funding disclaimer
	NeedsNativeReview bool
}

// Published reports whether readers may see this translation.
func (m Meta) Published() bool { return m.Status == StatusPublished }

// Outdated reports whether a translation lags behind its source text.
func Outdated[T interface{ Metadata() Meta }](texts map[string]T, sourceLang, lang string) bool {
	if lang == sourceLang {
		return false
	}
	src, ok := texts[sourceLang]
	t, ok2 := texts[lang]
	return ok && ok2 && src.Metadata().Rev > t.Metadata().SourceRev
}

// Metadata returns the Meta of any text that embeds it.
func (m Meta) Metadata() Meta { return m }
