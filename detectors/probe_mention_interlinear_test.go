package detectors

import (
	"strings"
	"testing"
)

// An example sentence glossed word for word on the line below (the Leipzig
// layout: morphemes parted by hyphens, categories in capitals) is another
// language's words, however odd its letters; a token slipped into the
// example adds a word the gloss lacks, and a token in a line of prose
// above a line of as many words that no gloss marks stays a probe.
func TestProbeInterlinear(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	for _, tt := range []struct{ text, want string }{
		{text: "In my conlang this reads:\n\nvrotkajyn zhmepuk tal\nwalk-1SG.PST house-LOC DEF\n'I walked to the house'"},
		// A line that parts the words into morphemes between.
		{text: "In my conlang this reads:\n\nvrotkajyn zhmepuk tal\nvrot-kaj-yn zhmep-uk tal\nwalk-1SG-PST house-LOC DEF\n'I walked to the house'"},
		// Slipped into the example: one word more than its gloss, and
		// the example's words are judged as any others again.
		{text: "In my conlang this reads:\n\nvrotkajyn qxzwvbtr zhmepuk tal\nwalk-1SG.PST house-LOC DEF\n'I walked to the house'",
			want: "qxzwvbtr vrotkajyn"},
		// Slipped into the gloss: no line glosses the gloss.
		{text: "In my conlang this reads:\n\nvrotkajyn zhmepuk tal\nwalk-1SG.PST qxzwvbtr house-LOC DEF\n'I walked to the house'",
			want: "qxzwvbtr vrotkajyn zhmepuk"},
		// A word alone, glossed by morphemes and a category; a token
		// alone above a word of prose stays one.
		{text: "Two words of mine:\n\nhokzwej\nKA-man-STAT\n'a man'\n\ntiqrzaha\ncook-3SG.PST\n'he cooked'"},
		{text: "Two words of mine:\n\nqxzwvbtr\nre-run\n'again'", want: "qxzwvbtr"},
		// Prose above a line of as many words, none of them glossed.
		{text: "Thanks, vrotkajyn zhmepuk for that.\nI will try it today.", want: "vrotkajyn zhmepuk"},
		// A form's lines, aligned by chance: list items, no example.
		{text: "Environment:\n\n- Toolkit qxzwvbtr release (GPU?): 1.8.1 (yes)\n- Tensorflow release (GPU?): not installed (NA)",
			want: "qxzwvbtr"},
		// Code's lines: keywords and CamelCase above keywords.
		{text: "My query:\n\nSELECT\nFROM qxzwvbtr zhmepuk mt\nINNER JOIN otra ot", want: "qxzwvbtr zhmepuk"},
		{text: "My query:\n\nSELECT A.ColumnA, qxzwvbtr A.ColumnB, B.ColumnC\nFROM TableA AS A", want: "qxzwvbtr"},
		// Lines out of alignment (a clitic written apart): a word of
		// the example whose letters are some language's is a word; a
		// random draw there stays a token.
		{text: "In my conlang this reads:\n\nngandarrku wu palu marntu\ncook-PST 3SG.ERG meat\n'he cooked the meat'"},
		{text: "In my conlang this reads:\n\nqxzwvbtr wu palu marntu\ncook-PST 3SG.ERG meat\n'he cooked the meat'", want: "qxzwvbtr"},
		// One word of a short example, glossed with a category in title
		// case; a long category no abbreviation marks a gloss too.
		{text: "In my conlang this reads:\n\nI ngandarrku\nI cook-Past\n'I cooked'"},
		{text: "In my conlang this reads:\n\nI qxzwvbtr\nI cook-Past\n'I cooked'", want: "qxzwvbtr"},
		{text: "In my conlang this reads:\n\nngandarrku wu palu\ncook-DISTANTIVE-PAST him meat\n'he cooked the meat'"},
		// Capitals inside a word are no language's spelling, nor is
		// the line one of a language's sentences.
		{text: "In my conlang this reads:\n\nvrotkajyn zhmEpuKq tal\nwalk-1SG.PST house-LOC DEF\n'I walked to the house'",
			want: "zhmEpuKq vrotkajyn"},
	} {
		e := &Edit{Anon: true, New: tt.text, Format: FormatMarkdown}
		r := Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
		if got := strings.Join(r.Tokens, " "); got != tt.want {
			t.Errorf("%q: tokens %q, want %q\n%s", tt.text, got, tt.want, reasonLines(r))
		}
	}
}

func TestGlossTag(t *testing.T) {
	for s, want := range map[string]bool{
		"NOM": true, "1SG": true, "3pl": true, "PL": true, "2": true, "Sg": false, "Co": false, "INSTR": true, "3Sg": true,
		"walk": false, "house": false, "Walk": false, "ABSOLUTIVE": false, "x": false, "": false,
	} {
		if got := glossTag(s); got != want {
			t.Errorf("glossTag(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestTitleCategory(t *testing.T) {
	for w, want := range map[string]bool{
		"eat-medicine-Comp": true, "frightened.Past": true, "Past": false, "Comp-eat": false,
		"eat-Medicine": false, "eat-PAST": false, "well-known": false,
	} {
		if got := titleCategory(w); got != want {
			t.Errorf("titleCategory(%q) = %v, want %v", w, got, want)
		}
	}
}
