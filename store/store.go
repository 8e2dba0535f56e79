package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// schemaVersion is the layout version written to new files and required of
// existing ones. Bump it, and teach Open to migrate, when the layout changes.
const schemaVersion = 1

// defaultLockTimeout is how long Open waits for another process's lock when
// Options.LockTimeout is zero.
const defaultLockTimeout = time.Second

// Bucket names; doc.go describes their keys and values.
var (
	bucketMeta          = []byte("meta")
	bucketRecords       = []byte("records")
	bucketRecordsByTime = []byte("records_by_time")
	bucketEvents        = []byte("events")
	bucketEventsByIP    = []byte("events_by_ip")
	bucketEventsByPage  = []byte("events_by_page")
	bucketEventsByToken = []byte("events_by_token")
	bucketReverts       = []byte("reverts")
	bucketBlocks        = []byte("blocks")
	bucketDomainsKnown  = []byte("domains_known")
	bucketDomainsSpam   = []byte("domains_spam")

	allBuckets = [][]byte{
		bucketMeta, bucketRecords, bucketRecordsByTime, bucketEvents,
		bucketEventsByIP, bucketEventsByPage, bucketEventsByToken,
		bucketReverts, bucketBlocks, bucketDomainsKnown, bucketDomainsSpam,
		bucketAudit, bucketResolved, bucketFeedback,
	}
)

// Keys of the meta bucket.
var (
	keySchema       = []byte("schema")
	keyCursor       = []byte("cursor")
	keyModel        = []byte("model")
	keyModelTrained = []byte("model_trained")
)

// ErrNotFound is returned by lookups that find nothing: no cursor yet, no
// record for a revision, no revert, no model.
var ErrNotFound = errors.New("store: not found")

// ErrLocked is returned by Open when another process holds the database file
// and the lock was not released within Options.LockTimeout. The returned
// error names the file; the usual cause is a second wikiwarden running on it.
var ErrLocked = errors.New("store: database locked")

// ErrSchema is returned by Open when the file's schema version is newer than
// this build understands, or when the file is not a wikiwarden database.
var ErrSchema = errors.New("store: unknown schema")

// Options tune Open.
type Options struct {
	// LockTimeout is how long Open waits for another process to release the
	// file before failing with ErrLocked; 0 means one second.
	LockTimeout time.Duration
	// ReadOnly opens the file without creating it or its buckets; every
	// writing method then fails. The file must already have been created by
	// a read-write Open.
	ReadOnly bool
}

// Store is wikiwarden's bbolt database. It is safe for concurrent use; bbolt
// serialises writers and lets readers run alongside them.
type Store struct {
	db   *bbolt.DB
	path string
}

// Open opens the database at path, creating the file if it does not exist.
// The directory must exist: Open does not create it, so a typo in the
// configured path fails loudly instead of scattering databases. Open fails
// with ErrLocked when another process holds the file, and with ErrSchema
// when the file has a schema version this build does not know.
func Open(path string, opts Options) (*Store, error) {
	timeout := opts.LockTimeout
	if timeout <= 0 {
		timeout = defaultLockTimeout
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: directory %s: %w", path, dir, err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("store: open %s: %s is not a directory", path, dir)
	}

	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: timeout, ReadOnly: opts.ReadOnly})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, fmt.Errorf("%w: another wikiwarden is running on %s (lock not released within %s)", ErrLocked, path, timeout)
	}
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	if opts.ReadOnly {
		err = db.View(checkSchema)
	} else {
		err = db.Update(initialize)
	}
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	return &Store{db: db, path: path}, nil
}

// initialize checks the schema version of an existing file, or stamps a new
// one, and creates every bucket, all in Open's one write transaction.
func initialize(tx *bbolt.Tx) error {
	if tx.Bucket(bucketMeta) == nil {
		// A new file has no buckets at all; anything else is someone
		// else's database, which must not be written to.
		var foreign []byte
		_ = tx.ForEach(func(name []byte, _ *bbolt.Bucket) error {
			foreign = append([]byte(nil), name...)
			return errors.New("stop")
		})
		if foreign != nil {
			return fmt.Errorf("bucket %q but no schema version, not a wikiwarden database: %w", foreign, ErrSchema)
		}
		meta, err := tx.CreateBucket(bucketMeta)
		if err != nil {
			return fmt.Errorf("create bucket %s: %w", bucketMeta, err)
		}
		if err := meta.Put(keySchema, binary.BigEndian.AppendUint32(nil, schemaVersion)); err != nil {
			return fmt.Errorf("write schema version: %w", err)
		}
	}
	if err := checkSchema(tx); err != nil && !errors.Is(err, errMissingBucket) {
		return err
	}
	for _, name := range allBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return nil
}

// errMissingBucket is what checkSchema reports for a file of the right
// version that lacks a bucket; initialize creates it, a read-only Open
// reports it as ErrSchema.
var errMissingBucket = fmt.Errorf("missing bucket: %w", ErrSchema)

// checkSchema verifies the file's schema version and that every bucket
// exists.
func checkSchema(tx *bbolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return fmt.Errorf("no %s bucket, not a wikiwarden database: %w", bucketMeta, ErrSchema)
	}
	v := meta.Get(keySchema)
	if len(v) != 4 {
		return fmt.Errorf("no schema version, not a wikiwarden database: %w", ErrSchema)
	}
	if got := binary.BigEndian.Uint32(v); got != schemaVersion {
		return fmt.Errorf("schema version %d, this wikiwarden understands %d (use a matching wikiwarden): %w", got, schemaVersion, ErrSchema)
	}
	for _, name := range allBuckets {
		if tx.Bucket(name) == nil {
			return fmt.Errorf("%w %s", errMissingBucket, name)
		}
	}
	return nil
}

// Close releases the file and its lock. Call it once, after every other
// method has returned.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("store: close %s: %w", s.path, err)
	}
	return nil
}

// Path returns the database file's path as given to Open.
func (s *Store) Path() string {
	return s.path
}
