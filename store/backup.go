package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the whole database to w, from one read
// transaction (bbolt's hot backup, Tx.WriteTo): patrol passes keep
// committing while it runs. It returns the bytes written. A cancelled ctx
// stops it at the next write.
func (s *Store) Backup(ctx context.Context, w io.Writer) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, fmt.Errorf("store: backup: %w", err)
	}
	var n int64
	err := s.view(func(tx *bbolt.Tx) (err error) {
		n, err = tx.WriteTo(ctxWriter{ctx, w})
		return err
	})
	if err != nil {
		return n, fmt.Errorf("store: backup of %s: %w", s.path, err)
	}
	return n, nil
}

// ctxWriter fails writes once its context is done.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// BackupTo writes a consistent copy of the database to the file dest,
// atomically: it writes a temporary file in dest's directory, syncs it and
// renames it over dest, so dest is always either the previous backup or a
// complete new one. dest must not be the store's own file.
func (s *Store) BackupTo(ctx context.Context, dest string) (int64, error) {
	if same, _ := sameFile(dest, s.path); same {
		return 0, fmt.Errorf("store: backup to %s: that is the store itself; choose another file", dest)
	}
	dir := filepath.Dir(dest)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".tmp-*")
	if err != nil {
		return 0, fmt.Errorf("store: backup to %s: %w", dest, err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	n, err := s.Backup(ctx, tmp)
	if err != nil {
		return n, err
	}
	if err := tmp.Chmod(0o600); err != nil {
		return n, fmt.Errorf("store: backup to %s: %w", dest, err)
	}
	if err := tmp.Sync(); err != nil {
		return n, fmt.Errorf("store: backup to %s: %w", dest, err)
	}
	if err := tmp.Close(); err != nil {
		return n, fmt.Errorf("store: backup to %s: %w", dest, err)
	}
	if err := os.Rename(tmp.Name(), dest); err != nil {
		return n, fmt.Errorf("store: backup to %s: %w", dest, err)
	}
	done = true
	// Make the rename itself durable.
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return n, nil
}

// sameFile reports whether a and b name the same existing file.
func sameFile(a, b string) (bool, error) {
	fa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	fb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(fa, fb), nil
}

// Report is what Verify found in a store file.
type Report struct {
	Path        string
	Size        int64
	Schema      uint32       // the file's schema version
	Note        string       // e.g. that an older schema migrates on the next read-write open
	Events      int          // events remembered, shared by all sites
	Tokens      int          // distinct tokens in them
	SpamDomains int          // spam domains, shared by all sites
	Sites       []SiteReport // per site, by name
}

// SiteReport counts one site's part of a store.
type SiteReport struct {
	Name string
	Stats
	KnownDomains int
	HasModel     bool
}

// Verify checks the store file at path without changing it: its header
// pages, bbolt's full consistency check (every page), and the schema
// version, and counts what it holds. It opens the file read-only, so it
// fails with ErrLocked while a wikiwarden holds the file (check a backup
// then), with a *CorruptError naming the first problems when the file is
// damaged, and with ErrSchema when it is not a wikiwarden store.
func Verify(path string, opts Options) (Report, error) {
	rep := Report{Path: path}
	if err := precheck(path); err != nil {
		return rep, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return rep, fmt.Errorf("store: check %s: %w", path, err)
	}
	if fi.Size() == 0 {
		return rep, &CorruptError{Path: path, Problem: "the file is empty"}
	}
	rep.Size = fi.Size()
	timeout := opts.LockTimeout
	if timeout <= 0 {
		timeout = defaultLockTimeout
	}
	db, err := openBolt(path, timeout, true)
	if err != nil {
		return rep, err
	}
	s := &Store{db: db, path: path}
	defer s.Close()
	if problems := s.check(10); len(problems) > 0 {
		p := strings.Join(problems, "; ")
		if len(problems) >= 10 {
			p += "; …"
		}
		return rep, &CorruptError{Path: path, Problem: p}
	}
	err = s.view(func(tx *bbolt.Tx) error {
		v, err := fileVersion(tx)
		if err != nil {
			return err
		}
		rep.Schema = v
		if v < schemaVersion {
			rep.Note = fmt.Sprintf("schema version %d: wikiwarden migrates it to %d when it next opens it for writing", v, schemaVersion)
			return nil
		}
		if err := checkSchema(tx); err != nil {
			return err
		}
		rep.Events = tx.Bucket(bucketEvents).Stats().KeyN
		rep.Tokens = distinctTexts(tx.Bucket(bucketEventsByToken))
		rep.SpamDomains = tx.Bucket(bucketDomainsSpam).Stats().KeyN
		return forEachSite(tx, func(st site) error {
			for _, n := range siteBuckets {
				if st.bucket(n) == nil {
					return fmt.Errorf("site %q lacks bucket %s: %w", st.name, n, ErrSchema)
				}
			}
			sr := SiteReport{Name: st.name}
			sr.Events, sr.Tokens = rep.Events, rep.Tokens
			sr.Records = st.bucket(bucketRecords).Stats().KeyN
			sr.Blocks = st.bucket(bucketBlocks).Stats().KeyN
			sr.Pages = distinctTexts(st.bucket(bucketEventsByPage))
			sr.Pending = st.bucket(bucketPending).Stats().KeyN
			sr.SetAside = st.bucket(bucketSetAside).Stats().KeyN
			sr.KnownDomains = st.bucket(bucketDomainsKnown).Stats().KeyN
			sr.HasModel = st.bucket(bucketSiteMeta).Get(keyModelTrained) != nil
			c, _, err := getCursor(st)
			sr.Cursor = c
			rep.Sites = append(rep.Sites, sr)
			return err
		})
	})
	if err != nil {
		var ce *CorruptError
		if errors.As(err, &ce) {
			return rep, err
		}
		return rep, fmt.Errorf("store: check %s: %w", path, err)
	}
	return rep, nil
}
