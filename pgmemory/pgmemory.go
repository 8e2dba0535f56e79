// Package pgmemory shares what identifies a botnet among several wikiwarden
// processes through PostgreSQL: a farm's processes, on one machine or many,
// recognise each other's probing ranges, tokens and spam domains.
//
// The store (package store) stays each process's memory and the only one
// the bot reads, so a process patrols on as before when PostgreSQL is down.
// Every commit queues its cross-site facts (events with their times and
// sites, confirmed spam domains) in the store's outbox, in the same write
// transaction, and so does a moderator's restore that clears a domain of
// its spam mark: a domain one process's moderators restored stops counting
// as spam in every process. A Replicator keeps the store and PostgreSQL in step:
//
//   - push: the outbox goes to PostgreSQL in batches, each fact under its
//     global id (the store's origin id and its sequence) with ON CONFLICT DO
//     NOTHING, and is deleted from the outbox once committed there. A crash
//     between the two pushes it again, and it is stored once.
//   - pull: the facts other processes pushed since the last one read
//     (PostgreSQL's ids, which pushes commit in order under an advisory
//     lock) are imported into the store with the new position in one
//     transaction; the store skips any origin id it imported before.
//
// Sync does both; Start runs it every Interval, when a commit asks (Kick)
// and when another process announces a push (LISTEN/NOTIFY). The command
// also syncs right before each patrol pass, so a range confirmed by one
// process is known to the others within one pass. When PostgreSQL cannot be
// reached, the Replicator logs it once per outage (never the DSN), the
// outbox keeps growing on disk, and the next Sync that gets through catches
// up: nothing is lost, nothing is applied twice.
//
// The schema is in migrations/, embedded and applied at the first
// successful connection under an advisory lock. Events use inet with a GiST
// index (inet_ops) for range queries (RangeEvents) and a time index for
// expiry (Expire).
package pgmemory

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/store"
)

// Defaults of Options' zero values.
const (
	DefaultMaxConns = 4
	DefaultInterval = 30 * time.Second
	DefaultBatch    = 500
	DefaultTimeout  = 10 * time.Second
)

// channel is the LISTEN/NOTIFY channel a push announces itself on; the
// payload is the pushing store's origin id.
const channel = "wikiwarden_shared"

// pushLock is the advisory lock every push holds for its transaction, so
// that pushes commit in the order of their ids and a pull that has read up
// to an id never misses a smaller one committed later.
const pushLock int64 = 0x77772d7075736821

// Local is the store a Replicator keeps in step with PostgreSQL: a
// *store.Store opened with Options.Share. Its errors are the store's.
type Local interface {
	Origin(ctx context.Context) (store.Origin, error)
	Outbox(ctx context.Context, limit int) ([]store.SharedFact, error)
	DropOutbox(ctx context.Context, upTo uint64) (int, error)
	OutboxLen(ctx context.Context) (int, error)
	SharedCursor(ctx context.Context) (store.SharedCursor, error)
	Import(ctx context.Context, facts []store.SharedFact, cur store.SharedCursor) (int, error)
	PruneImported(ctx context.Context, before time.Time) (int, error)
}

// Options configure a Replicator.
type Options struct {
	// DSN is the PostgreSQL connection string. It is never logged.
	DSN string
	// MaxConns bounds the pool's connections, one of them held for
	// LISTEN while Start runs; 0 means DefaultMaxConns.
	MaxConns int32
	// Interval is how often Start syncs without being asked; 0 means
	// DefaultInterval.
	Interval time.Duration
	// Batch is how many facts one push or pull moves per round trip; 0
	// means DefaultBatch.
	Batch int
	// Timeout bounds one Sync; 0 means DefaultTimeout.
	Timeout time.Duration
	// Retention, when positive, is how long shared events are kept: Start
	// deletes older ones from PostgreSQL, and their origin ids from the
	// store, once an hour.
	Retention time.Duration
	// Log receives the replicator's messages; nil discards them.
	Log logrus.FieldLogger
}

// Replicator keeps one store and PostgreSQL in step. Its methods are safe
// for concurrent use; syncs run one at a time.
type Replicator struct {
	local  Local
	opts   Options
	pool   *pgxpool.Pool
	origin store.Origin
	log    logrus.FieldLogger
	secret string // the DSN's password, kept out of logged errors
	m      metrics

	mu       sync.Mutex // one sync at a time; guards the fields below
	migrated bool
	down     bool      // an outage is going on and was logged
	lastFail time.Time // when the last sync failed

	kick   chan struct{}
	cancel context.CancelFunc
	done   chan struct{}
}

// SyncResult says what one Sync moved.
type SyncResult struct {
	Pushed   int // facts pushed from the outbox
	Imported int // other processes' events imported
	Pulled   int // facts read from PostgreSQL, including this store's own
}

// New returns a Replicator of local. It does not connect: PostgreSQL being
// down at start-up must not stop the bot, and the first Sync connects. It
// fails on a DSN that does not parse (without repeating it) and on a store
// opened without sharing.
func New(ctx context.Context, local Local, opts Options) (*Replicator, error) {
	if opts.MaxConns <= 0 {
		opts.MaxConns = DefaultMaxConns
	}
	if opts.Interval <= 0 {
		opts.Interval = DefaultInterval
	}
	if opts.Batch <= 0 {
		opts.Batch = DefaultBatch
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	log := opts.Log
	if log == nil {
		l := logrus.New()
		l.SetOutput(discard{})
		log = l
	}
	cfg, err := pgxpool.ParseConfig(opts.DSN)
	if err != nil {
		// pgx's parse errors can quote the DSN.
		return nil, errors.New("pgmemory: the DSN does not parse as a PostgreSQL connection string or URL")
	}
	cfg.MaxConns = opts.MaxConns
	cfg.MinConns = 0
	cfg.MaxConnIdleTime = 5 * time.Minute
	if cfg.ConnConfig.ConnectTimeout == 0 || cfg.ConnConfig.ConnectTimeout > 5*time.Second {
		cfg.ConnConfig.ConnectTimeout = 5 * time.Second
	}
	if cfg.ConnConfig.RuntimeParams == nil {
		cfg.ConnConfig.RuntimeParams = map[string]string{}
	}
	cfg.ConnConfig.RuntimeParams["application_name"] = "wikiwarden"
	origin, err := local.Origin(ctx)
	if err != nil {
		return nil, fmt.Errorf("pgmemory: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("pgmemory: %s", redact(err, cfg.ConnConfig.Password))
	}
	return &Replicator{
		local: local, opts: opts, pool: pool, origin: origin, log: log,
		secret: cfg.ConnConfig.Password, kick: make(chan struct{}, 1), m: newMetrics(),
	}, nil
}

// discard is an io.Writer that drops everything.
type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// redact returns err's text without the password.
func redact(err error, secret string) string {
	s := err.Error()
	if secret != "" {
		s = strings.ReplaceAll(s, secret, "xxxxx")
	}
	return s
}

// Origin returns the id of the store this Replicator pushes for.
func (r *Replicator) Origin() store.Origin { return r.origin }

// Sync pushes the outbox and pulls what the other processes pushed, within
// Options.Timeout. An error means PostgreSQL could not be reached or
// refused: what was not pushed stays queued and the next Sync carries on
// from where this one stopped. The first failure of an outage is logged,
// and the first success after it.
func (r *Replicator) Sync(ctx context.Context) (SyncResult, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, r.opts.Timeout)
	defer cancel()
	res, err := r.sync(ctx)
	r.m.pushed.Add(float64(res.Pushed))
	r.m.imported.Add(float64(res.Imported))
	if err != nil {
		if parent.Err() != nil {
			// Shutting down, not an outage.
			return res, fmt.Errorf("pgmemory: sync: %w", parent.Err())
		}
		r.lastFail = time.Now()
		r.m.failures.Inc()
		r.m.up.Set(0)
		if !r.down {
			r.down = true
			queued, _ := r.local.OutboxLen(context.WithoutCancel(ctx))
			r.log.WithField("queued", queued).WithField("error", redact(err, r.secret)).
				Warn("shared memory unreachable: patrolling on the local memory, queuing its facts")
		}
		return res, fmt.Errorf("pgmemory: sync: %s", redact(err, r.secret))
	}
	r.m.up.Set(1)
	if r.down {
		r.down = false
		r.log.WithField("pushed", res.Pushed).WithField("imported", res.Imported).Info("shared memory reachable again: caught up")
	}
	return res, nil
}

// SyncBeforePass is Sync for the start of a patrol pass: during an outage it
// tries at most once per Interval, so that passes do not each wait for a
// connection timeout. Its errors are logged by Sync and not returned: the
// pass goes on with the local memory.
func (r *Replicator) SyncBeforePass(ctx context.Context) {
	r.mu.Lock()
	skip := r.down && time.Since(r.lastFail) < r.opts.Interval
	r.mu.Unlock()
	if !skip {
		_, _ = r.Sync(ctx)
	}
}

func (r *Replicator) sync(ctx context.Context) (SyncResult, error) {
	var res SyncResult
	if !r.migrated {
		if _, err := migrate(ctx, r.pool); err != nil {
			return res, err
		}
		r.migrated = true
	}
	for {
		n, err := r.push(ctx)
		res.Pushed += n
		if err != nil {
			return res, err
		}
		if n < r.opts.Batch {
			break
		}
	}
	for {
		pulled, imported, err := r.pull(ctx)
		res.Pulled += pulled
		res.Imported += imported
		if err != nil {
			return res, err
		}
		if pulled < r.opts.Batch {
			break
		}
	}
	return res, nil
}

// push sends one batch of the outbox and deletes it from the outbox once
// PostgreSQL committed it.
func (r *Replicator) push(ctx context.Context) (int, error) {
	facts, err := r.local.Outbox(ctx, r.opts.Batch)
	if err != nil || len(facts) == 0 {
		return 0, err
	}
	origin := r.origin.String()
	err = pgx.BeginFunc(ctx, r.pool, func(tx pgx.Tx) error {
		b := &pgx.Batch{}
		b.Queue("SELECT pg_advisory_xact_lock($1)", pushLock)
		for _, f := range facts {
			if e := f.Event; e != nil {
				var ip *string
				if e.IP.IsValid() {
					s := e.IP.Unmap().String()
					ip = &s
				}
				b.Queue(`INSERT INTO wikiwarden.events
					(origin, origin_seq, site, kind, ip, username, title, rev_id, at, tokens, domains)
					VALUES ($1::uuid, $2, $3, $4, $5::inet, $6, $7, $8, $9, $10, $11)
					ON CONFLICT (origin, origin_seq) DO NOTHING`,
					origin, int64(f.Seq), e.Site, string(e.Kind), ip, e.User, e.Title, e.RevID, e.Time,
					nonNil(e.Tokens), nonNil(e.Domains))
			}
			for _, d := range f.SpamDomains {
				// Not when a moderator cleared the domain since: a
				// process that was offline pushes its confirmation late.
				b.Queue(`INSERT INTO wikiwarden.spam_domains (domain, origin, origin_seq, site, at)
					SELECT $1::text, $2::uuid, $3::bigint, $4::text, $5::timestamptz WHERE NOT EXISTS (
						SELECT 1 FROM wikiwarden.cleared_domains WHERE domain = $1 AND at >= $5)
					ON CONFLICT (domain) DO NOTHING`,
					strings.ToLower(d), origin, int64(f.Seq), f.Site, orNow(f.Time))
			}
			for _, d := range f.ClearedDomains {
				b.Queue(`DELETE FROM wikiwarden.spam_domains WHERE domain = $1 AND at <= $2`, strings.ToLower(d), orNow(f.Time))
				b.Queue(`INSERT INTO wikiwarden.cleared_domains (domain, origin, origin_seq, site, at)
					VALUES ($1, $2::uuid, $3, $4, $5) ON CONFLICT (origin, origin_seq, domain) DO NOTHING`,
					strings.ToLower(d), origin, int64(f.Seq), f.Site, orNow(f.Time))
			}
		}
		b.Queue("SELECT pg_notify($1, $2)", channel, origin)
		return tx.SendBatch(ctx, b).Close()
	})
	if err != nil {
		return 0, fmt.Errorf("push %d facts: %w", len(facts), err)
	}
	if _, err := r.local.DropOutbox(ctx, facts[len(facts)-1].Seq); err != nil {
		return 0, err
	}
	return len(facts), nil
}

// nonNil returns ss, or an empty slice for nil: the columns are NOT NULL.
func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

func orNow(t time.Time) time.Time {
	if t.IsZero() {
		return time.Now()
	}
	return t
}

// pull reads one batch each of events, spam domains and cleared domains
// after the store's cursor and imports them with the new cursor. pulled counts the rows read.
func (r *Replicator) pull(ctx context.Context) (pulled, imported int, err error) {
	cur, err := r.local.SharedCursor(ctx)
	if err != nil {
		return 0, 0, err
	}
	var facts []store.SharedFact
	rows, err := r.pool.Query(ctx, `SELECT id, origin::text, origin_seq, site, kind, host(ip), username, title,
		rev_id, at, tokens, domains FROM wikiwarden.events WHERE id > $1 ORDER BY id LIMIT $2`, cur.Events, r.opts.Batch)
	if err != nil {
		return 0, 0, fmt.Errorf("pull events: %w", err)
	}
	nEvents := 0
	for rows.Next() {
		var (
			id, seq, rev int64
			origin, kind string
			ip           *string
			e            store.Event
		)
		if err := rows.Scan(&id, &origin, &seq, &e.Site, &kind, &ip, &e.User, &e.Title, &rev, &e.Time, &e.Tokens, &e.Domains); err != nil {
			rows.Close()
			return 0, 0, fmt.Errorf("pull events: %w", err)
		}
		e.Kind, e.RevID, e.Time = store.EventKind(kind), rev, e.Time.UTC()
		if ip != nil {
			if a, err := netip.ParseAddr(*ip); err == nil {
				e.IP = a
			}
		}
		if len(e.Tokens) == 0 {
			e.Tokens = nil
		}
		if len(e.Domains) == 0 {
			e.Domains = nil
		}
		o, err := parseOrigin(origin)
		if err != nil {
			rows.Close()
			return 0, 0, fmt.Errorf("pull events: event %d: %w", id, err)
		}
		facts = append(facts, store.SharedFact{Origin: o, Seq: uint64(seq), Event: &e})
		cur.Events = id
		nEvents++
	}
	if err := rows.Err(); err != nil {
		return 0, 0, fmt.Errorf("pull events: %w", err)
	}
	spam, err := r.pullDomains(ctx, false, &cur.Domains)
	if err != nil {
		return 0, 0, err
	}
	cleared, err := r.pullDomains(ctx, true, &cur.Cleared)
	if err != nil {
		return 0, 0, err
	}
	// Marks and clears of a domain apply in the order they were decided:
	// the last one stands.
	domains := append(spam, cleared...)
	slices.SortStableFunc(domains, func(a, b store.SharedFact) int { return a.Time.Compare(b.Time) })
	facts = append(facts, domains...)
	if len(facts) == 0 {
		return 0, 0, r.rewind(ctx, cur)
	}
	n, err := r.local.Import(ctx, facts, cur)
	if err != nil {
		return 0, 0, err
	}
	return max(nEvents, len(spam), len(cleared)), n, nil
}

// pullDomains reads one batch of the spam domains, or of the cleared ones,
// after *after, as facts, and moves *after to the last one read.
func (r *Replicator) pullDomains(ctx context.Context, cleared bool, after *int64) ([]store.SharedFact, error) {
	table := "spam_domains"
	if cleared {
		table = "cleared_domains" // the same columns
	}
	rows, err := r.pool.Query(ctx, `SELECT id, origin::text, origin_seq, domain, site, at
		FROM wikiwarden.`+table+` WHERE id > $1 ORDER BY id LIMIT $2`, *after, r.opts.Batch)
	if err != nil {
		return nil, fmt.Errorf("pull %s: %w", table, err)
	}
	defer rows.Close()
	var facts []store.SharedFact
	for rows.Next() {
		var (
			id, seq int64
			origin  string
			f       store.SharedFact
			d       string
		)
		if err := rows.Scan(&id, &origin, &seq, &d, &f.Site, &f.Time); err != nil {
			return nil, fmt.Errorf("pull %s: %w", table, err)
		}
		if f.Origin, err = parseOrigin(origin); err != nil {
			return nil, fmt.Errorf("pull %s: row %d: %w", table, id, err)
		}
		f.Seq = uint64(seq)
		if cleared {
			f.ClearedDomains = []string{d}
		} else {
			f.SpamDomains = []string{d}
		}
		facts = append(facts, f)
		*after = id
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pull %s: %w", table, err)
	}
	return facts, nil
}

// rewind starts reading the shared log from its beginning again when it
// ends before the store's position: the database was recreated or restored
// from a backup, and its ids started over. The store imports each event
// once all the same, by its origin id.
func (r *Replicator) rewind(ctx context.Context, cur store.SharedCursor) error {
	if cur == (store.SharedCursor{}) {
		return nil
	}
	var end store.SharedCursor
	err := r.pool.QueryRow(ctx, `SELECT (SELECT coalesce(max(id), 0) FROM wikiwarden.events),
		(SELECT coalesce(max(id), 0) FROM wikiwarden.spam_domains),
		(SELECT coalesce(max(id), 0) FROM wikiwarden.cleared_domains)`).Scan(&end.Events, &end.Domains, &end.Cleared)
	if err != nil {
		return fmt.Errorf("pull: log position: %w", err)
	}
	if end.Events >= cur.Events && end.Domains >= cur.Domains && end.Cleared >= cur.Cleared {
		return nil
	}
	r.log.WithField("position", cur.Events).WithField("log_end", end.Events).
		Warn("shared memory: the log ends before this store's position (database recreated or restored?); reading it again from the start")
	_, err = r.local.Import(ctx, nil, store.SharedCursor{})
	return err
}

// parseOrigin reads PostgreSQL's text form of a uuid.
func parseOrigin(s string) (store.Origin, error) {
	var o store.Origin
	b, err := hex.DecodeString(strings.ReplaceAll(s, "-", ""))
	if err != nil || len(b) != len(o) {
		return o, fmt.Errorf("bad origin %q", s)
	}
	copy(o[:], b)
	return o, nil
}

// Kick asks the running replicator (Start) to sync soon, for example after
// a commit queued facts. It never blocks.
func (r *Replicator) Kick() {
	select {
	case r.kick <- struct{}{}:
	default:
	}
}

// Start syncs in the background until ctx is cancelled or Stop is called:
// every Interval, after Kick, and when another process announces a push.
// Call it once.
func (r *Replicator) Start(ctx context.Context) {
	ctx, r.cancel = context.WithCancel(ctx)
	r.done = make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); r.listen(ctx) }()
	go func() { defer wg.Done(); r.loop(ctx) }()
	go func() { wg.Wait(); close(r.done) }()
}

// Stop ends what Start began and waits for it, then pushes what is still
// queued (within Timeout; what does not make it stays queued for the next
// run) and closes the pool. Call it once, after the last commit.
func (r *Replicator) Stop() {
	if r.cancel != nil {
		r.cancel()
		<-r.done
	}
	r.mu.Lock()
	down := r.down
	r.mu.Unlock()
	if !down {
		_, _ = r.Sync(context.Background())
	}
	r.pool.Close()
}

func (r *Replicator) loop(ctx context.Context) {
	t := time.NewTicker(r.opts.Interval)
	defer t.Stop()
	var lastExpiry time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-r.kick:
		}
		if _, err := r.Sync(ctx); err != nil || r.opts.Retention <= 0 || time.Since(lastExpiry) < time.Hour {
			continue
		}
		lastExpiry = time.Now()
		before := time.Now().Add(-r.opts.Retention)
		n, err := r.Expire(ctx, before)
		if err == nil {
			_, err = r.local.PruneImported(ctx, before)
		}
		if err != nil && ctx.Err() == nil {
			r.log.WithField("error", redact(err, r.secret)).Warn("shared memory: expiry failed")
		} else if n > 0 {
			r.log.WithField("removed", n).Info("shared memory: expired old events")
		}
	}
}

// listen waits for other processes' pushes on a connection of its own and
// kicks a sync for each; on a lost connection it tries again every few
// seconds (Sync reports the outage).
func (r *Replicator) listen(ctx context.Context) {
	own := r.origin.String()
	retry := min(r.opts.Interval, 5*time.Second)
	for ctx.Err() == nil {
		conn, err := r.pool.Acquire(ctx)
		if err == nil {
			// Taken out of the pool: a LISTENing session is no good
			// to other users.
			c := conn.Hijack()
			_, err = c.Exec(ctx, "LISTEN "+channel)
			for err == nil {
				var n *pgconn.Notification
				n, err = c.WaitForNotification(ctx)
				if err == nil && n.Payload != own {
					r.Kick()
				}
			}
			_ = c.Close(context.WithoutCancel(ctx))
		}
		select {
		case <-ctx.Done():
		case <-time.After(retry):
		}
	}
}

// Expire deletes shared events that happened before before, for every
// process, and returns how many. Spam domains are kept.
func (r *Replicator) Expire(ctx context.Context, before time.Time) (int, error) {
	tag, err := r.pool.Exec(ctx, "DELETE FROM wikiwarden.events WHERE at < $1", before)
	if err != nil {
		return 0, fmt.Errorf("pgmemory: expire: %s", redact(err, r.secret))
	}
	return int(tag.RowsAffected()), nil
}

// RangeEvents returns the shared events of every address in prefix at or
// after since, of every process, oldest first: the range query the GiST
// index serves. The bot reads its local store; this is for operators and
// tests.
func (r *Replicator) RangeEvents(ctx context.Context, prefix netip.Prefix, since time.Time) ([]store.Event, error) {
	rows, err := r.pool.Query(ctx, `SELECT site, kind, host(ip), username, title, rev_id, at, tokens, domains
		FROM wikiwarden.events WHERE ip <<= $1::cidr AND at >= $2 ORDER BY at, id`, prefix.Masked().String(), since)
	if err != nil {
		return nil, fmt.Errorf("pgmemory: events of %s: %s", prefix, redact(err, r.secret))
	}
	defer rows.Close()
	var out []store.Event
	for rows.Next() {
		var (
			e    store.Event
			kind string
			ip   string
		)
		if err := rows.Scan(&e.Site, &kind, &ip, &e.User, &e.Title, &e.RevID, &e.Time, &e.Tokens, &e.Domains); err != nil {
			return nil, fmt.Errorf("pgmemory: events of %s: %w", prefix, err)
		}
		e.Kind, e.Time = store.EventKind(kind), e.Time.UTC()
		e.IP, _ = netip.ParseAddr(ip)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pgmemory: events of %s: %s", prefix, redact(err, r.secret))
	}
	return out, nil
}
