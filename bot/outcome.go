package bot

import (
	"fmt"
	"strings"

	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/store"
)

// Outcome is what one action step (remove, delete or tag, clean, block,
// blacklist) did. The handler folds a change's outcomes into its record, the
// memory and the pass summary in one place (fold); the steps themselves
// change nothing but the site.
type Outcome struct {
	Code    decision.Outcome
	Hold    decision.Reason // held: why; not blocked: decision.HoldBlocked
	How     string          // reverted: how ("rolled back", "undone", ...)
	Summary string          // the site's edit summary or deletion reason
	Ours    bool            // already reverted: by this bot (its version is on top)
	// Again, on a hold: a later edit of the same pass that may be reverted
	// too sits on top, so the removal is tried again at the next pass.
	Again   bool
	Block   *store.Block // blocked: the block placed
	Domains []string     // blacklisted: the domains added
	Op      string       // failed: the step that failed
	Err     error        // failed: why
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
// counting, when a step failed for a reason that may pass: then the caller
// records the change's action as pending, for a later pass to retry.
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
			if len(o.Domains) > 0 {
				p.logger(c).WithField("domains", strings.Join(o.Domains, ",")).Info("spam blacklist updated")
			}
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
			if isSpam(d) && ContentConfirmed(d) {
				h.SpamDomains = linkDomains(sc.results)
			}
		}
	}
	return retry
}
