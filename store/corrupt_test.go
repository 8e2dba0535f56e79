package store

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// filledStore writes a store of a few hundred kilobytes at path and closes
// it.
func filledStore(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var hs []Handled
	for i := range 2000 {
		ip := netip.AddrFrom4([4]byte{10, 0, byte(i / 256), byte(i)})
		hs = append(hs, Handled{
			Record: record(int64(i+1), at(i), "probe"),
			Cursor: Cursor{Time: at(i), RCID: int64(i + 1)},
			Events: []Event{{Kind: EventProbe, IP: ip, Title: fmt.Sprintf("Page %d", i%50), Time: at(i), Tokens: []string{"xqzvkt"}}},
		})
	}
	if err := s.CommitBatch(context.Background(), hs); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// garbage returns n bytes that are no valid page.
func garbage(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*131 + 7)
	}
	return b
}

// overwriteDataPages writes garbage over every page of the file at path
// from page 2 on, except the freelist page (so bbolt's Open gets as far as
// it can), through a separate file handle.
func overwriteDataPages(t *testing.T, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	head := make([]byte, 4096)
	if _, err := f.ReadAt(head, 0); err != nil {
		t.Fatal(err)
	}
	m, ok := parseMeta(head)
	if !ok {
		t.Fatal("meta page 0 invalid before the test damaged it")
	}
	ps := int64(m.pageSize)
	for id := uint64(2); id < m.hw; id++ {
		if id == m.freelist {
			continue
		}
		if _, err := f.WriteAt(garbage(int(ps)), int64(id)*ps); err != nil {
			t.Fatal(err)
		}
	}
}

// wantCorrupt fails the test unless err is a *CorruptError naming path and
// the two ways out.
func wantCorrupt(t *testing.T, err error, path, problem string) {
	t.Helper()
	var ce *CorruptError
	if !errors.As(err, &ce) || !errors.Is(err, ErrCorrupt) {
		t.Fatalf("got %v, want a *CorruptError", err)
	}
	msg := err.Error()
	for _, want := range []string{path, problem, "restore it from a backup", "move it aside", "forgets its history"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
}

func TestOpenTruncated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wikiwarden.db")
	filledStore(t, path)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []int64{fi.Size() / 2, 4096 + 100, 30} {
		if err := os.Truncate(path, size); err != nil {
			t.Fatal(err)
		}
		_, err := Open(path, Options{})
		wantCorrupt(t, err, path, "cut short")
		if got, _ := os.Stat(path); got.Size() != size {
			t.Errorf("Open changed the size of a damaged file from %d to %d", size, got.Size())
		}
	}
}

func TestOpenGarbage(t *testing.T) {
	for _, tc := range []struct {
		name    string
		damage  func(t *testing.T, path string)
		problem string
	}{
		{"data pages", overwriteDataPages, "damaged"},
		{"header pages", func(t *testing.T, path string) {
			f, err := os.OpenFile(path, os.O_RDWR, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if _, err := f.WriteAt(garbage(2*4096), 0); err != nil {
				t.Fatal(err)
			}
		}, "neither BoltDB header page is valid"},
		{"not a database", func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte(strings.Repeat("wiki: {}\n", 2000)), 0o600); err != nil {
				t.Fatal(err)
			}
		}, "neither BoltDB header page is valid"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "wikiwarden.db")
			filledStore(t, path)
			tc.damage(t, path)
			for _, opts := range []Options{{}, {ReadOnly: true}} {
				_, err := Open(path, opts)
				wantCorrupt(t, err, path, tc.problem)
			}
		})
	}
}

// TestDamageWhileOpen damages the file under an open store (or one too big
// for Open's check): each method then returns the CorruptError instead of
// panicking, even when bbolt touches pages past the end of the file.
func TestDamageWhileOpen(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		damage func(t *testing.T, path string)
	}{
		{"garbage", overwriteDataPages},
		{"truncated", func(t *testing.T, path string) {
			if err := os.Truncate(path, 3*4096); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "wikiwarden.db")
			filledStore(t, path)
			s, err := Open(path, Options{CheckLimit: -1})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			tc.damage(t, path)
			_, err = s.Records(ctx, Query{})
			wantCorrupt(t, err, path, "reading it failed")
			// Later calls fail the same way without touching the pages.
			if err := s.Commit(ctx, Handled{Record: record(9999, at(0), "ok")}); !errors.Is(err, ErrCorrupt) {
				t.Errorf("Commit after damage: %v, want ErrCorrupt", err)
			}
			if _, err := s.IPEvents(ctx, netip.MustParsePrefix("10.0.0.0/8"), at(0)); !errors.Is(err, ErrCorrupt) {
				t.Errorf("IPEvents after damage: %v, want ErrCorrupt", err)
			}
		})
	}
}

func TestVerifyReportsDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wikiwarden.db")
	filledStore(t, path)
	rep, err := Verify(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Schema != schemaVersion || len(rep.Sites) != 1 || rep.Sites[0].Records != 2000 || rep.Events != 2000 {
		t.Errorf("Verify of a sound store: %+v", rep)
	}
	overwriteDataPages(t, path)
	_, err = Verify(path, Options{})
	wantCorrupt(t, err, path, "damaged")
}

// TestOpenUnwritable checks that a store file or directory wikiwarden may
// not write gives ErrUnwritable naming the path and the fix. Permissions do
// not bind root, so as root the test re-runs itself as nobody.
func TestOpenUnwritable(t *testing.T) {
	if os.Geteuid() == 0 {
		rerunAsNobody(t)
		return
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "wikiwarden.db")
	filledStore(t, path)

	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, Options{})
	if !errors.Is(err, ErrUnwritable) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("read-only file: got %v, want ErrUnwritable naming %s", err, path)
	}
	if err := os.Chmod(path, 0o000); err != nil {
		t.Fatal(err)
	}
	_, err = Open(path, Options{})
	if !errors.Is(err, ErrUnwritable) || !strings.Contains(err.Error(), path) {
		t.Errorf("unreadable file: got %v, want ErrUnwritable naming %s", err, path)
	}

	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(ro, 0o700) })
	_, err = Open(filepath.Join(ro, "new.db"), Options{})
	if !errors.Is(err, ErrUnwritable) || !strings.Contains(err.Error(), "cannot create the store in directory "+ro) {
		t.Errorf("read-only directory: got %v, want ErrUnwritable naming %s", err, ro)
	}
}

// rerunAsNobody runs the calling test in a copy of the test binary as the
// user nobody, and fails if it fails.
func rerunAsNobody(t *testing.T) {
	t.Helper()
	dir, err := os.MkdirTemp("", "wikiwarden-nobody-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	bin := filepath.Join(dir, "store.test")
	data, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-test.run", "^"+t.Name()+"$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), "TMPDIR=/tmp", "GOCOVERDIR=")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("as nobody: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatalf("as nobody: no PASS:\n%s", out)
	}
	t.Logf("as nobody:\n%s", out)
}
