package detectors

import (
	"math"
	"sync"

	"github.com/wikiwarden/wikiwarden/textview"
	"unicode"
	"unicode/utf8"
)

// letterIndex maps a rune to its letter-model symbol (textview.Letter).
func letterIndex(r rune) (idx uint8, latin, plain bool) { return textview.Letter(r) }

// foldWord appends the model symbols of the letters of w (a word the scanner
// found, made of letters only) to dst. ok is false when w holds anything but
// Latin letters and combining marks.
func foldWord(dst []uint8, w string) (_ []uint8, ok bool) {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			c |= 0x20
			if c < 'a' || c > 'z' {
				return dst, false
			}
			dst = append(dst, c-'a'+1)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		i += n
		if idx, latin, _ := letterIndex(r); latin {
			dst = append(dst, idx)
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue // a combining accent: part of the letter before it
		}
		return dst, false
	}
	return dst, true
}

// romanNumeral reports whether w (ASCII letters, any case) is a well-formed
// Roman numeral such as "xxiv" or "MCMLXXIV", or one of six letters or
// more written as older texts write them: a digit's one four times
// ("mdcccclxxxx"), the last i a j ("xxviij").
func romanNumeral(w string) bool {
	if w == "" {
		return false
	}
	reps := 3
	if len(w) >= romanLongLetters {
		reps = 4
		if n := len(w); w[n-1]|0x20 == 'j' && w[n-2]|0x20 == 'i' {
			w = w[:n-1] + "i"
		}
	}
	i := 0
	next := func() byte {
		if i < len(w) {
			return w[i] | 0x20
		}
		return 0
	}
	// One decimal digit: ten (x), five (v) and one (i) of its power.
	digit := func(one, five, ten byte) {
		switch c := next(); {
		case c == one && i+1 < len(w) && (w[i+1]|0x20 == ten || w[i+1]|0x20 == five):
			i += 2 // iv, ix
		default:
			if c == five {
				i++
			}
			for n := 0; n < reps && next() == one; n++ {
				i++
			}
		}
	}
	for n := 0; n < 4 && next() == 'm'; n++ {
		i++
	}
	digit('c', 'd', 'm')
	digit('x', 'l', 'c')
	digit('i', 'v', 'x')
	return i == len(w)
}

// romanLongLetters is the fewest letters of a numeral written in the
// older forms (a digit's one four times, a closing j): a random draw of six
// letters is one about once in a million.
const romanLongLetters = 6

// nucleotides reports whether every letter of the folded word is one of
// a, c, g, t, u: a DNA or RNA sequence ("gattaca", "ttaggg").
func nucleotides(sym []uint8) bool {
	for _, s := range sym {
		switch s {
		case 'a' - 'a' + 1, 'c' - 'a' + 1, 'g' - 'a' + 1, 't' - 'a' + 1, 'u' - 'a' + 1:
		default:
			return false
		}
	}
	return true
}

// trainPage learns a letter model of one page's language: a model of the
// page's own words alone, mixed half and half with the base model, so
// that a letter sequence either finds usual costs at most a bit more than
// under that one. The words of a language the base model hardly knows
// (Luganda, Shona, Somali) are then ordinary, while the base model still
// covers what a page of a few kilobytes never shows; random letters stay
// as unlikely as under either. (Adding the page's counts to the base
// model's instead would make a small page's sequences look certain and
// every word of its language it lacks look random.) A text that may hold
// the token being judged (a page created with it) is learned without its
// words seen once and as unlikely as random letters; the page before an
// edit is learned whole.
func trainPage(text string, mayHoldToken bool) *Model {
	base := BaseModel()
	pm := trainOnPage(text, mayHoldToken, base)
	if pm.words == 0 {
		return base
	}
	return mixModels(pm, 0.5, base, 0.5, nil, 0)
}

// trainOnPage learns a model of text alone, as trainPage does.
func trainOnPage(text string, mayHoldToken bool, base *Model) *Model {
	once := math.Inf(1)
	if mayHoldToken {
		once = learnOnceBits
	}
	return trainWords([]string{text}, base, once)
}

// langShareBase is the share of the base model mixed into a language's
// model (langModelSet.model): English names and loanwords every wiki has.
const langShareBase = 0.15

// pageShareOwn is the share of a model of the page's own words mixed into
// the model of a language that fits the page only loosely (trainPageLang).
const pageShareOwn = 0.4

// trainPageLang is trainPage for a page whose words the built-in model
// lang fits only loosely (a relative of its language, not the language):
// the page's own model is mixed with lang's instead of the base model's.
func trainPageLang(text string, mayHoldToken bool, lang *Model) *Model {
	pm := trainOnPage(text, mayHoldToken, lang)
	if pm.words == 0 {
		return lang
	}
	return mixModels(lang, 1-pageShareOwn, pm, pageShareOwn, nil, 0)
}

// mixModels returns the model whose probabilities are a's, b's and c's
// (c may be nil) mixed in the shares given, which add up to 1.
func mixModels(a *Model, sa float64, b *Model, sb float64, c *Model, sc float64) *Model {
	m := &Model{words: a.words + b.words, lp: make([]float32, modelGrams)}
	pa, pb := probsOf(a), probsOf(b)
	var pc []float64
	if c != nil {
		pc = probsOf(c)
	}
	for i := range m.lp {
		p := sa*gramProb(a, pa, i) + sb*gramProb(b, pb, i)
		if c != nil {
			p += sc * gramProb(c, pc, i)
		}
		m.lp[i] = float32(math.Log2(p))
	}
	return m
}

// gramProb returns the probability of m's gram i, from probs when they
// are kept (probsOf).
func gramProb(m *Model, probs []float64, i int) float64 {
	if probs != nil {
		return probs[i]
	}
	return math.Exp2(float64(m.lp[i]))
}

// probsOf returns the probabilities of m's log probabilities when they
// are kept (the base model's, which every language's model and many a
// page's are mixed with), else nil.
func probsOf(m *Model) []float64 {
	if m == BaseModel() {
		return baseProbs()
	}
	return nil
}

// baseProbs holds 2^lp of the base model, computed once (4 MB): a third of
// the logarithms that mixing a language's model or a page's takes.
var baseProbs = sync.OnceValue(func() []float64 {
	lp := BaseModel().lp
	p := make([]float64, len(lp))
	for i, x := range lp {
		p[i] = math.Exp2(float64(x))
	}
	return p
})
