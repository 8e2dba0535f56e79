package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// schemaVersion is the layout version written to new files and required of
// existing ones. Open migrates older versions it knows (see migrate.go).
//
//	1: one wiki: records, places, reverts, blocks, known domains and the
//	   cursor and model at the top level
//	2: many sites: per-site buckets under "sites"; events, their IP and
//	   token indexes and spam domains shared by all sites; pending actions,
//	   the set-aside queue and its audit trail
const schemaVersion = 2

// defaultLockTimeout is how long Open waits for another process's lock when
// Options.LockTimeout is zero.
const defaultLockTimeout = time.Second

// DefaultSite is the site name the Store's own methods use, and the site an
// older single-wiki store's history is migrated to, when Options.DefaultSite
// is empty.
const DefaultSite = "wiki"

// defaultCheckLimit is the file size up to which Open runs bbolt's full
// consistency check when Options.CheckLimit is zero. The check reads every
// page: a 179 MB store (150,000 records and events) took 0.16 s from the
// page cache, so at this size a cron-driven pass pays well under a second.
const defaultCheckLimit = 256 << 20

// Top-level bucket names; doc.go describes their keys and values.
var (
	bucketMeta          = []byte("meta")
	bucketEvents        = []byte("events")
	bucketEventsByIP    = []byte("events_by_ip")
	bucketEventsByToken = []byte("events_by_token")
	bucketDomainsSpam   = []byte("domains_spam")
	bucketSites         = []byte("sites")

	topBuckets = [][]byte{
		bucketMeta, bucketEvents, bucketEventsByIP, bucketEventsByToken,
		bucketDomainsSpam, bucketSites,
		bucketReviewAudit, bucketReviewResolved, bucketReviewFeedback,
	}
)

// Bucket names inside each site's bucket.
var (
	bucketSiteMeta      = []byte("meta")
	bucketRecords       = []byte("records")
	bucketRecordsByTime = []byte("records_by_time")
	bucketEventsByPage  = []byte("events_by_page")
	bucketReverts       = []byte("reverts")
	bucketBlocks        = []byte("blocks")
	bucketDomainsKnown  = []byte("domains_known")
	bucketPending       = []byte("pending")
	bucketPendingByDue  = []byte("pending_by_due")
	bucketSetAside      = []byte("set_aside")
	bucketSetAsideTime  = []byte("set_aside_by_time")
	bucketAudit         = []byte("audit")

	siteBuckets = [][]byte{
		bucketSiteMeta, bucketRecords, bucketRecordsByTime, bucketEventsByPage,
		bucketReverts, bucketBlocks, bucketDomainsKnown, bucketPending,
		bucketPendingByDue, bucketSetAside, bucketSetAsideTime, bucketAudit,
		bucketNotices, bucketReports,
	}
)

// Keys of the meta buckets.
var (
	keySchema       = []byte("schema") // top-level meta
	keyCursor       = []byte("cursor") // site meta, as are the next two
	keyModel        = []byte("model")
	keyModelTrained = []byte("model_trained")
)

// ErrNotFound is returned by lookups that find nothing: no cursor yet, no
// record for a contribution, no revert, no model, no set-aside item.
var ErrNotFound = errors.New("store: not found")

// ErrLocked is returned by Open when another process holds the database file
// and the lock was not released within Options.LockTimeout. The returned
// error names the file; the usual cause is a second wikiwarden running on it.
var ErrLocked = errors.New("store: database locked")

// ErrSchema is returned by Open when the file's schema version is newer than
// this build understands, or when the file is not a wikiwarden database.
var ErrSchema = errors.New("store: unknown schema")

// ErrUnwritable is returned by Open when the file or its directory cannot be
// written by this process. The returned error names the path and the fix.
var ErrUnwritable = errors.New("store: not writable")

// Options tune Open.
type Options struct {
	// LockTimeout is how long Open waits for another process to release the
	// file before failing with ErrLocked; 0 means one second.
	LockTimeout time.Duration
	// ReadOnly opens the file without creating it or its buckets; every
	// writing method then fails. The file must already have been created by
	// a read-write Open, with this build's schema version.
	ReadOnly bool
	// DefaultSite names the site the Store's own methods work on, and the
	// site an older single-wiki store's history migrates to; "" means
	// DefaultSite ("wiki"). Pass the configured name of the first site.
	DefaultSite string
	// CheckLimit is the file size up to which Open runs bbolt's full
	// consistency check (every page read); 0 means 256 MiB, negative never.
	// Larger files are checked when a method trips over damage, and by
	// Verify.
	CheckLimit int64
	// Now returns the current time for audit entries; nil means time.Now.
	Now func() time.Time
	// Share queues the cross-site facts every Commit writes (events,
	// spam domains) in the shared memory's outbox; see outbox.go. Off
	// keeps what is queued for when it is on again.
	Share bool
}

// Store is wikiwarden's bbolt database. It is safe for concurrent use; bbolt
// serialises writers and lets readers run alongside them. Its methods other
// than the explicitly store-wide ones (Sites, TokenEvents, SetAsides,
// Backup, Verify, Expire, Close) work on the default site, as Site(the
// default site name) does.
type Store struct {
	db          *bbolt.DB
	path        string
	defaultSite string
	now         func() time.Time
	def         *SiteStore
	// damaged holds the first *CorruptError a method ran into; every later
	// call fails with it instead of reading damaged pages again.
	damaged atomic.Pointer[CorruptError]
}

// Open opens the database at path, creating the file if it does not exist.
// The directory must exist: Open does not create it, so a typo in the
// configured path fails loudly instead of scattering databases. Open fails
// with ErrLocked when another process holds the file, with ErrSchema when
// the file has a schema version this build does not know, with ErrCorrupt
// (a *CorruptError) when the file is damaged, and with ErrUnwritable when
// the file or its directory cannot be written. It never recreates a file it
// cannot read. An older schema is migrated in one write transaction.
func Open(path string, opts Options) (*Store, error) {
	timeout := opts.LockTimeout
	if timeout <= 0 {
		timeout = defaultLockTimeout
	}
	site := opts.DefaultSite
	if site == "" {
		site = DefaultSite
	}
	if err := checkSiteName(site); err != nil {
		return nil, fmt.Errorf("store: open %s: default site: %w", path, err)
	}
	if err := checkPath(path, opts.ReadOnly); err != nil {
		return nil, err
	}
	// Validate the header pages before bbolt maps the file: bbolt panics,
	// or faults on pages past the end, when a file is cut short.
	if err := precheck(path); err != nil {
		return nil, err
	}

	db, err := openBolt(path, timeout, opts.ReadOnly)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path, defaultSite: site, now: opts.Now}
	if s.now == nil {
		s.now = time.Now
	}
	s.def = s.Site(site)

	limit := opts.CheckLimit
	if limit == 0 {
		limit = defaultCheckLimit
	}
	if fi, err := os.Stat(path); err == nil && limit > 0 && fi.Size() <= limit {
		if problems := s.check(20); len(problems) > 0 {
			_ = db.Close()
			return nil, &CorruptError{Path: path, Problem: problems[0]}
		}
	}
	if opts.ReadOnly {
		err = s.view(checkSchema)
	} else {
		err = s.update(func(tx *bbolt.Tx) error {
			if err := initialize(tx, site); err != nil {
				return err
			}
			return setSharing(tx, opts.Share)
		})
	}
	if err != nil {
		_ = db.Close()
		var ce *CorruptError
		if errors.As(err, &ce) {
			return nil, err
		}
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	return s, nil
}

// checkPath reports a missing directory, and an existing file or directory
// this process cannot write, before bbolt tries.
func checkPath(path string, readOnly bool) error {
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("store: open %s: directory %s: %w", path, dir, err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("store: open %s: %s is not a directory", path, dir)
	}
	if readOnly {
		return nil
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		// bbolt creates the file: the directory must take it.
		f, err := os.CreateTemp(dir, ".wikiwarden-check-*")
		if err != nil {
			return fmt.Errorf("%w: %s: cannot create the store in directory %s (%v); make the directory writable by the user wikiwarden runs as, or point store.path elsewhere", ErrUnwritable, path, dir, cause(err))
		}
		f.Close()
		os.Remove(f.Name())
	}
	return nil
}

// openBolt opens the file with bbolt, turning its errors and panics into
// errors that name the file and say what to do.
func openBolt(path string, timeout time.Duration, readOnly bool) (db *bbolt.DB, err error) {
	// bbolt panics on some damage (a garbage freelist page) inside Open.
	// The file descriptor and its lock are then lost until the process
	// exits, which the command does right after reporting the error.
	defer recoverCorrupt(path, &err)
	db, err = bbolt.Open(path, 0o600, &bbolt.Options{Timeout: timeout, ReadOnly: readOnly})
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, berrors.ErrTimeout):
		return nil, fmt.Errorf("%w: another wikiwarden is running on %s (lock not released within %s)", ErrLocked, path, timeout)
	case errors.Is(err, fs.ErrPermission):
		return nil, fmt.Errorf("%w: %s: %s; give the user wikiwarden runs as read and write access to the file, or point store.path elsewhere", ErrUnwritable, path, cause(err))
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrVersionMismatch):
		return nil, &CorruptError{Path: path, Problem: "not a valid BoltDB file: " + err.Error()}
	}
	return nil, fmt.Errorf("store: open %s: %w", path, err)
}

// initialize checks the schema version of an existing file, or stamps a new
// one, migrates an older one, and creates every bucket, all in Open's one
// write transaction.
func initialize(tx *bbolt.Tx, defaultSite string) error {
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
	v, err := fileVersion(tx)
	if err != nil {
		return err
	}
	if v < schemaVersion {
		if err := migrate(tx, v, defaultSite); err != nil {
			return fmt.Errorf("migrate schema %d to %d: %w", v, schemaVersion, err)
		}
	}
	if err := checkSchema(tx); err != nil && !errors.Is(err, errMissingBucket) {
		return err
	}
	for _, name := range topBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	if _, err := createSite(tx, defaultSite); err != nil {
		return err
	}
	// Sites written by an older build of this schema may lack a newer
	// bucket; the per-site code relies on all of them.
	return forEachSite(tx, func(st site) error {
		for _, n := range siteBuckets {
			if _, err := st.b.CreateBucketIfNotExists(n); err != nil {
				return fmt.Errorf("create bucket %s of site %q: %w", n, st.name, err)
			}
		}
		return nil
	})
}

// errMissingBucket is what checkSchema reports for a file of the right
// version that lacks a bucket; initialize creates it, a read-only Open
// reports it as ErrSchema.
var errMissingBucket = fmt.Errorf("missing bucket: %w", ErrSchema)

// fileVersion returns the file's schema version, refusing versions this
// build does not know.
func fileVersion(tx *bbolt.Tx) (uint32, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return 0, fmt.Errorf("no %s bucket, not a wikiwarden database: %w", bucketMeta, ErrSchema)
	}
	v := meta.Get(keySchema)
	if len(v) != 4 {
		return 0, fmt.Errorf("no schema version, not a wikiwarden database: %w", ErrSchema)
	}
	got := binary.BigEndian.Uint32(v)
	if got == 0 || got > schemaVersion {
		return 0, fmt.Errorf("schema version %d, this wikiwarden understands %d (use a matching wikiwarden): %w", got, schemaVersion, ErrSchema)
	}
	return got, nil
}

// checkSchema verifies the file's schema version and that every top-level
// bucket exists.
func checkSchema(tx *bbolt.Tx) error {
	v, err := fileVersion(tx)
	if err != nil {
		return err
	}
	if v != schemaVersion {
		return fmt.Errorf("schema version %d, migrated to %d when wikiwarden next opens it for writing: %w", v, schemaVersion, ErrSchema)
	}
	for _, name := range topBuckets {
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

// cause strips the operation and path from a file system error, leaving
// e.g. "permission denied", so messages stay short.
func cause(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
