package store

import (
	"context"
	"errors"
	"fmt"
	"github.com/wikiwarden/wikiwarden/decision"
	"net/netip"
	"reflect"
	"sync"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// probe returns a probe event by ip on title at time t.
func probe(ip string, title string, t time.Time, tokens ...string) Event {
	return Event{Kind: EventProbe, IP: netip.MustParseAddr(ip), User: ip, Title: title, Time: t, Tokens: tokens}
}

// commitEvents commits one record carrying events.
func commitEvents(t testing.TB, s *Store, rev int64, events ...Event) {
	t.Helper()
	mustCommit(t, s, Handled{Record: record(rev, events[0].Time, "probe"), Events: events})
}

// ips returns the IPs of events, in order.
func ips(events []Event) []string {
	out := []string{}
	for _, e := range events {
		out = append(out, e.IP.String())
	}
	return out
}

func TestIPEventsRanges(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	// Committed out of time order on purpose: results are by time.
	commitEvents(t, s, 1, probe("192.0.2.200", "A", at(5)))
	commitEvents(t, s, 2, probe("192.0.2.7", "B", at(1)))
	commitEvents(t, s, 3, probe("192.0.3.7", "C", at(2)))   // neighbour /24
	commitEvents(t, s, 4, probe("192.0.1.255", "C", at(3))) // neighbour /24 below
	commitEvents(t, s, 5, probe("10.0.16.0", "D", at(4)))   // first of 10.0.16.0/20
	commitEvents(t, s, 6, probe("10.0.31.255", "D", at(6))) // last of 10.0.16.0/20
	commitEvents(t, s, 7, probe("10.0.15.255", "D", at(7))) // just below it
	commitEvents(t, s, 8, probe("10.0.32.0", "D", at(8)))   // just above it
	commitEvents(t, s, 9, probe("2001:db8:1:2::5", "E", at(9)))
	commitEvents(t, s, 10, probe("2001:db8:1:2:ffff:ffff:ffff:ffff", "E", at(10)))
	commitEvents(t, s, 11, probe("2001:db8:1:3::5", "E", at(11)))
	commitEvents(t, s, 12, probe("::ffff:192.0.2.9", "F", at(12))) // IPv4-mapped form of an IPv4 address
	commitEvents(t, s, 13, Event{Kind: EventSpam, User: "Registered", Title: "G", Time: at(13)})

	tests := []struct {
		prefix string
		want   []string
	}{
		{"192.0.2.0/24", []string{"192.0.2.7", "192.0.2.200", "::ffff:192.0.2.9"}},
		{"192.0.2.77/24", []string{"192.0.2.7", "192.0.2.200", "::ffff:192.0.2.9"}}, // host bits ignored
		{"192.0.2.7/32", []string{"192.0.2.7"}},
		{"192.0.2.8/32", []string{}},
		{"10.0.16.0/20", []string{"10.0.16.0", "10.0.31.255"}},
		{"10.0.20.1/20", []string{"10.0.16.0", "10.0.31.255"}},
		{"2001:db8:1:2::/64", []string{"2001:db8:1:2::5", "2001:db8:1:2:ffff:ffff:ffff:ffff"}},
		{"2001:db8:1:2::5/128", []string{"2001:db8:1:2::5"}},
		{"2001:db8::/32", []string{"2001:db8:1:2::5", "2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:3::5"}},
		{"::ffff:192.0.2.0/120", []string{"192.0.2.7", "192.0.2.200", "::ffff:192.0.2.9"}},
	}
	for _, tt := range tests {
		got, err := s.IPEvents(ctx, netip.MustParsePrefix(tt.prefix), time.Time{})
		if err != nil {
			t.Fatalf("%s: %v", tt.prefix, err)
		}
		if !reflect.DeepEqual(ips(got), tt.want) {
			t.Errorf("IPEvents(%s) = %v, want %v", tt.prefix, ips(got), tt.want)
		}
	}

	// IPv4 and IPv6 do not mix: all of IPv4 has 9 of the events.
	all4, err := s.IPEvents(ctx, netip.MustParsePrefix("0.0.0.0/0"), time.Time{})
	if err != nil || len(all4) != 9 {
		t.Errorf("0.0.0.0/0 found %d events, %v; want 9: %v", len(all4), err, ips(all4))
	}
	if _, err := s.IPEvents(ctx, netip.Prefix{}, time.Time{}); err == nil {
		t.Error("IPEvents of an invalid prefix succeeded")
	}
}

func TestIPEventsSince(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	// Each IP of the range has events before and after the cutoff, so the
	// scan must skip old events in the middle of the range.
	for i, ip := range []string{"203.0.113.1", "203.0.113.2", "203.0.113.3"} {
		commitEvents(t, s, int64(10*i+1), probe(ip, "P", at(i)))
		commitEvents(t, s, int64(10*i+2), probe(ip, "P", at(10+i)))
		commitEvents(t, s, int64(10*i+3), probe(ip, "P", at(20+i)))
	}
	got, err := s.IPEvents(ctx, netip.MustParsePrefix("203.0.113.0/24"), at(10))
	if err != nil {
		t.Fatal(err)
	}
	var times []int
	for _, e := range got {
		times = append(times, int(e.Time.Sub(t0)/time.Minute))
	}
	if want := []int{10, 11, 12, 20, 21, 22}; !reflect.DeepEqual(times, want) {
		t.Errorf("event minutes since 10 = %v, want %v (inclusive, oldest first)", times, want)
	}
	got, err = s.IPEvents(ctx, netip.MustParsePrefix("203.0.113.2/32"), at(21))
	if err != nil || len(got) != 1 || !got[0].Time.Equal(at(21)) {
		t.Errorf("one IP since 21: %+v, %v", got, err)
	}
}

func TestPageAndTokenEvents(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	commitEvents(t, s, 1, probe("192.0.2.1", "Foo", at(1), "xkcdq", "vvbnm"))
	commitEvents(t, s, 2, probe("198.51.100.1", "Foo bar", at(2), "xkcdq"))
	commitEvents(t, s, 3, probe("192.0.2.2", "Foo", at(3), "xkcdqq"))
	commitEvents(t, s, 4, probe("192.0.2.3", "foo", at(4)))

	got, err := s.PageEvents(ctx, "Foo", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"192.0.2.1", "192.0.2.2"}; !reflect.DeepEqual(ips(got), want) {
		t.Errorf(`PageEvents("Foo") = %v, want %v`, ips(got), want)
	}
	got, err = s.PageEvents(ctx, "Foo", at(2))
	if want := []string{"192.0.2.2"}; err != nil || !reflect.DeepEqual(ips(got), want) {
		t.Errorf(`PageEvents("Foo", since 2) = %v, %v; want %v`, ips(got), err, want)
	}
	got, err = s.PageEvents(ctx, "Nowhere", time.Time{})
	if err != nil || len(got) != 0 {
		t.Errorf("PageEvents of an unknown page = %v, %v", got, err)
	}

	got, err = s.TokenEvents(ctx, "xkcdq")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Title != "Foo" || got[1].Title != "Foo bar" {
		t.Errorf(`TokenEvents("xkcdq") = %+v, want Foo then Foo bar`, got)
	}
	if got, err := s.TokenEvents(ctx, "xkcd"); err != nil || len(got) != 0 {
		t.Errorf("a token prefix matched: %+v, %v", got, err)
	}

	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Tokens != 3 || st.Pages != 3 || st.Events != 4 || st.Records != 4 {
		t.Errorf("Stats = %+v, want 3 tokens, 3 pages, 4 events, 4 records", st)
	}
}

func TestLastRevert(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if _, err := s.LastRevert(ctx, "Spammer", "Page"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("LastRevert before any: got %v, want ErrNotFound", err)
	}
	rev := func(t time.Time) Event { return Event{Kind: EventRevert, User: "Spammer", Title: "Page", Time: t} }
	commitEvents(t, s, 1, rev(at(5)))
	commitEvents(t, s, 2, rev(at(3))) // older, committed later: the mark keeps the latest
	commitEvents(t, s, 3, Event{Kind: EventProbe, User: "Spammer", Title: "Page", Time: at(9)})
	got, err := s.LastRevert(ctx, "Spammer", "Page")
	if err != nil || !got.Equal(at(5)) {
		t.Errorf("LastRevert = %v, %v; want %v", got, err, at(5))
	}
	for _, q := range [][2]string{{"Spammer", "Other"}, {"Other", "Page"}, {"SpammerPage", ""}} {
		if _, err := s.LastRevert(ctx, q[0], q[1]); !errors.Is(err, ErrNotFound) {
			t.Errorf("LastRevert%q: got %v, want ErrNotFound", q, err)
		}
	}
}

func TestBlocks(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	mustCommit(t, s, Handled{Record: record(1, at(1), "probe"), Block: &Block{Target: "192.0.2.0/24", Expiry: "1 week", Time: at(10)}})
	mustCommit(t, s, Handled{Record: record(2, at(2), "probe"), Block: &Block{Target: "192.0.2.9/24", Expiry: "1 month", Time: at(20)}})
	mustCommit(t, s, Handled{Record: record(3, at(3), "probe"), Block: &Block{Target: "192.0.2.9", Expiry: "31 hours", Time: at(5)}})
	mustCommit(t, s, Handled{Record: record(4, at(4), "probe"), Block: &Block{Target: "2001:DB8::1", Expiry: "31 hours", Time: at(6)}})

	got, err := s.Blocks(ctx, "192.0.2.0/24")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Expiry != "1 week" || got[1].Expiry != "1 month" || got[1].Target != "192.0.2.0/24" {
		t.Errorf("Blocks of the /24 = %+v, want week then month, canonical target", got)
	}
	if got, err := s.Blocks(ctx, "192.0.2.9"); err != nil || len(got) != 1 || got[0].Expiry != "31 hours" {
		t.Errorf("Blocks of the IP = %+v, %v", got, err)
	}
	if got, err := s.Blocks(ctx, "2001:db8::1"); err != nil || len(got) != 1 {
		t.Errorf("Blocks of an IPv6 address in another spelling = %+v, %v", got, err)
	}
	if got, err := s.Blocks(ctx, "192.0.2.10"); err != nil || len(got) != 0 {
		t.Errorf("Blocks of an unblocked IP = %+v, %v", got, err)
	}
}

func TestNormalizeTarget(t *testing.T) {
	tests := []struct{ in, want string }{
		{"198.51.100.7", "198.51.100.7"},
		{" 198.51.100.7 ", "198.51.100.7"},
		{"198.51.100.7/32", "198.51.100.7"},
		{"::ffff:198.51.100.7", "198.51.100.7"},
		{"::ffff:198.51.100.7/128", "198.51.100.7"},
		{"::ffff:198.51.100.0/120", "198.51.100.0/24"},
		{"::ffff:198.51.100.9/120", "198.51.100.0/24"},
		{"198.51.100.9/24", "198.51.100.0/24"},
		{"2001:DB8::1", "2001:db8::1"},
		{"2001:db8::1/128", "2001:db8::1"},
		{"fe80::1%eth0", "fe80::1"},
		{"2001:db8::9/64", "2001:db8::/64"},
		{"::ffff:0:0/96", "0.0.0.0/0"},
		{"::ffff:0:0/95", "::fffe:0:0/95"}, // wider than IPv4: stays IPv6
		{"Some User", "Some User"},
	}
	for _, tt := range tests {
		if got := normalizeTarget(tt.in); got != tt.want {
			t.Errorf("normalizeTarget(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestBlocksCanonicalAddress checks that every spelling of one address,
// as an address, a single-address prefix or an IPv4-mapped IPv6 address,
// stores and finds the same blocks.
func TestBlocksCanonicalAddress(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	mustCommit(t, s, Handled{Record: record(1, at(1), "probe"), Block: &Block{Target: "198.51.100.7", Expiry: "31 hours", Time: at(1)}})
	mustCommit(t, s, Handled{Record: record(2, at(2), "probe"), Block: &Block{Target: "::ffff:198.51.100.7/128", Expiry: "1 week", Time: at(2)}})
	mustCommit(t, s, Handled{Record: record(3, at(3), "probe"), Block: &Block{Target: "::ffff:198.51.100.0/120", Expiry: "1 month", Time: at(3)}})
	for _, target := range []string{"198.51.100.7", "198.51.100.7/32", "::ffff:198.51.100.7", "::ffff:198.51.100.7/128"} {
		got, err := s.Blocks(ctx, target)
		if err != nil {
			t.Fatalf("Blocks(%q): %v", target, err)
		}
		if len(got) != 2 || got[0].Expiry != "31 hours" || got[1].Expiry != "1 week" || got[1].Target != "198.51.100.7" {
			t.Errorf("Blocks(%q) = %+v, want 31 hours then 1 week, both on 198.51.100.7", target, got)
		}
	}
	got, err := s.Blocks(ctx, "198.51.100.0/24")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Target != "198.51.100.0/24" {
		t.Errorf("Blocks of the /24 = %+v, want the block stored as ::ffff:198.51.100.0/120", got)
	}
}

func TestRecords(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	verdicts := []decision.Verdict{"ok", "probe", "ok", "link_spam", "probe", "ok"}
	for i, v := range verdicts {
		mustCommit(t, s, Handled{Record: record(int64(100+i), at(i), v)})
	}
	revs := func(rs []Record) []int64 {
		out := []int64{}
		for _, r := range rs {
			out = append(out, r.RevID)
		}
		return out
	}
	tests := []struct {
		q    Query
		want []int64
	}{
		{Query{}, []int64{105, 104, 103, 102, 101, 100}},
		{Query{Limit: 2}, []int64{105, 104}},
		{Query{Since: at(3)}, []int64{105, 104, 103}},
		{Query{Verdicts: []decision.Verdict{"probe", "link_spam"}}, []int64{104, 103, 101}},
		{Query{Verdicts: []decision.Verdict{"probe"}, Limit: 1}, []int64{104}},
		{Query{Verdicts: []decision.Verdict{"probe"}, Since: at(2)}, []int64{104}},
		{Query{Since: at(99)}, []int64{}},
	}
	for _, tt := range tests {
		got, err := s.Records(ctx, tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(revs(got), tt.want) {
			t.Errorf("Records(%+v) = %v, want %v", tt.q, revs(got), tt.want)
		}
	}

	// Committing a revision again replaces its record, also in the index.
	mustCommit(t, s, Handled{Record: record(100, at(10), "probe")})
	got, err := s.Records(ctx, Query{})
	if want := []int64{100, 105, 104, 103, 102, 101}; err != nil || !reflect.DeepEqual(revs(got), want) {
		t.Errorf("after recommitting 100: %v, %v; want %v", revs(got), err, want)
	}
	if _, err := s.Record(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Record(999): got %v, want ErrNotFound", err)
	}
}

func TestDomainsAndModel(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if _, _, err := s.Model(ctx); !errors.Is(err, ErrNotFound) {
		t.Errorf("Model before any: got %v, want ErrNotFound", err)
	}
	if err := s.AddKnownDomains(ctx, []string{"Example.org", " wikipedia.org.", ""}); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkSpamDomains(ctx, []string{"CASINO.example"}); err != nil {
		t.Fatal(err)
	}
	mustCommit(t, s, Handled{Record: record(1, at(0), "link_spam"), SpamDomains: []string{"pills.example"}})
	d, err := s.Domains(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := Domains{
		Known: map[string]bool{"example.org": true, "wikipedia.org": true},
		Spam:  map[string]bool{"casino.example": true, "pills.example": true},
	}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("Domains = %+v, want %+v", d, want)
	}

	if err := s.PutModel(ctx, []byte("v1"), at(0)); err != nil {
		t.Fatal(err)
	}
	if err := s.PutModel(ctx, []byte("v2"), at(1)); err != nil {
		t.Fatal(err)
	}
	data, trained, err := s.Model(ctx)
	if err != nil || string(data) != "v2" || !trained.Equal(at(1)) {
		t.Errorf("Model = %q, %v, %v; want v2 at %v", data, trained, err, at(1))
	}
}

func TestExpire(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	ip := netip.MustParseAddr("192.0.2.5")
	// Old: 1 record, 2 events (probe + revert), 1 revert mark, 1 block.
	mustCommit(t, s, Handled{
		Record: record(1, at(0), "probe"),
		Events: []Event{
			{Kind: EventProbe, IP: ip, Title: "Old", Time: at(0), Tokens: []string{"oldtok", "shared"}},
			{Kind: EventRevert, IP: ip, User: "192.0.2.5", Title: "Old", Time: at(0)},
		},
		Block: &Block{Target: "192.0.2.5", Expiry: "31 hours", Time: at(0)},
	})
	// New: exactly at the cutoff, which is kept.
	mustCommit(t, s, Handled{
		Record: record(2, at(10), "probe"),
		Cursor: Cursor{Time: at(10), RCID: 2},
		Events: []Event{{Kind: EventProbe, IP: ip, Title: "New", Time: at(10), Tokens: []string{"shared"}}},
		Block:  &Block{Target: "192.0.2.5", Expiry: "1 week", Time: at(10)},
	})
	if err := s.PutModel(ctx, []byte("m"), at(0)); err != nil {
		t.Fatal(err)
	}

	n, err := s.Expire(ctx, at(10))
	if err != nil {
		t.Fatal(err)
	}
	if n != 5 {
		t.Errorf("Expire removed %d entries, want 5 (1 record, 2 events, 1 revert mark, 1 block)", n)
	}
	if _, err := s.Record(ctx, 1); !errors.Is(err, ErrNotFound) {
		t.Errorf("old record survived: %v", err)
	}
	if _, err := s.Record(ctx, 2); err != nil {
		t.Errorf("record at the cutoff expired: %v", err)
	}
	if evs, err := s.IPEvents(ctx, netip.PrefixFrom(ip, 32), time.Time{}); err != nil || len(evs) != 1 || evs[0].Title != "New" {
		t.Errorf("IP events after Expire = %+v, %v; want only New", evs, err)
	}
	if evs, err := s.PageEvents(ctx, "Old", time.Time{}); err != nil || len(evs) != 0 {
		t.Errorf("page index kept expired events: %+v, %v", evs, err)
	}
	if evs, err := s.TokenEvents(ctx, "shared"); err != nil || len(evs) != 1 {
		t.Errorf("token index after Expire = %+v, %v; want the new event only", evs, err)
	}
	if _, err := s.LastRevert(ctx, "192.0.2.5", "Old"); !errors.Is(err, ErrNotFound) {
		t.Errorf("old revert mark survived: %v", err)
	}
	if bs, err := s.Blocks(ctx, "192.0.2.5"); err != nil || len(bs) != 1 || bs[0].Expiry != "1 week" {
		t.Errorf("blocks after Expire = %+v, %v", bs, err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := Stats{Records: 1, Events: 1, Blocks: 1, Tokens: 1, Pages: 1, Cursor: st.Cursor}
	if st != want || st.Cursor.RCID != 2 {
		t.Errorf("Stats after Expire = %+v, want %+v with the cursor kept", st, want)
	}
	if _, _, err := s.Model(ctx); err != nil {
		t.Errorf("Expire removed the model: %v", err)
	}
	if n, err := s.Expire(ctx, at(10)); err != nil || n != 0 {
		t.Errorf("second Expire = %d, %v; want 0", n, err)
	}
}

// TestConcurrentUse exercises writers and readers together under -race.
func TestConcurrentUse(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	prefix := netip.MustParsePrefix("192.0.2.0/24")
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range 25 {
				rev := int64(w*100 + i + 1)
				ip := fmt.Sprintf("192.0.2.%d", w*25+i)
				if err := s.Commit(ctx, Handled{
					Record: record(rev, at(i), "probe"),
					Cursor: Cursor{Time: at(i), RCID: rev},
					Events: []Event{probe(ip, "P", at(i), "tok")},
				}); err != nil {
					t.Error(err)
					return
				}
				if _, err := s.IPEvents(ctx, prefix, time.Time{}); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	evs, err := s.IPEvents(ctx, prefix, time.Time{})
	if err != nil || len(evs) != 100 {
		t.Errorf("after concurrent commits: %d events, %v; want 100", len(evs), err)
	}
}

// BenchmarkCommit measures one handled edit with a probe event and a record,
// including bbolt's fsync.
func BenchmarkCommit(b *testing.B) {
	s := openTest(b)
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		ip := netip.AddrFrom4([4]byte{192, 0, byte(i >> 8), byte(i)})
		t := at(i)
		h := Handled{
			Record: record(int64(i), t, "probe"),
			Cursor: Cursor{Time: t, RCID: int64(i)},
			Events: []Event{{Kind: EventProbe, IP: ip, User: ip.String(), Title: fmt.Sprintf("Page %d", i%500), Time: t, Tokens: []string{"xqzvkt"}}},
		}
		if err := s.Commit(ctx, h); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIPEvents queries a /24 in a store holding 20,000 events spread
// over 256 /24s (78 in the queried one, one per IP), half of them older than the query's since.
func BenchmarkIPEvents(b *testing.B) {
	s := openTest(b)
	ctx := context.Background()
	const n = 20000
	err := s.db.Update(func(tx *bbolt.Tx) error {
		st, err := createSite(tx, DefaultSite)
		if err != nil {
			return err
		}
		for i := range n {
			ip := netip.AddrFrom4([4]byte{10, 0, byte(i % 256), byte(i / 256)})
			if err := putEvent(tx, st, Event{Kind: EventProbe, IP: ip, Title: "P", Time: at(i % 100)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	prefix := netip.MustParsePrefix("10.0.42.0/24") // 78 events on 78 IPs
	b.ReportAllocs()
	for b.Loop() {
		evs, err := s.IPEvents(ctx, prefix, at(50))
		if err != nil || len(evs) == 0 {
			b.Fatal(len(evs), err)
		}
	}
}

// TestExpireInvalidUTF8 checks that text with invalid UTF-8 is indexed under
// the same key that Expire rebuilds from the stored JSON, so expiring it
// leaves no index entry pointing at a deleted event.
func TestExpireInvalidUTF8(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	ip := netip.MustParseAddr("192.0.2.5")
	mustCommit(t, s, Handled{
		Record: Record{RevID: 1, Title: "Page\xff", User: "U\xfe", Time: at(0), Verdict: "probe\xff"},
		Events: []Event{
			{Kind: EventProbe, IP: ip, User: "U\xfe", Title: "Page\xff", Time: at(0), Tokens: []string{"qzx\xffk"}},
			{Kind: EventRevert, IP: ip, User: "U\xfe", Title: "Page\xff", Time: at(0)},
		},
		Block: &Block{Target: "192.0.2.5", Expiry: "31 hours", Time: at(0), Reason: "r\xff"},
	})

	// Before expiry the raw and the replaced spellings find the event.
	for _, title := range []string{"Page\xff", "Page\uFFFD"} {
		evs, err := s.PageEvents(ctx, title, time.Time{})
		if err != nil || len(evs) != 2 || evs[0].Title != "Page\uFFFD" {
			t.Errorf("PageEvents(%q) before Expire = %+v, %v; want 2 events on %q", title, evs, err, "Page\uFFFD")
		}
	}
	if evs, err := s.TokenEvents(ctx, "qzx\xffk"); err != nil || len(evs) != 1 {
		t.Errorf("TokenEvents before Expire = %+v, %v; want 1 event", evs, err)
	}
	if _, err := s.LastRevert(ctx, "U\xfe", "Page\xff"); err != nil {
		t.Errorf("LastRevert before Expire: %v", err)
	}

	if _, err := s.Expire(ctx, at(1)); err != nil {
		t.Fatal(err)
	}
	for _, title := range []string{"Page\xff", "Page\uFFFD"} {
		if evs, err := s.PageEvents(ctx, title, time.Time{}); err != nil || len(evs) != 0 {
			t.Errorf("PageEvents(%q) after Expire = %+v, %v; want none and no error", title, evs, err)
		}
	}
	for _, tok := range []string{"qzx\xffk", "qzx\uFFFDk"} {
		if evs, err := s.TokenEvents(ctx, tok); err != nil || len(evs) != 0 {
			t.Errorf("TokenEvents(%q) after Expire = %+v, %v; want none and no error", tok, evs, err)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Events != 0 || st.Pages != 0 || st.Tokens != 0 || st.Records != 0 {
		t.Errorf("Stats after Expire = %+v, want no events, pages, tokens or records", st)
	}
}
