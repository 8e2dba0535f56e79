package lexicon

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"os"
	"path/filepath"

	"github.com/edsrzf/mmap-go"

	"github.com/wikiwarden/wikiwarden/detectors"
)

// indexVersion changes whenever reading a dictionary changes (readWords's
// rules), so that indexes compiled by an older wikiwarden are rebuilt. The
// word set's own format is versioned by package detectors.
const indexVersion = 5

// DefaultCacheDir returns where compiled dictionaries are kept when the
// configuration does not say, by the XDG base directory rules:
// $XDG_CACHE_HOME/wikiwarden, else $HOME/.cache/wikiwarden; "" when
// neither variable is set (as under some cron setups). getenv is
// os.Getenv outside tests.
func DefaultCacheDir(getenv func(string) string) string {
	if dir := getenv("XDG_CACHE_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "wikiwarden")
	}
	if home := getenv("HOME"); filepath.IsAbs(home) {
		return filepath.Join(home, ".cache", "wikiwarden")
	}
	return ""
}

// indexName is the file name of lang's compiled index: the language and a
// fingerprint of what the index is compiled from, so that a changed source
// never matches an old index.
func indexName(lang string, ds []Dictionary) string {
	h := sha256.New()
	fmt.Fprintf(h, "wikiwarden lexicon %d\x00%s\x00", indexVersion, lang)
	for _, d := range ds {
		fmt.Fprintf(h, "%s\x00", d.Where())
		if d.Path != "" {
			fingerprintFile(h, d.Path)
		}
		for _, p := range d.Deps {
			fingerprintFile(h, p)
		}
	}
	return "words-" + lang + "-" + hex.EncodeToString(h.Sum(nil)[:8]) + ".idx"
}

// fingerprintFile writes to h what names the file at p as it is now: its
// real path, size and modification time, so that a cache file keyed by it
// is never read after the file changes or a symlink moves.
func fingerprintFile(h hash.Hash, p string) {
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		real = p
	}
	fmt.Fprintf(h, "%s\x00", real)
	if fi, err := os.Stat(real); err == nil {
		var b [16]byte
		binary.LittleEndian.PutUint64(b[:], uint64(fi.Size()))
		binary.LittleEndian.PutUint64(b[8:], uint64(fi.ModTime().UnixNano()))
		h.Write(b[:])
	}
}

// mapIndex maps the index file at path into memory and returns the word
// set reading it, with the mapping to unmap when done.
func mapIndex(path string) (*detectors.WordSet, mmap.MMap, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	m, err := mmap.Map(f, mmap.RDONLY, 0)
	if err != nil {
		return nil, nil, fmt.Errorf("map %s: %w", path, err)
	}
	set, err := detectors.WordSetFromIndex(m)
	if err != nil {
		m.Unmap()
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return set, m, nil
}

// writeIndex writes set's index to path atomically and removes lang's
// stale indexes from dir (writeCacheFile).
func writeIndex(dir, path, lang string, set *detectors.WordSet) error {
	return writeCacheFile(dir, path, "words-"+lang+"-", ".idx", set.AppendIndex(nil))
}

// writeCacheFile writes data to path in dir atomically (a temporary file
// renamed into place, so a concurrent process reads either nothing or the
// whole file) and removes the files of dir named prefix*suffix but path:
// the same language's stale compilations.
func writeCacheFile(dir, path, prefix, suffix string, data []byte) (err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+prefix+"*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	old, _ := filepath.Glob(filepath.Join(dir, prefix+"*"+suffix))
	for _, p := range old {
		if p != path {
			// A process still mapping it keeps its pages until it
			// exits; another may have removed it already.
			os.Remove(p)
		}
	}
	return nil
}
