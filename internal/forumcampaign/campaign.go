// Package forumcampaign is a scripted botnet wave against a test forum
// (internal/testforum), used by the demo (cmd/botnet-sim --forum,
// scripts/demo.sh) and by end-to-end tests of the forum patrol.
//
// It plays on a NodeBB forum what package campaign plays on a wiki. An
// administrator opens a few topics and the off-switch topic (PhaseSeed).
// The botnet then posts random-letter tracking tokens as guests from a few
// ranges, as a reply and as a new topic, and registers an account that
// probes too, among ordinary posts (PhaseProbe). It returns from new
// addresses of the same ranges, and with its account, with link spam
// (PhaseReturn); optionally one spam post comes from a range that probed
// a wiki sharing the bot's memory (Options.CrossIP). The bot patrols
// between the phases; Report reads the forum back: is each post still up,
// and is its address blacklisted or its account banned.
//
// The package posts through internal/testforum's plain net/http helpers,
// never through package nodebb: the wave must not depend on the client it
// helps to test.
package forumcampaign

import (
	"context"
	"fmt"
	"github.com/wikiwarden/wikiwarden/internal/jsonfile"
	"math/rand/v2"
	"net/netip"
	"slices"
	"strings"

	"github.com/wikiwarden/wikiwarden/internal/testforum"
)

// Phase is one step of the wave; they run in the order of Phases.
type Phase string

// The phases.
const (
	PhaseSeed   Phase = "seed"
	PhaseProbe  Phase = "probe"
	PhaseReturn Phase = "return"
)

// Phases are the phases in order.
var Phases = []Phase{PhaseSeed, PhaseProbe, PhaseReturn}

// Kind is what a post is, and so what the bot should do with it.
type Kind string

// The kinds.
const (
	KindProbe Kind = "probe" // a random-letter token: should be removed
	KindSpam  Kind = "spam"  // link spam: should be removed, its source blocked
	KindGood  Kind = "good"  // an ordinary post: should be left alone
)

// Post is one post the wave made.
type Post struct {
	Phase    Phase  `json:"phase"`
	Kind     Kind   `json:"kind"`
	IP       string `json:"ip"`
	Author   string `json:"author"`  // guest handle, or account name
	Account  bool   `json:"account"` // posted by a registered account
	Topic    string `json:"topic"`   // the topic's key (see State.Topics)
	What     string `json:"what"`    // a few words for people reading the report
	Text     string `json:"text"`
	TID      int64  `json:"tid"`
	PID      int64  `json:"pid"`
	NewTopic bool   `json:"new_topic"` // the post opened its topic
}

// Account is an account the wave registered.
type Account struct {
	UID      int64  `json:"uid"`
	Password string `json:"password"`
	IP       string `json:"ip"`
}

// State is what the wave has done so far. cmd/botnet-sim keeps it in a JSON
// file between phases, which run as separate processes.
type State struct {
	Seed      uint64             `json:"seed"`
	CrossIP   string             `json:"cross_ip,omitempty"`
	Phases    []Phase            `json:"phases"`
	SwitchTID int64              `json:"switch_tid"` // the off-switch topic
	Topics    map[string]int64   `json:"topics"`     // topic key -> tid
	Accounts  map[string]Account `json:"accounts"`
	Posts     []Post             `json:"posts"`
}

// Options shape a wave.
type Options struct {
	Seed uint64 // picks the probe tokens
	// CrossIP, when valid, adds a spam post from this address: give it an
	// address of a range that probed a wiki sharing the bot's store, and
	// the forum patrol should block its range on that memory alone.
	CrossIP netip.Addr
}

// New starts a wave's state.
func New(o Options) *State {
	st := &State{Seed: o.Seed, Topics: map[string]int64{}, Accounts: map[string]Account{}}
	if o.CrossIP.IsValid() {
		st.CrossIP = o.CrossIP.String()
	}
	return st
}

// LoadState reads a state file written by Save.
func LoadState(path string) (*State, error) {
	var st State
	if err := jsonfile.Load(path, &st); err != nil {
		return nil, fmt.Errorf("read forum wave state: %w", err)
	}
	return &st, nil
}

// Save writes the state to path, replacing it atomically.
func (st *State) Save(path string) error {
	if err := jsonfile.Save(path, st); err != nil {
		return fmt.Errorf("save forum wave state: %w", err)
	}
	return nil
}

// The wave's addresses: two botnet ranges and an IPv6 /64, new addresses
// of them for the return, and ordinary people elsewhere.
const (
	probeA1 = "100.72.5.11"
	probeA2 = "100.72.5.12"
	probeB1 = "100.72.9.7"
	botAcct = "100.72.9.8" // the botnet's account registers and posts from here
	probe6  = "2001:db8:5::11"
	spamA1  = "100.72.5.40"
	spamA2  = "100.72.5.41"
	spamB1  = "100.72.9.50"
	spam6   = "2001:db8:5::99"
	goodG1  = "100.64.40.2"
	goodG2  = "100.64.41.9"
	goodAc  = "100.64.33.7"

	spammer = "cheapdeals77"
	regular = "rosemary_grower"
)

// Topic keys.
const (
	topicWelcome = "welcome"
	topicCompost = "compost"
	topicSlugs   = "slugs"
)

// step is one post of the plan.
type step struct {
	phase  Phase
	kind   Kind
	ip     string
	author string // guest handle ("" none) or account name
	acct   bool
	topic  string // reply to this topic key; "" opens a new topic
	title  string // the new topic's title, or key:title
	what   string
	text   string
}

// plan is the wave's posts in order. Tokens come from the seed.
func plan(st *State) []step {
	rnd := rand.New(rand.NewPCG(st.Seed, st.Seed^0xf0_5eed))
	tok := func() string {
		b := make([]byte, 8+rnd.IntN(5))
		for i := range b {
			b[i] = byte('a' + rnd.IntN(26))
		}
		return string(b)
	}
	t1, t2, t3, t4, t5 := tok(), tok(), tok(), tok(), tok()
	steps := []step{
		{PhaseProbe, KindGood, goodG1, "tomatofan", false, topicWelcome, "", "hello, no links",
			"Hello all! I grow heirloom tomatoes and a few rows of runner beans on my allotment."},
		{PhaseProbe, KindProbe, probeA1, "", false, topicWelcome, "", "token as a reply", t1},
		{PhaseProbe, KindProbe, probeA2, "", false, "", t2, "token as a new topic", t2},
		{PhaseProbe, KindGood, goodAc, regular, true, topicCompost, "", "reply citing the RHS and Wikipedia",
			"The RHS has a good guide to hot composting: https://www.rhs.org.uk/soil-composts-mulches/composting and the Wikipedia overview is useful too: https://en.wikipedia.org/wiki/Compost"},
		{PhaseProbe, KindProbe, probeB1, "", false, topicCompost, "", "token as a reply", t3},
		{PhaseProbe, KindProbe, botAcct, spammer, true, topicWelcome, "", "account's token", t4},
		{PhaseProbe, KindProbe, probe6, "", false, topicCompost, "", "token from IPv6", t5},
		{PhaseProbe, KindGood, goodG2, "lettucelover", false, "", topicSlugs + ":Slugs on my lettuce", "new topic, no links",
			"Any tips for keeping slugs off young lettuce without pellets? Copper tape has not worked for me."},

		// The return: the account first, then new addresses of the ranges.
		{PhaseReturn, KindSpam, botAcct, spammer, true, topicCompost, "", "account's casino link",
			"Claim your online casino bonus today, free spins and no deposit needed: http://www.spin-palace-casino.example/bonus"},
		{PhaseReturn, KindSpam, botAcct, spammer, true, topicSlugs, "", "account's casino link again",
			"Best online casino with free spins and no deposit bonus: http://www.spin-palace-casino.example/free-spins"},
		{PhaseReturn, KindSpam, spamA1, "", false, topicWelcome, "", "casino bare URL",
			"Best online casino with free spins and no deposit bonus: http://www.spin-palace-casino.example/free-spins"},
		{PhaseReturn, KindSpam, spamA2, "pharma", false, "", "Cheap pills online", "pills topic",
			"[Buy cheap pills online without prescription](http://www.rx-pharmacy-direct.example/) best prices, cheap viagra and cialis, fast delivery"},
		{PhaseReturn, KindSpam, spamB1, "", false, topicSlugs, "", "loans bare URL",
			"Need money fast? Instant payday loans, no credit check: http://www.quick-payday-loans.example/apply"},
		{PhaseReturn, KindSpam, spam6, "", false, topicCompost, "", "casino link from IPv6",
			"Claim your online casino bonus today with free spins and no deposit: [play now](http://www.spin-palace-casino.example/slots)"},
		{PhaseReturn, KindGood, goodG1, "tomatofan", false, topicSlugs, "", "reply citing Wikipedia",
			"Beer traps worked for me, and the Wikipedia article on slugs has more ideas: https://en.wikipedia.org/wiki/Slug"},
		{PhaseReturn, KindGood, goodAc, regular, true, "", "Seed swap in spring", "new topic, no links",
			"We are organising a seed swap at the allotment hall in March. Bring labelled envelopes and spare seeds!"},
	}
	if st.CrossIP != "" {
		steps = append(steps, step{PhaseReturn, KindSpam, st.CrossIP, "", false, topicWelcome, "", "pills link from a range that probed the wiki",
			"Cheap viagra pills online, no prescription needed, best prices: http://www.rx-pharmacy-direct.example/order"})
	}
	return steps
}

// Run plays a phase on f and returns the posts it made. Phases run once
// each, in order.
func (st *State) Run(ctx context.Context, f *testforum.Forum, ph Phase) ([]Post, error) {
	want := Phases[min(len(st.Phases), len(Phases)-1)]
	if len(st.Phases) == len(Phases) || ph != want {
		return nil, fmt.Errorf("phase %s: the wave is at %s (phases run once each: %v)", ph, st.next(), Phases)
	}
	var made []Post
	var err error
	if ph == PhaseSeed {
		err = st.seed(ctx, f)
	} else {
		made, err = st.play(ctx, f, ph)
	}
	if err != nil {
		return made, err
	}
	st.Phases = append(st.Phases, ph)
	return made, nil
}

func (st *State) next() string {
	if len(st.Phases) == len(Phases) {
		return "its end"
	}
	return string(Phases[len(st.Phases)])
}

// SwitchText is the off-switch post: its first line turns the bot on.
const SwitchText = "true\n\nThe patrol bot acts while the first line of this post says true. Keep this topic locked."

func (st *State) seed(ctx context.Context, f *testforum.Forum) error {
	for _, t := range []struct{ key, title, text string }{
		{topicWelcome, "Welcome to the garden forum", "Introduce yourself here and tell us what you grow. We are a friendly bunch of allotment gardeners."},
		{topicCompost, "Composting questions", "What goes into your compost heap? We mostly use kitchen scraps, grass clippings and shredded cardboard."},
		{"switch", "wikiwarden switch", SwitchText},
	} {
		p, err := f.AdminTopic(ctx, t.title, t.text)
		if err != nil {
			return fmt.Errorf("seed: %w", err)
		}
		if t.key == "switch" {
			st.SwitchTID = p.TID
		} else {
			st.Topics[t.key] = p.TID
		}
	}
	for name, ip := range map[string]string{regular: goodAc, spammer: botAcct} {
		a, err := f.Register(ctx, ip, name)
		if err != nil {
			return fmt.Errorf("seed: %w", err)
		}
		st.Accounts[name] = Account{UID: a.UID, Password: a.Password, IP: ip}
	}
	return nil
}

func (st *State) play(ctx context.Context, f *testforum.Forum, ph Phase) ([]Post, error) {
	accounts := map[string]*testforum.Account{}
	var made []Post
	for _, s := range plan(st) {
		if s.phase != ph {
			continue
		}
		p := Post{Phase: ph, Kind: s.kind, IP: s.ip, Author: s.author, Account: s.acct, What: s.what, Text: s.text}
		key, title, hasKey := strings.Cut(s.title, ":")
		if !hasKey {
			key, title = "", s.title
		}
		var posted testforum.Posted
		var err error
		if s.acct {
			a := accounts[s.author]
			if a == nil {
				acct := st.Accounts[s.author]
				if a, err = f.Login(ctx, acct.IP, s.author, acct.Password); err != nil {
					return made, err
				}
				accounts[s.author] = a
			}
			if s.topic == "" {
				posted, err = a.Topic(ctx, title, s.text)
			} else {
				posted, err = a.Reply(ctx, st.Topics[s.topic], s.text)
			}
		} else if s.topic == "" {
			posted, err = f.GuestTopic(ctx, s.ip, s.author, title, s.text)
		} else {
			posted, err = f.GuestReply(ctx, s.ip, s.author, st.Topics[s.topic], s.text)
		}
		if err != nil {
			return made, fmt.Errorf("%s %s: %w", ph, s.what, err)
		}
		p.TID, p.PID, p.NewTopic = posted.TID, posted.PID, s.topic == ""
		p.Topic = s.topic
		if p.NewTopic {
			p.Topic = title
			if key != "" {
				st.Topics[key] = posted.TID
			}
		}
		if p.Author == "" {
			p.Author = "guest"
		}
		st.Posts = append(st.Posts, p)
		made = append(made, p)
	}
	return made, nil
}

// Outcome is what became of one post, as the forum shows it now.
type Outcome struct {
	Post
	Removed bool     // the post, or its topic, is deleted or purged
	Blocks  []string // blacklist rules covering the address
	Banned  bool     // the posting account is banned
}

// Result says what became of the post.
func (o Outcome) Result() string {
	if o.Removed {
		return "removed"
	}
	return "left alone"
}

// Expected reports whether the bot did the right thing: probes and spam
// removed; ordinary posts up and their authors neither blacklisted nor
// banned.
func (o Outcome) Expected() bool {
	if o.Kind == KindGood {
		return !o.Removed && len(o.Blocks) == 0 && !o.Banned
	}
	return o.Removed
}

// Report reads back every post of the wave, the IP blacklist and the
// accounts' bans. It changes nothing.
func (st *State) Report(ctx context.Context, f *testforum.Forum) ([]Outcome, error) {
	rulesText, err := f.Blacklist(ctx)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	var rules []netip.Prefix
	for _, line := range strings.Split(rulesText, "\n") {
		rule, _, _ := strings.Cut(line, "#")
		rule = strings.TrimSpace(rule)
		if a, err := netip.ParseAddr(rule); err == nil {
			rules = append(rules, netip.PrefixFrom(a, a.BitLen()))
		} else if p, err := netip.ParsePrefix(rule); err == nil {
			rules = append(rules, p.Masked())
		}
	}
	banned := map[string]bool{}
	for name, a := range st.Accounts {
		b, _, err := f.Banned(ctx, a.UID)
		if err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
		banned[name] = b
	}
	out := make([]Outcome, 0, len(st.Posts))
	for _, p := range st.Posts {
		ps, err := f.Post(ctx, p.PID)
		if err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
		o := Outcome{Post: p, Removed: !ps.Exists || ps.Deleted || !ps.TopicExists || ps.TopicDeleted}
		if ip, err := netip.ParseAddr(p.IP); err == nil {
			for _, r := range rules {
				if r.Contains(ip.Unmap()) {
					o.Blocks = append(o.Blocks, target(r))
				}
			}
		}
		o.Banned = p.Account && banned[p.Author]
		out = append(out, o)
	}
	return out, nil
}

func target(p netip.Prefix) string {
	if p.IsSingleIP() {
		return p.Addr().String()
	}
	return p.String()
}

// Tally sums up a report.
type Tally struct {
	Probes, ProbesRemoved int
	Spam, SpamRemoved     int
	Good, GoodLeftAlone   int
	GoodBlocked           int      // ordinary posts whose author is blacklisted or banned
	Rules                 []string // blacklist rules that hit the wave's addresses
	Banned                []string // accounts banned
}

// Count tallies outcomes.
func Count(outs []Outcome) Tally {
	var t Tally
	for _, o := range outs {
		switch o.Kind {
		case KindProbe:
			t.Probes++
			if o.Removed {
				t.ProbesRemoved++
			}
		case KindSpam:
			t.Spam++
			if o.Removed {
				t.SpamRemoved++
			}
		case KindGood:
			t.Good++
			if !o.Removed {
				t.GoodLeftAlone++
			}
			if len(o.Blocks) > 0 || o.Banned {
				t.GoodBlocked++
			}
		}
		t.Rules = append(t.Rules, o.Blocks...)
		if o.Banned {
			t.Banned = append(t.Banned, o.Author)
		}
	}
	slices.Sort(t.Rules)
	t.Rules = slices.Compact(t.Rules)
	slices.Sort(t.Banned)
	t.Banned = slices.Compact(t.Banned)
	return t
}

// OK reports whether every probe and spam post was removed and every
// ordinary post left alone, its author neither blacklisted nor banned.
func (t Tally) OK() bool {
	return t.ProbesRemoved == t.Probes && t.SpamRemoved == t.Spam && t.GoodLeftAlone == t.Good && t.GoodBlocked == 0
}

// String is the report's last line.
func (t Tally) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "forum: probes removed %d/%d, spam removed %d/%d, good posts left alone %d/%d",
		t.ProbesRemoved, t.Probes, t.SpamRemoved, t.Spam, t.GoodLeftAlone, t.Good)
	if t.GoodBlocked > 0 {
		fmt.Fprintf(&b, ", good posts by blocked authors %d", t.GoodBlocked)
	}
	rules, banned := "none", "none"
	if len(t.Rules) > 0 {
		rules = strings.Join(t.Rules, ", ")
	}
	if len(t.Banned) > 0 {
		banned = strings.Join(t.Banned, ", ")
	}
	fmt.Fprintf(&b, ", blacklisted: %s, banned: %s", rules, banned)
	return b.String()
}
