package detectors

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Words is a set of real words. A word in any set the detector consults is
// not a probe token by itself. Has must fold case itself and be safe for
// concurrent use; it must not block on I/O.
type Words interface {
	Has(word string) bool
}

// Union is the union of several word sets; nil members are skipped.
type Union []Words

// Has reports whether any member has word.
func (u Union) Has(word string) bool {
	for _, w := range u {
		if w != nil && w.Has(word) {
			return true
		}
	}
	return false
}

// WordSet is a compact, immutable set of words: sorted 40-bit fingerprints
// of the lower-cased words, 5 bytes a word whatever its length (the high 32
// bits in one slice, the low 8 in another). A fingerprint can collide: a
// word outside the set is taken for one of n words with probability about
// n/2^40 (1 in 250,000 for Polish's 4.3 million forms, 1 in 3 million for
// English's 370,000), which only makes a rare token pass as a word.
type WordSet struct {
	hi      []uint32
	lo      []uint8
	letters *Model // the letters of the words, when the builder learned them
}

// Letters returns a letter model of the set's words, one count per word
// form, or nil when the set was built without one. A dictionary's words
// cover the rare letter sequences of real words (a Latin term, a place
// name) that a model of running text, dominated by frequent words, finds
// as unlikely as random letters.
func (s *WordSet) Letters() *Model {
	if s == nil {
		return nil
	}
	return s.letters
}

// NewWordSet returns the set of words.
func NewWordSet(words []string) *WordSet {
	var b WordSetBuilder
	b.Grow(len(words))
	for _, w := range words {
		b.Add(w)
	}
	return b.Build()
}

// Has reports whether the set has word, ignoring case.
func (s *WordSet) Has(word string) bool {
	if s == nil || len(s.hi) == 0 || word == "" {
		return false
	}
	fp := wordPrint(word)
	hi, lo := uint32(fp>>8), uint8(fp)
	i, found := search(s.hi, hi)
	for ; found && i < len(s.hi) && s.hi[i] == hi; i++ {
		if s.lo[i] == lo {
			return true
		}
	}
	return false
}

// search finds the first x in a, sorted: the fingerprints are uniform, so
// interpolating finds the neighbourhood in a probe or two, and a binary
// search of a few hundred entries finishes. A lookup in a mapped index
// then touches two or three pages instead of twenty.
func search(a []uint32, x uint32) (int, bool) {
	lo, hi := 0, len(a)
	for hi-lo > 256 {
		// The expected place of x among a[lo:hi], whose values are
		// spread over [a[lo], a[hi-1]].
		first, last := uint64(a[lo]), uint64(a[hi-1])
		if uint64(x) <= first {
			hi = lo + 1
			break
		}
		if uint64(x) > last {
			return hi, false
		}
		at := lo + int((uint64(x)-first)*uint64(hi-1-lo)/(last-first))
		// A window of a few standard deviations around it.
		w := 64
		for {
			l, h := max(lo, at-w), min(hi, at+w)
			switch {
			case l > lo && a[l] >= x:
				hi, at, w = l+1, l, w*4
				continue
			case h < hi && a[h-1] < x:
				lo, at, w = h-1, h-1, w*4
				continue
			}
			lo, hi = l, h
			break
		}
		break
	}
	i, found := slices.BinarySearch(a[lo:hi], x)
	return lo + i, found
}

// Len reports how many distinct fingerprints the set holds.
func (s *WordSet) Len() int {
	if s == nil {
		return 0
	}
	return len(s.hi)
}

// Bytes reports the memory the set takes: its fingerprints and letter model.
func (s *WordSet) Bytes() int {
	if s == nil {
		return 0
	}
	n := 5 * s.Len()
	if s.letters != nil {
		n += 4 * len(s.letters.lp)
	}
	return n
}

// WordSetBuilder collects words for a WordSet; the zero value is ready.
type WordSetBuilder struct {
	fp      []uint64
	letters *Model // counts of the words' letters, after LearnLetters
	sym     []uint8
}

// LearnLetters makes the builder also learn a letter model of the words it
// is given from now on (WordSet.Letters); it costs 2 MB while building and
// 2 MB in the set.
func (b *WordSetBuilder) LearnLetters() {
	if b.letters == nil {
		b.letters = &Model{counts: make([]uint32, modelGrams)}
	}
}

// Grow makes room for n more words.
func (b *WordSetBuilder) Grow(n int) { b.fp = slices.Grow(b.fp, n) }

// Add adds word (any case); empty words are ignored.
func (b *WordSetBuilder) Add(word string) {
	if word == "" {
		return
	}
	b.fp = append(b.fp, wordPrint(word))
	if b.letters != nil {
		var ok bool
		if b.sym, ok = foldWord(b.sym[:0], word); ok && len(b.sym) > 0 {
			b.letters.add(b.sym)
		}
	}
}

// Build sorts and deduplicates the fingerprints and returns the set. The
// builder is empty afterwards.
func (b *WordSetBuilder) Build() *WordSet {
	fp := b.fp
	b.fp = nil
	slices.Sort(fp)
	fp = slices.Compact(fp)
	s := &WordSet{hi: make([]uint32, len(fp)), lo: make([]uint8, len(fp))}
	for i, x := range fp {
		s.hi[i], s.lo[i] = uint32(x>>8), uint8(x)
	}
	if m := b.letters; m != nil {
		b.letters = nil
		m.build()
		m.counts = nil // the probabilities are all a detector needs
		s.letters = m
	}
	return s
}

// wordPrint is a 40-bit fingerprint of word lower-cased (Unicode simple
// folding to lower case; the typographic apostrophe as ASCII): FNV-1a over
// its UTF-8 bytes, 64 bits folded to 40, computed without allocating.
func wordPrint(word string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(word); {
		c := word[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c |= 0x20
			}
			h ^= uint64(c)
			h *= 1099511628211
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(word[i:])
		i += n
		if r == '’' {
			r = '\''
		}
		r = unicode.ToLower(r)
		var buf [utf8.UTFMax]byte
		for _, b := range buf[:utf8.EncodeRune(buf[:], r)] {
			h ^= uint64(b)
			h *= 1099511628211
		}
	}
	return (h ^ h>>40) & (1<<40 - 1)
}

// wordSetMagic starts a WordSet's binary form.
const wordSetMagic = "WWS1"

// MarshalBinary encodes the set's fingerprints (not its letter model), so
// a learned vocabulary can be kept beside the letter model it came with.
func (s *WordSet) MarshalBinary() ([]byte, error) {
	n := s.Len()
	out := make([]byte, 0, len(wordSetMagic)+4+5*n)
	out = append(out, wordSetMagic...)
	out = binary.BigEndian.AppendUint32(out, uint32(n))
	for i := range n {
		out = binary.BigEndian.AppendUint32(out, s.hi[i])
		out = append(out, s.lo[i])
	}
	return out, nil
}

// UnmarshalBinary decodes what MarshalBinary wrote.
func (s *WordSet) UnmarshalBinary(data []byte) error {
	if len(data) < len(wordSetMagic)+4 || string(data[:len(wordSetMagic)]) != wordSetMagic {
		return errors.New("detectors: not a word set")
	}
	data = data[len(wordSetMagic):]
	n := int(binary.BigEndian.Uint32(data))
	data = data[4:]
	if len(data) != 5*n {
		return fmt.Errorf("detectors: word set of %d words has %d bytes", n, len(data))
	}
	s.hi, s.lo, s.letters = make([]uint32, n), make([]uint8, n), nil
	for i := range n {
		s.hi[i] = binary.BigEndian.Uint32(data[5*i:])
		s.lo[i] = data[5*i+4]
		if i > 0 && (s.hi[i] < s.hi[i-1] || (s.hi[i] == s.hi[i-1] && s.lo[i] <= s.lo[i-1])) {
			return errors.New("detectors: word set not sorted")
		}
	}
	return nil
}
