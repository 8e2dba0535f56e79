package nodebb_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/internal/testforum"
	"github.com/wikiwarden/wikiwarden/nodebb"
)

// TestCheckPasswordAndUserByName: the review console checks a forum
// moderator's own password in a client of its own, and reads an account's
// groups and ban by name through the bot's.
func TestCheckPasswordAndUserByName(t *testing.T) {
	t.Parallel()
	f := testforum.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	u, err := nodebb.CheckPassword(ctx, nodebb.Config{URL: f.URL, Username: f.AdminUser, Password: f.AdminPassword})
	if err != nil || u.Username != f.AdminUser || !u.Admin || !slices.Contains(u.Groups, "administrators") {
		t.Fatalf("CheckPassword(admin) = %+v, %v; want the administrator", u, err)
	}
	member, err := f.Register(ctx, "198.18.3.3", "plainmember")
	if err != nil {
		t.Fatal(err)
	}
	u, err = nodebb.CheckPassword(ctx, nodebb.Config{URL: f.URL, Username: member.Username, Password: member.Password})
	if err != nil || u.UID != member.UID || u.Admin || u.GlobalMod {
		t.Errorf("CheckPassword(member) = %+v, %v; want a plain member", u, err)
	}
	_, err = nodebb.CheckPassword(ctx, nodebb.Config{URL: f.URL, Username: f.AdminUser, Password: "wrong-password-1"})
	wantKind(t, "wrong password", err, nodebb.Permanent)
	_, err = nodebb.CheckPassword(ctx, nodebb.Config{URL: f.URL, Username: "nobody-here", Password: "wrong-password-1"})
	wantKind(t, "unknown account", err, nodebb.Permanent)

	c := newClient(t, f)
	got, err := c.UserByName(ctx, member.Username)
	if err != nil || got.UID != member.UID || got.Banned {
		t.Errorf("UserByName(member) = %+v, %v", got, err)
	}
	if err := c.Ban(ctx, member.UID, time.Now().Add(time.Hour), "test"); err != nil {
		t.Fatal(err)
	}
	if got, err := c.UserByName(ctx, member.Username); err != nil || !got.Banned {
		t.Errorf("UserByName(banned member) = %+v, %v; want Banned", got, err)
	}
	_, err = c.UserByName(ctx, "nobody-here")
	wantKind(t, "unknown name", err, nodebb.Permanent)
}
