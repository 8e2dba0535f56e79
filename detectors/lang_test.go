package detectors

import (
	"slices"
	"testing"
)

// Every stop word is found under each of its languages, and other words
// under none.
func TestStopTable(t *testing.T) {
	for lang, words := range langStopWords {
		bit := uint32(1) << slices.Index(langStop, lang)
		for _, w := range words {
			if stopKey([]byte(w)) == 0 || langStopIndex.get([]byte(w))&bit == 0 {
				t.Errorf("%s stop word %q not found", lang, w)
			}
		}
	}
	for _, w := range []string{"", "th", "thee", "xkqz", "wurden", "straßenbahn"} {
		if set := langStopIndex.get([]byte(w)); set != 0 {
			t.Errorf("get(%q) = %b, want none", w, set)
		}
	}
}
