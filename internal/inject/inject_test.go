package inject

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

func TestToken(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, st := range Styles {
		for n := 4; n <= 12; n++ {
			tok := Token(rng, st, n)
			if len(tok) != n {
				t.Fatalf("%s %d: %q has length %d", st, n, tok, len(tok))
			}
			digit := strings.IndexFunc(tok, unicode.IsDigit) >= 0
			upper := strings.IndexFunc(tok, unicode.IsUpper) >= 0
			lower := strings.IndexFunc(tok, unicode.IsLower) >= 0
			switch st {
			case Lower, Pronounceable:
				if digit || upper {
					t.Errorf("%s: %q", st, tok)
				}
			case Mixed:
				if digit || !upper || !lower {
					t.Errorf("%s: %q", st, tok)
				}
			case Digits:
				if !digit || upper {
					t.Errorf("%s: %q", st, tok)
				}
			case MixedDigits:
				if !digit {
					t.Errorf("%s: %q", st, tok)
				}
			}
		}
	}
}

// TestPositions checks that no position splits a word, a URL, an entity or
// a two-character markup token.
func TestPositions(t *testing.T) {
	text := "The {{cite web|url=http://example.com/a_b|title=Foo}} and [[Bar|baz]]&nbsp;x<ref name=\"q\"/> ''it''\n* item\n<math>x+y</math> end"
	for _, p := range Positions(text, 0, len(text)) {
		if p > 0 && p < len(text) && isWord(text[p-1]) && isWord(text[p]) {
			t.Errorf("position %d splits a word: %q|%q", p, text[:p], text[p:])
		}
		for _, tok := range []string{"{{", "}}", "[[", "]]", "''", "&nbsp;", "http://example.com/a_b", "<math>x+y</math>"} {
			if i := strings.Index(text, tok); i >= 0 && p > i && p < i+len(tok) {
				t.Errorf("position %d inside %q", p, tok)
			}
		}
	}
	if got := At("a b", 1, "tok"); got != "a tok b" {
		t.Errorf("At = %q", got)
	}
	if Held("x") == Held("y") && Held("x") == Held("z") && Held("x") == Held("w") {
		t.Error("Held splits nothing")
	}
}
