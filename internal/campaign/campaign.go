// Package campaign is a scripted botnet campaign against a test wiki, used
// by the demo (cmd/botnet-sim, scripts/demo.sh) and by throughput
// benchmarks.
//
// The campaign plays what wikiwarden exists for. An administrator seeds
// real articles (PhaseSeed). A botnet then inserts random-letter tracking
// tokens from many IPs in a few ranges, among ordinary good-faith anonymous
// edits (PhaseProbe). Days later it returns from new IPs of the same ranges
// with link spam, on the probed pages and elsewhere (PhaseReturn). The bot
// patrols between the phases; Report then checks the wiki itself: is each
// edit still on its page, and which of its editors' addresses and ranges
// are blocked.
//
// The package talks plain net/http to the wiki and does not use package
// mediawiki: the campaign must not depend on the client it helps to test.
// Anonymous edits come from many IPs through X-Forwarded-For, which the
// test wiki of scripts/testwiki.sh trusts.
package campaign

import (
	"context"
	"errors"
	"fmt"
	"github.com/wikiwarden/wikiwarden/internal/jsonfile"
	"github.com/wikiwarden/wikiwarden/internal/testcorpus"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// DefaultCorpus returns where the seed articles are read from: the shared
// corpus' wikitext (internal/testcorpus; public data, never committed), found
// from the working directory or $WIKIWARDEN_SHARED.
func DefaultCorpus() string { return testcorpus.Path(testcorpus.WikitextDir) }

// Edit is one anonymous edit the campaign made.
type Edit struct {
	Phase Phase  `json:"phase"`
	Kind  Kind   `json:"kind"`
	IP    string `json:"ip"`
	Title string `json:"title"`
	What  string `json:"what"`  // a few words for people reading the report
	Added string `json:"added"` // the text the edit put in, for people to read
	RevID int64  `json:"revid"`
	// Marker is text the edit put on the page that the page did not hold
	// before: while the page holds it, the edit stands.
	Marker string `json:"marker"`
	// Created says the edit created its page: deleting the page, or
	// tagging it for deletion, removes it.
	Created bool `json:"created,omitempty"`
}

// State is what a campaign has done so far. cmd/botnet-sim keeps it in a
// JSON file between phases, which run as separate processes.
type State struct {
	Seed   uint64  `json:"seed"`   // picks the plan (see NewPlan)
	Corpus string  `json:"corpus"` // directory of the seed articles
	API    string  `json:"api"`    // the wiki the campaign runs against
	Phases []Phase `json:"phases"` // completed phases, in order
	Edits  []Edit  `json:"edits"`  // every anonymous edit made, in order
}

// LoadState reads a state file written by Save.
func LoadState(path string) (*State, error) {
	var st State
	if err := jsonfile.Load(path, &st); err != nil {
		return nil, fmt.Errorf("read campaign state: %w", err)
	}
	return &st, nil
}

// Save writes the state to path, replacing it atomically.
func (st *State) Save(path string) error {
	if err := jsonfile.Save(path, st); err != nil {
		return fmt.Errorf("save campaign state: %w", err)
	}
	return nil
}

// Campaign plays a Plan on a Wiki and records what it did in a State.
type Campaign struct {
	Wiki  *Wiki
	Plan  Plan
	State *State
}

// New returns the campaign of st (NewPlan(st.Seed)) on w. A state that
// belongs to another wiki is an error: its edits are not on w.
func New(w *Wiki, st *State) (*Campaign, error) {
	if st.API != "" && st.API != w.API {
		return nil, fmt.Errorf("campaign state is for %s, not %s: start again with the seed phase", st.API, w.API)
	}
	if st.Corpus == "" {
		st.Corpus = DefaultCorpus()
	}
	return &Campaign{Wiki: w, Plan: NewPlan(st.Seed), State: st}, nil
}

// Run plays one phase and returns the anonymous edits it made (none for
// PhaseSeed). Phases must run in the order of Phases, each once. On error
// the edits made so far are still recorded, and the phase cannot be run
// again: start a new campaign on a fresh wiki.
func (c *Campaign) Run(ctx context.Context, ph Phase) ([]Edit, error) {
	done := c.State.Phases
	if slices.Contains(done, ph) {
		return nil, fmt.Errorf("phase %s already ran: start again with the seed phase on a fresh wiki", ph)
	}
	if i := slices.Index(Phases, ph); i < 0 {
		return nil, fmt.Errorf("unknown phase %q", ph)
	} else if i != len(done) {
		return nil, fmt.Errorf("phase %s must run after %s", ph, Phases[i-1])
	}
	for _, e := range c.State.Edits {
		if e.Phase == ph {
			return nil, fmt.Errorf("phase %s ran partly and failed: start again with the seed phase on a fresh wiki", ph)
		}
	}
	var edits []Edit
	var err error
	if ph == PhaseSeed {
		c.State.API = c.Wiki.API
		err = c.seed(ctx)
	} else {
		edits, err = c.play(ctx, ph)
	}
	if err != nil {
		return edits, fmt.Errorf("phase %s: %w", ph, err)
	}
	c.State.Phases = append(c.State.Phases, ph)
	return edits, nil
}

func (c *Campaign) seed(ctx context.Context) error {
	for _, a := range c.Plan.Articles {
		b, err := os.ReadFile(filepath.Join(c.State.Corpus, a.File))
		if err != nil {
			return fmt.Errorf("seed %q: %w", a.Title, err)
		}
		text := string(b)
		for _, p := range a.Plant {
			if text, err = p.Apply(text); err != nil {
				return fmt.Errorf("seed %q: %w", a.Title, err)
			}
		}
		if _, err := c.Wiki.AdminEdit(ctx, a.Title, text, "import article"); err != nil {
			return err
		}
	}
	_, err := c.Wiki.AdminEdit(ctx, c.Plan.RunPage, "true", "let the patrol bot run")
	return err
}

func (c *Campaign) play(ctx context.Context, ph Phase) ([]Edit, error) {
	var edits []Edit
	for _, s := range c.Plan.PhaseSteps(ph) {
		e, err := c.step(ctx, s)
		if err != nil {
			return edits, err
		}
		edits = append(edits, e)
		c.State.Edits = append(c.State.Edits, e)
	}
	return edits, nil
}

func (c *Campaign) step(ctx context.Context, s Step) (Edit, error) {
	ip, err := netip.ParseAddr(s.IP)
	if err != nil {
		return Edit{}, fmt.Errorf("plan: %w", err)
	}
	page, err := c.Wiki.Page(ctx, s.Title)
	if s.Change.Op == OpCreate && errors.Is(err, ErrNoPage) {
		page, err = Page{Title: s.Title}, nil
	}
	if err != nil {
		return Edit{}, err
	}
	text, err := s.Change.Apply(page.Text)
	if err != nil {
		return Edit{}, fmt.Errorf("%s edit of %q from %s: %w", s.Kind, s.Title, s.IP, err)
	}
	rev, err := c.Wiki.AnonEdit(ctx, ip, s.Title, text, s.Summary, page.RevID)
	if err != nil {
		return Edit{}, err
	}
	return Edit{
		Phase: s.Phase, Kind: s.Kind, IP: ip.String(), Title: s.Title, What: s.What,
		Added: strings.TrimSpace(s.Change.Text), RevID: rev, Marker: marker(page.Text, text),
		Created: s.Change.Op == OpCreate,
	}, nil
}

// marker returns a short piece of next, around where it differs from prev,
// that prev does not hold: the changed text itself when that is new to the
// page, widened with context otherwise (a typo fix restores words the page
// may hold elsewhere). Context comes from the rest of the line first, to
// the right and then to the left, so that edits on neighbouring lines do
// not touch the marker.
func marker(prev, next string) string {
	p := 0
	for p < len(prev) && p < len(next) && prev[p] == next[p] {
		p++
	}
	s := 0
	for s < len(prev)-p && s < len(next)-p && prev[len(prev)-1-s] == next[len(next)-1-s] {
		s++
	}
	a, b := p, len(next)-s
	lineStart := strings.LastIndexByte(next[:a], '\n') + 1
	lineEnd := len(next)
	if i := strings.IndexByte(next[b:], '\n'); i >= 0 {
		lineEnd = b + i
	}
	for {
		m := strings.TrimSpace(next[a:b])
		switch {
		case m != "" && !strings.Contains(prev, m):
			return m
		case b < lineEnd:
			b = min(b+8, lineEnd)
		case a > lineStart:
			a = max(a-8, lineStart)
		case a > 0 || b < len(next):
			a, b = max(a-8, 0), min(b+8, len(next))
		default:
			return m
		}
		for a > 0 && !utf8.RuneStart(next[a]) {
			a--
		}
		for b < len(next) && !utf8.RuneStart(next[b]) {
			b++
		}
	}
}

// Outcome is what became of one campaign edit, as the wiki shows it now.
type Outcome struct {
	Edit
	// OnPage reports whether the page still holds the edit's marker.
	OnPage bool
	// Range is the editor's /24 (IPv4) or /64 (IPv6), the range a bot
	// blocks when several of its addresses misbehave.
	Range string
	// Blocks are the active blocks that apply to the editor's address:
	// the address itself or any range holding it, in canonical form.
	Blocks []string
}

// Result is "left alone" while the edit stands and "reverted" once it is
// gone.
func (o Outcome) Result() string {
	if o.OnPage {
		return "left alone"
	}
	return "reverted"
}

// IPBlocked reports whether the editor's address itself is blocked.
func (o Outcome) IPBlocked() bool { return slices.Contains(o.Blocks, o.IP) }

// RangeBlocked reports whether a block covers the editor's whole Range.
func (o Outcome) RangeBlocked() bool {
	rng, err := netip.ParsePrefix(o.Range)
	if err != nil {
		return false
	}
	for _, b := range o.Blocks {
		if p, err := netip.ParsePrefix(b); err == nil && p.Bits() <= rng.Bits() && p.Contains(rng.Addr()) {
			return true
		}
	}
	return false
}

// Expected reports whether the bot did the right thing: probes and spam
// reverted; good-faith edits left alone and their editors not blocked.
func (o Outcome) Expected() bool {
	if o.Kind == KindGood {
		return o.OnPage && len(o.Blocks) == 0
	}
	return !o.OnPage
}

// Report checks the wiki for every anonymous edit of the campaign: whether
// its marker is still on the current page, and which blocks apply to its
// editor. It changes nothing, so it can run at any time.
func (c *Campaign) Report(ctx context.Context) ([]Outcome, error) {
	texts := map[string]string{}
	blocks := map[string][]string{}
	out := make([]Outcome, 0, len(c.State.Edits))
	for _, e := range c.State.Edits {
		text, ok := texts[e.Title]
		if !ok {
			page, err := c.Wiki.Page(ctx, e.Title)
			if err != nil && !errors.Is(err, ErrNoPage) {
				return nil, fmt.Errorf("report: %w", err)
			}
			text, texts[e.Title] = page.Text, page.Text
		}
		ip, err := netip.ParseAddr(e.IP)
		if err != nil {
			return nil, fmt.Errorf("report: edit %d: %w", e.RevID, err)
		}
		bl, ok := blocks[e.IP]
		if !ok {
			found, err := c.Wiki.BlocksOn(ctx, e.IP)
			if err != nil {
				return nil, fmt.Errorf("report: %w", err)
			}
			for _, b := range found {
				bl = append(bl, canonicalTarget(b.Target))
			}
			slices.Sort(bl)
			blocks[e.IP] = bl
		}
		onPage := e.Marker != "" && strings.Contains(text, e.Marker)
		if e.Created && deletionTagged(text) {
			onPage = false // on its way out: an administrator deletes it
		}
		out = append(out, Outcome{
			Edit: e, OnPage: onPage,
			Range: RangeOf(ip).String(), Blocks: bl,
		})
	}
	return out, nil
}

// deletionTagged reports whether a page asks for its deletion with the
// {{delete}} template (any spelling of its first letter).
func deletionTagged(text string) bool {
	t := strings.TrimSpace(text)
	return strings.HasPrefix(t, "{{delete") || strings.HasPrefix(t, "{{Delete")
}

// RangeOf returns ip's /24 (IPv4) or /64 (IPv6).
func RangeOf(ip netip.Addr) netip.Prefix {
	bits := 24
	if ip.Is6() && !ip.Is4In6() {
		bits = 64
	}
	p, _ := ip.Unmap().Prefix(bits)
	return p
}

// canonicalTarget spells an IP or range block target the way netip does
// (MediaWiki writes IPv6 addresses in upper case, uncompressed).
func canonicalTarget(t string) string {
	if p, err := netip.ParsePrefix(t); err == nil {
		return p.Masked().String()
	}
	if a, err := netip.ParseAddr(t); err == nil {
		return a.String()
	}
	return t
}

// Tally sums up a report.
type Tally struct {
	Probes, ProbesReverted int
	Spam, SpamReverted     int
	Good, GoodLeftAlone    int
	GoodBlocked            int      // good-faith edits whose editor is blocked
	Ranges                 []string // blocked ranges, over all editors
	IPs                    []string // blocked single addresses
}

// Count tallies outcomes.
func Count(outs []Outcome) Tally {
	var t Tally
	for _, o := range outs {
		switch o.Kind {
		case KindProbe:
			t.Probes++
			if !o.OnPage {
				t.ProbesReverted++
			}
		case KindSpam:
			t.Spam++
			if !o.OnPage {
				t.SpamReverted++
			}
		case KindGood:
			t.Good++
			if o.OnPage {
				t.GoodLeftAlone++
			}
			if len(o.Blocks) > 0 {
				t.GoodBlocked++
			}
		}
		for _, b := range o.Blocks {
			if strings.Contains(b, "/") {
				t.Ranges = append(t.Ranges, b)
			} else {
				t.IPs = append(t.IPs, b)
			}
		}
	}
	t.Ranges, t.IPs = sortedSet(t.Ranges), sortedSet(t.IPs)
	return t
}

func sortedSet(s []string) []string {
	slices.SortFunc(s, func(a, b string) int {
		pa, ea := netip.ParsePrefix(a)
		pb, eb := netip.ParsePrefix(b)
		if ea == nil && eb == nil {
			if c := pa.Addr().Compare(pb.Addr()); c != 0 {
				return c
			}
			return pa.Bits() - pb.Bits()
		}
		aa, ea := netip.ParseAddr(a)
		ab, eb := netip.ParseAddr(b)
		if ea == nil && eb == nil {
			return aa.Compare(ab)
		}
		return strings.Compare(a, b)
	})
	return slices.Compact(s)
}

// OK reports whether every probe and spam edit was reverted and every
// good-faith edit left alone, its editor unblocked.
func (t Tally) OK() bool {
	return t.ProbesReverted == t.Probes && t.SpamReverted == t.Spam &&
		t.GoodLeftAlone == t.Good && t.GoodBlocked == 0
}

// String is the report's last line, e.g. "probes reverted 12/12, spam
// reverted 5/5, good-faith left alone 10/10, ranges blocked: 192.0.2.0/24".
func (t Tally) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "probes reverted %d/%d, spam reverted %d/%d, good-faith left alone %d/%d",
		t.ProbesReverted, t.Probes, t.SpamReverted, t.Spam, t.GoodLeftAlone, t.Good)
	if t.GoodBlocked > 0 {
		fmt.Fprintf(&b, ", good-faith edits by blocked editors %d", t.GoodBlocked)
	}
	ranges := "none"
	if len(t.Ranges) > 0 {
		ranges = strings.Join(t.Ranges, ", ")
	}
	fmt.Fprintf(&b, ", ranges blocked: %s", ranges)
	if len(t.IPs) > 0 {
		fmt.Fprintf(&b, ", IPs blocked: %s", strings.Join(t.IPs, ", "))
	}
	return b.String()
}
