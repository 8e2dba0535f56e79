package textview

import "testing"

func TestTrimURLTail(t *testing.T) {
	for _, c := range []struct{ in, punct, want string }{
		{"https://example.org/a.", ",;.:!?'", "https://example.org/a"},
		{"https://example.org/a).", ",;.:!?'", "https://example.org/a"},
		{"https://en.wikipedia.org/wiki/Foo_(bar)", ",;.:!?'", "https://en.wikipedia.org/wiki/Foo_(bar)"},
		{"https://example.org/a_*", ",;.:!?'*_", "https://example.org/a"},
		{"https://example.org/a_", ",;.:!?'", "https://example.org/a_"},
	} {
		if got := TrimURLTail(c.in, c.punct); got != c.want {
			t.Errorf("TrimURLTail(%q, %q) = %q, want %q", c.in, c.punct, got, c.want)
		}
	}
}
