package textview

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// IndexFold finds the first match, in any ASCII case, as a plain search of
// the lower-cased text does: strings of few letters in both cases, so that
// matches, near misses and overlaps are common.
func TestIndexFold(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for k := 0; k < 50000; k++ {
		b := make([]byte, rng.IntN(30))
		for i := range b {
			b[i] = "aAbBwW.{ "[rng.IntN(9)]
		}
		sub := make([]byte, 1+rng.IntN(3))
		for i := range sub {
			sub[i] = "abw.{"[rng.IntN(5)]
		}
		s := string(b)
		want := strings.Index(strings.ToLower(s), string(sub))
		if got := IndexFold(s, string(sub)); got != want {
			t.Fatalf("IndexFold(%q, %q) = %d, want %d", s, sub, got, want)
		}
	}
}
