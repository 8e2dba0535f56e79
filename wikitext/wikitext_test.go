package wikitext

import (
	"slices"
	"strings"
	"testing"
)

// scanWords returns the words the scanner reports for s, each with the
// context flags asked for, as "word" or "word/flag".
func scanWords(s string) []string {
	var sc Reader
	var out []string
	names := []struct {
		f    wflag
		name string
	}{{cTable, "table"}, {cHeading, "heading"}, {cList, "list"}, {cLink, "link"}, {cExtLink, "ext"},
		{cCaption, "caption"}, {cItalic, "italic"}, {wCode, "code"}, {wJoined, "joined"},
		{cTemplate, "tmpl"}, {cTmplName, "tname"}, {cParamName, "pname"}, {cIdent, "ident"}, {cForeign, "foreign"},
		{cRef, "ref"}, {cAttr, "attr"}, {cLinkTarget, "target"}, {cFileName, "file"}, {cComment, "comment"},
		{cGallery, "gallery"}, {cCode, "codetag"}, {cPre, "pre"}, {cStray, "stray"}, {cCodeLine, "codeline"}}
	for _, w := range sc.Read(s, nil, nil) {
		x := s[w.Lo:w.Hi]
		for _, n := range names {
			if w.Flags&n.f != 0 {
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
		{"template values read, names skipped", "a {{Infobox|name=qzx|b={{c|d}}}} b", "a qzx/tmpl d/tmpl b"},
		{"template name of several words", "{{cite qzx book|title=T}}", "cite/tname qzx/tname book/tname T/tmpl"},
		{"parameter name of several words", "{{x|acc qzx date=2010}}", "acc/pname qzx/pname date/code/pname 2010/tmpl"},
		{"identifier parameters", "{{cite book|isbn=978-0-19|id=qzx7|title=A qzx}}", "cite/tname book/tname 978/joined/tmpl/ident 0/joined/tmpl/ident 19/joined/tmpl/ident qzx7/tmpl/ident A/tmpl qzx/tmpl"},
		{"identifier of several words is text", "{{cite book|isbn=978-0-19 qzx}}", "cite/tname book/tname 978/joined/tmpl 0/joined/tmpl 19/joined/tmpl qzx/tmpl"},
		{"identifier templates", "{{ISBN|0-19-852663-6}} {{lang|de|Qzx}}", "0/joined/tmpl/ident 19/joined/tmpl/ident 852663/joined/tmpl/ident 6/joined/tmpl/ident de/tmpl/foreign Qzx/tmpl/foreign"},
		{"unclosed template is text", "a {{ b c", "a b c"},
		{"link target read", "see [[Target page|the text]] here", "see Target/target page/target the/link text/link here"},
		{"link without text shows target", "a [[river]]s b", "a river/link b"},
		{"file name read, options skipped", "[[File:Qzx bkw.jpg|thumb|upright=1.2|250px|A caption]]", "Qzx/file bkw.jpg/code/file A/caption caption/caption"},
		{"alt text read", "[[File:Q.jpg|thumb|alt=A qzx stone|Cap]]", "Q.jpg/code/file A/caption qzx/caption stone/caption Cap/caption"},
		{"category and interwiki read, user hidden", "x [[Category:Qwz|key]] [[de:Qzx]] [[User:Bkwp|Bkwp]] y", "x Qwz/target key/target Qzx/foreign/target y"},
		{"external link anchor", "[http://qzx.example/bkw Official site] and http://bare.example/x y", "Official/ext site/ext and y"},
		{"ref content read", `a<ref name="q">{{cite|doi=10.1/x}} qzx</ref> b<ref qzx name=z /> c`, "a q/attr 10.1/x/code/tmpl/ident/ref qzx/ref b qzx/stray z/attr c"},
		{"comment read", "a <!-- qzx [[b]] --> c", "a qzx/comment b/link/comment c"},
		{"unclosed comment hides the rest", "a <!-- qzx b", "a qzx/comment b/comment"},
		{"math skipped, code read", "a <math>qz</math> <code>bkw</code> <nowiki>zz</nowiki> b", "a bkw/codetag zz/codetag b"},
		{"code lines marked", "<pre>\n$ qzx --bkw\nrun it qzx\n</pre> a <code>qzx(b);</code> <code>bkw</code>",
			"qzx/codetag/codeline bkw/codetag/codeline run/codetag it/codetag qzx/codetag a qzx/codetag/codeline b/codetag/codeline bkw/codetag"},
		{"syntaxhighlight read as code", "<syntaxhighlight lang=\"c\">\nint qzx = f(a);\n/* bkw */\n</syntaxhighlight> b",
			"int/codetag/codeline qzx/codetag/codeline f/codetag/codeline a/codetag/codeline bkw/codetag/codeline b"},
		{"code template values", "a {{code|qzx(b); c->d}} {{code|1=x->bkw}} {{code|bkw}} d",
			"a qzx/tmpl/codeline b/tmpl/codeline c/tmpl/codeline d/tmpl/codeline x/tmpl/ident/codeline bkw/tmpl/ident/codeline bkw/tmpl/ident d"},
		{"gallery lines", "<gallery mode=packed>\nFile:Qzx.jpg|A qzx\nqzx\n</gallery>", "packed/attr File:Qzx.jpg/code/file/gallery A/caption/gallery qzx/caption/gallery qzx/gallery"},
		{"tag attribute values read", `a <span style="color:#fff" id="qzx">b</span> c`, "a color/attr fff/code/attr b c"},
		{"text with angle brackets", "if x<y and z>w", "if x y and z w"},
		{"entities skipped", "a&nbsp;b &#160; &amp;c", "a b c"},
		{"table attributes and cells", "{| class=\"wikitable\"\n|-\n! scope=\"col\" | Head !! Two\n| style=\"x\" | qzx || bkw\n|}\nafter",
			"wikitable/attr col/table/attr Head/table Two/table x/table/attr qzx/table bkw/table after"},
		{"heading and list", "== Heading ==\n* item one\n# two", "Heading/heading item/list one/list two/list"},
		{"italics", "a ''b c'' d '''e''' '''''f''''' g", "a b/italic c/italic d e f/italic g"},
		{"preformatted line read", "a\n qzx bkw\nb", "a qzx/pre bkw/pre b"},
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
	var sc Reader
	// Only the line inside the template, and the last line.
	regions := []byteSpan{{Lo: strings.Index(s, "| name"), Hi: strings.Index(s, "qzx") + 3}, {Lo: strings.Index(s, "second"), Hi: len(s)}}
	var got []string
	for _, w := range sc.Read(s, regions, nil) {
		got = append(got, s[w.Lo:w.Hi])
	}
	if want := []string{"qzx", "second", "line"}; !slices.Equal(got, want) {
		t.Errorf("words in regions = %q, want %q (the parameter's value, not its name)", got, want)
	}
}
