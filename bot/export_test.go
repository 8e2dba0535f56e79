package bot

import "github.com/wikiwarden/wikiwarden/detectors"

// LearnedModelHeld reports whether p holds a letter model of its site's
// own in memory (not the shared built-in one).
func LearnedModelHeld(p *Patroller) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.model != nil && p.model != detectors.BaseModel()
}

// WithoutRejudge switches p's second look at a pass's unreverted edits
// off: what a pass did before it.
func WithoutRejudge(p *Patroller) *Patroller {
	p.noRejudge = true
	return p
}

// WithoutLookBack limits p's second look to the pass's own edits: what a
// pass did before it took the edits earlier passes left alone.
func WithoutLookBack(p *Patroller) *Patroller {
	p.noLookBack = true
	return p
}
