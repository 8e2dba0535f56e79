package lexicon

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/wikiwarden/wikiwarden/detectors"
)

// Dictionary is one installed source of a language's words.
type Dictionary struct {
	// Lang is the language's code as Load takes it: ISO 639-1, lower
	// case, without region ("de", "pt"); Norwegian Bokmål and Nynorsk are
	// both "no".
	Lang string
	// Path is the file: a word list (one word a line, /usr/share/dict) or
	// a Hunspell .dic (/usr/share/hunspell). Empty for an aspell
	// dictionary, which is read through Command.
	Path string
	// Command prints the dictionary's words, one a line ("aspell -d cy
	// dump master"); nil for a file.
	Command []string
	// Deps are the files Command reads, whose sizes and times say when a
	// compiled copy is stale.
	Deps []string
}

// Where says where the words come from: the path, or the command.
func (d Dictionary) Where() string {
	if d.Path != "" {
		return d.Path
	}
	return strings.Join(d.Command, " ")
}

// Roots are the directories discovery looks in. DefaultRoots are Debian's.
type Roots struct {
	// WordLists hold plain word lists named for their language
	// ("ngerman", "american-english-huge", "dutch"), as Debian's w*
	// packages install them.
	WordLists []string
	// Hunspell hold Hunspell (and older MySpell) dictionaries named for
	// their locale ("de_DE.dic", "nb_NO.dic", "pt_BR.dic").
	Hunspell []string
	// Aspell holds aspell's compiled dictionaries ("cy.multi"), dumped
	// with the aspell command; "" or no aspell on PATH skips them.
	Aspell string
}

// DefaultRoots are where Debian's packages put dictionaries: wamerican,
// wngerman, wdutch, ... in /usr/share/dict; hunspell-* in
// /usr/share/hunspell; aspell-* in /usr/lib/aspell.
var DefaultRoots = Roots{
	WordLists: []string{"/usr/share/dict"},
	Hunspell:  []string{"/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell"},
	Aspell:    "/usr/lib/aspell",
}

// wordListLangs maps the names of Debian's word lists (the name, or its
// start before a "-": "american-english-huge") to their language.
var wordListLangs = map[string]string{
	"american-english": "en", "british-english": "en", "canadian-english": "en", "australian-english": "en",
	"ngerman": "de", "ogerman": "de", "swiss": "de",
	"french": "fr", "spanish": "es", "polish": "pl", "dutch": "nl", "italian": "it",
	"portuguese": "pt", "brazilian": "pt", "swedish": "sv", "danish": "da",
	"bokmaal": "no", "nynorsk": "no", "norsk": "no", "catalan": "ca", "galician": "gl",
	"bulgarian": "bg", "ukrainian": "uk", "faroese": "fo", "irish": "ga", "manx": "gv",
	"esperanto": "eo", "afrikaans": "af", "finnish": "fi", "estonian": "et", "lithuanian": "lt",
	"czech": "cs", "slovak": "sk", "slovene": "sl", "hungarian": "hu", "romanian": "ro",
	"greek": "el", "russian": "ru", "turkish": "tr", "basque": "eu", "welsh": "cy",
}

// normLang returns the code dictionaries are filed under for code
// ("en-GB" and "en_US" are "en", "nb" is "no"): detectors.DictLang.
func normLang(code string) string { return detectors.DictLang(code) }

// Dictionaries returns every dictionary this machine has for lang (any
// form: "nl", "pt-BR", "nb"), word lists first, each file once however
// many links name it. It only looks; it reads no words. The probe
// detector checks a page's words against all of them.
func Dictionaries(lang string) []Dictionary {
	return DefaultRoots.Dictionaries(lang)
}

// Installed returns every language that has a dictionary installed, with
// its dictionaries.
func Installed() map[string][]Dictionary {
	return DefaultRoots.Installed()
}

// Dictionaries returns every dictionary under r for lang; see the
// package-level Dictionaries.
func (r Roots) Dictionaries(lang string) []Dictionary {
	return r.Installed()[normLang(lang)]
}

// Installed returns every language with a dictionary under r, with its
// dictionaries.
func (r Roots) Installed() map[string][]Dictionary {
	out := map[string][]Dictionary{}
	seen := map[string]bool{}
	add := func(lang, path string) {
		real, err := filepath.EvalSymlinks(path)
		if err != nil || seen[real] {
			return // a dangling link, or fr_FR.dic linking to fr.dic
		}
		if fi, err := os.Stat(real); err != nil || !fi.Mode().IsRegular() || fi.Size() == 0 {
			return
		}
		seen[real] = true
		if filepath.Dir(real) == filepath.Dir(path) {
			path = real // de_DE.dic, not its alias de_BE.dic
		}
		out[lang] = append(out[lang], Dictionary{Lang: lang, Path: path})
	}
	for _, dir := range r.WordLists {
		for _, name := range sortedNames(dir) {
			if lang := wordListLang(name); lang != "" {
				add(lang, filepath.Join(dir, name))
			}
		}
	}
	for _, dir := range r.Hunspell {
		for _, name := range sortedNames(dir) {
			stem, ok := strings.CutSuffix(name, ".dic")
			if !ok || strings.HasPrefix(stem, "hyph_") || strings.HasPrefix(stem, "th_") {
				continue
			}
			path := filepath.Join(dir, name)
			if real, err := filepath.EvalSymlinks(path); err == nil && filepath.Dir(real) == filepath.Clean(dir) {
				// ckb_IQ.dic links to kmr_Latn.dic: the file's own name.
				stem = strings.TrimSuffix(filepath.Base(real), ".dic")
			}
			if lang := normLang(stem); isLangCode(lang) {
				add(lang, path)
			}
		}
	}
	// An aspell dump is slow and adds little to a word list or a Hunspell
	// dictionary: it is read for a language without either (Welsh).
	if r.Aspell != "" {
		if _, err := exec.LookPath("aspell"); err == nil {
			for _, name := range sortedNames(r.Aspell) {
				stem, ok := strings.CutSuffix(name, ".multi")
				// "cy.multi", not the variants ("en_US-variant_1.multi").
				if !ok || !isLangCode(stem) {
					continue
				}
				multi := filepath.Join(r.Aspell, name)
				lang := normLang(stem)
				if len(out[lang]) > 0 && out[lang][0].Path != "" {
					continue
				}
				out[lang] = append(out[lang], Dictionary{Lang: lang,
					Command: []string{"aspell", "-d", stem, "dump", "master"},
					Deps:    aspellDeps(multi)})
			}
		}
	}
	return out
}

// isLangCode reports whether s looks like an ISO 639 code: two or three
// lower-case letters.
func isLangCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for _, c := range s {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// wordListLang returns the language of a word list in /usr/share/dict by
// its name, or "" for a file not known to be one ("words", "README").
func wordListLang(name string) string {
	for i := len(name); i > 0; i = strings.LastIndexByte(name[:i], '-') {
		if l, ok := wordListLangs[name[:i]]; ok {
			return l
		}
	}
	return ""
}

// aspellDeps returns an aspell .multi file and the word files it adds
// ("add cy.rws"), which a dump reads.
func aspellDeps(multi string) []string {
	deps := []string{multi}
	f, err := os.Open(multi)
	if err != nil {
		return deps
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "add "); ok {
			p := strings.TrimSpace(rest)
			if !filepath.IsAbs(p) {
				p = filepath.Join(filepath.Dir(multi), p)
			}
			deps = append(deps, p)
		}
	}
	return deps
}

// sortedNames returns the names in dir, sorted; none when it cannot be
// read.
func sortedNames(dir string) []string {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	names := make([]string, 0, len(ents))
	for _, e := range ents {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	return names
}
