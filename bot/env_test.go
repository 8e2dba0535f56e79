package bot

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/internal/testcorpus"
)

// A probe still on the wiki when the model is refreshed must not teach the
// model that its letters are normal.
func TestWithoutProbesKeepsProbesUnlikely(t *testing.T) {
	var texts []string
	for _, f := range []string{"aardvark.txt", "abacus.txt", "algae.txt", "alchemy.txt"} {
		b, err := os.ReadFile(filepath.Join(testcorpus.Require(t, testcorpus.WikitextDir), f))
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	const probe = "uquugbmld"
	lead := strings.Index(texts[0], "\nThe '''aardvark'''")
	if lead < 0 {
		t.Fatal("no lead sentence in aardvark.txt")
	}
	texts[0] = texts[0][:lead] + strings.Replace(texts[0][lead:], " mammal", " mammal "+probe, 1)

	clean, size, removed := withoutProbes(texts, nil, nil)
	if removed != 1 || strings.Contains(clean[0], probe) {
		t.Fatalf("removed %d tokens; want the probe (and only it) removed", removed)
	}
	if size < minTrainingBytes {
		t.Fatalf("cleaned size %d below the training minimum %d", size, minTrainingBytes)
	}
	for i := 1; i < len(texts); i++ {
		if clean[i] != texts[i] {
			t.Errorf("page %d changed although it holds no probe", i)
		}
	}

	old := "The aardvark is a burrowing mammal. It eats ants."
	edit := &detectors.Edit{Anon: true, Old: old, New: "The aardvark is a burrowing mammal. " + probe + " It eats ants."}
	in := func(m *detectors.Model) *detectors.Input {
		return &detectors.Input{Edit: edit, Added: detectors.Diff(edit.Old, edit.New), Env: &detectors.Env{Model: m}}
	}
	if r := detectors.Probe(in(detectors.Train(clean))); r.Score < 0.5 {
		t.Errorf("model trained on cleaned pages scores the probe %.2f; want it flagged", r.Score)
	}
}

// The letter model and the vocabulary learned with it survive the store; a
// bare model, as stores before vocabularies hold it, still reads.
func TestLearnedRoundTrip(t *testing.T) {
	m := detectors.BaseModel()
	vocab := detectors.NewWordSet([]string{"Kolhapur", "horcrux"})
	data, err := encodeLearned(m, vocab)
	if err != nil {
		t.Fatal(err)
	}
	m2, v2, err := decodeLearned(data)
	if err != nil || m2 == nil || !v2.Has("kolhapur") || !v2.Has("Horcrux") || v2.Has("qzxwvkrbt") {
		t.Fatalf("decoded %v, vocabulary %d words, err %v", m2 != nil, v2.Len(), err)
	}
	bare, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if m3, v3, err := decodeLearned(bare); err != nil || m3 == nil || v3 != nil {
		t.Fatalf("bare model: %v, %v, %v", m3 != nil, v3, err)
	}
	if _, _, err := decodeLearned(data[:len(data)-3]); err == nil {
		t.Error("a cut-short value decoded without error")
	}
}
