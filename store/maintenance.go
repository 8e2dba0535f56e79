package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/netip"
	"time"

	"go.etcd.io/bbolt"
)

// expireChunk bounds the events or records one of Expire's write
// transactions deletes, so a large backlog of expired entries does not hold
// the write lock (and the patroller's commits) for long, nor keep millions of
// keys in memory.
const expireChunk = 100_000

// Expire deletes, on every site, the events (with their index entries),
// records, revert marks, blocks, pending actions, set-aside items and audit
// entries older than before, and returns how many it removed. The cursors,
// the domains and the models are kept. A large backlog is deleted in
// several write transactions of at most 100,000 events or records; each
// leaves the store consistent, and a cancelled ctx stops between them.
func (s *Store) Expire(ctx context.Context, before time.Time) (int, error) {
	n, err := s.expire(ctx, before, "")
	if err != nil {
		return n, fmt.Errorf("store: expire: %w", err)
	}
	return n, nil
}

// Expire deletes the shared events older than before (one retention for all
// sites) and this site's records, revert marks, blocks, pending actions,
// set-aside items and audit entries older than before, as Store.Expire.
func (ss *SiteStore) Expire(ctx context.Context, before time.Time) (int, error) {
	if ss.err != nil {
		return 0, ss.err
	}
	n, err := ss.s.expire(ctx, before, ss.name)
	if err != nil {
		return n, fmt.Errorf("store: expire %s: %w", ss.name, err)
	}
	return n, nil
}

// expire is Expire of one site, or of every site if only is "".
func (s *Store) expire(ctx context.Context, before time.Time, only string) (int, error) {
	cutoff := appendTime(nil, before)
	n := 0
	sites := func(tx *bbolt.Tx, fn func(site) error) error {
		if only == "" {
			return forEachSite(tx, fn)
		}
		if st, ok := getSite(tx, only); ok {
			return fn(st)
		}
		return nil
	}
	// Events and records in chunks, until a chunk comes back short.
	for more := true; more; {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		err := s.update(func(tx *bbolt.Tx) error {
			m, err := expireEvents(tx, cutoff, expireChunk)
			if err != nil {
				return err
			}
			budget := expireChunk - m
			more = budget == 0
			err = sites(tx, func(st site) error {
				if budget == 0 {
					return nil
				}
				r, err := expireRecords(st, cutoff, budget)
				budget -= r
				m += r
				more = more || budget == 0
				return err
			})
			if err == nil {
				n += m
			}
			return err
		})
		if err != nil {
			return n, err
		}
	}
	// The rest is small: one transaction.
	if err := ctx.Err(); err != nil {
		return n, err
	}
	err := s.update(func(tx *bbolt.Tx) error {
		m := 0
		err := sites(tx, func(st site) error {
			for _, expire := range []func(site, []byte) (int, error){expireReverts, expireBlocks, expireQueues, expireNotices} {
				k, err := expire(st, cutoff)
				if err != nil {
					return fmt.Errorf("site %s: %w", st.name, err)
				}
				m += k
			}
			return nil
		})
		if err == nil {
			n += m
		}
		return err
	})
	return n, err
}

// deleteKeys deletes keys from b. Expire collects keys first and deletes
// after iterating, because deleting under a bbolt cursor can skip entries.
func deleteKeys(b *bbolt.Bucket, keys [][]byte) error {
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// expireEvents deletes up to limit events, and their index entries, older
// than cutoff, on every site.
func expireEvents(tx *bbolt.Tx, cutoff []byte, limit int) (int, error) {
	events := tx.Bucket(bucketEvents)
	var old []foundEvent
	c := events.Cursor()
	for k, v := c.First(); k != nil && len(old) < limit && bytes.Compare(k[:timeLen], cutoff) < 0; k, v = c.Next() {
		// Only what indexKeys needs: decoding whole events (times,
		// addresses as text) is most of a large expiry's cost.
		var e struct {
			Site   string     `json:"site"`
			IP     netip.Addr `json:"ip"`
			Title  string     `json:"title"`
			Tokens []string   `json:"tokens"`
		}
		if err := json.Unmarshal(v, &e); err != nil {
			return 0, fmt.Errorf("decode event %x: %w", k, err)
		}
		old = append(old, foundEvent{id: bytes.Clone(k), event: Event{Site: e.Site, IP: e.IP, Title: e.Title, Tokens: e.Tokens}})
	}
	sites := map[string]*bbolt.Bucket{}
	for _, f := range old {
		for _, ix := range indexKeys(f.event, f.id) {
			b := tx.Bucket(ix.bucket)
			if ix.site {
				sb, ok := sites[f.event.Site]
				if !ok {
					if st, found := getSite(tx, f.event.Site); found {
						sb = st.b
					}
					sites[f.event.Site] = sb
				}
				if sb == nil {
					continue // the site is gone, and its indexes with it
				}
				b = sb.Bucket(ix.bucket)
			}
			if err := b.Delete(ix.key); err != nil {
				return 0, fmt.Errorf("unindex event %x: %w", f.id, err)
			}
		}
		if err := events.Delete(f.id); err != nil {
			return 0, fmt.Errorf("delete event %x: %w", f.id, err)
		}
	}
	return len(old), nil
}

// expireRecords deletes up to limit of the site's records of contributions
// made before cutoff.
func expireRecords(st site, cutoff []byte, limit int) (int, error) {
	records, byTime := st.bucket(bucketRecords), st.bucket(bucketRecordsByTime)
	var old [][]byte
	c := byTime.Cursor()
	for k, _ := c.First(); k != nil && len(old) < limit && bytes.Compare(k[:timeLen], cutoff) < 0; k, _ = c.Next() {
		old = append(old, bytes.Clone(k))
	}
	for _, k := range old {
		if err := records.Delete(k[timeLen:]); err != nil {
			return 0, fmt.Errorf("delete record %x: %w", k[timeLen:], err)
		}
	}
	if err := deleteKeys(byTime, old); err != nil {
		return 0, fmt.Errorf("unindex records: %w", err)
	}
	return len(old), nil
}

// expireReverts deletes revert marks older than cutoff.
func expireReverts(st site, cutoff []byte) (int, error) {
	reverts := st.bucket(bucketReverts)
	var old [][]byte
	err := reverts.ForEach(func(k, v []byte) error {
		if bytes.Compare(v, cutoff) < 0 {
			old = append(old, bytes.Clone(k))
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	if err := deleteKeys(reverts, old); err != nil {
		return 0, fmt.Errorf("delete revert marks: %w", err)
	}
	return len(old), nil
}

// expireBlocks deletes blocks placed before cutoff. Blocks are keyed by
// target, so this reads them all; there are few.
func expireBlocks(st site, cutoff []byte) (int, error) {
	blocks := st.bucket(bucketBlocks)
	var old [][]byte
	err := blocks.ForEach(func(k, _ []byte) error {
		if len(k) < idLen {
			return fmt.Errorf("block key %x too short", k)
		}
		if t := k[len(k)-idLen : len(k)-seqLen]; bytes.Compare(t, cutoff) < 0 {
			old = append(old, bytes.Clone(k))
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	if err := deleteKeys(blocks, old); err != nil {
		return 0, fmt.Errorf("delete blocks: %w", err)
	}
	return len(old), nil
}

// Stats counts what the store holds for one site, for logs, metrics and the
// review UI. Events and Tokens count every site's (they are shared).
type Stats struct {
	Records  int    // handled contributions recorded
	Events   int    // events remembered, on every site
	Blocks   int    // blocks remembered
	Tokens   int    // distinct tokens in remembered events, on every site
	Pages    int    // distinct places in the site's remembered events
	Pending  int    // actions waiting for a retry
	SetAside int    // items in the "needs a human" queue
	Cursor   Cursor // the patrol position; zero before the first pass
}

// Stats returns the site's counts, all from one consistent snapshot.
func (ss *SiteStore) Stats(ctx context.Context) (Stats, error) {
	if err := ctx.Err(); err != nil {
		return Stats{}, fmt.Errorf("store: stats: %w", err)
	}
	if ss.err != nil {
		return Stats{}, ss.err
	}
	var st Stats
	err := ss.s.view(func(tx *bbolt.Tx) error {
		st.Events = tx.Bucket(bucketEvents).Stats().KeyN
		st.Tokens = distinctTexts(tx.Bucket(bucketEventsByToken))
		s, ok := getSite(tx, ss.name)
		if !ok {
			return nil
		}
		st.Records = s.bucket(bucketRecords).Stats().KeyN
		st.Blocks = s.bucket(bucketBlocks).Stats().KeyN
		st.Pages = distinctTexts(s.bucket(bucketEventsByPage))
		st.Pending = s.bucket(bucketPending).Stats().KeyN
		st.SetAside = s.bucket(bucketSetAside).Stats().KeyN
		c, _, err := getCursor(s)
		st.Cursor = c
		return err
	})
	if err != nil {
		return Stats{}, fmt.Errorf("store: stats: %w", err)
	}
	return st, nil
}

// Stats is Site(default).Stats.
func (s *Store) Stats(ctx context.Context) (Stats, error) { return s.def.Stats(ctx) }

// distinctTexts counts the distinct text parts of a text-keyed index,
// seeking past each text's entries instead of reading them.
func distinctTexts(b *bbolt.Bucket) int {
	n := 0
	c := b.Cursor()
	for k, _ := c.First(); k != nil; n++ {
		i := bytes.IndexByte(k, sep)
		if i < 0 {
			k, _ = c.Next()
			continue
		}
		// text 0x01 sorts after every "text 0x00 ..." key and before the
		// next text.
		k, _ = c.Seek(append(bytes.Clone(k[:i]), sep+1))
	}
	return n
}
