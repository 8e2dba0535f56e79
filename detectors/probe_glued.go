package detectors

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Words glued of a dictionary word and an affix of the page.
//
// Agglutinative languages (Swahili, Tagalog, Estonian, Finnish, Basque)
// write forms no dictionary lists, even expanded by its affix rules within
// a budget: "hukuhudhuria" is "huku" before "hudhuria", "ebasobiv" is "eba"
// before "sobiv". Such a form is a word of the page's dictionary of five
// letters or more with a piece glued before or after it, and that piece
// starts or ends other words of the same text, as a language's affixes do,
// or is a word of the dictionary itself that some other word starts or
// ends with.
// A random draw seldom has five letters that are a word at one end, and
// the rest of it is no piece the words around it share.

const (
	gluedMinStem  = 5 // letters of the dictionary word
	gluedMaxAffix = 6 // letters of the piece glued to it
	gluedMinUses  = 3 // other words of the text the piece starts or ends
)

// gluedWord reports whether w (lower case) is a word of the page
// language's dictionary with a piece before or after it that other words
// of the text share.
func (p *prober) gluedWord(w string) bool {
	if p.langDict == nil || p.lang == "en" || len(w) < gluedMinStem+2 {
		return false
	}
	for k := 1; k < len(w); k++ {
		if !utf8.RuneStart(w[k]) {
			continue
		}
		head, tail := w[:k], w[k:]
		hn, tn := utf8.RuneCountInString(head), utf8.RuneCountInString(tail)
		if hn >= 2 && hn <= gluedMaxAffix && tn >= gluedMinStem && p.langDict.Has(tail) && p.gluedPiece(head, hn, true) {
			return true
		}
		if tn >= 2 && tn <= gluedMaxAffix && hn >= gluedMinStem && p.langDict.Has(head) && p.gluedPiece(tail, tn, false) {
			return true
		}
	}
	return false
}

// gluedPiece reports whether piece, of n letters, glued before (atStart)
// or after a word, is one of the language's: other words of the text
// start or end with it, enough of them, or at least one when the piece is
// a word of three letters or more itself ("ulio" of "uliokusukuma").
func (p *prober) gluedPiece(piece string, n int, atStart bool) bool {
	uses := p.wordsSharing(piece, atStart) - 1
	return uses >= gluedMinUses || uses >= 1 && n >= 3 && p.langDict.Has(piece)
}

// wordsSharing counts the words of the text longer than piece that start
// (atStart) or end with it, in any case; the word judged is one of them.
func (p *prober) wordsSharing(piece string, atStart bool) int {
	t, n := p.text, 0
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		j := i
		for j < len(t) {
			r, size := utf8.DecodeRuneInString(t[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += size
		}
		word := t[i:j]
		i = j
		if len(word) <= len(piece) {
			continue
		}
		if atStart && strings.EqualFold(word[:len(piece)], piece) || !atStart && strings.EqualFold(word[len(word)-len(piece):], piece) {
			n++
		}
	}
	return n
}
