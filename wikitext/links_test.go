package wikitext

import (
	"fmt"
	"testing"

	"github.com/wikiwarden/wikiwarden/textview"
)

func TestReadLinks(t *testing.T) {
	places := []struct {
		p    textview.LinkPlace
		name string
	}{{textview.LinkCited, "cited"}, {textview.LinkArchive, "archive"}, {textview.LinkHidden, "hidden"},
		{textview.LinkImage, "image"}, {textview.LinkExtSection, "ext"}, {textview.LinkTemplate, "template"}, {textview.LinkInert, "inert"}}
	tests := []struct {
		name, in string
		want     []string
	}{
		{"bracket and bare", "See [http://a.example/x Anchor text] and http://b.example/y.", []string{"http://a.example/x Anchor text", "http://b.example/y"}},
		{"protocol relative", "[//c.example/z zed]", []string{"//c.example/z zed"}},
		{"citation", "x<ref>{{cite web|url=http://d.example/|title=Best casino guide|archive-url=https://archive.ph/q}}</ref>",
			[]string{"http://d.example/ Best casino guide /cited", "https://archive.ph/q Best casino guide /cited/archive"}},
		{"german citation", "{{Internetquelle |url=https://e.example/ |titel=Günstige Kredite}}", []string{"https://e.example/ Günstige Kredite /cited"}},
		{"url template", "{{URL|www.f.example}} {{Infobox|website=//g.example}}", []string{"http://www.f.example /template", "//g.example /template"}},
		{"inert", "<!-- http://h.example --> <nowiki>http://i.example</nowiki> <code>http://j.example</code>",
			[]string{"http://h.example /inert", "http://i.example /inert", "http://j.example /inert"}},
		{"hidden", `<div style="display:none">[http://k.example x]</div>`, []string{"http://k.example x /hidden"}},
		{"image", "[[File:A.jpg|thumb|link=http://l.example/]]", []string{"http://l.example/ /image"}},
		{"after categories", "Text.\n[[Category:Towns]]\n[http://m.example buy]", []string{"http://m.example buy /ext"}},
		{"external links", "== External links ==\n* [http://n.example Official]", []string{"http://n.example Official /ext"}},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range ReadLinks(tt.in).Links {
			x := l.URL
			if l.Anchor != "" {
				x += " " + l.Anchor
			}
			sep := " /"
			for _, p := range places {
				if l.Place&p.p != 0 {
					x += sep + p.name
					sep = "/"
				}
			}
			got = append(got, x)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func FuzzReadLinks(f *testing.F) {
	for _, s := range []string{"[http://x.example y] {{cite web|url=//z|title=\xff}}", "<div style=\"display:none\">http://a\xfe</div>", "[[File:\xff|link=http://b]]\n[[Category:\xff]]\nhttp://c", "== External links ==\n{{URL|\xff.com}}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := ReadLinks(s)
		for _, l := range v.Links {
			if l.Lo < 0 || l.Lo > l.Hi || l.Hi > len(s) || l.At < l.Lo || l.At > len(s) {
				t.Fatalf("bad span %+v in %q", l, s)
			}
		}
		for _, m := range v.Markup {
			if m.Lo < 0 || m.Lo > m.Hi || m.Hi > len(s) {
				t.Fatalf("bad markup span %+v in %q", m, s)
			}
		}
	})
}
