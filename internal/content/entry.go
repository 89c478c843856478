package content

import (
	"slices"
	"strings"
	"time"
)

// EntryType says what sort of dated entry an Entry is. News posts, events
// and the materials of the library share one shape: they are listed by
// date, filtered, searched and translated alike.
type EntryType string

const (
	EntryNews     EntryType = "news"
	EntryEvent    EntryType = "event"
	EntryMaterial EntryType = "material"
)

// EntryTypes lists the types in the admin's order.
func EntryTypes() []EntryType { return []EntryType{EntryNews, EntryEvent, EntryMaterial} }

// Valid reports whether t is a known entry type.
func (t EntryType) Valid() bool { return slices.Contains(EntryTypes(), t) }

// Entry is a translation group of a news post, an event or a material of
// the library. What is the same in every language lives here; what a
// translator writes lives in Texts.
type Entry struct {
	ID         int64
	Key        string
	Type       EntryType
	SourceLang string
	// Date is when a post was published, or the day an event starts;
	// lists sort by it, newest first.
	Date time.Time
	// Cover is the storage name of an image of the media library, or "".
	Cover string

	// Events: when it starts and ends (End may be zero), and where online.
	Start, End      time.Time
	OnlineURL       string
	RegistrationURL string

	// Materials: the file (a document of the media library) or a video
	// link, the year it appeared, its topic, the target groups it is for
	// and the languages the document itself is written in.
	File     string
	VideoURL string
	Year     int
	Topic    string
	Groups   []string
	DocLangs []string

	Texts map[string]EntryText
}

// EntryText is one language's version of an entry. Body is Markdown.
type EntryText struct {
	Meta
	Title   string
	Summary string
	Body    string
	Place   string   // events: where it takes place, in this language
	Tags    []string // as written in this language
}

// Upcoming reports whether an event has not ended by now.
func (e Entry) Upcoming(now time.Time) bool {
	if e.Type != EntryEvent {
		return false
	}
	end := e.End
	if end.IsZero() {
		end = e.Start.Add(24 * time.Hour)
	}
	return end.After(now)
}

// EntryFields returns the fields of an entry text; typ decides which
// fields a translator sees.
func EntryFields(typ EntryType, t EntryText) Fields {
	f := Fields{{"title", t.Title}, {"slug", t.Slug}, {"summary", t.Summary}, {"body", t.Body}}
	if typ == EntryEvent {
		f = append(f, Field{"place", t.Place})
	}
	if typ != EntryMaterial {
		f = append(f, Field{"tags", strings.Join(t.Tags, "\n")})
	}
	return f
}

// ApplyEntryFields writes fields into t.
func ApplyEntryFields(t *EntryText, f Fields) {
	t.Title, t.Slug, t.Summary, t.Body = f.Get("title"), f.Get("slug"), f.Get("summary"), f.Get("body")
	t.Place = f.Get("place")
	t.Tags = nil
	seen := map[string]bool{}
	for _, tag := range Lines(f.Get("tags")) {
		if k := strings.ToLower(tag); !seen[k] {
			seen[k] = true
			t.Tags = append(t.Tags, tag)
		}
	}
}

// Topics of the library: the project's directions of work, and gender
// equality in general. Their names are interface strings ("topic_" + key).
func Topics() []string {
	return []string{"gender-equality", "education", "career-choice", "girls-schooling", "media", "cooperation"}
}

// TargetGroups are the project's six target groups, as represented on
// its Transversal National Board. Their names are interface strings
// ("group_" + key).
func TargetGroups() []string {
	return []string{"state-bodies", "gender-ngos", "religious", "education-experts", "media", "local-government"}
}
