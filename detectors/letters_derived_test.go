package detectors

import (
	"bytes"
	"flag"
	"math"
	"os"
	"slices"
	"testing"
)

var updateLangDerived = flag.Bool("update-langderived", false, "rewrite langderived.bin from the embedded letter models (go generate)")

// langderived.bin holds what langmodels.bin and basemodel.bin derive, as
// the code builds it: the table telling languages apart and the world's
// pooled letters, bit for bit.
func TestLangDerived(t *testing.T) {
	s, err := readLangModels(langModelData)
	if err != nil {
		t.Fatal(err)
	}
	id := s.computeIdTable()
	world := buildWorldModel("")
	if *updateLangDerived {
		data := marshalLangDerived(id, world, langDerivedKey())
		if err := os.WriteFile("langderived.bin", data, 0o644); err != nil {
			t.Fatal(err)
		}
		langDerivedData = data
	}
	d, err := splitLangDerived(langDerivedData, langDerivedKey())
	if err != nil {
		t.Fatalf("langderived.bin: %v; run go generate -run langderived in detectors", err)
	}
	if got := d.idTable(len(s.codes)); !bytes.Equal(got, id) {
		t.Errorf("langderived.bin's language table differs from the models' (%d bytes, want %d): run go generate", len(got), len(id))
	}
	got := d.world()
	if got == nil || got.words != world.words || !slices.Equal(got.lp, world.lp) {
		t.Error("langderived.bin's world model differs from the models': run go generate")
	}
	// The process's own derivations are the file's.
	if !bytes.Equal(langModels().idTable(), id) || !slices.Equal(worldModel("").lp, world.lp) {
		t.Error("the embedded derivations are not what the models derive")
	}
	if _, err := splitLangDerived(langDerivedData, langDerivedKey()+1); err == nil {
		t.Error("a file keyed by other models was read")
	}
}

// Mixing with the base model reads its probabilities kept once
// (baseProbs): the same bits as computing them each time.
func TestMixModelsBaseProbs(t *testing.T) {
	s := langModels()
	m := new(Model)
	if err := m.UnmarshalBinary(s.data[s.index("sw")]); err != nil {
		t.Fatal(err)
	}
	base, world := BaseModel(), worldModel("")
	got := mixModels(m, 0.5, base, 0.4, world, 0.1)
	for i := range got.lp {
		p := 0.5*math.Exp2(float64(m.lp[i])) + 0.4*math.Exp2(float64(base.lp[i]))
		p += 0.1 * math.Exp2(float64(world.lp[i]))
		if want := float32(math.Log2(p)); got.lp[i] != want {
			t.Fatalf("4-gram %d: %v, want %v", i, got.lp[i], want)
		}
	}
}
