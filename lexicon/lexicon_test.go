package lexicon

import (
	"context"
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
