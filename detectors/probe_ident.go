package detectors

import (
	"strings"
	"unicode"

	"github.com/wikiwarden/wikiwarden/textview"
)

// Shapes real identifiers and spoken words have, recognised by their
// structure, and evidence the text itself gives about a word.
//
// A botnet's token is a uniform draw: it has no structure. Technical
// writing is full of words that look random letter by letter but are built
// the way names are: a hash or address in hexadecimal ("e42d547b",
// "0x7f7c5719b700", git describe's "g0d8efc960d2"), a product name of a
// word and an acronym ("ChatGPT", "WebDAV", "PHPMyAdmin"), a word stretched
// for emphasis ("sloooowly", "pleeeease"). And a word the post itself links
// to ("xkcd" beside xkcd.com), or that its title names, was not slipped in.

// hexIdent reports whether w is a hexadecimal number or hash: "0x" and hex
// digits, or seven or more hex digits of one case holding both digits and
// letters, with or without git describe's "g" in front.
func hexIdent(w string) bool {
	if hexPrefixed(w) {
		return true
	}
	if len(w) >= 8 && w[0] == 'g' {
		w = w[1:]
	}
	if len(w) < 7 || len(w) > 64 || !isHex(w) {
		return false
	}
	var digits, lower, upper int
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c >= 'a':
			lower++
		default:
			upper++
		}
	}
	return digits > 0 && (lower == 0) != (upper == 0)
}

// hexPrefixed reports whether w is a number written in hexadecimal with
// its 0x prefix ("0x7f3a9c", "0XFF").
func hexPrefixed(w string) bool {
	return len(w) > 2 && w[0] == '0' && w[1]|0x20 == 'x' && isHex(w[2:])
}

// elongated reports whether w holds a letter three or more times in a row
// ("sloooowly", "zzzzz", "Nooooo"), and returns it with every such run cut
// to one letter and to two.
func elongated(w string) (one, two string, ok bool) {
	if !tripled(w) {
		return "", "", false
	}
	var b1, b2 strings.Builder
	for i := 0; i < len(w); {
		j := i + 1
		for j < len(w) && w[j]|0x20 == w[i]|0x20 && w[i] < 0x80 {
			j++
		}
		if j-i >= 3 {
			ok = true
			b1.WriteByte(w[i])
			b2.WriteString(w[i : i+2])
		} else {
			b1.WriteString(w[i:j])
			b2.WriteString(w[i:j])
		}
		i = j
	}
	return b1.String(), b2.String(), ok
}

// tripled reports whether w holds an ASCII letter three times in a row.
func tripled(w string) bool {
	for i := 2; i < len(w); i++ {
		if c := w[i] | 0x20; c >= 'a' && c <= 'z' && w[i-1]|0x20 == c && w[i-2]|0x20 == c {
			return true
		}
	}
	return false
}

// stretchedWord reports whether w is a word stretched for emphasis: cut
// back, it is a real word, a word the letter model finds ordinary, or an
// interjection of three letters or fewer ("zzzzz", "hmmm", "duuuun"); or,
// when a letter stands four times or more in a row ("wohooooo"), which a
// random draw of a token's length almost never does, it reads as a word.
func (p *prober) stretchedWord(w string) bool {
	one, two, ok := elongated(w)
	if !ok {
		return false
	}
	if len(one) <= 3 && len(w)-len(two) >= 2 || p.isWord(one) || p.isWord(two) || p.isWord(strings.ToLower(one)) || p.isWord(strings.ToLower(two)) {
		return true
	}
	if len(w)-len(two) < 2 {
		return false // three in a row: a random draw has that now and then
	}
	if p.edit0 != nil && p.edit0.Format == FormatMarkdown {
		return true // four in a row: one draw in thousands, a word said loud in many posts ("wohooooo")
	}
	sym, ok := foldWord(p.scratchSym[:0], one)
	p.scratchSym = sym
	return ok && p.m.bits(sym)/float64(len(sym)+1) <= stretchedBitsPerLetter
}

// stretchedBitsPerLetter is the letter model's cost per letter under which
// a word cut back from letters four times in a row reads as a word.
const stretchedBitsPerLetter = 4.2

// wordlikeBitsPerLetter is the letter model's cost per letter (with the
// word's end) under which a letter run reads as an ordinary word.
const wordlikeBitsPerLetter = 3.6

// camelIdent reports whether the mixed-case word w (letters only) is built
// as the names of programs and products are: humps of a capital and
// lower-case letters, one acronym of up to five capitals, and a short
// lower-case prefix ("ChatGPT", "WebDAV", "PHPMyAdmin", "tkButtonUp",
// "MultiSpanQA"), with at least one hump of three or more lower-case
// letters that is an English word or reads as one, and every such hump
// reading as one. A random draw from both cases has humps of one or two
// lower-case letters that are no words, several runs of capitals, and runs
// of letters no word has.
func (p *prober) camelIdent(w string) bool {
	n := len(w)
	if n < 4 || n > 32 {
		return false
	}
	for i := 0; i < n; i++ {
		if !(w[i] >= 'a' && w[i] <= 'z' || w[i] >= 'A' && w[i] <= 'Z') {
			return false
		}
	}
	isUp := func(i int) bool { return w[i] >= 'A' && w[i] <= 'Z' }
	i := 0
	for i < n && !isUp(i) {
		i++
	}
	if i > 4 {
		return false
	}
	known := false
	if i > 2 {
		if !p.englishWord(w[:i]) && !p.wordlikeRun(w[:i]) {
			return false
		}
		known = true // "chatGPT", "wxPython" has a short prefix
	}
	humps, acronyms := 0, 0
	if i > 0 {
		humps++
	}
	for i < n {
		// w[i] is a capital. A run of capitals is an acronym; when
		// lower-case letters follow, its last capital starts the next
		// hump ("PHPMy" is "PHP" "My").
		j := i
		for j < n && isUp(j) {
			j++
		}
		if j == n || j-i > 1 {
			end := j
			if j < n {
				end = j - 1
			}
			if end-i > 5 {
				return false
			}
			if end-i > 1 {
				if acronyms++; acronyms > 1 {
					return false // "KEDehyBNLf"
				}
			}
			humps++
			if j == n {
				break
			}
			i = end
		}
		// A capital and its lower-case letters.
		k := i + 1
		for k < n && !isUp(k) {
			k++
		}
		switch lower := k - i - 1; {
		case lower <= 2:
			// "My", "Up", "Web": a short hump must be a word.
			if !p.englishWord(w[i:k]) {
				return false
			}
		default:
			if !p.englishWord(w[i:k]) && !p.wordlikeRun(w[i:k]) {
				return false
			}
			known = true
		}
		humps++
		i = k
	}
	return known && humps >= 2 && humps <= 5
}

// englishWord reports whether w, or w in lower case, is in the English
// dictionary or the wiki's own words: program names are made of English.
func (p *prober) englishWord(w string) bool {
	for _, d := range [2]Words{p.enDict, p.extra} {
		if d != nil && (d.Has(w) || d.Has(strings.ToLower(w))) {
			return true
		}
	}
	return false
}

// wordlikeRun reports whether the letters of w read as an ordinary word to
// the letter model.
func (p *prober) wordlikeRun(w string) bool {
	sym, ok := foldWord(p.scratchSym[:0], w)
	p.scratchSym = sym
	return ok && len(sym) > 0 && p.m.bits(sym)/float64(len(sym)+1) <= wordlikeBitsPerLetter
}

// linkedWord reports whether the text uses the word c inside a URL (a link
// target, an image, a user's page): "xkcd" beside https://xkcd.com/..., a
// user name beside the link to their profile.
func (p *prober) linkedWord(c *probeCandidate) bool {
	t := p.text
	if !p.urlsDone {
		p.urlsDone = true
		for from := 0; from < len(t); {
			k := strings.Index(t[from:], "://")
			if k < 0 {
				break
			}
			lo := from + k + 3
			hi := lo
			for hi < len(t) && !strings.ContainsRune(" \t\n<>\"')]|}", rune(t[hi])) {
				hi++
			}
			p.urls = append(p.urls, byteSpan{Lo: lo, Hi: hi})
			from = hi
		}
	}
	w := lowerASCII(t[c.w.Lo:c.w.Hi])
	for _, u := range p.urls {
		if (c.w.Lo < u.Lo-3 || c.w.Lo >= u.Hi) && textview.ContainsFold(t[u.Lo:u.Hi], w) {
			return true
		}
	}
	return false
}

// titleWord reports whether the title of the page or topic, of two words
// or more, has the word c: a topic about "ChatGPT", a page on "WebDAV".
// own reports a title the edit writes itself: a post opening its topic
// starts with the topic's title, and a probe that opens a topic names its
// token in the title too.
func (p *prober) titleWord(c *probeCandidate) (has, own bool) {
	title := p.edit0.Title
	w := p.text[c.w.Lo:c.w.Hi]
	if len(title) <= len(w) || !strings.ContainsAny(title, " _") || !hasWordFold(title, w) {
		return false, false
	}
	if first := firstLine(p.text); len(first) >= len(w) && strings.HasSuffix(title, first) {
		// Only a title that says something besides the word names
		// it: "bgvdibkt" alone, or with a greeting, names nothing.
		others := 0
		for _, f := range strings.FieldsFunc(first, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if len(f) >= 2 && !strings.EqualFold(f, w) {
				others++
			}
		}
		return others >= 3, true
	}
	return true, false
}

// hasWordFold reports whether s has w, in any case, as a whole word.
func hasWordFold(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(w)], w) &&
			(i == 0 || !scanIsWordAt(s, i-1)) && (i+len(w) == len(s) || !scanIsWordAt(s, i+len(w))) {
			return true
		}
	}
	return false
}

// otherFormHere reports whether the text has the word c in another form
// elsewhere: its singular ("RNNs", "pdfs" beside "PDF") or the same letters
// in another case ("chatgpt" beside "ChatGPT").
func (p *prober) otherFormHere(c *probeCandidate) bool {
	w := p.text[c.w.Lo:c.w.Hi]
	forms := [2]string{w, ""}
	if len(w) > 4 && w[len(w)-1] == 's' {
		forms[1] = w[:len(w)-1]
	}
	t := p.text
	for _, f := range forms {
		if f == "" {
			continue
		}
		for k := range textview.IndexesFold(t, lowerASCII(f)) {
			e := k + len(f)
			if k == c.w.Lo || k > 0 && scanIsWordAt(t, k-1) {
				continue
			}
			if e < len(t) && scanIsWordAt(t, e) && !(f == forms[1] && t[e] == 's' && (e+1 == len(t) || !scanIsWordAt(t, e+1))) {
				continue
			}
			return true
		}
	}
	return false
}

// identNeighbours counts, up to two, the identifiers among the three words
// either side of c on its line: code, paths and dotted names, letters with
// digits, CamelCase. Program names come in company ("install tqdm with
// pip3 from requirements.txt"); a token slipped into prose has words
// around it. A reference to an issue ("Fix #4133") is no identifier
// (issueRef).
func (p *prober) identNeighbours(c *probeCandidate) int {
	if p.edit0.Format != FormatMarkdown {
		return 0 // a wiki's identifiers have their places (wikitext marks them)
	}
	n := 0
	for k := max(0, c.idx-3); k <= c.idx+3 && k < len(p.words) && n < 2; k++ {
		w := p.words[k]
		if k == c.idx || w.Line != c.w.Line {
			continue
		}
		if identWord(w.Flags, c.code == codeProse) && !issueRef(p.text, w.Lo, w.Hi) {
			n++
		}
	}
	return n
}

// issueRef reports whether text[lo:hi] is the number of a reference to an
// issue or a pull request ("Fix #4133", "(see #12)"): digits after a "#"
// that opens a word. It names a thread, not code: the words beside it are
// a sentence's, as a commit's or a changelog's line is.
func issueRef(text string, lo, hi int) bool {
	if lo == 0 || text[lo-1] != '#' || lo >= 2 && !isRefOpening(text[lo-2]) {
		return false
	}
	for i := lo; i < hi; i++ {
		if text[i] < '0' || text[i] > '9' {
			return false
		}
	}
	return true
}

// isRefOpening reports whether b may come before an issue reference's "#".
func isRefOpening(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '(' || b == '['
}

// identWord reports whether a word of flags f is an identifier, code or a
// path: by its shape (a path or a dotted name, letters and digits, mixed
// case) or, unless byShape, by its place (code). Prose set as code
// (codeProse, an indented paragraph of a mail) is words of a sentence
// there, and its own words say nothing of a word among them.
func identWord(f wflag, byShape bool) bool {
	return f&wCode != 0 || !byShape && f&(cCode|cCodeLine) != 0 ||
		f&wDigit != 0 && f&(wLower|wUpperFirst|wUpperInner) != 0 || f&wUpperInner != 0 && f&wLower != 0
}

// technical returns how technical a post is, from 0 to 1: the share of its
// words that are identifiers, code, paths or dotted names, 1 from one in
// eight. In such a post a program's name ("tqdm", "vcpkg", "nfsd") is
// among its kind.
func (p *prober) technical() float64 {
	if !p.techDone {
		p.techDone = true
		p.tech = p.identShare(false)
	}
	return p.tech
}

// technicalFor is technical for the word c: for a word of prose set as
// code (codeProse), by the shapes of the post's words alone (identWord), as
// the words of an indented paragraph are no code.
func (p *prober) technicalFor(c *probeCandidate) float64 {
	if c.code != codeProse {
		return p.technical()
	}
	if !p.techShapeDone {
		p.techShapeDone = true
		p.techShape = p.identShare(true)
	}
	return p.techShape
}

// identShare is how technical the post is (technical), its identifiers
// told by identWord.
func (p *prober) identShare(byShape bool) float64 {
	if p.edit0.Format != FormatMarkdown || len(p.words) < 20 {
		return 0
	}
	n := 0
	for _, w := range p.words {
		if identWord(w.Flags, byShape) {
			n++
		}
	}
	share := float64(n) / float64(len(p.words))
	return min(1, max(0, (share-0.03)/(0.125-0.03)))
}

// permissionString reports whether w starts as a Unix file mode does in a
// directory listing: "drwxr", "-rw", "lrwxrwxrwx".
func permissionString(w string) bool {
	if len(w) < 4 || strings.IndexByte("dl-", w[0]) < 0 {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] != "rwx"[(i-1)%3] && !((i-1)%3 == 2 && strings.IndexByte("sStT", w[i]) >= 0) {
			return false
		}
	}
	return true
}

// formulaBeforeSub reports whether the word c is element symbols written
// right before a subscript: "ZrSiO<sub>4</sub>", "Fe₂O₃".
func (p *prober) formulaBeforeSub(c *probeCandidate) bool {
	rest := p.text[c.w.Hi:]
	if !strings.HasPrefix(rest, "<sub>") && !strings.HasPrefix(rest, "{{sub|") && !(len(rest) >= 3 && rest[0] == 0xE2 && rest[1] == 0x82 && rest[2] >= 0x80 && rest[2] <= 0x89) {
		return false
	}
	w := p.text[c.w.Lo:c.w.Hi]
	for i := 0; i < len(w); {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
		j := i + 1
		for j < len(w) && j-i < 3 && w[j] >= 'a' && w[j] <= 'z' {
			j++
		}
		if !elementSymbols[w[i:j]] {
			return false
		}
		i = j
	}
	return true
}

// elementSymbols are the symbols of the chemical elements.
var elementSymbols = func() map[string]bool {
	m := map[string]bool{}
	for _, e := range strings.Fields(`H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr
		Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re
		Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh
		Fl Mc Lv Ts Og`) {
		m[e] = true
	}
	return m
}()

// syllableRun reports whether w is one syllable of two letters said three
// times or more, maybe with its first letter again: laughter and song
// ("hahaha", "Hehehe", "lalala", "hahahah"). A random draw of six letters
// or more is one such run in about a million.
func syllableRun(w string) bool {
	if len(w) < 6 || !isASCIILetter(w[0]) || !isASCIILetter(w[1]) || w[0]|0x20 == w[1]|0x20 {
		return false
	}
	for i := 2; i < len(w); i++ {
		if w[i]|0x20 != w[i%2]|0x20 {
			return false
		}
	}
	return true
}

// compoundName reports whether the word w of letters and digits is built as
// product and version names are: a word, maybe an acronym, and numbers
// ("RazorV1", "Java2D", "GPT4All", "PHPv7", "Win32"). It starts with a
// letter; every run of letters is a word of four letters or more of the
// English dictionary or the wiki in lower case, or of three or more
// capitalised, an acronym of two to five capitals (one at most; with a
// version after it, "PHPv7", it names a product), or one letter marking a version
// before digits ("v7") or a unit after them ("2D"); one at least is a word.
// A random draw has runs no dictionary has, and mixes cases inside them.
func (p *prober) compoundName(w string) bool {
	if w == "" || !isASCIILetter(w[0]) {
		return false
	}
	word, acronyms := false, 0
	for i := 0; i < len(w); {
		if w[i] >= '0' && w[i] <= '9' {
			i++
			continue
		}
		j := i
		for j < len(w) && isASCIILetter(w[j]) {
			j++
		}
		if j == i {
			return false // a letter beyond ASCII
		}
		run := w[i:j]
		version := len(run) > 1 && j < len(w) && run[len(run)-1]|0x20 == 'v'
		if version {
			run = run[:len(run)-1] // "RazorV1", "PHPv7": a version
		}
		upper := 0
		for k := 0; k < len(run); k++ {
			if run[k] <= 'Z' {
				upper++
			}
		}
		switch {
		case (len(run) >= 4 && upper == 0 || len(run) >= 3 && upper == 1 && run[0] <= 'Z') && p.englishWord(run):
			word = true
		case len(run) >= 2 && len(run) <= 5 && upper == len(run):
			if acronyms++; acronyms > 1 {
				return false
			}
			word = word || version // "PHPv7"
		case len(run) == 1 && (j == len(w) && i > 0 || run[0]|0x20 == 'v' && j < len(w)):
		default:
			return false
		}
		i = j
	}
	return word
}

// botName reports whether w is named as a wiki's bot accounts are, ending
// in "Bot" ("H3llBot", "ClueBot", "AnomieBOT"): the name bots sign their
// edits and comments with ("<!--Added by ...-->"). A random draw of both
// cases ends so once in 140,000; lower-case "bot" ends too many
// pronounceable tokens.
func botName(w string) bool {
	return len(w) >= 6 && (strings.HasSuffix(w, "Bot") || strings.HasSuffix(w, "BOT"))
}

// cliticName reports whether w is a name with a clitic glued before it, as
// Bantu languages write a noun-class or case prefix on a capitalised name
// ("naKavhima", "kuDubai", "yeBancABC", "kaLondon"): two or three
// lower-case letters that start other words of the text too, then a name
// of a capital and three or more lower-case letters, maybe closed by an
// acronym of two to five capitals. The name is a word of a dictionary, is
// used on its own in the text, or has the letters of a word: vowels
// between runs of at most two consonants (names of languages the letter
// model was not trained on cost it as much as random letters). A random
// draw of both cases has this shape about once in three hundred, and its
// prefix seldom starts the words around it.
func (p *prober) cliticName(w string) bool {
	i := 0
	for i < len(w) && w[i] >= 'a' && w[i] <= 'z' {
		i++
	}
	if i < 2 || i > 3 || i == len(w) || !(w[i] >= 'A' && w[i] <= 'Z') {
		return false
	}
	j := i + 1
	for j < len(w) && w[j] >= 'a' && w[j] <= 'z' {
		j++
	}
	if j-i < 4 {
		return false
	}
	if acr := len(w) - j; acr > 0 {
		if acr < 2 || acr > 5 {
			return false
		}
		for k := j; k < len(w); k++ {
			if !(w[k] >= 'A' && w[k] <= 'Z') {
				return false
			}
		}
	}
	if p.wordsStarting(w[:i]) < cliticMinWords {
		return false
	}
	name := w[i:j]
	if p.isWord(name) || p.isWord(strings.ToLower(name)) || p.usedAlone(name) {
		return true
	}
	sym, ok := foldWord(p.scratchSym[:0], name)
	p.scratchSym = sym
	if !ok {
		return false
	}
	vowels, run := probeVowels(sym)
	return vowels*3 >= len(sym) && run <= 2
}

// cliticMinWords is how many words of the text, the one judged among
// them, a clitic must start: a language's prefixes start many.
const cliticMinWords = 4

// wordsStarting counts the words of the text that start with prefix and
// go on with more letters.
func (p *prober) wordsStarting(prefix string) int {
	t, n := p.text, 0
	for from := 0; ; {
		k := strings.Index(t[from:], prefix)
		if k < 0 {
			return n
		}
		lo, hi := from+k, from+k+len(prefix)
		if (lo == 0 || !isASCIILetter(t[lo-1])) && hi < len(t) && isASCIILetter(t[hi]) {
			n++
		}
		from = hi
	}
}

// usedAlone reports whether the text has w as a word of its own, not only
// inside a longer one.
func (p *prober) usedAlone(w string) bool {
	t := p.text
	for from := 0; ; {
		k := strings.Index(t[from:], w)
		if k < 0 {
			return false
		}
		lo, hi := from+k, from+k+len(w)
		if (lo == 0 || !isASCIILetter(t[lo-1])) && (hi == len(t) || !isASCIILetter(t[hi])) {
			return true
		}
		from = hi
	}
}

// firstLine returns the first line of s that holds more than spaces,
// trimmed.
func firstLine(s string) string {
	for line := range strings.Lines(s) {
		if t := strings.TrimSpace(line); t != "" {
			return t
		}
	}
	return ""
}

// capsCodeInProse reports whether words[i], capitals and digits shaped as
// a part or catalogue number (isIdentShape), sits where no such number
// does in a post: in running prose, after a lower-case word of the
// language (or one opening its sentence) and before a word of it ("the
// sugar 4CFIYXH is adding"), or with the line's edge on either side or
// both when the post has its letters nowhere else ("R5Q7NO" alone on a
// line, "With TQ7VDO the"), in a post that names no other code of
// capitals and digits and, for a code of two runs, is not technical. A real model number comes with its maker's name or among
// others of its kind ("Sony WH1000XM4", "an LM317T or an LM338K"); a
// random draw of three runs or more has neither, nor do four capitals or
// more after a number ("4CFIYXH"). A word of letters then digits
// ("GTX1080", "ESP32") is a product's name and its number. A code of four
// runs or five after a capitalised word in mid-sentence is judged by its
// neighbours as a shorter one is, its maker's name among them (afterMaker):
// product numbers run to four or five ("ST4000VN008"). A quote of another
// post or mail is prose someone wrote, and words with diacritics are the
// language's when a dictionary has them ("o café QX7ZDW também"); a time
// or a hash elsewhere in the post is no code of its kind (codeCompany).
func (p *prober) capsCodeInProse(i int, word string, sh alnumShape) bool {
	if p.edit0.Format != FormatMarkdown || sh.lower > 0 || sh.n < 6 || sh.parts < 2 ||
		sh.parts == 2 && (!digitAt(word, 0) || sh.letters < 4) ||
		sh.n >= 10 && isHex(word) || dimensions(word) || chemicalFormula(word) {
		return false
	}
	w := p.words[i]
	markup := cMarkup &^ cComment // a post's quote is prose someone wrote
	if w.Flags&(markup|cLink|cExtLink|cHeading|cTable|cItalic|wJoined) != 0 {
		return false
	}
	edges := 0
	drawn := sh.parts >= capsCodeDrawParts && letterRunBeyondUnit(word) && !p.afterMaker(i, word, sh) && p.usedOnce(w.Lo, w.Hi)
	for k, before := range [2]bool{true, false} {
		if lineEdge(p.text, w.Lo, w.Hi, before) {
			edges++
			continue
		}
		if drawn {
			// No model number alternates so often: its neighbours need not
			// be words, but a blank parts it from them ("BEFW11S4(1)" is a
			// router's model).
			if before && !isBlank(p.text[w.Lo-1]) || !before && (w.Hi == len(p.text) || !isBlank(p.text[w.Hi])) {
				return false
			}
			continue
		}
		j := i - 1 + 2*k
		if j < 0 || j >= len(p.words) {
			return false
		}
		v := p.words[j]
		if v.Line != w.Line || v.Flags&(wUpperInner|wDigit|wNonLatin|wCode|markup) != 0 ||
			before && v.Flags&wUpperFirst != 0 && !sentenceStart(p.text, v.Lo) || !p.isWord(p.text[v.Lo:v.Hi]) {
			return false
		}
		if gap := p.text[min(v.Hi, w.Hi):max(v.Lo, w.Lo)]; gap != " " && !sentenceGap(gap, before) {
			return false
		}
	}
	if edges > 0 && !p.usedOnce(w.Lo, w.Hi) {
		return false // a code the post names again is its topic
	}
	ids := 0 // identifiers, code and paths but this word (technical)
	for j, v := range p.words {
		f := v.Flags
		if j == i {
			continue
		}
		if f&wDigit != 0 && f&(wUpperFirst|wUpperInner) != 0 && f&wLower == 0 && p.codeCompany(v) {
			return false // the post deals in codes
		}
		if f&(wCode|cCode|cCodeLine) != 0 || f&wDigit != 0 && f&(wLower|wUpperFirst|wUpperInner) != 0 || f&wUpperInner != 0 && f&wLower != 0 {
			ids++
		}
	}
	if sh.parts < 3 && float64(ids) > 0.03*float64(len(p.words)) {
		return false // a technical post
	}
	if edges == 2 {
		return p.hasDict() // alone on its line: no sentence to read
	}
	return p.lineInLang(&probeCandidate{w: w, idx: i})
}

// codeCompany reports whether v, a word of capitals and digits, is a code
// of the kind that makes a post one dealing in codes (capsCodeInProse): not
// a time or a date-time a mail's headers or a log print ("06T18:12:41"),
// nor a hexadecimal number of hexCompanyChars or more (a hash, an address:
// "64A2FF6A"). A size or a version ("2.4M", "V1.2") is a code's company as a
// catalogue's number is.
func (p *prober) codeCompany(v scanWord) bool {
	w := p.text[v.Lo:v.Hi]
	return strings.IndexByte(w, ':') < 0 && !(len(w) >= hexCompanyChars && isHex(w))
}

// hexCompanyChars is the least characters of a hexadecimal number that
// keeps it from making a post one dealing in codes (codeCompany): a hash or
// an address, not a catalogue's number.
const hexCompanyChars = 8

// capsCodeDrawParts is the least runs of capitals and digits a code needs
// to be judged in prose whatever its neighbours, when the post uses it once
// (capsCodeInProse) and one run of letters at least is no unit
// (letterRunBeyondUnit): a model or part number has two or three runs
// ("RTX3090", "ATMEGA328P"), sizes alternate numbers and units ("16K16B"), a
// random draw of both most often has four runs or more ("K1XY3E", "B3ZKWT3").
const capsCodeDrawParts = 4

// capsCodeSeriesParts is the most runs of capitals and digits a model
// number has after its maker's name (afterMaker): a series and its number,
// a variant and its revision ("WH1000XM3", "ST4000VN008", "PIC16F877A");
// a random draw after a capitalised word most often alternates more.
const capsCodeSeriesParts = 5

// afterMaker reports whether words[i], a code of capitals and digits
// opening with a letter in at most capsCodeSeriesParts runs, follows a
// name a space before it in mid-sentence, a word of letters opening with a
// capital and holding lower-case ones, as a model number follows its
// maker's name ("Seagate ST3000DM001", "OnePlus"): such a code is judged
// by its neighbours as a code of fewer runs is (capsCodeInProse), not as a
// draw. An acronym before it is no maker's name: technical prose names
// formats and protocols in capitals ("the JSON K4X7QB object").
func (p *prober) afterMaker(i int, word string, sh alnumShape) bool {
	if i == 0 || sh.parts > capsCodeSeriesParts || digitAt(word, 0) {
		return false
	}
	w, v := p.words[i], p.words[i-1]
	if v.Line != w.Line || w.Lo-v.Hi != 1 || p.text[v.Hi] != ' ' || v.Hi-v.Lo < 2 ||
		v.Flags&wUpperFirst == 0 || v.Flags&wLower == 0 || v.Flags&(wDigit|wNonLatin|wCode|cMarkup|wJoined) != 0 {
		return false
	}
	for k := v.Lo; k < v.Hi; k++ {
		if !isASCIILetter(p.text[k]) {
			return false
		}
	}
	return !sentenceStart(p.text, v.Lo)
}

// letterRunBeyondUnit reports whether w has a run of two letters or more
// that is no unit of a number: "K1XY3E" ("XY"), not "16K16B" (sizes).
func letterRunBeyondUnit(w string) bool {
	for i := 0; i < len(w); {
		j := i
		for j < len(w) && isASCIILetter(w[j]) {
			j++
		}
		if j-i >= 2 && !units[strings.ToLower(w[i:j])] {
			return true
		}
		i = max(j, i+1)
	}
	return false
}

// sentenceStart reports whether the word at t[lo:] opens its line or a
// sentence ("Fixed. With it").
func sentenceStart(t string, lo int) bool {
	return lineEdge(t, lo, lo, true) || lo >= 2 && t[lo-1] == ' ' && strings.IndexByte(".?!", t[lo-2]) >= 0
}

// lineEdge reports whether t[lo:hi] opens its line (before) or closes it,
// with only blanks, or after it blanks and a sentence's closing
// punctuation, between it and the line's edge.
func lineEdge(t string, lo, hi int, before bool) bool {
	if before {
		k := lo
		for k > 0 && (t[k-1] == ' ' || t[k-1] == '\t') {
			k--
		}
		return k == 0 || t[k-1] == '\n'
	}
	k := hi
	for k < len(t) && (t[k] == ' ' || t[k] == '\t') {
		k++
	}
	if k < len(t) && strings.IndexByte(".?!", t[k]) >= 0 {
		k++
	}
	return k == len(t) || t[k] == '\n' || t[k] == '\r'
}

// ownParts reports whether the mixed-case word w is built of the text's
// own words: split into humps where the case turns (a run of capitals
// before lower-case letters gives its last capital to the next hump:
// "cborUTXO" is "cbor" "UTXO", "txOutTxOut" is "tx" "Out" "Tx" "Out"),
// with at most ownPartsDigits digits at its end ("txOutRef1"), every hump
// of two letters or more is a word the text or its title writes apart,
// alone or with a plural's "s" or "es" ("UTXO" beside "the UTXO", "UTXOS"
// beside "utxos"). A name is built of the words its text talks about; a
// random draw's humps are mostly one or two letters long and rarely a word
// at all: a hump of two letters is a word of a post perhaps once in
// twenty, one of three once in a hundred or fewer, and a draw needs every
// hump to be one. Asked last, after the cheaper tests: it searches the
// text once per hump.
func (p *prober) ownParts(w string) bool {
	n := len(w)
	for d := 0; d < ownPartsDigits && n > 0 && w[n-1] >= '0' && w[n-1] <= '9'; d++ {
		n--
	}
	if !isLetters(w[:n]) {
		return false
	}
	humps := 0
	for i := 0; i < n; {
		j := i + 1
		if isUpper(w[i]) {
			for j < n && isUpper(w[j]) {
				j++
			}
			if j < n && j-i > 1 {
				j-- // "UTXOs": "UTXO"; "PHPMy": "PHP" "My"
			}
		}
		for j < n && !isUpper(w[j]) {
			j++
		}
		if j-i < 2 || !p.wordApart(w[i:j], pluralSuffixes[:]) {
			return false
		}
		humps++
		i = j
	}
	return humps >= 2
}

// ownPartsDigits is the most digits a name built of the text's own words
// ends with (ownParts): an index or a version ("txOutRef1", "Layer12").
const ownPartsDigits = 2

// wordApart reports whether the text or its title has the letters h as a
// word of their own, in any case, or with one of the suffixes after them:
// no letter or digit touches them but the suffix's.
func (p *prober) wordApart(h string, suffixes []string) bool {
	h = lowerASCII(h)
	for _, t := range [2]string{p.text, p.edit0.Title} {
		for i := range textview.IndexesFold(t, h) {
			if i > 0 && isAlnumByte(t[i-1]) {
				continue
			}
			e := i + len(h)
			if e == len(t) || !isAlnumByte(t[e]) {
				return true
			}
			for _, suf := range suffixes {
				if k := e + len(suf); k <= len(t) && strings.EqualFold(t[e:k], suf) && (k == len(t) || !isAlnumByte(t[k])) {
					return true
				}
			}
		}
	}
	return false
}

// pluralSuffixes are the endings of an English plural a name takes.
var pluralSuffixes = [2]string{"s", "es"}

// pluralOfOwn reports whether w is the plural of a word the text or its
// title writes in the singular ("eUTxOs" beside "an eUTxO", "ZwPools"
// beside "the ZwPool"): the text talks about several of what it names. A
// draw is never another word of the text with "s" after it.
func (p *prober) pluralOfOwn(w string) bool {
	for _, suf := range pluralSuffixes {
		if stem, ok := strings.CutSuffix(w, suf); ok && len(stem) >= 2 && p.wordApart(stem, nil) {
			return true
		}
	}
	return false
}

func isAlnumByte(b byte) bool { return isASCIILetter(b) || b >= '0' && b <= '9' }

// numberedSibling reports whether w ends in digits and the text or its
// title has the same letters numbered otherwise as a word of their own
// ("txOutRef1" beside "txOutRef2", "value1" beside "value2"): names a
// program numbers in a series. A draw ending in a digit is never another
// word of the text but for its number.
func (p *prober) numberedSibling(w string) bool {
	n := len(w)
	for n > 0 && w[n-1] >= '0' && w[n-1] <= '9' {
		n--
	}
	if n < 3 || n == len(w) || !isLetters(w[:n]) {
		return false
	}
	stem, num := lowerASCII(w[:n]), w[n:]
	for _, t := range [2]string{p.text, p.edit0.Title} {
		for i := range textview.IndexesFold(t, stem) {
			if i > 0 && isAlnumByte(t[i-1]) {
				continue
			}
			e := i + len(stem)
			k := e
			for k < len(t) && t[k] >= '0' && t[k] <= '9' {
				k++
			}
			if k > e && (k == len(t) || !isAlnumByte(t[k])) && t[e:k] != num {
				return true
			}
		}
	}
	return false
}
