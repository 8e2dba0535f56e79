package detectors

import (
	"slices"
	"strings"
	"testing"
)

// scanWords returns the words the scanner reports for s, each with the
// context flags asked for, as "word" or "word/flag".
func scanWords(s string) []string {
	var sc scanner
	var out []string
	names := []struct {
		f    wflag
		name string
	}{{cTable, "table"}, {cHeading, "heading"}, {cList, "list"}, {cLink, "link"}, {cExtLink, "ext"},
		{cCaption, "caption"}, {cItalic, "italic"}, {wCode, "code"}, {wJoined, "joined"}}
	for _, w := range sc.scan(s, nil, nil) {
		x := s[w.lo:w.hi]
		for _, n := range names {
			if w.flags&n.f != 0 {
				x += "/" + n.name
			}
		}
		out = append(out, x)
	}
	return out
}

func TestScanner(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // space-separated words
	}{
		{"plain prose", "The cat sat.", "The cat sat"},
		{"template skipped", "a {{Infobox|name=qzx|b={{c|d}}}} b", "a b"},
		{"unclosed template is text", "a {{ b c", "a b c"},
		{"link target skipped", "see [[Target page|the text]] here", "see the/link text/link here"},
		{"link without text shows target", "a [[river]]s b", "a river/link b"},
		{"file name and options skipped", "[[File:Qzx bkw.jpg|thumb|upright=1.2|250px|A caption]]", "A/caption caption/caption"},
		{"category and interwiki hidden", "x [[Category:Qwz]] [[de:Qzx]] [[User:Bkwp|Bkwp]] y", "x y"},
		{"external link anchor", "[http://qzx.example/bkw Official site] and http://bare.example/x y", "Official/ext site/ext and y"},
		{"ref content skipped", `a<ref name="q">{{cite|doi=10.1/x}} qzx</ref> b<ref name=z /> c`, "a b c"},
		{"comment skipped", "a <!-- qzx --> b", "a b"},
		{"unclosed comment hides the rest", "a <!-- qzx b", "a"},
		{"math and code skipped", "a <math>qz</math> <code>bkw</code> <nowiki>zz</nowiki> b", "a b"},
		{"tag attributes skipped", `a <span style="color:#fff">b</span> c`, "a b c"},
		{"text with angle brackets", "if x<y and z>w", "if x y and z w"},
		{"entities skipped", "a&nbsp;b &#160; &amp;c", "a b c"},
		{"table attributes and cells", "{| class=\"wikitable\"\n|-\n! scope=\"col\" | Head !! Two\n| style=\"x\" | qzx || bkw\n|}\nafter",
			"Head/table Two/table qzx/table bkw/table after"},
		{"heading and list", "== Heading ==\n* item one\n# two", "Heading/heading item/list one/list two/list"},
		{"italics", "a ''b c'' d '''e''' '''''f''''' g", "a b/italic c/italic d e f/italic g"},
		{"preformatted line skipped", "a\n qzx bkw\nb", "a b"},
		{"code-like words", "www.qzx.com e.g. a_b #abcdef x=yz U.S. km/h", "www.qzx.com/code e.g/code a_b/code abcdef/code x/code yz/code U.S/code km/h/code"},
		{"hyphens and apostrophes", "well-known don't", "well/joined known/joined don/joined t/joined"},
		{"magic word", "__NOTOC__ a", "NOTOC/code a"},
		{"non-Latin words", "Москва and 北京", "Москва and 北京"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scanWords(tt.in)
			if want := strings.Fields(tt.want); !slices.Equal(got, want) {
				t.Errorf("scan(%q)\n got %q\nwant %q", tt.in, got, want)
			}
		})
	}
}

func TestScannerRegions(t *testing.T) {
	s := "{{Infobox\n| name = qzx\n}}\nfirst line\nsecond line"
	var sc scanner
	// Only the line inside the template, and the last line.
	regions := []byteSpan{{strings.Index(s, "| name"), strings.Index(s, "qzx") + 3}, {strings.Index(s, "second"), len(s)}}
	var got []string
	for _, w := range sc.scan(s, regions, nil) {
		got = append(got, s[w.lo:w.hi])
	}
	if want := []string{"second", "line"}; !slices.Equal(got, want) {
		t.Errorf("words in regions = %q, want %q (the template line is markup)", got, want)
	}
}
