package bot_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/bot"
)

// The follow-up spam of the multilingual campaign tests (written for the
// project): German and French link spam, and spam shaped as a citation.
const (
	germanSpam   = ` [http://schnellkredit-heute.de/antrag Kredit ohne Bonitätsprüfung] – Geld in 24 Stunden auf dem Konto, auch bei negativer Schufa, hier sofort online beantragen!`
	frenchSpam   = ` [http://credit-rapide-facile.fr/demande Prêt rapide sans justificatif] – obtenez votre argent en 48h, même fiché à la Banque de France, demandez maintenant !`
	citationSpam = `<ref>{{cite web|url=http://discount-uggs-outlet.net/best-casino-guide|title=Top online casino guide 2024|publisher=Casino Reviews}}</ref>`
)

// Good-faith additions of those tests: a sourced German paragraph, and an
// English one full of identifiers.
const (
	sourcedGerman      = ` Nach Angaben des Statistischen Bundesamtes stieg die Zahl der Haushalte mit Wohneigentum zwischen 2011 und 2022 nur geringfügig.<ref>{{Internetquelle |url=https://www.destatis.de/DE/Themen/Gesellschaft-Umwelt/Wohnen/_inhalt.html |titel=Wohnen in Deutschland |hrsg=Statistisches Bundesamt |datum=2023-06-14 |abruf=2024-01-10}}</ref>`
	identifiersEnglish = ` A 2021 reanalysis (doi:10.1038/s41586-021-03819-2; see also ISBN 978-0-19-953556-9) fitted the data with the open-source pipeline v2.12.0-rc0 and found traces of calcium carbonate (CaCO3) and Fe2O3.<ref>{{cite journal |last=Jumper |first=J. |title=Highly accurate protein structure prediction |journal=Nature |volume=596 |pages=583–589 |year=2021 |doi=10.1038/s41586-021-03819-2}}</ref>`
)

// probeFromRange has the botnet probe each of titles with a random token,
// from 192.0.2.31, .32, ... (one /24), and checks that a pass reverts
// every probe.
func (r *rig) probeFromRange(titles ...string) {
	r.t.Helper()
	r.probeFromRangeWith(r.pass, titles...)
}

// probeFromRangeWith is probeFromRange with the probes judged by pass.
func (r *rig) probeFromRangeWith(pass func() bot.Summary, titles ...string) {
	r.t.Helper()
	rng := rand.New(rand.NewPCG(13, 2))
	for i, title := range titles {
		r.insert(fmt.Sprintf("192.0.2.%d", 31+i), title, " "+token(rng, []int{9, 11, 10}[i%3]))
	}
	if sum := pass(); sum.Reverted != len(titles) {
		r.t.Fatalf("probe pass = %s; want %d reverts", sum, len(titles))
	}
}

// TestMultilingualFollowUpSpamAndGoodFaith is issue 13's honest measure on
// a real wiki: a botnet /24 probes, then returns with German and French
// link spam and a citation-shaped spam reference; good-faith editors from
// other ranges add a sourced German paragraph and an English paragraph
// full of identifiers. The spam must go and the range be blocked; the
// good-faith edits must stand and their editors stay unblocked.
func TestMultilingualFollowUpSpamAndGoodFaith(t *testing.T) {
	r := newRig(t)
	r.probeFromRange("Aardvark", "Abacus", "Algae")

	// The follow-up, from new IPs of the probing /24 on the probed pages, one spam edit per page.
	r.insert("192.0.2.140", "Aardvark", germanSpam)
	r.insert("192.0.2.141", "Abacus", frenchSpam)
	r.insert("192.0.2.142", "Algae", citationSpam)

	// Good faith, from other ranges.
	if _, err := r.wiki.AdminEdit(r.ctx, "Kalkstein", "'''Kalkstein''' ist ein Sedimentgestein. Er besteht überwiegend aus Calcit.\n", "seed"); err != nil {
		t.Fatal(err)
	}
	r.insert("203.0.113.44", "Kalkstein", sourcedGerman)
	r.insert("198.51.100.61", "Alchemy", identifiersEnglish)

	sum := r.pass()
	t.Logf("spam pass: %s", sum)
	for title, frag := range map[string]string{"Aardvark": "schnellkredit-heute.de", "Abacus": "credit-rapide-facile.fr"} {
		if strings.Contains(r.text(title), frag) {
			t.Errorf("follow-up spam %s still on %s", frag, title)
		}
	}
	if strings.Contains(r.text("Algae"), "discount-uggs-outlet.net") {
		t.Error("citation-shaped spam from the probing range still on Algae")
	}
	if !strings.Contains(r.text("Kalkstein"), "destatis.de") {
		t.Error("sourced German paragraph on Kalkstein was reverted")
	}
	if !strings.Contains(r.text("Alchemy"), "v2.12.0-rc0") {
		t.Error("English paragraph with identifiers on Alchemy was reverted")
	}
	if sum.Reverted != 3 || sum.Blocked == 0 {
		t.Errorf("spam pass = %s; want the 3 spam edits reverted and a block", sum)
	}
	if !r.blocked("192.0.2.0/24") {
		t.Error("the probing range 192.0.2.0/24 is not blocked after spam from several of its IPs")
	}
	for _, ip := range []string{"203.0.113.44", "198.51.100.61", "203.0.113.0/24", "198.51.100.0/24"} {
		if r.blocked(ip) {
			t.Errorf("good-faith editor or range %s blocked", ip)
		}
	}
}
