package main

import (
	"fmt"
	"math/rand/v2"
	"os/exec"
	"slices"
	"strings"

	"github.com/wikiwarden/wikiwarden/spamscore"
)

// Real prose in the world's languages: the test sentences of lingua-go
// (cmd/language-testdata/sentences/<lang>.txt, 1,000 sentences in each of
// 75 languages, drawn by its author from the Wortschatz corpora of Leipzig
// University: news, web and Wikipedia text), read from a git mirror at the
// pinned commit, never copied. The corpora's good-faith text is English
// but for a few e-mails and pages, and the augmentation's ham is a handful
// of hand-written sentences a language: without real prose in other
// languages, their ordinary words and letters are unknown to the model
// and a news paragraph with a Markdown link or a domain named in passing
// is judged on the link alone. Each paragraph of two or three consecutive
// sentences gets one good-faith link in one of the containers wiki and
// forum text put links in, and a few later paragraphs a spam link (see
// worldSpam); the links are ours, the prose is real. Held apart by
// language in folds A and B (augHalf2 where the augmentation has the
// language too, else a hash), so each fold reports false positives on
// languages whose prose it never saw. English is left out: it has real
// good-faith text of its own.
const (
	linguaRepo    = "pemistahl/lingua-go"
	linguaCommit  = "a440fc12f15b142f9c6c7b1eb95375fe5ac0f3e7"
	linguaDir     = "cmd/language-testdata/sentences/"
	linguaPerLang = 120 // paragraphs used a language

	// worldSpamPerLang is how many of a language's later paragraphs get a
	// spam link instead.
	worldSpamPerLang = 40
)

// worldShare is the share of the example weight of the good-faith
// paragraphs, all languages together, and that of the spam ones (English
// e-mail's is 1 for both classes, English web text's 2). 0.15 since the
// augmented spam URLs got landing-page paths (session 15): at 0.1 the
// held-out prose of fold B crossed p=0.8 more often than the no-history
// threshold allows (0.28% > 0.25%); at 0.15 fold B's held-out e-mail
// spam keeps its gain (67.6 -> 70.8% at p>=0.8, seed 13).
var worldShare = 0.15

// worldContainers are the shapes of the link a paragraph gets.
var worldContainers = []string{"ref", "cite", "markdown", "url", "bare", "www"}

// worldHeldInA reports whether fold A holds out the prose of language
// code (fold B holds out the others).
func worldHeldInA(code string) bool {
	if augHalf2[code] {
		return true
	}
	for _, l := range slices.Concat(langs, extraLangs) {
		if l.code == code {
			return false
		}
	}
	return fnvHash("world:"+code)%2 == 0
}

// loadWorld reads the sentences from the git mirror at gitDir and makes
// the good-faith paragraphs, each linking to one of sites (real
// registrable domains that good-faith text cites).
func loadWorld(gitDir string, sites []string) ([]example, error) {
	out, err := exec.Command("git", "--git-dir="+gitDir, "ls-tree", "--name-only", linguaCommit, linguaDir).Output()
	if err != nil {
		return nil, fmt.Errorf("listing %s@%s:%s in %s (fetch the repository there first): %w", linguaRepo, linguaCommit[:7], linguaDir, gitDir, err)
	}
	if len(sites) == 0 {
		return nil, fmt.Errorf("no good-faith sites to link to")
	}
	var ex []example
	a := &augmenter{r: rand.New(rand.NewPCG(seed, 0x3071d))}
	for _, path := range strings.Fields(string(out)) {
		code := strings.TrimSuffix(strings.TrimPrefix(path, linguaDir), ".txt")
		if code == "en" {
			continue
		}
		data, err := exec.Command("git", "--git-dir="+gitDir, "show", linguaCommit+":"+path).Output()
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", path, err)
		}
		var sents []string
		for _, s := range strings.Split(string(data), "\n") {
			if s = strings.TrimSpace(s); s != "" {
				sents = append(sents, s)
			}
		}
		i := 0
		for n := 0; i+2 <= len(sents) && n < linguaPerLang; n++ {
			k := 2 + int(fnvHash(sents[i])%2)
			para := strings.Join(sents[i:min(i+k, len(sents))], " ")
			i += k
			if spamscore.SellsTopic(para) {
				// The web corpora crawl shops and adverts too: a
				// paragraph naming what spam sells is no good faith we
				// can vouch for.
				n--
				continue
			}
			id := fmt.Sprintf("lingua:%s:%d", code, n)
			h := fnvHash(id)
			site := sites[h%uint32(len(sites))]
			c := worldContainers[(h>>8)%uint32(len(worldContainers))]
			e := worldEdit(para, site, c, h)
			e.id, e.lang, e.genre, e.source = id, code, "web", "world"
			e.kind = "ham-world-" + code
			ex = append(ex, e)
		}
		// Spam in the same prose: the sentences after the good-faith
		// paragraphs, with a throwaway domain, a handle or a shortener
		// put in, as link spam hides in plausible text. The language's
		// words and letters then occur on both sides and say nothing by
		// themselves; the link does.
		for n := 0; i < len(sents) && n < worldSpamPerLang; n++ {
			k := 2 + int(fnvHash(sents[i])%2)
			para := strings.Join(sents[i:min(i+k, len(sents))], " ")
			i += k
			e := a.worldSpam(para)
			e.id, e.lang, e.genre, e.source = fmt.Sprintf("lingua:%s:spam:%d", code, n), code, "web", "world"
			e.kind = "world-spam-" + code
			e.label = true
			ex = append(ex, e)
		}
	}
	return ex, nil
}

// worldSpam puts a spam contact into paragraph para.
func (a *augmenter) worldSpam(para string) example {
	en := &langs[0]
	e := example{markdown: true}
	switch a.r.IntN(5) {
	case 0:
		e.text = para + " [" + a.pick(en.anchors) + "](" + a.spamURL(en) + ")"
	case 1:
		e.text = para + " " + a.spamURL(en)
	case 2:
		e.text = para + " " + a.chatLink(en)
	case 3:
		e.text = para + "<ref>[" + a.spamURL(en) + " " + a.pick(en.anchors) + "]</ref>"
		e.markdown = false
	default:
		e.text = para + "\n\n" + strings.ToUpper(a.spamDomain(en))
	}
	return e
}

// worldEdit puts a good-faith link to site into paragraph para, in
// container c; h chooses the details.
func worldEdit(para, site, c string, h uint32) example {
	host := site
	if strings.Count(site, ".") == 1 && h&(1<<16) != 0 {
		host = "www." + site
	}
	var path string
	switch (h >> 17) % 4 {
	case 0:
		path = fmt.Sprintf("/%d/%02d/%d", 2005+(h>>19)%19, 1+(h>>21)%12, (h>>3)%100000)
	case 1:
		path = fmt.Sprintf("/article/%d", (h>>5)%1000000)
	case 2:
		path = fmt.Sprintf("/doc/%d.pdf", (h>>7)%100000)
	default:
		path = "/"
	}
	u := "https://" + host + path
	// A title or anchor from the paragraph's own words, as citations and
	// links name what they point at.
	words := strings.Fields(para)
	title := strings.Join(words[:min(len(words), 3+int(h%5))], " ")
	var e example
	switch c {
	case "ref":
		e.text = para + "<ref>[" + u + " " + title + "]</ref>"
	case "cite":
		e.text = para + "<ref>{{cite web|url=" + u + "|title=" + title + "|website=" + site + "}}</ref>"
	case "markdown":
		e.text = para + " [" + title + "](" + u + ")"
		e.markdown = true
	case "url":
		e.text = para + " " + u
		e.markdown = true
	case "bare":
		// A site named in passing, as forum posts do.
		e.text = para + " (" + site + ")"
		e.markdown = true
	default: // "www"
		e.text = para + "\n\nwww." + strings.TrimPrefix(host, "www.")
		e.markdown = true
	}
	return e
}

// worldSites are the good-faith sites the paragraphs link to: the cited
// or much-linked domains in fold C's training half (so that fold C's
// held-out domains stay unseen), sorted.
func worldSites(cited map[string][]string) []string {
	var out []string
	for d := range cited {
		if fnvHash(d)%2 == 0 {
			out = append(out, d)
		}
	}
	slices.Sort(out)
	return out
}

// worldLangs returns the languages of the paragraphs.
func worldLangs(ex []example) map[string]bool {
	out := map[string]bool{}
	for i := range ex {
		out[ex[i].lang] = true
	}
	return out
}
