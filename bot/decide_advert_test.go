package bot_test

import (
	"slices"
	"testing"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/detectors"
)

// TestDecideAdvertLeans checks that one piece of advert vocabulary on a
// link to a new domain is blatant spam, with no memory, where the spam
// model leans to spam, and only there: not when the model is unsure, not
// on a domain the wiki cites, not with a headline's weak word.
func TestDecideAdvertLeans(t *testing.T) {
	anon := &detectors.Edit{User: "192.0.2.7", Anon: true}
	result := func(p float64, reasons ...detectors.Reason) detectors.Result {
		r := detectors.Result{Detector: "links", Spam: p,
			Links: []detectors.Link{{URL: "https://sunny-loans.example/apply", Domain: "sunny-loans.example", Anchor: "apply today"}}}
		for _, x := range append([]detectors.Reason{{Code: detectors.LinkAdded, Weight: 0.1}}, reasons...) {
			r.Reasons = append(r.Reasons, x)
			r.Score += x.Weight
		}
		r.Reasons = append(r.Reasons, detectors.Reason{Code: detectors.LinkSpamModel, Weight: 0.1})
		r.Score += 0.1
		return r
	}
	var (
		newDomain = detectors.Reason{Code: detectors.LinkNewDomain, Weight: 0.12}
		advert    = detectors.Reason{Code: detectors.LinkSpamWords, Weight: 0.2} // a spam word in the domain's name
		headline  = detectors.Reason{Code: detectors.LinkSpamWords, Weight: 0.1}
	)
	type R = []decision.Reason
	tests := []struct {
		name    string
		r       detectors.Result
		verdict decision.Verdict
		action  decision.Action
		why     R
	}{
		{"advert word, new domain, model leans", result(0.65, newDomain, advert), decision.VerdictLinkSpam, decision.ActionRevert, R{decision.WhySpamSignals}},
		{"advert word, new domain, model unsure", result(0.55, newDomain, advert), decision.VerdictOK, decision.ActionNone, R{decision.WhyLinksNoHist}},
		{"advert word, cited domain, model leans", result(0.65, advert), decision.VerdictOK, decision.ActionNone, R{decision.WhyLinksNoHist}},
		{"headline word, new domain, model leans", result(0.65, newDomain, headline), decision.VerdictOK, decision.ActionNone, R{decision.WhyLinksNoHist}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := bot.Decide(anon, []detectors.Result{tt.r}, bot.Memory{}, bot.Policy{})
			if d.Verdict != tt.verdict || d.Action != tt.action || !slices.Equal(d.Why, tt.why) {
				t.Errorf("Decide = %s %s %v, want %s %s %v", d.Verdict, d.Action, d.Why, tt.verdict, tt.action, tt.why)
			}
		})
	}
}
