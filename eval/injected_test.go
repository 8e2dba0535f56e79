package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// injectedCorpus is a labelled corpus anyone can feed to `wikiwarden eval`:
// the regular edits of the real corpus, each once as it is (regular) and
// with a random-letter token injected into its added text (vandalism, kind
// "probe-LEN" by token length, or "pronounceable-LEN"). It is generated
// from testdata/corpus/real-edits-dev.jsonl with a fixed seed by
// `go test ./eval/ -run TestInjectedCorpus -update`.
const injectedCorpus = "injected.jsonl"

// injectedTargets are the recall floors of issue 3, by kind.
var injectedTargets = map[string]float64{
	"probe-6-7": 0.95, "probe-8-12": 0.99,
}

func TestInjectedCorpus(t *testing.T) {
	path := filepath.Join("..", "testdata", "eval", injectedCorpus)
	if *update {
		if err := writeInjected(path); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr strings.Builder
	rep, err := Run(context.Background(), Options{Corpus: path, Format: "text"}, &stdout, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", stdout.String())
	if rep.BadLines != 0 {
		t.Errorf("%d bad lines in the generated corpus: %s", rep.BadLines, stderr.String())
	}
	if fpr := rep.Overall.FPR; fpr > 0.0005 {
		t.Errorf("false-positive rate on regular edits %.4f%%, want at most 0.05%%", 100*fpr)
	}
	for kind, floor := range injectedTargets {
		m, ok := rep.ByKind[kind]
		if !ok {
			t.Errorf("no records of kind %q", kind)
			continue
		}
		if m.Recall < floor {
			t.Errorf("%s: recall %.2f%%, want at least %.0f%%", kind, 100*m.Recall, 100*floor)
		}
	}
}

// writeInjected generates the injected corpus from the real one.
func writeInjected(path string) error {
	in, err := os.Open(filepath.Join("..", "testdata", "corpus", "real-edits-dev.jsonl"))
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(out)
	rng := rand.New(rand.NewPCG(2026, 11))
	enc := json.NewEncoder(w)
	var n int
	for rec, err := range ReadCorpus(in, func(int, error) {}) {
		if err != nil {
			return err
		}
		if rec.Vandalism {
			continue
		}
		anon := true
		base := map[string]any{"id": rec.ID, "title": rec.Title, "old": rec.Old, "new": rec.New, "label": "regular", "anon": anon}
		if err := enc.Encode(base); err != nil {
			return err
		}
		length := 4 + rng.IntN(9) // 4..12
		pronounceable := rng.IntN(5) == 0
		tok := randomToken(rng, length, pronounceable)
		if strings.Contains(strings.ToLower(rec.Old+rec.New), tok) {
			continue
		}
		kind := "probe-" + lengthBand(length)
		if pronounceable {
			kind = "pronounceable-" + lengthBand(length)
		}
		probe := map[string]any{
			"id": fmt.Sprintf("%s+%s", rec.ID, tok), "title": rec.Title, "old": rec.Old,
			"new": inject(rng, rec.New, tok), "label": "vandalism", "kind": kind, "anon": anon,
		}
		if err := enc.Encode(probe); err != nil {
			return err
		}
		n++
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if n == 0 {
		return io.ErrUnexpectedEOF
	}
	return out.Close()
}

func lengthBand(n int) string {
	switch {
	case n <= 5:
		return "4-5"
	case n <= 7:
		return "6-7"
	}
	return "8-12"
}

// randomToken is uniform random letters, or alternating consonants and
// vowels ("pronounceable", the hardest kind of probe).
func randomToken(rng *rand.Rand, n int, pronounceable bool) string {
	const consonants, vowels = "bcdfghjklmnpqrstvwxz", "aeiou"
	b := make([]byte, n)
	for i := range b {
		switch {
		case !pronounceable:
			b[i] = byte('a' + rng.IntN(26))
		case i%2 == 0:
			b[i] = consonants[rng.IntN(len(consonants))]
		default:
			b[i] = vowels[rng.IntN(len(vowels))]
		}
	}
	return string(b)
}

// inject puts tok after a word in the middle of a prose line of text, or,
// one time in three or when there is no such line, on a line of its own.
func inject(rng *rand.Rand, text, tok string) string {
	lines := strings.Split(text, "\n")
	if rng.IntN(3) > 0 {
		var prose []int
		for i, l := range lines {
			if l != "" && unicode.IsLetter(rune(l[0])) && strings.Count(l, " ") >= 4 {
				prose = append(prose, i)
			}
		}
		for range 10 {
			if len(prose) == 0 {
				break
			}
			i := prose[rng.IntN(len(prose))]
			words := strings.Split(lines[i], " ")
			at := 1 + rng.IntN(len(words)-1)
			if !inProse(strings.Join(words[:at], " "), words[at-1], words[at]) {
				continue
			}
			words = append(words[:at], append([]string{tok}, words[at:]...)...)
			lines[i] = strings.Join(words, " ")
			return strings.Join(lines, "\n")
		}
	}
	return text + "\n" + tok
}

// inProse reports whether a token put after before (whose last word is
// prev, followed by next) lands in running text: not inside a reference,
// template, link or tag, and not next to a URL.
func inProse(before, prev, next string) bool {
	open := strings.Count(before, "<ref") - strings.Count(before, "</ref>") - strings.Count(before, "/>")
	if open > 0 || strings.Count(before, "{{") != strings.Count(before, "}}") ||
		strings.Count(before, "[") != strings.Count(before, "]") || strings.Count(before, "<") != strings.Count(before, ">") {
		return false
	}
	for _, w := range []string{prev, next} {
		if strings.ContainsAny(w, "/:<>|=[]{}") || strings.HasPrefix(w, "www") || w == "com" || w == "org" {
			return false
		}
	}
	return true
}
