package nbsite

// The moderation port: what the review console's moderators do on a forum,
// through the bot's client and account, in their own name: restore a
// removed post or topic, lift the ban and the blacklist line the bot placed
// for it, remove a post or topic, ban or blacklist its author.

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"time"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/moderation"
	"github.com/wikiwarden/wikiwarden/nodebb"
	"github.com/wikiwarden/wikiwarden/store"
)

// ModForum is what the moderation port uses of a NodeBB forum, through the
// bot's session; *nodebb.Client is one.
type ModForum interface {
	Newest(ctx context.Context) (int64, error)
	Post(ctx context.Context, pid int64) (nodebb.Post, error)
	Topic(ctx context.Context, tid int64) (nodebb.Topic, error)
	User(ctx context.Context, uid int64) (nodebb.User, error)
	Remove(ctx context.Context, pid int64, purge bool) (nodebb.Removal, error)
	Restore(ctx context.Context, pid int64) error
	Ban(ctx context.Context, uid int64, until time.Time, reason string) error
	Unban(ctx context.Context, uid int64) error
	Blacklist(ctx context.Context) ([]nodebb.Rule, error)
	Block(ctx context.Context, target netip.Prefix, reason string) error
	Unblock(ctx context.Context, target netip.Prefix) error
	UserByName(ctx context.Context, name string) (nodebb.User, error)
}

// BlockReader is the site's memory of the blocks the bot placed;
// *store.SiteStore is one.
type BlockReader interface {
	Blocks(ctx context.Context, target string) ([]store.Block, error)
}

// ModeratorOptions configure the forum's moderation port.
type ModeratorOptions struct {
	SummaryPrefix string // start of every reason, "wikiwarden:"
	// BanFor is how long a moderator's ban lasts; 0 means a week.
	BanFor time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// CheckPassword checks a forum moderator's own password in a client
	// of its own (nodebb.CheckPassword with the forum's URL); nil: nobody
	// logs in with the forum's accounts.
	CheckPassword func(ctx context.Context, user, password string) (nodebb.User, error)
}

// Moderator is the forum's moderation port.
type Moderator struct {
	forum  ModForum
	blocks BlockReader
	opts   ModeratorOptions
}

var (
	_ moderation.Site          = (*Moderator)(nil)
	_ moderation.Authenticator = (*Moderator)(nil)
)

// Authenticate checks a forum moderator's own password and returns the
// account with its groups ("administrators", "Global Moderators", ...) and
// ban.
func (m *Moderator) Authenticate(ctx context.Context, user, password string) (moderation.Identity, error) {
	if m.opts.CheckPassword == nil {
		return moderation.Identity{}, moderation.ErrBadCredentials
	}
	u, err := m.opts.CheckPassword(ctx, user, password)
	if err != nil {
		return moderation.Identity{}, accountError(err)
	}
	return identity(u), nil
}

// Lookup reads an account's groups and ban through the bot's session.
func (m *Moderator) Lookup(ctx context.Context, name string) (moderation.Identity, error) {
	u, err := m.forum.UserByName(ctx, name)
	if err != nil {
		return moderation.Identity{}, accountError(err)
	}
	return identity(u), nil
}

// accountError maps a failed login or look-up: the forum refusing is
// ErrBadCredentials, the forum unreachable stays an error.
func accountError(err error) error {
	if k := nodebb.KindOf(err); k == nodebb.Transient || k == 0 {
		return err
	}
	return moderation.ErrBadCredentials
}

// identity is a forum account as the console sees a moderator.
func identity(u nodebb.User) moderation.Identity {
	groups := append([]string(nil), u.Groups...)
	for _, g := range []struct {
		on   bool
		name string
	}{{u.Admin, "administrators"}, {u.GlobalMod, "Global Moderators"}} {
		if g.on && !slices.Contains(groups, g.name) {
			groups = append(groups, g.name)
		}
	}
	return moderation.Identity{Name: u.Username, Groups: groups, Blocked: u.Banned}
}

// NewModerator returns the moderation port on f, reading the bot's blocks
// from blocks.
func NewModerator(f ModForum, blocks BlockReader, opts ModeratorOptions) *Moderator {
	if opts.BanFor <= 0 {
		opts.BanFor = 7 * 24 * time.Hour
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Moderator{forum: f, blocks: blocks, opts: opts}
}

// Texts reads the records' posts: a post has no text before it, and its
// Markdown as written.
func (m *Moderator) Texts(ctx context.Context, recs []store.Record) (map[int64]moderation.Text, error) {
	out := make(map[int64]moderation.Text, len(recs))
	for _, r := range recs {
		p, err := m.forum.Post(ctx, r.RevID)
		switch {
		case nodebb.KindOf(err) == nodebb.Permanent:
			out[r.RevID] = moderation.Text{Missing: true, Format: "markdown"}
		case err != nil:
			return nil, err
		default:
			out[r.RevID] = moderation.Text{New: p.Content, Format: "markdown"}
		}
	}
	return out, nil
}

// Reachable asks the forum for its newest post.
func (m *Moderator) Reachable(ctx context.Context) error {
	_, err := m.forum.Newest(ctx)
	return err
}

// by is how reasons name the moderator.
func (m *Moderator) by(verb, moderator string) string {
	return fmt.Sprintf("%s %s by moderator %s", m.opts.SummaryPrefix, verb, moderator)
}

// Restore restores the post (or the topic it opened) the bot removed, and
// lifts the blacklist line and the ban the bot placed for it: only a line
// whose comment names this post (the bot's own), and a ban the bot's block
// of this post included. A post restored meanwhile is not an error.
func (m *Moderator) Restore(ctx context.Context, rec store.Record, moderator string) (string, error) {
	var done []string
	if (decision.Decision{Action: rec.Action}).Reverts() {
		err := m.forum.Restore(ctx, rec.RevID)
		switch {
		case errors.Is(err, nodebb.AlreadyDone):
			done = append(done, fmt.Sprintf("Post %d was already restored.", rec.RevID))
		case err != nil:
			return "", fmt.Errorf("restore post %d: %w", rec.RevID, err)
		default:
			done = append(done, fmt.Sprintf("Restored post %d in %s.", rec.RevID, rec.Title))
		}
	}
	if rec.BlockTarget != "" {
		msg, err := m.liftBlock(ctx, rec)
		if err != nil {
			return strings.Join(done, " "), fmt.Errorf("%s but the block stays: %w", strings.Join(done, " "), err)
		}
		done = append(done, msg...)
	}
	return strings.Join(done, " "), nil
}

// liftBlock removes the bot's blacklist line for rec and lifts the ban the
// bot placed with it.
func (m *Moderator) liftBlock(ctx context.Context, rec store.Record) ([]string, error) {
	var block *store.Block
	if m.blocks != nil {
		bs, err := m.blocks.Blocks(ctx, rec.BlockTarget)
		if err != nil {
			return nil, err
		}
		for i := range bs {
			if bs[i].RevID == rec.RevID {
				block = &bs[i]
			}
		}
	}
	var done []string
	if target, ok := parseTarget(rec.BlockTarget); ok {
		msg, err := m.unblacklist(ctx, rec, target)
		if err != nil {
			return nil, err
		}
		if msg != "" {
			done = append(done, msg)
		}
	}
	banned := block != nil && strings.Contains(block.Reason, "account banned")
	if _, isIP := parseTarget(rec.BlockTarget); !isIP {
		banned = block != nil // a block of the account itself is a ban
	}
	if banned && !rec.Anon {
		p, err := m.forum.Post(ctx, rec.RevID)
		if err != nil {
			return nil, err
		}
		switch err := m.forum.Unban(ctx, p.UID); {
		case errors.Is(err, nodebb.AlreadyDone):
			done = append(done, fmt.Sprintf("The ban of %s had already ended.", rec.User))
		case err != nil:
			return nil, err
		default:
			done = append(done, fmt.Sprintf("Lifted the ban of %s.", rec.User))
		}
	}
	return done, nil
}

// unblacklist removes target's blacklist line when it is the bot's line
// for rec: its comment starts with the summary prefix and names the post.
// A line placed by an administrator, or by the bot for another post,
// stays.
func (m *Moderator) unblacklist(ctx context.Context, rec store.Record, target netip.Prefix) (string, error) {
	rules, err := m.forum.Blacklist(ctx)
	if err != nil {
		return "", err
	}
	shown := "the address"
	if rec.Anon {
		shown = target.String()
	}
	ours := fmt.Sprintf("(post %d by ", rec.RevID)
	for _, r := range rules {
		if !r.Prefix.IsValid() || r.Prefix.Masked() != target.Masked() {
			continue
		}
		if !strings.HasPrefix(r.Comment, strings.TrimSpace(m.opts.SummaryPrefix)) || !strings.Contains(r.Comment, ours) {
			return fmt.Sprintf("The blacklist line of %s is not the bot's for this post: left in place.", shown), nil
		}
		switch err := m.forum.Unblock(ctx, target); {
		case errors.Is(err, nodebb.AlreadyDone):
			return fmt.Sprintf("The blacklist line of %s was already gone.", shown), nil
		case err != nil:
			return "", err
		}
		return fmt.Sprintf("Removed the bot's blacklist line of %s.", shown), nil
	}
	return fmt.Sprintf("The blacklist line of %s was already gone.", shown), nil
}

// Revert removes the post now (soft delete: restorable).
func (m *Moderator) Revert(ctx context.Context, rec store.Record, moderator string) (string, error) {
	rm, err := m.forum.Remove(ctx, rec.RevID, false)
	if errors.Is(err, nodebb.AlreadyDone) {
		return fmt.Sprintf("Post %d was already removed.", rec.RevID), nil
	}
	if err != nil {
		return "", err
	}
	if rm.Topic {
		return fmt.Sprintf("Removed the topic opened by post %d.", rec.RevID), nil
	}
	return fmt.Sprintf("Removed post %d.", rec.RevID), nil
}

// DeletePage removes the whole topic: its opening post.
func (m *Moderator) DeletePage(ctx context.Context, rec store.Record, moderator string) (string, error) {
	p, err := m.forum.Post(ctx, rec.RevID)
	if err != nil {
		return "", err
	}
	if _, err := m.forum.Remove(ctx, p.Topic.MainPID, false); err != nil && !errors.Is(err, nodebb.AlreadyDone) {
		return "", err
	}
	return fmt.Sprintf("Removed the topic %s.", rec.Title), nil
}

// Block bans a registered author, or blacklists a guest's address.
func (m *Moderator) Block(ctx context.Context, rec store.Record, moderator string) (string, error) {
	reason := fmt.Sprintf("%s: post %d", m.by("blocked", moderator), rec.RevID)
	if !rec.Anon {
		p, err := m.forum.Post(ctx, rec.RevID)
		if err != nil {
			return "", err
		}
		until := m.opts.Now().Add(m.opts.BanFor)
		err = m.forum.Ban(ctx, p.UID, until, reason)
		if errors.Is(err, nodebb.AlreadyDone) {
			return fmt.Sprintf("%s was already banned.", rec.User), nil
		}
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("Banned %s until %s.", rec.User, until.UTC().Format(time.DateOnly)), nil
	}
	target, ok := parseTarget(rec.IP)
	if !ok {
		return "", errors.New("the forum kept no address for this guest post")
	}
	err := m.forum.Block(ctx, target, reason)
	if errors.Is(err, nodebb.AlreadyDone) {
		return fmt.Sprintf("%s was already blacklisted.", rec.IP), nil
	}
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("Blacklisted %s.", rec.IP), nil
}
