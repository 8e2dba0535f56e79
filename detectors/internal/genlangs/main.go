// Command genlangs builds the probe detector's letter models of the world's
// languages (langmodels.bin) from the character n-gram statistics of
// github.com/pemistahl/lingua-go (Apache-2.0), read from a bare clone at a
// fixed commit. The detectors package runs it with go generate:
//
//	go run ./internal/genlangs -lingua /work/.mirror/pemistahl+lingua-go/repo -out langmodels.bin
//
// lingua-go ships, for each of its 75 languages, the relative frequencies
// of the letter 1- to 5-grams inside words of its training text (the
// Leipzig Wortschatz corpora): P(d | a b c) = C(abcd) / C(abc), unigrams
// as shares of all letters. Those ratios give back the counts up to one
// scale, and the counts give the word boundaries too: the trigrams abc
// that no letter follows, C(abc) - Σd C(abcd), end a word, and those no
// letter precedes start one. The counts, folded to the 26 Latin letters
// the letter model knows (diacritics to their base letter), are the
// 4-gram counts of a Model; languages written in another script are left
// out (fewer than langMinLatin of their letters are Latin).
package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path"
	"strings"
	"unicode/utf8"

	"google.golang.org/protobuf/encoding/protowire"

	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/textview"
)

const (
	// langMinLatin is the least share of a language's letters that must be
	// Latin for it to get a model.
	langMinLatin = 0.9
	// scaleLetters is the number of letters the unigram shares are
	// scaled to: counts are relative, and the letter model's smoothing
	// needs absolute ones of a corpus's size.
	scaleLetters = 20e6
	// minCount drops folded 4-grams rarer than this after scaling: they
	// hold a few bits of a language the lower orders already give, and
	// a third of the file.
	minCount = 2
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "genlangs:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fl := flag.NewFlagSet("genlangs", flag.ContinueOnError)
	mirror := fl.String("lingua", "", "bare git clone of github.com/pemistahl/lingua-go")
	commit := fl.String("commit", "a440fc1", "the lingua-go commit to read")
	out := fl.String("out", "", "file to write the models to")
	verbose := fl.Bool("v", false, "print each language's size")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *mirror == "" || *out == "" {
		return errors.New("both -lingua (a clone of pemistahl/lingua-go) and -out are required")
	}
	full, err := exec.Command("git", "--git-dir="+*mirror, "rev-parse", *commit+"^{commit}").Output()
	if err != nil {
		return fmt.Errorf("find commit %s in %s: %w", *commit, *mirror, err)
	}
	ls, err := exec.Command("git", "--git-dir="+*mirror, "ls-tree", "--name-only", *commit, "language-models/").Output()
	if err != nil {
		return fmt.Errorf("list language-models at %s: %w", *commit, err)
	}
	models := map[string]*detectors.Model{}
	for _, dir := range strings.Fields(string(ls)) {
		lang := path.Base(dir)
		var grams [4]map[string]float64
		for n, name := range []string{"unigrams", "bigrams", "trigrams", "quadrigrams"} {
			zb, err := exec.Command("git", "--git-dir="+*mirror, "show", *commit+":"+dir+"/"+name+".pb.bin.zip").Output()
			if err != nil {
				return fmt.Errorf("read %s/%s: %w", dir, name, err)
			}
			if grams[n], err = readNgrams(zb); err != nil {
				return fmt.Errorf("%s/%s: %w", dir, name, err)
			}
			if n == 0 && latinShare(grams[0]) < langMinLatin {
				break // another script (lingua has unigrams alone of some)
			}
		}
		if latin := latinShare(grams[0]); latin < langMinLatin {
			if *verbose {
				fmt.Fprintf(os.Stderr, "%s: %.0f%% Latin letters, left out\n", lang, 100*latin)
			}
			continue
		}
		counts, words := foldedCounts(grams)
		m, err := detectors.ModelFromCounts(counts, words)
		if err != nil {
			return fmt.Errorf("%s: %w", lang, err)
		}
		models[lang] = m
		if *verbose {
			b, _ := m.MarshalBinary()
			fmt.Fprintf(os.Stderr, "%s: %d bytes\n", lang, len(b))
		}
	}
	data, err := detectors.MarshalLangModels(models, "lingua-go "+strings.TrimSpace(string(full)))
	if err != nil {
		return err
	}
	return os.WriteFile(*out, data, 0o644)
}

// readNgrams decodes one of lingua-go's zipped SerializableLanguageModel
// protocol buffers (serialization/model.proto): sets of n-grams sharing a
// probability.
func readNgrams(zb []byte) (map[string]float64, error) {
	zr, err := zip.NewReader(bytes.NewReader(zb), int64(len(zb)))
	if err != nil {
		return nil, err
	}
	if len(zr.File) != 1 {
		return nil, fmt.Errorf("%d files in the zip, want 1", len(zr.File))
	}
	f, err := zr.File[0].Open()
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		return nil, err
	}
	out := map[string]float64{}
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return nil, protowire.ParseError(n)
		}
		b = b[n:]
		if num == 4 && typ == protowire.BytesType {
			set, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return nil, protowire.ParseError(n)
			}
			b = b[n:]
			if err := readSet(set, out); err != nil {
				return nil, err
			}
			continue
		}
		n = protowire.ConsumeFieldValue(num, typ, b)
		if n < 0 {
			return nil, protowire.ParseError(n)
		}
		b = b[n:]
	}
	return out, nil
}

// readSet adds one SerializableNgramSet's n-grams with their probability.
func readSet(b []byte, out map[string]float64) error {
	var p float64
	var grams []string
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return protowire.ParseError(n)
		}
		b = b[n:]
		switch {
		case num == 1 && typ == protowire.Fixed64Type:
			v, n := protowire.ConsumeFixed64(b)
			if n < 0 {
				return protowire.ParseError(n)
			}
			p, b = math.Float64frombits(v), b[n:]
		case num == 2 && typ == protowire.BytesType:
			s, n := protowire.ConsumeString(b)
			if n < 0 {
				return protowire.ParseError(n)
			}
			grams, b = append(grams, s), b[n:]
		default:
			n = protowire.ConsumeFieldValue(num, typ, b)
			if n < 0 {
				return protowire.ParseError(n)
			}
			b = b[n:]
		}
	}
	for _, g := range grams {
		out[g] = p
	}
	return nil
}

// foldedCounts turns lingua's relative frequencies into 4-gram counts of
// the letter model (symbol 0 the word boundary, 1..26 the folded letters),
// and the number of words they hold.
func foldedCounts(rel [4]map[string]float64) (counts []uint32, words uint64) {
	// Absolute counts, order by order: C(ab) = C(a) P(b|a), and so on.
	var abs [4]map[string]float64
	abs[0] = map[string]float64{}
	for g, p := range rel[0] {
		abs[0][g] = p * scaleLetters
	}
	for n := 1; n < 4; n++ {
		abs[n] = map[string]float64{}
		for g, p := range rel[n] {
			_, k := utf8.DecodeLastRuneInString(g)
			abs[n][g] = abs[n-1][g[:len(g)-k]] * p
		}
	}
	// What follows and precedes each n-gram inside words.
	var follow, precede [3]map[string]float64
	for n := 0; n < 3; n++ {
		follow[n], precede[n] = map[string]float64{}, map[string]float64{}
		for g, c := range abs[n+1] {
			_, k := utf8.DecodeLastRuneInString(g)
			follow[n][g[:len(g)-k]] += c
			_, k = utf8.DecodeRuneInString(g)
			precede[n][g[k:]] += c
		}
	}
	acc := make([]float64, 27*27*27*27)
	var buf [4]uint8
	// fold maps an n-gram to its symbols, or false when a letter is not Latin.
	fold := func(g string) ([]uint8, bool) {
		s := buf[:0]
		for _, r := range g {
			i, ok, _ := textview.Letter(r)
			if !ok {
				return nil, false
			}
			s = append(s, i)
		}
		return s, true
	}
	add := func(c float64, sym ...uint8) {
		if c <= 0 {
			return
		}
		i := 0
		for _, s := range sym {
			i = i*27 + int(s)
		}
		acc[i] += c
	}
	// Inside words: every 4-gram of letters.
	for g, c := range abs[3] {
		if s, ok := fold(g); ok {
			add(c, s...)
		}
	}
	// Word starts and ends: an n-gram no letter precedes starts a word, one
	// no letter follows ends it. A word of one or two letters is both; how
	// often is not told, so its start and end are taken as independent.
	var starts float64
	for n := 0; n < 3; n++ {
		for g, c := range abs[n] {
			s, ok := fold(g)
			if !ok {
				continue
			}
			st := max(0, c-precede[n][g])
			en := max(0, c-follow[n][g])
			if n == 0 {
				starts += st
			}
			switch n {
			case 0: // (0 0 0 a), a one-letter word (0 0 a 0)
				add(st, 0, 0, 0, s[0])
				add(st*en/c, 0, 0, s[0], 0)
			case 1: // (0 0 a b), a two-letter word (0 a b 0)
				add(st, 0, 0, s[0], s[1])
				add(st*en/c, 0, s[0], s[1], 0)
			case 2: // (0 a b c) and (a b c 0)
				add(st, 0, s[0], s[1], s[2])
				add(en, s[0], s[1], s[2], 0)
			}
		}
	}
	counts = make([]uint32, len(acc))
	for i, c := range acc {
		if c >= minCount {
			counts[i] = uint32(min(math.Round(c), math.MaxUint32))
		}
	}
	return counts, uint64(starts)
}

// latinShare returns the share of a language's letters (unigram
// frequencies) that are Latin.
func latinShare(uni map[string]float64) float64 {
	var all, lat float64
	for g, p := range uni {
		all += p
		if r, _ := utf8.DecodeRuneInString(g); r != utf8.RuneError {
			if _, ok, _ := textview.Letter(r); ok {
				lat += p
			}
		}
	}
	if all == 0 {
		return 0
	}
	return lat / all
}
