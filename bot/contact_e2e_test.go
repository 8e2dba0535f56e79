package bot_test

import (
	"strings"
	"testing"
)

// TestContactFollowUpSpamAndLocalNumber is a campaign on a real wiki whose
// follow-up spam carries no link: a /24 probes, then comes back from new
// addresses with a Japanese pitch ending in a LINE id and an Indonesian
// loan offer with a WhatsApp number; a good-faith editor from another
// range adds a museum's opening hours with its telephone number. The
// contact spam must go and the range be blocked; the museum's number must
// stand.
func TestContactFollowUpSpamAndLocalNumber(t *testing.T) {
	r := newRig(t)
	r.probeFromRange("Aardvark", "Abacus")

	r.insert("192.0.2.150", "Aardvark", " 副業で月収50万円、スマホだけで簡単に稼げます。詳しくはLINE ID: fukugyou777 まで")
	r.insert("192.0.2.151", "Abacus", " Pinjaman online cepat cair tanpa jaminan, bunga rendah, hubungi WA 0812-3456-7890")
	r.insert("203.0.113.45", "Algae", " The algae collection of the town museum is open Tuesday to Sunday from 10am to 5pm (telephone 020 7946 0958).")

	sum := r.pass()
	t.Logf("pass: %s", sum)
	for title, frag := range map[string]string{"Aardvark": "fukugyou777", "Abacus": "0812-3456-7890"} {
		if strings.Contains(r.text(title), frag) {
			t.Errorf("follow-up spam with %s still on %s", frag, title)
		}
	}
	if !strings.Contains(r.text("Algae"), "020 7946 0958") {
		t.Error("the museum's opening hours and telephone number on Algae were reverted")
	}
	if sum.Reverted != 2 {
		t.Errorf("pass = %s; want the 2 contact spams reverted", sum)
	}
	if !r.blocked("192.0.2.0/24") {
		t.Error("the probing range 192.0.2.0/24 is not blocked after contact spam from several of its IPs")
	}
	if r.blocked("203.0.113.45") || r.blocked("203.0.113.0/24") {
		t.Error("the good-faith editor or its range was blocked")
	}
}
