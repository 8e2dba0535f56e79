// Package detectors scores one wiki edit's added text for signs of botnet
// probing (random-letter tracking tokens) and link spam.
//
// Every detector is a pure function of its input: no network, no disk, no
// clock, no logging, no mutation of the input. Detectors share one signature
// (Func) and are looked up by name, so the configuration enables them by
// name and the bot runs them in a fixed order. Each score comes with typed
// reason codes so a moderator can read why an edit was flagged.
package detectors

import (
	"fmt"
	"time"
)

// Edit is one revision as the detectors see it: the page text before and
// after, and who made it. Time is the edit's timestamp; detectors never read
// the clock.
type Edit struct {
	RevID    int64
	OldRevID int64
	Title    string
	User     string // user name, or the IP address for an anonymous editor
	Anon     bool   // true when the editor is not logged in
	Time     time.Time
	Comment  string // edit summary
	Old      string // wikitext before the edit ("" for a page creation)
	New      string // wikitext after the edit
}

// Code is a typed reason code; the review UI and logs explain each one.
type Code string

// Reason codes. Probe* come from the probe detector, Link* from the link
// detector.
const (
	ProbeRandomToken Code = "probe_random_token" // a token the letter model finds very unlikely
	ProbeNoVowels    Code = "probe_no_vowels"    // a long run of consonants
	ProbeKeyboardRun Code = "probe_keyboard_run" // adjacent keyboard keys
	ProbeRepeated    Code = "probe_repeated"     // a repeated chunk such as "asdasdasd"
	ProbeIsolated    Code = "probe_isolated"     // alone on a line or mid-sentence, new to the page

	LinkAdded      Code = "link_added"       // an external link was added
	LinkNewDomain  Code = "link_new_domain"  // the domain is not yet linked from the wiki
	LinkShortener  Code = "link_shortener"   // a URL shortener
	LinkSpamWords  Code = "link_spam_words"  // commercial spam vocabulary in the anchor or around it
	LinkMany       Code = "link_many"        // many links in one edit
	LinkDensity    Code = "link_density"     // the added text is mostly links
	LinkSpamDomain Code = "link_spam_domain" // the domain was already reverted or confirmed as spam
)

// Reason is one piece of evidence behind a score.
type Reason struct {
	Code    Code    `json:"code"`
	Subject string  `json:"subject,omitempty"` // the token or domain the reason is about
	Detail  string  `json:"detail"`            // one human-readable sentence
	Weight  float64 `json:"weight"`            // contribution to the score
}

func (r Reason) String() string {
	if r.Subject == "" {
		return fmt.Sprintf("%s: %s", r.Code, r.Detail)
	}
	return fmt.Sprintf("%s %q: %s", r.Code, r.Subject, r.Detail)
}

// Link is one external link added by an edit.
type Link struct {
	URL    string `json:"url"`
	Domain string `json:"domain"` // registrable domain (eTLD+1), lower case
	Anchor string `json:"anchor,omitempty"`
}

// Result is one detector's verdict on one edit. Score is in [0,1]; the bot
// compares it with the detector's configured threshold.
type Result struct {
	Detector string   `json:"detector"`
	Score    float64  `json:"score"`
	Reasons  []Reason `json:"reasons,omitempty"`
	Tokens   []string `json:"tokens,omitempty"` // suspected probe tokens (probe detector)
	Links    []Link   `json:"links,omitempty"`  // added external links (link detector)
}

// DomainHistory tells the link detector what the wiki already knows about a
// domain. The caller fills it from its store before scoring; implementations
// must be safe to call from the scoring goroutine and must not block on I/O.
type DomainHistory interface {
	// Known reports whether the wiki already links to domain.
	Known(domain string) bool
	// Spam reports whether domain was reverted or confirmed as spam.
	Spam(domain string) bool
}

// Env is everything a detector may consult besides the edit. It is read-only.
type Env struct {
	Model   *Model        // the wiki's letter model; nil means the built-in base model
	Domains DomainHistory // nil means nothing is known
}

// Input is what a detector scores: the edit, its diff computed once, and the
// environment.
type Input struct {
	Edit  *Edit
	Added *Added
	Env   *Env
}

// Func is the one signature every detector has.
type Func func(in *Input) Result
