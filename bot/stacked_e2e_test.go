package bot_test

import (
	"strings"
	"testing"
)

// TestStackedFollowUpSpam: two addresses of a probing /24 spam the same
// probed page one after the other. The earlier spam is held while the
// later one sits on top; the later spam's revert bares it, and the same
// pass removes it. Good-faith edits from other ranges stand.
func TestStackedFollowUpSpam(t *testing.T) {
	r := newRig(t)
	r.probeFromRange("Aardvark", "Abacus")

	// The follow-up, from new IPs of the probing /24 on the probed pages.
	r.insert("192.0.2.140", "Aardvark", germanSpam)
	r.insert("192.0.2.141", "Abacus", frenchSpam)
	r.insert("192.0.2.142", "Aardvark", citationSpam)

	// Good faith, from other ranges.
	r.insert("203.0.113.44", "Algae", sourcedGerman)
	r.insert("198.51.100.61", "Alchemy", identifiersEnglish)

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
