package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/internal/forumcampaign"
	"github.com/wikiwarden/wikiwarden/internal/testforum"
	"github.com/wikiwarden/wikiwarden/internal/testwiki"
)

const aardvark = "The aardvark is a burrowing mammal native to Africa. It eats ants and termites."

// seedWiki lets the bot run on a test wiki and gives it an article.
func seedWiki(t *testing.T, w *testwiki.Wiki) {
	t.Helper()
	ctx := context.Background()
	if _, err := w.AdminEdit(ctx, "User:Warden/Run", "true", "let the bot run"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.AdminEdit(ctx, "Aardvark", aardvark, "seed"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.AdminEdit(ctx, "Albedo", albedo, "seed"); err != nil {
		t.Fatal(err)
	}
}

const albedo = "Albedo is the fraction of sunlight that a surface reflects. Fresh snow reflects most of it."

// TestOneMemoryWikiAndForum patrols a real MediaWiki and a real NodeBB with
// one "wikiwarden run": the forum's probes and spam are removed and their
// sources blacklisted or banned, its ordinary posts (one citing reputable
// sources) stay, and a range that probed only the wiki is blacklisted on
// the forum when it spams there.
func TestOneMemoryWikiAndForum(t *testing.T) {
	wiki := testwiki.Start(t)
	forum := testforum.Start(t)
	ctx := context.Background()
	seedWiki(t, wiki)
	wave := forumcampaign.New(forumcampaign.Options{Seed: 3, CrossIP: netip.MustParseAddr("192.0.2.200")})
	if _, err := wave.Run(ctx, forum, forumcampaign.PhaseSeed); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "wikiwarden.db")
	cfg := writeConfig(t, fmt.Sprintf(`sites:
  - {name: wiki, kind: mediawiki, api: %s, username: %s, password_env: WIKI_PASS}
  - {name: forum, kind: nodebb, url: %s, username: %s, password_env: FORUM_PASS, shutoff_page: "%d"}
patrol:
  schedule: "@every 1s"
  lookback: 1h
review:
  listen: 127.0.0.1:0
store:
  path: %s
`, wiki.API, wiki.BotUser, forum.URL, forum.BotUser, wave.SwitchTID, db))
	env := map[string]string{"WIKI_PASS": wiki.BotPassword, "FORUM_PASS": forum.BotPassword}

	code, stdout, stderr := runCmd(ctx, env, "check", "--config", cfg)
	if code != 0 || !strings.Contains(stdout, "wiki: shutoff page: writes allowed") ||
		!strings.Contains(stdout, fmt.Sprintf("forum: off switch: topic %d says true", wave.SwitchTID)) {
		t.Fatalf("check: exit %d\n%s%s", code, stdout, stderr)
	}

	// The botnet probes the wiki from 192.0.2.0/24 and the forum from
	// its own ranges.
	for ip, title := range map[string]string{"192.0.2.10": "Aardvark", "192.0.2.23": "Albedo"} {
		if _, err := wiki.AppendAnon(ctx, ip, title, " "+probeToken(ip), ""); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := wave.Run(ctx, forum, forumcampaign.PhaseProbe); err != nil {
		t.Fatal(err)
	}

	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan int, 1)
	var logs syncBuffer
	t.Cleanup(func() {
		if t.Failed() {
			var keep []string
			for _, line := range strings.Split(logs.String(), "\n") {
				if !strings.Contains(line, "read 0 edits") {
					keep = append(keep, line)
				}
			}
			t.Logf("service log, without the empty passes:\n%s", strings.Join(keep, "\n"))
		}
	})
	go func() {
		var out bytes.Buffer
		err := run(runCtx, []string{"run", "--config", cfg}, testGetenv(env), &out, &logs)
		done <- exitCode(err, &logs)
	}()
	start := time.Now()
	waitFor(t, "the wiki's and the forum's probes removed", func() bool {
		a, aerr := wiki.PageText(ctx, "Aardvark")
		b, berr := wiki.PageText(ctx, "Albedo")
		if aerr != nil || berr != nil || strings.Contains(a, probeToken("192.0.2.10")) || strings.Contains(b, probeToken("192.0.2.23")) {
			return false
		}
		outs, err := wave.Report(ctx, forum)
		tally := forumcampaign.Count(outs)
		return err == nil && tally.ProbesRemoved == tally.Probes
	})
	t.Logf("probes removed on both sites %v after the start", time.Since(start).Round(time.Millisecond))

	if _, err := wave.Run(ctx, forum, forumcampaign.PhaseReturn); err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	var outs []forumcampaign.Outcome
	waitFor(t, "the forum's spam removed and its sources blocked", func() bool {
		var err error
		outs, err = wave.Report(ctx, forum)
		tally := forumcampaign.Count(outs)
		return err == nil && tally.SpamRemoved == tally.Spam && strings.Contains(strings.Join(tally.Rules, " "), "192.0.2.0/24")
	})
	t.Logf("spam removed %v after the return", time.Since(start).Round(time.Millisecond))
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("run exit %d", code)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("run did not stop within 30s")
	}
	for _, o := range outs {
		if !o.Expected() {
			t.Errorf("%s %s post %d (%s, %s): %s, blocks %v, banned %v", o.Phase, o.Kind, o.PID, o.IP, o.What, o.Result(), o.Blocks, o.Banned)
		}
		if o.IP == "192.0.2.200" && !contains(o.Blocks, "192.0.2.0/24") {
			t.Errorf("the forum spam of the range that probed the wiki: blocks %v, want 192.0.2.0/24", o.Blocks)
		}
	}
	tally := forumcampaign.Count(outs)
	t.Log(tally)
	if len(tally.Banned) != 1 {
		t.Errorf("banned %v; want the botnet's account", tally.Banned)
	}
	if !strings.Contains(logs.String(), `"site":"forum"`) || !strings.Contains(logs.String(), `"site":"wiki"`) {
		t.Errorf("the service's log does not name the sites:\n%.3000s", logs.String())
	}
}

// TestTwoWikisOneProcess patrols two wikis with one "patrol --once" and
// reports one summary line for each; --site patrols one of them.
func TestTwoWikisOneProcess(t *testing.T) {
	a, b := testwiki.Start(t), testwiki.Start(t)
	ctx := context.Background()
	seedWiki(t, a)
	seedWiki(t, b)
	db := filepath.Join(t.TempDir(), "wikiwarden.db")
	cfg := writeConfig(t, fmt.Sprintf(`sites:
  - {name: alpha, kind: mediawiki, api: %s, username: %s}
  - {name: beta, kind: mediawiki, api: %s, username: %s}
patrol:
  lookback: 1h
store:
  path: %s
`, a.API, a.BotUser, b.API, b.BotUser, db))
	env := map[string]string{"WIKIWARDEN_PASSWORD_ALPHA": a.BotPassword, "WIKIWARDEN_PASSWORD_BETA": b.BotPassword}
	if _, err := a.AnonEdit(ctx, "192.0.2.5", "Aardvark", aardvark+" xqzkvbwplt", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := b.AnonEdit(ctx, "198.51.100.5", "Aardvark", aardvark+" mzqxkvwtbr", ""); err != nil {
		t.Fatal(err)
	}

	// --site beta patrols beta alone, with an unprefixed summary.
	code, stdout, stderr := runCmd(ctx, env, "patrol", "--config", cfg, "--once", "--site", "beta")
	if code != 0 || !strings.HasPrefix(stdout, "read ") || strings.Count(stdout, "\n") != 1 || !strings.Contains(stdout, "1 reverted") {
		t.Fatalf("patrol --site beta: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if text, _ := a.PageText(ctx, "Aardvark"); text == aardvark {
		t.Fatal("--site beta patrolled alpha too")
	}

	code, stdout, stderr = runCmd(ctx, env, "patrol", "--config", cfg, "--once")
	if code != 0 {
		t.Fatalf("patrol: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "alpha: read ") || !strings.Contains(lines[0], "1 reverted") ||
		!strings.HasPrefix(lines[1], "beta: read ") || !strings.Contains(lines[1], " 0 reverted") {
		t.Errorf("patrol of both: %q; want one line per site, alpha's probe reverted, beta's handled before", stdout)
	}
	for _, w := range []*testwiki.Wiki{a, b} {
		if text, _ := w.PageText(ctx, "Aardvark"); text != aardvark {
			t.Errorf("%s: page %q; want the probe reverted", w.API, text)
		}
	}

	code, _, stderr = runCmd(ctx, env, "patrol", "--config", cfg, "--once", "--site", "gamma")
	if code != 2 || !strings.Contains(stderr, `no such site; the config has alpha, beta`) {
		t.Errorf("--site gamma: exit %d, stderr %q; want a usage error naming the sites", code, stderr)
	}

	// A site that is down does not keep the others from their passes, and
	// fails the command.
	down := strings.Replace(string(mustRead(t, cfg)), b.API, "http://127.0.0.1:1/api.php", 1)
	if err := os.WriteFile(cfg, []byte(down), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := a.AnonEdit(ctx, "203.0.113.9", "Aardvark", aardvark+" vqkzxbwtlp", ""); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runCmd(ctx, env, "patrol", "--config", cfg, "--once")
	if code != 1 || !strings.HasPrefix(stdout, "alpha: read ") || !strings.Contains(stdout, "1 reverted") ||
		strings.Contains(stdout, "beta:") || !strings.Contains(stderr, "patrol beta: log in to http://127.0.0.1:1/api.php") {
		t.Errorf("beta down: exit %d, stdout %q, stderr %q; want alpha patrolled, exit 1 naming beta", code, stdout, stderr)
	}

	// A wrong password is no outage: nothing is patrolled, exit 1.
	env["WIKIWARDEN_PASSWORD_BETA"] = "wrong"
	if err := os.WriteFile(cfg, []byte(strings.Replace(down, "http://127.0.0.1:1/api.php", b.API, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runCmd(ctx, env, "patrol", "--config", cfg, "--once")
	if code != 1 || stdout != "" || !strings.Contains(stderr, "log in to "+b.API) {
		t.Errorf("wrong password for beta: exit %d, stderr %q; want exit 1 naming beta's login", code, stderr)
	}
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 90s", what)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// probeToken is a fixed random-letter token per address.
func probeToken(ip string) string {
	return map[string]string{"192.0.2.10": "xkqzvbwplt", "192.0.2.23": "qjxzvkwbrt"}[ip]
}

// TestForumOnly patrols a config whose one site is a forum: check, a
// patrol --once with its unprefixed summary, and a run that goes without
// the review console (it serves wikis) instead of failing.
func TestForumOnly(t *testing.T) {
	forum := testforum.Start(t)
	ctx := context.Background()
	wave := forumcampaign.New(forumcampaign.Options{Seed: 5})
	for _, ph := range []forumcampaign.Phase{forumcampaign.PhaseSeed, forumcampaign.PhaseProbe} {
		if _, err := wave.Run(ctx, forum, ph); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "forum.pass"), []byte(forum.BotPassword+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "wikiwarden.yaml")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf(`sites:
  - {name: forum, kind: nodebb, url: %s, username: %s, password_file: forum.pass}
patrol:
  lookback: 1h
  schedule: "@every 1s"
store:
  path: ww.db
`, forum.URL, forum.BotUser)), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd(ctx, nil, "check", "--config", cfg)
	if code != 0 || !strings.Contains(stdout, "logged in to "+forum.URL+" as patrolbot") ||
		!strings.Contains(stdout, "off switch: none set") || strings.Contains(stdout, "forum: ") {
		t.Fatalf("check: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = runCmd(ctx, nil, "patrol", "--config", cfg, "--once")
	if code != 0 || !strings.HasPrefix(stdout, "read ") || !strings.Contains(stdout, "5 reverted") {
		t.Fatalf("patrol: exit %d, stdout %q, stderr %q; want the 5 probes removed", code, stdout, stderr)
	}

	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan int, 1)
	var logs syncBuffer
	go func() {
		err := run(runCtx, []string{"run", "--config", cfg}, testGetenv(nil), io.Discard, &logs)
		done <- exitCode(err, &logs)
	}()
	waitFor(t, "a pass of the service", func() bool { return strings.Contains(logs.String(), `"job":"patrol"`) })
	cancel()
	if code := <-done; code != 0 || !strings.Contains(logs.String(), "review console and metrics off") {
		t.Errorf("run: exit %d; want 0 and a warning that the console is off\n%s", code, logs.String())
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
