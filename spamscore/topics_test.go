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
		// Languages the training data lacks, read by the lexicons alone.
		{"/vydelavejte-vydělat-z-domova", true},
		{"/kumita-ng-pera", true},
		{"/pata-pesa-haraka", true},
		{"/κερδίστε-τώρα", true},
		// "denne" is Norwegian and Danish for "this", not Slovak "daily".
		{"/denne-kirken", false},
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

func TestHasMoneyCurrencies(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"upp till 3000 kr om dagen", true},
		{"až 5000 kč denně", true},
		{"până la 500 lei pe zi", true},
		{"עד 1000₪ ביום", true},
		{"hadi ksh 5000", false}, // the word before the number
		{"5000 ksh kwa siku", true},
		{"the 6 kings of the north", false},
	} {
		if got := hasMoney(c.s); got != c.want {
			t.Errorf("hasMoney(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}
