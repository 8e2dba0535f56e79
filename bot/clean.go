package bot

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/store"
)

// cleanDepth is how many of a place's latest versions the cleanup after a
// spam revert reads to find the version before the campaign.
const cleanDepth = 20

// clean makes sure that no probe token of the spammer's campaign survives
// on the place after the bot removed the spam: removing the spam restores
// the version before it, and with it a probe the bot missed or held back.
// The campaign is the spammer's address and its range; its tokens are
// those of the probe events the store has from the range, and those the
// probe detector finds in what the campaign's run of versions added.
//
// When only the campaign's versions (and the bot's) follow the last
// version before them, that version is restored; otherwise the tokens are
// cut out of the text. Either way in one edit guarded by the bot's own
// version on top: after anyone else's edit the place is left for a human.
// ok is false when there was nothing to do.
func (p *Patroller) clean(ctx context.Context, sc scored) (o Outcome, ok bool) {
	c := sc.change
	if !c.Author.IP.IsValid() {
		return Outcome{}, false
	}
	rng := p.rangeOf(c.Author.IP)
	events, err := p.ipEvents(ctx, rng, c.Time.Add(-p.opts.WatchWindow))
	if err != nil {
		return failed("read range history", err), true
	}
	var toks []string
	for _, ev := range events {
		if ev.Kind == store.EventProbe {
			toks = append(toks, ev.Tokens...)
		}
	}
	hist, err := p.site.History(ctx, c.Place.Title, cleanDepth)
	if errors.Is(err, ErrUnsupported) {
		return Outcome{}, false // no versions (a forum post): removing it took all its text
	}
	if err != nil {
		return failed("read page history", err), true
	}
	if len(hist) == 0 || hist[0].Author != p.self.Name {
		return Outcome{}, false
	}
	top := hist[0]
	i := 0
	for i < len(hist) && (hist[i].Author == p.self.Name || (hist[i].IP.IsValid() && rng.Contains(hist[i].IP.Unmap()))) {
		i++
	}
	var base *Version
	if i < len(hist) {
		base = &hist[i]
		toks = append(toks, p.missedTokens(base.Text, top.Text)...)
	}
	var present []string
	for _, t := range toks {
		if t != "" && !slices.Contains(present, t) && tokenRe(t).MatchString(top.Text) {
			present = append(present, t)
		}
	}
	if len(present) == 0 {
		return Outcome{}, false
	}
	rw := Rewrite{Place: c.Place, Top: top.ID, Tokens: present}
	if base != nil && !slices.ContainsFunc(present, func(t string) bool { return tokenRe(t).MatchString(base.Text) }) {
		rw.Text, rw.Restored = base.Text, base.ID
	} else {
		rw.Text = top.Text
		for _, t := range present {
			rw.Text = tokenRe(t).ReplaceAllString(rw.Text, "")
		}
	}
	done, err := p.site.Rewrite(ctx, rw)
	switch {
	case errors.Is(err, ErrDenied), errors.Is(err, ErrConflict), errors.Is(err, ErrAlreadyDone):
		// The place excludes the bot or moved on: a human's call.
		p.logger(c).WithError(err).Warn("probe tokens left on the page")
		return Outcome{}, false
	case err != nil:
		return failed("remove probe tokens", err), true
	}
	return Outcome{Code: decision.OutcomeCleaned, How: done.How, Summary: done.Summary}, true
}

// missedTokens are the probe tokens the detector finds in what after adds
// to before.
func (p *Patroller) missedTokens(before, after string) []string {
	e := &detectors.Edit{Old: before, New: after, Anon: true}
	return detectors.Probe(&detectors.Input{Edit: e, Added: detectors.Diff(before, after), Env: &detectors.Env{Model: p.model}}).Tokens
}

// tokenRe matches a probe token as a whole word, with one space before it
// (the one a probe inserts it with).
func tokenRe(tok string) *regexp.Regexp {
	return regexp.MustCompile(fmt.Sprintf(`[ \t]?\b%s\b`, regexp.QuoteMeta(tok)))
}
