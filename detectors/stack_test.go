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

// A Markdown post whose lines end in bare carriage returns is read by the
// stack once, as the same post with line feeds, and every detector gets that
// reading with its diff: the added lines are the changed line alone, not the
// whole post, and the edit itself is not changed. A wiki's text is left as
// it is.
func TestStackReadsBareCRLines(t *testing.T) {
	var got []*Input
	capture := func(in *Input) Result { got = append(got, in); return Result{} }
	s := &Stack{names: []string{"probe", "links"}, fns: []Func{capture, capture}}
	const (
		old = "The loader works again after the upgrade.\rThanks for the quick fix.\rIt saved my day."
		nw  = "The loader works again after the upgrade.\rThanks qovkte for the quick fix.\rIt saved my day."
	)
	e := &Edit{Anon: true, Format: FormatMarkdown, Old: old, New: nw}
	s.Score(e, nil)
	if e.New != nw || e.Old != old {
		t.Errorf("the stack changed the edit's text to %q, %q", e.Old, e.New)
	}
	if len(got) != 2 || got[0] != got[1] {
		t.Fatalf("the detectors got %d inputs, want one input shared by both", len(got))
	}
	in := got[0]
	if strings.Contains(in.Edit.New, "\r") || len(in.Edit.New) != len(nw) {
		t.Errorf("detectors read %q, want the post with line feeds for its bare carriage returns", in.Edit.New)
	}
	if want := []string{"Thanks qovkte for the quick fix."}; !slices.Equal(in.Added.Lines, want) {
		t.Errorf("added lines %q, want %q", in.Added.Lines, want)
	}
	if again, added := readLines(in); again != in || added != in.Added {
		t.Error("a detector read the stack's input again (a second diff)")
	}

	got = nil
	s.Score(&Edit{Anon: true, Old: old, New: nw}, nil)
	if len(got) != 2 || got[0].Edit.New != nw {
		t.Errorf("a wiki edit's text was read as %q, want it as saved", got[0].Edit.New)
	}
}

// Every detector of the stack judges a post with bare carriage returns as
// it judges the same post with line feeds.
func TestStackBareCRScores(t *testing.T) {
	s, err := NewStack(Names())
	if err != nil {
		t.Fatal(err)
	}
	env := &Env{Dicts: testDicts(t, true)}
	const (
		lf = "The loader works again after the upgrade.\n qovkte\nThanks, see https://cheap-pills-online.example/buy for the rest.\nIt saved my day."
		cr = "The loader works again after the upgrade.\r qovkte\rThanks, see https://cheap-pills-online.example/buy for the rest.\rIt saved my day."
	)
	got, want := s.Score(&Edit{Anon: true, Format: FormatMarkdown, New: cr}, env), s.Score(&Edit{Anon: true, Format: FormatMarkdown, New: lf}, env)
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
