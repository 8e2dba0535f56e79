package bot_test

import (
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/decision"
)

// oneStretchWave has three addresses probe (one pass), then puts in one
// stretch of recent changes the campaign's copy from an address with no
// history first (secondWave, which the shipped model leaves alone), a
// good-faith citation to a new domain in the campaign's own words, and
// the three probing addresses' links, which their own probes make
// reverts. It returns the copy's and the citation's revisions.
func (r *spamRig) oneStretchWave() (early, cite int64) {
	r.t.Helper()
	r.site.save(bot.Author{Name: "Admin"}, "Basalt", "'''Basalt''' is a fine-grained volcanic rock. It forms from lava rich in iron.\n", r.tick())
	r.site.save(bot.Author{Name: "Admin"}, "Comet", "'''Comets''' are icy bodies of the outer Solar System. Near the Sun they grow a tail.\n", r.tick())
	ips := []string{"203.0.10.7", "203.0.11.7", "203.0.12.7"}
	for _, ip := range ips {
		r.probe(ip)
	}
	r.pass()
	early = r.insert("198.51.100.20", "Abacus", secondWave)
	cite = r.insert("192.0.2.44", "Alchemy", " Many aquarium keepers combine this with a filter.<ref>{{cite web|url=https://www.britannica.com/science/aquarium|title=Aquarium|publisher=Encyclopaedia Britannica}}</ref>")
	for i, add := range []string{
		" Many aquarium keepers combine this with [https://www.kestrava.com/algae-control algae control for aquariums].",
		" Many aquarium keepers combine a tank with [https://www.lorvanta.com/filters filters for planted aquariums].",
		" Aquarium keepers often combine this with [https://www.meridova.com/uv-sterilizer UV sterilizers for aquariums].",
	} {
		r.insert(ips[i], []string{"Algae", "Basalt", "Comet"}[i], add)
	}
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
	if a := r.action(early); a != decision.ActionRevert && a != decision.ActionRevertBlock {
		t.Errorf("early copy after its siblings' reverts in the same pass: %s, want a revert", a)
	}
	if strings.Contains(r.site.text("Abacus"), "tessavio.com") {
		t.Error("early copy still on Abacus")
	}
	if a := r.action(cite); a != decision.ActionNone {
		t.Errorf("good-faith citation: %s, want none", a)
	}
	if !strings.Contains(r.site.text("Alchemy"), "britannica.com") {
		t.Error("good-faith citation removed")
	}
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
