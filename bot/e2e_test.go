package bot_test

// End-to-end tests against a real MediaWiki 1.39 (scripts/testwiki.sh): the
// botnet is played with anonymous edits from many X-Forwarded-For addresses.

import (
	"context"
	"errors"
	"fmt"
	"github.com/wikiwarden/wikiwarden/decision"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/sirupsen/logrus"
	"github.com/sirupsen/logrus/hooks/test"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/config"
	"github.com/wikiwarden/wikiwarden/internal/testcorpus"
	"github.com/wikiwarden/wikiwarden/internal/testwiki"
	"github.com/wikiwarden/wikiwarden/mediawiki"
	"github.com/wikiwarden/wikiwarden/mwsite"
	"github.com/wikiwarden/wikiwarden/store"
)

// rig is one throwaway wiki with seeded pages, a store and a patroller.
type rig struct {
	t     *testing.T
	ctx   context.Context
	wiki  *testwiki.Wiki
	mw    *mediawiki.Client
	store *store.Store
	log   *logrus.Logger
	opts  bot.Options
	site  mwsite.Options
	pages map[string]string // seeded title -> text
}

// seedPages are real article texts from the corpus, put on the wiki by an
// administrator before the botnet arrives.
var seedPages = map[string]string{
	"Aardvark": "aardvark.txt",
	"Abacus":   "abacus.txt",
	"Algae":    "algae.txt",
	"Alchemy":  "alchemy.txt",
}

func newRig(t *testing.T) *rig {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	w := testwiki.Start(t)
	r := &rig{t: t, ctx: ctx, wiki: w, pages: map[string]string{}}
	for title, file := range seedPages {
		text, err := os.ReadFile(filepath.Join(testcorpus.Require(t, testcorpus.WikitextDir), file))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.AdminEdit(ctx, title, string(text), "seed"); err != nil {
			t.Fatalf("seed %s: %v", title, err)
		}
		r.pages[title] = string(text)
	}
	if _, err := w.AdminEdit(ctx, "User:Warden/Run", "true", "let the bot run"); err != nil {
		t.Fatal(err)
	}
	mw, err := mediawiki.New(mediawiki.Options{API: w.API, UserAgent: "wikiwarden-test (User:Admin)", Username: w.BotUser, Password: w.BotPassword, Maxlag: 5})
	if err != nil {
		t.Fatal(err)
	}
	if err := mw.Login(ctx); err != nil {
		t.Fatal(err)
	}
	r.mw = mw
	st, err := store.Open(filepath.Join(t.TempDir(), "ww.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	r.store = st
	r.log, _ = test.NewNullLogger()
	r.opts = defaultOptions()
	r.site = mwsite.Options{
		SummaryPrefix: "wikiwarden:", ShutoffPage: "User:Warden/Run", TrustedGroups: []string{"sysop", "bot"},
		DeletionTemplate: "{{delete|$1}}",
	}
	return r
}

func (r *rig) patroller(st bot.Store) *bot.Patroller {
	r.t.Helper()
	if st == nil {
		st = r.store
	}
	p, err := bot.New(r.opts, r.siteOf(r.mw), st, r.log)
	if err != nil {
		r.t.Fatal(err)
	}
	return p
}

// defaultOptions are config.Default()'s values as cmd/wikiwarden maps them,
// with a first pass that reads the last hour.
func defaultOptions() bot.Options {
	c := config.Default()
	return bot.Options{
		Thresholds:      map[string]float64{"probe": c.Detectors.ProbeThreshold, "links": c.Detectors.LinksThreshold},
		Lookback:        time.Hour,
		MaxEditsPerPass: c.Patrol.MaxEditsPerPass,
		RevertCooldown:  time.Duration(c.Patrol.RevertCooldown),
		WatchWindow:     time.Duration(c.Response.WatchWindow),
		Block:           c.Response.Block,
		BlockDurations:  c.Response.BlockDurations,
		RangeBlock:      c.Response.RangeBlock,
		RangeMinIPs:     c.Response.RangeMinIPs,
		RangePrefixV4:   c.Response.RangePrefixV4,
		RangePrefixV6:   c.Response.RangePrefixV6,
		ModelPages:      c.Detectors.ModelSamplePages,
		RetryAttempts:   c.Patrol.RetryBudget.Attempts,
		RetryMaxAge:     time.Duration(c.Patrol.RetryBudget.MaxAge),
		// Retried at the next pass: the tests do not wait minutes.
	}
}

// siteOf is the MediaWiki adapter on w, with the rig's options.
func (r *rig) siteOf(w mwsite.Wiki) bot.Site {
	return mwsite.New(w, r.site, r.log)
}

func (r *rig) pass() bot.Summary {
	r.t.Helper()
	sum, err := r.patroller(nil).Pass(r.ctx)
	if err != nil {
		r.t.Fatalf("pass: %v (%s)", err, sum)
	}
	r.t.Logf("pass: %s", sum)
	return sum
}

// insert puts addition into the page's text after the first sentence of its
// first prose paragraph, as an anonymous editor from ip, and returns the new
// revision.
func (r *rig) insert(ip, title, addition string) int64 {
	r.t.Helper()
	rev, err := r.wiki.AnonEdit(r.ctx, ip, title, insertAfterFirstSentence(r.text(title), addition), "")
	if err != nil {
		r.t.Fatalf("anon edit by %s on %s: %v", ip, title, err)
	}
	return rev
}

// insertAfterFirstSentence returns text with addition after the first
// sentence of its first prose paragraph (a line that starts with a letter
// or bold markup), or at its end: where an editor adds to an article.
func insertAfterFirstSentence(text, addition string) string {
	i := len(text) - 1
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		if line != "" && (line[0] == '\'' || unicode.IsLetter(rune(line[0]))) {
			if j := strings.Index(line, ". "); j >= 0 {
				i = off + j
				break
			}
		}
		off += len(line)
	}
	return text[:i+1] + addition + text[i+1:]
}

func (r *rig) text(title string) string {
	r.t.Helper()
	text, err := r.wiki.PageText(r.ctx, title)
	if err != nil {
		r.t.Fatal(err)
	}
	return text
}

func (r *rig) latestUser(title string) string {
	r.t.Helper()
	_, user, err := r.wiki.LatestRev(r.ctx, title)
	if err != nil {
		r.t.Fatal(err)
	}
	return user
}

// botRevisions counts the revisions the bot saved on title.
func (r *rig) botRevisions(title string) int {
	r.t.Helper()
	n, err := r.wiki.BotRevisions(r.ctx, title)
	if err != nil {
		r.t.Fatal(err)
	}
	return n
}

func (r *rig) blocked(target string) bool {
	r.t.Helper()
	ok, err := r.wiki.Blocked(r.ctx, target)
	if err != nil {
		r.t.Fatal(err)
	}
	return ok
}

// token makes a random-letter tracking code like the botnets use.
func token(rng *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + rng.IntN(26))
	}
	return string(b)
}

const goodRef = ` It was described in detail in a 2019 survey.<ref>{{cite web |url=https://www.bbc.co.uk/news/science-environment-49567197 |title=Survey of the species |publisher=BBC News |date=2019-09-02}}</ref>`

func TestProbeRevertedGoodFaithLeftAlone(t *testing.T) {
	r := newRig(t)
	rng := rand.New(rand.NewPCG(1, 2))
	probe := token(rng, 9)
	r.insert("198.51.100.7", "Aardvark", " "+probe)
	r.insert("203.0.113.20", "Abacus", " The abacus was also used in medieval Europe for accounting.")
	r.insert("203.0.113.21", "Algae", goodRef)

	sum := r.pass()
	if sum.Reverted != 1 || sum.Blocked != 0 {
		t.Errorf("summary = %s; want exactly one revert and no block", sum)
	}
	if strings.Contains(r.text("Aardvark"), probe) {
		t.Errorf("probe %q still on Aardvark", probe)
	}
	if r.latestUser("Aardvark") != "Warden" {
		t.Errorf("Aardvark latest editor = %q, want the bot", r.latestUser("Aardvark"))
	}
	if !strings.Contains(r.text("Abacus"), "medieval Europe") {
		t.Error("good-faith prose edit on Abacus was reverted")
	}
	if !strings.Contains(r.text("Algae"), "bbc.co.uk") {
		t.Error("good-faith reference on Algae was reverted")
	}
	rec, err := r.store.Records(r.ctx, store.Query{Verdicts: []decision.Verdict{decision.VerdictProbe}})
	if err != nil || len(rec) != 1 || rec[0].IP != "198.51.100.7" {
		t.Fatalf("probe records = %+v, %v; want one from 198.51.100.7", rec, err)
	}
	events, err := r.store.TokenEvents(r.ctx, probe)
	if err != nil || len(events) != 1 || events[0].Title != "Aardvark" {
		t.Errorf("token events for %q = %+v, %v; want one on Aardvark", probe, events, err)
	}

	// Nothing new but the bot's own rollback: a second pass scores nothing
	// and writes nothing, and a third reads nothing at all.
	before := r.botRevisions("Aardvark")
	sum = r.pass()
	if sum.Scored != 0 || sum.Reverted != 0 || sum.Read != sum.Skipped[decision.SkipOwn] {
		t.Errorf("second pass = %s; want only the bot's own edits read", sum)
	}
	if sum = r.pass(); sum.Read != 0 {
		t.Errorf("third pass = %s; want nothing read", sum)
	}
	if got := r.botRevisions("Aardvark"); got != before {
		t.Errorf("bot revisions on Aardvark went from %d to %d on an idle pass", before, got)
	}
}

func TestFollowUpSpamRevertedAndRangeBlocked(t *testing.T) {
	r := newRig(t)
	rng := rand.New(rand.NewPCG(3, 4))
	// The botnet probes from two IPs of one /24 and one of another.
	r.insert("192.0.2.10", "Aardvark", " "+token(rng, 10))
	r.insert("192.0.2.11", "Abacus", " "+token(rng, 8))
	r.insert("198.51.100.50", "Algae", " "+token(rng, 9))
	if sum := r.pass(); sum.Reverted != 3 {
		t.Fatalf("probe pass = %s; want 3 reverts", sum)
	}

	// It returns from a new IP of the first range, on a page it probed, and
	// from another new IP of that range on a page it never probed.
	spam := ` [https://cheap-pills-online.example.com/buy best cheap pills] visit https://casino-bonus.example.net/`
	r.insert("192.0.2.77", "Aardvark", spam)
	r.insert("192.0.2.78", "Alchemy", ` See [https://www.replica-watches.example.org/ luxury watches].`)
	// A good-faith reference beside it, from an unrelated address.
	r.insert("203.0.113.9", "Abacus", goodRef)

	sum := r.pass()
	if sum.Reverted != 2 {
		t.Errorf("spam pass = %s; want 2 reverts", sum)
	}
	if strings.Contains(r.text("Aardvark"), "cheap-pills") {
		t.Error("follow-up spam still on Aardvark")
	}
	if strings.Contains(r.text("Alchemy"), "replica-watches") {
		t.Error("range spam on a never-probed page (Alchemy) still there")
	}
	if !strings.Contains(r.text("Abacus"), "bbc.co.uk") {
		t.Error("good-faith reference on Abacus was reverted")
	}
	if !r.blocked("192.0.2.0/24") {
		t.Error("range 192.0.2.0/24 not blocked after spam from several of its IPs")
	}
	if r.blocked("203.0.113.9") {
		t.Error("good-faith editor 203.0.113.9 blocked")
	}
	recs, err := r.store.Records(r.ctx, store.Query{Verdicts: []decision.Verdict{decision.VerdictFollowUpSpam}})
	if err != nil || len(recs) != 2 {
		t.Fatalf("follow-up records = %d, %v; want 2", len(recs), err)
	}
	blocks, err := r.store.Blocks(r.ctx, "192.0.2.0/24")
	if err != nil || len(blocks) != 1 || blocks[0].Expiry != "1 day" {
		t.Errorf("stored blocks of the range = %+v, %v; want one block of 1 day for the one wave", blocks, err)
	}
}

func TestDryRunAndShutoffWriteNothing(t *testing.T) {
	for _, mode := range []string{"dry-run", "shutoff"} {
		t.Run(mode, func(t *testing.T) {
			r := newRig(t)
			if mode == "dry-run" {
				r.opts.DryRun = true
			} else if _, err := r.wiki.AdminEdit(r.ctx, "User:Warden/Run", "false", "stop"); err != nil {
				t.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(5, 6))
			probe := token(rng, 9)
			r.insert("192.0.2.10", "Aardvark", " "+probe)
			r.insert("192.0.2.11", "Abacus", " "+token(rng, 9))
			r.pass()
			r.insert("192.0.2.12", "Algae", ` [https://casino-bonus.example.net/ free casino bonus]`)
			sum := r.pass()
			if sum.Reverted != 0 || sum.Blocked != 0 || sum.ObserveOnly == "" {
				t.Errorf("summary = %s; want observe only, nothing reverted or blocked", sum)
			}
			if !strings.Contains(r.text("Aardvark"), probe) {
				t.Error("probe removed although the bot must not write")
			}
			for _, title := range []string{"Aardvark", "Abacus", "Algae"} {
				if n := r.botRevisions(title); n != 0 {
					t.Errorf("%d bot revisions on %s", n, title)
				}
			}
			if r.blocked("192.0.2.12") || r.blocked("192.0.2.0/24") {
				t.Error("blocked although the bot must not write")
			}
			// It still decided and remembered, so the moderator sees what it would do.
			recs, err := r.store.Records(r.ctx, store.Query{Verdicts: []decision.Verdict{decision.VerdictProbe, decision.VerdictFollowUpSpam}})
			if err != nil || len(recs) != 3 {
				t.Fatalf("records = %d, %v; want 3 flagged edits recorded", len(recs), err)
			}
		})
	}
}

func TestNobotsHonoured(t *testing.T) {
	r := newRig(t)
	if _, err := r.wiki.AdminEdit(r.ctx, "Algae", "{{bots|deny=Warden}}\n"+r.pages["Algae"], "exclude the bot"); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 8))
	probe := token(rng, 10)
	r.insert("192.0.2.30", "Algae", " "+probe)
	sum := r.pass()
	if sum.Reverted != 0 || sum.Held[decision.HoldNobots] != 1 {
		t.Errorf("summary = %s; want the probe held for nobots", sum)
	}
	if !strings.Contains(r.text("Algae"), probe) {
		t.Error("the bot edited a page that excludes it")
	}
}

// crashingStore fails every commit, as if the process died right after a
// chunk's wiki writes and before its one store transaction.
type crashingStore struct {
	*store.Store
}

var errCrash = errors.New("simulated crash")

func (c *crashingStore) CommitBatch(ctx context.Context, hs []store.Handled) error {
	return errCrash
}

func TestKilledPassResumesWithoutSkipOrDoubleRevert(t *testing.T) {
	r := newRig(t)
	rng := rand.New(rand.NewPCG(9, 10))
	titles := []string{"Aardvark", "Abacus", "Algae", "Alchemy"}
	probes := map[string]string{}
	for i, title := range titles {
		probes[title] = token(rng, 9)
		r.insert(fmt.Sprintf("192.0.2.%d", 40+i), title, " "+probes[title])
	}
	// The first pass reverts every probe of its chunk and dies before the
	// chunk's commit.
	_, err := r.patroller(&crashingStore{Store: r.store}).Pass(r.ctx)
	if !errors.Is(err, errCrash) {
		t.Fatalf("crashing pass error = %v, want the simulated crash", err)
	}
	for _, title := range titles {
		if n := r.botRevisions(title); n != 1 {
			t.Fatalf("after the crash: %s has %d bot revisions; want 1", title, n)
		}
	}
	if _, err := r.store.Cursor(r.ctx); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("cursor after the crash: %v; want none", err)
	}
	r.pass()
	for _, title := range titles {
		if strings.Contains(r.text(title), probes[title]) {
			t.Errorf("%s: probe skipped after restart", title)
		}
		if n := r.botRevisions(title); n != 1 {
			t.Errorf("%s: %d bot revisions, want exactly 1", title, n)
		}
	}
	rec, err := r.store.Record(r.ctx, mustLatestAnonRev(t, r, "Abacus"))
	if err != nil || !strings.Contains(rec.Outcome, string(decision.HoldReverted)) {
		t.Errorf("Abacus record after restart = %+v, %v; want it recorded as already reverted", rec, err)
	}
	// The bot's own revert, found after the crash, still counts for the
	// cooldown.
	if _, err := r.store.LastRevert(r.ctx, "192.0.2.41", "Abacus"); err != nil {
		t.Errorf("the revert before the crash is not remembered: %v", err)
	}
}

// mustLatestAnonRev is the revision id of the last anonymous edit of title.
func mustLatestAnonRev(t *testing.T, r *rig, title string) int64 {
	t.Helper()
	hist, err := r.wiki.History(r.ctx, title)
	if err != nil {
		t.Fatal(err)
	}
	for _, rv := range hist {
		if rv.Anon {
			return rv.ID
		}
	}
	t.Fatalf("no anonymous revision on %s", title)
	return 0
}

func TestFollowUpSpamDomainBlacklisted(t *testing.T) {
	r := newRig(t)
	r.site.SpamBlacklistPage = "MediaWiki:Spam-blacklist"
	rng := rand.New(rand.NewPCG(11, 12))
	r.insert("192.0.2.10", "Aardvark", " "+token(rng, 9))
	r.pass()
	r.insert("192.0.2.20", "Aardvark", " [https://casino-bonus.test/ free casino bonus]")
	if sum := r.pass(); sum.Reverted != 1 {
		t.Fatalf("spam pass = %s; want the follow-up spam reverted", sum)
	}
	if got := r.text("MediaWiki:Spam-blacklist"); !strings.Contains(got, `\bcasino-bonus\.test\b`) {
		t.Fatalf("blacklist page = %q; want the spam domain", got)
	}
	// The test wiki runs the SpamBlacklist extension: MediaWiki itself now
	// refuses the next attempt, from any address, before it is saved.
	_, err := r.wiki.AnonEdit(r.ctx, "198.51.100.99", "Casino", "See https://www.casino-bonus.test/win now.", "")
	if err == nil || !strings.Contains(err.Error(), "spamblacklist") {
		t.Errorf("edit adding the blacklisted domain: err = %v; want MediaWiki's spamblacklist refusal", err)
	}
}

func TestBlocksEscalatePerIP(t *testing.T) {
	r := newRig(t)
	r.opts.RangeBlock = false
	r.opts.BlockDurations = []string{"3 seconds", "1 week"}
	rng := rand.New(rand.NewPCG(13, 14))
	const ip = "192.0.2.60"
	r.insert(ip, "Aardvark", " "+token(rng, 9))
	r.pass()
	r.insert(ip, "Abacus", " [https://cheap-pills.test/ cheap pills]")
	if sum := r.pass(); sum.Blocked != 1 {
		t.Fatalf("first spam pass = %s; want one block", sum)
	}
	if !r.blocked(ip) || r.blocked("192.0.2.0/24") {
		t.Fatal("want the IP blocked and, with range_block off, not its range")
	}
	// The first block runs out; the same IP spams again.
	text := r.text("Algae")
	i := strings.Index(text, ". ")
	spam := text[:i+1] + " [https://cheap-pills.test/buy buy pills now]" + text[i+1:]
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, err := r.wiki.AnonEdit(r.ctx, ip, "Algae", spam, "")
		if err == nil {
			break
		}
		if !strings.Contains(err.Error(), "blocked") || time.Now().After(deadline) {
			t.Fatalf("spam after the block ran out: %v", err)
		}
		time.Sleep(500 * time.Millisecond)
	}
	if sum := r.pass(); sum.Blocked != 1 || sum.Reverted != 1 {
		t.Fatalf("second spam pass = %s; want a revert and a block", sum)
	}
	blocks, err := r.store.Blocks(r.ctx, ip)
	if err != nil || len(blocks) != 2 || blocks[0].Expiry != "3 seconds" || blocks[1].Expiry != "1 week" {
		t.Fatalf("blocks of %s = %+v, %v; want 3 seconds, then 1 week", ip, blocks, err)
	}
	if !r.blocked(ip) {
		t.Error("the escalated block is not in force")
	}
}

// unavailableWiki fails every write as a wiki that keeps answering 503
// would, after the client's own retries.
type unavailableWiki struct{ *mediawiki.Client }

func (unavailableWiki) Rollback(context.Context, string, string, string) error {
	return fmt.Errorf("rollback: %w", mediawiki.ErrUnavailable)
}

func (unavailableWiki) Undo(context.Context, string, int64, string) error {
	return fmt.Errorf("undo: %w", mediawiki.ErrUnavailable)
}

func (unavailableWiki) Edit(context.Context, mediawiki.EditParams) (int64, error) {
	return 0, fmt.Errorf("edit: %w", mediawiki.ErrUnavailable)
}

func TestUnavailableWikiRetriedNextPass(t *testing.T) {
	r := newRig(t)
	rng := rand.New(rand.NewPCG(15, 16))
	probe := token(rng, 10)
	rev := r.insert("192.0.2.70", "Aardvark", " "+probe)

	p, err := bot.New(r.opts, r.siteOf(unavailableWiki{r.mw}), r.store, r.log)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Pass(r.ctx); !errors.Is(err, mediawiki.ErrUnavailable) || !errors.Is(err, bot.ErrUndone) {
		t.Fatalf("pass with the wiki unavailable: err = %v; want ErrUndone on ErrUnavailable", err)
	}
	if rec, err := r.store.Record(r.ctx, rev); err != nil || !strings.HasPrefix(rec.Outcome, "pending") {
		t.Fatalf("record of the failed revert = %+v, %v; want it pending", rec, err)
	}
	if sum := r.pass(); sum.Reverted != 1 || sum.Retried != 1 {
		t.Fatalf("next pass = %s; want the pending probe retried and reverted", sum)
	}
	if strings.Contains(r.text("Aardvark"), probe) {
		t.Error("probe still on the page after the retry")
	}
}

func TestOneRevertPerEditorAndPagePerCooldown(t *testing.T) {
	r := newRig(t)
	rng := rand.New(rand.NewPCG(17, 18))
	first, second := token(rng, 9), token(rng, 11)
	r.insert("192.0.2.80", "Aardvark", " "+first)
	if sum := r.pass(); sum.Reverted != 1 {
		t.Fatalf("first pass = %s; want the probe reverted", sum)
	}
	// The same editor probes the same page again within the cooldown: the
	// bot does not edit-war; it flags the edit and remembers the probe.
	r.insert("192.0.2.80", "Aardvark", " "+second)
	sum := r.pass()
	if sum.Reverted != 0 || sum.Held[decision.HoldCooldown] != 1 {
		t.Fatalf("second pass = %s; want the probe held for the cooldown", sum)
	}
	if !strings.Contains(r.text("Aardvark"), second) {
		t.Error("second probe reverted within the cooldown")
	}
	events, err := r.store.TokenEvents(r.ctx, second)
	if err != nil || len(events) != 1 {
		t.Errorf("token events for the held probe = %+v, %v; want it remembered", events, err)
	}
	// Another editor's probe on the same page is reverted as usual.
	r.insert("198.51.100.80", "Aardvark", " "+token(rng, 10))
	if sum := r.pass(); sum.Reverted != 1 {
		t.Errorf("third pass = %s; want the other editor's probe reverted", sum)
	}
}

// Rollback takes every consecutive edit of an editor; the bot must revert
// only the edit it judged, not the same editor's good edit before it.
func TestRevertsOnlyTheJudgedEdit(t *testing.T) {
	r := newRig(t)
	rng := rand.New(rand.NewPCG(19, 20))
	probe := token(rng, 10)
	r.insert("192.0.2.90", "Aardvark", " Aardvarks were first described in detail by naturalists in the eighteenth century.")
	r.insert("192.0.2.90", "Aardvark", " "+probe)
	if sum := r.pass(); sum.Reverted != 1 {
		t.Fatalf("pass = %s; want the probe reverted", sum)
	}
	text := r.text("Aardvark")
	if strings.Contains(text, probe) {
		t.Error("probe still on the page")
	}
	if !strings.Contains(text, "first described in detail by naturalists") {
		t.Error("the editor's good edit before the probe was reverted with it")
	}
}

// A {{nobots}} that the vandal adds is part of the vandalism, not the
// page's wish.
func TestNobotsAddedByTheVandalIgnored(t *testing.T) {
	r := newRig(t)
	rng := rand.New(rand.NewPCG(21, 22))
	probe := token(rng, 10)
	r.insert("192.0.2.91", "Algae", " {{nobots}} "+probe)
	if sum := r.pass(); sum.Reverted != 1 {
		t.Fatalf("pass = %s; want the probe reverted", sum)
	}
	if text := r.text("Algae"); strings.Contains(text, probe) || strings.Contains(text, "{{nobots}}") {
		t.Error("probe or the vandal's {{nobots}} still on the page")
	}
}

// A follow-up spammer that creates a page: rollback cannot remove a page,
// so the bot, which holds the delete right, deletes it, and the spammer is
// still blocked.
func TestSpamPageCreationDeletedAndBlocked(t *testing.T) {
	r := newRig(t)
	rng := rand.New(rand.NewPCG(23, 24))
	r.insert("192.0.2.92", "Aardvark", " "+token(rng, 9))
	r.pass()
	if _, err := r.wiki.AnonEdit(r.ctx, "192.0.2.92", "Cheap pills", "Buy [https://cheap-pills.test/ cheap pills] now, no prescription.", ""); err != nil {
		t.Fatal(err)
	}
	sum := r.pass()
	if sum.Reverted != 1 || sum.Blocked != 1 {
		t.Fatalf("pass = %s; want the created spam page deleted and its author blocked", sum)
	}
	if !r.blocked("192.0.2.92") {
		t.Error("the spammer is not blocked")
	}
	if _, err := r.wiki.PageText(r.ctx, "Cheap pills"); !errors.Is(err, testwiki.ErrNoPage) {
		t.Errorf("created spam page: %v; want it deleted", err)
	}
}

// lateWiki hides one revision from recent changes, as MediaWiki does for an
// edit whose save began before, and ended after, the edits around it.
type lateWiki struct {
	*mediawiki.Client
	hide int64
}

func (w lateWiki) RecentChanges(ctx context.Context, start time.Time, limit int) ([]mediawiki.Change, error) {
	cs, err := w.Client.RecentChanges(ctx, start, limit)
	return slices.DeleteFunc(cs, func(c mediawiki.Change) bool { return c.RevID == w.hide }), err
}

func (w lateWiki) ChangesAndPage(ctx context.Context, start time.Time, limit int, title string) ([]mediawiki.Change, mediawiki.Page, error) {
	cs, pg, err := w.Client.ChangesAndPage(ctx, start, limit, title)
	return slices.DeleteFunc(cs, func(c mediawiki.Change) bool { return c.RevID == w.hide }), pg, err
}

func TestChangeVisibleLateIsStillHandled(t *testing.T) {
	r := newRig(t)
	rng := rand.New(rand.NewPCG(25, 26))
	late := token(rng, 10)
	lateRev := r.insert("192.0.2.93", "Aardvark", " "+late)
	r.insert("198.51.100.93", "Abacus", " "+token(rng, 10))

	p, err := bot.New(r.opts, r.siteOf(lateWiki{r.mw, lateRev}), r.store, r.log)
	if err != nil {
		t.Fatal(err)
	}
	if sum, err := p.Pass(r.ctx); err != nil || sum.Reverted != 1 {
		t.Fatalf("pass without the late edit = %s, %v; want the other probe reverted", sum, err)
	}
	before, err := r.store.Cursor(r.ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The late edit is older than the cursor now; the next pass finds it.
	if sum := r.pass(); sum.Reverted != 1 || sum.Scored != 1 {
		t.Fatalf("next pass = %s; want just the late probe scored and reverted", sum)
	}
	if strings.Contains(r.text("Aardvark"), late) {
		t.Error("the late probe is still on the page")
	}
	after, err := r.store.Cursor(r.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after.Time.Before(before.Time) || after.RCID < before.RCID {
		t.Errorf("cursor went back from %+v to %+v", before, after)
	}
}

// Several probes of one visit are one revert: a single rollback, not an
// undo each.
func TestOneVisitsProbesRevertedTogether(t *testing.T) {
	r := newRig(t)
	rng := rand.New(rand.NewPCG(27, 28))
	first, second := token(rng, 10), token(rng, 9)
	r.insert("192.0.2.94", "Aardvark", " "+first)
	r.insert("192.0.2.94", "Aardvark", " "+second)
	sum := r.pass()
	if sum.Reverted != 1 || sum.Held[decision.HoldReverted] != 1 {
		t.Fatalf("pass = %s; want one revert covering both probes", sum)
	}
	if text := r.text("Aardvark"); strings.Contains(text, first) || strings.Contains(text, second) {
		t.Error("a probe of the visit is still on the page")
	}
	if n := r.botRevisions("Aardvark"); n != 1 {
		t.Errorf("%d bot revisions; want one for the visit", n)
	}
}

// Follow-up spam on a page whose probe was left standing: removing the
// spam restores the probe, and the cleanup takes it off too. On Aardvark an
// administrator edited after the probe (held: later edits), so the token is
// cut out and the administrator's edit stays; on Alchemy only the campaign
// edited after the seed (the second probe was held for the cooldown), so
// the seeded text comes back.
func TestPageCleanAfterSpamRevert(t *testing.T) {
	r := newRig(t)
	// Learn the letter model from the clean pages first: learnt from a
	// sample that holds the Aardvark probe, the model let it pass (scored 0).
	r.pass()
	rng := rand.New(rand.NewPCG(29, 30))
	p1 := token(rng, 12)
	r.insert("192.0.2.95", "Aardvark", " "+p1)
	if _, err := r.wiki.AdminEdit(r.ctx, "Aardvark", r.text("Aardvark")+"\n\nAardvarks are nocturnal.", "good edit"); err != nil {
		t.Fatal(err)
	}
	r.insert("192.0.2.97", "Alchemy", " "+token(rng, 9))
	if sum := r.pass(); sum.Held[decision.HoldLater] != 1 || sum.Reverted != 1 {
		t.Fatalf("probe pass = %s; want the Aardvark probe held for the later edit, the Alchemy one reverted", sum)
	}
	q2 := token(rng, 11)
	r.insert("192.0.2.97", "Alchemy", " "+q2)
	if sum := r.pass(); sum.Held[decision.HoldCooldown] != 1 {
		t.Fatalf("second probe pass = %s; want the probe held for the cooldown", sum)
	}
	r.insert("192.0.2.96", "Aardvark", ` [https://cheap-pills-online.example.com/buy best cheap pills]`)
	r.insert("192.0.2.98", "Alchemy", ` See [https://www.replica-watches.example.org/ luxury watches].`)
	if sum := r.pass(); sum.Reverted != 2 {
		t.Fatalf("spam pass = %s; want both spam edits reverted", sum)
	}
	text := r.text("Aardvark")
	if strings.Contains(text, p1) || strings.Contains(text, "cheap-pills") || !strings.Contains(text, "Aardvarks are nocturnal.") {
		t.Errorf("Aardvark: probe left %v, spam left %v, good edit kept %v; want no probe, no spam, the good edit kept",
			strings.Contains(text, p1), strings.Contains(text, "cheap-pills"), strings.Contains(text, "Aardvarks are nocturnal."))
	}
	if got := r.text("Alchemy"); strings.TrimSpace(got) != strings.TrimSpace(r.pages["Alchemy"]) {
		t.Errorf("Alchemy is not the seeded text again (probe %q left: %v)", q2, strings.Contains(got, q2))
	}
}

// An idle pass, the common case of continuous mode, costs one API request:
// recent changes and the shutoff page are read together. Counted by the
// client and by the wiki's own access log.
func TestIdlePassIsOneRequest(t *testing.T) {
	r := newRig(t)
	rng := rand.New(rand.NewPCG(31, 32))
	r.insert("192.0.2.99", "Aardvark", " "+token(rng, 10))
	p := r.patroller(nil)
	for range 2 { // the probe, then the bot's own revert
		if _, err := p.Pass(r.ctx); err != nil {
			t.Fatal(err)
		}
	}
	for range 3 {
		before, served := r.mw.Requests(), r.wiki.Requests()
		sum, err := p.Pass(r.ctx)
		if err != nil || sum.Read != 0 {
			t.Fatalf("idle pass = %s, %v", sum, err)
		}
		if n := r.mw.Requests() - before; n != 1 {
			t.Errorf("idle pass made %d API requests, want 1", n)
		}
		if n := r.wiki.Requests() - served; n != 1 {
			t.Errorf("the wiki served %d requests for an idle pass, want 1", n)
		}
	}
	// The same request sees the shutoff page change.
	if _, err := r.wiki.AdminEdit(r.ctx, "User:Warden/Run", "stop", "stop the bot"); err != nil {
		t.Fatal(err)
	}
	if sum, err := p.Pass(r.ctx); err != nil || sum.ObserveOnly == "" {
		t.Errorf("pass after the shutoff = %s, %v; want observe only", sum, err)
	}
}
