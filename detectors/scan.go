package detectors

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The scanner walks wikitext once, byte by byte, keeping track of the markup
// it is in (templates, wikilinks, external links, tags, comments, tables,
// headings, lists), and reports the words a reader of the rendered page would
// see as running text, each with its shape and surroundings. It skips markup
// structurally instead of matching it with regular expressions: template
// calls and their parameters, link targets, file names and image options,
// category and interlanguage links, user links, URLs, tag attributes,
// references, <math>, <code>, <pre>, <nowiki>, <gallery> and similar, HTML
// comments, table and cell attributes, and HTML entities.
//
// Unbalanced "{{" and "[[" (a template or link never closed) are read as
// plain text, as MediaWiki renders them, so a stray brace cannot hide the rest
// of a page.

// wflag describes a word: its shape (w*) and where it sits (c*).
type wflag uint32

const (
	wUpperFirst wflag = 1 << iota // first letter is upper case
	wUpperInner                   // an upper-case letter after the first
	wLower                        // has a lower-case letter
	wDigit                        // has a digit
	wDiacritic                    // has a Latin letter with a diacritic or a combining mark
	wNonLatin                     // has a letter outside the Latin script
	wCode                         // joined by . _ / @ : or next to # = & $ % \ ~ ^ _: identifier, domain, path, code
	wJoined                       // part of a hyphenated or apostrophe-joined word

	cTable   // in a table cell or caption
	cHeading // in a section heading
	cList    // in a list item, definition or indented line
	cLink    // text of a wikilink
	cExtLink // anchor text of an external link
	cCaption // caption or option of an image
	cPre     // preformatted line (leading space); such lines are code and never reported
	cItalic  // in italics
)

// scanWord is one word of running text: a byte span of the scanned text.
type scanWord struct {
	lo, hi int   // the word's bytes
	line   int   // offset of the start of its line
	flags  wflag // shape and surroundings
}

// byteSpan is a byte range [lo, hi).
type byteSpan struct{ lo, hi int }

// link kinds.
const (
	scanLinkPlain  = iota // [[target|text]]: the text, or the target when there is no text
	scanLinkFile          // [[File:name|options|caption]]: options and caption
	scanLinkHidden        // [[Category:...]], [[de:...]], [[User:...]]: nothing shown as prose
)

type scanLinkFrame struct {
	kind    uint8
	showing bool // the current segment is displayed text
}

// scanner holds the state of one scan; reuse it to reuse its buffers.
type scanner struct {
	s       string
	regions []byteSpan
	ri      int
	out     []scanWord

	tmpl      int // template nesting depth
	links     []scanLinkFrame
	table     int // table nesting depth
	ext       bool
	lineFlags wflag // c* flags of the current line
	lineStart int
	textStart int  // where the current line's or cell's text starts, after its markup
	italic    bool // inside two apostrophes on this line
	joined    bool // the next word follows a hyphen or apostrophe

	badTmpl, badLink []int // positions of "{{" and "[[" never closed
	memo             []scanCloseMemo
}

// scanCloseMemo remembers where the next occurrence of a closing string is, so
// many unclosed openers cannot make a scan quadratic.
type scanCloseMemo struct {
	close    string
	from, at int // searched from 'from', found at 'at' (-1: none)
}

// scan appends to out the running-text words of s that start inside one of
// regions (sorted, disjoint; nil means all of s) and returns out. Markup
// before the regions is still read so that the words' surroundings are right.
func (sc *scanner) scan(s string, regions []byteSpan, out []scanWord) []scanWord {
	*sc = scanner{s: s, regions: regions, out: out, links: sc.links[:0], memo: sc.memo[:0],
		badTmpl: sc.badTmpl[:0], badLink: sc.badLink[:0]}
	end := len(s)
	if regions != nil {
		if len(regions) == 0 {
			return out
		}
		end = regions[len(regions)-1].hi
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
func (sc *scanner) find(close string, from int) int {
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

func (sc *scanner) run(end int) {
	s := sc.s
	i := 0
	i = sc.lineBegin(0)
	sc.textStart = i
	for i < end {
		c := s[i]
		if sc.tmpl > 0 {
			i = sc.inTemplate(i)
			continue
		}
		switch c {
		case '\n':
			i = sc.lineBegin(i + 1)
			sc.textStart = i
			continue
		case '{':
			if i+1 < len(s) && s[i+1] == '{' && !scanSortedHas(sc.badTmpl, i) {
				sc.tmpl++
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
			if i+1 < len(s) && s[i+1] == ']' && len(sc.links) > 0 {
				sc.links = sc.links[:len(sc.links)-1]
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
			if n := len(sc.links); n > 0 {
				f := &sc.links[n-1]
				f.showing = f.kind != scanLinkHidden
				if f.kind == scanLinkFile && scanImageOption(s, i+1) {
					f.showing = false
				}
				i++
				continue
			}
			if sc.lineFlags&cTable != 0 && i+1 < len(s) && s[i+1] == '|' {
				i = sc.cellBegin(i + 2)
				sc.textStart = i
				continue
			}
		case '!':
			if sc.lineFlags&cTable != 0 && i+1 < len(s) && s[i+1] == '!' {
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
				if n != 3 && n != 4 {
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
				i = sc.readWord(i)
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
			i = sc.readWord(i)
			continue
		}
		i += n
	}
}

func scanIsAlnum(c byte) bool {
	return c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9'
}

// inTemplate skips template text, tracking nesting and comments.
func (sc *scanner) inTemplate(i int) int {
	s := sc.s
	j := strings.IndexAny(s[i:], "{}<")
	if j < 0 {
		return len(s)
	}
	i += j
	switch s[i] {
	case '{':
		if i+1 < len(s) && s[i+1] == '{' && !scanSortedHas(sc.badTmpl, i) {
			sc.tmpl++
			return i + 2
		}
	case '}':
		if i+1 < len(s) && s[i+1] == '}' {
			sc.tmpl--
			return i + 2
		}
	case '<':
		if strings.HasPrefix(s[i:], "<!--") {
			k := sc.find("-->", i+4)
			if k < 0 {
				return len(s)
			}
			return k + 3
		}
		if strings.HasPrefix(s[i:], "<nowiki>") {
			if k := sc.find("</nowiki>", i+8); k >= 0 {
				return k + 9
			}
		}
	}
	return i + 1
}

// lineBegin handles the constructs that only mean something at the start of
// a line: tables, headings, lists, preformatted text, rules.
func (sc *scanner) lineBegin(i int) int {
	s := sc.s
	sc.lineFlags = 0
	sc.lineStart = i
	sc.italic = false
	sc.ext = false
	sc.joined = false
	if sc.tmpl > 0 || len(sc.links) > 0 || i >= len(s) {
		return i
	}
	j := i
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	if strings.HasPrefix(s[j:], "{|") {
		sc.table++
		return scanLineEnd(s, j)
	}
	if sc.table > 0 && j < len(s) {
		switch {
		case strings.HasPrefix(s[j:], "|}"):
			sc.table--
			return j + 2
		case strings.HasPrefix(s[j:], "|-"):
			return scanLineEnd(s, j)
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
func (sc *scanner) cellBegin(i int) int {
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
func (sc *scanner) urlEnd(i int) (int, bool) {
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
// text is prose, and returns where to continue.
func (sc *scanner) openLink(i int) int {
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
	f := scanLinkFrame{kind: scanLinkKind(target)}
	if f.kind == scanLinkPlain && strings.HasPrefix(s[stop:], "]]") {
		// [[target]] shows its target.
		f.showing = true
		sc.links = append(sc.links, f)
		return j
	}
	sc.links = append(sc.links, f)
	return stop
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

// scanHiddenNamespaces are links whose text is not running prose: categories,
// user pages (signatures), special pages, wiktionary.
var scanHiddenNamespaces = [...]string{
	"category", "kategorie", "catégorie", "categoría", "kategoria", "luokka", "kategória", "kategori",
	"thể loại", "категория", "категорія", "категорија", "categoria", "categorie", "kategorija", "kategooria",
	"categori", "user", "user talk", "benutzer", "benutzerin", "benutzer diskussion", "utilisateur",
	"discussion utilisateur", "usuario", "usuaria", "użytkownik", "użytkowniczka", "uživatel", "uživatelka",
	"käyttäjä", "szerkesztő", "kullanıcı", "thành viên", "участник", "участница", "користувач",
	"defnyddiwr", "gebruiker", "bruker", "bruger", "användare", "utente", "utilizador", "usuário",
	"special", "spezial", "spécial", "especial", "specjalna", "speciální", "toiminnot", "speciális",
	"özel", "đặc biệt", "служебная", "arbennig", "wiktionary", "wikt", "commons", "meta", "wikidata",
	"wikisource", "wikiquote", "wikibooks", "wikinews", "wikispecies", "wikiversity", "wikivoyage", "simple",
}

// tag handles '<' at i: comments, tags, and the content of tags whose
// content is not prose. ok is false for a '<' that opens no tag.
func (sc *scanner) tag(i int) (int, bool) {
	s := sc.s
	if strings.HasPrefix(s[i:], "<!--") {
		k := sc.find("-->", i+4)
		if k < 0 {
			return len(s), true // MediaWiki hides the rest of the page
		}
		return k + 3, true
	}
	k := i + 1
	closing := k < len(s) && s[k] == '/'
	if closing {
		k++
	}
	nameStart := k
	for k < len(s) && scanIsAlnum(s[k]) {
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
	if closing || s[gt-1] == '/' {
		return gt + 1, true
	}
	if close := scanSkipContent(name); close != "" {
		if e := sc.find(close, gt+1); e >= 0 {
			if g := strings.IndexByte(s[e:], '>'); g >= 0 {
				return e + g + 1, true
			}
			return len(s), true
		}
	}
	return gt + 1, true
}

// scanSkipContent returns the closing tag to skip to for tags whose content is
// not running prose, or "".
func scanSkipContent(name string) string {
	switch strings.ToLower(name) {
	case "ref":
		return "</ref"
	case "math":
		return "</math"
	case "chem":
		return "</chem"
	case "ce":
		return "</ce"
	case "code":
		return "</code"
	case "pre":
		return "</pre"
	case "nowiki":
		return "</nowiki"
	case "source":
		return "</source"
	case "syntaxhighlight":
		return "</syntaxhighlight"
	case "gallery":
		return "</gallery"
	case "timeline":
		return "</timeline"
	case "score":
		return "</score"
	case "graph":
		return "</graph"
	case "templatedata":
		return "</templatedata"
	case "mapframe":
		return "</mapframe"
	case "maplink":
		return "</maplink"
	case "imagemap":
		return "</imagemap"
	case "hiero":
		return "</hiero"
	case "references":
		return "</references"
	case "inputbox":
		return "</inputbox"
	case "categorytree":
		return "</categorytree"
	case "kbd":
		return "</kbd"
	case "samp":
		return "</samp"
	case "var":
		return "</var"
	case "tt":
		return "</tt"
	case "style":
		return "</style"
	case "script":
		return "</script"
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
func (sc *scanner) readWord(i int) int {
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
loop:
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z':
				f |= wLower
			case c >= 'A' && c <= 'Z':
				if i == start {
					f |= wUpperFirst
				} else {
					f |= wUpperInner
				}
			case c >= '0' && c <= '9':
				f |= wDigit
			case c == '.' || c == '_' || c == '/' || c == '@' || c == ':':
				if i+1 < len(s) && scanIsWordAt(s, i+1) {
					f |= wCode
				} else {
					if c == '_' {
						f |= wCode
					}
					break loop
				}
			case c == '-' || c == '\'':
				if i+1 < len(s) && scanIsWordAt(s, i+1) && i > start {
					f |= wJoined
					sc.joined = true
				}
				break loop
			default:
				if c == '=' {
					f |= wCode
				}
				break loop
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r):
			if _, latin, plain := letterIndex(r); !latin {
				f |= wNonLatin
			} else if !plain {
				f |= wDiacritic
			}
			if unicode.IsUpper(r) {
				if i == start {
					f |= wUpperFirst
				} else {
					f |= wUpperInner
				}
			} else {
				f |= wLower
			}
		case unicode.IsDigit(r):
			f |= wDigit
		case unicode.Is(unicode.Mn, r):
			f |= wDiacritic
		case r == '’':
			if i+n < len(s) && scanIsWordAt(s, i+n) {
				f |= wJoined
				sc.joined = true
			}
			break loop
		default:
			break loop
		}
		i += n
	}
	// A bare URL ("http://...") is skipped to its end.
	if i+2 < len(s) && s[i] == ':' && s[i+1] == '/' && s[i+2] == '/' {
		if j, ok := sc.urlEnd(start); ok {
			return j
		}
	}
	if sc.lineFlags&cPre != 0 {
		return i
	}
	if sc.italic {
		f |= cItalic
	}
	if sc.tmpl == 0 && !sc.ext && (len(sc.links) == 0 || sc.links[len(sc.links)-1].showing) && sc.inRegion(start) {
		f |= sc.lineFlags
		if n := len(sc.links); n > 0 {
			if sc.links[n-1].kind == scanLinkFile {
				f |= cCaption
			} else {
				f |= cLink
			}
		}
		sc.out = append(sc.out, scanWord{lo: start, hi: i, line: sc.lineStart, flags: f})
	} else if sc.ext && sc.tmpl == 0 && len(sc.links) == 0 && sc.inRegion(start) {
		sc.out = append(sc.out, scanWord{lo: start, hi: i, line: sc.lineStart, flags: f | sc.lineFlags | cExtLink})
	}
	return i
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

func (sc *scanner) inRegion(pos int) bool {
	if sc.regions == nil {
		return true
	}
	for sc.ri < len(sc.regions) && sc.regions[sc.ri].hi <= pos {
		sc.ri++
	}
	return sc.ri < len(sc.regions) && sc.regions[sc.ri].lo <= pos
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
