// Package lexicon loads dictionaries of real words from the word lists and
// spelling dictionaries a Debian system has installed, for the probe
// detector: a word a dictionary has is not a random tracking token by
// itself.
//
// Dictionaries discovers, for a language code ("nl", "pt-BR", "nb"), every
// dictionary installed for it: word lists in /usr/share/dict named for
// their language (wngerman's "ngerman", wdutch's "dutch"), Hunspell
// dictionaries in /usr/share/hunspell named for their locale ("nl.dic",
// "nb_NO.dic", "af_ZA.dic"), and, for a language with neither, aspell's
// (aspell-cy). Installed lists every language found; Norwegian Bokmål and
// Nynorsk are filed together as "no". A Hunspell dictionary lists stems;
// their inflected forms come from its affix rules (hunspell.go), within a
// budget per language.
//
// It exists apart from package detectors because reading dictionaries is
// I/O and detectors are pure: cmd/wikiwarden (or the bot) opens every
// installed language ([All]) lazily once and passes them in
// detectors.Env.Dicts, where each is mapped the first time an edit's
// text needs it. Without any dictionary installed everything still works;
// the detectors then judge by letters alone.
//
// Reading a language's word lists takes a quarter of a second and tens of
// megabytes, too much for every run of a cron job. Open with a cache
// directory compiles each language once into an index file (sorted 5-byte
// fingerprints of the word forms and the letter model of the words, see
// detectors.WordSetFromIndex) and later maps it into memory: opening costs
// microseconds, and a process holds only the pages its lookups touch. An
// index is rebuilt when its sources change. A language's Hunspell suffix
// rules, which a lookup strips from a form the index lacks, are compiled
// the same way into a small file keyed by the .aff files (suffixes.go).
package lexicon

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/edsrzf/mmap-go"

	"github.com/wikiwarden/wikiwarden/detectors"
)

// Languages returns the codes of the languages with a dictionary
// installed, sorted.
func Languages() []string {
	return slices.Sorted(maps.Keys(Installed()))
}

// Available returns, for each language with a dictionary installed, where
// its words come from (paths, or the aspell command), for `wikiwarden
// check` to report. It only looks; it reads nothing.
func Available() map[string]string {
	out := map[string]string{}
	for lang, ds := range Installed() {
		var where []string
		for _, d := range ds {
			where = append(where, d.Where())
		}
		out[lang] = strings.Join(where, ", ")
	}
	return out
}

// Lexicon is the loaded dictionaries, one word set per language. It is
// safe for concurrent use.
type Lexicon struct {
	sets    map[string]*lazySet
	from    map[string][]string
	missing []string

	mu       sync.Mutex
	compiled []string    // languages compiled into the cache by this Lexicon
	cacheErr error       // why a compiled index could not be kept
	maps     []mmap.MMap // the mapped index files the sets read
}

// All, as the only language asked of Open, asks for every installed one.
const All = "all"

// Options say where Open finds dictionaries and keeps their compiled form.
type Options struct {
	// CacheDir is the directory each language's compiled index is kept
	// in (see DefaultCacheDir); it is created if missing. "" compiles
	// nothing: every Open reads the word lists, as Load does.
	CacheDir string
	// Roots are where dictionaries are discovered; the zero value means
	// DefaultRoots.
	Roots Roots
	// Lazy opens each language's words at its first lookup instead of in
	// Open: a bot that can read fifty languages maps the indexes of the
	// few its pages are written in. A dictionary that cannot be read then
	// has no words, and Errors says why.
	Lazy bool
}

// Load reads the dictionaries of langs that are installed, without a
// cache: Open with no CacheDir.
func Load(ctx context.Context, langs []string) (*Lexicon, error) {
	return Open(ctx, langs, Options{})
}

// Open returns the dictionaries of langs that are installed ([All]: of
// every installed language): for each language every dictionary
// Dictionaries finds, as one word set with a letter model of its words.
// A language without one is listed by Missing, not an error; a dictionary
// that exists but cannot be read is, unless the options are Lazy. ctx
// bounds the aspell command.
//
// With a CacheDir a language's words are read once and compiled into an
// index file there (about 5 bytes a word form plus 2 MB for the letter
// model), which later calls map into memory in a few microseconds instead
// of reading the word lists; a process then holds only the pages its
// lookups touch. The file's name carries a fingerprint of its sources
// (paths, sizes and modification times), so a changed or added
// dictionary compiles a new index and the stale one is removed. A cache
// that cannot be written is not an error: the words are then kept in
// memory and CacheError says why.
func Open(ctx context.Context, langs []string, opts Options) (*Lexicon, error) {
	roots := opts.Roots
	if roots.WordLists == nil && roots.Hunspell == nil && roots.Aspell == "" {
		roots = DefaultRoots
	}
	installed := roots.Installed()
	if len(langs) == 1 && langs[0] == All {
		langs = slices.Sorted(maps.Keys(installed))
	}
	lx := &Lexicon{sets: map[string]*lazySet{}, from: map[string][]string{}}
	for _, code := range langs {
		lang := detectors.BaseLang(code) // "en-gb", "de-formal"
		if _, done := lx.sets[lang]; done || lang == "" || slices.Contains(lx.missing, lang) {
			continue
		}
		ds := installed[normLang(lang)]
		if len(ds) == 0 {
			lx.missing = append(lx.missing, lang)
			continue
		}
		for _, d := range ds {
			lx.from[lang] = append(lx.from[lang], d.Where())
		}
		ls := &lazySet{lang: lang, cacheDir: opts.CacheDir, affixDics: stripDics(lang, ds), open: func() (*detectors.WordSet, error) {
			// A lazy set opens long after Open returned: its own bound.
			ctx := ctx
			if opts.Lazy {
				ctx = context.Background()
			}
			return lx.open(ctx, lang, ds, opts.CacheDir)
		}}
		if !opts.Lazy {
			if ls.load(); ls.err != nil {
				lx.Close()
				return nil, ls.err
			}
		}
		lx.sets[lang] = ls
	}
	return lx, nil
}

// stripDics returns the Hunspell .dic files of lang's dictionaries whose
// suffixes are stripped at lookup: every language's but English's, which
// every page is read with and whose forms its word lists already hold.
func stripDics(lang string, ds []Dictionary) []string {
	if lang == "en" {
		return nil
	}
	var out []string
	for _, d := range ds {
		if strings.HasSuffix(d.Path, ".dic") {
			out = append(out, d.Path)
		}
	}
	return out
}

// Preload opens the words of langs now (a lazy Lexicon's), so that an
// unreadable dictionary shows in Errors at once.
func (lx *Lexicon) Preload(langs ...string) {
	for _, l := range langs {
		if s, ok := lx.sets[normLang(l)]; ok {
			s.load()
		}
	}
}

// lazySet is a language's word set, opened at its first use.
type lazySet struct {
	once sync.Once
	open func() (*detectors.WordSet, error)
	set  *detectors.WordSet
	err  error
	done atomic.Bool // set and err are final

	// The .dic files whose .aff suffixes are stripped at lookup
	// (suffixIndex), read at the first word the set lacks (loadSuffixes:
	// compiled into cacheDir).
	lang      string
	cacheDir  string
	affixDics []string
	sfxOnce   sync.Once
	sfx       *suffixIndex
}

func (l *lazySet) load() {
	l.once.Do(func() {
		l.set, l.err = l.open()
		l.open = nil
		l.done.Store(true)
	})
}

// Has reports whether the language has word, opening its words first: a
// form of its own, or one suffix of its Hunspell rules added to one.
func (l *lazySet) Has(word string) bool {
	l.load()
	if l.set.Has(word) {
		return true
	}
	if len(l.affixDics) == 0 || len(word) <= minStripStem {
		return false
	}
	l.sfxOnce.Do(func() { l.sfx = loadSuffixes(l.cacheDir, l.lang, l.affixDics) })
	return l.sfx != nil && l.sfx.stripHas(word, l.set.Has)
}

// Letters returns the letter model of the language's words, opening them
// first (detectors reads it for a word-like word).
func (l *lazySet) Letters() *detectors.Model {
	l.load()
	return l.set.Letters()
}

// open returns the word set of lang from its compiled index in dir, after
// compiling it when it is missing or stale.
func (lx *Lexicon) open(ctx context.Context, lang string, ds []Dictionary, dir string) (*detectors.WordSet, error) {
	if dir == "" {
		return build(ctx, lang, ds)
	}
	path := filepath.Join(dir, indexName(lang, ds))
	if set, m, err := mapIndex(path); err == nil {
		lx.keep(m)
		return set, nil
	}
	set, err := build(ctx, lang, ds)
	if err != nil {
		return nil, err
	}
	if err := writeIndex(dir, path, lang, set); err != nil {
		lx.mu.Lock()
		if lx.cacheErr == nil {
			lx.cacheErr = fmt.Errorf("lexicon %s: %w", lang, err)
		}
		lx.mu.Unlock()
		return set, nil
	}
	lx.mu.Lock()
	lx.compiled = append(lx.compiled, lang)
	lx.mu.Unlock()
	// The mapped file instead of the set just built: the heap's copy goes
	// to the garbage collector, the pages stay shared with other processes.
	mset, m, err := mapIndex(path)
	if err != nil {
		return set, nil
	}
	lx.keep(m)
	return mset, nil
}

// keep records a mapping for Close.
func (lx *Lexicon) keep(m mmap.MMap) {
	lx.mu.Lock()
	lx.maps = append(lx.maps, m)
	lx.mu.Unlock()
}

// build reads the words of lang's dictionaries into a word set with a
// letter model.
func build(ctx context.Context, lang string, ds []Dictionary) (*detectors.WordSet, error) {
	var b detectors.WordSetBuilder
	b.LearnLetters()
	for _, d := range ds {
		if err := d.read(ctx, &b); err != nil {
			return nil, fmt.Errorf("lexicon %s: %s: %w", lang, d.Where(), err)
		}
	}
	return b.Build(), nil
}

func (d Dictionary) read(ctx context.Context, b *detectors.WordSetBuilder) error {
	if d.Path != "" {
		f, err := os.Open(d.Path)
		if err != nil {
			return err
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil {
			b.Grow(int(fi.Size() / 12))
		}
		if strings.HasSuffix(d.Path, ".dic") {
			af, _, err := readAffixFile(d.Path)
			if err != nil {
				return err
			}
			return readHunspell(f, af, func(w string) { addWord(b, w) })
		}
		return readWords(f, b)
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, d.Command[0], d.Command[1:]...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	rerr := readWords(out, b)
	if err := cmd.Wait(); err != nil {
		return err
	}
	return rerr
}

// readWords adds the words of a word list, one a line. Most of Debian's
// lists are UTF-8; a few (Swedish, Norwegian) are ISO-8859-1, whose lines
// are not valid UTF-8 and are read as Latin-1.
func readWords(r io.Reader, b *detectors.WordSetBuilder) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		if !utf8.ValidString(line) {
			line = latin1(line)
		}
		addWord(b, line)
	}
	return sc.Err()
}

// esperantoX writes Esperanto's accented letters in the x-system.
var esperantoX = strings.NewReplacer("ĉ", "cx", "ĝ", "gx", "ĥ", "hx", "ĵ", "jx", "ŝ", "sx", "ŭ", "ux",
	"Ĉ", "Cx", "Ĝ", "Gx", "Ĥ", "Hx", "Ĵ", "Jx", "Ŝ", "Sx", "Ŭ", "Ux")

// addWord adds a word (with "ij" for the Dutch ligature "ĳ", and Esperanto
// in the x-system too) and, for "rock'n'roll", "aujourd'hui" or
// "Baden-Württemberg", its parts of four letters or more, which the
// scanner reads as words of their own.
func addWord(b *detectors.WordSetBuilder, w string) {
	if strings.ContainsAny(w, "ĳĲ") {
		// Dutch dictionaries spell "ij" as one letter; texts do not.
		addWord(b, strings.NewReplacer("ĳ", "ij", "Ĳ", "IJ").Replace(w))
	}
	if strings.ContainsAny(w, "ĉĝĥĵŝŭĈĜĤĴŜŬ") {
		// Esperanto typed without its letters: "cxiuj" for "ĉiuj".
		b.Add(esperantoX.Replace(w))
	}
	b.Add(w)
	if strings.ContainsAny(w, "-'") {
		for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '\'' }) {
			if len(part) >= 4 {
				b.Add(part)
			}
		}
	}
}

// latin1 returns s, bytes of ISO-8859-1, as UTF-8.
func latin1(s string) string {
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		sb.WriteRune(rune(s[i]))
	}
	return sb.String()
}

// Dicts returns the word sets by language, for detectors.Env.Dicts; a
// lazy Lexicon's open at their first lookup.
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

// Compiled returns the languages whose index the Lexicon compiled into
// the cache so far (none when every index was up to date).
func (lx *Lexicon) Compiled() []string {
	lx.mu.Lock()
	defer lx.mu.Unlock()
	return slices.Clone(lx.compiled)
}

// CacheError says why a compiled index could not be written (the words
// are then held in memory), or nil.
func (lx *Lexicon) CacheError() error {
	lx.mu.Lock()
	defer lx.mu.Unlock()
	return lx.cacheErr
}

// Errors returns, by language, why a lazy Lexicon could not open a
// language's words (it then has none); only languages opened so far.
func (lx *Lexicon) Errors() map[string]error {
	out := map[string]error{}
	for l, s := range lx.sets {
		if s.opened() && s.err != nil {
			out[l] = s.err
		}
	}
	return out
}

// opened reports whether the set was opened (or tried).
func (l *lazySet) opened() bool { return l.done.Load() }

// Close unmaps the index files. Only for a caller done with every word set
// of the Lexicon (tests, a command that exits): a set read after Close
// faults.
func (lx *Lexicon) Close() error {
	lx.mu.Lock()
	defer lx.mu.Unlock()
	var first error
	for _, m := range lx.maps {
		if err := m.Unmap(); err != nil && first == nil {
			first = err
		}
	}
	lx.maps = nil
	return first
}

// Bytes reports the memory the word sets opened so far take (for a
// mapped index, what it would take were every page read).
func (lx *Lexicon) Bytes() int {
	n := 0
	for _, s := range lx.sets {
		if s.opened() {
			n += s.set.Bytes()
		}
	}
	return n
}
