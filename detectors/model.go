package detectors

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"github.com/wikiwarden/wikiwarden/wikitext"
	"hash/crc32"
	"io"
	"math"
)

// Letter model geometry: symbol 0 is the word boundary, 1..26 are the
// letters a..z (Latin diacritics folded to their base letter). The model
// predicts each letter, and the end of the word, from the three symbols
// before it.
const (
	modelSymbols = 27
	modelOrder   = 4
	modelCtx     = modelSymbols * modelSymbols * modelSymbols // contexts of three symbols
	modelGrams   = modelCtx * modelSymbols                    // 4-grams
)

// Model is a character 4-gram model of the words of a wiki's normal text:
// how likely each letter is after the three before it, with word boundaries.
// Probabilities are interpolated down to trigrams, bigrams and letter
// frequencies (Witten-Bell smoothing), so unseen sequences are unlikely but
// never impossible.
//
// A Model is immutable once built by Train or UnmarshalBinary and safe for
// concurrent use. The zero Model is not usable; use BaseModel for a wiki
// without a model of its own.
type Model struct {
	counts []uint32  // 4-gram counts, index ((a*27+b)*27+c)*27+d; kept for MarshalBinary
	words  uint64    // words trained on
	lp     []float32 // log2 P(d | a b c), same index as counts
}

// Words reports how many words the model was trained on.
func (m *Model) Words() uint64 { return m.words }

// Train learns a wiki's letter model from its pages of wikitext, on top of
// the built-in base model: the pages' counts weigh twice the base model's, so
// a small wiki's model knows its own names and language without becoming
// weaker than the base model, and a large wiki's model is mostly its own.
//
// Markup is skipped the same structural way the probe detector skips it
// (templates, link targets, file names, URLs, tags, references, table
// attributes, preformatted lines), so the model learns prose, headings,
// captions and table text. Words holding digits or non-Latin letters are left
// out.
func Train(texts []string) *Model {
	base := BaseModel()
	m := trainWords(texts, base, learnOnceBits)
	for i, n := range m.counts {
		m.counts[i] = satAdd(2*uint64(n), uint64(base.counts[i]))
	}
	m.words = 2*m.words + base.words
	m.build()
	return m
}

func satAdd(a, b uint64) uint32 {
	return uint32(min(a+b, math.MaxUint32))
}

// learnOnceBits is the surprisal per letter, under the base model, above
// which a word seen only once in a wiki's sample is not learned. A probe
// token left on the wiki (a missed probe, or one made before the bot first
// learned) sits once on one page; on a whole page it does not stand out the
// way it does in the edit that added it, so the sample cannot be cleaned of
// it by scoring. Learned, it would teach the model that random letters are
// normal. A real word this rare and this unlikely adds nothing the base
// model lacks; random letters cost 4.7 bits a letter, words 2 to 3.5.
const learnOnceBits = 4.5

// trainWords learns a model from texts alone, leaving out the words seen
// once whose letters base finds more unlikely than onceBits a letter.
func trainWords(texts []string, base *Model, onceBits float64) *Model {
	m := &Model{counts: make([]uint32, modelGrams)}
	var sc wikitext.Reader
	var words []scanWord
	var buf []uint8
	// Two readings of the texts, counting and then learning, rather than
	// holding every word of the sample.
	seen := map[string]int{}
	each := func(fn func(sym []uint8)) {
		for _, t := range texts {
			words = sc.Read(t, nil, words[:0])
			for _, w := range words {
				if w.Flags&(wDigit|wCode|wNonLatin|cMarkup|cLinkTarget|cStray) != 0 {
					continue
				}
				var ok bool
				buf, ok = foldWord(buf[:0], t[w.Lo:w.Hi])
				if ok && len(buf) > 0 {
					fn(buf)
				}
			}
		}
	}
	each(func(sym []uint8) { seen[string(sym)]++ })
	each(func(sym []uint8) {
		if seen[string(sym)] == 1 && base.bits(sym)/float64(len(sym)+1) > onceBits {
			return
		}
		m.add(sym)
	})
	m.build()
	return m
}

// TrainAlone learns a letter model from texts alone, without the base
// model's counts. go generate builds the base model with it.
func TrainAlone(texts []string) *Model {
	m := &Model{counts: make([]uint32, modelGrams)}
	var sc wikitext.Reader
	var words []scanWord
	var buf []uint8
	for _, t := range texts {
		words = sc.Read(t, nil, words[:0])
		for _, w := range words {
			if w.Flags&(wDigit|wCode|wNonLatin|cMarkup|cLinkTarget|cStray) != 0 {
				continue
			}
			var ok bool
			buf, ok = foldWord(buf[:0], t[w.Lo:w.Hi])
			if !ok || len(buf) == 0 {
				continue
			}
			m.add(buf)
		}
	}
	m.build()
	return m
}

// add counts the 4-grams of one word, padded with boundaries.
func (m *Model) add(sym []uint8) {
	m.words++
	var a, b, c uint32 // the three symbols before, 0 = boundary
	for _, s := range sym {
		d := uint32(s)
		if i := ((a*modelSymbols+b)*modelSymbols+c)*modelSymbols + d; m.counts[i] < math.MaxUint32 {
			m.counts[i]++
		}
		a, b, c = b, c, d
	}
	if i := ((a*modelSymbols+b)*modelSymbols + c) * modelSymbols; m.counts[i] < math.MaxUint32 {
		m.counts[i]++
	}
}

// build turns counts into interpolated log probabilities.
func (m *Model) build() {
	const k = modelSymbols
	// Lower-order counts by summing out the oldest symbol: every 4-gram is
	// counted with boundary padding, so these are exact.
	c3 := make([]float64, k*k*k)
	for i, n := range m.counts {
		if n != 0 {
			c3[i%(k*k*k)] += float64(n)
		}
	}
	c2 := make([]float64, k*k)
	for i, n := range c3 {
		c2[i%(k*k)] += n
	}
	c1 := make([]float64, k)
	for i, n := range c2 {
		c1[i%k] += n
	}
	// Unigram with add-one smoothing.
	p1 := make([]float64, k)
	var total float64
	for _, n := range c1 {
		total += n
	}
	for d := range p1 {
		p1[d] = (c1[d] + 1) / (total + k)
	}
	p2 := wittenBell(c2, p1)
	p3 := wittenBell(c3, p2)
	// The 4-gram level row by row, straight into lp: two arrays of float64
	// over every 4-gram would cost 8 MB more at each start.
	// Mix in the bigram and letter frequencies so that one unseen sequence
	// inside a rare but real word (a compound's seam, a foreign name) costs
	// a bounded number of bits: the model's job is to tell words from random
	// letters, not to be a sharp language model.
	m.lp = make([]float32, modelGrams)
	var cnt, p4 [k]float64
	for h := 0; h < modelGrams; h += k {
		for d := range k {
			cnt[d] = float64(m.counts[h+d])
		}
		wittenBellRow(p4[:], cnt[:], p3[h%len(p3):h%len(p3)+k])
		for d, p := range p4 {
			i := h + d
			m.lp[i] = float32(math.Log2((1-mixBigram-mixUnigram)*p + mixBigram*p2[i%(k*k)] + mixUnigram*p1[d]))
		}
	}
}

// wittenBell interpolates the n-gram counts cnt (last symbol fastest) with
// the lower-order distribution lower (indexed by the n-gram without its
// oldest symbol): P(d|h) = (C(h,d) + T(h) P'(d|h')) / (C(h) + T(h)), where
// T(h) is the number of distinct symbols seen after h.
func wittenBell(cnt, lower []float64) []float64 {
	const k = modelSymbols
	p := make([]float64, len(cnt))
	nl := len(lower)
	for h := 0; h < len(cnt); h += k {
		lo := h % nl
		wittenBellRow(p[h:h+k], cnt[h:h+k], lower[lo:lo+k])
	}
	return p
}

// wittenBellRow is wittenBell for one history: p, cnt and lower hold the
// k symbols after it.
func wittenBellRow(p, cnt, lower []float64) {
	var sum, types float64
	for _, n := range cnt {
		if n > 0 {
			sum += n
			types++
		}
	}
	if sum == 0 {
		copy(p, lower)
		return
	}
	for d := range p {
		p[d] = (cnt[d] + types*lower[d]) / (sum + types)
	}
}

// bits returns the surprisal, -log2 P, of the folded word sym followed by a
// word boundary.
func (m *Model) bits(sym []uint8) float64 {
	var a, b, c uint32
	var s float32
	for _, x := range sym {
		d := uint32(x)
		s -= m.lp[((a*modelSymbols+b)*modelSymbols+c)*modelSymbols+d]
		a, b, c = b, c, d
	}
	s -= m.lp[((a*modelSymbols+b)*modelSymbols+c)*modelSymbols]
	return float64(s)
}

// Shares of the bigram and letter-frequency distributions mixed into every
// prediction.
const (
	mixBigram  = 0.1
	mixUnigram = 0.05
)

// Binary format: "WWLM", a version byte, the order and alphabet size, the
// CRC-32 (IEEE, big-endian) of the rest, then a DEFLATE stream of uvarints:
// words trained on, number of non-zero 4-grams, and per non-zero 4-gram the
// index delta from the previous one and its count.
const (
	modelMagic   = "WWLM"
	modelVersion = 1
	modelHeader  = len(modelMagic) + 3 + 4
)

// MarshalBinary encodes the model's counts compactly; the probabilities are
// rebuilt when it is decoded.
func (m *Model) MarshalBinary() ([]byte, error) {
	if len(m.counts) != modelGrams {
		return nil, errors.New("marshal letter model: model not trained")
	}
	var payload bytes.Buffer
	zw, err := flate.NewWriter(&payload, flate.BestCompression)
	if err != nil {
		return nil, fmt.Errorf("marshal letter model: %w", err)
	}
	nonzero := 0
	for _, n := range m.counts {
		if n != 0 {
			nonzero++
		}
	}
	var tmp [binary.MaxVarintLen64]byte
	put := func(v uint64) {
		zw.Write(tmp[:binary.PutUvarint(tmp[:], v)])
	}
	put(m.words)
	put(uint64(nonzero))
	prev := -1
	for i, n := range m.counts {
		if n != 0 {
			put(uint64(i - prev))
			put(uint64(n))
			prev = i
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("marshal letter model: %w", err)
	}
	out := make([]byte, 0, modelHeader+payload.Len())
	out = append(out, modelMagic...)
	out = append(out, modelVersion, modelOrder, modelSymbols)
	out = binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(payload.Bytes()))
	return append(out, payload.Bytes()...), nil
}

// UnmarshalBinary decodes a model written by MarshalBinary. It rejects other
// versions and corrupt data, leaving m unchanged on error.
func (m *Model) UnmarshalBinary(data []byte) error {
	counts := make([]uint32, modelGrams)
	words, err := decodeCounts(data, func(i int, n uint32) { counts[i] = n })
	if err != nil {
		return err
	}
	*m = Model{counts: counts, words: words}
	m.build()
	return nil
}

// decodeCounts decodes the counts of a model written by MarshalBinary,
// passing each non-zero 4-gram's index and count to set, and returns the
// words it was trained on.
func decodeCounts(data []byte, set func(i int, n uint32)) (uint64, error) {
	if len(data) < modelHeader || string(data[:len(modelMagic)]) != modelMagic {
		return 0, errors.New("unmarshal letter model: not a letter model")
	}
	h := data[len(modelMagic):]
	if h[0] != modelVersion {
		return 0, fmt.Errorf("unmarshal letter model: version %d, want %d", h[0], modelVersion)
	}
	if h[1] != modelOrder || h[2] != modelSymbols {
		return 0, fmt.Errorf("unmarshal letter model: order %d over %d symbols, want %d over %d", h[1], h[2], modelOrder, modelSymbols)
	}
	payload := data[modelHeader:]
	if binary.BigEndian.Uint32(h[3:7]) != crc32.ChecksumIEEE(payload) {
		return 0, errors.New("unmarshal letter model: checksum mismatch")
	}
	zr := flate.NewReader(bytes.NewReader(payload))
	defer zr.Close()
	br := &byteReader{r: zr}
	words, err := binary.ReadUvarint(br)
	if err != nil {
		return 0, fmt.Errorf("unmarshal letter model: %w", noEOF(err))
	}
	nonzero, err := binary.ReadUvarint(br)
	if err != nil {
		return 0, fmt.Errorf("unmarshal letter model: %w", noEOF(err))
	}
	if nonzero > modelGrams {
		return 0, fmt.Errorf("unmarshal letter model: %d n-grams, at most %d", nonzero, modelGrams)
	}
	idx := -1
	for range nonzero {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return 0, fmt.Errorf("unmarshal letter model: %w", noEOF(err))
		}
		n, err := binary.ReadUvarint(br)
		if err != nil {
			return 0, fmt.Errorf("unmarshal letter model: %w", noEOF(err))
		}
		if d == 0 || d > modelGrams || idx+int(d) >= modelGrams || n == 0 || n > math.MaxUint32 {
			return 0, errors.New("unmarshal letter model: corrupt n-gram table")
		}
		idx += int(d)
		set(idx, uint32(n))
	}
	if _, err := br.ReadByte(); err != io.EOF {
		return 0, errors.New("unmarshal letter model: trailing data")
	}
	return words, nil
}

// noEOF turns a premature end of the stream into io.ErrUnexpectedEOF.
func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// byteReader adapts an io.Reader for binary.ReadUvarint with a small buffer.
type byteReader struct {
	r   io.Reader
	buf [4096]byte
	n   int
	i   int
	err error
}

func (b *byteReader) ReadByte() (byte, error) {
	for b.i == b.n {
		if b.err != nil {
			return 0, b.err
		}
		b.n, b.err = b.r.Read(b.buf[:])
		b.i = 0
	}
	c := b.buf[b.i]
	b.i++
	return c, nil
}
