package pgmemory_test

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/sirupsen/logrus"
	logtest "github.com/sirupsen/logrus/hooks/test"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/internal/testpostgres"
	"github.com/wikiwarden/wikiwarden/pgmemory"
	"github.com/wikiwarden/wikiwarden/store"
)

// t0 is an arbitrary base time for events: recent, as the bot's are.
var t0 = time.Now().UTC().Truncate(time.Second).Add(-time.Hour)

// password is put in the DSN to check that it is never logged; the test
// server trusts loopback connections and ignores it.
const password = "s3cr3t-pw"

// withPassword returns the server's DSN with the password in it.
func withPassword(dsn string) string {
	return strings.Replace(dsn, "postgres://wikiwarden@", "postgres://wikiwarden:"+password+"@", 1)
}

// process is one wikiwarden's store and replicator.
type process struct {
	st  *store.Store
	r   *pgmemory.Replicator
	log *logtest.Hook
}

// newProcess opens a shared store in a new directory and its replicator.
func newProcess(t *testing.T, dsn string, opts pgmemory.Options) *process {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "wikiwarden.db"), store.Options{Share: true})
	if err != nil {
		t.Fatal(err)
	}
	logger, hook := logtest.NewNullLogger()
	opts.DSN, opts.Log = withPassword(dsn), logger
	if opts.Timeout == 0 {
		opts.Timeout = 5 * time.Second
	}
	r, err := pgmemory.New(context.Background(), st, opts)
	if err != nil {
		t.Fatal(err)
	}
	p := &process{st: st, r: r, log: hook}
	t.Cleanup(func() {
		r.Stop()
		st.Close()
		for _, e := range hook.AllEntries() {
			if s, _ := e.String(); strings.Contains(s, password) {
				t.Errorf("the DSN's password was logged: %s", s)
			}
		}
	})
	return p
}

// probe commits a probe edit rev from ip, on site, at minute m after t0.
func (p *process) probe(t *testing.T, site string, rev int64, ip string, m int) {
	t.Helper()
	at := t0.Add(time.Duration(m) * time.Minute)
	h := store.Handled{
		Record: store.Record{RevID: rev, Title: "Page", User: ip, IP: ip, Anon: true, Time: at, Seen: at,
			Verdict: decision.VerdictProbe, Action: decision.ActionRevert},
		Events: []store.Event{
			{Kind: store.EventProbe, IP: netip.MustParseAddr(ip), User: ip, Title: "Page", RevID: rev, Time: at, Tokens: []string{fmt.Sprintf("tok%dqz", rev)}},
			{Kind: store.EventRevert, IP: netip.MustParseAddr(ip), User: ip, Title: "Page", RevID: rev, Time: at},
		},
	}
	if err := p.st.Site(site).Commit(context.Background(), h); err != nil {
		t.Fatal(err)
	}
}

// ipEvents counts the events the process's store knows of prefix.
func (p *process) ipEvents(t *testing.T, prefix string) []store.Event {
	t.Helper()
	evs, err := p.st.IPEvents(context.Background(), netip.MustParsePrefix(prefix), t0.Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

// count returns the number of rows of a shared table.
func count(t *testing.T, dsn, table string) int {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	var n int
	if err := c.QueryRow(ctx, "SELECT count(*) FROM wikiwarden."+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func mustSync(t *testing.T, p *process) pgmemory.SyncResult {
	t.Helper()
	res, err := p.r.Sync(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestPushPull(t *testing.T) {
	pg := testpostgres.Start(t)
	a := newProcess(t, pg.DSN, pgmemory.Options{})
	b := newProcess(t, pg.DSN, pgmemory.Options{})
	ctx := context.Background()

	if st, err := pgmemory.Check(ctx, withPassword(pg.DSN)); err != nil || st.Schema != 0 || st.Latest < 1 {
		t.Fatalf("Check before the first sync = %+v, %v", st, err)
	}
	a.probe(t, "wiki", 1, "192.0.2.10", 1)
	a.probe(t, "wiki", 2, "192.0.2.11", 2)
	a.probe(t, "wiki", 3, "2001:db8::7", 3)
	if err := a.st.MarkSpamDomains(ctx, []string{"Casino.Example"}); err != nil {
		t.Fatal(err)
	}
	if res := mustSync(t, a); res.Pushed != 7 {
		t.Fatalf("A pushed %d facts, want 7 (3 commits' 6 events and a domain)", res.Pushed)
	}
	if n, _ := a.st.OutboxLen(ctx); n != 0 {
		t.Fatalf("A's outbox holds %d facts after the push", n)
	}
	if n := count(t, pg.DSN, "events"); n != 6 {
		t.Fatalf("%d shared events, want 6", n)
	}
	if st, err := pgmemory.Check(ctx, pg.DSN); err != nil || st.Schema != st.Latest || st.Events != 6 || st.SpamDomains != 1 {
		t.Fatalf("Check after A's push = %+v, %v", st, err)
	}
	res := mustSync(t, b)
	if res.Imported != 6 {
		t.Fatalf("B imported %+v, want 6 events", res)
	}
	evs := b.ipEvents(t, "192.0.2.0/24")
	if len(evs) != 4 || evs[0].Site != "wiki" || evs[0].Kind != store.EventProbe || !evs[0].Time.Equal(t0.Add(time.Minute)) {
		t.Fatalf("B's events of 192.0.2.0/24: %+v", evs)
	}
	if got := b.ipEvents(t, "2001:db8::/64"); len(got) != 2 {
		t.Fatalf("B's events of 2001:db8::/64: %+v", got)
	}
	if tok, _ := b.st.TokenEvents(ctx, "tok2qz"); len(tok) != 1 || tok[0].IP != netip.MustParseAddr("192.0.2.11") {
		t.Fatalf("B's events of token tok2qz: %+v", tok)
	}
	if d, _ := b.st.Site("forum").Domains(ctx); !d.Spam["casino.example"] {
		t.Fatalf("B's spam domains %v lack casino.example", d.Spam)
	}
	// Nothing new: nothing imported, and A does not import its own.
	if res := mustSync(t, b); res.Imported != 0 || res.Pulled != 0 {
		t.Fatalf("second sync of B: %+v", res)
	}
	if res := mustSync(t, a); res.Imported != 0 {
		t.Fatalf("A imported its own events: %+v", res)
	}
	if got := a.ipEvents(t, "192.0.2.0/24"); len(got) != 4 {
		t.Fatalf("A has %d events of its /24, want its own 4", len(got))
	}
	// B's facts reach A.
	b.probe(t, "forum", 7, "192.0.2.99", 10)
	mustSync(t, b)
	if res := mustSync(t, a); res.Imported != 2 {
		t.Fatalf("A imported %+v, want B's 2 events", res)
	}
	// The range query of the shared memory.
	rng, err := a.r.RangeEvents(ctx, netip.MustParsePrefix("192.0.2.0/24"), t0)
	if err != nil || len(rng) != 6 || rng[5].Site != "forum" {
		t.Fatalf("RangeEvents = %+v, %v", rng, err)
	}
	reg := prometheus.NewRegistry()
	if err := a.r.Register(reg); err != nil {
		t.Fatal(err)
	}
	if got := value(t, reg, "wikiwarden_shared_pushed_facts_total"); got != 7 {
		t.Errorf("pushed_facts_total = %v, want 7", got)
	}
	if n, err := testutil.GatherAndCount(reg); err != nil || n != 5 {
		t.Errorf("%d metrics, %v", n, err)
	}
	if got := value(t, reg, "wikiwarden_shared_up"); got != 1 {
		t.Errorf("wikiwarden_shared_up = %v, want 1", got)
	}
	if n, err := a.r.Expire(ctx, t0.Add(5*time.Minute)); err != nil || n != 6 {
		t.Fatalf("Expire = %d, %v; want the 6 events of A's first three commits", n, err)
	}
}

// flakyDrop fails the first DropOutbox: a crash after PostgreSQL committed
// the push and before the outbox forgot it.
type flakyDrop struct {
	*store.Store
	once sync.Once
}

func (f *flakyDrop) DropOutbox(ctx context.Context, upTo uint64) (n int, err error) {
	err = errors.New("crash")
	f.once.Do(func() { n, err = 0, errors.New("simulated crash") })
	if err.Error() == "crash" {
		return f.Store.DropOutbox(ctx, upTo)
	}
	return n, err
}

func TestPushedTwiceStoredOnce(t *testing.T) {
	pg := testpostgres.Start(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "wikiwarden.db"), store.Options{Share: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r, err := pgmemory.New(context.Background(), &flakyDrop{Store: st}, pgmemory.Options{DSN: pg.DSN})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Stop()
	p := &process{st: st, r: r}
	p.probe(t, "wiki", 1, "192.0.2.10", 1)
	if _, err := r.Sync(context.Background()); err == nil {
		t.Fatal("sync with a failing outbox succeeded")
	}
	if n, _ := st.OutboxLen(context.Background()); n != 2 {
		t.Fatalf("outbox holds %d, want the 2 events still queued", n)
	}
	if res := mustSync(t, p); res.Pushed != 2 {
		t.Fatalf("second sync: %+v", res)
	}
	if n := count(t, pg.DSN, "events"); n != 2 {
		t.Fatalf("%d shared events, want 2: pushed twice, stored once", n)
	}
}

// TestOutage stops PostgreSQL while two processes commit and sync, then
// starts it again: both keep committing, the outage is logged once by each,
// and once it is over every event is in PostgreSQL once and in the other
// process once.
func TestOutage(t *testing.T) {
	pg := testpostgres.Start(t)
	opts := pgmemory.Options{Interval: 100 * time.Millisecond, Timeout: 2 * time.Second}
	a := newProcess(t, pg.DSN, opts)
	b := newProcess(t, pg.DSN, opts)
	ctx := context.Background()
	a.r.Start(ctx)
	b.r.Start(ctx)

	const perPhase = 20
	rev := int64(0)
	commit := func(n int) {
		for range n {
			rev++
			a.probe(t, "wiki", rev, fmt.Sprintf("192.0.2.%d", rev), int(rev))
			b.probe(t, "forum", rev, fmt.Sprintf("198.51.100.%d", rev), int(rev))
			a.r.Kick()
			b.r.Kick()
			a.r.SyncBeforePass(ctx)
			time.Sleep(5 * time.Millisecond)
		}
	}
	commit(perPhase)
	pg.Stop(t)
	commit(perPhase) // patrolling on during the outage
	for _, p := range []*process{a, b} {
		if n, _ := p.st.OutboxLen(ctx); n == 0 {
			t.Fatal("nothing queued during the outage")
		}
	}
	pg.Restart(t)
	commit(perPhase)

	want := 2 * 3 * perPhase // each commit: a probe and a revert
	deadline := time.Now().Add(20 * time.Second)
	for {
		ga, gb := len(a.ipEvents(t, "198.51.100.0/24")), len(b.ipEvents(t, "192.0.2.0/24"))
		if ga == want && gb == want {
			break
		}
		if ga > want || gb > want {
			t.Fatalf("events applied twice: A has %d of B's, B has %d of A's, want %d", ga, gb, want)
		}
		if time.Now().After(deadline) {
			t.Fatalf("not caught up: A has %d of B's events, B has %d of A's, want %d", ga, gb, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if n := count(t, pg.DSN, "events"); n != 2*want {
		t.Fatalf("%d shared events, want %d", n, 2*want)
	}
	for name, p := range map[string]*process{"A": a, "B": b} {
		if n, _ := p.st.OutboxLen(ctx); n != 0 {
			t.Errorf("%s's outbox holds %d after catching up", name, n)
		}
		var down, back int
		for _, e := range p.log.AllEntries() {
			switch {
			case e.Level == logrus.WarnLevel && strings.Contains(e.Message, "unreachable"):
				down++
			case strings.Contains(e.Message, "reachable again"):
				back++
			}
		}
		if down != 1 || back != 1 {
			t.Errorf("%s logged the outage %d times and its end %d times, want once each", name, down, back)
		}
	}
}

// TestNotify: a process that syncs once a minute learns of another's push
// at once, through LISTEN/NOTIFY.
func TestNotify(t *testing.T) {
	pg := testpostgres.Start(t)
	a := newProcess(t, pg.DSN, pgmemory.Options{Interval: time.Minute})
	b := newProcess(t, pg.DSN, pgmemory.Options{Interval: time.Minute})
	mustSync(t, b) // the schema, before B listens
	b.r.Start(context.Background())
	time.Sleep(200 * time.Millisecond) // B's LISTEN
	a.probe(t, "wiki", 1, "192.0.2.10", 1)
	start := time.Now()
	mustSync(t, a)
	for len(b.ipEvents(t, "192.0.2.0/24")) != 2 {
		if time.Since(start) > 5*time.Second {
			t.Fatal("B did not hear of A's push within 5 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Logf("B imported A's push %s after it", time.Since(start).Round(time.Millisecond))
}

// TestMigrateConcurrently: processes starting together apply the schema
// once.
func TestMigrateConcurrently(t *testing.T) {
	pg := testpostgres.Start(t)
	ps := make([]*process, 4)
	for i := range ps {
		ps[i] = newProcess(t, pg.DSN, pgmemory.Options{MaxConns: 2})
	}
	var wg sync.WaitGroup
	errs := make([]error, len(ps))
	for i, p := range ps {
		wg.Go(func() { _, errs[i] = p.r.Sync(context.Background()) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	if n := count(t, pg.DSN, "events"); n != 0 {
		t.Fatalf("%d events", n)
	}
	ctx := context.Background()
	c, err := pgx.Connect(ctx, pg.DSN)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	st, err := pgmemory.Check(ctx, pg.DSN)
	if err != nil {
		t.Fatal(err)
	}
	var versions, distinct int
	if err := c.QueryRow(ctx, "SELECT count(*), count(DISTINCT version) FROM public.wikiwarden_migrations").Scan(&versions, &distinct); err != nil ||
		versions != st.Latest || distinct != versions {
		t.Fatalf("%d migrations recorded (%d versions), %v; want each of the %d once", versions, distinct, err, st.Latest)
	}
	// The range query can use the GiST index (on an empty table the
	// planner prefers a scan unless told otherwise).
	if _, err := c.Exec(ctx, "SET enable_seqscan = off"); err != nil {
		t.Fatal(err)
	}
	var plan strings.Builder
	rows, err := c.Query(ctx, "EXPLAIN SELECT * FROM wikiwarden.events WHERE ip <<= '192.0.2.0/24'::cidr")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var line string
		_ = rows.Scan(&line)
		plan.WriteString(line + "\n")
	}
	if !strings.Contains(plan.String(), "events_ip") {
		t.Errorf("the range query does not use the GiST index events_ip:\n%s", plan.String())
	}
}

func TestBadDSN(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "wikiwarden.db"), store.Options{Share: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, err = pgmemory.New(context.Background(), st, pgmemory.Options{DSN: "postgres://u:" + password + "@[::1"})
	if err == nil || strings.Contains(err.Error(), password) {
		t.Fatalf("New with a bad DSN: %v", err)
	}
}

// TestDatabaseRecreated: a shared memory recreated from scratch (its ids
// start over) is read again from the start, and nothing is imported twice.
func TestDatabaseRecreated(t *testing.T) {
	pg := testpostgres.Start(t)
	a := newProcess(t, pg.DSN, pgmemory.Options{})
	b := newProcess(t, pg.DSN, pgmemory.Options{})
	for i := range 3 {
		a.probe(t, "wiki", int64(i+1), fmt.Sprintf("192.0.2.%d", i+1), i)
	}
	mustSync(t, a)
	mustSync(t, b)
	ctx := context.Background()
	c, err := pgx.Connect(ctx, pg.DSN)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, "TRUNCATE wikiwarden.events RESTART IDENTITY"); err != nil {
		t.Fatal(err)
	}
	a.probe(t, "wiki", 10, "192.0.2.10", 10)
	mustSync(t, a)
	mustSync(t, b) // notices the log is behind it
	mustSync(t, b)
	if got := len(b.ipEvents(t, "192.0.2.0/24")); got != 8 {
		t.Fatalf("B has %d events of A's /24, want 8 (each once)", got)
	}
}

// value returns the value of the gathered counter or gauge called name.
func value(t *testing.T, reg *prometheus.Registry, name string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
		m := mf.GetMetric()[0]
		if c := m.GetCounter(); c != nil {
			return c.GetValue()
		}
		return m.GetGauge().GetValue()
	}
	t.Fatalf("no metric %s", name)
	return 0
}

// spam commits a link-spam revert of rev from ip on site at minute m after
// t0 that confirms domain as spam, and the example the site's spam layer
// learns from it, as the bot does.
func (p *process) spam(t *testing.T, site string, rev int64, ip string, m int, domain string) {
	t.Helper()
	ctx := context.Background()
	at := t0.Add(time.Duration(m) * time.Minute)
	h := store.Handled{
		Record: store.Record{RevID: rev, Title: "Page", User: ip, IP: ip, Anon: true, Time: at, Seen: at,
			Verdict: decision.VerdictLinkSpam, Action: decision.ActionRevert},
		Events:      []store.Event{{Kind: store.EventRevert, IP: netip.MustParseAddr(ip), User: ip, Title: "Page", RevID: rev, Time: at}},
		SpamDomains: []string{domain},
	}
	if err := p.st.Site(site).Commit(ctx, h); err != nil {
		t.Fatal(err)
	}
	ex := store.SpamExample{RevID: rev, Label: store.SpamLabelSpam, Keys: []string{store.SpamKeyDomain + domain, "a:cheap"}, Time: at}
	if err := p.st.Site(site).LearnSpam(ctx, ex); err != nil {
		t.Fatal(err)
	}
}

// spamDomain reports whether the process counts domain as spam.
func (p *process) spamDomain(t *testing.T, domain string) bool {
	t.Helper()
	d, err := p.st.Site("wiki").Domains(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return d.Spam[domain]
}

// TestRestoreClearsSharedSpamDomain: a domain confirmed as spam on A
// reaches B; once a moderator restores the edit on A, B stops counting
// it, a process that joins later never learns it, and a confirmation
// older than the restore pushed late by a process that was offline does
// not bring it back; a confirmation after the restore does.
func TestRestoreClearsSharedSpamDomain(t *testing.T) {
	pg := testpostgres.Start(t)
	a := newProcess(t, pg.DSN, pgmemory.Options{})
	b := newProcess(t, pg.DSN, pgmemory.Options{})
	offline := newProcess(t, pg.DSN, pgmemory.Options{})
	ctx := context.Background()

	a.spam(t, "wiki", 10, "192.0.2.10", 1, "shop-deals.example")
	a.spam(t, "wiki", 11, "192.0.2.11", 2, "casino.example")
	offline.spam(t, "wiki", 20, "198.51.100.7", 3, "shop-deals.example") // queued, not pushed
	mustSync(t, a)
	mustSync(t, b)
	if !b.spamDomain(t, "shop-deals.example") || !b.spamDomain(t, "casino.example") {
		t.Fatal("B did not learn A's spam domains")
	}

	// The console records a moderator's restore of revision 10 on A.
	restore := store.AuditEntry{Time: time.Now(), Moderator: "Mod", Action: store.AuditRestore, Site: "wiki", RevID: 10, Title: "Page"}
	if _, err := a.st.AddAudit(ctx, restore); err != nil {
		t.Fatal(err)
	}
	if a.spamDomain(t, "shop-deals.example") {
		t.Fatal("A still counts the domain its moderator restored")
	}
	if res := mustSync(t, a); res.Pushed != 1 {
		t.Fatalf("A pushed %+v, want the cleared domain", res)
	}
	if n, m := count(t, pg.DSN, "spam_domains"), count(t, pg.DSN, "cleared_domains"); n != 1 || m != 1 {
		t.Fatalf("shared memory holds %d spam and %d cleared domains, want 1 and 1", n, m)
	}
	mustSync(t, b)
	if b.spamDomain(t, "shop-deals.example") {
		t.Error("B still counts the domain A's moderator restored")
	}
	if !b.spamDomain(t, "casino.example") {
		t.Error("B lost a spam domain nobody restored")
	}

	// The process that was offline pushes its older confirmation.
	mustSync(t, offline)
	if offline.spamDomain(t, "shop-deals.example") {
		t.Error("the process that was offline still counts the restored domain after its sync")
	}
	mustSync(t, b)
	if b.spamDomain(t, "shop-deals.example") || count(t, pg.DSN, "spam_domains") != 1 {
		t.Error("a confirmation older than the restore brought the domain back")
	}
	late := newProcess(t, pg.DSN, pgmemory.Options{})
	mustSync(t, late)
	if late.spamDomain(t, "shop-deals.example") || !late.spamDomain(t, "casino.example") {
		t.Errorf("a process joining later counts shop-deals.example: %v, casino.example: %v; want false, true",
			late.spamDomain(t, "shop-deals.example"), late.spamDomain(t, "casino.example"))
	}

	// The campaign comes back with the domain, confirmed on B after the
	// restore: it is spam again everywhere.
	if err := b.st.MarkSpamDomains(ctx, []string{"shop-deals.example"}); err != nil {
		t.Fatal(err)
	}
	mustSync(t, b)
	mustSync(t, a)
	mustSync(t, late)
	if !a.spamDomain(t, "shop-deals.example") || !late.spamDomain(t, "shop-deals.example") {
		t.Error("a confirmation after the restore did not reach A and the late process")
	}
}
