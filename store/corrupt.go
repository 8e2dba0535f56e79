package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"runtime/debug"

	"go.etcd.io/bbolt"
)

// ErrCorrupt is matched (errors.Is) by every error about a damaged database
// file: one cut short, with garbage over its pages, or failing bbolt's
// consistency check. The error itself is a *CorruptError naming the file,
// the damage and what to do.
var ErrCorrupt = errors.New("store: database damaged")

// CorruptError says which file is damaged and how. Its message tells the
// operator what to do: wikiwarden never repairs or recreates the file on
// its own, because that would silently drop the bot's memory.
type CorruptError struct {
	Path    string
	Problem string // e.g. "file cut short: 16384 bytes, its pages need 32768"
}

// Error names the file, the damage and the two ways out.
func (e *CorruptError) Error() string {
	return fmt.Sprintf("store: %s is damaged: %s; restore it from a backup (see wikiwarden store backup), "+
		"or move it aside to start fresh (wikiwarden then relearns the wiki but forgets its history: "+
		"records, remembered IPs, ranges, tokens and blocks)", e.Path, e.Problem)
}

// Is makes errors.Is(err, ErrCorrupt) true.
func (e *CorruptError) Is(target error) bool { return target == ErrCorrupt }

// bbolt's on-disk header: each of the first two pages holds a page header
// (id, flags, count, overflow: 16 bytes) and a meta record (magic, version,
// page size, flags, root bucket, freelist page, high-water page id, txid,
// checksum), native-endian.
const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	pageHeaderLen  = 16
	metaChecksumAt = 56 // the checksum covers the meta record up to here
	metaLen        = metaChecksumAt + 8
)

// boltMeta is the part of a meta page precheck needs.
type boltMeta struct {
	pageSize           uint32
	root, freelist, hw uint64 // page ids; hw is the first page id past the data
	txid               uint64
}

// parseMeta decodes and validates the meta record of page b.
func parseMeta(b []byte) (boltMeta, bool) {
	if len(b) < pageHeaderLen+metaLen {
		return boltMeta{}, false
	}
	m := b[pageHeaderLen : pageHeaderLen+metaLen]
	ne := binary.NativeEndian
	if ne.Uint32(m[0:]) != boltMagic || ne.Uint32(m[4:]) != boltVersion {
		return boltMeta{}, false
	}
	h := fnv.New64a()
	h.Write(m[:metaChecksumAt])
	if h.Sum64() != ne.Uint64(m[metaChecksumAt:]) {
		return boltMeta{}, false
	}
	return boltMeta{
		pageSize: ne.Uint32(m[8:]),
		root:     ne.Uint64(m[16:]),
		freelist: ne.Uint64(m[32:]),
		hw:       ne.Uint64(m[40:]),
		txid:     ne.Uint64(m[48:]),
	}, true
}

// precheck validates an existing file's header pages and that the file
// holds every page they claim, before bbolt maps it. A missing or empty file
// passes: bbolt initializes it.
func precheck(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		if errors.Is(err, os.ErrPermission) {
			return fmt.Errorf("%w: %s: cannot read it (%v); give the user wikiwarden runs as read and write access to the file", ErrUnwritable, path, cause(err))
		}
		return fmt.Errorf("store: open %s: %w", path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("store: open %s: %w", path, err)
	}
	size := fi.Size()
	if size == 0 {
		return nil
	}
	if fi.IsDir() {
		return fmt.Errorf("store: open %s: is a directory", path)
	}
	corrupt := func(format string, args ...any) error {
		return &CorruptError{Path: path, Problem: fmt.Sprintf(format, args...)}
	}
	head := make([]byte, pageHeaderLen+metaLen)
	if _, err := io.ReadFull(f, head); err != nil {
		return corrupt("file cut short: %d bytes, too small for a BoltDB header", size)
	}
	m0, ok0 := parseMeta(head)
	// The second meta page sits one page further; its page size comes from
	// the first if that is valid, else try the usual sizes.
	sizes := []uint32{4096, 8192, 16384, 65536}
	if ok0 {
		sizes = []uint32{m0.pageSize}
	}
	var m1 boltMeta
	ok1 := false
	for _, ps := range sizes {
		b := make([]byte, pageHeaderLen+metaLen)
		if _, err := f.ReadAt(b, int64(ps)); err == nil {
			if m1, ok1 = parseMeta(b); ok1 {
				break
			}
		}
	}
	var m boltMeta
	switch {
	case !ok0 && !ok1:
		return corrupt("neither BoltDB header page is valid (not a wikiwarden store, or overwritten)")
	case ok0 && ok1:
		m = m0
		if m1.txid > m0.txid {
			m = m1
		}
	case ok0:
		m = m0
	default:
		m = m1
	}
	if m.pageSize < 512 || m.pageSize&(m.pageSize-1) != 0 {
		return corrupt("invalid page size %d in its header", m.pageSize)
	}
	if need := int64(m.hw) * int64(m.pageSize); size < need {
		return corrupt("file cut short: %d bytes, its header says its pages need %d", size, need)
	}
	if m.root >= m.hw || (m.freelist >= m.hw && m.freelist != ^uint64(0)) {
		return corrupt("header points past the data (root page %d, freelist page %d, %d pages)", m.root, m.freelist, m.hw)
	}
	// bbolt reads the freelist inside Open and panics if it is garbage,
	// leaving the file locked; the root page is read right after.
	for _, pg := range []struct {
		what  string
		id    uint64
		flags uint16
	}{{"freelist", m.freelist, pageFreelist}, {"root", m.root, pageBranch | pageLeaf}} {
		if pg.id == ^uint64(0) {
			continue // no freelist stored
		}
		h := make([]byte, pageHeaderLen)
		if _, err := f.ReadAt(h, int64(pg.id)*int64(m.pageSize)); err != nil {
			return corrupt("cannot read the %s page %d: %v", pg.what, pg.id, err)
		}
		ne := binary.NativeEndian
		id, flags, overflow := ne.Uint64(h[0:]), ne.Uint16(h[8:]), ne.Uint32(h[12:])
		if id != pg.id || flags&pg.flags == 0 || pg.id+uint64(overflow) >= m.hw {
			return corrupt("the %s page %d is overwritten", pg.what, pg.id)
		}
	}
	return nil
}

// Page type flags of a bbolt page header.
const (
	pageBranch   = 0x01
	pageLeaf     = 0x02
	pageFreelist = 0x10
)

// recoverCorrupt turns a panic from bbolt (an assertion on a damaged page,
// or a memory fault on a page past the end of the file) into a
// *CorruptError in *err. Call it deferred, directly.
func recoverCorrupt(path string, err *error) {
	if r := recover(); r != nil {
		*err = &CorruptError{Path: path, Problem: fmt.Sprintf("reading it failed: %v", r)}
	}
}

// view runs fn in a read transaction. A panic inside bbolt while reading
// damaged pages becomes a *CorruptError, and every later call fails with
// the same error instead of reading them again.
func (s *Store) view(fn func(*bbolt.Tx) error) (err error) {
	return s.guard(func() error { return s.db.View(fn) })
}

// update runs fn in a write transaction, guarded like view. bbolt rolls the
// transaction back on the panic.
func (s *Store) update(fn func(*bbolt.Tx) error) (err error) {
	return s.guard(func() error { return s.db.Update(fn) })
}

// guard runs a bbolt call with memory faults turned into panics and panics
// into *CorruptError.
func (s *Store) guard(call func() error) (err error) {
	if ce := s.damaged.Load(); ce != nil {
		return ce
	}
	defer func() {
		if r := recover(); r != nil {
			ce := &CorruptError{Path: s.path, Problem: fmt.Sprintf("reading it failed: %v", r)}
			s.damaged.CompareAndSwap(nil, ce)
			err = ce
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	return call()
}

// check reads every key and value, then runs bbolt's consistency check, in
// one read transaction, and returns up to max problems found. The walk comes
// first and runs guarded in this goroutine: bbolt's Check runs in a
// goroutine of its own, where a page id pointing past the mapped file would
// be a fatal fault instead of a recovered panic.
func (s *Store) check(max int) []string {
	var problems []string
	err := s.view(func(tx *bbolt.Tx) error {
		if err := tx.ForEach(func(_ []byte, b *bbolt.Bucket) error { return walk(b) }); err != nil {
			return err
		}
		for err := range tx.Check() {
			if len(problems) < max {
				problems = append(problems, err.Error())
			}
		}
		return nil
	})
	if err != nil {
		problems = append(problems, err.Error())
	}
	return problems
}

// walk touches every key and value of b and its nested buckets, so damage
// anywhere panics (and is recovered) here.
func walk(b *bbolt.Bucket) error {
	var sink byte
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		sink ^= k[len(k)-1]
		if v == nil {
			if nb := b.Bucket(k); nb != nil {
				if err := walk(nb); err != nil {
					return err
				}
			}
			continue
		}
		if len(v) > 0 {
			sink ^= v[0] ^ v[len(v)-1]
		}
	}
	_ = sink
	return nil
}
