package detectors

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wikiwarden/wikiwarden/textview"
)

// Candidates: the words of the edit worth judging. Words a dictionary or
// the wiki has, words too short or too long to be a planted token, and
// words built as identifiers are (hashes, part numbers, formulas, file
// modes, a name attribute's value) never become candidates; the rest are
// measured against the letter model and passed to judge.

// probeCandidate is one word being judged.
type probeCandidate struct {
	w        scanWord
	idx      int     // in prober.words
	symLo    int     // its folded letters are prober.sym[symLo:symHi]
	symHi    int     //
	bits     float64 // surprisal under the model (and the digit model), with the word end
	rand     float64 // bits as a uniform random draw from the alphabet its shape uses
	parts    bool    // judged by its parts: has digits or a mixed case
	chars    int     // characters (letters and digits)
	nameLike bool    // a CamelCase shape ("McDonald", "iPhone")
	camel    bool    // built as a program's or product's name ("ChatGPT", "PHPMyAdmin")
	compound bool    // a product's name and its version ("RazorV1", "GPT4All"; compoundName)
	digitLed bool    // in prose, a digit and lower-case letters that are no unit (lowerDigitLed)
	code     codeMode
	hash     uint64 // wordHash of its text
	evidence float64
	score    float64
	terms    [14]probeTerm
	nterms   int
}

func (c *probeCandidate) add(k probeTermKind, bits float64) {
	c.evidence += bits
	if c.nterms < len(c.terms) {
		c.terms[c.nterms] = probeTerm{k, bits}
		c.nterms++
	}
}

func (c *probeCandidate) term(k probeTermKind) (float64, bool) {
	for _, t := range c.terms[:c.nterms] {
		if t.kind == k {
			return t.bits, true
		}
	}
	return 0, false
}

func (p *prober) run() {
	p.words = p.sc.read(p.edit0.Format, p.text, p.a.spans, p.words)
	if len(p.words) == 0 {
		return
	}
	for i, w := range p.words {
		p.wbits = append(p.wbits, -1)
		p.edit.words++
		f := w.Flags
		if f&wNonLatin != 0 {
			p.edit.nonLatin++
			continue
		}
		if f&wDiacritic != 0 {
			p.edit.diacritic++
		}
		if f&wCode != 0 && p.nameWord(w) {
			f &^= wCode // a word of a name of several words: judged as a word
			w.Flags = f
			p.words[i].Flags = f
		}
		if f&wCode != 0 || f&cRefName != 0 && p.singleName(w) {
			continue // a path, a dotted name, a key: identifiers of programs
		}
		mode := codeNone
		if f&cCode != 0 {
			if mode = p.codeMode(i); mode == codeSkip && !p.strictInCode(i) {
				continue
			}
			if mode == codeProse || mode == codeSplit {
				f &^= cCode | cPre | cCodeLine
				w.Flags = f
			}
		}
		if mode == codeNone && (splitsNumber(p.text, w.Lo, w.Hi) || splitsName(p.text, w.Lo, w.Hi)) {
			mode = codeSplit // "3 kq3zt9 .12", "cache kq3zt9 _dir": judged as a word splitting code is
		}
		word := p.text[w.Lo:w.Hi]
		lo := len(p.sym)
		c := probeCandidate{w: w, idx: i, symLo: lo}
		var n int
		if f&wDigit != 0 || f&wUpperInner != 0 && f&wLower != 0 {
			// Letters and digits, or mixed case: judged by its parts.
			sh := shapeOf(word)
			if sh.n < probeMinLetters || sh.n > probeMaxAlnum || sh.letters < 2 || hexIdent(word) {
				continue
			}
			if !sh.nameLike && sh.digits == 0 && p.camelIdent(word) &&
				(p.edit0.Format == FormatMarkdown || p.foreignName(&c, word)) {
				sh.nameLike = true // "ChatGPT", "WebDAV", "PHPMyAdmin"
				c.camel = true
			}
			if !sh.nameLike && sh.digits == 0 && p.edit0.Format == FormatMarkdown && acronymPlural(word) {
				sh.nameLike = true // "RDBMSes", "VtCs" in a post (probe_dict.go)
				c.camel = true
			}
			if sh.digits == 0 && (p.cliticName(word) || p.pageClitic(word)) {
				continue // "naKavhima", "kuDubai": a name with a Bantu clitic
			}
			if sh.digits > 0 && sh.letters >= 3 && p.edit0.Format == FormatMarkdown && (p.compoundName(word) || p.toName(word)) {
				c.compound = true // "RazorV1", "GPT4All", "Java2D": a product and its version
			}
			if sh.digits > 0 && (f&cCode != 0 && mode != codeBlatant && mode != codeStray || isIdentShape(word, sh) && !p.capsCodeInProse(i, word, sh) && !p.capsCodeSplit(mode, w, sh) || sh.parts <= 3 && p.afterLabel(i) ||
				f&(cTable|cAttr|cTemplate|cIdent) != 0 && (sh.n == 6 || sh.n >= 8) && isHex(word)) || sh.digits == 0 && chemicalFormula(word) {
				continue
			}
			if f&cIdent != 0 && (sh.upper > 0 || sh.digits > 0) || sh.digits == 0 && sh.n <= 5 && unitSymbols(word) {
				continue // an identifier's place: Google Books and YouTube ids are mixed case
			}
			if mode == codeBlatant && (sh.n < probeCodeMinChars || sh.nameLike || c.camel) || mode == codeStray && c.camel {
				continue // in code only a blatant draw of cases and digits
			}
			if p.edit0.Format == FormatMarkdown && (sh.upper > 0 && sh.lower > 0 && p.ownParts(word) || p.pluralOfOwn(word) || sh.digits > 0 && p.numberedSibling(word)) {
				continue // "cborUTXO" in a post that writes "CBOR" and "UTXO", "eUTxOs" in one that writes "eUTxO", "txOutRef1" beside "txOutRef2"
			}
			var b float64
			var ok bool
			p.sym, b, ok = partsBits(p.m, word, p.sym)
			if !ok {
				p.sym = p.sym[:lo]
				continue
			}
			switch {
			case sh.nameLike:
				b += bitsNamePart * float64(sh.caseSwaps)
			case sh.caseSwaps > 0 && sh.upper > 0 && sh.lower > 0:
				// Real words almost never mix cases but as names do; short
				// abbreviations do ("mmHg", "GmbH", "KGaA").
				odd, swap := bitsOddCase, bitsCaseSwitch
				if sh.n <= 5 {
					odd, swap = bitsOddCaseShort, bitsCaseSwitchShort
				}
				b += odd + swap*float64(sh.caseSwaps)
			}
			n = sh.n
			c.bits, c.rand, c.parts, c.nameLike, c.chars = b, randomBits(sh), true, sh.nameLike, sh.n
		} else {
			var ok bool
			p.sym, ok = foldWord(p.sym, word)
			n = len(p.sym) - lo
			if !ok || n < 3 || n > probeMaxLetters {
				p.sym = p.sym[:lo]
				continue
			}
			b := p.m.bits(p.sym[lo:])
			if f&(wUpperFirst|wUpperInner|wDiacritic) == 0 && f&cMarkup == 0 {
				p.wbits[i] = float32(b / float64(n+1))
			}
			if n < probeMinLetters {
				p.sym = p.sym[:lo]
				continue
			}
			if n < probePostMinLetters && p.edit0.Format == FormatMarkdown {
				// Not judged, but a word the post adds all the same, and
				// company for softwareName.
				p.added = append(p.added, wordHash(word))
				p.short = append(p.short, byteSpan{Lo: w.Lo, Hi: w.Hi})
				p.sym = p.sym[:lo]
				continue
			}
			if mode == codeSkip || mode == codeBlatant || mode == codeStray {
				// Lower-case letters in code are a program's words, unless
				// they stand apart from it as a planted token does and
				// their letters are blatantly random (strictInCode). A
				// long word standing apart on a line of code (codeStray)
				// is judged with the code's discount otherwise; when it
				// is that blatant, as one standing apart in code elsewhere.
				stray := mode == codeStray && n >= strayCompanyChars && f&(wUpperFirst|wUpperInner) == 0
				switch {
				case (!stray || p.amidSyntax(i)) && p.strictInCode(i) && b-float64(n)*log2Letters >= strictCodeBits && !p.softLike(word):
					mode = codeStrict
				case !stray:
					p.sym = p.sym[:lo]
					continue
				}
			}
			c.bits, c.rand, c.chars = b, float64(n)*log2Letters, n
		}
		c.code = mode
		c.symHi = len(p.sym)
		c.hash = wordHash(word)
		p.added = append(p.added, c.hash)
		floor := probeFloorBits
		if f&(wUpperFirst|wUpperInner|wDigit) == 0 && p.hasDict() {
			floor -= bitsUnknownWord
		}
		own := c.bits - c.rand
		if c.digitLed = p.lowerDigitLed(&c); c.digitLed {
			// Two runs of letters and digits take fewer bits than a draw
			// from both, the more so when the letters can be said
			// ("3carld"); opening with a digit is evidence of its own the
			// floor counts too, as judge does.
			own += bitsDigitLed
		}
		if own < floor || syllableRun(word) || botName(word) || !c.parts && (romanNumeral(word) || n >= 6 && nucleotides(p.sym[lo:])) || p.wordAt(i) || !c.parts && p.gluedWord(strings.ToLower(word)) || p.stretchedWord(word) || permissionString(word) || tempName(word) || p.formulaBeforeSub(&c) {
			p.sym = p.sym[:lo]
			continue
		}
		p.cands = append(p.cands, c)
	}
	if len(p.cands) == 0 {
		return
	}
	p.collectOld()
	p.addedCount.reset(len(p.added))
	p.fresh = 0
	for _, h := range p.added {
		if p.addedCount.add(h) == 1 && !p.oldWords.has(h) {
			p.fresh++
		}
	}
	if p.a.old == "" && p.edit0.Format != FormatMarkdown {
		p.rivals = p.countRivals()
	}
	kept := p.cands[:0]
	for i := range p.cands {
		c := &p.cands[i]
		p.judge(c)
		// A word the page had is not new. Searching the old text is the
		// costly part, so words that cannot matter are dropped first.
		if c.score < probeIgnoreScore && !p.traceAll && !p.heldByLanguage(c) || p.a.OldHasWord(p.text[c.w.Lo:c.w.Hi]) {
			continue
		}
		kept = append(kept, *c)
	}
	p.cands = kept
}

// collectOld finds which of the words the judging asks about the lines
// the edit removed or changed have: the candidate-sized added words (for
// fresh) and the candidates' neighbours (midSentence). Only those are
// tabled, so the table stays small however much the edit removed.
func (p *prober) collectOld() {
	p.oldWords.reset(len(p.added) + 2*len(p.cands))
	for _, h := range p.added {
		p.oldWords.put(h)
	}
	for i := range p.cands {
		for _, k := range [2]int{p.cands[i].idx - 1, p.cands[i].idx + 1} {
			if k >= 0 && k < len(p.words) {
				p.oldWords.put(wordHash(p.text[p.words[k].Lo:p.words[k].Hi]))
			}
		}
	}
	p.oldAllDone = false
	p.removedWords(p.oldWords.bump)
}

// removedWords calls fn with the wordHash of every word of the lines the
// edit removed or changed.
func (p *prober) removedWords(fn func(h uint64)) {
	p.a.removedLines(func(line string) {
		for i := 0; i < len(line); {
			if c := line[i]; c < 0x80 && !asciiAlnum[c] || c >= 0x80 && !scanIsWordAt(line, i) {
				i++
				continue
			}
			j := i
			for j < len(line) && (line[j] >= 0x80 || asciiAlnum[line[j]]) {
				j++
			}
			fn(wordHash(line[i:j]))
			i = j
		}
	})
}

// asciiAlnum says which ASCII bytes are letters or digits (scanIsAlnum).
var asciiAlnum = func() (t [0x80]bool) {
	for c := range t {
		t[c] = scanIsAlnum(byte(c))
	}
	return t
}()

// wordHash is FNV-1a over w with ASCII letters lower-cased.
func wordHash(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c |= 0x20
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// oldHas reports whether the lines the edit removed or changed have a word
// of hash h.
func (p *prober) oldHas(h uint64) bool {
	if n, ok := p.oldWords.lookup(h); ok {
		return n > 0
	}
	// A word collectOld did not table: table them all.
	if !p.oldAllDone {
		p.oldAllDone = true
		p.oldAll.reset(0)
		p.removedWords(func(h uint64) { p.oldAll.add(h) })
	}
	return p.oldAll.has(h)
}

// occurrences counts the candidate-sized added words with hash h.
func (p *prober) occurrences(h uint64) int { return int(p.addedCount.count(h)) }

// hashCounts counts word hashes (wordHash) in an open-addressed table that
// keeps its memory from one use to the next: cheaper than sorting them and
// searching the sorted slice, which Probe did for every edit. A slot is in
// use only when it carries the table's current generation, so emptying the
// table costs nothing.
type hashCounts struct {
	slots []hashSlot
	gen   uint32
	n     int // keys in the table
}

type hashSlot struct {
	key   uint64
	count int32
	gen   uint32
}

// reset empties the table, sized for at least hint keys. It uses as little
// of the memory it has as will do: a small table stays in the cache.
func (t *hashCounts) reset(hint int) {
	size := 64
	for size < 2*hint {
		size *= 2
	}
	t.n = 0
	if cap(t.slots) < size || cap(t.slots) > 1<<16 && cap(t.slots) > 16*size {
		t.slots, t.gen = make([]hashSlot, size), 1
		return
	}
	t.slots = t.slots[:size]
	if t.gen++; t.gen == 0 {
		clear(t.slots[:cap(t.slots)])
		t.gen = 1
	}
}

// slot returns where h is or would go.
func (t *hashCounts) slot(h uint64) *hashSlot {
	mask := len(t.slots) - 1
	i := int((h*0x9E3779B97F4A7C15)>>32) & mask
	for {
		s := &t.slots[i]
		if s.gen != t.gen || s.key == h {
			return s
		}
		i = (i + 1) & mask
	}
}

// add counts h once more and returns its count.
func (t *hashCounts) add(h uint64) int32 {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	s := t.slot(h)
	if s.gen != t.gen {
		*s = hashSlot{key: h, gen: t.gen}
		t.n++
	}
	s.count++
	return s.count
}

// put tables h with a count of 0 unless it is in the table.
func (t *hashCounts) put(h uint64) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	if s := t.slot(h); s.gen != t.gen {
		*s = hashSlot{key: h, gen: t.gen}
		t.n++
	}
}

// bump counts h once more if it is in the table.
func (t *hashCounts) bump(h uint64) {
	if s := t.slot(h); s.gen == t.gen {
		s.count++
	}
}

// lookup returns h's count and whether it is in the table.
func (t *hashCounts) lookup(h uint64) (int32, bool) {
	if t.n == 0 {
		return 0, false
	}
	if s := t.slot(h); s.gen == t.gen {
		return s.count, true
	}
	return 0, false
}

// count returns how many times h was added.
func (t *hashCounts) count(h uint64) int32 {
	n, _ := t.lookup(h)
	return n
}

func (t *hashCounts) has(h uint64) bool { return t.count(h) > 0 }

// grow doubles the table, keeping its counts.
func (t *hashCounts) grow() {
	old, gen := t.slots, t.gen
	t.slots, t.gen = make([]hashSlot, max(64, 2*len(old))), 1
	for _, s := range old {
		if s.gen == gen {
			*t.slot(s.key) = hashSlot{key: s.key, count: s.count, gen: 1}
		}
	}
}

// capsCodeSplit reports whether w, capitals and digits in three runs or
// more (a part number's shape, isIdentShape), splits an identifier or a
// path of the code around it in two (codeSplit) and is used nowhere else
// in the text: no code spaces a part number into a name, and a number the
// code deals in comes again.
func (p *prober) capsCodeSplit(mode codeMode, w scanWord, sh alnumShape) bool {
	return mode == codeSplit && sh.lower == 0 && sh.parts >= 3 && p.usedOnce(w.Lo, w.Hi)
}

// probePostMinLetters is the least letters a word of one case (no digits)
// has to be judged in a post: shorter ones are commands, daemons,
// abbreviations and handles far more often than tokens ("nfsd", "zgrep",
// "mssql", "krhm").
const probePostMinLetters = 6

// codeMode is how a word in code (a code span or block, <code>, <pre>) is
// judged. Code is full of identifiers that look random letter by letter,
// but a botnet's token lands in code too, and mail and misformatted posts
// indent prose as Markdown indents code.
type codeMode uint8

const (
	codeNone    codeMode = iota // not in code
	codeSkip                    // code among code: not judged
	codeProse                   // prose set as code: judged as prose, a little against
	codeBlatant                 // alone in code: judged only when its shape is blatant
	codeStray                   // in code but standing apart from it (strayInCode): judged by its shape
	codeSplit                   // splitting an identifier of the code in two (splitsCode): judged as a word
	codeStrict                  // lower-case letters standing apart from the code, blatantly random (strictInCode)
)

// strictCodeBits is how many bits worse than random letters the letter
// model must find a lower-case word in code before it is judged at all
// (codeStrict): real code's lower-case names are words, abbreviations and
// programs' names, which the model finds no worse than random letters.
const strictCodeBits = 10.0

// strictInCode reports whether words[i], lower-case letters in code, stands
// apart from that code as a planted token does: spaces on both sides (no
// quote, dot, bracket, operator or dash joins it to the code), six to
// twenty letters (longer runs are keys, as longer mixes are), no
// assignment or label beside it (operandAt), the only use
// of its letters in the text and its title, not one of a column of
// one-word lines nor the first cell of a table's row ("pylzqma    0.5.0"
// in a package list), and no other word of its line of the same random kind
// (randomCompany). A program's own names are joined to its code or used
// again: defined and called, imported and used.
func (p *prober) strictInCode(i int) bool {
	w := p.words[i]
	if w.Flags&(wUpperFirst|wUpperInner|wDigit|wJoined|wDiacritic|wNonLatin|wCode) != 0 || w.Hi-w.Lo < probeCodeMinChars || w.Hi-w.Lo > probeMaxAlnum {
		return false
	}
	t := p.text
	if w.Lo > 0 && !isBlank(t[w.Lo-1]) || w.Hi < len(t) && !isBlank(t[w.Hi]) {
		return false
	}
	if operandAt(t, w.Lo, w.Hi) {
		return false
	}
	word := lowerASCII(t[w.Lo:w.Hi]) // IndexFold's needle is lower case
	if textview.IndexFold(t[w.Hi:], word) >= 0 || textview.IndexFold(t[:w.Lo], word) >= 0 || textview.ContainsFold(p.edit0.Title, word) {
		return false
	}
	if p.inColumn(w) || (i == 0 || p.words[i-1].Line != w.Line) && cellGap(t[w.Hi:]) && !indentedAlone(t, w.Lo) {
		return false // a column's first cell: a list of packages, an environment's settings
	}
	return !p.lineHas(i, p.randomCompany)
}

// amidSyntax reports whether words[i], on a line of code, sits in a
// program's syntax rather than among a command's words: set a blank from
// punctuation, a number or an identifier on one side at least ("from
// .arrow_dataset kqzvwxtr import", "99  kqzvwxtr   if x(", "open(f,
// kqzvwxtr 'w')"). A command's arguments are plain words a blank apart
// ("pip install ipyvuetify jupyterlab", "npm i --save ipyvuetify"): names
// of packages, however random their letters.
func (p *prober) amidSyntax(i int) bool {
	w := p.words[i]
	t := p.text
	lo := strings.LastIndexByte(t[:w.Lo], '\n') + 1
	hi := w.Hi + strings.IndexByte(t[w.Hi:]+"\n", '\n')
	side := func(k, j int) bool {
		switch {
		case k < lo || k >= hi || t[k] == '\r':
			return false // the line's edge
		case j >= 0 && j < len(p.words) && p.words[j].Line == w.Line && k >= p.words[j].Lo && k < p.words[j].Hi:
			return p.words[j].Flags&(wCode|wDigit|wUpperInner) != 0
		case t[k] >= '0' && t[k] <= '9':
			return true // a number
		case scanIsAlnum(t[k]):
			return false // letters the reader takes for no word: an option's ("-U")
		}
		return t[k] != '-' // an operator, a quote, a bracket; not an option's dash
	}
	k := w.Lo - 1
	for k >= lo && isBlank(t[k]) {
		k--
	}
	m := w.Hi
	for m < hi && isBlank(t[m]) {
		m++
	}
	return side(k, i-1) || side(m, i+1)
}

// cellGap reports whether rest, what follows a word, opens with the gap
// between two cells of a row: two blanks or a tab.
func cellGap(rest string) bool {
	return strings.HasPrefix(rest, "  ") || strings.HasPrefix(rest, " \t") || strings.HasPrefix(rest, "\t")
}

// indentedAlone reports whether the word at t[lo:] opens its line after
// blanks, and the lines either side (past blank ones) open with no cell of
// a row (cellGap after their first run of characters): a word pushed into a
// line's indentation, not the first cell of an indented table, whose other
// rows are cells too.
func indentedAlone(t string, lo int) bool {
	start := strings.LastIndexByte(t[:lo], '\n') + 1
	if start == lo {
		return false // at the line's start: a table's first column
	}
	rowLike := func(line string) bool {
		line = strings.TrimLeft(line, " \t")
		k := strings.IndexAny(line, " \t")
		return k > 0 && cellGap(line[k:])
	}
	// The nearest non-blank line before and after.
	for end := start - 1; end > 0; {
		b := strings.LastIndexByte(t[:end], '\n') + 1
		if line := strings.TrimRight(t[b:end], "\r"); strings.TrimSpace(line) != "" {
			if rowLike(line) {
				return false
			}
			break
		}
		end = b - 1
	}
	for b := lo + strings.IndexByte(t[lo:]+"\n", '\n') + 1; b < len(t); {
		e := b + strings.IndexByte(t[b:]+"\n", '\n')
		if line := strings.TrimRight(t[b:e], "\r"); strings.TrimSpace(line) != "" {
			return !rowLike(line)
		}
		b = e + 1
	}
	return true
}

// randomCompany reports whether words[j] is lower-case letters of the kind
// a word standing apart in code would be judged as (strictInCode): six or
// more, in no dictionary, strictCodeBits worse than random letters to the
// letter model. A line of such words is a list of keys, ids or names, not
// code a token was slipped into.
func (p *prober) randomCompany(j int) bool {
	v := p.words[j]
	if v.Flags&(wUpperFirst|wUpperInner|wDigit|wDiacritic|wNonLatin) != 0 || v.Hi-v.Lo < probeCodeMinChars {
		return false
	}
	w := p.text[v.Lo:v.Hi]
	return !p.isWord(w) && p.randomLetters(w, strictCodeBits)
}

// operandAt reports whether the nearest character on its line before
// t[lo:hi], past blanks, assigns or labels, or the nearest after it
// assigns: the word is a name the code defines or gives a value ("xs =
// f()", "key: value"). A label's colon is glued to its name ("key:"); one
// a blank after the word ends the label of the word before ("readme kqzvt
// : 100%").
func operandAt(t string, lo, hi int) bool {
	for i := lo - 1; i >= 0 && t[i] != '\n'; i-- {
		if t[i] != ' ' && t[i] != '\t' {
			if t[i] == '=' || t[i] == ':' {
				return true
			}
			break
		}
	}
	for i := hi; i < len(t) && t[i] != '\n' && t[i] != '\r'; i++ {
		if t[i] != ' ' && t[i] != '\t' {
			return t[i] == '=' || t[i] == ':' && i == hi
		}
	}
	return false
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// probeCodeMinChars is the least a word in code must have to be judged by
// its shape alone: a random mix of cases or of letters and digits this long
// is no identifier a programmer types.
const probeCodeMinChars = 6

// codeMode says how the word words[i], in code, is judged: not at all when
// its line reads as code or a word near it is code-like (a path, a dotted
// name, a key=value), unless it stands apart from that code as a planted
// token does (strayInCode); as prose when the words of the same code around
// it are words of a dictionary (a sentence in a code span, prose indented
// as a block); else only by a blatant shape.
func (p *prober) codeMode(i int) codeMode {
	w := p.words[i]
	if p.splitsCode(w) || p.juxtaposed(i) || p.betweenOperands(i) {
		return codeSplit
	}
	if p.sentenceInCode(i) {
		return codeProse
	}
	if w.Flags&cCodeLine != 0 {
		if p.strayInCode(i) {
			return codeStray
		}
		return codeSkip
	}
	n, known := 0, 0
	for j := max(0, i-4); j <= i+4 && j < len(p.words); j++ {
		v := p.words[j]
		if j == i || v.Line != w.Line {
			continue
		}
		if v.Flags&(wCode|cCodeLine) != 0 && j >= i-3 && j <= i+3 {
			if p.strayInCode(i) {
				return codeStray
			}
			return codeSkip
		}
		if v.Flags&cCode == 0 || v.Flags&(wUpperInner|wDigit|wNonLatin) != 0 || v.Hi-v.Lo < 2 {
			continue
		}
		n++
		if p.isWord(p.text[v.Lo:v.Hi]) {
			known++
		}
	}
	if known >= 3 && known*3 >= n*2 {
		return codeProse
	}
	return codeBlatant
}

// splitsCode reports whether w, in code, sits a space from an identifier's
// inner punctuation on either side ("load_ kq3zt9 dataset", "/usr/local/
// kq3zt9 lib", "np kq3zt9 .ndarray"): a word slipped into an identifier or
// a path, which no programmer spaces apart. Outside code an underscore is
// Markdown's emphasis and a full stop ends a sentence: only code counts.
func (p *prober) splitsCode(w scanWord) bool {
	if w.Flags&(cCode|cCodeLine) == 0 {
		return false
	}
	t := p.text
	lo, hi := w.Lo, w.Hi
	if lo >= 3 && t[lo-1] == ' ' && strings.IndexByte("_./\\", t[lo-2]) >= 0 && scanIsAlnum(t[lo-3]) ||
		hi+2 < len(t) && t[hi] == ' ' && (t[hi+1] == '_' || t[hi+1] == '.') && scanIsAlnum(t[hi+2]) {
		return true
	}
	// A path's piece a space after it, the path going on before it
	// ("/home/user kq3zt9 /lib/python3.8", "site kq3zt9 -packages/"): a
	// path holds no blank. An argument before a path ("--out_dir kq3zt9
	// /tmp") has none before it.
	if hi+2 < len(t) && (t[hi+1] == '/' || t[hi+1] == '\\' || t[hi+1] == '-') && (scanIsAlnum(t[hi+2]) || t[hi+2] == '.') && splitsPath(t, lo, hi) {
		return true // "/home/user kq3zt9 /.cache/pip" too: a hidden folder
	}
	// A code span's own backtick a space away ("` kq3zt9 load_dataset`"):
	// a span holds its code from its first character to its last. Not a
	// fence's, whose info string may follow a space ("``` python").
	if lo >= 2 && t[lo-1] == ' ' && t[lo-2] == '`' || hi+1 < len(t) && t[hi] == ' ' && t[hi+1] == '`' {
		i := strings.LastIndexByte(t[:lo], '\n') + 1
		for i < lo && (t[i] == ' ' || t[i] == '\t') {
			i++
		}
		return !strings.HasPrefix(t[i:], "```") && !strings.HasPrefix(t[i:], "~~~")
	}
	return false
}

// splitsNumber reports whether t[lo:hi] sits a space after a digit and a
// space before a decimal point and its digits ("Python 3 kq3zt9 .12",
// "pyarrow 14 kq3zt9 .0.0"): a word slipped into a number or a version,
// which no writer spaces apart, in prose as in code.
func splitsNumber(t string, lo, hi int) bool {
	return lo >= 2 && t[lo-1] == ' ' && digitAt(t, lo-2) && hi+2 < len(t) && t[hi] == ' ' && t[hi+1] == '.' && digitAt(t, hi+2)
}

// splitsName reports whether t[lo:hi], in prose, sits a space from the
// inner punctuation of a name, a version or a path on either side, as a
// word slipped into one does ("cache kq3zt9 _dir", "Linux- kq3zt9 5.4.0",
// "2.6. kq3zt9 1", "utils.py kq3zt9 :634"). Prose spaces none of these
// apart: an underscore opening a word after a space is emphasis only when
// another closes it on the line (emphasisAfter), a hyphen closing a word
// before a space is a suspended compound's ("pre- and post-"), whose
// second word follows after a conjunction, not a number or a name, a dot
// after a number's digits closes a sentence, and a colon is set against
// the word before it.
func splitsName(t string, lo, hi int) bool {
	if lo < 3 || hi+2 >= len(t) || t[lo-1] != ' ' || t[hi] != ' ' {
		return false
	}
	next, after := t[hi+1], t[hi+2]
	switch {
	case next == '_' && scanIsAlnum(after) && !emphasisAfter(t[hi+2:]):
		return true // "cache kq3zt9 _dir", "pypi kq3zt9 _0"
	case next == ':' && digitAt(t, hi+2) && fileBefore(t[max(0, lo-1-pathReach):lo-1]):
		return true // "utils.py kq3zt9 :634": a file's line number
	case t[lo-2] == '.' && digitAt(t, lo-3) && digitAt(t, hi+1):
		return true // "2.6. kq3zt9 1": a version's pieces
	case (t[lo-2] == '-' || t[lo-2] == '_' || t[lo-2] == '/') && scanIsAlnum(t[lo-3]) && (scanIsAlnum(next) || next == '.') && isName(t[hi+1:]):
		return true // "Linux- kq3zt9 5.4.0", "ipykernel_ kq3zt9 19636"
	case t[lo-2] == '_' && scanIsAlnum(t[lo-3]) && scanIsAlnum(next) && snakeBefore(t[max(0, lo-2-pathReach):lo-2]):
		return true // "CLOCKS_PER_ kq3zt9 SEC", "add_to_ kq3zt9 list"
	}
	return false
}

// fileBefore reports whether t ends in a file's name or a path: its last
// run of characters up to a blank holds a dot, a slash or a backslash
// between letters or digits, and ends in a letter or a digit ("utils.py").
func fileBefore(t string) bool { return runBefore(t, "./\\") }

// snakeBefore reports whether t ends in a snake_case name's pieces: its
// last run of characters up to a blank holds an underscore between letters
// or digits and opens with none, as emphasis does ("CLOCKS_PER", "add_to").
func snakeBefore(t string) bool {
	lo := strings.LastIndexAny(t, " \t\n") + 1
	run := t[lo:]
	if run == "" || run[0] == '_' {
		return false
	}
	for i := 1; i+1 < len(run); i++ {
		if run[i] == '_' && scanIsAlnum(run[i-1]) && scanIsAlnum(run[i+1]) {
			return true
		}
	}
	return false
}

// isName reports whether t opens with a run of letters, digits and name
// punctuation holding a digit or inner punctuation ("5.4.0", "i386-64bit",
// "x86_64"): a name or a version going on, not a word of prose.
func isName(t string) bool {
	digit, inner := false, false
	for i := 0; i < len(t) && !isBlank(t[i]); i++ {
		c := t[i]
		switch {
		case c >= '0' && c <= '9':
			digit = true
		case scanIsAlnum(c):
		case strings.IndexByte("._-/\\", c) >= 0 && i+1 < len(t) && scanIsAlnum(t[i+1]) && i > 0:
			inner = true
		default:
			return digit || inner
		}
	}
	return digit || inner
}

// emphasisAfter reports whether t, what follows a word's opening
// underscore, has on its line an underscore closing an emphasis: one
// after a letter or digit and before a blank or punctuation ("_No
// response_"). It looks no further than pathReach, which keeps a long
// line of such words from costing its length for each.
func emphasisAfter(t string) bool {
	for i := 1; i < len(t) && i < pathReach && t[i] != '\n'; i++ {
		if t[i] == '_' && scanIsAlnum(t[i-1]) && (i+1 == len(t) || !scanIsAlnum(t[i+1])) {
			return true
		}
	}
	return false
}

// pathBefore reports whether t ends in a piece of a path: its last run of
// characters up to a blank or a quote holds a slash or a backslash after a
// letter or a digit, and ends in a letter or a digit.
func pathBefore(t string) bool { return runBefore(t, "/\\") }

// runBefore reports whether t ends in a letter or a digit and its last run
// of characters up to a blank, a quote or "=" holds one of seps after a
// letter or a digit.
func runBefore(t, seps string) bool {
	if t == "" || !scanIsAlnum(t[len(t)-1]) {
		return false
	}
	lo := strings.LastIndexAny(t, " \t\n\"'=") + 1
	k := strings.LastIndexAny(t[lo:], seps)
	return k > 0 && scanIsAlnum(t[lo+k-1])
}

// pathAfter reports whether t opens with the rest of a path: its first run
// of characters up to a blank holds a slash or a backslash after its first
// character ("/lib/python3.8", "-packages/datasets").
func pathAfter(t string) bool {
	if k := strings.IndexAny(t, " \t\r\n\"'"); k >= 0 {
		t = t[:k]
	}
	return len(t) > 1 && strings.ContainsAny(t[1:], "/\\")
}

// pathReach is how far pathBefore and pathAfter look for a path's pieces.
const pathReach = 256

// juxtaposed reports whether words[i], lower-case letters in code, stands
// a space from code on both sides with nothing to join it to either: no
// operator, comma or keyword, no word of a language ("= kqztvx
// indices.column(0)", "'ax' kqztvx )"). Code puts an operator or a
// keyword between two names.
func (p *prober) juxtaposed(i int) bool {
	w := p.words[i]
	if w.Flags&(wDigit|wUpperFirst|wUpperInner|wNonLatin|wDiacritic|wJoined|wCode) != 0 || w.Hi-w.Lo < probeCodeMinChars {
		return false
	}
	t := p.text
	if w.Lo < 2 || w.Hi+1 >= len(t) || t[w.Lo-1] != ' ' || t[w.Hi] != ' ' {
		return false
	}
	end, start := t[w.Lo-2], t[w.Hi+1]
	endCode, startCode := strings.IndexByte("_)]\"'", end) >= 0, strings.IndexByte("_([\"'", start) >= 0
	if !scanIsAlnum(end) && !endCode || !scanIsAlnum(start) && !startCode {
		return false
	}
	code := endCode || startCode
	for _, j := range [2]int{i - 1, i + 1} {
		if j < 0 || j >= len(p.words) || p.words[j].Line != w.Line {
			continue
		}
		if v := p.words[j]; v.Hi == w.Lo-1 || v.Lo == w.Hi+1 {
			if p.isWord(t[v.Lo:v.Hi]) {
				return false // a keyword, a command, a word of a message
			}
			code = code || v.Flags&(wCode|wDigit|wUpperInner) != 0
		}
	}
	// Between two plain words no code joins it to either: a line of
	// words, a command's arguments.
	return code
}

// betweenOperands reports whether words[i], a word in code (letters, or
// letters and digits, in any case), a space from each side, sits where code
// has no place for a bare name: between an assignment and the expression it
// assigns ("ds = kqztvx load_dataset(...)", "= kqztvx torch.optim.Adam(...)"),
// between an expression and its assignment ("nli_data kqztvx = ...",
// "x["a"] kqztvx = ..."), or before a keyword argument or a key's colon
// ("f(x, kqztvx data_files=...)", "{"a" kqztvx : 1}"). A keyword there is a
// word of a language (lambda, await, new), which is no candidate; a name a
// declaration defines ("size_t bufsize = 0", "std::string fname =") is used
// again, so the word must be the only use of its letters in the text and
// its title.
func (p *prober) betweenOperands(i int) bool {
	w := p.words[i]
	if w.Flags&(wNonLatin|wDiacritic|wJoined|wCode) != 0 || w.Hi-w.Lo < probeCodeMinChars {
		return false
	}
	t := p.text
	if w.Lo < 3 || w.Hi+2 >= len(t) || t[w.Lo-1] != ' ' || t[w.Hi] != ' ' {
		return false
	}
	codeAt := func(j int) bool { return j >= 0 && j < len(p.words) && p.words[j].Line == w.Line }
	switch {
	case t[w.Lo-2] == '=' && strings.IndexByte(" =!<>", t[w.Lo-3]) >= 0:
		// After "x = ": the next word, joined to the word, is the
		// expression: a dotted or joined name, or a call.
		j := i + 1
		if !codeAt(j) || p.words[j].Lo != w.Hi+1 {
			return false
		}
		v := p.words[j]
		if v.Flags&wCode == 0 && !(v.Hi < len(t) && t[v.Hi] == '(') {
			return false
		}
	case t[w.Hi+1] == '=' && t[w.Hi+2] != '=':
		// Before " = ": an expression ends right before the word, not a
		// type or a keyword that declares it.
		switch end := t[w.Lo-2]; {
		case end == ']' || end == ')' || end == '"' || end == '\'':
		default:
			j := i - 1
			if !codeAt(j) || p.words[j].Hi != w.Lo-1 || p.words[j].Flags&wCode == 0 {
				return false
			}
			if v := t[p.words[j].Lo:p.words[j].Hi]; strings.HasSuffix(v, "_t") || strings.Contains(v, "::") {
				return false // a C or C++ type: a declaration
			}
		}
	case t[w.Hi+1] == ':' && strings.IndexByte("\"')]", t[w.Lo-2]) >= 0:
		// A key's value after a quoted key or a call, before its colon
		// ("{"history" kqztvx : ...}").
	case t[w.Lo-2] == '(' || t[w.Lo-2] == ',':
		// An argument before a keyword argument ("f(x, kqztvx
		// data_files=...)"): no language puts a bare name there.
		j := i + 1
		if !codeAt(j) || p.words[j].Lo != w.Hi+1 || p.words[j].Hi >= len(t) || t[p.words[j].Hi] != '=' || p.words[j].Hi+1 < len(t) && t[p.words[j].Hi+1] == '=' {
			return false
		}
	default:
		return false
	}
	return p.usedOnce(w.Lo, w.Hi)
}

// sentenceInCode reports whether words[i], in code, sits in a sentence:
// the words right before and after it on its line, a space apart, are
// words of a dictionary, and so is a third within two words. A comment,
// an error message or a log line's text is prose set as code; a token
// slipped into it stands among words, as in prose.
func (p *prober) sentenceInCode(i int) bool {
	w := p.words[i]
	if w.Flags&(wCode|wJoined) != 0 {
		return false
	}
	known := 0
	for _, d := range [4]int{-1, 1, -2, 2} {
		j := i + d
		near := d == -1 || d == 1
		if j < 0 || j >= len(p.words) || p.words[j].Line != w.Line {
			if near {
				return false
			}
			continue
		}
		v, u := p.words[j], p.words[j-d/max(1, abs(d))]
		lo, hi := min(v.Hi, u.Hi), max(v.Lo, u.Lo)
		if v.Flags&(wCode|wUpperInner|wDigit|wNonLatin) != 0 || p.text[lo:hi] != " " || !p.isWord(p.text[v.Lo:v.Hi]) {
			if near {
				return false
			}
			continue
		}
		known++
	}
	return known >= 3
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// strayInCode reports whether words[i], on a line that reads as code,
// stands apart from the code around it as a planted token does: spaces on
// both sides (no quote, dot, bracket or operator joins it to the code), a
// random mix of cases or of letters and digits of probeCodeMinChars or more
// (four runs of letters, digits or cases at least), and no other word of
// that shape of strayCompanyChars or more on its line (a log line of ids, a list of keys). An
// identifier is joined to its code; a token slipped into code is not.
func (p *prober) strayInCode(i int) bool {
	w := p.words[i]
	if w.Flags&(wCode|wJoined|wNonLatin|wDiacritic) != 0 || p.afterLabel(i) {
		return false // "id: kq3Zt9Xb2", "hash: ...": a value the code names
	}
	t := p.text
	if w.Lo > 0 && t[w.Lo-1] != ' ' && t[w.Lo-1] != '\t' && t[w.Lo-1] != '\n' ||
		w.Hi < len(t) && t[w.Hi] != ' ' && t[w.Hi] != '\t' && t[w.Hi] != '\n' && t[w.Hi] != '\r' {
		return false
	}
	if w.Flags&(wDigit|wUpperInner) != 0 && !p.strayShape(t[w.Lo:w.Hi], probeCodeMinChars) && !digitLed(t[w.Lo:w.Hi]) && !p.aloneInCode(w) ||
		w.Flags&(wDigit|wUpperFirst|wUpperInner) == 0 && w.Hi-w.Lo < strayCompanyChars || w.Flags&wUpperFirst != 0 && w.Flags&(wDigit|wUpperInner) == 0 {
		return false
	}
	return !p.lineHas(i, p.strayCompany) && !p.inColumn(w)
}

// aloneInCode reports whether w, letters and digits or mixed cases of
// probeCodeMinChars or more, is alone on its line of code and the only use
// of its letters in the text and its title: no statement, log line or
// output is one such word that nothing defines or uses ("wskqzx3" between
// two lines of a snippet). A program's name alone on a line is judged by
// its letters still ("python3"), a column of names is no stray (inColumn).
func (p *prober) aloneInCode(w scanWord) bool {
	return w.Hi-w.Lo >= probeCodeMinChars && w.Hi-w.Lo <= probeMaxAlnum && lineEdge(p.text, w.Lo, w.Hi, true) && lineEdge(p.text, w.Lo, w.Hi, false) &&
		p.usedOnce(w.Lo, w.Hi)
}

// inColumn reports whether w is alone on its line and the line above or
// below holds one word too: a column of names ("wmt14", "qa4mre",
// "lm1b"), where each name is its own line's company. A word of the
// language alone on its line ("Thanks", a shell's "bash") is a sentence or
// a command, no name of a column.
func (p *prober) inColumn(w scanWord) bool {
	t := p.text
	lo := strings.LastIndexByte(t[:w.Lo], '\n') + 1
	hi := w.Hi + strings.IndexByte(t[w.Hi:]+"\n", '\n')
	if strings.TrimSpace(t[lo:w.Lo]) != "" || strings.TrimSpace(t[w.Hi:hi]) != "" {
		return false
	}
	oneWord := func(line string) bool {
		line = strings.TrimSpace(line)
		letters := 0
		for k := 0; k < len(line); k++ {
			switch c := line[k]; {
			case c|0x20 >= 'a' && c|0x20 <= 'z':
				letters++
			case c >= '0' && c <= '9', c == '_', c == '-', c == '.':
			default:
				return false
			}
		}
		return letters >= 2 && !p.isWord(line)
	}
	if lo > 0 && oneWord(t[strings.LastIndexByte(t[:lo-1], '\n')+1:lo-1]) {
		return true
	}
	return hi < len(t) && oneWord(t[hi+1:hi+1+strings.IndexByte(t[hi+1:]+"\n", '\n')])
}

// strayCompany reports whether words[j] is an id of the kind a stray word
// would be one of: letters and digits or cases drawn at random, nothing
// else in it. A path, a dotted name, a time or a constant in capitals
// ("HF_HUB_CACHE", "12:04:01", "asyncio.TimeoutError") is the code's
// own, not a second id of the line.
func (p *prober) strayCompany(j int) bool { return p.strayCompanyOf(j, strayCompanyChars) }

// strayCompanyOf is strayCompany for words of least characters or more.
func (p *prober) strayCompanyOf(j, least int) bool {
	v := p.words[j]
	w := p.text[v.Lo:v.Hi]
	if hexPrefixed(w) {
		return false // an address a program prints ("<Foo object at 0x7f3a...>"): a number, no id
	}
	if p.wordTailName(w) {
		return false // "LibsndfileError": a class named for what it is, no id
	}
	for k := 0; k < len(w); k++ {
		if !scanIsAlnum(w[k]) {
			return false
		}
	}
	return p.strayShape(w, least)
}

// wordTailName reports whether w is a name of two humps, a capital
// opening each, whose second is a word of four letters or more
// ("LibsndfileError", "QuuxConfig"): a program's class or type named for
// what it is, however odd the name before it.
func (p *prober) wordTailName(w string) bool {
	if len(w) < 6 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	k := -1
	for i := 1; i < len(w); i++ {
		switch c := w[i]; {
		case c >= 'A' && c <= 'Z':
			if k >= 0 || w[i-1] < 'a' || w[i-1] > 'z' {
				return false
			}
			k = i
		case c < 'a' || c > 'z':
			return false
		}
	}
	return k > 0 && len(w)-k >= 4 && p.isWord(w[k:])
}

// strayAlone reports whether words[i], standing apart in code
// (strayInCode), is the text's only word shaped as a random draw of cases
// or of letters and digits (strayShape): code whose ids look random names
// several, in its keys, hashes and log lines; a planted token is alone.
func (p *prober) strayAlone(i int) bool {
	for j, v := range p.words {
		if j == i || v.Flags&(wDigit|wUpperInner) == 0 || v.Hi-v.Lo < probeCodeMinChars {
			continue
		}
		if p.strayCompanyOf(j, probeCodeMinChars) {
			return false
		}
	}
	return true
}

// strayCompanyChars is the least characters another word of the line must
// have to make a stray-looking word one of a kind of the line's (ids,
// keys, hashes).
const strayCompanyChars = 8

// strayShape reports whether w, of least characters or more, is shaped as
// a random draw of cases (three switches at least, humps that are no
// words) or of letters and digits (strayInCode).
func (p *prober) strayShape(w string, least int) bool {
	sh := shapeOf(w)
	if sh.n < least || sh.n > probeMaxAlnum || sh.letters < 2 || isHex(w) {
		return false
	}
	if sh.digits == 0 {
		// Mixed case: not humps of words ("IterableDataset", "useState"),
		// and three switches of case, or fewer where the word's case is no
		// name's and no hump of it is a word ("nfnavX", "TMPucU"). Company
		// of its kind (strayCompany) takes three.
		// A name's case ("nVidia", "QWidget", "eNodeB") with letters the
		// model finds blatantly random ("TMPucU", "iBNszo") is no name's.
		return sh.upper > 0 && sh.lower > 0 && !p.camelIdent(w) && (sh.caseSwaps >= 3 ||
			least < strayCompanyChars && !p.humpWord(w) && (!sh.nameLike || p.randomLetters(w, strayCaseBits)))
	}
	if sh.nameLike {
		return false
	}
	// Four runs of letters, digits or cases; or, from eight characters,
	// digits between two runs of letters ("l8kbrkip", "ytgazc0ty"): a
	// program's names put their digits last ("python38", "bfloat16"),
	// after letters that read as a name, which a random draw's do not
	// ("jsiwwq3", "ekwnr6"; not "ubuntu22", "cudnn8").
	return sh.parts+sh.caseSwaps >= 4 || sh.parts == 3 && sh.n >= least && !digitAt(w, 0) && !digitAt(w, len(w)-1) ||
		least < strayCompanyChars && sh.parts == 2 && sh.letters >= 4 && !digitAt(w, 0) && p.randomLetters(w[:sh.letters], strayCaseBits) && !p.softLike(w[:sh.letters])
}

// strayCaseBits is how many bits worse than random letters the letter
// model must find a mixed-case word of a name's shape, or the letters
// before a number's digits, before it stands apart in code as a random
// draw does (strayShape): real names of those shapes ("gNodeB", "jQuery",
// "BibTeX", "ubuntu22", "cudnn8") stay under it.
const strayCaseBits = 14.0

// randomLetters reports whether the letter model finds w's letters, case
// folded, at least least bits worse than uniformly random letters.
func (p *prober) randomLetters(w string, least float64) bool {
	var ok bool
	if p.scratchSym, ok = foldWord(p.scratchSym[:0], w); !ok {
		return false
	}
	return p.m.bits(p.scratchSym)-float64(len(p.scratchSym))*log2Letters >= least
}

// digitLed reports whether w opens with a digit and goes on in letters
// that are no number's unit, no hexadecimal and no ordinal: no language
// names a variable so, and a number's units ("100ms", "1080p", "4x4"),
// hashes and versions are shaped otherwise (isIdentShape). "9qCPGN",
// "028iwet", "3cpaoqh".
func digitLed(w string) bool {
	if w == "" || !digitAt(w, 0) {
		return false
	}
	sh := shapeOf(w)
	return sh.n >= probeCodeMinChars && sh.n <= probeMaxAlnum && sh.letters >= 3 && !isHex(w) && !isIdentShape(w, sh)
}

// lineHas reports whether another word of word i's line satisfies f.
func (p *prober) lineHas(i int, f func(j int) bool) bool {
	line := p.words[i].Line
	for j := i - 1; j >= 0 && p.words[j].Line == line; j-- {
		if f(j) {
			return true
		}
	}
	for j := i + 1; j < len(p.words) && p.words[j].Line == line; j++ {
		if f(j) {
			return true
		}
	}
	return false
}

// humpWord reports whether the humps of the mixed-case word w (from a
// capital to the next) of three letters or more that are words hold half
// its letters at least ("useState", "PyTorch"). A random draw of both cases
// often holds a short word by chance ("HaeDNsi"); a name built of words is
// mostly those words.
func (p *prober) humpWord(w string) bool {
	inWords := 0
	for i := 0; i < len(w); {
		j := i + 1
		for j < len(w) && !(w[j] >= 'A' && w[j] <= 'Z') {
			j++
		}
		if j-i >= 3 && p.isWord(w[i:j]) {
			inWords += j - i
		}
		i = j
	}
	return inWords > 0 && 2*inWords >= len(w)
}

func digitAt(w string, i int) bool { return w[i] >= '0' && w[i] <= '9' }

// singleName reports whether w is the whole value of a name attribute
// (<ref name="kqzj">): an identifier an editor chose, not text.
func (p *prober) singleName(w scanWord) bool {
	t := p.text
	before, after := byte(0), byte(0)
	if w.Lo > 0 {
		before = t[w.Lo-1]
	}
	if w.Hi < len(t) {
		after = t[w.Hi]
	}
	open := before == '"' || before == '\'' || before == '='
	end := after == '"' || after == '\'' || after == '>' || after == '/' || after == ' ' && before == '='
	return open && end
}

// afterLabel reports whether the word before words[i] on its line labels an
// identifier: "ISBN 0-19...", "OCLC 12345", "No. 5b", "catalogue SRCD3".
func (p *prober) afterLabel(i int) bool {
	if i == 0 || p.words[i-1].Line != p.words[i].Line {
		return false
	}
	w := p.words[i-1]
	if p.words[i].Lo-w.Hi > 3 {
		return false
	}
	label := p.text[w.Lo:w.Hi]
	if !identLabels[lowerASCII(label)] || p.valueAfter(p.words[i].Hi) {
		return false
	}
	// "ISBN 0...", "No. 5", "id: x7": a capital or punctuation makes it a label.
	if label[0] >= 'A' && label[0] <= 'Z' {
		return true
	}
	gap := p.text[w.Hi:p.words[i].Lo]
	if strings.ContainsAny(gap, "\r\n") {
		return false // a label's value is on its line ("version.\r v4gtbp" ends one)
	}
	// A full stop marks an abbreviation ("No. 5", "cat. 12"); after a
	// whole word it ends a sentence ("bumps the version. v4gtbp").
	return strings.ContainsAny(gap, ":#=") || strings.Contains(gap, ".") && abbrevLabels[lowerASCII(label)]
}

// valueAfter reports whether a version or a decimal number follows
// text[hi:] a blank away ("version: X 12.0.0"): the label's value is that
// number, and the word between is none of it.
func (p *prober) valueAfter(hi int) bool {
	t := p.text
	if hi+1 >= len(t) || t[hi] != ' ' || !digitAt(t, hi+1) {
		return false
	}
	for k := hi + 1; k+1 < len(t) && !isBlank(t[k]); k++ {
		if t[k] == '.' && digitAt(t, k-1) && digitAt(t, k+1) {
			return true
		}
	}
	return false
}

// abbrevLabels are the identLabels a full stop shortens.
var abbrevLabels = map[string]bool{"no": true, "nr": true, "nos": true, "cat": true, "art": true, "ref": true, "reg": true, "ver": true}

var identLabels = map[string]bool{
	"isbn": true, "issn": true, "oclc": true, "pmid": true, "pmc": true, "doi": true, "arxiv": true, "bibcode": true,
	"lccn": true, "asin": true, "id": true, "no": true, "nr": true, "nos": true, "cat": true, "catalog": true,
	"catalogue": true, "art": true, "ref": true, "code": true, "callsign": true, "reg": true, "model": true,
	"part": true, "serial": true, "hash": true, "sha": true, "md5": true, "uuid": true, "version": true, "ver": true,
	"jstor": true, "hdl": true, "zbl": true, "mr": true, "osti": true, "ssrn": true, "isni": true, "orcid": true,
	"sku": true, "upc": true, "ean": true, "imo": true, "mmsi": true, "icao": true, "iata": true, "rfc": true,
}

// nameWord reports whether w, a word the reader found code-like only
// because "=" follows it, is a word of a name of several words ("|title
// munrkduqk=", "<ref name honjtcji=", "?option hxqhjkuaw=") or the last
// word of a heading written without spaces ("==Etymology jHBFSeuXE=="). A
// parameter's or attribute's name of one word ("|accessdate=") stays an
// identifier; a real name of several words ("bevolking as of") holds real
// words, which are judged as such.
func (p *prober) nameWord(w scanWord) bool {
	t := p.text
	if w.Hi >= len(t) || t[w.Hi] != '=' || strings.ContainsAny(t[w.Lo:w.Hi], "._/@:") {
		return false
	}
	if w.Hi+1 < len(t) && t[w.Hi+1] == '=' || w.Flags&cHeading != 0 {
		return true // "==Media xodgyddy===": a heading's end, never a key's
	}
	// A word, then spaces, then this word.
	i := w.Lo
	for i > 0 && (t[i-1] == ' ' || t[i-1] == '\t') {
		i--
	}
	if i == w.Lo || i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// countRivals counts the distinct candidates of the text (rivalWords).
func (p *prober) countRivals() int {
	n := 0
	for i := range p.cands {
		dup := false
		for j := 0; j < i && !dup; j++ {
			dup = p.cands[j].hash == p.cands[i].hash
		}
		if !dup {
			n++
		}
	}
	return n
}
