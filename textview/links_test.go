package textview

import (
	"math/rand/v2"
	"slices"
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

// IndexesFold yields every match, overlapping ones too, in order: the
// indexes at which the lower-cased text has the substring.
func TestIndexesFold(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for k := 0; k < 20000; k++ {
		b := make([]byte, rng.IntN(30))
		for i := range b {
			b[i] = "aAbB. "[rng.IntN(6)]
		}
		sub := "ab"[:1+rng.IntN(2)]
		if rng.IntN(2) == 0 {
			sub = "aa"[:1+rng.IntN(2)]
		}
		s := string(b)
		var want []int
		for i := 0; i+len(sub) <= len(s); i++ {
			if strings.ToLower(s[i:i+len(sub)]) == sub {
				want = append(want, i)
			}
		}
		var got []int
		for i := range IndexesFold(s, sub) {
			got = append(got, i)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("IndexesFold(%q, %q) = %v, want %v", s, sub, got, want)
		}
	}
}
