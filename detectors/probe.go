package detectors

import (
	"sync"
)

// The probe detector's code, by concern: this file runs it; probe_candidate.go
// picks the words worth judging, probe_score.go sums their evidence (its
// weights are the calibration) and explains it, probe_place.go says where a
// word sits, probe_context.go what the text around it says, probe_dict.go
// which dictionaries know it. Shapes: probe_alnum.go (letters and digits,
// mixed case), probe_shape.go (vowels, keyboard runs, repeats),
// probe_ident.go (identifiers and what the text says of a word),
// probe_soft.go (software names), probe_lang.go (pages in languages without
// a dictionary), probe_glued.go (a dictionary word glued to an affix of the page),
// probe_person.go (people's and users' names, fields), probe_mention.go
// (words mentioned as words, names by their role in a sentence).

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
// accounts for odd letters, not digits mixed in; and outside posts it
// explains no more of a word than the world's letters do (worldModel, the
// pooled model of every built-in language, and a few bits): random letters
// are no language's. A word in a dictionary
// (Env.Dicts) or in the wiki's own words (Env.Words) is never a token by
// itself, nor odd company for the words next to it. The page is judged in
// its language (Edit.Lang, else GuessLang, else Env.Lang).
//
// Technical text is full of words that look random letter by letter and
// are built as identifiers are (probe_ident.go): hashes, dimensions, file
// modes, stretched words, in posts product names of English words and an
// acronym; a word the text links to, its code names, its title names, it
// has in another form, or that sits among identifiers counts against (the
// words of prose set as code, a mail's indented quote, are no identifiers:
// identWord); but
// a word that breaks a sentence of ordinary prose, the one odd word of it
// and used nowhere else (loneInProse), is judged by that sentence: identifiers
// further along and a long page count less against it; and in a technical
// post a word of prose whose letters the text has nowhere else (onlyUse),
// not in its code, a path or a link, takes less of the technical discount;
// a random mix of cases or digits standing apart in code takes less of the
// code's discount when the text has no other word of that shape (no key,
// hash or id of its own: strayAlone), and letters and digits alone on a
// line of code, used nowhere else, stand apart so too (aloneInCode). A
// word a space after a digit and a space before a decimal point splits a
// number as a word splitting code does ("3 kq3zt9 .12": splitsNumber), in
// prose too; a code of capitals and digits in four runs or more, used once
// and set apart by blanks, is no part number whatever its neighbours
// (capsCodeInProse). A word mixing lower-case letters with digits or
// switching case three times or more, the one odd word of a sentence of
// prose (loneInProse), counts for a probe however few bits its letters
// hold (loneMix). In a post, an acronym-and-word shape of cases
// ("OAuth") whose humps and lower-case run are no words ("NMlito") takes
// no name's discount (unnamedHumps). A page in a
// language with neither a dictionary nor the wiki's own model is judged
// again, when a word is at stake, by a letter model of the page itself
// (probe_lang.go); and in any text with words of a language no dictionary
// reads (an example sentence a post quotes, a small Wikipedia's page), a
// word whose letters are likelier under the letter pairs of the text's
// other unknown words than as a random draw takes no evidence from its
// letters (probe_lang_unknown.go).
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
	in, added := readLines(in)
	if len(added.spans) == 0 {
		return Result{Detector: ProbeName}
	}
	m, modelName := BaseModel(), "the built-in letter model"
	if in.Env != nil && in.Env.Model != nil && in.Env.Model.lp != nil {
		m, modelName = in.Env.Model, "this wiki's letter model"
	}
	p := proberPool.Get().(*prober)
	defer proberPool.Put(p)
	p.pass(in, added, m, modelName, false)
	if m == BaseModel() && p.wantsPageModel() {
		// A page in a language the bot has neither a dictionary nor a
		// letter model of: its own words are the model of its language.
		p.pass(in, added, p.pageModelOf(in.Edit), "a letter model of this page's language", true)
	}
	return p.result(in.Env.threshold(ProbeName))
}

// pass judges the words in added under the letter model m, named
// modelName in the reasons; pageModel says m is the page's own.
func (p *prober) pass(in *Input, added *Added, m *Model, modelName string, pageModel bool) {
	p.reset(m, added, in.Edit.Anon)
	p.modelName = modelName
	p.pageModel = pageModel
	p.setWords(in.Edit, in.Env)
	p.run()
}

// proberPool recycles the scratch buffers of Probe.
var proberPool = sync.Pool{New: func() any { return new(prober) }}

// prober holds one Probe call's state and its reusable buffers.
type prober struct {
	m         *Model
	modelName string // for reasons: "this wiki's letter model"
	a         *Added
	text      string // the new text
	anon      bool

	edit0     *Edit
	env       *Env
	lang      string // the page's language, once known
	langDone  bool
	langDict  Words  // the dictionary of the page's language, or nil
	unread    bool   // no dictionary reads the added text
	borrowed  bool   // langDict is a related language's: the named one has none
	hint      string // the language langHint gave detectLang
	hintNamed bool   // hint is the edit's or the wiki's, not a guess
	enDict    Words
	extra     Words // the wiki's vocabulary and allow-list

	sc            readers
	words         []scanWord
	wbits         []float32 // per word: bits per letter of an ordinary lower-case word, or -1
	sym           []uint8   // folded letters of the scored words, back to back
	cands         []probeCandidate
	added         []uint64   // wordHash of the candidate-sized added words
	addedCount    hashCounts // the same, counted
	oldWords      hashCounts // the words collectOld asks about, counted in the lines the edit removed
	oldAll        hashCounts // every word of those lines, when oldHas asks of another (oldAllDone)
	oldAllDone    bool
	fresh         int    // distinct candidate-sized added words the removed lines do not have
	rivals        int    // distinct candidates: the words that could be taken for a token
	wordKnown     []int8 // per word: 1 a dictionary has it, -1 none does, 0 not looked up (wordAt)
	edit          probeTextStats
	known         []lineKnown
	scripts       []lineScript
	scratch       []float64
	medians       []lineMedian
	editMed       float64
	editMedK      int8       // 0 unknown, 1 known, -1 too few words
	scratchSym    []uint8    // folded letters of a word looked at aside
	urls          []byteSpan // the text's URLs (after "://"), once looked for
	urlsDone      bool
	pageModel     bool    // p.m was learned from the page: its language is the model's
	tech          float64 // technical(), once known
	techDone      bool
	techShape     float64 // technicalFor prose set as code, once known
	techShapeDone bool
	softNames     int        // candidates and short words with a software name's letters, once counted
	short         []byteSpan // lower-case words too short to judge in a post
	softDone      bool
	altDone       bool
	altCommon     bool   // long words alternating consonants and vowels are common in the text
	world         *Model // worldModel for this edit, once asked
	ownLetters    *Model // the page language's built-in letter model, or nil (ownLangModel), once asked
	ownDone       bool
	unk           *unknownPairs // the letter pairs of the text's unknown words (unknownFit), kept from one use to the next
	foreignDia    int           // words with diacritics no dictionary of the page's own language has (foreignDiacritics), once counted
	foreignDiaOK  bool
	traceAll      bool // keep every candidate, however low it scores (ProbeTrace)
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
	if p.unk != nil {
		p.unk.done = false
	}
	p.addedCount.reset(0)
	p.oldWords.reset(0)
	p.oldAll.reset(0)
	*p = prober{
		m: m, modelName: "the letter model", a: a, text: a.new, anon: anon, sc: p.sc,
		words: p.words[:0], wbits: p.wbits[:0], sym: p.sym[:0], cands: p.cands[:0],
		added: p.added[:0], addedCount: p.addedCount, oldWords: p.oldWords, oldAll: p.oldAll, scratch: p.scratch[:0], medians: p.medians[:0], known: p.known[:0], scripts: p.scripts[:0],
		scratchSym: p.scratchSym[:0], unk: p.unk, urls: p.urls[:0], short: p.short[:0], wordKnown: p.wordKnown[:0],
	}
}

type lineScript struct {
	line  int
	other bool
}
