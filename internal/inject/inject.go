// Package inject makes probe edits for measuring the probe detector: random
// tokens of the styles botnets use, put at random positions of real
// wikitext, anywhere a token can sit (prose, templates and their
// parameters, references, tables, attributes, links, comments, galleries,
// preformatted lines, a line of its own). Tests in detectors and eval share
// it so both measure the same thing.
package inject

import (
	"hash/fnv"
	"math/rand/v2"
	"strings"
)

// Style is how a token is drawn.
type Style string

// Token styles.
const (
	Lower         Style = "lower"         // a-z
	Mixed         Style = "mixed"         // a-z A-Z
	Digits        Style = "digits"        // a-z 0-9
	MixedDigits   Style = "mixed-digits"  // a-z A-Z 0-9
	Pronounceable Style = "pronounceable" // consonant, vowel, consonant...
)

// Styles lists every style.
var Styles = []Style{Lower, Mixed, Digits, MixedDigits, Pronounceable}

// Token draws a token of n characters in style s. Tokens of the digit
// styles hold at least one digit and one letter, so each style measures
// what it names.
func Token(rng *rand.Rand, s Style, n int) string {
	const (
		lower      = "abcdefghijklmnopqrstuvwxyz"
		upper      = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		digits     = "0123456789"
		consonants = "bcdfghjklmnpqrstvwxz"
		vowels     = "aeiou"
	)
	for {
		b := make([]byte, n)
		switch s {
		case Pronounceable:
			c := rng.IntN(2) == 0
			for i := range b {
				if c {
					b[i] = consonants[rng.IntN(len(consonants))]
				} else {
					b[i] = vowels[rng.IntN(len(vowels))]
				}
				c = !c
			}
			return string(b)
		case Mixed:
			alpha := lower + upper
			for i := range b {
				b[i] = alpha[rng.IntN(len(alpha))]
			}
		case Digits:
			alpha := lower + digits
			for i := range b {
				b[i] = alpha[rng.IntN(len(alpha))]
			}
		case MixedDigits:
			alpha := lower + upper + digits
			for i := range b {
				b[i] = alpha[rng.IntN(len(alpha))]
			}
		default:
			for i := range b {
				b[i] = lower[rng.IntN(len(lower))]
			}
		}
		t := string(b)
		hasDigit := strings.ContainsAny(t, digits)
		hasLetter := strings.IndexFunc(t, func(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }) >= 0
		hasUpper := strings.ContainsAny(t, upper)
		hasLower := strings.ContainsAny(t, lower)
		switch s {
		case Digits, MixedDigits:
			if !hasDigit || !hasLetter {
				continue
			}
		case Mixed:
			if !hasUpper || !hasLower {
				continue
			}
		}
		return t
	}
}

// Band names a token length's band: "4-5", "6-7" or "8-12".
func Band(n int) string {
	switch {
	case n <= 5:
		return "4-5"
	case n <= 7:
		return "6-7"
	}
	return "8-12"
}

// Held reports whether the record with this id belongs to the held-out
// half: a fixed split by hash, so tuning never sees the held-out half.
func Held(id string) bool {
	h := fnv.New32a()
	h.Write([]byte(id))
	return h.Sum32()%2 == 1
}

// Positions returns the byte offsets of text where a token can be put
// without splitting a word or breaking the markup around it: between a word
// and punctuation or markup, at spaces, at line starts. It leaves out the
// inside of URLs, entities and of the two-character markup openers and
// closers ({{ ]] <!-- ”), and the inside of formulas and source code
// (<math>, <syntaxhighlight>), where nothing shows. lo and hi bound the
// offsets.
func Positions(text string, lo, hi int) []int {
	skip := make([]bool, len(text)+1)
	// URLs, entities.
	for i := 0; i < len(text); i++ {
		if strings.HasPrefix(text[i:], "http://") || strings.HasPrefix(text[i:], "https://") || strings.HasPrefix(text[i:], "//") && i > 0 && text[i-1] == '[' {
			j := i
			for j < len(text) && !strings.ContainsRune(" \t\n]|}<>\"", rune(text[j])) {
				j++
			}
			for k := i; k <= j && k <= len(text); k++ {
				skip[k] = true
			}
			skip[j] = false
			i = j
			continue
		}
		if text[i] == '&' {
			j := i + 1
			for j < len(text) && j-i < 12 && (text[j] == '#' || isWord(text[j])) {
				j++
			}
			if j < len(text) && text[j] == ';' {
				for k := i + 1; k <= j; k++ {
					skip[k] = true
				}
			}
		}
	}
	for _, tag := range []string{"math", "syntaxhighlight", "source", "chem", "ce", "score", "timeline", "templatedata", "graph", "hiero"} {
		for from := 0; ; {
			k := strings.Index(text[from:], "<"+tag)
			if k < 0 {
				break
			}
			k += from
			e := strings.Index(text[k:], "</"+tag)
			if e < 0 {
				e = len(text) - k
			} else if g := strings.IndexByte(text[k+e:], '>'); g >= 0 {
				e += g // through the closing tag
			}
			for m := k + 1; m <= k+e && m <= len(text); m++ {
				skip[m] = true
			}
			from = k + e + 1
			if from >= len(text) {
				break
			}
		}
	}
	var out []int
	for i := max(lo, 0); i <= hi && i <= len(text); i++ {
		if skip[i] {
			continue
		}
		var prev, next byte = '\n', '\n'
		if i > 0 {
			prev = text[i-1]
		}
		if i < len(text) {
			next = text[i]
		}
		if isWord(prev) && isWord(next) || prev >= 0x80 || next >= 0x80 && !isSpace(prev) {
			continue // inside a word
		}
		pair := string([]byte{prev, next})
		switch {
		case prev == '<' || prev == '&' || prev == '/' && i > 1 && text[i-2] == '<':
			continue
		case pair == "{{" || pair == "}}" || pair == "[[" || pair == "]]" || pair == "''" || pair == "--" || pair == "!-" || pair == "==" || pair == "{|" || pair == "|}" || pair == "|-" || pair == "|+" || pair == "||" || pair == "!!" || pair == "/>" || pair == "~~":
			continue
		case prev == '\n' && strings.IndexByte("*#:;|!={ ", next) >= 0:
			continue // the line's own markup comes first
		case prev == '=' && next == '\n':
			continue
		}
		out = append(out, i)
	}
	return out
}

func isWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

// At puts tok at offset i of text with a space on each side that needs one.
func At(text string, i int, tok string) string {
	var b strings.Builder
	b.Grow(len(text) + len(tok) + 2)
	b.WriteString(text[:i])
	if i > 0 && !isSpace(text[i-1]) {
		b.WriteByte(' ')
	}
	b.WriteString(tok)
	if i < len(text) && !isSpace(text[i]) {
		b.WriteByte(' ')
	}
	b.WriteString(text[i:])
	return b.String()
}

// OwnLine puts tok on a line of its own: at the end of the page (after the
// categories), sometimes with a leading space (a preformatted line), or
// between two lines.
func OwnLine(rng *rand.Rand, text, tok string) string {
	lead := ""
	if rng.IntN(3) == 0 {
		lead = " "
	}
	if rng.IntN(2) == 0 || !strings.Contains(text, "\n") {
		return strings.TrimRight(text, "\n") + "\n" + lead + tok + "\n"
	}
	var starts []int
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	at := starts[rng.IntN(len(starts))]
	return text[:at] + lead + tok + "\n" + text[at:]
}

// Insert puts tok into text at a uniformly random position of [lo, hi] (see
// Positions), or one time in eight on a line of its own. ok is false when
// there is no position.
func Insert(rng *rand.Rand, text string, lo, hi int, tok string) (string, bool) {
	if rng.IntN(8) == 0 {
		return OwnLine(rng, text, tok), true
	}
	pos := Positions(text, lo, hi)
	if len(pos) == 0 {
		return "", false
	}
	return At(text, pos[rng.IntN(len(pos))], tok), true
}
