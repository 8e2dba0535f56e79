package bot_test

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestStackedFollowUpSpam: two addresses of a probing /24 spam the same
// probed page one after the other. The earlier spam is held while the
// later one sits on top; the later spam's revert bares it, and the same
// pass removes it. Good-faith edits from other ranges stand.
func TestStackedFollowUpSpam(t *testing.T) {
	r := newRig(t)
	rng := rand.New(rand.NewPCG(13, 2))
	// The probe: random tokens from two IPs of one /24.
	r.insert("192.0.2.31", "Aardvark", " "+token(rng, 9))
	r.insert("192.0.2.32", "Abacus", " "+token(rng, 11))
	if sum := r.pass(); sum.Reverted != 2 {
		t.Fatalf("probe pass = %s; want 2 reverts", sum)
	}

	// The follow-up, from new IPs of the probing /24 on the probed pages.
	german := ` [http://schnellkredit-heute.de/antrag Kredit ohne Bonitätsprüfung] – Geld in 24 Stunden auf dem Konto, auch bei negativer Schufa, hier sofort online beantragen!`
	french := ` [http://credit-rapide-facile.fr/demande Prêt rapide sans justificatif] – obtenez votre argent en 48h, même fiché à la Banque de France, demandez maintenant !`
	citeSpam := `<ref>{{cite web|url=http://discount-uggs-outlet.net/best-casino-guide|title=Top online casino guide 2024|publisher=Casino Reviews}}</ref>`
	r.insert("192.0.2.140", "Aardvark", german)
	r.insert("192.0.2.141", "Abacus", french)
	r.insert("192.0.2.142", "Aardvark", citeSpam)

	// Good faith, from other ranges.
	deutsch := ` Nach Angaben des Statistischen Bundesamtes stieg die Zahl der Haushalte mit Wohneigentum zwischen 2011 und 2022 nur geringfügig.<ref>{{Internetquelle |url=https://www.destatis.de/DE/Themen/Gesellschaft-Umwelt/Wohnen/_inhalt.html |titel=Wohnen in Deutschland |hrsg=Statistisches Bundesamt |datum=2023-06-14 |abruf=2024-01-10}}</ref>`
	english := ` A 2021 reanalysis (doi:10.1038/s41586-021-03819-2; see also ISBN 978-0-19-953556-9) fitted the data with the open-source pipeline v2.12.0-rc0 and found traces of calcium carbonate (CaCO3) and Fe2O3.<ref>{{cite journal |last=Jumper |first=J. |title=Highly accurate protein structure prediction |journal=Nature |volume=596 |pages=583–589 |year=2021 |doi=10.1038/s41586-021-03819-2}}</ref>`
	r.insert("203.0.113.44", "Algae", deutsch)
	r.insert("198.51.100.61", "Alchemy", english)

	if sum := r.pass(); sum.Pending != 0 || sum.Reverted != 3 {
		t.Errorf("spam pass = %s; want the three spam edits reverted in the pass, nothing pending", sum)
	}
	for title, frag := range map[string]string{"Aardvark": "schnellkredit-heute.de", "Abacus": "credit-rapide-facile.fr"} {
		if strings.Contains(r.text(title), frag) {
			t.Errorf("follow-up spam %s still on %s", frag, title)
		}
	}
	if strings.Contains(r.text("Aardvark"), "discount-uggs-outlet.net") {
		t.Error("citation-shaped spam from the probing range still on Aardvark")
	}
	if !strings.Contains(r.text("Algae"), "destatis.de") {
		t.Error("sourced German paragraph on Algae was reverted")
	}
	if !strings.Contains(r.text("Alchemy"), "v2.12.0-rc0") {
		t.Error("English paragraph with identifiers on Alchemy was reverted")
	}
	if !r.blocked("192.0.2.0/24") && !(r.blocked("192.0.2.140") && r.blocked("192.0.2.141")) {
		t.Error("neither the probing range 192.0.2.0/24 nor its spamming IPs are blocked")
	}
	for _, ip := range []string{"203.0.113.44", "198.51.100.61", "203.0.113.0/24", "198.51.100.0/24"} {
		if r.blocked(ip) {
			t.Errorf("good-faith editor or range %s blocked", ip)
		}
	}
}
