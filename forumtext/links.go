package forumtext

import (
	"strings"

	"github.com/wikiwarden/wikiwarden/textview"
)

// This file reads the external links of a forum post as the forum renders
// them: Markdown links and images ([text](url), ![alt](url), reference
// links [text][ref] with their [ref]: url definitions), autolinks
// (<https://...>), HTML <a href> and <img src>, and bare URLs. Code blocks
// and code spans render no link: their URLs are given as textview.LinkInert.

// ReadLinks returns the external links of the post s in order of
// appearance, and the spans of its HTML tags (textview.LinkReader).
func (r *Reader) ReadLinks(s string) textview.Links { return ReadLinks(s) }

// ReadLinks returns the external links of the post s; see Reader.ReadLinks.
func ReadLinks(s string) textview.Links {
	if !strings.Contains(s, "//") {
		return textview.Links{}
	}
	lr := linkReader{s: s}
	if strings.Contains(s, "]:") {
		lr.defs = refDefs(s)
	}
	eachLine(s, func(kind blockKind, start, end, indent int) {
		switch {
		case kind == blockFence:
		case kind == blockFenced, kind == blockIndented:
			lr.inert(start, end)
		case refDefLine(s[start+indent:end]) != "":
			// A definition renders nothing; its links are where it is used.
		default:
			lr.line(start+indent, end)
		}
	})
	if len(lr.out) == 0 {
		return textview.Links{}
	}
	return textview.Links{Links: lr.out, Markup: lr.tags}
}

type linkReader struct {
	s    string
	defs map[string]string // reference label (lower case) to URL
	out  []textview.ExternalLink
	tags []textview.Span
}

func (lr *linkReader) add(u string, at, lo, hi int, anchor string, place textview.LinkPlace) {
	if !textview.HasHost(u) {
		return
	}
	lr.out = append(lr.out, textview.ExternalLink{URL: u, At: at, Lo: lo, Hi: hi, Anchor: strings.TrimSpace(anchor), Place: place})
}

// line reads the links of s[i:end].
func (lr *linkReader) line(i, end int) {
	s := lr.s
	for i < end {
		c := s[i]
		switch {
		case c == '`':
			n := i
			for n < end && s[n] == '`' {
				n++
			}
			if k := strings.Index(s[n:end], s[i:n]); k >= 0 {
				lr.inert(n, n+k)
				i = n + k + (n - i)
			} else {
				i = n
			}
			continue
		case c == '\\' && i+1 < end:
			i += 2
			continue
		case c == '[' || c == '!' && i+1 < end && s[i+1] == '[':
			if next, ok := lr.mdLink(i, end); ok {
				i = next
				continue
			}
		case c == '<':
			if next, ok := lr.tag(i, end); ok {
				i = next
				continue
			}
		case (c == 'h' || c == 'H' || c == 'f' || c == 'F') && (i == 0 || !wordByte(s[i-1])):
			if e := bareURLEnd(s, i, end); e > i {
				u := trimURLTail(s[i:e])
				lr.add(u, i, i, i+len(u), "", 0)
				i = e
				continue
			}
		}
		i++
	}
}

// inert reads the bare URLs of code in s[i:end]: written, not rendered as
// links.
func (lr *linkReader) inert(i, end int) {
	s := lr.s
	for i < end {
		k := strings.Index(s[i:end], "://")
		if k < 0 {
			return
		}
		k += i
		lo := k
		for lo > i && lo > k-5 && textview.IsAlnum(s[lo-1]) {
			lo--
		}
		if e := bareURLEnd(s, lo, end); e > lo && (lo == 0 || !wordByte(s[lo-1])) {
			u := trimURLTail(s[lo:e])
			lr.add(u, lo, lo, lo+len(u), "", textview.LinkInert)
			i = e
			continue
		}
		i = k + 3
	}
}

// mdLink reads [text](url), ![alt](url), [text][ref], [text][] and [ref]
// at i.
func (lr *linkReader) mdLink(i, end int) (int, bool) {
	s := lr.s
	open := i
	var place textview.LinkPlace
	if s[i] == '!' {
		open++
		place = textview.LinkImage
	}
	// The text may hold brackets in pairs ([![badge](img)](url)).
	depth, closeText := 0, -1
	for k := open; k < end && closeText < 0; k++ {
		switch s[k] {
		case '\\':
			k++
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				closeText = k
			}
		}
	}
	if closeText < 0 {
		return i, false
	}
	text := s[open+1 : closeText]
	after := closeText + 1
	if after < end && s[after] == '(' {
		depth, k := 0, after
		for ; k < end; k++ {
			if s[k] == '(' {
				depth++
			} else if s[k] == ')' {
				depth--
				if depth == 0 {
					break
				}
			}
		}
		if k >= end {
			return i, false
		}
		dst := strings.TrimSpace(s[after+1 : k])
		at := after + 1 + strings.Index(s[after+1:k], dst)
		if strings.HasPrefix(dst, "<") {
			if e := strings.IndexByte(dst, '>'); e > 0 {
				dst, at = dst[1:e], at+1
			}
		} else if e := strings.IndexAny(dst, " \t"); e >= 0 {
			dst = dst[:e] // a title follows
		}
		lr.add(dst, at, i, k+1, text, place)
		// A link inside the text, such as an image in a linked badge, is
		// rendered too.
		lr.line(open+1, closeText)
		return k + 1, true
	}
	if lr.defs == nil {
		return i, false
	}
	label, next := text, after
	if after+1 < end && s[after] == '[' {
		if k := strings.IndexByte(s[after+1:end], ']'); k >= 0 {
			if l := s[after+1 : after+1+k]; l != "" {
				label = l
			}
			next = after + 1 + k + 1
		}
	}
	u, ok := lr.defs[strings.ToLower(strings.TrimSpace(label))]
	if !ok {
		return i, false
	}
	lr.add(u, i, i, next, text, place)
	return next, true
}

// tag reads an autolink or an HTML tag at i.
func (lr *linkReader) tag(i, end int) (int, bool) {
	s := lr.s
	gt := strings.IndexByte(s[i:end], '>')
	if gt < 0 {
		return i, false
	}
	gt += i
	inner := s[i+1 : gt]
	if strings.Contains(inner, "://") && !strings.ContainsAny(inner, " \"<") {
		lr.add(inner, i+1, i, gt+1, "", 0) // <https://example.com>
		return gt + 1, true
	}
	k, n := tagName(inner)
	if n == k {
		return i, false
	}
	lr.tags = append(lr.tags, textview.Span{Lo: i, Hi: gt + 1})
	if k == 1 {
		return gt + 1, true
	}
	name := strings.ToLower(inner[:n])
	switch name {
	case "code", "pre":
		if e := strings.Index(strings.ToLower(s[gt+1:end]), "</"+name); e >= 0 {
			lr.inert(gt+1, gt+1+e)
			return gt + 1 + e, true
		}
	case "a":
		if u, at, ok := attrValue(s, i+1+n, gt, "href"); ok {
			anchor, hi := "", gt+1
			if e := strings.Index(strings.ToLower(s[gt+1:end]), "</a"); e >= 0 {
				anchor, hi = s[gt+1:gt+1+e], gt+1+e
				if c := strings.IndexByte(s[hi:end], '>'); c >= 0 {
					hi += c + 1
				}
			}
			lr.add(u, at, i, hi, anchor, 0)
		}
	case "img":
		if u, at, ok := attrValue(s, i+1+n, gt, "src"); ok {
			alt, _, _ := attrValue(s, i+1+n, gt, "alt")
			lr.add(u, at, i, gt+1, alt, textview.LinkImage)
		}
	}
	return gt + 1, true
}

// attrValue returns the value of the attribute key in s[lo:hi] and where it
// starts.
func attrValue(s string, lo, hi int, key string) (string, int, bool) {
	for i := lo; i < hi; {
		if !textview.IsAlnum(s[i]) {
			i++
			continue
		}
		j := i
		for j < hi && (textview.IsAlnum(s[j]) || s[j] == '-') {
			j++
		}
		k := j
		for k < hi && s[k] == ' ' {
			k++
		}
		if k >= hi || s[k] != '=' {
			i = j
			continue
		}
		k++
		for k < hi && s[k] == ' ' {
			k++
		}
		vlo, vhi := k, k
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
		if strings.EqualFold(s[i:j], key) {
			return strings.TrimSpace(s[vlo:vhi]), vlo, true
		}
		i = vhi + 1
	}
	return "", 0, false
}

// refDefs returns the reference definitions ([label]: url) of s.
func refDefs(s string) map[string]string {
	defs := map[string]string{}
	for start := 0; start <= len(s); {
		end := textview.LineEnd(s, start)
		line := strings.TrimLeft(s[start:end], " \t")
		if label := refDefLine(line); label != "" {
			u := strings.TrimSpace(line[len(label)+3:])
			u = strings.TrimPrefix(u, "<")
			if e := strings.IndexAny(u, " \t>"); e >= 0 {
				u = u[:e]
			}
			if _, ok := defs[strings.ToLower(label)]; !ok {
				defs[strings.ToLower(label)] = u
			}
		}
		if end >= len(s) {
			break
		}
		start = end + 1
	}
	return defs
}

// refDefLine returns the label of a reference definition line, or "".
func refDefLine(line string) string {
	if !strings.HasPrefix(line, "[") {
		return ""
	}
	k := strings.Index(line, "]:")
	if k <= 1 || strings.ContainsAny(line[1:k], "[]") {
		return ""
	}
	return line[1:k]
}

// bareURLEnd returns the end of a bare URL at i (http, https, ftp), before
// trailing punctuation is trimmed, or i.
func bareURLEnd(s string, i, end int) int {
	n := 0
	for _, p := range [...]string{"https://", "http://", "ftp://"} {
		if end-i >= len(p) && strings.EqualFold(s[i:i+len(p)], p) {
			n = len(p)
			break
		}
	}
	if n == 0 {
		return i
	}
	j := i + n
	for j < end && !strings.ContainsRune(" \t\r\n<>\"[]`", rune(s[j])) {
		if s[j] == 0xC2 && j+1 < end && s[j+1] == 0xA0 {
			break // no-break space
		}
		j++
	}
	if j == i+n {
		return i
	}
	return j
}

// trimURLTail removes trailing sentence punctuation, Markdown emphasis
// and a closing parenthesis without an opening one from a bare URL.
func trimURLTail(u string) string { return textview.TrimURLTail(u, ",;.:!?'*_") }

func wordByte(c byte) bool {
	return textview.IsAlnum(c) || c == '_' || c >= 0x80
}
