package bot_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/sirupsen/logrus/hooks/test"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/store"
)

// simSite is a fake site as a farm sees it: every call is one request
// that takes latency; a dead site answers nothing until the request is
// cancelled. Its pages are a real corpus sample, so the first pass learns
// a letter model as it does on a real wiki.
type simSite struct {
	*fakeSite
	latency time.Duration
	dead    bool
	sample  []string
	reqs    *atomic.Int64
}

func (s *simSite) request(ctx context.Context) error {
	s.reqs.Add(1)
	if s.dead {
		<-ctx.Done()
		return ctx.Err()
	}
	t := time.NewTimer(s.latency)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s *simSite) Self(ctx context.Context) (bot.Self, error) {
	if err := s.request(ctx); err != nil {
		return bot.Self{}, err
	}
	return s.fakeSite.Self(ctx)
}

// Poll reads the recent changes and the off switch in one request, as
// mwsite does.
func (s *simSite) Poll(ctx context.Context, since store.Cursor, limit int) ([]bot.Contribution, bool, string, error) {
	if err := s.request(ctx); err != nil {
		return nil, false, "", err
	}
	cs, err := s.fakeSite.Contributions(ctx, since, limit)
	return cs, true, "", err
}

func (s *simSite) SampleTexts(ctx context.Context, n int) ([]string, error) {
	if err := s.request(ctx); err != nil {
		return nil, err
	}
	return s.sample, nil
}

func (s *simSite) KnownLinks(ctx context.Context, n int) ([]string, error) {
	if err := s.request(ctx); err != nil {
		return nil, err
	}
	return nil, nil
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

func envDuration(name string, def time.Duration) time.Duration {
	if v, err := time.ParseDuration(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

func heapNow() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

func cpuNow() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkFarm simulates one process patrolling a farm of idle sites
// (BENCH_SITES, default 500) on one store, on a bot.Pool of BENCH_WORKERS
// (4) workers, each site's requests taking BENCH_LATENCY (20ms), and
// BENCH_DEAD (5) of the sites dead (a pass times out after 2 s, then backs
// off). Every site is due every second for BENCH_SECONDS (10): a process
// keeps up with a farm of passes/s × the period's seconds sites. Reported:
// heap per site after setting it up (setup_KB/site) and once its first
// pass learned its letter model (idle_KB/site), the pool's idle passes
// per second, requests per idle pass, CPU per idle pass, and the live
// sites' fewest passes (so a dead site held none of them up).
// BENCH_LEARN=0 keeps every site on the built-in letter model. Run it with
// -benchtime=1x (make bench-farm).
func BenchmarkFarm(b *testing.B) {
	n, workers := envInt("BENCH_SITES", 500), envInt("BENCH_WORKERS", 4)
	dead, secs := envInt("BENCH_DEAD", 5), envInt("BENCH_SECONDS", 10)
	latency := envDuration("BENCH_LATENCY", 20*time.Millisecond)
	// Every site learns its own model, as a real wiki's first pass does.
	sample := modelSample(b)
	log, _ := test.NewNullLogger()
	b.StopTimer()
	for range b.N {
		st, err := store.Open(filepath.Join(b.TempDir(), "farm.db"), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		var reqs atomic.Int64
		opts := defaultOptions()
		opts.Lookback = 0
		if os.Getenv("BENCH_LEARN") == "0" {
			opts.ModelPages = 0 // the built-in model, shared by every site
		}
		h0 := heapNow()
		ps := make([]*bot.Patroller, n)
		for i := range ps {
			site := &simSite{fakeSite: newFakeSite(), latency: latency, dead: i < dead, sample: sample, reqs: &reqs}
			ps[i], err = bot.New(opts, site, st.Site(fmt.Sprintf("site%03d", i)), log)
			if err != nil {
				b.Fatal(err)
			}
		}
		h1 := heapNow()

		// Each site's first pass: it reads its account and learns its
		// letter model; workers at a time.
		sem := make(chan struct{}, workers)
		var wg sync.WaitGroup
		for _, p := range ps[dead:] {
			sem <- struct{}{}
			wg.Go(func() {
				defer func() { <-sem }()
				if _, err := p.Pass(context.Background()); err != nil {
					b.Error(err)
				}
			})
		}
		wg.Wait()
		h2 := heapNow()

		pool, err := bot.NewPool(bot.PoolOptions{Workers: workers, Timeout: 2 * time.Second, Backoff: time.Minute, MaxBackoff: time.Hour}, log)
		if err != nil {
			b.Fatal(err)
		}
		passes := make([]atomic.Int64, n)
		for i, p := range ps {
			if err := pool.Add(bot.Job{Name: "patrol", Site: fmt.Sprint(i), Spec: "@every 1s", Fn: func(ctx context.Context) error {
				_, err := p.Pass(ctx)
				passes[i].Add(1)
				return err
			}}); err != nil {
				b.Fatal(err)
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Duration(secs)*time.Second)
		r0, c0 := reqs.Load(), cpuNow()
		b.StartTimer()
		if err := pool.Run(ctx); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		cancel()
		cpu := cpuNow() - c0
		var total, fewest int64 = 0, -1
		for i := range passes {
			c := passes[i].Load()
			total += c
			if i >= dead && (fewest < 0 || c < fewest) {
				fewest = c
			}
		}
		live := total - int64(dead)
		b.ReportMetric(float64(h1-h0)/float64(n)/1024, "setup_KB/site")
		b.ReportMetric(float64(h2-h0)/float64(n-dead)/1024, "idle_KB/site")
		b.ReportMetric(float64(total)/float64(secs), "passes/s")
		b.ReportMetric(float64(reqs.Load()-r0-int64(dead))/float64(live), "requests/pass")
		b.ReportMetric(float64(cpu.Microseconds())/float64(total), "cpu_us/pass")
		b.ReportMetric(float64(fewest), "fewest_live_passes")
		b.ReportMetric(float64(pool.Stats().Skipped), "skipped")
		st.Close()
	}
}
