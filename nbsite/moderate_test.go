package nbsite

import (
	"context"
	"errors"
	"net/netip"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/moderation"
	"github.com/wikiwarden/wikiwarden/nodebb"
	"github.com/wikiwarden/wikiwarden/store"
)

// modForum is a forum with a blacklist and one removed post, noting what
// the port undoes.
type modForum struct {
	ModForum // unused methods panic
	rules    []nodebb.Rule
	restored []int64
	unbanned []int64
	removed  []netip.Prefix
}

func (f *modForum) Post(_ context.Context, pid int64) (nodebb.Post, error) {
	return nodebb.Post{PID: pid, UID: 9, Author: nodebb.User{UID: 9, Username: "cheapdeals77"}}, nil
}
func (f *modForum) Restore(_ context.Context, pid int64) error {
	f.restored = append(f.restored, pid)
	return nil
}
func (f *modForum) Unban(_ context.Context, uid int64) error {
	f.unbanned = append(f.unbanned, uid)
	return nil
}
func (f *modForum) Blacklist(context.Context) ([]nodebb.Rule, error) { return f.rules, nil }
func (f *modForum) Unblock(_ context.Context, p netip.Prefix) error {
	f.removed = append(f.removed, p)
	return nil
}

type blocks []store.Block

func (b blocks) Blocks(context.Context, string) ([]store.Block, error) { return b, nil }

// TestRestoreUndoesOnlyTheBotsOwn: restoring a removed post restores it,
// lifts the ban the bot placed with it, and removes the blacklist line only
// when it is the bot's line for this post.
func TestRestoreUndoesOnlyTheBotsOwn(t *testing.T) {
	rec := store.Record{RevID: 31, Title: "topic 4: Deals", User: "cheapdeals77", IP: "192.0.2.77",
		Action: decision.ActionRevertBlock, BlockTarget: "192.0.2.77"}
	bl := blocks{{Target: "192.0.2.77", RevID: 31, Time: time.Now(), Reason: "wikiwarden: link spam following random-token probes (post 31 by cheapdeals77); account banned"}}
	target := netip.MustParsePrefix("192.0.2.77/32")
	for _, tc := range []struct {
		name    string
		comment string
		removed bool
	}{
		{"the bot's line", "wikiwarden: link spam following random-token probes (post 31 by cheapdeals77), until 2026-03-08", true},
		{"an admin's line", "spammer, added by hand", false},
		{"the bot's line for another post", "wikiwarden: link spam following random-token probes (post 12 by someone)", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &modForum{rules: []nodebb.Rule{{Prefix: target, Comment: tc.comment}}}
			m := NewModerator(f, bl, ModeratorOptions{SummaryPrefix: "wikiwarden:"})
			got, err := m.Restore(context.Background(), rec, "Mod")
			if err != nil {
				t.Fatal(err)
			}
			if len(f.restored) != 1 || len(f.unbanned) != 1 || f.unbanned[0] != 9 {
				t.Errorf("restored %v, unbanned %v; want post 31 and uid 9", f.restored, f.unbanned)
			}
			if (len(f.removed) == 1) != tc.removed {
				t.Errorf("blacklist lines removed: %v; want removed=%v (%s)", f.removed, tc.removed, got)
			}
			if strings.Contains(got, "192.0.2.77") {
				t.Errorf("the outcome names a registered user's address: %q", got)
			}
		})
	}
}

// TestModeratorLogin: a forum moderator's password check and look-up map
// onto the console's identity: groups (administrators and global
// moderators named as such), ban, and the forum refusing as bad
// credentials, unlike the forum being down.
func TestModeratorLogin(t *testing.T) {
	var answer error
	user := nodebb.User{UID: 4, Username: "modsquad", GlobalMod: true, Groups: []string{"registered-users"}, Banned: true}
	m := NewModerator(&modForum{}, nil, ModeratorOptions{CheckPassword: func(context.Context, string, string) (nodebb.User, error) {
		return user, answer
	}})
	id, err := m.Authenticate(context.Background(), "modsquad", "pw")
	if err != nil || id.Name != "modsquad" || !slices.Contains(id.Groups, "Global Moderators") || !id.Blocked {
		t.Errorf("Authenticate = %+v, %v", id, err)
	}
	answer = &nodebb.Error{Op: "login", Kind: nodebb.Permanent, Code: "http 403"}
	if _, err := m.Authenticate(context.Background(), "modsquad", "wrong"); !errors.Is(err, moderation.ErrBadCredentials) {
		t.Errorf("wrong password: %v, want ErrBadCredentials", err)
	}
	answer = &nodebb.Error{Op: "login", Kind: nodebb.Transient, Code: "http 503"}
	if _, err := m.Authenticate(context.Background(), "modsquad", "pw"); err == nil || errors.Is(err, moderation.ErrBadCredentials) {
		t.Errorf("forum down: %v, want an error other than ErrBadCredentials", err)
	}
}
