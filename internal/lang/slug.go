package lang

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Transliteration tables from Cyrillic to readable ASCII Latin. Russian
// follows the common passport-style romanisation (ж zh, х kh, ц ts, щ shch,
// ю yu, я ya). Kyrgyz follows Kyrgyz usage rather than Russian: ж is j
// (Жалал-Абад, Jalal-Abad), ң is ng, and ө, ү lose their dots (o, u) so that
// slugs stay plain ASCII.
var (
	cyrillicCommon = map[rune]string{
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo",
		'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
		'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
		'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
		'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
		// Letters of other Cyrillic alphabets, for text that strays in.
		'ң': "ng", 'ө': "o", 'ү': "u", 'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g",
		'ә': "a", 'ғ': "gh", 'қ': "q", 'ұ': "u", 'һ': "h", 'ў': "w",
		'љ': "lj", 'њ': "nj", 'ђ': "dj", 'ћ': "c", 'џ': "dz", 'ј': "j", 'ѓ': "gj", 'ќ': "kj", 'ѕ': "dz",
	}
	cyrillicRussian = map[rune]string{
		// ё is written е in most Russian text; readers type e.
		'ё': "e",
	}
	cyrillicKyrgyz = map[rune]string{
		'ж': "j", 'х': "h", 'ц': "ts", 'ё': "yo", 'ң': "ng", 'ө': "o", 'ү': "u",
	}
)

// maxSlugLength keeps URLs readable; slugs are cut at a word boundary.
const maxSlugLength = 80

// Slugify turns a title written in the language code into a URL slug of
// lower-case ASCII letters, digits and single hyphens. It never returns an
// empty string for a title with letters or digits in any script it knows;
// for a title with none it returns "".
func Slugify(code, title string) string {
	special := map[rune]string(nil)
	base, _, _ := strings.Cut(code, "-")
	switch base {
	case "ky":
		special = cyrillicKyrgyz
	case "ru":
		special = cyrillicRussian
	}
	var b strings.Builder
	hyphen := false
	emit := func(s string) {
		if s == "" {
			return
		}
		if hyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		hyphen = false
		b.WriteString(s)
	}
	// Compatibility forms are folded first (ligatures such as "ﬁ" from
	// PDFs, full-width letters, superscripts), and Cyrillic й and ё are
	// composed; accented Latin letters lose their marks in latinBase.
	for _, r := range norm.NFKC.String(title) {
		lr := unicode.ToLower(r)
		switch {
		case lr >= 'a' && lr <= 'z' || lr >= '0' && lr <= '9':
			emit(string(lr))
			continue
		case lr == '\'' || lr == '’' || lr == 'ʼ' || lr == '`' || lr == 'ʻ':
			continue // apostrophes join: "women's" → "womens"
		}
		if s, ok := special[lr]; ok {
			emit(s)
			continue
		}
		if s, ok := cyrillicCommon[lr]; ok {
			emit(s)
			continue
		}
		if unicode.IsLetter(lr) || unicode.IsNumber(lr) {
			if s := latinBase(lr); s != "" {
				emit(s)
				continue
			}
		}
		if unicode.Is(unicode.Mn, lr) {
			continue
		}
		hyphen = true
	}
	return trimSlug(b.String())
}

// connectors are words that must not end a shortened slug.
var connectors = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "and": true, "for": true, "under": true, "in": true,
	"on": true, "to": true, "at": true, "by": true, "with": true, // English
	"i": true, "v": true, "pri": true, "po": true, "na": true, "dlya": true, "o": true, "ob": true,
	"s": true, "k": true, "iz": true, "delam": true, // Russian
	"jana": true, "menen": true, "boyuncha": true, "uchun": true, // Kyrgyz
}

// latinBase maps an accented or special Latin letter to ASCII.
func latinBase(r rune) string {
	switch r {
	case 'ß':
		return "ss"
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	case 'ø':
		return "o"
	case 'đ', 'ð':
		return "d"
	case 'ł':
		return "l"
	case 'þ':
		return "th"
	case 'ı':
		return "i"
	}
	var out strings.Builder
	for _, d := range norm.NFD.String(string(r)) {
		if d < 0x80 && (d >= 'a' && d <= 'z' || d >= '0' && d <= '9') {
			out.WriteRune(d)
		}
	}
	return out.String()
}

func trimSlug(s string) string {
	if len(s) <= maxSlugLength {
		return s
	}
	cut := s[:maxSlugLength]
	if s[maxSlugLength] != '-' {
		if i := strings.LastIndexByte(cut, '-'); i > maxSlugLength/2 {
			cut = cut[:i]
		}
	}
	for {
		i := strings.LastIndexByte(cut, '-')
		if i <= maxSlugLength/2 || !connectors[cut[i+1:]] {
			break
		}
		cut = cut[:i]
	}
	return strings.Trim(cut, "-")
}

// ValidSlug reports whether s has the shape Slugify produces.
func ValidSlug(s string) bool {
	if s == "" || len(s) > maxSlugLength || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	prev := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && prev != '-':
		default:
			return false
		}
		prev = c
	}
	return true
}
