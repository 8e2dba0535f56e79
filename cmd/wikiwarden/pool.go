package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"reflect"
	"slices"
	"sync"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/config"
)

// "wikiwarden run" patrols every site of the config on a bot.Pool: each
// site's passes on its own schedule, at most farm.workers at once. SIGHUP
// reloads the config's sites: a site added is logged in to and scheduled,
// a site removed is unscheduled (its pass in flight finishes), a site
// changed is rebuilt, each shown in (or taken out of) the review console, and a changed schedule alone is only rescheduled; the
// other sites' jobs are not touched. A config that does not load is logged
// and the running one kept. The rest of the config (patrol options,
// detectors, the store, the console) stays as it was at start: a reload
// says which sections it did not apply.

// farm is the pool of a run and what it needs to reload its sites.
type farm struct {
	pool *bot.Pool
	log  logrus.FieldLogger
	path string // the config file
	cfg  *config.Config
	// build logs in to a site of the config and makes its patroller.
	build func(ctx context.Context, sc config.Site) (sitePatrol, error)
	// jobs makes a site's jobs: its patrol and model refresh. label is the
	// site's name in the job keys and logs ("" for the one site of a
	// config); report is set for the console's site.
	jobs func(sp sitePatrol, label string, report bool) []bot.Job
	// console, if set, is told of the sites a reload added, changed or
	// removed.
	console siteConsole

	mu    sync.Mutex // one reload at a time
	sites map[string]*farmSite
	first string // the console's site (the store's default): not reloaded
}

// siteConsole is the review console as a reload sees it.
type siteConsole interface {
	setSite(s *siteApp) error
	removeSite(name string)
}

// farmSite is one site the farm patrols.
type farmSite struct {
	cfg   config.Site
	sp    sitePatrol
	label string
	jobs  []bot.Job // what was added to the pool, by key
}

// poolOptions are the pool's options from the config's farm section.
func poolOptions(c *config.Config) bot.PoolOptions {
	return bot.PoolOptions{
		Workers:    c.Farm.Workers,
		Timeout:    time.Duration(c.Farm.PassTimeout),
		Backoff:    config.FarmBackoff,
		MaxBackoff: time.Duration(c.Farm.MaxBackoff),
	}
}

// newFarm schedules patrols (the config's sites, in its order) and the
// jobs of the whole store (extra) on a new pool.
func newFarm(f *farm, patrols []sitePatrol, extra []bot.Job) error {
	pool, err := bot.NewPool(poolOptions(f.cfg), f.log)
	if err != nil {
		return err
	}
	f.pool, f.sites = pool, map[string]*farmSite{}
	byName := map[string]config.Site{}
	for _, sc := range f.cfg.EffectiveSites() {
		byName[sc.Name] = sc
	}
	for i, sp := range patrols {
		label := ""
		if len(patrols) > 1 {
			label = sp.name
		}
		if i == 0 {
			f.first = sp.name
		}
		if err := f.add(&farmSite{cfg: byName[sp.name], sp: sp, label: label}, i == 0); err != nil {
			return err
		}
	}
	for _, j := range extra {
		if err := pool.Add(j); err != nil {
			return err
		}
	}
	return nil
}

// add schedules fs's jobs, replacing those of the site of its name.
func (f *farm) add(fs *farmSite, report bool) error {
	old := f.sites[fs.sp.name]
	fs.jobs = f.jobs(fs.sp, fs.label, report)
	for _, j := range fs.jobs {
		if err := f.pool.Add(j); err != nil {
			return fmt.Errorf("site %s: %w", fs.sp.name, err)
		}
	}
	if old != nil {
		for _, j := range old.jobs {
			if !slices.ContainsFunc(fs.jobs, func(n bot.Job) bool { return n.Name == j.Name && n.Site == j.Site }) {
				f.pool.Remove(j.Name, j.Site)
			}
		}
	}
	f.sites[fs.sp.name] = fs
	return nil
}

// serve runs the pool until ctx is cancelled, reloading the sites on
// SIGHUP (or on reloads, for tests).
func (f *farm) serve(ctx context.Context, reloads <-chan os.Signal) error {
	if reloads == nil {
		hup := make(chan os.Signal, 1)
		signal.Notify(hup, syscall.SIGHUP)
		defer signal.Stop(hup)
		reloads = hup
	}
	var wg sync.WaitGroup
	defer wg.Wait()
	wg.Go(func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-reloads:
				f.reload(ctx)
			}
		}
	})
	return f.pool.Run(ctx)
}

// reload reads the config file again and applies its sites.
func (f *farm) reload(ctx context.Context) {
	f.mu.Lock()
	defer f.mu.Unlock()
	log := f.log.WithField("config", f.path)
	cfg, err := config.Load(f.path)
	if err != nil {
		log.WithError(err).Error("reload: config invalid; keeping the running one")
		return
	}
	if keys := unappliedSections(f.cfg, cfg); len(keys) > 0 {
		log.WithField("sections", keys).Warn("reload: only the sites are applied; restart to apply the rest")
	}
	var added, changed, rescheduled, removed, kept []string
	seen := map[string]bool{}
	for _, sc := range cfg.EffectiveSites() {
		seen[sc.Name] = true
		old := f.sites[sc.Name]
		slog := log.WithField("site", sc.Name)
		switch {
		case old != nil && reflect.DeepEqual(old.cfg, sc):
			continue
		case old != nil && sameButSchedule(old.cfg, sc):
			fs := *old
			fs.cfg, fs.sp.schedule = sc, sc.Schedule
			if err := f.add(&fs, sc.Name == f.first); err != nil {
				slog.WithError(err).Error("reload: site not rescheduled")
				continue
			}
			rescheduled = append(rescheduled, sc.Name)
			continue
		case old != nil && sc.Name == f.first:
			slog.Warn("reload: the first site serves the console and the store's default; restart to apply its changes")
			kept = append(kept, sc.Name)
			continue
		}
		sp, err := f.build(ctx, sc)
		if err != nil {
			slog.WithError(err).Error("reload: site not patrolled")
			continue
		}
		fs := &farmSite{cfg: sc, sp: sp, label: sc.Name}
		if old != nil {
			fs.label = old.label
		}
		if err := f.add(fs, false); err != nil {
			slog.WithError(err).Error("reload: site not patrolled")
			continue
		}
		if old != nil {
			changed = append(changed, sc.Name)
		} else {
			added = append(added, sc.Name)
		}
		if f.console != nil && sp.site != nil {
			if err := f.console.setSite(sp.site); err != nil {
				slog.WithError(err).Error("reload: site patrolled, but the review console could not take it (it keeps what it had of the site); restart to apply it there")
			}
		}
	}
	for name, fs := range f.sites {
		if seen[name] {
			continue
		}
		if name == f.first {
			log.WithField("site", name).Warn("reload: the first site serves the console and the store's default; restart to remove it")
			kept = append(kept, name)
			continue
		}
		for _, j := range fs.jobs {
			f.pool.Remove(j.Name, j.Site)
		}
		delete(f.sites, name)
		if f.console != nil {
			f.console.removeSite(name)
		}
		removed = append(removed, name)
	}
	for _, l := range [][]string{added, changed, rescheduled, removed, kept} {
		slices.Sort(l)
	}
	log.WithFields(logrus.Fields{"added": added, "changed": changed, "rescheduled": rescheduled, "removed": removed,
		"kept": kept, "sites": len(f.sites)}).Info("reloaded the sites")
}

// sameButSchedule reports whether a and b differ at most in their
// schedule.
func sameButSchedule(a, b config.Site) bool {
	a.Schedule = b.Schedule
	return reflect.DeepEqual(a, b)
}

// unappliedSections lists the top-level keys, other than the sites, in
// which next differs from the running config.
func unappliedSections(running, next *config.Config) []string {
	var out []string
	rv, nv := reflect.ValueOf(*running), reflect.ValueOf(*next)
	t := rv.Type()
	for i := range t.NumField() {
		key := t.Field(i).Tag.Get("yaml")
		switch key {
		case "sites", "wiki":
			continue // the sites; patrol.schedule too, below
		case "patrol":
			a, b := running.Patrol, next.Patrol
			a.Schedule = b.Schedule // the sites' default schedule applies
			if !reflect.DeepEqual(a, b) {
				out = append(out, key)
			}
			continue
		}
		if !reflect.DeepEqual(rv.Field(i).Interface(), nv.Field(i).Interface()) {
			out = append(out, key)
		}
	}
	return out
}

// buildSite logs in to a site added by a reload and makes its patroller;
// a site that is unreachable for now is patrolled all the same (its
// passes fail and back off until it answers), one that refuses the login
// is not.
func (a *app) buildSite(ctx context.Context, sc config.Site, getenv func(string) string, dryRun bool) (sitePatrol, error) {
	s, err := a.newSite(sc, getenv)
	if err != nil {
		return sitePatrol{}, err
	}
	if err := s.login(ctx); err != nil {
		if !unreachable(err) {
			return sitePatrol{}, err
		}
		a.log.WithError(err).WithField("site", sc.Name).Warn("site unreachable; patrolling the others")
	}
	p, err := a.patrollerOf(s, dryRun)
	if err != nil {
		return sitePatrol{}, err
	}
	return sitePatrol{name: sc.Name, schedule: sc.Schedule, p: p, store: a.store.Site(sc.Name), site: s}, nil
}

// runJobs runs every site's jobs on the farm's pool until ctx is
// cancelled: each site's patrol passes on its own schedule and its model
// refreshes, never two of one job at once, at most farm.workers jobs at
// once, and housekeeping of the whole store. With the console (c not nil),
// every pass is taken under its site's lock, and the first site's passes are
// reported to its metrics. SIGHUP reloads the sites when a.build is set.
func runJobs(ctx context.Context, a *app, patrols []sitePatrol, s bot.Schedule, c *console) error {
	st, log := a.store, a.log
	f := &farm{log: log, path: a.configPath, cfg: a.cfg, build: a.build}
	f.jobs = func(sp sitePatrol, label string, report bool) []bot.Job {
		var slog logrus.FieldLogger = log
		if label != "" {
			slog = log.WithField("site", label)
		}
		return []bot.Job{
			{Name: "patrol", Site: label, Spec: sp.schedule, Fn: func(ctx context.Context) error { return patrolJob(ctx, sp, st, c, report, slog) }},
			{Name: "model_refresh", Site: label, Spec: s.ModelRefresh, Fn: sp.p.RefreshModel},
		}
	}
	housekeeping := bot.Job{Name: "housekeeping", Spec: s.Housekeeping, Fn: func(ctx context.Context) error {
		n, err := st.Expire(ctx, time.Now().Add(-s.Retention))
		if err == nil {
			var m int
			m, err = st.ExpireAudit(ctx, time.Now().Add(-s.Retention))
			n += m
		}
		log.WithField("job", "housekeeping").WithField("removed", n).Info("expired old entries")
		return err
	}}
	if c != nil {
		f.console = c
	}
	if err := newFarm(f, patrols, []bot.Job{housekeeping}); err != nil {
		return err
	}
	if c != nil {
		if err := registerPoolMetrics(c.registry, f.pool); err != nil {
			return fmt.Errorf("console metrics: %w", err)
		}
	}
	if f.build == nil {
		f.build = func(context.Context, config.Site) (sitePatrol, error) {
			return sitePatrol{}, fmt.Errorf("reload: sites cannot be added to this run")
		}
	}
	return f.serve(ctx, nil)
}

// registerPoolMetrics exposes the pool's counts on reg: the whole farm's,
// without a label per site, so /metrics stays the same size for 5 sites
// or 500.
func registerPoolMetrics(reg prometheus.Registerer, pool *bot.Pool) error {
	stat := func(f func(bot.PoolStats) int) func() float64 {
		return func() float64 { return float64(f(pool.Stats())) }
	}
	opts := func(name, help string) prometheus.Opts {
		return prometheus.Opts{Namespace: "wikiwarden", Subsystem: "jobs", Name: name, Help: help}
	}
	skipped := func(reason string) prometheus.CounterOpts {
		o := opts("skipped_total", "Schedule times a job was not run: still queued or running (running), or backing off after failures (backoff).")
		o.ConstLabels = prometheus.Labels{"reason": reason}
		return prometheus.CounterOpts(o)
	}
	for _, c := range []prometheus.Collector{
		prometheus.NewCounterFunc(prometheus.CounterOpts(opts("runs_total", "Job runs finished: every site's patrol passes and model refreshes, and housekeeping.")),
			stat(func(s bot.PoolStats) int { return s.Runs })),
		prometheus.NewCounterFunc(prometheus.CounterOpts(opts("failures_total", "Job runs that failed (the site down, a timeout) and made the job back off.")),
			stat(func(s bot.PoolStats) int { return s.Failures })),
		prometheus.NewCounterFunc(skipped("running"), stat(func(s bot.PoolStats) int { return s.Skipped })),
		prometheus.NewCounterFunc(skipped("backoff"), stat(func(s bot.PoolStats) int { return s.Deferred })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts(opts("workers", "Jobs that may run at once (farm.workers).")), stat(func(s bot.PoolStats) int { return s.Workers })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts(opts("scheduled", "Jobs scheduled.")), stat(func(s bot.PoolStats) int { return s.Jobs })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts(opts("queued", "Jobs due and waiting for a worker.")), stat(func(s bot.PoolStats) int { return s.Queued })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts(opts("running", "Jobs running.")), stat(func(s bot.PoolStats) int { return s.Running })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts(opts("failing", "Jobs whose last run failed, backing off.")), stat(func(s bot.PoolStats) int { return s.Failing })),
	} {
		if err := reg.Register(c); err != nil {
			return err
		}
	}
	return nil
}

// loginConcurrency bounds the logins made at once at start-up: a farm's
// sites that hang until their timeout must not add up, one after another.
const loginConcurrency = 16

// loginAll logs in to every site, several at once, and returns each one's
// error, in the order of a.sites.
func (a *app) loginAll(ctx context.Context) []error {
	errs := make([]error, len(a.sites))
	sem := make(chan struct{}, loginConcurrency)
	var wg sync.WaitGroup
	for i, s := range a.sites {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			errs[i] = s.login(ctx)
		})
	}
	wg.Wait()
	return errs
}
