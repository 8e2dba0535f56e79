// Package config reads, defaults and checks wikiwarden's YAML configuration.
//
// A config file needs only the wiki's API URL, the bot's login and the path
// of the store; every other key has a default (see Default and
// testdata/config/full.yaml). The password is never part of the file: it
// comes from the WIKIWARDEN_PASSWORD environment variable or from the file
// named by wiki.password_file (see Config.Password), so a config can be
// printed, logged and committed.
//
// Parse rejects unknown keys and wrongly typed values; Validate checks the
// values; Load does both for a file. Every problem is an *Error naming the
// dotted key and the fix, and all of them match ErrInvalid.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/wikiwarden/wikiwarden/detectors"
	"io"
	"io/fs"
	"net"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
	"go.yaml.in/yaml/v3"
)

// PasswordEnv is the environment variable holding the wiki password when
// wiki.password_file is not set.
const PasswordEnv = "WIKIWARDEN_PASSWORD"

// ShutoffNone as patrol.shutoff_page turns the shutoff check off.
const ShutoffNone = "none"

// KnownDetectors lists the detector names detectors.enabled may hold, in
// the order the bot runs them: the names the detectors package registers,
// where they (and the thresholds' defaults) have their one home.
var KnownDetectors = detectors.Names()

// LogLevels lists the values log.level accepts.
var LogLevels = []string{"debug", "info", "warn", "error"}

// Config is wikiwarden's whole configuration. The zero value is not useful:
// start from Default, or use Parse or Load, which do.
type Config struct {
	// Wiki says how to reach and log in to the wiki: the shorthand for
	// one mediawiki site named "wiki" when Sites is empty.
	Wiki Wiki `yaml:"wiki"`
	// Sites lists the wikis and forums to patrol, each with its own login;
	// they share one memory of the botnet. Empty means the wiki section.
	Sites []Site `yaml:"sites"`
	// Patrol says when and how the recent changes are patrolled.
	Patrol Patrol `yaml:"patrol"`
	// Detectors selects and tunes the edit detectors.
	Detectors Detectors `yaml:"detectors"`
	// Response says what wikiwarden does about a bad edit beyond reverting it.
	Response Response `yaml:"response"`
	// Store configures the BoltDB file wikiwarden remembers edits in.
	Store Store `yaml:"store"`
	// Log configures logging.
	Log Log `yaml:"log"`
	// Review configures the moderators' review console.
	Review Review `yaml:"review"`
	// Metrics configures the Prometheus metrics endpoint.
	Metrics Metrics `yaml:"metrics"`
	// Shared configures a memory of the botnet shared with other wikiwarden
	// processes through PostgreSQL; off by default.
	Shared Shared `yaml:"shared"`
	// Farm says how many passes run at once and how a failing site is
	// left alone.
	Farm Farm `yaml:"farm"`
}

// Wiki is the "wiki" section.
type Wiki struct {
	// API is the URL of the wiki's api.php, e.g.
	// "https://wiki.example.org/w/api.php". Required.
	API string `yaml:"api"`
	// Username is the login, normally a bot password ("Warden@patrol", from
	// Special:BotPasswords) so the bot holds only the rights it needs. A
	// plain account name works too but draws a warning. Required.
	Username string `yaml:"username"`
	// PasswordFile names a file whose content, trimmed of surrounding
	// white space, is the password. When empty the password comes from the
	// WIKIWARDEN_PASSWORD environment variable. Load resolves a relative
	// path against the config file's directory.
	PasswordFile string `yaml:"password_file"`
	// Contact is put in the User-Agent so wiki operators can reach whoever
	// runs the bot, e.g. "User:Admin" or "admin@example.org". Optional, but
	// Wikimedia's User-Agent policy asks for one.
	Contact string `yaml:"contact"`
	// Timeout bounds each HTTP request to the wiki.
	Timeout Duration `yaml:"timeout"`
	// MaxLag is sent as the API's maxlag parameter, in seconds, so the bot
	// backs off when the wiki's database replicas lag; 0 leaves it out.
	// From 0 to 60.
	MaxLag int `yaml:"maxlag"`
}

// Patrol is the "patrol" section.
type Patrol struct {
	// Schedule is when to read the recent changes: a 5-field cron spec or a
	// descriptor such as "@every 1m" or "@hourly".
	Schedule string `yaml:"schedule"`
	// Lookback is how far back the first run reads the recent changes; later
	// runs continue from where the previous one stopped. 0 means the first
	// pass starts at the present (reads nothing older).
	Lookback Duration `yaml:"lookback"`
	// DryRun logs and records what wikiwarden would do without editing,
	// blocking or touching the spam blacklist.
	DryRun bool `yaml:"dry_run"`
	// ShutoffPage is a page any user can edit to stop the bot: while it holds
	// anything but "true" (or does not exist), wikiwarden only observes:
	// it still patrols and records, but never edits or blocks. Empty
	// means "User:<account>/Run", where <account> is wiki.username up to the
	// "@"; "none" turns the check off.
	ShutoffPage string `yaml:"shutoff_page"`
	// TrustedGroups are user groups whose edits are never checked.
	TrustedGroups []string `yaml:"trusted_groups"`
	// TrustedMinEdits trusts editors with at least this many edits; 0 turns
	// the rule off.
	TrustedMinEdits int `yaml:"trusted_min_edits"`
	// Namespaces limits the patrol to these namespace numbers (0 is the main
	// namespace); an empty list patrols all of them.
	Namespaces []int `yaml:"namespaces"`
	// MaxEditsPerPass caps how many recent changes one pass reads, so a
	// long outage does not turn into one enormous pass.
	MaxEditsPerPass int `yaml:"max_edits_per_pass"`
	// RevertCooldown allows at most one revert per editor and page within
	// this long, so the bot never edit-wars; later bad edits are flagged for
	// review instead. 0 means no cooldown.
	RevertCooldown Duration `yaml:"revert_cooldown"`
	// SummaryPrefix starts every edit summary and block reason, so the bot's
	// actions are easy to find in the wiki's logs.
	SummaryPrefix string `yaml:"summary_prefix"`
	// DeletionTemplate is put on top of a page created as a probe or as
	// spam when the bot lacks the delete right, with $1 standing for the
	// reason; with the right the bot deletes the page instead. "" leaves
	// such pages for a human.
	DeletionTemplate string `yaml:"deletion_template"`
	// RetryBudget bounds the retries of an action the wiki failed to carry
	// out (it was down, lagged, timed out): retried at later passes with
	// back-off (1, 2, 4... minutes) until Attempts attempts failed or the
	// first failure is MaxAge old; then the edit is set aside for a human
	// and patrolling moves on.
	RetryBudget RetryBudget `yaml:"retry_budget"`
	// Notice says who is told, on their talk page, that the bot reverted
	// them, why, and how to report a mistake.
	Notice Notice `yaml:"notice"`
	// ReportPage is where the wiki's people report the bot's mistakes, a
	// new section naming a revision or a diff link; the bot reads it on
	// each pass, puts reported items at the top of the console's queue and
	// answers once a moderator decided. "" means
	// "User talk:<account>/Mistakes"; "none" turns it off.
	ReportPage string `yaml:"report_page"`
}

// RetryBudget is the "patrol.retry_budget" section.
type RetryBudget struct {
	// Attempts is how many failed attempts set an action aside.
	Attempts int `yaml:"attempts"`
	// MaxAge is how long after its first failure an action is set aside
	// at its next failure.
	MaxAge Duration `yaml:"max_age"`
}

// Detectors is the "detectors" section.
type Detectors struct {
	// Enabled names the detectors to run, from KnownDetectors ("probe" for
	// random-letter probe tokens, "links" for link spam); they always run in
	// that fixed order whatever the order here.
	Enabled []string `yaml:"enabled"`
	// ProbeThreshold is the probe score, from 0 to 1, at or above which an
	// edit is treated as a probe.
	ProbeThreshold float64 `yaml:"probe_threshold"`
	// LinksThreshold is the links score, from 0 to 1, at or above which an
	// edit is treated as link spam on its own evidence.
	LinksThreshold float64 `yaml:"links_threshold"`
	// ModelRefresh is when to rebuild the letter model from the wiki's own
	// pages (a cron spec); empty keeps the model built at start-up.
	ModelRefresh string `yaml:"model_refresh"`
	// ModelSamplePages is how many random pages the letter model is built
	// from.
	ModelSamplePages int `yaml:"model_sample_pages"`
	// AllowListPage is a wiki page whose words are never probe tokens by
	// themselves (a word or more a line, # starts a comment), for the
	// wiki's rare real words; the bot re-reads it after each edit of it.
	// "" means "User:<account>/Allowlist"; "none" turns it off.
	AllowListPage string `yaml:"allow_list_page"`
	// DictCache is the directory where each language's dictionaries are
	// compiled once into an index that later runs map into memory, so a
	// pass starts in milliseconds instead of reading word lists. Empty
	// means $XDG_CACHE_HOME/wikiwarden (else ~/.cache/wikiwarden, else a
	// "cache" directory beside store.path); "none" reads the word lists at
	// every start. Load resolves a relative path against the config
	// file's directory.
	DictCache string `yaml:"dict_cache"`
	// Dicts are the languages whose installed dictionaries the probe
	// detector may read pages in ("nl", "pt"); empty means every
	// language with a dictionary installed. Each is opened the first time
	// a page needs it, and the language of each edit's text is told by
	// which of them read it.
	Dicts []string `yaml:"dicts,omitempty"`
}

// DictCacheNone as detectors.dict_cache turns the compiled dictionaries off.
const DictCacheNone = "none"

// Response is the "response" section.
type Response struct {
	// WatchWindow is how long an IP, its range and a probed page stay
	// suspect after a probe: links added from them within it are reverted
	// as follow-up spam.
	WatchWindow Duration `yaml:"watch_window"`
	// Block blocks the IP (or range) behind a probe or follow-up spam.
	Block bool `yaml:"block"`
	// BlockDurations are MediaWiki block expiries ("1 day", "2 weeks",
	// "infinite") for an IP's first, second, ... block; repeat offences
	// past the end of the list reuse its last entry. Must not be empty while
	// block is true.
	BlockDurations []string `yaml:"block_durations"`
	// RangeBlock blocks a whole range once enough of its IPs have offended.
	RangeBlock bool `yaml:"range_block"`
	// RangeMinIPs is how many distinct offending IPs in one range, within
	// the watch window, trigger a range block. At least 2.
	RangeMinIPs int `yaml:"range_min_ips"`
	// RangePrefixV4 is the prefix length of IPv4 range blocks, from 16 (the
	// widest MediaWiki allows by default, $wgBlockCIDRLimit) to 32.
	RangePrefixV4 int `yaml:"range_prefix_v4"`
	// RangePrefixV6 is the prefix length of IPv6 range blocks, from 19 (the
	// widest MediaWiki allows by default) to 128.
	RangePrefixV6 int `yaml:"range_prefix_v6"`
	// SpamBlacklist adds domains confirmed as spam to the spam blacklist
	// page, so the wiki itself refuses them (needs the SpamBlacklist
	// extension and the right to edit that page).
	SpamBlacklist bool `yaml:"spam_blacklist"`
	// SpamBlacklistPage is the page spam_blacklist appends to.
	SpamBlacklistPage string `yaml:"spam_blacklist_page"`
}

// Store is the "store" section.
type Store struct {
	// Path is the BoltDB file wikiwarden keeps its memory in; it is created
	// if missing, but its directory must exist and be writable. Load
	// resolves a relative path against the config file's directory.
	// Required.
	Path string `yaml:"path"`
	// Retention is how long records of edits and actions, and the events
	// and revert marks the bot remembers, are kept. At least as long as
	// response.watch_window and patrol.revert_cooldown, which read them.
	Retention Duration `yaml:"retention"`
	// Housekeeping is when expired records are deleted (a cron spec).
	Housekeeping string `yaml:"housekeeping"`
	// Backup is the copy of the store "wikiwarden run" writes on a
	// schedule, while it holds the store (off by default).
	Backup StoreBackup `yaml:"backup"`
}

// StoreBackup is the "store.backup" section: "wikiwarden run" writes a
// consistent copy of the store to Path on Schedule, replacing the previous
// copy atomically. Both empty turns it off.
type StoreBackup struct {
	// Path is the backup file, replaced at each backup. Load resolves a
	// relative path against the config file's directory.
	Path string `yaml:"path"`
	// Schedule is when run writes the backup (a cron spec such as "@daily").
	Schedule string `yaml:"schedule"`
}

// Log is the "log" section.
type Log struct {
	// Level is the least severe level logged: debug, info, warn or error.
	Level string `yaml:"level"`
	// Format is "json" or "text"; empty lets the command choose (json for
	// "wikiwarden run", text for the other commands).
	Format string `yaml:"format"`
}

// Review is the "review" section: the moderators' web console, served by
// "wikiwarden run".
type Review struct {
	// Listen is the console's host:port. Keep it on the loopback and put a
	// reverse proxy with TLS in front; "" turns the console off.
	Listen string `yaml:"listen"`
	// Groups are the wiki user groups whose members may log in.
	Groups []string `yaml:"groups"`
	// SessionTTL is how long a moderator stays logged in.
	SessionTTL Duration `yaml:"session_ttl"`
	// TrustedProxies are the addresses or ranges of reverse proxies whose
	// X-Forwarded-Proto and X-Forwarded-For headers are believed.
	TrustedProxies []string `yaml:"trusted_proxies"`
	// LoginSite is the site whose accounts moderators log in with; ""
	// means the first mediawiki site (or, with none, the first site).
	LoginSite string `yaml:"login_site"`
	// Sites maps a site's name to the groups whose members review it: the
	// login site's groups, and for a forum also its own (its moderators
	// log in with their forum account). Empty: members of Groups on the
	// login site review every site.
	Sites map[string][]string `yaml:"sites"`
}

// ConsoleLoginSite is the site moderators log in with: review.login_site,
// else the first mediawiki site, else the first site.
func (c *Config) ConsoleLoginSite() string {
	if c.Review.LoginSite != "" {
		return c.Review.LoginSite
	}
	sites := c.EffectiveSites()
	for _, s := range sites {
		if s.Kind == KindMediaWiki {
			return s.Name
		}
	}
	return sites[0].Name
}

// Metrics is the "metrics" section.
type Metrics struct {
	// Listen is a separate host:port for /metrics; "" serves it (without
	// login, like /healthz) on review.listen.
	Listen string `yaml:"listen"`
	// BearerTokenFile names a file whose content, trimmed, is the token a
	// scraper must send ("Authorization: Bearer TOKEN"); "" leaves
	// /metrics open. Load resolves a relative path against the config
	// file's directory.
	BearerTokenFile string `yaml:"bearer_token_file"`
}

// MetricsToken reads metrics.bearer_token_file: "" when it is not set.
func (c *Config) MetricsToken() (string, error) {
	f := c.Metrics.BearerTokenFile
	if f == "" {
		return "", nil
	}
	data, err := os.ReadFile(f)
	if err != nil {
		return "", &Error{Key: "metrics.bearer_token_file", Problem: err.Error(), Fix: "point it at a readable file holding the token"}
	}
	tok := strings.TrimSpace(string(data))
	if tok == "" {
		return "", &Error{Key: "metrics.bearer_token_file", Problem: "the file is empty", Fix: "write the token into it"}
	}
	return tok, nil
}

// Default returns the configuration used for every key a file leaves out.
// The required keys (wiki.api, wiki.username, store.path) are empty.
func Default() Config {
	return Config{
		Wiki: Wiki{
			Timeout: Duration(30 * time.Second),
			MaxLag:  5,
		},
		Sites: []Site{},
		Patrol: Patrol{
			Schedule:         "@every 1m",
			Lookback:         Duration(24 * time.Hour),
			TrustedGroups:    []string{"sysop", "bot", "autoconfirmed"},
			Namespaces:       []int{},
			MaxEditsPerPass:  5000,
			RevertCooldown:   Duration(24 * time.Hour),
			SummaryPrefix:    "wikiwarden:",
			DeletionTemplate: "{{delete|$1}}",
			RetryBudget:      RetryBudget{Attempts: 5, MaxAge: Duration(time.Hour)},
			Notice:           defaultNotice(),
		},
		Detectors: Detectors{
			Enabled:          slices.Clone(KnownDetectors),
			ProbeThreshold:   detectors.DefaultProbeThreshold,
			LinksThreshold:   detectors.DefaultLinksThreshold,
			ModelRefresh:     "@daily",
			ModelSamplePages: 200,
		},
		Response: Response{
			WatchWindow:       Duration(720 * time.Hour),
			Block:             true,
			BlockDurations:    []string{"1 day", "1 week", "1 month"},
			RangeBlock:        true,
			RangeMinIPs:       2,
			RangePrefixV4:     24,
			RangePrefixV6:     64,
			SpamBlacklistPage: "MediaWiki:Spam-blacklist",
		},
		Store: Store{
			Retention:    Duration(2160 * time.Hour),
			Housekeeping: "@hourly",
		},
		Log: Log{
			Level: "info",
		},
		Review: Review{
			Listen:         "127.0.0.1:8470",
			Groups:         []string{"sysop"},
			SessionTTL:     Duration(12 * time.Hour),
			TrustedProxies: []string{},
			Sites:          map[string][]string{},
		},
		Shared: DefaultShared(),
		Farm:   DefaultFarm(),
	}
}

// Parse reads a YAML configuration on top of Default. It rejects syntax
// errors, unknown keys and values of the wrong type, reporting each with
// its line, but does not call Validate, so the caller may adjust the result
// first.
func Parse(r io.Reader) (*Config, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, join([]*Error{{Problem: "read: " + err.Error(), Err: err}})
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, join([]*Error{syntaxError(err)})
	}
	c := Default()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		errs := explain(&doc, reflect.TypeFor[Config]())
		if len(errs) == 0 {
			errs = []*Error{decodeError(err)}
		}
		return nil, join(errs)
	}
	if len(c.Detectors.Dicts) == 0 {
		c.Detectors.Dicts = nil // "dicts: []" and no key both mean every language
	}
	return &c, nil
}

// Load reads, parses and validates the config file at path. Relative
// store.path and wiki.password_file are taken relative to the file's
// directory. Every error names path and matches ErrInvalid; a missing file
// also matches fs.ErrNotExist.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, join([]*Error{{File: path, Problem: "config file not found",
			Fix: "pass --config with the path to your config file", Err: err}})
	}
	if err != nil {
		return nil, join([]*Error{{File: path, Problem: "cannot read config file: " + cause(err), Err: err}})
	}
	c, err := Parse(bytes.NewReader(data))
	if err == nil {
		c.resolvePaths(filepath.Dir(path))
		err = c.Validate()
	}
	if err != nil {
		return nil, withFile(err, path)
	}
	// One shape from here on: the wiki shorthand becomes sites[0].
	c.Sites = c.EffectiveSites()
	return c, nil
}

// resolvePaths makes relative file paths relative to dir.
func (c *Config) resolvePaths(dir string) {
	paths := []*string{&c.Store.Path, &c.Wiki.PasswordFile, &c.Store.Backup.Path, &c.Metrics.BearerTokenFile, &c.Shared.DSNFile}
	if c.Detectors.DictCache != DictCacheNone {
		paths = append(paths, &c.Detectors.DictCache)
	}
	for i := range c.Sites {
		paths = append(paths, &c.Sites[i].PasswordFile)
	}
	for _, p := range paths {
		if *p != "" && !filepath.IsAbs(*p) {
			*p = filepath.Join(dir, *p)
		}
	}
}

// withFile sets File on every *Error in err, a joined error from Parse or
// Validate.
func withFile(err error, file string) error {
	var errs []*Error
	for _, e := range unjoin(err) {
		var ce *Error
		if !errors.As(e, &ce) {
			return err
		}
		ce.File = file
		errs = append(errs, ce)
	}
	return join(errs)
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// Validate checks every value and returns all problems joined, one per
// line, each an *Error naming the key and the fix. It also checks that
// store.path's directory exists and is writable, by creating and removing
// a temporary file there.
func (c *Config) Validate() error {
	var v validator
	v.lengths(c)

	v.sites(c)
	w := c.Wiki
	const apiFix = "set wiki.api to your wiki's api.php URL, e.g. https://wiki.example.org/w/api.php"
	if len(c.Sites) > 0 {
		// The sites list replaces the wiki section; v.sites checked it.
	} else if w.API == "" {
		v.add("wiki.api", "missing", apiFix)
	} else if u, err := url.Parse(w.API); err != nil {
		v.add("wiki.api", fmt.Sprintf("invalid URL %q", redactURL(w.API)), apiFix)
	} else if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		v.add("wiki.api", fmt.Sprintf("%q is not an http or https URL", redactURL(w.API)), apiFix)
	}
	if len(c.Sites) == 0 && strings.TrimSpace(w.Username) == "" {
		v.add("wiki.username", "missing", `set it to the bot's login, e.g. a bot password such as "Warden@patrol" from Special:BotPasswords`)
	}
	v.positive("wiki.timeout", w.Timeout, "30s")
	if w.MaxLag < 0 || w.MaxLag > 60 {
		v.add("wiki.maxlag", strconv.Itoa(w.MaxLag)+" is out of range", "use 0 (off) to 60 seconds, e.g. 5")
	}

	p := c.Patrol
	v.cron("patrol.schedule", p.Schedule, false, `use a 5-field cron spec or "@every 5m"`)
	v.notNegative("patrol.lookback", p.Lookback)
	if p.ShutoffPage != "" && p.ShutoffPage != ShutoffNone {
		if i := strings.IndexAny(p.ShutoffPage, "#<>[]{}|"); i >= 0 {
			v.add("patrol.shutoff_page",
				fmt.Sprintf("%q is not a valid page title (contains %q)", p.ShutoffPage, string(p.ShutoffPage[i])),
				`use a title such as "User:Warden/Run", "" for the default, or "none" to turn the check off`)
		}
	}
	for _, g := range p.TrustedGroups {
		if strings.TrimSpace(g) == "" {
			v.add("patrol.trusted_groups", "empty group name", "remove it")
		}
	}
	if p.TrustedMinEdits < 0 {
		v.add("patrol.trusted_min_edits", strconv.Itoa(p.TrustedMinEdits)+" is negative", "use 0 to turn the rule off, or an edit count")
	}
	for _, ns := range p.Namespaces {
		if ns < 0 {
			v.add("patrol.namespaces", strconv.Itoa(ns)+" is a virtual namespace that has no edits",
				"list namespace numbers 0 or greater, or leave the list empty for all")
		}
	}
	if p.MaxEditsPerPass <= 0 {
		v.add("patrol.max_edits_per_pass", "must be positive, got "+strconv.Itoa(p.MaxEditsPerPass), "use e.g. 5000")
	}
	v.notNegative("patrol.revert_cooldown", p.RevertCooldown)
	if n := p.RetryBudget.Attempts; n < 1 || n > 100 {
		v.add("patrol.retry_budget.attempts", "must be from 1 to 100, got "+strconv.Itoa(n), "use e.g. 5")
	}
	v.positive("patrol.retry_budget.max_age", p.RetryBudget.MaxAge, "1h")
	v.notice(p)
	if t := p.DeletionTemplate; t != "" && (!strings.HasPrefix(t, "{{") || !strings.HasSuffix(t, "}}") || strings.Contains(t, "\n")) {
		v.add("patrol.deletion_template", fmt.Sprintf("%q is not a template", t),
			`use one template on one line such as "{{delete|$1}}" ($1 is the reason), or "" to leave created spam pages for a human`)
	}

	d := c.Detectors
	for i, name := range d.Enabled {
		switch {
		case !slices.Contains(KnownDetectors, name):
			v.add("detectors.enabled", fmt.Sprintf("unknown detector %q", name), "use any of "+strings.Join(KnownDetectors, ", "))
		case slices.Index(d.Enabled, name) < i:
			v.add("detectors.enabled", fmt.Sprintf("%q is listed twice", name), "list each detector once")
		}
	}
	v.fraction("detectors.probe_threshold", d.ProbeThreshold, "0.5")
	v.fraction("detectors.links_threshold", d.LinksThreshold, "0.7")
	v.cron("detectors.model_refresh", d.ModelRefresh, true, `use a 5-field cron spec, "@daily", or "" to turn refreshing off`)
	if d.ModelSamplePages <= 0 {
		v.add("detectors.model_sample_pages", "must be positive, got "+strconv.Itoa(d.ModelSamplePages), "use e.g. 200")
	}

	r := c.Response
	v.positive("response.watch_window", r.WatchWindow, "720h")
	if r.Block && len(r.BlockDurations) == 0 {
		v.add("response.block_durations", "empty while response.block is true",
			`list MediaWiki expiries such as "1 day", "1 week", or set response.block to false`)
	}
	for _, e := range r.BlockDurations {
		switch {
		case strings.TrimSpace(e) == "":
			v.add("response.block_durations", "empty expiry", `remove it or use a MediaWiki expiry such as "1 week"`)
		case strings.Contains(e, "|"):
			v.add("response.block_durations", fmt.Sprintf("%q contains \"|\"", e), "list each expiry as its own item")
		case !validExpiry(e):
			v.add("response.block_durations", fmt.Sprintf("%q is not a MediaWiki expiry", e),
				`use a count and unit such as "1 day" or "2 weeks", "infinite", or a timestamp such as "2030-01-01T00:00:00Z"`)
		}
	}
	if r.RangeMinIPs < 2 {
		v.add("response.range_min_ips", strconv.Itoa(r.RangeMinIPs)+" is too small", "use 2 or more")
	}
	if r.RangePrefixV4 < 16 || r.RangePrefixV4 > 32 {
		v.add("response.range_prefix_v4", strconv.Itoa(r.RangePrefixV4)+" is out of range",
			"use 16 (the widest range MediaWiki blocks by default) to 32, e.g. 24")
	}
	if r.RangePrefixV6 < 19 || r.RangePrefixV6 > 128 {
		v.add("response.range_prefix_v6", strconv.Itoa(r.RangePrefixV6)+" is out of range",
			"use 19 (the widest range MediaWiki blocks by default) to 128, e.g. 64")
	}
	if r.SpamBlacklist && strings.TrimSpace(r.SpamBlacklistPage) == "" {
		v.add("response.spam_blacklist_page", "empty while response.spam_blacklist is true", `use "MediaWiki:Spam-blacklist"`)
	}

	s := c.Store
	v.storePath(s.Path)
	v.positive("store.retention", s.Retention, "2160h")
	v.retention(s.Retention, r.WatchWindow, p.RevertCooldown)
	v.cron("store.housekeeping", s.Housekeeping, false, `use a 5-field cron spec or "@hourly"`)
	v.storeBackup(s.Backup, s.Path)

	if !slices.Contains(LogLevels, c.Log.Level) {
		v.add("log.level", fmt.Sprintf("unknown level %q", c.Log.Level), "use debug, info, warn or error")
	}
	switch c.Log.Format {
	case "", "json", "text":
	default:
		v.add("log.format", fmt.Sprintf("unknown format %q", c.Log.Format), `use json, text, or "" for the command's default`)
	}

	v.shared(c.Shared)
	v.farm(c)

	rv := c.Review
	v.listen("review.listen", rv.Listen)
	if rv.Listen != "" && len(rv.Groups) == 0 {
		v.add("review.groups", "empty, so nobody can log in to the console", "list the wiki groups of your moderators, e.g. [sysop]")
	}
	for _, g := range rv.Groups {
		if strings.TrimSpace(g) == "" {
			v.add("review.groups", "empty group name", "remove it")
		}
	}
	v.positive("review.session_ttl", rv.SessionTTL, "12h")
	known := map[string]bool{}
	var names []string
	for _, st := range c.EffectiveSites() {
		known[st.Name] = true
		names = append(names, st.Name)
	}
	kinds := map[string]string{}
	for _, st := range c.EffectiveSites() {
		kinds[st.Name] = st.Kind
	}
	switch {
	case rv.LoginSite != "" && !known[rv.LoginSite]:
		v.add("review.login_site", fmt.Sprintf("%q is not a site of this config", rv.LoginSite), "use one of "+strings.Join(names, ", "))
	case rv.LoginSite != "" && kinds[rv.LoginSite] != KindMediaWiki:
		v.add("review.login_site", fmt.Sprintf("%q is a %s site; moderators log in with a mediawiki site's accounts", rv.LoginSite, kinds[rv.LoginSite]), `name a mediawiki site, or "" for the first one`)
	}
	reviewed := make([]string, 0, len(rv.Sites))
	for name := range rv.Sites {
		reviewed = append(reviewed, name)
	}
	slices.Sort(reviewed)
	for _, name := range reviewed {
		groups := rv.Sites[name]
		if !known[name] {
			v.add("review.sites."+name, "not a site of this config", "use one of "+strings.Join(names, ", "))
		}
		if len(groups) == 0 {
			v.add("review.sites."+name, "no groups, so nobody reviews it", "list the login site's groups whose members review it, e.g. [sysop]")
		}
	}
	for _, p := range rv.TrustedProxies {
		if _, err := ParseProxy(p); err != nil {
			v.add("review.trusted_proxies", fmt.Sprintf("%q is not an address or range", p), `list addresses or CIDR ranges such as "127.0.0.1" or "10.0.0.0/8"`)
		}
	}
	v.listen("metrics.listen", c.Metrics.Listen)
	if c.Metrics.Listen != "" && c.Metrics.Listen == rv.Listen && !strings.HasSuffix(rv.Listen, ":0") {
		v.add("metrics.listen", "same address as review.listen", `leave it "" to serve /metrics on review.listen`)
	}

	return join(v.errs)
}

// ParseProxy reads a review.trusted_proxies entry: an address or a CIDR
// range.
func ParseProxy(s string) (netip.Prefix, error) {
	s = strings.TrimSpace(s)
	if a, err := netip.ParseAddr(s); err == nil {
		a = a.Unmap()
		return netip.PrefixFrom(a, a.BitLen()), nil
	}
	p, err := netip.ParsePrefix(s)
	if err != nil {
		return netip.Prefix{}, err
	}
	return p.Masked(), nil
}

// listen checks an optional host:port.
func (v *validator) listen(key, addr string) {
	if addr == "" {
		return
	}
	_, port, err := net.SplitHostPort(addr)
	if n, perr := strconv.Atoi(port); err != nil || perr != nil || n < 0 || n > 65535 {
		v.add(key, fmt.Sprintf("%q is not a host:port", addr), `use e.g. "127.0.0.1:8470", or "" to turn it off`)
	}
}

// validator collects Validate's problems.
type validator struct {
	errs []*Error
	skip map[string]bool // keys already found too long: no more problems
}

func (v *validator) add(key, problem, fix string) {
	if v.skip[key] {
		return
	}
	v.errs = append(v.errs, &Error{Key: key, Problem: problem, Fix: fix})
}

func (v *validator) positive(key string, d Duration, example string) {
	if d <= 0 {
		v.add(key, "must be positive, got "+d.String(), fmt.Sprintf("use e.g. %q", example))
	}
}

func (v *validator) notNegative(key string, d Duration) {
	if d < 0 {
		v.add(key, "must not be negative, got "+d.String(), `use 0 or a positive duration such as "24h"`)
	}
}

// retention checks that records, events and revert marks outlive the
// watch window and the revert cooldown that read them: Expire would
// otherwise forget a probe while its IP is still watched, or a revert while
// its cooldown still runs. Values the other checks reject are skipped.
func (v *validator) retention(retention, watchWindow, cooldown Duration) {
	if retention <= 0 || watchWindow <= 0 || cooldown < 0 {
		return
	}
	key, what, need := "response.watch_window", "watch window", watchWindow
	if cooldown > watchWindow {
		key, what, need = "patrol.revert_cooldown", "revert cooldown", cooldown
	}
	if retention >= need {
		return
	}
	example := max(need, Default().Store.Retention)
	v.add("store.retention", fmt.Sprintf("%s is shorter than %s (%s)", retention, key, need),
		fmt.Sprintf("keep records at least as long as the %s, e.g. retention: %s", what, example))
}

func (v *validator) fraction(key string, f float64, example string) {
	if !(f >= 0 && f <= 1) { // also catches NaN
		v.add(key, strconv.FormatFloat(f, 'g', -1, 64)+" is out of range", "use a number from 0 to 1, e.g. "+example)
	}
}

// cron checks spec with the parser the bot schedules with.
func (v *validator) cron(key, spec string, optional bool, fix string) {
	if spec == "" {
		if !optional {
			v.add(key, "missing", fix)
		}
		return
	}
	if _, err := cron.ParseStandard(spec); err != nil {
		v.add(key, fmt.Sprintf("invalid cron spec %q: %v", spec, err), fix)
	}
}

func (v *validator) storePath(path string) {
	const key = "store.path"
	if strings.TrimSpace(path) == "" {
		v.add(key, "missing", "set it to the file wikiwarden keeps its memory in, e.g. /var/lib/wikiwarden/wikiwarden.db")
		return
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		v.add(key, fmt.Sprintf("%q is a directory", path),
			fmt.Sprintf("point store.path at a file inside it, e.g. %q", filepath.Join(path, "wikiwarden.db")))
		return
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		v.add(key, fmt.Sprintf("directory %q does not exist", dir), "create it or point store.path elsewhere")
		return
	case err != nil:
		v.add(key, fmt.Sprintf("directory %q is not usable (%s)", dir, cause(err)), "fix its permissions or point store.path elsewhere")
		return
	case !fi.IsDir():
		v.add(key, fmt.Sprintf("%q is not a directory", dir), "point store.path at a file inside a writable directory")
		return
	}
	f, err := os.CreateTemp(dir, ".wikiwarden-check-*")
	if err != nil {
		v.add(key, fmt.Sprintf("directory %q is not writable (%s)", dir, cause(err)), "fix its permissions or point store.path elsewhere")
		return
	}
	f.Close()
	os.Remove(f.Name())
}

// storeBackup checks the store.backup section: off, or a path in an
// existing directory other than the store itself, and a schedule.
func (v *validator) storeBackup(b StoreBackup, storePath string) {
	switch {
	case b.Path == "" && b.Schedule == "":
		return
	case b.Path == "":
		v.add("store.backup.path", "missing while store.backup.schedule is set",
			"set it to the backup file, e.g. /var/backups/wikiwarden/wikiwarden.db, or remove store.backup.schedule")
		return
	case b.Schedule == "":
		v.add("store.backup.schedule", "missing while store.backup.path is set", `use a cron spec such as "@daily", or remove store.backup.path`)
		return
	}
	v.cron("store.backup.schedule", b.Schedule, false, `use a 5-field cron spec or "@daily"`)
	if filepath.Clean(b.Path) == filepath.Clean(storePath) {
		v.add("store.backup.path", fmt.Sprintf("%q is store.path itself", b.Path), "point it at another file, ideally on another disk")
		return
	}
	dir := filepath.Dir(b.Path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		v.add("store.backup.path", fmt.Sprintf("directory %q does not exist", dir), "create it or point store.backup.path elsewhere")
	}
}

// cause strips the operation and path from a file system error, leaving
// e.g. "permission denied", so messages stay stable and short.
func cause(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Password returns the wiki password: the trimmed content of
// wiki.password_file when that is set, otherwise getenv(PasswordEnv)
// (os.Getenv when getenv is nil). The errors never contain the password.
func (c *Config) Password(getenv func(string) string) (string, error) {
	const key = "wiki.password_file"
	if f := c.Wiki.PasswordFile; f != "" {
		data, err := os.ReadFile(f)
		if err != nil {
			return "", &Error{Key: key, Problem: fmt.Sprintf("cannot read %q (%s)", f, cause(err)),
				Fix: "make it readable by wikiwarden, or unset it and set " + PasswordEnv, Err: err}
		}
		pw := strings.TrimSpace(string(data))
		if pw == "" {
			return "", &Error{Key: key, Problem: fmt.Sprintf("%q is empty", f), Fix: "put the bot password in it"}
		}
		return pw, nil
	}
	if getenv == nil {
		getenv = os.Getenv
	}
	if pw := getenv(PasswordEnv); pw != "" {
		return pw, nil
	}
	return "", &Error{Key: key, Problem: "not set and " + PasswordEnv + " is empty",
		Fix: "set " + PasswordEnv + " to the bot password, or point wiki.password_file at a file holding it"}
}

// Account is the wiki account name: wiki.username up to any "@" that
// separates a bot password's label.
func (c *Config) Account() string {
	name, _, _ := strings.Cut(c.Wiki.Username, "@")
	return strings.TrimSpace(name)
}

// ShutoffPage is the title of the shutoff page to check before each pass,
// or "" when patrol.shutoff_page is "none".
func (c *Config) ShutoffPage() string {
	switch c.Patrol.ShutoffPage {
	case ShutoffNone:
		return ""
	case "":
		return "User:" + c.Account() + "/Run"
	}
	return c.Patrol.ShutoffPage
}

// Warnings returns advice about a valid but doubtful configuration, one
// "KEY: problem; fix" string each, for the command to log or print.
func (c *Config) Warnings() []string {
	var w []string
	if c.Wiki.Username != "" && !strings.Contains(c.Wiki.Username, "@") {
		w = append(w, fmt.Sprintf("wiki.username: %q is not a bot-password login (Name@label), so wikiwarden holds every right of the account; create a bot password at Special:BotPasswords", c.Wiki.Username))
	}
	if c.Wiki.Contact == "" {
		w = append(w, `wiki.contact: empty, so the User-Agent says nothing about who runs the bot; set it to e.g. "User:Admin" or an email address`)
	}
	if u, err := url.Parse(c.Wiki.API); err == nil && u.Scheme == "http" && !isLoopback(u.Hostname()) {
		w = append(w, "wiki.api: plain http to a remote host sends the password unencrypted; use https")
	}
	if len(c.Detectors.Enabled) == 0 {
		w = append(w, "detectors.enabled: empty, so wikiwarden flags nothing; enable probe and links")
	}
	if h, _, err := net.SplitHostPort(c.Review.Listen); err == nil && !isLoopback(h) && len(c.Review.TrustedProxies) == 0 {
		w = append(w, fmt.Sprintf("review.listen: %q is reachable from other machines over plain http, so moderators' wiki passwords cross the network unencrypted; listen on 127.0.0.1 behind a reverse proxy with TLS", c.Review.Listen))
	}
	if c.Patrol.DryRun {
		w = append(w, "patrol.dry_run: true, so wikiwarden only logs what it would do; set it to false to act")
	}
	return w
}

func isLoopback(host string) bool {
	return host == "localhost" || strings.HasPrefix(host, "127.") || host == "::1"
}

// Redacted returns the effective configuration as YAML, for "wikiwarden
// check" to print. The config holds no secrets (the password lives outside
// it) except possibly a password in wiki.api's URL, which is masked.
func (c Config) Redacted() string {
	c.Wiki.API = redactURL(c.Wiki.API)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(c); err != nil {
		return "# cannot render the configuration: " + err.Error() + "\n"
	}
	enc.Close()
	return b.String()
}

// redactURL masks the password in a URL's user information.
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		if i := strings.LastIndex(s, "@"); i >= 0 && strings.Contains(s[:i], "://") {
			return s[:strings.Index(s, "://")+3] + "xxxxx" + s[i:]
		}
		return s
	}
	return u.Redacted()
}
