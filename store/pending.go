package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"go.etcd.io/bbolt"

	"github.com/wikiwarden/wikiwarden/decision"
)

// Pending is an action the bot decided and could not carry out yet (the
// site failed, timed out, refused for now). The patroller retries it on
// later passes, not before Next, and after its retry budget sets it aside
// for a human (Handled.SetAside). The JSON names are the on-disk format.
type Pending struct {
	Site      string          `json:"site"` // set by Commit
	ID        int64           `json:"id"`   // the contribution (revision, post); Commit fills in the record's
	Title     string          `json:"title,omitempty"`
	User      string          `json:"user,omitempty"`
	Action    decision.Action `json:"action"`
	Target    string          `json:"target,omitempty"` // the block target, if the action blocks
	Attempts  int             `json:"attempts"`
	First     time.Time       `json:"first"` // the first failed attempt
	Next      time.Time       `json:"next"`  // retry not before this
	LastError string          `json:"last_error,omitempty"`
}

// check rejects a pending action Commit could not key.
func (p Pending) check() error {
	switch {
	case p.ID <= 0:
		return fmt.Errorf("pending: invalid contribution id %d", p.ID)
	case p.Action == "":
		return errors.New("pending: no action")
	case p.First.IsZero():
		return errors.New("pending: no first failure time")
	}
	return nil
}

// valid returns p with every string made valid UTF-8.
func (p Pending) valid() Pending {
	p.Title = validText(p.Title)
	p.User = validText(p.User)
	p.Action = validText(p.Action)
	p.Target = validText(p.Target)
	p.LastError = validText(p.LastError)
	return p
}

// SetAside is a contribution whose decided action the bot gave up on: it
// waits in the "needs a human" queue until a moderator resolves it. The
// JSON names are the on-disk format.
type SetAside struct {
	Pending Pending   `json:"pending"` // the action, its attempts and last error
	Reason  string    `json:"reason"`  // why it was set aside, e.g. "retry budget spent: 5 attempts in 1h"
	Time    time.Time `json:"time"`    // when it was set aside
}

// valid returns a with every string made valid UTF-8.
func (a SetAside) valid() SetAside {
	a.Pending = a.Pending.valid()
	a.Reason = validText(a.Reason)
	return a
}

// Resolution is the audit entry a moderator's Resolve leaves: who took an
// item off the "needs a human" queue, how, and when.
type Resolution struct {
	Site string    `json:"site"`
	ID   int64     `json:"id"`
	By   string    `json:"by"`  // the moderator
	How  string    `json:"how"` // e.g. "reverted by hand", "not spam"
	Time time.Time `json:"time"`
	Item SetAside  `json:"item"`
}

// idKey is a contribution's key in the pending and set-aside buckets.
func idKey(id int64) []byte { return binary.BigEndian.AppendUint64(nil, uint64(id)) }

// timeIDKey is a time-ordered index key: T id.
func timeIDKey(t time.Time, id int64) []byte {
	return binary.BigEndian.AppendUint64(appendTime(make([]byte, 0, timeLen+8), t), uint64(id))
}

// putPending writes or replaces p, keeping the due index in step.
func putPending(st site, p Pending) error {
	p.Site = st.name
	if err := p.check(); err != nil {
		return err
	}
	if err := deletePending(st, p.ID); err != nil {
		return err
	}
	v, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("pending: encode: %w", err)
	}
	if err := st.bucket(bucketPending).Put(idKey(p.ID), v); err != nil {
		return fmt.Errorf("pending: write: %w", err)
	}
	if err := st.bucket(bucketPendingByDue).Put(timeIDKey(p.Next, p.ID), nil); err != nil {
		return fmt.Errorf("pending: index: %w", err)
	}
	return nil
}

// deletePending removes the pending action of contribution id, if any.
func deletePending(st site, id int64) error {
	pending := st.bucket(bucketPending)
	old := pending.Get(idKey(id))
	if old == nil {
		return nil
	}
	var p Pending
	if err := json.Unmarshal(old, &p); err != nil {
		return fmt.Errorf("pending %d: decode: %w", id, err)
	}
	if err := st.bucket(bucketPendingByDue).Delete(timeIDKey(p.Next, id)); err != nil {
		return fmt.Errorf("pending %d: unindex: %w", id, err)
	}
	if err := pending.Delete(idKey(id)); err != nil {
		return fmt.Errorf("pending %d: delete: %w", id, err)
	}
	return nil
}

// putSetAside queues a for a human, replacing an earlier entry of the same
// contribution, and removes its pending action.
func putSetAside(st site, a SetAside) error {
	a.Pending.Site = st.name
	if err := a.Pending.check(); err != nil {
		return fmt.Errorf("set aside: %w", err)
	}
	if a.Time.IsZero() {
		return errors.New("set aside: no time")
	}
	id := a.Pending.ID
	if err := deletePending(st, id); err != nil {
		return err
	}
	if _, _, err := deleteSetAside(st, id); err != nil {
		return err
	}
	v, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("set aside: encode: %w", err)
	}
	if err := st.bucket(bucketSetAside).Put(idKey(id), v); err != nil {
		return fmt.Errorf("set aside: write: %w", err)
	}
	if err := st.bucket(bucketSetAsideTime).Put(timeIDKey(a.Time, id), nil); err != nil {
		return fmt.Errorf("set aside: index: %w", err)
	}
	return nil
}

// deleteSetAside removes contribution id from the queue and returns the
// entry; found is false if it was not queued.
func deleteSetAside(st site, id int64) (a SetAside, found bool, err error) {
	queue := st.bucket(bucketSetAside)
	v := queue.Get(idKey(id))
	if v == nil {
		return SetAside{}, false, nil
	}
	if err := json.Unmarshal(v, &a); err != nil {
		return SetAside{}, false, fmt.Errorf("set aside %d: decode: %w", id, err)
	}
	if err := st.bucket(bucketSetAsideTime).Delete(timeIDKey(a.Time, id)); err != nil {
		return SetAside{}, false, fmt.Errorf("set aside %d: unindex: %w", id, err)
	}
	if err := queue.Delete(idKey(id)); err != nil {
		return SetAside{}, false, fmt.Errorf("set aside %d: delete: %w", id, err)
	}
	return a, true, nil
}

// Pendings returns the site's pending actions, the soonest due first (the
// ones due now lead; stop at the first whose Next is in the future).
func (ss *SiteStore) Pendings(ctx context.Context) ([]Pending, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: pendings of %s: %w", ss.name, err)
	}
	var out []Pending
	err := ss.view(func(_ *bbolt.Tx, st site) (err error) {
		out, err = sitePendings(st)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: pendings of %s: %w", ss.name, err)
	}
	return out, nil
}

// sitePendings reads st's pending actions in due order.
func sitePendings(st site) ([]Pending, error) {
	var out []Pending
	pending := st.bucket(bucketPending)
	c := st.bucket(bucketPendingByDue).Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		v := pending.Get(k[timeLen:])
		if v == nil {
			return nil, fmt.Errorf("due index entry %x has no pending action", k)
		}
		var p Pending
		if err := json.Unmarshal(v, &p); err != nil {
			return nil, fmt.Errorf("decode pending %x: %w", k[timeLen:], err)
		}
		out = append(out, p)
	}
	return out, nil
}

// Pendings returns the pending actions of the site called site, or of every
// site if site is "", the soonest due first.
func (s *Store) Pendings(ctx context.Context, name string) ([]Pending, error) {
	if name != "" {
		return s.Site(name).Pendings(ctx)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: pendings: %w", err)
	}
	var out []Pending
	err := s.view(func(tx *bbolt.Tx) error {
		return forEachSite(tx, func(st site) error {
			ps, err := sitePendings(st)
			out = append(out, ps...)
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: pendings: %w", err)
	}
	slices.SortStableFunc(out, func(a, b Pending) int { return a.Next.Compare(b.Next) })
	return out, nil
}

// SetAsides returns the site's "needs a human" queue, newest first.
func (ss *SiteStore) SetAsides(ctx context.Context) ([]SetAside, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: set-aside queue of %s: %w", ss.name, err)
	}
	var out []SetAside
	err := ss.view(func(_ *bbolt.Tx, st site) (err error) {
		out, err = siteSetAsides(st)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: set-aside queue of %s: %w", ss.name, err)
	}
	return out, nil
}

// siteSetAsides reads st's queue, newest first.
func siteSetAsides(st site) ([]SetAside, error) {
	var out []SetAside
	queue := st.bucket(bucketSetAside)
	c := st.bucket(bucketSetAsideTime).Cursor()
	for k, _ := c.Last(); k != nil; k, _ = c.Prev() {
		v := queue.Get(k[timeLen:])
		if v == nil {
			return nil, fmt.Errorf("queue index entry %x has no item", k)
		}
		var a SetAside
		if err := json.Unmarshal(v, &a); err != nil {
			return nil, fmt.Errorf("decode set-aside item %x: %w", k[timeLen:], err)
		}
		out = append(out, a)
	}
	return out, nil
}

// SetAsides returns the "needs a human" queue of the site called site, or
// of every site if site is "", newest first. The review console lists it.
func (s *Store) SetAsides(ctx context.Context, name string) ([]SetAside, error) {
	if name != "" {
		return s.Site(name).SetAsides(ctx)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: set-aside queue: %w", err)
	}
	var out []SetAside
	err := s.view(func(tx *bbolt.Tx) error {
		return forEachSite(tx, func(st site) error {
			as, err := siteSetAsides(st)
			out = append(out, as...)
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: set-aside queue: %w", err)
	}
	slices.SortStableFunc(out, func(a, b SetAside) int { return b.Time.Compare(a.Time) })
	return out, nil
}

// Resolve takes contribution id off the site's "needs a human" queue and
// leaves an audit entry saying who resolved it (by) and how, in one
// transaction. It returns ErrNotFound if the item is not queued (already
// resolved, or expired).
func (ss *SiteStore) Resolve(ctx context.Context, id int64, by, how string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: resolve %s %d: %w", ss.name, id, err)
	}
	if ss.err != nil {
		return ss.err
	}
	found := false
	now := ss.s.now().UTC()
	err := ss.s.update(func(tx *bbolt.Tx) error {
		st, ok := getSite(tx, ss.name)
		if !ok {
			return nil
		}
		a, ok, err := deleteSetAside(st, id)
		if err != nil || !ok {
			return err
		}
		found = true
		audit := st.bucket(bucketAudit)
		seq, err := audit.NextSequence()
		if err != nil {
			return err
		}
		v, err := json.Marshal(Resolution{Site: st.name, ID: id, By: validText(by), How: validText(how), Time: now, Item: a})
		if err != nil {
			return err
		}
		return audit.Put(eventID(now, seq), v)
	})
	if err != nil {
		return fmt.Errorf("store: resolve %s %d: %w", ss.name, id, err)
	}
	if !found {
		return ErrNotFound
	}
	return nil
}

// Resolve takes contribution id of the site called site off the "needs a
// human" queue, as SiteStore.Resolve.
func (s *Store) Resolve(ctx context.Context, name string, id int64, by, how string) error {
	return s.Site(name).Resolve(ctx, id, by, how)
}

// Resolutions returns the site's audit trail of resolved items, newest
// first; limit > 0 caps how many.
func (ss *SiteStore) Resolutions(ctx context.Context, limit int) ([]Resolution, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: resolutions of %s: %w", ss.name, err)
	}
	var out []Resolution
	err := ss.view(func(_ *bbolt.Tx, st site) error {
		c := st.bucket(bucketAudit).Cursor()
		for k, v := c.Last(); k != nil && (limit <= 0 || len(out) < limit); k, v = c.Prev() {
			var r Resolution
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("decode audit entry %x: %w", k, err)
			}
			out = append(out, r)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: resolutions of %s: %w", ss.name, err)
	}
	return out, nil
}

// expireQueues deletes the site's pending actions first failed, set-aside
// items set aside, and audit entries written before cutoff: they name
// editors, whose IPs are personal data.
func expireQueues(st site, cutoff []byte) (int, error) {
	n := 0
	// Pending: read them all (few), delete the old ones.
	ps, err := sitePendings(st)
	if err != nil {
		return 0, err
	}
	for _, p := range ps {
		if bytes.Compare(appendTime(nil, p.First), cutoff) < 0 {
			if err := deletePending(st, p.ID); err != nil {
				return 0, err
			}
			n++
		}
	}
	// The queue, by its time index.
	var old []int64
	c := st.bucket(bucketSetAsideTime).Cursor()
	for k, _ := c.First(); k != nil && bytes.Compare(k[:timeLen], cutoff) < 0; k, _ = c.Next() {
		old = append(old, int64(binary.BigEndian.Uint64(k[timeLen:])))
	}
	for _, id := range old {
		if _, _, err := deleteSetAside(st, id); err != nil {
			return 0, err
		}
	}
	n += len(old)
	// The audit trail, keyed by time.
	var keys [][]byte
	ac := st.bucket(bucketAudit).Cursor()
	for k, _ := ac.First(); k != nil && bytes.Compare(k[:timeLen], cutoff) < 0; k, _ = ac.Next() {
		keys = append(keys, bytes.Clone(k))
	}
	if err := deleteKeys(st.bucket(bucketAudit), keys); err != nil {
		return 0, fmt.Errorf("delete audit entries: %w", err)
	}
	return n + len(keys), nil
}
