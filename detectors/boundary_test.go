package detectors

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestProbeNextToMarkup measures the probe detector on a second, harsher
// injection than TestProbeAtEveryPosition's: a token put right before a
// random space, line break or markup character of a real page (" tok" before
// "|", "=", "]]", "}}", "<", ...), so that it often lands inside a template
// parameter's name, a heading's closing "==", a link target or an
// attribute, where a careless reader takes it for code. Styles: lower case,
// mixed case, letters and digits (some capitals), pronounceable; 8 to 12
// characters, 150 tokens each, fixed seed, the built-in model and no
// dictionary. It asserts floors a little under today's figures, so a change
// that loses recall next to markup fails here.
func TestProbeNextToMarkup(t *testing.T) {
	pages := readDevPages(t)
	r := rand.New(rand.NewPCG(99, 7))
	const per = 150
	floors := map[string]float64{"lower": 0.97, "mixed": 0.97, "alnum": 0.95, "pron": 0.85}
	for _, style := range []string{"lower", "mixed", "alnum", "pron"} {
		hit, all := 0, 0
		var line strings.Builder
		for n := 8; n <= 12; n++ {
			h := 0
			for range per {
				pg := pages[r.IntN(len(pages))].Text
				tok := boundaryToken(r, style, n)
				e := &Edit{Anon: true, User: "192.0.2.1", Old: pg, New: insertBeforeBoundary(r, pg, tok)}
				if Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: &Env{}}).Score >= DefaultProbeThreshold {
					h++
				}
			}
			fmt.Fprintf(&line, " %d: %.1f%%", n, 100*float64(h)/per)
			hit, all = hit+h, all+per
		}
		rate := float64(hit) / float64(all)
		t.Logf("%-6s 8-12 %.2f%% (%s)", style, 100*rate, strings.TrimSpace(line.String()))
		if rate < floors[style] {
			t.Errorf("%s tokens next to markup: recall %.2f%%, want at least %.0f%%", style, 100*rate, 100*floors[style])
		}
	}
}

func boundaryToken(r *rand.Rand, style string, n int) string {
	const lower, digits = "abcdefghijklmnopqrstuvwxyz", "0123456789"
	const cons, vowels = "bcdfghjklmnpqrstvwxz", "aeiou"
	b := make([]byte, n)
	for {
		for i := range b {
			switch style {
			case "lower":
				b[i] = lower[r.IntN(26)]
			case "mixed":
				b[i] = lower[r.IntN(26)]
				if r.IntN(2) == 0 {
					b[i] -= 'a' - 'A'
				}
			case "alnum":
				b[i] = (lower + digits)[r.IntN(36)]
				if b[i] >= 'a' && r.IntN(4) == 0 {
					b[i] -= 'a' - 'A'
				}
			case "pron":
				if i%2 == 0 {
					b[i] = cons[r.IntN(len(cons))]
				} else {
					b[i] = vowels[r.IntN(5)]
				}
			}
		}
		s := string(b)
		if style != "alnum" || (strings.ContainsAny(s, digits) && strings.Trim(s, digits) != "") {
			return s
		}
	}
}

// insertBeforeBoundary puts " tok" before a random space, line break or
// markup character of text; one time in ten, on a line of its own with a
// leading space at the end of the page.
func insertBeforeBoundary(r *rand.Rand, text, tok string) string {
	if r.IntN(10) == 0 {
		return strings.TrimRight(text, "\n") + "\n " + tok + "\n"
	}
	for range 50 {
		i := r.IntN(len(text))
		for i < len(text) && !strings.ContainsRune(" \n|[]{}<>=", rune(text[i])) {
			i++
		}
		if i < len(text) {
			return text[:i] + " " + tok + text[i:]
		}
	}
	return text + " " + tok
}
