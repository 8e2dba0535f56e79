package store

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"go.etcd.io/bbolt"
)

// Domains is what a site knows about external link domains: Known are
// already linked from the site, Spam were reverted or confirmed as spam on
// any site. Both are keyed by lower-case domain and only hold true values.
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

// deleteDomains removes domains, normalised, from bucket b.
func deleteDomains(b *bbolt.Bucket, domains []string) error {
	if b == nil {
		return nil
	}
	for _, d := range domains {
		if d = normalizeDomain(d); d == "" {
			continue
		}
		if err := b.Delete([]byte(d)); err != nil {
			return fmt.Errorf("forget domain %q: %w", d, err)
		}
	}
	return nil
}

// AddKnownDomains remembers domains the site already links to, so the link
// detector does not treat them as new there.
func (ss *SiteStore) AddKnownDomains(ctx context.Context, domains []string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: add known domains: %w", err)
	}
	err := ss.update(func(_ *bbolt.Tx, st site) error {
		return putDomains(st.bucket(bucketDomainsKnown), domains)
	})
	if err != nil {
		return fmt.Errorf("store: add known domains: %w", err)
	}
	return nil
}

// MarkSpamDomains remembers domains as spam on every site, outside a Commit
// (for example when a moderator confirms them in the review UI).
func (ss *SiteStore) MarkSpamDomains(ctx context.Context, domains []string) error {
	if ss.err != nil {
		return ss.err
	}
	return ss.s.MarkSpamDomains(ctx, domains)
}

// MarkSpamDomains remembers domains as spam on every site, as
// SiteStore.MarkSpamDomains.
func (s *Store) MarkSpamDomains(ctx context.Context, domains []string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: mark spam domains: %w", err)
	}
	err := s.update(func(tx *bbolt.Tx) error {
		if err := putDomains(tx.Bucket(bucketDomainsSpam), domains); err != nil {
			return err
		}
		return queueSpamDomains(tx, validTexts(domains), s.now())
	})
	if err != nil {
		return fmt.Errorf("store: mark spam domains: %w", err)
	}
	return nil
}

// Domains returns the site's known domains and every site's spam domains.
// The maps are new and owned by the caller.
func (ss *SiteStore) Domains(ctx context.Context) (Domains, error) {
	if err := ctx.Err(); err != nil {
		return Domains{}, fmt.Errorf("store: domains: %w", err)
	}
	d := Domains{Known: map[string]bool{}, Spam: map[string]bool{}}
	if ss.err != nil {
		return Domains{}, ss.err
	}
	err := ss.s.view(func(tx *bbolt.Tx) error {
		known := (*bbolt.Bucket)(nil)
		if st, ok := getSite(tx, ss.name); ok {
			known = st.bucket(bucketDomainsKnown)
		}
		for _, b := range []struct {
			b *bbolt.Bucket
			m map[string]bool
		}{{known, d.Known}, {tx.Bucket(bucketDomainsSpam), d.Spam}} {
			if b.b == nil {
				continue
			}
			err := b.b.ForEach(func(k, _ []byte) error {
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

// PutModel replaces the site's letter model, opaque bytes, trained at
// trained.
func (ss *SiteStore) PutModel(ctx context.Context, data []byte, trained time.Time) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: put model: %w", err)
	}
	err := ss.update(func(_ *bbolt.Tx, st site) error {
		meta := st.bucket(bucketSiteMeta)
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

// Model returns the site's letter model and when it was trained (in UTC),
// or ErrNotFound if none was stored.
func (ss *SiteStore) Model(ctx context.Context) ([]byte, time.Time, error) {
	if err := ctx.Err(); err != nil {
		return nil, time.Time{}, fmt.Errorf("store: model: %w", err)
	}
	var (
		data    []byte
		trained time.Time
		found   bool
	)
	err := ss.view(func(_ *bbolt.Tx, st site) error {
		meta := st.bucket(bucketSiteMeta)
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

// AddKnownDomains is Site(default).AddKnownDomains.
func (s *Store) AddKnownDomains(ctx context.Context, domains []string) error {
	return s.def.AddKnownDomains(ctx, domains)
}

// Domains is Site(default).Domains.
func (s *Store) Domains(ctx context.Context) (Domains, error) { return s.def.Domains(ctx) }

// PutModel is Site(default).PutModel.
func (s *Store) PutModel(ctx context.Context, data []byte, trained time.Time) error {
	return s.def.PutModel(ctx, data, trained)
}

// Model is Site(default).Model.
func (s *Store) Model(ctx context.Context) ([]byte, time.Time, error) { return s.def.Model(ctx) }
