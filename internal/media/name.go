package media

import (
	"crypto/rand"
	"encoding/hex"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// nameRE is the shape of every storage name: 32 hex digits, the width
// for a smaller copy, and the extension of a type this package accepts.
var nameRE = regexp.MustCompile(`^[0-9a-f]{32}(-[0-9]{2,5})?\.(jpg|png|gif|webp|pdf|docx|xlsx|pptx|odt)$`)

// ValidName reports whether name is a storage name; nothing else reaches
// a file path.
func ValidName(name string) bool { return nameRE.MatchString(name) }

// NewName makes a storage name for a file of the given extension.
func NewName(ext string) string {
	var b [16]byte
	rand.Read(b[:]) // never fails
	return hex.EncodeToString(b[:]) + ext
}

// VariantName is the name of the copy of name that is width pixels wide.
func VariantName(name string, width int) string {
	base, ext, _ := strings.Cut(name, ".")
	return base + "-" + strconv.Itoa(width) + "." + ext
}

// maxNameRunes bounds the download name.
const maxNameRunes = 100

// CleanName makes a file name typed on someone's computer safe to keep
// and to offer back as a download name: the last element of any path,
// without control or formatting characters (right-to-left overrides
// disguise extensions), without the characters Windows forbids, without
// leading dots, and at most 100 characters long with its extension kept.
// ext, the extension of the type the content really is, replaces a short
// extension that says otherwise, or is added. The result is never empty.
func CleanName(name, ext string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case r == utf8.RuneError, unicode.IsControl(r), unicode.Is(unicode.Cf, r), strings.ContainsRune(`<>:"|?*`, r):
			continue
		case unicode.IsSpace(r):
			b.WriteRune(' ')
		default:
			b.WriteRune(r)
		}
	}
	name = strings.Trim(b.String(), " .")
	old := path.Ext(name)
	if strings.EqualFold(old, ext) || (ext == ".jpg" && strings.EqualFold(old, ".jpeg")) {
		name = strings.TrimSuffix(name, old)
	} else if len(old) >= 2 && len(old) <= 6 && isAlnum(old[1:]) {
		name = strings.TrimSuffix(name, old)
	}
	name = strings.Trim(name, " .")
	if r := []rune(name); len(r) > maxNameRunes-len(ext) {
		name = strings.TrimRight(string(r[:maxNameRunes-len(ext)]), " .")
	}
	if name == "" {
		name = "file"
	}
	return name + ext
}

func isAlnum(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// ContentDisposition is the header that makes a browser save a file as
// name: an ASCII fallback and the exact name in RFC 5987 encoding.
func ContentDisposition(name string) string {
	var ascii strings.Builder
	for _, r := range name {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' || r == '%' {
			ascii.WriteByte('_')
		} else {
			ascii.WriteRune(r)
		}
	}
	var enc strings.Builder
	for _, c := range []byte(name) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$&+-.^_`|~", c) >= 0 {
			enc.WriteByte(c)
		} else {
			enc.WriteString("%" + strings.ToUpper(hex.EncodeToString([]byte{c})))
		}
	}
	return `attachment; filename="` + ascii.String() + `"; filename*=UTF-8''` + enc.String()
}
