package config

import (
	"fmt"
	"strconv"
	"time"
)

// Farm is the "farm" section: how "wikiwarden run" shares one machine
// among many sites. Each site keeps its own schedule; a pass that comes
// due waits for a free worker.
type Farm struct {
	// Workers is how many passes (and model refreshes) run at once, over
	// all sites; the others wait their turn in the order they came due.
	// From 1 to 256.
	Workers int `yaml:"workers"`
	// PassTimeout bounds one pass of a site, so a site that hangs holds a
	// worker for at most this long (the pass finishes its action in
	// flight and the next one goes on from there). At least the sites'
	// timeout.
	PassTimeout Duration `yaml:"pass_timeout"`
	// MaxBackoff is the longest a failing site is left alone: after a pass
	// that failed (the site down, a timeout) its next passes are skipped
	// for 30 s, twice that after each further failure in a row, up to
	// this; the first pass that works ends it.
	MaxBackoff Duration `yaml:"max_backoff"`
}

// FarmBackoff is how long a site is left alone after its first failed
// pass in a row.
const FarmBackoff = 30 * time.Second

// DefaultFarm is the farm section's defaults.
func DefaultFarm() Farm {
	return Farm{Workers: 4, PassTimeout: Duration(10 * time.Minute), MaxBackoff: Duration(15 * time.Minute)}
}

// farm checks the farm section.
func (v *validator) farm(c *Config) {
	f := c.Farm
	if f.Workers < 1 || f.Workers > 256 {
		v.add("farm.workers", "must be from 1 to 256, got "+strconv.Itoa(f.Workers), "use e.g. 4 (more for many slow sites)")
	}
	v.positive("farm.pass_timeout", f.PassTimeout, "10m")
	if f.MaxBackoff < Duration(FarmBackoff) {
		v.add("farm.max_backoff", fmt.Sprintf("must be at least %s, got %s", Duration(FarmBackoff), f.MaxBackoff), `use e.g. "15m"`)
	}
	if f.PassTimeout <= 0 {
		return
	}
	key, longest := "wiki.timeout", c.Wiki.Timeout
	if len(c.Sites) > 0 {
		longest = 0
	}
	for _, s := range c.Sites {
		if s.Timeout > longest {
			key, longest = "sites."+s.Name+".timeout", s.Timeout
		}
	}
	if f.PassTimeout < longest {
		v.add("farm.pass_timeout", fmt.Sprintf("%s is shorter than %s (%s)", f.PassTimeout, key, longest),
			fmt.Sprintf("give a pass at least one request's time, e.g. pass_timeout: %s", max(longest, DefaultFarm().PassTimeout)))
	}
}
