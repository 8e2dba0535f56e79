package detectors

import "testing"

func TestRomanNumeral(t *testing.T) {
	for _, w := range []string{"i", "iv", "ix", "xxiv", "xviii", "mcmlxxiv", "MCMXCIX", "xl", "cd", "mmxxiv", "lxxx", "dccc", "mdcccclxxxx", "xxviij", "MDCCCCX"} {
		if !romanNumeral(w) {
			t.Errorf("romanNumeral(%q) = false", w)
		}
	}
	for _, w := range []string{"", "iiii", "vv", "ic", "xm", "mill", "civic", "mix", "dim", "lid", "xkcd", "vix", "xxxxxx", "iiiij", "mdcccclcciij"} {
		// "mix", "dim", "civic" are words; some are also valid numerals.
		if w == "mix" || w == "dim" || w == "civic" || w == "lid" || w == "vix" {
			continue
		}
		if romanNumeral(w) {
			t.Errorf("romanNumeral(%q) = true", w)
		}
	}
}

func TestFoldWord(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"Café", "cafe", true},
		{"Łódź", "lodz", true},
		{"straße", "strase", true},
		{"Nguyễn", "nguyen", true},
		{"Ærøskøbing", "aroskobing", true},
		{"çekoslovakyalılaştıramadıklarımızdanmışsınız", "cekoslovakyalilastiramadiklarimizdanmissiniz", true},
		{"e\u0301te\u0301", "ete", true}, // combining accents
		{"Москва", "", false},
		{"abc1", "abc", false},
	}
	for _, tt := range tests {
		sym, ok := foldWord(nil, tt.in)
		if ok != tt.ok || ok && probeSymString(sym) != tt.want {
			t.Errorf("foldWord(%q) = %q, %v; want %q, %v", tt.in, probeSymString(sym), ok, tt.want, tt.ok)
		}
	}
}
