package nbsite

import (
	"context"
	"errors"
	"io"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/sirupsen/logrus"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/nodebb"
	"github.com/wikiwarden/wikiwarden/store"
)

// fakeForum is a forum in memory: posts by pid, and what the adapter asked
// of it.
type fakeForum struct {
	posts   map[int64]nodebb.Post
	newest  int64
	enabled bool
	enErr   error
	banErr  error
	blkErr  error

	blocks []string // "target # reason"
	bans   map[int64]time.Time
	gets   int // Post calls
}

func newFake() *fakeForum {
	return &fakeForum{posts: map[int64]nodebb.Post{}, bans: map[int64]time.Time{}}
}

var t0 = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

func (f *fakeForum) add(p nodebb.Post) {
	if p.Topic.TID == 0 {
		p.Topic = nodebb.Topic{TID: p.TID, MainPID: p.PID, Title: "Topic " + string(rune('A'+p.TID))}
		for _, q := range f.posts {
			if q.TID == p.TID {
				p.Topic = q.Topic // a reply
			}
		}
	}
	f.posts[p.PID] = p
	f.newest = max(f.newest, p.PID)
}

func (f *fakeForum) Login(context.Context) error { return nil }
func (f *fakeForum) UID() int64                  { return 2 }
func (f *fakeForum) Newest(context.Context) (int64, error) {
	return f.newest, nil
}

func (f *fakeForum) Posts(_ context.Context, after int64, limit int) ([]nodebb.Post, int64, error) {
	var out []nodebb.Post
	next := after
	for pid := after + 1; pid <= f.newest && len(out) < limit; pid++ {
		if p, ok := f.posts[pid]; ok {
			out = append(out, p)
		}
		next = pid
	}
	return out, next, nil
}

func (f *fakeForum) Post(_ context.Context, pid int64) (nodebb.Post, error) {
	f.gets++
	p, ok := f.posts[pid]
	if !ok {
		return nodebb.Post{}, &nodebb.Error{Op: "read post", Kind: nodebb.Permanent, Code: "http 404"}
	}
	return p, nil
}

func (f *fakeForum) Topic(_ context.Context, tid int64) (nodebb.Topic, error) {
	for _, p := range f.posts {
		if p.TID == tid {
			return p.Topic, nil
		}
	}
	return nodebb.Topic{TID: tid, Purged: true, Deleted: true}, nil
}

func (f *fakeForum) User(_ context.Context, uid int64) (nodebb.User, error) {
	return nodebb.User{UID: uid, Username: "patrolbot", GlobalMod: true}, nil
}

func (f *fakeForum) Remove(_ context.Context, pid int64, purge bool) (nodebb.Removal, error) {
	p := f.posts[pid]
	if p.Deleted {
		return nodebb.Removal{PID: pid}, &nodebb.Error{Op: "delete", Kind: nodebb.AlreadyDone}
	}
	p.Deleted = true
	f.posts[pid] = p
	return nodebb.Removal{PID: pid, TID: p.TID, Topic: p.Main()}, nil
}

func (f *fakeForum) Ban(_ context.Context, uid int64, until time.Time, reason string) error {
	if f.banErr != nil {
		return f.banErr
	}
	if _, ok := f.bans[uid]; ok {
		return &nodebb.Error{Op: "ban", Kind: nodebb.AlreadyDone}
	}
	f.bans[uid] = until
	return nil
}

func (f *fakeForum) Block(_ context.Context, target netip.Prefix, reason string) error {
	if f.blkErr != nil {
		return f.blkErr
	}
	for _, b := range f.blocks {
		if strings.HasPrefix(b, target.String()+" ") {
			return &nodebb.Error{Op: "blacklist", Kind: nodebb.AlreadyDone}
		}
	}
	f.blocks = append(f.blocks, target.String()+" # "+reason)
	return nil
}

func (f *fakeForum) Enabled(context.Context, int64) (bool, error) { return f.enabled, f.enErr }

func quiet() logrus.FieldLogger {
	l := logrus.New()
	l.SetOutput(io.Discard)
	return l
}

func newSite(f Forum, o Options) *Site {
	if o.Now == nil {
		o.Now = func() time.Time { return t0 }
	}
	return New(f, o, quiet())
}

func TestContributions(t *testing.T) {
	f := newFake()
	f.add(nodebb.Post{PID: 1, TID: 1, UID: 1, Content: "old welcome", Time: t0.Add(-48 * time.Hour), Author: nodebb.User{UID: 1, Username: "admin", Admin: true}})
	for pid := int64(2); pid <= 40; pid++ {
		f.add(nodebb.Post{PID: pid, TID: 1, UID: 1, Content: "old", Time: t0.Add(-30 * time.Hour), Author: nodebb.User{UID: 1, Username: "admin", Admin: true}})
	}
	f.add(nodebb.Post{PID: 41, TID: 2, Content: "xkqzvbwpl", IP: "::ffff:192.0.2.7", Handle: "", Time: t0.Add(-time.Hour)})
	f.add(nodebb.Post{PID: 42, TID: 1, Content: "hello", IP: "198.51.100.4", Handle: "patrolbot", Time: t0.Add(-time.Hour)})
	f.add(nodebb.Post{PID: 43, TID: 1, UID: 5, Content: "hi", IP: "2001:db8::5", Time: t0, Author: nodebb.User{UID: 5, Username: "rose", PostCount: 120}})
	s := newSite(f, Options{Trust: nodebb.TrustPolicy{MinPosts: 100}})

	// The first pass reads the lookback window, not the whole forum.
	cs, err := s.Contributions(context.Background(), store.Cursor{Time: t0.Add(-2 * time.Hour)}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 3 || cs[0].ID != 41 || cs[2].ID != 43 {
		t.Fatalf("first pass read %+v; want posts 41-43", cs)
	}
	guest, fake, acct := cs[0], cs[1], cs[2]
	if !guest.Author.Anon || guest.Author.Name != "guest" || guest.Author.IP != netip.MustParseAddr("192.0.2.7") ||
		guest.ParentID != 0 || guest.Seq != 41 || guest.Format != bot.FormatMarkdown || guest.Place.Title != "topic 2: Topic C" {
		t.Errorf("guest post: %+v", guest)
	}
	if fake.Author.Name != "guest:patrolbot" {
		t.Errorf("a guest calling itself the bot is named %q; want it marked", fake.Author.Name)
	}
	if acct.Author.Anon || acct.Author.Name != "rose" || acct.Author.IP != netip.MustParseAddr("2001:db8::5") {
		t.Errorf("account post: %+v", acct.Author)
	}
	texts, err := s.Texts(context.Background(), cs)
	if err != nil || texts[41].After != "Topic C\n\nxkqzvbwpl" || texts[41].Before != "" || texts[43].After != "hi" {
		t.Errorf("texts %+v, %v; want the opening post with its title", texts, err)
	}
	trusted, _ := s.Trusted(context.Background(), []string{"rose", "nobody"})
	if trusted["rose"] != decision.SkipEditCount || len(trusted) != 1 {
		t.Errorf("trusted %v; want rose by post count", trusted)
	}

	// Later passes continue from the cursor's pid, a margin before it.
	cs, err = s.Contributions(context.Background(), store.Cursor{Time: t0, RCID: 43}, 0)
	if err != nil || len(cs) != reread || cs[0].ID != 43-reread+1 {
		t.Errorf("pass from pid 43 read %d from %v, %v; want the %d before it again", len(cs), cs[0].ID, err, reread)
	}
}

func TestPlacesAndRemoval(t *testing.T) {
	f := newFake()
	f.add(nodebb.Post{PID: 1, TID: 1, UID: 1, Content: "welcome", Time: t0, Author: nodebb.User{UID: 1, Username: "admin"}})
	f.add(nodebb.Post{PID: 2, TID: 1, Content: "xkqzvbwpl", IP: "192.0.2.7", Time: t0, Topic: f.posts[1].Topic})
	f.add(nodebb.Post{PID: 3, TID: 1, Content: "nice", IP: "198.51.100.4", Time: t0, Topic: f.posts[1].Topic})
	s := newSite(f, Options{SummaryPrefix: "wikiwarden:"})
	ctx := context.Background()
	cs, err := s.Contributions(ctx, store.Cursor{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	title := cs[1].Place.Title
	pl, err := s.Places(ctx, []string{title})
	if err != nil || !pl[title].Standalone || pl[title].Missing || !strings.Contains(pl[title].Latest.Text, "xkqzvbwpl") {
		t.Fatalf("places %+v, %v", pl, err)
	}
	g := bot.Grounds{Decision: decision.Decision{Verdict: decision.VerdictProbe}, Tokens: []string{"xkqzvbwpl"}}
	r, err := s.RemovePlace(ctx, bot.Removal{Contribution: cs[1], Grounds: g})
	if err != nil || !r.Deleted || !strings.Contains(r.Summary, "deleted post 2") || !strings.Contains(r.Summary, "xkqzvbwpl") {
		t.Errorf("remove: %+v, %v", r, err)
	}
	// Removed, the post's text is no longer the place's.
	pl, _ = s.Places(ctx, []string{title})
	if strings.Contains(pl[title].Latest.Text, "xkqzvbwpl") {
		t.Errorf("place after the removal still holds the token: %q", pl[title].Latest.Text)
	}
	if _, err := s.Remove(ctx, bot.Removal{Contribution: cs[1], Grounds: g}); !errors.Is(err, bot.ErrAlreadyDone) {
		t.Errorf("second removal: %v; want ErrAlreadyDone", err)
	}
	if pl, _ := s.Places(ctx, []string{"topic 9: gone"}); !pl["topic 9: gone"].Missing {
		t.Errorf("a purged topic: %+v; want missing", pl)
	}
	if _, err := s.Places(ctx, []string{"Main Page"}); !errors.Is(err, bot.ErrPermanent) {
		t.Errorf("a title that is no topic: %v; want ErrPermanent", err)
	}
	for name, err := range map[string]error{
		"history": func() error { _, err := s.History(ctx, title, 20); return err }(),
		"rewrite": func() error { _, err := s.Rewrite(ctx, bot.Rewrite{}); return err }(),
	} {
		if !errors.Is(err, bot.ErrPermanent) || !errors.Is(err, bot.ErrUnsupported) {
			t.Errorf("%s: %v; want ErrPermanent and ErrUnsupported", name, err)
		}
	}
}

func TestBlock(t *testing.T) {
	ctx := context.Background()
	guest := bot.Author{Name: "guest", Anon: true, IP: netip.MustParseAddr("192.0.2.7")}
	tests := []struct {
		name      string
		req       bot.BlockRequest
		blkErr    error
		banErr    error
		wantErr   error
		wantRules []string
		wantBan   bool
	}{
		{name: "IPv4 range", req: bot.BlockRequest{Target: "192.0.2.0/24", Expiry: "1 week", Author: guest, Contribution: 7},
			wantRules: []string{"192.0.2.0/24"}},
		{name: "IPv6 range as its address", req: bot.BlockRequest{Target: "2001:db8::/64", Expiry: "1 day",
			Author: bot.Author{Name: "guest", Anon: true, IP: netip.MustParseAddr("2001:db8::99")}}, wantRules: []string{"2001:db8::99/128"}},
		{name: "account and its address", req: bot.BlockRequest{Target: "198.51.100.4", Expiry: "1 month",
			Author: bot.Author{Name: "spammer", IP: netip.MustParseAddr("198.51.100.4")}, Contribution: 5},
			wantRules: []string{"198.51.100.4/32"}, wantBan: true},
		{name: "in force already", req: bot.BlockRequest{Target: "192.0.2.0/24", Expiry: "1 day", Author: guest},
			blkErr: &nodebb.Error{Kind: nodebb.AlreadyDone}, wantErr: bot.ErrAlreadyDone},
		{name: "ban fails for now", req: bot.BlockRequest{Target: "198.51.100.4", Expiry: "infinite",
			Author: bot.Author{Name: "spammer", IP: netip.MustParseAddr("198.51.100.4")}, Contribution: 5},
			banErr: &nodebb.Error{Kind: nodebb.Transient}, wantErr: bot.ErrTransient, wantRules: []string{"198.51.100.4/32"}},
		{name: "bad expiry", req: bot.BlockRequest{Target: "192.0.2.7", Expiry: "1 dya", Author: guest}, wantErr: bot.ErrPermanent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake()
			f.add(nodebb.Post{PID: 5, TID: 1, UID: 9, IP: "198.51.100.4", Author: nodebb.User{UID: 9, Username: "spammer"}})
			f.blkErr, f.banErr = tt.blkErr, tt.banErr
			s := newSite(f, Options{SummaryPrefix: "wikiwarden:"})
			b, err := s.Block(ctx, tt.req)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Errorf("err %v; want %v", err, tt.wantErr)
				}
			} else if err != nil || !strings.HasPrefix(b.Reason, "wikiwarden: ") {
				t.Errorf("block: %+v, %v", b, err)
			}
			var rules []string
			for _, r := range f.blocks {
				rules = append(rules, strings.SplitN(r, " ", 2)[0])
			}
			if strings.Join(rules, ",") != strings.Join(tt.wantRules, ",") {
				t.Errorf("rules %v; want %v", rules, tt.wantRules)
			}
			until, banned := f.bans[9]
			if banned != tt.wantBan {
				t.Errorf("banned %v; want %v", banned, tt.wantBan)
			}
			if banned && !until.Equal(t0.AddDate(0, 1, 0)) {
				t.Errorf("banned until %v; want a month from %v", until, t0)
			}
		})
	}
}

func TestExpiry(t *testing.T) {
	for in, want := range map[string]time.Time{
		"1 day": t0.AddDate(0, 0, 1), "2 weeks": t0.AddDate(0, 0, 14), "1 Month": t0.AddDate(0, 1, 0),
		"31 hours": t0.Add(31 * time.Hour), "infinite": {}, "never": {}, "2027-01-02": time.Date(2027, 1, 2, 0, 0, 0, 0, time.UTC),
	} {
		if got, err := expiry(in, t0); err != nil || !got.Equal(want) {
			t.Errorf("expiry(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "1 dya", "0 days", "soon"} {
		if _, err := expiry(bad, t0); err == nil {
			t.Errorf("expiry(%q): no error", bad)
		}
	}
}

func TestWritesAllowed(t *testing.T) {
	ctx := context.Background()
	f := newFake()
	if ok, _, err := newSite(f, Options{}).WritesAllowed(ctx); !ok || err != nil {
		t.Errorf("no off switch: %v, %v; want writes allowed", ok, err)
	}
	s := newSite(f, Options{ShutoffTopic: 3})
	if ok, why, err := s.WritesAllowed(ctx); ok || err != nil || !strings.Contains(why, "topic 3") {
		t.Errorf("switch off: %v %q %v", ok, why, err)
	}
	f.enabled = true
	if ok, _, err := s.WritesAllowed(ctx); !ok || err != nil {
		t.Errorf("switch on: %v, %v", ok, err)
	}
	f.enabled, f.enErr = false, &nodebb.Error{Op: "read off switch", Kind: nodebb.Permanent, Code: "untrusted-switch"}
	if ok, why, err := s.WritesAllowed(ctx); ok || err != nil || !strings.Contains(why, "untrusted-switch") {
		t.Errorf("a guest's switch: %v %q %v; want observe only, saying why", ok, why, err)
	}
	f.enErr = &nodebb.Error{Op: "read off switch", Kind: nodebb.Transient}
	if _, _, err := s.WritesAllowed(ctx); !errors.Is(err, bot.ErrTransient) {
		t.Errorf("forum down: %v; want ErrTransient", err)
	}
}

func TestKnownLinks(t *testing.T) {
	f := newFake()
	f.add(nodebb.Post{PID: 1, TID: 1, Content: "See [the RHS](https://www.rhs.org.uk/composting). Or <https://en.wikipedia.org/wiki/Compost>, and http://example.org/x."})
	f.add(nodebb.Post{PID: 2, TID: 1, Content: "http://spam.example/ deleted", Deleted: true, Topic: f.posts[1].Topic})
	links, err := newSite(f, Options{}).KnownLinks(context.Background(), 10)
	want := "https://www.rhs.org.uk/composting https://en.wikipedia.org/wiki/Compost http://example.org/x"
	if err != nil || strings.Join(links, " ") != want {
		t.Errorf("known links %q, %v; want %q", links, err, want)
	}
}

// TestTrustedEstablished: with the established-account rule, an account
// old enough with enough posts still up is left alone like a trusted one,
// and a brand-new account, a banned one and a guest are not.
func TestTrustedEstablished(t *testing.T) {
	f := newFake()
	days := func(d int) time.Time { return t0.Add(-time.Duration(d) * 24 * time.Hour) }
	old := []time.Time{days(2), days(3), days(5)}
	accounts := []nodebb.User{
		{UID: 5, Username: "rose", Joined: days(30), PostCount: 4, Posted: old},
		{UID: 6, Username: "newbie", Joined: t0.Add(-time.Hour), PostCount: 4, Posted: []time.Time{t0, t0, t0, t0}},
		{UID: 7, Username: "banned", Joined: days(30), Banned: true, Posted: old},
	}
	for i, u := range accounts {
		f.add(nodebb.Post{PID: int64(50 + i), TID: 1, UID: u.UID, Content: "hi", IP: "198.51.100.9", Time: t0, Author: u})
	}
	f.add(nodebb.Post{PID: 60, TID: 1, Content: "hi", IP: "192.0.2.7", Handle: "walker", Time: t0})
	s := newSite(f, Options{Trust: nodebb.TrustPolicy{EstablishedPosts: 3, EstablishedAge: 4 * 24 * time.Hour}})
	if _, err := s.Contributions(context.Background(), store.Cursor{}, 0); err != nil {
		t.Fatal(err)
	}
	trusted, err := s.Trusted(context.Background(), []string{"rose", "newbie", "banned", "walker"})
	if err != nil || len(trusted) != 1 || trusted["rose"] != decision.SkipEditCount {
		t.Errorf("trusted %v, %v; want rose alone, by her accepted posts", trusted, err)
	}
	off := newSite(f, Options{})
	if _, err := off.Contributions(context.Background(), store.Cursor{}, 0); err != nil {
		t.Fatal(err)
	}
	if trusted, _ := off.Trusted(context.Background(), []string{"rose"}); len(trusted) != 0 {
		t.Errorf("with the rule off, trusted %v; want nobody", trusted)
	}
}
