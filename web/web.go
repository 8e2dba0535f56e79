package web

import (
	"context"
	"embed"
	"errors"
	"html/template"
	"io"
	"net/http"
	"net/netip"
	"sync"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/store"
)

//go:embed templates/*.html templates/style.css
var templateFS embed.FS

// Store is what the console reads from and writes to the bot's store. Lookups
// of absent things return store.ErrNotFound; every other error is the store
// failing.
type Store interface {
	Records(ctx context.Context, q store.Query) ([]store.Record, error)
	Record(ctx context.Context, revID int64) (store.Record, error)
	IPEvents(ctx context.Context, prefix netip.Prefix, since time.Time) ([]store.Event, error)
	PageEvents(ctx context.Context, title string, since time.Time) ([]store.Event, error)
	TokenEvents(ctx context.Context, token string) ([]store.Event, error)
	Blocks(ctx context.Context, target string) ([]store.Block, error)
	Cursor(ctx context.Context) (store.Cursor, error)

	AddAudit(ctx context.Context, e store.AuditEntry) (store.AuditEntry, error)
	Audit(ctx context.Context, q store.AuditQuery) ([]store.AuditEntry, error)
	Resolutions(ctx context.Context) (map[int64]store.AuditEntry, error)
	AddFeedback(ctx context.Context, f store.Feedback) (store.Feedback, error)
	Feedback(ctx context.Context) ([]store.Feedback, error)
	WithdrawFeedback(ctx context.Context, id uint64) (store.Feedback, error)
}

// Identity is a moderator as the wiki knows them.
type Identity struct {
	Name   string   // the canonical user name
	Groups []string // the user groups, e.g. "sysop"
	// Blocked says the account is blocked on the wiki: a blocked
	// moderator may not act through the bot's account.
	Blocked bool
}

// ErrBadCredentials is what an Authenticator returns for a wrong password
// and for an unknown account alike.
var ErrBadCredentials = errors.New("wrong user name or password")

// Authenticator checks a moderator's own wiki password.
type Authenticator interface {
	// Authenticate logs in to the wiki as username with password and
	// returns who that is and their groups. A wrong password or unknown
	// account is ErrBadCredentials; any other error means the wiki could
	// not be asked. The password must not be kept or logged.
	Authenticate(ctx context.Context, username, password string) (Identity, error)
	// Lookup returns the account called name as the wiki has it now: its
	// groups and whether it is blocked. It is how a session's rights are
	// checked again without a password. An account that no longer exists
	// is ErrBadCredentials; any other error means the wiki could not be
	// asked.
	Lookup(ctx context.Context, name string) (Identity, error)
}

// EditText is an edit's wikitext before and after, as the wiki has it now.
type EditText struct {
	Old, New string
	Comment  string // the edit summary
	Missing  bool   // the revision was deleted or hidden
}

// Wiki is what the console reads from the wiki.
type Wiki interface {
	// EditTexts returns the texts of the records' edits, keyed by RevID,
	// in as few requests as it can. A record whose revision is gone maps
	// to an EditText with Missing set; an error means the wiki could not
	// be asked.
	EditTexts(ctx context.Context, recs []store.Record) (map[int64]EditText, error)
	// Reachable reports whether the wiki answers: nil when it does.
	Reachable(ctx context.Context) error
}

// ErrLaterEditor is what Moderation.Restore returns when someone edited the
// page after the bot's revert: restoring would overwrite them, so the
// console says so instead.
var ErrLaterEditor = errors.New("someone edited the page after the bot's revert")

// Moderation carries out a moderator's action on the wiki, as the bot
// account, with summaries and reasons naming the moderator
// ("wikiwarden: restored by moderator [[User:X|X]]: ..."). Each method
// returns a short sentence saying what happened, for the audit trail. The
// console calls them while holding Deps.Lock.
type Moderation interface {
	// Restore undoes the bot's revert of rec's edit and lifts the block
	// the bot placed for it (rec.BlockTarget), if any. It returns
	// ErrLaterEditor, changing nothing, when the page's latest revision is
	// not the bot's revert.
	Restore(ctx context.Context, rec store.Record, moderator string) (string, error)
	// Revert removes rec's edit now, whatever the bot held it back for
	// (except a later editor's edits, which it keeps: the undo fails with
	// an error saying so).
	Revert(ctx context.Context, rec store.Record, moderator string) (string, error)
	// DeletePage deletes rec's page (or tags it for deletion when the bot
	// lacks the right).
	DeletePage(ctx context.Context, rec store.Record, moderator string) (string, error)
	// Block blocks rec's editor (its IP, or the account).
	Block(ctx context.Context, rec store.Record, moderator string) (string, error)
}

// Options configure the console. The zero value works: see each field's
// default.
type Options struct {
	// Groups admits members of any of these wiki groups; nil means sysop.
	Groups []string
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
	// ShutoffPage is the wiki page that stops the bot, and WikiURL the
	// wiki's index.php, for links; both optional.
	ShutoffPage, WikiURL string
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
	Store      Store
	Auth       Authenticator
	Wiki       Wiki
	Moderation Moderation
	// Lock is held around every Moderation call; the patroller holds it
	// for each pass, so the two take turns. nil means a lock of the
	// console's own.
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

	mu       sync.Mutex
	inflight map[int64]bool // items a moderator's action is under way on
}

// New returns the console's handler. Every route is listed in routes.
func New(opts Options, deps Deps) (http.Handler, error) {
	opts.setDefaults()
	if deps.Store == nil || deps.Auth == nil || deps.Wiki == nil || deps.Moderation == nil {
		return nil, errors.New("web: new: Store, Auth, Wiki and Moderation are required")
	}
	if deps.Lock == nil {
		deps.Lock = &sync.Mutex{}
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
		inflight: map[int64]bool{},
	}
	if deps.Metrics != nil {
		deps.Metrics.setQueue(s.queueLength)
	}
	s.handler = s.routes()
	return s.handler, nil
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
