package bot_test

import (
	"context"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/sirupsen/logrus/hooks/test"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/internal/testcorpus"
)

// modelSample is real articles' wikitext (the shared corpus), a little more
// than the letter model needs to learn from: a site's sample pages.
func modelSample(t testing.TB) []string {
	t.Helper()
	var sample []string
	size := 0
	files, _ := filepath.Glob(filepath.Join(testcorpus.Require(t, testcorpus.WikitextDir), "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sample = append(sample, string(data))
		if size += len(data); size > 60_000 {
			break
		}
	}
	return sample
}

// TestIdleSiteRestsItsModel: an idle pass lets the site's learned letter
// model go; the next pass with an edit to judge reads it back from the
// store and judges with it.
func TestIdleSiteRestsItsModel(t *testing.T) {
	r := newFrig(t)
	sample := modelSample(t)
	var reqs atomic.Int64
	site := &simSite{fakeSite: r.site, sample: sample, reqs: &reqs}
	log, _ := test.NewNullLogger()
	p, err := bot.New(r.opts, site, r.store, log)
	if err != nil {
		t.Fatal(err)
	}
	pass := func() bot.Summary {
		t.Helper()
		sum, err := p.Pass(context.Background())
		if err != nil {
			t.Fatalf("pass: %v", err)
		}
		r.tick()
		return sum
	}
	if sum := pass(); sum.Read == 0 || !bot.LearnedModelHeld(p) {
		t.Fatalf("first pass read %d edits, learned model held: %v", sum.Read, bot.LearnedModelHeld(p))
	}
	for i := range 2 {
		if sum := pass(); sum.Read != 0 || bot.LearnedModelHeld(p) {
			t.Fatalf("idle pass %d read %d edits, learned model held: %v", i, sum.Read, bot.LearnedModelHeld(p))
		}
	}
	r.probe("198.51.100.7")
	if sum := pass(); sum.Reverted != 1 || !bot.LearnedModelHeld(p) {
		t.Fatalf("pass with a probe reverted %d, learned model held: %v", sum.Reverted, bot.LearnedModelHeld(p))
	}
	pass() // reads the bot's own revert
	if sum := pass(); sum.Read != 0 || bot.LearnedModelHeld(p) {
		t.Fatalf("the next idle pass read %d edits, learned model held: %v", sum.Read, bot.LearnedModelHeld(p))
	}
}
