package detectors

import (
	"fmt"
	"math/rand/v2"
	"strings"
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

// A code of capitals and digits is a part or model number where posts have
// them, next to its maker or among others of its kind; slipped between two
// ordinary words of a post that names no code, at a sentence's edge or
// alone on a line, used nowhere else, it is a token.
func TestProbeCodeInProse(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	tests := []struct {
		name, post string
		probe      bool
	}{
		{"caps token amid words", "I always brew with water just off the boil, and the grounds 4KJ6LDH taste less bitter that way. Has anyone tried colder water?", true},
		{"token after a comma", "I always brew with water just off the boil. However, 25tbseh there is less bitterness that way. Has anyone tried colder water?", true},
		{"token ending a question", "I always brew with water just off the boil. Would colder water give a better cup? izrt65", true},
		{"maker and model", "I always brew with water just off the boil, and my Bonavita BV1900TS keeps it there. Has anyone tried colder water?", false},
		{"models of a kind", "The regulator is an LM317T here, and an LM338K would carry more current through the board than this one can.", false},
		{"product and number", "I always brew with water just off the boil, and the new GTX1080 card in the office does not care.", false},
		{"caps token alone on a line", "I always brew with water just off the boil, and the grounds taste less bitter that way.\nR5Q7NO\nHas anyone tried colder water?", true},
		{"caps token opening a sentence", "I always brew with water just off the boil. With TQ7VDO the grounds taste less bitter that way.", true},
		{"caps token closing a line", "I always brew with water just off the boil, and the grounds taste less bitter with it 7BJEM4 .\nHas anyone tried colder water?", true},
		{"model named again", "My kettle is a BV1900TS\nand the BV1900TS keeps the water just off the boil. Has anyone tried colder water?", false},
		{"model after its maker at a line's start", "Bonavita BV1900TS\nI always brew with water just off the boil. Has anyone tried colder water?", false},
		{"draw of four runs before a mention", "Thanks, merged. cc K1XY3E @jernite is it ok like this?", true},
		{"draw of four runs before an issue", "This fixes the loader for split names. Fix #6869, fix B3ZKWT3 #6850.", true},
		{"model glued to its count", "I got a linksys BEFW11S4(1) for the router and a switch for the rest of the flat.", false},
		{"model of four runs after its maker", "The fan on my Kestrell KH2200RX4 amplifier rattles at low volume, is that normal?", false},
		{"model of five runs after its maker", "I swapped the stock drive for a Harnwell HW4000VN008 and the laptop boots much faster.", false},
		{"body code after its maker", "I shoot with a Velmar VMCE7M3 body and the kit lens, and the focus hunts in dim light.", false},
		{"draw of six runs after a capitalised word", "I swapped the rear derailleur for a Shimano X4QB7ZK2 and now the chain skips on the small cog.", true},
		{"draw after a capitalised word opening a sentence", "I always brew with water just off the boil. Often K7ZQ2XW4 the grounds taste less bitter that way.", true},
		{"draw after an acronym", "Decoding fails with the JSON K4X7QB object that the node returns, and the log says nothing more.", true},
		{"draw opening with a digit after a capitalised word", "The fan on my Kestrell 4KT22RX amplifier rattles at low volume, is that normal?", true},
		{"caps token in a quote", "Agreed, and thanks.\n\n> I always brew with water just off the boil, and the grounds 4KJ6LDH taste less bitter that way.\n\nColder water did nothing for me.", true},
		{"caps token beside a time", "Date: 2002-08-06T18:12:41\n\nI always brew with water just off the boil, and the grounds 4KJ6LDH taste less bitter that way.", true},
		{"caps token beside a hash", "Build 64A2FF6A of the firmware is out.\n\nI always brew with water just off the boil, and the grounds 4KJ6LDH taste less bitter that way.", true},
		{"caps token beside a model", "My kettle is a BV1900TS.\n\nI always brew with water just off the boil, and the grounds 4KJ6LDH taste less bitter that way.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkPostProbe(t, env, tt.post, tt.probe)
		})
	}
	for w, want := range map[string]bool{"K1XY3E": true, "ESH8L7": true, "16K16B": false, "4K60HZ": false} {
		if got := letterRunBeyondUnit(w); got != want {
			t.Errorf("letterRunBeyondUnit(%q) = %v, want %v", w, got, want)
		}
	}
}

// A code of capitals and digits between two words of a post in another
// language, diacritics and all, is slipped into a sentence as it is
// between two English words.
func TestProbeCodeInForeignProse(t *testing.T) {
	env := &Env{Dicts: testDictsWith(t, "pt")}
	const post = "Sempre faço o café com água quase fervendo, e o café %s também fica menos amargo assim. Alguém já tentou com água mais fria?"
	checkPostTokens(t, env, fmt.Sprintf(post, "QX7ZDW"), "QX7ZDW")
	checkPostTokens(t, env, fmt.Sprintf(post, "mesmo"), "")
}

// A token slipped into an address or a URL that kept its punctuation
// ("mithral. kq3zt9 com") is no piece of a URL: only text that lost its
// punctuation has URL pieces a space apart ("www example com").
func TestProbeSplitURL(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	const mail = "Thanks for the pointer, I will try it tonight.\n\n> Write to beberg@mithral.com\n> http://xent.com/mailman/listinfo/fork\n"
	tests := []struct {
		name, old, new string
		probe          bool
	}{
		{"real mail", "", "", false},
		{"token in an address", "mithral.com", "mithral. 5ndvegn1zay com", true},
		{"token before a domain's end", "xent.com/", "xent r6XkpQ2wz .com/", true},
		{"stripped URL", "Write to beberg@mithral.com", "Write to www xq3Tz9K7 com", false},
		{"stripped URL after its protocol", "Write to beberg@mithral.com", "Write to http xq3Tz9K7 com", false},
		{"token after the protocol's name", "Thanks for the pointer", "Thanks for the HTTP 3wqpvub8z pointer", true},
		{"token splitting a path", "I will try it tonight", "I will try /home/me/lib tq8Vr2kmZ /.cache/pip tonight", true},
		{"token splitting a package's path", "I will try it tonight", "I will try /usr/lib/dist tq8Vr2kmZ -packages/foo tonight", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nw := strings.Replace(mail, tt.old, tt.new, 1)
			if tt.old == "" {
				nw = mail
			}
			e := &Edit{Anon: true, Format: FormatMarkdown, Old: mail, New: nw}
			r := Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
			if tt.old == "" {
				e.Old = ""
				r = Probe(&Input{Edit: e, Added: Diff("", nw), Env: env})
			}
			if got := r.Score >= DefaultProbeThreshold; got != tt.probe {
				t.Errorf("score %.3f (suspects %v), want probe=%v", r.Score, r.Suspects, tt.probe)
			}
		})
	}
}

// A random draw of cases flips case as no CamelCase name does: a lone
// lower-case letter after a run of capitals, two capitals between
// lower-case letters, a lone capital closing the word.
func TestCaseFlips(t *testing.T) {
	for w, want := range map[string]int{
		"GitHub": 0, "McDonald": 0, "XMLHttpRequest": 0, "iPhone": 0, "PostgreSQL": 0,
		"NGOs": 0, "TiVoBox": 0, "getElementById": 0, "JavaScript": 0, "HTTPServer": 0,
		"toUTCString": 0, "CPython": 0, "macOSVersion": 0, "BorinaleK": 0, "HowIWonTheCup": 0,
		"GomPAvRive": 2, "wulNakoD": 1, "BoTAdyKulM": 2, "rEQuvaNiF": 2, "KoPEnMUrAL": 4, "dUGapeRo": 1, "KSorinaleK": 1,
	} {
		if got := caseFlips(w); got != want {
			t.Errorf("caseFlips(%q) = %d, want %d", w, got, want)
		}
	}
}

// A draw of mixed case in a post's prose is a probe even where its folded
// letters read like words; a CamelCase name there is none.
func TestProbeMixedCaseDraw(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	for _, tt := range []struct {
		post  string
		probe bool
	}{
		{"Thanks for the quick review, I merged the change. LuTEMaDoniR", true},
		{"The loader now keeps the sETUmaroN order of the shards.", true},
		{"Thanks for the quick review, I merged the change. tUKesaLom", true},
		{"The loader now keeps the DataFrame order of the shards.", false},
		{"Thanks for the quick review, I merged the change into PostgreSQL.", false},
		{"It works on macOS and on the iPhone simulator with OpenSSL.", false},
		{"Under CPython the toUTCString call and getElementById both return early.", false},
	} {
		e := &Edit{Anon: true, Format: FormatMarkdown, New: tt.post}
		r := Probe(&Input{Edit: e, Added: Diff("", tt.post), Env: env})
		if got := r.Score >= DefaultProbeThreshold; got != tt.probe {
			t.Errorf("%q: score %.3f (suspects %v), want probe=%v", tt.post, r.Score, r.Suspects, tt.probe)
		}
	}
}
