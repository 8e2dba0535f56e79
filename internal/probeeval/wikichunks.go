package main

// Wikipedia text of the small Wikipedias, measured since session 15 (before
// any change made for it): up to 10,000 random 500-character chunks of the
// articles of each of 248 Wikipedias, as
// github.com/Data-Science-for-Linguists-2021/languageID-relatedconfusion
// stores them in data_chunked/<wiki code>.txt (commit f25118f; Wikipedia
// text, CC BY-SA 3.0 and GFDL, "modified from its original form": the
// punctuation and digits are taken out; read from a mirror at run time,
// never committed). The mirror holds the files under about 2.5 MB only: 76
// Wikipedias, nearly all of languages with no dictionary and no letter
// model of ours (Abkhaz, Acehnese, Frisian, Guarani, Kabyle, Low German
// dialects, Sami, Tok Pisin, Zulu...), the pages a wiki in any language
// links to and the hidden wiki sets hold.
//
// A chunk starts and ends inside a word: its first and last words are
// dropped. Six chunks of a language make a page (a creation, named by its
// wiki code as a wiki names its language), each chunk a paragraph added to
// the rest (pageItems); four pages a language. Languages split by the hash
// world.go splits lingua-go's by (linguaHalf): "wiki-chunks-pages/tune",
// "wiki-chunks-paras/held"...; -wikichunks "" skips them.
//
// First measured on e065586 (no change made for it since): pages 1.04%
// flagged (tune, 1 of 96) and 1.92% (held, 4 of 208), paragraphs 0.17%
// (1 of 576) and 1.44% (18 of 1,248); 8-12 recall of the paragraphs
// 97.0/96.0%. Seven of its languages have a built-in letter model (lg, mi,
// sn, tn, ts, xh, zu): -holdout-lang flags the same counts. Twelve pages a
// tune language (-chunkpages 12) flag 7 of 1,728 paragraphs (0.41%): a
// URL the source stripped of its dots, a software name, a language's name
// in its own language on a page in another script, three words of the
// page's language; no class a rule of the text's own evidence covers.

import (
	"flag"
	"fmt"
	"os/exec"
	"path"
	"strings"
)

var (
	wikiChunksMirror string
	// wikiChunksPages is how many pages a language makes: four for the
	// figures quoted; more only to look for what the tune half flags.
	wikiChunksPages = flag.Int("chunkpages", 4, "pages a language of the small Wikipedias' chunks (wikichunks.go)")
)

const (
	wikiChunksCommit = "f25118fbeb5d31bea492db097783ca7d23c23d4e"
	wikiChunksDir    = "data_chunked/"
	// wikiChunksPerPage is how many chunks make a page.
	wikiChunksPerPage = 6
)

// wikiChunkItems returns the pages and paragraphs of every Wikipedia whose
// file the mirror holds.
func wikiChunkItems(mirror string) ([]item, error) {
	out, err := exec.Command("git", "--git-dir="+mirror, "ls-tree", wikiChunksCommit, wikiChunksDir).Output()
	if err != nil {
		return nil, fmt.Errorf("list %s in %s (fetch the mirror or pass \"\" to skip): %w", wikiChunksDir, mirror, err)
	}
	var items []item
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line) // mode type blob path
		if len(f) != 4 || !strings.HasSuffix(f[3], ".txt") {
			continue
		}
		lang := strings.TrimSuffix(path.Base(f[3]), ".txt")
		if onlyLang != "" && lang != onlyLang {
			continue
		}
		if exec.Command("git", "--git-dir="+mirror, "cat-file", "-e", f[2]).Run() != nil {
			continue // a large file the snapshot lists but does not hold
		}
		b, err := gitShow(mirror, wikiChunksCommit, f[3])
		if err != nil {
			return nil, err
		}
		var paras []string
		n := 0
		for _, chunk := range strings.Split(string(b), "\n") {
			w := strings.Fields(chunk)
			if len(w) < 12 {
				continue
			}
			paras = append(paras, strings.Join(w[1:len(w)-1], " "))
			if len(paras) < wikiChunksPerPage {
				continue
			}
			pg := page{id: fmt.Sprintf("chunks:%s:%d", lang, n), lang: lang, wiki: lang, text: strings.Join(paras, "\n\n")}
			items = append(items, pageItems("wiki-chunks", linguaHalf(lang), pg)...)
			paras = paras[:0]
			if n++; n == *wikiChunksPages {
				break
			}
		}
	}
	return items, nil
}
