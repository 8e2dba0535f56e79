package main

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/config"
	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/internal/testpostgres"
	"github.com/wikiwarden/wikiwarden/store"
)

// TestConsoleMetricsShowSharedMemory: with a shared section, the console's
// /metrics registry has the replicator's metrics (PostgreSQL need not be
// up: the replicator connects on its first sync).
func TestConsoleMetricsShowSharedMemory(t *testing.T) {
	a := offlineApp(t, "shared:\n  kind: postgres\n  dsn_env: TEST_DSN\n", map[string]string{"TEST_DSN": "postgres://ww@127.0.0.1:1/ww"})
	c, err := newConsole(a)
	if err != nil {
		t.Fatal(err)
	}
	mfs, err := c.registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, mf := range mfs {
		names = append(names, mf.GetName())
	}
	got := strings.Join(names, " ")
	for _, want := range []string{"wikiwarden_shared_up", "wikiwarden_shared_pushed_facts_total", "wikiwarden_shared_sync_failures_total", "wikiwarden_shared_outbox_facts"} {
		if !strings.Contains(got, want) {
			t.Errorf("the console's metrics lack %s: %s", want, got)
		}
	}
}

// offlineApp is the app of a config of one wiki that is never reached
// (and extra), with its store open and the shared memory made, not
// started: enough to build the console.
func offlineApp(t *testing.T, extra string, env map[string]string) *app {
	t.Helper()
	path := writeConfig(t, "wiki:\n  api: http://127.0.0.1:1/w/api.php\n  username: Bot\nstore:\n  path: "+filepath.Join(t.TempDir(), "ww.db")+
		"\nreview:\n  listen: 127.0.0.1:0\n"+extra)
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	getenv := func(k string) string {
		if k == "WIKIWARDEN_PASSWORD" {
			return "x"
		}
		return env[k]
	}
	log := logrus.New()
	log.SetOutput(io.Discard)
	a := &app{cfg: cfg, log: log}
	for _, sc := range cfg.EffectiveSites() {
		s, err := a.newSite(sc, getenv)
		if err != nil {
			t.Fatal(err)
		}
		a.sites = append(a.sites, s)
	}
	a.store, err = store.Open(cfg.Store.Path, store.Options{DefaultSite: a.sites[0].cfg.Name, Share: cfg.Shared.Kind != ""})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.store.Close() })
	if err := a.startShared(context.Background(), getenv, false); err != nil {
		t.Fatal(err)
	}
	return a
}

// TestRestoreInConsoleClearsSharedSpamDomain: two processes wired as "run"
// wires them (the store, the patrollers' memory, the console's memory and
// the replicator, on a real PostgreSQL). A's patroller reverts link spam
// and the domain reaches B's memory; a moderator restores the edit in A's
// console, which pushes at once, and B's next pass no longer counts the
// domain.
func TestRestoreInConsoleClearsSharedSpamDomain(t *testing.T) {
	pg := testpostgres.Start(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	extra := "shared:\n  kind: postgres\n  dsn_env: TEST_DSN\n  sync: 1h\n" // pushes only when asked
	env := map[string]string{"TEST_DSN": pg.DSN}
	a, b := offlineApp(t, extra, env), offlineApp(t, extra, env)
	for _, p := range []*app{a, b} {
		p.shared.Start(ctx)
		t.Cleanup(p.shared.Stop)
	}
	site := a.sites[0].cfg.Name
	spamDomain := func(p *app) bool {
		t.Helper()
		mem := p.siteMemory(site)
		// A pass begins: sync. No pass ran before: no cursor.
		if _, err := mem.Cursor(ctx); err != nil && !errors.Is(err, store.ErrNotFound) {
			t.Fatal(err)
		}
		d, err := mem.Domains(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return d.Spam["shop-deals.example"]
	}

	// A's patroller reverts link spam and learns from it.
	at := time.Now().Add(-time.Minute).UTC()
	mem := a.siteMemory(site)
	h := store.Handled{
		Record: store.Record{RevID: 42, Title: "Aardvark", User: "192.0.2.9", IP: "192.0.2.9", Anon: true, Time: at, Seen: at,
			Verdict: decision.VerdictLinkSpam, Action: decision.ActionRevert},
		SpamDomains: []string{"shop-deals.example"},
	}
	if err := mem.Commit(ctx, h); err != nil {
		t.Fatal(err)
	}
	ex := store.SpamExample{RevID: 42, Label: store.SpamLabelSpam, Keys: []string{store.SpamKeyDomain + "shop-deals.example"}, Time: at}
	learner, ok := mem.(interface { // as the bot asks for it
		LearnSpam(context.Context, store.SpamExample) error
	})
	if !ok {
		t.Fatal("the patroller's memory has no spam layer")
	}
	if err := learner.LearnSpam(ctx, ex); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "B counts the domain A reverted as spam", func() bool { return spamDomain(b) })

	// A moderator restores the edit in A's console.
	c, err := newConsole(a)
	if err != nil {
		t.Fatal(err)
	}
	ws, _ := c.webSite(a.sites[0])
	restore := store.AuditEntry{Time: time.Now(), Moderator: "Admin", Action: store.AuditRestore, Site: site, RevID: 42, Title: "Aardvark"}
	if _, err := ws.Store.AddAudit(ctx, restore); err != nil {
		t.Fatal(err)
	}
	if spamDomain(a) {
		t.Fatal("A still counts the domain its moderator restored")
	}
	waitFor(t, "B stops counting the restored domain", func() bool { return !spamDomain(b) })
}
