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
	dir := t.TempDir()
	path := writeConfig(t, "wiki:\n  api: http://127.0.0.1:1/w/api.php\n  username: Bot\nstore:\n  path: "+filepath.Join(dir, "ww.db")+
		"\nreview:\n  listen: 127.0.0.1:0\nshared:\n  kind: postgres\n  dsn_env: TEST_DSN\n")
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"WIKIWARDEN_PASSWORD": "x", "TEST_DSN": "postgres://ww@127.0.0.1:1/ww"}
	getenv := func(k string) string { return env[k] }
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
	a.store, err = store.Open(cfg.Store.Path, store.Options{DefaultSite: a.sites[0].cfg.Name, Share: true})
	if err != nil {
		t.Fatal(err)
	}
	defer a.store.Close()
	if err := a.startShared(context.Background(), getenv, false); err != nil {
		t.Fatal(err)
	}
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
