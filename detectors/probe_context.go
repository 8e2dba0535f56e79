package detectors

import (
	"slices"
	"strings"

	"github.com/wikiwarden/wikiwarden/textview"
)

// Evidence from the text around a word: the language and script of its
// line, how usual its neighbours are, italics around ordinary words. A
// token is a lone code among ordinary words; a run of unusual words is a
// phrase in another language, a species or a title.

// contextBits returns the median bits per letter of the ordinary lower-case
// words on c's line, or of the whole edit when the line has few.
func (p *prober) contextBits(c *probeCandidate) (float64, bool) {
	for _, m := range p.medians {
		if m.line == c.w.Line {
			if m.ok {
				return m.med, true
			}
			return p.editMedian()
		}
	}
	vals := p.scratch[:0]
	for i := c.idx; i >= 0 && p.words[i].Line == c.w.Line; i-- {
		if b := p.wbits[i]; b >= 0 {
			vals = append(vals, float64(b))
		}
	}
	for i := c.idx + 1; i < len(p.words) && p.words[i].Line == c.w.Line; i++ {
		if b := p.wbits[i]; b >= 0 {
			vals = append(vals, float64(b))
		}
	}
	m := lineMedian{line: c.w.Line}
	if len(vals) >= 5 {
		m.med, m.ok = median(vals), true
	}
	p.scratch = vals
	p.medians = append(p.medians, m)
	if m.ok {
		return m.med, true
	}
	return p.editMedian()
}

func (p *prober) editMedian() (float64, bool) {
	if p.editMedK == 0 {
		vals := p.scratch[:0]
		for _, b := range p.wbits {
			if b >= 0 {
				vals = append(vals, float64(b))
			}
		}
		p.editMedK = -1
		if len(vals) >= 5 {
			p.editMed, p.editMedK = median(vals), 1
		}
		p.scratch = vals
	}
	return p.editMed, p.editMedK == 1
}

// median returns the upper median of vals (the middle value of an odd
// count), reordering vals: a selection, not a sort, since only the one
// value is wanted.
func median(vals []float64) float64 {
	k := len(vals) / 2
	lo, hi := 0, len(vals)-1
	for hi-lo > 16 {
		// Median of three as the pivot, then Hoare's partition.
		mid := lo + (hi-lo)/2
		if vals[mid] < vals[lo] {
			vals[mid], vals[lo] = vals[lo], vals[mid]
		}
		if vals[hi] < vals[lo] {
			vals[hi], vals[lo] = vals[lo], vals[hi]
		}
		if vals[hi] < vals[mid] {
			vals[hi], vals[mid] = vals[mid], vals[hi]
		}
		pivot := vals[mid]
		i, j := lo, hi
		for i <= j {
			for vals[i] < pivot {
				i++
			}
			for vals[j] > pivot {
				j--
			}
			if i <= j {
				vals[i], vals[j] = vals[j], vals[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return vals[k] // between the two halves: equal to the pivot
		}
	}
	slices.Sort(vals[lo : hi+1])
	return vals[k]
}

// oddNeighbours counts the words next to c (three on each side, same line)
// that are themselves unusual: in another script, with diacritics, or
// lower-case words the model finds unlikely. A probe is a lone code among
// ordinary words; a run of unusual words is a phrase in another language.
func (p *prober) oddNeighbours(c *probeCandidate) int {
	odd := 0
	for _, d := range [6]int{-3, -2, -1, 1, 2, 3} {
		i := c.idx + d
		if i < 0 || i >= len(p.words) || p.words[i].Line != c.w.Line {
			continue
		}
		f := p.words[i].Flags
		if f&wNonLatin != 0 && p.otherScriptAt(c) {
			continue // the page's own script: a Latin word stands out among it
		}
		if f&(wNonLatin|wDiacritic) != 0 || p.wbits[i] > oddNeighbourBits {
			if w := p.words[i]; f&wNonLatin == 0 && p.isWord(p.text[w.Lo:w.Hi]) {
				continue // a rare word of the dictionary ("abbr", "vermouth"): no foreign company
			}
			odd++
		}
	}
	return odd
}

// otherScriptAt reports whether the text around c is written in a script
// other than Latin: most words of the edit are, or most words of c's line
// outside markup are (a Bulgarian sentence whose references are in
// English).
func (p *prober) otherScriptAt(c *probeCandidate) bool {
	if p.mostlyOtherScript() {
		return true
	}
	for _, l := range p.scripts {
		if l.line == c.w.Line {
			return l.other
		}
	}
	prose, other := 0, 0
	for i := max(0, c.idx-60); i < len(p.words) && i < c.idx+60; i++ {
		w := p.words[i]
		if w.Line != c.w.Line || i == c.idx || w.Flags&cMarkup != 0 {
			continue
		}
		prose++
		if w.Flags&wNonLatin != 0 {
			other++
		}
	}
	l := lineScript{line: c.w.Line, other: other >= 3 && other*2 > prose}
	p.scripts = append(p.scripts, l)
	return l.other
}

// mostlyOtherScript reports whether most words the edit added are in a
// script other than Latin (a Bulgarian or Russian page).
func (p *prober) mostlyOtherScript() bool {
	return p.edit.nonLatin*2 > p.edit.words
}

// binomial reports whether c, a lower-case word whose letters are
// plausible, follows a capitalised word no dictionary has: the epithet of
// a species ("Selenochlamys ysbryda") written without italics.
func (p *prober) binomial(c *probeCandidate, llr float64) bool {
	if llr > 20 || c.w.Flags&(wUpperFirst|wUpperInner|wDigit) != 0 || c.idx == 0 || !p.hasDict() {
		return false
	}
	w := p.words[c.idx-1]
	if w.Line != c.w.Line || w.Flags&wUpperFirst == 0 || w.Flags&(wUpperInner|wDigit) != 0 || w.Hi-w.Lo < 4 || c.w.Lo-w.Hi != 1 {
		return false
	}
	// Genera and epithets end as Latin and Greek words do: -us, -a, -is,
	// -ys, -um, -on, -ops, -ax; -a, -ae, -i, -is, -um, -us, -ensis.
	latin := func(c byte) bool {
		return c == 'a' || c == 's' || c == 'x' || c == 'm' || c == 'n' || c == 'e' || c == 'i'
	}
	return latin(p.text[w.Hi-1]) && latin(p.text[c.w.Hi-1]) && !p.isWord(p.text[w.Lo:w.Hi])
}

// nearInLang reports whether the lower-case words next to c (three on each
// side, same line) are mostly words of the page's language: a phrase in
// another language inside a line of the page's ("”Prst zmrzl, zhltl hrst
// zrn”") is not.
func (p *prober) nearInLang(c *probeCandidate) bool {
	words, known := p.wordsNear(c, 2, true)
	return words == 0 || known*3 >= words*2
}

// wordsNear counts the lower-case words of minChars letters or more next
// to c (three on each side, same line) and how many of them are words of
// the page's language. With otherScript, a word in another script next to
// c counts as a word none knows (a name or phrase in another language),
// unless c's line is in that script (otherScriptAt, asked once).
func (p *prober) wordsNear(c *probeCandidate, minChars int, otherScript bool) (words, known int) {
	inScript := 0 // otherScriptAt(c) once asked: 1 yes, -1 no
	for _, d := range [6]int{-1, 1, -2, 2, -3, 3} {
		i := c.idx + d
		if i < 0 || i >= len(p.words) || p.words[i].Line != c.w.Line {
			continue
		}
		w := p.words[i]
		if otherScript && w.Flags&wNonLatin != 0 {
			if inScript == 0 {
				inScript = -1
				if p.otherScriptAt(c) {
					inScript = 1
				}
			}
			if inScript < 0 {
				words++
				continue
			}
		}
		if w.Flags&(wUpperFirst|wUpperInner|wDigit|wNonLatin|wCode) != 0 || w.Hi-w.Lo < minChars {
			continue
		}
		words++
		if p.wordAt(i) {
			known++
		}
	}
	return words, known
}

// wordAt is isWord for words[i], looked up once a pass: the words of a
// line are asked about again for each candidate on it.
func (p *prober) wordAt(i int) bool {
	if len(p.wordKnown) != len(p.words) {
		p.wordKnown = slices.Grow(p.wordKnown[:0], len(p.words))[:len(p.words)]
		clear(p.wordKnown)
	}
	if k := p.wordKnown[i]; k != 0 {
		return k > 0
	}
	w := p.words[i]
	known := p.isWord(p.text[w.Lo:w.Hi])
	p.wordKnown[i] = -1
	if known {
		p.wordKnown[i] = 1
	}
	return known
}

// lineInLang reports whether most lower-case words on c's line are words
// of the page's language (or English): the text around is not a phrase in
// another language, whatever the letter model thinks of it.
func (p *prober) lineInLang(c *probeCandidate) bool {
	if !p.hasDict() {
		return false
	}
	for _, k := range p.known {
		if k.line == c.w.Line {
			return k.share >= 0.6
		}
	}
	words, known := p.lineWords(c)
	share := -1.0
	if words >= 3 {
		share = float64(known) / float64(words)
	}
	p.known = append(p.known, lineKnown{line: c.w.Line, share: share})
	return share >= 0.6
}

// italicProse reports whether the italic words next to c (four on each
// side, same line) are ordinary words: two or more lower-case words the
// letter model finds usual or a dictionary has, and none unusual. A token
// slipped into an italic title (an encyclopedia's name of ordinary
// words) is as odd there as in prose; a species or a phrase in another
// language has unusual words around.
func (p *prober) italicProse(c *probeCandidate) bool {
	ordinary := 0
	for _, d := range [8]int{-1, 1, -2, 2, -3, 3, -4, 4} {
		i := c.idx + d
		if i < 0 || i >= len(p.words) || p.words[i].Line != c.w.Line {
			continue
		}
		w := p.words[i]
		if w.Flags&cItalic == 0 {
			continue
		}
		if w.Flags&(wNonLatin|wDiacritic) != 0 {
			return false
		}
		if w.Flags&(wUpperFirst|wUpperInner|wDigit) != 0 || w.Hi-w.Lo < 3 {
			continue
		}
		b := p.wbits[i]
		switch {
		case b >= 0 && b <= normalProseBits+0.5, p.isWord(p.text[w.Lo:w.Hi]):
			ordinary++
		case b < 0:
		default:
			return false
		}
	}
	return ordinary >= 2
}

// lineWords counts the lower-case words of three letters or more near c
// on its line (c aside), and how many of them are real words.
func (p *prober) lineWords(c *probeCandidate) (words, known int) {
	for i := max(0, c.idx-40); i < len(p.words) && i < c.idx+40; i++ {
		w := p.words[i]
		if w.Line != c.w.Line || i == c.idx || w.Flags&(wUpperFirst|wUpperInner|wDigit|wNonLatin|wCode) != 0 || w.Hi-w.Lo < 3 {
			continue
		}
		words++
		if p.wordAt(i) {
			known++
		}
	}
	return words, known
}

// shortLineKnown reports whether c's line has too few lower-case words for
// lineInLang to judge and every one of them, one at least, is a real word
// ("[[Category:Living people]]").
func (p *prober) shortLineKnown(c *probeCandidate) bool {
	words, known := p.lineWords(c)
	return words > 0 && words < 3 && known == words
}

// loneInProse reports whether c breaks a sentence of ordinary prose as a
// planted token does: it sits in running text, out of code and markup,
// between two words of the page's language (amidWords), has no word-like
// letters, no other word among the three either side is odd company (a
// lower-case word no dictionary has that the letter model finds unusual,
// another script, diacritics), and the text and its title have its
// letters nowhere else, not even in a path or a module's name ("switch
// pmxbot off" beside "pmxbot/pmxbot"). A program's name or a term of
// another language comes with its kind around it or is used again; a
// token is the one odd word of a sentence someone else wrote. A caption,
// a comment and a link's text are prose too (lonePlaces).
func (p *prober) loneInProse(c *probeCandidate) bool {
	if c.code != codeNone || c.chars <= 5 || c.w.Flags&(cCodeLine|cPre|cCode) != 0 || p.occurrences(c.hash) > 1 {
		return false
	}
	if !c.parts && c.w.Flags&(wUpperFirst|wUpperInner) == 0 {
		// Letters a dictionary's words would have are as often a rare
		// word or a misspelt one ("verifcaiton") as a token.
		if dm := p.dictLetters(); dm != nil && dm.bits(p.sym[c.symLo:c.symHi])-float64(c.symHi-c.symLo)*log2Letters <= dictWordlikeBits {
			return false
		}
	}
	if !p.amidIn(c, lonePlaces) {
		return false
	}
	for _, d := range [6]int{-1, 1, -2, 2, -3, 3} {
		i := c.idx + d
		if i < 0 || i >= len(p.words) || p.words[i].Line != c.w.Line {
			continue
		}
		f := p.words[i].Flags
		if f&(wNonLatin|wDiacritic) != 0 && !p.ownWordAt(i) {
			return false
		}
		if f&(wUpperFirst|wUpperInner|wDigit|wCode) == 0 && f&cMarkup == 0 && p.wbits[i] > oddNeighbourBits && !p.wordAt(i) {
			return false
		}
	}
	w := lowerASCII(p.text[c.w.Lo:c.w.Hi]) // IndexFold's needle is lower case
	return textview.IndexFold(p.text[c.w.Hi:], w) < 0 && textview.IndexFold(p.text[:c.w.Lo], w) < 0 && !textview.ContainsFold(p.edit0.Title, w)
}

// lonePlaces are the places of markup whose words loneInProse reads as
// prose.
const lonePlaces = cCaption | cComment | cLink

// bareInProse reports whether c, lower-case letters in a post's prose
// among words of its language, has nothing of a real program's name
// behind it: letters no program's name has (softMargin below
// bareSoftMargin), and used nowhere else in the text or its title. A
// program or library a post names in its prose ("fsspec", "kwargs",
// "zipfile") is built of a program's parts or is named again in a path,
// a URL or its code; a random draw of six to twelve letters has neither,
// and its letters alone (a pronounceable draw's most) hold too few bits to
// outweigh the identifiers around it. Past seven letters, a hurried
// spelling of the post's own word (misspeltOfOwn) or words joined
// (wordsJoined) is the post's, not a draw; so is a word of an example
// glossed below it (glossedExample: a linguistics post's example line is
// another language's sentence, not the post's). Such a word is judged as
// a lone word is (loneInProse): by its sentence, not by the code around.
func (p *prober) bareInProse(c *probeCandidate) bool {
	f := c.w.Flags
	if p.edit0.Format != FormatMarkdown || c.parts || c.code != codeNone || c.chars < probeCodeMinChars || c.chars > bareMaxChars ||
		f&(wUpperFirst|wUpperInner|wDigit|wDiacritic|wNonLatin|wCode|cCode|cCodeLine|cPre) != 0 {
		return false
	}
	if m, _ := p.softMargin(p.text[c.w.Lo:c.w.Hi]); m >= bareSoftMargin {
		return false
	}
	return (p.proseNear(c) || p.lineInLang(c) && p.nearInLang(c)) && p.usedOnce(c.w.Lo, c.w.Hi) &&
		(c.chars <= misspeltMinChars || !p.misspeltOfOwn(p.text[c.w.Lo:c.w.Hi]) && !p.wordsJoined(p.text[c.w.Lo:c.w.Hi])) &&
		!p.glossedExample(c.w.Lo, false)
}

// wordsJoined reports whether w is words of the language joined, each of
// three letters or more ("hotadd" of "hot" and "add"): a command's name of
// words, written as one. A random draw of eight letters or more is seldom
// words end to end.
func (p *prober) wordsJoined(w string) bool {
	w = lowerASCII(w)
	// ends[i]: w[:i] is words joined.
	ends := make([]bool, len(w)+1)
	ends[0] = true
	for i := 3; i <= len(w); i++ {
		for j := 0; j+3 <= i && !ends[i]; j++ {
			ends[i] = ends[j] && p.isWord(w[j:i])
		}
	}
	return ends[len(w)]
}

// misspeltOfOwn reports whether w is a hurried spelling of a word the
// text or its title spells right elsewhere ("verifcaiton" in a post titled
// "shape verification"): a word with w's first letter and nearly its
// letters (a length apart at most, and at most misspeltLetters letters of
// one not in the other). A random draw of eight letters or more seldom
// has nearly the letters of any one word of a post.
func (p *prober) misspeltOfOwn(w string) bool {
	w = lowerASCII(w)
	var own [26]int
	for i := 0; i < len(w); i++ {
		if !isASCIILetter(w[i]) {
			return false
		}
		own[w[i]-'a']++
	}
	near := func(s string) bool {
		for i := 0; i < len(s); {
			for i < len(s) && !isASCIILetter(s[i]) {
				i++
			}
			j := i
			for j < len(s) && isASCIILetter(s[j]) {
				j++
			}
			if d := j - i - len(w); d >= -1 && d <= 1 && s[i]|0x20 == w[0] && !strings.EqualFold(s[i:j], w) {
				counts, diff := own, 0
				for k := i; k < j; k++ {
					counts[s[k]|0x20-'a']--
				}
				for _, n := range counts {
					diff += max(n, -n)
				}
				if diff <= misspeltLetters {
					return true
				}
			}
			i = j
		}
		return false
	}
	return near(p.text) || near(p.edit0.Title)
}

// misspeltMinChars and misspeltLetters: words of more letters than
// misspeltMinChars are tried as hurried spellings of the text's own words
// (misspeltOfOwn), within misspeltLetters letters (a letter dropped and
// two swapped, "verifcaiton", or one changed, count one or two). Shorter
// words have a typo guard of their own (their letter models and
// nearWord), and a draw of seven letters is close to too many words.
const (
	misspeltMinChars = 7
	misspeltLetters  = 2
)

// proseNear reports whether the lower-case words of three letters or more
// next to c (three on each side, same line) are mostly words of the page's
// language, two at least: c sits in a sentence, not among names, paths
// and values ("mkfifo in.fifo", "mkfifo io"). Words of one or two letters
// are words of too many languages ("go", "an", "ar") to tell.
func (p *prober) proseNear(c *probeCandidate) bool {
	words, known := p.wordsNear(c, 3, false)
	return known >= 2 && known*3 >= words*2
}

// bareSoftMargin: random draws of six or seven letters sit 2 to 16 bits
// below random letters under the software-name model; program names a post
// names in prose mostly above (bareInProse).
const bareSoftMargin = -3.0

// bareMaxChars: a draw of more letters holds bits enough of its own. A
// longer word of ordinary letters no program has is a misspelt word as
// often as a draw, the post's own word mostly ("verifcaiton" beside
// "verification"; misspeltOfOwn).
const bareMaxChars = 12
