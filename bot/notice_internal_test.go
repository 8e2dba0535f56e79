package bot

import (
	"testing"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/store"
)

func TestNoticeCalls(t *testing.T) {
	all := func(r NoticeRule) map[decision.Verdict]NoticeRule {
		return map[decision.Verdict]NoticeRule{decision.VerdictProbe: r, decision.VerdictFollowUpSpam: r, decision.VerdictLinkSpam: r}
	}
	np := NoticePolicy{Registered: all(NoticeAlways), Anonymous: all(NoticeWeak)}
	pol := Policy{Thresholds: map[string]float64{"probe": 0.5, "links": 0.7}}
	probe := func(score float64, why ...decision.Reason) (decision.Decision, []detectors.Result) {
		return decision.Decision{Verdict: decision.VerdictProbe, Action: decision.ActionRevert, Why: append([]decision.Reason{decision.WhyProbe}, why...)},
			[]detectors.Result{{Detector: "probe", Score: score}}
	}
	links := func(v decision.Verdict, score float64, why ...decision.Reason) (decision.Decision, []detectors.Result) {
		return decision.Decision{Verdict: v, Action: decision.ActionRevert, Why: why}, []detectors.Result{{Detector: "links", Score: score}}
	}
	anon, user := Author{Name: "192.0.2.7", Anon: true}, Author{Name: "Alice"}
	for _, tc := range []struct {
		name   string
		author Author
		d      decision.Decision
		rs     []detectors.Result
		want   bool
	}{
		{"registered, blatant probe", user, first(probe(0.95)), second(probe(0.95)), true},
		{"anonymous, blatant probe", anon, first(probe(0.95)), second(probe(0.95)), false},
		{"anonymous, probe just over the threshold", anon, first(probe(0.55)), second(probe(0.55)), true},
		{"anonymous, known token", anon, first(probe(0.55, decision.WhyKnownToken)), second(probe(0.55, decision.WhyKnownToken)), false},
		{"anonymous, follow-up link to a new domain", anon, first(links(decision.VerdictFollowUpSpam, 0.2, decision.WhyFollowUpPage, decision.WhyNewDomain)), second(links(decision.VerdictFollowUpSpam, 0.2)), true},
		{"anonymous, follow-up spam with signals", anon, first(links(decision.VerdictFollowUpSpam, 0.5, decision.WhyFollowUpIP, decision.WhySpamSignals)), second(links(decision.VerdictFollowUpSpam, 0.5)), false},
		{"anonymous, link spam well over the threshold", anon, first(links(decision.VerdictLinkSpam, 0.95, decision.WhyLinkSpam)), second(links(decision.VerdictLinkSpam, 0.95)), false},
		{"anonymous, link spam just over the threshold", anon, first(links(decision.VerdictLinkSpam, 0.72, decision.WhyLinkSpam)), second(links(decision.VerdictLinkSpam, 0.72)), false},
		{"anonymous, follow-up spam over the link threshold", anon, first(links(decision.VerdictFollowUpSpam, 0.75, decision.WhyFollowUpIP, decision.WhyLinkSpam)), second(links(decision.VerdictFollowUpSpam, 0.75)), false},
		{"registered, link spam", user, first(links(decision.VerdictLinkSpam, 0.95, decision.WhyLinkSpam)), second(links(decision.VerdictLinkSpam, 0.95)), true},
	} {
		if got := np.calls(tc.author, tc.d, tc.rs, pol); got != tc.want {
			t.Errorf("%s: calls = %v, want %v", tc.name, got, tc.want)
		}
	}
	if (NoticePolicy{}).calls(user, first(probe(0.9)), second(probe(0.9)), pol) {
		t.Error("the zero policy calls for a message")
	}
}

func first[A, B any](a A, _ B) A  { return a }
func second[A, B any](_ A, b B) B { return b }

// Both stores the patroller is given keep messages and reports.
var (
	_ noticeStore = (*store.Store)(nil)
	_ noticeStore = (*store.SiteStore)(nil)
)
