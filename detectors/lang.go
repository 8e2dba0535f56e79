package detectors

import (
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

var langStopIndex = func() map[string][]string {
	m := map[string][]string{}
	for lang, words := range langStopWords {
		for _, w := range words {
			m[w] = append(m[w], lang)
		}
	}
	return m
}()

// langSample is how much of a text GuessLang reads.
const langSample = 16 << 10

// GuessLang guesses the language of text (wikitext or plain text) from the
// frequent words of the languages in langStopWords. It returns "" when the
// text has too few of them to tell.
func GuessLang(text string) string {
	if len(text) > langSample {
		text = text[:langSample]
	}
	counts := map[string]int{}
	total := 0
	var buf [16]byte
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		k := 0
		ok := true
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
		i = j
		if !ok {
			continue
		}
		total++
		for _, lang := range langStopIndex[string(buf[:k])] {
			counts[lang]++
		}
	}
	best, bestN, second := "", 0, 0
	for lang, n := range counts {
		switch {
		case n > bestN || n == bestN && lang < best:
			best, bestN, second = lang, n, bestN
		case n > second:
			second = n
		}
	}
	if bestN < 5 || bestN*20 < total || bestN < second*5/4 {
		return ""
	}
	return best
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
