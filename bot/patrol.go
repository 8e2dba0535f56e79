package bot

import (
	"context"
	"errors"
	"fmt"
	"github.com/wikiwarden/wikiwarden/decision"
	"net/netip"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/mediawiki"
	"github.com/wikiwarden/wikiwarden/store"
)

// Wiki is what the patroller needs of a MediaWiki. Every method returns the
// mediawiki package's sentinel errors (mediawiki.ErrAlreadyRolled,
// mediawiki.ErrEditConflict, ...) wrapped, so callers branch with errors.Is.
type Wiki interface {
	Account(ctx context.Context) (mediawiki.Account, error)
	SiteInfo(ctx context.Context) (mediawiki.SiteInfo, error)
	RecentChanges(ctx context.Context, start time.Time, limit int) ([]mediawiki.Change, error)
	Users(ctx context.Context, names []string) (map[string]mediawiki.User, error)
	Revisions(ctx context.Context, revIDs []int64) (map[int64]mediawiki.Revision, error)
	Pages(ctx context.Context, titles []string) (map[string]mediawiki.Page, error)
	Rollback(ctx context.Context, title, user, summary string) error
	Undo(ctx context.Context, title string, revID int64, summary string) error
	Edit(ctx context.Context, p mediawiki.EditParams) (int64, error)
	Block(ctx context.Context, p mediawiki.BlockParams) error
	SamplePages(ctx context.Context, n int) ([]string, error)
	ExternalLinks(ctx context.Context, limit int) ([]string, error)
}

// Store is what the patroller needs of its memory. Lookups of absent things
// return store.ErrNotFound.
type Store interface {
	Cursor(ctx context.Context) (store.Cursor, error)
	Record(ctx context.Context, revID int64) (store.Record, error)
	Commit(ctx context.Context, h store.Handled) error
	IPEvents(ctx context.Context, prefix netip.Prefix, since time.Time) ([]store.Event, error)
	PageEvents(ctx context.Context, title string, since time.Time) ([]store.Event, error)
	LastRevert(ctx context.Context, user, title string) (time.Time, error)
	Blocks(ctx context.Context, target string) ([]store.Block, error)
	Domains(ctx context.Context) (store.Domains, error)
	AddKnownDomains(ctx context.Context, domains []string) error
	MarkSpamDomains(ctx context.Context, domains []string) error
	Model(ctx context.Context) ([]byte, time.Time, error)
	PutModel(ctx context.Context, data []byte, trained time.Time) error
	Expire(ctx context.Context, before time.Time) (int, error)
}

// Options configure a Patroller. cmd/wikiwarden maps the YAML config onto it.
type Options struct {
	Detectors       []string           // enabled detectors, by name
	Thresholds      map[string]float64 // per detector; missing ones use DefaultThreshold
	Lookback        time.Duration      // how far back the first pass reads; 0 means 24h, negative the present
	DryRun          bool               // decide and record, never write to the wiki
	ShutoffPage     string             // page whose content must be "true" for writes; "" disables the check
	TrustedGroups   []string           // editors in any of these groups are not patrolled
	TrustedMinEdits int                // editors with at least this many edits are not patrolled; 0 disables
	Namespaces      []int              // namespaces to patrol; empty means all
	MaxEditsPerPass int                // upper bound of recent changes read in one pass
	RevertCooldown  time.Duration      // at most one revert per editor and page within this; 0 means 24h, negative none
	WatchWindow     time.Duration      // how long probes make an IP, range or page suspect
	Block           bool               // block follow-up spammers
	BlockDurations  []string           // MediaWiki expiries, escalating per target
	RangeBlock      bool               // block the range when several of its IPs are involved
	RangeMinIPs     int                // distinct IPs of a range that make it a range block
	RangePrefixV4   int                // range size for IPv4, e.g. 24
	RangePrefixV6   int                // range size for IPv6, e.g. 64
	SummaryPrefix   string             // start of every edit summary
	// SpamBlacklistPage, when set, receives the domains of reverted
	// follow-up spam (SpamBlacklist extension syntax); "" disables it.
	SpamBlacklistPage string
	ModelPages        int              // pages sampled to train the letter model
	Now               func() time.Time // the clock; nil means time.Now
}

func (o *Options) setDefaults() {
	if o.Detectors == nil {
		o.Detectors = detectors.Names()
	}
	if o.Lookback == 0 {
		o.Lookback = 24 * time.Hour
	}
	o.Lookback = max(o.Lookback, 0)
	if o.MaxEditsPerPass == 0 {
		o.MaxEditsPerPass = 5000
	}
	if o.RevertCooldown == 0 {
		o.RevertCooldown = 24 * time.Hour
	}
	o.RevertCooldown = max(o.RevertCooldown, 0)
	if o.WatchWindow == 0 {
		o.WatchWindow = 30 * 24 * time.Hour
	}
	if len(o.BlockDurations) == 0 {
		o.BlockDurations = []string{"1 day", "1 week", "1 month"}
	}
	if o.RangeMinIPs == 0 {
		o.RangeMinIPs = 2
	}
	if o.RangePrefixV4 == 0 {
		o.RangePrefixV4 = 24
	}
	if o.RangePrefixV6 == 0 {
		o.RangePrefixV6 = 64
	}
	if o.SummaryPrefix == "" {
		o.SummaryPrefix = "wikiwarden:"
	}
	if o.ModelPages == 0 {
		o.ModelPages = 200
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}

// Patroller runs patrol passes. One pass runs at a time; Pass is safe to
// call from several goroutines (a cron job and a manual trigger).
type Patroller struct {
	opts  Options
	wiki  Wiki
	store Store
	log   logrus.FieldLogger
	stack *detectors.Stack

	mu      sync.Mutex // one pass or model refresh at a time
	account mediawiki.Account
	site    mediawiki.SiteInfo
	model   *detectors.Model
	known   int // domains the wiki is known to link to, as of the pass's start
}

// New returns a Patroller. It checks the options but does not touch the wiki.
func New(opts Options, wiki Wiki, st Store, log logrus.FieldLogger) (*Patroller, error) {
	opts.setDefaults()
	stack, err := detectors.NewStack(opts.Detectors)
	if err != nil {
		return nil, fmt.Errorf("bot: %w", err)
	}
	return &Patroller{opts: opts, wiki: wiki, store: st, log: log, stack: stack}, nil
}

// Summary counts what one pass did.
type Summary struct {
	Read        int                     // recent changes read
	Scored      int                     // edits scored by the detectors
	Flagged     int                     // edits a detector or rule called bad
	Reverted    int                     // edits reverted on the wiki
	Blocked     int                     // blocks placed
	Skipped     map[decision.Reason]int // edits not scored, by reason
	Held        map[decision.Reason]int // flagged edits not reverted, by reason
	Errors      int                     // edits whose action failed
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
	fmt.Fprintf(&b, ", %d errors", s.Errors)
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

// chunkSize is how many changes a pass handles per batch of revision texts
// (two API requests of 50 revisions: new and old text) and of current page
// states (one request for the pages of the chunk's suspicious edits).
const chunkSize = 50

// rcOverlap is how far before the cursor a pass reads recent changes again.
const rcOverlap = 5 * time.Minute

// progressEvery is how often, in changes, a long pass logs its progress.
const progressEvery = 500

// start reads, once, the bot account and the wiki's limits.
func (p *Patroller) start(ctx context.Context) error {
	if p.account.Name != "" {
		return nil
	}
	acct, err := p.wiki.Account(ctx)
	if err != nil {
		return fmt.Errorf("read bot account: %w", err)
	}
	site, err := p.wiki.SiteInfo(ctx)
	if err != nil {
		return fmt.Errorf("read site info: %w", err)
	}
	p.account, p.site = acct, site
	return nil
}

// Pass runs one patrol pass over everything new since the last one. It
// returns early, with what it did so far, when ctx is cancelled; an action
// in flight is finished first.
func (p *Patroller) Pass(ctx context.Context) (Summary, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	sum := Summary{Skipped: map[decision.Reason]int{}, Held: map[decision.Reason]int{}}
	if err := p.start(ctx); err != nil {
		return sum, err
	}
	if p.opts.DryRun {
		sum.ObserveOnly = string(decision.HoldDryRun)
	} else if ok, why, err := p.writesAllowed(ctx); err != nil {
		return sum, err
	} else if !ok {
		sum.ObserveOnly = why
		p.log.WithField("page", p.opts.ShutoffPage).WithField("why", why).Warn("observing only: no edits or blocks this pass")
	}
	env, err := p.env(ctx)
	if err != nil {
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
	changes, err := p.wiki.RecentChanges(ctx, cur.Time.Add(-rcOverlap), p.opts.MaxEditsPerPass)
	if err != nil {
		return sum, fmt.Errorf("read recent changes: %w", err)
	}
	changes, err = p.unhandled(ctx, changes, cur)
	if err != nil {
		return sum, err
	}
	sum.Read = len(changes)

	skips, err := p.skips(ctx, changes)
	if err != nil {
		return sum, err
	}
	// Texts are fetched a chunk at a time: batched requests, bounded memory
	// on a large backlog, and progress a person can follow.
	hi := cur // the cursor only moves forward, also past re-read changes
	for start := 0; start < len(changes); start += chunkSize {
		end := min(start+chunkSize, len(changes))
		revs, err := p.revisions(ctx, changes[start:end], skips[start:end])
		if err != nil {
			return sum, err
		}
		chunk := p.score(changes[start:end], skips[start:end], revs, env)
		ps := &pageStates{chunk: chunk, titles: p.suspicious(chunk)}
		for _, sc := range chunk {
			if ctx.Err() != nil {
				return sum, ctx.Err()
			}
			c := sc.change
			if c.Timestamp.After(hi.Time) || (c.Timestamp.Equal(hi.Time) && c.RCID > hi.RCID) {
				hi = store.Cursor{Time: c.Timestamp, RCID: c.RCID}
			}
			if err := p.handle(ctx, sc, hi, ps, &sum); err != nil {
				return sum, err
			}
		}
		if len(changes) > progressEvery && end/progressEvery != start/progressEvery {
			p.log.WithFields(logrus.Fields{"handled": end, "of": len(changes), "reverted": sum.Reverted}).Info("patrol progress")
		}
	}
	return sum, nil
}

// unhandled drops the changes the store already has a record of. Changes
// before the cursor's time minus the overlap are not read at all.
func (p *Patroller) unhandled(ctx context.Context, changes []mediawiki.Change, cur store.Cursor) ([]mediawiki.Change, error) {
	out := changes[:0]
	for _, c := range changes {
		if c.RCID > cur.RCID && c.Timestamp.After(cur.Time) {
			out = append(out, c) // after the cursor: new
			continue
		}
		_, err := p.store.Record(ctx, c.RevID)
		if errors.Is(err, store.ErrNotFound) {
			out = append(out, c)
		} else if err != nil {
			return nil, fmt.Errorf("read record of revision %d: %w", c.RevID, err)
		}
	}
	return out, nil
}

// WritesAllowed reads the shutoff page: anything but "true" means observe
// only, and the string says why.
func (p *Patroller) WritesAllowed(ctx context.Context) (bool, string, error) {
	return p.writesAllowed(ctx)
}

func (p *Patroller) writesAllowed(ctx context.Context) (bool, string, error) {
	if p.opts.ShutoffPage == "" {
		return true, "", nil
	}
	pages, err := p.wiki.Pages(ctx, []string{p.opts.ShutoffPage})
	if err != nil {
		return false, "", fmt.Errorf("read shutoff page %q: %w", p.opts.ShutoffPage, err)
	}
	page, ok := pages[p.opts.ShutoffPage]
	if !ok || page.Missing {
		return false, fmt.Sprintf("shutoff page %s does not exist (create it with the text true)", p.opts.ShutoffPage), nil
	}
	if strings.TrimSpace(page.Latest.Content) != "true" {
		return false, fmt.Sprintf("shutoff page %s does not say true", p.opts.ShutoffPage), nil
	}
	return true, "", nil
}

// skips returns, for each change, why it is not scored ("" when it is).
func (p *Patroller) skips(ctx context.Context, changes []mediawiki.Change) ([]decision.Reason, error) {
	skips := make([]decision.Reason, len(changes))
	var names []string
	seen := map[string]bool{}
	for i, c := range changes {
		switch {
		case c.User == p.account.Name:
			skips[i] = decision.SkipOwn
		case c.Bot && !c.Anon:
			// Anonymous edits carry the bot flag only when a rollback with
			// markbot hid them: they still need a look.
			skips[i] = decision.SkipBot
		case len(p.opts.Namespaces) > 0 && !slices.Contains(p.opts.Namespaces, c.Namespace):
			skips[i] = decision.SkipNamespace
		case !c.Anon && !seen[c.User]:
			seen[c.User] = true
			names = append(names, c.User)
		}
	}
	if len(names) == 0 {
		return skips, nil
	}
	users, err := p.wiki.Users(ctx, names)
	if err != nil {
		return nil, fmt.Errorf("read editors' groups: %w", err)
	}
	for i, c := range changes {
		if skips[i] != "" || c.Anon {
			continue
		}
		u := users[c.User]
		switch {
		case slices.ContainsFunc(u.Groups, func(g string) bool { return slices.Contains(p.opts.TrustedGroups, g) }):
			skips[i] = decision.SkipTrusted
		case p.opts.TrustedMinEdits > 0 && u.EditCount >= p.opts.TrustedMinEdits:
			skips[i] = decision.SkipEditCount
		}
	}
	return skips, nil
}

// revisions fetches, in batches, the new and old text of every edit to score.
func (p *Patroller) revisions(ctx context.Context, changes []mediawiki.Change, skips []decision.Reason) (map[int64]mediawiki.Revision, error) {
	var ids []int64
	for i, c := range changes {
		if skips[i] != "" {
			continue
		}
		ids = append(ids, c.RevID)
		if c.OldRevID != 0 {
			ids = append(ids, c.OldRevID)
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	revs, err := p.wiki.Revisions(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("read revisions: %w", err)
	}
	return revs, nil
}
