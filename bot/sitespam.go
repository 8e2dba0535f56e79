package bot

import (
	"context"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/detectors"
	"github.com/wikiwarden/wikiwarden/spamscore"
	"github.com/wikiwarden/wikiwarden/store"
)

// The site's own spam layer: a Bernoulli naive Bayes over the features the
// spam model reads (its hashed n-gram buckets) and over the domains,
// contact handles and link words of each edit, counted over the examples
// the store keeps for the site (store.SpamExample). The bot adds an
// example for every edit with links it reverts (spam until a moderator
// restores it) and every one it flags (open until a moderator decides); a
// moderator's decision relabels it in the store.
// Its log-odds are added to the spam model's, clamped, so a campaign's
// second wave in new words and domains is recognised by what it shares
// with the first, and what a moderator restored counts as good faith.

// siteSpamStore is what the layer needs of the store; *store.SiteStore,
// which cmd/wikiwarden gives every patroller, has it. A store without it
// learns nothing.
type siteSpamStore interface {
	SpamExamples(ctx context.Context) ([]store.SpamExample, error)
	LearnSpam(ctx context.Context, ex store.SpamExample) error
}

const (
	// siteSpamBits sizes the hashed feature table the layer counts in.
	siteSpamBits = 18
	// siteSpamMinSpam is how many spam examples the layer needs before it
	// raises anything, and siteSpamMinAll how many examples before it moves
	// anything: one reverted edit never makes a citation spam.
	siteSpamMinSpam = 3
	siteSpamMinAll  = 3
	// The smoothing of the counts: a key seen in no example of a label is
	// assumed to occur in siteSpamPrior of them, as if siteSpamPriorN
	// examples had been seen.
	siteSpamPrior  = 0.05
	siteSpamPriorN = 2.0
	// Weights of the three kinds of evidence: the mean over the edit's
	// n-gram buckets, the strongest of its domains and handles, and the
	// mean over its link words.
	siteSpamWeightGrams   = 2.5
	siteSpamWeightDomain  = 1.0
	siteSpamWeightAnchors = 0.5
	// siteSpamMax bounds the layer's part in log-odds either way: enough
	// to carry a second wave the shipped model reads as plain good faith
	// (p 0.04) past the blatant bar (0.8) once its first wave was
	// reverted, not enough alone for text the model reads as clean
	// (p below 0.004 stays below 0.4).
	siteSpamMax = 5.0
)

// siteSpam is the layer as counted for one pass (and counted again for
// the pass's second look, rejudge). It is read-only once built.
type siteSpam struct {
	spam, good int
	counts     map[string][2]int32 // key -> examples of it labelled spam, good
}

// newSiteSpam counts the labelled examples; nil when there are too few
// to move anything.
func newSiteSpam(exs []store.SpamExample) *siteSpam {
	l := &siteSpam{counts: map[string][2]int32{}}
	for _, e := range exs {
		var i int
		switch e.Label {
		case store.SpamLabelSpam:
			i = 0
			l.spam++
		case store.SpamLabelGood:
			i = 1
			l.good++
		default:
			continue
		}
		for _, k := range e.Keys {
			c := l.counts[k]
			c[i]++
			l.counts[k] = c
		}
	}
	if l.spam+l.good < siteSpamMinAll {
		return nil
	}
	return l
}

// LogOdds implements detectors.SiteSpam.
func (l *siteSpam) LogOdds(d spamscore.Doc) float64 {
	if l == nil {
		return 0
	}
	keys := spamKeys(d)
	var grams, anchors float64
	nGrams, nAnchors := 0, 0
	domain, seenDomain := 0.0, false
	for _, k := range keys {
		c, seen := l.counts[k]
		r := 0.0
		if seen {
			r = l.ratio(c)
		}
		switch k[0] {
		case 'b': // spamKeys' n-gram buckets
			nGrams++
			grams += r
		case 'a':
			nAnchors++
			anchors += r
		default: // a domain or a handle: the strongest counts
			if seen && (!seenDomain || math.Abs(r) > math.Abs(domain)) {
				domain, seenDomain = r, true
			}
		}
	}
	z := siteSpamWeightDomain * domain
	if nGrams > 0 {
		z += siteSpamWeightGrams * grams / float64(nGrams)
	}
	if nAnchors > 0 {
		z += siteSpamWeightAnchors * anchors / float64(nAnchors)
	}
	if l.spam < siteSpamMinSpam {
		z = min(z, 0)
	}
	return max(-siteSpamMax, min(siteSpamMax, z))
}

// ratio is a key's log-likelihood ratio, spam over good, from its counts.
func (l *siteSpam) ratio(c [2]int32) float64 {
	s := (float64(c[0]) + siteSpamPriorN*siteSpamPrior) / (float64(l.spam) + siteSpamPriorN)
	g := (float64(c[1]) + siteSpamPriorN*siteSpamPrior) / (float64(l.good) + siteSpamPriorN)
	return math.Log(s / g)
}

// spamKeys names the features of d the layer counts, each once: its
// domains ("d:") and handles ("c:"), the words of its link texts ("a:"),
// then the spam model's hashed n-gram buckets ("b"), at most
// store.MaxSpamKeys in all.
func spamKeys(d spamscore.Doc) []string {
	v, contacts := spamscore.Vectorize(d, siteSpamBits)
	seen := make(map[string]bool, len(v.Idx)+2*len(contacts))
	var keys []string
	add := func(k string) {
		if !seen[k] && len(keys) < store.MaxSpamKeys {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	for _, c := range contacts {
		if c.Domain != "" {
			add(store.SpamKeyDomain + c.Domain)
		} else {
			add("c:" + strings.ToLower(c.Text))
		}
	}
	for _, c := range contacts {
		for _, w := range strings.FieldsFunc(strings.ToLower(c.Anchor), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if len(w) >= 3 {
				add("a:" + w)
			}
		}
	}
	for _, idx := range v.Idx {
		b, hashed := spamscore.Bucket(int(idx))
		if !hashed {
			continue // named features are the shipped model's
		}
		// By bucket, not weight index: the index moves whenever the
		// shipped model gains a named feature. ("h" keys of stores
		// written before counted by index; they no longer match.)
		add("b" + strconv.FormatUint(uint64(b), 36))
	}
	return keys
}

// siteSpamLayer reads the site's examples for a pass; nil when the store
// keeps none or cannot be read (logged: the spam model judges alone).
func (p *Patroller) siteSpamLayer(ctx context.Context) detectors.SiteSpam {
	ss, ok := p.store.(siteSpamStore)
	if !ok {
		return nil
	}
	exs, err := ss.SpamExamples(ctx)
	if err != nil {
		p.log.WithError(err).Warn("site's spam layer not read; the spam model judges alone")
		return nil
	}
	if l := newSiteSpam(exs); l != nil {
		return l
	}
	return nil
}

// learnSpam adds the example d teaches: spam when it removes links, open
// (for a moderator to decide) when it flags them.
// A failure is logged: the layer only misses one example.
func (p *Patroller) learnSpam(ctx context.Context, sc scored, d decision.Decision) {
	ss, ok := p.store.(siteSpamStore)
	if !ok || sc.edit == nil {
		return
	}
	var label store.SpamLabel
	switch {
	case d.Verdict == decision.VerdictProbe:
		return
	case d.Reverts():
		// Spam by its content, links from an editor tied to the
		// campaign (the address probed, a probe's token, spam before),
		// or links a neighbour of a probing range or a probed page's
		// memory removed with content evidence short of a signal: the
		// campaign's follow-up, in whatever words it comes. A revert no
		// moderator overturned is the site's spam (issue #13: "every
		// edit the bot reverted as spam and no moderator overturned");
		// a restore relabels it good, and the layer raises nothing
		// before siteSpamMinSpam of them.
		label = store.SpamLabelSpam
	case d.Action == decision.ActionFlag:
		// Flagged: a moderator's decision labels it.
		label = store.SpamLabelOpen
	default:
		return
	}
	if !hasLinks(sc.results) {
		return
	}
	ex := store.SpamExample{RevID: sc.edit.RevID, Label: label, Keys: spamKeys(detectors.SpamDoc(sc.edit, detectors.Diff(sc.edit.Old, sc.edit.New))), Time: p.opts.Now()}
	if err := ss.LearnSpam(ctx, ex); err != nil {
		p.logger(sc.change).WithError(err).WithFields(logrus.Fields{"label": label}).Warn("spam example not learned")
	}
}

// hasLinks reports whether the link detector found links or contacts.
func hasLinks(results []detectors.Result) bool {
	for _, r := range results {
		if r.Detector == detectors.LinksName && len(r.Links) > 0 {
			return true
		}
	}
	return false
}
