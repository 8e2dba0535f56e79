package bot

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/store"
)

// A campaign's follow-up wave comes in one stretch of recent changes: the
// same advert from new addresses, some from the probing range on the
// probed pages, the rest from unrelated addresses on other pages. A pass
// judges its edits in order against the memory as it was at the pass's
// start (the confirmed spam domains and the site's spam layer), so a copy
// judged before a sibling whose revert taught that memory never benefits
// from it, and no later pass judges it again. The pass therefore looks
// again, once its reverts taught the memory, at its own edits with links
// that it did not revert, and decides each as a pass that met it after
// its siblings would: the same Decide, the same memory rules, with the
// memory as the pass left it. Good faith keeps every protection Decide
// gives it (a domain the wiki cites or a reputable source is never
// reverted on memory alone; a neighbour is flagged, never reverted on
// memory alone), and only a decision that now reverts is acted on: a
// second look never turns a revert into less.
//
// A wave split across passes (a pass every few minutes, a wave spread over
// tens of minutes) leaves its first copies with earlier passes, which
// judged them before any sibling's revert. So the second look also takes,
// from the store's records, the site's edits of the last rejudgeLookBack
// (or the watch window, when shorter) with links that an earlier pass
// left alone (action none), and decides them in the same way: their texts
// are read again through the site, and one that now reverts is handled as
// a retry, its place looked at again before any write (a later editor's
// edit on top means a flag, never a revert).

// maxRejudge bounds the edits a pass looks at again (their texts are
// read again, chunkIDs revisions a request): a wave larger than that is a
// flood the site's own defences must take.
const maxRejudge = 500

// rejudgeLookBack is how far back the second look takes the edits earlier
// passes left alone (by their edit time): a follow-up wave spreads over
// tens of minutes to hours, and a copy older than that is a human's to
// find. The watch window bounds it when shorter.
const rejudgeLookBack = 6 * time.Hour

// rejudgeState is what a pass keeps for its second look.
type rejudgeState struct {
	// taught is set once the pass reverted an edit with links as spam:
	// the site's spam layer gained an example, and the revert confirms
	// its domains.
	taught bool
	// format is the markup of the edit whose revert taught the memory:
	// the site's, which the store's records do not keep.
	format Format
	// unreverted are the pass's scored edits with links whose decision did
	// not revert, in the order they were judged (at most maxRejudge).
	unreverted []firstLook
}

// firstLook is an edit the pass did not revert, and its first verdict.
// Its texts are read again for the second look: a pass keeps no texts.
type firstLook struct {
	change  Contribution
	verdict decision.Verdict
}

// note keeps what the pass's decision d on sc means for the second look.
func (rs *rejudgeState) note(sc scored, d decision.Decision) {
	if !hasLinks(sc.results) {
		return
	}
	switch {
	case d.Reverts() && isSpam(d):
		rs.taught, rs.format = true, sc.change.Format
	case !d.Reverts() && d.Verdict != decision.VerdictProbe && len(rs.unreverted) < maxRejudge:
		rs.unreverted = append(rs.unreverted, firstLook{sc.change, d.Verdict})
	}
}

// rejudge is the pass's second look (see above). It runs after the pass
// committed what it handled, so the memory read here holds the pass's
// confirmed spam domains and its events. An edit whose decision now
// reverts is handled again, as a retry is: the site's current state is
// looked at before any write (a later edit, someone's revert), and its
// record, example and events replace or join the first ones in the store
// (the store keeps one record and one example per revision). The rest
// keep their first record. Nothing is looked at twice within a pass, and
// a pass that did not teach the memory looks at nothing.
func (p *Patroller) rejudge(ctx context.Context, ps *passState, sum *Summary) error {
	rs := &ps.rejudge
	todo := rs.unreverted
	rs.unreverted = nil
	if !rs.taught || ps.failing != nil || ctx.Err() != nil {
		return nil
	}
	if err := p.flush(ctx); err != nil {
		return err
	}
	if !p.noLookBack {
		earlier, err := p.leftAlone(ctx, todo, rs.format)
		if err != nil {
			return err
		}
		todo = append(todo, earlier...)
	}
	if len(todo) == 0 {
		return nil
	}
	env, err := p.envWithoutModel(ctx)
	if err != nil {
		return err
	}
	pol := Policy{Thresholds: p.opts.Thresholds}
	first := make(map[int64]decision.Verdict, len(todo))
	for start := 0; start < len(todo); start += chunkIDs / 2 {
		if ctx.Err() != nil || ps.failing != nil {
			return nil // kept as first recorded
		}
		look := todo[start:min(start+chunkIDs/2, len(todo))] // two revisions each
		cs := make([]Contribution, len(look))
		for i, f := range look {
			cs[i], first[f.change.ID] = f.change, f.verdict
		}
		skips := make([]decision.Reason, len(cs))
		texts, err := p.texts(ctx, cs, skips)
		if err != nil {
			// Kept as first recorded: the second look is no action of
			// its own to retry.
			p.log.WithError(err).Warn("second look at the pass's edits not taken")
			return nil
		}
		var again []scored
		for _, sc := range p.score(cs, skips, texts, env) {
			if sc.skip != "" {
				continue
			}
			mem, err := p.memory(ctx, sc.edit, sc.change.Author.IP)
			if err != nil {
				return err
			}
			if Decide(sc.edit, sc.results, mem, pol).Reverts() {
				again = append(again, sc)
			}
		}
		if err := p.handleAgain(ctx, ps, again, first, sum); err != nil {
			return err
		}
	}
	return nil
}

// handleAgain handles the edits the second look now reverts, as a retry
// is handled, and commits them; it counts what they did once more in sum
// (the edits were read and scored by the first look).
func (p *Patroller) handleAgain(ctx context.Context, ps *passState, again []scored, first map[int64]decision.Verdict, sum *Summary) error {
	if len(again) == 0 {
		return nil
	}
	pages := &pageStates{chunk: again, titles: p.suspicious(again)}
	for _, sc := range again {
		if ctx.Err() != nil || ps.failing != nil {
			break // kept as first recorded
		}
		scratch := Summary{Skipped: map[decision.Reason]int{}, Held: map[decision.Reason]int{}, ObserveOnly: sum.ObserveOnly}
		h, err := p.handle(ctx, ps, sc, pages, &scratch, nil)
		if err != nil {
			return err
		}
		h.Cursor = store.Cursor{} // the cursor stays where the pass put it
		sum.Reverted += scratch.Reverted
		sum.Blocked += scratch.Blocked
		sum.Errors += scratch.Errors
		sum.SetAside += scratch.SetAside
		for k, v := range scratch.Held {
			sum.Held[k] += v
		}
		if first[sc.change.ID] == decision.VerdictOK {
			sum.Flagged += scratch.Flagged
		}
		p.batch = append(p.batch, h)
	}
	return p.flush(ctx)
}

// recordsStore is the store's look at its records, newest edit first.
type recordsStore interface {
	Records(ctx context.Context, q store.Query) ([]store.Record, error)
}

// leftAlone returns the edits with links of the last rejudgeLookBack (or
// watch window) that earlier passes scored and left alone, newest first,
// so that with the pass's own (seen) they are at most maxRejudge. They
// are read in format, the site's markup. A store that keeps no records
// has none.
func (p *Patroller) leftAlone(ctx context.Context, seen []firstLook, format Format) ([]firstLook, error) {
	rs, ok := p.store.(recordsStore)
	room := maxRejudge - len(seen)
	if !ok || room <= 0 {
		return nil, nil
	}
	back := rejudgeLookBack
	if w := p.opts.WatchWindow; w > 0 && w < back {
		back = w
	}
	recs, err := rs.Records(ctx, store.Query{
		Since:    p.opts.Now().Add(-back),
		Verdicts: []decision.Verdict{decision.VerdictOK, decision.VerdictFollowUpSpam, decision.VerdictLinkSpam},
	})
	if err != nil {
		return nil, fmt.Errorf("read the records of recent edits: %w", err)
	}
	own := make(map[int64]bool, len(seen))
	for _, f := range seen {
		own[f.change.ID] = true
	}
	var out []firstLook
	for _, rec := range recs {
		if len(out) >= room {
			break
		}
		if own[rec.RevID] || rec.Action != decision.ActionNone || rec.DryRun || !hasLinks(rec.Results) {
			continue
		}
		c := contributionOf(rec)
		if format != "" {
			c.Format = format
		}
		out = append(out, firstLook{c, rec.Verdict})
	}
	return slices.Clip(out), nil
}
