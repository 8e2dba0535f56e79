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
	dic := "3\nwalk/DGS\nKolhapur/M po:noun\nrock-and-roll\n"
	if err := readWords(strings.NewReader(dic), true, &b); err != nil {
		t.Fatal(err)
	}
	s := b.Build()
	for _, w := range []string{"walk", "kolhapur", "Kolhapur", "rock-and-roll", "roll"} {
		if !s.Has(w) {
			t.Errorf("%q missing", w)
		}
	}
	for _, w := range []string{"3", "walk/DGS", "xkqzvbwpl", "po:noun"} {
		if s.Has(w) {
			t.Errorf("%q present", w)
		}
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
	} {
		if got := where(lang); !slices.Equal(got, want) {
			t.Errorf("Dictionaries(%q) = %v, want %v", lang, got, want)
		}
	}
	if got := slices.Sorted(maps.Keys(r.Installed())); !slices.Equal(got, []string{"af", "en", "nl", "no"}) {
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
