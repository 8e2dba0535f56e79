package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"go.etcd.io/bbolt"
)

// maxSiteName bounds a site name; names come from the config.
const maxSiteName = 64

// SiteStore is the part of the memory that belongs to one site (a wiki or a
// forum): its cursor, letter model, known domains, records, places (page
// events), revert marks, blocks and pending actions. What identifies a
// botnet (IPs, ranges, tokens, spam domains) is shared by every site: a
// SiteStore's IPEvents and Domains().Spam see every site's. Its methods
// have the signatures of the bot's Store interface. A SiteStore is cheap;
// the site's buckets are created on its first write.
type SiteStore struct {
	s    *Store
	name string
	err  error // an invalid name: every method returns it
}

// Site returns the memory of the site called name. Lookups on a site never
// written to find nothing (ErrNotFound, or empty results). A name that is
// empty, longer than 64 bytes, not UTF-8 or holding a NUL byte makes every
// method of the returned SiteStore fail.
func (s *Store) Site(name string) *SiteStore {
	ss := &SiteStore{s: s, name: name}
	if err := checkSiteName(name); err != nil {
		ss.err = fmt.Errorf("store: site %q: %w", name, err)
	}
	return ss
}

// Name returns the site's name.
func (ss *SiteStore) Name() string { return ss.name }

// checkSiteName rejects a name that cannot be a bucket key.
func checkSiteName(name string) error {
	switch {
	case name == "":
		return errors.New("empty site name")
	case len(name) > maxSiteName:
		return fmt.Errorf("site name longer than %d bytes", maxSiteName)
	case !utf8.ValidString(name) || strings.IndexByte(name, sep) >= 0:
		return errors.New("site name is not valid UTF-8 text")
	}
	return nil
}

// Sites returns the names of every site the store holds, sorted.
func (s *Store) Sites(ctx context.Context) ([]string, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: sites: %w", err)
	}
	var names []string
	err := s.view(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketSites).ForEach(func(k, v []byte) error {
			if v == nil {
				names = append(names, string(k))
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: sites: %w", err)
	}
	return names, nil
}

// site is one site's buckets within a transaction.
type site struct {
	name string
	b    *bbolt.Bucket
}

// bucket returns the site's bucket called name.
func (st site) bucket(name []byte) *bbolt.Bucket { return st.b.Bucket(name) }

// createSite returns the buckets of the site called name, creating them if
// needed; tx must be writable.
func createSite(tx *bbolt.Tx, name string) (site, error) {
	sites, err := tx.CreateBucketIfNotExists(bucketSites)
	if err != nil {
		return site{}, fmt.Errorf("create bucket %s: %w", bucketSites, err)
	}
	if b := sites.Bucket([]byte(name)); b != nil {
		// Created whole, with all its buckets, in one earlier transaction.
		return site{name: name, b: b}, nil
	}
	b, err := sites.CreateBucket([]byte(name))
	if err != nil {
		return site{}, fmt.Errorf("create site %q: %w", name, err)
	}
	for _, n := range siteBuckets {
		if _, err := b.CreateBucketIfNotExists(n); err != nil {
			return site{}, fmt.Errorf("create bucket %s of site %q: %w", n, name, err)
		}
	}
	return site{name: name, b: b}, nil
}

// getSite returns the buckets of the site called name, and false if the
// site has never been written to.
func getSite(tx *bbolt.Tx, name string) (site, bool) {
	b := tx.Bucket(bucketSites).Bucket([]byte(name))
	if b == nil {
		return site{}, false
	}
	return site{name: name, b: b}, true
}

// forEachSite calls fn with the buckets of every site.
func forEachSite(tx *bbolt.Tx, fn func(site) error) error {
	sites := tx.Bucket(bucketSites)
	return sites.ForEach(func(k, v []byte) error {
		if v != nil {
			return nil
		}
		return fn(site{name: string(k), b: sites.Bucket(k)})
	})
}

// view runs fn with the site's buckets in a read transaction; fn is not
// called (and view returns nil) if the site has never been written to.
func (ss *SiteStore) view(fn func(*bbolt.Tx, site) error) error {
	if ss.err != nil {
		return ss.err
	}
	return ss.s.view(func(tx *bbolt.Tx) error {
		st, ok := getSite(tx, ss.name)
		if !ok {
			return nil
		}
		return fn(tx, st)
	})
}

// get decodes into v the JSON value of key in the site's bucket named
// bucket, read in a read transaction; ErrNotFound when there is none. Its
// errors say what was read.
func (ss *SiteStore) get(ctx context.Context, what string, bucket, key []byte, v any) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: %s: %w", what, err)
	}
	found := false
	err := ss.view(func(_ *bbolt.Tx, st site) error {
		var err error
		found, err = getJSON(st.bucket(bucket), key, v)
		return err
	})
	switch {
	case err != nil:
		return fmt.Errorf("store: %s: %w", what, err)
	case !found:
		return ErrNotFound
	}
	return nil
}

// getJSON decodes into v the JSON value of key in b, a bucket that may not
// exist yet, and says whether there was one.
func getJSON(b *bbolt.Bucket, key []byte, v any) (bool, error) {
	if b == nil {
		return false, nil
	}
	data := b.Get(key)
	if data == nil {
		return false, nil
	}
	return true, json.Unmarshal(data, v)
}

// eachJSON calls fn with every key of b, a bucket that may not exist yet,
// and its JSON value decoded, in key order; what names a value in errors.
func eachJSON[T any](b *bbolt.Bucket, what string, fn func(k []byte, v T) error) error {
	if b == nil {
		return nil
	}
	return b.ForEach(func(k, data []byte) error {
		var v T
		if err := json.Unmarshal(data, &v); err != nil {
			return fmt.Errorf("decode %s %x: %w", what, k, err)
		}
		return fn(k, v)
	})
}

// update runs fn with the site's buckets, created if needed, in a write
// transaction.
func (ss *SiteStore) update(fn func(*bbolt.Tx, site) error) error {
	if ss.err != nil {
		return ss.err
	}
	return ss.s.update(func(tx *bbolt.Tx) error {
		st, err := createSite(tx, ss.name)
		if err != nil {
			return err
		}
		return fn(tx, st)
	})
}
