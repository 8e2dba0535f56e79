package detectors

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/wikiwarden/wikiwarden/textview"
)

// TestLinksPlace checks that the link detector says where each added link
// sits, as the readers found it, and that the place survives JSON.
func TestLinksPlace(t *testing.T) {
	const old = "The town has a market.\n"
	for _, c := range []struct {
		name   string
		format Format
		add    string
		cited  bool
		want   textview.LinkPlace
	}{
		{"reference", FormatWikitext, "It was founded in 1820.<ref>[http://www.example.org/history/founding Founding of the town]</ref>", true, textview.LinkCited},
		{"cite template", FormatWikitext, "It was founded in 1820.<ref>{{cite web |url=http://www.example.org/history |title=Founding of the town}}</ref>", true, textview.LinkCited},
		{"citation template, no ref", FormatWikitext, "It was founded in 1820. {{citation |url=http://www.example.org/history |title=Founding of the town}}", true, textview.LinkCited},
		{"external links", FormatWikitext, "== External links ==\n* [http://www.example.org/ Town council]", false, textview.LinkExtSection},
		{"prose", FormatWikitext, "See [http://www.example.org/history the history] of the town.", false, 0},
		{"markdown", FormatMarkdown, "See [the history](http://www.example.org/history) of the town.", false, 0},
	} {
		in := linksTestInput(old, old+c.add+"\n", newLinksTestHistory(nil, nil))
		in.Edit.Format = c.format
		r := Links(in)
		if len(r.Links) != 1 {
			t.Fatalf("%s: links %v, want one", c.name, r.Links)
		}
		p := r.Links[0].Place
		if (p&textview.LinkCited != 0) != c.cited || c.want != 0 && p&c.want == 0 || c.want == 0 && p != 0 {
			t.Errorf("%s: place %v, want %v", c.name, p, c.want)
		}
		b, err := json.Marshal(r.Links[0])
		if err != nil {
			t.Fatal(err)
		}
		if c.want == 0 && strings.Contains(string(b), `"place"`) {
			t.Errorf("%s: JSON %s has a place for prose", c.name, b)
		}
		var back Link
		if err := json.Unmarshal(b, &back); err != nil || back != r.Links[0] {
			t.Errorf("%s: JSON %s reads back as %+v (%v)", c.name, b, back, err)
		}
	}
}

// TestLinksPlaceCitedOnlyEverywhere checks that a URL cited once and also
// linked in prose is not given as cited.
func TestLinksPlaceCitedOnlyEverywhere(t *testing.T) {
	const old = "The town has a market.\n"
	add := "See [http://www.example.org/history the history].<ref>[http://www.example.org/history Founding of the town]</ref>"
	r := Links(linksTestInput(old, old+add+"\n", newLinksTestHistory(nil, nil)))
	if len(r.Links) != 1 || r.Links[0].Place&textview.LinkCited != 0 {
		t.Errorf("links %+v, want one, not cited", r.Links)
	}
}
