package spamscore

import (
	"slices"
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
		{"Free signals every day @crypto_vip_signals", fTelegram, true},
		{"[https://www.bbc.co.uk/news/1 BBC]", fDomainTopic, false},
		{"https://pharma-outlet.com/buy-viagra-online.html", fPathTopic, true},
		{"[url=https://bonus-club.net/casino-bonus/]bonus[/url]", fPathTopic, true},
		{"https://www.bbc.co.uk/news/uk-england-tyne-7512345", fPathTopic, false},
		{"https://go.dev/doc/modules/managing-dependencies", fPathTopic, false},
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
