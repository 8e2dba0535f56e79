package lexicon

// Hunspell dictionaries list stems with affix flags ("huis/AB"); the
// inflected forms a text has ("huizen", "huisje") come from the rules of
// the .aff file beside the .dic. Many languages (Dutch, Afrikaans, Czech,
// Turkish, Indonesian, Tagalog) have no Debian word list of full forms, so
// their stems alone would leave most words of a page unknown. expandAffixes
// applies the rules as hunspell's unmunch does, to one level of suffixes
// and prefixes (with their cross products) and one level of continuation
// suffixes, within a budget per stem and per dictionary: agglutinative
// languages (Hungarian, Turkish) would otherwise yield hundreds of
// millions of forms, and every form is a string a random token could
// match.

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/ianaindex"
)

// Budgets of the affix expansion.
const (
	maxFormsPerStem = 400
	maxForms        = 4_000_000
)

// affixRule is one line of a PFX or SFX class.
type affixRule struct {
	strip string
	add   string
	cond  []condPart // matched at the end of the stem (SFX) or its start (PFX)
	cont  []string   // continuation flags of the affixed form
}

// condPart is one position of a condition: a set of runes, negated or not,
// or any rune.
type condPart struct {
	any  bool
	neg  bool
	runs string
}

func (c condPart) match(r rune) bool {
	if c.any {
		return true
	}
	return strings.ContainsRune(c.runs, r) != c.neg
}

// affixClass is the rules of one flag.
type affixClass struct {
	cross bool
	rules []affixRule
}

// affixFile is what expansion needs of a .aff file.
type affixFile struct {
	dec       *encoding.Decoder // nil: UTF-8
	flagMode  string            // "", "long", "num" or "UTF-8"
	aliases   [][]string        // AF: flag sets by 1-based number
	pfx, sfx  map[string]*affixClass
	needAffix string
	forbidden string
	onlyComp  string
}

// readAffixFile reads the .aff file beside the .dic at dicPath; ok is
// false when there is none.
func readAffixFile(dicPath string) (*affixFile, bool, error) {
	f, err := os.Open(strings.TrimSuffix(dicPath, ".dic") + ".aff")
	if os.IsNotExist(err) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	af, err := parseAffixes(f)
	return af, err == nil, err
}

// parseAffixes reads an .aff file's encoding, flag format, flag aliases,
// affix classes and the flags that keep a stem from being a word alone.
func parseAffixes(r io.Reader) (*affixFile, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	af := &affixFile{pfx: map[string]*affixClass{}, sfx: map[string]*affixClass{}}
	// The encoding is named on a line of its own before anything it
	// matters to; find it first, then decode the whole file.
	for _, line := range bytes.Split(raw, []byte("\n")) {
		if f := strings.Fields(string(line)); len(f) >= 2 && f[0] == "SET" {
			af.dec = decoderFor(f[1])
			break
		}
	}
	text := string(raw)
	if af.dec != nil {
		if b, err := af.dec.Bytes(raw); err == nil {
			text = string(b)
		}
	}
	text = strings.TrimPrefix(text, "\ufeff")
	sawAF := false
	for _, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		switch f[0] {
		case "FLAG":
			if len(f) > 1 {
				af.flagMode = f[1]
			}
		case "AF":
			// The first "AF n" counts the aliases that follow, each "AF flags".
			if len(f) > 1 {
				if !sawAF {
					sawAF = true
					continue
				}
				af.aliases = append(af.aliases, af.flags(f[1]))
			}
		case "NEEDAFFIX", "PSEUDOROOT":
			if len(f) > 1 {
				af.needAffix = f[1]
			}
		case "FORBIDDENWORD":
			if len(f) > 1 {
				af.forbidden = f[1]
			}
		case "ONLYINCOMPOUND":
			if len(f) > 1 {
				af.onlyComp = f[1]
			}
		case "PFX", "SFX":
			classes := af.sfx
			if f[0] == "PFX" {
				classes = af.pfx
			}
			if len(f) < 4 {
				continue
			}
			flag := f[1]
			cl := classes[flag]
			if cl == nil {
				// The header: "SFX A Y 14".
				cl = &affixClass{cross: f[2] == "Y"}
				classes[flag] = cl
				continue
			}
			rule := affixRule{strip: zeroEmpty(f[2])}
			add := f[3]
			if i := strings.IndexByte(add, '/'); i >= 0 {
				rule.cont = af.flagsOrAlias(add[i+1:])
				add = add[:i]
			}
			rule.add = zeroEmpty(add)
			cond := "."
			if len(f) > 4 {
				cond = f[4]
			}
			rule.cond = parseCond(cond)
			cl.rules = append(cl.rules, rule)
		}
	}
	return af, nil
}

func zeroEmpty(s string) string {
	if s == "0" {
		return ""
	}
	return s
}

// parseCond reads a condition ("[^aeiou]y", "."), one part a position.
func parseCond(s string) []condPart {
	if s == "." {
		return nil
	}
	var out []condPart
	for i := 0; i < len(s); {
		switch s[i] {
		case '.':
			out = append(out, condPart{any: true})
			i++
		case '[':
			j := strings.IndexByte(s[i:], ']')
			if j < 0 {
				return out
			}
			set := s[i+1 : i+j]
			p := condPart{}
			if strings.HasPrefix(set, "^") {
				p.neg, set = true, set[1:]
			}
			p.runs = set
			out = append(out, p)
			i += j + 1
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			out = append(out, condPart{runs: string(r)})
			i += n
		}
	}
	return out
}

// decoderFor returns the decoder of an .aff SET name, or nil for UTF-8 or
// an encoding it does not know (the bytes are then taken as they are).
// Names are IANA's once Hunspell's own spellings are mapped onto them.
func decoderFor(name string) *encoding.Decoder {
	n := strings.ToLower(strings.TrimSpace(name))
	switch {
	case n == "" || n == "utf-8" || n == "utf8":
		return nil
	case strings.HasPrefix(n, "iso8859-"): // Hunspell writes ISO8859-1
		n = "iso-8859-" + strings.TrimPrefix(n, "iso8859-")
	case n == "microsoft-cp1251" || n == "cp1251":
		n = "windows-1251"
	case n == "tis620-2533" || n == "tis-620":
		n = "windows-874" // TIS-620's superset; x/text has no TIS-620 of its own
	}
	e, err := ianaindex.IANA.Encoding(n)
	if err != nil || e == nil {
		return nil
	}
	return e.NewDecoder()
}

// flags splits a flag field by the file's flag format.
func (af *affixFile) flags(s string) []string {
	switch af.flagMode {
	case "long":
		var out []string
		rs := []rune(s)
		for i := 0; i+1 < len(rs); i += 2 {
			out = append(out, string(rs[i:i+2]))
		}
		return out
	case "num":
		return strings.Split(s, ",")
	default:
		var out []string
		for _, r := range s {
			out = append(out, string(r))
		}
		return out
	}
}

// flagsOrAlias reads a flag field that may be an alias number (AF).
func (af *affixFile) flagsOrAlias(s string) []string {
	if len(af.aliases) > 0 {
		if n, err := strconv.Atoi(s); err == nil {
			if n >= 1 && n <= len(af.aliases) {
				return af.aliases[n-1]
			}
			return nil
		}
	}
	return af.flags(s)
}

// decodeLine returns a .dic line as UTF-8.
func (af *affixFile) decodeLine(line string) string {
	if af == nil || af.dec == nil || utf8.ValidString(line) && !af.latinOnly() {
		return line
	}
	if s, err := af.dec.String(line); err == nil {
		return s
	}
	return line
}

// latinOnly is whether the file's encoding is a single-byte one, whose
// bytes above 0x7f are never valid UTF-8 words: always decode then.
func (af *affixFile) latinOnly() bool { return af.dec != nil }

// expandFn receives each form.
type expandFn func(form string)

// expand emits the stem (unless it needs an affix or is forbidden) and
// its affixed forms, at most perStem, simplest first: a budget cut should
// lose the rare forms of many affixes (twofold suffixes, a prefix with a
// suffix), not the plain suffixes of the stem's last flags.
func (af *affixFile) expand(stem string, flags []string, perStem int, emit expandFn) {
	if af.hasFlag(flags, af.forbidden) {
		return
	}
	n := 0
	full := func() bool { return n >= perStem }
	out := func(w string, cont []string) {
		if !full() && !af.hasFlag(cont, af.needAffix) {
			n++
			emit(w)
		}
	}
	if !af.hasFlag(flags, af.needAffix) && !af.hasFlag(flags, af.onlyComp) {
		out(stem, nil)
	}
	type form struct {
		w     string
		cross bool
		cont  []string
	}
	var suffixed []form
	rs := []rune(stem)
	for _, f := range flags {
		cl := af.sfx[f]
		if cl == nil {
			continue
		}
		for _, r := range cl.rules {
			if full() {
				return
			}
			if w, ok := applySuffix(stem, rs, r); ok {
				out(w, r.cont)
				suffixed = append(suffixed, form{w, cl.cross, r.cont})
			}
		}
	}
	type prefix struct {
		r     affixRule
		cross bool
	}
	var prefixes []prefix
	for _, f := range flags {
		cl := af.pfx[f]
		if cl == nil {
			continue
		}
		for _, r := range cl.rules {
			if full() {
				return
			}
			if w, ok := applyPrefix(stem, rs, r); ok {
				out(w, r.cont)
				prefixes = append(prefixes, prefix{r, cl.cross})
			}
		}
	}
	// A prefix and a suffix whose classes both allow it.
	for _, p := range prefixes {
		if !p.cross {
			continue
		}
		for _, s := range suffixed {
			if full() {
				return
			}
			if s.cross {
				if w, ok := applyPrefix(s.w, []rune(s.w), p.r); ok {
					out(w, nil)
				}
			}
		}
	}
	// Twofold suffixes: the continuation classes of a suffix.
	for _, s := range suffixed {
		var rs2 []rune
		for _, c := range s.cont {
			cl2 := af.sfx[c]
			if cl2 == nil {
				continue
			}
			if rs2 == nil {
				rs2 = []rune(s.w)
			}
			for _, r2 := range cl2.rules {
				if full() {
					return
				}
				if w2, ok := applySuffix(s.w, rs2, r2); ok {
					out(w2, r2.cont)
				}
			}
		}
	}
}

// hasFlag reports whether flags hold f (never the empty flag).
func (af *affixFile) hasFlag(flags []string, f string) bool {
	if f == "" {
		return false
	}
	for _, x := range flags {
		if x == f {
			return true
		}
	}
	return false
}

// applySuffix returns stem (whose runes are rs) with r's suffix; the
// condition reads the end of the stem before stripping.
func applySuffix(stem string, rs []rune, r affixRule) (string, bool) {
	if !strings.HasSuffix(stem, r.strip) || len(r.strip) == len(stem) && r.add == "" || len(r.cond) > len(rs) {
		return "", false
	}
	tail := rs[len(rs)-len(r.cond):]
	for i, c := range r.cond {
		if !c.match(tail[i]) {
			return "", false
		}
	}
	return stem[:len(stem)-len(r.strip)] + r.add, true
}

// applyPrefix returns stem (whose runes are rs) with r's prefix.
func applyPrefix(stem string, rs []rune, r affixRule) (string, bool) {
	if !strings.HasPrefix(stem, r.strip) || len(r.strip) == len(stem) && r.add == "" || len(r.cond) > len(rs) {
		return "", false
	}
	for i, c := range r.cond {
		if !c.match(rs[i]) {
			return "", false
		}
	}
	return r.add + stem[len(r.strip):], true
}

// readHunspell adds the words of a .dic, with the forms its .aff's rules
// make when there is one, to add; it stops adding affixed forms past
// maxForms.
func readHunspell(r io.Reader, af *affixFile, add func(string)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	first := true
	forms, perStem := 0, maxFormsPerStem
	for sc.Scan() {
		line := sc.Text()
		if first {
			// The count of stems: the budget is shared among them.
			first = false
			if n, err := strconv.Atoi(strings.TrimSpace(line)); err == nil && n > 0 {
				perStem = max(24, min(maxFormsPerStem, maxForms/n))
			}
			continue
		}
		line = af.decodeLine(line)
		if line == "" || line[0] == '#' || line[0] == '\t' || line[0] == ' ' {
			continue
		}
		if i := strings.IndexAny(line, " \t"); i >= 0 {
			line = line[:i]
		}
		stem, flagField := line, ""
		// A slash escaped with a backslash is part of the word.
		for i := 0; i < len(line); i++ {
			if line[i] == '\\' {
				i++
				continue
			}
			if line[i] == '/' {
				stem, flagField = line[:i], line[i+1:]
				break
			}
		}
		stem = strings.ReplaceAll(stem, `\/`, "/")
		if stem == "" {
			continue
		}
		if af == nil || flagField == "" || forms >= maxForms {
			if af == nil || flagField == "" || !af.hasAny(af.flagsOrAlias(flagField)) {
				add(stem)
				forms++
			}
			continue
		}
		af.expand(stem, af.flagsOrAlias(flagField), perStem, func(w string) {
			add(w)
			forms++
		})
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read: %w", err)
	}
	return nil
}

// hasAny reports whether flags hold a flag that keeps the stem from being
// a word by itself.
func (af *affixFile) hasAny(flags []string) bool {
	for _, f := range flags {
		if f != "" && (f == af.needAffix || f == af.forbidden || f == af.onlyComp) {
			return true
		}
	}
	return false
}

// Suffixes stripped at lookup.
//
// An agglutinative language's forms outnumber any expansion budget: a
// Hungarian, Turkish, Basque or Czech stem takes hundreds of suffixes and
// chains of them, and expandAffixes keeps the simplest few of each stem.
// A form the compiled index lacks is looked up again without one suffix
// of the .aff's rules: the stem left (with the rule's stripped letters put
// back, its condition met) must be a word of the index, a stem or a form
// the expansion kept, so one suffix more than the budget allowed is read.
// The stem's flags are not checked (the index keeps none): a stem of
// minStripStem letters or more that is a word, and a suffix the language
// has, make a form random letters seldom do.

// minStripStem is the fewest letters a stem left by stripping may have.
const minStripStem = 4

// suffixIndex holds a language's suffix rules by the text they add.
type suffixIndex struct {
	byAdd  map[string][]affixRule
	maxAdd int // the longest added text, in bytes
}

// stripHas reports whether word is a suffix of the index added to a stem
// that has reports as a word.
func (ix *suffixIndex) stripHas(word string, has func(string) bool) bool {
	for k := 1; k <= ix.maxAdd && k < len(word); k++ {
		rules := ix.byAdd[word[len(word)-k:]]
		if len(rules) == 0 {
			continue
		}
		base := word[:len(word)-k]
		for _, r := range rules {
			stem := base + r.strip
			if utf8.RuneCountInString(stem) < minStripStem {
				continue
			}
			if w, ok := applySuffix(stem, []rune(stem), r); ok && w == word && has(stem) {
				return true
			}
		}
	}
	return false
}
