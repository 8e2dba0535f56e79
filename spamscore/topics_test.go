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

func TestFindURLsWWWWithoutHost(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"加我 www.jinsha8866 . com 送彩金", 0},
		{"see www.example.org/x.", 1},
		{"see https://example.org", 1},
	} {
		if got := len(findURLs(c.text)); got != c.want {
			t.Errorf("findURLs(%q): %d URLs, want %d", c.text, got, c.want)
		}
	}
}
