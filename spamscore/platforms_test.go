package spamscore

import (
	"slices"
	"testing"
)

// TestProfileLink checks that a link to a channel, profile or page on a
// user-content platform is told from a link to one of its videos or posts,
// whether written as a URL or a bare domain, and that a channel is never
// a reputable citation.
func TestProfileLink(t *testing.T) {
	for _, tc := range []struct {
		text    string
		profile bool
	}{
		{"please check my channel out https://youtube.com/user/lilbeatzzz", true},
		{"sub pls https://www.youtube.com/@MaxRiverOfficial", true},
		{"https://www.youtube.com/channel/UCx8Kj2mNpQ new videos every week", true},
		{"go listen soundcloud.com/djkrispy_official thanks", true},
		{"come say hi twitch.tv/nightowl_gaming!", true},
		{"my page https://www.facebook.com/iphonegiveaway.usa", true},
		{"follow instagram.com/fitwithkayla", true},
		{"https://www.tiktok.com/@gabi.dancinha", true},
		{"all my links: linktr.ee/djkrispy", true},
		{"my blog https://gardenroses.blogspot.com/", true},
		{"https://sites.google.com/view/bestessaywriting/home", true},
		{"read this telegra.ph/Kak-zarabotat-v-internete-05-12 now", true},
		{"https://dentist-near-me.business.site/", true},
		{"the original lecture: https://www.youtube.com/watch?v=kCc8FmEb1nY", false},
		{"this one https://youtu.be/dQw4w9WgXcQ", false},
		{"announced on https://twitter.com/britishmuseum/status/1412345678901234567", false},
		{"the live version https://www.facebook.com/radiohead/videos/10155432119", false},
		{"the post https://www.instagram.com/p/Cx1y2z3/", false},
		{"a post https://gardenroses.blogspot.com/2019/05/pruning.html", false},
		{"see https://www.google.com/search?q=x", false},
		{"the form https://docs.google.com/forms/d/e/1FAIpQLSf/viewform", false},
	} {
		v, _ := Vectorize(Doc{Text: tc.text}, 16)
		if got := slices.Contains(v.Idx, uint32(fProfileLink)); got != tc.profile {
			t.Errorf("%q: profile link = %v, want %v", tc.text, got, tc.profile)
		}
		if tc.profile && slices.Contains(v.Idx, uint32(fReputable)) {
			t.Errorf("%q: a channel counts as a reputable site", tc.text)
		}
	}
}

// TestForumLinkAnchors checks that BBCode and HTML links give their link
// texts as anchors.
func TestForumLinkAnchors(t *testing.T) {
	for _, tc := range []struct{ text, url, anchor string }{
		{"[url=http://replica-watches-sale.top]replica watches[/url]", "http://replica-watches-sale.top", "replica watches"},
		{`[URL="https://essaypro-help.net/order"]essay help[/URL] thanks`, "https://essaypro-help.net/order", "essay help"},
		{`<a href="https://onlinepharmacy-rx24.com/viagra" rel="nofollow">viagra</a>`, "https://onlinepharmacy-rx24.com/viagra", "viagra"},
	} {
		_, cs := Vectorize(Doc{Text: tc.text}, 16)
		if len(cs) != 1 || cs[0].Text != tc.url || cs[0].Anchor != tc.anchor {
			t.Errorf("%q: contacts %+v, want %s with anchor %q", tc.text, cs, tc.url, tc.anchor)
		}
	}
}

// TestPromoLexicons checks the self-promotion and praise lexicons in a few
// languages, and that neutral prose sets neither off.
func TestPromoLexicons(t *testing.T) {
	for _, tc := range []struct {
		text string
		f    int
		want bool
	}{
		{"I'm a small youtuber, check out my channel https://youtube.com/@x", fSelfPromo, true},
		{"Ребята, подпишитесь на мой канал https://youtube.com/@x", fSelfPromo, true},
		{"Kanalıma abone olun https://youtube.com/@x", fSelfPromo, true},
		{"The full interview is here https://www.youtube.com/watch?v=abc", fSelfPromo, false},
		{"'''Acme''' is a leading provider of innovative solutions and award-winning service. https://acme.com", fPuffery2plus, true},
		{"'''Müller GmbH''' ist ein führender Anbieter mit höchster Qualität. https://mueller.de", fPuffery2plus, true},
		{"'''Acme''' is a manufacturer of pumps founded in 1921 in Leeds. https://acme.com", fPuffery1, false},
		{"The revolutionary war began in 1775. https://example.org/a", fPuffery1, false},
	} {
		if got := textHas(tc.text, tc.f); got != tc.want {
			t.Errorf("%q: %s = %v, want %v", tc.text, denseNames[tc.f], got, tc.want)
		}
	}
}

// TestUploadNotReputable checks that a video on a site anyone uploads to is
// no reputable citation for the model, however its link is written, while
// the curated sources of the reputable list still are.
func TestUploadNotReputable(t *testing.T) {
	for _, tc := range []struct {
		text      string
		reputable bool
	}{
		{"my new cover, tell me what you think https://www.youtube.com/watch?v=Qw3rTy7uIo1", false},
		{"the lecture http://youtube.com/watch?v=Qw3rTy7uIo1&t=90s", false},
		{"https://youtube.com/shorts/Qw3rTy7uIo1", false},
		{"the report https://www.bbc.co.uk/news/science-environment-12345678", true},
		{"doi https://doi.org/10.1000/182", true},
		{"figures https://www.census.gov/data/tables.html", true},
		// What anyone publishes on a reputable platform is its author's.
		{"best rates here https://docs.google.com/document/d/1aBcDeFgHiJkLmNoP/edit?usp=sharing", false},
		{"download https://drive.google.com/file/d/1xYz987AbC/view", false},
		{"sign up https://docs.google.com/forms/d/e/1FAIpQLSe123/viewform", false},
		{"our page sites.google.com/view/cheap-loans-now", false},
		{"join https://groups.google.com/g/some-group-name", false},
		{"go https://www.google.com/url?q=https://example.net/&sa=D", false},
		{"the search engine https://www.google.com/", true},
		{"the book https://books.google.com/books?id=AbCdEfGh", true},
	} {
		v, _ := Vectorize(Doc{Text: tc.text}, 16)
		if got := slices.Contains(v.Idx, uint32(fReputable)); got != tc.reputable {
			t.Errorf("%q: reputable = %v, want %v", tc.text, got, tc.reputable)
		}
	}
}

// TestUserContent checks which links on a reputable platform's hosts are
// what a user published there.
func TestUserContent(t *testing.T) {
	for _, tc := range []struct {
		url  string
		want bool
	}{
		{"https://docs.google.com/spreadsheets/d/1AbC/edit#gid=0", true},
		{"https://drive.google.com/open?id=1AbC", true},
		{"https://drive.google.com/drive/folders/1AbC", true},
		{"https://script.google.com/macros/s/AKfy/exec", true},
		{"https://sites.google.com/site/myoldsite/home", true},
		{"https://groups.google.com/g/golang-nuts/c/AbC", true},
		{"https://groups.google.com/", false},
		{"https://docs.google.com/", false},
		{"https://www.google.de/url?q=https://example.org", true},
		{"https://www.google.com/maps/place/Berlin", false},
		{"https://support.google.com/websearch/answer/134479", false},
	} {
		host, path := splitURL(tc.url)
		if got := userContent(host, path); got != tc.want {
			t.Errorf("userContent(%q) = %v, want %v", tc.url, got, tc.want)
		}
	}
}
