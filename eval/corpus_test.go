package eval

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// smallBad are the bad lines of testdata/eval/small.jsonl and how each is
// reported.
var smallBad = map[int]error{
	4:  ErrInvalidJSON,  // unterminated string
	9:  ErrMissingLabel, // no "label"
	12: ErrBadLabel,     // "label": "spam"
	14: ErrInvalidJSON,  // "anon": "yes"
}

func TestReadCorpus(t *testing.T) {
	f := openTestdata(t, "small.jsonl")
	bad := map[int]error{}
	var ids []string
	anon := map[string]bool{}
	for rec, err := range ReadCorpus(f, func(line int, err error) { bad[line] = err }) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, rec.ID)
		anon[rec.ID] = rec.Anon
	}
	if got, want := strings.Join(ids, " "), "r1 r2 r3 r4 r5 r6 v1 v2 v3 v4 v5 v6 r7 r8"; got != want {
		t.Errorf("records %q, want %q", got, want)
	}
	if len(bad) != len(smallBad) {
		t.Errorf("bad lines %v, want %v", bad, smallBad)
	}
	for line, want := range smallBad {
		if !errors.Is(bad[line], want) {
			t.Errorf("line %d: error %v, want %v", line, bad[line], want)
		}
	}
	// r1 says anon true, r3 false, r2 nothing: missing counts as anonymous.
	for id, want := range map[string]bool{"r1": true, "r2": true, "r3": false} {
		if anon[id] != want {
			t.Errorf("%s: Anon %v, want %v", id, anon[id], want)
		}
	}
}

func TestReadCorpusEdges(t *testing.T) {
	long := strings.Repeat("x", 300<<10) // longer than the reader's buffer
	in := "\uFEFF" + `{"label":"regular","id":"a"}` + "\r\n\n   \n" +
		`{"label":"vandalism","id":"b","new":"` + long + `","kind":"probe","anon":false}` // no final newline
	var recs []Record
	for rec, err := range ReadCorpus(strings.NewReader(in), func(line int, err error) {
		t.Errorf("line %d: unexpected %v", line, err)
	}) {
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rec)
	}
	if len(recs) != 2 {
		t.Fatalf("got %d records, want 2", len(recs))
	}
	if r := recs[0]; r.ID != "a" || r.Line != 1 || r.Vandalism || !r.Anon {
		t.Errorf("first record %+v", r)
	}
	if r := recs[1]; r.ID != "b" || r.Line != 4 || !r.Vandalism || r.Anon || r.Kind != "probe" || len(r.New) != len(long) {
		t.Errorf("second record: id %q line %d vandalism %v anon %v kind %q len(new) %d", r.ID, r.Line, r.Vandalism, r.Anon, r.Kind, len(r.New))
	}
}

func TestReadCorpusReadError(t *testing.T) {
	boom := errors.New("boom")
	r := io.MultiReader(strings.NewReader(`{"label":"regular"}`+"\n"), iotest.ErrReader(boom))
	var n int
	var last error
	for _, err := range ReadCorpus(r, nil) {
		n++
		last = err
	}
	if n != 2 || !errors.Is(last, boom) {
		t.Errorf("got %d pairs ending in %v, want a record then %v", n, last, boom)
	}
}

func TestReadCorpusStopEarly(t *testing.T) {
	in := strings.Repeat(`{"label":"regular"}`+"\n", 5)
	n := 0
	for range ReadCorpus(strings.NewReader(in), nil) {
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("n = %d", n)
	}
}
