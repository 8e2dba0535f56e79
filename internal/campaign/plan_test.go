package campaign

import (
	"math/rand/v2"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/internal/testcorpus"
)

// testCorpus is the folder of the seed articles (the shared corpus' wikitext).
func testCorpus(t testing.TB) string { return testcorpus.Require(t, testcorpus.WikitextDir) }

// TestPlan plays the plan on local copies of the articles: every anchor must
// be found, every edit must leave a marker, and the script must keep the
// rules that let a careful bot handle it completely.
func TestPlan(t *testing.T) {
	p := NewPlan(1)
	pages := map[string]string{}
	for _, a := range p.Articles {
		b, err := os.ReadFile(filepath.Join(testCorpus(t), a.File))
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		for _, c := range a.Plant {
			if text, err = c.Apply(text); err != nil {
				t.Fatalf("plant in %s: %v", a.Title, err)
			}
		}
		pages[a.Title] = text
	}

	probeIPs := map[string]bool{}
	styles := map[string]int{}
	probeRanges := map[netip.Prefix]bool{}
	counts := map[Kind]int{}
	markers := map[string][]string{}
	type last struct {
		ip   string
		kind Kind
	}
	for _, ph := range []Phase{PhaseProbe, PhaseReturn} {
		lastEdit := map[string]last{}
		for i, s := range p.PhaseSteps(ph) {
			counts[s.Kind]++
			ip, err := netip.ParseAddr(s.IP)
			if err != nil || ip.String() != s.IP {
				t.Fatalf("%s step %d: IP %q is not canonical", ph, i, s.IP)
			}
			old, ok := pages[s.Title]
			if s.Change.Op == OpCreate {
				old, ok = "", !ok
			}
			if !ok {
				t.Fatalf("%s step %d: %q is not a seeded page", ph, i, s.Title)
			}
			next, err := s.Change.Apply(old)
			if err != nil {
				t.Fatalf("%s step %d on %s: %v", ph, i, s.Title, err)
			}
			if s.Change.Op != OpCreate && strings.Count(old, s.Change.Anchor) != 1 {
				t.Errorf("%s step %d on %s: anchor %q occurs %d times", ph, i, s.Title, s.Change.Anchor, strings.Count(old, s.Change.Anchor))
			}
			m := marker(old, next)
			if m == "" || strings.Contains(old, m) || !strings.Contains(next, m) {
				t.Errorf("%s step %d on %s: bad marker %q", ph, i, s.Title, m)
			}
			if s.Kind != KindGood && len(m) > 200 {
				// Probe and spam markers are the inserted text itself.
				t.Errorf("%s step %d: marker %q is wider than the insertion", ph, i, m)
			}
			pages[s.Title] = next
			markers[s.Title] = append(markers[s.Title], m)

			// A bot reverts only an edit nobody else has edited on top of.
			if l, ok := lastEdit[s.Title]; ok && l.kind != KindGood && l.ip != s.IP {
				t.Errorf("%s step %d: %s edits %s after the %s of %s", ph, i, s.IP, s.Title, l.kind, l.ip)
			}
			lastEdit[s.Title] = last{s.IP, s.Kind}

			switch s.Kind {
			case KindProbe:
				probeIPs[s.IP] = true
				probeRanges[RangeOf(ip)] = true
				styles[strings.Fields(s.What)[0]]++
			case KindSpam:
				if probeIPs[s.IP] || (!probeRanges[RangeOf(ip)] && s.IP != spamX) {
					t.Errorf("spam from %s: want a new IP of a probing range", s.IP)
				}
			case KindGood:
				if probeRanges[RangeOf(ip)] && s.IP != neighbour {
					t.Errorf("good-faith edit from %s, inside a probing range", s.IP)
				}
			}
		}
	}
	// Later edits must not break earlier edits' markers, or the report
	// would call a good-faith edit reverted.
	for title, ms := range markers {
		for _, m := range ms {
			if !strings.Contains(pages[title], m) {
				t.Errorf("%s: marker %q broken by a later edit", title, m)
			}
		}
	}
	if counts[KindProbe] != 14 || counts[KindSpam] != 6 || counts[KindGood] != 12 {
		t.Errorf("counts = %v, want 14 probes, 6 spam, 12 good", counts)
	}
	if len(probeIPs) != 11 || len(probeRanges) != 5 {
		t.Errorf("probes from %d IPs in %d ranges, want 11 in 5", len(probeIPs), len(probeRanges))
	}
	if styles["token"] < 12 || styles["page"] != 1 {
		t.Errorf("probe placements = %v, want 13 tokens in text and 1 page creation", styles)
	}
}

func TestPlanDeterministic(t *testing.T) {
	a, b, c := NewPlan(7), NewPlan(7), NewPlan(8)
	if a.Steps[1].Change.Text != b.Steps[1].Change.Text {
		t.Error("same seed, different tokens")
	}
	if a.Steps[1].Change.Text == c.Steps[1].Change.Text {
		t.Error("different seeds, same token")
	}
}

func TestMarker(t *testing.T) {
	tests := []struct{ prev, next, want string }{
		{"the quick fox", "the quick xkqzvbwpl fox", "xkqzvbwpl"},
		{"line one\nline two", "line one\nqwfpgjluy\nline two", "qwfpgjluy"},
		// The fixed word is on the page already: widen until unique.
		{"received it and recieved it", "received it and received it", "and received it"},
	}
	for _, tt := range tests {
		if got := marker(tt.prev, tt.next); got != tt.want {
			t.Errorf("marker(%q, %q) = %q, want %q", tt.prev, tt.next, got, tt.want)
		}
	}
}

func TestTally(t *testing.T) {
	outs := []Outcome{
		{Edit: Edit{Kind: KindProbe, IP: "192.0.2.10"}, Range: "192.0.2.0/24", Blocks: []string{"192.0.2.0/24"}},
		{Edit: Edit{Kind: KindSpam, IP: "192.0.2.77"}, Range: "192.0.2.0/24", Blocks: []string{"192.0.2.0/24"}},
		{Edit: Edit{Kind: KindSpam, IP: "2001:db8::beef"}, Range: "2001:db8::/64", OnPage: true, Blocks: []string{"2001:db8::beef"}},
		{Edit: Edit{Kind: KindGood, IP: "198.18.60.2"}, Range: "198.18.60.0/24", OnPage: true},
	}
	if !outs[0].RangeBlocked() || outs[0].IPBlocked() || !outs[2].IPBlocked() || outs[2].RangeBlocked() {
		t.Error("IPBlocked/RangeBlocked wrong")
	}
	tl := Count(outs)
	want := "probes reverted 1/1, spam reverted 1/2, good-faith left alone 1/1, ranges blocked: 192.0.2.0/24, IPs blocked: 2001:db8::beef"
	if tl.String() != want {
		t.Errorf("tally:\n got %s\nwant %s", tl, want)
	}
	if tl.OK() {
		t.Error("OK with spam left on the page")
	}
}

func TestProbeTokenStyles(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	styles := []struct {
		st TokenStyle
		ok func(string) bool
	}{
		{StyleLower, func(s string) bool { return len(s) >= 8 && len(s) <= 12 && strings.Trim(s, lowerLetters) == "" }},
		{StyleShort, func(s string) bool { return len(s) >= 6 && len(s) <= 7 && strings.Trim(s, lowerLetters) == "" }},
		{StyleMixed, func(s string) bool {
			return len(s) >= 8 && len(s) <= 12 && strings.Trim(s, lowerLetters+strings.ToUpper(lowerLetters)) == ""
		}},
		{StyleAlnum, func(s string) bool {
			return len(s) >= 8 && len(s) <= 12 && strings.Trim(s, lowerLetters+"0123456789") == "" &&
				strings.ContainsAny(s, "0123456789") && strings.Trim(s, "0123456789") != ""
		}},
		{StylePronounce, func(s string) bool {
			return (len(s) == 8 || len(s) == 10) && strings.Trim(s, lowerLetters) == "" && strings.ContainsAny(s[1:2], "aeiou")
		}},
	}
	for range 1000 {
		for _, c := range styles {
			if tok := probeToken(rnd, c.st); !c.ok(tok) {
				t.Fatalf("%s token %q", c.st, tok)
			}
		}
	}
}

const lowerLetters = "abcdefghijklmnopqrstuvwxyz"
