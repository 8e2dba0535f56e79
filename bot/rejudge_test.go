package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sirupsen/logrus/hooks/test"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/decision"
)

// probeIPs are the three probing addresses of the waves below, one per /24.
var probeIPs = []string{"203.0.10.7", "203.0.11.7", "203.0.12.7"}

// probedCopyAndCite has probeIPs probe (one pass), then puts in the
// campaign's copy from an address with no history (secondWave, which the
// shipped model leaves alone) and a good-faith citation to a new domain in
// the campaign's own words; it returns their revisions.
func (r *spamRig) probedCopyAndCite() (early, cite int64) {
	r.t.Helper()
	r.site.save(bot.Author{Name: "Admin"}, "Basalt", "'''Basalt''' is a fine-grained volcanic rock. It forms from lava rich in iron.\n", r.tick())
	r.site.save(bot.Author{Name: "Admin"}, "Comet", "'''Comets''' are icy bodies of the outer Solar System. Near the Sun they grow a tail.\n", r.tick())
	for _, ip := range probeIPs {
		r.probe(ip)
	}
	r.pass()
	early = r.insert("198.51.100.20", "Abacus", secondWave)
	cite = r.insert("192.0.2.44", "Alchemy", " Many aquarium keepers combine this with a filter.<ref>{{cite web|url=https://www.britannica.com/science/aquarium|title=Aquarium|publisher=Encyclopaedia Britannica}}</ref>")
	return early, cite
}

// siblings puts in the probing addresses' links, which their own probes
// make reverts.
func (r *spamRig) siblings() {
	r.t.Helper()
	for i, add := range []string{
		" Many aquarium keepers combine this with [https://www.kestrava.com/algae-control algae control for aquariums].",
		" Many aquarium keepers combine a tank with [https://www.lorvanta.com/filters filters for planted aquariums].",
		" Aquarium keepers often combine this with [https://www.meridova.com/uv-sterilizer UV sterilizers for aquariums].",
	} {
		r.insert(probeIPs[i], []string{"Algae", "Basalt", "Comet"}[i], add)
	}
}

// oneStretchWave puts in one stretch of recent changes, after the probes,
// the copy first, the citation, then the probing addresses' links
// (probedCopyAndCite, siblings). It returns the copy's and the citation's
// revisions.
func (r *spamRig) oneStretchWave() (early, cite int64) {
	r.t.Helper()
	early, cite = r.probedCopyAndCite()
	r.siblings()
	return early, cite
}

// TestRejudgeCatchesCopyJudgedBeforeItsSiblings: the copy judged before
// the reverts that taught the site's spam layer is missed by a pass
// without its second look, and reverted by one with it; the good-faith
// citation stays; a later pass changes nothing (the second look's record
// is the edit's only one).
func TestRejudgeCatchesCopyJudgedBeforeItsSiblings(t *testing.T) {
	r := newSpamRig(t)
	early, _ := r.oneStretchWave()
	if sum := r.passWith(true); sum.Reverted != 3 {
		t.Fatalf("without the second look: %s; want the 3 probing addresses' links reverted", sum)
	}
	if a := r.action(early); a != decision.ActionNone {
		t.Fatalf("without the second look the early copy is %s; the test needs one a pass misses", a)
	}

	r = newSpamRig(t)
	early, cite := r.oneStretchWave()
	sum := r.passWith(false)
	r.checkCopyGoneCiteStands(early, cite, "early copy after its siblings' reverts in the same pass")
	if sum.Reverted != 4 || sum.Scored != 5 {
		t.Errorf("pass = %s; want 5 scored (each once), 4 reverted", sum)
	}
	again := r.passWith(false)
	if again.Reverted != 0 || again.Scored != 0 {
		t.Errorf("next pass = %s; want nothing to do", again)
	}
}

// TestRejudgeNeedsATeachingRevert: a pass that reverted nothing with
// links does not look again; the copy alone stays (the shipped model
// leaves it) and is judged once.
func TestRejudgeNeedsATeachingRevert(t *testing.T) {
	r := newSpamRig(t)
	rev := r.insert("198.51.100.20", "Abacus", secondWave)
	if sum := r.passWith(false); sum.Reverted != 0 {
		t.Errorf("pass = %s; want none reverted", sum)
	}
	if a := r.action(rev); a != decision.ActionNone {
		t.Errorf("copy with nothing learned: %s, want none", a)
	}
}

// splitWave is oneStretchWave with the stretch split across two passes,
// as a pass every few minutes meets a wave spread over tens of minutes:
// the copy and the good-faith citation come before one pass, the three
// probing addresses' links before the next. Between them, when onTop is
// set, a registered editor edits the copy's page. It returns the copy's
// and the citation's revisions and the first pass's summary.
func (r *spamRig) splitWave(onTop bool) (early, cite int64, first bot.Summary) {
	r.t.Helper()
	return r.splitWaveAfter(onTop, 5*time.Minute)
}

// splitWaveAfter is splitWave with gap between the two passes.
func (r *spamRig) splitWaveAfter(onTop bool, gap time.Duration) (early, cite int64, first bot.Summary) {
	r.t.Helper()
	early, cite = r.probedCopyAndCite()
	first = r.pass()
	if onTop {
		r.site.save(bot.Author{Name: "Admin"}, "Abacus", r.site.text("Abacus")+"\nSee also the counting board.\n", r.tick())
	}
	r.now = r.now.Add(gap) // to the next pass
	r.siblings()
	return early, cite, first
}

// TestRejudgeCatchesCopyOfAnEarlierPass: the copy an earlier pass judged
// alone (nothing taught yet) is reverted by the pass whose reverts of its
// siblings taught the memory, and missed by one whose second look keeps
// to its own edits; the good-faith citation of the earlier pass stays,
// and a later pass has nothing to do.
func TestRejudgeCatchesCopyOfAnEarlierPass(t *testing.T) {
	r := newSpamRig(t)
	early, _, _ := r.splitWave(false)
	log, _ := test.NewNullLogger()
	p, err := bot.New(r.opts, r.site, r.ss, log)
	if err != nil {
		t.Fatal(err)
	}
	if sum, err := bot.WithoutLookBack(p).Pass(context.Background()); err != nil || sum.Reverted != 3 {
		t.Fatalf("without the look back: %s, %v; want the 3 probing addresses' links reverted", sum, err)
	}
	if a := r.action(early); a != decision.ActionNone {
		t.Fatalf("without the look back the earlier pass's copy is %s; the test needs one a pass misses", a)
	}

	r = newSpamRig(t)
	early, cite, first := r.splitWave(false)
	if first.Reverted != 0 || first.Scored != 2 {
		t.Fatalf("first pass = %s; want 2 scored, none reverted (nothing taught yet)", first)
	}
	sum := r.pass()
	r.checkCopyGoneCiteStands(early, cite, "earlier pass's copy after its siblings' reverts")
	if sum.Reverted != 4 || sum.Scored != 3 {
		t.Errorf("second pass = %s; want 3 scored, 4 reverted", sum)
	}
	if again := r.pass(); again.Reverted != 0 || again.Scored != 0 || again.Flagged != 0 {
		t.Errorf("next pass = %s; want nothing to do", again)
	}
}

// TestRejudgeLooksBackHoursOnly: a copy older than the look back is a
// human's to find; the pass leaves it.
func TestRejudgeLooksBackHoursOnly(t *testing.T) {
	r := newSpamRig(t)
	early, _, _ := r.splitWaveAfter(false, 7*time.Hour)
	if sum := r.pass(); sum.Reverted != 3 {
		t.Errorf("pass = %s; want the 3 siblings reverted", sum)
	}
	if a := r.action(early); a != decision.ActionNone {
		t.Errorf("copy older than the look back: %s, want none", a)
	}
}

// TestRejudgeFlagsEarlierCopyWithAnEditOnTop: an editor's edit on top of
// the earlier pass's copy makes the second look flag it, never revert it.
func TestRejudgeFlagsEarlierCopyWithAnEditOnTop(t *testing.T) {
	r := newSpamRig(t)
	early, cite, _ := r.splitWave(true)
	sum := r.pass()
	if a := r.action(early); a != decision.ActionFlag {
		t.Errorf("earlier copy under an editor's edit: %s, want a flag", a)
	}
	if !strings.Contains(r.site.text("Abacus"), "counting board") || !strings.Contains(r.site.text("Abacus"), "tessavio.com") {
		t.Error("the page under the editor's edit was changed")
	}
	if a := r.action(cite); a != decision.ActionNone {
		t.Errorf("good-faith citation: %s, want none", a)
	}
	if sum.Reverted != 3 {
		t.Errorf("pass = %s; want the 3 siblings reverted, the copy not", sum)
	}
	if again := r.pass(); again.Reverted != 0 || again.Scored != 0 {
		t.Errorf("next pass = %s; want nothing to do", again)
	}
	// A later wave teaches the memory again: the flagged copy is a
	// human's now, and is not looked at again (nor flagged twice).
	r.site.save(bot.Author{Name: "Admin"}, "Granite", "'''Granite''' is a coarse-grained intrusive rock. It is mostly quartz and feldspar.\n", r.tick())
	r.pass()
	r.insert("203.0.10.7", "Granite", " Many aquarium keepers combine this with [https://www.kestrava.com/co2 CO2 kits for aquariums].")
	later := r.pass()
	held := 0
	for _, n := range later.Held {
		held += n
	}
	if later.Reverted != 1 || held != 0 {
		t.Errorf("later teaching pass = %s; want its own link reverted and the flagged copy left alone", later)
	}
	if a := r.action(early); a != decision.ActionFlag {
		t.Errorf("flagged copy after a later teaching pass: %s, want the flag kept", a)
	}
}

// checkCopyGoneCiteStands asserts the wave's copy (on Abacus) was reverted
// and the good-faith citation (on Alchemy) left alone; what names the copy.
func (r *spamRig) checkCopyGoneCiteStands(early, cite int64, what string) {
	r.t.Helper()
	if a := r.action(early); a != decision.ActionRevert && a != decision.ActionRevertBlock {
		r.t.Errorf("%s: %s, want a revert", what, a)
	}
	if strings.Contains(r.site.text("Abacus"), "tessavio.com") {
		r.t.Errorf("%s: still on Abacus", what)
	}
	if a := r.action(cite); a != decision.ActionNone {
		r.t.Errorf("good-faith citation: %s, want none", a)
	}
	if !strings.Contains(r.site.text("Alchemy"), "britannica.com") {
		r.t.Error("good-faith citation removed")
	}
}
