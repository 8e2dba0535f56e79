package detectors

import (
	"fmt"
	"strings"
	"testing"
)

// What a post says of a word besides its letters. A token is planted once:
// a name a post writes twice is its topic, however random its letters look,
// and the program its prose names is in its code too; a blatant draw
// written twice, or beside code that names something else, stays a probe.
func TestProbePostOwnEvidence(t *testing.T) {
	env := &Env{Dicts: testDicts(t, false)}
	for _, tt := range []struct{ text, want string }{
		// Repeats.
		{"I am trying to run a circuit in qiskit but the transpiler fails. Is there a way to make qiskit use the noise model I built?", ""},
		{"The lambic I tried was a gueuze from a small brewery near Brussels. I think gueuze is an acquired taste.", ""},
		{"Please check xkqzvbwpl and then xkqzvbwpl again.", "xkqzvbwpl"},
		// The post's code names the word.
		{"You can do that with `qiskit.quantum_info.Statevector`, and qiskit will return the amplitudes.", ""},
		{"In qiskit you can call it like this:\n\n```\nfrom qiskit import transpile\n```\n", ""},
		{"You can do that with `foo.quantum_info.Statevector`, and xkqzvbwpl will return the amplitudes.", "xkqzvbwpl"},
		{"In xkqzvbwpl you can call it like this:\n\n```\nfrom qiskit import transpile\n```\n", "xkqzvbwpl"},
		// The post writes the name apart too; a build's suffix on a version.
		{"I run the pool on a raspberrypi at home; most people here run one on a raspberry pi.", ""},
		{"It fails to build with gcc (Debian 6.3.0-18+deb9u1) on my machine.", ""},
		{"It fails to build with gcc (Debian 6.3.0-18) and xkqzvbwpl on my machine.", "xkqzvbwpl"},
	} {
		e := &Edit{Anon: true, New: tt.text, Format: FormatMarkdown}
		r := Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
		if got := strings.Join(r.Tokens, " "); got != tt.want {
			t.Errorf("%q: tokens %q, want %q\n%s", tt.text, got, tt.want, reasonLines(r))
		}
	}
}

// A wiki talk page's comments as a forum post: one long line each, the
// signature's links and its time stamp closing it. A probe inside a link's
// parentheses after a space is shown (the parentheses are then no link), and
// the signature's "20:19, 12 April 2016 (UTC)" does not make the comment a
// log line held to code's bar; a real link and a real log line stay as
// they were.
func TestProbeTalkComment(t *testing.T) {
	env := &Env{Dicts: testDicts(t, false)}
	sig := " [Krychek](/wiki/User:Krychek) ([talk](/wiki/User_talk:Krychek)) 20:19, 12 April 2016 (UTC)"
	for _, tt := range []struct{ text, want string }{
		{"I think the guideline is fine as it stands and needs no change." + sig, ""},
		{"I think the guideline is fine as it stands and needs no change. [Krychek](/wiki/User:Krychek) ([talk](/ xkqzvbwpl wiki/User_talk:Krychek)) 20:19, 12 April 2016 (UTC)", "xkqzvbwpl"},
		{"I think the guideline is fine as it stands and needs no change. [Krychek](/wiki/User:Krychek qhzvtkwm ) ([talk](/wiki/User_talk:Krychek)) 20:19, 12 April 2016 (UTC)", "qhzvtkwm"},
		{"See [the manual](https://example.org/manual \"The manual\") for the rules.", ""},
		{"The xkqzvbwpl guideline is fine as it stands and needs no change." + sig, "xkqzvbwpl"},
		{"Differences of usage in different topic areas are fine; the 3cahtaa1 manual sensibly allows variation." + sig, "3cahtaa1"},
		{"Recent discussions where he went rycdrylls from rhetoric to praise are telling." + sig, "rycdrylls"},
	} {
		e := &Edit{Anon: true, New: tt.text, Format: FormatMarkdown}
		r := Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
		if got := strings.Join(r.Tokens, " "); got != tt.want {
			t.Errorf("%q: tokens %q, want %q\n%s", tt.text, got, tt.want, reasonLines(r))
		}
	}
}

// A name's shape of cases (an acronym and a word: "OAuth", "IPython") with
// no hump a word and a run of lower-case letters no word either is no
// name: in a sentence of a post it is judged as a mix of cases is. A
// CamelCase name of capitalised humps ("GithHub") keeps the name's
// discount.
func TestProbeUnnamedHumps(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	for _, tt := range []struct{ tok, want string }{
		{"NMlito", "NMlito"},
		{"LUGdss", "LUGdss"},
		{"IPython", ""},
		{"GithHub", ""},
	} {
		text := "Note that currently the branch " + tt.tok + " raises a forbidden error even if all these conditions are met."
		e := &Edit{Anon: true, New: text, Format: FormatMarkdown}
		r := Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
		if got := strings.Join(r.Tokens, " "); got != tt.want {
			t.Errorf("%q: tokens %q, want %q\n%s", text, got, tt.want, reasonLines(r))
		}
	}
}

// Prose set as code (a mail's indented quote) is words of a sentence: they
// make neither the post technical nor a word among them an identifier's
// neighbour, so a token in the quote is judged as in prose.
func TestProbeIndentedQuote(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	quote := "On Tue, Sep 10, 2002, Jim Whitehead wrote:\n\n" +
		"    Why do the wagons have that particular odd spacing? Well, if they %s tried\n" +
		"    to use any other spacing, the wagon wheels would break on some of the\n" +
		"    old, long distance roads in England, because that is the spacing of the\n" +
		"    wheel ruts. So who built those old rutted roads? Imperial Rome built the\n" +
		"    first long distance roads in Europe for their legions, and those roads\n" +
		"    have been used ever since.\n\n" +
		"I doubt it, but it makes a good story. The standard gauge came from the\n" +
		"colliery wagonways of the north, as far as I know.\n"
	for _, tt := range []struct{ tok, want string }{
		{"psafbu", "psafbu"},
		{"laMMCT", "laMMCT"},
		{"the", ""},
	} {
		text := fmt.Sprintf(quote, tt.tok)
		e := &Edit{Anon: true, New: text, Format: FormatMarkdown}
		r := Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
		if got := strings.Join(r.Tokens, " "); got != tt.want {
			t.Errorf("%q: tokens %q, want %q\n%s", text, got, tt.want, reasonLines(r))
		}
	}
}

// A word before a URL's suffix ("example com", "index php") is read as a
// piece of a URL whose punctuation was stripped; not so before a suffix
// written as a name ("in HTML", "in PHP") nor before a word of the post's
// language that spells one (the Portuguese "com", "with").
func TestProbeURLSuffixInProse(t *testing.T) {
	env := &Env{Dicts: testDictsWith(t, "pt")}
	for _, tt := range []struct{ lang, text, want string }{
		{"pt", "Existe alguma forma de validar o documento usando dígitos verificadores, como acontece ozrifqub com o outro?", "ozrifqub"},
		{"en", "I wrote the whole page by hand in ozrifqub HTML and now the layout breaks on phones.", "ozrifqub"},
	} {
		e := &Edit{Anon: true, New: tt.text, Lang: tt.lang, Format: FormatMarkdown}
		r := Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
		if got := strings.Join(r.Tokens, " "); got != tt.want {
			t.Errorf("%q: tokens %q, want %q\n%s", tt.text, got, tt.want, reasonLines(r))
		}
	}
}
