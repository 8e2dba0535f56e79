package bot

import (
	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/detectors"
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

// pageOnlyMinScore is the link score a link to a new domain needs when a
// probed page is the only evidence and the wiki's domain history is thin.
const pageOnlyMinScore = 0.45

// Decide turns detector results and the store's memory into a decision. It is
// pure: the same inputs always give the same decision, and it does no I/O.
// Wiki conditions that stop an action (later editors, {{nobots}}, the
// shutoff page, cooldowns) are applied afterwards by the patroller.
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
		return decision.Decision{Verdict: decision.VerdictProbe, Action: decision.ActionRevert, Why: []decision.Reason{decision.WhyProbe}}
	}
	if links == nil || len(links.Links) == 0 {
		return decision.Decision{Verdict: decision.VerdictOK, Action: decision.ActionNone, Why: []decision.Reason{decision.WhyClean}}
	}
	if e.Anon {
		var why []decision.Reason
		if mem.IPProbed {
			why = append(why, decision.WhyFollowUpIP)
		}
		if mem.RangeProbed {
			why = append(why, decision.WhyFollowUpRange)
		}
		// A probed page alone is weaker evidence than a probing address: a
		// good-faith editor may add a reference to a page a bot once probed.
		// Require a link to a domain the wiki does not link to yet, and
		// more than that while the wiki's domain history is thin.
		if mem.PageProbed && (len(why) > 0 || hasCode(links, detectors.LinkSpamDomain) ||
			(hasCode(links, detectors.LinkNewDomain) && (!mem.FewKnownDomains || links.Score >= pageOnlyMinScore))) {
			why = append(why, decision.WhyFollowUpPage)
		}
		if len(why) > 0 {
			return decision.Decision{Verdict: decision.VerdictFollowUpSpam, Action: decision.ActionRevertBlock, Why: why}
		}
	}
	if links.Score >= p.threshold("links") {
		return decision.Decision{Verdict: decision.VerdictLinkSpam, Action: decision.ActionRevert, Why: []decision.Reason{decision.WhyLinkSpam}}
	}
	if !e.Anon {
		return decision.Decision{Verdict: decision.VerdictOK, Action: decision.ActionNone, Why: []decision.Reason{decision.WhyRegistered}}
	}
	return decision.Decision{Verdict: decision.VerdictOK, Action: decision.ActionNone, Why: []decision.Reason{decision.WhyLinksNoHist}}
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
