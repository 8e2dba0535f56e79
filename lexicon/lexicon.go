// Package lexicon loads dictionaries of real words from the word lists and
// spelling dictionaries Debian installs (wamerican-huge, wngerman, wfrench,
// wspanish, wpolish, hunspell-*, aspell-cy), for the probe detector: a word
// a dictionary has is not a random tracking token by itself.
//
// It exists apart from package detectors because reading dictionaries is
// I/O and detectors are pure: cmd/wikiwarden (or the bot) loads the
// languages its wiki needs once at start and passes them in
// detectors.Env.Dicts. Without any dictionary installed everything still
// works; the detectors then judge by letters alone. Each language costs 5
// bytes a distinct word form and 2 MB for a letter model of its words
// (English about 4 MB, Polish about 24 MB), so only the languages asked for
// are loaded.
package lexicon

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/wikiwarden/wikiwarden/detectors"
)

// source is one file or command that lists the words of a language.
type source struct {
	path    string   // a word list (one word a line) or a Hunspell .dic
	command []string // or a command printing one word a line (aspell dump)
}

// sources lists, per language, where Debian's packages put its words. All
// that exist are read; the first found names the language in Available.
var sources = map[string][]source{
	"en": {
		{path: "/usr/share/dict/american-english-huge"},
		{path: "/usr/share/dict/american-english-insane"},
		{path: "/usr/share/dict/american-english-large"},
		{path: "/usr/share/dict/american-english"},
		{path: "/usr/share/dict/british-english-huge"},
		{path: "/usr/share/dict/british-english"},
		{path: "/usr/share/hunspell/en_US.dic"},
		{path: "/usr/share/hunspell/en_GB.dic"},
	},
	"de": {{path: "/usr/share/dict/ngerman"}, {path: "/usr/share/dict/ogerman"}, {path: "/usr/share/hunspell/de_DE.dic"}},
	"fr": {{path: "/usr/share/dict/french"}, {path: "/usr/share/hunspell/fr.dic"}, {path: "/usr/share/hunspell/fr_FR.dic"}},
	"es": {{path: "/usr/share/dict/spanish"}, {path: "/usr/share/hunspell/es_ES.dic"}, {path: "/usr/share/hunspell/es.dic"}},
	"pl": {{path: "/usr/share/dict/polish"}, {path: "/usr/share/hunspell/pl_PL.dic"}},
	"cy": {{command: []string{"aspell", "-d", "cy", "dump", "master"}}, {path: "/usr/share/hunspell/cy_GB.dic"}},
	"nl": {{path: "/usr/share/dict/dutch"}, {path: "/usr/share/hunspell/nl.dic"}},
	"it": {{path: "/usr/share/dict/italian"}, {path: "/usr/share/hunspell/it_IT.dic"}},
	"pt": {{path: "/usr/share/dict/portuguese"}, {path: "/usr/share/dict/brazilian"}, {path: "/usr/share/hunspell/pt_PT.dic"}},
}

// Languages returns the language codes the package knows where to find,
// sorted.
func Languages() []string {
	out := make([]string, 0, len(sources))
	for l := range sources {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// Available returns, for each language with a dictionary installed, where
// its words come from (a path, or the aspell command), for `wikiwarden
// check` to report. It only looks; it reads nothing.
func Available() map[string]string {
	out := map[string]string{}
	for lang, srcs := range sources {
		var found []string
		for _, s := range srcs {
			if where, ok := s.present(); ok {
				found = append(found, where)
			}
		}
		if len(found) > 0 {
			out[lang] = strings.Join(found, ", ")
		}
	}
	return out
}

func (s source) present() (string, bool) {
	if s.path != "" {
		fi, err := os.Stat(s.path)
		return s.path, err == nil && fi.Mode().IsRegular()
	}
	if _, err := exec.LookPath(s.command[0]); err != nil {
		return "", false
	}
	// aspell is installed without its Welsh dictionary more often than with.
	if s.command[0] == "aspell" {
		if _, err := os.Stat("/usr/lib/aspell/cy.multi"); err != nil {
			return "", false
		}
	}
	return strings.Join(s.command, " "), true
}

// Lexicon is the loaded dictionaries, one word set per language. It is
// immutable and safe for concurrent use.
type Lexicon struct {
	sets    map[string]*detectors.WordSet
	from    map[string][]string
	missing []string
}

// Load reads the dictionaries of langs that are installed. A language
// without one is listed by Missing, not an error; a dictionary that exists
// but cannot be read is. ctx bounds the aspell command.
func Load(ctx context.Context, langs []string) (*Lexicon, error) {
	lx := &Lexicon{sets: map[string]*detectors.WordSet{}, from: map[string][]string{}}
	for _, lang := range langs {
		lang = detectors.BaseLang(lang) // "en-gb", "de-formal"
		if _, done := lx.sets[lang]; done || lang == "" {
			continue
		}
		var b detectors.WordSetBuilder
		b.LearnLetters()
		read := map[string]bool{}
		for _, s := range sources[lang] {
			where, ok := s.present()
			if !ok {
				continue
			}
			if s.path != "" {
				real, err := filepath.EvalSymlinks(s.path)
				if err != nil || read[real] {
					continue // fr_FR.dic is a link to fr.dic
				}
				read[real] = true
			}
			if err := s.read(ctx, &b); err != nil {
				return nil, fmt.Errorf("lexicon %s: %s: %w", lang, where, err)
			}
			lx.from[lang] = append(lx.from[lang], where)
		}
		if len(lx.from[lang]) == 0 {
			lx.missing = append(lx.missing, lang)
			continue
		}
		lx.sets[lang] = b.Build()
	}
	return lx, nil
}

func (s source) read(ctx context.Context, b *detectors.WordSetBuilder) error {
	if s.path != "" {
		f, err := os.Open(s.path)
		if err != nil {
			return err
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil {
			b.Grow(int(fi.Size() / 12))
		}
		return readWords(f, strings.HasSuffix(s.path, ".dic"), b)
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, s.command[0], s.command[1:]...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	rerr := readWords(out, false, b)
	if err := cmd.Wait(); err != nil {
		return err
	}
	return rerr
}

// readWords adds the words of r, one a line. A Hunspell .dic starts with a
// count and gives each stem with affix flags ("walk/DGS"); the stem is
// taken, its inflections come from the word lists.
func readWords(r io.Reader, hunspell bool, b *detectors.WordSetBuilder) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	first := true
	for sc.Scan() {
		line := sc.Text()
		if hunspell {
			if first {
				first = false
				continue
			}
			if i := strings.IndexByte(line, '/'); i >= 0 {
				line = line[:i]
			}
			if i := strings.IndexAny(line, " \t"); i >= 0 {
				line = line[:i]
			}
		}
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		b.Add(line)
		// "rock'n'roll", "aujourd'hui", "Baden-Württemberg": the scanner
		// reads the parts as words of their own.
		if strings.ContainsAny(line, "-'") {
			for _, part := range strings.FieldsFunc(line, func(r rune) bool { return r == '-' || r == '\'' }) {
				if len(part) >= 4 {
					b.Add(part)
				}
			}
		}
	}
	return sc.Err()
}

// Dicts returns the loaded word sets by language, for detectors.Env.Dicts.
func (lx *Lexicon) Dicts() map[string]detectors.Words {
	out := make(map[string]detectors.Words, len(lx.sets))
	for l, s := range lx.sets {
		out[l] = s
	}
	return out
}

// Langs returns the loaded languages with where their words came from.
func (lx *Lexicon) Langs() map[string][]string {
	out := make(map[string][]string, len(lx.from))
	for l, f := range lx.from {
		out[l] = slices.Clone(f)
	}
	return out
}

// Missing returns the languages asked for that have no dictionary installed.
func (lx *Lexicon) Missing() []string { return slices.Clone(lx.missing) }

// Bytes reports the memory the word sets take.
func (lx *Lexicon) Bytes() int {
	n := 0
	for _, s := range lx.sets {
		n += s.Bytes()
	}
	return n
}
