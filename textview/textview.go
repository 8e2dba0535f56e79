// Package textview is the format-neutral view of a text that the detectors
// score: its words, each with its shape (case, digits, diacritics, joined
// to a domain or path) and the place it sits in (running prose, a heading,
// a list, a table cell, a template parameter, a reference, an attribute, a
// link target or label, a comment, code).
//
// A botnet puts the same tracking tokens on wikis and forums, in whatever
// markup the site speaks. Readers turn each markup into this view (package
// wikitext for MediaWiki pages, package forumtext for forum posts in
// Markdown, HTML and bare URLs), so the probe detector judges words and
// places the same way on every site and knows no markup itself.
//
// The readers give the external links they read too (ExternalLink: URL,
// anchor, place such as a citation, an image, the external-links section,
// an invisible element or a comment), so the link detector judges links
// without re-parsing markup either.
package textview

import (
	"unicode"
	"unicode/utf8"
)

// Flags describe a word: its shape and where it sits. A reader sets every
// place flag that applies; the detector weighs the strongest.
type Flags uint64

// Shape.
const (
	UpperFirst Flags = 1 << iota // first letter is upper case
	UpperInner                   // an upper-case letter after the first
	Lower                        // has a lower-case letter
	Digit                        // has a digit
	Diacritic                    // has a Latin letter with a diacritic or a combining mark
	NonLatin                     // has a letter outside the Latin script
	CodeLike                     // joined by . _ / @ : or next to # = & $ % \ ~ ^: identifier, domain, path
	Joined                       // part of a hyphenated or apostrophe-joined word

	// Places.
	Table        // in a table cell or caption
	Heading      // in a section heading
	List         // in a list item, definition or indented line
	Link         // text of a link
	ExtLink      // anchor text of an external link
	Caption      // caption of an image
	Pre          // preformatted line (leading space)
	Italic       // in italics
	Template     // a template parameter's value
	TemplateName // a word of a template's name of several words
	ParamName    // a word of a parameter's name of several words
	Ident        // a place that holds identifiers (isbn=, doi=, {{coord}})
	Foreign      // text marked as another language ({{lang}}, interlanguage links)
	Ref          // inside a reference (footnote)
	Attr         // an attribute value of an HTML tag or a table
	LinkTarget   // a link's target (a page title)
	FileName     // a file name
	Comment      // inside a comment
	Gallery      // a gallery line
	Code         // code: <code>, <pre>, a Markdown code span or block
	Stray        // a bare word among the attributes of a tag
	RefName      // the value of a name attribute (<ref name=...>)
	Math         // a formula (<math>, <chem>): variables and text, not TeX commands
	CodeLine     // a line that reads as code, a command, a path or a log, without code markup
)

// Markup are the places outside running prose: a letter model learns from
// prose only.
const Markup = Template | TemplateName | ParamName | Ident | Foreign | Ref | Attr | LinkTarget |
	FileName | Comment | Gallery | Code | Pre | RefName | Math | CodeLine

// Word is one word of a text: a byte span, the start of its line, and its
// flags.
type Word struct {
	Lo, Hi int
	Line   int
	Flags  Flags
}

// Span is a byte range [Lo, Hi) of a text.
type Span struct{ Lo, Hi int }

// Reader reads the words of a text in one markup. Read appends to out the
// words that start inside one of regions (sorted, disjoint; nil means the
// whole text) and returns out; markup before the regions is still read so
// the words' places are right. A Reader keeps buffers between calls and is
// not safe for concurrent use.
type Reader interface {
	Read(text string, regions []Span, out []Word) []Word
}

// IsAlnum reports whether c is an ASCII letter or digit.
func IsAlnum(c byte) bool {
	return c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9'
}

// IsWordAt reports whether a letter or digit starts at s[i].
func IsWordAt(s string, i int) bool {
	c := s[i]
	if c < utf8.RuneSelf {
		return IsAlnum(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// LineEnd returns the index of the newline ending the line holding i, or
// len(s).
func LineEnd(s string, i int) int {
	for j := i; j < len(s); j++ {
		if s[j] == '\n' {
			return j
		}
	}
	return len(s)
}

// Letter maps a rune to its letter symbol: 1..26 for a..z (any case, Latin
// diacritics folded to their base letter: é→e, ł→l, ß→s), 0 for anything
// else. latin reports whether r is a Latin letter; plain whether it is an
// ASCII letter.
func Letter(r rune) (idx uint8, latin, plain bool) {
	switch {
	case r >= 'a' && r <= 'z':
		return uint8(r-'a') + 1, true, true
	case r >= 'A' && r <= 'Z':
		return uint8(r-'A') + 1, true, true
	case r == 0x18F || r == 0x259:
		return 'e' - 'a' + 1, true, false // Azerbaijani schwa: ə, Ə
	case r >= 0xC0 && r < 0x250:
		if i := foldLatin1Ext[r-0xC0]; i != 0 {
			return i, true, false
		}
	case r >= 0x1E00 && r < 0x1F00:
		if i := foldLatinAdditional[r-0x1E00]; i != 0 {
			return i, true, false
		}
	}
	return 0, false, false
}

// Shape reads the word starting at s[start] (a letter or digit) and returns
// where it ends, its shape flags, and whether it continues across a hyphen
// or apostrophe into the next word ("well-known", "don't"), which is then
// Joined too. Letters and digits joined by . _ / @ : or a backslash make one
// CodeLike word ("www.example.com", "e.g", "a_b", a Windows path's
// "Users\bramv\.virtualenvs").
func Shape(s string, start int) (end int, f Flags, joins bool) {
	i := start
loop:
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z':
				f |= Lower
			case c >= 'A' && c <= 'Z':
				if i == start {
					f |= UpperFirst
				} else {
					f |= UpperInner
				}
			case c >= '0' && c <= '9':
				f |= Digit
			case c == '.' || c == '_' || c == '/' || c == '@' || c == ':' || c == '\\':
				if i+1 < len(s) && IsWordAt(s, i+1) {
					f |= CodeLike
				} else {
					if c == '_' {
						f |= CodeLike
					}
					break loop
				}
			case c == '-' || c == '\'':
				if i+1 < len(s) && IsWordAt(s, i+1) && i > start {
					f |= Joined
					joins = true
				}
				break loop
			default:
				if c == '=' {
					f |= CodeLike
				}
				break loop
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r):
			if _, latin, plain := Letter(r); !latin {
				f |= NonLatin
			} else if !plain {
				f |= Diacritic
			}
			if unicode.IsUpper(r) {
				if i == start {
					f |= UpperFirst
				} else {
					f |= UpperInner
				}
			} else {
				f |= Lower
			}
		case unicode.IsDigit(r):
			f |= Digit
		case unicode.Is(unicode.Mn, r):
			f |= Diacritic
		case r == '’':
			if i+n < len(s) && IsWordAt(s, i+n) {
				f |= Joined
				joins = true
			}
			break loop
		default:
			break loop
		}
		i += n
	}
	return i, f, joins
}
