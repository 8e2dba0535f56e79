package main

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
	"time"

	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/config"
	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/store"
)

// storeConfig writes a config whose wiki is unreachable (the store commands
// and a failing store open never reach it) and whose store is dir/ww.db,
// and returns the config's path and the store's.
func storeConfig(t *testing.T, dir, extra string) (cfg, db string) {
	t.Helper()
	db = filepath.Join(dir, "ww.db")
	cfg = filepath.Join(dir, "wikiwarden.yaml")
	body := fmt.Sprintf("wiki:\n  api: http://127.0.0.1:1/api.php\n  username: Warden@patrol\nstore:\n  path: %s\n%s", db, extra)
	if err := os.WriteFile(cfg, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return cfg, db
}

// fillStore writes 500 handled edits, each with a probe event, to the store
// at path.
func fillStore(t *testing.T, path string) {
	t.Helper()
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	var hs []store.Handled
	for i := range 500 {
		tm := t0.Add(time.Duration(i) * time.Minute)
		ip := netip.AddrFrom4([4]byte{192, 0, 2, byte(i)})
		hs = append(hs, store.Handled{
			Record: store.Record{RevID: int64(i + 1), Title: "Aardvark", User: ip.String(), IP: ip.String(), Anon: true, Time: tm, Verdict: decision.VerdictProbe, Action: decision.ActionRevert},
			Cursor: store.Cursor{Time: tm, RCID: int64(i + 1)},
			Events: []store.Event{{Kind: store.EventProbe, IP: ip, Title: "Aardvark", Time: tm, Tokens: []string{"xkqzvbwpl"}}},
		})
	}
	if err := st.CommitBatch(context.Background(), hs); err != nil {
		t.Fatal(err)
	}
}

// damage functions break a store file the ways issue #8 found.
var damage = map[string]func(t *testing.T, path string) string{
	"truncated": func(t *testing.T, path string) string {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Truncate(path, fi.Size()/2); err != nil {
			t.Fatal(err)
		}
		return "cut short"
	},
	"garbage over data pages": func(t *testing.T, path string) string {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for i := 2 * 4096; i < len(data); i++ {
			data[i] = byte(i*131 + 7)
		}
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return "is damaged"
	},
}

// wantStoreError fails the test unless the command exited 1 with a message
// naming the file and the problem, and without a panic.
func wantStoreError(t *testing.T, code int, stderr, path, problem string, more ...string) {
	t.Helper()
	if code != 1 {
		t.Errorf("exit %d, want 1; stderr:\n%s", code, stderr)
	}
	for _, want := range append([]string{path, problem}, more...) {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	for _, bad := range []string{"panic", "goroutine"} {
		if strings.Contains(stderr, bad) {
			t.Errorf("stderr shows a %s:\n%s", bad, stderr)
		}
	}
}

func TestCorruptStoreExits1(t *testing.T) {
	ctx := context.Background()
	for name, breakIt := range damage {
		t.Run(name, func(t *testing.T) {
			cfg, db := storeConfig(t, t.TempDir(), "")
			fillStore(t, db)
			problem := breakIt(t, db)
			fi, _ := os.Stat(db)
			for _, args := range [][]string{
				{"patrol", "--once", "--config", cfg},
				{"run", "--config", cfg},
				{"store", "check", db},
				{"store", "check", "--config", cfg},
				{"store", "backup", "--config", cfg, filepath.Join(t.TempDir(), "backup.db")},
			} {
				code, _, stderr := runCmd(ctx, map[string]string{"WIKIWARDEN_PASSWORD": "x"}, args...)
				wantStoreError(t, code, stderr, db, problem, "restore it from a backup", "move it aside to start fresh")
			}
			// Never recreated or repaired.
			if after, _ := os.Stat(db); after.Size() != fi.Size() {
				t.Errorf("the damaged file changed size from %d to %d", fi.Size(), after.Size())
			}
		})
	}
}

// TestCorruptStoreProcess runs the real command, as a process, on a
// truncated store: exit status 1 and the message, where it used to be a
// bbolt panic and exit 2.
func TestCorruptStoreProcess(t *testing.T) {
	cfg, db := storeConfig(t, t.TempDir(), "")
	fillStore(t, db)
	problem := damage["truncated"](t, db)
	code, stderr := runProcess(t, nil, "patrol", "--once", "--config", cfg)
	wantStoreError(t, code, stderr, db, problem, "restore it from a backup")
}

// TestUnwritableStoreExits1 runs the command as the user nobody (permissions
// do not bind root) on a store file and a store directory it may not write.
func TestUnwritableStoreExits1(t *testing.T) {
	nobody := &syscall.Credential{Uid: 65534, Gid: 65534}
	if os.Geteuid() != 0 {
		nobody = nil // already unprivileged
	}
	dir := shareableDir(t)
	if err := os.Chmod(dir, 0o777); err != nil { // the directory is writable, the file is not
		t.Fatal(err)
	}
	cfg, db := storeConfig(t, dir, "")
	fillStore(t, db)
	if err := os.Chmod(db, 0o444); err != nil {
		t.Fatal(err)
	}
	code, stderr := runProcess(t, nobody, "patrol", "--once", "--config", cfg)
	wantStoreError(t, code, stderr, db, "permission denied", "give the user wikiwarden runs as read and write access")

	// A store that does not exist yet, in a directory nobody may write:
	// the config check names it first (exit 2), as before.
	ro := filepath.Join(dir, "ro")
	if err := os.Mkdir(ro, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg2, _ := storeConfig(t, ro, "")
	code, stderr = runProcess(t, nobody, "patrol", "--once", "--config", cfg2)
	if code != 2 || !strings.Contains(stderr, "is not writable") || strings.Contains(stderr, "panic") {
		t.Errorf("read-only directory: exit %d, stderr %q; want exit 2 naming the directory", code, stderr)
	}
}

// shareableDir returns a temporary directory any user may enter and read.
func shareableDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "wikiwarden-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// runProcess runs this test binary as the wikiwarden command (see TestMain),
// as cred's user if cred is set, and returns its exit status and stderr.
func runProcess(t *testing.T, cred *syscall.Credential, args ...string) (int, string) {
	t.Helper()
	bin := os.Args[0]
	if cred != nil {
		// The go test build directory is root's own: copy the binary.
		dir := shareableDir(t)
		data, err := os.ReadFile(bin)
		if err != nil {
			t.Fatal(err)
		}
		bin = filepath.Join(dir, "wikiwarden")
		if err := os.WriteFile(bin, data, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "WIKIWARDEN_TEST_MAIN=1", "WIKIWARDEN_PASSWORD=x")
	if cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0, stderr.String()
	case errors.As(err, &ee):
		return ee.ExitCode(), stderr.String()
	}
	t.Fatalf("run %v: %v", args, err)
	return 0, ""
}

func TestStoreCheckAndBackup(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	cfg, db := storeConfig(t, dir, "")
	fillStore(t, db)

	code, stdout, stderr := runCmd(ctx, nil, "store", "check", "--config", cfg)
	if code != 0 {
		t.Fatalf("store check: exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{"store " + db + ": ok", "schema 2", "500 events, 1 tokens", "site wiki: 500 records, 1 places, 0 blocks, 0 pending, 0 set aside", "cursor 2026-03-01T20:19:00Z"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("store check output lacks %q:\n%s", want, stdout)
		}
	}

	dest := filepath.Join(dir, "backup.db")
	code, stdout, stderr = runCmd(ctx, nil, "store", "backup", "--config", cfg, dest)
	if code != 0 || !strings.Contains(stdout, "written to "+dest) {
		t.Fatalf("store backup: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, stdout, _ = runCmd(ctx, nil, "store", "check", dest)
	if code != 0 || !strings.Contains(stdout, "site wiki: 500 records") {
		t.Errorf("check of the backup: exit %d:\n%s", code, stdout)
	}

	// While another wikiwarden holds the store, both fail fast and say what
	// to do instead.
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, args := range [][]string{{"store", "check", db}, {"store", "backup", "--config", cfg, dest}} {
		code, _, stderr = runCmd(ctx, nil, args...)
		if code != 1 || !strings.Contains(stderr, "another wikiwarden is running on "+db) || !strings.Contains(stderr, "store.backup.path") {
			t.Errorf("%v on a held store: exit %d, stderr %q", args, code, stderr)
		}
	}

	for _, args := range [][]string{
		{"store"},
		{"store", "frob"},
		{"store", "check"},
		{"store", "check", db, "--config", cfg},
		{"store", "backup", "--config", cfg},
		{"store", "backup", dest},
	} {
		if code, _, stderr := runCmd(ctx, nil, args...); code != 2 {
			t.Errorf("%v: exit %d, stderr %q; want 2", args, code, stderr)
		}
	}
}

// TestScheduledBackup: with store.backup set, run writes the backup on its
// schedule while it holds the store, and stops the schedule when done.
func TestScheduledBackup(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := t.TempDir()
	dest := filepath.Join(dir, "backup.db")
	cfgPath, db := storeConfig(t, dir, fmt.Sprintf("  backup:\n    path: %s\n    schedule: \"@every 1s\"\n", dest))
	fillStore(t, db)
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	log := logrus.New()
	log.SetOutput(os.Stderr)
	stop := startBackups(ctx, &app{cfg: cfg, log: log, store: st})
	deadline := time.Now().Add(10 * time.Second)
	for {
		if _, err := os.Stat(dest); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no backup written within 10s")
		}
		time.Sleep(100 * time.Millisecond)
	}
	stop()
	rep, err := store.Verify(dest, store.Options{})
	if err != nil || len(rep.Sites) != 1 || rep.Sites[0].Records != 500 {
		t.Errorf("scheduled backup: %+v, %v", rep, err)
	}
	// No temporary files left behind.
	if m, _ := filepath.Glob(filepath.Join(dir, ".backup.db.tmp-*")); len(m) != 0 {
		t.Errorf("temporary files left: %v", m)
	}
}

// The patroller takes one site's memory, or the default site's.
var (
	_ bot.Store = (*store.SiteStore)(nil)
	_ bot.Store = (*store.Store)(nil)
)
