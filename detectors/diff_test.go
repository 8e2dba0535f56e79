package detectors

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     []string
	}{
		{"identical", "a\nb\n", "a\nb\n", nil},
		{"creation", "", "a\nb", []string{"a", "b"}},
		{"appended line", "a\nb", "a\nb\nc", []string{"c"}},
		{"prepended line", "b\nc\n", "a\nb\nc\n", []string{"a"}},
		{"changed middle line", "a\nb\nc", "a\nB\nc", []string{"B"}},
		{"moved line is not added", "a\nb\nc", "b\na\nc", nil},
		{"multiset: a third copy", "x\ny\nx\n", "x\ny\nx\nx\n", []string{"x"}},
		{"multiset: copies removed", "x\nx\nx", "x", nil},
		{"blank lines are not added", "a", "a\n\n   \n", nil},
		{"deletion only", "a\nb\nc", "a\nc", nil},
		{"no trailing newline change", "a\nb", "a\nb\n", nil},
		{"duplicate of prefix line", "a\nb", "a\na\nb", []string{"a"}},
		{"token inserted mid-line", "The quick fox.\nEnd.", "The quick xkqzvbwpl fox.\nEnd.", []string{"The quick xkqzvbwpl fox."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Diff(tt.old, tt.new)
			if !slices.Equal(a.Lines, tt.want) {
				t.Errorf("Diff(%q, %q).Lines = %q, want %q", tt.old, tt.new, a.Lines, tt.want)
			}
			for i, l := range a.Lines {
				if s := a.spans[i]; tt.new[s.Lo:s.Hi] != l {
					t.Errorf("span %d = %q, want %q", i, tt.new[s.Lo:s.Hi], l)
				}
			}
		})
	}
}

func TestDiffRemovedLines(t *testing.T) {
	a := Diff("keep\nThe quick fox.\nkeep too", "keep\nThe quick xkqzvbwpl fox.\nkeep too")
	var removed []string
	a.removedLines(func(l string) { removed = append(removed, l) })
	if !slices.Equal(removed, []string{"The quick fox."}) {
		t.Errorf("removed lines = %q", removed)
	}
	if !a.oldHasLine("The quick fox.") || a.oldHasLine("keep") {
		t.Error("oldHasLine should know the replaced line only")
	}
}

func TestOldHasWord(t *testing.T) {
	a := Diff("The Fillyjonk lives in Moominvalley; xkqz-vbwp and naïve.", "")
	tests := []struct {
		w    string
		want bool
	}{
		{"Fillyjonk", true},
		{"fillyjonk", true}, // first letter's case ignored
		{"Filly", false},    // not a whole word
		{"jonk", false},
		{"moominvalley", true},
		{"xkqz", true},
		{"vbwp", true},
		{"naïve", true},
		{"naïv", false},
		{"lives", true},
		{"absent", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := a.OldHasWord(tt.w); got != tt.want {
			t.Errorf("OldHasWord(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

// TestDiffMatchesNaive compares Diff with a plain multiset line difference on
// random texts made of a few repeated lines.
func TestDiffMatchesNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	pieces := []string{"a", "b", "c", "", " ", "dd", "a b"}
	mk := func() string {
		var lines []string
		for range rng.IntN(8) {
			lines = append(lines, pieces[rng.IntN(len(pieces))])
		}
		s := strings.Join(lines, "\n")
		if rng.IntN(3) == 0 {
			s += "\n"
		}
		return s
	}
	for range 20000 {
		old, new := mk(), mk()
		count := map[string]int{}
		for _, l := range strings.Split(old, "\n") {
			count[l]++
		}
		var want []string
		for _, l := range strings.Split(new, "\n") {
			if count[l] > 0 {
				count[l]--
			} else if strings.TrimSpace(l) != "" {
				want = append(want, l)
			}
		}
		got := slices.Clone(Diff(old, new).Lines)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("Diff(%q, %q) = %q, want %q", old, new, got, want)
		}
	}
}
