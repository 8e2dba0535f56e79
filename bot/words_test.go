package bot_test

import (
	"context"
	"testing"

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
