package config

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// relativeExpiry is a MediaWiki relative block expiry: a count and a unit,
// such as "31 hours" or "1 Week".
var relativeExpiry = regexp.MustCompile(`(?i)^([0-9]+)\s+(second|minute|hour|day|week|month|year)s?$`)

// expiryLayouts are the absolute expiries accepted: RFC 3339 (fractional
// seconds allowed) and the ISO 8601 forms without zone or time.
var expiryLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"}

// validExpiry reports whether s is a block expiry MediaWiki understands the
// way the bot means it: an infinite keyword, a positive count of a unit, or
// a timestamp. MediaWiki itself passes anything to strtotime, which reads a
// typo such as "1 dya" as something else or fails only when blocking; the
// config rejects it at start-up instead.
func validExpiry(s string) bool {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "infinite", "indefinite", "infinity", "never":
		return true
	}
	if m := relativeExpiry.FindStringSubmatch(s); m != nil {
		n, err := strconv.ParseUint(m[1], 10, 64)
		return err == nil && n > 0
	}
	for _, layout := range expiryLayouts {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}
