package bot_test

import (
	"context"
	"testing"

	"github.com/sirupsen/logrus/hooks/test"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/store"
)

// The allow-list page makes its words no probe tokens, and an edit of the
// page takes effect at the next pass; moderators' feedback does too.
func TestAllowListAndFeedback(t *testing.T) {
	const page = "User:Warden/Allowlist"
	r := newFrig(t)
	r.opts.Words.AllowListPage = page
	r.site.save(bot.Author{Name: "Admin"}, page, "# the wiki's own words\nqzxwvkrbt\n", r.tick())
	r.mustPass()

	r.insert("192.0.2.1", "Aardvark", " qzxwvkrbt")
	if sum := r.mustPass(); sum.Reverted != 0 {
		t.Fatalf("pass = %s; want the allow-listed word left alone", sum)
	}

	// The administrator takes the word off the list: the next pass reads
	// the page again, and the pass after judges the word as a token.
	r.site.save(bot.Author{Name: "Admin"}, page, "# the wiki's own words\n", r.tick())
	r.mustPass()
	r.insert("192.0.2.2", "Abacus", " qzxwvkrbt")
	if sum := r.mustPass(); sum.Reverted != 1 {
		t.Fatalf("pass = %s; want the word, off the list now, reverted as a probe", sum)
	}

	// A moderator's feedback allows another word, and vouches for an editor.
	ctx := context.Background()
	if _, err := r.store.AddFeedback(ctx, store.Feedback{Kind: store.FeedbackAllowWord, Value: "wkvzqxbrp", Moderator: "Admin", Time: r.now}); err != nil {
		t.Fatal(err)
	}
	if _, err := r.store.AddFeedback(ctx, store.Feedback{Kind: store.FeedbackTrustedEditor, Value: "192.0.2.9", Moderator: "Admin", Time: r.now}); err != nil {
		t.Fatal(err)
	}
	r.insert("192.0.2.3", "Aardvark", " wkvzqxbrp")
	r.insert("192.0.2.9", "Abacus", " zqxvkwbrt")
	if sum := r.mustPass(); sum.Reverted != 0 {
		t.Fatalf("pass = %s; want the allowed word and the trusted editor left alone", sum)
	}
}

// TestFeedbackWithProductionWiring runs one long-lived patroller on the
// per-site store, as run gives every site, and shows that what moderators
// teach in the console (written to that site's store as the console writes
// it) changes the next pass's decisions: an allowed word, a trusted
// editor, a good domain, and a confirmed spam domain.
func TestFeedbackWithProductionWiring(t *testing.T) {
	ctx := context.Background()
	r := newFrig(t)
	site := r.store.Site(store.DefaultSite) // what run gives the wiki's patroller
	log, _ := test.NewNullLogger()
	p, err := bot.New(r.opts, r.site, site, log)
	if err != nil {
		t.Fatal(err)
	}
	pass := func() bot.Summary {
		t.Helper()
		sum, err := p.Pass(ctx)
		if err != nil {
			t.Fatalf("pass: %v", err)
		}
		t.Logf("pass: %s", sum)
		r.tick()
		return sum
	}
	teach := func(ss *store.SiteStore, rev int64, kind store.FeedbackKind, value string) {
		t.Helper()
		// As the console's restore does: the audit entry, then the feedback.
		if _, err := ss.AddAudit(ctx, store.AuditEntry{Time: r.now, Moderator: "Admin", Action: store.AuditRestore, RevID: rev}); err != nil {
			t.Fatal(err)
		}
		if _, err := ss.AddFeedback(ctx, store.Feedback{Kind: kind, Value: value, RevID: rev, Moderator: "Admin", Time: r.now}); err != nil {
			t.Fatal(err)
		}
	}
	decision := func(rev int64) store.Record {
		t.Helper()
		rec, err := site.Record(ctx, rev)
		if err != nil {
			t.Fatal(err)
		}
		return rec
	}
	pass()

	// A rare real word reads as a probe; the moderator restores it and
	// allows the word: the next pass leaves it alone.
	first := r.insert("192.0.2.10", "Aardvark", " qzxwvkrbt")
	if sum := pass(); sum.Reverted != 1 {
		t.Fatalf("the word was not reverted at first: %s", sum)
	}
	teach(site, first, store.FeedbackAllowWord, "qzxwvkrbt")
	again := r.insert("192.0.2.11", "Abacus", " qzxwvkrbt")
	if sum := pass(); sum.Reverted != 0 || decision(again).Verdict != "ok" && decision(again).Action != "none" {
		t.Errorf("allowed word: %s, record %+v; want left alone", sum, decision(again))
	}

	// An editor the moderator vouched for is not patrolled.
	probe := r.insert("192.0.2.20", "Aardvark", " wkvzqxbrp")
	if sum := pass(); sum.Reverted != 1 {
		t.Fatalf("probe not reverted: %s", sum)
	}
	teach(site, probe, store.FeedbackTrustedEditor, "192.0.2.20")
	trusted := r.insert("192.0.2.20", "Abacus", " zqxvkwbrt")
	if sum := pass(); sum.Reverted != 0 {
		t.Errorf("trusted editor: %s, record %+v; want left alone", sum, decision(trusted))
	}

	// A link from a prober's address to a domain the wiki does not cite is
	// reverted; once a moderator calls the domain good, the same editor's
	// link to it is not.
	r.insert("192.0.2.50", "Algae", " wkqzvbxrt")
	pass()
	cite := r.insert("192.0.2.50", "Alchemy", " See [https://birdlife-research.example/report/2019 Birdlife research report].")
	pass()
	if rec := decision(cite); rec.Action != "revert" && rec.Action != "revert_block" {
		t.Fatalf("link from a prober to a new domain: %+v; want reverted", rec)
	}
	teach(site, cite, store.FeedbackGoodDomain, "birdlife-research.example")
	cite2 := r.insert("192.0.2.50", "Aardvark", " See [https://birdlife-research.example/report/2020 Birdlife research report].")
	pass()
	if rec := decision(cite2); rec.Action == "revert" || rec.Action == "revert_block" {
		t.Errorf("link to a domain the moderator called good: %+v; want not reverted", rec)
	}

	// Feedback given on another site does not teach this one its words.
	forum := r.store.Site("forum")
	if _, err := forum.AddFeedback(ctx, store.Feedback{Kind: store.FeedbackAllowWord, Value: "xkqzvbwpl", Moderator: "Mod", Time: r.now}); err != nil {
		t.Fatal(err)
	}
	r.insert("192.0.2.30", "Aardvark", " xkqzvbwpl")
	if sum := pass(); sum.Reverted != 1 {
		t.Errorf("a word allowed on the forum only: %s; want reverted on the wiki", sum)
	}

	// A spam domain a forum moderator confirmed is spam evidence here:
	// its link from an address with no history is reverted and blocked,
	// where an unconfirmed domain's is only reverted.
	plain := r.insert("198.51.100.40", "Abacus", " [https://cheap-watches-deal.example/ buy cheap watches online best price]")
	sum := pass()
	t.Logf("unconfirmed spam domain: %+v", decision(plain))
	blockedBefore := sum.Blocked
	if _, err := forum.AddFeedback(ctx, store.Feedback{Kind: store.FeedbackSpamDomain, Value: "cheap-rolex-deal.example", Moderator: "Mod", Time: r.now}); err != nil {
		t.Fatal(err)
	}
	confirmed := r.insert("198.51.100.41", "Aardvark", " [https://cheap-rolex-deal.example/ buy cheap watches online best price]")
	sum = pass()
	rec := decision(confirmed)
	t.Logf("confirmed spam domain: %+v", rec)
	if sum.Blocked <= blockedBefore || rec.BlockTarget == "" {
		t.Errorf("confirmed spam domain: %s (before: %d blocked), record %+v; want reverted and blocked", sum, blockedBefore, rec)
	}
}

// The wiki's spam blacklist makes a link to a listed domain spam on its own
// (reverted), unless the whitelist lets the domain through; an edit of the
// list takes effect at the next pass.
func TestSpamListsPages(t *testing.T) {
	const black, white = "MediaWiki:Spam-blacklist", "MediaWiki:Spam-whitelist"
	r := newFrig(t)
	r.opts.Words.SpamBlacklistPage, r.opts.Words.SpamWhitelistPage = black, white
	r.site.save(bot.Author{Name: "Admin"}, black, "# spam\n\\bquietlodge\\.example\\b\n\\bharbourview\\.example\\b\n\\bsunnyfields\\.example\\b\n", r.tick())
	r.site.save(bot.Author{Name: "Admin"}, white, "\\bharbourview\\.example\\b\n", r.tick())
	r.mustPass()

	// A plain link, no history: left alone on its content, but its domain
	// is on the blacklist.
	r.insert("192.0.2.1", "Aardvark", " See [http://www.quietlodge.example/rooms the lodge].")
	if sum := r.mustPass(); sum.Reverted != 1 {
		t.Fatalf("pass = %s; want the blacklisted link reverted", sum)
	}
	r.insert("192.0.2.2", "Abacus", " See [http://www.harbourview.example/rooms the harbour].")
	if sum := r.mustPass(); sum.Reverted != 0 {
		t.Fatalf("pass = %s; want the whitelisted link left alone", sum)
	}

	// The administrator empties the blacklist: the next pass reads it
	// again, and a link to a domain it listed (but no edit spammed yet) is
	// judged on its content alone.
	r.site.save(bot.Author{Name: "Admin"}, black, "# spam\n", r.tick())
	r.mustPass()
	r.insert("192.0.2.3", "Aardvark", " See [http://www.sunnyfields.example/garden the garden].")
	if sum := r.mustPass(); sum.Reverted != 0 {
		t.Fatalf("pass = %s; want the link, off the list now, left alone", sum)
	}
}
