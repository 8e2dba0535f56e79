package detectors

import (
	"net/netip"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/publicsuffix"
)

// This file finds the external links in a piece of wikitext the way MediaWiki
// renders them: bare URLs, bracketed [url anchor] links (also protocol
// relative ones), citation-template url parameters and the {{URL}} family of
// templates. It knows nothing about scoring.

var (
	// Text MediaWiki never turns into links: comments and the content of
	// nowiki-like tags.
	linkInertRe = regexp.MustCompile(`(?is)<!--.*?(?:-->|$)|<(nowiki|pre|math|syntaxhighlight|source|code)\b[^>]*>.*?(?:</(?:nowiki|pre|math|syntaxhighlight|source|code)\s*>|$)|<nowiki\s*/>`)

	// [url anchor]; the URL may be protocol-relative. The anchor runs to the
	// first ] on the same line.
	linkBracketRe = regexp.MustCompile(`(?i)\[((?:https?:|ftp:)?//[^\s\[\]<>"]+)(?:[ \t\x{3000}]+([^\]\n]*))?\]`)

	// A bare URL: scheme, then anything up to a character MediaWiki ends free
	// links at (or the template syntax that ends a parameter value).
	linkBareRe = regexp.MustCompile(`(?i)\b(?:https?|ftp)://[^\s\[\]<>"{}|\x{00A0}\x{3000}]+`)

	// A template parameter whose name ends in "url" holding a protocol-relative
	// or schemeless value: {{cite web |url=//example.org/x}}, |website=www.x.com.
	// Values with a scheme are found by linkBareRe.
	linkParamRe = regexp.MustCompile(`(?i)\|\s*(?:[a-z_-]*url|website|homepage)\s*=\s*((?://|www\.)[^\s\[\]<>"{}|]+)`)

	// {{URL|example.com}}, {{Official website|example.com}} and kin render a
	// link even without a scheme.
	linkURLTemplateRe = regexp.MustCompile(`(?i)\{\{\s*(?:url|official[ _]website|official[ _]url|website)\s*\|\s*(?:1\s*=\s*)?([^\s|}<>"\[\]]+)`)

	// Elements with a style attribute, and the styles that hide their
	// content from readers.
	linkStyledOpenRe  = regexp.MustCompile(`(?i)<(div|span|p|small|font|section)\b[^>]*\bstyle\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>`)
	linkHiddenStyleRe = regexp.MustCompile(`(?i)display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0*\.?0*(?:px|em|pt|rem|%)?\s*(?:;|!|$)|(?:left|top|text-indent|margin-left)\s*:\s*-\d{3,}|(?:height|width)\s*:\s*0(?:px)?\s*;.*overflow\s*:\s*hidden|overflow\s*:\s*hidden.*(?:height|width)\s*:\s*0(?:px)?\s*(?:;|$)`)
)

// foundLink is one external link as found in wikitext.
type foundLink struct {
	url      string // as written, trailing punctuation removed
	host     string // lower case, ASCII (punycode), no port or userinfo
	domain   string // registrable domain, or the host when there is none
	anchor   string // bracketed-link text or the citation's title
	ip       bool   // the host is an IP address
	cited    bool   // inside a citation template ({{cite ...}}, {{citation}})
	hidden   bool   // inside an element styled to be invisible
	archive  bool   // an archive-url/archive copy of another link
	startPos int    // offset in the scanned text
}

// extractLinks returns the external links in text in order of appearance.
// Text inside comments and nowiki-like tags is ignored.
func extractLinks(text string) []foundLink {
	if !strings.Contains(text, "//") && !containsFold(text, "{{url") && !containsFold(text, "website") && !containsFold(text, "www.") {
		return nil
	}
	if strings.Contains(text, "<") {
		text = blankInert(text)
	}
	var links []foundLink
	var taken [][2]int // URLs of bracketed links

	for _, m := range linkBracketRe.FindAllStringSubmatchIndex(text, -1) {
		raw := text[m[2]:m[3]]
		anchor := ""
		if m[4] >= 0 {
			anchor = strings.TrimSpace(text[m[4]:m[5]])
		}
		if l, ok := newFoundLink(raw, m[2]); ok {
			l.anchor = anchor
			links = append(links, l)
		}
		// Only the URL is claimed: a URL in the anchor text is shown on the
		// page too, and spam inserted inside another link's text is spam.
		taken = append(taken, [2]int{m[2], m[3]})
	}
	for _, m := range linkBareRe.FindAllStringIndex(text, -1) {
		if inSpans(taken, m[0]) {
			continue
		}
		raw := trimURLTail(text[m[0]:m[1]])
		if l, ok := newFoundLink(raw, m[0]); ok {
			links = append(links, l)
		}
	}
	for _, m := range linkParamRe.FindAllStringSubmatchIndex(text, -1) {
		raw := trimURLTail(text[m[2]:m[3]])
		if strings.HasPrefix(raw, "www.") || strings.HasPrefix(raw, "WWW.") {
			raw = "http://" + raw
		}
		if l, ok := newFoundLink(raw, m[2]); ok {
			links = append(links, l)
		}
	}
	for _, m := range linkURLTemplateRe.FindAllStringSubmatchIndex(text, -1) {
		raw := trimURLTail(text[m[2]:m[3]])
		if !strings.Contains(raw, "//") {
			if !strings.Contains(raw, ".") {
				continue
			}
			raw = "http://" + raw
		}
		if strings.Contains(text[m[2]:m[3]], "://") {
			continue // found by linkBareRe already
		}
		if l, ok := newFoundLink(raw, m[2]); ok {
			links = append(links, l)
		}
	}
	if len(links) == 0 {
		return nil
	}
	sortLinksByPos(links)

	hidden := hiddenSpans(text)
	for i := range links {
		l := &links[i]
		l.hidden = inSpans(hidden, l.startPos)
		open, close := enclosingTemplate(text, l.startPos)
		if open < 0 {
			continue
		}
		tmpl := text[open:close]
		if isCitationTemplate(tmpl) {
			l.cited = true
			if l.anchor == "" {
				l.anchor = templateParam(tmpl, "title")
			}
		}
		l.archive = isArchiveParam(text[open:l.startPos])
	}
	return links
}

// newFoundLink parses raw (an absolute or protocol-relative URL) into a link.
func newFoundLink(raw string, pos int) (foundLink, bool) {
	if len(raw) > 2048 {
		raw = raw[:2048]
	}
	i := strings.Index(raw, "//")
	if i < 0 {
		return foundLink{}, false
	}
	scheme := strings.ToLower(raw[:i])
	if scheme != "" && scheme != "http:" && scheme != "https:" && scheme != "ftp:" {
		return foundLink{}, false
	}
	authority := raw[i+2:]
	if j := strings.IndexAny(authority, "/?#\\"); j >= 0 {
		authority = authority[:j]
	}
	if j := strings.LastIndexByte(authority, '@'); j >= 0 {
		authority = authority[j+1:]
	}
	host := authority
	ip := false
	if strings.HasPrefix(host, "[") {
		end := strings.IndexByte(host, ']')
		if end < 0 {
			return foundLink{}, false
		}
		host = host[1:end]
		addr, err := netip.ParseAddr(host)
		if err != nil {
			return foundLink{}, false
		}
		host, ip = addr.String(), true
	} else {
		if j := strings.LastIndexByte(host, ':'); j >= 0 {
			host = host[:j]
		}
		host = strings.TrimRight(host, ".")
		if host == "" {
			return foundLink{}, false
		}
		if addr, err := netip.ParseAddr(host); err == nil {
			host, ip = addr.String(), true
		} else {
			host = asciiHost(host)
			if host == "" {
				return foundLink{}, false
			}
		}
	}
	l := foundLink{url: raw, host: host, domain: host, ip: ip, startPos: pos}
	if !ip {
		l.domain = registrableDomain(host)
	}
	return l, true
}

// registrableDomain returns the public-suffix-aware registrable domain of
// host (eTLD+1), treating the free hosting platforms of userContentHosts as
// public suffixes: every site on them has its own owner. A host that has no
// registrable domain (a bare suffix, a single label) is returned as is.
func registrableDomain(host string) string {
	d, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil {
		return host
	}
	if userContentHosts[d] && len(host) > len(d) {
		sub := host[:len(host)-len(d)-1]
		if i := strings.LastIndexByte(sub, '.'); i >= 0 {
			sub = sub[i+1:]
		}
		if sub != "www" {
			return sub + "." + d
		}
	}
	return d
}

// asciiHost lower-cases host and converts internationalised labels to
// punycode, so that one domain has one spelling. It returns "" for a host
// that cannot be a domain name.
func asciiHost(host string) string {
	host = strings.ToLower(host)
	ascii := true
	for i := 0; i < len(host); i++ {
		c := host[i]
		if c >= utf8.RuneSelf {
			ascii = false
			continue
		}
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_') {
			return ""
		}
	}
	if ascii {
		return host
	}
	// Full-width and ideographic dots separate labels too (UTS #46).
	host = strings.NewReplacer("\u3002", ".", "\uff0e", ".", "\uff61", ".").Replace(host)
	labels := strings.Split(host, ".")
	for i, label := range labels {
		if isASCII(label) {
			continue
		}
		enc, ok := punycodeEncode(label)
		if !ok {
			return ""
		}
		labels[i] = "xn--" + enc
	}
	return strings.Join(labels, ".")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// punycodeEncode encodes one label as RFC 3492 punycode (without the xn--
// prefix).
func punycodeEncode(label string) (string, bool) {
	const (
		base, tmin, tmax, skew, damp = 36, 1, 26, 38, 700
		initialBias, initialN        = 72, 128
	)
	runes := []rune(label)
	var out []byte
	for _, r := range runes {
		if r < 0x80 {
			out = append(out, byte(r))
		}
	}
	b := len(out)
	h := b
	if b > 0 {
		out = append(out, '-')
	}
	digit := func(d int) byte {
		if d < 26 {
			return byte('a' + d)
		}
		return byte('0' + d - 26)
	}
	adapt := func(delta, numPoints int, first bool) int {
		if first {
			delta /= damp
		} else {
			delta /= 2
		}
		delta += delta / numPoints
		k := 0
		for delta > ((base-tmin)*tmax)/2 {
			delta /= base - tmin
			k += base
		}
		return k + (base-tmin+1)*delta/(delta+skew)
	}
	n, delta, bias := initialN, 0, initialBias
	for h < len(runes) {
		m := int(^uint(0) >> 1)
		for _, r := range runes {
			if int(r) >= n && int(r) < m {
				m = int(r)
			}
		}
		if (m-n)*(h+1) > 1<<30 {
			return "", false
		}
		delta += (m - n) * (h + 1)
		n = m
		for _, r := range runes {
			if int(r) < n {
				delta++
			}
			if int(r) == n {
				q := delta
				for k := base; ; k += base {
					t := k - bias
					if t < tmin {
						t = tmin
					} else if t > tmax {
						t = tmax
					}
					if q < t {
						break
					}
					out = append(out, digit(t+(q-t)%(base-t)))
					q = (q - t) / (base - t)
				}
				out = append(out, digit(q))
				bias = adapt(delta, h+1, h == b)
				delta = 0
				h++
			}
		}
		delta++
		n++
	}
	return string(out), true
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
	for len(u) > 0 {
		c := u[len(u)-1]
		switch {
		case strings.IndexByte(",;.:!?'", c) >= 0:
			u = u[:len(u)-1]
		case c == ')' && !strings.Contains(u, "("):
			u = u[:len(u)-1]
		default:
			return u
		}
	}
	return u
}

// blankInert replaces comments and nowiki-like content with spaces, keeping
// offsets stable.
func blankInert(text string) string {
	idx := linkInertRe.FindAllStringIndex(text, -1)
	if idx == nil {
		return text
	}
	b := []byte(text)
	for _, m := range idx {
		for i := m[0]; i < m[1]; i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
	}
	return string(b)
}

// hiddenSpans returns the spans of elements styled to be invisible, each
// from its opening tag to the matching close tag (or the end of text).
func hiddenSpans(text string) [][2]int {
	if !strings.Contains(text, "style") && !strings.Contains(text, "STYLE") {
		return nil
	}
	var spans [][2]int
	for _, m := range linkStyledOpenRe.FindAllStringSubmatchIndex(text, -1) {
		style := ""
		if m[4] >= 0 {
			style = text[m[4]:m[5]]
		} else if m[6] >= 0 {
			style = text[m[6]:m[7]]
		}
		if !linkHiddenStyleRe.MatchString(style) {
			continue
		}
		tag := strings.ToLower(text[m[2]:m[3]])
		end := matchingClose(text, m[1], tag)
		spans = append(spans, [2]int{m[0], end})
	}
	return spans
}

// matchingClose finds the end of the element named tag whose content starts
// at from, counting nested elements of the same name.
func matchingClose(text string, from int, tag string) int {
	lower := strings.ToLower(text[from:])
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

// enclosingTemplate returns the span of the innermost {{...}} around pos, or
// -1, -1.
func enclosingTemplate(text string, pos int) (int, int) {
	depth := 0
	open := -1
	for i := pos - 1; i > 0; i-- {
		if text[i] == '}' && text[i-1] == '}' {
			depth++
			i--
		} else if text[i] == '{' && text[i-1] == '{' {
			if depth == 0 {
				open = i - 1
				break
			}
			depth--
			i--
		}
	}
	if open < 0 {
		return -1, -1
	}
	depth = 0
	for i := pos; i+1 < len(text); i++ {
		if text[i] == '{' && text[i+1] == '{' {
			depth++
			i++
		} else if text[i] == '}' && text[i+1] == '}' {
			if depth == 0 {
				return open, i + 2
			}
			depth--
			i++
		}
	}
	return open, len(text)
}

// isCitationTemplate reports whether tmpl ("{{name|...}}") is a citation.
func isCitationTemplate(tmpl string) bool {
	name := strings.TrimLeft(tmpl[2:], " \t\n")
	if len(name) > 12 {
		name = name[:12]
	}
	name = strings.ToLower(name)
	return strings.HasPrefix(name, "cite") || strings.HasPrefix(name, "citation") ||
		strings.HasPrefix(name, "vcite") || strings.HasPrefix(name, "harvnb")
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
	lower := strings.ToLower(tmpl)
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

func sortLinksByPos(links []foundLink) {
	// Insertion sort: the lists are short and mostly sorted.
	for i := 1; i < len(links); i++ {
		for j := i; j > 0 && links[j].startPos < links[j-1].startPos; j-- {
			links[j], links[j-1] = links[j-1], links[j]
		}
	}
}

// containsFold reports whether s contains the lower-case ASCII substr,
// ignoring ASCII case in s.
func containsFold(s, substr string) bool {
	n := len(substr)
	for i := 0; i+n <= len(s); i++ {
		if s[i]|0x20 == substr[0] && strings.EqualFold(s[i:i+n], substr) {
			return true
		}
	}
	return false
}
