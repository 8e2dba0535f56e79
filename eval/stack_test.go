package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunSmall runs the real detectors over small.jsonl, whose edits are
// unambiguous (a made-up letter string mid-sentence, spam links with spam
// words, plain prose, one plain citation and one official site) so the
// counts hold however the detectors are tuned.
// v6 is abuse in plain words, which neither detector is for: a miss.
func TestRunSmall(t *testing.T) {
	corpus := filepath.Join(testdataDir, "small.jsonl")
	plot := filepath.Join(t.TempDir(), "pr.svg")
	var stdout, stderr bytes.Buffer
	rep, err := Run(context.Background(), Options{Corpus: corpus, Plot: plot}, &stdout, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Records != 14 || rep.BadLines != len(smallBad) {
		t.Errorf("%d records, %d bad lines; want 14, %d", rep.Records, rep.BadLines, len(smallBad))
	}
	if want := m(5, 0, 8, 1); rep.Overall != want {
		t.Errorf("overall %+v, want %+v", rep.Overall, want)
	}
	checkMetricsMap(t, "detectors", rep.Detectors, map[string]Metrics{
		"probe": m(3, 0, 8, 3),
		"links": m(2, 0, 8, 4),
	})
	checkMetricsMap(t, "by kind", rep.ByKind, map[string]Metrics{
		"prose":     m(0, 0, 4, 0),
		"reference": m(0, 0, 2, 0),
		"probe":     m(3, 0, 0, 0),
		"linkspam":  m(2, 0, 0, 0),
		"abuse":     m(0, 0, 0, 1),
	})
	checkGolden(t, "small.golden", stdout.Bytes())
	checkSVG(t, plot)
	if n := strings.Count(stderr.String(), ": skipped: "); n != len(smallBad) {
		t.Errorf("stderr reports %d bad lines, want %d:\n%s", n, len(smallBad), stderr.String())
	}

	stdout.Reset()
	if _, err := Run(context.Background(), Options{Corpus: corpus, Format: FormatJSON, Detectors: []string{"probe"}}, &stdout, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	var got jsonReport
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	// With the probe detector alone the bot reverts the probes only.
	if want := m(3, 0, 8, 3); got.Overall != want || len(got.Detectors) != 1 {
		t.Errorf("probe only: overall %+v (want %+v), detectors %v", got.Overall, want, got.Detectors)
	}
}

func TestRunUnknownDetector(t *testing.T) {
	_, err := Run(context.Background(), Options{Corpus: filepath.Join(testdataDir, "small.jsonl"), Detectors: []string{"nope"}}, &bytes.Buffer{}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("error %v, want one naming the detector", err)
	}
}
