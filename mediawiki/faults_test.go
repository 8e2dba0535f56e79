package mediawiki

// Faults a real wiki will not produce on demand: maxlag, 503s, timeouts,
// malformed JSON, a call cancelled mid-flight. Everything else is tested
// against a real MediaWiki in e2e_test.go.

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const userinfoOK = `{"batchcomplete":true,"query":{"userinfo":{"id":0,"name":"127.0.0.1","anon":true,"groups":["*"],"rights":["read"],"editcount":0}}}`

// faultServer answers the first n requests with fault and the rest with a
// valid userinfo answer. It counts requests and remembers the last query.
type faultServer struct {
	*httptest.Server
	hits    atomic.Int64
	lastRaw atomic.Value
}

func newFaultServer(t *testing.T, n int64, fault http.HandlerFunc) *faultServer {
	t.Helper()
	fs := &faultServer{}
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fs.lastRaw.Store(r.URL.RawQuery)
		if fs.hits.Add(1) <= n {
			fault(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, userinfoOK)
	}))
	t.Cleanup(fs.Close)
	return fs
}

// newTestClient returns an anonymous client for url with waits shrunk so
// the tests stay fast.
func newTestClient(t *testing.T, url string, opts Options) *Client {
	t.Helper()
	opts.API = url
	opts.UserAgent = "wikiwarden-test/0 (User:Test)"
	c, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	c.backoff = time.Millisecond
	c.maxWait = 20 * time.Millisecond
	return c
}

func maxlagFault(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Retry-After", "5")
	w.Header().Set("X-Database-Lag", "7")
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprint(w, `{"error":{"code":"maxlag","info":"Waiting for db2: 7 seconds lagged.","host":"db2","lag":7}}`)
}

func TestMaxlagRetriedThenSucceeds(t *testing.T) {
	fs := newFaultServer(t, 2, maxlagFault)
	c := newTestClient(t, fs.URL, Options{Maxlag: 5})
	start := time.Now()
	a, err := c.Account(context.Background())
	if err != nil {
		t.Fatalf("Account after two maxlag answers: %v", err)
	}
	if a.Name != "127.0.0.1" {
		t.Errorf("Account name = %q", a.Name)
	}
	if got := fs.hits.Load(); got != 3 {
		t.Errorf("server saw %d requests, want 3 (2 lagged + 1)", got)
	}
	if got := c.Requests(); got != 3 {
		t.Errorf("Requests() = %d, want 3", got)
	}
	if q := fs.lastRaw.Load().(string); !strings.Contains(q, "maxlag=5") {
		t.Errorf("request %q lacks maxlag=5", q)
	}
	// Retry-After: 5 is capped at maxWait (20ms) per wait.
	if el := time.Since(start); el < 40*time.Millisecond || el > 2*time.Second {
		t.Errorf("two capped waits took %v, want about 40ms", el)
	}
}

func TestMaxlagExhausted(t *testing.T) {
	fs := newFaultServer(t, 100, maxlagFault)
	c := newTestClient(t, fs.URL, Options{Maxlag: 5, Retries: 2})
	_, err := c.Account(context.Background())
	if !errors.Is(err, ErrMaxlag) {
		t.Fatalf("error = %v, want ErrMaxlag", err)
	}
	if got := fs.hits.Load(); got != 3 {
		t.Errorf("server saw %d requests, want 3 (1 + 2 retries)", got)
	}
}

func TestMaxlagErrorWithoutHeader(t *testing.T) {
	// Some proxies drop X-Database-Lag; the error code alone must do.
	fs := newFaultServer(t, 1, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"error":{"code":"maxlag","info":"lagged"}}`)
	})
	c := newTestClient(t, fs.URL, Options{Maxlag: 5})
	if _, err := c.Account(context.Background()); err != nil {
		t.Fatalf("Account: %v", err)
	}
	if got := fs.hits.Load(); got != 2 {
		t.Errorf("server saw %d requests, want 2", got)
	}
}

func Test503RetriedThenSucceeds(t *testing.T) {
	fs := newFaultServer(t, 2, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "1")
		http.Error(w, "<html>Service Unavailable</html>", http.StatusServiceUnavailable)
	})
	c := newTestClient(t, fs.URL, Options{})
	if _, err := c.Account(context.Background()); err != nil {
		t.Fatalf("Account after two 503s: %v", err)
	}
	if got := fs.hits.Load(); got != 3 {
		t.Errorf("server saw %d requests, want 3", got)
	}
}

func Test503Exhausted(t *testing.T) {
	fs := newFaultServer(t, 100, func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "busy", http.StatusServiceUnavailable)
	})
	c := newTestClient(t, fs.URL, Options{Retries: 1})
	_, err := c.Account(context.Background())
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("error = %v, want ErrUnavailable", err)
	}
	if !strings.Contains(err.Error(), "503") {
		t.Errorf("error %q does not mention the status", err)
	}
	if got := fs.hits.Load(); got != 2 {
		t.Errorf("server saw %d requests, want 2", got)
	}
}

func Test404NotRetried(t *testing.T) {
	fs := newFaultServer(t, 100, http.NotFound)
	c := newTestClient(t, fs.URL, Options{})
	_, err := c.Account(context.Background())
	if err == nil || errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "404") {
		t.Fatalf("error = %v, want a plain HTTP 404 error", err)
	}
	// Not retried now, but no verdict on the call: the URL or a proxy is
	// at fault.
	if !Transient(err) || !strings.Contains(err.Error(), "MediaWiki api.php") {
		t.Errorf("error = %v, want transient, pointing at the URL", err)
	}
	if got := fs.hits.Load(); got != 1 {
		t.Errorf("server saw %d requests, want 1", got)
	}
}

func TestTimeoutRetriedThenUnavailable(t *testing.T) {
	release := make(chan struct{})
	fs := newFaultServer(t, 100, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	defer close(release)
	c := newTestClient(t, fs.URL, Options{Timeout: 50 * time.Millisecond, Retries: 1})
	start := time.Now()
	_, err := c.Account(context.Background())
	if !errors.Is(err, ErrUnavailable) || !errors.Is(err, errRequestTimeout) {
		t.Fatalf("error = %v, want ErrUnavailable wrapping the request timeout", err)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a request timeout must not look like the caller's deadline: %v", err)
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("two 50ms timeouts took %v", el)
	}
	if got := fs.hits.Load(); got != 2 {
		t.Errorf("server saw %d requests, want 2", got)
	}
}

func TestSlowBodyTimesOut(t *testing.T) {
	// Headers arrive, then the body stalls: the timeout covers the body.
	fs := newFaultServer(t, 100, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"batchcomplete":true,`)
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})
	c := newTestClient(t, fs.URL, Options{Timeout: 50 * time.Millisecond, Retries: 1})
	_, err := c.Account(context.Background())
	if !errors.Is(err, ErrUnavailable) || !errors.Is(err, errRequestTimeout) {
		t.Fatalf("error = %v, want ErrUnavailable wrapping the request timeout", err)
	}
}

// An answer cut short or replaced on the way is retried; JSON of the
// wrong shape, the wiki's own answer, is not.
func TestMalformedJSON(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		requests   int64
	}{
		{"truncated", `{"batchcomplete":true,"query":{"userinfo":{"id":`, 4},
		{"html", `<!DOCTYPE html><html><body>Fatal error</body></html>`, 4},
		{"wrong type", `{"query":{"userinfo":{"id":"three"}}}`, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := newFaultServer(t, 100, func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprint(w, tc.body)
			})
			c := newTestClient(t, fs.URL, Options{})
			_, err := c.Account(context.Background())
			if !errors.Is(err, ErrMalformed) || !Transient(err) {
				t.Fatalf("error = %v, want a transient ErrMalformed", err)
			}
			if got := fs.hits.Load(); got != tc.requests {
				t.Errorf("%d requests, want %d", got, tc.requests)
			}
			// The wiki answered: no cool-off.
			if _, err := c.Account(context.Background()); errors.Is(err, ErrCoolingOff) {
				t.Errorf("next call = %v, want no cool-off", err)
			}
		})
	}
	// One bad answer among good ones costs a retry, not the call.
	fs := newFaultServer(t, 1, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `{"query":`) })
	c := newTestClient(t, fs.URL, Options{})
	if _, err := c.Account(context.Background()); err != nil || fs.hits.Load() != 2 {
		t.Errorf("one truncated answer: %v after %d requests, want the retry's answer", err, fs.hits.Load())
	}
}

func TestCancelInFlight(t *testing.T) {
	entered := make(chan struct{}, 1)
	fs := newFaultServer(t, 100, func(w http.ResponseWriter, r *http.Request) {
		entered <- struct{}{}
		<-r.Context().Done()
	})
	c := newTestClient(t, fs.URL, Options{Timeout: time.Minute})
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-entered
		cancel()
	}()
	start := time.Now()
	_, err := c.Account(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want context.Canceled", err)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("cancel took %v to take effect", el)
	}
	if got := fs.hits.Load(); got != 1 {
		t.Errorf("cancelled call was retried: %d requests", got)
	}
}

func TestCancelDuringBackoff(t *testing.T) {
	fs := newFaultServer(t, 100, maxlagFault)
	c := newTestClient(t, fs.URL, Options{Maxlag: 5})
	c.maxWait = time.Hour // honour Retry-After: 5 in full
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Account(ctx)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error = %v, want context.DeadlineExceeded", err)
	}
	if el := time.Since(start); el > 3*time.Second {
		t.Errorf("waited %v despite the deadline", el)
	}
}

func TestCancelWhileQueued(t *testing.T) {
	// A call waiting for another to finish gives up with its own context.
	entered := make(chan struct{}, 1)
	release := make(chan struct{})
	fs := newFaultServer(t, 1, func(w http.ResponseWriter, r *http.Request) {
		entered <- struct{}{}
		<-release
	})
	c := newTestClient(t, fs.URL, Options{})
	done := make(chan error, 1)
	go func() {
		_, err := c.Account(context.Background())
		done <- err
	}()
	<-entered
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := c.Account(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("queued call error = %v, want context.DeadlineExceeded", err)
	}
	close(release)
	if err := <-done; err != nil {
		// The first answer was empty (the handler returned without a
		// body): retried, and the retry answered.
		t.Errorf("first call error = %v, want the retry's answer", err)
	}
}

func TestAPIErrorSentinels(t *testing.T) {
	for _, tc := range []struct {
		code string
		want error
	}{
		{"missingtitle", ErrNotFound},
		{"nosuchrevid", ErrNotFound},
		{"editconflict", ErrEditConflict},
		{"alreadyrolled", ErrAlreadyRolled},
		{"onlyauthor", ErrOnlyAuthor},
		{"readonly", ErrUnavailable},
		{"badtoken", ErrBadToken},
		{"assertuserfailed", ErrNotLoggedIn},
		{"assertbotfailed", ErrNotLoggedIn},
		{"permissiondenied", ErrPermission},
		{"blocked", ErrBlocked},
		{"autoblocked", ErrBlocked},
		{"alreadyblocked", ErrAlreadyBlocked},
		{"ratelimited", ErrRateLimited},
		{"maxlag", ErrMaxlag},
		{"protectedpage", ErrProtected},
		{"cascadeprotected", ErrProtected},
		{"ip_range_toolarge", nil},
	} {
		err := fmt.Errorf("wrapped: %w", &APIError{Op: `rollback "Foo"`, Code: tc.code, Info: "x"})
		for _, s := range []error{ErrNotFound, ErrEditConflict, ErrAlreadyRolled, ErrBadToken, ErrNotLoggedIn,
			ErrPermission, ErrBlocked, ErrAlreadyBlocked, ErrRateLimited, ErrMaxlag, ErrProtected} {
			if got := errors.Is(err, s); got != (s == tc.want) {
				t.Errorf("errors.Is(%s, %v) = %v", tc.code, s, got)
			}
		}
	}
	e := &APIError{Op: `rollback "Foo"`, Code: "alreadyrolled", Info: "Someone else has edited."}
	if got, want := e.Error(), `rollback "Foo": alreadyrolled: Someone else has edited.`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestEmptyAnswerNamesRequest(t *testing.T) {
	fs := newFaultServer(t, 100, func(w http.ResponseWriter, r *http.Request) {})
	c := newTestClient(t, fs.URL, Options{})
	_, err := c.Account(context.Background())
	if !errors.Is(err, ErrMalformed) || !Transient(err) {
		t.Fatalf("error = %v, want a transient ErrMalformed", err)
	}
	for _, want := range []string{"account: ", "empty answer to GET action=query&meta=userinfo", fs.URL, "MediaWiki api.php"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
}

func TestCoolOff(t *testing.T) {
	var failing atomic.Bool
	failing.Store(true)
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if failing.Load() {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, userinfoOK)
	}))
	t.Cleanup(srv.Close)
	c := newTestClient(t, srv.URL, Options{Retries: 2, CoolOff: 300 * time.Millisecond})
	ctx := context.Background()

	// One call failing is a request the wiki cannot serve; two in a row a
	// failing wiki.
	for i := range 2 {
		if _, err := c.Account(ctx); !errors.Is(err, ErrUnavailable) || errors.Is(err, ErrCoolingOff) {
			t.Fatalf("call %d = %v, want ErrUnavailable after its retries", i+1, err)
		}
	}
	if got := hits.Load(); got != 6 {
		t.Fatalf("the two calls made %d requests, want 6", got)
	}
	// Within the cool-off: no request, the same kind of error, at once.
	for range 5 {
		start := time.Now()
		_, err := c.Account(ctx)
		if !errors.Is(err, ErrCoolingOff) || !errors.Is(err, ErrUnavailable) || !Transient(err) {
			t.Fatalf("call in cool-off = %v, want ErrCoolingOff and ErrUnavailable", err)
		}
		if el := time.Since(start); el > 50*time.Millisecond {
			t.Errorf("fail-fast call took %v", el)
		}
	}
	if err := c.Rollback(ctx, "Foo", "192.0.2.1", ""); !errors.Is(err, ErrCoolingOff) || !strings.HasPrefix(err.Error(), `rollback "Foo": `) {
		t.Errorf("write in cool-off = %v", err)
	}
	if got := hits.Load(); got != 6 {
		t.Errorf("%d requests during the cool-off, want none", got-6)
	}
	// After it, the wiki is tried again; an answer ends the cool-off.
	time.Sleep(350 * time.Millisecond)
	failing.Store(false)
	if _, err := c.Account(ctx); err != nil {
		t.Fatalf("call after the cool-off: %v", err)
	}
	if _, err := c.Account(ctx); err != nil {
		t.Fatalf("second call after the cool-off: %v", err)
	}
	if got := hits.Load(); got != 8 {
		t.Errorf("%d requests after the cool-off, want 2", got-6)
	}
}

func TestCoolOffOnlyForWikiFailures(t *testing.T) {
	// A refusal (a permanent error) or a malformed answer does not start a
	// cool-off; a negative CoolOff turns it off.
	fs := newFaultServer(t, 100, func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"error":{"code":"permissiondenied","info":"no"}}`)
	})
	c := newTestClient(t, fs.URL, Options{})
	for range 3 {
		if _, err := c.Account(context.Background()); !errors.Is(err, ErrPermission) || Transient(err) || !errors.Is(err, ErrPermanent) {
			t.Fatalf("error = %v, want permanent ErrPermission", err)
		}
	}
	if got := fs.hits.Load(); got != 3 {
		t.Errorf("%d requests, want 3", got)
	}
	fs2 := newFaultServer(t, 100, func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "busy", http.StatusBadGateway)
	})
	c2 := newTestClient(t, fs2.URL, Options{Retries: 1, CoolOff: -1})
	for range 2 {
		if _, err := c2.Account(context.Background()); !errors.Is(err, ErrUnavailable) || errors.Is(err, ErrCoolingOff) {
			t.Fatalf("error = %v, want ErrUnavailable without cool-off", err)
		}
	}
	if got := fs2.hits.Load(); got != 4 {
		t.Errorf("%d requests, want 4", got)
	}
}

func TestErrorKinds(t *testing.T) {
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	c := newTestClient(t, "http://127.0.0.1:1/api.php", Options{})
	_, ctxErr := c.Account(canceled)
	for _, tc := range []struct {
		name      string
		err       error
		transient bool
	}{
		{"unavailable", fmt.Errorf("x: %w", ErrUnavailable), true},
		{"maxlag", &APIError{Code: "maxlag"}, true},
		{"ratelimited", &APIError{Code: "ratelimited"}, true},
		{"readonly", &APIError{Code: "readonly"}, true},
		{"assertuserfailed", &APIError{Code: "assertuserfailed"}, true},
		{"badtoken", &APIError{Code: "badtoken"}, true},
		{"login Aborted", &APIError{Code: "Aborted"}, true},
		{"db error", &APIError{Code: "internal_api_error_DBQueryError"}, true},
		{"exception", &APIError{Code: "internal_api_error_InvalidArgumentException"}, true},
		{"malformed", ErrMalformed, true},
		{"cooling off", &coolingOffError{cause: ErrUnavailable}, true},
		{"cancelled", ctxErr, true},
		{"permissiondenied", &APIError{Code: "permissiondenied"}, false},
		{"protectedpage", &APIError{Code: "protectedpage"}, false},
		{"blocked", &APIError{Code: "blocked"}, false},
		{"alreadyrolled", &APIError{Code: "alreadyrolled"}, false},
		{"alreadyblocked", &APIError{Code: "alreadyblocked"}, false},
		{"editconflict", &APIError{Code: "editconflict"}, false},
		{"onlyauthor", &APIError{Code: "onlyauthor"}, false},
		{"ip_range_toolarge", &APIError{Code: "ip_range_toolarge"}, false},
		{"unknown code", &APIError{Code: "spamblacklist"}, false},
		{"not found", ErrNotFound, false},
	} {
		if got := Transient(tc.err); got != tc.transient {
			t.Errorf("%s: Transient(%v) = %v", tc.name, tc.err, got)
		}
		if got := errors.Is(tc.err, ErrTransient); got != tc.transient {
			t.Errorf("%s: errors.Is(ErrTransient) = %v", tc.name, got)
		}
		if got := errors.Is(tc.err, ErrPermanent); got == tc.transient {
			t.Errorf("%s: errors.Is(ErrPermanent) = %v", tc.name, got)
		}
	}
	if !errors.Is(ctxErr, context.Canceled) {
		t.Errorf("cancelled call = %v, want context.Canceled", ctxErr)
	}
	if !errors.Is(&APIError{Code: "readonly"}, ErrReadOnly) || !errors.Is(&APIError{Code: "ip_range_toolarge"}, ErrBadRequest) {
		t.Error("readonly or ip_range_toolarge lack their sentinel")
	}
}

func TestNewRejectsBadUserAgent(t *testing.T) {
	for _, ua := range []string{"wikiwarden/1 (" + strings.Repeat("x", 5<<20) + ")", "wikiwarden/1 (a\r\nX-Evil: 1)"} {
		if _, err := New(Options{API: "http://127.0.0.1:1/api.php", UserAgent: ua}); err == nil || len(err.Error()) > 200 {
			t.Errorf("New with a User-Agent of %d bytes: %.200v", len(ua), err)
		}
	}
}

func TestLoginRefusedIsTransient(t *testing.T) {
	// Whatever the wiki answers to a login, a failed login is never a
	// permanent verdict.
	for name, body := range map[string]string{
		"api error": `{"error":{"code":"readapidenied","info":"You need read permission."}}`,
		"aborted":   `{"query":{"tokens":{"logintoken":"abc+\\"}},"login":{"result":"Aborted","reason":"Cannot log in when using MediaWiki\\Session\\BotPasswordSessionProvider sessions."}}`,
	} {
		t.Run(name, func(t *testing.T) {
			fs := newFaultServer(t, 100, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, body) })
			c := newTestClient(t, fs.URL, Options{Username: "Warden@patrol", Password: "secret-password-123"})
			err := c.Login(context.Background())
			if !errors.Is(err, ErrLoginFailed) || !Transient(err) || errors.Is(err, ErrPermanent) {
				t.Fatalf("Login = %v, want transient ErrLoginFailed only", err)
			}
			if strings.Contains(err.Error(), "secret-password-123") {
				t.Errorf("error leaks the password: %v", err)
			}
		})
	}
}
