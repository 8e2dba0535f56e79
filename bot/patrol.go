package bot

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/store"
)

// Store is what the patroller needs of its memory. Lookups of absent things
// return store.ErrNotFound.
type Store interface {
	Cursor(ctx context.Context) (store.Cursor, error)
	Record(ctx context.Context, revID int64) (store.Record, error)
	Commit(ctx context.Context, h store.Handled) error
	// CommitBatch commits a chunk's records, memory and cursor in one
	// transaction.
	CommitBatch(ctx context.Context, hs []store.Handled) error
	IPEvents(ctx context.Context, prefix netip.Prefix, since time.Time) ([]store.Event, error)
	// TokenEvents returns the events of every site that used token.
	TokenEvents(ctx context.Context, token string) ([]store.Event, error)
	PageEvents(ctx context.Context, title string, since time.Time) ([]store.Event, error)
	LastRevert(ctx context.Context, user, title string) (time.Time, error)
	Blocks(ctx context.Context, target string) ([]store.Block, error)
	Domains(ctx context.Context) (store.Domains, error)
	AddKnownDomains(ctx context.Context, domains []string) error
	MarkSpamDomains(ctx context.Context, domains []string) error
	Model(ctx context.Context) ([]byte, time.Time, error)
	PutModel(ctx context.Context, data []byte, trained time.Time) error
	Expire(ctx context.Context, before time.Time) (int, error)
	// Feedback returns the moderators' feedback in force for the site:
	// words to allow, good domains, trusted editors, confirmed spam
	// domains. The patroller reads it at the start of every pass.
	Feedback(ctx context.Context) ([]store.Feedback, error)
}

// Options configure a Patroller. They hold explicit values: the defaults
// live in one place, config.Default, and cmd/wikiwarden maps the YAML config
// onto these fields. A zero value turns its feature off.
type Options struct {
	Detectors []string // enabled detectors, by name; nil means every detector
	// Thresholds are per detector. A detector missing here uses
	// DefaultThreshold, the one home of threshold defaults in code (eval
	// reads it too) until detectors.DefaultThreshold takes its place.
	Thresholds      map[string]float64
	Lookback        time.Duration // how far back the first pass reads; 0: from the present
	DryRun          bool          // decide and record, never write to the site
	Namespaces      []int         // namespaces to patrol; empty means all
	MaxEditsPerPass int           // upper bound of contributions read in one pass; 0: no bound
	RevertCooldown  time.Duration // at most one revert per editor and page within this; 0: no cooldown
	WatchWindow     time.Duration // how long probes make an IP, range or page suspect; 0: no memory
	Block           bool          // block follow-up spammers
	BlockDurations  []string      // the site's expiries, escalating per target; needed with Block
	RangeBlock      bool          // block the range when enough of its addresses offended
	RangeMinIPs     int           // confirmed offending addresses that make it a range block; at least 1 with RangeBlock
	RangePrefixV4   int           // range size for IPv4, e.g. 24; needed with RangeBlock
	RangePrefixV6   int           // range size for IPv6, e.g. 64; needed with RangeBlock
	ModelPages      int           // pages sampled to train the letter model; 0: the built-in model only
	// The retry budget of an action the site failed to carry out (it was
	// unavailable, lagged, timed out): retried at the next pass, then
	// waiting RetryBackoff, twice that, and so on, until RetryAttempts
	// attempts failed or the first failure is RetryMaxAge old; then it is
	// set aside for a human. 0: no limit (RetryAttempts, RetryMaxAge), or
	// retry at the next pass (RetryBackoff).
	RetryAttempts int
	RetryMaxAge   time.Duration
	RetryBackoff  time.Duration
	Words         WordOptions      // real words besides the letter model
	Notice        NoticePolicy     // who is told of a removal; the zero value tells nobody
	Now           func() time.Time // the clock; nil means time.Now
}

// check rejects options that contradict each other or are out of range.
func (o Options) check() error {
	switch {
	case o.Lookback < 0, o.RevertCooldown < 0, o.WatchWindow < 0:
		return errors.New("negative duration")
	case o.RetryMaxAge < 0, o.RetryBackoff < 0:
		return errors.New("negative retry duration")
	case o.MaxEditsPerPass < 0, o.ModelPages < 0, o.RetryAttempts < 0:
		return errors.New("negative count")
	case o.Block && len(o.BlockDurations) == 0:
		return errors.New("Block without BlockDurations")
	case o.RangeBlock && o.RangeMinIPs < 1:
		return errors.New("RangeBlock needs RangeMinIPs of at least 1")
	case o.RangeBlock && (o.RangePrefixV4 < 1 || o.RangePrefixV4 > 32 || o.RangePrefixV6 < 1 || o.RangePrefixV6 > 128):
		return errors.New("RangeBlock needs RangePrefixV4 (1 to 32) and RangePrefixV6 (1 to 128)")
	}
	return nil
}

// Patroller runs patrol passes. One pass runs at a time; Pass is safe to
// call from several goroutines (a cron job and a manual trigger).
type Patroller struct {
	opts  Options
	site  Site
	store Store
	log   logrus.FieldLogger
	stack *detectors.Stack

	mu    sync.Mutex // one pass or model refresh at a time
	self  Self       // the bot's account and the site's limits, read by the first pass
	model *detectors.Model
	// modelResting is set when an idle pass let the site's learned letter
	// model (and its vocabulary) go: the next passes with nothing to judge
	// do without it, and the first with something reads it back from the
	// store. An idle farm site then costs tens of KB instead of megabytes.
	modelResting bool
	known        int // domains the wiki is known to link to, as of the pass's start
	wordState
	reportsRead bool  // the report page was read since the patroller started
	reportsSeen int64 // the latest edit of the report page read since
	// batch is what the pass handled since its last commit: the memory
	// reads (ipEvents, blocks, ...) see it as if it were committed.
	batch []store.Handled
	// noRejudge switches the pass's second look off (rejudge), for the
	// tests that show what it catches.
	noRejudge bool
	// noLookBack limits the second look to the pass's own edits (no
	// edits of earlier passes), for the tests.
	noLookBack bool
}

// New returns a Patroller of site. It checks the options but does not touch
// the site.
func New(opts Options, site Site, st Store, log logrus.FieldLogger) (*Patroller, error) {
	if err := opts.check(); err != nil {
		return nil, fmt.Errorf("bot: options: %w", err)
	}
	if opts.Detectors == nil {
		opts.Detectors = detectors.Names()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	stack, err := detectors.NewStack(opts.Detectors)
	if err != nil {
		return nil, fmt.Errorf("bot: %w", err)
	}
	return &Patroller{opts: opts, site: site, store: st, log: log, stack: stack}, nil
}

// Summary counts what one pass did.
type Summary struct {
	Read        int                     // recent changes read
	Scored      int                     // edits scored by the detectors
	Flagged     int                     // edits a detector or rule called bad
	Reverted    int                     // edits reverted on the site
	Blocked     int                     // blocks placed
	Skipped     map[decision.Reason]int // edits not scored, by reason
	Held        map[decision.Reason]int // flagged edits not reverted, by reason
	Errors      int                     // edits whose action failed
	Pending     int                     // decided actions left to retry at a later pass, at the pass's end
	SetAside    int                     // decided actions given up on in this pass: they need a human
	Retried     int                     // pending actions retried in this pass
	ObserveOnly string                  // why the pass wrote nothing, if it didn't ("dry run", "shutoff page ...")
}

func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "read %d edits: %d scored, %d flagged, %d reverted, %d blocked, %d skipped",
		s.Read, s.Scored, s.Flagged, s.Reverted, s.Blocked, total(s.Skipped))
	if len(s.Skipped) > 0 {
		fmt.Fprintf(&b, " (%s)", countList(s.Skipped))
	}
	if len(s.Held) > 0 {
		fmt.Fprintf(&b, ", %d not reverted (%s)", total(s.Held), countList(s.Held))
	}
	fmt.Fprintf(&b, ", %d errors, %d pending, %d set aside", s.Errors, s.Pending, s.SetAside)
	if s.Retried > 0 {
		fmt.Fprintf(&b, " (%d pending retried)", s.Retried)
	}
	if s.ObserveOnly != "" {
		fmt.Fprintf(&b, "; observe only: %s", s.ObserveOnly)
	}
	return b.String()
}

func total[K ~string](m map[K]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func countList[K ~string](m map[K]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, string(k))
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%d %s", m[K(k)], k)
	}
	return strings.Join(parts, ", ")
}

// chunkSize is the most changes a pass handles per batch of revision texts
// (one request of chunkIDs revisions, new and old text together) and of
// current page states (one request for the pages of the chunk's
// suspicious edits).
const chunkSize = 50

// rcOverlap is how far before the cursor a pass reads recent changes again.
const rcOverlap = 5 * time.Minute

// progressEvery is how often, in changes, a long pass logs its progress.
const progressEvery = 500

// start reads, once, the bot account and the site's limits.
func (p *Patroller) start(ctx context.Context) error {
	if p.self.Name != "" {
		return nil
	}
	self, err := p.site.Self(ctx)
	if err != nil {
		return err
	}
	p.self = self
	return nil
}

// ErrUndone is the error of a pass that left decided actions undone: some
// are pending (retried at later passes) or were set aside for a human.
// The pass did everything else; the error says so to cron.
var ErrUndone = errors.New("decided actions left undone")

// Pass runs one patrol pass over everything new since the last one. It
// returns early, with what it did so far, when ctx is cancelled; an action
// in flight is finished first.
//
// A pass first retries the pending actions that are due, then handles the
// new contributions a chunk at a time: it fetches a chunk's texts while it
// judges and acts on the one before, and commits each chunk's records,
// memory and cursor in one transaction (a crash redoes at most one chunk;
// every action is idempotent through the "already reverted" look). An
// action the site fails to carry out is recorded as pending and the
// cursor moves on; once the site failed several actions in a row the pass
// attempts no more writes (the site is failing: the rest wait as pending
// too). Once its reverts taught the memory (confirmed spam domains, the
// site's spam layer), the pass looks again at its own edits with links it
// did not revert, and at those earlier passes of the last hours left alone
// (rejudge): a campaign's copy judged before its siblings, in this pass or
// an earlier one, is decided as if met after them. A pass that leaves actions pending or
// sets one aside returns ErrUndone.
func (p *Patroller) Pass(ctx context.Context) (Summary, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.batch = p.batch[:0]
	sum := Summary{Skipped: map[decision.Reason]int{}, Held: map[decision.Reason]int{}}
	if err := p.start(ctx); err != nil {
		return sum, err
	}
	cur, err := p.store.Cursor(ctx)
	if errors.Is(err, store.ErrNotFound) {
		cur = store.Cursor{Time: p.opts.Now().Add(-p.opts.Lookback)}
	} else if err != nil {
		return sum, fmt.Errorf("read cursor: %w", err)
	}
	// Re-read a margin before the cursor: rc_timestamp is when a save
	// began and rc_id when it ended, so under concurrent saves an edit can
	// appear behind the cursor. What was already handled has a record.
	changes, writes, why, err := p.poll(ctx, store.Cursor{Time: cur.Time.Add(-rcOverlap), RCID: cur.RCID})
	if err != nil {
		return sum, err
	}
	if p.opts.DryRun {
		sum.ObserveOnly = string(decision.HoldDryRun)
	} else if !writes {
		sum.ObserveOnly = why
		p.log.WithField("why", why).Warn("observing only: no edits or blocks this pass")
	}
	reports := p.reportsChanged(changes) // before unhandled reuses changes
	changes, err = p.unhandled(ctx, changes, cur)
	if err != nil {
		return sum, err
	}
	// Nothing to judge: a resting letter model stays in the store.
	idle := len(changes) == 0 && p.nothingPending(ctx)
	var env *detectors.Env
	if idle && p.modelResting {
		env, err = p.envWithoutModel(ctx)
	} else {
		env, err = p.env(ctx)
	}
	if err != nil {
		return sum, err
	}
	ps := &passState{}
	err = p.patrol(ctx, ps, changes, cur, env, &sum)
	if err == nil && !p.noRejudge {
		err = p.rejudge(ctx, ps, &sum)
	}
	if cerr := p.flush(ctx); cerr != nil && err == nil {
		err = cerr
	}
	if err == nil {
		p.mistakes(ctx, reports, sum.ObserveOnly)
	}
	pend, perr := p.pendings(context.WithoutCancel(ctx))
	if perr != nil && err == nil {
		err = fmt.Errorf("read pending actions: %w", perr)
	}
	sum.Pending = len(pend)
	if idle && err == nil && sum.Pending == 0 {
		p.restModel()
	}
	if err == nil && (sum.Pending > 0 || sum.SetAside > 0) {
		err = fmt.Errorf("%d pending, %d set aside: %w", sum.Pending, sum.SetAside, ErrUndone)
		if ps.last != nil {
			err = fmt.Errorf("%w; the site failed: %w", err, ps.last)
		}
	}
	return sum, err
}

// nothingPending reports whether the site has no pending actions (a store
// that cannot say counts as having some).
func (p *Patroller) nothingPending(ctx context.Context) bool {
	pend, err := p.pendings(ctx)
	return err == nil && len(pend) == 0
}

// restModel lets the site's learned letter model and vocabulary go after
// an idle pass; they are in the store, and the next pass with something to
// judge reads them back (p.env). The built-in model is shared and stays.
func (p *Patroller) restModel() {
	if p.model == nil || p.model == detectors.BaseModel() {
		return
	}
	p.model, p.wordState.vocab, p.modelResting = nil, nil, true
}

// failingAfter is how many actions in a row the site must fail (each
// after the client's own retries) before a pass presses it no more: one
// failure is a light fault or one bad page, several in a row a site that
// is down.
const failingAfter = 3

// passState is what one pass learns as it goes.
type passState struct {
	// failing is set once the site failed failingAfter actions in a row
	// (the last one's error): after it the pass presses the site no more,
	// and leaves the rest pending.
	failing error
	inRow   int   // actions failed in a row
	last    error // the last action's failure, for the pass's error
	// again are the changes held because a suspicious later change of the
	// pass sat on top: looked at again once the pass handled that one.
	again map[int64]bool
	// rejudge is what the pass keeps for its second look at the edits it
	// did not revert, once its reverts taught the memory.
	rejudge rejudgeState
}

// failed notes an action the site failed to carry out.
func (ps *passState) failed(err error) {
	ps.last = err
	if ps.inRow++; ps.inRow >= failingAfter {
		ps.failing = err
	}
}

// succeeded notes an action the site carried out.
func (ps *passState) succeeded() { ps.inRow = 0 }

// poll reads the contributions from since on and the site's off switch,
// in one request when the site can.
func (p *Patroller) poll(ctx context.Context, since store.Cursor) ([]Contribution, bool, string, error) {
	if pl, ok := p.site.(Poller); ok {
		cs, writes, why, err := pl.Poll(ctx, since, p.opts.MaxEditsPerPass)
		if err != nil {
			return nil, false, "", fmt.Errorf("read recent changes: %w", err)
		}
		return cs, writes, why, nil
	}
	writes, why := true, ""
	if !p.opts.DryRun {
		var err error
		if writes, why, err = p.site.WritesAllowed(ctx); err != nil {
			return nil, false, "", err
		}
	}
	cs, err := p.site.Contributions(ctx, since, p.opts.MaxEditsPerPass)
	if err != nil {
		return nil, false, "", fmt.Errorf("read recent changes: %w", err)
	}
	return cs, writes, why, nil
}

// patrol retries the due pending actions, then handles changes, then the
// changes held under a suspicious later change (ps.again).
func (p *Patroller) patrol(ctx context.Context, ps *passState, changes []Contribution, cur store.Cursor, env *detectors.Env, sum *Summary) (err error) {
	if sum.ObserveOnly == "" {
		if err := p.retryPending(ctx, ps, env, sum, nil); err != nil {
			return err
		}
	}
	defer func() {
		// Stacked spam: the later edits' reverts bared the held ones.
		if err == nil && len(ps.again) > 0 && ps.failing == nil && ctx.Err() == nil {
			if ferr := p.flush(ctx); ferr != nil {
				err = ferr
				return
			}
			err = p.retryPending(ctx, ps, env, sum, ps.again)
		}
	}()
	changes, err = p.unhandled(ctx, changes, cur)
	if err != nil {
		return err
	}
	sum.Read = len(changes)
	skips, err := p.skips(ctx, changes)
	if err != nil {
		return err
	}
	// Texts are fetched a chunk at a time (one request each, bounded
	// memory on a large backlog, progress a person can follow), the next
	// chunks' while this one is judged and acted on.
	fctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() {
		cancel()
		wg.Wait()
	}()
	type fetched struct {
		texts map[int64]Texts
		prev  map[int64]bool
		err   error
	}
	bounds := chunkBounds(changes, skips, chunkIDs)
	fetches := make([]chan fetched, len(bounds))
	fetch := func(i int) {
		if i >= len(bounds) {
			return
		}
		lo, hi := bounds[i][0], bounds[i][1]
		var prev map[int64]bool // a version the chunk before reads
		if i > 0 {
			prev = newIDs(changes[bounds[i-1][0]:lo], skips[bounds[i-1][0]:lo])
		}
		ch := make(chan fetched, 1)
		fetches[i] = ch
		wg.Go(func() {
			t, err := p.textsAfter(fctx, changes[lo:hi], skips[lo:hi], prev)
			ch <- fetched{t, prev, err}
		})
	}
	for i := range fetchAhead {
		fetch(i)
	}
	hi := cur                   // the cursor only moves forward, also past re-read changes
	var known map[int64]Version // the chunk before's versions after, by id
	for i, b := range bounds {
		start, end := b[0], b[1]
		f := <-fetches[i]
		fetches[i] = nil
		if f.err != nil {
			return f.err
		}
		fetch(i + fetchAhead)
		// A page's next edit often follows in the next chunk: its text
		// before is the chunk before's text after, not fetched again.
		texts, err := p.withBefore(ctx, changes[start:end], skips[start:end], f.texts, f.prev, known)
		if err != nil {
			return err
		}
		known = make(map[int64]Version, len(texts))
		for _, c := range changes[start:end] {
			if t, ok := texts[c.ID]; ok {
				known[c.ID] = Version{ID: c.ID, Author: c.Author.Name, Text: t.After}
			}
		}
		chunk := p.score(changes[start:end], skips[start:end], texts, env)
		pages := &pageStates{chunk: chunk, titles: p.suspicious(chunk)}
		for _, sc := range chunk {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			c := sc.change
			if c.Time.After(hi.Time) || (c.Time.Equal(hi.Time) && c.Seq > hi.RCID) {
				hi = store.Cursor{Time: c.Time, RCID: c.Seq}
			}
			h, err := p.handle(ctx, ps, sc, pages, sum, nil)
			if err != nil {
				return err
			}
			h.Cursor = hi
			p.batch = append(p.batch, h)
		}
		if err := p.flush(ctx); err != nil {
			return err
		}
		if len(changes) > progressEvery && end/progressEvery != start/progressEvery {
			p.log.WithFields(logrus.Fields{"handled": end, "of": len(changes), "reverted": sum.Reverted}).Info("patrol progress")
		}
	}
	return nil
}

// flush commits what the pass handled since its last commit, in one
// transaction. The commit belongs to the actions before it: it is made
// even when the pass is being stopped.
func (p *Patroller) flush(ctx context.Context) error {
	if len(p.batch) == 0 {
		return nil
	}
	if err := p.store.CommitBatch(context.WithoutCancel(ctx), p.batch); err != nil {
		return fmt.Errorf("record revisions %d to %d: %w", p.batch[0].Record.RevID, p.batch[len(p.batch)-1].Record.RevID, err)
	}
	p.batch = p.batch[:0]
	return nil
}

// retryPending retries the pending actions that are due, oldest due
// first, a chunk at a time. Each is judged again from its texts, and its
// place looked at again before any write: the action may have happened
// (a lost answer, someone else), and then it is only recorded.
// only, when set, limits the retries to those ids.
func (p *Patroller) retryPending(ctx context.Context, ps *passState, env *detectors.Env, sum *Summary, only map[int64]bool) error {
	all, err := p.pendings(ctx)
	if err != nil {
		return fmt.Errorf("read pending actions: %w", err)
	}
	now := p.opts.Now()
	var due []store.Pending
	for _, pd := range all {
		if pd.Next.After(now) {
			break // the rest are due later
		}
		if only != nil && !only[pd.ID] {
			continue
		}
		due = append(due, pd)
	}
	for start := 0; start < len(due) && ps.failing == nil; start += chunkSize {
		todo := due[start:min(start+chunkSize, len(due))]
		var cs []Contribution
		var pds []store.Pending
		var recs []store.Record
		for _, pd := range todo {
			rec, err := p.store.Record(ctx, pd.ID)
			if errors.Is(err, store.ErrNotFound) {
				continue // expired: nothing left to retry against
			} else if err != nil {
				return fmt.Errorf("read record of pending revision %d: %w", pd.ID, err)
			}
			cs = append(cs, contributionOf(rec))
			pds = append(pds, pd)
			recs = append(recs, rec)
		}
		if len(cs) == 0 {
			continue
		}
		texts, err := p.texts(ctx, cs, make([]decision.Reason, len(cs)))
		if err != nil {
			if !transient(err) {
				return err
			}
			// An attempt that failed for each of them (their texts may be
			// what the site fails on): the budget sets them aside in the
			// end, and the new edits are read all the same.
			ps.failing, ps.last = err, err
			for i, rec := range recs {
				h := store.Handled{Record: rec}
				p.defer1(&h, sum, decision.Decision{Action: pds[i].Action}, &pds[i], err, true)
				p.batch = append(p.batch, h)
			}
			return p.flush(ctx)
		}
		chunk := p.score(cs, make([]decision.Reason, len(cs)), texts, env)
		pages := &pageStates{chunk: chunk, titles: p.suspicious(chunk)}
		for i, sc := range chunk {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if ps.failing != nil {
				break // left as it is: due at the next pass
			}
			sum.Retried++
			h, err := p.handle(ctx, ps, sc, pages, sum, &pds[i])
			if err != nil {
				return err
			}
			p.batch = append(p.batch, h)
		}
		if err := p.flush(ctx); err != nil {
			return err
		}
	}
	return nil
}

// pendings returns the store's pending actions of this site, the soonest
// due first. A site's memory (store.SiteStore) has them; a whole store
// (store.Store, its default site's memory) lists every site's, so those
// whose record in this memory is another contribution's are dropped.
func (p *Patroller) pendings(ctx context.Context) ([]store.Pending, error) {
	switch st := p.store.(type) {
	case interface {
		Pendings(context.Context) ([]store.Pending, error)
	}:
		return st.Pendings(ctx)
	case interface {
		Pendings(context.Context, string) ([]store.Pending, error)
	}:
		all, err := st.Pendings(ctx, "")
		if err != nil {
			return nil, err
		}
		out := all[:0]
		for _, pd := range all {
			rec, err := p.store.Record(ctx, pd.ID)
			if errors.Is(err, store.ErrNotFound) {
				continue
			} else if err != nil {
				return nil, err
			}
			if rec.Title == pd.Title && rec.User == pd.User {
				out = append(out, pd)
			}
		}
		return out, nil
	}
	return nil, errors.New("the store keeps no pending actions")
}

// contributionOf rebuilds a recorded contribution, for a retry.
func contributionOf(rec store.Record) Contribution {
	c := Contribution{
		ID: rec.RevID, ParentID: rec.OldRevID, Place: Place{Title: rec.Title},
		Author: Author{Name: rec.User, Anon: rec.Anon}, Time: rec.Time, Format: FormatWikitext,
	}
	if ip, err := netip.ParseAddr(rec.IP); err == nil {
		c.Author.IP = ip.Unmap()
	}
	return c
}

// unhandled drops the changes the store already has a record of. Changes
// before the cursor's time minus the overlap are not read at all.
func (p *Patroller) unhandled(ctx context.Context, changes []Contribution, cur store.Cursor) ([]Contribution, error) {
	out := changes[:0]
	for _, c := range changes {
		if c.Seq > cur.RCID && c.Time.After(cur.Time) {
			out = append(out, c) // after the cursor: new
			continue
		}
		_, err := p.store.Record(ctx, c.ID)
		if errors.Is(err, store.ErrNotFound) {
			out = append(out, c)
		} else if err != nil {
			return nil, fmt.Errorf("read record of revision %d: %w", c.ID, err)
		}
	}
	return out, nil
}

// WritesAllowed reads the site's off switch: false means observe only, and
// the string says why.
func (p *Patroller) WritesAllowed(ctx context.Context) (bool, string, error) {
	return p.site.WritesAllowed(ctx)
}

// skips returns, for each change, why it is not scored ("" when it is).
func (p *Patroller) skips(ctx context.Context, changes []Contribution) ([]decision.Reason, error) {
	skips := make([]decision.Reason, len(changes))
	var names []string
	seen := map[string]bool{}
	for i, c := range changes {
		a := c.Author
		switch {
		case a.Name == p.self.Name:
			skips[i] = decision.SkipOwn
		case c.Bot && !a.Anon:
			// Anonymous edits carry the bot flag only when a rollback with
			// markbot hid them: they still need a look.
			skips[i] = decision.SkipBot
		case len(p.opts.Namespaces) > 0 && !slices.Contains(p.opts.Namespaces, c.Place.Namespace):
			skips[i] = decision.SkipNamespace
		case !a.Anon && !seen[a.Name]:
			seen[a.Name] = true
			names = append(names, a.Name)
		}
	}
	if len(names) == 0 {
		return skips, nil
	}
	trusted, err := p.site.Trusted(ctx, names)
	if err != nil {
		return nil, fmt.Errorf("read editors' groups: %w", err)
	}
	for i, c := range changes {
		if skips[i] != "" || c.Author.Anon {
			continue
		}
		skips[i] = trusted[c.Author.Name]
	}
	return skips, nil
}

// chunkIDs is how many revisions a chunk of a pass reads, in one request:
// MediaWiki serves 50 revisions' texts a request to an account without
// apihighlimits.
const chunkIDs = 50

// fetchAhead is how many chunks' texts are being fetched while one is
// judged: the site's next answers are on their way while the bot works.
const fetchAhead = 2

// chunkBounds splits changes into chunks of at most chunkSize changes
// whose texts are at most ids revisions: the versions after of the changes
// to score and their versions before, each counted once, leaving out a
// version before that the chunk before reads as a version after (a page's
// edits follow each other). It returns each chunk's [start, end).
func chunkBounds(changes []Contribution, skips []decision.Reason, ids int) [][2]int {
	var out [][2]int
	var prev, cur map[int64]bool
	start := 0
	for i := 0; i < len(changes); {
		if cur == nil {
			cur = map[int64]bool{}
		}
		c := changes[i]
		need := 0
		if skips[i] == "" {
			if !cur[c.ID] {
				need++
			}
			if c.ParentID != 0 && !cur[c.ParentID] && !prev[c.ParentID] && c.ParentID != c.ID {
				need++
			}
		}
		if i > start && (len(cur)+need > ids || i-start >= chunkSize) {
			out = append(out, [2]int{start, i})
			prev, cur, start = newIDs(changes[start:i], skips[start:i]), nil, i
			continue
		}
		if skips[i] == "" {
			cur[c.ID] = true
			if c.ParentID != 0 && !prev[c.ParentID] {
				cur[c.ParentID] = true
			}
		}
		i++
	}
	if start < len(changes) {
		out = append(out, [2]int{start, len(changes)})
	}
	return out
}

// newIDs returns the ids of the changes to score: the versions after a
// chunk reads.
func newIDs(changes []Contribution, skips []decision.Reason) map[int64]bool {
	out := make(map[int64]bool, len(changes))
	for i, c := range changes {
		if skips[i] == "" {
			out[c.ID] = true
		}
	}
	return out
}

// texts fetches, in batches, the text before and after every edit to score.
func (p *Patroller) texts(ctx context.Context, changes []Contribution, skips []decision.Reason) (map[int64]Texts, error) {
	return p.textsAfter(ctx, changes, skips, nil)
}

// textsAfter is texts, except that an edit whose version before is in
// prev (read by the chunk before) gets only its text after: withBefore
// adds the rest.
func (p *Patroller) textsAfter(ctx context.Context, changes []Contribution, skips []decision.Reason, prev map[int64]bool) (map[int64]Texts, error) {
	var todo []Contribution
	for i, c := range changes {
		if skips[i] != "" {
			continue
		}
		if c.ParentID != 0 && prev[c.ParentID] {
			c.ParentID = 0 // the site reads its text after only
		}
		todo = append(todo, c)
	}
	if len(todo) == 0 {
		return map[int64]Texts{}, nil
	}
	texts, err := p.site.Texts(ctx, todo)
	if err != nil {
		return nil, fmt.Errorf("read revisions: %w", err)
	}
	if texts == nil {
		texts = map[int64]Texts{}
	}
	return texts, nil
}

// withBefore completes the texts textsAfter read without the version
// before (in prev) from known, the chunk before's versions after. A version
// the chunk before could not read (deleted since) is read again here with
// its edit, so an edit is never taken for a page's creation.
func (p *Patroller) withBefore(ctx context.Context, changes []Contribution, skips []decision.Reason, texts map[int64]Texts, prev map[int64]bool, known map[int64]Version) (map[int64]Texts, error) {
	var again []Contribution
	for i, c := range changes {
		if skips[i] != "" || c.ParentID == 0 || !prev[c.ParentID] {
			continue
		}
		t, ok := texts[c.ID]
		if !ok {
			continue
		}
		v, ok := known[c.ParentID]
		if !ok {
			again = append(again, c)
			delete(texts, c.ID)
			continue
		}
		t.Before, t.ParentAuthor = v.Text, v.Author
		texts[c.ID] = t
	}
	if len(again) > 0 {
		more, err := p.site.Texts(ctx, again)
		if err != nil {
			return nil, fmt.Errorf("read revisions: %w", err)
		}
		for id, t := range more {
			texts[id] = t
		}
	}
	return texts, nil
}
