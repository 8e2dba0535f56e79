package mwsite

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/wikiwarden/wikiwarden/mediawiki"
)

// BlacklistLine is the SpamBlacklist extension's entry for domain: a regex
// fragment matching the domain and its subdomains in any link.
func BlacklistLine(domain string) string {
	return `\b` + regexp.QuoteMeta(strings.ToLower(domain)) + `\b`
}

// Blacklist adds domains to the wiki's spam blacklist page, so that
// MediaWiki refuses the next edit adding them before it is saved. Domains
// already listed are left out; the edit is guarded by the page's base
// revision, so a moderator's concurrent change is never overwritten.
// Without Options.SpamBlacklistPage it does nothing.
func (s *Site) Blacklist(ctx context.Context, domains []string) ([]string, error) {
	if s.opts.SpamBlacklistPage == "" || len(domains) == 0 {
		return nil, nil
	}
	title := s.opts.SpamBlacklistPage
	pages, err := s.wiki.Pages(ctx, []string{title})
	if err != nil {
		return nil, classify(fmt.Errorf("read %s: %w", title, err))
	}
	page := pages[title]
	text := page.Latest.Content
	present := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		present[strings.TrimSpace(line)] = true
	}
	var add, added []string // lines and their domains
	for _, d := range domains {
		if l := BlacklistLine(d); !present[l] {
			present[l] = true
			add = append(add, l)
			added = append(added, strings.ToLower(d))
		}
	}
	if len(add) == 0 {
		return nil, nil
	}
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	text += strings.Join(add, "\n") + "\n"
	_, err = s.wiki.Edit(ctx, mediawiki.EditParams{
		Title: title, Text: text, BaseRevID: page.Latest.RevID, Bot: true,
		Summary: fmt.Sprintf("%s add %s, confirmed as follow-up spam", s.opts.SummaryPrefix, strings.Join(added, ", ")),
	})
	if err != nil {
		return nil, classify(fmt.Errorf("edit %s: %w", title, err))
	}
	return added, nil
}
