package bot

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/store"
)

// actionTimeout bounds one site action (revert or block) that is allowed to
// finish after the pass was asked to stop.
const actionTimeout = 2 * time.Minute

// scored is one change ready to be handled: skipped (skip set) or scored.
type scored struct {
	change  Contribution
	skip    decision.Reason
	texts   Texts
	edit    *detectors.Edit
	results []detectors.Result
}

// score prepares a chunk of changes: it builds each edit from the fetched
// texts and runs the detectors on it.
func (p *Patroller) score(changes []Contribution, skips []decision.Reason, texts map[int64]Texts, env *detectors.Env) []scored {
	out := make([]scored, len(changes))
	for i, c := range changes {
		out[i] = scored{change: c, skip: skips[i]}
		t, ok := texts[c.ID]
		if out[i].skip == "" && !ok {
			out[i].skip = decision.SkipMissing
		}
		if out[i].skip != "" {
			continue
		}
		e := &detectors.Edit{
			RevID: c.ID, OldRevID: c.ParentID, Title: c.Place.Title, User: c.Author.Name, Anon: c.Author.Anon,
			Time: c.Time, Comment: c.Comment, New: t.After, Old: t.Before,
		}
		out[i].texts, out[i].edit, out[i].results = t, e, p.stack.Score(e, env)
	}
	return out
}

// pageStates holds the current state of the places a chunk may act on,
// fetched in one request the first time one is needed. A place the bot
// writes to is dropped, so the next look at it asks the site again.
type pageStates struct {
	chunk  []scored // the chunk's changes, scored
	titles []string // places of the chunk's suspicious edits
	pages  map[string]PlaceState
}

func (p *Patroller) place(ctx context.Context, ps *pageStates, title string) (PlaceState, error) {
	if ps.pages == nil {
		ps.pages = map[string]PlaceState{}
		if len(ps.titles) > 0 {
			pages, err := p.site.Places(ctx, ps.titles)
			if err != nil {
				ps.pages = nil
				return PlaceState{}, err
			}
			for t, pg := range pages {
				ps.pages[t] = pg
			}
		}
	}
	if pg, ok := ps.pages[title]; ok {
		return pg, nil
	}
	pages, err := p.site.Places(ctx, []string{title})
	if err != nil {
		return PlaceState{}, err
	}
	pg, ok := pages[title]
	if !ok {
		pg = PlaceState{Title: title, Missing: true}
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
		title := s.change.Place.Title
		for _, r := range s.results {
			if (r.Score >= pol.threshold(r.Detector) || len(r.Links) > 0) && !seen[title] {
				seen[title] = true
				titles = append(titles, title)
			}
		}
	}
	return titles
}

// handle decides, acts on and records one change. The record and the
// cursor (the newest change handled so far) are committed together. An
// error stops the pass: the store failed, or the site could not take an
// action now and the edit is left for the next pass.
func (p *Patroller) handle(ctx context.Context, sc scored, cursor store.Cursor, ps *pageStates, sum *Summary) error {
	c := sc.change
	rec := store.Record{
		RevID: c.ID, OldRevID: c.ParentID, Title: c.Place.Title, User: c.Author.Name,
		Anon: c.Author.Anon, Time: c.Time, Seen: p.opts.Now(), DryRun: sum.ObserveOnly != "",
	}
	if c.Author.IP.IsValid() {
		rec.IP = c.Author.IP.String()
	}
	h := store.Handled{Cursor: cursor}

	if sc.skip != "" {
		sum.Skipped[sc.skip]++
		rec.Verdict, rec.Action, rec.Why = decision.VerdictSkipped, decision.ActionNone, []decision.Reason{sc.skip}
		h.Record = rec
		return p.commit(ctx, h)
	}
	edit, results := sc.edit, sc.results
	sum.Scored++
	mem, err := p.memory(ctx, edit, c.Author.IP)
	if err != nil {
		return err
	}
	d := Decide(edit, results, mem, Policy{Thresholds: p.opts.Thresholds})
	rec.Results, rec.Verdict, rec.Action = results, d.Verdict, d.Action
	rec.Why = append(rec.Why, d.Why...)
	h.Record = rec
	h.Events = p.events(sc, d)
	if d.Verdict != decision.VerdictOK {
		sum.Flagged++
		for _, r := range results {
			p.logger(c).WithFields(logrus.Fields{"detector": r.Detector, "score": r.Score, "reasons": reasonText([]detectors.Result{r})}).Debug("scored")
		}
	}
	if !d.Reverts() {
		return p.commit(ctx, h)
	}
	// Finish the action in flight even if the pass is being stopped.
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), actionTimeout)
	outs := p.act(actx, sc, d, ps, sum.ObserveOnly)
	cancel()
	if err := p.fold(&h, sum, sc, d, outs); err != nil {
		// Unrecorded, the edit is the next pass's first.
		return err
	}
	p.logger(c).WithFields(logrus.Fields{"action": h.Record.Action, "verdict": h.Record.Verdict, "reasons": reasonText(results)}).Info(h.Record.Outcome)
	return p.commit(ctx, h)
}

func (p *Patroller) logger(c Contribution) logrus.FieldLogger {
	return p.log.WithFields(logrus.Fields{"rev_id": c.ID, "title": c.Place.Title, "user": c.Author.Name})
}

func (p *Patroller) commit(ctx context.Context, h store.Handled) error {
	// The commit belongs to the action before it: do it even when stopping.
	if err := p.store.Commit(context.WithoutCancel(ctx), h); err != nil {
		return fmt.Errorf("record revision %d: %w", h.Record.RevID, err)
	}
	return nil
}

// Outcome is what one action step (remove, block, blacklist) did. The
// handler folds a change's outcomes into its record, the memory and the
// pass summary in one place (fold).
type Outcome struct {
	Code    decision.Outcome
	Hold    decision.Reason // held: why; not blocked: decision.HoldBlocked
	How     string          // reverted: how ("rolled back", "undone", ...)
	Summary string          // the site's edit summary or deletion reason
	Ours    bool            // already reverted: by this bot (its version is on top)
	Block   *store.Block    // blocked: the block placed
	Domains []string        // blacklisted: the domains added
	Op      string          // failed: the step that failed
	Err     error           // failed: why
}

func held(why decision.Reason) Outcome { return Outcome{Code: decision.OutcomeHeld, Hold: why} }

func failed(op string, err error) Outcome {
	return Outcome{Code: decision.OutcomeFailed, Op: op, Err: err}
}

// opBlacklist names the blacklist step: its failure leaves the revert
// standing and the edit recorded.
const opBlacklist = "blacklist"

// gone reports whether the contribution is off its place, or is a page only
// deletion removes: a block may follow.
func (o Outcome) gone() bool {
	switch o.Code {
	case decision.OutcomeReverted, decision.OutcomeAlreadyReverted, decision.OutcomeDeleted, decision.OutcomeTagged:
		return true
	}
	return o.Code == decision.OutcomeHeld && o.Hold == decision.HoldCreated
}

// ours reports whether the contribution was removed by this bot, now or
// before a crash: the revert is remembered.
func (o Outcome) ours() bool {
	return o.Code == decision.OutcomeReverted || o.Code == decision.OutcomeDeleted ||
		(o.Code == decision.OutcomeAlreadyReverted && o.Ours)
}

// fold writes a change's outcomes into its record and the memory to commit
// (h), and counts them in the pass summary. It returns an error, after
// counting, when a step failed for a reason that may pass: then nothing is
// committed and the next pass retries the change.
func (p *Patroller) fold(h *store.Handled, sum *Summary, sc scored, d decision.Decision, outs []Outcome) error {
	rec, c := &h.Record, sc.change
	var retry error
	for _, o := range outs {
		switch o.Code {
		case decision.OutcomeHeld, decision.OutcomeAlreadyReverted:
			why := o.Hold
			if o.Code == decision.OutcomeAlreadyReverted {
				why = decision.HoldReverted
			}
			sum.Held[why]++
			rec.Action = decision.ActionFlag
			rec.Why = append(rec.Why, why)
			rec.Outcome = "not reverted: " + string(why)
		case decision.OutcomeReverted:
			sum.Reverted++
			rec.Outcome, rec.Summary = o.How, o.Summary
		case decision.OutcomeDeleted:
			// A deleted page is a removed contribution: counted as reverted.
			sum.Reverted++
			rec.Outcome, rec.Summary = "page deleted", o.Summary
		case decision.OutcomeTagged:
			// Tagged for deletion, the page waits for an administrator.
			sum.Held[decision.HoldCreated]++
			rec.Action = decision.ActionFlag
			rec.Why = append(rec.Why, decision.HoldCreated)
			rec.Outcome, rec.Summary = "tagged for deletion", o.Summary
		case decision.OutcomeBlocked:
			sum.Blocked++
			rec.BlockTarget, rec.BlockExpiry = o.Block.Target, o.Block.Expiry
			rec.Action = decision.ActionRevertBlock
			h.Block = o.Block
			p.log.WithFields(logrus.Fields{"rev_id": c.ID, "target": o.Block.Target, "expiry": o.Block.Expiry, "action": "block"}).Info("blocked")
		case decision.OutcomeNotBlocked:
			rec.Why = append(rec.Why, o.Hold)
		case decision.OutcomeCleaned:
			rec.Outcome += ", then " + o.How
			p.logger(c).WithField("action", "clean").Info(o.How)
		case decision.OutcomeBlacklisted:
			p.logger(c).WithField("domains", strings.Join(o.Domains, ",")).Info("spam blacklist updated")
		case decision.OutcomeFailed:
			if o.Op == opBlacklist {
				p.logger(c).WithError(o.Err).Error("spam blacklist not updated")
				continue
			}
			sum.Errors++
			rec.Outcome = fmt.Sprintf("error: %s: %v", o.Op, o.Err)
			if o.Summary != "" {
				rec.Summary = o.Summary
			}
			p.logger(c).WithError(o.Err).Error(o.Op + " failed")
			if transient(o.Err) {
				retry = fmt.Errorf("%s for revision %d: %w", o.Op, c.ID, o.Err)
			}
		}
		if o.ours() {
			// The cooldown mark, and the spam domains confirmed by the revert.
			h.Events = append(h.Events, store.Event{
				Kind: store.EventRevert, IP: c.Author.IP, User: c.Author.Name, Title: c.Place.Title, RevID: c.ID, Time: p.opts.Now(),
			})
			if isSpam(d) {
				h.SpamDomains = linkDomains(sc.results)
			}
		}
	}
	return retry
}

func isSpam(d decision.Decision) bool {
	return d.Verdict == decision.VerdictFollowUpSpam || d.Verdict == decision.VerdictLinkSpam
}

// rangeOf returns the configured range around ip, never wider than the
// site allows.
func (p *Patroller) rangeOf(ip netip.Addr) netip.Prefix {
	bits, limit := p.opts.RangePrefixV4, p.self.WidestV4
	if ip.Is6() {
		bits, limit = p.opts.RangePrefixV6, p.self.WidestV6
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
func (p *Patroller) events(sc scored, d decision.Decision) []store.Event {
	c := sc.change
	base := store.Event{IP: c.Author.IP, User: c.Author.Name, Title: c.Place.Title, RevID: c.ID, Time: c.Time}
	switch d.Verdict {
	case decision.VerdictProbe:
		ev := base
		ev.Kind = store.EventProbe
		ev.Tokens = tokens(sc.results)
		return []store.Event{ev}
	case decision.VerdictFollowUpSpam, decision.VerdictLinkSpam:
		ev := base
		ev.Kind = store.EventSpam
		ev.Domains = linkDomains(sc.results)
		return []store.Event{ev}
	}
	return nil
}

func tokens(results []detectors.Result) []string {
	var out []string
	for _, r := range results {
		out = append(out, r.Tokens...)
	}
	return out
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

// grounds are the decision and its evidence, as the site names them.
func grounds(d decision.Decision, results []detectors.Result) Grounds {
	return Grounds{Decision: d, Tokens: tokens(results), Domains: linkDomains(results)}
}

// act removes the edit and, for follow-up spam, blocks the editor, unless
// the site's current state or the bot's conventions say otherwise. Each
// step returns its outcome; a step runs only when the one before allows it.
// observe, when set, is why the pass must not write.
func (p *Patroller) act(ctx context.Context, sc scored, d decision.Decision, ps *pageStates, observe string) []Outcome {
	if observe != "" {
		if p.opts.DryRun {
			return []Outcome{held(decision.HoldDryRun)}
		}
		return []Outcome{held(decision.HoldShutoff)}
	}
	out := p.remove(ctx, sc, d, ps)
	outs := []Outcome{out}
	if out.ours() && isSpam(d) {
		if o, ok := p.clean(ctx, sc); ok {
			outs = append(outs, o)
		}
	}
	if out.ours() && d.Verdict == decision.VerdictFollowUpSpam {
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
	if latest.ID != c.ID && latest.Author != c.Author.Name && latest.Author != p.self.Name {
		return held(decision.HoldLater)
	}
	if c.ParentID == 0 {
		return p.removePlace(ctx, sc, d, ps, latest)
	}
	// One revert per editor and page per cooldown: an editor who comes back
	// after being reverted is left for a human (no edit wars). Edits made
	// before that revert belong to the same visit and are reverted too.
	// Site timestamps have whole seconds: an edit in the revert's second
	// counts as after it.
	if last, err := p.store.LastRevert(ctx, c.Author.Name, c.Place.Title); err == nil && !c.Time.Before(last.Truncate(time.Second)) && c.Time.Sub(last) < p.opts.RevertCooldown {
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
	past, err := p.store.Blocks(ctx, target)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return failed("read block history", err)
	}
	if n := len(past); n > 0 && past[n-1].Time.After(c.Time) {
		// The edit predates the target's last block: same wave, already
		// handled. Escalate only for offences after a block ran out.
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
	return Outcome{Code: decision.OutcomeBlocked, Block: &store.Block{Target: target, Expiry: expiry, Time: p.opts.Now(), RevID: c.ID, Reason: b.Reason}}
}

// offenders counts the distinct addresses of rng whose own edits the bot
// confirmed as probe or spam by their content: every other address with a
// probe or spam event in the watch window, and the judged editor's address
// only when it probed before or this edit's own content is probe or spam
// (not merely its association with a probing range).
func (p *Patroller) offenders(ctx context.Context, sc scored, d decision.Decision, rng netip.Prefix) (int, error) {
	c := sc.change
	ip := c.Author.IP
	events, err := p.store.IPEvents(ctx, rng, c.Time.Add(-p.opts.WatchWindow))
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
