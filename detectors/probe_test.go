package detectors

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// probeFixture is one testdata/detectors/*.edit file.
type probeFixture struct {
	name   string
	edit   Edit
	tokens []string // nil: the edit must score clean
}

func readProbeFixture(t *testing.T, path string) probeFixture {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fx := probeFixture{edit: Edit{Anon: true}}
	text := string(b)
	head, body, _ := strings.Cut(text, "-- ")
	body = "-- " + body
	for _, line := range strings.Split(head, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "name":
			fx.name = v
		case "anon":
			fx.edit.Anon = v == "true"
		case "want":
			if v != "clean" {
				f := strings.Fields(v)
				if len(f) < 2 || f[0] != "probe" {
					t.Fatalf("%s: bad want line %q", path, v)
				}
				fx.tokens = f[1:]
			}
		default:
			t.Fatalf("%s: unknown header %q", path, k)
		}
	}
	sections := map[string]*string{"-- old --\n": &fx.edit.Old, "-- new --\n": &fx.edit.New}
	for body != "" {
		var dst *string
		for marker, d := range sections {
			if strings.HasPrefix(body, marker) {
				dst = d
				body = body[len(marker):]
			}
		}
		if dst == nil {
			t.Fatalf("%s: expected a -- old -- or -- new -- section at %.20q", path, body)
		}
		end := strings.Index(body, "\n-- ")
		if end < 0 {
			*dst, body = strings.TrimSuffix(body, "\n"), ""
		} else {
			*dst, body = body[:end], body[end+1:]
		}
	}
	if fx.name == "" || fx.edit.New == "" {
		t.Fatalf("%s: missing name or new text", path)
	}
	return fx
}

func TestProbeFixtures(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "detectors", "*.edit"))
	if err != nil || len(paths) < 30 {
		t.Fatalf("found %d fixtures (%v)", len(paths), err)
	}
	for _, path := range paths {
		fx := readProbeFixture(t, path)
		t.Run(strings.TrimSuffix(filepath.Base(path), ".edit"), func(t *testing.T) {
			in := &Input{Edit: &fx.edit, Added: Diff(fx.edit.Old, fx.edit.New), Env: &Env{}}
			r := Probe(in)
			t.Logf("%s: score %.3f tokens %q", fx.name, r.Score, r.Tokens)
			if r.Detector != ProbeName {
				t.Errorf("Detector = %q", r.Detector)
			}
			if fx.tokens == nil {
				if r.Score >= 0.5 || len(r.Tokens) > 0 {
					t.Errorf("%s: score %.3f tokens %q, want clean; reasons:\n%s", fx.name, r.Score, r.Tokens, reasonLines(r))
				}
				if r.Score > 0.25 {
					t.Logf("near miss, reasons:\n%s", reasonLines(r))
				}
				return
			}
			if r.Score < 0.5 {
				t.Errorf("%s: score %.3f, want a probe; reasons:\n%s", fx.name, r.Score, reasonLines(r))
			}
			slices.Sort(r.Tokens)
			want := slices.Sorted(slices.Values(fx.tokens))
			if !slices.Equal(r.Tokens, want) {
				t.Errorf("%s: tokens %q, want %q", fx.name, r.Tokens, want)
			}
			for _, tok := range fx.tokens {
				if !hasReasonFor(r, ProbeRandomToken, tok) {
					t.Errorf("no %s reason about %q:\n%s", ProbeRandomToken, tok, reasonLines(r))
				}
			}
		})
	}
}

func hasReasonFor(r Result, code Code, subject string) bool {
	for _, rs := range r.Reasons {
		if rs.Code == code && rs.Subject == subject {
			return true
		}
	}
	return false
}

func reasonLines(r Result) string {
	var b strings.Builder
	for _, rs := range r.Reasons {
		fmt.Fprintf(&b, "\t%s (weight %.3f)\n", rs, rs.Weight)
	}
	return b.String()
}

// candidates runs the probe detector's judging on an edit and returns the
// judged words with their evidence terms, for tests and tuning.
func candidates(e *Edit, m *Model) []judged {
	if m == nil {
		m = BaseModel()
	}
	var p prober
	p.reset(m, Diff(e.Old, e.New), e.Anon)
	p.run()
	out := make([]judged, len(p.cands))
	for i := range p.cands {
		c := &p.cands[i]
		out[i] = judged{text: p.text[c.w.lo:c.w.hi], evidence: c.evidence, score: c.score, bits: c.bits,
			letters: c.symHi - c.symLo, terms: slices.Clone(c.terms[:c.nterms])}
	}
	return out
}

type judged struct {
	text     string
	evidence float64
	score    float64
	bits     float64
	letters  int
	terms    []probeTerm
}

func (j judged) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q %.1f bits (%.1f/letter) evidence %.1f:", j.text, j.bits, j.bits/float64(j.letters+1), j.evidence)
	for _, t := range j.terms {
		fmt.Fprintf(&b, " %s %+.1f", t.kind, t.bits)
	}
	return b.String()
}
