package detectors

import (
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/internal/testcorpus"
)

// A token breaking a sentence of ordinary prose, the one odd word of it,
// is judged by that sentence: on a long page created at once, and in a
// technical post whose other lines are code. The same letters used again
// elsewhere (a file's or a module's name, a path) are the text's own name.
func TestProbeLoneInProse(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	page := testcorpus.ReadPage(t, "aardvark.txt")
	const sentence = "The aardvark is known to be a good swimmer"
	if !strings.Contains(page, sentence) {
		t.Fatal("the page has no sentence to slip a token into")
	}
	const post = "When I call `load_dataset(\"csv\", data_files=files)` with `streaming=True` on a folder " +
		"of `*.csv.gz` files, it fails with `KeyError: 'train'` in `iterable_dataset.py`.\n\n" +
		"The culprit is that the following check is performed too early in the builder.\n\n" +
		"```python\nfrom datasets import load_dataset\nds = load_dataset(\"csv\", data_files={\"train\": \"data/*.csv.gz\"}, streaming=True)\nnext(iter(ds[\"train\"]))\n```\n"
	tests := []struct {
		name   string
		format Format
		text   string
		probe  bool
	}{
		{"page as it is", FormatWikitext, page, false},
		{"token in a sentence of a page", FormatWikitext,
			strings.Replace(page, sentence, "The aardvark is known to be a aqvwas good swimmer", 1), true},
		{"the page's own name", FormatWikitext,
			strings.Replace(strings.Replace(page, sentence, "The aardvark is known to be a aqvwas good swimmer", 1),
				"[[Category:", "[[File:Aqvwas map.png]]\n[[Category:", 1), false},
		{"post as it is", FormatMarkdown, post, false},
		{"token in a sentence of a post", FormatMarkdown,
			strings.Replace(post, "check is performed", "check is aqvwas performed", 1), true},
		{"a module of the post", FormatMarkdown,
			strings.Replace(strings.Replace(post, "check is performed", "check is aqvwas performed", 1),
				"iterable_dataset.py", "aqvwas/iterable.py", 1), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &Edit{Anon: true, Format: tt.format, New: tt.text, Lang: "en"}
			r := Probe(&Input{Edit: e, Added: Diff("", tt.text), Env: env})
			if got := r.Score >= DefaultProbeThreshold; got != tt.probe {
				t.Errorf("score %.3f (suspects %v), want probe=%v", r.Score, r.Suspects, tt.probe)
			}
		})
	}
}
