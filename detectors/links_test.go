package detectors

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/internal/testcorpus"
	"github.com/wikiwarden/wikiwarden/textview"
)

// linksFixture is one testdata/links/*.txt case: a description, a "want"
// section of expectations, and the old and new wikitext.
//
// Want lines:
//
//	min 0.7 / max 0.3          score bounds
//	links N                    number of added links
//	link URL DOMAIN [ANCHOR]   one expected link (in order of the link lines)
//	code C...                  reason codes that must be present
//	nocode C...                reason codes that must be absent
//	known D... / spam D...     the wiki's domain history (non-nil when given)
type linksFixture struct {
	name       string
	old, new   string
	min, max   float64
	nLinks     int
	links      []Link
	codes      []Code
	nocodes    []Code
	known      []string
	spam       []string
	hasHistory bool
}

func readLinksFixture(t *testing.T, path string) linksFixture {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f := linksFixture{name: strings.TrimSuffix(filepath.Base(path), ".txt"), min: 0, max: 1, nLinks: -1}
	sections := map[string]string{}
	var cur string
	var b strings.Builder
	flush := func() {
		if cur != "" {
			sections[cur] = strings.TrimSuffix(b.String(), "\n")
		}
		b.Reset()
	}
	for _, line := range strings.SplitAfter(string(data), "\n") {
		trimmed := strings.TrimRight(line, "\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") {
			flush()
			cur = strings.TrimSuffix(strings.TrimPrefix(trimmed, "-- "), " --")
			continue
		}
		b.WriteString(line)
	}
	flush()
	f.old, f.new = sections["old"], sections["new"]
	for _, line := range strings.Split(sections["want"], "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		num := func() float64 {
			v, err := strconv.ParseFloat(fields[1], 64)
			if err != nil {
				t.Fatalf("%s: %q: %v", path, line, err)
			}
			return v
		}
		switch fields[0] {
		case "min":
			f.min = num()
		case "max":
			f.max = num()
		case "links":
			f.nLinks = int(num())
		case "link":
			l := Link{URL: fields[1], Domain: fields[2]}
			if len(fields) > 3 {
				l.Anchor = strings.Join(fields[3:], " ")
			}
			f.links = append(f.links, l)
		case "code":
			for _, c := range fields[1:] {
				f.codes = append(f.codes, Code(c))
			}
		case "nocode":
			for _, c := range fields[1:] {
				f.nocodes = append(f.nocodes, Code(c))
			}
		case "known":
			f.known, f.hasHistory = append(f.known, fields[1:]...), true
		case "spam":
			f.spam, f.hasHistory = append(f.spam, fields[1:]...), true
		default:
			t.Fatalf("%s: unknown want line %q", path, line)
		}
	}
	return f
}

// linksTestHistory is a DomainHistory backed by two sets.
type linksTestHistory struct {
	known, spam map[string]bool
}

func newLinksTestHistory(known, spam []string) *linksTestHistory {
	h := &linksTestHistory{known: map[string]bool{}, spam: map[string]bool{}}
	for _, d := range known {
		h.known[d] = true
	}
	for _, d := range spam {
		h.spam[d] = true
	}
	return h
}

func (h *linksTestHistory) Known(d string) bool { return h.known[d] || h.spam[d] }
func (h *linksTestHistory) Spam(d string) bool  { return h.spam[d] }

// linksTestInput builds an Input the way the bot does, with a line diff.
func linksTestInput(old, new string, domains DomainHistory) *Input {
	return &Input{
		Edit:  &Edit{Title: "Test", User: "192.0.2.1", Anon: true, Old: old, New: new},
		Added: &Added{Lines: linksAddedLines(old, new)},
		Env:   &Env{Domains: domains},
	}
}

func hasReason(r Result, c Code) bool {
	for _, reason := range r.Reasons {
		if reason.Code == c {
			return true
		}
	}
	return false
}

func TestLinksFixtures(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "links", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, path := range paths {
		f := readLinksFixture(t, path)
		t.Run(f.name, func(t *testing.T) {
			var hist DomainHistory
			if f.hasHistory {
				hist = newLinksTestHistory(f.known, f.spam)
			}
			r := Links(linksTestInput(f.old, f.new, hist))
			if r.Detector != "links" {
				t.Errorf("Detector = %q", r.Detector)
			}
			if r.Score < f.min || r.Score > f.max {
				t.Errorf("score %.3f, want in [%.2f, %.2f]", r.Score, f.min, f.max)
			}
			if f.nLinks >= 0 && len(r.Links) != f.nLinks {
				t.Errorf("%d links, want %d", len(r.Links), f.nLinks)
			}
			for i, want := range f.links {
				if i >= len(r.Links) {
					break
				}
				got := r.Links[i]
				got.Place = 0 // the fixtures give no place: TestLinksPlace checks it
				if got != want {
					t.Errorf("link %d = %+v, want %+v", i, got, want)
				}
			}
			if len(r.Links) > 0 && !hasReason(r, LinkAdded) {
				t.Errorf("links added without %s", LinkAdded)
			}
			for _, c := range f.codes {
				if !hasReason(r, c) {
					t.Errorf("missing reason %s", c)
				}
			}
			for _, c := range f.nocodes {
				if hasReason(r, c) {
					t.Errorf("unexpected reason %s", c)
				}
			}
			sum := 0.0
			for _, reason := range r.Reasons {
				sum += reason.Weight
			}
			if min(sum, 1) < r.Score-0.001 || min(sum, 1) > r.Score+0.001 {
				t.Errorf("reason weights sum to %.3f, score %.3f", sum, r.Score)
			}
			if t.Failed() || testing.Verbose() {
				for _, reason := range r.Reasons {
					t.Logf("  %.3f %s", reason.Weight, reason)
				}
			}
		})
	}
}

// TestLinksRealRegularEdits scores real good-faith edits that added links
// of the shared corpus (ClueBot NG reviewed edits, testcorpus.RegularLinkEdits):
// none may look like spam on its own evidence, known domains or not.
func TestLinksRealRegularEdits(t *testing.T) {
	histories := map[string]DomainHistory{"no history": nil, "nothing known": newLinksTestHistory(nil, nil)}
	n, withLinks := 0, 0
	for _, rec := range testcorpus.RegularLinkEdits(t) {
		n++
		for name, hist := range histories {
			r := Links(linksTestInput(rec.Old, rec.New, hist))
			if name == "no history" && len(r.Links) > 0 {
				withLinks++
			}
			if r.Score >= 0.7 {
				t.Errorf("%s (%s), %s: score %.2f: %v", rec.ID, rec.Title, name, r.Score, r.Reasons)
			}
		}
	}
	t.Logf("%d real regular edits, %d add links, none scores >= 0.7", n, withLinks)
}

// TestLinksRealArticles scores whole real articles (the shared corpus) as if
// an anonymous editor created them on a wiki that knows no domain: a sourced
// article is not link spam, however many references it has.
func TestLinksRealArticles(t *testing.T) {
	paths := testcorpus.PagePaths(t, "*.txt")
	paths = append(paths, testcorpus.PagePaths(t, "non-english/*.txt")...)
	worst, worstName, links := 0.0, "", 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, hist := range []DomainHistory{nil, newLinksTestHistory(nil, nil)} {
			r := Links(linksTestInput("", string(data), hist))
			if r.Score >= 0.7 {
				t.Errorf("%s: score %.2f: %v", filepath.Base(p), r.Score, r.Reasons)
			}
			if r.Score > worst {
				worst, worstName = r.Score, filepath.Base(p)
			}
			if hist == nil {
				links += len(r.Links)
			}
		}
	}
	t.Logf("%d articles with %d links created from scratch: highest score %.2f (%s)", len(paths), links, worst, worstName)
}

func TestLinksEmpty(t *testing.T) {
	for _, in := range []*Input{
		nil,
		{},
		{Edit: &Edit{Old: "a", New: "a"}, Added: &Added{}},
		{Edit: &Edit{Old: "", New: "plain text, no links"}},
	} {
		r := Links(in)
		if r.Detector != "links" || r.Score != 0 || len(r.Links) != 0 || len(r.Reasons) != 0 {
			t.Errorf("Links(%+v) = %+v", in, r)
		}
	}
}

func TestLinksNilEnvAndAdded(t *testing.T) {
	in := &Input{Edit: &Edit{Old: "A.", New: "A.\n[http://www.example.org x]"}}
	r := Links(in)
	if len(r.Links) != 1 || r.Links[0].Domain != "example.org" {
		t.Fatalf("Links = %+v", r.Links)
	}
	// With no domain history the domain is new to the page, which memory
	// may act on, but that weighs nothing: the score is the link's alone.
	if !hasReason(r, LinkNewDomain) {
		t.Errorf("no LinkNewDomain for a domain the page does not link, with no domain history")
	}
	for _, x := range r.Reasons {
		if x.Code == LinkNewDomain && x.Weight != 0 {
			t.Errorf("LinkNewDomain weighs %.2f without a domain history, want 0", x.Weight)
		}
	}
	in = &Input{Edit: &Edit{Old: "A. [http://www.example.org/a y]", New: "A. [http://www.example.org/a y]\n[http://www.example.org x]"}}
	if r := Links(in); hasReason(r, LinkNewDomain) {
		t.Errorf("LinkNewDomain for a domain the page already links, with no domain history")
	}
}

func TestLinksDoesNotMutateInput(t *testing.T) {
	lines := []string{"[http://bit.ly/x cheap viagra] http://a.example.com"}
	in := &Input{Edit: &Edit{New: lines[0]}, Added: &Added{Lines: lines}}
	before := *in.Edit
	Links(in)
	if *in.Edit != before || lines[0] != "[http://bit.ly/x cheap viagra] http://a.example.com" {
		t.Error("input mutated")
	}
}

func TestLinksHostParsing(t *testing.T) {
	tests := []struct {
		raw, host, domain string
		ok, ip            bool
	}{
		{"http://www.example.com", "www.example.com", "example.com", true, false},
		{"HTTPS://WWW.Example.COM/Path", "www.example.com", "example.com", true, false},
		{"//news.bbc.co.uk/x", "news.bbc.co.uk", "bbc.co.uk", true, false},
		{"http://example.com:8080/", "example.com", "example.com", true, false},
		{"http://user:pw@example.com/", "example.com", "example.com", true, false},
		{"http://198.51.100.7:81/x", "198.51.100.7", "198.51.100.7", true, true},
		{"http://[2001:db8::1]:8080/x", "2001:db8::1", "2001:db8::1", true, true},
		{"http://bücher.de/", "xn--bcher-kva.de", "xn--bcher-kva.de", true, false},
		{"http://пример.рф/", "xn--e1afmkfd.xn--p1ai", "xn--e1afmkfd.xn--p1ai", true, false},
		{"http://münchen.example.com/", "xn--mnchen-3ya.example.com", "example.com", true, false},
		{"http://foo.blogspot.com/", "foo.blogspot.com", "foo.blogspot.com", true, false},
		{"http://greentrade.wordpress.com/x", "greentrade.wordpress.com", "greentrade.wordpress.com", true, false},
		{"http://www.wordpress.com/x", "www.wordpress.com", "wordpress.com", true, false},
		{"http://a.b.tumblr.com/", "a.b.tumblr.com", "b.tumblr.com", true, false},
		{"http://example.com./", "example.com", "example.com", true, false},
		{"http://localhost/", "localhost", "localhost", true, false},
		{"http:///nohost", "", "", false, false},
		{"mailto://x", "", "", false, false},
		{"http://bad host/", "", "", false, false},
	}
	for _, tt := range tests {
		l, ok := newFoundLink(tt.raw, 0)
		if ok != tt.ok || l.host != tt.host || l.domain != tt.domain || l.ip != tt.ip {
			t.Errorf("newFoundLink(%q) = %q %q ip=%v ok=%v, want %q %q ip=%v ok=%v",
				tt.raw, l.host, l.domain, l.ip, ok, tt.host, tt.domain, tt.ip, tt.ok)
		}
	}
}

func TestLinkInText(t *testing.T) {
	old := "See http://example.com/page and [https://x.org/a/ x] or //cdn.example.net/lib.js."
	tests := []struct {
		url  string
		want bool
	}{
		{"http://example.com/page", true},
		{"https://example.com/page", true},
		{"http://example.com", false}, // a prefix of an old link is another link
		{"http://example.com/pag", false},
		{"//x.org/a", true},
		{"http://x.org/a", true},
		{"https://cdn.example.net/lib.js", true},
		{"http://ample.com/page", false},
	}
	for _, tt := range tests {
		if got := linkInText(old, tt.url); got != tt.want {
			t.Errorf("linkInText(%q) = %v, want %v", tt.url, got, tt.want)
		}
	}
}

func TestASCIIHostPunycode(t *testing.T) {
	// Vectors from RFC 3492 section 7.1 and common IDNs, as labels of a
	// host.
	tests := map[string]string{
		"bücher":            "bcher-kva",
		"münchen":           "mnchen-3ya",
		"пример":            "e1afmkfd",
		"рф":                "p1ai",
		"例え":                "r8jz45g",
		"ليهمابتكلموشعربي؟": "egbpdaj6bu4bxfgehfvwxn",
		"他们为什么不说中文":         "ihqwcrb4cv8a8dqg056pqjye",
	}
	for in, want := range tests {
		if got := asciiHost(in + ".example"); got != "xn--"+want+".example" {
			t.Errorf("asciiHost(%q) = %q, want %q", in+".example", got, "xn--"+want+".example")
		}
	}
}

func TestExtractLinksAnchorsAndFlags(t *testing.T) {
	text := `Text<ref>{{cite news |title=Mayor re-elected |url=https://www.theguardian.com/a |archive-url=https://archive.ph/abc}}</ref>` +
		"\n" + `<span style="font-size:0">[http://hidden.example.net x]</span> [http://visible.example.net y]` +
		"\n" + `<div style="font-size:0.9em">[http://small.example.org z]</div>`
	got, _ := readLinks(FormatWikitext, text, text)
	want := []struct {
		domain, anchor         string
		cited, archive, hidden bool
	}{
		{"theguardian.com", "Mayor re-elected", true, false, false},
		{"archive.ph", "Mayor re-elected", true, true, false},
		{"example.net", "x", false, false, true},
		{"example.net", "y", false, false, false},
		{"example.org", "z", false, false, false},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d links: %+v", len(got), got)
	}
	for i, w := range want {
		g := got[i]
		cited, archive, hidden := g.place&textview.LinkCited != 0, g.place&textview.LinkArchive != 0, g.place&textview.LinkHidden != 0
		if g.domain != w.domain || g.anchor != w.anchor || cited != w.cited || archive != w.archive || hidden != w.hidden {
			t.Errorf("link %d = %+v, want %+v", i, g, w)
		}
	}
}

func TestInsertedPart(t *testing.T) {
	old := "First line of the article.\nThe garden has over 200 species of roses.\nLast."
	tests := []struct{ line, want string }{
		{"The garden has over 200 species of roses. [http://x.com y]", " [http://x.com y]"},
		{"The garden has [http://x.com y] over 200 species of roses.", "[http://x.com y] "},
		{"A completely new paragraph about something else.", "A completely new paragraph about something else."},
	}
	for _, tt := range tests {
		if got := insertedPart(tt.line, old); got != tt.want {
			t.Errorf("insertedPart(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

func TestProseWords(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"Useful sites: [http://a.com portal] [http://b.com hub]", 2},
		{"The town voted.<ref>{{cite web|url=http://x.com|title=A B C}}</ref> It was close.", 6},
		{"See http://example.com/a-b now", 2},
		{"* [http://x.com/ Official website]", 0},
		{"Text <ref name=a>{{cite web\n|url=http://x.com\n|title=Casino news}}</ref> <span>end</span>", 2},
	}
	for _, tt := range tests {
		links, markup := readLinks(FormatWikitext, tt.text, tt.text)
		a, got := newAddedText(tt.text, "", markup, links), 0
		for i := range a.starts {
			got += countWords(a.prose(i))
		}
		if got != tt.want {
			t.Errorf("prose words of %q = %d, want %d", tt.text, got, tt.want)
		}
	}
}

func TestSpamTerms(t *testing.T) {
	hits := findSpamTerms(normWords("Buy CHEAP Viagra online, no-prescription! Online casinos."), nil)
	got := map[string]bool{}
	for _, h := range hits {
		got[h.term] = true
	}
	for _, want := range []string{"viagra", "no prescription", "buy cheap", "online casino"} {
		if !got[want] {
			t.Errorf("missing %q in %v", want, hits)
		}
	}
	if got["casino"] || got["cheap"] {
		t.Errorf("a phrase's own words counted again: %v", hits)
	}
	if hits := findSpamTerms(normWords("The slotted spoon and the topaz."), nil); len(hits) != 0 {
		t.Errorf("partial words matched: %v", hits)
	}
}

func BenchmarkLinks(b *testing.B) {
	// A 60 kB article of distinct lines, each with a citation.
	var page strings.Builder
	for i := range 400 {
		fmt.Fprintf(&page, "In %d the town council voted to leave the regional partnership, as [[Example]] "+
			"had done before.<ref>{{cite web|url=https://www.example.org/a/%d|title=A}}</ref>\n", 1600+i, i)
	}
	old := page.String()
	cases := []struct{ name, new string }{
		{"reference", strings.Replace(old, "In 1800 the town council voted to leave the regional partnership,",
			"In 1800 the town council voted to leave the regional partnership,<ref>{{cite web |url=https://www.bbc.co.uk/news/uk-48561234 |title=Vote |work=BBC}}</ref>", 1)},
		{"spam", strings.Replace(old, "In 1900 the", "In 1900 [https://bit.ly/3xYz Best online casino bonus] [http://cheap-pills-rx.com/viagra buy viagra] the", 1)},
		{"nolinks", strings.Replace(old, "In 1700 the town", "In 1700 the old town", 1)},
		{"creation", old},
	}
	hist := newLinksTestHistory([]string{"bbc.co.uk", "example.org"}, nil)
	for _, c := range cases {
		o := old
		if c.name == "creation" {
			o = ""
		}
		in := linksTestInput(o, c.new, hist)
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.new)))
			for b.Loop() {
				Links(in)
			}
		})
	}
}

// FuzzLinks checks that any wikitext is handled without panics and with
// well-formed results.
func FuzzLinks(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "links", "*.txt"))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		old, new, _ := strings.Cut(string(data), "-- new --")
		f.Add(old, new)
	}
	f.Add("", "[//")
	f.Add("x", "{{cite web|url=http://a.b|title=}}}}{{")
	f.Add("", "<ref name=x/><ref>http://[::1]:80/ <div style='display:none'>http://ü.例え.jp")
	// Letters whose lower case is longer (U+023A), and invalid UTF-8, once
	// shifted offsets found in a lowered copy.
	f.Add("x", "x\n{{cite web|url=http://spam.example.com/|publisher="+strings.Repeat("Ⱥ", 20)+"|title=x}}\n")
	f.Add("x", "x\n<span style=\"display:none\">\xff\xffȺȺ http://spam.example.com/ </SPAN>\n")
	f.Fuzz(func(t *testing.T, old, new string) {
		hist := newLinksTestHistory([]string{"example.com"}, []string{"spam.example"})
		r := Links(linksTestInput(old, new, hist))
		if r.Score < 0 || r.Score > 1 {
			t.Fatalf("score %v", r.Score)
		}
		if len(r.Links) > 0 != hasReason(r, LinkAdded) {
			t.Fatalf("%d links, reasons %v", len(r.Links), r.Reasons)
		}
		for _, l := range r.Links {
			if l.Domain == "" || l.Domain != strings.ToLower(l.Domain) {
				t.Fatalf("bad domain in %+v", l)
			}
		}
	})
}

// Offsets found in a lowered copy of the text must be offsets in the text,
// whatever its letters: this input once panicked with "slice bounds out of
// range" in templateParam.
func TestLinksUnicodeCaseOffsets(t *testing.T) {
	for _, filler := range []string{strings.Repeat("Ⱥ", 20), strings.Repeat("\xff", 20), "ẞİ"} {
		e := &Edit{Anon: true, Old: "x", New: "x\n{{cite web|url=http://spam.example.com/|publisher=" + filler + "|TITLE=Cheap pills}}\n"}
		r := Links(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: &Env{}})
		if len(r.Links) != 1 || r.Links[0].Domain != "example.com" {
			t.Errorf("filler %q: links %+v; want the one cited URL", filler, r.Links)
		}
	}
}

// TestLinksMarkdownAnchors: a forum post's links come from the Markdown
// reader, with their anchors; wikitext syntax in a post makes no link, and
// a URL in code is no link.
func TestLinksMarkdownAnchors(t *testing.T) {
	e := &Edit{Anon: true, New: "Try [cheap pills](http://pills.example/buy) or {{URL|other.example}}\n`http://code.example/x`", Format: FormatMarkdown}
	r := Links(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: &Env{}})
	if len(r.Links) != 1 || r.Links[0].Domain != "pills.example" || r.Links[0].Anchor != "cheap pills" {
		t.Errorf("links %+v; want the Markdown link with its anchor", r.Links)
	}
}
