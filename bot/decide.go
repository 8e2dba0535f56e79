package bot

import (
	"net/url"
	"strings"
	"unicode"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/spamscore"
	"github.com/wikiwarden/wikiwarden/textview"
)

// Memory is what the store knows about an edit's editor and page at the time
// of the decision. The zero value means "nothing known". Memory lowers the
// bar for content that looks like spam; it never by itself reverts and
// blocks content that looks like a good-faith citation (see Decide).
type Memory struct {
	IPProbed    bool // this IP made a probe within the watch window
	RangeProbed bool // another IP of this IP's range made a probe within the window
	PageProbed  bool // the page was probed within the window
	// FewKnownDomains says the wiki's domain history is too thin for "new
	// domain" to mean much: then most reputable sources look new too, and
	// a neighbour's link to a new domain is flagged rather than reverted.
	FewKnownDomains bool
	// KnownToken says the edit adds a token the store remembers from a
	// probe, on this wiki or any other sharing the store: the same campaign.
	// Compute it from the words the edit adds (runs of letters and digits
	// in the added lines that the old text lacks): true if store.TokenEvents
	// of any of them returns an event of kind store.EventProbe whose RevID
	// is not this edit's. No window: tokens live as long as the store's
	// retention.
	KnownToken bool
	// EditorSpammed says the same editor (the IP of an anonymous editor,
	// the user name of a registered one) made an edit within the watch
	// window that the bot confirmed as spam by its content: an event of
	// kind store.EventSpam with this IP (store.IPEvents of the /32 or /128)
	// or this User, other than this edit's own. Only events of decisions
	// that reverted count (Decision.Reverts): a flagged edit is not
	// confirmed spam.
	EditorSpammed bool
}

// Policy holds the thresholds a decision uses, keyed by detector name.
type Policy struct {
	Thresholds map[string]float64
}

func (p Policy) threshold(detector string) float64 {
	if t, ok := p.Thresholds[detector]; ok {
		return t
	}
	return detectors.DefaultThreshold(detector)
}

const (
	// spamSignalMin is the weight of spam evidence from which an edit's
	// links "have spam signals". It is the link detector's weight of a
	// spam term that reads as an advert: a headline may say "casino" or
	// "loan" (weight 0.1-0.15), an advert says "online casino" (0.35).
	spamSignalMin = 0.2
	// modelSignalMin is the spam model's probability (Result.Spam) from
	// which the added text "has spam signals"; blatant spam on the model's
	// evidence is a link score over the threshold, which the link detector
	// gives from a probability of 0.8.
	modelSignalMin = 0.7
	// modelWordsMin is the spam model's probability below which the word
	// list alone no longer makes spam blatant.
	modelWordsMin = 0.5
	// modelGoodFaith is the spam model's probability below which it
	// reads the text as plain good faith.
	modelGoodFaith = 0.1
	// ModelLeansSpam is the spam model's probability from which it reads
	// the text as more likely spam than not: short of a spam signal
	// (modelSignalMin), content evidence enough for memory that does not
	// tie the editor to the campaign but is too weak for weak evidence to
	// do (a probed page alone, a probing range on a wiki whose domain
	// history is thin) to revert a link that does not read as a citation.
	// On a probed page the common edit is an ordinary editor's, and the
	// bot must not revert good faith, so the point is set for what
	// held-out good faith pays rather than for the most follow-ups
	// caught: at 0.5 an anonymous editor's Leipzig prose with a link on a
	// probed page was reverted 0.5 -> 1.5% (fold A) and 0.5 -> 1.0% (B),
	// augmented good faith A 3.1 -> 5.2%, Instagram comment good faith
	// 18.2 -> 23.3%; at 0.6 Leipzig A 1.0%, B 0.7%, augmented A 4.1%,
	// B 2.8%, Instagram 20.8%, while the generated follow-up spam on a
	// probed page is still reverted 86.50 -> 89.25% (91.25% at 0.5)
	// (`go run ./cmd/spamtrain -eval -only A,B,D,Dh`, "What a probed
	// range's follow-up needs", fold A and B for Leipzig and augmented,
	// D for Instagram; TestDecideLinksRates).
	ModelLeansSpam = 0.6

	// ModelPlacedMin is the spam model's probability from which a
	// probing range's memory reverts an untitled link to a new domain
	// that sits where sources and official sites go (content.placed);
	// below it such a link is flagged. Above modelGoodFaith (weak
	// evidence) and short of ModelLeansSpam: the infobox websites,
	// organisation lines and external links of good faith sit at 0.1-0.4,
	// a campaign's promotional company drafts at 0.4-0.6. On the
	// decide-dump replay of the held-out items (spamtrain -decidedump of
	// `go run ./cmd/spamtrain -eval`, the probed-range column of "What a
	// probed range's follow-up needs"), augmented good faith reverted
	// A 16.0 -> 14.3%, B 11.5 -> 9.8%, regular edits 5.3 -> 3.5%, article
	// references and external links 2.1 -> 2.0%, and no spam item kept
	// that was reverted; at ModelLeansSpam A 14.2%, B 9.6%, but four
	// augmented company drafts kept (A 3, B 1).
	ModelPlacedMin = 0.4

	// titleWords is how many words a link's text needs to read as the
	// title of a cited work rather than a call to click ("more info",
	// "official site").
	titleWords = 4
	// citedTitleWords is how many words the title of a link in a
	// reference or citation template needs to read as a cited work: its
	// place already says it is a citation, so a shorter title than
	// titleWords ("Gaza pullout ends") is enough; a label ("official
	// site", "fitness blog") or the URL itself is not.
	citedTitleWords = 3
)

// content is what the link detector's result says about the added links,
// judged without any memory.
type content struct {
	// blatant: spam on its own evidence (a score at the threshold, a
	// shortener, hidden links, a domain already confirmed as spam, two
	// pieces of advert vocabulary, a link wall with advert vocabulary, or
	// advert vocabulary on a link to a new domain in a text the spam model
	// leans to read as spam: advertLeans).
	// A score at the threshold and a shortener need advert vocabulary too
	// when the spam model reads the text as plain good faith.
	blatant bool
	// overThreshold: the score alone crossed the threshold.
	overThreshold bool
	// signals: one piece of spam evidence of at least spamSignalMin, or
	// evidence other than vocabulary adding up to it.
	signals bool
	// goodFaith: the spam model read the text as plain good faith
	// (modelGoodFaith).
	goodFaith bool
	// newDomain: some link goes to a domain the wiki does not cite yet.
	newDomain bool
	// spamDomain: some domain was already reverted or confirmed as spam.
	spamDomain bool
	// ipHost: some link goes to a raw IP address, a host no reputable
	// source uses (LinkIPHost). Held out, 19 of 1,493 real e-mail spams
	// (1.3%) the model reads as plain good faith link one, and no
	// good-faith item the bot kept from a probed range did
	// (`go run ./cmd/spamtrain -eval`, "What a probed range's follow-up
	// needs").
	ipHost bool
	// related: every link's text names what the page is about
	// (spamscore.AnchorRelated on the old text), or is the text of a link
	// the page already had (relinked): a neighbour's edit extending the
	// page or re-pointing one of its links, not an advert for something
	// else. Held out,
	// it kept 8 of 1,683 article references from being reverted from a
	// probed range (2.1 -> 1.6%); no held-out spam has a page to relate
	// to, and the bot tests' generated follow-up spam in articles stays
	// at least 97.5% reverted (TestDecideLinksRates).
	related bool
	// reputable: every link goes to a document (citedDocument) of a
	// source references cite (spamscore.ReputableSource): memory alone
	// treats it as a domain the wiki cites.
	reputable bool
	// titled: every link carries text that reads as a title, as citations
	// and their templates do.
	titled bool
	// cited: every link sits in a reference or a citation template, its
	// title reads as a cited work (citedTitleWords) and its URL as a
	// document (citedDocument).
	cited bool
	// weak: weak spam evidence, short of a signal: the spam model not
	// reading the text as plain good faith (modelGoodFaith), or a contact
	// point with no domain (a handle, a phone number). Memory of a probing
	// range needs it to revert. The shape of a link alone (a front page, a
	// short label, a selling word in its path) is no evidence: held out,
	// it marked a third of Stack Exchange posts and a tenth of article
	// references and of real prose in 75 languages, and a twentieth of
	// real spam the model did not already mark
	// (`go run ./cmd/spamtrain -eval`, "What a probed range's follow-up needs").
	weak bool
	// leans: the spam model reads the text as more likely spam than not
	// (ModelLeansSpam).
	leans bool
	// landing: on a wiki page (not a forum post, see Decide), every link
	// sits in the running text (not in a reference, a template, a list
	// (listed) or an external-links section, where a subject's official
	// site goes) and is a URL to a site's front page or to a tracked
	// landing page (landingPage) on a domain whose name does not name the
	// page's subject (namesPage) and that is no reputable source
	// (spamscore.ReputableSource: a government's, a university's, a
	// reference work's): where an advert sends readers, not a document a
	// reader could check a sentence against, nor the subject's or an
	// institution's own site. Held out, it adds no real good faith to
	// what a probed page reverts (Stack Exchange, articles, regular
	// edits, Leipzig prose, comments: `go run ./cmd/spamtrain -eval`,
	// "What each memory of a campaign reverts"); augmented good faith
	// 4.2 -> 5.4% (fold A), 2.8 -> 3.9% (B), most of it an official site
	// named in passing, which a page's title protects in production;
	// the bot tests' generated follow-up spam on a probed page 89.17 ->
	// 92.83% (TestDecideLinksRates).
	landing bool
	// mentions: every link is an @handle (no address, domain or number)
	// that the added text credits or tags rather than sends readers to
	// (mentionsOnly): "live on @hulu", "issued by @bank", "@anna @ben look".
	// A campaign's follow-up adds a destination (a site, an account to
	// write to, named where the text closes or after a call); a post
	// that names the accounts it talks about adds none, so memory that
	// does not tie the editor to the campaign does not remove it.
	mentions bool
	// placed: every link sits where an article's sources and its
	// subject's own site go, untracked (sourcePlaced): a template's
	// parameter, or a reference, a citation template, an external-links
	// section or a list item to a domain the page's title or the added
	// text names. A campaign's follow-up goes where readers look (the
	// running text, a post) or under a label that names nothing; a
	// neighbour filling an infobox's website, an organisation's line in
	// a list or its external link puts it there.
	placed bool
	// sourceLeans: the spam model's probability is at ModelPlacedMin or
	// more: enough for a probing range to revert a placed link.
	sourceLeans bool
}

// judgeContent reads the link detector's result.
func judgeContent(links *detectors.Result, title, old, new string, threshold float64) content {
	var c content
	var vocab, other float64
	strong := 0 // pieces of vocabulary of spamSignalMin or more
	var shortener, hidden, wall, model bool
	for _, r := range links.Reasons {
		switch r.Code {
		case detectors.LinkAdded:
		case detectors.LinkNewDomain:
			c.newDomain = true
		case detectors.LinkSpamWords:
			// One term or domain name at a time: a headline's
			// "casino" and "free" do not add up to an advert.
			vocab = max(vocab, r.Weight)
			if r.Weight >= spamSignalMin {
				strong++
			}
		case detectors.LinkDensity, detectors.LinkMany:
			// The shape of the addition (many links, little prose)
			// is no spam signal by itself: an editor may add a list
			// of sources.
			wall = true
		case detectors.LinkShortener:
			shortener = true
			other += r.Weight
		case detectors.LinkHidden:
			hidden = true
			other += r.Weight
		case detectors.LinkSpamDomain:
			c.spamDomain = true
			other += r.Weight
		case detectors.LinkSpamModel:
			// Read as a probability below (links.Spam).
			model = true
		case detectors.LinkIPHost:
			c.ipHost = true
			other += r.Weight
		default: // any evidence added later
			other += r.Weight
		}
	}
	c.signals = vocab >= spamSignalMin || other >= spamSignalMin || links.Spam >= modelSignalMin
	c.goodFaith = model && links.Spam < modelGoodFaith
	c.overThreshold = links.Score >= threshold
	// Blatant: one signal no citation has, or advert vocabulary twice
	// over (an advert anchor and a spam domain name), or a wall of links
	// with advert vocabulary.
	// The word list makes spam blatant only when the spam model, if it
	// judged the text, does not read it as good faith: newsletters and
	// sourced lists say "free" and "online" too.
	words := !model || links.Spam >= modelWordsMin
	// When the spam model reads the text as plain good faith (a forum
	// answer with a goo.gl search link, a newsletter with its tinyurls
	// and sixty links to new domains), a shortener, or a score the rules'
	// evidence about the links' shape and destinations ran over the
	// threshold, takes advert vocabulary as well to be blatant. Hidden
	// links and spam domains are blatant whatever the text says.
	// advertLeans: one piece of advert vocabulary (an advert's anchor,
	// a spam word in the domain's name) on a link to a domain the wiki
	// does not cite, where the spam model leans to spam (ModelLeansSpam):
	// two kinds of evidence that each fall short, agreeing. The bot tests'
	// generated follow-up spam reverted with no memory 81.00 -> 82.58%,
	// blatant spam 99.33 -> 99.50%, every good-faith line unchanged
	// (TestDecideLinksRates); no real good faith held out reverted with no
	// memory more (Stack Exchange, article paragraphs, regular edits,
	// Leipzig prose, comments and posts: `go run ./cmd/spamtrain -eval`,
	// "What each memory of a campaign reverts", no memory column); real
	// e-mail spam 75.4 -> 75.5%, Leipzig prose with a spam contact 93.9 ->
	// 94.3% (A), 91.8 -> 92.1% (B).
	advertLeans := strong >= 1 && model && links.Spam >= ModelLeansSpam && c.newDomain
	c.blatant = (c.overThreshold || shortener) && (!c.goodFaith || strong >= 1) ||
		hidden || c.spamDomain || words && (strong >= 2 || wall && strong >= 1) || advertLeans
	c.titled, c.cited, c.reputable, c.landing, c.mentions, c.placed = true, true, true, true, true, true
	c.related = len(links.Links) > 0
	c.weak = model && links.Spam >= modelGoodFaith
	c.leans = model && links.Spam >= ModelLeansSpam
	c.sourceLeans = model && links.Spam >= ModelPlacedMin
	addedText := added(old, new)
	for _, l := range links.Links {
		words := len(strings.Fields(l.Anchor))
		if words < titleWords {
			c.titled = false
		}
		if c.cited && (l.Place&textview.LinkCited == 0 || words < citedTitleWords || strings.Contains(l.Anchor, "://") || !citedDocument(l.URL)) {
			c.cited = false
		}
		if l.Domain == "" {
			// A handle or phone number: no domain the wiki could cite.
			c.newDomain, c.weak = true, true
		}
		if c.placed && !sourcePlaced(l, title, old, new, addedText) {
			c.placed = false
		}
		if l.Domain != "" || !strings.HasPrefix(l.URL, "@") {
			c.mentions = false
		}
		if c.related && !spamscore.AnchorRelated(l.Anchor, old) && !relinked(l.Anchor, old, new) {
			c.related = false
		}
		if l.Domain == "" || !strings.Contains(l.URL, "//") || l.Place&^textview.LinkHidden != 0 || listed(new, l.URL) || !landingPage(l.URL) || namesPage(l.Domain, title) ||
			spamscore.ReputableSource(l.URL, l.Domain) {
			c.landing = false
		}
		if l.Domain == "" || !strings.Contains(l.URL, "//") || !spamscore.ReputableSource(l.URL, l.Domain) || !citedDocument(l.URL) {
			// A bare domain ("youtube.com/@name" read as its
			// domain) names no document.
			c.reputable = false
		}
	}
	c.mentions = c.mentions && len(links.Links) > 0 && mentionsOnly(links.Links, addedText)
	return c
}

// sourcePlaced reports whether a link sits where an article's sources
// and its subject's own site go (content.placed): a template's parameter
// ("| website = ..."), or a reference, a citation template, an
// external-links section or a list item (listed) when its URL carries no
// campaign tracking and its domain is one the page's title or the added
// text names (domainNamed): the subject's or an organisation's own site,
// a source the text names ("* [https://ato.eu/ ATO annual report]"). A list
// item or a reference with a label to a domain nothing names
// ("* [https://shop.example/ more info]") is where a campaign's link goes,
// and so is a link under the text of a link the page already has (one
// more "Radio Kestrel" to another domain): the name is borrowed.
func sourcePlaced(l detectors.Link, title, old, text, addedText string) bool {
	switch {
	case l.Domain == "" || linkText(l.Anchor, old):
		return false
	case l.Place&textview.LinkTemplate != 0 || paramLine(text, l.URL):
		return !spamscore.TrackedQuery(l.URL)
	case l.Place&(textview.LinkCited|textview.LinkExtSection) == 0 && !listed(text, l.URL):
		return false
	}
	return !spamscore.TrackedQuery(l.URL) && (namesPage(l.Domain, title) || domainNamed(l.Domain, addedText))
}

// paramLine reports whether a line of text that holds the URL u is a
// template's parameter ("| website = u").
func paramLine(text, u string) bool {
	i := strings.Index(text, u)
	if i < 0 {
		return false
	}
	start := strings.LastIndexByte(text[:i], '\n') + 1
	line := strings.TrimLeft(text[start:i], " \t")
	return strings.HasPrefix(line, "|") && strings.Contains(line, "=")
}

// domainNamed reports whether text names a domain: the first part of its name of three letters or more (split at hyphens and
// digits) is a word of the text ("Bluesoft" for bluesoft-online.com,
// "ATO" for ato.eu), outside the text's URLs and domains.
func domainNamed(domain, text string) bool {
	name := strings.ToLower(domain)
	if i := strings.IndexByte(name, '.'); i >= 0 {
		name = name[:i]
	}
	var part string
	for _, p := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(p)) >= 3 {
			part = p
			break
		}
	}
	if part == "" {
		return false
	}
	for _, f := range strings.Fields(strings.ToLower(text)) {
		if strings.Contains(f, "://") || strings.Contains(f, name+".") || strings.Contains(f, "=") {
			continue
		}
		for _, w := range strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if w == part {
				return true
			}
		}
	}
	return false
}

// added is the text of the lines new adds to old, one line each.
func added(old, new string) string {
	return strings.Join(detectors.Diff(old, new).Lines, "\n")
}

// mentionsOnly reports whether the @handles links (every one a handle)
// are named in text as accounts it talks about rather than as the one it
// sends readers to: each right after a word that credits it
// (spamscore.CreditsHandle: "next day on @hulu"), or, with two different
// accounts or more, none closing the text (four words or more before it
// and at most one after, other handles aside, where a testimonial names
// its seller) unless credited: tags ("2 legends @a @b"), partners in a
// post. A single handle the text does not credit is not a mention: a
// reply's "@anna thanks" and a scam's "@anna_fx" read alike, and the spam
// model judges them.
func mentionsOnly(links []detectors.Link, text string) bool {
	lower := strings.ToLower(text)
	seen := map[string]bool{}
	credited, closing := 0, false
	for _, l := range links {
		h := strings.ToLower(l.URL)
		if seen[h] {
			continue
		}
		seen[h] = true
		i := strings.Index(lower, h)
		if i < 0 {
			return false
		}
		before := proseWords(lower[:i])
		if len(before) > 0 && spamscore.CreditsHandle(before[len(before)-1]) {
			credited++
			continue
		}
		if len(before) >= 4 && len(proseWords(lower[i+len(h):])) <= 1 {
			closing = true
		}
	}
	return credited == len(seen) || len(seen) >= 2 && !closing
}

// proseWords returns the words of letters in s outside @handles.
func proseWords(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		if !strings.HasPrefix(f, "@") {
			out = append(out, strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })...)
		}
	}
	return out
}

// relinked reports whether anchor is the text of an external link the old
// text has (wikitext "[url text]", HTML "<a ...>text</a>", Markdown
// "[text](url)") and the new text has no more such links than the old:
// the edit re-points the page's link, to a site that moved, under the
// words the page already gave it, rather than adding one more. A hijacked
// link looks the same, so it lowers the bar only as far as a citation
// does: a neighbour's such link is flagged, not reverted, unless its
// content is spam on its own. An anchor of no letters names nothing.
func relinked(anchor, old, new string) bool {
	if !strings.ContainsFunc(anchor, unicode.IsLetter) {
		return false
	}
	for _, pat := range linkTextPatterns(anchor) {
		if n := strings.Count(old, pat); n > 0 && strings.Count(new, pat) <= n {
			return true
		}
	}
	return false
}

// linkTextPatterns are the ways a text writes anchor as an external link's
// text: wikitext "[url anchor]", HTML "<a ...>anchor</a>", Markdown
// "[anchor](url)".
func linkTextPatterns(anchor string) []string {
	return []string{" " + anchor + "]", ">" + anchor + "</a>", "[" + anchor + "]("}
}

// linkText reports whether anchor is the text of an external link the
// text has.
func linkText(anchor, text string) bool {
	if !strings.ContainsFunc(anchor, unicode.IsLetter) {
		return false
	}
	for _, pat := range linkTextPatterns(anchor) {
		if strings.Contains(text, pat) {
			return true
		}
	}
	return false
}

// citedDocument reports whether a cited URL reads as a document: a path
// below the site's front page and no campaign tracking in its query
// (utm_ parameters, a referral or affiliate code). A citation names a
// work; an advert dressed as one points at a shop's front page or a
// tracked landing page.
func citedDocument(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && strings.Trim(u.Path, "/") != "" && !spamscore.TrackedQuery(raw)
}

// landingPage reports whether a URL is a site's front page (no path, or
// only an index file) or a page with campaign tracking in its query: see
// citedDocument.
func landingPage(raw string) bool {
	if !citedDocument(raw) {
		return true
	}
	u, err := url.Parse(raw)
	if err != nil {
		return true
	}
	p := strings.ToLower(strings.Trim(u.Path, "/"))
	if i := strings.LastIndexByte(p, '.'); i >= 0 && !strings.Contains(p, "/") {
		p = p[:i]
	}
	return p == "index" || p == "default" || p == "home"
}

// listed reports whether a line of text that holds the URL u is not
// running text: an item of a list ("* [url name]", "# ..."), as external
// links, further reading and "see also" are written, a template's
// parameter ("| website = ..."), where an infobox gives the subject's own
// site, or a table's cell.
func listed(text, u string) bool {
	for rest := text; ; {
		i := strings.Index(rest, u)
		if i < 0 {
			return false
		}
		start := strings.LastIndexByte(rest[:i], '\n') + 1
		if line := strings.TrimLeft(rest[start:i], " \t"); line != "" && strings.IndexByte("*#:;|!{", line[0]) >= 0 {
			return true
		}
		rest = rest[i+len(u):]
	}
}

// namesPage reports whether a domain's name holds a word of the page's
// title (four letters or more): the subject's own site (lakebled.si on
// "Lake Bled"), which an editor links to its front page.
func namesPage(domain, title string) bool {
	name := strings.ToLower(domain)
	if i := strings.IndexByte(name, '.'); i >= 0 {
		name = name[:i]
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len([]rune(w)) >= 4 && strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// Decide turns detector results and the store's memory into a decision. It is
// pure: the same inputs always give the same decision, and it does no I/O.
// Wiki conditions that stop an action (later editors, {{nobots}}, the
// shutoff page, cooldowns) are applied afterwards by the patroller.
//
// Links are judged on their content first; memory lowers the bar:
//   - Blatant spam (see content.blatant) is reverted with no history. It is
//     blocked only with history or repetition: a probing IP, a probing
//     range, a known probe token, a domain already confirmed as spam, or an
//     editor whose earlier edit was confirmed spam.
//   - Spam signals below that are reverted and blocked from a probing IP
//     (or with a known token, or from an editor who spammed before), and
//     reverted from a probing range or on a probed page unless the spam
//     model reads the text as plain good faith (a raw IP host counts
//     whatever the model reads). From a range or on a probed page, links
//     whose text names what the page is about (content.related) are
//     flagged instead.
//   - Links with no spam signal are never blocked on memory. From a
//     probing IP (or with a known token) a link to a new domain is
//     reverted; from a probing range it is reverted when it carries weak
//     evidence (see content.weak) and does not read as a citation (every
//     link titled, or every link in a reference or citation template with
//     a title: see content.cited; or every link's text naming what the
//     page is about: content.related), and the wiki's domain history is
//     not thin, or is thin and the spam model leans to spam (content.leans)
//     or the link goes to an advert's landing page (content.landing);
//     otherwise flagged. A link where sources and official sites go
//     (content.placed) is flagged too while the spam model's probability
//     is below ModelPlacedMin. On a probed page alone it is reverted when it
//     does not read as a citation and the spam model leans to spam, or
//     goes to an advert's landing page with weak evidence, and left alone
//     otherwise.
//   - Links only to domains the wiki already cites, or only to documents
//     of reputable sources (content.reputable), are at most flagged unless
//     they are blatant spam: memory alone never removes them.
//   - @handles that the text credits or tags rather than sends readers to
//     (content.mentions) are flagged from a probing range and left alone
//     on a probed page, short of blatant spam: a post naming the accounts
//     it talks about adds no destination.
//
// Every decision lists the evidence it used: the memory first, then the
// content.
func Decide(e *detectors.Edit, results []detectors.Result, mem Memory, p Policy) decision.Decision {
	var probe, links *detectors.Result
	for i := range results {
		switch results[i].Detector {
		case "probe":
			probe = &results[i]
		case "links":
			links = &results[i]
		}
	}
	if probe != nil && probe.Score >= p.threshold("probe") {
		return decided(decision.VerdictProbe, decision.ActionRevert, decision.WhyProbe)
	}
	if links == nil || len(links.Links) == 0 {
		if mem.KnownToken {
			// A campaign's token put back: the still-there check.
			return decided(decision.VerdictProbe, decision.ActionRevert, decision.WhyKnownToken)
		}
		return decided(decision.VerdictOK, decision.ActionNone, decision.WhyClean)
	}
	c := judgeContent(links, e.Title, e.Old, e.New, p.threshold("links"))
	if e.Format == detectors.FormatMarkdown {
		// A forum post names a project by its home page ("see
		// keras.io"): there a front page is how good faith links.
		c.landing = false
	}

	// Memory, strongest first. The address's own history and a known
	// token tie the editor to the campaign; a neighbour in the range or
	// the page's history only make the edit suspect.
	var why []decision.Reason
	own := false
	if e.Anon && mem.IPProbed {
		why, own = append(why, decision.WhyFollowUpIP), true
	}
	if mem.KnownToken {
		why, own = append(why, decision.WhyKnownToken), true
	}
	if mem.EditorSpammed {
		why, own = append(why, decision.WhyRepeatEditor), true
	}
	rng := e.Anon && mem.RangeProbed
	if rng {
		why = append(why, decision.WhyFollowUpRange)
	}
	page := e.Anon && mem.PageProbed
	if page {
		why = append(why, decision.WhyFollowUpPage)
	}
	remembered := len(why) > 0
	if !own && c.goodFaith {
		// A neighbour's or a probed page's memory acts on the rules'
		// signals only where the spam model does not read the text as
		// plain good faith: a word of the list ("crypto" in
		// crypto.stackexchange.com) or a shortener in a forum answer.
		// Held out, such signals reverted 0.3-0.9% of real good faith on
		// a probed page and 1.7% more of real spam (`go run
		// ./cmd/spamtrain -eval`, "What a probed range's follow-up needs").
		// A raw IP host is the exception: no good faith held out
		// links one where the model reads plain good faith, and a
		// tenth of the real e-mail spam the model misses does.
		c.signals = c.ipHost
	}
	// A reputable source is a domain the wiki cites as far as memory
	// goes: only content evidence (blatant) reverts it.
	known := !c.newDomain || c.reputable
	verdict := decision.VerdictFollowUpSpam

	switch {
	case c.blatant:
		if !remembered {
			verdict = decision.VerdictLinkSpam
		}
		why = append(why, contentReason(c))
		if c.spamDomain {
			why = append(why, decision.WhyRepeatDomain)
		}
		if own || rng || c.spamDomain {
			return decision.Decision{Verdict: verdict, Action: decision.ActionRevertBlock, Why: why}
		}
		return decision.Decision{Verdict: verdict, Action: decision.ActionRevert, Why: why}
	case known && c.signals && remembered:
		// Every domain is one the wiki cites: memory and a spam signal
		// short of blatant make it a question for a human.
		return decision.Decision{Verdict: verdict, Action: decision.ActionFlag, Why: append(why, decision.WhySpamSignals, decision.WhyKnownDomain)}
	case known && (own || rng):
		return decision.Decision{Verdict: verdict, Action: decision.ActionFlag, Why: append(why, decision.WhyKnownDomain)}
	case c.signals && own:
		return decision.Decision{Verdict: verdict, Action: decision.ActionRevertBlock, Why: append(why, decision.WhySpamSignals)}
	case c.mentions && rng:
		// A post naming the accounts it talks about: a neighbour's
		// memory makes it a question for a human at most.
		return decision.Decision{Verdict: verdict, Action: decision.ActionFlag, Why: append(why, decision.WhyMention)}
	case c.mentions && page:
		return decided(decision.VerdictOK, decision.ActionNone, append(why, decision.WhyMention)...)
	case c.signals && c.related && (rng || page):
		// Signals short of blatant in a neighbour's link whose text
		// names what the page is about: a question for a human.
		return decision.Decision{Verdict: verdict, Action: decision.ActionFlag, Why: append(why, decision.WhySpamSignals, decision.WhyCitationLike)}
	case c.signals && (rng || page):
		return decision.Decision{Verdict: verdict, Action: decision.ActionRevert, Why: append(why, decision.WhySpamSignals)}
	case c.signals, known:
		// Spam signals short of blatant with no history (a headline's
		// word, a raw IP host), or known domains on a probed page.
	case own:
		return decision.Decision{Verdict: verdict, Action: decision.ActionRevert, Why: append(why, decision.WhyNewDomain)}
	case rng && (c.titled || c.cited || c.related):
		// A citation's title, or every link titled like one: the
		// issue's rule is that a citation is never reverted on a
		// neighbour's memory alone when its only evidence is weak.
		return decision.Decision{Verdict: verdict, Action: decision.ActionFlag, Why: append(why, decision.WhyNewDomain, decision.WhyCitationLike)}
	case rng && mem.FewKnownDomains && c.leans:
		// A neighbour's untitled link to a new domain that the spam
		// model reads as more likely spam than not: on a wiki whose
		// domain history is thin "new domain" says little, the model's
		// lean says enough with the range's memory.
		return decision.Decision{Verdict: verdict, Action: decision.ActionRevert, Why: append(why, decision.WhyNewDomain)}
	case rng && mem.FewKnownDomains && c.weak && c.landing:
		// A neighbour's untitled link to a new domain's front page or a
		// tracked landing page, whose text names nothing of the page, and
		// that the spam model does not read as plain good faith: an
		// advert's destination, whatever the wiki's domain history.
		return decision.Decision{Verdict: verdict, Action: decision.ActionRevert, Why: append(why, decision.WhyNewDomain)}
	case rng && (mem.FewKnownDomains || !c.weak):
		// A neighbour's link to a document the spam model reads as good
		// faith: the range's memory alone does not make it spam.
		return decision.Decision{Verdict: verdict, Action: decision.ActionFlag, Why: append(why, decision.WhyNewDomain, decision.WhyNoSpamSignal)}
	case rng && c.placed && !c.sourceLeans:
		// A neighbour's link where sources and official sites go,
		// whose text the spam model does not lean to read as spam: a
		// question for a human.
		return decision.Decision{Verdict: verdict, Action: decision.ActionFlag, Why: append(why, decision.WhyNewDomain, decision.WhyCitationLike)}
	case rng:
		return decision.Decision{Verdict: verdict, Action: decision.ActionRevert, Why: append(why, decision.WhyNewDomain)}
	case page && c.leans && !c.titled && !c.cited && !c.related:
		// On a probed page, an untitled link to a new domain whose text
		// names nothing of the page and that the spam model reads as
		// more likely spam than not.
		return decision.Decision{Verdict: verdict, Action: decision.ActionRevert, Why: append(why, decision.WhyNewDomain)}
	case page && c.weak && c.landing && !c.titled && !c.cited && !c.related:
		// On a probed page, an untitled link whose text names nothing of
		// the page to a new domain's front page or a tracked landing
		// page, which the spam model does not read as plain good faith.
		return decision.Decision{Verdict: verdict, Action: decision.ActionRevert, Why: append(why, decision.WhyNewDomain)}
	}
	switch {
	case remembered:
		return decided(decision.VerdictOK, decision.ActionNone, append(why, decision.WhyNoSpamSignal)...)
	case !e.Anon:
		return decided(decision.VerdictOK, decision.ActionNone, decision.WhyRegistered)
	}
	return decided(decision.VerdictOK, decision.ActionNone, decision.WhyLinksNoHist)
}

// contentReason names the content evidence of blatant spam.
func contentReason(c content) decision.Reason {
	if c.overThreshold {
		return decision.WhyLinkSpam
	}
	return decision.WhySpamSignals
}

func decided(v decision.Verdict, a decision.Action, why ...decision.Reason) decision.Decision {
	return decision.Decision{Verdict: v, Action: a, Why: why}
}

// ContentConfirmed reports whether d removes a contribution on the evidence
// of its content (a probe, a known probe token put back, links with spam
// signals or over the links threshold) rather than on memory alone. Only
// such decisions should be remembered as the editor's probe or spam
// (Memory.IPProbed, Memory.EditorSpammed), count towards a range block,
// mark their domains as spam or add them to the spam blacklist: a flag, or
// a revert of a plain link to a new domain from a probing range, confirms
// nothing about the editor or the domain.
func ContentConfirmed(d decision.Decision) bool {
	if !d.Reverts() {
		return false
	}
	return d.Verdict == decision.VerdictProbe || d.Has(decision.WhySpamSignals) || d.Has(decision.WhyLinkSpam)
}
