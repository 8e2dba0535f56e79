package main

// Discussion in a wiki, held out whole since session 12 (measured before
// any change made for it): the signed comments of two English Wikipedia
// talk pages as saved in April 2016, "Wikipedia talk:Manual of Style"
// (editors arguing over words, spellings, diacritics and foreign terms, the
// words themselves quoted, italicised or glossed) and "User talk:Jimbo
// Wales" (a busy user talk page: policy, people, projects and sites named
// in passing). Wikipedia's text is CC BY-SA 3.0, as
// addons/languages/english/pack/dictionary/inputs/LICENSE_for_en_wikipedia.txt
// beside the pages states; the pages are read at run time from
// AnySoftKeyboard/AnySoftKeyboard@6643bda9d400c0ca3025e67ca46361e28ba5e441
// (Apache-2.0; the pages are inputs of its English word list), never
// committed. Set "wikitalk/held"; -wikitalk "" skips it.
//
// A page is the saved HTML of its rendering; its content (after the
// archive boxes and the table of contents) is turned into the same
// Markdown-like text as the Stack Exchange dumps (stackexchange.go) and cut
// after every signature's "(UTC)": each comment is one anonymous post.

import (
	"regexp"
	"strconv"
	"strings"
)

var talkMirror string

const talkCommit = "6643bda9d400c0ca3025e67ca46361e28ba5e441"

var (
	talkPages = []struct{ name, path string }{
		{"Wikipedia talk:Manual of Style", "addons/languages/english/pack/dictionary/inputs/Wikipedia_talk_Manual_of_Style.htm"},
		{"User talk:Jimbo Wales", "addons/languages/english/pack/dictionary/inputs/Wikipedia_User_talk_Jimbo_Wales.htm"},
	}
	talkScript = regexp.MustCompile(`(?is)<(script|style)\b.*?</(script|style)>`)
	talkSpace  = regexp.MustCompile(`\s+`)
	// talkEdit is the "[edit]" link MediaWiki puts after each heading.
	talkEdit = regexp.MustCompile(`\[\s*\[edit\]\([^)]*\)\s*\]`)
)

// talkItems returns the signed comments of the talk pages (set
// "wikitalk/held").
func talkItems(mirror string) ([]item, error) {
	var items []item
	for _, pg := range talkPages {
		b, err := gitShow(mirror, talkCommit, pg.path)
		if err != nil {
			return nil, err
		}
		s := string(b)
		// The discussion: after the table of contents (or the content's
		// start), up to the page footer.
		if i := strings.Index(s, `id="mw-content-text"`); i >= 0 {
			s = s[i:]
		}
		if i := strings.Index(s, `id="toc"`); i >= 0 {
			s = s[i:]
			if j := strings.Index(s, "<h2"); j >= 0 {
				s = s[j:]
			}
		}
		if i := strings.Index(s, `class="printfooter"`); i >= 0 {
			s = s[:i]
		}
		s = talkScript.ReplaceAllString(s, "")
		s = talkSpace.ReplaceAllString(s, " ") // the saved HTML is re-wrapped: its line breaks mean nothing
		text := talkEdit.ReplaceAllString(htmlToMarkdown(s), "")
		n := 0
		for len(text) > 0 {
			k := strings.Index(text, "(UTC)")
			if k < 0 {
				break
			}
			c := strings.TrimSpace(text[:k+len("(UTC)")])
			text = text[k+len("(UTC)"):]
			if len(c) < 40 {
				continue // a signature alone, split from its comment
			}
			n++
			items = append(items, post("wikitalk/held", "wikitalk:"+pg.name+"#"+strconv.Itoa(n), pg.name, c))
		}
	}
	return items, nil
}
