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
		case "lang":
			fx.edit.Lang = v
		case "title":
			fx.edit.Title = v
		case "format":
			fx.edit.Format = Format(v)
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
			in := &Input{Edit: &fx.edit, Added: Diff(fx.edit.Old, fx.edit.New), Env: &Env{Dicts: testDicts(t, false)}}
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

// probePost judges text as an anonymous English Markdown post.
func probePost(env *Env, text string) Result {
	e := &Edit{Anon: true, New: text, Format: FormatMarkdown, Lang: "en"}
	return Probe(&Input{Edit: e, Added: Diff("", text), Env: env})
}

// slotted is post with slot in its "SLOT " place, or with the place taken
// out when slot is empty.
func slotted(post, slot string) string {
	if slot == "" {
		return strings.Replace(post, "SLOT ", "", 1)
	}
	return strings.Replace(post, "SLOT ", slot+" ", 1)
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
		out[i] = judged{text: p.text[c.w.Lo:c.w.Hi], evidence: c.evidence, score: c.score, bits: c.bits,
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

func TestProbeReasons(t *testing.T) {
	e := &Edit{Anon: true, Old: "The river flows north.\nIt floods.", New: "The river flows xkqzvbwpl north.\nIt floods."}
	r := Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: &Env{}})
	if r.Score < 0.99 || !slices.Equal(r.Tokens, []string{"xkqzvbwpl"}) {
		t.Fatalf("result %+v", r)
	}
	var sum float64
	codes := map[Code]string{}
	for _, rs := range r.Reasons {
		if rs.Subject != "xkqzvbwpl" || rs.Weight <= 0 {
			t.Errorf("reason %+v", rs)
		}
		sum += rs.Weight
		codes[rs.Code] = rs.Detail
	}
	if sum < r.Score-0.01 || sum > r.Score+0.01 {
		t.Errorf("weights add up to %.3f, score %.3f", sum, r.Score)
	}
	if d := codes[ProbeRandomToken]; !strings.Contains(d, "the built-in letter model") || !strings.Contains(d, "1 in 10^") {
		t.Errorf("random-token detail %q", d)
	}
	if d := codes[ProbeNoVowels]; d != "no vowels in 9 letters" {
		t.Errorf("no-vowels detail %q", d)
	}
	if d := codes[ProbeIsolated]; d != "new to the page, slipped into a line the page already had, added by an anonymous editor" {
		t.Errorf("isolated detail %q", d)
	}

	// The wiki's own model is named as such.
	r = Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: &Env{Model: Train([]string{"The river flows north."})}})
	if !strings.Contains(r.Reasons[0].Detail, "this wiki's letter model") {
		t.Errorf("detail %q", r.Reasons[0].Detail)
	}
}

func TestProbeShapes(t *testing.T) {
	sym := func(s string) []uint8 { x, _ := foldWord(nil, s); return x }
	if k, at := probeKeyboardRun(sym("xasdfgx")); k != 5 || at != 1 {
		t.Errorf("keyboard run of xasdfgx = %d at %d", k, at)
	}
	if k, _ := probeKeyboardRun(sym("qwerty")); k != 6 {
		t.Errorf("keyboard run of qwerty = %d", k)
	}
	if k, _ := probeKeyboardRun(sym("river")); k >= 4 {
		t.Errorf("keyboard run of river = %d", k)
	}
	if p, r := probeRepeatedChunk(sym("asdasdasd")); p != 3 || r != 3 {
		t.Errorf("repeats of asdasdasd = %d×%d", p, r)
	}
	if _, r := probeRepeatedChunk(sym("couscous")); r >= 3 {
		t.Errorf("couscous repeats %d times", r)
	}
	if p, r := probeRepeatedChunk(sym("zzzzzz")); p != 1 || r != 4 {
		t.Errorf("repeats of zzzzzz = %d×%d", p, r)
	}
	if v, run := probeVowels(sym("strengths")); v != 1 || run != 5 {
		t.Errorf("vowels of strengths = %d, run %d", v, run)
	}
}

func TestProbeNoInput(t *testing.T) {
	for _, in := range []*Input{nil, {}, {Edit: &Edit{}}, {Edit: &Edit{Old: "a", New: ""}}, {Edit: &Edit{New: "xkqzvbwpl"}, Added: &Added{Lines: []string{"xkqzvbwpl"}}}} {
		r := Probe(in)
		if r.Detector != ProbeName {
			t.Errorf("Probe(%+v).Detector = %q", in, r.Detector)
		}
		if in != nil && in.Added != nil && r.Score < 0.5 {
			// An Added not made by Diff is recomputed from the edit.
			t.Errorf("hand-made Added: score %.3f", r.Score)
		}
	}
}

func TestProbeDoesNotMutateInput(t *testing.T) {
	e := &Edit{Anon: true, Old: "The river flows.", New: "The river xkqzvbwpl flows."}
	a := Diff(e.Old, e.New)
	before, lines := *e, slices.Clone(a.Lines)
	Probe(&Input{Edit: e, Added: a, Env: &Env{}})
	if *e != before || !slices.Equal(a.Lines, lines) {
		t.Error("Probe changed its input")
	}
}

// TestProbeFixturesWithoutDictionaries runs the fixtures as a machine with
// no dictionary installed judges them: the hard negatives must stay clean;
// probes missed without the dictionaries' evidence are logged.
func TestProbeFixturesWithoutDictionaries(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "detectors", "*.edit"))
	missed := 0
	for _, path := range paths {
		fx := readProbeFixture(t, path)
		r := Probe(&Input{Edit: &fx.edit, Added: Diff(fx.edit.Old, fx.edit.New), Env: &Env{}})
		switch {
		case fx.tokens == nil && len(r.Tokens) > 0:
			t.Errorf("%s: %q flagged without dictionaries:\n%s", filepath.Base(path), r.Tokens, reasonLines(r))
		case fx.tokens != nil && len(r.Tokens) == 0:
			missed++
			t.Logf("%s: missed without dictionaries (score %.3f)", filepath.Base(path), r.Score)
		}
	}
	t.Logf("%d probe fixtures missed without dictionaries", missed)
}

// TestProbeProductVersions: in a post, a product's name joined to its
// version is a name, however odd its letters; a random draw of letters and
// digits beside it is still a token.
func TestProbeProductVersions(t *testing.T) {
	env := &Env{Dicts: testDicts(t, true)}
	for _, tt := range []struct{ new, want string }{
		{"Since the move to QuokkaV1 the queue stalls every night. Has anyone tried the Kazoo2D plugin with it?", ""},
		{"Since the move to QuokkaV1 the queue stalls every night. Has anyone tried the k7Qz2xWp plugin with it?", "k7Qz2xWp"},
	} {
		e := &Edit{Anon: true, New: tt.new, Format: FormatMarkdown}
		r := Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
		if got := strings.Join(r.Tokens, " "); got != tt.want {
			t.Errorf("post %q: tokens %q, want %q\n%s", tt.new, got, tt.want, reasonLines(r))
		}
	}
}

// TestProbeMarkdown scores forum posts: a token in a Markdown post is
// caught wherever it sits in text, never in code, URLs or link targets.
func TestProbeMarkdown(t *testing.T) {
	env := &Env{Dicts: testDicts(t, false)}
	old := "Thanks for the guide, it worked on my machine.\n\n> which version did you use?\n"
	for _, tt := range []struct{ new, want string }{
		{old + "\nI used the [latest xkqzvbwpl release](https://example.com/r) from the site.", "xkqzvbwpl"},
		{old + "\nxkqzvbwpl", "xkqzvbwpl"},
		{old + "\n- step one Xk7q9ZpW\n- step two", "Xk7q9ZpW"},
		{old + "\nRun `xkqzvbwpl --fast` and see https://example.com/xkqzvbwpl for more.", ""},
		{old + "\n```\nxkqzvbwpl = h4ks8d92()\n```\n", ""},
		// Code: prose set as code is read as prose, a blatant draw alone in
		// code is judged, identifiers among code are not.
		{old + "\nI asked `why is my xkqzvbwpl code not running` in the chat.", "xkqzvbwpl"},
		{old + "\nHi,\n\n    thanks for the xkqzvbwpl answer, it was very helpful to me\n", "xkqzvbwpl"},
		{old + "\nThe value `Xk7q9ZpWm4` is what I get back.", "Xk7q9ZpWm4"},
		{old + "\nThe value `xkqzvbwpl` is what I get back.", ""},
		// A blatant draw standing apart in a code line is judged; an id
		// joined to the code (quoted, a key's value) is the code's.
		{old + "\n```\nerror: Xk7q9ZpWm4 at /usr/lib/x.so\n```\n", "Xk7q9ZpWm4"},
		{old + "\n```\nerror: id='Xk7q9ZpWm4' at /usr/lib/x.so\n```\n", ""},
	} {
		e := &Edit{Anon: true, Old: old, New: tt.new, Format: FormatMarkdown}
		r := Probe(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
		got := strings.Join(r.Tokens, " ")
		if got != tt.want {
			t.Errorf("post %q: tokens %q, want %q\n%s", tt.new[len(old):], got, tt.want, reasonLines(r))
		}
	}
}
