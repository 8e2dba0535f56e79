package bot_test

import (
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/detectors"
)

// TestDecideFollowUpEvidence covers the content evidence a neighbour's or
// a probed page's memory acts on short of blatant spam: a raw IP host
// counts even where the spam model reads plain good faith; a document of
// a reputable source, and links whose text names what the page is about,
// are flagged, not reverted, on memory alone.
func TestDecideFollowUpEvidence(t *testing.T) {
	rng := bot.Memory{RangeProbed: true, PageProbed: true}
	page := bot.Memory{PageProbed: true}
	own := bot.Memory{IPProbed: true}
	// A page about a group of fossils, long enough to tell what it is about.
	fossils := strings.Repeat("The Agnostida are an order of small arthropods known from Cambrian and Ordovician rocks. ", 5)
	edit := func(old string) *detectors.Edit {
		return &detectors.Edit{User: "192.0.2.7", Anon: true, Old: old, New: old + "\n* link"}
	}
	result := func(url, domain, anchor string, p float64, extra ...detectors.Reason) detectors.Result {
		r := detectors.Result{Detector: "links", Spam: p,
			Links:   []detectors.Link{{URL: url, Domain: domain, Anchor: anchor}},
			Reasons: append([]detectors.Reason{{Code: detectors.LinkAdded, Weight: 0.1}, {Code: detectors.LinkNewDomain, Weight: 0.12}, {Code: detectors.LinkSpamModel}}, extra...)}
		for _, x := range r.Reasons {
			r.Score += x.Weight
		}
		return r
	}
	ipHost := detectors.Reason{Code: detectors.LinkIPHost, Weight: 0.2}
	shortener := detectors.Reason{Code: detectors.LinkShortener, Weight: 0.45}
	const shop = "http://cheap-deals-shop.example/offers/spring.html"
	for _, c := range []struct {
		name string
		old  string
		r    detectors.Result
		mem  bot.Memory
		want decision.Action
		why  decision.Reason // among the reasons, if set
	}{
		// A raw IP host: a signal the model's good-faith reading does not clear.
		{"IP host, model reads good faith, range", "", result("http://203.0.113.9/sc/index.html", "203.0.113.9", "", 0.03, ipHost), rng, decision.ActionRevert, decision.WhySpamSignals},
		{"IP host, model reads good faith, page only", "", result("http://203.0.113.9/sc/index.html", "203.0.113.9", "", 0.03, ipHost), page, decision.ActionRevert, decision.WhySpamSignals},
		{"IP host, model reads good faith, no memory", "", result("http://203.0.113.9/sc/index.html", "203.0.113.9", "", 0.03, ipHost), bot.Memory{}, decision.ActionNone, ""},
		{"shortener, model reads good faith, range", "", result("https://goo.gl/abc123", "goo.gl", "", 0.03, shortener), rng, decision.ActionFlag, decision.WhyNoSpamSignal},

		// A document of a reputable source: a domain the wiki cites, as far as memory goes.
		{"reputable document, weak evidence, range", "", result("https://www.bbc.co.uk/news/science-environment-1234", "bbc.co.uk", "", 0.3), rng, decision.ActionFlag, decision.WhyKnownDomain},
		{"reputable document, weak evidence, own IP", "", result("https://www.bbc.co.uk/news/science-environment-1234", "bbc.co.uk", "", 0.3), own, decision.ActionFlag, decision.WhyKnownDomain},
		{"reputable document, model signal, page only", "", result("https://www.bbc.co.uk/news/science-environment-1234", "bbc.co.uk", "", 0.75), page, decision.ActionFlag, decision.WhyKnownDomain},
		{"reputable front page, range", "", result("https://www.bbc.co.uk/", "bbc.co.uk", "", 0.3), rng, decision.ActionRevert, decision.WhyNewDomain},
		{"bare reputable domain, range", "", result("youtube.com", "youtube.com", "", 0.3), rng, decision.ActionRevert, decision.WhyNewDomain},
		{"channel on a reputable platform, range", "", result("https://www.youtube.com/@cheapdeals", "youtube.com", "", 0.3), rng, decision.ActionRevert, decision.WhyNewDomain},
		{"reputable document, blatant", "", result("https://www.bbc.co.uk/news/science-environment-1234", "bbc.co.uk", "", 0.95, detectors.Reason{Code: detectors.LinkSpamWords, Weight: 0.5}), rng, decision.ActionRevertBlock, ""},

		// Link text naming what the page is about.
		{"anchor names the page, weak evidence, range", fossils, result(shop, "cheap-deals-shop.example", "Order Agnostida", 0.3), rng, decision.ActionFlag, decision.WhyCitationLike},
		{"anchor names the page, model signal, page only", fossils, result(shop, "cheap-deals-shop.example", "Agnostida arthropods", 0.75), page, decision.ActionFlag, decision.WhyCitationLike},
		{"anchor names the page, model signal, own IP", fossils, result(shop, "cheap-deals-shop.example", "Agnostida fossils", 0.75), own, decision.ActionRevertBlock, decision.WhySpamSignals},
		{"anchor of the page's words, not a name in it, range", fossils, result(shop, "cheap-deals-shop.example", "small arthropods", 0.3), rng, decision.ActionRevert, decision.WhyNewDomain},
		{"one word of the page, range", fossils, result(shop, "cheap-deals-shop.example", "Agnostida", 0.3), rng, decision.ActionRevert, decision.WhyNewDomain},
		{"anchor unrelated to the page, range", fossils, result(shop, "cheap-deals-shop.example", "Spring discounts today", 0.3), rng, decision.ActionRevert, decision.WhyNewDomain},
		{"anchor unrelated to the page, model signal, page only", fossils, result(shop, "cheap-deals-shop.example", "Spring discounts", 0.75), page, decision.ActionRevert, decision.WhySpamSignals},
		{"page too short to tell, range", "Agnostida.", result(shop, "cheap-deals-shop.example", "Order Agnostida", 0.3), rng, decision.ActionRevert, decision.WhyNewDomain},
	} {
		d := bot.Decide(edit(c.old), []detectors.Result{c.r}, c.mem, bot.Policy{})
		if d.Action != c.want {
			t.Errorf("%s: Decide = %s %s %v, want %s", c.name, d.Verdict, d.Action, d.Why, c.want)
		}
		if c.why != "" && !d.Has(c.why) {
			t.Errorf("%s: Decide = %v, want %s among the reasons", c.name, d.Why, c.why)
		}
	}
}
