package bot

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

// blacklist adds confirmed spam domains to the wiki's spam blacklist page,
// so that MediaWiki refuses the next edit adding them before it is saved.
// Domains already listed are left out; the edit is guarded by the page's
// base revision, so a moderator's concurrent change is never overwritten.
func (p *Patroller) blacklist(ctx context.Context, domains []string) error {
	if p.opts.SpamBlacklistPage == "" || len(domains) == 0 {
		return nil
	}
	// A spam edit may carry a link to a site the wiki already cites; only
	// domains new to the wiki are blacklisted.
	known, err := p.store.Domains(ctx)
	if err != nil {
		return fmt.Errorf("read known domains: %w", err)
	}
	title := p.opts.SpamBlacklistPage
	pages, err := p.wiki.Pages(ctx, []string{title})
	if err != nil {
		return fmt.Errorf("read %s: %w", title, err)
	}
	page := pages[title]
	text := page.Latest.Content
	present := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		present[strings.TrimSpace(line)] = true
	}
	var add, added []string // lines and their domains
	for _, d := range domains {
		if known.Known[d] {
			continue
		}
		if l := BlacklistLine(d); !present[l] {
			present[l] = true
			add = append(add, l)
			added = append(added, strings.ToLower(d))
		}
	}
	if len(add) == 0 {
		return nil
	}
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	text += strings.Join(add, "\n") + "\n"
	_, err = p.wiki.Edit(ctx, mediawiki.EditParams{
		Title: title, Text: text, BaseRevID: page.Latest.RevID, Bot: true,
		Summary: fmt.Sprintf("%s add %s, confirmed as follow-up spam", p.opts.SummaryPrefix, strings.Join(added, ", ")),
	})
	if err != nil {
		return fmt.Errorf("edit %s: %w", title, err)
	}
	return nil
}
