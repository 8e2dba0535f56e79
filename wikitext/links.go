package wikitext

import (
	"regexp"
	"slices"
	"strings"

	"github.com/wikiwarden/wikiwarden/textview"
)

// This file reads the external links of wikitext the way MediaWiki renders
// them: bare URLs, bracketed [url anchor] links (also protocol relative
// ones), citation-template url parameters and the {{URL}} family of
// templates, each with its anchor and its place (a reference or citation,
// an archive copy, an invisible element, an image, the external-links
// section or after the categories). Comments and the content of
// nowiki-like tags render no link. ReadAddedLinks reads the lines an edit
// added in their page, so that a citation's parameters cut from their
// template are cited too (links_cite.go). It knows nothing about scoring.

var (
	// Text MediaWiki never turns into links: comments and the content of
	// nowiki-like tags.
	linkInertRe = regexp.MustCompile(`(?is)<!--.*?(?:-->|$)|<(nowiki|pre|math|syntaxhighlight|source|code)\b[^>]*>.*?(?:</(?:nowiki|pre|math|syntaxhighlight|source|code)\s*>|$)|<nowiki\s*/>`)

	// A template parameter whose name ends in "url" holding a protocol-relative
	// or schemeless value: {{cite web |url=//example.org/x}}, |website=www.x.com.
	// Values with a scheme are found as bare URLs.
	linkParamRe = regexp.MustCompile(`(?i)\|\s*(?:[a-z_-]*url|website|homepage)\s*=\s*((?://|www\.)[^\s\[\]<>"{}|]+)`)

	// {{URL|example.com}}, {{Official website|example.com}} and kin render a
	// link even without a scheme.
	linkURLTemplateRe = regexp.MustCompile(`(?i)\{\{\s*(?:url|official[ _]website|official[ _]url|website)\s*\|\s*(?:1\s*=\s*)?([^\s|}<>"\[\]]+)`)

	// Elements with a style attribute, and the styles that hide their
	// content from readers.
	linkStyledOpenRe  = regexp.MustCompile(`(?i)<(div|span|p|small|font|section)\b[^>]*\bstyle\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>`)
	linkHiddenStyleRe = regexp.MustCompile(`(?i)display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0*\.?0*(?:px|em|pt|rem|%)?\s*(?:;|!|$)|(?:left|top|text-indent|margin-left)\s*:\s*-\d{3,}|(?:height|width)\s*:\s*0(?:px)?\s*;.*overflow\s*:\s*hidden|overflow\s*:\s*hidden.*(?:height|width)\s*:\s*0(?:px)?\s*(?:;|$)`)
)

// ReadLinks returns the external links of text in order of appearance, and
// the spans of its references, templates and tags (textview.LinkReader).
// Text inside comments and nowiki-like tags is ignored. Markup is nil when
// there is no link.
func (sc *Reader) ReadLinks(text string) textview.Links { return ReadLinks(text) }

// ReadLinks returns the external links of text in order of appearance, and
// the spans of its references, templates and tags; see Reader.ReadLinks.
//
// Links never span lines, so the regular expressions run line by line: Go's
// fast matcher only takes small inputs, and most lines of a page have no
// link at all.
func ReadLinks(text string) textview.Links {
	raw := text
	if !strings.Contains(text, "//") && !textview.ContainsFold(text, "{{") && !textview.ContainsFold(text, "www.") {
		return textview.Links{}
	}
	inert := ""
	if hasInert(text) {
		text, inert = blankInert(text)
	}
	var links []textview.ExternalLink
	sec := sections{cats: -1}
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		n := len(links)
		links = extractLineLinks(text[start:end], start, links)
		sec.line(text[start:end], start, links[n:])
		start = end + 1
	}
	// Links in comments and nowiki-like tags are written but not rendered.
	for start := 0; inert != "" && start <= len(inert); {
		end := strings.IndexByte(inert[start:], '\n')
		if end < 0 {
			end = len(inert)
		} else {
			end += start
		}
		n := len(links)
		links = extractLineLinks(inert[start:end], start, links)
		for k := n; k < len(links); k++ {
			links[k].Place |= textview.LinkInert
		}
		start = end + 1
	}
	if len(links) == 0 {
		return textview.Links{}
	}
	sortLinksByPos(links)

	hidden := newSpanCursor(hiddenSpans(text))
	refs := newSpanCursor(refSpans(text))
	positions := make([]int, len(links))
	for i, l := range links {
		positions[i] = l.At
	}
	tmpls := innermostTemplates(text, positions)
	for i := range links {
		l := &links[i]
		if hidden.covers(l.At) {
			l.Place |= textview.LinkHidden
		}
		if refs.covers(l.At) {
			l.Place |= textview.LinkCited
		}
		open, close := tmpls[i][0], tmpls[i][1]
		if open < 0 {
			continue
		}
		tmpl := text[open:close]
		if isCitationTemplate(tmpl) {
			l.Place |= textview.LinkCited
			l.Anchor = citationTitle(tmpl, l.Anchor)
		} else {
			l.Place |= textview.LinkTemplate
		}
		if isArchiveParam(text[open:l.At]) {
			l.Place |= textview.LinkArchive
		}
	}
	return textview.Links{Links: links, Markup: markupSpans(raw)}
}

// extractLineLinks appends the links of one line that starts at offset off.
func extractLineLinks(line string, off int, links []textview.ExternalLink) []textview.ExternalLink {
	hasSlashes := strings.Contains(line, "//")
	if !hasSlashes && !textview.ContainsFold(line, "www.") && !textview.ContainsFold(line, "{{") {
		return links
	}
	var taken [][2]int // URLs of bracketed links
	if hasSlashes {
		for i := 0; ; {
			j := strings.IndexByte(line[i:], '[')
			if j < 0 {
				break
			}
			i += j + 1
			b, ok := scanBracketLink(line, i-1)
			if !ok {
				continue
			}
			if u := line[b.url[0]:b.url[1]]; textview.HasHost(u) {
				links = append(links, textview.ExternalLink{URL: u, At: off + b.url[0], Lo: off + i - 1, Hi: off + b.end,
					Anchor: strings.TrimSpace(line[b.anchor[0]:b.anchor[1]])})
			}
			// Only the URL is claimed: a URL in the anchor text is shown on
			// the page too, and spam inserted inside another link's text is
			// spam.
			taken = append(taken, b.url)
			i = b.url[1]
		}
		for i := 0; ; {
			start, end, ok := nextBareURL(line, i)
			if !ok {
				break
			}
			i = end
			if inSpans(taken, start) {
				continue
			}
			if u := trimURLTail(line[start:end]); textview.HasHost(u) {
				links = append(links, textview.ExternalLink{URL: u, At: off + start, Lo: off + start, Hi: off + end})
			}
		}
	}
	if strings.IndexByte(line, '=') >= 0 && (textview.ContainsFold(line, "url") || textview.ContainsFold(line, "website") || textview.ContainsFold(line, "homepage")) {
		for _, m := range linkParamRe.FindAllStringSubmatchIndex(line, -1) {
			raw := trimURLTail(line[m[2]:m[3]])
			if strings.HasPrefix(raw, "www.") || strings.HasPrefix(raw, "WWW.") {
				raw = "http://" + raw
			}
			if textview.HasHost(raw) {
				links = append(links, textview.ExternalLink{URL: raw, At: off + m[2], Lo: off + m[2], Hi: off + m[3]})
			}
		}
	}
	if textview.ContainsFold(line, "{{url") || textview.ContainsFold(line, "{{official") || textview.ContainsFold(line, "{{website") {
		for _, m := range linkURLTemplateRe.FindAllStringSubmatchIndex(line, -1) {
			raw := trimURLTail(line[m[2]:m[3]])
			if strings.Contains(raw, "://") {
				continue // a bare URL, found above
			}
			if !strings.Contains(raw, "//") {
				if !strings.Contains(raw, ".") {
					continue
				}
				raw = "http://" + raw
			}
			if textview.HasHost(raw) {
				links = append(links, textview.ExternalLink{URL: raw, At: off + m[2], Lo: off + m[2], Hi: off + m[3]})
			}
		}
	}
	return links
}

// bracketLink is the layout of one [url anchor] link in a line.
type bracketLink struct {
	url, anchor [2]int
	end         int // just after the closing bracket
}

// scanBracketLink parses the bracketed external link that starts with the
// "[" at line[open]: a URL (with scheme http, https or ftp, or protocol
// relative), optional blanks, anchor text, and "]" on the same line.
func scanBracketLink(line string, open int) (bracketLink, bool) {
	i := open + 1
	n := schemeLen(line[i:])
	if n < 0 {
		if !strings.HasPrefix(line[i:], "//") {
			return bracketLink{}, false
		}
		n = 0
	}
	u := i + n + 2 // after "//"
	end := u
	for end < len(line) && !isBracketURLStop(line[end]) {
		end++
	}
	if end == u {
		return bracketLink{}, false
	}
	b := bracketLink{url: [2]int{i, end}}
	a := end
	for {
		if a < len(line) && (line[a] == ' ' || line[a] == '\t') {
			a++
		} else if strings.HasPrefix(line[a:], "\u3000") {
			a += len("\u3000")
		} else {
			break
		}
	}
	if a == end && a < len(line) && line[a] != ']' {
		return bracketLink{}, false // the URL ran into something that is not a blank
	}
	close := strings.IndexByte(line[a:], ']')
	if close < 0 {
		return bracketLink{}, false
	}
	b.anchor = [2]int{a, a + close}
	b.end = a + close + 1
	return b, true
}

// nextBareURL finds the next free URL (http, https or ftp, starting at a
// word boundary) in line at or after from, and returns its bounds before
// trailing punctuation is trimmed.
func nextBareURL(line string, from int) (int, int, bool) {
	for i := from; ; {
		j := strings.Index(line[i:], "://")
		if j < 0 {
			return 0, 0, false
		}
		colon := i + j
		i = colon + 3
		start := -1
		for _, scheme := range [...]string{"https", "http", "ftp"} {
			k := colon - len(scheme)
			if k >= 0 && strings.EqualFold(line[k:colon], scheme) {
				start = k
				break
			}
		}
		if start < 0 || start > 0 && isWordByte(line[start-1]) {
			continue
		}
		end := i
		for end < len(line) && !isBareURLStop(line, end) {
			end++
		}
		if end == i {
			continue
		}
		return start, end, true
	}
}

// schemeLen returns the length of an "http:", "https:" or "ftp:" prefix
// followed by "//" (not counting the slashes), or -1.
func schemeLen(s string) int {
	for _, scheme := range [...]string{"http:", "https:", "ftp:"} {
		if len(s) >= len(scheme)+2 && strings.EqualFold(s[:len(scheme)], scheme) && s[len(scheme):len(scheme)+2] == "//" {
			return len(scheme)
		}
	}
	return -1
}

func isBracketURLStop(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\f', '[', ']', '<', '>', '"':
		return true
	}
	return false
}

// isBareURLStop reports whether a free URL ends at line[i]: blanks, the
// characters MediaWiki ends free links at, and template syntax.
func isBareURLStop(line string, i int) bool {
	switch c := line[i]; c {
	case ' ', '\t', '\n', '\r', '\f', '[', ']', '<', '>', '"', '{', '}', '|':
		return true
	case 0xC2: // U+00A0 no-break space
		return i+1 < len(line) && line[i+1] == 0xA0
	case 0xE3: // U+3000 ideographic space
		return strings.HasPrefix(line[i:], "\u3000")
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80
}

// hasInert reports whether text may contain comments or nowiki-like tags.
func hasInert(text string) bool {
	if strings.IndexByte(text, '<') < 0 {
		return false
	}
	return strings.Contains(text, "<!--") || textview.ContainsFold(text, "<nowiki") || textview.ContainsFold(text, "<pre") ||
		textview.ContainsFold(text, "<math") || textview.ContainsFold(text, "<syntaxhighlight") || textview.ContainsFold(text, "<source") ||
		textview.ContainsFold(text, "<code")
}

// refSpans returns the spans of <ref>...</ref> elements (not self-closing
// <ref name=x/>); an unclosed one runs to the end of text.
func refSpans(text string) [][2]int {
	var spans [][2]int
	for i := 0; ; {
		j := textview.IndexFold(text[i:], "<ref")
		if j < 0 {
			return spans
		}
		start := i + j
		k := start + 4
		if k < len(text) && text[k] != '>' && text[k] != ' ' && text[k] != '\t' && text[k] != '\n' && text[k] != '/' {
			i = k // <references>, <refname>...
			continue
		}
		gt := strings.IndexByte(text[k:], '>')
		if gt < 0 {
			return spans
		}
		gt += k
		if text[gt-1] == '/' {
			i = gt + 1 // <ref name="x" />
			continue
		}
		end := textview.IndexFold(text[gt:], "</ref")
		if end < 0 {
			return append(spans, [2]int{start, len(text)})
		}
		end += gt
		if close := strings.IndexByte(text[end:], '>'); close >= 0 {
			end += close + 1
		} else {
			end = len(text)
		}
		spans = append(spans, [2]int{start, end})
		i = end
	}
}

// templateSpans returns the spans of the {{...}} templates of text, in the
// order they open; an unclosed one runs to the end of text.
func templateSpans(text string) [][2]int {
	var spans [][2]int
	var stack []int
	for i := 0; i+1 < len(text); i++ {
		switch {
		case text[i] == '{' && text[i+1] == '{':
			stack = append(stack, len(spans))
			spans = append(spans, [2]int{i, len(text)})
			i++
		case text[i] == '}' && text[i+1] == '}' && len(stack) > 0:
			spans[stack[len(stack)-1]][1] = i + 2
			stack = stack[:len(stack)-1]
			i++
		}
	}
	return spans
}

// innermostTemplates returns, for each of the ascending positions, the span
// of the innermost template around it, or {-1, -1}.
func innermostTemplates(text string, positions []int) [][2]int {
	out := make([][2]int, len(positions))
	spans := templateSpans(text)
	for i, pos := range positions {
		out[i] = [2]int{-1, -1}
		// Spans open in order; the innermost is the last one opened before
		// pos that is still open at pos.
		j, _ := slices.BinarySearchFunc(spans, pos, func(s [2]int, p int) int { return s[0] - p })
		for j--; j >= 0; j-- {
			if spans[j][1] > pos {
				out[i] = spans[j]
				break
			}
		}
	}
	return out
}

// spanCursor answers "is this position inside one of the spans" for
// ascending positions over spans sorted by start.
type spanCursor struct {
	spans [][2]int
	i     int
}

func newSpanCursor(spans [][2]int) *spanCursor { return &spanCursor{spans: spans} }

func (c *spanCursor) covers(pos int) bool {
	for c.i < len(c.spans) && c.spans[c.i][1] <= pos {
		c.i++
	}
	for j := c.i; j < len(c.spans) && c.spans[j][0] <= pos; j++ {
		if pos < c.spans[j][1] {
			return true
		}
	}
	return false
}

// trimURLTail removes what MediaWiki does not count as part of a free link:
// trailing sentence punctuation, a closing parenthesis without an opening
// one, and bold/italic quote runs.
func trimURLTail(u string) string {
	if i := strings.Index(u, "''"); i >= 0 {
		u = u[:i]
	}
	if i := strings.Index(u, "&lt;"); i >= 0 {
		u = u[:i]
	}
	return textview.TrimURLTail(u, ",;.:!?'")
}

// blankInert replaces comments and nowiki-like content with spaces, keeping
// offsets stable, and returns too the text with everything else blanked.
func blankInert(text string) (string, string) {
	idx := linkInertRe.FindAllStringIndex(text, -1)
	if idx == nil {
		return text, ""
	}
	b := []byte(text)
	in := make([]byte, len(text))
	for i := range in {
		if text[i] == '\n' {
			in[i] = '\n'
		} else {
			in[i] = ' '
		}
	}
	for _, m := range idx {
		copy(in[m[0]:m[1]], text[m[0]:m[1]])
		for i := m[0]; i < m[1]; i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
	}
	return string(b), string(in)
}

// hiddenSpans returns the spans of elements styled to be invisible, each
// from its opening tag to the matching close tag (or the end of text).
func hiddenSpans(text string) [][2]int {
	if !textview.ContainsFold(text, "style") {
		return nil
	}
	var spans [][2]int
	var lower string // text with ASCII lowered, same offsets; made on first need
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := text[start:end]
		if textview.ContainsFold(line, "style") {
			for _, m := range linkStyledOpenRe.FindAllStringSubmatchIndex(line, -1) {
				style := ""
				if m[4] >= 0 {
					style = line[m[4]:m[5]]
				} else if m[6] >= 0 {
					style = line[m[6]:m[7]]
				}
				if !linkHiddenStyleRe.MatchString(style) {
					continue
				}
				tag := asciiLower(line[m[2]:m[3]])
				if lower == "" {
					lower = asciiLower(text)
				}
				spans = append(spans, [2]int{start + m[0], matchingClose(lower, start+m[1], tag)})
			}
		}
		start = end + 1
	}
	return spans
}

// matchingClose finds the end of the element named tag (lower case) whose
// content starts at from in lower, a text with its ASCII letters lowered,
// counting nested elements of the same name.
func matchingClose(lower string, from int, tag string) int {
	text := lower
	lower = lower[from:]
	open, close := "<"+tag, "</"+tag
	depth := 1
	i := 0
	for i < len(lower) {
		o := strings.Index(lower[i:], open)
		c := strings.Index(lower[i:], close)
		if c < 0 {
			return len(text)
		}
		if o >= 0 && o < c {
			depth++
			i += o + len(open)
			continue
		}
		depth--
		i += c + len(close)
		if depth == 0 {
			return from + i
		}
	}
	return len(text)
}

// citationTitleParams name a citation's title in English and in the
// citation templates of other large wikis (de, fr, es/pt, it, pl).
var citationTitleParams = []string{"title", "titel", "titre", "título", "titolo", "tytuł"}

// citationTitle returns anchor, or, when it is empty, the title of the
// citation whose text (or parameters) tmpl is.
func citationTitle(tmpl, anchor string) string {
	for _, name := range citationTitleParams {
		if anchor != "" {
			break
		}
		anchor = templateParam(tmpl, name)
	}
	return anchor
}

// isCitationTemplate reports whether tmpl ("{{name|...}}") is a citation,
// in English or in the citation templates of other large wikis.
func isCitationTemplate(tmpl string) bool {
	name := strings.TrimLeft(tmpl[2:], " \t\n")
	if len(name) > 14 {
		name = name[:14]
	}
	name = strings.ToLower(name)
	for _, p := range []string{"cite", "citation", "vcite", "harvnb", "internetquelle", "literatur", "lien web", "article", "ouvrage", "cita", "citar", "cytuj"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// isArchiveParam reports whether the template text before a link ends in an
// archive-url parameter name.
func isArchiveParam(before string) bool {
	i := strings.LastIndexByte(before, '|')
	if i < 0 {
		return false
	}
	name := strings.ToLower(before[i+1:])
	if j := strings.IndexByte(name, '='); j >= 0 {
		name = name[:j]
	}
	name = strings.TrimSpace(name)
	return strings.HasPrefix(name, "archive") && strings.HasSuffix(name, "url")
}

// templateParam returns the value of the named parameter in tmpl.
func templateParam(tmpl, name string) string {
	lower := asciiLower(tmpl) // same offsets as tmpl, unlike strings.ToLower
	for i := 0; i < len(lower); {
		j := strings.Index(lower[i:], name)
		if j < 0 {
			return ""
		}
		j += i
		i = j + len(name)
		// The name must follow a pipe and precede an equals sign.
		k := j - 1
		for k >= 0 && (lower[k] == ' ' || lower[k] == '\t' || lower[k] == '\n') {
			k--
		}
		if k < 0 || lower[k] != '|' {
			continue
		}
		e := i
		for e < len(lower) && (lower[e] == ' ' || lower[e] == '\t') {
			e++
		}
		if e >= len(lower) || lower[e] != '=' {
			continue
		}
		v := tmpl[e+1:]
		if end := strings.IndexAny(v, "|}"); end >= 0 {
			v = v[:end]
		}
		return strings.TrimSpace(v)
	}
	return ""
}

func inSpans(spans [][2]int, pos int) bool {
	for _, s := range spans {
		if pos >= s[0] && pos < s[1] {
			return true
		}
	}
	return false
}

func sortLinksByPos(links []textview.ExternalLink) {
	// Insertion sort: the lists are short and mostly sorted.
	for i := 1; i < len(links); i++ {
		for j := i; j > 0 && links[j].At < links[j-1].At; j-- {
			links[j], links[j-1] = links[j-1], links[j]
		}
	}
}

// asciiLower lowers the ASCII letters of s and leaves every other byte as it
// is, so offsets found in the result are offsets in s. strings.ToLower can
// change the length (invalid UTF-8, letters such as U+023A).
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// sections follows, line by line, whether the text has reached its
// external-links section or its categories, and marks the links there, and
// the links inside an image's [[File:...]] link.
type sections struct {
	ext  bool // under an "External links" heading
	cats int  // offset after the first category link, or -1
}

// extSectionNames are the titles of the external-links section on large
// wikis, lower case.
var extSectionNames = map[string]bool{
	"external links": true, "external link": true, "links": true, "weblinks": true, "weblink": true,
	"liens externes": true, "lien externe": true, "enlaces externos": true, "collegamenti esterni": true,
	"ligações externas": true, "links externos": true, "linki zewnętrzne": true, "externe links": true,
	"ссылки": true, "внешние ссылки": true, "externa länkar": true, "eksterne lenker": true,
}

// line reads one line starting at off and marks its links.
func (s *sections) line(line string, off int, links []textview.ExternalLink) {
	if strings.HasPrefix(line, "==") {
		t := strings.ToLower(strings.TrimSpace(strings.Trim(strings.TrimSpace(line), "=")))
		s.ext = extSectionNames[t]
	}
	for i := 0; s.cats < 0; {
		j := strings.Index(line[i:], "[[")
		if j < 0 {
			break
		}
		i += j + 2
		k := strings.Index(line[i:], "]]")
		if k < 0 {
			break
		}
		target := line[i : i+k]
		if p := strings.IndexByte(target, '|'); p >= 0 {
			target = target[:p]
		}
		if !strings.HasPrefix(strings.TrimSpace(target), ":") && scanLinkKind(target) == scanLinkCategory {
			s.cats = off + i + k + 2
		}
	}
	for k := range links {
		l := &links[k]
		if s.ext || s.cats >= 0 && l.Lo >= s.cats {
			l.Place |= textview.LinkExtSection
		}
		if inFileLink(line[:l.At-off]) {
			l.Place |= textview.LinkImage
		}
	}
}

// inFileLink reports whether the line before a link ends inside an open
// [[File:...]] link.
func inFileLink(before string) bool {
	i := strings.LastIndex(before, "[[")
	if i < 0 || strings.Contains(before[i:], "]]") {
		return false
	}
	return scanLinkKind(strings.TrimSpace(before[i+2:])) == scanLinkFile
}

// markupSpans returns the spans of text that are markup, not prose:
// references, templates and HTML tags.
func markupSpans(text string) []textview.Span {
	var out []textview.Span
	for _, sp := range refSpans(text) {
		out = append(out, textview.Span{Lo: sp[0], Hi: sp[1]})
	}
	for _, sp := range templateSpans(text) {
		out = append(out, textview.Span{Lo: sp[0], Hi: sp[1]})
	}
	for i := 0; i+1 < len(text); i++ {
		if text[i] != '<' {
			continue
		}
		c := text[i+1]
		if c == '/' && i+2 < len(text) {
			c = text[i+2]
		}
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			continue
		}
		if end := strings.IndexAny(text[i+1:], "<>"); end >= 0 && text[i+1+end] == '>' {
			out = append(out, textview.Span{Lo: i, Hi: i + end + 2})
			i += end + 1
		}
	}
	return out
}
