package detectors

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
)

// testDictFiles are the dictionaries the tests load when installed: the
// same Debian files package lexicon reads (it cannot be imported here, it
// imports this package).
var testDictFiles = map[string][]string{
	"en": {"/usr/share/dict/american-english-huge", "/usr/share/hunspell/en_US.dic", "/usr/share/hunspell/en_GB.dic"},
	"de": {"/usr/share/dict/ngerman", "/usr/share/hunspell/de_DE.dic"},
	"fr": {"/usr/share/dict/french", "/usr/share/hunspell/fr.dic"},
	"es": {"/usr/share/dict/spanish", "/usr/share/hunspell/es_ES.dic"},
	"pl": {"/usr/share/dict/polish"},
	"pt": {"/usr/share/dict/brazilian", "/usr/share/dict/portuguese", "/usr/share/hunspell/pt_BR.dic"},
}

var testDictsOnce = sync.OnceValue(func() map[string]Words {
	out := map[string]Words{}
	for lang, files := range testDictFiles {
		var b WordSetBuilder
		b.LearnLetters()
		n := 0
		for _, f := range files {
			fh, err := os.Open(f)
			if err != nil {
				continue
			}
			n++
			if fi, err := fh.Stat(); err == nil {
				b.Grow(int(fi.Size() / 10))
			}
			sc := bufio.NewScanner(fh)
			for sc.Scan() {
				w := sc.Text()
				if i := strings.IndexAny(w, "/ \t"); i >= 0 {
					w = w[:i]
				}
				b.Add(w)
				// A word without a hyphen or apostrophe is its own part:
				// added again, it counts twice in the letter model (lexicon
				// adds it once; the figures quoted are with this).
				for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '\'' }) {
					if len(part) >= 4 {
						b.Add(part)
					}
				}
			}
			fh.Close()
		}
		if n > 0 {
			out[lang] = b.Build()
		}
	}
	if _, err := os.Stat("/usr/lib/aspell/cy.multi"); err == nil {
		if data, err := exec.Command("aspell", "-d", "cy", "dump", "master").Output(); err == nil {
			var b WordSetBuilder
			b.LearnLetters()
			for _, w := range strings.Fields(string(data)) {
				b.Add(w)
			}
			out["cy"] = b.Build()
		}
	}
	return out
})

// testDicts returns the installed dictionaries, or skips the test when the
// English one is missing and require is set.
func testDicts(tb testing.TB, require bool) map[string]Words {
	tb.Helper()
	d := testDictsOnce()
	if require && d["en"] == nil {
		missingDict(tb, "no English dictionary installed (apt-get install wamerican-huge)")
	}
	return d
}

// testDictsWith is testDicts requiring lang's dictionary too.
func testDictsWith(tb testing.TB, lang string) map[string]Words {
	tb.Helper()
	d := testDicts(tb, true)
	if d[lang] == nil {
		missingDict(tb, "no "+lang+" dictionary installed (.ci/run lists the packages)")
	}
	return d
}

// missingDict skips a test whose dictionary is not installed, except in CI
// (CI=true), where .ci/run installs every one and a skip would hide a
// broken set-up.
func missingDict(tb testing.TB, msg string) {
	tb.Helper()
	if os.Getenv("CI") == "true" {
		tb.Fatal(msg)
	}
	tb.Skip(msg)
}

// A real word's letters in another order, its ends in place, and two real
// words written as one are read as words; random draws seldom are.
func TestScrambledAndCompoundWords(t *testing.T) {
	p := new(prober)
	p.m = BaseModel()
	p.setWords(&Edit{}, &Env{})
	p.langDone, p.lang = true, "en"
	p.langDict = wordList{"suggests": true, "somehow": true, "knee": true, "jerk": true, "deal": true, "breaker": true}
	for _, w := range []string{"sugsegts", "seomhow", "Smoehow"} {
		if !p.scrambledWord(w) {
			t.Errorf("scrambledWord(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"suggests", "gsugests", "xkqzvbwp", "sugsegtsx", "sug"} {
		if p.scrambledWord(w) {
			t.Errorf("scrambledWord(%q) = true, want false", w)
		}
	}
	p.langDict = wordList{"suggests": true, "somehow": true, "knee": true, "jerk": true, "deal": true, "breaker": true, "hoax": true, "nerd": true}
	for _, w := range []string{"kneejerk", "dealbreaker", "hoaxdom", "nerdism"} {
		if !p.compoundWord(w) {
			t.Errorf("compoundWord(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"kneejerkx", "knejerk", "xkqzvbwp", "deal", "hoaxdomx", "hoxdom", "dealdo"} {
		if p.compoundWord(w) {
			t.Errorf("compoundWord(%q) = true, want false", w)
		}
	}
}

func TestNextPermutation(t *testing.T) {
	a := []byte("aab")
	var got []string
	for {
		got = append(got, string(a))
		if !nextPermutation(a) {
			break
		}
	}
	if strings.Join(got, " ") != "aab aba baa" || string(a) != "aab" {
		t.Errorf("permutations %v, then %q", got, a)
	}
}

func TestAcronymPlural(t *testing.T) {
	for w, want := range map[string]bool{
		"RDBMSes": true, "VtCs": true, "GPUs": true, "URLs": true,
		"Rdbmses": false, "RDBMS": false, "GPU": false, "XkQzVs": false, "ABCDEFGs": false, "Ues": false,
	} {
		if got := acronymPlural(w); got != want {
			t.Errorf("acronymPlural(%q) = %v, want %v", w, got, want)
		}
	}
}
