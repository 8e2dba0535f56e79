package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/internal/testwiki"
	"github.com/wikiwarden/wikiwarden/lexicon"
	"github.com/wikiwarden/wikiwarden/store"
)

// runCmd runs the command line as main would and returns its exit status
// and output.
func runCmd(ctx context.Context, env map[string]string, args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	err := run(ctx, args, testGetenv(env), &stdout, &stderr)
	code := exitCode(err, &stderr)
	return code, stdout.String(), stderr.String()
}

// testGetenv is the environment of a test's command: env, and the real
// one's cache directory, so that the dictionaries every judging command
// compiles before its first pass are compiled once a machine and not once
// a test (a minute each).
func testGetenv(env map[string]string) func(string) string {
	return func(k string) string {
		if v, ok := env[k]; ok {
			return v
		}
		if k == "XDG_CACHE_HOME" || k == "HOME" {
			return os.Getenv(k)
		}
		return ""
	}
}

func writeConfig(t testing.TB, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "wikiwarden.yaml")
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestUsageAndConfigErrorsExit2(t *testing.T) {
	ctx := context.Background()
	bad := writeConfig(t, "wiki:\n  api: http://127.0.0.1:1/api.php\n  username: W@p\n  shedule: x\nstore:\n  path: ww.db\n")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no command", nil, "usage: wikiwarden"},
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"patrol without --once", []string{"patrol", "--config", bad}, "patrol needs --once"},
		{"missing config", []string{"check", "--config", filepath.Join(t.TempDir(), "nope.yaml")}, "config file not found"},
		{"unknown key", []string{"patrol", "--once", "--config", bad}, "wiki.shedule: unknown key"},
		{"eval without corpus", []string{"eval"}, "eval needs --corpus"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCmd(ctx, nil, tt.args...)
			if code != 2 || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, stderr, tt.want)
			}
		})
	}
}

// wikiConfig starts a test wiki with the shutoff page set and returns a
// config file for it and the environment holding the password.
func wikiConfig(t testing.TB, extra string) (*testwiki.Wiki, string, map[string]string) {
	t.Helper()
	w := testwiki.Start(t)
	ctx := context.Background()
	if _, err := w.AdminEdit(ctx, "User:Warden/Run", "true", "let the bot run"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.AdminEdit(ctx, "Aardvark", "The aardvark is a burrowing mammal native to Africa. It eats ants and termites.", "seed"); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "wikiwarden.db")
	cfg := writeConfig(t, fmt.Sprintf("wiki:\n  api: %s\n  username: %s\n  contact: User:Admin\nstore:\n  path: %s\n%s", w.API, w.BotUser, db, extra))
	return w, cfg, map[string]string{"WIKIWARDEN_PASSWORD": w.BotPassword}
}

func TestCheckReportsRights(t *testing.T) {
	_, cfg, env := wikiConfig(t, "")
	code, stdout, stderr := runCmd(context.Background(), env, "check", "--config", cfg)
	if code != 0 {
		t.Fatalf("check exit %d: %s%s", code, stdout, stderr)
	}
	for _, want := range []string{"logged in to", "as Warden", "shutoff page: writes allowed", "content language en; reads words of: ", "; reads by letters: ", " languages compiled in "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("check output lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout+stderr, env["WIKIWARDEN_PASSWORD"]) {
		t.Error("check printed the password")
	}

	code, _, stderr = runCmd(context.Background(), map[string]string{"WIKIWARDEN_PASSWORD": "wrong"}, "check", "--config", cfg)
	if code != 1 || !strings.Contains(stderr, "log in") {
		t.Errorf("wrong password: exit %d, stderr %q; want exit 1 and a login error", code, stderr)
	}
}

func TestPatrolOnceAndStoreLock(t *testing.T) {
	w, cfg, env := wikiConfig(t, "patrol:\n  lookback: 1h\n")
	ctx := context.Background()
	if _, err := w.AnonEdit(ctx, "192.0.2.5", "Aardvark", "The aardvark is a burrowing mammal native to Africa. xqzkvbwplt It eats ants and termites.", ""); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd(ctx, env, "patrol", "--config", cfg, "--once")
	if code != 0 || !strings.Contains(stdout, "1 reverted") {
		t.Fatalf("patrol exit %d, stdout %q, stderr %q; want one revert", code, stdout, stderr)
	}
	if text, _ := w.PageText(ctx, "Aardvark"); strings.Contains(text, "xqzkvbwplt") {
		t.Error("probe still on the page after patrol --once")
	}

	// A second wikiwarden on the same store fails fast with a clear message.
	st, err := store.Open(storePath(t, cfg), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	start := time.Now()
	code, _, stderr = runCmd(ctx, env, "patrol", "--config", cfg, "--once")
	if code != 1 || !strings.Contains(stderr, "another wikiwarden") {
		t.Errorf("locked store: exit %d, stderr %q; want exit 1 naming another wikiwarden", code, stderr)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("locked store: gave up after %v; want it to fail fast", d)
	}
}

func storePath(t *testing.T, cfgPath string) string {
	t.Helper()
	b, err := os.ReadFile(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if p, ok := strings.CutPrefix(strings.TrimSpace(line), "path: "); ok {
			return p
		}
	}
	t.Fatal("no store.path in config")
	return ""
}

func TestRunServiceRevertsAndStopsCleanly(t *testing.T) {
	w, cfg, env := wikiConfig(t, "patrol:\n  schedule: \"@every 1s\"\n  lookback: 1h\n")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	var stderr bytes.Buffer
	go func() {
		var stdout bytes.Buffer
		err := run(ctx, []string{"run", "--config", cfg}, testGetenv(env), &stdout, &stderr)
		done <- exitCode(err, &stdout)
	}()
	if _, err := w.AnonEdit(ctx, "192.0.2.6", "Aardvark", "The aardvark is a burrowing mammal native to Africa. It eats ants and termites. kzqvxbwtrp", ""); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		text, err := w.PageText(context.Background(), "Aardvark")
		if err == nil && !strings.Contains(text, "kzqvxbwtrp") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the service did not revert the probe within 60s")
		}
		time.Sleep(200 * time.Millisecond)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("run exit %d after SIGTERM-like cancel; want 0", code)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("run did not stop within 30s of cancellation")
	}
	// The store was closed: it opens again at once.
	st, err := store.Open(storePath(t, cfg), store.Options{})
	if err != nil {
		t.Fatalf("store after shutdown: %v", err)
	}
	st.Close()
	if !strings.Contains(stderr.String(), `"msg":"service stopped"`) {
		t.Errorf("service log is not JSON or lacks the stop line:\n%s", stderr.String())
	}
}

// TestMain lets a test run this test binary as the wikiwarden command (with
// WIKIWARDEN_TEST_MAIN=1), so a test can kill a real process mid-pass.
func TestMain(m *testing.M) {
	if os.Getenv("WIKIWARDEN_TEST_MAIN") == "1" {
		main()
	}
	// The commands compile every dictionary the cache lacks before their
	// first pass: a minute or two of CPU on a fresh machine, or after the
	// index format changed. Do it once here, so that it runs inside no
	// test's deadline and not in several processes at once.
	if dir := lexicon.DefaultCacheDir(os.Getenv); dir != "" {
		d := &dictionaries{cacheDir: dir}
		if _, err := d.prepare(context.Background(), nil); err != nil {
			fmt.Fprintln(os.Stderr, "compiling the dictionaries:", err)
			os.Exit(1)
		}
	}
	os.Exit(m.Run())
}

// patrolProcess is "wikiwarden patrol --once --config cfg" as a process of
// its own (TestMain runs main in it), for a test to kill.
func patrolProcess(cfg string, env map[string]string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "patrol", "--config", cfg, "--once")
	cmd.Env = append(os.Environ(), "WIKIWARDEN_TEST_MAIN=1", "WIKIWARDEN_PASSWORD="+env["WIKIWARDEN_PASSWORD"])
	return cmd
}

// The page the kill tests probe: two sentences, and a token between them.
const riverPage = "The river flows through the valley. Farmers grow wheat and barley there."

func riverProbe(token string) string {
	return "The river flows through the valley. " + token + " Farmers grow wheat and barley there."
}

// revertedProbes counts the pages of titles whose token of tokens (by
// index) is gone.
func revertedProbes(ctx context.Context, w *testwiki.Wiki, titles, tokens []string) int {
	k := 0
	for i, title := range titles {
		if text, err := w.PageText(ctx, title); err == nil && !strings.Contains(text, tokens[i]) {
			k++
		}
	}
	return k
}

func TestKilledProcessResumesWithoutSkipOrDoubleRevert(t *testing.T) {
	w, cfg, env := wikiConfig(t, "patrol:\n  lookback: 1h\n")
	ctx := context.Background()
	const n = 12
	titles := make([]string, n)
	tokens := make([]string, n)
	for i := range n {
		titles[i] = fmt.Sprintf("Page %d", i)
		tokens[i] = "zq" + strings.Repeat(string(rune('a'+i)), 1) + "xkvbwplt"
		if _, err := w.AdminEdit(ctx, titles[i], riverPage, "seed"); err != nil {
			t.Fatal(err)
		}
	}
	for i := range n {
		if _, err := w.AnonEdit(ctx, fmt.Sprintf("192.0.2.%d", 100+i), titles[i], riverProbe(tokens[i]), ""); err != nil {
			t.Fatal(err)
		}
	}
	reverted := func() int { return revertedProbes(ctx, w, titles, tokens) }

	// Start a pass and kill -9 it once it has reverted some probes.
	cmd := patrolProcess(cfg, env)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for reverted() < 3 {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the pass reverted fewer than 3 probes in 60s")
		}
		time.Sleep(50 * time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()
	killedAt := reverted()
	t.Logf("killed after %d of %d reverts", killedAt, n)
	if killedAt >= n {
		t.Fatalf("the pass finished all %d reverts before the kill; the restart would test nothing", n)
	}

	code, stdout, stderr := runCmd(ctx, env, "patrol", "--config", cfg, "--once")
	if code != 0 {
		t.Fatalf("pass after the kill: exit %d: %s%s", code, stdout, stderr)
	}
	if got := reverted(); got != n {
		t.Errorf("after restart %d of %d probes reverted; want all", got, n)
	}
	revertedOnce(t, ctx, w, titles)
}

func TestCheckReportsMissingRights(t *testing.T) {
	w, _, _ := wikiConfig(t, "")
	// A second bot password for the same account, with editing grants only.
	const pw = "limitedlimitedlimitedlimited0123"
	out, err := exec.Command("php", filepath.Join(testwiki.MediaWikiDir, "maintenance", "createBotPassword.php"),
		"--conf", filepath.Join(w.Dir, "LocalSettings.php"),
		"--appid", "limited", "--grants", "basic,editpage", "Warden", pw).CombinedOutput()
	if err != nil {
		t.Fatalf("createBotPassword.php: %v: %s", err, out)
	}
	cfg := writeConfig(t, fmt.Sprintf("wiki:\n  api: %s\n  username: Warden@limited\nstore:\n  path: %s\n", w.API, filepath.Join(t.TempDir(), "ww.db")))
	code, stdout, stderr := runCmd(context.Background(), map[string]string{"WIKIWARDEN_PASSWORD": pw}, "check", "--config", cfg)
	if code != 0 {
		t.Fatalf("check exit %d: %s%s", code, stdout, stderr)
	}
	for _, right := range []string{"rollback", "block", "protect"} {
		if !strings.Contains(stdout, fmt.Sprintf("missing right %q", right)) {
			t.Errorf("check does not report the missing %q right:\n%s", right, stdout)
		}
	}
	if strings.Contains(stdout, "has every right") {
		t.Errorf("check claims every right:\n%s", stdout)
	}
}

// revertedOnce asserts that the bot made exactly one revision on each page:
// its one revert, however often a killed pass was run again.
func revertedOnce(t *testing.T, ctx context.Context, w *testwiki.Wiki, titles []string) {
	t.Helper()
	for _, title := range titles {
		bot, err := w.BotRevisions(ctx, title)
		if err != nil {
			t.Fatal(err)
		}
		if bot != 1 {
			t.Errorf("%s: %d bot revisions, want exactly 1", title, bot)
		}
	}
}
