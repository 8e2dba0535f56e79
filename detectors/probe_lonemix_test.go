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
		{"lower-case letters alone", "kotsam", ""},
		{"an acronym and a word", "QMpedia", ""},
		{"a capitalised name", "Ravello", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Replace(post, "SLOT ", tt.slot+" ", 1)
			if tt.slot == "" {
				text = strings.Replace(post, "SLOT ", "", 1)
			}
			e := &Edit{Anon: true, New: text, Format: FormatMarkdown, Lang: "en"}
			r := Probe(&Input{Edit: e, Added: Diff("", text), Env: env})
			if got := strings.Join(r.Tokens, " "); got != tt.want {
				t.Errorf("tokens %q, want %q\n%s", got, tt.want, reasonLines(r))
			}
		})
	}
	// Written twice, or named in the post's code, the same letters are the
	// post's own name, not a token slipped in.
	for _, text := range []string{
		strings.Replace(post, "SLOT ", "85bi66 ", 1) + "\nThe 85bi66 step is the slow one.\n",
		strings.Replace(strings.Replace(post, "SLOT ", "ErKthA ", 1), "data/*.jsonl", "ErKthA/*.jsonl", 1),
	} {
		e := &Edit{Anon: true, New: text, Format: FormatMarkdown, Lang: "en"}
		if r := Probe(&Input{Edit: e, Added: Diff("", text), Env: env}); len(r.Tokens) > 0 {
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
