package spamscore

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDefaultModelFixtures scores the hand-made guards of testdata/: spam
// at or above the bot's "signals" probability, good-faith text below it.
func TestDefaultModelFixtures(t *testing.T) {
	start := time.Now()
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("model decoded in %v", time.Since(start))
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if len(paths) == 0 {
		t.Fatal("no fixtures")
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(p)
		d := Doc{Text: strings.TrimSpace(string(data))}
		r := m.Score(d)
		spam := strings.HasPrefix(name, "spam-")
		if spam && r.Prob < 0.5 || !spam && r.Prob >= 0.5 {
			t.Errorf("%s: p=%.3f", name, r.Prob)
		}
		t.Logf("%s: p=%.3f contacts=%d top=%v", name, r.Prob, len(r.Contacts), m.Explain(d, 4))
	}
}
