package textview

import (
	"fmt"
	"iter"
	"slices"
	"strings"
)

// ExternalLink is one external link a reader found in a text: its URL as written
// (trailing punctuation removed; a schemeless value that the markup still
// renders as a link, such as {{URL|example.com}}, gets "http://"), where it
// sits, its anchor text and its place.
type ExternalLink struct {
	URL    string
	At     int    // offset of the URL in the text
	Lo, Hi int    // the whole link in the text: [url anchor], [text](url) or the bare URL
	Anchor string // the text shown for it: a bracketed link's text, a citation's title, a Markdown link's text
	Place  LinkPlace
}

// LinkPlace tells where a link sits. A reader sets every place that
// applies; prose is no flag at all.
type LinkPlace uint16

const (
	LinkCited      LinkPlace = 1 << iota // inside a reference or a citation template; the anchor is the citation's title
	LinkArchive                          // an archive copy of another link (archive-url=)
	LinkHidden                           // inside an element styled to be invisible
	LinkImage                            // an image's source or link
	LinkExtSection                       // in an "External links" section, or after the categories
	LinkTemplate                         // a template parameter or a {{URL}}-like template, outside citations
	LinkInert                            // in a comment or code: written, but not rendered as a link
)

// placeNames are the places' names in their text form, in bit order.
var placeNames = [...]string{"cited", "archive", "hidden", "image", "external_links", "template", "inert"}

// MarshalText writes the places as their names joined by commas
// ("cited,archive"); prose is the empty string.
func (p LinkPlace) MarshalText() ([]byte, error) {
	var b []byte
	for i, name := range placeNames {
		if p&(1<<i) == 0 {
			continue
		}
		if len(b) > 0 {
			b = append(b, ',')
		}
		b = append(b, name...)
	}
	return b, nil
}

// UnmarshalText reads what MarshalText writes; an unknown name is an error.
func (p *LinkPlace) UnmarshalText(b []byte) error {
	*p = 0
	if len(b) == 0 {
		return nil
	}
	for name := range strings.SplitSeq(string(b), ",") {
		i := slices.Index(placeNames[:], name)
		if i < 0 {
			return fmt.Errorf("textview: unknown link place %q", name)
		}
		*p |= 1 << i
	}
	return nil
}

// Links are the external links of a text and the spans of markup that are
// not prose (references, templates, HTML tags), as a reader found them.
// Links in comments and code render as no link; they are given with
// LinkInert.
type Links struct {
	Links  []ExternalLink
	Markup []Span
}

// LinkReader reads the external links of a text in one markup.
type LinkReader interface {
	ReadLinks(text string) Links
}

// ContainsFold reports whether s contains the lower-case ASCII substr,
// ignoring ASCII case in s. The readers and the link detector share it.
func ContainsFold(s, substr string) bool {
	return IndexFold(s, substr) >= 0
}

// Indexes yields the index of every occurrence of substr in s, first to
// last; occurrences may overlap.
func Indexes(s, substr string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for from := 0; from < len(s); {
			i := strings.Index(s[from:], substr)
			if i < 0 || !yield(from+i) {
				return
			}
			from += i + 1
		}
	}
}

// IndexesFold yields the index of every occurrence of substr in s,
// ignoring ASCII case in both, first to last; occurrences may overlap.
func IndexesFold(s, substr string) iter.Seq[int] {
	substr = strings.ToLower(substr) // no copy when it is lower case already
	return func(yield func(int) bool) {
		for from := 0; from < len(s); {
			i := IndexFold(s[from:], substr)
			if i < 0 || !yield(from+i) {
				return
			}
			from += i + 1
		}
	}
}

// IndexFold returns the index of the lower-case ASCII substr in s, ignoring
// ASCII case in s, or -1.
func IndexFold(s, substr string) int {
	n := len(substr)
	if n == 0 {
		return 0
	}
	if n > len(s) {
		return -1
	}
	c0 := substr[0]
	if c0 < 'a' || c0 > 'z' {
		// No case in the first byte: let the fast search find candidates.
		for i := 0; ; {
			j := strings.IndexByte(s[i:len(s)-n+1], c0)
			if j < 0 {
				return -1
			}
			i += j
			if strings.EqualFold(s[i:i+n], substr) {
				return i
			}
			i++
		}
	}
	// A letter first: the fast search finds each case's next candidate,
	// and the nearer of the two is tried.
	up := c0 - 'a' + 'A'
	last := len(s) - n + 1 // candidates start before last
	nextLo, nextUp := -1, -1
	for i := 0; i < last; {
		if nextLo < i {
			if nextLo = strings.IndexByte(s[i:last], c0); nextLo >= 0 {
				nextLo += i
			} else {
				nextLo = last
			}
		}
		if nextUp < i {
			if nextUp = strings.IndexByte(s[i:last], up); nextUp >= 0 {
				nextUp += i
			} else {
				nextUp = last
			}
		}
		i = min(nextLo, nextUp)
		if i == last {
			break
		}
		if strings.EqualFold(s[i:i+n], substr) {
			return i
		}
		i++
	}
	return -1
}

// HasHost reports whether u is an absolute (http, https, ftp) or
// protocol-relative URL with something after the slashes. Whether that is
// a host name is the link detector's question.
func HasHost(u string) bool {
	i := strings.Index(u, "//")
	if i < 0 || i+2 >= len(u) {
		return false
	}
	switch strings.ToLower(u[:i]) {
	case "", "http:", "https:", "ftp:":
		return true
	}
	return false
}

// TrimURLTail removes from a bare URL what ends the sentence around it
// rather than the URL: trailing bytes of punct (sentence punctuation and
// the format's own emphasis marks) and a closing parenthesis without an
// opening one.
func TrimURLTail(u, punct string) string {
	for len(u) > 0 {
		c := u[len(u)-1]
		switch {
		case strings.IndexByte(punct, c) >= 0:
			u = u[:len(u)-1]
		case c == ')' && !strings.Contains(u, "("):
			u = u[:len(u)-1]
		default:
			return u
		}
	}
	return u
}
