package main

import (
	"fmt"
	"io"
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/spamscore"
)

// The bot's no-history threshold: the spam model's probability from which
// the link detector's score reaches the links threshold, so that the bot
// reverts with no memory (detectors.LinkModelBlatant). The sweep scores
// each held-out item once with the fold's model, shifted as the shipped
// model is, and replays the decision for each candidate.
var blatantGrid = []float64{0.5, 0.6, 0.65, 0.7, 0.72, 0.74, 0.76, 0.78, 0.8, 0.85}

// maxGoodFaith is the share of any held-out real good-faith set the bot
// may revert with no memory at the chosen threshold: half the 0.5% the
// hidden data allows, since hidden good faith differs from ours.
const maxGoodFaith = 0.0025

// sweepGroup is a set of held-out items the sweep reports on.
type sweepGroup struct {
	name      string
	spam      bool
	goodFaith bool // a real good-faith set that bounds the threshold
}

var sweepGroups = []sweepGroup{
	{name: "real spam with words", spam: true},
	{name: "real spam, links only", spam: true},
	{name: "augmented spam, held-out languages", spam: true},
	{name: "augmented spam, worst held-out language", spam: true},
	{name: "Stack Exchange, held-out sites", goodFaith: true},
	{name: "regular edits", goodFaith: true},
	{name: "article paragraphs, references, external links", goodFaith: true},
	{name: "Leipzig prose with a good-faith link, held-out languages", goodFaith: true},
	{name: "augmented good faith, held-out languages"},
	{name: "Leipzig prose with a spam contact, held-out languages", spam: true},
	{name: "real spam with words, a share tag on every URL", spam: true},
	{name: "real spam with words, an emoji added", spam: true},
	{name: "Stack Exchange, held-out sites, a share tag on every URL"},
	{name: "Stack Exchange, held-out sites, an emoji added"},
	{name: "real spam with words, bare URLs as their own links", spam: true},
	{name: "Stack Exchange, held-out sites, bare URLs as their own links"},
	// Fold D's Instagram comments: not a bound of the threshold (rated
	// good faith includes scams: label noise, see comments.go).
	{name: "comment spam with words", spam: true},
	{name: "comment spam, links only", spam: true},
	{name: "comment good faith with a contact"},
}

// sweepTagged are the groups whose items are scored again with a
// share-button tracking tag on every URL (tagURLs) and with an emoji
// (addEmoji), under the group's name with the variant's suffix: neither
// should change a verdict.
var sweepTagged = map[string]bool{"real spam with words": true, "Stack Exchange, held-out sites": true}

var sweepVariants = []struct {
	suffix string
	change func(string) string
}{
	{", a share tag on every URL", tagURLs},
	{", an emoji added", addEmoji},
	{", bare URLs as their own links", autolink},
}

// autolink writes each bare URL of text as a Markdown link whose text is
// the URL, as forum software renders a pasted address.
func autolink(text string) string {
	var b strings.Builder
	last := 0
	for _, m := range urlRe.FindAllStringIndex(text, -1) {
		if m[0] > 0 && strings.ContainsRune("([=\"'", rune(text[m[0]-1])) {
			continue
		}
		u := strings.TrimRight(text[m[0]:m[1]], ".,;:!?")
		b.WriteString(text[last:m[0]])
		b.WriteString("[" + u + "](" + u + ")")
		last = m[0] + len(u)
	}
	b.WriteString(text[last:])
	return b.String()
}

// addEmoji puts an emoji training never uses after the first sentence of
// text, or at its end.
func addEmoji(text string) string {
	if i := strings.Index(text, ". "); i > 0 {
		return text[:i] + " 😄" + text[i+1:]
	}
	return text + " 😄"
}

var urlRe = regexp.MustCompile(`https?://[^\s\[\]<>"'|{}()]+`)

// tagURLs adds a tracking tag that training never uses to every URL of
// text.
func tagURLs(text string) string {
	return urlRe.ReplaceAllStringFunc(text, func(u string) string {
		if strings.Contains(u, "?") {
			return u + "&utm_source=ig&utm_medium=copy_link"
		}
		return u + "?utm_source=ig&utm_medium=copy_link"
	})
}

// sweepGroupOf names the sweep group of a held-out example, or "".
func sweepGroupOf(e *example, words bool) string {
	switch {
	case e.source == "augment" && e.label:
		return "augmented spam, held-out languages"
	case e.source == "augment":
		return "augmented good faith, held-out languages"
	case e.source == "sbl":
		return ""
	case e.genre == "comment" && e.label && words:
		return "comment spam with words"
	case e.genre == "comment" && e.label:
		return "comment spam, links only"
	case e.genre == "comment":
		return "comment good faith with a contact"
	case e.source == "world" && !e.label:
		return "Leipzig prose with a good-faith link, held-out languages"
	case e.source == "world":
		return "Leipzig prose with a spam contact, held-out languages"
	case e.label && words:
		return "real spam with words"
	case e.label:
		return "real spam, links only"
	case e.source == "se1" || e.source == "se2":
		return "Stack Exchange, held-out sites"
	case e.source == "edits":
		return "regular edits"
	case e.source == "pages":
		return "article paragraphs, references, external links"
	}
	return ""
}

// sweepItem is one held-out item scored once.
type sweepItem struct {
	id    string
	text  string
	kind  string
	group string
	lang  string
	edit  *detectors.Edit
	res   detectors.Result
	// mem is the detector's result on a wiki that cites none of the
	// item's domains (newToWiki): what memoryTable replays.
	mem detectors.Result
	// domain is whether the item has a URL or a domain (dataset.domains).
	domain bool
}

// botEdit is the edit the bot sees for an example: its text added to the
// old text, by an anonymous editor.
func botEdit(e *example) *detectors.Edit {
	old, new := e.old, e.new
	if new == "" {
		new = e.page
	}
	if new == "" {
		new = old + "\n\n" + e.text
		if old == "" {
			new = e.text
		}
	}
	edit := &detectors.Edit{Old: old, New: new, Anon: true, User: "192.0.2.1"}
	if e.markdown {
		edit.Format = detectors.FormatMarkdown
	}
	return edit
}

// atBlatant is r as the link detector would give it if the model's
// probability reached the links threshold at t instead of
// detectors.LinkModelBlatant: the rules' evidence is kept, the model's
// reason is its score's excess over it.
func atBlatant(r detectors.Result, t float64) detectors.Result {
	rules := 0.0
	model := -1
	for i, x := range r.Reasons {
		if x.Code == detectors.LinkSpamModel {
			model = i
			continue
		}
		rules += x.Weight
	}
	if model < 0 {
		return r
	}
	s := detectors.ModelScoreAt(r.Spam, t)
	if strings.HasSuffix(r.Reasons[model].Detail, detectors.LinkLocalPhoneNote) {
		// As the detector: a local phone number alone stays under the
		// threshold whatever the model says.
		s = min(s, detectors.LinkPhoneOnlyMax)
	}
	out := r
	out.Reasons = slices.Clone(r.Reasons)
	w := math.Round(max(0, min(s, 1)-rules)*1000) / 1000
	out.Reasons[model].Weight = w
	out.Score = math.Round(min(1, rules+w)*1000) / 1000
	return out
}

// sweepFold scores fold's held-out items with its model shifted by shift.
func (ds *dataset) sweepFold(m trained, shift float64, idx []int) ([]sweepItem, error) {
	shifted, err := spamscore.New(bits, m.w, m.a, m.b+shift)
	if err != nil {
		return nil, err
	}
	var out []sweepItem
	for _, i := range idx {
		e := &ds.ex[i]
		if ds.contacts[i] == 0 {
			continue
		}
		g := sweepGroupOf(e, ds.words[i])
		if g == "" {
			continue
		}
		edit := botEdit(e)
		r := detectors.Links(&detectors.Input{Edit: edit, Env: &detectors.Env{Spam: shifted}})
		mem := detectors.Links(&detectors.Input{Edit: edit, Env: &detectors.Env{Spam: shifted, Domains: newToWiki{}}})
		out = append(out, sweepItem{id: e.id, text: e.text, kind: e.kind, group: g, lang: e.lang, edit: edit, res: r, mem: mem, domain: ds.domains[i]})
		for _, v := range sweepVariants {
			if !sweepTagged[g] {
				break
			}
			t := *e
			t.text = v.change(e.text)
			if e.new != "" {
				t.new = strings.Replace(e.new, e.text, t.text, 1)
			}
			edit := botEdit(&t)
			r := detectors.Links(&detectors.Input{Edit: edit, Env: &detectors.Env{Spam: shifted}})
			out = append(out, sweepItem{id: e.id, text: t.text, kind: e.kind, group: g + v.suffix, lang: e.lang, edit: edit, res: r})
		}
	}
	return out, nil
}

// sweepShares returns, for each group, the share the bot reverts with no
// memory when the model's blatant probability is t.
func sweepShares(items []sweepItem, t float64, exact bool) map[string]float64 {
	n := map[string]int{}
	rev := map[string]int{}
	langN := map[string]int{}
	langRev := map[string]int{}
	for _, it := range items {
		r := it.res
		if !exact {
			r = atBlatant(r, t)
		}
		d := bot.Decide(it.edit, []detectors.Result{r}, bot.Memory{}, bot.Policy{})
		n[it.group]++
		if it.group == "augmented spam, held-out languages" {
			langN[it.lang]++
		}
		if d.Reverts() {
			rev[it.group]++
			if it.group == "augmented spam, held-out languages" {
				langRev[it.lang]++
			}
		}
	}
	out := map[string]float64{}
	for g, k := range n {
		out[g] = float64(rev[g]) / float64(k)
	}
	worst := math.NaN()
	for l, k := range langN {
		if k < 20 {
			continue
		}
		if s := float64(langRev[l]) / float64(k); math.IsNaN(worst) || s < worst {
			worst = s
		}
	}
	if !math.IsNaN(worst) {
		out["augmented spam, worst held-out language"] = worst
	}
	return out
}

// blatantSweep reports the bot's no-history decisions on each held-out fold
// for each candidate threshold, and the highest-recall threshold at which
// every real good-faith set stays at or below maxGoodFaith in every fold.
func blatantSweep(w io.Writer, folds [][]sweepItem) {
	shares := make([]map[float64]map[string]float64, len(folds))
	for k, items := range folds {
		shares[k] = map[float64]map[string]float64{}
		for _, t := range blatantGrid {
			shares[k][t] = sweepShares(items, t, false)
		}
		// The replay must agree with the detector at its own threshold.
		exact := sweepShares(items, detectors.LinkModelBlatant, true)
		replay := sweepShares(items, detectors.LinkModelBlatant, false)
		for _, g := range slices.Sorted(maps.Keys(exact)) {
			if s := exact[g]; math.Abs(s-replay[g]) > 1e-9 {
				fmt.Fprintf(w, "\n(fold %c: the replay at %.2f gives %.2f%% of %s, the detector %.2f%%)\n", 'A'+k, detectors.LinkModelBlatant, 100*replay[g], g, 100*s)
			}
		}
	}
	best := math.NaN()
	for _, t := range blatantGrid {
		ok := true
		for k := range folds {
			for _, g := range sweepGroups {
				if s, has := shares[k][t][g.name]; g.goodFaith && has && s > maxGoodFaith {
					ok = false
				}
			}
		}
		if ok && (math.IsNaN(best) || t < best) {
			best = t
		}
	}
	fmt.Fprintf(w, "\n### The bot's no-history threshold\n\n")
	fmt.Fprintf(w, "What the bot reverts with no memory (the link detector with the fold's model after the operating-point shift, then bot.Decide) when the spam model's\n")
	fmt.Fprintf(w, "probability from which the link score reaches the threshold is p (the shipped value, detectors.LinkModelBlatant, is %.2f). Share of each\n", detectors.LinkModelBlatant)
	fmt.Fprintf(w, "held-out set; a set a fold does not hold out is left blank. Marked \\*: the lowest p at which no fold reverts more than %.2f%% of any real good-faith set: %.2f.\n\n", 100*maxGoodFaith, best)
	var head, rule strings.Builder
	head.WriteString("| fold | set |")
	rule.WriteString("|---|---|")
	for _, t := range blatantGrid {
		mark := ""
		if t == best {
			mark = "\\*"
		}
		fmt.Fprintf(&head, " p≥%.2f%s |", t, mark)
		rule.WriteString("---:|")
	}
	fmt.Fprintf(w, "%s\n%s\n", head.String(), rule.String())
	for k, items := range folds {
		count := map[string]int{}
		for _, it := range items {
			count[it.group]++
		}
		for _, g := range sweepGroups {
			if _, has := shares[k][blatantGrid[0]][g.name]; !has {
				continue
			}
			kind := "good faith"
			if g.spam {
				kind = "spam"
			}
			n := fmt.Sprintf("%d", count[g.name])
			if g.name == "augmented spam, worst held-out language" {
				n = "≥20 each"
			}
			fmt.Fprintf(w, "| %c | %s (%s, %s) |", 'A'+k, g.name, kind, n)
			for _, t := range blatantGrid {
				digits := 1
				if !g.spam {
					digits = 2
				}
				fmt.Fprintf(w, " %.*f%% |", digits, 100*shares[k][t][g.name])
			}
			w.Write([]byte("\n"))
		}
	}
	genreTable(w, folds)
	// What binds: the real good faith the next lower threshold reverts
	// and the chosen one does not.
	i := slices.Index(blatantGrid, best)
	if i <= 0 {
		return
	}
	lower := blatantGrid[i-1]
	var bind []string
	for k, items := range folds {
		for _, it := range items {
			g := slices.IndexFunc(sweepGroups, func(s sweepGroup) bool { return s.name == it.group })
			if g < 0 || !sweepGroups[g].goodFaith || it.res.Spam >= best || it.res.Spam < lower {
				continue
			}
			d := bot.Decide(it.edit, []detectors.Result{atBlatant(it.res, lower)}, bot.Memory{}, bot.Policy{})
			now := bot.Decide(it.edit, []detectors.Result{atBlatant(it.res, best)}, bot.Memory{}, bot.Policy{})
			if d.Reverts() && !now.Reverts() && len(bind) < 2*listN {
				bind = append(bind, fmt.Sprintf("- fold %c p=%.2f `%s` %s", 'A'+k, it.res.Spam, it.id, snippet(it.text)))
			}
		}
	}
	if len(bind) > 0 {
		fmt.Fprintf(w, "\nReal good faith that p≥%.2f would revert and p≥%.2f does not:\n\n%s\n", lower, best, strings.Join(bind, "\n"))
	}
}

// genreTable reports, by genre of the augmentation (comment, chat, wiki
// draft, Telegram offer ...), the share of each fold's held-out-language
// augmented spam the bot reverts with no memory at the shipped threshold,
// and the worst language of each: the genres the hidden data is made of
// are only approximated by the generator, so this says which disguises
// are weak, not what hidden data will show.
func genreTable(w io.Writer, folds [][]sweepItem) {
	type count struct{ n, rev int }
	byGenre := make([]map[string]*count, len(folds))
	byLang := make([]map[string]map[string]*count, len(folds))
	genres := map[string]bool{}
	for k, items := range folds {
		byGenre[k] = map[string]*count{}
		byLang[k] = map[string]map[string]*count{}
		for _, it := range items {
			if it.group != "augmented spam, held-out languages" {
				continue
			}
			g := strings.TrimSuffix(strings.TrimPrefix(it.kind, "aug-spam-"), "-"+it.lang)
			genres[g] = true
			c := byGenre[k][g]
			if c == nil {
				c = &count{}
				byGenre[k][g] = c
			}
			if byLang[k][g] == nil {
				byLang[k][g] = map[string]*count{}
			}
			lc := byLang[k][g][it.lang]
			if lc == nil {
				lc = &count{}
				byLang[k][g][it.lang] = lc
			}
			d := bot.Decide(it.edit, []detectors.Result{it.res}, bot.Memory{}, bot.Policy{})
			c.n++
			lc.n++
			if d.Reverts() {
				c.rev++
				lc.rev++
			}
		}
	}
	fmt.Fprintf(w, "\nAugmented spam of the held-out languages by genre, reverted with no memory at p≥%.2f (worst language in brackets):\n\n| genre |", detectors.LinkModelBlatant)
	for k := range folds {
		fmt.Fprintf(w, " fold %c |", 'A'+k)
	}
	w.Write([]byte("\n|---|"))
	for range folds {
		w.Write([]byte("---:|"))
	}
	w.Write([]byte("\n"))
	for _, g := range sortedKeys(genres) {
		fmt.Fprintf(w, "| %s |", g)
		for k := range folds {
			c := byGenre[k][g]
			if c == nil {
				w.Write([]byte(" – |"))
				continue
			}
			worst, ws := "", 2.0
			for _, l := range sortedKeys(byLang[k][g]) {
				lc := byLang[k][g][l]
				if s := float64(lc.rev) / float64(lc.n); s < ws {
					worst, ws = l, s
				}
			}
			fmt.Fprintf(w, " %s (%s %.0f%%) |", pct(c.rev, c.n), worst, 100*ws)
		}
		w.Write([]byte("\n"))
	}
	if genreMisses <= 0 {
		return
	}
	for k, items := range folds {
		fmt.Fprintf(w, "\nFold %c's held-out augmented spam kept at p≥%.2f, at most %d a genre:\n\n", 'A'+k, detectors.LinkModelBlatant, genreMisses)
		listed := map[string]int{}
		for _, it := range items {
			if it.group != "augmented spam, held-out languages" {
				continue
			}
			g := strings.TrimSuffix(strings.TrimPrefix(it.kind, "aug-spam-"), "-"+it.lang)
			d := bot.Decide(it.edit, []detectors.Result{it.res}, bot.Memory{}, bot.Policy{})
			if d.Reverts() || listed[g] >= genreMisses {
				continue
			}
			listed[g]++
			text := strings.Join(strings.Fields(it.text), " ")
			if r := []rune(text); len(r) > 300 {
				text = string(r[:300]) + "…"
			}
			fmt.Fprintf(w, "- %s %s p=%.2f `%s`\n", g, it.lang, it.res.Spam, strings.ReplaceAll(text, "`", "'"))
			if listWhy {
				for _, r := range it.res.Reasons {
					if r.Code == detectors.LinkSpamModel {
						fmt.Fprintf(w, "  - %s\n", r.Detail)
					}
				}
			}
		}
	}
}
