package search

import (
	"strings"
	"unicode/utf8"
)

// A light Kyrgyz stemmer: no stemmer for Kyrgyz exists, so this one strips
// inflectional suffixes the way published light stemmers for Kazakh do,
// and is conservative where they are greedy, because merging two words
// hurts a reader more than missing one form of a word.
//
// Kyrgyz stacks suffixes in a fixed order:
//
//	root (+ derivation) + plural + possessive + case   (+ -дагы "the one in")
//	verb + participle -ган (+ plural + possessive + case)
//
// so the stemmer looks at the end of the word slot by slot, from the outside
// in: the relative -дагы or a case ending, then a possessive, then the
// plural, then the participle -ган. In each slot it takes the longest suffix
// that fits, and a suffix fits only when
//
//   - its vowel is the one vowel harmony asks for after the last vowel of
//     what remains: the low vowel а е о ө is а after а ы у я ю, е after е
//     и э, о after о, ө after ө ү; the high vowel ы и у ү is ы after а ы
//     я, и after е и э, у after о у ю, ү after ө ү. (Russian loans that
//     break harmony, like "машина", are thus left whole.)
//   - its first consonant is the one that follows what remains: -лар after
//     vowels, р and й, -дар after other voiced consonants, -тар after
//     voiceless ones; -нын/-ны after vowels, -дын/-ды after voiced, -тын/-ты
//     after voiceless; -га/-да/-дан after vowels and voiced, -ка/-та/-тан
//     after voiceless; -на/-нда/-нан/-ндагы only after a third-person
//     possessive vowel;
//   - what remains has a vowel and at least three letters, or is one of a
//     few two-letter roots (эл, үй, иш, ош …).
//
// Left alone on purpose: the derivational -чылык, -лык, -дык (теңчилик is
// a word of its own); the agent -чы (окуучу; so no possessive -ы is taken
// after ч); the verbal noun -уу/-оо (окуу, колдоо, шайлоо are nouns of
// the site); the converb -ып and the infinitive -мак, which end too many
// roots and names (тартип, Жусуп, бармак); the first and second person
// possessives -ым/-ың, which end билим, уюм, чечим; and the accusative -н,
// except after -сы and after a plural with -ы (укуктарын), because Нарын,
// бүгүн, алтын end in it. A final г or б after a vowel is written к or п,
// since Kyrgyz voices к and п before a vowel suffix: укугу → укук, мектеби
// → мектеп. Roots the rules would still cut (Кыргызстан, башка, Канада) are
// listed in kyFixed.

// kyClass is the vowel-harmony class of the last vowel of a stem.
type kyClass uint8

const (
	kyNone       kyClass = iota
	kyBackFlat           // а ы я
	kyFrontFlat          // е и э
	kyBackRoundO         // о ё
	kyBackRoundU         // у ю
	kyFrontRound         // ө ү
)

func kyVowelClass(r rune) kyClass {
	switch r {
	case 'а', 'ы', 'я':
		return kyBackFlat
	case 'е', 'и', 'э':
		return kyFrontFlat
	case 'о', 'ё':
		return kyBackRoundO
	case 'у', 'ю':
		return kyBackRoundU
	case 'ө', 'ү':
		return kyFrontRound
	}
	return kyNone
}

// low and high are the suffix vowels harmony asks for after a class.
func (c kyClass) low() rune {
	switch c {
	case kyFrontFlat:
		return 'е'
	case kyBackRoundO:
		return 'о'
	case kyFrontRound:
		return 'ө'
	}
	return 'а'
}

func (c kyClass) high() rune {
	switch c {
	case kyFrontFlat:
		return 'и'
	case kyBackRoundO, kyBackRoundU:
		return 'у'
	case kyFrontRound:
		return 'ү'
	}
	return 'ы'
}

// kyAfter is what a suffix needs at the end of what remains.
type kyAfter uint8

const (
	afterVowel kyAfter = iota
	afterConsonant
	afterVoiced
	afterVoiceless
	afterVowelOrVoiced
	afterLiquid     // a vowel, р or й: the plural -лар
	afterVoicedStop // a voiced consonant other than р and й: the plural -дар
	afterPossessive // ы и у ү, the third-person possessive: -на, -нда, -нан
	afterSyOrLary   // -сы or plural + -ы (-лары, -тери …): the accusative -н
)

type kySuffix struct {
	text    string
	last    rune // a cheap first test before strings.HasSuffix
	runes   int
	classes uint8 // bit c set: fits after a stem of class c; 0: no vowel
	after   kyAfter
}

// kyTemplate writes a suffix with A for its low vowel and I for its high
// vowel; each vowel follows the one before it.
type kyTemplate struct {
	form  string
	after kyAfter
}

// The slots, outermost first.
const (
	kySlotRelative = iota
	kySlotCase
	kySlotPossessive
	kySlotPlural
	kySlotParticiple
)

// kySlots holds the suffixes of each slot, longest first. Built once, never
// written after.
var kySlots = [...][]kySuffix{
	kySlotRelative: kyExpand(
		kyTemplate{"дAгI", afterVowelOrVoiced},
		kyTemplate{"тAгI", afterVoiceless},
		kyTemplate{"ндAгI", afterPossessive},
	),
	kySlotCase: kyExpand(
		// genitive
		kyTemplate{"нIн", afterVowel},
		kyTemplate{"дIн", afterVoiced},
		kyTemplate{"тIн", afterVoiceless},
		// accusative; -ды after a vowel is the past tense (болду, иштеди)
		kyTemplate{"нI", afterVowel},
		kyTemplate{"дI", afterVowelOrVoiced},
		kyTemplate{"тI", afterVoiceless},
		kyTemplate{"н", afterSyOrLary},
		// dative
		kyTemplate{"гA", afterVowelOrVoiced},
		kyTemplate{"кA", afterVoiceless},
		kyTemplate{"нA", afterPossessive},
		// locative
		kyTemplate{"дA", afterVowelOrVoiced},
		kyTemplate{"тA", afterVoiceless},
		kyTemplate{"ндA", afterPossessive},
		// ablative
		kyTemplate{"дAн", afterVowelOrVoiced},
		kyTemplate{"тAн", afterVoiceless},
		kyTemplate{"нAн", afterPossessive},
	),
	kySlotPossessive: kyExpand(
		kyTemplate{"IбIз", afterConsonant}, // our
		kyTemplate{"бIз", afterVowel},
		kyTemplate{"IңIз", afterConsonant}, // your (polite)
		kyTemplate{"ңIз", afterVowel},
		kyTemplate{"IңAр", afterConsonant}, // your (plural)
		kyTemplate{"ңAр", afterVowel},
		kyTemplate{"I", afterConsonant}, // his, her, its
		kyTemplate{"сI", afterVowel},
	),
	kySlotPlural: kyExpand(
		kyTemplate{"лAр", afterLiquid},
		kyTemplate{"дAр", afterVoicedStop},
		kyTemplate{"тAр", afterVoiceless},
	),
	kySlotParticiple: kyExpand(
		kyTemplate{"гAн", afterVowelOrVoiced},
		kyTemplate{"кAн", afterVoiceless},
	),
}

// kyExpand writes out every harmonic variant of the templates, merging the
// variants that are spelt alike, longest first.
func kyExpand(templates ...kyTemplate) []kySuffix {
	var out []kySuffix
	for _, t := range templates {
		for c := kyBackFlat; c <= kyFrontRound; c++ {
			var b strings.Builder
			cur := c
			vowel := false
			for _, r := range t.form {
				switch r {
				case 'A':
					r = cur.low()
				case 'I':
					r = cur.high()
				default:
					b.WriteRune(r)
					continue
				}
				b.WriteRune(r)
				cur = kyVowelClass(r)
				vowel = true
			}
			var bit uint8
			if vowel {
				bit = 1 << c
			}
			text := b.String()
			merged := false
			for i := range out {
				if out[i].text == text && out[i].after == t.after {
					out[i].classes |= bit
					merged = true
				}
			}
			if !merged {
				last, _ := utf8.DecodeLastRuneInString(text)
				out = append(out, kySuffix{text: text, last: last, runes: utf8.RuneCountInString(text), classes: bit, after: t.after})
			}
		}
	}
	// A stable insertion sort keeps the table order among equal lengths.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].runes > out[j-1].runes; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// kyShortRoots are the two-letter roots a suffix may be stripped down to.
var kyShortRoots = wordSet("ай", "ат", "иш", "ой", "ош", "үй", "эл")

// kyFixed gives the stem of words the rules would get wrong: roots that end
// in what looks like a suffix (Кыргызстан is not Кыргыз-с + -тан, башка
// "other" is not баш "head" + -ка) and the irregular plural балдар. When a
// word, or what remains of it after a suffix, is found here, stemming stops
// with the given stem.
var kyFixed = map[string]string{
	"алты": "алты", "алтын": "алтын", "арстан": "арстан", "айдар": "айдар",
	"балдар": "бала", "башка": "башка", "бүгүн": "бүгүн", "гендер": "гендер",
	"жети": "жети", "жыйын": "жыйын", "каада": "каада", "казакстан": "казакстан",
	"канада": "канада", "кары": "кары", "кийин": "кийин", "кыргызстан": "кыргызстан",
	"майдан": "майдан", "молдо": "молдо", "мурун": "мурун", "нарын": "нарын", "ооганстан": "ооганстан",
	"өзбекстан": "өзбекстан", "пакистан": "пакистан", "сары": "сары",
	"тажикстан": "тажикстан", "такта": "такта", "түркмөнстан": "түркмөнстан",
}

// stemKyrgyzWord returns the stem of a folded, lower-case Cyrillic word.
func stemKyrgyzWord(w string) string {
	if s, ok := kyFixed[w]; ok {
		return s
	}
	relative := false
	for slot, suffixes := range kySlots {
		if slot == kySlotCase && relative {
			continue // -дагы already holds the locative
		}
		best := -1
		last, _ := utf8.DecodeLastRuneInString(w)
		for i := range suffixes {
			sf := &suffixes[i]
			if sf.last != last || !strings.HasSuffix(w, sf.text) {
				continue
			}
			rest := w[:len(w)-len(sf.text)]
			if !kyFits(rest, sf) {
				continue
			}
			if s, ok := kyFixed[rest]; ok {
				return s // Нарын+да, not Нары+нда
			}
			if best < 0 {
				best = i
			}
		}
		if best < 0 {
			continue
		}
		w = w[:len(w)-len(suffixes[best].text)]
		if s, ok := kyFixed[w]; ok {
			return s
		}
		relative = relative || slot == kySlotRelative
	}
	return kyDevoice(w)
}

// kyFits reports whether sf may be stripped, leaving rest.
func kyFits(rest string, sf *kySuffix) bool {
	n := utf8.RuneCountInString(rest)
	if n < 2 {
		return false
	}
	if n == 2 {
		if _, ok := kyShortRoots[rest]; !ok {
			return false
		}
	}
	last, size := utf8.DecodeLastRuneInString(rest)
	class := kyNone
	for s := rest; s != "" && class == kyNone; {
		r, size := utf8.DecodeLastRuneInString(s)
		class = kyVowelClass(r)
		s = s[:len(s)-size]
	}
	if class == kyNone {
		return false
	}
	if sf.classes != 0 && sf.classes&(1<<class) == 0 {
		return false
	}
	vowel := kyVowelClass(last) != kyNone
	switch sf.after {
	case afterVowel:
		return vowel
	case afterConsonant:
		// Not after ч: окуучу, биринчи end in the agent and ordinal
		// suffixes -чу, -чи, not in a possessive.
		return kyConsonant(last) && last != 'ч'
	case afterVoiced:
		return kyVoiced(last)
	case afterVoiceless:
		return kyVoiceless(last)
	case afterVowelOrVoiced:
		return vowel || kyVoiced(last)
	case afterLiquid:
		return vowel || last == 'р' || last == 'й'
	case afterVoicedStop:
		return kyVoiced(last) && last != 'р' && last != 'й'
	case afterPossessive:
		return last == 'ы' || last == 'и' || last == 'у' || last == 'ү'
	case afterSyOrLary:
		if last != 'ы' && last != 'и' && last != 'у' && last != 'ү' {
			return false
		}
		rest = rest[:len(rest)-size]
		r1, size := utf8.DecodeLastRuneInString(rest)
		if r1 == 'с' {
			return true // окуучусу-н
		}
		if r1 != 'р' {
			return false
		}
		rest = rest[:len(rest)-size]
		r2, size := utf8.DecodeLastRuneInString(rest)
		r3, _ := utf8.DecodeLastRuneInString(rest[:len(rest)-size])
		return (r2 == 'а' || r2 == 'е' || r2 == 'о' || r2 == 'ө') && (r3 == 'л' || r3 == 'д' || r3 == 'т') // укуктары-н
	}
	return false
}

func kyVoiced(r rune) bool {
	switch r {
	case 'б', 'в', 'г', 'д', 'ж', 'з', 'й', 'л', 'м', 'н', 'ң', 'р':
		return true
	}
	return false
}

func kyVoiceless(r rune) bool {
	switch r {
	case 'к', 'п', 'с', 'т', 'ф', 'х', 'ц', 'ч', 'ш', 'щ':
		return true
	}
	return false
}

func kyConsonant(r rune) bool { return kyVoiced(r) || kyVoiceless(r) }

// kyDevoice writes a stem's final г or б after a vowel as к or п, the way
// the bare word is spelt (укуг-у → укук, мектеб-и → мектеп).
func kyDevoice(w string) string {
	last, size := utf8.DecodeLastRuneInString(w)
	if last != 'г' && last != 'б' {
		return w
	}
	rest := w[:len(w)-size]
	prev, _ := utf8.DecodeLastRuneInString(rest)
	if kyVowelClass(prev) == kyNone || utf8.RuneCountInString(w) < 3 {
		return w
	}
	if last == 'г' {
		return rest + "к"
	}
	return rest + "п"
}
