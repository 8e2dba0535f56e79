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
