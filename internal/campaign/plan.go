package campaign

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Phase is one stage of the campaign. The phases run in the order of
// Phases, with a patrol pass of the bot between probe and return.
type Phase string

// Phases of a campaign.
const (
	// PhaseSeed: an administrator puts real articles on the empty wiki and
	// switches the bot on.
	PhaseSeed Phase = "seed"
	// PhaseProbe: the botnet drops random-letter tokens from many IPs, among
	// ordinary good-faith anonymous edits.
	PhaseProbe Phase = "probe"
	// PhaseReturn: days later, new IPs from the probing ranges add link
	// spam, while good-faith editors go on editing.
	PhaseReturn Phase = "return"
	// PhaseBulk marks the edits of Bulk, which belong to no script.
	PhaseBulk Phase = "bulk"
)

// Phases lists the scripted phases in the order they run.
var Phases = []Phase{PhaseSeed, PhaseProbe, PhaseReturn}

// Kind says what an edit is, and so what the bot should do with it.
type Kind string

// Kinds of edits.
const (
	KindProbe Kind = "probe" // a random-letter tracking token: should be reverted
	KindGood  Kind = "good"  // a good-faith edit: should be left alone
	KindSpam  Kind = "spam"  // follow-up link spam: should be reverted, its range blocked
)

// Op is how a step changes a page's text. Anchor is always a string the
// page holds at that moment; its first occurrence counts.
type Op string

// Ops.
const (
	OpInsert  Op = "insert"  // insert Text right after Anchor
	OpLine    Op = "line"    // add Text as a new line after the line holding Anchor
	OpReplace Op = "replace" // replace Anchor with Text
	OpCreate  Op = "create"  // create the page with Text (it must not exist)
)

// Article is a real article put on the wiki by the seed phase.
type Article struct {
	Title string
	File  string // file name in the corpus directory
	// Plant are changes made to the real text before seeding, so that a
	// good-faith editor has a typo to fix later.
	Plant []Change
}

// Change is one text change: Op applied with Anchor and Text.
type Change struct {
	Op     Op
	Anchor string
	Text   string
}

// Apply returns text with the change made, or an error when the anchor is
// not in text.
func (c Change) Apply(text string) (string, error) {
	if c.Op == OpCreate {
		if text != "" {
			return "", fmt.Errorf("page to create exists")
		}
		return c.Text, nil
	}
	i := strings.Index(text, c.Anchor)
	if c.Anchor == "" || i < 0 {
		return "", fmt.Errorf("anchor %q is not on the page", clip(c.Anchor, 60))
	}
	end := i + len(c.Anchor)
	switch c.Op {
	case OpInsert:
		return text[:end] + c.Text + text[end:], nil
	case OpLine:
		if nl := strings.IndexByte(text[end:], '\n'); nl >= 0 {
			end += nl
		} else {
			end = len(text)
		}
		return text[:end] + "\n" + c.Text + text[end:], nil
	case OpReplace:
		return text[:i] + c.Text + text[end:], nil
	}
	return "", fmt.Errorf("unknown op %q", c.Op)
}

// Step is one scripted anonymous edit.
type Step struct {
	Phase   Phase
	Kind    Kind
	IP      string // the editor's address, in netip's canonical form
	Title   string
	What    string // a few words for people reading the report
	Summary string // edit summary
	Change  Change
}

// Plan is the script of a campaign: the articles to seed and every
// anonymous edit, phase by phase, in the order they are made. It is pure
// data; Campaign plays it on a wiki.
type Plan struct {
	Articles []Article
	// RunPage is the bot's shutoff page; the seed phase sets it to "true".
	RunPage string
	Steps   []Step
}

// PhaseSteps returns the plan's steps of one phase, in order.
func (p Plan) PhaseSteps(ph Phase) []Step {
	var out []Step
	for _, s := range p.Steps {
		if s.Phase == ph {
			out = append(out, s)
		}
	}
	return out
}

// Addresses of the campaign. The botnet probes from eleven IPs in five
// ranges (three IPv4 /24s with several probers, one IPv4 /24 with a single
// prober, one IPv6 /64) and returns from new IPs of the busy ranges;
// good-faith editors come from elsewhere: mobile carriers' shared address
// space (100.64.0.0/10), the benchmarking range (198.18.0.0/15) and another
// IPv6 /64. One of them is a neighbour: an innocent editor in the /24 of
// the lone prober, who adds a reference to a site the wiki already cites.
// A spammer with no history at all adds a wall of bare commercial links.
const (
	probeA = "192.0.2.10"
	probeB = "192.0.2.23"
	probeC = "192.0.2.41"
	probeD = "192.0.2.56"
	probeE = "198.51.100.7"
	probeF = "198.51.100.19"
	probeG = "198.51.100.88"
	probeH = "203.0.113.5"
	probeI = "203.0.113.60"
	probeJ = "2001:db8::7"
	probeK = "100.64.50.10" // the lone prober of its /24

	spamA = "192.0.2.77"
	spamB = "192.0.2.78"
	spamC = "198.51.100.200"
	spamD = "203.0.113.99"
	spamE = "2001:db8::beef"
	spamX = "198.18.200.9" // no history: blatant spam on its own evidence

	goodA     = "198.18.60.2"
	goodB     = "100.64.7.3"
	goodC     = "198.18.4.21"
	goodD     = "100.64.130.77"
	goodE     = "100.64.22.9"
	goodF     = "2001:db8:ffff:1::2"
	goodG     = "100.64.201.14"
	goodH     = "198.18.33.40"
	neighbour = "100.64.50.77" // same /24 as probeK
)

// TokenStyle is how a probe token is spelled.
type TokenStyle string

// Token styles the botnet uses.
const (
	StyleLower     TokenStyle = "lower"     // random lower-case letters, 8 to 12
	StyleMixed     TokenStyle = "mixed"     // random letters of both cases, 8 to 12
	StyleAlnum     TokenStyle = "alnum"     // random letters and digits, 8 to 12
	StyleShort     TokenStyle = "short"     // random lower-case letters, 6 or 7
	StylePronounce TokenStyle = "pronounce" // consonant-vowel syllables, 8 to 10
)

// NewPlan returns the campaign's script. The probe tokens are random
// strings drawn from seed, so one seed always gives the same campaign.
//
// Probes sit where botnets put them: in prose, on a line of their own, in
// a table cell, a file caption, a citation template's parameter, a <ref>
// body, a section heading, a wikilink label, an HTML comment, an infobox
// parameter, a gallery caption, a preformatted line after the categories,
// and a page created for the token alone; spelled in every TokenStyle.
//
// The script respects how a careful bot works: it never reverts an edit
// that someone else has edited on top of, so within a phase no edit follows
// a probe or spam edit by another editor on the same page (TestPlan checks
// this). Good-faith edits on probed pages come before the probe.
func NewPlan(seed uint64) Plan {
	rnd := rand.New(rand.NewPCG(seed, seed^0x5eed_c0de))
	tok := func(st TokenStyle) string { return probeToken(rnd, st) }
	at := func(ip, title, what string, st TokenStyle, op Op, anchor, before, after string) Step {
		return Step{Phase: PhaseProbe, Kind: KindProbe, IP: ip, Title: title, What: what,
			Change: Change{op, anchor, before + tok(st) + after}}
	}
	probe := func(ip, title, anchor string, line bool, st TokenStyle) Step {
		if line {
			return at(ip, title, "token on its own line", st, OpLine, anchor, "", "")
		}
		return at(ip, title, "token mid-sentence", st, OpInsert, anchor, " ", "")
	}
	good := func(ph Phase, ip, title, what, summary string, c Change) Step {
		return Step{Phase: ph, Kind: KindGood, IP: ip, Title: title, What: what, Summary: summary, Change: c}
	}
	spam := func(ip, title, what string, c Change) Step {
		return Step{Phase: PhaseReturn, Kind: KindSpam, IP: ip, Title: title, What: what, Change: c}
	}
	created := tok(StyleLower)
	created = strings.ToUpper(created[:1]) + created[1:] // a title's first letter
	return Plan{
		RunPage: "User:Warden/Run",
		Articles: []Article{
			{Title: "Aardvark", File: "aardvark.txt"},
			{Title: "Albedo", File: "albedo.txt"},
			{Title: "Aruba", File: "aruba.txt"},
			{Title: "Abacus", File: "abacus.txt", Plant: []Change{{OpReplace, "is a calculating tool", "is a calculatng tool"}}},
			{Title: "Toronto Star", File: "toronto-star.txt"},
			{Title: "Achilles", File: "achilles.txt"},
			{Title: "Alphabet", File: "alphabet.txt"},
			{Title: "Acid", File: "acid.txt", Plant: []Change{{OpReplace, "Common examples of acids include", "Common exmaples of acids include"}}},
			{Title: "Astronaut", File: "astronaut.txt"},
			{Title: "Agnostida", File: "agnostida.txt"},
			// Probed in its gallery; the botnet spams it too.
			{Title: "Actinopterygii", File: "actinopterygii.txt"},
			// Never probed or spammed: only good-faith editors touch it.
			{Title: "Arts Club of Chicago", File: "arts-club-of-chicago.txt"},
		},
		Steps: []Step{
			// Probes, interleaved with everyday anonymous editing.
			good(PhaseProbe, goodA, "Albedo", "prose sentence", "example",
				Change{OpInsert, "albedo is very useful as a first approximation.",
					" For example, fresh snow reflects most of the sunlight that falls on it, while the open ocean absorbs nearly all of it."}),
			probe(probeA, "Aardvark", "is a medium-sized, burrowing,", false, StyleLower),
			probe(probeA, "Aardvark", "The aardvark is not closely related to the pig", true, StyleMixed),
			good(PhaseProbe, goodB, "Aruba", "infobox number", "update population estimate",
				Change{OpReplace, "| population_estimate = 103,400", "| population_estimate = 104,822"}),
			at(probeB, "Albedo", "token in a table cell", StyleAlnum, OpInsert, "| Fresh asphalt", " ", ""),
			good(PhaseProbe, goodC, "Abacus", "typo fix", "typo",
				Change{OpReplace, "is a calculatng tool", "is a calculating tool"}),
			at(probeC, "Abacus", "token in a file caption", StyleShort, OpInsert, "[[File:Boulier1.JPG|right|thumb|A Chinese abacus", " ", ""),
			good(PhaseProbe, goodD, "Toronto Star", "prose sentence", "",
				Change{OpInsert, "editor from 1899 until his death in 1948.",
					" Under Atkinson the paper became known for its campaigns on behalf of working people."}),
			at(probeE, "Achilles", "token in a citation's title", StylePronounce, OpInsert, "|title=The best of the Achaeans", " ", ""),
			probe(probeE, "Achilles", "was a [[Greeks|Greek]] hero of the", false, StyleAlnum),
			good(PhaseProbe, goodE, "Arts Club of Chicago", "BBC reference", "add source",
				Change{OpInsert, "the new space is {{convert|19000|sqft|m2}}, which is {{convert|7000|sqft|m2}} larger than the old space.",
					"<ref>{{cite web|url=https://www.bbc.co.uk/news/entertainment-arts-23015764|title=Chicago's private art clubs open their doors|work=BBC News|date=21 June 2013}}</ref>"}),
			at(probeD, "Toronto Star", "token in a <ref> body", StyleLower, OpReplace,
				"<ref>{{cite web|url=http://www.worldpress.org", "<ref>", " {{cite web|url=http://www.worldpress.org"),
			at(probeF, "Alphabet", "token in a heading", StyleMixed, OpReplace, "==Etymology==", "==Etymology ", "=="),
			good(PhaseProbe, goodF, "Astronaut", "prose sentence", "",
				Change{OpInsert, "a new category of astronaut was created: the [[commercial astronaut]].",
					" Since then, several private companies have trained their own crews."}),
			good(PhaseProbe, goodC, "Acid", "typo fix", "typo",
				Change{OpReplace, "Common exmaples of acids include", "Common examples of acids include"}),
			at(probeG, "Acid", "token in a wikilink label", StyleAlnum, OpReplace, "[[Zinc]], a typical metal", "[[Zinc|Zinc ", "]], a typical metal"),
			at(probeH, "Astronaut", "token in an HTML comment", StyleShort, OpReplace, "<!--DASHBot-->", "<!--DASHBot ", "-->"),
			good(PhaseProbe, goodG, "Actinopterygii", "prose sentence", "",
				Change{OpInsert, "from the deep sea to the highest mountain streams.",
					" Most species are found in the tropics."}),
			at(probeH, "Actinopterygii", "token in a gallery caption", StylePronounce, OpInsert, "File:Bluecat5A.jpg|[[Catfish]]", " ", ""),
			at(probeI, "Agnostida", "preformatted token after the categories", StyleLower, OpLine, "[[Category:Late Ordovician extinctions]]", " ", ""),
			at(probeJ, "Aruba", "token in an infobox parameter", StyleMixed, OpInsert, "| national_anthem = ''[[Aruba Dushi Tera]]''", " ", ""),
			{Phase: PhaseProbe, Kind: KindProbe, IP: probeK, Title: "Talk:" + created, What: "page created for the token",
				Change: Change{Op: OpCreate, Text: created}},

			// The return, from new IPs of the probing ranges.
			good(PhaseReturn, goodB, "Aruba", "prose sentence", "",
				Change{OpInsert, "Its capital is [[Oranjestad, Aruba|Oranjestad]].",
					" Tourism is the largest part of the island's economy."}),
			spam(spamA, "Aardvark", "casino bare URL",
				Change{OpLine, "Based on fossils, Bryan Patterson has concluded",
					"Best online casino with free spins and no deposit bonus: http://www.spin-palace-casino.example/free-spins"}),
			spam(spamB, "Actinopterygii", "pills link",
				Change{OpInsert, "They are ubiquitous throughout [[freshwater]] and [[ocean|marine]] environments",
					" [http://www.rx-pharmacy-direct.example/ buy cheap pills online without prescription]"}),
			spam(spamC, "Achilles", "replica watch links",
				Change{OpLine, "Achilles’ most notable feat during the Trojan War",
					"[http://www.swiss-replica-watches.example/ Replica watches] – [http://www.swiss-replica-watches.example/rolex cheap Rolex replica for sale]"}),
			spam(spamD, "Astronaut", "loans bare URL",
				Change{OpLine, "Starting in the 1950s up to 2002",
					"Need money fast? Instant payday loans, no credit check: http://www.quick-payday-loans.example/apply"}),
			spam(spamE, "Toronto Star", "casino link",
				Change{OpInsert, "The paper did poorly in its first few years.",
					" [http://www.spin-palace-casino.example/bonus Claim your casino bonus today]"}),
			good(PhaseReturn, goodA, "Arts Club of Chicago", "Tribune reference", "cite",
				Change{OpInsert, "The club presented [[Pablo Picasso]]'s first United States showing.",
					"<ref>{{cite news|url=https://www.chicagotribune.com/news/ct-xpm-1997-03-09-9703090316-story.html|title=Arts Club finds a new home|work=Chicago Tribune|date=9 March 1997}}</ref>"}),
			good(PhaseReturn, goodH, "Acid", "citation to a new domain on a probed page", "add a textbook reference",
				Change{OpInsert, "a third, the [[Lewis acids and bases|Lewis definition]], is only tangentially related.",
					"<ref>{{cite journal |last=Jensen |first=William B. |title=The Lewis acid-base definitions: a status report |journal=Chemical Reviews |volume=78 |issue=1 |pages=1–22 |year=1978 |doi=10.1021/cr60311a002 |url=https://pubs.acs.org/doi/10.1021/cr60311a002}}</ref>"}),
			good(PhaseReturn, neighbour, "Arts Club of Chicago", "neighbour's reference to a cited site", "source",
				Change{OpInsert, "The Arts Club is said to have been pro-[[Modernism|Modernist]] from its founding.",
					"<ref>{{cite web|url=http://www.encyclopedia.chicagohistory.org/pages/71.html|title=Arts Club of Chicago|publisher=Chicago Historical Society|work=The Electronic Encyclopedia of Chicago}}</ref>"}),
			{Phase: PhaseReturn, Kind: KindSpam, IP: spamX, Title: "Alphabet", What: "bare commercial links, no history",
				Change: Change{OpLine, "The history of the alphabet started in [[ancient Egypt]].",
					"buy cheap viagra online http://www.cheap-meds-online.example/ best casino bonus http://www.mega-casino-bonus.example/ payday loans http://www.fast-payday-cash.example/"}},
		},
	}
}

// probeToken returns a tracking token in the given style, as probing
// botnets insert them.
func probeToken(rnd *rand.Rand, st TokenStyle) string {
	const (
		lower  = "abcdefghijklmnopqrstuvwxyz"
		upper  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		digits = "0123456789"
		cons   = "bcdfghjklmnprstvwz"
		vowels = "aeiou"
	)
	pick := func(set string) byte { return set[rnd.IntN(len(set))] }
	n := 8 + rnd.IntN(5)
	var b []byte
	switch st {
	case StyleMixed:
		for len(b) < n {
			b = append(b, pick(lower+upper))
		}
	case StyleAlnum:
		for len(b) < n {
			b = append(b, pick(lower+digits))
		}
		// Letters at both ends and at least two digits between, as such
		// codes have.
		b[0], b[n-1] = pick(lower), pick(lower)
		b[1+rnd.IntN(n/2-1)] = pick(digits)
		b[n/2+rnd.IntN(n/2-1)] = pick(digits)
	case StyleShort:
		for len(b) < 6+rnd.IntN(2) {
			b = append(b, pick(lower))
		}
	case StylePronounce:
		for len(b) < 8+2*rnd.IntN(2) {
			b = append(b, pick(cons), pick(vowels))
		}
	default:
		for len(b) < n {
			b = append(b, pick(lower))
		}
	}
	return string(b)
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
