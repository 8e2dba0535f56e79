package wikitext

import (
	"testing"

	"github.com/wikiwarden/wikiwarden/textview"
)

// A citation that a diff cut from its "{{cite": the link is cited, as the
// whole citation's would be, and its title is the citation's.
func TestReadAddedLinksCutCitation(t *testing.T) {
	const citePage = "Text.<ref>{{cite web\n| url = http://news.example.org/2005/gaza.html\n| title = Gaza upheaval, three years on\n| publisher = Example News\n}}</ref>\n"
	tests := []struct {
		name, added, page string
		cited             bool
		anchor            string
	}{
		{"parameters alone", "| publisher = Yedioth Group | date = | url = http://www.ynetnews.com/articles/0,7340,L-3207845,00.html | title = The disengagement plan in numbers",
			"", true, "The disengagement plan in numbers"},
		{"parameter lines", "| url = http://info.jpost.com/C005/Supplements/a.html\n| title = A quiet end of the settlements\n| date = 2005-09-26",
			"", true, "A quiet end of the settlements"},
		{"url line in a citation of the page", "| url = http://news.example.org/2005/gaza.html", citePage, true, "Gaza upheaval, three years on"},
		{"the next citation's title is not this one's", "| publisher = Jerusalem Post | url = http://info.jpost.com/C005/n.04.html | accessdate = 2008-07-01}}</ref><ref>{{cite news | title = Another story entirely | url = http://www.ynetnews.com/a.html}}</ref>",
			"", true, ""},
		{"url line in a German citation of the page", "|url=https://e.example/kredit", "Satz.<ref>{{Internetquelle\n|url=https://e.example/kredit\n|titel=Günstige Kredite im Vergleich\n}}</ref>", true, "Günstige Kredite im Vergleich"},
		{"url alone, no page", "| url = http://news.example.org/2005/gaza.html", "", false, ""},
		{"infobox of the page", "| url = http://www.example-pumps.com/", "{{Infobox company\n| name = Pumps\n| url = http://www.example-pumps.com/\n| title = CEO\n}}", false, ""},
		{"prose", "Best casino guide http://casino-best.example/ title = best", "", false, ""},
		{"a parameter's value in prose", "see url = http://casino-best.example/ | title = best casino", "", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := tt.page
			if page == "" {
				page = tt.added
			}
			got := ReadAddedLinks(tt.added, page).Links
			if len(got) == 0 {
				t.Fatalf("no link read")
			}
			if c := got[0].Place&textview.LinkCited != 0; c != tt.cited || c && got[0].Anchor != tt.anchor {
				t.Errorf("cited = %v, anchor %q; want %v, %q", c, got[0].Anchor, tt.cited, tt.anchor)
			}
		})
	}
}
