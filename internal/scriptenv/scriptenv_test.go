package scriptenv

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "env")
	if err := os.WriteFile(path, []byte("A=1\nB=x=y\nnot a line\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env, err := Read(path, "A", "B")
	if err != nil || env["A"] != "1" || env["B"] != "x=y" {
		t.Fatalf("Read = %v, %v", env, err)
	}
	if _, err := Read(path, "A", "C"); err == nil || !strings.Contains(err.Error(), "has no C") {
		t.Errorf("missing key: %v", err)
	}
	if _, err := Read(filepath.Join(t.TempDir(), "none")); err == nil {
		t.Error("missing file: no error")
	}
}

func TestScript(t *testing.T) {
	p, err := Script("scripts/testwiki.sh")
	if err != nil || filepath.Base(p) != "testwiki.sh" {
		t.Fatalf("Script = %q, %v", p, err)
	}
	if _, err := Script("scripts/no-such-script.sh"); err == nil {
		t.Error("a missing script was found")
	}
}
