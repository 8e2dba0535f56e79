package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/config"
	"github.com/wikiwarden/wikiwarden/mediawiki"
	"github.com/wikiwarden/wikiwarden/mwsite"
	"github.com/wikiwarden/wikiwarden/nbsite"
	"github.com/wikiwarden/wikiwarden/nodebb"
	"github.com/wikiwarden/wikiwarden/pgmemory"
	"github.com/wikiwarden/wikiwarden/store"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

func isConfigError(err error) bool { return errors.Is(err, config.ErrInvalid) }

// commonFlags are the flags of the commands that talk to the sites.
type commonFlags struct {
	config string
	dryRun bool
	once   bool
	site   string // --site: one site of the config only
}

func parseFlags(name string, args []string, stderr io.Writer, withOnce, withDryRun bool) (commonFlags, error) {
	var f commonFlags
	fs := flag.NewFlagSet("wikiwarden "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.config, "config", "wikiwarden.yaml", "path of the YAML configuration file")
	if withOnce {
		fs.BoolVar(&f.once, "once", false, "run one patrol pass and exit (what a cron line calls)")
		fs.StringVar(&f.site, "site", "", "patrol only the site of this name (see sites: in the config)")
	}
	if withDryRun {
		fs.BoolVar(&f.dryRun, "dry-run", false, "decide and record, but never write to the wiki")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return f, usageError{errSilent}
		}
		return f, usageError{err}
	}
	if fs.NArg() > 0 {
		return f, usagef("unexpected argument %q", fs.Arg(0))
	}
	return f, nil
}

// app is what every site-facing command needs, built from the config.
type app struct {
	cfg   *config.Config
	log   *logrus.Logger
	wiki  *mediawiki.Client // the first mediawiki site's client: the review console's
	store *store.Store
	sites []*siteApp // the sites to patrol, in the config's order
	dicts dictionaries
	// shared keeps the store in step with the shared memory (config
	// section shared); nil when it is off.
	shared *pgmemory.Replicator
	// configPath is the config file, which run reads again on SIGHUP, and
	// build makes a site that a reload added (see farm.reload).
	configPath string
	build      func(ctx context.Context, sc config.Site) (sitePatrol, error)
}

// siteApp is one site of the config with its logged-in client and adapter.
type siteApp struct {
	cfg  config.Site
	mw   *mediawiki.Client // a mediawiki site's client
	nb   *nodebb.Client    // a nodebb site's client
	site bot.Site
	// loginErr is why the site could not be reached at start-up, when
	// other sites could.
	loginErr error
}

func (a *app) close() {
	if a.shared != nil {
		a.shared.Stop() // pushes what the last pass queued
	}
	if a.store != nil {
		if err := a.store.Close(); err != nil {
			a.log.WithError(err).Error("close store")
		}
	}
}

// newLogger makes the process's logger: JSON for the service (journald and
// log shippers parse it), text for one-off commands, unless log.format says.
func newLogger(cfg *config.Config, stderr io.Writer, service bool) *logrus.Logger {
	l := logrus.New()
	l.SetOutput(stderr)
	format := cfg.Log.Format
	if format == "" {
		format = "text"
		if service {
			format = "json"
		}
	}
	if format == "json" {
		l.SetFormatter(&logrus.JSONFormatter{})
	} else {
		l.SetFormatter(&logrus.TextFormatter{DisableTimestamp: !service, FullTimestamp: true})
	}
	if lvl, err := logrus.ParseLevel(cfg.Log.Level); err == nil {
		l.SetLevel(lvl)
	}
	return l
}

// setup loads the config, logs in to every site and, when withStore is
// set, opens the store (failing fast if another wikiwarden holds it).
func setup(ctx context.Context, path string, getenv func(string) string, stderr io.Writer, service, withStore bool) (*app, error) {
	return setupSites(ctx, path, getenv, stderr, service, withStore, "")
}

// setupSites is setup of every site, or only of the one named only. The
// store's default site is the config's first site.
func setupSites(ctx context.Context, path string, getenv func(string) string, stderr io.Writer, service, withStore bool, only string) (*app, error) {
	cfg, err := config.Load(path)
	if err != nil {
		return nil, err
	}
	a := &app{cfg: cfg, log: newLogger(cfg, stderr, service)}
	a.dicts.cacheDir, a.dicts.langs, a.dicts.log = dictCacheDir(cfg, getenv), cfg.Detectors.Dicts, a.log
	if service {
		for _, w := range cfg.Warnings() {
			a.log.Warn(w)
		}
	}
	all := cfg.EffectiveSites()
	for _, sc := range all {
		if only != "" && sc.Name != only {
			continue
		}
		s, err := a.newSite(sc, getenv)
		if err != nil {
			return nil, err
		}
		a.sites = append(a.sites, s)
	}
	if len(a.sites) == 0 {
		names := make([]string, len(all))
		for i, sc := range all {
			names[i] = sc.Name
		}
		return nil, usagef("--site %q: no such site; the config has %s", only, strings.Join(names, ", "))
	}
	if withStore {
		a.store, err = store.Open(cfg.Store.Path, store.Options{DefaultSite: all[0].Name, Share: cfg.Shared.Kind != ""})
		if err != nil {
			return nil, err
		}
	}
	logins := a.loginAll(ctx)
	for i, s := range a.sites {
		err := logins[i]
		switch {
		case err == nil:
		case len(a.sites) > 1 && unreachable(err):
			// One site down must not stop the others: its passes fail
			// (and, under run, log in again) until it is back.
			s.loginErr = err
			a.log.WithError(err).WithField("site", s.cfg.Name).Warn("site unreachable; patrolling the others")
		default:
			a.close()
			return nil, err
		}
	}
	return a, nil
}

// unreachable reports a login that failed for a reason that may pass (the
// site down, overloaded or slow), unlike a wrong password or a missing
// right.
func unreachable(err error) bool {
	return nodebb.KindOf(err) == nodebb.Transient || errors.Is(err, mediawiki.ErrUnavailable) ||
		errors.Is(err, mediawiki.ErrMaxlag) || errors.Is(err, context.DeadlineExceeded)
}

// newSite builds a site's client and adapter; it does not contact the site.
func (a *app) newSite(sc config.Site, getenv func(string) string) (*siteApp, error) {
	password, err := sc.Password(getenv)
	if err != nil {
		return nil, err
	}
	ua := "wikiwarden/" + version
	if sc.Contact != "" {
		ua += " (" + sc.Contact + ")"
	}
	s := &siteApp{cfg: sc}
	var log logrus.FieldLogger = a.log // one site: the logs stay as they were
	if len(a.cfg.Sites) > 1 {
		log = a.log.WithField("site", sc.Name)
	}
	switch sc.Kind {
	case config.KindNodeBB:
		s.nb, err = nodebb.New(nodebb.Config{
			URL: sc.NodeBB.URL, Username: sc.Username, Password: password, UserAgent: ua,
			HTTPClient: &http.Client{Timeout: time.Duration(sc.Timeout)},
		})
		if err != nil {
			return nil, usageError{fmt.Errorf("sites.%s.url: %w", sc.Name, err)}
		}
		s.site = nbsite.New(s.nb, a.forumOptions(sc), log)
	default:
		s.mw, err = mediawiki.New(mediawiki.Options{
			API: sc.MediaWiki.API, UserAgent: ua, Username: sc.Username, Password: password,
			Timeout: time.Duration(sc.Timeout), Maxlag: *sc.MediaWiki.MaxLag,
		})
		if err != nil {
			return nil, usageError{fmt.Errorf("%s.api: %w", sc.Key, err)}
		}
		s.site = mwsite.New(s.mw, a.wikiOptions(sc), log)
		if a.wiki == nil {
			a.wiki = s.mw
		}
	}
	return s, nil
}

// login logs in to the site, so that a wrong password or an unreachable
// site fails the command at once.
func (s *siteApp) login(ctx context.Context) error {
	var err error
	var where string
	if s.nb != nil {
		err, where = s.nb.Login(ctx), s.cfg.NodeBB.URL
	} else {
		err, where = s.mw.Login(ctx), s.cfg.MediaWiki.API
	}
	if err != nil {
		return fmt.Errorf("log in to %s as %s: %w", redactURL(where), s.cfg.Username, err)
	}
	return nil
}

// options are the patroller's options from the config; the same for every
// site.
func (a *app) options(dryRun bool) bot.Options {
	c := a.cfg
	return bot.Options{
		Detectors:       c.Detectors.Enabled,
		Thresholds:      map[string]float64{"probe": c.Detectors.ProbeThreshold, "links": c.Detectors.LinksThreshold},
		Lookback:        time.Duration(c.Patrol.Lookback),
		DryRun:          dryRun || c.Patrol.DryRun,
		Namespaces:      c.Patrol.Namespaces,
		MaxEditsPerPass: c.Patrol.MaxEditsPerPass,
		RevertCooldown:  time.Duration(c.Patrol.RevertCooldown),
		WatchWindow:     time.Duration(c.Response.WatchWindow),
		Block:           c.Response.Block,
		BlockDurations:  c.Response.BlockDurations,
		RangeBlock:      c.Response.RangeBlock,
		RangeMinIPs:     c.Response.RangeMinIPs,
		RangePrefixV4:   c.Response.RangePrefixV4,
		RangePrefixV6:   c.Response.RangePrefixV6,
		ModelPages:      c.Detectors.ModelSamplePages,
		RetryAttempts:   c.Patrol.RetryBudget.Attempts,
		RetryMaxAge:     time.Duration(c.Patrol.RetryBudget.MaxAge),
		RetryBackoff:    time.Minute,
		Notice:          noticePolicy(c.Patrol.Notice),
	}
}

// patroller returns the patroller of the first site.
func (a *app) patroller(dryRun bool) (*bot.Patroller, error) {
	if len(a.sites) == 0 {
		sc := a.cfg.EffectiveSites()[0]
		opts := a.options(dryRun)
		opts.Words = a.wordOptions(sc)
		return bot.New(opts, mwsite.New(a.wiki, a.wikiOptions(sc), a.log), a.store.Site(sc.Name), a.log)
	}
	return a.patrollerOf(a.sites[0], dryRun)
}

// patrollerOf returns the patroller of a site, on the site's part of the
// shared store.
func (a *app) patrollerOf(s *siteApp, dryRun bool) (*bot.Patroller, error) {
	var log logrus.FieldLogger = a.log // one site: the logs stay as they were
	if len(a.cfg.Sites) > 1 {
		log = a.log.WithField("site", s.cfg.Name)
	}
	opts := a.options(dryRun)
	opts.Words = a.wordOptions(s.cfg)
	p, err := bot.New(opts, s.site, a.siteMemory(s.cfg.Name), log)
	if err != nil {
		return nil, fmt.Errorf("site %s: %w", s.cfg.Name, err)
	}
	return p, nil
}

// wikiOptions are the MediaWiki adapter's conventions and rules of trust
// from the config.
func (a *app) wikiOptions(sc config.Site) mwsite.Options {
	c := a.cfg
	opts := mwsite.Options{
		SummaryPrefix:    c.Patrol.SummaryPrefix,
		ShutoffPage:      sc.Shutoff(),
		TrustedGroups:    c.Patrol.TrustedGroups,
		TrustedMinEdits:  c.Patrol.TrustedMinEdits,
		DeletionTemplate: c.Patrol.DeletionTemplate,
		NoticePage:       sc.NoticePage(c),
		ReportPage:       sc.ReportPage(c),
	}
	if c.Response.SpamBlacklist {
		opts.SpamBlacklistPage = c.Response.SpamBlacklistPage
	}
	return opts
}

// forumOptions are the NodeBB adapter's: the off-switch topic (none unless
// set) and the rules of trust.
func (a *app) forumOptions(sc config.Site) nbsite.Options {
	tid, _ := strconv.ParseInt(sc.Shutoff(), 10, 64) // Validate checked it
	posts, age := sc.NodeBB.Established()
	return nbsite.Options{
		SummaryPrefix: a.cfg.Patrol.SummaryPrefix,
		ShutoffTopic:  tid,
		Trust: nodebb.TrustPolicy{
			MinPosts: sc.NodeBB.TrustedMinPosts, MinReputation: sc.NodeBB.TrustedMinReputation,
			EstablishedPosts: posts, EstablishedAge: age,
		},
	}
}

func runPatrol(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	f, err := parseFlags("patrol", args, stderr, true, true)
	if err != nil {
		return err
	}
	if !f.once {
		return usagef("patrol needs --once (for a schedule, use \"wikiwarden run\")")
	}
	a, err := setupSites(ctx, f.config, getenv, stderr, false, true, f.site)
	if err != nil {
		return err
	}
	defer a.close()
	if err := a.startShared(ctx, getenv, false); err != nil {
		return err
	}
	if _, err := a.dicts.compile(ctx, stderr, false); err != nil {
		return err
	}
	var errs []error
	for _, s := range a.sites {
		if s.loginErr != nil {
			errs = append(errs, fmt.Errorf("patrol %s: %w", s.cfg.Name, s.loginErr))
			continue
		}
		p, err := a.patrollerOf(s, f.dryRun)
		if err != nil {
			return err
		}
		sum, err := p.Pass(ctx)
		if len(a.sites) > 1 {
			fmt.Fprintf(stdout, "%s: %s\n", s.cfg.Name, sum.String())
		} else {
			fmt.Fprintln(stdout, sum.String())
		}
		switch {
		case err != nil && len(a.sites) > 1:
			errs = append(errs, fmt.Errorf("patrol %s: %w", s.cfg.Name, err))
		case err != nil:
			errs = append(errs, fmt.Errorf("patrol: %w", err))
		}
		if ctx.Err() != nil {
			break
		}
	}
	return errors.Join(errs...)
}

func runService(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	f, err := parseFlags("run", args, stderr, false, true)
	if err != nil {
		return err
	}
	a, err := setup(ctx, f.config, getenv, stderr, true, true)
	if err != nil {
		return err
	}
	defer a.close()
	if err := a.startShared(ctx, getenv, true); err != nil {
		return err
	}
	if _, err := a.dicts.compile(ctx, stderr, true); err != nil {
		if ctx.Err() != nil {
			return nil // stopped while compiling: nothing patrolled, nothing lost
		}
		return err
	}
	var patrols []sitePatrol
	for _, s := range a.sites {
		p, err := a.patrollerOf(s, f.dryRun)
		if err != nil {
			return err
		}
		patrols = append(patrols, sitePatrol{name: s.cfg.Name, schedule: s.cfg.Schedule, p: p, store: a.store.Site(s.cfg.Name), site: s})
	}
	a.configPath = f.config
	a.build = func(ctx context.Context, sc config.Site) (sitePatrol, error) {
		return a.buildSite(ctx, sc, getenv, f.dryRun)
	}
	defer startBackups(ctx, a)()
	return serveService(ctx, a, patrols, stdout)
}

// redactURL hides a password in a URL (https://user:pass@host/...).
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

// neededRights are the user rights the bot uses, with what each is for.
var neededRights = []struct{ right, why string }{
	{"rollback", "revert with one rollback (without it the bot falls back to undo)"},
	{"block", "block follow-up spammers and their ranges"},
	{"delete", "delete pages created as probes or spam (without it the bot tags them with patrol.deletion_template)"},
	{"protect", "protect pages under attack"},
	{"bot", "mark its edits as bot edits, hidden from recent changes by default"},
	{"markbotedits", "hide its rollbacks from recent changes"},
	{"editprotected", "revert on protected pages"},
}

func runCheck(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	f, err := parseFlags("check", args, stderr, false, false)
	if err != nil {
		return err
	}
	a, err := setup(ctx, f.config, getenv, stderr, false, false)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "config %s: ok\n", f.config)
	for _, w := range a.cfg.Warnings() {
		fmt.Fprintf(stdout, "warning: %s\n", w)
	}
	fmt.Fprintln(stdout, dictionaryReport())
	ready, err := a.dicts.compile(ctx, stderr, false)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, ready.String(a.dicts.cacheDir))
	for _, s := range a.sites {
		prefix := ""
		if len(a.sites) > 1 {
			prefix = s.cfg.Name + ": "
		}
		if s.loginErr != nil {
			return s.loginErr
		}
		if s.nb != nil {
			err = checkForum(ctx, a, s, prefix, stdout)
		} else {
			err = checkWiki(ctx, a, s, prefix, stdout)
		}
		if err == nil {
			err = checkWords(ctx, a, s, prefix, stdout)
		}
		if err != nil {
			return err
		}
	}
	return checkShared(ctx, a, getenv, stdout)
}

// checkWiki reports the rights the bot account lacks on a wiki, and the
// shutoff page.
func checkWiki(ctx context.Context, a *app, s *siteApp, prefix string, stdout io.Writer) error {
	acct, err := s.mw.Account(ctx)
	if err != nil {
		return fmt.Errorf("%sread account: %w", prefix, err)
	}
	fmt.Fprintf(stdout, "%slogged in to %s as %s (groups: %s)\n", prefix, redactURL(s.cfg.MediaWiki.API), acct.Name, strings.Join(acct.Groups, ", "))
	missing := 0
	for _, r := range neededRights {
		if !slices.Contains(acct.Rights, r.right) {
			missing++
			fmt.Fprintf(stdout, "%smissing right %q: the bot cannot %s\n", prefix, r.right, r.why)
		}
	}
	if missing == 0 {
		fmt.Fprintf(stdout, "%srights: the account has every right the bot uses\n", prefix)
	}
	ok, why, err := s.site.WritesAllowed(ctx)
	if err != nil {
		return err
	}
	if !ok {
		fmt.Fprintf(stdout, "%sobserve only: %s\n", prefix, why)
	} else {
		fmt.Fprintf(stdout, "%sshutoff page: writes allowed\n", prefix)
	}
	return nil
}

// checkForum reports the bot account's groups on a forum (the client's
// login already refused an account that is neither an administrator nor a
// global moderator) and the off-switch topic.
func checkForum(ctx context.Context, a *app, s *siteApp, prefix string, stdout io.Writer) error {
	u, err := s.nb.User(ctx, s.nb.UID())
	if err != nil {
		return fmt.Errorf("%sread account: %w", prefix, err)
	}
	fmt.Fprintf(stdout, "%slogged in to %s as %s (groups: %s)\n", prefix, redactURL(s.cfg.NodeBB.URL), u.Username, strings.Join(u.Groups, ", "))
	role := "a global moderator"
	if u.Admin {
		role = "an administrator"
	}
	fmt.Fprintf(stdout, "%srights: %s, so it sees posts' IPs, deletes posts and topics, bans accounts and edits the IP blacklist\n", prefix, role)
	ok, why, err := s.site.WritesAllowed(ctx)
	switch {
	case err != nil:
		return err
	case !ok:
		fmt.Fprintf(stdout, "%sobserve only: %s\n", prefix, why)
	case s.cfg.Shutoff() == "":
		fmt.Fprintf(stdout, "%soff switch: none set (shutoff_page), writes always allowed\n", prefix)
	default:
		fmt.Fprintf(stdout, "%soff switch: topic %s says true, writes allowed\n", prefix, s.cfg.Shutoff())
	}
	return nil
}
