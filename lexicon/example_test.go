package lexicon_test

import (
	"context"
	"fmt"
	"os"

	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/lexicon"
)

// How a patroller wires words into the probe detector: dictionaries of the
// wiki's language and English loaded once at start, the wiki's vocabulary
// learned from sampled pages and the allow-list page read each pass, and
// the configured threshold passed so Result.Tokens names the tokens at it.
func Example() {
	lx, err := lexicon.Load(context.Background(), []string{"de", "en"})
	if err != nil {
		fmt.Println(err)
		return
	}
	pages := []detectors.VocabPage{{Title: "Burg Hohenzollern", Text: "Die '''Burg Hohenzollern''' ..."}}
	vocab := detectors.LearnVocabulary(pages, nil)
	allow := detectors.AllowList("* Kolhapur\n* Horcrux\n")
	env := &detectors.Env{
		Dicts:      lx.Dicts(),
		Words:      detectors.Union{vocab, allow},
		Lang:       "de", // siteinfo's content language
		Thresholds: map[string]float64{detectors.ProbeName: 0.6},
	}
	e := &detectors.Edit{Anon: true, Lang: "de",
		Old: "Die Burg liegt auf dem Berg.", New: "Die Burg liegt xkqzvbwpl auf dem Berg."}
	r := detectors.Probe(&detectors.Input{Edit: e, Added: detectors.Diff(e.Old, e.New), Env: env})
	fmt.Println(r.Tokens)
	// Output: [xkqzvbwpl]
}

// Every dictionary of a page's language, for a detector that checks a word
// against all of them; nothing is read until Open.
func ExampleDictionaries() {
	for _, d := range lexicon.Dictionaries("nl") {
		fmt.Println(d.Where()) // e.g. /usr/share/dict/dutch, /usr/share/hunspell/nl.dic
	}
	lx, err := lexicon.Open(context.Background(), []string{"nl", "en"}, lexicon.Options{CacheDir: lexicon.DefaultCacheDir(os.Getenv)})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = lx.Dicts()["nl"] // nil when no Dutch dictionary is installed
}
