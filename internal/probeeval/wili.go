package main

// Paragraphs of Wikipedia in 18 languages from WiLI-2018 (Thoma, "The WiLI
// benchmark dataset for written language identification", 2018; Wikipedia
// text, CC BY-SA; the data set ODbL 1.0), a source new in session 20 and
// measured before any change made for it. The mirrors hold only the
// subsets two language-identification course assignments kept, each
// paragraph cut to its first 100 or so characters:
//   - github.com/eliyetres/lt2316-ht19-a1 at afae999,
//     processed_data/x_{train,test}.txt with y_*.txt (Swedish, Bokmål,
//     Icelandic, Faroese, English, German, Welsh, Arabic, Old English,
//     Danish; 1,000 paragraphs each);
//   - github.com/BluOyster29/LT2316_a1 at 59c74e5,
//     data/pre_processed/x_test.txt with y_test.txt (Xhosa, Thai, Tetum,
//     Sardinian, Western Panjabi, Bokmål, Maithili, Karachay-Balkar,
//     English, Belarusian in Taraškievica; 500 each).
//
// Read from the mirrors at run time, never committed. A line cut at about
// 100 characters ends inside a word: its last word is dropped. Three
// lines (three articles' openings, as a page's sections open) make a
// paragraph, six paragraphs a page (a creation in the language's
// Wikipedia code, labels.csv's "Wiki Code"), four pages a language
// (-wilipages), each paragraph also an edit adding it (pageItems). The
// languages split as the other world sets do (linguaHalf): ang, da, en,
// no, pnb and tet tune, the other twelve held out. -wili "" skips them.

import (
	"flag"
	"fmt"
	"strings"
	"unicode/utf8"
)

var (
	wiliEliyetres, wiliBluOyster string
	wiliPages                    = flag.Int("wilipages", 4, "pages a language of WiLI-2018's paragraphs (wili.go)")
)

// wiliSources are the two mirrors' commits and their paragraph and label
// files.
var wiliSources = []struct {
	mirror       *string
	commit, x, y string
}{
	{&wiliEliyetres, "afae9993a146a23d7fb433e6f00d71b8fe30482d", "processed_data/x_train.txt", "processed_data/y_train.txt"},
	{&wiliEliyetres, "afae9993a146a23d7fb433e6f00d71b8fe30482d", "processed_data/x_test.txt", "processed_data/y_test.txt"},
	{&wiliBluOyster, "59c74e5f15df26902acf99634058ff1c3461135c", "data/pre_processed/x_test.txt", "data/pre_processed/y_test.txt"},
}

// wiliWikiCode is labels.csv's Wiki Code of each label the subsets hold.
var wiliWikiCode = map[string]string{
	"ang": "ang", "ara": "ar", "be-tarask": "be-tarask", "cym": "cy", "dan": "da", "deu": "de", "eng": "en",
	"fao": "fo", "isl": "is", "krc": "krc", "mai": "mai", "nob": "no", "pnb": "pnb", "srd": "sc", "swe": "sv",
	"tet": "tet", "tha": "th", "xho": "xh",
}

const (
	wiliLinesPerPara = 3
	wiliParasPerPage = 6
	// wiliCut is the length in characters the subsets cut a paragraph at.
	wiliCut = 100
)

func init() {
	flag.StringVar(&wiliEliyetres, "wili", "/work/.mirror/eliyetres+lt2316-ht19-a1/repo", "bare clone of eliyetres/lt2316-ht19-a1 (WiLI-2018 paragraphs of 10 languages, wili.go); \"\" skips WiLI")
	flag.StringVar(&wiliBluOyster, "wili2", "/work/.mirror/BluOyster29+LT2316_a1/repo/.git", "git directory of BluOyster29/LT2316_a1 (WiLI-2018 paragraphs of 10 more languages, wili.go)")
}

// wiliItems returns the pages and paragraphs of every language of the two
// WiLI subsets.
func wiliItems(string) ([]item, error) {
	byLang := map[string][]string{}
	var order []string
	seen := map[string]bool{}
	for _, src := range wiliSources {
		if *src.mirror == "" {
			continue
		}
		xs, err := gitShow(*src.mirror, src.commit, src.x)
		if err != nil {
			return nil, err
		}
		ys, err := gitShow(*src.mirror, src.commit, src.y)
		if err != nil {
			return nil, err
		}
		lines, labels := strings.Split(string(xs), "\n"), strings.Split(string(ys), "\n")
		for i := 0; i < len(lines) && i < len(labels); i++ {
			code, ok := wiliWikiCode[strings.TrimSpace(labels[i])]
			line := strings.TrimSpace(lines[i])
			if !ok || line == "" || seen[line] || onlyLang != "" && code != onlyLang {
				continue
			}
			seen[line] = true
			if utf8.RuneCountInString(line) >= wiliCut {
				if k := strings.LastIndexAny(line, " \u00a0"); k > 0 {
					line = strings.TrimSpace(line[:k])
				}
			}
			if _, ok := byLang[code]; !ok {
				order = append(order, code)
			}
			byLang[code] = append(byLang[code], line)
		}
	}
	var items []item
	for _, code := range order {
		lines := byLang[code]
		per := wiliLinesPerPara * wiliParasPerPage
		for n := 0; n < *wiliPages && (n+1)*per <= len(lines); n++ {
			var paras []string
			for p := 0; p < wiliParasPerPage; p++ {
				k := n*per + p*wiliLinesPerPara
				paras = append(paras, strings.Join(lines[k:k+wiliLinesPerPara], " "))
			}
			pg := page{id: fmt.Sprintf("wili:%s:%d", code, n), lang: code, wiki: code, text: strings.Join(paras, "\n\n")}
			items = append(items, pageItems("wiki-wili", linguaHalf(code), pg)...)
		}
	}
	return items, nil
}
