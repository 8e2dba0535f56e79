package main

// Text in the world's languages beyond the few Wikipedia dumps of
// xztextfilter: the test sentences of github.com/pemistahl/lingua-go
// (cmd/language-testdata/sentences/<lang>.txt, 1000 sentences for each of
// 75 languages, from the Wortschatz corpora of Leipzig University: news,
// web and Wikipedia text, CC BY; read from a mirror at run time, never
// committed), mirrored at commit a440fc1. A third of its languages, chosen
// by a hash of the language's code (linguaHalf), is the tune half looked
// at when deciding; the figures quoted are of the other two thirds, held
// out. Many of its languages have no Debian dictionary
// (Tagalog's is small; Maori, Yoruba, Zulu, Xhosa, Shona, Somali, Malay,
// Latin, Finnish have none), the case the letter model of the page must
// judge.

import (
	"flag"
	"fmt"
	"hash/fnv"
	"os/exec"
	"strings"

	"github.com/wikiwarden/wikiwarden/detectors"
)

// Where the sentences are, and whether their language is given (flags).
var (
	linguaMirror string
	linguaNamed  bool
)

// holdOutLang keeps every page's own language's built-in letter model
// from judging it (detectors.HoldOutLangModels): lingua-go's models and
// its sentences both come from the Leipzig corpora, so a language judged
// under its own model is measured optimistically; held out, a language
// shows how one without a model fares with its relatives'.
var holdOutLang = flag.Bool("holdout-lang", false, "judge no page under its own language's built-in letter model (language hold-out)")

// linguaCommit is the mirrored commit of lingua-go the figures are from.
const linguaCommit = "a440fc1"

// sentencePages groups each language's sentences of the lingua-go mirror
// into pages of about 3 kB, paragraphs of about 400 bytes, and returns
// up to perLang pages a language, as pageItems makes items of them. named
// keeps the language on the edit (as a wiki reports its pages'); without
// it the detector must tell the language from the text.
func sentencePages(mirror string, perLang int, named bool) ([]item, error) {
	detectors.HoldOutLangModels(*holdOutLang)
	out, err := exec.Command("git", "--git-dir="+mirror, "ls-tree", "--name-only", linguaCommit, "cmd/language-testdata/sentences/").Output()
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", mirror, err)
	}
	var items []item
	for _, path := range strings.Fields(string(out)) {
		lang := strings.TrimSuffix(path[strings.LastIndexByte(path, '/')+1:], ".txt")
		if onlyLang != "" && lang != onlyLang {
			continue
		}
		b, err := exec.Command("git", "--git-dir="+mirror, "show", linguaCommit+":"+path).Output()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		sents := strings.Split(strings.TrimSpace(string(b)), "\n")
		var text, para strings.Builder
		n := 0
		for _, s := range sents {
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			if para.Len() > 0 {
				para.WriteByte(' ')
			}
			para.WriteString(s)
			if para.Len() < 400 {
				continue
			}
			if text.Len() > 0 {
				text.WriteString("\n\n")
			}
			text.WriteString(para.String())
			para.Reset()
			if text.Len() < 3000 {
				continue
			}
			pg := page{id: fmt.Sprintf("lingua:%s:%d", lang, n), wiki: "lingua", text: text.String()}
			if named {
				pg.lang = lang
			}
			items = append(items, pageItems("world-sentences", linguaHalf(lang), pg)...)
			text.Reset()
			if n++; n == perLang {
				break
			}
		}
	}
	return items, nil
}

// linguaHalf returns the half a language's sentences are in: "tune" for
// one language in three by a hash of its code, else "held". Whole
// languages are held apart, so a rule tuned on one language's words is
// measured on languages it never saw.
func linguaHalf(lang string) string {
	h := fnv.New32a()
	h.Write([]byte(lang))
	if h.Sum32()%3 == 0 {
		return "tune"
	}
	return "held"
}
