package detectors

import (
	"strings"
	"unicode"
)

// shorteners are registrable domains of URL-shortening and link-redirecting
// services. A wiki reference has no reason to hide its destination.
var shorteners = map[string]bool{
	"bit.ly": true, "bitly.com": true, "tinyurl.com": true, "goo.gl": true, "t.co": true,
	"ow.ly": true, "is.gd": true, "v.gd": true, "buff.ly": true, "cutt.ly": true,
	"rebrand.ly": true, "shorturl.at": true, "tiny.cc": true, "rb.gy": true, "bl.ink": true,
	"t.ly": true, "x.co": true, "s.id": true, "shorte.st": true, "adf.ly": true,
	"bc.vc": true, "ouo.io": true, "lnkd.in": true, "db.tt": true, "qr.ae": true,
	"po.st": true, "soo.gd": true, "clck.ru": true, "u.to": true, "tr.im": true,
	"snip.ly": true, "cli.gs": true, "su.pr": true, "mcaf.ee": true, "amzn.to": true,
	"dlvr.it": true, "ift.tt": true, "trib.al": true, "1url.com": true, "lc.cx": true,
	"shrtco.de": true, "tinu.be": true, "short.io": true, "shorturl.com": true, "bitly.ws": true,
	"linktr.ee": true, "2u.pm": true, "urlz.fr": true, "hyperurl.co": true, "zpr.io": true,
	"gg.gg": true, "did.li": true, "bit.do": true, "cutt.us": true, "tinyurl.is": true,
	"ln.run": true, "shorten.ee": true, "shortlink.net": true, "rotf.lol": true, "vk.cc": true,
}

// userContentHosts are free site and blog platforms the public suffix list
// does not cover, where each subdomain is someone else's site: links to
// spammer.wordpress.com and to a scholar's blog must not share one domain.
var userContentHosts = map[string]bool{
	"wordpress.com": true, "weebly.com": true, "tumblr.com": true, "livejournal.com": true,
	"substack.com": true, "000webhostapp.com": true, "jimdofree.com": true, "jimdosite.com": true,
	"over-blog.com": true, "strikingly.com": true, "mystrikingly.com": true, "angelfire.com": true,
	"tripod.com": true, "webs.com": true, "site123.me": true, "godaddysites.com": true,
	"bravesites.com": true, "typepad.com": true, "ucoz.ru": true, "ucoz.net": true, "narod.ru": true,
	"fc2.com": true, "canva.site": true, "mozellosite.com": true, "webnode.com": true,
	"yolasite.com": true, "wixsite.com": true, "blogspot.com": true, "hatenablog.com": true,
}

// referenceInfrastructure are archives and identifier resolvers: links to
// them stand for another source, so they are neither new destinations nor
// extra links.
var referenceInfrastructure = map[string]bool{
	"archive.org": true, "archive.today": true, "archive.ph": true, "archive.is": true,
	"archive.li": true, "archive.vn": true, "archive.md": true, "archive.fo": true,
	"webcitation.org": true, "doi.org": true, "handle.net": true, "worldcat.org": true,
	"arxiv.org": true, "nih.gov": true, "jstor.org": true, "ghostarchive.org": true,
}

// spamTerm is a word or phrase of commercial spam vocabulary and how much one
// occurrence in an added link's anchor or surroundings counts.
type spamTerm struct {
	words  string
	weight float64
}

// spamTerms are matched on whole words of lower-cased text; a trailing "s"
// is allowed. Phrases that read as an advert weigh more than single words a
// news headline may contain.
var spamTerms = []spamTerm{
	// Gambling.
	{"online casino", 0.35}, {"casino bonus", 0.35}, {"free spins", 0.35}, {"no deposit", 0.3},
	{"best casino", 0.35}, {"casino online", 0.35}, {"slot machine online", 0.3}, {"online slot", 0.3},
	{"sports betting", 0.2}, {"betting tip", 0.3}, {"bookmaker", 0.15}, {"casino", 0.15},
	{"poker online", 0.3}, {"online poker", 0.3}, {"jackpot", 0.1}, {"roulette", 0.1}, {"slot", 0.05},
	{"togel", 0.3}, {"judi", 0.3}, {"gacor", 0.35}, {"situs", 0.2}, {"bandar", 0.2},
	// Pharmacy.
	{"viagra", 0.35}, {"cialis", 0.35}, {"levitra", 0.35}, {"kamagra", 0.35}, {"tramadol", 0.3},
	{"xanax", 0.3}, {"valium", 0.25}, {"oxycodone", 0.2}, {"phentermine", 0.35}, {"modafinil", 0.3},
	{"no prescription", 0.35}, {"without prescription", 0.35}, {"online pharmacy", 0.35},
	{"canadian pharmacy", 0.35}, {"generic viagra", 0.35}, {"erectile dysfunction", 0.15},
	{"weight loss pill", 0.35}, {"diet pill", 0.3}, {"keto pill", 0.35}, {"male enhancement", 0.35},
	{"cbd oil", 0.2}, {"cbd gummie", 0.35}, {"pharmacy", 0.1}, {"pill", 0.1},
	// Money.
	{"payday loan", 0.35}, {"payday", 0.15}, {"instant loan", 0.35}, {"quick loan", 0.35},
	{"fast loan", 0.35}, {"loans online", 0.35}, {"online loan", 0.35}, {"bad credit", 0.3},
	{"no credit check", 0.35}, {"instant approval", 0.35}, {"cash advance", 0.3}, {"loan", 0.1},
	{"debt relief", 0.25}, {"insurance quote", 0.3}, {"cheap insurance", 0.35}, {"credit repair", 0.3},
	{"make money online", 0.35}, {"work from home", 0.25}, {"earn money", 0.25}, {"passive income", 0.25},
	// Crypto and trading.
	{"bitcoin casino", 0.35}, {"crypto trading", 0.25}, {"trading bot", 0.3}, {"trading signal", 0.3},
	{"forex signal", 0.35}, {"forex", 0.15}, {"binary option", 0.3}, {"crypto exchange", 0.2},
	{"buy bitcoin", 0.3}, {"airdrop", 0.2}, {"crypto wallet", 0.2}, {"bitcoin", 0.1}, {"crypto", 0.1},
	{"nft", 0.1}, {"investment platform", 0.25},
	// Essay mills.
	{"essay writing", 0.35}, {"write my essay", 0.35}, {"buy essay", 0.35}, {"essay service", 0.35},
	{"essay help", 0.35}, {"custom essay", 0.35}, {"cheap essay", 0.35}, {"paper writing service", 0.35},
	{"dissertation help", 0.35}, {"homework help", 0.3}, {"assignment help", 0.35}, {"term paper", 0.2},
	{"do my homework", 0.35}, {"essay writer", 0.35}, {"writing service", 0.25}, {"essay", 0.05},
	// Shopping and services.
	{"replica watch", 0.35}, {"replica handbag", 0.35}, {"cheap jersey", 0.35}, {"outlet store", 0.25},
	{"buy cheap", 0.3}, {"best price", 0.2}, {"lowest price", 0.25}, {"discount code", 0.25},
	{"promo code", 0.25}, {"coupon code", 0.25}, {"coupon", 0.1}, {"free shipping", 0.25},
	{"order now", 0.3}, {"buy now", 0.3}, {"shop now", 0.3}, {"click here", 0.15}, {"visit our", 0.2},
	{"visit my", 0.2}, {"check out my", 0.2}, {"our website", 0.15}, {"my website", 0.15}, {"my blog", 0.15},
	{"seo service", 0.35}, {"backlink", 0.3}, {"buy follower", 0.35}, {"buy like", 0.35},
	{"instagram follower", 0.3}, {"web design company", 0.2}, {"locksmith", 0.2}, {"plumber", 0.1},
	{"cheap", 0.1}, {"discount", 0.1}, {"buy", 0.1}, {"sale", 0.05}, {"best", 0.05}, {"online", 0.05},
	{"free", 0.05}, {"deal", 0.05}, {"top", 0.03},
	// Adult.
	{"escort", 0.15}, {"escort service", 0.35}, {"escort agency", 0.35}, {"call girl", 0.35}, {"adult dating", 0.35},
	{"hookup", 0.3}, {"sex cam", 0.35}, {"live cam", 0.25}, {"porn", 0.3}, {"nude", 0.1},
	{"onlyfan", 0.3},
}

// domainSpamStems are spam words that give a domain name away even when run
// together with other words ("bestcasinobonus").
var domainSpamStems = []string{
	"casino", "viagra", "cialis", "levitra", "kamagra", "payday", "poker", "porn", "escort",
	"essay", "pharma", "pills", "replica", "betting", "forex", "loans", "slots", "gacor",
	"togel", "tramadol", "xanax", "phentermine", "homework", "dissertation", "bitcoin",
	"crypto", "followers", "backlink", "hookup", "escorts",
}

// spamTLDs are top-level domains that mostly serve commercial spam, and
// their weight as evidence.
var spamTLDs = map[string]float64{
	"casino": 0.3, "bet": 0.3, "poker": 0.3, "loan": 0.3, "loans": 0.3, "sex": 0.3, "porn": 0.3,
	"xxx": 0.3, "adult": 0.3, "win": 0.15, "bid": 0.15, "xyz": 0.1, "top": 0.1, "click": 0.15,
	"online": 0.1, "site": 0.1, "shop": 0.1, "store": 0.1, "buzz": 0.1, "icu": 0.15,
	"cyou": 0.15, "pw": 0.1, "tk": 0.1, "ml": 0.1, "ga": 0.1, "cf": 0.1, "gq": 0.1,
	"cam": 0.15, "vip": 0.1, "work": 0.1, "fun": 0.05, "live": 0.05, "pro": 0.05,
}

// spamTermHit is one spam term found in text.
type spamTermHit struct {
	term   string
	weight float64
}

// spamTermIndex maps the first word of each spam term to the terms'
// indexes, so a text is matched in one pass over its words.
var spamTermIndex = func() map[string][]int {
	m := make(map[string][]int, len(spamTerms))
	for i, t := range spamTerms {
		first, _, _ := strings.Cut(t.words, " ")
		m[first] = append(m[first], i)
	}
	return m
}()

// findSpamTerms returns the spam terms in norm (lower-case words separated
// by single spaces, as normWords makes it), each once, in the order of
// spamTerms. A term's last word may carry a plural "s" ("loan" matches
// "loans"). A phrase hit hides the hits of its own words.
func findSpamTerms(norm string, hits []spamTermHit) []spamTermHit {
	var found []bool
	for rest := strings.TrimLeft(norm, " "); rest != ""; {
		word, after, _ := strings.Cut(rest, " ")
		for _, w := range [2]string{word, strings.TrimSuffix(word, "s")} {
			for _, ti := range spamTermIndex[w] {
				if found != nil && found[ti] {
					continue
				}
				if termAt(rest, spamTerms[ti].words) {
					if found == nil {
						found = make([]bool, len(spamTerms))
					}
					found[ti] = true
				}
			}
			if w == word && !strings.HasSuffix(word, "s") {
				break
			}
		}
		rest = after
	}
	if found == nil {
		return hits
	}
	var covered []string
	for ti, t := range spamTerms {
		if !found[ti] {
			continue
		}
		skip := false
		for _, c := range covered {
			if strings.Contains(" "+c+" ", " "+t.words+" ") {
				skip = true
				break
			}
		}
		if skip {
			continue
		}
		covered = append(covered, t.words)
		hits = append(hits, spamTermHit{t.words, t.weight})
	}
	return hits
}

// termAt reports whether text starts with the words of term, whole words,
// the last one optionally followed by "s".
func termAt(text, term string) bool {
	if !strings.HasPrefix(text, term) {
		return false
	}
	rest := text[len(term):]
	return rest == "" || rest[0] == ' ' || rest == "s" || strings.HasPrefix(rest, "s ")
}

// normWords lower-cases text and reduces it to its words, each surrounded by
// single spaces, so phrases match across markup.
func normWords(text string) string {
	var b strings.Builder
	b.Grow(len(text) + 2)
	b.WriteByte(' ')
	space := true
	for _, r := range text {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteByte(byte(r))
			space = false
		case r >= 'A' && r <= 'Z':
			b.WriteByte(byte(r + ('a' - 'A')))
			space = false
		case r >= 0x80 && unicode.IsLetter(r):
			b.WriteString(strings.ToLower(string(r)))
			space = false
		case r == '\'':
			// Keep "don't" one word; a wiki '' run is removed.
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	return b.String()
}

// domainWords returns the spam stems found in the name part of host (the
// labels left of the public suffix) and the weight of a spammy TLD.
func domainSpam(host, domain string) (stems []string, tldWeight float64, tld string) {
	name := host
	if i := strings.LastIndexByte(domain, '.'); i >= 0 {
		tld = domain[i+1:]
		// The public suffix may have several labels; strip the eTLD+1's
		// suffix part from the host.
		if j := strings.IndexByte(domain, '.'); j >= 0 {
			suffix := domain[j:]
			name = strings.TrimSuffix(host, suffix)
		}
	}
	for _, s := range domainSpamStems {
		if i := strings.Index(name, s); i >= 0 && !stemCollision(name[i+len(s):], s) {
			stems = append(stems, s)
		}
	}
	return stems, spamTLDs[tld], tld
}

// stemCollision reports whether a spam stem found in a domain name is part
// of an ordinary word, judging by what follows it: "cialis" in "socialist",
// "pills" in "pillsbury".
func stemCollision(after, stem string) bool {
	if after == "" {
		return false
	}
	switch stem {
	case "cialis":
		return strings.IndexByte("tmaei", after[0]) >= 0 // -cialist, -cialism, -cialise, -cialising
	case "pills":
		return after[0] == 'b'
	case "poker":
		return strings.HasPrefix(after, "face")
	}
	return false
}
