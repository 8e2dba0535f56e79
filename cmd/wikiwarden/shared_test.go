package main

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/config"
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
