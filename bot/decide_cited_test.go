package bot_test

import (
	"testing"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/textview"
)

// TestDecideCitedWeakEvidence covers the rule that a neighbour's
// memory alone does not revert a citation whose only evidence is weak (the
// spam model short of a signal): a link in a reference or citation
// template with a title, to a document, is flagged for a human; the same
// link in prose, in a citation with no title to read, or to a front page
// or a tracked landing page, is still reverted.
func TestDecideCitedWeakEvidence(t *testing.T) {
	anon := &detectors.Edit{User: "192.0.2.7", Anon: true}
	rng := bot.Memory{RangeProbed: true, PageProbed: true}
	result := func(anchor string, place textview.LinkPlace, p float64) detectors.Result {
		return detectors.Result{Detector: "links", Score: 0.4, Spam: p,
			Links:   []detectors.Link{{URL: "http://www.ynetnews.com/articles/0,7340,L-3207845,00.html", Domain: "ynetnews.com", Anchor: anchor, Place: place}},
			Reasons: []detectors.Reason{{Code: detectors.LinkAdded, Weight: 0.1}, {Code: detectors.LinkNewDomain, Weight: 0.3}, {Code: detectors.LinkSpamModel}}}
	}
	at := func(r detectors.Result, u string) detectors.Result {
		r.Links[0].URL = u
		return r
	}
	for _, c := range []struct {
		name string
		r    detectors.Result
		mem  bot.Memory
		want decision.Action
	}{
		{"cited, short title", result("Gaza pullout ends", textview.LinkCited, 0.5), rng, decision.ActionFlag},
		{"cited and archived", result("Gaza pullout ends", textview.LinkCited|textview.LinkArchive, 0.3), rng, decision.ActionFlag},
		{"prose, short anchor", result("Gaza pullout ends", 0, 0.5), rng, decision.ActionRevert},
		{"external links list", result("Gaza pullout ends", textview.LinkExtSection, 0.5), rng, decision.ActionRevert},
		{"cited, one word", result("here", textview.LinkCited, 0.5), rng, decision.ActionRevert},
		{"cited, a label", result("fitness blog", textview.LinkCited, 0.5), rng, decision.ActionRevert},
		{"cited, the URL as title", result("http://www.ynetnews.com/ Gaza", textview.LinkCited, 0.5), rng, decision.ActionRevert},
		{"cited, a front page", at(result("Gaza pullout ends", textview.LinkCited, 0.5), "https://www.ynetnews.com/"), rng, decision.ActionRevert},
		{"cited, a tracked landing page", at(result("Gaza pullout ends", textview.LinkCited, 0.5), "https://www.ynetnews.com/offer?utm_source=wiki"), rng, decision.ActionRevert},
		{"cited, a referral code", at(result("Gaza pullout ends", textview.LinkCited, 0.5), "https://www.ynetnews.com/shop?ref=1234"), rng, decision.ActionRevert},
		{"cited, a query that is no tracking", at(result("Gaza pullout ends", textview.LinkCited, 0.5), "https://www.ynetnews.com/article.php?id=1234"), rng, decision.ActionFlag},
		{"cited, signal", result("Gaza pullout ends", textview.LinkCited, 0.75), rng, decision.ActionRevert},
		{"cited, own IP", result("Gaza pullout ends", textview.LinkCited, 0.5), bot.Memory{IPProbed: true}, decision.ActionRevert},
	} {
		d := bot.Decide(anon, []detectors.Result{c.r}, c.mem, bot.Policy{})
		if d.Action != c.want {
			t.Errorf("%s: Decide = %s %s %v, want %s", c.name, d.Verdict, d.Action, d.Why, c.want)
		}
		if c.want == decision.ActionFlag && !d.Has(decision.WhyCitationLike) {
			t.Errorf("%s: Decide = %v, want %s among the reasons", c.name, d.Why, decision.WhyCitationLike)
		}
	}
}

// TestDecideCitationShapedSpam scores citation-shaped additions with the
// link detector and decides them under a probing range's memory: spam in a
// citation's shape is still reverted and blocked, a reputable citation is
// not reverted.
func TestDecideCitationShapedSpam(t *testing.T) {
	const old = "The town has a market.\n\n== History ==\nIt was founded in 1820.\n"
	rng := bot.Memory{RangeProbed: true, PageProbed: true}
	for _, c := range []struct {
		name, add string
		revert    bool
	}{
		{"advert in a cite template", "<ref>{{cite web|url=http://cheap-uggs-boots.net/outlet/cheap-ugg-boots-sale.html|title=Best casino guide 2023}}</ref>", true},
		{"shortener in a reference", "<ref>[https://bit.ly/3xYzAbC Buy cheap viagra online]</ref>", true},
		{"news citation", "<ref>{{cite news |url=http://www.ynetnews.com/articles/0,7340,L-3207845,00.html |title=Settlers leave Gaza as the pullout ends |publisher=Yedioth Group |date=2005-09-12}}</ref>", false},
		{"journal citation", "<ref>{{cite journal |last=Hale |first=A. |title=Market towns of the river valley |journal=Journal of Historical Geography |volume=12 |year=1986 |url=https://www.jstor.org/stable/2345678}}</ref>", false},
	} {
		edit := &detectors.Edit{Title: "Town", User: "203.0.113.77", Anon: true, Old: old,
			New: "The town has a market.\n\n== History ==\nIt was founded in 1820." + c.add + "\n"}
		r := detectors.Links(&detectors.Input{Edit: edit, Added: decideDiff(edit.Old, edit.New),
			Env: &detectors.Env{Domains: fixtureHistory{known: map[string]bool{"wikipedia.org": true}}}})
		d := bot.Decide(edit, []detectors.Result{r}, rng, bot.Policy{})
		if d.Reverts() != c.revert {
			t.Errorf("%s: Decide = %s %s %v (links %.2f, p=%.2f, %v), want revert %v", c.name, d.Verdict, d.Action, d.Why, r.Score, r.Spam, r.Links, c.revert)
		}
	}
}

// TestDecideCutCitation changes only the url line of a multi-line
// citation, so that the diff adds "| url = …" without its "{{cite news":
// under a probing range's memory the citation's new address is read as
// the citation it sits in (flagged at most), and an advert put into a
// citation that way is still reverted.
func TestDecideCutCitation(t *testing.T) {
	page := func(url, title string) string {
		return "The ceasefire held for a month.<ref>{{cite news\n  | last = Benhorin\n  | first = Yitzhak\n  | title = " + title +
			"\n  | publisher = Yedioth Group\n  | url = " + url + "\n  | accessdate = 2008-07-01}}</ref> It ended in June.\n"
	}
	const oldURL = "http://www.ynetnews.com/articles/0,7340,L-1111111,00.html"
	rng := bot.Memory{RangeProbed: true, PageProbed: true}
	for _, c := range []struct {
		name, url, title string
		revert           bool
	}{
		{"a news article's address updated", "http://www.ynetnews.com/articles/0,7340,L-3207845,00.html", "Hamas: Ceasefire for return to 1967 border", false},
		// The model reads a travel blog's guide short of good faith
		// (weak evidence): a link in prose would be reverted.
		{"a guide's address updated", "http://bloggordo.com/andorra-guia-turismo-y-de-viajes/", "Andorra: guía de turismo y de viajes", false},
		{"an advert's address put in", "http://cheap-uggs-boots.net/outlet/cheap-ugg-boots-sale.html?utm_source=wiki", "Best casino guide 2023", true},
	} {
		edit := &detectors.Edit{Title: "Ceasefire", User: "203.0.113.77", Anon: true, Old: page(oldURL, c.title), New: page(c.url, c.title)}
		r := detectors.Links(&detectors.Input{Edit: edit, Added: decideDiff(edit.Old, edit.New),
			Env: &detectors.Env{Domains: fixtureHistory{known: map[string]bool{"wikipedia.org": true}}}})
		if len(r.Links) != 1 || r.Links[0].Place&textview.LinkCited == 0 {
			t.Fatalf("%s: links %+v, want one cited", c.name, r.Links)
		}
		d := bot.Decide(edit, []detectors.Result{r}, rng, bot.Policy{})
		if d.Reverts() != c.revert {
			t.Errorf("%s: Decide = %s %s %v (links %.2f, p=%.2f, %v), want revert %v", c.name, d.Verdict, d.Action, d.Why, r.Score, r.Spam, r.Links, c.revert)
		}
	}
}
