// Package testforum starts a throwaway NodeBB forum for end-to-end tests
// and plays a botnet against it.
//
// wikiwarden's forum patrol only means something against a real forum:
// NodeBB's own answers, privileges and ban semantics. Start runs
// scripts/testforum.sh, which boots a fresh forum (its own redis, a free
// port) from a template shared by all tests on the machine, and stops it
// when the test ends. Each test may start its own forum; they do not share
// state.
//
// The helpers here talk to the forum with plain net/http, independently of
// package nodebb, so tests never check the client with itself. Guests and
// accounts post through socket.io over HTTP long-polling, as browsers do,
// with an X-Forwarded-For header the forum trusts, so a test can play a
// botnet of many IPs.
package testforum

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/wikiwarden/wikiwarden/internal/scriptenv"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Forum is one running test forum. Its methods are safe for concurrent use.
type Forum struct {
	// URL is the forum's base URL, http://127.0.0.1:PORT.
	URL string
	// AdminUser and AdminPassword log in the administrator (uid AdminUID).
	AdminUser, AdminPassword string
	AdminUID                 int64
	// BotUser and BotPassword log in the bot account (uid BotUID), a
	// global moderator; BotToken is its write-api bearer token.
	BotUser, BotPassword, BotToken string
	BotUID                         int64
	// GuestCID is the category where guests may open topics and reply.
	GuestCID int64
	// Dir holds the forum's config, redis data, env and logs.
	Dir string
	// Env is Dir/env as written by the script (FORUM_URL, FORUM_BOT, ...).
	Env map[string]string

	adminMu sync.Mutex
	admin   *session // logged in on first use
}

// Start brings up a fresh forum in t.TempDir() and stops it when the test
// and its subtests finish. Without node, npm or redis-server on the machine
// it skips the test, unless the environment variable CI is "true": there
// any failure fails the test, so end-to-end tests cannot silently stop
// running in CI. The first start on a machine installs NodeBB from npm
// (about a minute); later ones take a second or two.
func Start(t testing.TB) *Forum {
	t.Helper()
	ci := os.Getenv("CI") == "true"
	if missing := missingCommands(); len(missing) > 0 && !ci {
		t.Skipf("testforum: %s not installed (apt-get install redis-server nodejs npm, or set CI=true to fail instead)", strings.Join(missing, ", "))
	}
	script, err := scriptPath()
	if err != nil {
		t.Fatalf("testforum: %v", err)
	}
	dir := t.TempDir()
	// TESTFORUM_OWNER: stop the forum even if this test binary dies
	// before its cleanup.
	err = scriptenv.Up(t, script, dir, []string{"TESTFORUM_OWNER=" + strconv.Itoa(os.Getpid())},
		func(t testing.TB) { logTail(t, filepath.Join(dir, "nodebb.log")) })
	if err != nil {
		if !ci && strings.Contains(err.Error(), "npm pack") {
			t.Skipf("testforum: cannot install NodeBB (no npm registry?): %v", err)
		}
		t.Fatalf("testforum: %v", err)
	}
	env, err := readEnv(filepath.Join(dir, "env"))
	if err != nil {
		t.Fatalf("testforum: %v", err)
	}
	atoi := func(k string) int64 { v, _ := strconv.ParseInt(env[k], 10, 64); return v }
	return &Forum{
		URL:           env["FORUM_URL"],
		AdminUser:     env["FORUM_ADMIN"],
		AdminPassword: env["FORUM_ADMIN_PASSWORD"],
		AdminUID:      atoi("FORUM_ADMIN_UID"),
		BotUser:       env["FORUM_BOT"],
		BotPassword:   env["FORUM_BOT_PASSWORD"],
		BotToken:      env["FORUM_BOT_TOKEN"],
		BotUID:        atoi("FORUM_BOT_UID"),
		GuestCID:      atoi("FORUM_GUEST_CID"),
		Dir:           dir,
		Env:           env,
	}
}

func missingCommands() []string {
	var missing []string
	for _, c := range []string{"node", "npm", "redis-server", "redis-cli"} {
		if _, err := exec.LookPath(c); err != nil {
			missing = append(missing, c)
		}
	}
	return missing
}

func scriptPath() (string, error) { return scriptenv.Script("scripts/testforum.sh") }

func readEnv(path string) (map[string]string, error) {
	return scriptenv.Read(path, "FORUM_URL", "FORUM_ADMIN", "FORUM_ADMIN_PASSWORD", "FORUM_BOT", "FORUM_BOT_PASSWORD", "FORUM_BOT_TOKEN", "FORUM_GUEST_CID")
}

func logTail(t testing.TB, path string) {
	b, err := os.ReadFile(path)
	if err != nil || len(b) == 0 {
		return
	}
	if len(b) > 8000 {
		b = b[len(b)-8000:]
	}
	t.Logf("testforum: %s:\n%s", path, b)
}

// RefusedError is a socket.io event the forum answered with an error, such
// as "[[error:blacklisted-ip]]" or "[[error:user-banned]]".
type RefusedError struct {
	Event, Message string
}

// Error implements error.
func (e *RefusedError) Error() string { return e.Event + ": " + e.Message }

// Refused reports whether err is the forum's refusal with this key, as in
// Refused(err, "blacklisted-ip").
func Refused(err error, key string) bool {
	var r *RefusedError
	return errors.As(err, &r) && r.Message == "[[error:"+key+"]]"
}

// Posted identifies a new post.
type Posted struct {
	TID, PID int64
}

// session is a cookie jar at one IP (X-Forwarded-For), logged in or a guest.
type session struct {
	f   *Forum
	ip  string
	hc  *http.Client
	uid int64
}

func (f *Forum) newSession(ip string) *session {
	jar, _ := cookiejar.New(nil)
	return &session{f: f, ip: ip, hc: &http.Client{Timeout: 60 * time.Second, Jar: jar}}
}

func (s *session) request(ctx context.Context, method, path string, body io.Reader) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, method, s.f.URL+path, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", "wikiwarden-testforum/1")
	if s.ip != "" {
		req.Header.Set("X-Forwarded-For", s.ip)
	}
	return req, nil
}

// do sends req and returns the body of a 2xx answer.
func (s *session) do(req *http.Request) ([]byte, int, error) {
	resp, err := s.hc.Do(req)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, resp.StatusCode, err
	}
	if resp.StatusCode/100 != 2 {
		return b, resp.StatusCode, fmt.Errorf("%s %s: HTTP %s: %.300s", req.Method, req.URL.Path, resp.Status, b)
	}
	return b, resp.StatusCode, nil
}

// getJSON reads an API route into v and returns the HTTP status.
func (s *session) getJSON(ctx context.Context, path string, v any) (int, error) {
	req, err := s.request(ctx, http.MethodGet, path, nil)
	if err != nil {
		return 0, err
	}
	b, status, err := s.do(req)
	if err != nil {
		return status, err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return status, fmt.Errorf("GET %s: %w: %.300s", path, err, b)
	}
	return status, nil
}

// csrf gets a session cookie (if none yet) and its CSRF token.
func (s *session) csrf(ctx context.Context) (string, error) {
	var c struct {
		CSRF string `json:"csrf_token"`
	}
	if _, err := s.getJSON(ctx, "/api/config", &c); err != nil {
		return "", err
	}
	return c.CSRF, nil
}

// postForm posts a form with the CSRF token (login, register).
func (s *session) postForm(ctx context.Context, path string, form url.Values) ([]byte, error) {
	token, err := s.csrf(ctx)
	if err != nil {
		return nil, err
	}
	req, err := s.request(ctx, http.MethodPost, path, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("x-csrf-token", token)
	b, _, err := s.do(req)
	return b, err
}

func (s *session) login(ctx context.Context, user, pass string) error {
	if _, err := s.postForm(ctx, "/login", url.Values{"username": {user}, "password": {pass}}); err != nil {
		return fmt.Errorf("login %s: %w", user, err)
	}
	var me struct {
		UID json.Number `json:"uid"`
	}
	if _, err := s.getJSON(ctx, "/api/me", &me); err != nil {
		return fmt.Errorf("login %s: %w", user, err)
	}
	s.uid, _ = me.UID.Int64()
	if s.uid <= 0 {
		return fmt.Errorf("login %s: not logged in", user)
	}
	return nil
}

// emit opens a socket.io connection for this session (its IP is the
// handshake's X-Forwarded-For), sends one event and returns the result of
// its ack, or a *RefusedError.
func (s *session) emit(ctx context.Context, event string, data any) (json.RawMessage, error) {
	if _, err := s.csrf(ctx); err != nil { // a cookie: events without a session fail
		return nil, fmt.Errorf("%s: %w", event, err)
	}
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	const ep = "/socket.io/?EIO=3&transport=polling&b64=1"
	get := func(path string) ([]string, error) {
		req, err := s.request(ctx, http.MethodGet, path, nil)
		if err != nil {
			return nil, err
		}
		b, _, err := s.do(req)
		if err != nil {
			return nil, err
		}
		return frames(string(b))
	}
	packets, err := get(ep)
	if err != nil {
		return nil, fmt.Errorf("%s: handshake: %w", event, err)
	}
	var sid string
	connected := false
	for _, p := range packets {
		if strings.HasPrefix(p, "0{") {
			var h struct {
				SID string `json:"sid"`
			}
			_ = json.Unmarshal([]byte(p[1:]), &h)
			sid = h.SID
		}
		connected = connected || p == "40"
	}
	if sid == "" {
		return nil, fmt.Errorf("%s: handshake: no sid in %q", event, packets)
	}
	poll := ep + "&sid=" + url.QueryEscape(sid)
	for !connected {
		packets, err := get(poll)
		if err != nil {
			return nil, fmt.Errorf("%s: connect: %w", event, err)
		}
		for _, p := range packets {
			connected = connected || p == "40"
		}
	}
	msg, err := json.Marshal([]any{event, data})
	if err != nil {
		return nil, err
	}
	packet := "421" + escapeNonASCII(string(msg))
	req, err := s.request(ctx, http.MethodPost, poll, strings.NewReader(strconv.Itoa(len(packet))+":"+packet))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "text/plain;charset=UTF-8")
	if _, _, err := s.do(req); err != nil {
		return nil, fmt.Errorf("%s: send: %w", event, err)
	}
	for {
		packets, err := get(poll)
		if err != nil {
			return nil, fmt.Errorf("%s: wait for ack: %w", event, err)
		}
		for _, p := range packets {
			if !strings.HasPrefix(p, "431[") {
				continue
			}
			var ack []json.RawMessage
			if err := json.Unmarshal([]byte(p[3:]), &ack); err != nil || len(ack) == 0 {
				return nil, fmt.Errorf("%s: bad ack %.300q", event, p)
			}
			if string(ack[0]) != "null" {
				var e struct {
					Message string `json:"message"`
				}
				_ = json.Unmarshal(ack[0], &e)
				return nil, &RefusedError{Event: event, Message: e.Message}
			}
			if len(ack) < 2 {
				return json.RawMessage("null"), nil
			}
			return ack[1], nil
		}
	}
}

// frames splits an Engine.IO 3 text payload ("<len>:<packet>", len in
// UTF-16 code units).
func frames(s string) ([]string, error) {
	var out []string
	for s != "" {
		colon := strings.IndexByte(s, ':')
		n, err := strconv.Atoi(s[:max(colon, 0)])
		if colon < 0 || err != nil {
			return out, fmt.Errorf("bad payload %.60q", s)
		}
		s = s[colon+1:]
		i := 0
		for units := 0; units < n && i < len(s); {
			r, size := utf8DecodeRune(s[i:])
			i += size
			units++
			if r >= 0x10000 {
				units++
			}
		}
		out = append(out, s[:i])
		s = s[i:]
	}
	return out, nil
}
