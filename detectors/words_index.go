package detectors

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"unsafe"
)

// A word set's index form is what a dictionary is compiled into once, so
// that later processes map the file into memory and look words up in place
// instead of reading and sorting a word list at every start. Layout, all
// little-endian and every array aligned to its element's size:
//
//	0   "WWI1"
//	4   uint32 flags: 1 = a letter model follows
//	8   uint64 n, the number of fingerprints
//	16  uint64 words the letter model was learned from
//	24  hi [n]uint32, sorted, then lo [n]uint8, zero-padded to a multiple of 4
//	    lp [27^4]float32, the letter model's log probabilities, if flagged
//
// The fingerprint function (wordPrint) and the letter model's geometry are
// part of the format: changing either changes the magic.
const (
	wordIndexMagic  = "WWI1"
	wordIndexHeader = 24
	wordIndexLetter = 1
)

// AppendIndex appends the set's index form, letter model included, to b.
// WordSetFromIndex reads it back without copying.
func (s *WordSet) AppendIndex(b []byte) []byte {
	n := s.Len()
	var flags uint32
	var words uint64
	if m := s.Letters(); m != nil {
		flags |= wordIndexLetter
		words = m.words
	}
	b = append(b, wordIndexMagic...)
	b = binary.LittleEndian.AppendUint32(b, flags)
	b = binary.LittleEndian.AppendUint64(b, uint64(n))
	b = binary.LittleEndian.AppendUint64(b, words)
	for i := range n {
		b = binary.LittleEndian.AppendUint32(b, s.hi[i])
	}
	if n > 0 {
		b = append(b, s.lo...)
	}
	for pad := (4 - n%4) % 4; pad > 0; pad-- {
		b = append(b, 0)
	}
	if flags&wordIndexLetter != 0 {
		for _, p := range s.letters.lp {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(p))
		}
	}
	return b
}

// WordSetFromIndex returns the word set whose index form (AppendIndex) is
// data, without copying: the set reads data in place, so a memory-mapped
// file costs only the pages its lookups touch. data must start 4-byte
// aligned (a mapping starts on a page) and must neither change nor be
// unmapped while the set is in use. Only the header and the length are
// checked, not the order of the fingerprints: the index is trusted as
// AppendIndex wrote it. On a big-endian machine the data is copied.
func WordSetFromIndex(data []byte) (*WordSet, error) {
	if len(data) < wordIndexHeader || string(data[:4]) != wordIndexMagic {
		return nil, errors.New("detectors: not a word set index")
	}
	flags := binary.LittleEndian.Uint32(data[4:])
	n64 := binary.LittleEndian.Uint64(data[8:])
	words := binary.LittleEndian.Uint64(data[16:])
	size := uint64(wordIndexHeader) + 5*n64 + (4-n64%4)%4
	if flags&wordIndexLetter != 0 {
		size += 4 * modelGrams
	}
	if n64 > 1<<40 || uint64(len(data)) != size {
		return nil, fmt.Errorf("detectors: word set index of %d words has %d bytes, want %d", n64, len(data), size)
	}
	if uintptr(unsafe.Pointer(unsafe.SliceData(data)))%4 != 0 {
		return nil, errors.New("detectors: word set index not aligned")
	}
	n := int(n64)
	body := data[wordIndexHeader:]
	s := &WordSet{}
	if n > 0 {
		s.hi = u32s(body[:4*n])
		s.lo = body[4*n : 5*n]
	}
	if flags&wordIndexLetter != 0 {
		off := 5*n + (4-n%4)%4
		u := u32s(body[off : off+4*modelGrams])
		s.letters = &Model{words: words, lp: unsafe.Slice((*float32)(unsafe.Pointer(unsafe.SliceData(u))), len(u))}
	}
	return s, nil
}

// nativeLittle is whether this machine stores integers little-endian, as
// the index does.
var nativeLittle = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// u32s views b, a multiple of 4 bytes aligned to 4, as little-endian
// uint32s: in place on a little-endian machine, copied on another.
func u32s(b []byte) []uint32 {
	if nativeLittle {
		return unsafe.Slice((*uint32)(unsafe.Pointer(unsafe.SliceData(b))), len(b)/4)
	}
	out := make([]uint32, len(b)/4)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}
