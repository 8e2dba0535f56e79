package detectors

import (
	"fmt"
	"hash/maphash"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// ProbeName is the probe detector's name in configuration and results.
const ProbeName = "probe"

// Probe is the probe detector. It looks for the short random "tracking
// codes" botnets insert into small wikis and forums to see whether the text
// survives: random letters, mixed case, letters and digits, pronounceable
// syllables.
//
// It scores every word the edit added that the old text does not already
// have, wherever it sits: prose, headings, lists, tables and their
// attributes, template parameters, references and their attributes, link
// targets and labels, comments, galleries, preformatted lines (the readers
// of packages wikitext and forumtext say where each word is). A word's
// evidence, in bits, starts from how much better a uniform random draw from
// the word's alphabet explains it than a model of real words does: the
// letter model for its letter runs, a digit model, and the cost of each
// switch between letters and digits or between cases. It adds what its
// shape and place say: missing vowels, keyboard runs, repeated chunks and
// a word no dictionary of the page's language has count for a probe; names
// (capitals, CamelCase), acronyms, diacritics, identifier shapes (part
// numbers, hashes, units, formulas) and places (an identifier's parameter,
// a file name, an attribute, italics, a table, a phrase in another
// language, an edit adding many new words at once) count against; an
// anonymous editor, and a word alone on a new line or slipped into a line
// the page already had, count for; so does a word alone on the page's last
// line after its categories. A word the reader marks as code only because
// "=" follows it is judged as a word when it is one of several words of a
// name ("|title munrkduqk=", "<ref name honjtcji=") or ends a heading
// ("==Etymology jHBFSeuXE=="): a real name of several words holds real
// words. Italics around ordinary words (a title) count less than italics
// around a foreign phrase, and a line whose prose is in another script is
// judged in that script. With a dictionary, a word-like word none has,
// slipped alone into a sentence of known words, counts as unknown unless
// it is one typing slip from a real word; a word that is not word-like
// counts as unknown also between dictionary words of a sentence the edit
// adds, a space from each, when it has six characters or more. Another
// language around a word with digits explains only half as much: it
// accounts for odd letters, not digits mixed in. A word in a dictionary
// (Env.Dicts) or in the wiki's own words (Env.Words) is never a token by
// itself, nor odd company for the words next to it. The page is judged in
// its language (Edit.Lang, else GuessLang, else Env.Lang).
//
// Technical text is full of words that look random letter by letter and
// are built as identifiers are (probe_ident.go): hashes, dimensions, file
// modes, stretched words, in posts product names of English words and an
// acronym; a word the text links to, its title names, it has in another
// form, or that sits among identifiers counts against. A page in a
// language with neither a dictionary nor the wiki's own model is judged
// again, when a word is at stake, by a letter model of the page itself
// (probe_lang.go).
//
// The score is a logistic function of the strongest word's evidence, 0.5
// at probeThresholdBits. Suspects lists every suspected word with its own
// score and Tokens those at or above the probe threshold (Env.Thresholds,
// else DefaultProbeThreshold); Reasons explain every word scoring
// probeReasonScore or more, with the word as Subject and weights that add
// up to its score.
func Probe(in *Input) Result {
	if in == nil || in.Edit == nil {
		return Result{Detector: ProbeName}
	}
	added := in.Added
	if added == nil || added.spans == nil && len(added.Lines) > 0 {
		added = Diff(in.Edit.Old, in.Edit.New) // an Added not made by Diff
	}
	if len(added.spans) == 0 {
		return Result{Detector: ProbeName}
	}
	m, modelName := BaseModel(), "the built-in letter model"
	if in.Env != nil && in.Env.Model != nil && in.Env.Model.lp != nil {
		m, modelName = in.Env.Model, "this wiki's letter model"
	}
	p := proberPool.Get().(*prober)
	defer proberPool.Put(p)
	p.reset(m, added, in.Edit.Anon)
	p.modelName = modelName
	p.setWords(in.Edit, in.Env)
	p.run()
	if m == BaseModel() && p.wantsPageModel() {
		// A page in a language the bot has neither a dictionary nor a
		// letter model of: its own words are the model of its language.
		pm := pageModel(in.Edit)
		p.reset(pm, added, in.Edit.Anon)
		p.modelName = "a letter model of this page's language"
		p.pageModel = true
		p.setWords(in.Edit, in.Env)
		p.run()
	}
	return p.result(in.Env.threshold(ProbeName))
}

// proberPool recycles the scratch buffers of Probe.
var proberPool = sync.Pool{New: func() any { return new(prober) }}

// Calibration. Evidence is in bits; the score is
// 1/(1+2^(-(evidence-probeThresholdBits)/probeScaleBits)). TestProbeQualityOnCorpus
// holds the calibration to its targets.
const (
	probeThresholdBits = 8.0
	probeScaleBits     = 2.0
	probeReasonScore   = 0.25              // words scoring at least this get reasons
	probeIgnoreScore   = 0.01              // words scoring less do not count at all
	probeMinLetters    = 4                 // shorter words are never probes
	probeMaxLetters    = 40                // longer runs are not tokens a bot plants
	probeMaxAlnum      = 20                // longer mixes of cases and digits are keys, hashes, base64
	probeFloorBits     = -4.0              // words the model likes better than this (log-likelihood ratio) are not judged
	log2Letters        = 4.700439718141092 // log2(26): bits per uniform random letter
)

// Evidence weights, in bits.
const (
	bitsAnon                = 2.0   // anonymous editor
	bitsRegistered          = -3.0  // logged-in editor
	bitsAlone               = 3.0   // alone on an added line
	bitsMidSentence         = 2.0   // between words the old text has
	bitsInserted            = 6.0   // the line minus the word is a line of the old text
	bitsAfterCategories     = 6.0   // alone on the page's last line, after its categories or closing templates
	capsShare               = 0.5   // a capitalised word keeps this share of its letters' evidence...
	bitsCapitalised         = -10.0 // ...less this: a name
	bitsShortAlnum          = -2.0  // five characters or fewer, letters and digits
	bitsBinomial            = -8.0  // a plausible lower-case word after an unknown capitalised one: a species
	bitsCamelName           = -4.0  // a CamelCase shape: a name such as "McDonald" or "PlayStation"
	bitsProductName         = -12.0 // words and acronyms in humps: "ChatGPT", "PHPMyAdmin" (camelIdent)
	bitsAcronymPlural       = -6.0  // "pdfs", "gpus": a lower-case acronym's plural
	bitsUnknownWord         = 4.0   // a lower-case word no dictionary of the page's language has
	dictWordlikeBits        = -3.0  // a word the dictionary's letter model likes this much better than random letters...
	bitsWordlike            = -4.0  // ...is word-like: this much against
	bitsAllCaps             = -14.0 // an acronym
	bitsShort               = -2.0  // five letters or fewer: abbreviations, names and typos are common
	bitsDiacritic           = -14.0 // bots plant ASCII letters; diacritics mean a real language
	bitsJoined              = -5.0  // part of a hyphenated or apostrophe word
	bitsTable               = -6.0
	bitsCaption             = -4.0
	bitsItalic              = -12.0 // foreign words, titles, species, words as words
	bitsItalicProse         = -4.0  // italics around ordinary words of the page's language
	bitsLinkText            = -4.0
	bitsExtLinkText         = -4.0
	bitsHeading             = -3.0
	bitsListItem            = -1.0
	bitsURLPart             = -30.0 // next to "www", "http", "com"... in text stripped of punctuation
	bitsRepeatedWord        = -3.0  // the word occurs more than once in the added text
	bitsLinkedWord          = -20.0 // the text links to a URL holding the word ("xkcd", a user's name)
	bitsTitleWord           = -6.0  // the page's or topic's title of several words has the word
	bitsTypo                = -6.0  // one typing slip from a dictionary word
	bitsOtherForm           = -6.0  // the text has the word in another case or in the singular
	bitsIdentNeighbour      = -3.0  // per identifier, path or code among the three words either side (at most two)
	bitsTechnical           = -6.0  // a post full of identifiers, code and paths: program names look random
	bitsNoVowels            = 3.0
	bitsConsonantRun        = 1.5 // per consonant beyond 4 in a row
	bitsKeyboardRun         = 3.0 // four keys in a row, plus one per further key
	bitsRepeatedChunk       = 4.0 // a chunk three times, plus one per further repeat
	bitsOddNeighbour        = -5.0
	oddNeighbourBits        = 4.2   // bits per letter above which a neighbouring lower-case word is unusual
	bitsForeignText         = -6.0  // per bit per letter the text around is above normalProseBits
	bitsForeignMax          = -12.0 //
	normalProseBits         = 3.0   // median bits per letter of ordinary words under a model of their language
	bitsOtherScripts        = -8.0  // the text around is partly in another script
	bitsDiacriticText       = -8.0  // the text around has words with diacritics
	bitsPerDoubling         = -0.5  // per doubling of the new words the edit adds
	bitsPerDoublingCreation = -1.5  // the same for a page creation, which is never "slipped in"
	bitsPerDoublingPost     = -0.5  // the same for a forum post up to longPostWords new words...
	longPostWords           = 128   // ...and as for a page creation beyond
)

// probeTerm is one contribution to a word's evidence.
type probeTerm struct {
	kind probeTermKind
	bits float64
}

type probeTermKind uint8

const (
	termRandom probeTermKind = iota
	termNoVowels
	termKeyboard
	termRepeated
	termShort
	termDiacritic
	termJoined
	termTable
	termCaption
	termItalic
	termLink
	termExtLink
	termHeading
	termList
	termURL
	termRepeatedWord
	termFresh
	termForeign
	termOddNeighbours
	termScripts
	termDiacriticText
	termAnon
	termRegistered
	termInserted
	termAlone
	termMid
	termUnknown
	termTemplate
	termTmplName
	termIdent
	termMarkedForeign
	termRef
	termAttr
	termTarget
	termFile
	termComment
	termCode
	termPre
	termGallery
	termWordlike
	termLinked
	termTitle
	termTypo
	termIdentNear
	termSoftware
	termUserName
	termCount
)

var probeTermNames = [termCount]string{
	"random", "no-vowels", "keyboard", "repeated", "short", "diacritic", "joined", "table", "caption",
	"italic", "link", "extlink", "heading", "list", "url", "repeated-word", "fresh", "foreign",
	"odd-neighbours", "scripts", "diacritic-text", "anon", "registered", "inserted", "alone", "mid",
	"unknown", "template", "template-name", "ident", "marked-foreign", "ref", "attr", "target", "file",
	"comment", "code", "pre", "gallery", "wordlike", "linked", "title", "typo", "identifiers-near",
	"software-name", "user-name",
}

// placeTerms are the evidence of each place, in bits: a place where real
// text is full of names, abbreviations, codes or foreign words counts
// against. A word in several places takes the strongest.
var placeTerms = [...]struct {
	f    wflag
	kind probeTermKind
	bits float64
}{
	{cFileName, termFile, -8},
	{cCode, termCode, -8},
	{cMath, termCode, -6},
	{cCodeLine, termCode, -6},
	{cIdent, termIdent, -6},
	{cRefName, termIdent, -6},
	{cForeign, termMarkedForeign, -10},
	{cItalic, termItalic, bitsItalic},
	{cAttr, termAttr, -6},
	{cTable, termTable, bitsTable},
	{cCaption, termCaption, bitsCaption},
	{cTmplName, termTmplName, -4},
	{cParamName, termTmplName, -1},
	{cLink, termLink, bitsLinkText},
	{cExtLink, termExtLink, bitsExtLinkText},
	{cLinkTarget, termTarget, -3},
	{cTemplate, termTemplate, -3},
	{cHeading, termHeading, bitsHeading},
	{cPre, termPre, -3},
	{cRef, termRef, -2},
	{cComment, termComment, -2},
	{cGallery, termGallery, -2},
	{cList, termList, bitsListItem},
}

// placeBits returns the strongest place evidence of a word with flags f,
// or termCount when the word is in running prose.
func placeBits(f wflag) (probeTermKind, float64) {
	kind, bits := termCount, 0.0
	for _, t := range placeTerms {
		if f&t.f != 0 && t.bits < bits {
			kind, bits = t.kind, t.bits
		}
	}
	return kind, bits
}

func (k probeTermKind) String() string { return probeTermNames[k] }

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
	hash     uint64  // wordHash of its text
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

// prober holds one Probe call's state and its reusable buffers.
type prober struct {
	m         *Model
	modelName string // for reasons: "this wiki's letter model"
	a         *Added
	text      string // the new text
	anon      bool

	edit0    *Edit
	env      *Env
	lang     string // the page's language, once known
	langDone bool
	langDict Words // the dictionary of the page's language, or nil
	unread   bool  // no dictionary reads the added text
	enDict   Words
	extra    Words // the wiki's vocabulary and allow-list

	sc         readers
	words      []scanWord
	wbits      []float32 // per word: bits per letter of an ordinary lower-case word, or -1
	sym        []uint8   // folded letters of the scored words, back to back
	cands      []probeCandidate
	added      []uint64 // wordHash of the candidate-sized added words, sorted
	old        []uint64 // wordHash of the words of the lines the edit removed, sorted
	fresh      int      // distinct candidate-sized added words the removed lines do not have
	edit       probeTextStats
	known      []lineKnown
	scripts    []lineScript
	scratch    []float64
	medians    []lineMedian
	editMed    float64
	editMedK   int8       // 0 unknown, 1 known, -1 too few words
	scratchSym []uint8    // folded letters of a word looked at aside
	urls       []byteSpan // the text's URLs (after "://"), once looked for
	urlsDone   bool
	pageModel  bool    // p.m was learned from the page: its language is the model's
	tech       float64 // technical(), once known
	techDone   bool
	softNames  int // candidates with a software name's letters, once counted
	softDone   bool
}

type probeTextStats struct {
	words, diacritic, nonLatin int
}

type lineKnown struct {
	line  int
	share float64 // share of the line's lower-case words a dictionary has, or -1
}

type lineMedian struct {
	line int
	med  float64
	ok   bool
}

func (p *prober) reset(m *Model, a *Added, anon bool) {
	*p = prober{
		m: m, modelName: "the letter model", a: a, text: a.new, anon: anon, sc: p.sc,
		words: p.words[:0], wbits: p.wbits[:0], sym: p.sym[:0], cands: p.cands[:0],
		added: p.added[:0], old: p.old[:0], scratch: p.scratch[:0], medians: p.medians[:0], known: p.known[:0], scripts: p.scripts[:0],
		scratchSym: p.scratchSym[:0], urls: p.urls[:0],
	}
}

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
func (p *prober) hasDict() bool {
	p.pageLang()
	return p.langDict != nil
}

// isWord reports whether w is a real word: in the page language's
// dictionary, the English one, or the wiki's own words.
func (p *prober) isWord(w string) bool {
	p.pageLang()
	if p.extra != nil && p.extra.Has(w) || p.langDict != nil && p.langDict.Has(w) || p.enDict != nil && p.enDict.Has(w) {
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
		if f&(wCode|cCode) != 0 || f&cRefName != 0 && p.singleName(w) {
			continue // code: <code>, <pre>, <tt> hold identifiers of programs
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
			if !sh.nameLike && sh.digits == 0 && p.edit0.Format == FormatMarkdown && p.camelIdent(word) {
				sh.nameLike = true // "ChatGPT", "WebDAV", "PHPMyAdmin"
				c.camel = true
			}
			if sh.digits > 0 && (f&cCode != 0 || isIdentShape(word, sh) || sh.parts <= 3 && p.afterLabel(i) ||
				f&(cTable|cAttr|cTemplate|cIdent) != 0 && (sh.n == 6 || sh.n >= 8) && isHex(word)) || sh.digits == 0 && chemicalFormula(word) {
				continue
			}
			if f&cIdent != 0 && (sh.upper > 0 || sh.digits > 0) || sh.digits == 0 && sh.n <= 5 && unitSymbols(word) {
				continue // an identifier's place: Google Books and YouTube ids are mixed case
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
			c.bits, c.rand, c.chars = b, float64(n)*log2Letters, n
		}
		c.symHi = len(p.sym)
		c.hash = wordHash(word)
		p.added = append(p.added, c.hash)
		floor := probeFloorBits
		if f&(wUpperFirst|wUpperInner|wDigit) == 0 && p.hasDict() {
			floor -= bitsUnknownWord
		}
		if c.bits-c.rand < floor || !c.parts && (romanNumeral(word) || n >= 6 && nucleotides(p.sym[lo:])) || p.isWord(word) || p.stretchedWord(word) || permissionString(word) || p.formulaBeforeSub(&c) {
			p.sym = p.sym[:lo]
			continue
		}
		p.cands = append(p.cands, c)
	}
	if len(p.cands) == 0 {
		return
	}
	p.collectOld()
	slices.Sort(p.added)
	p.fresh = 0
	for i, h := range p.added {
		if i > 0 && h == p.added[i-1] {
			continue
		}
		if _, found := slices.BinarySearch(p.old, h); !found {
			p.fresh++
		}
	}
	kept := p.cands[:0]
	for i := range p.cands {
		c := &p.cands[i]
		p.judge(c)
		// A word the page had is not new. Searching the old text is the
		// costly part, so words that cannot matter are dropped first.
		if c.score < probeIgnoreScore || p.a.OldHasWord(p.text[c.w.Lo:c.w.Hi]) {
			continue
		}
		kept = append(kept, *c)
	}
	p.cands = kept
}

// collectOld hashes the words of the lines the edit removed or changed.
func (p *prober) collectOld() {
	p.a.removedLines(func(line string) {
		for i := 0; i < len(line); {
			if !scanIsWordAt(line, i) {
				i++
				continue
			}
			j := i
			for j < len(line) && (line[j] >= 0x80 || scanIsAlnum(line[j])) {
				j++
			}
			p.old = append(p.old, wordHash(line[i:j]))
			i = j
		}
	})
	slices.Sort(p.old)
}

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

func (p *prober) oldHas(h uint64) bool {
	_, found := slices.BinarySearch(p.old, h)
	return found
}

// judge sums a candidate's evidence and scores it.
func (p *prober) judge(c *probeCandidate) {
	sym := p.sym[c.symLo:c.symHi]
	f := c.w.Flags
	llr := c.bits - c.rand
	switch {
	case c.parts && c.camel:
		llr += bitsProductName
	case c.parts && c.nameLike && f&wDigit == 0:
		llr += bitsCamelName
	case c.parts:
	case f&wUpperInner != 0 && f&wLower == 0:
		llr = llr*capsShare + bitsAllCaps
	case f&wUpperFirst != 0:
		llr = llr*capsShare + bitsCapitalised
	}
	c.add(termRandom, llr)

	// Shape.
	vowels, run := probeVowels(sym)
	switch {
	case vowels == 0:
		c.add(termNoVowels, bitsNoVowels+bitsConsonantRun*float64(max(0, run-4)))
	case run >= 5:
		c.add(termNoVowels, bitsConsonantRun*float64(run-4))
	}
	if k, _ := probeKeyboardRun(sym); k >= 4 {
		c.add(termKeyboard, bitsKeyboardRun+float64(k-4))
	}
	if _, reps := probeRepeatedChunk(sym); reps >= 3 {
		c.add(termRepeated, bitsRepeatedChunk+float64(reps-3))
	}
	if c.chars <= 5 {
		c.add(termShort, bitsShort)
		if !c.parts && p.edit0.Format == FormatMarkdown && sym[len(sym)-1] == 's'-'a'+1 {
			if v, _ := probeVowels(sym[:len(sym)-1]); v == 0 {
				c.add(termShort, bitsAcronymPlural)
			}
		}
		if c.parts && f&wDigit != 0 {
			c.add(termShort, bitsShortAlnum) // "h2g2", "r2d2", "mp3s"
		}
	}
	if f&wDiacritic != 0 {
		c.add(termDiacritic, bitsDiacritic)
	}
	if f&wJoined != 0 {
		c.add(termJoined, bitsJoined)
	}

	// Place. A preformatted "block" of one word alone on its line is no
	// code sample: a line of its own, judged as such.
	place := f
	preAlone := f&cPre != 0 && p.alone(c)
	if preAlone {
		place &^= cPre
	}
	if place&(cForeign|cLinkTarget) == cForeign|cLinkTarget && f&wNonLatin == 0 && p.latinInOtherTitle(c) {
		place &^= cForeign // "[[ja:アレクサンドル・ボロディン henhopmymy]]"
	}
	if place&cItalic != 0 && p.italicProse(c) {
		// Italics holding a sentence of the page's own words (a book's
		// title, an emphasised phrase), not a foreign phrase or a name.
		k, bits := placeBits(place &^ cItalic)
		if bits > bitsItalicProse {
			k, bits = termItalic, bitsItalicProse
		}
		c.add(k, bits)
	} else if k, bits := placeBits(place); k != termCount {
		c.add(k, bits)
	}
	if k := p.identNeighbours(c); k > 0 {
		c.add(termIdentNear, bitsIdentNeighbour*float64(k))
	}
	if t := p.technical(); t > 0 && c.chars <= 8 && !c.parts {
		c.add(termIdentNear, bitsTechnical*t)
	}
	afterCats := preAlone && p.lastAfterMarkup(c)
	if afterCats {
		c.add(termAlone, bitsAfterCategories)
	}
	if p.binomial(c, llr) {
		c.add(termItalic, bitsBinomial)
	}
	if p.urlPart(c) {
		c.add(termURL, min(bitsURLPart, -llr)) // a piece of a URL, however random
	}
	if p.occurrences(c.hash) > 1 {
		c.add(termRepeatedWord, bitsRepeatedWord)
	}

	if p.fresh > 1 {
		fresh := float64(p.fresh)
		switch {
		case p.a.old == "" && p.edit0.Format == FormatMarkdown:
			// A post: a probe is a word slipped into one, or a post of
			// its own; a long post (a pasted log, a long write-up) is a
			// contribution as a page is.
			c.add(termFresh, bitsPerDoublingPost*math.Log2(min(fresh, longPostWords))+
				bitsPerDoublingCreation*math.Log2(max(1, fresh/longPostWords)))
		case p.a.old == "":
			c.add(termFresh, bitsPerDoublingCreation*math.Log2(fresh))
		default:
			c.add(termFresh, bitsPerDoubling*math.Log2(fresh))
		}
	}

	// The text around: another language, unusual neighbours, other scripts.
	// A page is judged in its own language: on a German page German words
	// around a word, and their diacritics, are the page's text, not a
	// foreign phrase (lineInLang, with the page language's dictionary).
	own := p.pageModel || p.lineInLang(c) && p.nearInLang(c)
	// Another language explains letters the model finds odd, not digits
	// mixed into them: a word with digits takes half the discount.
	share := 1.0
	if c.parts && f&wDigit != 0 {
		share = 0.5
	}
	if med, ok := p.contextBits(c); ok && med > normalProseBits {
		if own {
			// The page's own language costs the letter model more bits a
			// letter than English: expect as much of this word too.
			c.add(termForeign, max(bitsForeignMax, -(med-normalProseBits)*float64(c.chars+1)))
		} else {
			c.add(termForeign, share*max(bitsForeignMax, bitsForeignText*(med-normalProseBits)))
		}
	}
	if odd := p.oddNeighbours(c); odd > 0 && !own {
		c.add(termOddNeighbours, share*bitsOddNeighbour*float64(odd))
	}
	if others := p.edit.words - 1; others > 0 {
		if share := float64(p.edit.nonLatin) / float64(others); share > 0.1 && !p.otherScriptAt(c) {
			c.add(termScripts, bitsOtherScripts*min(1, share*2))
		}
		d := p.edit.diacritic
		if f&wDiacritic != 0 {
			d--
		}
		if dshare := float64(d) / float64(others); dshare > 0.05 && !own {
			c.add(termDiacriticText, share*bitsDiacriticText*min(1, dshare*4))
		}
	}

	// Who and how.
	if p.anon {
		c.add(termAnon, bitsAnon)
	} else {
		c.add(termRegistered, bitsRegistered)
	}
	// Letters a dictionary's words would have: a rare real word (a Latin
	// term, an organ, a place) that running text seldom shows.
	wordlike := false
	if !c.parts && f&(wUpperFirst|wUpperInner) == 0 {
		if dm := p.dictLetters(); dm != nil && dm.bits(sym)-float64(len(sym))*log2Letters <= dictWordlikeBits {
			wordlike = true
			c.add(termWordlike, bitsWordlike)
		}
	}
	placed := true
	switch {
	case p.inserted(c):
		c.add(termInserted, bitsInserted)
	case p.alone(c):
		c.add(termAlone, bitsAlone)
	case p.midSentence(c):
		c.add(termMid, bitsMidSentence)
	default:
		// Between words of a sentence the edit adds: no bits for the
		// place, but a word no dictionary has among dictionary words
		// stands out as much as one slipped into an old sentence.
		// Five characters or fewer are names and abbreviations too often
		// ("their imgur gallery").
		placed = c.chars > 5 && p.amidWords(c)
	}
	// A word no dictionary has, slipped in on its own: a real word an
	// editor adds comes with its sentence.
	if placed && wordlike && p.hasDict() && f&(wUpperFirst|wUpperInner|wDigit|wDiacritic) == 0 {
		// Word-like letters no dictionary has, slipped alone into a
		// sentence of the page's own words or put alone after the
		// categories: a pronounceable token ("fatifina"), unless it is a
		// typo of a real word.
		_, ins := c.term(termInserted)
		if (afterCats || ins && p.nearInLang(c) && (p.lineInLang(c) || p.shortLineKnown(c))) && !p.nearWord(p.text[c.w.Lo:c.w.Hi]) {
			c.add(termUnknown, bitsUnknownWord-bitsWordlike)
		}
	}
	if placed && !wordlike && p.hasDict() {
		switch {
		case f&(wUpperFirst|wUpperInner) == 0 && (f&wDigit == 0 || !p.lettersKnown(c)):
			c.add(termUnknown, bitsUnknownWord)
		case f&wUpperInner != 0 && f&wLower != 0 && f&wDigit == 0 && !p.humpsKnown(c):
			// Mixed case that no part of is a word: not "PlayStation".
			c.add(termUnknown, bitsUnknownWord)
		}
	}
	// What the text says of the word: looked up only when it matters.
	if c.evidence > probeThresholdBits-4 && p.edit0.Format == FormatMarkdown && f&wDiacritic == 0 {
		if b := p.softwareName(c); b < 0 {
			c.add(termSoftware, b)
		}
	}
	if c.evidence > probeThresholdBits-4 {
		switch {
		case p.linkedWord(c):
			c.add(termLinked, bitsLinkedWord)
		case p.titleWord(c):
			c.add(termTitle, bitsTitleWord)
		case p.edit0.Format == FormatMarkdown && p.userName(c):
			c.add(termUserName, bitsUserName)
		case p.otherFormHere(c):
			c.add(termRepeatedWord, bitsOtherForm)
		case p.edit0.Format == FormatMarkdown && !c.parts && f&(wUpperFirst|wUpperInner) == 0 && c.chars >= 6 && c.evidence < probeThresholdBits-bitsTypo &&
			p.hasDict() && p.nearWord(p.text[c.w.Lo:c.w.Hi]):
			c.add(termTypo, bitsTypo) // "reuqests", "unweildy"
		}
	}
	c.score = probeLogistic(c.evidence)
}

func probeLogistic(ev float64) float64 {
	return 1 / (1 + math.Exp2(-(ev-probeThresholdBits)/probeScaleBits))
}

func (p *prober) result(threshold float64) Result {
	res := Result{Detector: ProbeName}
	for i := range p.cands {
		res.Score = max(res.Score, p.cands[i].score)
	}
	res.Score = math.Round(res.Score*1e4) / 1e4
	var seen []uint64
	for i := range p.cands {
		c := &p.cands[i]
		if c.score < probeReasonScore || slices.Contains(seen, c.hash) {
			continue
		}
		seen = append(seen, c.hash)
		tok := p.text[c.w.Lo:c.w.Hi]
		res.Suspects = append(res.Suspects, Token{Text: tok, Score: math.Round(c.score*1e4) / 1e4})
		res.Reasons = append(res.Reasons, p.explain(c)...)
	}
	slices.SortStableFunc(res.Suspects, func(a, b Token) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return 0
	})
	res.Tokens = res.TokensAt(threshold)
	return res
}

// explain turns a candidate's positive evidence into reasons whose weights
// split its score in proportion to the bits behind each.
func (p *prober) explain(c *probeCandidate) []Reason {
	tok := p.text[c.w.Lo:c.w.Hi]
	sym := p.sym[c.symLo:c.symHi]
	n := len(sym)
	var out []Reason
	var bits []float64
	addReason := func(b float64, code Code, detail string) {
		if b > 0 {
			out = append(out, Reason{Code: code, Subject: tok, Detail: detail})
			bits = append(bits, b)
		}
	}
	if b, _ := c.term(termRandom); b > 0 {
		if c.parts {
			addReason(b, ProbeRandomToken, fmt.Sprintf("a random mix of letters, digits and cases: %.0f bits as parts of words, %.0f as random characters",
				c.bits, c.rand))
		} else {
			addReason(b, ProbeRandomToken, fmt.Sprintf("1 in 10^%.0f under %s (%.1f bits per letter; random letters are %.1f)",
				c.bits*math.Log10(2), p.modelName, c.bits/float64(n+1), log2Letters))
		}
	}
	if b, ok := c.term(termNoVowels); ok {
		if vowels, run := probeVowels(sym); vowels == 0 {
			addReason(b, ProbeNoVowels, fmt.Sprintf("no vowels in %d letters", n))
		} else {
			addReason(b, ProbeNoVowels, fmt.Sprintf("a run of %d consonants", run))
		}
	}
	if b, ok := c.term(termKeyboard); ok {
		k, at := probeKeyboardRun(sym)
		addReason(b, ProbeKeyboardRun, fmt.Sprintf("%q runs along the keyboard", probeSymString(sym[at:at+k])))
	}
	if b, ok := c.term(termRepeated); ok {
		period, reps := probeRepeatedChunk(sym)
		addReason(b, ProbeRepeated, fmt.Sprintf("%q repeated %d times", probeSymString(sym[:period]), reps))
	}
	if b, ok := c.term(termUnknown); ok {
		lang := p.pageLang()
		addReason(b, ProbeUnknownWord, fmt.Sprintf("in no dictionary of the page's language (%s) or of the wiki", lang))
	}
	where := ""
	var place float64
	if b, ok := c.term(termInserted); ok {
		where, place = "slipped into a line the page already had", b
	} else if b, ok := c.term(termAlone); ok {
		where, place = "alone on an added line", b
	} else if b, ok := c.term(termMid); ok {
		where, place = "between words the page already had", b
	}
	if where != "" {
		who := "a logged-in editor"
		if p.anon {
			who = "an anonymous editor"
			place += bitsAnon
		}
		addReason(place, ProbeIsolated, fmt.Sprintf("new to the page, %s, added by %s", where, who))
	}
	var sum float64
	for _, b := range bits {
		sum += b
	}
	for i := range out {
		out[i].Weight = math.Round(c.score*bits[i]/sum*1000) / 1000
	}
	return out
}

// occurrences counts the candidate-sized added words with hash h.
func (p *prober) occurrences(h uint64) int {
	i, found := slices.BinarySearch(p.added, h)
	if !found {
		return 0
	}
	j := i
	for j < len(p.added) && p.added[j] == h {
		j++
	}
	return j - i
}

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

func median(vals []float64) float64 {
	slices.Sort(vals)
	return vals[len(vals)/2]
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

type lineScript struct {
	line  int
	other bool
}

// mostlyOtherScript reports whether most words the edit added are in a
// script other than Latin (a Bulgarian or Russian page).
func (p *prober) mostlyOtherScript() bool {
	return p.edit.nonLatin*2 > p.edit.words
}

// urlPart reports whether c sits among the pieces of a URL in text whose
// punctuation was stripped ("http www example com", "image name jpg").
func (p *prober) urlPart(c *probeCandidate) bool {
	t := p.text
	i := c.w.Lo
	for i > 0 && (t[i-1] == ' ' || t[i-1] == '/' || t[i-1] == ':') {
		i--
	}
	j := i
	for j > 0 && scanIsAlnum(t[j-1]) {
		j--
	}
	if i > j && probeURLPrefixes[lowerASCII(t[j:i])] {
		return true
	}
	// Text whose URLs lost their punctuation: "books google com/books?id
	// MkArAAAAYAAJ", "&ei utUTS5GsHYuPtgev8dGsCQ": an id right after a word
	// of a query string or path.
	if k := c.idx - 1; c.parts && k >= 0 && p.words[k].Line == c.w.Line && strings.TrimSpace(t[p.words[k].Hi:c.w.Lo]) == "" {
		w := p.words[k]
		if w.Lo > 0 && strings.IndexByte("?&/", t[w.Lo-1]) >= 0 {
			return true
		}
		if lw := lowerASCII(t[w.Lo:w.Hi]); probeURLPrefixes[lw] {
			return true
		}
	}
	if probeURLSuffixes[lowerASCII(t[c.w.Lo:c.w.Hi])] && c.w.Lo > 0 && (t[c.w.Lo-1] == ' ' || t[c.w.Lo-1] == '.') {
		return true // "... index aspx", "... logo png"
	}
	i = c.w.Hi
	for i < len(t) && (t[i] == ' ' || t[i] == '.') {
		i++
	}
	j = i
	for j < len(t) && scanIsAlnum(t[j]) {
		j++
	}
	return j > i && probeURLSuffixes[lowerASCII(t[i:j])]
}

// lowerASCII lower-cases short ASCII words for the URL tables without
// allocating for the common all-lower-case case.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] |= 0x20
				}
			}
			return string(b)
		}
	}
	return s
}

var probeURLPrefixes = map[string]bool{"http": true, "https": true, "www": true, "ftp": true, "mailto": true}

var probeURLSuffixes = map[string]bool{
	"com": true, "org": true, "net": true, "edu": true, "gov": true, "html": true, "htm": true, "php": true,
	"asp": true, "aspx": true, "jpg": true, "jpeg": true, "png": true, "gif": true, "svg": true, "pdf": true,
}

// lineOf returns the added line holding c and where it starts.
func (p *prober) lineOf(c *probeCandidate) (string, int) {
	spans := p.a.spans
	i, _ := slices.BinarySearchFunc(spans, c.w.Lo, func(s byteSpan, pos int) int {
		switch {
		case s.Hi <= pos:
			return -1
		case s.Lo > pos:
			return 1
		}
		return 0
	})
	if i < len(spans) && spans[i].Lo <= c.w.Lo && c.w.Lo < spans[i].Hi {
		return p.text[spans[i].Lo:spans[i].Hi], spans[i].Lo
	}
	return "", 0
}

// alone reports whether c is all there is on its line, give or take list
// markers, spaces and punctuation.
func (p *prober) alone(c *probeCandidate) bool {
	line, start := p.lineOf(c)
	if line == "" {
		return false
	}
	for i := 0; i < len(line); i++ {
		if i == c.w.Lo-start {
			i = c.w.Hi - start - 1
			continue
		}
		switch line[i] {
		case ' ', '\t', '*', '#', ':', ';', '.', ',', '!', '?', '\'', '"':
		default:
			return false
		}
	}
	return true
}

// midSentence reports whether c sits in running text between words the old
// text already had: a new word slipped into an existing sentence.
func (p *prober) midSentence(c *probeCandidate) bool {
	if c.w.Flags&(cTable|cCaption|cLink|cExtLink|cHeading|cPre|cAttr|cFileName|cIdent|cCode) != 0 {
		return false
	}
	has := 0
	for _, i := range [2]int{c.idx - 1, c.idx + 1} {
		if i < 0 || i >= len(p.words) || p.words[i].Line != c.w.Line {
			continue
		}
		w := p.words[i]
		if !p.oldHas(wordHash(p.text[w.Lo:w.Hi])) {
			return false
		}
		has++
	}
	return has > 0
}

// amidWords reports whether c sits in running prose between words of the
// page's language (or English) on both sides, lower-case or capitalised
// ("Their", "The"), a space apart from each, on a line mostly in that
// language: a sentence, new or old, whose words a dictionary has.
func (p *prober) amidWords(c *probeCandidate) bool {
	if c.w.Flags&(cTable|cCaption|cLink|cExtLink|cHeading|cPre|cAttr|cFileName|cIdent|cCode|cTemplate|cRef|cComment|cItalic|cForeign|cLinkTarget|cGallery|cTmplName|cParamName|cMath) != 0 {
		return false
	}
	for _, i := range [2]int{c.idx - 1, c.idx + 1} {
		if i < 0 || i >= len(p.words) || p.words[i].Line != c.w.Line {
			return false
		}
		w := p.words[i]
		if w.Flags&(wUpperInner|wDigit|wNonLatin|wCode|wDiacritic) != 0 || w.Flags&cMarkup != 0 {
			return false
		}
		// Running prose: one space between, no comma of a list of names.
		if gap := p.text[min(w.Hi, c.w.Hi):max(w.Lo, c.w.Lo)]; gap != " " || !p.isWord(p.text[w.Lo:w.Hi]) {
			return false
		}
	}
	return p.lineInLang(c) && p.nearInLang(c)
}

// inserted reports whether the line holding c, without c and a space next to
// it, is a line of the old text the edit replaced.
func (p *prober) inserted(c *probeCandidate) bool {
	line, start := p.lineOf(c)
	if line == "" {
		return false
	}
	lo, hi := c.w.Lo-start, c.w.Hi-start
	// The word and the space before it, after it, both, or neither: however
	// it was slipped in.
	try := func(lo, hi int) bool {
		if lo < 0 || hi > len(line) {
			return false
		}
		var h maphash.Hash
		h.SetSeed(diffSeed)
		h.WriteString(line[:lo])
		h.WriteString(line[hi:])
		return p.a.oldHasLineHash(h.Sum64())
	}
	before := lo > 0 && line[lo-1] == ' '
	after := hi < len(line) && line[hi] == ' '
	return before && try(lo-1, hi) || after && try(lo, hi+1) || before && after && try(lo-1, hi+1) || try(lo, hi)
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
	for i := 0; i < len(w); {
		j := i + 1
		for j < len(w) && !(w[j] >= 'A' && w[j] <= 'Z') {
			j++
		}
		if j-i >= 3 && p.isWord(w[i:j]) {
			return true
		}
		i = j
	}
	return false
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
	if !identLabels[lowerASCII(label)] {
		return false
	}
	// "ISBN 0...", "No. 5", "id: x7": a capital or punctuation makes it a label.
	if label[0] >= 'A' && label[0] <= 'Z' {
		return true
	}
	gap := p.text[w.Hi:p.words[i].Lo]
	return strings.ContainsAny(gap, ".:#=")
}

var identLabels = map[string]bool{
	"isbn": true, "issn": true, "oclc": true, "pmid": true, "pmc": true, "doi": true, "arxiv": true, "bibcode": true,
	"lccn": true, "asin": true, "id": true, "no": true, "nr": true, "nos": true, "cat": true, "catalog": true,
	"catalogue": true, "art": true, "ref": true, "code": true, "callsign": true, "reg": true, "model": true,
	"part": true, "serial": true, "hash": true, "sha": true, "md5": true, "uuid": true, "version": true, "ver": true,
	"jstor": true, "hdl": true, "zbl": true, "mr": true, "osti": true, "ssrn": true, "isni": true, "orcid": true,
	"sku": true, "upc": true, "ean": true, "imo": true, "mmsi": true, "icao": true, "iata": true, "rfc": true,
}

// nearInLang reports whether the lower-case words next to c (three on each
// side, same line) are mostly words of the page's language: a phrase in
// another language inside a line of the page's ("”Prst zmrzl, zhltl hrst
// zrn”") is not.
func (p *prober) nearInLang(c *probeCandidate) bool {
	words, known := 0, 0
	for _, d := range [6]int{-1, 1, -2, 2, -3, 3} {
		i := c.idx + d
		if i < 0 || i >= len(p.words) || p.words[i].Line != c.w.Line {
			continue
		}
		w := p.words[i]
		if w.Flags&wNonLatin != 0 && !p.otherScriptAt(c) {
			words++ // another script next to it: a name or phrase in another language
			continue
		}
		if w.Flags&(wUpperFirst|wUpperInner|wDigit|wNonLatin|wCode) != 0 || w.Hi-w.Lo < 2 {
			continue
		}
		words++
		if p.isWord(p.text[w.Lo:w.Hi]) {
			known++
		}
	}
	return words == 0 || known*3 >= words*2
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
	words, known := 0, 0
	for i := max(0, c.idx-40); i < len(p.words) && i < c.idx+40; i++ {
		w := p.words[i]
		if w.Line != c.w.Line || i == c.idx || w.Flags&(wUpperFirst|wUpperInner|wDigit|wNonLatin|wCode) != 0 || w.Hi-w.Lo < 3 {
			continue
		}
		words++
		if p.isWord(p.text[w.Lo:w.Hi]) {
			known++
		}
	}
	share := -1.0
	if words >= 3 {
		share = float64(known) / float64(words)
	}
	p.known = append(p.known, lineKnown{line: c.w.Line, share: share})
	return share >= 0.6
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

// lastAfterMarkup reports whether c's line is the last line of the text
// with anything on it and the line before it with anything on it is markup
// closing a page: a category or interlanguage link, a template (a stub
// notice, a navigation box), a magic word. Nothing an editor writes
// follows a page's categories on a line of its own.
func (p *prober) lastAfterMarkup(c *probeCandidate) bool {
	t := p.text
	if strings.TrimSpace(t[c.w.Hi:]) != "" {
		return false
	}
	i := c.w.Lo
	for i > 0 && t[i-1] != '\n' {
		i--
	}
	prev := strings.TrimRight(t[:i], " \t\n")
	if j := strings.LastIndexByte(prev, '\n'); j >= 0 {
		prev = prev[j+1:]
	}
	prev = strings.TrimSpace(prev)
	return strings.HasPrefix(prev, "[[") && strings.HasSuffix(prev, "]]") ||
		strings.HasPrefix(prev, "{{") && strings.HasSuffix(prev, "}}") ||
		strings.HasPrefix(prev, "__") && strings.HasSuffix(prev, "__")
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

// shortLineKnown reports whether c's line has too few lower-case words for
// lineInLang to judge and every one of them, one at least, is a real word
// ("[[Category:Living people]]").
func (p *prober) shortLineKnown(c *probeCandidate) bool {
	words, known := 0, 0
	for i := max(0, c.idx-40); i < len(p.words) && i < c.idx+40; i++ {
		w := p.words[i]
		if w.Line != c.w.Line || i == c.idx || w.Flags&(wUpperFirst|wUpperInner|wDigit|wNonLatin|wCode) != 0 || w.Hi-w.Lo < 3 {
			continue
		}
		words++
		if p.isWord(p.text[w.Lo:w.Hi]) {
			known++
		}
	}
	return words > 0 && words < 3 && known == words
}

// latinInOtherTitle reports whether c is the only Latin word of a link's
// target whose other words are all in another script: an interlanguage
// link to a title in Japanese or Bulgarian holds no Latin word of its own
// language, so one there is as odd as in prose.
func (p *prober) latinInOtherTitle(c *probeCandidate) bool {
	t := p.text
	lo := strings.LastIndex(t[max(0, c.w.Lo-300):c.w.Lo], "[[")
	if lo < 0 {
		return false
	}
	lo += max(0, c.w.Lo-300)
	hi := strings.Index(t[c.w.Hi:min(len(t), c.w.Hi+300)], "]]")
	if hi < 0 || strings.ContainsAny(t[lo:c.w.Lo], "]\n") {
		return false
	}
	hi += c.w.Hi
	if k := strings.IndexByte(t[lo:hi], '|'); k >= 0 && lo+k < c.w.Lo {
		return false
	}
	other := 0
	for i := c.idx - 1; i >= 0 && p.words[i].Lo >= lo; i-- {
		if p.words[i].Flags&wNonLatin == 0 {
			return false
		}
		other++
	}
	for i := c.idx + 1; i < len(p.words) && p.words[i].Lo < hi; i++ {
		if p.words[i].Flags&wNonLatin == 0 {
			return false
		}
		other++
	}
	return other > 0
}
