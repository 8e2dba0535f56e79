package detectors

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Interlinear glosses: an example sentence in a language a site discusses
// (a natural one, or one its poster made up) on a line of its own, and
// under it a line that gives each of its words a meaning, word for word:
//
//	tombak senjata
//	spear weapon
//	'a spear is a weapon'
//
// (the Leipzig glossing rules' layout, with morphemes parted by hyphens and
// grammatical categories in small capitals: "OV-send-APP", "1SG.TR-drink").
// The example's words are no dictionary's and their letters are another
// language's, but the text itself says what each means: they are words,
// not a token. A token slipped into the example adds a word the gloss does
// not have, and the lines no longer match.

const (
	// interlinearReach is how many lines below an example its gloss may
	// be: the next, or the one after a line that parts the example's
	// words into morphemes (as many words, no more readable).
	interlinearReach = 2
	// glossTagMaxLen is the longest a grammatical category's abbreviation
	// is ("1SG", "PERF", "3plABS", "INSTR").
	glossTagMaxLen = 6
)

// interlinear reports whether the word at lo is a word of an example line
// that a line below glosses word for word: both lines have as many words;
// at least two of the example's words, and a third of them, are in no
// dictionary (a language's short words are often some dictionary's too),
// while two thirds of the gloss's words are dictionary words or
// grammatical categories, part by part, and one at least is marked as a
// gloss marks a word (glossMarked); the two lines share a third of their
// words at most (shared).
func (p *prober) interlinear(lo int) bool { return p.glossedExample(lo, true) }

// glossedExample reports whether the word at lo is a word of an example
// line glossed below, as interlinear says; aligned false leaves out the
// word counts: the gloss may part the example's words otherwise (a
// clitic written apart, two words glossed as one) or the lines of a
// paper copied lost their alignment. Without the counts a token slipped
// into the example is no longer told by them: unknownFit asks its letters.
func (p *prober) glossedExample(lo int, aligned bool) bool {
	t := p.text
	ls, le := lineAt(t, lo)
	if strings.Contains(t[ls:le], "://") || strings.ContainsRune(t[ls:le], '`') {
		return false // an example is words, not a link's or code's
	}
	// The next line must have as many words as this one (see below):
	// counted first, without building either, since most lines of prose
	// have a blank line or a longer line after them.
	n := countLineWords(t[ls:le])
	if next, _, ok := lineAfter(t, le); n == 0 || !ok || next == "" || aligned && countLineWords(next) != n {
		return false
	}
	line := lineWords(t[ls:le])
	unknown := 0
	for _, w := range line {
		if glossMarked(w) || innerUpper(w) {
			// Categories and CamelCase are a gloss's or code's ("FROM
			// mitabla mt" above "INNER JOIN otratabla ot"), not the
			// words of a language's sentence.
			return false
		}
		if !p.glossReadable(w) {
			unknown++
		}
	}
	switch {
	case len(line) == 1:
		// A word alone: its gloss must be a gloss's word, morphemes and
		// a category ("KA-man-STAT"), not any word of a line alone.
		if unknown == 0 {
			return false
		}
	case unknown < 2 && aligned || unknown == 0 || unknown*3 < len(line):
		return false
	}
	end := le
	for range interlinearReach {
		next, e, ok := lineAfter(t, end)
		if !ok || next == "" {
			return false // a gloss is on the example's next lines, in its paragraph
		}
		end = e
		words := lineWords(next)
		if aligned && len(words) != len(line) {
			return false // the words of a line between are the example's, parted into morphemes
		}
		known, marked := 0, false
		for _, w := range words {
			readable := p.glossReadable(w)
			if readable {
				known++
			}
			// Unaligned, a word no abbreviation reads ("close-REVERS-
			// DISTANTIVE-PAST") marks its line a gloss too, and so does
			// a category in title case after the morpheme it marks
			// ("eat-medicine-Comp").
			if readable || !aligned {
				marked = marked || glossMarked(w) || !aligned && titleCategory(w)
			}
		}
		if len(words) == 1 && !strings.ContainsAny(words[0], "-.=:") {
			marked = false
		}
		if known*3 >= len(words)*2 && marked && shared(line, words)*3 <= len(line) {
			return true
		}
	}
	return false
}

// shared counts the words of a that b has too, in any case: an example
// and its gloss are two languages and share a name or two at most, where
// the lines of a form or a template repeat theirs ("- Running in
// notebook: No", "- Running in Colab: No"). A word of one letter is
// not counted.
func shared(a, b []string) int {
	n := 0
	for _, w := range a {
		if len(w) == 1 {
			continue // "I", "a": a letter is a word of either
		}
		if slices.ContainsFunc(b, func(v string) bool { return strings.EqualFold(v, w) }) {
			n++
		}
	}
	return n
}

// countLineWords counts the words lineWords returns, building none.
func countLineWords(line string) int {
	n := 0
	for f := range strings.FieldsSeq(line) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// lineWords returns the words of a line: its space-separated pieces that
// hold a letter or a digit, the punctuation around them trimmed.
func lineWords(line string) []string {
	var out []string
	for _, f := range strings.Fields(line) {
		f = strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

// glossReadable reports whether every part of w, parted at the marks a
// gloss parts morphemes and categories with, is a dictionary word or a
// grammatical category's abbreviation.
func (p *prober) glossReadable(w string) bool {
	parts := strings.FieldsFunc(w, func(r rune) bool { return strings.ContainsRune("-.=:/~<>()[]", r) })
	if len(parts) == 0 {
		return false
	}
	for _, part := range parts {
		if !glossTag(part) && !p.isWord(strings.ToLower(part)) {
			return false
		}
	}
	return true
}

// glossTag reports whether s is written as a grammatical category's
// abbreviation is: a short run of capitals, with a person's or a number's
// digit ("NOM", "1SG", "3Sg", "PL", "2"), or lower-case letters led by a
// digit ("1s", "3sg"); not a capitalised word ("Co", "Sg").
func glossTag(s string) bool {
	if s == "" || len(s) > glossTagMaxLen {
		return false
	}
	upper, lower, digit := 0, 0, 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r >= 'A' && r <= 'Z':
			upper++
		case r >= 'a' && r <= 'z':
			lower++
		case r >= '0' && r <= '9':
			digit++
		default:
			return false
		}
	}
	switch {
	case upper > 0:
		return upper > lower || digit > 0
	case digit > 0:
		return s[0] >= '0' && s[0] <= '9'
	}
	return false
}

// glossMarked reports whether w is written as a gloss writes a word, not as
// prose does: a grammatical category ("NOM", "3pl"), alone or joined to
// the morphemes it marks ("OV-send-APP", "1SG.TR-drink", "give:ipv2s").
// Not a capital alone ("I", "A" open an English line) nor a number
// ("3.8.10", a version).
func glossMarked(w string) bool {
	for _, part := range strings.FieldsFunc(w, func(r rune) bool { return strings.ContainsRune("-.=:", r) }) {
		if len(part) > 1 && glossTag(part) && strings.IndexFunc(part, unicode.IsLetter) >= 0 {
			return true
		}
	}
	return false
}

// innerUpper reports whether w has a capital after a lower-case letter.
func innerUpper(w string) bool {
	lower := false
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			lower = true
		case lower && unicode.IsUpper(r):
			return true
		}
	}
	return false
}

// titleCategory reports whether w is morphemes parted by hyphens or dots
// of which one after the first is a category written in title case, a
// capital and one to three lower-case letters ("eat-medicine-Comp",
// "frightened-Past").
func titleCategory(w string) bool {
	parts := strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '.' })
	for _, part := range parts[min(1, len(parts)):] {
		if len(part) >= 2 && len(part) <= 4 && part[0] >= 'A' && part[0] <= 'Z' &&
			strings.IndexFunc(part[1:], func(r rune) bool { return r < 'a' || r > 'z' }) < 0 {
			return true
		}
	}
	return false
}
