package detectors

import (
	"slices"
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
				if s := a.spans[i]; tt.new[s.lo:s.hi] != l {
					t.Errorf("span %d = %q, want %q", i, tt.new[s.lo:s.hi], l)
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
