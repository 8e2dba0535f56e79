package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/wikiwarden/wikiwarden/decision"
)

// millionIPs is how many distinct remembered IPs the lookup benchmarks hold.
const millionIPs = 1_000_000

// denseRange is a /24 whose every address probed: the worst case of a range
// lookup.
var denseRange = netip.MustParsePrefix("198.51.100.0/24")

// openBench opens a store for a benchmark with bbolt's fsync off: setup
// writes are what it measures least.
func openBench(b *testing.B) *Store {
	b.Helper()
	s, err := Open(filepath.Join(b.TempDir(), "bench.db"), Options{CheckLimit: -1})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close() })
	return s
}

// fillIPs remembers one probe event for each of n random IPv4 addresses
// (all of denseRange among them), spread over 30 days before at(0), in one
// write transaction, and returns the addresses.
func fillIPs(b *testing.B, s *Store, n int) []netip.Addr {
	b.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	ips := make([]netip.Addr, 0, n)
	seen := make(map[netip.Addr]bool, n)
	for a := denseRange.Addr(); denseRange.Contains(a); a = a.Next() {
		ips = append(ips, a)
		seen[a] = true
	}
	for len(ips) < n {
		a := netip.AddrFrom4([4]byte{byte(1 + rng.IntN(222)), byte(rng.IntN(256)), byte(rng.IntN(256)), byte(rng.IntN(256))})
		if !seen[a] {
			seen[a] = true
			ips = append(ips, a)
		}
	}
	events := make([]Event, len(ips))
	for i, ip := range ips {
		events[i] = Event{Kind: EventProbe, IP: ip, User: ip.String(), Title: fmt.Sprintf("Page %d", i%5000),
			Time: at(-rng.IntN(30 * 24 * 60)), Tokens: []string{fmt.Sprintf("tok%d", i%20000)}}
	}
	start := time.Now()
	s.db.NoSync = true
	defer func() { s.db.NoSync = false }()
	err := s.db.Update(func(tx *bbolt.Tx) error {
		st, err := createSite(tx, DefaultSite)
		if err != nil {
			return err
		}
		return bulkEvents(tx, st, events)
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("setup: %d events in one transaction in %s", n, time.Since(start).Round(time.Millisecond))
	return ips
}

// BenchmarkIPEvents1M looks up IPs and ranges among 1M remembered IPs, as
// the bot does for every anonymous contribution: the IP, then its /24.
func BenchmarkIPEvents1M(b *testing.B) {
	s := openBench(b)
	ips := fillIPs(b, s, millionIPs)
	ctx := context.Background()
	since := at(-15 * 24 * 60) // half the events are older
	lookup := func(b *testing.B, prefix func(i int) netip.Prefix) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := s.IPEvents(ctx, prefix(i), since); err != nil {
				b.Fatal(err)
			}
			i++
		}
	}
	b.Run("ip", func(b *testing.B) {
		lookup(b, func(i int) netip.Prefix { return netip.PrefixFrom(ips[(i*7919)%len(ips)], 32) })
	})
	b.Run("ip-unknown", func(b *testing.B) {
		lookup(b, func(i int) netip.Prefix {
			return netip.PrefixFrom(netip.AddrFrom4([4]byte{240, 0, byte(i >> 8), byte(i)}), 32)
		})
	})
	b.Run("range24", func(b *testing.B) {
		// The /24 of a remembered IP: a handful of events.
		lookup(b, func(i int) netip.Prefix {
			p, _ := ips[(i*7919)%len(ips)].Prefix(24)
			return p
		})
	})
	b.Run("range24-dense", func(b *testing.B) {
		// Every one of the 256 addresses probed: about 128 events since.
		lookup(b, func(int) netip.Prefix { return denseRange })
	})
	b.Run("range16", func(b *testing.B) {
		// A /16 holds about 60 remembered IPs at this density.
		lookup(b, func(i int) netip.Prefix {
			p, _ := ips[(i*7919)%len(ips)].Prefix(16)
			return p
		})
	})
}

// BenchmarkExpire1M deletes 1M expired records, each with its probe event,
// in one Expire call (several transactions of 100,000). Run it with
// -benchtime=1x: setup writes 2M entries.
func BenchmarkExpire1M(b *testing.B) {
	const n = 1_000_000
	s := openBench(b)
	ctx := context.Background()
	fill := func() {
		start := time.Now()
		s.db.NoSync = true
		defer func() { s.db.NoSync = false }()
		err := s.db.Update(func(tx *bbolt.Tx) error {
			st, err := createSite(tx, DefaultSite)
			if err != nil {
				return err
			}
			for i := range n {
				t := at(-n + i)
				ip := netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)})
				r := Record{Site: DefaultSite, RevID: int64(i + 1), Title: "Page", User: ip.String(), IP: ip.String(), Anon: true,
					Time: t, Seen: t, Verdict: decision.VerdictOK, Action: decision.ActionNone}
				if err := putRecord(st, r); err != nil {
					return err
				}
				if err := putEvent(tx, st, Event{Kind: EventProbe, IP: ip, User: ip.String(), Title: "Page", Time: t, Tokens: []string{"tok"}}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("setup: %d records and %d events in one transaction in %s", n, n, time.Since(start).Round(time.Millisecond))
	}
	fill()
	first := true
	for b.Loop() {
		if !first {
			b.StopTimer()
			fill()
			b.StartTimer()
		}
		first = false
		m, err := s.Expire(ctx, at(1))
		if err != nil || m != 2*n {
			b.Fatalf("Expire removed %d, %v; want %d", m, err, 2*n)
		}
	}
}

// bulkEvents writes events as putEvent would, but bucket by bucket in key
// order. bbolt splits nodes only at commit, so a transaction that inserts a
// million keys in random order into one bucket moves ever larger node
// slices on every insert; in key order each insert is an append.
func bulkEvents(tx *bbolt.Tx, st site, events []Event) error {
	type kv struct{ k, v []byte }
	type target struct {
		b   *bbolt.Bucket
		kvs []kv
	}
	evb := tx.Bucket(bucketEvents)
	targets := map[string]*target{"events": {b: evb}}
	seq := evb.Sequence()
	for _, e := range events {
		e.Site = st.name
		seq++
		id := eventID(e.Time, seq)
		v, err := json.Marshal(e)
		if err != nil {
			return err
		}
		targets["events"].kvs = append(targets["events"].kvs, kv{id, v})
		for _, ix := range indexKeys(e, id) {
			name := string(ix.bucket)
			if targets[name] == nil {
				b := tx.Bucket(ix.bucket)
				if ix.site {
					b = st.bucket(ix.bucket)
				}
				targets[name] = &target{b: b}
			}
			targets[name].kvs = append(targets[name].kvs, kv{ix.key, nil})
		}
	}
	for _, t := range targets {
		slices.SortFunc(t.kvs, func(a, b kv) int { return bytes.Compare(a.k, b.k) })
		for _, e := range t.kvs {
			if err := t.b.Put(e.k, e.v); err != nil {
				return err
			}
		}
	}
	return evb.SetSequence(seq)
}

// BenchmarkCommitBatch commits chunks of 100 handled edits, each a record,
// its cursor and a probe event, in one synced transaction per chunk, as a
// patrol pass would; compare ns/op / 100 with BenchmarkCommit's one edit.
func BenchmarkCommitBatch(b *testing.B) {
	s := openTest(b)
	ss := s.Site("wiki")
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		hs := make([]Handled, 100)
		for j := range hs {
			i++
			ip := netip.AddrFrom4([4]byte{192, byte(i >> 16), byte(i >> 8), byte(i)})
			t := at(i)
			hs[j] = Handled{
				Record: record(int64(i), t, decision.VerdictProbe),
				Cursor: Cursor{Time: t, RCID: int64(i)},
				Events: []Event{{Kind: EventProbe, IP: ip, User: ip.String(), Title: fmt.Sprintf("Page %d", i%500), Time: t, Tokens: []string{"xqzvkt"}}},
			}
		}
		if err := ss.CommitBatch(ctx, hs); err != nil {
			b.Fatal(err)
		}
	}
}
