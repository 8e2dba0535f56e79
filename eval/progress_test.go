package eval

import (
	"bytes"
	"strings"
	"testing"
)

func TestProgressShown(t *testing.T) {
	var buf bytes.Buffer
	for _, tc := range []struct {
		allowed bool
		size    int64
		shown   bool
	}{
		{true, largeCorpus, true}, // not a terminal, but a long run
		{true, largeCorpus - 1, false},
		{true, -1, false}, // unknown size
		{false, largeCorpus, false},
	} {
		if p := newProgress(tc.allowed, tc.size, &buf); (p != nil) != tc.shown {
			t.Errorf("allowed %v, size %d: shown %v, want %v", tc.allowed, tc.size, p != nil, tc.shown)
		}
	}

	p := newProgress(true, largeCorpus, &buf)
	r := p.reader(strings.NewReader(strings.Repeat("x", 1000)))
	if _, err := r.Read(make([]byte, 1000)); err != nil {
		t.Fatal(err)
	}
	p.finish()
	if !strings.Contains(buf.String(), "scoring") {
		t.Errorf("no bar drawn: %q", buf.String())
	}
	var none *progress // shown nowhere, and safe to use
	none.clear()
	none.finish()
}
