package detectors

import (
	"strings"

	"github.com/wikiwarden/wikiwarden/textview"
)

// The morphology of a language no dictionary reads, from the page itself.
//
// A page of a small Wikipedia builds its words of the same pieces again
// and again: a stem other words start with and an ending other words
// close with (Manx "-agh", "-yssyn", Shona's "-irwa", Sami's case
// endings), the same stem said twice (reduplication: "kgolokgolo",
// "tanohtanoh", a plural or an intensive in Austronesian, Bantu and West
// African languages). A random draw is built of no such pieces: its
// first four letters start one of a page's words about once in a
// thousand (a page of a few hundred words has a few hundred distinct
// starts of 456,976), its last four close one as seldom, both together
// about once in a million; a chunk of three letters or more said twice in
// a row over most of the word about once in five thousand draws of eight
// lower-case letters.

// morphMinPart is the fewest letters of each piece of a word built of the
// page's starts and endings (morphParts).
const morphMinPart = 4

// morphParts reports whether the word w (letters) splits into a start of
// another word of the text and an end of another word of the text, each
// of morphMinPart letters or more: built of the text's own stems and
// endings. The word itself is no evidence of its pieces: only other
// words count.
func (p *prober) morphParts(w string) bool {
	for k := morphMinPart; k+morphMinPart <= len(w); k++ {
		if p.startsAnother(w[:k], w, true) && p.endsAnother(w[k:], w) {
			return true
		}
	}
	return false
}

// endsAnother reports whether a word of the text other than w ends with
// suffix, in any case, after more letters or digits.
func (p *prober) endsAnother(suffix, w string) bool {
	t := p.text
	for i := range textview.IndexesFold(t, suffix) {
		e := i + len(suffix)
		if e < len(t) && scanIsAlnum(t[e]) {
			continue
		}
		b := i
		for b > 0 && scanIsAlnum(t[b-1]) {
			b--
		}
		if b < i && !strings.EqualFold(t[b:e], w) {
			return true
		}
	}
	return false
}

// reduplicatedMinChunk is the fewest letters of a chunk said twice that
// makes a reduplicated word (reduplicated).
const reduplicatedMinChunk = 3

// reduplicated reports whether the lower-case word w says a chunk of
// reduplicatedMinChunk letters or more twice in a row, and the two cover
// at least three fifths of it: "jafejafe", "lefaufau", "sabohsabohjih".
// A chunk three times or more is a keyboard's run, not a word's
// (termRepeated).
func reduplicated(w string) bool {
	for n := len(w) / 2; n >= reduplicatedMinChunk; n-- {
		if 2*n*5 < 3*len(w) {
			return false
		}
		for i := 0; i+2*n <= len(w); i++ {
			if w[i:i+n] != w[i+n:i+2*n] {
				continue
			}
			// The run of letters repeating every n: three chunks' worth
			// is a keyboard's run, however it is cut.
			lo, hi := i, i+2*n
			for lo > 0 && w[lo-1] == w[lo-1+n] {
				lo--
			}
			for hi < len(w) && w[hi] == w[hi-n] {
				hi++
			}
			if hi-lo < 3*n {
				return true
			}
		}
	}
	return false
}
