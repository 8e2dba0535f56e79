package forumtext

import (
	"slices"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/textview"
)

func words(s string) []string {
	var r Reader
	names := []struct {
		f    textview.Flags
		name string
	}{{textview.Code, "code"}, {textview.Heading, "heading"}, {textview.List, "list"}, {textview.Link, "link"},
		{textview.Caption, "caption"}, {textview.Comment, "quote"}, {textview.Table, "table"}, {textview.Attr, "attr"},
		{textview.Stray, "stray"}, {textview.CodeLike, "codelike"}, {textview.CodeLine, "codeline"}, {textview.Pre, "pre"}}
	var out []string
	for _, w := range r.Read(s, nil, nil) {
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

func TestReader(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"prose", "Nice post, thanks.", "Nice post thanks"},
		{"bare URL skipped", "see https://qzx.example/bkw?a=b and www.qzx.example/x then", "see and then"},
		{"markdown link", "read [the qzx guide](https://example.com/qzx) now", "read the/link qzx/link guide/link now"},
		{"image", "![a qzx photo](https://example.com/p.png)", "a/caption qzx/caption photo/caption"},
		{"autolink", "at <https://example.com/qzx> ok", "at ok"},
		{"html link", `<a href="https://example.com/qzx" title="qzx site">the site</a>`, "qzx/attr site/attr the site"},
		{"code span and block", "run `qzx --bkw` then\n```\nqzx bkw\n```\ndone", "run qzx/code bkw/code then qzx/code/codeline bkw/code/codeline done"},
		{"indented code", "text\n\n    qzx bkw\nmore", "text qzx/code/pre bkw/code/pre more"},
		{"indented code reads as code", "text\n\n    qzx->bkw();\nmore", "text qzx/code/codeline/pre bkw/code/codeline/pre more"},
		{"heading list quote", "# Title here\n- item qzx\n1. first\n> quoted qzx", "Title/heading here/heading item/list qzx/list first/list quoted/quote qzx/quote"},
		{"table", "| a | qzx |\n|---|---|", "a/table qzx/table"},
		{"entities", "a&amp;b &#160; c", "a b c"},
		{"pasted key", "sig\n-----BEGIN PGP SIGNATURE-----\niQA qzx\n-----END PGP SIGNATURE-----\nbye", "sig iQA/code/codeline qzx/code/codeline bye"},
		{"a signed message is text", "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA1\n\nsee qzx\n-----BEGIN PGP SIGNATURE-----\niQA\n-----END PGP SIGNATURE-----",
			"BEGIN PGP SIGNED MESSAGE Hash SHA1 see qzx iQA/code/codeline"},
		{"one long run", "see\nk6oGZsa1AvVolyvalWx2AACdWb8A\nok", "see k6oGZsa1AvVolyvalWx2AACdWb8A/code/codeline ok"},
		{"log line", "it says\n2002-08-12 10:11:12 qzx started", "it says 2002/codeline 08/codeline 12/codeline 10:11:12/codelike/codeline qzx/codeline started/codeline"},
		{"command", "$ sudo qzx -v", "sudo/codeline qzx/codeline v/codeline"},
		{"listing", "drwxr-xr-x 2 root qzx", "drwxr/codeline xr/codeline x/codeline 2/codeline root/codeline qzx/codeline"},
		{"code punctuation", "call qzx(a, b); x->y", "call/codeline qzx/codeline a/codeline b/codeline x/codeline y/codeline"},
		{"underscore italics", "_qzxbkw_ same here, __qzx__ too", "qzxbkw same here qzx too"},
		{"snake case stays code-like", "set max_qzx_bkw and _private", "set max_qzx_bkw/codelike and private/codelike"},
		{"link with a title", `see [the guide](https://example.com/qzx "the qzx guide") now`, "see the/link guide/link now"},
		{"parentheses holding more than a URL are text", "ask [talk](/wiki/ qzxbkw User_talk:Name) now", "ask talk wiki/codelike qzxbkw User_talk:Name/codelike now"},
		{"prose with a URL is prose", "I read (see https://example.com/a/b/c) that qzx works.", "I read see that qzx works"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := words(tt.in), strings.Fields(tt.want); !slices.Equal(got, want) {
				t.Errorf("Read(%q)\n got %q\nwant %q", tt.in, got, want)
			}
		})
	}
}

func TestReaderRegions(t *testing.T) {
	s := "first line\nsecond qzx line"
	var r Reader
	var got []string
	for _, w := range r.Read(s, []textview.Span{{Lo: strings.Index(s, "second"), Hi: len(s)}}, nil) {
		got = append(got, s[w.Lo:w.Hi])
	}
	if want := []string{"second", "qzx", "line"}; !slices.Equal(got, want) {
		t.Errorf("words in regions = %q, want %q", got, want)
	}
}
