package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
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
		done <- run(ctx, []string{"run", "--config", cfg}, func(k string) string { return env[k] }, &stdout, &stderr)
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
