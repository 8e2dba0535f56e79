package detectors

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/internal/testcorpus"
	"github.com/wikiwarden/wikiwarden/wikitext"
)

// devEdit is one record of the shared corpus' real edits
// (testcorpus.EditsFile).
type devEdit struct{ testcorpus.Edit }

func (c devEdit) edit() *Edit {
	return &Edit{Title: c.Title, User: "corpus", Anon: c.Anon, Old: c.Old, New: c.New}
}

func readDevEdits(tb testing.TB) []devEdit {
	tb.Helper()
	var out []devEdit
	for _, e := range testcorpus.Edits(tb) {
		out = append(out, devEdit{e})
	}
	return out
}

// devPage is one page of the shared corpus' wikitext (testcorpus.WikitextDir).
type devPage = testcorpus.Page

func readDevPages(tb testing.TB) []devPage {
	tb.Helper()
	return testcorpus.Pages(tb)
}

// Random tokens for recall tests.

const (
	probeTestConsonants = "bcdfghjklmnpqrstvwxz"
	probeTestVowels     = "aeiou"
)

func probeTestRandom(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + r.IntN(26))
	}
	return string(b)
}

// probeTestPronounceable alternates probeTestConsonants and vowels ("bakotelu").
func probeTestPronounceable(r *rand.Rand, n int) string {
	b := make([]byte, n)
	c := r.IntN(2) == 0
	for i := range b {
		if c {
			b[i] = probeTestConsonants[r.IntN(len(probeTestConsonants))]
		} else {
			b[i] = probeTestVowels[r.IntN(len(probeTestVowels))]
		}
		c = !c
	}
	return string(b)
}

// probeTestInjectMid inserts tok between two lower-case words of running text
// in new (as the scanner reads it), or returns false when new has none.
func probeTestInjectMid(r *rand.Rand, new, tok string) (string, bool) {
	var sc wikitext.Reader
	words := sc.Read(new, nil, nil)
	var gaps []int
	const skip = cTable | cCaption | cLink | cExtLink | cHeading | cPre | wCode | wDigit | wNonLatin | wUpperFirst | wUpperInner
	for i := 1; i < len(words); i++ {
		a, b := words[i-1], words[i]
		if a.Line != b.Line || a.Flags&skip != 0 || b.Flags&skip != 0 || b.Lo != a.Hi+1 || new[a.Hi] != ' ' {
			continue
		}
		// Not inside the words of a URL whose punctuation was stripped.
		if probeURLPrefixes[new[a.Lo:a.Hi]] || probeURLSuffixes[new[b.Lo:b.Hi]] {
			continue
		}
		gaps = append(gaps, a.Hi)
	}
	if len(gaps) == 0 {
		return "", false
	}
	at := gaps[r.IntN(len(gaps))]
	return new[:at] + " " + tok + new[at:], true
}

// probeTestInjectLine puts tok alone on a new line at a random line boundary of
// new where the scanner reads it as running text, or returns false.
func probeTestInjectLine(r *rand.Rand, new, tok string) (string, bool) {
	bounds := []int{0, len(new)}
	for i := 0; i < len(new); i++ {
		if new[i] == '\n' {
			bounds = append(bounds, i+1)
		}
	}
	for range 10 {
		at := bounds[r.IntN(len(bounds))]
		var out string
		pos := at
		switch {
		case at == 0:
			out = tok + "\n" + new
		case at == len(new) && !strings.HasSuffix(new, "\n"):
			out = new + "\n" + tok
			pos = at + 1
		default:
			out = new[:at] + tok + "\n" + new[at:]
		}
		if probeTestIsRunningText(out, pos, len(tok)) {
			return out, true
		}
	}
	return "", false
}

// probeTestIsRunningText reports whether the scanner reads the n bytes at pos of s as
// one word of plain running text.
func probeTestIsRunningText(s string, pos, n int) bool {
	var sc wikitext.Reader
	for _, w := range sc.Read(s, nil, nil) {
		if w.Lo == pos {
			return w.Hi == pos+n && w.Flags&(cTable|cCaption|cLink|cExtLink|cHeading|cPre|wCode) == 0
		}
	}
	return false
}
