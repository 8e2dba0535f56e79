// Package mediawiki is the MediaWiki Action API client wikiwarden patrols
// and reverts with.
//
// It exists because go-mwclient, which does the login, token and raw request
// work underneath, has no context support (a stuck wiki would hang the bot's
// shutdown), no typed errors (the bot must tell "already rolled back" from
// "edit conflict" from "blocked") and no batching (a patrol cycle needs
// dozens of revisions and users in a handful of requests). This package adds
// those: every call takes a context and honours it, errors are *APIError
// values that errors.Is maps onto sentinels, reads are batched 50 at a time
// and follow continuation, and maxlag, 503s, network failures and a lost
// session are retried here so callers need not.
//
// A Client serialises its requests: go-mwclient is not safe for concurrent
// use, and one request at a time is also the polite way to use a wiki.
package mediawiki

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	mwclient "cgt.name/pkg/go-mwclient"
	"cgt.name/pkg/go-mwclient/params"
)

// Options configures a Client.
type Options struct {
	// API is the URL of the wiki's api.php.
	API string
	// UserAgent is the full User-Agent, with a contact, as Wikimedia asks:
	// "wikiwarden/0.1 (User:Admin; admin@example.org)".
	UserAgent string
	// Username and Password are bot-password credentials ("Warden@patrol").
	// Leave both empty for an anonymous, read-only client.
	Username, Password string
	// Timeout bounds each HTTP request, body included; 0 means 30s.
	Timeout time.Duration
	// Maxlag is sent as maxlag= on every request so the bot backs off when
	// the wiki's replicas lag; 0 disables it.
	Maxlag int
	// Retries is how often a request is retried after maxlag, a 5xx or a
	// network error, with back-off; 0 means 3.
	Retries int
	// HTTPClient, if set, supplies the transport (for tests). Its Timeout
	// and Jar are ignored: the Client applies Timeout per request and keeps
	// its own cookies.
	HTTPClient *http.Client
}

// Client talks to one wiki as one account. It is safe for concurrent use;
// requests are made one at a time.
type Client struct {
	mw       *mwclient.Client
	tr       *transport
	sem      chan struct{} // held while a call is in flight
	username string
	password string
	maxlag   int
	retries  int

	// Tunables the tests shrink.
	batch    int           // ids or titles per request
	pageSize int           // list results per request; 0 means "max"
	backoff  time.Duration // first wait when the wiki gives no Retry-After
	maxWait  time.Duration // cap on any single wait
}

// New returns a Client for opts.API. It makes no request; call Login before
// writing (a write without a session logs in on its own, once).
func New(opts Options) (*Client, error) {
	if opts.API == "" {
		return nil, errors.New("mediawiki: new client: API URL is empty")
	}
	if opts.UserAgent == "" {
		return nil, errors.New("mediawiki: new client: UserAgent is empty (Wikimedia requires a contact)")
	}
	if (opts.Username == "") != (opts.Password == "") {
		return nil, errors.New("mediawiki: new client: set both Username and Password, or neither")
	}
	mw, err := mwclient.New(opts.API, "")
	if err != nil {
		return nil, fmt.Errorf("mediawiki: new client: %w", err)
	}
	mw.UserAgent = opts.UserAgent
	// Maxlag and assertions are handled here, with context-aware waits.
	mw.Maxlag.On = false
	mw.Assert = mwclient.AssertNone

	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	base := http.DefaultTransport
	if opts.HTTPClient != nil && opts.HTTPClient.Transport != nil {
		base = opts.HTTPClient.Transport
	}
	tr := &transport{base: base, timeout: timeout}
	// SetHTTPClient keeps go-mwclient's cookie jar.
	mw.SetHTTPClient(&http.Client{Transport: tr})

	retries := opts.Retries
	if retries <= 0 {
		retries = 3
	}
	return &Client{
		mw:       mw,
		tr:       tr,
		sem:      make(chan struct{}, 1),
		username: opts.Username,
		password: opts.Password,
		maxlag:   opts.Maxlag,
		retries:  retries,
		batch:    50,
		backoff:  time.Second,
		maxWait:  30 * time.Second,
	}, nil
}

// Requests returns the number of HTTP requests made so far, retries and
// logins included.
func (c *Client) Requests() int64 { return c.tr.requests.Load() }

// acquire waits for the client to be free, or for ctx.
func (c *Client) acquire(ctx context.Context) error {
	select {
	case c.sem <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (c *Client) release() { <-c.sem }

// Login logs in with the bot password. Calls after a lost session log in
// again by themselves; Login is for failing fast at start-up.
func (c *Client) Login(ctx context.Context) error {
	if c.username == "" {
		return errors.New("login: no credentials configured")
	}
	if err := c.acquire(ctx); err != nil {
		return fmt.Errorf("login: %w", err)
	}
	defer c.release()
	return c.loginLocked(ctx)
}

// loginLocked logs in; the caller holds the client.
func (c *Client) loginLocked(ctx context.Context) error {
	err := c.retry(ctx, func() error {
		return c.exchange(ctx, func() error { return c.mw.Login(c.username, c.password) })
	})
	if err != nil {
		return c.wrap(fmt.Sprintf("login %q", c.username), err)
	}
	// Tokens belong to the old session.
	c.mw.Tokens = map[string]string{}
	return nil
}

// transientError is a failure worth retrying after wait (0: use back-off).
type transientError struct {
	err    error
	wait   time.Duration
	maxlag bool
}

func (e *transientError) Error() string { return e.err.Error() }
func (e *transientError) Unwrap() error { return e.err }

// exchange runs one go-mwclient request under ctx and turns what the
// transport saw into a typed error: ctx's error, a transientError, an
// *APIError, or fn's own error.
func (c *Client) exchange(ctx context.Context, fn func() error) error {
	c.tr.begin(ctx)
	err := fn()
	ex := c.tr.end()
	if ctxErr := ctx.Err(); ctxErr != nil {
		return ctxErr
	}
	wait := retryAfter(ex.retryAfter)
	switch {
	case ex.err != nil:
		return &transientError{err: ex.err}
	case ex.lagged:
		return &transientError{err: ErrMaxlag, wait: wait, maxlag: true}
	case ex.status >= 500:
		return &transientError{err: fmt.Errorf("HTTP %d", ex.status), wait: wait}
	case ex.status != 0 && ex.status != http.StatusOK:
		return fmt.Errorf("HTTP %d", ex.status)
	}
	var mwErr mwclient.APIError
	if errors.As(err, &mwErr) {
		return &APIError{Code: mwErr.Code, Info: mwErr.Info}
	}
	var syntaxErr *json.SyntaxError
	if errors.As(err, &syntaxErr) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	return err
}

// retryAfter parses a Retry-After header in seconds; 0 when absent.
func retryAfter(h string) time.Duration {
	n, err := strconv.Atoi(strings.TrimSpace(h))
	if err != nil || n < 0 {
		return 0
	}
	return time.Duration(n) * time.Second
}

// retry runs fn until it succeeds, fails for good, or transient failures
// exhaust c.retries. Waits honour Retry-After, capped, and ctx.
func (c *Client) retry(ctx context.Context, fn func() error) error {
	for attempt := 0; ; attempt++ {
		err := fn()
		var te *transientError
		if !errors.As(err, &te) {
			return err
		}
		if attempt >= c.retries {
			if te.maxlag {
				return fmt.Errorf("%w (%d retries)", ErrMaxlag, c.retries)
			}
			return fmt.Errorf("%w after %d retries: %w", ErrUnavailable, c.retries, te.err)
		}
		wait := te.wait
		if wait <= 0 {
			wait = c.backoff << attempt
		}
		wait = min(wait, c.maxWait)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// wrap puts op in front of err: *APIError gets it as its Op.
func (c *Client) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var ae *APIError
	if errors.As(err, &ae) && ae.Op == "" {
		ae.Op = op
		return ae
	}
	return fmt.Errorf("%s: %w", op, err)
}

// request is one API request.
type request struct {
	op     string        // for errors: `rollback "Foo"`
	params params.Values // without format, token, maxlag, assert
	post   bool
	token  string // token type to add ("csrf", "rollback"), or ""
}

// envelope is the part of every answer this package checks first.
type envelope struct {
	Error *struct {
		Code string `json:"code"`
		Info string `json:"info"`
	} `json:"error"`
}

// call makes one API request and decodes the answer into out. It retries
// transient failures, and on a lost session or stale token logs in again
// and retries once.
func (c *Client) call(ctx context.Context, r request, out any) error {
	if err := c.acquire(ctx); err != nil {
		return fmt.Errorf("%s: %w", r.op, err)
	}
	defer c.release()
	err := c.retry(ctx, func() error { return c.once(ctx, r, out) })
	if sessionLost(err) && c.username != "" {
		if lerr := c.loginLocked(ctx); lerr != nil {
			return fmt.Errorf("%s: %w", r.op, lerr)
		}
		err = c.retry(ctx, func() error { return c.once(ctx, r, out) })
	}
	return c.wrap(r.op, err)
}

// once makes a single attempt at r.
func (c *Client) once(ctx context.Context, r request, out any) error {
	p := make(params.Values, len(r.params)+5)
	for k, v := range r.params {
		p[k] = v
	}
	p["format"] = "json"
	p["formatversion"] = "2"
	if c.maxlag > 0 {
		p["maxlag"] = strconv.Itoa(c.maxlag)
	}
	if c.username != "" {
		// Reads assert too: a lost session then gets noticed and fixed
		// instead of silently downgrading the bot to anonymous limits.
		p["assert"] = "user"
	}
	if r.token != "" {
		var tok string
		err := c.exchange(ctx, func() (err error) {
			tok, err = c.mw.GetToken(r.token)
			return err
		})
		if err != nil {
			return fmt.Errorf("get %s token: %w", r.token, err)
		}
		p["token"] = tok
	}
	var body []byte
	err := c.exchange(ctx, func() (err error) {
		if r.post {
			body, err = c.mw.PostRaw(p)
		} else {
			body, err = c.mw.GetRaw(p)
		}
		return err
	})
	if err != nil {
		return err
	}
	var env envelope
	if err := json.Unmarshal(body, &env); err != nil {
		return fmt.Errorf("%w: %v: %.200q", ErrMalformed, err, body)
	}
	if e := env.Error; e != nil {
		if e.Code == "maxlag" {
			return &transientError{err: ErrMaxlag, maxlag: true}
		}
		if e.Code == "badtoken" {
			c.mw.Tokens = map[string]string{}
		}
		return &APIError{Code: e.Code, Info: e.Info}
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	return nil
}

// parseTime parses a MediaWiki ISO 8601 timestamp; "" gives the zero time.
func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: timestamp %q", ErrMalformed, s)
	}
	return t, nil
}

// formatTime formats t the way the API takes timestamps.
func formatTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }
