package detectors

import (
	"slices"
	"strings"
	"testing"
)

func TestNames(t *testing.T) {
	if got, want := Names(), []string{"probe", "links"}; !slices.Equal(got, want) {
		t.Errorf("Names() = %q, want %q", got, want)
	}
}

func TestNewStack(t *testing.T) {
	s, err := NewStack([]string{"links", "probe", "links"})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Names(); !slices.Equal(got, []string{"probe", "links"}) {
		t.Errorf("stack order = %q, want the fixed order", got)
	}
	e := &Edit{Anon: true, Old: "The river flows north.", New: "The river xkqzvbwpl flows north. See http://example.com/"}
	res := s.Score(e, nil)
	if len(res) != 2 || res[0].Detector != "probe" || res[1].Detector != "links" {
		t.Fatalf("results = %+v", res)
	}
	if res[0].Score < 0.5 || !slices.Contains(res[0].Tokens, "xkqzvbwpl") {
		t.Errorf("probe result = %+v", res[0])
	}

	only, err := NewStack([]string{"probe"})
	if err != nil {
		t.Fatal(err)
	}
	if res := only.Score(e, &Env{}); len(res) != 1 || res[0].Detector != "probe" {
		t.Errorf("probe-only stack results = %+v", res)
	}
}

func TestNewStackUnknown(t *testing.T) {
	_, err := NewStack([]string{"probe", "spelling"})
	if err == nil || !strings.Contains(err.Error(), `"spelling"`) {
		t.Errorf("err = %v, want it to name the unknown detector", err)
	}
}

func TestStackNilEdit(t *testing.T) {
	s, err := NewStack(Names())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range s.Score(nil, nil) {
		if r.Score != 0 || len(r.Reasons) != 0 {
			t.Errorf("%s scored a nil edit: %+v", r.Detector, r)
		}
	}
}

// A Markdown post whose lines end in bare carriage returns is read by every
// detector of the stack as the same post with line feeds: the probe and the
// links of each line are judged alike, and the edit itself is not changed.
func TestStackReadsBareCRLines(t *testing.T) {
	s, err := NewStack(Names())
	if err != nil {
		t.Fatal(err)
	}
	env := &Env{Dicts: testDicts(t, true)}
	const (
		lf = "The loader works again after the upgrade.\n qovkte\nThanks, see https://cheap-pills-online.example/buy for the rest.\nIt saved my day."
		cr = "The loader works again after the upgrade.\r qovkte\rThanks, see https://cheap-pills-online.example/buy for the rest.\rIt saved my day."
	)
	e := &Edit{Anon: true, Format: FormatMarkdown, New: cr}
	got, want := s.Score(e, env), s.Score(&Edit{Anon: true, Format: FormatMarkdown, New: lf}, env)
	if e.New != cr {
		t.Errorf("the stack changed the edit's text to %q", e.New)
	}
	for i := range want {
		if got[i].Score != want[i].Score || !slices.Equal(got[i].Tokens, want[i].Tokens) || len(got[i].Reasons) != len(want[i].Reasons) {
			t.Errorf("%s: bare CRs %.3f %v %d reasons, line feeds %.3f %v %d reasons", want[i].Detector,
				got[i].Score, got[i].Tokens, len(got[i].Reasons), want[i].Score, want[i].Tokens, len(want[i].Reasons))
		}
	}
	if !slices.Contains(got[0].Tokens, "qovkte") {
		t.Errorf("probe tokens %v, want the word on a line of its own", got[0].Tokens)
	}
}
