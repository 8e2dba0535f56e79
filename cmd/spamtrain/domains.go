package main

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os/exec"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/publicsuffix"

	"github.com/wikiwarden/wikiwarden/spamscore"
)

// Real spam domains against real cited domains: the domain names that
// Wikimedia's global spam blacklist blocks (a snapshot of the Meta-Wiki
// page kept in a public repository, read from its git mirror at the pinned
// commit) against the registrable domains that the real good-faith texts
// of the corpora link to. Each becomes a link-only edit in the same few
// containers, spam and good faith alike, so that only the domain name
// tells them apart: what the model learns from them is the shape and the
// words of spam domains (rotating, throwaway, keyword names in any
// language), which link-only and bare-domain spam have nothing else to be
// judged by.
const (
	sblRepo   = "vasilvv/global-spam-blacklist"
	sblCommit = "12641d508e36cd5c1002c4f98c64d9447c3c4cba"
	sblPath   = "spam-blacklist.txt"

	topRepo   = "drakelover911/Phishing-analyzer"
	topCommit = "78a824017aac680f445b920234ceee0772b6f03a"
	topPath   = "majestic_million.csv" // its first 15,000 rows
	topRows   = 5000                   // rows used: lower down, more of the sites are spam that bought its links
)

// Hyperparameters of the domain edits, recorded in TRAINING.md.
var (
	sblMax   = 5000 // blacklisted domains used (lowest FNV-1a hash first)
	sblShare = 1.0  // the domain edits' stratum's share of the example weight
)

// sblLiteral is a blacklist entry that names one domain: \bname\.tld\b.
var sblLiteral = regexp.MustCompile(`^(?:\\b)?([a-z0-9-]+(?:\\\.[a-z0-9-]+)+)(?:\\b)?$`)

// loadBlacklist reads the blacklist's literal domain entries from the git
// mirror at gitDir, at the pinned commit.
func loadBlacklist(gitDir string) ([]string, error) {
	out, err := exec.Command("git", "-C", gitDir, "show", sblCommit+":"+sblPath).Output()
	if err != nil {
		return nil, fmt.Errorf("reading %s@%s:%s from %s (fetch the repository there first): %w", sblRepo, sblCommit[:7], sblPath, gitDir, err)
	}
	seen := map[string]bool{}
	var doms []string
	for _, line := range strings.Split(string(out), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		m := sblLiteral.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		d := strings.ReplaceAll(m[1], `\.`, ".")
		if !strings.Contains(d, ".") || seen[d] {
			continue
		}
		seen[d] = true
		doms = append(doms, d)
	}
	return doms, nil
}

// loadTopSites reads the registrable domains of the Majestic Million's top
// rows (the sites with the most referring subnets: what people link to)
// from the git mirror at gitDir, at the pinned commit.
func loadTopSites(gitDir string) ([]string, error) {
	out, err := exec.Command("git", "-C", gitDir, "show", topCommit+":"+topPath).Output()
	if err != nil {
		return nil, fmt.Errorf("reading %s@%s:%s from %s (fetch the repository there first): %w", topRepo, topCommit[:7], topPath, gitDir, err)
	}
	seen := map[string]bool{}
	var doms []string
	for i, line := range strings.Split(string(out), "\n") {
		f := strings.Split(line, ",")
		if i == 0 || len(f) < 3 {
			continue
		}
		if i > topRows {
			break
		}
		d, err := publicsuffix.EffectiveTLDPlusOne(strings.ToLower(strings.TrimSpace(f[2])))
		// A much-linked casino or pill shop is there for the links it
		// bought: not a good-faith example.
		if err != nil || seen[d] || spamscore.SellsTopic(strings.ReplaceAll(d, ".", " ")) {
			continue
		}
		seen[d] = true
		doms = append(doms, d)
	}
	return doms, nil
}

// hamDomains returns the registrable domains the real good-faith texts
// link to, each with the corpus groups (example sources) it occurs in.
func hamDomains(ex []example) map[string][]string {
	out := map[string][]string{}
	for i := range ex {
		e := &ex[i]
		if e.label || e.source == "augment" || !spamscore.MayHaveContacts(e.text) {
			continue
		}
		_, cs := spamscore.Vectorize(doc(*e), bits)
		for _, c := range cs {
			if c.Kind != spamscore.ContactURL && c.Kind != spamscore.ContactBare || c.Domain == "" || !strings.Contains(c.Domain, ".") {
				continue
			}
			if !slices.Contains(out[c.Domain], e.source) {
				out[c.Domain] = append(out[c.Domain], e.source)
			}
		}
	}
	return out
}

func fnvHash(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

// sblHeldOut reports whether a blacklist-source example is in fold C's
// held-out half (by its domain).
func sblHeldOut(e *example) bool { return e.source == "sbl" && fnvHash(e.origin)%2 == 1 }

// domainContainers are the link-only shapes each domain is put in.
var domainContainers = []string{"url", "bracket", "extlink", "markdown", "bare", "www-in-post"}

// domainExamples makes one link-only edit for each spam and each ham
// domain. A domain on both lists, or whose name is that of a ham domain,
// is left out.
func domainExamples(spam []string, ham map[string][]string, pages []page) []example {
	var sp []string
	for _, d := range spam {
		if _, ok := ham[d]; ok {
			continue
		}
		sp = append(sp, d)
	}
	slices.SortFunc(sp, func(a, b string) int {
		ha, hb := fnvHash(a), fnvHash(b)
		if ha != hb {
			if ha < hb {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	if len(sp) > sblMax {
		sp = sp[:sblMax]
	}
	slices.Sort(sp)
	spamSet := map[string]bool{}
	for _, d := range spam {
		spamSet[d] = true
	}
	var hm []string
	for d := range ham {
		if !spamSet[d] {
			hm = append(hm, d)
		}
	}
	slices.Sort(hm)
	a := &augmenter{r: rand.New(rand.NewPCG(seed, 0xd0a1)), pages: pages}
	var out []example
	mk := func(d string, label bool, from []string) {
		c := domainContainers[fnvHash("c:"+d)%uint32(len(domainContainers))]
		e := a.domainEdit(d, c)
		e.label = label
		e.lang, e.genre, e.source, e.origin = "und", "web", "sbl", d
		e.from = from
		cls := "ham"
		if label {
			cls = "spam"
		}
		e.kind = "sbl-" + cls + "-" + c
		e.id = "sbl:" + cls + ":" + d
		out = append(out, e)
	}
	for _, d := range sp {
		mk(d, true, nil)
	}
	for _, d := range hm {
		mk(d, false, ham[d])
	}
	return out
}

// domainEdit puts domain d, alone, into container c.
func (a *augmenter) domainEdit(d, c string) example {
	scheme := "http://"
	if a.r.IntN(2) == 0 {
		scheme = "https://"
	}
	host := d
	if a.r.IntN(2) == 0 {
		host = "www." + d
	}
	u := scheme + host + "/"
	if a.r.IntN(2) == 0 {
		u = strings.TrimSuffix(u, "/")
	}
	label := d
	if i := strings.IndexByte(d, '.'); i > 0 {
		label = d[:i]
	}
	title := strings.Join(strings.FieldsFunc(label, func(r rune) bool { return r == '-' || r == '_' }), " ")
	if title != "" {
		title = strings.ToUpper(title[:1]) + title[1:]
	}
	var e example
	switch c {
	case "url":
		e.old, e.new = a.onPage(u, a.r.IntN(2) == 0)
		e.text = u
	case "bracket":
		t := "[" + u + " " + title + "]"
		e.old, e.new = a.onPage(t, false)
		e.text = t
	case "extlink":
		t := "* [" + u + " " + host + "]"
		e.old, e.new = a.onPage(t, true)
		e.text = t
	case "markdown":
		e.text = "[" + title + "](" + u + ")"
		e.markdown = true
	case "bare":
		e.text = host
		e.markdown = true
	default: // "www-in-post": the address as a forum post shows it
		e.text = u
		e.markdown = true
	}
	return e
}
