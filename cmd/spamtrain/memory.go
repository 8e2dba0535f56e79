package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/detectors"
)

// probedRange is the memory of a campaign's follow-up: an anonymous
// editor whose range probed the page the edit is made to. Nothing ties
// the address itself to the probe, so the bot needs content evidence (a
// spam signal, or weak evidence on a link to a new domain) to revert;
// the wiki's domain history is taken as rich (Memory.FewKnownDomains
// false), and no domain as one the wiki already cites (newToWiki): the
// eval has no wiki, so every citation meets the bar as a neighbour's new
// domain would.
var probedRange = bot.Memory{RangeProbed: true, PageProbed: true}

// probedPage is the memory of an edit to a page some range probed, by an
// editor unrelated to the probe: where good-faith editors meet the
// campaign.
var probedPage = bot.Memory{PageProbed: true}

// newToWiki is the domain history of a wiki that cites none of the
// domains it is asked about and has confirmed none as spam.
type newToWiki struct{}

func (newToWiki) Known(string) bool { return false }
func (newToWiki) Spam(string) bool  { return false }

// withDomain names the part of a set whose items have a URL or a domain,
// not only a handle or a number: every item of the hidden evaluation has
// one. withDomainSets are the sets reported so as well.
const withDomain = ", those with a URL or domain"

var withDomainSets = map[string]bool{"real spam with words": true, "comment spam with words": true, "comment good faith with a contact": true}

// memoryTable reports, for each held-out fold (names: A, B, then the
// comment folds D and Dh), what the bot reverts from
// a probed range (probedRange) with the shipped threshold: the share of
// each held-out set, of the augmented spam by language and by genre, and
// the real good faith it reverts. Every follow-up spam of a campaign
// should be caught in every language, and no good-faith edit reverted.
func memoryTable(w io.Writer, names []string, folds [][]sweepItem) {
	type count struct{ n, rev int }
	const cols = 3 // no memory, probed page, probed range
	fmt.Fprintf(w, "\n### What a probed range's follow-up needs\n\n")
	fmt.Fprintf(w, "What the bot reverts from an anonymous editor with no memory, on a page some range probed (bot.Memory PageProbed), and whose\n")
	fmt.Fprintf(w, "range probed the page (RangeProbed and PageProbed): the link detector with the fold's model after the operating-point shift, at\n")
	fmt.Fprintf(w, "p≥%.2f, on a wiki that cites none of the item's domains. Memory lowers the bar to content evidence short of blatant: a spam\n", detectors.LinkModelBlatant)
	fmt.Fprintf(w, "signal; from the range, weak evidence on a link to a new domain (where sources and official sites go, a template value or a\n")
	fmt.Fprintf(w, "reference, external-links entry or list item naming its domain, p≥%.2f, bot.ModelPlacedMin); on a probed page alone, an untitled link to a new domain\n", bot.ModelPlacedMin)
	fmt.Fprintf(w, "whose text names nothing of the page when the model gives p≥%.2f (bot.ModelLeansSpam), or, in a wiki page's running text, to\n", bot.ModelLeansSpam)
	fmt.Fprintf(w, "a front page or a tracked landing page unless it reads the text as plain good faith. A titled citation is flagged, not reverted.\n\n")
	fmt.Fprintf(w, "| fold | set | items | no memory | probed page only | probed range |\n|---|---|---:|---:|---:|---:|\n")
	var fps, perLangLines []string
	listed := map[string]int{} // good faith listed, by fold and set
	for k, items := range folds {
		groups := map[string]*[cols]count{}
		langs := map[string]*[cols]count{}
		genres := map[string]*[cols]count{}
		add := func(m map[string]*[cols]count, key string, rev [cols]bool) {
			c := m[key]
			if c == nil {
				c = &[cols]count{}
				m[key] = c
			}
			for j := range c {
				c[j].n++
				if rev[j] {
					c[j].rev++
				}
			}
		}
		for _, it := range items {
			if isVariant(it.group) {
				continue
			}
			var rev [cols]bool
			for j, m := range []bot.Memory{{}, probedPage, probedRange} {
				rev[j] = bot.Decide(it.edit, []detectors.Result{it.mem}, m, bot.Policy{}).Reverts()
			}
			add(groups, it.group, rev)
			if it.domain && withDomainSets[it.group] {
				add(groups, it.group+withDomain, rev)
			}
			if it.group == "augmented spam, held-out languages" || it.group == "Leipzig prose with a spam contact, held-out languages" {
				add(langs, it.lang, rev)
			}
			if it.group == "augmented spam, held-out languages" {
				add(genres, strings.TrimSuffix(strings.TrimPrefix(it.kind, "aug-spam-"), "-"+it.lang), rev)
			}
			g := sweepGroupIndex(it.group)
			if key := fmt.Sprintf("%s %s", names[k], it.group); rev[cols-1] && g >= 0 && sweepGroups[g].goodFaith && listed[key] < listN/2 {
				listed[key]++
				fps = append(fps, fmt.Sprintf("- fold %s p=%.2f `%s` %s (%s)", names[k], it.mem.Spam, it.id, snippet(it.text), reasonCodes(it.mem)))
			}
		}
		row := func(name string, c *[cols]count) {
			fmt.Fprintf(w, "| %s | %s | %d |", names[k], name, c[0].n)
			for _, x := range c {
				fmt.Fprintf(w, " %s |", pct(x.rev, x.n))
			}
			w.Write([]byte("\n"))
		}
		for _, g := range sweepGroups {
			if c := groups[g.name]; c != nil {
				row(g.name, c)
			}
			if c := groups[g.name+withDomain]; c != nil {
				row(g.name+withDomain, c)
			}
		}
		worst := func(m map[string]*[cols]count, what string) {
			name, ws := "", 2.0
			for _, key := range sortedKeys(m) {
				c := m[key]
				if c[cols-1].n < 20 {
					continue
				}
				if s := float64(c[cols-1].rev) / float64(c[cols-1].n); s < ws {
					name, ws = key, s
				}
			}
			if name != "" {
				row(fmt.Sprintf("spam of the held-out languages, worst %s: %s", what, name), m[name])
			}
		}
		worst(langs, "language")
		worst(genres, "augmented genre")
		var each []string
		for _, l := range sortedKeys(langs) {
			each = append(each, fmt.Sprintf("%s %s", l, pct(langs[l][cols-1].rev, langs[l][cols-1].n)))
		}
		if len(each) > 0 {
			perLangLines = append(perLangLines, fmt.Sprintf("- fold %s: %s", names[k], strings.Join(each, ", ")))
		}
	}
	fmt.Fprintf(w, "\nSpam of each held-out language (augmented and Leipzig) reverted from a probed range:\n\n%s\n", strings.Join(perLangLines, "\n"))
	if len(fps) > 0 {
		fmt.Fprintf(w, "\nReal good faith reverted from a probed range (at most %d a fold and set; model probability, reasons):\n\n%s\n", listN/2, strings.Join(fps, "\n"))
	}
}

// isVariant reports whether a sweep group is one of the sweep's variants
// of another (a share tag, an emoji, URLs as their own links).
func isVariant(group string) bool {
	for _, v := range sweepVariants {
		if strings.HasSuffix(group, v.suffix) {
			return true
		}
	}
	return false
}

// sweepGroupIndex returns the index of the sweep group named name, or -1.
func sweepGroupIndex(name string) int {
	for i, g := range sweepGroups {
		if g.name == name {
			return i
		}
	}
	return -1
}

// reasonCodes lists a result's reason codes.
func reasonCodes(r detectors.Result) string {
	var codes []string
	for _, x := range r.Reasons {
		codes = append(codes, string(x.Code))
	}
	return strings.Join(codes, " ")
}
