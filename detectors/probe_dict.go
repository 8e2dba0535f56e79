package detectors

import (
	"slices"
	"strings"

	"github.com/wikiwarden/wikiwarden/textview"
)

// Dictionaries: the page's language, and whether a word or a part of one
// is a real word of it, of English or of the wiki's own vocabulary.

// setWords records where the prober finds real words. The page's language
// is worked out only when a word needs it (pageLang).
func (p *prober) setWords(e *Edit, env *Env) {
	p.edit0, p.env = e, env
	if env == nil {
		return
	}
	p.extra = env.Words
	p.enDict = env.Dicts["en"]
}

// pageLang returns the language the added text is read in (detectLang):
// the edit's, else one its frequent words or its dictionary tell, else the
// wiki's; "" when none is named and no dictionary reads it.
func (p *prober) pageLang() string {
	if p.langDone {
		return p.lang
	}
	p.langDone = true
	p.lang, p.langDict, p.unread = p.detectLang()
	p.borrowed = p.langDict != nil && p.borrowedDict()
	return p.lang
}

// dictLetters returns the letter model of the page language's dictionary,
// else of the English one, or nil.
func (p *prober) dictLetters() *Model {
	p.pageLang()
	for _, d := range [2]Words{p.langDict, p.enDict} {
		if l, ok := d.(interface{ Letters() *Model }); ok {
			if m := l.Letters(); m != nil && m.lp != nil {
				return m
			}
		}
	}
	return nil
}

// hasDict reports whether the page's language has a dictionary loaded.
// A related language's dictionary that reads a page named in one without
// its own (French on an Arpitan wiki) still tells real words, but a word
// it lacks is most likely the page's own, not unknown: the page is read
// as in a language the bot has no dictionary of (borrowedDict).
func (p *prober) hasDict() bool {
	p.pageLang()
	return p.langDict != nil && !p.borrowed
}

// ownWordAt reports whether words[i], with diacritics or in a script
// other than Latin, is a word of the page's own language, not English:
// its dictionary has it (hasDict). On a Vietnamese or a Ukrainian page
// such words are the ordinary prose around a word, as lower-case ASCII
// words are on an English page; on an English page they are a phrase in
// another language.
func (p *prober) ownWordAt(i int) bool {
	return p.words[i].Flags&(wNonLatin|wDiacritic) != 0 && p.hasDict() && p.lang != "en" && p.wordAt(i)
}

// foreignDiacritics returns how many words the edit added have diacritics
// and are no words of the page's own language: a phrase in another
// language around a word. On a page in a language other than English
// with a dictionary (hasDict), its words with diacritics are its prose
// (ownWordAt), as "của" and "tiểu" are a Vietnamese page's; elsewhere
// every word with diacritics counts.
func (p *prober) foreignDiacritics() int {
	if p.edit.diacritic == 0 || !p.hasDict() || p.lang == "en" {
		return p.edit.diacritic
	}
	if !p.foreignDiaOK {
		p.foreignDiaOK = true
		for i, w := range p.words {
			if w.Flags&wDiacritic != 0 && w.Flags&wNonLatin == 0 && !p.ownWordAt(i) {
				p.foreignDia++
			}
		}
	}
	return p.foreignDia
}

// isWord reports whether w is a real word: in the page language's
// dictionary, the English one, or the wiki's own words.
func (p *prober) isWord(w string) bool {
	p.pageLang()
	// On an English page the language's dictionary is the English one:
	// a word it lacks is not asked about twice.
	en := p.enDict != nil && (p.lang != "en" || p.langDict == nil)
	if p.extra != nil && p.extra.Has(w) || p.langDict != nil && p.langDict.Has(w) || en && p.enDict.Has(w) {
		return true
	}
	if p.lang == "cy" && p.langDict != nil {
		for _, base := range welshRadicals(w) {
			if p.langDict.Has(base) {
				return true
			}
		}
	}
	return false
}

// loanword reports whether the lower-case word c, which no dictionary of
// the page's language has, is a word of another loaded language: a
// loanword or a foreign word in running prose ("gueuze", "dépaysement" in
// an English post). Such a word is no evidence of a probe by being in no
// dictionary of the page. Not a word alternating consonants and vowels
// throughout: a syllable generator's shape, which the many words of open
// syllables some languages list match by chance.
func (p *prober) loanword(c *probeCandidate) bool {
	if p.env == nil || len(p.env.Dicts) < 2 || probeAlternating(p.sym[c.symLo:c.symHi]) {
		return false
	}
	w := p.text[c.w.Lo:c.w.Hi]
	for lang, d := range p.env.Dicts {
		if d != nil && lang != p.lang && lang != "en" && d.Has(w) {
			return true
		}
	}
	return false
}

// welshRadicals returns the forms a Welsh word may have before an initial
// mutation changed it (soft, nasal, aspirate): "gynradd" is "cynradd",
// "nghwm" "cwm", "fywyd" "bywyd"; dictionaries list the radical forms.
func welshRadicals(w string) []string {
	lw := strings.ToLower(w)
	var out []string
	for _, m := range welshMutations {
		if rest, ok := strings.CutPrefix(lw, m[0]); ok && rest != "" {
			out = append(out, m[1]+rest)
		}
	}
	return out
}

// welshMutations pairs a mutated initial with a radical one, longest first.
var welshMutations = [...][2]string{
	{"ngh", "c"}, {"mh", "p"}, {"nh", "t"}, {"ng", "g"}, {"ch", "c"}, {"ph", "p"}, {"th", "t"}, {"dd", "d"},
	{"g", "c"}, {"b", "p"}, {"d", "t"}, {"f", "b"}, {"f", "m"}, {"l", "ll"}, {"r", "rh"}, {"m", "b"}, {"n", "d"},
	{"ha", "a"}, {"he", "e"}, {"hi", "i"}, {"ho", "o"}, {"hu", "u"}, {"hw", "w"}, {"hy", "y"},
}

// lettersKnown reports whether a run of letters of c (a word with digits)
// of three or more is a real word: "html5", "win32", "Boeing747".
func (p *prober) lettersKnown(c *probeCandidate) bool {
	w := p.text[c.w.Lo:c.w.Hi]
	for i := 0; i < len(w); {
		if w[i] >= '0' && w[i] <= '9' {
			i++
			continue
		}
		j := i
		for j < len(w) && !(w[j] >= '0' && w[j] <= '9') {
			j++
		}
		if j-i >= 3 && p.isWord(w[i:j]) {
			return true
		}
		i = j
	}
	return false
}

// humpsKnown reports whether a part of the mixed-case word c that starts
// with a capital ("Station" of "PlayStation", "Donald" of "McDonald") or
// its lower-case start ("play") is a real word of three letters or more.
func (p *prober) humpsKnown(c *probeCandidate) bool {
	w := p.text[c.w.Lo:c.w.Hi]
	if p.edit0.Format == FormatMarkdown && acronymPlural(w) {
		return true // an acronym and its plural ending in a post: "RDBMSes"
	}
	return p.humpWord(w)
}

// foreignName reports whether the mixed-case word c, built as a program's
// or product's name (camelIdent), is one of English words on a wiki page
// in another language, written in a sentence the edit adds ("GoFundMe" on
// a Maori page, "SyurgaMu" on a Malay one): its letters are ordinary
// English, but judged under the page language's letters they look random.
// Slipped alone into an old line or onto one of its own, or on an English
// page, its letters are judged.
func (p *prober) foreignName(c *probeCandidate, w string) bool {
	return len(w) >= 6 && p.pageLang() != "en" && !p.inserted(c) && !p.alone(c) && p.humpsAllKnown(w)
}

// humpsAllKnown reports whether the mixed-case word w is mostly real
// words: every part of it with three lower-case letters or more, with the
// capital before them ("Fund" of "GoFundMe"), is a
// real word, and the parts that are words ("Go", "Fund", "Me") hold three
// quarters of its letters. A product's name on a wiki is made of words; a
// random draw of both cases has runs of lower-case letters no dictionary
// has, and runs of capitals.
func (p *prober) humpsAllKnown(w string) bool {
	inWords := 0
	for i := 0; i < len(w); {
		j := i + 1
		for j < len(w) && w[j] >= 'a' && w[j] <= 'z' {
			j++
		}
		lower := j - i
		if w[i] >= 'A' && w[i] <= 'Z' {
			lower--
		}
		switch known := j-i >= 2 && p.isWord(w[i:j]); {
		case lower >= 3 && !known:
			return false
		case known:
			inWords += j - i
		}
		i = j
	}
	return inWords*4 >= len(w)*3
}

// nearWord reports whether w is one typing slip away from a real word: a
// letter dropped, added, changed, or two letters swapped.
func (p *prober) nearWord(w string) bool {
	w = strings.ToLower(w)
	b := make([]byte, 0, len(w)+1)
	try := func(v []byte) bool { return len(v) >= 3 && p.isWord(string(v)) }
	for i := 0; i < len(w); i++ {
		b = append(append(b[:0], w[:i]...), w[i+1:]...) // dropped
		if try(b) {
			return true
		}
		if i+1 < len(w) {
			b = append(append(append(b[:0], w[:i]...), w[i+1], w[i]), w[i+2:]...) // swapped
			if try(b) {
				return true
			}
		}
	}
	for i := 0; i <= len(w); i++ {
		for c := byte('a'); c <= 'z'; c++ {
			b = append(append(append(b[:0], w[:i]...), c), w[i:]...) // added
			if try(b) {
				return true
			}
			if i < len(w) && c != w[i] {
				b = append(append(append(b[:0], w[:i]...), c), w[i+1:]...) // changed
				if try(b) {
					return true
				}
			}
		}
	}
	return false
}

// Scrambled words: the same letters as a real word, its first and last in
// place ("sugsegts" for "suggests", "seomhow" for "somehow"): the typing of
// a hurried hand, and the old joke that text stays readable so scrambled.
// A random draw seldom has a real word's letters: of random lower-case
// words of six letters about one in 600 do (Debian's large English list),
// of eight one in 3,000.
const (
	scrambledMinLetters = 6
	scrambledMaxInner   = 6 // letters between the first and last tried in every order (720)
)

// scrambledWord reports whether w (letters a..z, any case) has the letters
// of a real word in another order, its first and last letters in place.
func (p *prober) scrambledWord(w string) bool {
	n := len(w)
	if n < scrambledMinLetters || n-2 > scrambledMaxInner {
		return false
	}
	b := []byte(strings.ToLower(w))
	for _, c := range b {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	inner := b[1 : n-1]
	slices.Sort(inner)
	orig := strings.ToLower(w)
	// Every distinct order of the inner letters, in lexical order.
	for {
		if s := string(b); s != orig && p.isWord(s) {
			return true
		}
		if !nextPermutation(inner) {
			return false
		}
	}
}

// nextPermutation rearranges a into the next order in lexical order,
// reporting false (and leaving a sorted) after the last.
func nextPermutation(a []byte) bool {
	i := len(a) - 2
	for i >= 0 && a[i] >= a[i+1] {
		i--
	}
	if i < 0 {
		slices.Reverse(a)
		return false
	}
	j := len(a) - 1
	for a[j] <= a[i] {
		j--
	}
	a[i], a[j] = a[j], a[i]
	slices.Reverse(a[i+1:])
	return true
}

// compoundMinPart is the fewest letters of each word a compound is read
// as ("knee" "jerk").
const compoundMinPart = 4

// compoundWord reports whether w (lower-case letters) is two real words
// written together, each of compoundMinPart letters or more ("kneejerk",
// "dealbreaker"), or one and a coining suffix (coinSuffixes): English
// writes many compounds its dictionaries do not list. A random draw seldom splits so: of eight random letters about
// one in 5,000 does, of eight pronounceable ones (consonant, vowel...)
// one in a hundred. On a page no dictionary reads, a word saying one
// chunk twice (reduplicated, probe_lang_morph.go) is a compound of one
// word; where a dictionary reads the page, a chunk said twice that it
// does not know is a keyboard's mash ("asdfasdf"), as human vandals type.
func (p *prober) compoundWord(w string) bool {
	if len(w) < compoundMinPart+3 || !isLetters(w) {
		return false
	}
	if p.edit0 != nil && p.edit0.Format != FormatMarkdown && !p.hasDict() && reduplicated(w) {
		return true
	}
	for k := compoundMinPart; k+compoundMinPart <= len(w); k++ {
		if p.isWord(w[:k]) && p.isWord(w[k:]) {
			return true
		}
	}
	for _, sfx := range coinSuffixes {
		if stem, ok := strings.CutSuffix(w, sfx); ok && len(stem) >= compoundMinPart && p.isWord(stem) {
			return true
		}
	}
	return false
}

// coinSuffixes are the endings English coins words with as it goes
// ("hoaxdom", "nerdism", "googleish", "fixfest"): a real word and one of
// them is a word no dictionary lists yet. A random draw of eight letters
// ends in one of them about once in 1,500 and starts with a word seldom.
var coinSuffixes = [...]string{"dom", "ism", "ist", "ish", "ful", "ness", "esque", "ville", "tastic", "ology", "ette"}

// stemMinLetters is the fewest letters of a stem two forms of a word share.
const stemMinLetters = 4

// stemShared reports whether another word of the text starts with the
// word c less its last two letters, four letters at least: another form
// of it, a relative or a name made of it ("caecus" beside "Caecilia" and
// "Caecilii", "ttivvi" beside "ttivi"), or is that stem itself written as
// a morpheme, a root or a stem a writer on words marks with a hyphen or a
// reconstruction's asterisk ("zhevra" beside "*zhev-"; not a bare
// word, which a draw may start with: "that", "with"; nor a compound's
// part: "long-term"). A random draw of eight letters shares six with a
// word of a page seldom; of six, its first four with one of a long page's
// words about once in three hundred. On a page no dictionary reads, a
// word built of another word's start and another's end shares its stems
// too (morphParts, probe_lang_morph.go).
func (p *prober) stemShared(c *probeCandidate) bool {
	w := p.text[c.w.Lo:c.w.Hi]
	k := max(stemMinLetters, len(w)-2)
	if k >= len(w) || !isLetters(w) {
		return false
	}
	if p.edit0 != nil && p.edit0.Format != FormatMarkdown && !p.hasDict() && p.morphParts(w) {
		return true
	}
	stem := lowerASCII(w[:k])
	t := p.text
	for i := range textview.IndexesFold(t, stem) {
		if i == c.w.Lo || i > 0 && scanIsWordAt(t, i-1) {
			continue
		}
		e := i + k
		for e < len(t) && scanIsWordAt(t, e) {
			e++
		}
		if e-i > k && !strings.EqualFold(t[i:e], w) {
			return true
		}
		if e-i == k && (i > 0 && t[i-1] == '*' || e < len(t) && t[e] == '-' && (e+1 == len(t) || !scanIsWordAt(t, e+1))) {
			return true // a morpheme: "*zhev", "zhev-" (not a compound's part: "long-term")
		}
	}
	return false
}

// acronymPlural reports whether w is an acronym of two to six letters, all
// capitals but one inner letter at most, with "s" or "es" after it
// ("RDBMSes", "VtCs", "GPUs"): an acronym's plural; or a word of
// shortAcronymMax letters or fewer with two capitals or more ("UTxO",
// "eUTxO", "DdzFF"). A random draw of both cases has the plural's shape
// about once in 400 at six letters; at four or five letters most draws of
// both cases have two capitals: a post's abbreviations and a short token
// look alike, and the probes a post is judged for are longer (its callers
// ask only for posts).
func acronymPlural(w string) bool {
	if len(w) <= shortAcronymMax && isLetters(w) {
		upper := 0
		for i := 0; i < len(w); i++ {
			if isUpper(w[i]) {
				upper++
			}
		}
		if upper >= 2 && upper < len(w) {
			return true
		}
	}
	a, ok := strings.CutSuffix(w, "s")
	if !ok {
		return false
	}
	if b, ok := strings.CutSuffix(a, "e"); ok && len(b) >= 2 && b[len(b)-1] >= 'A' && b[len(b)-1] <= 'Z' {
		a = b
	}
	if len(a) < 2 || len(a) > 6 || !isUpper(a[0]) || !isUpper(a[len(a)-1]) {
		return false
	}
	lower := 0
	for i := 1; i < len(a)-1; i++ {
		switch c := a[i]; {
		case c >= 'a' && c <= 'z':
			lower++
		case !isUpper(c):
			return false
		}
	}
	return lower <= 1
}

// shortAcronymMax is the most letters of a mixed-case word a post's
// abbreviations are told from tokens by shape alone (acronymPlural).
const shortAcronymMax = 5

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// Words built of the text's own pieces. A program, driver or codec is
// named after the names around it: "ffdivx" is ffmpeg's DivX decoder,
// "emu10k1" the chip "emu-config" configures, "rpmsaved" what rpm did with
// a file. A name of the text that no dictionary has ("divx", "emu",
// "rpm") is that text's own vocabulary; a word made of one and a real
// word, another word of the text or the start of another of its words is
// built of the text. A random draw seldom is: its letters must end or
// start with one of the few names a text has (one in 17,576 for each of
// its three-letter names), and the rest must fit as well; beside a name
// of four letters or more (one in 456,976), any rest does where a
// dictionary reads the text: "mkfifo" makes the text's "fifo", "grpclb"
// balances its "grpc".
const (
	piecesMinOwn   = 3 // letters of the text's own name, at least
	piecesMinOther = 2 // letters of the other piece, at least
	piecesLongOwn  = 4 // a name of the text this long takes any other piece ("mk" of "mkfifo" beside "in.fifo")
)

// textPieces reports whether the word c is built of the text's own
// pieces: a run of letters of one case (or capitalised) of a word with
// digits that is a name the text uses on its own ("emu10k1" beside
// "emu-config"), or a word of letters that splits into such a name and a real word, another word of the text
// or, before it, the start of another word of the text ("ffdivx" beside
// "ffmpeg" and "DivX"); a word the text writes apart elsewhere
// (writtenApart); a version string's last piece (versionSuffix); one of a
// series of names (seriesName).
func (p *prober) textPieces(c *probeCandidate) bool {
	w := p.text[c.w.Lo:c.w.Hi]
	if len(w) > probeMaxAlnum {
		return false
	}
	if p.writtenApart(c) || versionSuffix(p.text, c.w.Lo) || p.seriesName(w) || p.numberedSeries(c) {
		return true
	}
	if innerCapital(w) && (p.camelStem(w) || p.acronymElsewhere(w) || p.tiledByText(w)) || p.suffixedAcronym(w) {
		return true
	}
	if !isLetters(w) {
		// Runs of letters between digits.
		for i := 0; i < len(w); {
			j := i
			for j < len(w) && isASCIILetter(w[j]) {
				j++
			}
			if j-i >= piecesMinOwn && nameRun(w[i:j]) && p.ownName(w[i:j]) {
				return true
			}
			if j == i {
				j++
			}
			i = j
		}
		return false
	}
	if len(w) < piecesMinOwn+piecesMinOther+1 {
		return false
	}
	// Where no dictionary reads the text, its every word is a name no
	// dictionary has: a name alone is no evidence then.
	long := p.hasDict()
	for k := piecesMinOther; k+piecesMinOther <= len(w); k++ {
		a, b := w[:k], w[k:]
		switch {
		case len(a) >= piecesMinOwn && p.ownName(a) && (long && p.longName(a) || p.piece(b, false, w)),
			len(b) >= piecesMinOwn && p.ownName(b) && (long && p.longName(b) || p.piece(a, true, w)):
			return true
		}
	}
	return false
}

// longName reports whether the text's name s is long enough and no word
// of a dictionary ("long" of "long-term" is one) to make a word of any
// rest.
func (p *prober) longName(s string) bool {
	return len(s) >= piecesLongOwn && !p.isWord(s) && !p.isWord(strings.ToLower(s))
}

// apartMinFirst is the fewest letters of the first word of a name the
// text also writes apart ("raspberry" of "raspberry pi").
const apartMinFirst = 3

// writtenApart reports whether the text writes the word c elsewhere as
// words apart, in any case, a space, hyphen, underscore or dot between
// them: "raspberrypi" beside "raspberry pi", "MacOSX" beside "Mac OS X".
// A name is written both ways in one post; a random draw is no run of a
// text's words.
func (p *prober) writtenApart(c *probeCandidate) bool {
	w, t := p.text[c.w.Lo:c.w.Hi], p.text
	if len(w) < apartMinFirst+2 {
		return false
	}
	for i := range textview.IndexesFold(t, w[:apartMinFirst]) {
		if i == c.w.Lo || i > 0 && scanIsAlnum(t[i-1]) {
			continue
		}
		k, seps := i+apartMinFirst, 0
		for j := apartMinFirst; j < len(w) && k < len(t); {
			if t[k]|0x20 == w[j]|0x20 {
				j, k = j+1, k+1
				if j == len(w) {
					break
				}
				continue
			}
			if !strings.ContainsRune(" -_.", rune(t[k])) || !scanIsAlnum(t[k-1]) || k+1 >= len(t) || t[k+1]|0x20 != w[j]|0x20 {
				k = -1
				break
			}
			k, seps = k+1, seps+1
		}
		if k > 0 && seps > 0 && k-i == len(w)+seps && (k == len(t) || !scanIsAlnum(t[k])) {
			return true
		}
	}
	return false
}

// versionSuffix reports whether the word at lo of t ends a version
// string, glued by "+" or "~" to a version number: a distribution's
// build ("6.3.0-18+deb9u1", "1.2~bpo10"). A token slipped into text stands
// apart from its neighbours.
func versionSuffix(t string, lo int) bool {
	if lo < 2 || (t[lo-1] != '+' && t[lo-1] != '~') || t[lo-2] < '0' || t[lo-2] > '9' {
		return false
	}
	for i := lo - 2; i > 0 && t[i] != ' ' && t[i] != '\n' && t[i] != '\t'; i-- {
		if t[i] == '.' && t[i-1] >= '0' && t[i-1] <= '9' && t[i+1] >= '0' && t[i+1] <= '9' {
			return true
		}
	}
	return false
}

// piecesBits is the evidence against a word built of the text's own
// pieces (textPieces), whose letter evidence is llr: as much as its
// letters, its shape and its absence from the dictionaries say for a
// probe (a name of the text's names is in none), bitsOtherForm at least.
func (c *probeCandidate) piecesBits(llr float64) float64 {
	b := llr + c.shapeBits()
	if u, ok := c.term(termUnknown); ok {
		b += u
	}
	return min(bitsOtherForm, -b)
}

// piece reports whether s, the rest of word w beside one of the text's
// own names, fits: a real word of three letters or more, a word the text
// uses on its own, or, when s starts w, the start of another word of the
// text ("ff" of "ffmpeg").
func (p *prober) piece(s string, first bool, w string) bool {
	if len(s) >= 3 && (p.isWord(s) || p.isWord(strings.ToLower(s))) || p.wordAlone(s) {
		return true
	}
	return first && len(s) <= 3 && p.startsOther(s, w)
}

// ownName reports whether s is one of the text's own names: used on its
// own in the text (letters and digits on neither side), and either in no
// dictionary or written there as a name is: with a capital inside
// ("DivX"), or joined to another name by a hyphen, a slash or an
// underscore ("emu-config"). A real word written as prose is every
// text's: half the words a random draw ends with would be one.
func (p *prober) ownName(s string) bool {
	dict := p.isWord(s) || p.isWord(strings.ToLower(s))
	t := p.text
	for i := range textview.IndexesFold(t, s) {
		e := i + len(s)
		if i > 0 && scanIsAlnum(t[i-1]) || e < len(t) && scanIsAlnum(t[e]) {
			continue
		}
		if inAddress(t, i, e) {
			continue // a piece of a URL's random id ("...-hwkp_WEcR")
		}
		if !dict || innerCapital(t[i:e]) || joinedAt(t, i-1, -1) || joinedAt(t, e, 1) {
			return true
		}
	}
	return false
}

// inAddress reports whether t[lo:hi] is part of an address or a long
// run without spaces (a URL, a query, an id): its pieces are not words.
func inAddress(t string, lo, hi int) bool {
	stop := func(c byte) bool {
		return c == ' ' || c == '\n' || c == '\t' || c == '(' || c == ')' || c == '<' || c == '>' || c == '"'
	}
	for lo > 0 && !stop(t[lo-1]) {
		lo--
	}
	for hi < len(t) && !stop(t[hi]) {
		hi++
	}
	run := t[lo:hi]
	return hi-lo > addressRun || strings.Contains(run, "://") || strings.Contains(run, "www.") || strings.ContainsAny(run, "=?%@")
}

// addressRun is the longest run without spaces whose pieces are read as
// words ("emu10k1-tools", "libgtkmm-3.0-dev").
const addressRun = 32

// innerCapital reports whether s has a capital after a lower-case letter
// ("DivX", "iPod"; not "ANH").
func innerCapital(s string) bool {
	for i := 1; i < len(s); i++ {
		if isUpper(s[i]) && s[i-1] >= 'a' && s[i-1] <= 'z' {
			return true
		}
	}
	return false
}

// joinedAt reports whether t[i] joins a name to another, the way dir
// reads: a hyphen, slash or underscore with a letter or digit beyond (a
// dot joins a domain's names, "gov" of "president.gov.az", as often).
func joinedAt(t string, i, dir int) bool {
	if i < 0 || i >= len(t) || !strings.ContainsRune("-/_", rune(t[i])) {
		return false
	}
	j := i + dir
	return j >= 0 && j < len(t) && scanIsAlnum(t[j])
}

// wordAlone reports whether the text has s, in any case, as a word of its
// own: no letter or digit on either side.
func (p *prober) wordAlone(s string) bool {
	t := p.text
	for i := range textview.IndexesFold(t, s) {
		e := i + len(s)
		if (i == 0 || !scanIsAlnum(t[i-1])) && (e == len(t) || !scanIsAlnum(t[e])) {
			return true
		}
	}
	return false
}

// startsOther reports whether a word of the text other than w starts with
// prefix, in any case, and goes on with more letters.
func (p *prober) startsOther(prefix, w string) bool { return p.startsAnother(prefix, w, true) }

// startsAnother reports whether a word of the text other than w starts with
// prefix and goes on with more letters or digits: in any case when fold is
// set, else written just so.
func (p *prober) startsAnother(prefix, w string, fold bool) bool {
	t := p.text
	at, same := textview.Indexes, func(a, b string) bool { return a == b }
	if fold {
		at, same = textview.IndexesFold, strings.EqualFold
	}
	for i := range at(t, prefix) {
		if i > 0 && scanIsAlnum(t[i-1]) {
			continue
		}
		e := i + len(prefix)
		for e < len(t) && scanIsAlnum(t[e]) {
			e++
		}
		if e-i > len(prefix) && !same(t[i:e], w) {
			return true
		}
	}
	return false
}

// Identifiers of a program's code come in families: the fields of a record
// share a prefix ("spDeadline", "spMinBid", "spToken"), accessors share
// their type's name ("txOutRef", "txOutRefId", "txOutTxOut" beside
// "TxOutRef"), a function its noun ("utxosAt" beside "utxos"). A planted
// token has no family in the text it is slipped into: its first letters
// must start another word of the text at a capital's boundary, which a
// random draw of both cases seldom does (its lower-case start is short and
// its letters are no text's).
const (
	stemMinLetters4Family = 4 // letters of a shared start that one other word of the text suffices for
	familyMinMembers      = 2 // words of the text sharing a shorter first part (two letters at least)
)

// camelStem reports whether the mixed-case word w (letters, then digits
// at most) shares its start with other identifiers of the text: its first
// hump (its lower-case start, two letters or more) starts familyMinMembers
// other words of the text each at a hump's boundary ("sp" of "spDeadline"
// and "spToken" for "spMinBid"), or its first hump or its first two,
// stemMinLetters4Family letters or more, is a word of the text or starts
// another ("utxos" for "utxosAt"; "txOut" of "txOutTxTx" for "txOutTxOut",
// written just so).
func (p *prober) camelStem(w string) bool {
	h1 := 0
	for h1 < len(w) && w[h1] >= 'a' && w[h1] <= 'z' {
		h1++
	}
	if h1 < 2 || h1 == len(w) || !isUpper(w[h1]) {
		return false
	}
	h2 := h1 + 1
	for h2 < len(w) && w[h2] >= 'a' && w[h2] <= 'z' {
		h2++
	}
	if n := p.family(w[:h1], w); n >= familyMinMembers || h1 >= stemMinLetters4Family && (p.startsOther(w[:h1], w) || p.wordAlone(w[:h1])) {
		return true
	}
	return h2-h1 >= 2 && h2 >= stemMinLetters4Family && h2 < len(w) && p.startsAnother(w[:h2], w, false)
}

// family counts the words of the text other than w that start with
// prefix and go on with a capital, a digit or an underscore. Only the
// first letter's case may differ ("TxOutRef" is of the family of
// "txOutRef"): a word in capitals is no hump ("GOTO" shares no hump with
// "goNZrG").
func (p *prober) family(prefix, w string) int {
	t := p.text
	n := 0
	var seen []string
	for i := range textview.IndexesFold(t, prefix) {
		if i > 0 && scanIsAlnum(t[i-1]) || t[i+1:i+len(prefix)] != prefix[1:] {
			continue
		}
		e := i + len(prefix)
		if e >= len(t) || !(isUpper(t[e]) || t[e] >= '0' && t[e] <= '9' || t[e] == '_') {
			continue
		}
		for e < len(t) && scanIsAlnum(t[e]) {
			e++
		}
		if strings.EqualFold(t[i:e], w) || slices.Contains(seen, t[i:e]) {
			continue
		}
		seen = append(seen, t[i:e])
		if n++; n >= familyMinMembers {
			break
		}
	}
	return n
}

// acronymElsewhere reports whether the mixed-case word w is an acronym
// with something glued to it ("eUTxOs", "DDoSed", "cborUTXO", "lwePAM",
// "antiVHC") whose acronym the text writes in another form too: alone or
// with other letters ("UTxO", "DDoS", "UTXOs"). The acronym is a run of
// three to six letters, capitals but one inner letter at most, with two
// capitals at least where the text has it again; a random draw's run of
// capitals is in no other word of its text.
func (p *prober) acronymElsewhere(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isUpper(w[i]) || i > 0 && isUpper(w[i-1]) {
			continue
		}
		j, lower := i+1, 0
		for j < len(w) && (isUpper(w[j]) || lower == 0 && w[j] >= 'a' && w[j] <= 'z' && j+1 < len(w) && isUpper(w[j+1])) {
			if !isUpper(w[j]) {
				lower++
			}
			j++
		}
		if n := j - i; n-lower >= acronymMinCaps && n <= 6 && (i > 0 || j < len(w)) && p.acronymAgain(w[i:j], w) {
			return true
		}
		i = j - 1
	}
	return false
}

// acronymMinCaps is the fewest capitals of an acronym acronymElsewhere
// looks for: two ("KeW" of a random "KeWwjRqs") are found in a long page's
// other words too often.
const acronymMinCaps = 3

// acronymAgain reports whether the text has acronym, in any case but with
// two capitals at least, in a word other than w.
func (p *prober) acronymAgain(acronym, w string) bool {
	t := p.text
	for i := range textview.IndexesFold(t, acronym) {
		e := i + len(acronym)
		upper := 0
		for k := i; k < e; k++ {
			if isUpper(t[k]) {
				upper++
			}
		}
		if upper < 2 {
			continue
		}
		lo, hi := alnumRun(t, i, e)
		if t[lo:hi] != w {
			return true
		}
	}
	return false
}

// suffixedAcronymMaxCaps is the most capitals of an acronym
// suffixedAcronym reads with an ending: longer runs of capitals with a
// lower-case letter after them are random draws more often than acronyms.
const suffixedAcronymMaxCaps = 5

// suffixedAcronym reports whether w is an acronym of three to five capitals
// with one to three lower-case letters glued after it, and the text glues
// an ending so to a number or another acronym too: the case ending of a
// language that inflects acronyms and numbers alike ("WQSn" beside
// "2009an" in Basque; "EU:ssa" is written with a colon in Finnish, but not
// always).
func (p *prober) suffixedAcronym(w string) bool {
	k := 0
	for k < len(w) && isUpper(w[k]) {
		k++
	}
	if k < acronymMinCaps || k > suffixedAcronymMaxCaps || len(w)-k > 3 || k == len(w) {
		return false
	}
	suf := w[k:]
	for i := k; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	t := p.text
	for i := range textview.Indexes(t, suf) {
		e := i + len(suf)
		if e < len(t) && scanIsAlnum(t[e]) {
			continue
		}
		// Back over the rest of the ending (lower-case letters) to the stem.
		a := i
		for a > 0 && t[a-1] >= 'a' && t[a-1] <= 'z' && i-a < 3 {
			a--
		}
		if a == 0 || t[a-1] >= 'a' && t[a-1] <= 'z' {
			continue
		}
		b := a
		for b > 0 && (isUpper(t[b-1]) || t[b-1] >= '0' && t[b-1] <= '9') {
			b--
		}
		if a-b >= 2 && (b == 0 || !scanIsAlnum(t[b-1])) && t[b:e] != w {
			return true
		}
	}
	return false
}

// An identifier is named after the names of its text: "TxOutTx" beside
// "Tx" and "TxOut", "I2CxBRG" (a register of each I2C bus) beside "I2C"
// and "I2C1_BRG". Cut at any place, it is a row of pieces the text has
// where its own names break (at a space or a punctuation mark, a capital
// after a lower-case letter, a digit after a letter, or the other way),
// real words, and one character at most besides (the "x" standing for a
// bus's number); the text's own names (pieces no dictionary has, or
// pieces of its longer names: "Tx" of "PlutusTx") give three characters
// of it at least. A random draw of both cases is no such row: its pieces
// of two letters would each have to be names of the text, case and all,
// where names break, and a word of two letters written in prose ("go",
// "Ed") is every text's.
const (
	tiledMinTextChars = 3 // characters of the word the text's own names give, at least
	tiledFoldChars    = 3 // pieces this long match the text in any case; shorter ones as written
)

// tiledByText reports whether the mixed-case word w is a row of the
// text's pieces (textPiece) and real words of three letters or more
// written in one case or capitalised, with one character at most between
// them that is neither, the text's pieces that no dictionary has or that
// its longer names hold giving tiledMinTextChars of it at least.
func (p *prober) tiledByText(w string) bool {
	n := len(w)
	if n < 4 || n > probeMaxAlnum {
		return false
	}
	// best[f][i]: the most characters of w[:i] the text's pieces give in a
	// row covering w[:i] with f single characters between pieces; -1: none.
	var best [2][probeMaxAlnum + 1]int
	for f := range best {
		for i := range best[f] {
			best[f][i] = -1
		}
	}
	best[0][0] = 0
	for i := 0; i < n; i++ {
		if best[0][i] < 0 && best[1][i] < 0 {
			continue
		}
		best[1][i+1] = max(best[1][i+1], best[0][i])
		inText := true // the text may have a piece starting w[i:]
		for k := i + 2; k <= n; k++ {
			s, own, inName := w[i:k], false, false
			if inText {
				var none bool
				own, inName, none = p.textPiece(s, w)
				inText = !none || k-i < tiledFoldChars // shorter pieces match as written only
			}
			gives := 0
			switch word := p.isWord(s); {
			case own && (!word || inName):
				gives = k - i // a name of the text's own, or a piece of its names
			case k-i < 3 || !word || !oneCase(s):
				continue
			}
			for f := range best {
				if best[f][i] >= 0 {
					best[f][k] = max(best[f][k], best[f][i]+gives)
				}
			}
		}
	}
	return max(best[0][n], best[1][n]) >= tiledMinTextChars
}

// oneCase reports whether the letters of s are written in one case or
// capitalised: "out", "Out", "OUT", "I2C"; not "oUt".
func oneCase(s string) bool {
	letters, upper, first := 0, 0, false
	for i := 0; i < len(s); i++ {
		switch {
		case isUpper(s[i]):
			first = first || letters == 0
			upper++
			letters++
		case s[i] >= 'a' && s[i] <= 'z':
			letters++
		}
	}
	return upper == 0 || upper == letters || upper == 1 && first
}

// textPiece reports whether the text has s, other than inside the word w
// itself or an address, where its names break on both sides (pieceBreak):
// in any case from tiledFoldChars characters, else as written. inName
// reports that it has s so as part of a longer name, glued to letters or
// digits or joined to them by "_", "-", ".", "/" or ":" ("Tx" of
// "PlutusTx.Lift", "BRG" of "I2C1_BRG"): a name's piece, not a word of
// prose. none reports that the text has no s at all (as textPiece
// matches it), so no longer piece starting so either.
func (p *prober) textPiece(s, w string) (own, inName, none bool) {
	t := p.text
	fold := len(s) >= tiledFoldChars
	if fold && isUpper(s[0]) {
		var b [probeMaxAlnum]byte // IndexFold wants a lower-case first letter
		n := copy(b[:], s)
		b[0] |= 0x20
		s = string(b[:n])
	}
	none = true
	for from := 0; from < len(t); {
		var i int
		if fold {
			i = textview.IndexFold(t[from:], s)
		} else {
			i = strings.Index(t[from:], s)
		}
		if i < 0 {
			break
		}
		i += from
		from = i + 1
		none = false
		e := i + len(s)
		if !pieceBreak(t, i) || !pieceBreak(t, e) {
			continue
		}
		lo, hi := alnumRun(t, i, e)
		if t[lo:hi] == w || inAddress(t, i, e) {
			continue
		}
		own = true
		if hi-lo > len(s) || nameJoin(t, i-1, -1) || nameJoin(t, e, 1) {
			return true, true, false
		}
	}
	return own, false, none
}

// nameJoin reports whether t[i] joins a name's pieces, the way dir reads:
// "_", "-", ".", "/" or ":" with a letter or digit beyond.
func nameJoin(t string, i, dir int) bool {
	if i < 0 || i >= len(t) || !strings.ContainsRune("_-./:", rune(t[i])) {
		return false
	}
	j := i + dir
	return j >= 0 && j < len(t) && scanIsAlnum(t[j])
}

// pieceBreak reports whether a name of t may break before t[i]: at either
// end of t or beside a character that is no letter or digit, at a capital
// after a lower-case letter or starting a capitalised hump after another
// capital ("Xml" of "HTMLXml"), or between a letter and a digit.
func pieceBreak(t string, i int) bool {
	if i <= 0 || i >= len(t) || !scanIsAlnum(t[i-1]) || !scanIsAlnum(t[i]) {
		return true
	}
	a, b := t[i-1], t[i]
	lower := func(c byte) bool { return c >= 'a' && c <= 'z' }
	digit := func(c byte) bool { return c >= '0' && c <= '9' }
	switch {
	case lower(a) && isUpper(b), digit(a) != digit(b):
		return true
	case isUpper(a) && isUpper(b) && i+1 < len(t) && lower(t[i+1]):
		return true
	}
	return false
}

// Names come in series: configurations, registers, variables and address
// kinds numbered or lettered one after the other ("wsc273 as well as
// wsc285", "txOutRef1" and "txOutRef2", "addr1q and not addr1v",
// "cborUTXO" of "cborUTXOS"). A random draw shares no start of four
// characters and more with another word of its text.
const (
	seriesMinShared = 4 // characters a series' names share at their start, at least...
	seriesMaxTail   = 3 // ...and all but this many at their end, at most
)

// seriesName reports whether the word w, of letters and digits or mixed
// case, shares its start with another word of the text, as written, all
// but its last seriesMaxTail characters at most, that other word going on
// with seriesMaxTail characters at most.
func (p *prober) seriesName(w string) bool {
	if isLetters(w) && !innerCapital(w) || len(w) > probeMaxAlnum {
		return false
	}
	shared := max(seriesMinShared, len(w)-seriesMaxTail)
	if shared > len(w) {
		return false
	}
	t := p.text
	for from := 0; from < len(t); {
		i := strings.Index(t[from:], w[:shared])
		if i < 0 {
			break
		}
		i += from
		from = i + 1
		if i > 0 && scanIsAlnum(t[i-1]) {
			continue
		}
		hi := i + shared
		for hi < len(t) && scanIsAlnum(t[hi]) {
			hi++
		}
		if hi-i-shared <= seriesMaxTail && t[i:hi] != w && !inAddress(t, i, hi) {
			return true
		}
	}
	return false
}

// numberedSeriesMinLetters is the fewest letters the models of a
// numbered series share (numberedSeries).
const numberedSeriesMinLetters = 3

// numberedSeries reports whether another word of the text has c's letters
// in their places and other digits between them: models of one product
// line, numbered ("the dh40mr and the dh45mr", "rtx3060 or rtx3070ti" are
// not: a letter more). A random draw repeats no other word's letters so.
func (p *prober) numberedSeries(c *probeCandidate) bool {
	w := p.text[c.w.Lo:c.w.Hi]
	letters := 0
	for i := 0; i < len(w); i++ {
		if isASCIILetter(w[i]) {
			letters++
		}
	}
	if letters < numberedSeriesMinLetters || letters == len(w) {
		return false
	}
	t := p.text
	for i := 0; i < len(t); {
		if !scanIsAlnum(t[i]) {
			i++
			continue
		}
		j := i
		for j < len(t) && scanIsAlnum(t[j]) {
			j++
		}
		if o := t[i:j]; j-i > letters && o != w && sameSkeleton(o, w) {
			return true
		}
		i = j
	}
	return false
}

// sameSkeleton reports whether a and b have the same letters in the same
// places, each run of digits counting as one place, whatever its digits.
func sameSkeleton(a, b string) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		da, db := isDigit(a[i]), isDigit(b[j])
		switch {
		case da && db:
			for i < len(a) && isDigit(a[i]) {
				i++
			}
			for j < len(b) && isDigit(b[j]) {
				j++
			}
		case da || db || a[i] != b[j]:
			return false
		default:
			i, j = i+1, j+1
		}
	}
	return i == len(a) && j == len(b)
}

// alnumRun widens t[i:e] to the run of letters and digits around it: the
// whole word an occurrence sits in.
func alnumRun(t string, i, e int) (lo, hi int) {
	for i > 0 && scanIsAlnum(t[i-1]) {
		i--
	}
	for e < len(t) && scanIsAlnum(t[e]) {
		e++
	}
	return i, e
}
