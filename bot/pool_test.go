package bot_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sirupsen/logrus"
	"github.com/sirupsen/logrus/hooks/test"

	"github.com/wikiwarden/wikiwarden/bot"
)

// runPool runs p until the test ends (or stop is called) and returns stop,
// which cancels and waits for Run.
func runPool(t *testing.T, p *bot.Pool) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Run: %v", err)
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

func newPool(t *testing.T, opts bot.PoolOptions) *bot.Pool {
	t.Helper()
	log, _ := test.NewNullLogger()
	log.SetLevel(logrus.DebugLevel)
	p, err := bot.NewPool(opts, log)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// addSites adds n sites prefix0, prefix1, ... due every second whose
// passes call pass, and returns how often each site's pass ran.
func addSites(t *testing.T, p *bot.Pool, prefix string, n int, pass func()) []atomic.Int32 {
	t.Helper()
	runs := make([]atomic.Int32, n)
	for i := range runs {
		if err := p.Add(bot.Job{Name: "patrol", Site: fmt.Sprint(prefix, i), Spec: "@every 1s", Fn: func(context.Context) error {
			pass()
			runs[i].Add(1)
			return nil
		}}); err != nil {
			t.Fatal(err)
		}
	}
	return runs
}

// ranAtLeast reports each site of addSites's runs that ran fewer than want
// times in span.
func ranAtLeast(t *testing.T, runs []atomic.Int32, prefix string, want int, span string) {
	t.Helper()
	for i := range runs {
		if n := runs[i].Load(); n < int32(want) {
			t.Errorf("site %s%d ran %d times in %s of @every 1s, want at least %d", prefix, i, n, span, want)
		}
	}
}

// concurrency counts the calls between enter and its leave that run at
// once, and the most ever.
type concurrency struct{ now, most atomic.Int32 }

func (c *concurrency) enter() (leave func()) {
	n := c.now.Add(1)
	for {
		m := c.most.Load()
		if n <= m || c.most.CompareAndSwap(m, n) {
			break
		}
	}
	return func() { c.now.Add(-1) }
}

// TestPoolBounded: 40 sites due every second, 3 workers: never more than
// 3 passes at once, and every site's pass runs within each period.
func TestPoolBounded(t *testing.T) {
	t.Parallel()
	p := newPool(t, bot.PoolOptions{Workers: 3})
	var running concurrency
	runs := addSites(t, p, "s", 40, func() {
		defer running.enter()()
		time.Sleep(10 * time.Millisecond)
	})
	stop := runPool(t, p)
	time.Sleep(3500 * time.Millisecond)
	stop()
	if m := running.most.Load(); m > 3 {
		t.Errorf("%d jobs ran at once, want at most 3", m)
	}
	if m := running.most.Load(); m < 2 {
		t.Errorf("at most %d job ran at once: the workers do not run side by side", m)
	}
	ranAtLeast(t, runs, "s", 2, "3.5 s")
}

// TestPoolDeadSiteIsolated: a site that never answers holds one worker for
// one timeout, then backs off; the other sites keep their pace on the
// other worker.
func TestPoolDeadSiteIsolated(t *testing.T) {
	t.Parallel()
	p := newPool(t, bot.PoolOptions{Workers: 2, Timeout: 500 * time.Millisecond, Backoff: time.Minute, MaxBackoff: time.Hour})
	var deadRuns atomic.Int32
	var deadErr atomic.Value
	if err := p.Add(bot.Job{Name: "patrol", Site: "dead", Spec: "@every 1s", Fn: func(ctx context.Context) error {
		deadRuns.Add(1)
		<-ctx.Done() // a site that never answers: the pass ends at the timeout
		deadErr.Store(ctx.Err())
		return ctx.Err()
	}}); err != nil {
		t.Fatal(err)
	}
	runs := addSites(t, p, "ok", 5, func() { time.Sleep(20 * time.Millisecond) })
	stop := runPool(t, p)
	time.Sleep(3500 * time.Millisecond)
	stop()
	if n := deadRuns.Load(); n != 1 {
		t.Errorf("the dead site's pass ran %d times, want 1 (then it backs off)", n)
	}
	if err, _ := deadErr.Load().(error); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("the dead site's pass ended with %v, want the pool's timeout", err)
	}
	ranAtLeast(t, runs, "ok", 3, "3.5 s")
	if st := p.Stats(); st.Failures != 1 || st.Deferred < 1 {
		t.Errorf("stats %+v, want 1 failure and the dead site's later times deferred", st)
	}
}

// TestPoolBackoffEndsOnSuccess: a site failing with an outage backs off,
// doubling, and is back on its schedule after its first good pass; a pass
// that only left actions pending (ErrUndone) is no outage.
func TestPoolBackoff(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	p := newPool(t, bot.PoolOptions{Workers: 1, Backoff: 10 * time.Second, MaxBackoff: 25 * time.Second, Now: clock})
	results := make(chan error, 10)
	ran := make(chan struct{}, 10)
	for _, err := range []error{errors.New("site down"), errors.New("site down"), errors.New("site down"), nil, fmt.Errorf("2 pending: %w", bot.ErrUndone), nil} {
		results <- err
	}
	if err := p.Add(bot.Job{Name: "patrol", Site: "a", Spec: "@every 1s", Fn: func(context.Context) error {
		defer func() { ran <- struct{}{} }()
		return <-results
	}}); err != nil {
		t.Fatal(err)
	}
	runPool(t, p)
	wait := func(what string) {
		t.Helper()
		select {
		case <-ran:
			time.Sleep(50 * time.Millisecond) // the pool books the run
		case <-time.After(5 * time.Second):
			t.Fatalf("no run %s", what)
		}
	}
	quiet := func(what string) {
		t.Helper()
		select {
		case <-ran:
			t.Fatalf("a run %s", what)
		case <-time.After(1500 * time.Millisecond):
		}
	}
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	wait("at the first time")
	quiet("during the first back-off (10 s)")
	advance(10 * time.Second)
	wait("after the first back-off")
	advance(15 * time.Second)
	quiet("during the second back-off (20 s)")
	advance(5 * time.Second)
	wait("after the second back-off")
	advance(24 * time.Second)
	quiet("during the third back-off (capped at 25 s)")
	advance(time.Second)
	wait("after the third back-off")
	wait("right after a good pass")
	wait("after a pass that left actions pending")
	if st := p.Stats(); st.Failures != 3 {
		t.Errorf("stats %+v, want 3 failures", st)
	}
}

// TestPoolSkipIfStillRunning: a pass longer than its period is never
// doubled: the times that fall in it are skipped.
func TestPoolSkipIfStillRunning(t *testing.T) {
	t.Parallel()
	p := newPool(t, bot.PoolOptions{Workers: 4})
	var running, overlap, runs atomic.Int32
	if err := p.Add(bot.Job{Name: "patrol", Site: "slow", Spec: "@every 1s", Fn: func(context.Context) error {
		if running.Add(1) > 1 {
			overlap.Add(1)
		}
		defer running.Add(-1)
		runs.Add(1)
		time.Sleep(1500 * time.Millisecond)
		return nil
	}}); err != nil {
		t.Fatal(err)
	}
	stop := runPool(t, p)
	time.Sleep(3500 * time.Millisecond)
	stop()
	if overlap.Load() > 0 {
		t.Error("two passes of one site ran at once")
	}
	if n := runs.Load(); n != 2 {
		t.Errorf("%d passes of 1.5 s in 3.5 s of @every 1s, want 2", n)
	}
	if st := p.Stats(); st.Skipped < 1 {
		t.Errorf("stats %+v, want skipped times", st)
	}
}

// TestPoolReload: jobs added, replaced and removed while the pool runs;
// the others run on undisturbed, a replaced job never overlaps its
// predecessor's run in flight, and a removed one never runs again.
func TestPoolReload(t *testing.T) {
	t.Parallel()
	p := newPool(t, bot.PoolOptions{Workers: 4})
	var keep, gone, added, running, overlap atomic.Int32
	started := make(chan struct{}, 1)
	mk := func(n *atomic.Int32, d time.Duration) func(context.Context) error {
		return func(context.Context) error {
			n.Add(1)
			time.Sleep(d)
			return nil
		}
	}
	slow := func(context.Context) error {
		if running.Add(1) > 1 {
			overlap.Add(1)
		}
		defer running.Add(-1)
		select {
		case started <- struct{}{}:
		default:
		}
		time.Sleep(1500 * time.Millisecond)
		return nil
	}
	for _, j := range []bot.Job{
		{Name: "patrol", Site: "keep", Spec: "@every 1s", Fn: mk(&keep, 0)},
		{Name: "patrol", Site: "gone", Spec: "@every 1s", Fn: mk(&gone, 0)},
		{Name: "patrol", Site: "changed", Spec: "@every 1s", Fn: slow},
	} {
		if err := p.Add(j); err != nil {
			t.Fatal(err)
		}
	}
	stop := runPool(t, p)
	select {
	case <-started:
	case <-time.After(5 * time.Second):
		t.Fatal("no pass of changed")
	}
	if !p.Remove("patrol", "gone") {
		t.Error("Remove: no job gone")
	}
	keepAt := keep.Load()
	for _, j := range []bot.Job{
		{Name: "patrol", Site: "added", Spec: "@every 1s", Fn: mk(&added, 0)},
		{Name: "patrol", Site: "changed", Spec: "@every 1s", Fn: slow}, // its pass in flight
	} {
		if err := p.Add(j); err != nil {
			t.Fatal(err)
		}
	}
	// A pass of gone already taken from the queue when it was removed
	// finishes (in microseconds); none starts later.
	time.Sleep(time.Second)
	goneAt := gone.Load()
	time.Sleep(2 * time.Second)
	stop()
	if n := gone.Load(); n != goneAt {
		t.Errorf("removed job ran %d more times", n-goneAt)
	}
	if keep.Load()-keepAt < 2 || added.Load() < 2 {
		t.Errorf("in 3 s after the reload: kept job ran %d times, added %d, want at least 2 each", keep.Load()-keepAt, added.Load())
	}
	if overlap.Load() > 0 {
		t.Error("the replaced job ran beside its predecessor's pass")
	}
	want := []bot.Job{{Name: "patrol", Site: "added", Spec: "@every 1s"}, {Name: "patrol", Site: "changed", Spec: "@every 1s"}, {Name: "patrol", Site: "keep", Spec: "@every 1s"}}
	if got := p.Jobs(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Jobs() = %v, want %v", got, want)
	}
}

// TestPoolShutdown: on cancellation the pass in flight finishes before Run
// returns; a panicking job is logged, not fatal.
func TestPoolShutdown(t *testing.T) {
	t.Parallel()
	p := newPool(t, bot.PoolOptions{Workers: 2})
	started := make(chan struct{})
	var finished atomic.Bool
	var once sync.Once
	if err := p.Add(bot.Job{Name: "patrol", Site: "a", Spec: "@every 1s", Fn: func(ctx context.Context) error {
		once.Do(func() { close(started) })
		<-ctx.Done()
		time.Sleep(300 * time.Millisecond) // the action in flight
		finished.Store(true)
		return ctx.Err()
	}}); err != nil {
		t.Fatal(err)
	}
	if err := p.Add(bot.Job{Name: "patrol", Site: "b", Spec: "@every 1s", Fn: func(context.Context) error { panic("boom") }}); err != nil {
		t.Fatal(err)
	}
	stop := runPool(t, p)
	select {
	case <-started:
	case <-time.After(5 * time.Second):
		t.Fatal("no pass")
	}
	time.Sleep(100 * time.Millisecond)
	stop()
	if !finished.Load() {
		t.Error("Run returned before the pass in flight finished")
	}
}

func TestNewPoolChecks(t *testing.T) {
	log, _ := test.NewNullLogger()
	for _, o := range []bot.PoolOptions{{Workers: 0}, {Workers: 1, Timeout: -1}} {
		if _, err := bot.NewPool(o, log); err == nil {
			t.Errorf("NewPool(%+v) = nil error", o)
		}
	}
	p, _ := bot.NewPool(bot.PoolOptions{Workers: 1}, log)
	if err := p.Add(bot.Job{Name: "patrol", Spec: "every minute", Fn: func(context.Context) error { return nil }}); err == nil {
		t.Error("Add with a bad spec = nil error")
	}
}

// TestPoolFailingShare: sites that are down (their last pass failed) hold
// at most a quarter of the workers at once, however many they are; the
// others keep the rest.
func TestPoolFailingShare(t *testing.T) {
	t.Parallel()
	p := newPool(t, bot.PoolOptions{Workers: 4, Timeout: 1500 * time.Millisecond})
	var hanging concurrency
	for i := range 6 {
		var runs atomic.Int32
		if err := p.Add(bot.Job{Name: "patrol", Site: fmt.Sprint("down", i), Spec: "@every 1s", Fn: func(ctx context.Context) error {
			if runs.Add(1) == 1 {
				return errors.New("connection refused") // now it counts as failing
			}
			defer hanging.enter()()
			<-ctx.Done() // then it hangs until the timeout
			return ctx.Err()
		}}); err != nil {
			t.Fatal(err)
		}
	}
	runs := addSites(t, p, "ok", 10, func() { time.Sleep(10 * time.Millisecond) })
	stop := runPool(t, p)
	time.Sleep(4500 * time.Millisecond)
	stop()
	if m := hanging.most.Load(); m != 1 {
		t.Errorf("%d failing sites hung at once, want 1 (a quarter of 4 workers)", m)
	}
	ranAtLeast(t, runs, "ok", 4, "4.5 s")
}
