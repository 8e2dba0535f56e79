package wikitext

import (
	"slices"
	"strings"

	"github.com/wikiwarden/wikiwarden/textview"
)

// A diff cuts a multi-line citation into the lines an edit changed: a
// reference whose address was updated adds "| url = http://… | title = …"
// without the "{{cite web" that opens it. Read alone, that is a bare URL in
// prose. ReadAddedLinks reads such a link as cited, as the whole citation
// is: the address is the value of a citation's URL parameter, and either
// the page (the edit's new text) has it inside a citation template, or,
// where the page gives no template around it, the added text names another
// citation parameter beside it. The citation's title becomes the link's
// anchor, from the page's template or from the added parameters.

// ReadAddedLinks returns the external links of text, the lines an edit
// added to page (the edit's new text), as ReadLinks reads them, with a
// citation's URL parameter that the diff cut from its template read as
// cited (see above).
func ReadAddedLinks(text, page string) textview.Links {
	v := ReadLinks(text)
	citeCutParams(text, page, v.Links)
	return v
}

// citeURLParams are the parameters of citation templates that hold the
// cited work's address (the archive copy's is read as an archive by the
// reader already when the template is whole).
var citeURLParams = map[string]bool{
	"url": true, "chapter-url": true, "chapterurl": true, "contribution-url": true, "section-url": true,
	"conference-url": true, "transcript-url": true, "lay-url": true, "archive-url": true, "archiveurl": true,
}

// citeOtherParams are parameters that only citations have together with a
// URL parameter: an infobox's "| url =" or "| website =" has none of them
// beside it.
var citeOtherParams = map[string]bool{
	"title": true, "trans-title": true, "script-title": true, "chapter": true, "publisher": true, "work": true,
	"newspaper": true, "journal": true, "magazine": true, "periodical": true, "website": true, "agency": true,
	"access-date": true, "accessdate": true, "archive-date": true, "archivedate": true, "author": true,
	"last": true, "first": true, "last1": true, "first1": true, "author1": true, "doi": true, "isbn": true,
	"issn": true, "pages": true, "page": true, "volume": true, "issue": true, "url-status": true, "deadurl": true,
}

// citeCutParams marks cited the links of the added text that are the URL
// parameter of a citation cut from its template (see above). page is the
// edit's new text, in which the added text sits.
func citeCutParams(text, page string, links []textview.ExternalLink) {
	for i := range links {
		l := &links[i]
		if l.Place&(textview.LinkCited|textview.LinkTemplate|textview.LinkInert) != 0 || l.At != l.Lo {
			continue
		}
		if !citeURLParams[paramBefore(text, l.At)] {
			continue
		}
		if tmpl, ok := enclosingTemplate(page, l.URL); ok {
			if !isCitationTemplate(tmpl) {
				continue
			}
			l.Place |= textview.LinkCited
			l.Anchor = citationTitle(tmpl, l.Anchor)
			continue
		}
		// The page gives no template around it: the added parameters
		// must read as a citation's themselves.
		run, params := paramRun(text, l.Lo)
		if !slices.ContainsFunc(params, func(p string) bool { return citeOtherParams[p] }) {
			continue
		}
		l.Place |= textview.LinkCited
		l.Anchor = citationTitle(run, l.Anchor)
	}
}

// paramBefore returns the lower-case name of the template parameter whose
// value begins at at ("| url = " before it), or "".
func paramBefore(text string, at int) string {
	i := at
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t') {
		i--
	}
	if i == 0 || text[i-1] != '=' {
		return ""
	}
	i--
	end := i
	for i > 0 && text[i-1] != '|' && text[i-1] != '\n' && end-i < 40 {
		i--
	}
	if i == 0 || text[i-1] != '|' {
		return ""
	}
	return strings.ToLower(strings.TrimSpace(text[i:end]))
}

// paramRun returns the template parameters of the lines around at (the
// line of at and the lines before it that hold parameters), up to a
// template's end, and their names in lower case.
func paramRun(text string, at int) (string, []string) {
	lo := strings.LastIndexByte(text[:at], '\n') + 1
	for lo > 0 {
		prev := strings.LastIndexByte(text[:lo-1], '\n') + 1
		if !strings.HasPrefix(strings.TrimSpace(text[prev:lo-1]), "|") {
			break
		}
		lo = prev
	}
	hi := len(text)
	if j := strings.Index(text[at:], "}}"); j >= 0 {
		hi = at + j
	}
	var names []string
	run := text[lo:hi]
	for _, seg := range strings.Split(run, "|")[1:] {
		name, _, ok := strings.Cut(seg, "=")
		if ok && len(name) < 40 && !strings.ContainsAny(name, "\n[{") {
			names = append(names, strings.ToLower(strings.TrimSpace(name)))
		}
	}
	return run, names
}

// enclosingTemplate returns the text of the innermost template of page
// that holds url, from its "{{" to its end (without the closing braces),
// if it is there.
func enclosingTemplate(page, url string) (string, bool) {
	at := strings.Index(page, url)
	if at < 0 {
		return "", false
	}
	const reach = 4096
	depth := 0
	for i := at - 1; i > 0 && at-i < reach; i-- {
		switch {
		case page[i-1] == '}' && page[i] == '}':
			depth++
			i--
		case page[i-1] == '{' && page[i] == '{':
			if depth == 0 {
				end := strings.Index(page[at:], "}}")
				if end < 0 {
					end = len(page) - at
				}
				return page[i-1 : at+end], true
			}
			depth--
			i--
		}
	}
	return "", false
}
