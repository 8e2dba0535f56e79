package detectors

import (
	"strings"
	"testing"
)

// Six or seven random characters slipped between two ordinary words of a
// technical post: their letters alone hold too few bits, the sentence they
// break tells (loneMix). Lower-case letters alone are as often a word no
// dictionary has. The same shape written again, set as code, of an
// acronym and a word, or a capitalised name, is the post's own.
func TestProbeLoneMix(t *testing.T) {
	env := &Env{Dicts: testDicts(t, false)}
	const post = "When I load the dataset with `load_dataset(\"json\", split=\"train\")` the cache is rebuilt every time.\n\n" +
		"I think the problem is that the SLOT file is written before the lock is taken, so a second worker " +
		"sees a partial file and starts again.\n\n```python\nds = load_dataset(\"json\", data_files=\"data/*.jsonl\", split=\"train\")\n```\n"
	for _, tt := range []struct{ name, slot, want string }{
		{"post as it is", "", ""},
		{"lower case and digits", "85bi66", "85bi66"},
		{"random cases", "ErKthA", "ErKthA"},
		{"random cases switching twice", "hUVota", "hUVota"},
		{"a word and an acronym", "LoomDB", ""},
		{"lower-case letters alone", "kotsam", ""},
		{"an acronym and a word", "QMpedia", ""},
		{"a capitalised name", "Ravello", ""},
		{"a handle and its number", "brovik42", ""},
		{"slang in digits", "l33tish", ""},
		{"a word and a quantity, space missed", "of240Wh", ""},
		{"a random draw ending in a unit", "wzq240Wh", "wzq240Wh"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := probePost(env, slotted(post, tt.slot))
			if got := strings.Join(r.Tokens, " "); got != tt.want {
				t.Errorf("tokens %q, want %q\n%s", got, tt.want, reasonLines(r))
			}
		})
	}
	// Written twice, or named in the post's code, the same letters are the
	// post's own name, not a token slipped in.
	for _, text := range []string{
		slotted(post, "85bi66") + "\nThe 85bi66 step is the slow one.\n",
		strings.Replace(slotted(post, "ErKthA"), "data/*.jsonl", "ErKthA/*.jsonl", 1),
	} {
		if r := probePost(env, text); len(r.Tokens) > 0 {
			t.Errorf("%q: tokens %q, want none\n%s", text, r.Tokens, reasonLines(r))
		}
	}
}

func TestCaseShapes(t *testing.T) {
	for w, want := range map[string]bool{"GithHub": true, "McDonald": true, "iPhone": true, "lower": true, "HaeDNsi": false, "ErKthA": false, "DBpedia": false} {
		if got := humpsOnly(w); got != want {
			t.Errorf("humpsOnly(%q) = %v, want %v", w, got, want)
		}
	}
	for w, want := range map[string]int{"lower": 0, "Capital": 1, "DBpedia": 1, "iPhone": 2, "McDonald": 3, "HeqWxaL": 4, "qv4tre": 0, "Ab1Cd": 3} {
		if got := caseSwitches(w); got != want {
			t.Errorf("caseSwitches(%q) = %d, want %d", w, got, want)
		}
	}
}

// A reference to an issue ("#4133") names a thread, not code: a token
// beside it in a commit's line takes no identifier's discount from it.
// Digits joined to a word or after a path keep theirs.
func TestIssueRef(t *testing.T) {
	for _, tt := range []struct {
		text   string
		lo, hi int
		want   bool
	}{
		{"Fix #4133", 5, 9, true},
		{"#12 again", 1, 3, true},
		{"(see #12)", 6, 8, true},
		{"a#12", 2, 4, false},
		{"Fix #v2", 5, 7, false},
		{"Fix 4133", 4, 8, false},
	} {
		if got := issueRef(tt.text, tt.lo, tt.hi); got != tt.want {
			t.Errorf("issueRef(%q, %d, %d) = %v, want %v", tt.text, tt.lo, tt.hi, got, tt.want)
		}
	}
	env := &Env{Dicts: testDicts(t, false)}
	for _, tt := range []struct{ text, want string }{
		{"Fix #2817 ximbo3", "ximbo3"},
		{"Closes #2817 and adds a test for the empty split.", ""},
	} {
		r := probePost(env, tt.text)
		if got := strings.Join(r.Tokens, " "); got != tt.want {
			t.Errorf("%q: tokens %q, want %q\n%s", tt.text, got, tt.want, reasonLines(r))
		}
	}
}
