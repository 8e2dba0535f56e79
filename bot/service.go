package bot

import (
	"context"
	"fmt"
	"time"

	"github.com/robfig/cron/v3"
	"github.com/sirupsen/logrus"
)

// Schedule says when the service's jobs run: cron specs as robfig/cron's
// standard parser reads them ("@every 1m", "@hourly", "*/5 * * * *"). An
// empty ModelRefresh or Housekeeping spec disables that job.
type Schedule struct {
	Patrol       string
	ModelRefresh string
	Housekeeping string
	Retention    time.Duration
}

// Run runs the patroller as a service until ctx is cancelled: patrol passes,
// model refreshes and housekeeping on their schedules, never two of a job at
// once. On cancellation it lets the job in flight finish its current action,
// waits for it, and returns nil.
func Run(ctx context.Context, p *Patroller, s Schedule, log logrus.FieldLogger) error {
	clog := cronLogger{log}
	c := cron.New(cron.WithChain(cron.Recover(clog), cron.SkipIfStillRunning(clog)))
	jobs := []struct {
		name, spec string
		fn         func(context.Context) error
	}{
		{"patrol", s.Patrol, func(ctx context.Context) error {
			sum, err := p.Pass(ctx)
			log.WithField("job", "patrol").Info(sum.String())
			return err
		}},
		{"model_refresh", s.ModelRefresh, p.RefreshModel},
		{"housekeeping", s.Housekeeping, func(ctx context.Context) error {
			n, err := p.Housekeep(ctx, s.Retention)
			log.WithField("job", "housekeeping").WithField("removed", n).Info("expired old entries")
			return err
		}},
	}
	for _, j := range jobs {
		if j.spec == "" {
			continue
		}
		j := j
		if _, err := c.AddFunc(j.spec, func() {
			if err := j.fn(ctx); err != nil && ctx.Err() == nil {
				log.WithError(err).WithField("job", j.name).Error("job failed")
			}
		}); err != nil {
			return fmt.Errorf("schedule %s %q: %w", j.name, j.spec, err)
		}
	}
	c.Start()
	log.WithField("schedule", s.Patrol).Info("service started")
	<-ctx.Done()
	<-c.Stop().Done()
	log.Info("service stopped")
	return nil
}

// cronLogger adapts logrus to cron.Logger.
type cronLogger struct{ log logrus.FieldLogger }

func (l cronLogger) Info(msg string, kv ...any) {
	l.log.WithFields(fields(kv)).Debug("cron: " + msg)
}

func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.WithFields(fields(kv)).WithError(err).Error("cron: " + msg)
}

func fields(kv []any) logrus.Fields {
	f := logrus.Fields{}
	for i := 0; i+1 < len(kv); i += 2 {
		f[fmt.Sprint(kv[i])] = kv[i+1]
	}
	return f
}
