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
	"unicode"

	"github.com/wikiwarden/wikiwarden/store"
)

// cookieName is the session cookie.
const cookieName = "wikiwarden_session"

// session is one logged-in moderator.
type session struct {
	user    string
	site    string   // the site whose account it is
	groups  []string // the moderator's groups on the login site, as last read
	expires time.Time
	flash   string    // a message for the next page shown
	checked time.Time // when the moderator's groups and blocks were last read
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

// create starts a session for id, whose rights were read at checked, and
// returns its token.
func (ss *sessions) create(id Identity, site string, checked time.Time) (string, error) {
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
	ss.m[sha256.Sum256([]byte(tok))] = &session{user: id.Name, site: site, groups: id.Groups, expires: now.Add(ss.ttl), checked: checked}
	return tok, nil
}

// lastChecked returns when s's rights were last read.
func (ss *sessions) lastChecked(s *session) time.Time {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return s.checked
}

// setChecked notes that s's groups were read at t.
func (ss *sessions) setChecked(s *session, groups []string, t time.Time) {
	ss.mu.Lock()
	s.checked, s.groups = t, groups
	ss.mu.Unlock()
}

// groupsOf returns s's groups as last read.
func (ss *sessions) groupsOf(s *session) []string {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return s.groups
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
// under /api/ and a redirect to the login page elsewhere. The moderator's
// groups and block status are read again from the wiki before every
// state-changing request and at least every Options.RecheckEvery: a
// moderator who was desysopped or blocked loses the session at once.
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
		if err := s.recheck(r, sess); err != nil {
			if errors.Is(err, errUnauthorized) {
				s.sessions.end(tok)
			}
			s.fail(w, r, err)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		h.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, sess)))
	})
}

// recheck reads the moderator's groups and block status again when they
// are older than Options.RecheckEvery or the request changes something.
// errUnauthorized means the moderator may no longer review; another error
// that the wiki could not be asked, which refuses actions but lets pages
// be read until the rights are twice RecheckEvery old.
func (s *server) recheck(r *http.Request, sess *session) error {
	now := s.opts.Now()
	age := now.Sub(s.sessions.lastChecked(sess))
	if (r.Method == http.MethodGet && age < s.opts.RecheckEvery) || r.URL.Path == "/logout" {
		// Logging out needs no rights, and must work with the wiki down.
		return nil
	}
	id, err := s.authOf(sess.site).Lookup(r.Context(), sess.user)
	switch {
	case errors.Is(err, ErrBadCredentials):
		return errUnauthorized
	case err != nil:
		if r.Method == http.MethodGet && age < 2*s.opts.RecheckEvery {
			return nil
		}
		s.log.WithError(err).Error("console: moderator's rights not read")
		return errRightsUnknown
	case !s.admitted(id, sess.site):
		s.log.WithField("user", sess.user).Warn("console session ended: no longer in a review group, or blocked")
		return errUnauthorized
	}
	s.sessions.setChecked(sess, id.Groups, now)
	return nil
}

// safeNext keeps a post-login redirect on this site: a path of its own
// (no scheme, no host, a single leading slash) with no backslash or
// control character, raw or percent-encoded, that a browser could read as
// the start of another host ("/%09/evil.example/" becomes "//evil.example/").
// Anything else, and the JSON API, go to the dashboard.
func safeNext(next string) string {
	const home = "/"
	if next == "" || len(next) > 2048 {
		return home
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return home
	}
	decoded, err := url.PathUnescape(next)
	if err != nil {
		return home
	}
	for _, v := range []string{next, decoded, u.Path} {
		if !strings.HasPrefix(v, "/") || strings.Contains(v, "//") || strings.ContainsRune(v, '\\') {
			return home
		}
		for _, r := range v {
			if r < 0x20 || r == 0x7f || unicode.IsSpace(r) && r != ' ' {
				return home
			}
		}
	}
	if strings.HasPrefix(u.Path, "/api/") || u.Path == "/api" {
		return home
	}
	return next
}

func (s *server) loginPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "login", map[string]any{"Next": safeNext(r.URL.Query().Get("next")), "Logins": s.logins(), "LoginSite": s.loginSite})
}

// login checks the form's credentials against the wiki. A wrong password,
// an unknown account, a non-member and a blocked account all get the same
// 401. The attempt is counted against the account and the client address
// before the wiki is asked, and taken back when the password was right:
// guesses sent in parallel reach the wiki at most MaxFailures times. The
// typed user name is never logged: it is sometimes a password.
func (s *server) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<16)
	typed := r.PostFormValue("username")
	password := r.PostFormValue("password")
	next := safeNext(r.PostFormValue("next"))
	site := r.PostFormValue("site")
	if site == "" {
		site = s.loginSite
	}
	user, valid := canonicalUser(typed)
	keys := []string{addrKey(s.clientAddr(r))}
	if valid {
		key := user // one MediaWiki account, however spelt
		if st := s.siteNamed(site); st != nil && st.Kind != KindMediaWiki {
			key = strings.ToLower(user) // a forum's names ignore case
		}
		keys = append(keys, "u:"+site+":"+key)
	}
	fail := func(status int, msg string) {
		w.Header().Set("Cache-Control", "no-store")
		if isAPI(r) || wantsJSON(r) {
			writeJSON(w, status, map[string]string{"error": msg})
			return
		}
		shown := ""
		if valid {
			shown = user
		}
		s.render(w, r, status, "login", map[string]any{"Next": next, "Error": msg, "User": shown, "Logins": s.logins(), "LoginSite": site})
	}
	const refused = "Wrong user name or password, or not a moderator."
	auth := s.authOf(site)
	if auth == nil {
		fail(http.StatusBadRequest, "Moderators cannot log in with that site's accounts.")
		return
	}
	if !s.throttle.reserve(keys...) {
		fail(http.StatusTooManyRequests, "Too many failed logins. Try again later.")
		return
	}
	if !valid || password == "" {
		fail(http.StatusUnauthorized, refused)
		return
	}
	name := user // MediaWiki's form of the name
	if st := s.siteNamed(site); st != nil && st.Kind != KindMediaWiki {
		name = strings.Join(strings.Fields(typed), " ") // a forum's names keep their case
	}
	id, err := auth.Authenticate(r.Context(), name, password)
	switch {
	case errors.Is(err, ErrBadCredentials):
		s.log.Warn("console login refused: wrong password or unknown account")
		fail(http.StatusUnauthorized, refused)
		return
	case err != nil:
		s.throttle.release(keys...)
		s.log.WithError(err).Error("console login: site not reachable")
		fail(http.StatusBadGateway, "The site could not check the password just now. Try again.")
		return
	case !s.admitted(id, site):
		s.log.Warn("console login refused: not in a review group, or blocked")
		fail(http.StatusUnauthorized, refused)
		return
	}
	s.throttle.release(keys...)
	s.throttle.reset(keys[len(keys)-1])
	tok, err := s.sessions.create(id, site, s.opts.Now())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name: cookieName, Value: tok, Path: "/", HttpOnly: true, Secure: s.secure(r),
		SameSite: http.SameSiteLaxMode, MaxAge: int(s.opts.SessionTTL.Seconds()),
	})
	audit := s.siteList()[0]
	if st := s.siteNamed(site); st != nil {
		audit = st
	}
	if _, err := audit.Store.AddAudit(r.Context(), store.AuditEntry{Time: s.opts.Now(), Moderator: id.Name, Action: store.AuditLogin}); err != nil {
		s.log.WithError(err).Error("audit login")
	}
	s.log.WithFields(map[string]any{"user": id.Name, "site": site}).Info("moderator logged in")
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// authOf returns the authenticator of the site moderators log in with,
// or nil when they cannot log in with its accounts.
func (s *server) authOf(site string) Authenticator {
	if site == s.loginSite {
		return s.deps.Auth
	}
	if st := s.siteNamed(site); st != nil && st.Auth != nil {
		return st.Auth
	}
	return nil
}

// logins are the names of the sites moderators log in with, the login
// site first.
func (s *server) logins() []string {
	out := []string{s.loginSite}
	for _, st := range s.siteList() {
		if st.Name != s.loginSite && st.Auth != nil {
			out = append(out, st.Name)
		}
	}
	return out
}

// admitted reports whether id, an account of the site called site, may
// use the console: not blocked, and in a group that reviews some site.
func (s *server) admitted(id Identity, site string) bool {
	if id.Blocked {
		return false
	}
	for _, st := range s.siteList() {
		if s.reviews(site, id.Groups, st) {
			return true
		}
	}
	return false
}

// reviews reports whether a moderator who logged in with an account of
// site login, in groups, reviews site st: the login site's accounts review
// the sites that list one of their groups; another site's accounts review
// that site only (a forum's group must not open a wiki because the names
// match).
func (s *server) reviews(login string, groups []string, st *Site) bool {
	if login != s.loginSite && login != st.Name {
		return false
	}
	return slices.ContainsFunc(groups, func(g string) bool { return slices.Contains(st.Groups, g) })
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
