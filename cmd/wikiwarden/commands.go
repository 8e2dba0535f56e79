package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/config"
	"github.com/wikiwarden/wikiwarden/mediawiki"
	"github.com/wikiwarden/wikiwarden/mwsite"
	"github.com/wikiwarden/wikiwarden/store"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

func isConfigError(err error) bool { return errors.Is(err, config.ErrInvalid) }

// commonFlags are the flags of the commands that talk to a wiki.
type commonFlags struct {
	config string
	dryRun bool
	once   bool
}

func parseFlags(name string, args []string, stderr io.Writer, withOnce, withDryRun bool) (commonFlags, error) {
	var f commonFlags
	fs := flag.NewFlagSet("wikiwarden "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&f.config, "config", "wikiwarden.yaml", "path of the YAML configuration file")
	if withOnce {
		fs.BoolVar(&f.once, "once", false, "run one patrol pass and exit (what a cron line calls)")
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

// app is what every wiki-facing command needs, built from the config.
type app struct {
	cfg   *config.Config
	log   *logrus.Logger
	wiki  *mediawiki.Client
	store *store.Store
}

func (a *app) close() {
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

// setup loads the config, logs in to the wiki and, when withStore is set,
// opens the store (failing fast if another wikiwarden holds it).
func setup(ctx context.Context, path string, getenv func(string) string, stderr io.Writer, service, withStore bool) (*app, error) {
	cfg, err := config.Load(path)
	if err != nil {
		return nil, err
	}
	a := &app{cfg: cfg, log: newLogger(cfg, stderr, service)}
	if service {
		for _, w := range cfg.Warnings() {
			a.log.Warn(w)
		}
	}
	password, err := cfg.Password(getenv)
	if err != nil {
		return nil, err
	}
	ua := "wikiwarden/" + version
	if cfg.Wiki.Contact != "" {
		ua += " (" + cfg.Wiki.Contact + ")"
	}
	a.wiki, err = mediawiki.New(mediawiki.Options{
		API: cfg.Wiki.API, UserAgent: ua, Username: cfg.Wiki.Username, Password: password,
		Timeout: time.Duration(cfg.Wiki.Timeout), Maxlag: cfg.Wiki.MaxLag,
	})
	if err != nil {
		return nil, usageError{fmt.Errorf("wiki.api: %w", err)}
	}
	if withStore {
		a.store, err = store.Open(cfg.Store.Path, store.Options{})
		if err != nil {
			return nil, err
		}
	}
	if err := a.wiki.Login(ctx); err != nil {
		a.close()
		return nil, fmt.Errorf("log in to %s as %s: %w", redactURL(cfg.Wiki.API), cfg.Wiki.Username, err)
	}
	return a, nil
}

func (a *app) patroller(dryRun bool) (*bot.Patroller, error) {
	c := a.cfg
	opts := bot.Options{
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
	}
	return bot.New(opts, a.site(), a.store, a.log)
}

// site is the MediaWiki adapter on the logged-in client, with the wiki's
// conventions and rules of trust from the config.
func (a *app) site() *mwsite.Site {
	c := a.cfg
	opts := mwsite.Options{
		SummaryPrefix:    c.Patrol.SummaryPrefix,
		ShutoffPage:      c.ShutoffPage(),
		TrustedGroups:    c.Patrol.TrustedGroups,
		TrustedMinEdits:  c.Patrol.TrustedMinEdits,
		DeletionTemplate: c.Patrol.DeletionTemplate,
	}
	if c.Response.SpamBlacklist {
		opts.SpamBlacklistPage = c.Response.SpamBlacklistPage
	}
	return mwsite.New(a.wiki, opts, a.log)
}

func runPatrol(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	f, err := parseFlags("patrol", args, stderr, true, true)
	if err != nil {
		return err
	}
	if !f.once {
		return usagef("patrol needs --once (for a schedule, use \"wikiwarden run\")")
	}
	return withPatroller(ctx, f, getenv, stderr, false, func(a *app, p *bot.Patroller) error {
		sum, err := p.Pass(ctx)
		fmt.Fprintln(stdout, sum.String())
		if err != nil {
			return fmt.Errorf("patrol: %w", err)
		}
		return nil
	})
}

func runService(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	f, err := parseFlags("run", args, stderr, false, true)
	if err != nil {
		return err
	}
	return withPatroller(ctx, f, getenv, stderr, true, func(a *app, p *bot.Patroller) error {
		defer startBackups(ctx, a)()
		return serveService(ctx, a, p, stdout)
	})
}

// withPatroller sets up the wiki and the store, runs fn with a patroller,
// and closes the store after it.
func withPatroller(ctx context.Context, f commonFlags, getenv func(string) string, stderr io.Writer, service bool, fn func(*app, *bot.Patroller) error) error {
	a, err := setup(ctx, f.config, getenv, stderr, service, true)
	if err != nil {
		return err
	}
	defer a.close()
	p, err := a.patroller(f.dryRun)
	if err != nil {
		return err
	}
	return fn(a, p)
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
	acct, err := a.wiki.Account(ctx)
	if err != nil {
		return fmt.Errorf("read account: %w", err)
	}
	fmt.Fprintf(stdout, "logged in to %s as %s (groups: %s)\n", redactURL(a.cfg.Wiki.API), acct.Name, strings.Join(acct.Groups, ", "))
	missing := 0
	for _, r := range neededRights {
		if !slices.Contains(acct.Rights, r.right) {
			missing++
			fmt.Fprintf(stdout, "missing right %q: the bot cannot %s\n", r.right, r.why)
		}
	}
	if missing == 0 {
		fmt.Fprintln(stdout, "rights: the account has every right the bot uses")
	}
	p, err := a.patroller(false)
	if err != nil {
		return err
	}
	ok, why, err := p.WritesAllowed(ctx)
	if err != nil {
		return err
	}
	if !ok {
		fmt.Fprintf(stdout, "observe only: %s\n", why)
	} else {
		fmt.Fprintln(stdout, "shutoff page: writes allowed")
	}
	return nil
}
