package mwsite

import (
	"regexp"
	"strings"
)

// The {{bots}} and {{nobots}} exclusion templates, as documented at
// https://en.wikipedia.org/wiki/Template:Bots. Matching is case-insensitive
// and ignores whitespace around names.
var (
	nobotsRe = regexp.MustCompile(`(?i)\{\{\s*nobots\s*(\|[^}]*)?\}\}`)
	botsRe   = regexp.MustCompile(`(?i)\{\{\s*bots\s*(\|[^}]*)?\}\}`)
)

// BotsDenied reports whether the page text excludes the bot named botName
// with {{nobots}} or {{bots|allow=...}} / {{bots|deny=...}}.
func BotsDenied(text, botName string) bool {
	if nobotsRe.MatchString(text) {
		return true
	}
	name := strings.ToLower(strings.TrimSpace(botName))
	for _, m := range botsRe.FindAllStringSubmatch(text, -1) {
		for _, param := range strings.Split(strings.TrimPrefix(m[1], "|"), "|") {
			key, value, ok := strings.Cut(param, "=")
			if !ok {
				continue
			}
			names := map[string]bool{}
			for _, n := range strings.Split(value, ",") {
				names[strings.ToLower(strings.TrimSpace(n))] = true
			}
			switch strings.ToLower(strings.TrimSpace(key)) {
			case "deny":
				if names["all"] || names[name] {
					return true
				}
			case "allow":
				if names["none"] || (!names["all"] && !names[name]) {
					return true
				}
			}
		}
	}
	return false
}
