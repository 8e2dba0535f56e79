package detectors

import (
	"testing"
)

// TestLinksLocalPhoneAlone checks that an addition whose only contact
// point is a national phone number next to a phone word ("Tel. 030 ...")
// and that names nothing spam sells stays under the links threshold,
// however the model reads it, while its probability is still reported for
// the memory rules; and that a national number next to a messenger's name,
// or beside a loan pitch, is a contact like any other.
func TestLinksLocalPhoneAlone(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		capped bool
	}{
		{"museum's number", "Das Museum ist dienstags bis sonntags von 10 bis 18 Uhr geöffnet (Telefon 030 2090 5577).", true},
		{"library's number", "The library reopened in 2019 after renovation. Opening hours and events: tel. 020 7946 0958.", true},
		{"loan pitch with an office number", "Sofortkredit ohne Schufa, Kredit in 24 Stunden auf dem Konto, jetzt anrufen: Tel. 030 2090 5577", false},
		{"loan pitch with a WhatsApp number", "Pinjaman online cepat cair tanpa jaminan, hubungi WA 0812-3456-7890", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := &Edit{Anon: true, User: "192.0.2.1", Old: "Intro.\n", New: "Intro.\n\n" + tc.text}
			r := Links(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: &Env{}})
			if tc.capped && r.Score >= DefaultLinksThreshold {
				t.Errorf("score %.2f (p=%.2f) with a local phone number alone, want under %.2f", r.Score, r.Spam, DefaultLinksThreshold)
			}
			if !tc.capped && r.Score < DefaultLinksThreshold {
				t.Errorf("score %.2f (p=%.2f) for a messenger number, want at least %.2f", r.Score, r.Spam, DefaultLinksThreshold)
			}
			if r.Spam >= linkContactFrom && len(r.Links) != 1 {
				t.Errorf("links %+v, want the number as the one contact point", r.Links)
			}
		})
	}
}
