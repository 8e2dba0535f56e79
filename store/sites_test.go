package store

import (
	"context"
	"errors"
	"net/netip"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/wikiwarden/wikiwarden/decision"
)

// copyFixture copies testdata/name into a temporary directory.
func copyFixture(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "wikiwarden.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestMigrateSchema1 opens a store written by the single-wiki build (schema
// 1; testdata/schema1.db holds two edits, a probe and its revert, follow-up
// spam and a range block, a known and a spam domain, and a model) and finds
// all of it under the configured site.
func TestMigrateSchema1(t *testing.T) {
	ctx := context.Background()
	for _, site := range []string{"", "enwiki"} {
		want := site
		if want == "" {
			want = DefaultSite
		}
		t.Run(want, func(t *testing.T) {
			path := copyFixture(t, "schema1.db")
			// Read-only cannot migrate, and says so.
			if _, err := Open(path, Options{ReadOnly: true}); !errors.Is(err, ErrSchema) || !strings.Contains(err.Error(), "migrated to 2") {
				t.Errorf("read-only Open of schema 1: %v", err)
			}
			if rep, err := Verify(path, Options{}); err != nil || rep.Schema != 1 || !strings.Contains(rep.Note, "migrates") {
				t.Errorf("Verify of schema 1: %+v, %v", rep, err)
			}
			s, err := Open(path, Options{DefaultSite: site})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if names, err := s.Sites(ctx); err != nil || !reflect.DeepEqual(names, []string{want}) {
				t.Errorf("Sites = %v, %v; want [%s]", names, err, want)
			}
			ss := s.Site(want)
			c, err := ss.Cursor(ctx)
			if err != nil || c.RCID != 502 || !c.Time.Equal(at(10)) {
				t.Errorf("cursor: %+v, %v", c, err)
			}
			r, err := ss.Record(ctx, 101)
			if err != nil || r.Verdict != decision.VerdictProbe || r.Site != want {
				t.Errorf("record 101: %+v, %v", r, err)
			}
			if recs, err := ss.Records(ctx, Query{}); err != nil || len(recs) != 2 {
				t.Errorf("records: %d, %v", len(recs), err)
			}
			evs, err := ss.PageEvents(ctx, "Aardvark", time.Time{})
			if err != nil || len(evs) != 3 {
				t.Fatalf("page events: %+v, %v", evs, err)
			}
			for _, e := range evs {
				if e.Site != want {
					t.Errorf("event %+v not stamped with site %s", e, want)
				}
			}
			if evs, err := ss.IPEvents(ctx, netip.MustParsePrefix("192.0.2.0/24"), time.Time{}); err != nil || len(evs) != 3 {
				t.Errorf("IP events: %+v, %v", evs, err)
			}
			if evs, err := ss.TokenEventsSince(ctx, "xkqzvbwpl", time.Time{}); err != nil || len(evs) != 1 {
				t.Errorf("token events: %+v, %v", evs, err)
			}
			if when, err := ss.LastRevert(ctx, "192.0.2.7", "Aardvark"); err != nil || !when.Equal(at(1)) {
				t.Errorf("last revert: %v, %v", when, err)
			}
			if bs, err := ss.Blocks(ctx, "192.0.2.0/24"); err != nil || len(bs) != 1 || bs[0].Expiry != "1 day" {
				t.Errorf("blocks: %+v, %v", bs, err)
			}
			if d, err := ss.Domains(ctx); err != nil || !d.Known["good.example"] || !d.Spam["spam.example"] {
				t.Errorf("domains: %+v, %v", d, err)
			}
			if m, trained, err := ss.Model(ctx); err != nil || string(m) != "model-bytes" || !trained.Equal(at(-60)) {
				t.Errorf("model: %q %v %v", m, trained, err)
			}
			// The Store's own methods are the default site's.
			if _, err := s.Record(ctx, 102); err != nil {
				t.Errorf("Store.Record after migration: %v", err)
			}
			// And the migrated file is a sound schema 2 store.
			s.Close()
			rep, err := Verify(path, Options{})
			if err != nil || rep.Schema != schemaVersion || len(rep.Sites) != 1 || rep.Sites[0].Records != 2 || rep.Events != 3 || !rep.Sites[0].HasModel {
				t.Errorf("Verify after migration: %+v, %v", rep, err)
			}
		})
	}
}

// TestSitesShareTheBotnet checks what one memory across sites means: IPs,
// ranges, tokens and spam domains count everywhere; records, cursors,
// places, reverts, blocks, known domains and models stay per site.
func TestSitesShareTheBotnet(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	wiki, forum := s.Site("wiki"), s.Site("forum")
	ip := netip.MustParseAddr("192.0.2.7")
	mustCommitSite(t, wiki, Handled{
		Record: record(10, at(0), decision.VerdictProbe), Cursor: Cursor{Time: at(0), RCID: 1},
		Events: []Event{
			{Kind: EventProbe, IP: ip, User: ip.String(), Title: "Aardvark", Time: at(0), Tokens: []string{"xkqzvbwpl"}},
			{Kind: EventRevert, IP: ip, User: ip.String(), Title: "Aardvark", Time: at(1)},
		},
		Block:       &Block{Target: "192.0.2.7", Expiry: "1 day", Time: at(1)},
		SpamDomains: []string{"spam.example"},
	})
	// The same revision id on the forum is another contribution.
	fr := record(10, at(5), decision.VerdictOK)
	fr.Title = "Topic 3"
	mustCommitSite(t, forum, Handled{
		Record: fr, Cursor: Cursor{Time: at(5), RCID: 77},
		Events: []Event{{Kind: EventProbe, IP: netip.MustParseAddr("192.0.2.99"), Title: "Topic 3", Time: at(5), Tokens: []string{"xkqzvbwpl"}}},
	})
	if err := wiki.AddKnownDomains(ctx, []string{"wikipedia.org"}); err != nil {
		t.Fatal(err)
	}
	if err := forum.PutModel(ctx, []byte("forum-model"), at(2)); err != nil {
		t.Fatal(err)
	}

	if names, err := s.Sites(ctx); err != nil || !reflect.DeepEqual(names, []string{"forum", "wiki"}) {
		t.Errorf("Sites = %v, %v", names, err)
	}
	// Shared: the range and the token, seen from either site.
	for _, ss := range []*SiteStore{wiki, forum} {
		evs, err := ss.IPEvents(ctx, netip.MustParsePrefix("192.0.2.0/24"), time.Time{})
		if err != nil || len(evs) != 3 || evs[0].Site != "wiki" || evs[2].Site != "forum" {
			t.Errorf("%s: IP events %+v, %v", ss.Name(), evs, err)
		}
		evs, err = ss.TokenEventsSince(ctx, "xkqzvbwpl", time.Time{})
		if err != nil || len(evs) != 2 || evs[0].Site != "wiki" || evs[1].Site != "forum" {
			t.Errorf("%s: token events %+v, %v", ss.Name(), evs, err)
		}
		if evs, err := ss.TokenEventsSince(ctx, "xkqzvbwpl", at(3)); err != nil || len(evs) != 1 {
			t.Errorf("%s: token events since: %+v, %v", ss.Name(), evs, err)
		}
		if d, err := ss.Domains(ctx); err != nil || !d.Spam["spam.example"] {
			t.Errorf("%s: spam domains %+v, %v", ss.Name(), d, err)
		}
	}
	// Per site.
	if r, err := wiki.Record(ctx, 10); err != nil || r.Verdict != decision.VerdictProbe || r.Site != "wiki" {
		t.Errorf("wiki record 10: %+v, %v", r, err)
	}
	if r, err := forum.Record(ctx, 10); err != nil || r.Verdict != decision.VerdictOK || r.Site != "forum" {
		t.Errorf("forum record 10: %+v, %v", r, err)
	}
	if c, err := forum.Cursor(ctx); err != nil || c.RCID != 77 {
		t.Errorf("forum cursor: %+v, %v", c, err)
	}
	if c, err := wiki.Cursor(ctx); err != nil || c.RCID != 1 {
		t.Errorf("wiki cursor: %+v, %v", c, err)
	}
	if evs, err := forum.PageEvents(ctx, "Aardvark", time.Time{}); err != nil || len(evs) != 0 {
		t.Errorf("forum sees the wiki's page: %+v, %v", evs, err)
	}
	if _, err := forum.LastRevert(ctx, ip.String(), "Aardvark"); !errors.Is(err, ErrNotFound) {
		t.Errorf("forum LastRevert: %v, want ErrNotFound", err)
	}
	if bs, err := forum.Blocks(ctx, "192.0.2.7"); err != nil || len(bs) != 0 {
		t.Errorf("forum sees the wiki's block: %+v, %v", bs, err)
	}
	if d, err := forum.Domains(ctx); err != nil || len(d.Known) != 0 {
		t.Errorf("forum known domains: %+v, %v", d, err)
	}
	if _, _, err := wiki.Model(ctx); !errors.Is(err, ErrNotFound) {
		t.Errorf("wiki model: %v, want ErrNotFound", err)
	}
	// A site never written to finds nothing and is not created by reading.
	other := s.Site("other")
	if _, err := other.Cursor(ctx); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown site cursor: %v", err)
	}
	if names, _ := s.Sites(ctx); len(names) != 2 {
		t.Errorf("reading created a site: %v", names)
	}
	// Bad names fail every method.
	for _, name := range []string{"", "a\x00b", strings.Repeat("x", 65)} {
		if _, err := s.Site(name).Cursor(ctx); err == nil || errors.Is(err, ErrNotFound) {
			t.Errorf("site %q: Cursor gave %v, want an error", name, err)
		}
	}
	// Expire of one site leaves the other's records.
	if _, err := forum.Expire(ctx, at(100)); err != nil {
		t.Fatal(err)
	}
	if _, err := forum.Record(ctx, 10); !errors.Is(err, ErrNotFound) {
		t.Errorf("forum record after forum Expire: %v", err)
	}
	if _, err := wiki.Record(ctx, 10); err != nil {
		t.Errorf("wiki record after forum Expire: %v", err)
	}
}

// mustCommitSite commits h to ss or fails the test.
func mustCommitSite(t testing.TB, ss *SiteStore, h Handled) {
	t.Helper()
	if err := ss.Commit(context.Background(), h); err != nil {
		t.Fatal(err)
	}
}

func TestCommitBatch(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	ss := s.Site("forum")
	var hs []Handled
	for i := range 50 {
		h := Handled{Record: record(int64(i+1), at(i), decision.VerdictOK), Cursor: Cursor{Time: at(i), RCID: int64(100 + i)}}
		if i%10 == 0 {
			h.Events = []Event{{Kind: EventProbe, IP: netip.MustParseAddr("198.51.100.1"), Title: "P", Time: at(i), Tokens: []string{"tok"}}}
		}
		hs = append(hs, h)
	}
	hs[49].Cursor = Cursor{} // a zero cursor leaves the last one standing
	if err := ss.CommitBatch(ctx, hs); err != nil {
		t.Fatal(err)
	}
	st, err := ss.Stats(ctx)
	if err != nil || st.Records != 50 || st.Events != 5 || st.Cursor.RCID != 148 {
		t.Errorf("after batch: %+v, %v", st, err)
	}
	// One bad entry writes nothing.
	bad := []Handled{
		{Record: record(1000, at(0), decision.VerdictOK), Cursor: Cursor{RCID: 999}},
		{Record: record(0, at(0), decision.VerdictOK)},
	}
	err = ss.CommitBatch(ctx, bad)
	if err == nil || !strings.Contains(err.Error(), "1 (rev 0)") {
		t.Errorf("batch with a bad record: %v", err)
	}
	if _, err := ss.Record(ctx, 1000); !errors.Is(err, ErrNotFound) {
		t.Errorf("a failed batch wrote its first record: %v", err)
	}
	if c, _ := ss.Cursor(ctx); c.RCID != 148 {
		t.Errorf("a failed batch moved the cursor to %d", c.RCID)
	}
	if err := ss.CommitBatch(ctx, nil); err != nil {
		t.Errorf("empty batch: %v", err)
	}
}

func TestPendingAndSetAside(t *testing.T) {
	ctx := context.Background()
	now := at(1000)
	path := filepath.Join(t.TempDir(), "wikiwarden.db")
	s, err := Open(path, Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	wiki, forum := s.Site("wiki"), s.Site("forum")

	pend := func(next int) *Pending {
		return &Pending{Title: "Aardvark", User: "192.0.2.7", Action: decision.ActionRevert, Attempts: 1, First: at(0), Next: at(next), LastError: "wiki: 503"}
	}
	mustCommitSite(t, wiki, Handled{Record: record(1, at(0), decision.VerdictProbe), Pending: pend(30)})
	mustCommitSite(t, wiki, Handled{Record: record(2, at(0), decision.VerdictProbe), Pending: pend(10)})
	mustCommitSite(t, forum, Handled{Record: record(1, at(0), decision.VerdictProbe), Pending: pend(20)})
	// A retry that failed again replaces the pending action.
	p2 := pend(40)
	p2.Attempts = 2
	mustCommitSite(t, wiki, Handled{Record: record(2, at(0), decision.VerdictProbe), Pending: p2})

	ps, err := wiki.Pendings(ctx)
	if err != nil || len(ps) != 2 || ps[0].ID != 1 || ps[1].ID != 2 || ps[1].Attempts != 2 || ps[0].Site != "wiki" {
		t.Fatalf("wiki pendings: %+v, %v", ps, err)
	}
	all, err := s.Pendings(ctx, "")
	if err != nil || len(all) != 3 || all[0].Site != "forum" || !all[0].Next.Equal(at(20)) {
		t.Errorf("all pendings: %+v, %v", all, err)
	}
	// Carried out: cleared with the record.
	mustCommitSite(t, wiki, Handled{Record: record(1, at(0), decision.VerdictProbe), ClearPending: true})
	// Budget spent: set aside, which removes the pending action.
	mustCommitSite(t, wiki, Handled{Record: record(2, at(0), decision.VerdictProbe),
		SetAside: &SetAside{Pending: *p2, Reason: "retry budget spent: 5 attempts", Time: at(50)}})
	mustCommitSite(t, forum, Handled{Record: record(1, at(0), decision.VerdictProbe),
		SetAside: &SetAside{Pending: *pend(20), Reason: "retry budget spent", Time: at(60)}})
	if ps, _ := wiki.Pendings(ctx); len(ps) != 0 {
		t.Errorf("wiki pendings after clear and set-aside: %+v", ps)
	}
	queue, err := s.SetAsides(ctx, "")
	if err != nil || len(queue) != 2 || queue[0].Pending.Site != "forum" || queue[1].Pending.ID != 2 || queue[1].Pending.LastError != "wiki: 503" {
		t.Fatalf("queue: %+v, %v", queue, err)
	}
	if st, _ := wiki.Stats(ctx); st.SetAside != 1 || st.Pending != 0 {
		t.Errorf("wiki stats: %+v", st)
	}

	// A moderator resolves the wiki's item.
	if err := s.Resolve(ctx, "wiki", 2, "Admin", "reverted by hand"); err != nil {
		t.Fatal(err)
	}
	if err := s.Resolve(ctx, "wiki", 2, "Admin", "again"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Resolve: %v, want ErrNotFound", err)
	}
	if err := s.Resolve(ctx, "nosuchsite", 2, "Admin", "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Resolve on an unknown site: %v, want ErrNotFound", err)
	}
	if q, _ := wiki.SetAsides(ctx); len(q) != 0 {
		t.Errorf("wiki queue after Resolve: %+v", q)
	}
	rs, err := wiki.Resolutions(ctx, 0)
	if err != nil || len(rs) != 1 || rs[0].By != "Admin" || rs[0].How != "reverted by hand" || !rs[0].Time.Equal(now) || rs[0].Item.Reason != "retry budget spent: 5 attempts" {
		t.Errorf("audit: %+v, %v", rs, err)
	}

	// Invalid pending actions are refused with the record.
	err = wiki.Commit(ctx, Handled{Record: record(3, at(0), decision.VerdictProbe), Pending: &Pending{Action: decision.ActionRevert}})
	if err == nil {
		t.Error("pending without a first failure time accepted")
	}
	if _, err := wiki.Record(ctx, 3); !errors.Is(err, ErrNotFound) {
		t.Errorf("record of a refused commit written: %v", err)
	}

	// Housekeeping removes them all once old: they name editors.
	mustCommitSite(t, forum, Handled{Record: record(5, at(0), decision.VerdictProbe), Pending: pend(20)})
	n, err := s.Expire(ctx, now.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if n < 5 { // 4 records, 1 pending, 1 set-aside item, 1 audit entry
		t.Errorf("Expire removed %d", n)
	}
	for _, name := range []string{"wiki", "forum"} {
		ss := s.Site(name)
		if ps, _ := ss.Pendings(ctx); len(ps) != 0 {
			t.Errorf("%s pendings after Expire: %+v", name, ps)
		}
		if q, _ := ss.SetAsides(ctx); len(q) != 0 {
			t.Errorf("%s queue after Expire: %+v", name, q)
		}
		if rs, _ := ss.Resolutions(ctx, 0); len(rs) != 0 {
			t.Errorf("%s audit after Expire: %+v", name, rs)
		}
	}
}

// TestExpireEverySiteBucket fills every bucket that can hold personal data
// on two sites and checks that one Expire past everything leaves nothing
// but cursors, domains and models.
func TestExpireEverySiteBucket(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	for _, name := range []string{"wiki", "forum"} {
		ss := s.Site(name)
		ip := netip.MustParseAddr("203.0.113.9")
		mustCommitSite(t, ss, Handled{
			Record: record(1, at(0), decision.VerdictProbe), Cursor: Cursor{Time: at(0), RCID: 1},
			Events: []Event{
				{Kind: EventProbe, IP: ip, User: ip.String(), Title: "P", Time: at(0), Tokens: []string{"tok"}},
				{Kind: EventRevert, IP: ip, User: ip.String(), Title: "P", Time: at(0)},
			},
			Block:   &Block{Target: ip.String(), Expiry: "1 day", Time: at(0)},
			Pending: &Pending{Action: decision.ActionRevertBlock, Target: ip.String(), First: at(0), Next: at(1)},
		})
		mustCommitSite(t, ss, Handled{Record: record(2, at(0), decision.VerdictProbe),
			SetAside: &SetAside{Pending: Pending{Action: decision.ActionRevert, User: ip.String(), First: at(0)}, Time: at(0)}})
		if err := ss.AddKnownDomains(ctx, []string{"example.org"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Expire(ctx, at(10)); err != nil {
		t.Fatal(err)
	}
	err := s.view(func(tx *bbolt.Tx) error {
		for _, b := range [][]byte{bucketEvents, bucketEventsByIP, bucketEventsByToken} {
			if n := tx.Bucket(b).Stats().KeyN; n != 0 {
				t.Errorf("%s: %d keys left", b, n)
			}
		}
		return forEachSite(tx, func(st site) error {
			for _, b := range siteBuckets {
				n := st.bucket(b).Stats().KeyN
				keep := slices.ContainsFunc([][]byte{bucketSiteMeta, bucketDomainsKnown}, func(k []byte) bool { return string(k) == string(b) })
				if n != 0 && !keep {
					t.Errorf("site %s: %s: %d keys left", st.name, b, n)
				}
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}
