package detectors

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// FuzzProbe checks that Probe never panics, is deterministic, and returns
// well-formed results, and that Diff returns lines of the new text.
func FuzzProbe(f *testing.F) {
	f.Add("", "xkqzvbwpl", true)
	f.Add("The river flows.", "The river xkqzvbwpl flows.", true)
	f.Add("{{a|b", "{{a|b}} [[c|d]] <ref>e</ref> ''f'' [http://g h] {| \n| i || j\n|}", false)
	f.Add("a\nb\nc", "a\n[[File:x.jpg|thumb|qzx]]\n<!-- y\nc", true)
	f.Add("", "&#x; &nbsp; __NOTOC__ ~~~~ '''''x''''' Łódź straße MCMLXXIV qwerty asdasdasd", true)
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "detectors", "*.edit"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			old, new, _ := strings.Cut(string(b), "-- new --")
			f.Add(old, new, true)
		}
	}
	f.Fuzz(func(t *testing.T, old, new string, anon bool) {
		a := Diff(old, new)
		newLines := strings.Split(new, "\n")
		for _, l := range a.Lines {
			found := false
			for _, nl := range newLines {
				if nl == l {
					found = true
					break
				}
			}
			if !found {
				t.Fatalf("Diff line %q is not a line of new", l)
			}
		}
		if old == new && len(a.Lines) != 0 {
			t.Fatalf("Diff of equal texts added %q", a.Lines)
		}
		// The same text read as a forum post must not break either.
		md := &Edit{Anon: anon, Old: old, New: new, Format: FormatMarkdown}
		if r := Probe(&Input{Edit: md, Added: a, Env: &Env{}}); r.Score < 0 || r.Score > 1 {
			t.Fatalf("markdown score %v out of [0,1]", r.Score)
		}
		e := &Edit{Anon: anon, Old: old, New: new}
		r1 := Probe(&Input{Edit: e, Added: a, Env: &Env{}})
		r2 := Probe(&Input{Edit: e, Added: Diff(old, new), Env: nil})
		if !reflect.DeepEqual(r1, r2) {
			t.Fatalf("Probe is not deterministic:\n%+v\n%+v", r1, r2)
		}
		if r1.Detector != ProbeName || math.IsNaN(r1.Score) || r1.Score < 0 || r1.Score > 1 {
			t.Fatalf("bad result %+v", r1)
		}
		for _, tok := range r1.Tokens {
			if !strings.Contains(new, tok) || a.OldHasWord(tok) {
				t.Fatalf("token %q is not new text", tok)
			}
		}
		sums := map[string]float64{}
		for _, rs := range r1.Reasons {
			if rs.Subject == "" || !strings.Contains(new, rs.Subject) || rs.Weight < 0 || rs.Detail == "" {
				t.Fatalf("bad reason %+v", rs)
			}
			sums[rs.Subject] += rs.Weight
		}
		for s, w := range sums {
			if w > r1.Score+0.01 {
				t.Fatalf("weights for %q add up to %.3f, above the score %.3f", s, w, r1.Score)
			}
		}
	})
}
