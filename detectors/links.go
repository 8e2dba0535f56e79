package detectors

import (
	"fmt"
	"slices"
	"strings"

	"github.com/wikiwarden/wikiwarden/spamscore"
	"github.com/wikiwarden/wikiwarden/textview"
)

// Reason codes of the link detector besides the shared Link* codes.
const (
	LinkHidden Code = "link_hidden"  // the link is inside an element styled to be invisible
	LinkIPHost Code = "link_ip_host" // the link points at a raw IP address
	// LinkSpamModel is the learned spam model's judgement of the added
	// text (package spamscore); its detail names the features that
	// weighed most, and Result.Spam holds the probability.
	LinkSpamModel Code = "link_spam_model"
)

// LinkModelBlatant is the spam model's probability from which the link
// score reaches the default threshold (0.7), so that the bot reverts the
// edit with no memory: the model's probability p maps to a link score that
// reaches the threshold at LinkModelBlatant and 1 at p=1. It is chosen on
// held-out data by `go run ./cmd/spamtrain -eval` (spamscore/TRAINING.md,
// "The bot's no-history threshold").
const LinkModelBlatant = 0.8

// The spam model's part in the link score. The LinkSpamModel reason adds
// what the model's score exceeds the rules' evidence by, so the score is
// the higher of the two. The model's reasons are spelled out from
// linkExplainFrom on.
const (
	linkCapMinor     = 0.25
	linkCapMinorSpam = 0.35
	linkExplainFrom  = 0.3
	linkExplainTop   = 4
	// linkContactFrom is the probability from which contact points that
	// are not links (bare and obfuscated domains, handles, phone numbers,
	// e-mail addresses) count as the edit's links.
	linkContactFrom = 0.5
)

// Weights of the link detector's evidence. The score is their sum, capped at
// 1, and is calibrated so that 0.7 means "link spam on its own evidence":
// a shortener with spam vocabulary, a domain already reverted as spam, or a
// wall of many links with little prose. One reference link, even to a domain
// the wiki has never linked, stays far below.
const (
	linkWeightAdded      = 0.10 // any added external link
	linkWeightNewDomain  = 0.12 // each domain the wiki does not link yet
	linkCapNewDomain     = 0.30
	linkWeightShortener  = 0.45 // the first shortened link
	linkWeightShortMore  = 0.10 // each further one
	linkCapShortener     = 0.55
	linkWeightSpamDomain = 0.70 // the first domain already reverted as spam
	linkWeightSpamMore   = 0.10
	linkCapSpamDomain    = 0.80
	linkWeightHidden     = 0.50 // links inside invisible elements
	linkWeightIPHost     = 0.20 // a raw IP address instead of a host name
	linkWeightDomainStem = 0.20 // a spam word in the domain name
	linkCapSpamWords     = 0.60
	linkStrongTerm       = 0.20 // spam terms at least this heavy count inside citations too
	linkNearBytes        = 80   // prose this close to a link is its context
	linkAroundBytes      = 200  // the wider surroundings, for strong terms only
	linkManyProseWords   = 25   // prose words per link from which many links are an article, not a list
	linkManyFrom         = 4    // links (citations count half) before LinkMany
	linkWeightMany       = 0.10 // at linkManyFrom links
	linkWeightManyMore   = 0.05 // per further link
	linkCapMany          = 0.30
	linkDensityFrom      = 3 // visible links before density counts
	linkDensityWords     = 8 // prose words per visible link below which the text is "mostly links"
	linkWeightDensity    = 0.20
	linkWeightDensityBig = 0.30 // with linkDensityBig visible links or more
	linkDensityBig       = 5
)

// LinksName is the link detector's name in configuration and results.
const LinksName = "links"

// Links is the link detector. It takes the external links an edit added
// from the reader of the edit's format (package wikitext: bare URLs,
// [url anchor] links, citation-template URLs, {{URL}} templates,
// protocol-relative links; package forumtext: Markdown, HTML and bare
// URLs), skipping links the old text already had, reduces
// each to its registrable domain and scores them for link spam.
//
// Result.Links lists every added link even when the score is low: the bot
// treats any added link from a probing address as follow-up spam.
func Links(in *Input) Result {
	res := Result{Detector: LinksName}
	if in == nil || in.Edit == nil {
		return res
	}
	old := in.Edit.Old
	var lines []string
	if in.Added != nil {
		lines = in.Added.Lines
	} else {
		lines = linksAddedLines(old, in.Edit.New)
	}
	if len(lines) == 0 {
		return res
	}
	text := strings.Join(lines, "\n")
	found, markup := readLinks(in.Edit.Format, text, in.Edit.New)
	var domains DomainHistory
	if in.Env != nil {
		domains = in.Env.Domains
	}
	if len(found) == 0 {
		if spamscore.MayHaveContacts(text) {
			contactsOnly(&res, in, text)
		}
		return res
	}

	// Keep the links the old text did not have: once each in fresh, every
	// occurrence in occ (a link repeated ten times is ten links of spam).
	fresh := found[:0:0]
	occ := found[:0:0]
	seen := make(map[string]int, len(found)) // index in fresh, or -1 for an old link
	for _, l := range found {
		key := urlKey(l.url)
		i, ok := seen[key]
		switch {
		case !ok && old != "" && linkInText(old, l.url):
			seen[key] = -1
			continue
		case !ok:
			seen[key] = len(fresh)
			fresh = append(fresh, l)
		case i < 0:
			continue
		default:
			if fresh[i].anchor == "" {
				fresh[i].anchor = l.anchor
			}
			// Hidden where any occurrence is; cited only where every
			// occurrence is: a citation's URL repeated in prose is
			// also a link in prose.
			fresh[i].place |= l.place &^ textview.LinkCited
			fresh[i].place &^= textview.LinkCited &^ l.place
		}
		occ = append(occ, l)
	}
	if len(fresh) == 0 {
		return res
	}

	s := linkScorer{res: &res}
	res.Links = make([]Link, len(fresh))
	for i, l := range fresh {
		res.Links[i] = Link{URL: l.url, Domain: l.domain, Anchor: clip(l.anchor, 200), Place: l.place}
	}
	if len(fresh) == 1 {
		s.add(LinkAdded, fresh[0].domain, "an external link was added", linkWeightAdded, 1)
	} else {
		s.add(LinkAdded, "", fmt.Sprintf("%d external links were added", len(fresh)), linkWeightAdded, 1)
	}

	// Evidence about each domain, once per domain.
	var newW, shortW, spamW float64
	doneDomain := make(map[string]bool, len(fresh))
	for _, l := range fresh {
		if doneDomain[l.domain] {
			continue
		}
		doneDomain[l.domain] = true
		if domains != nil && domains.Spam(l.domain) {
			w := linkWeightSpamMore
			if spamW == 0 {
				w = linkWeightSpamDomain
			}
			spamW += s.add(LinkSpamDomain, l.domain, "the domain was already reverted or confirmed as spam", w, linkCapSpamDomain-spamW)
		}
		if shorteners[l.domain] {
			w := linkWeightShortMore
			if shortW == 0 {
				w = linkWeightShortener
			}
			shortW += s.add(LinkShortener, l.domain, "a URL shortener hides the link's destination", w, linkCapShortener-shortW)
		}
		if !referenceInfrastructure[l.domain] && (domains == nil || !domains.Known(l.domain)) && !domainInText(old, l.domain) {
			newW += s.newDomain(domains, l.domain, "the wiki does not link to this domain yet", newW)
		}
		if l.ip {
			s.addOnce(LinkIPHost, l.domain, "the link points at a raw IP address", linkWeightIPHost)
		}
	}

	// Invisible links are written for search engines, not readers.
	for _, l := range fresh {
		if l.place&textview.LinkHidden != 0 {
			s.addOnce(LinkHidden, l.domain, "the link sits in an element styled to be invisible", linkWeightHidden)
			break
		}
	}

	added := newAddedText(text, old, markup, found)
	site := newLinkContext(in.Env, old)
	refs := site.references(occ, added)
	s.spamWords(occ, refs, added, site)
	s.manyAndDensity(occ, refs, added)
	if m := spamModel(in.Env); m != nil {
		d := modelDoc(in, added)
		r := m.Score(d)
		p, shift := withSiteSpam(in.Env, d, foundDomains(fresh), r.Prob)
		s.demote(p)
		res.Spam = round3(p)
		s.add(LinkSpamModel, "", modelDetail(m, d, r.Prob)+siteSpamDetail(shift), modelScore(p)-res.Score, 1)
	}

	if res.Score > 1 {
		res.Score = 1
	}
	return res
}

// demote shrinks the word-list and link-count evidence (LinkSpamWords,
// LinkMany, LinkDensity) to a minor part of the score once the spam model
// has judged the text with probability p: together at most
// linkCapMinorSpam, or linkCapMinor when the model reads the text as good
// faith, so that they alone never reach the threshold. The model has
// learned what those rules guessed, in every language; alone they flag
// newsletters and sourced lists. They still count as spam signals when
// the bot remembers the editor or the page.
func (s *linkScorer) demote(p float64) {
	room := linkCapMinor
	if p >= 0.5 {
		room = linkCapMinorSpam
	}
	score := 0.0
	for i := range s.res.Reasons {
		r := &s.res.Reasons[i]
		switch r.Code {
		case LinkSpamWords, LinkMany, LinkDensity:
			r.Weight = round3(min(r.Weight, max(0, room)))
			room -= r.Weight
		}
		score += r.Weight
	}
	s.res.Score = round3(score)
}

// linkScorer accumulates reasons and the score.
type linkScorer struct {
	res  *Result
	once map[Code]bool
}

// add records a reason worth w, limited to room; it returns the weight
// actually added.
func (s *linkScorer) add(code Code, subject, detail string, w, room float64) float64 {
	if room < w {
		w = room
	}
	if w < 0 {
		w = 0
	}
	w = round3(w)
	s.res.Reasons = append(s.res.Reasons, Reason{Code: code, Subject: subject, Detail: detail, Weight: w})
	s.res.Score = round3(s.res.Score + w)
	return w
}

// newDomain records that domain is new to the site, given newW of such
// evidence so far, and returns the weight added. With no domain history
// (domains nil: an evaluation, no site) only the page's own links say
// what the site cites: the domain is new to the page, which the bot's
// memory may act on (a probing address's link to a domain nobody is known
// to cite), but it weighs nothing, so that the score with no history is
// what the other evidence makes it.
func (s *linkScorer) newDomain(domains DomainHistory, domain, detail string, newW float64) float64 {
	if domains == nil {
		s.add(LinkNewDomain, domain, "no domain history: the page does not link to this domain", 0, 0)
		return 0
	}
	return s.add(LinkNewDomain, domain, detail, linkWeightNewDomain, linkCapNewDomain-newW)
}

func (s *linkScorer) addOnce(code Code, subject, detail string, w float64) {
	if s.once == nil {
		s.once = make(map[Code]bool)
	}
	if s.once[code] {
		return
	}
	s.once[code] = true
	s.add(code, subject, detail, w, w)
}

// spamWords looks for commercial spam vocabulary in the anchors, in the text
// inserted around the links and in the domain names.
//
// Only text close to a new link counts: a long addition of prose is about
// its subject, not about its links. A reference's title is a headline, and
// headlines say "casino", "loan" or "best": in references (refs reports
// which links read as one), URLs and the wider surroundings only the terms
// that read as an advert (weight linkStrongTerm and up) count. Vocabulary
// that is the site's own, and the names of domains the site cites, count
// for nothing (see linkContext).
func (s *linkScorer) spamWords(occ []foundLink, refs []bool, added *addedText, site linkContext) {
	var all, strong strings.Builder
	for i, l := range occ {
		if refs[i] {
			strong.WriteString(l.anchor)
		} else {
			all.WriteString(l.anchor)
			all.WriteString(" \n ")
			_, prose := added.around(l.span, linkNearBytes)
			all.WriteString(prose)
		}
		all.WriteString(" \n ")
		strong.WriteString(" \n ")
		if site.cites(l.domain) {
			strong.WriteString(urlPathWords(l.url))
		} else {
			strong.WriteString(urlWords(l.url))
		}
		strong.WriteString(" \n ")
		raw, _ := added.around(l.span, linkAroundBytes)
		strong.WriteString(raw)
		strong.WriteString(" \n ")
	}
	hits := findSpamTerms(normWords(all.String()), nil)
	for _, h := range findSpamTerms(normWords(strong.String()), nil) {
		if h.weight >= linkStrongTerm && !slices.ContainsFunc(hits, func(o spamTermHit) bool { return o.term == h.term }) {
			hits = append(hits, h)
		}
	}

	total := 0.0
	for _, h := range hits {
		if total >= linkCapSpamWords {
			break
		}
		if site.siteTerm(h.term) {
			continue
		}
		total += s.add(LinkSpamWords, h.term, "commercial spam vocabulary in the link text or around it", h.weight, linkCapSpamWords-total)
	}
	done := make(map[string]bool)
	for _, l := range occ {
		if done[l.domain] || l.ip || total >= linkCapSpamWords {
			continue
		}
		done[l.domain] = true
		if site.cites(l.domain) {
			continue
		}
		stems, tldW, tld := domainSpam(l.host, l.domain)
		stems = slices.DeleteFunc(stems, site.siteWord)
		w := tldW
		if len(stems) > 0 {
			w += linkWeightDomainStem
		}
		if w == 0 {
			continue
		}
		detail := "the domain name reads as commercial spam"
		if len(stems) == 0 {
			detail = fmt.Sprintf("the top-level domain .%s mostly serves spam", tld)
		}
		total += s.add(LinkSpamWords, l.domain, detail, w, linkCapSpamWords-total)
	}
}

// manyAndDensity scores the number of links and how much of the added text
// they make up. References (refs) count half towards "many" and not at all
// towards density: a sourced sentence is mostly citation markup, and a list
// of references is mostly links.
func (s *linkScorer) manyAndDensity(occ []foundLink, refs []bool, added *addedText) {
	halfLinks, visible := 0, 0
	for i, l := range occ {
		if l.place&textview.LinkArchive != 0 || referenceInfrastructure[l.domain] {
			continue
		}
		if refs[i] {
			halfLinks++
		} else {
			halfLinks += 2
			visible++
		}
	}
	n := halfLinks / 2
	if n < linkManyFrom && visible < linkDensityFrom {
		return
	}
	words := 0
	for i := range added.starts {
		words += countWords(added.prose(i))
	}
	// Many links carried by a lot of prose are a sourced article.
	if n >= linkManyFrom && words < n*linkManyProseWords {
		w := linkWeightMany + linkWeightManyMore*float64(n-linkManyFrom)
		s.add(LinkMany, "", fmt.Sprintf("%d links in one edit", n), w, linkCapMany)
	}
	if visible < linkDensityFrom || words >= visible*linkDensityWords {
		return
	}
	w := linkWeightDensity
	if visible >= linkDensityBig {
		w = linkWeightDensityBig
	}
	s.add(LinkDensity, "", fmt.Sprintf("%d links with %d words of prose", visible, words), w, w)
}

// addedText is the text an edit added, one line after another, with what
// the scorer needs to know about it: which part of each line is new and
// which bytes are markup rather than prose.
type addedText struct {
	text   string
	old    string
	starts []int      // offset of each line in text
	ins    [][2]int   // new part of each line, as offsets in text; computed on first use
	markup []bool     // bytes inside refs, templates, tags and external links; computed on first use
	spans  []byteSpan // the markup the reader found: refs, templates, tags
	links  []foundLink
}

func newAddedText(text, old string, markup []byteSpan, links []foundLink) *addedText {
	a := &addedText{text: text, old: old, spans: markup, links: links, starts: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			a.starts = append(a.starts, i+1)
		}
	}
	return a
}

func (a *addedText) line(i int) string {
	end := len(a.text)
	if i+1 < len(a.starts) {
		end = a.starts[i+1] - 1
	}
	return a.text[a.starts[i]:end]
}

// span returns the offsets of the new part of line i.
func (a *addedText) span(i int) (int, int) {
	if a.ins == nil {
		a.ins = make([][2]int, len(a.starts))
		for j := range a.ins {
			a.ins[j][0] = -1
		}
	}
	if a.ins[i][0] < 0 {
		line := a.line(i)
		p, e := insertedBounds(line, a.old)
		a.ins[i] = [2]int{a.starts[i] + p, a.starts[i] + e}
	}
	return a.ins[i][0], a.ins[i][1]
}

// around returns the new text on a link's line within pad bytes of the
// link's span, as it is and with markup blanked out.
func (a *addedText) around(span [2]int, pad int) (raw, prose string) {
	i, found := slices.BinarySearch(a.starts, span[0])
	if !found {
		i--
	}
	if i < 0 {
		return "", ""
	}
	p, e := a.span(i)
	lo, hi := max(p, span[0]-pad), min(e, span[1]+pad)
	if lo >= hi {
		return "", ""
	}
	if a.markup == nil {
		a.markup = markupMask(a.text, a.spans, a.links)
	}
	b := []byte(a.text[lo:hi])
	for k := range b {
		if a.markup[lo+k] {
			b[k] = ' '
		}
	}
	return a.text[lo:hi], string(b)
}

// inserted returns the new part of line i.
func (a *addedText) inserted(i int) string {
	p, e := a.span(i)
	return a.text[p:e]
}

// prose returns the new part of line i with markup (refs, templates, tags,
// external links with their anchors) blanked out.
func (a *addedText) prose(i int) string {
	if a.markup == nil {
		a.markup = markupMask(a.text, a.spans, a.links)
	}
	p, e := a.span(i)
	b := []byte(a.text[p:e])
	for k := range b {
		if a.markup[p+k] {
			b[k] = ' '
		}
	}
	return string(b)
}

// markupMask marks the bytes of text inside the markup spans its reader
// found (refs, templates, HTML tags) and inside the given external links.
func markupMask(text string, markup []byteSpan, links []foundLink) []bool {
	// Spans may nest and overlap (an unclosed "{{" runs to the end), so
	// they are summed in a difference array and resolved in one pass:
	// linear in the text whatever the markup.
	depth := make([]int32, len(text)+1)
	set := func(from, to int) {
		if from < to {
			depth[from]++
			depth[to]--
		}
	}
	for _, sp := range markup {
		set(sp.Lo, sp.Hi)
	}
	for _, l := range links {
		set(l.span[0], l.span[1])
	}
	mask := make([]bool, len(text))
	var open int32
	for k := range mask {
		open += depth[k]
		mask[k] = open > 0
	}
	return mask
}

// insertedBounds returns the part of an added line that is new, as offsets:
// the line minus the longest prefix and suffix it shares with one old line.
// A line with little in common with the old text is new as a whole.
func insertedBounds(line, old string) (int, int) {
	if old == "" || len(line) < 8 {
		return 0, len(line)
	}
	bestP, bestS := 0, 0
	for rest := old; len(rest) > 0; {
		var o string
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			o, rest = rest[:i], rest[i+1:]
		} else {
			o, rest = rest, ""
		}
		// An edited line keeps its start or its end; checking four bytes
		// first skips most old lines cheaply.
		if len(o) < 4 || o[:4] != line[:4] && o[len(o)-4:] != line[len(line)-4:] {
			continue
		}
		p := commonPrefix(line, o)
		room := min(len(line), len(o)) - p
		sfx := commonSuffix(line, o, room)
		if p+sfx > bestP+bestS {
			bestP, bestS = p, sfx
		}
	}
	if bestP+bestS < len(line)/4 {
		return 0, len(line)
	}
	return bestP, len(line) - bestS
}

// insertedPart returns the new part of an added line.
func insertedPart(line, old string) string {
	p, e := insertedBounds(line, old)
	return line[p:e]
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

func commonSuffix(a, b string, limit int) int {
	i := 0
	for i < limit && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}

// countWords counts the words of two letters or more in text.
func countWords(text string) int {
	words, letters := 0, 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) {
			c := text[i]
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 {
				letters++
				continue
			}
			if c >= '0' && c <= '9' || c == '\'' || c == '-' {
				continue
			}
		}
		if letters >= 2 {
			words++
		}
		letters = 0
	}
	return words
}

// urlWords returns the words of a URL's path and host, so that
// "/buy-cheap-viagra-online" reads as spam vocabulary.
func urlWords(u string) string {
	if i := strings.Index(u, "//"); i >= 0 {
		u = u[i+2:]
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '-', '_', '/', '.', '+', '?', '&', '=', '%', '#':
			return ' '
		}
		return r
	}, u)
}

// urlPathWords is urlWords without the host: the words of a link to a
// domain the site cites are in its path alone.
func urlPathWords(u string) string {
	if i := strings.Index(u, "//"); i >= 0 {
		u = u[i+2:]
	}
	if i := strings.IndexAny(u, "/?#"); i >= 0 {
		return urlWords(u[i:])
	}
	return ""
}

// urlKey is the form of a URL that two spellings of one link share: no
// scheme, lower-case host, no trailing slash.
func urlKey(u string) string {
	if i := strings.Index(u, "//"); i >= 0 {
		u = u[i+2:]
	}
	host, rest := u, ""
	if i := strings.IndexAny(u, "/?#"); i >= 0 {
		host, rest = u[:i], u[i:]
	}
	return strings.ToLower(host) + strings.TrimRight(rest, "/")
}

// linkInText reports whether text already contains the link u (with any
// scheme), ending where a URL ends.
func linkInText(text, u string) bool {
	// Search from the host: "//" is everywhere in a page full of URLs.
	if i := strings.Index(u, "//"); i >= 0 {
		u = u[i+2:]
	}
	u = strings.TrimRight(u, "/")
	if u == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(text[i:], u)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(u)
		for end < len(text) && text[end] == '/' {
			end++
		}
		if start >= 2 && text[start-2:start] == "//" && (end == len(text) || isURLEnd(text[end])) {
			return true
		}
		i = start + 1
	}
}

// domainInText reports whether text links to domain or one of its hosts.
func domainInText(text, domain string) bool {
	if text == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(text[i:], domain)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(domain)
		if start > 0 && (text[start-1] == '/' || text[start-1] == '.' || text[start-1] == '@') &&
			(end == len(text) || isURLEnd(text[end]) || text[end] == '/' || text[end] == ':' || text[end] == '?' || text[end] == '#') {
			return true
		}
		i = start + 1
	}
}

func isURLEnd(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', ']', '[', '<', '>', '"', '|', '{', '}', ',', ';', '.', ':', '!', '?', ')', '\'':
		return true
	}
	return false
}

// linksAddedLines is the fallback diff when the caller gave no Added: the
// lines of new that old does not have, in order.
func linksAddedLines(old, new string) []string {
	have := make(map[string]int)
	for _, l := range strings.Split(old, "\n") {
		have[l]++
	}
	var out []string
	for _, l := range strings.Split(new, "\n") {
		if have[l] > 0 {
			have[l]--
			continue
		}
		out = append(out, l)
	}
	return out
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

func round3(f float64) float64 {
	return float64(int64(f*1000+0.5)) / 1000
}

// spamModel returns the environment's spam model, or the embedded one.
func spamModel(env *Env) *spamscore.Model {
	if env != nil && env.Spam != nil {
		return env.Spam
	}
	m, err := spamscore.Default()
	if err != nil {
		return nil // a build without a valid model: the rules judge alone
	}
	return m
}

// modelScore is the link score the model's probability p stands for.
func modelScore(p float64) float64 { return ModelScoreAt(p, LinkModelBlatant) }

// ModelScoreAt is the link score the model's probability p stands for
// when the score reaches the default threshold at p = blatant (the
// detector's is LinkModelBlatant; cmd/spamtrain sweeps others).
func ModelScoreAt(p, blatant float64) float64 {
	if p <= blatant {
		return DefaultLinksThreshold * p / blatant
	}
	return DefaultLinksThreshold + (1-DefaultLinksThreshold)*(p-blatant)/(1-blatant)
}

// modelDoc is the text the model reads: the new part of each added line.
func modelDoc(in *Input, added *addedText) spamscore.Doc {
	var b strings.Builder
	for i := range added.starts {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(added.inserted(i))
	}
	return spamscore.Doc{Text: b.String(), Old: in.Edit.Old, New: in.Edit.New}
}

// modelDetail is the moderator's sentence for the model's reason.
func modelDetail(m *spamscore.Model, d spamscore.Doc, p float64) string {
	detail := fmt.Sprintf("the spam model gives a probability of %.2f", p)
	if p < linkExplainFrom {
		return detail
	}
	var names []string
	for _, c := range m.Explain(d, linkExplainTop) {
		names = append(names, c.Feature)
	}
	if len(names) == 0 {
		return detail
	}
	return detail + ", mostly for " + strings.Join(names, ", ")
}

// contactsOnly judges an addition with no external link: contact points
// (a bare or obfuscated domain, a Telegram handle, a phone number, an
// e-mail address) count as its links when the model finds the text spam.
func contactsOnly(res *Result, in *Input, text string) {
	m := spamModel(in.Env)
	if m == nil {
		return
	}
	added := newAddedText(text, in.Edit.Old, nil, nil)
	d := modelDoc(in, added)
	r, ok := m.ScoreContacts(d)
	if !ok {
		return
	}
	p, shift := withSiteSpam(in.Env, d, contactDomains(r.Contacts), r.Prob)
	if p < linkContactFrom || len(r.Contacts) == 0 {
		return
	}
	s := linkScorer{res: res}
	for _, c := range r.Contacts {
		res.Links = append(res.Links, Link{URL: c.Text, Domain: c.Domain, Anchor: clip(c.Anchor, 200)})
	}
	if len(r.Contacts) == 1 {
		s.add(LinkAdded, r.Contacts[0].Text, "a contact point ("+string(r.Contacts[0].Kind)+") was added", linkWeightAdded, 1)
	} else {
		s.add(LinkAdded, "", fmt.Sprintf("%d contact points were added", len(r.Contacts)), linkWeightAdded, 1)
	}
	// A bare or obfuscated domain is a destination like a link's: new to
	// the site, or already confirmed as spam. Without this a contact's
	// domain would read as one the site cites.
	var domains DomainHistory
	if in.Env != nil {
		domains = in.Env.Domains
	}
	var newW, spamW float64
	done := map[string]bool{}
	for _, c := range r.Contacts {
		if c.Domain == "" || done[c.Domain] {
			continue
		}
		done[c.Domain] = true
		if domains != nil && domains.Spam(c.Domain) {
			w := linkWeightSpamMore
			if spamW == 0 {
				w = linkWeightSpamDomain
			}
			spamW += s.add(LinkSpamDomain, c.Domain, "the domain was already reverted or confirmed as spam", w, linkCapSpamDomain-spamW)
		}
		if !referenceInfrastructure[c.Domain] && (domains == nil || !domains.Known(c.Domain)) && !domainInText(in.Edit.Old, c.Domain) {
			newW += s.newDomain(domains, c.Domain, "the site does not link to this domain yet", newW)
		}
	}
	res.Spam = round3(p)
	w := modelScore(p) - res.Score
	detail := modelDetail(m, d, r.Prob) + siteSpamDetail(shift)
	if localPhonesOnly(r.Contacts) && !spamscore.SellsTopic(added.text) {
		// A national number next to "Tel." is how a local page gives a
		// museum's or a town hall's number, and the model learned phone
		// numbers from SMS spam: with nothing spam sells named beside it
		// (a prize, a loan, earnings), it stays under the threshold, so
		// that with no memory a moderator decides. Its probability still
		// counts as a spam signal for an editor tied to a campaign.
		w = min(w, LinkPhoneOnlyMax-res.Score)
		detail += "; " + LinkLocalPhoneNote
	}
	s.add(LinkSpamModel, "", detail, w, 1)
	if res.Score > 1 {
		res.Score = 1
	}
}

// LinkPhoneOnlyMax is the highest link score of an addition whose only
// contact points are national phone numbers: just under the default
// threshold, so a moderator sees it in the queue. The model's reason then
// ends with LinkLocalPhoneNote.
const (
	LinkPhoneOnlyMax   = DefaultLinksThreshold - 0.05
	LinkLocalPhoneNote = "a local phone number is its only contact point, which alone does not revert it"
)

// localPhonesOnly reports whether every contact point is a national phone
// number.
func localPhonesOnly(cs []spamscore.Contact) bool {
	for _, c := range cs {
		if c.Kind != spamscore.ContactLocalPhone {
			return false
		}
	}
	return len(cs) > 0
}
