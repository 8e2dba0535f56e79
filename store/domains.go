package store

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"go.etcd.io/bbolt"
)

// Domains is what the wiki knows about external link domains: Known are
// already linked from the wiki, Spam were reverted or confirmed as spam. Both
// are keyed by lower-case domain and only hold true values.
type Domains struct {
	Known, Spam map[string]bool
}

// putDomains adds domains, normalised, to bucket b; empty ones are skipped.
func putDomains(b *bbolt.Bucket, domains []string) error {
	for _, d := range domains {
		d = normalizeDomain(d)
		if d == "" {
			continue
		}
		if err := b.Put([]byte(d), nil); err != nil {
			return fmt.Errorf("write domain %q: %w", d, err)
		}
	}
	return nil
}

// AddKnownDomains remembers domains the wiki already links to, so the link
// detector does not treat them as new.
func (s *Store) AddKnownDomains(ctx context.Context, domains []string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: add known domains: %w", err)
	}
	err := s.db.Update(func(tx *bbolt.Tx) error {
		return putDomains(tx.Bucket(bucketDomainsKnown), domains)
	})
	if err != nil {
		return fmt.Errorf("store: add known domains: %w", err)
	}
	return nil
}

// MarkSpamDomains remembers domains as spam, outside a Commit (for example
// when a moderator confirms them in the review UI).
func (s *Store) MarkSpamDomains(ctx context.Context, domains []string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: mark spam domains: %w", err)
	}
	err := s.db.Update(func(tx *bbolt.Tx) error {
		return putDomains(tx.Bucket(bucketDomainsSpam), domains)
	})
	if err != nil {
		return fmt.Errorf("store: mark spam domains: %w", err)
	}
	return nil
}

// Domains returns every known and spam domain. The maps are new and owned by
// the caller.
func (s *Store) Domains(ctx context.Context) (Domains, error) {
	if err := ctx.Err(); err != nil {
		return Domains{}, fmt.Errorf("store: domains: %w", err)
	}
	d := Domains{Known: map[string]bool{}, Spam: map[string]bool{}}
	err := s.db.View(func(tx *bbolt.Tx) error {
		for _, b := range []struct {
			name []byte
			m    map[string]bool
		}{{bucketDomainsKnown, d.Known}, {bucketDomainsSpam, d.Spam}} {
			err := tx.Bucket(b.name).ForEach(func(k, _ []byte) error {
				b.m[string(k)] = true // string() copies out of the mmap
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Domains{}, fmt.Errorf("store: domains: %w", err)
	}
	return d, nil
}

// PutModel replaces the wiki's letter model, opaque bytes, trained at
// trained.
func (s *Store) PutModel(ctx context.Context, data []byte, trained time.Time) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: put model: %w", err)
	}
	err := s.db.Update(func(tx *bbolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if err := meta.Put(keyModel, data); err != nil {
			return err
		}
		return meta.Put(keyModelTrained, appendTime(nil, trained))
	})
	if err != nil {
		return fmt.Errorf("store: put model: %w", err)
	}
	return nil
}

// Model returns the letter model and when it was trained (in UTC), or
// ErrNotFound if none was stored.
func (s *Store) Model(ctx context.Context) ([]byte, time.Time, error) {
	if err := ctx.Err(); err != nil {
		return nil, time.Time{}, fmt.Errorf("store: model: %w", err)
	}
	var (
		data    []byte
		trained time.Time
		found   bool
	)
	err := s.db.View(func(tx *bbolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		t := meta.Get(keyModelTrained)
		if len(t) != timeLen {
			return nil
		}
		found = true
		trained = parseTime(t)
		data = bytes.Clone(meta.Get(keyModel))
		if data == nil {
			data = []byte{}
		}
		return nil
	})
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("store: model: %w", err)
	}
	if !found {
		return nil, time.Time{}, ErrNotFound
	}
	return data, trained, nil
}
