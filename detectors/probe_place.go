package detectors

import (
	"hash/maphash"
	"slices"
	"strings"
)

// Places: where on its line and in the text a word sits. A token is
// slipped into a line the page had, put alone on a line of its own or
// after the page's categories, or set between words of a sentence; a word
// that is a piece of a URL whose punctuation was stripped is none.

// urlPart reports whether c sits among the pieces of a URL in text whose
// punctuation was stripped ("http www example com", "image name jpg").
func (p *prober) urlPart(c *probeCandidate) bool {
	t := p.text
	if p.splitsURL(c) || splitsPath(t, c.w.Lo, c.w.Hi) {
		return false
	}
	i := c.w.Lo
	for i > 0 && (t[i-1] == ' ' || t[i-1] == '/' || t[i-1] == ':') {
		i--
	}
	j := i
	for j > 0 && scanIsAlnum(t[j-1]) {
		j--
	}
	if i > j && urlPrefix(t[j:i]) {
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
		if urlPrefix(t[w.Lo:w.Hi]) {
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
	return j > i && p.urlSuffix(t[i:j])
}

// urlSuffix reports whether w, the word after a candidate, ends a URL
// whose punctuation was stripped ("example com", "index php"): a suffix of
// the table written in lower case, as a URL has it, and no word of the
// page's language other than English. In prose "PHP" and "HTML" name a
// language, and the "com" of a Portuguese post is "with".
func (p *prober) urlSuffix(w string) bool {
	if !probeURLSuffixes[lowerASCII(w)] || strings.ToLower(w) != w {
		return false
	}
	return p.pageLang() == "en" || p.langDict == nil || !p.langDict.Has(w)
}

// urlPrefix reports whether w opens a URL whose punctuation was stripped
// ("http www example com"): a prefix of the table in lower case, as a URL
// has it. Prose names the protocol in capitals ("HTTP authentication",
// "non-HTTP URLs"), and the word after it is prose's.
func urlPrefix(w string) bool {
	return probeURLPrefixes[w]
}

// splitsPath reports whether t[lo:hi], a blank from each side, splits a
// path that kept its punctuation: a path's piece ends before it and the
// path goes on after it ("/home/user kq3zt9 /.cache/pip", "/lib/python3.8/
// site kq3zt9 -packages/torch"). A URL stripped of its punctuation has no
// slash left to go on with.
func splitsPath(t string, lo, hi int) bool {
	return lo >= 2 && t[lo-1] == ' ' && hi+2 < len(t) && t[hi] == ' ' && strings.IndexByte("/\\-.", t[hi+1]) >= 0 &&
		pathBefore(t[max(0, lo-1-pathReach):lo-1]) && pathAfter(t[hi+1:min(len(t), hi+1+pathReach)])
}

// splitsURL reports whether c, a space from the punctuation of a URL or
// an address on either side ("beberg@mithral. kq3zt9 com", "[mailto
// kq3zt9 :admin@xent.com]", "lists.sourceforge kq3zt9 .net"), was slipped
// into a URL that kept its punctuation: no piece of a URL has a space.
func (p *prober) splitsURL(c *probeCandidate) bool {
	t := p.text
	lo, hi := c.w.Lo, c.w.Hi
	return lo >= 3 && t[lo-1] == ' ' && strings.IndexByte(".:/@", t[lo-2]) >= 0 && scanIsAlnum(t[lo-3]) ||
		hi+2 < len(t) && t[hi] == ' ' && strings.IndexByte(".:/@", t[hi+1]) >= 0 && scanIsAlnum(t[hi+2])
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
		case ' ', '\t', '\r', '*', '#', ':', ';', '.', ',', '!', '?', '\'', '"':
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
// ("Their", "The"), on a line mostly in that language: a sentence, new or
// old, whose words a dictionary has. A side is a word a space apart, or
// the punctuation of the sentence ("However, kq3zt9 there", "a better
// payoff? kq3zt9", "of it kq3zt9.") for a word with digits, which no
// language spells so; not a line of its own, and no comma of a list of
// names on both sides. A word of letters only there is as often a foreign
// word, a typo or a name.
func (p *prober) amidWords(c *probeCandidate) bool { return p.amidIn(c, 0) }

// amidPlaces are the places amidWords never judges a word in.
const amidPlaces = cTable | cCaption | cLink | cExtLink | cHeading | cPre | cAttr | cFileName | cIdent | cCode | cTemplate | cRef | cComment |
	cItalic | cForeign | cLinkTarget | cGallery | cTmplName | cParamName | cMath

// amidIn is amidWords with the places in allow judged as prose too, and
// then a wiki link's or italics' brackets beside a neighbour part of the
// space between ("income]] kq3zt9 for").
func (p *prober) amidIn(c *probeCandidate, allow wflag) bool {
	if c.w.Flags&(amidPlaces&^allow) != 0 {
		return false
	}
	edges, punct := 0, 0
	for _, i := range [2]int{c.idx - 1, c.idx + 1} {
		if i < 0 || i >= len(p.words) || p.words[i].Line != c.w.Line {
			if !p.sentenceEdge(c, i < c.idx) {
				return false
			}
			edges++
			continue
		}
		w := p.words[i]
		if w.Flags&(wUpperInner|wDigit|wCode) != 0 || w.Flags&(wNonLatin|wDiacritic) != 0 && !p.ownWordAt(i) || w.Flags&cMarkup != 0 || !p.isWord(p.text[w.Lo:w.Hi]) {
			return false
		}
		// Running prose: one space between, or a sentence's punctuation.
		gap := p.text[min(w.Hi, c.w.Hi):max(w.Lo, c.w.Lo)]
		if allow != 0 && len(gap) > 1 {
			gap = strings.Trim(gap, "[]'")
		}
		if gap != " " {
			if !sentenceGap(gap, i < c.idx) {
				return false
			}
			punct++
		}
	}
	if edges+punct > 0 && c.w.Flags&wDigit == 0 || edges == 2 || punct == 2 {
		return false
	}
	return p.lineInLang(c) && p.nearInLang(c)
}

// sentenceGap reports whether gap, between a word and c (before c when
// before is set), is a sentence's punctuation and one space: ", ", ". ",
// "? " before a word; ",", ".", "?", "!", ":", ";" then a space after it.
func sentenceGap(gap string, before bool) bool {
	if len(gap) != 2 {
		return false
	}
	if before {
		return gap[1] == ' ' && strings.IndexByte(",.?!:;", gap[0]) >= 0
	}
	return gap[0] != ' ' && strings.IndexByte(",.?!:;", gap[0]) >= 0 && gap[1] == ' '
}

// sentenceEdge reports whether c starts its line (before) or ends it, with
// at most a sentence's closing punctuation after it.
func (p *prober) sentenceEdge(c *probeCandidate, before bool) bool {
	t := p.text
	if before {
		return c.w.Lo == 0 || t[c.w.Lo-1] == '\n'
	}
	k := c.w.Hi
	if k < len(t) && strings.IndexByte(".?!", t[k]) >= 0 {
		k++
	}
	return k == len(t) || t[k] == '\n' || t[k] == '\r'
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
		if lo < 0 || hi > len(line) || !p.a.oldMayHaveLineLen(lo+len(line)-hi) {
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

// loneListItem reports whether c is all a list item holds and the items
// next to it are ordinary words of the page's language ("- a new chain",
// "- leselidegi", "- mudguards"): a word slipped into a list of things,
// judged as a word slipped into prose. A one-word item is a name or a
// program's name more often than not, but then its siblings are names and
// programs too ("- ffmpeg", "- vcpkg"), which no dictionary has.
func (p *prober) loneListItem(c *probeCandidate) bool {
	if c.w.Flags&cList == 0 || c.w.Flags&(cMarkup|cLink|cExtLink|cHeading|cTable|cCaption|cItalic) != 0 {
		return false
	}
	i := c.idx
	if i > 0 && p.words[i-1].Line == c.w.Line || i+1 < len(p.words) && p.words[i+1].Line == c.w.Line {
		return false
	}
	// Ordinary words are a dictionary's, or without one, words whose
	// letters the letter model finds as ordinary as running prose's.
	dict := p.hasDict()
	n, known := 0, 0
	sibling := func(j int) bool {
		w := p.words[j]
		if w.Flags&cList == 0 {
			return false
		}
		if w.Hi-w.Lo < 2 {
			return true
		}
		n++
		if w.Flags&(wUpperInner|wDigit|wNonLatin|wCode|cMarkup) != 0 {
			return true
		}
		if dict && p.isWord(p.text[w.Lo:w.Hi]) || !dict && p.wbits[j] >= 0 && p.wbits[j] <= oddNeighbourBits {
			known++
		}
		return true
	}
	for j := i - 1; j >= 0 && j >= i-loneListReach && sibling(j); j-- {
	}
	for j := i + 1; j < len(p.words) && j <= i+loneListReach && sibling(j); j++ {
	}
	return known >= 3 && known*5 >= n*4
}

// loneListReach is how many words either side of a lone list item
// loneListItem reads of its sibling items.
const loneListReach = 8
