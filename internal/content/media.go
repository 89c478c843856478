package content

import (
	"strconv"
	"strings"
	"time"
)

// MediaKind says whether an uploaded file is shown (an image) or
// downloaded (a document).
type MediaKind string

const (
	MediaImage    MediaKind = "image"
	MediaDocument MediaKind = "document"
)

// MediaURLPrefix is where the site serves the library's files.
const MediaURLPrefix = "/media/"

// Media is a file of the media library. Its Name is made by the server
// and never changes, so that pages can link to it for ever and readers'
// browsers can keep it for a year; the name the uploader gave the file is
// kept only to offer it back as the download name.
type Media struct {
	ID            int64
	Kind          MediaKind
	Name          string // storage name: random hex and the extension of its type
	ContentType   string
	Size          int64
	Width, Height int    // images only
	OriginalName  string // cleaned: no path, no control characters
	CreatedAt     time.Time
	CreatedBy     int64
	CreatedByName string
	// Variants are smaller copies of an image, narrowest first.
	Variants []MediaVariant
	// Alt is the alternative text of an image per language.
	Alt map[string]string
}

// MediaVariant is a smaller copy of an image, for srcset.
type MediaVariant struct {
	Width, Height int
	Name          string
}

// Format is the file's type as readers know it, from its storage name:
// "PDF", "DOCX", "JPG".
func (m Media) Format() string {
	i := strings.LastIndexByte(m.Name, '.')
	if i < 0 {
		return ""
	}
	return strings.ToUpper(m.Name[i+1:])
}

// URL is the file's address on the site.
func (m Media) URL() string { return MediaURLPrefix + m.Name }

// URL is the copy's address on the site.
func (v MediaVariant) URL() string { return MediaURLPrefix + v.Name }

// Key is the random part of the storage name, which the names of the
// variants share; a text that contains it uses the file.
func (m Media) Key() string {
	k, _, _ := strings.Cut(m.Name, ".")
	return k
}

// Srcset lists the image's copies for the srcset attribute. The original
// is listed only when it is narrower than the widest copy the library
// makes: a 6000-pixel photo is never sent to a phone.
func (m Media) Srcset() string {
	if m.Kind != MediaImage || len(m.Variants) == 0 {
		return ""
	}
	var b strings.Builder
	widest := 0
	for i, v := range m.Variants {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(v.URL() + " " + strconv.Itoa(v.Width) + "w")
		widest = max(widest, v.Width)
	}
	if m.Width > widest && widest < MaxVariantWidth {
		b.WriteString(", " + m.URL() + " " + strconv.Itoa(m.Width) + "w")
	}
	return b.String()
}

// Thumbnail is the address of the smallest copy of an image, or of the
// image itself when it has none.
func (m Media) Thumbnail() string {
	if len(m.Variants) > 0 {
		return m.Variants[0].URL()
	}
	return m.URL()
}

// MaxVariantWidth is the widest copy the library makes of an image.
const MaxVariantWidth = 1600

// MediaUse is a text that shows or links to a file of the library.
type MediaUse struct {
	Kind    string // "page", "organisation", "settings"
	GroupID int64  // the translation group; 0 for settings
	Lang    string
	Title   string
	Draft   bool // the use is in work in progress, not (only) the published text
}
