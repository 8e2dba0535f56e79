package detectors

import (
	"fmt"
	"math"
	"strings"

	"github.com/wikiwarden/wikiwarden/spamscore"
)

// SiteSpam is a site's own learned spam evidence, layered on the spam
// model: what a campaign on this site looks like (its n-grams, domains
// and link words), learned from the edits the bot reverted and the
// moderators' decisions. Implementations are read-only while detectors
// run and do no I/O.
type SiteSpam interface {
	// LogOdds returns what the site's evidence adds to the spam model's
	// log-odds that d is spam: negative toward good faith, 0 when it
	// knows too little.
	LogOdds(d spamscore.Doc) float64
}

// siteSpamLift is the least shift of the probability that the model's
// reason mentions.
const siteSpamLift = 0.01

// withSiteSpam returns the spam model's probability p moved by the site's
// learned evidence, and the shift. The site's evidence never raises the
// probability of an addition whose every link goes to a domain the wiki
// already cites: memory of a campaign does not make a citation spam.
func withSiteSpam(env *Env, d spamscore.Doc, domains []string, p float64) (float64, float64) {
	if env == nil || env.SiteSpam == nil {
		return p, 0
	}
	z := env.SiteSpam.LogOdds(d)
	if z > 0 && allCited(env.Domains, domains, d.Old) {
		z = 0
	}
	if z == 0 || math.IsNaN(z) {
		return p, 0
	}
	p = min(max(p, 1e-6), 1-1e-6)
	q := 1 / (1 + math.Exp(-(math.Log(p/(1-p)) + z)))
	return q, q - p
}

// allCited reports whether every domain is one the wiki already links to,
// or the page did before the edit. A contact with no domain (a handle, a
// phone number) is never cited.
func allCited(h DomainHistory, domains []string, old string) bool {
	if len(domains) == 0 {
		return false
	}
	for _, d := range domains {
		if d == "" || !(h != nil && h.Known(d) || domainInText(old, d)) {
			return false
		}
	}
	return true
}

// siteSpamDetail is the moderator's words for the site's part.
func siteSpamDetail(shift float64) string {
	if math.Abs(shift) < siteSpamLift {
		return ""
	}
	if shift > 0 {
		return fmt.Sprintf("; spam learned on this site raised it by %.2f", shift)
	}
	return fmt.Sprintf("; edits learned as good on this site lowered it by %.2f", -shift)
}

// SpamDoc is the text of e the spam model reads, as the link detector
// builds it: the new part of each added line, with the page around it.
// The bot learns its site's spam from the same text.
func SpamDoc(e *Edit, added *Added) spamscore.Doc {
	var lines []string
	if added != nil {
		lines = added.Lines
	} else {
		lines = linksAddedLines(e.Old, e.New)
	}
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(insertedPart(l, e.Old))
	}
	return spamscore.Doc{Text: b.String(), Old: e.Old, New: e.New}
}

func foundDomains(ls []foundLink) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.domain
	}
	return out
}

func contactDomains(cs []spamscore.Contact) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Domain
	}
	return out
}
