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

// newToWiki is the domain history of a wiki that cites none of the
// domains it is asked about and has confirmed none as spam.
type newToWiki struct{}

func (newToWiki) Known(string) bool { return false }
func (newToWiki) Spam(string) bool  { return false }

// memoryTable reports, for each held-out fold, what the bot reverts from
// a probed range (probedRange) with the shipped threshold: the share of
// each held-out set, of the augmented spam by language and by genre, and
// the real good faith it reverts. Every follow-up spam of a campaign
// should be caught in every language, and no good-faith edit reverted.
func memoryTable(w io.Writer, folds [][]sweepItem) {
	type count struct{ n, rev int }
	fmt.Fprintf(w, "\n### What a probed range's follow-up needs\n\n")
	fmt.Fprintf(w, "What the bot reverts from an anonymous editor whose range probed the page (bot.Memory RangeProbed and PageProbed; the link\n")
	fmt.Fprintf(w, "detector with the fold's model after the operating-point shift, at p≥%.2f). Memory lowers the bar to content evidence short of\n", detectors.LinkModelBlatant)
	fmt.Fprintf(w, "blatant (a spam signal, or weak evidence on a link to a new domain); every domain counts as new to the wiki here.\n\n")
	fmt.Fprintf(w, "| fold | set | items | no memory, new domains | probed range |\n|---|---|---:|---:|---:|\n")
	var fps, perLangLines []string
	for k, items := range folds {
		groups := map[string]*[2]count{}
		langs := map[string]*[2]count{}
		genres := map[string]*[2]count{}
		add := func(m map[string]*[2]count, key string, plain, mem bool) {
			c := m[key]
			if c == nil {
				c = &[2]count{}
				m[key] = c
			}
			c[0].n++
			c[1].n++
			if plain {
				c[0].rev++
			}
			if mem {
				c[1].rev++
			}
		}
		for _, it := range items {
			if isVariant(it.group) {
				continue
			}
			plain := bot.Decide(it.edit, []detectors.Result{it.mem}, bot.Memory{}, bot.Policy{}).Reverts()
			mem := bot.Decide(it.edit, []detectors.Result{it.mem}, probedRange, bot.Policy{}).Reverts()
			add(groups, it.group, plain, mem)
			if it.group == "augmented spam, held-out languages" || it.group == "Leipzig prose with a spam contact, held-out languages" {
				add(langs, it.lang, plain, mem)
			}
			if it.group == "augmented spam, held-out languages" {
				add(genres, strings.TrimSuffix(strings.TrimPrefix(it.kind, "aug-spam-"), "-"+it.lang), plain, mem)
			}
			g := sweepGroupIndex(it.group)
			if mem && g >= 0 && sweepGroups[g].goodFaith && len(fps) < 3*listN {
				fps = append(fps, fmt.Sprintf("- fold %c p=%.2f `%s` %s (%s)", 'A'+k, it.mem.Spam, it.id, snippet(it.text), reasonCodes(it.mem)))
			}
		}
		row := func(name string, c *[2]count) {
			fmt.Fprintf(w, "| %c | %s | %d | %s | %s |\n", 'A'+k, name, c[0].n, pct(c[0].rev, c[0].n), pct(c[1].rev, c[1].n))
		}
		for _, g := range sweepGroups {
			if c := groups[g.name]; c != nil {
				row(g.name, c)
			}
		}
		worst := func(m map[string]*[2]count, what string) {
			name, ws := "", 2.0
			for _, key := range sortedKeys(m) {
				c := m[key]
				if c[1].n < 20 {
					continue
				}
				if s := float64(c[1].rev) / float64(c[1].n); s < ws {
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
			each = append(each, fmt.Sprintf("%s %s", l, pct(langs[l][1].rev, langs[l][1].n)))
		}
		perLangLines = append(perLangLines, fmt.Sprintf("- fold %c: %s", 'A'+k, strings.Join(each, ", ")))
	}
	fmt.Fprintf(w, "\nSpam of each held-out language (augmented and Leipzig) reverted from a probed range:\n\n%s\n", strings.Join(perLangLines, "\n"))
	if len(fps) > 0 {
		fmt.Fprintf(w, "\nReal good faith reverted from a probed range:\n\n%s\n", strings.Join(fps, "\n"))
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
