package nodebb

import (
	"net/netip"
	"testing"
	"time"
)

func TestRuleText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"203.0.113.7/32", "203.0.113.7"},
		{"198.51.100.77/24", "198.51.100.0/24"},
		{"::ffff:198.51.100.77/120", "198.51.100.0/24"},
		{"::ffff:203.0.113.7/128", "203.0.113.7"},
		{"2001:0db8:0:0::1/128", "2001:db8::1"},
		{"2001:db8::/64", ""},
	} {
		got, err := ruleText(netip.MustParsePrefix(tc.in))
		if got != tc.want || (err != nil) != (tc.want == "") {
			t.Errorf("ruleText(%s) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	if _, err := ruleText(netip.Prefix{}); err == nil {
		t.Error("ruleText of the zero prefix: no error")
	}
}

func TestParseRules(t *testing.T) {
	rules := parseRules("# header\n203.0.113.7 # probe\r\n198.51.100.0/24\nnot-an-ip # ?\n\n2001:db8::1")
	if len(rules) != 5 {
		t.Fatalf("%d rules: %+v", len(rules), rules)
	}
	if rules[0].Prefix.IsValid() || rules[0].Comment != "header" {
		t.Errorf("comment line: %+v", rules[0])
	}
	if rules[1].Prefix != netip.MustParsePrefix("203.0.113.7/32") || rules[1].Comment != "probe" || rules[1].Line != "203.0.113.7 # probe" {
		t.Errorf("address line: %+v", rules[1])
	}
	if !rules[2].Covers(netip.MustParseAddr("198.51.100.9")) || rules[2].Covers(netip.MustParseAddr("198.51.101.9")) {
		t.Errorf("range line: %+v", rules[2])
	}
	if !rules[2].Covers(netip.MustParseAddr("::ffff:198.51.100.9")) {
		t.Error("a mapped address is not covered")
	}
	if rules[3].Prefix.IsValid() {
		t.Errorf("invalid line: %+v", rules[3])
	}
	if !rules[4].Covers(netip.MustParseAddr("2001:db8::1")) {
		t.Errorf("IPv6 line: %+v", rules[4])
	}
}

func TestTrusted(t *testing.T) {
	pol := TrustPolicy{MinReputation: 10, MinPosts: 50}
	for _, tc := range []struct {
		u    User
		want bool
	}{
		{User{}, false},
		{User{UID: 0, Admin: true}, false},
		{User{UID: 1, Admin: true}, true},
		{User{UID: 2, GlobalMod: true, Banned: true}, true},
		{User{UID: 3, Reputation: 10}, true},
		{User{UID: 3, Reputation: 10, Banned: true}, false},
		{User{UID: 4, PostCount: 49, Reputation: 9}, false},
		{User{UID: 4, PostCount: 50}, true},
	} {
		if got := tc.u.Trusted(pol); got != tc.want {
			t.Errorf("%+v.Trusted = %v, want %v", tc.u, got, tc.want)
		}
	}
	if (User{UID: 5, PostCount: 1000, Reputation: 1000}).Trusted(TrustPolicy{}) {
		t.Error("thresholds of 0 trust everyone")
	}
}

// TestEstablished: an account is established like a wiki's autoconfirmed
// editor, by age and accepted posts, never when banned, in bad repute,
// brand new, or when its posts are fresh or were removed.
func TestEstablished(t *testing.T) {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	pol := TrustPolicy{EstablishedPosts: 3, EstablishedAge: 4 * 24 * time.Hour}
	old := now.Add(-10 * 24 * time.Hour)
	days := func(ds ...int) []time.Time {
		var out []time.Time
		for _, d := range ds {
			out = append(out, now.Add(-time.Duration(d)*24*time.Hour))
		}
		return out
	}
	for _, tc := range []struct {
		name string
		u    User
		want bool
	}{
		{"guest", User{Joined: old, Posted: days(5, 6, 7)}, false},
		{"established", User{UID: 3, Joined: old, Posted: days(5, 6, 7)}, true},
		{"brand new", User{UID: 3, Joined: now.Add(-time.Hour), Posted: days(0, 0, 0)}, false},
		{"young account", User{UID: 3, Joined: now.Add(-3 * 24 * time.Hour), Posted: days(1, 2, 3)}, false},
		{"fresh posts only", User{UID: 3, Joined: old, PostCount: 9, Posted: days(0, 0, 0, 0, 0)}, false},
		{"removed posts", User{UID: 3, Joined: old, PostCount: 3, Posted: days(5)}, false},
		{"banned", User{UID: 3, Joined: old, Posted: days(5, 6, 7), Banned: true}, false},
		{"bad repute", User{UID: 3, Joined: old, Posted: days(5, 6, 7), Reputation: -1}, false},
		{"no join date", User{UID: 3, Posted: days(5, 6, 7)}, false},
	} {
		if got := tc.u.Established(pol, now); got != tc.want {
			t.Errorf("%s: Established = %v, want %v", tc.name, got, tc.want)
		}
	}
	if (User{UID: 3, Joined: old, Posted: days(5, 6, 7)}).Established(TrustPolicy{}, now) {
		t.Error("a policy of 0 posts establishes accounts")
	}
}
