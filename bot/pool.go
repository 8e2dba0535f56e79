package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/robfig/cron/v3"
	"github.com/sirupsen/logrus"
)

// A farm of hundreds of sites must not run hundreds of passes at once, and
// one site that is slow or down must not hold up the others. Each job keeps
// its own cron schedule, but a schedule only puts the job in a queue; a
// fixed number of workers takes jobs from the queue in the order they came
// due. A job already queued or running is not queued again (cron's
// SkipIfStillRunning, per job), a run that takes longer than the pool's
// timeout is cancelled (the pass finishes its action in flight and
// returns), and a job that fails waits out a back-off of its own before it
// is queued again. Jobs whose last run failed share a quarter of the
// workers: however many sites are down, the others keep the rest.

// PoolOptions size a Pool.
type PoolOptions struct {
	// Workers is how many jobs run at once; at least 1.
	Workers int
	// Timeout bounds one run of a job; 0: no bound.
	Timeout time.Duration
	// Backoff is how long a job that failed is not run again; it doubles
	// with each further failure in a row, up to MaxBackoff. 0: no back-off.
	Backoff, MaxBackoff time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Pool runs jobs on their cron schedules with at most Workers of them at
// once. Jobs can be added, replaced and removed while it runs (a config
// reload), without disturbing the others. Its methods are safe for
// concurrent use.
type Pool struct {
	opts PoolOptions
	log  logrus.FieldLogger
	cron *cron.Cron

	mu    sync.Mutex
	jobs  map[jobKey]*poolEntry
	busy  map[jobKey]bool // queued or running, whichever entry of the key
	queue []*poolEntry
	kick  chan struct{} // a job was queued or a failing one ended; capacity 1
	// failing counts the runs in flight of jobs whose last run failed:
	// they may hold at most failingShare of the workers, so sites that are
	// down never take all of them.
	failing int
	running int // runs in flight
	stats   PoolStats
}

// failingShare is how many of the workers the jobs whose last run failed
// may hold at once: a quarter, and at least one.
func (p *Pool) failingShare() int { return max(1, p.opts.Workers/4) }

// PoolStats counts what a pool did since it was made, and what it is
// doing now.
type PoolStats struct {
	Runs     int // runs finished
	Failures int // runs that failed (and started or extended a back-off)
	Skipped  int // schedule times skipped: the job was still queued or running
	Deferred int // schedule times skipped: the job was backing off
	MaxQueue int // longest the queue has been

	Workers int // the pool's size
	Jobs    int // jobs scheduled
	Queued  int // jobs waiting for a worker
	Running int // jobs running
	Failing int // jobs whose last run failed (backing off)
}

// jobKey identifies a job: a site's patrol, a site's model refresh.
type jobKey struct{ name, site string }

// poolEntry is one scheduled job.
type poolEntry struct {
	key     jobKey
	job     Job
	id      cron.EntryID
	log     logrus.FieldLogger
	removed bool
	// failures in a row, and the time before which the job is not run.
	failures  int
	notBefore time.Time
}

// NewPool returns a pool; Run starts it.
func NewPool(opts PoolOptions, log logrus.FieldLogger) (*Pool, error) {
	switch {
	case opts.Workers < 1:
		return nil, fmt.Errorf("bot: pool: %d workers", opts.Workers)
	case opts.Timeout < 0, opts.Backoff < 0, opts.MaxBackoff < 0:
		return nil, errors.New("bot: pool: negative duration")
	}
	if opts.MaxBackoff < opts.Backoff {
		opts.MaxBackoff = opts.Backoff
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Pool{
		opts: opts, log: log,
		cron: cron.New(cron.WithChain(cron.Recover(cronLogger{log}))),
		jobs: map[jobKey]*poolEntry{}, busy: map[jobKey]bool{},
		kick: make(chan struct{}, 1),
	}, nil
}

// Add schedules j, replacing the job of the same Name and Site if there is
// one (its run in flight finishes; the new one does not start before it
// ends). A job with an empty Spec is only removed.
func (p *Pool) Add(j Job) error {
	key := jobKey{j.Name, j.Site}
	if j.Spec == "" {
		p.Remove(j.Name, j.Site)
		return nil
	}
	sched, err := cron.ParseStandard(j.Spec)
	if err != nil {
		return fmt.Errorf("schedule %s %q: %w", j.Name, j.Spec, err)
	}
	jlog := p.log.WithField("job", j.Name)
	if j.Site != "" {
		jlog = jlog.WithField("site", j.Site)
	}
	e := &poolEntry{key: key, job: j, log: jlog}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.removeLocked(key)
	e.id = p.cron.Schedule(sched, cron.FuncJob(func() { p.due(e) }))
	p.jobs[key] = e
	return nil
}

// Remove unschedules the job of name and site; its run in flight, if any,
// finishes. It reports whether there was such a job.
func (p *Pool) Remove(name, site string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.removeLocked(jobKey{name, site})
}

func (p *Pool) removeLocked(key jobKey) bool {
	e, ok := p.jobs[key]
	if !ok {
		return false
	}
	e.removed = true
	p.cron.Remove(e.id)
	delete(p.jobs, key)
	return true
}

// Jobs returns the scheduled jobs, without their functions, sorted by site
// and name.
func (p *Pool) Jobs() []Job {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]Job, 0, len(p.jobs))
	for _, e := range p.jobs {
		out = append(out, Job{Name: e.job.Name, Site: e.job.Site, Spec: e.job.Spec})
	}
	slices.SortFunc(out, func(a, b Job) int {
		if a.Site != b.Site {
			return compare(a.Site, b.Site)
		}
		return compare(a.Name, b.Name)
	})
	return out
}

func compare(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Stats returns the pool's counts so far.
func (p *Pool) Stats() PoolStats {
	p.mu.Lock()
	defer p.mu.Unlock()
	st := p.stats
	st.Workers, st.Jobs, st.Queued, st.Running = p.opts.Workers, len(p.jobs), len(p.queue), p.running
	for _, e := range p.jobs {
		if e.failures > 0 {
			st.Failing++
		}
	}
	return st
}

// due queues e at its schedule time, unless it is still queued or running
// or backing off.
func (p *Pool) due(e *poolEntry) {
	p.mu.Lock()
	switch {
	case e.removed:
		p.mu.Unlock()
		return
	case p.busy[e.key]:
		p.stats.Skipped++
		p.mu.Unlock()
		e.log.Debug("still queued or running: skipped")
		return
	case p.opts.Now().Before(e.notBefore):
		p.stats.Deferred++
		p.mu.Unlock()
		return
	}
	p.busy[e.key] = true
	p.queue = append(p.queue, e)
	p.stats.MaxQueue = max(p.stats.MaxQueue, len(p.queue))
	p.mu.Unlock()
	p.wake()
}

// wake tells a waiting worker that the queue has a job.
func (p *Pool) wake() {
	select {
	case p.kick <- struct{}{}:
	default:
	}
}

// Run runs the scheduled jobs until ctx is cancelled; jobs run with ctx
// (bounded by the pool's timeout). On cancellation the queued jobs are
// dropped, the runs in flight finish (a pass finishes its action in
// flight), and Run returns nil once they have. A job that panics is
// logged and runs again at its next time.
func (p *Pool) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	for range p.opts.Workers {
		wg.Go(func() {
			for {
				e := p.next(ctx)
				if e == nil {
					return
				}
				p.run(ctx, e)
			}
		})
	}
	p.cron.Start()
	p.log.WithField("workers", p.opts.Workers).Info("service started")
	<-ctx.Done()
	<-p.cron.Stop().Done()
	wg.Wait()
	p.log.Info("service stopped")
	return nil
}

// next takes the job due first from the queue, waiting for one; nil when
// ctx is done.
func (p *Pool) next(ctx context.Context) *poolEntry {
	for {
		if ctx.Err() != nil {
			return nil
		}
		p.mu.Lock()
		for i, e := range p.queue {
			if e.failures > 0 {
				if p.failing >= p.failingShare() {
					continue // a failing job waits for a failing one to end
				}
				p.failing++
			}
			p.queue = slices.Delete(p.queue, i, i+1)
			p.running++
			more := len(p.queue) > 0
			p.mu.Unlock()
			if more {
				p.wake() // pass the baton: another worker may be waiting
			}
			return e
		}
		p.mu.Unlock()
		select {
		case <-p.kick:
		case <-ctx.Done():
			return nil
		}
	}
}

// run runs e once and keeps its back-off.
func (p *Pool) run(ctx context.Context, e *poolEntry) {
	p.mu.Lock()
	removed := e.removed
	p.mu.Unlock()
	var err error
	if !removed {
		rctx, cancel := ctx, context.CancelFunc(func() {})
		if p.opts.Timeout > 0 {
			rctx, cancel = context.WithTimeout(ctx, p.opts.Timeout)
		}
		err = call(rctx, e.job.Fn)
		cancel()
	}
	p.mu.Lock()
	delete(p.busy, e.key)
	p.running--
	if e.failures > 0 {
		p.failing--
		defer p.wake() // a failing job waiting in the queue may go now
	}
	if removed {
		p.mu.Unlock()
		return
	}
	p.stats.Runs++
	failed := err != nil && ctx.Err() == nil && !errors.Is(err, ErrUndone)
	wasFailing := e.failures > 0
	var wait time.Duration
	switch {
	case failed:
		p.stats.Failures++
		e.failures++
		if p.opts.Backoff > 0 {
			wait = p.opts.Backoff << min(e.failures-1, 20)
			if wait > p.opts.MaxBackoff || wait <= 0 {
				wait = p.opts.MaxBackoff
			}
			e.notBefore = p.opts.Now().Add(wait)
		}
	case err == nil || errors.Is(err, ErrUndone):
		e.failures, e.notBefore = 0, time.Time{}
	}
	failures := e.failures
	p.mu.Unlock()
	switch {
	case err != nil && ctx.Err() != nil:
		// Stopped: not a failure of the job.
	case failed:
		e.log.WithError(err).WithFields(logrus.Fields{"failures": failures, "backoff": wait.String()}).Error("job failed")
	case err != nil:
		e.log.WithError(err).Error("job failed")
	case wasFailing:
		e.log.Info("job recovered")
	}
}

// call runs fn, turning a panic into an error.
func call(ctx context.Context, fn func(context.Context) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return fn(ctx)
}
