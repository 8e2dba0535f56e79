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

// TestDirectoryAgreesWithBinarySearch checks a word set's lookup through
// its directory against a plain binary search of its fingerprints, on
// uniform and on lumpy ones, built, read back from an index and from its
// binary form.
func TestDirectoryAgreesWithBinarySearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 5, 8, 9, 300, 5000, 200000} {
		for _, lumpy := range []bool{false, true} {
			var b WordSetBuilder
			for i := range n {
				fp := rng.Uint64() & (1<<40 - 1)
				switch {
				case lumpy && i%3 == 0:
					fp = 1000<<8 + uint64(i%7)
				case lumpy && i%3 == 1:
					fp = 1<<40 - 1 - uint64(i%5)
				}
				b.fp = append(b.fp, fp)
			}
			fps := slices.Clone(b.fp)
			slices.Sort(fps)
			built := b.Build()
			read, err := WordSetFromIndex(built.AppendIndex(nil))
			if err != nil {
				t.Fatal(err)
			}
			bin, err := built.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			var kept WordSet
			if err := kept.UnmarshalBinary(bin); err != nil {
				t.Fatal(err)
			}
			for k := 0; k < 4000; k++ {
				x := rng.Uint64() & (1<<40 - 1)
				switch k % 4 {
				case 0:
					x = fps[rng.IntN(n)]
				case 1:
					x = fps[rng.IntN(n)] ^ 1 // a neighbour of one
				}
				_, want := slices.BinarySearch(fps, x)
				if got := built.hasPrint(x); got != want {
					t.Fatalf("n=%d lumpy=%v hasPrint(%#x) = %v, want %v", n, lumpy, x, got, want)
				}
				if got := read.hasPrint(x); got != want {
					t.Fatalf("n=%d lumpy=%v read from its index: hasPrint(%#x) = %v, want %v", n, lumpy, x, got, want)
				}
				if got := kept.hasPrint(x); got != want {
					t.Fatalf("n=%d lumpy=%v marshalled: hasPrint(%#x) = %v, want %v", n, lumpy, x, got, want)
				}
			}
		}
	}
}

// sortPrints sorts fingerprints of 40 bits as a comparison sort does,
// small sets and large, with repeats.
func TestSortPrints(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 100, 1 << 14, 70000} {
		a := make([]uint64, n)
		for i := range a {
			a[i] = rng.Uint64() & (1<<40 - 1)
			if i%5 == 0 && i > 0 {
				a[i] = a[i-1]
			}
		}
		want := slices.Clone(a)
		slices.Sort(want)
		sortPrints(a)
		if !slices.Equal(a, want) {
			t.Fatalf("n=%d: not sorted as slices.Sort sorts", n)
		}
	}
}
