package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"github.com/wikiwarden/wikiwarden/decision"
	"net/netip"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/wikiwarden/wikiwarden/detectors"
)

// t0 is an arbitrary base time for test data.
var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// at returns t0 plus m minutes.
func at(m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }

// openTest opens a new store in a temporary directory and closes it when the
// test ends.
func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "wikiwarden.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// record returns a plausible record of revision rev made at time t.
func record(rev int64, t time.Time, verdict decision.Verdict) Record {
	return Record{
		RevID: rev, OldRevID: rev - 1, Title: "Page", User: "192.0.2.7", IP: "192.0.2.7", Anon: true,
		Time: t, Seen: t.Add(time.Second), Verdict: verdict, Action: "none",
	}
}

// mustCommit commits h or fails the test.
func mustCommit(t testing.TB, s *Store, h Handled) {
	t.Helper()
	if err := s.Commit(context.Background(), h); err != nil {
		t.Fatal(err)
	}
}

func TestOpenMissingDirectoryNamesPath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope", "wikiwarden.db")
	_, err := Open(path, Options{})
	if err == nil {
		t.Fatal("Open in a missing directory succeeded")
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name %s", err, path)
	}
	if _, statErr := os.Stat(filepath.Dir(path)); !os.IsNotExist(statErr) {
		t.Errorf("Open created the directory")
	}
}

func TestOpenLockedNamesPath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wikiwarden.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	start := time.Now()
	_, err = Open(path, Options{LockTimeout: 100 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open: got %v, want ErrLocked", err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("second Open took %s, want about the 100ms timeout", took)
	}
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "another wikiwarden") {
		t.Errorf("error %q should say another wikiwarden is running on %s", err, path)
	}

	// Once the first closes, the file opens again.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(path, Options{LockTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	s2.Close()
}

// setSchema overwrites the schema version of the file at path with raw bbolt.
func setSchema(t *testing.T, path string, version uint32) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySchema, binary.BigEndian.AppendUint32(nil, version))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestOpenSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wikiwarden.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	setSchema(t, path, schemaVersion+1)
	for _, ro := range []bool{false, true} {
		_, err = Open(path, Options{ReadOnly: ro})
		if !errors.Is(err, ErrSchema) {
			t.Fatalf("Open (read-only %v) of a newer schema: got %v, want ErrSchema", ro, err)
		}
		if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), fmt.Sprintf("version %d", schemaVersion+1)) {
			t.Errorf("error %q should name the file and its version", err)
		}
	}

	setSchema(t, path, schemaVersion)
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatalf("Open after restoring the version: %v", err)
	}
	s.Close()
}

func TestOpenForeignFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		_, err := tx.CreateBucket([]byte("someone_else"))
		return err
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path, Options{}); !errors.Is(err, ErrSchema) {
		t.Fatalf("Open of a foreign bbolt file: got %v, want ErrSchema", err)
	}
	// And it was left alone: no meta bucket written.
	db, err = bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(tx *bbolt.Tx) error {
		if tx.Bucket(bucketMeta) != nil {
			t.Error("Open wrote into a foreign file")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "wikiwarden.db")
	if _, err := Open(path, Options{ReadOnly: true}); err == nil {
		t.Fatal("read-only Open of a missing file succeeded")
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustCommit(t, s, Handled{Record: record(5, at(0), "probe"), Cursor: Cursor{Time: at(0), RCID: 50}})
	s.Close()

	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.Record(ctx, 5); err != nil {
		t.Errorf("read-only Record: %v", err)
	}
	if err := ro.SetCursor(ctx, Cursor{RCID: 60}); err == nil {
		t.Error("SetCursor on a read-only store succeeded")
	}
}

func TestReopenKeepsEverything(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "wikiwarden.db")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	rec := record(100, at(0), "probe")
	rec.Results = []detectors.Result{{
		Detector: "probe", Score: 0.93, Tokens: []string{"xqzvkt"},
		Reasons: []detectors.Reason{{Code: detectors.ProbeRandomToken, Subject: "xqzvkt", Detail: "unlikely", Weight: 0.9}},
	}}
	rec.Why = []decision.Reason{"probe_token"}
	rec.Action, rec.Outcome, rec.Summary = "revert_block", "rolled back", "Reverted probe"
	rec.BlockTarget, rec.BlockExpiry = "192.0.2.7", "31 hours"
	ip := netip.MustParseAddr("192.0.2.7")
	h := Handled{
		Record: rec,
		Cursor: Cursor{Time: at(0), RCID: 1000},
		Events: []Event{
			{Kind: EventProbe, IP: ip, User: "192.0.2.7", Title: "Page", RevID: 100, Time: at(0), Tokens: []string{"xqzvkt"}},
			{Kind: EventRevert, IP: ip, User: "192.0.2.7", Title: "Page", RevID: 100, Time: at(0)},
		},
		Block:       &Block{Target: "192.0.2.7", Expiry: "31 hours", Time: at(0), RevID: 100, Reason: "probe"},
		SpamDomains: []string{"Spam.Example"},
	}
	mustCommit(t, s, h)
	if err := s.AddKnownDomains(ctx, []string{"wikipedia.org"}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutModel(ctx, []byte("model-bytes"), at(-60)); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Record(ctx, 100)
	if err != nil {
		t.Fatal(err)
	}
	rec.Site = DefaultSite // Commit stamps records and events with their site
	for i := range h.Events {
		h.Events[i].Site = DefaultSite
	}
	if !reflect.DeepEqual(got, rec) {
		t.Errorf("record after reopen:\n got %+v\nwant %+v", got, rec)
	}
	c, err := s.Cursor(ctx)
	if err != nil || !c.Time.Equal(at(0)) || c.RCID != 1000 {
		t.Errorf("cursor after reopen: %+v, %v", c, err)
	}
	evs, err := s.IPEvents(ctx, netip.MustParsePrefix("192.0.2.7/32"), time.Time{})
	if err != nil || len(evs) != 2 || !reflect.DeepEqual(evs, h.Events) {
		t.Errorf("IP events after reopen: %+v, %v", evs, err)
	}
	if when, err := s.LastRevert(ctx, "192.0.2.7", "Page"); err != nil || !when.Equal(at(0)) {
		t.Errorf("LastRevert after reopen: %v, %v", when, err)
	}
	if bs, err := s.Blocks(ctx, "192.0.2.7"); err != nil || len(bs) != 1 || !reflect.DeepEqual(bs[0], *h.Block) {
		t.Errorf("blocks after reopen: %+v, %v", bs, err)
	}
	d, err := s.Domains(ctx)
	if err != nil || !d.Spam["spam.example"] || !d.Known["wikipedia.org"] || len(d.Spam) != 1 || len(d.Known) != 1 {
		t.Errorf("domains after reopen: %+v, %v", d, err)
	}
	if data, trained, err := s.Model(ctx); err != nil || string(data) != "model-bytes" || !trained.Equal(at(-60)) {
		t.Errorf("model after reopen: %q %v %v", data, trained, err)
	}
}

func TestCursor(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if _, err := s.Cursor(ctx); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Cursor before the first pass: got %v, want ErrNotFound", err)
	}
	if err := s.SetCursor(ctx, Cursor{Time: at(1), RCID: 10}); err != nil {
		t.Fatal(err)
	}
	mustCommit(t, s, Handled{Record: record(1, at(2), "ok"), Cursor: Cursor{Time: at(2), RCID: 20}})
	if c, err := s.Cursor(ctx); err != nil || c.RCID != 20 || !c.Time.Equal(at(2)) {
		t.Errorf("cursor after Commit = %+v, %v; want rcid 20", c, err)
	}
	// A Commit without a cursor leaves it where it was.
	mustCommit(t, s, Handled{Record: record(2, at(3), "ok")})
	if c, err := s.Cursor(ctx); err != nil || c.RCID != 20 {
		t.Errorf("cursor after Commit without cursor = %+v, %v; want rcid 20", c, err)
	}
}

// TestCommitIsAtomic makes the last part of a Commit fail, after the record,
// cursor and first event were written inside the transaction, and checks that
// none of them is visible afterwards.
func TestCommitIsAtomic(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	ip := netip.MustParseAddr("198.51.100.9")
	mustCommit(t, s, Handled{
		Record: record(1, at(0), "probe"),
		Cursor: Cursor{Time: at(0), RCID: 11},
		Events: []Event{{Kind: EventProbe, IP: ip, Title: "A", Time: at(0), Tokens: []string{"qwxz"}}},
	})
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}

	bad := []Handled{
		{ // the second event is invalid
			Record: record(2, at(1), "probe"),
			Cursor: Cursor{Time: at(1), RCID: 12},
			Events: []Event{
				{Kind: EventProbe, IP: ip, Title: "B", Time: at(1), Tokens: []string{"zzkq"}},
				{Kind: "bogus", IP: ip, Title: "B", Time: at(1)},
			},
			SpamDomains: []string{"never.example"},
		},
		{ // the block is invalid
			Record: record(2, at(1), "probe"),
			Cursor: Cursor{Time: at(1), RCID: 12},
			Events: []Event{{Kind: EventRevert, IP: ip, User: "u", Title: "B", Time: at(1)}},
			Block:  &Block{Target: "", Time: at(1)},
		},
	}
	for i, h := range bad {
		if err := s.Commit(ctx, h); err == nil {
			t.Fatalf("bad commit %d succeeded", i)
		}
	}

	if _, err := s.Record(ctx, 2); !errors.Is(err, ErrNotFound) {
		t.Errorf("record of a failed commit: got %v, want ErrNotFound", err)
	}
	if c, err := s.Cursor(ctx); err != nil || c.RCID != 11 {
		t.Errorf("cursor after failed commits = %+v, %v; want rcid 11", c, err)
	}
	if evs, err := s.IPEvents(ctx, netip.MustParsePrefix("198.51.100.9/32"), time.Time{}); err != nil || len(evs) != 1 {
		t.Errorf("IP events after failed commits: %+v, %v; want only the first commit's", evs, err)
	}
	if evs, err := s.TokenEvents(ctx, "zzkq"); err != nil || len(evs) != 0 {
		t.Errorf("token of a failed commit is remembered: %+v, %v", evs, err)
	}
	if _, err := s.LastRevert(ctx, "u", "B"); !errors.Is(err, ErrNotFound) {
		t.Errorf("revert mark of a failed commit: %v", err)
	}
	if d, err := s.Domains(ctx); err != nil || len(d.Spam) != 0 {
		t.Errorf("spam domains of a failed commit: %v, %v", d.Spam, err)
	}
	after, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Errorf("stats changed by failed commits:\n before %+v\n after  %+v", before, after)
	}
}

func TestCommitRejects(t *testing.T) {
	ip := netip.MustParseAddr("192.0.2.1")
	ok := Event{Kind: EventProbe, IP: ip, Title: "T", Time: at(0)}
	tests := []struct {
		name string
		h    Handled
		want string
	}{
		{"zero rev id", Handled{Record: record(0, at(0), "ok")}, "rev id"},
		{"no edit time", Handled{Record: record(1, time.Time{}, "ok")}, "no edit time"},
		{"unknown kind", Handled{Record: record(1, at(0), "ok"), Events: []Event{{Kind: "nope", Time: at(0)}}}, "unknown kind"},
		{"event without time", Handled{Record: record(1, at(0), "ok"), Events: []Event{{Kind: EventSpam, IP: ip}}}, "no time"},
		{"NUL in title", Handled{Record: record(1, at(0), "ok"), Events: []Event{ok, {Kind: EventSpam, Title: "a\x00b", Time: at(0)}}}, "event 1"},
		{"empty token", Handled{Record: record(1, at(0), "ok"), Events: []Event{{Kind: EventProbe, Time: at(0), Tokens: []string{""}}}}, "empty token"},
		{"revert without user", Handled{Record: record(1, at(0), "ok"), Events: []Event{{Kind: EventRevert, Title: "T", Time: at(0)}}}, "revert without user"},
		{"block without time", Handled{Record: record(1, at(0), "ok"), Block: &Block{Target: "192.0.2.1"}}, "block: no time"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			err := s.Commit(context.Background(), tt.h)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "store: commit rev ") {
				t.Fatalf("Commit: got %v, want an error mentioning %q", err, tt.want)
			}
			if st, err := s.Stats(context.Background()); err != nil || st.Records != 0 || st.Events != 0 {
				t.Errorf("rejected commit left %+v, %v", st, err)
			}
		})
	}
}

func TestCanceledContext(t *testing.T) {
	s := openTest(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p24 := netip.MustParsePrefix("192.0.2.0/24")
	calls := map[string]func() error{
		"Commit":          func() error { return s.Commit(ctx, Handled{Record: record(1, at(0), "ok")}) },
		"SetCursor":       func() error { return s.SetCursor(ctx, Cursor{RCID: 1}) },
		"Cursor":          func() error { _, err := s.Cursor(ctx); return err },
		"Record":          func() error { _, err := s.Record(ctx, 1); return err },
		"Records":         func() error { _, err := s.Records(ctx, Query{}); return err },
		"IPEvents":        func() error { _, err := s.IPEvents(ctx, p24, time.Time{}); return err },
		"PageEvents":      func() error { _, err := s.PageEvents(ctx, "P", time.Time{}); return err },
		"TokenEvents":     func() error { _, err := s.TokenEvents(ctx, "tok"); return err },
		"LastRevert":      func() error { _, err := s.LastRevert(ctx, "u", "P"); return err },
		"Blocks":          func() error { _, err := s.Blocks(ctx, "192.0.2.1"); return err },
		"AddKnownDomains": func() error { return s.AddKnownDomains(ctx, []string{"a.example"}) },
		"MarkSpamDomains": func() error { return s.MarkSpamDomains(ctx, []string{"a.example"}) },
		"Domains":         func() error { _, err := s.Domains(ctx); return err },
		"PutModel":        func() error { return s.PutModel(ctx, []byte("m"), at(0)) },
		"Model":           func() error { _, _, err := s.Model(ctx); return err },
		"Expire":          func() error { _, err := s.Expire(ctx, at(0)); return err },
		"Stats":           func() error { _, err := s.Stats(ctx); return err },
	}
	for name, call := range calls {
		if err := call(); !errors.Is(err, context.Canceled) {
			t.Errorf("%s with a canceled context: got %v, want context.Canceled", name, err)
		}
	}
	if st, err := s.Stats(context.Background()); err != nil || st.Records != 0 {
		t.Errorf("canceled Commit wrote: %+v %v", st, err)
	}
}
