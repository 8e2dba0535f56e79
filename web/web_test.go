package web

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/store"
)

// fakeAuth knows a few accounts.
type fakeAuth struct {
	mu      sync.Mutex
	calls   int
	lookups int
	delay   time.Duration // how long the wiki takes to answer a login
	users   map[string]struct {
		password string
		groups   []string
	}
	blocked map[string]bool
	down    error // what Lookup answers, when set
}

func (a *fakeAuth) Authenticate(_ context.Context, user, password string) (Identity, error) {
	a.mu.Lock()
	a.calls++
	delay := a.delay
	a.mu.Unlock()
	time.Sleep(delay)
	a.mu.Lock()
	defer a.mu.Unlock()
	u, ok := a.users[user]
	if !ok || u.password != password {
		return Identity{}, ErrBadCredentials
	}
	return Identity{Name: user, Groups: u.groups, Blocked: a.blocked[user]}, nil
}

func (a *fakeAuth) Lookup(_ context.Context, name string) (Identity, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.lookups++
	if a.down != nil {
		return Identity{}, a.down
	}
	u, ok := a.users[name]
	if !ok {
		return Identity{}, ErrBadCredentials
	}
	return Identity{Name: name, Groups: u.groups, Blocked: a.blocked[name]}, nil
}

// setGroups changes an account's groups on the fake wiki.
func (a *fakeAuth) setGroups(name string, groups ...string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	u := a.users[name]
	u.groups = groups
	a.users[name] = u
}

func (a *fakeAuth) setBlocked(name string, blocked bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.blocked == nil {
		a.blocked = map[string]bool{}
	}
	a.blocked[name] = blocked
}

func (a *fakeAuth) loginCalls() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.calls
}

// fakeWiki serves edit texts and records moderation calls.
type fakeWiki struct {
	mu       sync.Mutex
	texts    map[int64]EditText
	calls    []string
	later    bool  // Restore finds a later editor
	down     error // what Reachable answers
	lock     *sync.Mutex
	unlocked bool // a call ran without the lock held
}

func (w *fakeWiki) Texts(_ context.Context, recs []store.Record) (map[int64]EditText, error) {
	out := map[int64]EditText{}
	for _, r := range recs {
		if t, ok := w.texts[r.RevID]; ok {
			out[r.RevID] = t
		}
	}
	return out, nil
}

func (w *fakeWiki) Reachable(context.Context) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.down
}

func (w *fakeWiki) call(what string, rec store.Record, who string) {
	if w.lock.TryLock() {
		w.unlocked = true
		w.lock.Unlock()
	}
	w.mu.Lock()
	w.calls = append(w.calls, what+" "+rec.Title+" by "+who)
	w.mu.Unlock()
}

func (w *fakeWiki) Restore(_ context.Context, rec store.Record, who string) (string, error) {
	w.call("restore", rec, who)
	if w.later {
		return "", ErrLaterEditor
	}
	return "Restored the edit.", nil
}

func (w *fakeWiki) Revert(_ context.Context, rec store.Record, who string) (string, error) {
	w.call("revert", rec, who)
	return "Reverted.", nil
}

func (w *fakeWiki) DeletePage(_ context.Context, rec store.Record, who string) (string, error) {
	w.call("delete", rec, who)
	return "", errors.New("permissiondenied: no right")
}

func (w *fakeWiki) Block(_ context.Context, rec store.Record, who string) (string, error) {
	w.call("block", rec, who)
	return "Blocked.", nil
}

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// env is a console over a real store with fake wiki collaborators.
type env struct {
	t       *testing.T
	h       http.Handler
	st      *store.Store
	wiki    *fakeWiki
	auth    *fakeAuth
	clock   *clock
	reg     *prometheus.Registry
	metrics *Metrics
}

const (
	probeRev   = 101 // reverted probe, IP blocked
	heldRev    = 102 // flagged: later edits by others
	nearRev    = 103 // score just under the threshold
	cleanRev   = 104 // clean: in neither list
	createdRev = 105 // page created by the editor
	evilRev    = 106 // hostile text everywhere
	probeToken = "xqzvkwpl"
)

var t0 = time.Now().UTC().Add(-2 * time.Hour).Truncate(time.Second)

func newEnv(t *testing.T, opts Options) *env {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "ww.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e := &env{t: t, st: st, clock: &clock{t: time.Now().UTC()}, reg: prometheus.NewRegistry()}
	e.auth = &fakeAuth{users: map[string]struct {
		password string
		groups   []string
	}{
		"Admin":  {"right-horse", []string{"sysop", "user"}},
		"Editor": {"editor-pass", []string{"user", "autoconfirmed"}},
	}}
	lock := &sync.Mutex{}
	e.wiki = &fakeWiki{lock: lock, texts: map[int64]EditText{
		probeRev: {Old: "Aardvarks dig.\n", New: "Aardvarks dig.\n" + probeToken + " see http://spam.example/x\n", Comment: "fix"},
		heldRev:  {Old: "Abacus.\n", New: "Abacus.\n" + probeToken + " http://spam.example/x\n"},
		evilRev:  {Old: "", New: `<script>alert(1)</script> "><img src=x onerror=alert(2)>` + "\n", Comment: `"><img src=x onerror=alert(3)>`},
	}}
	e.metrics, err = NewMetrics(e.reg, MetricsOptions{WikiRequests: func() float64 { return 42 }})
	if err != nil {
		t.Fatal(err)
	}
	opts.Now = e.clock.now
	if opts.Thresholds == nil {
		opts.Thresholds = map[string]float64{"probe": 0.5, "links": 0.7}
	}
	e.h, err = New(opts, Deps{Sites: []Site{{Name: store.DefaultSite, Store: st.Site(store.DefaultSite), Port: e.wiki,
		ShutoffPage: "User:Warden/Run", URL: "https://wiki.example/w/index.php"}}, Auth: e.auth, Lock: lock, Metrics: e.metrics})
	if err != nil {
		t.Fatal(err)
	}
	e.seed()
	return e
}

func (e *env) commit(h store.Handled) {
	e.t.Helper()
	if err := e.st.Commit(context.Background(), h); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) seed() {
	ip := netip.MustParseAddr("198.51.100.7")
	probe := []detectors.Result{{Detector: "probe", Score: 0.93, Tokens: []string{probeToken},
		Reasons: []detectors.Reason{{Code: detectors.ProbeRandomToken, Subject: probeToken, Detail: "the letter model finds this token very unlikely", Weight: 0.6}}},
		{Detector: "links", Score: 0.4, Links: []detectors.Link{{URL: "http://spam.example/x", Domain: "spam.example"}}}}
	e.commit(store.Handled{
		Record: store.Record{RevID: probeRev, OldRevID: 90, Title: "Aardvark", User: ip.String(), IP: ip.String(), Anon: true, Time: t0, Seen: t0,
			Results: probe, Verdict: decision.VerdictProbe, Action: decision.ActionRevertBlock, Why: []decision.Reason{decision.WhyProbe},
			Outcome: "rolled back", Summary: "wikiwarden: probe", BlockTarget: ip.String(), BlockExpiry: "1 day"},
		Events: []store.Event{{Kind: store.EventProbe, IP: ip, User: ip.String(), Title: "Aardvark", RevID: probeRev, Time: t0, Tokens: []string{probeToken}},
			{Kind: store.EventRevert, IP: ip, User: ip.String(), Title: "Aardvark", RevID: probeRev, Time: t0}},
		Block: &store.Block{Target: ip.String(), Expiry: "1 day", Time: t0, RevID: probeRev},
	})
	other := netip.MustParseAddr("198.51.100.9")
	e.commit(store.Handled{
		Record: store.Record{RevID: heldRev, OldRevID: 91, Title: "Abacus", User: other.String(), IP: other.String(), Anon: true, Time: t0.Add(time.Minute),
			Results: probe, Verdict: decision.VerdictProbe, Action: decision.ActionFlag, Why: []decision.Reason{decision.WhyProbe, decision.HoldLater},
			Outcome: "not reverted: later edits by others"},
		Events: []store.Event{{Kind: store.EventProbe, IP: other, User: other.String(), Title: "Abacus", RevID: heldRev, Time: t0.Add(time.Minute), Tokens: []string{probeToken}}},
	})
	e.commit(store.Handled{Record: store.Record{RevID: nearRev, OldRevID: 92, Title: "Algae", User: "Someone", Time: t0.Add(2 * time.Minute),
		Results: []detectors.Result{{Detector: "probe", Score: 0.45}}, Verdict: decision.VerdictOK, Action: decision.ActionNone, Why: []decision.Reason{decision.WhyClean}}})
	e.commit(store.Handled{Record: store.Record{RevID: cleanRev, OldRevID: 93, Title: "Algae", User: "Someone", Time: t0.Add(3 * time.Minute),
		Results: []detectors.Result{{Detector: "probe", Score: 0.1}}, Verdict: decision.VerdictOK, Action: decision.ActionNone, Why: []decision.Reason{decision.WhyClean}}})
	e.commit(store.Handled{Record: store.Record{RevID: createdRev, Title: "Buy pills", User: "203.0.113.5", IP: "203.0.113.5", Anon: true, Time: t0.Add(4 * time.Minute),
		Results: probe, Verdict: decision.VerdictProbe, Action: decision.ActionFlag, Why: []decision.Reason{decision.WhyProbe, decision.HoldCreated},
		Outcome: "not reverted: " + string(decision.HoldCreated)}})
	e.commit(store.Handled{Record: store.Record{RevID: evilRev, Title: `<script>alert(1)</script>`, User: `"><img src=x onerror=alert(4)>`, Time: t0.Add(5 * time.Minute),
		Results: []detectors.Result{{Detector: "probe", Score: 0.9, Tokens: []string{`<b>x</b>`},
			Reasons: []detectors.Reason{{Code: detectors.ProbeRandomToken, Subject: `"><img src=x onerror=alert(5)>`, Detail: `<script>alert(6)</script>`}}}},
		Verdict: decision.VerdictProbe, Action: decision.ActionFlag, Why: []decision.Reason{decision.HoldNobots}, Outcome: "not reverted: nobots"}})
}

// do sends a request with the given cookie (nil for none).
func (e *env) do(method, target string, form url.Values, cookie *http.Cookie, hdr map[string]string) *httptest.ResponseRecorder {
	e.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	r := httptest.NewRequest(method, target, body)
	if form != nil {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if cookie != nil {
		r.AddCookie(cookie)
	}
	for k, v := range hdr {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, r)
	return w
}

func sessionCookie(w *httptest.ResponseRecorder) *http.Cookie {
	for _, c := range w.Result().Cookies() {
		if c.Name == cookieName && c.Value != "" {
			return c
		}
	}
	return nil
}

func (e *env) login(user, password string) *http.Cookie {
	e.t.Helper()
	w := e.do("POST", "/login", url.Values{"username": {user}, "password": {password}}, nil, nil)
	c := sessionCookie(w)
	if w.Code != http.StatusSeeOther || c == nil {
		e.t.Fatalf("login %s: %d %s", user, w.Code, w.Body)
	}
	return c
}

func TestPublicAndPrivateRoutes(t *testing.T) {
	e := newEnv(t, Options{})
	if w := e.do("GET", "/healthz", nil, nil, nil); w.Code != 200 || !strings.Contains(w.Body.String(), `"store": "ok"`) {
		t.Errorf("healthz = %d %s", w.Code, w.Body)
	}
	// The queue gauge is counted by each pass, not by a scrape.
	e.metrics.ObservePass(PassReport{Start: e.clock.now(), Duration: time.Second})
	w := e.do("GET", "/metrics", nil, nil, nil)
	if w.Code != 200 || !strings.Contains(w.Body.String(), "wikiwarden_review_queue_length 4") || !strings.Contains(w.Body.String(), "wikiwarden_wiki_requests_total 42") {
		t.Errorf("metrics = %d\n%s", w.Code, w.Body)
	}
	for _, path := range []string{"/", "/queue", "/actions", "/ip/198.51.100.7", "/token/" + probeToken, "/page/Aardvark", "/domain/spam.example", "/item/101", "/feedback", "/audit"} {
		w := e.do("GET", path, nil, nil, nil)
		if w.Code != http.StatusSeeOther || !strings.HasPrefix(w.Header().Get("Location"), "/login") {
			t.Errorf("GET %s without session = %d %s, want redirect to /login", path, w.Code, w.Header().Get("Location"))
		}
		w = e.do("GET", "/api"+strings.TrimSuffix(path, "/"), nil, nil, nil)
		if path == "/" {
			w = e.do("GET", "/api/dashboard", nil, nil, nil)
		}
		if w.Code != http.StatusUnauthorized || strings.Contains(w.Body.String(), "198.51.100") {
			t.Errorf("GET /api%s without session = %d %s, want 401 without IPs", path, w.Code, w.Body)
		}
	}
	for _, path := range []string{"/api/actions/101/restore", "/api/queue/102/dismiss", "/queue/102/revert", "/logout"} {
		if w := e.do("POST", path, url.Values{}, nil, nil); w.Code != http.StatusUnauthorized {
			t.Errorf("POST %s without session = %d, want 401", path, w.Code)
		}
	}
	if w := e.do("GET", "/api/queue", nil, &http.Cookie{Name: cookieName, Value: "forged"}, nil); w.Code != http.StatusUnauthorized {
		t.Errorf("forged session = %d, want 401", w.Code)
	}
}

func TestLoginAndSessionCookie(t *testing.T) {
	e := newEnv(t, Options{TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.1/32")}})
	wrong := e.do("POST", "/login", url.Values{"username": {"Admin"}, "password": {"wrong"}}, nil, nil)
	unknown := e.do("POST", "/login", url.Values{"username": {"Nobody"}, "password": {"wrong"}}, nil, nil)
	member := e.do("POST", "/login", url.Values{"username": {"Editor"}, "password": {"editor-pass"}}, nil, nil)
	for name, w := range map[string]*httptest.ResponseRecorder{"wrong password": wrong, "unknown account": unknown, "not a member": member} {
		if w.Code != http.StatusUnauthorized || sessionCookie(w) != nil {
			t.Errorf("%s: %d, cookie %v; want 401 and no session", name, w.Code, sessionCookie(w))
		}
		if strings.Contains(w.Body.String(), "wrong") && name != "" && strings.Contains(w.Body.String(), `value="wrong"`) {
			t.Errorf("%s: the password is echoed", name)
		}
	}
	if strip(wrong.Body.String(), "Admin") != strip(unknown.Body.String(), "Nobody") {
		t.Error("a wrong password and an unknown account answer differently")
	}

	w := e.do("POST", "/login", url.Values{"username": {"Admin"}, "password": {"right-horse"}, "next": {"/queue"}}, nil, nil)
	c := sessionCookie(w)
	if w.Code != http.StatusSeeOther || c == nil || w.Header().Get("Location") != "/queue" {
		t.Fatalf("login = %d %v %q", w.Code, c, w.Header().Get("Location"))
	}
	if !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Secure || c.Path != "/" || len(c.Value) < 40 {
		t.Errorf("cookie = %+v; want HttpOnly, SameSite=Lax, not Secure over plain HTTP, a long random value", c)
	}
	if c2 := e.login("Admin", "right-horse"); c2.Value == c.Value {
		t.Error("two logins got the same session token")
	}
	// An open redirect through next is refused.
	w = e.do("POST", "/login", url.Values{"username": {"Admin"}, "password": {"right-horse"}, "next": {"//evil.example/"}}, nil, nil)
	if w.Header().Get("Location") != "/" {
		t.Errorf("next=//evil.example/ redirected to %q", w.Header().Get("Location"))
	}

	// Secure over TLS, and behind a trusted proxy that says https; not
	// when an untrusted peer says so.
	r := httptest.NewRequest("POST", "/login", strings.NewReader("username=Admin&password=right-horse"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.TLS = &tls.ConnectionState{}
	tw := httptest.NewRecorder()
	e.h.ServeHTTP(tw, r)
	if c := sessionCookie(tw); c == nil || !c.Secure {
		t.Errorf("over TLS: cookie %+v, want Secure", c)
	}
	for peer, want := range map[string]bool{"10.0.0.1:5555": true, "192.0.2.1:5555": false} {
		r := httptest.NewRequest("POST", "/login", strings.NewReader("username=Admin&password=right-horse"))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("X-Forwarded-Proto", "https")
		r.RemoteAddr = peer
		pw := httptest.NewRecorder()
		e.h.ServeHTTP(pw, r)
		if c := sessionCookie(pw); c == nil || c.Secure != want {
			t.Errorf("X-Forwarded-Proto https from %s: cookie %+v, want Secure=%v", peer, c, want)
		}
	}

	// The session works, then expires.
	if w := e.do("GET", "/api/queue", nil, c, nil); w.Code != 200 {
		t.Fatalf("with session: %d", w.Code)
	}
	e.clock.add(12*time.Hour + time.Second)
	if w := e.do("GET", "/api/queue", nil, c, nil); w.Code != http.StatusUnauthorized {
		t.Errorf("after 12h: %d, want 401", w.Code)
	}
}

func strip(s, name string) string { return strings.ReplaceAll(s, name, "") }

func TestLogoutEndsSession(t *testing.T) {
	e := newEnv(t, Options{SessionTTL: time.Hour})
	c := e.login("Admin", "right-horse")
	if c.MaxAge != 3600 {
		t.Errorf("MaxAge = %d, want the configured TTL", c.MaxAge)
	}
	if w := e.do("POST", "/logout", url.Values{}, c, nil); w.Code != http.StatusSeeOther {
		t.Fatalf("logout = %d", w.Code)
	}
	if w := e.do("GET", "/api/queue", nil, c, nil); w.Code != http.StatusUnauthorized {
		t.Errorf("after logout: %d, want 401", w.Code)
	}
}

func TestLoginThrottle(t *testing.T) {
	e := newEnv(t, Options{})
	for i := 0; i < 5; i++ {
		if w := e.do("POST", "/login", url.Values{"username": {"Admin"}, "password": {"guess"}}, nil, nil); w.Code != http.StatusUnauthorized {
			t.Fatalf("failure %d: %d", i, w.Code)
		}
	}
	calls := e.auth.calls
	w := e.do("POST", "/login", url.Values{"username": {"Admin"}, "password": {"right-horse"}}, nil, nil)
	if w.Code != http.StatusTooManyRequests || sessionCookie(w) != nil {
		t.Errorf("6th attempt with the right password = %d, want 429 and no session", w.Code)
	}
	if e.auth.calls != calls {
		t.Error("a throttled attempt reached the wiki")
	}
	// Per address: another account from the same address is throttled
	// too; the same account from another address is throttled per account.
	if w := e.do("POST", "/login", url.Values{"username": {"Other"}, "password": {"x"}}, nil, nil); w.Code != http.StatusTooManyRequests {
		t.Errorf("other account, same address = %d, want 429", w.Code)
	}
	r := httptest.NewRequest("POST", "/login", strings.NewReader("username=Admin&password=right-horse"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.RemoteAddr = "203.0.113.77:1234"
	aw := httptest.NewRecorder()
	e.h.ServeHTTP(aw, r)
	if aw.Code != http.StatusTooManyRequests {
		t.Errorf("same account, other address = %d, want 429", aw.Code)
	}
	e.clock.add(15*time.Minute + time.Second)
	if c := e.login("Admin", "right-horse"); c == nil {
		t.Error("no login after the window")
	}
}

func TestAddressThrottleAcrossAccounts(t *testing.T) {
	e := newEnv(t, Options{MaxFailures: 3, FailureWindow: time.Minute})
	for _, u := range []string{"a", "b", "c"} {
		e.do("POST", "/login", url.Values{"username": {u}, "password": {"x"}}, nil, nil)
	}
	if w := e.do("POST", "/login", url.Values{"username": {"Admin"}, "password": {"right-horse"}}, nil, nil); w.Code != http.StatusTooManyRequests {
		t.Errorf("after 3 failures from one address = %d, want 429", w.Code)
	}
}

func TestCrossOriginRefused(t *testing.T) {
	e := newEnv(t, Options{})
	c := e.login("Admin", "right-horse")
	for _, tc := range []struct {
		path string
		hdr  map[string]string
	}{
		{"/api/actions/101/restore", map[string]string{"Origin": "https://evil.example"}},
		{"/api/actions/101/restore", map[string]string{"Sec-Fetch-Site": "cross-site"}},
		{"/actions/101/restore", map[string]string{"Sec-Fetch-Site": "cross-site"}},
		{"/api/queue/102/dismiss", map[string]string{"Origin": "https://evil.example"}},
		{"/login", map[string]string{"Sec-Fetch-Site": "cross-site"}},
		{"/logout", map[string]string{"Origin": "http://evil.example"}},
	} {
		w := e.do("POST", tc.path, url.Values{"username": {"Admin"}, "password": {"right-horse"}}, c, tc.hdr)
		if w.Code != http.StatusForbidden {
			t.Errorf("POST %s %v = %d, want 403", tc.path, tc.hdr, w.Code)
		}
	}
	if len(e.wiki.calls) != 0 {
		t.Errorf("wiki calls after refused requests: %v", e.wiki.calls)
	}
	if audit, _ := e.st.Audit(context.Background(), store.AuditQuery{}); len(audit) != 1 {
		t.Errorf("audit = %+v, want the one login", audit)
	}
	// Same origin passes.
	w := e.do("POST", "/api/queue/102/dismiss", url.Values{}, c, map[string]string{"Origin": "http://example.com", "Sec-Fetch-Site": "same-origin"})
	if w.Code != 200 {
		t.Errorf("same-origin dismiss = %d %s", w.Code, w.Body)
	}
}

// apiItem is the part of the JSON scripts rely on.
type apiItem struct {
	ID      string           `json:"id"`
	RevID   int64            `json:"rev_id"`
	Title   string           `json:"title"`
	User    string           `json:"user"`
	Verdict string           `json:"verdict"`
	Action  string           `json:"action"`
	Reasons []map[string]any `json:"reasons"`
	Time    time.Time        `json:"time"`
}

func (e *env) list(path string, c *http.Cookie) []apiItem {
	e.t.Helper()
	w := e.do("GET", path, nil, c, nil)
	if w.Code != 200 {
		e.t.Fatalf("GET %s = %d %s", path, w.Code, w.Body)
	}
	var items []apiItem
	if err := json.Unmarshal(w.Body.Bytes(), &items); err != nil {
		e.t.Fatalf("GET %s: %v\n%s", path, err, w.Body)
	}
	return items
}

func ids(items []apiItem) []int64 {
	out := []int64{}
	for _, it := range items {
		out = append(out, it.RevID)
	}
	return out
}

func TestQueueAndActionsAPI(t *testing.T) {
	e := newEnv(t, Options{})
	c := e.login("Admin", "right-horse")
	q := e.list("/api/queue", c)
	if got, want := ids(q), []int64{evilRev, createdRev, nearRev, heldRev}; !equal(got, want) {
		t.Errorf("queue ids = %v, want %v (newest first)", got, want)
	}
	for _, it := range q {
		if it.ID != fmt.Sprintf("wiki:%d", it.RevID) || it.Title == "" || it.User == "" || it.Verdict == "" || it.Action == "" || it.Time.IsZero() || it.Reasons == nil {
			t.Errorf("queue item misses a field: %+v", it)
		}
	}
	a := e.list("/api/actions", c)
	if got := ids(a); !equal(got, []int64{probeRev}) {
		t.Errorf("actions ids = %v, want [%d]", got, probeRev)
	}
	if len(a) == 1 && (len(a[0].Reasons) < 2 || a[0].Reasons[0]["code"] != "probe_token") {
		t.Errorf("reasons = %v", a[0].Reasons)
	}
	for _, f := range []string{"verdict=probe", "page=Aardvark", "ip=198.51.100.0/24", "token=" + probeToken, "domain=spam.example", "since=7d"} {
		if got := ids(e.list("/api/actions?"+f, c)); !equal(got, []int64{probeRev}) {
			t.Errorf("actions?%s = %v", f, got)
		}
	}
	for _, f := range []string{"verdict=link_spam", "page=Abacus", "ip=203.0.113.0/24", "token=nope", "domain=good.example", "since=2099-01-01"} {
		if got := ids(e.list("/api/actions?"+f, c)); len(got) != 0 {
			t.Errorf("actions?%s = %v, want none", f, got)
		}
	}
	if w := e.do("GET", "/api/actions?ip=banana", nil, c, nil); w.Code != http.StatusBadRequest {
		t.Errorf("bad ip filter = %d, want 400", w.Code)
	}
	// The queue item carries the diff with its token marked and the other
	// page with the same token.
	w := e.do("GET", "/queue", nil, c, nil)
	body := w.Body.String()
	if w.Code != 200 || !strings.Contains(body, `<mark class="token">`+probeToken+`</mark>`) || !strings.Contains(body, "Same token elsewhere") ||
		!strings.Contains(body, `<mark class="link">http://spam.example/x</mark>`) {
		t.Errorf("queue page lacks marks or same-token list:\n%s", body)
	}
}

func equal(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestRestoreTeachesAndAudits(t *testing.T) {
	e := newEnv(t, Options{})
	c := e.login("Admin", "right-horse")
	form := url.Values{"teach": {"allow_word:" + probeToken, "good_domain:spam.example", "trusted_editor:198.51.100.7", "allow_word:notoffered"}}
	w := e.do("POST", "/api/actions/101/restore", form, c, nil)
	if w.Code != 200 {
		t.Fatalf("restore = %d %s", w.Code, w.Body)
	}
	var res Result
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil || !res.OK || len(res.Feedback) != 3 {
		t.Errorf("restore result = %+v, %v; want ok and 3 feedback (the unoffered word dropped)", res, err)
	}
	if len(e.wiki.calls) != 1 || e.wiki.calls[0] != "restore Aardvark by Admin" || e.wiki.unlocked {
		t.Errorf("wiki calls = %v (unlocked %v); want one restore by Admin under the lock", e.wiki.calls, e.wiki.unlocked)
	}
	audit, _ := e.st.Audit(context.Background(), store.AuditQuery{RevID: probeRev})
	if len(audit) != 4 || audit[3].Action != store.AuditRestore || audit[3].Moderator != "Admin" || audit[3].Target != "198.51.100.7" {
		t.Errorf("audit = %+v", audit)
	}
	// Once only.
	if w := e.do("POST", "/api/actions/101/restore", url.Values{}, c, nil); w.Code != http.StatusConflict {
		t.Errorf("second restore = %d, want 409", w.Code)
	}
	// Feedback is visible and can be withdrawn.
	w = e.do("GET", "/feedback", nil, c, nil)
	if !strings.Contains(w.Body.String(), probeToken) {
		t.Errorf("feedback page lacks the word")
	}
	w = e.do("POST", "/api/feedback/1/withdraw", url.Values{}, c, nil)
	if w.Code != 200 {
		t.Errorf("withdraw = %d %s", w.Code, w.Body)
	}
	if fb, _ := e.st.Feedback(context.Background()); len(fb) != 2 {
		t.Errorf("feedback after withdraw = %+v", fb)
	}
	if w := e.do("POST", "/api/feedback/1/withdraw", url.Values{}, c, nil); w.Code != http.StatusNotFound {
		t.Errorf("second withdraw = %d, want 404", w.Code)
	}
	if m := e.do("GET", "/metrics", nil, nil, nil).Body.String(); !strings.Contains(m, `wikiwarden_moderator_actions_total{action="restore",result="ok"} 1`) {
		t.Errorf("metrics lack the moderator action:\n%s", m)
	}
}

func TestRestoreRefusedOverLaterEditor(t *testing.T) {
	e := newEnv(t, Options{})
	e.wiki.later = true
	c := e.login("Admin", "right-horse")
	w := e.do("POST", "/actions/101/restore", url.Values{"teach": {"allow_word:" + probeToken}}, c, nil)
	if w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), "edited the page after") {
		t.Errorf("restore over a later editor = %d %s", w.Code, w.Body)
	}
	if fb, _ := e.st.Feedback(context.Background()); len(fb) != 0 {
		t.Errorf("feedback after a failed restore: %+v", fb)
	}
	if a, _ := e.st.Audit(context.Background(), store.AuditQuery{RevID: probeRev}); len(a) != 1 || a[0].Err == "" {
		t.Errorf("audit = %+v, want the failed try", a)
	}
	if _, err := e.st.Resolution(context.Background(), probeRev); !errors.Is(err, store.ErrNotFound) {
		t.Error("a failed restore resolved the item")
	}
	// Restoring something the bot did not act on is refused.
	if w := e.do("POST", "/api/actions/102/restore", url.Values{}, c, nil); w.Code != http.StatusConflict {
		t.Errorf("restore of a held edit = %d, want 409", w.Code)
	}
	if w := e.do("POST", "/api/actions/999/restore", url.Values{}, c, nil); w.Code != http.StatusNotFound {
		t.Errorf("restore of an unknown item = %d, want 404", w.Code)
	}
}

func TestQueueActions(t *testing.T) {
	e := newEnv(t, Options{})
	c := e.login("Admin", "right-horse")
	w := e.do("POST", "/queue/102/dismiss", url.Values{}, c, nil)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/item/wiki:102" {
		t.Fatalf("dismiss = %d %q", w.Code, w.Header().Get("Location"))
	}
	page := e.do("GET", "/item/102", nil, c, nil).Body.String()
	if !strings.Contains(page, "Dismissed as a good edit.") || !strings.Contains(page, "dismiss by Admin") {
		t.Errorf("item page after dismiss lacks the flash or resolution:\n%s", page)
	}
	if got := ids(e.list("/api/queue", c)); !equal(got, []int64{evilRev, createdRev, nearRev}) {
		t.Errorf("queue after dismiss = %v", got)
	}
	if w := e.do("POST", "/api/queue/105/block", url.Values{}, c, nil); w.Code != 200 {
		t.Errorf("block = %d %s", w.Code, w.Body)
	}
	if w := e.do("POST", "/api/queue/105/delete", url.Values{}, c, nil); w.Code != http.StatusBadGateway || !strings.Contains(w.Body.String(), "permissiondenied") {
		t.Errorf("failed delete = %d %s, want 502 with the wiki's words", w.Code, w.Body)
	}
	if w := e.do("POST", "/api/queue/105/revert", url.Values{}, c, nil); w.Code != 200 {
		t.Errorf("revert = %d %s", w.Code, w.Body)
	}
	if got := ids(e.list("/api/queue", c)); !equal(got, []int64{evilRev, nearRev}) {
		t.Errorf("queue after revert = %v", got)
	}
}

func TestOutputEscaped(t *testing.T) {
	e := newEnv(t, Options{})
	c := e.login("Admin", "right-horse")
	for _, path := range []string{"/queue", "/item/106", "/page/" + url.PathEscape(`<script>alert(1)</script>`), "/item/106?confirm=dismiss"} {
		w := e.do("GET", path, nil, c, nil)
		body := w.Body.String()
		if w.Code != 200 {
			t.Errorf("GET %s = %d", path, w.Code)
		}
		for _, bad := range []string{"<script>alert", "<img src=x", "<b>x</b>"} {
			if strings.Contains(body, bad) {
				t.Errorf("GET %s: %q not escaped", path, bad)
			}
		}
		if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("GET %s: the title is not shown as text", path)
		}
	}
	if w := e.do("GET", "/queue", nil, c, nil); !strings.Contains(w.Body.String(), "&#34;&gt;&lt;img src=x onerror=alert(3)&gt;") {
		t.Errorf("the summary is not shown as text")
	}
}

func TestLookupsAndDashboard(t *testing.T) {
	e := newEnv(t, Options{})
	c := e.login("Admin", "right-horse")
	w := e.do("GET", "/api/ip/198.51.100.0/24", nil, c, nil)
	var ip struct {
		Timeline []Entry `json:"timeline"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &ip); err != nil || len(ip.Timeline) < 3 {
		t.Errorf("ip timeline = %s", w.Body)
	}
	for _, path := range []string{"/ip/198.51.100.7", "/token/" + probeToken, "/page/Aardvark", "/domain/spam.example", "/"} {
		w := e.do("GET", path, nil, c, nil)
		if w.Code != 200 || !strings.Contains(w.Body.String(), "viewport") {
			t.Errorf("GET %s = %d", path, w.Code)
		}
	}
	if w := e.do("GET", "/ip/banana", nil, c, nil); w.Code != http.StatusBadRequest {
		t.Errorf("bad ip = %d", w.Code)
	}
	e.metrics.ObservePass(PassReport{Start: time.Now(), Duration: 2 * time.Second, Read: 7, Reverted: 1, ObserveOnly: "shutoff page says no",
		Summary: "read 7 edits", Records: []store.Record{{Verdict: decision.VerdictProbe, Why: []decision.Reason{decision.WhyProbe}}}})
	body := e.do("GET", "/", nil, c, nil).Body.String()
	for _, want := range []string{"<svg", "read 7 edits", "only observing", "User:Warden/Run", "4</strong> item(s) waiting"} {
		if !strings.Contains(body, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
	m := e.do("GET", "/metrics", nil, nil, nil).Body.String()
	for _, want := range []string{"wikiwarden_edits_read_total 7", `wikiwarden_decisions_total{reason="probe_token",verdict="probe"} 1`,
		"wikiwarden_shutoff 1", "wikiwarden_pass_duration_seconds_count 1", `wikiwarden_wiki_errors_total{kind="maxlag"} 0`} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	h := e.do("GET", "/healthz", nil, nil, nil).Body.String()
	if !strings.Contains(h, `"last_pass"`) || strings.Contains(h, "198.51") {
		t.Errorf("healthz = %s", h)
	}
}

func TestHealthz(t *testing.T) {
	e := newEnv(t, Options{})
	e.wiki.mu.Lock()
	e.wiki.down = errors.New("connection refused")
	e.wiki.mu.Unlock()
	w := e.do("GET", "/healthz", nil, nil, nil)
	if w.Code != 200 || !strings.Contains(w.Body.String(), `"wiki": "unreachable"`) || !strings.Contains(w.Body.String(), `"status": "degraded"`) {
		t.Errorf("wiki down: %d %s", w.Code, w.Body)
	}
	e.st.Close()
	w = e.do("GET", "/healthz", nil, nil, nil)
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), `"store": "error"`) {
		t.Errorf("store closed: %d %s", w.Code, w.Body)
	}
}
