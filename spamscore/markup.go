package spamscore

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Markup whose words are not prose, found by byte scanners instead of a
// regular expression on the hot path. Each finds what the regular
// expression of its comment finds (markup_test.go compares them on random
// and real text): the leftmost match, then the next one after its end.

// markupSpans appends to dst the spans of
//
//	(?i)<[/!]?[a-z][^<>\n]{0,300}>|\{\{\s*[^{}|\n]{1,60}|\|\s*[\p{L}\d _-]{1,30}\s*=|\[\[\s*[\p{L}]+\s*:
//
// in s: HTML tags, template names, parameter names and namespace prefixes.
func markupSpans(s string, dst [][2]int) [][2]int {
	for i := 0; i < len(s); {
		k := strings.IndexAny(s[i:], "<{|[")
		if k < 0 {
			break
		}
		i += k
		end := -1
		switch s[i] {
		case '<':
			end = tagAt(s, i)
		case '{':
			end = templateNameAt(s, i)
		case '|':
			end, _, _ = paramAt(s, i, true)
		case '[':
			end = prefixAt(s, i)
		}
		if end < 0 {
			i++
			continue
		}
		dst = append(dst, [2]int{i, end})
		i = end
	}
	return dst
}

// paramNames appends to dst at most n parameter names of s, each as
// `\|\s*([\p{L}\d _-]{1,30}?)\s*=` finds it, with spaces trimmed.
func paramNames(s string, n int, dst []string) []string {
	for i := 0; i < len(s) && len(dst) < n; {
		k := strings.IndexByte(s[i:], '|')
		if k < 0 {
			break
		}
		i += k
		end, lo, hi := paramAt(s, i, false)
		if end < 0 {
			i++
			continue
		}
		dst = append(dst, s[lo:hi])
		i = end
	}
	return dst
}

// isSpaceRE reports whether c is in the regular expressions' \s.
func isSpaceRE(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// tagAt matches `(?i)<[/!]?[a-z][^<>\n]{0,300}>` at s[i] == '<' and
// returns the end of the match, or -1.
func tagAt(s string, i int) int {
	k := i + 1
	if k < len(s) && (s[k] == '/' || s[k] == '!') {
		k++
	}
	if k >= len(s) {
		return -1
	}
	// [a-z] under (?i): ASCII letters, and the long s and the Kelvin sign
	// that fold to s and k.
	r, w := utf8.DecodeRuneInString(s[k:])
	if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '\u017f' || r == '\u212a') {
		return -1
	}
	k += w
	for n := 0; k < len(s); n++ {
		c := s[k]
		if c == '>' {
			return k + 1
		}
		if c == '<' || c == '\n' || n == 300 {
			return -1
		}
		if c < utf8.RuneSelf {
			k++
		} else {
			_, w := utf8.DecodeRuneInString(s[k:])
			k += w
		}
	}
	return -1
}

// templateNameAt matches `\{\{\s*[^{}|\n]{1,60}` at s[i] == '{' and
// returns the end of the match, or -1.
func templateNameAt(s string, i int) int {
	if i+1 >= len(s) || s[i+1] != '{' {
		return -1
	}
	ws := i + 2
	for ws < len(s) && isSpaceRE(s[ws]) {
		ws++
	}
	// \s* is greedy: the longest run of spaces after which a name
	// character follows. A space other than a line break is one.
	p := -1
	for j := ws; j >= i+2; j-- {
		if j < len(s) && s[j] != '{' && s[j] != '}' && s[j] != '|' && s[j] != '\n' {
			p = j
			break
		}
	}
	if p < 0 {
		return -1
	}
	k := p
	for n := 0; n < 60 && k < len(s); n++ {
		c := s[k]
		if c == '{' || c == '}' || c == '|' || c == '\n' {
			break
		}
		if c < utf8.RuneSelf {
			k++
		} else {
			_, w := utf8.DecodeRuneInString(s[k:])
			k += w
		}
	}
	return k
}

// paramAt matches `\|\s*[\p{L}\d _-]{1,30}\s*=` at s[i] == '|' and returns
// the end of the match and the name's span without spaces (lo == hi for a
// name of spaces), or -1. Under fold, as under (?i), the letters include
// U+0345, which folds to iota.
func paramAt(s string, i int, fold bool) (end, lo, hi int) {
	// The run of spaces and name characters up to the "=": the name is
	// what lies between its first and last character that is not a
	// space; it may not hold a tab or a line break, and one space is a
	// name when there is nothing else.
	lo, hi = -1, -1
	space := false  // a ' ' in the run
	broken := false // a \s other than ' ' since the name began
	bad := false    // such a space inside the name
	k := i + 1
	for k < len(s) {
		c := s[k]
		w := 1
		if c < utf8.RuneSelf {
			switch {
			case c == ' ':
				space = true
				k++
				continue
			case isSpaceRE(c):
				broken = broken || lo >= 0
				k++
				continue
			case !(c >= '0' && c <= '9' || c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'):
				goto stop
			}
		} else {
			var r rune
			r, w = utf8.DecodeRuneInString(s[k:])
			if !unicode.IsLetter(r) && !(fold && r == '\u0345') {
				break
			}
		}
		if lo < 0 {
			lo = k
		}
		bad = bad || broken
		hi = k + w
		k += w
	}
stop:
	if k >= len(s) || s[k] != '=' {
		return -1, 0, 0
	}
	if lo < 0 {
		if !space {
			return -1, 0, 0
		}
		return k + 1, k, k
	}
	if bad || utf8.RuneCountInString(s[lo:hi]) > 30 {
		return -1, 0, 0
	}
	return k + 1, lo, hi
}

// prefixAt matches `\[\[\s*[\p{L}]+\s*:` at s[i] == '[' and returns the
// end of the match, or -1.
func prefixAt(s string, i int) int {
	if i+1 >= len(s) || s[i+1] != '[' {
		return -1
	}
	k := i + 2
	for k < len(s) && isSpaceRE(s[k]) {
		k++
	}
	letters := k
	for k < len(s) {
		r, w := utf8.DecodeRuneInString(s[k:])
		if !unicode.IsLetter(r) && r != '\u0345' {
			break
		}
		k += w
	}
	if k == letters {
		return -1
	}
	for k < len(s) && isSpaceRE(s[k]) {
		k++
	}
	if k < len(s) && s[k] == ':' {
		return k + 1
	}
	return -1
}
