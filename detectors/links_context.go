package detectors

import (
	"strings"

	"github.com/wikiwarden/wikiwarden/textview"
)

// Link evidence in the site's context. The spam word list was written for
// a general wiki: on a cryptocurrency forum "bitcoin" and "crypto wallet"
// are the subject, not an advert, and bitcointalk.org is a source, not a
// spam domain. A human moderator reads a link against the site it is
// posted on, and so does the link detector:
//
//   - A spam term is the site's own when the site's vocabulary (Env.Words:
//     the words its pages use again and again, as LearnVocabulary learns
//     them, and the allow-list) has its topic words: the words of the term
//     that name a subject of spam ("bitcoin" in "buy bitcoin", "casino" in
//     "online casino"; see topicWords). Such a term weighs nothing. A
//     term with no topic word ("buy now", "cheap insurance", "free
//     spins") is an advert's call, never the site's subject.
//   - A domain the site already cites (Env.Domains, or the page before the
//     edit) is not spam vocabulary: its name and top-level domain count
//     for nothing.
//   - A link that reads as a reference (a citation, a titled link, a link
//     with the date of what it cites) counts as a citation: a list of
//     references is many links with little prose, and not link spam by
//     that shape.
type linkContext struct {
	words   Words
	domains DomainHistory
	old     string
}

func newLinkContext(env *Env, old string) linkContext {
	c := linkContext{old: old}
	if env != nil {
		c.words, c.domains = env.Words, env.Domains
	}
	return c
}

// topicWords are the subjects of spam, the words of domainSpamStems
// (casino, payday, bitcoin, essay, ...) singular and plural: a site may be
// about them. The words of an advert's call (buy, cheap, best, free,
// online, click) are about no subject and never the site's.
var topicWords = func() map[string]bool {
	m := map[string]bool{}
	for _, st := range domainSpamStems {
		m[st] = true
		m[strings.TrimSuffix(st, "s")] = true
	}
	return m
}()

// siteTerm reports whether the spam term is the site's own vocabulary.
func (c linkContext) siteTerm(term string) bool {
	if c.words == nil {
		return false
	}
	topics := 0
	for _, w := range strings.Fields(term) {
		if !topicWords[w] && !topicWords[strings.TrimSuffix(w, "s")] {
			continue
		}
		topics++
		if !c.siteWord(w) {
			return false
		}
	}
	return topics > 0
}

// siteWord reports whether the site's vocabulary has w, singular or
// plural.
func (c linkContext) siteWord(w string) bool {
	if c.words == nil {
		return false
	}
	if c.words.Has(w) {
		return true
	}
	if s, ok := strings.CutSuffix(w, "s"); ok && len(s) >= 3 {
		return c.words.Has(s)
	}
	return c.words.Has(w + "s")
}

// cites reports whether the site already links to domain, or the page
// did before the edit.
func (c linkContext) cites(domain string) bool {
	return c.domains != nil && c.domains.Known(domain) || domainInText(c.old, domain)
}

// Reference shapes.
const (
	// linkTitleWords is how many words a link's text needs to read as the
	// title of a cited work rather than a call to click ("more info",
	// "official site").
	linkTitleWords = 4
	// linkRefProseWords is how many words of prose near a dated link make
	// it a reference (an author, a title, a publisher).
	linkRefProseWords = 3
)

// references reports, for each link of occ, whether it reads as a
// reference: inside a citation, or titled or dated with words around it
// and no advert's words in its text ("generic cialis no prescription" is
// four words, and no title) other than the site's own.
func (c linkContext) references(occ []foundLink, added *addedText) []bool {
	out := make([]bool, len(occ))
	for i, l := range occ {
		switch {
		case l.place&textview.LinkCited != 0:
			out[i] = true
		case c.advert(l.anchor):
		case len(strings.Fields(l.anchor)) >= linkTitleWords:
			out[i] = true
		default:
			raw, prose := added.around(l.span, linkNearBytes)
			out[i] = hasYear(raw) && countWords(prose) >= linkRefProseWords && !c.advert(prose)
		}
	}
	return out
}

// advert reports whether text holds a spam term that reads as an advert
// (weight linkStrongTerm and up) and is not the site's own.
func (c linkContext) advert(text string) bool {
	for _, h := range findSpamTerms(normWords(text), nil) {
		if h.weight >= linkStrongTerm && !c.siteTerm(h.term) {
			return true
		}
	}
	return false
}

// hasYear reports whether text holds a year of print, 1500 to 2099, as a
// word of its own: "(2019)", "12 May 2008", "2008-05-12".
func hasYear(text string) bool {
	for i := 0; i+4 <= len(text); i++ {
		if i > 0 && isDigit(text[i-1]) || i+4 < len(text) && isDigit(text[i+4]) {
			continue
		}
		y := text[i : i+4]
		if !isDigit(y[0]) || !isDigit(y[1]) || !isDigit(y[2]) || !isDigit(y[3]) {
			continue
		}
		if y[:2] == "20" && y[2] <= '9' || y[0] == '1' && y[1] >= '5' {
			if i > 0 && (isLetter(text[i-1]) || text[i-1] == '/' || text[i-1] == '=') {
				continue // part of an identifier or a URL's path
			}
			return true
		}
	}
	return false
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
