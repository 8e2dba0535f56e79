package detectors

import (
	"strings"
	"testing"
)

// reasonsOf returns the subjects of r's reasons of code c, also those the
// spam model's judgement demoted to no weight.
func reasonsOf(r Result, c Code) []string {
	var out []string
	for _, x := range r.Reasons {
		if x.Code == c {
			out = append(out, x.Subject)
		}
	}
	return out
}

func cryptoForumInput(env *Env) *Input {
	post := "Keep the coins in a hardware crypto wallet, never on the exchange. The thread on " +
		"https://bitcointalk.org/index.php?topic=5 explains why, and the [bitcoin wiki](https://en.bitcoin.it/wiki/Wallet) lists wallets.\n" +
		"To buy bitcoin, use a crypto exchange you can withdraw from."
	return &Input{
		Edit:  &Edit{Title: "topic 7: Which wallet?", User: "satoshifan", Format: FormatMarkdown, New: post},
		Added: Diff("", post),
		Env:   env,
	}
}

// TestLinkSiteVocabulary: on a cryptocurrency forum whose own posts say
// bitcoin and crypto and cite bitcointalk.org, those words and that domain
// are no spam vocabulary; on a site that never uses them they still are.
func TestLinkSiteVocabulary(t *testing.T) {
	stranger := Links(cryptoForumInput(&Env{Domains: newLinksTestHistory(nil, nil)}))
	if got := reasonsOf(stranger, LinkSpamWords); len(got) < 3 {
		t.Fatalf("on a site that never uses them, spam words %v; want crypto wallet, bitcoin and the domains' names", got)
	}
	forum := &Env{
		Words:   NewWordSet([]string{"bitcoin", "crypto", "wallet", "exchange", "coins"}),
		Domains: newLinksTestHistory([]string{"bitcointalk.org", "bitcoin.it"}, nil),
	}
	own := Links(cryptoForumInput(forum))
	if got := reasonsOf(own, LinkSpamWords); len(got) > 0 {
		t.Errorf("on the cryptocurrency forum, spam words %v; want none", got)
		for _, r := range own.Reasons {
			t.Log(r)
		}
	}
	if own.Score >= stranger.Score {
		t.Errorf("score on the forum %.3f, elsewhere %.3f; want lower on the forum", own.Score, stranger.Score)
	}
	if len(own.Links) != 2 {
		t.Errorf("links %v; want both still listed for the bot", own.Links)
	}
}

// TestLinkSiteVocabularyKeepsAdverts: the site's vocabulary excuses the
// words of its subject only. An advert's call ("click here", "order
// now") and a term whose topic word the site does not use still count,
// and a domain the site does not cite keeps its spam name.
func TestLinkSiteVocabularyKeepsAdverts(t *testing.T) {
	env := &Env{
		Words:   NewWordSet([]string{"click", "here", "order", "now", "online", "bitcoin", "buy", "cheap"}),
		Domains: newLinksTestHistory([]string{"example.org"}, nil),
	}
	text := "Order now, click here: [my shop](http://bestcasino.example/) and more."
	r := Links(&Input{Edit: &Edit{Format: FormatMarkdown, New: text}, Added: Diff("", text), Env: env})
	got := strings.Join(reasonsOf(r, LinkSpamWords), ",")
	for _, want := range []string{"click here", "order now", "bestcasino.example"} {
		if !strings.Contains(got, want) {
			t.Errorf("spam words %q lack %q", got, want)
		}
	}
	for _, c := range []struct {
		term string
		want bool
	}{
		{"bitcoin", true}, {"buy bitcoin", true}, {"bitcoin casino", false}, {"click here", false}, {"online", false},
		{"casino", false}, {"buy now", false}, {"buy cheap", false}, {"cheap", false},
	} {
		if got := newLinkContext(env, "").siteTerm(c.term); got != c.want {
			t.Errorf("siteTerm(%q) = %v, want %v", c.term, got, c.want)
		}
	}
}

// TestLinkReferenceList: a paragraph that is a list of references (titled
// links, dated entries, cite templates) to domains the wiki has not cited
// yet is not link spam by its shape; a wall of bare links is.
func TestLinkReferenceList(t *testing.T) {
	hist := newLinksTestHistory([]string{"example.org"}, nil)
	for _, c := range []struct {
		name, format, text string
	}{
		{"wikitext external links", "", "== Further reading ==\n" +
			"* [https://www.nature.com/articles/nphys1 Quantum transport in disordered wires] by A. Author\n" +
			"* [https://journals.aps.org/prb/abstract/10.1103/x Localization of electrons in two dimensions]\n" +
			"* [https://www.sciencedirect.com/science/article/pii/S1 A review of weak localization theory]\n" +
			"* [https://physicstoday.scitation.org/doi/10.1063/1 Fifty years of Anderson localization]\n" +
			"* [https://www.osti.gov/biblio/4 Report on the scaling theory of localization]\n"},
		{"markdown dated references", "markdown", "References:\n\n" +
			"1. Smith, J. (2019). Soil carbon in dry grasslands. https://soil-journal.example.net/2019/carbon\n" +
			"2. Okafor, N. (2021). Grazing and root depth. https://agro-letters.example.com/a/123\n" +
			"3. Lindqvist, E. (2018). Drought and microbes. https://microbe-review.example.org.uk/v/9\n" +
			"4. Haddad, R. (2020). Carbon farming claims. https://landuse.example.info/p/44\n" +
			"5. Moreau, C. (2017). Long-term plots. https://plots.example.eu/r/5\n"},
		{"cite templates", "", "== Sources ==\n" +
			"* {{cite web |url=https://www.bbc.co.uk/news/a |title=Flood defences opened |date=2 May 2019}}\n" +
			"* {{cite web |url=https://www.theguardian.com/b |title=River levels fall |date=3 May 2019}}\n" +
			"* {{cite news |url=https://www.independent.co.uk/c |title=Town recovers |date=9 May 2019}}\n" +
			"* {{cite web |url=https://www.gov.uk/d |title=Flood report |date=1 June 2019}}\n" +
			"* {{cite web |url=https://www.ft.com/e |title=Insurers count cost |date=4 June 2019}}\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := &Input{Edit: &Edit{Title: "Localization", Anon: true, Format: Format(c.format), New: c.text}, Added: Diff("", c.text), Env: &Env{Domains: hist}}
			r := Links(in)
			if len(r.Links) != 5 {
				t.Fatalf("links %v; want 5", r.Links)
			}
			if got := append(reasonsOf(r, LinkMany), reasonsOf(r, LinkDensity)...); len(got) > 0 || r.Score >= DefaultLinksThreshold-0.1 {
				t.Errorf("score %.3f with many/density %v; want a reference list well below the threshold", r.Score, got)
				for _, x := range r.Reasons {
					t.Log(x)
				}
			}
		})
	}
	wall := "http://a-shop.example.net/x\nhttp://b-shop.example.net/y\nhttp://c-deals.example.com/z\nhttp://d-deals.example.com/w\nhttp://e-store.example.info/v\n"
	r := Links(&Input{Edit: &Edit{Anon: true, New: wall}, Added: Diff("", wall), Env: &Env{Domains: hist}})
	if len(reasonsOf(r, LinkDensity)) == 0 || len(reasonsOf(r, LinkMany)) == 0 {
		t.Errorf("a wall of bare links: reasons %v; want many links and density", r.Reasons)
	}
}

func TestLinkHasYear(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Smith (2019). Title", true}, {"12 May 1998", true}, {"2008-05-12", true},
		{"call 020 7946 0018", false}, {"/2019/carbon", false}, {"id=2019", false}, {"v2019", false}, {"12345", false}, {"1234", false},
	} {
		if got := hasYear(c.text); got != c.want {
			t.Errorf("hasYear(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestLinkSiteReferences: a titled link whose title uses the site's own
// subject ("buy bitcoin" on a cryptocurrency forum) is a reference there,
// and an advert's title elsewhere.
func TestLinkSiteReferences(t *testing.T) {
	links := []foundLink{{anchor: "How to buy bitcoin without an exchange account"}}
	added := newAddedText("", "", nil, nil)
	forum := newLinkContext(&Env{Words: NewWordSet([]string{"bitcoin"})}, "")
	if got := forum.references(links, added); !got[0] {
		t.Error("on the cryptocurrency forum the titled link is no reference")
	}
	if got := newLinkContext(&Env{}, "").references(links, added); got[0] {
		t.Error("on a site that never says bitcoin the advert's title is a reference")
	}
}
