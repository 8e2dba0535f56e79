package bot_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/sirupsen/logrus/hooks/test"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/store"
)

// spamRig is a frig patrolled through the site's own store, as run wires
// every patroller.
type spamRig struct {
	*frig
	ss *store.SiteStore
}

func newSpamRig(t *testing.T) *spamRig {
	r := newFrig(t)
	return &spamRig{frig: r, ss: r.store.Site("frig")}
}

func (r *spamRig) pass() bot.Summary {
	r.t.Helper()
	return r.passWith(false)
}

// passWith is spamRig.pass with the pass's second look switched off when
// off is set.
func (r *spamRig) passWith(off bool) bot.Summary {
	r.t.Helper()
	log, _ := test.NewNullLogger()
	p, err := bot.New(r.opts, r.site, r.ss, log)
	if err != nil {
		r.t.Fatal(err)
	}
	if off {
		bot.WithoutRejudge(p)
	}
	sum, err := p.Pass(context.Background())
	if err != nil {
		r.t.Fatalf("pass: %v", err)
	}
	r.t.Logf("pass: %s", sum)
	r.tick()
	return sum
}

func (r *spamRig) action(rev int64) decision.Action {
	r.t.Helper()
	rec, err := r.ss.Record(context.Background(), rev)
	if err != nil {
		r.t.Fatalf("record %d: %v", rev, err)
	}
	for _, res := range rec.Results {
		if res.Detector == "links" {
			r.t.Logf("rev %d: %s %s, spam %.3f, %v", rev, rec.Verdict, rec.Action, res.Spam, res.Reasons)
		}
	}
	return rec.Action
}

// firstWave has three addresses of a campaign probe and then add its links:
// plain-looking links the shipped model reads as good faith, reverted
// because their addresses probed.
func (r *spamRig) firstWave() []int64 {
	r.t.Helper()
	var revs []int64
	for i, add := range []string{
		" Many aquarium keepers combine this with [https://www.kestrava.com/algae-control algae control for aquariums].",
		" Many aquarium keepers combine a tank with [https://www.lorvanta.com/filters filters for planted aquariums].",
		" Aquarium keepers often combine this with [https://www.meridova.com/uv-sterilizer UV sterilizers for aquariums].",
	} {
		ip := fmt.Sprintf("203.0.%d.7", 10+i)
		r.probe(ip)
		revs = append(revs, r.insert(ip, "Algae", add))
		r.pass()
	}
	for _, rev := range revs {
		if a := r.action(rev); a != decision.ActionRevertBlock && a != decision.ActionRevert {
			r.t.Fatalf("first wave %d: %s, want a revert", rev, a)
		}
	}
	return revs
}

// secondWave is the campaign back from an address with no history, with
// a new link text and on a new domain.
const secondWave = " Many aquarium keepers combine this with [https://www.tessavio.com/co2-systems CO2 systems for planted aquariums]."

func TestSiteSpamRecognisesSecondWave(t *testing.T) {
	ctx := context.Background()
	// The shipped model alone: the second wave stays.
	r := newSpamRig(t)
	rev := r.insert("198.51.100.20", "Abacus", secondWave)
	r.pass()
	if a := r.action(rev); a != decision.ActionNone {
		t.Fatalf("with nothing learned the second wave is %s; the test needs one the shipped model leaves", a)
	}

	r = newSpamRig(t)
	r.firstWave()
	n, err := r.ss.SpamLearned(ctx)
	if err != nil || n.Spam != 3 {
		t.Fatalf("learned %+v, %v; want 3 spam", n, err)
	}
	rev = r.insert("198.51.100.20", "Abacus", secondWave)
	// A good-faith citation, to a new domain.
	cite := r.insert("192.0.2.44", "Alchemy", " The city is a centre of the trade.<ref>{{cite web|url=https://www.britannica.com/place/Antalya|title=Antalya, city in Turkey|publisher=Britannica}}</ref>")
	r.pass()
	if a := r.action(rev); a != decision.ActionRevert && a != decision.ActionRevertBlock {
		t.Errorf("second wave after three reverted examples: %s, want a revert", a)
	}
	if a := r.action(cite); a != decision.ActionNone {
		t.Errorf("a good citation after the campaign: %s, want none", a)
	}
}

func TestSiteSpamRestoredDomainStopsCounting(t *testing.T) {
	ctx := context.Background()
	r := newSpamRig(t)
	revs := r.firstWave()
	// A moderator restores every edit of the first wave: they were good.
	for _, rev := range revs {
		if _, err := r.ss.AddAudit(ctx, store.AuditEntry{Time: r.tick(), Moderator: "mod", Action: store.AuditRestore, RevID: rev}); err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := r.ss.SpamLearned(ctx); n != (store.SpamLearned{Good: 3}) {
		t.Fatalf("learned %+v after restores", n)
	}
	rev := r.insert("198.51.100.20", "Abacus", secondWave)
	again := r.insert("198.51.100.21", "Aardvark", " Many aquarium keepers combine this with [https://www.kestrava.com/algae-control algae control for aquariums].")
	r.pass()
	for _, rv := range []int64{rev, again} {
		if a := r.action(rv); a != decision.ActionNone {
			t.Errorf("edit %d like the restored ones: %s, want none", rv, a)
		}
	}
}

func TestSiteSpamNeverRaisesACitedDomain(t *testing.T) {
	ctx := context.Background()
	r := newSpamRig(t)
	r.firstWave()
	// The wiki cites the campaign's kind of domain on its own.
	if err := r.ss.AddKnownDomains(ctx, []string{"tessavio.com"}); err != nil {
		t.Fatal(err)
	}
	rev := r.insert("198.51.100.20", "Abacus", secondWave)
	r.pass()
	if a := r.action(rev); a != decision.ActionNone {
		t.Errorf("a link to a domain the wiki cites: %s, want none", a)
	}
}

// rangeWave has one address of a campaign probe and three of its
// neighbours add its links: reverted on the range's memory (nothing ties
// the neighbours themselves to the probe), and no moderator overturns
// the reverts.
func (r *spamRig) rangeWave() []int64 {
	r.t.Helper()
	// A wiki that cites enough domains for "new domain" to mean
	// something (Memory.FewKnownDomains false).
	var cited []string
	for i := range 60 {
		cited = append(cited, fmt.Sprintf("archive%d.example.org", i))
	}
	if err := r.ss.AddKnownDomains(context.Background(), cited); err != nil {
		r.t.Fatal(err)
	}
	r.probe("203.0.113.7")
	r.pass()
	var revs []int64
	for i, add := range []string{
		" Many aquarium keepers combine this with [https://www.kestrava.com/algae-control algae control].",
		" Many aquarium keepers combine a tank with [https://www.lorvanta.com/filters planted filters].",
		" Many aquarium keepers combine this with [https://www.meridova.com/uv-sterilizer sterilizer deals].",
	} {
		revs = append(revs, r.insert(fmt.Sprintf("203.0.113.%d", 20+i), "Alchemy", add))
		r.pass()
	}
	for _, rev := range revs {
		if a := r.action(rev); a != decision.ActionRevert {
			r.t.Fatalf("range wave %d: %s, want a revert", rev, a)
		}
	}
	return revs
}

// TestSiteSpamLearnsUnchallengedReverts checks that links reverted on a
// probing range's memory alone, which no moderator overturned, teach the
// site's layer spam like those reverted on their content: the campaign's
// second wave, from an address with no history on another page, is
// reverted; once a moderator restores the first wave it is left alone.
func TestSiteSpamLearnsUnchallengedReverts(t *testing.T) {
	ctx := context.Background()
	r := newSpamRig(t)
	revs := r.rangeWave()
	if n, err := r.ss.SpamLearned(ctx); err != nil || n.Spam != 3 {
		t.Fatalf("learned %+v, %v; want 3 spam", n, err)
	}
	rev := r.insert("198.51.100.20", "Abacus", secondWave)
	r.pass()
	if a := r.action(rev); a != decision.ActionRevert && a != decision.ActionRevertBlock {
		t.Errorf("second wave after three unchallenged reverts: %s, want a revert", a)
	}

	r = newSpamRig(t)
	revs = r.rangeWave()
	for _, rev := range revs {
		if _, err := r.ss.AddAudit(ctx, store.AuditEntry{Time: r.tick(), Moderator: "mod", Action: store.AuditRestore, RevID: rev}); err != nil {
			t.Fatal(err)
		}
	}
	rev = r.insert("198.51.100.20", "Abacus", secondWave)
	r.pass()
	if a := r.action(rev); a != decision.ActionNone {
		t.Errorf("second wave like three restored edits: %s, want none", a)
	}
}
