package detectors

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// hashCounts must count as a map does, across resets (its generations),
// growth from a small hint and reuse of a table sized for more.
func TestHashCounts(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var tab hashCounts
	for round, n := range []int{0, 1, 50, 3000, 10, 200, 0, 5000} {
		tab.reset(n / 7)
		want := map[uint64]int32{}
		for range n {
			h := r.Uint64() % uint64(max(1, n/3)) // repeats
			if r.IntN(50) == 0 {
				h = 0
			}
			want[h]++
			if got := tab.add(h); got != want[h] {
				t.Fatalf("round %d: add(%d) = %d, want %d", round, h, got, want[h])
			}
		}
		for h, c := range want {
			if got := tab.count(h); got != c {
				t.Fatalf("round %d: count(%d) = %d, want %d", round, h, got, c)
			}
		}
		for range 100 {
			h := r.Uint64() | 1<<63 // never added
			if tab.has(h) {
				t.Fatalf("round %d: has(%d) of a key never added", round, h)
			}
		}
	}
}

// median selects the value a sort would put in the middle.
func TestMedianSelects(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := 1; n < 400; n += 1 + n/10 {
		for range 20 {
			vals := make([]float64, n)
			for i := range vals {
				vals[i] = float64(r.IntN(max(1, n/4))) / 4 // ties too
			}
			sorted := slices.Clone(vals)
			slices.Sort(sorted)
			if got, want := median(vals), sorted[n/2]; got != want {
				t.Fatalf("n=%d: median = %v, want %v", n, got, want)
			}
		}
	}
}

// put tables keys to ask about, bump counts only those, lookup tells a
// tabled key counted 0 from one never tabled.
func TestHashCountsAsked(t *testing.T) {
	var tab hashCounts
	tab.reset(0)
	for h := range uint64(200) {
		tab.put(h * 3)
	}
	for h := range uint64(600) {
		tab.bump(h)
		tab.bump(h)
	}
	for h := range uint64(600) {
		n, ok := tab.lookup(h)
		if want := h%3 == 0 && h < 600; ok != want || ok && n != 2 {
			t.Fatalf("lookup(%d) = %d, %v", h, n, ok)
		}
	}
	tab.reset(0)
	if _, ok := tab.lookup(3); ok {
		t.Fatal("a key tabled before reset is still there")
	}
}
