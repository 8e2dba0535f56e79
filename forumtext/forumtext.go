// Package forumtext reads forum posts (NodeBB stores Markdown, and posts
// may hold HTML and bare URLs) into the format-neutral view of package
// textview, as package wikitext does for wiki pages, so that the probe
// detector judges a forum post's words as it judges a wiki edit's.
//
// The reader knows the Markdown a forum renders: fenced and indented code
// blocks and code spans (code), headings, list items, block quotes (text
// quoted from another post), tables, links and images ([text](url),
// ![alt](url), <url>), HTML tags with their attributes (<a href>,
// <code>, <pre>) and entities. URLs are never words; a link's text is.
// ReadLinks gives the post's external links, with their anchors and places
// (links.go).
package forumtext

import (
	"strings"
	"unicode/utf8"

	"github.com/wikiwarden/wikiwarden/textview"
)

// Reader reads Markdown into words (textview.Reader). The zero value is
// ready; reuse one to reuse its buffers.
type Reader struct {
	s       string
	regions []textview.Span
	ri      int
	out     []textview.Word
}

// Read appends to out the words of s that start inside one of regions
// (sorted, disjoint; nil means all of s) and returns out.
func (r *Reader) Read(s string, regions []textview.Span, out []textview.Word) []textview.Word {
	*r = Reader{s: s, regions: regions, out: out}
	if regions != nil && len(regions) == 0 {
		return out
	}
	eachLine(s, func(kind blockKind, start, end, indent int) {
		trimmed := s[start+indent : end]
		switch {
		case kind == blockFence:
			// A fence's info string names the code's language ("```python"):
			// code, but text all the same, where a word can be slipped in.
			if k := len(trimmed) - len(strings.TrimLeft(trimmed, "`~")); k >= 3 {
				r.inline(start+indent+k, end, start, textview.Code|textview.CodeLine, true)
			}
		case kind == blockFenced, literalLine(trimmed):
			r.inline(start, end, start, textview.Code|textview.CodeLine, true)
		case kind == blockIndented:
			// An indented block is code to Markdown, but mail and
			// misformatted posts indent prose too: the line says which.
			place := textview.Code | textview.Pre
			if textview.IsCodeLine(trimmed) {
				place |= textview.CodeLine
			}
			r.inline(start, end, start, place, true)
		case textview.IsCodeLine(trimmed):
			r.block(start, end, start+indent, textview.CodeLine)
		default:
			r.block(start, end, start+indent, 0)
		}
	})
	return r.out
}

// blockKind is what a line of a post is to Markdown's blocks.
type blockKind uint8

const (
	blockText     blockKind = iota // outside code blocks
	blockFence                     // a fence opening or closing a code block: "```go", "~~~", "-----BEGIN PGP SIGNATURE-----"
	blockFenced                    // inside a fenced block, or a key, signature or certificate pasted whole
	blockIndented                  // indented four spaces after a blank line: a code block
)

// eachLine calls fn with each line of s, where it starts and ends, its
// indent and its kind. Read and ReadLinks walk the blocks alike.
func eachLine(s string, fn func(kind blockKind, start, end, indent int)) {
	fence := "" // what closes the open fenced block, or ""
	prevBlank := true
	for start := 0; start <= len(s); {
		end := textview.LineEnd(s, start)
		line := s[start:end]
		trimmed := strings.TrimLeft(line, " \t")
		indent := len(line) - len(trimmed)
		switch {
		case fence != "" && strings.HasPrefix(trimmed, fence):
			fence = ""
			fn(blockFence, start, end, indent)
		case fence != "":
			fn(blockFenced, start, end, indent)
		case strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"):
			fence = trimmed[:3]
			fn(blockFence, start, end, indent)
		case strings.HasPrefix(trimmed, "-----BEGIN ") && !strings.HasPrefix(trimmed, "-----BEGIN PGP SIGNED MESSAGE"):
			// A signature, key or certificate pasted whole; a signed
			// message is the text it signs, and its signature a block of
			// its own.
			fence = "-----END "
			fn(blockFence, start, end, indent)
		case indent >= 4 && prevBlank:
			fn(blockIndented, start, end, indent)
		default:
			fn(blockText, start, end, indent)
		}
		prevBlank = strings.TrimSpace(line) == "" || (indent >= 4 && prevBlank)
		if end >= len(s) {
			break
		}
		start = end + 1
	}
}

// block reads one line outside code blocks: its leading markers, then its
// inline text, in place.
func (r *Reader) block(lineStart, end, i int, place textview.Flags) {
	s := r.s
	for i < end {
		switch c := s[i]; {
		case c == '>':
			place |= textview.Comment // quoted from another post
			i++
			for i < end && s[i] == ' ' {
				i++
			}
			continue
		case c == '#':
			j := i
			for j < end && s[j] == '#' {
				j++
			}
			if j < end && s[j] == ' ' && j-i <= 6 {
				place |= textview.Heading
				i = j + 1
				continue
			}
		case (c == '-' || c == '*' || c == '+') && i+1 < end && s[i+1] == ' ':
			place |= textview.List
			i += 2
			continue
		case c >= '0' && c <= '9':
			j := i
			for j < end && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j < end && (s[j] == '.' || s[j] == ')') && j+1 < end && s[j+1] == ' ' {
				place |= textview.List
				i = j + 2
				continue
			}
		case c == '|':
			place |= textview.Table
		}
		break
	}
	if strings.Count(s[i:end], "|") >= 2 {
		place |= textview.Table
	}
	r.inline(i, end, lineStart, place, false)
}

// inline reads the text of s[i:end]: code spans, links and images, autolinks
// and bare URLs, HTML tags and entities, and words. literal reads the text
// as it stands (a code block).
func (r *Reader) inline(i, end, lineStart int, place textview.Flags, literal bool) {
	s := r.s
	textStart := i
	joined := false
	for i < end {
		c := s[i]
		if !literal {
			switch c {
			case '`':
				n := 1
				for i+n < end && s[i+n] == '`' {
					n++
				}
				if k := strings.Index(s[i+n:end], s[i:i+n]); k >= 0 {
					r.words(i+n, i+n+k, lineStart, place|textview.Code)
					i += n + k + n
					continue
				}
			case '!', '[':
				if j, ok := r.link(i, end, lineStart, place); ok {
					i = j
					continue
				}
			case '<':
				if j, ok := r.tag(i, end, lineStart, place); ok {
					i = j
					continue
				}
			case '&':
				if j := entityEnd(s, i, end); j > i {
					i = j
					continue
				}
			}
		}
		if textview.IsWordAt(s, i) {
			if j := urlEnd(s, i, end); j > i {
				i = j
				joined = false
				continue
			}
			i = r.word(i, end, lineStart, textStart, place, &joined)
			continue
		}
		if c != ' ' && c != '-' && c != '\'' {
			joined = false
		}
		if c < utf8.RuneSelf {
			i++
		} else {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
		}
	}
}

// words reads s[lo:hi] as literal text.
func (r *Reader) words(lo, hi, lineStart int, place textview.Flags) {
	joined := false
	for i := lo; i < hi; {
		if textview.IsWordAt(r.s, i) {
			i = r.word(i, hi, lineStart, lo, place, &joined)
			continue
		}
		i++
	}
}

// word reads the word at i and records it if it is in a region.
func (r *Reader) word(i, end, lineStart, textStart int, place textview.Flags, joined *bool) int {
	s := r.s
	e, f, joins := textview.Shape(s, i)
	e = min(e, end)
	if *joined {
		f |= textview.Joined
	}
	*joined = joins
	if i > textStart {
		switch s[i-1] {
		case '#', '=', '&', '$', '%', '\\', '~', '^', '_', '@', '/', '.', ':':
			f |= textview.CodeLike
		}
	}
	if underscoreEmphasis(s, i, e, textStart) {
		// "_word_" is Markdown's italics, not an identifier.
		f &^= textview.CodeLike
	}
	if r.inRegion(i) {
		r.out = append(r.out, textview.Word{Lo: i, Hi: e, Line: lineStart, Flags: f | place})
	}
	return max(e, i+1)
}

// underscoreEmphasis reports whether the word s[i:e] is wrapped in
// underscores as Markdown emphasis ("_word_", "__word__"): an underscore
// before it that opens (at the text's start or after a space or
// punctuation), one after it that closes, and no other code-like
// character inside.
func underscoreEmphasis(s string, i, e, textStart int) bool {
	if i <= textStart || s[i-1] != '_' || e >= len(s) || s[e] != '_' {
		return false
	}
	open := i - 1
	for open > textStart && s[open-1] == '_' {
		open--
	}
	if open > textStart && textview.IsAlnum(s[open-1]) {
		return false
	}
	close := e
	for close < len(s) && s[close] == '_' {
		close++
	}
	if close < len(s) && textview.IsAlnum(s[close]) {
		return false
	}
	return !strings.ContainsAny(s[i:e], "._/@:=")
}

// link reads [text](url), ![alt](url) and [text][ref] at i: the text is a
// link's (an image's alt text a caption), the URL is skipped.
func (r *Reader) link(i, end, lineStart int, place textview.Flags) (int, bool) {
	s := r.s
	image := s[i] == '!'
	open := i
	if image {
		if i+1 >= end || s[i+1] != '[' {
			return i, false
		}
		open++
	}
	closeText := strings.IndexByte(s[open+1:end], ']')
	if closeText < 0 {
		return i, false
	}
	closeText += open + 1
	after := closeText + 1
	var next int
	switch {
	case after < end && s[after] == '(':
		k := strings.IndexByte(s[after:end], ')')
		if k < 0 || !destination(s[after+1:after+k]) {
			return i, false
		}
		next = after + k + 1
	case after < end && s[after] == '[':
		k := strings.IndexByte(s[after:end], ']')
		if k < 0 {
			return i, false
		}
		next = after + k + 1
	default:
		return i, false
	}
	flag := textview.Link
	if image {
		flag = textview.Caption
	}
	r.inline(open+1, closeText, lineStart, place|flag, false)
	return next, true
}

// destination reports whether in, the text between a link's parentheses, is
// a destination as CommonMark reads one: a URL without spaces (or one in
// <...>), spaces around it, then perhaps a title in quotes or parentheses.
// Anything else ("/wiki/ word User:Name") makes the brackets and parentheses
// plain text, shown as written, words and all.
func destination(in string) bool {
	in = strings.TrimSpace(in)
	if strings.HasPrefix(in, "<") {
		if k := strings.IndexByte(in, '>'); k >= 0 {
			in = in[k+1:]
		}
	} else if k := strings.IndexAny(in, " \t\n"); k >= 0 {
		in = in[k:]
	} else {
		return true
	}
	in = strings.TrimSpace(in)
	return in == "" || in[0] == '"' || in[0] == '\'' || in[0] == '('
}

// tag reads an HTML tag at i: an autolink (<http://...>) is skipped, a
// tag's attribute values are read as attributes but for href and src,
// <code> and <pre> content as code.
func (r *Reader) tag(i, end, lineStart int, place textview.Flags) (int, bool) {
	s := r.s
	gt := strings.IndexByte(s[i:end], '>')
	if gt < 0 {
		return i, false
	}
	gt += i
	inner := s[i+1 : gt]
	if strings.Contains(inner, "://") && !strings.ContainsAny(inner, " \"") {
		return gt + 1, true // <http://example.com>
	}
	k, n := tagName(inner)
	if n == k {
		return i, false
	}
	name := strings.ToLower(inner[k:n])
	r.attrs(i+1+n, gt, lineStart, place)
	if k == 0 && (name == "code" || name == "pre") {
		if e := strings.Index(strings.ToLower(s[gt+1:end]), "</"+name); e >= 0 {
			r.words(gt+1, gt+1+e, lineStart, place|textview.Code)
			return gt + 1 + e, true
		}
	}
	return gt + 1, true
}

// attrs reads the attributes in s[lo:hi]: values but for href, src and
// other identifiers are attribute words.
func (r *Reader) attrs(lo, hi, lineStart int, place textview.Flags) {
	s := r.s
	for i := lo; i < hi; {
		if !textview.IsAlnum(s[i]) {
			i++
			continue
		}
		j := i
		for j < hi && (textview.IsAlnum(s[j]) || s[j] == '-') {
			j++
		}
		key := strings.ToLower(s[i:j])
		if j < hi && s[j] == '=' {
			vlo, vhi := j+1, j+1
			if vlo < hi && (s[vlo] == '"' || s[vlo] == '\'') {
				q := s[vlo]
				vlo++
				vhi = vlo
				for vhi < hi && s[vhi] != q {
					vhi++
				}
			} else {
				for vhi < hi && s[vhi] != ' ' {
					vhi++
				}
			}
			switch key {
			case "href", "src", "id", "name", "width", "height", "rel", "target", "data-id":
			default:
				r.words(vlo, vhi, lineStart, place|textview.Attr)
			}
			i = vhi + 1
			continue
		}
		r.words(i, j, lineStart, place|textview.Stray)
		i = j
	}
}

// urlEnd returns the end of a bare URL starting at i ("https://...",
// "www.example.com/..."), or i.
func urlEnd(s string, i, end int) int {
	rest := s[i:end]
	n := 0
	for _, p := range [...]string{"https://", "http://", "ftp://", "www."} {
		if len(rest) >= len(p) && strings.EqualFold(rest[:len(p)], p) {
			n = len(p)
			break
		}
	}
	if n == 0 {
		return i
	}
	j := i + n
	for j < end && !strings.ContainsRune(" \t\n<>\"')]", rune(s[j])) {
		j++
	}
	return j
}

// tagName finds the name of the HTML tag whose text between < and > is
// inner: it is inner[k:n], k 1 for a closing tag; n == k when inner names
// no tag ("< 3", "<-").
func tagName(inner string) (k, n int) {
	if strings.HasPrefix(inner, "/") {
		k = 1
	}
	n = k
	for n < len(inner) && textview.IsAlnum(inner[n]) {
		n++
	}
	return k, n
}

// entityEnd returns the end of an HTML entity at i, or i.
func entityEnd(s string, i, end int) int {
	j := i + 1
	if j < end && s[j] == '#' {
		j++
	}
	k := j
	for k < end && k-j < 10 && textview.IsAlnum(s[k]) {
		k++
	}
	if k > j && k < end && s[k] == ';' {
		return k + 1
	}
	return i
}

func (r *Reader) inRegion(pos int) bool {
	if r.regions == nil {
		return true
	}
	for r.ri < len(r.regions) && r.regions[r.ri].Hi <= pos {
		r.ri++
	}
	return r.ri < len(r.regions) && r.regions[r.ri].Lo <= pos
}

// literalLine reports whether a line is one run of 24 characters or more
// without a space: a hash, a key, base64, a path or a URL pasted alone.
func literalLine(line string) bool {
	line = strings.TrimSpace(line)
	return len(line) >= 24 && !strings.ContainsAny(line, " \t")
}
