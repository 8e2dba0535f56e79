package detectors

// What the letter models of the world's languages derive, computed once.
//
// The table telling languages apart (langModelSet.idTable) and the pooled
// letters of every language (worldModel) are functions of langmodels.bin
// and basemodel.bin alone, yet building them took every process about a
// third of a second at the first page that needed them (decoding 49
// models twice, smoothing, logarithms): a start-up cost of every cron
// pass and of the first pages a bot reads. langderived.bin holds both as
// they are built (they hardly compress: stored as they are); a process
// reads the part it needs in a few milliseconds. The file is keyed by
// checksums of the two model files, so a retrained model is never read
// with stale derivations: the derivations are then built as before, and
// TestLangDerived fails until `go generate` rewrites the file.

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"sync"
)

//go:generate go test -run ^TestLangDerived$ . -args -update-langderived

//go:embed langderived.bin
var langDerivedData []byte

// Binary format of langderived.bin: "WWLD", a version byte, the key
// (langDerivedKey, uint64 little-endian), then two sections, each a
// uvarint length and its bytes: the language-telling table (idTable's
// layout), and the world model (uvarint words, then the modelGrams log
// probabilities as float32 bits, little-endian).
const (
	langDerivedMagic   = "WWLD"
	langDerivedVersion = 1
)

// langDerivedKey fingerprints what the derivations are computed from.
func langDerivedKey() uint64 {
	return uint64(crc32.ChecksumIEEE(langModelData))<<32 | uint64(crc32.ChecksumIEEE(baseModelData))
}

// derivedLang is langderived.bin split into its sections, the world
// model decoded at its first use.
type derivedLang struct {
	idData, worldData []byte
	worldOnce         sync.Once
	worldM            *Model
}

var langDerived = sync.OnceValue(func() *derivedLang {
	d, err := splitLangDerived(langDerivedData, langDerivedKey())
	if err != nil {
		// A stale or missing file (TestLangDerived says which): the
		// derivations are built from the models instead.
		return &derivedLang{}
	}
	return d
})

// splitLangDerived checks data's header and key and splits its sections.
func splitLangDerived(data []byte, key uint64) (*derivedLang, error) {
	h := len(langDerivedMagic) + 1 + 8
	if len(data) < h || string(data[:len(langDerivedMagic)]) != langDerivedMagic {
		return nil, errors.New("language derivations: not a langderived.bin file")
	}
	if v := data[len(langDerivedMagic)]; v != langDerivedVersion {
		return nil, fmt.Errorf("language derivations: version %d, want %d", v, langDerivedVersion)
	}
	if k := binary.LittleEndian.Uint64(data[len(langDerivedMagic)+1:]); k != key {
		return nil, errors.New("language derivations: computed from other models (run go generate)")
	}
	b := data[h:]
	var sec [2][]byte
	for i := range sec {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			return nil, errors.New("language derivations: truncated")
		}
		sec[i], b = b[k:k+int(n)], b[k+int(n):]
	}
	if len(b) != 0 {
		return nil, errors.New("language derivations: trailing data")
	}
	return &derivedLang{idData: sec[0], worldData: sec[1]}, nil
}

// idTable returns the language-telling table of nl languages, or nil. It
// is the embedded file's bytes: read only.
func (d *derivedLang) idTable(nl int) []uint8 {
	if len(d.idData) != modelSymbols*modelSymbols*modelSymbols*nl {
		return nil
	}
	return d.idData
}

// world returns the pooled model of every language, or nil.
func (d *derivedLang) world() *Model {
	d.worldOnce.Do(func() {
		b := d.worldData
		words, k := binary.Uvarint(b)
		if k <= 0 || len(b)-k != 4*modelGrams {
			return
		}
		m := &Model{words: words, lp: make([]float32, modelGrams)}
		for i := range m.lp {
			m.lp[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[k+4*i:]))
		}
		d.worldM = m
	})
	return d.worldM
}

// marshalLangDerived encodes the language-telling table and the world
// model of the embedded models, keyed by key.
func marshalLangDerived(id []uint8, world *Model, key uint64) []byte {
	wb := binary.AppendUvarint(nil, world.words)
	for _, p := range world.lp {
		wb = binary.LittleEndian.AppendUint32(wb, math.Float32bits(p))
	}
	out := append([]byte(langDerivedMagic), langDerivedVersion)
	out = binary.LittleEndian.AppendUint64(out, key)
	for _, sec := range [][]byte{id, wb} {
		out = binary.AppendUvarint(out, uint64(len(sec)))
		out = append(out, sec...)
	}
	return out
}
