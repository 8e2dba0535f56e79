package eval

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/detectors"
)

// Explained is one record the bot judged wrongly, with the evidence: the
// worst false positives and misses of a run (Options.Explain).
type Explained struct {
	ID       string             `json:"id"`
	Line     int                `json:"line"`
	Kind     string             `json:"kind,omitempty"`
	Title    string             `json:"title,omitempty"`
	Decision decision.Decision  `json:"decision"`
	Results  []detectors.Result `json:"results"`
	Critical float64            `json:"-"` // the highest common threshold at which the bot reverts it
	Text     string             `json:"text"`
}

// worst keeps the n worst records of one side: the false positives with the
// highest critical thresholds (reverted even at strict thresholds), or the
// misses with the lowest (kept even at lax ones).
type worst struct {
	n     int
	high  bool
	items []Explained
}

func (w *worst) worse(a, b float64) bool {
	if w.high {
		return a > b
	}
	return a < b
}

// offer considers one record; make builds it only when it is kept.
func (w *worst) offer(crit float64, make func() Explained) {
	if w.n <= 0 {
		return
	}
	if len(w.items) == w.n && !w.worse(crit, w.items[len(w.items)-1].Critical) {
		return
	}
	x := make()
	x.Critical = crit
	i := slices.IndexFunc(w.items, func(o Explained) bool { return w.worse(crit, o.Critical) })
	if i < 0 {
		i = len(w.items)
	}
	w.items = slices.Insert(w.items, i, x)
	if len(w.items) > w.n {
		w.items = w.items[:w.n]
	}
}

// addedText is what a record adds, shortened for a report.
func addedText(rec Record) string {
	added := detectors.Diff(rec.Old, rec.New)
	s := strings.Join(added.Lines, " ⏎ ")
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		s = s[:300]
		for len(s) > 0 && s[len(s)-1]&0xC0 == 0x80 {
			s = s[:len(s)-1]
		}
		s += "…"
	}
	return s
}

// writeExplained lists the worst false positives and misses.
func writeExplained(w io.Writer, fps, misses []Explained) error {
	var b strings.Builder
	section := func(title string, xs []Explained) {
		fmt.Fprintf(&b, "\n%s (%d):\n", title, len(xs))
		for _, x := range xs {
			crit := "never"
			if !math.IsInf(x.Critical, 0) {
				crit = fmt.Sprintf("%.3f", x.Critical)
			}
			fmt.Fprintf(&b, "\n- %s (line %d", x.ID, x.Line)
			if x.Kind != "" {
				fmt.Fprintf(&b, ", kind %s", x.Kind)
			}
			fmt.Fprintf(&b, ") %q: reverted from threshold %s; decision %s %s %v\n", x.Title, crit, x.Decision.Verdict, x.Decision.Action, x.Decision.Why)
			fmt.Fprintf(&b, "  adds: %s\n", x.Text)
			for _, r := range x.Results {
				fmt.Fprintf(&b, "  %s %.3f", r.Detector, r.Score)
				if r.Spam > 0 {
					fmt.Fprintf(&b, " (spam model p=%.3f)", r.Spam)
				}
				b.WriteString("\n")
				for _, reason := range r.Reasons {
					fmt.Fprintf(&b, "    %.3f %s\n", reason.Weight, reason)
				}
			}
		}
	}
	section("worst false positives", fps)
	section("worst misses", misses)
	_, err := io.WriteString(w, b.String())
	return err
}
