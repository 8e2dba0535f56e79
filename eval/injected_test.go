package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/internal/inject"
	"github.com/wikiwarden/wikiwarden/internal/testcorpus"
	"github.com/wikiwarden/wikiwarden/lexicon"
)

// injectedCorpus is a labelled corpus anyone can feed to `wikiwarden eval`,
// generated with a fixed seed from the real corpus in the shared folder
// (internal/testcorpus; it is public data, never committed): the test builds
// it in a temporary directory each run, and
// `go test ./eval/ -run TestInjectedCorpus -update` writes it to
// build/eval/injected.jsonl (git-ignored) for `wikiwarden eval`:
//   - every regular edit of real-edits-dev.jsonl as it is (regular, with the
//     record's own anon flag), and once more with a random token put at a
//     random position of the text it added (vandalism, anonymous);
//   - every page of its wikitext (English, German, Afrikaans, Norwegian,
//     Bulgarian) as an anonymous page
//     creation (regular), and pageProbes edits of it, each putting one token
//     at a random position of the page, markup included: templates and their
//     parameters, references, tables, attributes, links, comments,
//     galleries, or a line of its own (vandalism, anonymous; the page is
//     cropped to the paragraphs around the change to keep the file small).
//
// Token styles rotate through inject.Styles (lower case, mixed case,
// letters and digits in one or both cases, pronounceable), lengths are
// uniform in 4..12. A record's kind is "tune/" or "held/" (inject.Held of
// the source edit or page: the tuning half and the held-out half), then the
// style and length band: "held/mixed-digits-8-12".
const injectedCorpus = "injected.jsonl"

const pageProbes = 6

// injectedTargets are the recall floors of issue 7, by style and band; the
// pronounceable floor is for every length.
var injectedTargets = map[string]float64{"4-5": 0.80, "6-7": 0.95, "8-12": 0.99}

const injectedPronounceable = 0.80

// injectedShort are the targets the detector does not reach yet on this
// corpus, with the floor it holds (both halves together), so a regression
// still fails. README.md quotes the measured figures.
var injectedShort = map[string]float64{
	"mixed-6-7": 0.94, "digits-4-5": 0.70, "digits-8-12": 0.97,
	"mixed-digits-4-5": 0.62, "mixed-digits-8-12": 0.97,
}

func TestInjectedCorpus(t *testing.T) {
	edits := testcorpus.Require(t, testcorpus.EditsFile)
	pages := testcorpus.Require(t, testcorpus.WikitextDir)
	path := filepath.Join(t.TempDir(), injectedCorpus)
	if *update {
		path = filepath.Join("..", "build", "eval", injectedCorpus)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := writeInjected(path, edits, pages); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr strings.Builder
	rep, err := Run(context.Background(), Options{Corpus: path, Format: "text", Dicts: testDicts(t)}, &stdout, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", stdout.String())
	if rep.BadLines != 0 {
		t.Errorf("%d bad lines in the generated corpus: %s", rep.BadLines, stderr.String())
	}
	if rep.Overall.FP != 0 {
		t.Errorf("%d regular edits or pages flagged, want none", rep.Overall.FP)
	}
	// Recall by style and band, both halves together and each apart.
	type tally struct{ tp, n int }
	groups := map[string]*tally{}
	add := func(key string, m Metrics) {
		g := groups[key]
		if g == nil {
			g = &tally{}
			groups[key] = g
		}
		g.tp += m.TP
		g.n += m.TP + m.FN
	}
	for kind, m := range rep.ByKind {
		half, class, ok := strings.Cut(kind, "/")
		if !ok {
			continue
		}
		if strings.HasPrefix(class, string(inject.Pronounceable)) {
			class = string(inject.Pronounceable)
		}
		add(class, m)
		add(half+"/"+class, m)
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		g := groups[k]
		t.Logf("%-28s recall %6.2f%% (%d/%d)", k, 100*float64(g.tp)/float64(g.n), g.tp, g.n)
	}
	for _, st := range inject.Styles {
		for band, floor := range injectedTargets {
			key := string(st) + "-" + band
			if st == inject.Pronounceable {
				key, floor = string(st), injectedPronounceable
			}
			g := groups[key]
			if g == nil || g.n == 0 {
				t.Errorf("no records of %s", key)
				continue
			}
			got := float64(g.tp) / float64(g.n)
			if short, ok := injectedShort[key]; ok {
				if got < short {
					t.Errorf("%s: recall %.2f%%, below its floor %.2f%% (target %.0f%%)", key, 100*got, 100*short, 100*floor)
				}
				continue
			}
			if got < floor {
				t.Errorf("%s: recall %.2f%%, want at least %.0f%%", key, 100*got, 100*floor)
			}
		}
	}
}

// testDicts loads the dictionaries installed here, as the bot would.
func testDicts(t *testing.T) map[string]detectors.Words {
	t.Helper()
	lx, err := lexicon.Load(context.Background(), []string{"en", "de", "fr", "es", "cy", "pl"})
	if err != nil {
		t.Fatal(err)
	}
	if lx.Dicts()["en"] == nil {
		t.Skip("no English dictionary installed (apt-get install wamerican-huge)")
	}
	return lx.Dicts()
}

// writeInjected generates the injected corpus from the real edits in the
// JSON-lines file edits and the wikitext pages under the folder pages.
func writeInjected(path, edits, pages string) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(out)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	rng := rand.New(rand.NewPCG(2026, 7))
	style := 0
	next := func() (inject.Style, int) {
		s := inject.Styles[style%len(inject.Styles)]
		style++
		return s, 4 + rng.IntN(9)
	}
	kind := func(id string, s inject.Style, n int) string {
		half := "tune"
		if inject.Held(id) {
			half = "held"
		}
		return half + "/" + string(s) + "-" + inject.Band(n)
	}
	n := 0

	in, err := os.Open(edits)
	if err != nil {
		return err
	}
	defer in.Close()
	for rec, err := range ReadCorpus(in, func(int, error) {}) {
		if err != nil {
			return err
		}
		if rec.Vandalism {
			continue
		}
		base := map[string]any{"id": rec.ID, "title": rec.Title, "old": rec.Old, "new": rec.New, "label": "regular", "anon": rec.Anon}
		if err := enc.Encode(base); err != nil {
			return err
		}
		s, length := next()
		tok := inject.Token(rng, s, length)
		if hasWord(rec.Old+"\n"+rec.New, tok) {
			continue
		}
		p := commonPrefix(rec.Old, rec.New)
		q := commonSuffix(rec.Old[p:], rec.New[p:])
		nw, ok := inject.Insert(rng, rec.New, p, len(rec.New)-q, tok)
		if !ok {
			continue
		}
		probe := map[string]any{
			"id": rec.ID + "+" + tok, "title": rec.Title, "old": rec.Old, "new": nw,
			"label": "vandalism", "kind": kind(rec.ID, s, length), "anon": true,
		}
		if err := enc.Encode(probe); err != nil {
			return err
		}
		n++
	}

	root := pages
	var files []string
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	slices.Sort(files)
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		text := string(b)
		id, _ := filepath.Rel(root, p)
		title := strings.TrimSuffix(filepath.Base(id), ".txt")
		// Pages up to 40 KB as creations (detectors' tests score every page so).
		if len(text) <= 40<<10 {
			if err := enc.Encode(map[string]any{"id": id, "title": title, "old": "", "new": text, "label": "regular", "anon": true}); err != nil {
				return err
			}
		}
		pos := inject.Positions(text, 0, len(text))
		for range pageProbes {
			s, length := next()
			tok := inject.Token(rng, s, length)
			if hasWord(text, tok) || len(pos) == 0 {
				continue
			}
			var old, nw string
			if rng.IntN(8) == 0 {
				// A line of its own at the end of the page, after the
				// categories, sometimes with a leading space.
				lo, _ := cropAround(text, len(text))
				old = text[lo:]
				nw = inject.OwnLine(rand.New(rand.NewPCG(rng.Uint64(), 0)), "", tok)
				lead := ""
				if strings.HasPrefix(nw, "\n ") {
					lead = " "
				}
				nw = strings.TrimRight(old, "\n") + "\n" + lead + tok + "\n"
			} else {
				at := pos[rng.IntN(len(pos))]
				lo, hi := cropAround(text, at)
				if hi-lo > 8<<10 {
					// No closed markup near: cut at lines, as a diff's context would.
					lo = strings.LastIndexByte(text[:max(0, at-3000)], '\n') + 1
					hi = min(len(text), at+2000)
				}
				old = text[lo:hi]
				nw = inject.At(old, at-lo, tok)
			}
			probe := map[string]any{
				"id": id + "+" + tok, "title": title, "old": old, "new": nw,
				"label": "vandalism", "kind": kind(id, s, length), "anon": true,
			}
			if err := enc.Encode(probe); err != nil {
				return err
			}
			n++
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if n == 0 {
		return io.ErrUnexpectedEOF
	}
	return out.Close()
}

// cropAround returns the bounds of the paragraphs around offset at of text
// (the paragraph before, the one holding at and the one after, within about
// 3 KB), starting where the templates and tables before it are closed so
// that the markup around the change reads as it does in the whole page.
func cropAround(text string, at int) (int, int) {
	lo := 0
	for from := at; ; {
		i := strings.LastIndex(text[:from], "\n\n")
		if i < 0 {
			break
		}
		if balanced(text[:i]) {
			lo = i + 2
			if at-i > 1500 || from != at {
				break
			}
		}
		from = i
	}
	hi := len(text)
	if i := strings.Index(text[min(at+1, len(text)):], "\n\n"); i >= 0 {
		hi = at + 1 + i
		if hi-at < 500 {
			if j := strings.Index(text[hi+2:], "\n\n"); j >= 0 && j < 1500 {
				hi = hi + 2 + j
			}
		}
	}
	if lo > at {
		lo = 0
	}
	return lo, max(hi, at)
}

// balanced reports whether every template and table opened in s is closed.
func balanced(s string) bool {
	return strings.Count(s, "{{") == strings.Count(s, "}}") && strings.Count(s, "{|") == strings.Count(s, "|}") &&
		strings.Count(s, "<!--") == strings.Count(s, "-->")
}

func hasWord(text, w string) bool {
	return detectors.Diff(text, "").OldHasWord(w)
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

func commonSuffix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}
