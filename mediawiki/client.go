// Package mediawiki is the MediaWiki Action API client wikiwarden patrols
// and reverts with.
//
// It exists because go-mwclient, which sends the raw requests and keeps the
// session's cookies underneath, has no context support (a stuck wiki would hang the bot's
// shutdown), no typed errors (the bot must tell "already rolled back" from
// "edit conflict" from "blocked") and no batching (a patrol cycle needs
// dozens of revisions and users in a handful of requests). This package adds
// those: every call takes a context and honours it, every error is of one
// of two kinds, transient or permanent (see ErrTransient), with sentinels
// for the outcomes callers branch on, reads are batched 50 at a time and
// follow continuation, and maxlag, 503s, network failures, answers cut
// short on the way (empty, not JSON) and a lost session are retried here,
// a few times seconds apart and honouring Retry-After, so callers need
// not.
//
// Sessions: go-mwclient keeps the session's cookies in its jar. When the
// wiki says the session is gone or the token is bad, the client throws the
// jar away and logs in afresh with a new go-mwclient client, then retries
// the call once. Logging in again over the old cookies does not work:
// MediaWiki refuses a login inside a bot-password session ("Aborted:
// Cannot log in when using MediaWiki\Session\BotPasswordSessionProvider
// sessions"). Tokens are fetched and cached here, per session.
//
// A failing wiki is not pressed: once two calls in a row have exhausted
// their retries on 5xx answers, timeouts, network errors or maxlag, every
// call in the next Options.CoolOff fails at once with ErrCoolingOff,
// without a request. The first call after the cool-off tries the wiki
// again, with its retries: an answer ends the cool-off, failing again
// starts another. One call failing is not enough: the wiki may fail only
// that request (a PHP fatal on one huge page), and the calls for other
// pages must go on. A caller should not fall back from one action to
// another (rollback, then undo, then a text restore) after a transient
// failure: the wiki is failing, not the action.
//
// A write whose answer was lost (a reset, a timeout) is sent again with
// the other retries, because every write here is safe to repeat: a
// repeated rollback fails with ErrAlreadyRolled, an undo with
// ErrEditConflict, an edit with the same text and base revision is a null
// edit, a block fails with ErrAlreadyBlocked (BlockInfo then shows the
// bot's own block), a delete with ErrNotFound. Callers that get one of
// these after a retry check the wiki's state, as the bot does anyway.
//
// A Client serialises its requests: go-mwclient is not safe for concurrent
// use, and one request at a time is also the polite way to use a wiki.
package mediawiki

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
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
	// CoolOff is how long calls fail fast with ErrCoolingOff after two
	// calls in a row exhausted their retries on 5xx answers, timeouts,
	// network errors or maxlag; 0 means 30s, a negative value turns the
	// cool-off off.
	CoolOff time.Duration
	// HTTPClient, if set, supplies the transport (for tests). Its Timeout
	// and Jar are ignored: the Client applies Timeout per request and keeps
	// its own cookies.
	HTTPClient *http.Client
}

// coolAfter is how many calls in a row must exhaust their retries on the
// wiki's failures before the client cools off: one is a request the wiki
// cannot serve (a page whose writes fail), two in a row a wiki that fails.
const coolAfter = 2

// maxUserAgent bounds Options.UserAgent.
const maxUserAgent = 1024

// Client talks to one wiki as one account. It is safe for concurrent use;
// requests are made one at a time.
type Client struct {
	api       string
	userAgent string
	tr        *transport
	sem       chan struct{} // held while a call is in flight
	username  string
	password  string
	maxlag    int
	retries   int
	coolOff   time.Duration

	// Session state, guarded by sem. mw is replaced, cookie jar and all,
	// at every login.
	mw     *mwclient.Client
	tokens map[string]string // token type ("csrf") to token, for mw's session

	// Cool-off state, guarded by sem.
	coolUntil   time.Time
	coolCause   error
	failedInRow int // calls in a row that exhausted their retries on the wiki's failures

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
	if len(opts.UserAgent) > maxUserAgent || strings.ContainsAny(opts.UserAgent, "\r\n") {
		// Sent on every request: a huge or multi-line one makes every
		// request fail, each looking like a wiki that is down.
		return nil, fmt.Errorf("mediawiki: new client: UserAgent must be one line of at most %d bytes", maxUserAgent)
	}
	if (opts.Username == "") != (opts.Password == "") {
		return nil, errors.New("mediawiki: new client: set both Username and Password, or neither")
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	base := http.DefaultTransport
	if opts.HTTPClient != nil && opts.HTTPClient.Transport != nil {
		base = opts.HTTPClient.Transport
	}
	retries := opts.Retries
	if retries <= 0 {
		retries = 3
	}
	coolOff := opts.CoolOff
	if coolOff == 0 {
		coolOff = 30 * time.Second
	}
	c := &Client{
		api:       opts.API,
		userAgent: opts.UserAgent,
		tr:        &transport{base: base, timeout: timeout},
		sem:       make(chan struct{}, 1),
		username:  opts.Username,
		password:  opts.Password,
		maxlag:    opts.Maxlag,
		retries:   retries,
		coolOff:   coolOff,
		batch:     50,
		backoff:   time.Second,
		maxWait:   30 * time.Second,
	}
	if err := c.newSession(); err != nil {
		return nil, fmt.Errorf("mediawiki: new client: %w", err)
	}
	return c, nil
}

// newSession replaces the go-mwclient client with a fresh one: an empty
// cookie jar and no tokens. The caller holds the client (or is New).
func (c *Client) newSession() error {
	mw, err := mwclient.New(c.api, "")
	if err != nil {
		return err
	}
	mw.UserAgent = c.userAgent
	// Maxlag and assertions are handled here, with context-aware waits.
	mw.Maxlag.On = false
	mw.Assert = mwclient.AssertNone
	// SetHTTPClient keeps the new client's own, empty cookie jar.
	mw.SetHTTPClient(&http.Client{Transport: c.tr})
	c.mw = mw
	c.tokens = map[string]string{}
	return nil
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
		return asTransient(ctx.Err())
	}
}

func (c *Client) release() { <-c.sem }

// Login logs in with the bot password, in a fresh session. Calls after a
// lost session log in again by themselves; Login is for failing fast at
// start-up. A refused login matches ErrLoginFailed.
func (c *Client) Login(ctx context.Context) error {
	op := fmt.Sprintf("login %q", c.username)
	if c.username == "" {
		return asPermanent(errors.New("login: no credentials configured"))
	}
	if err := c.acquire(ctx); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	defer c.release()
	if err := c.coolingOff(); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return c.wrap(op, c.loginLocked(ctx))
}

// loginLocked logs in, each attempt in a new session; the caller holds the
// client. Every error it returns is transient: a refusal is ErrLoginFailed.
func (c *Client) loginLocked(ctx context.Context) error {
	return c.retry(ctx, func() error {
		err := c.loginOnce(ctx)
		var ae *APIError
		if errors.As(err, &ae) && !Transient(ae) {
			// An error answer during a login is a refusal like any other,
			// and no verdict on the action that needed the session.
			return fmt.Errorf("%w: %v", ErrLoginFailed, err)
		}
		return err
	})
}

// loginOnce makes one login attempt.
func (c *Client) loginOnce(ctx context.Context) error {
	// A fresh jar for every attempt: an attempt whose answer was lost may
	// have left a bot-password session behind, inside which MediaWiki
	// refuses to log in.
	if err := c.newSession(); err != nil {
		return asTransient(err)
	}
	tok, err := c.token(ctx, "login")
	if err != nil {
		return err
	}
	var r struct {
		Login struct {
			Result string `json:"result"`
			Reason any    `json:"reason"`
		} `json:"login"`
	}
	err = c.do(ctx, request{op: "login", post: true, anon: true, params: params.Values{
		"action": "login", "lgname": c.username, "lgpassword": c.password, "lgtoken": tok,
	}}, &r)
	if err != nil {
		return err
	}
	if r.Login.Result != "Success" {
		reason := "no reason given"
		if r.Login.Reason != nil {
			reason = fmt.Sprint(r.Login.Reason)
		}
		return fmt.Errorf("%w: %s: %s", ErrLoginFailed, r.Login.Result, reason)
	}
	return nil
}

// relogin restores a lost session with a clean login. A failure is
// transient and matches ErrNotLoggedIn as well as its own cause.
func (c *Client) relogin(ctx context.Context) error {
	err := c.loginLocked(ctx)
	if err == nil || isContextErr(err) {
		return err
	}
	return fmt.Errorf("%w: session lost, and logging in again failed: %w", ErrNotLoggedIn, err)
}

// coolingOff returns ErrCoolingOff while the client leaves a failing wiki
// alone, nil otherwise. The caller holds the client.
func (c *Client) coolingOff() error {
	if c.coolCause == nil {
		return nil
	}
	left := time.Until(c.coolUntil)
	if left <= 0 {
		c.coolCause = nil
		return nil
	}
	return &coolingOffError{left: left, cause: c.coolCause}
}

// coolingOffError is ErrCoolingOff with the error that started it.
type coolingOffError struct {
	left  time.Duration
	cause error
}

func (e *coolingOffError) Error() string {
	return fmt.Sprintf("%v: no request for another %v after: %v", ErrCoolingOff, e.left.Round(time.Millisecond), e.cause)
}
func (e *coolingOffError) Unwrap() []error { return []error{ErrCoolingOff, e.cause} }

// transientError is a failure worth retrying after wait (0: use back-off).
type transientError struct {
	err  error
	wait time.Duration
	// final is the sentinel to report once retries are exhausted.
	final error
	// trip: exhausting the retries on this starts a cool-off.
	trip bool
}

func (e *transientError) Error() string { return e.err.Error() }
func (e *transientError) Unwrap() error { return e.err }

// exchange runs one go-mwclient request under ctx and turns what the
// transport saw into a typed error: ctx's error, a transientError, an
// *APIError, ErrBadRequest, or ErrMalformed. what names the request in
// errors, as in "GET action=query&list=recentchanges".
func (c *Client) exchange(ctx context.Context, what string, fn func() error) error {
	c.tr.begin(ctx)
	err := fn()
	ex := c.tr.end()
	if ctxErr := ctx.Err(); ctxErr != nil {
		return asTransient(ctxErr)
	}
	wait := retryAfter(ex.retryAfter)
	switch {
	case ex.err != nil:
		return &transientError{err: ex.err, final: ErrUnavailable, trip: true}
	case ex.lagged:
		return &transientError{err: ErrMaxlag, wait: wait, final: ErrMaxlag, trip: true}
	case ex.status >= 500:
		return &transientError{err: fmt.Errorf("HTTP %d to %s", ex.status, what), wait: wait, final: ErrUnavailable, trip: true}
	case ex.status == http.StatusTooManyRequests:
		return &transientError{err: fmt.Errorf("HTTP %d to %s", ex.status, what), wait: wait, final: ErrRateLimited}
	case ex.status == http.StatusBadRequest, ex.status == http.StatusRequestEntityTooLarge,
		ex.status == http.StatusRequestURITooLong, ex.status == http.StatusRequestHeaderFieldsTooLarge:
		return fmt.Errorf("%w: HTTP %d to %s", ErrBadRequest, ex.status, what)
	case ex.status != 0 && ex.status != http.StatusOK:
		// A 404 or 403 says more about the URL or a proxy in front of the
		// wiki than about the request: not worth retrying now, but not a
		// verdict on the action either.
		return asTransient(fmt.Errorf("HTTP %d to %s; check that %s is a MediaWiki api.php", ex.status, what, c.api))
	}
	if err == nil {
		return nil
	}
	var mwErr mwclient.APIError
	if errors.As(err, &mwErr) {
		return &APIError{Code: mwErr.Code, Info: mwErr.Info}
	}
	// go-mwclient's other errors are about reading the answer.
	return fmt.Errorf("%w: %s: %v; check that %s is a MediaWiki api.php", ErrMalformed, what, err, c.api)
}

// retriedError is a failure that outlasted its retries: the message of the
// last attempt's whole error, and the kind of its cause.
type retriedError struct {
	msg string
	err error
}

func (e *retriedError) Error() string { return e.msg }
func (e *retriedError) Unwrap() error { return e.err }

// retryAfter parses a Retry-After header in seconds; 0 when absent.
func retryAfter(h string) time.Duration {
	n, err := strconv.Atoi(strings.TrimSpace(h))
	if err != nil || n < 0 {
		return 0
	}
	return time.Duration(n) * time.Second
}

// retry runs fn until it succeeds, fails for good, or transient failures
// exhaust c.retries. Waits honour Retry-After, capped, and ctx. Exhausting
// the retries on a failure of the wiki starts a cool-off; an answer ends
// one.
func (c *Client) retry(ctx context.Context, fn func() error) error {
	for attempt := 0; ; attempt++ {
		err := fn()
		var te *transientError
		if !errors.As(err, &te) {
			if !isContextErr(err) {
				// The wiki answered: it is up.
				c.coolCause, c.failedInRow = nil, 0
			}
			return err
		}
		if attempt >= c.retries {
			var final error
			switch te.final {
			case ErrMaxlag:
				final = fmt.Errorf("%w (%d retries)", ErrMaxlag, c.retries)
			case ErrMalformed:
				// err's words (which request), te.err's kind.
				final = &retriedError{msg: fmt.Sprintf("%v after %d retries", err, c.retries), err: te.err}
			default:
				final = fmt.Errorf("%w after %d retries: %w", te.final, c.retries, te.err)
			}
			if te.trip {
				c.failedInRow++
				if c.failedInRow >= coolAfter && c.coolOff > 0 {
					c.coolUntil, c.coolCause = time.Now().Add(c.coolOff), final
				}
			}
			return final
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
			return asTransient(ctx.Err())
		case <-t.C:
		}
	}
}

// wrap puts op in front of err: *APIError gets it as its Op. An error
// without a kind (none should be left) counts as transient, so that a
// surprise never drops an action for good.
func (c *Client) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	if !Transient(err) && !errors.Is(err, ErrPermanent) {
		err = asTransient(err)
	}
	if ae, ok := err.(*APIError); ok && ae.Op == "" {
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
	anon   bool   // no assert=user: the login itself
}

// describe names a request in errors by its module parameters (never its
// values: a login's carry the password).
func describe(p params.Values, post bool) string {
	var b strings.Builder
	if post {
		b.WriteString("POST ")
	} else {
		b.WriteString("GET ")
	}
	b.WriteString("action=" + p["action"])
	for _, k := range []string{"list", "prop", "meta", "generator"} {
		if v, ok := p[k]; ok {
			b.WriteString("&" + k + "=" + v)
		}
	}
	return b.String()
}

// envelope is the part of every answer this package checks first.
type envelope struct {
	Error *struct {
		Code string `json:"code"`
		Info string `json:"info"`
	} `json:"error"`
}

// call makes one API request and decodes the answer into out. It retries
// transient failures, and on a lost session or stale token logs in afresh
// and retries, up to c.retries times.
func (c *Client) call(ctx context.Context, r request, out any) error {
	if err := c.acquire(ctx); err != nil {
		return fmt.Errorf("%s: %w", r.op, err)
	}
	defer c.release()
	if err := c.coolingOff(); err != nil {
		return fmt.Errorf("%s: %w", r.op, err)
	}
	err := c.retry(ctx, func() error { return c.once(ctx, r, out) })
	// A session lost on the way (a proxy dropping cookies) can be lost
	// again: log in afresh up to c.retries times.
	for i := 0; i < c.retries && sessionLost(err) && c.username != ""; i++ {
		if lerr := c.relogin(ctx); lerr != nil {
			return c.wrap(r.op, lerr)
		}
		err = c.retry(ctx, func() error { return c.once(ctx, r, out) })
	}
	return c.wrap(r.op, err)
}

// once makes a single attempt at r: the token, if r needs one and none is
// cached, then the request.
func (c *Client) once(ctx context.Context, r request, out any) error {
	if r.token == "" {
		return c.do(ctx, r, out)
	}
	tok, err := c.token(ctx, r.token)
	if err != nil {
		return err
	}
	withToken := r
	withToken.params = make(params.Values, len(r.params)+1)
	for k, v := range r.params {
		withToken.params[k] = v
	}
	withToken.params["token"] = tok
	err = c.do(ctx, withToken, out)
	if errors.Is(err, ErrBadToken) {
		delete(c.tokens, r.token)
	}
	return err
}

// token returns a token of type typ ("csrf", "rollback", "login") for the
// current session, fetching it unless cached. Login tokens are never cached.
func (c *Client) token(ctx context.Context, typ string) (string, error) {
	if tok, ok := c.tokens[typ]; ok {
		return tok, nil
	}
	var r struct {
		Query struct {
			Tokens map[string]string `json:"tokens"`
		} `json:"query"`
	}
	err := c.do(ctx, request{op: typ + " token", anon: typ == "login", params: params.Values{
		"action": "query", "meta": "tokens", "type": typ,
	}}, &r)
	if err != nil {
		return "", fmt.Errorf("get %s token: %w", typ, err)
	}
	tok := r.Query.Tokens[typ+"token"]
	if tok == "" {
		return "", fmt.Errorf("%w: get %s token: no %stoken in the answer", ErrMalformed, typ, typ)
	}
	if typ != "login" {
		c.tokens[typ] = tok
	}
	return tok, nil
}

// do sends r once, as it is, and decodes the answer into out (if not nil).
func (c *Client) do(ctx context.Context, r request, out any) error {
	p := make(params.Values, len(r.params)+4)
	for k, v := range r.params {
		p[k] = v
	}
	p["format"] = "json"
	p["formatversion"] = "2"
	if c.maxlag > 0 {
		p["maxlag"] = strconv.Itoa(c.maxlag)
	}
	if c.username != "" && !r.anon {
		// Reads assert too: a lost session then gets noticed and fixed
		// instead of silently downgrading the bot to anonymous limits.
		p["assert"] = "user"
	}
	what := describe(p, r.post)
	var body []byte
	err := c.exchange(ctx, what, func() (err error) {
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
	// An answer cut short or replaced on the way (empty, not JSON: a proxy,
	// a PHP fatal) is retried like a lost one; JSON of the wrong shape is
	// the wiki's own answer and would come back the same. The wiki
	// answered, so exhausting the retries does not cool it off.
	if len(bytes.TrimSpace(body)) == 0 {
		return &transientError{err: fmt.Errorf("%w: empty answer to %s; check that %s is a MediaWiki api.php", ErrMalformed, what, c.api), final: ErrMalformed}
	}
	var env envelope
	if err := json.Unmarshal(body, &env); err != nil {
		return &transientError{err: fmt.Errorf("%w: answer to %s is not JSON (%v): %.200q; check that %s is a MediaWiki api.php",
			ErrMalformed, what, err, body, c.api), final: ErrMalformed}
	}
	if e := env.Error; e != nil {
		if e.Code == "maxlag" {
			return &transientError{err: ErrMaxlag, final: ErrMaxlag, trip: true}
		}
		return &APIError{Code: e.Code, Info: e.Info}
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("%w: answer to %s: %v", ErrMalformed, what, err)
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
