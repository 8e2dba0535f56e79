package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/detectors"
)

// TestExplainInjected: -explain ID -injected explains the record with the
// probe of -band that the recall run injects, and says whether recall
// counted it; without -injected the record is explained as it is.
func TestExplainInjected(t *testing.T) {
	text := "The garden behind the old house has a pond with three small fish. " +
		"Every spring the neighbours come over to help us plant tomatoes and beans, " +
		"and in the autumn we share what grew with the people who live along the street."
	its := []item{{set: "test/tune", id: "rec1", hi: len(text),
		edit: detectors.Edit{Anon: true, New: text, Format: detectors.FormatMarkdown}}}
	defer func(id string, inj bool, band string) { explainID, injected, missBand = id, inj, band }(explainID, injected, missBand)
	explainID, missBand = "rec1", "8-12"
	for _, band := range []string{"8-12", "6-7"} {
		missBand, injected = band, true
		var sb strings.Builder
		rec := recall(&sb, its, &detectors.Env{}, 1)
		out := sb.String()
		m := regexp.MustCompile(`(?m)^  probe ("[^"]*") score ([\d.]+) flagged (true|false) \[(\w+)\]`).FindStringSubmatch(out)
		if !strings.HasPrefix(out, "rec1: score ") || m == nil {
			t.Fatalf("band %s: no explained probe in\n%s", band, out)
		}
		tok, _ := strconv.Unquote(m[1])
		lo, hi := 8, 12
		if band == "6-7" {
			lo, hi = 6, 7
		}
		if len(tok) < lo || len(tok) > hi || strings.Contains(text, tok) {
			t.Errorf("band %s: explained probe %q is not a %s draw", band, tok, band)
		}
		if m[4] != "prose" {
			t.Errorf("band %s: probe %q placed %s, want prose", band, tok, m[4])
		}
		if hit := strings.HasPrefix(rec[band], "1/1"); (m[3] == "true") != hit {
			t.Errorf("band %s: explained flagged=%s but recall %s", band, m[3], rec[band])
		}
		if traceFn != nil && !strings.Contains(out, "    "+m[1]) {
			t.Errorf("band %s: the trace has no line of %s:\n%s", band, m[1], out)
		}
		if strings.Count(out, "rec1: score") != 1 {
			t.Errorf("band %s: want the one injected draw explained, got\n%s", band, out)
		}
	}
	injected = false
	var sb strings.Builder
	recall(&sb, its, &detectors.Env{}, 1)
	if sb.Len() != 0 {
		t.Errorf("without -injected the recall run explains nothing, got\n%s", sb.String())
	}
}
