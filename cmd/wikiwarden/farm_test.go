package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/wikiwarden/wikiwarden/internal/testpostgres"
	"github.com/wikiwarden/wikiwarden/internal/testwiki"
	"github.com/wikiwarden/wikiwarden/store"
)

// farmProcess is one "wikiwarden run" of a farm test.
type farmProcess struct {
	name   string
	cfg    string
	db     string
	env    map[string]string
	logs   syncBuffer
	cancel context.CancelFunc
	done   chan int
}

// newFarmProcess writes the config of a process patrolling wiki as site
// name, with the shared memory on pg.
func newFarmProcess(t *testing.T, name string, wiki *testwiki.Wiki, pg *testpostgres.Server) *farmProcess {
	t.Helper()
	p := &farmProcess{name: name, db: filepath.Join(t.TempDir(), "wikiwarden.db"),
		env: map[string]string{"WIKIWARDEN_PASSWORD_" + strings.ToUpper(name): wiki.BotPassword, "FARM_DSN": pg.DSN}}
	p.cfg = writeConfig(t, fmt.Sprintf(`sites:
  - {name: %s, kind: mediawiki, api: %s, username: %s}
patrol:
  schedule: "@every 1s"
  lookback: 1h
review:
  listen: ""
store:
  path: %s
shared:
  kind: postgres
  dsn_env: FARM_DSN
  sync: 1s
`, name, wiki.API, wiki.BotUser, p.db))
	return p
}

// start runs the process until stop.
func (p *farmProcess) start(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel, p.done = cancel, make(chan int, 1)
	go func() {
		err := run(ctx, []string{"run", "--config", p.cfg}, testGetenv(p.env), io.Discard, &p.logs)
		p.done <- exitCode(err, &p.logs)
	}()
	t.Cleanup(func() {
		p.stop(t)
		if t.Failed() {
			var keep []string
			for _, line := range strings.Split(p.logs.String(), "\n") {
				if !strings.Contains(line, "read 0 edits") {
					keep = append(keep, line)
				}
			}
			t.Logf("%s's log, without the empty passes:\n%s", p.name, strings.Join(keep, "\n"))
		}
	})
}

// stop ends the run and checks that it exits 0.
func (p *farmProcess) stop(t *testing.T) {
	if p.cancel == nil {
		return
	}
	p.cancel()
	p.cancel = nil
	select {
	case code := <-p.done:
		if code != 0 {
			t.Errorf("%s: run exit %d", p.name, code)
		}
	case <-time.After(30 * time.Second):
		t.Errorf("%s: run did not stop within 30s", p.name)
	}
}

// sharedEvents counts the shared memory's events of kind in prefix.
func sharedEvents(t *testing.T, dsn, kind, prefix string) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return -1 // down, or not yet up
	}
	defer c.Close(ctx)
	var n int
	q := "SELECT count(*) FROM wikiwarden.events WHERE ($1 = '' OR kind = $1) AND ($2 = '' OR ip <<= $2::cidr)"
	if err := c.QueryRow(ctx, q, kind, prefix).Scan(&n); err != nil {
		return -1 // no schema yet
	}
	return n
}

const (
	pillsSpam   = " [http://www.rx-pharmacy-direct.example/ buy cheap pills online without prescription]"
	casinoSpam  = " Best online casino with free spins and no deposit bonus: http://www.spin-palace-casino.example/free-spins"
	paydaySpam  = " Need money fast? Instant payday loans, no credit check: http://www.quick-payday-loans.example/apply"
	controlSpam = " [http://www.cheap-meds-online.example/ buy cheap pills online without prescription]"
	farmTokenA1 = " xkqzvbwplt"
	farmTokenA2 = " qjxzvkwbrt"
	farmTokenB1 = " zvkqxjwbtp"
	farmTokenB2 = " wqzkxvbjtr"
)

// TestFarmSharesMemory runs two "wikiwarden run" processes on two real
// wikis with one real PostgreSQL: a /24 whose probes A reverted has its
// spam on B's wiki reverted and blocked on B's next pass, while the same
// spam from an address with no history is only reverted; with PostgreSQL
// stopped both keep patrolling, and after its restart B's memory reaches A;
// in the end every event is in PostgreSQL once and in each store once.
func TestFarmSharesMemory(t *testing.T) {
	pg := testpostgres.Start(t)
	wikiA, wikiB := testwiki.Start(t), testwiki.Start(t)
	ctx := context.Background()
	seedWiki(t, wikiA)
	seedWiki(t, wikiB)
	a := newFarmProcess(t, "alpha", wikiA, pg)
	b := newFarmProcess(t, "beta", wikiB, pg)
	a.start(t)
	b.start(t)

	gone := func(w *testwiki.Wiki, title, text string) func() bool {
		return func() bool {
			got, err := w.PageText(ctx, title)
			return err == nil && !strings.Contains(got, strings.TrimSpace(text))
		}
	}
	edit := func(w *testwiki.Wiki, ip, title, text string) {
		t.Helper()
		if _, err := w.AppendAnon(ctx, ip, title, text, ""); err != nil {
			t.Fatal(err)
		}
	}
	blocked := func(w *testwiki.Wiki, target string) bool {
		ok, err := w.Blocked(ctx, target)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}

	// The botnet probes A's wiki from two addresses of 192.0.2.0/24.
	edit(wikiA, "192.0.2.10", "Aardvark", farmTokenA1)
	edit(wikiA, "192.0.2.23", "Albedo", farmTokenA2)
	waitFor(t, "A reverts the probes", func() bool {
		return gone(wikiA, "Aardvark", farmTokenA1)() && gone(wikiA, "Albedo", farmTokenA2)()
	})
	start := time.Now()
	waitFor(t, "A's probes in the shared memory", func() bool { return sharedEvents(t, pg.DSN, "probe", "192.0.2.0/24") == 2 })
	t.Logf("A's probes shared %s after their reverts were seen", time.Since(start).Round(time.Millisecond))

	// The botnet returns to B's wiki from a new address of the range, and
	// an address with no history posts the same kind of spam.
	edit(wikiB, "192.0.2.77", "Aardvark", casinoSpam)
	edit(wikiB, "203.0.113.50", "Albedo", controlSpam)
	start = time.Now()
	waitFor(t, "B reverts both spam edits", func() bool {
		return gone(wikiB, "Aardvark", casinoSpam)() && gone(wikiB, "Albedo", controlSpam)()
	})
	t.Logf("B reverted the spam %s after it was posted", time.Since(start).Round(time.Millisecond))
	waitFor(t, "B blocks the range A saw probing", func() bool { return blocked(wikiB, "192.0.2.77") })
	t.Logf("192.0.2.0/24 blocked as a range on B: %v", blocked(wikiB, "192.0.2.0/24"))
	if blocked(wikiB, "203.0.113.50") {
		t.Error("B blocked the address with no history: the block is not the shared memory's doing")
	}

	// PostgreSQL goes away. Both keep patrolling: B reverts probes from
	// 198.51.100.0/24 and queues them.
	pg.Stop(t)
	edit(wikiB, "198.51.100.10", "Aardvark", farmTokenB1)
	edit(wikiB, "198.51.100.11", "Albedo", farmTokenB2)
	edit(wikiA, "100.64.7.7", "Aardvark", pillsSpam)
	waitFor(t, "both patrol during the outage", func() bool {
		return gone(wikiB, "Aardvark", farmTokenB1)() && gone(wikiB, "Albedo", farmTokenB2)() && gone(wikiA, "Aardvark", pillsSpam)()
	})
	time.Sleep(2 * time.Second) // a few failed syncs
	pg.Restart(t)
	start = time.Now()
	waitFor(t, "B's queued probes in the shared memory", func() bool { return sharedEvents(t, pg.DSN, "probe", "198.51.100.0/24") == 2 })
	t.Logf("B caught up %s after PostgreSQL restarted", time.Since(start).Round(time.Millisecond))

	// The range B saw probing returns to A's wiki.
	edit(wikiA, "198.51.100.99", "Albedo", paydaySpam)
	waitFor(t, "A reverts and blocks the range B saw probing", func() bool {
		return gone(wikiA, "Albedo", paydaySpam)() && blocked(wikiA, "198.51.100.99")
	})
	if blocked(wikiA, "100.64.7.7") {
		t.Error("A blocked the address with no history")
	}

	// Settle: both processes stop (pushing what they queued), then one
	// pass each pulls what the other pushed last.
	a.stop(t)
	b.stop(t)
	for _, p := range []*farmProcess{a, b} {
		if code, stdout, stderr := runCmd(ctx, p.env, "patrol", "--config", p.cfg, "--once"); code != 0 {
			t.Fatalf("%s: patrol --once: exit %d\n%s%s", p.name, code, stdout, stderr)
		}
	}
	if code, stdout, stderr := runCmd(ctx, a.env, "patrol", "--config", a.cfg, "--once"); code != 0 {
		t.Fatalf("alpha: patrol --once: exit %d\n%s%s", code, stdout, stderr)
	}
	total := sharedEvents(t, pg.DSN, "", "")
	code, stdout, stderr := runCmd(ctx, a.env, "check", "--config", a.cfg)
	if want := fmt.Sprintf("shared memory: PostgreSQL reachable, schema 2, %d events", total); code != 0 || !strings.Contains(stdout, want) {
		t.Errorf("check: exit %d, want %q in\n%s%s", code, want, stdout, stderr)
	}
	for _, p := range []*farmProcess{a, b} {
		rep, err := store.Verify(p.db, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Events != total {
			t.Errorf("%s's store holds %d events, the shared memory %d: each should hold every event once", p.name, rep.Events, total)
		}
		logs := p.logs.String()
		if n := strings.Count(logs, "shared memory unreachable"); n != 1 {
			t.Errorf("%s logged the outage %d times, want once", p.name, n)
		}
		if n := strings.Count(logs, "shared memory reachable again"); n != 1 {
			t.Errorf("%s logged the end of the outage %d times, want once", p.name, n)
		}
		if strings.Contains(logs, pg.DSN) || strings.Contains(logs, "postgres://") {
			t.Errorf("%s logged the DSN", p.name)
		}
	}
	t.Logf("%d shared events, each once in each store", total)
}
