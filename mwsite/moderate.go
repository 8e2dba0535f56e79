package mwsite

// The moderation port: what the review console's moderators do on a wiki,
// through the bot's client and account, in their own name.

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/mediawiki"
	"github.com/wikiwarden/wikiwarden/moderation"
	"github.com/wikiwarden/wikiwarden/store"
)

// ModWiki is what the moderation port uses of a MediaWiki, through the
// bot's session; *mediawiki.Client is one.
type ModWiki interface {
	Account(ctx context.Context) (mediawiki.Account, error)
	Revisions(ctx context.Context, revIDs []int64) (map[int64]mediawiki.Revision, error)
	Pages(ctx context.Context, titles []string) (map[string]mediawiki.Page, error)
	Rollback(ctx context.Context, title, user, summary string) error
	Undo(ctx context.Context, title string, revID int64, summary string) error
	Edit(ctx context.Context, p mediawiki.EditParams) (int64, error)
	Delete(ctx context.Context, title, reason string) error
	Block(ctx context.Context, p mediawiki.BlockParams) error
	BlockInfo(ctx context.Context, target string) (mediawiki.BlockInfo, error)
	UnblockID(ctx context.Context, id int64, reason string) error
	Member(ctx context.Context, name string) (mediawiki.Member, error)
}

// BlockReader is the site's memory of the blocks the bot placed;
// *store.SiteStore is one.
type BlockReader interface {
	Blocks(ctx context.Context, target string) ([]store.Block, error)
}

// ModeratorOptions configure the moderation port.
type ModeratorOptions struct {
	// Account is the bot's account name (the name of a bot password
	// login without its "@label").
	Account          string
	SummaryPrefix    string // start of every summary and reason, "wikiwarden:"
	DeletionTemplate string // as Options.DeletionTemplate
	BlockExpiry      string // a moderator's block's expiry, e.g. "1 week"
	// CheckPassword checks a moderator's own password in a session of
	// its own (mediawiki.CheckPassword with the wiki's options).
	CheckPassword func(ctx context.Context, user, password string) (mediawiki.Account, error)
	// ObserveError, if set, is told the kind of every failed wiki call
	// (see ErrorKind).
	ObserveError func(kind string)
}

// Moderator is the wiki's moderation port: the console's moderators check
// their password and groups, and act, through the bot's client and
// account, in their own name.
type Moderator struct {
	mw     ModWiki
	blocks BlockReader
	opts   ModeratorOptions
}

var (
	_ moderation.Site          = (*Moderator)(nil)
	_ moderation.Authenticator = (*Moderator)(nil)
)

// NewModerator returns the moderation port on w, reading the bot's blocks
// from blocks.
func NewModerator(w ModWiki, blocks BlockReader, opts ModeratorOptions) *Moderator {
	if opts.BlockExpiry == "" {
		opts.BlockExpiry = "1 week"
	}
	return &Moderator{mw: w, blocks: blocks, opts: opts}
}

// Authenticate checks the moderator's password with action=clientlogin in
// a session of its own, then reads their groups and block.
func (w *Moderator) Authenticate(ctx context.Context, user, password string) (moderation.Identity, error) {
	if w.opts.CheckPassword == nil {
		return moderation.Identity{}, errors.New("mwsite: moderator: no password check configured")
	}
	acct, err := w.opts.CheckPassword(ctx, user, password)
	if errors.Is(err, mediawiki.ErrLoginFailed) {
		return moderation.Identity{}, moderation.ErrBadCredentials
	}
	if err != nil {
		return moderation.Identity{}, w.observe(err)
	}
	return w.Lookup(ctx, acct.Name)
}

// Lookup reads the account's groups and block through the bot's session.
func (w *Moderator) Lookup(ctx context.Context, name string) (moderation.Identity, error) {
	m, err := w.mw.Member(ctx, name)
	if err != nil {
		return moderation.Identity{}, w.observe(err)
	}
	if m.Missing {
		return moderation.Identity{}, moderation.ErrBadCredentials
	}
	return moderation.Identity{Name: m.Name, Groups: m.Groups, Blocked: m.Blocked}, nil
}

// observe counts a failed wiki call by kind and returns err.
func (w *Moderator) observe(err error) error {
	if err != nil && w.opts.ObserveError != nil {
		w.opts.ObserveError(ErrorKind(err))
	}
	return err
}

// ErrorKind names a wiki error's kind for metrics: unavailable, maxlag,
// rate_limited, not_logged_in, permission, conflict, blocked or other.
func ErrorKind(err error) string {
	for _, k := range []struct {
		err  error
		kind string
	}{
		{mediawiki.ErrUnavailable, "unavailable"}, {context.DeadlineExceeded, "unavailable"}, {mediawiki.ErrMaxlag, "maxlag"},
		{mediawiki.ErrRateLimited, "rate_limited"}, {mediawiki.ErrNotLoggedIn, "not_logged_in"}, {mediawiki.ErrBadToken, "not_logged_in"},
		{mediawiki.ErrPermission, "permission"}, {mediawiki.ErrProtected, "permission"}, {mediawiki.ErrEditConflict, "conflict"},
		{mediawiki.ErrAlreadyRolled, "conflict"}, {mediawiki.ErrBlocked, "blocked"},
	} {
		if errors.Is(err, k.err) {
			return k.kind
		}
	}
	return "other"
}

// Texts reads the records' revisions and their parents in one batch.
func (w *Moderator) Texts(ctx context.Context, recs []store.Record) (map[int64]moderation.Text, error) {
	var ids []int64
	for _, r := range recs {
		ids = append(ids, r.RevID)
		if r.OldRevID != 0 {
			ids = append(ids, r.OldRevID)
		}
	}
	out := map[int64]moderation.Text{}
	if len(ids) == 0 {
		return out, nil
	}
	revs, err := w.mw.Revisions(ctx, ids)
	if err != nil {
		return nil, w.observe(err)
	}
	for _, r := range recs {
		nr, ok := revs[r.RevID]
		or, oldOK := revs[r.OldRevID]
		if !ok || nr.Missing || (r.OldRevID != 0 && (!oldOK || or.Missing)) {
			out[r.RevID] = moderation.Text{Missing: true, Format: "wikitext"}
			continue
		}
		out[r.RevID] = moderation.Text{Old: or.Content, New: nr.Content, Comment: nr.Comment, Format: "wikitext"}
	}
	return out, nil
}

// Reachable asks the wiki who the bot is.
func (w *Moderator) Reachable(ctx context.Context) error {
	_, err := w.mw.Account(ctx)
	return w.observe(err)
}

// by is how summaries and reasons name the moderator.
func (w *Moderator) by(verb, moderator string) string {
	return fmt.Sprintf("%s %s by moderator [[User:%s|%s]]", w.opts.SummaryPrefix, verb, moderator, moderator)
}

// latest returns the page's current state.
func (w *Moderator) latest(ctx context.Context, title string) (mediawiki.Page, error) {
	pages, err := w.mw.Pages(ctx, []string{title})
	if err != nil {
		return mediawiki.Page{}, w.observe(err)
	}
	pg, ok := pages[title]
	if !ok || pg.Missing {
		return mediawiki.Page{}, fmt.Errorf("page %q no longer exists", title)
	}
	return pg, nil
}

// Restore undoes the bot's revert when it is still the page's latest
// revision and reverted rec's editor, then lifts the bot's block.
func (w *Moderator) Restore(ctx context.Context, rec store.Record, moderator string) (string, error) {
	var done []string
	if (decision.Decision{Action: rec.Action}).Reverts() {
		pg, err := w.latest(ctx, rec.Title)
		if err != nil {
			return "", err
		}
		top := pg.Latest
		if top.User != w.opts.Account || top.RevID <= rec.RevID {
			return "", moderation.ErrLaterEditor
		}
		// The bot's revert must be of this editor's run of edits that
		// starts at or before rec: walk back from the revert's parent
		// through the editor's revisions to rec's. Anyone else on the way
		// (another editor, or the bot reverting a later edit of the same
		// editor) means undoing the top would restore something else.
		if ok, err := w.runOf(ctx, rec, top.ParentID); err != nil {
			return "", err
		} else if !ok {
			return "", moderation.ErrLaterEditor
		}
		summary := fmt.Sprintf("%s: undo of the bot's revert of revision %d by [[Special:Contributions/%s|%s]]",
			w.by("restored", moderator), rec.RevID, rec.User, rec.User)
		if err := w.mw.Undo(ctx, rec.Title, top.RevID, summary); err != nil {
			if errors.Is(err, mediawiki.ErrEditConflict) {
				return "", moderation.ErrLaterEditor
			}
			return "", w.observe(err)
		}
		done = append(done, fmt.Sprintf("Restored the edit on %s.", rec.Title))
	}
	if rec.BlockTarget != "" {
		msg, err := w.liftBlock(ctx, rec, moderator)
		if err != nil {
			return strings.Join(done, " "), w.observe(fmt.Errorf("%s but the block of %s stays: %w", strings.Join(done, " "), rec.BlockTarget, err))
		}
		done = append(done, msg)
	}
	return strings.Join(done, " "), nil
}

// blockSlack is how far apart the bot's record of a block and the wiki's
// timestamp of it may be (the record is written after the block request).
const blockSlack = 10 * time.Minute

// liftBlock lifts the block the bot placed for rec, by the block's id, and
// only that block: a block on the same target placed by someone else, or
// by the bot for another edit, stays. Lifting a block that already ended
// is not an error.
func (w *Moderator) liftBlock(ctx context.Context, rec store.Record, moderator string) (string, error) {
	target := rec.BlockTarget
	var (
		placed time.Time
		id     int64
	)
	if w.blocks == nil {
		return fmt.Sprintf("The block of %s is left in place: the bot's own blocks are not known here.", target), nil
	}
	if blocks, err := w.blocks.Blocks(ctx, target); err == nil {
		for _, b := range blocks {
			if b.RevID == rec.RevID {
				placed, id = b.Time, b.ID
			}
		}
	}
	info, err := w.mw.BlockInfo(ctx, target)
	switch {
	case errors.Is(err, mediawiki.ErrNotFound):
		return fmt.Sprintf("The block of %s had already ended.", target), nil
	case err != nil:
		return "", err
	case info.By != w.opts.Account:
		return fmt.Sprintf("The block of %s is now %s's, not the bot's: left in place.", target, info.By), nil
	case id != 0 && info.ID != id,
		id == 0 && (placed.IsZero() || info.Timestamp.Before(placed.Add(-blockSlack)) || info.Timestamp.After(placed.Add(blockSlack))):
		// Known by its id, or, for blocks recorded before ids were
		// kept, by its time.
		return fmt.Sprintf("The block of %s in force now is not the one the bot placed for revision %d: left in place.", target, rec.RevID), nil
	}
	err = w.mw.UnblockID(ctx, info.ID, fmt.Sprintf("%s: block for revision %d was a mistake", w.by("lifted", moderator), rec.RevID))
	if errors.Is(err, mediawiki.ErrNotFound) {
		return fmt.Sprintf("The block of %s had already ended.", target), nil
	}
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("Lifted the block of %s.", target), nil
}

// maxRun bounds the revisions runOf walks.
const maxRun = 20

// runOf reports whether revision id is rec's revision or reaches it through
// parents that are all rec's editor's.
func (w *Moderator) runOf(ctx context.Context, rec store.Record, id int64) (bool, error) {
	for range maxRun {
		if id == rec.RevID {
			return true, nil
		}
		if id < rec.RevID || id == 0 {
			return false, nil
		}
		revs, err := w.mw.Revisions(ctx, []int64{id})
		if err != nil {
			return false, w.observe(err)
		}
		r, ok := revs[id]
		if !ok || r.Missing || r.User != rec.User {
			return false, nil
		}
		id = r.ParentID
	}
	return false, nil
}

// Revert removes rec's edit: by rollback while its editor is the latest
// one, else by undo of the one revision (which fails rather than overwrite
// later edits to the same lines).
func (w *Moderator) Revert(ctx context.Context, rec store.Record, moderator string) (string, error) {
	pg, err := w.latest(ctx, rec.Title)
	if err != nil {
		return "", err
	}
	summary := fmt.Sprintf("%s: revision %d by [[Special:Contributions/%s|%s]]", w.by("reverted", moderator), rec.RevID, rec.User, rec.User)
	if pg.Latest.User == rec.User && pg.Latest.RevID >= rec.RevID && rec.OldRevID != 0 {
		if err := w.mw.Rollback(ctx, rec.Title, rec.User, summary); err == nil {
			return fmt.Sprintf("Rolled back %s's edits on %s.", rec.User, rec.Title), nil
		}
	}
	if err := w.mw.Undo(ctx, rec.Title, rec.RevID, summary); err != nil {
		return "", w.observe(err)
	}
	return fmt.Sprintf("Undid revision %d on %s.", rec.RevID, rec.Title), nil
}

// DeletePage deletes rec's page, or tags it with the deletion template
// when the bot may not delete.
func (w *Moderator) DeletePage(ctx context.Context, rec store.Record, moderator string) (string, error) {
	reason := fmt.Sprintf("%s: created by [[Special:Contributions/%s|%s]] (revision %d)", w.by("deleted", moderator), rec.User, rec.User, rec.RevID)
	err := w.mw.Delete(ctx, rec.Title, reason)
	if err == nil {
		return fmt.Sprintf("Deleted %s.", rec.Title), nil
	}
	if !errors.Is(err, mediawiki.ErrPermission) || w.opts.DeletionTemplate == "" {
		return "", w.observe(err)
	}
	pg, perr := w.latest(ctx, rec.Title)
	if perr != nil {
		return "", perr
	}
	tag := strings.ReplaceAll(w.opts.DeletionTemplate, "$1", "spam or vandalism, see the review console")
	text := tag + "\n" + pg.Latest.Content
	if _, err := w.mw.Edit(ctx, mediawiki.EditParams{Title: rec.Title, Text: text, Summary: w.by("tagged for deletion", moderator),
		BaseRevID: pg.Latest.RevID, NoCreate: true}); err != nil {
		return "", w.observe(err)
	}
	return fmt.Sprintf("The bot may not delete; tagged %s with %s.", rec.Title, tag), nil
}

// Block blocks rec's editor: the IP (anonymous editors only) or the account.
func (w *Moderator) Block(ctx context.Context, rec store.Record, moderator string) (string, error) {
	target := rec.User
	if rec.IP != "" {
		target = rec.IP
	}
	err := w.mw.Block(ctx, mediawiki.BlockParams{
		Target: target, Expiry: w.opts.BlockExpiry, AnonOnly: rec.IP != "", NoCreate: true,
		Reason: fmt.Sprintf("%s: revision %d on [[%s]]", w.by("blocked", moderator), rec.RevID, rec.Title),
	})
	if errors.Is(err, mediawiki.ErrAlreadyBlocked) {
		return fmt.Sprintf("%s was already blocked.", target), nil
	}
	if err != nil {
		return "", w.observe(err)
	}
	return fmt.Sprintf("Blocked %s for %s.", target, w.opts.BlockExpiry), nil
}
