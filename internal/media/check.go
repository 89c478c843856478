package media

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"
	"unicode/utf8"
)

// Type is a kind of file the library accepts.
type Type struct {
	ContentType string
	Ext         string // with the dot
	Image       bool
}

// The accepted types.
var (
	TypeJPEG = Type{"image/jpeg", ".jpg", true}
	TypePNG  = Type{"image/png", ".png", true}
	TypeGIF  = Type{"image/gif", ".gif", true}
	TypeWebP = Type{"image/webp", ".webp", true}
	TypePDF  = Type{"application/pdf", ".pdf", false}
	TypeDOCX = Type{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", false}
	TypeXLSX = Type{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", false}
	TypePPTX = Type{"application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx", false}
	TypeODT  = Type{"application/vnd.oasis.opendocument.text", ".odt", false}
)

// Detect says what data is, from its content alone. It refuses markup
// (SVG, HTML, XML) by name, and every type it does not accept.
func Detect(data []byte) (Type, error) {
	if len(data) == 0 {
		return Type{}, refuse(ReasonEmpty, "no bytes")
	}
	sniffed := http.DetectContentType(data)
	switch {
	case sniffed == "image/jpeg":
		return TypeJPEG, nil
	case sniffed == "image/png":
		return TypePNG, nil
	case sniffed == "image/gif":
		return TypeGIF, nil
	case sniffed == "image/webp":
		return TypeWebP, nil
	case sniffed == "application/pdf" && bytes.HasPrefix(data, []byte("%PDF-")):
		return TypePDF, nil
	case sniffed == "application/zip":
		return checkZip(data)
	case strings.HasPrefix(sniffed, "text/html"), strings.HasPrefix(sniffed, "text/xml"):
		return Type{}, refuse(ReasonMarkup, "sniffed as %s", sniffed)
	case strings.HasPrefix(sniffed, "text/plain") && isMarkup(data):
		return Type{}, refuse(ReasonMarkup, "text that opens a tag")
	}
	return Type{}, refuse(ReasonType, "sniffed as %s", sniffed)
}

// isMarkup reports whether text looks like SVG or another markup that
// the sniffer does not name: its first non-blank character opens a tag,
// or it mentions an svg or script element near its start.
func isMarkup(text []byte) bool {
	head := make([]byte, 0, 4096)
	for _, c := range text[:min(len(text), 4096)] {
		switch {
		case c == 0: // UTF-16 text spells <svg with NULs between the letters
		case c >= 'A' && c <= 'Z':
			head = append(head, c+'a'-'A')
		default:
			head = append(head, c)
		}
	}
	trimmed := head
	for _, bom := range []string{"\xef\xbb\xbf", "\xff\xfe", "\xfe\xff"} {
		trimmed = bytes.TrimPrefix(trimmed, []byte(bom))
	}
	trimmed = bytes.TrimLeft(trimmed, " \t\r\n")
	return bytes.HasPrefix(trimmed, []byte("<")) || bytes.Contains(head, []byte("<svg")) || bytes.Contains(head, []byte("<script"))
}

// checkZip accepts a ZIP that is an office document and is safe to hand
// to readers: no entry escapes its folder, and what it unpacks to is
// bounded in count, total size and compression ratio. archive/zip fails
// on reading more than an entry declares, so the declared sizes hold.
func checkZip(data []byte) (Type, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if errors.Is(err, zip.ErrInsecurePath) {
		return Type{}, refuse(ReasonArchive, "insecure path")
	}
	if err != nil {
		return Type{}, refuse(ReasonCorrupt, "zip: %v", err)
	}
	if len(zr.File) > MaxZipEntries {
		return Type{}, refuse(ReasonArchive, "%d entries", len(zr.File))
	}
	var total uint64
	var contentTypes bool
	parts := map[string]bool{}
	for _, f := range zr.File {
		if !safeEntryName(f.Name) {
			return Type{}, refuse(ReasonArchive, "entry name %q", f.Name)
		}
		total += f.UncompressedSize64
		if total > MaxZipBytes {
			return Type{}, refuse(ReasonArchive, "unpacks to more than %d bytes", uint64(MaxZipBytes))
		}
		if f.UncompressedSize64 > 1<<20 && f.UncompressedSize64 > MaxZipRatio*max(f.CompressedSize64, 1) {
			return Type{}, refuse(ReasonArchive, "entry %q compressed %d:1", f.Name, f.UncompressedSize64/max(f.CompressedSize64, 1))
		}
		if f.Name == "[Content_Types].xml" {
			contentTypes = true
		}
		top, _, found := strings.Cut(f.Name, "/")
		if found {
			parts[top] = true
		}
	}
	if odt, err := isODT(zr); err != nil {
		return Type{}, err
	} else if odt {
		return TypeODT, nil
	}
	if contentTypes {
		switch {
		case parts["word"]:
			return TypeDOCX, nil
		case parts["xl"]:
			return TypeXLSX, nil
		case parts["ppt"]:
			return TypePPTX, nil
		}
	}
	return Type{}, refuse(ReasonType, "a zip that is no office document")
}

// isODT applies the OpenDocument rule: the first entry is "mimetype",
// stored uncompressed, holding the media type.
func isODT(zr *zip.Reader) (bool, error) {
	if len(zr.File) == 0 || zr.File[0].Name != "mimetype" {
		return false, nil
	}
	f := zr.File[0]
	if f.Method != zip.Store || f.UncompressedSize64 > 100 {
		return false, nil
	}
	rc, err := f.Open()
	if err != nil {
		return false, refuse(ReasonCorrupt, "mimetype: %v", err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, 100))
	if err != nil {
		return false, refuse(ReasonCorrupt, "mimetype: %v", err)
	}
	return string(b) == TypeODT.ContentType, nil
}

// safeEntryName refuses what could write outside a folder when unpacked:
// absolute paths, "..", backslashes, drive letters, empty elements and
// control characters.
func safeEntryName(name string) bool {
	name = strings.TrimSuffix(name, "/") // a folder entry
	if name == "" || len(name) > 1024 || strings.HasPrefix(name, "/") || strings.ContainsAny(name, `\:`) || !utf8.ValidString(name) {
		return false
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f {
			return false
		}
	}
	for _, el := range strings.Split(name, "/") {
		if el == "" || el == "." || el == ".." {
			return false
		}
	}
	return true
}
