package detectors

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math/bits"
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

// WordSet is a compact, immutable set of words: 40-bit fingerprints of the
// lower-cased words, sorted and kept in two parts. A directory indexed by
// the top bits of a fingerprint (8 or more, about one entry for every four
// to eight words) holds where the fingerprints with those bits start, and
// each fingerprint's low 32 bits, the rest of it, are stored in order:
// under 5 bytes a word whatever its length, and a lookup reads the
// directory and one run of neighbours, two cache misses. A fingerprint can
// collide: a word outside the set is taken for one of n words with
// probability about n/2^40 (1 in 250,000 for Polish's 4.3 million forms, 1
// in 3 million for English's 370,000), which only makes a rare token pass
// as a word.
type WordSet struct {
	dir     []uint32 // dir[k]: the first i whose fingerprint's top dirBits bits are k or more; 1<<dirBits+1 entries
	low     []uint32 // the fingerprints' low 32 bits, in order of fingerprint
	dirBits uint8
	letters *Model // the letters of the words, when the builder learned them
}

// dirBitsFor is how many top bits of a fingerprint a set of n indexes its
// directory by: a bucket holds four to eight fingerprints on average, and
// the top 8 bits, which the low 32 leave out, are always among them.
func dirBitsFor(n int) uint8 {
	return uint8(max(8, bits.Len(uint(n))-3))
}

// newWordSet returns the set of fingerprints fp, sorted and distinct.
func newWordSet(fp []uint64) *WordSet {
	s := &WordSet{dirBits: dirBitsFor(len(fp)), low: make([]uint32, len(fp))}
	s.dir = make([]uint32, 1<<s.dirBits+1)
	k := 0
	for i, x := range fp {
		s.low[i] = uint32(x)
		for top := int(x >> (40 - s.dirBits)); k <= top; k++ {
			s.dir[k] = uint32(i)
		}
	}
	for ; k < len(s.dir); k++ {
		s.dir[k] = uint32(len(fp))
	}
	return s
}

// print returns the set's i-th fingerprint, of bucket k.
func (s *WordSet) print(k, i int) uint64 {
	return uint64(k)>>(s.dirBits-8)<<32 | uint64(s.low[i])
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
	if s == nil || len(s.low) == 0 || word == "" {
		return false
	}
	return s.hasPrint(wordPrint(word))
}

// hasPrint reports whether the set holds the fingerprint fp.
func (s *WordSet) hasPrint(fp uint64) bool {
	k := fp >> (40 - s.dirBits)
	low := uint32(fp)
	for i := s.dir[k]; i < s.dir[k+1]; i++ {
		// Within a bucket the low bits are in order.
		if x := s.low[i]; x >= low {
			return x == low
		}
	}
	return false
}

// Len reports how many distinct fingerprints the set holds.
func (s *WordSet) Len() int {
	if s == nil {
		return 0
	}
	return len(s.low)
}

// Bytes reports the memory the set takes: its fingerprints and letter model.
func (s *WordSet) Bytes() int {
	if s == nil {
		return 0
	}
	n := 4*s.Len() + 4*len(s.dir)
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
	sortPrints(fp)
	fp = slices.Compact(fp)
	s := newWordSet(fp)
	if m := b.letters; m != nil {
		b.letters = nil
		m.build()
		m.counts = nil // the probabilities are all a detector needs
		s.letters = m
	}
	return s
}

// sortPrints sorts fingerprints of 40 bits: a radix sort of three passes
// over a large dictionary's millions (a fifth of a comparison sort's time),
// a comparison sort of a few.
func sortPrints(fp []uint64) {
	if len(fp) < 1<<14 {
		slices.Sort(fp)
		return
	}
	tmp := make([]uint64, len(fp))
	src, dst := fp, tmp
	var count [1 << 14]int
	for _, d := range [3]struct{ shift, bits uint }{{0, 14}, {14, 13}, {27, 13}} {
		mask := uint64(1)<<d.bits - 1
		clear(count[:])
		for _, x := range src {
			count[x>>d.shift&mask]++
		}
		at := 0
		for i, c := range count[:1<<d.bits] {
			count[i] = at
			at += c
		}
		for _, x := range src {
			k := x >> d.shift & mask
			dst[count[k]] = x
			count[k]++
		}
		src, dst = dst, src
	}
	copy(fp, src) // three passes end in tmp
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
	for k := range len(s.dir) - 1 {
		for i := s.dir[k]; i < s.dir[k+1]; i++ {
			fp := s.print(k, int(i))
			out = binary.BigEndian.AppendUint32(out, uint32(fp>>8))
			out = append(out, uint8(fp))
		}
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
	fp := make([]uint64, n)
	for i := range n {
		fp[i] = uint64(binary.BigEndian.Uint32(data[5*i:]))<<8 | uint64(data[5*i+4])
		if i > 0 && fp[i] <= fp[i-1] {
			return errors.New("detectors: word set not sorted")
		}
	}
	*s = *newWordSet(fp)
	return nil
}
