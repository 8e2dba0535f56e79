package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/moderation"
	"github.com/wikiwarden/wikiwarden/mwsite"
	"github.com/wikiwarden/wikiwarden/store"
)

// syncBuffer is a bytes.Buffer safe to write from the service's goroutines
// while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	c := &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestRunServesConsole checks that "wikiwarden run" serves the console and
// a separate /metrics next to its schedule, reports passes to both, and
// shuts them down when stopped.
func TestRunServesConsole(t *testing.T) {
	_, cfg, env := wikiConfig(t, "patrol:\n  schedule: \"@every 1s\"\n  lookback: 1h\nreview:\n  listen: 127.0.0.1:0\nmetrics:\n  listen: 127.0.0.1:0\n")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"run", "--config", cfg}, testGetenv(env), &stdout, &stderr)
	}()

	addr := regexp.MustCompile(`(review console|metrics) listening on (http://\S+)`)
	urls := map[string]string{}
	deadline := time.Now().Add(30 * time.Second)
	for len(urls) < 2 {
		for _, m := range addr.FindAllStringSubmatch(stdout.String(), -1) {
			urls[m[1]] = m[2]
		}
		select {
		case err := <-done:
			t.Fatalf("run returned early: %v\n%s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no listen lines in stdout %q, stderr %q", stdout.String(), stderr.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	console, metrics := urls["review console"], urls["metrics"]
	if code, _ := get(t, console+"/api/queue"); code != http.StatusUnauthorized {
		t.Errorf("console /api/queue without session = %d, want 401", code)
	}
	if code, _ := get(t, console+"/metrics"); code != http.StatusNotFound {
		t.Errorf("console /metrics with metrics.listen set = %d, want 404", code)
	}
	for {
		code, body := get(t, console+"/healthz")
		if code == 200 && strings.Contains(body, `"last_pass"`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("healthz never reported a pass: %d %s", code, body)
		}
		time.Sleep(200 * time.Millisecond)
	}
	code, body := get(t, metrics+"/metrics")
	for _, want := range []string{"wikiwarden_passes_total{result=\"ok\"}", "wikiwarden_wiki_requests_total", "wikiwarden_pass_duration_seconds_bucket", "go_goroutines"} {
		if code != 200 || !strings.Contains(body, want) {
			t.Errorf("metrics lack %q (%d)", want, code)
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("run did not stop")
	}
	c := &http.Client{Timeout: 2 * time.Second}
	if _, err := c.Get(console + "/healthz"); err == nil {
		t.Error("the console still answers after run returned")
	}
	if strings.Contains(stdout.String()+stderr.String(), env["WIKIWARDEN_PASSWORD"]) {
		t.Error("the bot password is in the output")
	}
}

// TestRestoreNeverOverLaterEditor drives the console's Moderation on a real
// wiki: a restore is refused when someone edited after the bot's revert,
// and when the bot's latest revert on the page is of a later edit by the
// same editor. (The browser test covers a restore that goes through.)
func TestRestoreNeverOverLaterEditor(t *testing.T) {
	w, cfgPath, env := wikiConfig(t, "patrol:\n  lookback: 1h\n  revert_cooldown: 0\n  trusted_groups: [sysop, bot]\n")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var logs syncBuffer
	a, err := setup(ctx, cfgPath, testGetenv(env), &logs, true, true)
	if err != nil {
		t.Fatal(err)
	}
	defer a.close()
	p, err := a.patroller(false)
	if err != nil {
		t.Fatal(err)
	}
	c, err := newConsole(a)
	if err != nil {
		t.Fatal(err)
	}
	mod := mwsite.NewModerator(a.wiki, a.store.Site(a.sites[0].cfg.Name), mwsite.ModeratorOptions{Account: a.cfg.Account(), SummaryPrefix: "wikiwarden:"})
	pass := func() {
		t.Helper()
		if err := observedPass(ctx, a.sites[0].cfg.Name, p, a.store.Site(a.sites[0].cfg.Name), c, a.log); err != nil {
			t.Fatal(err)
		}
	}
	const ip = "192.0.2.61"
	base := "The aardvark is a burrowing mammal native to Africa. It eats ants and termites."
	first, err := w.AnonEdit(ctx, ip, "Aardvark", base+" kzqvxbwtrp", "")
	if err != nil {
		t.Fatal(err)
	}
	pass()
	// Wiki timestamps have whole seconds; the bot counts an edit in its
	// revert's second as after it, even without a cooldown.
	time.Sleep(1100 * time.Millisecond)
	second, err := w.AnonEdit(ctx, ip, "Aardvark", base+" See [http://pills-cheap-now.example/buy cheap pills].", "")
	if err != nil {
		t.Fatal(err)
	}
	pass()
	recFirst, _ := a.store.Record(ctx, first)
	recSecond, _ := a.store.Record(ctx, second)
	if !acted(recFirst) || !acted(recSecond) {
		t.Fatalf("records: %+v / %+v; want both reverted", recFirst, recSecond)
	}
	if _, err := mod.Restore(ctx, recFirst, "Admin"); !errors.Is(err, moderation.ErrLaterEditor) {
		t.Errorf("restore of the first edit after the bot reverted a later one: %v, want ErrLaterEditor", err)
	}
	if _, err := w.AdminEdit(ctx, "Aardvark", base+" An admin's addition.", "admin"); err != nil {
		t.Fatal(err)
	}
	if _, err := mod.Restore(ctx, recSecond, "Admin"); !errors.Is(err, moderation.ErrLaterEditor) {
		t.Errorf("restore over an admin's edit: %v, want ErrLaterEditor", err)
	}
	if text, _ := w.PageText(ctx, "Aardvark"); !strings.Contains(text, "An admin's addition.") || strings.Contains(text, "pills") {
		t.Errorf("page changed by a refused restore: %q", text)
	}
}

// acted reports whether the bot reverted the record's edit.
func acted(r store.Record) bool {
	return r.Action == decision.ActionRevert || r.Action == decision.ActionRevertBlock
}
