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
	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/mediawiki"
	"github.com/wikiwarden/wikiwarden/store"
	"github.com/wikiwarden/wikiwarden/web"
)

// console is the review console built from the config.
type console struct {
	handler  http.Handler
	metrics  *web.Metrics
	registry *prometheus.Registry
	// lock is held for each patrol pass and each moderator's wiki action,
	// so the two take turns.
	lock *sync.Mutex
}

// newConsole builds the console on the bot's wiki client and store.
func newConsole(cfg *config.Config, mw *mediawiki.Client, st *store.Store, log logrus.FieldLogger) (*console, error) {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	m, err := web.NewMetrics(reg, func() float64 { return float64(mw.Requests()) })
	if err != nil {
		return nil, fmt.Errorf("console metrics: %w", err)
	}
	var proxies []netip.Prefix
	for _, p := range cfg.Review.TrustedProxies {
		pfx, err := config.ParseProxy(p)
		if err != nil {
			return nil, usagef("review.trusted_proxies: %q: %v", p, err)
		}
		proxies = append(proxies, pfx)
	}
	lock := &sync.Mutex{}
	wiki := &consoleWiki{
		mw: mw, account: cfg.Account(), prefix: cfg.Patrol.SummaryPrefix, metrics: m,
		deletionTemplate: cfg.Patrol.DeletionTemplate, blockExpiry: "1 week",
	}
	if len(cfg.Response.BlockDurations) > 0 {
		wiki.blockExpiry = cfg.Response.BlockDurations[0]
	}
	auth := consoleAuth{opts: mediawiki.Options{API: cfg.Wiki.API, UserAgent: userAgent(cfg), Timeout: time.Duration(cfg.Wiki.Timeout)}}
	h, err := web.New(web.Options{
		Groups:           cfg.Review.Groups,
		SessionTTL:       time.Duration(cfg.Review.SessionTTL),
		TrustedProxies:   proxies,
		Thresholds:       map[string]float64{"probe": cfg.Detectors.ProbeThreshold, "links": cfg.Detectors.LinksThreshold},
		Window:           time.Duration(cfg.Store.Retention),
		RangeV4:          cfg.Response.RangePrefixV4,
		RangeV6:          cfg.Response.RangePrefixV6,
		ShutoffPage:      cfg.ShutoffPage(),
		WikiURL:          indexURL(cfg.Wiki.API),
		MetricsElsewhere: cfg.Metrics.Listen != "",
		Log:              log.WithField("component", "console"),
	}, web.Deps{Store: st, Auth: auth, Wiki: wiki, Moderation: wiki, Lock: lock, Metrics: m})
	if err != nil {
		return nil, err
	}
	return &console{handler: h, metrics: m, registry: reg, lock: lock}, nil
}

// userAgent is the User-Agent of every request to the wiki.
func userAgent(cfg *config.Config) string {
	ua := "wikiwarden/" + version
	if cfg.Wiki.Contact != "" {
		ua += " (" + cfg.Wiki.Contact + ")"
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

// consoleAuth checks a moderator's password with action=clientlogin in a
// session of its own.
type consoleAuth struct{ opts mediawiki.Options }

func (a consoleAuth) Authenticate(ctx context.Context, user, password string) (web.Identity, error) {
	acct, err := mediawiki.CheckPassword(ctx, a.opts, user, password)
	if errors.Is(err, mediawiki.ErrLoginFailed) {
		return web.Identity{}, web.ErrBadCredentials
	}
	if err != nil {
		return web.Identity{}, err
	}
	return web.Identity{Name: acct.Name, Groups: acct.Groups}, nil
}

// consoleWiki is the console's view of the wiki: the bot's client, acting as
// the bot account in the moderator's name.
type consoleWiki struct {
	mw               *mediawiki.Client
	account          string // the bot's account name
	prefix           string // edit summary prefix, "wikiwarden:"
	deletionTemplate string
	blockExpiry      string
	metrics          *web.Metrics
}

// observe counts a failed wiki call by kind and returns err.
func (w *consoleWiki) observe(err error) error {
	if err != nil && w.metrics != nil {
		w.metrics.ObserveWikiError(errorKind(err))
	}
	return err
}

// errorKind maps a wiki error onto web.WikiErrorKinds.
func errorKind(err error) string {
	for _, k := range []struct {
		err  error
		kind string
	}{
		{mediawiki.ErrUnavailable, "unavailable"}, {context.DeadlineExceeded, "unavailable"}, {mediawiki.ErrMaxlag, "maxlag"},
		{mediawiki.ErrRateLimited, "rate_limited"}, {mediawiki.ErrNotLoggedIn, "not_logged_in"}, {mediawiki.ErrBadToken, "not_logged_in"},
		{mediawiki.ErrPermission, "permission"}, {mediawiki.ErrProtected, "permission"}, {mediawiki.ErrEditConflict, "conflict"},
		{mediawiki.ErrAlreadyRolled, "conflict"}, {mediawiki.ErrBlocked, "blocked"},
	} {
		if errors.Is(err, k.err) {
			return k.kind
		}
	}
	return "other"
}

func (w *consoleWiki) EditTexts(ctx context.Context, recs []store.Record) (map[int64]web.EditText, error) {
	var ids []int64
	for _, r := range recs {
		ids = append(ids, r.RevID)
		if r.OldRevID != 0 {
			ids = append(ids, r.OldRevID)
		}
	}
	out := map[int64]web.EditText{}
	if len(ids) == 0 {
		return out, nil
	}
	revs, err := w.mw.Revisions(ctx, ids)
	if err != nil {
		return nil, w.observe(err)
	}
	for _, r := range recs {
		nr, ok := revs[r.RevID]
		or, oldOK := revs[r.OldRevID]
		if !ok || nr.Missing || (r.OldRevID != 0 && (!oldOK || or.Missing)) {
			out[r.RevID] = web.EditText{Missing: true}
			continue
		}
		out[r.RevID] = web.EditText{Old: or.Content, New: nr.Content, Comment: nr.Comment}
	}
	return out, nil
}

func (w *consoleWiki) Reachable(ctx context.Context) error {
	_, err := w.mw.Account(ctx)
	return w.observe(err)
}

// by is how summaries and reasons name the moderator.
func (w *consoleWiki) by(verb, moderator string) string {
	return fmt.Sprintf("%s %s by moderator [[User:%s|%s]]", w.prefix, verb, moderator, moderator)
}

// latest returns the page's current state.
func (w *consoleWiki) latest(ctx context.Context, title string) (mediawiki.Page, error) {
	pages, err := w.mw.Pages(ctx, []string{title})
	if err != nil {
		return mediawiki.Page{}, w.observe(err)
	}
	pg, ok := pages[title]
	if !ok || pg.Missing {
		return mediawiki.Page{}, fmt.Errorf("page %q no longer exists", title)
	}
	return pg, nil
}

// Restore undoes the bot's revert when it is still the page's latest
// revision and reverted rec's editor, then lifts the bot's block.
func (w *consoleWiki) Restore(ctx context.Context, rec store.Record, moderator string) (string, error) {
	var done []string
	if (decision.Decision{Action: rec.Action}).Reverts() {
		pg, err := w.latest(ctx, rec.Title)
		if err != nil {
			return "", err
		}
		top := pg.Latest
		if top.User != w.account || top.RevID <= rec.RevID {
			return "", web.ErrLaterEditor
		}
		// The bot's revert must be of this editor's run of edits that
		// starts at or before rec: walk back from the revert's parent
		// through the editor's revisions to rec's. Anyone else on the way
		// (another editor, or the bot reverting a later edit of the same
		// editor) means undoing the top would restore something else.
		if ok, err := w.runOf(ctx, rec, top.ParentID); err != nil {
			return "", err
		} else if !ok {
			return "", web.ErrLaterEditor
		}
		summary := fmt.Sprintf("%s: undo of the bot's revert of revision %d by [[Special:Contributions/%s|%s]]",
			w.by("restored", moderator), rec.RevID, rec.User, rec.User)
		if err := w.mw.Undo(ctx, rec.Title, top.RevID, summary); err != nil {
			if errors.Is(err, mediawiki.ErrEditConflict) {
				return "", web.ErrLaterEditor
			}
			return "", w.observe(err)
		}
		done = append(done, fmt.Sprintf("Restored the edit on %s.", rec.Title))
	}
	if rec.BlockTarget != "" {
		err := w.mw.Unblock(ctx, rec.BlockTarget, fmt.Sprintf("%s: block for revision %d was a mistake", w.by("lifted", moderator), rec.RevID))
		var ae *mediawiki.APIError
		switch {
		case errors.As(err, &ae) && ae.Code == "cantunblock":
			done = append(done, fmt.Sprintf("The block of %s had already ended.", rec.BlockTarget))
		case err != nil:
			return strings.Join(done, " "), w.observe(fmt.Errorf("%s but the block of %s stays: %w", strings.Join(done, " "), rec.BlockTarget, err))
		default:
			done = append(done, fmt.Sprintf("Lifted the block of %s.", rec.BlockTarget))
		}
	}
	return strings.Join(done, " "), nil
}

// maxRun bounds the revisions runOf walks.
const maxRun = 20

// runOf reports whether revision id is rec's revision or reaches it through
// parents that are all rec's editor's.
func (w *consoleWiki) runOf(ctx context.Context, rec store.Record, id int64) (bool, error) {
	for range maxRun {
		if id == rec.RevID {
			return true, nil
		}
		if id < rec.RevID || id == 0 {
			return false, nil
		}
		revs, err := w.mw.Revisions(ctx, []int64{id})
		if err != nil {
			return false, w.observe(err)
		}
		r, ok := revs[id]
		if !ok || r.Missing || r.User != rec.User {
			return false, nil
		}
		id = r.ParentID
	}
	return false, nil
}

// Revert removes rec's edit: by rollback while its editor is the latest
// one, else by undo of the one revision (which fails rather than overwrite
// later edits to the same lines).
func (w *consoleWiki) Revert(ctx context.Context, rec store.Record, moderator string) (string, error) {
	pg, err := w.latest(ctx, rec.Title)
	if err != nil {
		return "", err
	}
	summary := fmt.Sprintf("%s: revision %d by [[Special:Contributions/%s|%s]]", w.by("reverted", moderator), rec.RevID, rec.User, rec.User)
	if pg.Latest.User == rec.User && pg.Latest.RevID >= rec.RevID && rec.OldRevID != 0 {
		if err := w.mw.Rollback(ctx, rec.Title, rec.User, summary); err == nil {
			return fmt.Sprintf("Rolled back %s's edits on %s.", rec.User, rec.Title), nil
		}
	}
	if err := w.mw.Undo(ctx, rec.Title, rec.RevID, summary); err != nil {
		return "", w.observe(err)
	}
	return fmt.Sprintf("Undid revision %d on %s.", rec.RevID, rec.Title), nil
}

// DeletePage deletes rec's page, or tags it with the deletion template
// when the bot may not delete.
func (w *consoleWiki) DeletePage(ctx context.Context, rec store.Record, moderator string) (string, error) {
	reason := fmt.Sprintf("%s: created by [[Special:Contributions/%s|%s]] (revision %d)", w.by("deleted", moderator), rec.User, rec.User, rec.RevID)
	err := w.mw.Delete(ctx, rec.Title, reason)
	if err == nil {
		return fmt.Sprintf("Deleted %s.", rec.Title), nil
	}
	if !errors.Is(err, mediawiki.ErrPermission) || w.deletionTemplate == "" {
		return "", w.observe(err)
	}
	pg, perr := w.latest(ctx, rec.Title)
	if perr != nil {
		return "", perr
	}
	tag := strings.ReplaceAll(w.deletionTemplate, "$1", "spam or vandalism, see the review console")
	text := tag + "\n" + pg.Latest.Content
	if _, err := w.mw.Edit(ctx, mediawiki.EditParams{Title: rec.Title, Text: text, Summary: w.by("tagged for deletion", moderator),
		BaseRevID: pg.Latest.RevID, NoCreate: true}); err != nil {
		return "", w.observe(err)
	}
	return fmt.Sprintf("The bot may not delete; tagged %s with %s.", rec.Title, tag), nil
}

// Block blocks rec's editor: the IP (anonymous editors only) or the account.
func (w *consoleWiki) Block(ctx context.Context, rec store.Record, moderator string) (string, error) {
	target := rec.User
	if rec.IP != "" {
		target = rec.IP
	}
	err := w.mw.Block(ctx, mediawiki.BlockParams{
		Target: target, Expiry: w.blockExpiry, AnonOnly: rec.IP != "", NoCreate: true,
		Reason: fmt.Sprintf("%s: revision %d on [[%s]]", w.by("blocked", moderator), rec.RevID, rec.Title),
	})
	if errors.Is(err, mediawiki.ErrAlreadyBlocked) {
		return fmt.Sprintf("%s was already blocked.", target), nil
	}
	if err != nil {
		return "", w.observe(err)
	}
	return fmt.Sprintf("Blocked %s for %s.", target, w.blockExpiry), nil
}

// sitePatrol is one site's patroller and its schedule.
type sitePatrol struct {
	name     string
	schedule string
	p        *bot.Patroller
	store    *store.SiteStore
}

// serveService runs the service: the scheduled jobs and, when configured,
// the review console and /metrics, until ctx is cancelled; then it stops
// the listeners gracefully and waits for the job in flight. The console
// serves the first site, the store's default site, when it is a wiki; with
// a forum first there is no console.
func serveService(ctx context.Context, a *app, patrols []sitePatrol, stdout interface{ Write([]byte) (int, error) }) error {
	cfg := a.cfg
	sched := bot.Schedule{
		Patrol:       patrols[0].schedule,
		ModelRefresh: cfg.Detectors.ModelRefresh,
		Housekeeping: cfg.Store.Housekeeping,
		Retention:    time.Duration(cfg.Store.Retention),
	}
	console := cfg.Review.Listen != "" || cfg.Metrics.Listen != ""
	if console && a.sites[0].mw == nil {
		// The console reviews the store's default site with that wiki's
		// logins and actions: a forum has neither.
		a.log.WithField("site", a.sites[0].cfg.Name).Warn("review console and metrics off: they serve the first site, which is a forum; list a mediawiki site first in sites to have them")
		console = false
	}
	if !console {
		return runJobs(ctx, a, patrols, sched, nil)
	}
	c, err := newConsole(cfg, a.wiki, a.store, a.log)
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

// patrolJob runs one pass of a site: under the console's lock when there
// is a console, and reported to its metrics when the site is the
// console's (report).
func patrolJob(ctx context.Context, sp sitePatrol, st *store.Store, c *console, report bool, log logrus.FieldLogger) error {
	if c != nil && report {
		return observedPass(ctx, sp.p, st, c, log)
	}
	if c != nil {
		c.lock.Lock()
		defer c.lock.Unlock()
	}
	sum, err := sp.p.Pass(ctx)
	log.WithField("job", "patrol").Info(sum.String())
	return err
}

// observedPass runs one pass under the console's lock and reports it.
func observedPass(ctx context.Context, p *bot.Patroller, st *store.Store, c *console, log logrus.FieldLogger) error {
	since := time.Now().Add(-24 * time.Hour)
	if cur, err := st.Cursor(ctx); err == nil {
		since = cur.Time.Add(-10 * time.Minute)
	}
	c.lock.Lock()
	start := time.Now()
	sum, err := p.Pass(ctx)
	dur := time.Since(start)
	c.lock.Unlock()
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
	if err != nil && (errorKind(err) != "other" || errors.As(err, &ae)) {
		c.metrics.ObserveWikiError(errorKind(err))
	}
	c.metrics.ObservePass(rep)
	return err
}
