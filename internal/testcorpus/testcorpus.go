// Package testcorpus finds the project's shared data for tests and tools.
//
// The real edits and real Wikipedia pages the detectors are developed and
// tested on come from public repositories (see ../shared/corpus/README.md for
// their sources and licences). Data fetched from public repositories is never
// committed into this repository: it is read at run time from the shared
// folder, which is $WIKIWARDEN_SHARED when set, else ../shared beside the
// module root (the nearest directory up from the working directory that holds
// go.mod). This package is the one place that knows where that folder is and
// how its corpus is laid out, so tests, go:generate commands and the demo
// agree on it.
//
// A test that needs the shared data and cannot find it skips, naming the
// variable and the path it looked at; under CI=true it fails instead, so a
// CI machine without the data does not pass by skipping.
package testcorpus

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Env is the environment variable that overrides where the shared folder is.
const Env = "WIKIWARDEN_SHARED"

// Paths inside the shared folder.
const (
	EditsFile   = "corpus/real-edits-dev.jsonl" // labelled real English Wikipedia edits
	WikitextDir = "corpus/wikitext"             // real article wikitext, one page per *.txt
)

// minEdits and minPages catch a truncated or half-copied shared folder: the
// corpus holds 2,474 edits and 109 pages.
const (
	minEdits = 2000
	minPages = 100
)

// Dir returns the shared folder. When it is missing, Dir still returns the
// path it expected, with an error naming it and Env.
func Dir() (string, error) {
	dir := os.Getenv(Env)
	if dir == "" {
		root, err := moduleRoot()
		if err != nil {
			return filepath.Join("..", "shared"), fmt.Errorf("shared data: %w; set %s to the shared folder", err, Env)
		}
		dir = filepath.Join(filepath.Dir(root), "shared")
	}
	fi, err := os.Stat(dir)
	if err == nil && !fi.IsDir() {
		err = fmt.Errorf("%s is not a directory", dir)
	}
	if err != nil {
		return dir, fmt.Errorf("shared data not found at %s (set %s to the shared folder): %w", dir, Env, err)
	}
	return dir, nil
}

// Path returns name (one of the paths above, or any path inside the shared
// folder) joined to the shared folder, found or not: a tool's flag default.
func Path(name string) string {
	dir, _ := Dir()
	return filepath.Join(dir, filepath.FromSlash(name))
}

// moduleRoot walks up from the working directory to the directory holding
// go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = up
	}
}

// TB is the part of testing.TB this package uses (so that tools importing it
// do not link the testing package).
type TB interface {
	Helper()
	Fatalf(format string, args ...any)
	Skipf(format string, args ...any)
}

// Require returns the path of name inside the shared folder. When the folder
// or name is missing, the test skips, or fails under CI=true.
func Require(tb TB, name string) string {
	tb.Helper()
	dir, err := Dir()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err == nil {
		_, err = os.Stat(p)
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("%v (CI=true: the shared data is required)", err)
		}
		tb.Skipf("%v", err)
	}
	return p
}

// Edit is one record of EditsFile.
type Edit struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	Old        string `json:"old"`
	New        string `json:"new"`
	Label      string `json:"label"` // "regular" or "vandalism"
	Kind       string `json:"kind"`
	TextFormat string `json:"text_format"` // "changed-lines", "normalized-words", "diff-context-3"
	Anon       bool   `json:"anon"`
}

// Edits reads every record of EditsFile, in order.
func Edits(tb TB) []Edit {
	tb.Helper()
	f, err := os.Open(Require(tb, EditsFile))
	if err != nil {
		tb.Fatalf("%v", err)
	}
	defer f.Close()
	var out []Edit
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<24)
	for sc.Scan() {
		var e Edit
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			tb.Fatalf("%s: %v", EditsFile, err)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("%s: %v", EditsFile, err)
	}
	if len(out) < minEdits {
		tb.Fatalf("read %d edits from %s, want the whole file", len(out), EditsFile)
	}
	return out
}

// RegularLinkEdits returns the good-faith edits of EditsFile whose added
// lines, raw wikitext, hold a URL: real edits that add or keep links, which
// no link rule may take for spam.
func RegularLinkEdits(tb TB) []Edit {
	tb.Helper()
	var out []Edit
	for _, e := range Edits(tb) {
		if e.Label == "regular" && e.TextFormat == "changed-lines" && strings.Contains(e.New, "://") {
			out = append(out, e)
		}
	}
	return out
}

// Page is one page of WikitextDir.
type Page struct {
	Name string // path under WikitextDir, slash-separated: "aardvark.txt", "non-english/sonne.txt"
	Text string
}

// Pages reads every page of WikitextDir, other languages' included, in the
// lexical order filepath.WalkDir walks them.
func Pages(tb TB) []Page {
	tb.Helper()
	root := Require(tb, WikitextDir)
	var out []Page
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		out = append(out, Page{Name: filepath.ToSlash(rel), Text: string(b)})
		return nil
	})
	if err != nil {
		tb.Fatalf("%v", err)
	}
	if len(out) < minPages {
		tb.Fatalf("read %d pages from %s, want the whole folder", len(out), WikitextDir)
	}
	return out
}

// ReadPage reads one page of WikitextDir by name ("aardvark.txt").
func ReadPage(tb TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(Require(tb, WikitextDir), filepath.FromSlash(name)))
	if err != nil {
		tb.Fatalf("%v", err)
	}
	return string(b)
}

// PagePaths returns the paths of the pages of WikitextDir whose names match
// pattern (filepath.Match syntax, "*.txt", "a*.txt", "non-english/*.txt"),
// sorted; the test fails when none does.
func PagePaths(tb TB, pattern string) []string {
	tb.Helper()
	root := Require(tb, WikitextDir)
	paths, err := filepath.Glob(filepath.Join(root, filepath.FromSlash(pattern)))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no pages %s in %s (%v)", pattern, root, err)
	}
	return paths
}
