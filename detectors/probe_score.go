package detectors

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/wikiwarden/wikiwarden/textview"
)

// Scoring: a word's evidence, in bits, is the sum of terms for its letters,
// its shape, its place, the text around it and who added it; its score is a
// logistic function of the sum. The weights below are the whole
// calibration, held to its targets by TestProbeQualityOnCorpus.

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
	bitsSplitCode           = 6.0   // splits an identifier or a path of the code around it in two (splitsCode)
	capsShare               = 0.5   // a capitalised word keeps this share of its letters' evidence...
	bitsCapitalised         = -10.0 // ...less this: a name
	bitsShortAlnum          = -2.0  // five characters or fewer, letters and digits
	bitsBinomial            = -8.0  // a plausible lower-case word after an unknown capitalised one: a species
	bitsCamelName           = -4.0  // a CamelCase shape: a name such as "McDonald" or "PlayStation"
	bitsProductName         = -12.0 // words and acronyms in humps: "ChatGPT", "PHPMyAdmin" (camelIdent)
	bitsCompoundName        = -16.0 // words, an acronym and numbers: "RazorV1", "GPT4All" (compoundName)
	bitsAcronymPlural       = -6.0  // "pdfs", "gpus": a lower-case acronym's plural
	bitsUnknownWord         = 4.0   // a lower-case word no dictionary of the page's language has
	dictWordlikeBits        = -3.0  // a word the dictionary's letter model likes this much better than random letters...
	bitsWordlike            = -4.0  // ...is word-like: this much against
	bitsAllCaps             = -14.0 // an acronym
	bitsShort               = -2.0  // five letters or fewer: abbreviations, names and typos are common
	bitsShortPost           = -4.0  // ...and more so in a post: "nfsd", "zlib", "zgrep", "mssql"
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
	bitsRepeatedWord        = -6.0  // per doubling of the word's uses in the added text: a token is planted once
	bitsLinkedWord          = -20.0 // the text links to a URL holding the word ("xkcd", a user's name)
	bitsCodeNamed           = -12.0 // the text's code names the word its prose uses (codeNamed)
	bitsTitleWord           = -6.0  // the page's or topic's title of several words has the word...
	titleShare              = 0.75  // ...in a post, or this share of its letters' evidence, if more
	bitsTypo                = -6.0  // one typing slip from a dictionary word
	bitsOtherForm           = -6.0  // the text has the word in another case or in the singular
	bitsCodeProse           = -3.0  // prose set as code (codeMode)
	bitsStrayCode           = -4.0  // a word in code standing apart from it (strayInCode), at most
	bitsStrayAlone          = -1.0  // ...and the text's only word of its random shape (strayAlone)
	bitsIdentNeighbour      = -3.0  // per identifier, path or code among the three words either side (at most two)
	bitsTechnical           = -6.0  // a post full of identifiers, code and paths: program names look random
	bitsIdentMax            = -9.0  // identifiers near and a technical post together, at most
	bitsLoneTechnical       = -3.0  // ...for the one odd word of a sentence of prose (loneInProse)
	bitsIdentOnce           = -6.0  // ...for a word whose letters the text and its title have nowhere else (onlyUse)
	bitsLoneFresh           = -6.0  // a page creation's length discount for that word, at most
	bitsLoneMix             = 4.0   // a random mix of cases or digits, the one odd word of a sentence (loneMix)
	bitsSpacedPunct         = 3.0   // a blank between the word and the punctuation after it, as the text nowhere else has (spacedPunct)
	bitsDrawnAlone          = 3.0   // a post's one word shaped as a random draw of cases or digits, used once (drawnAlone)
	loneLetterBits          = 8.0   // in a post, a lone word's letters this much worse than the model's words at least
	bitsNoVowels            = 3.0
	bitsConsonantRun        = 1.5 // per consonant beyond 4 in a row
	bitsKeyboardRun         = 3.0 // four keys in a row, plus one per further key
	bitsRepeatedChunk       = 4.0 // a chunk three times, plus one per further repeat
	bitsAlternating         = 4.0 // consonant, vowel, consonant... through alternatingLetters letters or more (probeAlternating)
	bitsAlternatingLetter   = 0.5 // ...plus this per further letter
	bitsDigitLed            = 4.0 // letters and digits opening with a digit, no number and its unit (digitLed)
	alternatingLetters      = 8
	bitsOddNeighbour        = -5.0
	oddNeighbourBits        = 4.2   // bits per letter above which a neighbouring lower-case word is unusual
	bitsForeignText         = -6.0  // per bit per letter the text around is above normalProseBits
	bitsForeignMax          = -12.0 //
	normalProseBits         = 3.0   // median bits per letter of ordinary words under a model of their language
	foreignSlackBits        = 4.0   // the foreign discount reaches this far beyond what the world's letters explain of the word
	bitsOtherScripts        = -8.0  // the text around is partly in another script
	bitsDiacriticText       = -8.0  // the text around has words with diacritics
	bitsPerDoubling         = -0.5  // per doubling of the new words the edit adds
	bitsPerDoublingCreation = -1.5  // the same for a page creation, which is never "slipped in"
	bitsPerDoublingLongPage = -0.5  // ...beyond longCreationWords new words
	longCreationWords       = 256   //
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
	termPerson
	termField
	termVersioned
	termSplit
	termAlternating
	termDigitLed
	termLone
	termSpaced
	termDrawn
	termTechnical
	termCount
)

var probeTermNames = [termCount]string{
	"random", "no-vowels", "keyboard", "repeated", "short", "diacritic", "joined", "table", "caption",
	"italic", "link", "extlink", "heading", "list", "url", "repeated-word", "fresh", "foreign",
	"odd-neighbours", "scripts", "diacritic-text", "anon", "registered", "inserted", "alone", "mid",
	"unknown", "template", "template-name", "ident", "marked-foreign", "ref", "attr", "target", "file",
	"comment", "code", "pre", "gallery", "wordlike", "linked", "title", "typo", "identifiers-near",
	"software-name", "user-name", "person", "field-value", "versioned", "split", "alternating",
	"digit-led", "lone", "spaced", "drawn", "technical",
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

// judge sums a candidate's evidence and scores it.
func (p *prober) judge(c *probeCandidate) {
	sym := p.sym[c.symLo:c.symHi]
	f := c.w.Flags
	llr := c.bits - c.rand
	switch {
	case c.parts && c.compound:
		llr += bitsCompoundName
	case c.parts && c.camel:
		llr += bitsProductName
	case c.parts && c.nameLike && f&wDigit == 0 && !p.unnamedHumps(c):
		llr += bitsCamelName
	case c.parts:
	case f&wUpperInner != 0 && f&wLower == 0:
		llr = llr*capsShare + bitsAllCaps
	case f&wUpperFirst != 0:
		llr = llr*capsShare + bitsCapitalised
	}
	c.add(termRandom, llr)
	if c.digitLed {
		c.add(termDigitLed, bitsDigitLed)
	}

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
	// Open syllables from end to end: a syllable generator's shape, unless
	// the text's own words are built so, the word sits where a term of
	// another language is at home (a link to its article, italics), or
	// the text around is in another script, whose words are spelt in Latin
	// letters as they sound ("ejiputojin").
	if !c.parts && len(sym) >= alternatingLetters && f&(wUpperFirst|wUpperInner|wDiacritic|cLink|cLinkTarget|cItalic|cForeign) == 0 &&
		probeAlternating(sym) && !p.alternationCommon() && !p.otherScriptAt(c) {
		c.add(termAlternating, bitsAlternating+bitsAlternatingLetter*float64(len(sym)-alternatingLetters))
	}
	if c.chars <= 5 {
		c.add(termShort, bitsShort)
		if p.edit0.Format == FormatMarkdown {
			c.add(termShort, bitsShortPost)
		}
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
	loneItem := p.loneListItem(c)
	if loneItem {
		place &^= cList
	}
	switch c.code {
	case codeProse:
		c.add(termCode, bitsCodeProse)
	case codeSplit:
		c.add(termSplit, bitsSplitCode)
	}
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
		if k == termCode && (c.code == codeStray && c.parts || c.code == codeStrict) {
			// A random mix of cases or digits standing apart from the
			// code (strayInCode): code is where it sits, not what it is
			// joined to. Lower-case letters there are a program's names
			// as often ("ipyvuetify" in a list of packages).
			bits = max(bits, bitsStrayCode)
			if c.code == codeStray && c.parts && p.strayAlone(c.idx) {
				// The text's only word of that shape: no key, hash or id
				// of its own keeps it company anywhere.
				bits = max(bits, bitsStrayAlone)
			}
		}
		c.add(k, bits)
	}
	// A word breaking a sentence of ordinary prose, the one odd word of
	// it (loneInProse), is judged by that sentence rather than by the post
	// or the page around it: identifiers further along the line and a
	// technical post say little of it, and a long page holds few such
	// words. In a post the letters must be blatant too: a misspelt word in
	// a sentence is as lone as a token ("make shape verifcaiton to use").
	// Six or seven lower-case letters of a sentence with nothing of a
	// program's name behind them (bareInProse) are judged by it whatever
	// their letters, and the post's technical share says nothing of them:
	// it is the evidence for a program's name, which they lack.
	bare := p.bareInProse(c)
	lone := p.loneMatters(c, llr) && p.loneInProse(c) || bare
	if k := p.identNeighbours(c); k > 0 && !lone && !(c.code == codeStray && c.parts) && c.code != codeSplit && c.code != codeStrict {
		// A mix of cases or digits standing apart from the code around it
		// (strayInCode) is judged against that code already: its
		// neighbours are the code. Lower-case letters there are as often
		// a program's names ("pip install ipyvuetify jupyterlab"). A word
		// splitting code apart (codeSplit) has the code it splits beside
		// it, not for company.
		c.add(termIdentNear, bitsIdentNeighbour*float64(k))
	}
	if t := p.technicalFor(c); t > 0 && c.chars <= 8 && !c.parts && c.code != codeStrict && c.code != codeSplit {
		// Identifiers beside the word and a technical post are much the
		// same evidence: together they count up to bitsIdentMax. Not for
		// a word splitting a name of the code in two (codeSplit): a
		// program's name stands beside code, never inside its names.
		near, _ := c.term(termIdentNear)
		limit := bitsIdentMax
		switch {
		case bare:
			limit = 0
		case lone:
			limit = bitsLoneTechnical
		case f&(cCode|cCodeLine|cPre) == 0 && p.onlyUse(c):
			limit = bitsIdentOnce
		}
		if b := max(bitsTechnical*t, limit-near); b < 0 {
			// Its own kind, apart from the neighbours' term it is
			// capped with, so that a trace tells the two apart.
			c.add(termTechnical, b)
		}
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
	if n := p.occurrences(c.hash); n > 1 {
		// A token is planted once; a word a post keeps using is its topic.
		c.add(termRepeatedWord, bitsRepeatedWord*math.Log2(float64(n)))
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
			// A page's first few hundred new words are what a creation
			// holds; beyond, a long page is no more likely to hold a real
			// word that looks random than a page of that size. The words
			// that could be mistaken for a token are its candidates: the
			// words a dictionary knows count for less (rivalWords).
			// Under the letters of a page no dictionary reads, the
			// other words count for less still (pageRivals). A word the
			// page's own words surround, of a shape no language's words
			// have, takes a lone word's discount (amidOwnWords); a word
			// in Latin letters alone among the words of a page in another
			// script is as unknown as one no dictionary has (aloneInScript).
			if p.pageModel && p.unread {
				fresh = pageRivals(fresh, float64(p.rivals))
			} else {
				fresh = rivalWords(fresh, float64(p.rivals))
			}
			b := bitsPerDoublingCreation*math.Log2(min(fresh, longCreationWords)) +
				bitsPerDoublingLongPage*math.Log2(max(1, fresh/longCreationWords))
			if lone || b < bitsLoneFresh && p.amidOwnWords(c) {
				b = max(b, bitsLoneFresh)
			}
			c.add(termFresh, b)
			if p.aloneInScript(c) {
				c.add(termUnknown, bitsUnknownWord)
			}
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
		var b float64
		if own {
			// The page's own language costs the letter model more bits a
			// letter than English: expect as much of this word too.
			b = max(bitsForeignMax, -(med-normalProseBits)*float64(c.chars+1))
		} else {
			b = share * max(bitsForeignMax, bitsForeignText*(med-normalProseBits))
		}
		if !p.pageModel && b < 0 && c.chars > 5 {
			// Another language explains letters English finds odd only
			// as far as some language writes them: no more than the
			// world's letters (worldModel) explain of this word. Not for
			// five letters or fewer, abbreviations as often as words.
			//
			// The page's own language, when it has a model, is the
			// language around: its letters, not the world's pooled ones,
			// which are flatter and explain some 4 bits of any six random
			// letters. A post is judged so too when its site has a
			// language other than English: its words are that language
			// and English (identifiers, jargon), and the discount its
			// Portuguese prose earns is no more than Portuguese explains
			// of this word. A post in English keeps the whole discount:
			// its odd lines are code and jargon, no language.
			m := p.ownLangModel()
			if m == nil && p.edit0.Format != FormatMarkdown {
				m = p.worldModel()
			}
			if m != nil {
				b = max(b, -max(0, p.m.bits(sym)-m.bits(sym)+p.foreignSlack(c, m, sym)))
			}
		}
		c.add(termForeign, b)
	}
	if odd := p.oddNeighbours(c); odd > 0 && !own {
		c.add(termOddNeighbours, share*bitsOddNeighbour*float64(odd))
	}
	if others := p.edit.words - 1; others > 0 {
		if share := float64(p.edit.nonLatin) / float64(others); share > 0.1 && !p.otherScriptAt(c) {
			c.add(termScripts, bitsOtherScripts*min(1, share*2))
		}
		d := p.foreignDiacritics()
		if f&wDiacritic != 0 && d > 0 {
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
	case p.alone(c), loneItem:
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
		case f&(wUpperFirst|wUpperInner) == 0 && (f&wDigit == 0 || !p.lettersKnown(c)) && !p.loanword(c):
			c.add(termUnknown, bitsUnknownWord)
		case f&wUpperInner != 0 && f&wLower != 0 && f&wDigit == 0 && !p.humpsKnown(c):
			// Mixed case that no part of is a word: not "PlayStation".
			c.add(termUnknown, bitsUnknownWord)
		case f&wUpperInner != 0 && f&wLower != 0 && !c.compound && !digitsLast(p.text[c.w.Lo:c.w.Hi]) && !p.humpsKnown(c) && !p.lettersKnown(c):
			// Mixed case and digits no run or hump of which is a word,
			// the digits not closing it as a handle's or a version's do:
			// not "iPhone12", "ResNet50", "SJuan76".
			c.add(termUnknown, bitsUnknownWord)
		}
	}
	// What the text says of the word: looked up only when it matters.
	if c.evidence > probeThresholdBits-4 && p.edit0.Format == FormatMarkdown && f&wDiacritic == 0 && !loneItem {
		if b := p.softwareName(c); b < 0 {
			c.add(termSoftware, b)
		}
	}
	if c.evidence > probeThresholdBits-4 && p.edit0.Format == FormatMarkdown {
		// What the post's structure makes of the word (probe_person.go).
		// A user's name is any string its user chose, a field's value any
		// identifier: there the word's letters count for little.
		switch {
		case p.identListItem(c):
			c.add(termList, min(bitsIdentList, -identShare*llr))
		case p.personSlot(c):
			c.add(termPerson, min(bitsPersonSlot, -llr))
		case p.signOff(c):
			c.add(termPerson, min(bitsSignOff, -signOffShare*llr))
		case p.fieldValue(c):
			c.add(termField, min(bitsFieldValue, -llr))
		}
		if p.versioned(c) {
			c.add(termVersioned, bitsVersioned)
		}
	}
	if c.evidence > probeThresholdBits-4 {
		if k, b := p.mention(c, llr); b < 0 {
			c.add(k, b) // mentioned, or named by its role (probe_mention.go)
		}
	}
	if c.evidence > probeThresholdBits-4 {
		if b := p.unknownFit(c, llr); b < 0 {
			c.add(termForeign, b) // the letters of the text's unknown words (probe_lang_unknown.go)
		}
	}
	if c.evidence > probeThresholdBits-4 {
		// Each thing the text says of the word is evidence of its own: a
		// list's name in the title ("[zzzzteana]") that its address uses
		// too ("zzzzteana@...") is named twice.
		text := 0.0
		if p.linkedWord(c) {
			text += bitsLinkedWord
		}
		if p.codeNamed(c) {
			c.add(termLinked, bitsCodeNamed)
			text += bitsCodeNamed
		}
		if has, own := p.titleWord(c); has {
			// A topic's title and its first post name the same thing: the
			// topic, whatever its letters. A title the post writes itself
			// is weaker evidence: the prober writes it too.
			b := bitsTitleWord
			if p.edit0.Format == FormatMarkdown && !own {
				b = min(b, -titleShare*llr)
			}
			c.add(termTitle, b)
			text += b
		}
		if p.edit0.Format == FormatMarkdown && text > bitsLinkedWord && p.userName(c) {
			c.add(termUserName, bitsUserName)
			text += bitsUserName
		}
		switch {
		case text <= bitsLinkedWord:
			c.add(termLinked, bitsLinkedWord)
		case text < 0:
		case p.otherFormHere(c):
			c.add(termRepeatedWord, bitsOtherForm)
		case !c.parts && p.stemShared(c):
			c.add(termRepeatedWord, bitsOtherForm) // probe_dict.go
		case p.textPieces(c):
			c.add(termRepeatedWord, c.piecesBits(llr)) // built of the text's own names (probe_dict.go)
		case p.edit0.Format == FormatMarkdown && !c.parts && f&(wUpperFirst|wUpperInner) == 0 && c.chars >= 6 && c.evidence < probeThresholdBits-bitsTypo &&
			p.hasDict() && p.nearWord(p.text[c.w.Lo:c.w.Hi]):
			c.add(termTypo, bitsTypo) // "reuqests", "unweildy"
		case !c.parts && f&wUpperInner == 0 && !c.slipped() && p.scrambledWord(p.text[c.w.Lo:c.w.Hi]):
			// A real word's letters in another order (probe_dict.go), in
			// a sentence the edit writes.
			c.add(termTypo, min(bitsTypo, -llr))
		case !c.parts && f&(wUpperFirst|wUpperInner) == 0 && !c.slipped() && p.compoundWord(strings.ToLower(p.text[c.w.Lo:c.w.Hi])):
			// Two real words written as one (probe_dict.go).
			c.add(termWordlike, min(bitsTypo, -llr))
		}
	}
	if c.evidence < probeThresholdBits && c.evidence > probeThresholdBits-bitsLoneMix && p.loneMix(c) {
		// Asked last, and only when it decides: short tokens' letters
		// say little, the sentence they break says more.
		c.add(termLone, bitsLoneMix)
	}
	if c.evidence < probeThresholdBits && c.evidence >= probeThresholdBits-bitsSpacedPunct && p.spacedPunct(c) {
		// Asked last too: a word slipped in before the punctuation of a
		// sentence someone else wrote.
		c.add(termSpaced, bitsSpacedPunct)
	}
	if c.evidence < probeThresholdBits && c.evidence >= probeThresholdBits-bitsDrawnAlone && p.drawnAlone(c) {
		// Asked last too: a shape no other word of the post has.
		c.add(termDrawn, bitsDrawnAlone)
	}
	c.score = probeLogistic(c.evidence)
}

// slipped reports whether c was slipped into a line the page had, between
// words it had, or put alone on a line.
func (c *probeCandidate) slipped() bool {
	for _, t := range c.terms[:c.nterms] {
		if t.kind == termInserted || t.kind == termAlone || t.kind == termMid {
			return true
		}
	}
	return false
}

// shapeBits is the evidence of c's shape: missing vowels, keyboard runs,
// repeated chunks.
func (c *probeCandidate) shapeBits() float64 {
	b := 0.0
	for _, t := range c.terms[:c.nterms] {
		if t.kind == termNoVowels || t.kind == termKeyboard || t.kind == termRepeated {
			b += t.bits
		}
	}
	return b
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
	if b, ok := c.term(termAlternating); ok {
		addReason(b, ProbeRandomToken, fmt.Sprintf("consonants and vowels alternate through all %d letters, as a syllable generator's do", n))
	}
	if b, ok := c.term(termUnknown); ok {
		lang := p.pageLang()
		addReason(b, ProbeUnknownWord, fmt.Sprintf("in no dictionary of the page's language (%s) or of the wiki", lang))
	}
	where := ""
	var place float64
	if b, ok := c.term(termInserted); ok {
		where, place = "slipped into a line the page already had", b
	} else if b, ok := c.term(termSplit); ok {
		where, place = "splitting an identifier of the code around it", b
	} else if b, ok := c.term(termAlone); ok {
		where, place = "alone on an added line", b
	} else if b, ok := c.term(termMid); ok {
		where, place = "between words the page already had", b
	}
	if b, ok := c.term(termLone); ok {
		addReason(b, ProbeIsolated, "a random mix of cases or digits, the one odd word of a sentence of ordinary prose")
	}
	if b, ok := c.term(termSpaced); ok {
		addReason(b, ProbeIsolated, "a blank between it and the punctuation after it, which the text nowhere else sets apart")
	}
	if b, ok := c.term(termDrawn); ok {
		addReason(b, ProbeIsolated, "the text's only word shaped as a random draw of cases or digits, used once")
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

// rivalWords is how many words of a page creation of fresh new words, of
// which cands are candidates, a token competes with for the page-length
// discount: the candidates, scaled up by the page's other words to the
// power knownWordsPower. A word in a dictionary cannot itself be taken for
// a token, but a long page holds more rare words the dictionaries lack, so
// its length still counts, less than fully: a random token on a long page
// is still a probe.
func rivalWords(fresh, cands float64) float64 {
	cands = max(1, min(cands, fresh))
	return cands * math.Pow(fresh/cands, knownWordsPower)
}

// pageRivals is rivalWords on a page no dictionary reads, judged under a
// model learned from the page itself (the page-model pass): fresh new
// words of which cands are candidates. That model has read every word of
// the page, its rare words too, so a word it does not make a candidate has
// the page's own letters, and the rare words rivalWords counts in through
// the page's length are mostly among the candidates already: the page's
// other words count to the power pageWordsPower only.
//
// Measured on the tuning pages without tokens (probeeval -explain '*'
// -norecall, wiki-world-pages, wiki-chunks-pages, world-sentences-pages):
// of 1,020 lower-case candidates of that pass, 6 reach 10 bits before the
// length discount, 1 reaches 12 and none 13, at 20-70 candidates a page,
// where rivalWords took 10-11 bits; the tokens it missed there had 13-18
// bits.
func pageRivals(fresh, cands float64) float64 {
	cands = max(1, min(cands, fresh))
	return cands * math.Pow(fresh/cands, pageWordsPower)
}

// pageWordsPower: 0 (the candidates alone) flagged two more held-out
// pages of small Wikipedias (4 -> 6 of 208, long Sami compounds scoring
// 0.56), 0.125 the same two (0.52-0.53), 0.25 none. On a page a
// dictionary reads in part (Malay under Indonesian's) the page's length
// counts as rivalWords counts it: the candidates alone flagged a real
// word there.
const pageWordsPower = 0.25

// knownWordsPower: 1 would count every new word as the candidates do (the
// discount before), 0 only the candidates. 0.5 flagged foreign words on
// long pages ("erikoisjaksoista" on an English page).
const knownWordsPower = 0.75

// loneMatters reports whether loneInProse could change c's evidence, whose
// letters score llr: in a post with identifiers near or a technical one,
// for blatant letters; on a page created with more new words than the
// lone word's length discount counts. Elsewhere (an edit to a page) it is
// not asked, which keeps it off the common path.
func (p *prober) loneMatters(c *probeCandidate, llr float64) bool {
	if p.edit0.Format == FormatMarkdown {
		return llr >= loneLetterBits && (p.technicalFor(c) > 0 || p.identNeighbours(c) > 0)
	}
	return p.a.old == "" && float64(p.fresh) > math.Exp2(bitsLoneFresh/bitsPerDoublingCreation)
}

// onlyUse reports whether c's letters are nowhere else in the text and its
// title, not even inside a path, a module's name or a URL: a program or
// library a post names is most often also in its code, its log or a link.
func (p *prober) onlyUse(c *probeCandidate) bool { return p.usedOnce(c.w.Lo, c.w.Hi) }

// usedOnce reports whether the letters of text[lo:hi] are nowhere else in
// the text and its title, in any case, not even inside another word.
func (p *prober) usedOnce(lo, hi int) bool {
	w := lowerASCII(p.text[lo:hi]) // IndexFold's needle is lower case
	return textview.IndexFold(p.text[hi:], w) < 0 && textview.IndexFold(p.text[:lo], w) < 0 && !textview.ContainsFold(p.edit0.Title, w)
}

// worldModel returns the pooled letter model of the world's languages
// (worldModel), without the edit's own under probeeval -holdout-lang.
func (p *prober) worldModel() *Model {
	if p.world == nil {
		without := ""
		if langModelHeldOut.Load() {
			without = BaseLang(p.edit0.Lang)
		}
		p.world = worldModel(without)
	}
	return p.world
}

// ownLangModel returns the built-in letter model of the page's language
// (not English), or nil: none, or held out (probeeval -holdout-lang).
func (p *prober) ownLangModel() *Model {
	if !p.ownDone {
		p.ownDone = true
		lang := BaseLang(p.pageLang())
		if m, ok := macroLangs[lang]; ok {
			lang = m
		}
		if s := langModels(); lang != "" && lang != "en" && !langModelHeldOut.Load() {
			if i := s.index(lang); i >= 0 {
				p.ownLetters = s.model(i)
			}
		}
	}
	return p.ownLetters
}

// codeNamed reports whether the word c, outside code, is a word of the
// text's code too, in any case: the module of `qiskit.quantum_info`, the
// package of `pip install tqdm` beside the prose that names it. A token is
// planted once, in prose or in code; the program a post talks about is in
// its code as well.
func (p *prober) codeNamed(c *probeCandidate) bool {
	const code = cCode | cCodeLine | cPre
	if c.w.Flags&code != 0 {
		return false
	}
	t := p.text
	w := lowerASCII(t[c.w.Lo:c.w.Hi]) // IndexesFold's needle is lower case
	for i := range textview.IndexesFold(t, w) {
		if i == c.w.Lo || i > 0 && isASCIILetter(t[i-1]) || i+len(w) < len(t) && isASCIILetter(t[i+len(w)]) {
			continue
		}
		for _, v := range p.words {
			if v.Lo <= i && i < v.Hi {
				if v.Flags&code != 0 {
					return true
				}
				break
			}
		}
	}
	return false
}

// lowerDigitLed reports whether c, in prose, opens with a digit and goes on
// in lower-case letters that are no unit: no word, name or identifier is
// spelt so (digitLed). Ids of cases and digits are a mail's (Exim's
// "15rDsu-00085k-00").
func (p *prober) lowerDigitLed(c *probeCandidate) bool {
	return c.parts && c.w.Flags&(wUpperFirst|wUpperInner|wJoined) == 0 && c.code == codeNone && digitLed(p.text[c.w.Lo:c.w.Hi])
}

// unnamedHumps reports whether c, in a post, has a name's shape of cases
// built as an acronym and a word are ("OAuth", "IPython", "DBpedia") but
// no hump that is a word, and a run of three lower-case letters or more
// that is none either: "NMlito", "LUGdss". A name built so names something
// in words; a random draw of both cases falls into the shape by chance.
// A CamelCase name of capitalised humps ("GithHub") and an acronym with a
// short ending ("AIXItl") keep the name's discount.
func (p *prober) unnamedHumps(c *probeCandidate) bool {
	// The shape first, the dictionary only then: most names of a post
	// ("PyArrow", "NumPy") have no run of capitals and cost no lookup.
	if p.edit0.Format != FormatMarkdown || c.chars < probeCodeMinChars || c.camel {
		return false
	}
	w := p.text[c.w.Lo:c.w.Hi]
	caps := false
	for i, j := 0, 0; i < len(w) && !caps; i = j + 1 {
		for j = i; j < len(w) && w[j] >= 'A' && w[j] <= 'Z'; j++ {
		}
		caps = j-i >= 2
	}
	if !caps {
		return false
	}
	lower := false
	for i := 0; i < len(w) && !lower; {
		j := i
		for j < len(w) && w[j] >= 'a' && w[j] <= 'z' {
			j++
		}
		lower = j-i >= 3 && !p.isWord(w[i:j])
		i = j + 1
	}
	return lower && !p.humpsKnown(c)
}

// loneMix reports whether c is a random mix of lower-case letters and
// digits or of cases switching twice or more ("lhd6in", "HaeDNsi")
// that breaks a sentence of ordinary prose as its one odd word, used
// nowhere else (loneInProse). Six or seven random characters hold too few
// bits for their letters alone to tell them from a name; the sentence
// tells more: a real word with digits or humps of cases (a model's,
// a product's or a version's name) is named again, linked, set as code or
// sits among its kind, and is seldom slipped between two ordinary words.
// An acronym and a word ("DBpedia", "EUTXOs") switch case once, a name
// ("McDonald", "GithHub") has humps of a capital and lower-case letters, a
// handle its number last ("SJuan76"), slang digits for letters ("n00b"),
// and lower-case letters alone are
// as often a word no dictionary has ("dialup", "edtech"): none counts so.
func (p *prober) loneMix(c *probeCandidate) bool {
	f, w := c.w.Flags, p.text[c.w.Lo:c.w.Hi]
	switch {
	case !c.parts || f&wLower == 0 || c.camel || c.compound:
		return false
	case f&wDigit == 0:
		// Cases alone: not a name's humps ("GithHub", "McDonald").
		if humpsOnly(w) || caseSwitches(w) < loneMixSwitches || p.humpsKnown(c) {
			return false
		}
	case digitsLast(w) || p.lettersKnown(c) || p.leetWord(w) || p.quantityGlued(w):
		// A handle and its number ("SJuan76", "jdoe42"), a word and a
		// version or a format ("html5"), a word spelt in digits ("l33t"),
		// a word and a quantity a missed space joined ("de180Wh").
		return false
	}
	return p.loneInProse(c)
}

// quantityGlued reports whether w is a word of the text's language, a
// number and its unit written as one ("de180Wh", "for12V"): a space
// missed in prose, not a draw. A random mix seldom has both ends so.
func (p *prober) quantityGlued(w string) bool {
	i := 0
	for i < len(w) && isASCIILetter(w[i]) {
		i++
	}
	j := i
	for j < len(w) && w[j] >= '0' && w[j] <= '9' {
		j++
	}
	if i < 2 || j == i || j == len(w) {
		return false
	}
	unit := w[j:]
	for k := 0; k < len(unit); k++ {
		if !isASCIILetter(unit[k]) {
			return false
		}
	}
	return (units[strings.ToLower(unit)] || unitSymbols(unit)) && p.isWord(strings.ToLower(w[:i]))
}

// leetWord reports whether w, letters and digits, reads as letters of
// words once its digits are read as the letters they look like ("n00b",
// "l33t"): slang, not a random draw. Digits that look like no letter
// ("8", "9") read as none.
func (p *prober) leetWord(w string) bool {
	dm := p.dictLetters()
	if dm == nil {
		return false
	}
	b := []byte(w)
	for i, ch := range b {
		if ch >= '0' && ch <= '9' {
			if leetLetters[ch-'0'] == 0 {
				return false
			}
			b[i] = leetLetters[ch-'0']
		}
	}
	sym, ok := foldWord(p.scratchSym[:0], string(b))
	p.scratchSym = sym
	return ok && dm.bits(sym)-float64(len(sym))*log2Letters <= leetWordBits
}

// leetWordBits: a word spelt in digits reads at least as well as random
// letters under the dictionary's letter model ("l33tish" as "leetish", 6
// bits better); random letters seldom do (6 of 2,000 draws of six or seven).
const leetWordBits = 0.0

// leetLetters are the letters digits stand for in slang, by digit; 0 for
// none.
var leetLetters = [10]byte{'o', 'i', 0, 'e', 'a', 's', 0, 't', 0, 0}

// loneMixSwitches is how many changes of case make a word without digits
// a random mix for loneMix, when its capitals do not each open a hump
// (humpsOnly) and no hump is a word (humpsKnown): "HaeDNsi" has four,
// "MbltdY" two; "DBpedia" one. A product's name of two switches has a
// word for a hump ("GraphQL", "OpenAI") or a name's humps ("YouTube").
const loneMixSwitches = 2

// humpsOnly reports whether every capital of w opens a hump of lower-case
// letters, as a CamelCase name's do ("GithHub", "McDonald", "iPhone"); a
// random draw of cases has runs of capitals or a capital at its end
// ("HaeDNsi", "ErKthA").
func humpsOnly(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' && (i+1 == len(w) || w[i+1] < 'a' || w[i+1] > 'z') {
			return false
		}
	}
	return true
}

// caseSwitches counts the changes between upper- and lower-case letters in
// w, digits skipped.
func caseSwitches(w string) int {
	n, last := 0, byte(0)
	for i := 0; i < len(w); i++ {
		var k byte
		switch b := w[i]; {
		case b >= 'a' && b <= 'z':
			k = 'a'
		case b >= 'A' && b <= 'Z':
			k = 'A'
		default:
			continue
		}
		if last != 0 && k != last {
			n++
		}
		last = k
	}
	return n
}

// spacedPunct reports whether c, in prose, stands a blank before the
// punctuation that closes its clause or sentence (a comma, a full stop, a
// colon, a semicolon, a closing parenthesis, then a blank, emphasis or the
// end) and the text nowhere else sets that punctuation a blank after a
// word: a word slipped in before the punctuation of a sentence someone
// else wrote ("describe kqzvt .", "version kqzvt : 1.2"). A writer who
// spaces punctuation so (French typography, a habit) does it throughout.
func (p *prober) spacedPunct(c *probeCandidate) bool {
	if c.code != codeNone || c.w.Flags&(cCode|cCodeLine|cPre) != 0 {
		return false
	}
	t := p.text
	spaced := func(k int) bool { // t[k] is a blank after a word and before closing punctuation
		if k+1 >= len(t) || t[k] != ' ' || strings.IndexByte(",.:;)", t[k+1]) < 0 || k == 0 || !scanIsAlnum(t[k-1]) {
			return false
		}
		return k+2 == len(t) || isBlank(t[k+2]) || t[k+2] == '*' || t[k+2] == '_'
	}
	if !spaced(c.w.Hi) {
		return false
	}
	q := t[c.w.Hi+1]
	for k := 0; k < len(t); {
		i := strings.IndexByte(t[k:], q)
		if i < 0 {
			break
		}
		k += i
		if k-1 != c.w.Hi && k >= 1 && spaced(k-1) {
			return false
		}
		k++
	}
	return true
}

// drawnAlone reports whether c, a word of a post of letters with digits or
// mixed case, is shaped as a random draw (strayShape), used once, and the
// post's only word of that shape (strayAlone). A post that deals in keys,
// hashes or ids has several of them; a real name of digits or humps keeps
// its digits last or its humps words ("python38", "useState"), and one the
// post is about is named again. A planted token is the one of its kind.
func (p *prober) drawnAlone(c *probeCandidate) bool {
	if p.edit0.Format != FormatMarkdown || !c.parts || c.camel || c.compound || c.nameLike || c.chars < probeCodeMinChars || c.w.Flags&wLower == 0 || c.w.Flags&wDigit == 0 {
		return false
	}
	w := p.text[c.w.Lo:c.w.Hi]
	runs := drawnRuns(w)
	known := p.lettersKnown(c)
	if runs && !(known && leetDigits(w)) {
		// Three runs or more: a name built so writes a word in one
		// ("word2vec", "p2pool"); three letters of a random draw are a
		// word as often as not ("had3jd"). Digits that read as letters
		// beside a word are slang ("fux0red").
		known = p.longRunKnown(w, drawnKnownLetters)
	}
	if digitRun(w) >= 3 || known || p.leetWord(w) || p.quantityGlued(w) || c.w.Flags&wUpperFirst != 0 && nameHumps(w) {
		return false
	}
	return (runs || p.strayShape(w, probeCodeMinChars)) && p.usedOnce(c.w.Lo, c.w.Hi) && p.strayAlone(c.idx)
}

// drawnRuns reports whether w, letters and digits, alternates as a random
// draw does (drawnAlone): three runs of letters and digits or more, one
// run of two letters at least no unit of a number ("9ugai9", "e5inyo",
// "d16sub2"; not "4x4", "1080p60"), and no hexadecimal number. A program's
// name keeps its digits last ("python38") or between two words
// ("word2vec"); a number and its units alternates with units
// (isIdentShape), a hash with hexadecimal letters.
func drawnRuns(w string) bool {
	sh := shapeOf(w)
	return sh.parts >= 3 && sh.upper == 0 && !isHex(w) && letterRunBeyondUnit(w)
}

// drawnKnownLetters is the least letters a run of a word of three runs or
// more needs, to be a word of a dictionary that makes it a name
// (drawnAlone): a random run of three letters is a word of some dictionary
// far more often than one of four is.
const drawnKnownLetters = 4

// longRunKnown reports whether a run of letters of w of least letters or
// more is a word of a dictionary.
func (p *prober) longRunKnown(w string, least int) bool {
	for i := 0; i < len(w); {
		j := i
		for j < len(w) && isASCIILetter(w[j]) {
			j++
		}
		if j-i >= least && p.isWord(w[i:j]) {
			return true
		}
		i = max(j, i+1)
	}
	return false
}

// leetDigits reports whether every digit of w reads as a letter in slang
// (leetLetters).
func leetDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if digitAt(w, i) && leetLetters[w[i]-'0'] == 0 {
			return false
		}
	}
	return true
}

// digitRun returns the length of w's longest run of digits.
func digitRun(w string) int {
	best, run := 0, 0
	for i := 0; i < len(w); i++ {
		if digitAt(w, i) {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}

// nameHumps reports whether the letters of w, its digits left out, have a
// name's humps ("Qt5Agg" as "QtAgg", "Win32Api"): a capital opening each
// run of lower-case letters.
func nameHumps(w string) bool {
	letters := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, w)
	return shapeOf(letters).nameLike
}
