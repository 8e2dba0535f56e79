package nodebb

import (
	"net/netip"
	"testing"
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
