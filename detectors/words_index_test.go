package detectors

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestWordSetIndex(t *testing.T) {
	for _, letters := range []bool{false, true} {
		var b WordSetBuilder
		if letters {
			b.LearnLetters()
		}
		for _, w := range []string{"Burg", "Hohenzollern", "walk", "straße", "x"} {
			b.Add(w)
		}
		s := b.Build()
		data := s.AppendIndex(nil)
		got, err := WordSetFromIndex(data)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []string{"burg", "HOHENZOLLERN", "walk", "Straße", "x"} {
			if !got.Has(w) {
				t.Errorf("letters=%v: %q missing", letters, w)
			}
		}
		if got.Has("xkqzvbwpl") || got.Len() != s.Len() {
			t.Errorf("letters=%v: has a stranger or %d words, want %d", letters, got.Len(), s.Len())
		}
		if (got.Letters() != nil) != letters {
			t.Fatalf("letters=%v: Letters() = %v", letters, got.Letters())
		}
		if letters {
			sym := []uint8{2, 21, 18, 7}
			if a, b := s.Letters().bits(sym), got.Letters().bits(sym); a != b {
				t.Errorf("bits = %v, want %v", b, a)
			}
		}
		if _, err := WordSetFromIndex(data[:len(data)-1]); err == nil {
			t.Error("a truncated index was read")
		}
	}
	empty, err := WordSetFromIndex(NewWordSet(nil).AppendIndex(nil))
	if err != nil || empty.Len() != 0 || empty.Has("a") {
		t.Errorf("empty set: %v, %v", empty, err)
	}
	if _, err := WordSetFromIndex([]byte("WWS1....")); err == nil {
		t.Error("a word set's binary form was read as an index")
	}
}

// TestSearchAgreesWithBinarySearch checks the interpolating lookup of a
// word set against a plain binary search, on uniform and on lumpy values.
func TestSearchAgreesWithBinarySearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 5, 300, 5000, 200000} {
		for _, lumpy := range []bool{false, true} {
			a := make([]uint32, n)
			for i := range a {
				a[i] = rng.Uint32()
				if lumpy && i%3 == 0 {
					a[i] = 1000 + uint32(i%7)
				}
			}
			slices.Sort(a)
			for k := 0; k < 2000; k++ {
				x := rng.Uint32()
				if n > 0 && k%2 == 0 {
					x = a[rng.IntN(n)]
				}
				gi, gf := search(a, x)
				wi, wf := slices.BinarySearch(a, x)
				if gi != wi || gf != wf {
					t.Fatalf("n=%d lumpy=%v search(%d) = %d,%v; binary search %d,%v", n, lumpy, x, gi, gf, wi, wf)
				}
			}
		}
	}
}
