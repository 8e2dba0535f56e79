package main

// The review console's wiring: the web package's interfaces filled from the
// bot's wiki client and the store, and "wikiwarden run" serving the console
// and /metrics next to its scheduled jobs.

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/config"
	"github.com/wikiwarden/wikiwarden/mediawiki"
	"github.com/wikiwarden/wikiwarden/mwsite"
	"github.com/wikiwarden/wikiwarden/nbsite"
	"github.com/wikiwarden/wikiwarden/nodebb"
	"github.com/wikiwarden/wikiwarden/store"
	"github.com/wikiwarden/wikiwarden/web"
)

// console is the review console built from the config.
type console struct {
	handler  http.Handler
	metrics  *web.Metrics
	registry *prometheus.Registry
	web      *web.Console
	a        *app

	mu sync.Mutex
	// locks are the sites' locks, by name: a site's lock is held for each
	// of its patrol passes and each moderator's action on it, so the two
	// take turns while the other sites' passes go on.
	locks map[string]*sync.Mutex
}

// siteLock returns the lock of the site called name.
func (c *console) siteLock(name string) *sync.Mutex {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.locks == nil {
		c.locks = map[string]*sync.Mutex{}
	}
	l := c.locks[name]
	if l == nil {
		l = &sync.Mutex{}
		c.locks[name] = l
	}
	return l
}

// newConsole builds the console on the sites' clients and the store: each
// site's moderation port is its adapter's, and moderators log in with the
// accounts of review.login_site.
func newConsole(a *app) (*console, error) {
	cfg := a.cfg
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	token, err := cfg.MetricsToken()
	if err != nil {
		return nil, err
	}
	requests := func() float64 {
		var n int64
		for _, s := range a.sites {
			if s.mw != nil {
				n += s.mw.Requests()
			}
		}
		return float64(n)
	}
	m, err := web.NewMetrics(reg, web.MetricsOptions{WikiRequests: requests, BearerToken: token})
	if err != nil {
		return nil, fmt.Errorf("console metrics: %w", err)
	}
	if a.shared != nil {
		// The shared memory's sync counts and outbox (wikiwarden_shared_*).
		if err := a.shared.Register(reg); err != nil {
			return nil, fmt.Errorf("console metrics: %w", err)
		}
	}
	var proxies []netip.Prefix
	for _, p := range cfg.Review.TrustedProxies {
		pfx, err := config.ParseProxy(p)
		if err != nil {
			return nil, usagef("review.trusted_proxies: %q: %v", p, err)
		}
		proxies = append(proxies, pfx)
	}
	loginSite := cfg.ConsoleLoginSite()
	c := &console{metrics: m, registry: reg, a: a}
	var (
		sites []web.Site
		auth  web.Authenticator
	)
	for _, s := range a.sites {
		ws, mod := c.webSite(s)
		if s.cfg.Name == loginSite {
			if s.nb != nil {
				return nil, usagef("review.login_site: %q is a forum; moderators log in with a mediawiki site's accounts", loginSite)
			}
			auth = mod
		}
		sites = append(sites, ws)
	}
	if auth == nil {
		return nil, usagef("review.login_site: %q is not a mediawiki site of this config", loginSite)
	}
	h, err := web.New(web.Options{
		Groups:           cfg.Review.Groups,
		SessionTTL:       time.Duration(cfg.Review.SessionTTL),
		TrustedProxies:   proxies,
		Thresholds:       map[string]float64{"probe": cfg.Detectors.ProbeThreshold, "links": cfg.Detectors.LinksThreshold},
		Window:           time.Duration(cfg.Store.Retention),
		RangeV4:          cfg.Response.RangePrefixV4,
		RangeV6:          cfg.Response.RangePrefixV6,
		MetricsElsewhere: cfg.Metrics.Listen != "",
		Log:              a.log.WithField("component", "console"),
	}, web.Deps{Sites: sites, Auth: auth, Metrics: m})
	if err != nil {
		return nil, err
	}
	c.handler, c.web = h, h
	return c, nil
}

// webSite is the console's view of site s: its store, its adapter's
// moderation port, its lock, and who reviews it. mod is the port, which
// checks the site's moderators' passwords too.
func (c *console) webSite(s *siteApp) (ws web.Site, mod web.Authenticator) {
	cfg := c.a.cfg
	blockExpiry := "1 week"
	if len(cfg.Response.BlockDurations) > 0 {
		blockExpiry = cfg.Response.BlockDurations[0]
	}
	st := c.a.store.Site(s.cfg.Name)
	ws = web.Site{Name: s.cfg.Name, Store: c.a.consoleMemory(s.cfg.Name), Groups: cfg.Review.Sites[s.cfg.Name], Lock: c.siteLock(s.cfg.Name)}
	if len(cfg.Review.Sites) > 0 && ws.Groups == nil {
		ws.Groups = []string{} // not listed: nobody reviews it
	}
	switch {
	case s.mw != nil:
		opts := mediawiki.Options{API: s.cfg.MediaWiki.API, UserAgent: siteUserAgent(s.cfg), Timeout: time.Duration(s.cfg.Timeout)}
		m := mwsite.NewModerator(s.mw, st, mwsite.ModeratorOptions{
			Account: s.cfg.Account(), SummaryPrefix: cfg.Patrol.SummaryPrefix, DeletionTemplate: cfg.Patrol.DeletionTemplate,
			BlockExpiry: blockExpiry, ObserveError: c.metrics.ObserveWikiError,
			CheckPassword: func(ctx context.Context, user, password string) (mediawiki.Account, error) {
				return mediawiki.CheckPassword(ctx, opts, user, password)
			},
		})
		ws.Kind, ws.Port, ws.URL, ws.ShutoffPage = web.KindMediaWiki, m, indexURL(s.cfg.MediaWiki.API), s.cfg.Shutoff()
		return ws, m
	case s.nb != nil:
		nc := nodebb.Config{URL: s.cfg.NodeBB.URL, UserAgent: siteUserAgent(s.cfg), HTTPClient: &http.Client{Timeout: time.Duration(s.cfg.Timeout)}}
		m := nbsite.NewModerator(s.nb, st, nbsite.ModeratorOptions{
			SummaryPrefix: cfg.Patrol.SummaryPrefix,
			CheckPassword: func(ctx context.Context, user, password string) (nodebb.User, error) {
				c := nc
				c.Username, c.Password = user, password
				return nodebb.CheckPassword(ctx, c)
			},
		})
		// The forum's moderators log in with their forum accounts and
		// review the forum (review.sites names their groups).
		ws.Kind, ws.URL, ws.Port, ws.Auth = web.KindNodeBB, s.cfg.NodeBB.URL, m, m
		return ws, m
	}
	return ws, nil
}

// setSite shows s in the console, added or changed by a reload of the
// config: moderators review it at once, with the review section the run
// started with (a site review.sites does not list is reviewed by nobody).
func (c *console) setSite(s *siteApp) error {
	ws, _ := c.webSite(s)
	return c.web.SetSite(ws)
}

// removeSite takes the site called name out of the console.
func (c *console) removeSite(name string) { c.web.RemoveSite(name) }

// loginSiteIsWiki reports whether review.login_site is a mediawiki site.
func loginSiteIsWiki(a *app) bool {
	name := a.cfg.ConsoleLoginSite()
	for _, s := range a.sites {
		if s.cfg.Name == name {
			return s.mw != nil
		}
	}
	return false
}

// siteUserAgent is the User-Agent of every request to a site.
func siteUserAgent(sc config.Site) string {
	ua := "wikiwarden/" + version
	if sc.Contact != "" {
		ua += " (" + sc.Contact + ")"
	}
	return ua
}

// indexURL is index.php beside api.php, for links to the wiki.
func indexURL(api string) string {
	if base, ok := strings.CutSuffix(api, "api.php"); ok {
		return base + "index.php"
	}
	return ""
}

// sitePatrol is one site's patroller and its schedule.
type sitePatrol struct {
	name     string
	schedule string
	p        *bot.Patroller
	store    *store.SiteStore
	site     *siteApp // its client and adapter, for the console
}

// serveService runs the service: the scheduled jobs and, when configured,
// the review console and /metrics, until ctx is cancelled; then it stops
// the listeners gracefully and waits for the job in flight. The console
// serves every site.
func serveService(ctx context.Context, a *app, patrols []sitePatrol, stdout interface{ Write([]byte) (int, error) }) error {
	cfg := a.cfg
	sched := bot.Schedule{
		Patrol:       patrols[0].schedule,
		ModelRefresh: cfg.Detectors.ModelRefresh,
		Housekeeping: cfg.Store.Housekeeping,
		Retention:    time.Duration(cfg.Store.Retention),
	}
	console := cfg.Review.Listen != "" || cfg.Metrics.Listen != ""
	if console && !loginSiteIsWiki(a) {
		// Moderators log in with a wiki's accounts; a forum's cannot be
		// checked yet.
		a.log.WithField("site", cfg.ConsoleLoginSite()).Warn("review console and metrics off: moderators log in with a mediawiki site's accounts; list one in sites (or point review.login_site at one) to have them")
		console = false
	}
	if !console {
		return runJobs(ctx, a, patrols, sched, nil)
	}
	c, err := newConsole(a)
	if err != nil {
		return err
	}
	var servers []*http.Server
	listen := func(addr string, h http.Handler, what string) error {
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			return fmt.Errorf("%s: listen on %s: %w", what, addr, err)
		}
		srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
			WriteTimeout: 5 * time.Minute, IdleTimeout: 2 * time.Minute}
		servers = append(servers, srv)
		a.log.WithField("addr", ln.Addr().String()).Info(what + " listening")
		if stdout != nil {
			fmt.Fprintf(stdout, "%s listening on http://%s\n", what, ln.Addr())
		}
		go func() {
			if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				a.log.WithError(err).Error(what + " stopped")
			}
		}()
		return nil
	}
	stop := func() {
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		for _, s := range servers {
			_ = s.Shutdown(sctx)
		}
	}
	if cfg.Review.Listen != "" {
		if err := listen(cfg.Review.Listen, c.handler, "review console"); err != nil {
			return err
		}
	}
	if cfg.Metrics.Listen != "" {
		if err := listen(cfg.Metrics.Listen, c.metrics.Handler(), "metrics"); err != nil {
			stop()
			return err
		}
	}
	defer stop()
	return runJobs(ctx, a, patrols, sched, c)
}

// patrolJob runs one pass of a site: under the site's lock in the console
// and reported to its metrics when there is a console.
func patrolJob(ctx context.Context, sp sitePatrol, st *store.Store, c *console, report bool, log logrus.FieldLogger) error {
	if c != nil {
		return observedPass(ctx, sp.name, sp.p, sp.store, c, log)
	}
	sum, err := sp.p.Pass(ctx)
	log.WithField("job", "patrol").Info(sum.String())
	return err
}

// passer runs a site's patrol pass: a *bot.Patroller.
type passer interface {
	Pass(ctx context.Context) (bot.Summary, error)
}

// observedPass runs one pass of the site called name under the site's lock
// and reports it: the decisions it recorded, read back from the site's
// store.
func observedPass(ctx context.Context, name string, p passer, st *store.SiteStore, c *console, log logrus.FieldLogger) error {
	since := time.Now().Add(-24 * time.Hour)
	if cur, err := st.Cursor(ctx); err == nil {
		since = cur.Time.Add(-10 * time.Minute)
	}
	lock := c.siteLock(name)
	lock.Lock()
	start := time.Now()
	sum, err := p.Pass(ctx)
	dur := time.Since(start)
	lock.Unlock()
	log.WithField("job", "patrol").Info(sum.String())
	rep := web.PassReport{Start: start, Duration: dur, Read: sum.Read, Reverted: sum.Reverted, Blocked: sum.Blocked,
		Errors: sum.Errors, ObserveOnly: sum.ObserveOnly, Summary: sum.String(), Err: err}
	if recs, rerr := st.Records(context.WithoutCancel(ctx), store.Query{Since: since}); rerr == nil {
		for _, r := range recs {
			if !r.Seen.Before(start) {
				rep.Records = append(rep.Records, r)
			}
		}
	}
	var ae *mediawiki.APIError
	if err != nil && (mwsite.ErrorKind(err) != "other" || errors.As(err, &ae)) {
		c.metrics.ObserveWikiError(mwsite.ErrorKind(err))
	}
	c.metrics.ObservePass(rep)
	return err
}
