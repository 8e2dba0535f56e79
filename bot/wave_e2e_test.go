package bot_test

import (
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/store"
)

// A campaign's follow-up wave, all in one stretch of recent changes
// (hand-made texts): the same advert from new addresses, some in the
// probing /24 on the probed pages, the rest from unrelated addresses on
// pages nobody probed, in mixed order; two more share only the advert's
// words and brand, with another domain, and one only its contact handle.
// Without the pass's second look 4 of the 9 copies stay (the shipped
// model and the memory as the pass began leave them).
type waveEdit struct {
	ip, title, text, mark string
	spam                  bool
}

const (
	waveAdvertA = ` Many readers now keep their joints supple with [http://flexijoint-shop.com/order FlexiJoint capsules], shipped worldwide at a special price this week. Orders: WhatsApp +44 7700 900123.`
	waveAdvertB = ` Readers keep their joints supple with [http://flexijoint-shop.com/order FlexiJoint capsules] – special price, shipped worldwide this week.`
	// waveHandle shares only the contact handle with the advert.
	waveHandle  = ` Questions about stiff knees? Our nurses answer on WhatsApp +44 7700 900123, see [http://kneecare-direct.org/ KneeCare Direct].`
	waveAdvertD = ` See also the [http://flexijoint-shop.com/guide FlexiJoint guide] on joint care.`
	waveAdvertC = ` Keep your joints supple: [http://flexijoint-eu.net/order FlexiJoint capsules], shipped worldwide at a special price this week.`
)

// waveNeighbourCite is a good-faith sentence with a reference.
const waveNeighbourCite = ` It is quarried widely as a building stone.<ref>{{cite web|url=https://www.britannica.com/science/granite|title=Granite|publisher=Encyclopaedia Britannica}}</ref>`

// followUpWave is the wave, in the order it reaches the wiki: the
// unrelated editors' copies come first, before any sibling from the range.
func followUpWave() []waveEdit {
	return []waveEdit{
		{"100.64.7.9", "Glacier", waveAdvertD, "flexijoint-shop.com", true},
		{"100.64.60.3", "Tundra", waveHandle, "kneecare-direct.org", true},
		{"203.0.113.17", "Basalt", waveAdvertA, "flexijoint-shop.com", true},
		{"198.51.100.23", "Comet", waveAdvertB, "flexijoint-shop.com", true},
		{"192.0.2.150", "Aardvark", waveAdvertA, "flexijoint-shop.com", true},
		{"100.64.20.90", "Kalkstein", sourcedGerman, "destatis.de", false},
		{"192.0.2.151", "Abacus", waveAdvertB, "flexijoint-shop.com", true},
		{"100.64.30.40", "Delta", waveAdvertC, "flexijoint-eu.net", true},
		{"192.0.2.152", "Algae", waveAdvertA, "flexijoint-shop.com", true},
		{"100.64.40.55", "Fjord", waveAdvertC, "flexijoint-eu.net", true},
		{"100.64.50.61", "Alchemy", identifiersEnglish, "v2.12.0-rc0", false},
		// A neighbour of the probing addresses, citing a reputable source.
		{"192.0.2.160", "Granite", waveNeighbourCite, "britannica.com/science/granite", false},
	}
}

// TestFollowUpWaveInOnePass: one pass sees the whole wave; every copy of
// the advert goes, wherever and whenever it came, and the good-faith
// edits stand.
func TestFollowUpWaveInOnePass(t *testing.T) {
	r := newRig(t)
	for title, text := range map[string]string{
		"Basalt":    "'''Basalt''' is a fine-grained volcanic rock. It forms from the rapid cooling of lava rich in magnesium and iron.\n",
		"Comet":     "'''Comets''' are icy bodies of the outer Solar System. Near the Sun they grow a coma and often a tail.\n",
		"Delta":     "A '''river delta''' is a landform at the mouth of a river. It forms where the river deposits its sediment.\n",
		"Glacier":   "A '''glacier''' is a persistent body of dense ice. It moves slowly under its own weight.\n",
		"Fjord":     "A '''fjord''' is a long, narrow inlet with steep sides. Fjords were carved by glaciers.\n",
		"Tundra":    "'''Tundra''' is a biome where tree growth is hindered by low temperatures. The ground is frozen most of the year.\n",
		"Granite":   "'''Granite''' is a coarse-grained intrusive igneous rock. It is composed mostly of quartz and feldspar.\n",
		"Kalkstein": "'''Kalkstein''' ist ein Sedimentgestein. Er besteht überwiegend aus Calcit.\n",
	} {
		if _, err := r.wiki.AdminEdit(r.ctx, title, text, "seed"); err != nil {
			t.Fatal(err)
		}
	}
	st := r.store.Site(store.DefaultSite) // what cmd/wikiwarden gives the wiki's patroller
	pass := func() bot.Summary {
		t.Helper()
		sum, err := r.patroller(st).Pass(r.ctx)
		if err != nil {
			t.Fatalf("pass: %v (%s)", err, sum)
		}
		t.Logf("pass: %s", sum)
		return sum
	}
	r.probeFromRangeWith(pass, "Aardvark", "Abacus", "Algae")
	wave := followUpWave()
	revs := make([]int64, len(wave))
	for i, w := range wave {
		revs[i] = r.insert(w.ip, w.title, w.text)
	}
	pass()
	for i, w := range wave {
		if rec, err := st.Record(r.ctx, revs[i]); err == nil {
			spam := 0.0
			for _, res := range rec.Results {
				if res.Detector == "links" {
					spam = res.Spam
				}
			}
			t.Logf("%s on %s: %s %s %v %q p=%.3f", w.ip, w.title, rec.Verdict, rec.Action, rec.Why, rec.Outcome, spam)
		}
	}
	missed, lost, spam := 0, 0, 0
	for _, w := range wave {
		if w.spam {
			spam++
		}
		there := strings.Contains(r.text(w.title), w.mark)
		switch {
		case w.spam && there:
			missed++
			t.Errorf("follow-up from %s on %s still there (%s)", w.ip, w.title, w.mark)
		case !w.spam && !there:
			lost++
			t.Errorf("good-faith edit from %s on %s reverted", w.ip, w.title)
		}
		// (The probing /24 is blocked as a range: its neighbour with it.)
		if !w.spam && !strings.HasPrefix(w.ip, "192.0.2.") && r.blocked(w.ip) {
			t.Errorf("good-faith editor %s blocked", w.ip)
		}
	}
	t.Logf("wave: %d of %d follow-ups missed, %d good-faith edits reverted", missed, spam, lost)
	// The next pass finds nothing left to do: each edit has one record.
	if sum := pass(); sum.Reverted != 0 || sum.Scored != 0 {
		t.Errorf("pass after the wave = %s; want nothing scored or reverted", sum)
	}
}
