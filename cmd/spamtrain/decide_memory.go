package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/detectors"
)

// decideMemories are the memory situations of a campaign's follow-up that
// do not tie the editor to the probe, weakest first: an unrelated editor
// on a probed page, a neighbour of a probing range on a wiki whose domain
// history is thin (bot.Memory.FewKnownDomains), and one on a wiki whose
// history is rich.
var decideMemories = []struct {
	name string
	mem  bot.Memory
}{
	{"probed page only", probedPage},
	{"range probed, thin domain history", bot.Memory{RangeProbed: true, FewKnownDomains: true}},
	{"range probed", bot.Memory{RangeProbed: true}},
}

// decideTable reports, for each held-out fold, what the bot reverts in
// each of decideMemories (on a wiki that cites none of the item's
// domains: newToWiki), and lists the real good faith that memory alone
// turns into a revert (reverted there, not with no memory), so that a
// decision rule's cost in good faith can be read off held-out data.
func decideTable(w io.Writer, names []string, folds [][]sweepItem) {
	fmt.Fprintf(w, "\n### What each memory of a campaign reverts (bot.Decide)\n\n")
	fmt.Fprintf(w, "Share reverted of each held-out set by an anonymous editor the memory does not tie to the probe, on a wiki that cites\n")
	fmt.Fprintf(w, "none of the item's domains; the thin-history column has bot.Memory FewKnownDomains, the others a rich history.\n\n")
	fmt.Fprintf(w, "| fold | set | items | no memory |")
	for _, m := range decideMemories {
		fmt.Fprintf(w, " %s |", m.name)
	}
	fmt.Fprintf(w, "\n|---|---|---:|---:|%s\n", strings.Repeat("---:|", len(decideMemories)))
	var fps []string
	for k, items := range folds {
		type count struct{ n, rev [4]int }
		groups := map[string]*count{}
		listed := map[string]int{}
		for _, it := range items {
			if isVariant(it.group) {
				continue
			}
			c := groups[it.group]
			if c == nil {
				c = &count{}
				groups[it.group] = c
			}
			plain := bot.Decide(it.edit, []detectors.Result{it.mem}, bot.Memory{}, bot.Policy{}).Reverts()
			for j := range c.n {
				c.n[j]++
				rev := plain
				if j > 0 {
					rev = bot.Decide(it.edit, []detectors.Result{it.mem}, decideMemories[j-1].mem, bot.Policy{}).Reverts()
				}
				if !rev {
					continue
				}
				c.rev[j]++
				g := sweepGroupIndex(it.group)
				key := fmt.Sprintf("%s %s %d", names[k], it.group, j)
				if j > 0 && j < len(c.n)-1 && !plain && g >= 0 && sweepGroups[g].goodFaith && listed[key] < listN/2 {
					listed[key]++
					fps = append(fps, fmt.Sprintf("- fold %s, %s: p=%.2f `%s` %s (%s)", names[k], decideMemories[j-1].name, it.mem.Spam, it.id, snippet(it.text), reasonCodes(it.mem)))
				}
			}
		}
		for _, g := range sweepGroups {
			c := groups[g.name]
			if c == nil {
				continue
			}
			fmt.Fprintf(w, "| %s | %s | %d |", names[k], g.name, c.n[0])
			for j := range c.n {
				fmt.Fprintf(w, " %s |", pct(c.rev[j], c.n[j]))
			}
			w.Write([]byte("\n"))
		}
	}
	if len(fps) > 0 {
		fmt.Fprintf(w, "\nReal good faith that a probed page or a thin-history range alone turns into a revert (at most %d a fold, set and memory; model probability, reasons):\n\n%s\n", listN/2, strings.Join(fps, "\n"))
	}
}
