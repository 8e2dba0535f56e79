package bot_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/detectors"
)

// TestDecideMentions checks that a post naming the accounts it talks
// about (credited "on @x", "by @x", or two accounts tagged) is not removed
// on the memory of a probing range or a probed page, while a handle a text
// sends readers to (closing a testimonial, after "with" or a call) still
// is, and an editor tied to the campaign is reverted either way.
func TestDecideMentions(t *testing.T) {
	// result reads every @handle of text as a contact point of the link
	// detector, with the spam model's probability p: leaning to spam, short
	// of blatant.
	result := func(text string, p float64) detectors.Result {
		r := detectors.Result{Detector: "links", Spam: p, Score: 0.1 + 0.6*p,
			Reasons: []detectors.Reason{{Code: detectors.LinkAdded, Weight: 0.1}, {Code: detectors.LinkSpamModel, Weight: 0.6 * p}}}
		for _, w := range strings.Fields(text) {
			if h := strings.TrimRight(w, "!.,:;"); strings.HasPrefix(h, "@") {
				r.Links = append(r.Links, detectors.Link{URL: h})
			}
		}
		return r
	}
	var (
		rng  = bot.Memory{RangeProbed: true, PageProbed: true}
		page = bot.Memory{PageProbed: true}
		ip   = bot.Memory{IPProbed: true, PageProbed: true}
	)
	type R = []decision.Reason
	tests := []struct {
		name   string
		text   string
		p      float64
		mem    bot.Memory
		action decision.Action
		why    R
	}{
		// Credited and tagged accounts: flagged from a range, left alone on a page.
		{"show on a streaming service, range", "Catch the final episode tonight, next day on @streamco!", 0.72, rng,
			decision.ActionFlag, R{decision.WhyFollowUpRange, decision.WhyFollowUpPage, decision.WhyMention}},
		{"show on a streaming service, page", "Catch the final episode tonight, next day on @streamco!", 0.72, page,
			decision.ActionNone, R{decision.WhyFollowUpPage, decision.WhyMention}},
		{"coin issued by a bank", "A new stable coin lands on @chainone, issued by @bigbank.", 0.66, page,
			decision.ActionNone, R{decision.WhyFollowUpPage, decision.WhyMention}},
		{"two friends tagged", "what a match!! @lena_k @tom.r", 0.74, rng,
			decision.ActionFlag, R{decision.WhyFollowUpRange, decision.WhyFollowUpPage, decision.WhyMention}},
		{"collaboration", "@studio_a x @label_b drop their new record friday", 0.65, page,
			decision.ActionNone, R{decision.WhyFollowUpPage, decision.WhyMention}},
		{"two friends tagged mid-sentence", "great night with the crew @lena_k @tom.r see you all next week", 0.74, rng,
			decision.ActionFlag, R{decision.WhyFollowUpRange, decision.WhyFollowUpPage, decision.WhyMention}},
		// Destinations: a testimonial's seller where the text closes,
		// after "with", or one of two accounts after a call.
		{"testimonial closing with its seller", "i got back four times what i put in within a week thanks to @anna_trades.01", 0.72, page,
			decision.ActionRevert, R{decision.WhyFollowUpPage, decision.WhySpamSignals}},
		{"earnings with a seller", "i made $9,000 in two weeks with @coach_mira", 0.66, rng,
			decision.ActionRevert, R{decision.WhyFollowUpRange, decision.WhyFollowUpPage, decision.WhyNewDomain}},
		{"two accounts, the last one sold", "@helpdesk please deploy my coin now and send every fee to @payout_wallet", 0.72, page,
			decision.ActionRevert, R{decision.WhyFollowUpPage, decision.WhySpamSignals}},
		{"single handle opening a reply", "@anna_fx thanks, the signal group doubled my account", 0.72, page,
			decision.ActionRevert, R{decision.WhyFollowUpPage, decision.WhySpamSignals}},
		// An address that probed is tied to the campaign: its credits do not spare it.
		{"credited handle from the probing IP", "Catch the final episode tonight, next day on @streamco!", 0.72, ip,
			decision.ActionRevertBlock, R{decision.WhyFollowUpIP, decision.WhyFollowUpPage, decision.WhySpamSignals}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &detectors.Edit{User: "192.0.2.7", Anon: true, Format: detectors.FormatMarkdown, Old: "Earlier post.", New: "Earlier post.\n" + tt.text}
			d := bot.Decide(e, []detectors.Result{result(tt.text, tt.p)}, tt.mem, bot.Policy{})
			if d.Action != tt.action || !slices.Equal(d.Why, tt.why) {
				t.Errorf("Decide = %s %v, want %s %v", d.Action, d.Why, tt.action, tt.why)
			}
		})
	}
}
