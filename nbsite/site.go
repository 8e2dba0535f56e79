// Package nbsite is the patroller's NodeBB adapter: it implements bot.Site
// on a NodeBB forum client. It exists so that the patroller (bot) knows no
// site kind: this package converts between the forum's posts, topics,
// accounts, IP blacklist and bans and the bot's words (contributions,
// places, authors, removals, blocks, error kinds), and applies the forum's
// conventions.
//
// The mapping:
//
//   - A contribution is a post: ID and Seq are its pid (pids come from one
//     counter in creation order, so the pid is the cursor). NodeBB keeps no
//     edit history, so every post is the creation of its text (ParentID 0,
//     no text before); a topic's opening post also brings the topic's
//     title, which is part of its text.
//   - A place is a topic, titled "topic TID: TITLE" so that the title is
//     unique and readable; Places and the removals map it back to the tid.
//     A topic's posts stand alone (PlaceState.Standalone): removing a spam
//     reply takes nothing of the replies after it.
//   - The author is the account's username, or a guest's handle ("guest"
//     without one) with Anon set; the IP is the post's, for everyone.
//   - Removing a post soft-deletes it (moderators can restore it; purging
//     cannot be undone); a topic's opening post takes its topic with it,
//     as NodeBB cannot remove it alone.
//   - A block of an IPv4 address or range is an IP blacklist rule with the
//     reason as its comment. NodeBB blacklists IPv6 addresses only one by
//     one, so an IPv6 range block blacklists the offending address. A
//     registered author is banned as well, until the block's expiry.
//   - NodeBB has no versions (History, Rewrite: ErrPermanent wrapping
//     bot.ErrUnsupported) and no spam-domain blacklist (Blacklist adds
//     nothing; the store still remembers spam domains for every site).
package nbsite

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/forumtext"
	"github.com/wikiwarden/wikiwarden/nodebb"
	"github.com/wikiwarden/wikiwarden/store"
	"github.com/wikiwarden/wikiwarden/textview"
)

// Forum is what the adapter uses of a NodeBB forum; *nodebb.Client is one.
// Every method returns *nodebb.Error values (nodebb.Transient, Permanent,
// AlreadyDone).
type Forum interface {
	Login(ctx context.Context) error
	UID() int64
	Newest(ctx context.Context) (int64, error)
	Posts(ctx context.Context, after int64, limit int) ([]nodebb.Post, int64, error)
	Post(ctx context.Context, pid int64) (nodebb.Post, error)
	Topic(ctx context.Context, tid int64) (nodebb.Topic, error)
	User(ctx context.Context, uid int64) (nodebb.User, error)
	Remove(ctx context.Context, pid int64, purge bool) (nodebb.Removal, error)
	Ban(ctx context.Context, uid int64, until time.Time, reason string) error
	Block(ctx context.Context, target netip.Prefix, reason string) error
	Enabled(ctx context.Context, tid int64) (bool, error)
}

// Options configure the adapter: the forum's conventions and rules of
// trust. cmd/wikiwarden maps the YAML config onto it.
type Options struct {
	SummaryPrefix string // start of every removal and block reason
	// ShutoffTopic is the off-switch topic, whose first post's first line
	// must say "true" for writes; 0 means no off switch (always allowed).
	ShutoffTopic int64
	// Trust says which accounts besides administrators and global
	// moderators are trusted (post count, reputation).
	Trust nodebb.TrustPolicy
	// Now is the clock for ban expiries and accounts' age; nil means
	// time.Now.
	Now func() time.Time
}

// Site is a NodeBB forum as the patroller sees it. It is safe for
// concurrent use.
type Site struct {
	forum Forum
	opts  Options
	log   logrus.FieldLogger

	mu      sync.Mutex
	self    string                 // the bot's username, read once
	users   map[string]nodebb.User // authors of the posts read, by name
	byTopic map[int64][]postInfo   // posts read, by topic, in pid order
	texts   map[int64]string       // texts of the posts read, by pid
}

// postInfo is what Places needs to know of a post read.
type postInfo struct {
	pid    int64
	author string
}

var _ bot.Site = (*Site)(nil)

// New returns a Site on f. It does not touch the forum.
func New(f Forum, opts Options, log logrus.FieldLogger) *Site {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Site{forum: f, opts: opts, log: log, users: map[string]nodebb.User{}, byTopic: map[int64][]postInfo{}}
}

// Self logs in (the client checks the account is an administrator or a
// global moderator) and reads the bot's username. NodeBB sets no limit on
// IPv4 ranges, and takes IPv6 addresses only one by one, which Block deals
// with: the range limits stay 0 so the memory still thinks in /64s.
func (s *Site) Self(ctx context.Context) (bot.Self, error) {
	name, err := s.selfName(ctx)
	if err != nil {
		return bot.Self{}, err
	}
	return bot.Self{Name: name}, nil
}

func (s *Site) selfName(ctx context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.self != "" {
		return s.self, nil
	}
	uid := s.forum.UID()
	if uid <= 0 {
		if err := s.forum.Login(ctx); err != nil {
			return "", classify(fmt.Errorf("log in: %w", err))
		}
		uid = s.forum.UID()
	}
	u, err := s.forum.User(ctx, uid)
	if err != nil {
		return "", classify(fmt.Errorf("read bot account: %w", err))
	}
	s.self = u.Username
	return s.self, nil
}

// reread is how many pids before the cursor a pass reads again: a post
// whose save finished after a later one's is behind the cursor. What was
// handled already has a record.
const reread = 5

// Contributions reads the posts after the cursor's pid (since.RCID), from
// reread pids before it; on the first pass (no pid yet) those made at or
// after since.Time.
func (s *Site) Contributions(ctx context.Context, since store.Cursor, limit int) ([]bot.Contribution, error) {
	self, err := s.selfName(ctx)
	if err != nil {
		return nil, err
	}
	after := max(since.RCID-reread, 0)
	byTime := since.RCID == 0
	if byTime {
		if after, err = s.startAt(ctx, since.Time); err != nil {
			return nil, err
		}
	}
	var posts []nodebb.Post
	for limit <= 0 || len(posts) < limit {
		n := 100
		if limit > 0 {
			n = min(n, limit-len(posts))
		}
		batch, next, err := s.forum.Posts(ctx, after, n)
		if err != nil {
			return nil, classify(err)
		}
		for _, p := range batch {
			if byTime && p.Time.Before(since.Time) {
				continue
			}
			posts = append(posts, p)
		}
		if next <= after {
			break
		}
		after = next
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.byTopic, s.texts = map[int64][]postInfo{}, map[int64]string{}
	out := make([]bot.Contribution, len(posts))
	for i, p := range posts {
		a := author(p, self)
		if !a.Anon {
			s.users[a.Name] = p.Author
		}
		s.byTopic[p.TID] = append(s.byTopic[p.TID], postInfo{pid: p.PID, author: a.Name})
		s.texts[p.PID] = postText(p)
		out[i] = bot.Contribution{
			ID: p.PID, Seq: p.PID, Place: bot.Place{Title: placeTitle(p.Topic)},
			Author: a, Time: p.Time, Format: bot.FormatMarkdown,
		}
	}
	if len(s.users) > maxUsers {
		s.users = map[string]nodebb.User{}
		for _, p := range posts {
			if p.UID > 0 {
				s.users[p.Author.Username] = p.Author
			}
		}
	}
	return out, nil
}

// maxUsers bounds the authors remembered between passes.
const maxUsers = 10_000

// startAt finds a pid before the first post made at or after t, looking
// back from the newest post in doubling steps: the first pass reads the
// posts of the lookback window, not the whole forum.
func (s *Site) startAt(ctx context.Context, t time.Time) (int64, error) {
	newest, err := s.forum.Newest(ctx)
	if err != nil {
		return 0, classify(err)
	}
	if t.IsZero() {
		return 0, nil
	}
	for step := int64(1); ; step *= 2 {
		pid := newest - step
		if pid <= 0 {
			return 0, nil
		}
		p, err := s.forum.Post(ctx, pid)
		if nodebb.KindOf(err) == nodebb.Permanent {
			continue // purged, or never used
		}
		if err != nil {
			return 0, classify(err)
		}
		if p.Time.Before(t) {
			return pid, nil
		}
	}
}

// author is who wrote p, as the bot names them. A guest's handle that is
// the bot's own name is marked, so that no guest passes for the bot.
func author(p nodebb.Post, self string) bot.Author {
	var ip netip.Addr
	if a, err := netip.ParseAddr(p.IP); err == nil {
		ip = a.Unmap()
	}
	if p.UID > 0 {
		name := p.Author.Username
		if name == "" {
			name = "uid " + strconv.FormatInt(p.UID, 10) // a deleted account
		}
		return bot.Author{Name: name, IP: ip}
	}
	name := strings.TrimSpace(p.Handle)
	switch {
	case name == "":
		name = "guest"
	case strings.EqualFold(name, self):
		name = "guest:" + name
	}
	return bot.Author{Name: name, Anon: true, IP: ip}
}

// placeTitle names a topic as a place: unique (by its tid) and readable.
func placeTitle(t nodebb.Topic) string {
	return fmt.Sprintf("topic %d: %s", t.TID, t.Title)
}

// topicID reads the tid back out of a place title.
func topicID(title string) (int64, error) {
	rest, ok := strings.CutPrefix(title, "topic ")
	num, _, ok2 := strings.Cut(rest, ":")
	tid, err := strconv.ParseInt(num, 10, 64)
	if !ok || !ok2 || err != nil || tid <= 0 {
		return 0, bot.WithKind(bot.ErrPermanent, fmt.Errorf("%q is not a forum topic (want \"topic TID: title\")", title))
	}
	return tid, nil
}

// Texts returns the posts' raw Markdown, as Contributions read it (or
// reads it again); a topic's opening post comes with the topic's title on
// the line before.
func (s *Site) Texts(ctx context.Context, cs []bot.Contribution) (map[int64]bot.Texts, error) {
	out := make(map[int64]bot.Texts, len(cs))
	for _, c := range cs {
		s.mu.Lock()
		text, ok := s.texts[c.ID]
		s.mu.Unlock()
		if ok {
			out[c.ID] = bot.Texts{After: text}
			continue
		}
		p, err := s.forum.Post(ctx, c.ID)
		if nodebb.KindOf(err) == nodebb.Permanent {
			continue // purged since
		}
		if err != nil {
			return nil, classify(err)
		}
		out[c.ID] = bot.Texts{After: postText(p)}
	}
	return out, nil
}

// postText is what a post says: its content, after its topic's title when
// it opens the topic.
func postText(p nodebb.Post) string {
	if p.Main() && p.Topic.Title != "" {
		return p.Topic.Title + "\n\n" + p.Content
	}
	return p.Content
}

// Places reads topics as they are now. A purged topic is missing; a
// deleted one exists with no text. The text of a topic is that of the
// posts of it the patroller read and that are still up: what the
// patroller looks for to tell whether a post is still there.
func (s *Site) Places(ctx context.Context, titles []string) (map[string]bot.PlaceState, error) {
	out := make(map[string]bot.PlaceState, len(titles))
	for _, title := range titles {
		tid, err := topicID(title)
		if err != nil {
			return nil, err
		}
		t, err := s.forum.Topic(ctx, tid)
		if err != nil {
			return nil, classify(err)
		}
		if t.Purged {
			out[title] = bot.PlaceState{Title: title, Missing: true, Standalone: true}
			continue
		}
		st := bot.PlaceState{Title: title, Standalone: true}
		if t.Deleted {
			out[title] = st
			continue
		}
		s.mu.Lock()
		posts := append([]postInfo(nil), s.byTopic[tid]...)
		s.mu.Unlock()
		if len(posts) == 0 && t.MainPID > 0 {
			posts = []postInfo{{pid: t.MainPID}}
		}
		var texts []string
		for _, pi := range posts {
			p, err := s.forum.Post(ctx, pi.pid)
			if nodebb.KindOf(err) == nodebb.Permanent {
				continue
			}
			if err != nil {
				return nil, classify(err)
			}
			if p.Deleted {
				continue
			}
			texts = append(texts, postText(p))
			st.Latest.ID, st.Latest.Author = p.PID, pi.author
			if a, err := netip.ParseAddr(p.IP); err == nil {
				st.Latest.IP = a.Unmap()
			}
		}
		st.Latest.Text = strings.Join(texts, "\n\n")
		out[title] = st
	}
	return out, nil
}

// Trusted applies the forum's rules of trust to the authors of the posts
// read: administrators and global moderators, accounts at or above the
// post count or reputation of Options.Trust, and established accounts
// (nodebb.User.Established: old enough, with enough accepted posts), which
// the patrol leaves alone as a wiki's patrol leaves autoconfirmed editors.
// Banned accounts never are; an author the adapter has not read is not
// trusted.
func (s *Site) Trusted(ctx context.Context, names []string) (map[string]decision.Reason, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.opts.Now()
	out := map[string]decision.Reason{}
	for _, name := range names {
		u, ok := s.users[name]
		switch {
		case !ok:
		case u.Trusted(s.opts.Trust) && (u.Admin || u.GlobalMod):
			out[name] = decision.SkipTrusted
		case u.Trusted(s.opts.Trust) || u.Established(s.opts.Trust, now):
			out[name] = decision.SkipEditCount
		}
	}
	return out, nil
}

// Remove deletes the post (soft: a moderator can restore it); a topic's
// opening post takes its topic.
func (s *Site) Remove(ctx context.Context, r bot.Removal) (bot.Removed, error) {
	rm, err := s.forum.Remove(ctx, r.Contribution.ID, false)
	if err != nil {
		return bot.Removed{Summary: s.reason(r, fmt.Sprintf("post %d", r.Contribution.ID))}, classify(err)
	}
	return bot.Removed{How: how(rm), Summary: s.reason(r, how(rm))}, nil
}

// RemovePlace removes what a post created: the post, and its topic when it
// opens one. The patroller asks for it for every post (each creates its
// text). A post found removed already, by a pass whose record was lost or
// by a moderator, is reported deleted: it is off the forum.
func (s *Site) RemovePlace(ctx context.Context, r bot.Removal) (bot.PlaceRemoved, error) {
	rm, err := s.forum.Remove(ctx, r.Contribution.ID, false)
	if errors.Is(err, nodebb.AlreadyDone) {
		return bot.PlaceRemoved{Deleted: true, Summary: s.reason(r, fmt.Sprintf("found post %d deleted already", r.Contribution.ID))}, nil
	}
	if err != nil {
		return bot.PlaceRemoved{}, classify(err)
	}
	return bot.PlaceRemoved{Deleted: true, Summary: s.reason(r, how(rm))}, nil
}

func how(rm nodebb.Removal) string {
	if rm.Topic {
		return fmt.Sprintf("deleted topic %d", rm.TID)
	}
	return fmt.Sprintf("deleted post %d", rm.PID)
}

// reason says what was done to whose post and why, as in "wikiwarden:
// deleted post 12 by guest (192.0.2.7): random-letter probe token
// xkqzvbwpl". NodeBB keeps no reason for a deletion: the record and the
// log keep it.
func (s *Site) reason(r bot.Removal, done string) string {
	c := r.Contribution
	who := c.Author.Name
	if c.Author.IP.IsValid() && c.Author.IP.String() != who {
		who += " (" + c.Author.IP.String() + ")"
	}
	return fmt.Sprintf("%s %s by %s: %s", s.opts.SummaryPrefix, done, who, why(r.Grounds))
}

// why says in words why the bot acts.
func why(g bot.Grounds) string {
	switch g.Decision.Verdict {
	case decision.VerdictProbe:
		return "random-letter probe " + list(g.Tokens, "token", "tokens")
	case decision.VerdictFollowUpSpam:
		return "link spam after botnet probes: " + list(g.Domains, "link to", "links to")
	case decision.VerdictLinkSpam:
		return "link spam: " + list(g.Domains, "link to", "links to")
	}
	return string(g.Decision.Verdict)
}

func list(items []string, one, many string) string {
	if len(items) == 0 {
		return ""
	}
	const most = 3
	word := one
	if len(items) > 1 {
		word = many
	}
	s := word + " " + strings.Join(items[:min(len(items), most)], ", ")
	if len(items) > most {
		s += fmt.Sprintf(" and %d more", len(items)-most)
	}
	return s
}

// History is not supported: NodeBB keeps no versions of a post.
func (s *Site) History(ctx context.Context, title string, limit int) ([]bot.Version, error) {
	return nil, bot.WithKind(bot.ErrPermanent, fmt.Errorf("history of %q: NodeBB keeps no versions of posts: %w", title, bot.ErrUnsupported))
}

// Rewrite is not supported: the bot never edits a post, it removes it.
func (s *Site) Rewrite(ctx context.Context, r bot.Rewrite) (bot.Removed, error) {
	return bot.Removed{}, bot.WithKind(bot.ErrPermanent, fmt.Errorf("rewrite %q: the bot removes forum posts, it never edits them: %w", r.Place.Title, bot.ErrUnsupported))
}

// Blacklist adds nothing: NodeBB has no spam-domain blacklist. The store
// remembers spam domains for every site all the same.
func (s *Site) Blacklist(ctx context.Context, domains []string) ([]string, error) {
	return nil, nil
}

// Block blacklists an IPv4 address or range, or an IPv6 address (for an
// IPv6 range, the offending author's address: NodeBB takes IPv6 only one
// by one), with the reason as the rule's comment; and bans a registered
// author (or an account named as the target) until the expiry. NodeBB's
// IP blacklist has no expiry: the comment says until when the bot meant
// it. ErrAlreadyDone when everything asked was in force already.
func (s *Site) Block(ctx context.Context, b bot.BlockRequest) (bot.Blocked, error) {
	until, err := expiry(b.Expiry, s.opts.Now())
	if err != nil {
		return bot.Blocked{}, bot.WithKind(bot.ErrPermanent, err)
	}
	reason := fmt.Sprintf("%s link spam following random-token probes (post %d by %s)", s.opts.SummaryPrefix, b.Contribution, b.Author.Name)
	var done, already int
	var errs []error
	note := reason
	if !until.IsZero() {
		note += ", until " + until.UTC().Format(time.DateOnly)
	}

	target, isIP := parseTarget(b.Target)
	if isIP {
		if target.Addr().Is6() && !target.IsSingleIP() {
			if !b.Author.IP.IsValid() || !target.Contains(b.Author.IP) {
				return bot.Blocked{}, bot.WithKind(bot.ErrPermanent, fmt.Errorf("blacklist %s: NodeBB blacklists IPv6 addresses only one by one, and no address of the range is known", b.Target))
			}
			target = netip.PrefixFrom(b.Author.IP, 128)
			reason += fmt.Sprintf("; IPv6 range %s blacklisted as its address %s (NodeBB takes no IPv6 ranges)", b.Target, b.Author.IP)
		}
		switch err := s.forum.Block(ctx, target, note); {
		case err == nil:
			done++
		case errors.Is(err, nodebb.AlreadyDone):
			already++
		default:
			errs = append(errs, err)
		}
	}

	uid, err := s.banTarget(ctx, b, isIP)
	switch {
	case err != nil:
		errs = append(errs, err)
	case uid > 0:
		switch err := s.forum.Ban(ctx, uid, until, reason); {
		case err == nil:
			done++
			reason += "; account banned"
		case errors.Is(err, nodebb.AlreadyDone):
			already++
		default:
			errs = append(errs, err)
		}
	}

	if err := errors.Join(errs...); err != nil {
		for _, e := range errs {
			if nodebb.KindOf(e) == nodebb.Transient {
				return bot.Blocked{}, bot.WithKind(bot.ErrTransient, err) // retried as a whole: what is done is AlreadyDone then
			}
		}
		if done == 0 {
			return bot.Blocked{}, classify(err)
		}
		s.log.WithError(err).WithField("target", b.Target).Warn("block done in part")
	}
	if done == 0 && already > 0 {
		return bot.Blocked{Reason: reason}, bot.WithKind(bot.ErrAlreadyDone, fmt.Errorf("block %s: in force already", b.Target))
	}
	if done == 0 {
		return bot.Blocked{}, bot.WithKind(bot.ErrPermanent, fmt.Errorf("block %s: nothing the forum can block", b.Target))
	}
	return bot.Blocked{Reason: reason}, nil
}

// banTarget is the account a block bans: the registered author of the
// contribution behind an IP block, or the account the target names; 0 for
// a guest.
func (s *Site) banTarget(ctx context.Context, b bot.BlockRequest, isIP bool) (int64, error) {
	name := b.Target
	if isIP {
		if b.Author.Anon || b.Author.Name == "" {
			return 0, nil
		}
		name = b.Author.Name
	}
	s.mu.Lock()
	u, ok := s.users[name]
	s.mu.Unlock()
	if ok && u.UID > 0 {
		return u.UID, nil
	}
	if b.Contribution > 0 {
		p, err := s.forum.Post(ctx, b.Contribution)
		if err != nil {
			return 0, err
		}
		if p.UID > 0 && p.Author.Username == name {
			return p.UID, nil
		}
	}
	if isIP {
		return 0, nil
	}
	return 0, &nodebb.Error{Op: "ban " + name, Kind: nodebb.Permanent, Code: "no-user", Err: fmt.Errorf("no account %q among the posts read", name)}
}

// parseTarget reads an address or a range.
func parseTarget(s string) (netip.Prefix, bool) {
	if a, err := netip.ParseAddr(s); err == nil {
		a = a.Unmap()
		return netip.PrefixFrom(a, a.BitLen()), true
	}
	if p, err := netip.ParsePrefix(s); err == nil {
		return p.Masked(), true
	}
	return netip.Prefix{}, false
}

var relativeExpiry = regexp.MustCompile(`(?i)^([0-9]+)\s*(second|minute|hour|day|week|month|year)s?$`)

// expiry turns a block duration as the config writes it ("1 day", "2
// weeks", "infinite", a timestamp) into the time a ban ends; zero: never.
func expiry(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "infinite", "indefinite", "infinity", "never":
		return time.Time{}, nil
	}
	if m := relativeExpiry.FindStringSubmatch(s); m != nil {
		n, err := strconv.Atoi(m[1])
		if err != nil || n <= 0 {
			return time.Time{}, fmt.Errorf("block expiry %q: not a positive count", s)
		}
		switch strings.ToLower(m[2]) {
		case "second":
			return now.Add(time.Duration(n) * time.Second), nil
		case "minute":
			return now.Add(time.Duration(n) * time.Minute), nil
		case "hour":
			return now.Add(time.Duration(n) * time.Hour), nil
		case "day":
			return now.AddDate(0, 0, n), nil
		case "week":
			return now.AddDate(0, 0, 7*n), nil
		case "month":
			return now.AddDate(0, n, 0), nil
		default:
			return now.AddDate(n, 0, 0), nil
		}
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("block expiry %q: want \"N day(s)/week(s)/month(s)\", \"infinite\" or a timestamp", s)
}

// WritesAllowed reads the off-switch topic: its first post's first line
// must say "true", written by an administrator or global moderator.
// Without an off-switch topic writes are always allowed.
func (s *Site) WritesAllowed(ctx context.Context) (bool, string, error) {
	if s.opts.ShutoffTopic == 0 {
		return true, "", nil
	}
	ok, err := s.forum.Enabled(ctx, s.opts.ShutoffTopic)
	switch {
	case nodebb.KindOf(err) == nodebb.Permanent:
		return false, fmt.Sprintf("off-switch topic %d: %v", s.opts.ShutoffTopic, err), nil
	case err != nil:
		return false, "", classify(fmt.Errorf("read off-switch topic %d: %w", s.opts.ShutoffTopic, err))
	case !ok:
		return false, fmt.Sprintf("off-switch topic %d does not say true (or does not exist)", s.opts.ShutoffTopic), nil
	}
	return true, "", nil
}

// maxSample bounds the recent posts read to learn from.
const maxSample = 500

// SampleTexts returns the texts of up to n recent posts that are up.
func (s *Site) SampleTexts(ctx context.Context, n int) ([]string, error) {
	posts, err := s.recent(ctx, min(n, maxSample))
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(posts))
	for _, p := range posts {
		out = append(out, postText(p))
	}
	return out, nil
}

// KnownLinks returns up to limit links of the recent posts that are up
// (at most maxSample posts read), as the forum reader reads them: links in
// code are not links.
func (s *Site) KnownLinks(ctx context.Context, limit int) ([]string, error) {
	posts, err := s.recent(ctx, maxSample)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range posts {
		for _, l := range forumtext.ReadLinks(p.Content).Links {
			if l.Place&textview.LinkInert != 0 {
				continue
			}
			if len(out) == limit {
				return out, nil
			}
			out = append(out, l.URL)
		}
	}
	return out, nil
}

// recent reads the newest n posts that are up, in neither deleted posts
// nor deleted topics.
func (s *Site) recent(ctx context.Context, n int) ([]nodebb.Post, error) {
	if n <= 0 {
		return nil, nil
	}
	newest, err := s.forum.Newest(ctx)
	if err != nil {
		return nil, classify(err)
	}
	posts, _, err := s.forum.Posts(ctx, max(newest-int64(n), 0), n)
	if err != nil {
		return nil, classify(err)
	}
	out := posts[:0]
	for _, p := range posts {
		if !p.Deleted && !p.Topic.Deleted {
			out = append(out, p)
		}
	}
	return out, nil
}

// classify marks a client error with the bot's error kind.
func classify(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, nodebb.Transient), errors.Is(err, context.DeadlineExceeded):
		return bot.WithKind(bot.ErrTransient, err)
	case errors.Is(err, nodebb.AlreadyDone):
		return bot.WithKind(bot.ErrAlreadyDone, err)
	}
	return bot.WithKind(bot.ErrPermanent, err)
}
