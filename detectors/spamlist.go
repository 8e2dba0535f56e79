package detectors

import (
	"regexp"
	"strings"
)

// SpamList is a wiki's list of spam URL patterns in the format of the
// SpamBlacklist extension (MediaWiki:Spam-blacklist, MediaWiki:Spam-whitelist):
// one regular-expression fragment a line, matched against a link's host
// and path after "http://", "#" starting a comment. A nil SpamList matches
// nothing.
type SpamList struct {
	re    *regexp.Regexp
	lines int // patterns in use
	bad   int // patterns Go's regexp syntax does not accept (PCRE-only), left out
}

// ParseSpamList reads a spam list's text. Lines Go cannot compile are left
// out and counted (Bad).
func ParseSpamList(text string) *SpamList {
	var ok []string
	l := &SpamList{}
	for _, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if _, err := regexp.Compile(`(?i)` + line); err != nil {
			l.bad++
			continue
		}
		ok = append(ok, "(?:"+line+")")
	}
	l.lines = len(ok)
	if len(ok) > 0 {
		// As the extension does: the pattern may match anywhere after the
		// scheme, from the start of a host label on.
		l.re = regexp.MustCompile(`(?i)^https?://+[a-z0-9_\-.]*(?:` + strings.Join(ok, "|") + `)`)
	}
	return l
}

// Len returns the number of patterns in use.
func (l *SpamList) Len() int {
	if l == nil {
		return 0
	}
	return l.lines
}

// Bad returns the number of patterns left out because Go's regular
// expressions cannot read them.
func (l *SpamList) Bad() int {
	if l == nil {
		return 0
	}
	return l.bad
}

// Match reports whether a link to domain (a registrable domain or a host)
// is on the list.
func (l *SpamList) Match(domain string) bool {
	if l == nil || l.re == nil || domain == "" {
		return false
	}
	return l.re.MatchString("http://"+domain+"/") || l.re.MatchString("http://www."+domain+"/")
}
