package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/netip"
	"slices"
	"time"

	"go.etcd.io/bbolt"
)

// EventKind says what an Event remembers.
type EventKind string

// Event kinds.
const (
	EventProbe  EventKind = "probe"  // a probe edit: random-letter tokens
	EventSpam   EventKind = "spam"   // a spam edit: links
	EventRevert EventKind = "revert" // the bot reverted User's edit on Title
	EventBlock  EventKind = "block"  // the bot blocked IP or its range
)

// valid reports whether k is one of the kinds above.
func (k EventKind) valid() bool {
	switch k {
	case EventProbe, EventSpam, EventRevert, EventBlock:
		return true
	}
	return false
}

// Event is something the bot remembers about an author, a place (a page, a
// topic) and the tokens used, to recognise follow-up contributions. Commit
// indexes it by IP (if valid) and by each token across all sites, and by
// Title (if set) within its site; a revert event also sets the site's revert
// mark of User on Title that LastRevert reads. The JSON names are the
// on-disk format.
type Event struct {
	Site    string     `json:"site,omitempty"` // the site it happened on; set by Commit
	Kind    EventKind  `json:"kind"`
	IP      netip.Addr `json:"ip"` // invalid for registered users
	User    string     `json:"user,omitempty"`
	Title   string     `json:"title,omitempty"`
	RevID   int64      `json:"rev_id,omitempty"`
	Time    time.Time  `json:"time"`
	Tokens  []string   `json:"tokens,omitempty"`
	Domains []string   `json:"domains,omitempty"`
}

// check rejects an event Commit could not index: an unknown kind, no time,
// NUL bytes in keyed text, or a revert without user and title.
func (e Event) check() error {
	if !e.Kind.valid() {
		return fmt.Errorf("unknown kind %q", e.Kind)
	}
	if e.Time.IsZero() {
		return errors.New("no time")
	}
	if err := checkText("title", e.Title); err != nil {
		return err
	}
	if err := checkText("user", e.User); err != nil {
		return err
	}
	for _, t := range e.Tokens {
		if t == "" {
			return errors.New("empty token")
		}
		if err := checkText("token", t); err != nil {
			return err
		}
	}
	if e.Kind == EventRevert && (e.User == "" || e.Title == "") {
		return errors.New("revert without user or title")
	}
	return nil
}

// Block is a block the bot placed. The JSON names are the on-disk format.
type Block struct {
	Target string    `json:"target"` // an IP or a CIDR range
	Expiry string    `json:"expiry"` // as given to the wiki, e.g. "31 hours"
	Time   time.Time `json:"time"`
	RevID  int64     `json:"rev_id,omitempty"` // the edit that caused it
	Reason string    `json:"reason,omitempty"`
	// ID is the site's id of the block, when it gives one (a wiki's).
	ID int64 `json:"id,omitempty"`
}

// writeEvent checks e and writes it to the events bucket under a new id,
// which it returns; the caller writes the indexes it wants.
func writeEvent(tx *bbolt.Tx, e Event) ([]byte, error) {
	if err := e.check(); err != nil {
		return nil, err
	}
	events := tx.Bucket(bucketEvents)
	seq, err := events.NextSequence()
	if err != nil {
		return nil, fmt.Errorf("next sequence: %w", err)
	}
	id := eventID(e.Time, seq)
	v, err := json.Marshal(e)
	if err != nil {
		return nil, fmt.Errorf("encode: %w", err)
	}
	if err := events.Put(id, v); err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	return id, nil
}

// putEvent writes e, which happened on site st, to the events bucket and
// its indexes, and a revert's mark.
func putEvent(tx *bbolt.Tx, st site, e Event) error {
	e.Site = st.name
	id, err := writeEvent(tx, e)
	if err != nil {
		return err
	}
	for _, ix := range indexKeys(e, id) {
		b := tx.Bucket(ix.bucket)
		if ix.site {
			b = st.bucket(ix.bucket)
		}
		if err := b.Put(ix.key, nil); err != nil {
			return fmt.Errorf("index in %s: %w", ix.bucket, err)
		}
	}
	if e.Kind == EventRevert {
		reverts := st.bucket(bucketReverts)
		key := append(textKey(e.User), e.Title...)
		t := appendTime(nil, e.Time)
		if old := reverts.Get(key); old == nil || bytes.Compare(old, t) < 0 {
			if err := reverts.Put(key, t); err != nil {
				return fmt.Errorf("write revert mark: %w", err)
			}
		}
	}
	return nil
}

// indexKey is one index entry of an event, in a top-level bucket or, if
// site is set, in the bucket of the event's site.
type indexKey struct {
	site        bool
	bucket, key []byte
}

// indexKeys returns the index entries of e, whose id is id. Expire deletes
// exactly these, so both must derive them here.
func indexKeys(e Event, id []byte) []indexKey {
	var keys []indexKey
	if e.IP.IsValid() {
		keys = append(keys, indexKey{false, bucketEventsByIP, join(ipKey(e.IP), id)})
	}
	if e.Title != "" {
		keys = append(keys, indexKey{true, bucketEventsByPage, append(textKey(e.Title), id...)})
	}
	for _, t := range e.Tokens {
		keys = append(keys, indexKey{false, bucketEventsByToken, append(textKey(t), id...)})
	}
	return keys
}

// putBlock writes b under its canonical target in the site's blocks.
func putBlock(st site, b Block) error {
	b.Target = normalizeTarget(b.Target)
	if b.Target == "" {
		return errors.New("block: no target")
	}
	if err := checkText("block target", b.Target); err != nil {
		return err
	}
	if b.Time.IsZero() {
		return errors.New("block: no time")
	}
	blocks := st.bucket(bucketBlocks)
	seq, err := blocks.NextSequence()
	if err != nil {
		return fmt.Errorf("block: next sequence: %w", err)
	}
	v, err := json.Marshal(b)
	if err != nil {
		return fmt.Errorf("block: encode: %w", err)
	}
	if err := blocks.Put(append(textKey(b.Target), eventID(b.Time, seq)...), v); err != nil {
		return fmt.Errorf("block: write: %w", err)
	}
	return nil
}

// IPEvents returns the events of every IP inside prefix at or after since,
// on every site, oldest first; Event.Site says where each happened. A /32 or
// /128 prefix means one IP. IPv4 prefixes match only IPv4 addresses (and
// their IPv4-mapped IPv6 forms).
func (ss *SiteStore) IPEvents(ctx context.Context, prefix netip.Prefix, since time.Time) ([]Event, error) {
	if ss.err != nil {
		return nil, ss.err
	}
	return ss.s.IPEvents(ctx, prefix, since)
}

// IPEvents returns the events of every IP inside prefix at or after since,
// on every site, oldest first, as SiteStore.IPEvents.
func (s *Store) IPEvents(ctx context.Context, prefix netip.Prefix, since time.Time) ([]Event, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: events of %s: %w", prefix, err)
	}
	if !prefix.IsValid() {
		return nil, fmt.Errorf("store: events of %s: invalid prefix", prefix)
	}
	lo, hi := prefixRange(prefix)
	sinceKey := appendTime(nil, since)
	var hits []foundEvent
	err := s.view(func(tx *bbolt.Tx) error {
		events := tx.Bucket(bucketEvents)
		c := tx.Bucket(bucketEventsByIP).Cursor()
		k, _ := c.Seek(join(lo, sinceKey))
		for k != nil && bytes.Compare(k[:ipLen], hi) <= 0 {
			if bytes.Compare(k[ipLen:ipLen+timeLen], sinceKey) < 0 {
				// An older event of the next IP in the range: skip
				// to that IP's events since since.
				k, _ = c.Seek(join(k[:ipLen], sinceKey))
				continue
			}
			f, err := getEvent(events, k[ipLen:])
			if err != nil {
				return err
			}
			hits = append(hits, f)
			k, _ = c.Next()
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: events of %s: %w", prefix, err)
	}
	// The run of keys is ordered by IP first; order by event id (time).
	slices.SortFunc(hits, func(a, b foundEvent) int { return bytes.Compare(a.id, b.id) })
	out := make([]Event, len(hits))
	for i, f := range hits {
		out[i] = f.event
	}
	return out, nil
}

// foundEvent is an event and its id, copied out of a transaction.
type foundEvent struct {
	id    []byte
	event Event
}

// getEvent decodes the event with id from the events bucket.
func getEvent(events *bbolt.Bucket, id []byte) (foundEvent, error) {
	v := events.Get(id)
	if v == nil {
		return foundEvent{}, fmt.Errorf("index entry for missing event %x", id)
	}
	f := foundEvent{id: bytes.Clone(id)}
	if err := json.Unmarshal(v, &f.event); err != nil {
		return foundEvent{}, fmt.Errorf("decode event %x: %w", id, err)
	}
	return f, nil
}

// textEvents returns the events indexed in index under text at or after
// since, oldest first.
func textEvents(tx *bbolt.Tx, index *bbolt.Bucket, text string, since time.Time) ([]Event, error) {
	prefix := textKey(validText(text))
	var out []Event
	events := tx.Bucket(bucketEvents)
	c := index.Cursor()
	for k, _ := c.Seek(appendTime(bytes.Clone(prefix), since)); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		f, err := getEvent(events, k[len(prefix):])
		if err != nil {
			return nil, err
		}
		out = append(out, f.event)
	}
	return out, nil
}

// PageEvents returns the events on the site's place (page) title at or
// after since, oldest first.
func (ss *SiteStore) PageEvents(ctx context.Context, title string, since time.Time) ([]Event, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: events of page %q: %w", title, err)
	}
	var out []Event
	err := ss.view(func(tx *bbolt.Tx, st site) (err error) {
		out, err = textEvents(tx, st.bucket(bucketEventsByPage), title, since)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: events of page %q: %w", title, err)
	}
	return out, nil
}

// TokenEventsSince returns the events on every site that used token at or after
// since, oldest first: which sites, places and IPs used it, and when. A token
// probed on the wiki and posted on the forum is the same campaign.
func (ss *SiteStore) TokenEventsSince(ctx context.Context, token string, since time.Time) ([]Event, error) {
	if ss.err != nil {
		return nil, ss.err
	}
	return ss.s.TokenEventsSince(ctx, token, since)
}

// TokenEvents returns every remembered event on every site that used
// token, oldest first.
func (ss *SiteStore) TokenEvents(ctx context.Context, token string) ([]Event, error) {
	return ss.s.TokenEvents(ctx, token)
}

// TokenEvents returns every remembered event on every site that used token,
// oldest first. It is TokenEventsSince from the beginning of time.
func (s *Store) TokenEvents(ctx context.Context, token string) ([]Event, error) {
	return s.TokenEventsSince(ctx, token, time.Time{})
}

// TokenEventsSince returns the events on every site that used token at or
// after since, oldest first, as SiteStore.TokenEvents.
func (s *Store) TokenEventsSince(ctx context.Context, token string, since time.Time) ([]Event, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: events of token %q: %w", token, err)
	}
	var out []Event
	err := s.view(func(tx *bbolt.Tx) (err error) {
		out, err = textEvents(tx, tx.Bucket(bucketEventsByToken), token, since)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: events of token %q: %w", token, err)
	}
	return out, nil
}

// LastRevert returns the time of the latest remembered revert of user's
// contribution on the site's place title, or ErrNotFound if there is none
// (or it expired).
func (ss *SiteStore) LastRevert(ctx context.Context, user, title string) (time.Time, error) {
	if err := ctx.Err(); err != nil {
		return time.Time{}, fmt.Errorf("store: last revert of %q on %q: %w", user, title, err)
	}
	var t time.Time
	err := ss.view(func(_ *bbolt.Tx, st site) error {
		v := st.bucket(bucketReverts).Get(append(textKey(validText(user)), validText(title)...))
		if len(v) == timeLen {
			t = parseTime(v)
		}
		return nil
	})
	if err != nil {
		return time.Time{}, fmt.Errorf("store: last revert of %q on %q: %w", user, title, err)
	}
	if t.IsZero() {
		return time.Time{}, ErrNotFound
	}
	return t, nil
}

// Blocks returns the blocks placed on target on this site, oldest first, so
// the bot can escalate the next block's length. The target is compared in the
// canonical form Commit stores, so "192.0.2.7/24" finds blocks of
// "192.0.2.0/24", and "198.51.100.7/32" and "::ffff:198.51.100.7" find
// blocks of "198.51.100.7". No blocks is an empty result, not an error.
func (ss *SiteStore) Blocks(ctx context.Context, target string) ([]Block, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: blocks of %q: %w", target, err)
	}
	prefix := textKey(normalizeTarget(target))
	var out []Block
	err := ss.view(func(_ *bbolt.Tx, st site) error {
		c := st.bucket(bucketBlocks).Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			var b Block
			if err := json.Unmarshal(v, &b); err != nil {
				return fmt.Errorf("decode block %x: %w", k, err)
			}
			out = append(out, b)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: blocks of %q: %w", target, err)
	}
	return out, nil
}

// PageEvents is Site(default).PageEvents.
func (s *Store) PageEvents(ctx context.Context, title string, since time.Time) ([]Event, error) {
	return s.def.PageEvents(ctx, title, since)
}

// LastRevert is Site(default).LastRevert.
func (s *Store) LastRevert(ctx context.Context, user, title string) (time.Time, error) {
	return s.def.LastRevert(ctx, user, title)
}

// Blocks is Site(default).Blocks.
func (s *Store) Blocks(ctx context.Context, target string) ([]Block, error) {
	return s.def.Blocks(ctx, target)
}
