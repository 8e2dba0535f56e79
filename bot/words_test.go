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
