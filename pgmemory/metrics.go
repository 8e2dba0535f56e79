package pgmemory

import (
	"context"
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
)

// metrics are the replicator's Prometheus metrics. They are created with
// the Replicator and count from its start; Register exposes them.
type metrics struct {
	pushed   prometheus.Counter
	imported prometheus.Counter
	failures prometheus.Counter
	up       prometheus.Gauge
}

func newMetrics() metrics {
	const ns, sub = "wikiwarden", "shared"
	return metrics{
		pushed: prometheus.NewCounter(prometheus.CounterOpts{Namespace: ns, Subsystem: sub, Name: "pushed_facts_total",
			Help: "Facts (events, spam domains) this process pushed to the shared memory."}),
		imported: prometheus.NewCounter(prometheus.CounterOpts{Namespace: ns, Subsystem: sub, Name: "imported_events_total",
			Help: "Other processes' events imported from the shared memory into the store."}),
		failures: prometheus.NewCounter(prometheus.CounterOpts{Namespace: ns, Subsystem: sub, Name: "sync_failures_total",
			Help: "Syncs with the shared memory that failed (PostgreSQL unreachable or refusing)."}),
		up: prometheus.NewGauge(prometheus.GaugeOpts{Namespace: ns, Subsystem: sub, Name: "up",
			Help: "1 when the last sync with the shared memory succeeded, 0 during an outage."}),
	}
}

// Register exposes the replicator's metrics on reg, with the outbox's
// length read from the store at each scrape
// (wikiwarden_shared_outbox_facts).
func (r *Replicator) Register(reg prometheus.Registerer) error {
	outbox := prometheus.NewGaugeFunc(prometheus.GaugeOpts{Namespace: "wikiwarden", Subsystem: "shared", Name: "outbox_facts",
		Help: "Facts queued in the store's outbox, not pushed to the shared memory yet."},
		func() float64 {
			n, err := r.local.OutboxLen(context.Background())
			if err != nil {
				return -1
			}
			return float64(n)
		})
	for _, c := range []prometheus.Collector{r.m.pushed, r.m.imported, r.m.failures, r.m.up, outbox} {
		if err := reg.Register(c); err != nil {
			return fmt.Errorf("pgmemory: register metrics: %w", err)
		}
	}
	return nil
}
