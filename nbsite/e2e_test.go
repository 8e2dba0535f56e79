package nbsite_test

import (
	"context"
	"io"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/internal/forumcampaign"
	"github.com/wikiwarden/wikiwarden/internal/testforum"
	"github.com/wikiwarden/wikiwarden/nbsite"
	"github.com/wikiwarden/wikiwarden/nodebb"
	"github.com/wikiwarden/wikiwarden/store"
)

func quiet() logrus.FieldLogger {
	l := logrus.New()
	l.SetOutput(io.Discard)
	return l
}

// patrolOpts are the config's defaults, with a lookback for the test.
func patrolOpts(dryRun bool) bot.Options {
	return bot.Options{
		Thresholds: map[string]float64{"probe": 0.5, "links": 0.7}, Lookback: time.Hour, DryRun: dryRun,
		MaxEditsPerPass: 5000, RevertCooldown: 24 * time.Hour, WatchWindow: 30 * 24 * time.Hour,
		Block: true, BlockDurations: []string{"1 day", "1 week", "1 month"},
		RangeBlock: true, RangeMinIPs: 2, RangePrefixV4: 24, RangePrefixV6: 64, ModelPages: 200,
	}
}

// patroller builds a patroller of the forum on the store at path, as
// cmd/wikiwarden does, with a client of its own (a restarted process).
func patroller(t *testing.T, f *testforum.Forum, st *store.Store, shutoff int64, dryRun bool) *bot.Patroller {
	t.Helper()
	c, err := nodebb.New(nodebb.Config{URL: f.URL, Username: f.BotUser, Password: f.BotPassword, Token: f.BotToken})
	if err != nil {
		t.Fatal(err)
	}
	site := nbsite.New(c, nbsite.Options{SummaryPrefix: "wikiwarden:", ShutoffTopic: shutoff}, quiet())
	p, err := bot.New(patrolOpts(dryRun), site, st.Site("forum"), quiet())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func openStore(t *testing.T, path string) *store.Store {
	t.Helper()
	st, err := store.Open(path, store.Options{DefaultSite: "forum"})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestForumWave plays the forum botnet wave against a real NodeBB and
// patrols it: probes (a reply, a new topic, an account's, from IPv6) and
// the follow-up spam are removed, their sources blacklisted or banned, and
// ordinary posts, also with reputable links, are untouched. Dry runs and
// the off switch write nothing, and passes run again (a restarted process,
// and one whose store lost its records) never act twice.
func TestForumWave(t *testing.T) {
	f := testforum.Start(t)
	ctx := context.Background()
	wave := forumcampaign.New(forumcampaign.Options{Seed: 7})
	for _, ph := range []forumcampaign.Phase{forumcampaign.PhaseSeed, forumcampaign.PhaseProbe} {
		if _, err := wave.Run(ctx, f, ph); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	st := openStore(t, filepath.Join(dir, "ww.db"))
	defer st.Close()

	// A dry run decides and records, and writes nothing.
	dry := openStore(t, filepath.Join(dir, "dry.db"))
	sum, err := patroller(t, f, dry, wave.SwitchTID, true).Pass(ctx)
	dry.Close()
	if err != nil || sum.Flagged < 5 || sum.Reverted != 0 || sum.ObserveOnly == "" {
		t.Fatalf("dry run: %v, %v; want 5 or more flagged, nothing removed, observe only", sum, err)
	}
	requireNone(t, ctx, f, wave, "after the dry run")

	// The off switch off: the same.
	if err := f.AdminEdit(ctx, switchPID(t, ctx, f, wave), "false\n\nStopped by the administrators."); err != nil {
		t.Fatal(err)
	}
	off := openStore(t, filepath.Join(dir, "off.db"))
	sum, err = patroller(t, f, off, wave.SwitchTID, false).Pass(ctx)
	off.Close()
	if err != nil || sum.Reverted != 0 || sum.ObserveOnly == "" {
		t.Fatalf("switch off: %v, %v; want observe only", sum, err)
	}
	requireNone(t, ctx, f, wave, "with the switch off")
	if err := f.AdminEdit(ctx, switchPID(t, ctx, f, wave), forumcampaign.SwitchText); err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	sum, err = patroller(t, f, st, wave.SwitchTID, false).Pass(ctx)
	t.Logf("probe pass: %v (%v)", sum, time.Since(start).Round(time.Millisecond))
	if err != nil || sum.Reverted != 5 || sum.Errors != 0 {
		t.Fatalf("probe pass: %v, %v; want the 5 probes removed", sum, err)
	}

	if _, err := wave.Run(ctx, f, forumcampaign.PhaseReturn); err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	sum, err = patroller(t, f, st, wave.SwitchTID, false).Pass(ctx)
	t.Logf("return pass: %v (%v)", sum, time.Since(start).Round(time.Millisecond))
	if err != nil || sum.Reverted != 6 || sum.Errors != 0 || sum.Blocked < 3 {
		t.Fatalf("return pass: %v, %v; want the 6 spam posts removed and 3 or more blocks", sum, err)
	}

	outs, err := wave.Report(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range outs {
		if !o.Expected() {
			t.Errorf("%s %s post %d by %s (%s, %s): %s, blocks %v, banned %v", o.Phase, o.Kind, o.PID, o.Author, o.IP, o.What, o.Result(), o.Blocks, o.Banned)
		}
	}
	tally := forumcampaign.Count(outs)
	t.Log(tally)
	for _, want := range []string{"100.72.5.0/24", "100.72.9.0/24", "2001:db8:5::99"} {
		if !contains(tally.Rules, want) {
			t.Errorf("blacklist lacks %s: %v", want, tally.Rules)
		}
	}
	if len(tally.Banned) != 1 || tally.Banned[0] != "cheapdeals77" {
		t.Errorf("banned %v, want the botnet's account cheapdeals77", tally.Banned)
	}

	// Run again, as a restarted process: nothing new, nothing done.
	sum, err = patroller(t, f, st, wave.SwitchTID, false).Pass(ctx)
	if err != nil || sum.Read != 0 || sum.Reverted != 0 || sum.Blocked != 0 {
		t.Errorf("pass after the wave: %v, %v; want nothing read", sum, err)
	}
	// A store that lost every record (a crash before the commit, at
	// worst): the posts are found removed already and nothing is done
	// twice.
	lost := openStore(t, filepath.Join(dir, "lost.db"))
	defer lost.Close()
	sum, err = patroller(t, f, lost, wave.SwitchTID, false).Pass(ctx)
	if err != nil || sum.Reverted != 0 || sum.Errors != 0 {
		t.Errorf("pass with lost records: %v, %v; want every post found removed already", sum, err)
	}
	if again, err := wave.Report(ctx, f); err != nil || forumcampaign.Count(again).String() != tally.String() {
		t.Errorf("after the repeat passes: %v, %v; want %v", forumcampaign.Count(again), err, tally)
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// requireNone fails unless every post of the wave is up and nothing is
// blacklisted or banned.
func requireNone(t *testing.T, ctx context.Context, f *testforum.Forum, wave *forumcampaign.State, when string) {
	t.Helper()
	outs, err := wave.Report(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range outs {
		if o.Removed || len(o.Blocks) > 0 || o.Banned {
			t.Fatalf("%s: post %d (%s) %s, blocks %v, banned %v; want nothing written", when, o.PID, o.What, o.Result(), o.Blocks, o.Banned)
		}
	}
}

func switchPID(t *testing.T, ctx context.Context, f *testforum.Forum, wave *forumcampaign.State) int64 {
	t.Helper()
	top, err := f.Topic(ctx, wave.SwitchTID)
	if err != nil || top.MainPID == 0 {
		t.Fatalf("off-switch topic %s: %v", strconv.FormatInt(wave.SwitchTID, 10), err)
	}
	return top.MainPID
}
