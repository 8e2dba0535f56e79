package detectors

import "math"

// The letters of the words no dictionary has.
//
// A text partly in a language the bot has no dictionary of (an example
// sentence of a language a post discusses, a page of a small Wikipedia,
// a paragraph quoted in another language) has many words no dictionary
// knows, and they are that language's: they share its letters and the
// way it joins them ("ny", "uu", "kw" again and again). A word of the
// same language has those letters too; a random token does not, whatever
// the language: its letters are drawn evenly from the alphabet, and a
// model of any language's words finds even letters less likely than even
// odds do. unknownFit learns the letter pairs of the text's other unknown
// words and asks whether the word's letters are likelier under them than
// as a random draw: then its letters are no evidence of a token. Not a
// word alternating consonants and vowels from end to end: a language of
// open syllables has the pairs a syllable generator draws, consonant then
// vowel (lingua-go's sentences of held-out languages lost 5 of 574
// pronounceable tokens without this exception, none with it).

const (
	// unknownMinWords is the fewest distinct other words no dictionary
	// has that their letter pairs are learned from: a glossed example
	// of three words has as many (probeeval -set gloss/tune: 5 words
	// spared 16 of 66 posts flagged, 3 words 19, with no token lost).
	unknownMinWords = 3
	// unknownMinShare is the least share of the text's words of letters
	// that no dictionary has: below, the unknown words are a text's
	// names and jargon, no language.
	unknownMinShare = 0.1
)

// unknownPairs holds the letter pairs of a text's words no dictionary has
// (folded, with the word boundary as symbol 0), learned once a pass.
type unknownPairs struct {
	done     bool
	pair     [modelSymbols * modelSymbols]uint32 // pair[a*27+b]: b after a
	from     [modelSymbols]uint32                // pairs starting with a
	next     [modelSymbols]uint32                // pairs ending with b
	distinct int                                 // distinct unknown words
	known    int                                 // words of letters a dictionary has
	seen     hashCounts                          // unknown words' occurrences, by wordHash
}

// learn counts the pairs of every word of letters of the text that no
// dictionary has.
func (u *unknownPairs) learn(p *prober) {
	u.done = true
	clear(u.pair[:])
	clear(u.from[:])
	clear(u.next[:])
	u.distinct, u.known = 0, 0
	u.seen.reset(0)
	sym := p.scratchSym[:0]
	for i, w := range p.words {
		if w.Flags&(wDigit|wCode|wNonLatin|wUpperInner|cMarkup|cLinkTarget|cStray) != 0 || w.Hi-w.Lo < 2 {
			continue
		}
		var ok bool
		if sym, ok = foldWord(sym[:0], p.text[w.Lo:w.Hi]); !ok || len(sym) < 2 {
			continue
		}
		if p.wordAt(i) {
			u.known++
			continue
		}
		if u.seen.add(wordHash(p.text[w.Lo:w.Hi])) == 1 {
			u.distinct++
		}
		u.count(sym, 1)
	}
	p.scratchSym = sym
}

// count adds n times the pairs of the folded word sym.
func (u *unknownPairs) count(sym []uint8, n int) {
	a := 0
	for _, s := range sym {
		u.pair[a*modelSymbols+int(s)] += uint32(n)
		u.from[a] += uint32(n)
		u.next[s] += uint32(n)
		a = int(s)
	}
	u.pair[a*modelSymbols] += uint32(n)
	u.from[a] += uint32(n)
	u.next[0] += uint32(n)
}

// bits returns the surprisal of the folded word sym and its end under the
// pairs, interpolated with the letters' frequencies (Witten-Bell, as
// Model.build smooths).
func (u *unknownPairs) bits(sym []uint8) float64 {
	var total float64
	for _, n := range u.next {
		total += float64(n)
	}
	prob := func(a, d int) float64 {
		pu := (float64(u.next[d]) + 1) / (total + modelSymbols)
		if u.from[a] == 0 {
			return pu
		}
		types := 0.0
		for _, n := range u.pair[a*modelSymbols : (a+1)*modelSymbols] {
			if n > 0 {
				types++
			}
		}
		return (float64(u.pair[a*modelSymbols+d]) + types*pu) / (float64(u.from[a]) + types)
	}
	b, a := 0.0, 0
	for _, s := range sym {
		b -= math.Log2(prob(a, int(s)))
		a = int(s)
	}
	return b - math.Log2(prob(a, 0))
}

// unknownFit returns the evidence of c's letters fitting the letter pairs
// of the text's other words no dictionary has: all its letters' evidence
// (-llr) when they are likelier under those pairs than as a random draw,
// else 0; 0 too when the text has fewer than unknownMinWords such words,
// or they are under unknownMinShare of its words. A word of lower-case
// letters, or capitalised; no digits, no capitals inside.
func (p *prober) unknownFit(c *probeCandidate, llr float64) float64 {
	if c.parts || c.w.Flags&(wDigit|wUpperInner|wNonLatin) != 0 || llr <= 0 {
		return 0
	}
	self := p.sym[c.symLo:c.symHi]
	if len(self) >= alternatingLetters && probeAlternating(self) {
		// A syllable generator's shape: a language of open syllables
		// has its pairs, consonant then vowel, and so does the draw.
		return 0
	}
	if c.w.Flags&(cCode|cCodeLine|cPre|cList) == 0 && p.worldModel().bits(self) < c.rand && p.glossedExample(c.w.Lo, false) {
		// A word of an example glossed below, whether or not the lines
		// still align (glossedExample), its letters likelier under the
		// world's languages (worldModel) than as a random draw: the
		// gloss says it is a word. A random draw of lower-case letters
		// is so likely about once in 250 (TestUnknownWorldRandom), and
		// only on an example's line. probeeval -set gloss: tuning 47 ->
		// 44 posts flagged, held out 49 -> 48, no token lost (43 and 47
		// with the unaligned gloss's marks, glossedExample).
		return -llr
	}
	if p.unk == nil {
		p.unk = new(unknownPairs)
	}
	u := p.unk
	if !u.done {
		u.learn(p)
	}
	// The word judged is not its own evidence: its occurrences are
	// taken out of the pairs, and put back.
	k := int(u.seen.count(c.hash))
	others := u.distinct
	if k > 0 {
		others--
	}
	if others < unknownMinWords || float64(others) < unknownMinShare*float64(others+u.known) {
		return 0
	}
	u.count(self, -k)
	bits := u.bits(self)
	u.count(self, k)
	if bits >= c.rand {
		return 0
	}
	return -llr
}
