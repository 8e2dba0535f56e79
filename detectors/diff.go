package detectors

// Added is the text an edit added, computed once per edit by Diff and shared
// by every detector.
type Added struct {
	Lines []string // lines of the new text that the old text does not have, in order
}
