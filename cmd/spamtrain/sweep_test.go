package main

import (
	"math"
	"strings"
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

// TestMemoryTable checks the probed-range report on three edits: follow-up
// credit spam, reverted with no memory; a link to a page of a new domain
// the spam model is unsure of (a result made by hand), reverted only from
// the probing range (a front page would be reverted on the probed page
// too: bot.Decide's landing pages); and a forum answer citing documentation, left alone on
// the probed page and from the range.
func TestMemoryTable(t *testing.T) {
	item := func(group, lang, kind string, e *detectors.Edit) sweepItem {
		e.Anon, e.User = true, "192.0.2.1"
		r := detectors.Links(&detectors.Input{Edit: e, Env: &detectors.Env{Domains: newToWiki{}}})
		return sweepItem{id: kind, text: e.New, kind: kind, group: group, lang: lang, edit: e, mem: r}
	}
	items := []sweepItem{
		item("augmented spam, held-out languages", "de", "aug-spam-cite-de", &detectors.Edit{Old: "Der Ort hat 900 Einwohner.",
			New: "Der Ort hat 900 Einwohner.\n[http://guenstige-kredite-sofort.de/angebot Günstige Kredite] Sofortkredit ohne Schufa"}),
		item("Stack Exchange, held-out sites", "en", "ham-qa-en", &detectors.Edit{Format: detectors.FormatMarkdown,
			New: "I had the same race. Close the channel in the producer, see [the memory model](https://go.dev/ref/mem)."}),
	}
	unsure := detectors.Result{Detector: detectors.LinksName, Score: 0.3, Spam: 0.3,
		Links: []detectors.Link{{URL: "https://garten-tipps-24.de/rosen-schneiden", Domain: "garten-tipps-24.de"}},
		Reasons: []detectors.Reason{{Code: detectors.LinkAdded, Weight: 0.1}, {Code: detectors.LinkNewDomain, Weight: 0.12},
			{Code: detectors.LinkSpamModel, Weight: 0.08}}}
	items = append(items, sweepItem{id: "unsure", kind: "aug-spam-recommend-de", group: "augmented spam, held-out languages", lang: "de",
		edit: &detectors.Edit{New: "Gute Tipps: https://garten-tipps-24.de/rosen-schneiden", Anon: true}, mem: unsure})
	var b strings.Builder
	memoryTable(&b, []string{"A"}, [][]sweepItem{items})
	for _, want := range []string{
		"| A | augmented spam, held-out languages | 2 | 50.0% | 50.0% | 100.0% |",
		"| A | Stack Exchange, held-out sites | 1 | 0.0% | 0.0% | 0.0% |",
		"- fold A: de 100.0%",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("memoryTable lacks %q:\n%s", want, b.String())
		}
	}
	if strings.Contains(b.String(), "Real good faith reverted") {
		t.Errorf("memoryTable lists good faith as reverted:\n%s", b.String())
	}
}

// -only keeps the folds it names, in their order, and refuses a name no
// fold has, listing the folds there are.
func TestSelectFolds(t *testing.T) {
	all := func() []fold {
		return []fold{{name: "A: e-mail"}, {name: "B: SMS"}, {name: "D: comments"}, {name: "Dh: half"}}
	}
	got, err := selectFolds(all(), "Dh,A")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].name != "A: e-mail" || got[1].name != "Dh: half" {
		t.Errorf("selectFolds(Dh,A) = %v, want A then Dh", got)
	}
	if _, err := selectFolds(all(), "B,X"); err == nil || !strings.Contains(err.Error(), `"X"`) || !strings.Contains(err.Error(), "A,B,D,Dh") {
		t.Errorf("selectFolds(B,X) error = %v, want it to name X and the folds", err)
	}
}

// TestOperatingShiftSparesEdits checks that the operating shift stops
// before a held-out real regular edit would reach the no-memory threshold,
// however little the other good faith bounds it.
func TestOperatingShiftSparesEdits(t *testing.T) {
	ham := [][]float64{{-8, -8, -8}}
	world := [][]float64{{-8}}
	if got := operatingShift(ham, world, [][]float64{{-8}}); got != maxShift {
		t.Errorf("shift with no edit near the threshold = %v, want %v", got, maxShift)
	}
	edit := logit(thrBlatant) - 0.35
	got := operatingShift(ham, world, [][]float64{{-8}, {edit}})
	if edit+got >= logit(thrBlatant) || got < 0.2 {
		t.Errorf("shift %v: the edit at log-odds %.2f reaches p=%.2f, or the shift stops short of 0.3", got, edit, thrBlatant)
	}
}
