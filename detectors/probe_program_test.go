package detectors

import (
	"strings"
	"testing"
)

// A program a post names in its prose is in its code too; a token slipped
// into the prose is not.
func TestProbeProgramNamedInPost(t *testing.T) {
	env := &Env{Dicts: testDicts(t, false)}
	for _, tt := range []struct{ text, want string }{
		{"You can do that with `qiskit.quantum_info.Statevector`, and qiskit will return the amplitudes.", ""},
		{"In qiskit you can call it like this:\n\n```\nfrom qiskit import transpile\n```\n", ""},
		{"You can do that with `foo.quantum_info.Statevector`, and xkqzvbwpl will return the amplitudes.", "xkqzvbwpl"},
		{"In xkqzvbwpl you can call it like this:\n\n```\nfrom qiskit import transpile\n```\n", "xkqzvbwpl"},
	} {
		e := &Edit{Anon: true, New: tt.text, Format: FormatMarkdown}
		r := Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
		if got := strings.Join(r.Tokens, " "); got != tt.want {
			t.Errorf("%q: tokens %q, want %q\n%s", tt.text, got, tt.want, reasonLines(r))
		}
	}
}
