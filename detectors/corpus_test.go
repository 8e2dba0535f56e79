package detectors

import (
	"bufio"
	"encoding/json"
	"github.com/wikiwarden/wikiwarden/wikitext"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// devEdit is one record of testdata/corpus/real-edits-dev.jsonl.
type devEdit struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	Old        string `json:"old"`
	New        string `json:"new"`
	Label      string `json:"label"`
	Kind       string `json:"kind"`
	TextFormat string `json:"text_format"`
	Anon       bool   `json:"anon"`
}

func (c devEdit) edit() *Edit {
	return &Edit{Title: c.Title, User: "corpus", Anon: c.Anon, Old: c.Old, New: c.New}
}

const devCorpusDir = "../testdata/corpus"

func readDevEdits(tb testing.TB) []devEdit {
	tb.Helper()
	f, err := os.Open(filepath.Join(devCorpusDir, "real-edits-dev.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []devEdit
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<24)
	for sc.Scan() {
		var c devEdit
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			tb.Fatal(err)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	if len(out) < 2000 {
		tb.Fatalf("read %d corpus edits, want the whole file", len(out))
	}
	return out
}

// devPage is one page of testdata/corpus/wikitext.
type devPage struct {
	Name string // path under wikitext/
	Text string
}

func readDevPages(tb testing.TB) []devPage {
	tb.Helper()
	root := filepath.Join(devCorpusDir, "wikitext")
	var out []devPage
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		out = append(out, devPage{Name: rel, Text: string(b)})
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	if len(out) < 100 {
		tb.Fatalf("read %d corpus pages, want the whole folder", len(out))
	}
	return out
}

// Random tokens for recall tests.

const (
	probeTestConsonants = "bcdfghjklmnpqrstvwxz"
	probeTestVowels     = "aeiou"
)

func probeTestRandom(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + r.IntN(26))
	}
	return string(b)
}

// probeTestPronounceable alternates probeTestConsonants and vowels ("bakotelu").
func probeTestPronounceable(r *rand.Rand, n int) string {
	b := make([]byte, n)
	c := r.IntN(2) == 0
	for i := range b {
		if c {
			b[i] = probeTestConsonants[r.IntN(len(probeTestConsonants))]
		} else {
			b[i] = probeTestVowels[r.IntN(len(probeTestVowels))]
		}
		c = !c
	}
	return string(b)
}

// probeTestInjectMid inserts tok between two lower-case words of running text
// in new (as the scanner reads it), or returns false when new has none.
func probeTestInjectMid(r *rand.Rand, new, tok string) (string, bool) {
	var sc wikitext.Reader
	words := sc.Read(new, nil, nil)
	var gaps []int
	const skip = cTable | cCaption | cLink | cExtLink | cHeading | cPre | wCode | wDigit | wNonLatin | wUpperFirst | wUpperInner
	for i := 1; i < len(words); i++ {
		a, b := words[i-1], words[i]
		if a.Line != b.Line || a.Flags&skip != 0 || b.Flags&skip != 0 || b.Lo != a.Hi+1 || new[a.Hi] != ' ' {
			continue
		}
		// Not inside the words of a URL whose punctuation was stripped.
		if probeURLPrefixes[new[a.Lo:a.Hi]] || probeURLSuffixes[new[b.Lo:b.Hi]] {
			continue
		}
		gaps = append(gaps, a.Hi)
	}
	if len(gaps) == 0 {
		return "", false
	}
	at := gaps[r.IntN(len(gaps))]
	return new[:at] + " " + tok + new[at:], true
}

// probeTestInjectLine puts tok alone on a new line at a random line boundary of
// new where the scanner reads it as running text, or returns false.
func probeTestInjectLine(r *rand.Rand, new, tok string) (string, bool) {
	bounds := []int{0, len(new)}
	for i := 0; i < len(new); i++ {
		if new[i] == '\n' {
			bounds = append(bounds, i+1)
		}
	}
	for range 10 {
		at := bounds[r.IntN(len(bounds))]
		var out string
		pos := at
		switch {
		case at == 0:
			out = tok + "\n" + new
		case at == len(new) && !strings.HasSuffix(new, "\n"):
			out = new + "\n" + tok
			pos = at + 1
		default:
			out = new[:at] + tok + "\n" + new[at:]
		}
		if probeTestIsRunningText(out, pos, len(tok)) {
			return out, true
		}
	}
	return "", false
}

// probeTestIsRunningText reports whether the scanner reads the n bytes at pos of s as
// one word of plain running text.
func probeTestIsRunningText(s string, pos, n int) bool {
	var sc wikitext.Reader
	for _, w := range sc.Read(s, nil, nil) {
		if w.Lo == pos {
			return w.Hi == pos+n && w.Flags&(cTable|cCaption|cLink|cExtLink|cHeading|cPre|wCode) == 0
		}
	}
	return false
}
