package nodebb_test

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/internal/testforum"
	"github.com/wikiwarden/wikiwarden/nodebb"
)

func newClient(t *testing.T, f *testforum.Forum) *nodebb.Client {
	t.Helper()
	c, err := nodebb.New(nodebb.Config{URL: f.URL, Username: f.BotUser, Password: f.BotPassword, Token: f.BotToken})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Login(context.Background()); err != nil {
		t.Fatal(err)
	}
	return c
}

func wantKind(t *testing.T, what string, err error, k nodebb.Kind) {
	t.Helper()
	if !errors.Is(err, k) {
		t.Fatalf("%s: err = %v (kind %v), want kind %v", what, err, nodebb.KindOf(err), k)
	}
}

func must[T any](t *testing.T) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

// TestForum runs the client against one shared forum; subtests use their
// own topics, accounts and IP ranges so they can run in parallel.
func TestForum(t *testing.T) {
	t.Parallel()
	t0 := time.Now()
	f := testforum.Start(t)
	t.Logf("forum started in %v", time.Since(t0).Round(time.Millisecond))
	c := newClient(t, f)
	if c.UID() != f.BotUID {
		t.Fatalf("UID = %d, want %d", c.UID(), f.BotUID)
	}

	t.Run("ReadProbes", func(t *testing.T) {
		t.Parallel()
		ctx := context.Background()
		posted := must[testforum.Posted](t)
		top := posted(f.GuestTopic(ctx, "203.0.113.7, 10.1.2.3", "xkqzvbwpl", "xkqzvbwpl", "xkqzvbwpl"))
		r1 := posted(f.GuestReply(ctx, "203.0.113.8", "h4ks8d92", top.TID, "h4ks8d92 h4ks8d92"))
		r2 := posted(f.GuestReply(ctx, "2001:db8::7", "", top.TID, "qpwmzrtx ünïcödé 😀"))
		acct, err := f.Register(ctx, "198.51.100.23", "probe-acct")
		if err != nil {
			t.Fatal(err)
		}
		r3 := posted(acct.Reply(ctx, top.TID, "zzkqvbwx tracking"))

		posts, next, err := c.Posts(ctx, top.PID-1, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if next < r3.PID {
			t.Fatalf("next cursor %d < last pid %d", next, r3.PID)
		}
		byPID := map[int64]nodebb.Post{}
		for i, p := range posts {
			byPID[p.PID] = p
			if i > 0 && posts[i-1].PID >= p.PID {
				t.Fatalf("posts not in pid order: %d then %d", posts[i-1].PID, p.PID)
			}
		}
		for _, w := range []struct {
			pid            int64
			ip, handle     string
			uid            int64
			content, title string
		}{
			{top.PID, "203.0.113.7", "xkqzvbwpl", 0, "xkqzvbwpl", "xkqzvbwpl"},
			{r1.PID, "203.0.113.8", "h4ks8d92", 0, "h4ks8d92 h4ks8d92", "xkqzvbwpl"},
			{r2.PID, "2001:db8::7", "", 0, "qpwmzrtx ünïcödé 😀", "xkqzvbwpl"},
			{r3.PID, "198.51.100.23", "", acct.UID, "zzkqvbwx tracking", "xkqzvbwpl"},
		} {
			p, ok := byPID[w.pid]
			if !ok {
				t.Fatalf("post %d not read", w.pid)
			}
			if p.IP != w.ip || p.Handle != w.handle || p.UID != w.uid || p.Content != w.content ||
				p.Topic.Title != w.title || p.TID != top.TID || p.Topic.CID != f.GuestCID || p.Topic.MainPID != top.PID {
				t.Errorf("post %d = %+v, want ip %s handle %q uid %d content %q title %q", w.pid, p, w.ip, w.handle, w.uid, w.content, w.title)
			}
			if p.Time.IsZero() || time.Since(p.Time) > time.Hour || p.Deleted {
				t.Errorf("post %d: time %v deleted %v", w.pid, p.Time, p.Deleted)
			}
		}
		if p := byPID[top.PID]; !p.Main() || byPID[r1.PID].Main() {
			t.Errorf("Main(): topic post %v, reply %v", p.Main(), byPID[r1.PID].Main())
		}
		if a := byPID[r3.PID].Author; a.Username != "probe-acct" || a.PostCount != 1 || a.Admin || a.GlobalMod || a.Banned {
			t.Errorf("account author = %+v", a)
		}
		if a := byPID[r1.PID].Author; a.UID != 0 || a.Username != "h4ks8d92" {
			t.Errorf("guest author = %+v", a)
		}
	})

	t.Run("RemoveReply", func(t *testing.T) {
		t.Parallel()
		ctx := context.Background()
		posted := must[testforum.Posted](t)
		top := posted(f.GuestTopic(ctx, "203.0.113.20", "", "a good topic", "nothing wrong here"))
		r := posted(f.GuestReply(ctx, "203.0.113.21", "", top.TID, "buy pills at spam.example"))

		rm, err := c.Remove(ctx, r.PID, false)
		if err != nil || rm.Topic || rm.Purged || rm.TID != top.TID {
			t.Fatalf("Remove = %+v, %v", rm, err)
		}
		if st := must[testforum.PostState](t)(f.Post(ctx, r.PID)); !st.Deleted || st.TopicDeleted {
			t.Fatalf("after delete: %+v", st)
		}
		_, err = c.Remove(ctx, r.PID, false)
		wantKind(t, "delete twice", err, nodebb.AlreadyDone)
		if p, err := c.Post(ctx, r.PID); err != nil || !p.Deleted {
			t.Fatalf("Post after delete = %+v, %v", p, err)
		}

		if err := c.Restore(ctx, r.PID); err != nil {
			t.Fatal(err)
		}
		if st := must[testforum.PostState](t)(f.Post(ctx, r.PID)); st.Deleted {
			t.Fatalf("after restore: %+v", st)
		}
		wantKind(t, "restore twice", c.Restore(ctx, r.PID), nodebb.AlreadyDone)

		rm, err = c.Remove(ctx, r.PID, true)
		if err != nil || !rm.Purged || rm.Topic {
			t.Fatalf("purge = %+v, %v", rm, err)
		}
		if st := must[testforum.PostState](t)(f.Post(ctx, r.PID)); st.Exists {
			t.Fatalf("after purge: %+v", st)
		}
		if st := must[testforum.TopicState](t)(f.Topic(ctx, top.TID)); !st.Exists || st.Deleted {
			t.Fatalf("topic after purging a reply: %+v", st)
		}
		_, err = c.Remove(ctx, r.PID, true)
		wantKind(t, "purge twice", err, nodebb.AlreadyDone)
		_, err = c.Post(ctx, r.PID)
		wantKind(t, "read purged", err, nodebb.Permanent)
	})

	t.Run("RemoveTopic", func(t *testing.T) {
		t.Parallel()
		ctx := context.Background()
		posted := must[testforum.Posted](t)
		top := posted(f.GuestTopic(ctx, "203.0.113.30", "pills", "Cheap pills", "cheap pills at spam.example"))
		r := posted(f.GuestReply(ctx, "203.0.113.31", "", top.TID, "more pills at spam.example"))

		rm, err := c.Remove(ctx, top.PID, false)
		if err != nil || !rm.Topic || rm.Purged {
			t.Fatalf("Remove main post = %+v, %v", rm, err)
		}
		if st := must[testforum.TopicState](t)(f.Topic(ctx, top.TID)); !st.Exists || !st.Deleted {
			t.Fatalf("topic after delete: %+v", st)
		}
		_, err = c.Remove(ctx, top.PID, false)
		wantKind(t, "delete topic twice", err, nodebb.AlreadyDone)
		if p, err := c.Post(ctx, r.PID); err != nil || !p.Topic.Deleted {
			t.Fatalf("reply's topic after delete: %+v, %v", p.Topic, err)
		}

		rm, err = c.Remove(ctx, top.PID, true)
		if err != nil || !rm.Topic || !rm.Purged {
			t.Fatalf("purge main post = %+v, %v", rm, err)
		}
		if st := must[testforum.TopicState](t)(f.Topic(ctx, top.TID)); st.Exists {
			t.Fatalf("topic after purge: %+v", st)
		}
		for _, pid := range []int64{top.PID, r.PID} {
			if st := must[testforum.PostState](t)(f.Post(ctx, pid)); st.Exists {
				t.Fatalf("post %d after topic purge: %+v", pid, st)
			}
		}
		_, err = c.Remove(ctx, top.PID, true)
		wantKind(t, "purge topic twice", err, nodebb.AlreadyDone)

		// A topic purged straight away, without a delete first.
		top2 := posted(f.GuestTopic(ctx, "203.0.113.32", "", "Cheap pills again", "cheap pills at spam.example"))
		if rm, err := c.Remove(ctx, top2.PID, true); err != nil || !rm.Topic || !rm.Purged {
			t.Fatalf("purge fresh topic = %+v, %v", rm, err)
		}
		if st := must[testforum.TopicState](t)(f.Topic(ctx, top2.TID)); st.Exists {
			t.Fatalf("fresh topic after purge: %+v", st)
		}
	})

	t.Run("Ban", func(t *testing.T) {
		t.Parallel()
		ctx := context.Background()
		a, err := f.Register(ctx, "198.51.100.40", "spam-acct")
		if err != nil {
			t.Fatal(err)
		}
		top := must[testforum.Posted](t)(a.Topic(ctx, "spam topic", "buy pills at spam.example"))
		until := time.Now().Add(24 * time.Hour)
		if err := c.Ban(ctx, a.UID, until, "link spam\n# and probes"); err != nil {
			t.Fatal(err)
		}
		banned, exp, err := f.Banned(ctx, a.UID)
		if err != nil || !banned || exp != until.UnixMilli() {
			t.Fatalf("Banned = %v until %d, %v; want until %d", banned, exp, err, until.UnixMilli())
		}
		if _, err := a.Reply(ctx, top.TID, "banned and posting again"); !testforum.Refused(err, "user-banned") {
			t.Fatalf("banned account posting: %v", err)
		}
		u, err := c.User(ctx, a.UID)
		if err != nil || !u.Banned || !u.BanExpires.Equal(time.UnixMilli(until.UnixMilli())) {
			t.Fatalf("User = %+v, %v", u, err)
		}
		wantKind(t, "ban twice", c.Ban(ctx, a.UID, time.Time{}, "again"), nodebb.AlreadyDone)
		if err := c.Unban(ctx, a.UID); err != nil {
			t.Fatal(err)
		}
		if banned, _, _ := f.Banned(ctx, a.UID); banned {
			t.Fatal("still banned after Unban")
		}
		wantKind(t, "unban twice", c.Unban(ctx, a.UID), nodebb.AlreadyDone)
		must[testforum.Posted](t)(a.Reply(ctx, top.TID, "unbanned and posting again"))

		wantKind(t, "ban the admin", c.Ban(ctx, f.AdminUID, time.Time{}, "no"), nodebb.Permanent)
		wantKind(t, "ban nobody", c.Ban(ctx, 99999, time.Time{}, "no"), nodebb.Permanent)
	})

	t.Run("Trusted", func(t *testing.T) {
		t.Parallel()
		ctx := context.Background()
		pol := nodebb.TrustPolicy{MinReputation: 1, MinPosts: 3}
		admin := must[nodebb.User](t)(c.User(ctx, f.AdminUID))
		if !admin.Admin || !admin.Trusted(pol) || !admin.Trusted(nodebb.TrustPolicy{}) {
			t.Errorf("admin = %+v, want admin and trusted", admin)
		}
		bot := must[nodebb.User](t)(c.User(ctx, f.BotUID))
		if bot.Admin || !bot.GlobalMod || !bot.Trusted(nodebb.TrustPolicy{}) {
			t.Errorf("bot = %+v, want global moderator and trusted", bot)
		}
		if (nodebb.User{}).Trusted(pol) {
			t.Error("a guest is trusted")
		}
		newbie := must[*testforum.Account](t)(f.Register(ctx, "198.51.100.50", "newbie"))
		voter := must[*testforum.Account](t)(f.Register(ctx, "198.51.100.51", "voter"))
		if u := must[nodebb.User](t)(c.User(ctx, newbie.UID)); u.Trusted(pol) {
			t.Errorf("new account %+v trusted", u)
		}
		top := must[testforum.Posted](t)(newbie.Topic(ctx, "hello all", "a first post"))
		for i := 0; i < 2; i++ {
			must[testforum.Posted](t)(newbie.Reply(ctx, top.TID, fmt.Sprintf("reply number %d", i)))
		}
		if u := must[nodebb.User](t)(c.User(ctx, newbie.UID)); u.PostCount != 3 || !u.Trusted(nodebb.TrustPolicy{MinPosts: 3}) || u.Trusted(nodebb.TrustPolicy{MinReputation: 1}) {
			t.Errorf("account with 3 posts: %+v", u)
		}
		if err := voter.Upvote(ctx, top.PID); err != nil {
			t.Fatal(err)
		}
		if u := must[nodebb.User](t)(c.User(ctx, newbie.UID)); u.Reputation != 1 || !u.Trusted(nodebb.TrustPolicy{MinReputation: 1}) {
			t.Errorf("upvoted account: %+v", u)
		}
	})

	t.Run("LoginChecks", func(t *testing.T) {
		t.Parallel()
		ctx := context.Background()
		a := must[*testforum.Account](t)(f.Register(ctx, "198.51.100.60", "not-a-mod"))
		plain, err := nodebb.New(nodebb.Config{URL: f.URL, Username: a.Username, Password: a.Password})
		if err != nil {
			t.Fatal(err)
		}
		wantKind(t, "login as a plain account", plain.Login(ctx), nodebb.Permanent)
		wrong, err := nodebb.New(nodebb.Config{URL: f.URL, Username: f.BotUser, Password: "wrong password"})
		if err != nil {
			t.Fatal(err)
		}
		_, _, err = wrong.Posts(ctx, 0, 10)
		wantKind(t, "read with a wrong password", err, nodebb.Permanent)
		if !strings.Contains(err.Error(), "error:invalid-password") {
			t.Errorf("wrong password: %v", err)
		}
	})

	// After the forum forgets the bot's session, reads still see IPs and
	// moderation still works: the client logs in again.
	t.Run("SessionLost", func(t *testing.T) {
		t.Parallel()
		ctx := context.Background()
		// No token: the session is all the client has.
		c, err := nodebb.New(nodebb.Config{URL: f.URL, Username: f.BotUser, Password: f.BotPassword})
		if err != nil {
			t.Fatal(err)
		}
		top := must[testforum.Posted](t)(f.GuestTopic(ctx, "203.0.113.99", "", "session test", "a post to moderate"))
		nodebb.ForgetSession(c)
		p, err := c.Post(ctx, top.PID)
		if err != nil || p.IP != "203.0.113.99" || p.Content != "a post to moderate" {
			t.Fatalf("Post after a lost session = %+v, %v", p, err)
		}
		nodebb.ForgetSession(c)
		posts, _, err := c.Posts(ctx, top.PID-1, 1)
		if err != nil || len(posts) != 1 || posts[0].IP != "203.0.113.99" {
			t.Fatalf("Posts after a lost session = %+v, %v", posts, err)
		}
		// A socket opened without the session acts as a guest: NodeBB
		// answers no-privileges, and the client logs in again and retries.
		nodebb.ForgetSession(c)
		if _, err := c.Remove(ctx, top.PID, false); err != nil {
			t.Fatalf("Remove after a lost session: %v", err)
		}
		if st := must[testforum.TopicState](t)(f.Topic(ctx, top.TID)); !st.Deleted {
			t.Fatalf("topic after Remove: %+v", st)
		}
		// The IP blacklist answers 403 without the session.
		nodebb.ForgetSession(c)
		if _, err := c.Blacklist(ctx); err != nil {
			t.Fatalf("Blacklist after a lost session: %v", err)
		}
	})

	t.Run("OffSwitch", func(t *testing.T) {
		t.Parallel()
		ctx := context.Background()
		sw := must[testforum.Posted](t)(f.AdminTopic(ctx, "wikiwarden switch", "false (set to true to let the bot act)"))
		if on, err := c.Enabled(ctx, sw.TID); err != nil || on {
			t.Fatalf("Enabled = %v, %v; want false", on, err)
		}
		if err := f.AdminEdit(ctx, sw.PID, " True \n\nset the first line to false to stop the bot"); err != nil {
			t.Fatal(err)
		}
		if on, err := c.Enabled(ctx, sw.TID); err != nil || !on {
			t.Fatalf("Enabled = %v, %v; want true", on, err)
		}
		if on, err := c.Enabled(ctx, 99999); err != nil || on {
			t.Fatalf("Enabled(missing topic) = %v, %v; want false", on, err)
		}
		guest := must[testforum.Posted](t)(f.GuestTopic(ctx, "203.0.113.77", "", "not a switch", "true\nsays a guest"))
		on, err := c.Enabled(ctx, guest.TID)
		if on {
			t.Fatal("a guest's topic switched the bot on")
		}
		wantKind(t, "guest's switch", err, nodebb.Permanent)
	})

	t.Run("Blacklist", func(t *testing.T) {
		t.Parallel()
		ctx := context.Background()
		const others = "# the admins' own rules\n192.0.2.66 # a known pest\n10.9.0.0/16"
		if err := f.SetBlacklist(ctx, others); err != nil {
			t.Fatal(err)
		}
		top := must[testforum.Posted](t)(f.AdminTopic(ctx, "blacklist test", "guests reply here"))
		if err := c.Block(ctx, netip.MustParsePrefix("198.18.5.7/32"), "probe xkqzvbwpl"); err != nil {
			t.Fatal(err)
		}
		if err := c.Block(ctx, netip.MustParsePrefix("198.18.9.77/24"), "botnet range #2\nof probes"); err != nil {
			t.Fatal(err)
		}
		if err := c.Block(ctx, netip.MustParsePrefix("2001:db8:0:0::99/128"), "v6 probe"); err != nil {
			t.Fatal(err)
		}
		got := must[string](t)(f.Blacklist(ctx))
		want := others + "\n198.18.5.7 # probe xkqzvbwpl\n198.18.9.0/24 # botnet range 2 of probes\n2001:db8::99 # v6 probe"
		if got != want {
			t.Fatalf("blacklist =\n%s\nwant\n%s", got, want)
		}
		rules := must[[]nodebb.Rule](t)(c.Blacklist(ctx))
		if len(rules) != 6 || !rules[4].Covers(netip.MustParseAddr("198.18.9.200")) || rules[4].Comment != "botnet range 2 of probes" || rules[0].Prefix.IsValid() {
			t.Fatalf("rules = %+v", rules)
		}
		for _, ip := range []string{"198.18.5.7", "198.18.9.200", "2001:db8::99"} {
			if _, err := f.GuestReply(ctx, ip, "", top.TID, "probe from "+ip); !testforum.Refused(err, "blacklisted-ip") {
				t.Errorf("guest from %s: %v, want blacklisted-ip", ip, err)
			}
		}
		must[testforum.Posted](t)(f.GuestReply(ctx, "198.18.10.1", "", top.TID, "a neighbour range may post"))

		wantKind(t, "block twice", c.Block(ctx, netip.MustParsePrefix("198.18.9.0/24"), "again"), nodebb.AlreadyDone)
		wantKind(t, "block an IPv6 range", c.Block(ctx, netip.MustParsePrefix("2001:db8::/64"), "v6"), nodebb.Permanent)
		wantKind(t, "block loopback", c.Block(ctx, netip.MustParsePrefix("127.0.0.1/32"), "me"), nodebb.Permanent)

		for _, p := range []string{"198.18.5.7/32", "198.18.9.0/24", "2001:db8::99/128"} {
			if err := c.Unblock(ctx, netip.MustParsePrefix(p)); err != nil {
				t.Fatal(err)
			}
		}
		if got := must[string](t)(f.Blacklist(ctx)); got != others {
			t.Fatalf("after unblock, blacklist =\n%s\nwant\n%s", got, others)
		}
		wantKind(t, "unblock twice", c.Unblock(ctx, netip.MustParsePrefix("198.18.9.0/24")), nodebb.AlreadyDone)
		must[testforum.Posted](t)(f.GuestReply(ctx, "198.18.9.200", "", top.TID, "unblocked range posts again"))
	})
}

// TestBacklog reads a backlog of 200 posts from guests of many IPs with a
// gap (a purged post), in pages, on a forum of its own.
func TestBacklog(t *testing.T) {
	t.Parallel()
	f := testforum.Start(t)
	c := newClient(t, f)
	ctx := context.Background()
	const n = 200
	top, err := f.GuestTopic(ctx, "203.0.113.1", "", "backlog", "the first post of the backlog")
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	var mu sync.Mutex
	var failed error
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i := 1; i < n; i++ {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			ip := fmt.Sprintf("198.51.%d.%d", i/250, i%250+1)
			if _, err := f.GuestReply(ctx, ip, "", top.TID, fmt.Sprintf("probe number %d tok%05d", i, i)); err != nil {
				mu.Lock()
				failed = err
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if failed != nil {
		t.Fatal(failed)
	}
	t.Logf("posted %d posts in %v", n, time.Since(t0).Round(time.Millisecond))
	gap := top.PID + 50
	if _, err := c.Remove(ctx, gap, true); err != nil {
		t.Fatal(err)
	}

	t0 = time.Now()
	all, next, err := c.Posts(ctx, top.PID-1, n)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("read %d posts in %v", len(all), time.Since(t0).Round(time.Millisecond))
	if len(all) != n-1 || next != top.PID+n-1 {
		t.Fatalf("read %d posts up to %d, want %d up to %d", len(all), next, n-1, top.PID+n-1)
	}
	seen := map[string]bool{}
	for _, p := range all {
		if p.PID == gap {
			t.Fatalf("purged post %d read", gap)
		}
		if p.IP == "" || seen[p.IP] && p.PID != top.PID {
			t.Fatalf("post %d: IP %q (repeated or missing)", p.PID, p.IP)
		}
		seen[p.IP] = true
	}

	// Pages of 30 give the same posts.
	var paged []nodebb.Post
	cursor := top.PID - 1
	for {
		page, nx, err := c.Posts(ctx, cursor, 30)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) > 30 {
			t.Fatalf("page of %d posts, limit 30", len(page))
		}
		if len(page) == 0 {
			if nx != cursor {
				t.Fatalf("empty page moved the cursor %d -> %d", cursor, nx)
			}
			break
		}
		paged = append(paged, page...)
		cursor = nx
	}
	if len(paged) != len(all) {
		t.Fatalf("pages gave %d posts, one call %d", len(paged), len(all))
	}
	for i := range all {
		if paged[i].PID != all[i].PID || !strings.HasPrefix(paged[i].Content, "probe number") && paged[i].PID != top.PID {
			t.Fatalf("paged post %d = %+v, want pid %d", i, paged[i], all[i].PID)
		}
	}
}
