package detectors

import "testing"

func TestSpamList(t *testing.T) {
	l := ParseSpamList(`# spam blacklist
\bcheap-pills\.xyz\b
casino[0-9]*\.top   # all casino tops
(?<=x)lookbehind\.com
\bexample\.org\b
`)
	if l.Len() != 3 || l.Bad() != 1 {
		t.Errorf("Len %d Bad %d, want 3 and 1", l.Len(), l.Bad())
	}
	for domain, want := range map[string]bool{
		"cheap-pills.xyz":     true,
		"casino77.top":        true,
		"sub.cheap-pills.xyz": true,
		"notcheap-pills.xyz":  false,
		"example.org":         true,
		"example.organic.com": false, // no word boundary after "org"
		"bbc.co.uk":           false,
		"":                    false,
	} {
		if got := l.Match(domain); got != want {
			t.Errorf("Match(%q) = %v, want %v", domain, got, want)
		}
	}
	var none *SpamList
	if none.Match("cheap-pills.xyz") || none.Len() != 0 {
		t.Error("nil list matches")
	}
}
