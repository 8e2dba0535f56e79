package store

// The site's learned spam layer: the edits the bot learns its site's own
// spam from, each reduced to the keys of its features (hashed n-gram
// buckets, domains, link-text words) and a label. One bucket per site,
// created on first use:
//
//	spam_examples  REVID -> SpamExample (JSON)
//
// The bot labels what it reverted as spam (spam) and what it flagged
// (open); a moderator's decision in the console relabels the example of
// the record it is about, in the transaction that records the decision:
// restore and dismiss make it good; revert, delete and keeping a revert
// reported as a mistake make it spam; and a
// moderator's label is never overwritten by the bot. The counts the bot
// scores with are the sum over the examples kept, so a relabelled example
// moves them at once and an evicted one leaves no trace. At most
// MaxSpamExamples examples are kept per site (the oldest go first: a
// campaign's spam matters while it runs), each with at most MaxSpamKeys
// keys.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"go.etcd.io/bbolt"
)

// bucketSpamExamples is the site's bucket of learned spam examples.
var bucketSpamExamples = []byte("spam_examples")

// Bounds of a site's spam layer: examples kept, and keys per example.
const (
	MaxSpamExamples = 400
	MaxSpamKeys     = 256
)

// SpamLabel is what an example teaches. The values are the on-disk format.
type SpamLabel string

// Spam labels. An open example counts for nothing until a moderator
// decides it.
const (
	SpamLabelSpam SpamLabel = "spam"
	SpamLabelGood SpamLabel = "good"
	SpamLabelOpen SpamLabel = "open"
)

// SpamKeyDomain prefixes an example's key that names one of its link
// domains ("d:example.com"). A moderator's good label on an example takes
// its domains off the spam domains: a domain a moderator restored stops
// counting as spam.
const SpamKeyDomain = "d:"

// SpamExample is one edit the site's spam layer learns from. The JSON
// names are the on-disk format.

type SpamExample struct {
	RevID int64     `json:"rev_id"`
	Label SpamLabel `json:"label"`
	// Keys name the edit's features, each once; the bot defines them.
	Keys []string  `json:"keys"`
	Time time.Time `json:"time"`
	// Moderator is who labelled it in the console; "" for the bot.
	Moderator string `json:"moderator,omitempty"`
}

// SpamLearned counts what a site's spam layer learned from.
type SpamLearned struct {
	Spam int `json:"spam"` // edits learned as spam
	Good int `json:"good"` // edits learned as good
}

// LearnSpam keeps ex as the example of its revision, replacing the bot's
// earlier one; an example a moderator labelled keeps the moderator's label.
// The oldest examples beyond MaxSpamExamples are forgotten.
func (ss *SiteStore) LearnSpam(ctx context.Context, ex SpamExample) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: learn spam %d: %w", ex.RevID, err)
	}
	switch {
	case ex.RevID <= 0 || ex.Time.IsZero():
		return errors.New("store: learn spam: revision and time are required")
	case ex.Label != SpamLabelSpam && ex.Label != SpamLabelGood && ex.Label != SpamLabelOpen:
		return fmt.Errorf("store: learn spam %d: unknown label %q", ex.RevID, ex.Label)
	}
	if len(ex.Keys) > MaxSpamKeys {
		ex.Keys = ex.Keys[:MaxSpamKeys]
	}
	err := ss.update(func(_ *bbolt.Tx, st site) error {
		b, err := st.b.CreateBucketIfNotExists(bucketSpamExamples)
		if err != nil {
			return err
		}
		if v := b.Get(revKey(ex.RevID)); v != nil {
			var old SpamExample
			if err := json.Unmarshal(v, &old); err != nil {
				return fmt.Errorf("decode spam example %d: %w", ex.RevID, err)
			}
			if old.Moderator != "" {
				ex.Label, ex.Moderator = old.Label, old.Moderator
			}
		}
		v, err := json.Marshal(ex)
		if err != nil {
			return err
		}
		if err := b.Put(revKey(ex.RevID), v); err != nil {
			return err
		}
		return evictSpamExamples(b)
	})
	if err != nil {
		return fmt.Errorf("store: learn spam %d: %w", ex.RevID, err)
	}
	return nil
}

// evictSpamExamples forgets the oldest examples beyond MaxSpamExamples.
func evictSpamExamples(b *bbolt.Bucket) error {
	// Counted by cursor: a bucket's Stats miss this transaction's writes.
	n := 0
	c := b.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		n++
	}
	if n <= MaxSpamExamples {
		return nil
	}
	type aged struct {
		key []byte
		t   time.Time
	}
	all := make([]aged, 0, n)
	err := b.ForEach(func(k, v []byte) error {
		var e struct {
			Time time.Time `json:"time"`
		}
		if err := json.Unmarshal(v, &e); err != nil {
			return fmt.Errorf("decode spam example %x: %w", k, err)
		}
		all = append(all, aged{append([]byte(nil), k...), e.Time})
		return nil
	})
	if err != nil {
		return err
	}
	slices.SortFunc(all, func(a, b aged) int { return a.t.Compare(b.t) })
	for _, a := range all[:len(all)-MaxSpamExamples] {
		if err := b.Delete(a.key); err != nil {
			return err
		}
	}
	return nil
}

// SpamExamples returns the site's spam examples in revision order.
func (ss *SiteStore) SpamExamples(ctx context.Context) ([]SpamExample, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: spam examples: %w", err)
	}
	var out []SpamExample
	err := ss.view(func(_ *bbolt.Tx, st site) error {
		return eachJSON(st.bucket(bucketSpamExamples), "spam example", func(_ []byte, e SpamExample) error {
			out = append(out, e)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: spam examples: %w", err)
	}
	return out, nil
}

// SpamLearned counts the site's spam and good examples, for the console.
func (ss *SiteStore) SpamLearned(ctx context.Context) (SpamLearned, error) {
	all, err := ss.SpamExamples(ctx)
	if err != nil {
		return SpamLearned{}, err
	}
	var n SpamLearned
	for _, e := range all {
		switch e.Label {
		case SpamLabelSpam:
			n.Spam++
		case SpamLabelGood:
			n.Good++
		}
	}
	return n, nil
}

// auditSpamLabel is the label a moderator's action gives the example of
// the record it is about, or "" when it says nothing about spam.
func auditSpamLabel(a AuditAction) SpamLabel {
	switch a {
	case AuditRestore, AuditDismiss:
		return SpamLabelGood
	case AuditRevert, AuditDelete, AuditKeep:
		return SpamLabelSpam
	}
	return ""
}

// labelSpamExample gives the example of revID on the site called name the
// moderator's label, decided at at, if the site has one; tx must be
// writable. A moderator's good label takes the example's domains off the
// spam domains, here and, through the outbox, in every process sharing
// the memory.
func labelSpamExample(tx *bbolt.Tx, name string, revID int64, label SpamLabel, moderator string, at time.Time) error {
	st, ok := getSite(tx, name)
	if !ok {
		return nil
	}
	b := st.bucket(bucketSpamExamples)
	if b == nil {
		return nil
	}
	v := b.Get(revKey(revID))
	if v == nil {
		return nil
	}
	var e SpamExample
	if err := json.Unmarshal(v, &e); err != nil {
		return fmt.Errorf("decode spam example %d: %w", revID, err)
	}
	e.Label, e.Moderator = label, moderator
	if v, err := json.Marshal(e); err != nil {
		return err
	} else if err := b.Put(revKey(revID), v); err != nil {
		return err
	}
	if label != SpamLabelGood || moderator == "" {
		return nil
	}
	var cleared []string
	for _, k := range e.Keys {
		if d, ok := strings.CutPrefix(k, SpamKeyDomain); ok {
			if d = normalizeDomain(d); d != "" {
				cleared = append(cleared, d)
			}
		}
	}
	if err := deleteDomains(tx.Bucket(bucketDomainsSpam), cleared); err != nil {
		return err
	}
	return queueClearedDomains(tx, name, cleared, at)
}

// labelFromAudit applies a moderator's resolving action to the example of
// the record it is about; tx must be writable.
func (s *Store) labelFromAudit(tx *bbolt.Tx, e AuditEntry) error {
	l := auditSpamLabel(e.Action)
	if e.RevID <= 0 || e.Err != "" || l == "" {
		return nil
	}
	name := e.Site
	if name == "" {
		name = s.def.name
	}
	return labelSpamExample(tx, name, e.RevID, l, e.Moderator, e.Time)
}

// LearnSpam is Site(default).LearnSpam.
func (s *Store) LearnSpam(ctx context.Context, ex SpamExample) error {
	return s.def.LearnSpam(ctx, ex)
}

// SpamExamples is Site(default).SpamExamples.
func (s *Store) SpamExamples(ctx context.Context) ([]SpamExample, error) {
	return s.def.SpamExamples(ctx)
}

// SpamLearned is Site(default).SpamLearned.
func (s *Store) SpamLearned(ctx context.Context) (SpamLearned, error) {
	return s.def.SpamLearned(ctx)
}
