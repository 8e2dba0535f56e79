package detectors

import "strings"

// What a sentence makes of a word: a word mentioned rather than used, or a
// name by its syntactic role. Writers about languages discuss words as
// words: a constructed language's coinage or a French word in an English
// post sits alone in quotes, italics, bold or a code span, or is glossed
// ("the word vleskor", "vleskor means to walk", "vleskor (meaning ...)").
// Technical writers name a program once in prose by its role: a whole item
// of a list of names ("qiskit, cirq and pyQuil"), a possessive ("qiskit's
// transpiler"), the name before its kind ("the qiskit package"), after a
// verb or preposition of using one ("using qiskit", "pip install qiskit",
// "in qiskit?", "from qiskit import"), or paired with another name and
// ending the phrase ("razor-report as well as dccproc for", "from cirq to
// qiskit and").
//
// A token planted at a random place between words lands in such a role
// seldom: it cannot be the whole content of a pair of delimiters, a whole
// item of a list or a possessive (it comes with a space on each side), and
// it lands before a kind of program or after a verb of using one only
// where the text already says one ("the package", "using the"). The first
// kind of evidence is therefore worth all the word's letters; the second,
// a name's worth of bits.

// Evidence weights, in bits.
const (
	bitsMentioned = -8.0 // a word as the whole of quotes or emphasis, or all its letters' evidence
	bitsListed    = -8.0 // a whole item of a list, or a possessive, or all its letters' evidence
	bitsGlossed   = -6.0 // a word of letters glossed or introduced as a word, plus the no-dictionary bits
	bitsNameRole  = -8.0 // letters before a kind of program or after a verb of using one, plus the no-dictionary bits
)

// nameKinds are the nouns a program's, a product's or a word's name stands
// before ("the qiskit package", "a gueuze brewery").
var nameKinds = map[string]bool{
	"library": true, "libraries": true, "package": true, "packages": true, "module": true, "modules": true,
	"framework": true, "frameworks": true, "plugin": true, "plugins": true, "extension": true, "extensions": true,
	"api": true, "apis": true, "toolkit": true, "sdk": true, "crate": true, "gem": true, "command": true,
	"binary": true, "compiler": true, "interpreter": true, "backend": true, "simulator": true, "driver": true,
	"repo": true, "repository": true, "distro": true, "codec": true, "protocol": true, "plug-in": true,
}

// nameDeterminers may stand before a name and its kind.
var nameDeterminers = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true,
	"its": true, "their": true, "our": true, "my": true, "your": true, "his": true, "her": true}

// usingVerbs are the verbs and prepositions a program's name follows
// ("using qiskit", "pip install nixpkgs", "a circuit in qiskit?", "with
// pyQuil but"); the name must end the verb's object or the phrase
// (nameRole).
var usingVerbs = map[string]bool{"using": true, "install": true, "installed": true, "installing": true,
	"import": true, "imported": true, "importing": true, "uninstall": true, "uninstalled": true,
	"via": true, "with": true, "in": true, "for": true}

// nameFollow are the words that may follow a program's name ending the
// object of a verb of using it.
var nameFollow = map[string]bool{"to": true, "for": true, "and": true, "but": true, "or": true, "in": true,
	"on": true, "with": true, "from": true, "as": true, "instead": true, "because": true, "so": true,
	"when": true, "since": true, "if": true, "is": true, "was": true,
	"version": true, "works": true, "fails": true}

// glossBefore are what introduces a word as a word ("the word vleskor").
var glossBefore = []string{"the word ", "the term ", "the verb ", "the noun ", "the adjective ", "the root ",
	"the suffix ", "the prefix ", "the particle ", "the spelling ", "the expression ", "le mot ", "the words "}

// glossAfter are what glosses a word ("vleskor means", "vleskor (meaning").
var glossAfter = []string{" means ", " meaning ", " (meaning", " (lit", " which means", " signifie",
	" veut dire", " is a word", " translates", " is the word", " is the verb", " is a verb", " is the noun",
	" is a noun", " is the term", " is the root"}

// entrySeps part a word from its gloss on a line of a word list
// ("vleskor: to walk", "vleskor = walk", "vleskor – to walk").
var entrySeps = []string{": ", " = ", " – ", " — "}

// mention returns the evidence of the role the sentence gives the word c,
// whose letters score llr: 0 when it gives none.
func (p *prober) mention(c *probeCandidate, llr float64) (probeTermKind, float64) {
	t := p.text
	lo, hi := c.w.Lo, c.w.Hi
	all := -llr - c.shapeBits()
	if c.w.Flags&(wUpperInner|cCode|cCodeLine|cPre|cList) == 0 && p.interlinear(lo) {
		// A word of an example a line below glosses word for word
		// (probe_mention_interlinear.go): another language's word,
		// written as its spelling writes words, in lower case or
		// capitalised, tone digits and all ("t5aytuhu"); capitals
		// inside it are no language's spelling. Glosses are prose, not
		// code, a log's lines or a list's items (a form's "- PyTorch
		// version (GPU?): 1.8.1" above "- Tensorflow version (GPU?): NA").
		return termMarkedForeign, min(bitsMentioned, all)
	}
	quoted := p.quotedWord(c)
	switch {
	case quoted && p.edit0.Format == FormatMarkdown,
		(quoted || p.emphasised(lo, hi)) && (p.mentionedElsewhere(lo) || glossedMarked(t, lo, hi)):
		// A post's word in quotes of its own is a word quoted; emphasis,
		// and a page's quotes (wikitext's italics are apostrophes), mark
		// a word discussed only where the text discusses others so: a
		// prober sets his one token in bold or italics too ("Following
		// this thread. **hifokuvapi**").
		return termItalic, min(bitsMentioned, all)
	case possessive(t, hi), listItem(t, lo, hi):
		return termPerson, min(bitsListed, all)
	}
	// Where the text says a word or a name comes, a token lands too (the
	// word "means" is also a noun, "the word" precedes the word): letters
	// only, and a name's worth of bits, which blatant draws outweigh. A
	// word discussed is lower-case or capitalised; a program's name may
	// be in any case ("pyQuil").
	f := c.w.Flags
	if f&wDigit != 0 {
		return termCount, 0
	}
	unknown, _ := c.term(termUnknown) // a word discussed or a name is in no dictionary
	switch {
	case f&wUpperInner == 0 && glossed(t, lo, hi):
		return termItalic, bitsGlossed - unknown
	case p.nameRole(lo, hi), p.pairedName(lo, hi):
		return termPerson, bitsNameRole - unknown
	}
	return termCount, 0
}

// pairCoordinators join a name to the name before it ("razor-report as
// well as dccproc", "cirq or qiskit", "from cirq to qiskit").
var pairCoordinators = []string{" and ", " or ", " as well as ", " vs ", " vs. ", " versus ", " nor "}

// pairFollow are the words that may follow the second of two names paired
// (pairedName), beside punctuation: its purpose or its use ("dccproc for
// those checks", "qiskit to simulate it"). Not the words that open a
// clause after "and" ("and so", "and if"): a token slipped in after
// "and" stands before them.
var pairFollow = map[string]bool{"for": true, "to": true, "version": true, "works": true, "fails": true}

// pairedName reports whether text[lo:hi] is the second of two names joined
// by a coordinator, the first a name by its shape (pairName), and ends the
// phrase: punctuation or a word of pairFollow after it. A token slipped in
// after the coordinator pushes the second name along ("Qt5 and xkqz
// widgets").
func (p *prober) pairedName(lo, hi int) bool {
	t := p.text
	if hi >= len(t) {
		return false
	}
	end := strings.IndexByte(".,;:!?)", t[hi]) >= 0
	next := ""
	if t[hi] == ' ' {
		next, _ = wordAfter(t, hi, "")
		next = strings.ToLower(next)
	}
	before := unwrapped(t[:lo])
	for _, co := range pairCoordinators {
		if b, ok := strings.CutSuffix(before, co); ok {
			return (end || pairFollow[next]) && p.pairName(b)
		}
	}
	// "from cirq to qiskit and": a move from one name to the other; a
	// token slipped in after "to" stands before the destination's word.
	if b, ok := strings.CutSuffix(before, " to "); ok && (end || nameFollow[next]) {
		name, at := nameBefore(b)
		return name != "" && strings.HasSuffix(strings.ToLower(b[:at]), " from ") && p.pairName(b)
	}
	return false
}

// unwrapped returns b with a line break that wraps a sentence at its end,
// and the quote marks of the line it opens ("as well as\n> "), read as
// the space it stands for.
func unwrapped(b string) string {
	k := len(b)
	for k > 0 && (b[k-1] == ' ' || b[k-1] == '>') {
		k--
	}
	if k > 1 && b[k-1] == '\n' && b[k-2] != '\n' {
		return strings.TrimRight(b[:k-1], " ") + " "
	}
	return b
}

// nameBefore returns the name (letters, digits, hyphens, dots and plus
// signs) ending b and where it starts.
func nameBefore(b string) (string, int) {
	k := len(b)
	for k > 0 && (scanIsAlnum(b[k-1]) || strings.IndexByte("-.+", b[k-1]) >= 0) {
		k--
	}
	return strings.Trim(b[k:], "-.+"), k
}

// pairName reports whether b ends with a name by its shape: two
// characters or more, neither a word of the page's language nor a
// number, with a hyphen, digits, an inner capital or capitals only
// ("razor-report", "Qt5", "pyQuil", "NTFS"), or in no dictionary
// ("cirq").
func (p *prober) pairName(b string) bool {
	name, at := nameBefore(b)
	if len(name) < 2 || at > 0 && b[at-1] != ' ' && b[at-1] != '(' {
		return false
	}
	letters, upper, digit, inner := 0, 0, false, false
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c >= '0' && c <= '9':
			digit = true
		case isASCIILetter(c):
			letters++
			if isUpper(c) {
				upper++
				inner = inner || i > 0
			}
		case c == '-':
			inner = true
		}
	}
	switch {
	case letters == 0:
		return false // a number
	case digit || inner || upper == letters && letters >= 2:
		return true
	}
	return !p.isWord(name) && !p.isWord(strings.ToLower(name))
}

// emphasised reports whether text[lo:hi] is the whole of an emphasis:
// Markdown's "*", "**", "_", "__" in a post, wikitext's bold (three
// apostrophes) on a page; italics the reader marks already.
func (p *prober) emphasised(lo, hi int) bool {
	t := p.text
	marks := []string{"**", "__", "*", "_"}
	if p.edit0.Format != FormatMarkdown {
		marks = []string{"'''"}
	}
	for _, m := range marks {
		if strings.HasSuffix(t[:lo], m) && strings.HasPrefix(t[hi:], m) {
			return true
		}
	}
	return false
}

// glossedMarked reports whether text[lo:hi], widened over the marks
// around it ("*vleskor*", "”'vleskor”'"), is glossed.
func glossedMarked(t string, lo, hi int) bool {
	for widened := true; widened; {
		widened = false
		for _, m := range mentionMarks {
			if strings.HasSuffix(t[:lo], m[0]) {
				lo, widened = lo-len(m[0]), true
			}
			if strings.HasPrefix(t[hi:], m[1]) {
				hi, widened = hi+len(m[1]), true
			}
		}
	}
	return glossed(t, lo, hi)
}

// mentionMarks are the delimiters a text sets a word apart with: emphasis
// of Markdown and wikitext (its italics and bold are apostrophes), and
// quotes.
var mentionMarks = append([][2]string{{"**", "**"}, {"__", "__"}, {"*", "*"}, {"_", "_"}}, quotePairs[:]...)

// mentionedElsewhere reports whether the text sets apart another word than
// the one at lo, alone between a pair of mentionMarks: a text that
// discusses words as words does so more than once.
func (p *prober) mentionedElsewhere(lo int) bool {
	t := p.text
	for _, m := range mentionMarks {
		for i := 0; ; {
			k := strings.Index(t[i:], m[0])
			if k < 0 {
				break
			}
			j := i + k + len(m[0])
			e := j
			for e < len(t) && (isLetter(t[e]) || t[e] >= 0x80 && !strings.HasPrefix(t[e:], m[1])) {
				e++
			}
			// A word of two letters or more, the marks at word
			// boundaries (not snake_case's underscores).
			if e-j > 1 && j != lo && strings.HasPrefix(t[e:], m[1]) &&
				(i+k == 0 || !scanIsAlnum(t[i+k-1])) &&
				(e+len(m[1]) >= len(t) || !scanIsAlnum(t[e+len(m[1])])) {
				return true
			}
			i = j
		}
	}
	return false
}

// glossed reports whether the text introduces text[lo:hi] as a word or
// glosses it.
func glossed(t string, lo, hi int) bool {
	before := strings.ToLower(t[max(0, lo-16):lo])
	for _, g := range glossBefore {
		if strings.HasSuffix(before, g) {
			return true
		}
	}
	after := t[hi:min(len(t), hi+16)]
	for _, g := range glossAfter {
		if strings.HasPrefix(after, g) {
			return true
		}
	}
	return entryWord(t, lo, hi)
}

// entryWord reports whether text[lo:hi] opens a line of a word list: the
// line's first word (after a list's bullet or number and emphasis marks),
// then a separator and a word of its gloss ("- *vleskor*: to walk").
// A token slipped into a line lands before its first word, not before
// the separator (a bullet's "-" is no separator here).
func entryWord(t string, lo, hi int) bool {
	ls, _ := lineAt(t, lo)
	head := strings.TrimLeft(t[ls:lo], " \t")
	head = strings.TrimLeft(head, "-+*0123456789.)")
	if strings.Trim(head, " *_'\"`") != "" {
		return false
	}
	rest := strings.TrimLeft(t[hi:], "*_'\"`")
	for _, sep := range entrySeps {
		if strings.HasPrefix(rest, sep) {
			rest = rest[len(sep):]
			return rest != "" && (scanIsAlnum(rest[0]) || rest[0] >= 0x80)
		}
	}
	return false
}

// possessive reports whether the word ending at hi takes "'s" ("qiskit's").
func possessive(t string, hi int) bool {
	rest := t[hi:]
	for _, s := range [...]string{"'s", "’s"} {
		if strings.HasPrefix(rest, s) {
			rest = rest[len(s):]
			return rest == "" || !scanIsAlnum(rest[0])
		}
	}
	return false
}

// listItem reports whether text[lo:hi] is a whole item of a list of
// several, where a token slipped between words cannot be one: between ", "
// (or " and ", " or " after a word) and a comma ("tangrams, mazes, sodoku,
// minesweeper"); first after what opens a list ("such as qiskit, cirq");
// last after " and " or " or " and a single-word item after a comma, then
// punctuation ("..., cirq and pyQuil."). Not ", X and": an Oxford comma
// (", and") is a gap a token fits in.
func listItem(t string, lo, hi int) bool {
	before, after := t[:lo], t[hi:]
	if after == "" {
		return false
	}
	if after[0] != ',' {
		if strings.IndexByte(".;:!?)", after[0]) < 0 {
			return false
		}
		// The last item: " and " after a single word after ", ".
		b, ok := strings.CutSuffix(before, " and ")
		if !ok {
			if b, ok = strings.CutSuffix(before, " or "); !ok {
				return false
			}
		}
		k := len(b)
		for k > 0 && (scanIsAlnum(b[k-1]) || b[k-1] >= 0x80) {
			k--
		}
		return k < len(b) && strings.HasSuffix(b[:k], ", ")
	}
	switch {
	case strings.HasSuffix(before, ", "):
		return true
	case strings.HasSuffix(before, " and "), strings.HasSuffix(before, " or "):
		b := strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(before, " and "), " or "), " ")
		return b != "" && scanIsAlnum(b[len(b)-1])
	}
	prev, _ := wordBefore(t, lo, " ")
	return listOpeners[strings.ToLower(prev)] && strings.HasPrefix(after, ", ")
}

// listOpeners are the words after which a list's first item comes ("such
// as qiskit, cirq and pyQuil", "including gueuze, kriek").
var listOpeners = map[string]bool{"as": true, "like": true, "including": true, "includes": true, "include": true, "e.g": true}

// nameRole reports whether text[lo:hi] follows a verb or preposition of
// using a program ("using qiskit", "pip install qiskit") or stands between a determiner and
// a kind of program ("the qiskit package").
func (p *prober) nameRole(lo, hi int) bool {
	t := p.text
	prev, _ := wordBefore(t, lo, " ")
	next, _ := wordAfter(t, hi, " ")
	if strings.EqualFold(prev, "from") && next == "import" {
		return true // Python's "from qiskit import": the module
	}
	if usingVerbs[strings.ToLower(prev)] {
		// The name ends the verb's object: punctuation or a clause's word
		// follows ("using qiskit but ...", "pip install qiskit."), not the
		// object a token slipped after the verb pushes along ("using it",
		// "using the").
		return hi < len(t) && strings.IndexByte(".,;:!?)", t[hi]) >= 0 || nameFollow[strings.ToLower(next)]
	}
	if !nameKinds[strings.ToLower(next)] {
		return false
	}
	return nameDeterminers[strings.ToLower(prev)]
}
