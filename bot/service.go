package bot

import (
	"context"
	"fmt"
	"time"

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

// Job is one job of the service: Fn runs on the cron spec Spec ("" never),
// never two at once. Site, when set, is logged with the job's errors.
type Job struct {
	Name, Site, Spec string
	Fn               func(context.Context) error
}

// Serve runs jobs on their schedules until ctx is cancelled: the patrol
// passes, model refreshes and housekeeping of every site. On cancellation
// it lets the jobs in flight finish their current action, waits for them,
// and returns nil. A job that panics is logged and runs again at its next
// time. Every job may run at once; a farm bounds them with a Pool.
func Serve(ctx context.Context, jobs []Job, log logrus.FieldLogger) error {
	p, err := NewPool(PoolOptions{Workers: max(len(jobs), 1)}, log)
	if err != nil {
		return err
	}
	for _, j := range jobs {
		if err := p.Add(j); err != nil {
			return err
		}
	}
	return p.Run(ctx)
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
