package nodebb

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Post is one post as the bot sees it, with its topic and author.
type Post struct {
	PID, TID int64
	UID      int64  // 0 for a guest
	Content  string // raw Markdown, as written
	Time     time.Time
	Edited   time.Time // zero when never edited
	Deleted  bool      // the post itself is soft-deleted (see also Topic.Deleted)
	// IP is the poster's address: the first entry of what NodeBB stored
	// (a socket.io post stores the raw X-Forwarded-For header). "" when the
	// forum stored none.
	IP string
	// Handle is the name a guest gave, if any.
	Handle string
	Topic  Topic
	// Author is the account; for a guest UID 0 and Username = Handle; for
	// an account that no longer exists only its UID.
	Author User
}

// Main reports whether the post opens its topic: removing it removes the
// topic.
func (p Post) Main() bool { return p.Topic.MainPID == p.PID }

// Topic is a topic's state.
type Topic struct {
	TID, CID int64
	UID      int64 // who opened it
	MainPID  int64
	Title    string
	Slug     string
	Time     time.Time
	Deleted  bool
	Locked   bool
	Posts    int
	// Purged: the topic no longer exists (its posts read as missing too).
	Purged bool
}

// User is an account's state. Guests have UID 0 and no account.
type User struct {
	UID        int64
	Username   string
	Slug       string
	Admin      bool // member of "administrators"
	GlobalMod  bool // member of "Global Moderators"
	Groups     []string
	Reputation int
	PostCount  int
	Joined     time.Time
	Banned     bool
	BanExpires time.Time // zero when the ban does not expire
	// Posted are the times of the account's newest posts still on the
	// forum, newest first, as its profile lists them (at most
	// ProfilePosts): NodeBB leaves deleted posts and posts of deleted
	// topics out of the list, while PostCount still counts them.
	Posted []time.Time
}

// ProfilePosts is how many of an account's newest posts its profile
// lists, so the most User.Posted holds.
const ProfilePosts = 10

// AcceptedAfter is how long a post stays on the forum before it counts as
// accepted: a day in which moderators, readers and the bot could have
// removed it.
const AcceptedAfter = 24 * time.Hour

// TrustPolicy says which accounts the patrol leaves alone besides
// administrators and global moderators. A zero threshold is off.
type TrustPolicy struct {
	MinReputation int
	MinPosts      int
	// EstablishedPosts and EstablishedAge make an account established,
	// as a wiki makes an editor autoconfirmed: at least EstablishedPosts
	// accepted posts (still on the forum after AcceptedAfter; at most
	// ProfilePosts count) on an account at least EstablishedAge old,
	// with no negative reputation. EstablishedPosts 0 is off.
	EstablishedPosts int
	EstablishedAge   time.Duration
}

// Trusted reports whether u is trusted under p: an administrator or global
// moderator, or an unbanned account with at least p.MinReputation
// reputation or p.MinPosts posts. Guests never are.
func (u User) Trusted(p TrustPolicy) bool {
	if u.UID <= 0 {
		return false
	}
	if u.Admin || u.GlobalMod {
		return true
	}
	if u.Banned {
		return false
	}
	return (p.MinReputation > 0 && u.Reputation >= p.MinReputation) ||
		(p.MinPosts > 0 && u.PostCount >= p.MinPosts)
}

// Established reports whether u is established under p at now: an
// unbanned account at least p.EstablishedAge old, with a reputation of 0
// or more and at least p.EstablishedPosts accepted posts. A brand-new
// account, or one whose posts were removed, is not; guests never are.
func (u User) Established(p TrustPolicy, now time.Time) bool {
	if u.UID <= 0 || u.Banned || u.Reputation < 0 || p.EstablishedPosts <= 0 {
		return false
	}
	if u.Joined.IsZero() || now.Sub(u.Joined) < p.EstablishedAge {
		return false
	}
	accepted := 0
	for _, t := range u.Posted {
		if now.Sub(t) >= AcceptedAfter {
			accepted++
		}
	}
	return accepted >= min(p.EstablishedPosts, ProfilePosts)
}

// rawPost is /api/post/pid/:pid.
type rawPost struct {
	PID       num    `json:"pid"`
	TID       num    `json:"tid"`
	UID       num    `json:"uid"`
	Content   string `json:"content"`
	Timestamp num    `json:"timestamp"`
	Edited    num    `json:"edited"`
	Deleted   num    `json:"deleted"`
	IP        string `json:"ip"`
	Handle    string `json:"handle"`
}

func (r rawPost) post() Post {
	ip := r.IP
	if i := strings.IndexByte(ip, ','); i >= 0 {
		ip = ip[:i]
	}
	ip = strings.TrimSpace(ip)
	ip = strings.TrimPrefix(ip, "::ffff:")
	return Post{
		PID: r.PID.int64(), TID: r.TID.int64(), UID: r.UID.int64(),
		Content: r.Content, Time: r.Timestamp.time(), Edited: r.Edited.time(),
		Deleted: r.Deleted.bool(), IP: ip, Handle: r.Handle,
	}
}

// rawPost reads one post without topic and author. A missing post (purged,
// or a pid not used) is a Permanent error with Code "http 404".
func (c *Client) rawPost(ctx context.Context, pid int64) (Post, error) {
	var r rawPost
	if err := c.get(ctx, fmt.Sprintf("read post %d", pid), "/api/post/pid/"+strconv.FormatInt(pid, 10), false, &r); err != nil {
		return Post{}, err
	}
	return r.post(), nil
}

// Newest returns the pid of the newest post the bot can see that is not
// deleted (NodeBB lists no deleted posts), or 0 on an empty forum.
func (c *Client) Newest(ctx context.Context) (int64, error) {
	var recent []struct {
		PID num `json:"pid"`
	}
	if err := c.get(ctx, "newest post", "/api/recent/posts", false, &recent); err != nil {
		return 0, err
	}
	var max int64
	for _, p := range recent {
		if v := p.PID.int64(); v > max {
			max = v
		}
	}
	return max, nil
}

// Posts returns the posts after the cursor pid, oldest first, at most limit
// (limit <= 0 means 100), with their topics and authors, and the cursor
// for the next call: the last pid looked at. Pids come from one counter in
// creation order; a missing pid (purged) is skipped. Posts walks up to the
// newest visible post (see Newest), so posts newer than the newest
// non-deleted one wait for a later post. Reads run in parallel (Config.
// Concurrency); topics and authors are read once per call.
func (c *Client) Posts(ctx context.Context, after int64, limit int) ([]Post, int64, error) {
	if limit <= 0 {
		limit = 100
	}
	if err := c.checkSession(ctx); err != nil {
		return nil, after, opError("read posts", err)
	}
	newest, err := c.Newest(ctx)
	if err != nil {
		return nil, after, opError("read posts", err)
	}
	var posts []Post
	next := after
	for next < newest && len(posts) < limit {
		end := min(newest, next+int64(limit-len(posts)))
		batch, err := c.postRange(ctx, next+1, end)
		if err != nil {
			return nil, after, opError("read posts", err)
		}
		posts = append(posts, batch...)
		next = end
	}
	if err := c.fill(ctx, posts); err != nil {
		return nil, after, opError("read posts", err)
	}
	return posts, next, nil
}

// postRange reads pids from..to in parallel and returns the ones that
// exist, in pid order.
func (c *Client) postRange(ctx context.Context, from, to int64) ([]Post, error) {
	n := int(to - from + 1)
	got := make([]*Post, n)
	err := c.parallel(ctx, n, func(ctx context.Context, i int) error {
		p, err := c.rawPost(ctx, from+int64(i))
		if isNotFound(err) {
			return nil
		}
		if err != nil {
			return err
		}
		got[i] = &p
		return nil
	})
	if err != nil {
		return nil, err
	}
	var out []Post
	for _, p := range got {
		if p != nil {
			out = append(out, *p)
		}
	}
	return out, nil
}

// Post returns one post with its topic and author, after checking the
// session (without it NodeBB hides the IP and masks the content). A
// missing post is a Permanent error with Code "http 404".
func (c *Client) Post(ctx context.Context, pid int64) (Post, error) {
	if err := c.checkSession(ctx); err != nil {
		return Post{}, opError(fmt.Sprintf("read post %d", pid), err)
	}
	p, err := c.rawPost(ctx, pid)
	if err != nil {
		return Post{}, err
	}
	ps := []Post{p}
	if err := c.fill(ctx, ps); err != nil {
		return Post{}, opError(fmt.Sprintf("read post %d", pid), err)
	}
	return ps[0], nil
}

// fill adds topics and authors to posts, reading each once.
func (c *Client) fill(ctx context.Context, posts []Post) error {
	tidSet, uidSet := map[int64]bool{}, map[int64]bool{}
	for _, p := range posts {
		tidSet[p.TID] = true
		if p.UID > 0 {
			uidSet[p.UID] = true
		}
	}
	tids, uids := keys(tidSet), keys(uidSet)
	topics := make([]Topic, len(tids))
	users := make([]User, len(uids))
	err := c.parallel(ctx, len(tids)+len(uids), func(ctx context.Context, i int) error {
		var err error
		if i < len(tids) {
			topics[i], err = c.Topic(ctx, tids[i])
			return err
		}
		i -= len(tids)
		users[i], err = c.User(ctx, uids[i])
		if KindOf(err) == Permanent {
			// A deleted account's posts may outlive it.
			users[i], err = User{UID: uids[i]}, nil
		}
		return err
	})
	if err != nil {
		return err
	}
	tm := make(map[int64]Topic, len(tids))
	for _, t := range topics {
		tm[t.TID] = t
	}
	um := make(map[int64]User, len(uids))
	for _, u := range users {
		um[u.UID] = u
	}
	for i := range posts {
		p := &posts[i]
		p.Topic = tm[p.TID]
		if p.UID > 0 {
			p.Author = um[p.UID]
		} else {
			p.Author = User{Username: p.Handle}
		}
	}
	return nil
}

func keys(m map[int64]bool) []int64 {
	out := make([]int64, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// parallel runs f(0..n-1) on at most c.workers goroutines and returns the
// first error; the others are cancelled.
func (c *Client) parallel(ctx context.Context, n int, f func(context.Context, int) error) error {
	if n == 0 {
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	idx := make(chan int)
	for w := 0; w < min(c.workers, n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range idx {
				if err := f(ctx, i); err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
						cancel()
					}
					mu.Unlock()
				}
			}
		}()
	}
feed:
	for i := 0; i < n; i++ {
		select {
		case idx <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(idx)
	wg.Wait()
	if firstErr == nil && ctx.Err() != nil {
		firstErr = &Error{Op: "read", Kind: Transient, Err: ctx.Err()}
	}
	return firstErr
}

// rawTopic is /api/topic/tid/:tid.
type rawTopic struct {
	TID       num    `json:"tid"`
	CID       num    `json:"cid"`
	UID       num    `json:"uid"`
	MainPID   num    `json:"mainPid"`
	Title     string `json:"title"`
	Slug      string `json:"slug"`
	Timestamp num    `json:"timestamp"`
	Deleted   num    `json:"deleted"`
	Locked    num    `json:"locked"`
	PostCount num    `json:"postcount"`
}

// Topic returns a topic's state. A purged topic comes back with Purged and
// Deleted set and no error.
func (c *Client) Topic(ctx context.Context, tid int64) (Topic, error) {
	var r rawTopic
	err := c.get(ctx, fmt.Sprintf("read topic %d", tid), "/api/topic/tid/"+strconv.FormatInt(tid, 10), true, &r)
	if isNotFound(err) {
		return Topic{TID: tid, Deleted: true, Purged: true}, nil
	}
	if err != nil {
		return Topic{}, err
	}
	return Topic{
		TID: r.TID.int64(), CID: r.CID.int64(), UID: r.UID.int64(), MainPID: r.MainPID.int64(),
		Title: r.Title, Slug: r.Slug, Time: r.Timestamp.time(),
		Deleted: r.Deleted.bool(), Locked: r.Locked.bool(), Posts: int(r.PostCount.int64()),
	}, nil
}

// User returns an account's state: /api/user/uid/:uid for the counters and
// the ban, the profile for the groups. A missing account is a Permanent
// error with Code "http 404".
func (c *Client) User(ctx context.Context, uid int64) (User, error) {
	if err := c.ensureLogin(ctx); err != nil {
		return User{}, opError(fmt.Sprintf("read user %d", uid), err)
	}
	return c.fetchUser(ctx, uid)
}

// fetchUser is User without the login (Login uses it).
func (c *Client) fetchUser(ctx context.Context, uid int64) (User, error) {
	op := fmt.Sprintf("read user %d", uid)
	var r struct {
		UID        num    `json:"uid"`
		Username   string `json:"username"`
		Slug       string `json:"userslug"`
		Reputation num    `json:"reputation"`
		PostCount  num    `json:"postcount"`
		JoinDate   num    `json:"joindate"`
		Banned     num    `json:"banned"`
		BanExpire  num    `json:"banned:expire"`
	}
	if err := c.getJSON(ctx, op, "/api/user/uid/"+strconv.FormatInt(uid, 10), true, &r); err != nil {
		return User{}, err
	}
	u := User{
		UID: r.UID.int64(), Username: r.Username, Slug: r.Slug,
		Reputation: int(r.Reputation.int64()), PostCount: int(r.PostCount.int64()),
		Joined: r.JoinDate.time(), Banned: r.Banned.bool(), BanExpires: r.BanExpire.time(),
	}
	if u.UID == 0 {
		return User{}, &Error{Op: op, Kind: Permanent, Code: "http 404", Err: fmt.Errorf("no user %d", uid)}
	}
	// NodeBB lifts an expired ban on the user's next login; until then the
	// flag stays.
	if u.Banned && !u.BanExpires.IsZero() && time.Now().After(u.BanExpires) {
		u.Banned = false
	}
	var prof struct {
		IsTargetAdmin bool `json:"isTargetAdmin"`
		Groups        []struct {
			Name string `json:"name"`
		} `json:"groups"`
		// Posts are the newest posts NodeBB shows on the profile: the
		// deleted ones are left out.
		Posts []struct {
			Timestamp num `json:"timestamp"`
			Deleted   num `json:"deleted"`
			Topic     struct {
				Deleted num `json:"deleted"`
			} `json:"topic"`
		} `json:"posts"`
	}
	if err := c.getJSON(ctx, op, "/api/user/"+pathEscape(u.Slug), true, &prof); err != nil {
		return User{}, err
	}
	u.Admin = prof.IsTargetAdmin
	for _, p := range prof.Posts {
		if !p.Deleted.bool() && !p.Topic.Deleted.bool() && len(u.Posted) < ProfilePosts {
			u.Posted = append(u.Posted, p.Timestamp.time())
		}
	}
	for _, g := range prof.Groups {
		u.Groups = append(u.Groups, g.Name)
		switch g.Name {
		case "administrators":
			u.Admin = true
		case "Global Moderators":
			u.GlobalMod = true
		}
	}
	return u, nil
}
