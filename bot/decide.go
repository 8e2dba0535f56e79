package bot

import (
	"github.com/wikiwarden/wikiwarden/detectors"
)

// Verdict is what the bot concluded about one edit.
type Verdict string

// Verdicts.
const (
	VerdictOK           Verdict = "ok"            // nothing suspicious
	VerdictProbe        Verdict = "probe"         // a random-token probe edit
	VerdictFollowUpSpam Verdict = "followup_spam" // links from a probing IP/range or on a probed page
	VerdictLinkSpam     Verdict = "link_spam"     // links that are spam on their own evidence
	VerdictSkipped      Verdict = "skipped"       // not scored (trusted editor, own edit, ...)
)

// Action is what the bot does about an edit.
type Action string

// Actions.
const (
	ActionNone        Action = "none"         // leave it alone
	ActionRevert      Action = "revert"       // revert the edit
	ActionRevertBlock Action = "revert_block" // revert and block the IP or its range
	ActionFlag        Action = "flag"         // would revert but must not (later editor, nobots, cooldown): flag for review
)

// Why is a typed reason code for a decision or for what became of it.
type Why string

// Decision reason codes.
const (
	WhyProbe         Why = "probe_token"       // the probe detector crossed its threshold
	WhyFollowUpIP    Why = "followup_ip"       // the IP made a probe within the watch window
	WhyFollowUpRange Why = "followup_range"    // the IP's range made a probe within the watch window
	WhyFollowUpPage  Why = "followup_page"     // the page was probed within the watch window
	WhyLinkSpam      Why = "link_spam"         // the link detector crossed its threshold
	WhyClean         Why = "clean"             // no detector crossed its threshold
	WhyLinksNoHist   Why = "links_no_history"  // links added, but no probing history: left alone
	WhyRegistered    Why = "registered_editor" // follow-up rules apply to anonymous editors only
)

// Memory is what the store knows about an edit's editor and page at the time
// of the decision. The zero value means "nothing known".
type Memory struct {
	IPProbed    bool // this IP made a probe within the watch window
	RangeProbed bool // another IP of this IP's range made a probe within the window
	PageProbed  bool // the page was probed within the window
	// FewKnownDomains says the wiki's domain history is too thin for "new
	// domain" to mean much: then most reputable sources look new too.
	FewKnownDomains bool
}

// Policy holds the thresholds a decision uses, keyed by detector name.
type Policy struct {
	Thresholds map[string]float64
}

// DefaultThreshold is a detector's threshold when the config sets none.
func DefaultThreshold(detector string) float64 {
	if detector == "links" {
		return 0.7
	}
	return 0.5
}

func (p Policy) threshold(detector string) float64 {
	if t, ok := p.Thresholds[detector]; ok {
		return t
	}
	return DefaultThreshold(detector)
}

// Decision is the bot's verdict on one edit and the action it calls for.
type Decision struct {
	Verdict Verdict `json:"verdict"`
	Action  Action  `json:"action"`
	Why     []Why   `json:"why"`
}

// Reverts reports whether the decision calls for reverting the edit.
func (d Decision) Reverts() bool {
	return d.Action == ActionRevert || d.Action == ActionRevertBlock
}

// pageOnlyMinScore is the link score a link to a new domain needs when a
// probed page is the only evidence and the wiki's domain history is thin.
const pageOnlyMinScore = 0.45

// Decide turns detector results and the store's memory into a decision. It is
// pure: the same inputs always give the same decision, and it does no I/O.
// Wiki conditions that stop an action (later editors, {{nobots}}, the
// shutoff page, cooldowns) are applied afterwards by the patroller.
func Decide(e *detectors.Edit, results []detectors.Result, mem Memory, p Policy) Decision {
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
		return Decision{Verdict: VerdictProbe, Action: ActionRevert, Why: []Why{WhyProbe}}
	}
	if links == nil || len(links.Links) == 0 {
		return Decision{Verdict: VerdictOK, Action: ActionNone, Why: []Why{WhyClean}}
	}
	if e.Anon {
		var why []Why
		if mem.IPProbed {
			why = append(why, WhyFollowUpIP)
		}
		if mem.RangeProbed {
			why = append(why, WhyFollowUpRange)
		}
		// A probed page alone is weaker evidence than a probing address: a
		// good-faith editor may add a reference to a page a bot once probed.
		// Require a link to a domain the wiki does not link to yet, and
		// more than that while the wiki's domain history is thin.
		if mem.PageProbed && (len(why) > 0 || hasCode(links, detectors.LinkSpamDomain) ||
			(hasCode(links, detectors.LinkNewDomain) && (!mem.FewKnownDomains || links.Score >= pageOnlyMinScore))) {
			why = append(why, WhyFollowUpPage)
		}
		if len(why) > 0 {
			return Decision{Verdict: VerdictFollowUpSpam, Action: ActionRevertBlock, Why: why}
		}
	}
	if links.Score >= p.threshold("links") {
		return Decision{Verdict: VerdictLinkSpam, Action: ActionRevert, Why: []Why{WhyLinkSpam}}
	}
	if !e.Anon {
		return Decision{Verdict: VerdictOK, Action: ActionNone, Why: []Why{WhyRegistered}}
	}
	return Decision{Verdict: VerdictOK, Action: ActionNone, Why: []Why{WhyLinksNoHist}}
}

func hasCode(r *detectors.Result, codes ...detectors.Code) bool {
	for _, reason := range r.Reasons {
		for _, c := range codes {
			if reason.Code == c {
				return true
			}
		}
	}
	return false
}
