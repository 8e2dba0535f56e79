package detectors

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// A word of the language a post quotes sentences of, which no dictionary
// has, shares the letters of the post's other unknown words and is no
// token; random letters in its place, or a syllable generator's, share
// them less and stay one; a post with too few unknown words to learn from
// is judged by its letters alone.
func TestProbeUnknownFit(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	const quoted = "Some sentences in the language of my novel, for the review:\n\n" +
		"nyakwa tumaa ngoyi kwanyelu mbaa.\nnyoluka tawakwe nguumi kwaamba nyotuu.\n" +
		"ngalikwa nyumaa kwelo tuunyaka mbolu.\n\n"
	const line = "The hardest to say is %s, my readers tell me."
	for _, tt := range []struct {
		text, word string
		token      bool
	}{
		{text: quoted + line, word: "ngwaanyuukwa"},
		{text: quoted + line, word: "mbwaanyukwe"},
		{text: quoted + line, word: "qfzjvdxhpw", token: true},
		{text: quoted + line, word: "zixobekaru", token: true},
		{text: quoted + line, word: "tavogupemi", token: true},
		// Two unknown words are names, no language to learn from.
		{text: "Of nyakwa and tumaa: " + line, word: "ngwaanyuukwa", token: true},
	} {
		text := strings.Replace(tt.text, "%s", tt.word, 1)
		e := &Edit{Anon: true, New: text, Format: FormatMarkdown, Lang: "en"}
		r := Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
		want := ""
		if tt.token {
			want = tt.word
		}
		if got := strings.Join(r.Tokens, " "); got != want {
			t.Errorf("%q: tokens %q, want %q\n%s", text, got, want, reasonLines(r))
		}
	}
}

// The world's letters find a random draw of lower-case letters less
// likely than even odds do, nearly always: the letters of an example's
// word are evidence of a language only so.
func TestUnknownWorldRandom(t *testing.T) {
	world := worldModel("")
	rng := rand.New(rand.NewPCG(14, 17))
	fit, draws := 0, 0
	for draws < 2000 {
		b := make([]byte, 6+rng.IntN(7))
		for k := range b {
			b[k] = byte('a' + rng.IntN(26))
		}
		sym, _ := foldWord(nil, string(b))
		if probeAlternating(sym) {
			continue // unknownFit never asks
		}
		draws++
		if world.bits(sym) < float64(len(sym))*math.Log2(26) {
			fit++
		}
	}
	if fit*100 > draws {
		t.Errorf("%d of %d random draws fit the world's letters, want under 1%%", fit, draws)
	}
	for _, w := range []string{"ngandarrku", "mabulatenga"} {
		sym, _ := foldWord(nil, w)
		if got, r := world.bits(sym), float64(len(sym))*math.Log2(26); got >= r {
			t.Errorf("%s: %.1f bits under the world's letters, random %.1f: want fewer", w, got, r)
		}
	}
}
