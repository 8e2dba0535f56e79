package testcorpus

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// fakeTB records how Require gave up instead of stopping the test.
type fakeTB struct {
	fatal, skip string
}

func (f *fakeTB) Helper() {}
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.fatal = fmt.Sprintf(format, args...)
	runtime.Goexit()
}
func (f *fakeTB) Skipf(format string, args ...any) {
	f.skip = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// require runs Require in its own goroutine, as the testing package runs a
// test, so that Fatalf and Skipf can stop it.
func require(name string) (*fakeTB, string) {
	f := &fakeTB{}
	var got string
	done := make(chan struct{})
	go func() {
		defer close(done)
		got = Require(f, name)
	}()
	<-done
	return f, got
}

func TestRequireFromEnv(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "corpus", "wikitext"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv(Env, dir)
	f, got := require(WikitextDir)
	if f.fatal != "" || f.skip != "" {
		t.Fatalf("Require: fatal %q, skip %q", f.fatal, f.skip)
	}
	if want := filepath.Join(dir, "corpus", "wikitext"); got != want {
		t.Errorf("Require = %q, want %q", got, want)
	}
	if p := Path(EditsFile); p != filepath.Join(dir, "corpus", "real-edits-dev.jsonl") {
		t.Errorf("Path(EditsFile) = %q", p)
	}
}

func TestRequireMissing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nowhere")
	t.Setenv(Env, dir)
	for _, ci := range []string{"", "true"} {
		t.Setenv("CI", ci)
		f, _ := require(EditsFile)
		msg := f.skip
		if ci == "true" {
			msg = f.fatal
			if f.skip != "" {
				t.Errorf("CI=true: skipped (%s), want a failure", f.skip)
			}
		} else if f.fatal != "" {
			t.Errorf("CI unset: failed (%s), want a skip", f.fatal)
		}
		if !strings.Contains(msg, Env) || !strings.Contains(msg, dir) {
			t.Errorf("CI=%q: message %q does not name %s and %s", ci, msg, Env, dir)
		}
	}
}

func TestDirBesideModuleRoot(t *testing.T) {
	t.Setenv(Env, "")
	got, _ := Dir()
	// This package is internal/testcorpus under the module root.
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(filepath.Dir(root), "shared"); got != want {
		t.Errorf("Dir = %q, want %q", got, want)
	}
}

// TestCorpus reads the real shared corpus the other packages' tests read.
func TestCorpus(t *testing.T) {
	edits := Edits(t)
	links := RegularLinkEdits(t)
	pages := Pages(t)
	if len(links) < 50 || len(links) > len(edits)/10 {
		t.Errorf("%d regular edits with links of %d", len(links), len(edits))
	}
	for _, e := range links {
		if e.Label != "regular" || !strings.Contains(e.New, "://") {
			t.Errorf("%s: label %q, new %.80q", e.ID, e.Label, e.New)
		}
	}
	if p := PagePaths(t, "non-english/*.txt"); len(p) == 0 || len(p) >= len(pages) {
		t.Errorf("%d other-language pages of %d", len(p), len(pages))
	}
	if ReadPage(t, pages[0].Name) != pages[0].Text {
		t.Errorf("ReadPage(%s) differs from Pages", pages[0].Name)
	}
	t.Logf("%d edits (%d regular with links), %d pages", len(edits), len(links), len(pages))
}
