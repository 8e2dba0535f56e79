package detectors

import (
	"strings"
	"testing"
)

// A word mentioned as a word (quotes, emphasis, a gloss) or named by its
// role (a whole item of a list, a possessive, the name of a kind of
// program, after a verb of using one, paired with another name) or built
// on a root the text writes as a morpheme is a name or a word under
// discussion; a word of another loaded language takes no bits for being in
// none of the page's. The same token slipped in beside those roles, not
// into them, stays a probe.
func TestProbeMention(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	for _, tt := range []struct {
		text, want string
		wiki       bool
	}{
		// Use and mention: emphasis, glosses.
		{text: "The word *vleskor* is the verb to walk in my language."},
		{text: "My language has **vleskor** for walking and **vlesk** for a walk."},
		{text: "Following this thread. **hifokuvapi**", want: "hifokuvapi"},
		{text: "_qctoyuqnqk_ same error here after the upgrade of load_dataset_builder.", want: "qctoyuqnqk"},
		{text: "Nice article, ''hifokuvapi'' indeed.", want: "hifokuvapi", wiki: true},
		{text: "My conlang uses vleskor (meaning to walk) as a verb root."},
		{text: "In my conlang vleskor means to walk and is a regular verb."},
		{text: "In my conlang the word vleskor is a regular verb of motion."},
		{text: "In the language '''vleskor''' is the verb of walking and it is regular.", wiki: true},
		{text: "In my conlang, vleskor is the verb for walking and it is regular."},
		{text: "Some words of my language:\n\n- vleskor: to walk\n- house: a place to live"},
		{text: "Some notes of mine:\n\n- fonokihul and more notes here\n- house: a place to live", want: "fonokihul"},
		{text: "My language has **walking** xkqzvbwpl for walking, it is regular.", want: "xkqzvbwpl"},
		// Names by their role.
		{text: "Students should learn about tangrams, mazes, vleskor, minesweeper and so forth."},
		{text: "Frameworks such as qiskit, cirq and pyQuil all offer a simulator."},
		{text: "I tried the usual frameworks, cirq and pyQuil. Both failed to run it."},
		{text: "I like apples, pears, and fonokihul for breakfast.", want: "fonokihul"},
		{text: "I tried qiskit's transpiler on the circuit but it failed."},
		{text: "I am trying to simulate a circuit using qiskit but the transpiler fails."},
		{text: "The qiskit package has a transpile function that does it."},
		{text: "I am trying to simulate a circuit with pyQuil but the compiler fails."},
		{text: "How do I run the transpiler in qiskit? It fails on my circuit."},
		{text: "I am trying to simulate a circuit using the xkqzvbwpl transpiler but it fails.", want: "xkqzvbwpl"},
		{text: "I send my mail using fonokihul it and it works fine for me.", want: "fonokihul"},
		{text: "I like apples, pears, fonokihul and plums for breakfast.", want: "fonokihul"},
		{text: "Frameworks such as Qiskit, xkqzvbwpl and Braket all offer a simulator.", want: "xkqzvbwpl"},
		// The second of two names paired, ending its phrase; a token
		// slipped in after the coordinator pushes the name along.
		{text: "It calls razor-check and razor-report as well as dccproc for every message."},
		{text: "I switched from cirq to qiskit and it was much faster."},
		{text: "> It calls razor-check and razor-report as well as\n> dccproc for every message."},
		{text: "Use `from qiskit import QuantumCircuit` and then `qc.h(0)`."},
		{text: "The answer by jlliagre cites the dictionary of the Académie."},
		{text: "See the answer by xkqzvbwpl Gilles for the details.", want: "xkqzvbwpl"},
		{text: "I agree with jlliagre here: the question is off-topic."},
		{text: "I use Qt5 and xkqzvbwpl widgets for the interface.", want: "xkqzvbwpl"},
		{text: "I moved from Qt5 to xkqzvbwpl GTK last year.", want: "xkqzvbwpl"},
		{text: "I like apples and fonokihul.", want: "fonokihul"},
		// A word built on a root the text writes as a morpheme.
		{text: "I derived zhevra from the proto-root *zhev- meaning to burn."},
		{text: "We made a long-term plan for the longqx project.", want: "longqx"},
		// A word of another loaded language.
		{text: "The lambic I tried was a gueuze from a small brewery near Brussels."},
	} {
		e := &Edit{Anon: true, New: tt.text, Format: FormatMarkdown}
		if tt.wiki {
			e.Format = ""
		}
		r := Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
		if got := strings.Join(r.Tokens, " "); got != tt.want {
			t.Errorf("%q: tokens %q, want %q\n%s", tt.text, got, tt.want, reasonLines(r))
		}
	}
}
