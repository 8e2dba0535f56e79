package web

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sirupsen/logrus"
	"github.com/sirupsen/logrus/hooks/test"

	"github.com/wikiwarden/wikiwarden/store"
)

// loginFrom posts a login from the client address addr ("" for the
// default test address).
func (e *env) loginFrom(addr, user, password string, form url.Values) *httptest.ResponseRecorder {
	if form == nil {
		form = url.Values{}
	}
	form.Set("username", user)
	form.Set("password", password)
	r := httptest.NewRequest("POST", "/login", strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if addr != "" {
		r.RemoteAddr = addr
	}
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, r)
	return w
}

// TestThrottleReservedBeforeWiki: 100 guesses sent at once, each from its
// own address, reach the wiki at most MaxFailures times, because every
// attempt is counted before the wiki is asked.
func TestThrottleReservedBeforeWiki(t *testing.T) {
	e := newEnv(t, Options{})
	e.auth.delay = 50 * time.Millisecond
	var wg sync.WaitGroup
	var throttled atomic.Int32
	for i := range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := e.loginFrom("198.18."+itoa(i/250)+"."+itoa(i%250+1)+":4000", "Admin", "guess"+itoa(i), nil)
			if w.Code == http.StatusTooManyRequests {
				throttled.Add(1)
			}
		}()
	}
	wg.Wait()
	if n := e.auth.loginCalls(); n > 5 {
		t.Errorf("%d parallel guesses reached the wiki, want at most 5", n)
	}
	if throttled.Load() < 95 {
		t.Errorf("%d of 100 parallel guesses throttled, want at least 95", throttled.Load())
	}
	// A right password is not a failure: it gives the attempt back.
	e2 := newEnv(t, Options{MaxFailures: 2})
	for range 5 {
		e2.login("Admin", "right-horse")
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestThrottleNormalisesNames: the spellings MediaWiki reads as one account
// share one count.
func TestThrottleNormalisesNames(t *testing.T) {
	e := newEnv(t, Options{})
	for i, u := range []string{"Admin_", "Admin__", "admin", " Admin ", "admin  "} {
		if w := e.loginFrom("198.18.0."+itoa(i+1)+":1", u, "guess", nil); w.Code != http.StatusUnauthorized {
			t.Fatalf("guess %q: %d", u, w.Code)
		}
	}
	if w := e.loginFrom("198.18.1.1:1", "Admin", "right-horse", nil); w.Code != http.StatusTooManyRequests {
		t.Errorf("after 5 guesses under 5 spellings of Admin: %d, want 429", w.Code)
	}
	for _, tc := range []struct{ in, want string }{
		{"admin", "Admin"}, {"Admin_", "Admin"}, {"  foo__bar  baz ", "Foo bar baz"}, {"élan", "Élan"},
	} {
		if got, ok := canonicalUser(tc.in); !ok || got != tc.want {
			t.Errorf("canonicalUser(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

// TestThrottleLongNames: a name MediaWiki would refuse never reaches the
// wiki and never becomes a key of its own.
func TestThrottleLongNames(t *testing.T) {
	e := newEnv(t, Options{})
	long := strings.Repeat("A", 60000)
	for i := range 3 {
		if w := e.loginFrom("198.18.2."+itoa(i+1)+":1", long+itoa(i), "x", nil); w.Code != http.StatusUnauthorized {
			t.Fatalf("long name: %d", w.Code)
		}
	}
	if n := e.auth.loginCalls(); n != 0 {
		t.Errorf("%d logins with a 60 kB name reached the wiki", n)
	}
	if _, ok := canonicalUser(long); ok {
		t.Error("a 60 kB name is a valid user name")
	}
}

// TestThrottleIPv6By64: an IPv6 client is counted by its /64.
func TestThrottleIPv6By64(t *testing.T) {
	e := newEnv(t, Options{MaxFailures: 3})
	for i, u := range []string{"a", "b", "c"} {
		e.loginFrom("[2001:db8:1:2::"+itoa(i+1)+"]:1", u, "x", nil)
	}
	if w := e.loginFrom("[2001:db8:1:2:ffff::9]:1", "Admin", "right-horse", nil); w.Code != http.StatusTooManyRequests {
		t.Errorf("another address of the /64: %d, want 429", w.Code)
	}
	if w := e.loginFrom("[2001:db8:1:3::1]:1", "Admin", "right-horse", nil); w.Code != http.StatusSeeOther {
		t.Errorf("another /64: %d, want 303", w.Code)
	}
}

// TestThrottleEvictsOldestNeverLive: a flood of new keys past the table's
// bound drops the oldest keys, never an account locked now.
func TestThrottleEvictsOldestNeverLive(t *testing.T) {
	c := &clock{t: time.Now()}
	th := newThrottle(5, 15*time.Minute, c.now)
	for range 5 {
		th.reserve("u:Admin")
	}
	for i := range 3 * maxThrottleKeys {
		c.add(time.Millisecond)
		th.reserve("u:flood" + strings.Repeat("x", i%7) + itoa(i%1000) + "-" + itoa(i/1000))
	}
	if th.reserve("u:Admin") {
		t.Error("a locked account came unlocked after a flood of other names")
	}
	if n := th.len(); n > maxThrottleKeys {
		t.Errorf("%d keys kept, want at most %d", n, maxThrottleKeys)
	}
}

// TestLoginLogsNoUserName: the typed name, sometimes a password, is never
// logged.
func TestLoginLogsNoUserName(t *testing.T) {
	log, hook := test.NewNullLogger()
	log.SetLevel(logrus.DebugLevel)
	e := newEnv(t, Options{Log: log})
	const typed = "hunter2-oops-my-password"
	e.loginFrom("", typed, "hunter2", nil)
	e.loginFrom("", "Editor", "editor-pass", nil) // not a member
	for _, en := range hook.AllEntries() {
		line, _ := en.String()
		if strings.Contains(line, typed) || strings.Contains(line, "Editor") {
			t.Errorf("log names the typed user: %s", line)
		}
	}
}

// TestNextOnlySameSitePath: after login, only a path of this site is
// followed.
func TestNextOnlySameSitePath(t *testing.T) {
	e := newEnv(t, Options{})
	for next, want := range map[string]string{
		"/queue":                   "/queue",
		"/item/101?x=1":            "/item/101?x=1",
		"/%09/evil.example/":       "/",
		"/\t/evil.example/":        "/",
		"//evil.example/":          "/",
		"/\\evil.example/":         "/",
		"/%5Cevil.example/":        "/",
		"/%2F/evil.example/":       "/",
		"https://evil.example/":    "/",
		"javascript:alert(1)":      "/",
		"/ok/%0d%0aSet-Cookie:x=1": "/",
		"evil.example":             "/",
		"/api/queue":               "/",
	} {
		w := e.loginFrom("", "Admin", "right-horse", url.Values{"next": {next}})
		if got := w.Header().Get("Location"); w.Code != http.StatusSeeOther || got != want {
			t.Errorf("next=%q: %d Location %q, want %q", next, w.Code, got, want)
		}
	}
}

// countingStore counts the store reads a scrape might make.
type countingStore struct {
	SiteStore
	reads atomic.Int32
}

func (c *countingStore) Records(ctx context.Context, q store.Query) ([]store.Record, error) {
	c.reads.Add(1)
	return c.SiteStore.Records(ctx, q)
}

func (c *countingStore) Resolved(ctx context.Context) (map[int64]store.AuditEntry, error) {
	c.reads.Add(1)
	return c.SiteStore.Resolved(ctx)
}

// TestMetricsScrapeIsCheap: a scrape reads no record; the queue gauge is
// counted by the passes.
func TestMetricsScrapeIsCheap(t *testing.T) {
	e := newEnv(t, Options{})
	cs := &countingStore{SiteStore: e.st.Site(store.DefaultSite)}
	h, err := New(Options{Now: e.clock.now}, Deps{Sites: []Site{{Name: store.DefaultSite, Store: cs, Port: e.wiki}}, Auth: e.auth, Metrics: e.metrics})
	if err != nil {
		t.Fatal(err)
	}
	e.metrics.ObservePass(PassReport{Start: e.clock.now()})
	before := cs.reads.Load()
	for range 20 {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "/metrics", nil))
		if w.Code != 200 || !strings.Contains(w.Body.String(), "wikiwarden_review_queue_length 4") {
			t.Fatalf("metrics = %d\n%s", w.Code, w.Body)
		}
	}
	if n := cs.reads.Load() - before; n != 0 {
		t.Errorf("20 scrapes read the store %d times, want 0", n)
	}
}

// TestMetricsBearerToken: with a token set, a scrape without it gets 401.
func TestMetricsBearerToken(t *testing.T) {
	m, err := NewMetrics(prometheus.NewRegistry(), MetricsOptions{BearerToken: "s3cret"})
	if err != nil {
		t.Fatal(err)
	}
	for hdr, want := range map[string]int{"": 401, "Bearer wrong": 401, "Bearer s3cret": 200, "s3cret": 401} {
		r := httptest.NewRequest("GET", "/metrics", nil)
		if hdr != "" {
			r.Header.Set("Authorization", hdr)
		}
		w := httptest.NewRecorder()
		m.Handler().ServeHTTP(w, r)
		if w.Code != want {
			t.Errorf("Authorization %q: %d, want %d", hdr, w.Code, want)
		}
	}
}

// TestRightsRechecked: a moderator who loses the review group or is
// blocked loses the session on the next action, and on the next page
// after RecheckEvery; a blocked moderator cannot log in.
func TestRightsRechecked(t *testing.T) {
	e := newEnv(t, Options{RecheckEvery: 3 * time.Minute})
	c := e.login("Admin", "right-horse")
	if w := e.do("GET", "/api/queue", nil, c, nil); w.Code != 200 {
		t.Fatalf("queue: %d", w.Code)
	}
	e.auth.setGroups("Admin", "user")
	if w := e.do("POST", "/api/queue/102/dismiss", url.Values{}, c, nil); w.Code != http.StatusUnauthorized {
		t.Errorf("action after desysop: %d, want 401", w.Code)
	}
	if w := e.do("GET", "/api/queue", nil, c, nil); w.Code != http.StatusUnauthorized {
		t.Errorf("page after desysop: %d, want 401 (session ended)", w.Code)
	}

	e.auth.setGroups("Admin", "sysop")
	c = e.login("Admin", "right-horse")
	e.auth.setGroups("Admin", "user")
	e.clock.add(3*time.Minute + time.Second)
	if w := e.do("GET", "/api/queue", nil, c, nil); w.Code != http.StatusUnauthorized {
		t.Errorf("page 3 minutes after desysop: %d, want 401", w.Code)
	}

	e.auth.setGroups("Admin", "sysop")
	c = e.login("Admin", "right-horse")
	e.auth.setBlocked("Admin", true)
	if w := e.do("POST", "/api/actions/101/restore", url.Values{}, c, nil); w.Code != http.StatusUnauthorized {
		t.Errorf("restore by a blocked moderator: %d, want 401", w.Code)
	}
	if len(e.wiki.calls) != 0 {
		t.Errorf("a blocked moderator reached the wiki: %v", e.wiki.calls)
	}
	if w := e.loginFrom("198.18.9.9:1", "Admin", "right-horse", nil); w.Code != http.StatusUnauthorized || sessionCookie(w) != nil {
		t.Errorf("login of a blocked moderator: %d, want 401 and no session", w.Code)
	}
}

// slowWiki makes restores take a while, so that two clicks overlap.
type slowWiki struct{ *fakeWiki }

func (w slowWiki) Restore(ctx context.Context, rec store.Record, who string) (string, error) {
	time.Sleep(50 * time.Millisecond)
	return w.fakeWiki.Restore(ctx, rec, who)
}

// TestRestoreOnceUnderDoubleClick: two restores sent at once reach the
// wiki once; the other is a 409.
func TestRestoreOnceUnderDoubleClick(t *testing.T) {
	e := newEnv(t, Options{})
	lock := e.wiki.lock
	h, err := New(Options{Now: e.clock.now}, Deps{Sites: []Site{{Name: store.DefaultSite, Store: e.st.Site(store.DefaultSite), Port: slowWiki{e.wiki}}}, Auth: e.auth, Lock: lock})
	if err != nil {
		t.Fatal(err)
	}
	e.h = h
	c := e.login("Admin", "right-horse")
	codes := make([]int, 2)
	var wg sync.WaitGroup
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := httptest.NewRequest("POST", "/api/actions/101/restore", strings.NewReader(""))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			r.AddCookie(c)
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			codes[i] = w.Code
		}()
	}
	wg.Wait()
	n := 0
	for _, call := range e.wiki.calls {
		if strings.HasPrefix(call, "restore") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("two concurrent restores made %d wiki calls, want 1 (%v)", n, e.wiki.calls)
	}
	if !(codes[0] == 200 && codes[1] == 409 || codes[0] == 409 && codes[1] == 200) {
		t.Errorf("answers %v, want one 200 and one 409", codes)
	}
}

// TestRightsUnknownWhileWikiDown: while the wiki cannot say, actions are
// refused (503), pages stay readable for a while, and logging out works.
func TestRightsUnknownWhileWikiDown(t *testing.T) {
	e := newEnv(t, Options{RecheckEvery: 3 * time.Minute})
	c := e.login("Admin", "right-horse")
	e.auth.mu.Lock()
	e.auth.down = errors.New("wiki down")
	e.auth.mu.Unlock()
	if w := e.do("POST", "/api/queue/102/dismiss", url.Values{}, c, nil); w.Code != http.StatusServiceUnavailable {
		t.Errorf("action while the wiki is down = %d, want 503", w.Code)
	}
	e.clock.add(4 * time.Minute)
	if w := e.do("GET", "/api/queue", nil, c, nil); w.Code != 200 {
		t.Errorf("page 4 minutes after the last check, wiki down = %d, want 200", w.Code)
	}
	e.clock.add(3 * time.Minute)
	if w := e.do("GET", "/api/queue", nil, c, nil); w.Code != http.StatusServiceUnavailable {
		t.Errorf("page 7 minutes after the last check, wiki down = %d, want 503", w.Code)
	}
	if w := e.do("POST", "/logout", url.Values{}, c, nil); w.Code != http.StatusSeeOther {
		t.Errorf("logout while the wiki is down = %d, want 303", w.Code)
	}
}
