package jsonfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSaveLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	type state struct {
		Seed  uint64
		Edits []string
	}
	if err := Save(path, state{Seed: 7, Edits: []string{"a", "b"}}); err != nil {
		t.Fatal(err)
	}
	var got state
	if err := Load(path, &got); err != nil || got.Seed != 7 || len(got.Edits) != 2 {
		t.Fatalf("Load = %+v, %v", got, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("%d files left in the directory, want the state alone", len(entries))
	}
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Load(path, &got); err == nil {
		t.Error("Load of a damaged file: no error")
	}
	if err := Save(filepath.Join(t.TempDir(), "missing", "state.json"), got); err == nil {
		t.Error("Save into a missing directory: no error")
	}
}
