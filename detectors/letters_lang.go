package detectors

// Letter models of the world's languages.
//
// The built-in letter model was trained on Wikipedia, mostly English: a
// page in Zulu, Shona or Finnish costs it more bits a letter, so every
// word there looks a little random and a token among them a little less
// so. langmodels.bin holds a letter model of each Latin-script language
// of lingua-go (LANGMODELS.md tells where they come from); a page in a
// language the bot has no dictionary of is judged under the model of the
// language its words fit best, mixed with a model of the page's own words.

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
)

//go:generate go run ./internal/genlangs -lingua /work/.mirror/pemistahl+lingua-go/repo -commit a440fc1 -out langmodels.bin

//go:embed langmodels.bin
var langModelData []byte

// ModelFromCounts returns the letter model of 4-gram counts (index
// ((a*27+b)*27+c)*27+d, symbol 0 the word boundary, 1..26 the letters a..z)
// learned from words words: how genlangs turns another program's n-gram
// statistics into a model.
func ModelFromCounts(counts []uint32, words uint64) (*Model, error) {
	if len(counts) != modelGrams {
		return nil, fmt.Errorf("letter model from counts: %d counts, want %d (27 symbols, 4-grams)", len(counts), modelGrams)
	}
	m := &Model{counts: slices.Clone(counts), words: words}
	m.build()
	return m, nil
}

// Binary format of langmodels.bin: "WWLS", a version byte, then uvarint
// lengths before each string: the source, the number of languages, and per
// language its code and its model in the letter model's binary format.
const (
	langModelsMagic   = "WWLS"
	langModelsVersion = 1
)

// MarshalLangModels encodes letter models by language code with a line
// saying where they come from.
func MarshalLangModels(models map[string]*Model, source string) ([]byte, error) {
	codes := make([]string, 0, len(models))
	for c := range models {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	out := append([]byte(langModelsMagic), langModelsVersion)
	str := func(s []byte) {
		out = binary.AppendUvarint(out, uint64(len(s)))
		out = append(out, s...)
	}
	str([]byte(source))
	out = binary.AppendUvarint(out, uint64(len(codes)))
	for _, c := range codes {
		b, err := models[c].MarshalBinary()
		if err != nil {
			return nil, fmt.Errorf("marshal the letter model of %s: %w", c, err)
		}
		str([]byte(c))
		str(b)
	}
	return out, nil
}

// langModelSet is langmodels.bin decoded: each language's model is built
// at its first use, the table telling languages apart at the first page
// that needs one.
type langModelSet struct {
	source string
	codes  []string
	models []func() *Model
	data   [][]byte

	idOnce sync.Once
	id     []uint8 // per trigram (a b c) and language: -log2 P(c | a b) in idStep bits

	embedded bool // decoded from langModelData: langderived.bin holds its table
}

// idStep is the resolution of the language-telling table, in bits.
const idStep = 1.0 / 8

var langModels = sync.OnceValue(func() *langModelSet {
	s, err := readLangModels(langModelData)
	if err != nil {
		// Unreachable: TestLangModels decodes the embedded file. Without
		// models, pages are judged under the base model.
		return &langModelSet{}
	}
	s.embedded = true
	return s
})

// readLangModels decodes langmodels.bin, leaving the models to be built.
func readLangModels(data []byte) (*langModelSet, error) {
	if len(data) < len(langModelsMagic)+1 || string(data[:len(langModelsMagic)]) != langModelsMagic {
		return nil, errors.New("read language letter models: not a langmodels.bin file")
	}
	if v := data[len(langModelsMagic)]; v != langModelsVersion {
		return nil, fmt.Errorf("read language letter models: version %d, want %d", v, langModelsVersion)
	}
	b := data[len(langModelsMagic)+1:]
	str := func() ([]byte, error) {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			return nil, errors.New("read language letter models: truncated")
		}
		s := b[k : k+int(n)]
		b = b[k+int(n):]
		return s, nil
	}
	src, err := str()
	if err != nil {
		return nil, err
	}
	n, k := binary.Uvarint(b)
	if k <= 0 || n > 1000 {
		return nil, errors.New("read language letter models: bad language count")
	}
	b = b[k:]
	s := &langModelSet{source: string(src)}
	for range n {
		code, err := str()
		if err != nil {
			return nil, err
		}
		md, err := str()
		if err != nil {
			return nil, err
		}
		s.codes = append(s.codes, string(code))
		s.data = append(s.data, md)
		s.models = append(s.models, sync.OnceValue(func() *Model {
			m := new(Model)
			if err := m.UnmarshalBinary(md); err != nil {
				return BaseModel() // unreachable: TestLangModels decodes every model
			}
			return mixModels(m, 1-langShareBase, BaseModel(), langShareBase, nil, 0)
		}))
	}
	if len(b) != 0 {
		return nil, errors.New("read language letter models: trailing data")
	}
	return s, nil
}

// LangModelCodes returns the languages that have a built-in letter model.
func LangModelCodes() []string { return slices.Clone(langModels().codes) }

// model returns the letter model of the language at i, mixed with a
// little of the base model, built at its first use and kept.
func (s *langModelSet) model(i int) *Model { return s.models[i]() }

// index returns the position of lang's model, or -1.
func (s *langModelSet) index(lang string) int {
	i, ok := slices.BinarySearch(s.codes, lang)
	if !ok {
		return -1
	}
	return i
}

// idTable returns the language-telling table: trigram probabilities of
// every language, summed out of its 4-gram counts with Witten-Bell
// smoothing down to letter frequencies.
func (s *langModelSet) idTable() []uint8 {
	s.idOnce.Do(func() {
		if s.embedded {
			if id := langDerived().idTable(len(s.codes)); id != nil {
				s.id = id
				return
			}
		}
		s.id = s.computeIdTable()
	})
	return s.id
}

// computeIdTable computes the language-telling table (idTable).
func (s *langModelSet) computeIdTable() []uint8 {
	const k = modelSymbols
	nl := len(s.codes)
	id := make([]uint8, k*k*k*nl)
	c3 := make([]float64, k*k*k)
	c2 := make([]float64, k*k)
	c1 := make([]float64, k)
	p1 := make([]float64, k)
	for l, md := range s.data {
		clear(c3)
		clear(c2)
		clear(c1)
		// The trigram counts, summing out each 4-gram's oldest symbol.
		if _, err := decodeCounts(md, func(i int, n uint32) { c3[i%(k*k*k)] += float64(n) }); err != nil {
			continue // unreachable: TestLangModels decodes every model
		}
		for i, n := range c3 {
			c2[i%(k*k)] += n
		}
		var total float64
		for i, n := range c2 {
			c1[i%k] += n
			total += n
		}
		for d := range p1 {
			p1[d] = (c1[d] + 1) / (total + k)
		}
		p2 := wittenBell(c2, p1)
		p3 := wittenBell(c3, p2)
		for i, p := range p3 {
			id[i*nl+l] = uint8(min(255, math.Round(-math.Log2(p)/idStep)))
		}
	}
	return id
}

// langFit returns, for each language, the bits its trigrams cost the
// folded words, boundaries included, into out (one a language).
func (s *langModelSet) langFit(words [][]uint8, out []float64) []float64 {
	id := s.idTable()
	nl := len(s.codes)
	out = append(out[:0], make([]float64, nl)...)
	var acc = make([]uint32, nl)
	add := func(a, b, c uint8) {
		row := id[((int(a)*modelSymbols+int(b))*modelSymbols+int(c))*nl:][:nl]
		for l, q := range row {
			acc[l] += uint32(q)
		}
	}
	for _, w := range words {
		var a, b uint8
		for _, c := range w {
			add(a, b, c)
			a, b = b, c
		}
		add(a, b, 0)
	}
	for l, q := range acc {
		out[l] = float64(q) * idStep
	}
	return out
}

// langModelHeldOut, when set, keeps a page's own language (Edit.Lang)
// from being judged under that language's model: how a language the
// models lack fares with its relatives' (probeeval -holdout-lang).
var langModelHeldOut atomic.Bool

// HoldOutLangModels sets whether an edit's own language's letter model is
// left out, to measure how languages without one fare.
func HoldOutLangModels(on bool) { langModelHeldOut.Store(on) }

// pageLangModel returns the built-in letter model of the language whose
// trigrams fit the words of text best, its code, and the bits a letter
// it and English cost them; nil when text has too few Latin words to
// tell or no model fits better than English. without is a language not
// to pick ("" for none).
func pageLangModel(format Format, text, without string) (m *Model, code string, bits, enBits float64) {
	s := langModels()
	if len(s.codes) == 0 {
		return nil, "", 0, 0
	}
	if len(text) > langSample {
		text = text[:langSample]
	}
	var sc readers
	words := sc.read(format, text, []byteSpan{{Lo: 0, Hi: len(text)}}, nil)
	var syms [][]uint8
	var buf []uint8
	letters := 0
	for _, w := range words {
		if w.Flags&(wDigit|wCode|wNonLatin|cMarkup|cLinkTarget|cStray) != 0 || w.Hi-w.Lo < 2 {
			continue
		}
		var ok bool
		start := len(buf)
		if buf, ok = foldWord(buf, text[w.Lo:w.Hi]); !ok {
			buf = buf[:start]
			continue
		}
		syms = append(syms, buf[start:len(buf):len(buf)])
		letters += len(buf) - start + 1
	}
	if len(syms) < langFitMinWords {
		return nil, "", 0, 0
	}
	fit := s.langFit(syms, nil)
	best, en := -1, s.index("en")
	skip := s.index(without)
	for l := range fit {
		if l != skip && (best < 0 || fit[l] < fit[best]) {
			best = l
		}
	}
	if best < 0 {
		return nil, "", 0, 0
	}
	bits = fit[best] / float64(letters)
	if en >= 0 {
		enBits = fit[en] / float64(letters)
	}
	return s.model(best), s.codes[best], bits, enBits
}

// langFitMinWords is the fewest words a language is told from.
const langFitMinWords = 20

// The world's Latin letters.
//
// A language the built-in models lack (Quechua, Hausa, Malagasy, a
// transliteration of Persian or Japanese) is judged under the model of
// the language it fits best, a relative at most, and a model of the page's
// own words, which a page of a few kilobytes makes weak. worldModel pools
// the counts of every language's model, each weighing the same (genlangs
// gives each 20 million letters): the letter sequences some Latin-script
// language writes. Its words and loanwords ("bhegi", "qhaqholla") cost it
// fewer bits than English letters alone, while random letters stay as
// unlikely as under any language.

// worldModels holds the pooled model of every language but one, by the
// language left out ("" for none), each built at its first use.
var worldModels sync.Map // string -> func() *Model

// worldModel returns the pooled letter model of every built-in language
// but without ("" for none: only probeeval -holdout-lang leaves one out),
// mixed with a little of the base model as each language's is; the base
// model when there are no language models.
func worldModel(without string) *Model {
	f, ok := worldModels.Load(without)
	if !ok {
		f, _ = worldModels.LoadOrStore(without, sync.OnceValue(func() *Model {
			if without == "" {
				if m := langDerived().world(); m != nil {
					return m
				}
			}
			return buildWorldModel(without)
		}))
	}
	return f.(func() *Model)()
}

// buildWorldModel pools the counts of every language model but without's.
func buildWorldModel(without string) *Model {
	s := langModels()
	sum := make([]uint64, modelGrams)
	var words uint64
	for l, md := range s.data {
		if s.codes[l] == without {
			continue
		}
		w, err := decodeCounts(md, func(i int, n uint32) { sum[i] += uint64(n) })
		if err != nil {
			continue // unreachable: TestLangModels decodes every model
		}
		words += w
	}
	if words == 0 {
		return BaseModel()
	}
	m := &Model{counts: make([]uint32, modelGrams), words: words}
	for i, n := range sum {
		m.counts[i] = uint32(min(n, math.MaxUint32))
	}
	m.build()
	m.counts = nil
	return mixModels(m, 1-langShareBase, BaseModel(), langShareBase, nil, 0)
}
