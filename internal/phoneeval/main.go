// Command phoneeval measures what the bot does, with no memory, with real
// good-faith sentences that give a phone number: every sentence of the
// Leipzig corpora in lingua-go's test data (75 languages of news, web and
// Wikipedia text) in which textview finds a phone contact, added to a page
// by an anonymous editor. Local wikis list museums' and town halls'
// numbers; the bot must leave them to a moderator rather than revert them
// as spam. Some of these sentences are adverts from the web part of the
// corpus, so the figure is an upper bound on the harm. Only sentences the
// spam model's training never reads are judged: cmd/spamtrain takes its
// good-faith and spam paragraphs from the first sentences of every
// language but English (fewer than firstUnseen), so those are skipped.
//
//	go run ./internal/phoneeval [-lingua /work/.mirror/pemistahl+lingua-go/repo] [-v]
package main

import (
	"flag"
	"fmt"
	"log"
	"os/exec"
	"strings"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/textview"
)

// linguaCommit is the commit of pemistahl/lingua-go read (Apache-2.0; the
// sentences are Leipzig University's Wortschatz corpora, CC BY).
const linguaCommit = "a440fc12f15b142f9c6c7b1eb95375fe5ac0f3e7"

// firstUnseen is the first sentence of a language file (English aside)
// that cmd/spamtrain's world paragraphs never reach.
const firstUnseen = 500

func main() {
	repo := flag.String("lingua", "/work/.mirror/pemistahl+lingua-go/repo", "bare clone of pemistahl/lingua-go")
	verbose := flag.Bool("v", false, "list the sentences reverted")
	flag.Parse()
	out, err := exec.Command("git", "-C", *repo, "ls-tree", "--name-only", linguaCommit, "cmd/language-testdata/sentences/").Output()
	if err != nil {
		log.Fatalf("list lingua-go sentences in %s: %v", *repo, err)
	}
	n, rev := 0, 0
	for _, f := range strings.Fields(string(out)) {
		data, err := exec.Command("git", "-C", *repo, "show", linguaCommit+":"+f).Output()
		if err != nil {
			log.Fatalf("read %s: %v", f, err)
		}
		sents := strings.Split(strings.TrimSpace(string(data)), "\n")
		if !strings.HasSuffix(f, "/en.txt") {
			sents = sents[min(firstUnseen, len(sents)):]
		}
		for _, s := range sents {
			if !hasPhone(s) {
				continue
			}
			e := &detectors.Edit{Old: "Intro.\n", New: "Intro.\n\n" + s, Anon: true, User: "192.0.2.77"}
			r := detectors.Links(&detectors.Input{Edit: e, Added: detectors.Diff(e.Old, e.New), Env: &detectors.Env{}})
			n++
			if bot.Decide(e, []detectors.Result{r}, bot.Memory{}, bot.Policy{}).Reverts() {
				rev++
				if *verbose {
					fmt.Printf("  p=%.2f %s %.160s\n", r.Spam, strings.TrimSuffix(f[strings.LastIndexByte(f, '/')+1:], ".txt"), s)
				}
			}
		}
	}
	fmt.Printf("real sentences with a phone number: %d; reverted with no memory: %d (%.1f%%)\n", n, rev, 100*float64(rev)/float64(max(n, 1)))
}

func hasPhone(s string) bool {
	for _, c := range textview.Contacts(s, []byte(s), nil) {
		if c.Kind == textview.ContactPhone {
			return true
		}
	}
	return false
}
