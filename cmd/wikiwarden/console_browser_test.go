package main

// The review console in a real browser (Debian's chromium, driven by
// chromedp) against a throwaway MediaWiki and the real wiring of
// "wikiwarden run": log in as the wiki's sysop, undo a revert, dismiss a
// queued item; a non-sysop, a request without a session and a cross-site
// form are refused. With WIKIWARDEN_SCREENSHOTS=1 it saves the main screens
// to docs/screenshots for the README.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/internal/testforum"
	"github.com/wikiwarden/wikiwarden/internal/testwiki"
)

// chromiumPath finds the browser; without it the test skips, except in CI,
// where it fails (the CI script installs chromium).
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed (.ci/run installs it)")
	}
	t.Skip("chromium is not installed (apt-get install chromium, or set CI=true to fail instead)")
	return ""
}

// browser starts a headless chromium with a fresh profile.
func browser(t *testing.T, path string) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1000, 1000),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	ctx, cancelT := context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(cancelT)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// createAccount registers a plain (non-sysop) wiki account.
func createAccount(t *testing.T, api, name, password string) {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Jar: jar, Timeout: 30 * time.Second}
	get := func(v url.Values) map[string]any {
		v.Set("format", "json")
		resp, err := hc.Get(api + "?" + v.Encode())
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var m map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	tok := get(url.Values{"action": {"query"}, "meta": {"tokens"}, "type": {"createaccount"}})
	token := tok["query"].(map[string]any)["tokens"].(map[string]any)["createaccounttoken"].(string)
	resp, err := hc.PostForm(api, url.Values{"action": {"createaccount"}, "format": {"json"}, "username": {name},
		"password": {password}, "retype": {password}, "createreturnurl": {api}, "createtoken": {token}})
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if !strings.Contains(string(body), `"PASS"`) {
		t.Fatalf("create account %s: %s", name, body)
	}
}

// shot saves a full-page screenshot of the current page, at a viewport of
// w by h, when screenshots are asked for.
func shot(t *testing.T, ctx context.Context, name string, w, h int64) {
	t.Helper()
	if os.Getenv("WIKIWARDEN_SCREENSHOTS") != "1" {
		return
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, h)); err != nil {
		t.Fatal(err)
	}
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	dir := filepath.Join("..", "..", "docs", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1000, 1000)); err != nil {
		t.Fatal(err)
	}
}

// do runs browser steps or fails the test.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// text returns the visible text of the element sel.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

func TestConsoleInBrowser(t *testing.T) {
	chromium := chromiumPath(t)
	w, cfgPath, env := wikiConfig(t, "patrol:\n  lookback: 1h\n  trusted_groups: [sysop, bot]\nreview:\n  listen: 127.0.0.1:0\n")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if _, err := w.AdminEdit(ctx, "Abacus", "An abacus is a counting frame used for arithmetic. It has beads on rods.", "seed"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.AdminEdit(ctx, "Albedo", "Albedo is the fraction of sunlight a surface reflects. Snow reflects most of it.", "seed"); err != nil {
		t.Fatal(err)
	}
	createAccount(t, w.API, "Reader", "reader-password-1")

	// The real wiring of "wikiwarden run", in process.
	var logs bytes.Buffer
	a, err := setup(ctx, cfgPath, testGetenv(env), &logs, true, true)
	if err != nil {
		t.Fatal(err)
	}
	defer a.close()
	a.log.SetLevel(logrus.DebugLevel)
	p, err := a.patroller(false)
	if err != nil {
		t.Fatal(err)
	}
	c, err := newConsole(a)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(c.handler)
	defer srv.Close()
	pass := func() {
		t.Helper()
		if err := observedPass(ctx, a.sites[0].cfg.Name, p, a.store.Site(a.sites[0].cfg.Name), c, a.log); err != nil {
			t.Fatalf("pass: %v", err)
		}
		last, _ := c.metrics.LastPass()
		t.Logf("pass: %s", last.Summary)
	}

	// A botnet probes Aardvark from one address, then spams Abacus from
	// it; another address probes a page that someone edits after it (for
	// the queue).
	const probe, spamURL, ip = "kzqvxbwtrp", "http://cheap-pills-online.example/buy", "192.0.2.44"
	probeRev, err := w.AnonEdit(ctx, ip, "Aardvark", "The aardvark is a burrowing mammal native to Africa. "+probe+" It eats ants and termites.", "")
	if err != nil {
		t.Fatal(err)
	}
	pass()
	spamRev, err := w.AnonEdit(ctx, ip, "Abacus", "An abacus is a counting frame used for arithmetic. It has beads on rods. See ["+spamURL+" cheap pills].", "")
	if err != nil {
		t.Fatal(err)
	}
	// A probe someone else edited on top of: held for a human.
	heldRev, err := w.AnonEdit(ctx, "198.51.100.23", "Albedo", "Albedo is the fraction of sunlight a surface reflects. xbvqkwzt Snow reflects most of it.", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.AnonEdit(ctx, "100.64.9.8", "Albedo", "Albedo is the fraction of sunlight a surface reflects. xbvqkwzt Snow reflects most of it. The ocean reflects little.", ""); err != nil {
		t.Fatal(err)
	}
	pass()
	for rev, want := range map[int64]string{probeRev: "revert", spamRev: "revert_block", heldRev: "flag"} {
		r, err := a.store.Record(ctx, rev)
		if err != nil || string(r.Action) != want {
			t.Fatalf("record of %d = %+v, %v; want action %s\n%s", rev, r, err, want, logs.String())
		}
	}
	if blocked, _ := w.Blocked(ctx, ip); !blocked {
		t.Fatalf("%s not blocked after the spam pass", ip)
	}

	// Without a session: the API answers 401, pages send to the login.
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if resp, err := noRedirect.Get(srv.URL + "/api/actions"); err != nil || resp.StatusCode != 401 {
		t.Errorf("GET /api/actions without session: %v %v", resp.StatusCode, err)
	}
	if resp, err := noRedirect.Get(srv.URL + "/queue"); err != nil || resp.StatusCode != 303 || !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
		t.Errorf("GET /queue without session: %v %v", resp.StatusCode, err)
	}

	bctx := browser(t, chromium)
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	login := func(user, password string) string {
		do(t, bctx, "log in as "+user,
			chromedp.Navigate(srv.URL+"/login"),
			chromedp.WaitVisible(css("#login")),
			chromedp.SendKeys(css("input[name=username]"), user),
			chromedp.SendKeys(css("input[name=password]"), password),
			chromedp.Click(css("#login")),
			chromedp.Sleep(500*time.Millisecond),
			chromedp.WaitVisible(css("main")),
		)
		return text(t, bctx, "main")
	}

	// A non-sysop is refused.
	if got := login("Reader", "reader-password-1"); !strings.Contains(got, "not a moderator") {
		t.Errorf("non-sysop login page says %q", got)
	}

	// The sysop logs in and sees the reverted probe with its reasons.
	if got := login(w.AdminUser, w.AdminPassword); !strings.Contains(got, "What the bot did") {
		t.Fatalf("after login: %q", got)
	}
	shot(t, bctx, "dashboard", 1000, 900)
	probeSel := fmt.Sprintf("#item-wiki-%d", probeRev)
	do(t, bctx, "actions", chromedp.Navigate(srv.URL+"/actions"), chromedp.WaitVisible(css(probeSel)))
	got := text(t, bctx, probeSel)
	for _, want := range []string{"Aardvark", probe, "random-looking tokens", ip} {
		if !strings.Contains(got, want) {
			t.Errorf("Actions entry of the probe lacks %q:\n%s", want, got)
		}
	}
	shot(t, bctx, "actions", 1000, 900)

	// "This was a good edit" on the probe, teaching its word; then on the
	// spam, which also lifts the block.
	restore := func(rev int64, teach string) {
		t.Helper()
		do(t, bctx, fmt.Sprintf("restore %d", rev),
			chromedp.Navigate(srv.URL+"/actions"),
			chromedp.Click(css(fmt.Sprintf("#restore-wiki-%d", rev))),
			chromedp.WaitVisible(css("#confirm")),
			chromedp.Click(css(fmt.Sprintf("input[value=%q]", teach))),
			chromedp.Click(css("#confirm")),
			chromedp.WaitVisible(css(".flash")),
		)
		if got := text(t, bctx, ".flash"); !strings.Contains(got, "Restored the edit") {
			t.Errorf("restore %d says %q", rev, got)
		}
	}
	restore(probeRev, "allow_word:"+probe)
	restore(spamRev, "trusted_editor:"+ip)
	if got, _ := w.PageText(ctx, "Aardvark"); !strings.Contains(got, probe) {
		t.Errorf("the probe edit is not back on Aardvark: %q", got)
	}
	if got, _ := w.PageText(ctx, "Abacus"); !strings.Contains(got, spamURL) {
		t.Errorf("the link edit is not back on Abacus: %q", got)
	}
	if blocked, _ := w.Blocked(ctx, ip); blocked {
		t.Errorf("%s is still blocked after the restore", ip)
	}
	hist, err := w.Get(ctx, url.Values{"action": {"query"}, "prop": {"revisions"}, "titles": {"Abacus"}, "rvprop": {"comment|user"}, "rvlimit": {"5"}})
	if err != nil {
		t.Fatal(err)
	}
	summaries := fmt.Sprint(hist)
	if !strings.Contains(summaries, "restored by moderator [[User:Admin|Admin]]") {
		t.Errorf("Abacus history = %s; want the restore summary naming Admin", summaries)
	}
	if fb, _ := a.store.Feedback(ctx); len(fb) != 2 {
		t.Errorf("feedback = %+v, want the word and the editor", fb)
	}

	// The IP's timeline, then the queue: dismiss the created page.
	do(t, bctx, "ip timeline", chromedp.Navigate(srv.URL+"/ip/"+ip), chromedp.WaitVisible(css("table.timeline")))
	got = text(t, bctx, "main")
	for _, want := range []string{"probe", "spam", "block", "Abacus"} {
		if !strings.Contains(got, want) {
			t.Errorf("IP timeline lacks %q", want)
		}
	}
	shot(t, bctx, "ip", 1000, 900)
	heldSel := fmt.Sprintf("#item-wiki-%d", heldRev)
	do(t, bctx, "queue", chromedp.Navigate(srv.URL+"/queue"), chromedp.WaitVisible(css(heldSel)))
	shot(t, bctx, "queue", 1000, 900)
	shot(t, bctx, "queue-phone", 390, 844)
	do(t, bctx, "dismiss",
		chromedp.Click(css(fmt.Sprintf("#dismiss-wiki-%d", heldRev))),
		chromedp.WaitVisible(css("#confirm")),
		chromedp.Click(css("#confirm")),
		chromedp.WaitVisible(css(".flash")),
	)
	if got := text(t, bctx, ".flash"); !strings.Contains(got, "Dismissed") {
		t.Errorf("dismiss says %q", got)
	}
	if _, err := a.store.Resolution(ctx, heldRev); err != nil {
		t.Errorf("the dismissed item is not resolved: %v", err)
	}

	// A form on another site posting to the console is refused, though
	// the browser holds a session.
	evil := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(rw, `<!DOCTYPE html><form method="post" action="%s/api/queue/%d/dismiss"><button id="go">win a prize</button></form>`, srv.URL, heldRev)
	}))
	defer evil.Close()
	evilURL := strings.Replace(evil.URL, "127.0.0.1", "localhost", 1)
	do(t, bctx, "cross-site form", chromedp.Navigate(evilURL), chromedp.Click(css("#go")), chromedp.Sleep(time.Second))
	if got := text(t, bctx, "body"); !strings.Contains(got, "Cross-origin request refused") {
		t.Errorf("cross-site form answered %q", got)
	}
	// And a script holding the cookie but sending a cross-site header.
	res, err := chromedp.Call(bctx, network.GetCookies, network.GetCookiesParams{URLs: []string{srv.URL}})
	if err != nil || len(res.Cookies) == 0 {
		t.Fatalf("cookies: %+v %v", res, err)
	}
	ck := res.Cookies[0]
	if !ck.HTTPOnly {
		t.Error("session cookie is not HttpOnly")
	}
	req, _ := http.NewRequest("POST", srv.URL+fmt.Sprintf("/api/actions/%d/restore", probeRev), nil)
	req.Header.Set("Cookie", ck.Name+"="+ck.Value)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 403 {
		t.Errorf("cross-site POST: %v %v; want 403", resp.StatusCode, err)
	}
	if strings.Contains(logs.String(), w.AdminPassword) || strings.Contains(logs.String(), "reader-password-1") {
		t.Error("a moderator's password is in the log")
	}
}

// TestConsoleSitesInBrowser drives the console of a "sites:" config of a
// real MediaWiki and a real NodeBB in chromium: the wiki's sysop logs in,
// switches between the sites, restores a reverted wiki edit and a removed
// forum post, lifts a forum ban by restoring the banned account's post,
// and never sees a registered forum user's address; the forum's
// administrator logs in with the forum account and reviews the forum only.
func TestConsoleSitesInBrowser(t *testing.T) {
	chromium := chromiumPath(t)
	wiki := testwiki.Start(t)
	forum := testforum.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
	defer cancel()
	seedWiki(t, wiki)
	welcome, err := forum.AdminTopic(ctx, "Welcome to the forum", "Welcome, everyone. Say hello and tell us about yourself.")
	if err != nil {
		t.Fatal(err)
	}
	cfg := writeConfig(t, fmt.Sprintf(`sites:
  - {name: wiki, kind: mediawiki, api: %s, username: %s, password_env: WIKI_PASS}
  - {name: forum, kind: nodebb, url: %s, username: %s, password_env: FORUM_PASS}
patrol:
  lookback: 1h
  trusted_groups: [sysop, bot]
review:
  listen: 127.0.0.1:0
  sites:
    wiki: [sysop]
    forum: [sysop, administrators]
store:
  path: %s
`, wiki.API, wiki.BotUser, forum.URL, forum.BotUser, filepath.Join(t.TempDir(), "ww.db")))
	env := map[string]string{"WIKI_PASS": wiki.BotPassword, "FORUM_PASS": forum.BotPassword}

	var logs bytes.Buffer
	a, err := setup(ctx, cfg, testGetenv(env), &logs, true, true)
	if err != nil {
		t.Fatal(err)
	}
	defer a.close()
	c, err := newConsole(a)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(c.handler)
	defer srv.Close()
	var passes []func()
	for _, s := range a.sites {
		p, err := a.patrollerOf(s, false)
		if err != nil {
			t.Fatal(err)
		}
		st := a.store.Site(s.cfg.Name)
		passes = append(passes, func() {
			t.Helper()
			if err := observedPass(ctx, s.cfg.Name, p, st, c, a.log); err != nil {
				t.Fatalf("pass of %s: %v\n%s", st.Name(), err, logs.String())
			}
		})
	}
	passAll := func() {
		for _, p := range passes {
			p()
		}
	}
	passAll() // cursors start here

	// The botnet: a probe on the wiki, a guest's probe on the forum, and
	// a registered forum account that probes, then spams.
	const wikiProbe, guestProbe, acctProbe = "kzqvxbwtrp", "qxzvkwbnrt", "zvqxkwbtrp"
	wikiRev, err := wiki.AnonEdit(ctx, "192.0.2.44", "Aardvark", aardvark+" "+wikiProbe, "")
	if err != nil {
		t.Fatal(err)
	}
	guest, err := forum.GuestReply(ctx, "100.72.5.9", "", welcome.TID, "Hello from me, nice forum. "+guestProbe)
	if err != nil {
		t.Fatal(err)
	}
	const acctIP = "100.72.9.77"
	acct, err := forum.Register(ctx, acctIP, "cheapdeals77")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := acct.Reply(ctx, welcome.TID, "Hi all, glad to be here. "+acctProbe); err != nil {
		t.Fatal(err)
	}
	passAll()
	spam, err := acct.Reply(ctx, welcome.TID, "Best deals today: [cheap pills online](https://cheap-pills-online.example/buy) and [casino bonus](https://casino-bonus.example/win) buy now, best price!")
	if err != nil {
		t.Fatal(err)
	}
	passAll()
	for what, id := range map[string]int64{"guest probe": guest.PID, "account's spam": spam.PID} {
		if p, err := forum.Post(ctx, id); err != nil || !(p.Deleted || p.TopicDeleted) {
			t.Fatalf("%s (post %d) not removed: %+v %v\n%s", what, id, p, err, logs.String())
		}
	}
	if banned, _, err := forum.Banned(ctx, acct.UID); err != nil || !banned {
		t.Fatalf("the account that probed, then spammed, is not banned: %v %v\n%s", banned, err, logs.String())
	}

	bctx := browser(t, chromium)
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	do(t, bctx, "log in",
		chromedp.Navigate(srv.URL+"/login"),
		chromedp.WaitVisible(css("#login")),
		chromedp.SendKeys(css("input[name=username]"), wiki.AdminUser),
		chromedp.SendKeys(css("input[name=password]"), wiki.AdminPassword),
		chromedp.Click(css("#login")),
		chromedp.WaitVisible(css("#site-switcher")),
	)
	// Switch to the forum: its items, not the wiki's.
	do(t, bctx, "switch to the forum", chromedp.Navigate(srv.URL+"/actions"), chromedp.Click(css("#site-forum")),
		chromedp.WaitVisible(css(fmt.Sprintf("#item-forum-%d", spam.PID))))
	got := text(t, bctx, "main")
	if strings.Contains(got, "Aardvark") || !strings.Contains(got, "cheapdeals77") {
		t.Errorf("the forum's actions show the wiki, or not the forum:\n%s", got)
	}
	if strings.Contains(got, acctIP) {
		t.Errorf("the forum's actions show the registered account's address %s:\n%s", acctIP, got)
	}
	do(t, bctx, "the banned account's post", chromedp.Navigate(srv.URL+fmt.Sprintf("/item/forum:%d", spam.PID)), chromedp.WaitVisible(css("main")))
	got = text(t, bctx, "main")
	if strings.Contains(got, acctIP) {
		t.Errorf("the item page shows the registered account's address %s:\n%s", acctIP, got)
	}
	if !strings.Contains(got, "cheap pills online <https://cheap-pills-online.example/buy>") {
		t.Errorf("the post's Markdown is not shown as text with its link:\n%s", got)
	}
	do(t, bctx, "ip look-up", chromedp.Navigate(srv.URL+"/ip/"+acctIP), chromedp.WaitVisible(css("main")))
	if got := text(t, bctx, "main"); strings.Contains(got, "cheapdeals77") {
		t.Errorf("the address look-up ties %s to the registered account:\n%s", acctIP, got)
	}

	restore := func(site string, id int64, wantSaid string) {
		t.Helper()
		do(t, bctx, fmt.Sprintf("restore %s:%d", site, id),
			chromedp.Navigate(srv.URL+"/actions?site="+site),
			chromedp.Click(css(fmt.Sprintf("#restore-%s-%d", site, id))),
			chromedp.WaitVisible(css("#confirm")),
			chromedp.Click(css("#confirm")),
			chromedp.WaitVisible(css(".flash")),
		)
		if got := text(t, bctx, ".flash"); !strings.Contains(got, wantSaid) {
			t.Errorf("restore %s:%d says %q, want %q", site, id, got, wantSaid)
		}
	}
	restore("wiki", wikiRev, "Restored the edit")
	restore("forum", guest.PID, "Restored post")
	restore("forum", spam.PID, "Lifted the ban")
	if text, _ := wiki.PageText(ctx, "Aardvark"); !strings.Contains(text, wikiProbe) {
		t.Errorf("the wiki edit is not back: %q", text)
	}
	if p, err := forum.Post(ctx, guest.PID); err != nil || p.Deleted || p.TopicDeleted {
		t.Errorf("the guest's post is not restored: %+v %v", p, err)
	}
	if banned, _, err := forum.Banned(ctx, acct.UID); err != nil || banned {
		t.Errorf("the account is still banned after the restore: %v %v", banned, err)
	}
	if bl, err := forum.Blacklist(ctx); err != nil || strings.Contains(bl, acctIP) {
		t.Errorf("the bot's blacklist line of the account's address stays: %q %v", bl, err)
	}

	// The forum's administrator logs in with the forum account and
	// reviews the forum only.
	jar, _ := cookiejar.New(nil)
	hc := &http.Client{Jar: jar, Timeout: 30 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := hc.PostForm(srv.URL+"/login", url.Values{"username": {forum.AdminUser}, "password": {forum.AdminPassword}, "site": {"forum"}})
	if err != nil || resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("forum administrator's login: %v %v", resp.StatusCode, err)
	}
	resp.Body.Close()
	for path, want := range map[string]int{"/api/actions?site=forum": 200, "/api/actions?site=wiki": 403, fmt.Sprintf("/api/item/wiki:%d", wikiRev): 403} {
		resp, err := hc.Get(srv.URL + path)
		if err != nil || resp.StatusCode != want {
			t.Errorf("GET %s as the forum's administrator: %v %v, want %d", path, resp.StatusCode, err, want)
		}
		if err == nil {
			resp.Body.Close()
		}
	}
	resp, err = hc.PostForm(srv.URL+"/login", url.Values{"username": {forum.AdminUser}, "password": {"wrong-password-1"}, "site": {"forum"}})
	if err != nil || resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("forum login with a wrong password: %v %v, want 401", resp.StatusCode, err)
	}
}
