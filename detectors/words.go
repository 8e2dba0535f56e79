package detectors

import (
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

// WordSet is a compact, immutable set of words: a sorted slice of 32-bit
// fingerprints of the lower-cased words, 4 bytes a word whatever its length.
// A fingerprint can collide: a word outside the set is taken for one of n
// words with probability about n/2^32 (1 in 1,000 for Polish's 4 million
// forms, 1 in 12,000 for English's 350,000), which only makes a rare token
// pass as a word.
type WordSet struct {
	fp []uint32
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
	if s == nil || len(s.fp) == 0 || word == "" {
		return false
	}
	_, found := slices.BinarySearch(s.fp, wordPrint(word))
	return found
}

// Len reports how many distinct fingerprints the set holds.
func (s *WordSet) Len() int {
	if s == nil {
		return 0
	}
	return len(s.fp)
}

// Bytes reports the memory the set's fingerprints take.
func (s *WordSet) Bytes() int { return 4 * s.Len() }

// WordSetBuilder collects words for a WordSet; the zero value is ready.
type WordSetBuilder struct {
	fp []uint32
}

// Grow makes room for n more words.
func (b *WordSetBuilder) Grow(n int) { b.fp = slices.Grow(b.fp, n) }

// Add adds word (any case); empty words are ignored.
func (b *WordSetBuilder) Add(word string) {
	if word != "" {
		b.fp = append(b.fp, wordPrint(word))
	}
}

// Build sorts and deduplicates the fingerprints and returns the set. The
// builder is empty afterwards.
func (b *WordSetBuilder) Build() *WordSet {
	fp := b.fp
	b.fp = nil
	slices.Sort(fp)
	fp = slices.Compact(fp)
	return &WordSet{fp: slices.Clip(fp)}
}

// wordPrint is a 32-bit fingerprint of word lower-cased (Unicode simple
// folding to lower case; the typographic apostrophe as ASCII), FNV-1a over
// its UTF-8 bytes folded from 64 bits, computed without allocating.
func wordPrint(word string) uint32 {
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
	return uint32(h>>32) ^ uint32(h)
}
