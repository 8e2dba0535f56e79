package lexicon

import "testing"

// TestDecoderFor: the SET names Debian's .aff files use decode their
// bytes; UTF-8 and unknown names leave the bytes as they are.
func TestDecoderFor(t *testing.T) {
	for _, c := range []struct {
		set  string
		in   []byte
		want string
	}{
		{"ISO8859-1", []byte{0xe9}, "é"},
		{"ISO8859-15", []byte{0xa4}, "€"},
		{"ISO8859-2", []byte{0xb1}, "ą"},
		{"KOI8-R", []byte{0xc1}, "а"},
		{"microsoft-cp1251", []byte{0xe0}, "а"},
		{"TIS620-2533", []byte{0xa1}, "ก"},
	} {
		d := decoderFor(c.set)
		if d == nil {
			t.Errorf("decoderFor(%q) = nil", c.set)
			continue
		}
		got, err := d.Bytes(c.in)
		if err != nil || string(got) != c.want {
			t.Errorf("decoderFor(%q) decodes % x as %q (%v), want %q", c.set, c.in, got, err, c.want)
		}
	}
	for _, set := range []string{"UTF-8", "", "no-such-charset"} {
		if d := decoderFor(set); d != nil {
			t.Errorf("decoderFor(%q) = a decoder, want nil", set)
		}
	}
}
