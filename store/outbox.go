package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"go.etcd.io/bbolt"
)

// The shared memory. Several wikiwarden processes (a farm spread over
// machines) can share what identifies a botnet through a database they all
// reach (package pgmemory). The store stays each process's memory: its
// cursors, records, pending actions and audit never leave it, and the bot
// reads only the store. What is shared travels in two directions:
//
//   - Out: with Options.Share, every Commit also queues the cross-site
//     facts it writes (the events and the confirmed spam domains) in an
//     outbox, in the same write transaction, and so does a moderator's
//     decision that clears spam domains (see labelSpamExample). A crash therefore never
//     leaves an event remembered but not queued, or queued but not
//     remembered. A replicator reads the outbox (Outbox), pushes it and
//     deletes what was pushed (DropOutbox). Each fact carries a globally
//     unique id, the store's origin id and its outbox sequence, so a fact
//     pushed twice (a crash between the push and the delete) is stored once.
//   - In: the replicator writes other processes' facts into the store with
//     Import: events are indexed by IP and token, as the store's own, so
//     IPEvents and TokenEvents see them, spam domains join Domains().Spam,
//     and the domains a moderator cleared (restored an edit that linked
//     them) leave it.
//     Each imported event's origin id is remembered, so it is imported once,
//     and the replicator's position in the shared log moves in the same
//     transaction.
//
// Imported events are not indexed by place, and set no revert marks: those
// belong to the site they happened on, which another process patrols, and
// two processes' sites may share a name.
//
//	bucket                  key                        value
//	shared/                 only when sharing was ever enabled
//	  meta                  "origin"                   16 random bytes: this store's origin id
//	                        "enabled"                  1 byte: 1 while Options.Share, 0 after
//	                        "cursor"                   JSON SharedCursor
//	  outbox                SEQ                        JSON SharedFact
//	  imported              ORIGIN SEQ                 T of the imported event

var (
	bucketShared         = []byte("shared")
	bucketSharedMeta     = []byte("meta")
	bucketSharedOutbox   = []byte("outbox")
	bucketSharedImported = []byte("imported")

	keyOrigin  = []byte("origin")
	keyEnabled = []byte("enabled")
	// keyCursor ("cursor") is reused for the shared cursor.
)

// ErrNotShared is returned by the shared-memory methods of a store that was
// never opened with Options.Share.
var ErrNotShared = errors.New("store: sharing not enabled")

// Origin identifies one store among all that share a memory. It is chosen
// at random when sharing is first enabled and kept in the file: a copy of the
// file (a restored backup) used next to the original must be given a new one
// by opening it once without Share and deleting the shared bucket, which the
// operator does not normally need.
type Origin [16]byte

// String returns o in the canonical UUID form, which is how PostgreSQL
// stores it.
func (o Origin) String() string {
	var b [36]byte
	hex.Encode(b[0:8], o[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], o[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], o[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], o[8:10])
	b[23] = '-'
	hex.Encode(b[24:], o[10:])
	return string(b[:])
}

// SharedFact is one fact of the cross-site memory: an event, or domains
// confirmed as spam. Origin and Seq together are its id across every
// process; the JSON names are the outbox's on-disk format.
type SharedFact struct {
	Origin Origin `json:"-"`
	Seq    uint64 `json:"-"`
	// Event is an event as Commit stored it, with its site.
	Event *Event `json:"event,omitempty"`
	// SpamDomains are domains confirmed as spam on Site at Time.
	SpamDomains []string `json:"spam_domains,omitempty"`
	// ClearedDomains are domains a moderator cleared on Site at Time: an
	// edit linking them was restored, so they no longer count as spam
	// anywhere.
	ClearedDomains []string  `json:"cleared_domains,omitempty"`
	Site           string    `json:"site,omitempty"`
	Time           time.Time `json:"time,omitzero"`
}

// SharedCursor is how far a replicator has read the shared log: the last
// event, spam-domain and cleared-domain ids imported. Its meaning belongs
// to the replicator; the store only keeps it with what was imported.
type SharedCursor struct {
	Events  int64 `json:"events"`
	Domains int64 `json:"domains"`
	Cleared int64 `json:"cleared"`
}

// setSharing records in Open's write transaction whether Commit queues
// shared facts, creating the shared buckets and the origin id the first time.
// Turning sharing off keeps what is queued: it is pushed if sharing is
// turned on again.
func setSharing(tx *bbolt.Tx, on bool) error {
	sh := tx.Bucket(bucketShared)
	if sh == nil && !on {
		return nil
	}
	sh, err := tx.CreateBucketIfNotExists(bucketShared)
	if err != nil {
		return fmt.Errorf("create bucket %s: %w", bucketShared, err)
	}
	for _, n := range [][]byte{bucketSharedMeta, bucketSharedOutbox, bucketSharedImported} {
		if _, err := sh.CreateBucketIfNotExists(n); err != nil {
			return fmt.Errorf("create bucket %s/%s: %w", bucketShared, n, err)
		}
	}
	meta := sh.Bucket(bucketSharedMeta)
	if len(meta.Get(keyOrigin)) != len(Origin{}) {
		var o Origin
		if _, err := rand.Read(o[:]); err != nil {
			return fmt.Errorf("origin id: %w", err)
		}
		if err := meta.Put(keyOrigin, o[:]); err != nil {
			return fmt.Errorf("write origin id: %w", err)
		}
	}
	flag := []byte{0}
	if on {
		flag[0] = 1
	}
	if err := meta.Put(keyEnabled, flag); err != nil {
		return fmt.Errorf("write sharing flag: %w", err)
	}
	return nil
}

// sharing returns the shared bucket when Commit is to queue facts.
func sharing(tx *bbolt.Tx) *bbolt.Bucket {
	sh := tx.Bucket(bucketShared)
	if sh == nil || !bytes.Equal(sh.Bucket(bucketSharedMeta).Get(keyEnabled), []byte{1}) {
		return nil
	}
	return sh
}

// queueShared puts the cross-site facts of h, handled on site st, in the
// outbox when sharing is enabled. h is valid (see Handled.valid).
func queueShared(tx *bbolt.Tx, st site, h Handled) error {
	sh := sharing(tx)
	if sh == nil {
		return nil
	}
	for _, e := range h.Events {
		e.Site = st.name
		if err := putFact(sh, SharedFact{Event: &e}); err != nil {
			return err
		}
	}
	if len(h.SpamDomains) > 0 {
		t := h.Record.Seen
		if t.IsZero() {
			t = h.Record.Time
		}
		if err := putFact(sh, SharedFact{SpamDomains: h.SpamDomains, Site: st.name, Time: t}); err != nil {
			return err
		}
	}
	return nil
}

// queueSpamDomains queues domains marked as spam outside a Commit.
func queueSpamDomains(tx *bbolt.Tx, domains []string, now time.Time) error {
	sh := sharing(tx)
	if sh == nil || len(domains) == 0 {
		return nil
	}
	return putFact(sh, SharedFact{SpamDomains: domains, Time: now})
}

// queueClearedDomains queues domains a moderator cleared on the site
// called name at at.
func queueClearedDomains(tx *bbolt.Tx, name string, domains []string, at time.Time) error {
	sh := sharing(tx)
	if sh == nil || len(domains) == 0 {
		return nil
	}
	return putFact(sh, SharedFact{ClearedDomains: domains, Site: name, Time: at})
}

// putFact appends f to the outbox under the next sequence.
func putFact(sh *bbolt.Bucket, f SharedFact) error {
	out := sh.Bucket(bucketSharedOutbox)
	seq, err := out.NextSequence()
	if err != nil {
		return fmt.Errorf("outbox: next sequence: %w", err)
	}
	v, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("outbox: encode: %w", err)
	}
	if err := out.Put(binary.BigEndian.AppendUint64(nil, seq), v); err != nil {
		return fmt.Errorf("outbox: write: %w", err)
	}
	return nil
}

// sharedView runs fn on the shared bucket in a read transaction, failing
// with ErrNotShared when there is none.
func (s *Store) sharedView(fn func(sh *bbolt.Bucket) error) error {
	return s.view(func(tx *bbolt.Tx) error {
		sh := tx.Bucket(bucketShared)
		if sh == nil {
			return ErrNotShared
		}
		return fn(sh)
	})
}

// Origin returns the store's origin id, or ErrNotShared.
func (s *Store) Origin(ctx context.Context) (Origin, error) {
	if err := ctx.Err(); err != nil {
		return Origin{}, fmt.Errorf("store: origin: %w", err)
	}
	var o Origin
	err := s.sharedView(func(sh *bbolt.Bucket) error {
		copy(o[:], sh.Bucket(bucketSharedMeta).Get(keyOrigin))
		return nil
	})
	if err != nil {
		return Origin{}, fmt.Errorf("store: origin: %w", err)
	}
	return o, nil
}

// Outbox returns up to limit (0: all) queued facts, oldest first, each with
// the store's origin and its sequence. It fails with ErrNotShared when
// sharing was never enabled.
func (s *Store) Outbox(ctx context.Context, limit int) ([]SharedFact, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: outbox: %w", err)
	}
	var out []SharedFact
	err := s.sharedView(func(sh *bbolt.Bucket) error {
		var o Origin
		copy(o[:], sh.Bucket(bucketSharedMeta).Get(keyOrigin))
		c := sh.Bucket(bucketSharedOutbox).Cursor()
		for k, v := c.First(); k != nil && (limit <= 0 || len(out) < limit); k, v = c.Next() {
			var f SharedFact
			if err := json.Unmarshal(v, &f); err != nil {
				return fmt.Errorf("decode fact %x: %w", k, err)
			}
			f.Origin, f.Seq = o, binary.BigEndian.Uint64(k)
			out = append(out, f)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: outbox: %w", err)
	}
	return out, nil
}

// OutboxLen returns how many facts wait in the outbox; 0 when sharing was
// never enabled.
func (s *Store) OutboxLen(ctx context.Context) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, fmt.Errorf("store: outbox: %w", err)
	}
	n := 0
	err := s.sharedView(func(sh *bbolt.Bucket) error {
		n = sh.Bucket(bucketSharedOutbox).Stats().KeyN
		return nil
	})
	if errors.Is(err, ErrNotShared) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("store: outbox: %w", err)
	}
	return n, nil
}

// DropOutbox deletes the queued facts up to and including sequence upTo,
// once they are safely stored elsewhere, and returns how many it deleted.
func (s *Store) DropOutbox(ctx context.Context, upTo uint64) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, fmt.Errorf("store: drop outbox: %w", err)
	}
	n := 0
	err := s.update(func(tx *bbolt.Tx) error {
		sh := tx.Bucket(bucketShared)
		if sh == nil {
			return ErrNotShared
		}
		c := sh.Bucket(bucketSharedOutbox).Cursor()
		for k, _ := c.First(); k != nil && binary.BigEndian.Uint64(k) <= upTo; k, _ = c.First() {
			if err := c.Delete(); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: drop outbox: %w", err)
	}
	return n, nil
}

// SharedCursor returns the position Import last stored; the zero cursor
// before the first import.
func (s *Store) SharedCursor(ctx context.Context) (SharedCursor, error) {
	if err := ctx.Err(); err != nil {
		return SharedCursor{}, fmt.Errorf("store: shared cursor: %w", err)
	}
	var c SharedCursor
	err := s.sharedView(func(sh *bbolt.Bucket) error {
		if v := sh.Bucket(bucketSharedMeta).Get(keyCursor); v != nil {
			return json.Unmarshal(v, &c)
		}
		return nil
	})
	if err != nil {
		return SharedCursor{}, fmt.Errorf("store: shared cursor: %w", err)
	}
	return c, nil
}

// Import writes other stores' facts into this one and moves the shared
// cursor to cur, in one write transaction, and returns how many events it
// added. An event whose origin id was imported before, or that is this
// store's own, is skipped; spam domains are added to the shared spam
// domains (adding one twice changes nothing) and cleared domains taken off
// them, in the order of facts: a domain marked again after it was cleared
// is spam. Imported facts are not queued in the outbox. Invalid events
// fail the whole import.
func (s *Store) Import(ctx context.Context, facts []SharedFact, cur SharedCursor) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, fmt.Errorf("store: import: %w", err)
	}
	n := 0
	err := s.update(func(tx *bbolt.Tx) error {
		sh := tx.Bucket(bucketShared)
		if sh == nil {
			return ErrNotShared
		}
		meta, seen := sh.Bucket(bucketSharedMeta), sh.Bucket(bucketSharedImported)
		own := meta.Get(keyOrigin)
		for i, f := range facts {
			if bytes.Equal(f.Origin[:], own) {
				continue
			}
			if err := putDomains(tx.Bucket(bucketDomainsSpam), validTexts(f.SpamDomains)); err != nil {
				return fmt.Errorf("fact %d: %w", i, err)
			}
			if err := deleteDomains(tx.Bucket(bucketDomainsSpam), f.ClearedDomains); err != nil {
				return fmt.Errorf("fact %d: %w", i, err)
			}
			if f.Event == nil {
				continue
			}
			key := binary.BigEndian.AppendUint64(bytes.Clone(f.Origin[:]), f.Seq)
			if seen.Get(key) != nil {
				continue
			}
			e := f.Event.valid()
			if err := importEvent(tx, e); err != nil {
				return fmt.Errorf("fact %d (%s/%d): %w", i, f.Origin, f.Seq, err)
			}
			if err := seen.Put(key, appendTime(nil, e.Time)); err != nil {
				return fmt.Errorf("fact %d: remember origin: %w", i, err)
			}
			n++
		}
		v, err := json.Marshal(cur)
		if err != nil {
			return fmt.Errorf("encode cursor: %w", err)
		}
		return meta.Put(keyCursor, v)
	})
	if err != nil {
		return 0, fmt.Errorf("store: import: %w", err)
	}
	return n, nil
}

// importEvent writes another store's event e to the events bucket with its
// IP and token indexes only (see the comment at the top of this file).
func importEvent(tx *bbolt.Tx, e Event) error {
	if e.Site == "" {
		return errors.New("event without site")
	}
	id, err := writeEvent(tx, e)
	if err != nil {
		return err
	}
	for _, ix := range indexKeys(Event{IP: e.IP, Tokens: e.Tokens}, id) {
		if err := tx.Bucket(ix.bucket).Put(ix.key, nil); err != nil {
			return fmt.Errorf("index in %s: %w", ix.bucket, err)
		}
	}
	return nil
}

// PruneImported forgets the origin ids of imported events older than
// before, which Expire has deleted or is about to, and returns how many it
// forgot. The replicator never reads facts that old again.
func (s *Store) PruneImported(ctx context.Context, before time.Time) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, fmt.Errorf("store: prune imported: %w", err)
	}
	cutoff := appendTime(nil, before)
	n := 0
	err := s.update(func(tx *bbolt.Tx) error {
		sh := tx.Bucket(bucketShared)
		if sh == nil {
			return nil
		}
		c := sh.Bucket(bucketSharedImported).Cursor()
		for k, v := c.First(); k != nil; {
			if bytes.Compare(v, cutoff) < 0 {
				k = bytes.Clone(k)
				if err := c.Delete(); err != nil {
					return err
				}
				n++
				k, v = c.Seek(k) // the next key: Next after Delete skips one
				continue
			}
			k, v = c.Next()
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: prune imported: %w", err)
	}
	return n, nil
}
