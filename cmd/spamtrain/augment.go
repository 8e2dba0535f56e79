package main

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
)

// The augmentation: wiki and forum spam, and matching good-faith text, in
// the languages of langs, made deterministically from a seed. The real
// corpora are e-mail and SMS spam against Stack Exchange and e-mail ham in
// English; this fills in the genres (wikitext links, citations, link lists
// after the categories, Markdown, bare and obfuscated domains, contact
// handles) and the languages they lack, with ham of the same shapes so that
// a shape alone does not become the spam signal.

// Containers: how an augmented text carries its links. Each name is part
// of the example's kind, so the figures can be read per container.
var spamContainers = []string{"bracket", "cite", "after-categories", "markdown", "html", "bare-domain", "obfuscated", "handle", "link-only", "multi",
	"repeated", "advert-url", "hidden", "wall", "promo", "comment", "chat", "chat", "post", "story", "story", "wall-generic",
	"selfpromo", "tg", "draft", "link-list", "recommend", "prize"}
var hamContainers = []string{"cite", "bracket", "extlinks", "markdown", "bare-url", "mention", "plain", "ref-only", "infobox", "chatty", "chatty", "answer", "topic-answer", "long-cite", "small-site", "reply",
	"share", "docs", "company", "link-reply", "advice", "org-line", "contest"}

// replySpam is whether the spam containers include "reply": spam that
// opens with the @handle of whom it answers, as the good-faith replies
// do (flag -replyspam, off by default). Without it the opening handle is a
// good-faith shape the augmentation alone teaches (the shipped model weighs
// "an @handle opening the text" -2.8). Session 19, seed 13 / 14: the held-out
// X posts' spam with words reverted with no memory 61.6% -> 73.3% / 72.6%,
// their link-only spam 0 -> 6 of 6, Instagram link-only 65.7 -> 80.0% /
// 80.0 -> 85.7%; but a Stack Exchange reply with an @handle (no URL) reached p>=0.7 in
// fold B, the operating shift fell from +0.4 to +0.2 / +0.1, fold B's
// e-mail spam went 75.0 -> 75.2% / 77.4 -> 75.6% and its link-only 10 -> 9
// / 11 -> 10 of 17, and two hand-made follow-up fixtures (bot and
// detectors: a link-only greenhome-tips.com) fell to p=0.67, under 0.7.
var replySpam = false

// spamKinds are the spam containers in turn: spamContainers, and with
// replySpam the reply spam.
func spamKinds() []string {
	if replySpam {
		return append(slices.Clip(spamContainers), "reply")
	}
	return spamContainers
}

// hamKinds are the good-faith containers in turn: hamContainers, and with
// the testimonials the finance talk that shares their words.
func hamKinds() []string {
	if testimonials {
		return append(slices.Clip(hamContainers), "finance")
	}
	return hamContainers
}

// augmenter makes augmented examples.
type augmenter struct {
	r     *rand.Rand
	pages []page // real wiki pages to insert the text into
}

type page struct {
	title, text, lang string
}

func (a *augmenter) pick(xs []string) string { return xs[a.r.IntN(len(xs))] }

var spamTLDs = []string{"com", "net", "info", "xyz", "top", "online", "site", "shop", "store", "club", "pro", "vip", "biz", "org", "co", "io", "cc", "live", "fun"}

var ccTLD = map[string]string{"de": "de", "fr": "fr", "es": "es", "pt": "com.br", "it": "it", "ru": "ru", "zh": "cn", "ja": "jp", "ar": "com", "vi": "vn", "tr": "com.tr", "pl": "pl", "nl": "nl", "id": "id", "ko": "kr", "en": "co.uk"}

// spamDomain makes a throwaway commercial domain.
func (a *augmenter) spamDomain(l *lang) string {
	ws := l.domainWords
	if a.r.IntN(4) == 0 {
		ws = langs[0].domainWords
	}
	w1, w2, w3 := a.pick(ws), a.pick(ws), a.pick(ws)
	var label string
	switch a.r.IntN(6) {
	case 0:
		label = w1 + "-" + w2
	case 1:
		label = w1 + w2
	case 2:
		label = w1 + "-" + w2 + "-" + w3
	case 3:
		label = fmt.Sprintf("%s%s%d", w1, w2, a.r.IntN(999))
	case 4:
		label = w1 + fmt.Sprint(a.r.IntN(99))
	default:
		label = w1 + w2 + w3
	}
	tld := a.pick(spamTLDs)
	if a.r.IntN(10) < 3 {
		tld = ccTLDOf(l.code)
	}
	switch {
	case l.code == "ru" && a.r.IntN(8) == 0:
		return a.pick([]string{"займы-онлайн", "казино-вулкан", "деньги-быстро", "купить-диплом"}) + ".рф"
	case l.code == "de" && a.r.IntN(10) == 0:
		return a.pick([]string{"günstige-kredite", "sofortkredit-für-alle", "möbel-billig"}) + ".de"
	}
	return label + "." + tld
}

// spamURL makes a URL on a throwaway domain.
func (a *augmenter) spamURL(l *lang) string {
	d := a.spamDomain(l)
	scheme := a.pick([]string{"http://", "https://", "https://www.", "http://www."})
	var path string
	switch a.r.IntN(10) {
	case 0:
	case 1:
		path = "/"
	case 7:
		// Landing pages as deep as real ones: a shop's category and
		// product pages. (No dated blog paths: good-faith references
		// link to dated news and uploads.)
		path = fmt.Sprintf("/%s/%s-%s-%d/", a.pick(l.domainWords), a.pick(l.domainWords), a.pick(l.domainWords), a.r.IntN(9999))
	case 8:
		path = fmt.Sprintf("/products/%s-%s?variant=%d", a.pick(l.domainWords), a.pick(langs[0].domainWords), 10000000+a.r.IntN(90000000))
	case 9:
		path = fmt.Sprintf("/index.php?route=product/product&product_id=%d", a.r.IntN(99999))
	case 2:
		path = "/" + a.pick(l.domainWords)
	case 3:
		path = "/" + a.pick(l.domainWords) + "-" + a.pick(l.domainWords) + "-" + a.pick(langs[0].domainWords) + ".html"
	case 4:
		path = referralPath(a.r.IntN(100000))
	case 5:
		path = fmt.Sprintf("/go/%s?utm_source=wiki&utm_campaign=%d", a.pick(l.domainWords), a.r.IntN(999))
	default:
		path = "/" + a.pick([]string{"angebot", "offer", "promo", "bonus", "register", "index.php", "shop", "product"})
	}
	return scheme + d + path
}

// referralPath is the path and query of a referral or sign-up link, made
// from n alone (no further draw from the augmenter's random stream): an
// affiliate's number or the generated code of an earning app, exchange or
// casino that pays whoever posts the link, in the query or in a
// single-page app's sign-up route.
func referralPath(n int) string {
	const alnum = "abcdefghijkmnpqrstuvwxyz23456789"
	var code []byte
	for m := uint32(n)*2654435761 + 1; len(code) < 6+n%5; m = m*1664525 + 1013904223 {
		code = append(code, alnum[m>>27])
	}
	if !strings.ContainsAny(string(code), "23456789") {
		code[len(code)/2] = '7'
	}
	switch n % 6 {
	case 0:
		return fmt.Sprintf("/?ref=%d", n)
	case 1:
		return "/?ref=" + string(code)
	case 2:
		return "/register?invite_code=" + strings.ToUpper(string(code))
	case 3:
		return "/#/register?code=" + string(code)
	case 4:
		return "/?r=" + string(code)
	default:
		return "/signup?referral=" + string(code)
	}
}

func (a *augmenter) spamSentence(l *lang) string {
	s := fill(a.pick(l.spam), a.pick(l.products))
	if a.r.IntN(5) == 0 {
		s += " " + a.pick([]string{"🔥", "💰", "✅", "👉", "🎰", "💯", "🚀"})
	}
	return s
}

func (a *augmenter) anchor(l *lang) string {
	switch a.r.IntN(4) {
	case 0:
		return a.pick(l.products)
	case 1:
		if l.code == "en" {
			return a.pick(enAdjectives) + " " + a.pick(l.products) + a.pick([]string{"", " online", " UK", " USA", " 2024", " near me", " deals"})
		}
		return a.pick(l.products) + " " + a.pick(l.anchors)
	}
	return a.pick(l.anchors)
}

// smallWords name what small good-faith sites are about: societies,
// places and hobbies. Words content farms and SEO domains are made of
// ("tips", "guide", "home", "green", "recipes") are left out: a domain
// such as greenhome-tips.com is the shape of link spam, not of a club.
var smallWords = []string{"garden", "history", "railway", "birds", "photo", "club", "society", "museum", "local",
	"notes", "roses", "village", "parish", "chess", "music", "choir", "football", "hiking", "trails", "family", "genealogy",
	"radio", "model", "trains", "coins", "stamps", "heritage", "archive", "friends", "school", "church"}

// smallSite makes the domain of a small good-faith site: neutral words,
// sometimes hyphenated or with a digit, an ordinary TLD.
func (a *augmenter) smallSite(l *lang) string {
	w1, w2 := a.pick(smallWords), a.pick(smallWords)
	var label string
	switch a.r.IntN(4) {
	case 0:
		label = w1 + "-" + w2
	case 1:
		label = w1 + w2
	case 2:
		label = w1 + "-" + w2 + "-" + a.pick(smallWords)
	default:
		label = w1 + w2 + fmt.Sprint(1+a.r.IntN(99))
	}
	tld := a.pick([]string{"com", "org", "net", "info", "co.uk", "blogspot.com", "wordpress.com", ccTLDOf(l.code)})
	if a.r.IntN(8) == 0 {
		// Clubs and hobby sites on the cheap TLDs throwaway domains
		// favour too: the TLD is a hint, not a verdict.
		tld = a.pick([]string{"xyz", "online", "site", "club", "top", "tk", "space", "fun"})
	}
	return label + "." + tld
}

// digitSites are well-known sites whose names hold digits or hyphens.
var digitSites = []string{"2000ad.org", "20minutes.fr", "9to5mac.com", "1und1.de", "e24.no", "24ur.com", "3dnews.ru", "web3.foundation",
	"365dm.com", "t-online.de", "n-tv.de", "abc7.com", "channel4.com", "c-span.org", "u-tokyo.ac.jp", "st-andrews.ac.uk",
	"w3.org", "mp3tag.de", "4chan.org", "360doc.com", "163.com", "e-periodica.ch", "vox-pop.org", "x-rates.com"}

// topicSites are real sites of communities, news and regulators whose
// names carry a word of what spam sells (bitcoin, casino, poker, loans,
// pharmacy): a forum on the subject cites them in good faith, so a topic
// word in a domain's name must not be spam on its own.
var topicSites = []string{"bitcoin.org", "bitcointalk.org", "bitcoin.it", "bitcoinmagazine.com", "cryptoslate.com", "coindesk.com",
	"ethereum.org", "casino.org", "pokernews.com", "pokerstrategy.com", "gamblingcommission.gov.uk", "begambleaware.org",
	"studentloans.gov", "moneysavingexpert.com", "creditkarma.com", "drugs.com", "rxlist.com", "pharmacy.org.au",
	"datingnews.com", "forex.com", "investing.com", "sportsbetting.gov.au", "kredit.de", "finanzen.net"}

// enAdjectives make English commercial anchors ("cheap payday loans UK").
var enAdjectives = []string{"cheap", "best", "affordable", "discount", "top", "buy", "trusted", "fast", "free", "official", "online", "instant", "legit", "premium"}

func (a *augmenter) handle(l *lang) string {
	name := a.pick(l.domainWords) + a.pick([]string{"_support", "_official", "_bot", "manager", "_vip", "", "24", "_admin"})
	switch a.r.IntN(6) {
	case 0:
		return "@" + name
	case 1:
		if testimonials {
			return a.personHandle(true)
		}
		return "@" + name
	case 2:
		return "t.me/" + name
	case 3:
		return fmt.Sprintf("WhatsApp +%d %d %d %d", 1+a.r.IntN(98), 100+a.r.IntN(899), 100+a.r.IntN(899), 1000+a.r.IntN(8999))
	case 4:
		return fmt.Sprintf("+%d-%d-%d-%d", 1+a.r.IntN(98), 100+a.r.IntN(899), 100+a.r.IntN(899), 1000+a.r.IntN(8999))
	default:
		return name + "@" + a.pick([]string{"gmail.com", "outlook.com", "yandex.ru", "qq.com", "proton.me"})
	}
}

// givenNames and familyNames make the accounts testimonial and mentor
// spam promotes: a person's name, not a product's, in the romanised forms
// handles take in any language.
var (
	givenNames  = []string{"anna", "maria", "sarah", "olga", "fatima", "ana", "julia", "elena", "mei", "yuki", "amina", "laura", "sofia", "grace", "linda", "david", "james", "ahmed", "ivan", "carlos", "luca", "kenji", "daniel", "michael", "omar", "pierre", "jonas", "arjun"}
	familyNames = []string{"smith", "martin", "garcia", "rossi", "ivanova", "mueller", "silva", "nguyen", "kowalski", "tanaka", "haddad", "johnson", "lopez", "novak", "park", "walker", "dubois", "costa"}
	// accountWords are what such an account adds to the name: a trade
	// or a title, or nothing.
	accountWords = []string{"fx", "trades", "invest", "coach", "mentor", "wealth", "finance", "official", "crypto", "trader", "tips", "", "", ""}
)

// personHandle is an @handle shaped as a person's made-up account, what
// testimonial and "account manager" spam promotes (@anna_garcia_fx,
// @david.trades01, @mariasilva_): a name, separators, a trade word when
// trade, digits. Good-faith replies name people by the same shapes
// without the trade (@anna_garcia, @david.park01).
func (a *augmenter) personHandle(trade bool) string {
	parts := []string{a.pick(givenNames)}
	if a.r.IntN(3) > 0 {
		parts = append(parts, a.pick(familyNames))
	}
	if w := a.pick(accountWords); w != "" && trade {
		parts = append(parts, w)
	}
	h := strings.Join(parts, a.pick([]string{"_", ".", "", "_"}))
	switch a.r.IntN(4) {
	case 0:
		h += fmt.Sprint(a.r.IntN(100))
	case 1:
		h += a.pick([]string{"_", "__", "."})
	}
	return "@" + h
}

func (a *augmenter) obfuscate(d string) string {
	i := strings.LastIndexByte(d, '.')
	name, tld := d[:i], d[i+1:]
	if j := strings.LastIndexByte(name, '.'); j >= 0 {
		name = name[j+1:]
	}
	switch a.r.IntN(5) {
	case 0:
		return name + " . " + tld
	case 1:
		return name + "[dot]" + tld
	case 2:
		return name + " (dot) " + tld
	case 3:
		return name + " dot " + tld
	default:
		return name + "[.]" + tld
	}
}

// onPage puts added text into a real page: in a paragraph, or at the end
// after the categories. It returns the old and new page.
func (a *augmenter) onPage(added string, end bool) (old, new string) {
	return onPageOf(a.pages[a.r.IntN(len(a.pages))], added, end)
}

// onPageOf puts added text into page p, as onPage does.
func onPageOf(p page, added string, end bool) (old, new string) {
	old = p.text
	if len(old) > 20000 {
		old = old[:20000]
	}
	if end {
		return old, old + "\n" + added
	}
	// Before the categories, after some paragraph.
	cut := strings.Index(old, "[[Category:")
	if cut < 0 {
		cut = len(old)
	}
	at := strings.LastIndex(old[:cut], "\n\n")
	if at < 0 {
		at = cut
	}
	return old, old[:at] + "\n" + added + old[at:]
}

// spam makes one augmented spam example in language l with container c.
func (a *augmenter) spam(l *lang, c string) example {
	e := example{label: true, lang: l.code, genre: "web", kind: "aug-spam-" + c + "-" + l.code, source: "augment"}
	wiki := true
	var text string
	switch c {
	case "bracket":
		if a.r.IntN(2) == 0 {
			text = "[" + a.spamURL(l) + " " + a.anchor(l) + "] " + a.spamSentence(l)
		} else {
			text = a.spamSentence(l) + " [" + a.spamURL(l) + " " + a.anchor(l) + "]"
		}
	case "cite":
		title := a.anchor(l)
		if a.r.IntN(2) == 0 {
			title = fmt.Sprintf("%s %d", a.pick(l.titles[:1])+" "+a.pick(l.products), 2020+a.r.IntN(5))
		}
		ref := "<ref>{{cite web|url=" + a.spamURL(l) + "|title=" + title + "}}</ref>"
		if a.r.IntN(2) == 0 {
			text = a.pick(l.ham) + ref
		} else {
			text = a.spamSentence(l) + ref
		}
	case "after-categories":
		p := a.pages[a.r.IntN(len(a.pages))]
		var b strings.Builder
		n := 1 + a.r.IntN(4)
		for i := 0; i < n; i++ {
			u := a.spamURL(l)
			if i == 0 && a.r.IntN(4) == 0 {
				// Local spam named after the page's subject
				// (toronto-payday-loans.com on Toronto): a name of
				// the page in the domain is no good faith by itself.
				u = a.localSpamURL(l, p)
			}
			if a.r.IntN(3) == 0 {
				b.WriteString(u + "\n")
			} else {
				b.WriteString("* [" + u + " " + a.anchor(l) + "]\n")
			}
		}
		text = strings.TrimSuffix(b.String(), "\n")
		e.old, e.new = onPageOf(p, text, true)
		e.text = text
		return e
	case "markdown":
		wiki = false
		text = a.spamSentence(l) + " [" + a.anchor(l) + "](" + a.spamURL(l) + ")"
		if a.r.IntN(3) == 0 {
			text = a.spamSentence(l) + "\n\n" + a.spamURL(l)
		}
	case "html":
		wiki = false
		text = `<a href="` + a.spamURL(l) + `">` + a.anchor(l) + "</a> " + a.spamSentence(l)
	case "bare-domain":
		wiki = a.r.IntN(2) == 0
		d := a.spamDomain(l)
		if a.r.IntN(3) == 0 {
			d = strings.ToUpper(d)
		}
		text = a.spamSentence(l) + " " + a.pick(l.cta) + " " + d
	case "obfuscated":
		wiki = a.r.IntN(2) == 0
		text = a.spamSentence(l) + " " + a.pick(l.cta) + " " + a.obfuscate(a.spamDomain(l))
	case "handle":
		wiki = false
		text = a.spamSentence(l) + " " + a.pick(l.cta) + " " + a.handle(l)
	case "link-only":
		switch a.r.IntN(4) {
		case 0:
			for _, w := range []string{"buy", "best", "online"} {
				text += "[" + a.spamURL(l) + " " + w + "] "
			}
			text = strings.TrimSpace(text)
		case 1:
			text = "[" + a.spamURL(l) + " " + a.anchor(l) + "]"
		case 2:
			text = a.spamURL(l)
			if a.r.IntN(2) == 0 {
				text += "\n" + a.spamURL(l)
			}
		default:
			wiki = false
			text = "[" + a.anchor(l) + "](" + a.spamURL(l) + ")"
		}
	case "link-list":
		text = a.linkListSpam(l)
		wiki = strings.HasPrefix(text, "[http") || strings.HasPrefix(text, "* [")
	case "recommend":
		wiki = false
		text = a.recommendSpam(l)
	case "repeated":
		u, an := a.spamURL(l), a.anchor(l)
		for i := 0; i < 2+a.r.IntN(5); i++ {
			text += "[" + u + " " + an + "]\n"
		}
		text = strings.TrimSuffix(text, "\n")
	case "advert-url":
		for i := 0; i < 1+a.r.IntN(4); i++ {
			text += a.anchor(l) + a.pick([]string{": ", " - ", " >> ", " "}) + a.spamURL(l) + "\n"
		}
		text = strings.TrimSuffix(text, "\n")
	case "hidden":
		tag := a.pick([]string{"div", "span", "p"})
		text = "<" + tag + ` style="` + a.pick([]string{"display:none", "visibility:hidden", "font-size:0", "position:absolute;left:-9999px"}) + `">`
		for i := 0; i < 1+a.r.IntN(4); i++ {
			text += "[" + a.spamURL(l) + " " + a.anchor(l) + "] "
		}
		text += "</" + tag + ">"
	case "wall":
		sep := a.pick([]string{" ", " | ", " - ", ", ", " • "})
		var parts []string
		for i := 0; i < 3+a.r.IntN(5); i++ {
			parts = append(parts, "["+a.spamURL(l)+" "+a.anchor(l)+"]")
		}
		text = a.pick(l.ham) + " " + strings.Join(parts, sep)
	case "promo":
		// A promotional page about a business, as drafts are: praise,
		// services, the official site, references to itself.
		name := strings.ToUpper(a.pick(l.domainWords)[:1]) + a.pick(l.domainWords)[1:] + " " + a.pick([]string{"Solutions", "Group", "Digital", "Media", "Technologies", "Consulting", "Ltd", "GmbH", "Agency"})
		u := a.spamURL(l)
		ps := promo[l.code]
		if ps == nil {
			ps = promo["en"]
		}
		text = "'''" + name + "''' " + fill(a.pick(ps), a.pick(l.products)) + " " + fill(a.pick(ps), a.pick(l.products)) +
			"<ref>[" + u + " " + name + "]</ref>\n\n== " + a.pick([]string{"External links", "Weblinks", "Liens externes", "Enlaces externos"}) + " ==\n* [" + u + " " + a.pick([]string{"Official website", "Offizielle Website", "Site officiel", "Sitio oficial"}) + "]"
	case "selfpromo", "tg":
		text, wiki = a.genreSpamText(l, c)
	case "draft":
		// A new page: no page around it.
		e.text, _ = a.genreSpamText(l, c)
		return e
	case "prize":
		// A claim of a prize or a gift and the link to claim it.
		wiki = false
		text = a.prizeSpam(l)
	case "chat":
		// A short chat or comment spam: a line and a contact.
		wiki = false
		text = a.chatSpamText(l)
	case "reply":
		// Spam that answers someone, as reply spam under a post or in a
		// thread does: it opens with the @handle of whom it answers, as
		// the good-faith replies do, so that the opening handle alone
		// says nothing and the pitch and its address are judged.
		wiki = false
		who := a.replyHandle() + a.pick([]string{": ", " ", ", "})
		switch a.r.IntN(3) {
		case 0:
			text = who + a.chatSpamText(l)
		case 1:
			text = who + a.spamSentence(l) + " " + a.spamURL(l)
		default:
			c := comments[l.code]
			if c == nil {
				c = comments["en"]
			}
			text = who + a.pick(c) + " " + a.spamSentence(l) + " " + a.pick([]string{a.spamURL(l), a.handle(l)})
		}
	case "story":
		// Fluent prose that hides its pitch: neutral sentences of the
		// language around a testimonial or offer, the contact at the end
		// or in the middle, as scam stories in forums and comments are.
		wiki = a.r.IntN(3) == 0
		if testimonials && a.r.IntN(4) == 0 {
			// A testimonial of gains thanking the account it sells.
			if t, ok := a.testimonySpam(l); ok {
				text = t
				break
			}
		}
		var parts []string
		for i := 0; i < 1+a.r.IntN(3); i++ {
			parts = append(parts, a.pick(l.ham))
		}
		for i := 0; i < 1+a.r.IntN(3); i++ {
			at := a.r.IntN(len(parts) + 1)
			parts = slices.Insert(parts, at, a.spamSentence(l))
		}
		contact := a.pick(l.cta) + " " + a.pick([]string{a.spamDomain(l), strings.ToUpper(a.spamDomain(l)), a.handle(l), a.spamURL(l), a.obfuscate(a.spamDomain(l))})
		if testimonials && a.r.IntN(3) == 0 {
			// A testimonial: the mentor's account named inside the
			// story and again where it closes, with or without a
			// call to write.
			h := a.personHandle(true)
			at := a.r.IntN(len(parts))
			parts[at] += " " + h
			contact = h
			if a.r.IntN(2) == 0 {
				contact = a.pick(l.cta) + " " + h
			}
		}
		at := len(parts)
		if a.r.IntN(3) == 0 {
			at = a.r.IntN(len(parts) + 1)
		}
		parts = slices.Insert(parts, at, contact)
		text = strings.Join(parts, a.pick([]string{" ", " ", "\n\n"}))
	case "wall-generic":
		// Links to throwaway domains with generic link texts and hardly
		// a word: the shape alone.
		var parts []string
		generic := []string{"portal", "hub", "site", "info", "page", "here", "link", "website", "more", "source", "home", "net"}
		for i := 0; i < 3+a.r.IntN(5); i++ {
			d := a.pick(generic) + a.pick([]string{"-", ""}) + a.pick(l.domainWords) + "." + a.pick(spamTLDs)
			parts = append(parts, "[http://"+d+"/ "+a.pick(generic)+"]")
		}
		text = strings.Join(parts, a.pick([]string{" ", "\n", " | "}))
		if a.r.IntN(2) == 0 {
			text = a.pick([]string{"Useful sites:", "Links:", "See also:", "More:", "Weblinks:", "Ссылки:"}) + " " + text
		}
	case "post":
		// A long forum post.
		wiki = false
		text = a.forumPost(l)
	case "comment":
		// A comment under a video or a post: praise, then the pitch.
		wiki = false
		c := comments[l.code]
		if c == nil {
			c = comments["en"]
		}
		text = a.pick(c) + " " + a.spamSentence(l) + " " + a.pick([]string{a.spamURL(l), a.handle(l), "https://www.youtube.com/channel/UC" + fmt.Sprint(a.r.IntN(1e9)), "https://t.me/" + a.pick(l.domainWords) + "_channel"})
	default: // multi
		wiki = false
		text = a.spamSentence(l) + " " + a.spamSentence(l) + "\n" + a.pick(l.cta) + " " + a.handle(l)
		if a.r.IntN(2) == 0 {
			text += "\n" + a.spamURL(l)
		}
	}
	e.text = text
	if wiki && a.r.IntN(2) == 0 {
		e.old, e.new = a.onPage(text, false)
	}
	if !wiki {
		e.markdown = true
	}
	return e
}

// replyHandle is the @handle a reply opens with or names: a person-shaped
// account or a forum user name, for spam and good faith alike.
func (a *augmenter) replyHandle() string {
	if testimonials && a.r.IntN(2) == 0 {
		return a.personHandle(false)
	}
	return "@" + a.pick([]string{"fredley", "jsmith", "MarieC", "alex2019", "Taro", "dev_ops", "k8s_fan", "mod_team", "anna_k", "user12345", "the_admin", "bot_tester"})
}

// hamURL makes a URL on a reputable site of l.
func (a *augmenter) hamURL(l *lang) string {
	site := a.pick(l.sites)
	switch a.r.IntN(8) {
	case 0, 1:
		site = a.pick(langs[0].sites)
	case 2:
		// Real publications and services with digits or hyphens in
		// their names: a digit is no spam sign on its own.
		site = a.pick(digitSites)
	case 3:
		site = a.pick(topicSites)
	}
	host := site
	if strings.Count(site, ".") == 1 && a.r.IntN(2) == 0 {
		host = "www." + site
	}
	var path string
	switch a.r.IntN(5) {
	case 0:
		slug := a.pick([]string{"report", "census", "bridge", "history", "article"})
		if a.r.IntN(3) == 0 {
			// News about what spam sells: a topic in a path is a hint.
			slug = a.pick(newsSlugs)
		}
		path = fmt.Sprintf("/news/%d/%02d/%s-%d", 2005+a.r.IntN(19), 1+a.r.IntN(12), slug, a.r.IntN(99999))
	case 1:
		path = fmt.Sprintf("/doc/%d.pdf", a.r.IntN(1000000))
	case 2:
		path = "/" + a.pick([]string{"en", l.code, "docs", "wiki", "library"}) + "/" + a.pick([]string{"index.html", "statistics", "history", "timeout", "population"})
	case 3:
		path = fmt.Sprintf("/article?id=%d", a.r.IntN(1000000))
	default:
		path = "/"
	}
	return shareTagged("https://" + host + path)
}

// shareTags are the tracking tags good-faith links carry when pasted from
// a share button, an app or a newsletter: utm_ and ref= tags are no sign of
// spam by themselves (spam's affiliate and redirect links have their own
// features), so good faith carries them too.
var shareTags = []string{"utm_source=share&utm_medium=social", "utm_source=twitter", "utm_source=facebook&utm_medium=social&utm_campaign=share",
	"utm_source=newsletter&utm_medium=email", "utm_source=share&utm_medium=android_app", "ref=share", "ref=hn", "utm_source=rss&utm_medium=rss",
	"utm_campaign=later-linkinbio", "utm_source=pocket_saves", "ref_src=twsrc%5Etfw", "utm_content=share_button"}

// shareTagged gives one good-faith URL in six a share tag, chosen by the
// URL's hash (no draw from the augmenter's random stream, which the rest of
// the augmentation depends on).
func shareTagged(u string) string {
	h := fnv.New32a()
	h.Write([]byte(u))
	n := h.Sum32()
	if n%6 != 0 || strings.HasSuffix(u, ".pdf") {
		return u
	}
	sep := "?"
	if strings.Contains(u, "?") {
		sep = "&"
	}
	return u + sep + shareTags[int(n/6)%len(shareTags)]
}

// hamTitle is the title in a citation template; a third of them name what spam
// sells (news about loans, casinos, crypto), so that the topic alone does
// not read as spam in a citation to a reputable site.
func (a *augmenter) hamTitle(l *lang) string {
	if a.r.IntN(3) != 0 {
		return a.pick(l.titles)
	}
	p := a.pick(l.products)
	if l.code == "en" && a.r.IntN(2) == 0 {
		return fill(a.pick([]string{"Regulator reviews rules on %s", "Council debates %s licence", "Study finds risks of %s",
			"Police warn about %s scams", "Court rules on %s advertising", "The history of %s", "Tax on %s rises by 5%"}), p)
	}
	return a.pick(l.titles) + ": " + p
}

// ham makes one augmented good-faith example in language l.
func (a *augmenter) ham(l *lang, c string) example {
	e := example{lang: l.code, genre: "web", kind: "aug-ham-" + c + "-" + l.code, source: "augment"}
	wiki := true
	var text string
	var host *page // the page the text names, to put it on
	switch c {
	case "cite":
		tmpl := "cite web"
		if a.r.IntN(5) == 0 {
			tmpl = "cite news"
		}
		text = a.pick(l.ham) + "<ref>{{" + tmpl + " |url=" + a.hamURL(l) + " |title=" + a.hamTitle(l) +
			fmt.Sprintf(" |publisher=%s |access-date=%d-%02d-%02d}}</ref>", a.pick(l.sites), 2010+a.r.IntN(14), 1+a.r.IntN(12), 1+a.r.IntN(28))
	case "bracket":
		text = a.pick(l.ham) + " [" + a.hamURL(l) + " " + a.pick(l.titles) + "]"
	case "org-line":
		// One external-link line added alone: an organisation's front
		// page, named by its initials (the domain's name) and, often, in
		// full. Spam names its domain after what it sells; a society,
		// a broadcaster or a consortium after itself.
		p := a.pages[a.r.IntN(len(a.pages))]
		host = &p
		name := a.pick(l.titles)
		var acr strings.Builder
		for _, w := range strings.Fields(name) {
			if r := []rune(w)[0]; r < 128 && unicode.IsLetter(r) {
				acr.WriteRune(unicode.ToUpper(r))
			}
		}
		if acr.Len() < 2 {
			acr.WriteString(strings.ToUpper(clipASCII(p.title, 3)))
		}
		if a.r.IntN(4) == 0 {
			acr.WriteString(fmt.Sprint(1 + a.r.IntN(9)))
		}
		d := strings.ToLower(acr.String()) + a.pick([]string{".org", ".com", ".net", ".tv", ".fm", ".info", ".eu", ".ca", ".in", ".co.uk"})
		u := a.pick([]string{"http://www.", "https://www.", "http://"}) + d + a.pick([]string{"", "/"})
		switch a.r.IntN(3) {
		case 0:
			text = "* [" + u + " " + acr.String() + " " + name + "]"
		case 1:
			text = "* [" + u + " " + acr.String() + "] " + name
		default:
			text = "* [" + u + " " + name + "]"
		}
	case "extlinks":
		p := a.pages[a.r.IntN(len(a.pages))]
		host = &p
		var b strings.Builder
		b.WriteString("== " + a.pick([]string{"External links", "Weblinks", "Liens externes", "Enlaces externos", "Ссылки"}) + " ==\n")
		if a.r.IntN(2) == 0 {
			slug := strings.ToLower(strings.NewReplacer(" ", "", "(", "", ")", "", ",", "").Replace(p.title))
			b.WriteString("* [https://www." + clipASCII(slug, 20) + a.pick([]string{".org", ".com", ".gov.uk", ".de", ".info"}) + "/ " + a.pick([]string{"Official website", "Offizielle Website", "Site officiel", p.title}) + "]\n")
		}
		for i := 0; i < 1+a.r.IntN(3); i++ {
			switch a.r.IntN(3) {
			case 0:
				// An organisation's front page: a society, a region,
				// a foundation, named by the link text.
				b.WriteString("* [" + a.pick([]string{"http://", "https://"}) + a.pick([]string{"www.", ""}) + a.smallSite(l) + "/ " +
					a.pick([]string{"Official website", "Offizielle Website", "Site officiel", "Sitio oficial", "Regional government", "The society's website", p.title + " Foundation", p.title}) + "]\n")
			default:
				b.WriteString("* [" + a.hamURL(l) + " " + a.pick(l.titles) + "]\n")
			}
		}
		text = strings.TrimSuffix(b.String(), "\n")
	case "markdown":
		wiki = false
		text = a.pick(l.ham) + " " + a.pick([]string{"See", "Siehe", "Voir", "Ver", "См."}) + " [" + a.pick(l.titles) + "](" + a.hamURL(l) + ")."
		if a.r.IntN(3) == 0 {
			text = a.pick(l.ham) + "\n\n" + a.hamURL(l)
		}
	case "bare-url":
		text = a.pick(l.ham) + " (" + a.hamURL(l) + ")"
	case "mention":
		wiki = false
		switch a.r.IntN(4) {
		case 0:
			text = "@" + a.pick([]string{"Peter_K", "jsmith", "MarieC", "alex2019", "Taro"}) + " " + a.pick(l.ham)
		case 1:
			text = a.pick(l.ham) + " " + a.pick([]string{"Amazon.com", "Booking.com", "Archive.org", "Wikipedia.org", "Python.org", "GitHub.com"}) + "."
		case 2:
			text = a.pick(l.ham) + " " + a.pick([]string{"Contact:", "Kontakt:", "E-mail:"}) + " " + a.pick([]string{"info", "press", "archive", "office"}) + "@" + a.pick(l.sites)
		default:
			text = a.pick(l.ham) + fmt.Sprintf(" Tel. +%d %d %d %d.", 1+a.r.IntN(98), 10+a.r.IntN(89), 1000+a.r.IntN(8999), 1000+a.r.IntN(8999))
		}
	case "ref-only":
		text = "<ref>{{cite web |url=" + a.hamURL(l) + " |title=" + a.hamTitle(l) +
			fmt.Sprintf(" |work=%s |date=%d}}</ref>", a.pick(l.sites), 1990+a.r.IntN(34))
		if a.r.IntN(3) == 0 {
			text = "<ref>[" + a.hamURL(l) + " " + a.pick(l.titles) + "]</ref>"
		}
	case "infobox":
		p := a.pages[a.r.IntN(len(a.pages))]
		host = &p
		slug := clipASCII(strings.ToLower(strings.NewReplacer(" ", "", "(", "", ")", "", ",", "").Replace(p.title)), 18)
		if a.r.IntN(2) == 0 {
			slug = strings.ToLower(strings.NewReplacer(" ", "-", "(", "", ")", "", ",", "").Replace(p.title))
			slug = clipASCII(slug, 24)
		}
		d := slug + a.pick([]string{"", "", "", "-official", "official", "-band", "-museum", "-club"}) + a.pick([]string{".org", ".com", ".net", ".co.uk", ".de", ".info"})
		switch a.r.IntN(4) {
		case 3:
			// What a diff leaves of a changed website field: the
			// address alone.
			text = a.pick([]string{"www.", "https://www.", "http://"}) + d + a.pick([]string{"", "/", "}}"})
		case 0:
			text = "| website = [https://www." + d + "/ " + d + "]"
		case 1:
			text = "| website = {{URL|www." + d + "}}"
		default:
			text = "| homepage = http://www." + d + "/"
		}
	case "share", "docs":
		text, wiki = a.genreHamText(l, c)
	case "company":
		e.text, _ = a.genreHamText(l, c)
		return e
	case "link-reply":
		text, wiki = a.linkReply(l)
	case "advice":
		wiki = false
		text = a.adviceReply(l)
	case "finance":
		wiki = false
		text = a.financeHam(l)
	case "contest":
		// Prizes, contests and the warnings about claim messages.
		wiki = false
		text = a.prizeHam(l)
	case "chatty":
		wiki = false
		text = a.chatHamText(l)
	case "reply":
		// A reply that names people by @handle, as forum and issue
		// threads do, with or without a link.
		wiki = false
		who := a.replyHandle
		n := 4
		if testimonials {
			n = 5
		}
		switch a.r.IntN(n) {
		case 4:
			// Praise that tags the creator or a friend, as comments
			// under a post do: the account closes the text, no pitch.
			c := comments[l.code]
			if c == nil {
				c = comments["en"]
			}
			text = a.pick(c) + " " + a.personHandle(false) + a.pick([]string{"", "", " 🔥", " 👏👏", " ❤️"})
		case 0:
			text = who() + " " + a.chatHamText(l)
		case 1:
			text = a.pick(l.ham) + " " + a.pick([]string{"cc", "/cc", "thanks", "ping", "+1", "same as"}) + " " + who()
		case 2:
			text = a.chatHamText(l) + " " + who() + " " + who()
		default:
			text = who() + a.pick([]string{": ", " ", ", "}) + a.pick(l.ham) + " " + a.pick([]string{"!", "!!", ".", " :)"}) + " " + a.hamURL(l)
		}
	case "small-site":
		// A link to a small site of good faith (a club, a hobby blog, a
		// local history society): unknown, hyphenated, no reputation,
		// and no pitch.
		wiki = a.r.IntN(2) == 0
		d := a.smallSite(l)
		title := a.pick(l.titles)
		if a.r.IntN(2) == 0 {
			title = a.pick(smallWords) + " " + a.pick(smallWords)
		}
		u := a.pick([]string{"http://", "https://", "http://www.", "https://www."}) + d + a.pick([]string{"/", "", "/" + a.pick(smallWords), "/" + a.pick(smallWords) + "/" + a.pick(smallWords) + ".html", fmt.Sprintf("/%d/%02d/%s", 2005+a.r.IntN(19), 1+a.r.IntN(12), a.pick(smallWords))})
		switch a.r.IntN(4) {
		case 0:
			text = a.pick(l.ham) + " [" + u + " " + title + "]"
		case 1:
			wiki = false
			text = a.pick(l.ham) + " [" + title + "](" + u + ")"
		case 2:
			text = a.pick(l.ham) + "<ref>[" + u + " " + title + "]</ref>"
		default:
			wiki = false
			text = a.pick(l.ham) + " " + u
		}
	case "topic-answer":
		// A good-faith answer about what spam sells (prices, crypto,
		// loans, casinos in the news), with a source: the topic alone
		// is not spam.
		wiki = false
		var parts []string
		for i := 0; i < 1+a.r.IntN(3); i++ {
			parts = append(parts, a.pick(l.ham))
		}
		parts = append(parts, a.hamTitle(l)+": "+a.pick([]string{a.hamURL(l), a.chatHamURL(l)}))
		if a.r.IntN(2) == 0 {
			parts = append(parts, a.chatHamText(l))
		}
		text = strings.Join(parts, a.pick([]string{" ", "\n\n"}))
	case "long-cite":
		// A long sourced paragraph: several sentences and references.
		var b strings.Builder
		for i := 0; i < 3+a.r.IntN(4); i++ {
			b.WriteString(a.pick(l.ham))
			if a.r.IntN(2) == 0 {
				b.WriteString("<ref>{{cite web |url=" + a.hamURL(l) + " |title=" + a.hamTitle(l) + fmt.Sprintf(" |date=%d}}</ref>", 1990+a.r.IntN(34)))
			}
			b.WriteString(" ")
		}
		text = strings.TrimSpace(b.String())
	case "answer":
		wiki = false
		text = a.forumAnswer(l)
	default: // plain
		text = a.pick(l.ham) + " " + a.pick(l.ham)
	}
	e.text = text
	if wiki && a.r.IntN(2) == 0 {
		if host != nil {
			// An official site or a website field sits on the page
			// of its subject.
			e.old, e.new = onPageOf(*host, text, false)
		} else {
			e.old, e.new = a.onPage(text, false)
		}
	}
	e.markdown = !wiki
	return e
}

// localSpamURL is a spam address named after page p's subject, as local
// spam names its city: the title's first word of five ASCII letters or
// more, joined to a spam word of the language.
func (a *augmenter) localSpamURL(l *lang, p page) string {
	name := ""
	for _, w := range strings.Fields(p.title) {
		if len(w) >= 5 && strings.Trim(strings.ToLower(w), "abcdefghijklmnopqrstuvwxyz") == "" {
			name = strings.ToLower(w)
			break
		}
	}
	if name == "" {
		return a.spamURL(l)
	}
	w := a.pick(l.domainWords)
	label := a.pick([]string{name + "-" + w, name + w, w + "-" + name, w + name})
	return a.pick([]string{"http://", "https://www."}) + label + "." + a.pick(spamTLDs) + a.pick([]string{"/", "", "/" + a.pick(l.domainWords)})
}

func clipASCII(s string, n int) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && b.Len() < n {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "site"
	}
	return b.String()
}

// augment makes perLang spam and perLang ham examples in every language.
func augment(seed uint64, pages []page, perLang int) []example {
	a := &augmenter{r: rand.New(rand.NewPCG(seed, 0x5eed)), pages: pages}
	spamContainers, hamContainers := spamKinds(), hamKinds()
	var out []example
	for i := range langs {
		l := &langs[i]
		for k := 0; k < perLang; k++ {
			s := a.spam(l, spamContainers[k%len(spamContainers)])
			s.id = fmt.Sprintf("aug:%s:spam:%d", l.code, k)
			h := a.ham(l, hamContainers[k%len(hamContainers)])
			h.id = fmt.Sprintf("aug:%s:ham:%d", l.code, k)
			out = append(out, s, withEmoji(h))
		}
	}
	if credits {
		for _, e := range creditExamples(seed, pages) {
			out = append(out, withEmoji(e))
		}
	}
	// The languages only the genres of genres.go have, from a stream of
	// their own.
	b := &augmenter{r: rand.New(rand.NewPCG(seed, 0xe47a)), pages: pages}
	for i := range extraLangs {
		l := &extraLangs[i]
		for k := 0; k < perExtra; k++ {
			s := b.spam(l, genreSpam[k%len(genreSpam)])
			s.id = fmt.Sprintf("aug:%s:spam:%d", l.code, k)
			h := b.ham(l, genreHam[k%len(genreHam)])
			h.id = fmt.Sprintf("aug:%s:ham:%d", l.code, k)
			out = append(out, s, withEmoji(h))
		}
	}
	return out
}

// chatEmoji are the emoji of ordinary forum and chat replies.
var chatEmoji = []string{"🙂", "👍", "😊", "😂", "🙏", "❤️", "😅", "👌", "🎉", "🤔", "😉", "🔥"}

// withEmoji gives one forum or chat reply of good faith in four an emoji,
// after its first sentence or at its end, chosen by the id's hash (no draw
// from the augmenter's random stream): people write them in replies, and
// spam is not the only text that has them. Wiki text keeps none.
func withEmoji(e example) example {
	if !e.markdown || e.label {
		return e
	}
	h := fnv.New32a()
	h.Write([]byte(e.id))
	n := h.Sum32()
	if n%4 != 0 {
		return e
	}
	em := chatEmoji[int(n/4)%len(chatEmoji)]
	if i := strings.Index(e.text, ". "); i > 0 && n/64%2 == 0 {
		e.text = e.text[:i] + " " + em + e.text[i+1:]
	} else {
		e.text += " " + em
	}
	return e
}

// promo are the sentences of promotional pages ("%s": a product).
var promo = map[string][]string{
	"en": {
		"is a leading provider of innovative %s, helping thousands of clients worldwide achieve their goals.",
		"offers professional %s with a team of experienced experts and 24/7 customer support.",
		"was founded with a mission to deliver the best %s at affordable prices.",
		"is recognized as one of the most trusted names in %s, with outstanding customer satisfaction.",
		"provides high-quality %s tailored to the unique needs of every customer.",
	},
	"de": {
		"ist ein führender Anbieter für %s und hilft Tausenden von Kunden.",
		"bietet professionelle %s mit einem erfahrenen Team und persönlichem Service.",
		"steht für hochwertige %s zu fairen Preisen.",
	},
	"fr": {
		"est un leader reconnu dans le domaine des %s et accompagne des milliers de clients.",
		"propose des %s de qualité avec une équipe d'experts passionnés.",
	},
	"es": {
		"es un proveedor líder de %s que ayuda a miles de clientes en todo el mundo.",
		"ofrece %s profesionales con un equipo de expertos y atención personalizada.",
	},
}

// comments open spam comments under videos and posts.
var comments = map[string][]string{
	"en": {"Great video!", "Nice post, thanks for sharing.", "Wow this is amazing!!", "I love this song ❤️", "Who is watching in 2024?", "Very informative."},
	"de": {"Tolles Video!", "Danke für den Beitrag.", "Super erklärt!"},
	"fr": {"Super vidéo !", "Merci pour le partage.", "Trop bien !"},
	"es": {"¡Excelente video!", "Gracias por compartir.", "¡Me encanta!"},
	"pt": {"Vídeo top!", "Obrigado por compartilhar."},
	"ru": {"Отличное видео!", "Спасибо за информацию.", "Класс!"},
	"id": {"Mantap videonya!", "Terima kasih infonya."},
	"tr": {"Harika video!", "Paylaşım için teşekkürler."},
	"vi": {"Video hay quá!", "Cảm ơn bạn đã chia sẻ."},
	"ar": {"فيديو رائع!", "شكرا على المشاركة."},
}

// fill puts product where template says %s; other per cent signs are text
// ("70% off").
func fill(template, product string) string {
	return strings.Replace(template, "%s", product, 1)
}
