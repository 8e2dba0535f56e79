package bot_test

import (
	"context"
	"net/netip"
	"testing"

	"github.com/wikiwarden/wikiwarden/bot"
)

// TestRegisteredProberThenSpammerBlocked: a registered account (a forum's,
// whose posts carry their address) whose own probe the bot removed, and
// which then posts link spam, is blocked (on a forum: banned), as a
// repeat offender; an account with no probe behind it that posts the same
// spam is only reverted.
func TestRegisteredProberThenSpammerBlocked(t *testing.T) {
	r := newFrig(t)
	r.mustPass()
	spammer := bot.Author{Name: "cheapdeals77", IP: netip.MustParseAddr("203.0.113.77")}
	insertBy := func(a bot.Author, title, addition string) int64 {
		text := r.site.text(title)
		return r.site.save(a, title, text+"\n"+addition, r.tick())
	}
	insertBy(spammer, "Aardvark", "qzxvkwbrtl")
	if sum := r.mustPass(); sum.Reverted != 1 {
		t.Fatalf("the account's probe was not removed: %s", sum)
	}
	spam := insertBy(spammer, "Abacus", spamLinks)
	clean := bot.Author{Name: "newcomer", IP: netip.MustParseAddr("198.18.7.7")}
	other := insertBy(clean, "Algae", spamLinks)
	r.mustPass()
	rec, err := r.store.Record(context.Background(), spam)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Action != "revert_block" || rec.BlockTarget == "" {
		t.Errorf("spam of the account that probed: %+v; want reverted and blocked", rec)
	}
	orec, err := r.store.Record(context.Background(), other)
	if err != nil {
		t.Fatal(err)
	}
	if orec.BlockTarget != "" {
		t.Errorf("spam of an account with no history: %+v; want not blocked", orec)
	}
}
