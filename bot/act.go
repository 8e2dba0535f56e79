package bot

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"time"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/store"
)

// act removes the edit (or deletes or tags the page it created), cleans
// the page of its campaign's probe tokens after spam, blacklists the
// domains of follow-up spam and blocks its editor, unless the site's
// current state or the bot's conventions say otherwise. Each step returns
// its outcome and changes nothing but the site; a step runs only when the
// one before allows it. observe, when set, is why the pass must not write.
func (p *Patroller) act(ctx context.Context, sc scored, d decision.Decision, ps *pageStates, observe string) []Outcome {
	if observe != "" {
		if p.opts.DryRun {
			return []Outcome{held(decision.HoldDryRun)}
		}
		return []Outcome{held(decision.HoldShutoff)}
	}
	out := p.remove(ctx, sc, d, ps)
	outs := []Outcome{out}
	if o, ok := p.notify(ctx, sc, d, out); ok {
		outs = append(outs, o)
	}
	if out.ours() && isSpam(d) {
		if o, ok := p.clean(ctx, sc); ok {
			outs = append(outs, o)
		}
	}
	if out.ours() && d.Verdict == decision.VerdictFollowUpSpam && ContentConfirmed(d) {
		outs = append(outs, p.blacklist(ctx, sc))
	}
	// Block only when the spam is off the page: an edit held back (nobots,
	// later edits by others) is for a human to judge.
	if !out.gone() || d.Action != decision.ActionRevertBlock || !sc.change.Author.IP.IsValid() || !p.opts.Block {
		return outs
	}
	return append(outs, p.block(ctx, sc, d))
}

// remove takes the edit off its place. It is dealt with when reverted now,
// found already gone (this bot reverted it before a crash or a lost answer,
// or someone else did), or a page the editor created, which only deletion
// removes.
func (p *Patroller) remove(ctx context.Context, sc scored, d decision.Decision, ps *pageStates) Outcome {
	c, e, results := sc.change, sc.edit, sc.results
	page, err := p.place(ctx, ps, c.Place.Title)
	if err != nil {
		return failed("read page", err)
	}
	if page.Missing {
		return held(decision.HoldDeleted)
	}
	latest := page.Latest
	if !stillThere(results, latest.Text) {
		return p.alreadyGone(latest)
	}
	// Never over a later editor: only the editor's own later edits, or the
	// bot's, may sit on top.
	if !page.Standalone && latest.ID != c.ID && latest.Author != c.Author.Name && latest.Author != p.self.Name {
		o := held(decision.HoldLater)
		o.Again = p.suspectOnTop(ps, latest.ID)
		return o
	}
	if c.ParentID == 0 {
		return p.removePlace(ctx, sc, d, ps, latest)
	}
	// One revert per editor and page per cooldown: an editor who comes back
	// after being reverted is left for a human (no edit wars). Edits made
	// before that revert belong to the same visit and are reverted too.
	// Site timestamps have whole seconds: an edit in the revert's second
	// counts as after it.
	if last, err := p.lastRevert(ctx, c.Author.Name, c.Place.Title); err == nil && !c.Time.Before(last.Truncate(time.Second)) && c.Time.Sub(last) < p.opts.RevertCooldown {
		return held(decision.HoldCooldown)
	} else if err != nil && !errors.Is(err, store.ErrNotFound) {
		return failed("read revert history", err)
	}

	delete(ps.pages, c.Place.Title) // whatever happens next, the page may change
	whole := latest.ID == c.ID || p.badRun(ps, e, latest.ID)
	removed, err := p.site.Remove(ctx, Removal{Contribution: c, Texts: sc.texts, Top: latest.ID, Whole: whole, Grounds: grounds(d, results)})
	switch {
	case errors.Is(err, ErrDenied):
		return held(decision.HoldNobots)
	case errors.Is(err, ErrAlreadyDone), errors.Is(err, ErrConflict):
		// Someone edited in between: look again.
		if page, perr := p.place(ctx, ps, c.Place.Title); perr == nil && !stillThere(results, page.Latest.Text) {
			return p.alreadyGone(page.Latest)
		}
		return held(decision.HoldLater)
	case err != nil:
		o := failed("revert", err)
		o.Summary = removed.Summary
		return o
	}
	return Outcome{Code: decision.OutcomeReverted, How: removed.How, Summary: removed.Summary}
}

// suspectOnTop reports whether the version on top of a page is a change of
// this chunk that a decision could revert: stacked spam from two addresses
// of one botnet, where the later edit's revert bares the earlier one.
func (p *Patroller) suspectOnTop(ps *pageStates, top int64) bool {
	pol := Policy{Thresholds: p.opts.Thresholds}
	for _, s := range ps.chunk {
		if s.change.ID != top || s.skip != "" {
			continue
		}
		for _, r := range s.results {
			if r.Score >= pol.threshold(r.Detector) || len(r.Links) > 0 {
				return true
			}
		}
	}
	return false
}

// removePlace deletes or tags a page the judged edit created. The bot's
// own version on top is its tag, from a pass that crashed before recording.
func (p *Patroller) removePlace(ctx context.Context, sc scored, d decision.Decision, ps *pageStates, latest Version) Outcome {
	c := sc.change
	delete(ps.pages, c.Place.Title)
	r, err := p.site.RemovePlace(ctx, Removal{Contribution: c, Texts: sc.texts, Top: latest.ID, Current: latest.Text, Grounds: grounds(d, sc.results)})
	switch {
	case err != nil:
		return failed("delete page", err)
	case r.Deleted:
		return Outcome{Code: decision.OutcomeDeleted, Summary: r.Summary}
	case r.Tagged:
		return Outcome{Code: decision.OutcomeTagged, Summary: r.Summary}
	}
	return held(decision.HoldCreated)
}

// alreadyGone is the outcome for an edit whose flagged content is no longer
// on the page. If this bot's version is on top, the revert was its own
// (before a crash, or a write whose answer was lost).
func (p *Patroller) alreadyGone(latest Version) Outcome {
	return Outcome{Code: decision.OutcomeAlreadyReverted, Ours: latest.Author == p.self.Name}
}

// blacklist adds the spam domains new to the site to its spam blacklist.
func (p *Patroller) blacklist(ctx context.Context, sc scored) Outcome {
	doms := linkDomains(sc.results)
	if len(doms) == 0 {
		return Outcome{Code: decision.OutcomeBlacklisted}
	}
	// A spam edit may carry a link to a site the wiki already cites; only
	// domains new to the site are blacklisted.
	known, err := p.store.Domains(ctx)
	if err != nil {
		return failed(opBlacklist, fmt.Errorf("read known domains: %w", err))
	}
	// A domain a moderator confirmed as spam is blacklisted even when the
	// site links to it; one they called good never is.
	known = withFeedback(known, p.wordState.fbDomains, p.wordState.fbSpam)
	var add []string
	for _, d := range doms {
		if !known.Known[d] {
			add = append(add, d)
		}
	}
	added, err := p.site.Blacklist(ctx, add)
	if err != nil {
		return failed(opBlacklist, err)
	}
	return Outcome{Code: decision.OutcomeBlacklisted, Domains: added}
}

// stillThere reports whether any of the tokens or links the detectors
// flagged are on the page's current text. With nothing to look for, it
// assumes they are.
func stillThere(results []detectors.Result, text string) bool {
	looked := false
	for _, r := range results {
		for _, t := range r.Tokens {
			looked = true
			if strings.Contains(text, t) {
				return true
			}
		}
		for _, l := range r.Links {
			looked = true
			if strings.Contains(text, l.URL) || (l.Domain != "" && strings.Contains(strings.ToLower(text), l.Domain)) {
				return true
			}
		}
	}
	return !looked
}

// badRun reports whether every change after e on its page, up to the
// page's latest version top, is in this chunk, by e's editor, and a probe:
// then one removal takes the visit's bad edits as one revert.
func (p *Patroller) badRun(ps *pageStates, e *detectors.Edit, top int64) bool {
	pol := Policy{Thresholds: p.opts.Thresholds}
	for _, sc := range ps.chunk {
		c := sc.change
		if c.Place.Title != e.Title || c.ID <= e.RevID {
			continue
		}
		if c.Author.Name != e.User || sc.edit == nil || !isProbe(sc.results, pol) {
			return false
		}
		if c.ID == top {
			return true
		}
	}
	return false
}

func isProbe(results []detectors.Result, pol Policy) bool {
	for _, r := range results {
		if r.Detector == "probe" && r.Score >= pol.threshold("probe") {
			return true
		}
	}
	return false
}

// block blocks the editor's IP, or its range when enough of the range's
// addresses are confirmed offenders, for the next duration of the target's
// escalation ladder.
func (p *Patroller) block(ctx context.Context, sc scored, d decision.Decision) Outcome {
	c := sc.change
	ip := c.Author.IP
	target := ip.String()
	if p.opts.RangeBlock {
		rng := p.rangeOf(ip)
		n, err := p.offenders(ctx, sc, d, rng)
		if err != nil {
			return failed("read range history", err)
		}
		if n >= p.opts.RangeMinIPs {
			target = rng.String()
		}
	}
	past, err := p.blocks(ctx, target)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return failed("read block history", err)
	}
	if n := len(past); n > 0 && past[n-1].Time.After(c.Time) {
		// The edit predates the target's last block: same wave, already
		// handled. Escalate only for offences after a block ran out.
		return Outcome{Code: decision.OutcomeNotBlocked, Hold: decision.HoldBlocked}
	}
	if n := len(past); n > 0 && inForce(past[n-1], p.opts.Now()) {
		// The bot's own block holds: another request would only be
		// refused (alreadyblocked), or double a block whose answer the
		// site lost.
		return Outcome{Code: decision.OutcomeNotBlocked, Hold: decision.HoldBlocked}
	}
	expiry := p.opts.BlockDurations[min(len(past), len(p.opts.BlockDurations)-1)]
	b, err := p.site.Block(ctx, BlockRequest{Target: target, Expiry: expiry, Author: c.Author, Contribution: c.ID})
	if errors.Is(err, ErrAlreadyDone) {
		return Outcome{Code: decision.OutcomeNotBlocked, Hold: decision.HoldBlocked}
	}
	if err != nil {
		return failed("block "+target, err)
	}
	if b.Existing {
		// Placed by an earlier request whose answer was lost: the bot's
		// block, recorded as such so the ladder goes on from it.
		p.logger(c).WithField("target", target).Info("block found in force, placed by the bot")
	}
	return Outcome{Code: decision.OutcomeBlocked, Block: &store.Block{Target: target, Expiry: expiry, Time: p.opts.Now(), RevID: c.ID, Reason: b.Reason, ID: b.ID}}
}

// offenders counts the distinct addresses of rng whose own edits the bot
// confirmed as probe or spam by their content: every other address with a
// probe or spam event in the watch window, and the judged editor's address
// only when it probed before or this edit's own content is probe or spam
// (not merely its association with a probing range).
func (p *Patroller) offenders(ctx context.Context, sc scored, d decision.Decision, rng netip.Prefix) (int, error) {
	c := sc.change
	ip := c.Author.IP
	events, err := p.ipEvents(ctx, rng, c.Time.Add(-p.opts.WatchWindow))
	if err != nil {
		return 0, err
	}
	ips := map[netip.Addr]bool{}
	if p.confirmed(sc, d) {
		ips[ip] = true
	}
	for _, ev := range events {
		a := ev.IP.Unmap()
		switch {
		case ev.RevID == c.ID:
		case a != ip && (ev.Kind == store.EventProbe || ev.Kind == store.EventSpam):
			ips[a] = true
		case a == ip && ev.Kind == store.EventProbe:
			ips[a] = true
		}
	}
	return len(ips), nil
}

// confirmed reports whether the edit's own content is a probe or spam: a
// probe verdict, or links the link detector judges spam by themselves.
func (p *Patroller) confirmed(sc scored, d decision.Decision) bool {
	if d.Verdict == decision.VerdictProbe || d.Verdict == decision.VerdictLinkSpam {
		return true
	}
	pol := Policy{Thresholds: p.opts.Thresholds}
	for _, r := range sc.results {
		if r.Detector == "links" && r.Score >= pol.threshold("links") {
			return true
		}
	}
	return false
}
