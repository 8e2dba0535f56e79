package bot

import (
	"context"
	"errors"
	"fmt"
	"github.com/wikiwarden/wikiwarden/decision"
	"net/netip"
	"strings"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/mediawiki"
	"github.com/wikiwarden/wikiwarden/store"
)

// actionTimeout bounds one wiki action (revert or block) that is allowed to
// finish after the pass was asked to stop.
const actionTimeout = 2 * time.Minute

// scored is one change ready to be handled: skipped (skip set) or scored.
type scored struct {
	change     mediawiki.Change
	skip       decision.Reason
	edit       *detectors.Edit
	parentUser string // author of the revision before the edit
	results    []detectors.Result
}

// score prepares a chunk of changes: it builds each edit from the fetched
// texts and runs the detectors on it.
func (p *Patroller) score(changes []mediawiki.Change, skips []decision.Reason, revs map[int64]mediawiki.Revision, env *detectors.Env) []scored {
	out := make([]scored, len(changes))
	for i, c := range changes {
		out[i] = scored{change: c, skip: skips[i]}
		newRev, ok := revs[c.RevID]
		oldRev, oldOK := revs[c.OldRevID]
		if out[i].skip == "" && (!ok || newRev.Missing || (c.OldRevID != 0 && (!oldOK || oldRev.Missing))) {
			out[i].skip = decision.SkipMissing
		}
		if out[i].skip != "" {
			continue
		}
		e := &detectors.Edit{
			RevID: c.RevID, OldRevID: c.OldRevID, Title: c.Title, User: c.User, Anon: c.Anon,
			Time: c.Timestamp, Comment: c.Comment, New: newRev.Content,
		}
		if c.OldRevID != 0 {
			e.Old, out[i].parentUser = oldRev.Content, oldRev.User
		}
		out[i].edit, out[i].results = e, p.stack.Score(e, env)
	}
	return out
}

// pageStates holds the current state of the pages a chunk may act on,
// fetched in one request the first time one is needed. A page the bot
// writes to is dropped, so the next look at it asks the wiki again.
type pageStates struct {
	chunk  []scored // the chunk's changes, scored
	titles []string // pages of the chunk's suspicious edits
	pages  map[string]mediawiki.Page
}

func (p *Patroller) page(ctx context.Context, ps *pageStates, title string) (mediawiki.Page, error) {
	if ps.pages == nil {
		ps.pages = map[string]mediawiki.Page{}
		if len(ps.titles) > 0 {
			pages, err := p.wiki.Pages(ctx, ps.titles)
			if err != nil {
				ps.pages = nil
				return mediawiki.Page{}, err
			}
			for t, pg := range pages {
				ps.pages[t] = pg
			}
		}
	}
	if pg, ok := ps.pages[title]; ok {
		return pg, nil
	}
	pages, err := p.wiki.Pages(ctx, []string{title})
	if err != nil {
		return mediawiki.Page{}, err
	}
	pg, ok := pages[title]
	if !ok {
		pg = mediawiki.Page{Title: title, Missing: true}
	}
	ps.pages[title] = pg
	return pg, nil
}

// suspicious lists the titles of a chunk's edits that a decision could
// revert: probe scores over the threshold, or added links.
func (p *Patroller) suspicious(chunk []scored) []string {
	var titles []string
	seen := map[string]bool{}
	pol := Policy{Thresholds: p.opts.Thresholds}
	for _, s := range chunk {
		for _, r := range s.results {
			if (r.Score >= pol.threshold(r.Detector) || len(r.Links) > 0) && !seen[s.change.Title] {
				seen[s.change.Title] = true
				titles = append(titles, s.change.Title)
			}
		}
	}
	return titles
}

// handle decides, acts on and records one change. The record and the
// cursor (the newest change handled so far) are committed together. An error stops the pass: the store
// failed, or the wiki could not take an action now and the edit is left
// for the next pass.
func (p *Patroller) handle(ctx context.Context, sc scored, cursor store.Cursor, ps *pageStates, sum *Summary) error {
	c := sc.change
	ip := anonIP(c)
	rec := store.Record{
		RevID: c.RevID, OldRevID: c.OldRevID, Title: c.Title, User: c.User,
		Anon: c.Anon, Time: c.Timestamp, Seen: p.opts.Now(), DryRun: sum.ObserveOnly != "",
	}
	if ip.IsValid() {
		rec.IP = ip.String()
	}
	h := store.Handled{Cursor: cursor}
	log := p.log.WithFields(logrus.Fields{"rev_id": c.RevID, "title": c.Title, "user": c.User})

	if sc.skip != "" {
		sum.Skipped[sc.skip]++
		rec.Verdict, rec.Action, rec.Why = decision.VerdictSkipped, decision.ActionNone, []decision.Reason{sc.skip}
		h.Record = rec
		return p.commit(ctx, h)
	}
	edit, results := sc.edit, sc.results
	sum.Scored++
	mem, err := p.memory(ctx, edit, ip)
	if err != nil {
		return err
	}
	d := Decide(edit, results, mem, Policy{Thresholds: p.opts.Thresholds})
	rec.Results, rec.Verdict, rec.Action = results, d.Verdict, d.Action
	rec.Why = append(rec.Why, d.Why...)
	h.Events = p.events(edit, ip, d, results)
	if d.Verdict != decision.VerdictOK {
		sum.Flagged++
		for _, r := range results {
			log.WithFields(logrus.Fields{"detector": r.Detector, "score": r.Score, "reasons": reasonText([]detectors.Result{r})}).Debug("scored")
		}
	}

	if d.Reverts() {
		// Finish the action in flight even if the pass is being stopped.
		actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), actionTimeout)
		err := p.act(actx, sc, ip, d, ps, sum, &rec, &h)
		cancel()
		if err != nil {
			// Unrecorded, the edit is the next pass's first.
			return err
		}
		log.WithFields(logrus.Fields{"action": rec.Action, "verdict": rec.Verdict, "reasons": reasonText(results)}).Info(rec.Outcome)
	}
	h.Record = rec
	return p.commit(ctx, h)
}

func (p *Patroller) commit(ctx context.Context, h store.Handled) error {
	// The commit belongs to the action before it: do it even when stopping.
	if err := p.store.Commit(context.WithoutCancel(ctx), h); err != nil {
		return fmt.Errorf("record revision %d: %w", h.Record.RevID, err)
	}
	return nil
}

// anonIP returns the editor's address for an anonymous change.
func anonIP(c mediawiki.Change) netip.Addr {
	if !c.Anon {
		return netip.Addr{}
	}
	ip, err := netip.ParseAddr(c.User)
	if err != nil {
		return netip.Addr{}
	}
	return ip.Unmap()
}

// rangeOf returns the configured range around ip, never wider than the
// wiki's $wgBlockCIDRLimit.
func (p *Patroller) rangeOf(ip netip.Addr) netip.Prefix {
	bits, limit := p.opts.RangePrefixV4, p.site.BlockCIDRLimitV4
	if ip.Is6() {
		bits, limit = p.opts.RangePrefixV6, p.site.BlockCIDRLimitV6
	}
	bits = max(bits, limit)
	pfx, _ := ip.Prefix(bits)
	return pfx
}

// memory asks the store what it knows about this edit's editor and page.
func (p *Patroller) memory(ctx context.Context, e *detectors.Edit, ip netip.Addr) (Memory, error) {
	mem := Memory{FewKnownDomains: p.known < fewKnownDomains}
	since := e.Time.Add(-p.opts.WatchWindow)
	if ip.IsValid() {
		events, err := p.store.IPEvents(ctx, p.rangeOf(ip), since)
		if err != nil {
			return mem, fmt.Errorf("read range history: %w", err)
		}
		for _, ev := range events {
			if ev.RevID == e.RevID || (ev.Kind != store.EventProbe && ev.Kind != store.EventSpam) {
				continue
			}
			if ev.IP.Unmap() == ip {
				mem.IPProbed = true
			} else {
				mem.RangeProbed = true
			}
		}
	}
	events, err := p.store.PageEvents(ctx, e.Title, since)
	if err != nil {
		return mem, fmt.Errorf("read page history: %w", err)
	}
	for _, ev := range events {
		if ev.Kind == store.EventProbe && ev.RevID != e.RevID {
			mem.PageProbed = true
		}
	}
	return mem, nil
}

// events are what the store remembers of a flagged edit, reverted or not.
func (p *Patroller) events(e *detectors.Edit, ip netip.Addr, d decision.Decision, results []detectors.Result) []store.Event {
	base := store.Event{IP: ip, User: e.User, Title: e.Title, RevID: e.RevID, Time: e.Time}
	switch d.Verdict {
	case decision.VerdictProbe:
		ev := base
		ev.Kind = store.EventProbe
		for _, r := range results {
			ev.Tokens = append(ev.Tokens, r.Tokens...)
		}
		return []store.Event{ev}
	case decision.VerdictFollowUpSpam, decision.VerdictLinkSpam:
		ev := base
		ev.Kind = store.EventSpam
		ev.Domains = linkDomains(results)
		return []store.Event{ev}
	}
	return nil
}

func linkDomains(results []detectors.Result) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range results {
		for _, l := range r.Links {
			if l.Domain != "" && !seen[l.Domain] {
				seen[l.Domain] = true
				out = append(out, l.Domain)
			}
		}
	}
	return out
}

// hold records why a flagged edit is left in place.
func hold(sum *Summary, rec *store.Record, why decision.Reason) {
	sum.Held[why]++
	rec.Action = decision.ActionFlag
	rec.Why = append(rec.Why, why)
	rec.Outcome = "not reverted: " + string(why)
}

// act reverts the edit and, for follow-up spam, blocks the editor, unless
// the wiki's current state or the bot's conventions say otherwise. It
// returns an error only for a failure worth retrying (the wiki unavailable
// or lagged): then the edit is left unrecorded, so the next pass retries it.
func (p *Patroller) act(ctx context.Context, sc scored, ip netip.Addr, d decision.Decision, ps *pageStates, sum *Summary, rec *store.Record, h *store.Handled) error {
	if sum.ObserveOnly != "" {
		why := decision.HoldDryRun
		if !p.opts.DryRun {
			why = decision.HoldShutoff
		}
		hold(sum, rec, why)
		return nil
	}
	gone, err := p.revert(ctx, sc, d, ps, sum, rec, h)
	// Block only when the spam is off the page: an edit held back (nobots,
	// later edits by others) is for a human to judge.
	if err != nil || !gone || d.Action != decision.ActionRevertBlock || !ip.IsValid() || !p.opts.Block {
		return err
	}
	return p.block(ctx, sc.edit, ip, sum, rec, h)
}

// revert undoes the edit on the wiki. It reports whether the edit is dealt
// with, so that a block may follow: reverted now, found already gone (this
// bot reverted it before a crash or a lost answer, or someone else did), or
// a page the editor created, which only deletion removes.
func (p *Patroller) revert(ctx context.Context, sc scored, d decision.Decision, ps *pageStates, sum *Summary, rec *store.Record, h *store.Handled) (bool, error) {
	e, results := sc.edit, sc.results
	page, err := p.page(ctx, ps, e.Title)
	if err != nil {
		return false, p.fail(sum, rec, "read page", err)
	}
	if page.Missing {
		hold(sum, rec, decision.HoldDeleted)
		return false, nil
	}
	latest := page.Latest
	if !stillThere(results, latest.Content) {
		p.alreadyGone(ctx, e, d, results, latest, sum, rec, h)
		return true, nil
	}
	if latest.RevID != e.RevID && latest.User != e.User && latest.User != p.account.Name {
		hold(sum, rec, decision.HoldLater)
		return false, nil
	}
	if e.OldRevID == 0 {
		hold(sum, rec, decision.HoldCreated)
		return true, nil
	}
	// The exclusion templates of the page as the revert would leave it: a
	// {{nobots}} the vandal added must not shield the vandalism.
	if BotsDenied(e.Old, p.account.Name) {
		hold(sum, rec, decision.HoldNobots)
		return false, nil
	}
	// One revert per editor and page per cooldown: an editor who comes back
	// after being reverted is left for a human (no edit wars). Edits made
	// before that revert belong to the same visit and are reverted too.
	// Wiki timestamps have whole seconds: an edit in the revert's second
	// counts as after it.
	if last, err := p.store.LastRevert(ctx, e.User, e.Title); err == nil && !e.Time.Before(last.Truncate(time.Second)) && e.Time.Sub(last) < p.opts.RevertCooldown {
		hold(sum, rec, decision.HoldCooldown)
		return false, nil
	} else if err != nil && !errors.Is(err, store.ErrNotFound) {
		return false, p.fail(sum, rec, "read revert history", err)
	}

	summary := EditSummary(p.opts.SummaryPrefix, e, d, results, p.opts.ShutoffPage)
	rec.Summary = summary
	delete(ps.pages, e.Title) // whatever happens next, the page may change
	whole := latest.RevID == e.RevID || p.badRun(ps, e, latest.RevID)
	how, err := p.undo(ctx, e, sc.parentUser, whole, latest, summary)
	if errors.Is(err, mediawiki.ErrAlreadyRolled) {
		// Someone edited in between: look again.
		if page, perr := p.page(ctx, ps, e.Title); perr == nil && !stillThere(results, page.Latest.Content) {
			p.alreadyGone(ctx, e, d, results, page.Latest, sum, rec, h)
			return true, nil
		}
		hold(sum, rec, decision.HoldLater)
		return false, nil
	}
	if err != nil {
		return false, p.fail(sum, rec, "revert", err)
	}
	sum.Reverted++
	rec.Outcome = how
	p.reverted(ctx, e, d, results, h)
	return true, nil
}

// reverted remembers a revert by this bot: the cooldown mark, the spam
// domains, and the blacklist entry for follow-up spam.
func (p *Patroller) reverted(ctx context.Context, e *detectors.Edit, d decision.Decision, results []detectors.Result, h *store.Handled) {
	h.Events = append(h.Events, store.Event{
		Kind: store.EventRevert, IP: anonIPOf(e), User: e.User, Title: e.Title, RevID: e.RevID, Time: p.opts.Now(),
	})
	if d.Verdict == decision.VerdictFollowUpSpam || d.Verdict == decision.VerdictLinkSpam {
		h.SpamDomains = linkDomains(results)
	}
	if d.Verdict == decision.VerdictFollowUpSpam {
		if err := p.blacklist(ctx, h.SpamDomains); err != nil {
			p.log.WithError(err).WithField("rev_id", e.RevID).Error("spam blacklist not updated")
		}
	}
}

// alreadyGone records an edit whose flagged content is no longer on the
// page. If this bot's revision is on top, the revert was its own (before a
// crash, or a write whose answer was lost) and is remembered as such.
func (p *Patroller) alreadyGone(ctx context.Context, e *detectors.Edit, d decision.Decision, results []detectors.Result, latest mediawiki.Revision, sum *Summary, rec *store.Record, h *store.Handled) {
	hold(sum, rec, decision.HoldReverted)
	if latest.User == p.account.Name {
		p.reverted(ctx, e, d, results, h)
	}
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
// page's latest revision top, is in this chunk, by e's editor, and a probe:
// then one rollback reverts the visit's bad edits as one revert.
func (p *Patroller) badRun(ps *pageStates, e *detectors.Edit, top int64) bool {
	pol := Policy{Thresholds: p.opts.Thresholds}
	for _, sc := range ps.chunk {
		c := sc.change
		if c.Title != e.Title || c.RevID <= e.RevID {
			continue
		}
		if c.User != e.User || sc.edit == nil || !isProbe(sc.results, pol) {
			return false
		}
		if c.RevID == top {
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

func anonIPOf(e *detectors.Edit) netip.Addr {
	return anonIP(mediawiki.Change{User: e.User, Anon: e.Anon})
}

// undo reverts the judged edit, and with it only later edits of the same
// visit that are probes too (whole: the editor's run from the judged edit
// to the top is bad), in one action. Rollback when the revision before the
// judged edit is someone else's (rollback takes every consecutive edit of
// the editor, and earlier ones may be good); otherwise undo of the judged
// edit alone, and as a last resort re-save the previous text guarded by
// the base revision. It says which one worked.
func (p *Patroller) undo(ctx context.Context, e *detectors.Edit, parentUser string, whole bool, latest mediawiki.Revision, summary string) (string, error) {
	var rerr error
	if whole && parentUser != e.User {
		rerr = p.wiki.Rollback(ctx, e.Title, e.User, summary)
		if rerr == nil || errors.Is(rerr, mediawiki.ErrAlreadyRolled) {
			return "rolled back", rerr
		}
		p.log.WithError(rerr).WithField("title", e.Title).Warn("rollback failed, trying undo")
	}
	uerr := p.wiki.Undo(ctx, e.Title, e.RevID, summary)
	if uerr == nil {
		return "undone", nil
	}
	if latest.RevID != e.RevID {
		return "", errors.Join(rerr, uerr)
	}
	_, serr := p.wiki.Edit(ctx, mediawiki.EditParams{
		Title: e.Title, Text: e.Old, Summary: summary, BaseRevID: latest.RevID, Bot: true, NoCreate: true,
	})
	if serr == nil {
		return "restored previous text", nil
	}
	return "", errors.Join(rerr, uerr, serr)
}

// block blocks the editor's IP, or its range when several of the range's
// IPs took part, for the next duration of the target's escalation ladder.
func (p *Patroller) block(ctx context.Context, e *detectors.Edit, ip netip.Addr, sum *Summary, rec *store.Record, h *store.Handled) error {
	target := ip.String()
	if p.opts.RangeBlock {
		rng := p.rangeOf(ip)
		events, err := p.store.IPEvents(ctx, rng, e.Time.Add(-p.opts.WatchWindow))
		if err != nil {
			return p.fail(sum, rec, "read range history", err)
		}
		ips := map[netip.Addr]bool{ip: true}
		for _, ev := range events {
			if ev.Kind == store.EventProbe || ev.Kind == store.EventSpam {
				ips[ev.IP.Unmap()] = true
			}
		}
		if len(ips) >= p.opts.RangeMinIPs {
			target = rng.String()
		}
	}
	past, err := p.store.Blocks(ctx, target)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return p.fail(sum, rec, "read block history", err)
	}
	if n := len(past); n > 0 && past[n-1].Time.After(e.Time) {
		// The edit predates the target's last block: same wave, already
		// handled. Escalate only for offences after a block ran out.
		rec.Why = append(rec.Why, decision.HoldBlocked)
		return nil
	}
	expiry := p.opts.BlockDurations[min(len(past), len(p.opts.BlockDurations)-1)]
	reason := fmt.Sprintf("%s link spam following random-token probes ([[Special:Contributions/%s]])", p.opts.SummaryPrefix, e.User)
	err = p.wiki.Block(ctx, mediawiki.BlockParams{
		// Never reblock: an existing block is an administrator's (ours ran
		// out, or the editor could not have edited), and may be longer.
		Target: target, Expiry: expiry, Reason: reason, AnonOnly: true, NoCreate: true,
	})
	if errors.Is(err, mediawiki.ErrAlreadyBlocked) {
		rec.Why = append(rec.Why, decision.HoldBlocked)
		return nil
	}
	if err != nil {
		return p.fail(sum, rec, "block "+target, err)
	}
	sum.Blocked++
	rec.BlockTarget, rec.BlockExpiry = target, expiry
	rec.Action = decision.ActionRevertBlock
	h.Block = &store.Block{Target: target, Expiry: expiry, Time: p.opts.Now(), RevID: e.RevID, Reason: reason}
	p.log.WithFields(logrus.Fields{"rev_id": e.RevID, "target": target, "expiry": expiry, "action": "block"}).Info("blocked")
	return nil
}

// fail records a failed action. It returns err when the failure is worth
// retrying on the next pass (the wiki unavailable, lagged, throttled, or
// too slow), and nil when retrying would fail the same way (no right,
// protected page): such an edit is recorded with its error and passed.
func (p *Patroller) fail(sum *Summary, rec *store.Record, op string, err error) error {
	sum.Errors++
	rec.Outcome = fmt.Sprintf("error: %s: %v", op, err)
	p.log.WithError(err).WithFields(logrus.Fields{"rev_id": rec.RevID, "title": rec.Title}).Error(op + " failed")
	if retryable(err) {
		return fmt.Errorf("%s for revision %d: %w", op, rec.RevID, err)
	}
	return nil
}

func retryable(err error) bool {
	for _, target := range []error{mediawiki.ErrUnavailable, mediawiki.ErrMaxlag, mediawiki.ErrRateLimited,
		mediawiki.ErrNotLoggedIn, mediawiki.ErrMalformed, context.DeadlineExceeded} {
		if errors.Is(err, target) {
			return true
		}
	}
	return false
}

// fewKnownDomains is the size of a domain history below which "new domain"
// is weak evidence (see Memory.FewKnownDomains).
const fewKnownDomains = 50

// reasonText joins the detectors' reasons into one line for the logs.
func reasonText(results []detectors.Result) string {
	var parts []string
	for _, r := range results {
		for _, reason := range r.Reasons {
			parts = append(parts, reason.String())
		}
	}
	return strings.Join(parts, "; ")
}
