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

// Addresses of the campaign. The botnet probes from ten IPs in four ranges
// (three IPv4 /24s and one IPv6 /64) and returns from new IPs of the same
// ranges; good-faith editors come from elsewhere: mobile carriers'
// shared address space (100.64.0.0/10), the benchmarking range
// (198.18.0.0/15) and another IPv6 /64.
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

	spamA = "192.0.2.77"
	spamB = "192.0.2.78"
	spamC = "198.51.100.200"
	spamD = "203.0.113.99"
	spamE = "2001:db8::beef"

	goodA = "198.18.60.2"
	goodB = "100.64.7.3"
	goodC = "198.18.4.21"
	goodD = "100.64.130.77"
	goodE = "100.64.22.9"
	goodF = "2001:db8:ffff:1::2"
	goodG = "100.64.201.14"
)

// NewPlan returns the campaign's script. The probe tokens are random
// letters drawn from seed, so one seed always gives the same campaign.
//
// The script respects how a careful bot works: it never reverts an edit
// that someone else has edited on top of, so within a phase no edit follows
// a probe or spam edit by another editor on the same page (TestPlan checks
// this). Good-faith edits on probed pages come before the probe.
func NewPlan(seed uint64) Plan {
	rnd := rand.New(rand.NewPCG(seed, seed^0x5eed_c0de))
	tok := func() string { return probeToken(rnd) }
	probe := func(ip, title, anchor string, line bool) Step {
		s := Step{Phase: PhaseProbe, Kind: KindProbe, IP: ip, Title: title}
		if line {
			s.What, s.Change = "token on its own line", Change{OpLine, anchor, tok()}
		} else {
			s.What, s.Change = "token mid-sentence", Change{OpInsert, anchor, " " + tok()}
		}
		return s
	}
	good := func(ph Phase, ip, title, what, summary string, c Change) Step {
		return Step{Phase: ph, Kind: KindGood, IP: ip, Title: title, What: what, Summary: summary, Change: c}
	}
	spam := func(ip, title, what string, c Change) Step {
		return Step{Phase: PhaseReturn, Kind: KindSpam, IP: ip, Title: title, What: what, Change: c}
	}
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
			// Never probed: the botnet spams it anyway.
			{Title: "Actinopterygii", File: "actinopterygii.txt"},
			// Never probed or spammed: only good-faith editors touch it.
			{Title: "Arts Club of Chicago", File: "arts-club-of-chicago.txt"},
		},
		Steps: []Step{
			// Probes, interleaved with everyday anonymous editing.
			good(PhaseProbe, goodA, "Albedo", "prose sentence", "example",
				Change{OpInsert, "albedo is very useful as a first approximation.",
					" For example, fresh snow reflects most of the sunlight that falls on it, while the open ocean absorbs nearly all of it."}),
			probe(probeA, "Aardvark", "is a medium-sized, burrowing,", false),
			probe(probeA, "Aardvark", "The aardvark is not closely related to the pig", true),
			good(PhaseProbe, goodB, "Aruba", "infobox number", "update population estimate",
				Change{OpReplace, "| population_estimate = 103,400", "| population_estimate = 104,822"}),
			probe(probeB, "Albedo", "It is the ratio of reflected radiation", true),
			good(PhaseProbe, goodC, "Abacus", "typo fix", "typo",
				Change{OpReplace, "is a calculatng tool", "is a calculating tool"}),
			probe(probeC, "Abacus", "when a [[Middle English]] work", false),
			good(PhaseProbe, goodD, "Toronto Star", "prose sentence", "",
				Change{OpInsert, "editor from 1899 until his death in 1948.",
					" Under Atkinson the paper became known for its campaigns on behalf of working people."}),
			probe(probeE, "Achilles", "Achilles’ most notable feat during the Trojan War", true),
			probe(probeE, "Achilles", "was a [[Greeks|Greek]] hero of the", false),
			good(PhaseProbe, goodE, "Arts Club of Chicago", "BBC reference", "add source",
				Change{OpInsert, "the new space is {{convert|19000|sqft|m2}}, which is {{convert|7000|sqft|m2}} larger than the old space.",
					"<ref>{{cite web|url=https://www.bbc.co.uk/news/entertainment-arts-23015764|title=Chicago's private art clubs open their doors|work=BBC News|date=21 June 2013}}</ref>"}),
			probe(probeD, "Toronto Star", "In 2011, it was Canada's", false),
			probe(probeF, "Alphabet", "is a standard set of", false),
			good(PhaseProbe, goodF, "Astronaut", "prose sentence", "",
				Change{OpInsert, "a new category of astronaut was created: the [[commercial astronaut]].",
					" Since then, several private companies have trained their own crews."}),
			good(PhaseProbe, goodC, "Acid", "typo fix", "typo",
				Change{OpReplace, "Common exmaples of acids include", "Common examples of acids include"}),
			probe(probeG, "Acid", "There are two closely related definitions", true),
			probe(probeH, "Astronaut", "is a person trained by a", false),
			good(PhaseProbe, goodG, "Actinopterygii", "prose sentence", "",
				Change{OpInsert, "from the deep sea to the highest mountain streams.",
					" Most species are found in the tropics."}),
			probe(probeI, "Agnostida", "Scientists have long debated whether the agnostids", true),
			probe(probeJ, "Aruba", "is one of the four countries that form the", false),

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
		},
	}
}

// probeToken returns a random-letter tracking token of 8 to 12 letters, as
// probing botnets insert them.
func probeToken(rnd *rand.Rand) string {
	b := make([]byte, 8+rnd.IntN(5))
	for i := range b {
		b[i] = byte('a' + rnd.IntN(26))
	}
	return string(b)
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
