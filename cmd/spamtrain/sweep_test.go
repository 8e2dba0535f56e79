package main

import (
	"math"
	"testing"

	"github.com/wikiwarden/wikiwarden/detectors"
)

// TestAtBlatant checks the sweep's replay of the link detector: at the
// shipped threshold it gives the detector's own score (up to the rounding
// of the probability the result keeps), and a lower
// threshold never lowers a score.
func TestAtBlatant(t *testing.T) {
	edits := []*detectors.Edit{
		{Old: "Der Ort hat 900 Einwohner.", New: "Der Ort hat 900 Einwohner.\n[http://guenstige-kredite-sofort.de/angebot Günstige Kredite] Sofortkredit ohne Schufa"},
		{New: "I lost 2 BTC to a fake broker. Thanks to ZONEPA.COM they recovered all my funds in 48 hours, contact them now!", Format: detectors.FormatMarkdown},
		{New: "I had the same race. Close the channel in the producer, see [the memory model](https://go.dev/ref/mem).", Format: detectors.FormatMarkdown},
		{Old: "Toronto is a city.", New: "Toronto is a city.\n* [http://www.torontotourism.com/ Tourism Toronto]"},
		{New: "Check https://bit.ly/3abc for cheap pills", Format: detectors.FormatMarkdown},
	}
	for _, e := range edits {
		e.Anon, e.User = true, "192.0.2.1"
		r := detectors.Links(&detectors.Input{Edit: e, Added: detectors.Diff(e.Old, e.New), Env: &detectors.Env{}})
		got := atBlatant(r, detectors.LinkModelBlatant)
		if math.Abs(got.Score-r.Score) > 0.002 || (got.Score >= detectors.DefaultLinksThreshold) != (r.Score >= detectors.DefaultLinksThreshold) {
			t.Errorf("%q: replay %.3f, detector %.3f (p=%.3f, %v)", e.New, got.Score, r.Score, r.Spam, r.Reasons)
		}
		for _, th := range blatantGrid {
			if th < detectors.LinkModelBlatant && atBlatant(r, th).Score < r.Score {
				t.Errorf("%q: threshold %.2f lowers the score %.3f to %.3f", e.New, th, r.Score, atBlatant(r, th).Score)
			}
		}
	}
}

func TestAutolink(t *testing.T) {
	for in, want := range map[string]string{
		"see https://a.org/x. And [b](https://b.org)": "see [https://a.org/x](https://a.org/x). And [b](https://b.org)",
		"no link": "no link",
	} {
		if got := autolink(in); got != want {
			t.Errorf("autolink(%q) = %q, want %q", in, got, want)
		}
	}
}
