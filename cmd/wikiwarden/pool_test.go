package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sirupsen/logrus"
	"github.com/sirupsen/logrus/hooks/test"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/config"
	"github.com/wikiwarden/wikiwarden/internal/testwiki"
)

// reloadHarness is a farm whose sites are counters: building a site and
// running its pass only count, so the reload is tested without a wiki.
type reloadHarness struct {
	t    *testing.T
	path string
	f    *farm
	hook *test.Hook

	mu     sync.Mutex
	builds map[string]int
	passes map[string]int
}

func farmConfig(dir, sites string) string {
	return fmt.Sprintf("sites:\n%s\nstore:\n  path: %s\nreview:\n  listen: \"\"\n", sites, filepath.Join(dir, "wikiwarden.db"))
}

func siteLine(name, schedule string) string {
	return fmt.Sprintf("  - {name: %s, kind: mediawiki, api: http://127.0.0.1:9/%s/api.php, username: Warden@patrol, schedule: %q}", name, name, schedule)
}

func newReloadHarness(t *testing.T, sites ...string) *reloadHarness {
	t.Helper()
	dir := t.TempDir()
	h := &reloadHarness{t: t, path: filepath.Join(dir, "wikiwarden.yaml"), builds: map[string]int{}, passes: map[string]int{}}
	h.write(sites...)
	cfg, err := config.Load(h.path)
	if err != nil {
		t.Fatal(err)
	}
	log, hook := test.NewNullLogger()
	log.SetLevel(logrus.DebugLevel)
	h.hook = hook
	h.f = &farm{log: log, path: h.path, cfg: cfg,
		build: func(_ context.Context, sc config.Site) (sitePatrol, error) {
			h.mu.Lock()
			defer h.mu.Unlock()
			h.builds[sc.Name]++
			if sc.Name == "refused" {
				return sitePatrol{}, errors.New("log in: wrong password")
			}
			return sitePatrol{name: sc.Name, schedule: sc.Schedule}, nil
		},
		jobs: func(sp sitePatrol, label string, _ bool) []bot.Job {
			return []bot.Job{{Name: "patrol", Site: label, Spec: sp.schedule, Fn: func(context.Context) error {
				h.mu.Lock()
				h.passes[sp.name]++
				h.mu.Unlock()
				return nil
			}}}
		},
	}
	var patrols []sitePatrol
	for _, sc := range cfg.EffectiveSites() {
		sp, _ := h.f.build(context.Background(), sc)
		patrols = append(patrols, sp)
	}
	if err := newFarm(h.f, patrols, nil); err != nil {
		t.Fatal(err)
	}
	return h
}

func (h *reloadHarness) write(sites ...string) {
	h.t.Helper()
	if err := os.WriteFile(h.path, []byte(farmConfig(filepath.Dir(h.path), strings.Join(sites, "\n"))), 0o600); err != nil {
		h.t.Fatal(err)
	}
}

func (h *reloadHarness) count(m map[string]int, name string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return m[name]
}

// hup sends the process a SIGHUP and waits for the farm to log msg.
func (h *reloadHarness) hup(msg string) *logrus.Entry {
	h.t.Helper()
	before := len(h.hook.AllEntries())
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		h.t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		for _, e := range h.hook.AllEntries()[before:] {
			if e.Message == msg {
				return e
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	h.t.Fatalf("no %q logged after SIGHUP", msg)
	return nil
}

func (h *reloadHarness) jobs() string {
	var parts []string
	for _, j := range h.f.pool.Jobs() {
		parts = append(parts, j.Site+" "+j.Spec)
	}
	return strings.Join(parts, ", ")
}

// TestReloadSites: SIGHUP adds, removes and reschedules sites of the
// config without touching the others; an invalid config is logged and the
// running one kept; a site that refuses the login is left out; the first
// site (the console's) is changed only by a restart.
func TestReloadSites(t *testing.T) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)

	h := newReloadHarness(t, siteLine("first", "@every 1s"), siteLine("b", "@every 1s"), siteLine("gone", "@every 1s"))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- h.f.serve(ctx, hup) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()
	time.Sleep(1500 * time.Millisecond)

	// gone removed, added and refused added, b rescheduled.
	h.write(siteLine("first", "@every 1s"), siteLine("b", "@every 2s"), siteLine("added", "@every 1s"), siteLine("refused", "@every 1s"))
	e := h.hup("reloaded the sites")
	if got := fmt.Sprint(e.Data["added"], e.Data["rescheduled"], e.Data["removed"]); got != "[added] [b] [gone]" {
		t.Errorf("reload logged added, rescheduled, removed %s", got)
	}
	if got, want := h.jobs(), "added @every 1s, b @every 2s, first @every 1s"; got != want {
		t.Errorf("jobs after the reload: %s, want %s", got, want)
	}
	goneAt, firstAt := h.count(h.passes, "gone"), h.count(h.passes, "first")
	time.Sleep(2500 * time.Millisecond)
	if n := h.count(h.passes, "gone") - goneAt; n != 0 {
		t.Errorf("a removed site had %d more passes", n)
	}
	if h.count(h.passes, "first")-firstAt < 2 || h.count(h.passes, "added") < 2 {
		t.Errorf("in 2.5 s of @every 1s after the reload: first had %d passes, added %d; want 2 or more", h.count(h.passes, "first")-firstAt, h.count(h.passes, "added"))
	}
	for name, want := range map[string]int{"first": 1, "b": 1, "added": 1, "refused": 1} {
		if n := h.count(h.builds, name); n != want {
			t.Errorf("site %s built %d times, want %d (a rescheduled or unchanged site is not rebuilt)", name, n, want)
		}
	}

	// An invalid config changes nothing.
	before := h.jobs()
	if err := os.WriteFile(h.path, []byte("sites: [{name: first, kind: mediawiki}]\nfarm: {workers: 0}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	e = h.hup("reload: config invalid; keeping the running one")
	if err, _ := e.Data[logrus.ErrorKey].(error); err == nil || !strings.Contains(err.Error(), "farm.workers") {
		t.Errorf("invalid reload logged %v, want the config's errors", e.Data[logrus.ErrorKey])
	}
	if got := h.jobs(); got != before {
		t.Errorf("jobs after an invalid config: %s, want %s", got, before)
	}

	// The first site's other keys and other sections need a restart; an
	// added site's changed login rebuilds it.
	h.write(strings.Replace(siteLine("first", "@every 1s"), "Warden@patrol", "Other@patrol", 1), siteLine("b", "@every 2s"),
		strings.Replace(siteLine("added", "@every 1s"), "Warden@patrol", "Other@patrol", 1))
	if err := os.WriteFile(h.path, append(must(os.ReadFile(h.path)), "farm: {workers: 8}\n"...), 0o600); err != nil {
		t.Fatal(err)
	}
	e = h.hup("reloaded the sites")
	if got := fmt.Sprint(e.Data["changed"], e.Data["kept"], e.Data["removed"]); got != "[added] [first] []" {
		t.Errorf("reload logged changed, kept, removed %s", got)
	}
	var warned bool
	for _, e := range h.hook.AllEntries() {
		if e.Message == "reload: only the sites are applied; restart to apply the rest" && fmt.Sprint(e.Data["sections"]) == "[farm]" {
			warned = true
		}
	}
	if !warned {
		t.Error("no warning that the farm section needs a restart")
	}
	if n := h.count(h.builds, "added"); n != 2 {
		t.Errorf("changed site built %d times, want 2", n)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestPoolMetricsUnlabelled: the farm's job metrics carry no site label,
// so /metrics does not grow with the number of sites.
func TestPoolMetricsUnlabelled(t *testing.T) {
	log, _ := test.NewNullLogger()
	pool, err := bot.NewPool(bot.PoolOptions{Workers: 3}, log)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		if err := pool.Add(bot.Job{Name: "patrol", Site: fmt.Sprint("site", i), Spec: "@every 1m", Fn: func(context.Context) error { return nil }}); err != nil {
			t.Fatal(err)
		}
	}
	reg := prometheus.NewRegistry()
	if err := registerPoolMetrics(reg, pool); err != nil {
		t.Fatal(err)
	}
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	series := 0
	for _, mf := range mfs {
		for _, m := range mf.GetMetric() {
			series++
			for _, l := range m.GetLabel() {
				if l.GetName() != "reason" {
					t.Errorf("%s has label %s", mf.GetName(), l.GetName())
				}
			}
			got[mf.GetName()] += m.GetGauge().GetValue() + m.GetCounter().GetValue()
		}
	}
	if series != 9 {
		t.Errorf("%d series for 50 sites, want 9", series)
	}
	if got["wikiwarden_jobs_workers"] != 3 || got["wikiwarden_jobs_scheduled"] != 50 {
		t.Errorf("workers %v, scheduled %v; want 3 and 50", got["wikiwarden_jobs_workers"], got["wikiwarden_jobs_scheduled"])
	}
}

// TestReloadAddsAndRemovesWiki: a "wikiwarden run" on one real wiki is
// sent SIGHUP after a second wiki was added to its config: the new wiki's
// probe is reverted, the first wiki's patrol goes on; after it is removed
// again, its probes stay.
func TestReloadAddsAndRemovesWiki(t *testing.T) {
	ctx := context.Background()
	a, b := testwiki.Start(t), testwiki.Start(t)
	seedFarmWiki(t, a)
	seedFarmWiki(t, b)
	db := filepath.Join(t.TempDir(), "wikiwarden.db")
	site := func(name string, w *testwiki.Wiki) string {
		return fmt.Sprintf("  - {name: %s, kind: mediawiki, api: %s, username: %s, password_env: PASS_%s}", name, w.API, w.BotUser, strings.ToUpper(name))
	}
	conf := func(sites ...string) string {
		return fmt.Sprintf("sites:\n%s\npatrol:\n  schedule: \"@every 1s\"\n  lookback: 1h\nreview:\n  listen: \"\"\nstore:\n  path: %s\n", strings.Join(sites, "\n"), db)
	}
	cfg := writeConfig(t, conf(site("a", a)))
	env := map[string]string{"PASS_A": a.BotPassword, "PASS_B": b.BotPassword}
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	var logs syncBuffer
	done := make(chan int, 1)
	go func() {
		err := run(runCtx, []string{"run", "--config", cfg}, testGetenv(env), io.Discard, &logs)
		done <- exitCode(err, &logs)
	}()
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("service log:\n%s", logs.String())
		}
	})
	waitFor(t, "the service started", func() bool { return strings.Contains(logs.String(), "service started") })
	probe := func(w *testwiki.Wiki, ip, tok string) {
		t.Helper()
		if _, err := w.AppendAnon(ctx, ip, "Aardvark", "\n\n"+tok, ""); err != nil {
			t.Fatal(err)
		}
	}
	reverted := func(w *testwiki.Wiki, tok string) bool {
		text, err := w.PageText(ctx, "Aardvark")
		return err == nil && !strings.Contains(text, tok)
	}
	hup := func(msg string) {
		t.Helper()
		n := strings.Count(logs.String(), msg)
		if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
			t.Fatal(err)
		}
		waitFor(t, msg, func() bool { return strings.Count(logs.String(), msg) > n })
	}

	if err := os.WriteFile(cfg, []byte(conf(site("a", a), site("b", b))), 0o600); err != nil {
		t.Fatal(err)
	}
	hup("reloaded the sites")
	probe(a, "198.18.1.10", "qzxwvbkrtp")
	probe(b, "198.18.2.10", "xkqzvbwplt")
	waitFor(t, "both wikis' probes reverted", func() bool { return reverted(a, "qzxwvbkrtp") && reverted(b, "xkqzvbwplt") })

	if err := os.WriteFile(cfg, []byte(conf(site("a", a))), 0o600); err != nil {
		t.Fatal(err)
	}
	hup("reloaded the sites")
	time.Sleep(2 * time.Second) // a pass of b in flight ends
	probe(b, "198.18.3.10", "pkzqxwvtrb")
	probe(a, "198.18.4.10", "bvxqzkwtrp")
	waitFor(t, "the first wiki's probe reverted", func() bool { return reverted(a, "bvxqzkwtrp") })
	time.Sleep(3 * time.Second)
	if reverted(b, "pkzqxwvtrb") {
		t.Error("a probe on the removed wiki was reverted")
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("run exit %d", code)
	}
}

// TestDeadSitesLogInSideBySide: the start-up logins of a farm are made
// side by side, so sites that hang until their timeout do not add up.
func TestDeadSitesLogInSideBySide(t *testing.T) {
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(30 * time.Second):
		}
	}))
	defer hang.Close()
	var sites []string
	env := map[string]string{}
	for i := range 8 {
		sites = append(sites, fmt.Sprintf("  - {name: dead%d, kind: mediawiki, api: %s/w%d/api.php, username: Warden@patrol, timeout: 1s}", i, hang.URL, i))
		env[fmt.Sprintf("WIKIWARDEN_PASSWORD_DEAD%d", i)] = "x"
	}
	cfg := writeConfig(t, fmt.Sprintf("sites:\n%s\nstore:\n  path: %s\nfarm:\n  pass_timeout: 1m\n", strings.Join(sites, "\n"), filepath.Join(t.TempDir(), "ww.db")))
	start := time.Now()
	a, err := setup(context.Background(), cfg, testGetenv(env), io.Discard, true, false)
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	defer a.close()
	for _, s := range a.sites {
		if s.loginErr == nil {
			t.Errorf("%s: logged in to a site that never answers", s.cfg.Name)
		}
	}
	fresh, err := a.newSite(a.sites[0].cfg, testGetenv(env))
	if err != nil {
		t.Fatal(err)
	}
	one := time.Now()
	_ = fresh.login(context.Background())
	alone := time.Since(one)
	if took > 2*alone {
		t.Errorf("8 hanging sites took %v to set up, one alone %v: the logins were not side by side", took.Round(time.Millisecond), alone.Round(time.Millisecond))
	}
	t.Logf("8 hanging sites set up in %v; one login alone %v", took.Round(time.Millisecond), alone.Round(time.Millisecond))
}

// consoleRecorder is a review console that notes the reload's changes.
type consoleRecorder struct{ calls []string }

func (c *consoleRecorder) setSite(s *siteApp) error {
	c.calls = append(c.calls, "set "+s.cfg.Name)
	return nil
}
func (c *consoleRecorder) removeSite(name string) { c.calls = append(c.calls, "remove "+name) }

// TestReloadTellsTheConsole: the sites a reload adds, changes and removes
// are added to, replaced in and taken out of the review console; a site
// only rescheduled, or refused, is not touched there.
func TestReloadTellsTheConsole(t *testing.T) {
	h := newReloadHarness(t, siteLine("first", "@every 1s"), siteLine("b", "@every 1s"), siteLine("c", "@every 1s"), siteLine("gone", "@every 1s"))
	build := h.f.build
	h.f.build = func(ctx context.Context, sc config.Site) (sitePatrol, error) {
		sp, err := build(ctx, sc)
		sp.site = &siteApp{cfg: sc}
		return sp, err
	}
	rec := &consoleRecorder{}
	h.f.console = rec
	changed := strings.Replace(siteLine("c", "@every 1s"), "/c/api.php", "/c2/api.php", 1)
	h.write(siteLine("first", "@every 1s"), siteLine("b", "@every 2s"), changed, siteLine("added", "@every 1s"), siteLine("refused", "@every 1s"))
	h.f.reload(context.Background())
	if got, want := strings.Join(rec.calls, ", "), "set c, set added, remove gone"; got != want {
		t.Errorf("console told %q, want %q", got, want)
	}
}
