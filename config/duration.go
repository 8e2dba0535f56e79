package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

const (
	day  = 24 * time.Hour
	week = 7 * day
)

// Duration is a time.Duration that reads and writes in a form people type
// into a config file: Go durations ("90s", "1h30m", "720h") plus days and
// weeks ("30d", "2w", "1w2d12h"), which time.ParseDuration lacks and
// retention periods need. Negative durations are rejected.
type Duration time.Duration

// ParseDuration parses s as described on Duration.
func ParseDuration(s string) (Duration, error) {
	rest := strings.TrimSpace(s)
	if rest == "" {
		return 0, fmt.Errorf("empty duration")
	}
	if rest[0] == '-' {
		return 0, fmt.Errorf("negative duration")
	}
	if rest == "0" {
		return 0, nil
	}
	var total time.Duration
	for rest != "" {
		// One number and its unit.
		i := 0
		for i < len(rest) && (rest[i] >= '0' && rest[i] <= '9' || rest[i] == '.') {
			i++
		}
		if i == 0 {
			return 0, fmt.Errorf("expected a number before %q", rest)
		}
		j := i
		for j < len(rest) && !(rest[j] >= '0' && rest[j] <= '9' || rest[j] == '.') {
			j++
		}
		num, unit := rest[:i], rest[i:j]
		rest = rest[j:]
		var d time.Duration
		switch unit {
		case "":
			return 0, fmt.Errorf("missing unit after %s", num)
		case "d", "w":
			n, err := strconv.ParseFloat(num, 64)
			if err != nil {
				return 0, fmt.Errorf("bad number %q", num)
			}
			per := day
			if unit == "w" {
				per = week
			}
			f := n * float64(per)
			if f > float64(1<<63-1) {
				return 0, fmt.Errorf("too long")
			}
			d = time.Duration(f)
		default:
			var err error
			d, err = time.ParseDuration(num + unit)
			if err != nil {
				return 0, fmt.Errorf("unknown unit %q", unit)
			}
		}
		if total+d < total {
			return 0, fmt.Errorf("too long")
		}
		total += d
	}
	return Duration(total), nil
}

// String formats d in the largest whole unit that fits: "2w", "30d", or a
// Go duration without trailing zero units ("36h", "1h30m", "90s").
func (d Duration) String() string {
	t := time.Duration(d)
	switch {
	case t == 0:
		return "0s"
	case t > 0 && t%week == 0:
		return strconv.FormatInt(int64(t/week), 10) + "w"
	case t > 0 && t%day == 0:
		return strconv.FormatInt(int64(t/day), 10) + "d"
	}
	s := t.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// UnmarshalYAML reads a scalar in any form ParseDuration accepts.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("want a duration, got %s", describeNode(n))
	}
	v, err := ParseDuration(n.Value)
	if err != nil {
		return fmt.Errorf("invalid duration %q: %v", n.Value, err)
	}
	*d = v
	return nil
}

// MarshalYAML writes d as String does, which UnmarshalYAML reads back.
func (d Duration) MarshalYAML() (any, error) { return d.String(), nil }
