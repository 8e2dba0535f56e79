package nbsite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/wikiwarden/wikiwarden/bot"
	"github.com/wikiwarden/wikiwarden/config"
	"github.com/wikiwarden/wikiwarden/decision"
	"github.com/wikiwarden/wikiwarden/internal/testforum"
	"github.com/wikiwarden/wikiwarden/nbsite"
	"github.com/wikiwarden/wikiwarden/nodebb"
)

// TestForumEstablishedAccount patrols a real NodeBB with the config's
// default rule of established accounts: an account of ten days whose
// posts stayed up is left alone, as a wiki leaves an autoconfirmed editor,
// when it names its project with a random-looking word; the same kind of
// post is removed from a brand-new account that wrote a burst of ordinary
// posts first, and from an old account whose earlier posts were removed.
func TestForumEstablishedAccount(t *testing.T) {
	f := testforum.Start(t)
	ctx := context.Background()
	must := func(p testforum.Posted, err error) testforum.Posted {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	account := func(ip, name string) *testforum.Account {
		t.Helper()
		a, err := f.Register(ctx, ip, name)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	client, err := nodebb.New(nodebb.Config{URL: f.URL, Username: f.BotUser, Password: f.BotPassword, Token: f.BotToken})
	if err != nil {
		t.Fatal(err)
	}
	const old = 10 * 24 * time.Hour

	// dana: ten days on the forum, three posts nobody removed.
	dana := account("198.51.100.61", "dana")
	topic := must(dana.Topic(ctx, "Building a weather station", "I am building a small weather station for the garden and would like some advice on sensors."))
	must(dana.Reply(ctx, topic.TID, "The humidity sensor I bought reads ten percent too high, so I calibrated it against a hygrometer."))
	must(dana.Reply(ctx, topic.TID, "After a week the readings match the airport's station within a degree."))
	// frank: as old, but a moderator removed his posts.
	frank := account("198.51.100.62", "frank")
	for _, text := range []string{"Great thread, thanks for sharing.", "I have the same sensor at home.", "Nice work on the station."} {
		p := must(frank.Reply(ctx, topic.TID, text))
		if err := client.Login(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := client.Remove(ctx, p.PID, false); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range []*testforum.Account{dana, frank} {
		if err := f.Backdate(ctx, a.UID, old); err != nil {
			t.Fatal(err)
		}
	}

	// Today: dana names her project; a brand-new account writes three
	// ordinary replies and then a probe; frank probes.
	named := must(dana.Reply(ctx, topic.TID, "I put the code on my page as xkqzvbwpl, comments welcome."))
	eve := account("198.51.100.63", "eve")
	for _, text := range []string{"Hello everyone, glad to be here.", "Which sensor did you use for the wind?", "I am new to electronics."} {
		must(eve.Reply(ctx, topic.TID, text))
	}
	newbieProbe := must(eve.Reply(ctx, topic.TID, "Thanks for the tips wqxzrtvbk"))
	frankProbe := must(frank.Reply(ctx, topic.TID, "Good luck with it jzqxvkwpr"))

	posts, age := config.NodeBBSite{}.Established()
	site := nbsite.New(client, nbsite.Options{
		SummaryPrefix: "wikiwarden:",
		Trust:         nodebb.TrustPolicy{EstablishedPosts: posts, EstablishedAge: age},
	}, quiet())
	st := openStore(t, filepath.Join(t.TempDir(), "ww.db"))
	defer st.Close()
	p, err := bot.New(patrolOpts(false), site, st.Site("forum"), quiet())
	if err != nil {
		t.Fatal(err)
	}
	sum, err := p.Pass(ctx)
	t.Logf("pass: %v", sum)
	if err != nil || sum.Errors != 0 {
		t.Fatalf("pass: %v, %v", sum, err)
	}
	if sum.Skipped[decision.SkipEditCount] != 1 {
		t.Errorf("skipped %v; want dana's one post of today left alone as an established account's", sum.Skipped)
	}
	for _, c := range []struct {
		who     string
		pid     int64
		removed bool
	}{
		{"the established account's project name", named.PID, false},
		{"the brand-new account's probe", newbieProbe.PID, true},
		{"the probe of an old account whose posts were removed", frankProbe.PID, true},
	} {
		ps, err := f.Post(ctx, c.pid)
		if err != nil {
			t.Fatal(err)
		}
		if gone := ps.Deleted || !ps.TopicExists || ps.TopicDeleted; gone != c.removed {
			t.Errorf("%s (post %d): removed %v, want %v", c.who, c.pid, gone, c.removed)
		}
	}
}
