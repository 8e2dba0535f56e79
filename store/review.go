package store

// Review: what moderators did in the review console (the audit trail), which
// items they resolved, and the feedback they gave the bot. Three buckets:
//
//	review_audit     T SEQ            -> AuditEntry (JSON), oldest first
//	review_resolved  REVID            -> AuditEntry (JSON): the latest entry that resolved a record
//	review_feedback  SEQ              -> Feedback (JSON), active feedback only
//
// Withdrawn feedback is deleted (the audit trail keeps who withdrew it and
// when), so the bot reads exactly what is in force.

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"go.etcd.io/bbolt"
)

// Bucket names of the review console.
var (
	bucketReviewAudit    = []byte("review_audit")
	bucketReviewResolved = []byte("review_resolved")
	bucketReviewFeedback = []byte("review_feedback")
)

// AuditAction names what a moderator did. The values are the on-disk format.
type AuditAction string

// Audit actions.
const (
	AuditRestore          AuditAction = "restore"           // undid the bot's revert ("this was a good edit")
	AuditRevert           AuditAction = "revert"            // reverted a queued edit
	AuditDelete           AuditAction = "delete"            // deleted (or tagged) a page
	AuditBlock            AuditAction = "block"             // blocked the editor of a queued edit
	AuditDismiss          AuditAction = "dismiss"           // dismissed a queued edit as good
	AuditFeedback         AuditAction = "feedback"          // gave the bot feedback
	AuditWithdrawFeedback AuditAction = "withdraw_feedback" // withdrew feedback
	AuditLogin            AuditAction = "login"             // logged in to the console
)

// Resolves reports whether the action settles the item it was taken on, so
// the item leaves the queue.
func (a AuditAction) Resolves() bool {
	switch a {
	case AuditRestore, AuditRevert, AuditDelete, AuditDismiss, AuditKeep:
		return true
	}
	return false
}

// AuditEntry is one moderator action: who, when, what, on which item, and
// what came of it. The JSON names are the on-disk format.
type AuditEntry struct {
	ID uint64 `json:"id"`
	// Site is the site the item belongs to; "" is the store's default
	// site (entries written before sites had one).
	Site      string      `json:"site,omitempty"`
	Time      time.Time   `json:"time"`
	Moderator string      `json:"moderator"`
	Action    AuditAction `json:"action"`
	RevID     int64       `json:"rev_id,omitempty"` // the item (record) acted on, if any
	Title     string      `json:"title,omitempty"`
	Target    string      `json:"target,omitempty"` // a block target, a feedback value, ...
	Outcome   string      `json:"outcome,omitempty"`
	Err       string      `json:"error,omitempty"` // non-empty when the action failed
}

// AuditQuery selects audit entries.
type AuditQuery struct {
	RevID int64     // only entries about this record; 0 means all
	Since time.Time // only entries at or after Since
	Limit int       // at most this many, newest first; 0 means no limit
}

// FeedbackKind is what a piece of feedback teaches the bot. The values are
// the on-disk format.
type FeedbackKind string

// Feedback kinds.
const (
	FeedbackAllowWord     FeedbackKind = "allow_word"     // a word the probe detector must not treat as a probe token
	FeedbackGoodDomain    FeedbackKind = "good_domain"    // a domain to treat as known-good
	FeedbackTrustedEditor FeedbackKind = "trusted_editor" // an editor (account or IP) whose edits are not patrolled
	FeedbackSpamDomain    FeedbackKind = "spam_domain"    // a domain a moderator confirmed as spam
)

// Valid reports whether k is one of the kinds above.
func (k FeedbackKind) Valid() bool {
	switch k {
	case FeedbackAllowWord, FeedbackGoodDomain, FeedbackTrustedEditor, FeedbackSpamDomain:
		return true
	}
	return false
}

// Feedback is one thing a moderator taught the bot. It is in force until
// withdrawn. The JSON names are the on-disk format.
type Feedback struct {
	ID uint64 `json:"id"`
	// Site is the site whose item taught it; "" is the store's default
	// site. Allowed words, good domains and trusted editors apply to their
	// site; a confirmed spam domain to every site.
	Site      string       `json:"site,omitempty"`
	Kind      FeedbackKind `json:"kind"`
	Value     string       `json:"value"`
	RevID     int64        `json:"rev_id,omitempty"` // the edit that taught it
	Moderator string       `json:"moderator"`
	Time      time.Time    `json:"time"`
}

// AddAudit appends e to the audit trail and returns it with its ID. An entry
// whose action resolves an item (see AuditAction.Resolves) and that did not
// fail also marks the item resolved. Time and Moderator are required.
func (s *Store) AddAudit(ctx context.Context, e AuditEntry) (AuditEntry, error) {
	if err := ctx.Err(); err != nil {
		return AuditEntry{}, fmt.Errorf("store: add audit: %w", err)
	}
	e.Moderator, e.Title, e.Target = validText(e.Moderator), validText(e.Title), validText(e.Target)
	e.Outcome, e.Err = validText(e.Outcome), validText(e.Err)
	if e.Time.IsZero() || e.Moderator == "" || e.Action == "" {
		return AuditEntry{}, errors.New("store: add audit: time, moderator and action are required")
	}
	err := s.db.Update(func(tx *bbolt.Tx) error { return s.putAudit(tx, &e) })
	if err != nil {
		return AuditEntry{}, fmt.Errorf("store: add audit: %w", err)
	}
	return e, nil
}

// putAudit appends e to the audit trail in tx, setting its ID, and marks
// its item resolved when its action resolves one and did not fail.
func (s *Store) putAudit(tx *bbolt.Tx, e *AuditEntry) error {
	b := tx.Bucket(bucketReviewAudit)
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	e.ID = seq
	v, err := json.Marshal(e)
	if err != nil {
		return err
	}
	if err := b.Put(eventID(e.Time, seq), v); err != nil {
		return err
	}
	if err := s.labelFromAudit(tx, *e); err != nil {
		return err
	}
	if e.RevID > 0 && e.Err == "" && e.Action.Resolves() {
		return tx.Bucket(bucketReviewResolved).Put(s.resolvedKey(e.Site, e.RevID), v)
	}
	return nil
}

// Audit returns the entries q selects, newest first. No match is an empty
// result, not an error.
func (s *Store) Audit(ctx context.Context, q AuditQuery) ([]AuditEntry, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: audit: %w", err)
	}
	since := appendTime(nil, q.Since)
	var out []AuditEntry
	err := s.db.View(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketReviewAudit).Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			if q.Limit > 0 && len(out) >= q.Limit {
				break
			}
			if string(k[:timeLen]) < string(since) {
				break
			}
			var e AuditEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("decode audit entry %x: %w", k, err)
			}
			if q.RevID != 0 && e.RevID != q.RevID {
				continue
			}
			out = append(out, e)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: audit: %w", err)
	}
	return out, nil
}

// Resolutions returns, by revision id, the audit entry that resolved each
// record a moderator restored, reverted, deleted or dismissed.
func (s *Store) Resolutions(ctx context.Context) (map[int64]AuditEntry, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: resolutions: %w", err)
	}
	out := map[int64]AuditEntry{}
	err := s.view(func(tx *bbolt.Tx) error {
		return eachJSON(tx.Bucket(bucketReviewResolved), "resolution", func(k []byte, e AuditEntry) error {
			if len(k) == 8 {
				out[int64(binary.BigEndian.Uint64(k))] = e
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: resolutions: %w", err)
	}
	return out, nil
}

// Resolution returns the entry that resolved the record of revID, or
// ErrNotFound.
func (s *Store) Resolution(ctx context.Context, revID int64) (AuditEntry, error) {
	if err := ctx.Err(); err != nil {
		return AuditEntry{}, fmt.Errorf("store: resolution %d: %w", revID, err)
	}
	var v []byte
	_ = s.db.View(func(tx *bbolt.Tx) error {
		if got := tx.Bucket(bucketReviewResolved).Get(s.resolvedKey("", revID)); got != nil {
			v = append([]byte(nil), got...)
		}
		return nil
	})
	if v == nil {
		return AuditEntry{}, ErrNotFound
	}
	var e AuditEntry
	if err := json.Unmarshal(v, &e); err != nil {
		return AuditEntry{}, fmt.Errorf("store: resolution %d: %w", revID, err)
	}
	return e, nil
}

// normalizeFeedback canonicalises a feedback value so duplicates collapse:
// domains lower case, words and editors trimmed.
func normalizeFeedback(kind FeedbackKind, value string) string {
	value = strings.TrimSpace(validText(value))
	switch kind {
	case FeedbackGoodDomain, FeedbackSpamDomain:
		return normalizeDomain(value)
	}
	return value
}

// AddFeedback puts f in force and returns it with its ID. Feedback of the
// same kind and value already in force is returned as is, not duplicated.
// Kind, Value, Moderator and Time are required.
func (s *Store) AddFeedback(ctx context.Context, f Feedback) (Feedback, error) {
	if err := ctx.Err(); err != nil {
		return Feedback{}, fmt.Errorf("store: add feedback: %w", err)
	}
	f.Value = normalizeFeedback(f.Kind, f.Value)
	f.Moderator = validText(f.Moderator)
	switch {
	case !f.Kind.Valid():
		return Feedback{}, fmt.Errorf("store: add feedback: unknown kind %q", f.Kind)
	case f.Value == "" || f.Moderator == "" || f.Time.IsZero():
		return Feedback{}, errors.New("store: add feedback: value, moderator and time are required")
	}
	err := s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketReviewFeedback)
		dup := false
		err := b.ForEach(func(_, v []byte) error {
			var old Feedback
			if err := json.Unmarshal(v, &old); err != nil {
				return err
			}
			if old.Kind == f.Kind && old.Value == f.Value && s.sameSite(old.Site, f.Site) {
				f, dup = old, true
			}
			return nil
		})
		if err != nil || dup {
			return err
		}
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		f.ID = seq
		v, err := json.Marshal(f)
		if err != nil {
			return err
		}
		return b.Put(binary.BigEndian.AppendUint64(nil, seq), v)
	})
	if err != nil {
		return Feedback{}, fmt.Errorf("store: add feedback: %w", err)
	}
	return f, nil
}

// Feedback returns the feedback in force, oldest first: what the bot reads at
// the start of each pass.
func (s *Store) Feedback(ctx context.Context) ([]Feedback, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: feedback: %w", err)
	}
	var out []Feedback
	err := s.view(func(tx *bbolt.Tx) error {
		return eachJSON(tx.Bucket(bucketReviewFeedback), "feedback", func(_ []byte, f Feedback) error {
			out = append(out, f)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: feedback: %w", err)
	}
	return out, nil
}

// WithdrawFeedback takes the feedback with id out of force and returns it,
// or ErrNotFound.
func (s *Store) WithdrawFeedback(ctx context.Context, id uint64) (Feedback, error) {
	if err := ctx.Err(); err != nil {
		return Feedback{}, fmt.Errorf("store: withdraw feedback %d: %w", id, err)
	}
	var (
		f     Feedback
		found bool
	)
	err := s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketReviewFeedback)
		key := binary.BigEndian.AppendUint64(nil, id)
		v := b.Get(key)
		if v == nil {
			return nil
		}
		if err := json.Unmarshal(v, &f); err != nil {
			return err
		}
		found = true
		return b.Delete(key)
	})
	if err != nil {
		return Feedback{}, fmt.Errorf("store: withdraw feedback %d: %w", id, err)
	}
	if !found {
		return Feedback{}, ErrNotFound
	}
	return f, nil
}

// ExpireAudit deletes audit entries and resolutions older than before (they
// name IP addresses, which are personal data) and returns how many entries
// it removed. Feedback in force is kept: it is withdrawn, not expired.
func (s *Store) ExpireAudit(ctx context.Context, before time.Time) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, fmt.Errorf("store: expire audit: %w", err)
	}
	cutoff := appendTime(nil, before)
	n := 0
	err := s.db.Update(func(tx *bbolt.Tx) error {
		var old [][]byte
		c := tx.Bucket(bucketReviewAudit).Cursor()
		for k, _ := c.First(); k != nil && string(k[:timeLen]) < string(cutoff); k, _ = c.Next() {
			old = append(old, append([]byte(nil), k...))
		}
		if err := deleteKeys(tx.Bucket(bucketReviewAudit), old); err != nil {
			return err
		}
		n = len(old)
		var stale [][]byte
		res := tx.Bucket(bucketReviewResolved)
		err := res.ForEach(func(k, v []byte) error {
			var e AuditEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return err
			}
			if e.Time.Before(before) {
				stale = append(stale, append([]byte(nil), k...))
			}
			return nil
		})
		if err != nil {
			return err
		}
		return deleteKeys(res, stale)
	})
	if err != nil {
		return 0, fmt.Errorf("store: expire audit: %w", err)
	}
	return n, nil
}

// resolvedKey is the key of a resolution in review_resolved: the record's
// id alone for the default site (the layout before sites), else the site's
// name, 0x00 and the id.
func (s *Store) resolvedKey(site string, revID int64) []byte {
	if site == "" || site == s.def.name {
		return revKey(revID)
	}
	return append(append([]byte(site), sep), revKey(revID)...)
}

// sameSite reports whether two entries' sites are one ("" is the default
// site).
func (s *Store) sameSite(a, b string) bool {
	if a == "" {
		a = s.def.name
	}
	if b == "" {
		b = s.def.name
	}
	return a == b
}

// AddAudit appends e, an action on this site, to the audit trail; see
// Store.AddAudit.
func (ss *SiteStore) AddAudit(ctx context.Context, e AuditEntry) (AuditEntry, error) {
	if ss.err != nil {
		return AuditEntry{}, ss.err
	}
	e.Site = ss.name
	return ss.s.AddAudit(ctx, e)
}

// Audit returns this site's entries q selects, newest first, and every
// login to the console.
func (ss *SiteStore) Audit(ctx context.Context, q AuditQuery) ([]AuditEntry, error) {
	if ss.err != nil {
		return nil, ss.err
	}
	limit := q.Limit
	q.Limit = 0
	all, err := ss.s.Audit(ctx, q)
	if err != nil {
		return nil, err
	}
	var out []AuditEntry
	for _, e := range all {
		if limit > 0 && len(out) >= limit {
			break
		}
		if ss.s.sameSite(e.Site, ss.name) || e.Action == AuditLogin {
			out = append(out, e)
		}
	}
	return out, nil
}

// Resolved returns, by record id, the console's entries that resolved this
// site's records (Store.Resolutions for one site).
func (ss *SiteStore) Resolved(ctx context.Context) (map[int64]AuditEntry, error) {
	if ss.err != nil {
		return nil, ss.err
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: resolutions: %w", err)
	}
	def := ss.s.sameSite("", ss.name)
	prefix := append([]byte(ss.name), sep)
	out := map[int64]AuditEntry{}
	err := ss.s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketReviewResolved).ForEach(func(k, v []byte) error {
			var id int64
			switch {
			case len(k) == 8 && def:
				id = int64(binary.BigEndian.Uint64(k))
			case len(k) == len(prefix)+8 && strings.HasPrefix(string(k), string(prefix)):
				id = int64(binary.BigEndian.Uint64(k[len(prefix):]))
			default:
				return nil
			}
			var e AuditEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("decode resolution %x: %w", k, err)
			}
			out[id] = e
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: resolutions: %w", err)
	}
	return out, nil
}

// AddFeedback puts f, taught by an item of this site, in force; see
// Store.AddFeedback.
func (ss *SiteStore) AddFeedback(ctx context.Context, f Feedback) (Feedback, error) {
	if ss.err != nil {
		return Feedback{}, ss.err
	}
	f.Site = ss.name
	return ss.s.AddFeedback(ctx, f)
}

// Feedback returns the feedback in force for this site, oldest first: its
// own, and every site's confirmed spam domains (a botnet's domains are
// spam everywhere). It is what the patroller reads at each pass.
func (ss *SiteStore) Feedback(ctx context.Context) ([]Feedback, error) {
	if ss.err != nil {
		return nil, ss.err
	}
	all, err := ss.s.Feedback(ctx)
	if err != nil {
		return nil, err
	}
	var out []Feedback
	for _, f := range all {
		if f.Kind == FeedbackSpamDomain || ss.s.sameSite(f.Site, ss.name) {
			out = append(out, f)
		}
	}
	return out, nil
}

// OwnFeedback returns the feedback this site's items taught, for the
// console's list.
func (ss *SiteStore) OwnFeedback(ctx context.Context) ([]Feedback, error) {
	all, err := ss.Feedback(ctx)
	if err != nil {
		return nil, err
	}
	var out []Feedback
	for _, f := range all {
		if ss.s.sameSite(f.Site, ss.name) {
			out = append(out, f)
		}
	}
	return out, nil
}

// WithdrawFeedback takes this site's feedback with id out of force; another
// site's is ErrNotFound.
func (ss *SiteStore) WithdrawFeedback(ctx context.Context, id uint64) (Feedback, error) {
	own, err := ss.OwnFeedback(ctx)
	if err != nil {
		return Feedback{}, err
	}
	for _, f := range own {
		if f.ID == id {
			return ss.s.WithdrawFeedback(ctx, id)
		}
	}
	return Feedback{}, ErrNotFound
}
