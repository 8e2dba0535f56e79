package mwsite

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/decision"
)

// maxSummary keeps edit summaries inside MediaWiki's 500-character limit
// with room for the wiki's own additions.
const maxSummary = 400

// EditSummary is the summary of a revert of user's edit: who is reverted,
// why in words a reader of the page history understands, and how to stop
// the bot.
func EditSummary(prefix, user string, g bot.Grounds, shutoff string) string {
	s := fmt.Sprintf("%s reverted edit by [[Special:Contributions/%s|%s]]: %s", prefix, user, user, why(g))
	if shutoff != "" {
		s += fmt.Sprintf(" ([[%s|stop the bot]])", shutoff)
	}
	return truncate(s)
}

// why says in words why the bot acts.
func why(g bot.Grounds) string {
	d := g.Decision
	var why string
	switch d.Verdict {
	case decision.VerdictProbe:
		why = "random-letter probe " + quoteList(g.Tokens, "token", "tokens")
	case decision.VerdictFollowUpSpam:
		from := "on a page a botnet probed"
		if slices.Contains(d.Why, decision.WhyFollowUpIP) || slices.Contains(d.Why, decision.WhyFollowUpRange) {
			from = "from an address or range that probed this wiki"
		}
		why = "link spam " + from + ": " + quoteList(g.Domains, "link to", "links to")
	case decision.VerdictLinkSpam:
		why = "link spam: " + quoteList(g.Domains, "link to", "links to")
	default:
		why = string(d.Verdict)
	}
	return why
}

// truncate cuts s to maxSummary bytes on a rune boundary.
func truncate(s string) string {
	if len(s) > maxSummary {
		cut := maxSummary - len("…")
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
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
