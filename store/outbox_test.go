package store

import (
	"context"
	"errors"
	"net/netip"
	"path/filepath"
	"slices"
	"testing"

	"github.com/wikiwarden/wikiwarden/decision"
)

// openShared opens a store at path with sharing on or off.
func openShared(t testing.TB, path string, share bool) *Store {
	t.Helper()
	s, err := Open(path, Options{Share: share})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// probeAt is a probe event from ip at minute m on page title.
func probeAt(ip string, m int, title string) Event {
	return Event{Kind: EventProbe, IP: netip.MustParseAddr(ip), User: ip, Title: title, Time: at(m), Tokens: []string{"xkqzvbwpl"}}
}

func TestOutboxQueuedWithCommit(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "wikiwarden.db")
	s := openShared(t, path, true)
	origin, err := s.Origin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	forum := s.Site("forum")
	err = forum.CommitBatch(ctx, []Handled{
		{Record: record(1, at(1), decision.VerdictProbe), Events: []Event{probeAt("192.0.2.7", 1, "Topic 1")}},
		{Record: record(2, at(2), decision.VerdictLinkSpam), Events: []Event{{Kind: EventSpam, IP: netip.MustParseAddr("192.0.2.8"), Time: at(2), Domains: []string{"spam.example"}}},
			SpamDomains: []string{"Spam.Example"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.MarkSpamDomains(ctx, []string{"other.example"}); err != nil {
		t.Fatal(err)
	}
	// A crash right after the commit: the facts are in the file.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openShared(t, path, true)
	defer s.Close()
	if o, _ := s.Origin(ctx); o != origin {
		t.Fatalf("origin changed on reopen: %s, was %s", o, origin)
	}
	facts, err := s.Outbox(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(facts) != 4 {
		t.Fatalf("outbox holds %d facts, want 4: %+v", len(facts), facts)
	}
	for i, f := range facts {
		if f.Origin != origin || f.Seq != uint64(i+1) {
			t.Errorf("fact %d: id %s/%d, want %s/%d", i, f.Origin, f.Seq, origin, i+1)
		}
	}
	if e := facts[0].Event; e == nil || e.Site != "forum" || e.Title != "Topic 1" || e.IP != netip.MustParseAddr("192.0.2.7") || !e.Time.Equal(at(1)) {
		t.Errorf("fact 0 = %+v, want the forum's probe", facts[0].Event)
	}
	if f := facts[2]; f.Site != "forum" || len(f.SpamDomains) != 1 || f.SpamDomains[0] != "Spam.Example" || !f.Time.Equal(at(2).Add(1e9)) {
		t.Errorf("fact 2 = %+v, want the spam domain confirmed on the forum when the edit was seen", f)
	}
	if f := facts[3]; f.Site != "" || len(f.SpamDomains) != 1 || f.SpamDomains[0] != "other.example" {
		t.Errorf("fact 3 = %+v, want the domain marked by hand", f)
	}
	if got, _ := s.Outbox(ctx, 2); len(got) != 2 || got[1].Seq != 2 {
		t.Errorf("Outbox(2) = %+v, want the first two", got)
	}

	n, err := s.DropOutbox(ctx, 2)
	if err != nil || n != 2 {
		t.Fatalf("DropOutbox(2) = %d, %v; want 2", n, err)
	}
	if l, _ := s.OutboxLen(ctx); l != 2 {
		t.Fatalf("%d facts left, want 2", l)
	}
	if facts, _ := s.Outbox(ctx, 0); facts[0].Seq != 3 {
		t.Fatalf("first fact left is %d, want 3", facts[0].Seq)
	}
}

// TestOutboxAllOrNothing: a batch that fails queues nothing, as it stores
// nothing.
func TestOutboxAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := openShared(t, filepath.Join(t.TempDir(), "wikiwarden.db"), true)
	defer s.Close()
	err := s.CommitBatch(ctx, []Handled{
		{Record: record(1, at(1), decision.VerdictProbe), Events: []Event{probeAt("192.0.2.7", 1, "A")}},
		{Record: record(2, at(2), decision.VerdictProbe), Events: []Event{{Kind: EventProbe}}}, // no time
	})
	if err == nil {
		t.Fatal("invalid batch committed")
	}
	if n, _ := s.OutboxLen(ctx); n != 0 {
		t.Fatalf("a failed batch queued %d facts", n)
	}
	if evs, _ := s.IPEvents(ctx, netip.MustParsePrefix("192.0.2.0/24"), at(0)); len(evs) != 0 {
		t.Fatalf("a failed batch stored %d events", len(evs))
	}
}

func TestOutboxOnlyWhenSharing(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "wikiwarden.db")
	s := openShared(t, path, false)
	mustCommit(t, s, Handled{Record: record(1, at(1), decision.VerdictProbe), Events: []Event{probeAt("192.0.2.7", 1, "A")}})
	if _, err := s.Outbox(ctx, 0); !errors.Is(err, ErrNotShared) {
		t.Fatalf("Outbox of an unshared store: %v, want ErrNotShared", err)
	}
	s.Close()

	s = openShared(t, path, true)
	mustCommit(t, s, Handled{Record: record(2, at(2), decision.VerdictProbe), Events: []Event{probeAt("192.0.2.8", 2, "A")}})
	s.Close()
	// Sharing turned off again: what was queued stays, nothing is added.
	s = openShared(t, path, false)
	mustCommit(t, s, Handled{Record: record(3, at(3), decision.VerdictProbe), Events: []Event{probeAt("192.0.2.9", 3, "A")}})
	facts, err := s.Outbox(ctx, 0)
	s.Close()
	if err != nil || len(facts) != 1 || facts[0].Event.IP != netip.MustParseAddr("192.0.2.8") {
		t.Fatalf("outbox = %+v, %v; want the one event committed while sharing", facts, err)
	}
}

func TestImport(t *testing.T) {
	ctx := context.Background()
	s := openShared(t, filepath.Join(t.TempDir(), "wikiwarden.db"), true)
	defer s.Close()
	own, _ := s.Origin(ctx)
	other := Origin{1, 2, 3}
	ev := probeAt("198.51.100.7", 5, "Main Page")
	ev.Site = "wiki"
	mine := probeAt("198.51.100.9", 5, "Main Page")
	mine.Site = "wiki"
	facts := []SharedFact{
		{Origin: other, Seq: 1, Event: &ev},
		{Origin: other, Seq: 2, SpamDomains: []string{"casino.example"}, Site: "wiki", Time: at(5)},
		{Origin: own, Seq: 1, Event: &mine}, // our own, back from the shared log
	}
	n, err := s.Import(ctx, facts, SharedCursor{Events: 10, Domains: 3})
	if err != nil || n != 1 {
		t.Fatalf("Import = %d, %v; want 1 event", n, err)
	}
	// Read again, as after a crash before the cursor moved: no double.
	if n, err := s.Import(ctx, facts, SharedCursor{Events: 10, Domains: 3}); err != nil || n != 0 {
		t.Fatalf("second Import = %d, %v; want 0", n, err)
	}
	evs, err := s.Site("forum").IPEvents(ctx, netip.MustParsePrefix("198.51.100.0/24"), at(0))
	if err != nil || len(evs) != 1 || evs[0].Site != "wiki" || evs[0].Title != "Main Page" {
		t.Fatalf("IPEvents of the /24 = %+v, %v; want the imported probe", evs, err)
	}
	if evs, _ := s.TokenEvents(ctx, "xkqzvbwpl"); len(evs) != 1 {
		t.Fatalf("TokenEvents = %+v, want the imported probe", evs)
	}
	// Another process's place is not this one's, even under the same site name.
	if evs, _ := s.Site("wiki").PageEvents(ctx, "Main Page", at(0)); len(evs) != 0 {
		t.Fatalf("PageEvents = %+v, want none", evs)
	}
	if d, _ := s.Site("forum").Domains(ctx); !d.Spam["casino.example"] {
		t.Fatalf("spam domains %v lack the imported one", d.Spam)
	}
	if c, _ := s.SharedCursor(ctx); c != (SharedCursor{Events: 10, Domains: 3}) {
		t.Fatalf("cursor %+v", c)
	}
	if n, _ := s.OutboxLen(ctx); n != 0 {
		t.Fatalf("imports queued %d facts for pushing", n)
	}
	// Expiry removes imported events like the store's own; their ids go
	// with PruneImported.
	if n, err := s.Expire(ctx, at(6)); err != nil || n < 1 {
		t.Fatalf("Expire = %d, %v", n, err)
	}
	if n, err := s.PruneImported(ctx, at(6)); err != nil || n != 1 {
		t.Fatalf("PruneImported = %d, %v; want 1", n, err)
	}
	if evs, _ := s.IPEvents(ctx, netip.MustParsePrefix("198.51.100.0/24"), at(0)); len(evs) != 0 {
		t.Fatalf("expired imported events still found: %+v", evs)
	}
	if problems := s.check(10); len(problems) != 0 {
		t.Fatalf("check: %v", problems)
	}
}

// TestRestoreQueuesClearedDomains: a moderator's restore, in the console or
// on a report, takes the example's domains off the spam domains and queues
// them as cleared in the same transaction; a bot's label does not.
func TestRestoreQueuesClearedDomains(t *testing.T) {
	ctx := context.Background()
	s := openShared(t, filepath.Join(t.TempDir(), "wikiwarden.db"), true)
	defer s.Close()
	ss := s.Site("wiki")
	for rev, d := range map[int64]string{1: "shop.example", 2: "pills.example", 3: "casino.example"} {
		h := Handled{Record: record(rev, at(int(rev)), decision.VerdictLinkSpam), SpamDomains: []string{d}}
		if err := ss.Commit(ctx, h); err != nil {
			t.Fatal(err)
		}
		if err := ss.LearnSpam(ctx, SpamExample{RevID: rev, Label: SpamLabelSpam, Keys: []string{SpamKeyDomain + d}, Time: at(int(rev))}); err != nil {
			t.Fatal(err)
		}
	}
	queued, _ := s.OutboxLen(ctx)
	if _, err := ss.AddAudit(ctx, AuditEntry{Time: at(10), Moderator: "Mod", Action: AuditRestore, Site: "wiki", RevID: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := ss.AddMistake(ctx, Mistake{RevID: 2, By: "x", Where: "s", Time: at(11), Reverted: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := ss.DecideMistake(ctx, 2, "Mod2", true, "", at(12)); err != nil {
		t.Fatal(err)
	}
	d, _ := ss.Domains(ctx)
	if d.Spam["shop.example"] || d.Spam["pills.example"] || !d.Spam["casino.example"] {
		t.Fatalf("spam domains after two restores: %v, want casino.example alone", d.Spam)
	}
	facts, err := s.Outbox(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	facts = facts[queued:]
	if len(facts) != 2 ||
		!slices.Equal(facts[0].ClearedDomains, []string{"shop.example"}) || facts[0].Site != "wiki" || !facts[0].Time.Equal(at(10)) ||
		!slices.Equal(facts[1].ClearedDomains, []string{"pills.example"}) || !facts[1].Time.Equal(at(12)) {
		t.Fatalf("queued after the restores: %+v; want shop.example at 10 and pills.example at 12, cleared on wiki", facts)
	}
	// The bot labelling an example good (none of its business) clears nothing.
	if err := ss.LearnSpam(ctx, SpamExample{RevID: 3, Label: SpamLabelGood, Keys: []string{SpamKeyDomain + "casino.example"}, Time: at(13)}); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.OutboxLen(ctx); n != queued+2 {
		t.Errorf("outbox holds %d facts, want %d", n, queued+2)
	}
}

// TestImportClearedDomains: another process's cleared domains leave the
// spam domains, in the order of the facts; this store's own come back
// from the shared log and change nothing.
func TestImportClearedDomains(t *testing.T) {
	ctx := context.Background()
	s := openShared(t, filepath.Join(t.TempDir(), "wikiwarden.db"), true)
	defer s.Close()
	own, _ := s.Origin(ctx)
	other := Origin{9}
	if err := s.MarkSpamDomains(ctx, []string{"a.example", "b.example", "c.example"}); err != nil {
		t.Fatal(err)
	}
	facts := []SharedFact{
		{Origin: other, Seq: 1, ClearedDomains: []string{"A.Example"}, Site: "wiki", Time: at(1)},
		{Origin: other, Seq: 2, ClearedDomains: []string{"b.example"}, Site: "wiki", Time: at(2)},
		{Origin: other, Seq: 3, SpamDomains: []string{"b.example"}, Site: "forum", Time: at(3)}, // confirmed again
		{Origin: own, Seq: 7, ClearedDomains: []string{"c.example"}, Time: at(4)},
	}
	if _, err := s.Import(ctx, facts, SharedCursor{Domains: 1, Cleared: 2}); err != nil {
		t.Fatal(err)
	}
	d, _ := s.Domains(ctx)
	if d.Spam["a.example"] || !d.Spam["b.example"] || !d.Spam["c.example"] {
		t.Errorf("spam domains %v; want b.example (confirmed after its clear) and c.example (this store's own clear came back from the shared log: not applied twice)", d.Spam)
	}
	if c, _ := s.SharedCursor(ctx); c != (SharedCursor{Domains: 1, Cleared: 2}) {
		t.Errorf("cursor %+v", c)
	}
}
