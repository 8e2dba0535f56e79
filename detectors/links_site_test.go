package detectors

import (
	"math"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/spamscore"
)

// fixedSiteSpam adds the same log-odds to every text.
type fixedSiteSpam float64

func (f fixedSiteSpam) LogOdds(spamscore.Doc) float64 { return float64(f) }

// TestLinksSiteSpam: the site's learned evidence moves the model's
// probability both ways, says so in the model's reason, and never raises
// an addition whose every link goes to a domain the wiki cites.
func TestLinksSiteSpam(t *testing.T) {
	// A link the model is unsure of (p 0.2-0.25 with sessions 17 and 18's
	// models), so that a shift of the log-odds shows in the probability
	// whichever way it goes: near 0.99 a raise moves it by less than
	// siteSpamLift.
	const old = "The town has a harbour.\n"
	add := old + "Visitors combine it with a walk along [https://www.harbourwalks.org/ the old quay].\n"
	cases := []struct {
		name  string
		z     float64
		known []string
		up    bool // the probability rises
		same  bool // the probability stays the model's
		words string
	}{
		{name: "nothing learned", z: 0, same: true},
		{name: "raised", z: 2, up: true, words: "raised it by"},
		{name: "lowered", z: -2, words: "lowered it by"},
		{name: "cited domain never raised", z: 2, known: []string{"harbourwalks.org"}, same: true},
		{name: "cited domain may be lowered", z: -2, known: []string{"harbourwalks.org"}, words: "lowered it by"},
	}
	base := Links(linksTestInput(old, add, newLinksTestHistory(nil, nil))).Spam
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := linksTestInput(old, add, newLinksTestHistory(c.known, nil))
			in.Env.SiteSpam = fixedSiteSpam(c.z)
			r := Links(in)
			switch {
			case c.same && math.Abs(r.Spam-base) > 0.001:
				t.Errorf("spam %.3f, want the model's %.3f", r.Spam, base)
			case !c.same && c.up && r.Spam <= base:
				t.Errorf("spam %.3f, want above the model's %.3f", r.Spam, base)
			case !c.same && !c.up && r.Spam >= base:
				t.Errorf("spam %.3f, want below the model's %.3f", r.Spam, base)
			}
			for _, rs := range r.Reasons {
				if rs.Code == LinkSpamModel && c.words != "" && !strings.Contains(rs.Detail, c.words) {
					t.Errorf("model's reason %q lacks %q", rs.Detail, c.words)
				}
			}
		})
	}
}
