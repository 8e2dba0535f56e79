package spamscore

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"sync"
)

// The embedded model, written by cmd/spamtrain (make model).
//
//go:embed spam.model
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the model embedded in the binary, decoded on first use.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Decode(embedded)
	})
	return defaultModel, defaultErr
}

// Model is a trained spam model. It is read-only and safe for concurrent
// use.
type Model struct {
	bits   uint
	dense  [fDense]float32
	hashed []int8
	scale  float32 // hashed weight = int8 × scale
	platt  [2]float32
	pool   sync.Pool
}

// magic opens a model file.
const magic = "wikiwarden spam model 1\n"

// Bucket bits the model files may use.
const (
	MinBits = 16
	MaxBits = 22
)

// Dims returns the number of weights of a model with 2^bits hashed buckets.
func Dims(bits uint) int { return fDense + 1<<bits }

// New makes a model from trained float weights (Dims(bits) of them: the
// dense features first, then the hashed table) and the Platt scaling
// p = 1/(1+exp(-(a·z+b))) of the raw score z. The hashed weights are
// quantised to 8 bits.
func New(bits uint, weights []float64, a, b float64) (*Model, error) {
	if bits < MinBits || bits > MaxBits {
		return nil, fmt.Errorf("spam model: %d bucket bits, want %d to %d", bits, MinBits, MaxBits)
	}
	if len(weights) != Dims(bits) {
		return nil, fmt.Errorf("spam model: %d weights, want %d", len(weights), Dims(bits))
	}
	m := &Model{bits: bits, hashed: make([]int8, 1<<bits), platt: [2]float32{float32(a), float32(b)}}
	for i := range m.dense {
		m.dense[i] = float32(weights[i])
	}
	maxAbs := 0.0
	for _, w := range weights[fDense:] {
		maxAbs = max(maxAbs, math.Abs(w))
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	m.scale = float32(maxAbs / 127)
	for i, w := range weights[fDense:] {
		m.hashed[i] = int8(math.Round(w / float64(m.scale)))
	}
	return m, nil
}

// Encode writes the model in its binary format: the magic line, the
// feature set, the bucket bits, the Platt parameters and scale, the dense
// weights (float32) and the hashed weights (int8), little-endian.
func (m *Model) Encode(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString(magic)
	le := binary.LittleEndian
	b.Write(le.AppendUint32(nil, featureSet()))
	b.WriteByte(byte(m.bits))
	for _, f := range []float32{m.platt[0], m.platt[1], m.scale} {
		b.Write(le.AppendUint32(nil, math.Float32bits(f)))
	}
	b.Write(le.AppendUint32(nil, fDense))
	for _, f := range m.dense {
		b.Write(le.AppendUint32(nil, math.Float32bits(f)))
	}
	for _, q := range m.hashed {
		b.WriteByte(byte(q))
	}
	_, err := w.Write(b.Bytes())
	return err
}

// ErrFormat is returned by Decode for data that is not a model file of
// this version.
var ErrFormat = errors.New("not a spam model of this version")

// Decode reads a model written by Encode.
func Decode(data []byte) (*Model, error) {
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, fmt.Errorf("spam model: %w", ErrFormat)
	}
	p := data[len(magic):]
	le := binary.LittleEndian
	if len(p) < 4+1+12+4 {
		return nil, fmt.Errorf("spam model: truncated header: %w", ErrFormat)
	}
	if fs := le.Uint32(p); fs != featureSet() {
		return nil, fmt.Errorf("spam model: feature set %08x, this build extracts %08x (retrain with make model): %w", fs, featureSet(), ErrFormat)
	}
	bits := uint(p[4])
	if bits < MinBits || bits > MaxBits {
		return nil, fmt.Errorf("spam model: %d bucket bits: %w", bits, ErrFormat)
	}
	f32 := func(b []byte) float32 { return math.Float32frombits(le.Uint32(b)) }
	m := &Model{bits: bits}
	m.platt = [2]float32{f32(p[5:]), f32(p[9:])}
	m.scale = f32(p[13:])
	if nd := le.Uint32(p[17:]); nd != fDense {
		return nil, fmt.Errorf("spam model: %d dense features, want %d: %w", nd, fDense, ErrFormat)
	}
	p = p[21:]
	if len(p) != 4*fDense+1<<bits {
		return nil, fmt.Errorf("spam model: %d bytes of weights, want %d: %w", len(p), 4*fDense+1<<bits, ErrFormat)
	}
	for i := range m.dense {
		m.dense[i] = f32(p[4*i:])
	}
	p = p[4*fDense:]
	m.hashed = make([]int8, 1<<bits)
	for i, c := range p {
		m.hashed[i] = int8(c)
	}
	return m, nil
}

// Bits returns the model's bucket bits.
func (m *Model) Bits() uint { return m.bits }

// Result is the model's verdict on one document.
type Result struct {
	// Prob is the calibrated probability that the added text is spam.
	Prob float64
	// Contacts are the links and link-like contact points found in the
	// text, in order of appearance (at most 40).
	Contacts []Contact
}

func (m *Model) extractor() *extractor {
	if x, ok := m.pool.Get().(*extractor); ok {
		return x
	}
	return &extractor{bits: m.bits}
}

// Score returns the spam probability of d.
func (m *Model) Score(d Doc) Result {
	x := m.extractor()
	defer m.pool.Put(x)
	x.reset(false)
	x.extract(d)
	z := m.raw(x.feats)
	res := Result{Prob: m.calibrate(z)}
	if len(x.contacts) > 0 {
		res.Contacts = slices.Clone(x.contacts)
	}
	return res
}

// ScoreContacts is Score for a text that is judged only when it holds a
// contact point (a URL, a bare or obfuscated domain, a handle, a phone
// number, an e-mail address): it reports false, without scoring, when d
// holds none, and otherwise returns what Score returns.
func (m *Model) ScoreContacts(d Doc) (Result, bool) {
	x := m.extractor()
	defer m.pool.Put(x)
	if !x.hasContacts(d) {
		return Result{}, false
	}
	x.reset(false)
	x.extract(d)
	res := Result{Prob: m.calibrate(m.raw(x.feats))}
	if len(x.contacts) > 0 {
		res.Contacts = slices.Clone(x.contacts)
	}
	return res, true
}

func (m *Model) raw(feats []feat) float64 {
	var dense, hashed float32
	for _, f := range feats {
		if f.idx < fDense {
			dense += m.dense[f.idx] * f.val
		} else {
			hashed += float32(m.hashed[f.idx-fDense]) * m.scale * f.val
		}
	}
	return float64(dense) + ClampHashed(float64(hashed))
}

// HashedCap bounds the hashed n-grams' share of the raw score (log-odds,
// either way): the words, anchors and domain pieces seen in training may
// tip a text, but a text in a language or genre the training data lacks,
// whose n-grams mean little, is judged by its named features.
const HashedCap = 2.0

// ClampHashed bounds the hashed buckets' sum of a raw score to ±HashedCap.
func ClampHashed(z float64) float64 { return min(max(z, -HashedCap), HashedCap) }

func (m *Model) weight(idx uint32) float32 {
	if idx < fDense {
		return m.dense[idx]
	}
	return float32(m.hashed[idx-fDense]) * m.scale
}

func (m *Model) calibrate(z float64) float64 {
	return 1 / (1 + math.Exp(-(float64(m.platt[0])*z + float64(m.platt[1]))))
}

// Contribution is one feature's part in a score, in the model's raw units
// (log-odds before calibration): positive toward spam.
type Contribution struct {
	Feature string
	Weight  float64
}

// Explain returns the n features that pushed d's score most toward spam,
// strongest first, with readable names: a word of the text, a link's text,
// a domain, or a named property such as "a bare domain".
func (m *Model) Explain(d Doc, n int) []Contribution {
	x := m.extractor()
	defer m.pool.Put(x)
	x.reset(true)
	x.extract(d)
	// The hashed buckets count only as far as the cap lets them: scale
	// each by the capped sum over the raw one.
	var hashed float64
	for _, f := range x.feats {
		if f.idx >= fDense {
			hashed += float64(m.weight(f.idx) * f.val)
		}
	}
	scale := 1.0
	if hashed != 0 {
		scale = ClampHashed(hashed) / hashed
	}
	sums := map[string]float64{}
	for _, f := range x.feats {
		if f.origin < 0 || f.idx == fBias {
			continue
		}
		name := x.origins[f.origin]
		if strings.HasPrefix(name, "\x00") {
			name = name[1:]
		} else if !strings.HasPrefix(name, "domain ") && !strings.HasPrefix(name, "link text") && !strings.HasPrefix(name, "the ") {
			name = "\u201c" + clip(name, 40) + "\u201d"
		}
		w := float64(m.weight(f.idx) * f.val)
		if f.idx >= fDense {
			w *= scale
		}
		sums[name] += w
	}
	out := make([]Contribution, 0, len(sums))
	for k, v := range sums {
		if v > 0 {
			out = append(out, Contribution{Feature: k, Weight: v})
		}
	}
	slices.SortFunc(out, func(a, b Contribution) int {
		if a.Weight != b.Weight {
			if a.Weight > b.Weight {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Feature, b.Feature)
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// Vector is a document's features as the trainer sees them: weight
// indices (dense features first, then 2^bits hashed buckets) and values.
// An index may repeat.
type Vector struct {
	Idx []uint32
	Val []float32
}

// Vectorize extracts d's features for a model of 2^bits buckets, and the
// contacts it found.
func Vectorize(d Doc, bits uint) (Vector, []Contact) {
	x := &extractor{bits: bits}
	x.reset(false)
	x.extract(d)
	v := Vector{Idx: make([]uint32, len(x.feats)), Val: make([]float32, len(x.feats))}
	for i, f := range x.feats {
		v.Idx[i], v.Val[i] = f.idx, f.val
	}
	return v, slices.Clone(x.contacts)
}

// Parts splits d's raw score (log-odds before calibration) into the named
// features' weights, by name, and the hashed buckets' sum before and after
// the cap: for reading why a text scored as it did.
func (m *Model) Parts(d Doc) (named map[string]float64, hashed, capped float64) {
	x := m.extractor()
	defer m.pool.Put(x)
	x.reset(false)
	x.extract(d)
	named = map[string]float64{}
	for _, f := range x.feats {
		if f.idx < fDense {
			named[denseNames[f.idx]] += float64(m.dense[f.idx] * f.val)
		} else {
			hashed += float64(float32(m.hashed[f.idx-fDense]) * m.scale * f.val)
		}
	}
	return named, hashed, ClampHashed(hashed)
}

// Bucket returns the hashed bucket that weight index i counts in, and false
// when i is a named (dense) feature. Unlike the index, the bucket does not
// move when named features are added, so what a store keeps by bucket
// survives a new model.
func Bucket(i int) (int, bool) {
	if i < fDense {
		return 0, false
	}
	return i - fDense, true
}

// DenseName returns the readable name of dense feature i, or "" when i is
// a hashed bucket.
func DenseName(i int) string {
	if i >= 0 && i < fDense {
		return denseNames[i]
	}
	return ""
}
