package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// example is one training or evaluation text.
type example struct {
	id       string
	text     string
	old, new string
	// page is the page after the edit where the item was cut from one (an
	// article's paragraph or reference), for the bot's edit only
	// (botEdit): the model trains on the item with New as before.
	page     string
	markdown bool
	label    bool   // spam
	lang     string // language code, "und" when unknown
	genre    string // email, sms or web: the weighting strata
	kind     string // spam-email-en, ham-qa-en, aug-spam-cite-de, ...
	source   string // corpus group held apart in the cross-source folds
	weight   float64
	origin   string   // blacklist source: the domain
	from     []string // blacklist source, good faith: the corpus groups its domain came from
}

// record is a line of the shared JSONL corpora.
type record struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	Old        string `json:"old"`
	New        string `json:"new"`
	Label      string `json:"label"`
	Kind       string `json:"kind"`
	Format     string `json:"format"`
	Lang       string `json:"lang"`
	Source     string `json:"source"`
	TextFormat string `json:"text_format"`
}

func readJSONL(path string, fn func(record) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<26)
	line := 0
	for sc.Scan() {
		line++
		var r record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return sc.Err()
}

// seGroup1 are the Stack Exchange sites of the first cross-source half;
// the rest form the second.
var seGroup1 = map[string]bool{"ai.stackexchange.com": true, "coffee.stackexchange.com": true, "genai.stackexchange.com": true, "matheducators.stackexchange.com": true}

// loadTrain reads the spam-train corpora.
func loadTrain(dir string) ([]example, error) {
	var out []example
	for _, name := range []string{"spam.jsonl", "ham-links.jsonl", "ham-forum.jsonl"} {
		err := readJSONL(filepath.Join(dir, name), func(r record) error {
			parts := strings.SplitN(r.Kind, "-", 3)
			if len(parts) != 3 {
				return fmt.Errorf("%s: %s: kind %q", name, r.ID, r.Kind)
			}
			e := example{id: r.ID, label: r.Label == "vandalism", lang: parts[2], kind: r.Kind, markdown: r.Format == "markdown"}
			switch parts[1] {
			case "email":
				e.genre, e.source = "email", "spamassassin"
				e.text = stripMail(r.New)
			case "sms":
				e.genre, e.source = "sms", "sms"
				e.text = html.UnescapeString(r.New)
			default:
				e.genre = "web"
				site := strings.Split(r.ID, ":")[1]
				e.source = "se2"
				if seGroup1[site] {
					e.source = "se1"
				}
				e.text = r.New
			}
			if strings.TrimSpace(e.text) != "" {
				out = append(out, e)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	err := readJSONL(filepath.Join(dir, "wiki-identifiers.jsonl"), func(r record) error {
		for i, c := range chunks(r.New, 12) {
			out = append(out, example{id: fmt.Sprintf("%s#%d", r.ID, i), text: c.text, old: c.old, page: c.page, lang: "en", genre: "web", kind: "ham-wiki-en", source: "pages"})
		}
		return nil
	})
	return out, err
}

// loadCorpus reads the regular edits and the article pages of
// ../shared/corpus, and returns the pages for the augmentation too.
func loadCorpus(dir string) ([]example, []page, error) {
	var out []example
	err := readJSONL(filepath.Join(dir, "real-edits-dev.jsonl"), func(r record) error {
		if r.Label != "regular" || strings.TrimSpace(r.New) == "" {
			return nil
		}
		out = append(out, example{id: r.ID, text: r.New, old: r.Old, lang: "en", genre: "web", kind: "ham-edit-en", source: "edits"})
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	var pages []page
	manifest, err := os.ReadFile(filepath.Join(dir, "wikitext", "MANIFEST.tsv"))
	if err != nil {
		return nil, nil, err
	}
	for i, line := range strings.Split(string(manifest), "\n") {
		f := strings.Split(line, "\t")
		if i == 0 || len(f) < 3 {
			continue
		}
		path := filepath.Join(dir, "wikitext", f[0])
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, nil, err
		}
		pages = append(pages, page{title: f[1], text: string(data), lang: f[2]})
		for j, c := range chunks(string(data), 10) {
			out = append(out, example{id: fmt.Sprintf("page:%s#%d", f[0], j), text: c.text, old: c.old, page: c.page, lang: f[2], genre: "web", kind: "ham-wiki-" + f[2], source: "pages"})
		}
		// The page's own citations and external-link lines, each as an
		// edit that adds just it: real good-faith links without prose.
		text := string(data)
		for j, m := range refRe.FindAllStringIndex(text, 15) {
			if !strings.Contains(text[m[0]:m[1]], "//") {
				continue
			}
			lo, hi := max(0, m[0]-4000), min(len(text), m[1]+4000)
			out = append(out, example{id: fmt.Sprintf("page:%s@ref%d", f[0], j), text: text[m[0]:m[1]], old: text[lo:m[0]] + text[m[1]:hi], page: text[lo:hi],
				lang: f[2], genre: "web", kind: "ham-ref-" + f[2], source: "pages"})
		}
		for j, m := range extLineRe.FindAllStringIndex(text, 6) {
			out = append(out, example{id: fmt.Sprintf("page:%s@ext%d", f[0], j), text: text[m[0]:m[1]], old: text[max(0, m[0]-4000):m[0]], lang: f[2], genre: "web", kind: "ham-extlink-" + f[2], source: "pages"})
		}
	}
	return out, pages, nil
}

// chunk is a paragraph of a page, the page around it without it (old)
// and with it (page).
type chunk struct{ text, old, page string }

// chunks cuts a page into paragraphs, those with links first, at most n.
func chunks(text string, n int) []chunk {
	var with, without []chunk
	off := 0
	for _, p := range strings.Split(text, "\n\n") {
		start := off
		off += len(p) + 2
		if len(strings.TrimSpace(p)) < 80 || strings.HasPrefix(strings.TrimSpace(p), "{{") && !strings.Contains(p, "\n") {
			continue
		}
		if len(p) > 3000 {
			p = p[:3000]
		}
		c := chunk{text: p}
		// The page around the paragraph, bounded, as the old text.
		lo, hi := max(0, start-6000), min(len(text), off+6000)
		c.old = text[lo:start] + text[min(off, len(text)):hi]
		c.page = text[lo:start] + p + "\n\n" + text[min(off, len(text)):hi]
		if strings.Contains(p, "//") {
			with = append(with, c)
		} else {
			without = append(without, c)
		}
	}
	out := append(with, without...)
	if len(out) > n {
		out = out[:n]
	}
	return out
}

var (
	refRe       = regexp.MustCompile(`(?s)<ref[^>/]{0,100}>.{10,1000}?</ref>`)
	extLineRe   = regexp.MustCompile(`(?m)^\*\s*\[(?:https?:)?//[^\n]{5,300}$`)
	quoteLineRe = regexp.MustCompile(`(?m)^\s*>.*$`)
	mdImageRe   = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	footerRe    = regexp.MustCompile(`(?im)^.*(unsubscribe|opt[- ]?out|remove[d]? from (our|this|the) (mailing )?list|to be removed|mailing list|list-\w+:|sponsored by|you are receiving this|this message was sent|click here to remove|__________).*$`)
	sigRe       = regexp.MustCompile(`(?s)\n-- ?\n.*$`)
	blankRunRe  = regexp.MustCompile(`\n{3,}`)
)

// stripMail removes what only e-mail has, so that "is an e-mail" does not
// become a feature: quoted replies, signatures, list footers, unsubscribe
// lines and image-only HTML.
func stripMail(s string) string {
	s = sigRe.ReplaceAllString(s, "")
	s = quoteLineRe.ReplaceAllString(s, "")
	s = mdImageRe.ReplaceAllString(s, "")
	s = footerRe.ReplaceAllString(s, "")
	s = blankRunRe.ReplaceAllString(s, "\n\n")
	return strings.TrimSpace(s)
}
