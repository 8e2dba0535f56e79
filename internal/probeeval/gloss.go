package main

// Language examples as linguists and language makers post them, measured
// since session 15 (before any change made for it): interlinear glossed
// examples of about 1,400 languages, extracted from linguistics papers by
// ODIN (the Online Database of Interlinear text) in the form the
// SIGMORPHON 2023 glossing task gave them, as
// foltaProject/glosslm@a556f5848d192926ec163eb393b1b2298c8f76c7 stores them
// in data/ODIN/odin_data_sigmorphon/*.txt (one file per language: "\t"
// transcription, "\m" segmented, "\g" gloss, "\l" English translation). The
// repository names no licence; the examples are their papers' authors'.
// Never committed. Words of languages no dictionary has, morpheme breaks
// (a-ku), gloss abbreviations (1SG.TR, 3plABS), transcriptions with digits
// and symbols for sounds, beside plain English: the shapes a
// constructed-language or linguistics site's posts are full of.
//
// A post is a language file's first three examples, each a paragraph of
// its transcription, gloss and quoted translation, in English (the site's
// language): 1,193 posts of the 1,412 files named by language codes. Files split by a hash of their name (inject.Held): "gloss/tune"
// and "gloss/held"; -gloss "" skips both.

import (
	"fmt"
	"os/exec"
	"regexp"
	"sort"
	"strings"

	"github.com/wikiwarden/wikiwarden/internal/inject"
)

var (
	glossMirror string
	// glossFile is a file of one language (or a few), named by its codes.
	glossFile = regexp.MustCompile(`^` + glossDir + `[a-z]+(-[a-z]+)*\.txt$`)
)

const (
	glossCommit = "a556f5848d192926ec163eb393b1b2298c8f76c7"
	glossDir    = "data/ODIN/odin_data_sigmorphon/"
	// glossPerPost is how many examples make a post.
	glossPerPost = 3
)

// glossItems returns a post of glossed examples per language file.
func glossItems(mirror string) ([]item, error) {
	out, err := exec.Command("git", "--git-dir="+mirror, "ls-tree", "-z", "--name-only", glossCommit, glossDir).Output()
	if err != nil {
		return nil, fmt.Errorf("list %s in %s (fetch the mirror or pass \"\" to skip): %w", glossDir, mirror, err)
	}
	files := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
	sort.Strings(files)
	var items []item
	for _, f := range files {
		if !glossFile.MatchString(f) {
			continue // TOTAL.txt repeats the others; ???.txt and *xxx*.txt have no language
		}
		b, err := gitShow(mirror, glossCommit, f)
		if err != nil {
			return nil, err
		}
		var paras []string
		for _, block := range strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n\n") {
			if p := glossExample(block); p != "" {
				paras = append(paras, p)
			}
			if len(paras) == glossPerPost {
				break
			}
		}
		if len(paras) == 0 {
			continue
		}
		name := strings.TrimSuffix(strings.TrimPrefix(f, glossDir), ".txt")
		set := "gloss/tune"
		if inject.Held(name) {
			set = "gloss/held"
		}
		items = append(items, post(set, "gloss:"+name, "", strings.Join(paras, "\n\n")))
	}
	return items, nil
}

// glossExample returns one example as a paragraph: its transcription, its
// gloss and its translation in quotes, each on a line of its own, their
// alignment spaces collapsed; "" if a line is missing.
func glossExample(block string) string {
	var t, g, l string
	for _, line := range strings.Split(block, "\n") {
		if len(line) < 3 || line[0] != '\\' {
			continue
		}
		v := strings.Join(strings.Fields(line[2:]), " ")
		switch line[1] {
		case 't':
			t = v
		case 'g':
			g = v
		case 'l':
			l = v
		}
	}
	if t == "" || g == "" || l == "" {
		return ""
	}
	return t + "\n" + g + "\n'" + l + "'"
}
