package detectors

import (
	_ "embed"
	"strings"
	"sync"
)

//go:generate sh -c "apt-cache pkgnames | go run ./internal/genmodel -names - -out softmodel.bin"

// softModelData is a letter model of software names: the runs of letters of
// the package names a Debian archive lists ("libgtkmm-3.0-dev": "libgtkmm",
// "dev"), about 30,000 distinct parts. Program names are built of
// abbreviations and morphemes ("lib", "gtk", "mm", "d" for a daemon, "pg",
// "sql", "fs") that English letters find as unlikely as random ones; this
// model finds them likely and random letters no likelier than random.
//
//go:embed softmodel.bin
var softModelData []byte

var softModel = sync.OnceValue(func() *Model {
	m := new(Model)
	if err := m.UnmarshalBinary(softModelData); err != nil {
		return nil // unreachable: TestSoftModel decodes the embedded file
	}
	return m
})

// Software names: a lower-case word whose letters the software-name model
// explains better than random letters by softMinMargin bits or more
// ("gtkmm", "httpd", "dhcpcd", "plpgsql") takes bitsSoftwareName, and more in
// a technical post or next to identifiers. Random tokens sit 13 to 25 bits
// below the random baseline under that model; one in 500 reaches 2 above.
const (
	softMinMargin       = 0.0
	bitsSoftwareName    = -6.0  // a word with a software name's letters
	bitsSoftwarePer     = -1.0  // per bit the model explains beyond softMinMargin
	bitsSoftwareMax     = -16.0 //
	bitsSoftwareCompany = -4.0  // per other such word of the post, at most two
)

// softwareName returns the evidence that the word c is a program's name by
// its letters, 0 if none. A word of letters and digits or of mixed cases is
// read as its runs of letters, case folded ("gtk2", "mpg123", "WebDAV"); its
// digits count for nothing either way.
func (p *prober) softwareName(c *probeCandidate) float64 {
	margin, ok := p.softMargin(p.text[c.w.Lo:c.w.Hi])
	if !ok {
		return 0
	}
	// Program names come in company: other words of the post with a
	// program's letters ("dhcpcd", "httpd", "nfsd" in one paragraph).
	if !p.softDone {
		p.softDone = true
		for i := range p.cands {
			c := &p.cands[i]
			if _, ok := p.softMargin(p.text[c.w.Lo:c.w.Hi]); ok {
				p.softNames++
			}
		}
		for _, s := range p.short {
			if w := p.text[s.Lo:s.Hi]; !p.isWord(w) {
				if _, ok := p.softMargin(w); ok {
					p.softNames++
				}
			}
		}
	}
	company := float64(min(2, p.softNames-1))
	return max(bitsSoftwareMax, bitsSoftwareName+bitsSoftwarePer*margin) + bitsSoftwareCompany*company
}

// softMargin returns how many bits better than random letters the
// software-name model explains the letters of w, and whether it is
// softMinMargin or more.
func (p *prober) softMargin(w string) (float64, bool) {
	m := softModel()
	if m == nil || w == "" {
		return 0, false
	}
	margin, letters := 0.0, 0
	for i := 0; i < len(w); {
		j := i
		for j < len(w) && isASCIILetter(w[j]) {
			j++
		}
		if j == i {
			if w[i] >= 0x80 {
				return 0, false // a letter beyond ASCII: a word of a language
			}
			i++
			continue
		}
		var ok bool
		p.scratchSym, ok = foldWord(p.scratchSym[:0], w[i:j])
		if !ok {
			return 0, false
		}
		margin += float64(len(p.scratchSym))*log2Letters - m.bits(p.scratchSym)
		letters += j - i
		i = j
	}
	margin -= softMinMargin
	return margin, letters >= 4 && margin >= 0
}

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

// bitsUserName is the evidence against a word written as a user's name or
// address: after "@" ("@dtldarek"), before "@" or " at " and a domain
// ("gbolcer at endeavors.com"). (A signature's lines, after a "-- " line,
// were tried too: mail ends in signatures and list footers, and a token
// slipped there was missed more often than a name was spared.)
const bitsUserName = -8.0

// userName reports whether the word c is written as a user's name or
// address.
func (p *prober) userName(c *probeCandidate) bool {
	t := p.text
	lo, hi := c.w.Lo, c.w.Hi
	if lo > 0 && t[lo-1] == '@' || hi < len(t) && t[hi] == '@' {
		return true
	}
	if rest, ok := strings.CutPrefix(t[hi:], " at "); ok {
		dom, _, _ := strings.Cut(rest, " ")
		dom = strings.TrimRight(dom, ".,;:)>\n")
		return domainName(dom)
	}
	return false
}

// domainName reports whether s reads as a domain name: two or more labels of
// letters, digits and hyphens, the last of two letters or more.
func domainName(s string) bool {
	labels := strings.Split(s, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" {
			return false
		}
		for i := 0; i < len(l); i++ {
			if !isASCIILetter(l[i]) && (l[i] < '0' || l[i] > '9') && l[i] != '-' {
				return false
			}
		}
	}
	tld := labels[len(labels)-1]
	for i := 0; i < len(tld); i++ {
		if !isASCIILetter(tld[i]) {
			return false
		}
	}
	return len(tld) >= 2
}

// softLike reports whether w has a program's name's letters (softMargin).
func (p *prober) softLike(w string) bool {
	_, ok := p.softMargin(w)
	return ok
}
