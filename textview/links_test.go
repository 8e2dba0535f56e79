package textview

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// draw returns n bytes drawn from letters.
func draw(rng *rand.Rand, letters string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = letters[rng.IntN(len(letters))]
	}
	return string(b)
}

// IndexFold finds the first match, in any ASCII case, as a plain search of
// the lower-cased text does: strings of few letters in both cases, so that
// matches, near misses and overlaps are common.
func TestIndexFold(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for k := 0; k < 50000; k++ {
		s := draw(rng, "aAbBwW.{ ", rng.IntN(30))
		sub := draw(rng, "abw.{", 1+rng.IntN(3))
		want := strings.Index(strings.ToLower(s), sub)
		if got := IndexFold(s, sub); got != want {
			t.Fatalf("IndexFold(%q, %q) = %d, want %d", s, sub, got, want)
		}
	}
}

// IndexesFold yields every match, overlapping ones too, in order: the
// indexes at which the lower-cased text has the substring.
func TestIndexesFold(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for k := 0; k < 20000; k++ {
		s := draw(rng, "aAbB. ", rng.IntN(30))
		sub := draw(rng, "abAB", 1+rng.IntN(2)) // "aa": overlapping matches
		var want []int
		for i := 0; i+len(sub) <= len(s); i++ {
			if strings.EqualFold(s[i:i+len(sub)], sub) {
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

// Indexes yields every exact match, overlapping ones too, in order.
func TestIndexes(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for k := 0; k < 20000; k++ {
		s := draw(rng, "aAbB. ", rng.IntN(30))
		sub := draw(rng, "abAB", 1+rng.IntN(2))
		var want []int
		for i := 0; i+len(sub) <= len(s); i++ {
			if s[i:i+len(sub)] == sub {
				want = append(want, i)
			}
		}
		var got []int
		for i := range Indexes(s, sub) {
			got = append(got, i)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("Indexes(%q, %q) = %v, want %v", s, sub, got, want)
		}
	}
}

func TestLinkPlaceText(t *testing.T) {
	for _, c := range []struct {
		p    LinkPlace
		text string
	}{{0, ""}, {LinkCited, "cited"}, {LinkCited | LinkArchive, "cited,archive"}, {LinkExtSection | LinkInert, "external_links,inert"}} {
		b, _ := c.p.MarshalText()
		var back LinkPlace
		if string(b) != c.text || back.UnmarshalText(b) != nil || back != c.p {
			t.Errorf("%d: text %q reads back as %d, want %q", c.p, b, back, c.text)
		}
	}
	var p LinkPlace
	if p.UnmarshalText([]byte("cited,footnote")) == nil {
		t.Error("an unknown place read without an error")
	}
}
