package lexicon

// A language's suffix rules, compiled once.
//
// Looking a word up with a suffix stripped (suffixIndex) needs only what
// each suffix rule adds, strips and requires of the stem, but reading it
// meant parsing the whole .aff file: Basque's 2.7 MB hold 120,000 suffix
// rules (20,000 distinct ones), and a page in English that asks whether
// a word is another language's (a loanword) asks every installed
// language, so every process parsed 12 MB of affix files, about a second.
// A language's rules are kept distinct in one index, and with a cache
// directory compiled into a small file beside its word index, keyed by
// the .aff files it comes from.

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// suffixRuleKey is what a rule's stripping depends on: two rules equal in
// it strip the same words.
type suffixRuleKey struct{ add, strip, cond string }

// condKey writes a parsed condition as one string, a part at a time:
// its kind ('.' any rune, '^' none of its runes, '=' one of them), its
// runes and a NUL (no condition holds one).
func condKey(cond []condPart) string {
	var sb strings.Builder
	for _, c := range cond {
		switch {
		case c.any:
			sb.WriteByte('.')
		case c.neg:
			sb.WriteByte('^')
		default:
			sb.WriteByte('=')
		}
		sb.WriteString(c.runs)
		sb.WriteByte(0)
	}
	return sb.String()
}

// condFromKey reads condKey's form back.
func condFromKey(k string) ([]condPart, error) {
	var out []condPart
	for k != "" {
		runs, rest, ok := strings.Cut(k[1:], "\x00")
		if !ok {
			return nil, errors.New("compiled suffix file: bad condition")
		}
		switch k[0] {
		case '.':
			out = append(out, condPart{any: true})
		case '^':
			out = append(out, condPart{neg: true, runs: runs})
		case '=':
			out = append(out, condPart{runs: runs})
		default:
			return nil, errors.New("compiled suffix file: bad condition")
		}
		k = rest
	}
	return out, nil
}

// addRule adds r to the index unless an equal rule is there (seen keys
// the rules the index holds).
func (ix *suffixIndex) addRule(r affixRule, seen map[suffixRuleKey]bool) {
	if r.add == "" {
		return
	}
	k := suffixRuleKey{r.add, r.strip, condKey(r.cond)}
	if seen[k] {
		return
	}
	seen[k] = true
	ix.byAdd[r.add] = append(ix.byAdd[r.add], affixRule{strip: r.strip, add: r.add, cond: r.cond})
	ix.maxAdd = max(ix.maxAdd, len(r.add))
}

// readSuffixes returns the suffix rules of the .aff files beside dics, as
// one index of distinct rules; nil when none has a rule that adds text.
func readSuffixes(dics []string) *suffixIndex {
	ix := &suffixIndex{byAdd: map[string][]affixRule{}}
	seen := map[suffixRuleKey]bool{}
	for _, p := range dics {
		af, ok, err := readAffixFile(p)
		if err != nil || !ok {
			continue
		}
		for _, cl := range af.sfx {
			for _, r := range cl.rules {
				ix.addRule(r, seen)
			}
		}
	}
	if len(ix.byAdd) == 0 {
		return nil
	}
	return ix
}

// suffixesName is the file name of lang's compiled suffix rules: the
// language and a fingerprint of the .aff files beside dics.
func suffixesName(lang string, dics []string) string {
	h := sha256.New()
	fmt.Fprintf(h, "wikiwarden suffixes %d\x00%s\x00", suffixesVersion, lang)
	for _, d := range dics {
		aff := strings.TrimSuffix(d, ".dic") + ".aff"
		fingerprintFile(h, aff)
	}
	return "suffixes-" + lang + "-" + hex.EncodeToString(h.Sum(nil)[:8]) + ".sfx"
}

// Format of a compiled suffix file: "WWSX", a version byte, a uvarint
// count of rules, and per rule its added text, stripped text and
// condition (condKey's form), each a uvarint
// length and its bytes. An index with no rules is written with a count
// of zero.
const (
	suffixesMagic   = "WWSX"
	suffixesVersion = 1
)

// marshalSuffixes encodes the rules of ix (nil: none).
func marshalSuffixes(ix *suffixIndex) []byte {
	out := append([]byte(suffixesMagic), suffixesVersion)
	var rules []affixRule
	if ix != nil {
		for _, rs := range ix.byAdd {
			rules = append(rules, rs...)
		}
	}
	out = binary.AppendUvarint(out, uint64(len(rules)))
	for _, r := range rules {
		for _, s := range [3]string{r.add, r.strip, condKey(r.cond)} {
			out = binary.AppendUvarint(out, uint64(len(s)))
			out = append(out, s...)
		}
	}
	return out
}

// unmarshalSuffixes decodes marshalSuffixes's form.
func unmarshalSuffixes(data []byte) (*suffixIndex, error) {
	if !bytes.HasPrefix(data, []byte(suffixesMagic)) || len(data) < len(suffixesMagic)+1 {
		return nil, errors.New("not a compiled suffix file")
	}
	if v := data[len(suffixesMagic)]; v != suffixesVersion {
		return nil, fmt.Errorf("compiled suffix file version %d, want %d", v, suffixesVersion)
	}
	b := data[len(suffixesMagic)+1:]
	str := func() (string, error) {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			return "", errors.New("compiled suffix file truncated")
		}
		s := string(b[k : k+int(n)])
		b = b[k+int(n):]
		return s, nil
	}
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return nil, errors.New("compiled suffix file: bad count")
	}
	b = b[k:]
	ix := &suffixIndex{byAdd: map[string][]affixRule{}}
	conds := map[string][]condPart{} // rules share few conditions
	for range n {
		var f [3]string
		for i := range f {
			s, err := str()
			if err != nil {
				return nil, err
			}
			f[i] = s
		}
		cond, ok := conds[f[2]]
		if !ok {
			c, err := condFromKey(f[2])
			if err != nil {
				return nil, err
			}
			cond = c
			conds[f[2]] = cond
		}
		if f[0] == "" {
			return nil, errors.New("compiled suffix file: a rule adds nothing")
		}
		ix.byAdd[f[0]] = append(ix.byAdd[f[0]], affixRule{add: f[0], strip: f[1], cond: cond})
		ix.maxAdd = max(ix.maxAdd, len(f[0]))
	}
	if len(b) != 0 {
		return nil, errors.New("compiled suffix file: trailing data")
	}
	if len(ix.byAdd) == 0 {
		return nil, nil
	}
	return ix, nil
}

// loadSuffixes returns lang's suffix rules from the .aff files beside
// dics, read from their compiled file in dir when it is there and
// compiled into it when not ("" dir: read every time).
func loadSuffixes(dir, lang string, dics []string) *suffixIndex {
	if dir == "" {
		return readSuffixes(dics)
	}
	path := filepath.Join(dir, suffixesName(lang, dics))
	if data, err := os.ReadFile(path); err == nil {
		if ix, err := unmarshalSuffixes(data); err == nil {
			return ix
		}
	}
	ix := readSuffixes(dics)
	// Best effort: without the file the rules are read again next time.
	_ = writeCacheFile(dir, path, "suffixes-"+lang+"-", ".sfx", marshalSuffixes(ix))
	return ix
}
