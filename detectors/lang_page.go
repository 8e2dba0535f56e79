package detectors

// The language a text is read in.
//
// A bot may have dictionaries of fifty languages (Env.Dicts) while a page
// says nothing of its language, or says the wiki's while a paragraph
// quotes another. The words the edit adds tell: the language whose
// dictionary, with English, has most of them is the one they are read in.
// Checking a sample of words against the named language's dictionary
// first keeps the common case to a dozen lookups; only text that
// dictionary does not read is tried against every other. Text no
// dictionary reads is in a language the bot has none for (Quechua,
// Tagalog without myspell-tl): its words are then judged by letters, not
// counted as unknown, and a letter model of the page judges it
// (probe_lang.go).

import (
	"math"
	"slices"
	"strings"
)

// Sampling the added words.
const (
	langSampleWords  = 24   // lower-case words of prose looked up at most
	langMinSample    = 6    // fewer tell nothing: the named language stands
	langReadShare    = 0.7  // the named language reads at least this share: no search
	langCoverShare   = 0.55 // a language reading this share (with English) is the text's
	langUnreadShare  = 0.35 // no language reads this share of langUnreadSample words or more:
	langUnreadSample = 16   // the text is in one the bot has no dictionary of
)

// langHint returns the language the edit, its text's frequent words or
// the wiki name, "en" when none does, and whether the edit or the wiki
// named it.
func (p *prober) langHint() (lang string, named bool) {
	lang = p.edit0.Lang
	named = lang != ""
	if lang == "" {
		lang = GuessLang(p.edit0.New)
	}
	if lang == "" && p.env != nil && p.env.Lang != "" {
		lang, named = p.env.Lang, true
	}
	if lang == "" {
		lang = "en"
	}
	return BaseLang(lang), named
}

// detectLang returns the language the added text is read in and the
// dictionary of it (nil when the bot has none that reads the text), and
// whether no dictionary reads a text long enough to tell.
func (p *prober) detectLang() (lang string, dict Words, unread bool) {
	hint, named := p.langHint()
	p.hint, p.hintNamed = hint, named
	if p.env == nil || len(p.env.Dicts) == 0 {
		return hint, nil, false
	}
	dict = p.env.Dicts[hint]
	var buf [langSampleWords]string
	sample := p.langSample(buf[:0])
	if len(sample) < langMinSample {
		return hint, dict, false
	}
	best, share := p.readLang(sample, hint, dict)
	if best != "" && share >= langCoverShare {
		return best, p.env.Dicts[best], false
	}
	// Text the dictionaries mostly do not read: in a language the bot has
	// none for, when there is enough of it to tell, and the page it is
	// added to is too. Random letters added to a page of a language the
	// bot reads (keyboard mashing) are read in the page's language.
	unread = len(sample) >= langUnreadSample && share < langUnreadShare
	if unread && len(p.edit0.Old) >= pageModelMinBytes {
		if l, ok := p.oldLang(hint, dict); ok {
			return l, p.env.Dicts[l], false
		}
	}
	// A language the edit or the wiki names keeps its dictionary (Welsh
	// mutates its words' first letters, which a plain lookup misses).
	switch {
	case named && dict != nil, !unread:
		return hint, dict, false
	case named:
		return hint, nil, true
	}
	return "", nil, true
}

// borrowedDict reports whether the text is read in a dictionary of another
// language than the one the edit or the wiki names, which has none loaded:
// a related language's dictionary reads most of it (an Arpitan page read
// as French, a Tetum one as Galician or Portuguese), and the words of the
// named language it lacks are no evidence of a probe.
// It reads the hint detectLang took (langHint guesses the language of an
// edit that names none, a pass over its text not worth making twice).
func (p *prober) borrowedDict() bool {
	hint := DictLang(p.hint) // a Bokmål page read in the "no" dictionary is in its own
	return p.hintNamed && p.env != nil && p.env.Dicts[hint] == nil && p.lang != hint
}

// readLang returns the language whose dictionary, with English and the
// wiki's words, reads most of sample, and the share it reads; hint (whose
// dictionary is dict) wins ties and is taken without a search when it
// reads langReadShare. "" when no dictionary reads a word English does
// not.
func (p *prober) readLang(sample []string, hint string, dict Words) (string, float64) {
	// Most text is in the language named, or in English: a few lookups
	// tell, stopping as soon as enough words are read.
	total := float64(len(sample))
	need := int(math.Ceil(langReadShare * total))
	read := 0
	// dict is Env.Dicts[hint]: English's when hint is English, asked
	// about a word once.
	other := dict != nil && !(hint == "en" && p.enDict != nil)
	for i, w := range sample {
		if p.extra != nil && p.extra.Has(w) || p.enDict != nil && p.enDict.Has(w) || other && dict.Has(w) {
			if read++; read >= need {
				return hint, float64(read) / total
			}
		} else if read+len(sample)-i-1 < need {
			break
		}
	}
	// Words English or the wiki's own words have are no evidence either
	// way: English is read on every page.
	var buf [langSampleWords]string
	rest := buf[:0]
	read = 0
	for _, w := range sample {
		switch {
		case p.extra != nil && p.extra.Has(w), p.enDict != nil && p.enDict.Has(w):
			read++
		case other && dict.Has(w):
			read++
			rest = append(rest, w) // may still tell another language apart
		default:
			rest = append(rest, w)
		}
	}
	// Every other dictionary: the one reading most of the rest.
	common := len(sample) - len(rest)
	best, bestN := "", 0
	if dict != nil {
		best, bestN = hint, read-common
	}
	for l, d := range p.env.Dicts {
		if l == hint || l == "en" || d == nil {
			continue
		}
		n := 0
		for i, w := range rest {
			if n+len(rest)-i < bestN {
				break // cannot beat the best any more
			}
			if d.Has(w) {
				n++
			}
		}
		if n > bestN || n == bestN && n > 0 && best != hint && l < best {
			best, bestN = l, n
		}
	}
	return best, float64(common+bestN) / total
}

// oldLang returns the language a dictionary reads the page before the
// edit in, if one does.
func (p *prober) oldLang(hint string, dict Words) (string, bool) {
	old := p.edit0.Old
	if len(old) > langSample {
		old = old[:langSample]
		if i := strings.LastIndexByte(old, '\n'); i > 0 {
			old = old[:i]
		}
	}
	var sc readers
	words := sc.read(p.edit0.Format, old, []byteSpan{{Lo: 0, Hi: len(old)}}, nil)
	var buf [langSampleWords]string
	sample := sampleWords(old, words, buf[:0])
	if len(sample) < langUnreadSample {
		return "", false
	}
	l, share := p.readLang(sample, hint, dict)
	if l == "" {
		l = "en" // English alone reads it
	}
	return l, share >= langCoverShare
}

// langSample returns up to langSampleWords lower-case words of the prose
// the edit adds (no markup, names, digits or other scripts), spread
// evenly over it.
func (p *prober) langSample(out []string) []string {
	return sampleWords(p.text, p.words, out)
}

// sampleWords appends up to langSampleWords distinct lower-case words of
// prose among words of text, spread evenly over them, to out: a table's
// colour names repeated down its rows are one word.
func sampleWords(text string, words []scanWord, out []string) []string {
	const skip = wUpperFirst | wUpperInner | wDigit | wNonLatin | wCode | cMarkup
	n := 0
	for _, w := range words {
		if w.Flags&skip == 0 && w.Hi-w.Lo >= 3 {
			n++
		}
	}
	step := max(1, n/langSampleWords)
	k := 0
	for _, w := range words {
		if w.Flags&skip != 0 || w.Hi-w.Lo < 3 {
			continue
		}
		if k%step == 0 && len(out) < langSampleWords && !slices.Contains(out, text[w.Lo:w.Hi]) {
			out = append(out, text[w.Lo:w.Hi])
		}
		k++
	}
	return out
}
