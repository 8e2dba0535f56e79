package detectors

import (
	"bytes"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/internal/inject"
	"github.com/wikiwarden/wikiwarden/internal/testcorpus"
)

func TestModelRoundTrip(t *testing.T) {
	m := TrainAlone([]string{"The cat sat on the mat. [[Dog|Dogs]] bark at cats.", "Über naïve café"})
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var m2 Model
	if err := m2.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if m2.Words() != m.Words() || m.Words() != 13 {
		t.Errorf("words = %d and %d, want 13", m.Words(), m2.Words())
	}
	for _, w := range []string{"cat", "dogs", "xkqzvbwpl", "cafe"} {
		sym, _ := foldWord(nil, w)
		if a, b := m.bits(sym), m2.bits(sym); a != b {
			t.Errorf("bits(%q) = %v before and %v after a round trip", w, a, b)
		}
	}
	b2, _ := m2.MarshalBinary()
	if !bytes.Equal(b, b2) {
		t.Error("marshalling is not deterministic")
	}
}

func TestModelUnmarshalRejects(t *testing.T) {
	good, err := Train([]string{"some words here"}).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string][]byte{
		"empty":       nil,
		"wrong magic": append([]byte("XXXX"), good[4:]...),
		"version 2":   append(append([]byte("WWLM"), 2), good[5:]...),
		"other order": append(append([]byte("WWLM"), 1, 3), good[6:]...),
		"truncated":   good[:len(good)-3],
		"flipped bit": append(append([]byte(nil), good[:len(good)-1]...), good[len(good)-1]^1),
		"trailing":    append(append([]byte(nil), good[:len(good)]...), 0, 0, 0),
	}
	for name, data := range tests {
		var m Model
		if err := m.UnmarshalBinary(data); err == nil {
			t.Errorf("%s: UnmarshalBinary succeeded", name)
		} else if !strings.HasPrefix(err.Error(), "unmarshal letter model: ") {
			t.Errorf("%s: error %q lacks the prefix", name, err)
		}
		if m.lp != nil {
			t.Errorf("%s: model changed on error", name)
		}
	}
}

func TestModelMarshalUntrained(t *testing.T) {
	if _, err := new(Model).MarshalBinary(); err == nil {
		t.Error("marshalling the zero Model succeeded")
	}
}

func TestBaseModel(t *testing.T) {
	m := BaseModel()
	if m.Words() < 100000 {
		t.Fatalf("base model trained on %d words, want the corpus", m.Words())
	}
	if BaseModel() != m {
		t.Error("BaseModel is not shared")
	}
	bitsPerLetter := func(w string) float64 {
		sym, _ := foldWord(nil, w)
		return m.bits(sym) / float64(len(sym)+1)
	}
	for _, w := range []string{"the", "country", "population", "government", "international"} {
		if b := bitsPerLetter(w); b > 3 {
			t.Errorf("%q: %.1f bits per letter, want an ordinary word to be likely", w, b)
		}
	}
	for _, w := range []string{"xkqzvbwpl", "qwzxjvkp", "zzqjxkvw"} {
		if b := bitsPerLetter(w); b < 7 {
			t.Errorf("%q: %.1f bits per letter, want random letters to be unlikely", w, b)
		}
	}
}

func TestTrainSkipsMarkup(t *testing.T) {
	m := TrainAlone([]string{"{{Infobox qqqqqq|name=zzzzzz}} [[File:Xxxxxx.jpg|thumb|ok]] <ref>jjjjjj</ref> http://vvvvvv.com text"})
	// Only "ok" and "text" are prose.
	if m.Words() != 2 {
		t.Errorf("trained on %d words, want 2", m.Words())
	}
}

func TestTrainAddsBaseModel(t *testing.T) {
	base := BaseModel()
	m := Train([]string{"Llanfyllin Llanfyllin Llanfyllin"})
	if m.Words() != base.Words()+6 {
		t.Errorf("words = %d, want the base model's %d plus twice 3", m.Words(), base.Words())
	}
	sym, _ := foldWord(nil, "llanfyllin")
	if m.bits(sym) >= base.bits(sym)-3 {
		t.Errorf("the wiki's own word is not much likelier: %.1f bits, base %.1f", m.bits(sym), base.bits(sym))
	}
	sym, _ = foldWord(nil, "government")
	if d := m.bits(sym) - base.bits(sym); d > 0.5 || d < -0.5 {
		t.Errorf("an ordinary word moved by %.1f bits", d)
	}
}

// TestBaseModelUpToDate checks that the embedded base model is what
// go generate makes from the shared corpus' pages and the wikiclean mirror's
// (testcorpus.ModelPages) with the current scanner.
func TestBaseModelUpToDate(t *testing.T) {
	var texts []string
	for _, pg := range testcorpus.ModelPages(t) {
		if !inject.Held(pg.Name) {
			texts = append(texts, pg.Text)
		}
	}
	b, err := TrainAlone(texts).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, baseModelData) {
		t.Error("basemodel.bin is stale: run go generate ./detectors")
	}
}

// A probe token left once on a page of the sample must not teach the
// wiki's model its letters; a word the sample repeats is learned.
func TestTrainLeavesOutOnceTokens(t *testing.T) {
	pages := readDevPages(t)
	var texts []string
	for _, pg := range pages[:3] {
		texts = append(texts, pg.Text)
	}
	const token = "hqknotwa"
	texts[1] = strings.Replace(texts[1], ". ", ". "+token+" ", 1)
	texts[2] += "\nThe quoxiffle is a quoxiffle, and the quoxiffle grows.\n"
	perLetter := func(m *Model, w string) float64 {
		sym, _ := foldWord(nil, w)
		return m.bits(sym) / float64(len(sym)+1)
	}
	m := Train(texts)
	if got := perLetter(m, token); got < learnOnceBits {
		t.Errorf("token %q costs %.2f bits a letter after training; want at least %.1f: the model learned it", token, got, learnOnceBits)
	}
	if got, base := perLetter(m, "quoxiffle"), perLetter(BaseModel(), "quoxiffle"); got >= base {
		t.Errorf("repeated word costs %.2f bits a letter after training, %.2f before: not learned", got, base)
	}
}
