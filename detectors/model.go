package detectors

// Model is a character n-gram model of the wiki's normal text.
type Model struct{}
