package forumcampaign

import (
	"strings"
	"testing"
)

func TestTally(t *testing.T) {
	outs := []Outcome{
		{Post: Post{Kind: KindProbe, IP: "100.72.5.11"}, Removed: true, Blocks: []string{"100.72.5.0/24"}},
		{Post: Post{Kind: KindSpam, IP: "100.72.9.8", Author: "cheapdeals77", Account: true}, Removed: true, Blocks: []string{"100.72.9.0/24"}, Banned: true},
		{Post: Post{Kind: KindGood, IP: "100.64.40.2"}},
	}
	tally := Count(outs)
	if !tally.OK() {
		t.Errorf("%v: not OK", tally)
	}
	want := "forum: probes removed 1/1, spam removed 1/1, good posts left alone 1/1, blacklisted: 100.72.5.0/24, 100.72.9.0/24, banned: cheapdeals77"
	if got := tally.String(); got != want {
		t.Errorf("tally %q\nwant  %q", got, want)
	}
	outs[2].Blocks = []string{"100.64.40.2"}
	outs[0].Removed = false
	tally = Count(outs)
	if tally.OK() || outs[2].Expected() || outs[0].Expected() || !strings.Contains(tally.String(), "good posts by blocked authors 1") {
		t.Errorf("a surviving probe and a blocked good author: %v", tally)
	}
}

func TestPlan(t *testing.T) {
	a, b := plan(&State{Seed: 1}), plan(&State{Seed: 1, CrossIP: "192.0.2.200"})
	if len(b) != len(a)+1 || b[len(b)-1].ip != "192.0.2.200" {
		t.Errorf("a cross-site IP adds one spam post: %d and %d steps", len(a), len(b))
	}
	kinds := map[Kind]int{}
	for _, s := range a {
		kinds[s.kind]++
		if s.kind == KindProbe && s.phase != PhaseProbe || s.kind == KindSpam && s.phase != PhaseReturn {
			t.Errorf("%s %s in phase %s", s.kind, s.what, s.phase)
		}
	}
	if kinds[KindProbe] != 5 || kinds[KindSpam] != 6 || kinds[KindGood] != 5 {
		t.Errorf("kinds %v; want 5 probes, 6 spam posts and 5 good posts", kinds)
	}
	if plan(&State{Seed: 1})[1].text != a[1].text || plan(&State{Seed: 2})[1].text == a[1].text {
		t.Error("tokens do not follow the seed")
	}
}
