package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/internal/faultproxy"
)

// A real `wikiwarden patrol --once` killed with SIGKILL at random moments,
// again and again while the botnet keeps probing, then run to completion:
// every probe is reverted exactly once. A kill loses at most the chunk in flight (one store transaction per
// chunk); the next process finds its reverts on the wiki and records them
// as already reverted.
func TestKillLoopEveryProbeRevertedOnce(t *testing.T) {
	t.Parallel()
	w, cfg, env := wikiConfig(t, "patrol:\n  lookback: 1h\n")
	ctx := context.Background()
	const first, each, kills = 12, 3, 10
	const n = first + each*(3*kills+1) // enough for every run there may be
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	titles := make([]string, n)
	tokens := make([]string, n)
	const consonants = "bcdfghjklmnpqrstvwxz"
	for i := range n {
		titles[i] = fmt.Sprintf("Kill %d", i)
		tok := make([]byte, 10)
		for j := range tok {
			tok[j] = consonants[rng.IntN(len(consonants))]
		}
		tokens[i] = string(tok)
	}
	probed := 0
	probe := func(m int) {
		for ; m > 0; m-- {
			i := probed
			probed++
			if _, err := w.AdminEdit(ctx, titles[i], riverPage, "seed"); err != nil {
				t.Fatal(err)
			}
			if _, err := w.AnonEdit(ctx, fmt.Sprintf("192.0.%d.%d", 2+i%3, 100+i), titles[i], riverProbe(tokens[i]), ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	probe(first)
	reverted := func() int { return revertedProbes(ctx, w, titles[:probed], tokens) }

	// Kill moments are drawn below maxDelay, which adapts to how long a
	// pass takes on this machine: halved when a run finishes before its
	// kill, grown a little after a kill. Runs go on until kills runs were
	// killed mid-pass (or three times as many runs, to bound the test).
	killed, runs := 0, 0
	maxDelay := 1500 * time.Millisecond
	for ; killed < kills && runs < 3*kills; runs++ {
		if runs > 0 {
			probe(each)
		}
		cmd := patrolProcess(cfg, env)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		after := 50*time.Millisecond + time.Duration(rng.Int64N(int64(maxDelay)))
		select {
		case err := <-done:
			t.Logf("run %d finished before its kill at %v: %v", runs+1, after, err)
			maxDelay = max(100*time.Millisecond, maxDelay/2)
		case <-time.After(after):
			cmd.Process.Kill() // SIGKILL
			<-done
			killed++
			maxDelay = min(3*time.Second, maxDelay*5/4)
			t.Logf("run %d killed after %v, %d of %d probes reverted", runs+1, after, reverted(), probed)
		}
	}
	if killed < kills {
		t.Errorf("only %d of %d runs were killed mid-pass", killed, runs)
	}

	probe(each)
	code, stdout, stderr := runCmd(ctx, env, "patrol", "--config", cfg, "--once")
	if code != 0 {
		t.Fatalf("pass after the kills: exit %d: %s%s", code, stdout, stderr)
	}
	t.Logf("final pass: %s", strings.TrimSpace(stdout))
	if got := reverted(); got != probed {
		t.Errorf("%d of %d probes reverted; want all", got, probed)
	}
	revertedOnce(t, ctx, w, titles[:probed])
}

// A pass that leaves a decided action undone (the wiki fails every write to
// the page) exits 1, so cron notices, and its summary counts it as pending.
func TestPatrolOnceExitsNonZeroWithActionsUndone(t *testing.T) {
	t.Parallel()
	w, _, env := wikiConfig(t, "")
	ctx := context.Background()
	p, err := faultproxy.Start(w.API, faultproxy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	cfg := writeConfig(t, fmt.Sprintf("wiki:\n  api: %s\n  username: %s\n  contact: User:Admin\npatrol:\n  lookback: 1h\nstore:\n  path: %s\n",
		p.API, w.BotUser, filepath.Join(t.TempDir(), "ww.db")))
	if _, err := w.AnonEdit(ctx, "192.0.2.7", "Aardvark", "The aardvark is a burrowing mammal native to Africa. xqzkvbwplt It eats ants and termites.", ""); err != nil {
		t.Fatal(err)
	}
	p.Add(faultproxy.Rule{Match: faultproxy.WriteTo("Aardvark"), Fault: faultproxy.Status500})
	code, stdout, stderr := runCmd(ctx, env, "patrol", "--config", cfg, "--once")
	if code != 1 || !strings.Contains(stdout, "1 pending, 0 set aside") || !strings.Contains(stderr, "decided actions left undone") {
		t.Errorf("patrol with a failing write: exit %d, stdout %q, stderr %q; want exit 1 and the pending action counted", code, stdout, stderr)
	}
}
