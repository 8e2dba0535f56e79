package main

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/store"
	"github.com/wikiwarden/wikiwarden/web"
)

// slowSite is a site whose pass tells when it starts and ends when told.
type slowSite struct {
	started chan struct{}
	release chan struct{}
}

func (s slowSite) Pass(ctx context.Context) (bot.Summary, error) {
	close(s.started)
	select {
	case <-s.release:
	case <-ctx.Done():
	}
	return bot.Summary{}, ctx.Err()
}

// TestSitesPassSideBySide: with the console on, two sites' passes run at
// once; a moderator's action on a site (its lock) still waits for that
// site's pass, and only for it.
func TestSitesPassSideBySide(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "ww.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m, err := web.NewMetrics(prometheus.NewRegistry(), web.MetricsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := &console{metrics: m}
	log := logrus.New()
	log.SetLevel(logrus.PanicLevel)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()

	sites := map[string]slowSite{}
	done := map[string]chan error{}
	for _, name := range []string{"a", "b"} {
		s := slowSite{started: make(chan struct{}), release: make(chan struct{})}
		ch := make(chan error, 1)
		sites[name], done[name] = s, ch
		go func() { ch <- observedPass(ctx, name, s, st.Site(name), c, log) }()
	}
	for name, s := range sites {
		select {
		case <-s.started:
		case <-time.After(10 * time.Second):
			t.Fatalf("site %s's pass did not start while the other's ran", name)
		}
	}
	close(sites["b"].release)
	if err := <-done["b"]; err != nil {
		t.Fatal(err)
	}
	if c.siteLock("a").TryLock() {
		t.Fatal("a moderator could act on site a during its pass")
	}
	if !c.siteLock("b").TryLock() {
		t.Fatal("a moderator cannot act on site b while site a's pass runs")
	}
	c.siteLock("b").Unlock()
	close(sites["a"].release)
	if err := <-done["a"]; err != nil {
		t.Fatal(err)
	}
	if !c.siteLock("a").TryLock() {
		t.Fatal("site a's lock is still held after its pass")
	}
}

// TestConsoleTakesReloadedSites: a site a reload builds is shown in the
// running console; the first site is not replaced.
func TestConsoleTakesReloadedSites(t *testing.T) {
	a := offlineApp(t, "", nil)
	c, err := newConsole(a)
	if err != nil {
		t.Fatal(err)
	}
	sc := a.sites[0].cfg
	sc.Name, sc.MediaWiki.API = "added", "http://127.0.0.1:1/added/api.php"
	s, err := a.newSite(sc, func(string) string { return "x" })
	if err != nil {
		t.Fatal(err)
	}
	if err := c.setSite(s); err != nil {
		t.Fatalf("set a reloaded site: %v", err)
	}
	if err := c.setSite(s); err != nil {
		t.Fatalf("replace a changed site: %v", err)
	}
	if err := c.setSite(a.sites[0]); err == nil {
		t.Error("the first site was replaced")
	}
	c.removeSite("added")
	if c.siteLock("added") == c.siteLock(a.sites[0].cfg.Name) {
		t.Error("the added site shares the first site's lock")
	}
}
