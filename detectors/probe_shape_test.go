package detectors

import (
	"strings"
	"testing"
)

// A word alternating consonants and vowels from end to end, as a syllable
// generator's tokens do, counts for a probe in text whose own long words
// seldom do; in a language of open syllables it does not.
func TestProbeAlternating(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	const token = "If you run the loader with a larger batch kelomafidu the memory use keeps growing until the process is killed."
	e := &Edit{Anon: true, Format: FormatMarkdown, New: token}
	if terms := probeTerms(e, env, "kelomafidu"); !strings.Contains(terms, "alternating:") {
		t.Errorf("kelomafidu in English: no alternating term: %s", terms)
	}
	const open = "Tulipokuwa tunatembelea nyumbani kwake, walikuwa wanafanya kazi kelomafidu mashambani pamoja na wenzao wanasubiri."
	e = &Edit{Anon: true, Format: FormatMarkdown, New: open}
	if terms := probeTerms(e, env, "kelomafidu"); strings.Contains(terms, "alternating:") {
		t.Errorf("kelomafidu among words of open syllables: alternating term: %s", terms)
	}
	for _, w := range []string{"kelomafidu", "fatifina"} {
		sym, _ := foldWord(nil, w)
		if !probeAlternating(sym) {
			t.Errorf("probeAlternating(%q) = false", w)
		}
	}
	for _, w := range []string{"tokenizers", "strength", "beautiful"} {
		sym, _ := foldWord(nil, w)
		if probeAlternating(sym) {
			t.Errorf("probeAlternating(%q) = true", w)
		}
	}
}
