package bot_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/textview"
)

// TestDecidePlaced checks that a probing range's neighbour who puts an
// untitled link to a new domain where sources and official sites go (an
// infobox's website, an organisation's line in a list or its external
// link, named by the text) is flagged rather than reverted while the spam
// model gives it little weight, and that the same link is still reverted
// in the running text, under a label that names nothing, with campaign
// tracking, or where the model's probability reaches 0.4.
func TestDecidePlaced(t *testing.T) {
	const (
		infobox = "{{Infobox brewery\n| name = Lindenhof\n| website = %s\n}}"
		orgLine = "* [%s ATO annual report]"
		company = "'''Bluesoft''' is a maker of looms founded in 1903.\n\n== External links ==\n* [%s Official website]"
		label   = "* [%s more info]"
		prose   = "The Lindenhof brewery was founded in 1871, see %s for its history."
	)
	edit := func(format, url string) *detectors.Edit {
		return &detectors.Edit{Title: "Brewing in Franconia", User: "198.51.100.44", Anon: true,
			Old: "Brewing in Franconia has a long history.\n", New: "Brewing in Franconia has a long history.\n" + fmt.Sprintf(format, url) + "\n"}
	}
	result := func(url, domain, anchor string, place textview.LinkPlace, p float64) detectors.Result {
		return detectors.Result{Detector: "links", Spam: p, Score: 0.22 + 0.1*p,
			Links: []detectors.Link{{URL: url, Domain: domain, Anchor: anchor, Place: place}},
			Reasons: []detectors.Reason{{Code: detectors.LinkAdded, Weight: 0.1}, {Code: detectors.LinkNewDomain, Weight: 0.12},
				{Code: detectors.LinkSpamModel, Weight: 0.1 * p}}}
	}
	var (
		rng     = bot.Memory{RangeProbed: true, PageProbed: true}
		flagged = []decision.Reason{decision.WhyFollowUpRange, decision.WhyFollowUpPage, decision.WhyNewDomain, decision.WhyCitationLike}
		removed = []decision.Reason{decision.WhyFollowUpRange, decision.WhyFollowUpPage, decision.WhyNewDomain}
	)
	tests := []struct {
		name   string
		format string
		link   detectors.Link
		p      float64
		action decision.Action
	}{
		{"infobox website", infobox, detectors.Link{URL: "https://www.lindenhof-brau.example/", Domain: "lindenhof-brau.example"}, 0.2,
			decision.ActionFlag},
		{"organisation's line", orgLine, detectors.Link{URL: "https://www.ato.example/", Domain: "ato.example", Anchor: "ATO annual report"}, 0.3,
			decision.ActionFlag},
		{"company's external link", company, detectors.Link{URL: "https://www.bluesoft-online.example/", Domain: "bluesoft-online.example",
			Anchor: "Official website", Place: textview.LinkExtSection}, 0.25, decision.ActionFlag},
		{"infobox website, tracked", infobox, detectors.Link{URL: "https://lindenhof-brau.example/?utm_source=wiki", Domain: "lindenhof-brau.example"}, 0.2,
			decision.ActionRevert},
		{"organisation's line, tracked", orgLine, detectors.Link{URL: "https://www.ato.example/report?ref=ab12", Domain: "ato.example", Anchor: "ATO annual report"}, 0.3,
			decision.ActionRevert},
		{"list item, label names nothing", label, detectors.Link{URL: "https://www.cellar-deals.example/", Domain: "cellar-deals.example", Anchor: "more info"}, 0.2,
			decision.ActionRevert},
		{"organisation's line, domain unnamed", orgLine, detectors.Link{URL: "https://www.cellar-deals.example/", Domain: "cellar-deals.example",
			Anchor: "ATO annual report"}, 0.3, decision.ActionRevert},
		{"running text, named", prose, detectors.Link{URL: "https://www.lindenhof-brau.example/", Domain: "lindenhof-brau.example"}, 0.2,
			decision.ActionRevert},
		{"infobox website, model at 0.4", infobox, detectors.Link{URL: "https://www.lindenhof-brau.example/", Domain: "lindenhof-brau.example"}, 0.45,
			decision.ActionRevert},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := edit(tt.format, tt.link.URL)
			r := result(tt.link.URL, tt.link.Domain, tt.link.Anchor, tt.link.Place, tt.p)
			d := bot.Decide(e, []detectors.Result{r}, rng, bot.Policy{})
			want := removed
			if tt.action == decision.ActionFlag {
				want = flagged
			}
			if d.Action != tt.action || !slices.Equal(d.Why, want) {
				t.Errorf("Decide = %s %s %v, want %s %v", d.Verdict, d.Action, d.Why, tt.action, want)
			}
			// A placed link the range's memory flags is left alone on a
			// probed page.
			if d := bot.Decide(e, []detectors.Result{r}, bot.Memory{PageProbed: true}, bot.Policy{}); tt.action == decision.ActionFlag && d.Reverts() {
				t.Errorf("probed page only: Decide = %s %s %v, want not reverted", d.Verdict, d.Action, d.Why)
			}
		})
	}
}
