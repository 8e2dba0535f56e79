package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSharedDSN(t *testing.T) {
	const dsn = "postgres://warden:s3cret@db.example.org/wikiwarden"
	env := func(k string) string {
		if k == "FARM_DSN" {
			return dsn + "\n"
		}
		return ""
	}
	s := Shared{Kind: SharedPostgres, DSNEnv: "FARM_DSN"}
	if got, err := s.DSN(env); err != nil || got != dsn {
		t.Errorf("DSN from the environment = %q, %v", got, err)
	}
	s.DSNEnv = "OTHER"
	if _, err := s.DSN(env); err == nil || !strings.Contains(err.Error(), "shared.dsn_env: OTHER is empty") {
		t.Errorf("DSN from an empty variable: %v", err)
	}
	f := filepath.Join(t.TempDir(), "dsn")
	if err := os.WriteFile(f, []byte("  "+dsn+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s = Shared{Kind: SharedPostgres, DSNFile: f}
	if got, err := s.DSN(env); err != nil || got != dsn {
		t.Errorf("DSN from a file = %q, %v", got, err)
	}
	s.DSNFile = filepath.Join(t.TempDir(), "missing")
	if _, err := s.DSN(env); err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("DSN from a missing file: %v", err)
	}
}

// TestSharedDSNFileRelative: dsn_file is resolved against the config's
// directory like the other paths.
func TestSharedDSNFileRelative(t *testing.T) {
	dir := t.TempDir()
	cfg := "wiki:\n  api: http://127.0.0.1/api.php\n  username: W@p\nstore:\n  path: w.db\nshared:\n  kind: postgres\n  dsn_file: farm.dsn\n"
	if err := os.WriteFile(filepath.Join(dir, "c.yaml"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Load(filepath.Join(dir, "c.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "farm.dsn"); c.Shared.DSNFile != want {
		t.Errorf("dsn_file = %q, want %q", c.Shared.DSNFile, want)
	}
}
