package bot

import "github.com/wikiwarden/wikiwarden/detectors"

// LearnedModelHeld reports whether p holds a letter model of its site's
// own in memory (not the shared built-in one).
func LearnedModelHeld(p *Patroller) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.model != nil && p.model != detectors.BaseModel()
}
