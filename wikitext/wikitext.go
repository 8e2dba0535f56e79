// Package wikitext reads MediaWiki wikitext into the format-neutral view of
// package textview: every word, with its shape and its place.
//
// It is its own package, apart from the detectors, because reading markup
// is not judging it: the detectors score words and places the same way on
// a wiki and on a forum (package forumtext reads forum posts), and the
// letter model is trained from the same view.
//
// The reader walks wikitext once, byte by byte, keeping track of the markup
// it is in (templates and their parameters, wikilinks, external links, tags
// and their attributes, comments, tables, headings, lists), and reports
// every word a botnet could have put anywhere in the text, each with its
// shape and its place: running text, a template parameter, a reference, a
// table cell or attribute, an HTML attribute, a link target or label, a
// comment, a gallery line, a preformatted line. Probe tokens sit wherever a
// later search or action=raw finds them, not only in prose.
//
// Markup is read structurally instead of being matched with regular
// expressions. What is never a word is left out: URLs, template and
// parameter names (single words), attribute names, entities, the contents
// of <syntaxhighlight> and similar, TeX commands and short variables of
// <math>, image options, user links. A formula's longer words are read as
// textview.Math; a timeline's displayed text and stray words are read too. Words in places that hold identifiers (a parameter such
// as isbn= or doi=, a file name) are reported with textview.Ident or
// textview.FileName so the detector can judge them as identifiers.
//
// Unbalanced "{{" and "[[" (a template or link never closed) are read as
// plain text, as MediaWiki renders them, so a stray brace cannot hide the rest
// of a page.
//
// ReadLinks reads the external links of wikitext as MediaWiki renders them
// (links.go): [url anchor], bare and protocol-relative URLs, citation
// templates with their titles, {{URL}} and url= parameters, each with its
// place.
package wikitext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wikiwarden/wikiwarden/textview"
)

// Shorthands for the view's flags, as the reader has always spelt them.
const (
	wUpperFirst = textview.UpperFirst
	wUpperInner = textview.UpperInner
	wLower      = textview.Lower
	wDigit      = textview.Digit
	wDiacritic  = textview.Diacritic
	wNonLatin   = textview.NonLatin
	wCode       = textview.CodeLike
	wJoined     = textview.Joined
	cTable      = textview.Table
	cHeading    = textview.Heading
	cList       = textview.List
	cLink       = textview.Link
	cExtLink    = textview.ExtLink
	cCaption    = textview.Caption
	cPre        = textview.Pre
	cItalic     = textview.Italic
	cTemplate   = textview.Template
	cTmplName   = textview.TemplateName
	cParamName  = textview.ParamName
	cIdent      = textview.Ident
	cForeign    = textview.Foreign
	cRef        = textview.Ref
	cAttr       = textview.Attr
	cLinkTarget = textview.LinkTarget
	cFileName   = textview.FileName
	cComment    = textview.Comment
	cGallery    = textview.Gallery
	cCode       = textview.Code
	cStray      = textview.Stray
	cRefName    = textview.RefName
	cMath       = textview.Math
	cCodeLine   = textview.CodeLine
	cMarkup     = textview.Markup
)

type (
	wflag    = textview.Flags
	scanWord = textview.Word
	byteSpan = textview.Span
)

// link kinds.
const (
	scanLinkPlain    = iota // [[target|text]]: the text, or the target when there is no text
	scanLinkFile            // [[File:name|options|caption]]: options and caption
	scanLinkCategory        // [[Category:name|sort key]]: the name
	scanLinkHidden          // [[de:...]], [[User:...]]: nothing
)

// frame kinds.
const (
	frameLink = iota
	frameTmpl
)

// template parts.
const (
	partName = iota
	partParamName
	partValue
)

// scanFrame is one open link or template.
type scanFrame struct {
	kind      uint8
	link      uint8 // link kind
	showing   bool  // link: the current segment is displayed text
	target    bool  // link: in the target, before the first pipe
	part      uint8 // template: name, parameter name, value
	nameEnd   int   // template: where the parameter name being read ends ('=')
	ident     bool  // template: the current parameter holds identifiers
	identTmpl bool  // template: its positional parameters hold identifiers
	file      bool  // template: the current parameter holds a file name
	code      bool  // template: a parser function ({{#if:...}}), read as code
	codeLine  bool  // template: a code template's value ({{code|...}}) that reads as code
	foreign   bool  // template: marks text in another language
	name      string
	// interwiki: an interlanguage link, whose target is a title in another
	// language ([[de:Sonne]]), read as foreign text.
	interwiki bool
	// sister: a link to a page of a sister project in the wiki's language
	// ([[s:1911 Encyclopædia Britannica/A]], [[wikisource:...]]), whose
	// target is a title like any other.
	sister bool
}

// scanner holds the state of one scan; reuse it to reuse its buffers.
// Reader reads MediaWiki wikitext into words (textview.Reader). The zero
// value is ready; reuse one to reuse its buffers.
type Reader struct {
	s       string
	regions []byteSpan
	ri      int
	out     []scanWord

	frames    []scanFrame // open links and templates, innermost last
	table     int         // table nesting depth
	ref       int         // <ref> nesting depth
	ext       bool
	lineFlags wflag // c* flags of the current line
	lineStart int
	textStart int  // where the current line's or cell's text starts, after its markup
	italic    bool // inside two apostrophes on this line
	quoteFix  int  // a run of three apostrophes on this line read as ' and '' (MediaWiki's doQuotes), or -1
	joined    bool // the next word follows a hyphen or apostrophe

	commentEnd    int // position of the "-->" closing the comment being read, or -1
	commentFrames int // len(frames) when the comment opened

	badTmpl, badLink []int // positions of "{{" and "[[" never closed
	memo             []scanCloseMemo
}

// scanCloseMemo remembers where the next occurrence of a closing string is, so
// many unclosed openers cannot make a scan quadratic.
type scanCloseMemo struct {
	close    string
	from, at int // searched from 'from', found at 'at' (-1: none)
}

// Read appends to out the words of s that start inside one of regions
// (sorted, disjoint; nil means all of s) and returns out. Markup before the
// regions is still read so that the words' surroundings are right.
func (sc *Reader) Read(s string, regions []byteSpan, out []scanWord) []scanWord {
	*sc = Reader{s: s, regions: regions, out: out, frames: sc.frames[:0], memo: sc.memo[:0],
		badTmpl: sc.badTmpl[:0], badLink: sc.badLink[:0], commentEnd: -1}
	end := len(s)
	if regions != nil {
		if len(regions) == 0 {
			return out
		}
		end = regions[len(regions)-1].Hi
	}
	sc.badTmpl = scanUnmatched(s, '{', '}', sc.badTmpl)
	sc.badLink = scanUnmatched(s, '[', ']', sc.badLink)
	sc.run(end)
	return sc.out
}

// scanUnmatched appends to dst the positions of the two-byte openers (o o)
// in s that no two-byte closer (c c) matches, in order.
func scanUnmatched(s string, o, c byte, dst []int) []int {
	base := len(dst)
	stackTop := base
	dst = dst[:base]
	for i := 0; i+1 < len(s); {
		j := strings.IndexByte(s[i:], o)
		k := strings.IndexByte(s[i:], c)
		if j < 0 && k < 0 {
			break
		}
		if j < 0 || (k >= 0 && k < j) {
			i += k
			if i+1 < len(s) && s[i+1] == c {
				if len(dst) > stackTop {
					dst = dst[:len(dst)-1]
				}
				i += 2
				continue
			}
			i++
			continue
		}
		i += j
		if i+1 < len(s) && s[i+1] == o {
			dst = append(dst, i)
			i += 2
			continue
		}
		i++
	}
	return dst
}

func scanSortedHas(sorted []int, x int) bool {
	lo, hi := 0, len(sorted)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case sorted[m] == x:
			return true
		case sorted[m] < x:
			lo = m + 1
		default:
			hi = m
		}
	}
	return false
}

// find returns the index of close in s at or after from, or -1.
func (sc *Reader) find(close string, from int) int {
	for i := range sc.memo {
		m := &sc.memo[i]
		if m.close == close && from >= m.from && (m.at < 0 || from <= m.at) {
			return m.at
		}
	}
	at := strings.Index(sc.s[from:], close)
	if at >= 0 {
		at += from
	}
	for i := range sc.memo {
		if sc.memo[i].close == close {
			sc.memo[i] = scanCloseMemo{close, from, at}
			return at
		}
	}
	sc.memo = append(sc.memo, scanCloseMemo{close, from, at})
	return at
}

func (sc *Reader) run(end int) {
	s := sc.s
	i := 0
	i = sc.lineBegin(0)
	sc.textStart = i
	for i < end {
		if sc.commentEnd >= 0 && i >= sc.commentEnd {
			i = sc.commentEnd + 3
			sc.commentEnd = -1
			if len(sc.frames) > sc.commentFrames {
				sc.frames = sc.frames[:sc.commentFrames] // markup opened in a comment ends with it
			}
			continue
		}
		c := s[i]
		top := sc.top()
		if top != nil && top.kind == frameTmpl && top.part == partParamName && i >= top.nameEnd {
			top.part = partValue
			i = top.nameEnd + 1
			sc.textStart = i
			continue
		}
		switch c {
		case '\n':
			i = sc.lineBegin(i + 1)
			sc.textStart = i
			continue
		case '{':
			if i+1 < len(s) && s[i+1] == '{' && !scanSortedHas(sc.badTmpl, i) {
				i = sc.openTemplate(i)
				continue
			}
		case '}':
			if i+1 < len(s) && s[i+1] == '}' && top != nil && top.kind == frameTmpl {
				sc.frames = sc.frames[:len(sc.frames)-1]
				i += 2
				continue
			}
		case '[':
			if i+1 < len(s) && s[i+1] == '[' && !scanSortedHas(sc.badLink, i) {
				i = sc.openLink(i)
				continue
			}
			if j, ok := sc.urlEnd(i + 1); ok {
				sc.ext = true
				i = j
				continue
			}
		case ']':
			if i+1 < len(s) && s[i+1] == ']' && top != nil && top.kind == frameLink {
				sc.frames = sc.frames[:len(sc.frames)-1]
				i += 2
				// A link trail ("[[bus]]es") belongs to the word in the link.
				for i < len(s) && (s[i]|0x20 >= 'a' && s[i]|0x20 <= 'z') {
					i++
				}
				continue
			}
			if sc.ext {
				sc.ext = false
				i++
				continue
			}
		case '|':
			if top != nil && top.kind == frameLink {
				top.target = false
				top.showing = top.link == scanLinkPlain || top.link == scanLinkFile || top.link == scanLinkCategory
				if top.link == scanLinkFile && scanImageOption(s, i+1) {
					top.showing = false
					// alt= text is read aloud and shown when the image is not: a caption.
					j := i + 1
					for j < len(s) && s[j] == ' ' {
						j++
					}
					if strings.HasPrefix(s[j:], "alt=") && !scanOneWordAlt(s, j+4) {
						top.showing = true
						i = j + 4
						sc.textStart = i
						continue
					}
				}
				i++
				continue
			}
			if top != nil && top.kind == frameTmpl {
				i = sc.param(top, i)
				continue
			}
			if sc.lineFlags&cTable != 0 && i+1 < len(s) && s[i+1] == '|' {
				i = sc.cellBegin(i + 2)
				sc.textStart = i
				continue
			}
		case '!':
			if sc.lineFlags&cTable != 0 && i+1 < len(s) && s[i+1] == '!' && !sc.inTemplate() {
				i = sc.cellBegin(i + 2)
				sc.textStart = i
				continue
			}
		case '\'':
			n := 1
			for i+n < len(s) && s[i+n] == '\'' {
				n++
			}
			if n >= 2 {
				if n != 3 && n != 4 || i == sc.quoteFix {
					sc.italic = !sc.italic // two or five apostrophes toggle italics; three (bold) do not
				}
				i += n
				continue
			}
		case '<':
			if j, ok := sc.tag(i); ok {
				i = j
				continue
			}
		case '&':
			if j := scanEntityEnd(s, i); j > i {
				i = j
				continue
			}
		}
		if c < utf8.RuneSelf {
			if scanIsAlnum(c) {
				i = sc.readWord(i, 0)
				continue
			}
			if c != ' ' && c != '\t' && c != '\'' && c != '-' {
				sc.joined = false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			i = sc.readWord(i, 0)
			continue
		}
		i += n
	}
}

func (sc *Reader) top() *scanFrame {
	if len(sc.frames) == 0 {
		return nil
	}
	return &sc.frames[len(sc.frames)-1]
}

// inTemplate reports whether any template is open.
func (sc *Reader) inTemplate() bool {
	for i := range sc.frames {
		if sc.frames[i].kind == frameTmpl {
			return true
		}
	}
	return false
}

// openTemplate handles "{{" at i. A name of one word ("cite web" is two) is
// skipped; a name of several words is read as words of the name, so a token
// slipped into it is still seen. "{{#if:", "{{DEFAULTSORT:", "{{subst:"
// read what follows the colon as a value.
func (sc *Reader) openTemplate(i int) int {
	s := sc.s
	j := i + 2
	for j < len(s) {
		c := s[j]
		if c == '|' || c == '\n' || c == '<' || c == ':' || (c == '}' || c == '{' || c == '[') && j+1 < len(s) && s[j+1] == c {
			break
		}
		j++
	}
	name := strings.TrimSpace(s[i+2 : j])
	f := scanFrame{kind: frameTmpl, part: partName, name: name}
	if j < len(s) && s[j] == ':' && !strings.Contains(name, " ") {
		// A parser function, magic word or namespace prefix: the rest is a value.
		f.part = partValue
		f.identTmpl = scanIdentTemplate(name)
		f.ident = f.identTmpl
		f.code = strings.HasPrefix(name, "#")
		sc.frames = append(sc.frames, f)
		sc.textStart = j + 1
		return j + 1
	}
	f.identTmpl = scanIdentTemplate(name)
	f.ident = f.identTmpl
	f.foreign = scanForeignTemplate(name)
	sc.frames = append(sc.frames, f)
	if !strings.ContainsAny(name, " _") {
		return j // one word: never text
	}
	sc.textStart = i + 2
	return i + 2
}

// param handles a template's "|" at i: a named parameter's name is skipped
// (or read as words when it has several), then its value is read.
func (sc *Reader) param(f *scanFrame, i int) int {
	s := sc.s
	j := i + 1
	for j < len(s) {
		c := s[j]
		if c == '=' || c == '|' || c == '<' || (c == '}' || c == '{' || c == '[') && j+1 < len(s) && s[j+1] == c {
			break
		}
		j++
	}
	f.part = partValue
	f.file = false
	f.codeLine = false
	if scanCodeTemplate(f.name) {
		v := j
		if j < len(s) && s[j] == '=' {
			v = j + 1
		} else {
			v = i + 1
		}
		f.codeLine = textview.IsCodeLine(strings.TrimSpace(s[v:scanValueEnd(s, v)]))
	}
	if j >= len(s) || s[j] != '=' {
		// A positional parameter. One word with digits and nothing else
		// ({{In Our Time|Alchemy|p003k9bn}}, {{YouTube|dQw4w9WgXcQ}}) is an id.
		v := strings.TrimSpace(s[i+1 : j])
		one := v != "" && !strings.ContainsAny(v, " \n")
		f.ident = one && (f.identTmpl || strings.ContainsAny(v, "0123456789"))
		sc.textStart = i + 1
		return i + 1
	}
	name := strings.TrimSpace(s[i+1 : j])
	// An identifier is one word: a value of several words in an
	// identifier's place ("978-0-471 x7k2p9 -0") is read as text.
	f.ident = (scanIdentParam(name) || f.identTmpl && !scanTextParam(name)) && scanOneWord(s, j+1)
	f.file = scanFileParam(name)
	if strings.ContainsAny(name, " \n") && len(name) < 60 {
		// "access date", or a token slipped into the name: read its words.
		f.part = partParamName
		f.nameEnd = j
		sc.textStart = i + 1
		return i + 1
	}
	sc.textStart = j + 1
	return j + 1
}

// scanValueEnd returns where the template parameter value starting at i
// ends: at the next "|" or "}}" of its template, nested templates and links
// skipped, or at the end of the text.
func scanValueEnd(s string, i int) int {
	depth := 0
	for j := i; j+1 < len(s); j++ {
		switch {
		case s[j] == '{' && s[j+1] == '{' || s[j] == '[' && s[j+1] == '[':
			depth++
			j++
		case (s[j] == '}' && s[j+1] == '}' || s[j] == ']' && s[j+1] == ']') && depth > 0:
			depth--
			j++
		case s[j] == '}' && s[j+1] == '}' || s[j] == '|' && depth == 0:
			return j
		}
	}
	return len(s)
}

// scanOneWordAlt reports whether an image's alt text starting at i is one
// word, which reads as an option's value ("alt=logo"); alt text of several
// words is a caption.
func scanOneWordAlt(s string, i int) bool {
	j := i
	for j < len(s) && s[j] != '|' && s[j] != '\n' && !(s[j] == ']' && j+1 < len(s) && s[j+1] == ']') {
		j++
	}
	return !strings.ContainsAny(strings.TrimSpace(s[i:j]), " \t")
}

// scanOneWord reports whether the parameter value starting at i holds no
// space between its first and last character.
func scanOneWord(s string, i int) bool {
	j := i
	for j < len(s) && s[j] != '|' && !(s[j] == '}' && j+1 < len(s) && s[j+1] == '}') {
		j++
	}
	return !strings.ContainsAny(strings.TrimSpace(s[i:j]), " \t\n")
}

func scanIsAlnum(c byte) bool {
	return c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9'
}

// lineBegin handles the constructs that only mean something at the start of
// a line: tables, headings, lists, preformatted text, rules.
func (sc *Reader) lineBegin(i int) int {
	s := sc.s
	sc.lineFlags = 0
	sc.lineStart = i
	sc.italic = false
	sc.ext = false
	sc.joined = false
	sc.quoteFix = scanQuoteFix(s, i)
	if len(sc.frames) > 0 || i >= len(s) {
		return i
	}
	j := i
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	if strings.HasPrefix(s[j:], "{|") {
		sc.table++
		e := scanLineEnd(s, j)
		sc.attrs(j+2, e)
		return e
	}
	if sc.table > 0 && j < len(s) {
		switch {
		case strings.HasPrefix(s[j:], "|}"):
			sc.table--
			return j + 2
		case strings.HasPrefix(s[j:], "|-"):
			e := scanLineEnd(s, j)
			sc.attrs(j+2, e)
			return e
		case strings.HasPrefix(s[j:], "|+"):
			sc.lineFlags = cTable
			return sc.cellBegin(j + 2)
		case s[j] == '|' || s[j] == '!':
			sc.lineFlags = cTable
			return sc.cellBegin(j + 1)
		}
	}
	switch {
	case s[i] == '=':
		sc.lineFlags = cHeading
		for i < len(s) && s[i] == '=' {
			i++
		}
	case s[i] == '*' || s[i] == '#' || s[i] == ':' || s[i] == ';':
		sc.lineFlags = cList
		for i < len(s) && strings.IndexByte("*#:;", s[i]) >= 0 {
			i++
		}
	case s[i] == ' ' || s[i] == '\t':
		sc.lineFlags = cPre
	case strings.HasPrefix(s[i:], "----"):
		for i < len(s) && s[i] == '-' {
			i++
		}
	}
	return i
}

// scanLineEnd returns the index of the newline ending the line holding i, or len(s).
func scanLineEnd(s string, i int) int {
	if k := strings.IndexByte(s[i:], '\n'); k >= 0 {
		return i + k
	}
	return len(s)
}

// cellBegin skips a table cell's attributes ("style=... |"), if any.
func (sc *Reader) cellBegin(i int) int {
	s := sc.s
	sc.joined = false
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '\n':
			return i
		case '|':
			if j+1 < len(s) && s[j+1] == '|' {
				return i
			}
			sc.attrs(i, j)
			return j + 1
		case '!':
			if j+1 < len(s) && s[j+1] == '!' {
				return i
			}
		case '[', '{':
			if j+1 < len(s) && s[j+1] == s[j] {
				return i
			}
		}
	}
	return i
}

// urlEnd reports whether a URL starts at i and where it ends.
func (sc *Reader) urlEnd(i int) (int, bool) {
	s := sc.s
	if i >= len(s) {
		return i, false
	}
	rest := s[i:]
	n := 0
	switch {
	case strings.HasPrefix(rest, "//"):
		n = 2
	default:
		for _, p := range scanURLSchemes {
			if len(rest) >= len(p) && strings.EqualFold(rest[:len(p)], p) {
				n = len(p)
				break
			}
		}
	}
	if n == 0 {
		return i, false
	}
	j := i + n
	for j < len(s) {
		switch s[j] {
		case ' ', '\t', '\n', ']', '[', '<', '>', '"', '|', '{', '}':
			return j, true
		}
		j++
	}
	return j, true
}

var scanURLSchemes = [...]string{"https://", "http://", "ftp://", "ftps://", "mailto:", "irc://", "ircs://", "news:", "gopher://", "sftp://", "git://", "svn://", "telnet://"}

// openLink handles "[[" at i: it decides from the target whether the link's
// text is prose, and returns where to continue. The target's words are
// read too: a token slipped into "[[A token B|text]]" is seen.
func (sc *Reader) openLink(i int) int {
	s := sc.s
	j := i + 2
	stop := len(s)
	for k := j; k < len(s); k++ {
		c := s[k]
		if c == '|' || c == '\n' || (c == ']' || c == '[' || c == '{') && k+1 < len(s) && s[k+1] == c {
			stop = k
			break
		}
	}
	target := s[j:stop]
	f := scanFrame{kind: frameLink, link: scanLinkKind(target), target: true}
	f.interwiki = f.link == scanLinkHidden && scanInterwiki(target)
	f.sister = f.link == scanLinkHidden && !f.interwiki && scanSisterLink(target)
	if f.link == scanLinkPlain && strings.HasPrefix(s[stop:], "]]") {
		// [[target]] shows its target.
		f.showing, f.target = true, false
	}
	sc.frames = append(sc.frames, f)
	sc.textStart = j
	if f.link == scanLinkHidden && !f.interwiki && !f.sister {
		return stop
	}
	if f.link != scanLinkPlain || f.interwiki || f.sister {
		// Past the namespace prefix.
		if k := strings.IndexByte(target, ':'); k >= 0 {
			sc.textStart = j + k + 1
			return j + k + 1
		}
	}
	return j
}

// scanLinkKind classifies a wikilink by its target's namespace prefix.
func scanLinkKind(target string) uint8 {
	t := strings.TrimSpace(target)
	leadingColon := strings.HasPrefix(t, ":")
	t = strings.TrimPrefix(t, ":")
	k := strings.IndexByte(t, ':')
	if k <= 0 {
		return scanLinkPlain
	}
	ns := strings.ToLower(strings.TrimSpace(t[:k]))
	for _, p := range scanFileNamespaces {
		if ns == p {
			if leadingColon {
				return scanLinkPlain
			}
			return scanLinkFile
		}
	}
	for _, p := range scanCategoryNamespaces {
		if ns == p {
			return scanLinkCategory
		}
	}
	for _, p := range scanHiddenNamespaces {
		if ns == p {
			return scanLinkHidden
		}
	}
	// Interlanguage and interwiki prefixes: "de", "zh-yue", "simple".
	if len(ns) <= 3 || strings.IndexByte(ns, '-') > 0 && len(ns) <= 12 {
		return scanLinkHidden
	}
	return scanLinkPlain
}

// scanFileNamespaces are the names (lower case) of the File namespace in some of
// the languages small wikis are written in.
var scanFileNamespaces = [...]string{
	"file", "image", "media", "datei", "bild", "fichier", "archivo", "imagen", "plik", "soubor",
	"tiedosto", "kuva", "fájl", "kép", "dosya", "resim", "tập tin", "hình", "файл", "изображение",
	"delwedd", "ffeil", "fil", "billede", "bestand", "afbeelding", "immagine", "arquivo", "ficheiro",
	"lêer", "beeld", "súbor", "datoteka", "slika", "fișier", "imagine", "attēls", "failas", "ファイル",
	"画像", "文件", "檔案", "图像", "파일", "ملف", "קובץ", "αρχείο",
}

// scanInterwiki reports whether a hidden link's target is an interlanguage
// link ("de:Sonne", "zh-yue:..."): a short prefix that is no namespace.
func scanInterwiki(target string) bool {
	t := strings.TrimSpace(target)
	k := strings.IndexByte(t, ':')
	if k <= 0 {
		return false
	}
	ns := strings.ToLower(t[:k])
	for _, p := range scanHiddenNamespaces {
		if ns == p {
			return false
		}
	}
	if len(ns) == 1 || scanSisterPrefixes[ns] {
		return false // a sister project, not a language
	}
	return len(ns) <= 3 || strings.IndexByte(ns, '-') > 0 && len(ns) <= 12
}

// scanSisterLink reports whether a hidden link's target is a page of a
// sister project whose titles are written in the wiki's language: Wikisource,
// Wikiquote, Wikibooks, Wikinews, Wikiversity, Wikivoyage, Wikipedia, by
// name or by their one-letter prefixes ("s:", "q:", "b:", "n:", "v:", "w:").
func scanSisterLink(target string) bool {
	t := strings.TrimPrefix(strings.TrimSpace(target), ":")
	k := strings.IndexByte(t, ':')
	if k <= 0 {
		return false
	}
	ns := strings.ToLower(strings.TrimSpace(t[:k]))
	return scanSisterPrefixes[ns]
}

var scanSisterPrefixes = map[string]bool{
	"s": true, "q": true, "b": true, "n": true, "v": true, "w": true, "voy": true,
	"wikisource": true, "wikiquote": true, "wikibooks": true, "wikinews": true, "wikiversity": true,
	"wikivoyage": true, "wikipedia": true,
}

// scanCategoryNamespaces are the names of the Category namespace.
var scanCategoryNamespaces = [...]string{
	"category", "kategorie", "catégorie", "categoría", "kategoria", "luokka", "kategória", "kategori",
	"thể loại", "категория", "категорія", "категорија", "categoria", "categorie", "kategorija", "kategooria",
	"categori",
}

// scanHiddenNamespaces are links whose text is not running prose: user pages
// (signatures), special pages, wiktionary.
var scanHiddenNamespaces = [...]string{
	"user", "user talk", "benutzer", "benutzerin", "benutzer diskussion", "utilisateur",
	"discussion utilisateur", "usuario", "usuaria", "użytkownik", "użytkowniczka", "uživatel", "uživatelka",
	"käyttäjä", "szerkesztő", "kullanıcı", "thành viên", "участник", "участница", "користувач",
	"defnyddiwr", "gebruiker", "bruker", "bruger", "användare", "utente", "utilizador", "usuário",
	"special", "spezial", "spécial", "especial", "specjalna", "speciální", "toiminnot", "speciális",
	"özel", "đặc biệt", "служебная", "arbennig", "wiktionary", "wikt", "commons", "meta", "wikidata",
	"wikisource", "wikiquote", "wikibooks", "wikinews", "wikispecies", "wikiversity", "wikivoyage", "simple",
}

// tag handles '<' at i: comments, tags and their attributes, and the
// content of tags whose content is not prose. ok is false for a '<' that
// opens no tag.
func (sc *Reader) tag(i int) (int, bool) {
	s := sc.s
	if strings.HasPrefix(s[i:], "<!--") {
		if sc.commentEnd >= 0 {
			return i + 4, true // comments do not nest
		}
		k := sc.find("-->", i+4)
		if k < 0 {
			k = len(s) // MediaWiki hides the rest of the page
		}
		sc.commentEnd, sc.commentFrames = k, len(sc.frames)
		return i + 4, true
	}
	k := i + 1
	closing := k < len(s) && s[k] == '/'
	if closing {
		k++
	}
	nameStart := k
	for k < len(s) && (scanIsAlnum(s[k]) || s[k] == '-') {
		k++
	}
	name := s[nameStart:k]
	if !scanKnownTag(name) {
		return i, false
	}
	limit := min(len(s), k+2000)
	gt := strings.IndexByte(s[k:limit], '>')
	if gt < 0 {
		return i, false
	}
	gt += k
	lname := strings.ToLower(name)
	if closing {
		if lname == "ref" && sc.ref > 0 {
			sc.ref--
		}
		sc.words(k, gt, cStray) // a closing tag has no attributes
		return gt + 1, true
	}
	selfClosing := s[gt-1] == '/'
	sc.attrs(k, gt)
	if selfClosing {
		return gt + 1, true
	}
	switch lname {
	case "ref":
		sc.ref++
		return gt + 1, true
	case "gallery", "code", "pre", "nowiki", "tt", "kbd", "samp", "var":
		// Literal content: read as it stands, up to the closing tag.
		e := sc.find("</"+lname, gt+1)
		if e < 0 && lname != strings.ToLower(name) {
			e = sc.find("</"+name, gt+1)
		}
		end := e
		if e < 0 {
			end = len(s)
		}
		switch lname {
		case "gallery":
			sc.gallery(gt+1, end)
		case "nowiki":
			sc.words(gt+1, end, cCode)
		default:
			sc.codeWords(gt+1, end)
		}
		if e < 0 {
			return len(s), true
		}
		if g := strings.IndexByte(s[e:], '>'); g >= 0 {
			return e + g + 1, true
		}
		return len(s), true
	}
	if close := scanSkipContent(lname); close != "" {
		if e := sc.find(close, gt+1); e >= 0 {
			switch lname {
			case "timeline":
				sc.timeline(gt+1, e)
			case "math", "chem", "ce":
				sc.math(gt+1, e)
			case "source", "syntaxhighlight":
				sc.codeWords(gt+1, e)
			}
			if g := strings.IndexByte(s[e:], '>'); g >= 0 {
				return e + g + 1, true
			}
			return len(s), true
		}
	}
	return gt + 1, true
}

// attrs reads the attributes in s[lo:hi] of a tag, a table or a cell. Names
// and the values of identifier attributes (name, id, href...) are skipped;
// other values (class, style, title) are read as cAttr words, and a bare
// word that is no attribute as cStray.
func (sc *Reader) attrs(lo, hi int) {
	s := sc.s
	i := lo
	for i < hi {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '/' {
			i++
			continue
		}
		j := i
		for j < hi && s[j] != '=' && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '"' && s[j] != '\'' {
			j++
		}
		key, keyLo := s[i:j], i
		k := j
		for k < hi && (s[k] == ' ' || s[k] == '\t') {
			k++
		}
		if k < hi && s[k] == '=' {
			k++
			for k < hi && (s[k] == ' ' || s[k] == '\t') {
				k++
			}
			vlo, vhi := k, k
			if k < hi && (s[k] == '"' || s[k] == '\'') {
				vlo = k + 1
				if e := strings.IndexByte(s[vlo:hi], s[k]); e >= 0 {
					vhi = vlo + e
				} else {
					vhi = hi
				}
				i = vhi + 1
			} else {
				for vhi < hi && s[vhi] != ' ' && s[vhi] != '\t' && s[vhi] != '\n' {
					vhi++
				}
				i = vhi
			}
			switch {
			case !scanKnownAttr(key):
				sc.words(keyLo, j, cStray) // something slipped in before a value
				sc.words(vlo, vhi, cAttr)
			case scanNameAttr(key):
				sc.words(vlo, vhi, cAttr|cRefName)
			case !scanIdentAttr(key):
				sc.words(vlo, vhi, cAttr)
			}
			continue
		}
		if j == i {
			i++ // a stray quote
			continue
		}
		sc.words(i, j, cStray)
		i = j
	}
}

// gallery reads the lines of a <gallery>: a file name, then a caption after
// the first pipe. A line without a file extension is read as text.
func (sc *Reader) gallery(lo, hi int) {
	s := sc.s
	for i := lo; i < hi; {
		e := strings.IndexByte(s[i:hi], '\n')
		if e < 0 {
			e = hi
		} else {
			e += i
		}
		name, capLo := e, e
		if p := strings.IndexByte(s[i:e], '|'); p >= 0 {
			name, capLo = i+p, i+p+1
		}
		if scanHasFileExt(s[i:name]) {
			sc.words(i, name, cGallery|cFileName)
		} else {
			sc.words(i, name, cGallery)
		}
		if capLo < e {
			sc.words(capLo, e, cGallery|cCaption)
		}
		i = e + 1
	}
}

// scanHasFileExt reports whether name ends in a media file extension.
func scanHasFileExt(name string) bool {
	name = strings.TrimSpace(name)
	k := strings.LastIndexByte(name, '.')
	if k < 0 || len(name)-k > 6 {
		return false
	}
	switch strings.ToLower(name[k+1:]) {
	case "jpg", "jpeg", "png", "gif", "svg", "tif", "tiff", "webp", "webm", "ogg", "ogv", "oga", "pdf", "djvu", "mp3", "mp4", "wav", "flac", "mid", "xcf", "stl":
		return true
	}
	return false
}

// words reads the words in s[lo:hi] as literal text with the given place
// flags.
func (sc *Reader) words(lo, hi int, place wflag) {
	s := sc.s
	saved := sc.textStart
	sc.textStart = lo
	sc.joined = false
	for i := lo; i < hi; {
		c := s[i]
		if c == '&' {
			if j := scanEntityEnd(s, i); j > i {
				i = j
				continue
			}
		}
		if scanIsWordAt(s, i) {
			i = min(max(sc.readWord(i, place), i+1), len(s))
			continue
		}
		if c != ' ' && c != '\t' && c != '\'' && c != '-' {
			sc.joined = false
		}
		if c < utf8.RuneSelf {
			i++
		} else {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
		}
	}
	sc.textStart = saved
}

// codeWords reads the words in s[lo:hi], the content of <code>, <pre>,
// <syntaxhighlight> and the like, as code, line by line: a line that reads
// as code (textview.IsCodeLine) is textview.CodeLine too, as forumtext
// marks a post's lines, so the detector judges a word among code only by a
// blatant shape and a word of prose set as code as prose.
func (sc *Reader) codeWords(lo, hi int) {
	s := sc.s
	for i := lo; i < hi; {
		e := i + strings.IndexByte(s[i:hi], '\n')
		if e < i {
			e = hi
		}
		place := cCode
		if textview.IsCodeLine(strings.TrimSpace(s[i:e])) {
			place |= cCodeLine
		}
		sc.words(i, e, place)
		i = e + 1
	}
}

// scanSkipContent returns the closing tag to skip to for tags whose content
// is not text a probe would go into (formulas, code, data), or "".
func scanSkipContent(name string) string {
	switch name {
	case "math", "chem", "ce", "source", "syntaxhighlight", "timeline", "score", "graph", "templatedata",
		"mapframe", "maplink", "imagemap", "hiero", "inputbox", "categorytree", "style", "script":
		return "</" + name
	}
	return ""
}

// scanEntityEnd returns the end of an HTML entity (&nbsp; &#160; &#xA0;) at i,
// or i.
func scanEntityEnd(s string, i int) int {
	j := i + 1
	if j < len(s) && s[j] == '#' {
		j++
		if j < len(s) && s[j]|0x20 == 'x' {
			j++
		}
	}
	k := j
	for k < len(s) && k-j < 10 && scanIsAlnum(s[k]) {
		k++
	}
	if k > j && k < len(s) && s[k] == ';' {
		return k + 1
	}
	return i
}

// readWord reads the word starting at i and records it if it is displayed text
// in one of the regions.
func (sc *Reader) readWord(i int, extra wflag) int {
	s := sc.s
	start := i
	if !sc.inRegion(start) {
		// Outside the regions only the word's end matters, and whether it
		// starts a URL.
		for i < len(s) && (s[i] >= utf8.RuneSelf || scanIsAlnum(s[i])) {
			i++
		}
		sc.joined = false
		if i+2 < len(s) && s[i] == ':' && s[i+1] == '/' && s[i+2] == '/' {
			if j, ok := sc.urlEnd(start); ok {
				return j
			}
		}
		return i
	}
	var f wflag
	if sc.joined {
		f |= wJoined
	}
	sc.joined = false
	if start > sc.textStart {
		switch s[start-1] {
		case '#', '=', '&', '$', '%', '\\', '~', '^', '_', '@', '/', '.', ':':
			f |= wCode
		}
	}
	end, shape, joins := textview.Shape(s, start)
	f |= shape
	if joins {
		sc.joined = true
	}
	i = end
	// A bare URL ("http://...") is skipped to its end.
	if i+2 < len(s) && s[i] == ':' && s[i+1] == '/' && s[i+2] == '/' {
		if j, ok := sc.urlEnd(start); ok {
			return j
		}
	}
	if sc.italic {
		f |= cItalic
	}
	place, ok := sc.place()
	if ok {
		sc.out = append(sc.out, scanWord{Lo: start, Hi: i, Line: sc.lineStart, Flags: f | place | extra})
	}
	return i
}

// place returns the c* flags of a word read now, and false when the word
// is in a place that never holds a token (a hidden link, an image option).
func (sc *Reader) place() (wflag, bool) {
	f := sc.lineFlags
	if sc.ref > 0 {
		f |= cRef
	}
	if sc.commentEnd >= 0 {
		f |= cComment
	}
	if sc.ext {
		f |= cExtLink
	}
	n := len(sc.frames)
	for k := 0; k < n-1; k++ {
		if fr := &sc.frames[k]; fr.kind == frameTmpl {
			f |= cTemplate
			if fr.code {
				f |= cCode
			}
			if fr.foreign {
				f |= cForeign
			}
		}
	}
	if n == 0 {
		return f, true
	}
	switch fr := &sc.frames[n-1]; fr.kind {
	case frameTmpl:
		switch fr.part {
		case partName:
			f |= cTmplName
		case partParamName:
			f |= cParamName
		default:
			f |= cTemplate
		}
		if fr.ident && fr.part == partValue {
			f |= cIdent
		}
		if fr.file && fr.part == partValue {
			f |= cFileName
		}
		if fr.code {
			f |= cCode
		}
		if fr.codeLine && fr.part == partValue {
			f |= cCodeLine
		}
		if fr.foreign {
			f |= cForeign
		}
	default:
		switch {
		case fr.interwiki && fr.target:
			f |= cLinkTarget | cForeign
		case fr.sister && fr.target:
			f |= cLinkTarget
		case fr.link == scanLinkHidden:
			return 0, false
		case fr.target && fr.link == scanLinkFile:
			f |= cFileName
		case fr.target:
			f |= cLinkTarget
		case !fr.showing:
			return 0, false
		case fr.link == scanLinkFile:
			f |= cCaption
		case fr.link == scanLinkCategory:
			f |= cLinkTarget // the sort key
		default:
			f |= cLink
		}
	}
	return f, true
}

// scanIsWordAt reports whether a letter or digit starts at s[i].
func scanIsWordAt(s string, i int) bool {
	c := s[i]
	if c < utf8.RuneSelf {
		return scanIsAlnum(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func (sc *Reader) inRegion(pos int) bool {
	if sc.regions == nil {
		return true
	}
	for sc.ri < len(sc.regions) && sc.regions[sc.ri].Hi <= pos {
		sc.ri++
	}
	return sc.ri < len(sc.regions) && sc.regions[sc.ri].Lo <= pos
}

// scanKnownTag reports whether name is an HTML or MediaWiki extension tag; any
// other "<name" is text ("a<b and c>d").
func scanKnownTag(name string) bool {
	switch strings.ToLower(name) {
	case "ref", "references", "br", "small", "big", "sup", "sub", "span", "div", "center", "font",
		"b", "i", "u", "s", "strike", "del", "ins", "em", "strong", "blockquote", "cite", "p", "hr",
		"abbr", "code", "pre", "nowiki", "math", "chem", "ce", "source", "syntaxhighlight", "gallery",
		"timeline", "score", "graph", "templatedata", "mapframe", "maplink", "imagemap", "hiero",
		"inputbox", "categorytree", "kbd", "samp", "var", "tt", "poem", "includeonly", "noinclude",
		"onlyinclude", "table", "tr", "td", "th", "caption", "ul", "ol", "li", "dl", "dt", "dd",
		"h1", "h2", "h3", "h4", "h5", "h6", "section", "mark", "q", "bdi", "bdo", "wbr", "rt", "rp",
		"ruby", "rb", "rtc", "data", "time", "style", "script", "indicator", "charinsert", "languages",
		"translate", "tvar", "dfn", "thead", "tbody", "tfoot", "col", "colgroup", "img", "a", "nav",
		"templatestyles", "phonos", "ref-group", "chart", "dynamicpagelist", "section-begin":
		return true
	}
	return false
}

// scanImageOption reports whether the image-link segment starting at i is an
// option (thumb, 200px, upright=1.2, alt=...) rather than the caption.
func scanImageOption(s string, i int) bool {
	j := i
	for j < len(s) && s[j] != '|' && s[j] != '\n' && !(s[j] == ']' && j+1 < len(s) && s[j+1] == ']') && !(s[j] == '[' && j+1 < len(s) && s[j+1] == '[') {
		j++
	}
	seg := strings.TrimSpace(s[i:j])
	if k := strings.IndexByte(seg, '='); k > 0 && !strings.ContainsAny(seg[:k], " ") {
		return true // key=value
	}
	if strings.HasSuffix(seg, "px") && len(seg) > 2 && seg[0] >= '0' && seg[0] <= '9' {
		return true
	}
	switch strings.ToLower(seg) {
	case "thumb", "thumbnail", "frame", "framed", "frameless", "border", "left", "right", "center", "centre",
		"none", "upright", "baseline", "middle", "sub", "super", "top", "text-top", "bottom", "text-bottom",
		"mini", "miniatur", "rechts", "links", "zentriert", "ohne", "hochkant", "rahmenlos", "gerahmt",
		"vignette", "gauche", "droite", "centré", "miniatura", "izquierda", "derecha", "centro", "destra",
		"sinistra", "duim", "links=", "miniaturka", "prawo", "lewo", "náhled", "vpravo", "vlevo", "pienoiskuva",
		"oikea", "vasen", "bélyegkép", "jobbra", "balra", "küçükresim", "sağ", "sol", "nhỏ", "phải", "trái",
		"мини", "справа", "слева", "мини-изображение":
		return true
	}
	return false
}

// timeline reads the content of <timeline> (EasyTimeline), s[lo:hi]: lines
// of "key:value" and "Key = value" items. Displayed text (text:"...") is
// read as attribute words; a bare word that is no item, no value and no
// comment is a stray word, read as such: nothing in the syntax puts it
// there.
func (sc *Reader) timeline(lo, hi int) {
	s := sc.s
	for i := lo; i < hi; {
		e := strings.IndexByte(s[i:hi], '\n')
		if e < 0 {
			e = hi
		} else {
			e += i
		}
		afterEq := false
		for j := i; j < e; {
			for j < e && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			if j >= e || s[j] == '#' {
				break // a comment runs to the line's end
			}
			k := j
			quoted := false
			for k < e && s[k] != ' ' && s[k] != '\t' {
				if s[k] == '"' {
					q := strings.IndexByte(s[k+1:e], '"')
					if q < 0 {
						k = e
						break
					}
					sc.words(k+1, k+1+q, cAttr)
					k += q + 2
					quoted = true
					continue
				}
				k++
			}
			field := s[j:k]
			bare := !quoted && field != "" && !afterEq
			for n := 0; n < len(field) && bare; n++ {
				bare = scanIsAlnum(field[n])
			}
			if bare {
				sc.words(j, k, cStray)
			}
			afterEq = strings.HasSuffix(field, "=")
			j = k
		}
		i = e + 1
	}
}

// math reads the words of six characters or more of a formula, s[lo:hi],
// as cMath: the text of \text{} and \mathrm{}, and whatever else is put
// there; variables are shorter. TeX commands ("\frac") are code-like and
// the environments of \begin{} and \end{} ("pmatrix") are skipped.
func (sc *Reader) math(lo, hi int) {
	s := sc.s
	saved := sc.textStart
	sc.textStart = lo
	for i := lo; i < hi; {
		if s[i] == '\\' {
			j := i + 1
			for j < hi && (s[j]|0x20 >= 'a' && s[j]|0x20 <= 'z') {
				j++
			}
			cmd := s[i+1 : j]
			if (cmd == "begin" || cmd == "end") && j < hi && s[j] == '{' {
				if k := strings.IndexByte(s[j:hi], '}'); k >= 0 {
					j += k + 1
				}
			}
			i = max(j, i+1)
			continue
		}
		if scanIsWordAt(s, i) {
			n := len(sc.out)
			i = min(max(sc.readWord(i, cMath), i+1), len(s))
			if len(sc.out) > n && sc.out[n].Hi-sc.out[n].Lo < 6 {
				sc.out = sc.out[:n] // a variable: "x", "dV", "bkwz"
			}
			continue
		}
		if s[i] < utf8.RuneSelf {
			i++
		} else {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
		}
	}
	sc.textStart = saved
}

// scanQuoteFix returns where, on the line starting at i, MediaWiki reads a
// run of three apostrophes as an apostrophe and an italic toggle: when the
// line has an odd number of both italic and bold toggles
// (the possessive of an italic title: two apostrophes, the title, three). It
// prefers a run after a one-letter word, then one after a longer word,
// then the first; -1 when no run changes.
func scanQuoteFix(s string, i int) int {
	e := strings.IndexByte(s[i:], '\n')
	if e < 0 {
		e = len(s)
	} else {
		e += i
	}
	if strings.IndexByte(s[i:e], '\'') < 0 {
		return -1
	}
	italics, bolds := 0, 0
	single, multi, space := -1, -1, -1
	for j := i; j < e; {
		if s[j] != '\'' {
			j++
			continue
		}
		n := 1
		for j+n < e && s[j+n] == '\'' {
			n++
		}
		switch {
		case n == 2:
			italics++
		case n == 3 || n == 4:
			bolds++
			at := j + n - 3 // four apostrophes are ' and '''
			switch {
			case at > i+1 && s[at-1] != ' ' && s[at-2] == ' ', at == i+1 && s[at-1] != ' ':
				if single < 0 {
					single = j
				}
			case at > i && s[at-1] != ' ':
				if multi < 0 {
					multi = j
				}
			default:
				if space < 0 {
					space = j
				}
			}
		case n >= 5:
			italics++
			bolds++
		}
		j += n
	}
	if italics%2 == 0 || bolds%2 == 0 {
		return -1
	}
	switch {
	case single >= 0:
		return single
	case multi >= 0:
		return multi
	}
	return space
}
