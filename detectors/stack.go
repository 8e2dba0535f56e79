package detectors

import (
	"fmt"
	"strings"
)

// registry lists the detectors in the fixed order the stack runs them.
var registry = [...]struct {
	name string
	fn   Func
}{
	{ProbeName, Probe},
	{LinksName, Links},
}

// Names returns the names of the known detectors, in the order a stack runs
// them.
func Names() []string {
	out := make([]string, len(registry))
	for i, d := range registry {
		out[i] = d.name
	}
	return out
}

// Stack runs a set of enabled detectors over edits. It is immutable and safe
// for concurrent use.
type Stack struct {
	names []string
	fns   []Func
}

// NewStack returns a stack running the named detectors. The stack runs them
// in the fixed order of Names whatever the order of names; duplicates are
// ignored. An unknown name is an error naming it.
func NewStack(names []string) (*Stack, error) {
	want := make(map[string]bool, len(names))
	for _, n := range names {
		known := false
		for _, d := range registry {
			if d.name == n {
				known = true
				break
			}
		}
		if !known {
			return nil, fmt.Errorf("unknown detector %q (known: %s)", n, strings.Join(Names(), ", "))
		}
		want[n] = true
	}
	s := &Stack{}
	for _, d := range registry {
		if want[d.name] {
			s.names = append(s.names, d.name)
			s.fns = append(s.fns, d.fn)
		}
	}
	return s, nil
}

// Names returns the stack's detectors in the order it runs them.
func (s *Stack) Names() []string { return append([]string(nil), s.names...) }

// Score reads the edit's lines and diffs them once for every detector
// (readLines) and returns each enabled detector's result, in the stack's
// order. env may be nil; a nil edit scores as an empty one.
func (s *Stack) Score(e *Edit, env *Env) []Result {
	if env == nil {
		env = &Env{}
	}
	if e == nil {
		e = &Edit{}
	}
	in, added := readLines(&Input{Edit: e, Env: env})
	in.Added = added
	out := make([]Result, len(s.fns))
	for i, fn := range s.fns {
		out[i] = fn(in)
	}
	return out
}
