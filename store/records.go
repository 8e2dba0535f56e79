package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"go.etcd.io/bbolt"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/detectors"
)

// Cursor is the patrol position in the wiki's recent changes: the next pass
// resumes after this change.
type Cursor struct {
	Time time.Time `json:"time"`
	RCID int64     `json:"rcid"`
}

// IsZero reports whether c is the zero Cursor, which Commit treats as "leave
// the cursor where it is".
func (c Cursor) IsZero() bool {
	return c.Time.IsZero() && c.RCID == 0
}

// Record is one contribution (an edit, a post) the bot saw and what it did about it. The JSON names are
// the on-disk format.
type Record struct {
	Site        string             `json:"site,omitempty"` // set by Commit
	RevID       int64              `json:"rev_id"`
	OldRevID    int64              `json:"old_rev_id,omitempty"`
	Title       string             `json:"title"`
	User        string             `json:"user"`
	IP          string             `json:"ip,omitempty"` // "" for registered editors
	Anon        bool               `json:"anon,omitempty"`
	Time        time.Time          `json:"time"` // the edit's time
	Seen        time.Time          `json:"seen"` // when the bot handled it
	Results     []detectors.Result `json:"results,omitempty"`
	Verdict     decision.Verdict   `json:"verdict"`
	Action      decision.Action    `json:"action"`
	Why         []decision.Reason  `json:"why,omitempty"`
	Outcome     string             `json:"outcome,omitempty"` // e.g. "rolled back", "flagged: later edits", "dry run", "error: ..."
	Summary     string             `json:"summary,omitempty"` // edit summary of the revert, if any
	BlockTarget string             `json:"block_target,omitempty"`
	BlockExpiry string             `json:"block_expiry,omitempty"`
	DryRun      bool               `json:"dry_run,omitempty"`
}

// Handled is everything one handled contribution changes. Commit writes it
// in one transaction, so a crash never leaves the cursor ahead of the memory
// or behind it.
type Handled struct {
	Record      Record
	Cursor      Cursor   // advanced with the record; the zero Cursor leaves it alone
	Events      []Event  // probe, spam and revert events to remember
	Block       *Block   // a block placed, if any
	SpamDomains []string // domains confirmed as spam by this edit's revert
	// Pending, if set, writes or replaces the pending action of the
	// record's contribution: decided, not carried out yet, to retry.
	Pending *Pending
	// ClearPending removes the contribution's pending action: it was
	// carried out, or is moot. Applied before Pending and SetAside.
	ClearPending bool
	// SetAside, if set, puts the contribution in the "needs a human" queue
	// and removes its pending action: the retry budget is spent.
	SetAside *SetAside
}

// Commit stores h in a single write transaction: the record (replacing an
// earlier record of the same contribution), the cursor, the events and
// their indexes, the revert mark of each revert event, the block, the spam
// domains and the pending action or set-aside entry. If any part is invalid
// nothing is written. The record needs a positive RevID and a Time; see
// Event, Block and Pending for theirs. Invalid UTF-8 in any text is stored
// as U+FFFD, not rejected, and the lookups treat their arguments the same
// way. Events are stored with the site's name in Event.Site.
func (ss *SiteStore) Commit(ctx context.Context, h Handled) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: commit rev %d: %w", h.Record.RevID, err)
	}
	// Before any key is built: keys and the stored JSON must agree.
	h = h.valid()
	err := ss.update(func(tx *bbolt.Tx, st site) error { return putHandled(tx, st, h) })
	if err != nil {
		return fmt.Errorf("store: commit rev %d: %w", h.Record.RevID, err)
	}
	return nil
}

// CommitBatch stores every h of hs in one write transaction, in order, as
// Commit stores one: one fsync for the lot. The cursor ends at the last
// non-zero Cursor among them. If any is invalid nothing is written, and the
// error names its index and revision. A crash loses the whole batch, so the
// patroller redoes it; keep batches to what one pass may redo.
func (ss *SiteStore) CommitBatch(ctx context.Context, hs []Handled) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: commit batch: %w", err)
	}
	if len(hs) == 0 {
		return nil
	}
	valid := make([]Handled, len(hs))
	for i, h := range hs {
		valid[i] = h.valid()
	}
	err := ss.update(func(tx *bbolt.Tx, st site) error {
		for i, h := range valid {
			if err := putHandled(tx, st, h); err != nil {
				return fmt.Errorf("%d (rev %d): %w", i, h.Record.RevID, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: commit batch of %d: %w", len(hs), err)
	}
	return nil
}

// putHandled writes everything h changes to the site st.
func putHandled(tx *bbolt.Tx, st site, h Handled) error {
	h.Record.Site = st.name
	if err := putRecord(st, h.Record); err != nil {
		return err
	}
	if !h.Cursor.IsZero() {
		if err := putCursor(st, h.Cursor); err != nil {
			return err
		}
	}
	for i, e := range h.Events {
		e.Site = st.name
		if err := putEvent(tx, st, e); err != nil {
			return fmt.Errorf("event %d: %w", i, err)
		}
	}
	if h.Block != nil {
		if err := putBlock(st, *h.Block); err != nil {
			return err
		}
	}
	if err := putDomains(tx.Bucket(bucketDomainsSpam), h.SpamDomains); err != nil {
		return err
	}
	if err := queueShared(tx, st, h); err != nil {
		return err
	}
	if h.ClearPending {
		if err := deletePending(st, h.Record.RevID); err != nil {
			return err
		}
	}
	if h.Pending != nil {
		p := *h.Pending
		if p.ID == 0 {
			p.ID = h.Record.RevID
		}
		if err := putPending(st, p); err != nil {
			return err
		}
	}
	if h.SetAside != nil {
		a := *h.SetAside
		if a.Pending.ID == 0 {
			a.Pending.ID = h.Record.RevID
		}
		if err := putSetAside(st, a); err != nil {
			return err
		}
	}
	return nil
}

// Commit is Site(default).Commit.
func (s *Store) Commit(ctx context.Context, h Handled) error { return s.def.Commit(ctx, h) }

// CommitBatch is Site(default).CommitBatch.
func (s *Store) CommitBatch(ctx context.Context, hs []Handled) error {
	return s.def.CommitBatch(ctx, hs)
}

// putRecord writes r and its time index entry, removing the index entry of
// an earlier record of the same revision.
func putRecord(st site, r Record) error {
	if r.RevID <= 0 {
		return fmt.Errorf("record: invalid rev id %d", r.RevID)
	}
	if r.Time.IsZero() {
		return errors.New("record: no edit time")
	}
	records, byTime := st.bucket(bucketRecords), st.bucket(bucketRecordsByTime)
	key := revKey(r.RevID)
	if old := records.Get(key); old != nil {
		var prev Record
		if err := json.Unmarshal(old, &prev); err != nil {
			return fmt.Errorf("decode earlier record: %w", err)
		}
		if err := byTime.Delete(recordTimeKey(prev.Time, prev.RevID)); err != nil {
			return fmt.Errorf("unindex earlier record: %w", err)
		}
	}
	v, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("encode record: %w", err)
	}
	if err := records.Put(key, v); err != nil {
		return fmt.Errorf("write record: %w", err)
	}
	// The verdict rides along in the index so Records filters without
	// decoding records it skips.
	if err := byTime.Put(recordTimeKey(r.Time, r.RevID), []byte(r.Verdict)); err != nil {
		return fmt.Errorf("index record: %w", err)
	}
	return nil
}

// putCursor writes c to the site's meta bucket.
func putCursor(st site, c Cursor) error {
	v, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("encode cursor: %w", err)
	}
	if err := st.bucket(bucketSiteMeta).Put(keyCursor, v); err != nil {
		return fmt.Errorf("write cursor: %w", err)
	}
	return nil
}

// getCursor reads the cursor; ok is false if none was written yet.
func getCursor(st site) (c Cursor, ok bool, err error) {
	v := st.bucket(bucketSiteMeta).Get(keyCursor)
	if v == nil {
		return Cursor{}, false, nil
	}
	if err := json.Unmarshal(v, &c); err != nil {
		return Cursor{}, false, fmt.Errorf("decode cursor: %w", err)
	}
	return c, true, nil
}

// SetCursor moves the cursor without recording anything, for passes that
// handled no edit but read further.
func (ss *SiteStore) SetCursor(ctx context.Context, c Cursor) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: set cursor: %w", err)
	}
	if err := ss.update(func(_ *bbolt.Tx, st site) error { return putCursor(st, c) }); err != nil {
		return fmt.Errorf("store: set cursor: %w", err)
	}
	return nil
}

// Cursor returns the patrol position, or ErrNotFound before the first pass.
func (ss *SiteStore) Cursor(ctx context.Context) (Cursor, error) {
	if err := ctx.Err(); err != nil {
		return Cursor{}, fmt.Errorf("store: cursor: %w", err)
	}
	var (
		c  Cursor
		ok bool
	)
	err := ss.view(func(_ *bbolt.Tx, st site) (err error) {
		c, ok, err = getCursor(st)
		return err
	})
	if err != nil {
		return Cursor{}, fmt.Errorf("store: cursor: %w", err)
	}
	if !ok {
		return Cursor{}, ErrNotFound
	}
	return c, nil
}

// Record returns the record of contribution revID, or ErrNotFound.
func (ss *SiteStore) Record(ctx context.Context, revID int64) (Record, error) {
	var r Record
	if err := ss.get(ctx, fmt.Sprintf("record %d", revID), bucketRecords, revKey(revID), &r); err != nil {
		return Record{}, err
	}
	r.Site = ss.name // records of a migrated single-wiki store have none
	return r, nil
}

// Query selects records.
type Query struct {
	Since    time.Time          // only edits made at or after Since; zero means all
	Limit    int                // at most this many; 0 means no limit
	Verdicts []decision.Verdict // only these verdicts; empty means all
}

// Records returns the records q selects, newest edit first. No match is an
// empty result, not an error.
func (ss *SiteStore) Records(ctx context.Context, q Query) ([]Record, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: records: %w", err)
	}
	var out []Record
	since := appendTime(nil, q.Since)
	err := ss.view(func(_ *bbolt.Tx, st site) error {
		records := st.bucket(bucketRecords)
		c := st.bucket(bucketRecordsByTime).Cursor()
		for k, verdict := c.Last(); k != nil; k, verdict = c.Prev() {
			if q.Limit > 0 && len(out) >= q.Limit {
				break
			}
			if string(k[:timeLen]) < string(since) {
				break
			}
			if len(q.Verdicts) > 0 && !slices.Contains(q.Verdicts, decision.Verdict(verdict)) {
				continue
			}
			v := records.Get(k[timeLen:])
			if v == nil {
				return fmt.Errorf("index entry %x has no record", k)
			}
			var r Record
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("decode record %x: %w", k[timeLen:], err)
			}
			r.Site = st.name
			out = append(out, r)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: records: %w", err)
	}
	return out, nil
}

// SetCursor is Site(default).SetCursor.
func (s *Store) SetCursor(ctx context.Context, c Cursor) error { return s.def.SetCursor(ctx, c) }

// Cursor is Site(default).Cursor.
func (s *Store) Cursor(ctx context.Context) (Cursor, error) { return s.def.Cursor(ctx) }

// Record is Site(default).Record.
func (s *Store) Record(ctx context.Context, revID int64) (Record, error) {
	return s.def.Record(ctx, revID)
}

// Records is Site(default).Records.
func (s *Store) Records(ctx context.Context, q Query) ([]Record, error) {
	return s.def.Records(ctx, q)
}
