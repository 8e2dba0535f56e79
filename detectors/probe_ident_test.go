package detectors

import (
	"math/rand/v2"
	"testing"

	"github.com/wikiwarden/wikiwarden/internal/inject"
)

func TestCompoundName(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	p := new(prober)
	p.m = BaseModel()
	p.setWords(&Edit{Format: FormatMarkdown}, env)
	for _, w := range []string{"RazorV1", "PHPv7", "GPT4All", "Java2D", "Win32", "Printer3000"} {
		if !p.compoundName(w) {
			t.Errorf("compoundName(%q) = false, want true: a product and its version", w)
		}
	}
	for _, w := range []string{"LC5CBU54", "x9dog4q", "7edno5jy", "dnj650c", "3D", "v2"} {
		if p.compoundName(w) {
			t.Errorf("compoundName(%q) = true, want false", w)
		}
	}
	// Random tokens of letters and digits are almost never built so.
	r := rand.New(rand.NewPCG(3, 5))
	hits, n := 0, 20000
	for i := 0; i < n; i++ {
		style := []inject.Style{inject.Digits, inject.MixedDigits}[i%2]
		if tok := inject.Token(r, style, 6+r.IntN(7)); p.compoundName(tok) {
			hits++
		}
	}
	if hits*1000 > n {
		t.Errorf("%d of %d random tokens of letters and digits read as product names", hits, n)
	}
}

func TestSyllableRun(t *testing.T) {
	for w, want := range map[string]bool{"hahaha": true, "Hehehehe": true, "lalalal": true, "haha": false, "hahahx": false, "aaaaaa": false, "xkqzvb": false} {
		if got := syllableRun(w); got != want {
			t.Errorf("syllableRun(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestProbeBotName: a bot signs what it adds with its account's name, which
// ends in "Bot" however its first letters look.
func TestProbeBotName(t *testing.T) {
	old := "The town lies on the river.\n"
	nw := old + "It has a market.<ref>{{cite web|url=http://example.org/m|title=Market}} <!--Added by Xq3rZBot--></ref>\n"
	e := &Edit{Anon: true, Old: old, New: nw}
	if r := Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: &Env{Dicts: testDicts(t, false)}}); len(r.Tokens) > 0 {
		t.Errorf("a bot's signature flagged: %q\n%s", r.Tokens, reasonLines(r))
	}
}

func TestCliticName(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	p := new(prober)
	p.m = BaseModel()
	p.setWords(&Edit{}, env)
	const shona = "Vakasangana naye nawo kuti kuenda nazvo kumba nemari nekuti yake yemari yedu yevanhu kana kamwe kakaita kamukana munhu mumba mukati musha. "
	p.text = shona + "naKavhima kuDubai muHarare yeBancABC kaLondon. Kavhima akati ..."
	for _, w := range []string{"naKavhima", "kuDubai", "yeBancABC", "muHarare", "kaLondon"} {
		if !p.cliticName(w) {
			t.Errorf("cliticName(%q) = false, want true: a name with a clitic", w)
		}
	}
	for _, w := range []string{"naKvzq", "xqzKp", "qoDubai", "nKavhima", "abcdDubai", "kuDubaiX", "KuDubai", "ku", "kuD"} {
		if p.cliticName(w) {
			t.Errorf("cliticName(%q) = true, want false", w)
		}
	}
	// Random tokens of both cases are almost never built so.
	r := rand.New(rand.NewPCG(7, 11))
	hits, n := 0, 50000
	for i := 0; i < n; i++ {
		tok := inject.Token(r, inject.Mixed, 6+r.IntN(7))
		p.text = shona + tok
		if p.cliticName(tok) {
			hits++
		}
	}
	if hits*1000 > n {
		t.Errorf("%d of %d random tokens of both cases read as names with a clitic", hits, n)
	}
	t.Logf("%d of %d random tokens read as names with a clitic", hits, n)
}

// wordList is a dictionary of a few words for tests.
type wordList map[string]bool

func (l wordList) Has(w string) bool { return l[w] }

func TestGluedWord(t *testing.T) {
	p := new(prober)
	p.m = BaseModel()
	p.setWords(&Edit{}, &Env{})
	p.langDone, p.lang = true, "sw"
	p.langDict = wordList{"kusukuma": true, "hudhuria": true, "ulio": true, "pikwa": true}
	p.text = "Watu walioshiriki uliokusukuma hukuhudhuria huku hukusanya hukutana hukumbuka ulionao zinazopikwa"
	for _, w := range []string{"uliokusukuma", "hukuhudhuria"} {
		if !p.gluedWord(w) {
			t.Errorf("gluedWord(%q) = false, want true: a word with a prefix of the text", w)
		}
	}
	// "zina" starts no other word; "qx" is no piece of the text.
	for _, w := range []string{"zinazopikwa", "qxkusukuma", "kusukuma"} {
		if p.gluedWord(w) {
			t.Errorf("gluedWord(%q) = true, want false", w)
		}
	}
	p.lang = "en"
	if p.gluedWord("uliokusukuma") {
		t.Errorf("gluedWord reads English: its dictionary and expansions are complete enough")
	}
}
