package detectors

import (
	_ "embed"
	"sync"
)

//go:generate go run ./internal/genmodel -tuning -out basemodel.bin

// baseModelData is the built-in letter model, trained on the tuning half
// (inject.Held) of the English and other-language Wikipedia pages of the
// shared corpus (../shared/corpus/wikitext) and of eight German, Spanish,
// French and Polish pages read from a mirror of lintool/wikiclean at a pinned
// commit (internal/testcorpus finds both); the held-out half stays unseen for
// measuring.
//
//go:embed basemodel.bin
var baseModelData []byte

var baseModel = sync.OnceValue(func() *Model {
	m := new(Model)
	if err := m.UnmarshalBinary(baseModelData); err != nil {
		// Unreachable: TestBaseModel decodes the embedded file. An
		// untrained model scores nothing as unlikely.
		return TrainAlone(nil)
	}
	return m
})

// BaseModel returns the built-in letter model for a wiki that has no model of
// its own yet. It is trained on Wikipedia pages, mostly English, and shared:
// callers must not modify it.
func BaseModel() *Model { return baseModel() }
