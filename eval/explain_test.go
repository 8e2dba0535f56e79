package eval

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExplain lists the worst false positive and miss with their reasons.
func TestExplain(t *testing.T) {
	corpus := strings.Join([]string{
		`{"id":"spam","label":"vandalism","kind":"spam-de","old":"Text.","new":"Text.\n[http://guenstige-kredite-sofort.de/angebot Günstige Kredite] Sofortkredit ohne Schufa"}`,
		`{"id":"miss","label":"vandalism","kind":"nonsense","old":"Text.","new":"Text. I like cheese."}`,
		`{"id":"good","label":"regular","old":"Text.","new":"Text. More text."}`,
	}, "\n")
	path := filepath.Join(t.TempDir(), "c.jsonl")
	if err := os.WriteFile(path, []byte(corpus), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	rep, err := Run(context.Background(), Options{Corpus: path, Explain: 2}, &out, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.FalsePositives) != 0 || len(rep.Misses) != 1 || rep.Misses[0].ID != "miss" {
		t.Errorf("false positives %+v, misses %+v", rep.FalsePositives, rep.Misses)
	}
	if m := rep.ByKind["spam-de"]; m.TP != 1 {
		t.Errorf("German spam not reverted: %+v", m)
	}
	if !strings.Contains(out.String(), "worst misses (1)") {
		t.Errorf("report:\n%s", out.String())
	}
}
