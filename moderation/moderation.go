// Package moderation is the port between the review console and the sites
// it moderates: what a moderator can ask of a site (check their own
// password and groups, read an edit's text, undo the bot's action, act on
// an item the bot left for a human), in the console's words. Each site
// kind's adapter (mwsite for MediaWiki, nbsite for NodeBB) implements it
// next to the patrol port, and package web consumes it; neither knows the
// other, and cmd/wikiwarden only wires a site's name to its adapter.
package moderation

import (
	"context"
	"errors"

	"github.com/wikiwarden/wikiwarden/store"
)

// Identity is a moderator as their site knows them.
type Identity struct {
	Name   string   // the canonical user name
	Groups []string // the user groups: "sysop" on a wiki, "Global Moderators" on a forum
	// Blocked says the account is blocked or banned: a blocked moderator
	// may not act through the bot's account.
	Blocked bool
}

// Error sentinels of the port.
var (
	// ErrBadCredentials is what Authenticate returns for a wrong password
	// and for an unknown account alike, and Lookup for an account that no
	// longer exists.
	ErrBadCredentials = errors.New("wrong user name or password")
	// ErrLaterEditor is what Restore returns when someone changed the
	// place after the bot's action: restoring would overwrite them.
	ErrLaterEditor = errors.New("someone edited the page after the bot's revert")
)

// Authenticator checks moderators against a site's own accounts.
type Authenticator interface {
	// Authenticate checks username's password on the site and returns who
	// that is, with their groups and block. A wrong password or unknown
	// account is ErrBadCredentials; any other error means the site could
	// not be asked. The password must not be kept or logged.
	Authenticate(ctx context.Context, username, password string) (Identity, error)
	// Lookup returns the account called name as the site has it now,
	// without a password: how a session's rights are checked again. An
	// account that no longer exists is ErrBadCredentials; any other error
	// means the site could not be asked.
	Lookup(ctx context.Context, name string) (Identity, error)
}

// Text is a contribution's text before and after, as the site has it now.
type Text struct {
	Old, New string
	Comment  string // the edit summary, if the site keeps one
	Missing  bool   // the contribution was deleted for good or hidden
	// Format is the markup of the text: "wikitext" or "markdown".
	Format string
}

// Site is what the console reads from and does on one site, as the bot's
// account, with summaries and reasons naming the moderator. Each action
// returns a short sentence saying what happened, for the audit trail.
type Site interface {
	// Texts returns the texts of the records' contributions, keyed by
	// their id, in as few requests as it can. A record whose contribution
	// is gone maps to a Text with Missing set; an error means the site
	// could not be asked.
	Texts(ctx context.Context, recs []store.Record) (map[int64]Text, error)
	// Reachable reports whether the site answers: nil when it does.
	Reachable(ctx context.Context) error
	// Restore undoes what the bot did to rec's contribution: the revert or
	// removal, and the block, ban or blacklist line the bot placed for it
	// (only the bot's own, never one placed by someone else or for other
	// contributions). It returns ErrLaterEditor, changing nothing, when
	// the place changed after the bot's action.
	Restore(ctx context.Context, rec store.Record, moderator string) (string, error)
	// Revert removes rec's contribution now, whatever the bot held it
	// back for (a later editor's work is kept: the undo fails).
	Revert(ctx context.Context, rec store.Record, moderator string) (string, error)
	// DeletePage deletes rec's page or topic (or tags it for deletion
	// when the bot lacks the right).
	DeletePage(ctx context.Context, rec store.Record, moderator string) (string, error)
	// Block blocks rec's editor: its address, or the account.
	Block(ctx context.Context, rec store.Record, moderator string) (string, error)
}
