package detectors

import (
	"net/netip"
	"strings"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"

	"github.com/wikiwarden/wikiwarden/forumtext"
	"github.com/wikiwarden/wikiwarden/textview"
	"github.com/wikiwarden/wikiwarden/wikitext"
)

// foundLink is one external link of an edit, as its format's reader found
// it, with its host reduced to a registrable domain.
type foundLink struct {
	url    string // as written, trailing punctuation removed
	host   string // lower case, ASCII (punycode), no port or userinfo
	domain string // registrable domain, or the host when there is none
	anchor string // the link's text, or the citation's title
	ip     bool   // the host is an IP address
	// place: inside a <ref> or a citation template ({{cite ...}},
	// {{citation}}), an archive copy of another link, inside an element
	// styled to be invisible, ...
	place    textview.LinkPlace
	startPos int    // offset of the URL in the read text
	span     [2]int // the whole link in the read text: [url anchor], [text](url) or the bare URL
}

// readLinks returns the external links of text, read as format, in order
// of appearance, and the spans of its markup that are not prose. Links in
// comments and code, and links whose host is no host name, are left out.
// page is the edit's new text, which holds text: the wikitext reader reads
// a citation's parameters that the diff cut from their template as cited
// from it (wikitext.ReadAddedLinks).
func readLinks(format Format, text, page string) ([]foundLink, []byteSpan) {
	var v textview.Links
	if format == FormatMarkdown {
		v = forumtext.ReadLinks(text)
	} else {
		v = wikitext.ReadAddedLinks(text, page)
	}
	if len(v.Links) == 0 {
		return nil, v.Markup
	}
	links := make([]foundLink, 0, len(v.Links))
	for _, el := range v.Links {
		if el.Place&textview.LinkInert != 0 {
			continue // not rendered: no link
		}
		l, ok := newFoundLink(el.URL, el.At)
		if !ok {
			continue
		}
		l.anchor = el.Anchor
		l.span = [2]int{el.Lo, el.Hi}
		l.place = el.Place
		links = append(links, l)
	}
	return links, v.Markup
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
// punycode (IDNA, UTS #46 mapping), so that one domain has one spelling.
// It returns "" for a host that cannot be a domain name.
func asciiHost(host string) string {
	ascii := true
	for i := 0; i < len(host); i++ {
		c := host[i] | 0x20
		if host[i] >= 0x80 {
			ascii = false
			continue
		}
		if !(c >= 'a' && c <= 'z' || host[i] >= '0' && host[i] <= '9' || host[i] == '-' || host[i] == '.' || host[i] == '_') {
			return ""
		}
	}
	if ascii {
		return strings.ToLower(host)
	}
	if h, err := idna.Lookup.ToASCII(host); err == nil && h != "" {
		return h
	}
	// Hosts that break the IDNA rules (a label mixing scripts or
	// directions, a disallowed symbol) still name one domain for spam:
	// encode the lower-cased labels as they are.
	host = strings.NewReplacer("\u3002", ".", "\uff0e", ".", "\uff61", ".").Replace(strings.ToLower(host))
	h, err := idna.Punycode.ToASCII(host)
	if err != nil {
		return ""
	}
	return h
}
