package nodebb

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Removal says what Remove did.
type Removal struct {
	PID, TID int64
	// Topic: the post opened its topic, so the whole topic was removed.
	Topic bool
	// Purged: removed for good; otherwise soft-deleted (Restore undoes it).
	Purged bool
}

// Remove deletes (purge false) or purges (purge true) a post. When the post
// opens its topic, the topic goes with it: NodeBB cannot remove a topic's
// main post alone. A post or topic already in that state, or already gone,
// is an AlreadyDone error; the Removal still says what was targeted.
func (c *Client) Remove(ctx context.Context, pid int64, purge bool) (Removal, error) {
	verb := "delete"
	if purge {
		verb = "purge"
	}
	op := fmt.Sprintf("%s post %d", verb, pid)
	// Without the session NodeBB shows a post's state wrongly (masked
	// content, no IP): check it before reading.
	if err := c.checkSession(ctx); err != nil {
		return Removal{PID: pid}, opError(op, err)
	}
	p, err := c.rawPost(ctx, pid)
	if isNotFound(err) {
		return Removal{PID: pid, Purged: true}, &Error{Op: op, Kind: AlreadyDone, Code: "http 404", Err: fmt.Errorf("post %d is gone", pid)}
	}
	if err != nil {
		return Removal{PID: pid}, opError(op, err)
	}
	t, err := c.Topic(ctx, p.TID)
	if err != nil {
		return Removal{PID: pid, TID: p.TID}, opError(op, err)
	}
	r := Removal{PID: pid, TID: p.TID, Topic: t.MainPID == pid || t.Purged, Purged: purge}
	switch {
	case t.Purged:
		r.Purged = true
		return r, &Error{Op: op, Kind: AlreadyDone, Code: "http 404", Err: fmt.Errorf("topic %d is gone", p.TID)}
	case r.Topic:
		if t.Deleted && !purge {
			return r, &Error{Op: op, Kind: AlreadyDone, Code: "error:topic-already-deleted"}
		}
		_, err = c.emit(ctx, op, "topics."+verb, map[string]any{"tids": []int64{p.TID}, "cid": t.CID})
	default:
		if p.Deleted && !purge {
			return r, &Error{Op: op, Kind: AlreadyDone, Code: "error:post-already-deleted"}
		}
		_, err = c.emit(ctx, op, "posts."+verb, map[string]any{"pid": pid, "tid": p.TID})
	}
	if e, ok := err.(*Error); ok && (e.Code == "error:no-post" || e.Code == "error:no-topic") {
		e.Kind = AlreadyDone // removed meanwhile
	}
	return r, err
}

// Restore undoes a soft delete of a post, or of its topic when it opens
// one (a moderator's undo). A post or topic that is not deleted is an
// AlreadyDone error; a purged one a Permanent error.
func (c *Client) Restore(ctx context.Context, pid int64) error {
	op := fmt.Sprintf("restore post %d", pid)
	// Without the session NodeBB shows a post's state wrongly (masked
	// content, no IP): check it before reading.
	if err := c.checkSession(ctx); err != nil {
		return opError(op, err)
	}
	p, err := c.rawPost(ctx, pid)
	if err != nil {
		return opError(op, err)
	}
	t, err := c.Topic(ctx, p.TID)
	if err != nil {
		return opError(op, err)
	}
	if t.Purged {
		return &Error{Op: op, Kind: Permanent, Code: "http 404", Err: fmt.Errorf("topic %d is gone", p.TID)}
	}
	if t.MainPID == pid {
		if !t.Deleted {
			return &Error{Op: op, Kind: AlreadyDone, Code: "error:topic-already-restored"}
		}
		_, err = c.emit(ctx, op, "topics.restore", map[string]any{"tids": []int64{p.TID}, "cid": t.CID})
		return err
	}
	if !p.Deleted {
		return &Error{Op: op, Kind: AlreadyDone, Code: "error:post-already-restored"}
	}
	_, err = c.emit(ctx, op, "posts.restore", map[string]any{"pid": pid, "tid": p.TID})
	return err
}

// Ban bans an account until the given time (zero: for good), with a reason
// NodeBB keeps in the account's ban history. A banned account is an
// AlreadyDone error; an administrator cannot be banned (Permanent).
func (c *Client) Ban(ctx context.Context, uid int64, until time.Time, reason string) error {
	op := fmt.Sprintf("ban user %d", uid)
	if uid <= 0 {
		return &Error{Op: op, Kind: Permanent, Code: "error:invalid-uid"}
	}
	u, err := c.User(ctx, uid)
	if err != nil {
		return opError(op, err)
	}
	if u.Banned {
		return &Error{Op: op, Kind: AlreadyDone, Code: "already-banned"}
	}
	var ms int64
	if !until.IsZero() {
		ms = until.UnixMilli()
	}
	_, err = c.emit(ctx, op, "user.banUsers", map[string]any{"uids": []int64{uid}, "until": ms, "reason": oneLine(reason)})
	return err
}

// Unban lifts an account's ban. An account that is not banned is an
// AlreadyDone error.
func (c *Client) Unban(ctx context.Context, uid int64) error {
	op := fmt.Sprintf("unban user %d", uid)
	u, err := c.User(ctx, uid)
	if err != nil {
		return opError(op, err)
	}
	if !u.Banned {
		return &Error{Op: op, Kind: AlreadyDone, Code: "not-banned"}
	}
	_, err = c.emit(ctx, op, "user.unbanUsers", []int64{uid})
	return err
}

// Enabled reads the off switch: the first line of the first post of topic
// tid, a topic the admins control (lock it), must say "true" (case and
// surrounding space ignored) for the bot to act. NodeBB wants posts of 8
// characters or more, so the lines after the first are free for an
// explanation. A missing or deleted topic or post reads as false; a "true"
// written by anyone but an administrator or global moderator reads as false
// with a Permanent error.
func (c *Client) Enabled(ctx context.Context, tid int64) (bool, error) {
	op := fmt.Sprintf("read off switch (topic %d)", tid)
	// Without the session NodeBB shows a post's state wrongly (masked
	// content, no IP): check it before reading.
	if err := c.checkSession(ctx); err != nil {
		return false, opError(op, err)
	}
	t, err := c.Topic(ctx, tid)
	if err != nil {
		return false, opError(op, err)
	}
	if t.Deleted || t.MainPID == 0 {
		return false, nil
	}
	p, err := c.rawPost(ctx, t.MainPID)
	if isNotFound(err) {
		return false, nil
	}
	if err != nil {
		return false, opError(op, err)
	}
	first, _, _ := strings.Cut(strings.TrimSpace(p.Content), "\n")
	if p.Deleted || !strings.EqualFold(strings.TrimSpace(first), "true") {
		return false, nil
	}
	// Only a post of an administrator or global moderator counts: its
	// author can edit it, and a guest's topic named by mistake must not
	// switch the bot on.
	if p.UID <= 0 {
		return false, &Error{Op: op, Kind: Permanent, Code: "untrusted-switch", Err: fmt.Errorf("post %d is a guest's", p.PID)}
	}
	u, err := c.User(ctx, p.UID)
	if err != nil {
		return false, opError(op, err)
	}
	if !u.Admin && !u.GlobalMod {
		return false, &Error{Op: op, Kind: Permanent, Code: "untrusted-switch", Err: fmt.Errorf("post %d is by %q, neither administrator nor global moderator", p.PID, u.Username)}
	}
	return true, nil
}

// oneLine keeps a reason on one line: newlines would end a blacklist rule.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
