package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"

	"go.etcd.io/bbolt"
)

// migrate brings a file of schema version from up to schemaVersion inside
// Open's write transaction: a crash or an error leaves the file as it was.
func migrate(tx *bbolt.Tx, from uint32, site string) error {
	if from == 1 {
		if err := migrate1to2(tx, site); err != nil {
			return err
		}
	}
	return tx.Bucket(bucketMeta).Put(keySchema, binary.BigEndian.AppendUint32(nil, schemaVersion))
}

// schema1SiteBuckets are the top-level buckets of schema 1 that hold one
// wiki's own memory; schema 2 keeps them under that wiki's site.
var schema1SiteBuckets = [][]byte{
	bucketRecords, bucketRecordsByTime, bucketEventsByPage, bucketReverts,
	bucketBlocks, bucketDomainsKnown,
}

// migrate1to2 moves a single-wiki store's history under the site called
// site: its records, places, revert marks, blocks, known domains, cursor
// and model. Events stay shared and are stamped with the site's name; the
// IP and token indexes and spam domains stay as they are.
func migrate1to2(tx *bbolt.Tx, site string) error {
	sites, err := tx.CreateBucketIfNotExists(bucketSites)
	if err != nil {
		return err
	}
	sb, err := sites.CreateBucket([]byte(site))
	if err != nil {
		return fmt.Errorf("create site %q: %w", site, err)
	}
	for _, name := range schema1SiteBuckets {
		if tx.Bucket(name) == nil {
			continue
		}
		if err := tx.MoveBucket(name, nil, sb); err != nil {
			return fmt.Errorf("move bucket %s to site %q: %w", name, site, err)
		}
	}
	meta := tx.Bucket(bucketMeta)
	siteMeta, err := sb.CreateBucket(bucketSiteMeta)
	if err != nil {
		return err
	}
	for _, k := range [][]byte{keyCursor, keyModel, keyModelTrained} {
		if v := meta.Get(k); v != nil {
			if err := siteMeta.Put(k, bytes.Clone(v)); err != nil {
				return fmt.Errorf("move %s: %w", k, err)
			}
			if err := meta.Delete(k); err != nil {
				return fmt.Errorf("move %s: %w", k, err)
			}
		}
	}
	for _, name := range siteBuckets {
		if _, err := sb.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s of site %q: %w", name, site, err)
		}
	}
	events := tx.Bucket(bucketEvents)
	if events == nil {
		return nil
	}
	// Stamp every event with the site, collecting first: writing under a
	// cursor can skip entries.
	type kv struct{ k, v []byte }
	var stamped []kv
	err = events.ForEach(func(k, v []byte) error {
		var e Event
		if err := json.Unmarshal(v, &e); err != nil {
			return fmt.Errorf("decode event %x: %w", k, err)
		}
		e.Site = site
		nv, err := json.Marshal(e)
		if err != nil {
			return err
		}
		stamped = append(stamped, kv{bytes.Clone(k), nv})
		return nil
	})
	if err != nil {
		return err
	}
	for _, e := range stamped {
		if err := events.Put(e.k, e.v); err != nil {
			return fmt.Errorf("write event %x: %w", e.k, err)
		}
	}
	return nil
}
