package textview

import "testing"

func TestShapeJoinsPaths(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string // the first word
		code bool
	}{
		{`nbNdqK9u\lib\site-packages`, `nbNdqK9u\lib\site`, true},
		{`Users\bramv\.virtualenvs`, `Users\bramv`, true},
		{`/usr/lib/python3`, ``, false}, // starts at no letter
		{`usr/lib/python3`, `usr/lib/python3`, true},
		{`well-known`, `well`, false},
		{`end\ `, `end`, false},
	} {
		if c.want == "" {
			continue
		}
		end, f, _ := Shape(c.in, 0)
		if got := c.in[:end]; got != c.want || (f&CodeLike != 0) != c.code {
			t.Errorf("Shape(%q) = %q code-like %v, want %q %v", c.in, got, f&CodeLike != 0, c.want, c.code)
		}
	}
}
