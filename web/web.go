package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/netip"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/moderation"
	"github.com/wikiwarden/wikiwarden/store"
)

//go:embed templates/*.html templates/style.css
var templateFS embed.FS

// SiteStore is what the console reads from and writes to one site's
// memory; *store.SiteStore is one. Lookups of absent things return
// store.ErrNotFound; every other error is the store failing. IPEvents and
// TokenEvents return every site's events (a botnet is one memory): the
// console shows another site's as facts without personal data.
type SiteStore interface {
	Records(ctx context.Context, q store.Query) ([]store.Record, error)
	Record(ctx context.Context, revID int64) (store.Record, error)
	IPEvents(ctx context.Context, prefix netip.Prefix, since time.Time) ([]store.Event, error)
	PageEvents(ctx context.Context, title string, since time.Time) ([]store.Event, error)
	TokenEvents(ctx context.Context, token string) ([]store.Event, error)
	Blocks(ctx context.Context, target string) ([]store.Block, error)
	Cursor(ctx context.Context) (store.Cursor, error)

	AddAudit(ctx context.Context, e store.AuditEntry) (store.AuditEntry, error)
	Audit(ctx context.Context, q store.AuditQuery) ([]store.AuditEntry, error)
	Resolved(ctx context.Context) (map[int64]store.AuditEntry, error)
	AddFeedback(ctx context.Context, f store.Feedback) (store.Feedback, error)
	OwnFeedback(ctx context.Context) ([]store.Feedback, error)
	WithdrawFeedback(ctx context.Context, id uint64) (store.Feedback, error)

	// OpenMistakes are the reports of the bot's mistakes no moderator
	// decided; KeepReported decides one: the bot's revert stands.
	OpenMistakes(ctx context.Context) ([]store.Mistake, error)
	KeepReported(ctx context.Context, revID int64, moderator, reason string, at time.Time) (store.Mistake, error)
	// MistakeCounts counts the site's messages to reverted editors and
	// the reports of the bot's reverts, within the store's retention.
	MistakeCounts(ctx context.Context) (store.MistakeCounts, error)
	// SpamLearned counts the edits the site's own spam layer learned
	// from, as spam and as good.
	SpamLearned(ctx context.Context) (store.SpamLearned, error)
}

// The moderation port's types, under the names the console has always
// used.
type (
	// Identity is a moderator as the login site knows them.
	Identity = moderation.Identity
	// Authenticator checks moderators against the login site.
	Authenticator = moderation.Authenticator
	// EditText is a contribution's text before and after.
	EditText = moderation.Text
	// Port is what the console reads from and does on one site.
	Port = moderation.Site
)

// Errors of the moderation port.
var (
	// ErrBadCredentials: a wrong password or an unknown account.
	ErrBadCredentials = moderation.ErrBadCredentials
	// ErrLaterEditor: Restore found someone's edit after the bot's; the
	// console says so instead of overwriting it.
	ErrLaterEditor = moderation.ErrLaterEditor
)

// Site kinds, for Site.Kind.
const (
	KindMediaWiki = "mediawiki"
	KindNodeBB    = "nodebb"
)

// Site is one site the console reviews.
type Site struct {
	// Name is the site's name in the config and the store.
	Name string
	// Kind is KindMediaWiki or KindNodeBB: how its items read (revisions
	// or posts) and whose addresses may be shown (a forum's registered
	// users' never are).
	Kind  string
	Store SiteStore
	Port  Port
	// Groups are the groups whose members review this site: groups of the
	// login site's accounts, or of this site's own when moderators log in
	// with them (Auth); nil means Options.Groups.
	Groups []string
	// Auth, if set, lets moderators log in with this site's own accounts
	// (besides the login site's); they review this site only.
	Auth Authenticator
	// URL is the wiki's index.php or the forum's base URL, for links;
	// ShutoffPage its off switch. Both optional.
	URL, ShutoffPage string
	// Lock is held around every Port action on this site; the site's
	// patroller holds it for each pass, so the two take turns while other
	// sites' passes go on. nil means Deps.Lock, or a lock of the site's
	// own.
	Lock sync.Locker
}

// Options configure the console. The zero value works: see each field's
// default.
type Options struct {
	// Groups are the login site's groups whose members review a site
	// without groups of its own; nil means sysop.
	Groups []string
	// LoginSite names the site whose accounts Deps.Auth checks, the
	// default of the login form; "" means the first site.
	LoginSite string
	// SessionTTL is how long a session lasts; 0 means 12 hours.
	SessionTTL time.Duration
	// RecheckEvery is how old a moderator's groups and block status may
	// be before a page reads them again from the wiki (every action reads
	// them anyway); 0 means 3 minutes.
	RecheckEvery time.Duration
	// TrustedProxies are the addresses of reverse proxies whose
	// X-Forwarded-Proto and X-Forwarded-For are believed.
	TrustedProxies []netip.Prefix
	// MaxFailures failed logins within FailureWindow, per account or per
	// client address, throttle every further attempt until the window
	// ends; 0 means 5 and 15 minutes.
	MaxFailures   int
	FailureWindow time.Duration
	// Thresholds are the detectors' thresholds by detector name (missing
	// ones are 0.5), and NearMiss how far under its threshold a score
	// still puts an edit in the queue (0 means 0.1; negative turns near
	// misses off).
	Thresholds map[string]float64
	NearMiss   float64
	// Window is how far back the queue and the look-ups read; 0 means 30
	// days.
	Window time.Duration
	// RangeV4 and RangeV6 are the prefix lengths of an editor's range in
	// the histories; 0 means 24 and 64.
	RangeV4, RangeV6 int
	// MetricsElsewhere leaves /metrics out (it is served on its own
	// address).
	MetricsElsewhere bool
	// Log receives the console's errors and moderators' actions; nil
	// discards them.
	Log logrus.FieldLogger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

func (o *Options) setDefaults() {
	if o.Groups == nil {
		o.Groups = []string{"sysop"}
	}
	if o.SessionTTL <= 0 {
		o.SessionTTL = 12 * time.Hour
	}
	if o.RecheckEvery <= 0 {
		o.RecheckEvery = 3 * time.Minute
	}
	if o.MaxFailures <= 0 {
		o.MaxFailures = 5
	}
	if o.FailureWindow <= 0 {
		o.FailureWindow = 15 * time.Minute
	}
	if o.NearMiss == 0 {
		o.NearMiss = 0.1
	}
	if o.Window <= 0 {
		o.Window = 30 * 24 * time.Hour
	}
	if o.RangeV4 == 0 {
		o.RangeV4 = 24
	}
	if o.RangeV6 == 0 {
		o.RangeV6 = 64
	}
	if o.Log == nil {
		l := logrus.New()
		l.SetOutput(io.Discard)
		o.Log = l
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}

// Deps are the console's collaborators; cmd/wikiwarden fills them.
type Deps struct {
	// Sites are the sites the console reviews, the store's default site
	// first: a plain id ("42") names an item of the first site.
	Sites []Site
	// Auth checks moderators on the login site, Options.LoginSite.
	Auth Authenticator
	// Lock, if set, is the lock of every site without a Lock of its own:
	// one lock for all their actions and passes.
	Lock sync.Locker
	// Metrics, if set, is what /metrics serves and the dashboard's last
	// pass comes from.
	Metrics *Metrics
}

// server is the console: the handler New returns.
type server struct {
	opts     Options
	deps     Deps
	log      logrus.FieldLogger
	pages    map[string]*template.Template
	sessions *sessions
	throttle *throttle
	health   healthCache
	handler  http.Handler

	// sites are the sites the console reviews, swapped whole when one is
	// added or removed (Console.SetSite), so a request reads one set.
	sites     atomic.Pointer[siteSet]
	loginSite string

	mu       sync.Mutex
	inflight map[itemKey]bool // items a moderator's action is under way on
}

// itemKey names an item across sites.
type itemKey struct {
	site string
	id   int64
}

// siteSet is the console's sites, in order, and by name. It is never
// changed once shared: a change makes a new set.
type siteSet struct {
	list   []*Site
	byName map[string]*Site
}

// siteList returns the console's sites, the store's default site first.
func (s *server) siteList() []*Site { return s.sites.Load().list }

// siteNamed returns the console's site called name, or nil.
func (s *server) siteNamed(name string) *Site { return s.sites.Load().byName[name] }

// Console is the review console: an http.Handler whose sites can be added
// and removed while it serves.
type Console struct{ s *server }

// ServeHTTP serves the console.
func (c *Console) ServeHTTP(w http.ResponseWriter, r *http.Request) { c.s.handler.ServeHTTP(w, r) }

// New returns the console. Every route is listed in routes.
func New(opts Options, deps Deps) (*Console, error) {
	opts.setDefaults()
	if deps.Auth == nil || len(deps.Sites) == 0 {
		return nil, errors.New("web: new: Auth and at least one site are required")
	}
	pages, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	s := &server{
		opts:     opts,
		deps:     deps,
		log:      opts.Log,
		pages:    pages,
		sessions: newSessions(opts.SessionTTL, opts.Now),
		throttle: newThrottle(opts.MaxFailures, opts.FailureWindow, opts.Now),
		inflight: map[itemKey]bool{},
	}
	set := &siteSet{byName: map[string]*Site{}}
	for i := range deps.Sites {
		st := &deps.Sites[i]
		if err := s.prepare(st, set); err != nil {
			return nil, fmt.Errorf("web: new: site %d: %w", i, err)
		}
		set.list = append(set.list, st)
		set.byName[st.Name] = st
	}
	s.sites.Store(set)
	s.loginSite = opts.LoginSite
	if s.loginSite == "" {
		s.loginSite = set.list[0].Name
	}
	if set.byName[s.loginSite] == nil {
		return nil, fmt.Errorf("web: new: login site %q is not a site", s.loginSite)
	}
	if deps.Metrics != nil {
		deps.Metrics.setQueue(s.queueLength)
	}
	s.handler = s.routes()
	return &Console{s: s}, nil
}

// prepare checks st, a site new to set, and fills in its defaults.
func (s *server) prepare(st *Site, set *siteSet) error {
	if st.Name == "" || st.Store == nil || st.Port == nil || set.byName[st.Name] != nil {
		return errors.New("a unique name, a store and a port are required")
	}
	if st.Kind == "" {
		st.Kind = KindMediaWiki
	}
	if st.Groups == nil {
		st.Groups = s.opts.Groups
	}
	if st.Lock == nil {
		st.Lock = s.deps.Lock
	}
	if st.Lock == nil {
		st.Lock = &sync.Mutex{}
	}
	return nil
}

// SetSite adds st to the console's sites, after the others, or replaces
// the site of its name in its place: a site a reload of the config added
// or changed. The first site (the store's default) and the login site
// cannot be replaced. Requests under way keep the sites they started with.
func (c *Console) SetSite(st Site) error {
	s := c.s
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.sites.Load()
	if st.Name == old.list[0].Name || st.Name == s.loginSite {
		return fmt.Errorf("web: set site %q: the first site and the login site change only with a restart", st.Name)
	}
	next := &siteSet{byName: map[string]*Site{}}
	for _, o := range old.list {
		if o.Name != st.Name {
			next.byName[o.Name] = o
		}
	}
	if err := s.prepare(&st, next); err != nil {
		return fmt.Errorf("web: set site %q: %w", st.Name, err)
	}
	replaced := false
	for _, o := range old.list {
		if o.Name == st.Name {
			o, replaced = &st, true
		}
		next.list = append(next.list, o)
	}
	if !replaced {
		next.list = append(next.list, &st)
	}
	next.byName[st.Name] = &st
	s.sites.Store(next)
	return nil
}

// RemoveSite takes the site called name out of the console, and reports
// whether it was there. The first site and the login site stay.
func (c *Console) RemoveSite(name string) bool {
	s := c.s
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.sites.Load()
	if old.byName[name] == nil || name == old.list[0].Name || name == s.loginSite {
		return false
	}
	next := &siteSet{byName: map[string]*Site{}}
	for _, o := range old.list {
		if o.Name != name {
			next.list = append(next.list, o)
			next.byName[o.Name] = o
		}
	}
	s.sites.Store(next)
	return true
}

// routes lists every route of the console in one place. Pages registered
// with both answer HTML at the path and JSON at /api/ plus the path.
func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	public := func(pattern string, h http.HandlerFunc) { mux.Handle(pattern, h) }
	private := func(pattern string, h http.HandlerFunc) { mux.Handle(pattern, s.requireSession(h)) }
	both := func(method, path string, h http.HandlerFunc) {
		private(method+" "+path, h)
		private(method+" /api"+path, h)
	}

	public("GET /login", s.loginPage)
	public("POST /login", s.login)
	public("GET /healthz", s.healthz)
	if s.deps.Metrics != nil && !s.opts.MetricsElsewhere {
		mux.Handle("GET /metrics", s.deps.Metrics.Handler())
	}
	public("GET /style.css", s.style)
	private("POST /logout", s.logout)

	both("GET", "/{$}", s.dashboard)
	private("GET /api/dashboard", s.dashboard)
	both("GET", "/queue", s.queue)
	both("GET", "/actions", s.actions)
	both("GET", "/item/{id}", s.itemPage)
	both("GET", "/ip/{ip...}", s.ipLookup)
	both("GET", "/token/{token}", s.tokenLookup)
	both("GET", "/page/{title...}", s.pageLookup)
	both("GET", "/domain/{domain}", s.domainLookup)
	both("GET", "/feedback", s.feedback)
	both("GET", "/audit", s.audit)

	both("POST", "/actions/{id}/restore", s.act(store.AuditRestore))
	both("POST", "/queue/{id}/revert", s.act(store.AuditRevert))
	both("POST", "/queue/{id}/delete", s.act(store.AuditDelete))
	both("POST", "/queue/{id}/block", s.act(store.AuditBlock))
	both("POST", "/queue/{id}/dismiss", s.act(store.AuditDismiss))
	both("POST", "/queue/{id}/keep", s.keep) // a reported mistake kept removed, with a reason
	both("POST", "/feedback/{id}/withdraw", s.withdraw)

	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { s.fail(w, r, errNotFound) })

	csrf := http.NewCrossOriginProtection()
	csrf.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, errCrossOrigin)
	}))
	return securityHeaders(csrf.Handler(mux))
}

// securityHeaders sets the headers every answer carries: no framing, no
// sniffing, no referrer leaking IPs in URLs, and a script-free policy.
func securityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; frame-ancestors 'none'; form-action 'self'")
		h.ServeHTTP(w, r)
	})
}
