package detectors

import (
	"testing"
)

// TestLinksSpamModel checks the link detector's use of the spam model on
// additions the word list never knew: spam in other languages, contact
// points without a URL, a forum post in Markdown; and good-faith posts
// with links left below the threshold. These are regression guards; the
// model was not tuned on them.
func TestLinksSpamModel(t *testing.T) {
	const (
		good    = iota // below the threshold, the model below 0.5
		mention        // below the threshold
		spam           // the model at 0.5 or more, its contacts reported as links
		blatant        // at or above the links threshold
	)
	tests := []struct {
		name   string
		format Format
		old    string
		new    string
		want   int
	}{
		{"German loan spam", FormatWikitext, "Der Ort hat 900 Einwohner.",
			"Der Ort hat 900 Einwohner.\n[http://guenstige-kredite-sofort.de/angebot Günstige Kredite] Sofortkredit ohne Schufa", blatant},
		{"bare-domain scam post", FormatMarkdown, "",
			"I lost 2 BTC to a fake broker. Thanks to ZONEPA.COM they recovered all my funds in 48 hours, contact them now!", blatant},
		{"Telegram job scam", FormatMarkdown, "",
			"Нужны люди на удалёнку, доход от 3000 в день, без опыта. Пишите в телеграм @fast_money_job", blatant},
		{"technical answer with links", FormatMarkdown, "",
			"I had the same race. Close the channel in the producer, see [the memory model](https://go.dev/ref/mem) and https://github.com/golang/go/issues/12345", good},
		{"mention of a brand domain", FormatMarkdown, "",
			"We moved our bookings to Booking.com last year and the support was fine.", mention},
		// What an app pastes with a link, and an emoji, are no spam by
		// themselves: good faith has them too.
		{"forum reply with an emoji and a shared link", FormatMarkdown, "",
			"Das Rezept hat bei mir funktioniert 😀 Hier ist es: https://www.omas-backstube.de/rezepte/sauerteig?utm_source=pinterest&utm_medium=social", mention},
		{"chat answer with a share-tagged link", FormatMarkdown, "",
			"Thanks, that fixed it 👍 The guide I followed: https://www.tsv-hochdorf.de/abteilungen/schwimmen/trainingszeiten?ref=share", mention},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := &Edit{Anon: true, User: "192.0.2.1", Old: tc.old, New: tc.new, Format: tc.format}
			r := Links(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: &Env{}})
			over := r.Score >= DefaultLinksThreshold
			switch {
			case tc.want == blatant && !over,
				tc.want < blatant && over,
				tc.want >= spam && (r.Spam < 0.5 || len(r.Links) == 0 || !hasReason(r, LinkSpamModel)),
				tc.want == good && r.Spam >= 0.5:
				t.Errorf("score %.3f, p=%.3f, %d links: %v", r.Score, r.Spam, len(r.Links), r.Reasons)
			}
		})
	}
}

// TestLinksContactDomains checks that a bare domain counted as a link (no
// URL in the post) is judged as a destination, as a link's domain is: new
// to the site, known, or already confirmed as spam. A contact's domain is
// never taken for one the site cites just because it came without a URL.
func TestLinksContactDomains(t *testing.T) {
	const post = "Schon nach zwei Wochen 6.000 Euro Gewinn mit dieser Firma, nur 250 Euro Einzahlung nötig! Jetzt anmelden: GELDBLITZ-TRADE.COM"
	for _, tc := range []struct {
		name        string
		known, spam []string
		newDomain   bool
		spamDomain  bool
	}{
		{"new to the site", nil, nil, true, false},
		{"known to the site", []string{"geldblitz-trade.com"}, nil, false, false},
		{"confirmed spam", nil, []string{"geldblitz-trade.com"}, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := &Edit{Anon: true, User: "192.0.2.1", New: post, Format: FormatMarkdown}
			r := Links(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: &Env{Domains: newLinksTestHistory(tc.known, tc.spam)}})
			if len(r.Links) == 0 {
				t.Fatalf("no contact read as a link: %v (p=%.3f)", r.Reasons, r.Spam)
			}
			if hasReason(r, LinkNewDomain) != tc.newDomain || hasReason(r, LinkSpamDomain) != tc.spamDomain {
				t.Errorf("reasons %v; want new domain %v, spam domain %v", r.Reasons, tc.newDomain, tc.spamDomain)
			}
			if tc.spamDomain && r.Score < DefaultLinksThreshold {
				t.Errorf("score %.3f for a domain already confirmed as spam; want at least %.2f", r.Score, DefaultLinksThreshold)
			}
		})
	}
}

// TestLinksScoreKeepsModelEvidence checks that the link score never throws
// away the spam model's evidence on short comment and chat additions with
// one URL, a bare domain or a handle: whatever the rules add or demote,
// the score is at least what the model's probability stands for
// (modelScore), so the no-memory bar is the model's at LinkModelBlatant.
// Only a national phone number alone is held under the threshold
// (LinkPhoneOnlyMax). The property holds for any model; the texts are
// hand-made.
func TestLinksScoreKeepsModelEvidence(t *testing.T) {
	texts := []string{
		"great post!! check my page https://www.quick-cash-today.example/start",
		"wow 😍 follow me for more http://bit.ly/3xYzAbc",
		"I earned 4000$ in a week with FASTPROFIT-TRADE.COM, thank me later",
		"DM @crypto_mentor_ana on telegram, she changed my life 🙏",
		"Nice photo. Our club's page: https://www.tsv-hochdorf.example/schwimmen",
		"see docs.python.org for the details",
		"buy followers cheap >> instafame.example <<",
	}
	hist := newLinksTestHistory([]string{"tsv-hochdorf.example"}, nil)
	for _, text := range texts {
		for _, env := range []*Env{{}, {Domains: hist}} {
			e := &Edit{Anon: true, User: "192.0.2.1", New: text, Format: FormatMarkdown}
			r := Links(&Input{Edit: e, Added: Diff(e.Old, e.New), Env: env})
			if !hasReason(r, LinkSpamModel) {
				if len(r.Links) > 0 {
					t.Errorf("%q: links %v but no model reason", text, r.Links)
				}
				continue
			}
			if want := modelScore(r.Spam); r.Score < want-0.002 {
				t.Errorf("%q: score %.3f below the model's %.3f (p=%.3f): %v", text, r.Score, want, r.Spam, r.Reasons)
			}
		}
	}
}
