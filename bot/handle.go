package bot

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"time"
	"unicode"

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
			Lang: c.Lang, Format: detectors.Format(c.Format),
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

// handle decides and acts on one change, and returns what to record: the
// record, the memory, and a pending action when the site failed to carry
// out the decision (retry: the pending action this is a retry of). The
// caller commits it with the cursor. An error stops the pass: the store
// failed.
func (p *Patroller) handle(ctx context.Context, ps *passState, sc scored, pages *pageStates, sum *Summary, retry *store.Pending) (store.Handled, error) {
	c := sc.change
	rec := store.Record{
		RevID: c.ID, OldRevID: c.ParentID, Title: c.Place.Title, User: c.Author.Name,
		Anon: c.Author.Anon, Time: c.Time, Seen: p.opts.Now(), DryRun: sum.ObserveOnly != "",
	}
	if c.Author.IP.IsValid() {
		rec.IP = c.Author.IP.String()
	}
	h := store.Handled{ClearPending: retry != nil}
	p.noteChange(c)
	if sc.skip == "" && p.wordState.fbTrusted[c.Author.Name] {
		sc.skip = decision.SkipTrusted // a moderator vouched for this editor
	}

	if sc.skip != "" {
		sum.Skipped[sc.skip]++
		rec.Verdict, rec.Action, rec.Why = decision.VerdictSkipped, decision.ActionNone, []decision.Reason{sc.skip}
		h.Record = rec
		return h, nil
	}
	edit, results := sc.edit, sc.results
	sum.Scored++
	mem, err := p.memory(ctx, edit, c.Author.IP)
	if err != nil {
		return h, err
	}
	d := Decide(edit, results, mem, Policy{Thresholds: p.opts.Thresholds})
	p.learnSpam(ctx, sc, d)
	if retry == nil {
		ps.rejudge.note(sc, d)
	}
	rec.Results, rec.Verdict, rec.Action = results, d.Verdict, d.Action
	rec.Why = append(rec.Why, d.Why...)
	h.Record = rec
	if retry == nil {
		// A retry's events were remembered with its first record.
		h.Events = p.events(sc, d)
	}
	if d.Verdict != decision.VerdictOK {
		sum.Flagged++
		for _, r := range results {
			p.logger(c).WithFields(logrus.Fields{"detector": r.Detector, "score": r.Score, "reasons": reasonText([]detectors.Result{r})}).Debug("scored")
		}
	}
	if !d.Reverts() {
		return h, nil
	}
	if ps.failing != nil && sum.ObserveOnly == "" {
		// The site failed an action of this pass: do not press it.
		p.defer1(&h, sum, d, retry, fmt.Errorf("not tried: the site is failing: %w", ps.failing), false)
		return h, nil
	}
	// Finish the action in flight even if the pass is being stopped.
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), actionTimeout)
	outs := p.act(actx, sc, d, pages, sum.ObserveOnly)
	cancel()
	if err := p.fold(&h, sum, sc, d, outs); err != nil {
		ps.failed(err)
		p.defer1(&h, sum, d, retry, err, true)
		return h, nil
	}
	ps.succeeded()
	if retry == nil && slices.ContainsFunc(outs, func(o Outcome) bool { return o.Again }) {
		// A suspicious later edit sits on top: once it is judged (and
		// perhaps reverted), the next pass looks at this one again.
		p.defer1(&h, sum, d, retry, errors.New("a later suspicious edit sits on top of it"), false)
		if ps.again == nil {
			ps.again = map[int64]bool{}
		}
		ps.again[c.ID] = true
	}
	p.logger(c).WithFields(logrus.Fields{"action": h.Record.Action, "verdict": h.Record.Verdict, "reasons": reasonText(results)}).Info(h.Record.Outcome)
	return h, nil
}

// defer1 records a decided action the site did not carry out as pending,
// or, once its retry budget is spent, sets it aside for a human. attempted
// says whether the site was asked this time (and failed with cause).
func (p *Patroller) defer1(h *store.Handled, sum *Summary, d decision.Decision, retry *store.Pending, cause error, attempted bool) {
	now := p.opts.Now()
	pd := store.Pending{
		ID: h.Record.RevID, Title: h.Record.Title, User: h.Record.User, Action: d.Action,
		First: now, Next: now, LastError: cause.Error(),
	}
	if retry != nil {
		pd.Attempts, pd.First = retry.Attempts, retry.First
	}
	if attempted {
		pd.Attempts++
		pd.Next = now.Add(p.backoff(pd.Attempts))
	}
	h.ClearPending = false
	log := p.logger(Contribution{ID: h.Record.RevID, Place: Place{Title: h.Record.Title}, Author: Author{Name: h.Record.User}}).
		WithError(cause).WithFields(logrus.Fields{"action": d.Action, "attempts": pd.Attempts})
	budget := (p.opts.RetryAttempts > 0 && pd.Attempts >= p.opts.RetryAttempts) ||
		(p.opts.RetryMaxAge > 0 && now.Sub(pd.First) >= p.opts.RetryMaxAge)
	if attempted && budget {
		why := fmt.Sprintf("retry budget spent: %d attempts in %s", pd.Attempts, now.Sub(pd.First).Round(time.Second))
		h.SetAside = &store.SetAside{Pending: pd, Reason: why, Time: now}
		h.Record.Outcome = fmt.Sprintf("set aside, needs a human: %s: %v", why, cause)
		sum.SetAside++
		log.Error("action set aside: needs a human")
		return
	}
	h.Pending = &pd
	h.Record.Outcome = fmt.Sprintf("pending (attempt %d): %v", pd.Attempts, cause)
	if attempted {
		log.WithField("next", pd.Next).Warn("action pending: retried at a later pass")
	}
}

// backoff is how long a pending action waits after its nth failed attempt:
// nothing after the first, which the client already retried a few times
// seconds apart (a light fault: the next pass takes it up again), then
// RetryBackoff, doubling with each attempt, at most an hour.
func (p *Patroller) backoff(n int) time.Duration {
	if n <= 1 {
		return 0
	}
	b := p.opts.RetryBackoff
	for i := 2; i < n && b < time.Hour; i++ {
		b *= 2
	}
	return min(b, time.Hour)
}

func (p *Patroller) logger(c Contribution) logrus.FieldLogger {
	return p.log.WithFields(logrus.Fields{"rev_id": c.ID, "title": c.Place.Title, "user": c.Author.Name})
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
		events, err := p.ipEvents(ctx, p.rangeOf(ip), since)
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
	events, err := p.pageEvents(ctx, e.Title, since)
	if err != nil {
		return mem, fmt.Errorf("read page history: %w", err)
	}
	for _, ev := range events {
		if ev.Kind == store.EventProbe && ev.RevID != e.RevID {
			mem.PageProbed = true
		}
	}
	if ip.IsValid() {
		// Spam events are recorded only for content the bot confirmed.
		own, err := p.ipEvents(ctx, netip.PrefixFrom(ip, ip.BitLen()), since)
		if err != nil {
			return mem, fmt.Errorf("read editor history: %w", err)
		}
		for _, ev := range own {
			if ev.RevID == e.RevID {
				continue
			}
			if ev.Kind == store.EventSpam {
				mem.EditorSpammed = true
			}
			// A registered account (a forum's, whose posts carry their
			// address) whose own earlier post the bot confirmed as a
			// probe is the campaign's account: its spam is its second
			// offence, and it is blocked like a repeat spammer. The
			// follow-up rules, which judge an address by its
			// neighbours, stay for anonymous editors only.
			if !e.Anon && ev.Kind == store.EventProbe && ev.User == e.User {
				mem.EditorSpammed = true
			}
		}
	}
	for _, w := range addedWords(e) {
		if p.wordState.allowed(w) {
			// A moderator or the allow-list says it is a real word:
			// its earlier use as a probe token was the bot's mistake.
			continue
		}
		evs, err := p.tokenEvents(ctx, w)
		if err != nil {
			return mem, fmt.Errorf("read token history: %w", err)
		}
		for _, ev := range evs {
			// A token the page already held is not this edit's.
			if ev.Kind == store.EventProbe && ev.RevID != e.RevID && !strings.Contains(e.Old, w) {
				mem.KnownToken = true
			}
		}
		if mem.KnownToken {
			break
		}
	}
	return mem, nil
}

// maxTokenLookups bounds the store look-ups of one edit's added words.
const maxTokenLookups = 200

// addedWords returns the distinct words of 4 or more letters and digits on
// the lines the edit adds: the candidates for a token the store remembers
// from a probe.
func addedWords(e *detectors.Edit) []string {
	var out []string
	seen := map[string]bool{}
	for _, line := range detectors.Diff(e.Old, e.New).Lines {
		for _, w := range strings.FieldsFunc(line, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if len(w) < 4 || seen[w] {
				continue
			}
			seen[w] = true
			out = append(out, w)
			if len(out) == maxTokenLookups {
				return out
			}
		}
	}
	return out
}

// events are what the store remembers of an edit the bot confirmed as a
// probe or spam by its content, reverted or not: a flag, or a revert on
// memory alone (a plain link from a probing range), confirms nothing about
// the editor and must not make them a "probing IP".
func (p *Patroller) events(sc scored, d decision.Decision) []store.Event {
	if d.Verdict != decision.VerdictProbe && !ContentConfirmed(d) {
		return nil
	}
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
