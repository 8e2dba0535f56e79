package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/detectors"
)

var update = flag.Bool("update", false, "rewrite testdata/eval/*.golden")

const testdataDir = "../testdata/eval"

func openTestdata(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join(testdataDir, name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// checkGolden compares got with testdata/eval/name, or rewrites it under -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(testdataDir, name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// commentScorer scores an edit with the numbers in its edit summary,
// "probe=0.6 links=0.75", so the metrics can be checked exactly whatever the
// real detectors become. A links score above 0 comes with one link, as the
// bot ignores a links result without links.
type commentScorer struct{}

func (commentScorer) Score(e *detectors.Edit, env *detectors.Env) []detectors.Result {
	var out []detectors.Result
	for _, f := range strings.Fields(e.Comment) {
		name, v, ok := strings.Cut(f, "=")
		score, err := strconv.ParseFloat(v, 64)
		if !ok || err != nil {
			continue // prose
		}
		r := detectors.Result{Detector: name, Score: score}
		if name == "links" && score > 0 {
			r.Links = []detectors.Link{{URL: "http://spam.example/", Domain: "spam.example"}}
		}
		out = append(out, r)
	}
	return out
}

var testNames = []string{"probe", "links"}

func runScored(t *testing.T, opts Options) (Report, string, string) {
	t.Helper()
	if opts.Corpus == "" {
		opts.Corpus = filepath.Join(testdataDir, "scored.jsonl")
	}
	var stdout, stderr bytes.Buffer
	rep, err := run(context.Background(), opts, commentScorer{}, testNames, &stdout, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	return rep, stdout.String(), stderr.String()
}

func m(tp, fp, tn, fn int) Metrics { return confusion{tp: tp, fp: fp, tn: tn, fn: fn}.metrics() }

func TestRunScored(t *testing.T) {
	for _, tc := range []struct {
		threshold float64
		overall   Metrics
		detectors map[string]Metrics
		byKind    map[string]Metrics
	}{
		// Defaults probe 0.5, links 0.7 (see the scores in scored.jsonl).
		{0, m(4, 2, 3, 2),
			map[string]Metrics{"probe": m(2, 1, 4, 4), "links": m(2, 1, 4, 4)},
			map[string]Metrics{"probe": m(2, 0, 0, 1), "linkspam": m(2, 0, 0, 1)}},
		{0.6, m(4, 3, 2, 2),
			map[string]Metrics{"probe": m(1, 1, 4, 5), "links": m(3, 2, 3, 3)},
			map[string]Metrics{"probe": m(1, 0, 0, 2), "linkspam": m(3, 0, 0, 0)}},
	} {
		rep, _, stderr := runScored(t, Options{Threshold: tc.threshold})
		if stderr != "" {
			t.Errorf("threshold %v: stderr %q", tc.threshold, stderr)
		}
		if rep.Records != 11 || rep.BadLines != 0 {
			t.Errorf("threshold %v: %d records, %d bad lines", tc.threshold, rep.Records, rep.BadLines)
		}
		if rep.Overall != tc.overall {
			t.Errorf("threshold %v: overall %+v, want %+v", tc.threshold, rep.Overall, tc.overall)
		}
		checkMetricsMap(t, "detectors", rep.Detectors, tc.detectors)
		checkMetricsMap(t, "by kind", rep.ByKind, tc.byKind)
	}
}

func checkMetricsMap(t *testing.T, what string, got, want map[string]Metrics) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: got %v, want %v", what, got, want)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s %q: got %+v, want %+v", what, k, got[k], w)
		}
	}
}

// The curves must agree with what deciding at each threshold gives, which
// checks critical's reasoning against bot.Decide itself.
func TestCurvesMatchRuns(t *testing.T) {
	rep, _, _ := runScored(t, Options{})
	if len(rep.Curves) != 3 || rep.Curves[0].Name != OverallCurve || rep.Curves[1].Name != "probe" || rep.Curves[2].Name != "links" {
		t.Fatalf("curves %v", rep.Curves)
	}
	for _, c := range rep.Curves {
		if len(c.Points) != curveSteps+1 || c.Points[0].Threshold != 0 || c.Points[curveSteps].Threshold != 1 {
			t.Fatalf("%s: points from %v to %v", c.Name, c.Points[0], c.Points[len(c.Points)-1])
		}
	}
	for i := 1; i <= curveSteps; i++ {
		th := float64(i) / curveSteps
		at, _, _ := runScored(t, Options{Threshold: th})
		for _, c := range rep.Curves {
			want := at.Overall
			if c.Name != OverallCurve {
				want = at.Detectors[c.Name]
			}
			if got := c.Points[i].Metrics; got != want {
				t.Errorf("%s at %.2f: curve %+v, run %+v", c.Name, th, got, want)
			}
		}
	}
	// At 0 every detector flags everything it scores.
	if got := rep.Curves[0].Points[0].Metrics; got.Recall != 1 || got.FPR != 1 {
		t.Errorf("overall at 0: %+v", got)
	}
}

func TestRunScoredText(t *testing.T) {
	_, stdout, _ := runScored(t, Options{Format: FormatText})
	checkGolden(t, "scored.golden", []byte(stdout))
}

func TestRunJSON(t *testing.T) {
	rep, stdout, _ := runScored(t, Options{Format: FormatJSON})
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	last := lines[len(lines)-1]

	// Every field present, by name.
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(last), &raw); err != nil {
		t.Fatalf("last line %q: %v", last, err)
	}
	fields := []string{"tp", "fp", "tn", "fn", "precision", "recall", "fpr"}
	checkFields := func(what string, msg json.RawMessage) {
		var obj map[string]any
		if err := json.Unmarshal(msg, &obj); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		for _, f := range fields {
			if _, ok := obj[f]; !ok {
				t.Errorf("%s: no %q in %s", what, f, msg)
			}
		}
	}
	checkFields("overall", raw["overall"])
	for _, key := range []string{"detectors", "by_kind"} {
		var sub map[string]json.RawMessage
		if err := json.Unmarshal(raw[key], &sub); err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		if len(sub) != 2 {
			t.Errorf("%s: %d entries, want 2", key, len(sub))
		}
		for k, v := range sub {
			checkFields(key+"."+k, v)
		}
	}

	// And the values are the report's.
	var got jsonReport
	if err := json.Unmarshal([]byte(last), &got); err != nil {
		t.Fatal(err)
	}
	if got.Overall != rep.Overall {
		t.Errorf("overall %+v, want %+v", got.Overall, rep.Overall)
	}
	checkMetricsMap(t, "detectors", got.Detectors, rep.Detectors)
	checkMetricsMap(t, "by_kind", got.ByKind, rep.ByKind)
}

func TestRunPlot(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pr.svg")
	runScored(t, Options{Plot: path})
	checkSVG(t, path)
}

// checkSVG parses the file as XML and wants an <svg> root holding a <path>.
func checkSVG(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	var root string
	paths := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: not valid XML: %v", path, err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if root == "" {
				root = se.Name.Local
			}
			if se.Name.Local == "path" {
				paths++
			}
		}
	}
	if root != "svg" || paths == 0 {
		t.Errorf("%s: root <%s>, %d paths; want <svg> with paths", path, root, paths)
	}
}

func TestRunBadLines(t *testing.T) {
	rep, _, stderr := runScored(t, Options{Corpus: filepath.Join(testdataDir, "small.jsonl")})
	if rep.Records != 14 || rep.BadLines != len(smallBad) {
		t.Errorf("%d records, %d bad lines; want 14, %d", rep.Records, rep.BadLines, len(smallBad))
	}
	for line := range smallBad {
		prefix := filepath.Join(testdataDir, "small.jsonl") + ":" + strconv.Itoa(line) + ": skipped: "
		if !strings.Contains(stderr, prefix) {
			t.Errorf("stderr lacks %q:\n%s", prefix, stderr)
		}
	}
	if n := strings.Count(stderr, "\n"); n != len(smallBad) {
		t.Errorf("stderr has %d lines, want %d:\n%s", n, len(smallBad), stderr)
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.jsonl")
	if err := os.WriteFile(empty, []byte("\n{\"label\":\"nope\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		opts Options
		want string
	}{
		{"no corpus", Options{}, "no corpus"},
		{"threshold", Options{Corpus: empty, Threshold: 1.5}, "threshold 1.5"},
		{"format", Options{Corpus: empty, Format: "yaml"}, `format "yaml"`},
		{"missing file", Options{Corpus: filepath.Join(dir, "none.jsonl")}, "no such file"},
		{"no records", Options{Corpus: empty}, "no valid records (1 bad lines)"},
	} {
		_, err := run(context.Background(), tc.opts, commentScorer{}, testNames, io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}

func TestRunCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout bytes.Buffer
	_, err := run(ctx, Options{Corpus: filepath.Join(testdataDir, "scored.jsonl")}, commentScorer{}, testNames, &stdout, io.Discard)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	if stdout.Len() != 0 {
		t.Errorf("wrote a report after cancel: %q", stdout.String())
	}
}
