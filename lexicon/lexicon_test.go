package lexicon

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/detectors"
)

func TestReadWords(t *testing.T) {
	var b detectors.WordSetBuilder
	list := "walk\nrock-and-roll\nĉiuj\nk\xf6ttbullar\n" // the last in ISO-8859-1, as wswedish has it
	if err := readWords(strings.NewReader(list), &b); err != nil {
		t.Fatal(err)
	}
	s := b.Build()
	for _, w := range []string{"walk", "rock-and-roll", "roll", "ĉiuj", "cxiuj", "köttbullar"} {
		if !s.Has(w) {
			t.Errorf("%q missing", w)
		}
	}
}

// TestReadHunspell checks the expansion of a Hunspell dictionary's stems
// by its affix rules: suffixes with conditions and stripping, prefixes
// and their cross product, twofold suffixes, flag aliases, long and
// numeric flags, the file's encoding, and stems that are no word alone.
func TestReadHunspell(t *testing.T) {
	for _, tc := range []struct {
		name, aff, dic string
		want, not      []string
	}{{
		name: "single flags",
		aff: "SET UTF-8\nNEEDAFFIX X\nFORBIDDENWORD Z\n" +
			"SFX S Y 2\nSFX S y ies [^aeiou]y\nSFX S 0 s [^y]\n" +
			"PFX U Y 1\nPFX U 0 un .\n" +
			"SFX E N 1\nSFX E 0 en/S .\n",
		dic:  "5\nwalk/SU\nfly/S\nKolhapur/M po:noun\ngrond/X\nbadword/Z\nhuis/E\n",
		want: []string{"walk", "walks", "unwalk", "unwalks", "fly", "flies", "kolhapur", "huis", "huisen", "huisens"},
		not:  []string{"flys", "grond", "badword", "walk/SU", "5", "po:noun"},
	}, {
		name: "long flags, aliases and Latin-1",
		aff: "SET ISO8859-1\nFLAG long\nAF 2\nAF Aa\nAF AaBb\n" +
			"SFX Aa Y 1\nSFX Aa 0 je .\nSFX Bb Y 1\nSFX Bb 0 \xebn .\n",
		dic:  "2\nhuis/1\nzee/2\n",
		want: []string{"huis", "huisje", "zee", "zeeje", "zeeën"},
		not:  []string{"huisën"},
	}, {
		name: "numeric flags",
		aff:  "SET UTF-8\nFLAG num\nSFX 3 N 1\nSFX 3 0 lar .\nSFX 12 N 1\nSFX 12 0 da .\n",
		dic:  "1\nkitap/3,12\n",
		want: []string{"kitap", "kitaplar", "kitapda"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			af, err := parseAffixes(strings.NewReader(tc.aff))
			if err != nil {
				t.Fatal(err)
			}
			var b detectors.WordSetBuilder
			if err := readHunspell(strings.NewReader(tc.dic), af, func(w string) { addWord(&b, w) }); err != nil {
				t.Fatal(err)
			}
			s := b.Build()
			for _, w := range tc.want {
				if !s.Has(w) {
					t.Errorf("%q missing", w)
				}
			}
			for _, w := range tc.not {
				if s.Has(w) {
					t.Errorf("%q present", w)
				}
			}
		})
	}
}

func TestLoadMissing(t *testing.T) {
	lx, err := Load(context.Background(), []string{"xx"})
	if err != nil {
		t.Fatal(err)
	}
	if got := lx.Missing(); len(got) != 1 || got[0] != "xx" {
		t.Errorf("Missing() = %v, want [xx]", got)
	}
	if len(lx.Dicts()) != 0 {
		t.Errorf("Dicts() = %v, want none", lx.Dicts())
	}
}

// TestLoadInstalled checks the dictionaries this machine has (skipped where
// none is installed).
func TestLoadInstalled(t *testing.T) {
	avail := Available()
	if _, ok := avail["en"]; !ok {
		t.Skip("no English dictionary installed")
	}
	lx, err := Load(context.Background(), []string{"en"})
	if err != nil {
		t.Fatal(err)
	}
	en := lx.Dicts()["en"]
	for _, w := range []string{"urethra", "Colour", "walked", "the"} {
		if !en.Has(w) {
			t.Errorf("en lacks %q", w)
		}
	}
	for _, w := range []string{"xkqzvbwpl", "yocusukh", "h4ks8d92"} {
		if en.Has(w) {
			t.Errorf("en has %q", w)
		}
	}
	t.Logf("en: %d bytes from %v", lx.Bytes(), lx.Langs()["en"])
}

// fakeRoots lays out word lists and Hunspell dictionaries as Debian does.
func fakeRoots(t *testing.T) Roots {
	t.Helper()
	dir := t.TempDir()
	r := Roots{WordLists: []string{filepath.Join(dir, "dict")}, Hunspell: []string{filepath.Join(dir, "hunspell")}}
	files := map[string]string{
		"dict/dutch":            "fiets\nstraat\n",
		"dict/bokmaal":          "bokstav\n",
		"dict/nynorsk":          "bokstav\nkvarv\n",
		"dict/words":            "linked\n",
		"dict/README.select":    "not words\n",
		"dict/american-english": "walk\n",
		"hunspell/nl.dic":       "2\nfietsen/A\nhuis/B\n",
		"hunspell/nb_NO.dic":    "1\nfjell/A\n",
		"hunspell/hyph_nl.dic":  "ISO8859-1\n.a2b\n",
		"hunspell/af_ZA.dic":    "1\nhuis/A\n",
		"hunspell/en_US.dic":    "1\nwalked/D\n",
		"hunspell/kmr_Latn.dic": "1\nziman/A\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// nl_NL.dic links to nl.dic, as Debian's hunspell-nl ships it.
	if err := os.Symlink("nl.dic", filepath.Join(dir, "hunspell/nl_NL.dic")); err != nil {
		t.Fatal(err)
	}
	// ckb_IQ.dic and ku_TR.dic link to kmr_Latn.dic, as hunspell-kmr ships it.
	for _, name := range []string{"ckb_IQ.dic", "ku_TR.dic"} {
		if err := os.Symlink("kmr_Latn.dic", filepath.Join(dir, "hunspell", name)); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

func TestDictionaries(t *testing.T) {
	r := fakeRoots(t)
	where := func(lang string) []string {
		var out []string
		for _, d := range r.Dictionaries(lang) {
			out = append(out, filepath.Base(d.Path))
		}
		return out
	}
	for lang, want := range map[string][]string{
		"nl":    {"dutch", "nl.dic"},
		"nl-BE": {"dutch", "nl.dic"},
		"nb":    {"bokmaal", "nynorsk", "nb_NO.dic"},
		"no":    {"bokmaal", "nynorsk", "nb_NO.dic"},
		"af":    {"af_ZA.dic"},
		"en":    {"american-english", "en_US.dic"},
		"sv":    nil,
		"ku":    {"kmr_Latn.dic"}, // Wikipedia's code for Kurmanji
		"kmr":   {"kmr_Latn.dic"},
	} {
		if got := where(lang); !slices.Equal(got, want) {
			t.Errorf("Dictionaries(%q) = %v, want %v", lang, got, want)
		}
	}
	if got := slices.Sorted(maps.Keys(r.Installed())); !slices.Equal(got, []string{"af", "en", "ku", "nl", "no"}) {
		t.Errorf("Installed() languages = %v", got)
	}
}

func TestOpenCache(t *testing.T) {
	r := fakeRoots(t)
	cache := filepath.Join(t.TempDir(), "cache")
	ctx := context.Background()
	open := func() *Lexicon {
		t.Helper()
		lx, err := Open(ctx, []string{"nl", "nb", "sv"}, Options{CacheDir: cache, Roots: r})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { lx.Close() })
		if err := lx.CacheError(); err != nil {
			t.Fatal(err)
		}
		return lx
	}
	lx := open()
	if got := lx.Compiled(); !slices.Equal(got, []string{"nl", "nb"}) {
		t.Errorf("first Open compiled %v, want [nl nb]", got)
	}
	if got := lx.Missing(); !slices.Equal(got, []string{"sv"}) {
		t.Errorf("Missing() = %v, want [sv]", got)
	}
	check := func(lx *Lexicon, lang string, has, lacks []string) {
		t.Helper()
		d := lx.Dicts()[lang]
		for _, w := range has {
			if !d.Has(w) {
				t.Errorf("%s lacks %q", lang, w)
			}
		}
		for _, w := range lacks {
			if d.Has(w) {
				t.Errorf("%s has %q", lang, w)
			}
		}
	}
	check(lx, "nl", []string{"fiets", "Huis", "fietsen"}, []string{"fjell", "xkqzvbwpl"})
	check(lx, "nb", []string{"bokstav", "kvarv", "fjell"}, []string{"fiets"})
	if lx.Dicts()["nl"].(interface{ Letters() *detectors.Model }).Letters() == nil {
		t.Error("the mapped index has no letter model")
	}

	lx2 := open()
	if got := lx2.Compiled(); len(got) != 0 {
		t.Errorf("second Open compiled %v, want none", got)
	}
	check(lx2, "nl", []string{"fiets"}, nil)

	// A changed word list compiles a new index and removes the old one.
	dutch := filepath.Join(r.WordLists[0], "dutch")
	if err := os.WriteFile(dutch, []byte("fiets\nstraat\ngracht\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	lx3 := open()
	if got := lx3.Compiled(); !slices.Equal(got, []string{"nl"}) {
		t.Errorf("Open after a change compiled %v, want [nl]", got)
	}
	check(lx3, "nl", []string{"gracht"}, nil)
	if idx, _ := filepath.Glob(filepath.Join(cache, "words-nl-*.idx")); len(idx) != 1 {
		t.Errorf("indexes of nl: %v, want one", idx)
	}
}

func TestOpenUnwritableCache(t *testing.T) {
	r := fakeRoots(t)
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	lx, err := Open(context.Background(), []string{"nl"}, Options{CacheDir: filepath.Join(file, "cache"), Roots: r})
	if err != nil {
		t.Fatal(err)
	}
	if lx.CacheError() == nil || !lx.Dicts()["nl"].Has("fiets") {
		t.Errorf("CacheError() = %v, nl has fiets: %v", lx.CacheError(), lx.Dicts()["nl"].Has("fiets"))
	}
}

// TestOpenLazy checks that a lazy Open reads nothing until a word is
// looked up, then compiles and maps that language alone, and that All
// asks for every installed language.
func TestOpenLazy(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	for name, words := range map[string]string{"dutch": "huis\nstraat\n", "swedish": "hus\ngata\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(words), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lx, err := Open(context.Background(), []string{All}, Options{CacheDir: cache, Roots: Roots{WordLists: []string{dir}}, Lazy: true})
	if err != nil {
		t.Fatal(err)
	}
	defer lx.Close()
	d := lx.Dicts()
	if len(d) != 2 || d["nl"] == nil || d["sv"] == nil {
		t.Fatalf("Dicts() = %v, want nl and sv", d)
	}
	if c := lx.Compiled(); len(c) != 0 {
		t.Fatalf("compiled %v before any lookup", c)
	}
	if !d["nl"].Has("Straat") || d["nl"].Has("gata") {
		t.Error("nl does not read its own words alone")
	}
	if c := lx.Compiled(); !slices.Equal(c, []string{"nl"}) {
		t.Errorf("Compiled() = %v, want [nl]", c)
	}
	if len(lx.Errors()) != 0 {
		t.Errorf("Errors() = %v", lx.Errors())
	}
}

// TestStripSuffixes checks that a form past the expansion's budget (a
// suffix on a suffixed form) is read by stripping one suffix of the .aff's
// rules down to a word of the index, that the rule's condition and the
// stem's length hold, and that English is left to its word lists.
func TestStripSuffixes(t *testing.T) {
	dir := t.TempDir()
	aff := "SET UTF-8\n" +
		"SFX A Y 2\nSFX A 0 ban [^e]\nSFX A 0 ben e\n" +
		"SFX K Y 1\nSFX K 0 ak .\n"
	files := map[string]string{
		"hunspell/hu_HU.aff": aff,
		"hunspell/hu_HU.dic": "2\nház/K\nkert/A\n",
		"hunspell/en_US.aff": aff,
		"hunspell/en_US.dic": "1\nhouse/K\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Read from the .aff files, then compiled into a cache, then read
	// back from the compiled file: the same words either way.
	cache := filepath.Join(dir, "cache")
	for _, cacheDir := range []string{"", cache, cache} {
		lx, err := Open(context.Background(), []string{"hu", "en"}, Options{Roots: Roots{Hunspell: []string{filepath.Join(dir, "hunspell")}}, CacheDir: cacheDir})
		if err != nil {
			t.Fatal(err)
		}
		hu, en := lx.Dicts()["hu"], lx.Dicts()["en"]
		for _, w := range []string{"házak", "kertban", "házakban"} {
			if !hu.Has(w) {
				t.Errorf("cache %q: %q not read", cacheDir, w)
			}
		}
		// "kertben": A's "ben" needs a stem ending in e; "házban": ház is
		// too short a stem to strip down to; "qzxkban": no word under it.
		for _, w := range []string{"kertben", "házban", "qzxkban"} {
			if hu.Has(w) {
				t.Errorf("cache %q: %q read", cacheDir, w)
			}
		}
		if en.Has("housesak") || !en.Has("houseak") {
			t.Errorf("cache %q: English stripped a suffix, or lost its own forms", cacheDir)
		}
		lx.Close()
		if cacheDir != "" {
			if got, _ := filepath.Glob(filepath.Join(cache, "suffixes-hu-*.sfx")); len(got) != 1 {
				t.Errorf("compiled suffix files of hu: %v, want one", got)
			}
		}
	}
}

// TestSuffixFile checks that a language's suffix rules are kept distinct
// across its .aff files and read back from their compiled form as they
// were, conditions of every kind included.
func TestSuffixFile(t *testing.T) {
	dir := t.TempDir()
	aff := "SFX A Y 4\nSFX A 0 ban [^e]\nSFX A y ies [^aeiou]y\nSFX A 0 s .\nSFX A 0 x ^\n" +
		"SFX B Y 2\nSFX B 0 ban [^e]\nSFX B 0 ok [ő]\n"
	var dics []string
	for _, name := range []string{"a", "b"} {
		p := filepath.Join(dir, name+".dic")
		dics = append(dics, p)
		if err := os.WriteFile(strings.TrimSuffix(p, ".dic")+".aff", []byte(aff), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ix := readSuffixes(dics)
	n := 0
	for _, rs := range ix.byAdd {
		n += len(rs)
	}
	if n != 5 {
		t.Errorf("%d distinct rules, want 5", n)
	}
	back, err := unmarshalSuffixes(marshalSuffixes(ix))
	if err != nil {
		t.Fatal(err)
	}
	if back.maxAdd != ix.maxAdd || len(back.byAdd) != len(ix.byAdd) {
		t.Fatalf("read back %d suffixes up to %d bytes, want %d up to %d", len(back.byAdd), back.maxAdd, len(ix.byAdd), ix.maxAdd)
	}
	for add, rs := range ix.byAdd {
		key := func(rs []affixRule) []string {
			var out []string
			for _, r := range rs {
				out = append(out, r.strip+"|"+condKey(r.cond))
			}
			slices.Sort(out)
			return out
		}
		if got, want := key(back.byAdd[add]), key(rs); !slices.Equal(got, want) {
			t.Errorf("rules adding %q read back as %q, want %q", add, got, want)
		}
	}
	if none, err := unmarshalSuffixes(marshalSuffixes(nil)); none != nil || err != nil {
		t.Errorf("no rules read back as %v, %v", none, err)
	}
	if _, err := unmarshalSuffixes(marshalSuffixes(ix)[:20]); err == nil {
		t.Error("a truncated file was read")
	}
}
