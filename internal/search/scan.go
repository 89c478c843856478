package search

import (
	"unicode"
	"unicode/utf8"
)

// nextWord finds the first word of text at or after byte i and returns its
// byte span. A word starts with a letter or a digit and goes on through
// letters, digits and combining marks; an apostrophe or an invisible joiner
// (soft hyphen, ZWJ, ZWNJ, word joiner) stays inside it when a letter
// follows. Everything else, including invalid UTF-8, separates words. The
// span never ends on an apostrophe or a joiner.
func nextWord(text string, i int) (start, end int, ok bool) {
	n := len(text)
	for i < n {
		c := text[i]
		if c < utf8.RuneSelf {
			if isASCIIAlnum(c) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordStart(r) {
			break
		}
		i += size
	}
	if i >= n {
		return 0, 0, false
	}
	start = i
	afterLetter := false
	for i < n {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case isASCIIAlnum(c):
				i++
				end = i
				afterLetter = c > '9'
				continue
			case c == '\'' && afterLetter && letterAt(text, i+1):
				i++
				afterLetter = false
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if isApostrophe(r) {
			if afterLetter && letterAt(text, i+size) {
				i += size
				afterLetter = false
				continue
			}
			break
		}
		if isJoiner(r) {
			if wordRuneAt(text, i+size) {
				i += size
				continue
			}
			break
		}
		if unicode.IsLetter(r) {
			i += size
			end = i
			afterLetter = true
			continue
		}
		if unicode.IsDigit(r) {
			i += size
			end = i
			afterLetter = false
			continue
		}
		if isMark(r) {
			i += size
			end = i
			continue
		}
		break
	}
	return start, end, true
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// isWordStart reports whether r can begin a word. U+02BC MODIFIER LETTER
// APOSTROPHE is a letter to Unicode but an apostrophe to readers.
func isWordStart(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isApostrophe(r)
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02BC':
		return true
	}
	return false
}

func isJoiner(r rune) bool {
	switch r {
	case '\u00AD', '\u200C', '\u200D', '\u2060':
		return true
	}
	return false
}

// letterAt reports whether a letter (not an apostrophe) starts at byte i.
func letterAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) && !isApostrophe(r)
}

// wordRuneAt reports whether a letter or digit starts at byte i.
func wordRuneAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isWordStart(r)
}

// isMark reports a combining mark: it belongs to the letter before it.
func isMark(r rune) bool { return unicode.Is(unicode.M, r) }
