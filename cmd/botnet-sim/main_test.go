package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/internal/testcorpus"
	"github.com/wikiwarden/wikiwarden/internal/testwiki"
)

func TestUsage(t *testing.T) {
	env := filepath.Join(t.TempDir(), "env")
	if err := os.WriteFile(env, []byte("WIKI_API=http://127.0.0.1:1/api.php\nWIKI_ADMIN=Admin\nWIKI_ADMIN_PASSWORD=x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--phase", "seed"}, "--env is required"},
		{[]string{"--env", env}, "--phase is required"},
		{[]string{"--env", env, "--phase", "probe"}, "run --phase seed first"},
		{[]string{"--env", env, "--phase", "bulk", "--n", "0"}, "--n must be at least 1"},
		{[]string{"--env", filepath.Join(t.TempDir(), "none"), "--phase", "seed"}, "read env file"},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		err := run(context.Background(), tt.args, &out, &out)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("run %q: err = %v, want it to mention %q", tt.args, err, tt.want)
		}
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"--env", env, "--phase", "probe"}, &out, &out); exitCode(err, &out) != 1 {
		t.Errorf("missing state: exit %d, want 1", exitCode(err, &out))
	}
	if err := run(context.Background(), []string{"--phase", "seed"}, &out, &out); exitCode(err, &out) != 2 {
		t.Errorf("missing --env: exit %d, want 2", exitCode(err, &out))
	}
}

// TestPhasesWithoutBot runs the demo's phases with no bot in between: the
// report must list every edit as left alone and fail, because the probes
// and the spam are still on the wiki.
func TestPhasesWithoutBot(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a MediaWiki")
	}
	w := testwiki.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	env := filepath.Join(w.Dir, "env")
	corpus := testcorpus.Require(t, testcorpus.WikitextDir)
	for _, ph := range []string{"seed", "probe", "return"} {
		var out bytes.Buffer
		if err := run(ctx, []string{"--env", env, "--phase", ph, "--corpus", corpus}, &out, &out); err != nil {
			t.Fatalf("phase %s: %v\n%s", ph, err, out.String())
		}
		t.Logf("phase %s:\n%s", ph, out.String())
	}
	var out bytes.Buffer
	err := run(ctx, []string{"--env", env, "--phase", "report"}, &out, &out)
	if err == nil || !strings.Contains(err.Error(), "20 of 32 edits not handled as expected") {
		t.Errorf("report: err = %v", err)
	}
	report := out.String()
	t.Logf("report:\n%s", report)
	if n := strings.Count(report, "left alone"); n != 33 { // 32 rows and the tally
		t.Errorf("report says \"left alone\" %d times, want 33", n)
	}
	if !strings.Contains(report, "probes reverted 0/14, spam reverted 0/6, good-faith left alone 12/12, ranges blocked: none") {
		t.Error("report lacks the tally line")
	}

	out.Reset()
	if err := run(ctx, []string{"--env", env, "--phase", "bulk", "--n", "20"}, &out, &out); err != nil {
		t.Fatalf("bulk: %v\n%s", err, out.String())
	}
	if !strings.HasPrefix(out.String(), "bulk: 20 edits (2 probes) from 20 IPs") {
		t.Errorf("bulk said %q", out.String())
	}
}

func TestClip(t *testing.T) {
	if got := clip("a\nb", 10); got != "a b" {
		t.Errorf("clip kept a newline: %q", got)
	}
	if got := clip("ünïcödé text", 5); got != "ünïc…" {
		t.Errorf("clip = %q", got)
	}
}
