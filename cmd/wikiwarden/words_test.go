package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sirupsen/logrus"
	logtest "github.com/sirupsen/logrus/hooks/test"

	"github.com/wikiwarden/wikiwarden/lexicon"
)

// wordLists writes three small word lists (Dutch, Swedish, German) and
// returns where dictionaries are found in them.
func wordLists(t *testing.T) lexicon.Roots {
	t.Helper()
	dir := t.TempDir()
	for name, words := range map[string]string{"dutch": "huis\nstraat\n", "swedish": "hus\ngata\n", "ngerman": "Haus\nStraße\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(words), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return lexicon.Roots{WordLists: []string{dir}}
}

type compileStep struct {
	done, total int
	lang        string
	compiled    bool
}

// TestPrepareCompilesOnce checks that prepare compiles every language's
// index before any page is read, telling each step, and that a second
// start finds them all in the cache and compiles none.
func TestPrepareCompilesOnce(t *testing.T) {
	roots, cache := wordLists(t), t.TempDir()
	log, hook := logtest.NewNullLogger()
	var steps []compileStep
	d := &dictionaries{cacheDir: cache, roots: roots, log: log}
	r, err := d.prepare(context.Background(), func(done, total int, lang string, compiled bool) {
		steps = append(steps, compileStep{done, total, lang, compiled})
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []compileStep{{1, 3, "de", true}, {2, 3, "nl", true}, {3, 3, "sv", true}}
	if !slices.Equal(steps, want) {
		t.Errorf("steps = %v, want %v", steps, want)
	}
	if r.langs != 3 || !slices.Equal(r.compiled, []string{"de", "nl", "sv"}) {
		t.Errorf("prepare = %+v, want 3 languages, all compiled", r)
	}
	if idx, _ := filepath.Glob(filepath.Join(cache, "*.idx")); len(idx) != 3 {
		t.Errorf("cache holds %v, want 3 indexes", idx)
	}
	if s := r.String(cache); !strings.Contains(s, "3 languages compiled in "+cache+" (3 compiled now") {
		t.Errorf("String() = %q", s)
	}
	var compiledLogs int
	for _, e := range hook.AllEntries() {
		if e.Message == "dictionaries compiled" {
			compiledLogs++
			if e.Data["langs"] != "de,nl,sv" {
				t.Errorf("logged langs %v, want de,nl,sv", e.Data["langs"])
			}
		}
	}
	if compiledLogs != 1 {
		t.Errorf("logged %q %d times, want once", "dictionaries compiled", compiledLogs)
	}
	// A site's first pass loads its languages: nothing new to log.
	hook.Reset()
	dicts, err := d.load(context.Background(), []string{"nl", "en"})
	if err != nil {
		t.Fatal(err)
	}
	if !dicts["nl"].Has("straat") || len(hook.AllEntries()) != 0 {
		t.Errorf("load after prepare: nl has straat %v, logs %v", dicts["nl"].Has("straat"), hook.AllEntries())
	}

	// The next process.
	steps = nil
	again := &dictionaries{cacheDir: cache, roots: roots}
	r, err = again.prepare(context.Background(), func(done, total int, lang string, compiled bool) {
		steps = append(steps, compileStep{done, total, lang, compiled})
	})
	if err != nil {
		t.Fatal(err)
	}
	want = []compileStep{{1, 3, "de", false}, {2, 3, "nl", false}, {3, 3, "sv", false}}
	if !slices.Equal(steps, want) || len(r.compiled) != 0 {
		t.Errorf("second start: steps %v, compiled %v; want every index found", steps, r.compiled)
	}
	if s := r.String(cache); !strings.HasSuffix(s, "(all up to date)") {
		t.Errorf("String() = %q, want all up to date", s)
	}
}

// TestPrepareStops checks that a cancelled prepare compiles nothing more
// and says why it stopped, and that without a cache it reads nothing.
func TestPrepareStops(t *testing.T) {
	roots, cache := wordLists(t), t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	d := &dictionaries{cacheDir: cache, roots: roots}
	_, err := d.prepare(ctx, func(done, total int, lang string, compiled bool) {
		if done == 1 {
			cancel()
		}
	})
	if err != context.Canceled {
		t.Errorf("prepare = %v, want context.Canceled", err)
	}
	if idx, _ := filepath.Glob(filepath.Join(cache, "*.idx")); len(idx) != 1 {
		t.Errorf("cache holds %v after the first language, want 1 index", idx)
	}

	none := &dictionaries{roots: roots}
	r, err := none.prepare(context.Background(), func(int, int, string, bool) { t.Error("step without a cache") })
	if err != nil || r.langs != 0 || none.lx != nil {
		t.Errorf("prepare without a cache = %+v, %v; want nothing opened", r, err)
	}
	if s := r.String(""); !strings.Contains(s, "not compiled (detectors.dict_cache: none)") {
		t.Errorf("String() = %q", s)
	}
}

// TestCompileProgress checks what a command shows on stderr and what the
// service logs: nothing when every index was cached, a count of languages
// when they had to be compiled.
func TestCompileProgress(t *testing.T) {
	roots, cache := wordLists(t), t.TempDir()
	var stderr bytes.Buffer
	d := &dictionaries{cacheDir: cache, roots: roots}
	if _, err := d.compile(context.Background(), &stderr, false); err != nil {
		t.Fatal(err)
	}
	if s := stderr.String(); !strings.Contains(s, "compiling dictionaries") || !strings.Contains(s, "(3/3") {
		t.Errorf("stderr while compiling = %q, want a bar counting 3/3 languages", s)
	}
	stderr.Reset()
	warm := &dictionaries{cacheDir: cache, roots: roots}
	if _, err := warm.compile(context.Background(), &stderr, false); err != nil {
		t.Fatal(err)
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr with every index cached = %q, want nothing", stderr.String())
	}

	log, hook := logtest.NewNullLogger()
	svc := &dictionaries{cacheDir: t.TempDir(), roots: roots, log: log}
	if _, err := svc.compile(context.Background(), &stderr, true); err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, e := range hook.AllEntries() {
		msgs = append(msgs, e.Message)
		if e.Level != logrus.InfoLevel {
			t.Errorf("%q logged at %v", e.Message, e.Level)
		}
	}
	if !slices.Equal(msgs, []string{"compiling dictionaries", "dictionaries compiled", "dictionaries ready"}) || stderr.Len() != 0 {
		t.Errorf("service logged %q and wrote %q; want a line as it starts, the languages compiled and one when ready, no bar", msgs, stderr.String())
	}
	if e := hook.LastEntry(); e.Data["langs"] != 3 || e.Data["compiled"] != 3 {
		t.Errorf("last line's fields %v, want 3 languages, 3 compiled", e.Data)
	}
	if e := hook.AllEntries()[0]; e.Data["total"] != 3 {
		t.Errorf("first line's fields %v, want total 3", e.Data)
	}
}
