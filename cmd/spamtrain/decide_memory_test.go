package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/detectors"
)

// TestDecideTable checks the memory report on hand-made results the spam
// model is unsure of (p 0.3): a link to a new domain's front page in a
// wiki page's running text, reverted on a probed page and from a probing
// range; the same link in a forum post, reverted only from a range whose
// wiki's domain history is rich; and the wiki link as good faith, listed
// as memory's revert (the forum post is not).
func TestDecideTable(t *testing.T) {
	unsure := func(u, domain string) detectors.Result {
		return detectors.Result{Detector: detectors.LinksName, Score: 0.3, Spam: 0.3,
			Links: []detectors.Link{{URL: u, Domain: domain, Anchor: "Gartentipps"}},
			Reasons: []detectors.Reason{{Code: detectors.LinkAdded, Weight: 0.1}, {Code: detectors.LinkNewDomain, Weight: 0.12},
				{Code: detectors.LinkSpamModel, Weight: 0.08}}}
	}
	wiki := &detectors.Edit{Anon: true, User: "192.0.2.1", Old: "Der Ort hat 900 Einwohner.",
		New: "Der Ort hat 900 Einwohner. Siehe [https://garten-tipps-24.de/ Gartentipps]."}
	post := &detectors.Edit{Anon: true, User: "192.0.2.1", Format: detectors.FormatMarkdown,
		New: "Siehe [Gartentipps](https://rosen-forum.de/)."}
	items := []sweepItem{
		{id: "wiki", kind: "aug-spam-recommend-de", group: "augmented spam, held-out languages", lang: "de", edit: wiki,
			mem: unsure("https://garten-tipps-24.de/", "garten-tipps-24.de")},
		{id: "post", text: post.New, kind: "ham-qa-de", group: "Stack Exchange, held-out sites", lang: "de", edit: post,
			mem: unsure("https://rosen-forum.de/", "rosen-forum.de")},
		{id: "article", text: wiki.New, kind: "ham-page-de", group: "article paragraphs, references, external links", lang: "de", edit: wiki,
			mem: unsure("https://garten-tipps-24.de/", "garten-tipps-24.de")},
	}
	var b strings.Builder
	decideTable(&b, []string{"A"}, [][]sweepItem{items})
	for _, want := range []string{
		"| fold | set | items | no memory | probed page only | range probed, thin domain history | range probed |",
		"| A | augmented spam, held-out languages | 1 | 0.0% | 100.0% | 100.0% | 100.0% |",
		"| A | Stack Exchange, held-out sites | 1 | 0.0% | 0.0% | 0.0% | 100.0% |",
		"- fold A, probed page only: p=0.30 `article`",
		"- fold A, range probed, thin domain history: p=0.30 `article`",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("decideTable lacks %q:\n%s", want, b.String())
		}
	}
	if strings.Contains(b.String(), "`post`") {
		t.Errorf("decideTable lists the forum post, which only a rich-history range reverts:\n%s", b.String())
	}
}

// TestDecideReport checks the comment report on hand-made items of fold
// D's tuning half: a testimonial whose handle the detector did not read
// (kept, no link read), one it read and the range reverts, a credited
// handle (good faith, flagged not reverted), and a reply naming one
// account that the range's memory alone reverts (counted as handles).
func TestDecideReport(t *testing.T) {
	handle := func(h string, p float64) detectors.Result {
		return detectors.Result{Detector: detectors.LinksName, Score: 0.1 + 0.5*p, Spam: p, Links: []detectors.Link{{URL: h}},
			Reasons: []detectors.Reason{{Code: detectors.LinkAdded, Weight: 0.1}, {Code: detectors.LinkSpamModel, Weight: 0.5 * p}}}
	}
	post := func(text string) *detectors.Edit {
		return &detectors.Edit{Anon: true, User: "192.0.2.1", Format: detectors.FormatMarkdown, New: text}
	}
	// Ids of the tuning half (heldHalf false).
	var ids []string
	for i := 0; len(ids) < 4; i++ {
		if id := fmt.Sprintf("igcomment:%d", i); !heldHalf(id) {
			ids = append(ids, id)
		}
	}
	items := []sweepItem{
		{id: ids[0], group: "comment spam with words", edit: post("i tripled my savings in a month @mira_fx"), mem: detectors.Result{Detector: detectors.LinksName}},
		{id: ids[1], group: "comment spam with words", edit: post("i tripled my savings in a month @mira_fx"), mem: handle("@mira_fx", 0.65)},
		{id: ids[2], group: "comment good faith with a contact", edit: post("the final airs tonight on @streamco!"), mem: handle("@streamco", 0.65)},
		{id: ids[3], group: "comment good faith with a contact", edit: post("so proud of you, see you soon @lena"), mem: handle("@lena", 0.3)},
	}
	var b strings.Builder
	decideReport(&b, []string{"A", "D"}, [][]sweepItem{nil, items})
	if want := "| D | 2 | 1 | 1 | 0 | 0 | 2 | 1 | 1 | 0 | 0 |"; !strings.Contains(b.String(), want) {
		t.Errorf("decideReport lacks %q:\n%s", want, b.String())
	}
	if strings.Contains(b.String(), "| A |") {
		t.Errorf("decideReport reports fold A:\n%s", b.String())
	}
}
