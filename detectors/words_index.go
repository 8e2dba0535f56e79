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
//	0   "WWI2"
//	4   uint32 flags: 1 = a letter model follows
//	8   uint64 n, the number of fingerprints
//	16  uint64 words the letter model was learned from
//	24  uint32 b, the directory's bits (dirBitsFor(n)); uint32 zero
//	32  dir [1<<b+1]uint32, the directory (WordSet.dir)
//	    low [n]uint32, the fingerprints' low 32 bits (WordSet.low)
//	    lp [27^4]float32, the letter model's log probabilities, if flagged
//
// The fingerprint function (wordPrint), the directory's geometry and the
// letter model's are part of the format: changing one changes the magic.
const (
	wordIndexMagic  = "WWI2"
	wordIndexHeader = 32
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
	b = binary.LittleEndian.AppendUint32(b, uint32(s.dirBits))
	b = binary.LittleEndian.AppendUint32(b, 0)
	for _, d := range s.dir {
		b = binary.LittleEndian.AppendUint32(b, d)
	}
	for _, x := range s.low {
		b = binary.LittleEndian.AppendUint32(b, x)
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
	dirBits := binary.LittleEndian.Uint32(data[24:])
	if n64 >= 1<<32 || dirBits != uint32(dirBitsFor(int(n64))) {
		return nil, fmt.Errorf("detectors: word set index of %d words has a directory of %d bits", n64, dirBits)
	}
	ndir := uint64(1)<<dirBits + 1
	size := uint64(wordIndexHeader) + 4*ndir + 4*n64
	if flags&wordIndexLetter != 0 {
		size += 4 * modelGrams
	}
	if uint64(len(data)) != size {
		return nil, fmt.Errorf("detectors: word set index of %d words has %d bytes, want %d", n64, len(data), size)
	}
	if uintptr(unsafe.Pointer(unsafe.SliceData(data)))%4 != 0 {
		return nil, errors.New("detectors: word set index not aligned")
	}
	n := int(n64)
	body := data[wordIndexHeader:]
	s := &WordSet{dirBits: uint8(dirBits), dir: u32s(body[:4*ndir])}
	if s.dir[ndir-1] != uint32(n) {
		return nil, fmt.Errorf("detectors: word set index of %d words has a directory of %d", n, s.dir[ndir-1])
	}
	body = body[4*ndir:]
	if n > 0 {
		s.low = u32s(body[:4*n])
	}
	if flags&wordIndexLetter != 0 {
		u := u32s(body[4*n : 4*n+4*modelGrams])
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
