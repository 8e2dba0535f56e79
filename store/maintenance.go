package store

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"go.etcd.io/bbolt"
)

// Expire deletes the events (with their index entries), records, revert
// marks and blocks older than before, in one write transaction, and returns
// how many events, records, revert marks and blocks it removed. The cursor,
// the domains and the model are kept.
func (s *Store) Expire(ctx context.Context, before time.Time) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, fmt.Errorf("store: expire: %w", err)
	}
	cutoff := appendTime(nil, before)
	n := 0
	err := s.db.Update(func(tx *bbolt.Tx) error {
		for _, expire := range []func(*bbolt.Tx, []byte) (int, error){
			expireEvents, expireRecords, expireReverts, expireBlocks,
		} {
			// Expiring a large backlog can take a while; let a
			// shutdown abort it (the transaction rolls back).
			if err := ctx.Err(); err != nil {
				return err
			}
			m, err := expire(tx, cutoff)
			if err != nil {
				return err
			}
			n += m
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: expire: %w", err)
	}
	return n, nil
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

// expireEvents deletes the events, and their index entries, older than
// cutoff.
func expireEvents(tx *bbolt.Tx, cutoff []byte) (int, error) {
	events := tx.Bucket(bucketEvents)
	var old []foundEvent
	c := events.Cursor()
	for k, _ := c.First(); k != nil && bytes.Compare(k[:timeLen], cutoff) < 0; k, _ = c.Next() {
		f, err := getEvent(events, k)
		if err != nil {
			return 0, err
		}
		old = append(old, f)
	}
	for _, f := range old {
		for _, ix := range indexKeys(f.event, f.id) {
			if err := tx.Bucket(ix.bucket).Delete(ix.key); err != nil {
				return 0, fmt.Errorf("unindex event %x: %w", f.id, err)
			}
		}
		if err := events.Delete(f.id); err != nil {
			return 0, fmt.Errorf("delete event %x: %w", f.id, err)
		}
	}
	return len(old), nil
}

// expireRecords deletes the records of edits made before cutoff.
func expireRecords(tx *bbolt.Tx, cutoff []byte) (int, error) {
	records, byTime := tx.Bucket(bucketRecords), tx.Bucket(bucketRecordsByTime)
	var old [][]byte
	c := byTime.Cursor()
	for k, _ := c.First(); k != nil && bytes.Compare(k[:timeLen], cutoff) < 0; k, _ = c.Next() {
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
func expireReverts(tx *bbolt.Tx, cutoff []byte) (int, error) {
	reverts := tx.Bucket(bucketReverts)
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
func expireBlocks(tx *bbolt.Tx, cutoff []byte) (int, error) {
	blocks := tx.Bucket(bucketBlocks)
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

// Stats counts what the store holds, for logs, metrics and the review UI.
type Stats struct {
	Records int    // handled edits recorded
	Events  int    // events remembered
	Blocks  int    // blocks remembered
	Tokens  int    // distinct tokens in remembered events
	Pages   int    // distinct pages in remembered events
	Cursor  Cursor // the patrol position; zero before the first pass
}

// Stats returns the store's counts, all from one consistent snapshot.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	if err := ctx.Err(); err != nil {
		return Stats{}, fmt.Errorf("store: stats: %w", err)
	}
	var st Stats
	err := s.db.View(func(tx *bbolt.Tx) error {
		st.Records = tx.Bucket(bucketRecords).Stats().KeyN
		st.Events = tx.Bucket(bucketEvents).Stats().KeyN
		st.Blocks = tx.Bucket(bucketBlocks).Stats().KeyN
		st.Tokens = distinctTexts(tx.Bucket(bucketEventsByToken))
		st.Pages = distinctTexts(tx.Bucket(bucketEventsByPage))
		c, _, err := getCursor(tx)
		st.Cursor = c
		return err
	})
	if err != nil {
		return Stats{}, fmt.Errorf("store: stats: %w", err)
	}
	return st, nil
}

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
