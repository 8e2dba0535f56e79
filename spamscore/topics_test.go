package spamscore

import "testing"

func TestSellsTopic(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"/blog/replica-watches", true},
		{"/casino_online/bonus", true},
		{"/kredit-ohne-schufa", true},
		{"/wiki/Alphabet", false},
		{"/docs/install/linux", false},
		{"", false},
	} {
		if got := SellsTopic(c.s); got != c.want {
			t.Errorf("SellsTopic(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}
