package spamscore

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// TestContacts checks the links and link-like contact points the extractor
// finds: URLs with their anchors, bare and obfuscated domains, handles,
// phone numbers, e-mail addresses, IDNs.
func TestContacts(t *testing.T) {
	type c = Contact
	tests := []struct {
		name string
		text string
		want []Contact
	}{
		{"wiki bracket link", "[http://guenstige-kredite-sofort.de/angebot Günstige Kredite] Sofortkredit",
			[]c{{ContactURL, "http://guenstige-kredite-sofort.de/angebot", "guenstige-kredite-sofort.de", "Günstige Kredite"}}},
		{"markdown link", "see [the docs](https://go.dev/ref/mem).",
			[]c{{ContactURL, "https://go.dev/ref/mem", "go.dev", "the docs"}}},
		{"cite title is the anchor", "<ref>{{cite web|url=http://cheap-uggs-boots.net/x|title=Best casino guide 2023}}</ref>",
			[]c{{ContactURL, "http://cheap-uggs-boots.net/x", "cheap-uggs-boots.net", "Best casino guide 2023"}}},
		{"bare URL, trailing dot", "More at www.example.org.",
			[]c{{ContactURL, "www.example.org", "example.org", ""}}},
		{"bare upper-case domain", "Thanks to ZONEPA.COM they recovered my funds",
			[]c{{ContactBare, "ZONEPA.COM", "zonepa.com", ""}}},
		{"spaced dot", "write to fastloans . com today",
			[]c{{ContactObfuscated, "fastloans . com", "fastloans.com", ""}}},
		{"bracketed dot", "visit cheapbets[dot]net now",
			[]c{{ContactObfuscated, "cheapbets[dot]net", "cheapbets.net", ""}}},
		{"telegram handle", "Пишите в телеграм @fast_money_job",
			[]c{{ContactTelegram, "@fast_money_job", "", ""}}},
		{"t.me link", "join t.me/cryptosignals_vip",
			[]c{{ContactBare, "t.me", "t.me", ""}}},
		{"whatsapp number", "WhatsApp +49 151 2345 6789 now",
			[]c{{ContactPhone, "+49 151 2345 6789", "", ""}}},
		{"e-mail address", "contact recovery.expert@gmail.com",
			[]c{{ContactEmail, "recovery.expert@gmail.com", "gmail.com", ""}}},
		{"IDN host is punycode", "[http://займы-онлайн.рф/ займы]",
			[]c{{ContactURL, "http://займы-онлайн.рф/", "xn----7sbbzlcmgkdg8m.xn--p1ai", "займы"}}},
		{"bare IDN domain is punycode", "Займы без отказа: займы-онлайн.рф",
			[]c{{ContactBare, "займы-онлайн.рф", "xn----7sbbzlcmgkdg8m.xn--p1ai", ""}}},
		{"file names are not domains", "[[File:Example.jpg|thumb]] and index.php and Node.js",
			nil},
		{"no contacts in prose", "The bridge was completed in 1932. It carries two lanes.",
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, got := Vectorize(Doc{Text: tc.text}, 16)
			if !slices.Equal(got, tc.want) {
				t.Errorf("contacts\n got %+v\nwant %+v", got, tc.want)
			}
			if tc.want != nil && !MayHaveContacts(tc.text) && got[0].Kind != ContactURL {
				t.Errorf("MayHaveContacts = false")
			}
		})
	}
}

// TestFeaturesNamed checks a few named features fire where they should.
func TestFeaturesNamed(t *testing.T) {
	has := func(d Doc, f int) bool {
		v, _ := Vectorize(d, 16)
		return slices.Contains(v.Idx, uint32(f))
	}
	if !has(Doc{Text: "[http://bit.ly/x deal]"}, fShortener) {
		t.Error("bit.ly is no shortener")
	}
	if !has(Doc{Text: "[http://ex.com/?utm_source=wiki x]"}, fTracking) {
		t.Error("utm_source is no tracking parameter")
	}
	if !has(Doc{Text: "Гарантия 100%, p\u0430ypal"}, fMixedWord) {
		t.Error("no mixed-script word in a Cyrillic-a paypal")
	}
	page := "Intro.\n\n[[Category:Towns]]"
	added := "* [http://cheap-pills.xyz buy]"
	if !has(Doc{Text: added, Old: page, New: page + "\n" + added}, fAfterCategories) {
		t.Error("link after the categories not seen")
	}
	if has(Doc{Text: "The town.<ref>[https://www.ons.gov.uk/census Census]</ref>", Old: page, New: "The town.<ref>[https://www.ons.gov.uk/census Census]</ref>\n" + page}, fAfterCategories) {
		t.Error("a reference before the categories is after them")
	}
}

// TestTransferFeatures checks the named features meant to carry across
// genres and languages, and that news-like text does not set them off.
func TestTransferFeatures(t *testing.T) {
	for _, tc := range []struct {
		text string
		f    int
		want bool
	}{
		{"I earn $500 per day from home, DM me @cash_boss", fLure2plus, true},
		{"Мой заработок 50 000 ₽ в неделю, пиши @job_fast", fLure1, true},
		{"Council approves payday loan rules [https://www.bbc.co.uk/news/1 BBC]", fLure1, false},
		{"Only 0.5 BTC to join, t.me/vip_club", fMoneyAmount, true},
		{"Gana 300 USD al día: ganar-dinero.xyz", fMoneyAmount, true},
		{"The bridge cost 4 million in 1932, see https://example.org/a", fMoneyAmount, false},
		{"Version 3.2 fixes 12 bugs, see https://go.dev/doc", fMoneyAmount, false},
		{"visit https://best-deals.xyz/promo", fCheapTLD, true},
		{"[http://topguide.com/ payday loans]", fCommercialAnchor, true},
		{"<ref>[https://www.npr.org/2008/x Astronomers review loan scheme for farmers]</ref>", fCommercialAnchor, false},
		{"Hurry, today only! https://x-shop.top", fUrgency, true},
		{"Ich habe viel mit dieser Bitcoin-Firma verdient, schreib mir: ZONEPA.COM", fTopic0 + int(topicEarn), true},
		{"Ich habe viel mit dieser Bitcoin-Firma verdient, schreib mir: ZONEPA.COM", fTopic0 + int(topicContact), true},
		{"Слоты и ставки без вложений, казино x100 тут t.me/lucky_win", fTopic0 + int(topicCasino), true},
		{"Слоты и ставки без вложений, казино x100 тут t.me/lucky_win", fMultiplier, true},
		{"Vay tiền nhanh không cần thế chấp, liên hệ zalo 0912 345 678", fTopic0 + int(topicLoan), true},
		{"Vay tiền nhanh không cần thế chấp, liên hệ zalo 0912 345 678", fLocalPhone, true},
		{"日赚500元，手机就能做，加微信 abc123", fTopic0 + int(topicJob), true},
		{"The alphabet has 26 letters; see https://en.wikipedia.org/wiki/Alphabet", fTopic0 + int(topicCasino), false},
		{"The sloth is slow, https://example.org/sloth", fTopic0 + int(topicCasino), false},
		{"Published online 2009, ISBN 978-0-12-345678-9, https://doi.org/10.1/x", fLocalPhone, false},
		{"Call the museum, tel. 0207 946 0958, https://museum.example.org", fLocalPhone, true},
		{"Build 10x faster with the 2x cache, https://go.dev/doc", fMultiplier, true},
		{"Released on 2x.example in 1910, https://example.org/a1x", fMultiplier, false},
		{"[http://casino-vulkan.xyz/ here]", fDomainTopic, true},
		{"Your picture is 1000 by 1000! Same goes to @fredley. https://example.org/a", fMention, true},
		{"Your picture is 1000 by 1000! Same goes to @fredley. https://example.org/a", fTelegram, false},
		{"Пиши в телеграм @job_fast", fTelegram, true},
		{"Join the group https://chat.whatsapp.com/AbCdEf123", fTelegram, true},
		{"Nebenverdienst übers Handy, Infos per PN @lilnovatv", fTelegram, true},
		{"Thanks, @lilnovatv, that fixed it", fTelegram, false},
		{"Add me on LINE: line.me/ti/p/abc123", fTelegram, true},
		{"The bot API is documented at https://core.telegram.org/bots/api", fTelegram, false},
		{"See https://faq.whatsapp.com/1234 for backups", fTelegram, false},
		{"Free signals every day @crypto_vip_signals", fTelegram, true},
		{"سیگنال رایگان ارز دیجیتال، عضو کانال شوید @realluna_", fTelegram, true},
		{"Бесплатные сигналы, вступай в канал @lilnovatv", fTelegram, true},
		{"Thanks @lilnovatv, I will join the discussion later", fTelegram, false},
		{"[https://www.bbc.co.uk/news/1 BBC]", fDomainTopic, false},
		{"https://pharma-outlet.com/buy-viagra-online.html", fPathTopic, true},
		{"[url=https://bonus-club.net/casino-bonus/]bonus[/url]", fPathTopic, true},
		{"https://www.bbc.co.uk/news/uk-england-tyne-7512345", fPathTopic, false},
		{"https://go.dev/doc/modules/managing-dependencies", fPathTopic, false},
		// A pitch: several kinds of selling at once, in any language;
		// one kind alone is ordinary talk.
		{"Make money from home, sign up for free today: http://earn-now.example/", fPitch3, true},
		{"Gana dinero desde casa, es gratis, visita: http://gana-ya.example/", fPitch3, true},
		{"The free version is enough, see https://go.dev/doc", fPitch3, false},
		{"The fund returned 3% in 2009 and cost $20 million (https://example.org/a).", fPitch3, false},
		{"Earn $500 a day from home! Sign up FREE now, only today! Click here: http://earn-now.example/ !!", fPitch5plus, true},
	} {
		if got := textHas(tc.text, tc.f); got != tc.want {
			t.Errorf("%q: %s = %v, want %v", tc.text, denseNames[tc.f], got, tc.want)
		}
	}
}

// TestDomainFeatures: a site is known by its whole domain, a platform's or
// a shortener's is not; a mailbox at a free provider is a named feature and
// not the provider's name.
func TestDomainFeatures(t *testing.T) {
	site := func(text, dom string) bool {
		v, _ := Vectorize(Doc{Text: text}, 16)
		want := fDense + uint32(newHash(nsSite).str(dom))&(1<<16-1)
		return slices.Contains(v.Idx, want)
	}
	if !site("see https://yandex.ru/maps", "yandex.ru") {
		t.Error("yandex.ru is not known by its domain")
	}
	if site("my channel https://youtube.com/@me", "youtube.com") || site("https://bit.ly/x", "bit.ly") {
		t.Error("a platform or a shortener is known by its domain")
	}
	if !textHas("write to me: loanboss@yandex.ru", fFreeMail) || site("write to me: loanboss@yandex.ru", "yandex.ru") {
		t.Error("a mailbox at yandex.ru reads as the site")
	}
	if textHas("write to info@cheap-loans.biz", fFreeMail) || !site("write to info@cheap-loans.biz", "cheap-loans.biz") {
		t.Error("a mailbox at the sender's own domain is no free mail")
	}
}

// TestLinkSharesAreMeans: a property of every link weighs the same however
// many links share it.
func TestLinkSharesAreMeans(t *testing.T) {
	val := func(text string) float32 {
		v, _ := Vectorize(Doc{Text: text}, 16)
		for i, idx := range v.Idx {
			if idx == fPathDepth2plus {
				return v.Val[i]
			}
		}
		return 0
	}
	one := val("https://example.org/a/b")
	many := val("https://example.org/a/b https://example.net/c/d https://example.com/e/f https://example.info/g/h")
	if one != 1 || many != 1 {
		t.Errorf("a deep path counts %v for one link and %v for four, want 1 and 1", one, many)
	}
}

// TestSelfLabelledLinks: a link whose text is its own address reads as the
// plain URL, in every markup; a link text naming another address does not.
func TestSelfLabelledLinks(t *testing.T) {
	const u = "https://docs.python.org/3/library/os.html"
	plain, plainCs := Vectorize(Doc{Text: "See " + u + " for this."}, 16)
	named := func(v Vector) []uint32 {
		var out []uint32
		for _, i := range v.Idx {
			if i < fDense {
				out = append(out, i)
			}
		}
		slices.Sort(out)
		return out
	}
	for _, text := range []string{
		"See [" + u + "](" + u + ") for this.",
		"See [docs.python.org/3/library/os.html](" + u + ") for this.",
		"See [docs.python.org](" + u + ") for this.",
		"See [python.org](" + u + ") for this.",
		"See [https://docs.python.org/3/lib…](" + u + ") for this.",
		"See [" + u + " " + u + "] for this.",
		"See [url=" + u + "]" + u + "[/url] for this.",
		"See <a href=\"" + u + "\">" + u + "</a> for this.",
	} {
		v, cs := Vectorize(Doc{Text: text}, 16)
		if len(cs) != len(plainCs) || cs[0].Anchor != "" {
			t.Errorf("%q: contacts %+v, want one as the plain URL gives", text, cs)
		}
		if got, want := named(v), named(plain); !slices.Equal(got, want) {
			t.Errorf("%q: named features %v, want the plain URL's %v", text, got, want)
		}
	}
	for _, text := range []string{
		"[https://www.paypal.com/signin](https://paypal-secure.example/login)",
		"[paypal.com](https://paypal.com.secure-login.example/)",
		"[www.paypal.com](https://secure-login.example/)",
	} {
		if !textHas(text, fAnchorURL) {
			t.Errorf("%q: a link text naming another address is not seen", text)
		}
	}
	for _, text := range []string{"[ASP.NET](https://learn.microsoft.com/aspnet/core)", "[Socket.IO](https://socket.io/docs/v4/)", "[Node.js](https://nodejs.org/)"} {
		if textHas(text, fAnchorURL) {
			t.Errorf("%q: a name with a dot read as an address", text)
		}
	}
}

// TestTrackingKeys: tracking and redirects are read from the query's keys
// and whole path steps, never from words anywhere in the address.
func TestTrackingKeys(t *testing.T) {
	for _, tc := range []struct {
		text            string
		track, redirect bool
	}{
		{"https://shop.example/p?aff_id=123", true, true},
		{"https://shop.example/p?utm_source=share", true, false},
		{"https://shop.example/p?REF=abc", true, true},
		{"https://shop.example/go/offer", false, true},
		{"https://shop.example/out.php?id=2", false, true},
		{"https://x.example/r?url=https%3A%2F%2Fevil.example", false, true},
		{"https://x.example/r?url=http://evil.example", false, true},
		{"https://www.gov.example/foreign-affairs/staff?q=partner+programme", false, false},
		{"https://forum.example/t/referee-decisions?page=2&sort=reference", false, false},
		{"https://example.org/partners/affiliates-list", false, false},
		{"https://museum.example/visit/", false, false},
		{"https://www.reddit.com/r/golang/comments/abc", false, false},
		{"https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC", false, false},
	} {
		if got := textHas(tc.text, fTracking); got != tc.track {
			t.Errorf("%q: tracking %v, want %v", tc.text, got, tc.track)
		}
		if got := textHas(tc.text, fRedirectPath); got != tc.redirect {
			t.Errorf("%q: redirect %v, want %v", tc.text, got, tc.redirect)
		}
	}
}

// TestExclaimShare: exclamations count as the share of sentences that
// exclaim, so two in a long reply weigh less than one pitch of them.
func TestExclaimShare(t *testing.T) {
	val := func(text string) float32 {
		v, _ := Vectorize(Doc{Text: text}, 16)
		for i, idx := range v.Idx {
			if idx == fExclaim {
				return v.Val[i]
			}
		}
		return 0
	}
	for _, tc := range []struct {
		text string
		want float32
	}{
		{"Buy now!!! Best price!! https://x.example", 1},
		{"Thanks, that worked!! I used https://x.example/a and it is fine now. The docs are at https://y.example. Version 3.5 works too.", 1.0 / 4},
		{"It works. See https://x.example/a for the docs.", 0},
		{"Brilliant, @Dave, thanks! https://x.example/a", 0},
		{"太好了！太棒了！请看 https://x.example 。", 2.0 / 3},
	} {
		if got := val(tc.text); math.Abs(float64(got-tc.want)) > 1e-6 {
			t.Errorf("%q: exclamation share %v, want %v", tc.text, got, tc.want)
		}
	}
}

// BenchmarkScore scores a short spam addition.
func BenchmarkScore(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	d := Doc{Text: "[http://guenstige-kredite-sofort.de/angebot Günstige Kredite] Sofortkredit ohne Schufa, jetzt Antrag stellen!"}
	b.ReportAllocs()
	for b.Loop() {
		m.Score(d)
	}
}

// textHas reports whether the named feature f fires on text alone.
func textHas(text string, f int) bool {
	v, _ := Vectorize(Doc{Text: text}, 16)
	return slices.Contains(v.Idx, uint32(f))
}

func TestDomainNamedAfterPage(t *testing.T) {
	page := "Toronto is the capital city of the Canadian province of Ontario. " + strings.Repeat("It is a large city with many parks and museums. ", 8)
	has := func(add string) bool {
		v, _ := Vectorize(Doc{Text: add, Old: page}, 16)
		return slices.Contains(v.Idx, uint32(fDomainNamesPage))
	}
	for _, add := range []string{
		"* [http://www.torontotourism.com/ Tourism Toronto]",
		"* [http://visit-ontario.ca/ Visit]",
		"[https://www.guideto-toronto.org/ Guide]",
	} {
		if !has(add) {
			t.Errorf("%q: domain not named after the page", add)
		}
	}
	for _, add := range []string{
		"* [http://cheap-uggs-boots.net/ Best boots]",
		"* [http://www.capitalloans.biz/ Loans]", // "capital" is no name on the page: lower case
		"write to torontodeals@gmail.com",
	} {
		if has(add) {
			t.Errorf("%q: domain named after the page", add)
		}
	}
	if v, _ := Vectorize(Doc{Text: "* [http://www.torontotourism.com/ Tourism Toronto]"}, 16); slices.Contains(v.Idx, uint32(fDomainNamesPage)) {
		t.Error("named after a page with no page")
	}
}

// TestEmojiDensity checks that "many emoji" is read only with
// EmojiDensity, and "emoji" either way.
func TestEmojiDensity(t *testing.T) {
	defer func(on bool) { EmojiDensity = on }(EmojiDensity)
	text := "join the club 🔥🔥🔥 🚀 https://example-club.xyz/"
	for _, on := range []bool{true, false} {
		EmojiDensity = on
		v, _ := Vectorize(Doc{Text: text}, 16)
		if got := slices.Contains(v.Idx, uint32(fEmojiDense)); got != on {
			t.Errorf("density %v: %s = %v, want %v", on, denseNames[fEmojiDense], got, on)
		}
		if !slices.Contains(v.Idx, uint32(fEmoji)) {
			t.Errorf("density %v: %s not set", on, denseNames[fEmoji])
		}
	}
}

// A query that says who is paid or which campaign sent the click is
// tracking; a search, a page number or an article id is not.
func TestTrackedQuery(t *testing.T) {
	for raw, want := range map[string]bool{
		"https://shop.example/?utm_source=forum":       true,
		"https://shop.example/signup?ref=abc123":       true,
		"https://shop.example/go?aff_id=77&page=2":     true,
		"https://shop.example/deal?promo=WINTER":       true,
		"https://news.example/article?id=4411":         false,
		"https://docs.example/search?q=partner+portal": false,
		"https://example.org/history/":                 false,
		"http://[::1:bad":                              true,
	} {
		if got := TrackedQuery(raw); got != want {
			t.Errorf("TrackedQuery(%q) = %v, want %v", raw, got, want)
		}
	}
}
