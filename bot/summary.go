package bot

import (
	"fmt"
	"github.com/wikiwarden/wikiwarden/decision"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/wikiwarden/wikiwarden/detectors"
)

// maxSummary keeps edit summaries inside MediaWiki's 500-character limit
// with room for the wiki's own additions.
const maxSummary = 400

// EditSummary is the summary of a revert: who is reverted, why in words a
// reader of the page history understands, and how to stop the bot.
func EditSummary(prefix string, e *detectors.Edit, d decision.Decision, results []detectors.Result, shutoff string) string {
	var why string
	switch d.Verdict {
	case decision.VerdictProbe:
		why = "random-letter probe " + quoteList(tokens(results), "token", "tokens")
	case decision.VerdictFollowUpSpam:
		from := "on a page a botnet probed"
		if slices.Contains(d.Why, decision.WhyFollowUpIP) || slices.Contains(d.Why, decision.WhyFollowUpRange) {
			from = "from an address or range that probed this wiki"
		}
		why = "link spam " + from + ": " + quoteList(linkDomains(results), "link to", "links to")
	case decision.VerdictLinkSpam:
		why = "link spam: " + quoteList(linkDomains(results), "link to", "links to")
	default:
		why = string(d.Verdict)
	}
	s := fmt.Sprintf("%s reverted edit by [[Special:Contributions/%s|%s]]: %s", prefix, e.User, e.User, why)
	if shutoff != "" {
		s += fmt.Sprintf(" ([[%s|stop the bot]])", shutoff)
	}
	if len(s) > maxSummary {
		cut := maxSummary - len("…")
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

func tokens(results []detectors.Result) []string {
	var out []string
	for _, r := range results {
		out = append(out, r.Tokens...)
	}
	return out
}

func quoteList(items []string, one, many string) string {
	if len(items) == 0 {
		return ""
	}
	const most = 3
	word := one
	if len(items) > 1 {
		word = many
	}
	shown := items
	if len(shown) > most {
		shown = shown[:most]
	}
	q := make([]string, len(shown))
	for i, it := range shown {
		q[i] = "<nowiki>" + it + "</nowiki>"
	}
	s := word + " " + strings.Join(q, ", ")
	if len(items) > most {
		s += fmt.Sprintf(" and %d more", len(items)-most)
	}
	return s
}
