package main

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/internal/testcorpus"
)

// BenchmarkContinuous runs the service (`wikiwarden run` with
// patrol.schedule "@every 1s", the real command built afresh) against a real wiki seeded
// with 20 articles, the demo's size, and sends it 50 probes one at a time,
// each after a random pause so that it lands anywhere in the schedule's
// second. It reports the edit→revert latency (from the probe's save to the
// bot's revert being visible, polled every 25 ms) at p50 and p95, goal
// p50 ≤ 1 s and p95 ≤ 2 s, and the service's largest resident memory
// (VmRSS from /proc, goal ≤ 50 MB). Run it with -benchtime=1x (make
// bench-wiki).
func BenchmarkContinuous(b *testing.B) {
	const probes = 50
	var lat []time.Duration
	var rss atomic.Int64
	// The real command, not this test binary: its memory is the service's.
	bin := filepath.Join(b.TempDir(), "wikiwarden")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v: %s", err, out)
	}
	for b.Loop() {
		b.StopTimer()
		ctx := context.Background()
		w, cfg, env := wikiConfig(b, "patrol:\n  schedule: \"@every 1s\"\n  lookback: 1h\nreview:\n  listen: \"\"\n")
		files, _ := filepath.Glob(filepath.Join(testcorpus.Require(b, testcorpus.WikitextDir), "a[a-l]*.txt"))
		files = slices.DeleteFunc(files, func(f string) bool { return strings.Contains(f, "disambiguation") })
		var titles []string
		for _, f := range files[:min(20, len(files))] {
			text, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			title := strings.TrimSuffix(filepath.Base(f), ".txt")
			if _, err := w.AdminEdit(ctx, title, string(text), "seed"); err != nil {
				b.Fatal(err)
			}
			titles = append(titles, title)
		}
		logf, err := os.Create(filepath.Join(b.TempDir(), "service.log"))
		if err != nil {
			b.Fatal(err)
		}
		cmd := exec.Command(bin, "run", "--config", cfg)
		cmd.Stderr, cmd.Stdout = logf, logf
		cmd.Env = append(os.Environ(), "WIKIWARDEN_PASSWORD="+env["WIKIWARDEN_PASSWORD"])
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		stop := make(chan struct{})
		sampled := make(chan struct{})
		go func() {
			defer close(sampled)
			t := time.NewTicker(100 * time.Millisecond)
			defer t.Stop()
			for {
				if kb := vmRSS(cmd.Process.Pid); kb > rss.Load() {
					rss.Store(kb)
				}
				select {
				case <-stop:
					return
				case <-t.C:
				}
			}
		}()
		// Let it start: log in, learn the model, read the seeds.
		time.Sleep(5 * time.Second)
		rng := rand.New(rand.NewPCG(1, 2))
		b.StartTimer()
		for i := range probes {
			time.Sleep(time.Duration(rng.IntN(1000)) * time.Millisecond)
			title := titles[i%len(titles)]
			text, err := w.PageText(ctx, title)
			if err != nil {
				b.Fatal(err)
			}
			tok := make([]byte, 10)
			for j := range tok {
				tok[j] = "bcdfghjklmnpqrstvwxz"[rng.IntN(20)]
			}
			// On a line of its own, as the campaign's bulk probes: the
			// latency, not the detector, is measured here.
			probed := text + "\n\n" + string(tok)
			if _, err := w.AnonEdit(ctx, fmt.Sprintf("198.18.%d.%d", i%200, 1+i), title, probed, ""); err != nil {
				b.Fatal(err)
			}
			saved := time.Now()
			for {
				text, err := w.PageText(ctx, title)
				if err == nil && !strings.Contains(text, string(tok)) {
					lat = append(lat, time.Since(saved))
					break
				}
				if time.Since(saved) > 30*time.Second {
					out, _ := os.ReadFile(logf.Name())
					cmd.Process.Kill()
					os.WriteFile(filepath.Join(os.TempDir(), "wikiwarden-continuous.log"), out, 0o644)
					b.Fatalf("probe %d on %s (%s) not reverted in 30s; service log in %s", i, title, tok, filepath.Join(os.TempDir(), "wikiwarden-continuous.log"))
				}
				time.Sleep(25 * time.Millisecond)
			}
		}
		b.StopTimer()
		close(stop)
		<-sampled
		if keep := os.Getenv("BENCH_SERVICE_LOG"); keep != "" {
			smaps, _ := os.ReadFile(fmt.Sprintf("/proc/%d/smaps_rollup", cmd.Process.Pid))
			fmt.Fprintf(logf, "%s\n", smaps)
			out, _ := os.ReadFile(logf.Name())
			os.WriteFile(keep, out, 0o644)
		}
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
		b.StartTimer()
	}
	slices.Sort(lat)
	q := func(f float64) float64 { return lat[int(f*float64(len(lat)-1))].Seconds() }
	b.Logf("edit→revert over %d probes: min %v, p50 %v, p95 %v, max %v; VmRSS max %d kB",
		len(lat), lat[0].Round(time.Millisecond), time.Duration(q(0.5)*1e9).Round(time.Millisecond),
		time.Duration(q(0.95)*1e9).Round(time.Millisecond), lat[len(lat)-1].Round(time.Millisecond), rss.Load())
	b.ReportMetric(q(0.5), "p50_s")
	b.ReportMetric(q(0.95), "p95_s")
	b.ReportMetric(float64(rss.Load())/1024, "rss_max_MB")
}

// vmRSS reads a process's resident memory in kB; 0 if it cannot.
func vmRSS(pid int) int64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	return 0
}
