package detectors

import (
	"fmt"
	"hash/maphash"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// ProbeName is the probe detector's name in configuration and results.
const ProbeName = "probe"

// Probe is the probe detector. It looks for the short random-letter
// "tracking codes" botnets insert into small wikis to see whether the text
// survives.
//
// It scores each word of running text the edit added (markup skipped
// structurally, see the scanner) that the old text does not already have. A
// word's evidence, in bits, is how much better uniform random letters explain
// it than the wiki's letter model does, plus what its shape and place add:
// keyboard runs, missing vowels and repeated chunks count for it; capitals
// (names, acronyms), diacritics, tables, captions, link text, compounds and
// surrounding text the model finds foreign count against it; an anonymous
// editor, a word alone on a new line or slipped into an existing sentence
// count for it. The score is a probeLogistic function of the strongest word's
// evidence, 0.5 at probeThresholdBits.
//
// Tokens lists the words scoring 0.5 or more; Reasons explain every word
// scoring probeReasonScore or more, with the word as Subject.
func Probe(in *Input) Result {
	res := Result{Detector: ProbeName}
	if in == nil || in.Edit == nil {
		return res
	}
	added := in.Added
	if added == nil || added.spans == nil && len(added.Lines) > 0 {
		added = Diff(in.Edit.Old, in.Edit.New)
	}
	if len(added.spans) == 0 {
		return res
	}
	m := BaseModel()
	if in.Env != nil && in.Env.Model != nil && in.Env.Model.lp != nil {
		m = in.Env.Model
	}
	p := prober{m: m, a: added, anon: in.Edit.Anon}
	p.run()
	return p.result()
}

// Calibration. Evidence is in bits; the score is
// 1/(1+2^(-(evidence-probeThresholdBits)/probeScaleBits)).
const (
	probeThresholdBits = 9.0
	probeScaleBits     = 2.0
	probeReasonScore   = 0.25              // words scoring at least this get reasons
	probeMinLetters    = 4                 // shorter words are never probes
	probeMaxLetters    = 40                // longer runs are not tokens a bot plants
	log2Letters        = 4.700439718141092 // log2(26): bits per uniform random letter
)

// probeFloorBits: words whose letters the model likes this much better than
// random letters are not looked at further.
const probeFloorBits = -4.0

// Evidence weights, in bits.
const (
	bitsAnon          = 2.0  // anonymous editor
	bitsRegistered    = -3.0 // logged-in editor
	bitsAlone         = 3.0  // alone on an added line
	bitsMidSentence   = 2.0  // between words of running text
	bitsInserted      = 4.0  // the line minus the word is a line of the old text
	capsShare         = 0.5  // a capitalised word keeps this share of its letters' evidence
	bitsCapitalised   = -8.0
	bitsCamelCase     = -14.0
	bitsAllCaps       = -14.0
	bitsDiacritic     = -14.0
	bitsJoined        = -5.0 // part of a hyphenated or apostrophe word
	bitsTable         = -6.0
	bitsHeading       = -3.0
	bitsListItem      = -1.0
	bitsLinkText      = -4.0
	bitsExtLinkText   = -4.0
	bitsCaption       = -4.0
	bitsPre           = -8.0
	bitsURLPart       = -30.0 // next to "www", "http", "com"... in text stripped of punctuation
	bitsRepeatedWord  = -3.0  // the word occurs more than once in the added text
	bitsNoVowels      = 3.0
	bitsConsonantRun  = 1.5 // per consonant beyond 4 in a row
	bitsKeyboardRun   = 3.0
	bitsRepeatedChunk = 4.0
	bitsForeignText   = -6.0 // per bit per letter the surrounding text is above normal prose
	bitsForeignMax    = -12.0
	normalProseBits   = 3.0  // median bits per letter of ordinary words under a model of their language
	bitsOtherScripts  = -8.0 // the surrounding text is partly in another script
	bitsDiacriticText = -8.0 // the surrounding text has words with diacritics
	newWordsShare     = 1.0  // bits per doubling of the new words the edit adds (many chances for one odd word)
	bitsShort         = -2.0 // five letters or fewer: abbreviations, names and typos are common, codes are short-lived
)

// probeCandidate is one word being scored.
type probeCandidate struct {
	w        scanWord
	idx      int // in prober.words
	text     string
	sym      []uint8 // folded letters
	bits     float64 // surprisal under the model, incl. the word end
	evidence float64
	score    float64
	reasons  []Reason
	trace    []probeTrace
}

// probeTrace is one term of a probeCandidate's evidence, for tests and tuning.
type probeTrace struct {
	what string
	bits float64
}

type prober struct {
	m    *Model
	a    *Added
	anon bool

	words    []scanWord
	wbits    []float32 // per word: bits per letter under the model, or -1 when not a prose word
	sym      []uint8
	cands    []probeCandidate
	fresh    int      // distinct probeCandidate-sized words the removed lines do not have
	oldWords []uint64 // sorted hashes of the lower-cased words of the removed lines
	edit     probeTextStats
}

// probeTextStats describes running text: how many words, how many in other
// scripts or with diacritics.
type probeTextStats struct {
	words, diacritic, nonLatin int
}

func (p *prober) run() {
	var sc scanner
	p.words = sc.scan(p.a.new, p.a.spans, nil)
	if len(p.words) == 0 {
		return
	}
	p.wbits = make([]float32, len(p.words))
	type pending struct {
		i, symLo, symHi int
		bits            float64
	}
	var todo []pending
	var eligible []uint64 // hashes of probeCandidate-sized words, to count the new ones
	for i, w := range p.words {
		p.wbits[i] = -1
		p.edit.words++
		f := w.flags
		if f&wNonLatin != 0 {
			p.edit.nonLatin++
			continue
		}
		if f&wDiacritic != 0 {
			p.edit.diacritic++
		}
		if f&(wDigit|wCode) != 0 {
			continue
		}
		lo := len(p.sym)
		var ok bool
		p.sym, ok = foldWord(p.sym, p.a.new[w.lo:w.hi])
		n := len(p.sym) - lo
		if !ok || n < 3 || n > probeMaxLetters {
			p.sym = p.sym[:lo]
			continue
		}
		b := p.m.bits(p.sym[lo:])
		if f&(wUpperFirst|wUpperInner|wDiacritic) == 0 {
			p.wbits[i] = float32(b / float64(n+1))
		}
		if n < probeMinLetters {
			continue
		}
		eligible = append(eligible, maphash.String(diffSeed, strings.ToLower(p.a.new[w.lo:w.hi])))
		// Only words the model finds unlikely go on.
		if b-float64(n)*log2Letters >= probeFloorBits {
			todo = append(todo, pending{i, lo, len(p.sym), b})
		}
	}
	if len(todo) == 0 {
		return
	}
	p.fresh = p.countFresh(eligible)
	for _, t := range todo {
		w := p.words[t.i]
		c := probeCandidate{w: w, idx: t.i, text: p.a.new[w.lo:w.hi], sym: p.sym[t.symLo:t.symHi], bits: t.bits}
		if p.a.OldHasWord(c.text) {
			continue
		}
		p.judge(&c)
		p.cands = append(p.cands, c)
	}
}

// countFresh counts the distinct words among hashes that the lines the edit
// removed or changed do not have.
func (p *prober) countFresh(hashes []uint64) int {
	var old []uint64
	p.a.removedLines(func(line string) {
		for i := 0; i < len(line); {
			if !scanIsWordAt(line, i) {
				i++
				continue
			}
			j := i
			for j < len(line) && (line[j] >= utf8.RuneSelf || scanIsAlnum(line[j])) {
				j++
			}
			old = append(old, maphash.String(diffSeed, strings.ToLower(line[i:j])))
			i = j
		}
	})
	slices.Sort(hashes)
	hashes = slices.Compact(hashes)
	slices.Sort(old)
	p.oldWords = old
	n := 0
	for _, h := range hashes {
		if _, found := slices.BinarySearch(old, h); !found {
			n++
		}
	}
	return n
}

// judge computes a probeCandidate's evidence, score and reasons.
func (p *prober) judge(c *probeCandidate) {
	n := len(c.sym)
	f := c.w.flags
	ev := probeEvidence{}
	llr := c.bits - float64(n)*log2Letters
	switch {
	case f&wUpperInner != 0 && f&wLower == 0:
		llr = llr*capsShare + bitsAllCaps // an acronym
	case f&wUpperInner != 0:
		llr = llr*capsShare + bitsCamelCase // a name or identifier
	case f&wUpperFirst != 0:
		llr = llr*capsShare + bitsCapitalised // a name
	}
	ev.add(llr, Reason{Code: ProbeRandomToken, Subject: c.text,
		Detail: fmt.Sprintf("1 in 10^%.0f under this wiki's letter model (%.1f bits per letter; random letters are %.1f)",
			c.bits*math.Log10(2), c.bits/float64(n+1), log2Letters)})

	// Shape.
	vowels, run := probeVowels(c.sym)
	switch {
	case vowels == 0:
		ev.add(bitsNoVowels+bitsConsonantRun*float64(max(0, run-4)), Reason{Code: ProbeNoVowels, Subject: c.text,
			Detail: fmt.Sprintf("no vowels in %d letters", n)})
	case run >= 5:
		ev.add(bitsConsonantRun*float64(run-4), Reason{Code: ProbeNoVowels, Subject: c.text,
			Detail: fmt.Sprintf("a run of %d probeTestConsonants", run)})
	}
	if k, lo := probeKeyboardRun(c.sym); k >= 4 {
		ev.add(bitsKeyboardRun+float64(k-4), Reason{Code: ProbeKeyboardRun, Subject: c.text,
			Detail: fmt.Sprintf("%q runs along the keyboard", probeSymString(c.sym[lo:lo+k]))})
	}
	if period, reps := probeRepeatedChunk(c.sym); reps >= 3 {
		ev.add(bitsRepeatedChunk+float64(reps-3), Reason{Code: ProbeRepeated, Subject: c.text,
			Detail: fmt.Sprintf("%q repeated %d times", probeSymString(c.sym[:period]), reps)})
	}
	if n <= 5 {
		ev.neg("short", bitsShort)
	}
	if f&wDiacritic != 0 {
		ev.neg("diacritic", bitsDiacritic)
	}
	if f&wJoined != 0 {
		ev.neg("joined", bitsJoined)
	}

	// Place.
	switch {
	case f&cPre != 0:
		ev.neg("pre", bitsPre)
	case f&cTable != 0:
		ev.neg("table", bitsTable)
	case f&cCaption != 0:
		ev.neg("caption", bitsCaption)
	case f&cLink != 0:
		ev.neg("link", bitsLinkText)
	case f&cExtLink != 0:
		ev.neg("extlink", bitsExtLinkText)
	case f&cHeading != 0:
		ev.neg("heading", bitsHeading)
	case f&cList != 0:
		ev.neg("list", bitsListItem)
	}
	if p.urlPart(c) {
		ev.neg("url", bitsURLPart)
	}
	if p.occurrences(c) > 1 {
		ev.neg("repeated", bitsRepeatedWord)
	}
	if p.fresh > 1 {
		ev.neg("fresh", -newWordsShare*math.Log2(float64(p.fresh)))
	}
	// Surrounding text: foreign to the model, diacritics, other scripts.
	if med, ok := p.contextBits(c); ok {
		if excess := med - normalProseBits; excess > 0 {
			ev.neg("foreign", max(bitsForeignMax, bitsForeignText*excess))
		}
	}
	ctx := p.edit
	ctx.words--
	if f&wDiacritic != 0 {
		ctx.diacritic--
	}
	if ctx.words > 0 {
		if share := float64(ctx.nonLatin) / float64(ctx.words); share > 0.1 {
			ev.neg("scripts", bitsOtherScripts*min(1, share*2))
		}
		if share := float64(ctx.diacritic) / float64(ctx.words); share > 0.05 {
			ev.neg("diacritics", bitsDiacriticText*min(1, share*4))
		}
	}

	// Who and how.
	if p.anon {
		ev.pos("anon", bitsAnon)
	} else {
		ev.neg("registered", bitsRegistered)
	}
	where := ""
	switch {
	case p.inserted(c):
		ev.pos("inserted", bitsInserted+bitsMidSentence)
		where = "slipped into an existing line"
	case p.alone(c):
		ev.pos("alone", bitsAlone)
		where = "alone on an added line"
	case p.midSentence(c):
		ev.pos("mid", bitsMidSentence)
		where = "in the middle of running text"
	}
	if where != "" {
		who := "a logged-in editor"
		if p.anon {
			who = "an anonymous editor"
		}
		ev.reasons = append(ev.reasons, Reason{Code: ProbeIsolated, Subject: c.text,
			Detail: fmt.Sprintf("new to the page, %s, added by %s", where, who)})
		ev.weights = append(ev.weights, ev.ctxPos)
	}
	c.evidence = ev.total
	c.score = probeLogistic(c.evidence)
	c.reasons = ev.finish(c.score)
	c.trace = ev.trace
}

// contextBits returns the median bits per letter of the ordinary lower-case
// words around c: on its line, or in the whole edit when the line has few.
func (p *prober) contextBits(c *probeCandidate) (float64, bool) {
	var vals []float64
	collect := func(sameLine bool) {
		vals = vals[:0]
		for i, b := range p.wbits {
			if i == c.idx || b < 0 || sameLine && p.words[i].line != c.w.line {
				continue
			}
			vals = append(vals, float64(b))
		}
	}
	collect(true)
	if len(vals) < 4 {
		collect(false)
	}
	if len(vals) < 4 {
		return 0, false
	}
	slices.Sort(vals)
	return vals[len(vals)/2], true
}

func probeLogistic(ev float64) float64 {
	return 1 / (1 + math.Exp2(-(ev-probeThresholdBits)/probeScaleBits))
}

// probeEvidence sums bits and keeps the reasons that added them.
type probeEvidence struct {
	total   float64
	ctxPos  float64 // positive context bits, explained by one ProbeIsolated reason
	reasons []Reason
	weights []float64 // bits behind each reason
	trace   []probeTrace
}

func (e *probeEvidence) add(bits float64, r Reason) {
	e.total += bits
	e.reasons = append(e.reasons, r)
	e.weights = append(e.weights, bits)
	e.trace = append(e.trace, probeTrace{string(r.Code), bits})
}

// neg adds bits that speak against a probe, pos context that speaks for one.
func (e *probeEvidence) neg(what string, bits float64) {
	e.total += bits
	e.trace = append(e.trace, probeTrace{what, bits})
}
func (e *probeEvidence) pos(what string, bits float64) {
	e.total += bits
	e.ctxPos += bits
	e.trace = append(e.trace, probeTrace{what, bits})
}

// finish sets each reason's weight to its share of the score, splitting the
// score in proportion to the positive bits behind each reason.
func (e *probeEvidence) finish(score float64) []Reason {
	var sum float64
	for _, w := range e.weights {
		sum += max(0, w)
	}
	out := e.reasons[:0]
	for i, r := range e.reasons {
		if e.weights[i] <= 0 {
			continue
		}
		r.Weight = math.Round(score*e.weights[i]/sum*1000) / 1000
		out = append(out, r)
	}
	return out
}

func (p *prober) result() Result {
	res := Result{Detector: ProbeName}
	best := -1
	for i := range p.cands {
		c := &p.cands[i]
		if best < 0 || c.score > p.cands[best].score {
			best = i
		}
	}
	if best < 0 {
		return res
	}
	res.Score = math.Round(p.cands[best].score*1e4) / 1e4
	seen := map[string]bool{}
	for i := range p.cands {
		c := &p.cands[i]
		if c.score < probeReasonScore || seen[c.text] {
			continue
		}
		seen[c.text] = true
		if c.score >= 0.5 {
			res.Tokens = append(res.Tokens, c.text)
		}
		res.Reasons = append(res.Reasons, c.reasons...)
	}
	return res
}

// probeVowels counts vowels (a e i o u y) and the longest run of
// probeTestConsonants.
func probeVowels(sym []uint8) (vowels, longestRun int) {
	run := 0
	for _, s := range sym {
		switch s {
		case 'a' - 'a' + 1, 'e' - 'a' + 1, 'i' - 'a' + 1, 'o' - 'a' + 1, 'u' - 'a' + 1, 'y' - 'a' + 1:
			vowels++
			run = 0
		default:
			run++
			longestRun = max(longestRun, run)
		}
	}
	return vowels, longestRun
}

// probeKeyPos is each letter's row and column on a QWERTY keyboard, columns in
// quarter keys to follow the rows' stagger.
var probeKeyPos = func() (pos [27][2]int8) {
	rows := [3]string{"qwertyuiop", "asdfghjkl", "zxcvbnm"}
	offset := [3]int8{0, 1, 3}
	for r, row := range rows {
		for c, ch := range row {
			pos[ch-'a'+1] = [2]int8{int8(r), int8(c)*4 + offset[r]}
		}
	}
	return pos
}()

// probeKeyboardRun returns the longest stretch of letters where each is next to
// the one before on the keyboard, in one direction ("asdf", "poiu", "qaz").
func probeKeyboardRun(sym []uint8) (length, at int) {
	best, bestAt := 1, 0
	cur, curAt := 1, 0
	var dir [2]int8
	for i := 1; i < len(sym); i++ {
		a, b := probeKeyPos[sym[i-1]], probeKeyPos[sym[i]]
		d := [2]int8{b[0] - a[0], b[1] - a[1]}
		adj := sym[i] != sym[i-1] && (d[0] == 0 && (d[1] == 4 || d[1] == -4) ||
			(d[0] == 1 || d[0] == -1) && d[1] >= -3 && d[1] <= 3)
		switch {
		case adj && cur > 1 && d == dir:
			cur++
		case adj:
			cur, curAt, dir = 2, i-1, d
		default:
			cur, curAt = 1, i
		}
		if cur > best {
			best, bestAt = cur, curAt
		}
	}
	return best, bestAt
}

// probeRepeatedChunk finds a chunk of 1 to 4 letters that the word repeats from
// its start ("asdasdasd": "asd" 3 times; "aaaa": "a" 4 times), returning
// the chunk length and how many times it repeats in a row.
func probeRepeatedChunk(sym []uint8) (period, reps int) {
	bestP, bestR := 0, 0
	for start := 0; start < len(sym); start++ {
		for p := 1; p <= 4 && start+2*p <= len(sym); p++ {
			k := start + p
			for k < len(sym) && sym[k] == sym[k-p] {
				k++
			}
			r := (k - start) / p
			need := 3
			if p == 1 {
				need = 4
			}
			if r >= need && r > bestR {
				bestP, bestR = p, r
			}
		}
	}
	if bestP == 1 && bestR < 4 {
		return 0, 0
	}
	if bestP == 1 {
		bestR-- // "aaaa" reads as three repeats of a doubled letter
	}
	return bestP, bestR
}

func probeSymString(sym []uint8) string {
	b := make([]byte, len(sym))
	for i, s := range sym {
		b[i] = 'a' + s - 1
	}
	return string(b)
}

// urlPart reports whether a word sits among the pieces of a URL in text whose
// punctuation was stripped ("http www example com", "image name jpg").
func (p *prober) urlPart(c *probeCandidate) bool {
	t := p.a.new
	i := c.w.lo
	for i > 0 && (t[i-1] == ' ' || t[i-1] == '/' || t[i-1] == ':') {
		i--
	}
	j := i
	for j > 0 && scanIsAlnum(t[j-1]) {
		j--
	}
	if i > j && probeURLPrefixes[strings.ToLower(t[j:i])] {
		return true
	}
	i = c.w.hi
	for i < len(t) && (t[i] == ' ' || t[i] == '.') {
		i++
	}
	j = i
	for j < len(t) && scanIsAlnum(t[j]) {
		j++
	}
	return j > i && probeURLSuffixes[strings.ToLower(t[i:j])]
}

var probeURLPrefixes = map[string]bool{"http": true, "https": true, "www": true, "ftp": true, "mailto": true}
var probeURLSuffixes = map[string]bool{
	"com": true, "org": true, "net": true, "edu": true, "gov": true, "html": true, "htm": true, "php": true,
	"asp": true, "aspx": true, "jpg": true, "jpeg": true, "png": true, "gif": true, "svg": true, "pdf": true,
}

// neighbours returns the words before and after c on its line.
func (p *prober) neighbours(c *probeCandidate) (prev, next string) {
	i := c.idx
	if i > 0 && p.words[i-1].line == c.w.line {
		pw := p.words[i-1]
		prev = p.a.new[pw.lo:pw.hi]
	}
	if i+1 < len(p.words) && p.words[i+1].line == c.w.line {
		nw := p.words[i+1]
		next = p.a.new[nw.lo:nw.hi]
	}
	return prev, next
}

// occurrences counts the added words spelled like c.
func (p *prober) occurrences(c *probeCandidate) int {
	n := 0
	for _, w := range p.words {
		if w.hi-w.lo == len(c.text) && p.a.new[w.lo:w.hi] == c.text {
			n++
		}
	}
	return n
}

// lineOf returns the added line holding c.
func (p *prober) lineOf(c *probeCandidate) (line string, start int) {
	for _, s := range p.a.spans {
		if s.lo <= c.w.lo && c.w.lo < s.hi {
			return p.a.new[s.lo:s.hi], s.lo
		}
	}
	return "", 0
}

// alone reports whether c is all there is on its line, give or take list
// markers and punctuation.
func (p *prober) alone(c *probeCandidate) bool {
	line, _ := p.lineOf(c)
	return strings.Trim(line, " \t*#:;.,!?'\"") == c.text
}

// midSentence reports whether c sits in running text between words the old
// text already had: a new word slipped into an existing sentence.
func (p *prober) midSentence(c *probeCandidate) bool {
	if c.w.flags&(cTable|cCaption|cLink|cExtLink|cHeading|cPre) != 0 {
		return false
	}
	prev, next := p.neighbours(c)
	if prev == "" && next == "" {
		return false
	}
	for _, w := range [2]string{prev, next} {
		if w == "" {
			continue
		}
		if _, found := slices.BinarySearch(p.oldWords, maphash.String(diffSeed, strings.ToLower(w))); !found {
			return false
		}
	}
	return true
}

// inserted reports whether the line holding c, without c and a space next to
// it, is a line of the old text the edit replaced.
func (p *prober) inserted(c *probeCandidate) bool {
	line, start := p.lineOf(c)
	if line == "" {
		return false
	}
	lo, hi := c.w.lo-start, c.w.hi-start
	switch {
	case lo > 0 && line[lo-1] == ' ':
		lo--
	case hi < len(line) && line[hi] == ' ':
		hi++
	}
	return p.a.oldHasLine(line[:lo] + line[hi:])
}
