package detectors

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// langStopWords are frequent short words of the languages wikiwarden's
// wikis are written in, for GuessLang. A word listed under two languages
// counts for both.
var langStopWords = map[string][]string{
	"en": {"the", "and", "of", "to", "in", "is", "was", "for", "with", "that", "by", "as", "from", "his", "which", "are", "were", "this", "has", "also"},
	"de": {"der", "die", "und", "das", "ist", "von", "mit", "den", "dem", "des", "sich", "nicht", "auch", "eine", "ein", "wurde", "auf", "für", "im", "zu"},
	"fr": {"le", "la", "les", "et", "des", "du", "une", "est", "dans", "pour", "par", "sur", "qui", "que", "au", "aux", "il", "elle", "avec", "pas"},
	"es": {"el", "la", "los", "las", "y", "del", "que", "en", "un", "una", "por", "con", "para", "es", "fue", "se", "su", "como", "al", "más"},
	"cy": {"y", "yr", "a", "ac", "yn", "o", "i", "ei", "mae", "ar", "gan", "wedi", "bod", "hi", "fe", "roedd", "ym", "hefyd", "ond", "gyda"},
	"pl": {"i", "w", "na", "z", "się", "do", "nie", "jest", "że", "to", "o", "od", "po", "przez", "jak", "oraz", "był", "była", "ze", "dla"},
	"nl": {"de", "het", "een", "en", "van", "is", "dat", "op", "te", "zijn", "met", "voor", "niet", "werd", "door", "ook", "aan", "bij", "naar", "als"},
	"it": {"il", "di", "che", "la", "e", "per", "un", "una", "del", "della", "nel", "con", "non", "sono", "gli", "alla", "anche", "da", "dei", "è"},
	"pt": {"o", "de", "que", "e", "do", "da", "em", "um", "uma", "para", "com", "não", "os", "no", "na", "dos", "das", "foi", "ao", "pelo"},
}

// langStop lists langStopWords' languages in order; langStopIndex has each
// stop word's languages as a set of bits over it.
var langStop, langStopIndex = func() ([]string, *stopTable) {
	var langs []string
	for lang := range langStopWords {
		langs = append(langs, lang)
	}
	slices.Sort(langs)
	t := new(stopTable)
	for i, lang := range langs {
		for _, w := range langStopWords[lang] {
			t.add(w, 1<<i)
		}
	}
	return langs, t
}()

// stopTable is a small open-addressing hash table of the stop words, each
// packed into a uint64 (all are under 8 bytes): GuessLang asks about
// every short word of 16 KB of text.
type stopTable struct {
	keys [512]uint64
	sets [512]uint32
}

// stopKey packs a word of 1-7 bytes into a non-zero uint64, 0 for others.
func stopKey(w []byte) uint64 {
	if len(w) == 0 || len(w) > 7 {
		return 0
	}
	k := uint64(len(w))
	for i, c := range w {
		k |= uint64(c) << (8 * (i + 1))
	}
	return k
}

func (t *stopTable) slot(k uint64) int { return int(k * 0x9E3779B97F4A7C15 >> (64 - 9)) }

func (t *stopTable) add(w string, set uint32) {
	k := stopKey([]byte(w)) // non-zero: TestStopTable
	i := t.slot(k)
	for t.keys[i] != 0 && t.keys[i] != k {
		i = (i + 1) % len(t.keys)
	}
	t.keys[i] = k
	t.sets[i] |= set
}

// get returns the languages of the lower-case word w.
func (t *stopTable) get(w []byte) uint32 {
	k := stopKey(w)
	if k == 0 {
		return 0
	}
	for i := t.slot(k); t.keys[i] != 0; i = (i + 1) % len(t.keys) {
		if t.keys[i] == k {
			return t.sets[i]
		}
	}
	return 0
}

// langSample is how much of a text GuessLang reads.
const langSample = 16 << 10

// GuessLang guesses the language of text (wikitext or plain text) from the
// frequent words of the languages in langStopWords. It returns "" when the
// text has too few of them to tell.
func GuessLang(text string) string {
	if len(text) > langSample {
		text = text[:langSample]
	}
	var counts [32]int
	total := 0
	var buf [16]byte
	for i := 0; i < len(text); {
		// Runs of ASCII letters, most of a page's text, lower-cased in
		// place; a word with another letter is read rune by rune.
		c := text[i]
		if c < utf8.RuneSelf && !('a' <= c|0x20 && c|0x20 <= 'z') {
			i++
			continue
		}
		j, k := i, 0
		for ; j < len(text); j++ {
			c := text[j] | 0x20
			if text[j] >= utf8.RuneSelf || !('a' <= c && c <= 'z') {
				break
			}
			if k < len(buf) {
				buf[k] = c
			}
			k++
		}
		if j < len(text) && text[j] >= utf8.RuneSelf {
			var ok bool
			if j, k, ok = lowerWord(text, i, &buf); !ok {
				if j == i {
					_, n := utf8.DecodeRuneInString(text[i:])
					j = i + n // not a letter
				}
				i = j
				continue
			}
		} else if k > len(buf) {
			i = j
			continue
		}
		i = j
		total++
		for set := langStopIndex.get(buf[:k]); set != 0; set &= set - 1 {
			counts[bits.TrailingZeros32(set)]++
		}
	}
	best, bestN, second := "", 0, 0
	for l, n := range counts[:len(langStop)] {
		switch {
		case n > bestN:
			best, bestN, second = langStop[l], n, bestN
		case n > second:
			second = n
		}
	}
	if bestN < 5 || bestN*20 < total || bestN < second*5/4 {
		return ""
	}
	return best
}

// lowerWord reads the run of letters of text from i, lower-cased into buf,
// and returns where it ends, its length in buf and whether it fits buf
// (false with end i when text[i] is no letter).
func lowerWord(text string, i int, buf *[16]byte) (end, k int, ok bool) {
	ok = true
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		r = unicode.ToLower(r)
		if k+utf8.RuneLen(r) > len(buf) {
			ok = false
		} else if ok {
			k += utf8.EncodeRune(buf[k:], r)
		}
		j += n
	}
	return j, k, ok && j > i
}

// BaseLang returns the language of a MediaWiki language code without its
// variant or script: "en-gb" "en", "de-formal" "de", "PT-BR" "pt". Dicts
// are keyed by base languages.
func BaseLang(code string) string {
	code = strings.ToLower(strings.TrimSpace(code))
	if i := strings.IndexAny(code, "-_"); i > 0 {
		code = code[:i]
	}
	return code
}

// dictLangAliases folds codes that name one written language, as
// dictionaries are filed. Kurmanji Kurdish is "ku" on Wikipedia and "kmr"
// in Debian's file name (kmr_Latn.dic, which ku_TR.dic links to).
var dictLangAliases = map[string]string{"nb": "no", "nn": "no", "iw": "he", "in": "id", "kmr": "ku"}

// DictLang returns the code a language's dictionary is filed under in
// Env.Dicts: its base language (BaseLang), Bokmål and Nynorsk both "no".
func DictLang(code string) string {
	l := BaseLang(code)
	if a, ok := dictLangAliases[l]; ok {
		return a
	}
	return l
}
