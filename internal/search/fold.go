package search

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxWordRunes bounds a word after folding; longer runs of letters (base64,
// URLs written without punctuation, keyboard mashing) are not words
// anyone searches for.
const maxWordRunes = 64

type script uint8

const (
	scriptOther script = iota
	scriptLatin
	scriptCyrillic
)

// folder folds words into a buffer it reuses, so folding allocates nothing
// for most words.
type folder struct {
	runes []rune
	out   []byte
}

// fold returns the folded form of a word found by nextWord, which stays
// valid until the next call, and the script the word is written in. ok is
// false when nothing is left of the word or it is longer than maxWordRunes.
// prefer decides evenly mixed words.
func (f *folder) fold(word string, prefer script) (folded []byte, sc script, ok bool) {
	word = dropPossessive(word)
	if isASCII(word) {
		return f.foldASCII(word)
	}
	if !stableLetters(word) && !norm.NFKC.IsNormalString(word) {
		word = norm.NFKC.String(word)
	}
	f.runes = f.runes[:0]
	var latin, cyr, latinOwn, cyrOwn int
	for _, r := range word {
		if !isBasicLetter(r) && (isApostrophe(r) || !unicode.IsLetter(r) && !unicode.IsDigit(r)) {
			continue // apostrophes, joiners, combining marks
		}
		if len(f.runes) == maxWordRunes {
			return nil, scriptOther, false
		}
		r = foldRune(toLower(r))
		f.runes = append(f.runes, r)
		switch {
		case isLatin(r):
			latin++
			if _, twin := latinTwin(r); !twin {
				latinOwn++
			}
		case isCyrillic(r):
			cyr++
			if _, twin := cyrillicTwin(r); !twin {
				cyrOwn++
			}
		}
	}
	if len(f.runes) == 0 {
		return nil, scriptOther, false
	}
	switch {
	case latin > 0 && cyr > 0:
		sc = mixedScript(latinOwn, cyrOwn, latin, cyr, prefer)
		for i, r := range f.runes {
			if sc == scriptCyrillic && isLatin(r) {
				if t, twin := latinTwin(r); twin {
					f.runes[i] = t
				}
			} else if sc == scriptLatin && isCyrillic(r) {
				if t, twin := cyrillicTwin(r); twin {
					f.runes[i] = t
				}
			}
		}
	case cyr > 0:
		sc = scriptCyrillic
	case latin > 0:
		sc = scriptLatin
	}
	f.out = f.out[:0]
	for _, r := range f.runes {
		f.out = utf8.AppendRune(f.out, r)
	}
	return f.out, sc, true
}

// mixedScript decides which script a word that has both Latin and Cyrillic
// letters is written in: the script with more letters that have no twin in
// the other wins ("sociеty" has s); then the script of the analyser's
// language (a Russian "copoк" is all twins); then the one with more
// letters. The generic analyser leaves an even word alone.
func mixedScript(latinOwn, cyrOwn, latin, cyr int, prefer script) script {
	switch {
	case latinOwn > cyrOwn:
		return scriptLatin
	case cyrOwn > latinOwn:
		return scriptCyrillic
	case prefer != scriptOther:
		return prefer
	case latin > cyr:
		return scriptLatin
	case cyr > latin:
		return scriptCyrillic
	}
	return scriptOther
}

func (f *folder) foldASCII(word string) ([]byte, script, bool) {
	f.out = f.out[:0]
	sc := scriptOther
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			sc = scriptLatin
		case 'a' <= c && c <= 'z':
			sc = scriptLatin
		case '0' <= c && c <= '9':
		default:
			continue // the apostrophe of "don't"
		}
		if len(f.out) == maxWordRunes {
			return nil, scriptOther, false
		}
		f.out = append(f.out, c)
	}
	if len(f.out) == 0 {
		return nil, scriptOther, false
	}
	return f.out, sc, true
}

// dropPossessive cuts an English possessive 's ("women's") off a word.
func dropPossessive(word string) string {
	n := len(word)
	if n < 3 || word[n-1] != 's' && word[n-1] != 'S' {
		return word
	}
	r, size := utf8.DecodeLastRuneInString(word[:n-1])
	if !isApostrophe(r) {
		return word
	}
	return word[:n-1-size]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// stableLetters reports whether NFKC leaves word as it is because all its
// runes are ASCII, Latin-1 letters or basic Cyrillic letters: none of these
// has a compatibility form or combines with a neighbour. It saves the
// normaliser's look-ups on nearly every word of the site.
func stableLetters(word string) bool {
	for _, r := range word {
		if r >= utf8.RuneSelf && !isBasicLetter(r) && !(0xC0 <= r && r <= 0xFF && r != 0xD7 && r != 0xF7) {
			return false
		}
	}
	return true
}

// isBasicLetter reports the Cyrillic letters U+0400 to U+04FF, where the
// only non-letters are the combining marks U+0483 to U+0489.
func isBasicLetter(r rune) bool {
	return 0x0400 <= r && r <= 0x04FF && !(0x0483 <= r && r <= 0x0489)
}

// toLower is unicode.ToLower with the Russian alphabet done inline.
func toLower(r rune) rune {
	switch {
	case 'А' <= r && r <= 'Я':
		return r + ('а' - 'А')
	case 'а' <= r && r <= 'я':
		return r
	}
	return unicode.ToLower(r)
}

// foldRune maps a lower-case rune to the letter it stands for: ё is written
// е in most Russian text, and old Kyrgyz fonts lacked ң and ө.
func foldRune(r rune) rune {
	switch r {
	case 'ё':
		return 'е'
	case 'ӊ', 'ӈ', 'ҥ':
		return 'ң'
	case 'ѳ':
		return 'ө'
	}
	return r
}

func isLatin(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.Is(unicode.Latin, r)
}

func isCyrillic(r rune) bool {
	if 0x0400 <= r && r <= 0x04FF {
		return true
	}
	return r >= 0x0500 && unicode.Is(unicode.Cyrillic, r)
}

// latinTwin returns the Cyrillic letter a lower-case Latin letter looks
// like, in print or as a capital (h for Н, b for В, m for М).
func latinTwin(r rune) (rune, bool) {
	switch r {
	case 'a':
		return 'а', true
	case 'b':
		return 'в', true
	case 'c':
		return 'с', true
	case 'e':
		return 'е', true
	case 'ë':
		return 'е', true // ё, folded
	case 'h':
		return 'н', true
	case 'i':
		return 'і', true
	case 'k':
		return 'к', true
	case 'm':
		return 'м', true
	case 'o':
		return 'о', true
	case 'p':
		return 'р', true
	case 't':
		return 'т', true
	case 'x':
		return 'х', true
	case 'y':
		return 'у', true
	case 'ɵ':
		return 'ө', true
	}
	return r, false
}

// cyrillicTwin is latinTwin the other way round. The Kyrgyz ү and ө have
// no twin in English words and are kept.
func cyrillicTwin(r rune) (rune, bool) {
	switch r {
	case 'а':
		return 'a', true
	case 'в':
		return 'b', true
	case 'с':
		return 'c', true
	case 'е':
		return 'e', true
	case 'н':
		return 'h', true
	case 'і':
		return 'i', true
	case 'к':
		return 'k', true
	case 'м':
		return 'm', true
	case 'о':
		return 'o', true
	case 'р':
		return 'p', true
	case 'т':
		return 't', true
	case 'х':
		return 'x', true
	case 'у':
		return 'y', true
	}
	return r, false
}
