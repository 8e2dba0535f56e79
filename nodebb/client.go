package nodebb

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Config configures a Client.
type Config struct {
	// URL is the forum's base URL, as in http://127.0.0.1:4567.
	URL string
	// Username and Password log the bot in. The account must be an
	// administrator or a global moderator: only they see posts' IPs, ban
	// accounts and edit the IP blacklist.
	Username, Password string
	// Token is an optional write-api bearer token of the same account. It
	// is sent on the page routes that accept it (topics, users, the IP
	// blacklist); posts and sockets always use the session.
	Token string
	// HTTPClient is used for every request; nil means a client with a 60 s
	// timeout. Its Jar is replaced by the Client's own.
	HTTPClient *http.Client
	// Concurrency bounds parallel reads; 0 means 4.
	Concurrency int
	// UserAgent is sent with every request; "" means "wikiwarden-nodebb/1".
	UserAgent string
}

// Client talks to one forum as the bot. Its methods are safe for
// concurrent use; socket.io emits are serialized.
type Client struct {
	base      string
	username  string
	password  string
	token     string
	userAgent string
	workers   int
	hc        *http.Client
	sock      *socket

	loginMu  sync.Mutex
	loggedIn bool
	uid      int64

	// blacklistMu serializes the client's read-modify-write cycles of the
	// IP blacklist. NodeBB has no per-rule API: blacklist.save replaces the
	// whole text, so an admin saving in the same instant may still lose a
	// change.
	blacklistMu sync.Mutex
}

// New returns a Client for cfg. It does not contact the forum; the first
// call logs in.
func New(cfg Config) (*Client, error) {
	u, err := url.Parse(cfg.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("nodebb: URL %q: want http(s)://host[:port]", cfg.URL)
	}
	if cfg.Username == "" || cfg.Password == "" {
		return nil, errors.New("nodebb: Username and Password are required")
	}
	jar, err := cookiejar.New(nil)
	if err != nil {
		return nil, fmt.Errorf("nodebb: cookie jar: %w", err)
	}
	hc := &http.Client{Timeout: 60 * time.Second}
	if cfg.HTTPClient != nil {
		c := *cfg.HTTPClient
		hc = &c
	}
	hc.Jar = jar
	c := &Client{
		base:      strings.TrimRight(cfg.URL, "/"),
		username:  cfg.Username,
		password:  cfg.Password,
		token:     cfg.Token,
		userAgent: cfg.UserAgent,
		workers:   cfg.Concurrency,
		hc:        hc,
	}
	if c.userAgent == "" {
		c.userAgent = "wikiwarden-nodebb/1"
	}
	if c.workers <= 0 {
		c.workers = 4
	}
	c.sock = newSocket(hc, c.base, c.userAgent)
	return c, nil
}

// UID returns the bot's uid once logged in, else 0.
func (c *Client) UID() int64 {
	c.loginMu.Lock()
	defer c.loginMu.Unlock()
	return c.uid
}

// Login logs the bot in (again), replacing the session cookie, and checks
// that the account is an administrator or a global moderator. Other
// methods log in on first use; call Login to check credentials early.
func (c *Client) Login(ctx context.Context) error {
	c.loginMu.Lock()
	defer c.loginMu.Unlock()
	return c.login(ctx)
}

func (c *Client) ensureLogin(ctx context.Context) error {
	c.loginMu.Lock()
	defer c.loginMu.Unlock()
	if c.loggedIn {
		return nil
	}
	return c.login(ctx)
}

// relogin logs in again after the forum forgot the session.
func (c *Client) relogin(ctx context.Context) error {
	c.loginMu.Lock()
	defer c.loginMu.Unlock()
	c.loggedIn = false
	return c.login(ctx)
}

func (c *Client) login(ctx context.Context) error {
	const op = "login"
	u, err := c.authenticate(ctx)
	if err != nil {
		return err
	}
	if !u.Admin && !u.GlobalMod {
		return &Error{Op: op, Kind: Permanent, Code: "error:no-privileges",
			Err: fmt.Errorf("%q is neither an administrator nor a global moderator: it would not see IPs nor be allowed to ban", c.username)}
	}
	c.uid = u.UID
	c.loggedIn = true
	// The socket rides on the old cookie: open a new one.
	c.sock.reset()
	return nil
}

// authenticate logs the client's account in and returns it, whatever its
// rights.
func (c *Client) authenticate(ctx context.Context) (User, error) {
	const op = "login"
	var cfg struct {
		CSRF string `json:"csrf_token"`
	}
	if err := c.getJSON(ctx, op, "/api/config", false, &cfg); err != nil {
		return User{}, err
	}
	form := url.Values{"username": {c.username}, "password": {c.password}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/login", strings.NewReader(form.Encode()))
	if err != nil {
		return User{}, &Error{Op: op, Kind: Permanent, Err: err}
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("x-csrf-token", cfg.CSRF)
	body, status, err := c.send(req)
	if err != nil {
		return User{}, &Error{Op: op, Kind: Transient, Err: err}
	}
	if status != http.StatusOK {
		return User{}, statusError(op, status, body)
	}
	var me struct {
		UID num `json:"uid"`
	}
	if err := c.getJSON(ctx, op, "/api/me", false, &me); err != nil {
		return User{}, err
	}
	uid := me.UID.int64()
	if uid <= 0 {
		return User{}, &Error{Op: op, Kind: Permanent, Code: "not-logged-in", Err: fmt.Errorf("the forum did not log %q in", c.username)}
	}
	u, err := c.fetchUser(ctx, uid)
	if err != nil {
		return User{}, opError(op, err)
	}
	return u, nil
}

// CheckPassword logs in to the forum at cfg.URL as cfg.Username with
// cfg.Password, in a client of its own that is dropped afterwards, and
// returns the account with its groups and ban, whatever its rights: how
// the review console checks a forum moderator's own password. A wrong
// password or an unknown account is a Permanent error; a forum that could
// not be asked a Transient one.
func CheckPassword(ctx context.Context, cfg Config) (User, error) {
	c, err := New(cfg)
	if err != nil {
		return User{}, err
	}
	return c.authenticate(ctx)
}

// UserByName returns the account called name (its state as User does). A
// missing account is a Permanent error.
func (c *Client) UserByName(ctx context.Context, name string) (User, error) {
	op := fmt.Sprintf("read user %q", name)
	var r struct {
		UID num `json:"uid"`
	}
	if err := c.get(ctx, op, "/api/user/username/"+pathEscape(name), true, &r); err != nil {
		return User{}, err
	}
	if r.UID.int64() <= 0 {
		return User{}, &Error{Op: op, Kind: Permanent, Code: "http 404", Err: fmt.Errorf("no user %q", name)}
	}
	return c.fetchUser(ctx, r.UID.int64())
}

// checkSession logs in again when the forum no longer knows the session
// (expired, or the forum's data was reset). Reads of posts do not fail
// without one; they only lose the IP, so Posts checks first.
func (c *Client) checkSession(ctx context.Context) error {
	if err := c.ensureLogin(ctx); err != nil {
		return err
	}
	if !c.sessionLost(ctx) {
		return nil
	}
	return c.relogin(ctx)
}

// emit sends a socket.io event as the bot, logging in first, and once more
// when an error may come from a lost session (a socket without one acts as
// a guest: "no-privileges").
func (c *Client) emit(ctx context.Context, op, event string, args ...any) (json.RawMessage, error) {
	if err := c.ensureLogin(ctx); err != nil {
		return nil, opError(op, err)
	}
	res, err := c.sock.emit(ctx, event, args...)
	var e *Error
	if errors.As(err, &e) {
		switch e.Code {
		case "error:invalid-session", "error:not-logged-in", "error:no-privileges":
			if !c.sessionLost(ctx) {
				break
			}
			if lerr := c.relogin(ctx); lerr != nil {
				return nil, opError(op, lerr)
			}
			res, err = c.sock.emit(ctx, event, args...)
		}
	}
	if err != nil {
		return nil, opError(op, err)
	}
	return res, nil
}

// sessionLost reports whether the forum answers as someone else than the
// bot (a guest, once the session is gone).
func (c *Client) sessionLost(ctx context.Context) bool {
	var me struct {
		UID num `json:"uid"`
	}
	err := c.getJSON(ctx, "check session", "/api/me", false, &me)
	if KindOf(err) == Transient {
		return false
	}
	return err != nil || me.UID.int64() != c.UID()
}

// get reads a JSON API route as the logged-in bot into v. bearer sends the
// write-api token too, when there is one.
// A refusal (401, 403) that comes from a lost session is retried once after
// a new login.
func (c *Client) get(ctx context.Context, op, path string, bearer bool, v any) error {
	if err := c.ensureLogin(ctx); err != nil {
		return opError(op, err)
	}
	err := c.getJSON(ctx, op, path, bearer, v)
	var e *Error
	if errors.As(err, &e) && e.Kind == Permanent && (e.Code == "http 401" || e.Code == "http 403" || e.Code == "error:no-privileges") {
		if !c.sessionLost(ctx) {
			return err
		}
		if lerr := c.relogin(ctx); lerr != nil {
			return opError(op, lerr)
		}
		err = c.getJSON(ctx, op, path, bearer, v)
	}
	return err
}

func (c *Client) getJSON(ctx context.Context, op, path string, bearer bool, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+path, nil)
	if err != nil {
		return &Error{Op: op, Kind: Permanent, Err: err}
	}
	if bearer && c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	body, status, err := c.send(req)
	if err != nil {
		return &Error{Op: op, Kind: Transient, Err: err}
	}
	if status != http.StatusOK {
		return statusError(op, status, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		return &Error{Op: op, Kind: Transient, Err: fmt.Errorf("decode %s: %w: %.200s", path, err, body)}
	}
	return nil
}

func (c *Client) send(req *http.Request) ([]byte, int, error) {
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Accept", "application/json")
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	if err != nil {
		return nil, 0, err
	}
	return body, resp.StatusCode, nil
}

// statusError classifies a non-200 answer: 5xx and 429 are transient, the
// rest permanent.
//
// NodeBB answers a page route's failure with 500 and {"error":"[[error:
// no-user]]"}, and a failed login with 403 and the bare key: such answers
// are classified by their key instead.
func statusError(op string, status int, body []byte) *Error {
	var answer struct {
		Error string `json:"error"`
	}
	if t := strings.TrimSpace(string(body)); strings.HasPrefix(t, "[[error:") && strings.HasSuffix(t, "]]") {
		answer.Error = t // /login answers 403 [[error:invalid-password]]
	} else if json.Unmarshal(body, &answer) != nil {
		answer.Error = ""
	}
	if strings.HasPrefix(answer.Error, "[[error:") {
		e := forumError(op, answer.Error)
		e.Err = fmt.Errorf("HTTP %d", status)
		return e
	}
	kind := Permanent
	if status >= 500 || status == http.StatusTooManyRequests || status == http.StatusRequestTimeout {
		kind = Transient
	}
	return &Error{Op: op, Kind: kind, Code: "http " + strconv.Itoa(status), Err: fmt.Errorf("%.200s", strings.TrimSpace(string(body)))}
}

// isNotFound reports a 404 answer.
func isNotFound(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == "http 404"
}

// num is a JSON number NodeBB may send as a string ("12") or a number.
type num string

func (n *num) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "null" {
		s = ""
	}
	*n = num(s)
	return nil
}

func (n num) int64() int64 {
	v, _ := strconv.ParseInt(string(n), 10, 64)
	return v
}

func (n num) bool() bool {
	return n == "1" || n == "true"
}

// millis converts ms since the epoch; 0 is the zero time.
func (n num) time() time.Time {
	ms := n.int64()
	if ms <= 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms)
}

func pathEscape(s string) string { return url.PathEscape(s) }
