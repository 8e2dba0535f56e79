package detectors

import "testing"

// A page creation's length discount counts the words that could be taken
// for a token: every new word when every word is a candidate, fewer when a
// dictionary knows most of them, but still more on a longer page.
func TestRivalWords(t *testing.T) {
	if got := rivalWords(1000, 1000); got != 1000 {
		t.Errorf("all candidates: %v, want 1000", got)
	}
	few := rivalWords(1000, 10)
	if few <= 10 || few >= 1000 {
		t.Errorf("10 candidates of 1000 words: %v, want between", few)
	}
	if longer := rivalWords(4000, 10); longer <= few {
		t.Errorf("a longer page with as many candidates: %v, want more than %v", longer, few)
	}
	if got := rivalWords(50, 0); got < 1 || got > 50 {
		t.Errorf("no candidates: %v", got)
	}
}
