package mediawiki_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/internal/testwiki"
	"github.com/wikiwarden/wikiwarden/mediawiki"
)

func TestModerationCalls(t *testing.T) {
	w := testwiki.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	opts := mediawiki.Options{API: w.API, UserAgent: "wikiwarden-test (User:Admin)"}

	acct, err := mediawiki.CheckPassword(ctx, opts, w.AdminUser, w.AdminPassword)
	if err != nil || acct.Name != w.AdminUser || !slices.Contains(acct.Groups, "sysop") {
		t.Fatalf("CheckPassword(Admin) = %+v, %v; want Admin in sysop", acct, err)
	}
	for _, c := range []struct{ user, pass string }{{w.AdminUser, "wrong password"}, {"NoSuchUser", "whatever1234"}} {
		if _, err := mediawiki.CheckPassword(ctx, opts, c.user, c.pass); !errors.Is(err, mediawiki.ErrLoginFailed) {
			t.Errorf("CheckPassword(%s, wrong) err = %v, want ErrLoginFailed", c.user, err)
		}
	}

	mw, err := mediawiki.New(mediawiki.Options{API: w.API, UserAgent: opts.UserAgent, Username: w.BotUser, Password: w.BotPassword})
	if err != nil {
		t.Fatal(err)
	}
	if err := mw.Login(ctx); err != nil {
		t.Fatal(err)
	}
	if err := mw.Block(ctx, mediawiki.BlockParams{Target: "192.0.2.99", Expiry: "1 day", AnonOnly: true}); err != nil {
		t.Fatal(err)
	}
	if err := mw.Unblock(ctx, "192.0.2.99", "test"); err != nil {
		t.Errorf("Unblock: %v", err)
	}
	if blocked, _ := w.Blocked(ctx, "192.0.2.99"); blocked {
		t.Error("still blocked after Unblock")
	}
	var ae *mediawiki.APIError
	if err := mw.Unblock(ctx, "192.0.2.99", "again"); !errors.As(err, &ae) || ae.Code != "cantunblock" {
		t.Errorf("second Unblock err = %v, want cantunblock", err)
	}
	// A moderator's groups and block, read through the bot's session; a
	// block lifted by its id, and only that block.
	m, err := mw.Member(ctx, w.AdminUser)
	if err != nil || m.Missing || m.Blocked || !slices.Contains(m.Groups, "sysop") {
		t.Errorf("Member(Admin) = %+v, %v; want a sysop, not blocked", m, err)
	}
	if m, err := mw.Member(ctx, "No such moderator"); err != nil || !m.Missing {
		t.Errorf("Member(unknown) = %+v, %v; want Missing", m, err)
	}
	if err := mw.Block(ctx, mediawiki.BlockParams{Target: w.AdminUser, Expiry: "1 day"}); err != nil {
		t.Fatal(err)
	}
	if m, err := mw.Member(ctx, w.AdminUser); err != nil || !m.Blocked {
		t.Errorf("Member(blocked Admin) = %+v, %v; want Blocked", m, err)
	}
	info, err := mw.BlockInfo(ctx, w.AdminUser)
	if err != nil {
		t.Fatal(err)
	}
	if err := mw.UnblockID(ctx, info.ID+1000, "not this one"); !errors.Is(err, mediawiki.ErrNotFound) {
		t.Errorf("UnblockID of no block = %v, want ErrNotFound", err)
	}
	if err := mw.UnblockID(ctx, info.ID, "test"); err != nil {
		t.Errorf("UnblockID: %v", err)
	}
	if m, err := mw.Member(ctx, w.AdminUser); err != nil || m.Blocked {
		t.Errorf("Member(Admin) after UnblockID = %+v, %v; want not blocked", m, err)
	}

	if _, err := w.AnonEdit(ctx, "192.0.2.98", "Doomed", "spam page", ""); err != nil {
		t.Fatal(err)
	}
	if err := mw.Delete(ctx, "Doomed", "test"); err != nil {
		t.Errorf("Delete: %v", err)
	}
	if _, err := w.PageText(ctx, "Doomed"); !errors.Is(err, testwiki.ErrNoPage) {
		t.Errorf("page after Delete: %v", err)
	}
}
