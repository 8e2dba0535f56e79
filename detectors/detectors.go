// Package detectors scores one wiki edit's added text for signs of botnet
// probing (random-letter tracking tokens) and link spam.
//
// Every detector is a pure function of its input: no network, no disk, no
// clock, no logging, no mutation of the input. The probe detector scores
// the format-neutral view of package textview, which the pure readers of
// packages wikitext (MediaWiki pages) and forumtext (forum posts in
// Markdown) make from the edit's text according to Edit.Format; those three
// are the only packages of the project detectors imports, with spamscore,
// the learned link-spam model the link detector consults. Detectors share one signature
// (Func) and are looked up by name, so the configuration enables them by
// name and the bot runs them in a fixed order. Each score comes with typed
// reason codes so a moderator can read why an edit was flagged.
//
// Besides the built-in letter model of ordinary text (basemodel.bin), the
// probe detector embeds a letter model of software names (softmodel.bin,
// trained on Debian's package names at go generate time, never read at run
// time): in a forum post a word whose letters it explains as a program's
// name ("gtkmm", "httpd") counts against being a probe.
package detectors

import (
	"fmt"
	"time"

	"github.com/wikiwarden/wikiwarden/spamscore"
	"github.com/wikiwarden/wikiwarden/textview"
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
	// Lang is the page's language code ("en", "de", "cy"), as the wiki
	// reports it (pagelanguage, or the site's content language). The probe
	// detector reads the added text in it when its dictionary reads the
	// text, else in the language whose dictionary does (a quotation).
	// Empty: told from the text (GuessLang, then the dictionaries), falling
	// back to Env.Lang.
	Lang string
	// Format is the markup of Old and New; empty means wikitext.
	Format Format
}

// Format names the markup of an edit's text.
type Format string

// Formats the detectors read.
const (
	FormatWikitext Format = "wikitext" // MediaWiki pages (the default)
	FormatMarkdown Format = "markdown" // forum posts: Markdown, HTML and bare URLs
)

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
	ProbeUnknownWord Code = "probe_unknown_word" // in no dictionary of the page's language, nor the wiki's words

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
	// Place is where the link sits: in a reference or citation
	// template (textview.LinkCited, Anchor is then the citation's
	// title), an external-links list, a template; none for prose.
	Place textview.LinkPlace `json:"place,omitempty"`
}

// Result is one detector's verdict on one edit. Score is in [0,1]; the bot
// compares it with the detector's configured threshold.
type Result struct {
	Detector string   `json:"detector"`
	Score    float64  `json:"score"`
	Reasons  []Reason `json:"reasons,omitempty"`
	// Tokens are the probe tokens scoring at or above the probe threshold
	// the input carried (Env.Thresholds, else DefaultThreshold), highest
	// first; Suspects has every suspected token with its own score, so a
	// caller with another threshold can select from it.
	Tokens   []string `json:"tokens,omitempty"`
	Suspects []Token  `json:"suspects,omitempty"`
	Links    []Link   `json:"links,omitempty"` // added external links (link detector)
	// Spam is the learned spam model's probability that the added text is
	// link spam (link detector; 0 when the model was not consulted).
	Spam float64 `json:"spam,omitempty"`
}

// Token is one suspected probe token and its score in [0,1], comparable
// with the probe threshold.
type Token struct {
	Text  string  `json:"text"`
	Score float64 `json:"score"`
}

// TokensAt returns the suspected tokens scoring at least threshold,
// highest first.
func (r *Result) TokensAt(threshold float64) []string {
	var out []string
	for _, t := range r.Suspects {
		if t.Score >= threshold {
			out = append(out, t.Text)
		}
	}
	return out
}

// Default thresholds: the one home of the scores at or above which the bot
// acts on each detector's result. Configuration defaults point here.
const (
	DefaultProbeThreshold = 0.5
	DefaultLinksThreshold = 0.7
)

// DefaultThreshold returns the default threshold of the named detector, or
// 0.5 for a name it does not know.
func DefaultThreshold(name string) float64 {
	switch name {
	case ProbeName:
		return DefaultProbeThreshold
	case LinksName:
		return DefaultLinksThreshold
	}
	return 0.5
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
	Model *Model // the wiki's letter model; nil means the built-in base model
	// Spam is the learned link-spam model; nil means the one embedded in
	// package spamscore.
	Spam *spamscore.Model
	// SiteSpam is the site's own spam, learned from what the bot reverted
	// and what moderators decided; it moves the spam model's judgement.
	// nil: the model judges alone.
	SiteSpam SiteSpam
	Domains  DomainHistory // nil means nothing is known
	// Dicts holds real-word dictionaries by language code ("en", "de"), as
	// package lexicon loads them: every installed language, each opened at
	// its first lookup. An edit's added text is read with the dictionary
	// of the language that reads most of its words (the one the edit or
	// the wiki names when it reads them) and the English one (English is
	// mixed into every wiki); text none reads is judged by a letter model
	// of its page. nil: no dictionary; the letter model judges alone.
	Dicts map[string]Words
	// Words are further words that are never probe tokens by themselves,
	// in any language: the wiki's own vocabulary (LearnVocabulary) and an
	// admin-edited allow-list, for example as a Union. nil: none.
	Words Words
	// Lang is the wiki's content language, used for a page whose Edit.Lang
	// is empty and whose language the text does not tell.
	Lang string
	// Thresholds are the scores at or above which each detector's result
	// counts, by detector name; a missing name uses DefaultThreshold. The
	// probe detector names the tokens at or above its threshold in Tokens.
	Thresholds map[string]float64
}

// threshold returns the threshold of the named detector under env.
func (env *Env) threshold(name string) float64 {
	if env != nil {
		if t, ok := env.Thresholds[name]; ok && t > 0 {
			return t
		}
	}
	return DefaultThreshold(name)
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
