package forumtext

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wikiwarden/wikiwarden/textview"
)

func linkStrings(s string) []string {
	var out []string
	for _, l := range ReadLinks(s).Links {
		x := l.URL
		if l.Anchor != "" {
			x += " " + l.Anchor
		}
		if l.Place&textview.LinkImage != 0 {
			x += " /image"
		}
		if l.Place&textview.LinkInert != 0 {
			x += " /inert"
		}
		out = append(out, x)
	}
	return out
}

func TestReadLinks(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"markdown link", "read [the guide](https://example.com/g \"Guide\") now", []string{"https://example.com/g the guide"}},
		{"image", "![a cat](http://img.example/cat.png)", []string{"http://img.example/cat.png a cat /image"}},
		{"badge", "[![build](https://ci.example/b.svg)](https://ci.example/run)", []string{"https://ci.example/run ![build](https://ci.example/b.svg)", "https://ci.example/b.svg build /image"}},
		{"autolink", "at <https://example.org/x>.", []string{"https://example.org/x"}},
		{"html", `<a href="http://spam.example/buy">cheap pills</a> <img src='//cdn.example/p.gif' alt="x">`, []string{"http://spam.example/buy cheap pills", "//cdn.example/p.gif x /image"}},
		{"bare", "see https://go.dev/ref/mem, and (http://a.example/x).", []string{"https://go.dev/ref/mem", "http://a.example/x"}},
		{"reference", "Try [this shop][1] or [Shop].\n\n[1]: http://shop.example/a\n[shop]: <https://shop.example/b> \"t\"", []string{"http://shop.example/a this shop", "https://shop.example/b Shop"}},
		{"a pasted signature is inert", "sig\n-----BEGIN PGP SIGNATURE-----\nhttp://a.example/x\n-----END PGP SIGNATURE-----\nhttp://b.example",
			[]string{"http://a.example/x /inert", "http://b.example"}},
		{"code is inert", "`http://a.example/x`\n```\nhttp://b.example/y\n```\n<code>http://c.example</code> http://d.example",
			[]string{"http://a.example/x /inert", "http://b.example/y /inert", "http://c.example /inert", "http://d.example"}},
		{"wikitext is text", "{{URL|example.com}} [http://x.example y]", []string{"http://x.example"}},
		{"no scheme", "[a](/relative) [b](mailto:x@y.z)", nil},
	}
	for _, tt := range tests {
		if got := linkStrings(tt.in); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func FuzzReadLinks(f *testing.F) {
	for _, s := range []string{"[a](http://x.example) <a href=http://y>z</a>", "[r]\n[r]: http://q", "\xff[\xfe](//\xff)", "<https://a\xff>", "![x](<http://a b>)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := ReadLinks(s)
		for _, l := range v.Links {
			if l.Lo < 0 || l.Lo > l.Hi || l.Hi > len(s) || l.At < l.Lo || l.At > len(s) {
				t.Fatalf("bad span %+v in %q", l, s)
			}
			if utf8.ValidString(s) && !strings.Contains(s, l.URL) {
				t.Fatalf("URL %q not in %q", l.URL, s)
			}
		}
		for _, m := range v.Markup {
			if m.Lo < 0 || m.Lo > m.Hi || m.Hi > len(s) {
				t.Fatalf("bad markup span %+v in %q", m, s)
			}
		}
	})
}
