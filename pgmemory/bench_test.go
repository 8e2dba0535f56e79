package pgmemory_test

import (
	"context"
	"fmt"
	"net/netip"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/internal/testpostgres"
	"github.com/wikiwarden/wikiwarden/pgmemory"
	"github.com/wikiwarden/wikiwarden/store"
)

// BenchmarkPushPull10k: one process queues 10,000 events (5,000 handled
// probes, a probe and a revert each), pushes them, and another pulls them
// into its store: the catch-up after a long outage. Run with -benchtime=1x.
func BenchmarkPushPull10k(b *testing.B) {
	pg := testpostgres.Start(b)
	ctx := context.Background()
	for range b.N {
		b.StopTimer()
		a := newBenchProcess(b, pg.DSN)
		c := newBenchProcess(b, pg.DSN)
		var hs []store.Handled
		for i := range 5000 {
			ip := netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)})
			at := t0.Add(time.Duration(i) * time.Second)
			hs = append(hs, store.Handled{
				Record: store.Record{RevID: int64(i + 1), Title: "Page", User: ip.String(), IP: ip.String(), Anon: true, Time: at, Seen: at,
					Verdict: decision.VerdictProbe, Action: decision.ActionRevert},
				Events: []store.Event{
					{Kind: store.EventProbe, IP: ip, User: ip.String(), Title: "Page", Time: at, Tokens: []string{fmt.Sprintf("tok%dqz", i)}},
					{Kind: store.EventRevert, IP: ip, User: ip.String(), Title: "Page", Time: at},
				},
			})
			if len(hs) == 500 {
				if err := a.st.Site("wiki").CommitBatch(ctx, hs); err != nil {
					b.Fatal(err)
				}
				hs = hs[:0]
			}
		}
		b.StartTimer()
		start := time.Now()
		res, err := a.r.Sync(ctx)
		if err != nil || res.Pushed != 10000 {
			b.Fatalf("push: %+v, %v", res, err)
		}
		push := time.Since(start)
		start = time.Now()
		res, err = c.r.Sync(ctx)
		if err != nil || res.Imported != 10000 {
			b.Fatalf("pull: %+v, %v", res, err)
		}
		pull := time.Since(start)
		b.ReportMetric(push.Seconds(), "push_s")
		b.ReportMetric(pull.Seconds(), "pull_s")
		b.ReportMetric(10000/push.Seconds(), "pushed_events/s")
		b.ReportMetric(10000/pull.Seconds(), "pulled_events/s")
		start = time.Now()
		evs, err := c.r.RangeEvents(ctx, netip.MustParsePrefix("10.0.1.0/24"), t0)
		if err != nil || len(evs) != 512 {
			b.Fatalf("RangeEvents: %d, %v", len(evs), err)
		}
		b.ReportMetric(float64(time.Since(start).Microseconds()), "range24_µs")
	}
}

func newBenchProcess(b *testing.B, dsn string) *process {
	st, err := store.Open(b.TempDir()+"/wikiwarden.db", store.Options{Share: true})
	if err != nil {
		b.Fatal(err)
	}
	r, err := pgmemory.New(context.Background(), st, pgmemory.Options{DSN: dsn, Timeout: time.Minute})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { r.Stop(); st.Close() })
	return &process{st: st, r: r}
}
