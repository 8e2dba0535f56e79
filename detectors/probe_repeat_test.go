package detectors

import (
	"strings"
	"testing"
)

// A token is planted once: a name a post uses twice is its topic, however
// random its letters look, while a blatant draw written twice stays a probe.
func TestProbeRepeatedWordInPost(t *testing.T) {
	env := &Env{Dicts: testDicts(t, false)}
	for _, tt := range []struct{ text, want string }{
		{"I am trying to run a circuit in qiskit but the transpiler fails. Is there a way to make qiskit use the noise model I built?", ""},
		{"The lambic I tried was a gueuze from a small brewery near Brussels. I think gueuze is an acquired taste.", ""},
		{"Please check xkqzvbwpl and then xkqzvbwpl again.", "xkqzvbwpl"},
	} {
		e := &Edit{Anon: true, New: tt.text, Format: FormatMarkdown}
		r := Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
		if got := strings.Join(r.Tokens, " "); got != tt.want {
			t.Errorf("%q: tokens %q, want %q\n%s", tt.text, got, tt.want, reasonLines(r))
		}
	}
}
