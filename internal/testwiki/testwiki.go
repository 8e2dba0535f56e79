// Package testwiki starts a throwaway MediaWiki for end-to-end tests.
//
// wikiwarden's behaviour only means something against a real wiki: real
// tokens, real rollback rules, real block semantics. Start runs
// scripts/testwiki.sh, which serves a fresh SQLite wiki with php -S on a free
// port, and stops it when the test ends. Each test may start its own wiki;
// they do not share state.
//
// The helpers here talk to the wiki with plain net/http, independently of
// package mediawiki, so tests never check the client with itself. Anonymous
// edits carry X-Forwarded-For, which the test wiki trusts, so a test can play
// a botnet of many IPs.
package testwiki

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/wikiwarden/wikiwarden/internal/scriptenv"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/netip"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// MediaWikiDir is where the Debian package installs MediaWiki.
const MediaWikiDir = "/usr/share/mediawiki"

// ErrNoPage is returned by PageText and LatestRev when the page does not exist.
var ErrNoPage = errors.New("testwiki: page does not exist")

// Wiki is one running test wiki. Its methods are safe for concurrent use.
type Wiki struct {
	// API is the URL of api.php.
	API string
	// BotUser and BotPassword log in the bot account Warden (sysop, bot)
	// through its bot password "patrol": BotUser is "Warden@patrol".
	BotUser, BotPassword string
	// AdminUser and AdminPassword are the main-account credentials of Admin
	// (sysop, bureaucrat), used by AdminEdit.
	AdminUser, AdminPassword string
	// Dir holds the wiki's database, LocalSettings.php, env and logs.
	Dir string
	// Env is Dir/env as written by the script (WIKI_API, WIKI_USER,
	// WIKIWARDEN_PASSWORD, ...), for tests that configure a command from
	// the environment.
	Env map[string]string

	http *http.Client

	adminMu    sync.Mutex
	adminHTTP  *http.Client // carries Admin's session cookies
	adminToken string       // CSRF token of that session
}

// Options changes how StartWith sets up a wiki.
type Options struct {
	// Settings is PHP code appended to LocalSettings.php before the server
	// starts, such as "$wgBlockCIDRLimit = [ 'IPv4' => 20, 'IPv6' => 40 ];".
	// Settings cannot be changed once the wiki runs: php -S caches the
	// compiled LocalSettings.php and may not notice a rewrite.
	Settings string
}

// Start brings up a fresh wiki in t.TempDir() with the default settings; see
// StartWith.
func Start(t testing.TB) *Wiki {
	t.Helper()
	return StartWith(t, Options{})
}

// StartWith brings up a fresh wiki in t.TempDir() and stops it when the test and
// its subtests finish. Without MediaWiki on the machine it skips the test,
// unless the environment variable CI is "true": there the script installs
// the packages, and any failure fails the test, so end-to-end tests cannot
// silently stop running in CI.
func StartWith(t testing.TB, opts Options) *Wiki {
	t.Helper()
	ci := os.Getenv("CI") == "true"
	if !installed() && !ci {
		t.Skipf("testwiki: MediaWiki is not installed in %s (apt-get install mediawiki php-cli php-sqlite3, or set CI=true to have the script install it)", MediaWikiDir)
	}
	script, err := scriptPath()
	if err != nil {
		t.Fatalf("testwiki: %v", err)
	}
	dir := t.TempDir()
	settings := ""
	if opts.Settings != "" {
		// Outside dir: the script clears dir's logs and data on "up".
		settings = filepath.Join(t.TempDir(), "settings.php")
		if err := os.WriteFile(settings, []byte(opts.Settings+"\n"), 0o644); err != nil {
			t.Fatalf("testwiki: %v", err)
		}
	}
	err = scriptenv.Up(t, script, dir, []string{"TESTWIKI_SETTINGS=" + settings}, func(t testing.TB) { logServerErrors(t, dir) })
	if err != nil {
		t.Fatalf("testwiki: %v", err)
	}

	env, err := readEnv(filepath.Join(dir, "env"))
	if err != nil {
		t.Fatalf("testwiki: %v", err)
	}
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatalf("testwiki: cookie jar: %v", err)
	}
	return &Wiki{
		API:           env["WIKI_API"],
		BotUser:       env["WIKI_USER"],
		BotPassword:   env["WIKIWARDEN_PASSWORD"],
		AdminUser:     env["WIKI_ADMIN"],
		AdminPassword: env["WIKI_ADMIN_PASSWORD"],
		Dir:           dir,
		Env:           env,
		http:          &http.Client{Timeout: 60 * time.Second},
		adminHTTP:     &http.Client{Timeout: 60 * time.Second, Jar: jar},
	}
}

// installed reports whether MediaWiki and php are on this machine.
func installed() bool {
	if _, err := os.Stat(filepath.Join(MediaWikiDir, "maintenance", "install.php")); err != nil {
		return false
	}
	_, err := exec.LookPath("php")
	return err == nil
}

func scriptPath() (string, error) { return scriptenv.Script("scripts/testwiki.sh") }

func readEnv(path string) (map[string]string, error) {
	return scriptenv.Read(path, "WIKI_API", "WIKI_USER", "WIKIWARDEN_PASSWORD", "WIKI_ADMIN", "WIKI_ADMIN_PASSWORD")
}

// logServerErrors shows MediaWiki's own error logs in a failing test's output.
func logServerErrors(t testing.TB, dir string) {
	for _, name := range []string{"exception.log", "error.log", "fatal.log", "dberror.log"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || len(b) == 0 {
			continue
		}
		if len(b) > 8000 {
			b = b[len(b)-8000:]
		}
		t.Logf("testwiki: %s:\n%s", name, b)
	}
}

// APIError is an error answer from api.php.
type APIError struct {
	Code, Info string
}

// Error implements error.
func (e *APIError) Error() string { return e.Code + ": " + e.Info }

// Get sends a GET request to api.php as an anonymous user and returns the
// decoded answer. format=json and formatversion=2 are added. An API error
// comes back as *APIError.
func (w *Wiki) Get(ctx context.Context, params url.Values) (map[string]any, error) {
	q := cloneValues(params)
	q.Set("format", "json")
	q.Set("formatversion", "2")
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, w.API+"?"+q.Encode(), nil)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", q.Get("action"), err)
	}
	m, err := w.do(w.http, req)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", q.Get("action"), err)
	}
	return m, nil
}

// post sends a form to api.php with the given client, optionally as the IP
// xff (X-Forwarded-For).
func (w *Wiki) post(ctx context.Context, hc *http.Client, xff string, params url.Values) (map[string]any, error) {
	q := cloneValues(params)
	q.Set("format", "json")
	q.Set("formatversion", "2")
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.API, strings.NewReader(q.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if xff != "" {
		req.Header.Set("X-Forwarded-For", xff)
	}
	return w.do(hc, req)
}

func (w *Wiki) do(hc *http.Client, req *http.Request) (map[string]any, error) {
	req.Header.Set("User-Agent", "wikiwarden-testwiki/1")
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP %s: %.300s", resp.Status, body)
	}
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, fmt.Errorf("decode answer: %w: %.300s", err, body)
	}
	if e, ok := m["error"].(map[string]any); ok {
		code, _ := e["code"].(string)
		info, _ := e["info"].(string)
		return nil, &APIError{Code: code, Info: info}
	}
	return m, nil
}

func cloneValues(v url.Values) url.Values {
	c := make(url.Values, len(v)+2)
	for k, vs := range v {
		c[k] = append([]string(nil), vs...)
	}
	return c
}

// AnonEdit replaces the text of title as the anonymous user at ip (sent as
// X-Forwarded-For, with the anonymous token `+\`) and returns the new
// revision id. An edit that changes nothing is an error.
func (w *Wiki) AnonEdit(ctx context.Context, ip, title, text, summary string) (int64, error) {
	return w.anonEdit(ctx, ip, url.Values{"title": {title}, "text": {text}, "summary": {summary}})
}

// AppendAnon appends addition to title as the anonymous user at ip, creating
// the page if needed, and returns the new revision id.
func (w *Wiki) AppendAnon(ctx context.Context, ip, title, addition, summary string) (int64, error) {
	return w.anonEdit(ctx, ip, url.Values{"title": {title}, "appendtext": {addition}, "summary": {summary}})
}

func (w *Wiki) anonEdit(ctx context.Context, ip string, p url.Values) (int64, error) {
	p.Set("action", "edit")
	p.Set("token", `+\`)
	m, err := w.post(ctx, w.http, ip, p)
	if err != nil {
		return 0, fmt.Errorf("anon edit %q as %s: %w", p.Get("title"), ip, err)
	}
	rev, err := editResult(m)
	if err != nil {
		return 0, fmt.Errorf("anon edit %q as %s: %w", p.Get("title"), ip, err)
	}
	return rev, nil
}

func editResult(m map[string]any) (int64, error) {
	e, _ := m["edit"].(map[string]any)
	if e == nil {
		return 0, fmt.Errorf("no edit in answer: %v", m)
	}
	if r, _ := e["result"].(string); r != "Success" {
		return 0, fmt.Errorf("edit result %q: %v", r, e)
	}
	if nc, _ := e["nochange"].(bool); nc {
		return 0, errors.New("edit changed nothing")
	}
	rev, ok := e["newrevid"].(float64)
	if !ok {
		return 0, fmt.Errorf("no newrevid in answer: %v", e)
	}
	return int64(rev), nil
}

// AdminEdit replaces the text of title as the logged-in sysop Admin (to seed
// pages that look like established content) and returns the new revision id.
func (w *Wiki) AdminEdit(ctx context.Context, title, text, summary string) (int64, error) {
	w.adminMu.Lock()
	defer w.adminMu.Unlock()
	if err := w.adminLogin(ctx); err != nil {
		return 0, fmt.Errorf("admin edit %q: %w", title, err)
	}
	m, err := w.post(ctx, w.adminHTTP, "", url.Values{
		"action": {"edit"}, "title": {title}, "text": {text}, "summary": {summary},
		"assert": {"user"}, "token": {w.adminToken},
	})
	if err != nil {
		return 0, fmt.Errorf("admin edit %q: %w", title, err)
	}
	rev, err := editResult(m)
	if err != nil {
		return 0, fmt.Errorf("admin edit %q: %w", title, err)
	}
	return rev, nil
}

// AdminBlock blocks target (a user name, IP or CIDR range) as the sysop
// Admin, as a human administrator would, with anononly and nocreate.
func (w *Wiki) AdminBlock(ctx context.Context, target, expiry, reason string) error {
	w.adminMu.Lock()
	defer w.adminMu.Unlock()
	if err := w.adminLogin(ctx); err != nil {
		return fmt.Errorf("admin block %q: %w", target, err)
	}
	_, err := w.post(ctx, w.adminHTTP, "", url.Values{
		"action": {"block"}, "user": {target}, "expiry": {expiry}, "reason": {reason},
		"anononly": {"1"}, "nocreate": {"1"}, "assert": {"user"}, "token": {w.adminToken},
	})
	if err != nil {
		return fmt.Errorf("admin block %q: %w", target, err)
	}
	return nil
}

// ExpireSessions ends every session on the wiki at once, as a session
// store that lost its data, or sessions timing out, would: it deletes them
// from the wiki's object cache ($wgSessionCacheType is CACHE_DB). It returns
// how many sessions it ended.
func (w *Wiki) ExpireSessions(ctx context.Context) (int, error) {
	const script = `$db = new PDO("sqlite:" . $argv[1]);
$db->setAttribute(PDO::ATTR_TIMEOUT, 30);
$db->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);
echo $db->exec("DELETE FROM objectcache WHERE keyname LIKE '%:MWSession:%'");`
	cmd := exec.CommandContext(ctx, "php", "-r", script, filepath.Join(w.Dir, "data", "wikicache.sqlite"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return 0, fmt.Errorf("expire sessions: %w: %s", err, stderr.String())
	}
	var n int
	if _, err := fmt.Sscan(string(out), &n); err != nil {
		return 0, fmt.Errorf("expire sessions: %q: %w", out, err)
	}
	return n, nil
}

// adminLogin logs Admin in with action=clientlogin once per Wiki. Callers
// hold adminMu.
func (w *Wiki) adminLogin(ctx context.Context) error {
	if w.adminToken != "" {
		return nil
	}
	get := func(params url.Values) (map[string]any, error) {
		q := cloneValues(params)
		q.Set("format", "json")
		q.Set("formatversion", "2")
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, w.API+"?"+q.Encode(), nil)
		if err != nil {
			return nil, err
		}
		return w.do(w.adminHTTP, req)
	}
	m, err := get(url.Values{"action": {"query"}, "meta": {"tokens"}, "type": {"login"}})
	if err != nil {
		return fmt.Errorf("login token: %w", err)
	}
	loginToken := dig[string](m, "query", "tokens", "logintoken")
	m, err = w.post(ctx, w.adminHTTP, "", url.Values{
		"action": {"clientlogin"}, "username": {w.AdminUser}, "password": {w.AdminPassword},
		"loginreturnurl": {w.API}, "logintoken": {loginToken},
	})
	if err != nil {
		return fmt.Errorf("clientlogin: %w", err)
	}
	if st := dig[string](m, "clientlogin", "status"); st != "PASS" {
		return fmt.Errorf("clientlogin: status %q: %s", st, dig[string](m, "clientlogin", "message"))
	}
	m, err = get(url.Values{"action": {"query"}, "meta": {"tokens"}, "type": {"csrf"}})
	if err != nil {
		return fmt.Errorf("csrf token: %w", err)
	}
	tok := dig[string](m, "query", "tokens", "csrftoken")
	if tok == "" || tok == `+\` {
		return errors.New("csrf token: not logged in")
	}
	w.adminToken = tok
	return nil
}

// dig walks nested JSON objects and returns the value at the end of path, or
// T's zero value.
func dig[T any](m map[string]any, path ...string) T {
	var zero T
	var cur any = m
	for _, k := range path {
		obj, ok := cur.(map[string]any)
		if !ok {
			return zero
		}
		cur = obj[k]
	}
	v, _ := cur.(T)
	return v
}

// latest fetches the latest revision of title with the given rvprop.
func (w *Wiki) latest(ctx context.Context, title, props string) (map[string]any, error) {
	m, err := w.Get(ctx, url.Values{
		"action": {"query"}, "prop": {"revisions"}, "titles": {title},
		"rvprop": {props}, "rvslots": {"main"},
	})
	if err != nil {
		return nil, err
	}
	pages := dig[[]any](m, "query", "pages")
	if len(pages) != 1 {
		return nil, fmt.Errorf("want one page, got %v", m)
	}
	page, _ := pages[0].(map[string]any)
	if missing, _ := page["missing"].(bool); missing {
		return nil, ErrNoPage
	}
	revs, _ := page["revisions"].([]any)
	if len(revs) == 0 {
		return nil, fmt.Errorf("no revisions in %v", page)
	}
	rev, _ := revs[0].(map[string]any)
	return rev, nil
}

// PageText returns the current wikitext of title, or ErrNoPage.
func (w *Wiki) PageText(ctx context.Context, title string) (string, error) {
	rev, err := w.latest(ctx, title, "content")
	if err != nil {
		return "", fmt.Errorf("page text %q: %w", title, err)
	}
	s, ok := dig[any](rev, "slots", "main", "content").(string)
	if !ok {
		return "", fmt.Errorf("page text %q: no content in %v", title, rev)
	}
	return s, nil
}

// LatestRev returns the id and author (user name or IP) of the current
// revision of title, or ErrNoPage.
func (w *Wiki) LatestRev(ctx context.Context, title string) (revID int64, user string, err error) {
	rev, err := w.latest(ctx, title, "ids|user")
	if err != nil {
		return 0, "", fmt.Errorf("latest revision %q: %w", title, err)
	}
	id, _ := rev["revid"].(float64)
	user, _ = rev["user"].(string)
	return int64(id), user, nil
}

// Revision is one entry of a page's history.
type Revision struct {
	ID   int64
	User string // user name or IP
	Anon bool
}

// History returns the revisions of title, newest first (at most 500).
func (w *Wiki) History(ctx context.Context, title string) ([]Revision, error) {
	m, err := w.Get(ctx, url.Values{
		"action": {"query"}, "prop": {"revisions"}, "titles": {title},
		"rvprop": {"ids|user|flags"}, "rvlimit": {"max"},
	})
	if err != nil {
		return nil, fmt.Errorf("history %q: %w", title, err)
	}
	var out []Revision
	for _, p := range dig[[]any](m, "query", "pages") {
		page, _ := p.(map[string]any)
		revs, _ := page["revisions"].([]any)
		for _, r := range revs {
			rv, _ := r.(map[string]any)
			id, _ := rv["revid"].(float64)
			user, _ := rv["user"].(string)
			anon, _ := rv["anon"].(bool)
			out = append(out, Revision{ID: int64(id), User: user, Anon: anon})
		}
	}
	return out, nil
}

// BotRevisions counts the revisions the bot account (Warden, whose bot
// password BotUser logs in with) saved on title: how often the bot acted
// on the page.
func (w *Wiki) BotRevisions(ctx context.Context, title string) (int, error) {
	hist, err := w.History(ctx, title)
	if err != nil {
		return 0, err
	}
	account, _, _ := strings.Cut(w.BotUser, "@")
	n := 0
	for _, rv := range hist {
		if rv.User == account {
			n++
		}
	}
	return n, nil
}

// Blocked reports whether target is blocked. For an IP or a CIDR range it
// counts any block that covers it, including blocks of enclosing ranges;
// for anything else it looks for a block of that user name.
func (w *Wiki) Blocked(ctx context.Context, target string) (bool, error) {
	q := url.Values{"action": {"query"}, "list": {"blocks"}, "bklimit": {"1"}}
	if isIPOrRange(target) {
		q.Set("bkip", target)
	} else {
		q.Set("bkusers", target)
	}
	m, err := w.Get(ctx, q)
	if err != nil {
		return false, fmt.Errorf("blocked %q: %w", target, err)
	}
	return len(dig[[]any](m, "query", "blocks")) > 0, nil
}

func isIPOrRange(s string) bool {
	if _, err := netip.ParseAddr(s); err == nil {
		return true
	}
	_, err := netip.ParsePrefix(s)
	return err == nil
}

// Requests returns how many api.php requests the wiki has answered so far,
// counted from php's access log. It includes requests made by the helpers
// in this package.
func (w *Wiki) Requests() int {
	f, err := os.Open(filepath.Join(w.Dir, "access.log"))
	if err != nil {
		return 0
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		// [pid] [date] 127.0.0.1:port [200]: GET /api.php?...
		line := sc.Text()
		if strings.Contains(line, "]: GET /api.php") || strings.Contains(line, "]: POST /api.php") {
			n++
		}
	}
	return n
}
