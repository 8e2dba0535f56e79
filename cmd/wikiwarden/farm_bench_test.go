package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/config"
	"github.com/wikiwarden/wikiwarden/internal/forumcampaign"
	"github.com/wikiwarden/wikiwarden/internal/testforum"
	"github.com/wikiwarden/wikiwarden/internal/testwiki"
	"github.com/wikiwarden/wikiwarden/store"
)

// BenchmarkFarmWikis runs one `wikiwarden run` (the real command, built
// afresh) over BENCH_WIKIS (20) throwaway MediaWikis and one NodeBB forum
// (BENCH_FORUM=0 leaves it out), every site on "@every BENCH_PERIOD"
// (10s), farm.workers at its default. Once every site has had its first
// pass it measures, over three idle periods, the API requests per wiki per
// pass (idle_requests/pass, from the wikis' access logs; the forum's
// through a counting proxy) and the CPU per site per pass (from /proc); then it probes every wiki (and the forum) at
// once and waits until every probe is reverted: revert_max_s is the
// slowest, to be within one period. rss_max_MB is the service's largest
// resident memory. Run it with -benchtime=1x (make bench-farm).
func BenchmarkFarmWikis(b *testing.B) {
	nWikis := 20
	if v, err := strconv.Atoi(os.Getenv("BENCH_WIKIS")); err == nil {
		nWikis = v
	}
	period := 10 * time.Second
	if v, err := time.ParseDuration(os.Getenv("BENCH_PERIOD")); err == nil {
		period = v
	}
	withForum := os.Getenv("BENCH_FORUM") != "0"
	bin := filepath.Join(b.TempDir(), "wikiwarden")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v: %s", err, out)
	}
	b.StopTimer()
	for range b.N {
		ctx := context.Background()
		started := time.Now()
		wikis := make([]*testwiki.Wiki, nWikis)
		var lines []string
		env := os.Environ()
		for i := range wikis {
			w := testwiki.Start(b)
			seedFarmWiki(b, w)
			wikis[i] = w
			name := fmt.Sprintf("wiki%02d", i)
			lines = append(lines, fmt.Sprintf("  - {name: %s, kind: mediawiki, api: %s, username: %s, password_env: PASS_%d}", name, w.API, w.BotUser, i))
			env = append(env, fmt.Sprintf("PASS_%d=%s", i, w.BotPassword))
		}
		var forum *testforum.Forum
		var wave *forumcampaign.State
		var forumRequests atomic.Int64
		var forumMu sync.Mutex
		forumPaths := map[string]int{}
		if withForum {
			forum = testforum.Start(b)
			wave = forumcampaign.New(forumcampaign.Options{Seed: 3})
			if _, err := wave.Run(ctx, forum, forumcampaign.PhaseSeed); err != nil {
				b.Fatal(err)
			}
			// The bot reaches the forum through a proxy that counts its
			// requests.
			target, err := url.Parse(forum.URL)
			if err != nil {
				b.Fatal(err)
			}
			rp := httputil.NewSingleHostReverseProxy(target)
			proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				forumRequests.Add(1)
				forumMu.Lock()
				forumPaths[r.Method+" "+r.URL.Path]++
				forumMu.Unlock()
				r.Host = target.Host
				rp.ServeHTTP(w, r)
			}))
			defer proxy.Close()
			lines = append(lines, fmt.Sprintf("  - {name: forum, kind: nodebb, url: %s, username: %s, password_env: PASS_FORUM, shutoff_page: \"%d\"}", proxy.URL, forum.BotUser, wave.SwitchTID))
			env = append(env, "PASS_FORUM="+forum.BotPassword)
		}
		nSites := len(lines)
		b.Logf("%d wikis and %d forum up in %v", nWikis, nSites-nWikis, time.Since(started).Round(time.Second))
		cfg := writeConfig(b, fmt.Sprintf("sites:\n%s\npatrol:\n  schedule: \"@every %s\"\n  lookback: 1h\nreview:\n  listen: \"\"\nstore:\n  path: %s\n",
			strings.Join(lines, "\n"), period, filepath.Join(b.TempDir(), "wikiwarden.db")))

		logPath := filepath.Join(b.TempDir(), "service.log")
		logf, err := os.Create(logPath)
		if err != nil {
			b.Fatal(err)
		}
		cmd := exec.Command(bin, "run", "--config", cfg)
		cmd.Stderr, cmd.Stdout, cmd.Env = logf, logf, env
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		var rssMax int64
		var rssMu sync.Mutex
		stopSampling := make(chan struct{})
		sampled := make(chan struct{})
		go func() {
			defer close(sampled)
			t := time.NewTicker(100 * time.Millisecond)
			defer t.Stop()
			for {
				kb := vmRSS(cmd.Process.Pid)
				rssMu.Lock()
				rssMax = max(rssMax, kb)
				rssMu.Unlock()
				select {
				case <-stopSampling:
					return
				case <-t.C:
				}
			}
		}()
		fail := func(format string, args ...any) {
			b.Helper()
			cmd.Process.Kill()
			keep := filepath.Join(os.TempDir(), "wikiwarden-farm.log")
			out, _ := os.ReadFile(logPath)
			os.WriteFile(keep, out, 0o644)
			b.Fatalf(format+"; service log in "+keep, args...)
		}
		// Every site's first pass done (logged in, model learned).
		deadline := time.Now().Add(3 * time.Minute)
		for len(passesBySite(logPath)) < nSites {
			if time.Now().After(deadline) {
				fail("only %d of %d sites had a pass within 3 minutes", len(passesBySite(logPath)), nSites)
			}
			time.Sleep(500 * time.Millisecond)
		}
		b.Logf("every site's first pass done %v after the start", time.Since(started).Round(time.Second))

		// Idle: three periods.
		forumMu.Lock()
		clear(forumPaths)
		forumMu.Unlock()
		req0, freq0 := totalRequests(wikis), forumRequests.Load()
		pass0 := passesBySite(logPath)
		cpu0 := cpuTicks(cmd.Process.Pid)
		time.Sleep(3 * period)
		req1, freq1 := totalRequests(wikis), forumRequests.Load()
		pass1 := passesBySite(logPath)
		cpu1 := cpuTicks(cmd.Process.Pid)
		var wikiPasses, allPasses, forumPasses int
		for site, n := range pass1 {
			d := n - pass0[site]
			allPasses += d
			if site != "forum" {
				wikiPasses += d
			} else {
				forumPasses = d
			}
		}
		if withForum {
			forumMu.Lock()
			b.Logf("forum requests in the idle periods, by path: %v", forumPaths)
			forumMu.Unlock()
		}
		if wikiPasses == 0 {
			fail("no idle passes in %v", 3*period)
		}
		idleReqs := float64(req1-req0) / float64(wikiPasses)
		cpuPerPass := float64(cpu1-cpu0) * 10 / float64(allPasses) // ticks of 10 ms
		b.Logf("idle: %d passes of %d sites in %v (%.2f per site per period), %d wiki requests, %.1f ms CPU",
			allPasses, nSites, 3*period, float64(allPasses)/float64(nSites)/3, req1-req0, float64(cpu1-cpu0)*10)

		// Every wiki probed at once, and the forum.
		rng := rand.New(rand.NewPCG(7, 8))
		type probe struct {
			w     *testwiki.Wiki
			token string
			saved time.Time
		}
		probes := make([]probe, len(wikis))
		b.StartTimer()
		for i, w := range wikis {
			tok := make([]byte, 10)
			for j := range tok {
				tok[j] = "bcdfghjklmnpqrstvwxz"[rng.IntN(20)]
			}
			if _, err := w.AppendAnon(ctx, fmt.Sprintf("198.18.%d.%d", i, 10+i), "Aardvark", "\n\n"+string(tok), ""); err != nil {
				b.Fatal(err)
			}
			probes[i] = probe{w, string(tok), time.Now()}
		}
		var forumProbed time.Time
		if withForum {
			if _, err := wave.Run(ctx, forum, forumcampaign.PhaseProbe); err != nil {
				b.Fatal(err)
			}
			forumProbed = time.Now()
		}
		var slowest time.Duration
		pending := len(probes)
		forumDone := !withForum
		deadline = time.Now().Add(3 * period)
		for pending > 0 || !forumDone {
			if time.Now().After(deadline) {
				fail("%d wiki probes (forum done: %v) not reverted within 3 periods", pending, forumDone)
			}
			for i := range probes {
				p := &probes[i]
				if p.w == nil {
					continue
				}
				text, err := p.w.PageText(ctx, "Aardvark")
				if err == nil && !strings.Contains(text, p.token) {
					slowest = max(slowest, time.Since(p.saved))
					p.w = nil
					pending--
				}
			}
			if !forumDone {
				outs, err := wave.Report(ctx, forum)
				if tally := forumcampaign.Count(outs); err == nil && tally.ProbesRemoved == tally.Probes {
					slowest = max(slowest, time.Since(forumProbed))
					forumDone = true
				}
			}
			time.Sleep(200 * time.Millisecond)
		}
		b.StopTimer()
		b.Logf("every probe reverted within %v of its save (period %v)", slowest.Round(10*time.Millisecond), period)
		close(stopSampling)
		<-sampled
		cmd.Process.Signal(os.Interrupt)
		if err := cmd.Wait(); err != nil {
			fail("run: %v", err)
		}
		rssMu.Lock()
		b.ReportMetric(float64(rssMax)/1024, "rss_max_MB")
		rssMu.Unlock()
		b.ReportMetric(idleReqs, "idle_requests/pass")
		if forumPasses > 0 {
			b.ReportMetric(float64(freq1-freq0)/float64(forumPasses), "forum_idle_requests/pass")
		}
		b.ReportMetric(cpuPerPass, "cpu_ms/site/pass")
		b.ReportMetric(slowest.Seconds(), "revert_max_s")
		b.ReportMetric(period.Seconds(), "period_s")
		b.ReportMetric(float64(nSites), "sites")
	}
}

// passesBySite counts the patrol passes each site logged.
func passesBySite(logPath string) map[string]int {
	out := map[string]int{}
	f, err := os.Open(logPath)
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		var e struct{ Job, Site, Msg string }
		if json.Unmarshal(sc.Bytes(), &e) == nil && e.Job == "patrol" && strings.HasPrefix(e.Msg, "read ") {
			out[e.Site]++
		}
	}
	return out
}

func totalRequests(wikis []*testwiki.Wiki) int {
	n := 0
	for _, w := range wikis {
		n += w.Requests()
	}
	return n
}

// cpuTicks is a process's user and system CPU time so far, in clock
// ticks (1/100 s).
func cpuTicks(pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(data)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	utime, _ := strconv.ParseInt(fields[11], 10, 64)
	stime, _ := strconv.ParseInt(fields[12], 10, 64)
	return utime + stime
}

// seedFarmWiki lets the bot run on a farm's wiki and gives it an article.
func seedFarmWiki(b testing.TB, w *testwiki.Wiki) {
	b.Helper()
	ctx := context.Background()
	for title, text := range map[string]string{"User:Warden/Run": "true", "Aardvark": aardvark, "Albedo": albedo} {
		if _, err := w.AdminEdit(ctx, title, text, "seed"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFarmSetup measures the heap a farm's site costs before its
// first pass, with the real adapters: BENCH_SITES (500) mediawiki sites'
// clients, adapters and patrollers on one store, as run builds them (the
// logins aside). Run it with -benchtime=1x (make bench-farm).
func BenchmarkFarmSetup(b *testing.B) {
	n := 500
	if v, err := strconv.Atoi(os.Getenv("BENCH_SITES")); err == nil {
		n = v
	}
	var sites []string
	for i := range n {
		sites = append(sites, fmt.Sprintf("  - {name: site%03d, kind: mediawiki, api: http://127.0.0.1:9/site%03d/api.php, username: Warden@patrol, password_env: PASS}", i, i))
	}
	cfg := writeConfig(b, fmt.Sprintf("sites:\n%s\nstore:\n  path: %s\n", strings.Join(sites, "\n"), filepath.Join(b.TempDir(), "ww.db")))
	getenv := func(string) string { return "x" }
	b.StopTimer()
	for range b.N {
		c, err := config.Load(cfg)
		if err != nil {
			b.Fatal(err)
		}
		a := &app{cfg: c, log: newLogger(c, io.Discard, true)}
		if a.store, err = store.Open(c.Store.Path, store.Options{DefaultSite: "site000"}); err != nil {
			b.Fatal(err)
		}
		h0 := heapAlloc()
		var keep []*bot.Patroller
		for _, sc := range a.cfg.EffectiveSites() {
			s, err := a.newSite(sc, getenv)
			if err != nil {
				b.Fatal(err)
			}
			p, err := a.patrollerOf(s, false)
			if err != nil {
				b.Fatal(err)
			}
			keep = append(keep, p)
		}
		h1 := heapAlloc()
		runtime.KeepAlive(keep)
		b.ReportMetric(float64(h1-h0)/float64(n)/1024, "setup_KB/site")
		a.close()
	}
}

func heapAlloc() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}
