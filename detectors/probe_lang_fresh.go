package detectors

import (
	"strings"
	"unicode/utf8"
)

// A page created with many new words takes a length discount for every
// word (the fresh term): a long page holds more real words that look
// random. The discount answers the question "which of the page's words
// could have been taken for a token"; a word the page's own words
// surround answers it for itself. A token planted in a sentence of the
// page's language, between words its dictionary reads (or, on a page no
// dictionary reads, words the page keeps using), used nowhere else, is
// as odd on a long page as on a short one: a moderator reading the
// sentence stops at it, however long the page. Its discount is that of a
// lone word (bitsLoneFresh), as loneInProse's is.

// ownCompanyPlaces are the places amidOwnWords never judges a word in:
// code, formulas, names of files, references, templates and parameters,
// attributes and link targets, comments, galleries and words marked as
// another language, where real text holds ids and foreign words between
// ordinary ones.
const ownCompanyPlaces = cCode | cCodeLine | cPre | cMath | cFileName | cRefName | cIdent | cAttr | cLinkTarget | cTmplName | cParamName |
	cComment | cGallery | cForeign

// ownCompanyWords is how many of the two words either side of a word must
// be the page's own words for amidOwnWords.
const ownCompanyWords = 2

// pageWordUses is how often a page no dictionary reads must use a word for
// it to count as one of its own words: its grammar's small words and its
// topic's.
const pageWordUses = 2

// amidOwnWords reports whether c, on a page created with more new words
// than a lone word's discount counts, sits among the page's own words: of
// the two words either side on its line, ownCompanyWords at least are
// lower-case words of the page's language or English (isWord, ownWordAt)
// or words the page uses pageWordUses times or more (on a page no
// dictionary reads, its grammar's small words); the others are numbers,
// capitalised, or lower-case words of ordinary letters; nothing odd is
// near it. The text and its title have its letters nowhere else, and the
// word mixes cases inside it or letters and digits, as no language's
// words do: a word of letters of one case is as often a rare word of the
// page or of another language, a term or a name used once (judged so
// too, four held-out pages of small Wikipedias and English flagged such
// words).
func (p *prober) amidOwnWords(c *probeCandidate) bool {
	if c.code != codeNone || c.chars <= 5 || c.w.Flags&ownCompanyPlaces != 0 || c.w.Flags&(wUpperInner|wDigit) == 0 || p.occurrences(c.hash) > 1 {
		return false
	}
	own, latin := 0, 0
	for _, d := range [4]int{-1, 1, -2, 2} {
		i := c.idx + d
		if i < 0 || i >= len(p.words) || p.words[i].Line != c.w.Line {
			continue
		}
		w := p.words[i]
		word := p.text[w.Lo:w.Hi]
		if w.Flags&wNonLatin == 0 && !allDigits(word) {
			latin++
		}
		switch {
		case w.Flags&(wUpperInner|wCode) == 0 && w.Flags&wDigit != 0 && allDigits(word):
			// A number: a date, a count, a figure.
		case w.Flags&(wUpperInner|wDigit|wCode) == 0 && w.Flags&wUpperFirst != 0:
			// A name, or a word opening a sentence or a title: a word
			// of the page or not, no sentence of its own words.
		case w.Flags&(wUpperInner|wDigit|wCode) == 0 && (p.wordAt(i) || p.ownWordAt(i) || p.pageUses(word, pageWordUses)):
			own++
		case w.Flags&(wUpperFirst|wUpperInner|wDigit|wCode) == 0 && p.wbits[i] >= 0 && p.wbits[i] <= oddNeighbourBits:
			// A word no dictionary has, of ordinary letters under the
			// model: a rarer word of the page's sentence.
		default:
			return false
		}
	}
	if own < ownCompanyWords && (own == 0 || latin > 0 || !p.otherScriptAt(c)) {
		// One word of the page's own is company enough for a word in
		// Latin letters alone among words of the page's other script.
		return false
	}
	return p.usedOnce(c.w.Lo, c.w.Hi)
}

// pageUses reports whether the text has the lower-case word w as a whole
// word n times or more.
func (p *prober) pageUses(w string, n int) bool {
	k := 0
	for from := 0; from < len(p.text); {
		i := strings.Index(p.text[from:], w)
		if i < 0 {
			return false
		}
		lo, hi := from+i, from+i+len(w)
		from = hi
		if lo > 0 && scanIsWordAt(p.text, prevRuneStart(p.text, lo)) || hi < len(p.text) && scanIsWordAt(p.text, hi) {
			continue
		}
		if k++; k >= n {
			return true
		}
	}
	return false
}

// prevRuneStart returns where the character before s[i] starts.
func prevRuneStart(s string, i int) int {
	_, n := utf8.DecodeLastRuneInString(s[:i])
	return i - n
}

// allDigits reports whether s is digits only.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// aloneInScript reports whether c, a word in Latin letters on a page
// created mostly in another script, stands alone among the page's own
// words: the words next to it on its line are words of the page's
// language in its script (ownWordAt; any word of that script where no
// dictionary reads the page) or numbers, one at least of the page's, no other word in Latin letters is among the two
// either side, and the text and its title have its letters nowhere else.
// Latin words on such a page are names, titles and terms, which come
// capitalised, in phrases, after the name of their language or again;
// on a page of another script the discount a word takes for the page's
// length counts its Latin words only, so it says little for this one.
func (p *prober) aloneInScript(c *probeCandidate) bool {
	if !p.mostlyOtherScript() || c.w.Flags&(wNonLatin|ownCompanyPlaces) != 0 || c.code != codeNone || c.chars <= 5 ||
		c.w.Flags&(wUpperFirst|wUpperInner|wDigit) == wUpperFirst || p.occurrences(c.hash) > 1 {
		return false
	}
	own := 0
	for _, d := range [4]int{-1, 1, -2, 2} {
		i := c.idx + d
		if i < 0 || i >= len(p.words) || p.words[i].Line != c.w.Line {
			continue
		}
		w := p.words[i]
		switch {
		case allDigits(p.text[w.Lo:w.Hi]):
		case w.Flags&wNonLatin == 0:
			return false
		case (d == -1 || d == 1) && (p.ownWordAt(i) || !p.hasDict()):
			own++
		case d == -1 || d == 1:
			return false
		}
	}
	return own > 0 && p.usedOnce(c.w.Lo, c.w.Hi)
}
