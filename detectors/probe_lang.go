package detectors

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pages in languages without a dictionary.
//
// The built-in letter model knows English and the languages whose words it
// was trained on; a page in Dutch, Tagalog or Vietnamese costs it more bits
// a letter, so every word there looks a little random and a token among
// them looks a little less so. Without a dictionary of the page's language
// and without the wiki's own model, the page itself is the best sample of
// its language: its text, read as Train reads a wiki, gives a model under
// which its words are ordinary again and a token still is not.

// pageModelMinBytes is the least text a page model is learned from.
const pageModelMinBytes = 1500

// wantsPageModel reports whether the edit is worth judging again under a
// model of its page's own language: the page is mostly in Latin letters,
// in a language other than English, long enough to tell its language,
// and a word is at stake: flagged, or, in a language with no dictionary
// loaded, held back by the odd letters of the text around it. A language
// with a dictionary gets the second look too when a word is flagged: a
// dictionary misses forms (Finnish cases, Hungarian suffixes, a Malay
// word an Indonesian dictionary lacks) and another language's may claim
// a text (Galician's short forms read Maori), and the language's letters
// tell its rare words from random ones.
func (p *prober) wantsPageModel() bool {
	if p.edit0.Format == FormatMarkdown || p.pageLang() == "en" || len(p.cands) == 0 && !p.unread {
		return false
	}
	// A related language's dictionary reading the text (borrowedDict)
	// reads it as well as one of its own: the page's letters are asked
	// only when a word is flagged, as with its own.
	p.pageLang()
	dict := p.langDict != nil
	if !dict && p.edit0.Lang == "" && (p.env == nil || p.env.Lang == "") && !p.unread {
		// A guess from a few frequent words is no language to learn;
		// text no dictionary reads is in one.
		return false
	}
	if len(p.edit0.Old) < langFitMinBytes && len(p.edit0.New) < langFitMinBytes {
		return false
	}
	if p.edit.words == 0 {
		return false
	}
	if p.edit.nonLatin*2 > p.edit.words {
		// A page in another script: its Latin words are names,
		// transliterations and titles of its language ("Kodai
		// ejiputojin" on a Japanese page) as often as English. Learned
		// from the page before the edit only: a page created with a
		// token holds too few Latin words to learn without it.
		return len(p.edit0.Old) >= pageModelMinBytes && p.flagged()
	}
	if p.unread && !dict {
		// No dictionary reads the text: the letters of the language
		// around held back every word, a probe too, whatever it scored.
		return true
	}
	for i := range p.cands {
		c := &p.cands[i]
		if c.score >= 0.5 {
			return true
		}
		if dict {
			continue
		}
		for _, t := range c.terms[:c.nterms] {
			if (t.kind == termForeign || t.kind == termDiacriticText || t.kind == termOddNeighbours) && c.evidence-t.bits >= probeThresholdBits {
				return true
			}
		}
		if p.heldByLanguage(c) {
			return true
		}
	}
	return false
}

// heldByLanguage reports whether c, on a page created whole, would score
// as a token but for the language of the text around it: the letters of
// the text around, the unusual words next to it and the diacritics around,
// one thing said three ways (that the word is of the language around),
// together. Such a word is judged again under the page's own letters
// (wantsPageModel), and is kept for that however low it scores. Taken
// one by one, no term held back a random draw on a small Wikipedia's page
// whose other terms summed to 20-40 bits against it.
//
// Not on an edit to a page, where one of them alone must hold the word
// back (wantsPageModel), as before: its page model is learned from the text
// before the edit, which lacks the rare words the edit adds, and judged so
// real words of paragraphs added to small Wikipedias' pages were flagged
// (probeeval -set wiki-chunks-paras: 1 -> 2 on tuning). A page created
// whole is learned from its own text, every rare word of it included.
func (p *prober) heldByLanguage(c *probeCandidate) bool {
	if p.a.old != "" || p.edit0.Format == FormatMarkdown {
		return false
	}
	around := 0.0
	for _, t := range c.terms[:c.nterms] {
		if t.kind == termForeign || t.kind == termDiacriticText || t.kind == termOddNeighbours {
			around += t.bits
		}
	}
	return around < 0 && c.evidence-around >= probeThresholdBits
}

// flagged reports whether a word scores as a token.
func (p *prober) flagged() bool {
	for i := range p.cands {
		if p.cands[i].score >= 0.5 {
			return true
		}
	}
	return false
}

// latinPageMinWords is the fewest Latin words a page in another script
// has for a model of them to be learned (latinPageModel).
const latinPageMinWords = 150

// latinPageModel returns a letter model of the Latin words of a page in
// another script before the edit (its names, transliterations and
// citations), 30% of it mixed with the base model, or the base model when
// the page has too few of them. (Half and half, as trainPage mixes a
// page's model, lost 2% of tokens of six or seven letters.)
func latinPageModel(e *Edit) *Model {
	base := BaseModel()
	pm := trainOnPage(e.Old, false, base)
	if pm.words < latinPageMinWords {
		return base
	}
	return mixModels(pm, 0.3, base, 0.7, nil, 0)
}

// langFitClose is the most bits a letter (pageLangModel) under which a
// page is judged under a language's model alone: lingua-go's sentences of
// every language cost their own model 2.3 to 3.3 bits a letter, a
// relative's 3.0 to 5.0. Above it, the page's own words are mixed in:
// with languages held out of the models, 2.8 flagged 1.0% of paragraphs,
// 3.0 1.2%, mixing always 1.0% at 20 ms an edit; the models' own
// languages 0.43% in all three.
const langFitClose = 2.8

// langFitNone is the bits a letter above which the language of a page
// whose language is not given is taken for one the models lack, not a
// relative of the best's, and the world's letters (worldModel) are mixed
// in (trainPageWorld), as they are for a page in a language given that
// has no model (pageShareWorld tells what it gains and costs). A language with
// a model of its own is never judged so: the world's letters mixed into
// every page fitting its model loosely (from 2.8 bits, or 3.0) let
// pronounceable tokens by (49% -> 42% or 46% caught on held-out pages).
const langFitNone = 3.0

// langFitMinBytes is the least text a page's language is told from.
const langFitMinBytes = 300

// pageModelOf returns the letter model to judge the edit's page again
// under: of its Latin words on a page in another script, else of its
// language (pageModel).
func (p *prober) pageModelOf(e *Edit) *Model {
	if p.edit.nonLatin*2 > p.edit.words {
		return latinPageModel(e)
	}
	return pageModel(e)
}

// hasLangModel reports whether lang (a base language code) has a letter
// model of its own, under its code or, for a macrolanguage a wiki is
// named by, a member's ("no" Norwegian, Bokmål's "nb").
func hasLangModel(lang string) bool {
	s := langModels()
	if m, ok := macroLangs[lang]; ok {
		lang = m
	}
	return s.index(lang) >= 0
}

// macroLangs maps the codes of macrolanguages wikis are named by to the
// member language the models hold.
var macroLangs = map[string]string{"no": "nb", "sh": "hr"}

// pageShareWorld is the share of the world's letters (worldModel) in the
// model of a page whose language the models lack (trainPageWorld), taken
// from its relative's share. With languages held out (probeeval
// -holdout-lang, held-out sentences as paragraphs): flagged 0.71% without,
// 0.43% at 0.1, 0.35% at 0.2; pronounceable tokens of 8-12 letters caught
// 68.0%, 64.7%, 62.3%; of 6-7 characters 86.9%, 86.4%, 86.2% (8-12 96.5%
// in all three). 0.1 is under the 0.5% bar for the smaller loss.
const pageShareWorld = 0.1

// trainPageWorld is trainPageLang for a page whose language the models
// lack: its own words, the best relative's letters and the letters of
// the world's languages, which know the sequences of a language none
// models one by one ("qhaqholla", "ttivvi").
func trainPageWorld(text string, mayHoldToken bool, lang, world *Model) *Model {
	pm := trainOnPage(text, mayHoldToken, lang)
	if pm.words == 0 {
		return lang
	}
	return mixModels(lang, 1-pageShareOwn-pageShareWorld, pm, pageShareOwn, world, pageShareWorld)
}

// pageModel returns a letter model of the language of the page the edit
// changes, told from the text before the edit when there is enough of
// it, else from the text after: the built-in model of the language its
// words fit best, alone when it fits them as a language's own model does,
// else mixed with a model learned from the page (a language the models
// lack, judged under a relative's); without one, a model learned from the
// page mixed with the base model.
func pageModel(e *Edit) *Model {
	text, mayHold := e.Old, false
	if len(e.Old) < langFitMinBytes || len(e.Old) < pageModelMinBytes && len(e.New) >= pageModelMinBytes {
		text, mayHold = e.New, true
	}
	without := ""
	if langModelHeldOut.Load() {
		without = BaseLang(e.Lang)
	}
	if lm, _, bits, _ := pageLangModel(e.Format, text, without); lm != nil {
		if bits <= langFitClose || len(text) < pageModelMinBytes {
			return lm
		}
		if lang := BaseLang(e.Lang); lang != "" && (lang == without || !hasLangModel(lang)) || lang == "" && bits > langFitNone {
			// A language the models lack: named, or told by its fit.
			return trainPageWorld(text, mayHold, lm, worldModel(without))
		}
		return trainPageLang(text, mayHold, lm)
	}
	if len(text) < pageModelMinBytes {
		return BaseModel()
	}
	return trainPage(text, mayHold)
}

// Names with a clitic glued before them, by the text's own habit.
//
// Bantu languages write a noun-class, case or possessive prefix on a
// capitalised name ("kaMjobi", "zoBomi", "eMzantsi", "lwePAM"), and Irish
// its initial mutations ("i bPáirc", "an tSeanad", "na hÉireann"): a lower
// case start of one to four letters, then the name. cliticName spares the
// usual case, a prefix that starts other words of the text; a text that
// writes the construction again and again shows it is its language's,
// whatever the prefix. A random draw of both cases passes about once in
// 450 (TestPageClitic), and only on a page that writes so.

// pageCliticMin is how many other words of the shape the text must have:
// a page of 3 kB in Xhosa has two to ten.
const pageCliticMin = 2

// pageClitic reports whether w, a mixed-case word without digits, is a
// name with a clitic before it (cliticShape, a lower-case cliticPrefix) in
// a text that has pageCliticMin other words of that shape, and its name is
// one too: used elsewhere in the text on its own or after another clitic,
// or, unless an acronym, a word of a dictionary or built of a word's
// letters (vowels between runs of at most two consonants, as cliticName
// judges a name); or a word with a capitalised pronoun after it
// (encliticWord).
func (p *prober) pageClitic(w string) bool {
	if p.encliticWord(w) {
		return true
	}
	i, ok := cliticShape(w)
	if !ok || w[0] < 'a' || !cliticPrefix(w[:i]) {
		return false
	}
	others := 0
	var seen [pageCliticMin]string
	nameUsed := false
	name := w[i:]
	for _, v := range p.words {
		if v.Flags&wUpperInner == 0 || v.Flags&wDigit != 0 {
			continue
		}
		t := p.text[v.Lo:v.Hi]
		k, ok := cliticShape(t)
		if !ok || t == w {
			continue
		}
		nameUsed = nameUsed || t[k:] == name
		if others < len(seen) && !slices.Contains(seen[:others], t) {
			seen[others] = t
			others++
		}
		if others >= pageCliticMin && nameUsed {
			break
		}
	}
	if others < pageCliticMin {
		return false
	}
	if nameUsed || p.usedAlone(name) {
		return true
	}
	if acronymName(name) {
		return false // an acronym the text names nowhere else
	}
	if p.isWord(name) {
		return true
	}
	sym, ok := foldWord(p.scratchSym[:0], name)
	p.scratchSym = sym
	if !ok || len(sym) < 3 {
		return false
	}
	vowels, run := probeVowels(sym)
	return vowels*3 >= len(sym) && run <= 2
}

// cliticShape reports whether w is one to four lower-case letters (or a
// capital and one or two, at a sentence's start), a capital, then two or more lower-case letters (maybe closed by two to
// five capitals) or one to four more capitals: "kaMjobi", "bPáirc",
// "yeBancABC", "lwePAM". It returns where the name starts.
func cliticShape(w string) (int, bool) {
	i := 0
	if w != "" && w[0] >= 'A' && w[0] <= 'Z' {
		i++ // at a sentence's start: "EziNcwadi", "KwaZulu"
	}
	for i < len(w) && w[i] >= 'a' && w[i] <= 'z' {
		i++
	}
	if i < 1 || i > 4 || i == len(w) || !(w[i] >= 'A' && w[i] <= 'Z') || w[0] < 'a' && (i < 2 || i > 3) {
		return 0, false
	}
	rest := w[i+1:]
	lower := 0
	for _, r := range rest {
		if !unicode.IsLower(r) {
			break
		}
		lower += utf8.RuneLen(r)
	}
	caps := len(rest) - lower
	for _, c := range []byte(rest[lower:]) {
		if !(c >= 'A' && c <= 'Z') {
			return 0, false
		}
	}
	switch {
	case lower >= 2 && (caps == 0 || caps >= 2 && caps <= 5):
		return i, true
	case lower == 0 && caps >= 1 && caps <= 4:
		return i, true
	}
	return 0, false
}

// encliticWord reports whether w is a real word of four letters or more
// (capitalised or not) with a pronoun of one capital and one or two
// lower-case letters glued after it, as Malay and Indonesian write one
// that means God ("SyurgaMu", "kasihNya", "firmanKu"). A random draw
// seldom starts with a word of a dictionary and ends so.
func (p *prober) encliticWord(w string) bool {
	i := len(w) - 1
	for i > 0 && w[i] >= 'a' && w[i] <= 'z' {
		i--
	}
	if n := len(w) - i; n < 2 || n > 3 || i < 4 || !(w[i] >= 'A' && w[i] <= 'Z') {
		return false
	}
	if !strings.ContainsAny(w[i+1:], "aeiou") {
		return false // "Mu", "Nya", "Ku": a syllable
	}
	stem := w[:i]
	for k := 1; k < len(stem); k++ {
		if !(stem[k] >= 'a' && stem[k] <= 'z') {
			return false
		}
	}
	return p.isWord(stem)
}

// cliticPrefix reports whether the lower-case p is built as a clitic
// is: ending in a vowel as a Bantu class or case prefix does ("ka", "kwi",
// "lwe", "e"), or one of the consonants of Irish mutations ("b", "bh",
// "t", "h").
func cliticPrefix(p string) bool {
	switch p {
	case "b", "bh", "d", "g", "h", "m", "n", "t":
		return true
	}
	return strings.IndexByte("aeiou", p[len(p)-1]) >= 0
}

// acronymName reports whether name is two to five capitals.
func acronymName(name string) bool {
	if len(name) < 2 || len(name) > 5 {
		return false
	}
	for _, c := range []byte(name) {
		if !(c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// foreignSlack is how many bits beyond what the language m explains of
// c's letters sym the discount for the language around may reach
// (foreignSlackBits): none for letters that m, the page's own language,
// finds less likely than a uniform draw of as many letters. A random draw
// is random in every language; a rare word of the language, whose letters
// its model explains only in part, keeps the slack. Pages only: in posts
// (a site in Portuguese) user names and glossed examples lost it too
// (probeeval -set gloss/tune 43 -> 46 flagged, so-pt/tune 0 -> 1).
func (p *prober) foreignSlack(c *probeCandidate, m *Model, sym []uint8) float64 {
	if c.parts || p.edit0.Format == FormatMarkdown || m != p.ownLangModel() || m.bits(sym) < float64(len(sym))*log2Letters {
		return foreignSlackBits
	}
	return 0
}
