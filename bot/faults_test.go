package bot_test

// Fault tests of the patrol against a real MediaWiki behind
// internal/faultproxy: one test per fault of an operator's bad day. Each
// plays the same small botnet (probes on several pages, good-faith edits
// beside them), patrols with the fault in place until nothing is left to
// do, and checks that every probe was reverted exactly once, nothing good
// was touched, and the patrol did not stall. Each test has its own wiki and
// runs in parallel with the others.

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sirupsen/logrus/hooks/test"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/internal/faultproxy"
	"github.com/wikiwarden/wikiwarden/internal/testwiki"
	"github.com/wikiwarden/wikiwarden/mediawiki"
	"github.com/wikiwarden/wikiwarden/mwsite"
	"github.com/wikiwarden/wikiwarden/store"
)

// faultRig is a wiki, a fault proxy in front of it, and a patroller that
// reaches the wiki through the proxy.
type faultRig struct {
	t      *testing.T
	ctx    context.Context
	wiki   *testwiki.Wiki
	proxy  *faultproxy.Proxy
	mw     *mediawiki.Client
	store  *store.Store
	p      *bot.Patroller
	probes map[string]string // title -> probe token
	goods  map[string]string // title -> good-faith sentence
}

const (
	faultProbes = 6
	faultGoods  = 2
	faultText   = "The river flows through the valley. Farmers grow wheat and barley there."
	faultCool   = 300 * time.Millisecond // the client's cool-off
)

// newFaultRig starts the rig; mwOpts and opts adjust the client's and the
// patroller's defaults.
func newFaultRig(t *testing.T, mwOpts func(*mediawiki.Options), opts func(*bot.Options)) *faultRig {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	t.Cleanup(cancel)
	w := testwiki.Start(t)
	r := &faultRig{t: t, ctx: ctx, wiki: w, probes: map[string]string{}, goods: map[string]string{}}
	if _, err := w.AdminEdit(ctx, "User:Warden/Run", "true", ""); err != nil {
		t.Fatal(err)
	}
	for i := range faultProbes {
		if _, err := w.AdminEdit(ctx, fmt.Sprintf("Page %d", i), faultText, "seed"); err != nil {
			t.Fatal(err)
		}
	}
	for i := range faultGoods {
		if _, err := w.AdminEdit(ctx, fmt.Sprintf("Good %d", i), faultText, "seed"); err != nil {
			t.Fatal(err)
		}
	}
	seed := fnv.New64a()
	seed.Write([]byte(t.Name())) // each test its own draws, the same at every run
	p, err := faultproxy.Start(w.API, faultproxy.Options{HoldFor: 30 * time.Second, Seed: seed.Sum64()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	r.proxy = p
	o := mediawiki.Options{
		API: p.API, UserAgent: "wikiwarden-test (User:Admin)", Username: w.BotUser, Password: w.BotPassword,
		Maxlag: 5, Retries: 1, CoolOff: faultCool, Timeout: 10 * time.Second,
	}
	if mwOpts != nil {
		mwOpts(&o)
	}
	if r.mw, err = mediawiki.New(o); err != nil {
		t.Fatal(err)
	}
	if err := r.mw.Login(ctx); err != nil {
		t.Fatal(err)
	}
	if r.store, err = store.Open(filepath.Join(t.TempDir(), "ww.db"), store.Options{}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.store.Close() })
	bo := defaultOptions()
	bo.RetryAttempts = 3
	bo.ModelPages = 20
	if opts != nil {
		opts(&bo)
	}
	log, _ := test.NewNullLogger()
	site := mwsite.New(r.mw, mwsite.Options{SummaryPrefix: "wikiwarden:", ShutoffPage: "User:Warden/Run", TrustedGroups: []string{"sysop", "bot"}}, log)
	if r.p, err = bot.New(bo, site, r.store, log); err != nil {
		t.Fatal(err)
	}
	return r
}

// botnet probes every Page from its own address and makes good-faith
// edits on the Good pages.
func (r *faultRig) botnet(seed uint64) {
	r.t.Helper()
	rng := rand.New(rand.NewPCG(seed, seed+1))
	const consonants = "bcdfghjklmnpqrstvwxz"
	for i := range faultProbes {
		tok := make([]byte, 10)
		for j := range tok {
			tok[j] = consonants[rng.IntN(len(consonants))]
		}
		title := fmt.Sprintf("Page %d", i)
		r.probes[title] = string(tok)
		text := strings.Replace(faultText, ". ", ". "+string(tok)+" ", 1)
		if _, err := r.wiki.AnonEdit(r.ctx, fmt.Sprintf("198.51.%d.%d", 100+i, 10+i), title, text, ""); err != nil {
			r.t.Fatal(err)
		}
	}
	for i := range faultGoods {
		title := fmt.Sprintf("Good %d", i)
		r.goods[title] = "Its water irrigates the orchards in summer."
		if _, err := r.wiki.AnonEdit(r.ctx, fmt.Sprintf("203.0.113.%d", 20+i), title, faultText+" "+r.goods[title], ""); err != nil {
			r.t.Fatal(err)
		}
	}
}

// patrol runs passes until one ends with nothing pending and no error, at
// most max; it fails the test (a stall) if that never happens.
func (r *faultRig) patrol(max int) []bot.Summary {
	r.t.Helper()
	var sums []bot.Summary
	for i := range max {
		sum, err := r.p.Pass(r.ctx)
		sums = append(sums, sum)
		r.t.Logf("pass %d: %s; err: %v", i+1, sum, err)
		if err == nil && sum.Pending == 0 {
			return sums
		}
		if err != nil && !mediawiki.Transient(err) && !errors.Is(err, bot.ErrTransient) && !errors.Is(err, bot.ErrUndone) {
			r.t.Fatalf("pass %d: %v; want only the site's transient failures", i+1, err)
		}
		time.Sleep(faultCool + 50*time.Millisecond)
	}
	r.t.Fatalf("still not done after %d passes: the patrol stalls", max)
	return nil
}

// botRevisions counts the bot's revisions of title.
func (r *faultRig) botRevisions(title string) int {
	r.t.Helper()
	n, err := r.wiki.BotRevisions(r.ctx, title)
	if err != nil {
		r.t.Fatal(err)
	}
	return n
}

// check asserts every probe but those of skip reverted exactly once, and
// every good-faith edit untouched.
func (r *faultRig) check(skip ...string) {
	r.t.Helper()
	for title, tok := range r.probes {
		if slices.Contains(skip, title) {
			continue
		}
		text, err := r.wiki.PageText(r.ctx, title)
		if err != nil {
			r.t.Fatal(err)
		}
		if strings.Contains(text, tok) {
			r.t.Errorf("%s: probe %q still there", title, tok)
		}
		if n := r.botRevisions(title); n != 1 {
			r.t.Errorf("%s: %d bot revisions, want exactly 1", title, n)
		}
	}
	for title, good := range r.goods {
		text, err := r.wiki.PageText(r.ctx, title)
		if err != nil {
			r.t.Fatal(err)
		}
		if !strings.Contains(text, good) || r.botRevisions(title) != 0 {
			r.t.Errorf("%s: the good-faith edit was touched", title)
		}
	}
	if sa, err := r.store.SetAsides(r.ctx, ""); err != nil || len(sa) != len(skip) {
		r.t.Errorf("set aside = %+v, %v; want %d", sa, err, len(skip))
	}
}

// runFault plays the botnet, puts rules between the bot and the wiki, and
// patrols until done: every probe reverted once, nothing good touched.
func runFault(t *testing.T, rules ...faultproxy.Rule) *faultRig {
	r := newFaultRig(t, nil, nil)
	r.botnet(1)
	r.proxy.Add(rules...)
	r.patrol(12)
	r.check()
	return r
}

func TestPatrolFault503(t *testing.T) {
	t.Parallel()
	r := runFault(t,
		faultproxy.Rule{Match: faultproxy.Action("rollback"), Fault: faultproxy.Status503, Times: 3},
		faultproxy.Rule{Match: faultproxy.Param("list", "recentchanges"), Fault: faultproxy.Status503, Times: 1})
	if n := r.proxy.Count(faultproxy.Action("undo")); n != 0 {
		t.Errorf("%d undo requests: the bot fell through to undo on a failing wiki", n)
	}
}

func TestPatrolFaultHold(t *testing.T) {
	t.Parallel()
	r := newFaultRig(t, func(o *mediawiki.Options) { o.Timeout = 3 * time.Second }, nil)
	r.botnet(2)
	// A write the wiki made whose answer arrives too late, and a read.
	r.proxy.Add(faultproxy.Rule{Match: faultproxy.Action("rollback"), Fault: faultproxy.Hold, Times: 2},
		faultproxy.Rule{Match: faultproxy.Param("prop", "revisions"), Fault: faultproxy.Hold, Times: 1})
	r.patrol(12)
	r.check()
}

func TestPatrolFaultMaxlag(t *testing.T) {
	t.Parallel()
	runFault(t, faultproxy.Rule{Match: faultproxy.Any(), Fault: faultproxy.Maxlag, Times: 5})
}

func TestPatrolFaultMalformed(t *testing.T) {
	t.Parallel()
	runFault(t, faultproxy.Rule{Match: faultproxy.Write(), Fault: faultproxy.Malformed, Times: 2},
		faultproxy.Rule{Match: faultproxy.Param("prop", "revisions"), Fault: faultproxy.Malformed, Times: 1})
}

func TestPatrolFaultEmpty(t *testing.T) {
	t.Parallel()
	runFault(t, faultproxy.Rule{Match: faultproxy.Write(), Fault: faultproxy.Empty, Times: 2},
		faultproxy.Rule{Match: faultproxy.Param("list", "recentchanges"), Fault: faultproxy.Empty, Times: 1})
}

func TestPatrolFaultReset(t *testing.T) {
	t.Parallel()
	runFault(t, faultproxy.Rule{Match: faultproxy.Any(), Fault: faultproxy.Reset, Times: 4})
}

func TestPatrolFaultDropSession(t *testing.T) {
	t.Parallel()
	r := runFault(t, faultproxy.Rule{Match: faultproxy.Write(), Fault: faultproxy.DropSession, Times: 3})
	if n := r.proxy.Count(faultproxy.Action("login")); n < 2 {
		t.Errorf("%d logins; want the lost session restored by a fresh login", n)
	}
}

func TestPatrolFaultSessionExpiry(t *testing.T) {
	t.Parallel()
	r := newFaultRig(t, nil, nil)
	r.patrol(3) // logged in, model learnt
	if n, err := r.wiki.ExpireSessions(r.ctx); err != nil || n == 0 {
		t.Fatalf("ExpireSessions = %d, %v", n, err)
	}
	r.botnet(3)
	r.patrol(12)
	r.check()
}

// A write the wiki carried out whose answer never came: the retry (the
// client's, or a later pass's) finds it done and records it once. The
// same for a block: the bot's own block, found in force, is recorded and
// counted, and never requested again.
func TestPatrolFaultLoseAnswer(t *testing.T) {
	t.Parallel()
	r := newFaultRig(t, nil, func(o *bot.Options) { o.RangeBlock = false })
	r.botnet(4)
	r.proxy.Add(faultproxy.Rule{Match: faultproxy.Write(), Fault: faultproxy.LoseAnswer, Times: 3})
	r.patrol(12)
	r.check()

	// The prober of Page 0 returns with spam on two pages; the first
	// block request's answer is lost.
	const ip = "198.51.100.10"
	for _, title := range []string{"Page 2", "Page 3"} {
		text, err := r.wiki.PageText(r.ctx, title)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := r.wiki.AnonEdit(r.ctx, ip, title, text+" [https://cheap-pills.test/ cheap pills]", ""); err != nil {
			t.Fatal(err)
		}
	}
	blockPosts := faultproxy.And(faultproxy.Write(), faultproxy.Action("block"))
	r.proxy.Add(faultproxy.Rule{Match: blockPosts, Fault: faultproxy.LoseAnswer, Times: 1})
	sums := r.patrol(12)
	blocked, reverted := 0, 0
	for _, s := range sums {
		blocked += s.Blocked
		reverted += s.Reverted
	}
	if blocked != 1 || reverted != 2 {
		t.Errorf("%d blocks, %d reverts counted; want the bot's block, found in force, counted once, and both spam edits reverted", blocked, reverted)
	}
	if bs, err := r.store.Blocks(r.ctx, ip); err != nil || len(bs) != 1 {
		t.Errorf("stored blocks of %s = %+v, %v; want the one block", ip, bs, err)
	}
	if ok, err := r.wiki.Blocked(r.ctx, ip); err != nil || !ok {
		t.Errorf("%s blocked = %v, %v", ip, ok, err)
	}
	// The lost answer and the client's retry (alreadyblocked): no request
	// for the second spam edit, nor at any later pass.
	if _, err := r.p.Pass(r.ctx); err != nil {
		t.Fatal(err)
	}
	if n := r.proxy.Count(blockPosts); n != 2 {
		t.Errorf("%d block requests; want 2 (the lost one and the client's retry)", n)
	}
}

// One page whose every write fails (a PHP fatal on a huge page): its
// revert is retried with back-off and then set aside for a human; the
// probes behind it are all reverted meanwhile.
func TestPatrolFaultPoisonPage(t *testing.T) {
	t.Parallel()
	r := newFaultRig(t, nil, func(o *bot.Options) { o.RetryBackoff = time.Second })
	r.botnet(5)
	r.proxy.Add(faultproxy.Rule{Match: faultproxy.WriteTo("Page 1"), Fault: faultproxy.Status500})
	var sums []bot.Summary
	deadline := time.Now().Add(2 * time.Minute)
	for {
		sum, err := r.p.Pass(r.ctx)
		sums = append(sums, sum)
		t.Logf("pass %d: %s; err: %v", len(sums), sum, err)
		if sum.SetAside == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the poison edit was never set aside")
		}
		time.Sleep(faultCool + 50*time.Millisecond)
	}
	// Every other probe was handled before the poison edit's budget ran
	// out.
	r.check("Page 1")
	if n := r.botRevisions("Page 1"); n != 0 {
		t.Errorf("Page 1: %d bot revisions", n)
	}
	aside, err := r.store.SetAsides(r.ctx, "")
	if err != nil || len(aside) != 1 || aside[0].Pending.Title != "Page 1" || aside[0].Pending.Attempts != 3 || !strings.Contains(aside[0].Pending.LastError, "500") {
		t.Errorf("set aside = %+v, %v; want Page 1 after 3 attempts, with the 500", aside, err)
	}
	// Nothing left: the next pass is clean and writes nothing to Page 1.
	time.Sleep(faultCool + 50*time.Millisecond)
	if sum, err := r.p.Pass(r.ctx); err != nil || sum.Pending != 0 {
		t.Errorf("pass after the set-aside = %s, %v; want a clean pass", sum, err)
	}
	// 3 attempts, each one request and the client's retry at most.
	if n := r.proxy.Count(faultproxy.WriteTo("Page 1")); n < 3 || n > 3*2 {
		t.Errorf("%d writes to the poison page; want 3 attempts of at most 2 requests", n)
	}
}

// TestPatrolFaultMatrix plays steady light faults, each on a share of the
// requests for as long as the test runs, with the client's and the bot's
// production settings (3 retries seconds apart, a 30 s cool-off, a minute's
// back-off for pending actions): malformed answers to 10% of all requests,
// the session's cookies lost on 30% of them, the answer to 50% of the
// writes lost after the wiki carried them out. Within two passes every
// probe is reverted exactly once, nothing good is touched, and the second
// pass, with no actions left, ends without error (cron's exit 0).
func TestPatrolFaultMatrix(t *testing.T) {
	notLogin := func(r faultproxy.Request) bool { return r.Params.Get("action") != "login" }
	type fault struct {
		name string
		rule faultproxy.Rule
	}
	var cases []fault
	for _, f := range []fault{
		{"malformed 10%", faultproxy.Rule{Match: faultproxy.Any(), Fault: faultproxy.Malformed, Rate: 0.1}},
		{"session loss 30%", faultproxy.Rule{Match: notLogin, Fault: faultproxy.DropSession, Rate: 0.3}},
		{"lost write answers 50%", faultproxy.Rule{Match: faultproxy.Write(), Fault: faultproxy.LoseAnswer, Rate: 0.5}},
	} {
		for run := range 2 { // two draws of the faults each
			cases = append(cases, fault{fmt.Sprintf("%s #%d", f.name, run+1), f.rule})
		}
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := newFaultRig(t, func(o *mediawiki.Options) { o.Retries, o.CoolOff = 0, 0 },
				func(o *bot.Options) { o.RetryBackoff = time.Minute })
			r.proxy.Add(tc.rule)
			r.patrol(3) // logged in, model learnt, through the faults
			r.botnet(uint64(10 + i))
			var sums []bot.Summary
			var err error
			for pass := 1; pass <= 2; pass++ {
				var sum bot.Summary
				sum, err = r.p.Pass(r.ctx)
				sums = append(sums, sum)
				t.Logf("pass %d: %s; err: %v", pass, sum, err)
			}
			r.check()
			// A revert whose answer was lost is found done by the client's
			// retry or the next pass's look: the bot's version on top.
			removed := 0
			for _, s := range sums {
				removed += s.Reverted + s.Held[decision.HoldReverted]
			}
			if removed != faultProbes || err != nil || sums[1].Pending != 0 {
				t.Errorf("two passes: %d probes found reverted, second pass %s, %v; want %d, nothing pending, no error",
					removed, sums[1], err, faultProbes)
			}
			faulted := 0
			for _, s := range r.proxy.Seen(nil) {
				if s.Fault != faultproxy.Pass {
					faulted++
				}
			}
			t.Logf("%d requests through the proxy, %d of them faulted", r.proxy.Count(nil), faulted)
		})
	}
}
