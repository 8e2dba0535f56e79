package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/wikiwarden/wikiwarden/store"
)

// cookieName is the session cookie.
const cookieName = "wikiwarden_session"

// session is one logged-in moderator.
type session struct {
	user    string
	expires time.Time
	flash   string // a message for the next page shown
}

// sessions are kept in memory, keyed by the SHA-256 of the cookie's token: a
// restart logs everyone out, which is the safe direction.
type sessions struct {
	ttl time.Duration
	now func() time.Time
	mu  sync.Mutex
	m   map[[32]byte]*session
}

func newSessions(ttl time.Duration, now func() time.Time) *sessions {
	return &sessions{ttl: ttl, now: now, m: map[[32]byte]*session{}}
}

// create starts a session for user and returns its token.
func (ss *sessions) create(user string) (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	tok := base64.RawURLEncoding.EncodeToString(b)
	now := ss.now()
	ss.mu.Lock()
	defer ss.mu.Unlock()
	for k, s := range ss.m {
		if !now.Before(s.expires) {
			delete(ss.m, k)
		}
	}
	ss.m[sha256.Sum256([]byte(tok))] = &session{user: user, expires: now.Add(ss.ttl)}
	return tok, nil
}

// get returns the live session of token, or nil.
func (ss *sessions) get(token string) *session {
	if token == "" {
		return nil
	}
	k := sha256.Sum256([]byte(token))
	ss.mu.Lock()
	defer ss.mu.Unlock()
	s := ss.m[k]
	if s == nil {
		return nil
	}
	if !ss.now().Before(s.expires) {
		delete(ss.m, k)
		return nil
	}
	return s
}

// flash sets or takes the session's message.
func (ss *sessions) setFlash(s *session, msg string) {
	ss.mu.Lock()
	s.flash = msg
	ss.mu.Unlock()
}

func (ss *sessions) takeFlash(s *session) string {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	msg := s.flash
	s.flash = ""
	return msg
}

func (ss *sessions) end(token string) {
	ss.mu.Lock()
	delete(ss.m, sha256.Sum256([]byte(token)))
	ss.mu.Unlock()
}

// throttle counts failed logins per key (an account or a client address).
type throttle struct {
	max    int
	window time.Duration
	now    func() time.Time
	mu     sync.Mutex
	fails  map[string][]time.Time
}

// maxThrottleKeys bounds the failure table; an attacker cycling names cannot
// grow it without bound (the oldest keys are dropped first).
const maxThrottleKeys = 10000

func newThrottle(max int, window time.Duration, now func() time.Time) *throttle {
	return &throttle{max: max, window: window, now: now, fails: map[string][]time.Time{}}
}

// recent returns key's failures still inside the window. Call with mu held.
func (t *throttle) recent(key string, now time.Time) []time.Time {
	f := t.fails[key]
	i := 0
	for i < len(f) && now.Sub(f[i]) >= t.window {
		i++
	}
	if i == len(f) {
		delete(t.fails, key)
		return nil
	}
	f = f[i:]
	t.fails[key] = f
	return f
}

// blocked reports whether any of keys has reached the limit.
func (t *throttle) blocked(keys ...string) bool {
	now := t.now()
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, k := range keys {
		if len(t.recent(k, now)) >= t.max {
			return true
		}
	}
	return false
}

func (t *throttle) fail(keys ...string) {
	now := t.now()
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.fails) > maxThrottleKeys {
		for k := range t.fails {
			if len(t.recent(k, now)) == 0 {
				continue
			}
			if len(t.fails) <= maxThrottleKeys/2 {
				break
			}
			delete(t.fails, k)
		}
	}
	for _, k := range keys {
		t.fails[k] = append(t.recent(k, now), now)
	}
}

func (t *throttle) reset(key string) {
	t.mu.Lock()
	delete(t.fails, key)
	t.mu.Unlock()
}

// trustedProxy reports whether the request came straight from a trusted
// reverse proxy.
func (s *server) trustedProxy(r *http.Request) bool {
	ap, err := netip.ParseAddrPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	a := ap.Addr().Unmap()
	for _, p := range s.opts.TrustedProxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// clientAddr is the address login throttling counts: the peer, or behind
// trusted proxies the last X-Forwarded-For hop they did not add.
func (s *server) clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	if !s.trustedProxy(r) {
		return host
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break
		}
		a = a.Unmap()
		trusted := false
		for _, p := range s.opts.TrustedProxies {
			trusted = trusted || p.Contains(a)
		}
		if !trusted {
			return a.String()
		}
	}
	return host
}

// secure reports whether the browser reached us over TLS.
func (s *server) secure(r *http.Request) bool {
	return r.TLS != nil || (s.trustedProxy(r) && strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https"))
}

type ctxKey struct{}

// moderator returns the logged-in moderator's session of a request that
// passed requireSession.
func moderator(r *http.Request) *session {
	s, _ := r.Context().Value(ctxKey{}).(*session)
	return s
}

// requireSession lets requests with a live session through; others get 401
// under /api/ and a redirect to the login page elsewhere.
func (s *server) requireSession(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var tok string
		if c, err := r.Cookie(cookieName); err == nil {
			tok = c.Value
		}
		sess := s.sessions.get(tok)
		if sess == nil {
			if isAPI(r) || r.Method != http.MethodGet {
				s.fail(w, r, errUnauthorized)
				return
			}
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, sess)))
	})
}

// safeNext keeps a post-login redirect on this site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") || strings.HasPrefix(next, "/api/") {
		return "/"
	}
	return next
}

func (s *server) loginPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "login", map[string]any{"Next": safeNext(r.URL.Query().Get("next"))})
}

// login checks the form's credentials against the wiki. A wrong password,
// an unknown account and a non-member all get the same 401.
func (s *server) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<16)
	user := strings.TrimSpace(r.PostFormValue("username"))
	password := r.PostFormValue("password")
	next := safeNext(r.PostFormValue("next"))
	acctKey := "u:" + strings.ToLower(strings.ReplaceAll(user, "_", " "))
	addrKey := "a:" + s.clientAddr(r)
	fail := func(status int, msg string) {
		w.Header().Set("Cache-Control", "no-store")
		if isAPI(r) || wantsJSON(r) {
			writeJSON(w, status, map[string]string{"error": msg})
			return
		}
		s.render(w, r, status, "login", map[string]any{"Next": next, "Error": msg, "User": user})
	}
	if s.throttle.blocked(acctKey, addrKey) {
		fail(http.StatusTooManyRequests, "Too many failed logins. Try again later.")
		return
	}
	if user == "" || password == "" {
		s.throttle.fail(acctKey, addrKey)
		fail(http.StatusUnauthorized, "Wrong user name or password, or not a moderator.")
		return
	}
	id, err := s.deps.Auth.Authenticate(r.Context(), user, password)
	switch {
	case errors.Is(err, ErrBadCredentials):
		s.throttle.fail(acctKey, addrKey)
		s.log.WithField("user", user).Warn("console login refused")
		fail(http.StatusUnauthorized, "Wrong user name or password, or not a moderator.")
		return
	case err != nil:
		s.log.WithError(err).Error("console login: wiki not reachable")
		fail(http.StatusBadGateway, "The wiki could not check the password just now. Try again.")
		return
	case !slices.ContainsFunc(id.Groups, func(g string) bool { return slices.Contains(s.opts.Groups, g) }):
		s.throttle.fail(acctKey, addrKey)
		s.log.WithField("user", id.Name).Warn("console login refused: not in a review group")
		fail(http.StatusUnauthorized, "Wrong user name or password, or not a moderator.")
		return
	}
	s.throttle.reset(acctKey)
	tok, err := s.sessions.create(id.Name)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name: cookieName, Value: tok, Path: "/", HttpOnly: true, Secure: s.secure(r),
		SameSite: http.SameSiteLaxMode, MaxAge: int(s.opts.SessionTTL.Seconds()),
	})
	if _, err := s.deps.Store.AddAudit(r.Context(), store.AuditEntry{Time: s.opts.Now(), Moderator: id.Name, Action: store.AuditLogin}); err != nil {
		s.log.WithError(err).Error("audit login")
	}
	s.log.WithField("user", id.Name).Info("moderator logged in")
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (s *server) logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(cookieName); err == nil {
		s.sessions.end(c.Value)
	}
	http.SetCookie(w, &http.Cookie{
		Name: cookieName, Value: "", Path: "/", HttpOnly: true, Secure: s.secure(r),
		SameSite: http.SameSiteLaxMode, MaxAge: -1,
	})
	if isAPI(r) {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}
